//! Each event's paragraph tells the facts its reports state, one test per kind of fact, in
//! English and Ukrainian; an edit of a figure changes the paragraph; sources are publisher
//! names and local paths never show. The reports below are written for litopys: invented
//! incidents in the constructions real reports use.

use litopys_extract::Extractor;
use litopys_model::{Document, Incident};
use litopys_report::{render, Entry, Format, Input, Options};

fn incident(text: &str, published: &str) -> Incident {
    let mut doc = Document::new("fixture", text);
    doc.published = published.parse().ok();
    let out = Extractor::default().extract(&doc);
    assert_eq!(out.incidents.len(), 1, "{text}: {:?}", out.diagnostics);
    out.incidents[0].clone()
}

fn report_of(incidents: Vec<Incident>, links: &[&str], lang: &str) -> String {
    let entries = incidents
        .into_iter()
        .map(|incident| Entry {
            incident,
            links: links.iter().map(|l| l.to_string()).collect(),
            status: "new".into(),
        })
        .collect();
    let input = Input {
        title: None,
        from: "2026-03-01".parse().unwrap_or_default(),
        to: "2026-03-31".parse().unwrap_or_default(),
        entries,
        previous: Vec::new(),
        statistics: Vec::new(),
        history: Vec::new(),
        n_documents: 1,
        status_filter: "all".into(),
    };
    let r = render(
        &input,
        &Options {
            lang: lang.into(),
            format: Format::Markdown,
            ..Options::default()
        },
    );
    assert!(r.is_ok(), "{r:?}");
    r.unwrap_or_default()
}

fn one(text: &str, published: &str, lang: &str) -> String {
    report_of(
        vec![incident(text, published)],
        &["https://courts.example.org/a"],
        lang,
    )
}

const SENTENCE: &str = "On March 16, a court in Rivne sentenced a local man to four years in prison, suspended with a probation period of two years, for hitting a TRC officer with a shovel.";

#[test]
fn sentence_and_its_length() {
    let en = one(SENTENCE, "2026-03-17", "en");
    assert!(en.contains("On 16 March 2026, in Rivne, a court sentenced the defendant to 4 years in prison, suspended with 2 years of probation."), "{en}");
    let uk = one(SENTENCE, "2026-03-17", "uk");
    assert!(uk.contains("16 березня 2026 року у Рівному суд призначив обвинуваченому 4 роки позбавлення волі, звільнивши від відбування з іспитовим строком 2 роки."), "{uk}");
}

#[test]
fn article_of_the_criminal_code() {
    let text = "9 березня у Луцьку група з п'яти людей заблокувала автомобіль ТЦК, і затриманий утік. Поліція відкрила кримінальне провадження за ч. 2 ст. 342 Кримінального кодексу України.";
    let en = one(text, "2026-03-10", "en");
    assert!(
        en.contains(
            "Criminal proceedings were opened under Part 2 of Article 342 of the Criminal Code."
        ),
        "{en}"
    );
    let uk = one(text, "2026-03-10", "uk");
    assert!(
        uk.contains(
            "Відкрито кримінальне провадження за ч. 2 ст. 342 Кримінального кодексу України."
        ),
        "{uk}"
    );
    assert!(uk.contains("у Луцьку (Волинська область)"), "{uk}");
}

#[test]
fn weapon() {
    let text = "On March 8, in Dnipro, a man attacked a TRC officer with a knife near the recruitment office. One officer was hospitalized with a stab wound.";
    let en = one(text, "2026-03-09", "en");
    assert!(en.contains("Weapons reported: a knife."), "{en}");
    let uk = one(text, "2026-03-09", "uk");
    assert!(uk.contains("Застосовано: ніж."), "{uk}");
    assert!(uk.contains("у Дніпрі (Дніпропетровська область)"), "{uk}");
}

