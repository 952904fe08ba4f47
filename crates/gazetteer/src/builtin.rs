//! The core table compiled into the binary: `data/core.tsv`.

use litopys_model::GeoPrecision;

use crate::inflect::{adjective_forms, forms};
use crate::{Entry, EntryId, Kind};

const CORE: &str = include_str!("../data/core.tsv");

/// Entries and their spellings (with generated case forms) from the core table.
pub(crate) fn table() -> (Vec<Entry>, Vec<(String, EntryId)>) {
    parse(CORE)
}

pub(crate) fn parse(tsv: &str) -> (Vec<Entry>, Vec<(String, EntryId)>) {
    let mut entries = Vec::new();
    let mut names = Vec::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(entry) = parse_entry(&f, entries.len() as EntryId) else {
            continue;
        };
        let spellings = f.get(7).copied().unwrap_or("");
        for s in spellings.split('|').filter(|s| !s.is_empty()).chain([entry.name.as_str()]) {
            let generated = if entry.kind == Kind::Oblast && is_adjective(s) { adjective_forms(s) } else { forms(s) };
            names.extend(generated.into_iter().map(|g| (g, entry.id)));
        }
        if entry.kind == Kind::Oblast {
            names.extend(oblast_phrases(&entry.name_uk).into_iter().map(|g| (g, entry.id)));
        } else {
            names.extend(forms(&entry.name_uk).into_iter().map(|g| (g, entry.id)));
        }
        entries.push(entry);
    }
    (entries, names)
}

fn parse_entry(f: &[&str], id: EntryId) -> Option<Entry> {
    let kind = match *f.first()? {
        "oblast" => Kind::Oblast,
        "raion" => Kind::Raion,
        "hromada" => Kind::Hromada,
        "city" => Kind::City,
        "village" => Kind::Village,
        _ => return None,
    };
    Some(Entry {
        id,
        name: f.get(1)?.to_string(),
        name_uk: f.get(2)?.to_string(),
        kind,
        admin1: f.get(3)?.to_string(),
        admin2: None,
        admin3: None,
        lat: f.get(4)?.parse().ok()?,
        lon: f.get(5)?.parse().ok()?,
        population: f.get(6)?.parse().ok()?,
        geo_precision: if kind == Kind::Oblast { GeoPrecision::Region } else { GeoPrecision::Settlement },
    })
}

fn is_adjective(s: &str) -> bool {
    ["ська", "цька", "ська", "ская", "цкая", "ька"].iter().any(|e| s.ends_with(e))
}

/// "Волинська область" → every case of the adjective followed by the matching case of "область".
fn oblast_phrases(name_uk: &str) -> Vec<String> {
    let Some(adj) = name_uk.strip_suffix(" область") else {
        return forms(name_uk);
    };
    let uk = adjective_forms(adj);
    // nominative, genitive, locative/dative, accusative, instrumental
    let nouns = ["область", "області", "області", "область", "областю"];
    uk.iter().zip(nouns).map(|(a, n)| format!("{a} {n}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_table_parses_whole() {
        let (entries, names) = table();
        let rows = CORE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(entries.len(), rows, "a row of data/core.tsv failed to parse");
        assert_eq!(entries.iter().filter(|e| e.kind == Kind::Oblast).count(), 27);
        assert!(names.len() > entries.len() * 5);
    }
}
