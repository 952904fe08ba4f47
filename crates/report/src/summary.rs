//! The numbers and lists a report shows, computed once for every template.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::ToSpan;
use serde::Serialize;

use crate::lang::Lang;
use crate::sections::Sections;
use crate::sources::{self, SourceLink};
use crate::{paragraph, places, GroupBy, Input};

/// What a template lays out.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// The report's language code.
    pub lang: String,
    /// The report's title.
    pub title: String,
    /// "1 March 2026".
    pub period_from: String,
    /// "31 March 2026".
    pub period_to: String,
    /// The opening paragraph: the period's figures and what changed.
    pub lede: Vec<String>,
    /// Incidents in the period.
    pub n_incidents: usize,
    /// Incidents in the previous period.
    pub n_previous: usize,
    /// "— 4 more than in February 2026 (8)".
    pub change: String,
    /// Injuries reported in the period.
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
    /// Entries, grouped as asked: by section unless another grouping is asked for.
    pub groups: Vec<Group>,
    /// The period's statistical figures.
    pub statistics: Vec<Figure>,
    /// Statistics with two months or more, for line charts.
    pub series: Vec<Series>,
    /// How the report was made.
    pub methods: String,
}

/// A name and a count.
#[derive(Clone, Debug, Serialize)]
pub struct Count {
    /// The name (English, as stored).
    pub name: String,
    /// The name in the report's language.
    pub label: String,
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
    /// Settlement, in the report's language.
    pub location: String,
    /// Oblast, in the report's language.
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
    /// The event's id.
    pub id: String,
    /// YYYY-MM-DD (for templates that sort or link; the paragraph says the date in words).
    pub date: String,
    /// The paragraph, written from the event's facts.
    pub text: String,
    /// "Sources" or "Source", in the report's language.
    pub sources_label: String,
    /// Its sources, by publisher, with public links.
    pub sources: Vec<SourceLink>,
    /// Review status.
    pub status: String,
    /// "edited by an analyst", or empty.
    pub status_note: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
}

/// A statistical figure as shown.
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    /// What is counted, in the report's words.
    pub indicator: String,
    /// "19,850".
    pub value: String,
    /// "2026-02".
    pub period: String,
    /// Who the figure is attributed to.
    pub attributed_to: String,
    /// The reports it came from.
    pub sources: Vec<SourceLink>,
}

/// One indicator over several months.
#[derive(Clone, Debug, Serialize)]
pub struct Series {
    /// What is counted.
    pub indicator: String,
    /// Its months, in time order.
    pub points: Vec<Point>,
}

/// One month of a series.
#[derive(Clone, Debug, Serialize)]
pub struct Point {
    /// "March 2026".
    pub period: String,
    /// The figure.
    pub value: f64,
    /// "21,400".
    pub shown: String,
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
    let mut v: Vec<Count> =
        named.filter(|(name, n)| !name.is_empty() && *n > 0).map(|(name, n)| Count { name: name.to_string(), label: name.to_string(), n }).collect();
    v.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.name.cmp(&b.name)));
    v
}

/// The Monday of `d`'s week.
pub(crate) fn week_start(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(back.days()).unwrap_or(d)
}

/// "19,850".
pub(crate) fn thousands(v: f64) -> String {
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

/// True when `from..=to` is one whole calendar month.
pub(crate) fn whole_month(from: Date, to: Date) -> bool {
    from.day() == 1 && to == from.last_of_month()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

impl Summary {
    /// Computes everything a template shows.
    pub(crate) fn new(input: &Input, group_by: GroupBy, lang: &Lang, sections: &Sections) -> Summary {
        let mut entries: Vec<&crate::Entry> = input.entries.iter().collect();
        entries.sort_by(|a, b| a.incident.event_date.cmp(&b.incident.event_date).then_with(|| a.incident.location.cmp(&b.incident.location)));
        let incidents = || entries.iter().map(|e| &e.incident);
        let change = change(lang, input, entries.len());
        let mut by_type = counts(incidents().map(|i| i.event_type.as_str()));
        for c in &mut by_type {
            c.label = lang.event_types.get(&c.name).cloned().unwrap_or_else(|| c.name.clone());
        }
        let mut by_oblast = counts(incidents().map(|i| i.admin1.as_str()));
        for c in &mut by_oblast {
            c.label = places::oblast_name(lang, &c.name);
        }
        let groups = groups(&entries, group_by, lang, sections);
        let n_injured = incidents().filter_map(|i| i.injuries).sum();
        let n_killed = incidents().map(|i| i.fatalities).sum();
        let n_detained: u32 = incidents().filter_map(|i| i.arrests).sum();
        let title = input.title.clone().unwrap_or_else(|| {
            if whole_month(input.from, input.to) {
                lang.fill_text("title_month", &[("month", &lang.month_year(input.from))])
            } else {
                lang.fill_text("title", &[("from", &lang.date(input.from)), ("to", &lang.date(input.to))])
            }
        });
        let mut summary = Summary {
            lang: lang.code.clone(),
            title,
            period_from: lang.date(input.from),
            period_to: lang.date(input.to),
            lede: Vec::new(),
            n_incidents: entries.len(),
            n_previous: input.previous.len(),
            change,
            n_injured,
            n_killed,
            by_type,
            by_sub_type: counts(incidents().map(|i| i.sub_event_type.as_str())),
            by_oblast,
            by_week: weeks(input, &entries),
            top_places: top_places(&entries, lang),
            groups,
            statistics: figures(&input.statistics, lang),
            series: series(&input.history, lang),
            methods: methods(input, &entries, lang),
        };
        summary.lede = lede(&summary, input, lang, n_detained, group_by == GroupBy::Section);
        summary
    }
}

/// The period's figures, one row per indicator, period and value, with all its sources.
fn figures(stats: &[litopys_model::Statistic], lang: &Lang) -> Vec<Figure> {
    let mut out: Vec<(String, Figure)> = Vec::new();
    for s in stats {
        let f = figure(s, lang);
        let key = format!("{}|{}|{}", s.indicator.to_lowercase(), f.period, f.value);
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, row)) => {
                if row.attributed_to.is_empty() {
                    row.attributed_to = f.attributed_to;
                }
                for src in f.sources {
                    if !row.sources.contains(&src) {
                        row.sources.push(src);
                    }
                }
            }
            None => out.push((key, f)),
        }
    }
    out.into_iter().map(|(_, f)| f).collect()
}

