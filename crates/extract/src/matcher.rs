//! Finding the codebook's keys (every form of every cue) in normalised text.
//!
//! # Design
//!
//! Lemma matching expands each cue into all its word forms (see [`crate::lemma`]): tens of
//! thousands of keys, most of them whole words ("shelled", "обстріляли"), many of them forms
//! no text holds ("droned"). In one Aho-Corasick DFA they made an automaton that took about
//! 90 MB of the process's memory to build and hold. Yet every key starts at the start of a
//! word (a cue never starts inside one), so the text needs to be looked at only there: one
//! pass over the text's words, and for each word a few hash-table probes, by what a match
//! of a key can be:
//!
//! * **Whole words** (no `*`, only letters and digits): a match starts and ends at a word
//!   boundary, so it is exactly one word of the text: the word itself is looked up.
//! * **Phrases** (no `*`, with a space, hyphen or apostrophe inside: "shot down",
//!   "з'ясувати"): a match starts at a word whose whole text is the key's first word; the
//!   word is looked up among first words, and the few phrases found are compared with the
//!   text that follows.
//! * **Stems** (`підпал*`: the start of any word): looked up by their first two characters
//!   (one-character stems by their first), then compared with the word's start.
//! * **Patterns** (a `*` inside: "центр* комплектования", "напал* на полици*", "дозв* * удар*"):
//!   word by word, each word of the pattern a stem (`напал*`), any one word (`*`) or exactly
//!   the word written; the words of the text may be apart by spaces, never by a line break.
//!   Looked up by their first character (they are few), then compared word by word. A stem
//!   ends the match where it ends, as a stem key does.
//! * **Phrases of forms** (a multi-word cue written as lemmas: "обстріляти місто", "set fire
//!   to"): not expanded into every combination of its words' forms (a phrase of three
//!   Russian words made up to 400 keys, and the codebook's 1,300 such cues 100,000 keys whose
//!   building was most of a process's start-up) but matched word by word: a set of forms per
//!   word, the first word's forms looked up like a whole word, each next word in its set.
//!   Words may be apart by spaces, never by a line break, as in patterns.
//! * Keys that start with punctuation (none in the shipped codebook) stay in a small
//!   Aho-Corasick automaton, scanned overlapping with the same boundary checks.
//!
//! Word boundaries are the same everywhere ([`is_alphanumeric`]), so every key matches where a
//! single automaton over all keys matched it, and nowhere else (the tests compare the two).
//! The tables are built once, with the codebook, and shared by every thread extracting with
//! it; a form no text holds costs a table entry, never time.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHasher;

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// What starts with one word of the text.
#[derive(Default)]
struct Entry {
    /// The key that is exactly this word.
    word: Option<u32>,
    /// Phrase keys whose first word this is, by their first two words (the key up to the end
    /// of its second word): the whole key, and its index. A common first word ("the", "на")
    /// starts hundreds of phrases, and every occurrence compared them all.
    phrases: FastMap<Box<str>, Vec<(Box<str>, u32)>>,
    /// Phrase keys with no second word ("тцк (").
    loose: Vec<(Box<str>, u32)>,
    /// Phrases of forms whose first word has a form starting with this word: the form, and
    /// the phrase's index in [`Matcher::form_phrases`].
    form_phrases: Vec<(Box<str>, u32)>,
}

/// The forms one word of a phrase of forms may take.
#[derive(Default)]
struct FormSet {
    /// Forms that are one run of letters and digits, looked up whole.
    whole: FastSet<Box<str>>,
    /// Forms with punctuation or a space inside ("з'ясували"), compared one by one.
    odd: Vec<Box<str>>,
}

impl FormSet {
    fn new(forms: &[String]) -> FormSet {
        let mut set = FormSet::default();
        for form in forms.iter().filter(|f| !f.is_empty()) {
            if first_word(form).len() == form.len() {
                set.whole.insert(form.as_str().into());
            } else {
                set.odd.push(form.as_str().into());
            }
        }
        set
    }
}

/// A multi-word cue matched word by word; see the module docs.
struct FormPhrase {
    /// The forms of its second, third... word.
    rest: Box<[FormSet]>,
    /// Its key index.
    key: u32,
}

