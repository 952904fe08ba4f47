//! Streets, squares and avenues: "вул. І. Федорова, 32", "на вулиці Городецького", "Поштовій
//! площі", "проспекті Перемоги", "Khreshchatyk Street"; and landmarks named the same way:
//! "Стрийського парку", "Байковому цвинтарі", "парк Горького", "заказника «Острів Жуків»". No
//! gazetteer lists them, but the grammar that names them is small: a street or landmark word,
//! then the name (capitalised words, initials, numbers: "вул. 40-річчя Перемоги", or a name in
//! quotes); or capitalised adjectives, then the word ("Оболонському проспекті", "Великого
//! Чапельського поду"). The landmark words are data (`data/landmark_words.txt`), in every case
//! form.
//!
//! A street may be named by a feminine adjective alone, "вулиця" left unsaid ("на Городоцькій,",
//! "з Інститутської,"), and a building by a capitalised building word and a noun in the
//! genitive ("Будинку офіцерів", `data/building_words.txt`).
//!
//! A street is placed in the city the text names nearest to it, after it first ("на вул.
//! Межигірській у Києві"), then before it. The words of a street's name are not places of their
//! own: "вул. Кірова" is not Kirov, "вулиця Київська" is not Kyiv oblast.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use litopys_model::Span;

/// Street words written before or after the name: "вулиця Франка", "Поштовій площі".
const EITHER: &[&str] = &[
    "вулиця", "вулиці", "вулицю", "вулицею", "улица", "улицы", "улице", "улицу", "улицей", "проспект",
    "проспекту", "проспекті", "проспектом", "проспекте", "провулок", "провулку", "переулок", "переулке",
    "бульвар", "бульварі", "бульваре", "площа", "площі", "площу", "площадь", "площади", "узвіз", "узвозу",
    "узвозі", "шосе", "набережна", "набережній", "алея", "алеї", "алею",
];

/// Street words written only before the name. Abbreviations must be followed by a dot.
const BEFORE: &[&str] = &[
    "проспекта", "провулком", "переулка", "бульвару", "бульваром", "бульвара", "площею", "площадью",
    "узвозом", "набережної", "набережну", "набережная", "набережной", "алеєю", "аллея", "аллее", "аллеи",
    "вул.", "ул.", "просп.", "пр-т", "пр-ті", "пров.", "пер.", "б-р", "бульв.", "пл.", "наб.",
];

/// Street words in the plural, written before a list of names: "вулиць Городоцької та
/// Коперника". One name after one of them is a phrase ("вулиць Києва", Kyiv's streets), so they
/// count only before a list.
const PLURAL: &[&str] = &[
    "вулиць", "вулицях", "вулицями", "вулицям", "улиц", "улицах", "улицами", "улицам", "провулків", "переулков",
    "проспектів", "проспектов",
];

/// Street words written only after the name ("Bankova Street").
const AFTER: &[&str] = &[
    "street", "avenue", "square", "boulevard", "lane", "prospekt",
];

/// Words for an administrative unit written after its name, an adjective: "Золотоніського
/// повіту", "Перевальського району", "П'ядицька ОТГ". A unit the gazetteer holds is its place
/// (the gazetteer frames it); one it does not (an old district, a county of the empire) is
/// found by this grammar, as a landmark is.
const UNIT_AFTER: &[&str] = &[
    "район", "району", "районі", "районом", "района", "районе", "повіт", "повіту", "повіті", "повітом",
    "уезд", "уезда", "уезде", "волость", "волості", "волостю", "волости", "губернія", "губернії",
    "губернію", "губернією", "губерния", "губернии", "губернию", "губернией", "ОТГ", "громада",
    "громади", "громаді", "громаду", "громадою", "р-н", "р-ну", "р-ні", "р-не",
];

