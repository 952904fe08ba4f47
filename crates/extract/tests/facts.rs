//! The facts a review tells beyond counts (data/facts.toml, src/facts.rs): sentence and its
//! length, article, probation, fine, sums of money, damage, how people were hurt; in English,
//! Ukrainian and Russian, each with evidence that is exactly its source text. Every text here
//! is written for litopys: invented incidents in the constructions real reports use.

mod common;

use litopys_model::Incident;

fn one(text: &str, published: &str) -> Incident {
    let out = common::extract(text, published);
    assert_eq!(out.incidents.len(), 1, "{text}: {:?}", out.diagnostics);
    let i = out.incidents[0].clone();
    for e in &i.evidence {
        assert_eq!(
            &text[e.start..e.end],
            e.text,
            "evidence for {} is not the source text",
            e.field
        );
    }
    i
}

fn has(i: &Incident, field: &str) -> bool {
    i.evidence_for(field).next().is_some()
}

#[test]
fn sentence_and_its_length() {
    let i = one("On March 16, a court in Rivne sentenced a local man to four years in prison for hitting a TRC officer with a shovel.", "2026-03-17");
    assert_eq!(i.legal.sentence.as_deref(), Some("prison"));
    assert_eq!(i.legal.sentence_months, Some(48));
    assert_eq!(i.legal.probation_months, None);
    assert!(has(&i, "legal.sentence") && has(&i, "legal.sentence_months"));
    let i = one("16 березня суд у Рівному засудив місцевого жителя до 3 років позбавлення волі з іспитовим строком 2 роки за напад на працівника ТЦК.", "2026-03-17");
    assert_eq!(i.legal.sentence.as_deref(), Some("prison"));
    assert_eq!(i.legal.sentence_months, Some(36));
    assert_eq!(i.legal.probation_months, Some(24));
    let i = one("19 марта суд в Одессе приговорил местного жителя к 2 годам и 6 месяцам ограничения свободы за нападение на сотрудника ТЦК.", "2026-03-20");
    assert_eq!(i.legal.sentence.as_deref(), Some("restriction of liberty"));
    assert_eq!(i.legal.sentence_months, Some(30));
    let i = one("19 марта суд в Одессе приговорил местного жителя к пяти годам лишения свободы по ч. 2 ст. 345 Уголовного кодекса.", "2026-03-20");
    assert_eq!(
        (i.legal.sentence.as_deref(), i.legal.sentence_months),
        (Some("prison"), Some(60))
    );
}

#[test]
fn a_threatened_penalty_is_not_a_sentence() {
    let i = one("On March 3, in Lviv, about 20 residents surrounded TRC officers and freed a detained man. The attackers face up to five years in prison.", "2026-03-04");
    assert_eq!(i.legal.sentence, None);
    assert_eq!(i.legal.sentence_months, None);
}

#[test]
fn criminal_case_and_article() {
    let i = one("9 лютого у Луцьку група з п'яти людей заблокувала автомобіль ТЦК, і затриманий утік. Поліція відкрила кримінальне провадження за ч. 2 ст. 342 Кримінального кодексу України.", "2026-02-10");
    assert!(i.legal.case_opened);
    assert_eq!(i.legal.article.as_deref(), Some("342"));
    assert_eq!(i.legal.article_part, Some(2));
    assert_eq!(
        i.evidence_for("legal.article")
            .next()
            .map(|e| e.text.as_str()),
        Some("ч. 2 ст. 342")
    );
    let i = one("On March 1, in Zhytomyr, about 30 residents surrounded a TRC minibus and freed a detained man. Police opened criminal proceedings under Part 2 of Article 342 of the Criminal Code.", "2026-03-02");
    assert!(i.legal.case_opened && has(&i, "legal.case_opened"));
    assert_eq!(
        (i.legal.article.as_deref(), i.legal.article_part),
        (Some("342"), Some(2))
    );
}

#[test]
fn weapons_come_with_evidence() {
    let i = one("On March 8, in Dnipro, a man attacked a TRC officer with a knife near the recruitment office.", "2026-03-09");
    assert_eq!(i.weapons, vec!["knife".to_string()]);
    assert!(has(&i, "weapons"));
}

#[test]
fn injuries_and_how() {
    let i = one("On March 8, in Dnipro, a man attacked a TRC officer with a knife. One officer was hospitalized with a stab wound.", "2026-03-09");
    assert_eq!(i.injuries, Some(1));
    assert!(
        i.injury_details.contains(&"hospitalized".to_string()),
        "{:?}",
        i.injury_details
    );
    assert!(
        i.injury_details.contains(&"stab wound".to_string()),
        "{:?}",
        i.injury_details
    );
    let i = one("9 лютого у Луцьку перехожі заблокували автомобіль ТЦК. Один із військовослужбовців отримав травму руки.", "2026-02-10");
    assert_eq!(i.injury_details, vec!["hand injury".to_string()]);
    assert!(has(&i, "injury_details"));
}

#[test]
fn amounts_with_currency() {
    let i = one("On March 18, some 120 miners of a mine near Pavlohrad refused to leave the shaft, demanding wage arrears of 40 million hryvnias.", "2026-03-20");
    assert_eq!(i.amounts.len(), 1);
    assert_eq!(
        (
            i.amounts[0].what.as_str(),
            i.amounts[0].value,
            i.amounts[0].currency.as_str()
        ),
        ("wage arrears", 40_000_000.0, "UAH")
    );
    assert_eq!(
        i.evidence_for("amounts").next().map(|e| e.text.as_str()),
        Some("40 million hryvnias")
    );
    let i = one("12 березня у Кривому Розі близько 300 гірників відмовилися підніматися на поверхню, вимагаючи погасити заборгованість із зарплати в розмірі 56,5 млн грн.", "2026-03-13");
    assert_eq!(
        (i.amounts[0].value, i.amounts[0].currency.as_str()),
        (56_500_000.0, "UAH")
    );
    let i = one(
        "24 марта в Ужгороде суд оштрафовал мужчину на 17 тыс. грн за нападение на сотрудника ТЦК.",
        "2026-03-25",
    );
    assert_eq!(
        i.legal
            .fine
            .as_ref()
            .map(|f| (f.value, f.currency.as_str())),
        Some((17_000.0, "UAH"))
    );
    assert_eq!(i.legal.sentence.as_deref(), Some("fine"));
    assert!(i.amounts.is_empty(), "a fine is not listed again as a sum");
}

#[test]
fn damage() {
    let i = one("10 марта в Запорожье неизвестные подожгли служебный автомобиль ТЦК. Автомобиль сгорел полностью, пострадавших нет.", "2026-03-11");
    assert!(
        i.damage.contains(&"vehicle destroyed".to_string()),
        "{:?}",
        i.damage
    );
    assert!(has(&i, "damage"));
}

#[test]
fn crowd_size_is_still_participants() {
    let i = one("On March 21, in Lutsk, around 80 protesters held a rally outside the regional administration.", "2026-03-22");
    assert_eq!(i.participants, Some(80));
}

#[test]
fn facts_do_not_leak_between_incidents() {
    let text = "On March 27, a court in Chernihiv sentenced a local resident to five years in prison for attacking a TRC officer with a knife.\n\n\
On March 28, in Poltava, about 20 residents surrounded a TRC minibus and freed a detained man.";
    let out = common::extract(text, "2026-03-30");
    assert_eq!(out.incidents.len(), 2);
    assert_eq!(out.incidents[0].legal.sentence_months, Some(60));
    assert!(
        out.incidents[1].legal.is_empty(),
        "{:?}",
        out.incidents[1].legal
    );
}
