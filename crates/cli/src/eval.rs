//! `litopys eval`: extraction scored against hand-coded answers.
//!
//! The scoring itself is `litopys_extract::eval`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use litopys_extract::Extractor;
use litopys_extract::eval::{score, Gold, Score};
use litopys_model::{Incident, Statistic};

#[derive(clap::Args)]
pub struct Args {
    /// GOLD.json INPUT pairs.
    #[arg(value_name = "GOLD INPUT", required = true, num_args = 2..)]
    pairs: Vec<PathBuf>,
    /// Print each match, miss and extra.
    #[arg(long)]
    details: bool,
    /// A codebook TOML to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.pairs.len() % 2 != 0 {
        bail!("eval takes GOLD INPUT pairs; got an odd number of paths");
    }
    let extractor = crate::load_extractor(args.codebook.as_ref())?;
    println!(
        "{:<28} {:>6} {:>9} {:>6} {:>6} {:>6} {:>7} {:>9} {:>6}",
        "sample", "recall", "precision", "place", "coords", "type", "injured", "particip.", "stats"
    );
    let mut total = Score::default();
    for pair in args.pairs.chunks(2) {
        let score = eval_one(&extractor, &pair[0], &pair[1], args.details)?;
        let name = pair[1].file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        print_row(&name, &score);
        total.add(&score);
    }
    if args.pairs.len() > 2 {
        print_row("TOTAL", &total);
    }
    Ok(ExitCode::SUCCESS)
}

fn frac(a: usize, b: usize) -> String {
    format!("{a}/{b}")
}

fn print_row(name: &str, s: &Score) {
    let precision = s.precision();
    println!(
        "{:<28} {:>6} {:>9.2} {:>6} {:>6} {:>6} {:>7} {:>9} {:>6}",
        name,
        frac(s.n_found, s.n_gold),
        precision,
        frac(s.place_ok, s.n_found),
        frac(s.geo_ok, s.n_found),
        frac(s.type_ok, s.n_found),
        frac(s.injuries.0, s.injuries.1),
        frac(s.participants.0, s.participants.1),
        frac(s.stats.0, s.stats.1),
    );
}

fn eval_one(extractor: &Extractor, gold_path: &PathBuf, input: &PathBuf, details: bool) -> anyhow::Result<Score> {
    let gold_text = std::fs::read_to_string(gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
    let gold: Gold = serde_json::from_str(&gold_text).with_context(|| format!("{} is not a gold file", gold_path.display()))?;
    let published = gold.published.parse::<jiff::civil::Date>().ok();
    let docs = litopys_ingest::read_path(input).map_err(|e| anyhow::anyhow!("{e}"))?.documents;
    let (mut events, mut stats): (Vec<Incident>, Vec<Statistic>) = (Vec::new(), Vec::new());
    for mut doc in docs {
        if doc.published.is_none() {
            doc.published = published;
        }
        let out = extractor.extract(&doc);
        events.extend(out.incidents);
        stats.extend(out.statistics);
    }
    Ok(score(&gold, &events, &stats, details))
}

