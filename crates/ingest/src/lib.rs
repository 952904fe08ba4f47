//! Readers: files and streams to [`Document`]s. (Interim: plain text only; the full set of
//! readers lands from the `ingest` branch.)
use std::path::Path;

use litopys_model::Document;

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {message}")]
pub struct Error {
    name: String,
    message: String,
}

/// Reads one file.
pub fn read_path(path: &Path) -> Result<Vec<Document>, Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error { name: name.clone(), message: e.to_string() })?;
    read_bytes(&name, &bytes)
}

/// Reads bytes named `name`.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Vec<Document>, Error> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(Error { name: name.into(), message: "not a text file (binary content)".into() });
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![Document { id: name.to_string(), source: Some(name.to_string()), ..Document::new(name, text) }])
}
