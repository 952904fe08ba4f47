//! Adjectives derived from a place the text names: "В Полтаве [...] В Полтавском ТЦК заявили",
//! "у Харкові [...] Харківський суд". The gazetteer reads "Полтавском" as a case form of the
//! village Полтавське (Crimea has one, so do four other oblasts); a reader knows the word is the
//! adjective of Полтава, named in the same text, and that it places the recruitment centre in
//! that city. So such a word resolves to the city (or oblast) it is derived from.
//!
//! The test is by form, against the places the document itself names: the word has an
//! adjective's ending after "-ськ-"/"-ск-"/"-цьк-"/"-цк-", and what stands before that suffix
//! is the stem of a city or an oblast named elsewhere in the text (its Ukrainian name or the
//! form the text wrote: Харкові, Харькове, Одесі, Одессе). A village framed as one ("у селі
//! Полтавське") is never read this way.

use litopys_gazetteer::{EntryId, Frame, Gazetteer, Kind, Mention};

/// Case endings an adjective takes after its "-ськ-"/"-ск-" suffix (Ukrainian and Russian).
const ENDINGS: &[&str] = &[
    "ий", "ій", "ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их", "ими", "ой", "ом", "ая", "ую", "ое",
    "ые", "ых", "ым", "ыми", "ей",
];

/// Letters a name may end in that its stem drops: Полтав-а, Одес-і, Харьков-е.
const VOWELS: &[char] = &['а', 'е', 'и', 'о', 'у', 'я', 'ю', 'і', 'ї', 'є', 'ь', 'й', 'ы', 'э'];

/// The stems before the adjective suffix of `word` ("Полтавском" → "полтав"), or none when the
/// word has no adjective's form.
pub(crate) fn adjective_stems(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    let Some(base) = ENDINGS.iter().filter_map(|e| lower.strip_suffix(e)).min_by_key(|b| b.len()) else {
        return Vec::new();
    };
    for suffix in ["ськ", "цьк", "зьк", "ск", "цк"] {
        if let Some(root) = base.strip_suffix(suffix) {
            // "одеськ": the stem's own "с" merges into the suffix (Одеса, Черкаси)
            return vec![root.to_string(), format!("{root}с"), base.to_string()];
        }
    }
    Vec::new()
}

/// The stems a name can take: the name without its last vowels ("полтава" → "полтав").
pub(crate) fn name_stem(name: &str) -> Option<String> {
    let lower = name.split_whitespace().next()?.to_lowercase();
    // an oblast's name is itself an adjective: "Полтавська (область)"
    if let Some(stem) = adjective_stems(&lower).into_iter().next() {
        return Some(stem);
    }
    let stem = lower.trim_end_matches(VOWELS);
    (stem.chars().count() >= 4).then(|| stem.to_string())
}

/// True when the adjective stem `root` is derived from the name stem `stem`: equal, or the stem
/// with a linking syllable ("рівн" → "рівнен", "дніпр" → "дніпров").
fn derives(root: &str, stem: &str) -> bool {
    root.starts_with(stem) && root.chars().count() <= stem.chars().count() + 2 && stem.chars().count() >= 4
}

/// For each mention, the city or oblast named elsewhere in the text that its adjective form is
/// derived from, if any: (index of the mention, the place).
pub(crate) fn derived_places(gaz: &Gazetteer, text: &str, mentions: &[Mention]) -> Vec<(usize, EntryId)> {
    let named: Vec<(usize, EntryId, Vec<String>)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.weak)
        .filter_map(|(i, m)| {
            let id = m.candidates[0];
            let e = gaz.entry(id);
            let big_enough = e.kind == Kind::Oblast || (e.kind == Kind::City && e.population >= 20_000);
            if !big_enough || !e.is_ukrainian() {
                return None;
            }
            let surface = m.span.text(text).split_whitespace().next().unwrap_or("");
            let stems: Vec<String> = [name_stem(&e.name_uk), name_stem(surface)].into_iter().flatten().collect();
            Some((i, id, stems))
        })
        .collect();
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let e = gaz.entry(m.candidates[0]);
        if m.frame != Frame::Plain || !matches!(e.kind, Kind::Village | Kind::Hromada) {
            continue;
        }
        let roots = adjective_stems(m.span.text(text));
        if roots.is_empty() {
            continue;
        }
        // a city before an oblast: "Полтавский ТЦК" in a text naming Полтава and its oblast is
        // the city's
        let source = named
            .iter()
            .filter(|(j, ..)| *j != i)
            .filter(|(_, _, stems)| stems.iter().any(|s| roots.iter().any(|r| derives(r, s))))
            .min_by_key(|(_, id, _)| gaz.entry(*id).kind == Kind::Oblast);
        if let Some(&(_, id, _)) = source {
            out.push((i, id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_of_adjectives() {
        assert!(adjective_stems("Полтавском").contains(&"полтав".to_string()));
        assert!(adjective_stems("Харківського").contains(&"харків".to_string()));
        assert!(adjective_stems("Одеському").contains(&"одес".to_string()));
        assert!(adjective_stems("Полтава").is_empty());
        assert_eq!(name_stem("Полтава").as_deref(), Some("полтав"));
        assert_eq!(name_stem("Полтавська область").as_deref(), Some("полтав"));
        assert_eq!(name_stem("Одессе").as_deref(), Some("одесс"));
        assert!(derives("полтав", "полтав"));
        assert!(derives("рівнен", "рівн") || name_stem("Рівне").is_none());
        assert!(!derives("полтавськ", "пол"));
    }

    #[test]
    fn an_adjective_of_a_city_the_text_names_is_that_city() {
        let gaz = Gazetteer::builtin();
        let text = "В Полтаве работнику ТЦК сломали ногу. В Полтавском ТЦК заявили о стычке.";
        let mentions = gaz.find_all(text);
        let derived = derived_places(gaz, text, &mentions);
        let names: Vec<(&str, &str)> =
            derived.iter().map(|&(i, id)| (mentions[i].span.text(text), gaz.entry(id).name.as_str())).collect();
        assert_eq!(names, [("Полтавском", "Poltava")]);
        // with no city of that name in the text, the word keeps its reading
        let text = "В Полтавском ТЦК заявили о стычке.";
        let mentions = gaz.find_all(text);
        assert!(derived_places(gaz, text, &mentions).is_empty());
    }
}
