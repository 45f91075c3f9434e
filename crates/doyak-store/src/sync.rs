//! The desk's side of sync: the outbox as wire mutations, what a push
//! response and a pull page do to the caseload, the conflict queue, the
//! refused mutations, and the server's address and device token.
//!
//! The network is not here (the store does no IO beyond its file): a caller
//! sends [`Store::outbox_batch`] and hands the answer to
//! [`Store::apply_push_response`], asks for the page after
//! [`SyncState::cursor`] and hands it to [`Store::apply_pull_page`]. Each of
//! those is one transaction, through [`Store::write`] like every local
//! change, so the tallies, the list columns, the name index and
//! [`Store::changes`] follow pulled records exactly as they follow typed ones.
//!
//! The rules a pulled change obeys:
//! - A field with an unsent local edit is never overwritten (the server will
//!   merge the edit and, if both changed it, keep both values as a conflict).
//! - Otherwise a pulled value is taken only when its version is greater than
//!   the local one, so own changes coming back, a replayed page or an older
//!   change change nothing.
//! - Another center's record is never stored, whatever the server sent.
//! - A change this build cannot apply (an unknown kind, a record its types
//!   cannot read, an update of a record it does not hold) is held in
//!   `sync_held`, never a reason to stop.
//! - A pulled change queues nothing in the outbox.

mod pull;
mod push;
mod resolve;
mod retry;
pub use retry::Retried;
mod snapshot;

use crate::Store;
use crate::error::{Result, StoreError};
use crate::query::OutboxEntry;
use crate::write::{Writer, decode_object};
use chrono::{DateTime, Utc};
use doyak_domain::{
    Application, Center, Company, Counselor, EntityKind, Id, JobSeeker, PartnerInstitution,
    Referral, SharedRecord, Vacancy,
};
use doyak_sync_protocol as wire;
use doyak_sync_protocol::{ChangeVersion, ConflictRecord, DeviceToken, ErrorCode, Mutation, Op};
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use uuid::Uuid;

pub use pull::PullSummary;
pub use push::PushSummary;
pub use snapshot::{Snapshot, SnapshotRecord};

/// The actor of the writes sync makes. No counselor typed these changes, so
/// none of them is audited as a counselor's (sync writes no audit rows).
pub(crate) const SYNC_ACTOR: &str = "sync";

/// The `meta` key saying the device token is kept outside the caseload.
/// `meta` key of the device binding (see [`Store::device_binding`]).
const DEVICE_BINDING: &str = "device_binding";
const TOKEN_KEPT: &str = "device_token_kept";

/// Where the device token is.
#[derive(Debug)]
pub enum StoredToken {
    /// In the encrypted caseload (no OS keyring took it).
    Caseload(DeviceToken),
    /// Outside the caseload, in the OS keyring under the device id.
    Elsewhere,
}

/// Where this desk stands with the server. The device token is not here: it
/// is read only through [`Store::sync_credentials`], so a `SyncState` can be
/// shown, logged or sent to the page without leaking it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncState {
    /// The change-log position after the last pull page applied.
    pub cursor: ChangeVersion,
    pub server_url: Option<String>,
    /// Whether a device token is stored (the device is enrolled).
    pub enrolled: bool,
    pub last_push_at: Option<DateTime<Utc>>,
    pub last_pull_at: Option<DateTime<Utc>>,
}

/// A mutation the server refused for good. Its outbox row is gone (a refusal
/// never wedges the queue); this is what the counselor is shown instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRejection {
    pub mutation_id: Uuid,
    pub seq: u64,
    pub entity: wire::EntityKind,
    pub entity_id: Uuid,
    /// insert, update, delete or append.
    pub op: String,
    pub code: ErrorCode,
    /// The server's Korean message; it names no values.
    pub message: String,
    /// When the desk learned of it.
    pub at: DateTime<Utc>,
    /// Whether what it sent was kept, so it can be sent again after a fix
    /// ([`Store::retry_rejection`]); refusals recorded before schema 4 were
    /// kept without it.
    pub kept: bool,
}

