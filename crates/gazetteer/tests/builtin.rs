//! The built-in gazetteer over spellings, inflections, renamings, namesakes and vague
//! constructions. Every case names where its fact comes from.

use litopys_gazetteer::{Frame, Gazetteer, Kind};

/// One expected mention: the text it covers, the best candidate's English name and oblast,
/// and the frame.
type Want<'a> = (&'a str, &'a str, &'a str, Frame);

fn check(text: &str, want: &[Want<'_>]) {
    let gaz = Gazetteer::builtin();
    let got: Vec<(String, String, String, Frame)> = gaz
        .find(text)
        .into_iter()
        .map(|m| {
            let e = gaz.entry(m.candidates[0]);
            (m.span.text(text).to_string(), e.name.clone(), e.admin1.clone(), m.frame)
        })
        .collect();
    let want: Vec<(String, String, String, Frame)> =
        want.iter().map(|(s, n, a, f)| (s.to_string(), n.to_string(), a.to_string(), *f)).collect();
    assert_eq!(got, want, "in {text:?}");
}

fn best(text: &str) -> &'static litopys_gazetteer::Entry {
    let gaz = Gazetteer::builtin();
    let m = gaz.find(text);
    assert!(!m.is_empty(), "nothing found in {text:?}");
    gaz.entry(m[0].candidates[0])
}

#[test]
fn lead_expectations() {
    use Frame::*;
    // GeoNames 697889 Pavlohrad (48.53, 35.87); core.tsv Dnipropetrovsk oblast
    check("Pavlohrad, Dnipropetrovsk region", &[("Pavlohrad", "Pavlohrad", "Dnipropetrovsk", Plain), ("Dnipropetrovsk region", "Dnipropetrovsk", "Dnipropetrovsk", Region)]);
    let p = best("Pavlohrad");
    assert!((p.lat - 48.517).abs() < 0.05 && (p.lon - 35.867).abs() < 0.05);
    // GeoNames 690266 Velyka Dymerka, Kyiv oblast (50.59, 30.90); KATOTTG UA32060070010067563
    check("Velyka Dymerka near Kyiv", &[("Velyka Dymerka", "Velyka Dymerka", "Kyiv", Plain), ("near Kyiv", "Kyiv", "Kyiv City", Near)]);
    let v = best("Velyka Dymerka");
    assert!((v.lat - 50.59).abs() < 0.02 && (v.lon - 30.91).abs() < 0.02);
    // core.tsv: Nikolaev and Rovno are the Russian-form spellings of Mykolaiv and Rivne
    check("Nikolaev (Mykolaiv)", &[("Nikolaev", "Mykolaiv", "Mykolaiv", Plain), ("Mykolaiv", "Mykolaiv", "Mykolaiv", Plain)]);
    check("Rovno (Rivne)", &[("Rovno", "Rivne", "Rivne", Plain), ("Rivne", "Rivne", "Rivne", Plain)]);
    // Ukrainian locative of Луцьк; Russian prepositional of Кривой Рог (core.tsv)
    check("у Луцьку", &[("Луцьку", "Lutsk", "Volyn", Plain)]);
    check("в Кривом Роге", &[("Кривом Роге", "Kryvyi Rih", "Dnipropetrovsk", Plain)]);
    check("Энергодаре", &[("Энергодаре", "Enerhodar", "Zaporizhzhia", Plain)]);
    check("Волинської області", &[("Волинської області", "Volyn", "Volyn", Region)]);
    check("Запорожской области", &[("Запорожской области", "Zaporizhzhia", "Zaporizhzhia", Region)]);
    check("Uzhhorod (Zakarpattia region)", &[("Uzhhorod", "Uzhhorod", "Zakarpattia", Plain), ("Zakarpattia region", "Zakarpattia", "Zakarpattia", Region)]);
    check("Vinnytsia", &[("Vinnytsia", "Vinnytsia", "Vinnytsia", Plain)]);
    assert_eq!(best("Vinnytsia").kind, Kind::City);
}

#[test]
fn no_places_in_ordinary_sentences() {
    check("The crowd rocked the vehicle until the officers let the man go.", &[]);
    check("Поліція відкрила кримінальне провадження.", &[]);
    check("Полиция возбудила уголовное дело. Мир и дружба, нова пошта.", &[]);
    check("Workers went on strike at the plant on Monday; the union said a bar and a sad mood followed.", &[]);
}

#[test]
fn namesakes_follow_the_named_oblast() {
    // KATOTTG lists about 120 villages named Іванівка; UA46060330190099530 is the one in Lviv
    // oblast, UA65020070080047252 one in Kherson oblast
    let gaz = Gazetteer::builtin();
    for (text, oblast) in [
        ("У селі Іванівка Львівської області затримали чоловіка.", "Lviv"),
        ("Херсонська область: у селі Іванівка пролунали вибухи.", "Kherson"),
        ("the village of Ivanivka in Kherson region", "Kherson"),
    ] {
        let m = gaz.find(text);
        let village = m.iter().find(|m| m.frame == Frame::Village).expect("village mention");
        let e = gaz.entry(village.candidates[0]);
        assert_eq!((e.name_uk.as_str(), e.admin1.as_str()), ("Іванівка", oblast), "{text}");
        assert!(village.candidates.len() > 50, "alternatives are kept");
    }
}

