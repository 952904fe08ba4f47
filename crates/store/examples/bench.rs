//! Ingest speed and database size: stores N generated small documents, each with one
//! incident, into SQLite (and PostgreSQL when `LITOPYS_TEST_POSTGRES` is set).
//!
//! ```text
//! cargo run --release -p litopys-store --example bench 5000
//! ```

use std::time::Instant;

use litopys_model::{Document, Incident};
use litopys_store::Store;

const PLACES: &[(&str, &str, f64, f64)] = &[
    ("Lutsk", "Volyn", 50.747, 25.325),
    ("Rivne", "Rivne", 50.619, 26.251),
    ("Vinnytsia", "Vinnytsia", 49.233, 28.468),
    ("Uzhhorod", "Zakarpattia", 48.621, 22.288),
    ("Poltava", "Poltava", 49.589, 34.551),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.db");
    let mut sqlite = Store::open(&path.display().to_string())?;
    let rate = run(&mut sqlite, n)?;
    drop(sqlite);
    let bytes: u64 = ["bench.db", "bench.db-wal", "bench.db-shm"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.path().join(f)).ok())
        .map(|m| m.len())
        .sum();
    println!("sqlite:   {n} documents, {rate:.0} documents/s, {:.0} KiB per 1,000 documents", bytes as f64 / 1024.0 / (n as f64 / 1000.0));
    if let Ok(url) = std::env::var("LITOPYS_TEST_POSTGRES") {
        let mut admin = postgres::Client::connect(&url, postgres::NoTls)?;
        admin.batch_execute("SET client_min_messages = warning; DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench")?;
        let sep = if url.contains('?') { '&' } else { '?' };
        let mut pg = Store::open(&format!("{url}{sep}options=-c%20search_path%3Dbench"))?;
        let rate = run(&mut pg, n)?;
        let row = admin.query_one(
            "SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))::bigint FROM pg_tables WHERE schemaname = 'bench'",
            &[],
        )?;
        let bytes: i64 = row.get(0);
        println!("postgres: {n} documents, {rate:.0} documents/s, {:.0} KiB per 1,000 documents", bytes as f64 / 1024.0 / (n as f64 / 1000.0));
    }
    Ok(())
}

fn run(store: &mut Store, n: usize) -> Result<f64, Box<dyn std::error::Error>> {
    let start = Instant::now();
    for k in 0..n {
        let (place, admin1, lat, lon) = PLACES[k % PLACES.len()];
        let day = 1 + (k / PLACES.len()) % 28;
        let text = format!(
            "Report {k}. On February {day}, 2026, in {place}, about {} residents gathered outside the recruitment office \
             after a man was detained on the street; {} people were injured, police said. Officials promised to look into \
             the incident, number {k}, and local media published photographs of the crowd.",
            20 + k % 50,
            k % 3
        );
        let doc = Document { source: Some(format!("https://example.org/{k}")), ..Document::new(format!("doc{k}"), text) };
        let put = store.put_document(&doc)?;
        let incident: Incident = serde_json::from_value(serde_json::json!({
            "event_id_cnty": format!("UKR{k:08}"), "event_date": format!("2026-02-{day:02}"), "time_precision": 1,
            "event_type": "Riots", "sub_event_type": "Mob violence", "actor1": "Rioters (Ukraine)", "assoc_actor_1": "",
            "actor2": "", "assoc_actor_2": "", "country": "Ukraine", "admin1": admin1, "admin2": "", "admin3": "",
            "location": place, "latitude": lat, "longitude": lon, "geo_precision": 1, "fatalities": 0,
            "notes": format!("Residents confronted recruitment officers in {place}."), "source": format!("https://example.org/{k}"),
            "injuries": k % 3, "participants": 20 + k % 50, "arrests": null, "weapons": [], "tags": ["mobilization"],
            "evidence": [{"field": "location", "start": 0, "end": 6, "text": "Report"}]
        }))?;
        store.put_extraction(put.doc_id, &[incident], &[])?;
    }
    Ok(n as f64 / start.elapsed().as_secs_f64())
}
