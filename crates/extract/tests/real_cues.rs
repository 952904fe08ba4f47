//! How real reporters tell an incident (found in the development set, `data/devset/`), each
//! construction rewritten here in our own words with an invented incident: the words and
//! actor + action pairs that make a sentence an incident, the day told with the action, and
//! talk that is not an incident (recalls, threats, lawful requirements). Every text below was
//! written for litopys; the places are real, the incidents are not. The protest constructions
//! come from ACLED's notes on Russian protests (`scripts/acled_protests.py`), also reworded.

mod common;
use common::{extract, summary};

/// `(event_date, location, sub_event_type)` of every incident.
fn rows(text: &str, published: &str) -> Vec<(String, String, String)> {
    extract(text, published)
        .incidents
        .iter()
        .map(|i| {
            (
                i.event_date.to_string(),
                i.location.clone(),
                i.sub_event_type.as_str().to_string(),
            )
        })
        .collect()
}

fn check(text: &str, published: &str, expected: &[(&str, &str, &str)]) {
    let want: Vec<(String, String, String)> = expected
        .iter()
        .map(|(d, l, t)| (d.to_string(), l.to_string(), t.to_string()))
        .collect();
    assert_eq!(
        rows(text, published),
        want,
        "\ntext: {text}\n{:?}",
        summary(text, published)
    );
}

// ---- attacks on officers told with a noun or "inflicted blows" -------------------------------

#[test]
fn ukrainian_blows_inflicted_on_servicemen_after_the_verdict_that_punishes_them() {
    check(
        "Суд у Полтаві засудив двох чоловіків.\n\n\
         5 березня 2026 року Київський районний суд м. Полтави ухвалив вирок двом обвинуваченим.\n\n\
         Події сталися 14 січня 2026 року в Полтаві. Двоє обвинувачених завдали ударів військовослужбовцям ТЦК під час оповіщення.",
        "2026-03-06",
        &[("2026-03-05", "Poltava", "Other"), ("2026-01-14", "Poltava", "Attack")],
    );
}

#[test]
fn ukrainian_notification_group_suffered_an_attack() {
    check(
        "Учора, 3 лютого, у Житомирі група оповіщення ТЦК зазнала нападу з боку двох невідомих.",
        "2026-02-04",
        &[("2026-02-03", "Zhytomyr", "Attack")],
    );
}

#[test]
fn russian_attack_told_as_a_noun_and_the_wounds_it_left() {
    // the wounds of the officers' past service are their biography, not a second incident
    check(
        "В Полтаве 9 января мужчина совершил нападение на военнослужащих ТЦК с ножом.\n\n\
         В результате двое военнослужащих получили ранения.\n\n\
         Оба ранее служили на фронте и после ранений перешли в ТЦК.",
        "2026-01-10",
        &[("2026-01-09", "Poltava", "Attack")],
    );
}

#[test]
fn english_shots_at_an_enlistment_office() {
    check(
        "Unknown gunman shoots at enlistment office in Rivne\n\n\
         Guards outside an enlistment office in Rivne were shot at during the night of Aug. 14, leaving one soldier injured.",
        "2025-08-14",
        &[("2025-08-14", "Rivne", "Attack")],
    );
}

// ---- strikes: the actor with the action, phrases as strong as their English equivalents ------

#[test]
fn russian_forces_struck_a_city() {
    check(
        "Российские военные нанесли удар по Кривому Рогу, сообщил глава области.",
        "2026-01-20",
        &[(
            "2026-01-20",
            "Kryvyi Rih",
            "Shelling/artillery/missile attack",
        )],
    );
}

#[test]
fn missile_attack_phrases_alone_are_strikes() {
    check(
        "Во Львовской области при ракетной атаке погибла женщина.",
        "2026-01-20",
        &[("2026-01-20", "Lviv", "Shelling/artillery/missile attack")],
    );
    check(
        "Через ракетну атаку по Запоріжжю загинула людина.",
        "2026-01-20",
        &[(
            "2026-01-20",
            "Zaporizhzhia",
            "Shelling/artillery/missile attack",
        )],
    );
}

#[test]
fn the_day_told_with_the_strike_not_the_day_of_mourning() {
    check(
        "У Черкасах сьогодні оголошено жалобу за загиблими внаслідок ракетного удару 3 березня.",
        "2026-03-05",
        &[(
            "2026-03-03",
            "Cherkasy",
            "Shelling/artillery/missile attack",
        )],
    );
}

