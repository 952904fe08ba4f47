//! `litopys demo`: the bundled example reports, extracted.

use std::path::PathBuf;
use std::io::Write;
use std::process::ExitCode;

use litopys_extract::Extractor;
use litopys_model::Document;

use crate::output::Writer;
use crate::Format;

#[derive(clap::Args)]
pub struct Args {
    /// Also write every incident as JSONL to this file.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// The examples: (name, publication date, text). Written for litopys; see examples/articles.
const EXAMPLES: &[(&str, &str, &str)] = &[
    ("monthly-review.en.txt", "2026-04-01", include_str!("../../../examples/articles/monthly-review.en.txt")),
    ("kharkiv-post.uk.txt", "2026-03-15", include_str!("../../../examples/articles/kharkiv-post.uk.txt")),
    ("mines-post.ru.txt", "2026-03-20", include_str!("../../../examples/articles/mines-post.ru.txt")),
];

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let extractor = Extractor::default();
    let mut file = match &args.out {
        Some(p) => Some(Writer::new(Format::Jsonl, std::io::BufWriter::new(std::fs::File::create(p)?))?),
        None => None,
    };
    writeln!(out, "{:<10} {:<16} {:<16} {:<30} {:>5} {:>7}  source", "date", "place", "oblast", "sub-event type", "crowd", "injured")?;
    let mut n_incidents = 0;
    for (name, published, text) in EXAMPLES {
        let mut doc = Document::new(*name, *text);
        doc.published = published.parse().ok();
        doc.source = Some(format!("examples/articles/{name}"));
        let found = extractor.extract(&doc);
        for i in &found.incidents {
            n_incidents += 1;
            let opt = |v: Option<u32>| v.map_or("-".to_string(), |n| n.to_string());
            writeln!(
        out,
                "{:<10} {:<16} {:<16} {:<30} {:>5} {:>7}  {}",
                i.event_date.to_string(),
                i.location,
                i.admin1,
                i.sub_event_type.as_str(),
                opt(i.participants),
                opt(i.injuries),
                name
            )?;
            if let Some(w) = file.as_mut() {
                w.incident(i)?;
            }
        }
        for s in &found.statistics {
            writeln!(out, "{:<10} statistic: {} = {} ({})", s.period, s.indicator, s.value, name)?;
        }
    }
    if let Some(w) = file {
        w.finish()?;
    }
    writeln!(out, "\n{n_incidents} incidents from {} example reports. Try: litopys extract --published 2026-04-01 examples/articles/monthly-review.en.txt", EXAMPLES.len())?;
    Ok(ExitCode::SUCCESS)
}
