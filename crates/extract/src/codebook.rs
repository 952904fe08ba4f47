//! The codebook: cue words for event types, actors, weapons, tags and figures, read from TOML.
//!
//! # Design
//!
//! Knowledge lives in `data/codebook.toml`, not in code, so that an analyst can add a cue word
//! or a whole event rule without a compiler (as PETRARCH's dictionaries do). All cues of all
//! languages go into one matcher (word tables and a small automaton, see [`crate::matcher`]):
//! a document is scanned once, and every later stage works on the list of [`Cue`] hits. Cues are language-agnostic on purpose:
//! English, Ukrainian and Russian cues hardly collide, and mixed-language posts need all three.
//!
//! Cues are written as lemmas and expanded into their word forms when the codebook is compiled
//! (see [`crate::lemma`]), so the matcher finds every form of a cue written once. Each cue
//! of an event rule carries a weight (`"cue|N"`, else the rule's); a rule's score is the sum of
//! the weights of its distinct cues in a sentence, so the decision is a score whose evidence is
//! the cues that made it (see [`crate::segment::best_rule`]).

use std::collections::{BTreeMap, HashMap};

use litopys_gazetteer::normalize_with_offsets;
use litopys_model::{Span, SubEventType};
use serde::Deserialize;

use crate::lemma::{Inflector, Lang};
use crate::matcher::Matcher;

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

/// A word list per language, as the codebook and `data/roles.toml` write them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Cues {
    #[serde(default)]
    pub(crate) en: Vec<String>,
    #[serde(default)]
    pub(crate) uk: Vec<String>,
    #[serde(default)]
    pub(crate) ru: Vec<String>,
}

impl Cues {
    fn all(&self) -> impl Iterator<Item = (Lang, &String)> {
        let en = self.en.iter().map(|c| (Lang::En, c));
        en.chain(self.uk.iter().map(|c| (Lang::Uk, c)))
            .chain(self.ru.iter().map(|c| (Lang::Ru, c)))
    }
}

/// A flat cue list (`requires`, `excludes`): Latin cues are English, Cyrillic ones are
/// expanded both as Ukrainian and as Russian.
fn untagged(cues: &[String]) -> impl Iterator<Item = (Lang, &String)> {
    cues.iter().flat_map(|c| {
        if c.chars().any(|ch| ch.is_ascii_alphabetic()) {
            vec![(Lang::En, c)]
        } else {
            vec![(Lang::Uk, c), (Lang::Ru, c)]
        }
    })
}

#[derive(Debug, Deserialize)]
struct RawActor {
    acled: String,
    #[serde(default)]
    assoc: String,
    label: String,
    #[serde(default)]
    inter: u8,
    #[serde(flatten)]
    cues: Cues,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawType {
    definition: String,
    interactions: Vec<u8>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    sub_event_type: String,
    actor1: String,
    #[serde(default)]
    actor1_any: Vec<String>,
    #[serde(default)]
    actor2: Option<String>,
    #[serde(default)]
    actor2_any: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "one")]
    weight: u32,
    #[serde(default = "one")]
    min_score: u32,
    #[serde(default)]
    rank: u32,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    excludes: Vec<String>,
    #[serde(default)]
    with_actors: BTreeMap<String, u32>,
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
    #[serde(default)]
    elsewhere: Cues,
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
    sub_event_types: BTreeMap<String, RawType>,
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
    /// ACLED's actor category (inter code): 1 state forces ... 8 external/other forces.
    pub inter: u8,
}

/// What the codebook says of one of ACLED's sub-event types.
#[derive(Clone, Debug)]
pub struct TypeInfo {
    /// The sub-event type.
    pub sub_event_type: SubEventType,
    /// ACLED's definition, in litopys' words.
    pub definition: String,
    /// Interaction codes events of this type usually carry.
    pub interactions: Vec<u8>,
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
    /// Other actors that take the acting side's place when the text names them (first named wins).
    pub actor1_any: Vec<usize>,
    /// Index of the side acted upon.
    pub actor2: Option<usize>,
    /// Other actors for the side acted upon.
    pub actor2_any: Vec<usize>,
    /// Tags always added.
    pub tags: Vec<String>,
    /// Score per distinct cue that names no weight of its own.
    pub weight: u32,
    /// The least score that makes a sentence an incident.
    pub min_score: u32,
    /// ACLED's precedence: of the rules that reach their `min_score`, the highest rank wins
    /// before the highest score (a battle told with its shelling is a battle).
    pub rank: u32,
    /// The verb phrase of the English note.
    pub note: String,
    /// True if the rule has a `requires` list.
    pub has_requirements: bool,
    /// Actor categories that add their weight when named in the same sentence as one of the
    /// rule's cues (`with_actors`): "Russian forces ... struck", "ТЦК ... вдарили", a gapped
    /// actor + action pattern scored as evidence.
    pub actor_weights: Vec<(usize, u32)>,
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
    /// A context that rules an event rule out (`excludes`).
    Excludes(usize),
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
    /// "Fatalities coded to another event": this report's deaths are counted elsewhere.
    Elsewhere,
}

