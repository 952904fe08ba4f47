//! What a name does in its sentence: a scene, or a government, a topic, a speaker.
//!
//! # Design
//!
//! News about the war names places that are not where anything happened. A capital stands for
//! its government ("Киев заявил", "помощь Киеву", "реакция Киева"); a name after "о"/"про" is
//! a topic ("видео о Буче"); a small Ukrainian village's name is often a Russian village's too
//! ("Новоивановка Курской области"). An army named as the speaker of a report ("Воздушные силы
//! ВСУ заявили") is its source, not the side that struck.
//!
//! Each judgement is a score of named pieces of evidence ([`Weighing`]), each piece the words
//! that gave it, so a wrong decision can be traced to the word that made it. The words are data
//! (`data/roles.toml`), the code only knows where they stand: right after the name (a verb),
//! right before it (the word governing it), or around it in the sentence, paragraph and
//! headline (the country the passage is in).
//!
//! The trade-off: a name given one of these roles is no scene at all, so a report whose only
//! place is "Киев заявил" yields no incident. That costs nothing on real reports of incidents,
//! which name the scene with a preposition ("в Киеве", "по Киеву"), and removes the largest
//! class of phantom incidents from general news (issues #13 and #14).

use std::sync::OnceLock;

use litopys_gazetteer::{Frame, Kind, Mention};
use litopys_model::Span;
use serde::Deserialize;

use crate::Analysis;

mod sentences;
mod words;

pub(crate) use words::DocumentWords;
use words::{after, before, join, lowered, strs, window_tokens, words, words_before, Words};

/// One piece of evidence: what it says and the words that say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Signal {
    /// What the words show.
    pub what: &'static str,
    /// Its weight: positive for the role, negative against.
    pub weight: i32,
    /// The words.
    pub span: Span,
}

/// A decision as a sum of signals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Weighing {
    /// The signals found.
    pub signals: Vec<Signal>,
}

impl Weighing {
    /// The sum of the signals' weights.
    pub fn score(&self) -> i32 {
        self.signals.iter().map(|s| s.weight).sum()
    }

    fn add(&mut self, what: &'static str, weight: i32, span: Span) {
        self.signals.push(Signal { what, weight, span });
    }
}

/// A score of 2 or more gives the role.
const THRESHOLD: i32 = 2;

use crate::codebook::Cues as Langs;

#[derive(Deserialize)]
struct Strikes {
    sub_event_types: Vec<String>,
}

/// `[earlier_attack]`: the words of an attack named by its town, and the words before it that
/// count a time from it.
#[derive(Deserialize)]
struct EarlierAttack {
    attack: Langs,
    anchor: Langs,
}

#[derive(Deserialize)]
struct RolesFile {
    speech: Langs,
    intent: Langs,
    skip: Langs,
    subject_before: Langs,
    attacker_verbs: Langs,
    governs: Langs,
    dative_prepositions: Langs,
    unit_words: Langs,
    list_words: Langs,
    topic: Langs,
    alert: Langs,
    place_prepositions: Langs,
    foreign_settlement_words: Langs,
    source_before: Langs,
    seat_before: Langs,
    owner_after: Langs,
    government_after_possessive: Langs,
    feature_after: Langs,
    sector_after: Langs,
    earlier_attack: EarlierAttack,
    transit_before: Langs,
    defenders: Langs,
    follow_up: Langs,
    suspect: Langs,
    related_links: Langs,
    example: Langs,
    recap: Langs,
    dates_the_incident: Langs,
    referred: Langs,
    retraction: Langs,
    unreal: Langs,
    call_sign: Langs,
    damage: Langs,
    strikes: Strikes,
}

