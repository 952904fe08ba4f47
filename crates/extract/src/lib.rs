//! From a document's text to incidents and statistics, every value with its source text.
//!
//! # Brief overview
//!
//! ```text
//! Document ─▶ sentences ─┬─ cues (codebook automaton) ─┐
//!                        ├─ places (gazetteer)         ├─▶ segment ─▶ drafts ─▶ Incident
//!                        ├─ dates                      │                    └─▶ Statistic
//!                        └─ counts                     ┘
//! ```
//!
//! Each analysis makes one pass over the whole text and yields spans; segmentation then walks
//! the sentences in order and decides, for each, whether it starts a new incident, enriches
//! the one being told, is a statistic, or is background. See [`segment`](crate::segment) for
//! the rules.
//!
//! ```
//! use litopys_extract::Extractor;
//! use litopys_model::Document;
//!
//! let mut doc = Document::new("example", "On February 23, in Vinnytsia, about 40 residents \
//!     surrounded a TRC minibus and freed a detained man. Two TRC officers were injured.");
//! doc.published = Some("2026-03-02".parse().unwrap());
//! let out = Extractor::default().extract(&doc);
//! let incident = &out.incidents[0];
//! assert_eq!(incident.event_date.to_string(), "2026-02-23");
//! assert_eq!(incident.admin1, "Vinnytsia");
//! assert_eq!(incident.participants, Some(40));
//! assert_eq!(incident.injuries, Some(2));
//! assert_eq!(incident.evidence_for("location").next().unwrap().text, "Vinnytsia");
//! ```
//!
//! Extraction does no IO: documents come in, records go out.
#![deny(missing_docs)]

mod build;
pub mod codebook;
pub mod dates;
pub mod eval;
pub mod facts;
mod figures;
mod gated;
pub mod lang;
pub mod lemma;
mod matcher;
pub mod numbers;
mod places;
mod report_dates;
mod roles;
mod score;
pub mod segment;
mod stats;
pub mod text;

use std::cell::RefCell;

use litopys_gazetteer::{Gazetteer, Mention};
use litopys_model::{Document, Incident, Span, Statistic};

pub use codebook::{Codebook, CodebookError};

/// What extraction found in one document.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// Incidents, in the order the text tells them.
    pub incidents: Vec<Incident>,
    /// Aggregate figures the text quotes.
    pub statistics: Vec<Statistic>,
    /// Things a person may want to know: an incident dropped for lack of a place, and so on.
    pub diagnostics: Vec<String>,
    /// The document's language (`en`, `uk`, `ru`, ...): its own tag if it has one, else detected.
    pub language: Option<String>,
    /// Each paragraph's detected language, for mixed-language posts.
    pub paragraph_languages: Vec<(Span, Option<&'static str>)>,
}

/// Builds the tables extraction otherwise builds on first use (the gazetteer, the geoparser's
/// first names, date patterns, number words, the fact table, role words, inflection rules),
/// each on a thread of its own, and returns when all are built.
///
/// A short-lived process (one note a run, as ACLED's evaluator runs litopys) spends most of its
/// life building these; built one after another they cost it a third of a second, built side
/// by side on two cores about half that. A long run gains nothing but loses nothing either.
pub fn warm_up() {
    let jobs: [(&str, fn()); 7] = [
        ("gazetteer", || { let _ = Gazetteer::builtin(); }),
        ("geoparser", || { let _ = litopys_geoparse::Geoparser::builtin(); }),
        ("dates", || { let _ = dates::find("5 March 2024, 05.03.2024"); }),
        ("numbers", || { let _ = numbers::find("five men"); }),
        ("facts", || { let _ = facts::FactTable::builtin(); }),
        ("roles", || { let _ = roles::builtin(); }),
        ("inflection", || { let _ = lemma::Inflector::builtin(); }),
    ];
    std::thread::scope(|s| {
        for (name, job) in jobs {
            s.spawn(move || {
                let start = std::time::Instant::now();
                job();
                tracing::debug!(table = name, ms = start.elapsed().as_millis() as u64, "built");
            });
        }
    });
}

/// Extracts incidents with a codebook and a gazetteer.
pub struct Extractor {
    codebook: Codebook,
    gazetteer: &'static Gazetteer,
    keep_unplaced: bool,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new(Codebook::builtin())
    }
}

