//! The words of a report in one language, from `lang/{en,uk,ru}.toml`.
//!
//! Every word a report prints comes from these tables, so a language is added by writing a
//! file, not code. Phrases hold `{name}` placeholders; a phrase with a count has plural forms
//! chosen by [`Lang::plural`] (`one`/`few`/`many` as Ukrainian and Russian need them, with an
//! optional `zero`).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::Error;

/// The languages a report can be written in.
pub const LANGUAGES: &[&str] = &["en", "uk", "ru"];

/// Plural forms of one phrase.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct Plural {
    #[serde(default)]
    zero: Option<String>,
    one: String,
    #[serde(default)]
    few: Option<String>,
    many: String,
}

/// One language's tables.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct Lang {
    #[serde(skip)]
    pub code: String,
    months: Vec<String>,
    months_genitive: Vec<String>,
    months_locative: Vec<String>,
    date: String,
    in_month: String,
    on_date: String,
    around_date: String,
    in_month_sentence: String,
    place: String,
    place_with_oblast: String,
    pub list_and: String,
    text: BTreeMap<String, String>,
    plural: BTreeMap<String, Plural>,
    pub facts: BTreeMap<String, String>,
    pub money: BTreeMap<String, String>,
    pub actions: BTreeMap<String, String>,
    pub weapons: BTreeMap<String, String>,
    pub injuries: BTreeMap<String, String>,
    pub damage: BTreeMap<String, String>,
    pub amounts: BTreeMap<String, String>,
    pub sentences: BTreeMap<String, String>,
    pub sentence_names: BTreeMap<String, String>,
    pub event_types: BTreeMap<String, String>,
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    #[serde(default)]
    pub oblasts: BTreeMap<String, String>,
    #[serde(default)]
    pub locative: BTreeMap<String, String>,
}

/// `template` with each `{key}` replaced by its value.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// The plural class of `n`: `one`, `few` or `many`, by the Slavic rule (English tables give
/// no `few`, so their `few` falls to `many`, and their `one` is only ever 1).
fn class(code: &str, n: u64) -> &'static str {
    if code == "en" {
        return if n == 1 { "one" } else { "many" };
    }
    match (n % 10, n % 100) {
        (1, r) if r != 11 => "one",
        (2..=4, r) if !(12..=14).contains(&r) => "few",
        _ => "many",
    }
}

impl Lang {
    /// The tables for `code` (`en`, `uk`, `ru`).
    pub fn builtin(code: &str) -> Result<Lang, Error> {
        let text = match code {
            "en" => include_str!("../lang/en.toml"),
            "uk" => include_str!("../lang/uk.toml"),
            "ru" => include_str!("../lang/ru.toml"),
            other => return Err(Error::Language(other.to_string())),
        };
        let mut lang: Lang =
            toml::from_str(text).map_err(|e| Error::Template(format!("lang/{code}.toml: {e}")))?;
        lang.code = code.to_string();
        Ok(lang)
    }