/// The role words, compiled once.
#[derive(Default)]
pub(crate) struct Roles {
    speech: Words,
    intent: Words,
    skip: Words,
    subject_before: Words,
    attacker_verbs: Words,
    governs: Words,
    dative_prepositions: Words,
    unit_words: Words,
    list_words: Words,
    topic: Words,
    alert: Words,
    place_prepositions: Words,
    foreign_settlement_words: Words,
    source_before: Words,
    seat_before: Words,
    owner_after: Words,
    government_after_possessive: Words,
    feature_after: Words,
    sector_after: Words,
    attack_after: Words,
    anchor_before: Words,
    transit_before: Words,
    defenders: Words,
    follow_up: Words,
    suspect: Words,
    related_links: Vec<String>,
    example: Words,
    recap: Words,
    dates_the_incident: Words,
    referred: Words,
    retraction: Words,
    unreal: Words,
    call_sign: Words,
    damage: Words,
    strikes: Vec<String>,
}

/// The built-in role words (`data/roles.toml`).
pub(crate) fn builtin() -> &'static Roles {
    static ROLES: OnceLock<Roles> = OnceLock::new();
    ROLES.get_or_init(|| {
        // the file is part of the binary and tested to parse: an error is a build defect, and
        // the empty table then only turns the role checks off
        let file: Option<RolesFile> = toml::from_str(include_str!("../../../../data/roles.toml")).ok();
        match file {
            Some(f) => Roles {
                speech: Words::new(f.speech),
                intent: Words::new(f.intent),
                skip: Words::new(f.skip),
                subject_before: Words::new(f.subject_before),
                attacker_verbs: Words::new(f.attacker_verbs),
                governs: Words::new(f.governs),
                dative_prepositions: Words::new(f.dative_prepositions),
                unit_words: Words::new(f.unit_words),
                list_words: Words::new(f.list_words),
                topic: Words::new(f.topic),
                alert: Words::new(f.alert),
                place_prepositions: Words::new(f.place_prepositions),
                foreign_settlement_words: Words::new(f.foreign_settlement_words),
                source_before: Words::new(f.source_before),
                seat_before: Words::new(f.seat_before),
                owner_after: Words::new(f.owner_after),
                government_after_possessive: Words::new(f.government_after_possessive),
                feature_after: Words::new(f.feature_after),
                sector_after: Words::new(f.sector_after),
                attack_after: Words::new(f.earlier_attack.attack),
                anchor_before: Words::new(f.earlier_attack.anchor),
                transit_before: Words::new(f.transit_before),
                defenders: Words::new(f.defenders),
                follow_up: Words::new(f.follow_up),
                suspect: Words::new(f.suspect),
                related_links: [f.related_links.en, f.related_links.uk, f.related_links.ru].concat(),
                example: Words::new(f.example),
                recap: Words::new(f.recap),
                dates_the_incident: Words::new(f.dates_the_incident),
                referred: Words::new(f.referred),
                retraction: Words::new(f.retraction),
                unreal: Words::new(f.unreal),
                call_sign: Words::new(f.call_sign),
                damage: Words::new(f.damage),
                strikes: f.strikes.sub_event_types,
            },
            None => Roles::default(),
        }
    })
}

impl Roles {
    /// The index of the first word after any words of `skip` at the start of `w`.
    fn skipped(&self, w: &[&str]) -> usize {
        let mut i = 0;
        while let Some(n) = self.skip.starts(&w[i..]) {
            i += n;
        }
        i
    }

    /// A speech verb right after `span` (past words like "ранее", "не раз"): the words of it.
    fn speech_after(&self, text: &str, span: Span) -> Option<Span> {
        self.verb_after(&self.speech, text, span)
    }

    /// A verb of `list` right after `span`, past words like "ранее", "не раз".
    fn verb_after(&self, list: &Words, text: &str, span: Span) -> Option<Span> {
        let next = after(text, span, 6);
        let w = strs(&next);
        let i = self.skipped(&w);
        let n = list.starts(&w[i..])?;
        Some(join(&next[i..i + n]))
    }

