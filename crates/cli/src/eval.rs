//! `litopys eval`: extraction scored against hand-coded answers.
//!
//! Matching follows the project's shared scorer: a gold incident matches an extracted one in
//! the same oblast (first five letters of the normalised name) on the same day; where several
//! do, the one with the right settlement name wins. Unmatched gold incidents are misses;
//! extracted incidents that match neither a gold nor an `allowed` entry are extras.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use litopys_extract::Extractor;
use litopys_model::{Incident, Statistic};
use serde::Deserialize;

#[derive(clap::Args)]
pub struct Args {
    /// GOLD.json INPUT pairs.
    #[arg(value_name = "GOLD INPUT", required = true, num_args = 2..)]
    pairs: Vec<PathBuf>,
    /// Print each match, miss and extra.
    #[arg(long)]
    details: bool,
    /// A codebook TOML to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
}

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    published: String,
    core: Vec<GoldEvent>,
    #[serde(default)]
    allowed: Vec<Allowed>,
    #[serde(default)]
    statistics: Vec<GoldStatistic>,
}

#[derive(Deserialize)]
struct GoldEvent {
    event_date: String,
    location: Vec<String>,
    admin1: String,
    lat: f64,
    lon: f64,
    coarse: String,
    injuries_min: Option<u32>,
    injuries: Option<u32>,
    participants: Option<u32>,
    geo_tolerance_km: Option<f64>,
}

#[derive(Deserialize)]
struct Allowed {
    event_date: Option<String>,
    event_date_prefix: Option<String>,
    admin1: String,
}

#[derive(Deserialize)]
struct GoldStatistic {
    value: f64,
    period: String,
}

/// Counts for one sample.
#[derive(Default)]
struct Score {
    n_gold: usize,
    n_found: usize,
    n_extracted: usize,
    n_extra: usize,
    place_ok: usize,
    geo_ok: usize,
    type_ok: usize,
    injuries: (usize, usize),
    participants: (usize, usize),
    stats: (usize, usize),
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.pairs.len() % 2 != 0 {
        bail!("eval takes GOLD INPUT pairs; got an odd number of paths");
    }
    let extractor = Extractor::new(crate::load_codebook(args.codebook.as_ref())?);
    println!(
        "{:<28} {:>6} {:>9} {:>6} {:>6} {:>6} {:>7} {:>9} {:>6}",
        "sample", "recall", "precision", "place", "coords", "type", "injured", "particip.", "stats"
    );
    let mut total = Score::default();
    for pair in args.pairs.chunks(2) {
        let score = eval_one(&extractor, &pair[0], &pair[1], args.details)?;
        let name = pair[1].file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        print_row(&name, &score);
        add(&mut total, &score);
    }
    if args.pairs.len() > 2 {
        print_row("TOTAL", &total);
    }
    Ok(ExitCode::SUCCESS)
}

fn frac(a: usize, b: usize) -> String {
    format!("{a}/{b}")
}

fn print_row(name: &str, s: &Score) {
    let precision = if s.n_extracted == 0 { 1.0 } else { (s.n_extracted - s.n_extra) as f64 / s.n_extracted as f64 };
    println!(
        "{:<28} {:>6} {:>9.2} {:>6} {:>6} {:>6} {:>7} {:>9} {:>6}",
        name,
        frac(s.n_found, s.n_gold),
        precision,
        frac(s.place_ok, s.n_found),
        frac(s.geo_ok, s.n_found),
        frac(s.type_ok, s.n_found),
        frac(s.injuries.0, s.injuries.1),
        frac(s.participants.0, s.participants.1),
        frac(s.stats.0, s.stats.1),
    );
}

fn add(t: &mut Score, s: &Score) {
    t.n_gold += s.n_gold;
    t.n_found += s.n_found;
    t.n_extracted += s.n_extracted;
    t.n_extra += s.n_extra;
    t.place_ok += s.place_ok;
    t.geo_ok += s.geo_ok;
    t.type_ok += s.type_ok;
    t.injuries.0 += s.injuries.0;
    t.injuries.1 += s.injuries.1;
    t.participants.0 += s.participants.0;
    t.participants.1 += s.participants.1;
    t.stats.0 += s.stats.0;
    t.stats.1 += s.stats.1;
}

fn eval_one(extractor: &Extractor, gold_path: &PathBuf, input: &PathBuf, details: bool) -> anyhow::Result<Score> {
    let gold_text = std::fs::read_to_string(gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
    let gold: Gold = serde_json::from_str(&gold_text).with_context(|| format!("{} is not a gold file", gold_path.display()))?;
    let published = gold.published.parse::<jiff::civil::Date>().ok();
    let docs = litopys_ingest::read_path(input).map_err(|e| anyhow::anyhow!("{e}"))?.documents;
    let (mut events, mut stats): (Vec<Incident>, Vec<Statistic>) = (Vec::new(), Vec::new());
    for mut doc in docs {
        if doc.published.is_none() {
            doc.published = published;
        }
        let out = extractor.extract(&doc);
        events.extend(out.incidents);
        stats.extend(out.statistics);
    }
    Ok(score(&gold, &events, &stats, details))
}

fn norm(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !matches!(*w, "oblast" | "region" | "raion" | "district" | "city" | "province"))
        .collect();
    words.concat().chars().filter(char::is_ascii_lowercase).collect()
}

