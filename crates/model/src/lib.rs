//! The shared vocabulary of litopys.
//!
//! # Brief overview
//!
//! Every stage of the pipeline speaks in these types:
//!
//! ```text
//! Document ──segment──▶ passages ──extract──▶ Incident (+ Evidence) ──▶ store / views
//!                                         └─▶ Statistic (+ Evidence)
//! ```
//!
//! * [`Document`] is one report as read: its full text, when it was published, where it came from.
//! * [`Span`] is a byte range into a document's text. Every value litopys fills in points back
//!   to the exact source text it came from through an [`Evidence`] record.
//! * [`Incident`] is one thing that happened, with ACLED's column names, so that tools built for
//!   ACLED's data read litopys' output as they are.
//! * [`Statistic`] is an aggregate figure a report quotes ("19,850 proceedings in February"): not
//!   an incident, but worth keeping with its period and source.
//! * [`Place`] is a resolved location: a settlement or an administrative unit with coordinates.
//!
//! This crate does no IO and depends on no other litopys crate.
//!
//! ```
//! use litopys_model::{Document, Span};
//! let doc = Document::new("example", "On February 23, in Vinnytsia, ...");
//! let span = Span::new(19, 28);
//! assert_eq!(span.text(&doc.text), "Vinnytsia");
//! ```
#![deny(missing_docs)]

mod acled;
mod incident;
mod row;

pub use acled::{EventType, SubEventType, TimePrecision, GeoPrecision};
pub use incident::{Amount, Evidence, Incident, Legal, Statistic};
pub use row::{inter_category, publisher, row_columns, source_scale, Cell, Row, ACLED_COLUMNS, FIGURE_COLUMNS, INTER_CATEGORIES};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
///
/// Offsets are bytes, not characters, so that a span can slice the original UTF-8 text
/// directly; both ends always fall on character boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers in `text`, or `""` if it does not fit there.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True if the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The same span moved `by` bytes to the right.
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One report as litopys read it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// A stable identifier: a file path, a URL, or `channel/message-id`.
    pub id: String,
    /// The full text, normalised to UTF-8. All spans index into this.
    pub text: String,
    /// Publication date, when known. Relative dates ("yesterday") are resolved against it.
    pub published: Option<jiff::civil::Date>,
    /// Where the document can be found again: a URL, a `t.me` link, or a file path.
    pub source: Option<String>,
    /// The headline, when the format has one.
    pub title: Option<String>,
    /// ISO 639-1 code of the main language ("en", "uk", "ru"), when known.
    pub lang: Option<String>,
}

impl Document {
    /// A document with an id and text and nothing else known.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), ..Document::default() }
    }
}

/// A resolved location: what a gazetteer returns and what an incident carries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Settlement or unit name in English (official Ukrainian transliteration): "Velyka Dymerka".
    pub name: String,
    /// Oblast in official Latin spelling without "oblast": "Kyiv", "Kyiv City", "Zaporizhzhia".
    pub admin1: String,
    /// Raion, when known.
    pub admin2: Option<String>,
    /// Hromada, when known.
    pub admin3: Option<String>,
    /// Latitude, WGS 84.
    pub latitude: f64,
    /// Longitude, WGS 84.
    pub longitude: f64,
    /// How precisely the coordinates locate the place the text names.
    pub geo_precision: GeoPrecision,
}
