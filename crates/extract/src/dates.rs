//! Date expressions in English, Ukrainian and Russian, and their resolution to calendar days.
//!
//! Finding and resolving are separate: [`find`] lists what the text says ("the next day",
//! "9 лютого", "last December"), and [`resolve`] turns one expression into a day given the
//! publication date and the date of the incident told just before. That is what lets "two
//! days later" in one paragraph count from the date given in the previous one.
//!
//! | text | kind | anchored on | precision |
//! |---|---|---|---|
//! | `On February 23`, `23 February 2026`, `9 лютого`, `19 января`, `2026-02-23`, `23.02.2026` | day | year from publication | 1 |
//! | `March 3 of this year` | day | publication's year | 1 |
//! | `yesterday`, `вчора`, `вчера вечером`, `today`, `сьогодні`, `позавчера` | offset | publication | 1 |
//! | `over the past 24 hours`, `за минулу добу`, `за прошедшие сутки` (a morning report's day) | offset −1 | publication | 1 |
//! | `the next day`, `наступного дня`, `на следующий день`, `two days later`, `the same day`, `the day before`, `напередодні`, `накануне` | offset | previous incident (else publication) | 1 |
//! | `on Monday`, `у неділю`, `в пятницу` | weekday | publication | 1 |
//! | `last week`, `a few days ago`, `днями`, `на днях` | offset | publication | 2 |
//! | `this weekend`, `over the weekend`, `на вихідних`, `на выходных` | the Sunday before | publication | 2 |
//! | `in February`, `last December`, `у лютому`, `в январе` | month | publication | 3 |
//! | `a month ago`, `in 2023`, `back in 2023`, `у 2023 році` | month / year | publication | 3 |
//!
//! A date after the publication day is not an incident date ("by mid-March"): [`resolve`]
//! returns `None` for it.

use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use litopys_model::{Span, TimePrecision};
use regex::{Captures, RegexSet, RegexSetBuilder};

use crate::gated::LazyRegex;

pub use crate::report_dates::{is_dateline, is_period, is_report_date};

/// A date expression found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// Its words in the text.
    pub span: Span,
    /// What it says.
    pub kind: DateKind,
}

/// What a date expression says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// A calendar day; the year may be left to context.
    Day {
        /// The year, when the text gives it.
        year: Option<i16>,
        /// 1–12.
        month: i8,
        /// 1–31.
        day: i8,
    },
    /// A month; `back` counts years back from the context year ("last December" is the latest
    /// December before publication).
    Month {
        /// The year, when the text gives it.
        year: Option<i16>,
        /// 1–12.
        month: i8,
    },
    /// A year.
    Year(i16),
    /// Days before (negative) or after the publication date.
    FromPublication {
        /// Offset in days.
        days: i32,
        /// How exact the expression is.
        precision: TimePrecision,
    },
    /// Days after (or before, negative) the incident told before; from publication if none.
    FromPrevious {
        /// Offset in days.
        days: i32,
    },
    /// The latest such weekday on or before publication.
    Weekday(Weekday),
    /// The calendar month before the publication's month.
    LastMonth,
    /// The weekend before publication (its Sunday, or the publication day on a Saturday),
    /// roughly: "this weekend", "на вихідних".
    Weekend,
}

impl DateKind {
    /// True for expressions that name a day on the calendar rather than count from context.
    pub fn is_absolute(&self) -> bool {
        matches!(
            self,
            DateKind::Day { .. } | DateKind::Month { .. } | DateKind::Year(_)
        )
    }
}

/// The dates an expression is resolved against.
#[derive(Clone, Copy, Debug, Default)]
pub struct Anchors {
    /// Publication date of the document.
    pub published: Option<Date>,
    /// Date of the incident told just before.
    pub previous: Option<Date>,
    /// A year the document states, used when there is no publication date.
    pub year_hint: Option<i16>,
}

/// A resolved date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The day (first day of the period for coarser precision).
    pub date: Date,
    /// How exactly it is known.
    pub precision: TimePrecision,
}

/// The day `expr` means, or `None` if it cannot be placed or lies after publication.
pub fn resolve(expr: &DateExpr, anchors: &Anchors) -> Option<Resolved> {
    let resolved = resolve_unchecked(expr.kind, anchors)?;
    match anchors.published {
        Some(p) if resolved.date > p => None,
        _ => Some(resolved),
    }
}

