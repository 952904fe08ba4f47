//! The facts a review tells about an incident beyond its counts: the legal follow-up (case
//! opened, article of the Criminal Code, sentence and its length, probation, fine), sums of
//! money (wage arrears, damage) with their currency, what was damaged, and how people were hurt.
//!
//! # Design
//!
//! The words are data: `data/facts.toml` lists cue phrases per fact and language, compiled
//! here into case-insensitive regular expressions over whole words (a trailing `*` in a cue
//! matches any ending). The code only knows the shapes a fact takes in text:
//!
//! * an article is an article word followed by a number, optionally preceded by a part word
//!   and its number ("part 2 of Article 342", "ч. 2 ст. 342");
//! * a term is a count (from [`crate::numbers`], so "five" and "п'ять" count) directly
//!   followed by a unit ("five years", "3 роки", "шести месяцев"), and a following
//!   "and N months" adds to it. Terms count only in sentences with a "sentenced" cue, so a
//!   penalty the law threatens ("faces up to five years") is not a sentence; a term after a
//!   probation cue is the probation period;
//! * a sum is a figure, an optional multiplier and a currency ("40 million hryvnias",
//!   "12 млн грн"); its kind is the first amount kind whose cue is in the same sentence.
//!
//! Only the incident's own sentences are read, so a fact of the next incident in a review
//! does not leak in. Every value comes with an [`Evidence`] span (fields `legal.case_opened`,
//! `legal.article`, `legal.sentence`, `legal.probation_months`, `legal.fine`, `amounts`,
//! `damage`, `injury_details`). The table is compiled once per process.

use std::sync::OnceLock;

use litopys_model::{Amount, Evidence, Legal, Span};
use crate::gated::{GateSet, Gated as Regex, GatedList};
use serde::Deserialize;

use crate::Analysis;

/// The facts of one incident, with their evidence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// The legal follow-up.
    pub legal: Legal,
    /// Sums of money other than fines.
    pub amounts: Vec<Amount>,
    /// What was damaged, as `data/facts.toml` keys.
    pub damage: Vec<String>,
    /// How people were hurt, as `data/facts.toml` keys.
    pub injury_details: Vec<String>,
    /// Source text behind each value.
    pub evidence: Vec<Evidence>,
}

/// Why a facts table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FactsError {
    /// Not valid TOML, or not the expected shape.
    #[error("facts table is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// A cue list did not compile.
    #[error("facts table cue {0:?}: {1}")]
    Cue(String, regex::Error),
}

type Langs = std::collections::BTreeMap<String, Vec<String>>;

#[derive(Deserialize)]
struct Unit {
    #[serde(default)]
    months: u32,
    #[serde(default)]
    factor: f64,
    #[serde(flatten)]
    langs: Langs,
}

#[derive(Deserialize)]
struct RawTable {
    case_opened: Langs,
    article: Langs,
    article_part: Langs,
    sentenced: Langs,
    sentence_kinds: toml::Table,
    probation: Langs,
    fine: Langs,
    units: std::collections::BTreeMap<String, Unit>,
    currencies: std::collections::BTreeMap<String, Langs>,
    multipliers: std::collections::BTreeMap<String, Unit>,
    amount_kinds: toml::Table,
    damage: toml::Table,
    injuries: toml::Table,
}

/// `data/facts.toml`, compiled.
pub struct FactTable {
    case_opened: Regex,
    article: Regex,
    sentenced: Regex,
    sentence_kinds: Vec<(String, Regex)>,
    probation: Regex,
    fine: Regex,
    /// A unit at the start of the text, with its months.
    units: Vec<(u32, Regex)>,
    money: Regex,
    currencies: Vec<(String, Regex)>,
    multipliers: Vec<(f64, Regex)>,
    amount_kinds: Vec<(String, Regex)>,
    damage: GatedList,
    injuries: GatedList,
    /// The gates of the searches every sentence gets, in the order of [`Gate`].
    gates: GateSet,
}