impl Extractor {
    /// An extractor using `codebook` and the built-in gazetteer.
    pub fn new(codebook: Codebook) -> Extractor {
        Extractor {
            codebook,
            gazetteer: Gazetteer::builtin(),
            keep_unplaced: false,
        }
    }

    /// Also report incidents whose place is not in the gazetteer (outside Ukraine, or named
    /// only as "the city"), with empty place fields. Off by default: a row without a place
    /// cannot go on a map. Useful for measuring classification on other countries' reports.
    pub fn keep_unplaced(mut self, yes: bool) -> Extractor {
        self.keep_unplaced = yes;
        self
    }

    /// The codebook in use.
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// Every incident and statistic in `doc`.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let _words = roles::DocumentWords::new(&doc.text);
        let analysis = Analysis::new(doc, &self.codebook, self.gazetteer);
        let outcome = segment::segment(&analysis);
        let paragraph_languages: Vec<(Span, Option<&'static str>)> = analysis
            .paragraphs
            .iter()
            .map(|&p| (p, lang::detect(p.text(&doc.text))))
            .collect();
        let language = doc
            .lang
            .clone()
            .or_else(|| lang::detect(&doc.text).map(str::to_string));
        let mut extraction = Extraction {
            diagnostics: outcome.diagnostics,
            language,
            paragraph_languages,
            ..Extraction::default()
        };
        for draft in &outcome.drafts {
            // measuring classification on reports from abroad keeps their incidents
            if let Some(why) = abroad(&analysis, draft).filter(|_| !self.keep_unplaced) {
                extraction.diagnostics.push(why);
                continue;
            }
            match build::incident(&analysis, draft, self.keep_unplaced) {
                Ok(incident) => extraction.incidents.push(incident),
                Err(why) => extraction.diagnostics.push(why),
            }
        }
        extraction.statistics = stats::statistics(&analysis, &outcome.statistic_sentences);
        extraction
    }
}

/// Everything the single passes over a document found, for segmentation and building.
pub struct Analysis<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its paragraphs, indexed by [`text::Sentence::paragraph_idx`].
    pub paragraphs: Vec<Span>,
    /// Its sentences.
    pub sentences: Vec<text::Sentence>,
    /// Codebook cues, in text order.
    pub cues: Vec<codebook::Cue>,
    /// Place mentions, in text order.
    pub places: Vec<Mention>,
    /// Date expressions, in text order.
    pub dates: Vec<dates::DateExpr>,
    /// The latest year the text writes out, for dates when the document has no date.
    pub year_hint: Option<i16>,
    /// Counts, in text order (those inside date expressions removed).
    pub counts: Vec<numbers::Count>,
    /// The codebook.
    pub codebook: &'a Codebook,
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// For each place mention (by its start) that place picking has weighed, whether it is no
    /// scene (someone's home town, a word of a cue, a group's name...): every sentence of an
    /// incident asks again, and the answer depends on the mention alone.
    not_scene: RefCell<std::collections::HashMap<usize, bool>>,
}

impl<'a> Analysis<'a> {
    /// Runs every pass over `doc`.
    pub fn new(
        doc: &'a Document,
        codebook: &'a Codebook,
        gazetteer: &'a Gazetteer,
    ) -> Analysis<'a> {
        let text = doc.text.as_str();
        let dates = dates::find(text);
        // date expressions do not overlap one another and are sorted: only the last one
        // starting before a count's end can overlap it
        let in_date = |c: &numbers::Count| {
            let idx = dates.partition_point(|d: &dates::DateExpr| d.span.start < c.span.end);
            idx > 0 && dates[idx - 1].span.overlaps(&c.span)
        };
        let counts = numbers::find(text)
            .into_iter()
            .filter(|c| !in_date(c))
            .collect();
        let (cues, places) = cues_and_places(text, codebook, gazetteer);
        let paragraphs = text::paragraphs(text);
        let sentences = text::sentences_in(text, &paragraphs);
        let cues = without_foreign_event_cues(text, cues, &sentences);
        Analysis {
            doc,
            sentences,
            paragraphs,
            cues,
            places,
            year_hint: dates::year_hint(&dates),
            dates,
            counts,
            codebook,
            gazetteer,
            not_scene: RefCell::default(),
        }
    }

    /// The document's text.
    pub fn text(&self) -> &'a str {
        &self.doc.text
    }

    /// Cues inside `span`.
    pub fn cues_in(&self, span: Span) -> &[codebook::Cue] {
        within(&self.cues, span, |c| c.span)
    }

    /// Place mentions inside `span`.
    pub fn places_in(&self, span: Span) -> &[Mention] {
        within(&self.places, span, |m| m.span)
    }

    /// Date expressions inside `span`.
    pub fn dates_in(&self, span: Span) -> &[dates::DateExpr] {
        within(&self.dates, span, |d| d.span)
    }

    /// Counts inside `span`.
    pub fn counts_in(&self, span: Span) -> &[numbers::Count] {
        within(&self.counts, span, |c| c.span)
    }
}

