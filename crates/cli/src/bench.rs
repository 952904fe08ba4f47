//! `litopys bench`: whole-pipeline throughput on a generated corpus.
//!
//! For each language a corpus is generated from the seed in chunks (generation is not timed),
//! and each chunk is extracted three ways: on one thread, on `--threads` threads (rayon), and
//! by the gazetteer alone (`Gazetteer::find`: normalising, the FST walk and ranking, which is
//! the floor any extraction that resolves places pays). Memory stays flat: one chunk is held
//! at a time.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use litopys_corpus::{Generator, Lang};
use litopys_extract::Extractor;
use litopys_gazetteer::Gazetteer;
use litopys_model::Document;

/// Text bytes per chunk.
const CHUNK_BYTES: u64 = 4 << 20;

#[derive(clap::Args)]
pub struct Args {
    /// Text per language: 10MB, 100MB, 1GB, ...
    #[arg(long, default_value = "20MB", value_parser = litopys_corpus::parse_size)]
    size: u64,
    /// Languages to measure, comma-separated (en, uk, ru, mixed).
    #[arg(long, default_value = "en,uk,ru", value_delimiter = ',')]
    lang: Vec<Lang>,
    /// Seed of the corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Threads for the parallel run (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Read this JSON Lines corpus (as `litopys corpus` writes) instead of generating one;
    /// measured as one language named after the file.
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
}

/// The chunks of one corpus, one at a time.
type Chunks = Box<dyn FnMut() -> Option<Vec<Document>>>;

#[derive(Default)]
struct Timing {
    n_bytes: u64,
    n_documents: usize,
    n_incidents: usize,
    one: Duration,
    one_cpu: Duration,
    many: Duration,
    gazetteer: Duration,
    gazetteer_cpu: Duration,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::default();
    let gaz = Gazetteer::builtin();
    let pool = crate::extract::thread_pool(args.threads)?;
    let single = crate::extract::thread_pool(Some(1))?;
    let n_threads = pool.current_num_threads();
    println!("litopys bench: {} MB of text per language, seed {}, {n_threads} threads", args.size / 1_000_000, args.seed);
    println!(
        "{:<8} {:>6} {:>10} {:>10} {:>12} {:>8} {:>10} {:>10} {:>7} {:>9}",
        "lang", "MB", "1 thread", "1 (cpu)", format!("{n_threads} threads"), "scaling", "gazetteer", "gaz (cpu)", "ratio", "incidents"
    );
    let mut sets: Vec<(String, Chunks)> = Vec::new();
    if let Some(path) = &args.input {
        let operands = vec![path.clone()];
        let docs = read_all(&operands)?;
        let mut chunks = chunked(docs).into_iter();
        sets.push((path.display().to_string(), Box::new(move || chunks.next())));
    } else {
        for &lang in &args.lang {
            let mut gen = Generator::new(args.seed, lang);
            let mut left = args.size;
            let next = move || {
                if left == 0 {
                    return None;
                }
                let mut docs = Vec::new();
                let mut n = 0;
                while n < CHUNK_BYTES.min(left) {
                    let d = gen.article().into_document();
                    n += d.text.len() as u64;
                    docs.push(d);
                }
                left = left.saturating_sub(n);
                Some(docs)
            };
            sets.push((format!("{lang:?}").to_lowercase(), Box::new(next)));
        }
    }
    for (name, mut next) in sets {
        let mut t = Timing::default();
        while let Some(docs) = next() {
            t.n_bytes += docs.iter().map(|d| d.text.len() as u64).sum::<u64>();
            t.n_documents += docs.len();
            let (start, cpu) = (Instant::now(), thread_cpu());
            // one thread: the pool of one runs on this thread, so its CPU time is this thread's
            let out = crate::extract::extract_all(&single, &extractor, &docs);
            t.one += start.elapsed();
            t.one_cpu += thread_cpu().saturating_sub(cpu);
            t.n_incidents += out.iter().map(|o| o.incidents.len()).sum::<usize>();
            let start = Instant::now();
            let out = crate::extract::extract_all(&pool, &extractor, &docs);
            t.many += start.elapsed();
            drop(out);
            let (start, cpu) = (Instant::now(), thread_cpu());
            let n_places: usize = docs.iter().map(|d| gaz.find(&d.text).len()).sum();
            t.gazetteer += start.elapsed();
            t.gazetteer_cpu += thread_cpu().saturating_sub(cpu);
            std::hint::black_box(n_places);
        }
        let mb = t.n_bytes as f64 / 1e6;
        let rate = |d: Duration| mb / d.as_secs_f64().max(1e-9);
        println!(
            "{:<8} {:>6.1} {:>8.1}/s {:>8.1}/s {:>10.1}/s {:>7.2}x {:>8.1}/s {:>8.1}/s {:>6.2}x {:>9}",
            name,
            mb,
            rate(t.one),
            rate(t.one_cpu),
            rate(t.many),
            t.one.as_secs_f64() / t.many.as_secs_f64().max(1e-9),
            rate(t.gazetteer),
            rate(t.gazetteer_cpu),
            t.one_cpu.as_secs_f64() / t.gazetteer_cpu.as_secs_f64().max(1e-9),
            t.n_incidents,
        );
    }
    println!("(MB/s of document text, by wall clock and, for one thread, by the thread's CPU time, which");
    println!(" other processes on the machine do not inflate; ratio: extraction CPU time over the gazetteer's)");
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average during the run: {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    }
    match peak_rss_kib() {
        Some(kib) => println!("peak resident memory: {:.1} MB", kib as f64 / 1024.0),
        None => println!("peak resident memory: unknown"),
    }
    Ok(ExitCode::SUCCESS)
}

fn read_all(operands: &[PathBuf]) -> anyhow::Result<Vec<Document>> {
    let mut docs = Vec::new();
    for event in crate::input::Stream::new(operands, None) {
        match event {
            crate::input::Event::Document(d) => docs.push(d),
            crate::input::Event::Failed(m) => anyhow::bail!("{m}"),
            crate::input::Event::Empty(name) => anyhow::bail!("{name}: no text to read"),
            crate::input::Event::BadRecord => {}
        }
    }
    Ok(docs)
}

fn chunked(docs: Vec<Document>) -> Vec<Vec<Document>> {
    let mut chunks = vec![Vec::new()];
    let mut n = 0;
    for d in docs {
        n += d.text.len() as u64;
        if let Some(c) = chunks.last_mut() {
            c.push(d);
        }
        if n >= CHUNK_BYTES {
            chunks.push(Vec::new());
            n = 0;
        }
    }
    chunks.retain(|c| !c.is_empty());
    chunks
}

/// CPU time of the calling thread so far (Linux `schedstat`); zero where unknown.
fn thread_cpu() -> Duration {
    let ns = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

/// Peak resident set size of this process (Linux `VmHWM`), in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
