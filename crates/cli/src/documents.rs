//! `litopys documents` (list stored reports, date one by hand) and `litopys reextract`
//! (extract stored reports again, keeping every analyst decision, and say what changed).
//!
//! # Design
//!
//! Re-extraction stores each document's new extraction through `Store::put_extraction`,
//! which replaces that document's incidents and keeps what analysts decided (confirmed and
//! edited values, rejections, merges and splits live on the events and in the history, not
//! in the incidents). What changed is found by comparing every event before and after:
//! events added, removed, re-dated (a `needs-date` event that got its date among them),
//! re-placed, and re-linked (reports that joined or left it).
//!
//! A re-dated or re-placed report is linked again (`litopys-store`'s `relink`): it leaves an
//! event whose other reports it no longer matches and joins the stored event it now matches,
//! so the events listed are those a fresh ingest would make. Reports an analyst placed by
//! hand (merged or split) and the reports of reviewed events stay where they are.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use litopys_store::{Filter, Status, Store};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db", global = true)]
    db: String,
    /// `undated`: only documents with no publication date, or with incidents that need one.
    #[arg(long, value_name = "STATUS", value_parser = ["undated"])]
    status: Option<String>,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Set a stored document's publication date (then run `litopys reextract --document ID`).
    Date {
        /// The document's id (the first column of `litopys documents`).
        id: i64,
        /// Its publication date (2026-03-15, 2026-3-15 or 15.03.2026).
        #[arg(value_parser = crate::args::parse_date)]
        date: jiff::civil::Date,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = crate::args::open_existing(&args.db)?;
    if let Some(Action::Date { id, date }) = args.action {
        store.set_published(id, date)?;
        println!("document {id} published {date}; run `litopys reextract --db {} --document {id}` to date its incidents", args.db);
        return Ok(ExitCode::SUCCESS);
    }
    let docs = store.documents(args.status.is_some())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in &docs {
        let published = d.published.map_or_else(|| "(no date)".to_string(), |p| p.to_string());
        let waiting = if d.n_needs_date > 0 { format!(" ({} need a date)", d.n_needs_date) } else { String::new() };
        writeln!(out, "{:>6} {:<10} {:>3} incidents{waiting}  {}", d.id, published, d.n_incidents, d.key)?;
    }
    out.flush()?;
    eprintln!("{} documents", docs.len());
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct ReArgs {
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// Only this document (its id in `litopys documents`); default: every stored document.
    #[arg(long, value_name = "ID")]
    document: Option<i64>,
    /// A codebook TOML to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
}

/// What the listing shows of an event: date, place, status, and its reports (each source's
/// document and incident).
type Shown = (jiff::civil::Date, String, Status, Vec<String>);

fn snapshot(store: &mut Store) -> anyhow::Result<BTreeMap<String, Shown>> {
    let mut all = BTreeMap::new();
    for status in [None, Some(Status::Rejected), Some(Status::NeedsDate)] {
        for e in store.events(&Filter { status, ..Filter::default() })? {
            let mut reports: Vec<String> = e.sources.iter().map(|s| format!("{}#{}", s.document, s.incident)).collect();
            reports.sort();
            all.insert(e.id, (e.incident.event_date, e.incident.location, e.status, reports));
        }
    }
    Ok(all)
}

pub fn reextract(args: ReArgs) -> anyhow::Result<ExitCode> {
    let extractor = crate::load_extractor(args.codebook.as_ref())?;
    let mut store = crate::args::open_existing(&args.db)?;
    let ids = match args.document {
        Some(id) => vec![id],
        None => store.document_ids()?,
    };
    let before = snapshot(&mut store)?;
    let mut dates = crate::dating::Tally::default();
    for &id in &ids {
        let doc = store.document(id).with_context(|| "see `litopys documents` for the ids")?;
        let dated = crate::dating::extract(&extractor, &doc);
        crate::date_checks::warn(&doc, &dated.incidents);
        store.reset_needs_date(id)?;
        store.put_extraction(id, &dated.incidents, &dated.statistics).with_context(|| format!("{}: cannot store incidents", doc.id))?;
        store.mark_needs_date(id, &dated.undated)?;
        dates.note(&doc, doc.published.is_some(), None, dated.incidents.len(), dated.undated.len());
    }
    let after = snapshot(&mut store)?;
    let mut out = std::io::stdout().lock();
    let (mut added, mut removed, mut redated, mut replaced, mut relinked) = (0, 0, 0, 0, 0);
    let day = |(d, _, s, _): &Shown| if *s == Status::NeedsDate { "(no date)".to_string() } else { d.to_string() };
    for (id, now) in &after {
        match before.get(id) {
            None => {
                added += 1;
                writeln!(out, "added     {id} {} {}", day(now), now.1)?;
            }
            Some(was) => {
                if day(was) != day(now) {
                    redated += 1;
                    writeln!(out, "re-dated  {id} {} -> {}", day(was), day(now))?;
                }
                if was.1 != now.1 {
                    replaced += 1;
                    writeln!(out, "re-placed {id} {} -> {}", was.1, now.1)?;
                }
                let joined: Vec<&String> = now.3.iter().filter(|r| !was.3.contains(r)).collect();
                let left: Vec<&String> = was.3.iter().filter(|r| !now.3.contains(r)).collect();
                if !joined.is_empty() || !left.is_empty() {
                    relinked += 1;
                    let list = |l: &[&String]| l.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ");
                    let mut what = Vec::new();
                    if !joined.is_empty() {
                        what.push(format!("joined by {}", list(&joined)));
                    }
                    if !left.is_empty() {
                        what.push(format!("left by {}", list(&left)));
                    }
                    writeln!(out, "re-linked {id} {}", what.join("; "))?;
                }
            }
        }
    }
    for (id, was) in &before {
        if !after.contains_key(id) {
            removed += 1;
            writeln!(out, "removed   {id} {} {}", day(was), was.1)?;
        }
    }
    writeln!(
        out,
        "{} documents extracted again: {added} events added, {removed} removed, {redated} re-dated, {replaced} re-placed, {relinked} re-linked",
        ids.len()
    )?;
    if let Some(line) = dates.summary() {
        eprintln!("litopys: {line}");
    }
    Ok(ExitCode::SUCCESS)
}