/// The codebook's cues and the gazetteer's place mentions in `text`, over one normalisation of
/// it, made in buffers kept per thread (nine bytes for each byte of text, which fresh per
/// document sent the allocator to the kernel for zeroed pages).
/// Why an incident is dropped because its scene is outside Ukraine, if it is: litopys records
/// Ukraine's incidents, and says which it left out ("в Подольске" is near Moscow, not Podilsk).
fn abroad(a: &Analysis, draft: &segment::Draft) -> Option<String> {
    let place = draft.place?;
    let e = a.gazetteer.entry(place.entry);
    if e.is_ukrainian() {
        return None;
    }
    let first = draft.sentences.first().map_or(0, |&i| a.sentences[i].span.start);
    let country = if e.country.is_empty() { "no country".to_string() } else { e.country.clone() };
    Some(format!(
        "{}: incident at byte {first} is in {} ({}, {country}), outside Ukraine: dropped",
        a.doc.id,
        place.span.text(a.text()),
        e.name
    ))
}

/// The codebook's cues and the places the geoparser accepts (the gazetteer's names, weighed
/// against ordinary words and people's names; see `litopys-geoparse`). A gazetteer other than
/// the built-in one gets its names as they are, without the weighing.
fn cues_and_places(text: &str, codebook: &Codebook, gazetteer: &Gazetteer) -> (Vec<codebook::Cue>, Vec<Mention>) {
    thread_local! {
        static NORMALIZED: RefCell<(String, Vec<usize>)> = const { RefCell::new((String::new(), Vec::new())) };
    }
    let run = |norm: &mut String, offsets: &mut Vec<usize>| {
        litopys_gazetteer::normalize_with_offsets_into(text, norm, offsets);
        let geo = litopys_geoparse::Geoparser::builtin();
        let places = if std::ptr::eq(geo.gazetteer(), gazetteer) {
            geo.parse_normalized(text, norm, offsets).into_iter().map(|p| p.mention).collect()
        } else {
            gazetteer.find_normalized(text, norm, offsets)
        };
        (codebook.scan_normalized(norm, offsets), places)
    };
    NORMALIZED.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => {
            let (norm, offsets) = &mut *buffers;
            run(norm, offsets)
        }
        Err(_) => run(&mut String::new(), &mut Vec::new()),
    })
}

/// `cues` less the event cues written in Latin letters inside a sentence written in Cyrillic:
/// there an English word is a name ("По данным SHOT" is a channel, not a shooting), while
/// the English sentence of a mixed post keeps its cues.
fn without_foreign_event_cues(text: &str, mut cues: Vec<codebook::Cue>, sentences: &[text::Sentence]) -> Vec<codebook::Cue> {
    let mut cyrillic: Vec<Option<bool>> = vec![None; sentences.len()];
    cues.retain(|c| {
        if !matches!(c.kind, codebook::CueKind::Event(_)) || !lang::latin_word(c.span.text(text)) {
            return true;
        }
        let i = sentences.partition_point(|s| s.span.end <= c.span.start);
        let Some(s) = sentences.get(i).filter(|s| s.span.start <= c.span.start) else { return true };
        !*cyrillic[i].get_or_insert_with(|| lang::mostly_cyrillic(s.span.text(text)))
    });
    cues
}

/// The items of a list sorted by start whose spans start inside `span`.
fn within<T>(items: &[T], span: Span, key: impl Fn(&T) -> Span) -> &[T] {
    let lo = items.partition_point(|t| key(t).start < span.start);
    let hi = items.partition_point(|t| key(t).start < span.end);
    &items[lo..hi.max(lo)]
}
