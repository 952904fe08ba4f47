//! `GET /api/report`: the drafted review of a period (the same draft as `litopys report`), as a
//! file to download, for the web app's "Download the draft" button.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use litopys_report::{Entry, Format, Input, Options};
use litopys_store::{Filter, Store};
use serde::Deserialize;

use crate::auth::Caller;
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/api/report", get(report))
}

/// The period, language and format, as sent.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    from: Option<String>,
    to: Option<String>,
    lang: Option<String>,
    format: Option<String>,
}

fn date(name: &str, v: Option<&str>) -> Result<jiff::civil::Date, ApiError> {
    let v = v.ok_or_else(|| ApiError::BadRequest(format!("{name} is required (YYYY-MM-DD)")))?;
    v.parse()
        .map_err(|_| ApiError::BadRequest(format!("{name}: not a date: {v:?}")))
}

fn events(
    store: &mut Store,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
) -> Result<Vec<litopys_store::Event>, ApiError> {
    Ok(store.events(&Filter {
        from: Some(from),
        to: Some(to),
        ..Filter::default()
    })?)
}

/// An event as the report takes it: a document without a URL is passed by its id, which the
/// report names in words and never prints.
fn entry(e: litopys_store::Event) -> Entry {
    let links = e
        .sources
        .iter()
        .map(|s| s.url.clone().unwrap_or_else(|| s.document.clone()))
        .collect();
    Entry {
        status: e.status.as_str().to_string(),
        links,
        incident: e.incident,
    }
}

/// `GET /api/report?from=YYYY-MM-DD&to=YYYY-MM-DD[&lang=en|uk|ru][&format=md|html]`.
async fn report(
    State(state): State<AppState>,
    caller: Caller,
    params: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
) -> Result<axum::response::Response, ApiError> {
    caller.require_read(&state)?;
    let p = params?.0;
    let (from, to) = (
        date("from", p.from.as_deref())?,
        date("to", p.to.as_deref())?,
    );
    if to < from {
        return Err(ApiError::BadRequest("to is before from".into()));
    }
    let lang = p.lang.unwrap_or_else(|| "en".into());
    if !litopys_report::LANGUAGES.contains(&lang.as_str()) {
        return Err(ApiError::BadRequest(format!(
            "lang: one of {}",
            litopys_report::LANGUAGES.join(", ")
        )));
    }
    let (format, ext, mime) = match p.format.as_deref().unwrap_or("md") {
        "md" => (Format::Markdown, "md", "text/markdown; charset=utf-8"),
        "html" => (Format::Html, "html", "text/html; charset=utf-8"),
        other => {
            return Err(ApiError::BadRequest(format!(
                "format: md or html, not {other:?}"
            )))
        }
    };
    let text = state
        .with_reader(move |store| {
            let period = events(store, from, to)?;
            let previous = match litopys_report::previous_period(from, to) {
                Some((a, b)) => events(store, a, b)?
                    .into_iter()
                    .map(|e| e.incident)
                    .collect(),
                None => Vec::new(),
            };
            let mut docs: Vec<i64> = period
                .iter()
                .flat_map(|e| e.sources.iter().map(|s| s.doc_id))
                .collect();
            docs.sort_unstable();
            docs.dedup();
            let history_from = to
                .first_of_month()
                .checked_sub(jiff::Span::new().months(11))
                .unwrap_or(from);
            let input = Input {
                title: None,
                from,
                to,
                n_documents: docs.len(),
                entries: period.into_iter().map(entry).collect(),
                previous,
                statistics: store.statistics(from, to)?,
                history: store.statistics(history_from, to)?,
                status_filter: "all".into(),
            };
            litopys_report::render(
                &input,
                &Options {
                    format,
                    lang,
                    ..Options::default()
                },
            )
            .map_err(|e| ApiError::Internal(e.to_string()))
        })
        .await?;
    let disposition = format!("attachment; filename=\"litopys-report-{from}-{to}.{ext}\"");
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, mime.to_string()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        text,
    )
        .into_response())
}