/// One cue word found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Where it stands in the original text.
    pub span: Span,
    /// What it stands for.
    pub kind: CueKind,
    /// Distinguishes cues: every form of one codebook cue has the same id.
    pub pattern: u32,
    /// The cue's weight (event rules; 1 elsewhere).
    pub weight: u32,
}

/// One matcher key: whether it is a stem, and every cue it stands for `(kind, cue id, weight)`.
type Pattern = (bool, Vec<(CueKind, u32, u32)>);

/// A compiled codebook.
pub struct Codebook {
    actors: Vec<Actor>,
    weapons: Vec<String>,
    tags: Vec<String>,
    rules: Vec<EventRule>,
    types: Vec<TypeInfo>,
    matcher: Matcher,
    /// Per matcher key: whether it is a stem (matches any word ending), and what it stands for.
    patterns: Vec<Pattern>,
    /// The codebook's cues as written, by cue id.
    cue_texts: Vec<String>,
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

    /// ACLED's sub-event types with their definitions, in ACLED's order.
    pub fn types(&self) -> &[TypeInfo] {
        &self.types
    }

    /// The cue as the codebook writes it (its lemma), for a [`Cue::pattern`].
    pub fn cue_text(&self, pattern: u32) -> &str {
        self.cue_texts
            .get(pattern as usize)
            .map_or("", String::as_str)
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
        self.matcher.find(norm, |start, end, key| {
            let (_, kinds) = &self.patterns[key as usize];
            let span = Span::new(offsets[start], offsets[end]);
            out.extend(kinds.iter().map(|&(kind, pattern, weight)| Cue {
                span,
                kind,
                pattern,
                weight,
            }));
        });
        // in cue order within a span, so this order is the same whatever order the matcher
        // finds them in; a span that is a form of two cues of one kind ("shot down" of "shoot
        // down" and "shot down") counts once, for the first cue
        out.sort_by_key(|c| (c.span.start, c.span.end, c.pattern));
        let mut kept: Vec<Cue> = Vec::with_capacity(out.len());
        for cue in out {
            let twin = kept
                .iter()
                .rev()
                .take_while(|k| k.span == cue.span)
                .any(|k| k.kind == cue.kind);
            if !twin {
                kept.push(cue);
            }
        }
        kept
    }
}

/// Collects cue keys while a codebook compiles: every form of every cue, and what it stands for.
struct Table<'a> {
    inflector: &'a Inflector,
    keys: BTreeMap<String, Pattern>,
    /// Multi-word lemma cues, matched word by word: the forms of each word (normalised), and
    /// what the phrase stands for.
    phrases: Vec<(Vec<Vec<String>>, Vec<(CueKind, u32, u32)>)>,
    /// Where a phrase is in `phrases`, by its language and text (one phrase in several lists).
    phrase_index: HashMap<(Lang, String), usize>,
    cue_texts: Vec<String>,
}

impl Table<'_> {
    /// Adds cues of `kind`, each weighing `default_weight` unless it names its own (`cue|N`).
    fn add<'c>(
        &mut self,
        cues: impl Iterator<Item = (Lang, &'c String)>,
        kind: CueKind,
        default_weight: u32,
    ) -> Result<(), String> {
        for (lang, cue) in cues {
            let (text, weight) = match cue.rsplit_once('|') {
                Some((t, w)) => (
                    t,
                    w.trim()
                        .parse::<u32>()
                        .map_err(|_| format!("bad weight in cue {cue:?}"))?,
                ),
                None => (cue.as_str(), default_weight),
            };
            let text = text.trim();
            let id = self.cue_texts.len() as u32;
            self.cue_texts.push(text.to_string());
            if text.starts_with('*') {
                return Err(format!("cue {cue:?} starts with `*`: a pattern needs a first word"));
            }
            let (stem, forms) = if text.ends_with(" *") {
                // a pattern ending in any one word ("wants to *"): the word is part of the match
                (false, vec![text.to_string()])
            } else if let Some(s) = text.strip_suffix('*') {
                (true, vec![s.to_string()])
            } else if text.contains('*') {
                // a pattern ("центр* комплектования"): its words as written, matched word by word
                (false, vec![text.to_string()])
            } else if let Some(exact) = text.strip_prefix('=') {
                (false, vec![exact.to_string()])
            } else if let Some(words) = self.inflector.phrase_forms(lang, text) {
                self.add_phrase(lang, text, words, (kind, id, weight));
                continue;
            } else {
                (false, self.inflector.forms(lang, text))
            };
            for form in forms {
                let key = litopys_gazetteer::normalize(form.trim());
                if key.is_empty() {
                    continue;
                }
                let entry = self.keys.entry(key).or_insert((stem, Vec::new()));
                entry.0 |= stem;
                // one key may be a form of several cues of one kind: the first keeps it
                if !entry.1.iter().any(|(k, _, _)| *k == kind) {
                    entry.1.push((kind, id, weight));
                }
            }
        }
        Ok(())
    }

    /// Adds a multi-word lemma cue, `words` the forms of each of its words.
    fn add_phrase(&mut self, lang: Lang, text: &str, words: Vec<Vec<String>>, means: (CueKind, u32, u32)) {
        let at = match self.phrase_index.entry((lang, text.to_lowercase())) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let words = words
                    .iter()
                    .map(|forms| forms.iter().map(|f| litopys_gazetteer::normalize(f.trim())).collect())
                    .collect();
                self.phrases.push((words, Vec::new()));
                *e.insert(self.phrases.len() - 1)
            }
        };
        let kinds = &mut self.phrases[at].1;
        if !kinds.iter().any(|(k, _, _)| *k == means.0) {
            kinds.push(means);
        }
    }
}

