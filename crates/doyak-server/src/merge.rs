//! How one mutation meets the record the server holds: pure, no storage,
//! no clock. The service ([`crate::service`]) loads the record, calls
//! [`merge`], and writes what it returns.
//!
//! Rules (SYNC.md, "Merge"):
//! - A field whose version equals the mutation's base version takes the new
//!   value. So does a field whose current value was written by the same
//!   device: the device's later edit builds on its own earlier one (its
//!   local version ran ahead of the server's only because the earlier edit
//!   was applied after someone else's).
//! - A field already holding the new value is left alone (no new version).
//! - Otherwise the new value is applied in arrival order **and** a conflict
//!   record keeps both values, both authors and both clock stamps.
//! - A pipeline status only moves forward ([`records::forward_rank`]): a
//!   status behind the server's is not applied, and the device is told the
//!   server's value (`server_kept`).
//! - A record that would stop being a valid domain record is rejected as a
//!   whole: nothing of it is applied.
//! - Phone numbers are stored in the desk's form ([`records::normalise`]),
//!   whatever form they came in. A value stored other than it was sent is
//!   sent back in `server_kept`, with its version: the desk takes it, since
//!   no pull would bring it (the desk already holds that version).

use crate::model::{FieldState, RecordRow};
use crate::records;
use doyak_sync_protocol::{
    Applied, ChangeBody, ConflictRecord, ConflictSide, ErrorCode, Mutation, Op, Rejection,
    VersionedValue,
};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use uuid::Uuid;

/// The result of merging one mutation.
#[derive(Debug)]
pub enum Merged {
    Rejected(Rejection),
    Applied(Box<Effect>),
}

/// What an applied mutation changes.
#[derive(Debug, Default)]
pub struct Effect {
    /// The record as it must be stored; `None` when nothing changed.
    pub row: Option<RecordRow>,
    /// The change-log entry, when something changed.
    pub body: Option<LogAs>,
    /// The answer's versions and kept values (`change_version` is filled in
    /// by the service once it has one).
    pub applied: Applied,
    /// Conflicts this mutation created.
    pub conflicts: Vec<ConflictRecord>,
}

/// What the change log keeps for an applied mutation.
#[derive(Debug)]
pub enum LogAs {
    /// The change itself.
    Change(ChangeBody),
    /// Only a reference to the appended event: an event never changes after
    /// it is appended (edits and deletes are refused), so its change is read
    /// back from the stored row ([`crate::model::event_change`]). Keeping the
    /// event a second time in the log was a fifth of a 100k-row push.
    Event,
}

fn reject(code: ErrorCode, message: String) -> Merged {
    Merged::Rejected(Rejection { code, message })
}

fn label(mutation: &Mutation) -> &'static str {
    use doyak_sync_protocol::EntityKind as K;
    match mutation.entity {
        K::Center => "센터",
        K::Counselor => "상담사",
        K::Partner => "협력기관",
        K::Seeker => "구직자",
        K::Company => "기업",
        K::Vacancy => "구인",
        K::Referral => "연계",
        K::Application => "알선",
        K::Event => "활동 기록",
        K::Unknown(_) => "기록",
    }
}

