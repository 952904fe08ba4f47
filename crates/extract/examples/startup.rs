//! What each of extraction's built-in tables costs to build, one after another on one thread,
//! in milliseconds: the start-up of a process that extracts one short note.
//!
//! `cargo run --release -p litopys-extract --example startup`
//!
//! `litopys` builds them side by side (`litopys_extract::warm_up`); this shows where the time
//! goes when one of them is the slowest. Run it in a fresh process each time: the tables are
//! built once per process.

use std::time::Instant;

fn time(name: &str, build: impl FnOnce()) {
    let start = Instant::now();
    build();
    println!("{name:<12} {:>6.1} ms", start.elapsed().as_secs_f64() * 1000.0);
}

fn main() {
    let all = Instant::now();
    time("gazetteer", || {
        let _ = litopys_gazetteer::Gazetteer::builtin();
    });
    time("geoparser", || {
        let _ = litopys_geoparse::Geoparser::builtin();
    });
    time("codebook", || {
        let _ = litopys_extract::Codebook::builtin();
    });
    time("dates", || {
        let _ = litopys_extract::dates::find("5 March 2024");
    });
    time("numbers", || {
        let _ = litopys_extract::numbers::find("five men");
    });
    time("facts", || {
        let _ = litopys_extract::facts::FactTable::builtin();
    });
    time("inflection", || {
        let _ = litopys_extract::lemma::Inflector::builtin();
    });
    println!("{:<12} {:>6.1} ms", "all", all.elapsed().as_secs_f64() * 1000.0);
}
