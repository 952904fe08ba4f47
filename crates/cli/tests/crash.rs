//! Crash safety of `litopys ingest`: the process is killed with SIGKILL at seeded random
//! moments over a batch of generated reports, restarted after each kill, then left to finish.
//! The database must then hold every report exactly once, pass SQLite's integrity checks, and
//! keep every analyst's decision taken before the batch, as if nothing had happened.
//!
//! Why from outside: the kill must land anywhere in the real program (inside a transaction,
//! between a document and its extraction, while opening the database), and the test must stay
//! valid whatever the ingest code looks like inside. The database is read with rusqlite
//! directly, not through litopys, so a litopys bug cannot hide itself.
//!
//! As a last check, the same batch is ingested without interruption into a copy of the
//! database taken before the kills: both must end with the same incidents in the same events.
//! With 10,000 short reports the test takes about 70 s in a debug build on 2 shared cores.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use litopys_corpus::{Generator, Lang};
use rusqlite::Connection;

const SEED: u64 = 9;

#[test]
fn ten_thousand_reports_survive_sigkill() {
    let (n_docs, n_kills) = (10_000, 8);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("litopys.db");
    let all = dir.path().join("all.jsonl");
    let part = dir.path().join("part.jsonl");
    let lines = short_reports(n_docs);
    write_lines(&all, &lines);
    write_lines(&part, &lines[..n_docs / 10]);
    let expected = texts_as_read(&all);
    assert_eq!(expected.len(), n_docs, "the generated reports must all differ");

    let started = Instant::now();
    let out = ingest(&part, &db);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let part_time = started.elapsed();
    let reviewed = review_some(&db);
    let before = reviewed_state(&db, &reviewed);
    let history = review_history(&db);
    assert!(history.len() >= reviewed.len(), "every review is in the history");

    let reference = dir.path().join("reference.db");
    let mut uninterrupted = start_reference(&db, &reference, &all);

    // the tenth is about two batches: kill within about one batch after a commit
    let stored_before_kills = count(&db, "documents");
    let landed = kill_repeatedly(&all, &db, n_kills, part_time / 2);
    let stored_at_last_kill = count(&db, "documents");
    let out = ingest(&all, &db);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(uninterrupted.wait().unwrap().success());
    eprintln!(
        "crash test: {n_docs} reports, {landed} of {n_kills} kills landed while ingest ran, {:.1} s in all",
        started.elapsed().as_secs_f64()
    );
    assert!(landed > 0, "no kill landed while ingest was running; the test proved nothing");
    assert!(stored_at_last_kill > stored_before_kills, "the killed runs committed nothing");

    let conn = Connection::open(&db).unwrap();
    check_documents(&conn, &expected);
    check_integrity(&conn);
    assert_eq!(reviewed_state(&db, &reviewed), before, "a reviewed event changed");
    assert_eq!(review_history(&db), history, "the review history changed");
    check_reviewed_values(&db);
    check_same_as(&conn, &Connection::open(&reference).unwrap());
}

/// Copies `db` to `reference` and starts an uninterrupted ingest of `input` into the copy.
fn start_reference(db: &Path, reference: &Path, input: &Path) -> std::process::Child {
    Connection::open(db).unwrap().execute("VACUUM INTO ?1", [reference.display().to_string()]).unwrap();
    litopys(&["ingest", &input.display().to_string(), "--db", &reference.display().to_string()]).stdout(Stdio::null()).spawn().unwrap()
}

/// Documents, incidents with their events, events and statistics are row for row the same.
fn check_same_as(conn: &Connection, reference: &Connection) {
    for sql in [
        "SELECT id, content_hash, near_duplicate_of, extracted FROM documents ORDER BY id",
        "SELECT doc_id, incident_key, event_id, pinned, data FROM incidents ORDER BY doc_id, incident_key",
        "SELECT id, status, data, frozen, edits FROM events ORDER BY id",
        "SELECT doc_id, data FROM statistics ORDER BY doc_id, data",
    ] {
        assert!(rows(conn, sql) == rows(reference, sql), "differs from the uninterrupted run: {sql}");
    }
}

/// Every row of a query, each column as text.
fn rows(conn: &Connection, sql: &str) -> Vec<Vec<Option<String>>> {
    let mut st = conn.prepare(sql).unwrap();
    let n = st.column_count();
    let rows = st.query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| text(&v))).collect()).unwrap();
    rows.map(Result::unwrap).collect()
}

fn text(v: &rusqlite::types::Value) -> Option<String> {
    use rusqlite::types::Value;
    match v {
        Value::Null => None,
        Value::Integer(n) => Some(n.to_string()),
        Value::Real(x) => Some(x.to_string()),
        Value::Text(t) => Some(t.clone()),
        Value::Blob(b) => Some(format!("{b:?}")),
    }
}

/// `n` short reports (headline and first incident paragraph of generated articles) as JSON
/// Lines, every one with words of its own.
fn short_reports(n: usize) -> Vec<String> {
    let mut gen = Generator::new(SEED, Lang::Mixed);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let a = gen.article();
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        let text = format!("{}\n\n{}", paras[0], paras.get(2).unwrap_or(&paras[1]));
        if !seen.insert(words(&text)) {
            continue;
        }
        out.push(serde_json::json!({ "text": text, "published": a.published, "title": a.title, "url": a.url }).to_string());
    }
    out
}

/// The words of a text as the store compares documents: letters and digits, lower-cased.
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

fn write_lines(path: &Path, lines: &[String]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for l in lines {
        writeln!(f, "{l}").unwrap();
    }
    f.flush().unwrap();
}