fn resolve_unchecked(kind: DateKind, a: &Anchors) -> Option<Resolved> {
    let day = |date, precision| Some(Resolved { date, precision });
    let base_year = a.published.map(|p| p.year()).or(a.year_hint);
    match kind {
        DateKind::Day {
            year,
            month,
            day: d,
        } => {
            let date = match year {
                Some(y) => Date::new(y, month, d).ok()?,
                None => latest_on_or_before(base_year?, month, d, a.published)?,
            };
            day(date, TimePrecision::Day)
        }
        DateKind::Month { year, month } => {
            let date = match year {
                Some(y) => Date::new(y, month, 1).ok()?,
                None => latest_on_or_before(base_year?, month, 1, a.published)?,
            };
            day(date, TimePrecision::Month)
        }
        DateKind::Year(y) => day(Date::new(y, 1, 1).ok()?, TimePrecision::Month),
        DateKind::FromPublication { days, precision } => {
            day(a.published?.checked_add(days.days()).ok()?, precision)
        }
        DateKind::FromPrevious { days } => {
            let base = a.previous.or(a.published)?;
            day(base.checked_add(days.days()).ok()?, TimePrecision::Day)
        }
        DateKind::Weekday(w) => {
            let p = a.published?;
            let back =
                (p.weekday().to_monday_zero_offset() - w.to_monday_zero_offset()).rem_euclid(7);
            day(
                p.checked_sub(i32::from(back).days()).ok()?,
                TimePrecision::Day,
            )
        }
        DateKind::Weekend => {
            let p = a.published?;
            let back = match p.weekday() {
                Weekday::Saturday => 0,
                w => (w.to_monday_zero_offset() - Weekday::Sunday.to_monday_zero_offset()).rem_euclid(7),
            };
            day(p.checked_sub(i32::from(back).days()).ok()?, TimePrecision::Week)
        }
        DateKind::LastMonth => {
            let p = a.published?.first_of_month();
            day(p.checked_sub(1.month()).ok()?, TimePrecision::Month)
        }
    }
}

/// The latest `month`/`day` on or before `published` (or in `year` if there is none); `None`
/// for a day up to 60 days after publication, which the text mentions as a plan.
fn latest_on_or_before(year: i16, month: i8, day: i8, published: Option<Date>) -> Option<Date> {
    let this_year = Date::new(year, month, day).ok()?;
    match published {
        // a day shortly after publication is a plan ("by March 15"), not an incident
        Some(p) if this_year > p && this_year <= p.checked_add(60.days()).ok()? => None,
        Some(p) if this_year > p => Date::new(year - 1, month, day).ok(),
        _ => Some(this_year),
    }
}

/// Month number from a month word in any of the three languages and their case forms.
fn month_number(word: &str) -> Option<i8> {
    let w = litopys_gazetteer::normalize(word);
    const STEMS: &[(&str, i8)] = &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
        ("січ", 1),
        ("лют", 2),
        ("берез", 3),
        ("квіт", 4),
        ("трав", 5),
        ("черв", 6),
        ("лип", 7),
        ("серп", 8),
        ("верес", 9),
        ("жовт", 10),
        ("листопад", 11),
        ("груд", 12),
        ("январ", 1),
        ("феврал", 2),
        ("март", 3),
        ("апрел", 4),
        ("ма", 5),
        ("июн", 6),
        ("июл", 7),
        ("август", 8),
        ("сентябр", 9),
        ("октябр", 10),
        ("ноябр", 11),
        ("декабр", 12),
    ];
    STEMS
        .iter()
        .find(|(s, _)| w.starts_with(s))
        .map(|&(_, m)| m)
}

const MONTH: &str = r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|січ(?:ня|ень|ні)|лют(?:ого|ий|ому)|берез(?:ня|ень|ні)|квіт(?:ня|ень|ні)|трав(?:ня|ень|ні)|черв(?:ня|ень|ні)|лип(?:ня|ень|ні)|серп(?:ня|ень|ні)|верес(?:ня|ень|ні)|жовт(?:ня|ень|ні)|листопад(?:а|і)?|груд(?:ня|ень|ні)|январ[яье]|феврал[яье]|март[ае]?|апрел[яье]|ма[яйе]|июн[яье]|июл[яье]|август[ае]?|сентябр[яье]|октябр[яье]|ноябр[яье]|декабр[яье])\b\.?)";

/// English weekday names.
const EN_DAY: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/// Ukrainian and Russian weekday names in the cases that follow "last", "on the night to" and
/// parts of day (accusative and genitive).
const UK_RU_DAY: &str = "понеділ(?:ок|ка)|вівтор(?:ок|ка)|серед(?:у|и)|четвер(?:га)?|п['’]ятниц(?:ю|і)|субот(?:у|и)|неділ(?:ю|і)|понедельни(?:к|ка)|вторни(?:к|ка)|сред(?:у|ы)|четверг(?:а)?|пятниц(?:у|ы)|суббот(?:у|ы)|воскресень(?:е|я)";

type Build = fn(&Captures) -> Option<DateKind>;

