//! One paragraph per event, written from its structured facts in the report's language.
//!
//! The paragraph is built from the event's fields, never from its `notes`: the date once, the
//! place with its oblast, what happened (a phrase per ACLED sub-event type from the language's
//! `[actions]` table, refined by the actors or weapon), the crowd's size, who was hurt and how,
//! deaths, arrests, damage, sums of money and the legal follow-up. An analyst's edit of any of
//! these fields therefore changes the paragraph. Actors are categories and places come from the
//! gazetteer, so no private person is ever named.

use litopys_model::{Amount, Incident};

use crate::lang::{fill, Lang};
use crate::places::place_phrase;

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "5 years", "1 year and 6 months", "6 months".
pub(crate) fn term(lang: &Lang, months: u32) -> String {
    let (y, m) = (months / 12, months % 12);
    let mut parts = Vec::new();
    if y > 0 {
        parts.push(lang.plural("years", u64::from(y)));
    }
    if m > 0 || y == 0 {
        parts.push(lang.plural("months", u64::from(m)));
    }
    lang.list(&parts)
}

fn decimal(lang: &Lang, v: f64) -> String {
    let s = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    };
    if lang.code == "en" {
        s
    } else {
        s.replace('.', ",")
    }
}

/// "40 million hryvnias", "40 млн грн".
pub(crate) fn money(lang: &Lang, a: &Amount) -> String {
    let scales = [(1e9, "billion"), (1e6, "million"), (1e3, "thousand")];
    let n = scales
        .iter()
        .find(|(f, _)| a.value >= *f && (a.value / f) < 1000.0)
        .and_then(|(f, key)| {
            lang.money
                .get(*key)
                .map(|t| fill(t, &[("n", &decimal(lang, a.value / f))]))
        })
        .unwrap_or_else(|| crate::summary::thousands(a.value));
    match lang.money.get(&a.currency) {
        Some(t) => fill(t, &[("n", &n)]),
        None => format!("{n} {}", a.currency),
    }
}

fn article(lang: &Lang, i: &Incident) -> Option<String> {
    let art = i.legal.article.as_deref()?;
    Some(match i.legal.article_part {
        Some(p) => fill(
            lang.facts.get("article_part").map_or("", String::as_str),
            &[("part", &p.to_string()), ("art", art)],
        ),
        None => fill(
            lang.facts.get("article").map_or("", String::as_str),
            &[("art", art)],
        ),
    })
}

/// The sentence a court handed down, without a final stop: "the court sentenced the
/// defendant to 5 years in prison, suspended with 2 years of probation".
fn sentence(lang: &Lang, i: &Incident) -> Option<String> {
    let kind_key = i.legal.sentence.as_deref()?;
    let fact = |k: &str| lang.facts.get(k).map_or("", String::as_str).to_string();
    let kind = lang
        .sentences
        .get(kind_key)
        .cloned()
        .unwrap_or_else(|| kind_key.to_string());
    let mut s = match (i.legal.sentence_months, &i.legal.fine) {
        (Some(m), _) => fill(
            &fact("sentence_term"),
            &[("term", &term(lang, m)), ("kind", &kind)],
        ),
        (None, Some(f)) if kind_key == "fine" => {
            fill(&fact("fine"), &[("amount", &money(lang, f))])
                .trim_end_matches('.')
                .to_string()
        }
        _ => fill(
            &fact("sentence_kind"),
            &[(
                "kind",
                lang.sentence_names
                    .get(kind_key)
                    .map_or(kind_key, String::as_str),
            )],
        ),
    };
    if let Some(p) = i.legal.probation_months {
        s.push_str(&if p > 0 {
            fill(&fact("probation"), &[("term", &term(lang, p))])
        } else {
            fact("probation_plain")
        });
    }
    if let (Some(a), false) = (article(lang, i), i.legal.case_opened) {
        s.push_str(&fill(&fact("sentence_under"), &[("article", &a)]));
    }
    Some(s)
}