#[test]
fn injuries_and_how() {
    let text = "On March 8, in Dnipro, a man attacked a TRC officer with a knife near the recruitment office. One officer was hospitalized with a stab wound.";
    let en = one(text, "2026-03-09", "en");
    assert!(
        en.contains("One person was injured (hospitalized, a stab wound)."),
        "{en}"
    );
    let uk = one(text, "2026-03-09", "uk");
    assert!(
        uk.contains("Постраждала 1 особа (госпіталізовано, ножове поранення)."),
        "{uk}"
    );
}

#[test]
fn amounts() {
    let text = "On March 18, some 120 miners of a mine near Pavlohrad refused to leave the shaft, demanding wage arrears of 40 million hryvnias.";
    let en = one(text, "2026-03-20", "en");
    assert!(en.contains("wage arrears of 40 million hryvnias."), "{en}");
    let uk = one(text, "2026-03-20", "uk");
    assert!(
        uk.contains("заборгованість із зарплати в розмірі 40 млн грн."),
        "{uk}"
    );
    assert!(
        uk.contains("у Павлограді (Дніпропетровська область)"),
        "{uk}"
    );
}

#[test]
fn crowd_size() {
    let text = "On March 18, some 120 miners of a mine near Pavlohrad refused to leave the shaft, demanding wage arrears of 40 million hryvnias.";
    assert!(one(text, "2026-03-20", "en").contains("About 120 people took part."));
    assert!(one(text, "2026-03-20", "uk").contains("Участь узяли близько 120 осіб."));
    assert!(one(text, "2026-03-20", "ru").contains("Участвовали около 120 человек."));
}

#[test]
fn an_edit_of_a_figure_changes_the_paragraph() {
    let mut i = incident("On March 4, in Lviv, about 25 residents blocked a TRC minibus and freed a detained man. One TRC officer was injured.", "2026-03-05");
    let before = report_of(vec![i.clone()], &["https://monitor.example.org/a"], "en");
    assert!(
        before.contains("About 25 people took part. One person was injured."),
        "{before}"
    );
    // what `litopys review ID --set injuries=3` stores: the field set on the event's JSON
    let mut json = serde_json::to_value(&i).unwrap_or_default();
    json["injuries"] = serde_json::json!(3);
    json["participants"] = serde_json::json!(40);
    i = serde_json::from_value(json).unwrap_or(i);
    let after = report_of(vec![i], &["https://monitor.example.org/a"], "en");
    assert!(
        after.contains("About 40 people took part. 3 people were injured."),
        "{after}"
    );
}

#[test]
fn each_date_once_and_sources_by_name_without_local_paths() {
    let i = incident(SENTENCE, "2026-03-17");
    let md = report_of(
        vec![i],
        &[
            "https://t.me/example_monitor/5301",
            "examples/articles/local-file.txt",
            "telegram:1987654321/4102",
        ],
        "en",
    );
    assert_eq!(md.matches("16 March 2026").count(), 1, "{md}");
    assert!(!md.contains("2026-03-16"), "ISO date printed: {md}");
    assert!(
        md.contains("[@example_monitor](https://t.me/example_monitor/5301)"),
        "{md}"
    );
    assert!(md.contains("a report without a public link"), "{md}");
    assert!(md.contains("a Telegram channel (no public link)"), "{md}");
    assert!(
        !md.contains("examples/articles") && !md.contains("telegram:"),
        "a local path or id is shown: {md}"
    );
    assert!(md.contains("Reported by 3 sources"), "{md}");
}

#[test]
fn russian_place_names_in_case() {
    let text = "On March 18, some 120 miners of a mine in Kryvyi Rih refused to leave the shaft.";
    let ru = one(text, "2026-03-20", "ru");
    assert!(
        ru.contains("в Кривом Роге (Днепропетровская область)"),
        "{ru}"
    );
    let uk = one(text, "2026-03-20", "uk");
    assert!(
        uk.contains("у Кривому Розі (Дніпропетровська область)"),
        "{uk}"
    );
}
