//! Privacy: no structured field of an incident or a statistic holds a private person's name,
//! in any case form or transliteration. Only `evidence` quotes the source text.
//!
//! The reports below were written for litopys; every person in them is invented, and each
//! name stands in a different position: subject, object, victim, apposition with an age,
//! "a resident of X named Y", a quoted witness.

mod common;

use litopys_extract::Extraction;

/// Every form of every invented name that may appear in the texts or an output: nominative
/// and oblique cases in Ukrainian and Russian, and Latin transliterations.
const NAME_FORMS: &[&str] = &[
    // Ostap Zahorodniuk
    "Ostap",
    "Zahorodniuk",
    "Zagorodnyuk",
    "Остап",
    "Остапа",
    "Остапові",
    "Загороднюк",
    "Загороднюка",
    "Загороднюку",
    // Ivan Petrenko
    "Ivan Petrenko",
    "Petrenko",
    "Іван Петренко",
    "Івана Петренка",
    "Петренка",
    "Иван Петренко",
    "Ивана Петренко",
    // Hanna Kovtunenko
    "Hanna",
    "Kovtunenko",
    "Ганна",
    "Ганну",
    "Ганни",
    "Ковтуненко",
    "Анна Ковтуненко",
    "Анну Ковтуненко",
    // Dmytro Yarovyi
    "Dmytro Yarovyi",
    "Yarovyi",
    "Yarovoy",
    "Дмитро Яровий",
    "Дмитра Ярового",
    "Ярового",
    "Дмитрий Яровой",
    "Дмитрия Ярового",
    // Svitlana Hnatiuk
    "Svitlana",
    "Hnatiuk",
    "Gnatyuk",
    "Світлана",
    "Світлану",
    "Гнатюк",
    "Светлана",
    "Светлану",
    // Maksym Oliinyk
    "Maksym Oliinyk",
    "Oliinyk",
    "Oleynik",
    "Максим Олійник",
    "Максима Олійника",
    "Олійника",
    "Максим Олейник",
    "Максима Олейника",
];

const REPORTS: &[&str] = &[
    // English
    "On February 23, in Vinnytsia, about 40 residents surrounded a TRC minibus after Ostap Zahorodniuk, 34, was pushed into it. The crowd freed him. Two TRC officers received minor injuries.",
    "On February 20, in Poltava, TRC officers detained Ivan Petrenko near the market. Passers-by, among them Hanna Kovtunenko, tried to stop the detention. Nobody was hurt.",
    "On February 18, in Kharkiv, a resident of Kharkiv named Dmytro Yarovyi attacked a TRC officer with a knife. The officer was injured. Police detained Yarovyi.",
    "On February 17, in Odesa, Svitlana Hnatiuk, 52, and about 30 other residents blocked a road in protest against mobilisation. \"We will stay here,\" Hnatiuk said.",
    "On February 16, in Lviv, TRC officers beat Maksym Oliinyk, 41, during a document check. Oliinyk was hospitalised with injuries.",
    // Ukrainian
    "23 лютого у Луцьку близько 20 перехожих відбили Остапа Загороднюка у працівників ТЦК. Один військовослужбовець травмований. Загороднюк зник.",
    "Учора у Полтаві працівники ТЦК затримали Івана Петренка біля ринку. Ганна Ковтуненко та інші перехожі намагалися завадити затриманню. Ніхто не постраждав.",
    "21 лютого в Харкові мешканець Харкова на ім'я Дмитро Яровий напав з ножем на працівника ТЦК. Військовослужбовця поранено. Поліція затримала Дмитра Ярового.",
    "20 лютого в Одесі Світлана Гнатюк, 52 роки, та ще близько тридцяти мешканців перекрили дорогу на знак протесту. Поліція затримала Світлану.",
    "19 лютого у Львові працівники ТЦК побили Максима Олійника, 41 рік. Олійника госпіталізовано.",
    // Russian
    "23 февраля в Энергодаре около двадцати жителей окружили автобус ТЦК, в который затолкали Ивана Петренко. Двое военнослужащих получили ранения.",
    "Вчера в Запорожье сотрудники ТЦК задержали Дмитрия Ярового. Анна Ковтуненко и другие прохожие пытались помешать. Никто не пострадал.",
    "21 февраля в Днепре житель города по имени Максим Олейник напал на сотрудника ТЦК. Сотрудник ранен. Полиция задержала Максима Олейника.",
    "20 февраля в Николаеве Светлана Гнатюк и ещё около 50 человек вышли на акцию протеста против мобилизации.",
];

