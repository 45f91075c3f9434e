//! 개인정보 파기 on the server: a desk destroys a seeker's personal data and
//! pushes the destruction as an ordinary event (`EventBody::Destruction`,
//! subject = the seeker). The server keeps the same values as every desk,
//! so in the push that brings the event it erases them from everything it
//! holds, by the domain's one rule (`doyak_domain::privacy`):
//! - the case file: the seeker, its 알선 (`application.seeker_id`) and
//!   연계 (`referral.subject_id`), and every event about one of those or
//!   about such an event (a retention check names its placement, an
//!   application step its application), to any depth;
//! - each shared record of the file is scrubbed field by field, every field
//!   one version up (kept values too), and logged as an update of all its
//!   fields: desks take it like any pulled update, so each ends with the
//!   server's values even where it held an unsent edit (which is refused);
//! - each event row is scrubbed whole; its change-log entry is rebuilt from
//!   the row on every pull, so its old entry reads scrubbed too;
//! - the other change-log entries of the file (inserts, updates, conflicts),
//!   the conflict rows and the stored results that hold the file's values
//!   (`server_kept`, conflicts) are rewritten with the values destroyed;
//!   conflicts of the file are closed, since nobody can settle them now,
//!   and the ones still open are logged closed so every desk closes them;
//! - every record of the file is listed in `destroyed`: from then on a
//!   change that names one (an edit, an event about it, an 알선 or 연계 of
//!   the seeker) is refused `record.destroyed`, so no value comes back.
//!
//! The seeker must be one of the pushing center's (a deleted one too: its
//! values are still held), else the destruction is `record.not_found`.
//! A second destruction of a destroyed seeker is answered as applied with
//! nothing changed and is not stored: the first one's record stands, and
//! the desk that sent it has destroyed its copy already.
//!
//! Left as it is: another center's 알선 and 연계 of a seeker transferred
//! away (they stayed with the old center, see `crate::transfer`), and
//! stored results from before migration 0007/0008 that sent a value back
//! without changing anything (they name no record; see sqlite_0007.sql).

use crate::error::StorageError;
use crate::model::{DestroyedRow, FieldState, RecordRow};
use crate::storage::{ToLog, Tx};
use crate::transfer::SERVER_DEVICE;
use chrono::{DateTime, Utc};
use doyak_domain::privacy::{self, Fate};
use doyak_sync_protocol::{
    Change, ChangeBody, ChangeVersion, ConflictRecord, ConflictResolution, EntityKind, ErrorCode,
    FieldEdit, HlcStamp, Mutation, MutationResult, Op, Outcome, Rejection, VersionedValue,
};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use uuid::Uuid;

fn corrupt(what: &'static str) -> StorageError {
    StorageError::Corrupt { what }
}

/// A destruction a push applied, to carry out before its next mutation.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    pub seeker: Uuid,
    /// The destruction event.
    pub event: Uuid,
    pub mutation: Uuid,
    pub device: Uuid,
    pub hlc: HlcStamp,
}

/// The seeker a mutation destroys, when it appends a destruction event
/// (read from its shape before anything is checked: the event's own
/// checks come after).
pub(crate) fn destroys(m: &Mutation) -> Option<Uuid> {
    let Op::Append { record } = &m.op else {
        return None;
    };
    let destruction = m.entity == EntityKind::Event
        && record
            .get("body")
            .and_then(|b| b.get("type"))
            .and_then(Value::as_str)
            == Some("destruction");
    destruction.then(|| id_of(record.get("subject_id")?))?
}

/// The fields by which a record names whose case file it belongs to: an
/// 알선 its seeker, a 연계 and an event their subject.
const LINKS: [&str; 2] = ["seeker_id", "subject_id"];

fn id_of(value: &Value) -> Option<Uuid> {
    value.as_str().and_then(|s| Uuid::parse_str(s).ok())
}

/// Every id a mutation names: its record's, and those its link fields
/// point at (the values it sends, for an edit). An array, not a list: the
/// push asks this of every mutation.
pub(crate) fn named(m: &Mutation) -> [Option<Uuid>; 3] {
    let link = |i: usize| match &m.op {
        Op::Insert { record } | Op::Append { record } => record.get(LINKS[i]).and_then(id_of),
        Op::Update { fields } => fields
            .get(LINKS[i])
            .and_then(|e: &FieldEdit| id_of(&e.value)),
        Op::Delete => None,
    };
    [Some(m.entity_id), link(0), link(1)]
}