/// The searches every sentence of an incident gets, by their place in [`FactTable::gates`].
#[derive(Clone, Copy)]
enum Gate {
    CaseOpened,
    Article,
    Fine,
    Money,
    Sentenced,
    Damage,
    Injuries,
}

/// One cue as a regular expression: whole words, any apostrophe, any run of spaces.
fn cue_pattern(cue: &str) -> String {
    let cue = cue.trim().to_lowercase();
    let (body, stem) = match cue.strip_suffix('*') {
        Some(b) => (b.to_string(), true),
        None => (cue, false),
    };
    let mut p = String::new();
    if body.chars().next().is_some_and(litopys_gazetteer::chars::is_alphanumeric) {
        p.push_str(r"\b");
    }
    for (i, word) in body.split_whitespace().enumerate() {
        if i > 0 {
            p.push_str(r"\s+");
        }
        p.push_str(&regex::escape(word).replace(['\'', '’', 'ʼ'], "['’ʼ]"));
    }
    if stem {
        p.push_str(r"\w*");
    } else if body.chars().last().is_some_and(litopys_gazetteer::chars::is_alphanumeric) {
        p.push_str(r"\b");
    }
    p
}

fn alternation<'a>(cues: impl Iterator<Item = &'a String>) -> String {
    let mut all: Vec<&String> = cues.collect();
    // longest first, so that "ст." does not win over "статті"
    all.sort_by_key(|c| std::cmp::Reverse(c.len()));
    all.iter()
        .map(|c| cue_pattern(c))
        .collect::<Vec<_>>()
        .join("|")
}

fn compile(name: &str, pattern: &str) -> Result<Regex, FactsError> {
    // gated: the word boundaries of its cues would keep the fast engine off non-ASCII text
    Regex::new(&format!("(?i)(?:{pattern})")).map_err(|e| FactsError::Cue(name.to_string(), e))
}