/// Settlement words written before a settlement's name: "у селі Вербове", "смт Заріччя", "с.
/// Вишневе", "в містечку Ясне". A name the gazetteer does not hold (a renamed village, a hamlet,
/// a spelling of its own) is a settlement still, found by this grammar; one it holds is its
/// place. Abbreviations are matched in lower case only ("С." is an initial).
const SETTLEMENT_BEFORE: &[&str] = &[
    "село", "селі", "села", "селом", "селище", "селищі", "селища", "селищем", "смт", "смт.", "с.",
    "хутір", "хуторі", "хутора", "хутором", "містечко", "містечку", "містечка", "містечком", "місто",
    "місті", "міста", "містом", "селе", "поселок", "поселке", "поселка", "пгт", "деревня", "деревне",
    "деревни",
];

/// Landmark words, nominative (`data/landmark_words.txt`).
const LANDMARK_WORDS: &str = include_str!("../data/landmark_words.txt");

/// What a [`Street`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    /// A street, a square, an avenue.
    Street,
    /// A park, a castle, a cemetery, a lake, a river, a reserve...
    Landmark,
    /// An administrative unit the gazetteer does not hold: an old district or county
    /// ("Золотоніського повіту"), a new community ("П'ядицька ОТГ").
    Unit,
    /// A settlement the gazetteer does not hold, named after a settlement word ("у селі
    /// Вербове").
    Settlement,
}

impl Feature {
    /// "street", "landmark" or "district".
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Street => "street",
            Feature::Landmark => "landmark",
            Feature::Unit => "district",
            Feature::Settlement => "settlement",
        }
    }
}

/// A street or a landmark the text names: its whole span, and the span of its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Street {
    /// The street word and the name, with a house number if one follows.
    pub span: Span,
    /// The name alone: "Федорова", "Поштовій".
    pub name: Span,
    /// A street or a landmark.
    pub feature: Feature,
    /// The name stands before the street or landmark word, as an adjective ("Поштовій площі",
    /// "Бориспільського аеропорту"); else after it ("парк Горького").
    pub name_first: bool,
    /// The name is listed after another street's name, without a street word of its own
    /// ("вул. Горького, Соборна"): where the gazetteer reads it as a town ("вул. Садова, Київ"),
    /// the town stands.
    pub listed: bool,
}

/// How a marker word stands to its name: before it, after it, and what it names.
#[derive(Clone, Copy)]
struct Role {
    before: bool,
    after: bool,
    feature: Feature,
}

fn markers() -> &'static (AhoCorasick, Vec<Role>) {
    static AC: OnceLock<(AhoCorasick, Vec<Role>)> = OnceLock::new();
    AC.get_or_init(|| {
        let mut patterns: Vec<String> = Vec::new();
        let mut roles: Vec<Role> = Vec::new();
        let words: Vec<&str> = EITHER.iter().chain(BEFORE).chain(AFTER).chain(PLURAL).copied().collect();
        let mut seen = std::collections::HashSet::new();
        for w in words {
            if !seen.insert(w.to_string()) {
                continue;
            }
            let role = Role {
                before: EITHER.contains(&w) || BEFORE.contains(&w) || PLURAL.contains(&w),
                after: EITHER.contains(&w) || AFTER.contains(&w),
                feature: Feature::Street,
            };
            // tokenised text spaces an abbreviation's dot: "вул . Грушевського"
            let spaced = w.strip_suffix('.').map(|stem| format!("{stem} ."));
            for form in [Some(w.to_string()), Some(capitalise(w)), spaced.clone(), spaced.map(|s| capitalise(&s))].into_iter().flatten() {
                patterns.push(form);
                roles.push(role);
            }
        }
        let unit = Role { before: false, after: true, feature: Feature::Unit };
        for w in UNIT_AFTER {
            if seen.insert(w.to_string()) {
                patterns.push(w.to_string());
                roles.push(unit);
            }
        }
        let settlement = Role { before: true, after: false, feature: Feature::Settlement };
        for w in SETTLEMENT_BEFORE {
            if !seen.insert(w.to_string()) {
                continue;
            }
            let abbreviation = w.ends_with('.') || *w == "смт" || *w == "пгт";
            let spaced = w.strip_suffix('.').map(|stem| format!("{stem} ."));
            let capital = (!abbreviation).then(|| capitalise(w));
            for form in [Some(w.to_string()), spaced, capital].into_iter().flatten() {
                patterns.push(form);
                roles.push(settlement);
            }
        }
        let landmark = Role { before: true, after: true, feature: Feature::Landmark };
        // "!лесі": a generated form that is another word (the first name Леся)
        let never: Vec<&str> = crate::list_words(LANDMARK_WORDS).filter_map(|w| w.strip_prefix('!')).collect();
        seen.extend(never.iter().map(|w| w.to_string()));
        for w in crate::list_words(LANDMARK_WORDS).filter(|w| !w.starts_with('!')) {
            let (w, role) = match w.strip_prefix('>') {
                Some(w) => (w, Role { after: false, ..landmark }),
                None => (w, landmark),
            };
            // the inflection rules decline capitalised names (a lower-case word is a fixed part)
            for form in litopys_gazetteer::case_forms(&capitalise(w)).iter().map(|f| f.to_lowercase()) {
                if !seen.insert(form.clone()) {
                    continue;
                }
                for f in [capitalise(&form), form] {
                    patterns.push(f);
                    roles.push(role);
                }
            }
        }
        // a fixed list of short words: building cannot fail
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("street words build an automaton");
        (ac, roles)
    })
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn is_word_char(c: char) -> bool {
    litopys_gazetteer::chars::is_alphanumeric(c) || c == '\'' || c == '’' || c == '-'
}

