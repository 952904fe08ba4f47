//! `litopys review`: record an analyst's decision on an event, or show its history.

use std::process::ExitCode;

use anyhow::Context;
use litopys_store::Action;

#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("action").required(true).args(["confirm", "reject", "set", "merge", "split", "history"]))]
pub struct Args {
    /// The event's id (the first column of `litopys events`).
    #[arg(value_name = "EVENT")]
    event: String,
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// Who decides (stored in the history); defaults to $USER.
    #[arg(long, value_name = "NAME")]
    user: Option<String>,
    /// The event is right: freeze every field as it is.
    #[arg(long)]
    confirm: bool,
    /// Not an event to keep; hidden from `events` and `export` unless --status rejected.
    #[arg(long)]
    reject: bool,
    /// Set a field by hand: FIELD=VALUE, VALUE as JSON (3, null, ["court"]) or plain text.
    /// Fields: event_date, location, admin1, fatalities, injuries, participants, arrests,
    /// tags, notes, ... (an unknown one lists them all, with the value each takes).
    #[arg(long, value_name = "FIELD=VALUE")]
    set: Option<String>,
    /// Another event that reports the same incident: merge it into this one.
    #[arg(long, value_name = "OTHER")]
    merge: Option<String>,
    /// Incidents (their event_id_cnty, see `events --json`) that are another event.
    #[arg(long, value_name = "INCIDENT", num_args = 1..)]
    split: Vec<String>,
    /// Print the event's review history and change nothing.
    #[arg(long)]
    history: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = crate::args::open_existing(&args.db)?;
    if args.history {
        for h in store.history(&args.event)? {
            println!("{}\t{}\t{}", h.at, h.actor, serde_json::to_string(&h.action)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let action = if args.confirm {
        Action::Confirm
    } else if args.reject {
        Action::Reject
    } else if let Some(set) = &args.set {
        let (field, value) = set.split_once('=').context("--set wants FIELD=VALUE")?;
        let value = serde_json::from_str(value).unwrap_or_else(|_| serde_json::Value::String(value.to_string()));
        Action::Edit { field: field.trim().to_string(), value }
    } else if let Some(other) = &args.merge {
        Action::Merge { other: other.clone() }
    } else {
        Action::Split { incidents: args.split.clone() }
    };
    let user = args.user.or_else(|| std::env::var("USER").ok()).unwrap_or_else(|| "unknown".to_string());
    store.review(&args.event, &action, &user)?;
    let e = store.event(&args.event)?;
    println!("{} {} ({} sources)", e.id, e.status.as_str(), e.sources.len());
    Ok(ExitCode::SUCCESS)
}
