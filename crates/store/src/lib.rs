//! The incident database: documents, incidents linked into events, and analysts' decisions.
//!
//! # Brief overview
//!
//! ```text
//! Document ──put_document──▶ documents (exact and near-duplicates recognised)
//!    └─extract─▶ Incident ──put_extraction──▶ incidents ──link──▶ events ◀──review── analyst
//!                                                                   └──▶ review_history
//! ```
//!
//! * [`Store`] is one database, SQLite (a file, the default) or PostgreSQL (for teams), with
//!   the same behaviour on both: the same test suite runs against each.
//! * [`Store::put_document`] keeps every document once: an exact copy (same words) is a
//!   [`PutStatus::Duplicate`], a syndicated copy is stored but marked
//!   [`PutStatus::NearDuplicate`].
//! * [`Store::put_extraction`] stores a document's incidents and links each to an [`Event`]:
//!   reports of the same incident from many sources become one event (see the `link` module's
//!   rules), whose figures are the most conservative any source gives.
//! * [`Store::put_batch`] does both for many documents ([`Report`]s, fingerprinted and
//!   extracted on the caller's threads) in one transaction, with the same results: the way
//!   to ingest a corpus.
//! * [`Store::review`] records an analyst's [`Action`] with who and when in an append-only
//!   history; re-extraction never overwrites a reviewed value.
//! * [`Store::events`] lists events by [`Filter`]; [`Store::search`] is full-text search over
//!   documents and event notes.
//! * [`Store::documents`] lists stored documents (those without a date among them),
//!   [`Store::set_published`] dates one by hand, and [`Store::put_extraction`] stores its
//!   new extraction: re-extraction keeps every analyst decision. Events whose date could not
//!   be resolved are [`Status::NeedsDate`] ([`Store::mark_needs_date`]) until then.
//!
//! ```
//! use litopys_model::Document;
//! use litopys_store::{PutStatus, Store};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(&dir.path().join("litopys.db").display().to_string()).unwrap();
//! let doc = Document::new("post.txt", "On 23 February about 200 people protested in Lutsk.");
//! assert_eq!(store.put_document(&doc).unwrap().status, PutStatus::Inserted);
//! assert_eq!(store.put_document(&doc).unwrap().status, PutStatus::Duplicate);
//! ```
//!
//! # Design
//!
//! * One struct over two backends rather than a trait with two implementations: every query
//!   is written once (PostgreSQL's `$1` placeholders, rewritten for SQLite), so the backends
//!   cannot drift apart. Only full-text search and the migrations differ.
//! * Migrations are SQL files under `migrations/{sqlite,postgres}/`, applied in order on open
//!   and recorded in `schema_migrations`. An applied migration is never edited.
//! * Each call is one transaction, so an interrupted ingest leaves whole documents: a document
//!   stored but not yet extracted is found again by [`Store::needs_extraction`]. A batch is
//!   one transaction too: a crash loses the batch being written, never part of it, and the
//!   content hash (unique) keeps a document from being stored twice when the ingest runs
//!   again.
//! * An event that a new report joins is updated by merging the report into its stored
//!   consensus, not recomputed from every report (see the `write` module); what an analyst
//!   set (`frozen`, `edits`, the history) is never written by linking.
//! * The store keeps events, not people: there is no table or field for a person.
//!
//! # Many writers
//!
//! Several `litopys ingest` processes, on one machine or many, may write into one PostgreSQL
//! database at once, and they link the reports of one incident into one event exactly as a
//! single process would. Every write transaction takes one database-wide lock first: on
//! PostgreSQL the transaction-scoped advisory lock `pg_advisory_xact_lock` (key `WRITE_LOCK`
//! in the `db` module), on SQLite `BEGIN IMMEDIATE`'s write lock. Writers take turns a batch at
//! a time, each reading, under the lock, everything the ones before it committed, so the
//! database goes through the same states as one process storing the same batches in that
//! order. Hashing and extraction, nearly all of an ingest's time, run outside the lock in
//! each process; only the batch's writes (a few milliseconds a document) are serialised.
//!
//! Why not serialisable transactions: linking reads the events near an incident (a range of
//! dates, a box of coordinates) and then writes one, the read-then-write that SERIALIZABLE
//! catches only by aborting one of two overlapping transactions. A batch of 500 documents
//! touches most of a month's events, so concurrent batches would nearly always overlap and
//! be retried whole, repeating their writes; under the lock nothing is retried, nothing
//! deadlocks (one lock, taken first), and the lock ends with the transaction, also when a
//! process dies. The cost is that writes do not run in parallel, which the database's one
//! disk would limit anyway. `crates/cli/tests/concurrent_ingest.rs` checks two concurrent
//! ingests against one; with plain `BEGIN` instead of the lock it fails (on 2,074 generated
//! reports: 4,913 events instead of 4,905, reports of one incident left in two events).
#![deny(missing_docs)]

mod batch;
mod db;
mod dedup;
mod documents;
mod error;
mod link;
mod near;
mod review;
mod row;
mod store;
mod write;

pub use batch::Report;
pub use documents::DocumentInfo;
pub use error::{Error, ErrorKind};
pub use review::{Action, HistoryEntry, EDITABLE_FIELDS};
pub use store::Store;

use litopys_model::{Evidence, Incident};
use serde::{Deserialize, Serialize};

/// What [`Store::put_document`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Put {
    /// The stored document's id (the earlier copy's, for a duplicate).
    pub doc_id: i64,
    /// Whether it was new.
    pub status: PutStatus,
}

