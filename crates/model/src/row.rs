//! An incident as one flat row with ACLED's columns: what CSV, JSON Lines, GeoJSON and
//! Parquet writers all write, each in its own types.
//!
//! # Design
//!
//! One function ([`Incident::acled_row`]) decides every column's value and its type
//! ([`Cell`]); the writers only choose how to spell a cell (text in CSV, a JSON number, a
//! Parquet `DATE`). So the four formats cannot disagree, and a column added here appears in all.
//!
//! The derived columns follow ACLED's codebook: `inter1`/`inter2` from the actor's category
//! (see [`INTER_CATEGORIES`]), `interaction` the two joined in ACLED's order, `civilian_targeting`
//! when civilians are the target, `region` and `iso` for Ukraine. `source` names the publisher
//! (a site's host, a Telegram channel), never a local file path; `source_scale` is filled only
//! where the medium says it (Telegram channels are ACLED's "New media").

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::{EventType, Incident};

/// ACLED's export columns, in ACLED's order.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// litopys' own figure columns, written after ACLED's.
pub const FIGURE_COLUMNS: &[&str] = &["injuries", "participants", "arrests", "weapons"];

/// Every column of [`Incident::acled_row`]: ACLED's, then litopys' figures (the CSV header).
pub fn row_columns() -> impl Iterator<Item = &'static str> {
    ACLED_COLUMNS.iter().chain(FIGURE_COLUMNS).copied()
}

/// ACLED's interaction categories, in its code order (1 State forces ... 8 External/Other
/// forces), each with the beginnings of the ACLED actor names that belong to it.
pub const INTER_CATEGORIES: &[(&str, &[&str])] = &[
    (
        "State forces",
        &["Military Forces of", "Police Forces of", "Government of"],
    ),
    ("Rebel group", &[]),
    ("Political militia", &["Unidentified Armed Group"]),
    ("Identity militia", &[]),
    ("Rioters", &["Rioters"]),
    ("Protesters", &["Protesters"]),
    ("Civilians", &["Civilians"]),
    ("External/Other forces", &[]),
];

/// One value of a row, with its type.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// No value.
    Null,
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A real number.
    Float(f64),
    /// A calendar date.
    Date(jiff::civil::Date),
    /// A list of names.
    List(Vec<String>),
}

impl Cell {
    /// The cell as CSV writes it: numbers as digits, dates `YYYY-MM-DD`, lists joined by `;`,
    /// coordinates to four decimals (about 10 m), nothing for null.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) => format!("{x:.4}"),
            Cell::Date(d) => d.to_string(),
            Cell::List(items) => items.join(";"),
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => s.serialize_none(),
            Cell::Text(t) => s.serialize_str(t),
            Cell::Int(n) => s.serialize_i64(*n),
            Cell::Float(x) => s.serialize_f64(*x),
            Cell::Date(d) => s.collect_str(d),
            Cell::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
        }
    }
}

/// Named cells in order; serialises as one flat JSON object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row(pub Vec<(&'static str, Cell)>);

impl Row {
    /// The cell of `column`, if the row has it.
    pub fn get(&self, column: &str) -> Option<&Cell> {
        self.0.iter().find(|(c, _)| *c == column).map(|(_, v)| v)
    }

    /// Sets `column` (appending it if the row lacks it).
    pub fn set(&mut self, column: &'static str, value: Cell) {
        match self.0.iter_mut().find(|(c, _)| *c == column) {
            Some(slot) => slot.1 = value,
            None => self.0.push((column, value)),
        }
    }

    /// The cells as CSV text, in order.
    pub fn texts(&self) -> Vec<String> {
        self.0.iter().map(|(_, v)| v.to_text()).collect()
    }
}

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// ACLED's interaction category of an actor name ("Rioters (Ukraine)" → "Rioters"), with its
/// code; `None` for no actor.
pub fn inter_category(actor: &str) -> Option<(usize, &'static str)> {
    let actor = actor.trim();
    if actor.is_empty() {
        return None;
    }
    let found = INTER_CATEGORIES
        .iter()
        .enumerate()
        .find(|(_, (_, prefixes))| prefixes.iter().any(|p| actor.starts_with(p)));
    let (idx, (name, _)) = found.unwrap_or((7, &INTER_CATEGORIES[7]));
    Some((idx + 1, name))
}

/// The publisher a source link or document id names: a site's host (`suspilne.media`), a
/// Telegram channel (`t.me/channel`); empty for a local file, which names no publisher.
pub fn publisher(source: &str) -> String {
    let s = source.trim();
    if let Some(rest) = s.strip_prefix("telegram:") {
        let chat = rest.split('/').next().unwrap_or_default();
        return if chat.is_empty() {
            String::new()
        } else {
            format!("Telegram {chat}")
        };
    }
    let Some((scheme, rest)) = s.split_once("://") else {
        return if s.starts_with("t.me/") {
            s.split('/').take(2).collect::<Vec<_>>().join("/")
        } else {
            String::new()
        };
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return String::new();
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    if host == "t.me" || host == "telegram.me" {
        let channel = rest
            .split('/')
            .nth(1)
            .filter(|c| !c.is_empty() && *c != "s");
        let channel = channel
            .or_else(|| rest.split('/').nth(2))
            .unwrap_or_default();
        return if channel.is_empty() {
            "t.me".to_string()
        } else {
            format!("t.me/{channel}")
        };
    }
    host
}

/// ACLED's `source_scale` for a set of publishers: "New media" when all are Telegram
/// channels; empty otherwise (litopys does not know a site's reach).
pub fn source_scale(publishers: &[String]) -> &'static str {
    let telegram = |p: &String| p.starts_with("t.me") || p.starts_with("Telegram ");
    if !publishers.is_empty() && publishers.iter().all(telegram) {
        "New media"
    } else {
        ""
    }
}