/// Finds keys in normalised text; see the module docs.
pub(crate) struct Matcher {
    /// Whole words and phrases, by the (first) word.
    words: FastMap<Box<str>, Entry>,
    /// Stems of two or more characters by their first [`STEM_KEY`] characters (fewer when
    /// the stem's first word is shorter): the stem, its index. Keyed by two characters only,
    /// common starts ("по", "на", "за") held long lists that every word starting so compared
    /// one by one.
    stems: FastMap<Box<str>, Vec<(Box<str>, u32)>>,
    /// Stems whose first word is one character, by that character: the stem, its index.
    short_stems: FastMap<char, Vec<(Box<str>, u32)>>,
    /// Keys that start with punctuation, if any: the automaton, and per pattern the key's
    /// index and whether it is a stem.
    odd: Option<(AhoCorasick, Vec<(u32, bool)>)>,
    /// Patterns by the first character of their first word: the pattern's words, its index.
    patterns: FastMap<char, Vec<(Box<[Piece]>, u32)>>,
    /// Phrases of forms, found through [`Entry::form_phrases`].
    form_phrases: Vec<FormPhrase>,
}

/// How many leading characters of a stem key it in [`Matcher::stems`].
const STEM_KEY: usize = 4;

/// One word of a pattern key.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    /// Exactly this word.
    Word(Box<str>),
    /// Any word starting with this.
    Stem(Box<str>),
    /// Any one word.
    Any,
}

/// The words of `key` if it is a pattern (a `*` inside; a trailing one has been taken off and
/// is `stem`), else `None`. A pattern that starts with `*` is not one: it has no first word.
fn pattern_pieces(key: &str, stem: bool) -> Option<Box<[Piece]>> {
    if !key.contains('*') {
        return None;
    }
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let last = words.len().checked_sub(1)?;
    let pieces: Vec<Piece> = words
        .iter()
        .enumerate()
        .map(|(i, w)| match (w.strip_suffix('*'), i == last && stem) {
            _ if *w == "*" => Piece::Any,
            (Some(s), _) => Piece::Stem(s.into()),
            (None, true) => Piece::Stem((*w).into()),
            (None, false) => Piece::Word((*w).into()),
        })
        .collect();
    (pieces.first() != Some(&Piece::Any)).then(|| pieces.into())
}

/// Where a match of `pieces` that starts at byte `start` of `norm` (a word start) ends, if it
/// matches there.
fn match_pattern(norm: &str, start: usize, pieces: &[Piece]) -> Option<usize> {
    let mut at = start;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            let rest = &norm[at..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
            if gap == 0 {
                return None;
            }
            at += gap;
        }
        let rest = &norm[at..];
        let word_end = at + rest.find(|c: char| !is_alphanumeric(c)).unwrap_or(rest.len());
        if word_end == at {
            return None;
        }
        at = match piece {
            Piece::Word(w) if rest.starts_with(&**w) && ends_word(norm, at + w.len()) => at + w.len(),
            Piece::Stem(s) if rest.starts_with(&**s) => {
                if i + 1 == pieces.len() {
                    at + s.len()
                } else {
                    word_end
                }
            }
            Piece::Any => word_end,
            _ => return None,
        };
    }
    Some(at)
}

