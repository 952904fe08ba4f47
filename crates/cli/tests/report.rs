//! `litopys report` end to end: ingest the bundled example reports (written for litopys, the
//! incidents invented), then draft the month's review in each format and language; an
//! analyst's edit reaches the paragraph.

use assert_cmd::Command;

fn litopys() -> Command {
    Command::cargo_bin("litopys").expect("binary built")
}

fn examples_db(dir: &tempfile::TempDir) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let db = dir.path().join("r.db").display().to_string();
    litopys().args(["ingest", "--db", &db]).arg(root.join("../month/march-2026.jsonl")).assert().success();
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
    assert!(md.contains("In March 2026, litopys recorded 20 incidents — 18 more than in February 2026 (2)."), "{md}");
    for place in ["Lviv", "Odesa (", "Kremenchuk", "Chernihiv", "Poltava", "Nikopol", "Zhytomyr", "Brovary", "Rivne", "Uzhhorod", "Enerhodar"] {
        let place = place.trim_end_matches(" (");
        assert!(md.contains(&format!("in {place}")), "{place} in {md}");
    }
    // each event's date once, in words; no ISO dates and no local paths
    assert_eq!(md.matches("On 12 March 2026").count(), 2, "Kremenchuk and Kryvyi Rih, each once: {md}");
    assert!(!md.contains("2026-03-"), "{md}");
    assert!(!md.contains("examples/articles") && !md.contains(".txt"), "a local path is shown: {md}");
    assert!(md.contains("[@example_monitor](https://t.me/example_monitor/5120)"), "{md}");
    for section in ["## Workers drive recruiters away", "## Crowds free detained men", "## Attacks, arson and shootings", "## Court sentences", "## Labour protests", "## Other protests", "## Arrests", "## The figures"] {
        assert_eq!(md.matches(section).count(), 1, "{section} in {md}");
    }
    assert!(md.contains("a court sentenced the defendant to 4 years in prison, suspended with 2 years of probation"), "{md}");
    assert!(md.contains("21,400"), "the month's statistic");
    let html = report(&db, "html", &["--group-by", "type"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h2>Riots</h2>"));
    assert!(html.contains("size: A4"));
    assert!(report(&db, "html", &["--paper", "letter"]).contains("size: letter"));
    // reviewed only: nothing reviewed yet
    let reviewed = report(&db, "md", &["--status", "reviewed"]);
    assert!(reviewed.contains("litopys recorded 0 incidents"), "{reviewed}");
}

#[test]
fn ukrainian_with_place_names_in_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = examples_db(&dir);
    let uk = report(&db, "md", &["--lang", "uk"]);
    assert!(uk.contains("У березні 2026 року litopys зафіксував 20 інцидентів"), "{uk}");
    for place in ["у Кривому Розі (Дніпропетровська область)", "у Броварах (Київська область)", "у Харкові", "в Одесі", "у Рівному", "в Ужгороді (Закарпатська область)", "у Кременчуці (Полтавська область)"] {
        assert!(uk.contains(place), "{place} in {uk}");
    }
    assert!(uk.contains("4 роки позбавлення волі"), "{uk}");
    assert!(uk.contains("56 млн грн"), "{uk}");
    let ru = report(&db, "md", &["--lang", "ru"]);
    assert!(ru.contains("в Кривом Роге (Днепропетровская область)"), "{ru}");
}

#[test]
fn an_analysts_edit_changes_the_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let db = examples_db(&dir);
    let events = litopys().args(["events", "--db", &db, "--admin1", "Lviv"]).assert().success();
    let out = String::from_utf8_lossy(&events.get_output().stdout).into_owned();
    let id = out.split_whitespace().next().unwrap_or_default().to_string();
    assert!(report(&db, "md", &[]).contains("On 4 March 2026, in Lviv, residents confronted territorial recruitment centre (TRC) officers to stop a detention. About 25 people took part. One person was injured."));
    litopys().args(["review", &id, "--db", &db, "--user", "editor", "--set", "injuries=4"]).assert().success();
    let md = report(&db, "md", &[]);
    assert!(md.contains("About 25 people took part. 4 people were injured."), "{md}");
    assert!(md.contains("(edited by an analyst)"), "{md}");
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
    // A4: 595 x 842 points (Chromium writes "MediaBox [0 0 594.95996 841.91998]")
    let text = String::from_utf8_lossy(&bytes);
    let width = text
        .split("MediaBox [")
        .nth(1)
        .and_then(|b| b.split_whitespace().nth(2))
        .and_then(|w| w.trim_end_matches(']').parse::<f64>().ok());
    assert!(width.is_some_and(|w| (w - 595.0).abs() < 1.5), "printed on A4, page width {width:?}");
}

#[test]
fn bad_periods_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db").display().to_string();
    litopys().args(["report", "--db", &db, "--from", "2026-03-31", "--to", "2026-03-01"]).assert().code(2).stderr(predicates::str::contains("before"));
    litopys().args(["report", "--db", &db, "--from", "March", "--to", "2026-03-01"]).assert().code(2);
}