/// Merges `mutation`, made by `device` of `center`, into `current` (the
/// record with the mutation's id, of whatever center, or `None`).
/// `op` is the mutation's operation, taken out of it by the caller (who
/// owns the request): a pushed record moves into the stored row instead of
/// being copied, and `mutation.op` is not read. `new_conflict_id` names
/// each conflict created.
pub fn merge(
    center: Uuid,
    device: Uuid,
    mutation: &Mutation,
    op: Op,
    current: Option<&RecordRow>,
    new_conflict_id: &mut dyn FnMut() -> Uuid,
) -> Merged {
    // Another center's record is, for this device's edits, a record that
    // does not exist. A new record may not take its id, though: written,
    // it would replace that center's record (the id is a UUIDv7, so only a
    // forged or broken desk gets here; the answer says the id is taken,
    // not by whom).
    let what = label(mutation);
    if current.is_some_and(|row| row.center_id != center)
        && matches!(op, Op::Insert { .. } | Op::Append { .. })
    {
        return reject(
            ErrorCode::RecordIdTaken,
            format!("같은 ID의 다른 {what} 기록이 서버에 이미 있습니다."),
        );
    }
    let current = current.filter(|row| row.center_id == center);
    if mutation.entity == doyak_sync_protocol::EntityKind::Center {
        return own_center(center, mutation, &op);
    }
    let event = matches!(op, Op::Append { .. });
    let mut normalised = Vec::new();
    let merged = match op {
        Op::Insert { record } | Op::Append { record } => {
            if event != records::is_event(&mutation.entity) {
                return reject(
                    ErrorCode::RecordInvalid,
                    format!("{what} 기록에 맞지 않는 변경 방식입니다."),
                );
            }
            let mut record = records::upgrade(mutation.schema_version, &mutation.entity, record);
            for (field, value) in &mut record {
                if records::normalise(&mutation.entity, field, value) {
                    normalised.push(field.clone());
                }
            }
            create(
                center,
                device,
                mutation,
                current,
                record,
                event,
                what,
                new_conflict_id,
            )
        }
        Op::Update { mut fields } => {
            for (field, edit) in &mut fields {
                if records::normalise(&mutation.entity, field, &mut edit.value) {
                    normalised.push(field.clone());
                }
            }
            update(device, mutation, current, &fields, what, new_conflict_id)
        }
        Op::Delete => {
            if records::is_event(&mutation.entity) {
                return reject(
                    ErrorCode::RecordInvalid,
                    "활동 기록은 지울 수 없습니다. 바로잡는 기록을 새로 남겨 주세요.".into(),
                );
            }
            let Some(current) = current else {
                return not_found(what);
            };
            if current.deleted {
                return Merged::Applied(Box::default());
            }
            let mut row = current.clone();
            row.deleted = true;
            row.fact = None;
            Merged::Applied(Box::new(Effect {
                row: Some(row),
                body: Some(LogAs::Change(ChangeBody::Delete)),
                ..Effect::default()
            }))
        }
    };
    send_back(merged, current, &normalised)
}

/// Adds to an applied mutation's `server_kept` each field in `normalised`
/// (stored in another form than it was sent) that it does not hold yet,
/// with the value and version the record has after the mutation: the
/// change it wrote, or, when it changed nothing (the value was there
/// already), the record as it was.
fn send_back(merged: Merged, current: Option<&RecordRow>, normalised: &[String]) -> Merged {
    let Merged::Applied(mut effect) = merged else {
        return merged;
    };
    let Some(after) = effect.row.as_ref().or(current) else {
        return Merged::Applied(effect);
    };
    for field in normalised {
        if effect.applied.server_kept.contains_key(field) {
            continue;
        }
        if let Some(state) = after.fields.get(field) {
            let kept = VersionedValue {
                value: state.value.clone(),
                version: state.version,
            };
            effect.applied.server_kept.insert(field.clone(), kept);
        }
    }
    Merged::Applied(effect)
}

/// The center itself is the server's (`doyak-server center`): a desk
/// creating its caseload sends its own center's record, which is settled
/// without being stored; a desk may not rename or remove a center.
fn own_center(center: Uuid, mutation: &Mutation, op: &Op) -> Merged {
    match op {
        Op::Insert { .. } if mutation.entity_id == center => Merged::Applied(Box::default()),
        Op::Insert { .. } => reject(
            ErrorCode::RecordForbidden,
            "다른 센터의 기록은 이 기기에서 만들 수 없습니다.".into(),
        ),
        _ => reject(
            ErrorCode::RecordForbidden,
            "센터 정보는 서버 관리자가 바꿉니다.".into(),
        ),
    }
}

fn not_found(what: &str) -> Merged {
    reject(
        ErrorCode::RecordNotFound,
        format!("서버에 없는 {what} 기록을 바꾸려 해 반영되지 않았습니다."),
    )
}