/// The patterns, each compiled when a text first matches it (see [`crate::gated::LazyRegex`]).
fn patterns() -> &'static [(LazyRegex, Build)] {
    static P: OnceLock<Vec<(LazyRegex, Build)>> = OnceLock::new();
    P.get_or_init(|| {
        let year_word = r"(?:\s*(?:року|році|рік|р\.|года|году|г\.))?";
        let raw: Vec<(String, Build)> = vec![
            (r"\b(\d{4})-(\d{2})-(\d{2})\b".into(), |c| day(Some(num(c, 1)?), num(c, 2)?, num(c, 3)?)),
            (r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b".into(), |c| day(Some(num(c, 3)?), num(c, 2)?, num(c, 1)?)),
            (
                format!(r"\b(\d{{1,2}})(?:st|nd|rd|th|-го|-е)?\s+(?:of\s+)?({MONTH})(?:,?\s+((?:19|20)\d{{2}}){year_word})?"),
                |c| day(opt_num(c, 3), month_number(c.get(2)?.as_str())?, num(c, 1)?),
            ),
            (
                format!(r"\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d{{2}})\b)?(?:\s+of\s+(this|last)\s+year)?"),
                |c| {
                    let month = month_number(c.get(1)?.as_str())?;
                    let d = num(c, 2)?;
                    match c.get(4).map(|m| m.as_str().to_lowercase()) {
                        Some(_) => day(None, month, d), // "of this year": the latest such day is it
                        None => day(opt_num(c, 3), month, d),
                    }
                },
            ),
            (
                // a night between two days is dated to the second: "в ночь с 24 на 25 декабря",
                // "у ніч з 24 на 25 грудня", "on the night of 24 to 25 December"
                format!(r"\b(?:(?:в|у)\s+ноч[ьі]\s+(?:с|з|із)|(?:on\s+)?the\s+night\s+(?:of|from))\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:на|to|into)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})(?:,?\s+((?:19|20)\d{{2}}){year_word})?"),
                |c| day(opt_num(c, 4), month_number(c.get(3)?.as_str())?, num(c, 2)?),
            ),
            (
                format!(r"\b(?:last|this past|минулого|прошлого)\s+({MONTH})\b"),
                |c| Some(DateKind::Month { year: None, month: month_number(c.get(1)?.as_str())? }),
            ),
            (
                format!(r"\b(?:(?:in|since|during|early|late|у|в|на початку|наприкінці|в начале|в конце)\s+|mid-)({MONTH})(?:\s+(?:of\s+)?((?:19|20)\d{{2}}){year_word})?"),
                |c| Some(DateKind::Month { year: opt_num(c, 2), month: month_number(c.get(1)?.as_str())? }),
            ),
            (
                r"\b(?:in|back in|since|during|у|в|з|с)\s+((?:19|20)\d{2})\b(?:\s*(?:році|року|р\.|году|года|г\.))?".into(),
                |c| Some(DateKind::Year(num(c, 1)?)),
            ),
            (
                // "Thirty-three years ago today", "35 лет назад", "30 років тому": history
                r"\b([\w-]+)\s+(?:years?\s+ago|років\s+тому|роки\s+тому|рік\s+тому|лет\s+назад|года\s+назад|год\s+назад)(?:\s+today|\s+сьогодні|\s+сегодня)?\b".into(),
                |c| {
                    let years = count(c.get(1)?.as_str())?;
                    Some(DateKind::FromPublication { days: -365 * years, precision: TimePrecision::Month })
                },
            ),
            (r"(?i)\bthe day before yesterday\b|\bпозавчора\b|\bпозавчера\b".into(), |_| from_pub(-2, TimePrecision::Day)),
            (
                // the adjectives first: word edges are checked after matching, and "вчера" would
                // take the start of "вчерашней" and hide it
                // ("зі вчорашнього дня", "со вчерашнего дня": since yesterday, not on it)
                r"\b(?:(зі|з|із|со|с)\s+)?(?:вчорашн[а-яії]*|учорашн[а-яії]*|вчерашн[а-я]*)|\byesterday\b|\bвчора\b|\bучора\b|\bвчера\b".into(),
                |c| if c.get(1).is_some() { None } else { from_pub(-1, TimePrecision::Day) },
            ),
            (
                // a morning report's "past day": what it tells happened the day before
                r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:24\s+hours|day)\b|\b(?:за|протягом)\s+(?:минулу|останню|минулої|останньої)\s+доб[уи]\b|\bминулої доби\b|\bза\s+(?:прошедшие|минувшие|последние)\s+сутки\b".into(),
                |_| from_pub(-1, TimePrecision::Day),
            ),
            (r"\btoday\b|\bthis morning\b|\bearlier today\b|\bсьогодні\b|\bсегодня\b".into(), |_| from_pub(0, TimePrecision::Day)),
            // the night that ended the morning a report is written: ACLED dates an overnight
            // attack by that morning, as "в ночь с 24 на 25 декабря" is the 25th
            (r"\blast night\b|\bминулої ночі\b|\bпрошлої ночі\b|\bпрошлой ночью\b|\bминувшей ночью\b".into(), |_| from_pub(0, TimePrecision::Day)),
            (
                r"\b(?:the\s+)?(?:next|following)\s+(?:day|morning)\b|\ba day later\b|\b(?:the|a)\s+day\s+after\s+(?:the|a|an)\b|\bнаступного дня\b|\bнаступного ранку\b|\bна следующий день\b|\bна следующее утро\b".into(),
                |_| Some(DateKind::FromPrevious { days: 1 }),
            ),
            (
                r"\b(\w+)\s+days?\s+(?:later|afterwards|after that)\b|\b(?:через|спустя)\s+(\w+)\s+(?:дні|днів|дня|дней|день)\b".into(),
                |c| Some(DateKind::FromPrevious { days: count(c.get(1).or(c.get(2))?.as_str())? }),
            ),
            (
                // "two days earlier", "за два дні до цього", "двумя днями ранее"
                r"\b(\w+)\s+days?\s+(?:earlier|before that|before)\b|\bза\s+(\w+)\s+(?:дні|днів|дня|дней)\s+до\s+(?:цього|того|этого)\b|\b(\w+)\s+днями\s+(?:раніше|ранее)\b".into(),
                |c| Some(DateKind::FromPrevious { days: -count(c.get(1).or(c.get(2)).or(c.get(3))?.as_str())? }),
            ),
            (
                // the day before, told in other words: "the previous evening", "днем ранее"
                r"\bthe previous (?:evening|night|morning|afternoon)\b|\bthe (?:evening|night) before\b|\bднем ранее\b|\bднём ранее\b|\bднем раньше\b|\bднем раніше\b|\bза день до (?:цього|того|этого)\b|\bнапередодні ввечері\b|\bнакануне вечером\b".into(),
                |_| Some(DateKind::FromPrevious { days: -1 }),
            ),
            (
                // the next day with a particle or a part of day: "наступного ж дня", "на следующий же день", "the following evening"
                r"\bнаступного ж (?:дня|ранку|вечора)\b|\bнаступного (?:ранку|вечора)\b|\bна следующий же день\b|\bследующим (?:утром|вечером)\b|\bthe (?:next|following) (?:evening|night|afternoon)\b".into(),
                |_| Some(DateKind::FromPrevious { days: 1 }),
            ),
            (
                r"\b(?:on\s+)?(?:the|that)\s+same\s+day\b|\bthat day\b|\bтого ж дня\b|\bтого самого дня\b|\bв той же день\b|\bв тот же день\b|\bтем же днем\b".into(),
                |_| Some(DateKind::FromPrevious { days: 0 }),
            ),
            (
                r"\bthe (?:day before|previous day)\b|\ba day (?:earlier|before)\b|\bнапередодні\b|\bнакануне\b".into(),
                |_| Some(DateKind::FromPrevious { days: -1 }),
            ),
            (
                r"\b(\w+)\s+days?\s+ago\b|\b(\w+)\s+(?:дні|днів|дня|дней)\s+(?:тому|назад)\b".into(),
                |c| from_pub(-count(c.get(1).or(c.get(2))?.as_str())?, TimePrecision::Day),
            ),
            (
                r"\blast week\b|\ba week ago\b|\bearlier this week\b|\bthis week\b|\ba few days ago\b|\brecently\b|\bминулого тижня\b|\bтиждень тому\b|\bцього тижня\b|\bднями\b|\bна прошлой неделе\b|\bнеделю назад\b|\bна этой неделе\b|\bна днях\b".into(),
                |c| {
                    let w = c.get(0)?.as_str().to_lowercase();
                    let this_week = w.contains("this") || w.contains("цього") || w.contains("этой") || w.contains("few") || w.contains("днями") || w.contains("днях") || w.contains("recently");
                    from_pub(if this_week { -3 } else { -7 }, TimePrecision::Week)
                },
            ),
            (
                r"\b(?:over|at|on) the weekend\b|\b(?:this|last) weekend\b|\bна вихідних\b|\bу вихідні\b|\bна выходных\b|\bв выходные\b".into(),
                |_| Some(DateKind::Weekend),
            ),
            (
                r"\ba month ago\b|\bмісяць тому\b|\bмесяц назад\b".into(),
                |_| from_pub(-30, TimePrecision::Month),
            ),
            (r"\blast month\b|\bминулого місяця\b|\bв прошлом месяце\b".into(), |_| Some(DateKind::LastMonth)),
            (
                r"\b(?:on|last|this|earlier|early|late)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:у|в|во)\s+(понеділок|вівторок|середу|четвер|п'ятницю|п’ятницю|суботу|неділю|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b".into(),
                |c| Some(DateKind::Weekday(weekday(c.get(1).or(c.get(2))?.as_str())?)),
            ),
            (
                // a weekday with a part of day, or named by who said what on it: "Sunday morning",
                // "police said Monday", "минулого четверга", "ввечері п'ятниці", "утром воскресенья",
                // "в ночь на субботу", "в прошлую субботу"
                format!(r"\b({EN_DAY})\s+(?:morning|afternoon|evening|night)\b|\b(?:said|reported|announced|told|confirmed|stated|wrote)\s+({EN_DAY})\b|\b(?:минулого|минулої|цього|цієї|прошлого|прошлой|этого|этой|в прошлую|в прошлый|в эту|в этот|у минулу|у минулий|в минулу|в минулий)\s+({UK_RU_DAY})\b|\b(?:ввечері|увечері|вранці|уранці|зранку|вночі|уночі|вдень|удень|утром|вечером|ночью|днем|днём)\s+({UK_RU_DAY})\b|\b(?:у|в)\s+ніч\s+(?:на|проти)\s+({UK_RU_DAY})\b|\bв\s+ночь\s+на\s+({UK_RU_DAY})\b"),
                |c| Some(DateKind::Weekday(weekday((1..=6).find_map(|i| c.get(i))?.as_str())?)),
            ),
        ];
        // Word boundaries are checked by hand after matching (see `at_word_edges`): a `\b` in
        // a pattern makes the regex engine give up its fast DFA on Cyrillic text.
        raw.into_iter()
            .map(|(re, build)| (LazyRegex::new(format!("(?i){}", re.replace(r"\b", ""))).expect("static date regex"), build))
            .collect()
    })
}