fn langs_of(value: &toml::Value) -> Vec<String> {
    let Some(t) = value.as_table() else {
        return Vec::new();
    };
    t.values()
        .filter_map(|v| v.as_array())
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// A table's `(key, pattern)`s in the file's order (toml::Table does not keep it: it is read
/// back from the text), each pattern as [`compile`] wraps it.
fn keyed_patterns(table: &toml::Table, order: &str) -> Vec<(String, String)> {
    let mut keys: Vec<&String> = table.keys().collect();
    keys.sort_by_key(|k| order.find(&format!("\"{k}\" =")).unwrap_or(usize::MAX));
    keys.into_iter()
        .map(|k| (k.clone(), format!("(?i)(?:{})", alternation(langs_of(&table[k]).iter()))))
        .collect()
}

fn keyed(table: &toml::Table, order: &str) -> Result<Vec<(String, Regex)>, FactsError> {
    keyed_patterns(table, order)
        .into_iter()
        .map(|(k, p)| Regex::new(&p).map(|r| (k.clone(), r)).map_err(|e| FactsError::Cue(k, e)))
        .collect()
}

/// [`keyed`] behind one gate: for the long lists every sentence is searched for.
fn keyed_list(name: &str, table: &toml::Table, order: &str) -> Result<GatedList, FactsError> {
    GatedList::new(&keyed_patterns(table, order)).map_err(|e| FactsError::Cue(name.to_string(), e))
}

impl FactTable {
    /// The table shipped with litopys (`data/facts.toml`), compiled once.
    pub fn builtin() -> Option<&'static FactTable> {
        static TABLE: OnceLock<Option<FactTable>> = OnceLock::new();
        TABLE
            .get_or_init(|| FactTable::from_toml(include_str!("../../../data/facts.toml")).ok())
            .as_ref()
    }

    /// A table from TOML text in the shape of `data/facts.toml`.
    pub fn from_toml(text: &str) -> Result<FactTable, FactsError> {
        let raw: RawTable = toml::from_str(text)?;
        let all = |l: &Langs| alternation(l.values().flatten());
        let article = format!(
            r"(?:(?:{})\s*(?P<part>\d+)\s*(?:of\s+(?:the\s+)?)?)?(?:{})\s*(?P<art>\d+(?:-\d+)?)",
            all(&raw.article_part),
            all(&raw.article)
        );
        let mults: Vec<(f64, Regex)> = raw
            .multipliers
            .iter()
            .map(|(k, u)| Ok((u.factor, compile(k, &format!("^(?:{})$", all(&u.langs)))?)))
            .collect::<Result<_, FactsError>>()?;
        let currencies: Vec<(String, Regex)> = raw
            .currencies
            .iter()
            .map(|(k, l)| Ok((k.clone(), compile(k, &format!("^(?:{})$", all(l)))?)))
            .collect::<Result<_, FactsError>>()?;
        let mult_words = alternation(
            raw.multipliers
                .values()
                .flat_map(|u| u.langs.values().flatten()),
        );
        let cur_words = alternation(raw.currencies.values().flat_map(|l| l.values().flatten()));
        let money = format!(
            r"(?P<n>\d{{1,3}}(?:[ ,\u{{a0}}]\d{{3}})+\b|\d+(?:[.,]\d+)?)\s*(?:(?P<mult>{mult_words})\s*)?(?P<cur>{cur_words})"
        );
        let case_opened = compile("case_opened", &all(&raw.case_opened))?;
        let article = compile("article", &article)?;
        let sentenced = compile("sentenced", &all(&raw.sentenced))?;
        let fine = compile("fine", &all(&raw.fine))?;
        let money = compile("money", &money)?;
        let damage = keyed_list("damage", &raw.damage, text)?;
        let injuries = keyed_list("injuries", &raw.injuries, text)?;
        let gates = GateSet::new([
            case_opened.gate_pattern(),
            article.gate_pattern(),
            fine.gate_pattern(),
            money.gate_pattern(),
            sentenced.gate_pattern(),
            damage.gate_pattern(),
            injuries.gate_pattern(),
        ]);
        Ok(FactTable {
            case_opened,
            article,
            sentenced,
            sentence_kinds: keyed(&raw.sentence_kinds, text)?,
            probation: compile("probation", &all(&raw.probation))?,
            fine,
            units: raw
                .units
                .iter()
                .map(|(k, u)| {
                    Ok((
                        u.months,
                        compile(k, &format!(r"^\s*(?:{})", all(&u.langs)))?,
                    ))
                })
                .collect::<Result<_, FactsError>>()?,
            money,
            currencies,
            multipliers: mults,
            amount_kinds: keyed(&raw.amount_kinds, text)?,
            damage,
            injuries,
            gates,
        })
    }
}

/// A term of months found in text.
struct Term {
    span: Span,
    months: u32,
}

/// The facts stated in the incident's sentences `spans`.
pub(crate) fn facts(a: &Analysis, spans: &[Span]) -> Facts {
    match FactTable::builtin() {
        Some(table) => facts_with(table, a, spans),
        None => Facts::default(),
    }
}

