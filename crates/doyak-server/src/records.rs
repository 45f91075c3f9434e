//! What the server knows about the desk's records: which kinds are shared
//! and which are events, how to check a record against the domain types,
//! which fields only move forward, and what the national counts count.
//!
//! Records travel as JSON objects (see doyak-sync-protocol); the server
//! decodes them into the domain types only to check them, and stores the
//! object itself, so fields added by a newer desk are kept, not dropped.

use doyak_domain::events::ApplicationStatus;
use doyak_domain::{
    Application, CaseEvent, Center, Company, Counselor, EventBody, JobSeeker, PartnerInstitution,
    Referral, ReferralStatus, SeekerStatus, Vacancy,
};
use doyak_sync_protocol::EntityKind;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The oldest and newest desk schema versions this server applies. The
/// record shapes have only grown by optional fields so far, so every version
/// in the range is applied as it is; a change of shape adds an upgrade step
/// to [`upgrade`].
pub const MIN_SCHEMA: u32 = 1;
pub const MAX_SCHEMA: u32 = 3;

/// Brings a record written under an older desk schema to the current shape.
pub fn upgrade(
    _schema_version: u32,
    _entity: &EntityKind,
    record: Map<String, Value>,
) -> Map<String, Value> {
    record
}

/// Whether the kind is an append-only event (never merged, never conflicts).
pub fn is_event(entity: &EntityKind) -> bool {
    *entity == EntityKind::Event
}

fn decodes<T: DeserializeOwned>(record: &Map<String, Value>) -> bool {
    // Deserializing from a borrowed Value clones nothing but the strings the
    // type keeps; the record is checked, never stored in this shape.
    T::deserialize(&Value::Object(record.clone())).is_ok()
}

/// Whether `record` is a valid record of `entity` for the domain. Names no
/// field and no value: the rejection's message says which kind is wrong.
pub fn is_valid(entity: &EntityKind, record: &Map<String, Value>) -> bool {
    match entity {
        EntityKind::Center => decodes::<Center>(record),
        EntityKind::Counselor => decodes::<Counselor>(record),
        EntityKind::Partner => decodes::<PartnerInstitution>(record),
        EntityKind::Seeker => decodes::<JobSeeker>(record),
        EntityKind::Company => decodes::<Company>(record),
        EntityKind::Vacancy => decodes::<Vacancy>(record),
        EntityKind::Referral => decodes::<Referral>(record),
        EntityKind::Application => decodes::<Application>(record),
        EntityKind::Event => decodes::<CaseEvent>(record),
        EntityKind::Unknown(_) => false,
    }
}

/// A field whose value only moves forward: its rank, or `None` for a field
/// merged the ordinary way. A pipeline status (알선, 의뢰) never goes back
/// because two counselors saw it at different stages; two different final
/// outcomes (합격 and 불합격) have the same rank and are a real conflict.
pub fn forward_rank(entity: &EntityKind, field: &str, value: &Value) -> Option<u8> {
    if field != "status" {
        return None;
    }
    match entity {
        EntityKind::Application => serde_json::from_value::<ApplicationStatus>(value.clone())
            .ok()
            .map(ApplicationStatus::rank),
        EntityKind::Referral => serde_json::from_value::<ReferralStatus>(value.clone())
            .ok()
            .map(ReferralStatus::rank),
        _ => None,
    }
}

/// Fields that say whose record it is: never changed by an update.
pub fn is_identity(field: &str) -> bool {
    matches!(field, "id" | "center_id")
}

/// Metric names of the national counts.
pub mod metric {
    /// Seekers in the program now (not 취업, not 종료), by the month they enrolled.
    pub const ACTIVE_SEEKERS: &str = "active_seekers";
    /// 취업 events, by the month of the placement.
    pub const PLACEMENTS: &str = "placements";
    /// 알선 that ended in 합격, by the month of the 알선.
    pub const HIRES: &str = "hires";
    pub const ALL: [&str; 3] = [ACTIVE_SEEKERS, PLACEMENTS, HIRES];
}

fn month_of(value: Option<&Value>) -> Option<String> {
    let date = value?.as_str()?;
    let month = date.get(..7)?;
    let ok = month.len() == 7
        && month.as_bytes()[4] == b'-'
        && month
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit());
    ok.then(|| month.to_owned())
}

/// What a record counts as in the national counts, and in which month.
/// Kept with the row by the writer, so a count is one indexed scan.
pub fn fact(entity: &EntityKind, record: &Map<String, Value>) -> Option<(String, String)> {
    let (what, month) = match entity {
        EntityKind::Seeker => {
            let status: SeekerStatus =
                serde_json::from_value(record.get("status")?.clone()).ok()?;
            if matches!(status, SeekerStatus::Employed | SeekerStatus::Closed) {
                return None;
            }
            (metric::ACTIVE_SEEKERS, month_of(record.get("enrolled_on"))?)
        }
        EntityKind::Event => {
            let event: CaseEvent = serde_json::from_value(Value::Object(record.clone())).ok()?;
            if !matches!(event.body, EventBody::Placement { .. }) {
                return None;
            }
            (
                metric::PLACEMENTS,
                event.occurred_on.format("%Y-%m").to_string(),
            )
        }
        EntityKind::Application => {
            let status: ApplicationStatus =
                serde_json::from_value(record.get("status")?.clone()).ok()?;
            if status != ApplicationStatus::Hired {
                return None;
            }
            (metric::HIRES, month_of(record.get("applied_on"))?)
        }
        _ => return None,
    };
    Some((what.to_owned(), month))
}