impl Store {
    /// The id this device gave itself when the caseload was created; its
    /// outbox rows and clock stamps are under it.
    pub fn device_id(&self) -> Result<Uuid> {
        let text: String = self
            .conn
            .query_row("SELECT device_id FROM device", [], |r| r.get(0))?;
        Uuid::parse_str(&text).map_err(|_| StoreError::Corrupt {
            reason: "device.device_id".into(),
        })
    }

    /// Stores the server's address and this device's token. The token is
    /// encrypted at rest with the rest of the file and never logged.
    pub fn set_sync_credentials(&mut self, server_url: &str, token: &DeviceToken) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE sync_state SET server_url = ?1, device_token = ?2",
            (server_url, token.expose_secret()),
        )?;
        tx.execute("DELETE FROM meta WHERE key = ?1", [TOKEN_KEPT])?;
        tx.commit()?;
        Ok(())
    }

    /// Stores the server's address and notes that the device token is kept
    /// outside the caseload (the OS keyring); a token the caseload held is
    /// removed.
    pub fn set_sync_credentials_elsewhere(&mut self, server_url: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE sync_state SET server_url = ?1, device_token = NULL",
            [server_url],
        )?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, 'elsewhere') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [TOKEN_KEPT],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Where this caseload was when it was enrolled: a fingerprint of the
    /// machine and the file's path (the app makes it, `Store` only keeps
    /// it). `None` before enrollment.
    pub fn device_binding(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                [DEVICE_BINDING],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Keeps where this caseload is now as where it was enrolled.
    pub fn set_device_binding(&mut self, binding: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (DEVICE_BINDING, binding),
        )?;
        Ok(())
    }

    /// Makes this caseload a new device before it enrolls: the new id, and
    /// every unsent change renumbered 1, 2, … under it in the order it was
    /// made (the server expects a new device's first push at 1), nothing
    /// dropped; the old token and server are forgotten and `binding` is
    /// kept (see [`Store::device_binding`]). One transaction.
    pub fn become_new_device(&mut self, device_id: Uuid, binding: &str) -> Result<()> {
        let device = device_id.to_string();
        let tx = self.conn.transaction()?;
        let old: Vec<(i64, String)> = {
            let mut stmt = tx.prepare("SELECT seq, hlc FROM outbox ORDER BY seq")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        // Out of the way first (negative), then 1..=n: no number is ever
        // held by two rows, whatever order SQLite visits them in. Each
        // row's clock stamp keeps its time and names the new device (the
        // server checks a stamp is the pushing device's).
        tx.execute("UPDATE outbox SET seq = -seq", [])?;
        {
            let mut renumber =
                tx.prepare("UPDATE outbox SET seq = ?1, device_id = ?2, hlc = ?3 WHERE seq = ?4")?;
            for (i, (seq, hlc)) in old.iter().enumerate() {
                let mut stamp: doyak_domain::HlcStamp =
                    hlc.parse().map_err(|_| StoreError::Corrupt {
                        reason: "outbox.hlc".into(),
                    })?;
                stamp.device = device.clone();
                renumber.execute((i as i64 + 1, &device, stamp.to_string(), -seq))?;
            }
        }
        let last_hlc: String = tx.query_row("SELECT last_hlc FROM device", [], |r| r.get(0))?;
        let mut stamp: doyak_domain::HlcStamp =
            last_hlc.parse().map_err(|_| StoreError::Corrupt {
                reason: "device.last_hlc".into(),
            })?;
        stamp.device = device.clone();
        tx.execute(
            "UPDATE device SET device_id = ?1, next_seq = ?2, last_hlc = ?3",
            (&device, old.len() as i64 + 1, stamp.to_string()),
        )?;
        tx.execute(
            "UPDATE sync_state SET server_url = NULL, device_token = NULL",
            [],
        )?;
        tx.execute("DELETE FROM meta WHERE key = ?1", [TOKEN_KEPT])?;
        // The new device's access log on the server starts empty: the whole
        // chain goes again under it.
        tx.execute(
            "DELETE FROM meta WHERE key = ?1",
            [crate::access_log::ACCESS_LOG_ACKNOWLEDGED],
        )?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (DEVICE_BINDING, binding),
        )?;
        tx.commit()?;
        self.caseload.device_id = device;
        Ok(())
    }

    /// The server's address and where the device token is, once enrolled.
    pub fn sync_login(&self) -> Result<Option<(String, StoredToken)>> {
        if let Some((url, token)) = self.sync_credentials()? {
            return Ok(Some((url, StoredToken::Caseload(token))));
        }
        let url: Option<String> =
            self.conn
                .query_row("SELECT server_url FROM sync_state", [], |r| r.get(0))?;
        Ok(match (url, self.token_kept_elsewhere()?) {
            (Some(url), true) => Some((url, StoredToken::Elsewhere)),
            _ => None,
        })
    }

    fn token_kept_elsewhere(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM meta WHERE key = ?1",
                [TOKEN_KEPT],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The server's address and the device token, once both are stored in
    /// the caseload.
    pub fn sync_credentials(&self) -> Result<Option<(String, DeviceToken)>> {
        let row: (Option<String>, Option<String>) =
            self.conn
                .query_row("SELECT server_url, device_token FROM sync_state", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        let (Some(url), Some(token)) = row else {
            return Ok(None);
        };
        // The error names the column only, never the value.
        let token = DeviceToken::parse(&token).map_err(|_| StoreError::Corrupt {
            reason: "sync_state.device_token".into(),
        })?;
        Ok(Some((url, token)))
    }

    pub fn sync_state(&self) -> Result<SyncState> {
        let elsewhere = self.token_kept_elsewhere()?;
        let (cursor, server_url, enrolled, push, pull): (
            i64,
            Option<String>,
            bool,
            Option<String>,
            Option<String>,
        ) = self.conn.query_row(
            "SELECT cursor, server_url, device_token IS NOT NULL, last_push_at, last_pull_at FROM sync_state",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        Ok(SyncState {
            cursor: ChangeVersion(cursor as u64),
            server_url,
            enrolled: enrolled || elsewhere,
            last_push_at: push.as_deref().map(timestamp).transpose()?,
            last_pull_at: pull.as_deref().map(timestamp).transpose()?,
        })
    }

    /// The oldest pending changes, at most `limit`, in sequence order, as
    /// the mutations a push sends.
    pub fn outbox_batch(&self, limit: usize) -> Result<Vec<Mutation>> {
        self.outbox_batch_after(0, limit)
    }

    /// The next batch behind one still in flight: the oldest pending
    /// changes numbered above `after` (the last one sent).
    pub fn outbox_batch_after(&self, after: u64, limit: usize) -> Result<Vec<Mutation>> {
        self.outbox_entries_after(after, limit)?
            .into_iter()
            .map(to_mutation)
            .collect()
    }

    /// How many changes wait to be sent (the same tally as
    /// [`Store::pending_changes`]).
    pub fn pending_count(&self) -> Result<u64> {
        self.pending_changes()
    }

    /// Conflicts no counselor has resolved yet, oldest first.
    pub fn open_conflicts(&self) -> Result<Vec<ConflictRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT record FROM conflict WHERE resolved = 0 ORDER BY conflict_id",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|text| crate::query::decode(&text?, "conflict"))
            .collect()
    }

    /// The open conflicts of one record, for its page.
    pub fn open_conflicts_of(&self, record_id: Id) -> Result<Vec<ConflictRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT record FROM conflict INDEXED BY conflict_open
              WHERE entity_id = ?1 AND resolved = 0 ORDER BY conflict_id",
        )?;
        let rows = stmt.query_map([record_id.to_string()], |r| r.get::<_, String>(0))?;
        rows.map(|text| crate::query::decode(&text?, "conflict"))
            .collect()
    }

    /// Every mutation the server refused, in the order they were made.
    /// Removes a refusal the counselor has read and dealt with; `false` if
    /// there is none with that mutation id.
    pub fn dismiss_rejection(&mut self, mutation_id: Uuid) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM sync_rejection WHERE mutation_id = ?1",
            [mutation_id.to_string()],
        )?;
        Ok(n > 0)
    }

    pub fn rejections(&self) -> Result<Vec<SyncRejection>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT mutation_id, seq, entity, entity_id, op, code, message, at, fields <> ''
               FROM sync_rejection ORDER BY at, seq",
        )?;
        type Row = (
            String,
            i64,
            String,
            String,
            String,
            String,
            String,
            String,
            bool,
        );
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?;
        let corrupt = || StoreError::Corrupt {
            reason: "sync_rejection".into(),
        };
        rows.map(|row| {
            let (mutation_id, seq, entity, entity_id, op, code, message, at, kept): Row = row?;
            Ok(SyncRejection {
                mutation_id: Uuid::parse_str(&mutation_id).map_err(|_| corrupt())?,
                seq: seq as u64,
                entity: wire::EntityKind::from_wire(&entity),
                entity_id: Uuid::parse_str(&entity_id).map_err(|_| corrupt())?,
                op,
                code: ErrorCode::from_wire(&code),
                message,
                at: timestamp(&at)?,
                kept,
            })
        })
        .collect()
    }
}

