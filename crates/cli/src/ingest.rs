//! `litopys ingest`: read reports into the database, extract, link.
//!
//! # Design
//!
//! Documents go to the store in batches of [`BATCH_DOCUMENTS`], one transaction each
//! (`Store::put_batch`): a crash loses at most the batch being written, and running the
//! command again stores each missing document once. While one batch is written (one
//! thread: the database has one writer), the next is fingerprinted and extracted on every
//! core. Results are what storing the documents one by one gives. A batch that fails is
//! stored again one document at a time, so that the error names the document and the
//! documents before it are kept, as before batches.
//!
//! A large file (plain text or Markdown over `input::SECTION_FILE_BYTES`, JSON Lines of any
//! size over it) is read as `extract` reads it, in sections or line by line, and a batch holds
//! at most [`BATCH_BYTES`] of text: memory stays bounded whatever the size of the input.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use litopys_extract::Extractor;
use litopys_model::Document;
use litopys_store::{Linked, Put, PutStatus, Report, Store};

use crate::input::Event;

/// Documents stored in one transaction.
const BATCH_DOCUMENTS: usize = 500;
/// Text bytes stored in one transaction: a batch of sections of a large file stays small.
const BATCH_BYTES: usize = 2 << 20;

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders to read (folders recursively); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// Publication date (YYYY-MM-DD) for reports that carry none.
    #[arg(long, value_name = "DATE", value_parser = crate::args::parse_date)]
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
    /// Inputs (or records) that failed, each already named on stderr when met.
    n_failed: usize,
    /// Files in folders that are not reports, left unread: how many, and the first few.
    skipped: Vec<String>,
    n_skipped: usize,
    /// Documents without a date of their own.
    dates: crate::dating::Tally,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = crate::load_extractor(args.codebook.as_ref())?;
    let mut store = crate::args::open_or_create(&args.db)?;
    let pool = crate::extract::thread_pool(None)?;
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut s = Summary::default();
    let mut chunk = Chunk::default();
    let mut prepared: Prepared = Prepared::default();
    // files over the size `extract` reads in sections are read the same way (see `input`)
    for (path, result) in litopys_ingest::walk(&args.paths).stream_above(crate::input::SECTION_FILE_BYTES) {
        s.n_files += 1;
        bar.set_message(format!("{} files, {} new documents: {}", s.n_files, s.n_new, path.display()));
        bar.tick();
        let batch = match result {
            Ok(batch) => batch,
            Err(err) if err.kind() == litopys_ingest::ErrorKind::Large => {
                // a file of any size in bounded memory: SQLite's cache a quarter of its default
                store.limit_cache(16)?;
                for event in crate::input::Stream::new(std::slice::from_ref(&path), None) {
                    match event {
                        Event::Document(doc) => {
                            if let Some(full) = chunk.push(doc, args.published) {
                                prepared = step(&mut store, &extractor, &pool, full, prepared, &mut s)?;
                            }
                        }
                        Event::Failed(message) => {
                            bar.suspend(|| eprintln!("litopys: {message}"));
                            s.n_failed += 1;
                        }
                        Event::Empty(name) => {
                            bar.suspend(|| eprintln!("litopys: {name}: no text to read"));
                            s.n_failed += 1;
                        }
                        // already named on stderr
                        Event::BadRecord => s.n_failed += 1,
                    }
                }
                continue;
            }
            Err(err) if err.kind() == litopys_ingest::ErrorKind::Skipped => {
                s.n_skipped += 1;
                if s.skipped.len() < 3 {
                    s.skipped.push(err.to_string());
                }
                continue;
            }
            Err(err) => {
                bar.suspend(|| eprintln!("litopys: {err}"));
                s.n_failed += 1;
                continue;
            }
        };
        if batch.documents.is_empty() && batch.warnings.is_empty() {
            bar.suspend(|| eprintln!("litopys: {}: no text to read", path.display()));
            s.n_failed += 1;
        }
        for w in &batch.warnings {
            bar.suspend(|| eprintln!("litopys: {w}"));
            s.n_failed += 1;
        }
        for doc in batch.documents {
            if let Some(full) = chunk.push(doc, args.published) {
                prepared = step(&mut store, &extractor, &pool, full, prepared, &mut s)?;
            }
        }
    }
    prepared = step(&mut store, &extractor, &pool, chunk.docs, prepared, &mut s)?;
    step(&mut store, &extractor, &pool, Vec::new(), prepared, &mut s)?;
    bar.finish_and_clear();
    if let Some(line) = s.dates.summary() {
        eprintln!("litopys: {line}; see `litopys documents --status undated`, date them with `litopys documents date ID YYYY-MM-DD`, then `litopys reextract`");
    }
    let counts = store.counts()?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} files: {} new documents, {} near-duplicates (stored, marked), {} already stored; {} incidents, {} new events",
        s.n_files - s.n_skipped, s.n_new, s.n_near, s.n_duplicate, s.n_incidents, s.n_new_events
    )?;
    if s.n_skipped > 0 {
        let more = if s.n_skipped > s.skipped.len() { ", ..." } else { "" };
        writeln!(out, "{} files skipped, not reports (hidden, binary, configuration): {}{more}", s.n_skipped, s.skipped.join("; "))?;
    }
    writeln!(out, "{}: {} documents, {} incidents, {} events", args.db, counts.n_documents, counts.n_incidents, counts.n_events)?;
    if s.n_failed == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{} inputs failed (named above); the others are stored", s.n_failed)?;
    Ok(ExitCode::from(1))
}

