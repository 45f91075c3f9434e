//! Settling one push inside its transaction, in bulk: the records the batch
//! touches are read in one go, every mutation is merged against an in-memory
//! view of them (a later mutation of the batch sees an earlier one's
//! effect), the change-log versions are reserved in one step, and records,
//! change-log entries and stored results are written with one statement each.
//! On PostgreSQL that is a handful of round trips per batch instead of five
//! per mutation.

use crate::destroy::{self, CaseIndex, Order};
use crate::error::{ApiError, StorageError};
use crate::merge::{LogAs, Merged, merge};
use crate::model::{DeviceRow, RecordRow};
use crate::storage::{StoredResult, ToLog, Tx};
use chrono::{DateTime, Utc};
use doyak_sync_protocol::{
    Applied, Change, ChangeBody, ChangeVersion, ConflictRecord, ConflictResolution, ErrorBody,
    ErrorCode, MAX_MUTATION_BYTES, Mutation, MutationResult, Op, Outcome, Rejection,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

fn corrupt(what: &'static str) -> StorageError {
    StorageError::Corrupt { what }
}

fn sequence_error(code: ErrorCode, acknowledged: u64) -> ApiError {
    let mut body = ErrorBody::new(code);
    body.acknowledged_seq = Some(acknowledged);
    ApiError::with_body(body)
}

/// A change-log entry waiting for its version.
struct Entry {
    mutation: usize,
    body: LogAs,
    /// The mutation's own change (its version goes into `Applied`), not a
    /// conflict entry.
    main: bool,
}

/// Settles `mutations` for `device` (whose row this transaction holds
/// locked): returns one result per mutation, in order, and the device's new
/// last sequence number. Writes everything but the device row.
///
/// A destruction (개인정보 파기, [`crate::destroy`]) is carried out right
/// after the mutation that brings it, before the next one is merged, so the
/// batch is settled in runs that each end with one. The push's answers
/// about the destroyed records are scrubbed as their stored copies are.
pub(crate) fn settle(
    tx: &mut dyn Tx,
    device: &DeviceRow,
    mutations: Vec<Mutation>,
    now: DateTime<Utc>,
) -> Result<(Vec<MutationResult>, u64), ApiError> {
    let mut state = device.clone();
    let mut results = Vec::with_capacity(mutations.len());
    let mut about = Vec::with_capacity(mutations.len());
    let mut index: Option<CaseIndex> = None;
    let mut pending = mutations.into_iter();
    loop {
        let mut run = Vec::new();
        for m in pending.by_ref() {
            let last = destroy::destroys(&m).is_some();
            run.push(m);
            if last {
                break;
            }
        }
        if run.is_empty() {
            break;
        }
        about.extend(run.iter().map(|m| m.entity_id));
        let (answers, last, order) = settle_run(tx, &state, run, index.as_mut(), now)?;
        state.last_seq = last;
        results.extend(answers);
        let Some(order) = order else {
            continue;
        };
        let file = match index.take() {
            Some(file) => file,
            None => CaseIndex::read(tx, state.center_id)?,
        };
        let destroyed = destroy::destroy(tx, state.center_id, &order, &file, now)?;
        index = Some(file);
        for (result, id) in results.iter_mut().zip(&about) {
            if let Some(entity) = destroyed.kinds.get(id) {
                destroy::scrub_result(result, entity, &destroyed.closed);
            }
        }
    }
    Ok((results, state.last_seq))
}

/// Whether a result holds field values (that a destruction must find).
fn holds_values(outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Applied(applied) => !applied.server_kept.is_empty(),
        Outcome::ConflictRecorded { applied, conflicts } => {
            !applied.server_kept.is_empty() || !conflicts.is_empty()
        }
        Outcome::Rejected(_) => false,
    }
}

