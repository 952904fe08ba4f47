//! Synthetic events written straight into a store's SQLite tables, for the API benchmark
//! (`examples/api_bench.rs`) and the tests that compare the server's columnar filters with a
//! naive filter over full events (`tests/columns.rs`).
//!
//! Why not `Store::put_extraction`: linking recomputes an event per report, a few hundred
//! documents a second, so a million events would take hours. This writes the rows the store
//! would have written (documents, incidents, events with their machine values, confirmed and
//! edited ones with their frozen values and edits, full-text rows) in one transaction, a few
//! tens of thousands of events a second. The trade-off: it depends on the store's schema
//! (`crates/store/migrations/sqlite/0001_init.sql`), and a schema change must be followed here.
//!
//! Everything is deterministic from the seed: the same seed and size give the same database.
#![allow(dead_code)]

use std::path::Path;

use litopys_gazetteer::{Gazetteer, Kind};
use litopys_model::{Evidence, GeoPrecision, Incident, SubEventType, TimePrecision};
use litopys_store::{Source, SourcedEvidence, Status};
use rusqlite::{params, Connection};

/// A small, fast, seeded generator (SplitMix64): no dependency, same numbers everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Sub-event types with weights, roughly as in ACLED's Ukraine data: mostly shelling and
/// drone strikes, then clashes and protests.
const SUB_TYPES: &[(SubEventType, usize)] = &[
    (SubEventType::ShellingArtilleryMissileAttack, 30),
    (SubEventType::AirDroneStrike, 20),
    (SubEventType::ArmedClash, 12),
    (SubEventType::PeacefulProtest, 10),
    (SubEventType::RemoteExplosiveLandmineIed, 4),
    (SubEventType::Arrests, 4),
    (SubEventType::Attack, 3),
    (SubEventType::ProtestWithIntervention, 2),
    (SubEventType::ViolentDemonstration, 2),
    (SubEventType::MobViolence, 1),
    (SubEventType::AbductionForcedDisappearance, 1),
    (SubEventType::LootingPropertyDestruction, 1),
    (SubEventType::Grenade, 1),
    (SubEventType::Other, 1),
];

const ACTORS: &[&str] = &[
    "Military Forces of Russia (2000-)",
    "Military Forces of Ukraine (2019-)",
    "Protesters (Ukraine)",
    "Police Forces of Ukraine (2019-)",
    "Civilians (Ukraine)",
    "Rioters (Ukraine)",
    "",
];

const TAGS: &[&str] = &["mobilization", "labour", "desertion", "court", "energy", "corruption"];

const STATUSES: &[(Status, usize)] = &[(Status::New, 70), (Status::Confirmed, 15), (Status::Edited, 8), (Status::Rejected, 7)];

fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, usize)]) -> T {
    let total: usize = items.iter().map(|(_, w)| w).sum();
    let mut at = rng.below(total);
    for (item, w) in items {
        if at < *w {
            return *item;
        }
        at -= w;
    }
    items[0].0
}

/// A settlement: name, oblast, raion, coordinates.
pub struct Place {
    pub name: String,
    pub admin1: String,
    pub admin2: String,
    pub lat: f64,
    pub lon: f64,
}

/// The gazetteer's `n` most populous cities and villages.
pub fn places(n: usize) -> Vec<Place> {
    let mut entries: Vec<_> = Gazetteer::builtin()
        .entries()
        .iter()
        .filter(|e| matches!(e.kind, Kind::City | Kind::Village) && !e.admin1.is_empty())
        .collect();
    entries.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.name.cmp(&b.name)));
    entries.truncate(n);
    entries
        .into_iter()
        .map(|e| Place { name: e.name.clone(), admin1: e.admin1.clone(), admin2: e.admin2.clone().unwrap_or_default(), lat: e.lat, lon: e.lon })
        .collect()
}

/// One generated event: its values, status, reports and evidence.
pub struct Generated {
    pub id: String,
    pub status: Status,
    pub incident: Incident,
    pub sources: Vec<Source>,
    pub evidence: Vec<SourcedEvidence>,
    /// The analyst's edits, for an edited event.
    pub edits: Option<serde_json::Value>,
}

