//! Moving a seeker from one center to another: the explicit, logged act
//! that replaces an accidental reuse of an id across centers (a seeker who
//! moves house is taken on by the new center's office; importing the old
//! center's export at the new one is refused as `record.id_taken`).
//!
//! The server's administrator runs it (`doyak-server transfer`), because it
//! hands one center's personal data to another. In one transaction:
//! - the seeker row and its case file (every event whose subject is the
//!   seeker, or one of those events: a retention check names its
//!   placement) take the new center's id, in the row and in the record's
//!   own `center_id`; the counselor assignment is cleared, since the old
//!   center's counselor does not work at the new one;
//! - the new center's change log gets the seeker as an insert (every field
//!   with its version) and each event as an append, so its desks pull the
//!   whole case file like any other record;
//! - the old center's change log gets a delete, so its desks drop the
//!   seeker at their next pull; a desk of the old center that still pushes
//!   an edit of the seeker is answered `record.transferred`;
//! - a `transfer` row logs who moved, from where, to where, when and why.
//!
//! What stays: 알선 (applications) and 연계 (referrals) name the old
//! center's vacancies and partners, so they stay with the old center; the
//! national counts follow the rows (the seeker and the events now count
//! for the new center).

use crate::error::StorageError;
use crate::model::{FieldState, TransferRow};
use crate::storage::{ToLog, Tx};
use crate::{SyncService, storage};
use chrono::{DateTime, Utc};
use doyak_sync_protocol::{Change, ChangeBody, ChangeVersion, EntityKind, HlcStamp};
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::Arc;
use uuid::Uuid;

/// Longest reason kept, in characters.
pub const MAX_REASON_CHARS: usize = 200;

/// Why a transfer was refused. Korean, for the administrator's terminal.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("서버에 그런 구직자({0})가 없습니다.")]
    NoSeeker(Uuid),
    #[error("삭제된 구직자({0})는 이관할 수 없습니다.")]
    Deleted(Uuid),
    #[error("서버에 그런 센터({0})가 없습니다.")]
    NoCenter(Uuid),
    #[error("구직자가 이미 그 센터({0}) 소속입니다.")]
    SameCenter(Uuid),
    #[error(
        "이관 사유(--reason)를 1~{MAX_REASON_CHARS}자로 적어 주세요. 이름·연락처는 적지 마세요."
    )]
    Reason,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The device a server-made change names: no device's id (the nil UUID), so
/// it is never mistaken for a desk building on its own edit.
pub(crate) const SERVER_DEVICE: Uuid = Uuid::nil();

impl SyncService {
    /// Moves `seeker` and its case file to center `to`; see the module.
    pub fn transfer_seeker(
        &self,
        seeker: Uuid,
        to: Uuid,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<TransferRow, TransferError> {
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
            return Err(TransferError::Reason);
        }
        self.storage()
            .transact(|tx| transfer(tx, seeker, to, reason, now))
    }

    /// The transfers of one seeker, or all of them, oldest first.
    pub fn transfers(&self, seeker: Option<Uuid>) -> Result<Vec<TransferRow>, StorageError> {
        self.storage().transact(|tx| tx.transfers(seeker))
    }
}

