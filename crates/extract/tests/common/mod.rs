//! Helpers shared by the extraction tests.
#![allow(dead_code)]

use litopys_extract::{Extraction, Extractor};
use litopys_model::Document;

pub fn extract(text: &str, published: &str) -> Extraction {
    let mut doc = Document::new("test", text);
    doc.published = published.parse().ok();
    Extractor::default().extract(&doc)
}

/// One line per incident: `date precision location admin1 sub_event_type inj=N part=N`.
pub fn summary(text: &str, published: &str) -> Vec<String> {
    extract(text, published)
        .incidents
        .iter()
        .map(|i| {
            let opt = |v: Option<u32>| v.map_or("-".to_string(), |n| n.to_string());
            format!(
                "{} p{} {} {} {} inj={} part={}",
                i.event_date,
                i.time_precision as u8,
                i.location,
                i.admin1,
                i.sub_event_type.as_str(),
                opt(i.injuries),
                opt(i.participants)
            )
        })
        .collect()
}

pub fn check(text: &str, published: &str, expected: &[&str]) {
    let got = summary(text, published);
    assert_eq!(got, expected, "\ntext: {text}");
}

/// `(location, admin1, geo_precision)` of each incident in a text published on 2026-03-10.
pub fn places(text: &str) -> Vec<(String, String, u8)> {
    extract(text, "2026-03-10")
        .incidents
        .iter()
        .map(|i| {
            (
                i.location.clone(),
                i.admin1.clone(),
                i.geo_precision.map_or(0, |p| p as u8),
            )
        })
        .collect()
}

/// `(event_date, location)` of every incident in `text` published on `published`.
pub fn days_places(text: &str, published: &str) -> Vec<(String, String)> {
    extract(text, published)
        .incidents
        .iter()
        .map(|i| (i.event_date.to_string(), i.location.clone()))
        .collect()
}

/// Asserts the `(event_date, location)` of every incident, in order.
pub fn check_days_places(text: &str, published: &str, expected: &[(&str, &str)]) {
    let got = days_places(text, published);
    let want: Vec<(String, String)> = expected.iter().map(|(d, l)| (d.to_string(), l.to_string())).collect();
    assert_eq!(got, want, "\ntext: {text}");
}
