//! Constructions of Russian war news posts on Telegram (issue #13): tallies of drones downed
//! over named regions, soldiers' interviews about the front, later news of an earlier incident.
//! Every text below was written for litopys in the shape of those posts; the places are real,
//! the events invented.

mod common;
use common::extract;

/// `(event_date, location, sub_event_type)` of every incident in `text`.
fn rows(text: &str, published: &str) -> Vec<(String, String, String)> {
    extract(text, published)
        .incidents
        .iter()
        .map(|i| (i.event_date.to_string(), i.location.clone(), i.sub_event_type.as_str().to_string()))
        .collect()
}

fn row(date: &str, location: &str, sub: &str) -> (String, String, String) {
    (date.to_string(), location.to_string(), sub.to_string())
}

// ---- drones downed over a region ----------------------------------------------------------------

#[test]
fn drones_downed_over_a_region_are_disrupted_weapons_use() {
    // a ministry's tally: drones "сбиты над" a region were stopped there, not a strike on it
    assert_eq!(
        rows(
            "Министерство обороны сообщило, что ночью шесть беспилотников были сбиты над Крымом.",
            "2026-02-11"
        ),
        vec![row("2026-02-11", "Crimea", "Disrupted weapons use")]
    );
    assert_eq!(
        rows(
            "По данным ведомства, три беспилотника уничтожены над Крымом, ещё два — над морем.",
            "2026-02-11"
        ),
        vec![row("2026-02-11", "Crimea", "Disrupted weapons use")]
    );
    // the short participle of any gender: "было сбито над", "сбит над"
    assert_eq!(
        rows("Министерство обороны сообщило, что ещё по одному дрону было сбито над Крымом.", "2026-02-11"),
        vec![row("2026-02-11", "Crimea", "Disrupted weapons use")]
    );
    // a drone that struck is still a strike
    assert_eq!(
        rows("Ночью беспилотник атаковал жилой дом в Сумах, ранены два человека.", "2026-02-11"),
        vec![row("2026-02-11", "Sumy", "Air/drone strike")]
    );
}

// ---- a fighter's account, told by his call sign -------------------------------------------------

#[test]
fn a_fighters_account_without_a_day_is_no_incident() {
    // an interview: how the unit fights in a region, told by a soldier named by his call sign
    assert!(rows(
        "Операторы дронов бригады уничтожают технику противника в Запорожской области, рассказал агентству разведчик с позывным «Сокол».",
        "2026-02-11"
    )
    .is_empty());
    assert!(rows(
        "Штурмовые группы ведут бои в Волчанске, рассказал командир роты с позывным «Гром». По его словам, противник несёт потери.",
        "2026-02-11"
    )
    .is_empty());
}

#[test]
fn an_incident_with_its_own_day_in_a_fighters_account_counts() {
    // a day of its own makes it an incident however it is told
    assert_eq!(
        rows(
            "Вчера российский дрон атаковал автобус в Херсоне, ранены три человека, рассказал водитель скорой с позывным «Док».",
            "2026-02-11"
        ),
        vec![row("2026-02-10", "Kherson", "Air/drone strike")]
    );
}

// ---- a lead told without a day, the body with it --------------------------------------------

const LEAD_AND_BODY: &str = "Около ста граммов тротила использовали для подрыва автомобиля офицера в Херсоне. Для детонации использовали сим-карту.

За офицером следили неделю. Накануне сообщник вёл наблюдение, но взрывное устройство в действие не приводил.

Взрыв раздался около 10 утра 13 февраля на улице Шевченко. Водителю оторвало ноги.";

#[test]
fn an_undated_lead_and_the_body_dated_the_day_before_are_one_incident() {
    // the lead tells the blast without a day; the body dates it the day before the report
    assert_eq!(
        rows(LEAD_AND_BODY, "2026-02-14"),
        vec![row("2026-02-13", "Kherson", "Remote explosive/landmine/IED")]
    );
    // a body's day more than two days before the report may be another blast: both stay
    assert_eq!(
        rows(&LEAD_AND_BODY.replace("13 февраля", "5 февраля"), "2026-02-14"),
        vec![
            row("2026-02-14", "Kherson", "Remote explosive/landmine/IED"),
            row("2026-02-05", "Kherson", "Remote explosive/landmine/IED")
        ]
    );
}

// ---- "liberated" in a Russian ministry's claim --------------------------------------------------

#[test]
fn russian_forces_liberating_a_village_take_ground() {
    // a Russian source calls Russia's gains "liberation": Russian forces named, that is Russia
    // overtaking territory, whatever form the phrase takes ("населенные пункты", plural)
    assert_eq!(
        rows(
            "Российские военные освободили населенные пункты Новодаровка и Копанки, сообщило Минобороны.",
            "2026-02-11"
        )
        .iter()
        .map(|r| r.2.as_str())
        .collect::<Vec<_>>(),
        vec!["Non-state actor overtakes territory"; 2]
    );
    assert_eq!(
        rows(
            "Подразделения группировки войск «Запад» освободили населенный пункт Копанки в Харьковской области.",
            "2026-02-11"
        ),
        vec![row("2026-02-11", "Kopanky", "Non-state actor overtakes territory")]
    );
    // Ukrainian forces freeing a village regain it
    assert_eq!(
        rows("ВСУ освободили село Новодаровка в Запорожской области, сообщил Генштаб.", "2026-02-11"),
        vec![row("2026-02-11", "Novodarivka", "Government regains territory")]
    );
}

#[test]
fn air_defence_destroying_drones_is_disrupted_weapons_use() {
    // the air defence of a city "destroyed" drones, with words between: no strike on the city
    assert_eq!(
        rows("ПВО в Херсоне уничтожила ещё три беспилотника над рекой, сообщил глава администрации.", "2026-02-11")
            .iter()
            .map(|r| r.2.as_str())
            .collect::<Vec<_>>(),
        vec!["Disrupted weapons use"]
    );
    assert_eq!(
        rows("ППО у Херсоні знищила ще три безпілотники над річкою, повідомив очільник ОВА.", "2026-02-11")
            .iter()
            .map(|r| r.2.as_str())
            .collect::<Vec<_>>(),
        vec!["Disrupted weapons use"]
    );
}
