//! Which namesake a name means when its namesakes differ in kind or distance, and how plausible
//! a town abroad is.
//!
//! The gazetteer ranks namesakes by the places named nearby and by population; two choices it
//! cannot make alone are made here. A country, a historical land or a region comes before a
//! town abroad or a village of the same name ("Армения" the country, "на Кубани" the region),
//! unless a frame says "city". And a town abroad that reports seldom name (far from Ukraine, or
//! small and not a neighbour's) is `remote`: its Cyrillic spelling is more often a word or a
//! surname ("Решту", "Наото Кана"), which the evidence weighs against it.

use litopys_gazetteer::{Frame, Gazetteer, Kind, Mention, Reason};

/// Puts a country first when its name is also a town's abroad: "Армения" is Armenia before the
/// Colombian town, "Люксембург" the country before its capital, unless a frame says "city"; and
/// a historical land before a town abroad ("Спарта", "Русь" before Ruse). Likewise a region, an
/// area or an oblast before a village: "на Кубани" is Russia's Kuban before a Luhansk village,
/// "зі Сходу" the East before the village Схід, "на Тернопілля" the oblast.
pub(crate) fn prefer_country(gaz: &Gazetteer, m: &mut Mention) {
    let first = gaz.entry(m.candidates[0]);
    if m.frame != Frame::Plain {
        return;
    }
    let town_abroad = first.kind == Kind::City && !first.is_ukrainian();
    let village = first.kind == Kind::Village;
    // a land before a town abroad of its name: "чужу Спарту", "по всій Русі" (not Ruse); an
    // oblast before a village named like its regional noun ("на Тернопілля")
    let wanted = |k: Kind| {
        (town_abroad && matches!(k, Kind::Country | Kind::Area)) || (village && matches!(k, Kind::Country | Kind::Region | Kind::Area | Kind::Oblast))
    };
    if let Some(i) = m.candidates.iter().position(|&id| wanted(gaz.entry(id).kind)) {
        let id = m.candidates.remove(i);
        m.candidates.insert(0, id);
        m.reason = Reason::Kind;
    }
}

/// True for a town abroad that reports seldom name: far from Ukraine and under a million
/// people, or nearer and under 100,000, except the towns of Ukraine's neighbours, whose border
/// towns reports name daily.
pub(crate) fn remote(entry: &litopys_gazetteer::Entry, weak: bool) -> bool {
    if entry.is_ukrainian() {
        return false;
    }
    if !near_ukraine(&entry.country) {
        return entry.population < 1_000_000;
    }
    // Russia and Belarus: their border towns are named daily; the other neighbours' towns of
    // 30,000 or more too (Przemyśl, Chełm, Suceava), unless the name is also a word; GeoNames'
    // Cyrillic spellings of their villages are often words ("Гуси" for Huşi, "Лапы" for Łapy)
    let neighbour = match entry.country.as_str() {
        "RU" | "BY" => true,
        "PL" | "SK" | "HU" | "RO" | "MD" => !weak && entry.population >= 30_000,
        _ => false,
    };
    entry.population < 100_000 && !neighbour
}

/// Countries whose towns Ukrainian and Russian reports name as a matter of course: Europe, the
/// former Soviet Union, the Middle East (`scripts/build_world.py` keeps their towns of 15,000+).
pub(crate) fn near_ukraine(country: &str) -> bool {
    const NEAR: &[&str] = &[
        "UA", "RU", "BY", "MD", "PL", "RO", "HU", "SK", "CZ", "LT", "LV", "EE", "GE", "AM", "AZ",
        "KZ", "UZ", "KG", "TJ", "TM", "BG", "RS", "HR", "SI", "BA", "ME", "MK", "AL", "GR", "TR",
        "DE", "AT", "CH", "IT", "FR", "ES", "PT", "GB", "IE", "NL", "BE", "LU", "DK", "NO", "SE",
        "FI", "IS", "IL", "PS", "LB", "SY", "JO", "IQ", "IR", "CY", "MT", "US",
    ];
    NEAR.contains(&country)
}
