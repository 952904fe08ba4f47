//! Aggregates: counts of events and fatalities by day, week or month, by oblast, type or place,
//! over the same filters as the list; and the store's totals with the pending reviews.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use litopys_store::Status;
use serde::Serialize;

use crate::auth::Caller;
use crate::columns::{Columns, EVENT_TYPES, STATUSES};
use crate::events::FilterParams;
use crate::select::matching;
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
            let rows = matching(store, snap, &q)?;
            let cols = &snap.cols;
            let dates = |k: Option<&u32>| k.map(|&i| cols.date[i as usize]);
            // no events and no dates asked for: an empty chart of one week
            let today = jiff::civil::date(1970, 1, 1);
            let from = q.store.from.or_else(|| dates(rows.first())).unwrap_or(today);
            let to = q.store.to.or_else(|| dates(rows.last())).unwrap_or(today).max(from);
            let (weekly, map) = litopys_report::chart_svgs_tallied(from, to, &tally(cols, &rows));
            Ok(match which {
                Chart::Weekly => weekly,
                Chart::Map => map,
            })
        })
        .await?;
    Ok(([(axum::http::header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")], svg).into_response())
}

/// What the charts count, from the columns.
fn tally(cols: &Columns, rows: &[u32]) -> litopys_report::Tally {
    let mut by_day = Vec::new();
    let mut per_oblast = vec![0usize; cols.admin1_names.len()];
    let mut day: Option<(jiff::civil::Date, [usize; 6])> = None;
    for &r in rows {
        let i = r as usize;
        per_oblast[cols.admin1[i] as usize] += 1;
        let date = cols.date[i];
        if let Some((d, n)) = day.filter(|(d, _)| *d != date) {
            by_day.extend(EVENT_TYPES.iter().zip(n).filter(|(_, n)| *n > 0).map(|(t, n)| (d, *t, n)));
            day = None;
        }
        day.get_or_insert((date, [0; 6])).1[cols.event_type[i] as usize % 6] += 1;
    }
    if let Some((d, n)) = day {
        by_day.extend(EVENT_TYPES.iter().zip(n).filter(|(_, n)| *n > 0).map(|(t, n)| (d, *t, n)));
    }
    let by_oblast = per_oblast.into_iter().enumerate().map(|(k, n)| (cols.admin1_names.name(k as u32).to_string(), n)).collect();
    litopys_report::Tally { by_day, by_oblast }
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

/// What rows are grouped by within a period.
#[derive(Clone, Copy, PartialEq)]
enum By {
    None,
    Oblast,
    Type,
    Place,
}

/// Events and fatalities per group of one period: a vector indexed by the group's number
/// (oblast, type, none), or a map for places (a pair of numbers).
struct Acc {
    by: By,
    dense: Vec<(u64, u64)>,
    sparse: HashMap<u64, (u64, u64)>,
}

impl Acc {
    fn key(&self, cols: &Columns, i: usize, no_place: Option<u32>) -> u64 {
        match self.by {
            By::None => 0,
            By::Oblast => u64::from(cols.admin1[i]),
            By::Type => u64::from(cols.event_type[i]),
            By::Place if Some(cols.location[i]) == no_place => u64::MAX,
            By::Place => u64::from(cols.location[i]) << 32 | u64::from(cols.admin1[i]),
        }
    }

    fn add(&mut self, key: u64, fatalities: u32) {
        let slot = match self.by {
            By::Place => self.sparse.entry(key).or_default(),
            _ => match self.dense.get_mut(key as usize) {
                Some(slot) => slot,
                None => return,
            },
        };
        slot.0 += 1;
        slot.1 += u64::from(fatalities);
    }

    /// The period's buckets, by key, and the accumulator emptied.
    fn flush(&mut self, cols: &Columns, period: jiff::civil::Date, out: &mut Vec<Bucket>) {
        let name = |key: u64| match self.by {
            By::None => String::new(),
            By::Oblast => cols.admin1_names.name(key as u32).to_string(),
            By::Type => EVENT_TYPES[key as usize % 6].as_str().to_string(),
            By::Place if key == u64::MAX => String::new(),
            By::Place => format!("{}, {}", cols.location_names.name((key >> 32) as u32), cols.admin1_names.name(key as u32)),
        };
        let mut found: Vec<(String, (u64, u64))> = self.sparse.drain().map(|(k, n)| (name(k), n)).collect();
        found.extend(self.dense.iter_mut().enumerate().filter(|(_, n)| n.0 > 0).map(|(k, n)| (name(k as u64), std::mem::take(n))));
        found.sort_by(|a, b| a.0.cmp(&b.0));
        let period = period.to_string();
        for (key, (n_events, fatalities)) in found {
            // two places can spell the same key ("A, B" in C and A in "B, C"): one bucket
            match out.last_mut() {
                Some(b) if b.period == period && b.key == key => {
                    b.n_events += n_events;
                    b.fatalities += fatalities;
                }
                _ => out.push(Bucket { period: period.clone(), key, n_events, fatalities }),
            }
        }
    }
}

/// The buckets of `rows` (in date order) per period of `interval` and group of `by`, by
/// period then key.
fn buckets(cols: &Columns, rows: &[u32], interval: &str, by: &str) -> Vec<Bucket> {
    let by = match by {
        "oblast" => By::Oblast,
        "type" => By::Type,
        "place" => By::Place,
        _ => By::None,
    };
    let size = match by {
        By::Oblast => cols.admin1_names.len(),
        By::Type => EVENT_TYPES.len(),
        By::None => 1,
        By::Place => 0,
    };
    let mut acc = Acc { by, dense: vec![(0, 0); size], sparse: HashMap::new() };
    let no_place = cols.location_names.get("");
    let mut out = Vec::new();
    let mut current: Option<(jiff::civil::Date, jiff::civil::Date)> = None;
    for &r in rows {
        let i = r as usize;
        let date = cols.date[i];
        // rows are by date, and so by period: a period's rows come together
        if current.map_or(true, |(d, _)| d != date) {
            let p = period(date, interval);
            if let Some((_, before)) = current.filter(|(_, before)| *before != p) {
                acc.flush(cols, before, &mut out);
            }
            current = Some((date, p));
        }
        acc.add(acc.key(cols, i, no_place), cols.fatalities[i]);
    }
    if let Some((_, p)) = current {
        acc.flush(cols, p, &mut out);
    }
    out
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
            let rows = matching(store, snap, &q)?;
            let buckets = buckets(&snap.cols, &rows, &interval, &by);
            Ok(Json(serde_json::json!({ "interval": interval, "by": by, "total": rows.len(), "buckets": buckets })))
        })
        .await
}

/// `GET /api/stats`: documents, incidents and events stored, and events awaiting review.
async fn stats(State(state): State<AppState>, caller: Caller) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    state
        .with_snapshot(|store, snap| {
            let c = snap.counts;
            let n_pending = snap.cols.status.iter().filter(|&&s| matches!(STATUSES.get(s as usize), Some(Status::New | Status::NeedsDate))).count();
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