    /// How much the words around a place name say it stands for a government or is a topic,
    /// not a scene: "Киев заявил", "помощь Киеву", "реакция Киева", "видео о Буче".
    pub(crate) fn government_or_topic(&self, a: &Analysis, m: &Mention) -> Weighing {
        let text = a.text();
        let mut w = Weighing::default();
        let prev = before(text, m.span, 4);
        let prev_words = strs(&prev);
        let located = prev_words
            .last()
            .is_some_and(|p| self.place_prepositions.starts(&[p]).is_some());
        let settlement = m
            .candidates
            .first()
            .map(|&id| a.gazetteer.entry(id))
            .filter(|e| e.kind.is_settlement() && m.frame == Frame::Plain);
        let subject = prev_words
            .last()
            .is_none_or(|p| self.subject_before.starts(&[p]).is_some());
        if subject {
            if let Some(verb) = self
                .speech_after(text, m.span)
                .or_else(|| self.verb_after(&self.intent, text, m.span))
            {
                w.add(
                    "the name is the subject of a statement or an intent",
                    2,
                    verb,
                );
            }
            // "after Moscow targeted a demining group": the capital is the attacker (not when
            // the verb is passive: "Kharkiv struck by glide bombs")
            let active = |verb: &Span| after(text, *verb, 1).first().is_none_or(|(next, _)| next != "by");
            if let Some(verb) = self.verb_after(&self.attacker_verbs, text, m.span).filter(active) {
                w.add("the name is a capital that attacks, a government", 2, verb);
            }
        }
        // "просил Киев", "заявил Киев": the subject after its verb
        if let Some(n) = self
            .speech
            .ends(&prev_words)
            .or_else(|| self.intent.ends(&prev_words))
        {
            w.add(
                "the name is the subject of a statement or an intent",
                2,
                join(&prev[prev.len() - n..]),
            );
        }
        if !located {
            // the word right before, or the one before an object noun ("поставок оружия Киеву")
            // (the object noun is a common noun, not a preposition: "удар по Киеву" is a place)
            let object_noun = prev.last().is_some_and(|(word, span)| {
                word.chars().count() > 3
                    && !span.text(text).starts_with(litopys_gazetteer::chars::is_uppercase)
                    && self.dative_prepositions.starts(&[word.as_str()]).is_none()
                    && !is_verb(word)
            });
            let found = self.governs.ends(&prev_words).map(|n| (n, 0)).or_else(|| {
                let shorter = &prev_words[..prev_words.len().saturating_sub(1)];
                self.governs
                    .ends(shorter)
                    .filter(|_| object_noun)
                    .map(|n| (n, 1))
            });
            if let Some((n, gap)) = found {
                let end = prev.len() - gap;
                w.add(
                    "a word of policy or aid governs the name",
                    2,
                    join(&prev[end - n..end]),
                );
            }
        } else if prev_words.len() >= 2 {
            // "посольство США в Киеве", "корреспондент FT в Киеве"
            let head = &prev_words[..prev_words.len() - 1];
            let from = head.len().saturating_sub(3);
            if let Some(i) =
                (from..head.len()).find(|&i| self.seat_before.starts(&head[i..=i]).is_some())
            {
                w.add(
                    "the name is the seat of an embassy, an office or a post",
                    2,
                    prev[i].1,
                );
            }
        }
        // "помощь Киеву", "США Киеву": a settlement in the dative with no preposition is a
        // recipient; "по Киеву", "к Киеву" are places
        if let Some(e) = settlement {
            let word = m.span.text(text).to_lowercase();
            let dative = (word.ends_with('у') || word.ends_with('ю'))
                && takes_dative_u(&e.name_uk.to_lowercase());
            let preposition = located || self.dative_preposition_before(text, m.span);
            if dative && !preposition {
                w.add(
                    "a settlement in the dative with no preposition is a recipient",
                    2,
                    m.span,
                );
            }
        }
        // "в Охотском море": part of a sea's name
        let next = after(text, m.span, 1);
        if self.feature_after.starts(&strs(&next)).is_some() {
            w.add("the name is part of a water body's name", 2, join(&next));
        }
        // "на Покровском направлении": a sector of the front, named after a town
        if self.sector_after.starts(&strs(&next)).is_some() {
            w.add("the name is a front's sector", 2, join(&next));
        }
        // "the day after the deadly Poltava attack": the town names an earlier incident that a
        // day is counted from, not this one's scene
        if self.attack_after.starts(&strs(&next)).is_some() {
            if let Some(word) = prev.iter().find(|(word, _)| self.anchor_before.starts(&[word.as_str()]).is_some()) {
                w.add("the name is an earlier attack a time is counted from", 2, word.1);
            }
        }
        // "ракеты через Черниговскую область": a stretch of the route
        if let Some(word) = prev.last().filter(|(word, _)| self.transit_before.starts(&[word.as_str()]).is_some()) {
            w.add("the name is a stretch of a route", 2, word.1);
        }
        // "the United States Embassy": the owner of an office in the country it stands in
        let country = m.candidates.first().is_some_and(|&id| a.gazetteer.entry(id).kind == Kind::Country);
        if country && self.owner_after.starts(&strs(&next)).is_some() {
            w.add("the name owns an embassy or a consulate", 2, join(&next));
        }
        // "critics of Kyiv's mobilization policies": the government, not a scene
        let possessive = ["'s ", "’s "].iter().any(|p| text[m.span.end..].starts_with(p));
        if possessive {
            let next = after(text, m.span, 3);
            // the words after the possessive's "s"
            let rest = next.get(1..).unwrap_or(&[]);
            if self.government_after_possessive.starts(&strs(rest)).is_some() {
                w.add("an English possessive names the government's policy, not a scene", 2, join(&next));
            }
        }
        // "видео о Буче", "комментарии про ... Бучу": a topic, unless a place preposition comes
        // between ("о событиях в Буче" tells where they were)
        // (the preposition right before the name, or before one adjective: "про украинскую Бучу",
        // or before a list the name ends: "про Владимира Путина и украинскую Бучу")
        if let Some(at) = self.topic_before(text, m.span) {
            w.add("the name is what something is about", 2, at);
        }
        // "тревога объявлена ... в Полтавской области", "отключения есть в Киеве, ...": a
        // sentence about an alert, a power cut or a strike's route that tells no incident of its
        // own names areas, not scenes
        // (in Ukraine only: "the US embassy warns of an air-raid alert" still places a report abroad)
        let in_ukraine = m.candidates.first().is_some_and(|&id| a.gazetteer.entry(id).is_ukrainian());
        if let Some(alert) = self.alert_in_sentence(a, m.span).filter(|_| in_ukraine) {
            w.add("the name is in a sentence about an alert, a power cut or a strike's route", 2, alert);
        }
        w
    }

