//! Events: the filtered list (paginated), map points, one event with its sources, evidence
//! and history.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use std::collections::BTreeSet;

use litopys_store::{Filter, HitKind, Status, Store};
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::snapshot::{Row, Snapshot};
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
}

/// Parsed filters: the store's, and the ones the server applies itself.
#[derive(Clone, Debug, Default)]
pub(crate) struct Query2 {
    pub(crate) store: Filter,
    all_statuses: bool,
    raion: Option<String>,
    sub_type: Option<String>,
    actor: Option<String>,
    bbox: Option<[f64; 4]>,
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
                None => return Err(ApiError::BadRequest(format!("status: expected new, confirmed, edited, rejected or all, got {s:?}"))),
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

/// Events that pass every filter, by date then id.
pub(crate) fn matching<'s>(store: &mut Store, snap: &'s Snapshot, q: &Query2) -> Result<Vec<&'s Row>, ApiError> {
    // full text: events whose notes match, or reported in a matching document (as the store does)
    let text = match &q.store.text {
        None => None,
        Some(text) => {
            let (mut ids, mut docs) = (BTreeSet::new(), BTreeSet::new());
            for hit in store.search(text, 1_000_000)? {
                match hit.kind {
                    HitKind::Event => ids.insert(hit.id),
                    HitKind::Document => docs.insert(hit.id),
                };
            }
            Some((ids, docs))
        }
    };
    let f = &q.store;
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    Ok(snap
        .rows
        .iter()
        .filter(|r| {
            let i = &r.incident;
            let status_ok = match f.status {
                Some(s) => r.status == s,
                None => q.all_statuses || r.status != Status::Rejected,
            };
            status_ok
                && f.from.map_or(true, |d| i.event_date >= d)
                && f.to.map_or(true, |d| i.event_date <= d)
                && f.admin1.as_deref().map_or(true, |a| same(&i.admin1, a))
                && f.event_type.as_deref().map_or(true, |t| same(i.event_type.as_str(), t))
                && f.tag.as_deref().map_or(true, |t| i.tags.iter().any(|x| same(x, t)))
                && q.raion.as_deref().map_or(true, |r| same(&i.admin2, r))
                && q.sub_type.as_deref().map_or(true, |s| same(i.sub_event_type.as_str(), s))
                && q.actor.as_deref().map_or(true, |a| {
                    [&i.actor1, &i.assoc_actor_1, &i.actor2, &i.assoc_actor_2].iter().any(|x| x.to_lowercase().contains(a))
                })
                && q.bbox.map_or(true, |[w, s, east, n]| match (i.longitude, i.latitude) {
                    (Some(lon), Some(lat)) => lon >= w && lon <= east && lat >= s && lat <= n,
                    _ => false,
                })
                && text.as_ref().map_or(true, |(ids, docs)| ids.contains(&r.id) || r.reported_in(docs))
        })
        .collect())
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

fn summary(e: &Row) -> Summary<'_> {
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
        latitude: i.latitude,
        longitude: i.longitude,
        fatalities: i.fatalities,
        injuries: i.injuries,
        participants: i.participants,
        actor1: &i.actor1,
        tags: &i.tags,
        notes: &i.notes,
        n_sources: e.n_sources,
    }
}

/// `GET /api/events`: one page of the events that pass the filters.
async fn list(State(state): State<AppState>, caller: Caller, params: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    let q = params?.0.parse()?;
    state
        .with_snapshot(move |store, snap| {
            let events = matching(store, snap, &q)?;
            let page: Vec<Summary> = events.iter().skip(q.offset).take(q.limit).map(|r| summary(r)).collect();
            Ok(Json(serde_json::json!({ "total": events.len(), "offset": q.offset, "limit": q.limit, "events": page })))
        })
        .await
}

/// `GET /api/points`: every matching event as `[id, latitude, longitude, date, type, status]`,
/// compact enough for 100,000 map points in one response.
async fn points(State(state): State<AppState>, caller: Caller, params: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    let q = params?.0.parse()?;
    state
        .with_snapshot(move |store, snap| {
            let events = matching(store, snap, &q)?;
            let n_unplaced = events.iter().filter(|e| e.incident.latitude.is_none() || e.incident.longitude.is_none()).count();
            let points: Vec<_> = events
                .iter()
                .filter_map(|e| {
                    let i = &e.incident;
                    Some(serde_json::json!([e.id, i.latitude?, i.longitude?, i.event_date.to_string(), i.event_type.as_str(), e.status.as_str()]))
                })
                .collect();
            Ok(Json(serde_json::json!({ "total": events.len(), "n_unplaced": n_unplaced, "points": points })))
        })
        .await
}

/// `GET /api/events/{id}`: the event with every field, its sources, evidence and history.
async fn one(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    state
        .with_store(move |store| {
            let event = store.event(&id)?;
            let history = store.history(&id)?;
            let mut v = serde_json::to_value(&event).map_err(|e| ApiError::Internal(e.to_string()))?;
            v["history"] = serde_json::to_value(&history).map_err(|e| ApiError::Internal(e.to_string()))?;
            Ok(Json(v))
        })
        .await
}

/// `GET /api/events/{id}/history`: every review decision, oldest first.
async fn history(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    state
        .with_store(move |store| {
            store.event(&id)?;
            let history = store.history(&id)?;
            Ok(Json(serde_json::json!({ "event_id": id, "history": history })))
        })
        .await
}