#[allow(clippy::too_many_arguments)]
fn create(
    center: Uuid,
    device: Uuid,
    mutation: &Mutation,
    current: Option<&RecordRow>,
    record: Map<String, Value>,
    event: bool,
    what: &str,
    new_conflict_id: &mut dyn FnMut() -> Uuid,
) -> Merged {
    let id_matches = record
        .get("id")
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
        == Some(mutation.entity_id);
    if !id_matches {
        return reject(
            ErrorCode::RecordInvalid,
            format!("{what} 기록의 ID가 변경 내용과 다릅니다."),
        );
    }
    let center_matches = record
        .get("center_id")
        .and_then(Value::as_str)
        .and_then(|s| Uuid::parse_str(s).ok())
        == Some(center);
    if !center_matches {
        return reject(
            ErrorCode::RecordForbidden,
            format!("다른 센터의 {what} 기록은 이 기기에서 만들 수 없습니다."),
        );
    }
    if let Some(current) = current {
        // The same record sent again (a desk restored from a backup resends
        // its outbox under new sequence numbers): nothing to do.
        if current.values() == record {
            return Merged::Applied(Box::default());
        }
        // An event never changes once appended, and a deleted record has no
        // live values to set beside the new one: refused, as before.
        if event || current.deleted {
            return reject(
                ErrorCode::RecordIdTaken,
                format!("같은 ID의 다른 {what} 기록이 서버에 이미 있습니다."),
            );
        }
        return collide(device, mutation, current, &record, what, new_conflict_id);
    }
    let record = Value::Object(record);
    let Some(fact) = records::check(&mutation.entity, &record) else {
        return reject(
            ErrorCode::RecordInvalid,
            format!("{what} 기록의 내용이 규칙에 맞지 않아 반영되지 않았습니다."),
        );
    };
    let Value::Object(record) = record else {
        return reject(
            ErrorCode::RecordInvalid,
            format!("{what} 기록이 객체가 아닙니다."),
        );
    };
    let hlc = Arc::new(mutation.hlc.clone());
    let state = |value: Value| FieldState {
        value,
        version: 1,
        device,
        mutation: mutation.mutation_id,
        hlc: Arc::clone(&hlc),
    };
    // An event's values move into the stored row, which is also its
    // change-log entry. A shared record's are copied once, into the stored
    // row; its change-log body takes the originals.
    let mut fields = BTreeMap::new();
    let body = if event {
        for (k, v) in record {
            fields.insert(k, state(v));
        }
        LogAs::Event
    } else {
        let mut versioned = BTreeMap::new();
        for (k, v) in record {
            fields.insert(k.clone(), state(v.clone()));
            versioned.insert(
                k,
                VersionedValue {
                    value: v,
                    version: 1,
                },
            );
        }
        LogAs::Change(ChangeBody::Insert { fields: versioned })
    };
    let row = RecordRow {
        entity: mutation.entity.as_str().to_owned(),
        id: mutation.entity_id,
        center_id: center,
        fields,
        deleted: false,
        fact,
    };
    Merged::Applied(Box::new(Effect {
        row: Some(row),
        body: Some(body),
        ..Effect::default()
    }))
}

/// A second record under an id the center already has (two desks made it,
/// e.g. one imported the other's export before syncing). The server keeps
/// the record it has; each field the second one differs in becomes a
/// conflict marked `same_id`, holding both values for a counselor, and
/// goes up one version with its value unchanged. The inserting desk takes
/// the server's values (`server_kept`), so after its sync it holds what
/// every other desk holds, with the conflicts beside it. The version step
/// makes an edit that either desk based on its own copy meet the other's
/// value as a conflict instead of quietly replacing it.
fn collide(
    device: Uuid,
    mutation: &Mutation,
    current: &RecordRow,
    record: &Map<String, Value>,
    what: &str,
    new_conflict_id: &mut dyn FnMut() -> Uuid,
) -> Merged {
    // Whoever made the server's record, for a field it never had.
    let Some(origin) = current
        .fields
        .get("id")
        .or_else(|| current.fields.values().next())
        .cloned()
    else {
        return reject(
            ErrorCode::RecordIdTaken,
            format!("같은 ID의 다른 {what} 기록이 서버에 이미 있습니다."),
        );
    };
    let names: std::collections::BTreeSet<&String> =
        current.fields.keys().chain(record.keys()).collect();
    let mut row = current.clone();
    let mut effect = Effect::default();
    let mut stepped = BTreeMap::new();
    for field in names {
        if records::is_identity(field) {
            continue;
        }
        let now = current.fields.get(field).unwrap_or(&origin);
        let (now_value, now_version) = match current.fields.get(field) {
            Some(f) => (f.value.clone(), f.version),
            None => (Value::Null, 1),
        };
        let theirs = record.get(field).cloned().unwrap_or(Value::Null);
        if theirs == now_value {
            effect.applied.versions.insert(field.clone(), now_version);
            continue;
        }
        let kept = FieldState {
            value: now_value.clone(),
            version: now_version + 1,
            ..now.clone()
        };
        effect.conflicts.push(ConflictRecord {
            conflict_id: new_conflict_id(),
            entity: mutation.entity.clone(),
            entity_id: mutation.entity_id,
            field: field.clone(),
            // The two records share no history.
            base_version: 0,
            overwritten: ConflictSide {
                value: theirs,
                version: 1,
                device_id: device,
                hlc: mutation.hlc.clone(),
                mutation_id: mutation.mutation_id,
            },
            applied: ConflictSide {
                value: now_value.clone(),
                version: kept.version,
                device_id: kept.device,
                hlc: (*kept.hlc).clone(),
                mutation_id: kept.mutation,
            },
            same_id: true,
            resolution: None,
        });
        let value = VersionedValue {
            value: now_value,
            version: kept.version,
        };
        effect.applied.versions.insert(field.clone(), kept.version);
        effect
            .applied
            .server_kept
            .insert(field.clone(), value.clone());
        stepped.insert(field.clone(), value);
        row.fields.insert(field.clone(), kept);
    }
    if !stepped.is_empty() {
        effect.body = Some(LogAs::Change(ChangeBody::Update { fields: stepped }));
        effect.row = Some(row);
    }
    Merged::Applied(Box::new(effect))
}

