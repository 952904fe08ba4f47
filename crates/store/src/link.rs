//! Event linking: which incidents are reports of the same event, and what the event says.
//!
//! # Design
//!
//! Two incidents are the same event when all of these hold (see [`same_event`]):
//!
//! * their dates are at most [`MAX_DAYS_APART`] day apart (reports published the next day
//!   resolve "yesterday" against different days, and time zones blur midnight);
//! * they are in the same settlement (same `location`, ignoring case) or, both having
//!   coordinates, within [`MAX_KM_APART`] km;
//! * their types are compatible: the same sub-event type, or both Protests/Riots (one source
//!   calls a crowd a protest, another a riot);
//! * their crowd sizes, when both are given, differ by less than ten times.
//!
//! A court ruling and a mob confrontation in one city on one day therefore stay apart (their
//! types differ), and so do two incidents of one report: the report itself tells them apart.
//!
//! The event's values are a consensus of its incidents, in the order they were stored: the
//! first incident's fields, the earliest date, the most precise coordinates, the union of
//! tags and weapons, and for each figure the lowest any source reports (ACLED's most
//! conservative estimate). Every source's own figures stay in [`Source`].

use litopys_model::{EventType, Incident};
use serde::{Deserialize, Serialize};

use crate::{Source, SourcedEvidence};

/// Largest gap in days between two reports of one event.
pub(crate) const MAX_DAYS_APART: i32 = 1;
/// Largest distance in km between two reports of one event in differently named places.
pub(crate) const MAX_KM_APART: f64 = 10.0;

/// One incident of an event, with the document it came from.
pub(crate) struct Member {
    pub(crate) doc_id: i64,
    pub(crate) document: String,
    pub(crate) url: Option<String>,
    pub(crate) incident: Incident,
}

/// What [`same_event`] compares of an incident: the columns of `incidents`, so that stored
/// candidates are compared without parsing their JSON.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Key {
    pub(crate) event_date: jiff::civil::Date,
    /// Lower-cased.
    pub(crate) location: String,
    pub(crate) latitude: Option<f64>,
    pub(crate) longitude: Option<f64>,
    pub(crate) sub_event_type: String,
    /// Protests or Riots.
    pub(crate) crowd: bool,
    pub(crate) participants: Option<u32>,
}

impl Key {
    pub(crate) fn of(i: &Incident) -> Key {
        Key {
            event_date: i.event_date,
            location: i.location.to_lowercase(),
            latitude: i.latitude,
            longitude: i.longitude,
            sub_event_type: i.sub_event_type.as_str().to_string(),
            crowd: is_crowd(i.event_type.as_str()),
            participants: i.participants,
        }
    }
}

/// True for the event types ([`EventType::as_str`]) whose reports may call one crowd a
/// protest or a riot.
pub(crate) fn is_crowd(event_type: &str) -> bool {
    event_type == EventType::Protests.as_str() || event_type == EventType::Riots.as_str()
}

/// True if `a` and `b` report the same event (see the module docs).
pub(crate) fn same_event(a: &Key, b: &Key) -> bool {
    let days = a.event_date.until(b.event_date).map_or(i32::MAX, |s| s.get_days().abs());
    if days > MAX_DAYS_APART {
        return false;
    }
    let same_place = match (a.latitude, a.longitude, b.latitude, b.longitude) {
        _ if !a.location.is_empty() && a.location == b.location => true,
        (Some(la), Some(lo), Some(lb), Some(ob)) => haversine_km(la, lo, lb, ob) <= MAX_KM_APART,
        _ => false,
    };
    if !same_place {
        return false;
    }
    let same_type = a.sub_event_type == b.sub_event_type || (a.crowd && b.crowd);
    if !same_type {
        return false;
    }
    match (a.participants, b.participants) {
        (Some(x), Some(y)) => {
            let (lo, hi) = (x.min(y).max(1), x.max(y));
            hi < lo.saturating_mul(10)
        }
        _ => true,
    }
}

/// Great-circle distance in km.
pub(crate) fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().clamp(0.0, 1.0).asin()
}

/// What the `data` column of `events` holds: the machine's view of an event, the consensus
/// of its members in the order they were stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Machine {
    pub(crate) incident: Incident,
    pub(crate) sources: Vec<Source>,
    pub(crate) evidence: Vec<SourcedEvidence>,
    /// The distinct sources named in `incident.source`, kept so that a new member can be
    /// merged without reading the others. Absent in data written before batches existed:
    /// such an event is recomputed from its members instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) urls: Option<Vec<String>>,
}

/// The event's consensus: its first member's fields, then every other member merged in
/// order (see [`Machine::merge`]).
///
/// `members` is never empty when called from the store; for an empty slice this returns
/// `None`.
pub(crate) fn consensus(id: &str, members: &[Member]) -> Option<Machine> {
    let first = members.first()?;
    let mut incident = first.incident.clone();
    incident.event_id_cnty = id.to_string();
    incident.evidence = Vec::new();
    incident.source = String::new();
    let mut event = Machine { incident, sources: Vec::new(), evidence: Vec::new(), urls: Some(Vec::new()) };
    event.add_source(first);
    for m in &members[1..] {
        event.merge(m);
    }
    Some(event)
}

