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
