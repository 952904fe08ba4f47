//! Compiles the gazetteer: merges `data/core.tsv` over `data/places.tsv`, generates every
//! entry's match keys (case forms, unit phrases) and builds the FST index, so that loading
//! the built-in gazetteer at run time only parses the merged table.
#![allow(dead_code)]

#[path = "src/index.rs"]
mod index;
#[path = "src/inflect.rs"]
mod inflect;
#[path = "src/names.rs"]
mod names;
#[path = "src/normalize.rs"]
mod normalize;
#[path = "src/raion_names.rs"]
mod raion_names;
#[path = "src/table.rs"]
mod table;

use std::path::PathBuf;

fn main() {
    for f in ["data/core.tsv", "data/places.tsv", "data/world.tsv", "data/world_core.tsv", "data/word_frequency.tsv", "data/common_words.txt", "src/index.rs", "src/inflect.rs", "src/names.rs", "src/normalize.rs", "src/raion_names.rs", "src/table.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {p}: {e}"));
    let core = table::parse_core(&read("data/core.tsv"));
    let places = table::parse_full(&read("data/places.tsv"));
    let mut rows = table::merge(core, places);
    raion_names::add_russian_adjectives(&mut rows);
    let world = table::merge_world(table::parse_world(&read("data/world_core.tsv")), table::parse_world(&read("data/world.tsv")));
    rows.extend(world);
    let common = names::CommonWords::builtin();
    let mut pairs = Vec::new();
    for (id, r) in rows.iter().enumerate() {
        let mut spellings = vec![r.name.as_str(), r.name_uk.as_str()];
        spellings.extend(r.spellings.split('|').filter(|s| !s.is_empty()));
        // a place abroad has no official spelling in the register: every spelling is its own
        let n_own = if r.country == "UA" { 2 } else { spellings.len() };
        let src = names::NameSource { kind: &r.kind, population: r.population, spellings, n_own, ukrainian: r.country == "UA" };
        for (key, flags) in names::keys(&src, &common) {
            pairs.push((key, (id as u32) << names::FLAG_BITS | flags));
        }
    }
    let (fst, postings) = index::build(pairs);
    // the prefix filters read every key once: made here, so that start-up does not
    let index = index::Index::new(std::borrow::Cow::Owned(fst.clone()), std::borrow::Cow::Owned(postings.clone())).expect("the fst just built");
    let (any_case, all) = index.prefix_filters(names::FLAG_ANY_CASE);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, bytes: &[u8]| std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    write("entries.tsv", table::write(&rows).as_bytes());
    write("names.fst", &fst);
    write("postings.bin", &postings);
    write("filter_any_case.bin", &any_case.to_bytes());
    write("filter_all.bin", &all.to_bytes());
}
