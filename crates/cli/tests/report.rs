//! `litopys report` end to end: ingest the bundled example reports (written for litopys), then
//! draft the month's review in each format.

use assert_cmd::Command;

fn litopys() -> Command {
    Command::cargo_bin("litopys").expect("binary built")
}

fn examples_db(dir: &tempfile::TempDir) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let db = dir.path().join("r.db").display().to_string();
    for (file, published) in [("monthly-review.en.txt", "2026-04-01"), ("kharkiv-post.uk.txt", "2026-03-15"), ("mines-post.ru.txt", "2026-03-20")] {
        litopys().args(["ingest", "--db", &db, "--published", published]).arg(root.join(file)).assert().success();
    }
    db
}

fn report(db: &str, format: &str, extra: &[&str]) -> String {
    let out = litopys().args(["report", "--db", db, "--from", "2026-03-01", "--to", "2026-03-31", "--format", format]).args(extra).assert().success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

#[test]
fn markdown_and_html_from_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = examples_db(&dir);
    let md = report(&db, "md", &[]);
    assert!(md.contains("**9 incidents**"), "{md}");
    for place in ["Lviv", "Odesa", "Kremenchuk", "Pavlohrad", "Chernihiv", "Kharkiv", "Poltava", "Kryvyi Rih", "Nikopol"] {
        assert_eq!(md.matches(&format!("in {place}")).count(), 1, "{place} once in {md}");
    }
    assert!(md.contains("21,400"), "the month's statistic");
    let html = report(&db, "html", &["--group-by", "type"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h3>Riots</h3>"));
    // reviewed only: nothing reviewed yet
    let reviewed = report(&db, "md", &["--status", "reviewed"]);
    assert!(reviewed.contains("**0 incidents**"), "{reviewed}");
}

#[test]
fn pdf_needs_an_output_file_and_prints_with_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let db = examples_db(&dir);
    litopys()
        .args(["report", "--db", &db, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--output"));
    let pdf = dir.path().join("march.pdf");
    let run = litopys().args(["report", "--db", &db, "--from", "2026-03-01", "--to", "2026-03-31", "--format", "pdf", "-o"]).arg(&pdf).output().unwrap();
    if !run.status.success() {
        // without a Chromium the error must say how to get one
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(err.contains("apt-get install chromium"), "{err}");
        eprintln!("note: no chromium here, PDF printing not exercised");
        return;
    }
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    assert!(bytes.len() > 10_000);
}

#[test]
fn bad_periods_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db").display().to_string();
    litopys().args(["report", "--db", &db, "--from", "2026-03-31", "--to", "2026-03-01"]).assert().code(2).stderr(predicates::str::contains("before"));
    litopys().args(["report", "--db", &db, "--from", "March", "--to", "2026-03-01"]).assert().code(2);
}
