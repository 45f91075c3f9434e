//! 센터 설정: the settings a center makes once for every desk — the idle
//! time before a desk locks itself and the retention period of each kind of
//! ended case, with its basis.
//!
//! A setting travels as an event (`EventBody::CenterSetting`, subject = the
//! center) that names the settings it replaces, so the versions of one
//! setting form a graph every desk and the server hold alike. The setting
//! in force is read from that graph by [`resolve`]: the versions nothing
//! replaced are its heads; one head is the setting; two or more with
//! different values mean two desks changed it without seeing each other's
//! change. Then the safer value is in force — the shorter idle time, the
//! longer retention period (a destruction cannot be undone) — on every desk
//! the same, and the screens say the setting is in dispute until someone
//! sets it again (the new version replaces every head). Clocks never pick
//! the value; they only order two versions of the same value.
//!
//! A version whose value is out of range (written by a broken or foreign
//! client: the server refuses them, an older server did not) is never in
//! force: a zero idle time would lock a desk at every unlock, and a zero
//! retention period would destroy every ended case.

use crate::Id;
use crate::privacy::{RetentionKind, RetentionRule};
use crate::validate::Validation;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The idle time a desk may be given, in minutes.
pub const AUTO_LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=60;
/// The idle time until the center sets one: ten minutes, as the issue that
/// asked for auto-lock states.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
/// The retention period a center may set, in years.
pub const RETENTION_YEARS: std::ops::RangeInclusive<u32> = 1..=50;

/// One center setting's new value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "setting", rename_all = "snake_case")]
pub enum CenterSetting {
    /// 자동 잠금: minutes without input before a desk locks.
    AutoLock { minutes: u32 },
    /// 보유기간 of one kind of ended case.
    Retention {
        kind: RetentionKind,
        rule: RetentionRule,
    },
}

/// Which setting a version is of: versions of one key replace each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SettingKey {
    AutoLock,
    Retention(RetentionKind),
}

impl CenterSetting {
    pub fn key(&self) -> SettingKey {
        match self {
            CenterSetting::AutoLock { .. } => SettingKey::AutoLock,
            CenterSetting::Retention { kind, .. } => SettingKey::Retention(*kind),
        }
    }

    /// What the audit trail says of it.
    pub fn describe(&self) -> String {
        match self {
            CenterSetting::AutoLock { minutes } => format!("자동 잠금 {minutes}분"),
            CenterSetting::Retention { kind, rule } => format!(
                "보유기간({}) {}년, 근거: {}",
                kind.label_ko(),
                rule.years,
                rule.basis
            ),
        }
    }

    /// The field checks of a setting (the event's check calls this).
    pub fn check(&self, v: &mut Validation) {
        match self {
            CenterSetting::AutoLock { minutes } => {
                if !AUTO_LOCK_MINUTES.contains(minutes) {
                    v.push(
                        "minutes",
                        "자동 잠금 시간",
                        format!(
                            "자동 잠금 시간은 {}~{}분으로 입력해 주세요.",
                            AUTO_LOCK_MINUTES.start(),
                            AUTO_LOCK_MINUTES.end()
                        ),
                    );
                }
            }
            CenterSetting::Retention { rule, .. } => {
                if !RETENTION_YEARS.contains(&rule.years) {
                    v.push(
                        "years",
                        "보유기간",
                        format!(
                            "보유기간은 {}~{}년으로 입력해 주세요.",
                            RETENTION_YEARS.start(),
                            RETENTION_YEARS.end()
                        ),
                    );
                }
                if rule.basis.trim().is_empty() {
                    v.push(
                        "basis",
                        "보유기간 근거",
                        "보유기간의 근거(법령·처리방침 조항)를 입력해 주세요.",
                    );
                }
            }
        }
    }
}

/// One stored version of a setting: the event's id, when its desk wrote it,
/// the versions it replaces and the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingVersion {
    pub id: Id,
    /// The writing desk's clock; `None` reads as the earliest time.
    pub recorded_at: Option<DateTime<Utc>>,
    pub replaces: Vec<Id>,
    pub setting: CenterSetting,
    /// Who set it (a counselor's id), for the screens.
    pub author_id: Option<Id>,
}

/// A setting as it stands: the version in force, and the other versions
/// written without seeing it (empty unless two desks disagree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub current: &'a SettingVersion,
    pub disputed: Vec<&'a SettingVersion>,
}

/// Whether a version may be in force: its value is within range.
fn sound(v: &SettingVersion) -> bool {
    let mut check = Validation::default();
    v.setting.check(&mut check);
    check.errors.is_empty()
}

/// How safe a value is, for choosing between disputed versions: lower is
/// safer. The shorter idle time; the longer retention period.
fn risk(setting: &CenterSetting) -> i64 {
    match setting {
        CenterSetting::AutoLock { minutes } => i64::from(*minutes),
        CenterSetting::Retention { rule, .. } => -i64::from(rule.years),
    }
}

