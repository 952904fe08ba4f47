//! JSON Lines: one report per line.
//!
//! Each line is an object `{"text", "url", "published", "title", "lang", "id"}`; only `text` is
//! required, other fields are ignored. `published` is a date or a timestamp (RFC 3339 or
//! RFC 2822). A line that does not parse is a warning naming `input:line`; the other lines are
//! kept. Blank lines are skipped.

use litopys_model::Document;
use serde::Deserialize;

use crate::{date, decode, Batch, Error, Format};

#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// One document per line; the document id is the record's `id`, else `input#LINE`.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Batch {
    let text = decode::decode(bytes, None);
    let mut batch = Batch::default();
    for (line_idx, line) in text.lines().enumerate() {
        read_line(name, line_idx + 1, line, &mut batch);
    }
    batch
}

/// Line `line_no` (from 1) of a JSON Lines input: its document, or a warning, into `batch`.
pub(crate) fn read_line(name: &str, line_no: usize, line: &str, batch: &mut Batch) {
    if line.trim().is_empty() {
        return;
    }
    let at = || format!("{name}:{line_no}");
    let record: Record = match serde_json::from_str(line) {
        Ok(record) => record,
        Err(e) => {
            batch.warnings.push(Error::malformed(&at(), Format::Jsonl, e.to_string()));
            return;
        }
    };
    let published = match record.published.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(p) => {
            let date = date::parse(p);
            if date.is_none() {
                let detail = format!("unrecognised date {p:?}, kept the record without it");
                batch.warnings.push(Error::malformed(&at(), Format::Jsonl, detail));
            }
            date
        }
    };
    let text = decode::normalize_newlines(record.text.into());
    if text.trim().is_empty() {
        batch.warnings.push(Error::malformed(&at(), Format::Jsonl, "empty text"));
        return;
    }
    batch.documents.push(Document {
        id: record.id.unwrap_or_else(|| format!("{name}#{line_no}")),
        text,
        published,
        source: record.url,
        title: record.title,
        lang: record.lang,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEED: &[u8] = include_bytes!("../tests/fixtures/reports.jsonl");

    #[test]
    fn reads_good_lines_and_reports_bad_ones() {
        let batch = read("reports.jsonl", FEED);
        let ids: Vec<&str> = batch.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["reports.jsonl#2", "reports.jsonl#3", "kh-7", "reports.jsonl#7"]);
        let first = &batch.documents[0];
        assert_eq!(first.published.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
        assert_eq!(first.source.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(first.lang.as_deref(), Some("uk"));
        assert_eq!(batch.documents[1].published.map(|d| d.to_string()).as_deref(), Some("2026-03-05"));
        let warnings: Vec<String> = batch.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].starts_with("reports.jsonl:1: malformed JSON Lines: "), "{warnings:?}");
        assert!(warnings[1].starts_with("reports.jsonl:6: malformed JSON Lines: missing field `text`"), "{warnings:?}");
        assert_eq!(warnings[2], "reports.jsonl:7: malformed JSON Lines: unrecognised date \"last week\", kept the record without it");
    }
}
