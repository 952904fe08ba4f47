//! Place names in the report's language and case: "in Kryvyi Rih", "у Кривому Розі",
//! "в Кривом Роге".
//!
//! English uses the gazetteer's names. Ukrainian uses the gazetteer's `name_uk` and forms the
//! locative by the regular declensions below (the same classes as
//! `litopys_gazetteer::inflect`, which generates all case forms for matching; here one form is
//! chosen). Russian names come from the `[names]` table of `lang/ru.toml` (the gazetteer keeps
//! no Russian names); a place missing there is given in Ukrainian. Irregular names (two words,
//! alternations such as "Ріг" → "Розі") are listed in each language's `[locative]` table.

use litopys_gazetteer::{Entry, Gazetteer, Kind};
use litopys_model::Incident;

use crate::lang::Lang;

fn ends(w: &str, suffix: &str) -> Option<String> {
    w.strip_suffix(suffix).map(str::to_string)
}

/// The Ukrainian locative of one word ("Луцьк" → "Луцьку", "Харків" → "Харкові").
fn uk_word(w: &str) -> String {
    let rules: &[(&str, &str)] = &[
        ("їв", "єві"),
        ("ів", "ові"),
        ("іль", "олі"),
        ("оль", "олі"),
        ("інь", "ені"),
        ("ський", "ському"),
        ("цький", "цькому"),
        ("ий", "ому"),
        ("ськ", "ську"),
        ("цьк", "цьку"),
        ("ка", "ці"),
        ("га", "зі"),
        ("ха", "сі"),
        ("ця", "ці"),
        ("ья", "ї"),
        ("а", "і"),
        ("я", "і"),
        ("е", "ому"),
        ("о", "і"),
        ("ці", "цях"),
        ("и", "ах"),
        ("ь", "і"),
        ("к", "ці"),
        ("г", "зі"),
    ];
    for (suffix, ending) in rules {
        if let Some(stem) = ends(w, suffix) {
            return format!("{stem}{ending}");
        }
    }
    if w.ends_with(|c: char| !"аеєиіїоуюяь'’".contains(c)) {
        return format!("{w}і");
    }
    w.to_string()
}

/// The Russian locative of one word ("Луцк" → "Луцке", "Никополь" → "Никополе").
fn ru_word(w: &str) -> String {
    let rules: &[(&str, &str)] = &[
        ("ий", "ом"),
        ("ой", "ом"),
        ("ый", "ом"),
        ("ия", "ии"),
        ("ь", "е"),
        ("а", "е"),
        ("я", "е"),
        ("ы", "ах"),
        ("и", "ах"),
    ];
    for (suffix, ending) in rules {
        if let Some(stem) = ends(w, suffix) {
            return format!("{stem}{ending}");
        }
    }
    if w.ends_with(|c: char| !"аеёиоуыэюяь".contains(c)) {
        return format!("{w}е");
    }
    w.to_string()
}

/// "у Луцьку", "в Одесі"; "в Луцке", "во Львове".
fn with_preposition(lang: &str, loc: &str) -> String {
    let first = loc.chars().next().unwrap_or(' ');
    let lower = loc.to_lowercase();
    match lang {
        "uk" if "АЕЄИІЇОУЮЯ".contains(first) => format!("в {loc}"),
        "uk" => format!("у {loc}"),
        _ if lower.starts_with("льв")
            || lower.starts_with("вл")
            || lower.starts_with("вр")
            || lower.starts_with("фр") =>
        {
            format!("во {loc}")
        }
        _ => format!("в {loc}"),
    }
}

/// The locative of a whole name: listed, or formed word by word for a single word.
fn locative(lang: &Lang, name: &str) -> String {
    if let Some(l) = lang.locative.get(name) {
        return l.clone();
    }
    // hyphenated names decline their last part: "Івано-Франківськ" → "Івано-Франківську"
    let (head, last) = match name.rfind(['-', ' ']) {
        Some(i) => name.split_at(i + 1),
        None => ("", name),
    };
    let last = if lang.code == "ru" {
        ru_word(last)
    } else {
        uk_word(last)
    };
    format!("{head}{last}")
}

