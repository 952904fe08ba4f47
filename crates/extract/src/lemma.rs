//! Word forms from dictionary forms, so that a codebook cue is written once.
//!
//! # Design
//!
//! The codebook writes every cue as a lemma: "shell", "обстріляти", "обстрелять". Matching by
//! lemma could go two ways: lemmatise every word of every document (a table of every form of
//! the language), or expand every cue into its forms once, when the codebook is compiled, and
//! look each word of the text up among the forms. litopys does the second: the forms table
//! needs to cover only the codebook's words, and the lookup is one hash-table probe per word
//! (see [`crate::matcher`], which also says why the forms are not put in an automaton).
//!
//! Where the forms come from, per language:
//! * **English**: regular inflection is computed (-s/-es/-ies, -ed/-d/-ied, -ing, a doubled
//!   final consonant); irregular verbs are listed in `data/inflection.toml`.
//! * **Russian**: `data/lemmas-ru.tsv`, every form of each Russian cue lemma, generated from
//!   OpenCorpora (pymorphy3-dicts-ru, CC BY-SA) by `scripts/build_lemmas.py`; a lemma missing
//!   from it (a cue added in a copy of the codebook) falls back to the ending rules.
//! * **Ukrainian**: ending rules written for litopys (`data/inflection.toml`: verbs in -ти and
//!   -тися, nouns and adjectives by their ending) and irregular entries for alternations the
//!   rules cannot reach (бій/бою). No Ukrainian dictionary data is shipped (see NOTICE).
//!
//! Rules over-generate ("drone" also yields "droned"): a form that is no word never matches, so
//! the cost is only a table entry. Cue syntax (see the codebook's header): `=word` is the
//! written form only, `stem*` any word starting with the stem, anything else a lemma.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

/// The rules shipped with litopys.
const INFLECTION: &str = include_str!("../../../data/inflection.toml");
/// Russian forms table (OpenCorpora via pymorphy3-dicts-ru; CC BY-SA 4.0, see NOTICE).
const LEMMAS_RU: &str = include_str!("../../../data/lemmas-ru.tsv");

/// Most forms one multi-word cue may expand to (the product of its words' forms).
const MAX_PHRASE_FORMS: usize = 400;

/// A cue's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
}