/// One run of [`settle`]. Only its last mutation may be a destruction;
/// when that one is applied it comes back as an [`Order`], carried out by
/// the caller once the run is written. Rows the run writes go into
/// `index`, when a destruction earlier in the push has read one.
fn settle_run(
    tx: &mut dyn Tx,
    device: &DeviceRow,
    mut mutations: Vec<Mutation>,
    index: Option<&mut CaseIndex>,
    now: DateTime<Utc>,
) -> Result<(Vec<MutationResult>, u64, Option<Order>), ApiError> {
    let center = device.center_id;
    let mut results: Vec<Option<MutationResult>> = vec![None; mutations.len()];
    let mut fresh: Vec<usize> = Vec::new();
    let mut last = device.last_seq;
    for (i, m) in mutations.iter().enumerate() {
        if m.seq <= device.last_seq {
            results[i] = Some(replayed(tx, device, m)?);
            continue;
        }
        if m.seq != last + 1 {
            return Err(sequence_error(ErrorCode::PushSequenceGap, device.last_seq));
        }
        last = m.seq;
        fresh.push(i);
    }
    // Changes this center settled before under another identity: a desk
    // that enrolled again (a copied file, a restored backup) resends its
    // unsent changes under new numbers, and some went out before under the
    // old identity. Each is answered from its stored result, as a replay
    // is, and never applied twice: an old edit would overwrite later ones,
    // an old insert would meet its own record as a second one.
    let earlier = settled_elsewhere(tx, center, &mutations, &mut fresh)?;
    // What each fresh mutation names, and which of those a destruction
    // took: nothing is merged about them (see `crate::destroy`).
    let destroying: Vec<Option<Uuid>> = fresh
        .iter()
        .map(|&i| destroy::destroys(&mutations[i]))
        .collect();
    let named: Vec<[Option<Uuid>; 3]> = fresh
        .iter()
        .map(|&i| destroy::named(&mutations[i]))
        .collect();
    let mut ids: Vec<Uuid> = named.iter().flatten().flatten().copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut destroyed: HashSet<Uuid> = tx.destroyed_among(&ids)?.into_iter().collect();
    // New records refused because they hang off a destroyed one: listed as
    // destroyed too, so what hangs off them in turn (a step of a refused
    // 알선, a check of a refused 취업) is refused as well, never stored.
    let mut refused_new: Vec<crate::model::DestroyedRow> = Vec::new();
    let mut order = None;
    // Each fresh mutation's operation is taken out of it (`None`: refused
    // as too large), so its record moves into the stored row instead of
    // being copied; the envelope stays for the log and the answer.
    let ops: Vec<Option<Op>> = fresh
        .iter()
        .map(|&i| {
            let m = &mut mutations[i];
            // One oversized record is refused on its own (and acknowledged),
            // so it cannot hold back the mutations behind it.
            let too_big =
                size_bound(m) > MAX_MUTATION_BYTES && m.encoded_len() > MAX_MUTATION_BYTES;
            (!too_big).then(|| std::mem::replace(&mut m.op, Op::Delete))
        })
        .collect();
    let mutations = &mutations[..];

    // Records are keyed by (entity, id) borrowed from the mutations: a key
    // is looked up several times per mutation, and owning it cost a copy each time.
    let mut keys: Vec<(&str, Uuid)> = fresh
        .iter()
        .map(|&i| (mutations[i].entity.as_str(), mutations[i].entity_id))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut records: HashMap<(&str, Uuid), RecordRow> = HashMap::with_capacity(keys.len());
    let mut existed: HashSet<(&str, Uuid)> = HashSet::new();
    for row in tx.records_by_key(&keys)? {
        if let Ok(k) = keys.binary_search(&(row.entity.as_str(), row.id)) {
            existed.insert(keys[k]);
            records.insert(keys[k], row);
        }
    }
    // Written records in the order first written; the set answers "already
    // written?" (a linear search here was quadratic: 9% of a 2,000-mutation push).
    let mut dirty: Vec<(&str, Uuid)> = Vec::new();
    let mut dirty_set: HashSet<(&str, Uuid)> = HashSet::new();
    let mut conflicts: HashMap<Uuid, (ConflictRecord, bool)> = HashMap::new();
    let mut conflict_order: Vec<Uuid> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut outcomes: Vec<(usize, Outcome)> = Vec::with_capacity(fresh.len());

    for (k, (&i, op)) in fresh.iter().zip(ops).enumerate() {
        let m = &mutations[i];
        let Some(op) = op else {
            outcomes.push((
                i,
                Outcome::Rejected(Rejection {
                    code: ErrorCode::RecordInvalid,
                    message: format!(
                        "기록 하나가 너무 큽니다 (최대 {}KB). 긴 메모를 나누어 적어 주세요.",
                        MAX_MUTATION_BYTES / 1024
                    ),
                }),
            ));
            continue;
        };
        if let Some(seeker) = destroying[k] {
            // Destroyed already (two desks destroyed the seeker): done.
            if destroyed.contains(&seeker) {
                outcomes.push((i, Outcome::Applied(Applied::default())));
                continue;
            }
            let ours = match records.get(&("seeker", seeker)) {
                Some(row) => Some(row.center_id == center),
                None => tx.record("seeker", seeker)?.map(|r| r.center_id == center),
            };
            if ours != Some(true) {
                outcomes.push((
                    i,
                    Outcome::Rejected(Rejection {
                        code: ErrorCode::RecordNotFound,
                        message:
                            "파기하려는 구직자가 이 센터의 서버 기록에 없어 반영되지 않았습니다."
                                .into(),
                    }),
                ));
                continue;
            }
        } else if named[k].iter().flatten().any(|id| destroyed.contains(id)) {
            if matches!(op, Op::Insert { .. } | Op::Append { .. }) && destroyed.insert(m.entity_id)
            {
                refused_new.push(crate::model::DestroyedRow {
                    entity: m.entity.as_str().to_owned(),
                    entity_id: m.entity_id,
                    center_id: center,
                    destruction_id: m.mutation_id,
                    at: now,
                });
            }
            outcomes.push((i, Outcome::Rejected(destroy::refusal())));
            continue;
        }
        // The conflicts a resolution names must be this record's, of this center.
        let mut resolving = Vec::with_capacity(m.resolves.len());
        let mut missing = false;
        for id in &m.resolves {
            let known = match conflicts.get(id) {
                Some((c, _)) => Some(c.clone()),
                None => match tx.conflict(*id)? {
                    Some((c, body)) if c == center => {
                        serde_json::from_str::<ConflictRecord>(&body).ok()
                    }
                    _ => None,
                },
            };
            match known.filter(|r| r.entity_id == m.entity_id && r.entity == m.entity) {
                Some(record) => resolving.push(record),
                None => missing = true,
            }
        }
        if missing {
            outcomes.push((
                i,
                Outcome::Rejected(Rejection {
                    code: ErrorCode::RecordNotFound,
                    message: "해결하려는 충돌 기록이 서버에 없어 반영되지 않았습니다.".into(),
                }),
            ));
            continue;
        }
        let key = (m.entity.as_str(), m.entity_id);
        // An edit of a seeker moved to another center since the desk last
        // pulled: not "not found" but where it went (the desk's copy goes
        // with its next pull).
        if matches!(op, Op::Update { .. } | Op::Delete)
            && records.get(&key).is_some_and(|r| r.center_id != center)
            && let Some(moved) = crate::transfer::moved_away(tx, m.entity_id, center)?
        {
            outcomes.push((
                i,
                Outcome::Rejected(Rejection {
                    code: ErrorCode::RecordTransferred,
                    message: format!(
                        "이 구직자는 {} 다른 센터로 이관되어 이 변경은 반영되지 않았습니다. 이관받은 센터에 알려 주세요.",
                        chrono::FixedOffset::east_opt(9 * 3600)
                            .map_or(moved.at.date_naive(), |kst| moved
                                .at
                                .with_timezone(&kst)
                                .date_naive())
                    ),
                }),
            ));
            continue;
        }
        let effect = match merge(
            center,
            device.device_id,
            m,
            op,
            records.get(&key),
            &mut Uuid::now_v7,
        ) {
            Merged::Rejected(r) => {
                outcomes.push((i, Outcome::Rejected(r)));
                continue;
            }
            Merged::Applied(effect) => effect,
        };
        let effect = *effect;
        if let Some(seeker) = destroying[k]
            && effect.row.is_some()
        {
            order = Some(Order {
                seeker,
                event: m.entity_id,
                mutation: m.mutation_id,
                device: device.device_id,
                hlc: m.hlc.clone(),
            });
        }
        if let Some(row) = effect.row {
            if dirty_set.insert(key) {
                dirty.push(key);
            }
            records.insert(key, row);
        }
        if let Some(body) = effect.body {
            entries.push(Entry {
                mutation: i,
                body,
                main: true,
            });
        }
        for conflict in &effect.conflicts {
            conflicts.insert(conflict.conflict_id, (conflict.clone(), false));
            conflict_order.push(conflict.conflict_id);
            entries.push(Entry {
                mutation: i,
                body: LogAs::Change(ChangeBody::Conflict {
                    conflict: Box::new(conflict.clone()),
                }),
                main: false,
            });
        }
        for mut conflict in resolving {
            if conflict.resolution.is_some() {
                continue;
            }
            conflict.resolution = Some(ConflictResolution {
                mutation_id: m.mutation_id,
                device_id: device.device_id,
                hlc: m.hlc.clone(),
            });
            // `conflicts` holds exactly the ids in `conflict_order`.
            if conflicts
                .insert(conflict.conflict_id, (conflict.clone(), true))
                .is_none()
            {
                conflict_order.push(conflict.conflict_id);
            }
            entries.push(Entry {
                mutation: i,
                body: LogAs::Change(ChangeBody::Conflict {
                    conflict: Box::new(conflict),
                }),
                main: false,
            });
        }
        let outcome = if effect.conflicts.is_empty() {
            Outcome::Applied(effect.applied)
        } else {
            Outcome::ConflictRecorded {
                applied: effect.applied,
                conflicts: effect.conflicts,
            }
        };
        outcomes.push((i, outcome));
    }

    // Versions for every entry, in order, under the center's lock.
    let first = if entries.is_empty() {
        0
    } else {
        tx.reserve_change_versions(center, entries.len() as u64)?
    };
    let mut log = Vec::with_capacity(entries.len());
    let mut main_version: HashMap<usize, ChangeVersion> = HashMap::new();
    for (k, entry) in entries.into_iter().enumerate() {
        let version = ChangeVersion(first + k as u64);
        let m = &mutations[entry.mutation];
        if entry.main {
            main_version.insert(entry.mutation, version);
        }
        let body = match entry.body {
            LogAs::Event => ToLog::Event(m.entity_id),
            LogAs::Change(body) => {
                let change = Change {
                    version,
                    entity: m.entity.clone(),
                    entity_id: m.entity_id,
                    mutation_id: m.mutation_id,
                    author_device: device.device_id,
                    hlc: m.hlc.clone(),
                    body,
                };
                let body = serde_json::to_string(&change).map_err(|_| corrupt("change_log"))?;
                ToLog::Change {
                    entity_id: m.entity_id,
                    body,
                }
            }
        };
        log.push((version.0, body));
    }

    let (mut created, mut changed) = (Vec::new(), Vec::new());
    for key in &dirty {
        if let Some(row) = records.remove(key) {
            if existed.contains(key) {
                changed.push(row);
            } else {
                created.push(row);
            }
        }
    }
    tx.put_records(&created, &changed)?;
    if let Some(index) = index {
        index.add(&created);
        index.add(&changed);
    }
    tx.put_changes(center, &log)?;
    for id in conflict_order {
        if let Some((conflict, resolved)) = conflicts.get(&id) {
            let body = serde_json::to_string(conflict).map_err(|_| corrupt("conflict"))?;
            tx.put_conflict(center, id, *resolved, &body)?;
        }
    }
    let mut stored = Vec::with_capacity(outcomes.len());
    for (i, mut outcome) in outcomes {
        let m = &mutations[i];
        if let Some(version) = main_version.get(&i) {
            match &mut outcome {
                Outcome::Applied(applied) | Outcome::ConflictRecorded { applied, .. } => {
                    applied.change_version = Some(*version);
                }
                Outcome::Rejected(_) => {}
            }
        }
        let result = MutationResult {
            mutation_id: m.mutation_id,
            seq: m.seq,
            duplicate: false,
            outcome,
        };
        stored.push(StoredResult {
            seq: m.seq,
            mutation: m.mutation_id,
            holds: holds_values(&result.outcome).then_some(m.entity_id),
            result: serde_json::to_string(&result).map_err(|_| corrupt("mutation_result"))?,
        });
        results[i] = Some(result);
    }
    for (i, result) in earlier {
        let m = &mutations[i];
        stored.push(StoredResult {
            seq: m.seq,
            mutation: m.mutation_id,
            holds: holds_values(&result.outcome).then_some(m.entity_id),
            result: serde_json::to_string(&result).map_err(|_| corrupt("mutation_result"))?,
        });
        results[i] = Some(MutationResult {
            duplicate: true,
            ..result
        });
    }
    tx.put_results(device.device_id, &stored)?;
    if !refused_new.is_empty() {
        tx.put_destroyed(&refused_new)?;
    }
    let results = results.into_iter().flatten().collect();
    Ok((results, last, order))
}