/// The version of `key` in force among `versions`, or `None` when the
/// center never set it (or set only values out of range). The order of
/// `versions` does not matter: every desk that holds the same versions
/// gets the same answer.
pub fn resolve(versions: &[SettingVersion], key: SettingKey) -> Option<Resolved<'_>> {
    let of_key: Vec<&SettingVersion> = versions
        .iter()
        .filter(|v| v.setting.key() == key && sound(v))
        .collect();
    let replaced: std::collections::HashSet<Id> = of_key
        .iter()
        .flat_map(|v| v.replaces.iter().copied())
        .collect();
    let mut heads: Vec<&SettingVersion> = of_key
        .into_iter()
        .filter(|v| !replaced.contains(&v.id))
        .collect();
    // Safest first; of equal risk the latest, and the id breaks a tie, so
    // the order is total.
    heads.sort_by(|a, b| {
        (risk(&a.setting), std::cmp::Reverse((a.recorded_at, a.id)))
            .cmp(&(risk(&b.setting), std::cmp::Reverse((b.recorded_at, b.id))))
    });
    heads.dedup_by_key(|v| v.id);
    let mut heads = heads.into_iter();
    let current = heads.next()?;
    Some(Resolved {
        current,
        // The same value set twice is no dispute.
        disputed: heads.filter(|v| v.setting != current.setting).collect(),
    })
}

/// Every head of `key`: the versions nothing replaced.
fn all_heads(versions: &[SettingVersion], key: SettingKey) -> Vec<Id> {
    let of_key: Vec<&SettingVersion> = versions.iter().filter(|v| v.setting.key() == key).collect();
    let replaced: std::collections::HashSet<Id> = of_key
        .iter()
        .flat_map(|v| v.replaces.iter().copied())
        .collect();
    let mut heads: Vec<Id> = of_key
        .iter()
        .map(|v| v.id)
        .filter(|id| !replaced.contains(id))
        .collect();
    heads.sort();
    heads.dedup();
    heads
}

