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
//! | a firm name in a case form other than its nominative starting a sentence (Ukrainian text; not a country or a unit) | −1.5 | "Рівного йому вояка", "Півдня вони йшли" |
//! | next to a first name, initial, patronymic, or before a surname in the nominative (not an abbreviation) | −5 | Олена Квітка, О. Квітка, Дмитро «Бобін» Александров, Шахрияр Мамедьяров |
//! | after a title or a kinship word ("пан", "баби", "за словами") | −3 | пан Доля, від баби Солі |
//! | a possessive pronoun after it closing the phrase (small places, weak names) | −3 | до Мані своєї |
//! | in quotes                                | −2     | партія «Сила»                           |
//! | next to another capitalised word (Cyrillic text; for small places, far towns and weak names; not a first name that starts the next person); in English prose a name right before it | −2, English −3 | Квітка Цісик, Маркус Мерк, Наото Кана, Ukrainska Pravda |
//! | the word is itself a first name          | −3     | Володимир, Лариса, Романові             |
//! | a surname's shape, and a small place     | −2.5   | Осипенко, Калнишевського, Топалов       |
//! | an oblast's adjective in lower case      | −1     | одеської поліції (Odesa, but weaker)    |
//! | a Latin name inside Cyrillic text (inside a Latin phrase: −3) | −2 | Toyota, Sofia; Toyota land cruiser |
//! | a town abroad no region or place backs: far away and under a million people, or nearer and under 100,000 (Russia and Belarus excepted) | −1.5 | Решту (Rasht), Жара (Żary) |
//! | it completes the name of a law, an office, a symbol, or scopes a programme's period | −3 | Кримінального кодексу України, програми України на 2013–2017 роки |
//! | the first part of a hyphenated word in lower case after it | −3 | до Сані-жида                      |
//! | right after a word for a monument (the person it honours) | −4 | пам'ятник Пушкіну, памятник Гагарину |
//! | elsewhere in the text it stands in a person's name (a small place, a far town or a surname's shape; no preposition) | −3 | Ольга Сагайдак ... Сагайдак відома, Богдан Хмельницький ... війська Хмельницького |
//! | inside a short title in quotes, after its first word (or ending it after a separator; or opening a title of two words whose second is in lower case) | −4 | «Олімпійське сузір'я України», «Наші гроші. Запоріжжя», «Харків нічний» |
//! | a village alone: no frame, no preposition of place, nothing nearby backs it | −1.5 | Тарган розсміявся |
//! | the region named right after it is another's | −5 | Погребки Курской области            |
//! | a district noun follows, and no raion of the name is known | −4 | Красноармейским районом (Russia) |
//! | a Ukrainian village nothing backs, in a text whose other places (countries aside) are all abroad | −4.5 | Приморье ... поселок Тавричанка |
//! | an adjective's form that agrees with the lower-case noun after it | −2.5 | Велике місто, Петрове вміння |
//! | a form in "-ові" with no preposition before it: a dative | −3 | тому Котові, дала Горохові |
//! | a domain name's zone                      | −4     | в зоне .РФ                              |
//! | a settlement's name of two or three capitals in Cyrillic text: an abbreviation | −3 | ОФ, БУК-3 |
//! | a village word before a city of 100,000 or more abroad (instead of +3) | −1.5 | у селі Коля (not Kiel) |
//! | listed with a firm place name (a settlement, not weak): a comma, "і", "та", a spaced dash | +1.5 | Тернопіль, Ємільчине, Бурштин; Полтава – Лубни |
//! | an adjective of a city or oblast the text names (resolves to it; see `derived`) | +1 | В Полтаве ... В Полтавском ТЦК |
//! | a common word capitalised inside a sentence, short of 1, whose place the text names elsewhere with evidence enough | +1 | в Чорнобиль ... Після обіду Чорнобиль |
//!
//! A mention counts when its score reaches 1. The weights are few and round on purpose: each
//! stands for one kind of evidence a coder would name, and [`PlaceMention::evidence`] lists the
//! ones that fired, so that a wrong decision can be traced to one signal. The confidence is the
//! score through a logistic curve, times how firmly the namesakes were told apart (one
//! candidate, or an oblast named nearby, is firmer than population alone).

#![deny(missing_docs)]

mod agree;
mod derived;
mod document;
mod evidence;
mod heads;
mod lists;
mod namesakes;
mod person;
mod romanize;
mod sentence;
mod street;
mod street_places;

use std::sync::OnceLock;

use litopys_gazetteer::{normalize_with_offsets, EntryId, Gazetteer, Mention, Reason};
use litopys_model::Span;

use document::Support;
use namesakes::prefer_country;

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
    /// Right after a word for a monument ("пам'ятник Пушкіну", "памятник Гагарину"): the person
    /// the monument honours, not the town of the name.
    Honoured,
    /// A name in a case form other than its nominative, starting a sentence of Ukrainian text
    /// with no preposition before it: "Рівного йому вояка" (equal), "Півдня вони йшли" (half a
    /// day). A place starts a sentence as its subject ("Рівне святкує") or after a preposition
    /// ("У Рівному"); the capital says nothing there.
    ObliqueStart,
    /// A possessive pronoun after the name closes the phrase: "до Мані своєї" (to his Mania).
    /// Said of a person the speaker holds dear; a place with one after it goes on to a noun
    /// ("до Києва свого дитинства").
    Possessive,
    /// A name that is also an ordinary word, capitalised inside a sentence, where the text
    /// names the same place elsewhere with evidence enough: "в Чорнобилі ... Однак Чорнобиль"
    /// (the town, not the herb).
    NamedElsewhere,
}

