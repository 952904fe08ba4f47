//! [`Store`]: documents, extraction, linking, review and search over either backend.

use std::collections::BTreeSet;
use std::path::Path;

use litopys_model::{Document, Incident, Statistic};

use crate::db::{now, Conn, Dialect, Value};
use crate::dedup::{self, Signature};
use crate::error::{Error, ErrorKind};
use crate::link::Machine;
use crate::near::Bands;
use crate::review::{self, Action, HistoryEntry};
use crate::write::{self, delete_notes, fresh_event_id, refresh_event};
use crate::{Counts, Event, Filter, Hit, HitKind, Linked, Put, PutStatus, Source, Status};

/// An incident database, SQLite or PostgreSQL.
pub struct Store {
    pub(crate) conn: Conn,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `location`: a
    /// `postgres://` or `postgresql://` URL, or else the path of a SQLite file.
    pub fn open(location: &str) -> Result<Store, Error> {
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Store::open_postgres(location)
        } else {
            Store::open_sqlite(Path::new(location))
        }
    }

    /// Opens and migrates a SQLite database file (WAL mode).
    pub fn open_sqlite(path: &Path) -> Result<Store, Error> {
        Store::migrated(Conn::open_sqlite(path)?)
    }

    /// Connects to PostgreSQL and migrates the database.
    pub fn open_postgres(url: &str) -> Result<Store, Error> {
        Store::migrated(Conn::open_postgres(url)?)
    }

    fn migrated(mut conn: Conn) -> Result<Store, Error> {
        conn.migrate()?;
        Ok(Store { conn })
    }

    /// `"sqlite"` or `"postgres"`.
    pub fn backend(&self) -> &'static str {
        match self.conn.dialect() {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }

    /// Caps SQLite's page cache at `mib` MiB (64 by default; PostgreSQL: no effect), for a
    /// caller that must keep its memory small (an ingest of a gigabyte-sized file), at the
    /// price of more page reads when linking.
    pub fn limit_cache(&mut self, mib: u32) -> Result<(), Error> {
        if self.conn.dialect() == Dialect::Sqlite {
            self.conn.batch(&format!("PRAGMA cache_size=-{}", u64::from(mib) * 1024))?;
        }
        Ok(())
    }

    /// Stores a document unless the same words are stored already.
    pub fn put_document(&mut self, doc: &Document) -> Result<Put, Error> {
        let hash = dedup::content_hash(&doc.text);
        if let Some(id) = self.conn.query_one("SELECT id FROM documents WHERE content_hash = $1", &[hash.clone().into()])? {
            return Ok(Put { doc_id: id.int().unwrap_or_default(), status: PutStatus::Duplicate });
        }
        let sig = Signature::of(&doc.text);
        self.transaction(|c| {
            // another writer may have stored it since the look above (see `Conn::begin`)
            if let Some(id) = c.query_one("SELECT id FROM documents WHERE content_hash = $1", &[hash.clone().into()])? {
                return Ok(Put { doc_id: id.int().unwrap_or_default(), status: PutStatus::Duplicate });
            }
            let mut bands = Bands::load(c, std::iter::once(&sig))?;
            let (doc_id, status) = write::insert_document(c, doc, (&hash, &sig), false, &mut bands)?;
            bands.flush(c)?;
            write::index_documents(c, doc_id, doc_id)?;
            Ok(Put { doc_id, status })
        })
    }

    /// True if the document was stored but its extraction never was (an interrupted run).
    pub fn needs_extraction(&mut self, doc_id: i64) -> Result<bool, Error> {
        let v = self.conn.query_one("SELECT extracted FROM documents WHERE id = $1", &[doc_id.into()])?;
        Ok(v.and_then(|v| v.int()) == Some(0))
    }

    /// The stored document.
    pub fn document(&mut self, doc_id: i64) -> Result<Document, Error> {
        let rows = self.conn.query("SELECT doc_key, text, published, source, title, lang FROM documents WHERE id = $1", &[doc_id.into()])?;
        let r = rows.first().ok_or_else(|| Error::new(ErrorKind::NotFound, format!("no document {doc_id}")))?;
        let opt = |v: &Value| v.text().map(str::to_string);
        Ok(Document {
            id: r[0].string(),
            text: r[1].string(),
            published: r[2].text().and_then(|d| d.parse().ok()),
            source: opt(&r[3]),
            title: opt(&r[4]),
            lang: opt(&r[5]),
        })
    }

    /// Stores what extraction found in a document and links each incident to an event.
    ///
    /// Idempotent: running it again for the same document replaces that document's
    /// incidents and statistics. An incident found again (same `event_id_cnty`) stays in its
    /// event; values an analyst reviewed are kept whatever the new extraction says.
    pub fn put_extraction(&mut self, doc_id: i64, incidents: &[Incident], statistics: &[Statistic]) -> Result<Linked, Error> {
        self.transaction(|c| write::replace_extraction(c, doc_id, incidents, statistics))
    }

    /// How many documents, incidents and events the store holds.
    pub fn counts(&mut self) -> Result<Counts, Error> {
        let mut count = |table: &str| -> Result<u64, Error> {
            let v = self.conn.query_one(&format!("SELECT count(*) FROM {table}"), &[])?;
            Ok(v.and_then(|v| v.int()).unwrap_or_default().try_into().unwrap_or_default())
        };
        Ok(Counts { n_documents: count("documents")?, n_incidents: count("incidents")?, n_events: count("events")? })
    }

    /// The events that pass `filter`, by date then id.
    pub fn events(&mut self, filter: &Filter) -> Result<Vec<Event>, Error> {
        let mut sql = String::from("SELECT id, status, data, frozen, edits FROM events WHERE 1 = 1");
        let mut params: Vec<Value> = Vec::new();
        let mut cond = |sql: &mut String, clause: &str, v: Value| {
            params.push(v);
            sql.push_str(&clause.replace('?', &format!("${}", params.len())));
        };
        if let Some(d) = filter.from {
            cond(&mut sql, " AND event_date >= ?", d.to_string().into());
        }
        if let Some(d) = filter.to {
            cond(&mut sql, " AND event_date <= ?", d.to_string().into());
        }
        if let Some(a) = &filter.admin1 {
            cond(&mut sql, " AND lower(admin1) = lower(?)", a.as_str().into());
        }
        if let Some(t) = &filter.event_type {
            cond(&mut sql, " AND lower(event_type) = lower(?)", t.as_str().into());
        }
        if let Some(t) = &filter.tag {
            cond(&mut sql, " AND tags LIKE ?", format!("%;{t};%").into());
        }
        match filter.status {
            Some(s) => cond(&mut sql, " AND status = ?", s.as_str().into()),
            None => sql.push_str(" AND status NOT IN ('rejected', 'needs-date')"),
        }
        sql.push_str(" ORDER BY event_date, id");
        let rows = self.conn.query(&sql, &params)?;
        let wanted = match &filter.text {
            Some(text) => Some(self.events_matching(text)?),
            None => None,
        };
        rows.iter()
            .filter(|r| wanted.as_ref().map_or(true, |w| r[0].text().is_some_and(|id| w.contains(id))))
            .map(|r| event_from_row(r))
            .collect()
    }

    /// The statistics whose period (`2026-02`, `2026`, `2026-02-23`) overlaps `from..=to`,
    /// in the order stored.
    pub fn statistics(&mut self, from: jiff::civil::Date, to: jiff::civil::Date) -> Result<Vec<Statistic>, Error> {
        let rows = self.conn.query("SELECT data FROM statistics ORDER BY id", &[])?;
        let mut out = Vec::new();
        for r in &rows {
            let Some(text) = r.first().and_then(|v| v.text()) else { continue };
            let s: Statistic = serde_json::from_str(text)?;
            if period_overlaps(&s.period, from, to) {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// One event.
    pub fn event(&mut self, id: &str) -> Result<Event, Error> {
        let rows = self.conn.query("SELECT id, status, data, frozen, edits FROM events WHERE id = $1", &[id.into()])?;
        let row = rows.first().ok_or_else(|| not_found(id))?;
        event_from_row(row)
    }

    /// The events of `ids` that exist, in the order asked, read in one query (a page of a
    /// listing: a thousand ids at most is the caller's to keep to).
    pub fn events_by_id(&mut self, ids: &[&str]) -> Result<Vec<Event>, Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!("SELECT id, status, data, frozen, edits FROM events WHERE id IN ({})", marks.join(", "));
        let params: Vec<Value> = ids.iter().map(|&id| id.into()).collect();
        let mut found = std::collections::HashMap::new();
        for row in self.conn.query(&sql, &params)? {
            let event = event_from_row(&row)?;
            found.insert(event.id.clone(), event);
        }
        Ok(ids.iter().filter_map(|id| found.remove(*id)).collect())
    }

    /// Records an analyst's decision on an event and applies it.
    pub fn review(&mut self, event_id: &str, action: &Action, actor: &str) -> Result<(), Error> {
        self.transaction(|c| {
            let rows = c.query("SELECT id, status, data, frozen, edits FROM events WHERE id = $1", &[event_id.into()])?;
            let row = rows.first().ok_or_else(|| not_found(event_id))?;
            let event = event_from_row(row)?;
            let mut edits = parse_edits(&row[4])?;
            match action {
                Action::Confirm => {
                    let frozen = serde_json::to_string(&event.incident)?;
                    c.execute("UPDATE events SET status = 'confirmed', frozen = $1 WHERE id = $2", &[frozen.into(), event_id.into()])?;
                }
                Action::Edit { field, value } => {
                    review::apply_edit(&event.incident, field, value)?;
                    edits.insert(field.clone(), value.clone());
                    let edits = serde_json::to_string(&edits)?;
                    c.execute("UPDATE events SET status = 'edited', edits = $1 WHERE id = $2", &[edits.into(), event_id.into()])?;
                }
                Action::Reject => {
                    c.execute("UPDATE events SET status = 'rejected' WHERE id = $1", &[event_id.into()])?;
                }
                Action::Merge { other } => {
                    if other == event_id || c.query_one("SELECT id FROM events WHERE id = $1", &[other.as_str().into()])?.is_none() {
                        return Err(Error::new(ErrorKind::InvalidAction, format!("cannot merge {other} into {event_id}")));
                    }
                    c.execute("UPDATE incidents SET event_id = $1, pinned = 1 WHERE event_id = $2", &[event_id.into(), other.as_str().into()])?;
                    delete_notes(c, other)?;
                    c.execute("DELETE FROM events WHERE id = $1", &[other.as_str().into()])?;
                    append_history(c, other, actor, action)?;
                }
                Action::Split { incidents } => {
                    let moving: Vec<&Source> = event.sources.iter().filter(|s| incidents.contains(&s.incident)).collect();
                    let first = moving.first().map(|s| s.incident.clone());
                    let (Some(first), true) = (first, moving.len() < event.sources.len()) else {
                        return Err(Error::new(ErrorKind::InvalidAction, format!("split must move some but not all incidents of {event_id}")));
                    };
                    let new_id = fresh_event_id(c, &first)?;
                    for key in incidents {
                        c.execute(
                            "UPDATE incidents SET event_id = $1, pinned = 1 WHERE event_id = $2 AND incident_key = $3",
                            &[new_id.as_str().into(), event_id.into(), key.as_str().into()],
                        )?;
                    }
                    refresh_event(c, &new_id)?;
                    append_history(c, &new_id, actor, action)?;
                }
            }
            refresh_event(c, event_id)?;
            append_history(c, event_id, actor, action)
        })
    }

    /// Every decision taken on an event, oldest first.
    pub fn history(&mut self, event_id: &str) -> Result<Vec<HistoryEntry>, Error> {
        let rows = self.conn.query("SELECT event_id, actor, at, action FROM review_history WHERE event_id = $1 ORDER BY id", &[event_id.into()])?;
        rows.iter()
            .map(|r| Ok(HistoryEntry { event_id: r[0].string(), actor: r[1].string(), at: r[2].string(), action: serde_json::from_str(&r[3].string())? }))
            .collect()
    }

    /// Full-text search over documents and event notes: every word must occur.
    pub fn search(&mut self, query: &str, limit: usize) -> Result<Vec<Hit>, Error> {
        let words: Vec<&str> = query.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let (docs, events, q) = match self.conn.dialect() {
            Dialect::Sqlite => (
                "SELECT d.doc_key, snippet(documents_fts, 1, '[', ']', '…', 12) FROM documents_fts \
                 JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH $1 ORDER BY rank LIMIT $2",
                "SELECT event_id, snippet(events_fts, 1, '[', ']', '…', 12) FROM events_fts WHERE events_fts MATCH $1 ORDER BY rank LIMIT $2",
                words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" "),
            ),
            Dialect::Postgres => (
                "SELECT doc_key, ts_headline('simple', text, plainto_tsquery('simple', $1), 'MaxWords=20, MinWords=5') FROM documents \
                 WHERE to_tsvector('simple', coalesce(title, '') || ' ' || text) @@ plainto_tsquery('simple', $1) ORDER BY id LIMIT $2",
                "SELECT id, notes FROM events WHERE to_tsvector('simple', notes) @@ plainto_tsquery('simple', $1) ORDER BY id LIMIT $2",
                words.join(" "),
            ),
        };
        let mut hits = Vec::new();
        for (sql, kind) in [(docs, HitKind::Document), (events, HitKind::Event)] {
            for r in self.conn.query(sql, &[q.as_str().into(), limit.into()])? {
                hits.push(Hit { kind, id: r[0].string(), snippet: r[1].string() });
            }
        }
        Ok(hits)
    }

    /// Ids of events whose notes, or one of whose documents, contain every word of `text`.
    fn events_matching(&mut self, text: &str) -> Result<BTreeSet<String>, Error> {
        let mut ids = BTreeSet::new();
        let mut doc_keys = Vec::new();
        for hit in self.search(text, 100_000)? {
            match hit.kind {
                HitKind::Event => {
                    ids.insert(hit.id);
                }
                HitKind::Document => doc_keys.push(hit.id),
            }
        }
        for key in doc_keys {
            let rows = self.conn.query(
                "SELECT DISTINCT i.event_id FROM incidents i JOIN documents d ON d.id = i.doc_id WHERE d.doc_key = $1",
                &[key.into()],
            )?;
            ids.extend(rows.iter().map(|r| r[0].string()));
        }
        Ok(ids)
    }

    pub(crate) fn transaction<T>(&mut self, f: impl FnOnce(&mut Conn) -> Result<T, Error>) -> Result<T, Error> {
        self.conn.begin()?;
        match f(&mut self.conn) {
            Ok(v) => {
                self.conn.commit()?;
                Ok(v)
            }
            Err(e) => {
                self.conn.rollback();
                Err(e)
            }
        }
    }
}