fn timestamp(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt {
            reason: "sync timestamp".into(),
        })
}

/// One outbox row as the wire mutation it stands for.
fn to_mutation(entry: OutboxEntry) -> Result<Mutation> {
    let corrupt = |what: &str| StoreError::Corrupt {
        reason: format!("outbox {} {what}", entry.seq),
    };
    let uuid = |text: &str, what: &str| Uuid::parse_str(text).map_err(|_| corrupt(what));
    let op = decode_op(&entry.op, &entry.fields, "outbox.fields")?.ok_or_else(|| corrupt("op"))?;
    Ok(Mutation {
        mutation_id: uuid(&entry.mutation_id, "mutation_id")?,
        seq: u64::try_from(entry.seq).map_err(|_| corrupt("seq"))?,
        entity: wire::EntityKind::from_wire(&entry.entity),
        entity_id: uuid(&entry.entity_id, "entity_id")?,
        op,
        hlc: entry.hlc.parse().map_err(|_| corrupt("hlc"))?,
        schema_version: u32::try_from(entry.schema_version)
            .map_err(|_| corrupt("schema_version"))?,
        resolves: crate::query::decode(&entry.resolves, "outbox.resolves")?,
    })
}

/// An operation from its stored name and fields (an outbox row's, or a
/// refused one's); `None` for a name this build does not write.
fn decode_op(op: &str, fields: &str, what: &str) -> Result<Option<Op>> {
    Ok(Some(match op {
        "insert" => Op::Insert {
            record: decode_object(fields, what)?,
        },
        "update" => Op::Update {
            fields: crate::query::decode(fields, what)?,
        },
        "delete" => Op::Delete,
        "append" => Op::Append {
            record: decode_object(fields, what)?,
        },
        _ => return Ok(None),
    }))
}

