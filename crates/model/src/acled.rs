//! ACLED's closed vocabularies: event types, sub-event types and precision codes.
//!
//! The names are ACLED's own, spelled exactly as in its codebook, so that exported rows can be
//! concatenated with ACLED's data.

use serde::{Deserialize, Serialize};

/// ACLED's six event types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    /// "Battles": violent interactions between two organised armed groups.
    #[serde(rename = "Battles")]
    Battles,
    /// "Explosions/Remote violence".
    #[serde(rename = "Explosions/Remote violence")]
    ExplosionsRemoteViolence,
    /// "Violence against civilians".
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    /// "Protests".
    #[serde(rename = "Protests")]
    Protests,
    /// "Riots".
    #[serde(rename = "Riots")]
    Riots,
    /// "Strategic developments".
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl EventType {
    /// ACLED's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }
}

macro_rules! sub_event_types {
    ($($variant:ident => $name:literal, $parent:ident;)*) => {
        /// ACLED's 25 sub-event types.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum SubEventType {
            $(
                #[doc = $name]
                #[serde(rename = $name)]
                $variant,
            )*
        }

        impl SubEventType {
            /// Every sub-event type, in ACLED's codebook order.
            pub const ALL: &'static [SubEventType] = &[$(SubEventType::$variant),*];

            /// ACLED's spelling.
            pub fn as_str(self) -> &'static str {
                match self { $(SubEventType::$variant => $name),* }
            }

            /// The event type this sub-event type belongs to.
            pub fn event_type(self) -> EventType {
                match self { $(SubEventType::$variant => EventType::$parent),* }
            }
        }
    };
}

sub_event_types! {
    ArmedClash => "Armed clash", Battles;
    GovernmentRegainsTerritory => "Government regains territory", Battles;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", Battles;
    ChemicalWeapon => "Chemical weapon", ExplosionsRemoteViolence;
    AirDroneStrike => "Air/drone strike", ExplosionsRemoteViolence;
    SuicideBomb => "Suicide bomb", ExplosionsRemoteViolence;
    ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack", ExplosionsRemoteViolence;
    RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED", ExplosionsRemoteViolence;
    Grenade => "Grenade", ExplosionsRemoteViolence;
    SexualViolence => "Sexual violence", ViolenceAgainstCivilians;
    Attack => "Attack", ViolenceAgainstCivilians;
    AbductionForcedDisappearance => "Abduction/forced disappearance", ViolenceAgainstCivilians;
    PeacefulProtest => "Peaceful protest", Protests;
    ProtestWithIntervention => "Protest with intervention", Protests;
    ExcessiveForceAgainstProtesters => "Excessive force against protesters", Protests;
    ViolentDemonstration => "Violent demonstration", Riots;
    MobViolence => "Mob violence", Riots;
    Agreement => "Agreement", StrategicDevelopments;
    Arrests => "Arrests", StrategicDevelopments;
    ChangeToGroupActivity => "Change to group/activity", StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", StrategicDevelopments;
    HeadquartersOrBaseEstablished => "Headquarters or base established", StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", StrategicDevelopments;
    NonViolentTransferOfTerritory => "Non-violent transfer of territory", StrategicDevelopments;
    Other => "Other", StrategicDevelopments;
}

impl std::str::FromStr for SubEventType {
    type Err = String;

    /// Parses ACLED's spelling, ignoring case; the error names the unknown value.
    fn from_str(s: &str) -> Result<SubEventType, String> {
        SubEventType::ALL
            .iter()
            .copied()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown ACLED sub-event type {s:?}"))
    }
}

/// ACLED's `time_precision`: how exactly the date is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum TimePrecision {
    /// 1: the day is known.
    #[default]
    Day = 1,
    /// 2: the week, or a day given approximately ("last week", "a few days ago").
    Week = 2,
    /// 3: the month or something vaguer ("last December", "in 2023").
    Month = 3,
}

impl From<TimePrecision> for u8 {
    fn from(p: TimePrecision) -> u8 {
        p as u8
    }
}

impl TryFrom<u8> for TimePrecision {
    type Error = String;
    fn try_from(v: u8) -> Result<TimePrecision, String> {
        match v {
            1 => Ok(TimePrecision::Day),
            2 => Ok(TimePrecision::Week),
            3 => Ok(TimePrecision::Month),
            _ => Err(format!("time_precision must be 1, 2 or 3, not {v}")),
        }
    }
}

/// ACLED's `geo_precision`: how exactly the coordinates locate the event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum GeoPrecision {
    /// 1: the settlement itself (or a part of it) is named.
    #[default]
    Settlement = 1,
    /// 2: near a settlement, or a small area ("a village in the X district"): a nearby centre is used.
    Near = 2,
    /// 3: only a larger region is known; its centre or capital is used.
    Region = 3,
}

impl From<GeoPrecision> for u8 {
    fn from(p: GeoPrecision) -> u8 {
        p as u8
    }
}

impl TryFrom<u8> for GeoPrecision {
    type Error = String;
    fn try_from(v: u8) -> Result<GeoPrecision, String> {
        match v {
            1 => Ok(GeoPrecision::Settlement),
            2 => Ok(GeoPrecision::Near),
            3 => Ok(GeoPrecision::Region),
            _ => Err(format!("geo_precision must be 1, 2 or 3, not {v}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_sub_event_types_in_six_types() {
        assert_eq!(SubEventType::ALL.len(), 25);
        let mut types: Vec<_> = SubEventType::ALL.iter().map(|t| t.event_type()).collect();
        types.dedup();
        assert_eq!(types.len(), 6);
    }

    #[test]
    fn serde_uses_acled_spelling() {
        let s = serde_json::to_string(&SubEventType::RemoteExplosiveLandmineIed).unwrap();
        assert_eq!(s, "\"Remote explosive/landmine/IED\"");
        assert_eq!("mob violence".parse::<SubEventType>(), Ok(SubEventType::MobViolence));
        assert!("riot".parse::<SubEventType>().is_err());
        assert_eq!(serde_json::to_string(&TimePrecision::Week).unwrap(), "2");
    }
}
