//! The JSON records the command line writes, built here for Python.
//!
//! An incident's record is the one `litopys extract` writes (crates/cli/src/output.rs): the
//! flat ACLED row (`Incident::acled_row`, in litopys-model, decides every column), then the
//! legal and money facts, the report, the evidence. An event's row is the one `litopys export`
//! writes (crates/cli/src/export.rs): the row with every report's publisher and the review
//! status. The column values all come from the shared `acled_row`; only the assembly of the
//! record is repeated here (the command line's is private to it), and `tests/test_extract.py`
//! checks it against the command line's output on the shared samples.

use litopys_model::{publisher, Incident};
use serde_json::{json, Map, Value};

/// An incident as `litopys extract` writes it.
pub(crate) fn incident(i: &Incident, timestamp: i64) -> Value {
    let mut record = match serde_json::to_value(i.acled_row(&[], timestamp)) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    if !i.legal.is_empty() {
        record.insert("legal".into(), serde_json::to_value(&i.legal).unwrap_or(Value::Null));
    }
    let mut list = |key: &str, v: Value| {
        if v.as_array().is_some_and(|a| !a.is_empty()) {
            record.insert(key.into(), v);
        }
    };
    list("amounts", serde_json::to_value(&i.amounts).unwrap_or(Value::Null));
    list("damage", json!(i.damage));
    list("injury_details", json!(i.injury_details));
    let url = i.source.contains("://").then_some(i.source.as_str());
    record.insert("sources".into(), json!([{ "publisher": publisher(&i.source), "url": url, "document": i.source }]));
    record.insert("evidence".into(), serde_json::to_value(&i.evidence).unwrap_or(Value::Null));
    Value::Object(record)
}

/// A stored event as `litopys export` writes its row (`Event::row`), then its reports with
/// the figures each gives.
pub(crate) fn event(e: &litopys_store::Event, timestamp: i64) -> Value {
    let mut record = match serde_json::to_value(e.row(timestamp)) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let sources: Vec<Value> = e
        .sources
        .iter()
        .map(|s| {
            json!({
                "publisher": publisher(s.url.as_deref().unwrap_or(&s.document)),
                "url": s.url,
                "incident": s.incident,
                "event_date": s.event_date.to_string(),
                "fatalities": s.fatalities,
                "injuries": s.injuries,
                "participants": s.participants,
                "arrests": s.arrests,
            })
        })
        .collect();
    record.insert("sources".into(), Value::Array(sources));
    Value::Object(record)
}
