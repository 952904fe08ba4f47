//! Every ACLED sub-event type, told in English, Ukrainian and Russian.
//!
//! The sentences were written for litopys: invented incidents in the constructions real reports
//! and ACLED's own notes use ("forces shelled X", "repelled an attack near X", "were evacuated
//! from X", "обстріляли", "сбили беспилотник"). Each must give one incident of the right event
//! type and sub-event type; words are inflected as a writer would, so the codebook's lemmas
//! must reach the forms.

mod common;

use common::extract;
use litopys_model::{EventType, SubEventType};

/// The first incident's (event type, sub-event type) of `text`, published on 2024-05-20.
fn coded(text: &str) -> Option<(EventType, SubEventType)> {
    extract(text, "2024-05-20")
        .incidents
        .first()
        .map(|i| (i.event_type, i.sub_event_type))
}

fn check(sub: SubEventType, texts: [&str; 3]) {
    for text in texts {
        assert_eq!(coded(text), Some((sub.event_type(), sub)), "\ntext: {text}");
    }
}

#[test]
fn battles() {
    check(
        SubEventType::ArmedClash,
        [
            "On 12 May 2024, Ukrainian troops repulsed an enemy assault near Vovchansk, Kharkiv region. Losses are not known.",
            "12 травня 2024 року біля Часового Яру на Донеччині тривав запеклий бій: захисники відбили атаку російських підрозділів.",
            "12 мая 2024 года в Часов Яре Донецкой области произошло боестолкновение российских и украинских военных.",
        ],
    );
    check(
        SubEventType::GovernmentRegainsTerritory,
        [
            "On 3 May 2024, after heavy fighting, Ukrainian forces recaptured Robotyne, Zaporizhia region.",
            "3 травня 2024 року ЗСУ деокупували село Роботине на Запоріжжі.",
            "3 мая 2024 года ВСУ отвоевали село Работино в Запорожской области.",
        ],
    );
    check(
        SubEventType::NonStateActorOvertakesTerritory,
        [
            "On 8 May 2024, following clashes, Russian forces captured Ocheretyne, Donetsk region.",
            "8 травня 2024 року російські війська встановили контроль над Очеретиним на Донеччині.",
            "8 мая 2024 года российские войска взяли под контроль Очеретино в Донецкой области.",
        ],
    );
}

#[test]
fn explosions_and_remote_violence() {
    check(
        SubEventType::ShellingArtilleryMissileAttack,
        [
            "On 14 May 2024, Russian forces shelled Nikopol, Dnipropetrovsk region, damaging two houses.",
            "14 травня 2024 року окупанти обстріляли Нікополь на Дніпропетровщині з артилерії.",
            "14 мая 2024 года российские военные обстреляли Никополь из реактивных систем залпового огня РСЗО.",
        ],
    );
    check(
        SubEventType::AirDroneStrike,
        [
            "On 15 May 2024, Russian aircraft carried out air strikes on Vovchansk, Kharkiv region.",
            "15 травня 2024 року росіяни завдали авіаудару по Вовчанську на Харківщині.",
            "15 мая 2024 года российская авиация нанесла авиаудар по Волчанску Харьковской области.",
        ],
    );
    check(
        SubEventType::RemoteExplosiveLandmineIed,
        [
            "On 16 May 2024, a tractor hit a landmine in a field near Balakliia, Kharkiv region; the driver was injured.",
            "16 травня 2024 року поблизу Балаклії на Харківщині трактор підірвався на протитанковій міні.",
            "16 мая 2024 года в Балаклее Харьковской области сработало самодельное взрывное устройство.",
        ],
    );
    check(
        SubEventType::Grenade,
        [
            "On 17 May 2024, an unknown man threw a grenade into the yard of a house in Kovel, Volyn region.",
            "17 травня 2024 року в Ковелі на Волині невідомий кинув гранату у двір приватного будинку.",
            "17 мая 2024 года в Ковеле Волынской области неизвестный бросил гранату во двор дома.",
        ],
    );
    check(
        SubEventType::SuicideBomb,
        [
            "On 18 May 2024, a suicide bomber blew himself up at a checkpoint near Melitopol, Zaporizhia.",
            "18 травня 2024 року біля блокпосту в Мелітополі на Запоріжжі підірвав себе смертник.",
            "18 мая 2024 года у блокпоста в Мелитополе Запорожской области подорвал себя смертник.",
        ],
    );
    check(
        SubEventType::ChemicalWeapon,
        [
            "On 19 May 2024, Russian forces dropped munitions with chloropicrin on positions near Robotyne, Zaporizhia.",
            "19 травня 2024 року окупанти застосували хлорпікрин проти позицій біля Роботиного на Запоріжжі.",
            "19 мая 2024 года у Работино в Запорожской области было применено химическое оружие.",
        ],
    );
}