/// An upper bound of a mutation's size as JSON, from one walk over its
/// values without writing anything: every string byte escaped (6 bytes),
/// every number at its longest, the envelope (ids, stamp, names) at 1 KB.
/// Only a mutation whose bound passes the limit is measured exactly: writing
/// out every mutation to count it was 7% of a push.
fn size_bound(m: &Mutation) -> usize {
    fn value(v: &Value) -> usize {
        match v {
            Value::Null | Value::Bool(_) => 5,
            Value::Number(_) => 24,
            Value::String(s) => 2 + 6 * s.len(),
            Value::Array(items) => 2 + items.iter().map(|v| value(v) + 1).sum::<usize>(),
            Value::Object(map) => object(map.iter()),
        }
    }
    fn object<'a>(entries: impl Iterator<Item = (&'a String, &'a Value)>) -> usize {
        2 + entries
            .map(|(k, v)| 2 + 6 * k.len() + 2 + value(v))
            .sum::<usize>()
    }
    const ENVELOPE: usize = 1024;
    let body = match &m.op {
        Op::Insert { record } | Op::Append { record } => object(record.iter()),
        Op::Update { fields } => fields
            .iter()
            .map(|(k, edit)| 6 * k.len() + 48 + value(&edit.value))
            .sum(),
        Op::Delete => 0,
    };
    ENVELOPE + 6 * m.entity.as_str().len() + 40 * m.resolves.len() + body
}

