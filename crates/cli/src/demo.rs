//! `litopys demo`: litopys' main job on the bundled example reports. Builds a database from a
//! month of them (three languages, several reports of most incidents), drafts the month's
//! review, and serves the web app over it on 127.0.0.1.
//!
//! # Design
//!
//! The examples are compiled into the binary, so the demo runs from any folder with no set-up.
//! It writes them into a working folder (a fresh `litopys-demo` in the system's temporary
//! folder unless `--dir` says where) and runs the same code as `litopys ingest`, `litopys
//! report` and `litopys serve` on them, through their own argument parsers: what the demo
//! shows is what those commands do. Each run starts from an empty database, so a newer
//! litopys never shows an older one's events. The app is served read-only to anyone on this
//! machine (`--public`), and an editor account with a fresh password is made for trying the
//! review, the date corrections and the pasting of reports.

use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use litopys_store::{Filter, Store};

#[derive(clap::Args)]
pub struct Args {
    /// The working folder for the example reports, the database and the drafted review
    /// (default: litopys-demo in the system's temporary folder). Its database is made anew.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Where to serve the app: HOST:PORT or a port (default: the first free port from
    /// 127.0.0.1:8080).
    #[arg(long, value_name = "ADDR", value_parser = crate::args::parse_addr)]
    addr: Option<SocketAddr>,
    /// Build the database and draft the review, then stop (for scripts and CI).
    #[arg(long)]
    no_serve: bool,
}

/// The example month (JSON Lines with each report's address and date), then the plain-text
/// reports that date themselves by their datelines. Written for litopys; see examples/.
const EXAMPLES: &[(&str, &str)] = &[
    ("march-2026.jsonl", include_str!("../../../examples/month/march-2026.jsonl")),
    ("monthly-review.en.txt", include_str!("../../../examples/articles/monthly-review.en.txt")),
    ("kharkiv-post.uk.txt", include_str!("../../../examples/articles/kharkiv-post.uk.txt")),
    ("mines-post.ru.txt", include_str!("../../../examples/articles/mines-post.ru.txt")),
];

/// The month the examples cover, drafted as the review.
const MONTH: (&str, &str) = ("2026-03-01", "2026-03-31");

/// Runs another command of litopys through its own argument parser.
fn parse<T: clap::Args>(argv: &[&str]) -> anyhow::Result<T> {
    #[derive(Parser)]
    struct One<T: clap::Args> {
        #[command(flatten)]
        args: T,
    }
    Ok(One::<T>::try_parse_from(argv)?.args)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = args.dir.unwrap_or_else(|| std::env::temp_dir().join("litopys-demo"));
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).with_context(|| format!("cannot create {}", dir.display()))?;
    let db = dir.join("litopys-demo.db");
    for stale in ["litopys-demo.db", "litopys-demo.db-wal", "litopys-demo.db-shm", "litopys-demo.users.db"] {
        let _ = std::fs::remove_file(dir.join(stale));
    }
    for (name, text) in EXAMPLES {
        std::fs::write(reports.join(name), text).with_context(|| format!("cannot write {}", reports.join(name).display()))?;
    }
    let db_s = db.display().to_string();
    let reports_s = reports.display().to_string();

    let mut out = std::io::stdout().lock();
    writeln!(out, "== litopys demo: {} example reports into {}", EXAMPLES.len(), db.display())?;
    out.flush()?;
    let code = crate::ingest::run(parse(&["ingest", &reports_s, "--db", &db_s])?)?;
    if code != ExitCode::SUCCESS {
        anyhow::bail!("the example reports could not all be read");
    }

    let mut store = Store::open(&db_s)?;
    let (from, to) = (MONTH.0.parse()?, MONTH.1.parse()?);
    let events = store.events(&Filter { from: Some(from), to: Some(to), ..Filter::default() })?;
    writeln!(out, "\n{:<10} {:<18} {:<16} {:<32} reports", "date", "place", "oblast", "what")?;
    for e in &events {
        let i = &e.incident;
        writeln!(out, "{:<10} {:<18} {:<16} {:<32} {}", i.event_date.to_string(), i.location, i.admin1, i.sub_event_type.as_str(), e.sources.len())?;
    }
    let counts = store.counts()?;
    writeln!(out, "\n{} events in March 2026 ({} in all) from {} reports.", events.len(), counts.n_events, counts.n_documents)?;
    drop(store);

    let review_md = dir.join("review-2026-03.md");
    let review_html = dir.join("review-2026-03.html");
    for (format, path) in [("md", &review_md), ("html", &review_html)] {
        let path = path.display().to_string();
        crate::report::run(parse(&["report", "--db", &db_s, "--from", MONTH.0, "--to", MONTH.1, "--format", format, "-o", &path])?)?;
    }
    writeln!(out, "The month's review, drafted: {} and {}", review_md.display(), review_html.display())?;

    if args.no_serve {
        writeln!(out, "\nServe it with: litopys serve --db {db_s} --public")?;
        return Ok(ExitCode::SUCCESS);
    }
    let password = editor_account(&db_s)?;
    let addr = match args.addr {
        Some(a) => a,
        None => free_port().context("no free port from 127.0.0.1:8080 to 8099; choose one with --addr")?,
    };
    writeln!(out, "\nAn editor account for trying the review: name `editor`, password `{password}`.")?;
    writeln!(out, "\nlitopys demo: open http://{addr}/ (Ctrl-C stops it)")?;
    out.flush()?;
    drop(out);
    let addr_s = addr.to_string();
    crate::serve::run(parse(&["serve", "--db", &db_s, "--addr", &addr_s, "--public"])?)
}

/// Makes the account `editor` with a fresh password, which it returns.
fn editor_account(db: &str) -> anyhow::Result<String> {
    use std::hash::{BuildHasher, Hasher};
    let mut words = String::new();
    for _ in 0..2 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or_default());
        words.push_str(&format!("{:016x}", h.finish()));
    }
    let password = format!("demo-{}", &words[..20]);
    let path = litopys_server::default_accounts_path(db);
    let mut accounts = litopys_server::Accounts::open(&path).with_context(|| format!("cannot open accounts file {}", path.display()))?;
    accounts.set_user("editor", &password, litopys_server::Role::Editor)?;
    Ok(password)
}

/// The first port from 8080 to 8099 free on 127.0.0.1.
fn free_port() -> Option<SocketAddr> {
    (8080..8100).map(|p| SocketAddr::from(([127, 0, 0, 1], p))).find(|a| TcpListener::bind(a).is_ok())
}
