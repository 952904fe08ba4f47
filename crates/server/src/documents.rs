//! Documents: one stored report with its text (evidence offsets point into it), and
//! full-text search over documents and event notes.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use litopys_store::HitKind;
use serde::Deserialize;

use crate::auth::Caller;
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/api/documents/{id}", get(one)).route("/api/search", get(search))
}

/// `GET /api/documents/{id}` (the numeric `doc_id` of an event's sources).
async fn one(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    let doc_id: i64 = id.parse().map_err(|_| ApiError::BadRequest(format!("document id: expected a number (an event source's doc_id), got {id:?}")))?;
    state
        .with_reader(move |store| {
            let d = store.document(doc_id)?;
            Ok(Json(serde_json::json!({
                "doc_id": doc_id, "document": d.id, "text": d.text, "published": d.published.map(|p| p.to_string()),
                "url": d.source, "title": d.title, "lang": d.lang,
            })))
        })
        .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
}

/// `GET /api/search?q=words&limit=20`: documents and events whose text has every word.
async fn search(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    let p = params?.0;
    let q = p.q.unwrap_or_default();
    if !q.chars().any(char::is_alphanumeric) {
        return Err(ApiError::BadRequest("q: give at least one word to search for".into()));
    }
    let limit = match p.limit.as_deref() {
        None => 20,
        Some(l) => l.parse::<usize>().ok().filter(|n| (1..=200).contains(n)).ok_or_else(|| ApiError::BadRequest(format!("limit: expected a whole number from 1 to 200, got {l:?}")))?,
    };
    state
        .with_reader(move |store| {
            let hits = store.search(&q, limit)?;
            let hits: Vec<_> = hits
                .iter()
                .map(|h| {
                    let kind = match h.kind {
                        HitKind::Document => "document",
                        HitKind::Event => "event",
                    };
                    serde_json::json!({ "kind": kind, "id": h.id, "snippet": h.snippet })
                })
                .collect();
            Ok(Json(serde_json::json!({ "q": q, "hits": hits })))
        })
        .await
}