    /// The alert word of the sentence around `span`, if the sentence has one and no event cue.
    fn alert_in_sentence(&self, a: &Analysis, span: Span) -> Option<Span> {
        // sentences are in text order: the last one starting at or before the name
        let i = a.sentences.partition_point(|s| s.span.start <= span.start);
        let sentence = a.sentences.get(i.checked_sub(1)?).filter(|s| span.end <= s.span.end)?;
        let events = a.cues_in(sentence.span).iter().any(|c| matches!(c.kind, crate::codebook::CueKind::Event(_)));
        if events {
            return None;
        }
        let text = a.text();
        let words = lowered(text, 0, window_tokens(text, sentence.span.start, sentence.span.end).into_iter().filter(|t| !t.is_empty()));
        words.iter().find(|(word, _)| self.alert.starts(&[word.as_str()]).is_some()).map(|(_, s)| *s)
    }

    /// True when a dative preposition governs the name at `span`: right before it, before one
    /// noun ("по территории ЗАЭС и Энергодару"), or before a list it ends ("по Харькову,
    /// Запорожью и Одессе").
    fn dative_preposition_before(&self, text: &str, span: Span) -> bool {
        let w = words_before(text, span, 12);
        let capitalised = |s: Span| s.text(text).starts_with(litopys_gazetteer::chars::is_uppercase);
        let mut i = w.len();
        // back over the list's other names and its commas and conjunctions
        while i > 0 {
            let (word, s) = &w[i - 1];
            let list_word = word.is_empty()
                || self.list_words.starts(&[word.as_str()]).is_some()
                || capitalised(*s);
            if !list_word {
                break;
            }
            i -= 1;
        }
        let is_prep = |k: usize| {
            w.get(k).is_some_and(|(word, _)| {
                self.dative_prepositions.starts(&[word.as_str()]).is_some()
            })
        };
        i > 0 && (is_prep(i - 1) || (i > 1 && is_prep(i - 2)))
    }

