//! Invariants over whole outputs: every filled field has evidence that is exactly the source
//! text at its span; no structured field holds a person's name. Texts written for litopys.

mod common;

const REVIEW: &str = "On February 23, in Vinnytsia, about 40 residents surrounded a TRC minibus after Oleksandr Kovalchuk, 34, was pushed into it. The crowd rocked the vehicle until the officers let him go. Two TRC officers received minor injuries.\n\n\
The next day, in Uzhhorod, Ivan Petrenko fired a traumatic pistol into the air when passers-by tried to stop a detention. Nobody was hurt.\n\n\
Учора у Луцьку Марія Шевчук та ще п'ятеро перехожих відбили затриманого у працівників ТЦК. Один військовослужбовець травмований.";

const NAMES: &[&str] = &[
    "Oleksandr",
    "Kovalchuk",
    "Ivan",
    "Petrenko",
    "Марія",
    "Шевчук",
];

#[test]
fn every_filled_field_has_exact_evidence() {
    let out = common::extract(REVIEW, "2026-02-25");
    assert_eq!(
        out.incidents.len(),
        3,
        "{:?}",
        out.incidents
            .iter()
            .map(|i| &i.location)
            .collect::<Vec<_>>()
    );
    for i in &out.incidents {
        for e in &i.evidence {
            assert_eq!(
                &REVIEW[e.start..e.end],
                e.text,
                "evidence for {} is not the source text",
                e.field
            );
        }
        let has = |f: &str| i.evidence_for(f).next().is_some();
        for field in [
            "event_date",
            "location",
            "admin1",
            "latitude",
            "longitude",
            "event_type",
            "sub_event_type",
            "actor1",
        ] {
            assert!(has(field), "{} lacks evidence for {field}", i.location);
        }
        assert_eq!(i.injuries.is_some(), has("injuries"));
        assert_eq!(i.participants.is_some(), has("participants"));
        assert_eq!(!i.actor2.is_empty(), has("actor2"));
        assert_eq!(!i.weapons.is_empty(), has("weapons"));
    }
}

#[test]
fn no_structured_field_names_a_person() {
    let out = common::extract(REVIEW, "2026-02-25");
    for i in &out.incidents {
        let mut fields = serde_json::to_value(i).unwrap();
        fields.as_object_mut().unwrap().remove("evidence");
        let flat = fields.to_string();
        for name in NAMES {
            assert!(!flat.contains(name), "{name} leaked into {flat}");
        }
    }
}

#[test]
fn ids_are_stable_and_distinct() {
    let a = common::extract(REVIEW, "2026-02-25");
    let b = common::extract(REVIEW, "2026-02-25");
    let ids: Vec<&str> = a
        .incidents
        .iter()
        .map(|i| i.event_id_cnty.as_str())
        .collect();
    assert_eq!(
        ids,
        b.incidents
            .iter()
            .map(|i| i.event_id_cnty.as_str())
            .collect::<Vec<_>>()
    );
    let mut uniq = ids.clone();
    uniq.dedup();
    assert_eq!(uniq.len(), ids.len());
    assert!(ids.iter().all(|id| id.starts_with("UKR")));
}

#[test]
fn hostile_text_does_not_panic() {
    for text in [
        "",
        "\0\0\0",
        ".....",
        "On February 31, in Kyiv, a crowd surrounded a TRC bus.",
        &"ТЦК ".repeat(10_000),
        "п’ять п'ять пʼять",
    ] {
        let _ = common::extract(text, "2026-03-02");
        let _ = common::extract(text, "not a date");
    }
}
