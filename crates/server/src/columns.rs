//! The filterable values of every event as parallel columns of small integers, so that a
//! filter or an aggregate over a million events is a tight loop over a few megabytes.
//!
//! # Design
//!
//! * Row `i` of every column is one event; rows are ordered by date then id, so a date range
//!   is a binary search and periods (day, week, month) change only between runs of rows.
//! * Strings that repeat (oblast, raion, place, the four actors together, the set of tags,
//!   document keys) are interned in a [`Dict`]; a row holds the number. A filter on a name
//!   first marks the dictionary entries that match (a few thousand at most), then tests one
//!   number per row.
//! * Only what filters, aggregates, map points and charts read is kept. Notes, sources and
//!   evidence stay in the store; a page of events reads its hundred events from there.
//!   The trade-off: an event page costs a hundred primary-key reads, in exchange for a
//!   snapshot a tenth of the size of the full events (about 150 MB for a million).
//! * A review changes one event: its row is replaced in place, or removed and inserted at
//!   its new place (a memmove of each column, a few milliseconds at a million rows).

use std::collections::HashMap;

use litopys_model::{EventType, SubEventType};
use litopys_store::{Event, Status};

/// Interned strings: each distinct string once, numbered in order of first sight.
#[derive(Clone, Default)]
pub(crate) struct Dict {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32>,
}

impl Dict {
    /// The number of `s`, adding it if new.
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(s.into());
        self.ids.insert(s.into(), id);
        id
    }

    /// The string numbered `id`.
    pub(crate) fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", |s| s)
    }

    /// How many strings there are.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The number of `s`, if interned.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    /// For each number, whether its string passes `keep`.
    pub(crate) fn mask(&self, keep: impl Fn(&str) -> bool) -> Vec<bool> {
        self.names.iter().map(|s| keep(s)).collect()
    }
}

/// The statuses in the order of their numbers in [`Columns::status`].
pub(crate) const STATUSES: [Status; 5] = [Status::New, Status::Confirmed, Status::Edited, Status::Rejected, Status::NeedsDate];

/// The event types in the order of their numbers in [`Columns::event_type`].
pub(crate) const EVENT_TYPES: [EventType; 6] = [
    EventType::Battles,
    EventType::ExplosionsRemoteViolence,
    EventType::ViolenceAgainstCivilians,
    EventType::Protests,
    EventType::Riots,
    EventType::StrategicDevelopments,
];

/// Separates the parts of an interned actor or tag set (no name contains it).
pub(crate) const SEP: char = '\u{1f}';

fn status_number(s: Status) -> u8 {
    STATUSES.iter().position(|x| *x == s).unwrap_or(0) as u8
}

fn event_type_number(t: EventType) -> u8 {
    EVENT_TYPES.iter().position(|x| *x == t).unwrap_or(0) as u8
}

fn sub_type_number(s: SubEventType) -> u8 {
    SubEventType::ALL.iter().position(|x| *x == s).unwrap_or(0) as u8
}

/// One event's values before they go into columns.
struct Values<'a> {
    id: &'a str,
    date: jiff::civil::Date,
    status: u8,
    event_type: u8,
    sub_type: u8,
    admin1: u32,
    admin2: u32,
    location: u32,
    actors: u32,
    tags: u32,
    lat: f64,
    lon: f64,
    fatalities: u32,
    docs: Box<[u32]>,
}

/// Calls macro `m` with its arguments and the names of every column but `ids`.
macro_rules! with_columns {
    ($m:ident!($($args:tt)*)) => {
        $m!($($args)* ; date status event_type sub_type admin1 admin2 location actors tags lat lon fatalities docs)
    };
}

macro_rules! insert_each {
    ($cols:ident, $at:ident, $v:ident ; $($name:ident)*) => { $( $cols.$name.insert($at, $v.$name); )* };
}

macro_rules! remove_each {
    ($cols:ident, $at:ident ; $($name:ident)*) => { $( $cols.$name.remove($at); )* };
}

