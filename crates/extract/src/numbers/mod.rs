//! Counts written in digits or words, in English, Ukrainian and Russian.
//!
//! | text | value | approximate |
//! |---|---|---|
//! | `19,850` / `19 850` | 19850 | no |
//! | `12 million` / `12 млн` | 12000000 | no |
//! | `about 40` / `близько сорока` / `около тридцати` | 40 / 40 / 30 | yes |
//! | `twenty-five` / `двадцять п'ять` | 25 | no |
//! | `п'ятеро`, `п'яти`, `пятерых` | 5 | no |
//! | `dozens` / `десятки` | 24 | yes |
//!
//! Ages ("a 42-year-old", "42-річний") and clock times ("18:00") are not counts and are skipped.

use std::cell::RefCell;
use std::sync::OnceLock;

use litopys_model::Span;
use regex::Regex;

mod vocab;

use vocab::Meaning;

/// A count found in text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Count {
    /// The words of the count, with any "about" before it.
    pub span: Span,
    /// The value.
    pub value: f64,
    /// True for "about 40", "dozens", "several".
    pub approx: bool,
}

/// A word or number of the text, with what it means as a count word (see [`vocab`]).
struct Token {
    span: Span,
    meaning: &'static Meaning,
}

impl Token {
    fn new(text: &str, start: usize, end: usize) -> Token {
        Token {
            span: Span::new(start, end),
            meaning: vocab::meaning(&text[start..end]),
        }
    }
}

/// The words and numbers of `text`: what the regex
/// `\d{1,3}(?:[,\u{A0}\u{202F}]\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+\b|\d+(?:[.,]\d+)?|[\p{L}'’ʼ]+`
/// finds, by a hand-written scanner (the regex's `\b` on Cyrillic text sends the regex engine
/// to its backtracker, which was a third of extraction time). Text with digits outside ASCII
/// goes to the regex itself.
fn tokens(text: &str, out: &mut Vec<Token>) {
    out.clear();
    if scan_tokens(text, out).is_none() {
        out.clear();
        out.extend(regex_tokens(text));
    }
}

fn regex_tokens(text: &str) -> Vec<Token> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let re = WORD.get_or_init(|| {
        Regex::new(r"\d{1,3}(?:[,\u{00A0}\u{202F}]\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+\b|\d+(?:[.,]\d+)?|[\p{L}'’ʼ]+")
            .expect("static regex")
    });
    re.find_iter(text)
        .map(|m| Token::new(text, m.start(), m.end()))
        .collect()
}

/// The tokens of `text`, or `None` if it has a non-ASCII digit (left to the regex).
fn scan_tokens(text: &str, out: &mut Vec<Token>) -> Option<()> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let end = number_end(text, i)?;
            out.push(Token::new(text, i, end));
            i = end;
            continue;
        }
        if b.is_ascii() && !(b.is_ascii_alphabetic() || b == b'\'') {
            // spaces and punctuation: no token starts here
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if is_letter(c)? {
            let mut end = i + len;
            while end < bytes.len() {
                let b = bytes[end];
                if b.is_ascii() {
                    if !(b.is_ascii_alphabetic() || b == b'\'') {
                        break;
                    }
                    end += 1;
                    continue;
                }
                let (c, len) = char_at(text, end);
                if !is_letter(c)? {
                    break;
                }
                end += len;
            }
            out.push(Token::new(text, i, end));
            i = end;
            continue;
        }
        i += len;
    }
    Some(())
}

