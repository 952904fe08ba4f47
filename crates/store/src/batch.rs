//! Ingest in batches: many documents, their extraction and linking in one transaction.
//!
//! # Design
//!
//! * [`Report`] is a document with its fingerprints (content hash, MinHash) and its
//!   extraction, made on the caller's threads: hashing and extraction run in parallel, the
//!   database is written by one thread ([`Store::put_batch`]).
//! * A batch is one transaction. A crash loses at most the batch being written, and since
//!   a document is known by its content hash, running the ingest again stores each missing
//!   document once. The price is that one failing document rolls back its whole batch;
//!   callers that want to know which one store that batch one document at a time.
//! * Reports are written in order, each seeing the ones before it, so a batch stores exactly
//!   what storing its documents one by one would: an exact or near copy of an earlier
//!   document of the same batch is recognised, and linking sees the batch's earlier events.
//! * A new document's incidents join events by merging (see the `write` module); SQLite
//!   writes each page once per batch instead of once per document.

use std::collections::{HashMap, HashSet};

use litopys_model::{Document, Incident, Statistic};

use crate::dedup::{self, Signature};
use crate::db::{Conn, Value};
use crate::error::Error;
use crate::near::Bands;
use crate::write;
use crate::{Linked, Put, PutStatus, Store};

/// A document ready to store: its fingerprints, and what extraction found in it.
pub struct Report {
    document: Document,
    hash: String,
    signature: Signature,
    extraction: Option<(Vec<Incident>, Vec<Statistic>)>,
}

impl Report {
    /// Fingerprints `document` (the costly part: call it on worker threads). `extraction` is
    /// `None` for a document known to be stored with its extraction already
    /// ([`Store::extracted`]); such a document, if it turns out to need one, is left for a
    /// later run to extract (see [`Store::needs_extraction`]).
    pub fn new(document: Document, extraction: Option<(Vec<Incident>, Vec<Statistic>)>) -> Report {
        let (hash, signature) = dedup::fingerprint(&document.text);
        Report { document, hash, signature, extraction }
    }

    /// The document.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// How many incidents its extraction holds (none when it has no extraction).
    pub fn n_incidents(&self) -> usize {
        self.extraction.as_ref().map_or(0, |(i, _)| i.len())
    }
}

impl Store {
    /// Whether each document is stored with its extraction already (same words), so that
    /// extracting it again would be wasted work.
    pub fn extracted(&mut self, documents: &[Document]) -> Result<Vec<bool>, Error> {
        let hashes: Vec<String> = documents.iter().map(|d| dedup::content_hash(&d.text)).collect();
        let params: Vec<Value> = hashes.iter().map(|h| h.as_str().into()).collect();
        let rows = self.conn.query_in("SELECT content_hash FROM documents WHERE extracted <> 0 AND content_hash IN ({})", &params)?;
        let done: HashSet<String> = rows.iter().map(|r| r[0].string()).collect();
        Ok(hashes.iter().map(|h| done.contains(h)).collect())
    }

    /// Stores every report, in order, in one transaction: what [`Store::put_document`] and
    /// [`Store::put_extraction`] would store for each in turn, with the same [`Put`] and
    /// [`Linked`]. An exact copy of a stored document gets its extraction stored only if
    /// it never had one (an interrupted run). On error nothing of the batch is stored.
    pub fn put_batch(&mut self, reports: &[Report]) -> Result<Vec<(Put, Linked)>, Error> {
        self.transaction(|c| {
            let mut seen = Seen::load(c, reports)?;
            let done = reports.iter().map(|r| put_report(c, r, &mut seen)).collect::<Result<Vec<_>, Error>>()?;
            seen.bands.flush(c)?;
            if let Some((first, last)) = seen.unindexed.documents {
                write::index_documents(c, first, last)?;
            }
            write::index_notes(c, &seen.unindexed.events)?;
            Ok(done)
        })
    }
}

/// What a batch stored but has not yet added to SQLite's full-text tables: the range of
/// new document ids (a batch holds the write lock, so every id in it is the batch's) and
/// the new events.
#[derive(Default)]
struct Unindexed {
    documents: Option<(i64, i64)>,
    events: Vec<String>,
}

/// What a batch's transaction knows of the documents so far, read once at its start and
/// kept up to date as it writes (it holds the write lock): the stored documents with the
/// batch's content hashes (id, and whether extracted), the near-duplicate candidates, and
/// what is left to index.
struct Seen {
    hashes: HashMap<String, (i64, bool)>,
    bands: Bands,
    /// the reports' event ids (`event_id_cnty`) that no event or incident has
    free: HashSet<String>,
    unindexed: Unindexed,
}

impl Seen {
    fn load(c: &mut Conn, reports: &[Report]) -> Result<Seen, Error> {
        let params: Vec<Value> = reports.iter().map(|r| r.hash.as_str().into()).collect();
        let rows = c.query_in("SELECT content_hash, id, extracted FROM documents WHERE content_hash IN ({})", &params)?;
        let hashes = rows.iter().map(|r| (r[0].string(), (r[1].int().unwrap_or_default(), r[2].int() != Some(0)))).collect();
        let bands = Bands::load(c, reports.iter().map(|r| &r.signature))?;
        Ok(Seen { hashes, bands, free: free_event_ids(c, reports)?, unindexed: Unindexed::default() })
    }
}

/// The event ids the reports' incidents ask for that are not taken (see `fresh_event_id`).
fn free_event_ids(c: &mut Conn, reports: &[Report]) -> Result<HashSet<String>, Error> {
    let wanted: HashSet<&str> =
        reports.iter().filter_map(|r| r.extraction.as_ref()).flat_map(|(incidents, _)| incidents.iter().map(|i| i.event_id_cnty.as_str())).collect();
    let params: Vec<Value> = wanted.iter().map(|&id| id.into()).collect();
    let mut taken: HashSet<String> = HashSet::new();
    for sql in ["SELECT id FROM events WHERE id IN ({})", "SELECT DISTINCT event_id FROM incidents WHERE event_id IN ({})"] {
        taken.extend(c.query_in(sql, &params)?.iter().map(|r| r[0].string()));
    }
    Ok(wanted.into_iter().filter(|id| !taken.contains(*id)).map(str::to_string).collect())
}

fn put_report(c: &mut Conn, r: &Report, seen: &mut Seen) -> Result<(Put, Linked), Error> {
    if let Some(&(doc_id, extracted)) = seen.hashes.get(&r.hash) {
        let put = Put { doc_id, status: PutStatus::Duplicate };
        let linked = match &r.extraction {
            Some((incidents, statistics)) if !extracted => {
                seen.hashes.insert(r.hash.clone(), (doc_id, true));
                // it takes event ids without `free` knowing which
                seen.free.clear();
                write::replace_extraction(c, doc_id, incidents, statistics)?
            }
            _ => Linked::default(),
        };
        return Ok((put, linked));
    }
    let (doc_id, status) = write::insert_document(c, &r.document, (&r.hash, &r.signature), r.extraction.is_some(), &mut seen.bands)?;
    seen.hashes.insert(r.hash.clone(), (doc_id, r.extraction.is_some()));
    let index = &mut seen.unindexed;
    index.documents = Some(index.documents.map_or((doc_id, doc_id), |(first, _)| (first, doc_id)));
    let linked = match &r.extraction {
        Some((incidents, statistics)) => write::add_extraction(c, &r.document, doc_id, (incidents, statistics), &mut index.events, &mut seen.free)?,
        None => Linked::default(),
    };
    Ok((Put { doc_id, status }, linked))
}
