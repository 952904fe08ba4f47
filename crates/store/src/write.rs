//! The statements that write documents, incidents and events, shared by the one-call-per-
//! document methods of [`Store`](crate::Store) and by batches (`batch` module).
//!
//! # Design
//!
//! * A document's incidents are all stored before any of its events is written, so that
//!   linking its second incident sees the events as they were before the document: the
//!   result does not depend on the order of one document's incidents.
//! * An event gaining a report from a new document is updated by merging that report into its
//!   stored consensus ([`Machine::merge`]), which gives what recomputing it from every member
//!   would give; recomputing ([`refresh_event`]) reads and parses every member, about 35 per
//!   event in generated data, and stays for everything else: re-extraction, review, and data
//!   written before the merge existed.
//! * Candidates for linking are compared on the columns of `incidents` ([`Key`]); their JSON
//!   is not parsed.
//! * Near-duplicates are looked up in the transaction's [`Bands`] (the `near` module), read
//!   once per batch rather than once per document.
//! * Re-extraction links again ([`relink`]): an incident whose date or place changed leaves
//!   an event whose other reports it no longer matches and joins one it now matches, so the
//!   events are those a first ingest of the corrected documents would make. What analysts
//!   decided stays: incidents they merged or split are pinned, and the incidents of an event
//!   someone reviewed do not move.

use std::collections::{BTreeSet, HashSet};

use litopys_model::{Document, Incident, Statistic};

use crate::db::{now, Conn, Dialect, Value};
use crate::dedup::Signature;
use crate::error::{Error, ErrorKind};
use crate::link::{self, Key, Machine, Member};
use crate::near::Bands;
use crate::store::effective_incident;
use crate::{Linked, PutStatus};

/// Stores a document not stored before; `extracted` marks it as extracted in the same
/// statement (its extraction is then stored in the same transaction). Its band rows are
/// left in `bands`, for [`Bands::flush`] before the transaction commits.
pub(crate) fn insert_document(
    c: &mut Conn,
    doc: &Document,
    (hash, sig): (&str, &Signature),
    extracted: bool,
    bands: &mut Bands,
) -> Result<(i64, PutStatus), Error> {
    let near_of = bands.near_duplicate_of(sig);
    let params = [
        doc.id.as_str().into(),
        hash.into(),
        near_of.into(),
        sig.to_hex().into(),
        doc.source.clone().into(),
        doc.title.clone().into(),
        doc.lang.clone().into(),
        doc.published.map(|d| d.to_string()).into(),
        doc.text.as_str().into(),
        now().into(),
        i64::from(extracted).into(),
    ];
    let id = c
        .query_one(
            "INSERT INTO documents (doc_key, content_hash, near_duplicate_of, minhash, source, title, lang, published, text, ingested_at, extracted) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            &params,
        )?
        .and_then(|v| v.int())
        .ok_or_else(|| Error::new(ErrorKind::Database, "insert returned no id"))?;
    bands.add(id, sig);
    let status = match near_of {
        Some(of) => PutStatus::NearDuplicate { of },
        None => PutStatus::Inserted,
    };
    Ok((id, status))
}

/// Stores the extraction of a document stored before, replacing what an earlier extraction
/// stored, and recomputes every event it touches. See `Store::put_extraction`.
pub(crate) fn replace_extraction(c: &mut Conn, doc_id: i64, incidents: &[Incident], statistics: &[Statistic]) -> Result<Linked, Error> {
    let mut touched = BTreeSet::new();
    let existing = c.query("SELECT id, incident_key, event_id, pinned FROM incidents WHERE doc_id = $1", &[doc_id.into()])?;
    for row in &existing {
        if !incidents.iter().any(|i| Some(i.event_id_cnty.as_str()) == row[1].text()) {
            c.execute("DELETE FROM incidents WHERE id = $1", &[row[0].clone()])?;
            touched.insert(row[2].string());
        }
    }
    let mut linked = Linked::default();
    let mut own_events: BTreeSet<String> = existing.iter().map(|r| r[2].string()).collect();
    for incident in incidents {
        if let Some(row) = existing.iter().find(|r| r[1].text() == Some(incident.event_id_cnty.as_str())) {
            let mut params = incident_columns(incident);
            params.extend([serde_json::to_string(incident)?.into(), row[0].clone()]);
            c.execute(
                "UPDATE incidents SET event_date = $1, location = $2, latitude = $3, longitude = $4, event_type = $5, \
                 sub_event_type = $6, participants = $7, data = $8 WHERE id = $9",
                &params,
            )?;
            touched.insert(row[2].string());
            if row[3].int() == Some(0) {
                if let Some(moved_to) = relink(c, doc_id, row[0].clone(), &row[2].string(), incident, &own_events)? {
                    own_events.insert(moved_to.clone());
                    touched.insert(moved_to);
                }
            }
            linked.n_incidents += 1;
            continue;
        }
        let (event_id, new) = link_incident(c, doc_id, incident, &own_events, &mut HashSet::new())?;
        linked.n_new_events += usize::from(new);
        own_events.insert(event_id.clone());
        touched.insert(event_id);
        linked.n_incidents += 1;
    }
    c.execute("DELETE FROM statistics WHERE doc_id = $1", &[doc_id.into()])?;
    insert_statistics(c, doc_id, statistics)?;
    c.execute("UPDATE documents SET extracted = 1 WHERE id = $1", &[doc_id.into()])?;
    for id in &touched {
        refresh_event(c, id)?;
    }
    Ok(linked)
}

