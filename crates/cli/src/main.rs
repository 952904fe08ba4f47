//! `litopys`: the command line. Parses arguments and glues the library crates together; all
//! the work is in `litopys-extract`, `litopys-gazetteer` and `litopys-ingest`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// mimalloc instead of the system allocator: extraction builds and drops many small vectors
/// and strings per document, and glibc's malloc/free took a fifth of its time (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod bench;
mod corpus;
mod date_checks;
mod dating;
mod demo;
mod documents;
mod eval;
mod events;
mod export;
mod extract;
mod geoparse;
mod ingest;
mod input;
mod output;
mod parquet_out;
mod places;
mod report;
mod watch;
mod review;
mod serve;
mod user;

/// What `litopys`, `extract` and `ingest` exit with, in their `--help`.
const EXIT_CODES: &str = "Exit codes: 0 every input read; 1 some input (a file, a record) failed and the rest were processed; 2 usage or a fatal error (bad option, no database).";

/// litopys (Ukrainian "chronicle") turns news reports into a dataset of incidents: one row per
/// incident with date, place, ACLED event type, actors, figures, and the source text behind
/// every value.
#[derive(Parser)]
#[command(
    name = "litopys",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = EXIT_CODES
)]
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
    ///
    /// Rows carry ACLED's `timestamp` (when they were written); set SOURCE_DATE_EPOCH to fix it
    /// and make two runs write the same bytes. Incidents whose scene is abroad are dropped; -v
    /// says which and why.
    #[command(verbatim_doc_comment, after_help = EXIT_CODES)]
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
    /// Find every place a text names: one JSON line a mention, resolved, with its evidence.
    ///
    /// Reads every input `extract` reads. For each mention: `doc` (a JSON Lines record's `id`,
    /// else its `url`, else the file name), `start` and `end` (byte offsets into the text),
    /// `text`, the place chosen (`name`, `name_uk`, `kind`, `country`, `admin1`, `admin2`,
    /// `lat`, `lon`), `candidates` (how many places the name could mean), `confidence` (0 to 1),
    /// `score`, `decided_by` (which signal chose among namesakes: region named, other places,
    /// country, population...), `evidence` (the signals for and against it being a place, with
    /// their weights) and `alternatives`.
    ///
    /// Places abroad are places too ("Нью-Йорка", "в Подольске" near Moscow): `country` says
    /// where. A word that is also a place name ("Сила", "Мені", "Доля") counts only with
    /// support: a settlement word before it, its oblast named nearby, the text's other places;
    /// inside a person's name ("Олена Квітка") it never does. Streets are written with kind
    /// "street", in the city named nearest. A lower-case oblast adjective ("львівська
    /// поліція") is no place name: --all writes it, marked "adjective", with the rejected ones.
    ///
    /// Examples:
    ///   litopys geoparse report.txt
    ///   litopys geoparse --all posts.jsonl | jq 'select(.rejected)'
    ///   echo "Вибух у селі Сила Миколаївської області" | litopys geoparse -
    #[command(verbatim_doc_comment)]
    Geoparse(geoparse::Args),
    /// Look up a place in the built-in gazetteer.
    ///
    /// Prints every place the name may mean, best first, with oblast, raion, coordinates and
    /// population. Any spelling works: "Kharkov", "Харків", "у Луцьку", "Velyka Dymerka".
    Places(places::Args),
    /// Extract the bundled example reports and show what litopys finds.
    ///
    /// Works offline with no set-up: the examples, codebook and gazetteer are built in.
    Demo(demo::Args),
    /// Read reports into the incident database, extract them and link reports of the same
    /// incident into one event.
    ///
    /// Folders are read recursively; every format `extract` reads is recognised. A document
    /// already stored (same words) is skipped, a syndicated copy is stored and marked, and an
    /// interrupted run resumes where it stopped when run again. Each input that cannot be
    /// read is named on stderr and the exit code is 1; the good ones are stored.
    ///
    /// Examples:
    ///   litopys ingest reports/                       # into ./litopys.db
    ///   litopys ingest --db postgres://me@db/litopys feeds/*.xml archive.warc.gz
    ///   litopys ingest --published 2026-03-02 post.txt
    #[command(verbatim_doc_comment, after_help = EXIT_CODES)]
    Ingest(ingest::Args),
    /// List events from the database, one line each (or JSON with --json).
    ///
    /// Examples:
    ///   litopys events --from 2026-02-01 --to 2026-02-28 --admin1 Volyn
    ///   litopys events --type Protests --tag labour --text "maternity ward"
    ///   litopys events --status new --json
    #[command(verbatim_doc_comment)]
    Events(events::Args),
    /// Write events as CSV (ACLED's columns), flat JSON Lines, GeoJSON (RFC 7946) or Parquet.
    ///
    /// Takes the same filters as `events`. Rejected events, and events still waiting for a
    /// date (needs-date), are left out unless asked for with --status. Parquet is written to
    /// standard output: redirect it to a file.
    ///
    /// Examples:
    ///   litopys export > events.csv
    ///   litopys export --format geojson --from 2026-02-01 > events.geojson
    ///   litopys export --format jsonl --status confirmed > confirmed.jsonl
    ///   litopys export --format parquet > events.parquet
    #[command(verbatim_doc_comment)]
    Export(export::Args),
    /// Record an analyst's decision on an event: confirm, edit a field, reject, merge, split.
    ///
    /// Every decision is kept with who and when in an append-only history, and re-running
    /// `ingest` never overwrites a reviewed value.
    ///
    /// Examples:
    ///   litopys review UKR1a2b3c --confirm
    ///   litopys review UKR1a2b3c --set fatalities=0 --user olena
    ///   litopys review UKR1a2b3c --set location=Lutsk
    ///   litopys review UKR1a2b3c --merge UKR9f8e7d
    ///   litopys review UKR1a2b3c --split UKR5c6d7e
    ///   litopys review UKR1a2b3c --history
    #[command(verbatim_doc_comment)]
    Review(review::Args),
    /// List stored documents, or set one's publication date.
    ///
    /// Examples:
    ///   litopys documents --status undated      # no date, or incidents waiting for one
    ///   litopys documents date 12 2026-03-15    # then: litopys reextract --document 12
    #[command(verbatim_doc_comment)]
    Documents(documents::Args),
    /// Extract stored documents again and relink their incidents, keeping every analyst
    /// decision; prints the events added, removed, re-dated and re-placed.
    ///
    /// After dating a document, changing the codebook, or upgrading litopys.
    ///
    /// Examples:
    ///   litopys reextract --document 12
    ///   litopys reextract --codebook my-codebook.toml
    #[command(verbatim_doc_comment)]
    Reextract(documents::ReArgs),
    /// Draft the period's review from the database: counts, charts, one sentence per incident.
    ///
    /// Markdown, self-contained HTML (inline SVG charts) or PDF (printed by Debian's chromium).
    /// Templates are minijinja; pass your own with --template.
    ///
    /// Examples:
    ///   litopys report --from 2026-02-01 --to 2026-02-28 > february.md
    ///   litopys report --from 2026-02-01 --to 2026-02-28 --format html --group-by oblast -o feb.html
    ///   litopys report --from 2026-02-01 --to 2026-02-28 --format pdf --status reviewed -o feb.pdf
    #[command(verbatim_doc_comment)]
    Report(report::Args),
    /// Poll RSS/Atom feeds on a schedule and store new items.
    ///
    /// Conditional requests (ETag, Last-Modified) and a delay between requests to one host;
    /// one line per new item on stdout. State is kept next to the feed list.
    ///
    /// Example FEEDS.toml:
    ///   interval = "15m"
    ///   [[feed]]
    ///   url = "https://example.org/news/rss"
    ///   name = "Example news"
    ///
    /// Examples:
    ///   litopys watch feeds.toml
    ///   litopys watch --once feeds.toml     # one round, for cron
    #[command(verbatim_doc_comment)]
    Watch(watch::Args),
    /// Serve the web app (map, timeline, filters, event pages, review queue) and the JSON API.
    ///
    /// Examples:
    ///   litopys serve --public                       # http://127.0.0.1:8080, read without sign-in
    ///   litopys serve --db postgres://me@db/litopys --addr 0.0.0.0:8080 --secure-cookies
    #[command(verbatim_doc_comment)]
    Serve(serve::Args),
    /// Manage the web app's accounts (viewer, editor, admin) and API tokens.
    ///
    /// Examples:
    ///   echo 'a long passphrase' | litopys user add olena --role editor
    ///   litopys user token olena --label nightly-export
    ///   litopys user tokens olena
    ///   litopys user revoke 3f9a0c1d2b4e5f60
    #[command(verbatim_doc_comment)]
    User(user::Args),
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
        Command::Geoparse(args) => geoparse::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Events(args) => events::run(args),
        Command::Export(args) => export::run(args),
        Command::Review(args) => review::run(args),
        Command::Documents(args) => documents::run(args),
        Command::Reextract(args) => documents::reextract(args),
        Command::Report(args) => report::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Serve(args) => serve::run(args),
        Command::User(args) => user::run(args),
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
/// An extractor with the codebook at `path` (the built-in one if none), its tables built on
/// every core at once (see [`litopys_extract::warm_up`]).
pub fn load_extractor(path: Option<&PathBuf>) -> anyhow::Result<litopys_extract::Extractor> {
    let codebook = std::thread::scope(|s| {
        s.spawn(litopys_extract::warm_up);
        let start = std::time::Instant::now();
        let codebook = load_codebook(path);
        tracing::debug!(table = "codebook", ms = start.elapsed().as_millis() as u64, "built");
        codebook
    })?;
    Ok(litopys_extract::Extractor::new(codebook))
}

fn load_codebook(path: Option<&PathBuf>) -> anyhow::Result<litopys_extract::Codebook> {
    use anyhow::Context;
    match path {
        None => Ok(litopys_extract::Codebook::builtin()),
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| format!("cannot read codebook {}", p.display()))?;
            litopys_extract::Codebook::from_toml(&text).with_context(|| format!("{}", p.display()))
        }
    }
}
