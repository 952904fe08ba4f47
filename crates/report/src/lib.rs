//! Periodic reviews: the digest a newsroom publishes, drafted from the events of a period.
//!
//! # Brief overview
//!
//! ```text
//! events of the period ─┐
//! previous period ──────┼─▶ Summary (counts, groups, top places, charts) ─▶ template ─▶ Markdown / HTML
//! statistics ───────────┘
//! ```
//!
//! [`render`] builds a [`Summary`] from an [`Input`] and renders it with a
//! [minijinja](https://docs.rs/minijinja) template: the shipped defaults
//! (`templates/report.md.j2`, `templates/report.html.j2`) or the user's own. HTML is
//! self-contained: its charts are inline SVG drawn here, with no external requests.
//!
//! # Design
//!
//! The report takes plain incidents with their source links, not a database handle, so it can
//! be drafted from any source of events and tested without one. It reads like a newsroom's
//! review: a lede with the period's figures and change, then sections by what the incidents
//! show (defined as data in `sections.toml`, overridable with [`Options::sections`]), one
//! paragraph per event written from its structured facts (`paragraph`), each ending with its
//! sources by publisher name (`sources`), then the figures. Every word comes from the
//! language tables in `lang/` (`en`, `uk`, `ru`), place names in the language's spelling and
//! case (`places`). Counts are computed once, in [`Summary`], and templates only lay them out:
//! a user's template cannot miscount.
#![deny(missing_docs)]

mod charts;
mod lang;
mod paragraph;
mod places;
mod sections;
mod sources;
mod summary;
mod tally;

use litopys_model::{Incident, Statistic};

pub use lang::LANGUAGES;
pub use sections::{Section, Sections};
pub use sources::SourceLink;
pub use summary::{EntryView, Group, Summary};
pub use tally::{chart_svgs_tallied, Tally};

/// One event of the period.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Its values.
    pub incident: Incident,
    /// Where its reports can be read (URLs, message links, paths).
    pub links: Vec<String>,
    /// Review status: `new`, `confirmed`, `edited`.
    pub status: String,
}

/// Everything a report is drafted from.
#[derive(Clone, Debug)]
pub struct Input {
    /// The title; a default names the period.
    pub title: Option<String>,
    /// First day of the period.
    pub from: jiff::civil::Date,
    /// Last day of the period, inclusive.
    pub to: jiff::civil::Date,
    /// The period's events.
    pub entries: Vec<Entry>,
    /// The previous period of the same length, for the change in counts.
    pub previous: Vec<Incident>,
    /// The period's statistical figures.
    pub statistics: Vec<Statistic>,
    /// Statistics of every month up to the period's end, for the figures' line charts.
    pub history: Vec<Statistic>,
    /// How many reports were read for the period.
    pub n_documents: usize,
    /// Which events were included: `reviewed` or `all`.
    pub status_filter: String,
}

/// How entries are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// By the sections of `sections.toml`, in their order.
    #[default]
    Section,
    /// One list in date order.
    None,
    /// By oblast, largest first.
    Oblast,
    /// By ACLED event type.
    Type,
    /// By ISO week.
    Week,
}

/// Output formats a template exists for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    Markdown,
    /// Self-contained HTML with inline SVG charts.
    Html,
}

/// Paper size of the printed (PDF) report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4.
    #[default]
    A4,
    /// US Letter.
    Letter,
}

/// How a report is drafted.
#[derive(Clone, Debug)]
pub struct Options {
    /// How entries are grouped.
    pub group_by: GroupBy,
    /// Output format.
    pub format: Format,
    /// A template to use instead of the shipped one.
    pub template: Option<String>,
    /// Language code: `en`, `uk`, `ru`.
    pub lang: String,
    /// Section definitions; the shipped ones when `None`.
    pub sections: Option<Sections>,
    /// Paper size for print.
    pub paper: Paper,
}