fn transfer(
    tx: &mut dyn Tx,
    seeker: Uuid,
    to: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<TransferRow, TransferError> {
    let seeker_kind = EntityKind::Seeker;
    let Some(row) = tx.record(seeker_kind.as_str(), seeker)? else {
        return Err(TransferError::NoSeeker(seeker));
    };
    if row.deleted {
        return Err(TransferError::Deleted(seeker));
    }
    let from = row.center_id;
    if from == to {
        return Err(TransferError::SameCenter(to));
    }
    if tx.center(to)?.is_none() {
        return Err(TransferError::NoCenter(to));
    }
    // Both centers' logs get entries: their locks, in one order, so two
    // transfers in opposite directions cannot wait on each other.
    let (first, second) = if from < to { (from, to) } else { (to, from) };
    tx.lock_center(first)?;
    tx.lock_center(second)?;
    // Read again under the locks: a push may have changed it meanwhile.
    let Some(mut row) = tx.record(seeker_kind.as_str(), seeker)? else {
        return Err(TransferError::NoSeeker(seeker));
    };
    if row.center_id != from || row.deleted {
        return Err(TransferError::Deleted(seeker));
    }

    let transfer_id = Uuid::now_v7();
    let wall_ms = u64::try_from(now.timestamp_millis()).unwrap_or(0);
    let hlc = Arc::new(HlcStamp {
        wall_ms,
        counter: 0,
        device: SERVER_DEVICE.to_string(),
    });
    let set = |row: &mut crate::model::RecordRow, field: &str, value: Value| {
        let version = row.fields.get(field).map_or(1, |f| f.version + 1);
        row.fields.insert(
            field.to_owned(),
            FieldState {
                value,
                version,
                device: SERVER_DEVICE,
                mutation: transfer_id,
                hlc: hlc.clone(),
            },
        );
    };
    set(&mut row, "center_id", Value::String(to.to_string()));
    if row
        .fields
        .get("counselor_id")
        .is_some_and(|f| !f.value.is_null())
    {
        set(&mut row, "counselor_id", Value::Null);
    }
    row.center_id = to;

    let mut events = case_file(tx.records(from)?, seeker);
    for event in &mut events {
        event.center_id = to;
        if let Some(field) = event.fields.get_mut("center_id") {
            field.value = Value::String(to.to_string());
        }
    }

    let change = |version: u64, body: ChangeBody| Change {
        version: ChangeVersion(version),
        entity: seeker_kind.clone(),
        entity_id: seeker,
        mutation_id: transfer_id,
        author_device: SERVER_DEVICE,
        hlc: (*hlc).clone(),
        body,
    };
    let encode = |c: &Change| {
        serde_json::to_string(c)
            .map(|body| ToLog::Change {
                entity_id: c.entity_id,
                body,
            })
            .map_err(|_| StorageError::Corrupt { what: "change_log" })
    };
    let at_new = tx.reserve_change_versions(to, 1 + events.len() as u64)?;
    let mut log = vec![(
        at_new,
        encode(&change(
            at_new,
            ChangeBody::Insert {
                fields: row.versioned(),
            },
        ))?,
    )];
    log.extend(
        events
            .iter()
            .enumerate()
            .map(|(k, e)| (at_new + 1 + k as u64, ToLog::Event(e.id))),
    );
    let at_old = tx.reserve_change_versions(from, 1)?;
    let gone = encode(&change(at_old, ChangeBody::Delete))?;

    let mut moved = vec![row];
    moved.extend(events);
    for row in &moved {
        tx.move_record(&row.entity, row.id, to)?;
    }
    tx.put_records(&[], &moved)?;
    tx.put_changes(to, &log)?;
    tx.put_changes(from, &[(at_old, gone)])?;
    let logged = TransferRow {
        transfer_id,
        seeker_id: seeker,
        from_center: from,
        to_center: to,
        at: now,
        events: moved.len() as u64 - 1,
        reason: reason.to_owned(),
    };
    tx.put_transfer(&logged)?;
    tracing::info!(
        transfer = %transfer_id,
        seeker = %seeker,
        from = %from,
        to = %to,
        events = logged.events,
        "seeker transferred"
    );
    Ok(logged)
}

/// The events of a seeker's case file among a center's rows: those about
/// the seeker, and those about one of them (a retention check names its
/// placement), to any depth, in the order their ids sort (UUIDv7: written
/// order), so the new center's desks append them as they were written.
fn case_file(rows: Vec<crate::model::RecordRow>, seeker: Uuid) -> Vec<crate::model::RecordRow> {
    let event = EntityKind::Event;
    let subject = |row: &crate::model::RecordRow| {
        row.fields
            .get("subject_id")
            .and_then(|f| f.value.as_str())
            .and_then(|s| Uuid::parse_str(s).ok())
    };
    let mut events: Vec<_> = rows
        .into_iter()
        .filter(|r| r.entity == event.as_str() && !r.deleted)
        .collect();
    let mut members = BTreeSet::from([seeker]);
    let mut taken = vec![false; events.len()];
    loop {
        let before = members.len();
        for (i, row) in events.iter().enumerate() {
            if !taken[i] && subject(row).is_some_and(|s| members.contains(&s)) {
                taken[i] = true;
                members.insert(row.id);
            }
        }
        if members.len() == before {
            break;
        }
    }
    let mut keep = taken.into_iter();
    events.retain(|_| keep.next().unwrap_or(false));
    events.sort_by_key(|r| r.id);
    events
}

/// The transfer that took `seeker` away from `center`, if one did: how a
/// push from a desk of the old center learns why its edit went nowhere.
pub(crate) fn moved_away(
    tx: &mut dyn Tx,
    seeker: Uuid,
    center: Uuid,
) -> storage::Result<Option<TransferRow>> {
    Ok(tx
        .transfers(Some(seeker))?
        .into_iter()
        .find(|t| t.from_center == center))
}