/// The stored answer for a mutation settled before: the same outcome, marked
/// a duplicate. A different mutation under a settled number is refused.
/// Takes out of `fresh` the mutations whose ids this center has settled
/// under another device, and returns each with its stored result, renumbered
/// to the sequence number it came with now.
fn settled_elsewhere(
    tx: &mut dyn Tx,
    center: Uuid,
    mutations: &[Mutation],
    fresh: &mut Vec<usize>,
) -> Result<Vec<(usize, MutationResult)>, ApiError> {
    if fresh.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = fresh.iter().map(|&i| mutations[i].mutation_id).collect();
    let found = tx.results_of_mutations(&ids)?;
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let mut owners: HashMap<Uuid, Option<Uuid>> = HashMap::new();
    let mut known: HashMap<Uuid, MutationResult> = HashMap::new();
    for (mutation, settled_by, text) in found {
        let owner = match owners.get(&settled_by) {
            Some(owner) => *owner,
            None => {
                let owner = tx.device(settled_by)?.map(|d| d.center_id);
                owners.insert(settled_by, owner);
                owner
            }
        };
        // Only this center's own changes: another center's id is no
        // business of this device (and a UUIDv7 shared by chance is not
        // a change of this desk).
        if owner == Some(center) {
            let result: MutationResult =
                serde_json::from_str(&text).map_err(|_| corrupt("mutation_result"))?;
            known.insert(mutation, result);
        }
    }
    let mut earlier = Vec::new();
    fresh.retain(|&i| match known.remove(&mutations[i].mutation_id) {
        Some(result) => {
            earlier.push((
                i,
                MutationResult {
                    seq: mutations[i].seq,
                    duplicate: false,
                    ..result
                },
            ));
            false
        }
        None => true,
    });
    Ok(earlier)
}

