//! The constructions real reports use to name places, each in sentences written for litopys
//! (no text here is quoted from a report; the places are real, the events invented).

use litopys_geoparse::{Geoparser, Signal};

/// The places the geoparser accepts in `text`: (words, English name, kind, country, admin1).
fn places(text: &str) -> Vec<(String, String, &'static str, String, String)> {
    let geo = Geoparser::builtin();
    let gaz = geo.gazetteer();
    geo.parse(text)
        .iter()
        .map(|p| {
            let e = gaz.entry(p.entry());
            (
                p.text(text).to_string(),
                e.name.clone(),
                e.kind.as_str(),
                e.country.clone(),
                e.admin1.clone(),
            )
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    places(text).into_iter().map(|p| p.1).collect()
}

/// The one place `text` names, as (English name, admin1).
fn only(text: &str) -> (String, String) {
    let found = places(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    (found[0].1.clone(), found[0].4.clone())
}

#[test]
fn common_word_names_need_support() {
    // Сила (Mykolaiv oblast) is also "force"; Мені is a case form of Мена and "to me"
    assert!(places("Сила волі допомогла йому вистояти.").is_empty());
    assert!(places("Мені розповіли про це вчора.").is_empty());
    // "решту" (the rest) is also a case form of Решт, Iran's Rasht
    assert!(places("Решту людей вивезли автобусами.").is_empty());
    assert!(places("Чому ніхто не прийшов?").is_empty());
    assert_eq!(
        names("Пожежа сталася в селі Сила на Миколаївщині."),
        ["Syla", "Mykolaiv"]
    );
    // the raion named beside it backs the weak name and chooses among namesakes
    assert!(places("Мешканці Сили скаржаться на дороги.").is_empty());
    let found = places("Мешканці Сили Вознесенського району скаржаться на дороги.");
    assert_eq!(found[0].1, "Syla");
    assert_eq!(found[0].4, "Mykolaiv");
    // a Russian text: "Силы" (forces), "Строки" (lines), "Научный" (scientific)
    assert!(places("Силы противовоздушной обороны усилены. Строки кода написаны.").is_empty());
}

#[test]
fn support_is_in_the_evidence() {
    let geo = Geoparser::builtin();
    let text = "Вибух пролунав у селі Сила Миколаївської області.";
    let p = &geo.parse(text)[0];
    let signals: Vec<Signal> = p.evidence.iter().map(|e| e.signal).collect();
    assert!(signals.contains(&Signal::SettlementWord), "{signals:?}");
    assert!(signals.contains(&Signal::RegionNearby), "{signals:?}");
    assert!(p.confidence > 0.9);
    // rejected mentions say why
    let text = "Мені сказали, що все гаразд.";
    let weighed = geo.weigh(text);
    assert_eq!(weighed.len(), 1);
    let signals: Vec<Signal> = weighed[0].evidence.iter().map(|e| e.signal).collect();
    assert!(
        signals.contains(&Signal::CommonWord) && signals.contains(&Signal::SentenceStart),
        "{signals:?}"
    );
}

#[test]
fn foreign_namesakes_are_foreign() {
    // Podolsk near Moscow, not Podilsk in Odesa oblast
    let found = places("Вчера в Подольске прошла ярмарка, сообщает мэрия.");
    assert_eq!(
        (found[0].1.as_str(), found[0].3.as_str()),
        ("Podolsk", "RU")
    );
    // New York City, not the village New York in Donetsk oblast...
    let found = places("Біржа в Нью-Йорку закрилася з падінням.");
    assert_eq!(
        (found[0].1.as_str(), found[0].3.as_str()),
        ("New York City", "US")
    );
    // ...unless its oblast says otherwise
    let found = places("Обстріл Нью-Йорка Донецької області тривав усю ніч.");
    assert_eq!(
        (found[0].1.as_str(), found[0].4.as_str()),
        ("Niu-York", "Donetsk")
    );
    // Kuban is in Russia, not a village of Luhansk oblast
    let found = places("Ливни прошли на Кубани.");
    assert_eq!(found[0].3, "RU");
    // countries in their case forms
    assert_eq!(
        names("Делегації Франції, Німеччини та Сполучених Штатів Америки"),
        ["France", "Germany", "United States"]
    );
    assert_eq!(
        names("Санкции против Китая поддержали Нидерланды."),
        ["China", "Netherlands"]
    );
}

#[test]
fn adjectives_and_districts_name_what_they_derive_from() {
    // the oblast, not the village Poltavske
    assert_eq!(
        only("Поліція Полтавської області розшукує свідків."),
        ("Poltava".into(), "Poltava".into())
    );
    // a district of a city resolves inside its city
    let found = places("У Шевченківському районі Києва сталася бійка.");
    assert_eq!(found[0].4, "Kyiv City");
    let found = places("У Приморському районі Одеси затримали чоловіка.");
    assert_eq!(found[0].4, "Odesa");
    assert_ne!(found[0].4, "Crimea");
    // regional nouns
    assert_eq!(
        names("На Кіровоградщині та на Тернопільщині пройшли збори."),
        ["Kirovohrad", "Ternopil"]
    );
    // an adjective names the place it derives from, with less confidence than the name
    let geo = Geoparser::builtin();
    let adjective = geo.parse("Співробітники одеської поліції затримали чоловіка.");
    let name = geo.parse("Співробітники поліції Одеської області затримали чоловіка.");
    assert_eq!(geo.gazetteer().entry(adjective[0].entry()).admin1, "Odesa");
    assert!(adjective[0].confidence < name[0].confidence);
}

#[test]
fn case_forms_of_hyphenated_and_multi_word_names() {
    for form in [
        "Білгород-Дністровський",
        "Білгорода-Дністровського",
        "Білгороді-Дністровському",
        "Білгородом-Дністровським",
    ] {
        assert_eq!(
            only(&format!("Подію зафіксували в місті {form} вранці.")).0,
            "Bilhorod-Dnistrovskyi",
            "{form}"
        );
    }
    for form in ["Кривий Ріг", "Кривого Рогу", "Кривому Розі", "Кривим Рогом"]
    {
        assert_eq!(
            only(&format!("Бійка сталася у місті {form} ввечері.")).0,
            "Kryvyi Rih",
            "{form}"
        );
    }
    assert_eq!(only("Затримали чоловіка поблизу Стрия.").0, "Stryi");
    assert_eq!(
        only("В Каменце-Подольском прошла акция.").0,
        "Kamianets-Podilskyi"
    );
    assert_eq!(
        only("Заява з Ростова-на-Дону надійшла вночі.").0,
        "Rostov-on-Don"
    );
}

#[test]
fn old_and_russian_names() {
    assert_eq!(only("Він народився у Станіславі.").0, "Ivano-Frankivsk");
    assert_eq!(only("Завод у Дніпропетровську закрили.").0, "Dnipro");
    assert_eq!(only("Суд в Кировограде вынес приговор.").0, "Kropyvnytskyi");
    assert_eq!(only("Митинг прошёл в Ровно.").0, "Rivne");
    assert_eq!(only("Це було ще в Кіровограді.").0, "Kropyvnytskyi");
}

#[test]
fn people_are_not_places() {
    // Квітка is a village and a surname; Хмельницький a city and a hetman
    assert!(places("Пісню виконала Олена Квітка.").is_empty());
    assert!(places("Вірш написав О. Квітка.").is_empty());
    assert!(places("Памятник Богдану Хмельницькому відреставрували.").is_empty());
    assert!(places("Слово взяв Володимир, голова зборів.").is_empty());
    // but the city in its own right
    assert_eq!(only("Вибух прогримів у Хмельницькому.").0, "Khmelnytskyi");
}

#[test]
fn people_in_tokenised_text_and_after_kin_and_roles() {
    // a tokenised corpus spaces the initial's dot; kinship, roles and "за словами" mark persons
    assert!(places("Військо рушило за наказом Б . Хмельницького до фортеці.").is_empty());
    assert!(places("Про це розповіла донька баби Солі.").is_empty());
    assert!(places("Інженер пішов, як і казав за словами Кореця директор.").is_empty());
    assert!(places("Военкор Богомаз опубликовал новое видео.").is_empty());
    // a foreign first name before a small town abroad: a person, not the town
    assert!(places("В турнире сыграл Маркус Мерк.").is_empty());
    // "с" without its dot is "with", not "село"
    assert!(places("Он встретился с Олегом у подъезда.").is_empty());
}

#[test]
fn names_a_place_completes_are_not_scenes() {
    // a law, a code, a symbol named after the country
    assert!(places("Його обвинувачують за статтею 114 Кримінального кодексу України.").is_empty());
    assert!(places("Рішення ухвалили відповідно до Закону України.").is_empty());
    assert!(places("Рекорд занесли до Книги рекордів України.").is_empty());
    // the country in its own right
    assert_eq!(names("Вибухи лунали по всій Україні."), ["Ukraine"]);
    // and "законодавства України" is the country's legislation, tagged a place in real corpora
    assert_eq!(names("Це суперечить вимогам законодавства України."), ["Ukraine"]);
}

#[test]
fn a_region_named_after_a_name_decides_its_country() {
    // a Kursk village the gazetteer does not hold is not its Ukrainian namesake
    let found = places("Дрон атаковал Погребки Курской области.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Kursk Oblast");
    // the Ukrainian village when its own oblast follows
    assert_eq!(names("Обстріляли Велику Писарівку на Сумщині."), ["Velyka Pysarivka", "Sumy"]);
    // a region before a village of the same name; a country before a town abroad
    assert_eq!(only("На Кубани прошли ливни.").0, "Krasnodar Krai");
    assert_eq!(only("Делегация прилетела из Армении.").0, "Armenia");
    // whole-quoted names are organisations: a military grouping, a club
    assert!(places("Группировка «Днепр» сообщила о потерях.").is_empty());
}

#[test]
fn countries_regions_and_plurals_in_every_form() {
    assert_eq!(names("Він працював у Казахстані, потім у Бразилії."), ["Kazakhstan", "Brazil"]);
    assert_eq!(names("Жители Московской области и Химок вышли на акцию."), ["Moscow Oblast", "Khimki"]);
    assert_eq!(names("Поезд пришёл из Орла."), ["Orël"]);
    assert_eq!(names("Туди прилетіли з М'янми."), ["Myanmar"]);
    // the quarters of the world, capitalised as names
    assert_eq!(names("Підтримка зі Сходу і Заходу тривала."), ["the East", "the West"]);
}

#[test]
fn streets_are_placed_in_their_city() {
    let geo = Geoparser::builtin();
    let text = "Акція відбулася на вул. Кірова, 12 у Мелітополі.";
    let found = geo.parse(text);
    // "Кірова" is the street's name, not the Russian city Kirov
    let names: Vec<&str> = found.iter().map(|p| geo.gazetteer().entry(p.entry()).name.as_str()).collect();
    assert_eq!(names, ["Melitopol"]);
    let streets = geo.streets(text, &found);
    assert_eq!(streets.len(), 1);
    assert_eq!(streets[0].street.span.text(text), "вул. Кірова, 12");
    assert_eq!(streets[0].city.map(|id| geo.gazetteer().entry(id).name.as_str()), Some("Melitopol"));
}

#[test]
fn a_village_before_its_oblast_city_name_is_backed_by_it() {
    // "X, Kyiv" as ACLED's notes and wire reports write it: Kyiv is the oblast here, and the
    // village in it is no less a place for lacking a preposition
    let found = places("On 3 May, shelling hit Makariv, Kyiv, overnight.");
    let makariv = found.iter().find(|p| p.0 == "Makariv").expect("Makariv accepted");
    assert_eq!((makariv.2, makariv.4.as_str()), ("village", "Kyiv"));
    // a list of cities is no village and its oblast
    assert_eq!(names("Sirens sounded in Lviv, Kyiv and Odesa."), ["Lviv", "Kyiv", "Odesa"]);
}

#[test]
fn the_press_romanisation_finds_villages_too() {
    // я as "ya", ї as "yi", щ as "sch", as news agencies spell them beside the official "ia"/"i"/"shch"
    let found = places("Artillery struck near Vodyane, Donetsk region, and near Andriyivka.");
    let vodiane = found.iter().find(|p| p.0.ends_with("Vodyane")).expect("Vodyane found");
    assert_eq!((vodiane.1.as_str(), vodiane.4.as_str()), ("Vodiane", "Donetsk"));
    assert!(found.iter().any(|p| p.1 == "Andriivka"), "{found:?}");
}

#[test]
fn a_capitalised_locative_after_in_is_a_place() {
    // Чорнобиль is also a plant (mugwort); capitalised in a locative after "в" it is the town
    assert_eq!(names("Туди поїхали працювати, і він лишився жити в Чорнобилі."), ["Chornobyl"]);
    assert_eq!(names("Он остался жить в Чернобыле после аварии."), ["Chornobyl"]);
    // the plant itself, lower case, is no place
    assert!(places("Вздовж дороги ріс чорнобиль.").is_empty());
}

#[test]
fn a_surname_named_as_a_person_elsewhere_stays_the_person() {
    // Осипенко is a village of Zaporizhzhia oblast and a surname: once the text has named
    // "Галина Осипенко", the surname alone is her, not the village
    let text = "Директорка школи Галина Осипенко відкрила виставку. Осипенко подякувала гостям.";
    assert!(places(text).is_empty(), "{:?}", places(text));
    let weighed = Geoparser::builtin().weigh(text);
    let second = weighed.iter().find(|p| p.span().start > text.find('.').unwrap_or(0));
    assert!(second.is_some_and(|p| p.evidence.iter().any(|e| e.signal == Signal::PersonElsewhere)));
    // with a preposition of place the village still counts
    let text = "Галина Осипенко виросла в селі. Потім вона поїхала до Осипенка Бердянського району.";
    assert_eq!(names(text), ["Osypenko", "Berdianskyi"]);
}

#[test]
fn a_place_that_ends_a_title_in_quotes_is_the_title() {
    // a newspaper or a programme named after its city: «Вечірній вісник. Житомир»
    assert!(places("Про це написало видання «Вечірній вісник. Житомир».").is_empty());
    assert!(places("Як повідомляє « Ранок — Полтава » , ціни зросли.").is_empty());
    // a place inside the title's phrase is marked as a place by the named-entity corpora
    assert_eq!(names("Він дав інтерв'ю «Голосу Америки»."), ["United States"]);
    // spaced quotes of tokenised text still enclose a name
    assert!(places("Гурт « Sofia » виступив у клубі.").is_empty());
}

#[test]
fn first_names_in_use_and_foreign_first_names() {
    // Питер is Saint Petersburg's other name and a first name; before a surname, the person
    assert!(places("Заявление сделал посол Питер Семнеби.").is_empty());
    assert_eq!(names("Выставка открылась в Питере."), ["Saint Petersburg"]);
    // a first name of the generated list before a town's namesake
    assert!(places("Вчера Аркадий Сокол выступил на съезде.").is_empty());
}

#[test]
fn a_neighbour_countrys_border_town_is_a_place() {
    assert_eq!(names("Автобус прямував до Холма."), ["Chełm"]);
    assert_eq!(names("Черга на кордоні біля Перемишля зросла."), ["Przemyśl"]);
    assert_eq!(names("Він жив у Солікамську."), ["Solikamsk"]);
    assert_eq!(names("Я таке бачив у Карелії."), ["Kareliya Republic"]);
    assert_eq!(names("Делегація прибула до Єгипту."), ["Egypt"]);
}

#[test]
fn landmarks_are_places_and_their_words_are_no_villages() {
    use litopys_geoparse::Feature;
    let geo = Geoparser::builtin();
    let landmarks = |text: &str| -> Vec<String> {
        let places = geo.parse(text);
        geo.streets(text, &places)
            .iter()
            .filter(|s| s.street.feature == Feature::Landmark)
            .map(|s| s.street.name.text(text).to_string())
            .collect()
    };
    let text = "Мітинг зібрався в Шевченківському гаю, а потім пройшов до Личаківського кладовища у Львові.";
    assert_eq!(landmarks(text), ["Шевченківському", "Личаківського"]);
    // a landmark named after a person is no town: "парку Горького" is not Nizhny Novgorod
    let text = "Вибух пролунав біля парку Горького в Харкові.";
    assert_eq!(landmarks(text), ["Горького"]);
    assert_eq!(names(text), ["Kharkiv"]);
    // a town's adjective before an airport names the airport, not a raion of the same stem
    assert_eq!(landmarks("Дрон атакував район Бориспільського аеропорту."), ["Бориспільського"]);
    // a name in quotes after the word, in tokenised text too
    assert_eq!(landmarks("Пожежа охопила заказник « Сухий Лиман » на півдні."), ["Сухий Лиман"]);
    // the market of a country is no landmark; a person after "театру" is no landmark's name
    assert!(landmarks("Ціни на ринку України зросли.").is_empty());
    assert!(landmarks("Про це сказав директор Оперного театру Андрій Коваль.").iter().all(|l| l != "Андрій Коваль"));
}

#[test]
fn abolished_raions_and_regional_nouns_of_towns() {
    // raions abolished in 2020 are still named; the old raion stands for the current raion of its
    // centre, so that a village in it is told from its namesakes
    let geo = Geoparser::builtin();
    let text = "Обстріляли село Іллінка Мар'їнського району Донецької області.";
    let found: Vec<_> = geo.parse(text).iter().map(|p| geo.gazetteer().entry(p.entry()).clone()).collect();
    let raion = found.iter().find(|e| e.kind.as_str() == "raion").expect("the old raion is a place");
    assert_eq!(raion.name, "Marinskyi");
    let village = found.iter().find(|e| e.kind.as_str() == "village").expect("the village is a place");
    assert_eq!(village.name, "Illinka");
    assert_eq!(village.admin2.as_deref(), Some("Pokrovskyi"));
    assert_eq!(only("Пожежа сталася у Знам'янському районі."), ("Znamianskyi".into(), "Kirovohrad".into()));
    // the adjective alone is a surname, not a raion
    assert!(places("Про це розповів Знам'янський.").is_empty());
    // a town's regional noun names the area around it; an oblast's stays the oblast's
    assert_eq!(only("На Бориспільщині затримали чоловіка."), ("Boryspilshchyna".into(), "Kyiv".into()));
    assert_eq!(only("Акція пройшла на Калущині."), ("Kalushchyna".into(), "Ivano-Frankivsk".into()));
    assert_eq!(only("Дрони атакували Полтавщину."), ("Poltava".into(), "Poltava".into()));
}

#[test]
fn districts_and_villages_of_another_country() {
    // a district's adjective that no raion of Ukraine bears is no settlement ("Красноармейск"
    // was an old name of a town)
    assert!(names("Беспилотник сбили над Красноармейским районом Краснодарского края.").iter().all(|n| n == "Krasnodar Krai"));
    // a village of a Russian region the gazetteer does not hold is not its Ukrainian namesake,
    // even with a settlement word before it
    assert!(names("Полицейского ранили в селе Тавричанка Приморского края.").iter().all(|n| n != "Tavrychanka"));
    // a raion of a Russian border oblast after "в": the village before it is Russia's
    let found = places("Утром сообщили, что село Новоивановка в Суджанском районе занято.");
    assert!(found.iter().all(|p| p.1 != "Novoivanivka"), "{found:?}");
    assert!(found.iter().any(|p| p.1 == "Sudzhansky District" && p.3 == "RU"), "{found:?}");
    // a village whose only namesake lies in another oblast than the one named after it ("в
    // ДНР") is not that namesake (the Donetsk Leninske was renamed)
    assert!(names("Военные заняли Ленинское в ДНР.").iter().all(|n| n != "Leninske"));
    // the oblast that holds it backs it
    assert!(names("Военные заняли Ленинское в Херсонской области.").iter().any(|n| n == "Leninske"));
}

#[test]
fn names_sharing_a_plural_region_word_are_regions() {
    let found = places("Russians kill two civilians in Donetsk and Kherson oblasts; strikes hit Sumy, Kharkiv and Poltava regions.");
    let kinds: Vec<(&str, &str)> = found.iter().map(|p| (p.1.as_str(), p.2)).collect();
    assert_eq!(
        kinds,
        [("Donetsk", "oblast"), ("Kherson", "oblast"), ("Sumy", "oblast"), ("Kharkiv", "oblast"), ("Poltava", "oblast")]
    );
    // a city followed by other words is still the city
    assert_eq!(places("Donetsk said the regions were calm.")[0].2, "city");
}

#[test]
fn small_towns_across_the_border_are_russian() {
    // the towns of Russia's border regions, however small, are in the world table
    let found = places("Бои идут у Суджи и под Теткино.");
    assert!(found.iter().any(|p| p.1 == "Sudzha" && p.3 == "RU"), "{found:?}");
    // a Russian village that shares a Ukrainian region's name does not take the region's place
    assert_eq!(only("Беспилотники сбиты над Крымом."), ("Crimea".into(), "Crimea".into()));
}

#[test]
fn a_text_about_another_country_and_a_surname_repeated() {
    // a village of another country's region, named in a text whose places are all abroad, is
    // not its Ukrainian namesake
    let text = "В Приморье задержали мужчину. Он напал с ножом на полицейского в поселке Тавричанка.";
    assert!(names(text).iter().all(|n| n != "Tavrychanka"), "{:?}", names(text));
    // with a Ukrainian place nearby the village stands
    let text = "На Херсонщине обстреляли поселок Тавричанка.";
    assert!(names(text).iter().any(|n| n == "Tavrychanka"), "{:?}", names(text));
    // a surname in the very form it took next to a first name is the person after "у" too
    let text = "Полиция задержала мошенника по делу певицы Ларисы Долиной. Деньги у Долиной похитили в июне.";
    assert!(names(text).iter().all(|n| n != "Dolyna"), "{:?}", names(text));
}

#[test]
fn an_english_village_district_is_the_village() {
    // ACLED's "shelled X district" names the village and its surroundings
    let found = names("Russian forces shelled Studenok district, Kharkiv.");
    assert_eq!(found.first().map(String::as_str), Some("Studenok"), "{found:?}");
}

#[test]
fn a_possessive_before_its_noun() {
    // "Часів Яр" declines its first word as a possessive; Russian writers also keep it as it is
    for text in ["Бої тривають у Часовому Яру.", "Бой в Часовом Яре продолжается.", "12 мая в Часов Яре Донецкой области шел бой."] {
        assert_eq!(names(text).first().map(String::as_str), Some("Chasiv Yar"), "{text}");
    }
}

#[test]
fn a_nickname_in_quotes_between_first_name_and_surname() {
    // "Петро «Сокіл» Хмельницький" is a musician, not the city
    assert!(names("Вчора на сцені співав Петро «Сокіл» Хмельницький.").is_empty());
    assert!(names("Вчора на сцені співав Петро « Сокіл » Хмельницький .").is_empty());
    // quotes after a place are a title, not a nickname
    assert_eq!(names("Він приїхав до Хмельницького «на гастролі»."), ["Khmelnytskyi"]);
}

#[test]
fn an_adjective_that_qualifies_the_noun_after_it_is_no_place() {
    // villages named Велике, Глибока, Медове: here adjectives of "місто", "рана", "життя"
    assert!(names("Вона мріяла переїхати у Велике місто.").is_empty());
    assert!(names("Ця Глибока рана не гоїлась роками.").is_empty());
    assert!(names("Нам обіцяли Медове життя без турбот.").is_empty());
    // the village named alone, or before a verb, stays a place
    assert_eq!(names("Снаряд влучив у Медове, поранено двох людей."), ["Medove"]);
    assert_eq!(names("Глибока постраждала від зливи."), Vec::<String>::new());
}

#[test]
fn a_tokenised_abbreviation_of_village() {
    // tokenised text spaces the dot: "с . Ясень" is the village, no sentence ends there
    assert_eq!(names("Хату відбудували в с . Ясень , сусіди допомогли ."), ["Yasen"]);
}

#[test]
fn a_town_named_after_a_person_the_text_names() {
    // the text names the hetman; bare "Хмельницького" is him, "у Хмельницькому" the city
    let text = "Богдан Хмельницький уклав союз. Потім військо Хмельницького рушило на захід. \
                Пам'ятник йому стоїть у Хмельницькому.";
    assert_eq!(names(text), ["Khmelnytskyi"]);
    assert!(places(text)[0].0.contains("Хмельницькому"));
    // without the person, the city in the genitive is the city
    assert_eq!(names("Мешканці Хмельницького вийшли на акцію."), ["Khmelnytskyi"]);
}

#[test]
fn rivers_counties_and_communities_by_their_grammar() {
    use litopys_geoparse::Feature;
    let geo = Geoparser::builtin();
    let found = |text: &str, feature: Feature| -> Vec<String> {
        let places = geo.parse(text);
        geo.streets(text, &places)
            .iter()
            .filter(|s| s.street.feature == feature)
            .map(|s| s.street.name.text(text).to_string())
            .collect()
    };
    // a river's name after the word, in Ukrainian and Russian
    assert_eq!(found("Мертву рибу знайшли у річці Сапалаївка біля Києва.", Feature::Landmark), ["Сапалаївка"]);
    assert_eq!(found("Отходы сбрасывали в реку Славянку под Петербургом.", Feature::Landmark), ["Славянку"]);
    // a river's name before the word is a story's, not a name
    assert!(found("Казкова Медова ріка текла між горами.", Feature::Landmark).is_empty());
    // an old county and a community the gazetteer does not hold
    assert_eq!(found("Він народився в Золотоніському повіті.", Feature::Unit), ["Золотоніському"]);
    assert_eq!(found("Туди поїхав голова Березівської ОТГ.", Feature::Unit), ["Березівської"]);
    // a raion the gazetteer holds is its place, and a governorate is its oblast
    assert!(found("Хату збудували у Стрийському районі.", Feature::Unit).is_empty());
    let kinds: Vec<_> = places("Він народився у Полтавській губернії.").into_iter().map(|p| p.2).collect();
    assert_eq!(kinds, ["oblast"]);
}

#[test]
fn a_dative_in_ovi_is_a_person_not_a_locative() {
    // "-ові" without a preposition is a dative: someone is given something
    assert!(names("Мати віддала Горохові останній шматок хліба.").is_empty());
    assert!(names("Доведеться годити тому Котові до ранку.").is_empty());
    // after a preposition, past adjectives and particles, it is the town's locative
    assert_eq!(names("Ярмарок відкрили у Горохові минулої неділі."), ["Horokhiv"]);
    assert_eq!(names("Ми зустрілися у нашому рідному Горохові."), ["Horokhiv"]);
}

#[test]
fn folk_first_names_mark_a_persons_name() {
    // "Гнат Паляниця" is a man, not the village Поляниця; "Христя Алчевська" a woman, not the
    // town Алчевськ
    assert!(names("Спитайте в Гната Паляниці, він знає дорогу.").is_empty());
    assert!(names("Вірші читала Христя Алчевська.").is_empty());
}

#[test]
fn abbreviations_lists_of_regions_and_officials_of_a_place() {
    // an abbreviation in capitals is no surname, whatever first name stands beside it
    assert_eq!(names("В составе сборной СССР Виктор Петров забил гол."), ["Soviet Union"]);
    // a list of oblasts: the next one is a sibling, not the region the name lies in
    let found = names("Збори пройшли у Волинській, Рівненській, Івано-Франківська, Львівська області.");
    assert!(found.contains(&"Ivano-Frankivsk".to_string()), "{found:?}");
    // an official of a small town, and then his own first name and surname
    assert_eq!(names("У Криму про це сказав мер Алупки Андрій Ковальчук."), ["Crimea", "Alupka"]);
    // the surname first, and the first name and patronymic after it, is one person
    assert!(names("Протокол підписала Квітка Олена Петрівна.").is_empty());
}

#[test]
fn streets_listed_after_one_street_word() {
    let geo = Geoparser::builtin();
    let streets = |text: &str| -> Vec<String> {
        let places = geo.parse(text);
        geo.streets(text, &places).iter().map(|s| s.street.name.text(text).to_string()).collect()
    };
    assert_eq!(
        streets("Воду відключать на вул. Садовій, Вишневій та Б. Грінченка в Ірпені."),
        ["Садовій", "Вишневій", "Грінченка"]
    );
    assert_eq!(streets("Аварія сталася на перехресті вулиць Садової та Лугової."), ["Садової", "Лугової"]);
    // a colon after the plural word, and a bracket after the last name
    assert_eq!(
        streets("Цього року відремонтують асфальт вулиць: Садова, Лугова і Вишнева (у центрі)."),
        ["Садова", "Лугова", "Вишнева"]
    );
    // "вулицях Львова" are Lviv's streets; a town after an address is the town
    assert!(streets("На вулицях Львова було тихо.").is_empty());
    assert_eq!(names("На вулицях Львова було тихо."), ["Lviv"]);
    let text = "Офіс фірми: вул. Садова, 5, Київ.";
    assert_eq!(streets(text), ["Садова"]);
    assert_eq!(names(text), ["Kyiv"]);
}

#[test]
fn domain_zones_far_towns_beside_names_and_first_names_before_surnames() {
    // a domain name's zone is no country
    assert!(names("Регистрация сайтов в зоне .РФ началась осенью.").is_empty());
    // a far town's spelling beside a capitalised name is a person's name
    assert!(names("Заявление сделал премьер Наото Кана вчера.").is_empty());
    // a name before a surname in the nominative is a first name
    assert!(names("Партию выиграл Шахрияр Мамедьяров.").is_empty());
    // a far town named as a person elsewhere in the text is that person
    let text = "Вместо Оливера Кана капитаном стал другой. Реакцией Кана было разочарование.";
    assert!(names(text).is_empty());
}

#[test]
fn a_capitalised_word_after_a_preposition_of_place_in_any_case() {
    // Чорнобиль is also a plant's name; after "від" or "в" with a capital it is the town
    assert_eq!(names("Вони їхали від Чорнобиля до Іванкова."), ["Chornobyl", "Ivankiv"]);
    assert_eq!(names("Журналіст збирався в Чорнобиль з Іванкова."), ["Chornobyl", "Ivankiv"]);
    // the plant in lower case stays a plant
    assert!(names("Біля дороги ріс чорнобиль.").is_empty());
}

#[test]
fn the_states_of_the_us_and_other_spellings_of_countries() {
    assert_eq!(names("Стрілянина сталася в Аризоні."), ["Arizona"]);
    assert_eq!(names("Самолёт приземлился в Южной Каролине."), ["South Carolina"]);
    assert_eq!(names("Переговоры прошли в Македонии и Туркмении."), ["North Macedonia", "Turkmenistan"]);
}

#[test]
fn a_village_listed_with_towns_is_a_place() {
    // alone at the start of a clause a village needs support; in a list of towns it has it
    assert_eq!(
        names("Гуманітарну допомогу отримали Тернопіль, Ємільчине і Бурштин."),
        ["Ternopil", "Yemilchyne", "Burshtyn"]
    );
    // a person's name in a list after a town stays a person
    assert_eq!(names("Приїхали гості з Києва і Борислав Савчук."), ["Kyiv"]);
}

#[test]
fn a_russian_case_form_of_a_town_is_the_town_not_a_village_of_that_nominative() {
    // written for litopys: "в Глухове" is Russian for у Глухові (Sumy oblast, 31,789 people);
    // Глухове is also a village of Poltava oblast in the nominative
    let geo = litopys_geoparse::Geoparser::builtin();
    let text = "Дроны попали в общежитие в Глухове, погибли шесть человек.";
    let places = geo.parse(text);
    let admin1: Vec<&str> = places.iter().map(|p| geo.gazetteer().entry(p.entry()).admin1.as_str()).collect();
    assert_eq!(admin1, ["Sumy"]);
    // framed as a village, the village keeps its name
    let text = "У селі Глухове Полтавської області сталася пожежа.";
    let places = geo.parse(text);
    assert_eq!(places.first().map(|p| geo.gazetteer().entry(p.entry()).admin1.as_str()), Some("Poltava"));
}

#[test]
fn a_place_inside_a_quoted_title_is_a_word_of_the_title() {
    // written for litopys: a magazine, a book and an album named after places
    assert!(names("Журнал «Вісті з Полтави» виходить щомісяця.").is_empty());
    assert!(names("Він підписав книжку «Легенди степової України» для музею.").is_empty());
    assert!(names("Вийшов альбом «Пісні про Одесу» з фотографіями.").is_empty());
    // its oblast named nearby does not make it a place again
    assert_eq!(names("Про це пише «Щоденні новини Полтави» з посиланням на Полтавську область."), ["Poltava"]);
    // quoted speech with a comma is no title; a name the quotes enclose alone keeps its rule
    assert_eq!(names("«Ми поїдемо до Полтави, а потім додому», - сказав він."), ["Poltava"]);
    assert_eq!(names("Вони поїхали до Полтави."), ["Poltava"]);
    // direct speech, after a colon or before a comma and a dash, is no title either
    assert_eq!(names("«Повернуся до Полтави взимку», — сказала вона."), ["Poltava"]);
    assert_eq!(names("Вона сказала: «Повернуся до Полтави взимку»."), ["Poltava"]);
    // two words are often a name of their own kind, tagged a place: «Голос Америки»
    assert_eq!(names("Він дав інтерв'ю «Голосу Америки» вчора."), ["United States"]);
}

#[test]
fn a_short_name_of_a_big_city_abroad_is_a_name() {
    // written for litopys: Рим (Rome, 2.3 million) has three letters, which alone made it weak
    assert_eq!(names("Місто, як і Рим, стоїть на пагорбах."), ["Rome"]);
    assert_eq!(names("Делегація прилетіла до Рима вчора."), ["Rome"]);
    // "Усі" (all) is also a spelling of Wuxi: a word far more often than the city
    assert!(names("Усі пішли додому.").is_empty());
}

#[test]
fn regions_lands_and_waters_of_prose() {
    // written for litopys
    assert_eq!(names("Влітку вони подорожували Андалусією та Каталонією."), ["Andalucía", "Catalunya"]);
    assert_eq!(names("Дід прибув до Львова з Сілезії."), ["Lviv", "Silesia"]);
    assert_eq!(names("Туристи їздять до Мертвого моря."), ["Dead Sea"]);
    assert_eq!(names("Він упав у Даугаву біля мосту."), ["Daugava"]);
    assert_eq!(names("Міста Речі Посполитої торгували з Кримом."), ["Polish-Lithuanian Commonwealth", "Crimea"]);
    assert_eq!(names("Вона виросла на березі Дністра."), ["Dniester"]);
    assert_eq!(names("Вони мріють поїхати на Крит."), ["Crete"]);
}

#[test]
fn former_names_of_renamed_towns() {
    // written for litopys: Червоноград is Sheptytskyi since 2024, Торез Chystiakove since 2016
    assert_eq!(only("Засідання провели у Червонограді."), ("Sheptytskyi".to_string(), "Lviv".to_string()));
    assert_eq!(only("Шахту в Торезі закрили давно."), ("Chystiakove".to_string(), "Donetsk".to_string()));
}

#[test]
fn persons_beside_kin_particles_and_in_the_instrumental() {
    // written for litopys
    assert!(names("Поруч сиділа сестра їхня Зубра.").is_empty());
    assert!(names("Він не залишив рідну сестру Зубра саму.").is_empty());
    assert!(names("Метод описав ботанік А. де Барі.").is_empty());
    assert!(names("Він пообідав з Івановим у кафе.").is_empty());
    assert!(names("Вчера с Гагариным встретились журналисты.").is_empty());
    // where the town is named, it is the town
    assert_eq!(names("Учения прошли под Гагарином."), ["Gagarin"]);
    assert_eq!(names("Там, де Барі, море тепле."), ["Bari"]);
}

#[test]
fn abbreviations_and_mismatched_village_words() {
    // written for litopys
    // two or three capitals are an abbreviation, not Of (Turkey) or the village Buky
    assert!(names("Слово має код ОФ у таблиці.").is_empty());
    assert!(names("Зенітний комплекс БУК-3 коштує дорого.").is_empty());
    // "у селі Коля" is no village of Kiel's
    assert!(places("Вона купила хліб у селі Коля.").iter().all(|p| p.3 != "DE"));
    // the second of two names after a kinship word is a person too
    assert!(names("Прийшли сестри Ластівки й Сороки.").is_empty());
}

#[test]
fn programme_periods_and_hyphenated_words() {
    // written for litopys: a programme's period after the place scopes a document's title
    assert!(names("Уряд схвалив програму розвитку туризму України на 2021–2025 роки.").is_empty());
    assert_eq!(names("Фірму зареєстрували в Києві у 2019 році."), ["Kyiv"]);
    // the first part of a hyphenated word in lower case is no settlement
    assert!(names("Вона прийшла до Сані-жида вчора.").is_empty());
    // a capital after the hyphen names a route, and the first town stays
    assert_eq!(names("Поїзд Київ-Одеса вирушив.").first().map(String::as_str), Some("Kyiv"));
}

#[test]
fn a_village_word_abbreviated_before_a_line_break() {
    // written for litopys: sentence splitters break the line after "с."
    assert_eq!(names("Ділянку продали в с.\nСтоянка за безцінь."), ["Stoianka"]);
}

#[test]
fn lands_before_towns_abroad_and_oblasts_before_villages() {
    // written for litopys: ancient Sparta and Rus before Sparta (Greece) and Ruse (Bulgaria)
    let kinds = |t: &str| places(t).into_iter().map(|p| (p.1, p.2)).collect::<Vec<_>>();
    assert_eq!(kinds("Колись вони захищали Спарту."), [("Sparta".to_string(), "area")]);
    assert_eq!(kinds("Слава про нього йшла по всій Русі."), [("Kyivan Rus".to_string(), "area")]);
    // "Тернопілля" is Ternopil oblast's regional name, and a village of Lviv oblast
    assert_eq!(kinds("Вони переїхали на Тернопілля."), [("Ternopil".to_string(), "oblast")]);
    // an oblast framed as a region scopes a programme too
    assert!(names("Затвердили програму підтримки громад у Запорізькій області на 2015–2018 роки.").is_empty());
}

#[test]
fn old_states_old_names_and_city_neighbourhoods() {
    // written for litopys
    assert_eq!(names("Він служив у Югославії та Чехословаччині."), ["Yugoslavia", "Czechoslovakia"]);
    assert_eq!(names("Австрійці називали місто Лемберг."), ["Lviv"]);
    assert_eq!(names("У Львові ми гуляли Погулянкою до Знесіння."), ["Lviv", "Pohulianka", "Znesinnia"]);
    assert_eq!(names("Він живе в Києві, на Святошині."), ["Kyiv", "Sviatoshyn"]);
}

#[test]
fn latin_first_names_with_a_surname_are_persons() {
    // Сергії (Chernivtsi) is also the first name Сергій, which English reports write "Serhii",
    // "Sergii", "Serhiy"; a surname after it makes a person of it
    assert!(!names("Officials said Serhii Lysak had visited the hospital.").contains(&"Serhii".to_string()));
    assert!(!names("As Sergii Tiurin put it, the night was quiet in the oblast.").contains(&"Serhii".to_string()));
    assert!(!names("The governor, Serhiy Lysak, reported two injured.").contains(&"Serhii".to_string()));
    // the village itself still counts where the text says it is one
    assert!(names("A drone struck the village of Serhii in Chernivtsi Oblast.").contains(&"Serhii".to_string()));
    assert_eq!(only("Fire broke out in the village of Serhii on Monday.").0, "Serhii");
}

#[test]
fn raions_abolished_in_2020_are_still_places() {
    // Перевальськ lies in the Алчевська hromada now, and Новопсков is named Айдар: neither gives
    // a hromada's name, yet reports name the raions they were the centres of
    let found = places("Село Перевальського району знову обстріляли.");
    assert!(found.iter().any(|p| p.1 == "Perevalskyi" && p.2 == "raion" && p.4 == "Luhansk"), "{found:?}");
    let found = places("У Новопсковському районі окупанти відкрили фільтраційний табір.");
    assert!(found.iter().any(|p| p.1 == "Novopskovskyi" && p.4 == "Luhansk"), "{found:?}");
    // the hromada's town has no point of its own: Кринички of the Криничанська hromada
    let found = places("Пожежа сталася в Криничанському районі.");
    assert!(found.iter().any(|p| p.1 == "Krynychanskyi" && p.4 == "Dnipropetrovsk"), "{found:?}");
}

#[test]
fn a_regional_administration_names_the_oblast() {
    let found = places("The head of the Poltava Regional Military Administration said two people were hurt.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "oblast");
    assert_eq!(found[0].4, "Poltava");
}

#[test]
fn feminine_adjectival_village_names_in_oblique_cases() {
    // Тернова and Пасічна decline as adjectives: "від Тернової", "у Пасічній"
    assert!(names("Автобус вирушив від Тернової о сьомій ранку.").contains(&"Ternova".to_string()));
    assert!(names("Мій дід усе життя прожив у селі Пасічній.").contains(&"Pasichna".to_string()));
    // a common word of that shape stays weak: "нової" is "new"
    assert!(places("Ми чекаємо нової зустрічі.").is_empty());
}

#[test]
fn an_adjectival_name_in_the_locative_is_no_surname() {
    // "в Приазовському": a surname seldom stands in the locative after "в"
    assert_eq!(only("Учора в Приазовському відкрили нову амбулаторію.").0, "Pryazovske");
}

#[test]
fn the_ends_of_a_route_are_listed_places() {
    // Лозова has a surname's shape, but a spaced dash joins it to Полтава
    let found = names("Потяг сполученням Полтава – Лозова запізнюється на годину.");
    assert!(found.contains(&"Lozova".to_string()), "{found:?}");
    let found = names("Електричка Полтава - Лозова вирушить пізніше.");
    assert!(found.contains(&"Lozova".to_string()), "{found:?}");
}

#[test]
fn a_name_after_a_monument_word_is_the_person_honoured() {
    assert!(places("Цветы возложили к памятнику Пушкину.").is_empty());
    assert!(places("Квіти поклали до пам'ятника Пушкіну.").is_empty());
    // the monuments of a town are the town's
    assert_eq!(only("Пам'ятники Одеси відреставрують.").0, "Odesa");
}

#[test]
fn a_case_form_starting_a_sentence_is_a_word() {
    // "Рівного" (equal) opens the sentence in the genitive with no preposition: an adjective
    assert!(places("Ми довго йшли полем. Рівного йому суперника там не знайшлося.").is_empty());
    // the nominative, or a preposition, keeps the place
    assert_eq!(only("Ми довго йшли полем. Рівне зустріло нас дощем.").0, "Rivne");
    assert_eq!(only("Ми довго йшли полем. У Рівному нас зустрів дощ.").0, "Rivne");
    // after an abbreviation the dot ends no sentence
    assert_eq!(only("Рішення ухвалив апеляційний суд м. Рівного.").0, "Rivne");
    // a town's adjective is a nominative of its own
    assert_eq!(only("Роботи завершено. Краматорська міська рада звітувала.").0, "Kramatorsk");
}

#[test]
fn a_latin_name_inside_a_latin_phrase_is_a_brand() {
    // a Latin word after the Latin name: a model or a title written as it is abroad
    assert!(places("На стоянці стояла Toyota land cruiser сірого кольору.").is_empty());
}

#[test]
fn a_capitalised_building_word_names_a_building() {
    let geo = Geoparser::builtin();
    let text = "Урочисте зібрання відбудеться в Будинку вчених у Харкові.";
    let found: Vec<&str> = geo.streets(text, &geo.parse(text)).iter().map(|s| s.street.span.text(text)).collect();
    assert_eq!(found, ["Будинку вчених"]);
    // in lower case, or at a sentence's start before a verb, it is any building
    let text = "Будинок стояв порожній. Поруч був будинок культури.";
    assert!(geo.streets(text, &geo.parse(text)).is_empty());
}

#[test]
fn a_district_in_the_abbreviation_of_official_texts() {
    // "р-н", "р-ні": the raion, as "район" would name it
    let found = places("Земельну ділянку виділили в Криничанському р-ні Дніпропетровської обл.");
    assert!(found.iter().any(|p| p.1 == "Krynychanskyi" && p.2 == "raion"), "{found:?}");
}

#[test]
fn kyiv_lies_in_kyiv_oblast() {
    // Kyiv's outskirts are often placed in the oblast around the city: no other region
    let found = names("Навчання прикордонників відбулися в Бортничах Київської області.");
    assert!(found.contains(&"Bortnychi".to_string()), "{found:?}");
}

#[test]
fn a_possessive_pronoun_closing_the_phrase_marks_a_person() {
    // Маня is a village too; "своєї" after the name, then a full stop: the person
    assert!(places("Восени він поїде до Мані своєї.").is_empty());
    // a plural adjective is no locative of an adjectival village name ("Різдвяне")
    assert!(places("Ми завжди чекали на Різдвяні свята.").is_empty());
}

#[test]
fn a_place_opening_a_two_word_title_with_a_lower_case_word() {
    // «Харків нічний»: a programme's title, not the city
    assert!(places("Вчора вийшов новий випуск програми «Харків нічний».").is_empty());
    assert!(places("Газета «Полтава вечірня» змінила редактора.").is_empty());
    // the city named outside the title stays
    assert_eq!(only("Програму «Харків нічний» знімали в Одесі.").0, "Odesa");
}

#[test]
fn a_street_abbreviation_with_a_spaced_dot() {
    // tokenised text spaces the dot of "вул."
    let geo = Geoparser::builtin();
    let text = "Приймальня працює у Полтаві за адресою : вул . Садова , 7 .";
    let found: Vec<&str> = geo.streets(text, &geo.parse(text)).iter().map(|s| s.street.name.text(text)).collect();
    assert_eq!(found, ["Садова"]);
}

#[test]
fn a_street_named_by_a_feminine_adjective_alone() {
    let geo = Geoparser::builtin();
    let names_of = |text: &str| -> Vec<String> {
        geo.streets(text, &geo.parse(text)).iter().map(|s| s.street.name.text(text).to_string()).collect()
    };
    // "вулиця" left unsaid: "на Січовій", "з Козацької"
    assert_eq!(names_of("У Полтаві ремонтують тротуари на Січовій, а потім візьмуться за інші."), ["Січовій"]);
    assert_eq!(names_of("Колона рушила у Вінниці з Козацької і дійшла до центру."), ["Козацької"]);
    // an adjective before its noun is no street
    assert!(names_of("Ми гуляли по Козацькій слободі.").is_empty());
}

#[test]
fn a_settlement_word_names_a_settlement_the_gazetteer_lacks() {
    use litopys_geoparse::Feature;
    let geo = Geoparser::builtin();
    let settlements = |text: &str| -> Vec<String> {
        let places = geo.parse(text);
        geo.streets(text, &places)
            .iter()
            .filter(|s| s.street.feature == Feature::Settlement)
            .map(|s| s.street.name.text(text).to_string())
            .collect()
    };
    // a hamlet no gazetteer lists, in one word or two, after a word or an abbreviation
    assert_eq!(settlements("Снаряд влучив у хату в селі Вербунове під Харковом."), ["Вербунове"]);
    assert_eq!(settlements("Воду підвезли до села Мала Ковтунівка вчора ввечері."), ["Мала Ковтунівка"]);
    assert_eq!(settlements("Після зливи в с. Гнилоярка затопило підвали."), ["Гнилоярка"]);
    // a place the gazetteer holds is its own reading
    assert!(settlements("Снаряд влучив у хату в селі Піски під Донецьком.").is_empty());
    // a first name after the word starts a person; a title's city stays rejected
    assert!(settlements("Про це в селі Петро Коваль розповів усім.").is_empty());
    assert!(settlements("Видання «Літопис міста Києва» вийшло накладом у сто примірників.").is_empty());
}

#[test]
fn a_unit_is_named_by_one_adjective() {
    use litopys_geoparse::Feature;
    let geo = Geoparser::builtin();
    let units = |text: &str| -> Vec<String> {
        let places = geo.parse(text);
        geo.streets(text, &places)
            .iter()
            .filter(|s| s.street.feature == Feature::Unit)
            .map(|s| s.street.name.text(text).to_string())
            .collect()
    };
    // the village before the county's adjective is no part of the county's name
    assert_eq!(units("Його прадід жив у Вишнівці Лубенського повіту до війни."), ["Лубенського"]);
    assert_eq!(units("Ферму зареєстрували в Ставківському р-ні торік."), ["Ставківському"]);
}

#[test]
fn a_compound_name_split_after_its_hyphen() {
    // a tokeniser's space after the hyphen of "Івано-Франківська", "Сент-Кітс"
    assert_eq!(only("Навчання рятувальників пройшли в Івано- Франківській області."), ("Ivano-Frankivsk".to_string(), "Ivano-Frankivsk".to_string()));
    // a suspended hyphen before a lower-case word joins nothing
    assert!(places("Північно- та південно-східні вітри посилилися.").is_empty());
}

#[test]
fn a_common_word_the_text_names_as_a_place_elsewhere() {
    // чорнобиль is also the herb; once the text has named the town, a capitalised "Чорнобиль"
    // inside a sentence is the town again
    let text = "Автобус з Іванкова прибув вранці в Чорнобиль. Після обіду Чорнобиль знову спорожнів.";
    let found = places(text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[1..].iter().all(|p| p.1 == "Chornobyl"));
}