fn not_found(id: &str) -> Error {
    Error::new(ErrorKind::NotFound, format!("no event {id}"))
}

fn append_history(c: &mut Conn, event_id: &str, actor: &str, action: &Action) -> Result<(), Error> {
    c.execute(
        "INSERT INTO review_history (event_id, actor, at, action) VALUES ($1, $2, $3, $4)",
        &[event_id.into(), actor.into(), now().into(), serde_json::to_string(action)?.into()],
    )?;
    Ok(())
}

fn parse_edits(v: &Value) -> Result<serde_json::Map<String, serde_json::Value>, Error> {
    Ok(serde_json::from_str(v.text().unwrap_or("{}"))?)
}

/// The values an event shows: confirmed ones if confirmed, else the machine's, with the
/// analyst's edits on top.
pub(crate) fn effective_incident(machine: &Incident, frozen: &Value, edits: &Value) -> Result<Incident, Error> {
    let base: Incident = match frozen.text() {
        Some(f) => serde_json::from_str(f)?,
        None => machine.clone(),
    };
    Ok(review::apply_edits(base, &parse_edits(edits)?))
}

/// `row` is `id, status, data, frozen, edits`.
fn event_from_row(row: &[Value]) -> Result<Event, Error> {
    let [id, status, data, frozen, edits] = row else {
        return Err(Error::new(ErrorKind::Corrupt, "event row has the wrong shape"));
    };
    // the machine's values are parsed once, and serve as the base unless confirmed
    let machine: Machine = serde_json::from_str(&data.string())?;
    let incident = effective_incident(&machine.incident, frozen, edits)?;
    let mut reviewed_fields: Vec<String> = parse_edits(edits)?.keys().cloned().collect();
    if frozen.text().is_some() {
        reviewed_fields.insert(0, "*".to_string());
    }
    Ok(Event {
        id: id.string(),
        status: Status::parse(&status.string()).unwrap_or(Status::New),
        incident,
        reviewed_fields,
        sources: machine.sources,
        evidence: machine.evidence,
    })
}

/// True if a period written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` overlaps `from..=to`: a period
/// is compared by its own precision ("2026-02" overlaps 15 February to 3 March).
fn period_overlaps(period: &str, from: jiff::civil::Date, to: jiff::civil::Date) -> bool {
    let n = period.len();
    let (lo, hi) = (from.to_string(), to.to_string());
    (4..=10).contains(&n) && lo.get(..n).is_some_and(|l| l <= period) && hi.get(..n).is_some_and(|h| period <= h)
}

#[cfg(test)]
mod period_tests {
    #[test]
    fn periods_compare_at_their_own_precision() {
        let (from, to) = ("2026-02-15".parse().unwrap(), "2026-03-03".parse().unwrap());
        assert!(super::period_overlaps("2026-02", from, to));
        assert!(super::period_overlaps("2026-03", from, to));
        assert!(super::period_overlaps("2026", from, to));
        assert!(!super::period_overlaps("2026-01", from, to));
        assert!(!super::period_overlaps("2025", from, to));
        assert!(!super::period_overlaps("", from, to));
    }
}