#[test]
fn raions_and_vague_constructions() {
    use Frame::*;
    // KATOTTG UA46100000000023056 Стрийський район, Lviv oblast
    check(
        "a village in the Stryi district of the Lviv region",
        &[("Stryi district", "Stryiskyi", "Lviv", District), ("Lviv region", "Lviv", "Lviv", Region)],
    );
    check("у Стрийському районі", &[("Стрийському районі", "Stryiskyi", "Lviv", District)]);
    check("під Вінницею", &[("під Вінницею", "Vinnytsia", "Vinnytsia", Near)]);
    check("near Vinnytsia", &[("near Vinnytsia", "Vinnytsia", "Vinnytsia", Near)]);
    check("возле Харькова", &[("возле Харькова", "Kharkiv", "Kharkiv", Near)]);
}

#[test]
fn renamed_places() {
    // Verkhovna Rada decrees 2016: Artemivsk → Bakhmut, Kirovohrad → Kropyvnytskyi,
    // Dnipropetrovsk → Dnipro, Dzerzhynsk → Toretsk, Komsomolsk → Horishni Plavni
    for (old, new) in [("Artemivsk", "Bakhmut"), ("Kirovograd", "Kropyvnytskyi"), ("Dnipropetrovsk", "Dnipro"), ("Дзержинськ", "Toretsk"), ("Komsomolsk", "Horishni Plavni")] {
        let gaz = Gazetteer::builtin();
        let names: Vec<&str> = gaz.search(old).iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&new), "{old}: {names:?}");
    }
}

#[test]
fn spellings_and_multiword_names() {
    // core.tsv / GeoNames alternates
    assert_eq!(best("in Kharkov").name, "Kharkiv");
    assert_eq!(best("in Kiev").name, "Kyiv");
    assert_eq!(best("в Одессе").name, "Odesa");
    assert_eq!(best("у Дніпрі").name, "Dnipro");
    assert_eq!(best("Тернопільської області").name, "Ternopil");
    assert_eq!(best("Kamianets-Podilskyi").name, "Kamianets-Podilskyi");
    assert_eq!(best("у Білій Церкві").name, "Bila Tserkva");
    assert_eq!(best("Krivoy Rog").name, "Kryvyi Rih");
    // KATOTTG + KMU 2010: Кам'янське, with and without the apostrophe
    assert_eq!(best("у Кам’янському").name, "Kamianske");
    assert_eq!(best("у Камянському").name, "Kamianske");
}

#[test]
fn search_lists_namesakes() {
    let gaz = Gazetteer::builtin();
    let all = gaz.search("ivanivka");
    assert!(all.len() > 100, "{}", all.len());
    // KATOTTG lists over a hundred Іванівка; their own name ranks before aliases
    assert!(all.iter().take(100).all(|e| e.name_uk == "Іванівка"));
    assert_eq!(gaz.search("Kharkov")[0].name, "Kharkiv");
}

#[test]
fn ordinary_words_count_only_as_settlements() {
    use Frame::*;
    // KATOTTG UA14160190380023078: Піски, Pokrovskyi raion, Donetsk oblast (GeoNames 698360)
    check("у селі Піски Донецької області", &[("селі Піски", "Pisky", "Donetsk", Village), ("Донецької області", "Donetsk", "Donetsk", Region)]);
    check("the village of Pisky near Donetsk", &[("village of Pisky", "Pisky", "Donetsk", Village), ("near Donetsk", "Donetsk", "Donetsk", Near)]);
    check("Піски та пісок. Весела новина, Нова пошта.", &[]);
    // "с." is often typed with a Latin c; KATOTTG UA23080010010060201: Веселе, Melitopolskyi raion
    let gaz = Gazetteer::builtin();
    let m = gaz.find("c. Веселе Запорізької області");
    assert_eq!(m[0].frame, Village);
    assert_eq!(gaz.entry(m[0].candidates[0]).admin1, "Zaporizhzhia");
    // KATOTTG UA07020010010041660: Володимир, Volyn oblast; also a first name
    check("Volodymyr Zelensky met Oleh and Maria.", &[]);
    check("місто Володимир", &[("Володимир", "Volodymyr", "Volyn", Plain)]);
}

#[test]
fn village_of_x_near_y() {
    use Frame::*;
    // KATOTTG: about 120 villages named Іванівка, five in Zaporizhzhia oblast
    check(
        "the village of Ivanivka near Zaporizhzhia",
        &[("village of Ivanivka", "Ivanivka", "Zaporizhzhia", Village), ("near Zaporizhzhia", "Zaporizhzhia", "Zaporizhzhia", Near)],
    );
    // KATOTTG UA46100230000047305 Стрийська громада; the raion names the best candidate
    let gaz = Gazetteer::builtin();
    let m = gaz.find("Stryi district: residents of the village of Duliby protested");
    let village = gaz.entry(m[1].candidates[0]);
    assert_eq!((village.name.as_str(), village.admin2.as_deref()), ("Duliby", Some("Stryiskyi")));
}

#[test]
fn names_with_borrowed_coordinates_say_so() {
    // KATOTTG villages without a GeoNames match take their hromada centre: geo_precision 2
    let gaz = Gazetteer::builtin();
    let n_near = gaz.entries().iter().filter(|e| e.geo_precision == litopys_model::GeoPrecision::Near).count();
    assert!(n_near > 10_000, "{n_near}");
    assert!(gaz.entries().iter().filter(|e| e.is_ukrainian()).all(|e| e.lat > 44.0 && e.lat < 52.5 && e.lon > 22.0 && e.lon < 40.3), "coordinates lie in Ukraine");
}
