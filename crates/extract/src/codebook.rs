//! The codebook: cue words for event types, actors, weapons, tags and figures, read from TOML.
//!
//! # Design
//!
//! Knowledge lives in `data/codebook.toml`, not in code, so that an analyst can add a cue word
//! or a whole event rule without a compiler (as PETRARCH's dictionaries do). All cues of all
//! languages go into one Aho-Corasick automaton: a document is scanned once, and every
//! later stage works on the list of [`Cue`] hits. Cues are language-agnostic on purpose:
//! English, Ukrainian and Russian cues hardly collide, and mixed-language posts need all three.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use litopys_gazetteer::normalize_with_offsets;
use litopys_model::{Span, SubEventType};
use serde::Deserialize;

/// The codebook shipped with litopys.
pub const DEFAULT_CODEBOOK: &str = include_str!("../../../data/codebook.toml");

/// Why a codebook could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    /// The TOML did not parse or did not have the expected shape.
    #[error("codebook is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// A rule names something that does not exist.
    #[error("codebook rule {rule:?}: {problem}")]
    Rule {
        /// The rule's id.
        rule: String,
        /// What is wrong with it.
        problem: String,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    uk: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
}

impl Cues {
    fn all(&self) -> impl Iterator<Item = &String> {
        self.en.iter().chain(&self.uk).chain(&self.ru)
    }
}

#[derive(Debug, Deserialize)]
struct RawActor {
    acled: String,
    #[serde(default)]
    assoc: String,
    label: String,
    #[serde(flatten)]
    cues: Cues,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    sub_event_type: String,
    actor1: String,
    #[serde(default)]
    actor2: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "one")]
    weight: u32,
    #[serde(default = "one")]
    min_score: u32,
    #[serde(default)]
    requires: Vec<String>,
    note: String,
    #[serde(flatten)]
    cues: Cues,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigures {
    people: Cues,
    injured: Cues,
    killed: Cues,
    arrested: Cues,
    none: Cues,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCodebook {
    #[allow(dead_code)]
    version: u32,
    actors: BTreeMap<String, RawActor>,
    weapons: BTreeMap<String, Cues>,
    tags: BTreeMap<String, Cues>,
    event: Vec<RawEvent>,
    background: Cues,
    #[serde(default)]
    continuation: Cues,
    #[serde(default)]
    masks: Cues,
    figures: RawFigures,
}

/// An actor category.
#[derive(Clone, Debug)]
pub struct Actor {
    /// The key in the codebook: `recruitment`, `police`, ...
    pub key: String,
    /// ACLED actor name.
    pub acled: String,
    /// ACLED associated actor.
    pub assoc: String,
    /// A short English label for notes.
    pub label: String,
}

/// An event rule.
#[derive(Clone, Debug)]
pub struct EventRule {
    /// The rule's id.
    pub id: String,
    /// What it codes.
    pub sub_event_type: SubEventType,
    /// Index into [`Codebook::actors`] of the acting side.
    pub actor1: usize,
    /// Index of the side acted upon.
    pub actor2: Option<usize>,
    /// Tags always added.
    pub tags: Vec<String>,
    /// Score per distinct cue.
    pub weight: u32,
    /// The least score that makes a sentence an incident.
    pub min_score: u32,
    /// The verb phrase of the English note.
    pub note: String,
    /// True if the rule has a `requires` list.
    pub has_requirements: bool,
}

/// What a cue word stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// An actor category (index into `actors`).
    Actor(usize),
    /// A weapon (index into `weapons`).
    Weapon(usize),
    /// A tag (index into `tags`).
    Tag(usize),
    /// A cue of an event rule (index into `rules`).
    Event(usize),
    /// A required context of an event rule.
    Requires(usize),
    /// Commentary or summary, not an incident.
    Background,
    /// More about the incident just told ("the strike ended").
    Continuation,
    /// A phrase whose event cues do not count ("who was arrested in 2020").
    Mask,
    /// A noun for people (crowd sizes).
    People,
    /// Injury.
    Injured,
    /// Death.
    Killed,
    /// Arrest or detention.
    Arrested,
    /// "Nobody", "no injuries": a zero figure.
    None,
}