#[derive(Debug, Deserialize)]
struct Class {
    ending: String,
    forms: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct LangRules {
    #[serde(default)]
    class: Vec<Class>,
    #[serde(default)]
    irregular: HashMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct RawRules {
    en: LangRules,
    uk: LangRules,
    ru: LangRules,
}

/// Inflection rules and tables for the three languages.
pub struct Inflector {
    en: LangRules,
    uk: LangRules,
    ru: LangRules,
    ru_table: HashMap<String, Vec<String>>,
}

/// Function words left as written inside multi-word cues.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "with", "by", "from", "and", "or", "was",
    "were", "is", "are", "its", "their", "his", "her", "no", "не", "на", "в", "у", "з", "із", "зі",
    "до", "по", "за", "під", "над", "с", "со", "из", "от", "від", "для", "і", "й", "та", "и",
    "что", "що", "себя", "себе",
];

impl Inflector {
    /// The rules shipped with litopys, parsed once.
    pub fn builtin() -> &'static Inflector {
        static BUILTIN: OnceLock<Inflector> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Inflector::parse(INFLECTION, LEMMAS_RU).unwrap_or_else(|_| Inflector::empty())
        })
    }

    fn empty() -> Inflector {
        Inflector {
            en: LangRules::default(),
            uk: LangRules::default(),
            ru: LangRules::default(),
            ru_table: HashMap::new(),
        }
    }

    /// Rules from TOML text and a Russian forms table (`lemma<TAB>form form ...` per line).
    pub fn parse(rules: &str, ru_table: &str) -> Result<Inflector, toml::de::Error> {
        let raw: RawRules = toml::from_str(rules)?;
        let lower = |mut r: LangRules| {
            r.irregular = r
                .irregular
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect();
            r.class
                .sort_by_key(|c| std::cmp::Reverse(c.ending.chars().count()));
            r
        };
        let ru_table = ru_table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(lemma, forms)| {
                (
                    lemma.to_string(),
                    forms.split(' ').map(str::to_string).collect(),
                )
            })
            .collect();
        Ok(Inflector {
            en: lower(raw.en),
            uk: lower(raw.uk),
            ru: lower(raw.ru),
            ru_table,
        })
    }

    /// The forms of each word of a multi-word `cue`, word by word (each word's own text
    /// first; a function word only as written), or `None` for a single word or a phrase
    /// listed whole among the irregular forms ("shoot down"). The codebook matches such a
    /// phrase word by word (see [`crate::matcher`]): any form of each word, in order.
    pub fn phrase_forms(&self, lang: Lang, cue: &str) -> Option<Vec<Vec<String>>> {
        let cue = cue.trim().to_lowercase();
        if self.rules(lang).irregular.contains_key(&cue) {
            return None;
        }
        let words: Vec<&str> = cue.split_whitespace().collect();
        if words.len() <= 1 {
            return None;
        }
        Some(
            words
                .iter()
                .map(|w| {
                    if FUNCTION_WORDS.contains(w) {
                        vec![w.to_string()]
                    } else {
                        self.word_forms(lang, w)
                    }
                })
                .collect(),
        )
    }

    /// Every form of `cue` (a lemma or a phrase of lemmas, lower case), the cue itself first.
    pub fn forms(&self, lang: Lang, cue: &str) -> Vec<String> {
        let cue = cue.trim().to_lowercase();
        if let Some(irregular) = self.rules(lang).irregular.get(&cue) {
            return with_first(&cue, irregular.iter().cloned());
        }
        let words: Vec<&str> = cue.split_whitespace().collect();
        if words.len() <= 1 {
            return self.word_forms(lang, &cue);
        }
        let mut phrases = vec![String::new()];
        for (i, w) in words.iter().enumerate() {
            let options = if FUNCTION_WORDS.contains(w) {
                vec![w.to_string()]
            } else {
                self.word_forms(lang, w)
            };
            let mut next = Vec::new();
            'outer: for p in &phrases {
                for o in &options {
                    if next.len() >= MAX_PHRASE_FORMS {
                        break 'outer;
                    }
                    next.push(if i == 0 {
                        o.clone()
                    } else {
                        format!("{p} {o}")
                    });
                }
            }
            phrases = next;
        }
        with_first(&cue, phrases.into_iter())
    }

    fn rules(&self, lang: Lang) -> &LangRules {
        match lang {
            Lang::En => &self.en,
            Lang::Uk => &self.uk,
            Lang::Ru => &self.ru,
        }
    }

    fn word_forms(&self, lang: Lang, word: &str) -> Vec<String> {
        let rules = self.rules(lang);
        if let Some(irregular) = rules.irregular.get(word) {
            return with_first(word, irregular.iter().cloned());
        }
        if word.chars().count() <= 2 || word.chars().any(|c| c.is_ascii_digit()) {
            return vec![word.to_string()];
        }
        match lang {
            Lang::En => with_first(word, english(word).into_iter()),
            Lang::Ru => match self.ru_table.get(word) {
                Some(forms) => with_first(word, forms.iter().cloned()),
                None => slavic(rules, word),
            },
            Lang::Uk => slavic(rules, word),
        }
    }
}

