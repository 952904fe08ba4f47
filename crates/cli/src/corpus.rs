//! `litopys corpus`: write a generated benchmark corpus as JSON Lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use litopys_corpus::{Generator, Lang};

#[derive(clap::Args)]
pub struct Args {
    /// Seed: the same seed, size and language give the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Size of the JSON Lines output: 10MB, 100MB, 1GB, ...
    #[arg(long, default_value = "100MB", value_parser = litopys_corpus::parse_size)]
    size: u64,
    /// Language of the articles: en, uk, ru, or mixed (each article in one of the three).
    #[arg(long, default_value = "mixed")]
    lang: Lang,
    /// Where to write; standard output if not given.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut gen = Generator::new(args.seed, args.lang);
    let (n_articles, n_text) = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let n = litopys_corpus::write_jsonl(&mut gen, args.size, &mut out)?;
            out.flush()?;
            n
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let n = litopys_corpus::write_jsonl(&mut gen, args.size, &mut out)?;
            out.flush()?;
            n
        }
    };
    tracing::info!("{n_articles} articles, {n_text} bytes of text");
    Ok(ExitCode::SUCCESS)
}
