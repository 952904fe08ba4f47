//! English extraction: segmentation, dates, places, figures. Every text here was written for
//! litopys in the style of English-language monitoring reviews; the incidents are invented.

mod common;
use common::{check, summary};

#[test]
fn absolute_dates_and_figures() {
    check(
        "On February 23, in Vinnytsia, about 40 residents surrounded a TRC minibus and freed a detained man. Two TRC officers received minor injuries.",
        "2026-03-02",
        &["2026-02-23 p1 Vinnytsia Vinnytsia Mob violence inj=2 part=40"],
    );
    check(
        "On 23 February 2026 some 60 miners in Pavlohrad went on strike demanding unpaid wages.",
        "2026-03-02",
        &["2026-02-23 p1 Pavlohrad Dnipropetrovsk Peaceful protest inj=- part=60"],
    );
    check(
        "On 2026-02-23, unknown persons set fire to a TRC car in Lviv.",
        "2026-03-02",
        &["2026-02-23 p1 Lviv Lviv Looting/property destruction inj=- part=-"],
    );
    check(
        "March 3 of this year, workers in Kharkiv held a rally demanding wage arrears.",
        "2026-03-10",
        &["2026-03-03 p1 Kharkiv Kharkiv Peaceful protest inj=- part=-"],
    );
}

#[test]
fn relative_dates_across_paragraphs() {
    let text = "On February 23, in Vinnytsia, residents surrounded a TRC minibus.\n\n\
        The next day, in Uzhhorod, passers-by tried to stop a detention by TRC officers. Nobody was hurt.\n\n\
        Two days later, unknown persons set fire to a recruitment office car in Lviv.\n\n\
        The same day, a court in Rivne sentenced a man for attacking a TRC officer.";
    check(
        text,
        "2026-03-02",
        &[
            "2026-02-23 p1 Vinnytsia Vinnytsia Mob violence inj=- part=-",
            "2026-02-24 p1 Uzhhorod Zakarpattia Mob violence inj=0 part=-",
            "2026-02-26 p1 Lviv Lviv Looting/property destruction inj=- part=-",
            "2026-02-26 p1 Rivne Rivne Other inj=- part=-",
        ],
    );
}

#[test]
fn dates_relative_to_publication() {
    check(
        "Yesterday, in Odesa, a crowd blocked a TRC bus and freed two men.",
        "2026-03-02",
        &["2026-03-01 p1 Odesa Odesa Mob violence inj=- part=-"],
    );
    check(
        "Last week, in Sumy, workers went on strike over unpaid wages.",
        "2026-03-02",
        &["2026-02-23 p2 Sumy Sumy Peaceful protest inj=- part=-"],
    );
    check(
        "A month ago, miners in Pavlohrad protested over wage arrears.",
        "2026-03-02",
        &["2026-01-31 p3 Pavlohrad Dnipropetrovsk Peaceful protest inj=- part=-"],
    );
    // no date at all: the report's own date, honestly marked as approximate
    check(
        "In Poltava, residents blocked a TRC minibus and freed a detained man.",
        "2026-03-02",
        &["2026-03-02 p2 Poltava Poltava Mob violence inj=- part=-"],
    );
}

#[test]
fn a_later_paragraph_enriches_instead_of_adding() {
    let text = "On March 4, in Lviv, about 25 residents blocked a TRC minibus and freed a detained man.\n\n\
        The crowd rocked the vehicle until the officers let him go.\n\n\
        Police said one TRC officer was injured.";
    check(
        text,
        "2026-04-01",
        &["2026-03-04 p1 Lviv Lviv Mob violence inj=1 part=25"],
    );
}

#[test]
fn background_commentary_and_plans_yield_nothing() {
    check(
        "The week brought at least six new clashes between residents and recruitment centres.",
        "2026-03-02",
        &[],
    );
    check(
        "Similar scenes were reported in Chernivtsi back in 2023.",
        "2026-03-02",
        &[],
    );
    check(
        "Analysts say tensions around mobilization will grow in spring.",
        "2026-03-02",
        &[],
    );
}

#[test]
fn the_strike_ended_is_the_same_incident() {
    check(
        "On March 18, some 120 miners of a mine near Pavlohrad refused to leave the shaft, demanding wage arrears. The strike ended two days later.",
        "2026-04-01",
        &["2026-03-18 p1 Pavlohrad Dnipropetrovsk Peaceful protest inj=- part=120"],
    );
}

#[test]
fn place_spellings_russian_forms_and_regions() {
    check(
        "On February 25, unknown persons set fire to a TRC vehicle in Nikolaev (Mykolaiv).",
        "2026-03-02",
        &["2026-02-25 p1 Mykolaiv Mykolaiv Looting/property destruction inj=- part=-"],
    );
    check(
        "On February 25, a court in Rovno sentenced a man who attacked a TRC officer.",
        "2026-03-02",
        &["2026-02-25 p1 Rivne Rivne Other inj=- part=-"],
    );
    check(
        "On February 25, workers in Krivoy Rog went on strike.",
        "2026-03-02",
        &["2026-02-25 p1 Kryvyi Rih Dnipropetrovsk Peaceful protest inj=- part=-"],
    );
    check("On February 28, farm workers in the village of Velyka Dymerka near Kyiv blocked the road to stop a TRC bus.", "2026-03-02", &["2026-02-28 p1 Velyka Dymerka Kyiv Mob violence inj=- part=-"]);
}