impl Default for Options {
    fn default() -> Options {
        Options { group_by: GroupBy::Section, format: Format::Markdown, template: None, lang: "en".into(), sections: None, paper: Paper::A4 }
    }
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The template did not parse or failed while rendering.
    #[error("report template: {0}")]
    Template(String),
    /// No tables for this language.
    #[error("no report language {0:?} (have: en, uk, ru)")]
    Language(String),
    /// The sections file did not parse.
    #[error("sections: {0}")]
    Sections(String),
    /// The period ends before it starts.
    #[error("the period ends ({to}) before it starts ({from})")]
    Period {
        /// First day.
        from: jiff::civil::Date,
        /// Last day.
        to: jiff::civil::Date,
    },
}

/// The two charts of a report as standalone SVG documents: incidents per week by type
/// (stacked bars) and a choropleth of Ukraine by oblast. The web app shows the same charts.
pub fn chart_svgs(input: &Input) -> (String, String) {
    let Ok(lang) = lang::Lang::builtin("en") else { return (String::new(), String::new()) };
    let c = charts::Charts::new(&Summary::new(input, GroupBy::None, &lang, &Sections::builtin()));
    (c.weekly, c.map)
}

/// The period to compare a report's period with: the previous calendar month when the
/// period is one, else as many days just before it. `None` at the calendar's edge.
pub fn previous_period(from: jiff::civil::Date, to: jiff::civil::Date) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    use jiff::ToSpan;
    if summary::whole_month(from, to) {
        let prev_from = from.checked_sub(1.month()).ok()?;
        return Some((prev_from, prev_from.last_of_month()));
    }
    let days = (to - from).get_days();
    let prev_to = from.checked_sub(1.day()).ok()?;
    Some((prev_to.checked_sub(i64::from(days).days()).ok()?, prev_to))
}

/// The shipped template for `format`.
pub fn default_template(format: Format) -> &'static str {
    match format {
        Format::Markdown => include_str!("../templates/report.md.j2"),
        Format::Html => include_str!("../templates/report.html.j2"),
    }
}

/// The report's [`Summary`] in `opts.lang`: what templates lay out.
pub fn summarize(input: &Input, opts: &Options) -> Result<Summary, Error> {
    if input.to < input.from {
        return Err(Error::Period { from: input.from, to: input.to });
    }
    let lang = lang::Lang::builtin(&opts.lang)?;
    let builtin;
    let sections = match &opts.sections {
        Some(s) => s,
        None => {
            builtin = Sections::builtin();
            &builtin
        }
    };
    Ok(Summary::new(input, opts.group_by, &lang, sections))
}

/// Renders the report as `opts` asks.
pub fn render(input: &Input, opts: &Options) -> Result<String, Error> {
    let summary = summarize(input, opts)?;
    let lang = lang::Lang::builtin(&opts.lang)?;
    let mut env = minijinja::Environment::new();
    let name = match opts.format {
        Format::Markdown => "report.md",
        Format::Html => "report.html",
    };
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    let source = opts.template.as_deref().unwrap_or_else(|| default_template(opts.format));
    env.add_template(name, source).map_err(|e| Error::Template(e.to_string()))?;
    let t = env.get_template(name).map_err(|e| Error::Template(e.to_string()))?;
    let charts = match opts.format {
        Format::Html => Some(charts::Charts::new(&summary)),
        Format::Markdown => None,
    };
    let max = summary.by_oblast.first().map_or(0, |c| c.n).to_string();
    let mut words = lang.texts().clone();
    words.insert("map_caption".into(), lang.fill_text("map_caption", &[("max", &max)]));
    let paper = match opts.paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    let ctx = minijinja::context! {
        report => minijinja::value::Serde(&summary),
        charts => minijinja::value::Serde(&charts),
        t => minijinja::value::Serde(&words),
        paper => paper,
    };
    t.render(ctx).map_err(|e| Error::Template(e.to_string()))
}
