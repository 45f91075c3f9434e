//! The desk's side of sync: the outbox as wire mutations, push answers,
//! pull pages and the conflict queue, over real encrypted files.

mod conflicts;
mod destroy;
mod pull;
mod push;
mod retry;

use crate::*;
use doyak_domain::events::{CaseEvent, ContactMode, EmploymentType, EventBody};
use doyak_domain::{EntityKind, SeekerStatus};
use doyak_store::{PullSummary, PushSummary, SeekerFilter, StoreError};
use doyak_sync_protocol as wire;
use doyak_sync_protocol::{
    Applied, Change, ChangeBody, ChangeVersion, ConflictRecord, ConflictResolution, ConflictSide,
    DeviceToken, ErrorCode, FieldEdit, Mutation, MutationResult, Op, Outcome, ProtocolVersion,
    PullResponse, PushRequest, PushResponse, Rejection, VersionedValue,
};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Another counselor's laptop in the same center.
const OTHER_DEVICE: Uuid = Uuid::from_u128(0x0199c9a4_8e00_7000_8000_0000000000d2);

fn now() -> chrono::DateTime<chrono::Utc> {
    ctx().now
}

fn stamp(wall_ms: u64) -> wire::HlcStamp {
    format!("{wall_ms:015}-00000000-{OTHER_DEVICE}")
        .parse()
        .unwrap()
}

/// Every field of a record at one version, as a pulled insert carries it.
fn fields_of(record: &impl serde::Serialize, version: u64) -> BTreeMap<String, VersionedValue> {
    let Value::Object(map) = serde_json::to_value(record).unwrap() else {
        unreachable!("records are objects")
    };
    map.into_iter()
        .map(|(field, value)| (field, VersionedValue { value, version }))
        .collect()
}

fn field(name: &str, value: Value, version: u64) -> BTreeMap<String, VersionedValue> {
    BTreeMap::from([(name.to_owned(), VersionedValue { value, version })])
}

fn change(entity: wire::EntityKind, id: Id, body: ChangeBody) -> Change {
    Change {
        version: ChangeVersion::START, // numbered by `page_after`
        entity,
        entity_id: id.as_uuid(),
        mutation_id: Uuid::now_v7(),
        author_device: OTHER_DEVICE,
        hlc: stamp(1_764_000_000_000),
        body,
    }
}

fn insert(s: &JobSeeker) -> Change {
    let fields = fields_of(s, 1);
    change(
        wire::EntityKind::Seeker,
        s.id,
        ChangeBody::Insert { fields },
    )
}

fn update(id: Id, fields: BTreeMap<String, VersionedValue>) -> Change {
    change(wire::EntityKind::Seeker, id, ChangeBody::Update { fields })
}

/// The page the server would send after `cursor`: positions follow it.
fn page_after(cursor: ChangeVersion, mut changes: Vec<Change>) -> PullResponse {
    for (i, c) in changes.iter_mut().enumerate() {
        c.version = ChangeVersion(cursor.0 + 1 + i as u64);
    }
    PullResponse {
        protocol: ProtocolVersion::CURRENT,
        next_cursor: ChangeVersion(cursor.0 + changes.len() as u64),
        changes,
        has_more: false,
        server_time_ms: 1_764_000_000_000,
    }
}

fn pull(store: &mut Store, changes: Vec<Change>) -> PullSummary {
    let cursor = store.sync_state().unwrap().cursor;
    store
        .apply_pull_page(cursor, &page_after(cursor, changes), now())
        .unwrap()
}

fn response(results: Vec<MutationResult>, acknowledged_seq: u64) -> PushResponse {
    PushResponse {
        protocol: ProtocolVersion::CURRENT,
        results,
        acknowledged_seq,
        server_time_ms: 1_764_000_000_000,
    }
}

fn result(m: &Mutation, outcome: Outcome) -> MutationResult {
    MutationResult {
        mutation_id: m.mutation_id,
        seq: m.seq,
        duplicate: false,
        outcome,
    }
}

fn applied() -> Outcome {
    Outcome::Applied(Applied::default())
}

/// Sends the whole outbox and has the server apply all of it.
fn push_all(store: &mut Store) -> PushSummary {
    let sent = store.outbox_batch(1000).unwrap();
    let results = sent.iter().map(|m| result(m, applied())).collect();
    let last = sent.last().map_or(0, |m| m.seq);
    store
        .apply_push_response(&sent, &response(results, last), now())
        .unwrap()
}

fn conflict_on(id: Id, field: &str, n: u128) -> ConflictRecord {
    let side = |value: &str, version, device| ConflictSide {
        value: json!(value),
        version,
        device_id: device,
        hlc: format!("001764000000000-00000000-{device}")
            .parse()
            .unwrap(),
        mutation_id: Uuid::from_u128(0x0199c9a4_8e02_7000_8000_000000000000 + n),
    };
    ConflictRecord {
        conflict_id: Uuid::from_u128(0x0199c9a4_8e03_7000_8000_000000000000 + n),
        entity: wire::EntityKind::Seeker,
        entity_id: id.as_uuid(),
        field: field.to_owned(),
        base_version: 1,
        overwritten: side("야간 가능", 2, OTHER_DEVICE),
        applied: side("주간만", 3, Uuid::from_u128(7)),
        same_id: false,
        resolution: None,
    }
}

fn version(store: &Store, id: Id, field: &str) -> u64 {
    let versions = store.field_versions::<JobSeeker>(id).unwrap().unwrap();
    versions.get(field).and_then(Value::as_u64).unwrap_or(1)
}

#[test]
fn credentials_are_kept_apart_from_the_state_shown() {
    let (fx, mut store) = new_store();
    assert_eq!(store.sync_credentials().unwrap(), None, "not enrolled yet");
    let token = DeviceToken::from_random([0x5a; 32]);
    store
        .set_sync_credentials("https://sync.example.kr", &token)
        .unwrap();
    drop(store);
    let store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    assert_eq!(
        store.sync_credentials().unwrap(),
        Some(("https://sync.example.kr".to_owned(), token.clone())),
        "kept in the encrypted file across restarts"
    );
    let state = store.sync_state().unwrap();
    assert!(state.enrolled);
    assert_eq!(state.server_url.as_deref(), Some("https://sync.example.kr"));
    assert!(
        !format!("{state:?}").contains(token.expose_secret()),
        "the state a screen or a log shows never holds the token"
    );
}
