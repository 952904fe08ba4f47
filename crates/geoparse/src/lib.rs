//! Geoparsing: every place a text names, resolved to one place, with its evidence and an honest
//! confidence.
//!
//! # Brief overview
//!
//! ```
//! use litopys_geoparse::Geoparser;
//! let geo = Geoparser::builtin();
//! let text = "Вибух стався у селі Сила Миколаївської області. Мені про це сказали в Одесі.";
//! let places = geo.parse(text);
//! let names: Vec<&str> = places.iter().map(|p| p.text(text)).collect();
//! assert_eq!(names, ["селі Сила", "Миколаївської області", "Одесі"]);
//! assert_eq!(geo.gazetteer().entry(places[0].entry()).admin1, "Mykolaiv");
//! ```
//!
//! # Design
//!
//! The gazetteer ([`litopys_gazetteer`]) finds every name of its index in one pass, and ranks
//! each name's namesakes by the other places the text names (the oblast named nearby, the
//! country the text is about, then population). What it cannot tell alone is whether a word
//! that *could* be a place *is* one here: Сила is a village and the word "force", Мені a case
//! form of the town Мена and the pronoun "to me", Квітка a village and a surname. GDELT's
//! phantom pins come from exactly these.
//!
//! So a mention is a hypothesis, and this crate weighs the evidence for it as a score:
//!
//! | signal                                   | weight | example                                 |
//! |------------------------------------------|--------|-----------------------------------------|
//! | a name that is not an ordinary word      | +2     | Луцьку, Franziskaner → no, Kharkiv      |
//! | a name that is also an ordinary word     | −1     | Сила, Доля, Щастя                        |
//! | a settlement word frames it              | +3     | у селі Сила, the village of Pisky       |
//! | a region or district word frames it      | +1     | Полтавської області, Stryi district     |
//! | its oblast or raion is named nearby      | +2.5   | Щастя ... Луганської області            |
//! | the text's other places nearby are in its oblast (abroad: country) | +1 | (a report about Mykolaiv oblast) |
//! | capitalised inside a sentence            | +0.5, +2 for features and countries | на Луне |
//! | a capitalised settlement after a preposition of place (Cyrillic text): a locative, or another case | +1.5, +1 | у Чорнобилі, від Чорнобиля |
//! | capitalised only because a sentence starts | −1.5 | "Мені сказали", "Чому"                 |
//! | next to a first name, initial, patronymic, or before a surname in the nominative (not an abbreviation) | −5 | Олена Квітка, О. Квітка, Дмитро «Бобін» Александров, Шахрияр Мамедьяров |
//! | after a title or a kinship word ("пан", "баби", "за словами") | −3 | пан Доля, від баби Солі |
//! | in quotes                                | −2     | партія «Сила»                           |
//! | next to another capitalised word (Cyrillic text; for small places, far towns and weak names; not a first name that starts the next person); in English prose a name right before it | −2, English −3 | Квітка Цісик, Маркус Мерк, Наото Кана, Ukrainska Pravda |
//! | the word is itself a first name          | −3     | Володимир, Лариса, Романові             |
//! | a surname's shape, and a small place     | −2.5   | Осипенко, Калнишевського, Топалов       |
//! | an oblast's adjective in lower case      | −1     | одеської поліції (Odesa, but weaker)    |
//! | a Latin name inside Cyrillic text        | −2     | Toyota, Sofia                           |
//! | a town abroad no region or place backs: far away and under a million people, or nearer and under 100,000 (Russia and Belarus excepted) | −1.5 | Решту (Rasht), Жара (Żary) |
//! | it completes the name of a law, an office, a symbol, or scopes a programme's period | −3 | Кримінального кодексу України, програми України на 2013–2017 роки |
//! | the first part of a hyphenated word in lower case after it | −3 | до Сані-жида                      |
//! | elsewhere in the text it stands in a person's name (a small place, a far town or a surname's shape; no preposition) | −3 | Ольга Сагайдак ... Сагайдак відома, Богдан Хмельницький ... війська Хмельницького |
//! | inside a short title in quotes, after its first word (or ending it after a separator) | −4 | «Олімпійське сузір'я України», «Наші гроші. Запоріжжя» |
//! | a village alone: no frame, no preposition of place, nothing nearby backs it | −1.5 | Тарган розсміявся |
//! | the region named right after it is another's | −5 | Погребки Курской области            |
//! | a district noun follows, and no raion of the name is known | −4 | Красноармейским районом (Russia) |
//! | a Ukrainian village nothing backs, in a text whose other places (countries aside) are all abroad | −4.5 | Приморье ... поселок Тавричанка |
//! | an adjective's form that agrees with the lower-case noun after it | −2.5 | Велике місто, Петрове вміння |
//! | a form in "-ові" with no preposition before it: a dative | −3 | тому Котові, дала Горохові |
//! | a domain name's zone                      | −4     | в зоне .РФ                              |
//! | a settlement's name of two or three capitals in Cyrillic text: an abbreviation | −3 | ОФ, БУК-3 |
//! | a village word before a city of 100,000 or more abroad (instead of +3) | −1.5 | у селі Коля (not Kiel) |
//! | listed with a firm place name (a settlement, not weak) | +1.5 | Тернопіль, Ємільчине, Бурштин |
//! | an adjective of a city or oblast the text names (resolves to it; see `derived`) | +1 | В Полтаве ... В Полтавском ТЦК |
//!
//! A mention counts when its score reaches 1. The weights are few and round on purpose: each
//! stands for one kind of evidence a coder would name, and [`PlaceMention::evidence`] lists the
//! ones that fired, so that a wrong decision can be traced to one signal. The confidence is the
//! score through a logistic curve, times how firmly the namesakes were told apart (one
//! candidate, or an oblast named nearby, is firmer than population alone).

#![deny(missing_docs)]

mod agree;
mod derived;
mod heads;
mod lists;
mod person;
mod romanize;
mod sentence;
mod street;

use std::sync::OnceLock;

use litopys_gazetteer::{normalize_with_offsets, EntryId, Frame, Gazetteer, Kind, Mention, Reason};
use litopys_model::Span;

pub use person::FirstNames;
pub use street::{streets, Feature, Street};

