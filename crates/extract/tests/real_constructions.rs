//! Constructions found in the real reports of the development set (`data/devset/`), each
//! rewritten here in our own words with invented incidents: how real reports give the day,
//! split into incidents and name the scene. Every text below was written for litopys; the
//! places are real, the incidents are not.
//!
//! The tests check only the day and the place of each incident (and how many there are): the
//! event types belong to the codebook and are tested with it.

mod common;
use common::extract;

fn check(text: &str, published: &str, expected: &[(&str, &str)]) {
    common::check_days_places(text, published, expected);
}

// ---- dates: weekdays and parts of day ----------------------------------------------------

#[test]
fn weekday_named_by_who_reported_it_or_with_a_part_of_day() {
    // a wire story published on Monday 2 March 2026 about Saturday night
    check(
        "Unknown men attacked a recruitment officer in Poltava late Saturday, police said Monday.",
        "2026-03-02",
        &[("2026-02-28", "Poltava")],
    );
    check(
        "On Sunday morning a crowd attacked a TCC minibus in Odesa.",
        "2026-03-03",
        &[("2026-03-01", "Odesa")],
    );
}

#[test]
fn ukrainian_weekday_in_the_genitive() {
    check(
        "Минулого четверга у Рівному чоловік напав на військового ТЦК під час оповіщення.",
        "2026-03-09",
        &[("2026-03-05", "Rivne")],
    );
    check(
        "Ввечері п'ятниці в Житомирі невідомий напав на військового ТЦК.",
        "2026-03-09",
        &[("2026-03-06", "Zhytomyr")],
    );
}

#[test]
fn russian_weekday_with_a_day_and_a_part_of_day() {
    // "в субботу, 1 февраля": the day wins over the weekday
    check(
        "В субботу, 1 февраля, в Полтаве мужчина напал на сотрудника ТЦК.",
        "2025-02-03",
        &[("2025-02-01", "Poltava")],
    );
    check(
        "Вечером 5 марта в Сумах мужчина напал на сотрудника ТЦК.",
        "2026-03-07",
        &[("2026-03-05", "Sumy")],
    );
    check(
        "Утром воскресенья в Черкассах мужчина напал на военного ТЦК.",
        "2026-03-04",
        &[("2026-03-01", "Cherkasy")],
    );
}

#[test]
fn english_part_of_day_before_the_date() {
    check(
        "In the early hours of March 9, a man attacked a recruitment officer outside the draft office in Lutsk.",
        "2026-03-10",
        &[("2026-03-09", "Lutsk")],
    );
}

// ---- dates: relative to the incident before ----------------------------------------------

#[test]
fn days_earlier_in_three_languages() {
    check(
        "On March 9 a crowd attacked a TCC minibus in Vinnytsia. Two days earlier, a man attacked a recruitment officer in Kherson.",
        "2026-03-10",
        &[("2026-03-09", "Vinnytsia"), ("2026-03-07", "Kherson")],
    );
    check(
        "9 березня у Вінниці натовп напав на бус ТЦК. За два дні до цього у Херсоні чоловік напав на військового ТЦК.",
        "2026-03-10",
        &[("2026-03-09", "Vinnytsia"), ("2026-03-07", "Kherson")],
    );
    check(
        "9 марта в Виннице толпа напала на автобус ТЦК. Днем ранее в Херсоне мужчина напал на сотрудника ТЦК.",
        "2026-03-10",
        &[("2026-03-09", "Vinnytsia"), ("2026-03-08", "Kherson")],
    );
}

// ---- dates: when it was reported is not when it happened ---------------------------------

#[test]
fn english_report_day_and_the_previous_evening() {
    let text = "A recruitment officer was stabbed in Lviv during a document check, the regional command reported on Dec. 4. \
        The attack happened on the previous evening in the city centre.";
    check(text, "2025-12-04", &[("2025-12-03", "Lviv")]);
}

#[test]
fn ukrainian_report_day_before_the_incident_day() {
    let text = "На Волині натовп напав на автомобіль ТЦК\n\n\
        Про це повідомила 8 серпня пресслужба обласного ТЦК. Інцидент стався 7 серпня у селі Соловичі Ковельського району: близько десяти людей оточили службове авто та розбили вікна.";
    check(text, "2025-08-08", &[("2025-08-07", "Solovychi")]);
}

#[test]
fn russian_statement_day_is_not_the_incident_day() {
    let text = "В Кременчуге мужчина напал на сотрудников ТЦК\n\n\
        Инцидент произошел вечером 30 октября в сборном пункте. Об этом 31 октября сообщили в полиции Полтавской области.";
    check(text, "2025-10-31", &[("2025-10-30", "Kremenchuk")]);
}

