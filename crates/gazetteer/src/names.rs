//! The match keys of one entry: every spelling, its case forms, and the phrases that name a
//! unit ("Стрийського району", "Stryi district").
//!
//! This module is shared with `build.rs`, which runs it over the whole table at compile time;
//! it depends only on `inflect` and `normalize`.

use crate::inflect::{adjective_forms, forms};
use crate::normalize::normalize;

/// Posting flag: the key names a region ("Волинської області").
pub(crate) const FLAG_REGION: u32 = 1;
/// Posting flag: the key names a district ("Stryi district").
pub(crate) const FLAG_DISTRICT: u32 = 2;
/// Posting flag: the key is also an ordinary word; it counts only in a settlement frame.
pub(crate) const FLAG_WEAK: u32 = 4;
/// Posting flag: the key counts even when the text does not capitalise it.
pub(crate) const FLAG_ANY_CASE: u32 = 8;
/// Posting flag: the key comes from another spelling than the entry's own names (an old,
/// Russian-form or foreign name); namesakes whose own name it is rank first.
pub(crate) const FLAG_ALIAS: u32 = 16;
/// Bits taken by flags in a posting; the entry id sits above them.
pub(crate) const FLAG_BITS: u32 = 5;

/// Ordinary words that are also place names, one a line, normalised (`data/common_words.txt`).
pub(crate) const COMMON_WORDS: &str = include_str!("../data/common_words.txt");

/// What a row of the table says about a place, as far as its keys go.
pub(crate) struct NameSource<'a> {
    /// `oblast`, `raion`, `hromada`, `city` or `village`.
    pub kind: &'a str,
    /// Population, 0 when unknown.
    pub population: u32,
    /// Every spelling, nominative: English name, Ukrainian name, others.
    pub spellings: Vec<&'a str>,
    /// How many of `spellings`, from the first, are the entry's own names.
    pub n_own: usize,
}

/// Normalised keys with their posting flags for one entry.
pub(crate) fn keys(src: &NameSource<'_>, common: &CommonWords) -> Vec<(String, u32)> {
    let mut raw: Vec<(String, u32)> = Vec::new();
    for (spelling_idx, &s) in src.spellings.iter().enumerate() {
        let alias = if spelling_idx < src.n_own { 0 } else { FLAG_ALIAS };
        let from = raw.len();
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        match src.kind {
            "oblast" => oblast_keys(s, &mut raw),
            "raion" => unit_keys(s, DISTRICT_NOUNS, &["district", "raion", "rayon"], FLAG_DISTRICT, &mut raw),
            "hromada" => unit_keys(s, HROMADA_NOUNS, &["hromada", "community"], 0, &mut raw),
            _ => {
                // a weak nominative makes every case form weak: "Мир" → "Миру"
                let weak = if common.is_weak(&key_of(s), src.kind, src.population) { FLAG_WEAK } else { 0 };
                raw.extend(forms(s).into_iter().map(|f| (f, weak)));
            }
        }
        for r in &mut raw[from..] {
            r.1 |= alias;
        }
    }
    let mut out: Vec<(String, u32)> = Vec::with_capacity(raw.len() * 2);
    for (k, mut flags) in raw {
        let key = key_of(&k);
        if key.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            continue;
        }
        if src.kind == "oblast" {
            flags |= FLAG_ANY_CASE;
        } else if common.is_weak(&key, src.kind, src.population) {
            flags |= FLAG_WEAK;
        }
        if key.contains('\'') {
            out.push((key.replace('\'', ""), flags));
        }
        out.push((key, flags));
    }
    // one posting per key: a key that is also one of the entry's own names is not an alias
    let mut merged: std::collections::BTreeMap<String, u32> = Default::default();
    for (key, flags) in out {
        merged
            .entry(key)
            .and_modify(|f| *f = ((*f | flags) & !FLAG_ALIAS) | (*f & flags & FLAG_ALIAS))
            .or_insert(flags);
    }
    merged.into_iter().collect()
}

