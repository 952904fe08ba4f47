//! Reports rendered from fixture events: every incident once, counts equal to the data, links
//! intact, no private person named. The fixture reports are written for litopys.

use litopys_extract::Extractor;
use litopys_model::{Document, Incident};
use litopys_report::{render, Entry, Format, GroupBy, Input, Options};

fn opts(group_by: GroupBy, format: Format, template: Option<&str>) -> Options {
    Options { group_by, format, template: template.map(str::to_string), ..Options::default() }
}

const REVIEW: &str = "On February 23, in Vinnytsia, about 40 residents surrounded a TRC minibus after Oleksandr Kovalchuk was pushed into it. Two TRC officers received minor injuries.\n\n\
The next day, in Uzhhorod, Ivan Petrenko fired a traumatic pistol when passers-by tried to stop a detention by TRC officers. Nobody was hurt.\n\n\
On February 26, around 60 miners in Pavlohrad refused to descend, demanding wage arrears.\n\n\
On February 28, a court in Rivne sentenced Petro Bondar to three years for attacking a TRC officer.\n\n\
According to the Prosecutor General's Office, 19,850 criminal proceedings for unauthorized leaving of a unit were registered in February.";

const NAMES: &[&str] = &["Oleksandr", "Kovalchuk", "Ivan", "Petrenko", "Petro", "Bondar"];

fn input() -> Input {
    let mut doc = Document::new("review", REVIEW);
    doc.published = "2026-03-02".parse().ok();
    let out = Extractor::default().extract(&doc);
    assert!(NAMES.iter().all(|n| REVIEW.contains(n)), "control: the names are in the source");
    let entries: Vec<Entry> = out
        .incidents
        .iter()
        .enumerate()
        .map(|(i, inc)| Entry { incident: inc.clone(), links: vec![format!("https://example.org/review#{i}")], status: if i == 0 { "confirmed".into() } else { "new".into() } })
        .collect();
    let mut previous: Vec<Incident> = out.incidents.clone();
    previous.truncate(2);
    Input {
        title: None,
        from: "2026-02-01".parse().unwrap(),
        to: "2026-02-28".parse().unwrap(),
        entries,
        previous,
        history: out.statistics.clone(),
        statistics: out.statistics,
        n_documents: 1,
        status_filter: "all".into(),
    }
}

/// How the English paragraph opens for this incident: "On 23 February 2026".
fn litopys_report_day(i: &Incident) -> String {
    format!("On {}", i.event_date.strftime("%-d %B %Y"))
}

/// The text without its SVG charts (their tooltips name weeks by their ISO Monday).
fn without_charts(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("<svg") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("</svg>").map_or("", |j| &rest[i + j + 6..]);
    }
    out.push_str(rest);
    out
}

fn check_common(text: &str, input: &Input) {
    // HTML escapes "/" in attributes and text; a browser reads them back as written
    let text = &text.replace("&#x2f;", "/").replace("&#x27;", "'").replace("&amp;", "&");
    for e in &input.entries {
        let date = e.incident.event_date.to_string();
        let day = litopys_report_day(&e.incident);
        assert_eq!(text.matches(&day).count(), 1, "incident {date} ({day}) not present exactly once");
        assert!(!without_charts(text).contains(&date), "the ISO date {date} is printed: the prose says it");
        assert!(text.contains(&e.links[0]), "link {} missing", e.links[0]);
    }
    // whole words: "Ivan" is no one's name inside "Ivano-Frankivsk"
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
    for name in NAMES {
        assert!(!words.contains(name), "{name} is named in the report");
    }
    assert!(text.contains("19,850"), "the period's statistic");
}

#[test]
fn markdown_has_every_incident_once_and_true_counts() {
    let input = input();
    assert_eq!(input.entries.len(), 4);
    let md = render(&input, &opts(GroupBy::None, Format::Markdown, None)).unwrap();
    check_common(&md, &input);
    assert!(md.contains("In February 2026, litopys recorded 4 incidents — 2 more than in January 2026 (2)."), "{md}");
    assert!(md.contains("| Riots | 2 |"), "{md}");
    assert!(md.contains("| Vinnytsia | 1 |"));
    // date order
    let a = md.find("On 23 February").unwrap();
    let b = md.find("On 28 February").unwrap();
    assert!(a < b);
}

#[test]
fn html_is_self_contained_with_charts() {
    let input = input();
    let html = render(&input, &opts(GroupBy::Oblast, Format::Html, None)).unwrap();
    check_common(&html, &input);
    assert!(html.contains("<h2>Vinnytsia</h2>"));
    assert_eq!(html.matches("<svg").count(), 2, "weekly chart and map (one month of statistics: no line chart)");
    assert_eq!(without_charts(&html).matches("Incidents by oblast").count(), 1, "the map is captioned once");
    assert!(html.contains("size: A4"), "printed on A4 by default");
    assert!(!html.contains("src=\"http") && !html.contains("<script"), "no external requests, no script");
    // four weeks of February 2026 plus the partial first week
    assert!(html.contains("Incidents per week"));
    assert!(html.contains("<title>Vinnytsia: 1</title>"));
}

#[test]
fn user_templates_and_escaping() {
    let mut input = input();
    input.title = Some("<script>alert(1)</script> review".into());
    let html = render(&input, &opts(GroupBy::None, Format::Html, Some("<h1>{{ report.title }}</h1>{{ report.n_incidents }}"))).unwrap();
    assert_eq!(html, "<h1>&lt;script&gt;alert(1)&lt;&#x2f;script&gt; review</h1>4");
    let err = render(&input, &opts(GroupBy::None, Format::Markdown, Some("{{ report.title "))).unwrap_err();
    assert!(err.to_string().contains("template"));
    let err = render(&input, &Options { lang: "de".into(), ..Options::default() }).unwrap_err();
    assert!(err.to_string().contains("language"));
    input.to = "2026-01-01".parse().unwrap();
    assert!(render(&input, &opts(GroupBy::None, Format::Markdown, None)).is_err());
}

#[test]
fn charts_from_tallies_are_the_charts_of_the_entries() {
    let mut input = input();
    // more events, spread over weeks and oblasts, with one oblast left empty
    let base = input.entries.clone();
    for (k, admin1) in ["Kharkiv", "Lviv", "", "Kharkiv"].iter().enumerate() {
        for e in &base {
            let mut e = e.clone();
            e.incident.event_date = e.incident.event_date - jiff::Span::new().days(7 * k as i64 + 1);
            e.incident.admin1 = admin1.to_string();
            input.entries.push(e);
        }
    }
    let mut tally = litopys_report::Tally::default();
    for e in &input.entries {
        tally.by_day.push((e.incident.event_date, e.incident.event_type, 1));
        tally.by_oblast.push((e.incident.admin1.clone(), 1));
    }
    let (weekly, map) = litopys_report::chart_svgs(&input);
    assert!(weekly.contains("<rect") && map.contains("Kharkiv: "), "control: the charts draw something");
    assert_eq!(litopys_report::chart_svgs_tallied(input.from, input.to, &tally), (weekly, map));
}
