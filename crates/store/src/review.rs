//! Analysts' decisions: the actions, and how an edit applies to an event's values.

use litopys_model::Incident;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// A decision on an event. Stored as JSON in the review history, exactly as given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "lowercase")]
pub enum Action {
    /// The event is right as it stands: every field is frozen at its current value.
    Confirm,
    /// Set one field (an ACLED column name such as `fatalities` or `location`) by hand.
    Edit {
        /// The field.
        field: String,
        /// Its new value, as JSON: `3`, `"Lutsk"`, `null`, `["court"]`.
        value: serde_json::Value,
    },
    /// Not an event to keep.
    Reject,
    /// The other event reports the same incident: its reports move into this one and it is
    /// removed.
    Merge {
        /// The other event's id.
        other: String,
    },
    /// These incidents (by their `event_id_cnty`) are a different event: they move to a new
    /// one.
    Split {
        /// The incidents to move out.
        incidents: Vec<String>,
    },
}

/// One entry of an event's review history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The event the action was taken on.
    pub event_id: String,
    /// Who took it.
    pub actor: String,
    /// When, RFC 3339 in UTC.
    pub at: String,
    /// What was done.
    pub action: Action,
}

/// Fields an edit may not touch: identifiers and the evidence trail.
const NOT_EDITABLE: &[&str] = &["event_id_cnty", "evidence"];

/// The fields an edit may set, each with the kind of value it takes, for messages.
pub const EDITABLE_FIELDS: &[(&str, &str)] = &[
    ("event_date", "a date, 2026-03-01"),
    ("time_precision", "1 (day), 2 (week) or 3 (month)"),
    ("event_type", "an ACLED event type, \"Protests\""),
    ("sub_event_type", "an ACLED sub-event type, \"Peaceful protest\""),
    ("actor1", "text"),
    ("assoc_actor_1", "text"),
    ("actor2", "text"),
    ("assoc_actor_2", "text"),
    ("country", "text"),
    ("admin1", "text"),
    ("admin2", "text"),
    ("admin3", "text"),
    ("location", "text"),
    ("latitude", "a number or null"),
    ("longitude", "a number or null"),
    ("geo_precision", "1, 2, 3 or null"),
    ("fatalities", "a whole number"),
    ("notes", "text"),
    ("source", "text"),
    ("injuries", "a whole number or null"),
    ("participants", "a whole number or null"),
    ("arrests", "a whole number or null"),
    ("weapons", "a list, [\"firearm\"]"),
    ("tags", "a list, [\"court\"]"),
];

fn field_list() -> String {
    EDITABLE_FIELDS.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ")
}

/// `incident` with `field` set to `value`, or why that cannot be.
pub(crate) fn apply_edit(incident: &Incident, field: &str, value: &serde_json::Value) -> Result<Incident, Error> {
    let invalid = |m: String| Error::new(ErrorKind::InvalidAction, m);
    if NOT_EDITABLE.contains(&field) {
        return Err(invalid(format!("{field} cannot be edited")));
    }
    let mut json = serde_json::to_value(incident)?;
    let Some(map) = json.as_object_mut() else {
        return Err(invalid("incident is not an object".into()));
    };
    let Some(slot) = map.get_mut(field) else {
        return Err(invalid(format!("there is no field {field:?}; the fields are {}", field_list())));
    };
    *slot = value.clone();
    serde_json::from_value(json).map_err(|_| {
        let kind = EDITABLE_FIELDS.iter().find(|(f, _)| *f == field).map_or("another kind of value", |(_, k)| k);
        invalid(format!("{field} takes {kind}, not {value}"))
    })
}

/// `incident` with every edit in `edits` applied; edits that no longer apply are skipped.
pub(crate) fn apply_edits(mut incident: Incident, edits: &serde_json::Map<String, serde_json::Value>) -> Incident {
    for (field, value) in edits {
        if let Ok(edited) = apply_edit(&incident, field, value) {
            incident = edited;
        }
    }
    incident
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::incident;
    use litopys_model::SubEventType;

    #[test]
    fn edits() {
        let i = incident("a", "2026-02-23", "Lutsk", SubEventType::PeacefulProtest, None);
        let e = apply_edit(&i, "fatalities", &serde_json::json!(2)).map(|i| i.fatalities);
        assert_eq!(e.ok(), Some(2));
        let e = apply_edit(&i, "location", &serde_json::json!("Rivne")).map(|i| i.location);
        assert_eq!(e.ok().as_deref(), Some("Rivne"));
        for (field, value) in [("fatalities", serde_json::json!("many")), ("nope", serde_json::json!(1)), ("evidence", serde_json::json!([]))] {
            let err = apply_edit(&i, field, &value).err().map(|e| e.kind());
            assert_eq!(err, Some(ErrorKind::InvalidAction), "{field}");
        }
        let msg = apply_edit(&i, "injuries", &serde_json::json!("many")).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("injuries takes a whole number or null, not \"many\""), "{msg}");
        let msg = apply_edit(&i, "foo", &serde_json::json!(3)).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("no field \"foo\"") && msg.contains("participants"), "{msg}");
        // every field listed is one an incident has
        let json = serde_json::to_value(&i).unwrap_or_default();
        for (f, _) in EDITABLE_FIELDS {
            assert!(json.get(f).is_some(), "{f}");
        }
    }

    #[test]
    fn action_json() {
        let a = Action::Edit { field: "fatalities".into(), value: serde_json::json!(1) };
        let s = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(s, r#"{"action":"edit","field":"fatalities","value":1}"#);
        assert_eq!(serde_json::from_str::<Action>(&s).ok(), Some(a));
    }
}