#[test]
fn violence_against_civilians() {
    check(
        SubEventType::Attack,
        [
            "On 10 May 2024, Russian soldiers shot dead a civilian on a road near Kupiansk, Kharkiv region.",
            "10 травня 2024 року окупанти розстріляли цивільного чоловіка біля Куп'янська на Харківщині.",
            "10 мая 2024 года у Купянска Харьковской области военные расстреляли мирного жителя.",
        ],
    );
    check(
        SubEventType::AbductionForcedDisappearance,
        [
            "On 11 May 2024, Russian forces abducted a village head in Kakhovka, Kherson region.",
            "11 травня 2024 року окупанти викрали старосту села в Каховці на Херсонщині.",
            "11 мая 2024 года в Каховке Херсонской области военные похитили главу села.",
        ],
    );
    check(
        SubEventType::SexualViolence,
        [
            "On 9 May 2024, a soldier raped a woman in a village near Kakhovka, Kherson region.",
            "9 травня 2024 року в Каховці на Херсонщині військовий зґвалтував жінку.",
            "9 мая 2024 года в Каховке Херсонской области военный изнасиловал женщину.",
        ],
    );
}

#[test]
fn strategic_developments() {
    check(
        SubEventType::Agreement,
        [
            "On 7 May 2024, Ukraine and Russia carried out a prisoner exchange in Sumy region: 75 for 75.",
            "7 травня 2024 року на Сумщині відбувся обмін полоненими між Україною та Росією.",
            "7 мая 2024 года в Сумской области состоялся обмен пленными между Россией и Украиной.",
        ],
    );
    check(
        SubEventType::ChangeToGroupActivity,
        [
            "On 6 May 2024, Russian forces began to redeploy units from Kherson region towards Zaporizhia.",
            "6 травня 2024 року російські війська почали передислокацію підрозділів з Херсонщини.",
            "6 мая 2024 года российские войска начали передислокацию подразделений из Херсонской области.",
        ],
    );
    check(
        SubEventType::DisruptedWeaponsUse,
        [
            "Interception: on 5 May 2024, Ukrainian air defence shot down six Shahed drones over Odesa region.",
            "5 травня 2024 року над Одещиною сили ППО збили шість ударних безпілотників.",
            "5 мая 2024 года над Одесской областью ПВО сбила шесть беспилотников.",
        ],
    );
    check(
        SubEventType::HeadquartersOrBaseEstablished,
        [
            "On 4 May 2024, Russian forces set up a base in a school building in Tokmak, Zaporizhia region.",
            "4 травня 2024 року окупанти облаштували базу в будівлі школи в Токмаку на Запоріжжі.",
            "4 мая 2024 года российские военные обустроили базу в здании школы в Токмаке Запорожской области.",
        ],
    );
    check(
        SubEventType::LootingPropertyDestruction,
        [
            "On 2 May 2024, Russian forces looted homes of residents who had fled Oleshky, Kherson region.",
            "2 травня 2024 року в Олешках на Херсонщині окупанти займалися мародерством у покинутих будинках.",
            "2 мая 2024 года в Алешках Херсонской области военные устроили мародерство в брошенных домах.",
        ],
    );
    check(
        SubEventType::NonViolentTransferOfTerritory,
        [
            "On 1 May 2024, Russian forces withdrew from their positions in Krynky, Kherson region, without a fight.",
            "1 травня 2024 року російські війська без бою залишили позиції у Кринках на Херсонщині.",
            "1 мая 2024 года российские войска без боя покинули позиции в Крынках Херсонской области.",
        ],
    );
    check(
        SubEventType::Other,
        [
            "On 13 May 2024, about 200 residents were evacuated from Vovchansk, Kharkiv region.",
            "13 травня 2024 року з Вовчанська на Харківщині евакуювали близько 200 мешканців.",
            "13 мая 2024 года из Волчанска Харьковской области эвакуировали около 200 жителей.",
        ],
    );
    check(
        SubEventType::Arrests,
        [
            "On 21 May 2024, police in Lviv arrested four suspects and took them into custody.",
            "21 травня 2024 року у Львові поліцейські затримали підозрюваних у шахрайстві.",
            "21 мая 2024 года во Львове полицейские задержали подозреваемых в мошенничестве.",
        ],
    );
}