fn extract_all() -> Vec<(&'static str, Extraction)> {
    REPORTS
        .iter()
        .map(|text| (*text, common::extract(text, "2026-02-25")))
        .collect()
}

/// Every structured field of `out` as one JSON string, evidence left out.
fn structured_fields(out: &Extraction) -> Vec<String> {
    let mut fields = Vec::new();
    for value in out
        .incidents
        .iter()
        .map(serde_json::to_value)
        .chain(out.statistics.iter().map(serde_json::to_value))
    {
        let mut value = value.expect("records serialise");
        if let Some(map) = value.as_object_mut() {
            map.remove("evidence");
        }
        fields.push(value.to_string());
    }
    fields
}

#[test]
fn control_the_names_are_in_the_texts_and_incidents_are_found() {
    // a privacy test over texts without names, or with no incidents, could not fail
    for text in REPORTS {
        let n_forms = NAME_FORMS
            .iter()
            .filter(|form| text.contains(*form))
            .count();
        assert!(n_forms >= 1, "no name in: {text}");
    }
    let forms_used = NAME_FORMS
        .iter()
        .filter(|form| REPORTS.iter().any(|t| t.contains(*form)))
        .count();
    assert!(
        forms_used >= 25,
        "only {forms_used} name forms appear in the texts"
    );
    let outs = extract_all();
    let n_incidents: usize = outs.iter().map(|(_, out)| out.incidents.len()).sum();
    assert!(
        n_incidents >= 10,
        "only {n_incidents} incidents from {} reports",
        REPORTS.len()
    );
    // and the check itself finds a name when one is there
    let leaked = r#"{"notes":"Ostap Zahorodniuk was detained"}"#;
    assert!(NAME_FORMS.iter().any(|form| leaked.contains(form)));
}

#[test]
fn no_structured_field_holds_a_name() {
    for (text, out) in extract_all() {
        for flat in structured_fields(&out) {
            for form in NAME_FORMS {
                assert!(
                    !flat.contains(form),
                    "'{form}' leaked into a structured field\ntext: {text}\nrecord: {flat}"
                );
            }
        }
    }
}

#[test]
fn evidence_may_quote_names_but_only_exactly() {
    for (text, out) in extract_all() {
        for e in out.incidents.iter().flat_map(|i| &i.evidence) {
            assert_eq!(
                text.get(e.start..e.end),
                Some(e.text.as_str()),
                "evidence for {} is not the source text",
                e.field
            );
        }
    }
}

#[test]
fn notes_name_only_actors_from_the_codebook_and_places() {
    // notes are written from a template: the date, the place, the codebook's actor labels
    // (public bodies and generic groups) and figures; nothing else from the text
    for (text, out) in extract_all() {
        for i in &out.incidents {
            let mut rest = i.notes.clone();
            for known in [&i.actor1, &i.actor2, &i.location, &i.admin1] {
                if !known.is_empty() {
                    rest = rest.replace(known.as_str(), " ");
                }
            }
            let capitalised: Vec<&str> = rest
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter(|w| !ALLOWED_CAPITALISED.contains(w))
                .collect();
            assert!(
                capitalised.is_empty(),
                "unexpected capitalised words {capitalised:?} in notes\nnotes: {}\ntext: {text}",
                i.notes
            );
        }
    }
}

/// Capitalised words a note may hold besides actors and places: sentence starts, months,
/// the word "Ukraine" and ACLED's abbreviations.
const ALLOWED_CAPITALISED: &[&str] = &[
    "On",
    "Around",
    "In",
    "About",
    "No",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Ukraine",
    "TRC",
    "Police",
    "Military",
    "Forces",
    "Civilians",
];
