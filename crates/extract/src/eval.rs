//! Scoring extraction against hand-coded answers (`litopys eval`, and the gold tests).
//!
//! Matching follows the project's shared scorer: a gold incident matches an extracted one in
//! the same oblast (first five letters of the normalised name) on the same day; where several
//! do, the one with the right settlement name wins. Unmatched gold incidents are misses;
//! extracted incidents that match neither a gold nor an `allowed` entry are extras.

use litopys_model::{Incident, Statistic};
use serde::Deserialize;

/// A hand-coded answer file (the format of shared/samples/*.gold.json).
#[derive(Debug, Deserialize)]
pub struct Gold {
    /// Publication date to extract with, when it is one date.
    #[serde(default)]
    pub published: String,
    /// Incidents that must be found.
    pub core: Vec<GoldEvent>,
    /// Incidents a coder may also list.
    #[serde(default)]
    pub allowed: Vec<Allowed>,
    /// Aggregate figures.
    #[serde(default)]
    pub statistics: Vec<GoldStatistic>,
}

/// One hand-coded incident.
#[derive(Debug, Deserialize)]
pub struct GoldEvent {
    /// `event_date` as in the gold file.
    pub event_date: String,
    /// `location` as in the gold file.
    pub location: Vec<String>,
    /// `admin1` as in the gold file.
    pub admin1: String,
    /// `lat` as in the gold file.
    pub lat: f64,
    /// `lon` as in the gold file.
    pub lon: f64,
    /// `coarse` as in the gold file.
    pub coarse: String,
    /// `injuries_min` as in the gold file.
    pub injuries_min: Option<u32>,
    /// `injuries` as in the gold file.
    pub injuries: Option<u32>,
    /// `participants` as in the gold file.
    pub participants: Option<u32>,
    /// `geo_tolerance_km` as in the gold file.
    pub geo_tolerance_km: Option<f64>,
}

/// An incident a coder may list without it counting as a false positive.
#[derive(Debug, Deserialize)]
pub struct Allowed {
    /// `event_date` as in the gold file.
    pub event_date: Option<String>,
    /// `event_date_prefix` as in the gold file.
    pub event_date_prefix: Option<String>,
    /// `admin1` as in the gold file.
    pub admin1: String,
}

/// A hand-coded statistic.
#[derive(Debug, Deserialize)]
pub struct GoldStatistic {
    /// `value` as in the gold file.
    pub value: f64,
    /// `period` as in the gold file.
    pub period: String,
}

/// Counts for one sample: `(right, asked)` pairs for per-field figures.
#[derive(Debug, Default, Clone)]
pub struct Score {
    /// n gold.
    pub n_gold: usize,
    /// n found.
    pub n_found: usize,
    /// n extracted.
    pub n_extracted: usize,
    /// n extra.
    pub n_extra: usize,
    /// place ok.
    pub place_ok: usize,
    /// geo ok.
    pub geo_ok: usize,
    /// type ok.
    pub type_ok: usize,
    /// injuries.
    pub injuries: (usize, usize),
    /// participants.
    pub participants: (usize, usize),
    /// stats.
    pub stats: (usize, usize),
}

/// Lower-case ASCII letters only, administrative words dropped (as the shared scorer).
pub fn norm(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !litopys_gazetteer::chars::is_alphanumeric(c))
        .filter(|w| {
            !matches!(
                *w,
                "oblast" | "region" | "raion" | "district" | "city" | "province"
            )
        })
        .collect();
    words
        .concat()
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect()
}

fn same_admin1(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && !b.is_empty() && a.chars().take(5).eq(b.chars().take(5))
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let p = std::f64::consts::PI / 180.0;
    let d = 0.5 - ((lat2 - lat1) * p).cos() / 2.0
        + (lat1 * p).cos() * (lat2 * p).cos() * (1.0 - ((lon2 - lon1) * p).cos()) / 2.0;
    12742.0 * d.sqrt().asin()
}

