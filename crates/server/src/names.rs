//! Place names in both scripts, map labels, and what the filters can choose from.
//!
//! # Design
//!
//! Events store place names in Latin script (KMU 2010), as ACLED does. The app shows them in
//! the reader's script, so the built-in gazetteer gives each name its Ukrainian form: an
//! oblast by its `admin1`, a settlement or raion by the best entry of that name in the
//! event's oblast. Looked-up names are cached (a few thousand distinct places at most).
//!
//! Filters accept any spelling a person types: a name that is not one the events hold is
//! looked up in the gazetteer ("Харківська", "Kharkivska oblast", "Kharkov" all give
//! "Kharkiv"), so a filter never silently matches nothing because of the script.
//!
//! `GET /api/facets` lists the values the events hold for each filter with their counts (and
//! the Ukrainian form of place names), for the app's suggestions; `GET /api/labels` the
//! settlements of the gazetteer by population, for the map's labels.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use litopys_gazetteer::{Gazetteer, Kind};
use litopys_model::SubEventType;
use litopys_store::Status;

use crate::auth::Caller;
use crate::columns::{Columns, EVENT_TYPES, SEP};
use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/api/facets", get(facets)).route("/api/labels", get(labels))
}

fn gazetteer() -> &'static Gazetteer {
    Gazetteer::builtin()
}

/// The Ukrainian name of an oblast given by its `admin1` (empty when unknown).
pub(crate) fn oblast_uk(admin1: &str) -> String {
    if admin1.is_empty() {
        return String::new();
    }
    cached(&format!("o\u{1f}{admin1}"), || gazetteer().oblast(admin1).map(|e| e.name_uk.clone()).unwrap_or_default())
}

/// What a Latin place name in an event stands for.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    /// `location`: a city or village.
    Settlement,
    /// `admin2`.
    Raion,
    /// `admin3`.
    Hromada,
}

/// The Ukrainian name of the place of this kind named `name` in oblast `admin1` (the most
/// populous, when several share the name); empty when the gazetteer has none.
pub(crate) fn place_uk(name: &str, admin1: &str, unit: Unit) -> String {
    type Key = (String, String, Unit);
    static INDEX: OnceLock<HashMap<Key, (u32, String)>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<Key, (u32, String)> = HashMap::new();
        for e in gazetteer().entries().iter().filter(|e| e.is_ukrainian()) {
            let unit = match e.kind {
                k if k.is_settlement() => Unit::Settlement,
                Kind::Raion => Unit::Raion,
                Kind::Hromada => Unit::Hromada,
                _ => continue,
            };
            let slot = index.entry((e.name.to_lowercase(), e.admin1.to_lowercase(), unit)).or_insert((0, String::new()));
            if slot.1.is_empty() || e.population > slot.0 {
                *slot = (e.population, e.name_uk.clone());
            }
        }
        index
    });
    index.get(&(name.to_lowercase(), admin1.to_lowercase(), unit)).map(|(_, uk)| uk.clone()).unwrap_or_default()
}

fn cached(key: &str, look_up: impl FnOnce() -> String) -> String {
    static CACHE: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(v) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(key) {
        return v.clone();
    }
    let v = look_up();
    cache.lock().unwrap_or_else(|p| p.into_inner()).insert(key.to_string(), v.clone());
    v
}

/// The oblast `admin1` a filter value means: itself when the events hold it, otherwise the
/// oblast the gazetteer finds by that name in any script or spelling.
pub(crate) fn resolve_oblast(value: &str, known: &crate::columns::Dict) -> String {
    if known.mask(|n| n.eq_ignore_ascii_case(value)).contains(&true) {
        return value.to_string();
    }
    let hits = gazetteer().search(value);
    hits.iter().find(|e| e.kind == Kind::Oblast && e.is_ukrainian()).map_or_else(|| value.to_string(), |e| e.admin1.clone())
}

/// The raion a filter value means (as [`resolve_oblast`], for raions).
pub(crate) fn resolve_raion(value: &str, known: &crate::columns::Dict) -> String {
    if known.mask(|n| n.eq_ignore_ascii_case(value)).contains(&true) {
        return value.to_string();
    }
    let hits = gazetteer().search(value);
    hits.iter().find(|e| e.kind == Kind::Raion && e.is_ukrainian()).map_or_else(|| value.to_string(), |e| e.name.clone())
}

/// One value a filter can take: as stored, in Ukrainian when it is a place, and how many
/// events (not rejected, dated) hold it.
#[derive(serde::Serialize)]
struct Facet {
    value: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    uk: String,
    n: usize,
}

