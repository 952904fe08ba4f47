//! `litopys events`: list events from the database.

use std::io::Write;
use std::process::ExitCode;

use litopys_store::{Filter, Status, Store};

/// Which events: shared by `events` and `export`.
#[derive(clap::Args)]
pub struct FilterArgs {
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    pub db: String,
    /// First day (2026-03-01, 2026-3-1 or 01.03.2026), inclusive.
    #[arg(long, value_name = "DATE", value_parser = crate::args::parse_date)]
    from: Option<jiff::civil::Date>,
    /// Last day (2026-03-31, 2026-3-31 or 31.03.2026), inclusive.
    #[arg(long, value_name = "DATE", value_parser = crate::args::parse_date)]
    to: Option<jiff::civil::Date>,
    /// Oblast, as ACLED's admin1 ("Volyn", "Kyiv City").
    #[arg(long, value_name = "OBLAST")]
    admin1: Option<String>,
    /// ACLED event type ("Protests", "Riots", ...).
    #[arg(long = "type", value_name = "TYPE")]
    event_type: Option<String>,
    /// A tag ("mobilization", "labour", "court", ...).
    #[arg(long, value_name = "TAG")]
    tag: Option<String>,
    /// Words the event's notes or one of its reports contain.
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// new, confirmed, edited, rejected or needs-date (default: all but rejected and needs-date).
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    status: Option<Status>,
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::parse(s).ok_or_else(|| format!("unknown status {s}: use new, confirmed, edited, rejected or needs-date"))
}

impl FilterArgs {
    pub fn filter(&self) -> Filter {
        Filter {
            from: self.from,
            to: self.to,
            admin1: self.admin1.clone(),
            event_type: self.event_type.clone(),
            tag: self.tag.clone(),
            text: self.text.clone(),
            status: self.status,
        }
    }

    pub fn open(&self) -> anyhow::Result<Store> {
        crate::args::open_existing(&self.db)
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// Print one JSON object per event (with sources and evidence) instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = args.filter.open()?;
    let events = store.events(&args.filter.filter())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for e in &events {
        if args.json {
            writeln!(out, "{}", serde_json::to_string(e)?)?;
            continue;
        }
        let i = &e.incident;
        let notes: String = i.notes.chars().take(60).collect();
        writeln!(
            out,
            "{:<14} {:<10} {:<10} {:<26} {:<18} {:<12} {} src  {}",
            e.id,
            if e.status == Status::NeedsDate { "(no date)".to_string() } else { i.event_date.to_string() },
            e.status.as_str(),
            i.sub_event_type.as_str(),
            i.location,
            i.admin1,
            e.sources.len(),
            notes
        )?;
    }
    out.flush()?;
    if !args.json {
        eprintln!("{} events", events.len());
    }
    Ok(ExitCode::SUCCESS)
}