impl Incident {
    /// The incident as ACLED's row ([`ACLED_COLUMNS`], in order) followed by litopys' figures
    /// ([`FIGURE_COLUMNS`]). `publishers` names the sources for `source` (the incident's own
    /// source link when empty); `timestamp` is ACLED's: when the row was last written, in
    /// Unix seconds.
    pub fn acled_row(&self, publishers: &[String], timestamp: i64) -> Row {
        let own = [publisher(&self.source)];
        let publishers: Vec<String> = if publishers.is_empty() {
            own.into_iter().filter(|p| !p.is_empty()).collect()
        } else {
            publishers.to_vec()
        };
        let inter1 = inter_category(&self.actor1);
        let inter2 = inter_category(&self.actor2);
        let interaction = match (inter1, inter2) {
            (Some((_, a)), None) | (None, Some((_, a))) => format!("{a} only"),
            (Some((ca, a)), Some((cb, b))) if ca <= cb => format!("{a}-{b}"),
            (Some((_, a)), Some((_, b))) => format!("{b}-{a}"),
            (None, None) => String::new(),
        };
        let civilians = inter2.is_some_and(|(_, n)| n == "Civilians")
            || self.event_type == EventType::ViolenceAgainstCivilians;
        let text = |s: &str| Cell::Text(s.to_string());
        let opt_int = |v: Option<u32>| v.map_or(Cell::Null, |n| Cell::Int(i64::from(n)));
        let opt_float = |v: Option<f64>| v.map_or(Cell::Null, Cell::Float);
        let cells = vec![
            ("event_id_cnty", text(&self.event_id_cnty)),
            ("event_date", Cell::Date(self.event_date)),
            ("year", Cell::Int(i64::from(self.event_date.year()))),
            ("time_precision", Cell::Int(self.time_precision as i64)),
            ("disorder_type", text(self.disorder_type())),
            ("event_type", text(self.event_type.as_str())),
            ("sub_event_type", text(self.sub_event_type.as_str())),
            ("actor1", text(&self.actor1)),
            ("assoc_actor_1", text(&self.assoc_actor_1)),
            ("inter1", text(inter1.map_or("", |(_, n)| n))),
            ("actor2", text(&self.actor2)),
            ("assoc_actor_2", text(&self.assoc_actor_2)),
            ("inter2", text(inter2.map_or("", |(_, n)| n))),
            ("interaction", Cell::Text(interaction)),
            (
                "civilian_targeting",
                text(if civilians { "Civilian targeting" } else { "" }),
            ),
            ("iso", Cell::Int(804)),
            ("region", text("Europe")),
            ("country", text(&self.country)),
            ("admin1", text(&self.admin1)),
            ("admin2", text(&self.admin2)),
            ("admin3", text(&self.admin3)),
            ("location", text(&self.location)),
            ("latitude", opt_float(self.latitude)),
            ("longitude", opt_float(self.longitude)),
            (
                "geo_precision",
                self.geo_precision
                    .map_or(Cell::Null, |p| Cell::Int(p as i64)),
            ),
            ("source", Cell::Text(publishers.join("; "))),
            ("source_scale", text(source_scale(&publishers))),
            ("notes", text(&self.notes)),
            ("fatalities", Cell::Int(i64::from(self.fatalities))),
            ("tags", Cell::List(self.tags.clone())),
            ("timestamp", Cell::Int(timestamp)),
            ("injuries", opt_int(self.injuries)),
            ("participants", opt_int(self.participants)),
            ("arrests", opt_int(self.arrests)),
            ("weapons", Cell::List(self.weapons.clone())),
        ];
        Row(cells)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishers_never_local_paths() {
        assert_eq!(
            publisher("https://www.Suspilne.media/rivne/123-protest/"),
            "suspilne.media"
        );
        assert_eq!(publisher("https://t.me/rivne_news/4512"), "t.me/rivne_news");
        assert_eq!(
            publisher("https://t.me/s/rivne_news/4512"),
            "t.me/rivne_news"
        );
        assert_eq!(publisher("telegram:rivne_news/4512"), "Telegram rivne_news");
        assert_eq!(publisher("/home/olena/reports/post.txt"), "");
        assert_eq!(publisher("examples/articles/kharkiv-post.uk.txt"), "");
        assert_eq!(publisher("file:///tmp/a.html"), "");
    }

    #[test]
    fn inter_codes_follow_acled_order() {
        assert_eq!(inter_category("Rioters (Ukraine)"), Some((5, "Rioters")));
        assert_eq!(
            inter_category("Military Forces of Ukraine (2019-)"),
            Some((1, "State forces"))
        );
        assert_eq!(
            inter_category("Unidentified Armed Group (Ukraine)"),
            Some((3, "Political militia"))
        );
        assert_eq!(inter_category(""), None);
        assert_eq!(source_scale(&["t.me/a".into()]), "New media");
        assert_eq!(
            source_scale(&["t.me/a".into(), "suspilne.media".into()]),
            ""
        );
    }
}