/// Moves a re-extracted incident (row `row_id` of `incidents`, in event `event_id`) to the
/// event it now reports, when its date or place changed: out of an event whose other reports
/// it no longer matches (into a matching event, else a new one), or out of an event it is
/// alone in, into a stored event it now matches. Returns the event it moved to.
///
/// Analysts' decisions stay: the caller leaves pinned incidents (merged or split by hand)
/// where they are, and so does this for an incident of an event someone reviewed.
fn relink(c: &mut Conn, doc_id: i64, row_id: Value, event_id: &str, incident: &Incident, own_events: &BTreeSet<String>) -> Result<Option<String>, Error> {
    let reviewed = c.query_one(
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM events WHERE id = $1 AND status NOT IN ('new', 'needs-date')) \
         OR EXISTS (SELECT 1 FROM review_history WHERE event_id = $1)",
        &[event_id.into()],
    )?;
    if reviewed.is_some() {
        return Ok(None);
    }
    let mates = c.query(
        "SELECT event_id, event_date, location, latitude, longitude, event_type, sub_event_type, participants \
         FROM incidents WHERE event_id = $1 AND id <> $2",
        &[event_id.into(), row_id.clone()],
    )?;
    let key = Key::of(incident);
    let mut still = false;
    for m in &mates {
        still |= link::same_event(&key, &stored_key(m)?);
    }
    if still {
        return Ok(None);
    }
    let target = match find_event(c, doc_id, incident, own_events)? {
        Some(other) if other != event_id => other,
        // alone in its event and matching no other: it stays, the event takes its new values
        _ if mates.is_empty() => return Ok(None),
        _ => fresh_event_id(c, &incident.event_id_cnty)?,
    };
    c.execute("UPDATE incidents SET event_id = $1 WHERE id = $2", &[target.as_str().into(), row_id])?;
    Ok(Some(target))
}

/// Stores the extraction of a document inserted in this transaction (so it has no
/// incidents yet): the same result as [`replace_extraction`], with each event it joins
/// updated by a merge rather than recomputed. The document row is already marked extracted.
///
/// The notes of the events it creates are left out of SQLite's `events_fts`: their ids are
/// added to `unindexed`, for [`index_notes`] once per batch. `free`: event ids known to be
/// unused (see [`link_incident`]).
pub(crate) fn add_extraction(
    c: &mut Conn,
    doc: &Document,
    doc_id: i64,
    (incidents, statistics): (&[Incident], &[Statistic]),
    unindexed: &mut Vec<String>,
    free: &mut HashSet<String>,
) -> Result<Linked, Error> {
    let mut linked = Linked::default();
    let mut own_events = BTreeSet::new();
    let mut joined = Vec::new();
    for incident in incidents {
        let (event_id, new) = link_incident(c, doc_id, incident, &own_events, free)?;
        linked.n_new_events += usize::from(new);
        linked.n_incidents += 1;
        own_events.insert(event_id.clone());
        joined.push((event_id, new, incident));
    }
    insert_statistics(c, doc_id, statistics)?;
    // events in id order, as `replace_extraction` writes them
    joined.sort_by(|a, b| a.0.cmp(&b.0));
    for (event_id, new, incident) in joined {
        let member = Member { doc_id, document: doc.id.clone(), url: doc.source.clone(), incident: incident.clone() };
        if new {
            // its only member is `member`, and no event had its id (see `fresh_event_id`)
            let machine = link::consensus(&event_id, std::slice::from_ref(&member));
            let machine = machine.ok_or_else(|| Error::new(ErrorKind::Database, "an event without members"))?;
            write_event(c, &event_id, &machine, &Stored::fresh(), false)?;
            unindexed.push(event_id);
        } else {
            merge_event(c, &event_id, &member)?;
        }
    }
    Ok(linked)
}

