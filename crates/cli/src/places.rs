//! `litopys places`.

use std::io::Write;
use std::process::ExitCode;

use litopys_gazetteer::Gazetteer;

#[derive(clap::Args)]
pub struct Args {
    /// A place name in any spelling or case form.
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    query: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let gaz = Gazetteer::builtin();
    let query = args.query.join(" ");
    let found = gaz.search(&query);
    if found.is_empty() {
        eprintln!("litopys: no place in the gazetteer matches {query:?}");
        return Ok(ExitCode::from(1));
    }
    writeln!(out, "{:<24} {:<10} {:<7} {:<18} {:<20} {:>9} {:>9} {:>10}", "name", "kind", "country", "oblast", "raion", "lat", "lon", "population")?;
    for e in found {
        let kind = e.kind.as_str();
        writeln!(
        out,
            "{:<24} {:<10} {:<7} {:<18} {:<20} {:>9.4} {:>9.4} {:>10}",
            e.name,
            kind,
            e.country,
            e.admin1,
            e.admin2.as_deref().unwrap_or("-"),
            e.lat,
            e.lon,
            e.population
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
