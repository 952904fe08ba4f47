//! Review: an editor's decisions on events (confirm, edit a field, reject, merge, split),
//! each recorded in the event's history, and the queue of events nobody has looked at.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use litopys_store::{Action, Status};
use serde::Deserialize;

use crate::accounts::Role;
use crate::auth::Caller;
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/api/events/{id}/review", post(review)).route("/api/review/queue", get(queue))
}

/// `POST /api/events/{id}/review` with an action: `{"action": "confirm"}`,
/// `{"action": "edit", "field": "fatalities", "value": 2}`, `{"action": "reject"}`,
/// `{"action": "merge", "other": "UKR..."}`, `{"action": "split", "incidents": ["UKR..."]}`.
async fn review(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    let actor = caller.require(Role::Editor)?.name.clone();
    let Json(body) = body?;
    let action: Action = serde_json::from_value(body).map_err(|e| {
        ApiError::BadRequest(format!(
            "not a review action ({e}); send {{\"action\": \"confirm\"}}, {{\"action\": \"edit\", \"field\": F, \"value\": V}}, \
             {{\"action\": \"reject\"}}, {{\"action\": \"merge\", \"other\": ID}} or {{\"action\": \"split\", \"incidents\": [...]}}"
        ))
    })?;
    let snapshot = state.snapshot.clone();
    state
        .with_writer(move |store| {
            let done = store.review(&id, &action, &actor);
            crate::snapshot::reviewed(store, &snapshot, &id, &action);
            done?;
            let event = store.event(&id)?;
            let history = store.history(&id)?;
            let mut v = serde_json::to_value(&event).map_err(|e| ApiError::Internal(e.to_string()))?;
            v["history"] = serde_json::to_value(&history).map_err(|e| ApiError::Internal(e.to_string()))?;
            v["names_uk"] = crate::events::names_uk(&event);
            Ok((StatusCode::OK, Json(v)))
        })
        .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueParams {
    limit: Option<String>,
}

/// `GET /api/review/queue?limit=100`: events awaiting review: first those that wait for a
/// date (status `needs-date`: their report needs one before anything else can be judged),
/// then the new ones, oldest first; with how many there are in all.
async fn queue(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Query<QueueParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    let limit = match params?.0.limit.as_deref() {
        None => 100,
        Some(l) => l.parse::<usize>().ok().filter(|n| (1..=1000).contains(n)).ok_or_else(|| ApiError::BadRequest(format!("limit: expected a whole number from 1 to 1000, got {l:?}")))?,
    };
    state
        .with_snapshot(move |store, snap| {
            let cols = &snap.cols;
            let mut pending: Vec<usize> = (0..cols.len()).filter(|&i| cols.status_of(i) == Status::NeedsDate).collect();
            let n_needs_date = pending.len();
            pending.extend((0..cols.len()).filter(|&i| cols.status_of(i) == Status::New));
            let events = crate::events::read_events(store, pending.iter().take(limit).map(|&i| &*cols.ids[i]))?;
            let items: Vec<_> = events
                .iter()
                .map(|e| {
                    let i = &e.incident;
                    serde_json::json!({
                        "id": e.id, "status": e.status.as_str(), "event_date": i.event_date.to_string(), "event_type": i.event_type.as_str(),
                        "sub_event_type": i.sub_event_type.as_str(), "admin1": i.admin1, "location": i.location,
                        "fatalities": i.fatalities, "notes": i.notes, "n_sources": e.sources.len(),
                        "location_uk": crate::names::place_uk(&i.location, &i.admin1, crate::names::Unit::Settlement), "admin1_uk": crate::names::oblast_uk(&i.admin1),
                        "doc_id": e.sources.first().map(|s| s.doc_id),
                    })
                })
                .collect();
            Ok(Json(serde_json::json!({ "n_pending": pending.len(), "n_needs_date": n_needs_date, "events": items })))
        })
        .await
}
