//! Editors' corrections from the app: a report pasted in (its text, address and publication
//! date), and a stored report given its publication date, each extracted and linked like any
//! report `litopys ingest` reads.
//!
//! # Design
//!
//! Both run on the writing connection: store the document (or its date), extract it with the
//! built-in codebook, store its incidents (which links them to events and keeps every
//! analyst decision, as `litopys reextract` does), then drop the event snapshot so that the
//! next read sees the new and re-dated events. Extraction of one pasted report takes
//! milliseconds; the extractor is built once, on first use. A report pasted here always has a
//! date (the form asks for it), so none of its incidents waits for one.

use std::sync::OnceLock;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use litopys_extract::Extractor;
use litopys_model::Document;
use litopys_store::{Filter, PutStatus, Status, Store};
use serde::Deserialize;

use crate::accounts::Role;
use crate::auth::Caller;
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/api/documents", post(add)).route("/api/documents/{id}/date", post(set_date))
}

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::default)
}

/// The longest report one request may paste (a long article is 50 KB).
const MAX_TEXT: usize = 2 << 20;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewReport {
    text: String,
    url: Option<String>,
    published: String,
    title: Option<String>,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, ApiError> {
    s.trim().parse().map_err(|_| ApiError::BadRequest(format!("published: expected a date as YYYY-MM-DD, got {s:?}")))
}

/// Extracts stored document `doc_id` (dated) and stores what it finds; the ids of its events.
fn extract_stored(store: &mut Store, doc_id: i64) -> Result<(usize, Vec<String>), ApiError> {
    let doc = store.document(doc_id)?;
    let found = extractor().extract(&doc);
    store.reset_needs_date(doc_id)?;
    let linked = store.put_extraction(doc_id, &found.incidents, &found.statistics)?;
    // the events now holding its incidents: among those of the incidents' days
    let (from, to) = (found.incidents.iter().map(|i| i.event_date).min(), found.incidents.iter().map(|i| i.event_date).max());
    let mut events = Vec::new();
    if from.is_some() {
        for status in [None, Some(Status::Rejected)] {
            for e in store.events(&Filter { from, to, status, ..Filter::default() })? {
                if e.sources.iter().any(|s| s.doc_id == doc_id) && !events.contains(&e.id) {
                    events.push(e.id);
                }
            }
        }
    }
    Ok((linked.n_incidents, events))
}

/// `POST /api/documents` (editor) with `{"text": ..., "url": ..., "published": "YYYY-MM-DD"}`:
/// stores the report, extracts it and links its incidents; answers with its `doc_id` and the
/// ids of its events. The same words stored already answer 409 with that document's id.
async fn add(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Json<NewReport>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    caller.require(Role::Editor)?;
    let Json(r) = body.map_err(|e| ApiError::BadRequest(format!("send {{\"text\": ..., \"url\": ..., \"published\": \"YYYY-MM-DD\"}}: {e}")))?;
    let text = r.text.trim().to_string();
    if !text.chars().any(char::is_alphanumeric) {
        return Err(ApiError::BadRequest("text: paste the report's text".into()));
    }
    if text.len() > MAX_TEXT {
        return Err(ApiError::BadRequest(format!("text: at most {} MB", MAX_TEXT >> 20)));
    }
    let published = parse_date(&r.published)?;
    let url = r.url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty());
    if let Some(u) = &url {
        if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) {
            return Err(ApiError::BadRequest(format!("url: expected the report's web address (https://...), got {u:?}")));
        }
    }
    let snapshot = state.snapshot.clone();
    state
        .with_writer(move |store| {
            let id = url.clone().unwrap_or_else(|| format!("pasted:{}", crate::accounts::random_hex(8)));
            let doc = Document { published: Some(published), source: url, title: r.title.filter(|t| !t.trim().is_empty()), ..Document::new(id, text) };
            let put = store.put_document(&doc)?;
            if put.status == PutStatus::Duplicate {
                return Err(ApiError::Conflict(format!("this report is stored already, as document {}", put.doc_id)));
            }
            let (n_incidents, events) = extract_stored(store, put.doc_id)?;
            crate::snapshot::forget(&snapshot);
            Ok((StatusCode::CREATED, Json(serde_json::json!({ "doc_id": put.doc_id, "n_incidents": n_incidents, "events": events }))))
        })
        .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewDate {
    published: String,
}

/// `POST /api/documents/{id}/date` (editor) with `{"published": "YYYY-MM-DD"}`: sets a stored
/// report's publication date and extracts it again (its incidents that waited for a date get
/// one; reviewed values are kept); answers with the ids of its events.
async fn set_date(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Json<NewDate>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require(Role::Editor)?;
    let doc_id: i64 = id.parse().map_err(|_| ApiError::BadRequest(format!("document id: expected a number, got {id:?}")))?;
    let Json(b) = body.map_err(|e| ApiError::BadRequest(format!("send {{\"published\": \"YYYY-MM-DD\"}}: {e}")))?;
    let published = parse_date(&b.published)?;
    let snapshot = state.snapshot.clone();
    state
        .with_writer(move |store| {
            store.set_published(doc_id, published)?;
            let (n_incidents, events) = extract_stored(store, doc_id)?;
            crate::snapshot::forget(&snapshot);
            Ok(Json(serde_json::json!({ "doc_id": doc_id, "published": published.to_string(), "n_incidents": n_incidents, "events": events })))
        })
        .await
}
