//! The evidence for and against one mention being a place: each signal of the crate's table
//! (see the crate's documentation), with its weight, decided from the words around the name.
//!
//! `Geoparser::evidence` reads the mention's frame (a settlement or region word), its case and
//! capitals, the person's-name cues next to it (first names, titles, a surname's shape), quotes
//! and titles, and the document's backing (`document::Support`); it returns the signals that
//! fired, and the score is their sum. The grammar tests it needs that are about place names
//! only live here too: a locative after "у"/"в"/"на", a Ukrainian dative in "-ові", a district
//! noun after the name, an adjective's form. Each test is one kind of evidence a coder would
//! name, so that a wrong decision can be traced to it.

use litopys_gazetteer::{normalize, Frame, Kind, Mention};
use litopys_model::Span;

use crate::document::{Backing, Support};
use crate::namesakes::{near_ukraine, remote};
use crate::{agree, heads, person, sentence, Evidence, Geoparser, Script, Signal};

/// Prepositions that put a name in the locative: "у Станіславі", "в Володимирі".
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &["у", "в", "во", "на"];

/// Prepositions a place name follows in any case: "у Вербівці", "до Ямок", "під Бахмутом".
pub(crate) const PLACE_PREPOSITIONS_ANY: &[&str] = &[
    "у",
    "в",
    "во",
    "на",
    "з",
    "із",
    "зі",
    "до",
    "під",
    "біля",
    "поблизу",
    "від",
    "через",
    "за",
    "над",
    "поза",
    "коло",
    "из",
    "со",
    "под",
    "около",
    "возле",
    "от",
    "к",
    "ко",
    "in",
    "at",
    "near",
    "from",
    "to",
    "of",
    "outside",
];