#[test]
fn threatened_strikes_are_not_strikes() {
    assert!(rows(
        "В Киеве объявили воздушную тревогу из-за угрозы ракетных ударов.",
        "2026-01-20"
    )
    .is_empty());
}

// ---- explosions and protests in the words reporters use ----------------------------------------

#[test]
fn explosions_that_occurred_or_rang_out() {
    check(
        "An explosion occurred near the recruitment office in Uzhhorod on March 2.",
        "2026-03-03",
        &[("2026-03-02", "Uzhhorod", "Remote explosive/landmine/IED")],
    );
    check(
        "Вечером 1 марта в Житомире возле центра комплектования раздался взрыв.",
        "2026-03-03",
        &[("2026-03-01", "Zhytomyr", "Remote explosive/landmine/IED")],
    );
}

#[test]
fn people_took_to_the_streets_in_a_list_of_cities() {
    check(
        "Yesterday, people took to the streets in Kharkiv, Poltava and Sumy.",
        "2026-03-03",
        &[
            ("2026-03-02", "Kharkiv", "Peaceful protest"),
            ("2026-03-02", "Poltava", "Peaceful protest"),
            ("2026-03-02", "Sumy", "Peaceful protest"),
        ],
    );
}

#[test]
fn a_lawful_requirement_is_not_a_protest_demand() {
    let got = rows(
        "В Житомире 2 марта мужчина отказался выполнить требования полицейских и был задержан.",
        "2026-03-03",
    );
    assert!(got.iter().all(|(_, _, t)| !t.contains("rotest")), "{got:?}");
}

// ---- the headline meets a rule's requirement; a recall is background -----------------------

#[test]
fn headline_names_the_recruiters_the_body_only_the_car() {
    check(
        "Мужчины на внедорожнике отбили военнообязанного у ТЦК\n\n\
         12 февраля вблизи Бердичева неизвестные на внедорожнике подрезали служебный автомобиль.",
        "2026-02-13",
        &[("2026-02-12", "Berdychiv", "Mob violence")],
    );
}

#[test]
fn a_recalled_earlier_incident_is_background() {
    check(
        "В Виннице 10 марта мужчина напал на военного ТЦК.\n\n\
         Напомним, накануне в Виннице прозвучали выстрелы возле ТЦК.",
        "2026-03-11",
        &[("2026-03-10", "Vinnytsia", "Attack")],
    );
}

#[test]
fn the_lead_under_a_headline_dates_it_by_the_report() {
    check(
        "Two injured in bomb blast in Ukraine's Chernivtsi\n\n\
         CHERNIVTSI - Two people were injured after an explosive device detonated in Chernivtsi, police said on Sunday.\n\n\
         The city's anniversary falls this week.",
        "2026-03-02",
        &[("2026-03-01", "Chernivtsi", "Remote explosive/landmine/IED")],
    );
}

// ---- recruitment centres named in full, or by their town's adjective -------------------------

#[test]
fn russian_lunge_with_a_knife_at_recruitment_centre_staff_by_a_resident() {
    // the recruiters are named in full ("территориального центра комплектования"), the action
    // is "набросился", and the only place is the attacker's home town
    check(
        "42-летний житель Винницы во время проверки документов сотрудниками территориального центра комплектования набросился на одного из них с ножом.\n\n\
         Инцидент произошел возле рынка, сообщили в полиции 12 марта. Пострадавший госпитализирован.",
        "2026-03-12",
        &[("2026-03-12", "Vinnytsia", "Attack")],
    );
}

#[test]
fn ukrainian_attack_on_a_worker_of_the_recruitment_centre_named_in_full() {
    check(
        "У Луцьку в неділю чоловік напав на працівника територіального центру комплектування.",
        "2026-03-10",
        &[("2026-03-08", "Lutsk", "Attack")],
    );
}

#[test]
fn russian_recruitment_centre_named_by_its_towns_adjective() {
    // "Ковельского ... центра" is the centre of Kovel raion, in Kovel; "военкомов" names the officers
    check(
        "В Волынской области трое мужчин напали на сотрудников Ковельского территориального центра комплектования. Один из военкомов получил сотрясение мозга.\n\n\
         Случай произошел позавчера.",
        "2026-03-12",
        &[("2026-03-10", "Kovel", "Attack")],
    );
}

