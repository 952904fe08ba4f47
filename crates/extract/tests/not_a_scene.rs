//! Names that are no scene, found in general Russian news from Telegram (issues #13, #14): a
//! capital standing for its government, a place that is only a topic, a Russian village with a
//! Ukrainian namesake, an army named as the source of a report, numbers that are part of a
//! weapon's or a unit's name. Every text below was written for litopys in the shape of those
//! posts; the places are real, the events invented.

mod common;
use common::extract;

/// `(location, sub_event_type)` of every incident in `text`.
fn rows(text: &str) -> Vec<(String, String)> {
    extract(text, "2026-03-10")
        .incidents
        .iter()
        .map(|i| (i.location.clone(), i.sub_event_type.as_str().to_string()))
        .collect()
}

// ---- a capital for its government -------------------------------------------------------------

#[test]
fn the_capital_as_speaker_is_no_scene() {
    // the strike's scene is the city named after the speaker
    let got = rows("Киев заявляет, что ночью Россия нанесла ракетный удар по Днепру.");
    assert_eq!(
        got,
        vec![(
            "Dnipro".to_string(),
            "Shelling/artillery/missile attack".to_string()
        )]
    );
    // nothing else is named: no incident at all
    assert!(rows("Киев получит новые ракеты после ракетного удара по энергосистеме.").is_empty());
    assert!(
        rows("Киев может попросить новые зенитные комплексы после ракетного удара.").is_empty()
    );
}

#[test]
fn the_capital_as_recipient_or_owner_is_no_scene() {
    assert!(
        rows("США передали Киеву новые ракеты после ракетного удара по энергосистеме.").is_empty()
    );
    assert!(
        rows("Администрация готовит для Киева пакет вооружений со снарядами для HIMARS.")
            .is_empty()
    );
    assert!(
        rows("Посол прокомментировал реакцию Киева на ракетный удар по соседней стране.")
            .is_empty()
    );
    assert!(
        rows("Взрывы прогремели в подконтрольном Киеву городе, сообщают местные каналы.")
            .is_empty()
    );
}

#[test]
fn the_capital_as_scene_stays() {
    // "по Киеву", "в Киеве", "над Киевом": prepositions of place
    assert_eq!(
        rows("Ночью российские войска нанесли ракетный удар по Киеву, есть раненые.").len(),
        1
    );
    assert_eq!(
        rows("В Киеве в результате атаки дронов пострадали два человека.").len(),
        1
    );
    assert_eq!(
        rows("Ночью Россия атаковала Киев дронами, обломки упали на жилой дом.").len(),
        1
    );
}

#[test]
fn a_place_as_topic_is_no_scene() {
    // a verdict for a video about a town is not an incident in that town
    assert!(
        rows("Суд в Москве заочно приговорил блогера к восьми годам за видео о Буче.").is_empty()
    );
}

#[test]
fn the_area_of_an_alert_or_a_power_cut_is_no_scene() {
    // a strike told without a place, then the regions of an alert and of power cuts
    let text = "Утром Россия нанесла массированный ракетный удар по энергосистеме Украины. \
        Воздушная тревога объявлена в Житомирской, а также в Винницкой области. \
        Аварийные отключения света уже действуют в Киеве и Черкасской области.";
    assert!(rows(text).is_empty(), "{:?}", rows(text));
    // the same regions as scenes: the sentence tells the strike itself
    let struck = "Утром Россия нанесла ракетный удар по Житомиру, в городе объявлена воздушная тревога.";
    assert_eq!(rows(struck), vec![("Zhytomyr".to_string(), "Shelling/artillery/missile attack".to_string())]);
    // an alert abroad still places the report abroad
    let abroad = "Посольство США в Варшаве призвало граждан укрыться при объявлении воздушной тревоги после ракетного удара.";
    assert!(rows(abroad).is_empty(), "{:?}", rows(abroad));
}

// ---- Russian namesakes --------------------------------------------------------------------------

#[test]
fn a_russian_word_for_village_and_a_russian_city_nearby_put_it_abroad() {
    // Колодязне is a village of Kharkiv oblast too
    let text = "В деревне Колодезное под Тулой произошел взрыв, пострадали трое детей.";
    assert!(rows(text).is_empty(), "{:?}", rows(text));
}

#[test]
fn a_district_of_a_russian_city_is_abroad() {
    // "Красноармейск" is also Pokrovsk's old name; a unit word stands between it and its city
    let text = "В Красноармейском районе Волгограда произошел взрыв на складе, пострадали несколько человек.";
    assert!(rows(text).is_empty(), "{:?}", rows(text));
}

#[test]
fn a_village_with_its_own_oblast_stays_in_ukraine() {
    // the Russian region is where the fire came from; the oblast names the Ukrainian village
    let text = "Новоивановка Сумской области попала под обстрел из Курской области, ранены двое.";
    let got = rows(text);
    assert_eq!(got.len(), 1, "{got:?}");
}

// ---- sources and defenders are not the attacker --------------------------------------------------

#[test]
fn the_air_force_as_source_is_not_the_attacker() {
    let out = extract(
        "Воздушные силы ВСУ заявили, что ночью Одессу атаковали ударные беспилотники.",
        "2026-03-10",
    );
    assert_eq!(out.incidents.len(), 1);
    assert_eq!(out.incidents[0].actor1, "Military Forces of Russia (2000-)");
}

