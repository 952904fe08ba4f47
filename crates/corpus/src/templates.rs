//! The article templates of each language, and filling them in.
//!
//! Slots: `{date}` a date phrase that opens a sentence ("On March 4", "4 березня", "Вчера"),
//! `{place}` a place phrase ("in Lubny, Poltava region", "у місті Лубни (Полтавська
//! область)"), `{n}` a crowd size, `{k}` a small count, `{sum}` millions of hryvnias,
//! `{years}` a prison term, `{stat}` a large figure, `{month}` a month name.

use jiff::civil::Date;
use jiff::ToSpan;

use crate::{Article, Lang, PlaceNames, Rng};

struct Set {
    /// Incident paragraphs, by type; every type has variants.
    incidents: &'static [&'static [&'static str]],
    /// Sentences that follow an incident.
    follow_ups: &'static [&'static str],
    /// Commentary, context, quotes.
    background: &'static [&'static str],
    /// Aggregate figures.
    statistics: &'static [&'static str],
    titles: &'static [&'static str],
    months: [&'static str; 12],
    yesterday: &'static str,
}

const EN: Set = Set {
    incidents: &[
        &[
            "{date}, {place}, about {n} residents surrounded a TRC minibus and freed a man who had been detained an hour earlier. Police said {k} TRC officers were injured.",
            "{date}, a crowd of around {n} people blocked recruitment officers {place} and did not let them take away a detained man. The men were released after a scuffle.",
        ],
        &[
            "{date}, unknown persons set fire to a car of the territorial recruitment centre {place}. The fire destroyed the vehicle; nobody was injured.",
            "{date}, {place}, an unidentified man threw a Molotov cocktail at the recruitment office. The fire damaged the entrance.",
        ],
        &[
            "{date}, some {n} miners {place} refused to leave the shaft, demanding wage arrears of {sum} million hryvnias.",
            "{date}, about {n} utility workers gathered outside the city administration {place} to protest over unpaid wages for two months.",
        ],
        &[
            "{date}, a court {place} sentenced a local resident to {years} years in prison for attacking a TRC officer with a knife.",
            "{date}, the district court {place} found a man guilty of resisting recruitment officers and sentenced him to {years} years of restricted freedom.",
        ],
        &[
            "{date}, {place}, a man attacked a TRC serviceman during a document check and injured him with a knife. Police detained the attacker.",
            "{date}, {k} men beat a police officer who was checking documents {place}. The officer was taken to hospital.",
        ],
    ],
    follow_ups: &[
        "Police opened criminal proceedings under Article 342 of the Criminal Code.",
        "The strike ended two days later after the company paid part of the debt.",
        "Police detained {k} men.",
        "The regional TRC said the detention had been lawful.",
        "Nobody was injured.",
    ],
    background: &[
        "Mobilization remains one of the most discussed topics in the region, and local officials say tensions have grown since the beginning of the year.",
        "The ombudsman's office has received complaints about the conduct of recruitment officers, most of them about detentions in the street.",
        "Experts note that wage arrears in the coal industry have reached record levels, and unions warn of further protests.",
        "The regional administration promised to review the situation and to meet the workers' representatives next week.",
        "Lawyers advise residents to record any document check on video and to ask officers for their names.",
        "According to local media, the number of such conflicts has risen compared with last year.",
    ],
    statistics: &[
        "According to the State Bureau of Investigation, {stat} criminal proceedings for unauthorized leaving of a unit were registered in {month}.",
        "In {month}, the National Police recorded {stat} offences related to evasion of mobilization.",
        "Wage arrears in the region exceeded {sum} million hryvnias in {month}, the statistics office said.",
    ],
    titles: &["Clashes around recruitment and labour unrest", "Weekly review: mobilization incidents", "Residents clash with recruitment officers", "Miners protest over wage arrears", "Court news and incidents"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    yesterday: "Yesterday",
};

const UK: Set = Set {
    incidents: &[
        &[
            "{date} {place} близько {n} місцевих жителів оточили службовий автомобіль ТЦК та СП і відбили затриманого чоловіка. Двоє військовослужбовців отримали травми.",
            "{date} {place} група з {n} людей заблокувала працівників ТЦК і не дала вивезти затриманого. Поліція відкрила кримінальне провадження.",
        ],
        &[
            "{date} {place} невідомі підпалили автомобіль працівників ТЦК. Постраждалих немає.",
            "{date} {place} невідомий кинув пляшку із запальною сумішшю у вікно будівлі ТЦК. Вогонь пошкодив вхід.",
        ],
        &[
            "{date} {place} близько {n} шахтарів відмовилися підніматися на поверхню, вимагаючи погасити заборгованість із зарплати у {sum} мільйонів гривень.",
            "{date} {place} понад {n} працівників комунального підприємства зібралися під будівлею міської ради через невиплату зарплати.",
        ],
        &[
            "{date} суд {place} засудив місцевого жителя до {years} років позбавлення волі за напад на працівника ТЦК з ножем.",
            "{date} районний суд {place} визнав чоловіка винним в опорі працівникам ТЦК і призначив йому {years} роки обмеження волі.",
        ],
        &[
            "{date} {place} чоловік напав на військовослужбовця ТЦК під час перевірки документів і поранив його ножем. Поліція затримала нападника.",
            "{date} {place} {k} чоловіків побили поліцейського, який перевіряв документи. Правоохоронця госпіталізували.",
        ],
    ],
    follow_ups: &[
        "Поліція відкрила кримінальне провадження за статтею 342 Кримінального кодексу.",
        "Страйк завершився через два дні, після того як підприємство виплатило частину боргу.",
        "Поліція затримала {k} чоловіків.",
        "У ТЦК заявили, що затримання було законним.",
        "Постраждалих немає.",
    ],
    background: &[
        "Мобілізація залишається однією з найобговорюваніших тем в області, а місцеві посадовці кажуть, що напруга зросла з початку року.",
        "До офісу омбудсмана надходять скарги на дії працівників ТЦК, більшість із них стосуються затримань на вулиці.",
        "Експерти зазначають, що заборгованість із зарплати у вугільній галузі досягла рекордного рівня, а профспілки попереджають про нові протести.",
        "В обласній адміністрації пообіцяли розібратися в ситуації та наступного тижня зустрітися з представниками працівників.",
        "Юристи радять мешканцям знімати будь-яку перевірку документів на відео та просити посадовців назвати себе.",
        "За даними місцевих медіа, кількість таких конфліктів зросла порівняно з минулим роком.",
    ],
    statistics: &[
        "За даними ДБР, у {month} зареєстровано {stat} кримінальних проваджень за самовільне залишення частини.",
        "У {month} Національна поліція зафіксувала {stat} правопорушень, пов'язаних з ухиленням від мобілізації.",
        "Заборгованість із зарплати в області у {month} перевищила {sum} мільйонів гривень, повідомили в статистичному управлінні.",
    ],
    titles: &["Конфлікти довкола мобілізації", "Огляд тижня: інциденти з ТЦК", "Мешканці відбили чоловіка у працівників ТЦК", "Шахтарі протестують через борги із зарплати", "Новини суду"],
    months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"],
    yesterday: "Учора",
};

const RU: Set = Set {
    incidents: &[
        &[
            "{date} {place} около {n} местных жителей окружили служебный автомобиль ТЦК и отбили задержанного мужчину. Двое военнослужащих получили травмы.",
            "{date} {place} группа из {n} человек заблокировала сотрудников ТЦК и не дала увезти задержанного. Полиция открыла уголовное производство.",
        ],
        &[
            "{date} {place} неизвестные подожгли автомобиль сотрудников ТЦК. Пострадавших нет.",
            "{date} {place} неизвестный бросил бутылку с зажигательной смесью в окно здания ТЦК. Огонь повредил вход.",
        ],
        &[
            "{date} {place} около {n} горняков отказались подниматься на поверхность, требуя погасить задолженность по зарплате в {sum} миллионов гривен.",
            "{date} {place} более {n} работников коммунального предприятия собрались у здания горсовета из-за невыплаты зарплаты.",
        ],
        &[
            "{date} суд {place} приговорил местного жителя к {years} годам лишения свободы за нападение на сотрудника ТЦК с ножом.",
            "{date} районный суд {place} признал мужчину виновным в сопротивлении сотрудникам ТЦК и назначил ему {years} года ограничения свободы.",
        ],
        &[
            "{date} {place} мужчина напал на военнослужащего ТЦК во время проверки документов и ранил его ножом. Полиция задержала нападавшего.",
            "{date} {place} {k} мужчин избили полицейского, который проверял документы. Правоохранителя госпитализировали.",
        ],
    ],
    follow_ups: &[
        "Полиция открыла уголовное производство по статье 342 Уголовного кодекса.",
        "Забастовка закончилась через два дня, после того как предприятие выплатило часть долга.",
        "Полиция задержала {k} мужчин.",
        "В ТЦК заявили, что задержание было законным.",
        "Пострадавших нет.",
    ],
    background: &[
        "Мобилизация остается одной из самых обсуждаемых тем в области, а местные чиновники говорят, что напряжение выросло с начала года.",
        "В офис омбудсмена поступают жалобы на действия сотрудников ТЦК, большинство из них касаются задержаний на улице.",
        "Эксперты отмечают, что задолженность по зарплате в угольной отрасли достигла рекордного уровня, а профсоюзы предупреждают о новых протестах.",
        "В областной администрации пообещали разобраться в ситуации и на следующей неделе встретиться с представителями работников.",
        "Юристы советуют жителям снимать любую проверку документов на видео и просить должностных лиц назвать себя.",
        "По данным местных СМИ, количество таких конфликтов выросло по сравнению с прошлым годом.",
    ],
    statistics: &[
        "По данным ГБР, в {month} зарегистрировано {stat} уголовных производств за самовольное оставление части.",
        "В {month} Национальная полиция зафиксировала {stat} правонарушений, связанных с уклонением от мобилизации.",
        "Задолженность по зарплате в области в {month} превысила {sum} миллионов гривен, сообщили в управлении статистики.",
    ],
    titles: &["Конфликты вокруг мобилизации", "Обзор недели: инциденты с ТЦК", "Жители отбили мужчину у сотрудников ТЦК", "Горняки протестуют из-за долгов по зарплате", "Новости суда"],
    months: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    yesterday: "Вчера",
};

/// Month names standing alone after "in"/"у"/"в" (for statistics).
const MONTHS_IN: [[&str; 12]; 3] = [
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні", "вересні", "жовтні", "листопаді", "грудні"],
    ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"],
];

pub(crate) fn article(rng: &mut Rng, lang: Lang, places: &[PlaceNames], url: String) -> Article {
    let (set, li) = match lang {
        Lang::Uk => (&UK, 1),
        Lang::Ru => (&RU, 2),
        _ => (&EN, 0),
    };
    let base = Date::constant(2024, 1, 1);
    let published = base.checked_add((rng.below(900) as i64).days()).unwrap_or(base);
    let title = rng.pick(set.titles).to_string();
    let mut paras = vec![title.clone()];
    let lead = rng.pick(set.background);
    paras.push(lead.to_string());
    let n_incidents = rng.range(1, 4);
    for _ in 0..n_incidents {
        let back = rng.range(0, 20);
        let day = published.checked_sub((back as i64).days()).unwrap_or(published);
        let date = if back == 1 && rng.chance(50) {
            set.yesterday.to_string()
        } else {
            date_phrase(li, set, day, rng)
        };
        let place = place_phrase(li, rng.pick(places), rng);
        let kind = rng.pick(set.incidents);
        let template = *rng.pick(kind);
        let mut para = fill(template, &date, &place, rng, li);
        if rng.chance(60) {
            para.push(' ');
            let template = *rng.pick(set.follow_ups);
            para.push_str(&fill(template, &date, &place, rng, li));
        }
        paras.push(para);
        if rng.chance(50) {
            paras.push(rng.pick(set.background).to_string());
        }
    }
    for _ in 0..rng.range(0, 2) {
        let template = *rng.pick(set.statistics);
        paras.push(fill(template, "", "", rng, li));
    }
    for _ in 0..rng.range(1, 4) {
        // a longer tail of commentary, as review articles have
        let a = rng.pick(set.background);
        let b = rng.pick(set.background);
        paras.push(format!("{a} {b}"));
    }
    Article { url, title, published: published.to_string(), text: paras.join("\n\n") }
}

fn date_phrase(li: usize, set: &Set, day: Date, rng: &mut Rng) -> String {
    let month = set.months[(day.month() - 1) as usize];
    match li {
        0 if rng.chance(50) => format!("On {month} {}", day.day()),
        0 => format!("On {} {month}", day.day()),
        _ => format!("{} {month}", day.day()),
    }
}

fn place_phrase(li: usize, p: &PlaceNames, rng: &mut Rng) -> String {
    let with_oblast = p.village || rng.chance(40);
    // "Вінницька область" → "Вінницької області"
    let oblast_gen = p.oblast_uk.strip_suffix("ка область").map(|s| format!("{s}кої області")).unwrap_or_default();
    match (li, p.village, with_oblast) {
        (0, true, _) => format!("in the village of {}, {} region", p.en, p.oblast_en),
        (0, false, true) => format!("in {}, {} region", p.en, p.oblast_en),
        (0, false, false) => format!("in {}", p.en),
        (1, true, _) => format!("у селі {} {}", p.uk, oblast_gen),
        (1, false, true) => format!("у місті {} ({})", p.uk, p.oblast_uk),
        (1, false, false) => format!("у місті {}", p.uk),
        (_, true, _) => format!("в селе {} ({})", p.uk, p.oblast_uk),
        (_, false, true) => format!("в городе {} ({})", p.uk, p.oblast_uk),
        (_, false, false) => format!("в г. {}", p.uk),
    }
}

fn fill(template: &str, date: &str, place: &str, rng: &mut Rng, li: usize) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let slot = &rest[open + 1..open + close];
        match slot {
            "date" => out.push_str(date),
            "place" => out.push_str(place),
            "n" => out.push_str(&(rng.range(2, 60) * 5).to_string()),
            "k" => out.push_str(&rng.range(2, 9).to_string()),
            "sum" => out.push_str(&rng.range(3, 90).to_string()),
            "years" => out.push_str(&rng.range(2, 9).to_string()),
            "stat" => {
                let v = rng.range(1_000, 40_000);
                let sep = if li == 0 { "," } else { " " };
                out.push_str(&format!("{}{sep}{:03}", v / 1000, v % 1000));
            }
            "month" => out.push_str(MONTHS_IN[li][rng.below(12)]),
            _ => out.push_str(slot),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}