/// The answer to a change that names a destroyed record. It holds no
/// value: the stored answer is kept, and replayed, as it is.
pub(crate) fn refusal() -> Rejection {
    Rejection {
        code: ErrorCode::RecordDestroyed,
        message: ErrorCode::RecordDestroyed.default_message().to_owned(),
    }
}

/// The record a row belongs to, for the kinds that belong to a seeker's
/// case file.
fn parent_of(row: &RecordRow) -> Option<Uuid> {
    let field = match row.entity.as_str() {
        "application" => "seeker_id",
        "referral" | "event" => "subject_id",
        _ => return None,
    };
    id_of(&row.fields.get(field)?.value)
}

/// The domain's kind of a record kind whose fields a destruction may
/// erase; `None` for the kinds that are nobody's personal data.
fn person_kind(entity: &str) -> Option<doyak_domain::EntityKind> {
    use doyak_domain::EntityKind as K;
    Some(match entity {
        "seeker" => K::Seeker,
        "application" => K::Application,
        "referral" => K::Referral,
        "event" => K::Event,
        _ => return None,
    })
}

/// Which records of a center name which: read once, from every record of
/// the center, by the first destruction of a push, and kept up to date
/// with what the push writes after it. A retention sweep destroys hundreds
/// of seekers in one push; reading the center for each was the cost.
#[derive(Debug, Default)]
pub(crate) struct CaseIndex {
    children: HashMap<Uuid, BTreeSet<(String, Uuid)>>,
}

impl CaseIndex {
    pub(crate) fn read(tx: &mut dyn Tx, center: Uuid) -> Result<CaseIndex, StorageError> {
        let mut index = CaseIndex::default();
        index.add(&tx.records(center)?);
        Ok(index)
    }

    /// Takes in written rows (a link never changes, but a record written
    /// after the index was read is not in it).
    pub(crate) fn add(&mut self, rows: &[RecordRow]) {
        for row in rows {
            if let Some(parent) = parent_of(row) {
                self.children
                    .entry(parent)
                    .or_default()
                    .insert((row.entity.clone(), row.id));
            }
        }
    }

    /// The seeker's case file as the index knows it, the seeker first.
    fn case_file(&self, seeker: Uuid) -> Vec<(String, Uuid)> {
        let mut file = vec![("seeker".to_owned(), seeker)];
        let mut seen = HashSet::from([seeker]);
        let mut next = 0;
        while let Some((_, id)) = file.get(next) {
            let id = *id;
            next += 1;
            for (entity, child) in self.children.get(&id).into_iter().flatten() {
                if seen.insert(*child) {
                    file.push((entity.clone(), *child));
                }
            }
        }
        file
    }
}

/// What a destruction destroyed: each record's kind, by id, and how it
/// closed their conflicts (the push scrubs its own answers with them).
#[derive(Debug)]
pub(crate) struct Destroyed {
    pub kinds: HashMap<Uuid, String>,
    pub closed: ConflictResolution,
}