#[allow(clippy::too_many_arguments)]
fn update(
    device: Uuid,
    mutation: &Mutation,
    current: Option<&RecordRow>,
    fields: &BTreeMap<String, doyak_sync_protocol::FieldEdit>,
    what: &str,
    new_conflict_id: &mut dyn FnMut() -> Uuid,
) -> Merged {
    if records::is_event(&mutation.entity) {
        return reject(
            ErrorCode::RecordInvalid,
            "활동 기록은 고칠 수 없습니다. 바로잡는 기록을 새로 남겨 주세요.".into(),
        );
    }
    let Some(current) = current else {
        return not_found(what);
    };
    if fields.keys().any(|f| records::is_identity(f)) {
        return reject(
            ErrorCode::RecordForbidden,
            format!("{what} 기록의 ID나 소속 센터는 바꿀 수 없습니다."),
        );
    }
    let mut row = current.clone();
    let mut effect = Effect::default();
    let mut changed = BTreeMap::new();
    let hlc = Arc::new(mutation.hlc.clone());
    for (field, edit) in fields {
        let now = current.fields.get(field);
        let (now_value, now_version) = match now {
            Some(f) => (f.value.clone(), f.version),
            // A field the record never had (added by a later desk): null at 1,
            // as the desk counts it.
            None => (Value::Null, 1),
        };
        let written = FieldState {
            value: edit.value.clone(),
            version: now_version + 1,
            device,
            mutation: mutation.mutation_id,
            hlc: Arc::clone(&hlc),
        };
        if now_value == edit.value {
            effect.applied.versions.insert(field.clone(), now_version);
            continue;
        }
        let ranks = (
            records::forward_rank(&mutation.entity, field, &now_value),
            records::forward_rank(&mutation.entity, field, &edit.value),
        );
        if let (Some(have), Some(want)) = ranks
            && have != want
        {
            if want < have {
                effect.applied.server_kept.insert(
                    field.clone(),
                    VersionedValue {
                        value: now_value,
                        version: now_version,
                    },
                );
            } else {
                effect
                    .applied
                    .versions
                    .insert(field.clone(), written.version);
                changed.insert(field.clone(), written.clone());
                row.fields.insert(field.clone(), written);
            }
            continue;
        }
        // A field nobody wrote yet has no other side to keep.
        if let Some(f) = now
            && edit.base != now_version
            && f.device != device
        {
            effect.conflicts.push(ConflictRecord {
                conflict_id: new_conflict_id(),
                entity: mutation.entity.clone(),
                entity_id: mutation.entity_id,
                field: field.clone(),
                base_version: edit.base,
                overwritten: ConflictSide {
                    value: f.value.clone(),
                    version: f.version,
                    device_id: f.device,
                    hlc: (*f.hlc).clone(),
                    mutation_id: f.mutation,
                },
                applied: ConflictSide {
                    value: written.value.clone(),
                    version: written.version,
                    device_id: device,
                    hlc: mutation.hlc.clone(),
                    mutation_id: mutation.mutation_id,
                },
                same_id: false,
                resolution: None,
            });
        }
        effect
            .applied
            .versions
            .insert(field.clone(), written.version);
        changed.insert(field.clone(), written.clone());
        row.fields.insert(field.clone(), written);
    }
    if !changed.is_empty() {
        let values = Value::Object(row.values());
        let Some(fact) = records::check(&mutation.entity, &values) else {
            return reject(
                ErrorCode::RecordInvalid,
                format!("{what} 기록의 내용이 규칙에 맞지 않아 반영되지 않았습니다."),
            );
        };
        row.fact = if row.deleted { None } else { fact };
        effect.body = Some(LogAs::Change(ChangeBody::Update {
            fields: changed
                .into_iter()
                .map(|(k, f)| {
                    (
                        k,
                        VersionedValue {
                            value: f.value,
                            version: f.version,
                        },
                    )
                })
                .collect(),
        }));
        effect.row = Some(row);
    }
    Merged::Applied(Box::new(effect))
}