fn compile(raw: RawCodebook) -> Result<Codebook, CodebookError> {
    let bad = |rule: &str, problem: String| CodebookError::Rule {
        rule: rule.to_string(),
        problem,
    };
    let mut t = Table {
        inflector: Inflector::builtin(),
        keys: BTreeMap::new(),
        phrases: Vec::new(),
        phrase_index: HashMap::new(),
        cue_texts: Vec::new(),
    };
    let mut actors = Vec::new();
    for (i, (key, a)) in raw.actors.iter().enumerate() {
        t.add(a.cues.all(), CueKind::Actor(i), 1)
            .map_err(|p| bad(key, p))?;
        actors.push(Actor {
            key: key.clone(),
            acled: a.acled.clone(),
            assoc: a.assoc.clone(),
            label: a.label.clone(),
            inter: a.inter,
        });
    }
    let weapons: Vec<String> = raw.weapons.keys().cloned().collect();
    for (i, cues) in raw.weapons.values().enumerate() {
        t.add(cues.all(), CueKind::Weapon(i), 1)
            .map_err(|p| bad("weapons", p))?;
    }
    let tags: Vec<String> = raw.tags.keys().cloned().collect();
    for (i, cues) in raw.tags.values().enumerate() {
        t.add(cues.all(), CueKind::Tag(i), 1)
            .map_err(|p| bad("tags", p))?;
    }
    let f = &raw.figures;
    let lists: [(&Cues, CueKind); 9] = [
        (&raw.background, CueKind::Background),
        (&raw.continuation, CueKind::Continuation),
        (&raw.masks, CueKind::Mask),
        (&f.people, CueKind::People),
        (&f.injured, CueKind::Injured),
        (&f.killed, CueKind::Killed),
        (&f.arrested, CueKind::Arrested),
        (&f.none, CueKind::None),
        (&f.elsewhere, CueKind::Elsewhere),
    ];
    for (cues, kind) in lists {
        t.add(cues.all(), kind, 1).map_err(|p| bad("lists", p))?;
    }
    let actor_index = |rule: &str, key: &str| {
        actors
            .iter()
            .position(|a: &Actor| a.key == key)
            .ok_or_else(|| bad(rule, format!("unknown actor {key:?}")))
    };
    let mut rules = Vec::new();
    for (i, e) in raw.event.iter().enumerate() {
        let sub_event_type = e
            .sub_event_type
            .parse::<SubEventType>()
            .map_err(|problem| bad(&e.id, problem))?;
        t.add(e.cues.all(), CueKind::Event(i), e.weight)
            .map_err(|p| bad(&e.id, p))?;
        t.add(untagged(&e.requires), CueKind::Requires(i), 1)
            .map_err(|p| bad(&e.id, p))?;
        t.add(untagged(&e.excludes), CueKind::Excludes(i), 1)
            .map_err(|p| bad(&e.id, p))?;
        let any = |keys: &[String]| {
            keys.iter()
                .map(|k| actor_index(&e.id, k))
                .collect::<Result<Vec<usize>, _>>()
        };
        rules.push(EventRule {
            id: e.id.clone(),
            sub_event_type,
            actor1: actor_index(&e.id, &e.actor1)?,
            actor1_any: any(&e.actor1_any)?,
            actor2: e
                .actor2
                .as_deref()
                .map(|k| actor_index(&e.id, k))
                .transpose()?,
            actor2_any: any(&e.actor2_any)?,
            tags: e.tags.clone(),
            weight: e.weight,
            min_score: e.min_score,
            rank: e.rank,
            note: e.note.clone(),
            has_requirements: !e.requires.is_empty(),
            actor_weights: e
                .with_actors
                .iter()
                .map(|(k, &w)| actor_index(&e.id, k).map(|i| (i, w)))
                .collect::<Result<Vec<_>, _>>()?,
        });
    }
    let mut types = Vec::new();
    for &st in SubEventType::ALL {
        let info = raw
            .sub_event_types
            .get(st.as_str())
            .ok_or_else(|| bad("sub_event_types", format!("{:?} has no entry", st.as_str())))?;
        types.push(TypeInfo {
            sub_event_type: st,
            definition: info.definition.clone(),
            interactions: info.interactions.clone(),
        });
    }
    if let Some(unknown) = raw
        .sub_event_types
        .keys()
        .find(|k| k.parse::<SubEventType>().is_err())
    {
        return Err(bad(
            "sub_event_types",
            format!("unknown ACLED sub-event type {unknown:?}"),
        ));
    }
    let (keys, mut patterns): (Vec<String>, Vec<Pattern>) = t.keys.into_iter().unzip();
    let stems: Vec<bool> = patterns.iter().map(|(stem, _)| *stem).collect();
    let (phrases, phrase_kinds): (Vec<_>, Vec<_>) = t.phrases.into_iter().unzip();
    // phrase `i` is matcher key `keys.len() + i`
    patterns.extend(phrase_kinds.into_iter().map(|kinds| (false, kinds)));
    let matcher = Matcher::new(&keys, &stems, &phrases).map_err(|e| bad("(all)", e.to_string()))?;
    Ok(Codebook {
        actors,
        weapons,
        tags,
        rules,
        types,
        matcher,
        patterns,
        cue_texts: t.cue_texts,
    })
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
        assert!(!cues
            .iter()
            .any(|c| c.span.text(text) == "strike" && c.span.start < 35));
    }

    #[test]
    fn bad_codebooks_are_rejected_with_reason() {
        let bad = DEFAULT_CODEBOOK.replace(
            "id = \"court-ruling\"\nsub_event_type = \"Other\"",
            "id = \"court-ruling\"\nsub_event_type = \"Riot\"",
        );
        let err = Codebook::from_toml(&bad)
            .err()
            .expect("unknown sub-event type rejected");
        assert!(err.to_string().contains("court-ruling"), "{err}");
        assert!(Codebook::from_toml("version = ").is_err());
        // a sub-event type without its definition is refused
        let undefined = DEFAULT_CODEBOOK.replace(
            "[sub_event_types.\"Suicide bomb\"]",
            "[sub_event_types.\"Suicide bombing\"]",
        );
        let err = Codebook::from_toml(&undefined)
            .err()
            .expect("missing definition rejected");
        assert!(err.to_string().contains("Suicide bomb"), "{err}");
        // a weight that is no number is refused
        let weight = DEFAULT_CODEBOOK.replace("\"clash|12\"", "\"clash|x\"");
        assert!(Codebook::from_toml(&weight).is_err());
        // a pattern needs a first word to be looked up by
        let starless = DEFAULT_CODEBOOK.replace("\"clash|12\"", "\"* clash|12\"");
        let err = Codebook::from_toml(&starless).err().expect("leading * rejected");
        assert!(err.to_string().contains("first word"), "{err}");
    }

    #[test]
    fn patterns_reach_the_words_between() {
        // written for litopys: the recruiters named in full, in Russian and Ukrainian
        let cb = Codebook::builtin();
        let text = "Сотрудники центра комплектования. Працівники територіального центру комплектування.";
        let recruitment = cb.actor("recruitment").expect("recruitment actor");
        let found: Vec<&str> = cb
            .scan(text)
            .iter()
            .filter(|c| c.kind == CueKind::Actor(recruitment))
            .map(|c| c.span.text(text))
            .collect();
        assert_eq!(found, ["центра комплектования", "центру комплектування"]);
    }

    #[test]
    fn lemma_cues_reach_inflected_forms_and_weights_are_kept() {
        let cb = Codebook::builtin();
        let text = "Окупанти обстріляли село. Russian forces shelled the town.";
        let cues = cb.scan(text);
        let shelling = cb
            .rules()
            .iter()
            .position(|r| r.id == "shelling")
            .expect("shelling rule");
        let words: Vec<(&str, u32)> = cues
            .iter()
            .filter(|c| c.kind == CueKind::Event(shelling))
            .map(|c| (c.span.text(text), c.weight))
            .collect();
        assert!(words.contains(&("обстріляли", 8)), "{words:?}");
        assert!(words.contains(&("shelled", 8)), "{words:?}");
        let cue = cues
            .iter()
            .find(|c| c.span.text(text) == "shelled")
            .map(|c| cb.cue_text(c.pattern));
        assert_eq!(cue, Some("shell"));
    }
}
