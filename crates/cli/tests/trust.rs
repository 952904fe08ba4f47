//! Issue 15, through the binary as a new user runs it: dates from the documents themselves,
//! undated incidents kept as `needs-date`, corrections (`documents date`, `reextract`) that keep
//! analysts' decisions, read commands that never create a database, folders read for reports
//! only, flat ACLED rows, and messages a person understands. Every report here was written for
//! these tests and describes no real event.

use std::path::Path;

use assert_cmd::Command;

/// A Ukrainian post with no date of its own: "yesterday" cannot be dated.
const UNDATED: &str = "У Житомирі мешканці завадили працівникам ТЦК затримати чоловіка\n\n\
Учора близько 18:00 на вулиці Київській у Житомирі група з п'ятнадцяти людей оточила автомобіль ТЦК та СП і не дала вивезти затриманого. Один військовослужбовець дістав травми.\n";

/// An English report with a byline date, as news sites print it.
const DATED: &str = "Unrest in the west\nMarch 3, 2026 10:15 AM\n\n\
On March 2, in Lutsk, about 200 workers of the city bus depot protested over unpaid wages.\n\n\
On March 1, in Rivne, about 30 residents blocked a TRC minibus and freed a detained man. One officer was injured.\n";

/// A Russian post whose dateline is the only date: "yesterday" is the day before it.
const DATELINE: &str = "В Черкассах задержали мужчину\n14:12 25.12.2025\n\n\
Вчера в Черкассах около двадцати человек окружили сотрудников ТЦК и не дали увезти задержанного. Пострадавших нет.\n";

fn litopys(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("litopys").expect("binary built");
    c.current_dir(dir);
    c
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(p, bytes).expect("fixture");
}

/// Runs litopys in `dir`; returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = litopys(dir).args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The id of the event listed at `place` by `events` (with extra arguments).
fn event_at(dir: &Path, place: &str, extra: &[&str]) -> Option<String> {
    let mut args = vec!["events"];
    args.extend_from_slice(extra);
    let (_, out, _) = run(dir, &args);
    out.lines().find(|l| l.contains(place)).and_then(|l| l.split_whitespace().next()).map(str::to_string)
}

fn json_events(dir: &Path) -> Vec<serde_json::Value> {
    let (_, out, _) = run(dir, &["events", "--json"]);
    out.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
}

#[test]
fn undated_post_is_kept_then_dated_keeping_reviews() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "reports/zhytomyr.uk.txt", UNDATED.as_bytes());
    write(d, "reports/west.en.txt", DATED.as_bytes());
    let (code, out, err) = run(d, &["ingest", "reports"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("zhytomyr.uk.txt: no publication date") && err.contains("1 incidents kept as needs-date"), "{err}");
    assert!(err.contains("1 documents without a publication date"), "{err}");
    // kept, listed apart, left out of listings and exports until dated
    let waiting = event_at(d, "Zhytomyr", &["--status", "needs-date"]).expect("needs-date event listed");
    assert!(event_at(d, "Zhytomyr", &[]).is_none());
    let (_, csv, _) = run(d, &["export"]);
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(!csv.contains("Zhytomyr"), "{csv}");
    // the byline dated the English report: "March 2" and "March 1" of 2026
    let rivne = event_at(d, "Rivne", &[]).expect("Rivne");
    let lutsk = event_at(d, "Lutsk", &[]).expect("Lutsk");
    assert_eq!(run(d, &["review", &rivne, "--confirm"]).0, 0);
    assert_eq!(run(d, &["review", &lutsk, "--set", "participants=250"]).0, 0);

    let (_, docs, _) = run(d, &["documents", "--status", "undated"]);
    assert_eq!(docs.lines().count(), 1, "{docs}");
    assert!(docs.contains("zhytomyr.uk.txt") && docs.contains("(no date)"), "{docs}");
    let id = docs.split_whitespace().next().expect("document id").to_string();
    assert_eq!(run(d, &["documents", "date", &id, "2026-03-05"]).0, 0);
    let (code, out, err) = run(d, &["reextract"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("re-dated  {waiting} (no date) -> 2026-03-04")), "{out}");
    assert!(out.contains("0 events added, 0 removed, 1 re-dated"), "{out}");

    let events = json_events(d);
    let by_id = |id: &str| events.iter().find(|e| e["id"] == id).cloned().unwrap_or_default();
    assert_eq!(by_id(&waiting)["status"], "new");
    assert_eq!(by_id(&waiting)["incident"]["event_date"], "2026-03-04");
    assert_eq!(by_id(&rivne)["status"], "confirmed");
    assert_eq!(by_id(&rivne)["incident"]["event_date"], "2026-03-01");
    assert_eq!(by_id(&lutsk)["status"], "edited");
    assert_eq!(by_id(&lutsk)["incident"]["participants"], 250);
    assert!(run(d, &["documents", "--status", "undated"]).1.is_empty());
}

