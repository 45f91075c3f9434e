//! Pull: a device asks for its center's changes after a change-log position
//! and gets a page of them, in log order, with the position to resume from.

use crate::{
    ChangeVersion, ConflictRecord, EntityKind, HlcStamp, MAX_PULL_LIMIT, ProtocolError,
    ProtocolVersion, VersionedValue,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// `POST /sync/pull`. The center is the token's; the body cannot name one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullRequest {
    pub protocol: ProtocolVersion,
    /// The last position the desk stored (with the rows of that page, in one
    /// transaction); [`ChangeVersion::START`] for a first sync.
    pub cursor: ChangeVersion,
    /// Most changes wanted; the server caps it at [`MAX_PULL_LIMIT`].
    pub limit: u32,
}

impl PullRequest {
    /// Every problem with the request; empty means valid. An over-large
    /// limit is not a problem: the server answers with fewer.
    pub fn validate(&self) -> Vec<ProtocolError> {
        if self.limit == 0 {
            vec![ProtocolError::ZeroPullLimit]
        } else {
            Vec::new()
        }
    }

    /// The page size a server uses for this request.
    pub fn effective_limit(&self) -> u32 {
        self.limit.clamp(1, MAX_PULL_LIMIT)
    }
}

/// One page of a center's change log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    pub protocol: ProtocolVersion,
    /// In change-log order; each version greater than the one before and
    /// than the request's cursor.
    pub changes: Vec<Change>,
    /// Where the next pull starts. At least the last change's version; it
    /// may be further when the server skipped positions the device may not
    /// see, so the desk never asks for them again.
    pub next_cursor: ChangeVersion,
    /// More changes wait after `next_cursor`; pull again right away.
    pub has_more: bool,
    /// The server's wall clock (informational, as in a push response).
    pub server_time_ms: u64,
}

impl PullResponse {
    /// Checks the page against the cursor it was asked from: versions
    /// strictly increasing after `cursor`, and `next_cursor` not behind the
    /// last change. A desk that stored a page failing this could skip rows
    /// or re-apply them, so it refuses the page instead.
    pub fn validate(&self, cursor: ChangeVersion) -> Vec<ProtocolError> {
        let mut problems = Vec::new();
        let mut last = cursor;
        for change in &self.changes {
            if change.version <= last {
                problems.push(ProtocolError::PageOutOfOrder {
                    after: last.0,
                    found: change.version.0,
                });
            }
            last = last.max(change.version);
        }
        if self.next_cursor < last {
            problems.push(ProtocolError::PageOutOfOrder {
                after: last.0,
                found: self.next_cursor.0,
            });
        }
        problems
    }
}

/// One entry of the change log: what changed, and which device's mutation
/// changed it. A desk sees its own mutations come back too; they carry the
/// server's versions, which is how the desk learns them after a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub version: ChangeVersion,
    /// A kind this desk does not know ([`EntityKind::Unknown`]) is kept for
    /// after an update, never applied and never a reason to stop.
    pub entity: EntityKind,
    pub entity_id: Uuid,
    pub mutation_id: Uuid,
    pub author_device: Uuid,
    pub hlc: HlcStamp,
    pub body: ChangeBody,
}

/// What the change did. Closed set within a protocol version. Decoded by
/// hand (`tagged.rs`), like [`crate::Op`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeBody {
    /// A shared record as the server holds it: every field with its version
    /// (not always 1: a server may serve a first sync from current rows).
    Insert {
        fields: BTreeMap<String, VersionedValue>,
    },
    /// The fields that changed, with their new versions. A desk never lets
    /// these overwrite a field that has an unsent local edit.
    Update {
        fields: BTreeMap<String, VersionedValue>,
    },
    /// A soft delete.
    Delete,
    /// An append-only event, as written.
    Append { record: Map<String, Value> },
    /// A conflict was recorded on, or resolved for, the record: the desk
    /// upserts it into its conflict queue by `conflict_id`. Boxed: rare,
    /// and ten times the size of the other bodies.
    Conflict { conflict: Box<ConflictRecord> },
}