/// The end of the number token starting with the ASCII digit at `start`; `None` if it meets a
/// non-ASCII digit.
fn number_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits_from = |at: usize| {
        bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // a digit we cannot see as ASCII: let the regex decide
    let check = |at: usize| -> Option<()> {
        if at < bytes.len() && !bytes[at].is_ascii() && char_at(text, at).0.is_numeric() {
            return None;
        }
        Some(())
    };
    let n_lead = digits_from(start);
    let after_lead = start + n_lead;
    check(after_lead)?;
    // three digits after a separator that starts at `at`, if there are; the separator's length
    let group = |at: usize, seps: &[char]| -> Option<usize> {
        let (c, len) = if at < bytes.len() {
            char_at(text, at)
        } else {
            return None;
        };
        if !seps.contains(&c) {
            return None;
        }
        (bytes.len() >= at + len + 3
            && bytes[at + len..at + len + 3].iter().all(u8::is_ascii_digit))
        .then_some(len)
    };
    if n_lead <= 3 {
        // 19,850 · 19 850 (no-break spaces) · 1,234.5
        let mut end = after_lead;
        let mut n_groups = 0;
        while let Some(len) = group(end, &[',', '\u{00A0}', '\u{202F}']) {
            end += len + 3;
            check(end)?;
            n_groups += 1;
        }
        if n_groups > 0 {
            if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                end += 1 + digits_from(end + 1);
                check(end)?;
            }
            return Some(end);
        }
        // 19 850, ending at a word boundary
        let mut ends = Vec::new();
        let mut end = after_lead;
        while let Some(len) = group(end, &[' ']) {
            end += len + 3;
            check(end)?;
            ends.push(end);
        }
        if let Some(&last) = ends.last() {
            if end >= bytes.len() || !is_word_char(char_at(text, end).0) {
                return Some(last);
            }
            if ends.len() >= 2 {
                return Some(ends[ends.len() - 2]);
            }
        }
    }
    // 42 · 3.5 · 3,5
    let mut end = after_lead;
    if matches!(bytes.get(end), Some(b'.' | b','))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end += 1 + digits_from(end + 1);
        check(end)?;
    }
    Some(end)
}

fn char_at(text: &str, at: usize) -> (char, usize) {
    text[at..]
        .chars()
        .next()
        .map_or(('\0', 1), |c| (c, c.len_utf8()))
}

/// `[\p{L}'’ʼ]`; `None` for a non-ASCII digit.
fn is_letter(c: char) -> Option<bool> {
    if c.is_ascii() {
        return Some(c.is_ascii_alphabetic() || c == '\'');
    }
    if matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' | '’' | 'ʼ') {
        return Some(true);
    }
    if c.is_numeric() && is_class(c, Class::Digit) {
        return None;
    }
    Some(litopys_gazetteer::chars::is_alphabetic(c) && is_class(c, Class::Letter))
}

/// Unicode `\w`, as the regex's `\b` sees it.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    matches!(c, '\u{0400}'..='\u{0481}' | '\u{0483}'..='\u{04FF}') || is_class(c, Class::Word)
}

enum Class {
    Letter,
    Digit,
    Word,
}

/// Whether `c` is in a Unicode class, asked of the regex engine itself: only for the rare
/// characters outside ASCII and Cyrillic, so that the scanner agrees with the regex exactly.
fn is_class(c: char, class: Class) -> bool {
    static CLASSES: OnceLock<[Regex; 3]> = OnceLock::new();
    let [letter, digit, word] = CLASSES.get_or_init(|| {
        [r"^\p{L}$", r"^\d$", r"^\w$"].map(|p| Regex::new(p).expect("static regex"))
    });
    let re = match class {
        Class::Letter => letter,
        Class::Digit => digit,
        Class::Word => word,
    };
    re.is_match(c.encode_utf8(&mut [0; 4]))
}

/// Every count in `text`, in order.
pub fn find(text: &str) -> Vec<Count> {
    // the token list is kept per thread and reused: it is several times the size of the text,
    // and a fresh one per document sent the allocator to the kernel for zeroed pages (a
    // quarter of extraction time in a profile)
    thread_local! {
        static TOKENS: RefCell<Vec<Token>> = const { RefCell::new(Vec::new()) };
    }
    TOKENS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut toks) => counts(text, &mut toks),
        Err(_) => counts(text, &mut Vec::new()),
    })
}

/// The counts of `text`, with `toks` as room for its tokens.
fn counts(text: &str, toks: &mut Vec<Token>) -> Vec<Count> {
    tokens(text, toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((mut value, mut approx, mut end_idx)) = read_count(toks, i, text) else {
            i += 1;
            continue;
        };
        if let Some(m) = toks.get(end_idx + 1).and_then(|t| t.meaning.multiplier) {
            value *= m;
            end_idx += 1;
        }
        let after_colon = text[..toks[i].span.start].ends_with(':');
        if after_colon
            || is_age_or_time(text, toks[end_idx].span.end)
            || follows_no(toks, i)
            || is_part_of_name(text, toks[i].span.start, toks[end_idx].span.end)
        {
            i = end_idx + 1;
            continue;
        }
        let mut start = toks[i].span.start;
        if i > 0
            && toks[i - 1].meaning.approx
            && text[toks[i - 1].span.end..toks[i].span.start]
                .trim()
                .is_empty()
        {
            approx = true;
            start = toks[i - 1].span.start;
        }
        out.push(Count {
            span: Span::new(start, toks[end_idx].span.end),
            value,
            approx,
        });
        i = end_idx + 1;
    }
    out
}

