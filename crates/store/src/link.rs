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

/// True if `a` and `b` report the same event (see the module docs).
pub(crate) fn same_event(a: &Incident, b: &Incident) -> bool {
    let days = a.event_date.until(b.event_date).map_or(i32::MAX, |s| s.get_days().abs());
    if days > MAX_DAYS_APART {
        return false;
    }
    let same_place = match (a.latitude, a.longitude, b.latitude, b.longitude) {
        _ if !a.location.is_empty() && a.location.to_lowercase() == b.location.to_lowercase() => true,
        (Some(la), Some(lo), Some(lb), Some(ob)) => haversine_km(la, lo, lb, ob) <= MAX_KM_APART,
        _ => false,
    };
    if !same_place {
        return false;
    }
    let crowd = |t: EventType| matches!(t, EventType::Protests | EventType::Riots);
    let same_type = a.sub_event_type == b.sub_event_type || (crowd(a.event_type) && crowd(b.event_type));
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

/// The event's consensus incident, its sources and the union of their evidence.
///
/// `members` is never empty when called from the store; for an empty slice this returns
/// `None`.
pub(crate) fn consensus(id: &str, members: &[Member]) -> Option<(Incident, Vec<Source>, Vec<SourcedEvidence>)> {
    let first = members.first()?;
    let mut event = first.incident.clone();
    event.event_id_cnty = id.to_string();
    let incidents = || members.iter().map(|m| &m.incident);
    if let Some(d) = incidents().map(|i| i.event_date).min() {
        event.event_date = d;
    }
    // the most precise coordinates (geo_precision 1 is the most precise)
    if let Some(best) = incidents()
        .filter(|i| i.latitude.is_some() && i.longitude.is_some())
        .min_by_key(|i| i.geo_precision.map_or(u8::MAX, |p| p as u8))
    {
        event.location.clone_from(&best.location);
        event.admin1.clone_from(&best.admin1);
        event.admin2.clone_from(&best.admin2);
        event.admin3.clone_from(&best.admin3);
        event.latitude = best.latitude;
        event.longitude = best.longitude;
        event.geo_precision = best.geo_precision;
    }
    event.fatalities = incidents().map(|i| i.fatalities).min().unwrap_or(0);
    event.injuries = incidents().filter_map(|i| i.injuries).min();
    event.participants = incidents().filter_map(|i| i.participants).min();
    event.arrests = incidents().filter_map(|i| i.arrests).min();
    for i in incidents().skip(1) {
        union(&mut event.tags, &i.tags);
        union(&mut event.weapons, &i.weapons);
    }
    let mut urls: Vec<String> = Vec::new();
    for m in members {
        let s = m.url.clone().unwrap_or_else(|| m.incident.source.clone());
        if !s.is_empty() && !urls.contains(&s) {
            urls.push(s);
        }
    }
    event.source = urls.join("; ");
    let sources = members
        .iter()
        .map(|m| Source {
            doc_id: m.doc_id,
            document: m.document.clone(),
            url: m.url.clone(),
            incident: m.incident.event_id_cnty.clone(),
            event_date: m.incident.event_date,
            fatalities: m.incident.fatalities,
            injuries: m.incident.injuries,
            participants: m.incident.participants,
            arrests: m.incident.arrests,
        })
        .collect();
    let mut evidence: Vec<SourcedEvidence> = Vec::new();
    for m in members {
        for e in &m.incident.evidence {
            if !evidence.iter().any(|s| s.doc_id == m.doc_id && s.evidence == *e) {
                evidence.push(SourcedEvidence { doc_id: m.doc_id, document: m.document.clone(), evidence: e.clone() });
            }
        }
    }
    event.evidence = Vec::new();
    Some((event, sources, evidence))
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
        let check = |other: &Incident, expect: bool| assert_eq!(same_event(&protest, other), expect, "{other:?}");
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
        let Some((e, sources, _)) = consensus("EV1", &[member(1, a), member(2, b)]) else { panic!("empty") };
        assert_eq!(e.event_id_cnty, "EV1");
        assert_eq!(e.event_date.to_string(), "2026-02-23");
        assert_eq!((e.participants, e.injuries), (Some(200), Some(2)));
        assert_eq!(e.tags, vec!["labour".to_string()]);
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].injuries, Some(4));
        assert!(consensus("x", &[]).is_none());
    }
}
