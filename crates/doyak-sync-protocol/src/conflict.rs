//! A concurrent edit of the same field: both values kept, with who made each
//! and when, for a counselor to resolve. The same record travels in a push
//! response (to the device whose edit caused it) and in pulls (to every
//! device of the center), so every desk can show the conflict queue.

use crate::{EntityKind, HlcStamp};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// One side of a conflict: a value some device wrote, and the field version
/// that write produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub value: Value,
    pub version: u64,
    /// The author: the device that wrote it (the server knows which
    /// counselor a device belongs to; the wire carries devices only).
    pub device_id: Uuid,
    pub hlc: HlcStamp,
    pub mutation_id: Uuid,
}

/// A field two devices changed from the same base. The server applies edits
/// in arrival order, so `applied` is the field's value now and `overwritten`
/// is the value it replaced; neither is lost. Clock stamps are shown to
/// explain the order, not to pick a winner.
///
/// With `same_id`, two devices each made a record under one id (an import
/// of another desk's export, say): the server kept the record it had, so
/// `applied` is its value (at a new version) and `overwritten` is the value
/// the second record had, which was never applied. One such conflict per
/// field the two records differ in, all with the inserting mutation's id on
/// the `overwritten` side: together they are the second record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictRecord {
    /// Server-made UUIDv7; resolutions name it.
    pub conflict_id: Uuid,
    pub entity: EntityKind,
    pub entity_id: Uuid,
    pub field: String,
    /// The version both edits started from.
    pub base_version: u64,
    pub overwritten: ConflictSide,
    pub applied: ConflictSide,
    /// Two records made under one id (see above); absent (false) for two
    /// edits of one record.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub same_id: bool,
    /// Set once a counselor resolved it; a resolved conflict leaves the queue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<ConflictResolution>,
}

/// How a conflict left the queue: by an ordinary update mutation whose
/// `resolves` names it (see [`crate::Mutation::resolves`]). The value the
/// counselor picked or merged is in that mutation's fields, so it merges and
/// syncs like any edit, and may itself conflict with a later edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictResolution {
    pub mutation_id: Uuid,
    pub device_id: Uuid,
    pub hlc: HlcStamp,
}