/// The versions a new version of `key` replaces: every head (those out of
/// range too), so that setting it again settles a dispute.
pub fn heads(versions: &[SettingVersion], key: SettingKey) -> Vec<Id> {
    all_heads(versions, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Id {
        Id::from(uuid::Uuid::from_u128(n))
    }

    fn at(minute: u32) -> Option<DateTime<Utc>> {
        Some(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
                .unwrap()
                .and_hms_opt(9, minute, 0)
                .unwrap()
                .and_utc(),
        )
    }

    fn lock(n: u128, minute: u32, minutes: u32, replaces: &[u128]) -> SettingVersion {
        SettingVersion {
            id: id(n),
            recorded_at: at(minute),
            replaces: replaces.iter().map(|r| id(*r)).collect(),
            setting: CenterSetting::AutoLock { minutes },
            author_id: None,
        }
    }

    fn minutes(r: &Resolved<'_>) -> u32 {
        match r.current.setting {
            CenterSetting::AutoLock { minutes } => minutes,
            _ => unreachable!("only auto-lock versions in these tests"),
        }
    }

    #[test]
    fn a_chain_of_versions_resolves_to_its_last_without_dispute() {
        let versions = vec![
            lock(1, 0, 10, &[]),
            lock(2, 5, 3, &[1]),
            lock(3, 9, 5, &[2]),
        ];
        let r = resolve(&versions, SettingKey::AutoLock).unwrap();
        assert_eq!(minutes(&r), 5);
        assert!(r.disputed.is_empty());
        assert!(resolve(&versions, SettingKey::Retention(RetentionKind::Closed)).is_none());
    }

    #[test]
    fn a_replacing_version_wins_even_when_its_desks_clock_is_behind() {
        // Desk B saw version 1 (written at 9:30 by a fast clock) and set 30
        // minutes at what its own clock called 9:10: it replaced 1, so it
        // is the setting, whatever the clocks say and though it is longer.
        let versions = vec![lock(1, 30, 10, &[]), lock(2, 10, 30, &[1])];
        let r = resolve(&versions, SettingKey::AutoLock).unwrap();
        assert_eq!(minutes(&r), 30);
        assert!(r.disputed.is_empty());
    }

    #[test]
    fn two_desks_setting_it_unseen_is_a_dispute_settled_safely_alike_everywhere() {
        let a = lock(2, 5, 3, &[1]);
        let b = lock(3, 7, 15, &[1]);
        let one = vec![lock(1, 0, 10, &[]), a.clone(), b.clone()];
        let other = vec![b, a, lock(1, 0, 10, &[])];
        let r1 = resolve(&one, SettingKey::AutoLock).unwrap();
        let r2 = resolve(&other, SettingKey::AutoLock).unwrap();
        // The safer of the two (the shorter idle time, 3 minutes), on both
        // desks, though the other was written later.
        assert_eq!(minutes(&r1), 3);
        assert_eq!(r1, r2);
        assert_eq!(r1.disputed.len(), 1);
        assert_eq!(r1.disputed[0].id, id(3));
        // Setting it again replaces both heads and ends the dispute.
        assert_eq!(heads(&one, SettingKey::AutoLock), vec![id(2), id(3)]);
        let mut settled = one.clone();
        settled.push(lock(4, 1, 7, &[3, 2]));
        let r = resolve(&settled, SettingKey::AutoLock).unwrap();
        assert_eq!(minutes(&r), 7);
        assert!(r.disputed.is_empty());
    }

    #[test]
    fn an_event_carries_the_setting_beside_its_type_and_reads_back() {
        let body = crate::EventBody::CenterSetting {
            setting: CenterSetting::Retention {
                kind: RetentionKind::Closed,
                rule: RetentionRule {
                    years: 3,
                    basis: "처리방침 제7조".into(),
                    confirmed: true,
                },
            },
            replaces: vec![id(1)],
        };
        let json = serde_json::to_value(&body).unwrap();
        // The shape the server and older desks see: one flat object.
        assert_eq!(
            json,
            serde_json::json!({
                "type": "center_setting",
                "setting": "retention",
                "kind": "closed",
                "rule": { "years": 3, "basis": "처리방침 제7조", "confirmed": true },
                "replaces": [id(1).to_string()],
            })
        );
        let back: crate::EventBody = serde_json::from_value(json).unwrap();
        assert_eq!(back, body);
        // A setting this build does not know is an error, not a default:
        // the desk holds such an event until it is upgraded.
        let unknown = serde_json::json!({
            "type": "center_setting", "setting": "font_size", "pt": 12, "replaces": []
        });
        assert!(serde_json::from_value::<crate::EventBody>(unknown).is_err());
    }

    #[test]
    fn of_disputed_retention_periods_the_longer_is_in_force() {
        let rule = |n: u128, minute: u32, years: u32| SettingVersion {
            id: id(n),
            recorded_at: at(minute),
            replaces: vec![],
            setting: CenterSetting::Retention {
                kind: RetentionKind::Closed,
                rule: RetentionRule {
                    years,
                    basis: "처리방침".into(),
                    confirmed: true,
                },
            },
            author_id: None,
        };
        // A fast clock's short period does not destroy early.
        let versions = vec![rule(1, 0, 3), rule(2, 59, 1)];
        let r = resolve(&versions, SettingKey::Retention(RetentionKind::Closed)).unwrap();
        assert_eq!(r.current.id, id(1));
        assert_eq!(r.disputed.len(), 1);
    }

    #[test]
    fn the_same_value_set_twice_unseen_is_no_dispute() {
        let versions = vec![lock(9, 5, 3, &[]), lock(8, 7, 3, &[])];
        let r = resolve(&versions, SettingKey::AutoLock).unwrap();
        assert_eq!(minutes(&r), 3);
        assert_eq!(r.current.id, id(8), "the later of two equal values");
        assert!(r.disputed.is_empty());
        // Still two heads: a new version replaces both.
        assert_eq!(heads(&versions, SettingKey::AutoLock).len(), 2);
    }

    #[test]
    fn a_version_out_of_range_is_never_in_force() {
        // A zero idle time would lock at every unlock; it is skipped, and
        // the version it replaced stays in force.
        let versions = vec![lock(1, 0, 10, &[]), lock(2, 5, 0, &[1])];
        let r = resolve(&versions, SettingKey::AutoLock).unwrap();
        assert_eq!(minutes(&r), 10);
        assert!(resolve(&versions[1..], SettingKey::AutoLock).is_none());
        // A new version replaces it all the same.
        assert_eq!(heads(&versions, SettingKey::AutoLock), vec![id(2)]);
    }

    #[test]
    fn settings_out_of_range_or_without_a_basis_are_refused_by_field() {
        let fields = |s: CenterSetting| {
            let mut v = Validation::default();
            s.check(&mut v);
            v.errors.into_iter().map(|e| e.field).collect::<Vec<_>>()
        };
        assert_eq!(fields(CenterSetting::AutoLock { minutes: 0 }), ["minutes"]);
        assert_eq!(fields(CenterSetting::AutoLock { minutes: 61 }), ["minutes"]);
        assert!(fields(CenterSetting::AutoLock { minutes: 60 }).is_empty());
        let rule = |years: u32, basis: &str| CenterSetting::Retention {
            kind: RetentionKind::Employed,
            rule: RetentionRule {
                years,
                basis: basis.into(),
                confirmed: true,
            },
        };
        assert_eq!(fields(rule(0, " ")), ["years", "basis"]);
        assert!(fields(rule(3, "처리방침 제7조")).is_empty());
    }
}