    /// A phrase of `[text]`, or its key when the table lacks it (visible, never a panic).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.text.get(key).map_or(key, String::as_str)
    }

    /// Every phrase of `[text]`, for templates.
    pub fn texts(&self) -> &BTreeMap<String, String> {
        &self.text
    }

    /// A phrase of `[text]` with placeholders filled.
    pub fn fill_text(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.text(key), values)
    }

    /// The plural phrase `key` for `n`, with `{n}` filled.
    pub fn plural(&self, key: &str, n: u64) -> String {
        let Some(p) = self.plural.get(key) else {
            return format!("{n} {key}");
        };
        let form = match (n, &p.zero) {
            (0, Some(z)) => z,
            _ => match class(&self.code, n) {
                "one" => &p.one,
                "few" => p.few.as_ref().unwrap_or(&p.many),
                _ => &p.many,
            },
        };
        form.replace("{n}", &n.to_string())
    }

    fn month(list: &[String], d: jiff::civil::Date) -> &str {
        list.get(usize::try_from(d.month() - 1).unwrap_or(0))
            .map_or("", String::as_str)
    }

    /// "4 March 2026", "4 березня 2026 року".
    pub fn date(&self, d: jiff::civil::Date) -> String {
        fill(
            &self.date,
            &[
                ("day", &d.day().to_string()),
                ("month", Self::month(&self.months_genitive, d)),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// "March 2026", "березень 2026".
    pub fn month_year(&self, d: jiff::civil::Date) -> String {
        format!("{} {}", Self::month(&self.months, d), d.year())
    }

    /// "in March 2026", "у березні 2026 року".
    pub fn in_month(&self, d: jiff::civil::Date) -> String {
        fill(
            &self.in_month,
            &[
                ("month", Self::month(&self.months_locative, d)),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// The opening of an event's paragraph: "On 4 March 2026", "Around ...", "In March 2026".
    pub fn when(&self, d: jiff::civil::Date, precision: litopys_model::TimePrecision) -> String {
        use litopys_model::TimePrecision as P;
        match precision {
            P::Day => fill(&self.on_date, &[("date", &self.date(d))]),
            P::Week => fill(&self.around_date, &[("date", &self.date(d))]),
            P::Month => fill(
                &self.in_month_sentence,
                &[
                    ("month", Self::month(&self.months_locative, d)),
                    ("year", &d.year().to_string()),
                ],
            ),
        }
    }

    /// "in Lviv (Lviv oblast)" from a place phrase already in its case and an oblast name.
    pub fn place(&self, place: &str, oblast: Option<&str>) -> String {
        match oblast {
            Some(o) => fill(&self.place_with_oblast, &[("place", place), ("oblast", o)]),
            None => fill(&self.place, &[("place", place)]),
        }
    }

    /// "a, b and c".
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{}{}{last}", init.join(", "), self.list_and),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_with_the_same_keys() {
        let en = Lang::builtin("en").map_err(|e| e.to_string());
        let en = en.as_ref().map_err(String::clone);
        assert!(en.is_ok(), "{en:?}");
        let Ok(en) = en else { return };
        for code in ["uk", "ru"] {
            let l = Lang::builtin(code);
            assert!(l.is_ok(), "{code}: {:?}", l.err());
            let Ok(l) = l else { continue };
            for (name, a, b) in [
                ("text", &en.text, &l.text),
                ("facts", &en.facts, &l.facts),
                ("actions", &en.actions, &l.actions),
                ("weapons", &en.weapons, &l.weapons),
                ("damage", &en.damage, &l.damage),
            ] {
                let missing: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
                assert!(missing.is_empty(), "{code} [{name}] lacks {missing:?}");
            }
            let missing: Vec<&String> = en
                .plural
                .keys()
                .filter(|k| !l.plural.contains_key(*k))
                .collect();
            assert!(missing.is_empty(), "{code} [plural] lacks {missing:?}");
        }
    }

    #[test]
    fn plurals_follow_the_slavic_rule() {
        let Ok(uk) = Lang::builtin("uk") else { return };
        assert_eq!(uk.plural("years", 1), "1 рік");
        assert_eq!(uk.plural("years", 3), "3 роки");
        assert_eq!(uk.plural("years", 5), "5 років");
        assert_eq!(uk.plural("years", 21), "21 рік");
        assert_eq!(uk.plural("years", 12), "12 років");
        let Ok(en) = Lang::builtin("en") else { return };
        assert_eq!(en.plural("years", 1), "1 year");
        assert_eq!(en.plural("years", 21), "21 years");
        assert_eq!(
            en.date("2026-03-04".parse().unwrap_or_default()),
            "4 March 2026"
        );
        assert_eq!(
            uk.date("2026-03-04".parse().unwrap_or_default()),
            "4 березня 2026 року"
        );
    }
}
