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
    Phone, Referral, ReferralStatus, SeekerStatus, SharedRecord, Vacancy,
};
use doyak_sync_protocol::EntityKind;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The oldest and newest desk schema versions this server applies. The
/// record shapes have only grown by optional fields so far, so every version
/// in the range is applied as it is; a change of shape adds an upgrade step
/// to [`upgrade`].
pub const MIN_SCHEMA: u32 = 1;
pub const MAX_SCHEMA: u32 = 8;

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

/// Checks `record` against the domain type of `entity` and says what the
/// national counts count it as, from one decode: `None` when the record is
/// not a valid record of its kind, `Some(fact)` otherwise. The record is
/// read in place (no copy), since a push checks every record it applies.
pub fn check(entity: &EntityKind, record: &Value) -> Option<Option<(String, String)>> {
    let month = |d: chrono::NaiveDate| d.format("%Y-%m").to_string();
    match entity {
        EntityKind::Center => decoded::<Center>(record).map(|_| None),
        EntityKind::Counselor => decoded::<Counselor>(record).map(|_| None),
        EntityKind::Partner => decoded::<PartnerInstitution>(record).map(|_| None),
        EntityKind::Company => decoded::<Company>(record).map(|_| None),
        EntityKind::Vacancy => decoded::<Vacancy>(record).map(|_| None),
        EntityKind::Referral => decoded::<Referral>(record).map(|_| None),
        EntityKind::Seeker => decoded::<JobSeeker>(record).map(|s| {
            let active = !matches!(s.status, SeekerStatus::Employed | SeekerStatus::Closed);
            s.enrolled_on
                .filter(|_| active)
                .map(|d| (metric::ACTIVE_SEEKERS.to_owned(), month(d)))
        }),
        EntityKind::Application => decoded::<Application>(record).map(|a| {
            (a.status == ApplicationStatus::Hired)
                .then(|| (metric::HIRES.to_owned(), month(a.applied_on)))
        }),
        EntityKind::Event => decoded::<CaseEvent>(record).filter(sound).map(|e| {
            matches!(e.body, EventBody::Placement { .. })
                .then(|| (metric::PLACEMENTS.to_owned(), month(e.occurred_on)))
        }),
        EntityKind::Unknown(_) => None,
    }
}

/// A center setting must be about its own center and within range: a
/// value out of range in force on every desk would lock them at each
/// unlock or destroy every ended case (`doyak_domain::center_settings`).
/// Other events are checked by their desks.
fn sound(event: &CaseEvent) -> bool {
    match &event.body {
        EventBody::CenterSetting { setting, .. } => {
            let mut v = doyak_domain::Validation::default();
            setting.check(&mut v);
            v.errors.is_empty() && event.subject_id == event.center_id
        }
        _ => true,
    }
}

fn decoded<T: DeserializeOwned>(record: &Value) -> Option<T> {
    T::deserialize(record).ok()
}

/// The fields of `entity` that hold a phone number, as the domain lists
/// them ([`SharedRecord::phone_fields`]).
pub fn phone_fields(entity: &EntityKind) -> &'static [&'static str] {
    match entity {
        EntityKind::Center => Center::phone_fields(),
        EntityKind::Counselor => Counselor::phone_fields(),
        EntityKind::Partner => PartnerInstitution::phone_fields(),
        EntityKind::Seeker => JobSeeker::phone_fields(),
        EntityKind::Company => Company::phone_fields(),
        EntityKind::Vacancy => Vacancy::phone_fields(),
        EntityKind::Referral => Referral::phone_fields(),
        EntityKind::Application => Application::phone_fields(),
        EntityKind::Event | EntityKind::Unknown(_) => &[],
    }
}

/// Puts `field`'s `value` in the form the desk stores and shows, with the
/// domain's one normaliser ([`Phone::normalised`]): a phone number written
/// another way ("01012345678") becomes "010-1234-5678". The desk always
/// writes that form; this keeps another client's from being stored as
/// typed, which every desk would then show and compare differently.
/// Returns whether the value changed.
pub fn normalise(entity: &EntityKind, field: &str, value: &mut Value) -> bool {
    if !phone_fields(entity).contains(&field) {
        return false;
    }
    match Phone::normalised(value) {
        Some(stored) => {
            *value = stored;
            true
        }
        None => false,
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn setting(center: &str, subject: &str, minutes: u32) -> Value {
        json!({
            "id": "0199c9a4-8e00-7000-8000-0000000000e1",
            "center_id": center,
            "subject_id": subject,
            "author_id": null,
            "occurred_on": "2026-12-05",
            "supersedes": null,
            "body": { "type": "center_setting", "setting": "auto_lock", "minutes": minutes, "replaces": [] }
        })
    }

    #[test]
    fn a_center_setting_out_of_range_or_about_another_record_is_not_valid() {
        let center = "0199c9a4-8e00-7000-8000-00000000c001";
        let seeker = "0199c9a4-8e00-7000-8000-0000000000a1";
        let event = EntityKind::Event;
        assert_eq!(check(&event, &setting(center, center, 10)), Some(None));
        // Zero minutes would lock every desk at each unlock.
        assert_eq!(check(&event, &setting(center, center, 0)), None);
        assert_eq!(check(&event, &setting(center, center, 61)), None);
        assert_eq!(check(&event, &setting(center, seeker, 10)), None);
    }
}
