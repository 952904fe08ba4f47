//! Many writers, one database: two `litopys ingest` processes running at once into one
//! PostgreSQL database, each over every other report of a generated corpus, link the reports
//! into the same events as one `litopys ingest` over the whole corpus.
//!
//! Needs a PostgreSQL server: `LITOPYS_TEST_POSTGRES` holds its URL (`.ci/postgres.sh` starts
//! one and prints it). Without it the test says so and passes, except under CI (`CI` set),
//! where a missing server is a failure. The corpus is `litopys corpus`'s (crates/corpus):
//! invented reports, many of them telling the same incident in other words.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_litopys");

/// The database URL with `search_path` set to a fresh `schema`.
fn fresh_schema(url: &str, schema: &str) -> String {
    let mut admin =
        postgres::Client::connect(url, postgres::NoTls).expect("connect to LITOPYS_TEST_POSTGRES");
    admin
        .batch_execute(&format!("SET client_min_messages = warning; DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .expect("fresh schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

fn ingest(db: &str, input: &Path) -> std::process::Child {
    Command::new(BIN)
        .args(["ingest", "--db", db])
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start litopys ingest")
}

fn wait_ok(child: std::process::Child, what: &str) {
    let out = child.wait_with_output().expect("wait for litopys ingest");
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every listed event of `db` (every status), as `litopys events --json` writes it, sorted.
fn events(db: &str) -> Vec<Value> {
    let mut all = Vec::new();
    for status in ["new", "needs-date"] {
        let out = Command::new(BIN)
            .args(["events", "--json", "--db", db, "--status", status])
            .output()
            .expect("run litopys events");
        assert!(
            out.status.success(),
            "litopys events: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            all.push(serde_json::from_str(line).expect("an event as JSON"));
        }
    }
    all.sort_by_key(|e: &Value| e["id"].as_str().unwrap_or_default().to_string());
    all
}

/// What linking decides whatever order the reports were stored in: which reports' incidents
/// form each event, its (earliest) date and its (lowest) figures. The rest (the event's id,
/// its type, place and notes) is its first stored report's.
fn linking(events: &[Value]) -> Vec<String> {
    let mut all: Vec<String> = events
        .iter()
        .map(|e| {
            let mut incidents: Vec<&str> = e["sources"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s["incident"].as_str().unwrap_or_default())
                .collect();
            incidents.sort_unstable();
            let i = &e["incident"];
            let figures: Vec<String> = [
                "event_date",
                "fatalities",
                "injuries",
                "participants",
                "arrests",
            ]
            .iter()
            .map(|f| format!("{f}={}", i[*f]))
            .collect();
            format!(
                "{} [{}] {}",
                e["status"],
                incidents.join(" "),
                figures.join(" ")
            )
        })
        .collect();
    all.sort();
    all
}

/// The ids of the documents of `schema`, in the order they were stored.
fn storing_order(url: &str, schema: &str) -> Vec<String> {
    let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    let rows = c
        .query(
            &format!("SELECT doc_key FROM {schema}.documents ORDER BY id"),
            &[],
        )
        .expect("documents in order");
    rows.iter().map(|r| r.get::<_, String>(0)).collect()
}

fn assert_same<T: std::fmt::Debug + PartialEq>(what: &str, one: &[T], two: &[T]) {
    let only_one: Vec<_> = one.iter().filter(|e| !two.contains(e)).take(2).collect();
    let only_two: Vec<_> = two.iter().filter(|e| !one.contains(e)).take(2).collect();
    assert!(
        one.len() == two.len() && only_one.is_empty() && only_two.is_empty(),
        "{what}: {} events from one run, {} from two; one run only: {only_one:?}\ntwo runs only: {only_two:?}",
        one.len(),
        two.len()
    );
}

#[test]
fn two_concurrent_ingests_link_as_one_run() {
    let url = match std::env::var("LITOPYS_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must run this test against PostgreSQL: run .ci/postgres.sh"
            );
            eprintln!(
                "note: LITOPYS_TEST_POSTGRES is not set; the concurrent-ingest test did not run"
            );
            return;
        }
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus.jsonl");
    let status = Command::new(BIN)
        .args(["corpus", "--seed", "11", "--size", "5MB", "-o"])
        .arg(&corpus)
        .status()
        .expect("run litopys corpus");
    assert!(status.success());
    // each record gets an id of its own, so that a report's incidents have the same ids
    // whichever file it is read from
    let text = std::fs::read_to_string(&corpus).expect("read corpus");
    let (mut whole, mut odd, mut even) = (String::new(), String::new(), String::new());
    for (n, line) in text.lines().enumerate() {
        let mut record: Value = serde_json::from_str(line).expect("corpus record");
        record["id"] = Value::String(format!("corpus#{}", n + 1));
        let line = format!("{record}\n");
        whole.push_str(&line);
        if n % 2 == 0 { &mut odd } else { &mut even }.push_str(&line);
    }
    let n_reports = text.lines().count();
    assert!(
        n_reports > 1500,
        "a corpus of {n_reports} reports is too small to interleave"
    );
    for (name, body) in [
        ("whole.jsonl", &whole),
        ("odd.jsonl", &odd),
        ("even.jsonl", &even),
    ] {
        std::fs::write(dir.path().join(name), body).expect("write input");
    }

    let single = fresh_schema(&url, "t_ingest_single");
    wait_ok(
        ingest(&single, &dir.path().join("whole.jsonl")),
        "the single ingest",
    );

    let shared = fresh_schema(&url, "t_ingest_concurrent");
    let a = ingest(&shared, &dir.path().join("odd.jsonl"));
    let b = ingest(&shared, &dir.path().join("even.jsonl"));
    wait_ok(a, "the ingest of odd reports");
    wait_ok(b, "the ingest of even reports");

    // the same linking as one run over the corpus in its own order
    let (one, two) = (events(&single), events(&shared));
    assert!(one.len() > 50, "too few events to tell: {}", one.len());
    let linked = one
        .iter()
        .filter(|e| e["sources"].as_array().is_some_and(|s| s.len() > 1))
        .count();
    assert!(
        linked > 10,
        "only {linked} events link more than one report"
    );
    assert_same("linking", &linking(&one), &linking(&two));

    // and exactly the events of one run storing the reports in the order the two runs did
    let by_id: std::collections::HashMap<String, &str> = whole
        .lines()
        .map(|l| {
            (
                serde_json::from_str::<Value>(l)
                    .map(|r| r["id"].as_str().unwrap_or_default().to_string())
                    .unwrap_or_default(),
                l,
            )
        })
        .collect();
    let order = storing_order(&url, "t_ingest_concurrent");
    assert_eq!(order.len(), n_reports, "every report stored once");
    let replay: String = order.iter().map(|id| format!("{}\n", by_id[id])).collect();
    std::fs::write(dir.path().join("replay.jsonl"), replay).expect("write input");
    let serial = fresh_schema(&url, "t_ingest_serial");
    wait_ok(
        ingest(&serial, &dir.path().join("replay.jsonl")),
        "the single ingest in the same order",
    );
    assert_same("events", &events(&serial), &two);
}
