//! Extraction scored on the hand-coded reports in `tests/gold/` (written for litopys; see its
//! README): every core incident found on the right day in the right oblast, nothing extra.

use litopys_extract::eval::{score, Gold, Score};
use litopys_extract::Extractor;
use litopys_model::Document;

fn run(name: &str) -> Score {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.gold.json"))).unwrap(),
    )
    .unwrap();
    let mut doc = Document::new(name, text);
    doc.published = gold.published.parse().ok();
    let out = Extractor::default().extract(&doc);
    score(&gold, &out.incidents, &out.statistics, true)
}

fn check(name: &str) {
    let s = run(name);
    assert_eq!(s.n_found, s.n_gold, "{name}: recall");
    assert_eq!(s.n_extra, 0, "{name}: extras");
    assert_eq!(s.geo_ok, s.n_found, "{name}: coordinates");
    assert_eq!(s.type_ok, s.n_found, "{name}: event types");
    assert_eq!(s.injuries.0, s.injuries.1, "{name}: injuries");
    assert_eq!(s.participants.0, s.participants.1, "{name}: participants");
    assert_eq!(s.stats.0, s.stats.1, "{name}: statistics");
}

#[test]
fn english_attacks() {
    check("en-attacks");
}

#[test]
fn english_village_in_a_district() {
    check("en-village");
}

#[test]
fn ukrainian_court_and_village() {
    check("uk-court-village");
}

#[test]
fn russian_weekend_digest() {
    check("ru-weekend-digest");
}

#[test]
fn ukrainian_commentary_has_no_incident() {
    check("uk-commentary");
}
