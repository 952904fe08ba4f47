//! Incident segmentation: which sentences tell which incident.
//!
//! # Design
//!
//! Sentences are read in order, as a person reads a review. Each sentence gets features: does
//! it carry an event cue (a codebook rule fires), a date, a place, is it background or a
//! statistic? Then:
//!
//! * **background** ("The week brought at least six clashes", "Similar scenes were reported")
//!   is skipped and enriches nothing;
//! * a **statistic** sentence ("19,850 proceedings were registered in February") becomes a
//!   statistic, not an incident;
//! * an **event** sentence starts a new incident when there is none, when its date or place
//!   conflicts with the incident being told, or when it opens with its own date ("The same
//!   day, a court in Rivne ..."); otherwise it enriches the current one;
//! * a **continuation** ("The strike ended two days later") adds to the incident being told;
//! * any other sentence enriches the current incident when nothing in it conflicts (figures,
//!   "Nobody was hurt", "Інцидент стався 9 лютого"); a place-only line ("Луцьк.", a headline
//!   naming a city) is remembered for the next incident that names none.
//!
//! A headline with an event cue but no date becomes an incident that the body's first
//! compatible sentence then completes, so headline and body make one row, not two.

use litopys_model::{Span, TimePrecision};

use crate::codebook::{Cue, CueKind};
use crate::dates::{self, Anchors, DateExpr, Resolved};
use crate::places::{self, PlacePick};
use crate::Analysis;

/// The sentences of one incident and what has been resolved about it so far.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Indices into [`Analysis::sentences`].
    pub sentences: Vec<usize>,
    /// The date and the expression it came from.
    pub date: Option<(DateExpr, Resolved)>,
    pub(crate) place: Option<PlacePick>,
    /// True when the place was carried over from a headline or dateline.
    pub place_inherited: bool,
}

/// The result of segmentation.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// One draft per incident.
    pub drafts: Vec<Draft>,
    /// Sentences holding aggregate figures.
    pub statistic_sentences: Vec<usize>,
    /// Notes for the user.
    pub diagnostics: Vec<String>,
}

struct Features<'a> {
    event: bool,
    continuation: bool,
    background: bool,
    date: Option<(DateExpr, Resolved)>,
    date_leads: bool,
    place: Option<PlacePick>,
    regions: Vec<&'a str>,
}

/// Splits the analysed document into incident drafts.
pub fn segment(a: &Analysis) -> Outcome {
    let mut out = Outcome::default();
    let year_hint = a.year_hint;
    let mut pending_place: Option<PlacePick> = None;
    for (idx, s) in a.sentences.iter().enumerate() {
        let previous = out.drafts.last().and_then(|d| d.date.map(|(_, r)| r.date));
        let anchors = Anchors {
            published: a.doc.published,
            previous,
            year_hint,
        };
        let f = features(a, s.span, s.paragraph_idx, &anchors);
        if f.background {
            continue;
        }
        if !f.event && crate::stats::is_statistic(a, s.span) {
            out.statistic_sentences.push(idx);
            continue;
        }
        let same_paragraph = out
            .drafts
            .last()
            .and_then(|d| d.sentences.last())
            .is_some_and(|&j| a.sentences[j].paragraph_idx == s.paragraph_idx);
        match out.drafts.last_mut() {
            Some(d) if f.event && compatible(a, d, &f) && !(f.date_leads && d.date.is_some()) => {
                enrich(d, idx, &f)
            }
            Some(d) if !f.event && compatible(a, d, &f) => enrich(d, idx, &f),
            Some(d) if f.continuation && f.place.is_none() => d.sentences.push(idx),
            _ if f.event => {
                let inherited = f.place.is_none();
                let place = f.place.or(pending_place.take()).or_else(|| {
                    same_paragraph
                        .then(|| out.drafts.last().and_then(|d| d.place))
                        .flatten()
                });
                out.drafts.push(Draft {
                    sentences: vec![idx],
                    date: f.date,
                    place,
                    place_inherited: inherited && place.is_some(),
                });
            }
            _ => {
                if f.place.is_some() && f.date.is_none() {
                    pending_place = f.place;
                }
            }
        }
    }
    out
}

fn features<'a>(
    a: &'a Analysis,
    span: Span,
    paragraph_idx: usize,
    anchors: &Anchors,
) -> Features<'a> {
    let cues = a.cues_in(span);
    let paragraph = a.paragraphs.get(paragraph_idx).copied().unwrap_or(span);
    let background = cues.iter().any(|c| c.kind == CueKind::Background);
    let event = best_rule(a, cues, a.cues_in(paragraph)).is_some();
    let resolved: Vec<(DateExpr, Resolved)> = a
        .dates_in(span)
        .iter()
        .filter_map(|e| dates::resolve(e, anchors).map(|r| (*e, r)))
        .collect();
    let date = resolved
        .iter()
        .copied()
        .min_by_key(|(e, r)| (r.precision, !e.kind.is_absolute(), e.span.start));
    let date_leads = resolved.iter().any(|(e, _)| e.span.start < span.start + 30);
    Features {
        event,
        continuation: cues.iter().any(|c| c.kind == CueKind::Continuation),
        background,
        date,
        date_leads,
        place: places::pick(a, span, None),
        regions: places::regions_in(a, span),
    }
}

fn compatible(a: &Analysis, d: &Draft, f: &Features) -> bool {
    if let (Some((_, x)), Some((_, y))) = (d.date, f.date) {
        if x.date != y.date
            && !(x.precision > TimePrecision::Day && y.precision == TimePrecision::Day)
        {
            return false;
        }
    }
    let Some(here) = d.place else { return true };
    let here_entry = a.gazetteer.entry(here.entry);
    if let Some(there) = f.place {
        let there_entry = a.gazetteer.entry(there.entry);
        let same = here.entry == there.entry || here_entry.name == there_entry.name;
        let wider = there.rank > here.rank && there_entry.admin1 == here_entry.admin1;
        if !same && !wider && !(here.rank > there.rank && here_entry.admin1 == there_entry.admin1) {
            return false;
        }
    }
    f.regions.iter().all(|r| *r == here_entry.admin1)
}

fn enrich(d: &mut Draft, idx: usize, f: &Features) {
    d.sentences.push(idx);
    let better_date = match (d.date, f.date) {
        (None, Some(_)) => true,
        (Some((_, x)), Some((_, y))) => y.precision < x.precision,
        _ => false,
    };
    if better_date {
        d.date = f.date;
    }
    if let Some(p) = f.place {
        if d.place.is_none_or(|q| p.rank < q.rank) {
            d.place = Some(p);
            d.place_inherited = false;
        }
    }
}

/// The best event rule for `cues`, with `context` (the paragraph) satisfying requirements:
/// `(rule index, score)`. Scoring lives in [`crate::score`].
pub(crate) fn best_rule(a: &Analysis, cues: &[Cue], context: &[Cue]) -> Option<(usize, u32)> {
    crate::score::best(a, cues, context).map(|d| (d.rule, d.score))
}
