//! Finding the codebook's keys (every form of every cue) in normalised text.
//!
//! # Design
//!
//! Lemma matching expands each cue into all its word forms (see [`crate::lemma`]): tens of
//! thousands of keys, most of them whole words ("shelled", "обстріляли"), many of them forms
//! no text holds ("droned"). Put in one Aho-Corasick DFA, they made the automaton several
//! times larger: the scan's per-byte step missed the cache, extraction lost a third of its
//! speed and the DFA doubled the process's memory. So keys are split by what a match of them
//! can be, and each kind is found the cheapest way that finds exactly the same matches:
//!
//! * **Whole words** (no `*`, only letters and digits): a match must start and end at a word
//!   boundary, so it is exactly one word of the text. The text's words are looked up in a hash
//!   table, one lookup per word; a form no text holds costs a table entry, never time.
//! * **Phrases** (no `*`, starting with a letter or digit, with a space, hyphen or apostrophe
//!   inside: "shot down", "з'ясувати"): a match starts at a word whose whole text is the key's
//!   first word. Each word is looked up in a second table of first words; the few phrases
//!   found there are compared with the text that follows.
//! * **Everything else** (stems, `підпал*`, which match the start of a longer word, and the
//!   odd key that starts with punctuation): a small Aho-Corasick DFA, scanned overlapping, as
//!   all keys were before.
//!
//! Word boundaries are the same everywhere ([`is_alphanumeric`]), so every key matches where
//! the single automaton matched it, and nowhere else. The tables are built once, with the
//! codebook, and shared by every thread that extracts with it.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHasher;

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Finds keys in normalised text; see the module docs.
pub(crate) struct Matcher {
    /// Stems and keys that start with punctuation.
    automaton: AhoCorasick,
    /// Per automaton pattern: the key's index, and whether it is a stem.
    automaton_keys: Vec<(u32, bool)>,
    /// Whole-word keys: the word, and the key's index.
    words: FastMap<Box<str>, u32>,
    /// Phrase keys by their first word: the whole key, and its index.
    phrases: FastMap<Box<str>, Vec<(Box<str>, u32)>>,
}

impl Matcher {
    /// A matcher for `keys` (normalised, none empty); `stem[i]` says key `i` matches the start
    /// of a longer word too.
    pub(crate) fn new(keys: &[String], stem: &[bool]) -> Result<Matcher, aho_corasick::BuildError> {
        let mut words = FastMap::default();
        let mut phrases: FastMap<Box<str>, Vec<(Box<str>, u32)>> = FastMap::default();
        let mut scanned = Vec::new();
        let mut automaton_keys = Vec::new();
        for (i, (key, &is_stem)) in keys.iter().zip(stem).enumerate() {
            let id = i as u32;
            let first = first_word(key);
            if is_stem || first.is_empty() {
                scanned.push(key.as_str());
                automaton_keys.push((id, is_stem));
            } else if first.len() == key.len() {
                words.insert(key.as_str().into(), id);
            } else {
                phrases.entry(first.into()).or_default().push((key.as_str().into(), id));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // a DFA: the scan is overlapping (a stem inside a longer cue counts too), which rules
            // out the prefilter, so the per-byte step is what costs
            .kind(Some(AhoCorasickKind::DFA))
            .build(&scanned)?;
        Ok(Matcher { automaton, automaton_keys, words, phrases })
    }

    /// Calls `found(start, end, key)` for every match in `norm`, overlapping ones included, in
    /// no particular order.
    pub(crate) fn find(&self, norm: &str, mut found: impl FnMut(usize, usize, u32)) {
        for m in self.automaton.find_overlapping_iter(norm) {
            let (key, stem) = self.automaton_keys[m.pattern().as_usize()];
            if starts_word(norm, m.start()) && (stem || ends_word(norm, m.end())) {
                found(m.start(), m.end(), key);
            }
        }
        for (start, end) in words(norm) {
            let word = &norm[start..end];
            if let Some(&key) = self.words.get(word) {
                found(start, end, key);
            }
            if let Some(candidates) = self.phrases.get(word) {
                for (phrase, key) in candidates {
                    let end = start + phrase.len();
                    if norm[start..].starts_with(&**phrase) && ends_word(norm, end) {
                        found(start, end, *key);
                    }
                }
            }
        }
    }
}

/// The word a key starts with: its leading letters and digits.
fn first_word(key: &str) -> &str {
    let end = key.char_indices().find(|&(_, c)| !is_alphanumeric(c)).map_or(key.len(), |(i, _)| i);
    &key[..end]
}

/// Every word of `text` (a maximal run of letters and digits), as byte ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_alphanumeric(c) {
                break i;
            }
        };
        loop {
            match chars.peek() {
                Some(&(_, c)) if is_alphanumeric(c) => {
                    chars.next();
                }
                Some(&(i, _)) => return Some((start, i)),
                None => return Some((start, text.len())),
            }
        }
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of `keys` in `text` as (matched text, key index), sorted.
    fn matches(keys: &[&str], stems: &[bool], text: &str) -> Vec<(String, u32)> {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        let m = Matcher::new(&keys, stems).expect("builds");
        let mut out = Vec::new();
        m.find(text, |s, e, k| out.push((text[s..e].to_string(), k)));
        out.sort();
        out
    }

    /// What one overlapping automaton over every key with boundary checks finds: the
    /// behaviour the matcher must keep.
    fn reference(keys: &[&str], stems: &[bool], text: &str) -> Vec<(String, u32)> {
        let ac = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(keys).expect("builds");
        let mut out: Vec<(String, u32)> = ac
            .find_overlapping_iter(text)
            .filter(|m| starts_word(text, m.start()) && (stems[m.pattern().as_usize()] || ends_word(text, m.end())))
            .map(|m| (text[m.start()..m.end()].to_string(), m.pattern().as_u32()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn finds_what_one_automaton_finds() {
        let keys = ["shelled", "shot down", "shot", "підпал", "тцк", "з'ясувати", "-й", "strike", "strikers go", "обстріл"];
        let stems = [false, false, false, true, false, false, false, false, false, true];
        let text = "they shelled it; shot down a drone, shot  down; підпалили авто тцк. з'ясувати-й strikers go \
                    strike strikes обстрілу обстріл підпал unshelled shelled2 тцк";
        let got = matches(&keys, &stems, text);
        assert_eq!(got, reference(&keys, &stems, text));
        assert!(got.contains(&("shot down".to_string(), 1)), "{got:?}");
        assert!(got.contains(&("підпал".to_string(), 3)), "{got:?}");
        // a whole-word key never matches inside a longer word
        assert!(!got.iter().any(|(t, k)| *k == 7 && t != "strike"));
        assert_eq!(got.iter().filter(|(_, k)| *k == 7).count(), 1, "{got:?}");
    }

    #[test]
    fn words_are_letter_and_digit_runs() {
        let text = "a1 — Київ's,тцк";
        let w: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(w, ["a1", "київ", "s", "тцк"].map(|s| if s == "київ" { "Київ" } else { s }));
    }
}
