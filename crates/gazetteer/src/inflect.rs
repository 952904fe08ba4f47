//! Case forms of Ukrainian and Russian place names, generated from the nominative.
//!
//! # Design
//!
//! Reports inflect names ("у Луцьку", "в Мелитополе", "Волинської області"). Rather than
//! stemming the text at match time, litopys generates the case forms of every name once, when
//! the gazetteer loads, and puts them all in the automaton: matching stays a single pass and
//! a form that is not generated is simply not found (never a wrong stem match). The rules
//! below cover the regular declensions; irregular multi-word names list their forms in the data.

/// The nominative itself and its generated case forms. Latin-script names are returned as they are.
pub fn forms(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    if !name.chars().any(is_cyrillic) {
        return out;
    }
    let (head, last) = match name.rfind([' ', '-']) {
        Some(i) => name.split_at(i + 1),
        None => ("", name),
    };
    if head.contains(' ') || head.ends_with(' ') {
        // multi-word names other than adjective+"область" are irregular: listed in the data
        return out;
    }
    for f in word_forms(last) {
        out.push(format!("{head}{f}"));
    }
    out
}

/// Forms of an oblast's adjective ("Волинська" → "Волинської", ...; "Волынская" → "Волынской").
pub fn adjective_forms(adj: &str) -> Vec<String> {
    let mut out = vec![adj.to_string()];
    if let Some(stem) = adj.strip_suffix("ая") {
        out.extend(["ой", "ую", "ою"].iter().map(|e| format!("{stem}{e}")));
    } else if let Some(stem) = adj.strip_suffix('а') {
        out.extend(["ої", "ій", "у", "ою"].iter().map(|e| format!("{stem}{e}")));
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn with(stem: &str, endings: &[&str]) -> Vec<String> {
    endings.iter().map(|e| format!("{stem}{e}")).collect()
}

fn word_forms(w: &str) -> Vec<String> {
    let strip = |suffix: &str| w.strip_suffix(suffix);
    if let Some(stem) = strip("їв") {
        return with(stem, &["єва", "єві", "єву", "євом"]);
    }
    if let Some(stem) = strip("ів") {
        return with(stem, &["ова", "ові", "ову", "овом"]);
    }
    if let Some(stem) = strip("іль") {
        return with(stem, &["оля", "олі", "олю", "олем"]);
    }
    if let Some(stem) = strip("інь") {
        return with(stem, &["еня", "ені", "еню", "енем"]);
    }
    if let Some(stem) = strip("ий").or_else(|| strip("ой")).or_else(|| strip("ый")) {
        return with(stem, &["ого", "ому", "им", "ом", "ым"]);
    }
    if let Some(stem) = strip("ь") {
        return with(stem, &["я", "ю", "і", "е", "ем", "и"]);
    }
    if let Some(stem) = strip("а") {
        return with(stem, &["и", "і", "у", "ою", "ой", "е", "ы"]);
    }
    if let Some(stem) = strip("я") {
        return with(stem, &["і", "ю", "ею", "и", "е", "ей"]);
    }
    if let Some(stem) = strip("е") {
        // Ukrainian neuter adjectival names: Рівне, Мукачеве, Кам'янське
        return with(stem, &["ого", "ому", "им"]);
    }
    if let Some(stem) = strip("о") {
        return with(stem, &["а", "і", "у", "ом", "е"]);
    }
    if let Some(stem) = strip("и").or_else(|| strip("ы")).or_else(|| strip("і")) {
        return with(stem, &["ах", "ях", "ів", "ам", "ами", "ей"]);
    }
    if w.ends_with(|c: char| is_cyrillic(c) && !"аеєиіїоуюяьйы".contains(c)) {
        return with(w, &["а", "у", "і", "е", "ом", "ові"]);
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, expected: &[&str]) {
        let got = forms(name);
        for e in expected {
            assert!(got.iter().any(|g| g == e), "{name}: {e} not in {got:?}");
        }
    }

    #[test]
    fn regular_declensions() {
        // forms as used in Ukrainian and Russian news ("у Луцьку", "в Мелитополе", "у Харкові")
        check("Луцьк", &["Луцьку", "Луцька"]);
        check("Энергодар", &["Энергодаре"]);
        check("Енергодар", &["Енергодарі"]);
        check("Харків", &["Харкові", "Харкова"]);
        check("Миколаїв", &["Миколаєві"]);
        check("Тернопіль", &["Тернополі"]);
        check("Мелитополь", &["Мелитополе"]);
        check("Полтава", &["Полтаві", "Полтаве", "Полтави"]);
        check("Вінниця", &["Вінниці"]);
        check("Рівне", &["Рівному"]);
        check("Хмельницький", &["Хмельницькому"]);
        check("Черкаси", &["Черкасах"]);
        check("Ірпінь", &["Ірпені"]);
        check("Івано-Франківськ", &["Івано-Франківську"]);
        assert_eq!(forms("Lutsk"), vec!["Lutsk"]);
    }

    #[test]
    fn oblast_adjectives() {
        assert!(adjective_forms("Волинська").contains(&"Волинської".to_string()));
        assert!(adjective_forms("Запорожская").contains(&"Запорожской".to_string()));
    }
}