#[test]
fn datelines_and_bylines_are_the_day_of_publication() {
    // Ukrainian: time, then the day
    let uk = "На Черкащині чоловік напав на військового ТЦК\n\n15:05, 29 січня 2026\n\n\
        Інцидент стався 28 січня в Умані під час заходів оповіщення.";
    check(uk, "2026-01-29", &[("2026-01-28", "Uman")]);
    // English byline with the day and the clock
    let en = "Man attacks recruitment officer in Sumy\n\nby Staff Reporter May 18, 2024 8:11 PM 1 min read\n\n\
        A man attacked a recruitment officer in Sumy on May 17, the regional command said.";
    check(en, "2024-05-18", &[("2024-05-17", "Sumy")]);
    // Russian: weekday, day and clock; the body says "вечером 14 августа"
    let ru = "В Харькове мужчина напал на сотрудников ТЦК\n\nСуббота 16 августа 2025 14:06\n\n\
        Вечером 14 августа в Харькове мужчина напал на полицейского и сотрудников ТЦК.";
    check(ru, "2025-08-16", &[("2025-08-14", "Kharkiv")]);
}

#[test]
fn a_page_with_no_date_is_dated_by_its_dateline() {
    let text = "У Вінниці чоловік напав на військового ТЦК\n\n14:12 25.12.2025\n\nВчора у Вінниці чоловік напав на військового ТЦК під час оповіщення.";
    check(text, "", &[("2025-12-24", "Vinnytsia")]);
}

#[test]
fn a_dated_past_event_keeps_its_day() {
    check(
        "Число погибших в результате взрыва в Одессе 18 ноября выросло до пяти, сообщил мэр города.",
        "2025-11-20",
        &[("2025-11-18", "Odesa")],
    );
}

#[test]
fn history_mentioned_for_comparison_is_not_an_incident() {
    check(
        "On Tuesday about 300 people protested in Kyiv. Speakers compared it to the protest of Jan. 16, 2014 in Kyiv.",
        "2025-07-23",
        &[("2025-07-22", "Kyiv")],
    );
    check(
        "У суботу шахтарі протестували у Павлограді. Такого протесту тут не було з 1993 року, коли шахтарі протестували у Павлограді тиждень.",
        "2026-03-09",
        &[("2026-03-07", "Pavlohrad")],
    );
    check(
        "В субботу в Харькове прошел протест. Впервые протест в Харькове прошел в 2014 году.",
        "2026-03-09",
        &[("2026-03-07", "Kharkiv")],
    );
}

// ---- segmentation ----------------------------------------------------------------------------

#[test]
fn wire_dateline_names_the_desk_not_the_scene() {
    check(
        "KYIV, Feb 22 (Reuters) - An explosion killed a police officer in Lviv at midnight, police said on Sunday.",
        "2026-02-22",
        &[("2026-02-22", "Lviv")],
    );
    check(
        "МОСКВА, 25 окт — РИА Новости. Родственники пропавших военных вышли на протест в Киеве.",
        "2025-10-25",
        &[("2025-10-25", "Kyiv")],
    );
}

#[test]
fn a_digest_sentence_lists_one_incident_per_city() {
    check(
        "On July 23 protests took place in Mykolaiv, Chernihiv, Kharkiv and Dnipro.",
        "2025-07-24",
        &[
            ("2025-07-23", "Mykolaiv"),
            ("2025-07-23", "Chernihiv"),
            ("2025-07-23", "Kharkiv"),
            ("2025-07-23", "Dnipro"),
        ],
    );
    check(
        "Вчора протести відбулися у Києві, Львові та Одесі.",
        "2025-07-24",
        &[
            ("2025-07-23", "Kyiv"),
            ("2025-07-23", "Lviv"),
            ("2025-07-23", "Odesa"),
        ],
    );
    check(
        "Вчера протесты прошли в Киеве, Харькове и Запорожье.",
        "2025-07-26",
        &[
            ("2025-07-25", "Kyiv"),
            ("2025-07-25", "Kharkiv"),
            ("2025-07-25", "Zaporizhzhia"),
        ],
    );
}

#[test]
fn a_verdict_and_the_attack_it_punishes_are_two_incidents() {
    let uk = "9 жовтня суд у Черкасах виніс вирок чотирьом цивільним за напад на військових ТЦК.\n\n\
        Події сталися 26 травня в Черкасах.\n\nСуд встановив, що троє з них напали на військових ТЦК під час оповіщення.";
    check(
        uk,
        "2025-10-10",
        &[("2025-10-09", "Cherkasy"), ("2025-05-26", "Cherkasy")],
    );
    let ru = "12 марта суд в Ровно вынес приговор мужчине за нападение на военного ТЦК.\n\n\
        Нападение произошло 2 января в Ровно.\n\nТогда мужчина напал на военного ТЦК во время оповещения.";
    check(
        ru,
        "2026-03-13",
        &[("2026-03-12", "Rivne"), ("2026-01-02", "Rivne")],
    );
}

