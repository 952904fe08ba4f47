//! Times each pass of extraction over a JSON Lines corpus (texts only), for profiling:
//! `cargo run --release -p litopys-extract --example stage_speed -- corpus.jsonl [STAGE]`
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| {
            l.split("\"text\":\"")
                .nth(1)?
                .split("\",\"")
                .next()
                .map(|t| t.replace("\\n", "\n"))
        })
        .collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let gaz = litopys_gazetteer::Gazetteer::builtin();
    let codebook = litopys_extract::Codebook::builtin();
    let _ = litopys_extract::dates::find("x");
    // a stage named after the corpus runs alone, five times (for perf)
    let only = std::env::args().nth(2);
    let time = |name: &str, f: &dyn Fn(&str) -> usize| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        for _ in 1..if only.is_some() { 5 } else { 1 } {
            texts.iter().map(|t| f(t)).sum::<usize>();
        }
        let (start, cpu) = (Instant::now(), thread_cpu());
        let n: usize = texts.iter().map(|t| f(t)).sum();
        let cpu = (thread_cpu() - cpu) as f64 / 1e9;
        println!(
            "{name:<12} {:>8.1} MB/s wall {:>8.1} MB/s CPU  ({n})",
            mb / start.elapsed().as_secs_f64(),
            mb / cpu
        );
    };
    time("normalize", &|t| {
        litopys_gazetteer::normalize_with_offsets(t).1.len()
    });
    time("codebook", &|t| codebook.scan(t).len());
    time("gazetteer", &|t| gaz.find(t).len());
    time("dates", &|t| litopys_extract::dates::find(t).len());
    time("numbers", &|t| litopys_extract::numbers::find(t).len());
    time("sentences", &|t| litopys_extract::text::sentences(t).len());
    let geo = litopys_geoparse::Geoparser::builtin();
    time("geoparse", &|t| geo.parse(t).len());
    let extractor = litopys_extract::Extractor::new(litopys_extract::Codebook::builtin());
    let doc = |t: &str| litopys_model::Document {
        id: String::new(),
        text: t.to_string(),
        published: jiff::civil::Date::new(2025, 6, 1).ok(),
        source: None,
        title: None,
        lang: None,
    };
    time("extract", &|t| extractor.extract(&doc(t)).incidents.len());
}

/// Nanoseconds this thread has run (Linux `schedstat`).
fn thread_cpu() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
