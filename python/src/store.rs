//! `Store`: events from a litopys database, with the filters of `litopys events`.

use std::path::Path;
use std::sync::Mutex;

use litopys_store::{Filter, Status};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use serde_json::Value;

use crate::{convert, record, Error};

/// A litopys database: a SQLite file or a `postgres://` URL. Opening never creates one
/// (`litopys ingest` does).
#[pyclass(module = "litopys._litopys", name = "_Store")]
pub(crate) struct Store {
    inner: Mutex<litopys_store::Store>,
    location: String,
}

#[pymethods]
impl Store {
    #[new]
    fn new(py: Python<'_>, db: String) -> PyResult<Store> {
        let postgres = db.starts_with("postgres://") || db.starts_with("postgresql://");
        if !postgres && !Path::new(&db).is_file() {
            let hint = if Path::new(&db).is_dir() { "it is a folder" } else { "no such file" };
            return Err(Error::new_err(format!("no database at {db} ({hint}): create one with `litopys ingest --db {db} REPORTS...`")));
        }
        let store = py.detach(|| litopys_store::Store::open(&db)).map_err(|e| Error::new_err(format!("cannot open database {db}: {e}")))?;
        Ok(Store { inner: Mutex::new(store), location: db })
    }

    /// The events matching every filter given, as `litopys export` rows (ACLED's columns,
    /// `status`, litopys' figures, `sources`), in the order `litopys events` lists them.
    #[pyo3(signature = (*, start=None, end=None, admin1=None, event_type=None, tag=None, text=None, status=None))]
    #[allow(clippy::too_many_arguments)]
    fn rows(
        &self,
        py: Python<'_>,
        start: Option<&Bound<'_, PyAny>>,
        end: Option<&Bound<'_, PyAny>>,
        admin1: Option<String>,
        event_type: Option<String>,
        tag: Option<String>,
        text: Option<String>,
        status: Option<String>,
    ) -> PyResult<Py<PyList>> {
        let day = |v: Option<&Bound<'_, PyAny>>, what| v.filter(|v| !v.is_none()).map(|v| crate::date_arg(v, what)).transpose();
        let status = status
            .map(|s| Status::parse(&s).ok_or_else(|| PyValueError::new_err(format!("unknown status {s:?}: use new, confirmed, edited, rejected or needs-date"))))
            .transpose()?;
        let filter = Filter { from: day(start, "start")?, to: day(end, "end")?, admin1, event_type, tag, text, status };
        let timestamp = crate::run_timestamp();
        let rows: Result<Vec<Value>, String> = py.detach(|| {
            let mut store = self.inner.lock().map_err(|_| "the store is unusable after a panic".to_string())?;
            let events = store.events(&filter).map_err(|e| e.to_string())?;
            Ok(events.iter().map(|e| record::event(e, timestamp)).collect())
        });
        convert::list_to_py(py, &rows.map_err(Error::new_err)?)
    }

    /// `"sqlite"` or `"postgres"`.
    #[getter]
    fn backend(&self) -> PyResult<&'static str> {
        Ok(self.inner.lock().map_err(|_| Error::new_err("the store is unusable after a panic"))?.backend())
    }

    fn __repr__(&self) -> String {
        // a URL's password is not shown
        let shown = match self.location.split_once('@') {
            Some((head, tail)) if head.contains("://") => format!("{}://…@{tail}", head.split("://").next().unwrap_or("postgres")),
            _ => self.location.clone(),
        };
        format!("Store({shown:?})")
    }
}