#[test]
fn an_old_incident_recalled_below_a_new_one_is_its_own() {
    // today's explosion is told without a day; the one recalled below has its own
    let text = "В одному з ТЦК Одеси пролунав вибух\n\nЗа попередніми даними, загинула одна людина. Поліція працює на місці вибуху в Одесі.\n\n\
        Раніше, 1 лютого, вибух стався в ТЦК у Рівному.";
    check(
        text,
        "2025-11-21",
        &[("2025-11-21", "Odesa"), ("2025-02-01", "Rivne")],
    );
}

#[test]
fn headline_lead_and_body_make_one_incident_in_english() {
    let text = "Man attacks recruitment officer in Kharkiv\n\n\
        A man attacked a recruitment officer in Kharkiv on Feb. 12, the regional recruitment centre said.\n\n\
        The officer was taken to hospital, police said. The attacker was detained at the scene in Kharkiv.";
    check(text, "2025-02-12", &[("2025-02-12", "Kharkiv")]);
}

// ---- the scene, not where someone is from ------------------------------------------------------

#[test]
fn origin_is_not_the_scene() {
    check(
        "A farmer from the village of Opaka attacked a recruitment officer in Drohobych on Tuesday.",
        "2025-11-13",
        &[("2025-11-11", "Drohobych")],
    );
    check(
        "Підприємець із села Опака напав на військового ТЦК у Дрогобичі 6 листопада.",
        "2025-11-13",
        &[("2025-11-06", "Drohobych")],
    );
    check(
        "Житель Запорожья напал на сотрудника ТЦК в Днепре 3 марта.",
        "2026-03-05",
        &[("2026-03-03", "Dnipro")],
    );
}

#[test]
fn where_someone_lives_when_nothing_else_is_named() {
    // the only place is the attacker's home: a coder places the incident there
    check(
        "31-летний житель Харькова напал с ножом на сотрудников ТЦК во время проверки документов 7 февраля.",
        "2026-02-07",
        &[("2026-02-07", "Kharkiv")],
    );
}

// ---- December 2 batch: a caption's day, a period's start, derived adjectives -----------------

#[test]
fn a_day_told_of_another_place_does_not_date_the_incident() {
    // a photo caption dated and placed elsewhere sits between the lead and a repeat of it
    check(
        "A man threw a grenade at the recruitment office in Busk overnight, police said Monday.\n\n\
         Men queue outside a service centre on July 12, 2024 in Kyiv. As resistance grows, a man threw a grenade at the recruitment office in Busk.",
        "2024-07-15",
        &[("2024-07-15", "Busk")],
    );
}

#[test]
fn a_date_that_opens_a_period_is_no_day_of_the_incident() {
    check(
        "Protesters rallied in Lutsk on Friday for the third time since July 22 against the new law.",
        "2025-07-26",
        &[("2025-07-25", "Lutsk")],
    );
}

#[test]
fn the_adjective_of_a_city_the_report_names_is_that_city() {
    // "Полтавском" is also a case form of the village Полтавське (five oblasts have one)
    check(
        "В Полтаве военнослужащему ТЦК сломали руку\n\nВ Полтавском ТЦК заявили о стычке трех мужчин с группой оповещения 14 ноября.",
        "2025-11-15",
        &[("2025-11-14", "Poltava")],
    );
}

#[test]
fn the_defenders_of_a_city_are_no_scene_of_their_relatives_rally() {
    check(
        "Relatives of prisoners of war rallied in Lviv on Sunday. They remind people that the defenders of Mariupol are still in captivity.",
        "2025-03-03",
        &[("2025-03-02", "Lviv")],
    );
}

#[test]
fn a_follow_up_without_a_day_tells_the_recalled_incident() {
    // a death toll update whose only day is in the recall that closes it
    check(
        "Кількість загиблих внаслідок ракетного удару по Чернігову зросла до 9.\n\nРятувальники продовжують розбирати завали.\n\nНагадаємо, 14 березня Росія вдарила ракетами по будинку в Чернігові.",
        "2026-03-16",
        &[("2026-03-14", "Chernihiv")],
    );
    // a new strike told without a day, over a recall whose own paragraph follows it up, is today's
    check(
        "Росіяни вдень атакували Чернігів авіабомбами, є поранені.\n\nНагадаємо, вранці 14 березня окупанти вдарили по будинку в Чернігові. Протягом дня кількість поранених зросла до 9.",
        "2026-03-16",
        &[("2026-03-16", "Chernihiv")],
    );
}