/// A kind of evidence for or against a mention being a place.
///
/// More signals may be added; match with a `_` arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Signal {
    /// A gazetteer name that is not an ordinary word.
    Name,
    /// The name is also an ordinary word ("Сила", "Мені").
    CommonWord,
    /// A settlement word frames it: "село", "смт", "the village of".
    SettlementWord,
    /// A region or district word frames it: "області", "district".
    RegionWord,
    /// A reference word frames it: "near", "під", "поблизу".
    NearWord,
    /// Its oblast (or region) or raion is named nearby.
    RegionNearby,
    /// The text's other places lie in its oblast or country.
    OtherPlaces,
    /// Capitalised inside a sentence.
    Capitalised,
    /// Capitalised only because a sentence starts there.
    SentenceStart,
    /// Next to a first name, an initial or a patronymic: part of a person's name.
    PersonName,
    /// After a title or a word for a person ("пан", "депутат").
    Title,
    /// In quotation marks: a name of an organisation, a brand or a work.
    Quoted,
    /// Next to another capitalised word that is not a place.
    CapitalisedNeighbour,
    /// The word is itself a first name ("Володимир", "Лариса", "Романові").
    FirstName,
    /// The word has a surname's shape ("Осипенко", "Калнишевського", "Топалов") and names a
    /// small place.
    SurnameLike,
    /// A lower-case adjective of an oblast ("одеської поліції"): derived from a place, it names
    /// the place more weakly than its name does.
    Adjective,
    /// A Latin-script name inside Cyrillic text: usually a brand or a person (Toyota, Sofia).
    ForeignScript,
    /// A town far from Ukraine (outside Europe, the former Soviet Union and the Middle East)
    /// with under a million people: reports seldom name one, and its Cyrillic spellings
    /// collide with words and surnames ("Решту", "Бреда").
    Remote,
    /// The name completes the name of a law, a document, an office or a symbol: "Кримінального
    /// кодексу України", "Міністр оборони України".
    PartOfName,
    /// A village named alone: no settlement word, no preposition of place before it, and
    /// nothing nearby in its oblast ("Тарган розсміявся" is a person).
    Alone,
    /// The region named right after it holds no place of this name: "Погребки Курской
    /// области" is a village of Russia's Kursk oblast that the gazetteer does not hold, not the
    /// Ukrainian Pohreby.
    OtherRegion,
    /// The word right after it is a district noun, yet no raion of this name is known: the
    /// name is a district's adjective ("Красноармейским районом Краснодарского края", a
    /// district of Russia), not the settlement it resembles.
    UnknownDistrict,
    /// Every other place the text names (countries aside) is abroad, and nothing backs this
    /// Ukrainian village: the report is about another country, and the village is that country's
    /// namesake the gazetteer does not hold ("Приморье ... поселок Тавричанка").
    ForeignText,
    /// A capitalised word in a locative case form after a preposition of place, in Cyrillic
    /// text: "у Чорнобилі", "в Чернобыле". A common noun there would be lower case, and a
    /// person is seldom "in" someone.
    Located,
    /// Elsewhere in the text the same name stands inside a person's name ("Ольга Сагайдак ...
    /// Сагайдак відома як"): a surname repeated alone is still the person.
    PersonElsewhere,
    /// A name in an adjective's form that agrees with the lower-case noun right after it: an
    /// attribute of that noun ("Велике місто", "Петрове вміння"), not a place's name.
    Attribute,
    /// A Ukrainian form in "-ові"/"-еві" with no preposition before it: the dative of a person
    /// or an animal ("годували Котові", "дали Горохові"); a place's locative in these endings
    /// follows "у", "на", "по" ("у Горохові").
    Dative,
    /// A domain name's zone: ".РФ", ".укр" after a space.
    Domain,
    /// Listed with a place: a comma or "і", "та", "and" between it and a firm place name
    /// ("Тернопіль, Ємільчине, Бурштин").
    Listed,
    /// An adjective of a city or oblast the text names ("Полтавском ТЦК" under "В Полтаве"):
    /// it resolves to that place, not to a village of the adjective's name.
    Derived,
    /// Inside a short title in quotation marks, after its first word: «Олімпійське сузір'я
    /// України», «Тореодори з Васюківки», «Наші гроші. Львів». The title names a book, a
    /// programme, a company or a law; the place is a word of it, and no event happens there.
    InTitle,
    /// A word of two or three capital letters in Cyrillic text: an abbreviation ("ОФ", "БУК"),
    /// not the small town abroad or the village it spells.
    Abbreviation,
    /// A village word before a city of 100,000 or more abroad ("у селі Коля" read as Kiel):
    /// the village meant is one the gazetteer does not hold, or no place at all.
    VillageWordMismatch,
    /// The name is the first part of a hyphenated word whose next part is in lower case
    /// ("Сані-жида"): a compound, not the settlement.
    Compound,
}

impl Signal {
    /// A short name for output ("name", "common word", "settlement word", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Name => "name",
            Signal::CommonWord => "common word",
            Signal::SettlementWord => "settlement word",
            Signal::RegionWord => "region word",
            Signal::NearWord => "near word",
            Signal::RegionNearby => "region nearby",
            Signal::OtherPlaces => "other places",
            Signal::Capitalised => "capitalised",
            Signal::SentenceStart => "sentence start",
            Signal::PersonName => "person's name",
            Signal::Title => "title",
            Signal::Quoted => "quoted",
            Signal::CapitalisedNeighbour => "capitalised neighbour",
            Signal::FirstName => "first name",
            Signal::SurnameLike => "surname-like",
            Signal::Adjective => "adjective",
            Signal::ForeignScript => "foreign script",
            Signal::Remote => "remote",
            Signal::PartOfName => "part of a name",
            Signal::Alone => "alone",
            Signal::OtherRegion => "another region named",
            Signal::UnknownDistrict => "unknown district",
            Signal::ForeignText => "a text about another country",
            Signal::Located => "located",
            Signal::PersonElsewhere => "a person elsewhere",
            Signal::Attribute => "attribute of a noun",
            Signal::Dative => "dative",
            Signal::Domain => "domain zone",
            Signal::Listed => "listed with a place",
            Signal::Derived => "derived from a place named",
            Signal::InTitle => "inside a quoted title",
            Signal::Abbreviation => "abbreviation",
            Signal::VillageWordMismatch => "village word before a city abroad",
            Signal::Compound => "part of a hyphenated word",
        }
    }
}

/// One signal that fired, with its weight in the score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    /// What was seen.
    pub signal: Signal,
    /// Its weight: positive for a place, negative against.
    pub weight: f32,
}

/// A place the text names.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// The gazetteer's mention: span, candidates best first (the first is the place chosen),
    /// frame, and the reason the first candidate won.
    pub mention: Mention,
    /// The score of the evidence (a mention counts from 1).
    pub score: f32,
    /// How sure the choice is, 0 to 1: that this is a place, times that it is this place.
    pub confidence: f32,
    /// The signals that fired.
    pub evidence: Vec<Evidence>,
}

impl PlaceMention {
    /// The place chosen.
    pub fn entry(&self) -> EntryId {
        self.mention.candidates[0]
    }

    /// True for a lower-case adjective of an oblast ("львівська поліція", "одеської влади"):
    /// it says where something belongs, and an incident without a better place may be placed
    /// there, but it is no place name (named-entity corpora leave it unmarked), so
    /// `litopys geoparse` writes it only with `--all`.
    pub fn is_adjective(&self) -> bool {
        self.evidence.iter().any(|e| e.signal == Signal::Adjective)
    }

