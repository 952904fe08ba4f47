//! Aggregates: counts of events and fatalities by day, week or month, by oblast, type or place,
//! over the same filters as the list; and the store's totals with the pending reviews.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use litopys_store::Status;
use serde::Serialize;

use crate::auth::Caller;
use crate::events::{matching, FilterParams};
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/aggregates", get(aggregates))
        .route("/api/stats", get(stats))
        .route("/api/charts/weekly.svg", get(|s, c, p| chart(s, c, p, Chart::Weekly)))
        .route("/api/charts/map.svg", get(|s, c, p| chart(s, c, p, Chart::Map)))
}

#[derive(Clone, Copy)]
enum Chart {
    Weekly,
    Map,
}

/// `GET /api/charts/weekly.svg` and `/api/charts/map.svg` plus any filter: the report's charts
/// (incidents per week by type; oblasts shaded by count) over the filtered events, as SVG.
async fn chart(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
    which: Chart,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    caller.require_read(&state)?;
    let q = params?.0.parse()?;
    let svg = state
        .with_snapshot(move |store, snap| {
            let events = matching(store, snap, &q)?;
            let dates = || events.iter().map(|e| e.incident.event_date);
            // no events and no dates asked for: an empty chart of one week
            let today = jiff::civil::date(1970, 1, 1);
            let from = q.store.from.or_else(|| dates().min()).unwrap_or(today);
            let to = q.store.to.or_else(|| dates().max()).unwrap_or(today).max(from);
            let input = litopys_report::Input {
                title: None,
                from,
                to,
                entries: events
                    .iter()
                    .map(|e| litopys_report::Entry { incident: e.incident.clone(), links: Vec::new(), status: e.status.as_str().into() })
                    .collect(),
                previous: Vec::new(),
                statistics: Vec::new(),
                n_documents: 0,
                status_filter: "all".into(),
            };
            let (weekly, map) = litopys_report::chart_svgs(&input);
            Ok(match which {
                Chart::Weekly => weekly,
                Chart::Map => map,
            })
        })
        .await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")], svg).into_response())
}

#[derive(Serialize)]
struct Bucket {
    period: String,
    key: String,
    n_events: u64,
    fatalities: u64,
}

/// The first day of the period `d` falls in.
fn period(d: jiff::civil::Date, interval: &str) -> jiff::civil::Date {
    match interval {
        "week" => d - jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset())),
        "month" => d.first_of_month(),
        _ => d,
    }
}

/// `GET /api/aggregates?interval=day|week|month&by=oblast|type|none` plus any filter.
async fn aggregates(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    let q = params?.0.parse()?;
    let interval = q.interval.clone().unwrap_or_else(|| "day".into());
    let by = q.by.clone().unwrap_or_else(|| "none".into());
    state
        .with_snapshot(move |store, snap| {
            let events = matching(store, snap, &q)?;
            let mut buckets: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
            for e in &events {
                let i = &e.incident;
                let key = match by.as_str() {
                    "oblast" => i.admin1.clone(),
                    "type" => i.event_type.as_str().to_string(),
                    "place" if i.location.is_empty() => String::new(),
                    "place" => format!("{}, {}", i.location, i.admin1),
                    _ => String::new(),
                };
                let b = buckets.entry((period(i.event_date, &interval).to_string(), key)).or_default();
                b.0 += 1;
                b.1 += u64::from(i.fatalities);
            }
            let buckets: Vec<Bucket> =
                buckets.into_iter().map(|((period, key), (n_events, fatalities))| Bucket { period, key, n_events, fatalities }).collect();
            Ok(Json(serde_json::json!({ "interval": interval, "by": by, "total": events.len(), "buckets": buckets })))
        })
        .await
}

/// `GET /api/stats`: documents, incidents and events stored, and events awaiting review.
async fn stats(State(state): State<AppState>, caller: Caller) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    state
        .with_snapshot(|store, snap| {
            let c = store.counts()?;
            let n_pending = snap.rows.iter().filter(|r| r.status == Status::New).count();
            Ok(Json(serde_json::json!({
                "n_documents": c.n_documents, "n_incidents": c.n_incidents, "n_events": c.n_events, "n_pending": n_pending,
                "backend": store.backend(),
            })))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::period;

    #[test]
    fn periods() {
        let d: jiff::civil::Date = "2026-03-05".parse().unwrap(); // a Thursday
        assert_eq!(period(d, "day").to_string(), "2026-03-05");
        assert_eq!(period(d, "week").to_string(), "2026-03-02");
        assert_eq!(period(d, "month").to_string(), "2026-03-01");
    }
}