#[test]
fn air_defence_is_not_the_attacker() {
    let out = extract(
        "В Одессе работала ПВО, ночью город атаковали ударные беспилотники, пострадали три человека.",
        "2026-03-10",
    );
    assert_eq!(out.incidents.len(), 1);
    assert_eq!(out.incidents[0].actor1, "Military Forces of Russia (2000-)");
}

// ---- numbers that are names ----------------------------------------------------------------------

#[test]
fn numbers_in_names_are_not_counts() {
    let out = extract(
        "В Харькове в результате удара беспилотника по 11-этажному дому пострадали три человека.",
        "2026-03-10",
    );
    assert_eq!(out.incidents.len(), 1);
    assert_eq!(out.incidents[0].injuries, Some(3));
    let out = extract(
        "Российская авиация нанесла авиаудар по Купянску бомбой ФАБ-1500, погибли два человека.",
        "2026-03-10",
    );
    assert_eq!(out.incidents[0].fatalities, 2);
    // a strike has no crowd size: the two are its dead, not its participants
    assert_eq!(out.incidents[0].participants, None);
    let out = extract(
        "В Севастополе под автомобилем сработало взрывное устройство, погиб один человек — начальник штаба 41-й бригады.",
        "2026-03-10",
    );
    assert_eq!(out.incidents[0].fatalities, 1);
}

#[test]
fn numbers_in_links_are_not_counts() {
    let out = extract(
        "По данным мэра, в Херсоне при обстреле [пострадали](https://t.me/channel/1966) семь человек.",
        "2026-03-10",
    );
    assert_eq!(out.incidents.len(), 1);
    assert_eq!(out.incidents[0].injuries, Some(7));
}

#[test]
fn a_lead_set_in_a_region_abroad_takes_the_village_named_below_with_it() {
    // the lead sets the story in Kursk oblast; the village of the body, named with no region,
    // is the Russian one, not its Ukrainian namesake
    let abroad = "Пленные рассказали о провале контрнаступления ВСУ в Курской области. Большинство из них мобилизовали силой.\n\nНочью российская артиллерия обстреляла позиции ВСУ в селе Новоивановка.";
    assert!(rows(abroad).is_empty());
    // a lead set in a Ukrainian oblast keeps its village
    let home = abroad.replace("Курской", "Сумской");
    assert_eq!(rows(&home), vec![("Novoivanivka".to_string(), "Shelling/artillery/missile attack".to_string())]);
}

#[test]
fn a_topic_word_governs_every_name_of_the_list_it_opens() {
    // the verdict is for posts about a person and a town: the town is a topic, not the scene
    assert!(rows("Суд приговорил блогера к шести годам колонии за посты про Владимира Путина и украинскую Бучу.").is_empty());
    // an attack in the town is told there
    assert_eq!(
        rows("Суд приговорил блогера к шести годам колонии за нападение на полицейского в Буче."),
        vec![("Bucha".to_string(), "Other".to_string())]
    );
}

#[test]
fn the_towns_of_a_roads_name_are_no_scene() {
    // the road is named after the towns it joins; the fighting is near another town
    let got = rows("Российские подразделения наступают у Курахово, пытаясь окружить город и взять под контроль трассу Н15 Запорожье-Донецк.");
    assert_eq!(got.iter().map(|(place, _)| place.as_str()).collect::<Vec<_>>(), vec!["Kurakhove"]);
    // with no other place named, the road names none
    assert!(rows("Российские подразделения наступают, пытаясь окружить город и взять под контроль трассу Н15 Запорожье-Донецк.").is_empty());
    // the town itself named as the goal is a place
    let got = rows("Российские подразделения наступают, пытаясь окружить город и взять под контроль Запорожье.");
    assert_eq!(got.iter().map(|(place, _)| place.as_str()).collect::<Vec<_>>(), vec!["Zaporizhzhia"]);
}

#[test]
fn a_region_missiles_pass_through_is_no_scene() {
    // "через" names a stretch of the missiles' route, not where they struck
    assert!(rows("Ракетный удар по Украине\n\nМониторинговые каналы сообщают о заходе крылатых ракет через Черниговскую область.").is_empty());
    // the region struck is the scene
    assert_eq!(
        rows("Мониторинговые каналы сообщают о ракетном ударе по Черниговской области."),
        vec![("Chernihiv".to_string(), "Shelling/artillery/missile attack".to_string())]
    );
}

// ---- a front's sector named after a town ------------------------------------------------------

#[test]
fn a_front_sector_is_no_scene() {
    // "на Донецком направлении" runs along the front; the town it is named after is no scene
    assert!(rows("Российский доброволец погиб в бою на Донецком направлении.").is_empty());
    // the town itself stays one
    assert_eq!(
        rows("Вчера российские войска штурмовали Покровск, в городе идут бои."),
        vec![("Pokrovsk".to_string(), "Armed clash".to_string())]
    );
}

#[test]
fn a_capital_that_attacks_is_the_attacker_not_the_scene() {
    // written for litopys after the construction of a wire report: the oblast is the scene
    let text = "In Sumy Oblast, one person was killed on Friday after Moscow targeted a bus carrying volunteers, the governor said.";
    let out = common::days_places(text, "2025-09-06");
    assert_eq!(out, [("2025-09-05".to_string(), "Sumy".to_string())], "{out:?}");
}