/// An operation's fields as an outbox row stores them: the record of an
/// insert or append, the edits of an update, `{}` for a delete.
fn op_fields(op: &Op) -> Result<String> {
    let text = match op {
        Op::Insert { record } | Op::Append { record } => serde_json::to_string(record),
        Op::Update { fields } => serde_json::to_string(fields),
        Op::Delete => Ok("{}".to_owned()),
    };
    text.map_err(|source| StoreError::Decode {
        what: "sync_rejection.fields".into(),
        source,
    })
}

/// The desk's kind for a wire kind; `None` for a kind this build does not know.
fn domain_kind(kind: &wire::EntityKind) -> Option<EntityKind> {
    Some(match kind {
        wire::EntityKind::Center => EntityKind::Center,
        wire::EntityKind::Counselor => EntityKind::Counselor,
        wire::EntityKind::Partner => EntityKind::Partner,
        wire::EntityKind::Seeker => EntityKind::Seeker,
        wire::EntityKind::Company => EntityKind::Company,
        wire::EntityKind::Vacancy => EntityKind::Vacancy,
        wire::EntityKind::Referral => EntityKind::Referral,
        wire::EntityKind::Application => EntityKind::Application,
        wire::EntityKind::Event => EntityKind::Event,
        wire::EntityKind::Unknown(_) => return None,
    })
}

