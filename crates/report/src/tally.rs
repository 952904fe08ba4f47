//! Charts from counts tallied by the caller, for callers that hold many events as counts
//! rather than as [`crate::Entry`]s (the server's columns: a million events would otherwise be
//! a million cloned incidents per chart).
//!
//! The counts are those [`crate::Summary`] computes for its charts; `tests/render.rs`
//! checks that both ways draw the same SVG.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::ToSpan;
use litopys_model::EventType;

use crate::charts::Charts;
use crate::summary::{counts_of, week_start, Week};

/// What the charts count.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Events per day and event type, in any order, repeats added up.
    pub by_day: Vec<(Date, EventType, usize)>,
    /// Events per oblast, in any order; an empty name is left out.
    pub by_oblast: Vec<(String, usize)>,
}

/// The weekly chart and the oblast map (SVG) for the period `from..=to` from `tally`: the
/// same as [`crate::chart_svgs`] for the events tallied.
pub fn chart_svgs_tallied(from: Date, to: Date, tally: &Tally) -> (String, String) {
    let mut per_week: BTreeMap<Date, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    for (day, kind, n) in &tally.by_day {
        *per_week.entry(week_start(*day)).or_default().entry(kind.as_str()).or_default() += n;
        *per_type.entry(kind.as_str()).or_default() += n;
    }
    let mut weeks = Vec::new();
    let mut start = week_start(from);
    while start <= to {
        let counts = per_week.get(&start).map(|m| counts_of(m.iter().map(|(k, n)| (*k, *n)))).unwrap_or_default();
        weeks.push(Week { start: start.to_string(), counts });
        match start.checked_add(7.days()) {
            Ok(next) => start = next,
            Err(_) => break,
        }
    }
    let mut per_oblast: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, n) in &tally.by_oblast {
        *per_oblast.entry(name.as_str()).or_default() += n;
    }
    let by_type = counts_of(per_type.into_iter());
    let by_oblast = counts_of(per_oblast.into_iter());
    let c = Charts::from_counts(&weeks, &by_type, &by_oblast);
    (c.weekly, c.map)
}