    /// The topic word ("о", "про", "about") that governs the name at `span`: right before it,
    /// before adjectives, or before a list the name ends whose other items are names
    /// ("комментарии про Владимира Путина и украинскую Бучу").
    fn topic_before(&self, text: &str, span: Span) -> Option<Span> {
        let prev = before(text, span, 6);
        let capitalised = |s: Span| s.text(text).starts_with(char::is_uppercase);
        let mut i = prev.len();
        while i > 0 {
            let (word, s) = &prev[i - 1];
            if self.topic.starts(&[word.as_str()]).is_some() {
                return Some(*s);
            }
            let list_item = is_adjective(word) || capitalised(*s) || matches!(word.as_str(), "и" | "і" | "й" | "та" | "and");
            if !list_item {
                return None;
            }
            i -= 1;
        }
        None
    }

    /// True when the place name stands for a government or a topic, not a scene.
    pub(crate) fn is_not_scene(&self, a: &Analysis, m: &Mention) -> bool {
        self.government_or_topic(a, m).score() >= THRESHOLD
    }

    /// How much the passage around a Ukrainian village's name says it is a namesake abroad:
    /// a Russian region right after it ("Новоивановка Курской области"), Russian places in its
    /// sentence, the sentence before or the headline, a Russian word for a village; against:
    /// the candidate's own oblast or raion named in the paragraph.
    pub(crate) fn abroad_namesake(
        &self,
        a: &Analysis,
        m: &Mention,
        entry: litopys_gazetteer::EntryId,
    ) -> Weighing {
        let mut w = Weighing::default();
        let e = a.gazetteer.entry(entry);
        // a city of its own is meant by its name unless a region or city abroad stands right
        // after it ("в Красноармейском районе Волгограда"); "Каменский район" may be abroad
        let big = e.population >= 50_000 && m.frame != Frame::District;
        if !e.is_ukrainian()
            || !matches!(
                e.kind,
                Kind::Village | Kind::City | Kind::Raion | Kind::Hromada
            )
        {
            return w;
        }
        let text = a.text();
        let Some(si) = sentence_of(a, m.span) else {
            return w;
        };
        let s = &a.sentences[si];
        let paragraph = a.paragraphs.get(s.paragraph_idx).copied().unwrap_or(s.span);
        let foreign = |x: &&Mention| {
            let f = a.gazetteer.entry(x.candidates[0]);
            !f.is_ukrainian()
                && !f.country.is_empty()
                && matches!(
                    f.kind,
                    Kind::Oblast | Kind::Region | Kind::City | Kind::Village | Kind::Raion
                )
                && !self.is_not_scene(a, x)
        };
        // the region after a list names every item's: "Погребки — Ольговка — Новоивановка
        // Курской области"
        let later: Vec<&Mention> = a
            .places_in(s.span)
            .iter()
            .filter(|x| x.span.start >= m.span.end)
            .collect();
        let mut end = m.span.end;
        for next in later {
            let gap = text.get(end..next.span.start).unwrap_or("x");
            let gap_words = words(gap, 0);
            let joined = gap_words.iter().all(|(word, _)| {
                word.is_empty()
                    || self.list_words.starts(&[word.as_str()]).is_some()
                    || self.unit_words.starts(&[word.as_str()]).is_some()
            });
            if !joined {
                break;
            }
            if foreign(&next) {
                w.add("a region or city abroad follows the name", 2, next.span);
                break;
            }
            end = next.span.end;
        }
        if big {
            return w;
        }
        if w.signals.is_empty() {
            if let Some(x) = a
                .places_in(s.span)
                .iter()
                .find(|x| x.span != m.span && foreign(x))
            {
                w.add("the sentence names a place abroad", 1, x.span);
            }
        }
        let previous = si
            .checked_sub(1)
            .map(|i| &a.sentences[i])
            .filter(|p| p.paragraph_idx == s.paragraph_idx);
        let headline = a
            .paragraphs
            .first()
            .filter(|p| p.len() <= 300 && !(p.start <= s.span.start && s.span.start < p.end));
        for span in previous
            .map(|p| p.span)
            .into_iter()
            .chain(headline.copied())
        {
            if let Some(x) = a.places_in(span).iter().find(foreign) {
                w.add(
                    "the sentence before or the headline names a place abroad",
                    1,
                    x.span,
                );
                break;
            }
        }
        // the gazetteer takes the settlement word into the name ("деревне Колодезное")
        let mut prev = before(text, m.span, 2);
        prev.extend(words(m.span.text(text), m.span.start).into_iter().take(1));
        if let Some((_, span)) = prev.iter().find(|(word, _)| {
            self.foreign_settlement_words
                .starts(&[word.as_str()])
                .is_some()
        }) {
            w.add(
                "a word for a village that Russian texts use for Russian ones",
                1,
                *span,
            );
        }
        // a text that names places abroad again and again, and no Ukrainian region, is about
        // abroad
        // (a region abroad counts twice: "в Курской области" sets a story's scene; a Ukrainian
        // region counts against only where it stands near the name or in the lead: "к границе со
        // стороны Сумской области" at the end of a story about Kursk is a direction)
        let whole = Span::new(0, text.len());
        let abroad_named: usize = a
            .places_in(whole)
            .iter()
            .filter(|x| x.span != m.span && foreign(x))
            .map(|x| if matches!(a.gazetteer.entry(x.candidates[0]).kind, Kind::Oblast | Kind::Region) { 2 } else { 1 })
            .sum();
        let lead = a.paragraphs.first().copied().unwrap_or(paragraph);
        let ukrainian_region = [paragraph, lead].iter().any(|&span| {
            a.places_in(span).iter().any(|x| {
                let o = a.gazetteer.entry(x.candidates[0]);
                o.is_ukrainian() && matches!(o.kind, Kind::Oblast | Kind::Raion)
            })
        });
        if abroad_named >= 2 && !ukrainian_region {
            w.add(
                "the text names places abroad and no Ukrainian region",
                1,
                m.span,
            );
        }
        if let Some(x) = self.scene_abroad_in_lead(a, lead, &foreign) {
            w.add("the lead sets the story in a region abroad", 1, x);
        }
        let own = a.places_in(paragraph).iter().find(|x| {
            x.span != m.span
                && x.candidates.iter().any(|&id| {
                    let o = a.gazetteer.entry(id);
                    (o.kind == Kind::Oblast && o.admin1 == e.admin1)
                        || (o.kind == Kind::Raion && o.admin2.is_some() && o.admin2 == e.admin2)
                })
        });
        if let Some(x) = own {
            w.add(
                "the paragraph names the village's own oblast or raion",
                -2,
                x.span,
            );
        }
        w
    }