#[test]
fn a_month_told_with_an_old_year_or_years_ago_is_history() {
    // a retrospective: the year is told first, the month after it in the same sentence
    check(
        "У Львові в 1989 році вирував студентський протест — у жовтні студенти оголосили голодування на площі.",
        "2025-10-18",
        &[],
    );
    check("Thirty years ago today, students began a hunger strike in Kyiv.", "2020-10-02", &[]);
    // a year told after the day belongs to something else
    check(
        "On March 8, about 30 activists held a rally in Kharkiv for a journalist detained in 2024.",
        "2026-03-09",
        &[("2026-03-08", "Kharkiv")],
    );
}

#[test]
fn a_similar_incident_recalled_does_not_date_the_report() {
    check(
        "In Lviv, a driver refused to stop at the request of a notification group and hit a serviceman of the TCC with his car.\n\n\
         A month ago, a similar incident took place in Sykhiv district: a driver carried two TCC employees on the hood.",
        "2025-05-20",
        &[("2025-05-20", "Lviv")],
    );
}

#[test]
fn a_raion_named_by_its_russian_adjective_and_a_region_by_its_noun() {
    // "Калушский" is the Russian adjective of the raion (the register writes "Калуський")
    check(
        "Сегодня утром на Прикарпатье в Калушском районе мужчина напал с ножом на военнослужащих ТЦК.",
        "2026-03-09",
        &[("2026-03-09", "Kaluskyi")],
    );
    check(
        "На Франковщине мужчина напал с ножом на военнослужащего ТЦК во время проверки документов.",
        "2026-03-09",
        &[("2026-03-09", "Ivano-Frankivsk")],
    );
}

#[test]
fn the_capital_of_a_report_about_ukraine_is_kyiv() {
    check(
        "On 18 September, a peaceful rally was held in the capital in support of captured defenders of Mariupol. The participants called on the Russian Federation to free them.",
        "2024-09-19",
        &[("2024-09-18", "Kyiv")],
    );
}

#[test]
fn harm_told_at_other_places_of_a_strike_is_a_strike_there() {
    check(
        "В ночь на воскресенье российские войска атаковали ударными дронами Киевскую область.\n\n\
         В Броварах ранена девушка.\n\nВ Бучанском районе повреждены два частных дома.\n\nВ Фастовском районе поврежден склад.",
        "2025-09-07",
        &[("2025-09-07", "Brovary"), ("2025-09-07", "Buchanskyi"), ("2025-09-07", "Fastivskyi")],
    );
    // harm told of another oblast, or with no strike before it, is not
    check(
        "Вночі ворог атакував дронами Київщину, поранено жінку в Броварах.\n\nУ Львові затримали чоловіка, який пошкодив авто ТЦК.",
        "2025-09-07",
        &[("2025-09-07", "Brovary")],
    );
}

#[test]
fn the_next_place_of_a_digest_is_told_on_the_digest_day() {
    check(
        "Ворог обстрілював прикордоння Харківщини.\n\nВнаслідок вчорашніх обстрілів у Вовчанську пошкоджено пожежну частину.\n\n\
         Внаслідок обстрілу с. Колодязне Куп'янського району пошкоджені будинки.",
        "2023-03-15",
        &[("2023-03-14", "Vovchansk"), ("2023-03-14", "Kolodiazne")],
    );
}

#[test]
fn an_undated_headline_at_the_oblast_and_the_dated_body_in_its_village_are_one() {
    check(
        "Ворог скинув авіабомби на село у Запорізькій області: є загиблий\n\n\
         Російські війська 29 лютого скинули авіабомби на будинки в селі Плавні Запорізького району. Загинув чоловік.",
        "2024-03-01",
        &[("2024-02-29", "Plavni")],
    );
}

#[test]
fn a_city_label_before_a_sentence_naming_another_place_is_where_the_report_was_filed() {
    check(
        "Kyiv: A Russian missile hit Kryvyi Rih on Wednesday, wounding four people, local authorities said.",
        "2024-08-28",
        &[("2024-08-28", "Kryvyi Rih")],
    );
    // a headline "City: what happened" keeps its city
    check("Kharkiv: a Russian missile strike wounded four people on Wednesday", "2024-08-28", &[("2024-08-28", "Kharkiv")]);
}