    /// Where the mention stands in the text (with its framing words).
    pub fn span(&self) -> Span {
        self.mention.span
    }

    /// The words of the mention.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.mention.span.text(text)
    }

    /// The other places the name could mean, best first.
    pub fn alternatives(&self) -> &[EntryId] {
        &self.mention.candidates[1..]
    }

    /// Which signal chose the place among its namesakes.
    pub fn decided_by(&self) -> Reason {
        self.mention.reason
    }
}

/// A street the text names, placed in a city of the text when it names one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StreetMention {
    /// Where the street stands, and its name.
    pub street: Street,
    /// The city it is in, as far as the text says.
    pub city: Option<EntryId>,
}

/// Prepositions that put a name in the locative: "у Станіславі", "в Володимирі".
const PLACE_PREPOSITIONS: &[&str] = &["у", "в", "во", "на"];

/// Prepositions a place name follows in any case: "у Вербівці", "до Ямок", "під Бахмутом".
const PLACE_PREPOSITIONS_ANY: &[&str] = &[
    "у",
    "в",
    "во",
    "на",
    "з",
    "із",
    "зі",
    "до",
    "під",
    "біля",
    "поблизу",
    "від",
    "через",
    "за",
    "над",
    "поза",
    "коло",
    "из",
    "со",
    "под",
    "около",
    "возле",
    "от",
    "к",
    "ко",
    "in",
    "at",
    "near",
    "from",
    "to",
    "of",
    "outside",
];

/// The score from which a mention counts as a place.
pub const THRESHOLD: f32 = 1.0;

/// Finds and resolves the places of a text.
pub struct Geoparser<'g> {
    gazetteer: &'g Gazetteer,
    first_names: FirstNames,
}

impl Geoparser<'static> {
    /// The geoparser over the built-in gazetteer, made once on first use.
    pub fn builtin() -> &'static Geoparser<'static> {
        static GEO: OnceLock<Geoparser<'static>> = OnceLock::new();
        GEO.get_or_init(|| {
            // the names first: another thread may be loading the gazetteer meanwhile
            let first_names = FirstNames::builtin();
            Geoparser { gazetteer: Gazetteer::builtin(), first_names }
        })
    }
}