#[test]
fn ukrainian_explosion_in_a_district_recruitment_centre_named_by_adjective() {
    // the raion's centre sits in the town the raion is named after
    check(
        "В Ужгородському районному ТЦК стався вибух, постраждали двоє військовослужбовців.",
        "2026-03-12",
        &[("2026-03-12", "Uzhhorod", "Remote explosive/landmine/IED")],
    );
}

// ---- drone attacks told with a noun; a city's districts; one place, two days -------------------

#[test]
fn russian_drone_attack_told_as_a_noun() {
    check(
        "Двое жителей получили ранения в результате атаки дрона на автобус в Никополе утром в пятницу.",
        "2026-03-14",
        &[("2026-03-13", "Nikopol", "Air/drone strike")],
    );
}

#[test]
fn a_city_district_is_not_a_namesake_village_and_a_one_city_report_places_both_days() {
    // "Слободской район" is a district of Kharkiv, not Slobodskoy near Kirov; the strike of
    // Monday names only the district, so it happened in the city the report is about
    check(
        "В Харькове беспилотник атаковал жилой дом\n\n\
         Утром во вторник в результате удара беспилотника по многоэтажке в Слободском районе ранены три человека.\n\n\
         В понедельник Слободской район уже был целью ракетного удара, тогда погиб один человек.",
        "2026-03-11",
        &[
            ("2026-03-10", "Kharkiv", "Air/drone strike"),
            ("2026-03-09", "Kharkiv", "Shelling/artillery/missile attack"),
        ],
    );
}

#[test]
fn a_strike_recalled_from_months_before_is_not_placed_in_the_reports_city() {
    check(
        "В Днепре ракетный удар повредил цеха завода, сообщили местные власти.\n\n\
         В последний раз удар по этому заводу наносили 2 января.",
        "2026-03-12",
        &[("2026-03-12", "Dnipro", "Shelling/artillery/missile attack")],
    );
}

// ---- an English word in a Russian sentence is a name ------------------------------------------

#[test]
fn an_english_cue_word_in_a_cyrillic_sentence_is_a_name_not_a_shooting() {
    // "SHOT" is a channel's name; the English sentence of the same post keeps its cue
    check(
        "Как рассказали SHOT жители Одессы, вечером в городе отключили свет.\n\n\
         Police in Lviv said a man was shot dead outside a shop on Monday.",
        "2026-03-12",
        &[("2026-03-09", "Lviv", "Attack")],
    );
}

// ---- protests told as taking part ---------------------------------------------------------------

#[test]
fn english_participation_in_a_procession_or_a_flashmob_is_a_protest() {
    check(
        "On 9 May 2025, about 300 people participated in a commemorative procession in Lviv.",
        "2025-05-10",
        &[("2025-05-09", "Lviv", "Peaceful protest")],
    );
    check(
        "On 3 March 2026, 40 students in Ternopil participated in a flashmob in support of the army.",
        "2026-03-04",
        &[("2026-03-03", "Ternopil", "Peaceful protest")],
    );
}

// ---- more ways of telling an attack on recruiters, or a crowd stopping them ---------------------

#[test]
fn gunfire_pepper_spray_knife_blows_and_ramming_aimed_at_recruiters() {
    check("В Днепре 10 марта мужчина открыл стрельбу по сотрудникам ТЦК.", "2026-03-12", &[("2026-03-10", "Dnipro", "Attack")]);
    check("У Дніпрі 10 березня чоловік відкрив стрілянину по працівниках ТЦК.", "2026-03-12", &[("2026-03-10", "Dnipro", "Attack")]);
    check("В Одессе 10 марта мужчина распылил перцовый баллончик в лицо сотруднику ТЦК.", "2026-03-12", &[("2026-03-10", "Odesa", "Attack")]);
    check("В Одессе 10 марта неизвестный нанес военному ТЦК несколько ударов ножом.", "2026-03-12", &[("2026-03-10", "Odesa", "Attack")]);
    check("В Одесі 10 березня невідомий завдав військовому ТЦК кількох ударів ножем.", "2026-03-12", &[("2026-03-10", "Odesa", "Attack")]);
    check("В Черкассах 10 марта водитель протаранил служебный автомобиль ТЦК.", "2026-03-12", &[("2026-03-10", "Cherkasy", "Attack")]);
}

