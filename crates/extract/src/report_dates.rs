//! When a report was made, as opposed to when its incident happened.
//!
//! Real reports carry two kinds of days: the incident's ("Інцидент стався 7 серпня") and the
//! report's ("повідомила 8 серпня пресслужба", "the command reported on Dec. 4", a dateline
//! "15:05, 29 січня 2026" under the headline). A coder dates the incident by the first kind and
//! uses the second only when nothing else is said. This module tells the second kind apart; the
//! segmenter then treats such a day as a weak date (precision "week") that anchors relative
//! expressions ("the previous evening") and yields to any incident day.
//!
//! The test is lexical and local: a reporting verb shortly before the date in the same
//! sentence with no "that" (or comma) in between, one right after it, or a line that holds
//! nothing but the date, a clock time and a byline. It errs towards the incident: "said one
//! person was wounded on Sunday" keeps Sunday as the wounding's day.

use litopys_model::Span;

use crate::dates::weekday;

/// Stems of verbs that say who reported something ("said", "повідомила", "сообщили").
const REPORT_STEMS: &[&str] = &[
    "said", "say", "reported", "report", "announced", "stated", "told", "wrote", "confirmed", "informed", "added",
    "повідом", "заяв", "розповіл", "інформу", "написа", "уточни", "сообщ", "рассказ", "информир",
];

/// Words that open a reported clause: a date after them is the incident's, not the report's
/// ("повідомили, що 28 січня ...", "said that on May 3 ...").
const CLAUSE_WORDS: &[&str] = &["that", "що", "що,", "что", "як", "как", "когда", "коли", "when"];

/// Stems that tell the incident itself between a reporting verb and a date ("said the attack
/// happened on May 3"): the date is then the incident's.
const HAPPENED_STEMS: &[&str] = &["happen", "occur", "took", "стал", "відбул", "трапил", "произош", "случил", "состоял"];

/// True if the expression at `span` is a report's period, "over the past 24 hours", "за минулу
/// добу", "за прошедшие сутки": the day before publication for the incidents the report tells,
/// not for a summary line under an incident of its own day.
pub fn is_period(text: &str, span: Span) -> bool {
    let t = text.get(span.start..span.end).unwrap_or("").to_lowercase();
    ["доб", "сутки", "24 hours", "past day", "last day"].iter().any(|w| t.contains(w))
}

/// True when the date expression at `span` tells when something was *reported*, not when the
/// incident happened: a reporting verb shortly before it in the same sentence with no "that"
/// in between ("the command reported on Dec. 4", "повідомила 8 серпня пресслужба", "сообщили в
/// полиции Харьковской области 7 февраля"), or right after it ("Про це 15 січня повідомив").
/// Such a date anchors relative expressions ("the previous evening") but is a weak incident date.
pub fn is_report_date(text: &str, span: Span) -> bool {
    if is_dateline(text, span) {
        return true;
    }
    let mut from = span.start.saturating_sub(90);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..span.start];
    // stay inside the sentence
    let before = before.rsplit(['.', '!', '?', '\n', ';', ':']).next().unwrap_or(before).to_lowercase();
    let words: Vec<&str> = before.split_whitespace().collect();
    let is_report = |w: &str| {
        let w = w.trim_matches(|c: char| !litopys_gazetteer::chars::is_alphanumeric(c));
        REPORT_STEMS.iter().any(|s| w.starts_with(s))
    };
    let recent = &words[words.len().saturating_sub(7)..];
    if let Some(i) = recent.iter().rposition(|w| is_report(w)) {
        let between = &recent[i + 1..];
        let happened = between.iter().any(|w| HAPPENED_STEMS.iter().any(|h| w.starts_with(h)));
        // English puts the date right after the verb ("reported on Dec. 4", "said on Sunday");
        // "said one person was wounded on Sunday" dates the wounding
        let english = recent[i].is_ascii();
        let close = !english || between.iter().all(|w| matches!(*w, "on" | "late" | "early"));
        // "Как сообщила областная прокуратура, 14 августа ...": after the comma comes what was said
        let said = recent[i..].iter().any(|w| w.ends_with(','));
        if close && !happened && !said && !between.iter().any(|w| CLAUSE_WORDS.contains(w)) {
            return true;
        }
    }
    let mut to = (span.end + 30).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text[span.end..to].to_lowercase();
    // "Про це 15 січня повідомив", "Президент 23 июля заявил"
    after.split_whitespace().take(2).any(is_report)
}

/// Words a dateline or byline carries besides the date: weekdays, clock words, "published".
const DATELINE_WORDS: &[&str] = &[
    "am", "pm", "utc", "gmt", "updated", "published", "at", "on", "р", "в", "о", "об", "року", "года", "г", "дата",
    "публікації", "публикации", "оновлено", "обновлено", "опубліковано", "опубликовано", "date",
];

/// Labels a page puts before its own date (not "on", "в": "On 2026-02-23, unknown persons ...").
const PAGE_DATE_LABELS: &[&str] =
    &["date", "дата", "published", "updated", "публікації", "публикации", "опубліковано", "опубликовано", "оновлено", "обновлено"];

/// True when the date at `span` stands on a line of its own with at most a time, a weekday or
/// a byline around it ("15:05, 29 січня 2026", "May 18, 2024 8:11 PM", "Вівторок 07 жовтня
/// 2025 16:58", "Дата публікації: 8 серпня 2025 14:43"), or opens the page: the day the page
/// was published.
pub fn is_dateline(text: &str, span: Span) -> bool {
    // a date in figures that opens the page, before its headline ("28.09.2025 У Тернополі водій
    // збив ..."), is the page's (not a day in words: "On 9 March a crowd freed ...")
    let in_figures = text[span.start..span.end].chars().all(|c| c.is_ascii_digit() || ".-/ ".contains(c));
    let opens_page = in_figures
        && text[..span.start]
        .split(|c: char| !litopys_gazetteer::chars::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .all(|w| PAGE_DATE_LABELS.contains(&w.to_lowercase().as_str()));
    if opens_page {
        return true;
    }
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    let around = [&text[line_start..span.start], &text[span.end..line_end]];
    let has_time = || {
        around.iter().any(|t| {
            let b = t.as_bytes();
            b.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
        })
    };
    // counted up to six: a line of prose around a date has more, and is not read to its end
    let words = around
        .iter()
        .flat_map(|t| t.split(|c: char| !litopys_gazetteer::chars::is_alphanumeric(c) && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| {
            let lower = w.to_lowercase();
            !DATELINE_WORDS.contains(&lower.as_str()) && weekday(&lower).is_none_or(|_| lower.len() < 3)
        })
        .take(6)
        .count();
    words <= 1 || (words <= 5 && has_time())
}