/// One cue word found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Where it stands in the original text.
    pub span: Span,
    /// What it stands for.
    pub kind: CueKind,
    /// Distinguishes cue words: the same id is the same pattern.
    pub pattern: u32,
}

/// A compiled codebook.
pub struct Codebook {
    actors: Vec<Actor>,
    weapons: Vec<String>,
    tags: Vec<String>,
    rules: Vec<EventRule>,
    automaton: AhoCorasick,
    /// Per pattern: whether it is a stem (matches any word ending), and what it stands for.
    patterns: Vec<(bool, Vec<CueKind>)>,
}

impl Codebook {
    /// The codebook shipped with litopys.
    pub fn builtin() -> Codebook {
        Codebook::from_toml(DEFAULT_CODEBOOK).expect("the shipped codebook is valid (tested)")
    }

    /// A codebook from TOML text in the format of `data/codebook.toml`.
    pub fn from_toml(text: &str) -> Result<Codebook, CodebookError> {
        let raw: RawCodebook = toml::from_str(text)?;
        compile(raw)
    }

    /// Actor categories.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with this key.
    pub fn actor(&self, key: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.key == key)
    }

    /// Weapon names.
    pub fn weapons(&self) -> &[String] {
        &self.weapons
    }

    /// Tag names.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Event rules, in priority order.
    pub fn rules(&self) -> &[EventRule] {
        &self.rules
    }

    /// Every cue in `text`, in text order (overlapping cues all reported).
    pub fn scan(&self, text: &str) -> Vec<Cue> {
        let (norm, offsets) = normalize_with_offsets(text);
        self.scan_normalized(&norm, &offsets)
    }

    /// [`scan`](Codebook::scan) for a caller that has already normalised the text: `norm` and
    /// `offsets` are what [`normalize_with_offsets`] returns for it.
    pub fn scan_normalized(&self, norm: &str, offsets: &[usize]) -> Vec<Cue> {
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(norm) {
            let (stem, kinds) = &self.patterns[m.pattern().as_usize()];
            if !starts_word(norm, m.start()) || (!stem && !ends_word(norm, m.end())) {
                continue;
            }
            let span = Span::new(offsets[m.start()], offsets[m.end()]);
            let pattern = m.pattern().as_u32();
            out.extend(kinds.iter().map(|&kind| Cue { span, kind, pattern }));
        }
        out.sort_by_key(|c| (c.span.start, c.span.end));
        out
    }
}

fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(is_alphanumeric)
}

fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(is_alphanumeric)
}

/// `char::is_alphanumeric`, without its table lookup for ASCII and Cyrillic letters.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}') || c.is_alphanumeric()
}

