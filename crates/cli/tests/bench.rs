//! End-to-end tests of `litopys corpus`, `litopys bench` and parallel, streaming `extract`.

use assert_cmd::Command;
use predicates::prelude::*;

fn litopys() -> Command {
    Command::cargo_bin("litopys").expect("binary built")
}

fn corpus(seed: &str, size: &str) -> Vec<u8> {
    let out = litopys().args(["corpus", "--seed", seed, "--size", size, "--lang", "mixed"]).output().expect("runs");
    assert!(out.status.success());
    out.stdout
}

#[test]
fn corpus_is_deterministic_and_sized() {
    let a = corpus("3", "200KB");
    assert_eq!(a, corpus("3", "200KB"));
    assert_ne!(a, corpus("4", "200KB"));
    assert!(a.len() >= 200_000 && a.len() < 220_000, "{}", a.len());
}

#[test]
fn jobs_do_not_change_the_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corpus.jsonl");
    std::fs::write(&path, corpus("5", "300KB")).expect("write corpus");
    // the rows' `timestamp` is the run's time unless SOURCE_DATE_EPOCH fixes it
    let run = |jobs: &str| {
        litopys().env("SOURCE_DATE_EPOCH", "1767225600").args(["extract", "--statistics", "--jobs", jobs]).arg(&path).output().expect("runs")
    };
    let one = run("1");
    assert!(one.status.success());
    assert!(one.stdout.len() > 10_000, "a corpus of incidents gives records");
    assert!(one.stdout == run("2").stdout, "two jobs wrote other records than one");
    // and from standard input, streamed (ids name `<stdin>`, so compare the number of records)
    let piped = litopys().args(["extract", "--statistics", "-"]).pipe_stdin(&path).expect("stdin").output().expect("runs");
    let n_lines = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count();
    assert_eq!(n_lines(&one.stdout), n_lines(&piped.stdout));
}

#[test]
fn bench_reports_every_language() {
    litopys()
        .args(["bench", "--size", "100KB", "--threads", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("en ").and(predicate::str::contains("uk ")).and(predicate::str::contains("ru ")))
        .stdout(predicate::str::contains("peak resident memory"));
}
