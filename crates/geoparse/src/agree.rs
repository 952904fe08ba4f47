//! A name in the form of an adjective that qualifies the noun after it: "Велике місто" (a big
//! city), "Петрове вміння" (Petro's skill), "Глибока рана" (a deep wound). Villages named
//! Велике, Петрове or Глибока exist, but a capitalised adjective that agrees with the
//! lower-case noun right after it is that noun's attribute, not a name: a place is named by the
//! adjective alone ("у Великому", "з Петрового") or with a capitalised noun ("Велика
//! Новосілка").
//!
//! Agreement is read from the endings only: the adjective's ending (its gender, number and case)
//! and the endings a noun or another adjective of that form takes. Verbs in the past tense
//! ("Глибока стала"), reflexive verbs and the function words of `data/function_words.txt` are
//! no nouns.

use std::collections::HashSet;
use std::sync::OnceLock;

use litopys_model::Span;

use crate::sentence::word_after;

const FUNCTION_WORDS: &str = include_str!("../data/function_words.txt");

pub(crate) fn function_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| crate::list_words(FUNCTION_WORDS).collect())
}

/// An adjective's ending and the endings of the words that agree with it, longest adjective
/// endings first. Ukrainian and Russian.
const AGREEMENT: &[(&str, &[&str])] = &[
    // genitive masculine and neuter: Петрового долота, Великого села
    ("ого", &["а", "я", "у", "ю", "ого", "его"]),
    ("его", &["а", "я", "у", "ю", "его", "ого"]),
    // dative and locative masculine and neuter: Південному мікрорайоні
    ("ому", &["у", "ю", "ові", "еві", "єві", "і", "ому", "ему"]),
    ("ему", &["у", "ю", "е", "ему", "ому"]),
    // instrumental feminine: Волинською дорогою
    ("ою", &["ою", "ею", "єю"]),
    // genitive feminine: Великої ріки
    ("ої", &["и", "і", "ї", "ої"]),
    // instrumental masculine and neuter: Частковим покривалом
    ("им", &["ом", "ем", "ям", "єм", "им"]),
    ("ым", &["ом", "ем", "ым", "им"]),
    // Russian feminine: Большая вода, Большую воду, Большой воды
    ("ая", &["а", "я", "ая", "яя"]),
    ("яя", &["а", "я", "ая", "яя"]),
    ("ую", &["у", "ю", "ую", "юю"]),
    // Russian neuter: Большое село
    ("ое", &["о", "е", "ое", "ее"]),
    ("ее", &["о", "е", "ое", "ее"]),
    // Ukrainian neuter nominative and accusative: Велике місто, Петрове вміння
    ("е", &["о", "е", "я"]),
    ("є", &["о", "е", "я"]),
    // Ukrainian feminine nominative: Княжа столиця, Глибока рана
    ("а", &["а", "я"]),
    ("я", &["а", "я"]),
];

/// Vowels, for telling a noun in "-ле" or "-ла" from a verb ("поле" from "має", "сила" from
/// "стала").
const VOWELS: &[char] = &['а', 'е', 'є', 'и', 'і', 'ї', 'о', 'у', 'ю', 'я', 'ы', 'э', 'ё'];

/// True if `word` ends as a verb does: the past tense ("стала", "було", "були"), a reflexive
/// ("сталася", "вмивається") or the present ("має", "стоїть").
pub(crate) fn verb_like(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    // "стала", "текла", "могла": a vowel or a verb stem's consonant before the "л"
    let past = n >= 3
        && chars[n - 2] == 'л'
        && (VOWELS.contains(&chars[n - 3]) || matches!(chars[n - 3], 'к' | 'г' | 'з' | 'с' | 'р' | 'б' | 'п'))
        && matches!(chars[n - 1], 'а' | 'о' | 'и');
    let present = n >= 2 && matches!(chars[n - 1], 'є' | 'е') && VOWELS.contains(&chars[n - 2]);
    past || present || ["ся", "сь", "ть", "ти", "ться", "шись"].iter().any(|e| word.ends_with(e))
}

/// True if the capitalised word at `name` has an adjective's ending and the lower-case word
/// right after it (spaces only between) agrees with it as a noun or an adjective does.
pub(crate) fn qualifies_next_word(text: &str, name: Span) -> bool {
    let word = name.text(text);
    if word.contains([' ', '-', '\u{a0}']) || word.chars().count() < 4 {
        return false;
    }
    let Some((next, _)) = word_after(text, name.end) else {
        return false;
    };
    let lower = word.to_lowercase();
    let Some((_, endings)) = AGREEMENT.iter().find(|(adj, _)| lower.ends_with(adj)) else {
        return false;
    };
    next.chars().next().is_some_and(litopys_gazetteer::chars::is_lowercase)
        && next.chars().count() >= 4
        && next.chars().all(|c| litopys_gazetteer::chars::is_alphabetic(c) || c == '\'' || c == '’' || c == '-')
        && !function_words().contains(next)
        && !verb_like(next)
        && endings.iter().any(|e| next.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(t: &str, w: &str) -> Span {
        let s = t.find(w).unwrap_or(0);
        Span::new(s, s + w.len())
    }

    #[test]
    fn adjectives_before_nouns() {
        let t = "їхали у Велике місто";
        assert!(qualifies_next_word(t, at(t, "Велике")));
        let t = "від ударів Петрового молотка";
        assert!(qualifies_next_word(t, at(t, "Петрового")));
        let t = "Глибока стала відома";
        assert!(!qualifies_next_word(t, at(t, "Глибока")));
        let t = "у Великому сталося";
        assert!(!qualifies_next_word(t, at(t, "Великому")));
        let t = "з Рівного йому писали";
        assert!(!qualifies_next_word(t, at(t, "Рівного")));
        let t = "у Львові фірма";
        assert!(!qualifies_next_word(t, at(t, "Львові")));
        let t = "а Глибока текла повз";
        assert!(!qualifies_next_word(t, at(t, "Глибока")));
        let t = "Велике має";
        assert!(!qualifies_next_word(t, at(t, "Велике")));
    }
}