#[test]
fn harm_in_another_oblast_told_with_the_attack_is_a_strike_there() {
    check(
        "Russian missiles struck Kharkiv on Tuesday, killing five people.\n\nThe attack injured at least 20 people in four districts of Kyiv, officials said.",
        "2024-01-23",
        &[("2024-01-23", "Kharkiv"), ("2024-01-23", "Kyiv")],
    );
}

#[test]
fn a_question_asserts_no_incident() {
    // the table of contents of a podcast episode: every line a question
    check(
        "Подкаст недели. 03:10 Кто стоит за подрывом моста под Изюмом? 07:45 Будет ли новое наступление на Запорожье?",
        "2024-11-14",
        &[],
    );
    // the same construction told as a statement is an incident
    check(
        "Вчера в Изюме подорвали автомобиль военного.",
        "2024-11-14",
        &[("2024-11-13", "Izium")],
    );
}

#[test]
fn harm_told_at_several_places_in_one_sentence_is_a_strike_at_each() {
    // an oblast governor's night summary: one sentence lists the harm at three places
    check(
        "Уночі ворожий дрон влучив у житловий будинок у Кривому Розі, поранено двох людей. \
         Також очільник ОВА повідомив про наслідки атак в області: пожежа в господарстві у Нікопольському районі, \
         пошкоджена крамниця в Марганці, зруйнований склад у Криворізькому районі.",
        "2025-11-08",
        &[
            ("2025-11-08", "Kryvyi Rih"),
            ("2025-11-08", "Nikopolskyi"),
            ("2025-11-08", "Marhanets"),
            ("2025-11-08", "Kryvorizkyi"),
        ],
    );
}

#[test]
fn a_village_of_the_raion_of_a_struck_city_is_another_scene() {
    check(
        "Вночі росіяни атакували Полтаву ударними дронами, пошкоджено підстанцію. \
         В одному із сіл Полтавського району пошкоджені три приватні будинки.",
        "2025-10-03",
        &[("2025-10-03", "Poltava"), ("2025-10-03", "Poltavskyi")],
    );
}

#[test]
fn a_verdict_and_the_attack_the_case_file_tells_are_two() {
    // the case file is told after the verdict, from an old day, at villages of another raion
    check(
        "Берегівський районний суд визнав винною жительку області у побитті військовослужбовця ТЦК. \
         Як йдеться у матеріалах справи, 3 березня 2025 року працівники ТЦК перевіряли документи у селах району. \
         До посту в селі Вилок під'їхали жінки, які почали розгойдувати службове авто. \
         Під час конфлікту обвинувачена кілька разів ударила військового палицею.",
        "2025-09-10",
        &[("2025-09-10", "Berehove"), ("2025-03-03", "Vylok")],
    );
}

#[test]
fn a_day_counted_from_the_story_tells_another_incident() {
    // the main incident has no day of its own; "a day earlier" counts from it
    check(
        "У Херсоні чоловік влаштував вибух біля працівників ТЦК. Постраждали троє військових. \
         Днем раніше у центрі міста біля кав'ярні прогримів вибух, загинула одна людина.",
        "2025-02-15",
        &[("2025-02-15", "Kherson"), ("2025-02-14", "Kherson")],
    );
}

#[test]
fn a_detention_told_in_the_passive_is_an_arrest_and_at_a_protest_an_intervention() {
    // an SBU roundup item: the arrest is the incident
    check(
        "A local man has been detained in Odesa on suspicion of plotting to derail a freight train, the SBU said on Tuesday.",
        "2025-06-18",
        &[("2025-06-17", "Odesa")],
    );
    let out = common::extract("Police detained three activists at a rally in Dnipro on Sunday.", "2025-06-18");
    assert_eq!(out.incidents.len(), 1);
    assert_eq!(out.incidents[0].sub_event_type, litopys_model::SubEventType::ProtestWithIntervention);
}

#[test]
fn last_night_in_a_morning_report_is_the_report_day() {
    // the night that ended the morning the governor wrote: dated like "в ночь с 9 на 10 марта"
    check(
        "Last night, Russian drones struck a residential building in Sumy, the governor said.",
        "2025-03-10",
        &[("2025-03-10", "Sumy")],
    );
    check(
        "Минулої ночі ворог атакував дронами Конотоп, пошкоджено будинки.",
        "2025-03-10",
        &[("2025-03-10", "Konotop")],
    );
}

// ---- pages: the page's own date, embassies, other headlines --------------------------------