/// All patterns in one set, to learn in one pass which of them match a text at all.
fn pattern_set() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        // The union of twenty case-insensitive patterns over three alphabets has many DFA
        // states; with the default 2 MB cache the lazy DFA kept clearing it and building the
        // same states again (a third of all extraction time). 32 MB holds them all.
        RegexSetBuilder::new(patterns().iter().map(|(re, _)| re.as_str()))
            .dfa_size_limit(32 << 20)
            .build()
            .expect("static date regex set")
    })
}

fn num<T: std::str::FromStr>(c: &Captures, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

fn opt_num(c: &Captures, i: usize) -> Option<i16> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

fn day(year: Option<i16>, month: i8, d: i8) -> Option<DateKind> {
    // reject impossible days now, so that "45 March" is not a date at all
    Date::new(year.unwrap_or(2024), month, d).ok()?;
    Some(DateKind::Day {
        year,
        month,
        day: d,
    })
}

fn from_pub(days: i32, precision: TimePrecision) -> Option<DateKind> {
    Some(DateKind::FromPublication { days, precision })
}

fn count(word: &str) -> Option<i32> {
    if let Ok(n) = word.parse::<i32>() {
        return (n < 400).then_some(n);
    }
    let w = litopys_gazetteer::normalize(word);
    if w == "a" || w == "one" {
        return Some(1);
    }
    crate::numbers::find(&w).first().map(|c| c.value as i32)
}

pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let w = litopys_gazetteer::normalize(word);
    let table: &[(&str, Weekday)] = &[
        ("mon", Weekday::Monday),
        ("tue", Weekday::Tuesday),
        ("wed", Weekday::Wednesday),
        ("thu", Weekday::Thursday),
        ("fri", Weekday::Friday),
        ("sat", Weekday::Saturday),
        ("sun", Weekday::Sunday),
        ("понеділ", Weekday::Monday),
        ("вівтор", Weekday::Tuesday),
        ("серед", Weekday::Wednesday),
        ("четвер", Weekday::Thursday),
        ("п'ятниц", Weekday::Friday),
        ("субот", Weekday::Saturday),
        ("неділ", Weekday::Sunday),
        ("понедельн", Weekday::Monday),
        ("вторн", Weekday::Tuesday),
        ("сред", Weekday::Wednesday),
        ("пятниц", Weekday::Friday),
        ("суббот", Weekday::Saturday),
        ("воскрес", Weekday::Sunday),
    ];
    table
        .iter()
        .find(|(p, _)| w.starts_with(p))
        .map(|&(_, d)| d)
}