impl Matcher {
    /// A matcher for `keys` (normalised, none empty), where `stem[i]` says key `i` matches the
    /// start of a longer word too, and for `phrases`, each the forms of each of its words
    /// (normalised; a phrase with no word, or a word with no form, never matches), phrase `i`
    /// being key `keys.len() + i`.
    pub(crate) fn new(
        keys: &[String],
        stem: &[bool],
        phrases: &[Vec<Vec<String>>],
    ) -> Result<Matcher, aho_corasick::BuildError> {
        let mut m = Matcher {
            words: FastMap::default(),
            stems: FastMap::default(),
            short_stems: FastMap::default(),
            odd: None,
            patterns: FastMap::default(),
            form_phrases: Vec::new(),
        };
        for (i, words) in phrases.iter().enumerate() {
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            let index = m.form_phrases.len() as u32;
            m.form_phrases.push(FormPhrase {
                rest: rest.iter().map(|forms| FormSet::new(forms)).collect(),
                key: (keys.len() + i) as u32,
            });
            for form in first {
                let word = first_word(form);
                if !word.is_empty() {
                    let entry = m.words.entry(word.into()).or_default();
                    entry.form_phrases.push((form.as_str().into(), index));
                }
            }
        }
        let (mut odd_keys, mut odd_ids) = (Vec::new(), Vec::new());
        for (i, (key, &is_stem)) in keys.iter().zip(stem).enumerate() {
            let id = i as u32;
            let first = first_word(key);
            if let Some(pieces) = pattern_pieces(key, is_stem) {
                if let Some(c) = key.chars().next() {
                    m.patterns.entry(c).or_default().push((pieces, id));
                }
            } else if first.is_empty() {
                odd_keys.push(key.as_str());
                odd_ids.push((id, is_stem));
            } else if is_stem {
                let ends: Vec<usize> = first.char_indices().map(|(at, c)| at + c.len_utf8()).take(STEM_KEY).collect();
                match ends.as_slice() {
                    [] => {}
                    [_] => {
                        if let Some(c) = first.chars().next() {
                            m.short_stems.entry(c).or_default().push((key.as_str().into(), id));
                        }
                    }
                    [.., end] => m.stems.entry(first[..*end].into()).or_default().push((key.as_str().into(), id)),
                }
            } else if first.len() == key.len() {
                m.words.entry(key.as_str().into()).or_default().word = Some(id);
            } else {
                let entry = m.words.entry(first.into()).or_default();
                let phrase = (key.as_str().into(), id);
                match two_words(key) {
                    Some(end) => entry.phrases.entry(key[..end].into()).or_default().push(phrase),
                    None => entry.loose.push(phrase),
                }
            }
        }
        if !odd_keys.is_empty() {
            let automaton = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&odd_keys)?;
            m.odd = Some((automaton, odd_ids));
        }
        Ok(m)
    }

    /// Calls `found(start, end, key)` for every match in `norm`, overlapping ones included, in
    /// no particular order.
    pub(crate) fn find(&self, norm: &str, mut found: impl FnMut(usize, usize, u32)) {
        if let Some((automaton, ids)) = &self.odd {
            for m in automaton.find_overlapping_iter(norm) {
                let (key, stem) = ids[m.pattern().as_usize()];
                if starts_word(norm, m.start()) && (stem || ends_word(norm, m.end())) {
                    found(m.start(), m.end(), key);
                }
            }
        }
        let mut ends = Vec::new();
        for (start, end, prefixes) in words(norm) {
            let word = &norm[start..end];
            if let Some(entry) = self.words.get(word) {
                if let Some(key) = entry.word {
                    found(start, end, key);
                }
                let two = if entry.phrases.is_empty() { None } else { two_words(&norm[start..]) };
                let by_two = two.and_then(|e| entry.phrases.get(&norm[start..start + e]));
                for (phrase, key) in by_two.into_iter().flatten().chain(&entry.loose) {
                    let end = start + phrase.len();
                    if norm[start..].starts_with(&**phrase) && ends_word(norm, end) {
                        found(start, end, *key);
                    }
                }
                for (form, index) in &entry.form_phrases {
                    let end = start + form.len();
                    if norm[start..].starts_with(&**form) && ends_word(norm, end) {
                        if let Some(phrase) = self.form_phrases.get(*index as usize) {
                            ends.clear();
                            match_forms(norm, end, &phrase.rest, &mut ends);
                            for &e in &ends {
                                found(start, e, phrase.key);
                            }
                        }
                    }
                }
            }
            for &prefix in prefixes.iter().take_while(|&&p| p > 0) {
                if let Some(stems) = self.stems.get(&norm[start..prefix]) {
                    for (stem, key) in stems {
                        if norm[start..].starts_with(&**stem) {
                            found(start, start + stem.len(), *key);
                        }
                    }
                }
            }
            if !self.patterns.is_empty() {
                if let Some(patterns) = word.chars().next().and_then(|c| self.patterns.get(&c)) {
                    for (pieces, key) in patterns {
                        if let Some(end) = match_pattern(norm, start, pieces) {
                            found(start, end, *key);
                        }
                    }
                }
            }
            if !self.short_stems.is_empty() {
                if let Some(stems) = word.chars().next().and_then(|c| self.short_stems.get(&c)) {
                    for (stem, key) in stems {
                        if norm[start..].starts_with(&**stem) {
                            found(start, start + stem.len(), *key);
                        }
                    }
                }
            }
        }
    }
}