/// The words of ACLED types that fit each of the gold's rough classes (as the shared scorer).
fn coarse_ok(coarse: &str, e: &Incident) -> bool {
    let t = format!("{} {}", e.event_type.as_str(), e.sub_event_type.as_str()).to_lowercase();
    let words: &[&str] = match coarse {
        "riot" => &[
            "riot",
            "mob",
            "violent demonstration",
            "clash",
            "protest with intervention",
        ],
        "violence" => &[
            "riot",
            "mob",
            "violence",
            "attack",
            "armed clash",
            "battle",
            "shoot",
        ],
        "explosion" => &[
            "explosion",
            "grenade",
            "remote",
            "attack",
            "violence",
            "riot",
        ],
        "protest" => &["protest", "demonstration", "strike", "rally", "picket"],
        "development" => &[
            "strategic",
            "development",
            "arrest",
            "court",
            "sentence",
            "legal",
            "other",
        ],
        "property" => &[
            "property",
            "looting",
            "destruction",
            "arson",
            "strategic",
            "riot",
            "attack",
            "violence",
            "explosion",
        ],
        _ => &[],
    };
    words.iter().any(|w| t.contains(w))
}

/// Scores `events` and `stats` against `gold`; with `details`, says each match, miss and extra
/// on stdout.
pub fn score(gold: &Gold, events: &[Incident], stats: &[Statistic], details: bool) -> Score {
    let mut s = Score {
        n_gold: gold.core.len(),
        n_extracted: events.len(),
        ..Score::default()
    };
    let mut used = vec![false; events.len()];
    for g in &gold.core {
        let best = events
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                !used[*i]
                    && e.event_date.to_string() == g.event_date
                    && same_admin1(&e.admin1, &g.admin1)
            })
            .max_by_key(|(i, e)| {
                (
                    g.location.iter().any(|l| norm(l) == norm(&e.location)),
                    std::cmp::Reverse(*i),
                )
            });
        let Some((i, e)) = best else {
            if details {
                println!("  MISS  {} {}", g.event_date, g.location[0]);
            }
            continue;
        };
        used[i] = true;
        s.n_found += 1;
        let place_ok = g
            .location
            .iter()
            .any(|l| norm(l) == norm(&e.location) || l == &e.location);
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
                g.event_date,
                g.location[0],
                e.location,
                e.admin1,
                dist,
                e.event_type.as_str(),
                e.sub_event_type.as_str(),
                e.injuries,
                e.participants
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
                println!(
                    "  EXTRA {} {} ({}) {}",
                    date,
                    e.location,
                    e.admin1,
                    e.sub_event_type.as_str()
                );
            }
        }
    }
    s.stats.1 = gold.statistics.len();
    s.stats.0 = gold
        .statistics
        .iter()
        .filter(|g| {
            stats
                .iter()
                .any(|x| (x.value - g.value).abs() < 0.5 && x.period == g.period)
        })
        .count();
    s
}

impl Score {
    /// Share of extracted incidents that are gold or allowed (1.0 when none were extracted).
    pub fn precision(&self) -> f64 {
        if self.n_extracted == 0 {
            1.0
        } else {
            (self.n_extracted - self.n_extra) as f64 / self.n_extracted as f64
        }
    }

    /// Adds another sample's counts.
    pub fn add(&mut self, s: &Score) {
        self.n_gold += s.n_gold;
        self.n_found += s.n_found;
        self.n_extracted += s.n_extracted;
        self.n_extra += s.n_extra;
        self.place_ok += s.place_ok;
        self.geo_ok += s.geo_ok;
        self.type_ok += s.type_ok;
        self.injuries.0 += s.injuries.0;
        self.injuries.1 += s.injuries.1;
        self.participants.0 += s.participants.0;
        self.participants.1 += s.participants.1;
        self.stats.0 += s.stats.0;
        self.stats.1 += s.stats.1;
    }
}
