//! End-to-end tests of `litopys ingest`, `events`, `export` and `review`. Every input is
//! written here, for litopys; the reports describe no real event.

use std::io::Write;
use std::path::Path;

use assert_cmd::Command;

const REVIEW: &str = "Weekly review\n\nOn February 23, in Vinnytsia, about 40 residents surrounded a TRC minibus and freed a detained man. Two TRC officers received minor injuries.\n\nThe next day, in Uzhhorod, passers-by tried to stop a detention by TRC officers. Nobody was hurt.\n";

const PAGE: &str = "<!doctype html><html><head><title>Lutsk</title></head><body><article><h1>Lutsk</h1>\
    <p>On February 9, 2026, in Lutsk, residents confronted TRC officers who were detaining a man; one officer was injured.</p>\
    </article></body></html>";

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Rivne</title><link>https://example.org/rivne</link><pubDate>Sat, 28 Feb 2026 10:00:00 GMT</pubDate>
<description>On February 28, 2026, in Rivne, a court fined a man for evading mobilisation.</description></item>
</channel></rss>"#;

const TELEGRAM: &str = r#"{"name": "News", "type": "public_channel", "id": 1, "messages": [
{"id": 7, "type": "message", "date": "2026-02-26T09:00:00", "text": "On February 26, 2026, in Pavlohrad, about 100 miners protested over unpaid wages."}]}"#;

fn litopys(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("litopys").expect("binary built");
    c.current_dir(dir);
    c
}

fn file(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::File::create(&p).and_then(|mut f| f.write_all(bytes)).expect("write fixture");
}

fn warc_record(uri: &str, body: &str, declared_len: Option<usize>) -> String {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
    let len = declared_len.unwrap_or(http.len());
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-02-25T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n{http}\r\n\r\n"
    )
}

/// A folder of good reports in every format, with one bad input of each kind among them.
fn reports(dir: &Path) {
    file(dir, "reports/review.txt", REVIEW.as_bytes());
    file(dir, "reports/pages/lutsk.html", PAGE.as_bytes());
    file(dir, "reports/feeds/news.rss", FEED.as_bytes());
    file(dir, "reports/telegram/result.json", TELEGRAM.as_bytes());
    let good = warc_record("https://example.org/mykolaiv", "<html><body><p>On February 25, 2026, in Mykolaiv, unidentified persons set fire to a TRC car.</p></body></html>", None);
    let corrupt = warc_record("https://example.org/broken", "<html><body><p>cut</p></body></html>", Some(999_999));
    file(dir, "reports/archive.warc", format!("{good}{corrupt}").as_bytes());
    // the bad ones
    file(dir, "reports/photo.jpg", &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1, 0, 0, 0, 0]);
    file(dir, "reports/pages/truncated.html", b"<!doctype html><html><head><title>Odesa</tit");
    file(dir, "reports/feeds/broken.rss", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Kherson</ti");
    file(dir, "reports/telegram/broken/result.json", br#"{"name": "News", "messages": [{"id": 1, "type": "message", "text": "On Febr"#);
}

#[test]
fn bad_inputs_are_named_and_good_ones_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    reports(dir.path());
    let out = litopys(dir.path()).args(["ingest", "reports"]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
    for bad in ["truncated.html", "broken.rss", "broken/result.json", "archive.warc"] {
        assert!(stderr.contains(bad), "{bad} not named in:\n{stderr}");
    }
    // a photo in a folder is not a report: skipped, in the summary, not a failure (issue 15)
    assert!(!stderr.contains("photo.jpg") && stdout.contains("1 files skipped") && stdout.contains("photo.jpg"), "{stdout}\n{stderr}");
    assert!(stdout.contains("5 new documents"), "{stdout}");
    assert!(dir.path().join("litopys.db").exists());
    let events = litopys(dir.path()).args(["events", "--json"]).output().expect("runs");
    let n_events = String::from_utf8_lossy(&events.stdout).lines().count();
    assert!(n_events >= 3, "{}", String::from_utf8_lossy(&events.stdout));

    // idempotent: the second run stores nothing new and finds the same events
    let again = litopys(dir.path()).args(["ingest", "reports"]).output().expect("runs");
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(stdout.contains("0 new documents, 0 near-duplicates (stored, marked), 5 already stored"), "{stdout}");
    let events2 = litopys(dir.path()).args(["events", "--json"]).output().expect("runs");
    assert_eq!(events.stdout, events2.stdout);
}

#[test]
fn good_folder_exits_zero_and_exports() {
    let dir = tempfile::tempdir().expect("temp dir");
    file(dir.path(), "in/review.txt", REVIEW.as_bytes());
    file(dir.path(), "in/page.html", PAGE.as_bytes());
    litopys(dir.path()).args(["ingest", "--published", "2026-03-02", "in"]).assert().success();
    let csv = litopys(dir.path()).args(["export", "--format", "csv"]).output().expect("runs");
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(csv.starts_with("event_id_cnty,event_date,year,"), "{csv}");
    assert_eq!(csv.lines().count(), 4, "{csv}");
    let geo = litopys(dir.path()).args(["export", "--format", "geojson", "--admin1", "Volyn"]).output().expect("runs");
    let geo: serde_json::Value = serde_json::from_slice(&geo.stdout).expect("GeoJSON is JSON");
    assert_eq!(geo["type"], "FeatureCollection");
    let f = &geo["features"][0];
    assert_eq!(f["geometry"]["type"], "Point");
    // RFC 7946: longitude first
    let lon = f["geometry"]["coordinates"][0].as_f64().unwrap_or_default();
    assert!((22.0..41.0).contains(&lon), "{f}");
    assert_eq!(f["properties"]["location"], "Lutsk");
}

#[test]
fn review_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    file(dir.path(), "page.html", PAGE.as_bytes());
    litopys(dir.path()).args(["ingest", "page.html"]).assert().success();
    let out = litopys(dir.path()).args(["events", "--json"]).output().expect("runs");
    let event: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one event");
    let id = event["id"].as_str().unwrap_or_default().to_string();
    litopys(dir.path()).args(["review", &id, "--set", "fatalities=1", "--user", "olena"]).assert().success();
    litopys(dir.path()).args(["review", &id, "--set", "fatalities=many"]).assert().failure();
    // re-ingesting a changed copy of the page does not undo the edit
    file(dir.path(), "page.html", PAGE.replace("one officer", "an officer").as_bytes());
    litopys(dir.path()).args(["ingest", "page.html"]).assert().success();
    let csv = litopys(dir.path()).args(["export", "--status", "edited"]).output().expect("runs");
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(csv.lines().nth(1).is_some_and(|row| row.contains(",1,")), "{csv}");
    let history = litopys(dir.path()).args(["review", &id, "--history"]).output().expect("runs");
    let history = String::from_utf8_lossy(&history.stdout);
    assert_eq!(history.lines().count(), 1, "{history}");
    assert!(history.contains("olena") && history.contains("\"fatalities\""), "{history}");
}