impl Geoparser<'_> {
    pub(crate) fn evidence(&self, text: &str, m: &Mention, support: &Support, script: Script) -> Vec<Evidence> {
        let cyrillic = script.cyrillic;
        let mut out = Vec::new();
        let mut add = |signal, weight| out.push(Evidence { signal, weight });
        let entry = self.gazetteer.entry(m.candidates[0]);
        let settlement = matches!(entry.kind, Kind::City | Kind::Village | Kind::Hromada);
        // a place small enough that a person or a word shares its name more often than not
        let small =
            !(entry.population >= 100_000 || matches!(entry.kind, Kind::Oblast | Kind::Country));
        let small_settlement = small && settlement;
        let backing = support.of_entry(self.gazetteer, m.candidates[0], m.span.start);
        if m.weak {
            add(Signal::CommonWord, -1.0);
        } else {
            add(Signal::Name, 2.0);
        }
        // a village word before a big city abroad: the village is another, unknown one
        let village_mismatch =
            cyrillic && m.frame == Frame::Village && entry.kind == Kind::City && !entry.is_ukrainian() && entry.population >= 100_000;
        match m.frame {
            Frame::Village if village_mismatch => add(Signal::VillageWordMismatch, -1.5),
            Frame::Village => add(Signal::SettlementWord, 3.0),
            Frame::Region | Frame::District => add(Signal::RegionWord, 1.0),
            Frame::Near => add(Signal::NearWord, 0.5),
            _ => {}
        }
        let name = name_span(text, m);
        let at_start = sentence::starts_sentence(text, name.start);
        // "СССР", "КНДР", "МКС": an abbreviation in capitals is no surname, and the capitalised
        // words beside it are the next name ("сборной СССР Виктор Понедельник")
        let abbreviation = {
            let w = name.text(text);
            w.chars().count() >= 2 && w.chars().all(|c| litopys_gazetteer::chars::is_uppercase(c))
        };
        if abbreviation && cyrillic && settlement && name.text(text).chars().count() <= 3 {
            // "ОФ", "БУК-3": an abbreviation; names of towns are not written in capitals
            add(Signal::Abbreviation, -3.0);
        }
        if m.weak {
            if at_start {
                add(Signal::SentenceStart, -1.5);
            } else if sentence::capitalised(text, name.start) {
                add(Signal::Capitalised, if settlement { 0.5 } else { 2.0 });
                if cyrillic && settlement && located(text, name) {
                    add(Signal::Located, 1.5);
                } else if cyrillic && settlement && after_place_preposition(text, name) {
                    // "в Чорнобиль", "від Чорнобиля": a capitalised word after a preposition of
                    // place in another case, weaker than a locative
                    add(Signal::Located, 1.0);
                }
            }
            if sentence::quoted(text, name) {
                add(Signal::Quoted, -2.0);
            }
        }
        if !m.weak && sentence::enclosed_in_quotes(text, name) {
            // «Днепр», "Київ": a group, a club or a company named after a place
            add(Signal::Quoted, -2.5);
        } else if sentence::ends_a_quoted_title(text, name) || sentence::inside_a_quoted_title(text, name) || sentence::opens_a_two_word_title(text, name) {
            // «Наші гроші. Запоріжжя», «Олімпійське сузір'я України»: a newspaper, a book or a
            // programme; firmer than a name alone in quotes, so that its oblast named nearby
            // does not make it a place again
            add(Signal::InTitle, -4.0);
        }
        // a town far away (outside Europe, the former Soviet Union and the Middle East) is named
        // seldom, and its Cyrillic spelling is often a person's name ("Наото Кана")
        let far = entry.kind == Kind::City && !near_ukraine(&entry.country);
        if m.weak || ((small_settlement || far) && m.frame == Frame::Plain) {
            if person::after_title(text, name.start) {
                add(Signal::Title, -3.0);
            }
            if person::possessive_closes(text, name.end) {
                // "до Мані своєї": a possessive pronoun after a name, closing the phrase
                add(Signal::Possessive, -3.0);
            }
            // capitals mark names in Cyrillic text; in English only outside a headline, and
            // only a name before the place ("Ukrainska Pravda"): English capitalises
            // nationalities and months after places too ("near Pisky Russian forces")
            let neighbour = if m.weak || cyrillic {
                // a first name after the place with its own surname after it starts the next
                // person ("мер Алупки Андрій Ковальчук"): no neighbour of the place's
                let next_person = |s: Span| s.start >= name.end && self.first_names.starts_full_name(text, s);
                sentence::capitalised_neighbour(text, name, at_start, |s| support.is_place_at(s) || next_person(s))
            } else {
                sentence::english_name_before(text, name, |s| support.is_place_at(s))
            };
            if neighbour && !abbreviation {
                // in English prose a capitalised name right before a village's name makes one
                // proper name with it ("Ukrainska Pravda"): firmer than a Cyrillic neighbour
                add(Signal::CapitalisedNeighbour, if m.weak || cyrillic { -2.0 } else { -3.0 });
            }
        }
        if m.frame == Frame::Plain {
            let word = name.text(text);
            if sentence::domain_zone(text, name) {
                add(Signal::Domain, -4.0);
            }
            // a surname in the nominative right after it: the name is a first name ("Шахрияр
            // Мамедьяров"); an adjective there ("Золочівського району") is a district's
            let surname_after = sentence::word_after(text, name.end)
                .is_some_and(|(w, _)| w.starts_with(litopys_gazetteer::chars::is_uppercase) && person::nominative_surname(w))
                && !sentence::word_before(text, m.span.start)
                    .is_some_and(|(w, _)| PLACE_PREPOSITIONS_ANY.contains(&w.to_lowercase().as_str()));
            // a first name in Latin letters with a surname after it: the village Сергії read in
            // "According to Sergii Tiurin" (English does not inflect, and a Latin name's
            // capitalised next word is its surname more often than anything else)
            let latin_full_name = word.is_ascii() && self.first_names.starts_full_name(text, name);
            if !abbreviation
                && (self.first_names.next_to(text, name, m.weak || small)
                    || ((surname_after || latin_full_name)
                        && !matches!(entry.kind, Kind::Country | Kind::Oblast | Kind::Region)))
            {
                add(Signal::PersonName, -5.0);
            } else if self.first_names.contains(word) && !word.is_ascii() {
                // "у Станіславі", "в Володимирі": a preposition of place and a locative ending
                // make the old or current name of a city more likely than a person
                let located = sentence::word_before(text, name.start)
                    .is_some_and(|(w, _)| PLACE_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
                    && ["і", "е", "ові", "ю"].iter().any(|e| word.ends_with(e));
                add(Signal::FirstName, if located { -1.0 } else { -3.0 });
            }
            if word.is_ascii() && cyrillic && entry.kind != Kind::Country {
                // inside a phrase in Latin letters ("Toyota land cruiser", "New York Times"): a
                // brand, a model or a title written as it is abroad
                let latin_phrase = sentence::word_after(text, name.end)
                    .is_some_and(|(w, _)| w.chars().any(|c| c.is_ascii_alphabetic()) && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
                add(Signal::ForeignScript, if latin_phrase { -3.0 } else { -2.0 });
            }
            // "у Приазовському", "в Михайлівському": an adjectival name's locative after a
            // preposition of place is a place's case, which a surname seldom takes
            let adjectival_locative = sentence::word_before(text, name.start)
                .is_some_and(|(w, _)| PLACE_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
                && ["ському", "цькому", "зькому"].iter().any(|e| word.ends_with(e));
            if small && person::surname_like(word) && !genitive_of_iv_town(&entry.name_uk, word) && !adjectival_locative {
                add(Signal::SurnameLike, -2.5);
            }
            if entry.kind == Kind::Oblast && !sentence::capitalised(text, name.start) {
                // "одеської поліції" names the place it derives from, if more weakly than a name
                add(Signal::Adjective, -1.0);
            }
            if matches!(entry.kind, Kind::City | Kind::Village | Kind::Hromada | Kind::Oblast)
                && sentence::capitalised(text, name.start)
                && adjectival(&entry.name_uk, entry.kind)
                && agree::qualifies_next_word(text, name)
            {
                add(Signal::Attribute, -2.5);
            }
            if cyrillic && settlement && dative(text, name) {
                add(Signal::Dative, -3.0);
            }
            // "Рівного йому вояка": a case form of a firm name, capitalised because it starts a
            // sentence, is an ordinary word more often than a place; a place stands there in
            // the nominative or after a preposition
            // (an adjective of a town, "Краматорська міська рада", is a nominative too)
            let unit = matches!(entry.kind, Kind::Country | Kind::Oblast | Kind::Region | Kind::Raion | Kind::Hromada | Kind::Continent);
            let town_adjective = ["ська", "цька", "зька", "ське", "цьке", "зьке", "ський", "цький", "зький"].iter().any(|e| word.ends_with(e));
            if !m.weak
                && script.ukrainian
                && !unit
                && !town_adjective
                && sentence::after_sentence_end(text, name.start)
                && !entry.name_uk.is_empty()
                && normalize(word) != normalize(&entry.name_uk)
            {
                add(Signal::ObliqueStart, -1.5);
            }
            if person::after_monument_word(text, name.start) {
                // "пам'ятник Пушкіну": the person the monument honours
                add(Signal::Honoured, -4.0);
            }
            if heads::completes_a_name(text, name.start) || heads::scopes_a_programme(text, name.end) {
                // "Кримінального кодексу України"; "програми ... України на 2013–2017 роки"
                add(Signal::PartOfName, -3.0);
            }
            if cyrillic && settlement && hyphen_compound(text, name.end) {
                add(Signal::Compound, -3.0);
            }
            if entry.kind == Kind::City && remote(entry, m.weak) && backing.is_none() {
                add(Signal::Remote, -1.5);
            }
            let after_preposition = sentence::word_before(text, m.span.start)
                .is_some_and(|(w, _)| PLACE_PREPOSITIONS_ANY.contains(&w.to_lowercase().as_str()));
            if entry.kind == Kind::Village && !m.weak && backing.is_none() && !after_preposition {
                add(Signal::Alone, -1.5);
            }
        }
        if m.frame != Frame::Plain && heads::scopes_a_programme(text, m.span.end) {
            // "програми ... у Запорізькій області на 2015–2018 роки"
            add(Signal::PartOfName, -3.0);
        }
        // a name that may be a region itself stands in a list of regions ("Закарпатська,
        // Івано-Франківська, Львівська"): the next one is its sibling, not its container
        let may_be_region = m
            .candidates
            .iter()
            .any(|&id| matches!(self.gazetteer.entry(id).kind, Kind::Oblast | Kind::Region | Kind::Country));
        if !may_be_region && support.other_region_after(entry, m.span.end, text) {
            // the settlement word of "селе Тавричанка Приморского края" does not outweigh it
            add(Signal::OtherRegion, -5.0);
        }
        if entry.is_ukrainian() && entry.kind == Kind::Village && backing.is_none() && support.foreign_only(m.span.start) {
            add(Signal::ForeignText, -4.5);
        }
        if m.frame != Frame::District && entry.kind != Kind::Raion && district_noun_after(text, m.span.end) {
            add(Signal::UnknownDistrict, -4.0);
        }
        match backing {
            Some(Backing::Region) => add(Signal::RegionNearby, 2.5),
            Some(Backing::Places) => add(Signal::OtherPlaces, 1.0),
            None => {}
        }
        // a list of places, unless the name is a person's inside it ("з Києва і Борислав Савчук")
        let a_person = out.iter().any(|e| {
            matches!(e.signal, Signal::PersonName | Signal::CapitalisedNeighbour | Signal::FirstName | Signal::Title)
        });
        if settlement && !m.weak && !a_person && m.frame == Frame::Plain && support.listed_with_place(text, m.span) {
            out.push(Evidence { signal: Signal::Listed, weight: 1.5 });
        }
        out
    }
}

/// True if a hyphen and a lower-case letter follow byte `end` right away: the name is the first
/// part of a compound word ("Сані-жида"), not a place ("Ростов-на-Дону" is matched whole).
fn hyphen_compound(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    rest.next() == Some('-') && rest.next().is_some_and(litopys_gazetteer::chars::is_lowercase)
}

/// Ukrainian and Russian words for a district, with their abbreviations.
pub(crate) const DISTRICT_NOUNS: &[&str] = &["район", "району", "районі", "районом", "района", "районе", "районах", "р-н", "р-не", "р-ні"];

/// True if a Ukrainian or Russian district noun follows byte `at`: "районом", "району". (Not
/// English "district": "shelled Studenok district" names the village's surroundings.)
fn district_noun_after(text: &str, at: usize) -> bool {
    sentence::word_after(text, at).is_some_and(|(w, _)| DISTRICT_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// True if a Cyrillic preposition of place ("до", "від", "з", "під", "в") stands right before
/// `name`.
fn after_place_preposition(text: &str, name: Span) -> bool {
    sentence::word_before(text, name.start).is_some_and(|(w, _)| {
        let lower = w.to_lowercase();
        PLACE_PREPOSITIONS_ANY.contains(&lower.as_str()) && !lower.is_ascii()
    })
}

/// True if `name` follows "у", "в", "во" or "на" and ends as a locative does ("Чорнобилі",
/// "Чернобыле", "Черкасах").
fn located(text: &str, name: Span) -> bool {
    const LOCATIVE: &[&str] = &["і", "ї", "е", "ах", "ях"];
    let word = name.text(text);
    sentence::word_before(text, name.start)
        .is_some_and(|(w, _)| PLACE_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        && LOCATIVE.iter().any(|e| word.ends_with(e))
}

/// True if the Ukrainian word at `name` ends in "-ові"/"-еві"/"-єві" and the word before it,
/// past adjectives and pronouns ("в рідному Харкові", "тому Котові"), is neither a preposition
/// ("у Горохові", "по Києві") nor a town word ("місті Києві"): a dative, not a locative. An
/// abbreviation or punctuation before it ("м. Києві") says nothing.
fn dative(text: &str, name: Span) -> bool {
    const LOCATIVE_BEFORE: &[&str] = &["у", "в", "на", "по", "при", "місті", "селі", "селищі", "містечку", "хуторі"];
    let word = name.text(text);
    if !["ові", "еві", "єві"].iter().any(|e| word.ends_with(e)) {
        return false;
    }
    // past adjectives and pronouns, which agree in either case ("в рідному Харкові", "тому
    // Котові"), and particles ("у зовсім не нашому Києві"), to the word that decides
    const TRANSPARENT: &[&str] = &["не", "ні", "зовсім", "дуже", "навіть", "ще", "вже", "самому", "самім"];
    let mut at = name.start;
    for _ in 0..5 {
        let Some((w, start)) = sentence::word_before(text, at) else {
            return false;
        };
        let lower = w.to_lowercase();
        if LOCATIVE_BEFORE.contains(&lower.as_str()) || !w.chars().all(litopys_gazetteer::chars::is_alphabetic) {
            return false;
        }
        if !["ому", "ім", "ій", "их"].iter().any(|e| lower.ends_with(e)) && !TRANSPARENT.contains(&lower.as_str()) {
            return true;
        }
        at = start;
    }
    false
}

/// True if a place's Ukrainian name has an adjective's form: "Велике", "Глибока", "Рівне",
/// "Київська (область)". The name of an oblast is judged by its first word, others must be one
/// word.
fn adjectival(name_uk: &str, kind: Kind) -> bool {
    const ENDINGS: &[&str] = &[
        "ий", "ій", "ой", "ое", "ее", "ая", "яя", "е", "є", "ька", "ова", "ева", "єва", "ина", "іна",
        "ка", "на", "ча", "жа", "ша", "ща", "ня", "ва",
    ];
    let mut words = name_uk.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let one_word = words.next().is_none() || kind == Kind::Oblast;
    let lower = first.to_lowercase();
    one_word && !lower.contains('-') && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// True if `word` is the genitive or dative of a town in "-ів"/"-їв" (Старокостянтинова,
/// Бердичева): the surname shape "-ова" is then the town's own case form.
fn genitive_of_iv_town(name_uk: &str, word: &str) -> bool {
    let name = name_uk.to_lowercase();
    (name.ends_with("ів") || name.ends_with("їв"))
        && ["ова", "ову", "ева", "еву", "єва", "єву"]
            .iter()
            .any(|e| word.to_lowercase().ends_with(e))
}

/// The name inside a mention's span, without its framing words ("селі Сила" → "Сила"): the
/// span's last capitalised word run, or the whole span.
fn name_span(text: &str, m: &Mention) -> Span {
    let words = m.span.text(text);
    let mut start = m.span.start;
    for (i, c) in words.char_indices() {
        if litopys_gazetteer::chars::is_uppercase(c) && (i == 0 || !words[..i].ends_with(|p: char| litopys_gazetteer::chars::is_alphanumeric(p))) {
            start = m.span.start + i;
            break;
        }
    }
    Span::new(start, m.span.end)
}