#[test]
fn a_crowd_against_a_notification_group_told_with_a_singular_subject() {
    // "группа оповещения" is the recruiters' patrol; "натовп відбив" is a masculine past tense
    check("В Ровно 10 марта толпа отбила мужчину у группы оповещения.", "2026-03-12", &[("2026-03-10", "Rivne", "Mob violence")]);
    check("У Рівному 10 березня натовп відбив чоловіка у групи оповіщення.", "2026-03-12", &[("2026-03-10", "Rivne", "Mob violence")]);
}

#[test]
fn russian_arson_told_with_the_past_tense_of_to_set_on_fire() {
    check(
        "В Запорожье 10 марта мужчина поджег автомобиль военкомата.",
        "2026-03-12",
        &[("2026-03-10", "Zaporizhzhia", "Looting/property destruction")],
    );
}

#[test]
fn a_drone_that_hit_and_a_missile_that_struck_a_house() {
    check(
        "10 марта в Сумах в результате попадания дрона в автомобиль погиб водитель.",
        "2026-03-12",
        &[("2026-03-10", "Sumy", "Air/drone strike")],
    );
    check(
        "У Харкові 10 березня ракета влучила в житловий будинок, загинули двоє людей.",
        "2026-03-12",
        &[("2026-03-10", "Kharkiv", "Shelling/artillery/missile attack")],
    );
}

#[test]
fn people_standing_up_for_a_man_the_recruiters_were_detaining() {
    check(
        "В Днепре 10 марта люди вступились за мужчину, которого задерживали сотрудники ТЦК.",
        "2026-03-12",
        &[("2026-03-10", "Dnipro", "Mob violence")],
    );
}

#[test]
fn a_rally_that_took_place_and_paint_thrown_over_a_recruitment_office() {
    check(
        "В Киеве 10 марта прошла акция в поддержку военнопленных.",
        "2026-03-12",
        &[("2026-03-10", "Kyiv", "Peaceful protest")],
    );
    check(
        "У Чернігові 10 березня відбулася акція на підтримку полонених.",
        "2026-03-12",
        &[("2026-03-10", "Chernihiv", "Peaceful protest")],
    );
    check(
        "В Ужгороде 10 марта неизвестные облили краской здание ТЦК.",
        "2026-03-12",
        &[("2026-03-10", "Uzhhorod", "Looting/property destruction")],
    );
}

// ---- a cue is a word, not the start of another word (Telegram news, 2024) --------------------

#[test]
fn a_minibus_is_no_march() {
    // "маршрутка" (minibus) starts with "марш" (march): a drone hitting one is no protest
    let text = "Вчера беспилотник атаковал маршрутку в Горловке, ранены шесть пассажиров.";
    assert!(rows(text, "2024-11-18").iter().all(|(_, _, t)| t != "Peaceful protest"), "{:?}", rows(text, "2024-11-18"));
    // the march itself still is one
    let text = "В субботу в Харькове участники марша потребовали вернуть пленных домой.";
    assert_eq!(rows(text, "2024-11-18").first().map(|r| r.2.as_str()), Some("Peaceful protest"));
}

// ---- a witness's day inside a quotation (Reuters-style reports) ------------------------------

#[test]
fn a_witness_yesterday_does_not_date_the_strike() {
    let text = "Ukraine says Russian drones hit two cities\n\nA Russian drone attack on the city of Sumy injured nine people, the governor said.\n\n“Yesterday we had just repaired the windows, and now they are gone again,” one resident said.";
    assert_eq!(rows(text, "2025-06-06"), [("2025-06-06".to_string(), "Sumy".to_string(), "Air/drone strike".to_string())]);
}

#[test]
fn an_incident_elsewhere_later_that_day() {
    // the paragraph sets the day; "in the evening" something happened at another place
    let text = "Enlistment offices under attack\n\nA man attacked a recruitment officer with a knife in Kharkiv on Monday, police said.\n\nOn the morning of March 3, a man who shot a recruitment officer was detained in the Sumy region. In the evening, an explosion occurred at the recruitment office in Lutsk.";
    let found = rows(text, "2025-03-12");
    assert!(found.iter().any(|r| r.0 == "2025-03-03" && r.1 == "Lutsk"), "{found:?}");
    assert!(found.iter().all(|r| !(r.1 == "Lutsk" && r.0 == "2025-03-12")), "{found:?}");
}

#[test]
fn a_pattern_ending_in_a_wildcard_covers_the_next_word() {
    // "wants to *" in the codebook's masks: the mask must reach the action after it, or the
    // action still counts as done
    use litopys_extract::codebook::CueKind;
    let codebook = litopys_extract::Codebook::builtin();
    let text = "He wants to attack the office.";
    let cues = codebook.scan(text);
    let mask = cues.iter().find(|c| c.kind == CueKind::Mask).expect("a mask");
    assert_eq!(mask.span.text(text), "wants to attack");
}