/// More documents than one batch holds: a file read in halves stores what the whole file
/// stores, and a second run stores nothing.
#[test]
fn batches_store_what_the_whole_file_stores() {
    let dir = tempfile::tempdir().expect("temp dir");
    litopys(dir.path()).args(["corpus", "--seed", "5", "--size", "3MB", "--lang", "mixed", "-o", "all.jsonl"]).assert().success();
    let all = std::fs::read_to_string(dir.path().join("all.jsonl")).expect("corpus");
    let lines: Vec<&str> = all.lines().collect();
    assert!(lines.len() > 1000, "{} documents", lines.len());
    let (first, second) = lines.split_at(lines.len() / 3);
    file(dir.path(), "halves/1.jsonl", format!("{}\n", first.join("\n")).as_bytes());
    file(dir.path(), "halves/2.jsonl", format!("{}\n", second.join("\n")).as_bytes());
    let ingest = |db: &str, input: &str| {
        let out = litopys(dir.path()).args(["ingest", "--db", db, input]).output().expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let whole = ingest("whole.db", "all.jsonl");
    let halves = ingest("halves.db", "halves");
    let counts = |stdout: &str| stdout.lines().nth(1).and_then(|l| l.split_once(": ")).map(|(_, c)| c.to_string());
    // every document is stored: new, or new and marked a near-duplicate of another (the
    // generator may write two alike)
    let stored = |stdout: &str| -> Option<usize> {
        let line = stdout.lines().find(|l| l.contains(" new documents, "))?;
        let (_, rest) = line.split_once(": ")?;
        let mut numbers = rest.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty());
        let new: usize = numbers.next()?.parse().ok()?;
        let near: usize = numbers.next()?.parse().ok()?;
        Some(new + near)
    };
    assert_eq!(stored(&whole), Some(lines.len()), "{whole}");
    assert_eq!(counts(&whole), counts(&halves), "{whole}\n{halves}");
    let again = ingest("whole.db", "all.jsonl");
    assert!(again.contains(&format!("0 new documents, 0 near-duplicates (stored, marked), {} already stored; 0 incidents", lines.len())), "{again}");
    assert_eq!(stored(&again), Some(0), "{again}");
    assert_eq!(counts(&again), counts(&whole));
}