fn compile(raw: RawCodebook) -> Result<Codebook, CodebookError> {
    let mut table: BTreeMap<String, (bool, Vec<CueKind>)> = BTreeMap::new();
    let mut add = |cues: &mut dyn Iterator<Item = &String>, kind: CueKind| {
        for cue in cues {
            let stem = cue.ends_with('*');
            let key = litopys_gazetteer::normalize(cue.trim_end_matches('*').trim());
            if key.is_empty() {
                continue;
            }
            let entry = table.entry(key).or_insert((stem, Vec::new()));
            entry.0 |= stem;
            if !entry.1.contains(&kind) {
                entry.1.push(kind);
            }
        }
    };
    let mut actors = Vec::new();
    for (i, (key, a)) in raw.actors.iter().enumerate() {
        add(&mut a.cues.all(), CueKind::Actor(i));
        actors.push(Actor { key: key.clone(), acled: a.acled.clone(), assoc: a.assoc.clone(), label: a.label.clone() });
    }
    let weapons: Vec<String> = raw.weapons.keys().cloned().collect();
    for (i, cues) in raw.weapons.values().enumerate() {
        add(&mut cues.all(), CueKind::Weapon(i));
    }
    let tags: Vec<String> = raw.tags.keys().cloned().collect();
    for (i, cues) in raw.tags.values().enumerate() {
        add(&mut cues.all(), CueKind::Tag(i));
    }
    add(&mut raw.background.all(), CueKind::Background);
    add(&mut raw.continuation.all(), CueKind::Continuation);
    add(&mut raw.masks.all(), CueKind::Mask);
    add(&mut raw.figures.people.all(), CueKind::People);
    add(&mut raw.figures.injured.all(), CueKind::Injured);
    add(&mut raw.figures.killed.all(), CueKind::Killed);
    add(&mut raw.figures.arrested.all(), CueKind::Arrested);
    add(&mut raw.figures.none.all(), CueKind::None);
    let actor_index = |rule: &str, key: &str| {
        actors.iter().position(|a: &Actor| a.key == key).ok_or_else(|| CodebookError::Rule {
            rule: rule.to_string(),
            problem: format!("unknown actor {key:?}"),
        })
    };
    let mut rules = Vec::new();
    for (i, e) in raw.event.iter().enumerate() {
        let sub_event_type = e
            .sub_event_type
            .parse::<SubEventType>()
            .map_err(|problem| CodebookError::Rule { rule: e.id.clone(), problem })?;
        add(&mut e.cues.all(), CueKind::Event(i));
        add(&mut e.requires.iter(), CueKind::Requires(i));
        rules.push(EventRule {
            id: e.id.clone(),
            sub_event_type,
            actor1: actor_index(&e.id, &e.actor1)?,
            actor2: e.actor2.as_deref().map(|k| actor_index(&e.id, k)).transpose()?,
            tags: e.tags.clone(),
            weight: e.weight,
            min_score: e.min_score,
            note: e.note.clone(),
            has_requirements: !e.requires.is_empty(),
        });
    }
    let (keys, patterns): (Vec<String>, Vec<(bool, Vec<CueKind>)>) = table.into_iter().unzip();
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        // a DFA: the scan is overlapping (a stem inside a longer cue counts too), which rules out
        // the prefilter, so the per-byte step is what costs; the DFA takes a few hundred KiB
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&keys)
        .map_err(|e| CodebookError::Rule { rule: "(all)".into(), problem: e.to_string() })?;
    Ok(Codebook { actors, weapons, tags, rules, automaton, patterns })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_codebook_compiles() {
        let cb = Codebook::builtin();
        assert!(cb.rules().len() >= 8);
        assert!(cb.actor("recruitment").is_some());
    }

    #[test]
    fn stems_and_whole_words() {
        let cb = Codebook::builtin();
        let text = "Невідомі підпалили авто ТЦК. The strikers went on strike.";
        let cues = cb.scan(text);
        let words: Vec<&str> = cues.iter().map(|c| c.span.text(text)).collect();
        assert!(words.contains(&"підпал"), "{words:?}");
        assert!(words.contains(&"ТЦК"));
        assert!(words.contains(&"strike"));
        // "strike" is a whole-word cue: "strikers" must not match it
        assert!(!cues.iter().any(|c| c.span.text(text) == "strike" && c.span.start < 35));
    }

    #[test]
    fn bad_codebooks_are_rejected_with_reason() {
        let bad = DEFAULT_CODEBOOK.replace("sub_event_type = \"Other\"", "sub_event_type = \"Riot\"");
        let err = Codebook::from_toml(&bad).err().expect("unknown sub-event type rejected");
        assert!(err.to_string().contains("court-ruling"), "{err}");
        assert!(Codebook::from_toml("version = ").is_err());
    }
}