/// Documents read and not yet extracted, each with whether its date is its own.
#[derive(Default)]
struct Chunk {
    docs: Vec<(Document, bool)>,
    n_bytes: usize,
}

impl Chunk {
    /// Adds `doc` (dated by `fallback` if it has no date of its own); returns the documents
    /// gathered so far when they make a batch.
    fn push(&mut self, mut doc: Document, fallback: Option<jiff::civil::Date>) -> Option<Vec<(Document, bool)>> {
        let own_date = doc.published.is_some();
        if !own_date {
            doc.published = fallback;
        }
        self.n_bytes += doc.text.len();
        self.docs.push((doc, own_date));
        if self.docs.len() < BATCH_DOCUMENTS && self.n_bytes < BATCH_BYTES {
            return None;
        }
        self.n_bytes = 0;
        Some(std::mem::take(&mut self.docs))
    }
}

/// A batch ready to store: the reports, and for each the ids of its incidents that need a
/// date (see the `dating` module).
#[derive(Default)]
struct Prepared {
    reports: Vec<Report>,
    undated: Vec<Vec<String>>,
    /// Warnings about relative dates (see the `date_checks` module), per report.
    checks: Vec<Vec<String>>,
}

/// Writes `ready` while `next` is fingerprinted and extracted on the pool; returns `next`
/// ready to write. `next` holds each document with whether the date is its own.
fn step(
    store: &mut Store,
    extractor: &Extractor,
    pool: &rayon::ThreadPool,
    next: Vec<(Document, bool)>,
    ready: Prepared,
    s: &mut Summary,
) -> anyhow::Result<Prepared> {
    let (docs, own_dates): (Vec<Document>, Vec<bool>) = next.into_iter().unzip();
    let done = store.extracted(&docs)?;
    let (written, prepared) = pool.install(|| rayon::join(|| write_batch(store, &ready.reports), || prepare(extractor, docs, &done)));
    for (((put, linked), undated), report) in written?.into_iter().zip(&ready.undated).zip(&ready.reports) {
        s.count(&put, &linked);
        if !undated.is_empty() {
            store.mark_needs_date(put.doc_id, undated).with_context(|| format!("{}: cannot mark incidents", report.document().id))?;
        }
    }
    for ((((report, own_date), undated), was_done), checks) in prepared.reports.iter().zip(own_dates).zip(&prepared.undated).zip(done).zip(&prepared.checks) {
        if !was_done {
            let doc = report.document();
            s.dates.note(doc, own_date, doc.published.filter(|_| !own_date), report.n_incidents(), undated.len());
            checks.iter().for_each(|w| eprintln!("litopys: {w}"));
        }
    }
    Ok(prepared)
}

/// Each document's report, extracted unless it is stored with its extraction already.
fn prepare(extractor: &Extractor, docs: Vec<Document>, done: &[bool]) -> Prepared {
    use rayon::prelude::*;
    let (reports, (undated, checks)) = docs
        .into_par_iter()
        .zip(done.par_iter())
        .with_min_len(4)
        .map(|(doc, &done)| {
            let dated = (!done).then(|| crate::dating::extract(extractor, &doc));
            let undated = dated.as_ref().map(|d| d.undated.clone()).unwrap_or_default();
            let checks = dated.as_ref().map(|d| crate::date_checks::warnings(&doc, &d.incidents)).unwrap_or_default();
            (Report::new(doc, dated.map(|d| (d.incidents, d.statistics))), (undated, checks))
        })
        .unzip();
    Prepared { reports, undated, checks }
}

/// Stores `reports` in one transaction or, if that fails, one at a time: the first error
/// then names its document, and the documents before it stay stored.
fn write_batch(store: &mut Store, reports: &[Report]) -> anyhow::Result<Vec<(Put, Linked)>> {
    if reports.is_empty() {
        return Ok(Vec::new());
    }
    if let Ok(done) = store.put_batch(reports) {
        return Ok(done);
    }
    let mut done = Vec::with_capacity(reports.len());
    for r in reports {
        let one = store.put_batch(std::slice::from_ref(r)).with_context(|| format!("{}: cannot store", r.document().id))?;
        done.extend(one);
    }
    Ok(done)
}

impl Summary {
    fn count(&mut self, put: &Put, linked: &Linked) {
        match put.status {
            PutStatus::Inserted => self.n_new += 1,
            PutStatus::NearDuplicate { .. } => self.n_near += 1,
            PutStatus::Duplicate => self.n_duplicate += 1,
        }
        self.n_incidents += linked.n_incidents;
        self.n_new_events += linked.n_new_events;
    }
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