/// Pushes onto `ends` every end of a match of the words `rest` of a phrase of forms, the
/// phrase matched up to byte `at` of `norm`: each word apart from the one before by spaces.
fn match_forms(norm: &str, at: usize, rest: &[FormSet], ends: &mut Vec<usize>) {
    let Some((set, more)) = rest.split_first() else {
        ends.push(at);
        return;
    };
    let tail = &norm[at..];
    let gap = tail.len() - tail.trim_start_matches([' ', '\t', '\u{a0}']).len();
    if gap == 0 {
        return;
    }
    let start = at + gap;
    let tail = &norm[start..];
    let word_end = start + tail.find(|c: char| !is_alphanumeric(c)).unwrap_or(tail.len());
    if word_end > start && set.whole.contains(&norm[start..word_end]) {
        match_forms(norm, word_end, more, ends);
    }
    for form in &set.odd {
        let end = start + form.len();
        if tail.starts_with(&**form) && ends_word(norm, end) {
            match_forms(norm, end, more, ends);
        }
    }
}

/// Where the second word of `text` ends: the end of its second run of letters and digits,
/// if there is one.
fn two_words(text: &str) -> Option<usize> {
    let first = text.find(|c: char| !is_alphanumeric(c))?;
    let second = first + text[first..].find(is_alphanumeric)?;
    Some(second + text[second..].find(|c: char| !is_alphanumeric(c)).unwrap_or(text.len() - second))
}

/// The word a key starts with: its leading letters and digits.
fn first_word(key: &str) -> &str {
    let end = key
        .char_indices()
        .find(|&(_, c)| !is_alphanumeric(c))
        .map_or(key.len(), |(i, _)| i);
    &key[..end]
}

/// Every word of `text` (a maximal run of letters and digits) as `(start, end, prefixes)`:
/// its byte range, and where its second, third... up to its [`STEM_KEY`]th character ends
/// (0 where the word is shorter).
fn words(text: &str) -> impl Iterator<Item = (usize, usize, [usize; STEM_KEY - 1])> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // the next letter or digit
        let start = loop {
            let (c, len) = char_at(text, bytes, at)?;
            if is_alphanumeric(c) {
                break at;
            }
            at += len;
        };
        let mut n_chars = 0;
        let mut prefixes = [0; STEM_KEY - 1];
        while let Some((c, len)) = char_at(text, bytes, at) {
            if !is_alphanumeric(c) {
                break;
            }
            at += len;
            n_chars += 1;
            if (2..=STEM_KEY).contains(&n_chars) {
                prefixes[n_chars - 2] = at;
            }
        }
        Some((start, at, prefixes))
    })
}

/// The character at byte `at` of `text` and its length in bytes; ASCII and two-byte
/// characters (Cyrillic) decoded by hand.
#[inline]
fn char_at(text: &str, bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let b = *bytes.get(at)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    if b & 0xE0 == 0xC0 {
        if let Some(&b1) = bytes.get(at + 1) {
            let c = (u32::from(b & 0x1F) << 6) | u32::from(b1 & 0x3F);
            return char::from_u32(c).map(|c| (c, 2));
        }
    }
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

fn starts_word(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(is_alphanumeric)
}

fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(is_alphanumeric)
}