/// What happened, from the language's `[actions]` table.
fn action(lang: &Lang, i: &Incident) -> String {
    let sub = i.sub_event_type.as_str();
    let mut keys: Vec<String> = i.weapons.iter().map(|w| format!("{sub}|{w}")).collect();
    if i.assoc_actor_1.contains("Labour") {
        keys.push(format!("{sub}|workers"));
    }
    keys.extend(i.tags.iter().map(|t| format!("{sub}|{t}")));
    keys.push(sub.to_string());
    keys.push("Other".to_string());
    keys.iter()
        .find_map(|k| lang.actions.get(k))
        .cloned()
        .unwrap_or_default()
}

/// The paragraph's text (without its sources).
pub(crate) fn paragraph(lang: &Lang, i: &Incident, n_sources: usize) -> String {
    let when = lang.when(i.event_date, i.time_precision);
    let place = place_phrase(lang, i).unwrap_or_else(|| lang.text("unknown_place").to_string());
    let court_sentence = sentence(lang, i);
    let ruling_is_event = court_sentence.is_some()
        && (i.tags.iter().any(|t| t == "court") || i.sub_event_type.as_str() == "Other");
    let what = match (&court_sentence, ruling_is_event) {
        (Some(s), true) => s.clone(),
        _ => action(lang, i),
    };
    let mut out = vec![capitalize(&lang.fill_text(
        "lead",
        &[("when", &when), ("place", &place), ("action", &what)],
    ))];
    let fact = |k: &str| lang.facts.get(k).map_or("", String::as_str).to_string();
    if !i.weapons.is_empty() {
        let names: Vec<String> = i
            .weapons
            .iter()
            .map(|w| lang.weapons.get(w).cloned().unwrap_or_else(|| w.clone()))
            .collect();
        out.push(fill(&fact("weapons"), &[("list", &lang.list(&names))]));
    }
    if let Some(p) = i.participants {
        out.push(lang.plural("crowd", u64::from(p)));
    }
    let details: Vec<String> = i
        .injury_details
        .iter()
        .map(|d| lang.injuries.get(d).cloned().unwrap_or_else(|| d.clone()))
        .collect();
    match i.injuries {
        Some(0) => out.push(lang.plural("injured", 0)),
        Some(n) => {
            let tail = if details.is_empty() {
                ".".to_string()
            } else {
                fill(&fact("injury_details"), &[("list", &details.join(", "))])
            };
            out.push(format!("{}{tail}", lang.plural("injured", u64::from(n))));
        }
        None if !details.is_empty() => out.push(capitalize(&details.join(", ")) + "."),
        None => {}
    }
    if i.fatalities > 0 {
        out.push(lang.plural("killed", u64::from(i.fatalities)));
    }
    if let Some(n) = i.arrests {
        out.push(lang.plural("detained", u64::from(n)));
    }
    out.extend(i.damage.iter().filter_map(|d| lang.damage.get(d).cloned()));
    for a in &i.amounts {
        let template = lang
            .amounts
            .get(&a.what)
            .or_else(|| lang.amounts.get("sum"));
        if let Some(t) = template {
            out.push(fill(t, &[("amount", &money(lang, a))]));
        }
    }
    if i.legal.case_opened {
        out.push(match article(lang, i) {
            Some(a) => fill(&fact("case_article"), &[("article", &a)]),
            None => fact("case_opened"),
        });
    }
    if let (Some(s), false) = (&court_sentence, ruling_is_event) {
        out.push(capitalize(s) + ".");
    }
    let fine_in_sentence = ruling_is_event
        && i.legal.sentence.as_deref() == Some("fine")
        && i.legal.sentence_months.is_none();
    if let (Some(f), false) = (&i.legal.fine, fine_in_sentence) {
        out.push(capitalize(&fill(
            &fact("fine"),
            &[("amount", &money(lang, f))],
        )));
    }
    if n_sources > 1 {
        out.push(lang.fill_text("several_sources", &[("n", &n_sources.to_string())]));
    }
    out.retain(|s| !s.trim().is_empty());
    out.join(" ")
}