/// An English report with a byline: a crowd in Zhytomyr on 5 March.
const ZHYTOMYR_EN: &str = "Crowd frees a man in Zhytomyr\nMarch 6, 2026 9:40 AM\n\n\
On March 5, in Zhytomyr, about twenty residents surrounded a TRC car and freed a detained man. One officer was injured.\n";

/// An English post with no date of its own, about a crowd in Zhytomyr "yesterday".
const ZHYTOMYR_LATER: &str = "Residents block a TRC car\n\n\
Yesterday, in Zhytomyr, about 25 residents surrounded a TRC car and freed a detained man. One officer was injured.\n";

#[test]
fn reextract_relinks_redated_reports() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "a/zhytomyr.en.txt", ZHYTOMYR_EN.as_bytes());
    write(d, "a/zhytomyr.uk.txt", UNDATED.as_bytes());
    write(d, "b/later.en.txt", ZHYTOMYR_LATER.as_bytes());
    assert_eq!(run(d, &["ingest", "a"]).0, 0);
    // dated by a wrong --published, the post joins the byline's event of 5 March
    assert_eq!(run(d, &["ingest", "--published", "2026-03-06", "b"]).0, 0);
    let event = event_at(d, "Zhytomyr", &[]).expect("the 5 March event");
    let reports = |events: &[serde_json::Value], id: &str| -> Vec<String> {
        let e = events.iter().find(|e| e["id"] == id).cloned().unwrap_or_default();
        e["sources"].as_array().map(|s| s.iter().map(|s| s["document"].as_str().unwrap_or("").to_string()).collect()).unwrap_or_default()
    };
    assert_eq!(reports(&json_events(d), &event).len(), 2, "{:?}", json_events(d));
    let waiting = event_at(d, "Zhytomyr", &["--status", "needs-date"]).expect("needs-date event");
    // the undated post was written on 6 March; the other one on 21 March
    let (_, docs, _) = run(d, &["documents"]);
    let id_of = |name: &str| docs.lines().find(|l| l.contains(name)).and_then(|l| l.split_whitespace().next()).unwrap_or("").to_string();
    assert_eq!(run(d, &["documents", "date", &id_of("zhytomyr.uk.txt"), "2026-03-06"]).0, 0);
    assert_eq!(run(d, &["documents", "date", &id_of("later.en.txt"), "2026-03-21"]).0, 0);
    let (code, out, err) = run(d, &["reextract"]);
    assert_eq!(code, 0, "{err}");
    // the dated post joins the event it now matches; its own event goes
    assert!(out.contains(&format!("removed   {waiting} (no date)")), "{out}");
    assert!(out.contains(&format!("re-linked {event} joined by a/zhytomyr.uk.txt#")), "{out}");
    // the re-dated one leaves it for an event of its own on 20 March
    assert!(out.contains("left by b/later.en.txt#"), "{out}");
    assert!(out.contains("added") && out.contains("2026-03-20 Zhytomyr"), "{out}");
    assert!(out.contains("1 events added, 1 removed") && out.contains("1 re-linked"), "{out}");
    let events = json_events(d);
    let mut now = reports(&events, &event);
    now.sort();
    assert_eq!(now, ["a/zhytomyr.en.txt", "a/zhytomyr.uk.txt"]);
    let dates: Vec<&str> = events.iter().filter(|e| e["incident"]["location"] == "Zhytomyr").filter_map(|e| e["incident"]["event_date"].as_str()).collect();
    assert_eq!(dates.len(), 2, "{events:?}");
    assert!(dates.contains(&"2026-03-05") && dates.contains(&"2026-03-20"), "{dates:?}");
    // nothing left to move: a second run changes nothing
    let (_, again, _) = run(d, &["reextract"]);
    assert!(again.contains("0 events added, 0 removed, 0 re-dated, 0 re-placed, 0 re-linked"), "{again}");
}