/// Building words (`data/building_words.txt`).
const BUILDING_WORDS: &str = include_str!("../data/building_words.txt");

/// Every case form of the building words, capitalised: "Будинку", "Палаці", "Дворце".
fn building_words() -> &'static std::collections::HashSet<String> {
    static WORDS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        crate::list_words(BUILDING_WORDS)
            .flat_map(|w| litopys_gazetteer::case_forms(&capitalise(w)))
            .collect()
    })
}

/// Every word of `text` that starts with a capital letter: its byte offset and the word.
fn capitalised_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut prev_word_char = false;
    text.char_indices().filter_map(move |(ws, c)| {
        let starts = litopys_gazetteer::chars::is_uppercase(c) && !prev_word_char;
        prev_word_char = is_word_char(c);
        if !starts {
            return None;
        }
        let rest = &text[ws..];
        let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        Some((ws, &rest[..len]))
    })
}

/// Buildings named by a capitalised building word inside a sentence and a lower-case noun in
/// the genitive after it: "у Будинку офіцерів", "до Палацу спорту", "во Дворце молодёжи". At a
/// sentence's start the capital says nothing, and a verb after the word ("Будинок стояв") is
/// no name.
fn buildings(text: &str) -> Vec<Street> {
    const GENITIVE: &[&str] = &["ів", "їв", "ов", "ев", "ей", "ок", "и", "і", "ї", "у", "ю", "их", "ых", "ого"];
    let words = building_words();
    let mut out = Vec::new();
    for (ws, w) in capitalised_words(text) {
        let len = w.len();
        if !words.contains(w) || crate::sentence::starts_sentence(text, ws) {
            continue;
        }
        let Some((next, ns)) = crate::sentence::word_after(text, ws + len) else { continue };
        let ok = next.chars().next().is_some_and(litopys_gazetteer::chars::is_lowercase)
            && next.chars().count() >= 4
            && next.chars().all(litopys_gazetteer::chars::is_alphabetic)
            && !crate::agree::function_words().contains(next)
            && !crate::agree::verb_like(next)
            && GENITIVE.iter().any(|e| next.ends_with(e));
        if ok {
            let name = Span::new(ns, ns + next.len());
            out.push(Street { span: Span::new(ws, name.end), name, feature: Feature::Landmark, name_first: false, listed: false });
        }
    }
    out
}

