//! Names a place completes: "Кримінального кодексу України", "Закону України", "Міністр
//! оборони України", "Criminal Code of Ukraine". There the place is part of the name of a law, a
//! document, an office or a symbol, and no event happens in it; GDELT pins such mentions all the
//! same.
//!
//! The head words are data (`data/name_heads.txt`): whole words, or stems ending in `*` that
//! every case form starts with ("кодекс*"). "Закон" is written out form by form, since
//! "законодавства України" (Ukraine's legislation) is tagged a place.

use std::sync::OnceLock;

use crate::sentence::word_before;

const NAME_HEADS: &str = include_str!("../data/name_heads.txt");

fn heads() -> &'static [&'static str] {
    static HEADS: OnceLock<Vec<&'static str>> = OnceLock::new();
    HEADS.get_or_init(|| {
        crate::list_words(NAME_HEADS).collect()
    })
}

fn is_head(word: &str) -> bool {
    let lower = word.to_lowercase().replace('’', "'");
    heads().iter().any(|h| match h.strip_suffix('*') {
        Some(stem) => lower.starts_with(stem),
        // a capitalised head matches only as written: "День Києва", not "в той же день Києва"
        None if h.starts_with(litopys_gazetteer::chars::is_uppercase) => word == *h,
        None => lower == *h,
    })
}

/// The words that may stand between a head and its place: the office's or book's own word, and
/// English "of". A verb may not ("Президент відвідав Харків" names where he went).
const BETWEEN: &[&str] = &[
    "of",
    "оборони",
    "обороны",
    "юстиції",
    "юстиции",
    "фінансів",
    "финансов",
    "справ",
    "дел",
    "освіти",
    "образования",
    "рекордів",
    "рекордов",
];

/// True if the name at byte `at` completes the name of a law, a document, an office or a symbol:
/// a head word right before it, or two words before it with one of `BETWEEN` between
/// ("Книги рекордів України", "Constitution of Ukraine").
pub(crate) fn completes_a_name(text: &str, at: usize) -> bool {
    let Some((w1, s1)) = word_before(text, at) else {
        return false;
    };
    if is_head(w1) {
        return true;
    }
    BETWEEN.contains(&w1.to_lowercase().as_str())
        && word_before(text, s1).is_some_and(|(w2, _)| is_head(w2))
}

/// True if the name at `end` is followed by the period a programme or a plan is adopted for:
/// "на 2013–2017 роки", "на 2012 - 2014 годы" ("Програма розвитку ... в Києві на 2012–2014
/// роки", "Стратегія ... України на 2016–2020 роки"). The place there scopes a document's
/// title; a report's place takes a year with "у", "в" ("у Києві у 2012 році").
pub(crate) fn scopes_a_programme(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\u{a0}']);
    let Some(rest) = rest.strip_prefix("на ").or_else(|| rest.strip_prefix("на\u{a0}")) else {
        return false;
    };
    let year = |t: &str| -> Option<usize> {
        let n = t.bytes().take_while(u8::is_ascii_digit).count();
        (n == 4).then_some(n)
    };
    let rest = rest.trim_start();
    let Some(n) = year(rest) else {
        return false;
    };
    let rest = rest[n..].trim_start();
    let Some(dash) = rest.chars().next().filter(|c| matches!(c, '-' | '–' | '—')) else {
        return false;
    };
    year(rest[dash.len_utf8()..].trim_start()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(t: &str, w: &str) -> usize {
        t.find(w).unwrap_or(0)
    }

    #[test]
    fn heads_of_names() {
        let t = "згідно зі ст. 114 КК України та Законом України";
        assert!(completes_a_name(t, at(t, "України")));
        let t = "занесено до Книги рекордів України";
        assert!(completes_a_name(t, at(t, "України")));
        let t = "under the Criminal Code of Ukraine";
        assert!(completes_a_name(t, at(t, "Ukraine")));
        let t = "згідно із законодавством України";
        assert!(!completes_a_name(t, at(t, "України")));
        let t = "Президент відвідав Харків";
        assert!(!completes_a_name(t, at(t, "Харків")));
        let t = "обстріляли околиці Харкова";
        assert!(!completes_a_name(t, at(t, "Харкова")));
        // "кк" is a whole word, not a stem: "ккал" is no head
        let t = "енергія ккал Києва";
        assert!(!completes_a_name(t, at(t, "Києва")));
        // a holiday is capitalised; a day in lower case is only a day
        let t = "щороку святкують День Києва";
        assert!(completes_a_name(t, at(t, "Києва")));
        let t = "В тот же день Южная Корея заявила";
        assert!(!completes_a_name(t, at(t, "Южная")));
        let t = "про це сказав Міністр оборони України";
        assert!(completes_a_name(t, at(t, "України")));
        let t = "програми розвитку України на 2013 – 2017 роки";
        assert!(scopes_a_programme(t, at(t, "України") + "України".len()));
        let t = "зареєстрована в Києві у 2010 році";
        assert!(!scopes_a_programme(t, at(t, "Києві") + "Києві".len()));
        let t = "ціни в Києві на 2024 рік";
        assert!(!scopes_a_programme(t, at(t, "Києві") + "Києві".len()));
    }
}