impl Machine {
    /// Adds `m`, stored after every current member: the result is the same as [`consensus`]
    /// over all the members. The earliest date, the most precise coordinates (the first of
    /// equal precision), the lowest figures, the union of tags and weapons.
    pub(crate) fn merge(&mut self, m: &Member) {
        let (event, new) = (&mut self.incident, &m.incident);
        event.event_date = event.event_date.min(new.event_date);
        // geo_precision 1 is the most precise; an event has both coordinates exactly when
        // one of its members has
        let precision = |p: Option<litopys_model::GeoPrecision>| p.map_or(u8::MAX, |p| p as u8);
        let has_coordinates = |i: &Incident| i.latitude.is_some() && i.longitude.is_some();
        if has_coordinates(new) && (!has_coordinates(event) || precision(new.geo_precision) < precision(event.geo_precision)) {
            event.location.clone_from(&new.location);
            event.admin1.clone_from(&new.admin1);
            event.admin2.clone_from(&new.admin2);
            event.admin3.clone_from(&new.admin3);
            event.latitude = new.latitude;
            event.longitude = new.longitude;
            event.geo_precision = new.geo_precision;
        }
        event.fatalities = event.fatalities.min(new.fatalities);
        event.injuries = lowest(event.injuries, new.injuries);
        event.participants = lowest(event.participants, new.participants);
        event.arrests = lowest(event.arrests, new.arrests);
        union(&mut event.tags, &new.tags);
        union(&mut event.weapons, &new.weapons);
        self.add_source(m);
    }

    /// Appends `m` to the sources, its evidence and its URL (or source) to the event's.
    fn add_source(&mut self, m: &Member) {
        let s = m.url.clone().unwrap_or_else(|| m.incident.source.clone());
        let urls = self.urls.get_or_insert_with(Vec::new);
        if !s.is_empty() && !urls.contains(&s) {
            urls.push(s);
        }
        self.incident.source = urls.join("; ");
        self.sources.push(Source {
            doc_id: m.doc_id,
            document: m.document.clone(),
            url: m.url.clone(),
            incident: m.incident.event_id_cnty.clone(),
            event_date: m.incident.event_date,
            fatalities: m.incident.fatalities,
            injuries: m.incident.injuries,
            participants: m.incident.participants,
            arrests: m.incident.arrests,
        });
        for e in &m.incident.evidence {
            if !self.evidence.iter().any(|s| s.doc_id == m.doc_id && s.evidence == *e) {
                self.evidence.push(SourcedEvidence { doc_id: m.doc_id, document: m.document.clone(), evidence: e.clone() });
            }
        }
    }
}

/// The lower of two optional figures; a figure nobody gives stays `None`.
fn lowest(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn union(into: &mut Vec<String>, from: &[String]) {
    for v in from {
        if !into.contains(v) {
            into.push(v.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::incident;
    use litopys_model::SubEventType;

    #[test]
    fn distance() {
        // Kyiv to Brovary is about 20 km
        let d = haversine_km(50.4501, 30.5234, 50.5110, 30.7909);
        assert!((19.0..22.0).contains(&d), "{d}");
        assert!(haversine_km(50.0, 30.0, 50.0, 30.0) < 1e-9);
    }

    #[test]
    fn linking_rules() {
        let protest = incident("a", "2026-02-23", "Lutsk", SubEventType::PeacefulProtest, Some(200));
        let check = |other: &Incident, expect: bool| assert_eq!(same_event(&Key::of(&protest), &Key::of(other)), expect, "{other:?}");
        check(&incident("b", "2026-02-24", "lutsk", SubEventType::PeacefulProtest, Some(300)), true);
        check(&incident("b", "2026-02-23", "Lutsk", SubEventType::MobViolence, None), true);
        check(&incident("b", "2026-02-25", "Lutsk", SubEventType::PeacefulProtest, None), false);
        check(&incident("b", "2026-02-23", "Rivne", SubEventType::PeacefulProtest, None), false);
        check(&incident("b", "2026-02-23", "Lutsk", SubEventType::PeacefulProtest, Some(5000)), false);
        check(&incident("b", "2026-02-23", "Lutsk", SubEventType::Arrests, None), false);
    }

    #[test]
    fn consensus_is_conservative() {
        let mut a = incident("a", "2026-02-24", "Lutsk", SubEventType::PeacefulProtest, Some(300));
        a.injuries = Some(4);
        let mut b = incident("b", "2026-02-23", "Lutsk", SubEventType::PeacefulProtest, Some(200));
        b.injuries = Some(2);
        b.tags = vec!["labour".into()];
        let member = |doc_id, i: Incident| Member { doc_id, document: format!("d{doc_id}"), url: None, incident: i };
        let c = incident("c", "2026-02-23", "Lutsk", SubEventType::PeacefulProtest, Some(250));
        let Some(Machine { incident: e, sources, .. }) = consensus("EV1", &[member(1, a), member(2, b), member(3, c)]) else { panic!("empty") };
        assert_eq!(e.event_id_cnty, "EV1");
        assert_eq!(e.event_date.to_string(), "2026-02-23");
        assert_eq!((e.participants, e.injuries), (Some(200), Some(2)));
        assert_eq!(e.tags, vec!["labour".to_string()]);
        assert_eq!(sources.len(), 3);
        assert_eq!(sources[0].injuries, Some(4));
        assert!(consensus("x", &[]).is_none());
    }
}
