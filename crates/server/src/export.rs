//! `GET /api/export?format=csv|geojson|jsonl` plus any filter: the filtered events as a
//! download, in the shapes `litopys export` writes.
//!
//! # Design
//!
//! Rows come from `Event::row` (over `Incident::acled_row`, the one place that decides every
//! column), so the app's files have ACLED's columns in ACLED's order like
//! the command's. `source` names each report's publisher, never a local path. A download is
//! capped at [`MAX_EXPORT`] events (the app says how many matched); the command line exports
//! any number.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use litopys_model::{publisher, ACLED_COLUMNS};
use litopys_store::Event;

use crate::auth::Caller;
use crate::events::FilterParams;
use crate::select::matching;
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/api/export", get(export))
}

/// The most events one download holds.
const MAX_EXPORT: usize = 100_000;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Geojson,
    Jsonl,
}

async fn export(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    caller.require_read(&state)?;
    let params = params?.0;
    let format = match params.format.as_deref().unwrap_or("csv") {
        "csv" => Format::Csv,
        "geojson" => Format::Geojson,
        "jsonl" => Format::Jsonl,
        f => return Err(ApiError::BadRequest(format!("format: expected csv, geojson or jsonl, got {f:?}"))),
    };
    let q = params.parse()?;
    let timestamp = jiff::Timestamp::now().as_second();
    let body = state
        .with_snapshot(move |store, snap| {
            let rows = matching(store, snap, &q)?;
            let mut events = Vec::new();
            // a page of ids per query, as listings read them
            for chunk in rows[..rows.len().min(MAX_EXPORT)].chunks(1000) {
                events.extend(crate::events::read_events(store, chunk.iter().map(|&i| &*snap.cols.ids[i as usize]))?);
            }
            write(&events, format, timestamp).map_err(|e| ApiError::Internal(e.to_string()))
        })
        .await?;
    let (mime, ext) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Geojson => ("application/geo+json", "geojson"),
        Format::Jsonl => ("application/x-ndjson", "jsonl"),
    };
    let disposition = format!("attachment; filename=\"litopys-events.{ext}\"");
    Ok(([(header::CONTENT_TYPE, mime.to_string()), (header::CONTENT_DISPOSITION, disposition)], body).into_response())
}

fn write(events: &[Event], format: Format, timestamp: i64) -> serde_json::Result<String> {
    let mut out = String::new();
    match format {
        Format::Csv => {
            let mut header = true;
            for e in events {
                let row = e.row(timestamp);
                if header {
                    out.push_str(&csv_line(row.0.iter().map(|(c, _)| c.to_string())));
                    header = false;
                }
                out.push_str(&csv_line(row.0.iter().map(|(_, v)| v.to_text())));
            }
            if header {
                let mut columns: Vec<String> = litopys_model::row_columns().map(str::to_string).collect();
                columns.insert(ACLED_COLUMNS.len(), "status".into());
                out.push_str(&csv_line(columns.into_iter()));
            }
        }
        Format::Jsonl => {
            for e in events {
                let mut v = serde_json::to_value(e.row(timestamp))?;
                let sources: Vec<_> = e
                    .sources
                    .iter()
                    .map(|s| serde_json::json!({ "publisher": publisher(s.url.as_deref().unwrap_or(&s.document)), "url": s.url, "incident": s.incident, "event_date": s.event_date.to_string() }))
                    .collect();
                v["sources"] = sources.into();
                v["evidence"] = serde_json::to_value(&e.evidence)?;
                out.push_str(&v.to_string());
                out.push('\n');
            }
        }
        Format::Geojson => {
            let mut features = Vec::with_capacity(events.len());
            for e in events {
                let i = &e.incident;
                let geometry = match (i.longitude, i.latitude) {
                    (Some(lon), Some(lat)) => serde_json::json!({ "type": "Point", "coordinates": [lon, lat] }),
                    _ => serde_json::Value::Null,
                };
                let mut props = serde_json::to_value(e.row(timestamp))?;
                props["n_sources"] = e.sources.len().into();
                features.push(serde_json::json!({ "type": "Feature", "id": e.id, "geometry": geometry, "properties": props }));
            }
            out = serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string();
            out.push('\n');
        }
    }
    Ok(out)
}

/// One CSV record (RFC 4180): fields with commas, quotes or line breaks quoted.
fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let mut line = String::new();
    for (n, c) in cells.enumerate() {
        if n > 0 {
            line.push(',');
        }
        if c.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&c.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&c);
        }
    }
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_quotes_what_needs_it() {
        let line = super::csv_line(["a".to_string(), "b,c".to_string(), "say \"hi\"".to_string()].into_iter());
        assert_eq!(line, "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
    }

}
