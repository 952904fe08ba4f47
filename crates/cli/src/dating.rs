//! Incidents of a report with no publication date: found, kept, and said.
//!
//! # Design
//!
//! Extraction dates "yesterday" against the report's publication date and drops an incident
//! it cannot date. A report with no date of its own (none in its metadata, dateline or file
//! name, and no `--published`) would lose those incidents without a word. So such a report is
//! extracted twice: as it is, and against a stand-in date far in the past ([`STAND_IN`]).
//! Incidents the second pass finds and the first does not are exactly those whose date hangs
//! on the publication date: they are kept, flagged by id, and the store files them as
//! `needs-date` until the report is dated (`litopys documents date`) and extracted again
//! (`litopys reextract`). The stand-in is far from any real event, so they link with nothing
//! real. Reports with a date are extracted once, as before.

use std::collections::HashSet;

use litopys_extract::Extractor;
use litopys_model::{Document, Incident, Statistic};

/// The publication date undated reports are extracted against to find what needs a date.
pub const STAND_IN: jiff::civil::Date = jiff::civil::date(1900, 1, 1);

/// What extraction found in one report, with the incidents that need a date marked.
pub struct Dated {
    /// Every incident, the undated ones included (dated against [`STAND_IN`]).
    pub incidents: Vec<Incident>,
    /// Aggregate figures.
    pub statistics: Vec<Statistic>,
    /// The `event_id_cnty` of incidents that need a date.
    pub undated: Vec<String>,
}

/// Extracts `doc`, keeping the incidents that only a publication date could date.
pub fn extract(extractor: &Extractor, doc: &Document) -> Dated {
    let out = extractor.extract(doc);
    if doc.published.is_some() {
        return Dated { incidents: out.incidents, statistics: out.statistics, undated: Vec::new() };
    }
    let stand_in = Document { published: Some(STAND_IN), ..doc.clone() };
    let again = extractor.extract(&stand_in);
    let known: HashSet<&str> = out.incidents.iter().map(|i| i.event_id_cnty.as_str()).collect();
    let extra: Vec<Incident> = again.incidents.into_iter().filter(|i| !known.contains(i.event_id_cnty.as_str())).collect();
    let undated = extra.iter().map(|i| i.event_id_cnty.clone()).collect();
    let mut incidents = out.incidents;
    incidents.extend(extra);
    Dated { incidents, statistics: out.statistics, undated }
}

/// How many incidents of `doc` (which has no date) only a publication date could date,
/// beyond those extraction `found`.
pub fn count_undated(extractor: &Extractor, doc: &Document, found: &[Incident]) -> usize {
    let known: HashSet<&str> = found.iter().map(|i| i.event_id_cnty.as_str()).collect();
    let stand_in = Document { published: Some(STAND_IN), ..doc.clone() };
    extractor.extract(&stand_in).incidents.iter().filter(|i| !known.contains(i.event_id_cnty.as_str())).count()
}

/// How a report came by its date, for the run's warnings and summary.
#[derive(Default)]
pub struct Tally {
    /// Reports with no date at all.
    pub n_undated: usize,
    /// Their incidents kept as needs-date.
    pub n_needs_date: usize,
    /// Reports dated by `--published` (none of their own).
    pub n_fallback: usize,
}

impl Tally {
    /// Warns (at the default verbosity) about a report that has no date of its own.
    pub fn note(&mut self, doc: &Document, own_date: bool, fallback: Option<jiff::civil::Date>, n_incidents: usize, n_undated: usize) {
        if own_date {
            return;
        }
        match fallback {
            Some(date) => {
                self.n_fallback += 1;
                if n_incidents > 0 {
                    eprintln!(
                        "litopys: warning: {}: no date of its own (metadata, dateline, file name); {n_incidents} incidents dated against --published {date}",
                        doc.id
                    );
                }
            }
            None => {
                self.n_undated += 1;
                self.n_needs_date += n_undated;
                if n_undated == 0 {
                    return;
                }
                eprintln!(
                    "litopys: warning: {}: no publication date (none in its metadata, dateline or file name, and no --published); {n_undated} incidents kept as needs-date",
                    doc.id
                );
            }
        }
    }

    /// The summary line, if any report lacked a date.
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.n_undated > 0 {
            parts.push(format!("{} documents without a publication date ({} incidents need a date)", self.n_undated, self.n_needs_date));
        }
        if self.n_fallback > 0 {
            parts.push(format!("{} documents dated by --published", self.n_fallback));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}
