//! Where a word stands in its sentence: at the start, inside, in quotes, next to other
//! capitalised words. Capital letters are the main evidence that a word is a name, and a
//! capital letter at the start of a sentence is no evidence at all.

use litopys_model::Span;

/// Opening marks that may stand between a sentence's end and its first word.
const OPENING: &[char] = &[
    '«', '"', '“', '„', '\'', '(', '[', '—', '–', '-', '•', '*', '#', '>', '‹', '‚',
];

/// True if the word at byte `at` is the first of a sentence, a line or the text.
pub(crate) fn starts_sentence(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev().peekable();
    while let Some(c) = before.next() {
        if c == ' ' || c == '\t' || c == '\u{a0}' || OPENING.contains(&c) {
            continue;
        }
        if matches!(c, ')' | '»' | '"' | '”' | '›') {
            // «Чому?» — Сила: a closing mark ends a sentence when what it closes did
            return before
                .peek()
                .is_some_and(|p| matches!(p, '.' | '!' | '?' | '…'));
        }
        return matches!(c, '.' | '!' | '?' | '…' | '\n' | '\r' | ':' | ';')
            || !(litopys_gazetteer::chars::is_alphanumeric(c) || c == ',');
    }
    true
}

/// True if the word at byte `at` starts a sentence that the one before ends with ".", "!", "?"
/// or "…" (not after an abbreviation: "м. Києва"), or starts a line or the text; opening quotes
/// and dashes may stand between. Stricter than [`starts_sentence`], which a colon or any mark
/// satisfies.
pub(crate) fn after_sentence_end(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        if c == ' ' || c == '\t' || c == '\u{a0}' || matches!(c, '«' | '"' | '“' | '„' | '—' | '–' | '-') {
            continue;
        }
        return match c {
            '\n' | '\r' | '!' | '?' | '…' => true,
            '.' => !after_abbreviation(text, text[..at].rfind('.').map_or(0, |p| p + 1)),
            _ => false,
        };
    }
    true
}

/// True if an abbreviation with its dot stands right before byte `at`: "м. Києва", "р. Дністер",
/// "с. Пірнове", "смт. Шацьк": a word of one to three lower-case letters and a dot. The dot
/// ends no sentence there.
pub(crate) fn after_abbreviation(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\u{a0}']);
    let Some(head) = head.strip_suffix('.') else {
        return false;
    };
    let head = head.trim_end_matches([' ', '\u{a0}']);
    let word: String = head.chars().rev().take_while(|c| litopys_gazetteer::chars::is_alphabetic(*c)).collect();
    let n = word.chars().count();
    (1..=3).contains(&n) && word.chars().all(litopys_gazetteer::chars::is_lowercase)
}

/// True if the name is a domain name's zone: a dot right before it, and a space, a quote or
/// the start of the text before the dot (".РФ", "зона .укр").
pub(crate) fn domain_zone(text: &str, name: Span) -> bool {
    let Some(head) = text[..name.start].strip_suffix('.') else {
        return false;
    };
    head.chars().next_back().is_none_or(|c| c.is_whitespace() || OPEN_QUOTES.contains(&c) || c == '(')
}

/// True if the character at byte `at` is upper case.
pub(crate) fn capitalised(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase)
}

const OPEN_QUOTES: &[char] = &['«', '"', '“', '„', '‹'];
const CLOSE_QUOTES: &[char] = &['»', '"', '”', '“', '›'];

/// The character before byte `at`, past one space (tokenised text spaces quotes: "« Sofia »").
fn mark_before(text: &str, at: usize) -> Option<char> {
    let head = text[..at].strip_suffix(' ').unwrap_or(&text[..at]);
    head.chars().next_back()
}

/// The character after byte `at`, past one space.
fn mark_after(text: &str, at: usize) -> Option<char> {
    let tail = text[at..].strip_prefix(' ').unwrap_or(&text[at..]);
    tail.chars().next()
}