#[test]
fn reextract_keeps_reports_an_analyst_placed() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "a/zhytomyr.en.txt", ZHYTOMYR_EN.as_bytes());
    write(d, "b/later.en.txt", ZHYTOMYR_LATER.as_bytes());
    assert_eq!(run(d, &["ingest", "a"]).0, 0);
    assert_eq!(run(d, &["ingest", "--published", "2026-03-06", "b"]).0, 0);
    let event = event_at(d, "Zhytomyr", &[]).expect("the 5 March event");
    // an analyst confirmed the event with both reports: re-dating one report moves nothing
    assert_eq!(run(d, &["review", &event, "--confirm"]).0, 0);
    let (_, docs, _) = run(d, &["documents"]);
    let later = docs.lines().find(|l| l.contains("later.en.txt")).and_then(|l| l.split_whitespace().next()).unwrap_or("").to_string();
    assert_eq!(run(d, &["documents", "date", &later, "2026-03-21"]).0, 0);
    let (code, out, err) = run(d, &["reextract", "--document", &later]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("0 events added, 0 removed, 0 re-dated, 0 re-placed, 0 re-linked"), "{out}");
    let events = json_events(d);
    let e = events.iter().find(|e| e["id"] == event.as_str()).cloned().unwrap_or_default();
    assert_eq!(e["status"], "confirmed");
    assert_eq!(e["incident"]["event_date"], "2026-03-05");
    assert_eq!(e["sources"].as_array().map(Vec::len), Some(2), "{e}");
}

/// "Yesterday" counted from a publication date two weeks before the day the text names.
const EARLY_YESTERDAY: &str = "Yesterday, in Rivne, about 30 residents blocked a TRC minibus and freed a detained man. One officer was injured.\n\n\
The minibus had been handed to the Rivne TRC by the city council on 18 March 2026.\n";

/// "Two days later" after the day before publication: past the publication date.
const LATE_FOLLOW_UP: &str = "Yesterday, in Rivne, about 30 residents blocked a TRC minibus and freed a detained man.\n\n\
On March 1, in Lutsk, about 200 workers of the city bus depot protested over unpaid wages.\n\n\
Two days later, in Lutsk, the workers blocked the road to the depot.\n";