    /// True when the passage says the name is a namesake abroad.
    pub(crate) fn is_abroad_namesake(
        &self,
        a: &Analysis,
        m: &Mention,
        entry: litopys_gazetteer::EntryId,
    ) -> bool {
        self.abroad_namesake(a, m, entry).score() >= THRESHOLD
    }

    /// A region abroad that the lead names as a scene, after a preposition of place ("в ходе
    /// наступления в Курской области"): the story is set there, and a village named further
    /// down without a region of its own is more likely there too.
    fn scene_abroad_in_lead(&self, a: &Analysis, lead: Span, foreign: &dyn Fn(&&Mention) -> bool) -> Option<Span> {
        let text = a.text();
        a.places_in(lead)
            .iter()
            .filter(|x| foreign(x) && matches!(a.gazetteer.entry(x.candidates[0]).kind, Kind::Oblast | Kind::Region))
            .find(|x| {
                let prev = before(text, x.span, 1);
                self.place_prepositions.ends(&strs(&prev)).is_some()
            })
            .map(|x| x.span)
    }

    /// True when an actor named at `span` is the source of a report, not a party: "Воздушные
    /// силы ВСУ заявили", "по данным ВСУ", "the Ukrainian military said".
    pub(crate) fn is_source(&self, text: &str, span: Span) -> bool {
        let prev = before(text, span, 3);
        self.speech_after(text, span).is_some() || self.source_before.ends(&strs(&prev)).is_some()
    }

