//! Push: a device sends a batch from its outbox, the server settles each
//! mutation (applied, conflict recorded or rejected) and says up to which
//! sequence number the device may drop its outbox rows.

use crate::{
    ChangeVersion, ConflictRecord, EntityKind, ErrorCode, HlcStamp, MAX_PUSH_MUTATIONS,
    ProtocolError, ProtocolVersion,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

/// `POST /sync/push`. The device's center comes from its token, never from
/// the body, so a device cannot even name another center.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushRequest {
    pub protocol: ProtocolVersion,
    /// Must be the device the token was issued to.
    pub device_id: Uuid,
    /// Consecutive per-device sequence numbers, oldest first.
    pub mutations: Vec<Mutation>,
}

/// One outbox row on the wire (`doyak_store::OutboxEntry`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mutation {
    /// Client-made UUIDv7; with `seq`, what makes a replay recognisable.
    pub mutation_id: Uuid,
    /// The device's sequence number: starts at 1, no gaps.
    pub seq: u64,
    pub entity: EntityKind,
    pub entity_id: Uuid,
    pub op: Op,
    /// The device's clock when the change was made. It must be the pushing
    /// device's own stamp.
    pub hlc: HlcStamp,
    /// The desk's schema version the change was written under; the server
    /// upgrades older shapes before applying.
    pub schema_version: u32,
    /// Conflicts this edit resolves (only on `update`). A counselor who keeps
    /// the current value sends an update with no fields and these ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolves: Vec<Uuid>,
}

/// What a mutation does. A closed set: a new operation is a new protocol
/// version, because an old server could not apply it safely.
/// Decoded by hand (`tagged.rs`): serde's derived decoder buffers the
/// whole object before it knows the variant.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Op {
    /// A new shared record, every field at version 1.
    Insert { record: Map<String, Value> },
    /// Changed fields of a shared record, each with the version it was based
    /// on; the server merges them one by one.
    Update { fields: BTreeMap<String, FieldEdit> },
    /// A soft delete.
    Delete,
    /// A new append-only event; events never conflict.
    Append { record: Map<String, Value> },
}

impl Op {
    pub fn name(&self) -> &'static str {
        match self {
            Op::Insert { .. } => "insert",
            Op::Update { .. } => "update",
            Op::Delete => "delete",
            Op::Append { .. } => "append",
        }
    }
}

/// One changed field: the new value and the field version the desk saw when
/// the counselor changed it (the store's `{"value": …, "base": n}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldEdit {
    pub value: Value,
    pub base: u64,
}

impl PushRequest {
    /// Every problem that makes the batch unacceptable as a whole, in the
    /// order [`crate::ErrorBody::from_problems`] relies on: the batch size
    /// first, then sequence numbers, then each mutation. Empty means valid.
    ///
    /// Pure: it checks the batch against itself only. Whether the first
    /// sequence number follows what the server acknowledged, and whether the
    /// device may touch each record, are the server's checks.
    pub fn validate(&self) -> Vec<ProtocolError> {
        let mut problems = Vec::new();
        if self.mutations.is_empty() {
            problems.push(ProtocolError::EmptyBatch);
        }
        if self.mutations.len() > MAX_PUSH_MUTATIONS {
            problems.push(ProtocolError::TooManyMutations {
                count: self.mutations.len(),
                limit: MAX_PUSH_MUTATIONS,
            });
        }
        // Sequence numbers start at 1 and go up by one; the first one may be
        // anything from 1 (the server knows where the device stands). After
        // a break, counting resumes from the number found, so one misplaced
        // mutation is one problem, not one per mutation after it.
        let mut expected = self.mutations.first().map_or(1, |m| m.seq.max(1));
        for m in &self.mutations {
            if m.seq != expected {
                problems.push(ProtocolError::SequenceGap {
                    mutation_id: m.mutation_id,
                    expected,
                    found: m.seq,
                });
            }
            expected = m.seq.saturating_add(1);
        }
        let device = self.device_id.hyphenated().to_string();
        let mut seen = HashSet::new();
        for m in &self.mutations {
            if !seen.insert(m.mutation_id) {
                problems.push(ProtocolError::DuplicateMutationId {
                    mutation_id: m.mutation_id,
                });
            }
            m.check(&device, &mut problems);
        }
        problems
    }
}

