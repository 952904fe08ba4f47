//! `litopys report`: the period's digest, drafted from the database.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context};
use jiff::ToSpan;
use litopys_report::{Entry, GroupBy, Input, Options, Paper, Sections};
use litopys_store::{Event, Filter, Status, Store};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Markdown.
    Md,
    /// Self-contained HTML with inline SVG charts.
    Html,
    /// PDF, printed from the HTML by a headless Chromium (Debian's `chromium`).
    Pdf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Which {
    /// Only events an analyst confirmed or edited.
    Reviewed,
    /// Every event but rejected ones.
    All,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Grouping {
    /// By what the incidents show, as the sections file defines (see --sections).
    Section,
    /// One list in date order.
    None,
    /// By oblast.
    Oblast,
    /// By ACLED event type.
    Type,
    /// By week.
    Week,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum PaperSize {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

#[derive(clap::Args)]
pub struct Args {
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// First day of the period (2026-03-01, 2026-3-1 or 01.03.2026).
    #[arg(long, value_name = "DATE", value_parser = crate::args::parse_date)]
    from: jiff::civil::Date,
    /// Last day of the period (2026-03-31, 2026-3-31 or 31.03.2026), inclusive.
    #[arg(long, value_name = "DATE", value_parser = crate::args::parse_date)]
    to: jiff::civil::Date,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// Which events to include.
    #[arg(long, value_enum, default_value_t = Which::All)]
    status: Which,
    /// How to group the incidents.
    #[arg(long, value_enum, default_value_t = Grouping::Section)]
    group_by: Grouping,
    /// The report's language: every word, dates and place names (in their case).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(litopys_report::LANGUAGES), default_value = "en")]
    lang: String,
    /// A TOML file of sections to use instead of the shipped one (crates/report/sections.toml).
    #[arg(long, value_name = "FILE")]
    sections: Option<PathBuf>,
    /// Paper size of a PDF.
    #[arg(long, value_enum, default_value_t = PaperSize::A4)]
    paper: PaperSize,
    /// A minijinja template to use instead of the shipped one (see crates/report/templates).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// The report's title.
    #[arg(long)]
    title: Option<String>,
    /// Where to write the report (standard output when not given; required for PDF).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.to < args.from {
        bail!("--to {} is before --from {}", args.to, args.from);
    }
    let mut store = crate::args::open_existing(&args.db)?;
    let events = period_events(&mut store, args.from, args.to, args.status)?;
    let (prev_from, prev_to) = litopys_report::previous_period(args.from, args.to).context("the period is at the calendar's edge")?;
    let previous = period_events(&mut store, prev_from, prev_to, args.status)?.into_iter().map(|e| e.incident).collect();
    let mut docs: Vec<i64> = events.iter().flat_map(|e| e.sources.iter().map(|s| s.doc_id)).collect();
    docs.sort_unstable();
    docs.dedup();
    let input = Input {
        title: args.title.clone(),
        from: args.from,
        to: args.to,
        n_documents: docs.len(),
        entries: events.into_iter().map(entry).collect(),
        previous,
        statistics: store.statistics(args.from, args.to)?,
        history: store.statistics(args.to.first_of_month().checked_sub(11.months())?, args.to)?,
        status_filter: if args.status == Which::Reviewed { "reviewed".into() } else { "all".into() },
    };
    let group_by = match args.group_by {
        Grouping::Section => GroupBy::Section,
        Grouping::None => GroupBy::None,
        Grouping::Oblast => GroupBy::Oblast,
        Grouping::Type => GroupBy::Type,
        Grouping::Week => GroupBy::Week,
    };
    let template = match &args.template {
        Some(p) => Some(std::fs::read_to_string(p).with_context(|| format!("cannot read template {}", p.display()))?),
        None => None,
    };
    let sections = match &args.sections {
        Some(p) => Some(Sections::from_toml(&std::fs::read_to_string(p).with_context(|| format!("cannot read sections {}", p.display()))?)?),
        None => None,
    };
    let format = if args.format == Format::Md { litopys_report::Format::Markdown } else { litopys_report::Format::Html };
    let paper = if args.paper == PaperSize::Letter { Paper::Letter } else { Paper::A4 };
    let opts = Options { group_by, format, template, lang: args.lang.clone(), sections, paper };
    let text = litopys_report::render(&input, &opts)?;
    match (args.format, &args.output) {
        (Format::Pdf, Some(out)) => print_pdf(&text, out)?,
        (Format::Pdf, None) => bail!("a PDF report needs --output FILE"),
        (_, Some(out)) => std::fs::write(out, text).with_context(|| format!("cannot write {}", out.display()))?,
        (_, None) => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn period_events(store: &mut Store, from: jiff::civil::Date, to: jiff::civil::Date, which: Which) -> anyhow::Result<Vec<Event>> {
    let filter = Filter { from: Some(from), to: Some(to), ..Filter::default() };
    let events = store.events(&filter)?;
    Ok(match which {
        Which::All => events,
        Which::Reviewed => events.into_iter().filter(|e| matches!(e.status, Status::Confirmed | Status::Edited)).collect(),
    })
}

fn entry(e: Event) -> Entry {
    let links = e.sources.iter().map(|s| s.url.clone().unwrap_or_else(|| s.document.clone())).collect();
    Entry { status: e.status.as_str().to_string(), links, incident: e.incident }
}

/// Prints `html` to PDF at `out` with a headless Chromium.
fn print_pdf(html: &str, out: &Path) -> anyhow::Result<()> {
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
        .context("PDF needs a Chromium: install Debian's `chromium` (apt-get install chromium), or use --format html and print it")?;
    let dir = std::env::temp_dir().join(format!("litopys-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let page = dir.join("report.html");
    std::fs::write(&page, html)?;
    let out_abs = std::path::absolute(out)?;
    let status = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", out_abs.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .context("could not run Chromium")?;
    let _ = std::fs::remove_dir_all(&dir);
    if !status.status.success() || !out_abs.exists() {
        bail!("Chromium failed to print the PDF: {}", String::from_utf8_lossy(&status.stderr).lines().last().unwrap_or(""));
    }
    Ok(())
}
