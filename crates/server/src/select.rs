//! Which events pass a listing's filters, as row numbers of the snapshot's columns.
//!
//! # Design
//!
//! The date range is a binary search (rows are by date); every other filter on a name is
//! turned into a mask over its dictionary first (names are compared ignoring case, as the
//! store does), so the loop over the rows tests small integers only. Full text is the
//! store's: its index gives event ids and document keys, and a row matches when its id or
//! one of its documents is among them.

use std::collections::HashSet;

use litopys_model::SubEventType;
use litopys_store::{HitKind, Status, Store};

use crate::columns::{Columns, EVENT_TYPES, SEP, STATUSES};
use crate::events::Query2;
use crate::snapshot::Snapshot;
use crate::ApiError;

fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// The filters of a query as masks over the columns' numbers.
struct Masks {
    status: [bool; 5],
    event_type: Option<[bool; 6]>,
    sub_type: Option<Vec<bool>>,
    admin1: Option<Vec<bool>>,
    admin2: Option<Vec<bool>>,
    actors: Option<Vec<bool>>,
    tags: Option<Vec<bool>>,
    bbox: Option<[f64; 4]>,
    /// Event ids and a mask over document keys, from the full-text index.
    text: Option<(HashSet<String>, Vec<bool>)>,
}

fn masks(cols: &Columns, q: &Query2, text: Option<(HashSet<String>, Vec<bool>)>) -> Masks {
    let f = &q.store;
    let status = STATUSES.map(|s| match f.status {
        Some(wanted) => s == wanted,
        // needs-date events wait for a date: only asked for by name
        None => s != Status::NeedsDate && (q.all_statuses || s != Status::Rejected),
    });
    let event_type = f.event_type.as_deref().map(|t| EVENT_TYPES.map(|x| same(x.as_str(), t)));
    let sub_type = q.sub_type.as_deref().map(|t| SubEventType::ALL.iter().map(|s| same(s.as_str(), t)).collect());
    let mask = |wanted: &Option<String>, dict: &crate::columns::Dict| wanted.as_deref().map(|w| dict.mask(|name| same(name, w)));
    Masks {
        status,
        event_type,
        sub_type,
        // a place typed in another script or spelling means the place the gazetteer finds
        admin1: mask(&f.admin1.as_deref().map(|w| crate::names::resolve_oblast(w, &cols.admin1_names)), &cols.admin1_names),
        admin2: mask(&q.raion.as_deref().map(|w| crate::names::resolve_raion(w, &cols.admin2_names)), &cols.admin2_names),
        actors: q.actor.as_deref().map(|a| cols.actor_names.mask(|all| all.to_lowercase().split(SEP).any(|x| x.contains(a)))),
        tags: f.tag.as_deref().map(|t| cols.tag_names.mask(|all| all.split(SEP).any(|x| same(x, t)))),
        bbox: q.bbox,
        text,
    }
}

fn passes(m: &Option<Vec<bool>>, id: u32) -> bool {
    m.as_ref().map_or(true, |m| m.get(id as usize).copied().unwrap_or(false))
}

impl Masks {
    fn row(&self, cols: &Columns, i: usize) -> bool {
        self.status.get(cols.status[i] as usize).copied().unwrap_or(false)
            && self.event_type.map_or(true, |m| m[cols.event_type[i] as usize % 6])
            && passes(&self.sub_type, u32::from(cols.sub_type[i]))
            && passes(&self.admin1, cols.admin1[i])
            && passes(&self.admin2, cols.admin2[i])
            && passes(&self.actors, cols.actors[i])
            && passes(&self.tags, cols.tags[i])
            && self.bbox.map_or(true, |[w, s, e, n]| cols.point(i).is_some_and(|(lat, lon)| lon >= w && lon <= e && lat >= s && lat <= n))
            && self.text.as_ref().map_or(true, |(ids, docs)| ids.contains(&*cols.ids[i]) || cols.docs[i].iter().any(|d| docs[*d as usize]))
    }
}

/// Event ids whose notes match `text`, and a mask of the documents that match it.
fn full_text(store: &mut Store, cols: &Columns, text: &str) -> Result<(HashSet<String>, Vec<bool>), ApiError> {
    let mut ids = HashSet::new();
    let mut docs = vec![false; cols.documents.len()];
    for hit in store.search(text, 1_000_000)? {
        match hit.kind {
            HitKind::Event => {
                ids.insert(hit.id);
            }
            HitKind::Document => {
                if let Some(d) = cols.documents.get(&hit.id) {
                    docs[d as usize] = true;
                }
            }
        }
    }
    Ok((ids, docs))
}

/// Calls `found` with each row that passes every filter of `q`, in order (by date, then id).
fn each_match(store: &mut Store, snap: &Snapshot, q: &Query2, mut found: impl FnMut(u32)) -> Result<(), ApiError> {
    let cols = &snap.cols;
    let text = match &q.store.text {
        Some(t) => Some(full_text(store, cols, t)?),
        None => None,
    };
    let m = masks(cols, q, text);
    for i in cols.date_range(q.store.from, q.store.to).filter(|&i| m.row(cols, i)) {
        found(i as u32);
    }
    Ok(())
}

/// The rows that pass every filter of `q`, in order (by date, then id).
pub(crate) fn matching(store: &mut Store, snap: &Snapshot, q: &Query2) -> Result<Vec<u32>, ApiError> {
    let mut rows = Vec::new();
    each_match(store, snap, q, |i| rows.push(i))?;
    Ok(rows)
}

/// How many rows pass the filters of `q`, and those of its page (`offset`, `limit`): counted,
/// not collected, so that the first page of a million events allocates a page, not a million.
pub(crate) fn page(store: &mut Store, snap: &Snapshot, q: &Query2) -> Result<(usize, Vec<u32>), ApiError> {
    let (mut total, mut rows) = (0, Vec::with_capacity(q.limit));
    each_match(store, snap, q, |i| {
        if (q.offset..q.offset.saturating_add(q.limit)).contains(&total) {
            rows.push(i);
        }
        total += 1;
    })?;
    Ok((total, rows))
}