/// `first`, then the rest without repeats.
fn with_first(first: &str, rest: impl Iterator<Item = String>) -> Vec<String> {
    // a phrase has up to MAX_PHRASE_FORMS forms: a set keeps the check linear
    let mut seen: HashSet<String> = HashSet::from([first.to_string()]);
    let mut out = vec![first.to_string()];
    for f in rest {
        if seen.insert(f.clone()) {
            out.push(f);
        }
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Regular English inflection of a verb or noun.
fn english(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let last = chars[n - 1];
    let before = chars[n - 2];
    let mut out = Vec::new();
    // -s
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        out.push(format!("{w}es"));
    } else if last == 'y' && !is_vowel(before) {
        out.push(format!("{}ies", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}s"));
    }
    // a final consonant after a single vowel may double: "shot" -> "shotted" is wrong, but
    // "stab" -> "stabbed", "drop" -> "dropped" are right; both spellings are generated
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, 'w' | 'x' | 'y')
        && is_vowel(before)
        && !is_vowel(chars[n - 3]);
    // -ed
    if last == 'e' {
        out.push(format!("{w}d"));
    } else if last == 'y' && !is_vowel(before) {
        out.push(format!("{}ied", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ed"));
        if cvc {
            out.push(format!("{w}{last}ed"));
        }
    }
    // -ing
    if w.ends_with("ie") {
        out.push(format!("{}ying", &w[..w.len() - 2]));
    } else if last == 'e' && !matches!(before, 'e' | 'o' | 'y') {
        out.push(format!("{}ing", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ing"));
        if cvc {
            out.push(format!("{w}{last}ing"));
        }
    }
    out
}

/// Ukrainian or Russian forms by the longest matching ending class; reflexive verbs inflect
/// their base and take -ся/-сь.
fn slavic(rules: &LangRules, word: &str) -> Vec<String> {
    for suffix in ["ся", "сь"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.ends_with("ти") || base.ends_with("ть") || base.ends_with("чь") {
                let mut out = vec![word.to_string()];
                for f in slavic(rules, base) {
                    for s in ["ся", "сь"] {
                        let reflexive = format!("{f}{s}");
                        if !out.contains(&reflexive) {
                            out.push(reflexive);
                        }
                    }
                }
                return out;
            }
        }
    }
    let Some(class) = rules
        .class
        .iter()
        .find(|c| word.ends_with(c.ending.as_str()))
    else {
        return vec![word.to_string()];
    };
    let stem = &word[..word.len() - class.ending.len()];
    with_first(
        word,
        class
            .forms
            .iter()
            .map(|f| format!("{stem}{f}"))
            .filter(|f| f.chars().count() >= 2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(lang: Lang, cue: &str, form: &str) -> bool {
        Inflector::builtin()
            .forms(lang, cue)
            .iter()
            .any(|f| f == form)
    }

    #[test]
    fn english_regular_and_irregular() {
        for form in ["shelled", "shelling", "shells"] {
            assert!(has(Lang::En, "shell", form), "{form}");
        }
        assert!(has(Lang::En, "stab", "stabbed"));
        assert!(has(Lang::En, "capture", "captured"));
        assert!(has(Lang::En, "capture", "capturing"));
        assert!(has(Lang::En, "shoot down", "shot down"));
        assert!(has(Lang::En, "regain control", "regained control"));
        // a listed irregular replaces the rules: "mine" must not reach "mining"
        assert!(!has(Lang::En, "mine", "mining"));
    }

    #[test]
    fn ukrainian_rules() {
        assert!(has(Lang::Uk, "обстріляти", "обстріляли"));
        assert!(has(Lang::Uk, "обстріл", "обстрілу"));
        assert!(has(Lang::Uk, "обстріл", "обстрілів"));
        assert!(has(Lang::Uk, "побитися", "побилися"));
        assert!(has(Lang::Uk, "сутичка", "сутичці"));
        assert!(has(Lang::Uk, "захопити", "захопили"));
        assert!(has(Lang::Uk, "безпілотник", "безпілотником"));
    }

    #[test]
    fn russian_table_and_fallback() {
        assert!(has(Lang::Ru, "обстрелять", "обстреляли"));
        assert!(has(Lang::Ru, "стычка", "стычке"));
        assert!(has(Lang::Ru, "беспилотник", "беспилотники"));
        // a lemma no table has still inflects by rule
        assert!(has(Lang::Ru, "забомбить", "забомбили"));
    }
}
