//! Events: the filtered list (paginated), map points, one event with its sources, evidence
//! and history.

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};

use litopys_store::{Event, Filter, Status};
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::select::matching;
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/events", get(list))
        .route("/api/points", get(points))
        .route("/api/events/{id}", get(one))
        .route("/api/events/{id}/history", get(history))
}

/// The filters every listing takes, as sent.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FilterParams {
    from: Option<String>,
    to: Option<String>,
    oblast: Option<String>,
    raion: Option<String>,
    #[serde(rename = "type")]
    event_type: Option<String>,
    sub_type: Option<String>,
    tag: Option<String>,
    actor: Option<String>,
    status: Option<String>,
    q: Option<String>,
    bbox: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    // only for aggregates; listed here so one struct rejects unknown names everywhere
    interval: Option<String>,
    by: Option<String>,
    /// Only for exports: csv, geojson or jsonl.
    pub(crate) format: Option<String>,
}

/// Parsed filters: the store's, and the ones the server applies itself.
#[derive(Clone, Debug, Default)]
pub(crate) struct Query2 {
    pub(crate) store: Filter,
    pub(crate) all_statuses: bool,
    pub(crate) raion: Option<String>,
    pub(crate) sub_type: Option<String>,
    /// In lower case.
    pub(crate) actor: Option<String>,
    pub(crate) bbox: Option<[f64; 4]>,
    pub(crate) limit: usize,
    pub(crate) offset: usize,
    pub(crate) interval: Option<String>,
    pub(crate) by: Option<String>,
}

const MAX_LIMIT: usize = 1000;

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

fn date(name: &str, s: &Option<String>) -> Result<Option<jiff::civil::Date>, ApiError> {
    match nonempty(s) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| ApiError::BadRequest(format!("{name}: expected a date as YYYY-MM-DD, got {v:?}"))),
    }
}

fn number(name: &str, s: &Option<String>, default: usize, max: usize) -> Result<usize, ApiError> {
    match nonempty(s) {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(ApiError::BadRequest(format!("{name}: expected a whole number from 0 to {max}, got {v:?}"))),
        },
    }
}

impl FilterParams {
    pub(crate) fn parse(&self) -> Result<Query2, ApiError> {
        let from = date("from", &self.from)?;
        let to = date("to", &self.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ApiError::BadRequest(format!("from ({f}) is after to ({t})")));
            }
        }
        let (status, all_statuses) = match nonempty(&self.status).as_deref() {
            None => (None, false),
            Some("all") => (None, true),
            Some(s) => match Status::parse(s) {
                Some(st) => (Some(st), false),
                None => return Err(ApiError::BadRequest(format!("status: expected new, confirmed, edited, rejected, needs-date or all, got {s:?}"))),
            },
        };
        let bbox = match nonempty(&self.bbox) {
            None => None,
            Some(b) => Some(parse_bbox(&b)?),
        };
        let q = nonempty(&self.q);
        if q.as_ref().is_some_and(|q| !q.chars().any(char::is_alphanumeric)) {
            return Err(ApiError::BadRequest("q: give at least one word to search for".into()));
        }
        if let Some(i) = nonempty(&self.interval) {
            if !["day", "week", "month"].contains(&i.as_str()) {
                return Err(ApiError::BadRequest(format!("interval: expected day, week or month, got {i:?}")));
            }
        }
        if let Some(b) = nonempty(&self.by) {
            if !["oblast", "type", "place", "none"].contains(&b.as_str()) {
                return Err(ApiError::BadRequest(format!("by: expected oblast, type, place or none, got {b:?}")));
            }
        }
        Ok(Query2 {
            store: Filter {
                from,
                to,
                admin1: nonempty(&self.oblast),
                event_type: nonempty(&self.event_type),
                tag: nonempty(&self.tag),
                text: q,
                status,
                ..Filter::default()
            },
            all_statuses,
            raion: nonempty(&self.raion),
            sub_type: nonempty(&self.sub_type),
            actor: nonempty(&self.actor).map(|a| a.to_lowercase()),
            bbox,
            limit: number("limit", &self.limit, 100, MAX_LIMIT)?,
            offset: number("offset", &self.offset, 0, usize::MAX)?,
            interval: nonempty(&self.interval),
            by: nonempty(&self.by),
        })
    }
}

fn parse_bbox(b: &str) -> Result<[f64; 4], ApiError> {
    let bad = || ApiError::BadRequest(format!("bbox: expected west,south,east,north in degrees (e.g. 22,44,41,53), got {b:?}"));
    let v: Vec<f64> = b.split(',').map(|x| x.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| bad())?;
    let [w, s, e, n] = v[..] else { return Err(bad()) };
    if !(v.iter().all(|x| x.is_finite()) && (-180.0..=180.0).contains(&w) && (-180.0..=180.0).contains(&e) && (-90.0..=90.0).contains(&s) && s <= n && n <= 90.0 && w <= e) {
        return Err(bad());
    }
    Ok([w, s, e, n])
}