/// True if the name stands in quotation marks: «Сила», "Доля".
pub(crate) fn quoted(text: &str, name: Span) -> bool {
    mark_before(text, name.start).is_some_and(|c| OPEN_QUOTES.contains(&c))
}

/// True if quotation marks open right before the name and close right after it: «Днепр».
pub(crate) fn enclosed_in_quotes(text: &str, name: Span) -> bool {
    quoted(text, name) && mark_after(text, name.end).is_some_and(|c| CLOSE_QUOTES.contains(&c))
}

/// True if the name ends a title in quotation marks after other words and a separator: «Наші
/// гроші. Запоріжжя», «НГ. Львів», «Дій- Краматорськ»: a newspaper, a programme or a
/// company, not the place. The quotes open at most 60 bytes before the name, on the same line, and
/// close right after it.
pub(crate) fn ends_a_quoted_title(text: &str, name: Span) -> bool {
    if quoted(text, name) || !mark_after(text, name.end).is_some_and(|c| CLOSE_QUOTES.contains(&c)) {
        return false;
    }
    let mut from = name.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..name.start];
    let Some(open) = head.rfind(OPEN_QUOTES) else {
        return false;
    };
    let inside = &head[open..];
    // the place stands after a separator, as the second part of the title: «НГ. Львів» (split
    // into two lines by a sentence splitter too); in «Голоса Америки» or «Единая Россия» the
    // place is part of the title's phrase, and named-entity corpora mark it as a place. A law's
    // title that starts with "Про"/"О" ends with its place: «Про вибори в Україні»
    let body = inside.trim_end();
    let separated = body.ends_with(['.', '—', '–', '-', ':', '|']);
    let opening = inside[open_len(inside)..].trim_start();
    let law = ["Про ", "О ", "Об "].iter().any(|w| opening.starts_with(w));
    !body.contains(['\n', '»', '”', '›']) && inside.chars().any(litopys_gazetteer::chars::is_alphabetic) && (separated || law)
}

/// True if the name stands inside a short title in quotation marks, after the title's first
/// word: «Олімпійське сузір'я України», «Тореодори з Васюківки», «Електронний архів міста
/// Києва». A title names a book, a programme, a company or a law, not the place; quoted speech
/// ("Повернемося до Києва, - сказав він") is told apart, roughly, by its length and its commas.
/// The title opens with a capital letter or a digit, holds 3 to 10 words and no comma, is not
/// direct speech (a colon before it, or a comma and a dash after it), and its quotes open and
/// close on the same line within 120 bytes of the name.
pub(crate) fn inside_a_quoted_title(text: &str, name: Span) -> bool {
    const OPEN: &[char] = &['«', '„', '“'];
    const CLOSE: &[char] = &['»', '“', '”'];
    let mut from = name.start.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..name.start];
    // the last opening mark before the name, with no closing mark after it; "“" opens a
    // German-style „...“ pair too, so it closes only after „
    let Some(open) = head.rfind(OPEN) else {
        return false;
    };
    let before = &head[open..];
    let open_mark = before.chars().next().unwrap_or('«');
    let after_open = &before[open_mark.len_utf8()..];
    if after_open.contains(['»', '”', '\n', '\r']) || (open_mark != '„' && after_open.contains('“')) {
        return false;
    }
    let mut to = (name.end + 120).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let tail = &text[name.end..to];
    let Some(close) = tail.find(CLOSE) else {
        return false;
    };
    let rest = &tail[..close];
    if rest.contains(['«', '„', '\n', '\r']) {
        return false;
    }
    // direct speech: a colon before the quotes ("сказала: «...»"), or a comma and a dash after
    // them ("«...», — сказав він")
    let closed = &tail[close..];
    let after_close = closed[closed.chars().next().map_or(0, char::len_utf8)..].trim_start();
    let said = after_close
        .strip_prefix(',')
        .is_some_and(|t| t.trim_start().starts_with(['—', '–', '-']));
    let colon = text[..from + open].trim_end().ends_with(':');
    let title = format!("{after_open}{}{rest}", name.text(text));
    let first = after_open.trim_start();
    let words = title.split(|c: char| !(litopys_gazetteer::chars::is_alphanumeric(c) || c == '\'' || c == '’')).filter(|w| !w.is_empty()).count();
    // two words are often a name of its own kind, which corpora tag as the place: «Голос
    // Америки», «Единая Россия», «Нижній Дунай»
    !first.is_empty()
        && !said
        && !colon
        && first.starts_with(|c: char| litopys_gazetteer::chars::is_uppercase(c) || c.is_ascii_digit())
        && (3..=10).contains(&words)
        && !title.contains([',', ';'])
}

