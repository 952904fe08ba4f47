//! Latin spellings of Cyrillic first names, as English news writes them: the Ukrainian national
//! romanisation (KMU 2010: "Сергій" → "Serhii", "Олександр" → "Oleksandr") and the common
//! variants beside it ("Serhiy", "Sergii", "Sergey", "Oleksiy", "Alexei", "Dmitry", "Nikolai").
//!
//! # Design
//!
//! Each Cyrillic letter (or pair of letters) has a few Latin renderings, the first being
//! KMU 2010's; a name's spellings are every combination of them, capped, so that one table
//! covers the Ukrainian and Russian names and the press's mixed habits alike. A spelling no
//! newspaper uses ("Mykolai") costs only a set entry: it is never compared with anything but a
//! capitalised word.

/// The most spellings made for one name.
const MAX_SPELLINGS: usize = 96;

/// The Latin renderings of the Cyrillic letter `c` (lower case) at the start of a name
/// (`initial`) or inside it; `None` for a letter outside the table.
fn letter(c: char, initial: bool) -> Option<&'static [&'static str]> {
    Some(match c {
        'а' => &["a"],
        'б' => &["b"],
        'в' => &["v"],
        'г' => &["h", "g"],
        'ґ' => &["g"],
        'д' => &["d"],
        'е' if initial => &["ye", "e"],
        'е' => &["e"],
        'є' if initial => &["ye"],
        'є' => &["ie", "ye"],
        'ё' if initial => &["yo"],
        'ё' => &["e", "yo"],
        'ж' => &["zh"],
        'з' => &["z"],
        'и' => &["y", "i"],
        'і' => &["i"],
        'ї' if initial => &["yi"],
        'ї' => &["i", "yi"],
        'й' if initial => &["y"],
        'й' => &["i", "y"],
        'к' => &["k"],
        'л' => &["l"],
        'м' => &["m"],
        'н' => &["n"],
        'о' => &["o"],
        'п' => &["p"],
        'р' => &["r"],
        'с' => &["s"],
        'т' => &["t"],
        'у' => &["u"],
        'ф' => &["f"],
        'х' => &["kh", "h"],
        'ц' => &["ts"],
        'ч' => &["ch"],
        'ш' => &["sh"],
        'щ' => &["shch", "sch"],
        'ъ' | 'ь' | '\'' | '’' | 'ʼ' => &[""],
        'ы' => &["y"],
        'э' => &["e"],
        'ю' if initial => &["yu"],
        'ю' => &["iu", "yu"],
        'я' if initial => &["ya"],
        'я' => &["ia", "ya", "a"],
        _ => return None,
    })
}

/// Renderings of a group of letters that differ from its letters' own: "кс" as "x"
/// ("Alexei"), a final "-ий"/"-ій" as "-y", "-iy", "-i", "-ii" ("Dmitry", "Yuriy", "Serhii"),
/// a final "-ей" as "-ey", "-ei" ("Sergey", "Alexei").
fn group(rest: &[char]) -> Option<(usize, &'static [&'static str])> {
    match rest {
        ['к', 'с', ..] => Some((2, &["ks", "x"])),
        ['и' | 'і', 'й'] => Some((2, &["ii", "iy", "y", "i"])),
        ['е', 'й'] => Some((2, &["ei", "ey"])),
        ['и', 'я'] | ['і', 'я'] => Some((2, &["ia", "iia", "iya", "ya"])),
        _ => None,
    }
}

/// The Latin spellings of the Cyrillic name `name`, capitalised ("Сергій" → "Serhii",
/// "Serhiy", "Sergii", "Sergiy", ...), KMU 2010's first; none if it has a letter outside the
/// table (a name already in Latin letters, or with a hyphen).
pub fn latin_spellings(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.to_lowercase().chars().collect();
    let mut out: Vec<String> = vec![String::new()];
    let mut i = 0;
    while i < chars.len() {
        let (n, options) = match group(&chars[i..]) {
            Some(g) => g,
            None => match letter(chars[i], i == 0) {
                Some(o) => (1, o),
                None => return Vec::new(),
            },
        };
        let mut next = Vec::with_capacity(out.len() * options.len());
        for o in options {
            for s in &out {
                if next.len() < MAX_SPELLINGS {
                    next.push(format!("{s}{o}"));
                }
            }
        }
        out = next;
        i += n;
    }
    let mut seen = std::collections::HashSet::new();
    out.into_iter()
        .filter(|s| s.len() >= 2)
        .map(|s| {
            let mut c = s.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(name: &str, latin: &[&str]) {
        let all = latin_spellings(name);
        for l in latin {
            assert!(all.iter().any(|s| s == l), "{name}: no {l} in {all:?}");
        }
    }

    #[test]
    fn national_romanisation_first() {
        assert_eq!(latin_spellings("Сергій")[0], "Serhii");
        assert_eq!(latin_spellings("Олександр")[0], "Oleksandr");
        assert_eq!(latin_spellings("Віталій")[0], "Vitalii");
        assert_eq!(latin_spellings("Юрій")[0], "Yurii");
        assert_eq!(latin_spellings("Євген")[0], "Yevhen");
    }

    #[test]
    fn press_variants() {
        has("Сергій", &["Serhiy", "Sergii", "Sergiy"]);
        has("Сергей", &["Sergey", "Sergei"]);
        has("Олексій", &["Oleksiy", "Oleksii"]);
        has("Алексей", &["Alexei", "Aleksey", "Alexey"]);
        has("Віталій", &["Vitaliy"]);
        has("Юрій", &["Yuriy"]);
        has("Андрій", &["Andriy", "Andrii"]);
        has("Дмитро", &["Dmytro"]);
        has("Дмитрий", &["Dmitry", "Dmitriy", "Dmitri"]);
        has("Микола", &["Mykola"]);
        has("Николай", &["Nikolai", "Nikolay"]);
        has("Тетяна", &["Tetiana", "Tetyana"]);
        has("Наталія", &["Nataliia", "Natalia", "Nataliya"]);
        has("Михайло", &["Mykhailo", "Mykhaylo"]);
        has("В'ячеслав", &["Viacheslav", "Vyacheslav"]);
    }

    #[test]
    fn latin_names_have_none() {
        assert!(latin_spellings("Serhii").is_empty());
    }
}
