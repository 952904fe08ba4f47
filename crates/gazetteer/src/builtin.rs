//! The built-in gazetteer: the merged table and name index that `build.rs` compiles in.

use std::borrow::Cow;

use litopys_model::GeoPrecision;

use crate::index::{Index, PrefixFilter};
use crate::table::{parse_merged, Row};
use crate::{Entry, EntryId, Kind};

const ENTRIES: &str = include_str!(concat!(env!("OUT_DIR"), "/entries.tsv"));
const NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
const POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
const FILTER_ANY_CASE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/filter_any_case.bin"));
const FILTER_ALL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/filter_all.bin"));

/// The compiled-in entries.
pub(crate) fn entries() -> Vec<Entry> {
    parse_merged(ENTRIES).into_iter().enumerate().filter_map(|(i, r)| to_entry(r, i as EntryId)).collect()
}

/// The compiled-in name index.
pub(crate) fn index() -> Option<Index> {
    Index::new(Cow::Borrowed(NAMES_FST), Cow::Borrowed(POSTINGS))
}

/// The compiled-in prefix filters of the index: of the keys in any case, and of every key.
pub(crate) fn filters() -> Option<(PrefixFilter, PrefixFilter)> {
    Some((PrefixFilter::from_bytes(FILTER_ANY_CASE)?, PrefixFilter::from_bytes(FILTER_ALL)?))
}

pub(crate) fn kind_of(s: &str) -> Option<Kind> {
    Some(match s {
        "oblast" => Kind::Oblast,
        "raion" => Kind::Raion,
        "hromada" => Kind::Hromada,
        "city" => Kind::City,
        "village" => Kind::Village,
        "country" => Kind::Country,
        "region" => Kind::Region,
        "river" => Kind::River,
        "sea" => Kind::Sea,
        "lake" => Kind::Lake,
        "mountains" => Kind::Mountains,
        "area" => Kind::Area,
        "continent" => Kind::Continent,
        "celestial" => Kind::Celestial,
        "landmark" => Kind::Landmark,
        _ => return None,
    })
}

pub(crate) fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Oblast => "oblast",
        Kind::Raion => "raion",
        Kind::Hromada => "hromada",
        Kind::City => "city",
        Kind::Village => "village",
        Kind::Country => "country",
        Kind::Region => "region",
        Kind::River => "river",
        Kind::Sea => "sea",
        Kind::Lake => "lake",
        Kind::Mountains => "mountains",
        Kind::Area => "area",
        Kind::Continent => "continent",
        Kind::Celestial => "celestial",
        Kind::Landmark => "landmark",
    }
}

fn to_entry(r: Row, id: EntryId) -> Option<Entry> {
    let opt = |s: String| (!s.is_empty()).then_some(s);
    Some(Entry {
        id,
        kind: kind_of(&r.kind)?,
        name: r.name,
        name_uk: r.name_uk,
        admin1: r.admin1,
        admin2: opt(r.admin2),
        admin3: opt(r.admin3),
        lat: r.lat,
        lon: r.lon,
        population: r.population,
        geo_precision: GeoPrecision::try_from(r.precision).unwrap_or(GeoPrecision::Region),
        country: r.country,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_loads() {
        let rows = ENTRIES.lines().count();
        let entries = entries();
        assert_eq!(entries.len(), rows, "a row of the merged table failed to parse");
        assert_eq!(entries.iter().filter(|e| e.kind == Kind::Oblast).count(), 27);
        assert!(entries.iter().filter(|e| e.kind == Kind::Oblast).all(|e| e.is_ukrainian()));
        let n_countries = entries.iter().filter(|e| e.kind == Kind::Country).count();
        assert!(n_countries > 200, "{n_countries}");
        // KATOTTG lists 29,703 settlements (categories M, X, C, K)
        let n_settlements = entries.iter().filter(|e| e.kind.is_settlement() && e.is_ukrainian()).count();
        assert!(n_settlements > 29_000, "{n_settlements}");
        assert!(index().is_some_and(|i| i.len() > entries.len() * 5));
    }

    #[test]
    fn compiled_filters_are_the_index_s() {
        let index = index().expect("the compiled index");
        let built = index.prefix_filters(crate::names::FLAG_ANY_CASE);
        let compiled = filters().expect("the compiled filters parse");
        assert_eq!(compiled, built);
        assert!(PrefixFilter::from_bytes(&FILTER_ALL[1..]).is_none(), "a short blob is not a filter");
    }
}
