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
//!
//! # Concurrency
//!
//! Readers share the snapshot through an `Arc`, taken under a lock held for a pointer copy;
//! they never wait for the store's writer or for each other. A review changes the snapshot
//! in place when no request holds it, and otherwise changes a copy and swaps it in (copy on
//! write: a few milliseconds per 100,000 events, paid by the review, never by a read). A
//! rebuild runs under the writer's lock, so that reviews do not interleave with it, while
//! the old snapshot keeps serving reads: the trade-off is two snapshots in memory during a
//! rebuild (about 300 MB at a million events). Only the first reader to find a count check
//! due does it; the rest use the snapshot they have.

use std::sync::{Arc, Mutex, MutexGuard};
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

/// Every event of the store, rejected and needs-date ones included, in columns.
fn build(store: &mut Store) -> Result<Columns, ApiError> {
    let mut cols = Columns::default();
    for (from, to) in periods() {
        let mut events: Vec<Event> = store.events(&Filter { from, to, ..Filter::default() })?;
        for status in [Status::Rejected, Status::NeedsDate] {
            events.extend(store.events(&Filter { from, to, status: Some(status), ..Filter::default() })?);
        }
        events.sort_by(|a, b| (a.incident.event_date, &a.id).cmp(&(b.incident.event_date, &b.id)));
        for e in &events {
            cols.push(e);
        }
    }
    Ok(cols)
}

fn lock(slot: &Slot) -> MutexGuard<'_, Held> {
    slot.lock().unwrap_or_else(|p| p.into_inner())
}

/// What a reader does with the snapshot it finds.
enum Look {
    /// Use it: it was compared with the store less than [`CHECK_EVERY`] ago.
    Use(Arc<Snapshot>),
    /// Compare the store's counts with it first.
    Check(Arc<Snapshot>),
    /// Build a new one (this one, if any, is too old).
    Build(Option<Arc<Snapshot>>),
}

/// Decides under the slot's lock (briefly) what to do; only the first reader to find a check
/// due does it, the others use the snapshot meanwhile.
fn look(slot: &Slot) -> Look {
    let mut held = lock(slot);
    let Some(s) = held.snap.clone() else { return Look::Build(None) };
    if held.checked.is_some_and(|c| c.elapsed() < CHECK_EVERY) {
        return Look::Use(s);
    }
    held.checked = Some(Instant::now());
    if s.built.elapsed() >= MAX_AGE {
        Look::Build(Some(s))
    } else {
        Look::Check(s)
    }
}

/// The current snapshot. `reader` compares counts; a rebuild reads through `writer`, under
/// its lock, so no review lands half-way through it.
pub(crate) fn current(reader: &mut Store, writer: &tokio::sync::Mutex<Store>, slot: &Slot) -> Result<Arc<Snapshot>, ApiError> {
    let stale = match look(slot) {
        Look::Use(s) => return Ok(s),
        Look::Check(s) if reader.counts()? == s.counts => return Ok(s),
        Look::Check(s) => Some(s),
        Look::Build(s) => s,
    };
    rebuild(writer, slot, stale.map(|s| s.built))
}

/// A new snapshot, unless another request built one while this one waited for the writer.
/// The old snapshot serves other readers until the new one is in place.
fn rebuild(writer: &tokio::sync::Mutex<Store>, slot: &Slot, stale: Option<Instant>) -> Result<Arc<Snapshot>, ApiError> {
    // called on a blocking thread (never on the async runtime's), so it may wait here
    let mut store = writer.blocking_lock();
    if let Some(s) = lock(slot).snap.clone().filter(|s| stale.map_or(true, |old| s.built > old)) {
        return Ok(s);
    }
    let counts = store.counts()?;
    let snapshot = Arc::new(Snapshot { cols: build(&mut store)?, counts, built: Instant::now() });
    let mut held = lock(slot);
    held.snap = Some(snapshot.clone());
    held.checked = Some(Instant::now());
    Ok(snapshot)
}

/// Drops the snapshot, so that the next read builds one (after a report was added or
/// extracted again by the server, which may change events without changing any count).
pub(crate) fn forget(slot: &Slot) {
    lock(slot).snap = None;
}

/// Brings the snapshot up to date after `action` on event `id`; a split (which makes an
/// event whose id only the store knows) or any failure forgets it instead. Called with the
/// writer's lock held, so reviews and rebuilds do not interleave.
pub(crate) fn reviewed(store: &mut Store, slot: &Slot, id: &str, action: &Action) {
    if matches!(action, Action::Split { .. }) {
        lock(slot).snap = None;
        return;
    }
    let event = match store.event(id) {
        Ok(e) => Some(e),
        Err(e) if e.is_not_found() => None,
        Err(_) => {
            lock(slot).snap = None;
            return;
        }
    };
    let apply = |snap: &mut Snapshot| apply_review(snap, id, action, event.as_ref());
    let mut held = lock(slot);
    let Some(arc) = held.snap.as_mut() else { return };
    if let Some(snap) = Arc::get_mut(arc) {
        apply(snap);
        return;
    }
    // requests are reading it: change a copy, made outside the lock, then swap it in
    let old = arc.clone();
    drop(held);
    let mut copy = Snapshot::clone(&old);
    apply(&mut copy);
    let mut held = lock(slot);
    if held.snap.as_ref().is_some_and(|s| Arc::ptr_eq(s, &old)) {
        held.snap = Some(Arc::new(copy));
    }
}

/// The columns after a review: `event` is the reviewed event as stored now, if it still is.
fn apply_review(snap: &mut Snapshot, id: &str, action: &Action, event: Option<&Event>) {
    if let Action::Merge { other } = action {
        snap.cols.drop_event(other);
        // confirm, edit and reject change no count; a merge removes one event
        snap.counts.n_events = snap.counts.n_events.saturating_sub(1);
    }
    match event {
        Some(e) => snap.cols.upsert(e),
        None => snap.cols.drop_event(id),
    }
}
