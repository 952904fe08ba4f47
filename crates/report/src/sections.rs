//! The review's sections, as data: `sections.toml` (or the user's file) says which incidents
//! go where, in the order a newsroom prints them. See that file for the conditions.

use std::collections::BTreeMap;

use litopys_model::Incident;
use serde::Deserialize;

use crate::Error;

/// One section's definition.
#[derive(Clone, Debug, Deserialize)]
pub struct Section {
    /// A short stable name.
    pub id: String,
    /// The heading per language code.
    pub title: BTreeMap<String, String>,
    /// ACLED sub-event types it takes (any, when empty).
    #[serde(default)]
    pub sub_event_types: Vec<String>,
    /// Tags, one of which the incident must carry (any, when empty).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Text one of the incident's actor columns must contain (any, when empty).
    #[serde(default)]
    pub actors: Vec<String>,
    /// Weapons, one of which the incident must have (any, when empty).
    #[serde(default)]
    pub weapons: Vec<String>,
    /// When true, only incidents that state a sentence.
    #[serde(default)]
    pub legal: bool,
}

/// The sections of a review, in print order.
#[derive(Clone, Debug, Deserialize)]
pub struct Sections {
    /// The sections, in the order they are matched.
    pub section: Vec<Section>,
    /// Section ids in the order they are printed.
    #[serde(default)]
    pub print_order: Vec<String>,
}

impl Sections {
    /// The shipped sections (`crates/report/sections.toml`).
    pub fn builtin() -> Sections {
        Sections::from_toml(include_str!("../sections.toml")).unwrap_or(Sections {
            section: Vec::new(),
            print_order: Vec::new(),
        })
    }

    /// Sections from TOML in the shape of `sections.toml`.
    pub fn from_toml(text: &str) -> Result<Sections, Error> {
        toml::from_str(text).map_err(|e| Error::Sections(e.to_string()))
    }

    /// Where section `k` prints: its title's first place in `print_order`, else after those,
    /// in file order.
    pub fn rank(&self, k: usize) -> usize {
        let Some(title) = self.section.get(k).map(|s| &s.title) else {
            return usize::MAX;
        };
        self.section
            .iter()
            .enumerate()
            .filter(|(_, s)| s.title == *title)
            .map(|(i, s)| {
                self.print_order
                    .iter()
                    .position(|id| *id == s.id)
                    .unwrap_or(self.print_order.len() + i)
            })
            .min()
            .unwrap_or(usize::MAX)
    }

    /// The index of the first section `i` belongs to, if any.
    pub fn of(&self, i: &Incident) -> Option<usize> {
        self.section.iter().position(|s| s.matches(i))
    }
}

impl Section {
    fn matches(&self, i: &Incident) -> bool {
        let any = |list: &[String], pred: &dyn Fn(&String) -> bool| {
            list.is_empty() || list.iter().any(pred)
        };
        let actors = [&i.actor1, &i.assoc_actor_1, &i.actor2, &i.assoc_actor_2];
        any(&self.sub_event_types, &|s| s == i.sub_event_type.as_str())
            && any(&self.tags, &|t| i.tags.contains(t))
            && any(&self.actors, &|a| {
                actors.iter().any(|x| x.contains(a.as_str()))
            })
            && any(&self.weapons, &|w| i.weapons.contains(w))
            && (!self.legal || i.legal.sentence.is_some())
    }

    /// The heading in `lang`, else in English, else the id.
    pub fn title(&self, lang: &str) -> &str {
        self.title
            .get(lang)
            .or_else(|| self.title.get("en"))
            .map_or(self.id.as_str(), String::as_str)
    }
}