/// True if the name opens a quoted title of two words whose second is in lower case:
/// «Рівне вечірнє», «Київ нічний», «Спека триває». A place's own name of two words is
/// capitalised in both ("Нижній Дунай"), so the lower-case word makes the pair a title: a
/// newspaper's, a programme's or a headline's.
pub(crate) fn opens_a_two_word_title(text: &str, name: Span) -> bool {
    let head = text[..name.start].trim_end_matches([' ', '\u{a0}']);
    if !head.ends_with(['«', '„', '“']) {
        return false;
    }
    let Some((next, start)) = word_after(text, name.end) else {
        return false;
    };
    let tail = text[start + next.len()..].trim_start_matches(['!', '?', '.', '…']).trim_start_matches([' ', '\u{a0}']);
    next.chars().count() >= 3
        && next.chars().next().is_some_and(litopys_gazetteer::chars::is_lowercase)
        && next.chars().all(|c| litopys_gazetteer::chars::is_alphabetic(c) || c == '\'' || c == '’' || c == '-')
        && tail.starts_with(['»', '”', '“'])
}

/// The length in bytes of the quotation mark `quoted` starts with.
fn open_len(quoted: &str) -> usize {
    quoted.chars().next().map_or(0, char::len_utf8)
}

/// The word right before byte `at`, separated by spaces only (no punctuation), and its start.
pub(crate) fn word_before(text: &str, at: usize) -> Option<(&str, usize)> {
    let head = &text[..at];
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == head.len() {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| litopys_gazetteer::chars::is_alphanumeric(*c) || *c == '\'' || *c == '’' || *c == '-')
        .last()?
        .0;
    Some((&trimmed[start..], start))
}

