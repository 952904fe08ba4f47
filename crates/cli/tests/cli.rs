//! End-to-end tests of the `litopys` binary. Every input is written here, for litopys.

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;

const REVIEW: &str = "Weekly review\n\nOn February 23, in Vinnytsia, about 40 residents surrounded a TRC minibus and freed a detained man. Two TRC officers received minor injuries.\n\nThe next day, in Uzhhorod, passers-by tried to stop a detention by TRC officers. Nobody was hurt.\n";

fn litopys() -> Command {
    Command::cargo_bin("litopys").expect("binary built")
}

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::File::create(&p).and_then(|mut f| f.write_all(bytes)).expect("write fixture");
    p
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn jsonl_with_acled_keys_and_evidence() {
    let out = litopys().args(["extract", "--published", "2026-03-02", "-"]).write_stdin(REVIEW).assert().success();
    let rows = lines(&out.get_output().stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["event_date"], "2026-02-23");
    assert_eq!(rows[1]["event_date"], "2026-02-24");
    assert_eq!(rows[0]["admin1"], "Vinnytsia");
    assert_eq!(rows[0]["time_precision"], 1);
    assert_eq!(rows[0]["participants"], 40);
    assert!(rows[0]["evidence"].as_array().is_some_and(|e| e.iter().any(|x| x["field"] == "location" && x["text"] == "Vinnytsia")));
}

#[test]
fn csv_has_acled_header_and_json_is_an_array() {
    let out = litopys().args(["extract", "--format", "csv", "--published", "2026-03-02", "-"]).write_stdin(REVIEW).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1"));
    assert_eq!(text.lines().count(), 3);
    let out = litopys().args(["extract", "--format", "json", "--published", "2026-03-02", "-"]).write_stdin(REVIEW).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).expect("valid JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(2));
}

#[test]
fn statistics_on_request() {
    let text = "According to the Prosecutor General's Office, 19,850 criminal proceedings for unauthorized leaving of a unit were registered in February.";
    let out = litopys().args(["extract", "--statistics", "--published", "2026-03-02", "-"]).write_stdin(text).assert().success();
    let rows = lines(&out.get_output().stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["record"], "statistic");
    assert_eq!(rows[0]["value"], 19850.0);
    assert_eq!(rows[0]["period"], "2026-02");
    litopys().args(["extract", "--published", "2026-03-02", "-"]).write_stdin(text).assert().success().stdout("");
}

#[test]
fn missing_file_among_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = file(&dir, "good.txt", REVIEW.as_bytes());
    let missing = dir.path().join("missing.txt");
    let out = litopys()
        .args(["extract", "--published", "2026-03-02"])
        .arg(&missing)
        .arg(&good)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.txt"));
    assert_eq!(lines(&out.get_output().stdout).len(), 2, "the good file is still processed");
}

#[test]
fn empty_binary_and_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let empty = file(&dir, "empty.txt", b"");
    // an input with nothing to read failed, as `ingest` says of it too (issue 15)
    litopys().args(["extract"]).arg(&empty).assert().code(1).stdout("").stderr(predicate::str::contains("empty.txt"));
    let binary = file(&dir, "photo.jpg", &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0, 0, 0, 1]);
    litopys().args(["extract"]).arg(&binary).assert().code(1).stderr(predicate::str::contains("photo.jpg"));
    let mut bad = REVIEW.as_bytes().to_vec();
    bad.splice(0..0, [0xC3, 0x28, 0xA0, 0xA1]);
    let bad = file(&dir, "bad-utf8.txt", &bad);
    let out = litopys().args(["extract", "--published", "2026-03-02"]).arg(&bad).assert().success();
    assert_eq!(lines(&out.get_output().stdout).len(), 2, "invalid bytes do not hide the text");
}

#[test]
fn fifty_megabyte_file() {
    let dir = tempfile::tempdir().unwrap();
    let para = "Analysts discussed the economy of the region at length, with no incident to report today.\n\n";
    let mut text = String::with_capacity(50 << 20);
    while text.len() < 50 << 20 {
        text.push_str(para);
    }
    text.push_str(REVIEW);
    let big = file(&dir, "big.txt", text.as_bytes());
    let out = litopys().args(["extract", "--published", "2026-03-02"]).arg(&big).assert().success();
    assert_eq!(lines(&out.get_output().stdout).len(), 2);
}

#[test]
fn bad_arguments_are_explained() {
    litopys().args(["extract", "--published", "March", "x.txt"]).assert().code(2).stderr(predicate::str::contains("--published"));
    litopys().args(["extract", "--format", "xml", "x.txt"]).assert().code(2).stderr(predicate::str::contains("jsonl"));
    let dir = tempfile::tempdir().unwrap();
    let cb = file(&dir, "codebook.toml", b"version = 1\n[actors]\n");
    litopys().args(["extract", "--codebook"]).arg(&cb).arg("-").write_stdin(REVIEW).assert().code(2).stderr(predicate::str::contains("codebook.toml"));
}

#[test]
fn places_and_demo() {
    litopys().args(["places", "Kharkov"]).assert().success().stdout(predicate::str::contains("Kharkiv"));
    litopys().args(["places", "Nowhereville"]).assert().code(1);
    // the demo builds its database and drafts the month's review; --no-serve stops there
    let dir = tempfile::tempdir().unwrap();
    litopys().args(["demo", "--no-serve", "--dir"]).arg(dir.path()).assert().success().stdout(predicate::str::contains("Kremenchuk"));
    assert!(dir.path().join("litopys-demo.db").is_file());
    let review = std::fs::read_to_string(dir.path().join("review-2026-03.md")).unwrap();
    assert!(review.contains("Kremenchuk"), "{review}");
    // its events are dated by their reports, within the month and around it
    let out = litopys().args(["events", "--json", "--db"]).arg(dir.path().join("litopys-demo.db")).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("2026-03-12") && text.contains("2026-03-18"), "{text}");
}

#[test]
fn geoparse_writes_place_names_and_adjectives_only_with_all() {
    // written for litopys: a village with its oblast, a street, and an oblast adjective
    let text = "Вибух стався у селі Сила Миколаївської області, на вул. Шевченка; львівська поліція допомагала.";
    let run = |all: bool| {
        let mut cmd = litopys();
        cmd.arg("geoparse");
        if all {
            cmd.arg("--all");
        }
        lines(&cmd.arg("-").write_stdin(text).assert().success().get_output().stdout.clone())
    };
    let plain = run(false);
    let names: Vec<&str> = plain.iter().filter_map(|l| l["name"].as_str()).collect();
    assert!(names.contains(&"Syla"), "{names:?}");
    assert!(plain.iter().any(|l| l["kind"] == "street"), "{plain:?}");
    assert!(!plain.iter().any(|l| l["text"] == "львівська"), "an adjective is no place name: {plain:?}");
    let all = run(true);
    let adjective = all.iter().find(|l| l["text"] == "львівська").expect("--all writes the adjective");
    assert_eq!(adjective["adjective"], true);
    assert_eq!(adjective["admin1"], "Lviv");
}