/// A spelling as a key: normalised, runs of spaces as one.
pub(crate) fn key_of(s: &str) -> String {
    normalize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The set of ordinary words that make a name weak.
pub(crate) struct CommonWords(std::collections::HashSet<String>);

impl CommonWords {
    pub(crate) fn builtin() -> CommonWords {
        CommonWords::parse(COMMON_WORDS)
    }

    pub(crate) fn parse(list: &str) -> CommonWords {
        let words = list
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(key_of)
            .collect();
        CommonWords(words)
    }

    /// True if `key` is an ordinary word, or so short that it probably is one; large cities are
    /// never weak.
    pub(crate) fn is_weak(&self, key: &str, kind: &str, population: u32) -> bool {
        if self.0.contains(key) {
            return true;
        }
        let short = key.chars().filter(|c| c.is_alphanumeric()).count() <= 3;
        short && !(kind == "city" && population >= 10_000)
    }
}

const DISTRICT_NOUNS: &[&str] = &["район", "району", "районі", "районом", "района", "районе"];
const HROMADA_NOUNS: &[&str] = &["громада", "громади", "громаді", "громаду", "громадою", "громаде", "громады", "громадой"];
const OBLAST_NOUNS: &[&str] = &["область", "області", "областю", "области", "областью"];

fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Forms of a masculine adjective ("Стрийський" → "Стрийського", "Стрийському", ...).
fn masculine_forms(adj: &str) -> Vec<String> {
    let mut out = vec![adj.to_string()];
    for end in ["ий", "ій", "ой", "ый"] {
        if let Some(stem) = adj.strip_suffix(end) {
            out.extend(["ого", "ому", "им", "ім", "ом", "ым"].iter().map(|e| format!("{stem}{e}")));
            break;
        }
    }
    out
}

fn oblast_keys(s: &str, out: &mut Vec<(String, u32)>) {
    if !is_cyrillic(s) {
        out.push((s.to_string(), 0));
        return;
    }
    let lower = s.to_lowercase();
    let adj = lower.strip_suffix(" область").unwrap_or(&lower);
    let is_adj = ["ська", "цька", "зька", "ская", "цкая", "зкая", "ька"].iter().any(|e| adj.ends_with(e));
    if !is_adj || adj.contains(' ') {
        out.extend(forms(s).into_iter().map(|f| (f, 0)));
        return;
    }
    for form in adjective_forms(adj) {
        for noun in OBLAST_NOUNS {
            out.push((format!("{form} {noun}"), FLAG_REGION));
        }
        out.push((form, 0));
    }
}

fn unit_keys(s: &str, nouns: &[&str], latin_nouns: &[&str], flag: u32, out: &mut Vec<(String, u32)>) {
    if !is_cyrillic(s) {
        for noun in latin_nouns {
            out.push((format!("{s} {noun}"), flag));
        }
        return;
    }
    let lower = s.to_lowercase();
    let adj_forms = if lower.ends_with('а') { adjective_forms(&lower) } else { masculine_forms(&lower) };
    for form in adj_forms {
        for noun in nouns {
            out.push((format!("{form} {noun}"), flag));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(kind: &str, spellings: &[&str]) -> Vec<String> {
        let src = NameSource { kind, population: 0, spellings: spellings.to_vec(), n_own: 2 };
        keys(&src, &CommonWords::parse("мир\n")).into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn raion_phrases() {
        // KATOTTG UA46100000000023056: Стрийський район, Lviv oblast
        let k = keys_of("raion", &["Stryiskyi", "Стрийський", "Stryi"]);
        for want in ["stryi district", "stryiskyi raion", "стрийського району", "стрийському районі", "стрийський район"] {
            assert!(k.iter().any(|x| x == want), "{want} not in {k:?}");
        }
        assert!(!k.iter().any(|x| x == "stryi"), "a raion's bare name is not a key");
    }

    #[test]
    fn oblast_phrases_and_apostrophes() {
        let k = keys_of("oblast", &["Волинська область"]);
        assert!(k.iter().any(|x| x == "волинської області"));
        let k = keys_of("city", &["Кам'янське"]);
        assert!(k.iter().any(|x| x == "кам'янському"));
        assert!(k.iter().any(|x| x == "камянському"));
    }

    #[test]
    fn common_words_are_weak() {
        let src = NameSource { kind: "village", population: 0, spellings: vec!["Мир"], n_own: 1 };
        let k = keys(&src, &CommonWords::parse("мир\n"));
        assert!(k.iter().any(|(key, f)| key == "мир" && f & FLAG_WEAK != 0));
    }
}