#[test]
fn relative_dates_against_the_text_are_warned_with_evidence() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "early.en.txt", EARLY_YESTERDAY.as_bytes());
    write(d, "late.en.txt", LATE_FOLLOW_UP.as_bytes());
    // the same report with its true date: nothing to warn about
    write(d, "fine.en.txt", EARLY_YESTERDAY.replace("18 March 2026", "18 February 2026").as_bytes());
    let early = "early.en.txt: warning: \"Yesterday\" (byte 0) dates an incident 2026-03-01 counting from the publication date 2026-03-02, before every day the text names (the earliest, \"18 March 2026\"";
    let late = "late.en.txt: warning: \"Two days later\"";
    let (code, _, err) = run(d, &["extract", "--published", "2026-03-02", "early.en.txt", "late.en.txt", "fine.en.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(early), "{err}");
    assert!(err.contains(late) && err.contains("counts from the incident before it (2026-03-01) to 2026-03-03, after the publication date 2026-03-02"), "{err}");
    assert!(!err.contains("fine.en.txt: warning"), "{err}");
    // ingest says the same, once each
    let (code, _, err) = run(d, &["ingest", "--published", "2026-03-02", "early.en.txt", "late.en.txt", "fine.en.txt"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches(early).count(), 1, "{err}");
    assert_eq!(err.matches(late).count(), 1, "{err}");
    assert!(!err.contains("fine.en.txt: warning"), "{err}");
}

#[test]
fn ingest_reads_a_large_text_file_in_sections() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    // over 8 MiB: an incident, then numbered notes that report nothing
    let mut big = String::from("Unrest in the west\nMarch 3, 2026 10:15 AM\n\n\
        On March 1, in Rivne, about 30 residents blocked a TRC minibus and freed a detained man. One officer was injured.\n\n");
    let mut n = 0;
    while big.len() < 9 << 20 {
        n += 1;
        big.push_str(&format!("Note {n}: the archive keeps timetables, notices of road repairs and the weather for week {}.\n\n", n % 52));
    }
    write(d, "dump.txt", big.as_bytes());
    let (code, out, err) = run(d, &["ingest", "dump.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 files:"), "{out}");
    // sections of about a megabyte, each a document dated by the file's own byline
    let (_, docs, _) = run(d, &["documents"]);
    assert!((9..=10).contains(&docs.lines().count()), "{docs}");
    assert!(docs.lines().all(|l| l.contains("2026-03-03") && l.contains("dump.txt#s")), "{docs}");
    assert!(event_at(d, "Rivne", &[]).is_some());
}

#[test]
fn reextract_with_a_changed_codebook_reports_its_changes() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "west.en.txt", DATED.as_bytes());
    assert_eq!(run(d, &["ingest", "west.en.txt"]).0, 0);
    // the shipped codebook without its peaceful-protest rules
    let shipped = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/codebook.toml")).expect("codebook");
    let kept: Vec<&str> = shipped.split("[[event]]").filter(|rule| !rule.contains("sub_event_type = \"Peaceful protest\"")).collect();
    write(d, "no-protests.toml", kept.join("[[event]]").as_bytes());
    let lutsk = event_at(d, "Lutsk", &[]).expect("Lutsk");
    let (code, out, err) = run(d, &["reextract", "--codebook", "no-protests.toml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("removed   {lutsk} 2026-03-02 Lutsk")), "{out}");
    assert!(out.contains("1 documents extracted again: 0 events added, 1 removed"), "{out}");
    assert!(event_at(d, "Rivne", &[]).is_some());
}

#[test]
fn read_commands_never_create_a_database() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    for args in [
        vec!["events", "--db", "litopys.bd"],
        vec!["export", "--db", "litopys.bd"],
        vec!["report", "--db", "litopys.bd", "--from", "2026-03-01", "--to", "2026-03-31"],
        vec!["review", "UKR1", "--confirm", "--db", "litopys.bd"],
        vec!["documents", "--db", "litopys.bd"],
        vec!["reextract", "--db", "litopys.bd"],
        vec!["serve", "--db", "litopys.bd", "--addr", "127.0.0.1:0"],
    ] {
        let (code, _, err) = run(d, &args);
        assert_ne!(code, 0, "{args:?}");
        assert!(err.contains("no database at litopys.bd") && err.contains("litopys ingest"), "{args:?}: {err}");
        assert!(!d.join("litopys.bd").exists(), "{args:?} created the file");
    }
    write(d, "post.txt", DATED.as_bytes());
    let (code, _, err) = run(d, &["ingest", "--db", "new.db", "post.txt"]);
    assert_eq!(code, 0);
    assert!(err.contains("created database new.db"), "{err}");
}

#[test]
fn folders_are_read_for_reports_only() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "in/post.en.txt", DATED.as_bytes());
    write(d, "in/page.html", b"<!doctype html><html><body><article><p>On March 1, 2026, in Rivne, about 30 residents blocked a TRC minibus and freed a detained man.</p></article></body></html>");
    write(d, "in/.notes.txt", b"private notes, hidden");
    write(d, "in/.git/config", b"[core]\n\tbare = false\n");
    write(d, "in/tool", b"\x7fELF\x02\x01\x01\x00\x00\x00binary");
    write(d, "in/app.conf", b"[server]\nport = 8080\n");
    write(d, "in/shadow", b"root:$6$saltsalt$hash:19000:0:99999:7:::\n");
    write(d, "in/settings.json", b"{\"theme\": \"dark\"}\n");
    let (code, out, err) = run(d, &["ingest", "in"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("2 files: 2 new documents"), "{out}");
    assert!(out.contains("6 files skipped, not reports"), "{out}");
    let (_, docs, _) = run(d, &["documents"]);
    assert_eq!(docs.lines().count(), 2, "{docs}");
    assert!(docs.contains("post.en.txt") && docs.contains("page.html"), "{docs}");
}

