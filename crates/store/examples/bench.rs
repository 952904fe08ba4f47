//! Ingest speed and database size, end to end: N generated reports (`litopys-corpus`, seed 1,
//! mixed languages; generated before the clock starts) are fingerprinted and extracted on
//! every core while the previous batch of 500 is stored, linked and committed by one thread,
//! into SQLite (and PostgreSQL when `LITOPYS_TEST_POSTGRES` is set). Prints documents/s, the
//! CPU time used (this process, and PostgreSQL's server processes), and MiB per 1,000
//! documents.
//!
//! ```text
//! cargo run --release -p litopys-store --example bench 5000            # batches
//! cargo run --release -p litopys-store --example bench 5000 one-by-one # one document a transaction, one thread
//! ```

use std::time::Instant;

use litopys_extract::Extractor;
use litopys_model::Document;
use litopys_store::{Report, Store};
use rayon::prelude::*;

const BATCH: usize = 500;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    let one_by_one = std::env::args().nth(2).as_deref() == Some("one-by-one");
    let mut generator = litopys_corpus::Generator::new(1, litopys_corpus::Lang::Mixed);
    let docs: Vec<Document> = (0..n).map(|_| generator.article().into_document()).collect();
    let mib: f64 = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / (1 << 20) as f64;
    println!("{n} generated documents, {mib:.1} MiB of text; {} threads; load {}", rayon::current_num_threads(), load());
    let extractor = Extractor::default();
    let dir = tempfile::tempdir()?;
    let path = match std::env::var("BENCH_KEEP_DB") {
        Ok(p) => std::path::PathBuf::from(p),
        Err(_) => dir.path().join("bench.db"),
    };
    let mut sqlite = Store::open(&path.display().to_string())?;
    let done = ingest(&mut sqlite, &extractor, &docs, one_by_one)?;
    drop(sqlite);
    let bytes: u64 = ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    done.print("sqlite", bytes, None);
    if let Ok(url) = std::env::var("LITOPYS_TEST_POSTGRES") {
        let mut admin = postgres::Client::connect(&url, postgres::NoTls)?;
        admin.batch_execute("SET client_min_messages = warning; DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench")?;
        let sep = if url.contains('?') { '&' } else { '?' };
        let mut pg = Store::open(&format!("{url}{sep}options=-c%20search_path%3Dbench"))?;
        let server_before = postgres_cpu_s();
        let done = ingest(&mut pg, &extractor, &docs, one_by_one)?;
        let server = postgres_cpu_s() - server_before;
        let row = admin.query_one(
            "SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))::bigint FROM pg_tables WHERE schemaname = 'bench'",
            &[],
        )?;
        let bytes: i64 = row.get(0);
        done.print("postgres", u64::try_from(bytes).unwrap_or_default(), Some(server));
    }
    Ok(())
}

struct Run {
    n: usize,
    wall_s: f64,
    cpu_s: f64,
}

impl Run {
    fn print(&self, backend: &str, bytes: u64, server_cpu_s: Option<f64>) {
        let per_1000 = bytes as f64 / (1 << 20) as f64 / (self.n as f64 / 1000.0);
        let server = server_cpu_s.map_or(String::new(), |s| format!(" + {s:.2} s server CPU"));
        println!(
            "{backend}: {:.0} documents/s ({:.2} s wall, {:.2} s CPU{server}), {per_1000:.2} MiB per 1,000 documents",
            self.n as f64 / self.wall_s,
            self.wall_s,
            self.cpu_s
        );
    }
}

/// Extracts and stores `docs`; the clock and the CPU time cover both.
fn ingest(store: &mut Store, extractor: &Extractor, docs: &[Document], one_by_one: bool) -> Result<Run> {
    let (start, cpu) = (Instant::now(), cpu_s());
    if one_by_one {
        for d in docs {
            let put = store.put_document(d)?;
            let out = extractor.extract(d);
            store.put_extraction(put.doc_id, &out.incidents, &out.statistics)?;
        }
    } else {
        let mut ready: Vec<Report> = Vec::new();
        for chunk in docs.chunks(BATCH).map(Some).chain([None]) {
            let (written, next) = rayon::join(|| store.put_batch(&ready), || prepare(extractor, chunk.unwrap_or_default()));
            written?;
            ready = next;
        }
    }
    Ok(Run { n: docs.len(), wall_s: start.elapsed().as_secs_f64(), cpu_s: cpu_s() - cpu })
}

fn prepare(extractor: &Extractor, docs: &[Document]) -> Vec<Report> {
    docs.par_iter()
        .map(|d| {
            let out = extractor.extract(d);
            Report::new(d.clone(), Some((out.incidents, out.statistics)))
        })
        .collect()
}

/// User and system CPU seconds of this process.
fn cpu_s() -> f64 {
    proc_cpu_s("/proc/self/stat").unwrap_or(f64::NAN)
}

/// User and system CPU seconds of every `postgres` process on this machine.
fn postgres_cpu_s() -> f64 {
    let Ok(entries) = std::fs::read_dir("/proc") else { return f64::NAN };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| std::fs::read_to_string(e.path().join("comm")).is_ok_and(|c| c.trim() == "postgres"))
        .filter_map(|e| proc_cpu_s(&e.path().join("stat").display().to_string()))
        .sum()
}

/// Fields 14 and 15 (utime, stime) of a `/proc/PID/stat`, in seconds (100 ticks a second).
fn proc_cpu_s(path: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(path).ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(|_| "?".into(), |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}
