//! An in-memory list of every event's values, so that filtering, map points and aggregates
//! over 100,000 events take milliseconds rather than a full read of the store each time.
//!
//! # Design
//!
//! A review by the server updates the snapshot in place (the event re-read, a merged one
//! dropped), so going through a queue of 100,000 events costs no rebuilds. The snapshot
//! keeps, per event, its values (the store already leaves the incident's
//! evidence out), status, number of reports and the documents that report it — not the
//! sources and evidence, which only the event page needs and reads from the store. It is
//! rebuilt when the server's own review changes an event, when the store's counts change
//! (an `ingest` running beside the server), and at the latest [`MAX_AGE`] after it was
//! built (a `litopys review` from the command line changes no count).

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use litopys_model::Incident;
use litopys_store::{Action, Counts, Event, Filter, Status, Store};

use crate::ApiError;

/// How long a snapshot is trusted when nothing says it is stale.
pub(crate) const MAX_AGE: Duration = Duration::from_secs(300);

/// One event, as listings need it.
#[derive(Clone)]
pub(crate) struct Row {
    pub(crate) id: String,
    pub(crate) status: Status,
    pub(crate) incident: Incident,
    pub(crate) n_sources: usize,
    /// The documents (their own ids) that report the event, for full-text filtering.
    documents: Vec<String>,
}

/// Every event, by date then id.
#[derive(Clone)]
pub(crate) struct Snapshot {
    pub(crate) rows: Vec<Row>,
    counts: Counts,
    built: Instant,
}

/// Where the current snapshot is kept.
pub(crate) type Slot = Arc<Mutex<Option<Arc<Snapshot>>>>;

fn row(e: Event) -> Row {
    let documents = e.sources.iter().map(|s| s.document.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    Row { id: e.id, status: e.status, n_sources: e.sources.len(), incident: e.incident, documents }
}

/// The current snapshot, rebuilt first if it is stale.
pub(crate) fn current(store: &mut Store, slot: &Slot) -> Result<Arc<Snapshot>, ApiError> {
    let counts = store.counts()?;
    let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(s) = guard.as_ref() {
        if s.counts == counts && s.built.elapsed() < MAX_AGE {
            return Ok(s.clone());
        }
    }
    let mut rows: Vec<Row> = store.events(&Filter::default())?.into_iter().map(row).collect();
    rows.extend(store.events(&Filter { status: Some(Status::Rejected), ..Filter::default() })?.into_iter().map(row));
    rows.sort_by(|a, b| (a.incident.event_date, &a.id).cmp(&(b.incident.event_date, &b.id)));
    let snapshot = Arc::new(Snapshot { rows, counts, built: Instant::now() });
    *guard = Some(snapshot.clone());
    Ok(snapshot)
}

/// Brings the snapshot up to date after `action` on event `id`; a split (which makes an
/// event whose id only the store knows) or any failure forgets it instead.
pub(crate) fn reviewed(store: &mut Store, slot: &Slot, id: &str, action: &Action) {
    let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
    let Some(arc) = guard.as_mut() else { return };
    if matches!(action, Action::Split { .. }) {
        *guard = None;
        return;
    }
    // in place unless a request is reading the snapshot right now
    let snap = Arc::make_mut(arc);
    let mut gone = vec![id.to_string()];
    if let Action::Merge { other } = action {
        gone.push(other.clone());
    }
    snap.rows.retain(|r| !gone.contains(&r.id));
    let refreshed = match store.event(id) {
        Ok(e) => Some(row(e)),
        Err(e) if e.is_not_found() => None,
        Err(_) => {
            *guard = None;
            return;
        }
    };
    if let Some(r) = refreshed {
        let key = (r.incident.event_date, r.id.clone());
        let at = snap.rows.partition_point(|x| (x.incident.event_date, &x.id) < (key.0, &key.1));
        snap.rows.insert(at, r);
    }
    match store.counts() {
        Ok(c) => snap.counts = c,
        Err(_) => *guard = None,
    }
}

impl Row {
    /// True if any of the event's documents is in `keys`.
    pub(crate) fn reported_in(&self, keys: &BTreeSet<String>) -> bool {
        self.documents.iter().any(|d| keys.contains(d))
    }
}