fn facts_with(t: &FactTable, a: &Analysis, spans: &[Span]) -> Facts {
    let text = a.text();
    let mut f = Facts::default();
    let ev = |field: &str, span: Span, ev: &mut Vec<Evidence>| {
        if !ev
            .iter()
            .any(|e: &Evidence| e.field == field && e.span() == span)
        {
            ev.push(Evidence::new(field, span, text));
        }
    };
    for &s in spans {
        let sentence = s.text(text);
        let at = |m: regex::Match| Span::new(s.start + m.start(), s.start + m.end());
        let open = t.gates.open(sentence);
        let may = |g: Gate| open.may(g as usize);
        if let Some(m) = may(Gate::CaseOpened).then(|| t.case_opened.full().find(sentence)).flatten() {
            f.legal.case_opened = true;
            ev("legal.case_opened", at(m), &mut f.evidence);
        }
        if f.legal.article.is_none() && may(Gate::Article) {
            if let Some(c) = t.article.full().captures(sentence) {
                if let (Some(whole), Some(art)) = (c.get(0), c.name("art")) {
                    f.legal.article = Some(art.as_str().to_string());
                    f.legal.article_part = c.name("part").and_then(|p| p.as_str().parse().ok());
                    ev("legal.article", at(whole), &mut f.evidence);
                }
            }
        }
        let fine_cue = may(Gate::Fine).then(|| t.fine.full().find(sentence)).flatten();
        let money = may(Gate::Money).then(|| t.money.full().captures_iter(sentence));
        for c in money.into_iter().flatten() {
            let (Some(whole), Some(n), Some(cur)) = (c.get(0), c.name("n"), c.name("cur")) else {
                continue;
            };
            let factor = c
                .name("mult")
                .and_then(|m| t.multipliers.iter().find(|(_, r)| r.is_match(m.as_str())))
                .map_or(1.0, |(f, _)| *f);
            let Some((currency, _)) = t.currencies.iter().find(|(_, r)| r.is_match(cur.as_str()))
            else {
                continue;
            };
            let Some(value) = parse_figure(n.as_str(), c.name("mult").is_some()) else {
                continue;
            };
            let value = value * factor;
            if fine_cue.is_some() && f.legal.fine.is_none() {
                f.legal.fine = Some(Amount {
                    what: "fine".into(),
                    value,
                    currency: currency.clone(),
                });
                ev("legal.fine", at(whole), &mut f.evidence);
                continue;
            }
            let what = t
                .amount_kinds
                .iter()
                .find(|(_, r)| r.is_match(sentence))
                .map_or("sum", |(k, _)| k.as_str());
            if !f
                .amounts
                .iter()
                .any(|x| x.value == value && x.currency == *currency)
            {
                f.amounts.push(Amount {
                    what: what.to_string(),
                    value,
                    currency: currency.clone(),
                });
            }
            ev("amounts", at(whole), &mut f.evidence);
        }
        if let Some(verb) = may(Gate::Sentenced).then(|| t.sentenced.full().find(sentence)).flatten() {
            sentence_facts(t, a, s, at(verb), &mut f);
        }
        let damage = if may(Gate::Damage) { t.damage.matches(sentence) } else { Vec::new() };
        for (key, m) in damage {
            add_key(&mut f.damage, key);
            ev("damage", at(m), &mut f.evidence);
        }
        let injuries = if may(Gate::Injuries) { t.injuries.matches(sentence) } else { Vec::new() };
        for (key, m) in injuries {
            add_key(&mut f.injury_details, key);
            ev("injury_details", at(m), &mut f.evidence);
        }
    }
    f
}

/// The sentence a court handed down, from the sentence `s` holding a "sentenced" cue.
fn sentence_facts(t: &FactTable, a: &Analysis, s: Span, verb: Span, f: &mut Facts) {
    let text = a.text();
    let sentence = s.text(text);
    let probation_at = t
        .probation
        .find(sentence)
        .map(|m| Span::new(s.start + m.start(), s.start + m.end()));
    let terms = terms(t, a, s);
    let kind = t.sentence_kinds.iter().find_map(|(k, r)| {
        r.find(sentence)
            .map(|m| (k, Span::new(s.start + m.start(), s.start + m.end())))
    });
    let main = terms
        .iter()
        .find(|term| probation_at.is_none_or(|p| term.span.start < p.start));
    if f.legal.sentence.is_some() {
        return;
    }
    let kind = match (kind, main, &f.legal.fine) {
        (Some((k, span)), _, _) => Some((k.clone(), span)),
        (None, _, Some(_)) => Some(("fine".to_string(), verb)),
        // a term with no kind named is prison, the common case ("sentenced to five years")
        (None, Some(term), None) => Some(("prison".to_string(), term.span)),
        (None, None, None) => None,
    };
    let Some((kind, span)) = kind else { return };
    f.legal.sentence = Some(kind);
    f.evidence.push(Evidence::new("legal.sentence", span, text));
    if let Some(term) = main {
        f.legal.sentence_months = Some(term.months);
        f.evidence
            .push(Evidence::new("legal.sentence_months", term.span, text));
    }
    if let Some(p) = probation_at {
        let after = terms.iter().find(|term| term.span.start > p.start);
        f.legal.probation_months = Some(after.map_or(0, |term| term.months));
        f.evidence.push(Evidence::new(
            "legal.probation_months",
            after.map_or(p, |term| term.span),
            text,
        ));
    }
}