#[test]
fn page_date_above_the_headline_yields_to_the_body_day() {
    // a page that prints its date in figures above the headline, then a byline, then the body
    // with the incident's own day in a raion of the oblast the headline names
    let text = "date 2026-02-12 Новини\n\n\
        На Вінниччині чоловік із сокирою напав на військового ТЦК\n\n\
        09:40, 12 лютого 2026\n\
        Військовий отримав поранення під час оповіщення в Гайсинському районі.\n\n\
        На Вінниччині чоловік із сокирою напав на військового ТЦК\n\n\
        Інцидент стався 10 лютого в Гайсинському районі. Нападника затримали.";
    check(text, "2026-02-12", &[("2026-02-10", "Haisynskyi")]);
    // a day in words opening a text is the incident's
    check(
        "9 лютого у Луцьку натовп відбив чоловіка у військових ТЦК.",
        "2026-02-12",
        &[("2026-02-09", "Lutsk")],
    );
}

#[test]
fn a_verdict_under_a_dateline_and_the_attack_it_punishes() {
    let text = "date 2026-02-20 У Полтаві суд визнав винним чоловіка, який побив працівника ТЦК. \
        Йому призначили два роки обмеження волі.\n\n\
        Інцидент стався 14 вересня, коли чоловік під час перевірки документів ударив військового.";
    check(text, "2026-02-20", &[("2026-02-20", "Poltava"), ("2025-09-14", "Poltava")]);
}

#[test]
fn an_embassy_named_after_its_country_stands_where_it_is() {
    check(
        "Relatives of missing soldiers came to the Polish embassy in Kyiv on Tuesday.\n\n\
         About 80 people gathered outside the United States Embassy, demanding help with a prisoner exchange.",
        "2026-03-04",
        &[("2026-03-03", "Kyiv")],
    );
}

#[test]
fn days_in_a_list_of_other_headlines_date_nothing() {
    // site navigation above the story: other headlines with their days
    let text = "Top news\n\nFeb 27, 06:10 PM\n\nWhat to expect from the holidays from March 8\n\n\
        Feb 27, 01:58 PM\n\nWeather: a warm week ahead\n\nFeb 26, 11:19 PM\n\nMarkets close higher\n\n\
        Feb 26, 09:54 AM\n\nA new bridge opens\n\nDrivers block a road in Zhytomyr region\n\n\
        Truck drivers partially blocked traffic on a highway near Korostyshiv in Zhytomyr region.\n\n\
        They are protesting against new border rules, police said.";
    check(text, "2026-03-01", &[("2026-03-01", "Korostyshiv")]);
}

#[test]
fn a_sergeant_attacked_with_a_knife_is_an_attack_on_an_officer() {
    check(
        "On March 2, a man armed with a knife attacked a sergeant who was handing out summonses in the town of Fastiv.",
        "2026-03-03",
        &[("2026-03-02", "Fastiv")],
    );
}

#[test]
fn statistics_accidents_and_the_whole_front_are_no_incident() {
    // a police tally by oblast under a headline about attacks in general
    check(
        "Поліція оприлюднила статистику нападів на військових ТЦК: найбільше їх на Одещині.",
        "2026-02-02",
        &[],
    );
    // the oblast with the most attacks in a tally
    check(
        "Найбільше нападів на військових зафіксовано на Волині — 31 випадок, найменше — на Закарпатті.",
        "2026-02-02",
        &[],
    );
    // a traffic accident at a checkpoint
    check(
        "ДТП у Черкасах: водій на швидкості збив двох військових на блокпосту.",
        "2026-02-02",
        &[],
    );
    check(
        "This week, fighting continued all along the front, from Kharkiv region to Zaporizhzhia.",
        "2026-02-02",
        &[],
    );
}

// ---- follow-ups, weekends and reported days (session of 3 December) ----------------------

#[test]
fn the_detention_of_the_suspect_on_a_later_day_is_part_of_the_attack() {
    check(
        "A recruitment officer was stabbed in Uzhhorod on the evening of March 4 during a document check. \
         The attacker fled.\n\nOn March 5, police said the suspect in the attack had been detained.",
        "2026-03-05",
        &[("2026-03-04", "Uzhhorod")],
    );
    check(
        "Увечері 4 березня в Ужгороді чоловік ударив ножем військового ТЦК під час перевірки документів.\n\n\
         5 березня поліція повідомила, що нападника затримали.",
        "2026-03-05",
        &[("2026-03-04", "Uzhhorod")],
    );
    // an arrest of someone else on another day is its own incident
    check(
        "A recruitment officer was stabbed in Uzhhorod on the evening of March 4.\n\n\
         On March 5, police in Lutsk detained two men for arson of a TCC car.",
        "2026-03-05",
        &[("2026-03-04", "Uzhhorod"), ("2026-03-05", "Lutsk")],
    );
}

