//! A document's publication date from the document itself, when its format carries no field
//! for one: the dateline or byline at the top of the text, then a date in the file name.
//!
//! # Design
//!
//! News sites and Telegram copy-pastes print the publication time at the top:
//! `19:59, 8 листопада 2025`, `May 18, 2024 8:11 PM`, `14:12 25.12.2025`,
//! `LVIV, March 4, 2026 —`, `Опубліковано: 2026-03-15`. The first sentence of the story often
//! holds a full date too ("On 23 February 2026, in Vinnytsia, ..."), and that is the event's
//! date, not the report's. So a line counts as a dateline only when it is near the top
//! ([`MAX_LINES`] non-blank lines), short, and either shows a clock time or has few words
//! besides the date ([`MAX_OTHER_WORDS`]): a byline or a stamp, not a sentence.
//!
//! Month names are data (`data/months.tsv`), in English, Ukrainian and Russian.
//!
//! A file name such as `2026-03-15-kharkiv.txt` or `kharkiv_2026_03_15.md` is the last
//! resort: collectors often name saved pages by the day.

use std::sync::OnceLock;

use jiff::civil::Date;

/// Non-blank lines at the top of the text that may hold the dateline.
const MAX_LINES: usize = 5;
/// The longest dateline, in characters.
const MAX_CHARS: usize = 120;
/// Words besides the date (and a clock time) that a dateline without a clock time may have.
const MAX_OTHER_WORDS: usize = 6;

/// The month names in `data/months.tsv`, each with its month number.
fn months() -> &'static Vec<(String, i8)> {
    static MONTHS: OnceLock<Vec<(String, i8)>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        let mut out = Vec::new();
        for line in include_str!("../data/months.tsv").lines() {
            let Some((n, forms)) = line.split_once('\t') else { continue };
            let Ok(n) = n.trim().parse::<i8>() else { continue };
            out.extend(forms.split(',').map(|f| (f.trim().to_string(), n)));
        }
        out
    })
}

fn month_named(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    let word = word.trim_end_matches('.');
    months().iter().find(|(f, _)| f == word).map(|&(_, n)| n)
}

/// A token of a line: a run of letters, a run of digits, or one other character.
#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Num(&'a str),
    Other(char),
}

fn tokens(line: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let same: fn(char) -> bool = if c.is_ascii_digit() {
            |x| x.is_ascii_digit()
        } else if c.is_alphabetic() {
            |x| x.is_alphabetic() || x == '\'' || x == '’'
        } else {
            if !c.is_whitespace() {
                out.push(Tok::Other(c));
            }
            continue;
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, x)) = chars.peek() {
            if !same(x) {
                break;
            }
            end = i + x.len_utf8();
            chars.next();
        }
        let s = line.get(start..end).unwrap_or_default();
        out.push(if c.is_ascii_digit() { Tok::Num(s) } else { Tok::Word(s) });
    }
    out
}

fn num(t: Option<&Tok<'_>>, digits: std::ops::RangeInclusive<usize>) -> Option<i16> {
    match t {
        Some(Tok::Num(s)) if digits.contains(&s.len()) => s.parse().ok(),
        _ => None,
    }
}

fn is_other(t: Option<&Tok<'_>>, chars: &[char]) -> bool {
    matches!(t, Some(Tok::Other(c)) if chars.contains(c))
}