/// Stores `incident` of document `doc_id` in the event it reports, or in a new one;
/// returns the event's id and whether it is new.
/// A new event takes the incident's `event_id_cnty` without asking the database when that
/// id is in `free` (ids a batch read as unused, less those it has used since); any id it
/// takes leaves `free`.
fn link_incident(
    c: &mut Conn,
    doc_id: i64,
    incident: &Incident,
    own_events: &BTreeSet<String>,
    free: &mut HashSet<String>,
) -> Result<(String, bool), Error> {
    let (event_id, new) = match find_event(c, doc_id, incident, own_events)? {
        Some(id) => (id, false),
        None if free.remove(&incident.event_id_cnty) => (incident.event_id_cnty.clone(), true),
        None => (fresh_event_id(c, &incident.event_id_cnty)?, true),
    };
    free.remove(&event_id);
    let mut params = vec![doc_id.into(), incident.event_id_cnty.as_str().into(), event_id.as_str().into()];
    params.extend(incident_columns(incident));
    params.push(serde_json::to_string(incident)?.into());
    c.execute(
        "INSERT INTO incidents (doc_id, incident_key, event_id, event_date, location, latitude, longitude, event_type, \
         sub_event_type, participants, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        &params,
    )?;
    Ok((event_id, new))
}

fn insert_statistics(c: &mut Conn, doc_id: i64, statistics: &[Statistic]) -> Result<(), Error> {
    for s in statistics {
        c.execute("INSERT INTO statistics (doc_id, data) VALUES ($1, $2)", &[doc_id.into(), serde_json::to_string(s)?.into()])?;
    }
    Ok(())
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
        "SELECT i.event_id, i.event_date, i.location, i.latitude, i.longitude, i.event_type, i.sub_event_type, i.participants \
         FROM incidents i JOIN events e ON e.id = i.event_id \
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
    let key = Key::of(incident);
    for row in rows {
        let event_id = row[0].string();
        if !own_events.contains(&event_id) && link::same_event(&key, &stored_key(&row)?) {
            return Ok(Some(event_id));
        }
    }
    Ok(None)
}

/// The [`Key`] of a row `event_id, event_date, location, latitude, longitude, event_type,
/// sub_event_type, participants` of `incidents`.
fn stored_key(row: &[Value]) -> Result<Key, Error> {
    let real = |v: &Value| match v {
        Value::Real(x) => Some(*x),
        Value::Int(n) => Some(*n as f64),
        _ => None,
    };
    let event_date = row[1].text().and_then(|d| d.parse().ok()).ok_or_else(|| Error::new(ErrorKind::Corrupt, "incident without a date"))?;
    Ok(Key {
        event_date,
        location: row[2].string().to_lowercase(),
        latitude: real(&row[3]),
        longitude: real(&row[4]),
        sub_event_type: row[6].string(),
        crowd: link::is_crowd(&row[5].string()),
        participants: row[7].int().and_then(|n| u32::try_from(n).ok()),
    })
}

/// `wanted`, or `wanted-2`, `wanted-3`, ... if an event already has that id.
pub(crate) fn fresh_event_id(c: &mut Conn, wanted: &str) -> Result<String, Error> {
    let mut id = wanted.to_string();
    for n in 2.. {
        let taken = c.query_one(
            "SELECT 1 WHERE EXISTS (SELECT 1 FROM events WHERE id = $1) OR EXISTS (SELECT 1 FROM incidents WHERE event_id = $1)",
            &[id.as_str().into()],
        )?;
        if taken.is_none() {
            break;
        }
        id = format!("{wanted}-{n}");
    }
    Ok(id)
}

/// Recomputes an event from its incidents and writes it; an event left with no incident
/// is deleted unless an analyst reviewed it.
pub(crate) fn refresh_event(c: &mut Conn, id: &str) -> Result<(), Error> {
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
    let Some(machine) = link::consensus(id, &members) else {
        let reviewed = c.query_one("SELECT id FROM review_history WHERE event_id = $1", &[id.into()])?.is_some();
        if !reviewed {
            // the notes' row is found by the event's rowid: before the event goes
            delete_notes(c, id)?;
            c.execute("DELETE FROM events WHERE id = $1", &[id.into()])?;
        }
        return Ok(());
    };
    let stored = c.query("SELECT frozen, edits, notes FROM events WHERE id = $1", &[id.into()])?;
    let stored = stored.first().map(|r| Stored { frozen: r[0].clone(), edits: r[1].clone(), notes: r[2].text().map(str::to_string) });
    write_event(c, id, &machine, &stored.unwrap_or_else(Stored::fresh), true)
}