fn figure(s: &litopys_model::Statistic, lang: &Lang) -> Figure {
    Figure {
        indicator: capitalize(&s.indicator),
        value: match s.value_max {
            Some(m) => format!("{}–{}", thousands(s.value), thousands(m)),
            None => thousands(s.value),
        },
        period: period_label(&s.period, lang),
        attributed_to: s.attributed_to.clone(),
        sources: vec![sources::cite(&s.source, lang)],
    }
}

/// Indicators reported for two months or more (month periods only), each month once: the
/// lowest figure when reports differ, as for events.
fn series(history: &[litopys_model::Statistic], lang: &Lang) -> Vec<Series> {
    let mut by: BTreeMap<String, (String, BTreeMap<String, f64>)> = BTreeMap::new();
    for s in history.iter().filter(|s| s.period.len() == 7) {
        let slot = by.entry(s.indicator.to_lowercase()).or_insert_with(|| (capitalize(&s.indicator), BTreeMap::new()));
        let v = slot.1.entry(s.period.clone()).or_insert(s.value);
        *v = v.min(s.value);
    }
    by.into_values().filter(|(_, points)| points.len() >= 2).map(|(indicator, points)| Series { indicator, points: points.into_iter().map(|(p, value)| Point { period: period_label(&p, lang), value, shown: thousands(value) }).collect() }).collect()
}

/// "2026-03" → "March 2026"; other periods as they are.
fn period_label(period: &str, lang: &Lang) -> String {
    match format!("{period}-01").parse::<Date>() {
        Ok(d) if period.len() == 7 => lang.month_year(d),
        _ => period.to_string(),
    }
}

fn change(lang: &Lang, input: &Input, now: usize) -> String {
    let before = input.previous.len();
    let previous = if whole_month(input.from, input.to) {
        let prev = input.from.checked_sub(1.month()).unwrap_or(input.from);
        lang.fill_text("previous_month", &[("month", &lang.in_month(prev).split_once(' ').map_or(String::new(), |(_, m)| m.to_string()))])
    } else {
        let days = (input.to - input.from).get_days() + 1;
        lang.fill_text("previous_days", &[("days", &lang.plural("days", u64::try_from(days).unwrap_or(0)))])
    };
    let values = |diff: usize| [("diff", diff.to_string()), ("before", before.to_string()), ("previous", previous.clone())];
    let fill = |key: &str, diff: usize| {
        let v = values(diff);
        lang.fill_text(key, &v.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())
    };
    match now.cmp(&before) {
        _ if before == 0 => fill("change_none", 0),
        std::cmp::Ordering::Equal => fill("change_same", 0),
        std::cmp::Ordering::Greater => fill("change_up", now - before),
        std::cmp::Ordering::Less => fill("change_down", before - now),
    }
}