/// What the store needs to know of a shared record it did not build from a
/// typed value (a pulled one, one merged with a server value).
#[derive(Debug)]
pub(crate) struct Shared {
    pub id: Id,
    pub center_id: Id,
    pub name: String,
}

/// Reads `data` as the domain type of `kind`: the proof that a record can be
/// stored (every read of it will decode) and the source of its name.
pub(crate) fn read_shared(
    kind: EntityKind,
    data: &Map<String, Value>,
) -> std::result::Result<Shared, serde_json::Error> {
    fn read<R: SharedRecord>(
        data: &Map<String, Value>,
    ) -> std::result::Result<Shared, serde_json::Error> {
        // Read in place: the map is not copied into a `Value` first.
        let record = R::deserialize(data)?;
        Ok(Shared {
            id: record.id(),
            center_id: record.center_id(),
            name: record.search_name().to_owned(),
        })
    }
    match kind {
        EntityKind::Center => read::<Center>(data),
        EntityKind::Counselor => read::<Counselor>(data),
        EntityKind::Partner => read::<PartnerInstitution>(data),
        EntityKind::Seeker => read::<JobSeeker>(data),
        EntityKind::Company => read::<Company>(data),
        EntityKind::Vacancy => read::<Vacancy>(data),
        EntityKind::Referral => read::<Referral>(data),
        EntityKind::Application => read::<Application>(data),
        EntityKind::Event => Err(serde::de::Error::custom("an event is not a shared record")),
    }
}

/// Which fields of a record have unsent local edits.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Pending {
    Nothing,
    Fields(BTreeSet<String>),
    /// The record's insert itself is unsent: every field is local.
    Whole,
}

impl Pending {
    pub fn names(&self, field: &str) -> bool {
        match self {
            Pending::Nothing => false,
            Pending::Fields(fields) => fields.contains(field),
            Pending::Whole => true,
        }
    }
}

/// The unsent edits of one record, read through the `outbox_entity` index.
pub(crate) fn pending_edits(w: &Writer<'_>, kind: EntityKind, id: Id) -> Result<Pending> {
    let mut stmt = w
        .tx()
        .prepare_cached("SELECT op, fields FROM outbox WHERE entity_id = ?1 AND entity = ?2")?;
    let mut rows = stmt.query((id.to_string(), kind.as_str()))?;
    let mut fields = BTreeSet::new();
    while let Some(row) = rows.next()? {
        let op: String = row.get(0)?;
        match op.as_str() {
            "insert" => return Ok(Pending::Whole),
            "update" => {
                let text: String = row.get(1)?;
                fields.extend(
                    decode_object(&text, "outbox.fields")?
                        .into_iter()
                        .map(|(f, _)| f),
                );
            }
            _ => {}
        }
    }
    Ok(if fields.is_empty() {
        Pending::Nothing
    } else {
        Pending::Fields(fields)
    })
}

/// Stores a conflict or brings it up to date. A conflict resolved here or by
/// the server stays resolved when an older copy of it arrives later.
pub(crate) fn upsert_conflict(w: &Writer<'_>, conflict: &ConflictRecord) -> Result<()> {
    let record = serde_json::to_string(conflict).map_err(|source| StoreError::Decode {
        what: "conflict".into(),
        source,
    })?;
    w.tx()
        .prepare_cached(
            "INSERT INTO conflict (conflict_id, entity, entity_id, field, record, resolved, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (conflict_id) DO UPDATE SET
                record = CASE
                    WHEN json_extract(excluded.record, '$.resolution') IS NULL
                     AND json_extract(conflict.record, '$.resolution') IS NOT NULL
                    THEN conflict.record ELSE excluded.record END,
                resolved = max(conflict.resolved, excluded.resolved)",
        )?
        .execute((
            conflict.conflict_id.to_string(),
            conflict.entity.as_str(),
            conflict.entity_id.to_string(),
            &conflict.field,
            record,
            conflict.resolution.is_some(),
            w.now_text(),
        ))?;
    Ok(())
}