/// The gazetteer's entry for a settlement named `location` in `admin1`: the settlement, not
/// the oblast of the same name ("Kharkiv" the city, not Kharkiv oblast).
fn settlement(location: &str, admin1: &str) -> Option<&'static Entry> {
    let found = Gazetteer::builtin().search(location);
    let same = |e: &&&Entry| e.name == location && e.admin1 == admin1;
    found
        .iter()
        .filter(same)
        .find(|e| e.kind != Kind::Oblast)
        .or_else(|| found.iter().find(same))
        .copied()
}

/// Where the incident happened, as the paragraph says it: "in Lviv (Lviv oblast)",
/// "у Львові (Львівська область)".
pub(crate) fn place_phrase(lang: &Lang, i: &Incident) -> Option<String> {
    if i.location.is_empty() {
        return None;
    }
    let g = Gazetteer::builtin();
    let entry = settlement(&i.location, &i.admin1);
    let name_uk = entry.map_or(i.location.as_str(), |e| e.name_uk.as_str());
    let show_oblast = !i.admin1.is_empty()
        && i.admin1 != i.location
        && i.admin1 != "Kyiv City"
        && i.admin1 != "Sevastopol";
    let (name, oblast) = match lang.code.as_str() {
        "uk" => {
            let oblast = g
                .oblast(&i.admin1)
                .map(|o| o.name_uk.clone())
                .unwrap_or_else(|| i.admin1.clone());
            (with_preposition("uk", &locative(lang, name_uk)), oblast)
        }
        "ru" => {
            let nominative = lang.names.get(&i.location).map_or(name_uk, String::as_str);
            let oblast = lang
                .oblasts
                .get(&i.admin1)
                .cloned()
                .unwrap_or_else(|| i.admin1.clone());
            (with_preposition("ru", &locative(lang, nominative)), oblast)
        }
        _ => (i.location.clone(), i.admin1.clone()),
    };
    Some(lang.place(&name, show_oblast.then_some(oblast.as_str())))
}

/// The oblast's name in the report's language (for tables and the map).
pub(crate) fn oblast_name(lang: &Lang, admin1: &str) -> String {
    match lang.code.as_str() {
        "uk" => Gazetteer::builtin()
            .oblast(admin1)
            .map_or_else(|| admin1.to_string(), |o| o.name_uk.clone()),
        "ru" => lang
            .oblasts
            .get(admin1)
            .cloned()
            .unwrap_or_else(|| admin1.to_string()),
        _ => admin1.to_string(),
    }
}

/// A settlement's name in the report's language, nominative (for tables).
pub(crate) fn settlement_name(lang: &Lang, location: &str, admin1: &str) -> String {
    if lang.code == "en" {
        return location.to_string();
    }
    let uk = settlement(location, admin1).map_or(location.to_string(), |e| e.name_uk.clone());
    if lang.code == "ru" {
        return lang.names.get(location).cloned().unwrap_or(uk);
    }
    uk
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(code: &str, name: &str) -> String {
        let Ok(lang) = Lang::builtin(code) else {
            return String::new();
        };
        with_preposition(code, &locative(&lang, name))
    }

    #[test]
    fn ukrainian_locatives() {
        for (name, want) in [
            ("Луцьк", "у Луцьку"),
            ("Харків", "у Харкові"),
            ("Київ", "у Києві"),
            ("Одеса", "в Одесі"),
            ("Полтава", "у Полтаві"),
            ("Кременчук", "у Кременчуці"),
            ("Кривий Ріг", "у Кривому Розі"),
            ("Нікополь", "у Нікополі"),
            ("Вінниця", "у Вінниці"),
            ("Рівне", "у Рівному"),
            ("Ужгород", "в Ужгороді"),
            ("Черкаси", "у Черкасах"),
            ("Хмельницький", "у Хмельницькому"),
            ("Івано-Франківськ", "в Івано-Франківську"),
            ("Павлоград", "у Павлограді"),
        ] {
            assert_eq!(loc("uk", name), want);
        }
    }

    #[test]
    fn russian_locatives() {
        for (name, want) in [
            ("Кривой Рог", "в Кривом Роге"),
            ("Львов", "во Львове"),
            ("Никополь", "в Никополе"),
            ("Харьков", "в Харькове"),
            ("Одесса", "в Одессе"),
            ("Луцк", "в Луцке"),
            ("Сумы", "в Сумах"),
        ] {
            assert_eq!(loc("ru", name), want);
        }
    }
}