/// Streets named by a feminine adjective alone, "вулиця" left unsaid: "на Городоцькій,", "по
/// Банковій і", "з Інститутської,". A capitalised word of that shape after a preposition of
/// place, closing its phrase (punctuation or a conjunction after it), in the locative after "на"
/// and "по", in the genitive after "з", "від", "до", "біля", "вздовж". Marked `listed`, so that
/// a place the gazetteer reads in the word keeps its reading.
fn bare_streets(text: &str, is_first_name: &impl Fn(&str) -> bool) -> Vec<Street> {
    const LOCATIVE: &[&str] = &["ській", "цькій", "зькій", "ній", "вій"];
    const GENITIVE: &[&str] = &["ської", "цької", "зької", "ної", "вої"];
    const CLOSING: &[&str] = &["і", "й", "та", "або", "чи"];
    let mut out = Vec::new();
    for (ws, w) in capitalised_words(text) {
        let len = w.len();
        let lower = w.to_lowercase();
        let Some((before, _)) = crate::sentence::word_before(text, ws) else { continue };
        let case_fits = match before.to_lowercase().as_str() {
            "на" | "по" => LOCATIVE.iter().any(|e| lower.ends_with(e)),
            "з" | "із" | "зі" | "від" | "до" | "біля" | "вздовж" => GENITIVE.iter().any(|e| lower.ends_with(e)),
            _ => false,
        };
        if !case_fits || w.chars().count() < 6 || w.contains('-') || is_first_name(w) || crate::sentence::starts_sentence(text, ws) {
            continue;
        }
        let after = text[ws + len..].trim_start_matches([' ', '\u{a0}']);
        let closes = after.starts_with([',', '.', ';', ':', '!', '?', ')', '—', '–'])
            || crate::sentence::word_after(text, ws + len).is_some_and(|(n, _)| CLOSING.contains(&n));
        if closes {
            let name = Span::new(ws, ws + len);
            out.push(Street { span: name, name, feature: Feature::Street, name_first: false, listed: true });
        }
    }
    out
}

/// The streets and landmarks of `text`, in text order.
pub fn streets(text: &str) -> Vec<Street> {
    streets_with(text, |_| false)
}

/// [`streets`], with a test for first names: capitalised words after a landmark word that
/// start with a first name are a person ("директор Большого театра Алексей ..."), not the
/// landmark's name.
pub(crate) fn streets_with(text: &str, is_first_name: impl Fn(&str) -> bool) -> Vec<Street> {
    let (ac, roles) = markers();
    let mut out: Vec<Street> = Vec::new();
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        // whole words only: "вул." ends in a dot; the others end a word
        let before_ok = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let after_ok =
            text[e..].chars().next().is_none_or(|c| !is_word_char(c)) || text[s..e].ends_with('.');
        if !(before_ok && after_ok) {
            continue;
        }
        let Role { before, after, feature } = roles[m.pattern().as_usize()];
        if out.last().is_some_and(|last| last.span.end > s) {
            continue;
        }
        let landmark = feature != Feature::Street;
        let found = if feature == Feature::Settlement {
            settlement_name(text, e, &is_first_name).map(|name| Street {
                span: Span::new(s, name.end),
                name,
                feature,
                name_first: false,
                listed: false,
            })
        } else if before {
            name_after(text, e, landmark)
                .filter(|(name, _)| !(landmark && name.text(text).split(' ').next().is_some_and(&is_first_name)))
                .map(|(name, end)| Street {
                span: Span::new(s, end),
                name,
                feature,
                name_first: false,
                listed: false,
            })
        } else {
            None
        };
        let found = found.or_else(|| {
            if after {
                // a unit's name is one adjective: "Богуславці Золотоніського повіту"
                name_before(text, s, if feature == Feature::Landmark { 2 } else { 1 }).map(|name| Street {
                    span: Span::new(name.start, e),
                    name,
                    feature,
                    name_first: true,
                    listed: false,
                })
            } else {
                None
            }
        });
        // "ремонт вулиць: Садова, Вишнева": a plural street word and a colon open a list
        let found = found.or_else(|| {
            let plural = PLURAL.contains(&text[s..e].to_lowercase().as_str());
            let colon = text[e..].trim_start_matches([' ', '\u{a0}']).strip_prefix(':')?;
            let from = text.len() - colon.len();
            if !plural {
                return None;
            }
            let (name, end) = name_after(text, from, false)?;
            Some(Street { span: Span::new(s, end), name, feature, name_first: false, listed: false })
        });
        let Some(first) = found else { continue };
        // the names listed after the first: "вул. Горького, Якубовського, Соборна", "вулиці
        // Городоцьку, Коперника та Б. Хмельницького"
        let listed = if feature == Feature::Street && !first.name_first { listed_after(text, first.span.end) } else { Vec::new() };
        let plural = PLURAL.contains(&text[s..e].to_lowercase().as_str());
        if plural && listed.is_empty() {
            continue;
        }
        out.push(first);
        out.extend(listed);
    }
    let mut found = buildings(text);
    found.extend(bare_streets(text, &is_first_name));
    if !found.is_empty() {
        let fresh: Vec<Street> = found.into_iter().filter(|b| !out.iter().any(|s| s.span.overlaps(&b.span))).collect();
        out.extend(fresh);
        out.sort_by_key(|s| (s.span.start, s.span.end));
    }
    out
}