/// Carries out `order` in the push's transaction (see the module); the
/// destruction event itself is written already. The case file is the
/// center's: the seeker is one of the center's, which the push checked.
pub(crate) fn destroy(
    tx: &mut dyn Tx,
    center: Uuid,
    order: &Order,
    index: &CaseIndex,
    now: DateTime<Utc>,
) -> Result<Destroyed, StorageError> {
    let keys = index.case_file(order.seeker);
    let keys: Vec<(&str, Uuid)> = keys.iter().map(|(e, id)| (e.as_str(), *id)).collect();
    let mut rows = tx.records_by_key(&keys)?;
    rows.retain(|r| r.center_id == center);
    // The file as the rows say now: a link the index holds is checked
    // against the row it came from.
    loop {
        let ids: HashSet<Uuid> = rows.iter().map(|r| r.id).collect();
        let before = rows.len();
        rows.retain(|r| r.id == order.seeker || parent_of(r).is_some_and(|p| ids.contains(&p)));
        if rows.len() == before {
            break;
        }
    }
    rows.sort_by(|a, b| (&a.entity, a.id).cmp(&(&b.entity, b.id)));
    let kinds: HashMap<Uuid, String> = rows.iter().map(|r| (r.id, r.entity.clone())).collect();
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let closed = ConflictResolution {
        mutation_id: order.mutation,
        device_id: order.device,
        hlc: order.hlc.clone(),
    };

    // What the log, the conflicts and the stored answers hold, first: the
    // entries this destruction adds are scrubbed as they are made.
    let mut conflicts = BTreeSet::new();
    let mut entries = Vec::new();
    for (at, version, body) in tx.logged_changes_of(&ids)? {
        let Ok(mut change) = serde_json::from_str::<Change>(&body) else {
            // A pull cannot read it either; nothing to rewrite it from.
            tracing::warn!(center = %at, version, "destruction: a change-log entry does not read");
            continue;
        };
        if let ChangeBody::Conflict { conflict } = &change.body {
            conflicts.insert(conflict.conflict_id);
        }
        if scrub_change(&mut change, &closed) {
            let body = serde_json::to_string(&change).map_err(|_| corrupt("change_log"))?;
            entries.push((at, version, body));
        }
    }
    tx.rewrite_changes(&entries)?;
    let mut open = Vec::new();
    for id in conflicts {
        let Some((at, body)) = tx.conflict(id)? else {
            continue;
        };
        let mut conflict: ConflictRecord =
            serde_json::from_str(&body).map_err(|_| corrupt("conflict"))?;
        if conflict.resolution.is_none() {
            open.push(conflict.clone());
        }
        scrub_conflict(&mut conflict, &closed);
        let body = serde_json::to_string(&conflict).map_err(|_| corrupt("conflict"))?;
        tx.put_conflict(at, id, true, &body)?;
    }
    let mut answers = Vec::new();
    for (device, seq, record, text) in tx.results_holding(&ids)? {
        let mut result: MutationResult =
            serde_json::from_str(&text).map_err(|_| corrupt("mutation_result"))?;
        let Some(entity) = kinds.get(&record) else {
            continue;
        };
        if scrub_result(&mut result, entity, &closed) {
            let text = serde_json::to_string(&result).map_err(|_| corrupt("mutation_result"))?;
            answers.push((device, seq, text));
        }
    }
    tx.rewrite_results(&answers)?;

    // The rows, and an update of every field of each shared record.
    let hlc = Arc::new(order.hlc.clone());
    let mut updates = Vec::new();
    for row in &mut rows {
        match person_kind(&row.entity) {
            Some(doyak_domain::EntityKind::Event) => scrub_event_row(row),
            Some(kind) => {
                scrub_shared_row(row, kind, order.mutation, &hlc);
                updates.push((row.entity.clone(), row.id, row.versioned()));
            }
            None => {}
        }
    }
    tx.put_records(&[], &rows)?;
    let count = (updates.len() + open.len()) as u64;
    let first = if count == 0 {
        0
    } else {
        tx.reserve_change_versions(center, count)?
    };
    let mut log = Vec::with_capacity(count as usize);
    let closing = open.into_iter().map(|mut conflict| {
        scrub_conflict(&mut conflict, &closed);
        let entity = conflict.entity.as_str().to_owned();
        let id = conflict.entity_id;
        let body = ChangeBody::Conflict {
            conflict: Box::new(conflict),
        };
        (entity, id, body)
    });
    let updates = updates
        .into_iter()
        .map(|(entity, id, fields)| (entity, id, ChangeBody::Update { fields }));
    for (k, (entity, id, body)) in updates.chain(closing).enumerate() {
        let version = ChangeVersion(first + k as u64);
        let change = Change {
            version,
            entity: EntityKind::from(entity),
            entity_id: id,
            mutation_id: order.mutation,
            author_device: SERVER_DEVICE,
            hlc: order.hlc.clone(),
            body,
        };
        let body = serde_json::to_string(&change).map_err(|_| corrupt("change_log"))?;
        log.push((
            version.0,
            ToLog::Change {
                entity_id: id,
                body,
            },
        ));
    }
    tx.put_changes(center, &log)?;
    let listed: Vec<DestroyedRow> = rows
        .iter()
        .map(|r| DestroyedRow {
            entity: r.entity.clone(),
            entity_id: r.id,
            center_id: center,
            destruction_id: order.event,
            at: now,
        })
        .collect();
    tx.put_destroyed(&listed)?;
    tracing::info!(
        center = %center,
        destruction = %order.event,
        records = listed.len(),
        log_entries = entries.len(),
        answers = answers.len(),
        "personal data destroyed"
    );
    Ok(Destroyed { kinds, closed })
}