/// Terms ("five years", "one year and six months") in the sentence `s`.
fn terms(t: &FactTable, a: &Analysis, s: Span) -> Vec<Term> {
    let text = a.text();
    let mut out: Vec<Term> = Vec::new();
    for c in a.counts_in(s) {
        let rest = text.get(c.span.end..s.end).unwrap_or("");
        let Some((months, m)) = t
            .units
            .iter()
            .find_map(|(months, r)| r.find(rest).map(|m| (*months, m)))
        else {
            continue;
        };
        let end = c.span.end + m.end();
        let value = (c.value * f64::from(months)).round() as u32;
        // "one year and six months": the months join the year's term
        if let Some(last) = out.last_mut() {
            let between = text.get(last.span.end..c.span.start).unwrap_or("");
            if months < 12 && between.trim().chars().count() <= 3 {
                last.months += value;
                last.span.end = end;
                continue;
            }
        }
        out.push(Term {
            span: Span::new(c.span.start, end),
            months: value,
        });
    }
    out
}

/// "40" → 40; "12 000" and "1,500" → thousands; "1,5" and "2.5" → decimals.
fn parse_figure(s: &str, has_multiplier: bool) -> Option<f64> {
    let grouped = s.split([' ', ',', '\u{a0}']).skip(1).all(|g| g.len() == 3)
        && s.contains([' ', ',', '\u{a0}']);
    if grouped && !(has_multiplier && s.contains(',') && !s.contains(' ')) {
        return s
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok();
    }
    s.replace(',', ".").parse().ok()
}

fn add_key(list: &mut Vec<String>, key: &str) {
    if !list.iter().any(|k| k == key) {
        list.push(key.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_compiles() {
        let t = FactTable::from_toml(include_str!("../../../data/facts.toml")).unwrap();
        // the patterns are compiled on first use: each must compile then
        let single = [&t.case_opened, &t.article, &t.sentenced, &t.probation, &t.fine, &t.money];
        let keyed = [&t.sentence_kinds, &t.currencies, &t.amount_kinds];
        assert!(single.iter().all(|g| g.compiles()));
        assert!(keyed.iter().flat_map(|k| k.iter()).all(|(_, g)| g.compiles()));
        assert!(t.units.iter().all(|(_, g)| g.compiles()) && t.multipliers.iter().all(|(_, g)| g.compiles()));
        assert!(t.damage.compiles() && t.injuries.compiles());
    }

    #[test]
    fn figures_parse() {
        assert_eq!(parse_figure("40", true), Some(40.0));
        assert_eq!(parse_figure("1,5", true), Some(1.5));
        assert_eq!(parse_figure("1,500", false), Some(1500.0));
        assert_eq!(parse_figure("12 000", false), Some(12000.0));
        assert_eq!(parse_figure("2.5", true), Some(2.5));
    }

    #[test]
    fn cues_match_whole_words_and_stems() {
        let r = compile(
            "t",
            &alternation(["ст.".to_string(), "засуджен*".to_string()].iter()),
        )
        .ok();
        let r = r.as_ref();
        assert!(r.is_some_and(|r| r.is_match("за ст. 342")));
        assert!(r.is_some_and(|r| r.is_match("його засуджено")));
        assert!(!r.is_some_and(|r| r.is_match("пост.")));
    }
}