/// The street names listed after a street's name, which ends at byte `from`: each after a comma
/// or "та", "і", "й", "и", "and", capitalised words or initials (with a house number), and
/// followed by punctuation, a conjunction, a preposition of place or the end of the line ("...,
/// Коперника та Б. Хмельницького в Києві"). A name followed by anything else ends the list: it
/// starts a clause ("вул. Франка, Олена Коваль сказала").
fn listed_after(text: &str, from: usize) -> Vec<Street> {
    const JOINS: &[&str] = &["та", "і", "й", "и", "and"];
    const AFTER_ITEM: &[&str] = &["та", "і", "й", "и", "and", "в", "у", "на", "м", "смт", "с", "in"];
    let mut out = Vec::new();
    let mut at = from;
    for _ in 0..60 {
        let rest = &text[at..];
        let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
        let item_from = if let Some(after_comma) = trimmed.strip_prefix(',') {
            at + (rest.len() - after_comma.len())
        } else {
            match crate::sentence::next_word(text, at) {
                Some((w, ws)) if JOINS.contains(&w) && !text[at..ws].contains('\n') => ws + w.len(),
                _ => break,
            }
        };
        let Some((first, _)) = crate::sentence::next_word(text, item_from) else { break };
        // a capitalised name, or a number that starts one ("30 років Перемоги"); a lower-case
        // street word ("б-р Шевченка") starts a street of its own
        let starts = first.chars().next().is_some_and(|c| litopys_gazetteer::chars::is_uppercase(c) || c.is_ascii_digit());
        if !starts || text[item_from..].trim_start().starts_with(['\n']) {
            break;
        }
        let Some((name, end)) = name_after(text, item_from, false) else { break };
        // initials only, or a name that starts with a lower-case word, are no item
        if !name.text(text).chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase) {
            break;
        }
        let tail = text[end..].trim_start_matches([' ', '\u{a0}']);
        let closes = tail.is_empty() || tail.starts_with([',', '.', '(', ')', ';', ':', '\n', '*', '–', '—', '»'])
            || crate::sentence::next_word(text, end).is_some_and(|(w, _)| AFTER_ITEM.contains(&w));
        if !closes {
            break;
        }
        let start = text[item_from..].len() - text[item_from..].trim_start_matches([' ', '\u{a0}']).len() + item_from;
        out.push(Street { span: Span::new(start, end), name, feature: Feature::Street, name_first: false, listed: true });
        at = end;
    }
    out
}

