//! Near-duplicate candidates for one transaction, held in memory.
//!
//! # Design
//!
//! * A document's candidates are, for each of its bands, the oldest [`PER_BAND`] stored
//!   documents with that band; the first similar one, bands in order and each band's
//!   candidates oldest first, is the document it copies. This was one query a document (a
//!   window function over `document_bands`, then each candidate's signature read by id): the
//!   largest part of the writer's time, as generated and templated reports share bands and a
//!   document met up to 320 candidates, mostly the same ones as the document before.
//! * [`Bands::load`] now reads the candidates of a whole batch's bands, and their signatures,
//!   in a few statements at the start of its transaction; documents the transaction inserts
//!   are added with [`Bands::add`], so a copy of an earlier document of the same batch is
//!   found as if that one were stored, and ids only grow, so appending keeps "oldest first".
//!   The index lives no longer than the transaction (the write lock is held), so it cannot
//!   go stale, and its size is bounded by the batch, not by the database.
//! * The new documents' band rows are written once, at the end ([`Bands::flush`]), many rows
//!   a statement.

use std::collections::{HashMap, HashSet};

use crate::db::{Conn, Value};
use crate::dedup::{Signature, NEAR_THRESHOLD};
use crate::error::Error;

/// Candidates kept per band, oldest first.
const PER_BAND: usize = 20;

/// Band rows written per statement.
const ROWS_PER_INSERT: usize = 256;

/// The candidates of the bands a transaction looks up, and the band rows it has to write.
#[derive(Default)]
pub(crate) struct Bands {
    /// band → the oldest documents with it (at most [`PER_BAND`]), ascending ids
    candidates: HashMap<String, Vec<i64>>,
    /// each candidate's signature, as stored (hex)
    minhash: HashMap<i64, String>,
    /// band rows of documents added, not yet written
    pending: Vec<(String, i64)>,
}

impl Bands {
    /// Reads the candidates of every band of `signatures`, and their signatures.
    pub(crate) fn load<'a>(c: &mut Conn, signatures: impl Iterator<Item = &'a Signature>) -> Result<Bands, Error> {
        let mut bands = Bands::default();
        let wanted: HashSet<&str> = signatures.flat_map(|s| s.bands.iter().map(String::as_str)).collect();
        if wanted.is_empty() {
            return Ok(bands);
        }
        let wanted: Vec<Value> = wanted.into_iter().map(Value::from).collect();
        let rows = c.query_in(
            "SELECT band, doc_id FROM (SELECT band, doc_id, row_number() OVER (PARTITION BY band ORDER BY doc_id) AS n \
             FROM document_bands WHERE band IN ({})) AS candidates WHERE n <= 20 ORDER BY band, doc_id",
            &wanted,
        )?;
        for row in &rows {
            if let (Some(band), Some(id)) = (row[0].text(), row[1].int()) {
                bands.candidates.entry(band.to_string()).or_default().push(id);
            }
        }
        let ids: HashSet<i64> = bands.candidates.values().flatten().copied().collect();
        let ids: Vec<Value> = ids.into_iter().map(Value::from).collect();
        for row in c.query_in("SELECT id, minhash FROM documents WHERE id IN ({})", &ids)? {
            if let Some(id) = row[0].int() {
                bands.minhash.insert(id, row[1].string());
            }
        }
        Ok(bands)
    }

    /// The document `sig` is a near-duplicate of, among those stored or added.
    pub(crate) fn near_duplicate_of(&self, sig: &Signature) -> Option<i64> {
        let mut checked = HashSet::new();
        for band in &sig.bands {
            for &id in self.candidates.get(band).into_iter().flatten() {
                let stored = self.minhash.get(&id).map_or("", String::as_str);
                if checked.insert(id) && sig.similarity(stored) >= NEAR_THRESHOLD {
                    return Some(id);
                }
            }
        }
        None
    }

    /// Records document `id` (newer than every document seen so far) with signature `sig`.
    pub(crate) fn add(&mut self, id: i64, sig: &Signature) {
        for band in &sig.bands {
            let ids = self.candidates.entry(band.clone()).or_default();
            if ids.len() < PER_BAND {
                ids.push(id);
                self.minhash.entry(id).or_insert_with(|| sig.to_hex());
            }
            self.pending.push((band.clone(), id));
        }
    }

    /// Writes the band rows of the documents added.
    pub(crate) fn flush(&mut self, c: &mut Conn) -> Result<(), Error> {
        for chunk in self.pending.chunks(ROWS_PER_INSERT) {
            let rows: Vec<String> = (0..chunk.len()).map(|n| format!("(${}, ${})", 2 * n + 1, 2 * n + 2)).collect();
            let params: Vec<Value> = chunk.iter().flat_map(|(band, id)| [band.as_str().into(), (*id).into()]).collect();
            c.execute(&format!("INSERT INTO document_bands (band, doc_id) VALUES {}", rows.join(", ")), &params)?;
        }
        self.pending.clear();
        Ok(())
    }
}
