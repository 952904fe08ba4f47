//! Ukrainian and Russian extraction: dates, inflected places, numbers in words. Every text here
//! was written for litopys in the style of Ukrainian and Russian local news and Telegram posts;
//! the incidents are invented.

mod common;
use common::check;

#[test]
fn ukrainian_headline_and_body_make_one_incident() {
    let text = "У Луцьку перехожі відбили чоловіка у працівників ТЦК\n\n\
        Інцидент стався 9 лютого близько 18:00 на вулиці Винниченка. Група з п'яти людей заблокувала службовий автомобіль ТЦК та СП, після чого чоловік утік. Один із військовослужбовців отримав травму руки. Поліція Волинської області відкрила кримінальне провадження.";
    check(
        text,
        "2026-02-10",
        &["2026-02-09 p1 Lutsk Volyn Mob violence inj=1 part=5"],
    );
}

#[test]
fn ukrainian_relative_dates() {
    check(
        "Учора в Харкові перехожі відбили затриманого у працівників ТЦК.",
        "2026-03-15",
        &["2026-03-14 p1 Kharkiv Kharkiv Mob violence inj=- part=-"],
    );
    check(
        "Сьогодні у Полтаві невідомі підпалили автомобіль ТЦК. Постраждалих немає.",
        "2026-03-15",
        &["2026-03-15 p1 Poltava Poltava Looting/property destruction inj=0 part=-"],
    );
    check(
        "На вихідних у Сумах шахтарі вийшли на страйк через заборгованість із зарплати.",
        // the weekend's Sunday, at week precision
        "2026-03-16",
        &["2026-03-15 p2 Sumy Sumy Peaceful protest inj=- part=-"],
    );
    check(
        "9 лютого у Києві мешканці заблокували бус ТЦК. Наступного дня у Львові невідомі підпалили авто ТЦК.",
        "2026-02-12",
        &["2026-02-09 p1 Kyiv Kyiv City Mob violence inj=- part=-", "2026-02-10 p1 Lviv Lviv Looting/property destruction inj=- part=-"],
    );
}

#[test]
fn russian_post_with_two_towns() {
    let text = "В Энергодаре работники коммунального предприятия потребовали выплатить долги по зарплате\n\n\
        Около 30 сотрудников городского коммунального предприятия 19 января собрались у здания администрации Энергодара. Накануне, 18 января, в Мелитополе с аналогичным требованием обратились водители автобусного парка.";
    check(
        text,
        "2026-01-20",
        &[
            "2026-01-19 p1 Enerhodar Zaporizhzhia Peaceful protest inj=- part=30",
            "2026-01-18 p1 Melitopol Zaporizhzhia Peaceful protest inj=- part=-",
        ],
    );
}

#[test]
fn russian_relative_dates_and_number_words() {
    check(
        "Вчера вечером в Кривом Роге неизвестные бросили бутылку с зажигательной смесью в окно здания ТЦК. Пострадавших нет.",
        "2026-02-11",
        &["2026-02-10 p1 Kryvyi Rih Dnipropetrovsk Looting/property destruction inj=0 part=-"],
    );
    check(
        "Около двухсот горняков шахты в Кривом Роге 18 марта отказались подниматься на поверхность, требуя погасить задолженность по зарплате.",
        "2026-03-20",
        &["2026-03-18 p1 Kryvyi Rih Dnipropetrovsk Peaceful protest inj=- part=200"],
    );
    check(
        "На выходных в Одессе жители окружили автобус ТЦК и освободили задержанного.",
        "2026-03-16",
        &["2026-03-15 p2 Odesa Odesa Mob violence inj=- part=-"],
    );
}

#[test]
fn posts_reporting_nothing_yield_nothing() {
    check(
        "Підтримайте наш канал донатом — посилання в описі. Дякуємо всім!",
        "2026-02-10",
        &[],
    );
    check("Luhansk region: no new reports today.", "2026-02-12", &[]);
    check(
        "Поддержите наш канал, подпишитесь на новости.",
        "2026-02-12",
        &[],
    );
}

#[test]
fn inflected_oblasts_and_raions() {
    // KATOTTG: Запорізька область, Бориспільський район of Київська область
    assert_eq!(
        common::places("4 березня у Запорізькій області невідомі підпалили авто ТЦК."),
        vec![("Zaporizhzhia".into(), "Zaporizhzhia".into(), 3)]
    );
    assert_eq!(
        common::places("5 марта в Запорожской области жители окружили автобус ТЦК."),
        vec![("Zaporizhzhia".into(), "Zaporizhzhia".into(), 3)]
    );
    assert_eq!(
        common::places("6 березня у Бориспільському районі мешканці заблокували бус ТЦК."),
        vec![("Boryspilskyi".into(), "Kyiv".into(), 2)]
    );
    assert_eq!(
        common::places("6 марта в Кривом Роге жители окружили автобус ТЦК."),
        vec![("Kryvyi Rih".into(), "Dnipropetrovsk".into(), 1)]
    );
    assert_eq!(
        common::places("6 березня у Луцьку мешканці заблокували бус ТЦК."),
        vec![("Lutsk".into(), "Volyn".into(), 1)]
    );
}

#[test]
fn a_death_told_in_a_town_of_the_oblast_after_a_strike_is_the_towns() {
    // the oblast holds the town: one incident, in the town, of the strike's kind and day
    check(
        "12 березня російські війська обстріляли Херсон, загинула жінка.\nУ Донецькій області загинув один цивільний у Костянтинівці.",
        "2026-03-13",
        &[
            "2026-03-12 p1 Kherson Kherson Shelling/artillery/missile attack inj=- part=-",
            "2026-03-12 p1 Kostiantynivka Donetsk Shelling/artillery/missile attack inj=- part=-",
        ],
    );
    check(
        "12 марта российские войска обстреляли Херсон, погибла женщина.\nВ Донецкой области погиб мирный житель в Константиновке.",
        "2026-03-13",
        &[
            "2026-03-12 p1 Kherson Kherson Shelling/artillery/missile attack inj=- part=-",
            "2026-03-12 p1 Kostiantynivka Donetsk Shelling/artillery/missile attack inj=- part=-",
        ],
    );
}

#[test]
fn a_summary_of_the_past_day_under_an_incident_keeps_its_day() {
    // the oblast's summary line of the previous day closes a report of today's shelling
    check(
        "Окупанти обстріляли Корабельний район Херсона, поранено жінку.\nМинулої доби російські військові били по інфраструктурі Херсонської області.",
        "2026-02-20",
        &["2026-02-20 p2 Kherson Kherson Shelling/artillery/missile attack inj=1 part=-"],
    );
}