/// A date at token `i`: its value and how many tokens it takes.
fn date_at(toks: &[Tok<'_>], i: usize) -> Option<(Date, usize)> {
    let t = |k: usize| toks.get(i + k);
    let make = |y: i16, m: i8, d: i16| Date::new(y, m, i8::try_from(d).ok()?).ok();
    // 2026-03-15
    if let (Some(y), true, Some(m), true, Some(d)) = (num(t(0), 4..=4), is_other(t(1), &['-']), num(t(2), 1..=2), is_other(t(3), &['-']), num(t(4), 1..=2)) {
        return make(y, i8::try_from(m).ok()?, d).map(|date| (date, 5));
    }
    // 25.12.2025, 25/12/2025
    if let (Some(d), true, Some(m), true, Some(y)) = (num(t(0), 1..=2), is_other(t(1), &['.', '/']), num(t(2), 1..=2), is_other(t(3), &['.', '/']), num(t(4), 4..=4)) {
        return make(y, i8::try_from(m).ok()?, d).map(|date| (date, 5));
    }
    // 8 листопада 2025, 8 Nov. 2025
    if let (Some(d), Some(Tok::Word(w))) = (num(t(0), 1..=2), t(1)) {
        if let Some(m) = month_named(w) {
            let skip = usize::from(is_other(t(2), &['.', ',']));
            if let Some(y) = num(t(2 + skip), 4..=4) {
                return make(y, m, d).map(|date| (date, 3 + skip));
            }
        }
    }
    // May 18, 2024
    if let Some(Tok::Word(w)) = t(0) {
        if let Some(m) = month_named(w) {
            let skip = usize::from(is_other(t(1), &['.']));
            if let Some(d) = num(t(1 + skip), 1..=2) {
                let comma = usize::from(is_other(t(2 + skip), &[',']));
                if let Some(y) = num(t(2 + skip + comma), 4..=4) {
                    return make(y, m, d).map(|date| (date, 3 + skip + comma));
                }
            }
        }
    }
    None
}

/// The date a dateline or byline `line` gives, if it is one.
fn dateline(line: &str) -> Option<Date> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_CHARS {
        return None;
    }
    let toks = tokens(line);
    let (at, (date, len)) = (0..toks.len()).find_map(|i| date_at(&toks, i).map(|d| (i, d)))?;
    let mut has_time = false;
    let mut other_words = 0;
    let mut i = 0;
    while i < toks.len() {
        if i == at {
            i += len;
            continue;
        }
        // 19:59, 8:11
        if num(toks.get(i), 1..=2).is_some() && is_other(toks.get(i + 1), &[':']) && num(toks.get(i + 2), 2..=2).is_some() {
            has_time = true;
            i += 3;
            continue;
        }
        if matches!(toks.get(i), Some(Tok::Word(w)) if !["am", "pm", "utc", "gmt", "eet", "eest", "kyiv"].contains(&w.to_lowercase().as_str())) {
            other_words += 1;
        }
        i += 1;
    }
    (has_time || other_words <= MAX_OTHER_WORDS).then_some(date)
}

/// The publication date a dateline or byline near the top of `text` gives.
pub(crate) fn from_text(text: &str) -> Option<Date> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).take(MAX_LINES).find_map(dateline)
}

/// The date in a file name: `2026-03-15-kharkiv.txt`, `kharkiv_2026_03_15.md`, `20260315.txt`.
pub(crate) fn from_name(name: &str) -> Option<Date> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let digits: Vec<(usize, &str)> = file.match_indices(|c: char| c.is_ascii_digit()).collect();
    let bytes = file.as_bytes();
    for &(start, _) in &digits {
        if start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let rest = file.get(start..).unwrap_or_default();
        let run: String = rest.chars().take(10).collect();
        let parsed = if run.len() == 10 && matches!(&run[4..5], "-" | "_" | ".") && run[4..5] == run[7..8] {
            let [y, m, d] = [&run[0..4], &run[5..7], &run[8..10]];
            Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
        } else {
            let run: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (run.len() == 8).then(|| Date::new(run[0..4].parse().ok()?, run[4..6].parse().ok()?, run[6..8].parse().ok()?).ok()).flatten()
        };
        if let Some(d) = parsed.filter(|d| (1990..=2100).contains(&d.year())) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        assert_eq!(from_text(text).map(|d| d.to_string()).as_deref(), expect, "{text}");
    }

    #[test]
    fn datelines_and_bylines() {
        // the forms of issue 15, each in a made-up post
        check("Протест у Рівному\n19:59, 8 листопада 2025\n\nУчора біля ТЦК...", Some("2025-11-08"));
        check("Workers rally in Kryvyi Rih\nBy Staff Reporter\nMay 18, 2024 8:11 PM\n\nYesterday ...", Some("2024-05-18"));
        check("14:12 25.12.2025\nВ Одесі напередодні ...", Some("2025-12-25"));
        check("Новости\nОпубликовано 3 марта 2026 г., 10:15\n\nВчера в Днепре ...", Some("2026-03-03"));
        check("LVIV, March 4, 2026 — Residents blocked a minibus.", Some("2026-03-04"));
        check("Оновлено: 2026-03-15\n\nТекст", Some("2026-03-15"));
    }

    #[test]
    fn event_dates_in_sentences_are_not_datelines() {
        check("On 23 February 2026, in Vinnytsia, residents confronted recruitment officers and freed a man.", None);
        check("Title\n\nYesterday about 40 people gathered in Lutsk.", None);
        check("a\nb\nc\nd\ne\n8 листопада 2025", None);
        check("31.02.2026 10:00\ntext", None);
    }

    #[test]
    fn file_names() {
        let name = |s: &str| from_name(s).map(|d| d.to_string());
        assert_eq!(name("reports/2026-03-15-kharkiv.txt").as_deref(), Some("2026-03-15"));
        assert_eq!(name("kharkiv_2026_03_15.md").as_deref(), Some("2026-03-15"));
        assert_eq!(name("20260315-post.txt").as_deref(), Some("2026-03-15"));
        assert_eq!(name("2026/03/post.txt"), None);
        assert_eq!(name("post-123456789.txt"), None);
        assert_eq!(name("kharkiv-post.uk.txt"), None);
    }
}
