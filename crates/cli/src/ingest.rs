//! `litopys ingest`: read reports into the database, extract, link.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use litopys_extract::Extractor;
use litopys_model::Document;
use litopys_store::{Linked, PutStatus, Store};

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders to read (folders recursively); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// Publication date (YYYY-MM-DD) for reports that carry none.
    #[arg(long, value_name = "DATE")]
    published: Option<jiff::civil::Date>,
    /// A codebook TOML to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
}

#[derive(Default)]
struct Summary {
    n_files: usize,
    n_new: usize,
    n_near: usize,
    n_duplicate: usize,
    n_incidents: usize,
    n_new_events: usize,
    failed: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new(crate::load_codebook(args.codebook.as_ref())?);
    let mut store = Store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut s = Summary::default();
    for (path, result) in litopys_ingest::walk(&args.paths) {
        s.n_files += 1;
        bar.set_message(format!("{} files, {} new documents: {}", s.n_files, s.n_new, path.display()));
        bar.tick();
        let batch = match result {
            Ok(batch) => batch,
            Err(err) => {
                bar.suspend(|| eprintln!("litopys: {err}"));
                s.failed.push(path.display().to_string());
                continue;
            }
        };
        if batch.documents.is_empty() && batch.warnings.is_empty() {
            bar.suspend(|| eprintln!("litopys: {}: no text to read", path.display()));
            s.failed.push(path.display().to_string());
        }
        for w in &batch.warnings {
            bar.suspend(|| eprintln!("litopys: {w}"));
            s.failed.push(w.to_string());
        }
        for mut doc in batch.documents {
            if doc.published.is_none() {
                doc.published = args.published;
            }
            let (status, linked) = store_document(&mut store, &extractor, &doc)?;
            match status {
                PutStatus::Inserted => s.n_new += 1,
                PutStatus::NearDuplicate { .. } => s.n_near += 1,
                PutStatus::Duplicate => s.n_duplicate += 1,
            }
            s.n_incidents += linked.n_incidents;
            s.n_new_events += linked.n_new_events;
        }
    }
    bar.finish_and_clear();
    let counts = store.counts()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} files: {} new documents, {} near-duplicates (stored, marked), {} already stored; {} incidents, {} new events",
        s.n_files, s.n_new, s.n_near, s.n_duplicate, s.n_incidents, s.n_new_events
    )?;
    writeln!(out, "{}: {} documents, {} incidents, {} events", args.db, counts.n_documents, counts.n_incidents, counts.n_events)?;
    if s.failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} inputs failed:", s.failed.len())?;
    for f in &s.failed {
        writeln!(out, "  {f}")?;
    }
    Ok(ExitCode::from(1))
}

/// Stores `doc` and, unless it was stored and extracted before, its extraction. A document
/// stored by a run interrupted before extraction is extracted now.
pub(crate) fn store_document(store: &mut Store, extractor: &Extractor, doc: &Document) -> anyhow::Result<(PutStatus, Linked)> {
    let put = store.put_document(doc).with_context(|| format!("{}: cannot store", doc.id))?;
    if put.status == PutStatus::Duplicate && !store.needs_extraction(put.doc_id)? {
        return Ok((put.status, Linked::default()));
    }
    let out = extractor.extract(doc);
    let linked = store
        .put_extraction(put.doc_id, &out.incidents, &out.statistics)
        .with_context(|| format!("{}: cannot store incidents", doc.id))?;
    Ok((put.status, linked))
}