/// The name after a street word: up to five words, each capitalised, an initial, a number, or
/// one lower-case word before a capitalised one ("площа генерала Григоренка"); at least one
/// capitalised. A house number after a comma joins the span. After a landmark word, the name
/// is capitalised words only, or a capitalised name in quotes («Острів Жуків»).
fn name_after(text: &str, from: usize, landmark: bool) -> Option<(Span, usize)> {
    if landmark {
        return quoted_name(text, from).or_else(|| capitalised_words_after(text, from));
    }
    let mut at = from;
    let mut name: Option<Span> = None;
    let mut lower_used = false;
    for _ in 0..5 {
        let Some((w, ws)) = crate::sentence::next_word(text, at) else {
            break;
        };
        let Some(first) = w.chars().next() else { break };
        let initial = w.chars().count() == 1
            && litopys_gazetteer::chars::is_uppercase(first)
            && text[ws + w.len()..].trim_start().starts_with('.');
        let we = ws + w.len();
        if litopys_gazetteer::chars::is_uppercase(first) && !initial {
            name = Some(Span::new(name.map_or(ws, |n| n.start), we));
            at = we;
        } else if initial {
            at = we + text[we..].find('.').map_or(0, |i| i + 1);
        } else if first.is_ascii_digit() && name.is_none() {
            at = we;
        } else if litopys_gazetteer::chars::is_lowercase(first) && !lower_used && name.is_none() && w.chars().count() > 3 {
            lower_used = true;
            at = we;
        } else {
            break;
        }
        if text[at..].starts_with([',', ';', ')', '»', '"']) {
            break;
        }
    }
    let name = name?;
    let end = house_number(text, name.end).unwrap_or(name.end);
    Some((name, end))
}

/// A capitalised name in quotes right after byte `from`: « Острів Жуків », "Чорне багно".
fn quoted_name(text: &str, from: usize) -> Option<(Span, usize)> {
    let tail = &text[from..];
    let open = tail.trim_start_matches([' ', '\u{a0}']);
    let quote = open.chars().next().filter(|c| matches!(c, '«' | '"' | '“' | '„'))?;
    let inner_start = from + (tail.len() - open.len()) + quote.len_utf8();
    let inner = &text[inner_start..];
    let close = inner.find(['»', '"', '”', '“'])?;
    let name = inner[..close].trim_matches([' ', '\u{a0}']);
    let ok = close <= 60 && !name.contains('\n') && name.chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase);
    let start = inner_start + (inner[..close].len() - inner[..close].trim_start_matches([' ', '\u{a0}']).len());
    let end_mark = inner_start + close + inner[close..].chars().next().map_or(0, char::len_utf8);
    ok.then(|| (Span::new(start, start + name.len()), end_mark))
}

/// Up to three capitalised words right after byte `from` ("гори Говерла", "парку Шевченка").
fn capitalised_words_after(text: &str, from: usize) -> Option<(Span, usize)> {
    let mut at = from;
    let mut name: Option<Span> = None;
    for _ in 0..3 {
        let Some((w, ws)) = crate::sentence::word_after(text, at) else { break };
        let lower_rest = w.chars().skip(1).any(litopys_gazetteer::chars::is_lowercase);
        if !(w.chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase) && lower_rest) {
            break;
        }
        name = Some(Span::new(name.map_or(ws, |n| n.start), ws + w.len()));
        at = ws + w.len();
    }
    name.map(|n| (n, n.end))
}

/// The name after a settlement word: one or two capitalised words ("Мала Вербівка"), not a
/// first name ("у селі Петро Коваль ..." starts a person), nor a word in capitals.
fn settlement_name(text: &str, from: usize, is_first_name: &impl Fn(&str) -> bool) -> Option<Span> {
    let mut at = from;
    let mut name: Option<Span> = None;
    for _ in 0..2 {
        let Some((w, ws)) = crate::sentence::word_after(text, at) else { break };
        let lower_rest = w.chars().skip(1).any(litopys_gazetteer::chars::is_lowercase);
        if !(w.chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase) && lower_rest) || is_first_name(w) {
            break;
        }
        name = Some(Span::new(name.map_or(ws, |n| n.start), ws + w.len()));
        at = ws + w.len();
    }
    name
}