#[test]
fn a_charge_over_a_killing_dates_nothing_the_killing_does() {
    check(
        "Two men charged over killing of draft officer\n\n\
         Prosecutors charged two men on Tuesday over the killing of a draft officer in the Sumy region. \
         One of them shot dead the officer on Saturday while being driven to a training centre.",
        "2026-03-11",
        &[("2026-03-07", "Sumy")],
    );
}

#[test]
fn the_day_before_the_day_it_was_reported_is_the_incidents() {
    // published on Saturday: "confirmed on Thursday", the shooting "the previous day"
    check(
        "Recruit shoots two instructors\n\n\
         A recruit fatally shot two instructors at a training range in the Zhytomyr region, police confirmed on Thursday. \
         The recruit opened fire on the instructors with a rifle the previous day.",
        "2026-03-14",
        &[("2026-03-11", "Zhytomyr")],
    );
}

#[test]
fn a_capitals_possessive_policy_is_no_scene() {
    check(
        "On March 3, a man attacked a TCC officer with a knife in Chernivtsi. \
         The attack was first reported by a blogger who often criticises Kyiv's mobilization policy.",
        "2026-03-04",
        &[("2026-03-03", "Chernivtsi")],
    );
    // "Kyiv's calls for a ceasefire" are the government's: the assault they answer is not in Kyiv
    check(
        "On March 3, Russian drones struck Sumy, killing two people. \
         The latest assault comes as Moscow rejects Kyiv's calls for an unconditional ceasefire.",
        "2026-03-04",
        &[("2026-03-03", "Sumy")],
    );
}

#[test]
fn a_weekend_digest_and_its_dated_item_are_one_incident() {
    // published on Monday: "this weekend" is the Sunday before, and the body's "on Sunday" the same
    check(
        "An attack on a recruitment centre in the city of Kovel this weekend followed a string of similar cases. \
         Police said one person was wounded on Sunday by a blast at the recruitment centre in Kovel.",
        "2026-03-09",
        &[("2026-03-08", "Kovel")],
    );
}

#[test]
fn since_martial_law_is_background() {
    check(
        "Since martial law was declared, men aged 25 to 60 can be drafted, and recruitment officers detain them on the streets.",
        "2026-03-09",
        &[],
    );
}

#[test]
fn a_photo_captions_day_at_another_place_does_not_date_the_incident_told_after_it() {
    // a caption dated at Kyiv, then the caption's own words about the attack in Stryi, then the body
    check(
        "Grenade thrown at recruitment office in Stryi, police say\n\n\
         A man threw a grenade at a recruitment office in Stryi overnight, police said on Monday.\n\n\
         Men queue outside a service centre to update their data on March 6, 2026 in Kyiv, Ukraine. \
         A man threw a grenade at a recruitment office in the western town of Stryi. (Photo: agency)\n\n\
         The man fled after throwing the grenade, police said.",
        "2026-03-09",
        &[("2026-03-09", "Stryi")],
    );
}

#[test]
fn the_government_trying_to_do_something_is_no_scene() {
    check(
        "Kyiv, (Agency - 5 March 2026) A blast at a recruitment centre in western Ukraine killed one person on Thursday.\n\n\
         Kyiv has been trying to replenish the ranks of its army.\n\n\
         \"Today an explosion occurred at the Kovel district recruitment centre,\" the head of the Volyn regional administration said.",
        "2026-03-05",
        // "the Kovel district recruitment centre" names the raion
        &[("2026-03-05", "Kovelskyi")],
    );
}

#[test]
fn an_example_without_a_day_of_its_own_is_no_incident() {
    check(
        "Courts rarely jail men who ignore a summons. For instance, this was the verdict of the Berezhany district court: a fine.",
        "2026-03-09",
        &[],
    );
    // an example that tells its day is an incident
    check(
        "For example, on March 2, an explosion occurred near the recruitment office in Dubno.",
        "2026-03-09",
        &[("2026-03-02", "Dubno")],
    );
}

#[test]
fn a_page_of_history_dates_none_of_its_incidents_at_publication() {
    check(
        "A revolution few remember\n\n\
         In 1989, miners organised a strike against the ministry.\n\n\
         The strike began in Donetsk in July 1989, and in 1990 it spread to Luhansk.\n\n\
         It took weeks to agree on the strike's demands.\n\n\
         In 1991, the miners went on strike again in Donetsk, demanding higher pay.",
        "2026-03-09",
        &[],
    );
}