/// The count starting at token `i`: value, approximate, index of its last token.
fn read_count(toks: &[Token], i: usize, text: &str) -> Option<(f64, bool, usize)> {
    let t = &toks[i];
    let raw = t.span.text(text);
    if raw.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = raw
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let has_group = raw.contains([',', ' ', '\u{00A0}', '\u{202F}']);
        let value = if has_group || !raw.contains(',') {
            digits.parse::<f64>().ok()?
        } else {
            raw.replace(',', ".").parse::<f64>().ok()?
        };
        // a range "40-50", "40–50": the lower bound, as the conservative figure
        if let Some(next) = toks.get(i + 1) {
            let gap = &text[t.span.end..next.span.start];
            if matches!(gap, "-" | "–" | "—")
                && next
                    .span
                    .text(text)
                    .starts_with(|c: char| c.is_ascii_digit())
            {
                return Some((value, true, i + 1));
            }
        }
        return Some((value, false, i));
    }
    // "a dozen", "a couple of"
    let (mut value, mut approx) = t.meaning.value?;
    let mut end = i;
    // "several dozen", "a few hundred", "кілька десятків", "несколько сотен"
    if approx && value <= 3 {
        if let Some(scale) = toks.get(i + 1).and_then(|n| n.meaning.scale) {
            value *= scale;
            approx = true;
            end = i + 1;
        }
    }
    if value >= 20 && value < 100 && value % 10 == 0 {
        if let Some(next) = toks.get(i + 1) {
            let gap = &text[t.span.end..next.span.start];
            if gap.trim().is_empty() || gap == "-" {
                if let Some((unit, false)) = next.meaning.value.filter(|(u, _)| *u < 10) {
                    value += unit;
                    end = i + 1;
                }
            }
        }
    }
    Some((f64::from(value), approx, end))
}