#[test]
fn failures_are_named_once_and_exit_codes_agree() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    let line = serde_json::json!({ "text": DATED, "url": "https://example.org/west" }).to_string();
    write(d, "half.jsonl", format!("{line}\n{{broken\n").as_bytes());
    write(d, "empty.jsonl", b"");
    for file in ["half.jsonl", "empty.jsonl"] {
        let (extract, _, extract_err) = run(d, &["extract", file]);
        let (ingest, ingest_out, ingest_err) = run(d, &["ingest", "--db", "x.db", file]);
        assert_eq!((extract, ingest), (1, 1), "{file}: {extract_err} / {ingest_err}");
        assert_eq!(ingest_err.matches(file).count(), 1, "{file} named once: {ingest_err}{ingest_out}");
        assert!(!ingest_out.contains(file), "{ingest_out}");
    }
    for command in [&["--help"][..], &["extract", "--help"], &["ingest", "--help"]] {
        let (_, help, _) = run(d, command);
        assert!(help.contains("Exit codes: 0") && help.contains("1 some input") && help.contains("2 usage"), "{command:?}: {help}");
    }
    // usage: 2, for both
    assert_eq!(run(d, &["extract", "--no-such-option", "half.jsonl"]).0, 2);
    assert_eq!(run(d, &["ingest", "--published", "someday", "half.jsonl"]).0, 2);
    // all read: 0
    write(d, "good.jsonl", format!("{line}\n").as_bytes());
    assert_eq!(run(d, &["extract", "good.jsonl"]).0, 0);
    assert_eq!(run(d, &["ingest", "--db", "y.db", "good.jsonl"]).0, 0);
}

#[test]
fn documents_date_themselves_and_published_is_the_fallback() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "in/cherkasy.ru.txt", DATELINE.as_bytes());
    write(d, "in/2026-03-05-zhytomyr.uk.txt", UNDATED.as_bytes());
    write(d, "in/west.en.txt", DATED.as_bytes());
    write(d, "undated.uk.txt", UNDATED.replace("Житомирі", "Вінниці").as_bytes());
    let (code, _, err) = run(d, &["ingest", "--published", "2020-01-01", "in", "undated.uk.txt"]);
    assert_eq!(code, 0, "{err}");
    let dates: Vec<(String, String)> = json_events(d)
        .iter()
        .map(|e| (e["incident"]["location"].as_str().unwrap_or("").to_string(), e["incident"]["event_date"].as_str().unwrap_or("").to_string()))
        .collect();
    for (place, date) in [("Cherkasy", "2025-12-24"), ("Zhytomyr", "2026-03-04"), ("Lutsk", "2026-03-02"), ("Vinnytsia", "2019-12-31")] {
        assert!(dates.contains(&(place.to_string(), date.to_string())), "{place} {date}: {dates:?}");
    }
    // only the document without a date of its own took --published, and that is said
    assert!(err.contains("undated.uk.txt: no date of its own") && err.contains("--published 2020-01-01"), "{err}");
    assert_eq!(err.matches("no date of its own").count(), 1, "{err}");
    // extract says why an undated post gives nothing
    let (code, out, err) = run(d, &["extract", "undated.uk.txt"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.contains("no publication date") && err.contains("--published"), "{err}");
}