/// The value a destruction leaves in `field` of a record of `entity`, when
/// it changes it.
fn destroyed_value(entity: &str, field: &str) -> Option<Value> {
    match privacy::field_fate(person_kind(entity)?, field) {
        Fate::Keep => None,
        Fate::Destroy(value) => Some(value),
    }
}

fn scrub_versioned(entity: &str, fields: &mut BTreeMap<String, VersionedValue>) -> bool {
    let mut changed = false;
    for (field, v) in fields.iter_mut() {
        if let Some(value) = destroyed_value(entity, field)
            && v.value != value
        {
            v.value = value;
            changed = true;
        }
    }
    changed
}

/// Both values of a conflict about a field the destruction erases, and
/// the conflict closed by it if it was open.
fn scrub_conflict(conflict: &mut ConflictRecord, closed: &ConflictResolution) -> bool {
    let mut changed = false;
    if let Some(value) = destroyed_value(conflict.entity.as_str(), &conflict.field) {
        for side in [&mut conflict.applied, &mut conflict.overwritten] {
            if side.value != value {
                side.value = value.clone();
                changed = true;
            }
        }
    }
    if conflict.resolution.is_none() {
        conflict.resolution = Some(closed.clone());
        changed = true;
    }
    changed
}

/// A logged change with the destroyed values taken out; true when it
/// changed.
fn scrub_change(change: &mut Change, closed: &ConflictResolution) -> bool {
    let entity = change.entity.as_str().to_owned();
    match &mut change.body {
        ChangeBody::Insert { fields } | ChangeBody::Update { fields } => {
            scrub_versioned(&entity, fields)
        }
        ChangeBody::Conflict { conflict } => scrub_conflict(conflict, closed),
        // Written before events were logged by reference (migration 0002/0003).
        ChangeBody::Append { record } => {
            let scrubbed = scrubbed_event(record);
            let changed = scrubbed != *record;
            *record = scrubbed;
            changed
        }
        ChangeBody::Delete => false,
    }
}

/// A stored answer with the values it sent back (`server_kept`, conflicts)
/// of a record of `entity` destroyed; true when it changed.
pub(crate) fn scrub_result(
    result: &mut MutationResult,
    entity: &str,
    closed: &ConflictResolution,
) -> bool {
    match &mut result.outcome {
        Outcome::Applied(applied) => scrub_versioned(entity, &mut applied.server_kept),
        Outcome::ConflictRecorded { applied, conflicts } => {
            let mut changed = scrub_versioned(entity, &mut applied.server_kept);
            for conflict in conflicts {
                changed |= scrub_conflict(conflict, closed);
            }
            changed
        }
        Outcome::Rejected(_) => false,
    }
}