impl Mutation {
    /// The size of this mutation as JSON, counted without keeping the text
    /// (the server's per-mutation limit, the desk's request size). Writing
    /// to a counter cannot fail; were it to, the size is `usize::MAX`.
    pub fn encoded_len(&self) -> usize {
        struct Count(usize);
        impl std::io::Write for Count {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0 += buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut count = Count(0);
        match serde_json::to_writer(&mut count, self) {
            Ok(()) => count.0,
            Err(_) => usize::MAX,
        }
    }

    fn check(&self, device: &str, problems: &mut Vec<ProtocolError>) {
        let mutation_id = self.mutation_id;
        if self.mutation_id.get_version_num() != 7 {
            problems.push(ProtocolError::MutationIdNotV7 { mutation_id });
        }
        if !self.entity.is_known() {
            problems.push(ProtocolError::UnknownEntity {
                mutation_id,
                kind: self.entity.as_str().to_owned(),
            });
        }
        if self.schema_version == 0 {
            problems.push(ProtocolError::ZeroSchemaVersion { mutation_id });
        }
        if !self.hlc.device.eq_ignore_ascii_case(device) {
            problems.push(ProtocolError::ForeignStamp { mutation_id });
        }
        if !self.resolves.is_empty() && !matches!(self.op, Op::Update { .. }) {
            problems.push(ProtocolError::ResolutionNotUpdate { mutation_id });
        }
        match &self.op {
            Op::Insert { record } | Op::Append { record } => {
                if record.is_empty() {
                    problems.push(ProtocolError::EmptyRecord { mutation_id });
                }
                if record.keys().any(String::is_empty) {
                    problems.push(ProtocolError::EmptyFieldName { mutation_id });
                }
            }
            Op::Update { fields } => {
                if fields.is_empty() && self.resolves.is_empty() {
                    problems.push(ProtocolError::EmptyUpdate { mutation_id });
                }
                if fields.keys().any(String::is_empty) {
                    problems.push(ProtocolError::EmptyFieldName { mutation_id });
                }
                for (field, edit) in fields {
                    if edit.base == 0 {
                        problems.push(ProtocolError::ZeroBaseVersion {
                            mutation_id,
                            field: field.clone(),
                        });
                    }
                }
            }
            Op::Delete => {}
        }
    }
}

/// The answer to a push: one result per mutation, in request order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResponse {
    pub protocol: ProtocolVersion,
    pub results: Vec<MutationResult>,
    /// The highest sequence number the server has settled for this device.
    /// The desk drops every outbox row up to it, rejected ones included:
    /// **a rejection never wedges the queue**. The desk keeps the rejection
    /// (code, message and what it sent) to show the counselor, who may send
    /// it again after a fix as a new change; the old row is never resent.
    pub acknowledged_seq: u64,
    /// The server's wall clock, so a desk can tell the counselor its clock
    /// is far off. Informational: nothing is decided on it.
    pub server_time_ms: u64,
}

/// How the server settled one mutation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MutationResult {
    pub mutation_id: Uuid,
    pub seq: u64,
    /// True when this (device, seq) was settled by an earlier push and
    /// `outcome` is the stored result of that push, unchanged: resending a
    /// batch any number of times gives the same outcomes and applies nothing
    /// twice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub duplicate: bool,
    pub outcome: Outcome,
}

/// A mutation's fate. Closed set (a new one is a new protocol version).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    Applied(Applied),
    /// Applied in arrival order, and at least one field had been changed by
    /// someone else since the base version: both values are kept.
    ConflictRecorded {
        applied: Applied,
        conflicts: Vec<ConflictRecord>,
    },
    /// Refused for good (a rule, a permission, a missing record). Still
    /// acknowledged; see [`PushResponse::acknowledged_seq`].
    Rejected(Rejection),
}

/// What applying a mutation left on the server.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Applied {
    /// The change-log position of the change; `None` when nothing changed
    /// (every value was already equal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_version: Option<ChangeVersion>,
    /// The server's version of every field the mutation named, after it: the
    /// desk stores these so its next edit is based on the server's versions.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub versions: BTreeMap<String, u64>,
    /// Fields where the server kept its own value instead of the mutation's
    /// (a status that only moves forward was already further along). The
    /// desk takes these values; no pull would bring them, since nothing
    /// changed on the server.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub server_kept: BTreeMap<String, VersionedValue>,
}

/// A permanent refusal, shown to the counselor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub code: ErrorCode,
    /// Korean; names the record kind and what to fix, never its values.
    pub message: String,
}

/// A field's value with its version on the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionedValue {
    pub value: Value,
    pub version: u64,
}