/// Every date expression in `text`, in order; where two overlap the longer wins.
pub fn find(text: &str) -> Vec<DateExpr> {
    let mut found: Vec<(usize, DateExpr)> = Vec::new();
    let matching = pattern_set().matches(text);
    for (rank, (re, build)) in patterns().iter().enumerate() {
        if !matching.matched(rank) {
            continue;
        }
        for c in re.get().captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            if !at_word_edges(text, m.start(), m.end()) {
                continue;
            }
            if starts_a_period(text, m.start(), m.end()) {
                continue;
            }
            if let Some(kind) = build(&c) {
                found.push((
                    rank,
                    DateExpr {
                        span: Span::new(m.start(), m.end()),
                        kind,
                    },
                ));
            }
        }
    }
    found.sort_by_key(|(rank, e)| (e.span.start, std::cmp::Reverse(e.span.end), *rank));
    let mut out: Vec<DateExpr> = Vec::new();
    for (_, e) in found {
        if out.last().is_some_and(|last| last.span.overlaps(&e.span)) {
            continue;
        }
        out.push(e);
    }
    out
}

/// True when a date opens a period rather than naming a day: "for the fourth time since July
/// 22", "since July", "починаючи з 1 березня", "начиная с 5 марта". The incident told with it
/// happened later, on a day the text tells elsewhere or not at all.
fn starts_a_period(text: &str, start: usize, end: usize) -> bool {
    let matched = text[start..end].to_lowercase();
    if matched.starts_with("since ") {
        return true;
    }
    let mut from = start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start].trim_end().to_lowercase();
    ["since", "починаючи з", "починаючи із", "начиная с", "начиная со"]
        .iter()
        .any(|w| before.strip_suffix(w).is_some_and(|rest| !rest.ends_with(litopys_gazetteer::chars::is_alphanumeric)))
}