// ---- many people against the officers: mob violence, not one person's attack -----------------

#[test]
fn a_crowd_attacking_officers_is_mob_violence() {
    // the crowd told with a collective noun, a brawl told as "mass", passers-by stepping in
    check(
        "У Вінниці натовп напав на військовослужбовців ТЦК та пошкодив їхній автомобіль. Про це повідомили у ТЦК у вівторок, 4 листопада.",
        "2025-11-04",
        &[("2025-11-04", "Vinnytsia", "Mob violence")],
    );
    check(
        "Вчера в Полтаве произошла массовая драка между прохожими и сотрудниками ТЦК, которые пытались задержать мужчину.",
        "2025-12-10",
        &[("2025-12-09", "Poltava", "Mob violence")],
    );
    // one word matched by two cues of a rule (the stem "напал*" and the form "напала") is one
    // piece of evidence, not two
    check(
        "Вчера в Одессе толпа напала на сотрудников ТЦК.",
        "2025-12-10",
        &[("2025-12-09", "Odesa", "Mob violence")],
    );
    check(
        "On Friday, a crowd attacked recruitment officers in Uzhhorod and damaged their van, the regional TCC said.",
        "2025-09-13",
        &[("2025-09-12", "Uzhhorod", "Mob violence")],
    );
}

#[test]
fn one_or_two_attackers_are_an_attack() {
    check(
        "У Вінниці чоловік напав на військовослужбовця ТЦК з ножем. Про це повідомили у ТЦК у вівторок, 4 листопада.",
        "2025-11-04",
        &[("2025-11-04", "Vinnytsia", "Attack")],
    );
    check(
        "On Friday, two men attacked a recruitment officer in Uzhhorod with a hammer, the regional TCC said.",
        "2025-09-13",
        &[("2025-09-12", "Uzhhorod", "Attack")],
    );
}

// ---- words of battle that tell no battle ------------------------------------------------------

#[test]
fn doctors_fighting_for_lives_and_a_drone_assault_are_no_battle() {
    check(
        "Russian guided bombs hit Sumy on Saturday, killing two people. Doctors are fighting for the lives of three of the wounded, the governor said.",
        "2025-05-11",
        &[("2025-05-10", "Sumy", "Air/drone strike")],
    );
    check(
        "Russia launched a massive drone assault on Poltava overnight on Friday, injuring five people, the head of the regional administration said.",
        "2025-05-11",
        &[("2025-05-09", "Poltava", "Air/drone strike")],
    );
}

// ---- Russian forces "attacked" a town: a strike, though no weapon is named ---------------------

#[test]
fn the_enemy_attacked_a_hromada_is_a_strike() {
    check(
        "Вночі 12 березня окупанти атакували Криворізьку громаду. Загинув чоловік, ще четверо людей поранені.",
        "2025-03-12",
        &[("2025-03-12", "Kryvorizka", "Shelling/artillery/missile attack")],
    );
    check(
        "Russian attacks killed two civilians in Kramatorsk on 9 April, the regional governor said.",
        "2025-04-10",
        &[("2025-04-09", "Kramatorsk", "Shelling/artillery/missile attack")],
    );
}

#[test]
fn unknown_people_blew_up_a_recruitment_office() {
    check(
        "В городе Самбор Львовской области неизвестные взорвали здание ТЦК. Пострадавших нет, сообщили в полиции во вторник, 3 марта.",
        "2026-03-03",
        &[("2026-03-03", "Sambir", "Remote explosive/landmine/IED")],
    );
}

// ---- a day counted from an earlier attack named by its town ------------------------------------

#[test]
fn the_day_after_the_town_attack_is_another_strike_elsewhere() {
    // an undated aside between the two strikes does not move the day counted
    check(
        "A Russian missile struck a school in Sumy on Monday, killing four people, officials said on Wednesday.\n\n\
         Russian forces have stepped up strikes on cities in recent weeks.\n\n\
         The day after the deadly Sumy attack, Russian drones hit the city of Rivne. Two people were killed.",
        "2025-10-08",
        &[("2025-10-06", "Sumy", "Shelling/artillery/missile attack"), ("2025-10-07", "Rivne", "Air/drone strike")],
    );
}
