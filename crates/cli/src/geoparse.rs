//! `litopys geoparse`: every place a text names, one JSON line a mention.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use litopys_geoparse::{Geoparser, PlaceMention, StreetMention, THRESHOLD};
use litopys_model::Document;
use rayon::prelude::*;
use serde::Serialize;

use crate::input::{Event, Stream};

/// Documents geoparsed in parallel before their lines are written.
const CHUNK_DOCUMENTS: usize = 512;

#[derive(clap::Args)]
pub struct Args {
    /// Texts to read (every format `extract` reads); `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Also write the mentions the evidence rejected (a score under 1), to see why.
    #[arg(long)]
    all: bool,
    /// Threads working in parallel (default: one per core). Output order does not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

/// One mention as written.
#[derive(Serialize)]
struct Line<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    name: &'a str,
    name_uk: &'a str,
    kind: &'static str,
    country: &'a str,
    admin1: &'a str,
    admin2: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    candidates: usize,
    confidence: f32,
    score: f32,
    decided_by: &'static str,
    evidence: Vec<String>,
    alternatives: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    rejected: bool,
    /// A lower-case oblast adjective ("львівська поліція"): written only with --all.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    adjective: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pool = crate::extract::thread_pool(args.jobs)?;
    let geo = Geoparser::builtin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut stream = Stream::new(&args.files, None);
    let mut n_failed = 0;
    loop {
        let mut chunk: Vec<Document> = Vec::new();
        for event in stream.by_ref() {
            match event {
                Event::Document(d) => chunk.push(d),
                Event::Failed(why) => {
                    eprintln!("litopys: {why}");
                    n_failed += 1;
                }
                Event::Empty(name) => eprintln!("litopys: {name}: no text"),
                Event::BadRecord => n_failed += 1,
            }
            if chunk.len() >= CHUNK_DOCUMENTS {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let lines: Vec<String> = pool.install(|| {
            chunk
                .par_iter()
                .map(|d| lines_of(geo, d, args.all))
                .collect()
        });
        for l in lines {
            out.write_all(l.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(if n_failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The JSON lines of one document's mentions, places and streets in text order.
fn lines_of(geo: &Geoparser, d: &Document, all: bool) -> String {
    let doc = doc_name(d);
    let (norm, offsets) = litopys_gazetteer::normalize_with_offsets(&d.text);
    let (places, streets) = geo.parse_with_streets(&d.text, &norm, &offsets);
    let weighed = if all { geo.weigh(&d.text) } else { Vec::new() };
    let mut lines: Vec<Line> = if all { weighed.iter() } else { places.iter() }
        .filter(|m| all || !m.is_adjective())
        .map(|m| line(geo, d, doc, m))
        .collect();
    lines.extend(streets.iter().map(|s| street_line(geo, d, doc, s)));
    lines.sort_by_key(|l| (l.start, l.end));
    let mut out = String::new();
    for line in &lines {
        if let Ok(json) = serde_json::to_string(line) {
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}

/// A street's line: its name, placed in the city the text names nearest to it.
fn street_line<'a>(
    geo: &'a Geoparser,
    d: &'a Document,
    doc: &'a str,
    s: &StreetMention,
) -> Line<'a> {
    let city = s.city.map(|id| geo.gazetteer().entry(id));
    let name = s.street.name.text(&d.text);
    Line {
        doc,
        start: s.street.span.start,
        end: s.street.span.end,
        text: s.street.span.text(&d.text),
        name,
        name_uk: name,
        kind: s.street.feature.as_str(),
        country: city.map_or("", |c| c.country.as_str()),
        admin1: city.map_or("", |c| c.admin1.as_str()),
        admin2: city.and_then(|c| c.admin2.as_deref()),
        lat: city.map(|c| c.lat),
        lon: city.map(|c| c.lon),
        candidates: 1,
        confidence: if city.is_some() { 0.7 } else { 0.5 },
        score: 2.0,
        decided_by: if city.is_some() {
            "city named nearby"
        } else {
            "no city named"
        },
        evidence: vec!["street word +2".to_string()],
        alternatives: Vec::new(),
        rejected: false,
        adjective: false,
    }
}

/// The record's `id`, else its URL, else the file name.
fn doc_name(d: &Document) -> &str {
    // a JSON Lines record without an id gets `input#LINE`; its URL names it better
    let generated =
        d.id.rsplit_once('#')
            .is_some_and(|(_, n)| n.chars().all(|c| c.is_ascii_digit()));
    match (&d.source, generated) {
        (Some(url), true) => url,
        _ => &d.id,
    }
}

fn line<'a>(geo: &'a Geoparser, d: &'a Document, doc: &'a str, m: &'a PlaceMention) -> Line<'a> {
    let gaz = geo.gazetteer();
    let e = gaz.entry(m.entry());
    let span = m.span();
    Line {
        doc,
        start: span.start,
        end: span.end,
        text: span.text(&d.text),
        name: &e.name,
        name_uk: &e.name_uk,
        kind: kind_label(e),
        country: &e.country,
        admin1: &e.admin1,
        admin2: e.admin2.as_deref(),
        lat: Some(e.lat),
        lon: Some(e.lon),
        candidates: m.mention.candidates.len(),
        confidence: m.confidence,
        score: m.score,
        decided_by: m.decided_by().as_str(),
        evidence: m
            .evidence
            .iter()
            .map(|ev| format!("{} {:+}", ev.signal.as_str(), ev.weight))
            .collect(),
        alternatives: m
            .alternatives()
            .iter()
            .take(5)
            .map(|&id| {
                let a = gaz.entry(id);
                format!(
                    "{} ({}, {})",
                    a.name,
                    a.kind.as_str(),
                    if a.admin1.is_empty() {
                        a.country.as_str()
                    } else {
                        a.admin1.as_str()
                    }
                )
            })
            .collect(),
        rejected: m.score < THRESHOLD,
        adjective: m.is_adjective(),
    }
}

/// The kind as written: a raion inside a city is "district of a city".
fn kind_label(e: &litopys_gazetteer::Entry) -> &'static str {
    if e.kind == litopys_gazetteer::Kind::Raion && e.admin3.is_some() {
        "district of a city"
    } else {
        e.kind.as_str()
    }
}
