//! `geoparse` and `places`: the gazetteer and the geoparser, as `litopys geoparse` and
//! `litopys places` use them.

use litopys_gazetteer::{Entry, Gazetteer, Kind};
use litopys_geoparse::{Geoparser, PlaceMention};
use pyo3::prelude::*;
use pyo3::types::PyList;
use serde_json::{json, Map, Value};

use crate::convert;

/// Every place `text` names, resolved, with its evidence: one dict per mention, with the
/// fields of a `litopys geoparse` line (byte offsets `start`/`end` into the UTF-8 text).
#[pyfunction]
#[pyo3(signature = (text, *, all=false))]
pub(crate) fn geoparse(py: Python<'_>, text: String, all: bool) -> PyResult<Py<PyList>> {
    let mentions: Vec<Value> = py.detach(|| {
        let geo = Geoparser::builtin();
        let found = if all { geo.weigh(&text) } else { geo.parse(&text) };
        found.iter().map(|m| mention(geo, &text, m)).collect()
    });
    convert::list_to_py(py, &mentions)
}

/// The gazetteer's places named `query` in any spelling or case form, most likely first: one
/// dict per place, with the columns of `litopys places`.
#[pyfunction]
pub(crate) fn places(py: Python<'_>, query: String) -> PyResult<Py<PyList>> {
    let found: Vec<Value> = py.detach(|| Gazetteer::builtin().search(&query).into_iter().map(place).collect());
    convert::list_to_py(py, &found)
}

fn place(e: &Entry) -> Value {
    let mut fields = entry_fields(e);
    fields.insert("admin3".into(), json!(e.admin3));
    fields.insert("population".into(), json!(e.population));
    Value::Object(fields)
}

/// What a place mention and a looked-up place both say of the gazetteer's entry.
fn entry_fields(e: &Entry) -> Map<String, Value> {
    let fields = json!({
        "name": e.name,
        "name_uk": e.name_uk,
        "kind": kind_label(e),
        "country": e.country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "lat": e.lat,
        "lon": e.lon,
    });
    match fields {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn mention(geo: &Geoparser, text: &str, m: &PlaceMention) -> Value {
    let gaz = geo.gazetteer();
    let e = gaz.entry(m.entry());
    let span = m.span();
    let alternatives: Vec<String> = m
        .alternatives()
        .iter()
        .take(5)
        .map(|&id| {
            let a = gaz.entry(id);
            format!("{} ({}, {})", a.name, a.kind.as_str(), if a.admin1.is_empty() { a.country.as_str() } else { a.admin1.as_str() })
        })
        .collect();
    let mut fields = Map::new();
    fields.insert("start".into(), json!(span.start));
    fields.insert("end".into(), json!(span.end));
    fields.insert("text".into(), json!(span.text(text)));
    fields.extend(entry_fields(e));
    let more = json!({
        "candidates": m.mention.candidates.len(),
        "confidence": m.confidence,
        "score": m.score,
        "decided_by": m.decided_by().as_str(),
        "evidence": m.evidence.iter().map(|ev| format!("{} {:+}", ev.signal.as_str(), ev.weight)).collect::<Vec<_>>(),
        "alternatives": alternatives,
        "rejected": m.score < litopys_geoparse::THRESHOLD,
    });
    if let Value::Object(more) = more {
        fields.extend(more);
    }
    Value::Object(fields)
}

/// The kind as written: a raion inside a city is "district of a city".
fn kind_label(e: &Entry) -> &'static str {
    if e.kind == Kind::Raion && e.admin3.is_some() {
        "district of a city"
    } else {
        e.kind.as_str()
    }
}
