//! `litopys extract`.

use std::path::PathBuf;
use std::process::ExitCode;

use litopys_extract::Extractor;

use crate::{input, output::Writer, Format};

#[derive(clap::Args)]
pub struct Args {
    /// Reports to read; `-` reads standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for reports that carry none: relative dates
    /// ("yesterday", "two days later") and years are resolved against it.
    #[arg(long, value_name = "DATE")]
    published: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Also write aggregate figures ("19,850 proceedings in February") as records with
    /// `"record": "statistic"`.
    #[arg(long)]
    statistics: bool,
    /// A codebook TOML to use instead of the built-in one (see data/codebook.toml).
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
    /// Also write incidents whose place is not in the gazetteer, with empty place fields
    /// (for measuring classification on reports from outside Ukraine).
    #[arg(long)]
    keep_unplaced: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new(crate::load_codebook(args.codebook.as_ref())?).keep_unplaced(args.keep_unplaced);
    let stdout = std::io::stdout().lock();
    let mut writer = Writer::new(args.format, std::io::BufWriter::new(stdout))?;
    let mut n_failed = 0;
    for input in input::read_all(&args.files, args.published) {
        let docs = match input.documents {
            Ok(docs) => docs,
            Err(message) => {
                eprintln!("litopys: {message}");
                n_failed += 1;
                continue;
            }
        };
        if docs.is_empty() {
            eprintln!("litopys: {}: no text to read", input.name);
        }
        for doc in &docs {
            let out = extractor.extract(doc);
            tracing::info!("{}: language {}", doc.id, out.language.as_deref().unwrap_or("unknown"));
            for d in &out.diagnostics {
                tracing::info!("{d}");
            }
            for i in &out.incidents {
                writer.incident(i)?;
            }
            if args.statistics {
                for s in &out.statistics {
                    writer.statistic(s)?;
                }
            }
        }
    }
    writer.finish()?;
    Ok(if n_failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