#[test]
fn a_bylines_city_is_not_the_scene_of_an_undated_headline() {
    check(
        "Нічна атака дронами: що відомо\nКиїв • Агенція\nВнаслідок нічної атаки дронами зафіксовано влучання у Сумах.",
        "2026-03-09",
        &[("2026-03-09", "Sumy")],
    );
}

#[test]
fn the_people_of_a_city_act_in_it() {
    check(
        "5 березня одесити вийшли на акцію протесту біля міської ради, вимагаючи ремонту доріг.",
        "2026-03-05",
        &[("2026-03-05", "Odesa")],
    );
    check(
        "Вчера харьковчане вышли на митинг против повышения тарифов.",
        "2026-03-05",
        &[("2026-03-04", "Kharkiv")],
    );
}

#[test]
fn a_list_of_links_to_other_stories_tells_none_of_them() {
    check(
        "Жителі Рівного 4 березня пікетували облраду через тарифи.\n\
         Читайте також: У Житомирі чоловік напав на військового ТЦК\n\
         Учасники акції вимагали перерахунку.\n\
         Схожі новини\n\
         У Полтаві підпалили авто ТЦК\n\
         У Херсоні дрон атакував маршрутку",
        "2026-03-05",
        &[("2026-03-04", "Rivne")],
    );
}

#[test]
fn where_soldiers_were_taken_prisoner_is_no_scene_of_their_families_rally() {
    check(
        "Родственники военных, сдавшихся в плен в Мариуполе, 15 марта провели акцию в Черновцах.",
        "2026-03-16",
        &[("2026-03-15", "Chernivtsi")],
    );
}

#[test]
fn a_hromada_named_in_russian_places_its_village() {
    // Плебанівка is a village in two oblasts; the hromada in brackets, written in Russian, decides
    let text = "17 марта вблизи села Плебановка (Теребовлянская община) неизвестные подрезали автомобиль ТЦК и освободили задержанного.";
    let got: Vec<(String, String, String)> = extract(text, "2026-03-18")
        .incidents
        .iter()
        .map(|i| (i.event_date.to_string(), i.location.clone(), i.admin1.clone()))
        .collect();
    assert_eq!(got, vec![("2026-03-17".to_string(), "Plebanivka".to_string(), "Ternopil".to_string())]);
}

#[test]
fn a_raid_on_a_recruitment_centre_that_lets_recruits_escape_is_one_incident() {
    // an agency's wire: the raid told in the passive with a weekday, then an undated
    // hypothetical ("in the hope that the offices will be hit") that tells no incident
    check(
        "Unknown men raided a recruitment office in Kolomyia, Ivano-Frankivsk Region, on Tuesday, \
         allowing two conscripts to escape. They broke windows and a door, police said.",
        "2026-03-06",
        &[("2026-03-03", "Kolomyia")],
    );
    check(
        "Невідомі увірвалися до ТЦК у Коломиї у вівторок і допомогли двом військовозобов'язаним втекти.",
        "2026-03-06",
        &[("2026-03-03", "Kolomyia")],
    );
}

#[test]
fn a_word_after_an_intent_or_a_future_is_no_event() {
    // "wants to *" and "will be *" cover the word after them: the action is not told as done
    check("A man in Lutsk wants to attack the TRC office, a neighbour claimed.", "2026-03-06", &[]);
    check("Посадовець заявив, що ТЦК у Луцьку буде атаковано.", "2026-03-06", &[]);
}

#[test]
fn a_recap_of_earlier_news_without_a_day_is_no_incident() {
    // Russian pages close with "Ранее ..." lines about other stories: the day of those is not
    // the page's. "Ранее власти сообщали ..." is an earlier report of this page's incident.
    check(
        "В Нежине жители отбили мужчину у сотрудников ТЦК. \
         Ранее во Львове мужчина отбил мобилизованного у военкома арматурой.",
        "2026-01-10",
        &[("2026-01-10", "Nizhyn")],
    );
    check(
        "Раніше в Луцьку невідомі напали на працівників ТЦК.",
        "2026-01-10",
        &[],
    );
    check(
        "Ракета ударила по Харькову утром. Ранее власти сообщали о 12 пострадавших в Харькове.",
        "2026-01-10",
        &[("2026-01-10", "Kharkiv")],
    );
}

#[test]
fn neighbours_who_stop_a_detention_or_a_man_who_scatters_recruiters() {
    check(
        "В Одессе соседи помешали сотрудникам ТЦК задержать мужчину, и тот сбежал.",
        "2026-01-10",
        &[("2026-01-10", "Odesa")],
    );
    check(
        "В Ровно мужчина одним ударом повалил сотрудника ТЦК и разогнал остальных военкомов.",
        "2026-01-10",
        &[("2026-01-10", "Rivne")],
    );
}
