//! `litopys`: the command line. Parses arguments and glues the library crates together; all
//! the work is in `litopys-extract`, `litopys-gazetteer` and `litopys-ingest`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod bench;
mod corpus;
mod demo;
mod eval;
mod extract;
mod input;
mod output;
mod places;

/// litopys (Ukrainian "chronicle") turns news reports into a dataset of incidents: one row per
/// incident with date, place, ACLED event type, actors, figures, and the source text behind
/// every value.
#[derive(Parser)]
#[command(name = "litopys", version, propagate_version = true, max_term_width = 100)]
struct Cli {
    /// Log more (-v: info, -vv: debug); logs go to stderr.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every incident in the given reports.
    ///
    /// Reads plain text, Markdown, HTML pages, Telegram Desktop exports (result.json), JSONL,
    /// RSS/Atom feeds and WARC files (the format is recognised from the content), and writes one
    /// record per incident with ACLED's column names and an `evidence` list pointing at the
    /// exact source text behind each value.
    ///
    /// Examples:
    ///   litopys extract --published 2026-03-02 review.txt
    ///   litopys extract --format csv reports/*.html > incidents.csv
    ///   cat post.txt | litopys extract --published 2026-02-10 -
    ///   litopys extract --statistics result.json
    #[command(verbatim_doc_comment)]
    Extract(extract::Args),
    /// Score extraction against a hand-coded answer file.
    ///
    /// GOLD is a JSON file in the format of shared/samples/*.gold.json; INPUT is the report it
    /// describes. Give several GOLD INPUT pairs to get one table. Prints recall, precision and
    /// per-field accuracy (date, place, coordinates within 15 km, type, injuries, crowd size).
    ///
    /// Example:
    ///   litopys eval review.gold.json review.txt post.gold.json post.txt
    #[command(verbatim_doc_comment)]
    Eval(eval::Args),
    /// Look up a place in the built-in gazetteer.
    ///
    /// Prints every place the name may mean, best first, with oblast, raion, coordinates and
    /// population. Any spelling works: "Kharkov", "Харків", "у Луцьку", "Velyka Dymerka".
    Places(places::Args),
    /// Extract the bundled example reports and show what litopys finds.
    ///
    /// Works offline with no set-up: the examples, codebook and gazetteer are built in.
    Demo(demo::Args),
    /// Write a generated corpus of news reports (JSON Lines) for benchmarks.
    ///
    /// Deterministic: the same seed, size and language give the same bytes.
    ///
    /// Example:
    ///   litopys corpus --seed 1 --size 100MB --lang mixed -o corpus.jsonl
    #[command(verbatim_doc_comment)]
    Corpus(corpus::Args),
    /// Measure extraction throughput (MB/s) on a generated corpus, on one thread and on all.
    ///
    /// Prints MB/s per language on one thread and on --threads threads, the scaling, the
    /// gazetteer pass alone and the ratio, and the peak resident memory. See docs/performance.md.
    ///
    /// Example:
    ///   litopys bench --size 20MB --lang en,uk,ru
    #[command(verbatim_doc_comment)]
    Bench(bench::Args),
}

/// Output formats for records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line (default).
    Jsonl,
    /// ACLED's columns, in ACLED's order.
    Csv,
    /// One JSON array.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Places(args) => places::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Corpus(args) => corpus::run(args),
        Command::Bench(args) => bench::run(args),
    };
    match result {
        Ok(code) => code,
        // a closed pipe (`litopys demo | head`) is the reader's choice, not an error
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("litopys: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("LITOPYS_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_target(false).init();
}

/// Reads a codebook from a file, or the built-in one.
pub fn load_codebook(path: Option<&PathBuf>) -> anyhow::Result<litopys_extract::Codebook> {
    use anyhow::Context;
    match path {
        None => Ok(litopys_extract::Codebook::builtin()),
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("cannot read codebook {}", p.display()))?;
            litopys_extract::Codebook::from_toml(&text).with_context(|| format!("{}", p.display()))
        }
    }
}