/// Every event's filterable values, one column each; see the module docs.
#[derive(Clone, Default)]
pub(crate) struct Columns {
    pub(crate) ids: Vec<Box<str>>,
    pub(crate) date: Vec<jiff::civil::Date>,
    /// Index into [`STATUSES`].
    pub(crate) status: Vec<u8>,
    /// Index into [`EVENT_TYPES`] (stored apart from the sub-event type: either can be edited).
    pub(crate) event_type: Vec<u8>,
    /// Index into `SubEventType::ALL`.
    pub(crate) sub_type: Vec<u8>,
    pub(crate) admin1: Vec<u32>,
    pub(crate) admin2: Vec<u32>,
    pub(crate) location: Vec<u32>,
    /// actor1, assoc_actor_1, actor2, assoc_actor_2 as written, joined by [`SEP`] (filters
    /// compare them in lower case).
    pub(crate) actors: Vec<u32>,
    /// The tags joined by [`SEP`].
    pub(crate) tags: Vec<u32>,
    /// NaN when the event has no coordinates.
    pub(crate) lat: Vec<f64>,
    pub(crate) lon: Vec<f64>,
    pub(crate) fatalities: Vec<u32>,
    /// The documents (their own ids, interned in `documents`) that report the event.
    pub(crate) docs: Vec<Box<[u32]>>,
    pub(crate) admin1_names: Dict,
    pub(crate) admin2_names: Dict,
    pub(crate) location_names: Dict,
    pub(crate) actor_names: Dict,
    pub(crate) tag_names: Dict,
    pub(crate) documents: Dict,
}

impl Columns {
    /// The number of events.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The event type of row `i`.
    pub(crate) fn event_type_of(&self, i: usize) -> EventType {
        EVENT_TYPES.get(self.event_type[i] as usize).copied().unwrap_or(EventType::StrategicDevelopments)
    }

    /// The status of row `i`.
    pub(crate) fn status_of(&self, i: usize) -> Status {
        STATUSES.get(self.status[i] as usize).copied().unwrap_or(Status::New)
    }

    /// Coordinates of row `i`, if it has them.
    pub(crate) fn point(&self, i: usize) -> Option<(f64, f64)> {
        let (lat, lon) = (self.lat[i], self.lon[i]);
        (!lat.is_nan() && !lon.is_nan()).then_some((lat, lon))
    }

    fn values<'a>(&mut self, e: &'a Event) -> Values<'a> {
        let i = &e.incident;
        let actors = [&i.actor1, &i.assoc_actor_1, &i.actor2, &i.assoc_actor_2].map(|a| a.as_str()).join(&SEP.to_string());
        let mut docs: Vec<u32> = e.sources.iter().map(|s| self.documents.intern(&s.document)).collect();
        docs.sort_unstable();
        docs.dedup();
        Values {
            id: &e.id,
            date: i.event_date,
            status: status_number(e.status),
            event_type: event_type_number(i.event_type),
            sub_type: sub_type_number(i.sub_event_type),
            admin1: self.admin1_names.intern(&i.admin1),
            admin2: self.admin2_names.intern(&i.admin2),
            location: self.location_names.intern(&i.location),
            actors: self.actor_names.intern(&actors),
            tags: self.tag_names.intern(&i.tags.join(&SEP.to_string())),
            lat: i.latitude.filter(|_| i.longitude.is_some()).unwrap_or(f64::NAN),
            lon: i.longitude.filter(|_| i.latitude.is_some()).unwrap_or(f64::NAN),
            fatalities: i.fatalities,
            docs: docs.into(),
        }
    }

    /// Adds `e` as the last row (the caller keeps the order).
    pub(crate) fn push(&mut self, e: &Event) {
        let at = self.len();
        self.insert(at, e);
    }

    /// Inserts `e` at row `at`.
    fn insert(&mut self, at: usize, e: &Event) {
        let v = self.values(e);
        self.ids.insert(at, v.id.into());
        with_columns!(insert_each!(self, at, v));
    }

    /// Removes row `at`.
    fn remove(&mut self, at: usize) {
        self.ids.remove(at);
        with_columns!(remove_each!(self, at));
    }

    /// The row of event `id`, if any.
    pub(crate) fn find(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|x| &**x == id)
    }

    /// Where an event dated `date` with this id goes (or is).
    fn place_of(&self, date: jiff::civil::Date, id: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if (self.date[mid], &*self.ids[mid]) < (date, id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Drops event `id`, if present.
    pub(crate) fn drop_event(&mut self, id: &str) {
        if let Some(at) = self.find(id) {
            self.remove(at);
        }
    }

    /// Puts `e` in, replacing the row with its id.
    pub(crate) fn upsert(&mut self, e: &Event) {
        self.drop_event(&e.id);
        let at = self.place_of(e.incident.event_date, &e.id);
        self.insert(at, e);
    }

    /// The rows dated from `from` to `to` (inclusive; `None`: unbounded).
    pub(crate) fn date_range(&self, from: Option<jiff::civil::Date>, to: Option<jiff::civil::Date>) -> std::ops::Range<usize> {
        let lo = from.map_or(0, |d| self.date.partition_point(|x| *x < d));
        let hi = to.map_or(self.len(), |d| self.date.partition_point(|x| *x <= d));
        lo..hi.max(lo)
    }
}

/// A JSON string literal of `s`, written into `out`.
pub(crate) fn json_string(out: &mut String, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else {
        out.push_str(&serde_json::Value::from(s).to_string());
    }
}