/// One line of the list.
#[derive(Serialize)]
struct Summary<'a> {
    id: &'a str,
    status: &'static str,
    event_date: String,
    event_type: &'static str,
    sub_event_type: &'static str,
    admin1: &'a str,
    admin2: &'a str,
    location: &'a str,
    /// The place and oblast in Ukrainian (empty when the gazetteer does not know them).
    location_uk: String,
    admin1_uk: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    fatalities: u32,
    injuries: Option<u32>,
    participants: Option<u32>,
    actor1: &'a str,
    tags: &'a [String],
    notes: &'a str,
    n_sources: usize,
}

fn summary(e: &Event) -> Summary<'_> {
    let i = &e.incident;
    Summary {
        id: &e.id,
        status: e.status.as_str(),
        event_date: i.event_date.to_string(),
        event_type: i.event_type.as_str(),
        sub_event_type: i.sub_event_type.as_str(),
        admin1: &i.admin1,
        admin2: &i.admin2,
        location: &i.location,
        location_uk: crate::names::place_uk(&i.location, &i.admin1, crate::names::Unit::Settlement),
        admin1_uk: crate::names::oblast_uk(&i.admin1),
        latitude: i.latitude,
        longitude: i.longitude,
        fatalities: i.fatalities,
        injuries: i.injuries,
        participants: i.participants,
        actor1: &i.actor1,
        tags: &i.tags,
        notes: &i.notes,
        n_sources: e.sources.len(),
    }
}

/// `GET /api/events`: one page of the events that pass the filters. The page's events are
/// read from the store (the snapshot holds only what filters need).
async fn list(State(state): State<AppState>, caller: Caller, params: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    let q = params?.0.parse()?;
    state
        .with_snapshot(move |store, snap| {
            let (total, rows) = crate::select::page(store, snap, &q)?;
            let events = read_events(store, rows.iter().map(|&i| &*snap.cols.ids[i as usize]))?;
            let page: Vec<Summary> = events.iter().map(summary).collect();
            Ok(Json(serde_json::json!({ "total": total, "offset": q.offset, "limit": q.limit, "events": page })))
        })
        .await
}

/// The events `ids`, read from the store in one query; one that has gone since the snapshot
/// was built (merged from the command line) is left out.
pub(crate) fn read_events<'a>(store: &mut litopys_store::Store, ids: impl Iterator<Item = &'a str>) -> Result<Vec<Event>, ApiError> {
    let ids: Vec<&str> = ids.collect();
    Ok(store.events_by_id(&ids)?)
}

/// `GET /api/points`: every matching event as `[id, latitude, longitude, date, type, status]`,
/// compact enough for a million map points in one response (written straight from the
/// columns, not through `serde_json::Value`).
async fn points(State(state): State<AppState>, caller: Caller, params: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>) -> Result<axum::response::Response, ApiError> {
    caller.require_read(&state)?;
    let q = params?.0.parse()?;
    let body = state.with_snapshot(move |store, snap| Ok(crate::points::json(&snap.cols, &matching(store, snap, &q)?))).await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// `GET /api/events/{id}`: the event with every field, its sources, evidence and history.
async fn one(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    state
        .with_reader(move |store| {
            let event = store.event(&id)?;
            let history = store.history(&id)?;
            let mut v = serde_json::to_value(&event).map_err(|e| ApiError::Internal(e.to_string()))?;
            v["history"] = serde_json::to_value(&history).map_err(|e| ApiError::Internal(e.to_string()))?;
            v["names_uk"] = names_uk(&event);
            Ok(Json(v))
        })
        .await
}

/// `GET /api/events/{id}/history`: every review decision, oldest first.
async fn history(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    state
        .with_reader(move |store| {
            store.event(&id)?;
            let history = store.history(&id)?;
            Ok(Json(serde_json::json!({ "event_id": id, "history": history })))
        })
        .await
}

/// The event's place names in Ukrainian, for the app in Ukrainian.
pub(crate) fn names_uk(e: &Event) -> serde_json::Value {
    let i = &e.incident;
    serde_json::json!({
        "location": crate::names::place_uk(&i.location, &i.admin1, crate::names::Unit::Settlement),
        "admin1": crate::names::oblast_uk(&i.admin1),
        "admin2": crate::names::place_uk(&i.admin2, &i.admin1, crate::names::Unit::Raion),
        "admin3": crate::names::place_uk(&i.admin3, &i.admin1, crate::names::Unit::Hromada),
    })
}
