//! Incidents and statistics: the records litopys produces.

use serde::{Deserialize, Serialize};

use crate::{EventType, GeoPrecision, Span, SubEventType, TimePrecision};

/// Where one filled field came from: the field's name and the exact source text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The incident field this supports, e.g. `event_date`, `location`, `injuries`.
    pub field: String,
    /// Byte offset of the supporting text in the document.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The supporting text itself, exactly as in the document.
    pub text: String,
}

impl Evidence {
    /// Evidence for `field` at `span` of `doc_text`.
    pub fn new(field: &str, span: Span, doc_text: &str) -> Evidence {
        Evidence { field: field.to_string(), start: span.start, end: span.end, text: span.text(doc_text).to_string() }
    }

    /// The span this evidence covers.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One incident, with ACLED's column names and litopys' additions.
///
/// Invariant: every filled field other than the identifiers, `country`, `notes` and the derived
/// ACLED columns has at least one [`Evidence`] entry naming it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Stable id: `UKR` + a hash of the document id and the incident's first span.
    pub event_id_cnty: String,
    /// The day the incident happened (the first day of the period when precision is coarser).
    pub event_date: jiff::civil::Date,
    /// How exactly the date is known.
    pub time_precision: TimePrecision,
    /// ACLED event type.
    pub event_type: EventType,
    /// ACLED sub-event type.
    pub sub_event_type: SubEventType,
    /// Main actor (who acted), as an ACLED-style category: "Rioters (Ukraine)".
    pub actor1: String,
    /// Actors acting with actor1.
    pub assoc_actor_1: String,
    /// The actor acted upon.
    pub actor2: String,
    /// Actors associated with actor2.
    pub assoc_actor_2: String,
    /// Always "Ukraine" for now (Crimea and Sevastopol included).
    pub country: String,
    /// Oblast in official Latin spelling without "oblast"; empty when unknown.
    pub admin1: String,
    /// Raion, when known.
    pub admin2: String,
    /// Hromada, when known.
    pub admin3: String,
    /// Settlement as named in English.
    pub location: String,
    /// Latitude, WGS 84.
    pub latitude: Option<f64>,
    /// Longitude, WGS 84.
    pub longitude: Option<f64>,
    /// How exactly the coordinates locate the incident.
    pub geo_precision: Option<GeoPrecision>,
    /// Deaths reported.
    pub fatalities: u32,
    /// An English summary that names no private person.
    pub notes: String,
    /// The document the incident came from (URL, message link or path).
    pub source: String,
    /// People injured, when reported.
    pub injuries: Option<u32>,
    /// Crowd or group size, when reported.
    pub participants: Option<u32>,
    /// People detained or arrested, when reported.
    pub arrests: Option<u32>,
    /// Weapons used, from the codebook's weapon list.
    pub weapons: Vec<String>,
    /// Themes: `mobilization`, `labour`, `desertion`, `court`, ...
    pub tags: Vec<String>,
    /// The legal follow-up the reports state: case opened, article, sentence.
    #[serde(default)]
    pub legal: Legal,
    /// Sums of money the reports state (wage arrears, damage, fines), with their currency.
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// What was damaged or destroyed, as keys of `data/facts.toml`: `vehicle destroyed`,
    /// `vehicle damaged`, `building damaged`, ...
    #[serde(default)]
    pub damage: Vec<String>,
    /// How people were hurt, as keys of `data/facts.toml`: `minor injuries`, `hospitalized`,
    /// `stab wound`, ...
    #[serde(default)]
    pub injury_details: Vec<String>,
    /// Source text behind every filled field.
    pub evidence: Vec<Evidence>,
}

impl Incident {
    /// ACLED's `disorder_type`, derived from the sub-event type.
    pub fn disorder_type(&self) -> &'static str {
        match self.sub_event_type {
            SubEventType::ExcessiveForceAgainstProtesters => "Political violence; Demonstrations",
            SubEventType::MobViolence => "Political violence",
            _ => match self.event_type {
                EventType::Protests | EventType::Riots => "Demonstrations",
                EventType::StrategicDevelopments => "Strategic developments",
                _ => "Political violence",
            },
        }
    }

    /// The evidence entries for one field.
    pub fn evidence_for<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Evidence> + 'a {
        self.evidence.iter().filter(move |e| e.field == field)
    }
}

/// The legal follow-up of an incident, as its reports state it. Every filled field has
/// evidence named `legal.FIELD` (`legal.article`, `legal.sentence`, ...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Legal {
    /// Police or prosecutors opened criminal proceedings.
    pub case_opened: bool,
    /// Article of Ukraine's Criminal Code: "342".
    pub article: Option<String>,
    /// Part of the article: 2 for "part 2 of Article 342".
    pub article_part: Option<u32>,
    /// The sentence's kind, a key of `data/facts.toml`: `prison`, `restriction of liberty`,
    /// `fine`, `arrest`, `correctional labour`.
    pub sentence: Option<String>,
    /// Its length in months, when it is a term.
    pub sentence_months: Option<u32>,
    /// Probation: the sentence is suspended for this many months (0 when the length is not given).
    pub probation_months: Option<u32>,
    /// A fine, when one was imposed.
    pub fine: Option<Amount>,
}

impl Legal {
    /// True when the reports state nothing legal.
    pub fn is_empty(&self) -> bool {
        *self == Legal::default()
    }
}

/// A sum of money a report states.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// What the sum is, a key of `data/facts.toml`: `wage arrears`, `damage`, `fine`, `sum`.
    pub what: String,
    /// The sum.
    pub value: f64,
    /// ISO 4217 code: `UAH`, `USD`, `EUR`.
    pub currency: String,
}

/// An aggregate figure a report quotes: not an incident, but a number over a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statistic {
    /// Always `"statistic"`, so that mixed JSONL streams can tell records apart.
    pub record: String,
    /// What is counted, in the report's words: "criminal proceedings for unauthorized leaving of a unit".
    pub indicator: String,
    /// The figure (the lower bound of a range).
    pub value: f64,
    /// The upper bound when the report gives a range ("between 40 and 50").
    pub value_max: Option<f64>,
    /// The period: "2026-02", "2026", or "2026-02-23", as exact as the text allows.
    pub period: String,
    /// The document the figure came from.
    pub source: String,
    /// Who the report attributes the figure to, when it says ("the Prosecutor General's Office").
    pub attributed_to: String,
    /// Source text behind the indicator, value and period.
    pub evidence: Vec<Evidence>,
}