/// The `i`-th event of a generated set: dates over three years (2023 to 2025) with more in
/// some months, places skewed to big cities (a few without coordinates or place), and
/// `next_doc` numbering its reports' documents.
pub fn event(rng: &mut Rng, i: usize, places: &[Place], next_doc: &mut i64) -> Generated {
    let start = jiff::civil::date(2023, 1, 1);
    // busier months: a second draw folded into a quarter of the range
    let day = if rng.chance(0.2) { 300 + rng.below(90) } else { rng.below(1096) };
    let date = start.checked_add(jiff::Span::new().days(day as i64)).unwrap_or(start);
    let sub = weighted(rng, SUB_TYPES);
    // a cube skews towards the front of the list: the biggest places
    let u = rng.below(1 << 20) as f64 / (1 << 20) as f64;
    let place = &places[((u * u * u) * places.len() as f64) as usize % places.len()];
    let placed = !rng.chance(0.03);
    let fatalities = if rng.chance(0.6) { 0 } else { 1 + rng.below(8) as u32 * rng.below(4) as u32 };
    let id = format!("UKR{:06x}{:06x}", i, rng.next() & 0xff_ffff);
    let mut tags = Vec::new();
    if rng.chance(0.2) {
        tags.push(rng.pick(TAGS).to_string());
        if rng.chance(0.2) {
            tags.push(rng.pick(TAGS).to_string());
        }
    }
    tags.dedup();
    let location = if placed { place.name.clone() } else { String::new() };
    let notes = format!(
        "On {date}, {} in {}{} ({} oblast); {fatalities} killed.",
        sub.as_str().to_lowercase(),
        if placed { "" } else { "an unnamed village" },
        location,
        place.admin1
    );
    let incident = Incident {
        event_id_cnty: id.clone(),
        event_date: date,
        time_precision: TimePrecision::Day,
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: rng.pick(ACTORS).to_string(),
        assoc_actor_1: String::new(),
        actor2: rng.pick(ACTORS).to_string(),
        assoc_actor_2: String::new(),
        country: "Ukraine".into(),
        admin1: place.admin1.clone(),
        admin2: if placed { place.admin2.clone() } else { String::new() },
        admin3: String::new(),
        location,
        latitude: placed.then(|| place.lat + (rng.below(200) as f64 - 100.0) / 10_000.0),
        longitude: placed.then(|| place.lon + (rng.below(200) as f64 - 100.0) / 10_000.0),
        geo_precision: placed.then_some(GeoPrecision::Settlement),
        fatalities,
        notes,
        source: String::new(),
        injuries: rng.chance(0.3).then(|| rng.below(20) as u32),
        participants: (sub.event_type() == litopys_model::EventType::Protests).then(|| 10 + rng.below(500) as u32),
        arrests: None,
        weapons: Vec::new(),
        tags,
        legal: Default::default(), amounts: Vec::new(), damage: Vec::new(), injury_details: Vec::new(),
        evidence: Vec::new(),
    };
    let n_sources = 1 + (0..5).take_while(|_| rng.chance(0.4)).count();
    let sources: Vec<Source> = (0..n_sources)
        .map(|k| {
            *next_doc += 1;
            Source {
                doc_id: *next_doc,
                document: format!("synthetic/{}.txt", *next_doc),
                url: Some(format!("https://news.example.org/{}", *next_doc)),
                incident: format!("{id}-{k}"),
                event_date: date,
                fatalities,
                injuries: incident.injuries,
                participants: incident.participants,
                arrests: None,
            }
        })
        .collect();
    let evidence = sources
        .iter()
        .map(|s| SourcedEvidence {
            doc_id: s.doc_id,
            document: s.document.clone(),
            evidence: Evidence { field: "location".into(), start: 0, end: incident.location.len(), text: incident.location.clone() },
        })
        .collect();
    let status = weighted(rng, STATUSES);
    let edits = (status == Status::Edited).then(|| serde_json::json!({ "fatalities": fatalities + 1 + rng.below(3) as u32 }));
    Generated { id, status, incident, sources, evidence, edits }
}

/// Writes `n` events generated from `seed` into a new store at `db`; returns the number of
/// documents written (one per report).
pub fn fill(db: &Path, n: usize, seed: u64) -> Result<i64, Box<dyn std::error::Error>> {
    // the store creates the schema
    drop(litopys_store::Store::open_sqlite(db)?);
    let mut conn = Connection::open(db)?;
    conn.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;")?;
    let tx = conn.transaction()?;
    let places = places(3000);
    let mut rng = Rng::new(seed);
    let mut next_doc = 0;
    for i in 0..n {
        let g = event(&mut rng, i, &places, &mut next_doc);
        write(&tx, &g)?;
    }
    tx.commit()?;
    Ok(next_doc)
}

fn write(tx: &rusqlite::Transaction, g: &Generated) -> Result<(), Box<dyn std::error::Error>> {
    let i = &g.incident;
    let now = "2026-01-01T00:00:00Z";
    for s in &g.sources {
        let text = format!("{} Reported by {}.", i.notes, s.document);
        tx.prepare_cached(
            "INSERT INTO documents (id, doc_key, content_hash, minhash, source, title, lang, published, text, extracted, ingested_at) \
             VALUES (?1, ?2, ?3, '', ?4, NULL, 'en', ?5, ?6, 1, ?7)",
        )?
        .execute(params![s.doc_id, s.document, format!("h{}", s.doc_id), s.url, i.event_date.to_string(), text, now])?;
        let mut reported = i.clone();
        reported.event_id_cnty = s.incident.clone();
        tx.prepare_cached(
            "INSERT INTO incidents (doc_id, incident_key, event_id, event_date, location, latitude, longitude, event_type, sub_event_type, participants, data) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            s.doc_id,
            s.incident,
            g.id,
            i.event_date.to_string(),
            i.location,
            i.latitude,
            i.longitude,
            i.event_type.as_str(),
            i.sub_event_type.as_str(),
            i.participants,
            serde_json::to_string(&reported)?
        ])?;
    }
    let data = serde_json::to_string(&serde_json::json!({ "incident": i, "sources": g.sources, "evidence": g.evidence }))?;
    let frozen = if g.status == Status::Confirmed { Some(serde_json::to_string(i)?) } else { None };
    let edits = g.edits.as_ref().map_or_else(|| "{}".to_string(), |e| e.to_string());
    let effective_notes = &i.notes;
    tx.prepare_cached(
        "INSERT INTO events (id, status, event_date, admin1, event_type, tags, notes, data, frozen, edits, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        g.id,
        g.status.as_str(),
        i.event_date.to_string(),
        i.admin1,
        i.event_type.as_str(),
        format!(";{};", i.tags.join(";")),
        effective_notes,
        data,
        frozen,
        edits,
        now
    ])?;
    // the notes' row takes the event's rowid, as the store's own writes do
    let rowid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO events_fts (rowid, event_id, notes) VALUES (?1, ?2, ?3)")?.execute(params![rowid, g.id, effective_notes])?;
    Ok(())
}