/// `litopys_gazetteer::chars::is_alphanumeric`, without its table lookup for ASCII and Cyrillic letters.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}') || litopys_gazetteer::chars::is_alphanumeric(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of `keys` in `text` as (matched text, key index), sorted.
    fn matches(keys: &[&str], stems: &[bool], text: &str) -> Vec<(String, u32)> {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        let m = Matcher::new(&keys, stems, &[]).expect("builds");
        let mut out = Vec::new();
        m.find(text, |s, e, k| out.push((text[s..e].to_string(), k)));
        out.sort();
        out
    }

    /// What one overlapping automaton over every key with boundary checks finds: the
    /// behaviour the matcher must keep.
    fn reference(keys: &[&str], stems: &[bool], text: &str) -> Vec<(String, u32)> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(keys)
            .expect("builds");
        let mut out: Vec<(String, u32)> = ac
            .find_overlapping_iter(text)
            .filter(|m| {
                starts_word(text, m.start())
                    && (stems[m.pattern().as_usize()] || ends_word(text, m.end()))
            })
            .map(|m| (text[m.start()..m.end()].to_string(), m.pattern().as_u32()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn finds_what_one_automaton_finds() {
        let keys = [
            "shelled",
            "shot down",
            "shot",
            "підпал",
            "тцк",
            "з'ясувати",
            "-й",
            "strike",
            "strikers go",
            "обстріл",
            "s",
            "с.",
            "a b",
            "стріл",
        ];
        let stems = [
            false, false, false, true, false, false, false, false, false, true, true, true, false,
            true,
        ];
        let text = "they shelled it; shot down a drone, shot  down; підпалили авто тцк. з'ясувати-й strikers go \
                    strike strikes обстрілу обстріл підпал unshelled shelled2 тцк с. с a b ab стрілянина — é ß";
        let got = matches(&keys, &stems, text);
        assert_eq!(got, reference(&keys, &stems, text));
        assert!(got.contains(&("shot down".to_string(), 1)), "{got:?}");
        assert!(got.contains(&("підпал".to_string(), 3)), "{got:?}");
        // a whole-word key never matches inside a longer word
        assert!(!got.iter().any(|(t, k)| *k == 7 && t != "strike"));
        assert_eq!(got.iter().filter(|(_, k)| *k == 7).count(), 1, "{got:?}");
    }

    #[test]
    fn patterns_match_word_by_word() {
        // "центр* комплектования" and "напал* на полици*" as the codebook hands them over:
        // a trailing star taken off and the key marked a stem
        let keys = ["центр* комплектования", "напал* на полици", "дозв* * удар", "тцк"];
        let stems = [false, true, true, false];
        let text = "сотрудники центра комплектования; напали на полицию. дозволу на удари. \
                    центром комплектованием; напали\nна полицию; напали  на полицию; тцк";
        let got = matches(&keys, &stems, text);
        assert!(got.contains(&("центра комплектования".to_string(), 0)), "{got:?}");
        assert!(got.contains(&("напали на полици".to_string(), 1)), "{got:?}");
        // spaces may be several, a line break never joins the words of one cue
        assert!(got.contains(&("напали  на полици".to_string(), 1)), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.contains('\n')), "{got:?}");
        assert!(got.contains(&("дозволу на удар".to_string(), 2)), "{got:?}");
        // an exact word of a pattern is that word only
        assert!(!got.iter().any(|(t, _)| t.starts_with("центром")), "{got:?}");
        assert_eq!(got.iter().filter(|(_, k)| *k == 3).count(), 1);
    }

    #[test]
    fn phrases_of_forms_match_any_form_of_each_word() {
        let forms = |words: &[&[&str]]| -> Vec<Vec<String>> {
            words.iter().map(|w| w.iter().map(|f| f.to_string()).collect()).collect()
        };
        let phrases = [
            forms(&[&["освободить", "освободили"], &["населенный", "населенные"], &["пункт", "пункты"]]),
            forms(&[&["з'ясувати", "з'ясували"], &["причини"]]),
            forms(&[&["тцк"]]),
        ];
        let m = Matcher::new(&["тцк".to_string()], &[false], &phrases).expect("builds");
        let text = "освободили населенные пункты; освободили  населенный пункт; освободить населенные\nпункты; \
                    освободили населенныепункты; з'ясували причини; тцк";
        let mut got = Vec::new();
        m.find(text, |s, e, k| got.push((text[s..e].to_string(), k)));
        got.sort();
        let mut want: Vec<(String, u32)> = [
            // a line break never joins the words of one cue; each word is a whole word
            ("освободили  населенный пункт", 1),
            ("освободили населенные пункты", 1),
            ("з'ясували причини", 2),
            // a one-word phrase is found like a word, besides the key that is the same word
            ("тцк", 0),
            ("тцк", 3),
        ]
        .iter()
        .map(|&(t, k)| (t.to_string(), k))
        .collect();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn words_are_letter_and_digit_runs() {
        let text = "a1 — Київ's,тцк";
        let w: Vec<&str> = words(text).map(|(s, e, _)| &text[s..e]).collect();
        assert_eq!(
            w,
            ["a1", "київ", "s", "тцк"].map(|s| if s == "київ" { "Київ" } else { s })
        );
    }
}
