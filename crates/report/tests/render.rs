//! Reports rendered from fixture events: every incident once, counts equal to the data, links
//! intact, no private person named. The fixture reports are written for litopys.

use litopys_extract::Extractor;
use litopys_model::{Document, Incident};
use litopys_report::{render, Entry, Format, GroupBy, Input};

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
        statistics: out.statistics,
        n_documents: 1,
        status_filter: "all".into(),
    }
}

fn check_common(text: &str, input: &Input) {
    // HTML escapes "/" in attributes and text; a browser reads them back as written
    let text = &text.replace("&#x2f;", "/").replace("&#x27;", "'").replace("&amp;", "&");
    for e in &input.entries {
        let date = e.incident.event_date.to_string();
        let sentence_start = &e.incident.notes[..40];
        assert_eq!(text.matches(sentence_start).count(), 1, "incident {date} not present exactly once");
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
    let md = render(&input, GroupBy::None, Format::Markdown, None).unwrap();
    check_common(&md, &input);
    assert!(md.contains("**4 incidents**, up 2 (100%) on the previous 28 days (2)"), "{md}");
    assert!(md.contains("- Riots: 2"));
    assert!(md.contains("| Vinnytsia | 1 |"));
    // date order
    let a = md.find("2026-02-23").unwrap();
    let b = md.find("2026-02-28").unwrap();
    assert!(a < b);
}

#[test]
fn html_is_self_contained_with_charts() {
    let input = input();
    let html = render(&input, GroupBy::Oblast, Format::Html, None).unwrap();
    check_common(&html, &input);
    assert!(html.contains("<h3>Vinnytsia</h3>"));
    assert_eq!(html.matches("<svg").count(), 2, "weekly chart and map");
    assert!(!html.contains("src=\"http") && !html.contains("<script"), "no external requests, no script");
    // four weeks of February 2026 plus the partial first week
    assert!(html.contains("Incidents per week"));
    assert!(html.contains("<title>Vinnytsia: 1</title>"));
}

#[test]
fn user_templates_and_escaping() {
    let mut input = input();
    input.title = Some("<script>alert(1)</script> review".into());
    let html = render(&input, GroupBy::None, Format::Html, Some("<h1>{{ report.title }}</h1>{{ report.n_incidents }}")).unwrap();
    assert_eq!(html, "<h1>&lt;script&gt;alert(1)&lt;&#x2f;script&gt; review</h1>4");
    let err = render(&input, GroupBy::None, Format::Markdown, Some("{{ report.title ")).unwrap_err();
    assert!(err.to_string().contains("template"));
    input.to = "2026-01-01".parse().unwrap();
    assert!(render(&input, GroupBy::None, Format::Markdown, None).is_err());
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