/// The documents' texts as litopys reads them from `path`.
fn texts_as_read(path: &Path) -> HashSet<String> {
    let mut texts = HashSet::new();
    for (_, batch) in litopys_ingest::walk(&[path.to_path_buf()]) {
        texts.extend(batch.unwrap().documents.into_iter().map(|d| d.text));
    }
    texts
}

fn litopys(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_litopys"));
    c.args(args).env("LITOPYS_LOG", "error");
    c
}

fn ingest(input: &Path, db: &Path) -> Output {
    litopys(&["ingest", &input.display().to_string(), "--db", &db.display().to_string()]).output().unwrap()
}

/// Starts ingest `n_kills` times; each time waits until that run has committed something (so
/// every kill finds work done to keep and work under way to lose, whatever the speed of the
/// build), then kills it with SIGKILL after a further seeded random delay of up to `span` (about
/// one batch). Returns how many kills found it still running.
fn kill_repeatedly(input: &Path, db: &Path, n_kills: usize, span: Duration) -> usize {
    let mut rng = SEED;
    let mut landed = 0;
    for _ in 0..n_kills {
        let before = count(db, "documents");
        let mut child = litopys(&["ingest", &input.display().to_string(), "--db", &db.display().to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(300);
        while child.try_wait().unwrap().is_none() && count(db, "documents") <= before && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        let delay = span.mul_f64(next_unit(&mut rng));
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            landed += 1;
        }
        child.wait().unwrap();
        eprintln!("killed {:.2} s after a commit: {} documents stored", delay.as_secs_f64(), count(db, "documents"));
    }
    landed
}

/// A number in [0, 1) from a xorshift64* generator.
fn next_unit(state: &mut u64) -> f64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

/// Reviews a few events through `litopys review`: confirms, edits, a rejection and a merge.
/// Returns the ids of the events that remain.
fn review_some(db: &Path) -> Vec<String> {
    let db = db.display().to_string();
    let out = litopys(&["events", "--json", "--db", &db]).output().unwrap();
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.len() >= 12, "too few events to review: {}", ids.len());
    let step = ids.len() / 12;
    let pick = |i: usize| ids[i * step].as_str();
    let reviews: [(&str, &[&str]); 9] = [
        (pick(0), &["--confirm"]),
        (pick(1), &["--confirm"]),
        (pick(2), &["--set", "fatalities=3"]),
        (pick(3), &["--set", "injuries=2"]),
        (pick(3), &["--set", "notes=Checked against the police statement."]),
        (pick(4), &["--set", "location=Lutsk"]),
        (pick(5), &["--reject"]),
        (pick(6), &["--merge", pick(7)]),
        (pick(8), &["--set", "fatalities=0"]),
    ];
    for (id, action) in reviews {
        let mut args = vec!["review", id, "--db", &db, "--user", "desk"];
        args.extend(action);
        let out = litopys(&args).output().unwrap();
        assert!(out.status.success(), "review {id} {action:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    [0, 1, 2, 3, 4, 5, 6, 8].iter().map(|&i| pick(i).to_string()).collect()
}

/// Status, frozen values and edits of each event, straight from the table.
fn reviewed_state(db: &Path, ids: &[String]) -> BTreeMap<String, (String, Option<String>, String)> {
    let conn = Connection::open(db).unwrap();
    let mut out = BTreeMap::new();
    for id in ids {
        let row = conn
            .query_row("SELECT status, frozen, edits FROM events WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap_or_else(|e| panic!("event {id}: {e}"));
        out.insert(id.clone(), row);
    }
    out
}

fn review_history(db: &Path) -> Vec<(i64, String, String, String, String)> {
    let conn = Connection::open(db).unwrap();
    let mut st = conn.prepare("SELECT id, event_id, actor, at, action FROM review_history ORDER BY id").unwrap();
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

/// The values set by hand are the ones `litopys events` shows.
fn check_reviewed_values(db: &Path) {
    let db = db.display().to_string();
    let out = litopys(&["events", "--json", "--status", "edited", "--db", &db]).output().unwrap();
    let events: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let has = |field: &str, value: serde_json::Value| events.iter().any(|e| e["incident"][field] == value);
    assert!(has("fatalities", 3.into()), "fatalities=3 lost");
    assert!(has("injuries", 2.into()), "injuries=2 lost");
    assert!(has("notes", "Checked against the police statement.".into()), "notes lost");
    assert!(has("location", "Lutsk".into()), "location lost");
}

/// Every input text is stored exactly once, and every stored document was extracted.
fn check_documents(conn: &Connection, expected: &HashSet<String>) {
    let mut st = conn.prepare("SELECT text FROM documents").unwrap();
    let stored: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let distinct: HashSet<&String> = stored.iter().collect();
    assert_eq!(stored.len(), distinct.len(), "a document is stored twice");
    assert_eq!(stored.len(), expected.len(), "documents stored vs reports in the batch");
    assert!(stored.iter().all(|t| expected.contains(t)), "a stored text is not one of the inputs");
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT count(DISTINCT content_hash) FROM documents"), stored.len() as i64);
    assert_eq!(one("SELECT count(*) FROM documents WHERE extracted = 0"), 0, "a document was never extracted");
    assert_eq!(one("SELECT count(*) FROM incidents WHERE event_id NOT IN (SELECT id FROM events)"), 0, "an incident lost its event");
}

/// `PRAGMA integrity_check` is ok, no foreign key is broken, and the full-text index agrees
/// with the documents table.
fn check_integrity(conn: &Connection) {
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let mut st = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let broken: Vec<String> = st.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect();
    assert!(broken.is_empty(), "foreign keys broken in {broken:?}");
    conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')", []).unwrap();
}
