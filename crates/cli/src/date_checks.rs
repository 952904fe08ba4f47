//! Relative dates that disagree with the text: warnings a person sees at the default verbosity.
//!
//! # Design
//!
//! "Yesterday", "on Monday", "last week" count from the publication date; when that date is
//! wrong (a `--published` given for a whole folder, a dateline misread) every such incident is
//! misdated, silently. The text itself often says otherwise: it names days of its own. So,
//! after extraction, two checks, each a warning with its evidence (the words and where they
//! stand):
//!
//! * an incident dated by an expression counted from the publication date (`yesterday`, a
//!   weekday, `last week`, `last month`) to a day before every calendar day the text names
//!   ("18 March": a day without a year is read in the publication's year; the report's own
//!   dateline or "said on 3 March" is not such a day). Expressions counted
//!   from another incident ("the day before") are left out: they fall before the day they
//!   count from by design;
//! * an expression counted from the incident told before it ("two days later", "наступного
//!   дня") that lands after the publication date: extraction cannot use such a day, and the
//!   publication date or the earlier incident's date is likely wrong.
//!
//! Checks read only the text and the incidents extraction returned, and only for a report
//! with an incident dated by a relative expression (a second pass of the date patterns over
//! the text costs about a sixth of extraction); they change no value.

use jiff::civil::Date;
use litopys_extract::dates::{self, DateExpr, DateKind};
use litopys_model::{Document, Incident};

/// The warnings for `doc`'s extraction, each a line without the `litopys: ` prefix.
pub fn warnings(doc: &Document, incidents: &[Incident]) -> Vec<String> {
    let Some(published) = doc.published else {
        return Vec::new();
    };
    // the text is read again only where some incident is dated by a relative expression
    let relative = |i: &Incident| {
        i.evidence.iter().any(|e| {
            e.field == "event_date" && dates::find(&e.text).iter().any(|x| !x.kind.is_absolute())
        })
    };
    if !incidents.iter().any(relative) {
        return Vec::new();
    }
    let exprs = dates::find(&doc.text);
    let mut out = Vec::new();
    // the days the text names, less the report's own ("March 3, 2026 10:15 AM" under a headline)
    let own_days: Vec<(Date, &DateExpr)> = exprs
        .iter()
        .filter(|e| !dates::is_report_date(&doc.text, e.span))
        .filter_map(|e| calendar_day(e, published).map(|d| (d, e)))
        .collect();
    let earliest = own_days.iter().min_by_key(|(d, _)| *d);
    for incident in incidents {
        let Some(ev) = incident.evidence.iter().find(|e| e.field == "event_date") else {
            continue;
        };
        let Some(expr) = exprs.iter().find(|e| e.span.start == ev.start) else {
            continue;
        };
        if !counts_from_publication(expr.kind) {
            continue;
        }
        if let Some((day, named)) = earliest {
            if incident.event_date < *day {
                out.push(format!(
                    "{}: warning: \"{}\" (byte {}) dates an incident {} counting from the publication date {published}, before every day the text names (the earliest, \"{}\" at byte {}, is {day}): check the publication date",
                    doc.id,
                    ev.text,
                    ev.start,
                    incident.event_date,
                    named.span.text(&doc.text),
                    named.span.start,
                ));
            }
        }
    }
    for expr in &exprs {
        let DateKind::FromPrevious { days } = expr.kind else {
            continue;
        };
        // the incident told just before the expression, as extraction anchors it
        let previous = incidents
            .iter()
            .filter_map(|i| {
                i.evidence
                    .iter()
                    .find(|e| e.field == "event_date")
                    .map(|e| (e.start, i.event_date))
            })
            .filter(|(start, _)| *start < expr.span.start)
            .max_by_key(|(start, _)| *start)
            .map(|(_, d)| d);
        let Some(day) = previous
            .unwrap_or(published)
            .checked_add(jiff::Span::new().days(days))
            .ok()
        else {
            continue;
        };
        if day > published {
            let from = previous.map_or_else(
                || "the publication date".to_string(),
                |d| format!("the incident before it ({d})"),
            );
            out.push(format!(
                "{}: warning: \"{}\" (byte {}) counts from {from} to {day}, after the publication date {published}: check the publication date",
                doc.id,
                expr.span.text(&doc.text),
                expr.span.start,
            ));
        }
    }
    out
}

/// Prints [`warnings`] on stderr.
pub fn warn(doc: &Document, incidents: &[Incident]) {
    for w in warnings(doc, incidents) {
        eprintln!("litopys: {w}");
    }
}

/// True for expressions counted from the publication date.
fn counts_from_publication(kind: DateKind) -> bool {
    matches!(
        kind,
        DateKind::FromPublication { .. } | DateKind::Weekday(_) | DateKind::LastMonth | DateKind::Weekend
    )
}

/// The calendar day a day expression names: its own year, else the publication's.
fn calendar_day(e: &DateExpr, published: Date) -> Option<Date> {
    match e.kind {
        DateKind::Day { year, month, day } => {
            Date::new(year.unwrap_or(published.year()), month, day).ok()
        }
        _ => None,
    }
}
