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
//! be drafted from any source of events and tested without one. Each entry's sentence is the
//! incident's `notes`, which extraction writes from templates in English and which name no
//! private person. Counts are computed once, in [`Summary`], and templates only lay them out:
//! a user's template cannot miscount.
#![deny(missing_docs)]

mod charts;
mod summary;
mod tally;

use litopys_model::{Incident, Statistic};

pub use summary::{Group, Summary};
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
    /// How many reports were read for the period.
    pub n_documents: usize,
    /// Which events were included: `reviewed` or `all`.
    pub status_filter: String,
}

/// How entries are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// One list in date order.
    #[default]
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

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The template did not parse or failed while rendering.
    #[error("report template: {0}")]
    Template(String),
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
    let c = charts::Charts::new(&Summary::new(input, GroupBy::None));
    (c.weekly, c.map)
}

/// The shipped template for `format`.
pub fn default_template(format: Format) -> &'static str {
    match format {
        Format::Markdown => include_str!("../templates/report.md.j2"),
        Format::Html => include_str!("../templates/report.html.j2"),
    }
}

/// Renders the report with `template` (the shipped one when `None`).
pub fn render(input: &Input, group_by: GroupBy, format: Format, template: Option<&str>) -> Result<String, Error> {
    if input.to < input.from {
        return Err(Error::Period { from: input.from, to: input.to });
    }
    let summary = Summary::new(input, group_by);
    let mut env = minijinja::Environment::new();
    let name = match format {
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
    let source = template.unwrap_or_else(|| default_template(format));
    env.add_template(name, source).map_err(|e| Error::Template(e.to_string()))?;
    let t = env.get_template(name).map_err(|e| Error::Template(e.to_string()))?;
    let charts = match format {
        Format::Html => Some(charts::Charts::new(&summary)),
        Format::Markdown => None,
    };
    let ctx = minijinja::context! { report => minijinja::value::Serde(&summary), charts => minijinja::value::Serde(&charts) };
    t.render(ctx).map_err(|e| Error::Template(e.to_string()))
}