fn lede(s: &Summary, input: &Input, lang: &Lang, n_detained: u32, by_section: bool) -> Vec<String> {
    let when = if whole_month(input.from, input.to) {
        capitalize(&lang.in_month(input.from))
    } else {
        lang.fill_text("between", &[("from", &s.period_from), ("to", &s.period_to)])
    };
    let incidents = lang.plural("incidents", s.n_incidents as u64);
    let mut out = vec![lang.fill_text("lede", &[("when", &when), ("incidents", &incidents), ("change", &s.change)]).replace(" ;", ";")];
    if by_section && s.groups.len() > 1 {
        let items: Vec<String> = s.groups.iter().map(|g| format!("{} ({})", lower_first(&g.name), g.entries.len())).collect();
        out.push(lang.fill_text("lede_sections", &[("list", &items.join("; "))]));
    }
    let mut hurt = Vec::new();
    for (key, n) in [("injured_lede", s.n_injured), ("killed_lede", s.n_killed), ("detained_lede", n_detained)] {
        if n > 0 {
            hurt.push(lang.plural(key, u64::from(n)));
        }
    }
    if !hurt.is_empty() {
        out.push(lang.fill_text("lede_hurt", &[("list", &lang.list(&hurt))]));
    }
    out
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().collect::<String>() + c.as_str()).unwrap_or_default()
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

fn top_places(entries: &[&crate::Entry], lang: &Lang) -> Vec<Place> {
    let mut m: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for e in entries.iter().filter(|e| !e.incident.location.is_empty()) {
        *m.entry((e.incident.location.as_str(), e.incident.admin1.as_str())).or_default() += 1;
    }
    let mut v: Vec<Place> =
        m.into_iter().map(|((l, a), n)| Place { location: places::settlement_name(lang, l, a), admin1: places::oblast_name(lang, a), n }).collect();
    v.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.location.cmp(&b.location)));
    v.truncate(10);
    v
}

fn view(e: &crate::Entry, lang: &Lang) -> EntryView {
    let sources = sources::cite_all(&e.links, lang);
    let status_note = match e.status.as_str() {
        "edited" => lang.text("status_edited").to_string(),
        "confirmed" => lang.text("status_confirmed").to_string(),
        _ => String::new(),
    };
    EntryView {
        id: e.incident.event_id_cnty.clone(),
        date: e.incident.event_date.to_string(),
        text: paragraph::paragraph(lang, &e.incident, e.links.len()),
        sources_label: lang.text(if sources.len() == 1 { "source" } else { "sources" }).to_string(),
        sources,
        status: e.status.clone(),
        status_note,
        sub_event_type: e.incident.sub_event_type.as_str().to_string(),
    }
}

fn groups(entries: &[&crate::Entry], group_by: GroupBy, lang: &Lang, sections: &Sections) -> Vec<Group> {
    // the key sorts groups: sections in their order, others by name
    let key = |e: &crate::Entry| -> (usize, String) {
        let i = &e.incident;
        match group_by {
            GroupBy::None => (0, String::new()),
            GroupBy::Section => match sections.of(i) {
                Some(k) => (sections.rank(k), sections.section[k].title(&lang.code).to_string()),
                None => (usize::MAX, lang.text("other_section").to_string()),
            },
            GroupBy::Oblast => (0, if i.admin1.is_empty() { "—".into() } else { places::oblast_name(lang, &i.admin1) }),
            GroupBy::Type => (0, lang.event_types.get(i.event_type.as_str()).cloned().unwrap_or_else(|| i.event_type.as_str().to_string())),
            GroupBy::Week => (0, lang.date(week_start(i.event_date))),
        }
    };
    let mut order: Vec<(usize, String)> = Vec::new();
    let mut map: BTreeMap<String, Vec<EntryView>> = BTreeMap::new();
    for e in entries {
        let k = key(e);
        if !order.iter().any(|(_, name)| *name == k.1) {
            order.push(k.clone());
        }
        map.entry(k.1).or_default().push(view(e, lang));
    }
    match group_by {
        GroupBy::Oblast | GroupBy::Type => order.sort_by(|a, b| map[&b.1].len().cmp(&map[&a.1].len()).then_with(|| a.1.cmp(&b.1))),
        GroupBy::Section => order.sort_by_key(|k| k.0),
        _ => {}
    }
    order.into_iter().map(|(_, name)| Group { entries: map.remove(&name).unwrap_or_default(), name }).collect()
}

fn methods(input: &Input, entries: &[&crate::Entry], lang: &Lang) -> String {
    let n_reviewed = entries.iter().filter(|e| e.status == "confirmed" || e.status == "edited").count();
    let which = lang.text(if input.status_filter == "reviewed" { "which_reviewed" } else { "which_all" });
    lang.fill_text("methods", &[("docs", &input.n_documents.to_string()), ("reviewed", &n_reviewed.to_string()), ("total", &entries.len().to_string()), ("which", which)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(19850.0), "19,850");
        assert_eq!(thousands(1234567.0), "1,234,567");
        assert_eq!(week_start("2026-03-01".parse().unwrap_or_default()).to_string(), "2026-02-23");
        assert!(whole_month("2026-02-01".parse().unwrap_or_default(), "2026-02-28".parse().unwrap_or_default()));
        assert!(!whole_month("2026-02-01".parse().unwrap_or_default(), "2026-03-01".parse().unwrap_or_default()));
    }
}
