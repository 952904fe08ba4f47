//! [`Store`]: documents, extraction, linking, review and search over either backend.

use std::collections::BTreeSet;
use std::path::Path;

use litopys_model::{Document, Incident, Statistic};
use serde::{Deserialize, Serialize};

use crate::db::{now, Conn, Dialect, Value};
use crate::dedup::{self, Signature};
use crate::error::{Error, ErrorKind};
use crate::link::{self, Member};
use crate::review::{self, Action, HistoryEntry};
use crate::{Counts, Event, Filter, Hit, HitKind, Linked, Put, PutStatus, Source, SourcedEvidence, Status};

/// An incident database, SQLite or PostgreSQL.
pub struct Store {
    conn: Conn,
}

/// What the `data` column of `events` holds: the machine's view of the event.
#[derive(Serialize, Deserialize)]
struct Machine {
    incident: Incident,
    sources: Vec<Source>,
    evidence: Vec<SourcedEvidence>,
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

    /// Stores a document unless the same words are stored already.
    pub fn put_document(&mut self, doc: &Document) -> Result<Put, Error> {
        let hash = dedup::content_hash(&doc.text);
        if let Some(id) = self.conn.query_one("SELECT id FROM documents WHERE content_hash = $1", &[hash.clone().into()])? {
            return Ok(Put { doc_id: id.int().unwrap_or_default(), status: PutStatus::Duplicate });
        }
        let sig = Signature::of(&doc.text);
        self.transaction(|c| {
            let mut near_of = None;
            for band in &sig.bands {
                let rows = c.query(
                    "SELECT d.id, d.minhash FROM document_bands b JOIN documents d ON d.id = b.doc_id WHERE b.band = $1 ORDER BY d.id LIMIT 20",
                    &[band.as_str().into()],
                )?;
                if let Some(row) = rows.iter().find(|r| sig.similarity(&r[1].string()) >= dedup::NEAR_THRESHOLD) {
                    near_of = row[0].int();
                    break;
                }
            }
            let params = [
                doc.id.as_str().into(),
                hash.as_str().into(),
                near_of.into(),
                sig.to_hex().into(),
                doc.source.clone().into(),
                doc.title.clone().into(),
                doc.lang.clone().into(),
                doc.published.map(|d| d.to_string()).into(),
                doc.text.as_str().into(),
                now().into(),
            ];
            let id = c
                .query_one(
                    "INSERT INTO documents (doc_key, content_hash, near_duplicate_of, minhash, source, title, lang, published, text, ingested_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                    &params,
                )?
                .and_then(|v| v.int())
                .ok_or_else(|| Error::new(ErrorKind::Database, "insert returned no id"))?;
            for band in &sig.bands {
                c.execute("INSERT INTO document_bands (band, doc_id) VALUES ($1, $2)", &[band.as_str().into(), id.into()])?;
            }
            let status = match near_of {
                Some(of) => PutStatus::NearDuplicate { of },
                None => PutStatus::Inserted,
            };
            Ok(Put { doc_id: id, status })
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
        self.transaction(|c| {
            let mut touched = BTreeSet::new();
            let existing = c.query("SELECT id, incident_key, event_id FROM incidents WHERE doc_id = $1", &[doc_id.into()])?;
            for row in &existing {
                if !incidents.iter().any(|i| Some(i.event_id_cnty.as_str()) == row[1].text()) {
                    c.execute("DELETE FROM incidents WHERE id = $1", &[row[0].clone()])?;
                    touched.insert(row[2].string());
                }
            }
            let mut linked = Linked::default();
            let mut own_events: BTreeSet<String> = existing.iter().map(|r| r[2].string()).collect();
            for incident in incidents {
                let data = serde_json::to_string(incident)?;
                if let Some(row) = existing.iter().find(|r| r[1].text() == Some(incident.event_id_cnty.as_str())) {
                    let mut params = incident_columns(incident);
                    params.extend([data.into(), row[0].clone()]);
                    c.execute(
                        "UPDATE incidents SET event_date = $1, location = $2, latitude = $3, longitude = $4, event_type = $5, \
                         sub_event_type = $6, participants = $7, data = $8 WHERE id = $9",
                        &params,
                    )?;
                    touched.insert(row[2].string());
                    linked.n_incidents += 1;
                    continue;
                }
                let event_id = match find_event(c, doc_id, incident, &own_events)? {
                    Some(id) => id,
                    None => {
                        linked.n_new_events += 1;
                        fresh_event_id(c, &incident.event_id_cnty)?
                    }
                };
                let mut params = vec![doc_id.into(), incident.event_id_cnty.as_str().into(), event_id.as_str().into()];
                params.extend(incident_columns(incident));
                params.push(data.into());
                c.execute(
                    "INSERT INTO incidents (doc_id, incident_key, event_id, event_date, location, latitude, longitude, event_type, \
                     sub_event_type, participants, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    &params,
                )?;
                own_events.insert(event_id.clone());
                touched.insert(event_id);
                linked.n_incidents += 1;
            }
            c.execute("DELETE FROM statistics WHERE doc_id = $1", &[doc_id.into()])?;
            for s in statistics {
                c.execute("INSERT INTO statistics (doc_id, data) VALUES ($1, $2)", &[doc_id.into(), serde_json::to_string(s)?.into()])?;
            }
            c.execute("UPDATE documents SET extracted = 1 WHERE id = $1", &[doc_id.into()])?;
            for id in &touched {
                refresh_event(c, id)?;
            }
            Ok(linked)
        })
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
            None => sql.push_str(" AND status <> 'rejected'"),
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

    fn transaction<T>(&mut self, f: impl FnOnce(&mut Conn) -> Result<T, Error>) -> Result<T, Error> {
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

/// Columns `event_date` to `participants` of `incidents`, in table order.
fn incident_columns(i: &Incident) -> Vec<Value> {
    vec![
        i.event_date.to_string().into(),
        i.location.as_str().into(),
        i.latitude.into(),
        i.longitude.into(),
        i.event_type.as_str().into(),
        i.sub_event_type.as_str().into(),
        i.participants.map(i64::from).into(),
    ]
}

/// The event an incident reports, if one is stored: see the `link` module for the rules.
/// Events that already hold an incident of the same document (`own_events`) are left out,
/// and so are events whose own date is over a day away, so that daily reports of a
/// recurring protest do not chain into one month-long event.
fn find_event(c: &mut Conn, doc_id: i64, incident: &Incident, own_events: &BTreeSet<String>) -> Result<Option<String>, Error> {
    let day = |d: Result<jiff::civil::Date, jiff::Error>| d.unwrap_or(incident.event_date).to_string();
    let (lat, lon) = (incident.latitude.unwrap_or(f64::NAN), incident.longitude.unwrap_or(f64::NAN));
    // about 0.1° of latitude is 11 km; longitude degrees are shorter at Ukraine's latitudes
    let rows = c.query(
        "SELECT i.event_id, i.data FROM incidents i JOIN events e ON e.id = i.event_id \
         WHERE i.event_date >= $1 AND i.event_date <= $2 AND e.event_date >= $1 AND e.event_date <= $2 AND i.doc_id <> $3 \
         AND (lower(i.location) = lower($4) OR (i.latitude BETWEEN $5 AND $6 AND i.longitude BETWEEN $7 AND $8)) ORDER BY i.id",
        &[
            day(incident.event_date.yesterday()).into(),
            day(incident.event_date.tomorrow()).into(),
            doc_id.into(),
            incident.location.as_str().into(),
            (lat - 0.1).into(),
            (lat + 0.1).into(),
            (lon - 0.16).into(),
            (lon + 0.16).into(),
        ],
    )?;
    for row in rows {
        let event_id = row[0].string();
        if own_events.contains(&event_id) {
            continue;
        }
        let other: Incident = serde_json::from_str(&row[1].string())?;
        if link::same_event(incident, &other) {
            return Ok(Some(event_id));
        }
    }
    Ok(None)
}

/// `wanted`, or `wanted-2`, `wanted-3`, ... if an event already has that id.
fn fresh_event_id(c: &mut Conn, wanted: &str) -> Result<String, Error> {
    let mut id = wanted.to_string();
    for n in 2.. {
        let taken_event = c.query_one("SELECT id FROM events WHERE id = $1", &[id.as_str().into()])?.is_some();
        let taken_incident = c.query_one("SELECT id FROM incidents WHERE event_id = $1", &[id.as_str().into()])?.is_some();
        if !taken_event && !taken_incident {
            break;
        }
        id = format!("{wanted}-{n}");
    }
    Ok(id)
}

/// Recomputes an event from its incidents and writes it; an event left with no incident
/// is deleted unless an analyst reviewed it.
fn refresh_event(c: &mut Conn, id: &str) -> Result<(), Error> {
    let rows = c.query(
        "SELECT i.doc_id, d.doc_key, d.source, i.data FROM incidents i JOIN documents d ON d.id = i.doc_id WHERE i.event_id = $1 ORDER BY i.id",
        &[id.into()],
    )?;
    let mut members = Vec::with_capacity(rows.len());
    for r in &rows {
        members.push(Member {
            doc_id: r[0].int().unwrap_or_default(),
            document: r[1].string(),
            url: r[2].text().map(str::to_string),
            incident: serde_json::from_str(&r[3].string())?,
        });
    }
    let Some((incident, sources, evidence)) = link::consensus(id, &members) else {
        let reviewed = c.query_one("SELECT id FROM review_history WHERE event_id = $1", &[id.into()])?.is_some();
        if !reviewed {
            delete_notes(c, id)?;
            c.execute("DELETE FROM events WHERE id = $1", &[id.into()])?;
        }
        return Ok(());
    };
    let data = serde_json::to_string(&Machine { incident, sources, evidence })?;
    let stored = c.query("SELECT frozen, edits FROM events WHERE id = $1", &[id.into()])?;
    let (frozen, edits) = match stored.first() {
        Some(r) => (r[0].clone(), r[1].clone()),
        None => (Value::Null, Value::Text("{}".into())),
    };
    let effective = effective_incident(&data, &frozen, &edits)?;
    let tags = format!(";{};", effective.tags.join(";"));
    c.execute(
        "INSERT INTO events (id, event_date, admin1, event_type, tags, notes, data, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (id) DO UPDATE SET event_date = excluded.event_date, admin1 = excluded.admin1, event_type = excluded.event_type, \
         tags = excluded.tags, notes = excluded.notes, data = excluded.data, updated_at = excluded.updated_at",
        &[
            id.into(),
            effective.event_date.to_string().into(),
            effective.admin1.as_str().into(),
            effective.event_type.as_str().into(),
            tags.into(),
            effective.notes.as_str().into(),
            data.into(),
            now().into(),
        ],
    )?;
    if c.dialect() == Dialect::Sqlite {
        delete_notes(c, id)?;
        c.execute(
            "INSERT INTO events_fts (rowid, event_id, notes) VALUES ((SELECT rowid FROM events WHERE id = $1), $1, $2)",
            &[id.into(), effective.notes.into()],
        )?;
    }
    Ok(())
}

/// Removes an event's notes from the SQLite full-text index, whose rows take their event's
/// rowid (migration 0002): so call it before the event's row is deleted.
fn delete_notes(c: &mut Conn, id: &str) -> Result<(), Error> {
    if c.dialect() == Dialect::Sqlite {
        c.execute("DELETE FROM events_fts WHERE rowid = (SELECT rowid FROM events WHERE id = $1)", &[id.into()])?;
    }
    Ok(())
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
fn effective_incident(data: &str, frozen: &Value, edits: &Value) -> Result<Incident, Error> {
    effective(serde_json::from_str::<Machine>(data)?.incident, frozen, edits)
}

/// The values an event shows, from the machine's already parsed.
fn effective(machine: Incident, frozen: &Value, edits: &Value) -> Result<Incident, Error> {
    let base: Incident = match frozen.text() {
        Some(f) => serde_json::from_str(f)?,
        None => machine,
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
    let incident = effective(machine.incident, frozen, edits)?;
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
