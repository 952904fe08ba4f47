//! Ukrainian places: names in every spelling a report uses, with coordinates.
//!
//! # Brief overview
//!
//! A [`Gazetteer`] holds [`Entry`] records (oblasts, raions, cities, villages) and finds their
//! names in text in one pass with an Aho-Corasick automaton over lower-cased text:
//!
//! ```
//! use litopys_gazetteer::{Gazetteer, Kind};
//! let gaz = Gazetteer::builtin();
//! let text = "On February 26, around 60 miners in Pavlohrad, Dnipropetrovsk region, refused ...";
//! let mentions = gaz.find(text);
//! let first = gaz.entry(mentions[0].candidates[0]);
//! assert_eq!(first.name, "Pavlohrad");
//! assert_eq!(first.admin1, "Dnipropetrovsk");
//! let second = gaz.entry(mentions[1].candidates[0]);
//! assert_eq!(second.kind, Kind::Oblast);
//! ```
//!
//! # Design
//!
//! Extraction asks two things of a gazetteer: *where are place names in this text* and *which
//! place does each one mean*. [`Gazetteer::find`] answers both: each [`Mention`] carries its
//! candidates best first, already re-ranked by the other places the same text names (an oblast
//! named nearby wins over a bigger namesake elsewhere). Keeping the alternatives lets extraction
//! record them as evidence and lets an analyst pick another.
//!
//! This version ships a small table of oblasts and large cities, written by hand; the full
//! register of settlements plugs in behind the same API.
#![deny(missing_docs)]

mod builtin;
mod inflect;
mod normalize;

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use litopys_model::{GeoPrecision, Place, Span};

pub use normalize::{normalize, normalize_with_offsets};

/// Identifies an entry within one gazetteer.
pub type EntryId = u32;

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An oblast, the Autonomous Republic of Crimea, or a city with special status (Kyiv, Sevastopol).
    Oblast,
    /// A raion (district).
    Raion,
    /// A hromada (territorial community).
    Hromada,
    /// A city.
    City,
    /// An urban-type settlement, village or rural settlement.
    Village,
}

/// One place in the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// This entry's id.
    pub id: EntryId,
    /// English name (official KMU 2010 transliteration): "Kryvyi Rih".
    pub name: String,
    /// Ukrainian name: "Кривий Ріг".
    pub name_uk: String,
    /// What kind of place this is.
    pub kind: Kind,
    /// Oblast (English, without "oblast"): "Dnipropetrovsk", "Kyiv City".
    pub admin1: String,
    /// Raion, when known.
    pub admin2: Option<String>,
    /// Hromada, when known.
    pub admin3: Option<String>,
    /// Latitude, WGS 84.
    pub lat: f64,
    /// Longitude, WGS 84.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u32,
    /// Precision of the coordinates for the place itself: 1 when they are the settlement's own,
    /// 2 when borrowed from its hromada's centre, 3 for a region's centre.
    pub geo_precision: GeoPrecision,
}

impl Entry {
    /// This entry as a [`Place`] for an incident.
    pub fn to_place(&self) -> Place {
        let geo_precision = match self.kind {
            Kind::Oblast | Kind::Raion => GeoPrecision::Region,
            _ => self.geo_precision,
        };
        Place {
            name: self.name.clone(),
            admin1: self.admin1.clone(),
            admin2: self.admin2.clone(),
            admin3: self.admin3.clone(),
            latitude: self.lat,
            longitude: self.lon,
            geo_precision,
        }
    }
}

/// How the text frames a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Just the name: "in Vinnytsia", "у Луцьку".
    Plain,
    /// Named as a region: "Dnipropetrovsk region", "Волинської області".
    Region,
    /// Named as a district: "Stryi district", "Стрийського району".
    District,
    /// Named as a point of reference: "near Kyiv", "під Києвом".
    Near,
}

/// A place name found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where the name (with its "region"/"district" word, if any) stands in the text.
    pub span: Span,
    /// Entries the name may mean, best first; never empty.
    pub candidates: Vec<EntryId>,
    /// How the text frames the name.
    pub frame: Frame,
}

/// A set of places and an automaton that finds their names.
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// For each automaton pattern, the entries it names.
    pattern_entries: Vec<Vec<EntryId>>,
    automaton: AhoCorasick,
}

impl Gazetteer {
    /// The gazetteer compiled into litopys, loaded once on first use.
    pub fn builtin() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| {
            let (entries, names) = builtin::table();
            Gazetteer::from_parts(entries, names)
        })
    }

    /// A gazetteer from entries and `(spelling, entry)` pairs. Spellings are normalised with
    /// [`normalize`]; several entries may share a spelling.
    pub fn from_parts(entries: Vec<Entry>, names: Vec<(String, EntryId)>) -> Gazetteer {
        let mut by_name: std::collections::BTreeMap<String, Vec<EntryId>> = Default::default();
        for (name, id) in names {
            let key = normalize(&name);
            if key.is_empty() {
                continue;
            }
            let ids = by_name.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let (patterns, pattern_entries): (Vec<String>, Vec<Vec<EntryId>>) = by_name.into_iter().unzip();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer patterns always build");
        Gazetteer { entries, pattern_entries, automaton }
    }

    /// The entry with this id. Panics on an id from another gazetteer.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The oblast entry with this English `admin1` name.
    pub fn oblast(&self, admin1: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.kind == Kind::Oblast && e.admin1.eq_ignore_ascii_case(admin1))
    }

    /// Every place name in `text`, in text order, each with its candidates ranked.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut mentions = matching::find(self, text);
        matching::rank(self, &mut mentions);
        mentions
    }

    /// Entries whose name or a spelling of it matches `query`, best first, for people checking
    /// a result (`litopys places QUERY`).
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let mut ids: Vec<EntryId> = Vec::new();
        for m in self.find(query) {
            for id in m.candidates {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids.into_iter().map(|id| self.entry(id)).collect()
    }
}

mod matching;