impl<'g> Geoparser<'g> {
    /// A geoparser over `gazetteer`, with the built-in list of first names.
    pub fn new(gazetteer: &'g Gazetteer) -> Geoparser<'g> {
        Geoparser {
            gazetteer,
            first_names: FirstNames::builtin(),
        }
    }

    /// The gazetteer behind this geoparser.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// The places `text` names, in text order: the mentions whose evidence reaches
    /// [`THRESHOLD`].
    pub fn parse(&self, text: &str) -> Vec<PlaceMention> {
        let (norm, offsets) = normalize_with_offsets(text);
        self.parse_normalized(text, &norm, &offsets)
    }

    /// [`parse`](Geoparser::parse) for a text already normalised with
    /// [`litopys_gazetteer::normalize_with_offsets`].
    pub fn parse_normalized(&self, text: &str, norm: &str, offsets: &[usize]) -> Vec<PlaceMention> {
        self.parse_with_streets(text, norm, offsets).0
    }

    /// The places and the streets of `text` (normalised as for
    /// [`parse_normalized`](Geoparser::parse_normalized)), in one pass over its streets.
    pub fn parse_with_streets(&self, text: &str, norm: &str, offsets: &[usize]) -> (Vec<PlaceMention>, Vec<StreetMention>) {
        let mut all = self.weigh_all(text, norm, offsets);
        all.retain(|p| p.score >= THRESHOLD);
        // the words of a street's name are not places: "вул. Кірова", "вулиця Київська"; nor
        // those of a landmark named after someone ("парку Горького"); a landmark's adjective is
        // no village ("Михайлівському соборі" is not Mykhailivske), but it may name a town, a
        // feature or a region ("Бориспільського аеропорту")
        let mut streets = street::streets_with(text, |w| self.first_names.contains(w));
        if !streets.is_empty() {
            let gaz = self.gazetteer;
            // "ринку України": the market of a country or a region, not a landmark's name
            let a_region = |s: &Street| {
                !s.name_first
                    && all.iter().any(|p| {
                        p.span() == s.name && matches!(gaz.entry(p.entry()).kind, Kind::Country | Kind::Oblast | Kind::Region)
                    })
            };
            // "Часовому Яру" is the town Chasiv Yar, not a ravine named "Часовий", and the "Яре"
            // of "в Часов Яре Донецкой области" is no landmark word: a settlement holds it
            let a_settlement = |s: &Street| {
                all.iter().any(|p| {
                    let q = p.span();
                    let holds_word = (q.start <= s.span.start && s.span.end <= q.end) || (q.overlaps(&s.span) && !q.overlaps(&s.name));
                    holds_word && gaz.entry(p.entry()).kind.is_settlement()
                })
            };
            streets.retain(|s| s.feature == Feature::Street || !(a_region(s) || a_settlement(s)));
            // a river, a lake or a mountain the gazetteer holds is its place ("річки Дніпра"),
            // and so is a unit it holds ("Стрийського району"): the grammar's reading goes. After
            // a landmark word, the name's natural namesake comes first: "річці Дніпро" is the
            // river, not the city
            let natural_kind = |k: Kind| matches!(k, Kind::River | Kind::Lake | Kind::Sea | Kind::Mountains);
            for s in streets.iter().filter(|s| s.feature == Feature::Landmark && !s.name_first) {
                for p in all.iter_mut().filter(|p| p.span().overlaps(&s.name)) {
                    let found = p.mention.candidates.iter().position(|&id| natural_kind(gaz.entry(id).kind));
                    if let Some(i) = found.filter(|&i| i > 0) {
                        let id = p.mention.candidates.remove(i);
                        p.mention.candidates.insert(0, id);
                        p.mention.reason = Reason::Kind;
                    }
                }
            }
            let natural = |p: &PlaceMention| natural_kind(gaz.entry(p.entry()).kind);
            streets.retain(|s| self.grammar_reading_stands(s, &all));
            let names_no_place = |s: &Street, p: &PlaceMention| {
                (s.feature == Feature::Street || !s.name_first || gaz.entry(p.entry()).kind == Kind::Village)
                    && !(s.feature == Feature::Landmark && !s.name_first && natural(p))
            };
            all.retain(|p| !streets.iter().any(|s| s.name.overlaps(&p.span()) && names_no_place(s, p)));
        }
        let placed = self.place_streets(streets, &all);
        (all, placed)
    }

    /// The streets `text` names, each with the city it is in: the nearest city among `places`
    /// (the text's places, from [`parse`](Geoparser::parse)) within 300 bytes after it, else
    /// the last one before it, else the first after.
    pub fn streets(&self, text: &str, places: &[PlaceMention]) -> Vec<StreetMention> {
        self.place_streets(street::streets_with(text, |w| self.first_names.contains(w)), places)
    }

    /// True unless the gazetteer reads a landmark's or a unit's name better: a river, a lake or
    /// a mountain it holds after a landmark word ("річки Дніпра"), a unit it holds
    /// ("Стрийського району"), a place named in a list of streets ("вул. Садова, Київ").
    fn grammar_reading_stands(&self, s: &Street, places: &[PlaceMention]) -> bool {
        let natural = |p: &PlaceMention| {
            matches!(self.gazetteer.entry(p.entry()).kind, Kind::River | Kind::Lake | Kind::Sea | Kind::Mountains)
        };
        match s.feature {
            Feature::Street => !s.listed || !places.iter().any(|p| p.span().overlaps(&s.name)),
            Feature::Landmark => s.name_first || !places.iter().any(|p| p.span().overlaps(&s.name) && natural(p)),
            Feature::Unit => !places.iter().any(|p| p.span().overlaps(&s.name)),
        }
    }

    fn place_streets(&self, found: Vec<Street>, places: &[PlaceMention]) -> Vec<StreetMention> {
        if found.is_empty() {
            return Vec::new();
        }
        let cities: Vec<(usize, EntryId)> = places
            .iter()
            .filter(|p| {
                matches!(
                    self.gazetteer.entry(p.entry()).kind,
                    Kind::City | Kind::Village
                )
            })
            .map(|p| (p.span().start, p.entry()))
            .collect();
        // "ринку України", "музею Польщі": a landmark word before a country or a region is a
        // phrase about that country, not a landmark's name
        let regions: Vec<Span> = places
            .iter()
            .filter(|p| matches!(self.gazetteer.entry(p.entry()).kind, Kind::Country | Kind::Oblast | Kind::Region))
            .map(|p| p.span())
            .collect();
        found
            .into_iter()
            .filter(|street| self.grammar_reading_stands(street, places))
            .filter(|street| {
                street.feature != Feature::Landmark
                    || !regions.iter().any(|r| r.start < street.name.end && street.name.start < r.end)
            })
            .map(|street| {
                let at = street.span.end;
                let soon_after = cities.iter().find(|(p, _)| *p >= at && *p - at <= 300);
                let before = cities.iter().rev().find(|(p, _)| *p < street.span.start);
                let after = cities.iter().find(|(p, _)| *p >= at);
                let city = soon_after.or(before).or(after).map(|&(_, id)| id);
                StreetMention { street, city }
            })
            .collect()
    }

    /// Every mention the gazetteer finds, weighed, including those below the threshold: for
    /// explaining a decision.
    pub fn weigh(&self, text: &str) -> Vec<PlaceMention> {
        let (norm, offsets) = normalize_with_offsets(text);
        self.weigh_all(text, &norm, &offsets)
    }

    fn weigh_all(&self, text: &str, norm: &str, offsets: &[usize]) -> Vec<PlaceMention> {
        let mut mentions = self.gazetteer.find_all_normalized(text, norm, offsets);
        let partners = lists::list_partners(self.gazetteer, text, &mentions);
        if !partners.is_empty() {
            // "Сумській" of "у Сумській та Харківській областях": read as a place of its own
            mentions.retain(|m| !partners.iter().any(|p| p.span.overlaps(&m.span)));
            mentions.extend(partners);
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
        }
        let support = Support::of(self.gazetteer, &mentions);
        let cyrillic = cyrillic_text(text);
        let derived = derived::derived_places(self.gazetteer, text, &mentions);
        let mut weighed: Vec<PlaceMention> = mentions
            .into_iter()
            .enumerate()
            .map(|(i, mut m)| {
                support.reorder(self.gazetteer, &mut m);
                prefer_country(self.gazetteer, &mut m);
                let source = derived.iter().find(|(j, _)| *j == i).map(|&(_, id)| id);
                if let Some(id) = source {
                    // "Полтавском ТЦК" in a text about Полтава: the city's adjective
                    m.candidates.retain(|&c| c != id);
                    m.candidates.insert(0, id);
                    m.reason = Reason::OtherPlaces;
                }
                let mut evidence = self.evidence(text, &m, &support, cyrillic);
                if source.is_some() {
                    evidence.push(Evidence { signal: Signal::Derived, weight: 1.0 });
                }
                PlaceMention {
                    mention: m,
                    score: 0.0,
                    confidence: 0.0,
                    evidence,
                }
            })
            .collect();
        self.persons_elsewhere(text, &mut weighed);
        for p in &mut weighed {
            p.score = p.evidence.iter().map(|e| e.weight).sum();
            p.confidence = confidence(p.score, p.mention.reason, p.mention.candidates.len());
        }
        weighed
    }

    /// Marks the plain mentions of a small place, or of a town with a surname's shape
    /// ("Хмельницького"), whose name stands inside a person's name elsewhere in the text
    /// ("Осипенка Зінаїда ... Осипенко – далекий родич"): the document is the evidence, as a
    /// coder reads it. Mentions after a preposition of place ("у Сокалі") or framed by a
    /// settlement word keep their reading, unless they repeat the very word form of the
    /// person's name next to a first name ("Ларисы Долиной ... у Долиной").
    fn persons_elsewhere(&self, text: &str, weighed: &mut [PlaceMention]) {
        let named_person = |p: &PlaceMention| {
            p.evidence.iter().any(|e| matches!(e.signal, Signal::PersonName | Signal::Title))
        };
        let first_named = |p: &PlaceMention| p.evidence.iter().any(|e| e.signal == Signal::PersonName);
        let persons: Vec<(EntryId, &str, bool)> = weighed
            .iter()
            .filter(|p| named_person(p))
            .map(|p| (p.entry(), p.mention.span.text(text), first_named(p)))
            .collect();
        if persons.is_empty() {
            return;
        }
        for p in weighed.iter_mut() {
            let entry = self.gazetteer.entry(p.entry());
            let settlement = matches!(entry.kind, Kind::City | Kind::Village);
            // a city named after a person ("Хмельницький") is the person where the text names
            // him, and its name has a surname's shape
            let surname = person::surname_like(p.text(text)) || person::adjectival_surname(p.text(text));
            // a town far away is seldom named in a text that names a person of its name
            let far = entry.kind == Kind::City && !near_ukraine(&entry.country);
            let small = entry.population < 100_000 || surname || far;
            if !settlement || !small || p.mention.frame != Frame::Plain || named_person(p) || !persons.iter().any(|(id, ..)| *id == p.entry()) {
                continue;
            }
            let after_preposition = sentence::word_before(text, p.mention.span.start)
                .is_some_and(|(w, _)| PLACE_PREPOSITIONS_ANY.contains(&w.to_lowercase().as_str()));
            // the very form the person's name took ("Ларисы Долиной ... у Долиной") is the
            // person even after a preposition: a place's case after it would differ
            // (an adjective's case ending, "-ой", "-ого", that a noun place never takes)
            let adjectival = |form: &str| ["ой", "ою", "ої", "ого", "ому", "им", "ым"].iter().any(|e| form.ends_with(e));
            let place_adjective = ["ий", "ій", "ое", "ая", "ське", "цьке", "ська", "цька"].iter().any(|e| entry.name_uk.ends_with(e));
            let same_form = persons.iter().any(|(id, form, first)| {
                *first && *id == p.entry() && *form == p.mention.span.text(text) && adjectival(form) && !place_adjective
            });
            if !after_preposition || same_form {
                p.evidence.push(Evidence { signal: Signal::PersonElsewhere, weight: -3.0 });
            }
        }
    }

    fn evidence(&self, text: &str, m: &Mention, support: &Support, cyrillic: bool) -> Vec<Evidence> {
        let mut out = Vec::new();
        let mut add = |signal, weight| out.push(Evidence { signal, weight });
        let entry = self.gazetteer.entry(m.candidates[0]);
        let settlement = matches!(entry.kind, Kind::City | Kind::Village | Kind::Hromada);
        // a place small enough that a person or a word shares its name more often than not
        let small =
            !(entry.population >= 100_000 || matches!(entry.kind, Kind::Oblast | Kind::Country));
        let small_settlement = small && settlement;
        let backing = support.of_entry(self.gazetteer, m.candidates[0], m.span.start);
        if m.weak {
            add(Signal::CommonWord, -1.0);
        } else {
            add(Signal::Name, 2.0);
        }
        // a village word before a big city abroad: the village is another, unknown one
        let village_mismatch =
            cyrillic && m.frame == Frame::Village && entry.kind == Kind::City && !entry.is_ukrainian() && entry.population >= 100_000;
        match m.frame {
            Frame::Village if village_mismatch => add(Signal::VillageWordMismatch, -1.5),
            Frame::Village => add(Signal::SettlementWord, 3.0),
            Frame::Region | Frame::District => add(Signal::RegionWord, 1.0),
            Frame::Near => add(Signal::NearWord, 0.5),
            _ => {}
        }
        let name = name_span(text, m);
        let at_start = sentence::starts_sentence(text, name.start);
        // "СССР", "КНДР", "МКС": an abbreviation in capitals is no surname, and the capitalised
        // words beside it are the next name ("сборной СССР Виктор Понедельник")
        let abbreviation = {
            let w = name.text(text);
            w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase())
        };
        if abbreviation && cyrillic && settlement && name.text(text).chars().count() <= 3 {
            // "ОФ", "БУК-3": an abbreviation; names of towns are not written in capitals
            add(Signal::Abbreviation, -3.0);
        }
        if m.weak {
            if at_start {
                add(Signal::SentenceStart, -1.5);
            } else if sentence::capitalised(text, name.start) {
                add(Signal::Capitalised, if settlement { 0.5 } else { 2.0 });
                if cyrillic && settlement && located(text, name) {
                    add(Signal::Located, 1.5);
                } else if cyrillic && settlement && after_place_preposition(text, name) {
                    // "в Чорнобиль", "від Чорнобиля": a capitalised word after a preposition of
                    // place in another case, weaker than a locative
                    add(Signal::Located, 1.0);
                }
            }
            if sentence::quoted(text, name) {
                add(Signal::Quoted, -2.0);
            }
        }
        if !m.weak && sentence::enclosed_in_quotes(text, name) {
            // «Днепр», "Київ": a group, a club or a company named after a place
            add(Signal::Quoted, -2.5);
        } else if sentence::ends_a_quoted_title(text, name) || sentence::inside_a_quoted_title(text, name) {
            // «Наші гроші. Запоріжжя», «Олімпійське сузір'я України»: a newspaper, a book or a
            // programme; firmer than a name alone in quotes, so that its oblast named nearby
            // does not make it a place again
            add(Signal::InTitle, -4.0);
        }
        // a town far away (outside Europe, the former Soviet Union and the Middle East) is named
        // seldom, and its Cyrillic spelling is often a person's name ("Наото Кана")
        let far = entry.kind == Kind::City && !near_ukraine(&entry.country);
        if m.weak || ((small_settlement || far) && m.frame == Frame::Plain) {
            if person::after_title(text, name.start) {
                add(Signal::Title, -3.0);
            }
            // capitals mark names in Cyrillic text; in English only outside a headline, and
            // only a name before the place ("Ukrainska Pravda"): English capitalises
            // nationalities and months after places too ("near Pisky Russian forces")
            let neighbour = if m.weak || cyrillic {
                // a first name after the place with its own surname after it starts the next
                // person ("мер Алупки Андрій Ковальчук"): no neighbour of the place's
                let next_person = |s: Span| s.start >= name.end && self.first_names.starts_full_name(text, s);
                sentence::capitalised_neighbour(text, name, at_start, |s| support.is_place_at(s) || next_person(s))
            } else {
                sentence::english_name_before(text, name, |s| support.is_place_at(s))
            };
            if neighbour && !abbreviation {
                // in English prose a capitalised name right before a village's name makes one
                // proper name with it ("Ukrainska Pravda"): firmer than a Cyrillic neighbour
                add(Signal::CapitalisedNeighbour, if m.weak || cyrillic { -2.0 } else { -3.0 });
            }
        }
        if m.frame == Frame::Plain {
            let word = name.text(text);
            if sentence::domain_zone(text, name) {
                add(Signal::Domain, -4.0);
            }
            // a surname in the nominative right after it: the name is a first name ("Шахрияр
            // Мамедьяров"); an adjective there ("Золочівського району") is a district's
            let surname_after = sentence::word_after(text, name.end)
                .is_some_and(|(w, _)| w.starts_with(char::is_uppercase) && person::nominative_surname(w))
                && !sentence::word_before(text, m.span.start)
                    .is_some_and(|(w, _)| PLACE_PREPOSITIONS_ANY.contains(&w.to_lowercase().as_str()));
            // a first name in Latin letters with a surname after it: the village Сергії read in
            // "According to Sergii Tiurin" (English does not inflect, and a Latin name's
            // capitalised next word is its surname more often than anything else)
            let latin_full_name = word.is_ascii() && self.first_names.starts_full_name(text, name);
            if !abbreviation
                && (self.first_names.next_to(text, name, m.weak || small)
                    || ((surname_after || latin_full_name)
                        && !matches!(entry.kind, Kind::Country | Kind::Oblast | Kind::Region)))
            {
                add(Signal::PersonName, -5.0);
            } else if self.first_names.contains(word) && !word.is_ascii() {
                // "у Станіславі", "в Володимирі": a preposition of place and a locative ending
                // make the old or current name of a city more likely than a person
                let located = sentence::word_before(text, name.start)
                    .is_some_and(|(w, _)| PLACE_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
                    && ["і", "е", "ові", "ю"].iter().any(|e| word.ends_with(e));
                add(Signal::FirstName, if located { -1.0 } else { -3.0 });
            }
            if word.is_ascii() && cyrillic && entry.kind != Kind::Country {
                add(Signal::ForeignScript, -2.0);
            }
            if small && person::surname_like(word) && !genitive_of_iv_town(&entry.name_uk, word) {
                add(Signal::SurnameLike, -2.5);
            }
            if entry.kind == Kind::Oblast && !sentence::capitalised(text, name.start) {
                // "одеської поліції" names the place it derives from, if more weakly than a name
                add(Signal::Adjective, -1.0);
            }
            if matches!(entry.kind, Kind::City | Kind::Village | Kind::Hromada | Kind::Oblast)
                && sentence::capitalised(text, name.start)
                && adjectival(&entry.name_uk, entry.kind)
                && agree::qualifies_next_word(text, name)
            {
                add(Signal::Attribute, -2.5);
            }
            if cyrillic && settlement && dative(text, name) {
                add(Signal::Dative, -3.0);
            }
            if heads::completes_a_name(text, name.start) || heads::scopes_a_programme(text, name.end) {
                // "Кримінального кодексу України"; "програми ... України на 2013–2017 роки"
                add(Signal::PartOfName, -3.0);
            }
            if cyrillic && settlement && hyphen_compound(text, name.end) {
                add(Signal::Compound, -3.0);
            }
            if entry.kind == Kind::City && remote(entry, m.weak) && backing.is_none() {
                add(Signal::Remote, -1.5);
            }
            let after_preposition = sentence::word_before(text, m.span.start)
                .is_some_and(|(w, _)| PLACE_PREPOSITIONS_ANY.contains(&w.to_lowercase().as_str()));
            if entry.kind == Kind::Village && !m.weak && backing.is_none() && !after_preposition {
                add(Signal::Alone, -1.5);
            }
        }
        if m.frame != Frame::Plain && heads::scopes_a_programme(text, m.span.end) {
            // "програми ... у Запорізькій області на 2015–2018 роки"
            add(Signal::PartOfName, -3.0);
        }
        // a name that may be a region itself stands in a list of regions ("Закарпатська,
        // Івано-Франківська, Львівська"): the next one is its sibling, not its container
        let may_be_region = m
            .candidates
            .iter()
            .any(|&id| matches!(self.gazetteer.entry(id).kind, Kind::Oblast | Kind::Region | Kind::Country));
        if !may_be_region && support.other_region_after(entry, m.span.end, text) {
            // the settlement word of "селе Тавричанка Приморского края" does not outweigh it
            add(Signal::OtherRegion, -5.0);
        }
        if entry.is_ukrainian() && entry.kind == Kind::Village && backing.is_none() && support.foreign_only(m.span.start) {
            add(Signal::ForeignText, -4.5);
        }
        if m.frame != Frame::District && entry.kind != Kind::Raion && district_noun_after(text, m.span.end) {
            add(Signal::UnknownDistrict, -4.0);
        }
        match backing {
            Some(Backing::Region) => add(Signal::RegionNearby, 2.5),
            Some(Backing::Places) => add(Signal::OtherPlaces, 1.0),
            None => {}
        }
        // a list of places, unless the name is a person's inside it ("з Києва і Борислав Савчук")
        let a_person = out.iter().any(|e| {
            matches!(e.signal, Signal::PersonName | Signal::CapitalisedNeighbour | Signal::FirstName | Signal::Title)
        });
        if settlement && !m.weak && !a_person && m.frame == Frame::Plain && support.listed_with_place(text, m.span) {
            out.push(Evidence { signal: Signal::Listed, weight: 1.5 });
        }
        out
    }
}

/// The words of a word-list data file (`data/*.txt`): every word of every line that is not a
/// `#` comment.
pub(crate) fn list_words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace)
}

