//! Constructions of general news posts (politics, commentary, front-line summaries) that name
//! incidents without reporting them, or report one with the dates of something else around it.
//! Every text below was written for litopys; the places are real, the incidents are not.

mod common;
use common::days_places;

fn check(text: &str, published: &str, expected: &[(&str, &str)]) {
    common::check_days_places(text, published, expected);
}

// ---- a strike named only as what something else refers to ----------------------------------

#[test]
fn a_strike_named_as_the_occasion_of_a_request_is_no_incident() {
    check(
        "Министр заявил, что страна может запросить новые зенитные комплексы после ракетного удара по Запорожью. Решение примут в декабре.",
        "2024-11-25",
        &[],
    );
}

#[test]
fn a_strike_named_as_the_topic_of_a_speech_is_no_incident() {
    check("В интервью о ракетном ударе по Харькову политик говорил только о выборах.", "2024-11-25", &[]);
}

#[test]
fn a_strike_reported_by_a_speaker_or_told_with_its_harm_still_counts() {
    // "сообщил о ..." reports the strike
    check("Мэр сообщил о ракетном ударе по Запорожью.", "2024-11-25", &[("2024-11-25", "Zaporizhzhia")]);
    // harm done makes the strike this report's
    check("После ракетного удара по Харькову ранены три человека.", "2024-11-25", &[("2024-11-25", "Kharkiv")]);
    check("После ракетного удара по Харькову в городе загорелся склад.", "2024-11-25", &[("2024-11-25", "Kharkiv")]);
}

#[test]
fn strikes_named_as_the_cause_of_a_measure_are_no_incident() {
    check("Из-за последних ракетных ударов по Запорожью власти ограничили работу электростанций.", "2024-11-19", &[]);
    // a death caused by the strike is harm told: the strike counts
    check("Из-за ракетного удара по Запорожью погибли два человека.", "2024-11-19", &[("2024-11-19", "Zaporizhzhia")]);
}

#[test]
fn a_crime_named_as_what_someone_was_involved_in_is_no_incident() {
    // the story is the man found years later; the killing is what he was involved in
    check(
        "В Одессе нашли мужчину, который много лет скрывался от следствия. Мужчина, причастный к убийству инкассатора, тогда сбежал.",
        "2024-09-25",
        &[],
    );
    // told as his act, it is an incident (dated at publication, having no day of its own)
    check(
        "В Одессе нашли мужчину, который много лет скрывался от следствия. Мужчина совершил убийство инкассатора и сбежал.",
        "2024-09-25",
        &[("2024-09-25", "Odesa")],
    );
}

// ---- old months and days around a report of today ------------------------------------------

#[test]
fn an_old_month_told_of_the_unit_struck_does_not_date_the_strike() {
    // the month is the company's history, told in a sentence of its own below the report
    check(
        "Российская авиация нанесла авиаудар по роте ВСУ в Купянске.\n\nВ августе эта рота снова вошла в состав бригады и с тех пор несёт потери.",
        "2024-11-21",
        &[("2024-11-21", "Kupiansk")],
    );
}

#[test]
fn a_sentence_that_says_it_dates_the_incident_dates_it_however_old() {
    check(
        "Российские войска обстреляли Покровск из артиллерии.\n\nЭто произошло 3 октября.",
        "2024-11-22",
        &[("2024-10-03", "Pokrovsk")],
    );
}

// ---- claims called fake, events still to come ----------------------------------------------

#[test]
fn a_strike_called_fake_or_still_to_come_is_no_incident() {
    check("Разведка: сообщения о массированном ракетном ударе по Киеву — фейк.", "2024-11-20", &[]);
    check(
        "В рассылке говорится о массированном ракетном ударе по Одессе, который должен состояться в пятницу.",
        "2024-11-20",
        &[],
    );
    // the strike told as done counts
    check("Россия нанесла массированный ракетный удар по Киеву.", "2024-11-20", &[("2024-11-20", "Kyiv")]);
}

#[test]
fn a_report_still_being_checked_is_no_incident() {
    check(
        "В Одессе экстренные службы проверяют информацию об обнаружении, возможно, взрывного устройства, сообщил мэр.",
        "2024-11-29",
        &[],
    );
    // an explosion told as it happened counts
    check("В Одессе у здания суда сработало взрывное устройство, сообщил мэр.", "2024-11-29", &[("2024-11-29", "Odesa")]);
}

// ---- a strike on the whole country beside one on a city ------------------------------------

#[test]
fn a_strike_told_of_the_whole_country_is_not_placed_in_the_city_of_another() {
    // the first strike is told of Ukraine's energy sites: it has no city of its own, and the
    // city of the second does not become its scene
    check(
        "Министерство обороны сообщило, что 28 ноября нанесен комбинированный удар по объектам энергетики Украины. 25 ноября в результате ракетного удара по штабу в городе Харьков уничтожены десятки военных.",
        "2024-11-28",
        &[("2024-11-25", "Kharkiv")],
    );
    // told with no place at all, it happened where the report's other strike did
    check(
        "Министерство обороны сообщило, что 28 ноября нанесен комбинированный удар по объектам энергетики. 25 ноября в результате ракетного удара по штабу в городе Харьков уничтожены десятки военных.",
        "2024-11-28",
        &[("2024-11-28", "Kharkiv"), ("2024-11-25", "Kharkiv")],
    );
}

#[test]
fn a_strike_told_of_the_whole_country_takes_no_place_told_before() {
    // the oblast above is where drones fly; the strike below is told of Ukraine as a whole
    check("Над Сумской областью летят беспилотники.\n\nВ четверг Россия нанесла по Украине массированный ракетный удар.", "2024-11-22", &[]);
    // told of no place, it takes the one told before
    let text = "Над Сумской областью летят беспилотники.\n\nВ четверг Россия нанесла массированный ракетный удар.";
    let places: Vec<String> = days_places(text, "2024-11-22").into_iter().map(|(_, place)| place).collect();
    assert_eq!(places, vec!["Sumy".to_string()]);
}

// ---- a correction that takes the report back -----------------------------------------------

#[test]
fn a_correction_that_it_was_an_exercise_takes_back_the_incident() {
    let told = "В среду у Мелитополя на блокпосту началась перестрелка с диверсионно-разведывательной группой.";
    check(&format!("{told}\n\nUPD. Это были запланированные учения."), "2024-11-22", &[]);
    // without the correction the clash stands
    assert_eq!(days_places(told, "2024-11-22").len(), 1);
}

// ---- "накануне" twice ----------------------------------------------------------------------

#[test]
fn two_days_before_counted_from_the_report_are_one_day() {
    // the first "накануне" has no day before it and counts from the report; the second is the
    // same day, not the day before that
    check(
        "Накануне поздно вечером дрон ударил по общежитию в Глухове, погибли шесть человек. Накануне в результате ракетного удара по Одессе погибли десять человек.",
        "2026-02-11",
        &[("2026-02-10", "Hlukhiv"), ("2026-02-10", "Odesa")],
    );
    // after a day told as a date, "накануне" is the day before it
    check(
        "5 февраля дрон ударил по общежитию в Глухове, погибли шесть человек. Накануне в результате ракетного удара по Одессе погибли десять человек.",
        "2026-02-11",
        &[("2026-02-05", "Hlukhiv"), ("2026-02-04", "Odesa")],
    );
}
