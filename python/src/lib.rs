//! `litopys._litopys`: the native half of the Python package (the other half, pandas and
//! GeoPandas glue, is plain Python in `litopys/`).
//!
//! # Design
//!
//! * Rows cross into Python as the JSON records `litopys extract` writes, converted value by
//!   value ([`convert`]), so a row from Python and a line from the command line are equal
//!   dictionaries; dates stay `YYYY-MM-DD` strings here and become dates in `to_frame`.
//! * Rust works with the GIL released (`Python::detach`): extraction, geoparsing and database
//!   reads never hold up other Python threads. Only the conversion of results to Python
//!   objects holds it.
//! * One [`Extractor`] per process, built on first use: the codebook is parsed once, and the
//!   gazetteer is static anyway. In Spark, where a Python worker process runs many tasks, the
//!   extractor is built once per worker.
//! * Errors are Python exceptions carrying the Rust message: [`Error`] (`litopys.Error`) for
//!   what litopys refuses (an unreadable input, a database that cannot be opened, a bad
//!   record), `ValueError` for a malformed argument (a date that is not `YYYY-MM-DD`).

mod convert;
mod extract;
mod places;
mod record;
mod store;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use litopys_extract::Extractor;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;

create_exception!(litopys, Error, PyException, "An error litopys reports: its message is the Rust one.");

/// The process's extractor (built-in codebook and gazetteer), built on first use.
pub(crate) fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::default)
}

/// A rayon pool of `threads` threads (default: one per core), shared by every call asking
/// for that many.
pub(crate) fn pool(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let n = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut pools = POOLS.get_or_init(Default::default).lock().map_err(|_| Error::new_err("thread pool registry poisoned"))?;
    if let Some(p) = pools.get(&n) {
        return Ok(p.clone());
    }
    let p = Arc::new(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| Error::new_err(e.to_string()))?);
    pools.insert(n, p.clone());
    Ok(p)
}

/// A date argument: a `datetime.date` (or `datetime`), or a `YYYY-MM-DD` string.
pub(crate) fn date_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<jiff::civil::Date> {
    let text: String = if value.hasattr("isoformat")? {
        let iso: String = value.call_method0("isoformat")?.extract()?;
        iso.chars().take(10).collect()
    } else {
        value.extract().map_err(|_| PyValueError::new_err(format!("{what} must be a date or a YYYY-MM-DD string")))?
    };
    text.trim().parse().map_err(|e| PyValueError::new_err(format!("{what}: {text:?} is not a date (YYYY-MM-DD): {e}")))
}

/// ACLED's `timestamp` for rows written now: `SOURCE_DATE_EPOCH` when set (as the command
/// line does, for reproducible output), else the current time.
pub(crate) fn run_timestamp() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse().ok()).unwrap_or_else(|| jiff::Timestamp::now().as_second())
}

#[pymodule]
fn _litopys(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ACLED_COLUMNS", litopys_model::ACLED_COLUMNS.to_vec())?;
    m.add("FIGURE_COLUMNS", litopys_model::FIGURE_COLUMNS.to_vec())?;
    m.add_function(wrap_pyfunction!(extract::extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract::extract_many, m)?)?;
    m.add_class::<extract::ExtractMany>()?;
    m.add_function(wrap_pyfunction!(places::geoparse, m)?)?;
    m.add_function(wrap_pyfunction!(places::places, m)?)?;
    m.add_class::<store::Store>()?;
    Ok(())
}