/// The word right after byte `at`, separated by spaces only, and its start.
pub(crate) fn word_after(text: &str, at: usize) -> Option<(&str, usize)> {
    let spaced = text[at..].starts_with([' ', '\u{a0}']);
    next_word(text, at).filter(|(_, start)| spaced && text[at..*start].chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// The next word after byte `at`, past spaces and line breaks; `None` at punctuation.
pub(crate) fn next_word(text: &str, at: usize) -> Option<(&str, usize)> {
    let tail = &text[at..];
    let trimmed = tail.trim_start_matches([' ', '\u{a0}', '\n']);
    let start = at + (tail.len() - trimmed.len());
    let len = trimmed.find(|c: char| !(litopys_gazetteer::chars::is_alphanumeric(c) || c == '\'' || c == '’' || c == '-')).unwrap_or(trimmed.len());
    (len > 0).then(|| (&text[start..start + len], start))
}

/// True if a capitalised word that is not a place, not an abbreviation and not the start of a
/// sentence stands right before or after the name: "Квітка Цісик", "Сила Михайлівна".
pub(crate) fn capitalised_neighbour(
    text: &str,
    name: Span,
    at_start: bool,
    is_place: impl Fn(Span) -> bool,
) -> bool {
    let name_like = |w: &str, start: usize| {
        let mut chars = w.chars();
        let first_upper = chars.next().is_some_and(litopys_gazetteer::chars::is_uppercase);
        let rest_lower = w.chars().skip(1).any(litopys_gazetteer::chars::is_lowercase);
        first_upper
            && rest_lower
            && w.chars().count() > 1
            && !is_place(Span::new(start, start + w.len()))
    };
    if let Some((w, s)) = word_before(text, name.start) {
        if name_like(w, s) && !starts_sentence(text, s) {
            return true;
        }
    }
    if let Some((w, s)) = word_after(text, name.end) {
        // a name at the start of a sentence followed by another capitalised word is a pair too
        if name_like(w, s) && (at_start || !starts_sentence(text, name.start)) {
            return true;
        }
    }
    false
}

/// True if, in English prose (not a headline in title case), the word right before the name is
/// a capitalised name that is not a place, not a sentence start and not an adjective of a people
/// or a direction: "Ukrainska Pravda", "Hromadske Pravda", but not "Russian Pisky".
pub(crate) fn english_name_before(text: &str, name: Span, is_place: impl Fn(Span) -> bool) -> bool {
    let Some((w, s)) = word_before(text, name.start) else {
        return false;
    };
    let capitalised = w.chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase) && w.chars().skip(1).all(litopys_gazetteer::chars::is_lowercase);
    let adjective = ["ian", "ern", "ish", "ese", "an"].iter().any(|e| w.ends_with(e));
    capitalised
        && w.chars().count() > 2
        && !adjective
        && !starts_sentence(text, s)
        && !is_place(Span::new(s, s + w.len()))
        && !title_case_line(text, name.start)
}

/// True if the line around byte `at` is a headline in title case: its longer words start with a
/// capital, short function words aside. One longer word in lower case ("a correspondent of
/// Ukrainska Pravda") makes it prose: title case capitalises every word that carries meaning.
fn title_case_line(text: &str, at: usize) -> bool {
    // function words of four letters and more that title case may leave in lower case
    const MINOR: [&str; 9] = ["with", "from", "into", "over", "amid", "after", "than", "that", "near"];
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let (mut upper, mut lower) = (0, 0);
    for w in text[start..end].split_whitespace().filter(|w| w.chars().count() > 3) {
        match w.chars().next() {
            Some(c) if litopys_gazetteer::chars::is_uppercase(c) => upper += 1,
            Some(c) if litopys_gazetteer::chars::is_lowercase(c) && !MINOR.contains(&w) => lower += 1,
            _ => {}
        }
    }
    upper >= 2 && lower == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starts() {
        let t = "Мені сказали. «Чому?» — Сила тут. у Луцьку";
        assert!(starts_sentence(t, 0));
        assert!(starts_sentence(t, t.find("Чому").unwrap_or(0)));
        assert!(starts_sentence(t, t.find("Сила").unwrap_or(0)));
        assert!(!starts_sentence(t, t.find("Луцьку").unwrap_or(0)));
        assert!(!starts_sentence(t, t.find("сказали").unwrap_or(0)));
    }

    #[test]
    fn english_names_before() {
        let span = |t: &str, w: &str| {
            let at = t.find(w).unwrap_or(0);
            Span::new(at, at + w.len())
        };
        let t = "a correspondent of Ukrainska Pravda reported";
        assert!(english_name_before(t, span(t, "Pravda"), |_| false));
        // a label line with a byline is prose, not a headline in title case
        let t = "Source: Olha Petrenko on Facebook, a correspondent of Ukrainska Pravda\nMore text.";
        assert!(english_name_before(t, span(t, "Pravda"), |_| false));
        let t = "shelling near Pisky as Russian Pisky units withdrew";
        assert!(!english_name_before(t, span(t, "Pisky units"), |_| false));
        // a headline capitalises every word
        let t = "Explosion Hits Central Pisky Overnight\nThe blast was heard in the village.";
        assert!(!english_name_before(t, span(t, "Pisky"), |_| false));
    }

    #[test]
    fn neighbours() {
        let t = "виступила Олена Квітка вчора";
        let at = t.find("Квітка").unwrap_or(0);
        assert_eq!(word_before(t, at).map(|w| w.0), Some("Олена"));
        assert_eq!(
            word_after(t, at + "Квітка".len()).map(|w| w.0),
            Some("вчора")
        );
        assert!(capitalised_neighbour(
            t,
            Span::new(at, at + "Квітка".len()),
            false,
            |_| false
        ));
    }
}