impl Signal {
    /// A short name for output ("name", "common word", "settlement word", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Name => "name",
            Signal::CommonWord => "common word",
            Signal::NamedElsewhere => "named elsewhere",
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
            Signal::Honoured => "after a monument word",
            Signal::ObliqueStart => "a case form starting a sentence",
            Signal::Possessive => "a possessive pronoun after it",
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

    /// Every mention the gazetteer finds, weighed, including those below the threshold: for
    /// explaining a decision.
    pub fn weigh(&self, text: &str) -> Vec<PlaceMention> {
        let (norm, offsets) = normalize_with_offsets(text);
        self.weigh_all(text, &norm, &offsets)
    }

    fn weigh_all(&self, text: &str, norm: &str, offsets: &[usize]) -> Vec<PlaceMention> {
        let joined = join_split_hyphens(text, norm, offsets);
        let (norm, offsets) = joined.as_ref().map_or((norm, offsets), |(n, o)| (n.as_str(), o.as_slice()));
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
        let ukrainian = cyrillic && ukrainian_text(text);
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
                let mut evidence = self.evidence(text, &m, &support, Script { cyrillic, ukrainian });
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
        self.named_elsewhere(&mut weighed);
        weighed
    }

    /// A common word capitalised inside a sentence, short of the threshold, whose place the text
    /// names elsewhere with evidence enough: the text uses the word as that place.
    fn named_elsewhere(&self, weighed: &mut [PlaceMention]) {
        let has = |p: &PlaceMention, s: Signal| p.evidence.iter().any(|e| e.signal == s);
        let accepted: Vec<EntryId> = weighed.iter().filter(|p| p.score >= THRESHOLD).map(|p| p.entry()).collect();
        if accepted.is_empty() {
            return;
        }
        for p in weighed.iter_mut() {
            if p.score < THRESHOLD && has(p, Signal::CommonWord) && has(p, Signal::Capitalised) && accepted.contains(&p.entry()) {
                p.evidence.push(Evidence { signal: Signal::NamedElsewhere, weight: 1.0 });
                p.score += 1.0;
                p.confidence = confidence(p.score, p.mention.reason, p.mention.candidates.len());
            }
        }
    }
}

/// `norm` with the space after a word's hyphen taken out where a capitalised word follows: a
/// tokeniser's split of a compound name ("Івано- Франківській", "Сент- Кітс"), read as the
/// name it is. The offsets still lead to the text, so a mention spans the words as written.
/// `None` when the text has no such split (most texts; nothing is copied).
fn join_split_hyphens(text: &str, norm: &str, offsets: &[usize]) -> Option<(String, Vec<usize>)> {
    let bytes = norm.as_bytes();
    let split = |i: usize| {
        bytes[i] == b'-'
            && bytes.get(i + 1) == Some(&b' ')
            && norm[..i].chars().next_back().is_some_and(litopys_gazetteer::chars::is_alphabetic)
            && norm[i + 2..].chars().next().is_some_and(litopys_gazetteer::chars::is_alphabetic)
            && offsets.get(i + 2).is_some_and(|&o| text[o..].chars().next().is_some_and(litopys_gazetteer::chars::is_uppercase))
    };
    let splits: Vec<usize> = memchr_hyphens(bytes).filter(|&i| split(i)).collect();
    if splits.is_empty() {
        return None;
    }
    let (mut out, mut offs) = (Vec::with_capacity(bytes.len()), Vec::with_capacity(offsets.len()));
    let mut from = 0;
    for i in splits {
        out.extend_from_slice(&bytes[from..=i]);
        offs.extend_from_slice(&offsets[from..=i]);
        from = i + 2;
    }
    out.extend_from_slice(&bytes[from..]);
    offs.extend_from_slice(&offsets[from..]);
    // only an ASCII space was taken out between two whole characters
    String::from_utf8(out).ok().map(|s| (s, offs))
}

/// The byte positions of "- " in `bytes`.
fn memchr_hyphens(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.windows(2).enumerate().filter(|(_, w)| w == &b"- ").map(|(i, _)| i)
}

/// The words of a word-list data file (`data/*.txt`): every word of every line that is not a
/// `#` comment.
pub(crate) fn list_words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace)
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

/// True if the first few kilobytes of a Cyrillic `text` hold more letters only Ukrainian has
/// (і, ї, є, ґ) than letters only Russian has (ы, э, ъ, ё).
fn ukrainian_text(text: &str) -> bool {
    let (mut uk, mut ru) = (0u32, 0u32);
    for c in text.chars().take(4000) {
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => uk += 1,
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ё' => ru += 1,
            _ => {}
        }
    }
    uk > ru
}

/// The script and language of a text, as the evidence needs them.
#[derive(Clone, Copy)]
pub(crate) struct Script {
    /// Most letters are Cyrillic.
    pub(crate) cyrillic: bool,
    /// Cyrillic, and Ukrainian rather than Russian.
    pub(crate) ukrainian: bool,
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