//! `extract` and `extract_many`.
//!
//! # Design
//!
//! `extract` reads its text as `litopys extract` reads a file: the format by content (an HTML
//! page is read as a page), the publication date from the text's own dateline or byline,
//! `published` only for a text that carries none. The document is named `source` (else
//! `<text>`): the name is what incident ids are made from, and a URL there names the publisher.
//!
//! `extract_many` reads each record as `litopys extract` reads a line of JSON Lines (the same
//! fields, the same date parsing, the same id: `id`, else `NAME#N`), so a JSON Lines file
//! extracted by the command line and its records given here yield equal rows. It streams: it
//! takes records from the iterable a chunk at a time (up to [`CHUNK_RECORDS`] or
//! [`CHUNK_BYTES`] of text), extracts the chunk on a rayon pool with the GIL released, and
//! yields one list of rows per record, in input order, whatever the number of threads. Memory
//! is bounded by the chunk, not the input.
//!
//! A record that cannot be read (not a mapping, no `text`, a `published` that is no date)
//! raises `litopys.Error` naming the record when the iteration reaches it, after the rows of
//! every record before it; with `errors="skip"` it yields an empty list instead, so the
//! output stays aligned with the input.

use std::collections::VecDeque;
use std::sync::Arc;

use litopys_ingest::Batch;
use litopys_model::Document;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyIterator, PyList};
use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::{convert, record, Error};

/// Records taken from the iterable before a chunk is extracted.
const CHUNK_RECORDS: usize = 512;
/// Text bytes taken before a chunk is extracted.
const CHUNK_BYTES: usize = 1 << 20;
/// The record fields read, as in JSON Lines.
const FIELDS: &[&str] = &["text", "id", "url", "published", "title", "lang"];

/// Extracts every incident a report tells.
///
/// Returns one dict per incident, the record `litopys extract` writes for it: ACLED's columns,
/// litopys' figures, the legal and money facts when there are any, `sources` and `evidence`.
#[pyfunction]
#[pyo3(signature = (text, published=None, *, source=None, lang=None))]
pub(crate) fn extract(
    py: Python<'_>,
    text: String,
    published: Option<&Bound<'_, PyAny>>,
    source: Option<String>,
    lang: Option<String>,
) -> PyResult<Py<PyList>> {
    let published = published.filter(|p| !p.is_none()).map(|p| crate::date_arg(p, "published")).transpose()?;
    let name = source.unwrap_or_else(|| "<text>".to_string());
    let timestamp = crate::run_timestamp();
    let records = py.detach(|| -> Result<Vec<Value>, litopys_ingest::Error> {
        let batch = litopys_ingest::read_bytes(&name, text.as_bytes())?;
        let mut out = Vec::new();
        for mut doc in batch.documents {
            if doc.published.is_none() {
                doc.published = published;
            }
            if lang.is_some() {
                doc.lang = lang.clone();
            }
            out.extend(records_of(&doc, timestamp));
        }
        Ok(out)
    });
    let records = records.map_err(|e| Error::new_err(e.to_string()))?;
    convert::list_to_py(py, &records)
}

/// The records of every incident in `doc`.
fn records_of(doc: &Document, timestamp: i64) -> Vec<Value> {
    crate::extractor().extract(doc).incidents.iter().map(|i| record::incident(i, timestamp)).collect()
}

/// Extracts a stream of records on all cores: `extract_many(records)` yields, for each record
/// in order, the list of its incidents' rows.
#[pyfunction]
#[pyo3(signature = (records, threads=None, *, name="<records>".to_string(), errors="raise"))]
pub(crate) fn extract_many(records: &Bound<'_, PyAny>, threads: Option<usize>, name: String, errors: &str) -> PyResult<ExtractMany> {
    let skip = match errors {
        "raise" => false,
        "skip" => true,
        other => return Err(PyValueError::new_err(format!("errors must be \"raise\" or \"skip\", not {other:?}"))),
    };
    Ok(ExtractMany {
        records: Some(records.try_iter()?.unbind()),
        pool: crate::pool(threads)?,
        name,
        skip,
        n_read: 0,
        ready: VecDeque::new(),
    })
}

