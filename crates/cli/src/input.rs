//! Turning command-line operands into documents, reporting each bad input by name.

use std::io::Read;
use std::path::{Path, PathBuf};

use litopys_model::Document;

/// One operand's documents, or why it could not be read.
pub struct Input {
    /// The operand as given.
    pub name: String,
    /// Its documents.
    pub documents: Result<Vec<Document>, String>,
}

/// Reads every operand; `-` is standard input. Never stops at a bad one.
pub fn read_all(operands: &[PathBuf], published: Option<jiff::civil::Date>) -> impl Iterator<Item = Input> + '_ {
    operands.iter().map(move |p| {
        let name = p.display().to_string();
        let documents = read_one(p).map(|mut docs| {
            for d in &mut docs {
                if d.published.is_none() {
                    d.published = published;
                }
            }
            docs
        });
        Input { name, documents }
    })
}

fn read_one(path: &Path) -> Result<Vec<Document>, String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(|e| format!("<stdin>: {e}"))?;
        return batch(litopys_ingest::read_bytes("<stdin>", &bytes));
    }
    batch(litopys_ingest::read_path(path))
}

/// The documents of a batch; records skipped inside it are reported on stderr.
fn batch(result: Result<litopys_ingest::Batch, litopys_ingest::Error>) -> Result<Vec<Document>, String> {
    let b = result.map_err(|e| e.to_string())?;
    for w in &b.warnings {
        eprintln!("litopys: {w}");
    }
    Ok(b.documents)
}
