//! Aggregate figures: "19,850 criminal proceedings ... were registered in February".
//!
//! A statistic is a count of at least 100 with a period (a month or a year) in the same
//! sentence, in a sentence with no event cue. The indicator is the words after the count up
//! to the verb or the period; "up from 18,300 in January" reuses the sentence's indicator.

use std::sync::OnceLock;

use litopys_model::{Evidence, Span, Statistic, TimePrecision};
use regex::Regex;

use crate::dates::{self, Anchors, DateExpr};
use crate::numbers::Count;
use crate::Analysis;

/// Words that end an indicator.
const STOP_WORDS: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "are",
    "is",
    "registered",
    "recorded",
    "opened",
    "in",
    "during",
    "for the",
    "since",
    "зареєстровано",
    "зафіксовано",
    "було",
    "у",
    "в",
    "зарегистрировано",
    "было",
    "с",
];

fn period_of(a: &Analysis, e: &DateExpr) -> Option<String> {
    let anchors = Anchors {
        published: a.doc.published,
        previous: None,
        year_hint: a.year_hint,
    };
    let r = dates::resolve(e, &anchors)?;
    match (e.kind, r.precision) {
        (dates::DateKind::Year(y), _) => Some(y.to_string()),
        (_, TimePrecision::Month) => Some(r.date.strftime("%Y-%m").to_string()),
        _ => None,
    }
}

/// The period a count belongs to: the first after it in the sentence ("19,850 ... in
/// February"), else the last before it ("у травні зареєстровано 21 300 ...").
fn period_for<'a>(a: &'a Analysis, span: Span, c: &Count) -> Option<&'a DateExpr> {
    let periods: Vec<&DateExpr> = a
        .dates_in(span)
        .iter()
        .filter(|e| period_of(a, e).is_some())
        .collect();
    let after = periods.iter().find(|e| e.span.start >= c.span.end);
    after
        .or_else(|| periods.iter().rev().find(|e| e.span.end <= c.span.start))
        .copied()
}

/// True if the sentence at `span` quotes an aggregate figure over a period.
pub(crate) fn is_statistic(a: &Analysis, span: Span) -> bool {
    a.counts_in(span)
        .iter()
        .any(|c| c.value >= 100.0 && period_for(a, span, c).is_some())
}

/// The statistics in the given sentences.
pub(crate) fn statistics(a: &Analysis, sentence_idxs: &[usize]) -> Vec<Statistic> {
    let text = a.text();
    let mut out = Vec::new();
    for &i in sentence_idxs {
        let span = a.sentences[i].span;
        let mut last_indicator: Option<(String, Span)> = None;
        let attributed_to = attribution(span.text(text));
        for c in a.counts_in(span).iter().filter(|c| c.value >= 100.0) {
            let Some(period_expr) = period_for(a, span, c) else {
                continue;
            };
            let Some(period) = period_of(a, period_expr) else {
                continue;
            };
            let until = if period_expr.span.start >= c.span.end {
                period_expr.span.start
            } else {
                span.end
            };
            let (indicator, ind_span) = match indicator(text, c.span.end, until) {
                Some(found) => found,
                None => match &last_indicator {
                    Some(prev) => prev.clone(),
                    None => continue,
                },
            };
            last_indicator = Some((indicator.clone(), ind_span));
            out.push(Statistic {
                record: "statistic".into(),
                indicator,
                value: c.value,
                value_max: None,
                period,
                source: a.doc.source.clone().unwrap_or_else(|| a.doc.id.clone()),
                attributed_to: attributed_to.clone(),
                evidence: vec![
                    Evidence::new("value", c.span, text),
                    Evidence::new("indicator", ind_span, text),
                    Evidence::new("period", period_expr.span, text),
                ],
            });
        }
    }
    out
}

fn indicator(text: &str, from: usize, to: usize) -> Option<(String, Span)> {
    let region = text.get(from..to)?;
    let lead = region.len() - region.trim_start().len();
    let mut end = lead;
    for (idx, word) in word_starts(region) {
        let lower = word.to_lowercase();
        if idx > lead && STOP_WORDS.iter().any(|s| lower == *s) {
            break;
        }
        if word.ends_with([',', ';', ':', '.']) {
            end = idx + word.len() - 1;
            break;
        }
        end = idx + word.len();
    }
    let ind = region[lead..end].trim();
    (ind.chars().filter(|c| litopys_gazetteer::chars::is_alphabetic(*c)).count() >= 4).then(|| {
        (
            ind.to_string(),
            Span::new(from + lead, from + lead + ind.len()),
        )
    })
}

fn word_starts(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

fn attribution(sentence: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)(?:according to|за даними|як повідомляє|як повідомили в|по данным|как сообщает|как сообщили в)\s+(?:the\s+)?([^,;.]+)")
            .expect("static regex")
    });
    re.captures(sentence)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .unwrap_or_default()
}