/// Whether a document was new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PutStatus {
    /// Stored for the first time.
    Inserted,
    /// The same words are already stored; nothing was written.
    Duplicate,
    /// Stored, but most of its text is in an earlier document (a syndicated copy).
    NearDuplicate {
        /// The earlier document.
        of: i64,
    },
}

/// What [`Store::put_extraction`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Linked {
    /// Incidents stored for the document.
    pub n_incidents: usize,
    /// Of those, the ones that started an event of their own.
    pub n_new_events: usize,
}

/// An analyst's verdict on an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// As extracted; nobody has looked.
    New,
    /// Confirmed: every field is frozen as it was when confirmed.
    Confirmed,
    /// Some fields were edited by hand.
    Edited,
    /// Not an event (or not one to publish). Hidden unless asked for.
    Rejected,
    /// Its date could not be resolved (its report carries no publication date): kept, but
    /// left out of listings, exports and reports until a date is set
    /// ([`Store::set_published`]) and the report extracted again.
    #[serde(rename = "needs-date")]
    NeedsDate,
}

impl Status {
    /// The name stored and shown: `new`, `confirmed`, `edited`, `rejected`, `needs-date`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Confirmed => "confirmed",
            Status::Edited => "edited",
            Status::Rejected => "rejected",
            Status::NeedsDate => "needs-date",
        }
    }

    /// The status named `s`, if any.
    pub fn parse(s: &str) -> Option<Status> {
        [Status::New, Status::Confirmed, Status::Edited, Status::Rejected, Status::NeedsDate].into_iter().find(|st| st.as_str() == s)
    }
}

/// One event: the consensus of the incidents that report it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: the `event_id_cnty` of its first incident.
    pub id: String,
    /// Review status.
    pub status: Status,
    /// The event's values with ACLED's columns (`evidence` left empty: see [`Event::evidence`]).
    pub incident: Incident,
    /// Fields an analyst set by hand; re-extraction leaves them alone. A confirmed event
    /// keeps all its fields as confirmed.
    pub reviewed_fields: Vec<String>,
    /// Every report of the event, with the figures each one gives.
    pub sources: Vec<Source>,
    /// The union of the reports' evidence, each span with the document it is in.
    pub evidence: Vec<SourcedEvidence>,
}

/// One report of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The stored document.
    pub doc_id: i64,
    /// The document's own id (path, URL, `telegram:CHAT/MESSAGE`).
    pub document: String,
    /// Where to read it, when known.
    pub url: Option<String>,
    /// The incident's `event_id_cnty` in that document.
    pub incident: String,
    /// The date this report gives.
    pub event_date: jiff::civil::Date,
    /// Deaths this report gives.
    pub fatalities: u32,
    /// Injuries this report gives.
    pub injuries: Option<u32>,
    /// Crowd size this report gives.
    pub participants: Option<u32>,
    /// Arrests this report gives.
    pub arrests: Option<u32>,
}

/// A piece of evidence and the document it is in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcedEvidence {
    /// The stored document.
    pub doc_id: i64,
    /// The document's own id.
    pub document: String,
    /// The field, span and text.
    #[serde(flatten)]
    pub evidence: Evidence,
}

/// Which events [`Store::events`] lists. `Filter::default()` lists all but rejected ones.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// First day, inclusive.
    pub from: Option<jiff::civil::Date>,
    /// Last day, inclusive.
    pub to: Option<jiff::civil::Date>,
    /// Oblast, as in `admin1` (case is ignored).
    pub admin1: Option<String>,
    /// ACLED event type, spelled as ACLED does ("Protests").
    pub event_type: Option<String>,
    /// A tag the event carries.
    pub tag: Option<String>,
    /// Words that the event's notes or one of its documents contain.
    pub text: Option<String>,
    /// Only events with this status; `None` is every status but `rejected` and `needs-date`.
    pub status: Option<Status>,
}

/// Counts of what a store holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents stored (near-duplicates included).
    pub n_documents: u64,
    /// Incidents stored.
    pub n_incidents: u64,
    /// Events, rejected ones included.
    pub n_events: u64,
}

/// A full-text search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// A document (its own id) or an event (its id).
    pub kind: HitKind,
    /// The document's or event's id.
    pub id: String,
    /// The matching text around the words.
    pub snippet: String,
}

/// What a [`Hit`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    /// A stored document.
    Document,
    /// An event, matched by its notes.
    Event,
}

#[cfg(test)]
mod tests {
    use litopys_model::{Incident, SubEventType, TimePrecision};

    /// A minimal incident for unit tests.
    pub(crate) fn incident(key: &str, date: &str, place: &str, sub: SubEventType, participants: Option<u32>) -> Incident {
        Incident {
            event_id_cnty: key.to_string(),
            event_date: date.parse().unwrap_or_default(),
            time_precision: TimePrecision::Day,
            event_type: sub.event_type(),
            sub_event_type: sub,
            actor1: String::new(),
            assoc_actor_1: String::new(),
            actor2: String::new(),
            assoc_actor_2: String::new(),
            country: "Ukraine".into(),
            admin1: String::new(),
            admin2: String::new(),
            admin3: String::new(),
            location: place.to_string(),
            latitude: None,
            longitude: None,
            geo_precision: None,
            fatalities: 0,
            notes: String::new(),
            source: String::new(),
            injuries: None,
            participants,
            arrests: None,
            weapons: vec![],
            tags: vec![],
            legal: Default::default(), amounts: Vec::new(), damage: Vec::new(), injury_details: Vec::new(),
            evidence: vec![],
        }
    }
}