fn replayed(tx: &mut dyn Tx, device: &DeviceRow, m: &Mutation) -> Result<MutationResult, ApiError> {
    match tx.stored_result(device.device_id, m.seq)? {
        Some((id, stored)) if id == m.mutation_id => {
            let mut result: MutationResult =
                serde_json::from_str(&stored).map_err(|_| corrupt("mutation_result"))?;
            result.duplicate = true;
            Ok(result)
        }
        _ => Err(sequence_error(
            ErrorCode::PushSequenceReused,
            device.last_seq,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doyak_sync_protocol::{EntityKind, FieldEdit, HlcStamp};
    use proptest::prelude::*;
    use serde_json::Map;

    /// JSON values with the characters that cost most to write: control
    /// characters (`\u0001`, 6 bytes), quotes, backslashes, Hangul (3 bytes).
    fn json() -> impl Strategy<Value = Value> {
        let text = || prop_oneof!["[\\x00-\\x1f\"\\\\]{0,300}", "[a-z가-힣]{0,300}"];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 40, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(text(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn mutation(op: Op, resolves: usize) -> Mutation {
        Mutation {
            mutation_id: Uuid::now_v7(),
            seq: u64::MAX,
            entity: EntityKind::from("\u{1}".repeat(20)),
            entity_id: Uuid::now_v7(),
            op,
            hlc: HlcStamp {
                wall_ms: u64::MAX,
                counter: u32::MAX,
                device: Uuid::now_v7().to_string(),
            },
            schema_version: u32::MAX,
            resolves: (0..resolves).map(|_| Uuid::now_v7()).collect(),
        }
    }

    proptest! {
        /// The bound decides when the exact count is skipped, so it must
        /// never be below the exact size: an oversized record would pass.
        #[test]
        fn size_bound_never_undercounts(
            record in prop::collection::btree_map("[\\x00-\\x1f a-z]{0,12}", json(), 0..12),
            resolves in 0usize..4,
            insert in any::<bool>(),
        ) {
            let map: Map<String, Value> = record.clone().into_iter().collect();
            let edits = record
                .into_iter()
                .map(|(k, value)| (k, FieldEdit { value, base: u64::MAX }))
                .collect();
            for op in [
                if insert { Op::Insert { record: map.clone() } } else { Op::Append { record: map.clone() } },
                Op::Update { fields: edits },
                Op::Delete,
            ] {
                let m = mutation(op, resolves);
                prop_assert!(size_bound(&m) >= m.encoded_len(), "{} < {}", size_bound(&m), m.encoded_len());
            }
        }
    }
}