/// An event's record as the destruction leaves it: as the domain scrubs it,
/// or, when this build cannot read it, its ids and date only.
fn scrubbed_event(record: &Map<String, Value>) -> Map<String, Value> {
    privacy::scrub_event_json(record).unwrap_or_else(|| {
        record
            .iter()
            .filter(|(k, _)| {
                matches!(
                    k.as_str(),
                    "id" | "center_id" | "subject_id" | "occurred_on"
                )
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    })
}

/// Scrubs an event row in place. Its fields keep the one write and
/// version 1 that make the row its own change-log entry
/// (`crate::model::event_change`).
fn scrub_event_row(row: &mut RecordRow) {
    let values = row.values();
    let scrubbed = scrubbed_event(&values);
    if scrubbed == values {
        return;
    }
    let Some(write) = row.fields.values().next().cloned() else {
        return;
    };
    row.fields = scrubbed
        .into_iter()
        .map(|(k, value)| {
            let version = row.fields.get(&k).map_or(1, |f| f.version);
            let state = FieldState {
                value,
                version,
                ..write.clone()
            };
            (k, state)
        })
        .collect();
}

/// Scrubs a shared record in place, every field one version up and
/// written by the server for this destruction (so no desk's later edit
/// counts as building on its own value).
fn scrub_shared_row(
    row: &mut RecordRow,
    kind: doyak_domain::EntityKind,
    mutation: Uuid,
    hlc: &Arc<HlcStamp>,
) {
    for (field, state) in row.fields.iter_mut() {
        if let Fate::Destroy(value) = privacy::field_fate(kind, field) {
            state.value = value;
        }
        state.version += 1;
        state.device = SERVER_DEVICE;
        state.mutation = mutation;
        state.hlc = Arc::clone(hlc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(entity: &str, id: u128, parent: Option<(&str, u128)>) -> RecordRow {
        let write = FieldState {
            value: Value::Null,
            version: 1,
            device: Uuid::from_u128(0xd),
            mutation: Uuid::from_u128(0xa),
            hlc: Arc::new("001760000000000-00000000-d".parse().unwrap()),
        };
        let mut fields = BTreeMap::new();
        fields.insert(
            "id".to_owned(),
            FieldState {
                value: json!(Uuid::from_u128(id).to_string()),
                ..write.clone()
            },
        );
        if let Some((field, p)) = parent {
            fields.insert(
                field.to_owned(),
                FieldState {
                    value: json!(Uuid::from_u128(p).to_string()),
                    ..write
                },
            );
        }
        RecordRow {
            entity: entity.to_owned(),
            id: Uuid::from_u128(id),
            center_id: Uuid::from_u128(0xc),
            fields,
            deleted: false,
            fact: None,
        }
    }

    /// The file reaches an event about an 알선 of the seeker (three steps
    /// away), and nothing of another seeker or of a company.
    #[test]
    fn the_case_file_follows_links_to_any_depth() {
        let mut index = CaseIndex::default();
        index.add(&[
            row("application", 2, Some(("seeker_id", 1))),
            row("event", 3, Some(("subject_id", 2))),
            row("event", 4, Some(("subject_id", 3))),
            row("referral", 5, Some(("subject_id", 1))),
            row("event", 6, Some(("subject_id", 9))),
            row("vacancy", 7, Some(("seeker_id", 1))),
        ]);
        let mut file: Vec<u128> = index
            .case_file(Uuid::from_u128(1))
            .into_iter()
            .map(|(_, id)| id.as_u128())
            .collect();
        file.sort_unstable();
        assert_eq!(file, vec![1, 2, 3, 4, 5]);
    }

    /// Both sides of a conflict about the phone lose the number; a
    /// conflict about the status keeps both (the figures count it).
    #[test]
    fn conflicts_lose_destroyed_values_and_close() {
        let side = |v: Value| doyak_sync_protocol::ConflictSide {
            value: v,
            version: 2,
            device_id: Uuid::from_u128(0xd),
            hlc: "001760000000000-00000000-d".parse().unwrap(),
            mutation_id: Uuid::from_u128(0xa),
        };
        let conflict = |field: &str, a: Value, b: Value| ConflictRecord {
            conflict_id: Uuid::from_u128(0xf),
            entity: EntityKind::Seeker,
            entity_id: Uuid::from_u128(1),
            field: field.to_owned(),
            base_version: 1,
            overwritten: side(a),
            applied: side(b),
            same_id: false,
            resolution: None,
        };
        let closed = ConflictResolution {
            mutation_id: Uuid::from_u128(0xb),
            device_id: Uuid::from_u128(0xd),
            hlc: "001760000000001-00000000-d".parse().unwrap(),
        };
        let mut phone = conflict("phone", json!("010-1111-2222"), json!("010-3333-4444"));
        assert!(scrub_conflict(&mut phone, &closed));
        assert_eq!(
            (phone.overwritten.value, phone.applied.value),
            (Value::Null, Value::Null)
        );
        assert_eq!(phone.resolution, Some(closed.clone()));
        let mut status = conflict("status", json!("consulting"), json!("closed"));
        scrub_conflict(&mut status, &closed);
        assert_eq!(
            (status.overwritten.value, status.applied.value),
            (json!("consulting"), json!("closed"))
        );
    }
}
