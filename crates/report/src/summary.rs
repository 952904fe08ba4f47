//! The numbers and lists a report shows, computed once for every template.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::ToSpan;
use serde::Serialize;

use crate::{GroupBy, Input};

/// What a template lays out.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// The report's title.
    pub title: String,
    /// "1 February 2026".
    pub period_from: String,
    /// "28 February 2026".
    pub period_to: String,
    /// Incidents in the period.
    pub n_incidents: usize,
    /// Incidents in the previous period of the same length.
    pub n_previous: usize,
    /// "up 3 (+60%) on the previous 28 days", or "no change ...".
    pub change: String,
    /// Injuries and deaths reported in the period.
    pub n_injured: u32,
    /// Deaths reported in the period.
    pub n_killed: u32,
    /// Incidents per ACLED event type, largest first.
    pub by_type: Vec<Count>,
    /// Incidents per sub-event type, largest first.
    pub by_sub_type: Vec<Count>,
    /// Incidents per oblast, largest first.
    pub by_oblast: Vec<Count>,
    /// Incidents per week (weeks start on Monday) and event type.
    pub by_week: Vec<Week>,
    /// The places with most incidents.
    pub top_places: Vec<Place>,
    /// Entries, grouped as asked (one group when not grouped).
    pub groups: Vec<Group>,
    /// The period's statistical figures.
    pub statistics: Vec<Figure>,
    /// How the report was made.
    pub methods: String,
}

/// A name and a count.
#[derive(Clone, Debug, Serialize)]
pub struct Count {
    /// The name.
    pub name: String,
    /// How many.
    pub n: usize,
}

/// One week's counts.
#[derive(Clone, Debug, Serialize)]
pub struct Week {
    /// Its Monday, YYYY-MM-DD.
    pub start: String,
    /// Count per event type.
    pub counts: Vec<Count>,
}

/// A place and its count.
#[derive(Clone, Debug, Serialize)]
pub struct Place {
    /// Settlement.
    pub location: String,
    /// Oblast.
    pub admin1: String,
    /// Incidents there.
    pub n: usize,
}

/// A group of entries.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// The group's heading; empty when not grouped.
    pub name: String,
    /// Its entries in date order.
    pub entries: Vec<EntryView>,
}

/// One incident as a report shows it.
#[derive(Clone, Debug, Serialize)]
pub struct EntryView {
    /// YYYY-MM-DD.
    pub date: String,
    /// The English sentence.
    pub sentence: String,
    /// Source links.
    pub links: Vec<String>,
    /// Review status.
    pub status: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
}

/// A statistical figure as shown.
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    /// What is counted.
    pub indicator: String,
    /// "19,850".
    pub value: String,
    /// "2026-02".
    pub period: String,
    /// Who the figure is attributed to.
    pub attributed_to: String,
    /// The report it came from.
    pub source: String,
}

fn long_date(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

fn counts<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Count> {
    let mut m: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        *m.entry(n).or_default() += 1;
    }
    counts_of(m.into_iter())
}

/// Counts of distinct names (empty ones left out), most first, then by name.
pub(crate) fn counts_of<'a>(named: impl Iterator<Item = (&'a str, usize)>) -> Vec<Count> {
    let mut v: Vec<Count> = named.filter(|(name, n)| !name.is_empty() && *n > 0).map(|(name, n)| Count { name: name.to_string(), n }).collect();
    v.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.name.cmp(&b.name)));
    v
}

/// The Monday of `d`'s week.
pub(crate) fn week_start(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(back.days()).unwrap_or(d)
}

