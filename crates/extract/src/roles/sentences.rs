//! What a sentence tells about the report around it, rather than about a name in it: a
//! follow-up of an incident told before, a suspect, an example or a recap of other news, a day
//! that dates the incident, a claim called fake or still to come, a retraction, a line of links,
//! harm done, and the stretches that name an event only as what something else refers to. Each
//! is a list of `data/roles.toml`, read where it stands in the sentence.

use litopys_model::Span;

use super::words::{after, lowered, strs, window_tokens};
use super::Roles;
use crate::Analysis;

impl Roles {
    /// True when the text in `span` follows up an incident told before: "the death toll rose to
    /// 27", "кількість загиблих зросла", "из-под завалов извлекли тело" (`data/roles.toml`
    /// `[follow_up]`).
    pub(crate) fn follows_up(&self, a: &Analysis, span: Span) -> bool {
        self.follow_up.anywhere_in(a.text(), span)
    }

    /// True when the text in `span` names the perpetrator of an incident told before: "the
    /// suspect in the attack", "нападника", "стрелявшего" (`data/roles.toml` `[suspect]`).
    pub(crate) fn names_suspect(&self, a: &Analysis, span: Span) -> bool {
        self.suspect.anywhere_in(a.text(), span)
    }

    /// True when the sentence at `span` opens with an example word: "For instance, ...",
    /// "Наприклад, ..." (`data/roles.toml` `[example]`).
    /// Also when it opens a recap of earlier news ("Ранее во Львове ...", `[recap]`) with no
    /// verb of speech in its first words ("Ранее власти сообщали ..." reports this incident).
    pub(crate) fn opens_example(&self, a: &Analysis, span: Span) -> bool {
        let words = after(a.text(), Span::new(span.start, span.start), 8);
        let words = strs(&words);
        if self.example.starts(&words).is_some() {
            return true;
        }
        let Some(n) = self.recap.starts(&words) else { return false };
        !words[n..].iter().any(|w| self.speech.starts(&[w]).is_some())
    }

    /// True when the sentence at `span` says it dates the incident told before: "Это произошло
    /// 2 октября", "Інцидент стався 9 лютого" (`data/roles.toml` `[dates_the_incident]`).
    pub(crate) fn dates_the_incident(&self, a: &Analysis, span: Span) -> bool {
        self.dates_the_incident.anywhere_in(a.text(), span)
    }

    /// True when the sentence at `span` calls what it tells fake or still to come ("— фейк",
    /// "должен состояться в среду", `data/roles.toml` `[unreal]`).
    pub(crate) fn tells_unreal(&self, a: &Analysis, span: Span) -> bool {
        self.unreal.anywhere_in(a.text(), span)
    }

    /// True when the sentence at `span` names a fighter by his call sign ("разведчик с позывным
    /// «Шахтер»", `data/roles.toml` `[call_sign]`): the report is his account of the front.
    pub(crate) fn names_call_sign(&self, a: &Analysis, span: Span) -> bool {
        self.call_sign.anywhere_in(a.text(), span)
    }

    /// True when the sentence at `span` takes back what the report told before: "Это были
    /// запланированные учения" (`data/roles.toml` `[retraction]`).
    pub(crate) fn retracts(&self, a: &Analysis, span: Span) -> bool {
        self.retraction.anywhere_in(a.text(), span)
    }

    /// Whether `line` opens with words that link to other stories (`data/roles.toml`
    /// `[related_links]`): `Some(true)` when the line holds nothing else ("Схожі новини"),
    /// `Some(false)` when a headline follows ("Read also: ...").
    pub(crate) fn related_links(&self, line: &str) -> Option<bool> {
        // every line and every sentence's line is asked: lower-case only a head long enough for
        // a marker and what may close it (a longer line holds a headline after the marker)
        let line = line.trim();
        // most lines start with a letter no marker starts with
        let first = line.chars().next()?.to_lowercase().next()?;
        if !self.related_links.iter().any(|m| m.starts_with(first)) {
            return None;
        }
        let head_end = line.char_indices().nth(48).map_or(line.len(), |(i, _)| i);
        let lower = line[..head_end].to_lowercase();
        let marker = self.related_links.iter().filter(|m| lower.starts_with(m.as_str())).max_by_key(|m| m.len())?;
        let rest = lower[marker.len()..].trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '.' || c == '›' || c == '>');
        Some(rest.is_empty() && head_end == line.len())
    }

    /// True when the text in `span` tells harm done: "повреждены два дома", "a woman was
    /// injured", "загинув чоловік" (`data/roles.toml` `[damage]`).
    pub(crate) fn tells_damage(&self, a: &Analysis, span: Span) -> bool {
        self.damage.anywhere_in(a.text(), span)
    }

    /// The stretches of the sentence at `span` that name an event another thing refers to:
    /// from the event word after a word of `[referred]` ("после удара по Днепру", "о ракетном
    /// ударе", up to two adjectives between) to the end of its clause. `events` are the spans of
    /// the sentence's event cues; the word after the preposition must start one of them. Not
    /// after a verb of statement: "сообщил об ударе" reports the strike.
    pub(crate) fn referred_stretches(&self, text: &str, span: Span, events: &[Span]) -> Vec<Span> {
        let tokens = window_tokens(text, span.start, span.end);
        let words = lowered(text, 0, tokens.iter().copied());
        let w = strs(&words);
        let mut out = Vec::new();
        for i in 0..w.len() {
            let Some(n) = self.referred.starts(&w[i..]) else { continue };
            let reported = i > 0 && self.speech.starts(&w[i - 1..]).is_some();
            if reported {
                continue;
            }
            let mut j = i + n;
            let mut skipped = 0;
            while skipped < 2 && w.get(j).is_some_and(|x| adjective_shaped(x)) && !starts_event(tokens[j], events) {
                j += 1;
                skipped += 1;
            }
            let Some(&head) = tokens.get(j).filter(|t| !t.is_empty() && starts_event(**t, events)) else { continue };
            let end = tokens[j..].iter().find(|t| t.is_empty()).map_or(span.end, |t| t.start);
            out.push(Span::new(head.start, end));
        }
        out
    }
}

/// True when the word `w` (lower case) is an article or looks like a Russian or Ukrainian
/// adjective ("ответного", "ракетном", "нову"): the words that may stand between a preposition
/// and the noun it governs.
fn adjective_shaped(w: &str) -> bool {
    const ENDINGS: [&str; 24] = [
        "ого", "его", "ому", "ему", "ой", "ей", "ый", "ий", "ій", "ым", "им", "ом", "ем", "ых", "их", "ая", "яя", "ое", "ее", "ую", "юю", "ої", "ою", "ну",
    ];
    matches!(w, "the" | "a" | "an") || (w.chars().count() > 3 && ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// True when the word at `word` starts inside one of the event cues at `events`.
fn starts_event(word: Span, events: &[Span]) -> bool {
    events.iter().any(|e| e.start <= word.start && word.start < e.end)
}