/// ", 14", ", 7-а", ", 60А": the house number after a street's name; its end.
fn house_number(text: &str, from: usize) -> Option<usize> {
    let rest = text[from..].strip_prefix(',')?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let digits = trimmed.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    let skipped = rest.len() - trimmed.len();
    let tail: usize = trimmed
        .chars()
        .take_while(|c| litopys_gazetteer::chars::is_alphanumeric(*c) || *c == '-' || *c == '/')
        .map(char::len_utf8)
        .sum();
    // a number that a lower-case word follows starts the next street's name, not a house:
    // "б-р Шевченка, 30 років Перемоги"
    let next: String = trimmed[tail..].trim_start_matches([' ', '\u{a0}']).chars().take_while(|c| litopys_gazetteer::chars::is_alphabetic(*c)).collect();
    if trimmed[tail..].starts_with([' ', '\u{a0}']) && next.chars().count() >= 3 && next.starts_with(litopys_gazetteer::chars::is_lowercase) {
        return None;
    }
    Some(from + 1 + skipped + tail)
}

/// The capitalised adjectives (at most `most`) right before a street or landmark word:
/// "Поштовій площі", "Bankova Street", "Великого Чапельського поду".
fn name_before(text: &str, at: usize, most: usize) -> Option<Span> {
    let mut name: Option<Span> = None;
    let mut at = at;
    for _ in 0..most {
        let Some((w, start)) = crate::sentence::word_before(text, at) else { break };
        // "Загальна площа обох квартир" (total area), "Незнайомі вулиці": at a sentence start a
        // capital proves nothing
        if crate::sentence::starts_sentence(text, start) {
            break;
        }
        let capitalised = w.chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase)
            && w.chars().skip(1).all(|c| !litopys_gazetteer::chars::is_uppercase(c));
        if !(capitalised && w.chars().count() >= 4) {
            break;
        }
        name = Some(Span::new(start, name.map_or(start + w.len(), |n| n.end)));
        at = start;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        streets(text).iter().map(|s| s.name.text(text)).collect()
    }

    fn spans(text: &str) -> Vec<&str> {
        streets(text).iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn streets_in_three_languages() {
        assert_eq!(
            names("склади на вул. І. Федорова, 32 у Львові"),
            ["Федорова"]
        );
        assert_eq!(
            spans("склади на вул. І. Федорова, 32 у Львові"),
            ["вул. І. Федорова, 32"]
        );
        assert_eq!(names("мітинг на Поштовій площі в Києві"), ["Поштовій"]);
        assert_eq!(
            spans("будинок на вулиці 40-річчя Перемоги"),
            ["вулиці 40-річчя Перемоги"]
        );
        assert_eq!(
            names("зібралися на площі генерала Григоренка"),
            ["Григоренка"]
        );
        assert_eq!(names("задержан на улице Ленина в Херсоне"), ["Ленина"]);
        assert_eq!(names("a crowd gathered on Bankova Street"), ["Bankova"]);
        // a street word without a name is no street
        assert!(streets("на вулиці було тихо, а на площі порожньо").is_empty());
        // "Вул." at a sentence start, and no match inside a longer word
        assert_eq!(names("Вул. Шевченка перекрили."), ["Шевченка"]);
        assert!(streets("площадка Київ").is_empty());
        assert!(streets("Загальна площа квартири 40 метрів.").is_empty());
        // lists after one street word
        assert_eq!(
            names("ремонт вул. Садової, Лесі Українки та Б. Грінченка в Ірпені"),
            ["Садової", "Лесі Українки", "Грінченка"]
        );
        assert_eq!(names("на розі вулиць Садової та Вишневої"), ["Садової", "Вишневої"]);
        assert_eq!(names("ремонт вулиць: Садова, Лугова, Вишнева (центр)"), ["Садова", "Лугова", "Вишнева"]);
        assert_eq!(names("вул. Садова, 5 і Вишнева, 7."), ["Садова", "Вишнева"]);
        // a number before a lower-case word starts the next name, not a house number
        assert_eq!(
            names("ремонт вулиць: б-р Шевченка, 8 років Незалежності, Садова."),
            ["Шевченка", "Незалежності", "Садова"]
        );
        // a plural street word before one name is a phrase; a name before a verb starts a clause
        assert!(streets("на вулицях Львова було тихо").is_empty());
        assert_eq!(names("на вул. Садовій, Олена Коваль сказала"), ["Садовій"]);
    }
}