#[test]
fn statistics_are_not_incidents() {
    let out = common::extract(
        "According to the Prosecutor General's Office, 19,850 criminal proceedings for unauthorized leaving of a unit were registered in February, up from 18,300 in January.",
        "2026-03-02",
    );
    assert!(out.incidents.is_empty());
    let got: Vec<(String, f64, String)> = out
        .statistics
        .iter()
        .map(|s| (s.indicator.clone(), s.value, s.period.clone()))
        .collect();
    let ind = "criminal proceedings for unauthorized leaving of a unit".to_string();
    assert_eq!(
        got,
        vec![
            (ind.clone(), 19850.0, "2026-02".into()),
            (ind, 18300.0, "2026-01".into())
        ]
    );
    assert_eq!(
        out.statistics[0].attributed_to,
        "Prosecutor General's Office"
    );
}

#[test]
fn vague_places_get_honest_precision() {
    // KATOTTG: Стрийський район of Львівська область; GeoNames: Vinnytsia 689558
    assert_eq!(
        common::places("On March 3, residents of a village in the Stryi district of the Lviv region blocked a TRC minibus and freed a detained man."),
        vec![("Stryiskyi".into(), "Lviv".into(), 2)]
    );
    assert_eq!(
        common::places("On March 5, near Vinnytsia, farm workers blocked a TRC bus."),
        vec![("Vinnytsia".into(), "Vinnytsia".into(), 2)]
    );
}

#[test]
fn plans_and_month_names_are_not_incidents() {
    // "March" the month is not "a march"; a promise is not an incident
    check(
        "On February 26, around 60 miners in Pavlohrad refused to descend, demanding wage arrears. Management promised to pay half by mid-March.",
        "2026-03-02",
        &["2026-02-26 p1 Pavlohrad Dnipropetrovsk Peaceful protest inj=- part=60"],
    );
}

#[test]
fn protests_with_intervention_and_background_arrests() {
    // phrasing in the style of ACLED's notes; written for litopys
    check(
        "On March 8, about 30 activists held a rally in Kharkiv. Police intervened, detaining five protesters.",
        "2026-03-10",
        &["2026-03-08 p1 Kharkiv Kharkiv Protest with intervention inj=- part=30"],
    );
    check(
        "On March 8, about 30 activists held a rally in Kharkiv demanding the release of a journalist who was arrested in 2025.",
        "2026-03-10",
        &["2026-03-08 p1 Kharkiv Kharkiv Peaceful protest inj=- part=30"],
    );
}

#[test]
fn a_digests_bare_casualties_and_tallies_are_the_strikes() {
    // a daily digest: the strike told with its day, then a death told bare in another town,
    // then a tally of the injured by town; each is a strike of that day, with its own share
    let text = "Russian shelling killed a woman in Kherson Oblast on 12 March.\n\
        In Donetsk Oblast, one civilian was killed in the town of Kostiantynivka.\n\
        Four people were injured in the oblast during the day: two in Kramatorsk, one each in Druzhkivka and Sloviansk.";
    check(
        text,
        "2026-03-13",
        &[
            "2026-03-12 p1 Kherson Kherson Shelling/artillery/missile attack inj=- part=-",
            "2026-03-12 p1 Kostiantynivka Donetsk Shelling/artillery/missile attack inj=- part=-",
            "2026-03-12 p1 Kramatorsk Donetsk Shelling/artillery/missile attack inj=2 part=-",
            "2026-03-12 p1 Druzhkivka Donetsk Shelling/artillery/missile attack inj=1 part=-",
            "2026-03-12 p1 Sloviansk Donetsk Shelling/artillery/missile attack inj=1 part=-",
        ],
    );
    // a headline's oblasts, named in one plural ("in Donetsk and Kherson oblasts"), are the
    // oblasts, and the body's towns in them the same incidents
    let headline = format!("Russians kill two civilians in Donetsk and Kherson oblasts\n{text}");
    assert_eq!(summary(&headline, "2026-03-13").len(), 5, "{:?}", summary(&headline, "2026-03-13"));
    // a death told bare after a protest is no strike
    let rows = summary(
        "On 12 March, about 200 people rallied in Lviv demanding higher wages.\nIn Lviv Oblast, one man was killed in the town of Stryi.",
        "2026-03-13",
    );
    assert!(rows.iter().all(|r| !r.contains("Shelling")), "{rows:?}");
}

#[test]
fn a_digest_of_the_past_day_dates_each_oblasts_paragraph() {
    // a morning digest: "over the past 24 hours" across the country, then a paragraph per
    // oblast with no day of its own; each is the day before the report
    let text = "At least five civilians were killed in Russian strikes across Ukraine over the past 24 hours, regional authorities reported on Sept. 5.\n\n\
        In Kherson Oblast, one person was killed and two injured after strikes on residential areas, the governor said.\n\n\
        Russian attacks in Kharkiv Oblast killed three people, the governor reported.\n\n\
        In Zaporizhzhia Oblast, the governor reported four injuries across 12 attacked settlements.";
    let rows = summary(text, "2025-09-05");
    // injuries told with no event word of their own, beside the strikes, are a strike there too
    assert!(rows.iter().any(|r| r.starts_with("2025-09-04") && r.contains("Zaporizhzhia") && r.contains("inj=4")), "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with("2025-09-04") && r.contains("Kherson") && r.contains("Shelling")), "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with("2025-09-04") && r.contains("Kharkiv") && r.contains("Shelling")), "{rows:?}");
    // a military strike is no walkout: nothing here is a protest
    assert!(rows.iter().all(|r| !r.contains("protest")), "{rows:?}");
}