fn counted(counts: HashMap<String, usize>, uk: impl Fn(&str) -> String) -> Vec<Facet> {
    let mut out: Vec<Facet> = counts.into_iter().filter(|(v, _)| !v.is_empty()).map(|(value, n)| Facet { uk: uk(&value), value, n }).collect();
    out.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.value.cmp(&b.value)));
    out
}

/// Every value of each filter among the listed events (not rejected, dated), with counts.
fn facet_values(cols: &Columns) -> serde_json::Value {
    let mut by: [HashMap<String, usize>; 6] = Default::default();
    let mut raion_oblast: HashMap<String, String> = HashMap::new();
    for i in 0..cols.len() {
        if matches!(cols.status_of(i), Status::Rejected | Status::NeedsDate) {
            continue;
        }
        let admin1 = cols.admin1_names.name(cols.admin1[i]);
        let admin2 = cols.admin2_names.name(cols.admin2[i]);
        *by[0].entry(admin1.to_string()).or_default() += 1;
        *by[1].entry(admin2.to_string()).or_default() += 1;
        raion_oblast.entry(admin2.to_string()).or_insert_with(|| admin1.to_string());
        *by[2].entry(cols.event_type_of(i).as_str().to_string()).or_default() += 1;
        let sub = SubEventType::ALL.get(cols.sub_type[i] as usize).map_or("", |s| s.as_str());
        *by[3].entry(sub.to_string()).or_default() += 1;
        let mut actors: Vec<&str> = cols.actor_names.name(cols.actors[i]).split(SEP).filter(|a| !a.is_empty()).collect();
        actors.sort_unstable();
        actors.dedup();
        for a in actors {
            *by[4].entry(a.to_string()).or_default() += 1;
        }
        for t in cols.tag_names.name(cols.tags[i]).split(SEP).filter(|t| !t.is_empty()) {
            *by[5].entry(t.to_string()).or_default() += 1;
        }
    }
    let [oblast, raion, event_type, sub_type, actor, tag] = by;
    let none = |_: &str| String::new();
    serde_json::json!({
        "oblast": counted(oblast, oblast_uk),
        "raion": counted(raion, |r| place_uk(r, raion_oblast.get(r).map_or("", String::as_str), Unit::Raion)),
        "type": counted(event_type, none),
        "sub_type": counted(sub_type, none),
        "actor": counted(actor, none),
        "tag": counted(tag, none),
        "types": EVENT_TYPES.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
    })
}

/// `GET /api/facets`: what each filter can choose from, with counts, most frequent first.
async fn facets(State(state): State<AppState>, caller: Caller) -> Result<Json<serde_json::Value>, ApiError> {
    caller.require_read(&state)?;
    state.with_snapshot(|_, snap| Ok(Json(facet_values(&snap.cols)))).await
}

/// Settlements with at least this many people get a label.
const LABEL_MIN_POPULATION: u32 = 1000;

/// `GET /api/labels`: Ukraine's settlements (and oblast centres) for the map's labels, most
/// populous first: `[[name, name_uk, lat, lon, population], ...]`. Public, like the
/// boundaries: it is the gazetteer's, not the database's.
async fn labels() -> Response {
    static BODY: OnceLock<String> = OnceLock::new();
    let body = BODY.get_or_init(|| {
        let mut places: Vec<_> = gazetteer()
            .entries()
            .iter()
            .filter(|e| e.is_ukrainian() && e.kind.is_settlement() && e.population >= LABEL_MIN_POPULATION)
            .collect();
        places.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.name.cmp(&b.name)));
        let rows: Vec<_> = places.iter().map(|e| serde_json::json!([e.name, e.name_uk, round(e.lat), round(e.lon), e.population])).collect();
        serde_json::Value::from(rows).to_string()
    });
    ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "max-age=86400")], body.as_str()).into_response()
}

fn round(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_ukrainian() {
        assert_eq!(oblast_uk("Kharkiv"), "Харківська область");
        assert_eq!(place_uk("Kryvyi Rih", "Dnipropetrovsk", Unit::Settlement), "Кривий Ріг");
        assert_eq!(place_uk("Nowhere", "Kharkiv", Unit::Settlement), "");
        // the city, not the oblast of the same name
        assert_eq!(place_uk("Poltava", "Poltava", Unit::Settlement), "Полтава");
        assert_eq!(place_uk("Zhytomyrskyi", "Zhytomyr", Unit::Raion), "Житомирський");
        assert_eq!(place_uk("Zhytomyrska", "Zhytomyr", Unit::Hromada), "Житомирська");
    }

    #[test]
    fn filters_take_any_spelling() {
        let known = crate::columns::Dict::default();
        for typed in ["Харківська", "Kharkivska", "kharkiv oblast"] {
            assert_eq!(resolve_oblast(typed, &known), "Kharkiv", "{typed}");
        }
    }
}
