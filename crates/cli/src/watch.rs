//! `litopys watch`: poll feeds on a schedule and store what is new.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use litopys_extract::Extractor;
use litopys_store::{PutStatus, Store};
use litopys_watch::{FeedList, Outcome, Poller, State};

#[derive(clap::Args)]
pub struct Args {
    /// The feed list (TOML): `[[feed]] url = "..."` entries, optional `interval` and `host_delay`.
    #[arg(value_name = "FEEDS.toml")]
    feeds: PathBuf,
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// Where validators (ETag, Last-Modified) and poll times are kept between runs
    /// (default: the feed list's name with `.state.json`).
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Poll every feed once and exit (for cron and tests).
    #[arg(long)]
    once: bool,
    /// A codebook TOML to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.feeds).with_context(|| format!("cannot read {}", args.feeds.display()))?;
    let list = FeedList::from_toml(&text).with_context(|| args.feeds.display().to_string())?;
    let state_path = args.state.clone().unwrap_or_else(|| args.feeds.with_extension("state.json"));
    let mut state: State = match std::fs::read_to_string(&state_path) {
        Ok(t) => serde_json::from_str(&t).with_context(|| format!("{} is not a watch state file", state_path.display()))?,
        Err(_) => State::default(),
    };
    let mut store = Store::open(&args.db).with_context(|| format!("cannot open database {}", args.db))?;
    let extractor = crate::load_extractor(args.codebook.as_ref())?;
    let mut poller = Poller::default();
    let mut n_failed = 0;
    loop {
        let now = jiff::Timestamp::now().as_second();
        for (feed, outcome) in poller.poll_due(&list, &mut state, now) {
            match outcome {
                Outcome::NotModified => tracing::info!("{}: not modified", feed.label()),
                Outcome::Failed(e) => {
                    eprintln!("litopys: {e}");
                    n_failed += 1;
                }
                Outcome::Changed(body) => n_failed += store_items(&mut store, &extractor, feed.label(), &feed.url, &body)?,
            }
        }
        let json = serde_json::to_string_pretty(&state)?;
        std::fs::write(&state_path, json).with_context(|| format!("cannot save {}", state_path.display()))?;
        if args.once {
            break;
        }
        let wait = Poller::next_due(&list, &state, jiff::Timestamp::now().as_second()).max(1);
        std::thread::sleep(std::time::Duration::from_secs(wait));
    }
    Ok(if n_failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Stores a feed's items, one log line per new item; returns the number of bad items.
fn store_items(store: &mut Store, extractor: &Extractor, label: &str, url: &str, body: &[u8]) -> anyhow::Result<usize> {
    let batch = match litopys_ingest::read_bytes(url, body) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("litopys: {label}: {e}");
            return Ok(1);
        }
    };
    for w in &batch.warnings {
        eprintln!("litopys: {label}: {w}");
    }
    for doc in &batch.documents {
        let (status, linked) = crate::ingest::store_document(store, extractor, doc)?;
        if status != PutStatus::Duplicate {
            let title = doc.title.as_deref().unwrap_or("(untitled)");
            let link = doc.source.as_deref().unwrap_or(&doc.id);
            println!("new: {label}: {title} <{link}> ({} incidents)", linked.n_incidents);
        }
    }
    Ok(batch.warnings.len())
}
