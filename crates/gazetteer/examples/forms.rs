//! Prints the generated case forms of each name read from stdin, one name a line
//! (`name<TAB>form|form|...`), for `scripts/check_inflection.py`:
//! `cargo run --release -p litopys-gazetteer --example forms < names.txt`.

use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(name) = line else { return };
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let forms = litopys_gazetteer::case_forms(name);
        if writeln!(out, "{name}\t{}", forms.join("|")).is_err() {
            return;
        }
    }
}