fn is_age_or_time(text: &str, end: usize) -> bool {
    let after = text[end..]
        .chars()
        .take(10)
        .collect::<String>()
        .to_lowercase();
    after.starts_with("-year")
        || after.starts_with(" year-old")
        || after.starts_with(" years old")
        || after.starts_with("-річ")
        || after.starts_with("-лет")
        || after.starts_with(" річн")
        || after.starts_with(" летн")
        || (after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        || after.starts_with('%')
}

/// Endings a number takes as a cardinal in Russian and Ukrainian shorthand: "5-ти" (пяти),
/// "3-х" (трех), "7-ми" (семи). Any other ending after a hyphen makes it an ordinal or an
/// adjective: "41-й бригады", "11-этажный", "23-я ОСБ".
const CARDINAL_ENDINGS: &[&str] = &["ти", "х", "и", "ми", "мя", "ух", "ех", "ох", "ьох"];

/// Units of measure: "1500 кг" is a weight, "170 мм" a calibre, not a count of people.
const UNITS: &[&str] = &[
    "кг", "км", "мм", "см", "м", "т", "тонн", "тонны", "тонна", "тонни", "тон", "метров", "метра", "метрів", "метри", "километров",
    "кілометрів", "килограммов", "кілограмів", "гектаров", "гектарів", "га", "kg", "km", "mm", "cm", "m", "tons", "tonnes",
    "metres", "meters", "kilometres", "kilometers", "hectares",
];

/// True when the digits at `start..end` are part of a name or a measure, not a count: a
/// designation ("ФАБ-1500", "Х-101", "Ту-95", "F-16"), a link ("t.me/channel/1966"), an
/// ordinal or adjective ("41-й бригады", "11-этажный"), a weight or length ("1500 кг").
fn is_part_of_name(text: &str, start: usize, end: usize) -> bool {
    let head = &text[..start];
    let mut back = head.chars().rev();
    let before = back.next();
    let before2 = back.next();
    let designation = matches!(before, Some('-' | '–')) && before2.is_some_and(litopys_gazetteer::chars::is_alphabetic);
    let glued = before.is_some_and(|c| litopys_gazetteer::chars::is_alphabetic(c) || matches!(c, '/' | '_' | '#' | '=' | '@'));
    let tail = &text[end..];
    let suffix: String = tail
        .strip_prefix('-')
        .map(|t| t.chars().take_while(|c| litopys_gazetteer::chars::is_alphabetic(*c)).collect::<String>().to_lowercase())
        .unwrap_or_default();
    let ordinal = !suffix.is_empty() && !CARDINAL_ENDINGS.contains(&suffix.as_str());
    let unit_word: String = tail
        .trim_start_matches([' ', '\u{00A0}'])
        .chars()
        .take_while(|c| litopys_gazetteer::chars::is_alphabetic(*c))
        .collect::<String>()
        .to_lowercase();
    let unit = tail.starts_with([' ', '\u{00A0}']) && UNITS.contains(&unit_word.as_str())
        || UNITS.contains(&tail.chars().take_while(|c| litopys_gazetteer::chars::is_alphabetic(*c)).collect::<String>().to_lowercase().as_str()) && tail.starts_with(litopys_gazetteer::chars::is_alphabetic);
    designation || glued || ordinal || unit
}

fn follows_no(toks: &[Token], i: usize) -> bool {
    toks[i].meaning.one && i > 0 && toks[i - 1].meaning.determiner
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, f64, bool)]) {
        let got: Vec<(&str, f64, bool)> = find(text)
            .iter()
            .map(|c| (c.span.text(text), c.value, c.approx))
            .collect();
        assert_eq!(got, expected, "in {text:?}");
    }

    #[test]
    fn digits_words_and_cases() {
        // sentences written for litopys in the style of news reports
        check("about 40 residents", &[("about 40", 40.0, true)]);
        check(
            "19,850 proceedings, up from 18,300",
            &[("19,850", 19850.0, false), ("18,300", 18300.0, false)],
        );
        check("19 850 проваджень", &[("19 850", 19850.0, false)]);
        check(
            "arrears of 12 million hryvnias",
            &[("12 million", 12e6, false)],
        );
        check("Група з п'яти людей", &[("п'яти", 5.0, false)]);
        check("Група з п’яти людей", &[("п’яти", 5.0, false)]);
        check("Около 30 сотрудников", &[("Около 30", 30.0, true)]);
        check("около тридцати человек", &[("около тридцати", 30.0, true)]);
        check(
            "twenty-five workers and Twenty five more",
            &[("twenty-five", 25.0, false), ("Twenty five", 25.0, false)],
        );
        check("десятки людей", &[("десятки", 24.0, true)]);
        check("п'ятеро чоловіків", &[("п'ятеро", 5.0, false)]);
        check("around 40-50 residents", &[("around 40-50", 40.0, true)]);
        check(
            "several dozen people, several hundred more",
            &[
                ("several dozen", 36.0, true),
                ("several hundred", 300.0, true),
            ],
        );
        check("кілька десятків людей", &[("кілька десятків", 36.0, true)]);
        check("Один із військовослужбовців", &[("Один", 1.0, false)]);
    }

    #[test]
    fn scanner_agrees_with_the_regex() {
        let texts = [
            "19,850 and 1,234.5 and 1,2345 and 12 345 678 and 12 345x and 12 345 67a and 1234 567",
            "3.5 3,5 3. 3,a 1\u{00A0}200 1\u{202F}200 12 million п’ять Ёлка 5th café ½ x²",
            "П'ятеро — 42-річний, 18:00, 2 000 грн, 12 345_6, О'Коннор’s Ⅻ",
            "١٢٣ and 12٣",
            include_str!("../../../../examples/articles/monthly-review.en.txt"),
            include_str!("../../../../examples/articles/kharkiv-post.uk.txt"),
            include_str!("../../../../examples/articles/mines-post.ru.txt"),
        ];
        for t in texts {
            let a: Vec<(Span, Meaning)> = regex_tokens(t)
                .into_iter()
                .map(|k| (k.span, *k.meaning))
                .collect();
            let mut b = Vec::new();
            tokens(t, &mut b);
            let b: Vec<(Span, Meaning)> = b.into_iter().map(|k| (k.span, *k.meaning)).collect();
            assert_eq!(a, b, "in {t:?}");
        }
    }

    #[test]
    fn ages_times_and_pronouns_are_not_counts() {
        check("a 42-year-old local resident", &[]);
        check("близько 18:00", &[]);
        check("no one was hurt", &[]);
    }
}