    /// True when `sub_event_type` is a strike (`[strikes]`).
    pub(crate) fn is_strike(&self, sub_event_type: &str) -> bool {
        self.strikes.iter().any(|s| s == sub_event_type)
    }

    /// True when `cue_text` names an air defence and `sub_event_type` is a strike: the defender
    /// is never the striking side.
    pub(crate) fn is_defender_of(&self, cue_text: &str, sub_event_type: &str) -> bool {
        if !self.is_strike(sub_event_type) {
            return false;
        }
        let lower = cue_text.to_lowercase();
        let w: Vec<&str> = lower.split_whitespace().collect();
        self.defenders.starts(&w).is_some()
    }
}

/// True when a name whose nominative is `nominative` ends in -у/-ю only in the dative: a
/// masculine name ending in a consonant (Київ, Киеву) or a neuter one (Запоріжжя, Запорожью).
/// A feminine name ends so in the accusative too (Новодарівка, "взяли Новодаровку").
fn takes_dative_u(nominative: &str) -> bool {
    let mut rev = nominative.chars().rev();
    match (rev.next(), rev.next(), rev.next()) {
        (Some('я'), Some(a), Some(b)) => a == b,
        (Some(c), _, _) => litopys_gazetteer::chars::is_alphabetic(c) && !"аеєиіїоуюяыэё".contains(c),
        _ => false,
    }
}

/// True for a word with a Russian or Ukrainian verb's ending ("подвергся", "атаковали").
fn is_verb(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ся", "сь", "ть", "ти", "ла", "ли", "ло", "ет", "ит", "ют", "ят", "ал", "ил", "ел", "ув",
        "ив",
    ];
    ENDINGS.iter().any(|e| word.ends_with(e))
}

/// True for a word with an adjective's ending ("украинскую", "оккупированной", "київському").
fn is_adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ую", "ой", "ом", "ей", "ий", "ый", "ая", "ое", "ые", "ых", "ого", "ему", "ому", "ій",
        "ої", "ою", "ої", "ий", "а", "е", "і",
    ];
    ENDINGS.iter().any(|e| word.ends_with(e)) && word.chars().count() > 3
}

/// The index of the sentence holding `span`.
fn sentence_of(a: &Analysis, span: Span) -> Option<usize> {
    let i = a.sentences.partition_point(|s| s.span.start <= span.start);
    i.checked_sub(1)
        .filter(|&i| a.sentences[i].span.end >= span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses() {
        let file: Result<RolesFile, _> = toml::from_str(include_str!("../../../../data/roles.toml"));
        assert!(file.is_ok(), "{:?}", file.err());
    }

    #[test]
    fn words_stop_at_the_clause() {
        // written for litopys
        let text = "Сегодня, по данным штаба, Киев не раз заявлял";
        let at = text.find("Киев").unwrap_or(0);
        let span = Span::new(at, at + "Киев".len());
        // the comma after "штаба" ends the clause before the name
        assert!(before(text, span, 4).is_empty());
        let short = "по данным ВСУ";
        let at = short.find("ВСУ").unwrap_or(0);
        assert_eq!(
            strs(&before(short, Span::new(at, short.len()), 4)),
            vec!["по", "данным"]
        );
        assert_eq!(strs(&after(text, span, 6)), vec!["не", "раз", "заявлял"]);
        let r = builtin();
        assert!(r.speech_after(text, span).is_some());
    }
}