#[test]
fn exports_are_flat_acled_rows() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    let line = serde_json::json!({ "text": DATED, "url": "https://www.example-news.org/west/123" }).to_string();
    write(d, "west.jsonl", format!("{line}\n").as_bytes());
    assert_eq!(run(d, &["ingest", "west.jsonl"]).0, 0);
    let (_, out, _) = run(d, &["export", "--format", "jsonl"]);
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = out.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    assert_eq!(rows.len(), 2, "{out}");
    out.lines().for_each(assert_acled_order);
    for row in &rows {
        assert!(!row.contains_key("incident"), "flat, not nested");
        for k in ["status", "injuries", "participants", "arrests", "weapons", "sources", "evidence"] {
            assert!(row.contains_key(k), "{k}");
        }
        assert_eq!(row["year"], 2026);
        assert_eq!(row["iso"], 804);
        assert_eq!(row["region"], "Europe");
        assert_eq!(row["source"], "example-news.org", "the publisher, not a path");
        assert!(row["latitude"].is_f64() && row["timestamp"].is_i64() && row["tags"].is_array());
        assert_eq!(row["sources"][0]["url"], "https://www.example-news.org/west/123");
    }
    let rivne = rows.iter().find(|r| r["location"] == "Rivne").cloned().unwrap_or_default();
    assert_eq!((rivne["inter1"].as_str(), rivne["inter2"].as_str()), (Some("Rioters"), Some("State forces")));
    assert_eq!(rivne["interaction"], "State forces-Rioters");
    // CSV: the same ACLED columns, in ACLED's order
    let (_, csv, _) = run(d, &["export"]);
    let header: Vec<&str> = csv.lines().next().unwrap_or("").split(',').collect();
    assert_eq!(&header[..litopys_model::ACLED_COLUMNS.len()], litopys_model::ACLED_COLUMNS);
    // GeoJSON: properties with their JSON types
    let (_, geo, _) = run(d, &["export", "--format", "geojson"]);
    let geo: serde_json::Value = serde_json::from_str(&geo).unwrap_or_default();
    let props = &geo["features"][0]["properties"];
    assert!(props["fatalities"].is_u64() && props["latitude"].is_f64() && props["year"].is_u64(), "{props}");
    // extract writes the same row shape
    let (_, out, _) = run(d, &["extract", "west.jsonl"]);
    assert_eq!(out.lines().count(), 2, "{out}");
    out.lines().for_each(assert_acled_order);
}

/// Every ACLED column is a key of the JSON line, in ACLED's order, before litopys' own.
fn assert_acled_order(line: &str) {
    let at: Vec<Option<usize>> = litopys_model::ACLED_COLUMNS.iter().map(|c| line.find(&format!("\"{c}\":"))).collect();
    assert!(at.iter().all(Option::is_some), "{line}");
    assert!(at.windows(2).all(|w| w[0] < w[1]), "ACLED's order: {line}");
    assert!(at.last().copied().flatten() < line.find("\"injuries\":"), "{line}");
}

#[test]
fn messages_a_person_understands() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    write(d, "west.en.txt", DATED.as_bytes());
    assert_eq!(run(d, &["ingest", "west.en.txt"]).0, 0);
    for from in ["2026-3-1", "01.03.2026", "2026-03-01"] {
        let (code, out, err) = run(d, &["events", "--from", from]);
        assert_eq!(code, 0, "{from}: {err}");
        assert_eq!(out.lines().count(), 2, "{from}");
    }
    let (code, _, err) = run(d, &["events", "--from", "1 March"]);
    assert_eq!(code, 2);
    assert!(err.contains("write it as 2026-03-01"), "{err}");
    let rivne = event_at(d, "Rivne", &[]).expect("Rivne");
    let (code, _, err) = run(d, &["review", &rivne, "--set", "injuries=many"]);
    assert_ne!(code, 0);
    assert!(err.contains("injuries takes a whole number or null, not \"many\""), "{err}");
    let (_, _, err) = run(d, &["review", &rivne, "--set", "foo=3"]);
    assert!(err.contains("no field \"foo\"") && err.contains("participants") && err.contains("event_date"), "{err}");
    // a port in use: said once, with a way out; localhost:PORT is accepted
    let busy = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = busy.local_addr().expect("addr").port();
    let addr = format!("localhost:{port}");
    let (code, _, err) = run(d, &["serve", "--public", "--addr", &addr]);
    assert_ne!(code, 0);
    assert_eq!(err.matches("in use").count(), 1, "{err}");
    assert!(err.contains("--addr 127.0.0.1:"), "{err}");
    let (_, help, _) = run(d, &["export", "--help"]);
    assert!(help.contains("Parquet") && !help.contains("not offered"), "{help}");
}