/// True unless the match starts or ends inside a word.
fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(litopys_gazetteer::chars::is_alphanumeric);
    let (first, last) = (
        text[start..end].chars().next(),
        text[start..end].chars().next_back(),
    );
    let (before, after) = (
        text[..start].chars().next_back(),
        text[end..].chars().next(),
    );
    !(alnum(first) && alnum(before)) && !(alnum(last) && alnum(after))
}

/// The latest year written out in `text` (1990–2100), a fallback when a document has no date.
pub fn year_hint(exprs: &[DateExpr]) -> Option<i16> {
    exprs.iter().rev().find_map(|e| match e.kind {
        DateKind::Day { year: Some(y), .. }
        | DateKind::Month { year: Some(y), .. }
        | DateKind::Year(y) => Some(y),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn every_pattern_compiles() {
        // they are compiled on first use; the set holds them all
        assert!(patterns().iter().all(|(re, _)| re.compiles()));
        assert_eq!(pattern_set().len(), patterns().len());
    }

    /// Resolves the first expression in `text` published on `published`, after an incident on
    /// `previous`, to `(YYYY-MM-DD, precision)`.
    fn check(text: &str, published: &str, previous: Option<&str>, expected: Option<(&str, u8)>) {
        let anchors = Anchors {
            published: Some(published.parse().unwrap()),
            previous: previous.map(|p| p.parse().unwrap()),
            year_hint: None,
        };
        let exprs = find(text);
        let got = exprs
            .first()
            .and_then(|e| resolve(e, &anchors))
            .map(|r| (r.date.to_string(), r.precision as u8));
        assert_eq!(
            got.as_ref().map(|(d, p)| (d.as_str(), *p)),
            expected,
            "{text:?}: {exprs:?}"
        );
    }

    #[test]
    fn absolute_english() {
        // phrasing as in English-language news reports; written for litopys
        check(
            "On February 23, in Vinnytsia",
            "2026-03-02",
            None,
            Some(("2026-02-23", 1)),
        );
        check(
            "on 23 February 2026 residents",
            "2026-03-02",
            None,
            Some(("2026-02-23", 1)),
        );
        check(
            "March 3 of this year",
            "2026-03-10",
            None,
            Some(("2026-03-03", 1)),
        );
        check(
            "on 2026-02-23 at noon",
            "2026-03-02",
            None,
            Some(("2026-02-23", 1)),
        );
        check("on 23.02.2026", "2026-03-02", None, Some(("2026-02-23", 1)));
        check(
            "On the night of February 25, unknown persons",
            "2026-03-02",
            None,
            Some(("2026-02-25", 1)),
        );
        // December in a report published in January is last year's December
        check(
            "On December 30, a crowd",
            "2026-01-05",
            None,
            Some(("2025-12-30", 1)),
        );
    }

    #[test]
    fn a_reports_past_day_is_the_day_before_publication() {
        check("over the past 24 hours, authorities said", "2025-09-05", None, Some(("2025-09-04", 1)));
        check("In the past day, two people were hurt", "2025-09-05", None, Some(("2025-09-04", 1)));
        check("За минулу добу ворог обстріляв громаду", "2025-09-05", None, Some(("2025-09-04", 1)));
        check("Протягом минулої доби поранено трьох", "2025-09-05", None, Some(("2025-09-04", 1)));
        check("за прошедшие сутки сбиты дроны", "2025-09-05", None, Some(("2025-09-04", 1)));
        // a day's count is no period ("за сутки" alone in a tally of losses)
        check("потери за сутки составили", "2025-09-05", None, None);
    }

    #[test]
    fn relative_english() {
        check(
            "The next day, in Uzhhorod",
            "2026-03-02",
            Some("2026-02-23"),
            Some(("2026-02-24", 1)),
        );
        check(
            "Two days later, workers",
            "2026-03-02",
            Some("2026-02-26"),
            Some(("2026-02-28", 1)),
        );
        check(
            "The same day, a court",
            "2026-03-02",
            Some("2026-02-28"),
            Some(("2026-02-28", 1)),
        );
        check(
            "the day before, police",
            "2026-03-02",
            Some("2026-02-28"),
            Some(("2026-02-27", 1)),
        );
        check(
            "Yesterday a crowd gathered",
            "2026-03-02",
            None,
            Some(("2026-03-01", 1)),
        );
        check(
            "last week, residents",
            "2026-03-02",
            None,
            Some(("2026-02-23", 2)),
        );
        check("a month ago", "2026-03-02", None, Some(("2026-01-31", 3)));
        check(
            "for hitting an officer last December",
            "2026-03-02",
            None,
            Some(("2025-12-01", 3)),
        );
        check("back in 2023", "2026-03-02", None, Some(("2023-01-01", 3)));
        check("in February", "2026-03-02", None, Some(("2026-02-01", 3)));
        check("on Sunday", "2026-03-02", None, Some(("2026-03-01", 1)));
        check("3 days ago", "2026-03-02", None, Some(("2026-02-27", 1)));
    }

    #[test]
    fn ukrainian_and_russian() {
        // phrasing as in Ukrainian and Russian posts; written for litopys
        check(
            "Інцидент стався 9 лютого близько 18:00",
            "2026-02-10",
            None,
            Some(("2026-02-09", 1)),
        );
        check(
            "9 февраля 2026 года",
            "2026-02-10",
            None,
            Some(("2026-02-09", 1)),
        );
        check(
            "19 січня 2026 р.",
            "2026-02-10",
            None,
            Some(("2026-01-19", 1)),
        );
        check("Учора ввечері", "2026-02-10", None, Some(("2026-02-09", 1)));
        check(
            "Вчера вечером в Кривом Роге",
            "2026-02-11",
            None,
            Some(("2026-02-10", 1)),
        );
        check("напередодні", "2026-02-11", None, Some(("2026-02-10", 1)));
        check(
            "Накануне, 18 января",
            "2026-01-20",
            Some("2026-01-19"),
            Some(("2026-01-18", 1)),
        );
        check(
            "Сьогодні близько 18:00",
            "2026-02-09",
            None,
            Some(("2026-02-09", 1)),
        );
        check("на вихідних", "2026-02-10", None, Some(("2026-02-08", 2)));
        check("на выходных", "2026-02-10", None, Some(("2026-02-08", 2)));
        // the Sunday just before a Monday's report, the day itself on a Saturday
        check("this weekend", "2025-02-03", None, Some(("2025-02-02", 2)));
        check("over the weekend", "2025-02-01", None, Some(("2025-02-01", 2)));
        check(
            "наступного дня",
            "2026-02-10",
            Some("2026-02-03"),
            Some(("2026-02-04", 1)),
        );
        check(
            "на следующий день",
            "2026-02-10",
            Some("2026-02-03"),
            Some(("2026-02-04", 1)),
        );
        check("у лютому", "2026-03-10", None, Some(("2026-02-01", 3)));
        check("в январе", "2026-03-10", None, Some(("2026-01-01", 3)));
        check("у неділю", "2026-02-10", None, Some(("2026-02-08", 1)));
        check(
            "В субботу в Одессе",
            "2026-07-20",
            None,
            Some(("2026-07-18", 1)),
        );
        check("в пятницу", "2026-07-20", None, Some(("2026-07-17", 1)));
        check(
            "через два дні",
            "2026-02-10",
            Some("2026-02-03"),
            Some(("2026-02-05", 1)),
        );
        check("у 2023 році", "2026-02-10", None, Some(("2023-01-01", 3)));
    }

    #[test]
    fn weekdays_parts_of_day_and_days_earlier() {
        // phrasing as in real reports of the development set; written for litopys
        check(
            "police said Monday",
            "2026-03-04",
            None,
            Some(("2026-03-02", 1)),
        );
        check("late Saturday", "2026-03-02", None, Some(("2026-02-28", 1)));
        check(
            "Sunday morning",
            "2026-03-04",
            None,
            Some(("2026-03-01", 1)),
        );
        check(
            "минулого четверга",
            "2026-03-09",
            None,
            Some(("2026-03-05", 1)),
        );
        check(
            "ввечері п'ятниці",
            "2026-03-09",
            None,
            Some(("2026-03-06", 1)),
        );
        check(
            "у ніч на неділю",
            "2026-03-09",
            None,
            Some(("2026-03-08", 1)),
        );
        check(
            "в прошлую субботу",
            "2026-03-09",
            None,
            Some(("2026-03-07", 1)),
        );
        check(
            "утром воскресенья",
            "2026-03-09",
            None,
            Some(("2026-03-08", 1)),
        );
        check(
            "Two days earlier",
            "2026-03-10",
            Some("2026-03-09"),
            Some(("2026-03-07", 1)),
        );
        check(
            "за два дні до цього",
            "2026-03-10",
            Some("2026-03-09"),
            Some(("2026-03-07", 1)),
        );
        check(
            "Днем ранее",
            "2026-03-10",
            Some("2026-03-09"),
            Some(("2026-03-08", 1)),
        );
        check(
            "on the previous evening",
            "2025-12-04",
            Some("2025-12-04"),
            Some(("2025-12-03", 1)),
        );
        check(
            "Наступного ж дня",
            "2025-02-05",
            Some("2025-02-01"),
            Some(("2025-02-02", 1)),
        );
        check(
            "во время вчерашней драки",
            "2026-02-25",
            None,
            Some(("2026-02-24", 1)),
        );
        // years ago is history, whatever "today" follows it (counted in 365-day years: a month
        // precision covers the leap days)
        check("Thirty-three years ago today, students began", "2024-08-24", None, Some(("1991-09-02", 3)));
        check("35 лет назад площадь была полна", "2025-10-18", None, Some(("1990-10-27", 3)));
        // a night between two days is the second day
        check("Случай произошел в ночь с 24 на 25 декабря.", "2023-12-30", None, Some(("2023-12-25", 1)));
        check("Вибух стався у ніч з 8 на 9 березня", "2026-03-10", None, Some(("2026-03-09", 1)));
        check("on the night of 8 to 9 March", "2026-03-10", None, Some(("2026-03-09", 1)));
        // a date that opens a period is no day of an incident
        check("for the fourth time since July 22 to protest", "2025-07-25", None, None);
        check("протести тривають починаючи з 22 липня", "2025-07-25", None, None);
        // "since yesterday" is not a day
        check(
            "зі вчорашнього дня залишаються під землею",
            "2020-12-09",
            None,
            None,
        );
    }

    /// The first date expression in `text` is a report date.
    fn report(text: &str) -> bool {
        let e = find(text).into_iter().next().expect("a date");
        is_report_date(text, e.span)
    }

    #[test]
    fn report_dates_and_datelines() {
        // written for litopys
        assert!(report(
            "The regional command reported on Dec. 4 that an officer had died."
        ));
        assert!(report(
            "Про це повідомила 8 серпня пресслужба обласного ТЦК."
        ));
        assert!(report(
            "Инцидент произошел в городе, сообщили в полиции области 7 февраля."
        ));
        assert!(report("Про це 15 січня повідомив обласний ТЦК."));
        assert!(report(
            "Президент 23 июля заявил, что видит реакцию общества."
        ));
        // the date of what was said is the incident's
        assert!(!report(
            "Police said one person was wounded on Sunday by a blast."
        ));
        assert!(!report(
            "ТЦК повідомив, що 28 січня чоловік напав на військового."
        ));
        assert!(!report(
            "Как сообщила областная прокуратура, 14 августа мужчина напал на полицейского."
        ));
        assert!(!report("The police said the attack happened on May 3."));
        // datelines and bylines
        assert!(report("Title\n15:05, 29 січня 2026\nБody"));
        assert!(report(
            "Title\nby Staff Reporter May 18, 2024 8:11 PM 1 min read\nBody"
        ));
        assert!(report("Title\nСуббота 16 августа 2025 14:06\nBody"));
        assert!(report("Дата публікації: 8 серпня 2025 14:43"));
        // a date in figures that opens the page, before the headline
        assert!(report("28.09.2025 У Тернополі водій збив двох військових"));
        assert!(report("date 2025-09-28 В Ужгороді палає склад"));
        assert!(!report("9 березня натовп відбив чоловіка у Луцьку"));
        assert!(!report("On 2026-02-23, unknown persons set fire to a car."));
        assert!(!report(
            "On 9 March a crowd freed a man from the recruiters in Lutsk."
        ));
    }

    #[test]
    fn future_and_impossible_dates_are_not_incident_dates() {
        check(
            "Management promised to pay by March 15",
            "2026-03-02",
            None,
            None,
        );
        check("45 March", "2026-03-02", None, None);
        assert!(find("Nothing to see here.").is_empty());
        let _ = date(2026, 1, 1);
    }
}
