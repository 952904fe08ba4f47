//! Russian adjectives of raions, derived from their centre's name: "Калушский район" from
//! Калуш, "Бердичевский район" from Бердичев, "Стрыйский район" from Стрый. Russian-language
//! reports name a raion so ("в Калушском районе"), and the register holds only the Ukrainian
//! adjective ("Калуський") and a letter-by-letter transliteration of it ("Калуский"), which no
//! report writes. Run by `build.rs` over the merged table, so the forms are indexed like any
//! other spelling.
//!
//! The centre is the most populous city of the raion whose English name starts as the raion's
//! does (Kalush, Kaluskyi); its Cyrillic one-word names without Ukrainian letters (its own, or
//! a Russian spelling GeoNames gives, never an old name) take the Russian suffix by the usual rules. Irregular
//! adjectives (Ровно → Ровенский, Кривой Рог → Криворожский) are not derived here; where they
//! matter they are in `data/core.tsv`.

use crate::table::Row;

/// The Russian adjective (masculine nominative) of a one-word Russian place name.
pub(crate) fn russian_adjective(name: &str) -> Vec<String> {
    let lower_last = name.chars().last().map(|c| c.to_lowercase().to_string()).unwrap_or_default();
    let stem: String = name.chars().take(name.chars().count().saturating_sub(1)).collect();
    match lower_last.as_str() {
        // Луцк → Луцкий, Луганск → Луганский
        "к" if name.ends_with("цк") || name.ends_with("ск") => vec![format!("{name}ий")],
        // Полтава → Полтавский, Черкассы → Черкасский
        "а" | "о" | "е" | "я" | "ы" | "и" => vec![format!("{stem}ский")],
        // Умань → Уманский, Ковель → Ковельский: both are written
        "ь" => vec![format!("{stem}ский"), format!("{name}ский")],
        // Стрый → Стрыйский, Калуш → Калушский, Бердичев → Бердичевский
        _ => vec![format!("{name}ский")],
    }
}

fn russian_looking(s: &str) -> bool {
    let cyrillic = s.chars().all(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(' ')) || c == 'ё' || c == 'Ё');
    cyrillic && s.chars().count() >= 3 && !s.chars().any(|c| "іїєґІЇЄҐ'’ ".contains(c))
}

/// Adds to each raion's spellings the Russian adjectives of its centre's names.
pub(crate) fn add_russian_adjectives(rows: &mut [Row]) {
    let mut centres: std::collections::HashMap<(String, String), Vec<usize>> = Default::default();
    for (i, r) in rows.iter().enumerate() {
        if r.kind == "city" && r.country == "UA" && !r.admin2.is_empty() {
            centres.entry((r.admin1.clone(), r.admin2.clone())).or_default().push(i);
        }
    }
    let prefix = |s: &str| s.to_lowercase().chars().take(4).collect::<String>();
    let mut additions: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if r.kind != "raion" || r.country != "UA" {
            continue;
        }
        let Some(cities) = centres.get(&(r.admin1.clone(), r.name.clone())) else { continue };
        let centre = cities.iter().map(|&c| &rows[c]).filter(|c| prefix(&c.name) == prefix(&r.name)).max_by_key(|c| c.population);
        let Some(centre) = centre else { continue };
        // a Russian spelling of the current name, not an old name ("Красноармейск" for Покровськ:
        // "Красноармейский район" is a district of Krasnodar krai)
        let head = |s: &str| s.to_lowercase().chars().take(3).collect::<String>();
        let own = head(&centre.name_uk);
        let names = std::iter::once(centre.name_uk.as_str()).chain(centre.spellings.split('|')).filter(|n| head(n) == own);
        let known: Vec<&str> = r.spellings.split('|').collect();
        let mut new: Vec<String> = names
            .filter(|n| russian_looking(n))
            .flat_map(russian_adjective)
            .filter(|a| !known.contains(&a.as_str()) && *a != r.name_uk)
            .collect();
        new.sort();
        new.dedup();
        if !new.is_empty() {
            additions.push((i, new));
        }
    }
    for (i, new) in additions {
        let r = &mut rows[i];
        let joined = new.join("|");
        r.spellings = if r.spellings.is_empty() { joined } else { format!("{}|{joined}", r.spellings) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_by_the_last_letter() {
        assert_eq!(russian_adjective("Калуш"), ["Калушский"]);
        assert_eq!(russian_adjective("Бердичев"), ["Бердичевский"]);
        assert_eq!(russian_adjective("Стрый"), ["Стрыйский"]);
        assert_eq!(russian_adjective("Луцк"), ["Луцкий"]);
        assert_eq!(russian_adjective("Полтава"), ["Полтавский"]);
        assert_eq!(russian_adjective("Умань"), ["Уманский", "Уманьский"]);
        assert!(russian_looking("Бердичев") && !russian_looking("Бердичів") && !russian_looking("Кривой Рог"));
    }
}