/// The iterator `extract_many` returns.
#[pyclass(module = "litopys._litopys")]
pub(crate) struct ExtractMany {
    /// The records not yet read; `None` once exhausted.
    records: Option<Py<PyIterator>>,
    pool: Arc<rayon::ThreadPool>,
    name: String,
    skip: bool,
    /// Records read so far (the next one's line number is this plus one).
    n_read: usize,
    /// Extracted records waiting to be yielded: rows, or why the record could not be read.
    ready: VecDeque<Result<Vec<Value>, String>>,
}

#[pymethods]
impl ExtractMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyList>>> {
        if self.ready.is_empty() {
            self.fill(py)?;
        }
        match self.ready.pop_front() {
            None => Ok(None),
            Some(Ok(rows)) => convert::list_to_py(py, &rows).map(Some),
            Some(Err(_)) if self.skip => Ok(Some(PyList::empty(py).unbind())),
            Some(Err(why)) => Err(Error::new_err(why)),
        }
    }
}

impl ExtractMany {
    /// Reads the next chunk of records and extracts it.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(records) = &self.records else { return Ok(()) };
        let mut iter = records.bind(py).clone();
        let mut chunk: Vec<Result<Document, String>> = Vec::new();
        let mut n_bytes = 0;
        let mut exhausted = true;
        for item in iter.by_ref() {
            let item = item?;
            self.n_read += 1;
            let doc = document(&self.name, self.n_read, &item);
            n_bytes += doc.as_ref().map_or(0, |d| d.text.len());
            chunk.push(doc);
            if chunk.len() >= CHUNK_RECORDS || n_bytes >= CHUNK_BYTES {
                exhausted = false;
                break;
            }
        }
        if exhausted {
            self.records = None;
        }
        let timestamp = crate::run_timestamp();
        let pool = self.pool.clone();
        let done: Vec<Result<Vec<Value>, String>> = py.detach(|| {
            pool.install(|| chunk.par_iter().with_min_len(4).map(|d| d.as_ref().map(|d| records_of(d, timestamp)).map_err(Clone::clone)).collect())
        });
        self.ready.extend(done);
        Ok(())
    }
}

/// Record `line_no` (from 1) as a document, read as `litopys extract` reads that line of a
/// JSON Lines input named `name`; or why it cannot be.
fn document(name: &str, line_no: usize, item: &Bound<'_, PyAny>) -> Result<Document, String> {
    let at = format!("{name}:{line_no}");
    let Ok(dict) = item.cast::<PyDict>() else {
        return Err(format!("{at}: a record must be a dict with \"text\", not {}", type_name(item)));
    };
    let mut map = Map::new();
    for &field in FIELDS {
        let Ok(Some(v)) = dict.get_item(field) else { continue };
        if v.is_none() {
            continue;
        }
        let text = if field == "published" && v.hasattr("isoformat").unwrap_or(false) {
            v.call_method0("isoformat").and_then(|s| s.extract::<String>())
        } else {
            v.extract::<String>()
        };
        match text {
            Ok(s) => {
                map.insert(field.to_string(), Value::String(s));
            }
            Err(_) => return Err(format!("{at}: \"{field}\" must be a string, not {}", type_name(&v))),
        }
    }
    let line = Value::Object(map).to_string();
    let mut batch = Batch::default();
    litopys_ingest::read_jsonl_line(name, line_no, line.as_bytes(), &mut batch);
    // as the command line does, a record with a warning (an unrecognised date) is not extracted
    if let Some(w) = batch.warnings.first() {
        return Err(w.to_string());
    }
    batch.documents.pop().ok_or_else(|| format!("{at}: no text"))
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "an object".to_string())
}