/// True if a hyphen and a lower-case letter follow byte `end` right away: the name is the first
/// part of a compound word ("Сані-жида"), not a place ("Ростов-на-Дону" is matched whole).
fn hyphen_compound(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    rest.next() == Some('-') && rest.next().is_some_and(char::is_lowercase)
}

/// Ukrainian and Russian words for a district, with their abbreviations.
const DISTRICT_NOUNS: &[&str] = &["район", "району", "районі", "районом", "района", "районе", "районах", "р-н", "р-не", "р-ні"];

/// True if a Ukrainian or Russian district noun follows byte `at`: "районом", "району". (Not
/// English "district": "shelled Studenok district" names the village's surroundings.)
fn district_noun_after(text: &str, at: usize) -> bool {
    sentence::word_after(text, at).is_some_and(|(w, _)| DISTRICT_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// True if a Cyrillic preposition of place ("до", "від", "з", "під", "в") stands right before
/// `name`.
fn after_place_preposition(text: &str, name: Span) -> bool {
    sentence::word_before(text, name.start).is_some_and(|(w, _)| {
        let lower = w.to_lowercase();
        PLACE_PREPOSITIONS_ANY.contains(&lower.as_str()) && !lower.is_ascii()
    })
}

/// True if `name` follows "у", "в", "во" or "на" and ends as a locative does ("Чорнобилі",
/// "Чернобыле", "Черкасах").
fn located(text: &str, name: Span) -> bool {
    const LOCATIVE: &[&str] = &["і", "ї", "е", "ах", "ях"];
    let word = name.text(text);
    sentence::word_before(text, name.start)
        .is_some_and(|(w, _)| PLACE_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        && LOCATIVE.iter().any(|e| word.ends_with(e))
}

/// True if the Ukrainian word at `name` ends in "-ові"/"-еві"/"-єві" and the word before it,
/// past adjectives and pronouns ("в рідному Харкові", "тому Котові"), is neither a preposition
/// ("у Горохові", "по Києві") nor a town word ("місті Києві"): a dative, not a locative. An
/// abbreviation or punctuation before it ("м. Києві") says nothing.
fn dative(text: &str, name: Span) -> bool {
    const LOCATIVE_BEFORE: &[&str] = &["у", "в", "на", "по", "при", "місті", "селі", "селищі", "містечку", "хуторі"];
    let word = name.text(text);
    if !["ові", "еві", "єві"].iter().any(|e| word.ends_with(e)) {
        return false;
    }
    // past adjectives and pronouns, which agree in either case ("в рідному Харкові", "тому
    // Котові"), and particles ("у зовсім не нашому Києві"), to the word that decides
    const TRANSPARENT: &[&str] = &["не", "ні", "зовсім", "дуже", "навіть", "ще", "вже", "самому", "самім"];
    let mut at = name.start;
    for _ in 0..5 {
        let Some((w, start)) = sentence::word_before(text, at) else {
            return false;
        };
        let lower = w.to_lowercase();
        if LOCATIVE_BEFORE.contains(&lower.as_str()) || !w.chars().all(char::is_alphabetic) {
            return false;
        }
        if !["ому", "ім", "ій", "их"].iter().any(|e| lower.ends_with(e)) && !TRANSPARENT.contains(&lower.as_str()) {
            return true;
        }
        at = start;
    }
    false
}

/// Puts a country first when its name is also a town's abroad: "Армения" is Armenia before the
/// Colombian town, "Люксембург" the country before its capital, unless a frame says "city"; and
/// a historical land before a town abroad ("Спарта", "Русь" before Ruse). Likewise a region, an
/// area or an oblast before a village: "на Кубани" is Russia's Kuban before a Luhansk village,
/// "зі Сходу" the East before the village Схід, "на Тернопілля" the oblast.
fn prefer_country(gaz: &Gazetteer, m: &mut Mention) {
    let first = gaz.entry(m.candidates[0]);
    if m.frame != Frame::Plain {
        return;
    }
    let town_abroad = first.kind == Kind::City && !first.is_ukrainian();
    let village = first.kind == Kind::Village;
    // a land before a town abroad of its name: "чужу Спарту", "по всій Русі" (not Ruse); an
    // oblast before a village named like its regional noun ("на Тернопілля")
    let wanted = |k: Kind| {
        (town_abroad && matches!(k, Kind::Country | Kind::Area)) || (village && matches!(k, Kind::Country | Kind::Region | Kind::Area | Kind::Oblast))
    };
    if let Some(i) = m.candidates.iter().position(|&id| wanted(gaz.entry(id).kind)) {
        let id = m.candidates.remove(i);
        m.candidates.insert(0, id);
        m.reason = Reason::Kind;
    }
}

/// True for a town abroad that reports seldom name: far from Ukraine and under a million
/// people, or nearer and under 100,000, except the towns of Ukraine's neighbours, whose border
/// towns reports name daily.
fn remote(entry: &litopys_gazetteer::Entry, weak: bool) -> bool {
    if entry.is_ukrainian() {
        return false;
    }
    if !near_ukraine(&entry.country) {
        return entry.population < 1_000_000;
    }
    // Russia and Belarus: their border towns are named daily; the other neighbours' towns of
    // 30,000 or more too (Przemyśl, Chełm, Suceava), unless the name is also a word; GeoNames'
    // Cyrillic spellings of their villages are often words ("Гуси" for Huşi, "Лапы" for Łapy)
    let neighbour = match entry.country.as_str() {
        "RU" | "BY" => true,
        "PL" | "SK" | "HU" | "RO" | "MD" => !weak && entry.population >= 30_000,
        _ => false,
    };
    entry.population < 100_000 && !neighbour
}

/// True if a place's Ukrainian name has an adjective's form: "Велике", "Глибока", "Рівне",
/// "Київська (область)". The name of an oblast is judged by its first word, others must be one
/// word.
fn adjectival(name_uk: &str, kind: Kind) -> bool {
    const ENDINGS: &[&str] = &[
        "ий", "ій", "ой", "ое", "ее", "ая", "яя", "е", "є", "ька", "ова", "ева", "єва", "ина", "іна",
        "ка", "на", "ча", "жа", "ша", "ща", "ня", "ва",
    ];
    let mut words = name_uk.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let one_word = words.next().is_none() || kind == Kind::Oblast;
    let lower = first.to_lowercase();
    one_word && !lower.contains('-') && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// True if `word` is the genitive or dative of a town in "-ів"/"-їв" (Старокостянтинова,
/// Бердичева): the surname shape "-ова" is then the town's own case form.
fn genitive_of_iv_town(name_uk: &str, word: &str) -> bool {
    let name = name_uk.to_lowercase();
    (name.ends_with("ів") || name.ends_with("їв"))
        && ["ова", "ову", "ева", "еву", "єва", "єву"]
            .iter()
            .any(|e| word.to_lowercase().ends_with(e))
}

/// Countries whose towns Ukrainian and Russian reports name as a matter of course: Europe, the
/// former Soviet Union, the Middle East (`scripts/build_world.py` keeps their towns of 15,000+).
fn near_ukraine(country: &str) -> bool {
    const NEAR: &[&str] = &[
        "UA", "RU", "BY", "MD", "PL", "RO", "HU", "SK", "CZ", "LT", "LV", "EE", "GE", "AM", "AZ",
        "KZ", "UZ", "KG", "TJ", "TM", "BG", "RS", "HR", "SI", "BA", "ME", "MK", "AL", "GR", "TR",
        "DE", "AT", "CH", "IT", "FR", "ES", "PT", "GB", "IE", "NL", "BE", "LU", "DK", "NO", "SE",
        "FI", "IS", "IL", "PS", "LB", "SY", "JO", "IQ", "IR", "CY", "MT", "US",
    ];
    NEAR.contains(&country)
}

/// True if most letters of the first few kilobytes of `text` are Cyrillic.
fn cyrillic_text(text: &str) -> bool {
    // a range test per character, not Unicode's alphabetic table: this runs on every document
    let (mut cyr, mut lat) = (0u32, 0u32);
    for c in text.chars().take(4000) {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyr += 1;
        } else if c.is_ascii_alphabetic() {
            lat += 1;
        }
    }
    cyr > lat
}

/// The score through a logistic curve, times how firmly the namesakes were told apart.
fn confidence(score: f32, reason: Reason, n_candidates: usize) -> f32 {
    let place = 1.0 / (1.0 + (-1.5 * (score - 0.5)).exp());
    let which = match reason {
        Reason::Only => 1.0,
        Reason::Frame | Reason::DistrictNamed | Reason::RegionNamed => 0.95,
        Reason::OtherPlaces | Reason::Country | Reason::OwnName => 0.85,
        Reason::Kind => 0.8,
        Reason::Population => 0.75,
        _ => 1.0 / n_candidates.max(1) as f32,
    };
    ((place * which) * 100.0).round() / 100.0
}

/// The name inside a mention's span, without its framing words ("селі Сила" → "Сила"): the
/// span's last capitalised word run, or the whole span.
fn name_span(text: &str, m: &Mention) -> Span {
    let words = m.span.text(text);
    let mut start = m.span.start;
    for (i, c) in words.char_indices() {
        if c.is_uppercase() && (i == 0 || !words[..i].ends_with(|p: char| p.is_alphanumeric())) {
            start = m.span.start + i;
            break;
        }
    }
    Span::new(start, m.span.end)
}

/// What backs a place: its oblast or raion named nearby, or the text's other places in its
/// oblast (or country, abroad).
enum Backing {
    Region,
    Places,
}

/// The firm mentions of a text (not weak), by oblast and country, for backing the others.
struct Support {
    /// Oblasts, regions and raions named: position, and for each candidate its admin1 and, for
    /// a raion, its name.
    regions: Vec<(usize, Vec<(String, Option<String>)>)>,
    /// Oblasts that a city's name may also mean ("Kharkiv", "Donetsk", "Kyiv"): position and
    /// admin1. Named right after a village they back it ("shelled Makariv, Kyiv"), as a named
    /// oblast does, but never count against a place ("in Lviv, Kyiv and Odesa" is a list).
    city_oblasts: Vec<(usize, String)>,
    /// (position, admin1, country) of firm settlements and other places.
    places: Vec<(usize, String, String)>,
    /// Spans of firm mentions, to tell a place from a person's name next to it.
    spans: Vec<Span>,
    /// (position, country) of every firm mention but countries.
    countries: Vec<(usize, String)>,
}

impl Support {
    fn of(gaz: &Gazetteer, mentions: &[Mention]) -> Support {
        let mut s = Support {
            regions: Vec::new(),
            city_oblasts: Vec::new(),
            places: Vec::new(),
            spans: Vec::new(),
            countries: Vec::new(),
        };
        for m in mentions.iter().filter(|m| !m.weak) {
            let e = gaz.entry(m.candidates[0]);
            s.spans.push(m.span);
            // a country named ("Россия", "Польща") does not make a text foreign: Ukrainian
            // reports name Russia all the time
            if e.kind != Kind::Country {
                s.countries.push((m.span.start, e.country.clone()));
            }
            if matches!(e.kind, Kind::Oblast | Kind::Region | Kind::Raion) {
                let units = m
                    .candidates
                    .iter()
                    .map(|&id| gaz.entry(id))
                    .filter(|c| matches!(c.kind, Kind::Oblast | Kind::Region | Kind::Raion))
                    .map(|c| {
                        (
                            c.admin1.clone(),
                            (c.kind == Kind::Raion).then(|| c.name.clone()),
                        )
                    })
                    .collect();
                s.regions.push((m.span.start, units));
            } else {
                s.places
                    .push((m.span.start, e.admin1.clone(), e.country.clone()));
                let oblasts = m.candidates.iter().map(|&id| gaz.entry(id)).filter(|c| c.kind == Kind::Oblast);
                s.city_oblasts.extend(oblasts.map(|c| (m.span.start, c.admin1.clone())));
            }
        }
        s
    }

    /// True if a region named right after byte `end` ("X Курской области", "X, Sumy oblast")
    /// does not contain `e`.
    fn other_region_after(&self, e: &litopys_gazetteer::Entry, end: usize, text: &str) -> bool {
        // between them only spaces, a comma, or the word for a district: "в Красноармейском
        // районе Краснодарского края"
        let district = |w: &str| {
            let lower = w.to_lowercase();
            DISTRICT_NOUNS.contains(&lower.as_str()) || matches!(lower.as_str(), "district" | "raion")
        };
        let adjacent = |gap: &str| gap.split([' ', ',', '\u{a0}']).filter(|w| !w.is_empty()).all(district);
        self.regions.iter().any(|(p, units)| {
            *p >= end && *p - end <= 16 && text.get(end..*p).is_some_and(adjacent) && !units.iter().any(|(a1, _)| *a1 == e.admin1)
        })
    }

    /// True if every other place the text names is abroad, and one of them is near `at`: a
    /// report about Russia's Primorye whose "поселок Тавричанка" is no Ukrainian village.
    fn foreign_only(&self, at: usize) -> bool {
        let others = || self.countries.iter().filter(|(p, c)| *p != at && !c.is_empty());
        let foreign_near = others().any(|(p, _)| p.abs_diff(at) <= 1000);
        foreign_near && others().all(|(_, c)| c != "UA")
    }

    /// True if a comma or a conjunction alone stands between `span` and a firm place name on
    /// either side: "Тернопіль, Ємільчине", "Ємільчине і Бурштин".
    fn listed_with_place(&self, text: &str, span: Span) -> bool {
        const JOINS: &[&str] = &["і", "й", "та", "и", "and"];
        let separator = |gap: &str| {
            let g = gap.trim_matches([' ', '\u{a0}']);
            g == "," || JOINS.contains(&g)
        };
        self.spans.iter().any(|s| {
            (s.end <= span.start && span.start - s.end <= 6 && text.get(s.end..span.start).is_some_and(separator))
                || (s.start >= span.end && s.start - span.end <= 6 && text.get(span.end..s.start).is_some_and(separator))
        })
    }

    fn is_place_at(&self, span: Span) -> bool {
        self.spans.iter().any(|s| s.overlaps(&span))
    }

    /// True if an oblast, region or raion named within 400 bytes of `at` contains `e`, or, for
    /// a village, a city whose oblast contains it is named right after ("Makariv, Kyiv").
    fn region_backs(&self, e: &litopys_gazetteer::Entry, at: usize) -> bool {
        let near = |p: usize| p != at && p.abs_diff(at) <= 400;
        !e.admin1.is_empty()
            && (self.regions.iter().any(|(p, units)| {
                near(*p)
                    && units.iter().any(|(a1, raion)| {
                        *a1 == e.admin1
                            && raion.as_ref().is_none_or(|r| e.admin2.as_ref() == Some(r))
                    })
            }) || (e.kind == Kind::Village
                && self.city_oblasts.iter().any(|(p, a1)| *p > at && *p - at <= 60 && *a1 == e.admin1)))
    }

    fn of_entry(&self, gaz: &Gazetteer, id: EntryId, at: usize) -> Option<Backing> {
        let e = gaz.entry(id);
        if self.region_backs(e, at) {
            return Some(Backing::Region);
        }
        let same = |(p, a, c): &(usize, String, String)| {
            *p != at
                && p.abs_diff(at) <= 1500
                && if e.is_ukrainian() {
                    !e.admin1.is_empty() && *a == e.admin1
                } else {
                    !e.country.is_empty() && *c == e.country
                }
        };
        self.places.iter().any(same).then_some(Backing::Places)
    }

    /// Puts first the candidate of a weak mention that a region named nearby contains: the
    /// gazetteer ranks weak names without their neighbours' help ("Сили Вознесенського району"
    /// is the Syla of that raion).
    fn reorder(&self, gaz: &Gazetteer, m: &mut Mention) {
        if !m.weak || m.candidates.len() < 2 {
            return;
        }
        if let Some(i) = m
            .candidates
            .iter()
            .position(|&id| self.region_backs(gaz.entry(id), m.span.start))
        {
            if i > 0 {
                let id = m.candidates.remove(i);
                m.candidates.insert(0, id);
                m.reason = Reason::RegionNamed;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_is_honest() {
        assert!(confidence(5.0, Reason::Only, 1) > 0.95);
        assert!(confidence(5.0, Reason::Population, 3) < confidence(5.0, Reason::RegionNamed, 3));
        assert!(confidence(0.0, Reason::Only, 1) < 0.5);
    }
}
