//! Prints every match key of the built-in gazetteer with the kind and population of the
//! largest place it names, one a line (`key<TAB>kind<TAB>population<TAB>country`), for
//! `scripts/build_word_frequency.py`: `cargo run -p litopys-gazetteer --example keys`.

use std::io::Write;

use litopys_gazetteer::Gazetteer;

fn main() {
    let gaz = Gazetteer::builtin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (key, ids) in gaz.keys() {
        let Some(e) = ids.iter().map(|&id| gaz.entry(id)).max_by_key(|e| e.population) else { continue };
        if writeln!(out, "{key}\t{}\t{}\t{}", e.kind.as_str(), e.population, e.country).is_err() {
            return;
        }
    }
}
