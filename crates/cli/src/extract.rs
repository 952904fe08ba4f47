//! `litopys extract`.
//!
//! # Design
//!
//! Documents stream through in chunks of a few megabytes: a chunk is read, its documents are
//! extracted in parallel (rayon, `--jobs` threads), and their records are written in input
//! order before the next chunk is read. Memory is bounded by the chunk size whatever the size of
//! the corpus, and the output is the same for any number of jobs.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::SyncSender;

use litopys_extract::{Extraction, Extractor};
use litopys_model::Document;
use rayon::prelude::*;

use crate::input::{Event, Stream};
use crate::{output::Writer, Format};

/// Text bytes read before a chunk is extracted.
const CHUNK_BYTES: usize = 1 << 20;
/// Documents read before a chunk is extracted.
const CHUNK_DOCUMENTS: usize = 1024;

#[derive(clap::Args)]
pub struct Args {
    /// Reports to read; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for reports that carry none: relative dates
    /// ("yesterday", "two days later") and years are resolved against it.
    #[arg(long, value_name = "DATE", value_parser = crate::args::parse_date)]
    published: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Also write aggregate figures ("19,850 proceedings in February") as records with
    /// `"record": "statistic"`.
    #[arg(long)]
    statistics: bool,
    /// A codebook TOML to use instead of the built-in one (see data/codebook.toml).
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
    /// Also write incidents whose place is not in the gazetteer (with empty place fields) or
    /// lies outside Ukraine (for measuring classification on reports from abroad).
    #[arg(long)]
    keep_unplaced: bool,
    /// Threads extracting in parallel (default: one per core). Output order does not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = crate::load_extractor(args.codebook.as_ref())?.keep_unplaced(args.keep_unplaced);
    let pool = thread_pool(args.jobs)?;
    let stdout = std::io::stdout().lock();
    let mut writer = Writer::new(args.format, std::io::BufWriter::new(stdout))?;
    // reading and parsing the next chunk overlaps extracting this one: one chunk waits in
    // the channel, so memory stays at a few chunks whatever the corpus size
    let n_failed = std::thread::scope(|scope| -> anyhow::Result<usize> {
        let (chunks, received) = std::sync::mpsc::sync_channel::<Vec<Document>>(1);
        let reader = scope.spawn(|| read_chunks(&args.files, args.published, chunks));
        for chunk in received {
            let results = extract_all(&pool, &extractor, &chunk);
            let checks: Vec<Vec<String>> = pool.install(|| chunk.par_iter().zip(&results).map(|(d, r)| crate::date_checks::warnings(d, &r.incidents)).collect());
            write_chunk(&mut writer, &chunk, &results, args.statistics)?;
            checks.iter().flatten().for_each(|w| eprintln!("litopys: {w}"));
            warn_undated(&extractor, &chunk, &results);
        }
        reader.join().map_err(|_| anyhow::anyhow!("the input reader failed"))
    })?;
    writer.finish()?;
    Ok(if n_failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads `files` into chunks of about `CHUNK_BYTES` and sends them on, reporting unreadable
/// inputs on stderr as it goes; returns how many failed. Stops early if the receiver is gone.
fn read_chunks(files: &[PathBuf], published: Option<jiff::civil::Date>, chunks: SyncSender<Vec<Document>>) -> usize {
    let mut n_failed = 0;
    let mut stream = Stream::new(files, published);
    loop {
        let mut chunk: Vec<Document> = Vec::new();
        let mut n_bytes = 0;
        let mut ended = true;
        for event in stream.by_ref() {
            match event {
                Event::Document(d) => {
                    n_bytes += d.text.len();
                    chunk.push(d);
                }
                Event::Failed(message) => {
                    eprintln!("litopys: {message}");
                    n_failed += 1;
                }
                Event::Empty(name) => {
                    eprintln!("litopys: {name}: no text to read");
                    n_failed += 1;
                }
                Event::BadRecord => n_failed += 1,
            }
            if n_bytes >= CHUNK_BYTES || chunk.len() >= CHUNK_DOCUMENTS {
                ended = false;
                break;
            }
        }
        if chunks.send(chunk).is_err() || ended {
            return n_failed;
        }
    }
}

fn write_chunk<W: std::io::Write>(writer: &mut Writer<W>, docs: &[Document], results: &[Extraction], statistics: bool) -> anyhow::Result<()> {
    for (doc, out) in docs.iter().zip(results) {
        tracing::info!("{}: language {}", doc.id, out.language.as_deref().unwrap_or("unknown"));
        for d in &out.diagnostics {
            tracing::info!("{d}");
        }
        for i in &out.incidents {
            writer.incident(i)?;
        }
        if statistics {
            for s in &out.statistics {
                writer.statistic(s)?;
            }
        }
    }
    Ok(())
}

/// Names, at the default verbosity, each report with no publication date whose incidents
/// could not be dated for lack of one (they are not written: a row needs a date).
fn warn_undated(extractor: &Extractor, docs: &[Document], results: &[Extraction]) {
    for (doc, out) in docs.iter().zip(results) {
        if doc.published.is_some() {
            continue;
        }
        let n = crate::dating::count_undated(extractor, doc, &out.incidents);
        if n > 0 {
            eprintln!(
                "litopys: warning: {}: no publication date (none in its metadata, dateline or file name); {n} incidents not written because they cannot be dated: give --published YYYY-MM-DD",
                doc.id
            );
        }
    }
}

/// A pool of `jobs` threads (default: one per core).
pub fn thread_pool(jobs: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let n = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    Ok(rayon::ThreadPoolBuilder::new().num_threads(n).build()?)
}

/// The extraction of every document, in order, in parallel on `pool`.
pub fn extract_all(pool: &rayon::ThreadPool, extractor: &Extractor, docs: &[Document]) -> Vec<Extraction> {
    if pool.current_num_threads() == 1 {
        return docs.iter().map(|d| extractor.extract(d)).collect();
    }
    pool.install(|| docs.par_iter().with_min_len(4).map(|d| extractor.extract(d)).collect())
}