/// Merges a report into a stored event: what [`refresh_event`] would write, without reading
/// the other members. Recomputes instead when the stored data predates merging.
fn merge_event(c: &mut Conn, id: &str, member: &Member) -> Result<(), Error> {
    let rows = c.query("SELECT data, frozen, edits, notes FROM events WHERE id = $1", &[id.into()])?;
    let Some(row) = rows.first() else { return refresh_event(c, id) };
    let mut machine: Machine = serde_json::from_str(&row[0].string())?;
    if machine.urls.is_none() {
        return refresh_event(c, id);
    }
    machine.merge(member);
    let stored = Stored { frozen: row[1].clone(), edits: row[2].clone(), notes: row[3].text().map(str::to_string) };
    write_event(c, id, &machine, &stored, true)
}

/// What an analyst set on a stored event, and its notes as stored (`None`: a new event).
/// SQLite's `events_fts` holds each event's notes as the `notes` column does, in a row with
/// the event's rowid: it is rewritten only when they change.
struct Stored {
    frozen: Value,
    edits: Value,
    notes: Option<String>,
}

impl Stored {
    fn fresh() -> Stored {
        Stored { frozen: Value::Null, edits: Value::Text("{}".into()), notes: None }
    }
}

/// Writes an event's machine data and the columns filters read, keeping what an analyst
/// set (`frozen`, `edits`, `status` are never written here). `index`: also write changed
/// notes to SQLite's `events_fts` (else the caller does, with [`index_notes`]).
fn write_event(c: &mut Conn, id: &str, machine: &Machine, stored: &Stored, index: bool) -> Result<(), Error> {
    let data = serde_json::to_string(machine)?;
    let effective = effective_incident(&machine.incident, &stored.frozen, &stored.edits)?;
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
    if index && c.dialect() == Dialect::Sqlite && stored.notes.as_deref() != Some(effective.notes.as_str()) {
        if stored.notes.is_some() {
            delete_notes(c, id)?;
        }
        c.execute(
            "INSERT INTO events_fts (rowid, event_id, notes) VALUES ((SELECT rowid FROM events WHERE id = $1), $1, $2)",
            &[id.into(), effective.notes.into()],
        )?;
    }
    Ok(())
}

/// Removes an event's notes from SQLite's `events_fts`, whose rows take their event's rowid
/// (migration 0003): so call it before the event's row is deleted.
pub(crate) fn delete_notes(c: &mut Conn, id: &str) -> Result<(), Error> {
    if c.dialect() == Dialect::Sqlite {
        c.execute("DELETE FROM events_fts WHERE rowid = (SELECT rowid FROM events WHERE id = $1)", &[id.into()])?;
    }
    Ok(())
}

/// Adds documents `first..=last` to SQLite's `documents_fts`, in one statement: FTS5 writes
/// its pending terms at every statement's savepoint, so a statement per document made a
/// segment per document.
pub(crate) fn index_documents(c: &mut Conn, first: i64, last: i64) -> Result<(), Error> {
    if c.dialect() == Dialect::Sqlite {
        c.execute(
            "INSERT INTO documents_fts (rowid, title, text) SELECT id, coalesce(title, ''), text FROM documents WHERE id BETWEEN $1 AND $2",
            &[first.into(), last.into()],
        )?;
    }
    Ok(())
}

/// Adds the notes of events `ids` (written with `index` off) to SQLite's `events_fts`, a
/// few hundred a statement.
pub(crate) fn index_notes(c: &mut Conn, ids: &[String]) -> Result<(), Error> {
    if c.dialect() != Dialect::Sqlite {
        return Ok(());
    }
    for chunk in ids.chunks(500) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|n| format!("${n}")).collect();
        let sql = format!("INSERT INTO events_fts (rowid, event_id, notes) SELECT rowid, id, notes FROM events WHERE id IN ({})", placeholders.join(", "));
        let params: Vec<Value> = chunk.iter().map(|id| id.as_str().into()).collect();
        c.execute(&sql, &params)?;
    }
    Ok(())
}