#[test]
fn protests_and_riots() {
    check(
        SubEventType::PeacefulProtest,
        [
            "On 20 May 2024, about 300 people held a rally in Kyiv demanding the return of prisoners of war.",
            "20 травня 2024 року близько 300 людей вийшли на мітинг у Києві з вимогою повернути полонених.",
            "20 мая 2024 года около 300 человек вышли на митинг в Киеве с требованием вернуть пленных.",
        ],
    );
    check(
        SubEventType::ProtestWithIntervention,
        [
            "On 19 May 2024, police dispersed a protest in Odesa and detained three participants.",
            "19 травня 2024 року в Одесі поліція розігнала протест і затримала трьох учасників.",
            "19 мая 2024 года в Одессе полиция разогнала протест и задержала трех участников.",
        ],
    );
    check(
        SubEventType::ExcessiveForceAgainstProtesters,
        [
            "On 18 May 2024, police used tear gas and rubber bullets against protesters in Kherson.",
            "18 травня 2024 року в Херсоні під час протесту силовики застосували сльозогінний газ і гумові кулі.",
            "18 мая 2024 года в Херсоне во время протеста силовики применили слезоточивый газ и резиновые пули.",
        ],
    );
    check(
        SubEventType::ViolentDemonstration,
        [
            "On 17 May 2024, protesters in Lviv threw stones at the police outside the council building.",
            "17 травня 2024 року у Львові учасники протесту кидали каміння в поліцейських.",
            "17 мая 2024 года во Львове участники протеста бросали камни в полицейских.",
        ],
    );
    check(
        SubEventType::MobViolence,
        [
            "On 16 May 2024, in Vinnytsia, about 30 residents surrounded a TCC minibus and freed a detained man.",
            "16 травня 2024 року у Вінниці близько 30 перехожих оточили бус ТЦК і відбили затриманого чоловіка.",
            "16 мая 2024 года в Виннице около 30 прохожих окружили автобус ТЦК и отбили задержанного мужчину.",
        ],
    );
}

#[test]
fn every_sub_event_type_is_defined_in_the_codebook() {
    let codebook = litopys_extract::Codebook::builtin();
    assert_eq!(codebook.types().len(), SubEventType::ALL.len());
    for t in codebook.types() {
        assert!(
            t.definition.len() > 30,
            "{:?} has no real definition",
            t.sub_event_type
        );
        assert!(!t.interactions.is_empty());
    }
    // every sub-event type has a rule that can code it
    for st in SubEventType::ALL {
        assert!(
            codebook.rules().iter().any(|r| r.sub_event_type == *st),
            "no rule codes {st:?}"
        );
    }
}

#[test]
fn the_deciding_cue_is_the_first_evidence_and_a_battle_outweighs_its_shelling() {
    let text =
        "On 4 October 2023, Ukrainian forces repelled a Russian attack near Avdiivka, Donetsk. \
                Russian forces also shelled the area with mortars.";
    let out = extract(text, "2023-10-05");
    let i = &out.incidents[0];
    assert_eq!(i.sub_event_type, SubEventType::ArmedClash);
    let first = i
        .evidence_for("sub_event_type")
        .next()
        .map(|e| e.text.as_str());
    assert_eq!(first, Some("repelled"));
    assert_eq!(i.actor1, "Military Forces of Ukraine (2019-)");
}

#[test]
fn fatalities_as_acled_counts_them() {
    let fatalities = |text: &str| {
        extract(text, "2022-10-11")
            .incidents
            .first()
            .map(|i| i.fatalities)
    };
    assert_eq!(fatalities("On 10 October 2022, Russian forces shelled Nikopol, Dnipropetrovsk, killing 2 civilians."), Some(2));
    assert_eq!(fatalities("On 10 October 2022, Russian forces shelled Nikopol, Dnipropetrovsk. 3 civilians were killed."), Some(3));
    assert_eq!(fatalities("On 10 October 2022, Russian forces shelled Nikopol, Dnipropetrovsk. Casualties unknown."), Some(0));
    assert_eq!(
        fatalities(
            "On 10 October 2022, Russian forces shelled Nikopol, Dnipropetrovsk. No casualties."
        ),
        Some(0)
    );
    assert_eq!(
        fatalities("On 10 October 2022, Russian forces shelled Nikopol, Dnipropetrovsk; a soldier was killed (fatalities coded to the Marhanets event)."),
        Some(0)
    );
    assert_eq!(fatalities("On 10 October 2022, Russian forces attacked near Bakhmut, Donetsk, and were repelled. Unspecified fatalities coded as 10."), Some(10));
}

#[test]
fn fights_with_recruiters_and_protests_about_killings_are_not_war() {
    // a brawl with recruitment officers is mob violence, not an armed clash
    assert_eq!(
        coded("On 3 March 2026, in Rivne, a crowd clashed with TCC officers and freed a detained man.").map(|c| c.1),
        Some(SubEventType::MobViolence)
    );
    // a protest about a murder is a protest
    assert_eq!(
        coded("On 3 March 2026, about 50 people held a protest in Lviv demanding justice for a murdered activist.").map(|c| c.1),
        Some(SubEventType::PeacefulProtest)
    );
}