fn same_admin1(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && a.chars().take(5).eq(b.chars().take(5))
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let p = std::f64::consts::PI / 180.0;
    let d = 0.5 - ((lat2 - lat1) * p).cos() / 2.0 + (lat1 * p).cos() * (lat2 * p).cos() * (1.0 - ((lon2 - lon1) * p).cos()) / 2.0;
    12742.0 * d.sqrt().asin()
}

/// The words of ACLED types that fit each of the gold's rough classes (as the shared scorer).
fn coarse_ok(coarse: &str, e: &Incident) -> bool {
    let t = format!("{} {}", e.event_type.as_str(), e.sub_event_type.as_str()).to_lowercase();
    let words: &[&str] = match coarse {
        "riot" => &["riot", "mob", "violent demonstration", "clash", "protest with intervention"],
        "violence" => &["riot", "mob", "violence", "attack", "armed clash", "battle", "shoot"],
        "explosion" => &["explosion", "grenade", "remote", "attack", "violence", "riot"],
        "protest" => &["protest", "demonstration", "strike", "rally", "picket"],
        "development" => &["strategic", "development", "arrest", "court", "sentence", "legal", "other"],
        "property" => &["property", "looting", "destruction", "arson", "strategic", "riot", "attack", "violence", "explosion"],
        _ => &[],
    };
    words.iter().any(|w| t.contains(w))
}

fn score(gold: &Gold, events: &[Incident], stats: &[Statistic], details: bool) -> Score {
    let mut s = Score { n_gold: gold.core.len(), n_extracted: events.len(), ..Score::default() };
    let mut used = vec![false; events.len()];
    for g in &gold.core {
        let best = events
            .iter()
            .enumerate()
            .filter(|(i, e)| !used[*i] && e.event_date.to_string() == g.event_date && same_admin1(&e.admin1, &g.admin1))
            .max_by_key(|(i, e)| (g.location.iter().any(|l| norm(l) == norm(&e.location)), std::cmp::Reverse(*i)));
        let Some((i, e)) = best else {
            if details {
                println!("  MISS  {} {}", g.event_date, g.location[0]);
            }
            continue;
        };
        used[i] = true;
        s.n_found += 1;
        let place_ok = g.location.iter().any(|l| norm(l) == norm(&e.location) || l == &e.location);
        s.place_ok += usize::from(place_ok);
        let dist = match (e.latitude, e.longitude) {
            (Some(la), Some(lo)) => km(la, lo, g.lat, g.lon),
            _ => f64::INFINITY,
        };
        s.geo_ok += usize::from(dist <= g.geo_tolerance_km.unwrap_or(15.0));
        s.type_ok += usize::from(coarse_ok(&g.coarse, e));
        if let Some(min) = g.injuries_min.or(g.injuries) {
            s.injuries.1 += 1;
            let ok = match g.injuries {
                Some(exact) => e.injuries.unwrap_or(0) == exact,
                None => e.injuries.unwrap_or(0) >= min,
            };
            s.injuries.0 += usize::from(ok);
        }
        if let Some(p) = g.participants {
            s.participants.1 += 1;
            s.participants.0 += usize::from(e.participants == Some(p));
        }
        if details {
            println!(
                "  FOUND {} {} -> {} ({}) {:.0} km, {}/{}, injuries {:?}, participants {:?}",
                g.event_date, g.location[0], e.location, e.admin1, dist, e.event_type.as_str(), e.sub_event_type.as_str(), e.injuries, e.participants
            );
        }
    }
    for (i, e) in events.iter().enumerate() {
        if used[i] {
            continue;
        }
        let date = e.event_date.to_string();
        let allowed = gold.allowed.iter().any(|a| {
            a.event_date.as_ref().is_none_or(|d| *d == date)
                && date.starts_with(a.event_date_prefix.as_deref().unwrap_or(""))
                && same_admin1(&e.admin1, &a.admin1)
        });
        if !allowed {
            s.n_extra += 1;
            if details {
                println!("  EXTRA {} {} ({}) {}", date, e.location, e.admin1, e.sub_event_type.as_str());
            }
        }
    }
    s.stats.1 = gold.statistics.len();
    s.stats.0 = gold
        .statistics
        .iter()
        .filter(|g| stats.iter().any(|x| (x.value - g.value).abs() < 0.5 && x.period == g.period))
        .count();
    s
}