fn thousands(v: f64) -> String {
    let n = v.round() as i64;
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

impl Summary {
    /// Computes everything a template shows.
    pub fn new(input: &Input, group_by: GroupBy) -> Summary {
        let mut entries: Vec<&crate::Entry> = input.entries.iter().collect();
        entries.sort_by(|a, b| a.incident.event_date.cmp(&b.incident.event_date).then_with(|| a.incident.location.cmp(&b.incident.location)));
        let incidents = || entries.iter().map(|e| &e.incident);
        let days = (input.to - input.from).get_days() + 1;
        Summary {
            title: input.title.clone().unwrap_or_else(|| format!("Incidents, {} – {}", long_date(input.from), long_date(input.to))),
            period_from: long_date(input.from),
            period_to: long_date(input.to),
            n_incidents: entries.len(),
            n_previous: input.previous.len(),
            change: change(entries.len(), input.previous.len(), days),
            n_injured: incidents().filter_map(|i| i.injuries).sum(),
            n_killed: incidents().map(|i| i.fatalities).sum(),
            by_type: counts(incidents().map(|i| i.event_type.as_str())),
            by_sub_type: counts(incidents().map(|i| i.sub_event_type.as_str())),
            by_oblast: counts(incidents().map(|i| i.admin1.as_str())),
            by_week: weeks(input, &entries),
            top_places: top_places(&entries),
            groups: groups(&entries, group_by),
            statistics: input
                .statistics
                .iter()
                .map(|s| Figure {
                    indicator: s.indicator.clone(),
                    value: match s.value_max {
                        Some(m) => format!("{}–{}", thousands(s.value), thousands(m)),
                        None => thousands(s.value),
                    },
                    period: s.period.clone(),
                    attributed_to: s.attributed_to.clone(),
                    source: s.source.clone(),
                })
                .collect(),
            methods: methods(input, &entries),
        }
    }
}

fn change(now: usize, before: usize, days: i32) -> String {
    let span = format!("the previous {days} days");
    match now.cmp(&before) {
        std::cmp::Ordering::Equal => format!("no change on {span} ({before})"),
        _ if before == 0 => format!("{now} against none in {span}"),
        ord => {
            let diff = now.abs_diff(before);
            let pct = diff as f64 * 100.0 / before as f64;
            let dir = if ord == std::cmp::Ordering::Greater { "up" } else { "down" };
            format!("{dir} {diff} ({pct:.0}%) on {span} ({before})")
        }
    }
}

fn weeks(input: &Input, entries: &[&crate::Entry]) -> Vec<Week> {
    let mut out = Vec::new();
    let mut start = week_start(input.from);
    while start <= input.to {
        let end = start.checked_add(6.days()).unwrap_or(start);
        let in_week = entries.iter().filter(|e| e.incident.event_date >= start && e.incident.event_date <= end);
        out.push(Week { start: start.to_string(), counts: counts(in_week.map(|e| e.incident.event_type.as_str())) });
        match start.checked_add(7.days()) {
            Ok(next) => start = next,
            Err(_) => break,
        }
    }
    out
}

fn top_places(entries: &[&crate::Entry]) -> Vec<Place> {
    let mut m: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for e in entries.iter().filter(|e| !e.incident.location.is_empty()) {
        *m.entry((e.incident.location.as_str(), e.incident.admin1.as_str())).or_default() += 1;
    }
    let mut v: Vec<Place> = m.into_iter().map(|((l, a), n)| Place { location: l.into(), admin1: a.into(), n }).collect();
    v.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.location.cmp(&b.location)));
    v.truncate(10);
    v
}

fn view(e: &crate::Entry) -> EntryView {
    let notes = e.incident.notes.as_str();
    let sentence = notes.find(" [size=").map_or(notes, |i| &notes[..i]).trim().to_string();
    EntryView {
        date: e.incident.event_date.to_string(),
        sentence,
        links: e.links.clone(),
        status: e.status.clone(),
        sub_event_type: e.incident.sub_event_type.as_str().to_string(),
    }
}

fn groups(entries: &[&crate::Entry], group_by: GroupBy) -> Vec<Group> {
    let key = |e: &crate::Entry| -> String {
        match group_by {
            GroupBy::None => String::new(),
            GroupBy::Oblast => if e.incident.admin1.is_empty() { "Unknown oblast".into() } else { e.incident.admin1.clone() },
            GroupBy::Type => e.incident.event_type.as_str().to_string(),
            GroupBy::Week => format!("Week of {}", long_date(week_start(e.incident.event_date))),
        }
    };
    let mut order: Vec<String> = Vec::new();
    let mut map: BTreeMap<String, Vec<EntryView>> = BTreeMap::new();
    for e in entries {
        let k = key(e);
        if !map.contains_key(&k) {
            order.push(k.clone());
        }
        map.entry(k).or_default().push(view(e));
    }
    if matches!(group_by, GroupBy::Oblast | GroupBy::Type) {
        order.sort_by(|a, b| map[b].len().cmp(&map[a].len()).then_with(|| a.cmp(b)));
    }
    order.into_iter().map(|name| Group { entries: map.remove(&name).unwrap_or_default(), name }).collect()
}

fn methods(input: &Input, entries: &[&crate::Entry]) -> String {
    let n_reviewed = entries.iter().filter(|e| e.status == "confirmed" || e.status == "edited").count();
    let which = if input.status_filter == "reviewed" { "reviewed events only" } else { "all events, reviewed or not" };
    format!(
        "Drafted by litopys from {} reports read for the period; {} of {} incidents reviewed by an analyst; includes {}.",
        input.n_documents,
        n_reviewed,
        entries.len(),
        which
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_changes_read_well() {
        assert_eq!(thousands(19850.0), "19,850");
        assert_eq!(thousands(1234567.0), "1,234,567");
        assert_eq!(change(8, 5, 28), "up 3 (60%) on the previous 28 days (5)");
        assert_eq!(change(2, 4, 7), "down 2 (50%) on the previous 7 days (4)");
        assert_eq!(change(3, 0, 7), "3 against none in the previous 7 days");
        assert_eq!(week_start("2026-03-01".parse().unwrap()).to_string(), "2026-02-23");
    }
}
