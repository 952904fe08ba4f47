//! An in-memory, columnar copy of every event's filterable values (see [`crate::columns`]),
//! so that filtering, map points and aggregates over a million events take milliseconds
//! rather than a full read of the store each time.
//!
//! # Design
//!
//! A review by the server updates the snapshot in place (the event re-read, a merged one
//! dropped), so going through a queue of 100,000 events costs no rebuilds. It is rebuilt when
//! the store's counts change (an `ingest` running beside the server), after a split (which
//! makes an event whose id only the store knows), and at the latest [`MAX_AGE`] after it was
//! built (a `litopys review` from the command line changes no count).
//!
//! A build reads the events a year at a time, so that only one year's full events (with
//! sources and evidence) are in memory at once beside the columns.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use litopys_store::{Action, Counts, Event, Filter, Status, Store};

use crate::columns::Columns;
use crate::ApiError;

/// How long a snapshot is trusted when nothing says it is stale.
pub(crate) const MAX_AGE: Duration = Duration::from_secs(300);

/// How often the store's counts are compared with the snapshot's: counting the rows of three
/// tables costs a few hundred milliseconds at a million events, too much for every request.
/// The server's own reviews update the snapshot at once; an ingest beside it shows within this.
pub(crate) const CHECK_EVERY: Duration = Duration::from_secs(2);

/// Every event's filterable values, by date then id.
#[derive(Clone)]
pub(crate) struct Snapshot {
    pub(crate) cols: Columns,
    /// The store's counts when last compared (at most [`CHECK_EVERY`] old).
    pub(crate) counts: Counts,
    built: Instant,
}

/// The current snapshot, if any, and when the store's counts were last compared with it.
#[derive(Default)]
pub(crate) struct Held {
    snap: Option<Arc<Snapshot>>,
    checked: Option<Instant>,
}

/// Where the current snapshot is kept.
pub(crate) type Slot = Arc<Mutex<Held>>;

/// The years read one at a time: everything before 1900, each year to 2100, everything after.
fn periods() -> impl Iterator<Item = (Option<jiff::civil::Date>, Option<jiff::civil::Date>)> {
    let first = std::iter::once((None, Some(jiff::civil::date(1899, 12, 31))));
    let years = (1900..=2100).map(|y| (Some(jiff::civil::date(y, 1, 1)), Some(jiff::civil::date(y, 12, 31))));
    let last = std::iter::once((Some(jiff::civil::date(2101, 1, 1)), None));
    first.chain(years).chain(last)
}

/// Every event of the store, rejected ones included, in columns.
fn build(store: &mut Store) -> Result<Columns, ApiError> {
    let mut cols = Columns::default();
    for (from, to) in periods() {
        let mut events: Vec<Event> = store.events(&Filter { from, to, ..Filter::default() })?;
        events.extend(store.events(&Filter { from, to, status: Some(Status::Rejected), ..Filter::default() })?);
        events.sort_by(|a, b| (a.incident.event_date, &a.id).cmp(&(b.incident.event_date, &b.id)));
        for e in &events {
            cols.push(e);
        }
    }
    Ok(cols)
}

/// The current snapshot, rebuilt first if it is stale.
pub(crate) fn current(store: &mut Store, slot: &Slot) -> Result<Arc<Snapshot>, ApiError> {
    let mut held = slot.lock().unwrap_or_else(|p| p.into_inner());
    let recent = held.checked.is_some_and(|c| c.elapsed() < CHECK_EVERY);
    if let Some(s) = held.snap.clone().filter(|s| s.built.elapsed() < MAX_AGE) {
        if recent {
            return Ok(s);
        }
        let counts = store.counts()?;
        held.checked = Some(Instant::now());
        if s.counts == counts {
            return Ok(s);
        }
    }
    // the old columns go before the new ones are built, to keep the peak memory down
    held.snap = None;
    let counts = store.counts()?;
    let snapshot = Arc::new(Snapshot { cols: build(store)?, counts, built: Instant::now() });
    held.snap = Some(snapshot.clone());
    held.checked = Some(Instant::now());
    Ok(snapshot)
}

/// Brings the snapshot up to date after `action` on event `id`; a split (which makes an
/// event whose id only the store knows) or any failure forgets it instead.
pub(crate) fn reviewed(store: &mut Store, slot: &Slot, id: &str, action: &Action) {
    let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
    let Some(arc) = guard.snap.as_mut() else { return };
    if matches!(action, Action::Split { .. }) {
        guard.snap = None;
        return;
    }
    // in place unless a request is reading the snapshot right now
    let snap = Arc::make_mut(arc);
    if let Action::Merge { other } = action {
        snap.cols.drop_event(other);
    }
    match store.event(id) {
        Ok(e) => snap.cols.upsert(&e),
        Err(e) if e.is_not_found() => snap.cols.drop_event(id),
        Err(_) => {
            guard.snap = None;
            return;
        }
    }
    // confirm, edit and reject change no count; a merge removes one event
    if matches!(action, Action::Merge { .. }) {
        snap.counts.n_events = snap.counts.n_events.saturating_sub(1);
    }
}
