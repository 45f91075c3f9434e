//! 개인정보 접근 기록 (migration 0014): an append-only log of who looked at,
//! exported, printed or destroyed whose data on this desk, each entry
//! chained to the one before it by SHA-256, and the check that finds the
//! first entry that does not fit the chain.
//!
//! The hash covers every column but itself, each field length-prefixed so
//! no two different entries can print the same text (a missing entity id
//! is a length no text has): `sha256(prev_hash ‖ seq ‖ at ‖ device_id ‖
//! actor ‖ action ‖ entity ‖ entity_id ‖ detail)`. Entries cut off the end
//! leave a shorter chain that still verifies: that is caught only against
//! a head kept elsewhere: the server, which holds every entry sync sent
//! (`doyak_sync_protocol::AccessLogEntry`, whose hash rule this is).

use crate::Store;
use crate::error::{Result, StoreError};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What was done with a person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// A person's page opened.
    View,
    /// A file of people's data written (bulk export).
    Export,
    /// A report of a person made (PDF).
    Print,
    /// A person's data destroyed.
    Destroy,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::View => "view",
            Access::Export => "export",
            Access::Print => "print",
            Access::Destroy => "destroy",
        }
    }

    pub fn label_ko(action: &str) -> &'static str {
        match action {
            "view" => "열람",
            "export" => "내보내기",
            "print" => "출력",
            "destroy" => "파기",
            _ => "기타",
        }
    }
}

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub seq: i64,
    pub at: String,
    pub device_id: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// What [`Store::verify_access_log`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessLogCheck {
    pub entries: u64,
    /// The first entry that breaks the chain, and how; `None` when whole.
    pub broken: Option<(i64, &'static str)>,
    /// The last hash: what a server that holds it can compare with.
    pub head: String,
}

/// The hash rule is the sync protocol's, so the server computes the same
/// hash from the same entry when the log reaches it.
fn entry_hash(e: &AccessEntry) -> String {
    doyak_sync_protocol::AccessLogEntry::from(e.clone()).computed_hash()
}

/// An entry on its way to the server: every column, as stored.
impl From<AccessEntry> for doyak_sync_protocol::AccessLogEntry {
    fn from(e: AccessEntry) -> Self {
        let AccessEntry {
            seq,
            at,
            device_id,
            actor,
            action,
            entity,
            entity_id,
            detail,
            prev_hash,
            hash,
        } = e;
        doyak_sync_protocol::AccessLogEntry {
            // Numbers start at 1 (the column is the table's key); a
            // negative one slipped into the file hashes apart and fails
            // the server's check, as it should.
            seq: u64::try_from(seq).unwrap_or(0),
            at,
            device_id,
            actor,
            action,
            entity,
            entity_id,
            detail,
            prev_hash,
            hash,
        }
    }
}

/// `meta` key: the last entry the server said it holds, for this device's
/// identity (enrolling again starts over from 0: the new device's chain on
/// the server starts empty).
pub(crate) const ACCESS_LOG_ACKNOWLEDGED: &str = "access_log_acknowledged";

const COLUMNS: &str =
    "seq, at, device_id, actor, action, entity, entity_id, detail, prev_hash, hash";

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<AccessEntry> {
    Ok(AccessEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        device_id: r.get(2)?,
        actor: r.get(3)?,
        action: r.get(4)?,
        entity: r.get(5)?,
        entity_id: r.get(6)?,
        detail: r.get(7)?,
        prev_hash: r.get(8)?,
        hash: r.get(9)?,
    })
}

impl Store {
    /// Appends one entry, chained to the last. Its own immediate
    /// transaction, so two connections never chain to the same entry.
    /// `detail` names what (a report, a file's kind and format), never a
    /// person's value.
    pub fn log_access(
        &self,
        at: chrono::DateTime<chrono::Utc>,
        actor: &str,
        access: Access,
        entity: doyak_domain::EntityKind,
        entity_id: Option<doyak_domain::Id>,
        detail: &str,
    ) -> Result<()> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        let last: Option<(i64, String)> = tx
            .query_row(
                "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })?;
        let device_id: String = tx.query_row("SELECT device_id FROM device", [], |r| r.get(0))?;
        let (seq, prev_hash) = match last {
            Some((seq, hash)) => (seq + 1, hash),
            None => (1, GENESIS.to_owned()),
        };
        let mut entry = AccessEntry {
            seq,
            at: at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            device_id,
            actor: actor.to_owned(),
            action: access.as_str().to_owned(),
            entity: entity.as_str().to_owned(),
            entity_id: entity_id.map(|i| i.to_string()),
            detail: detail.to_owned(),
            prev_hash,
            hash: String::new(),
        };
        entry.hash = entry_hash(&entry);
        tx.prepare_cached(&format!(
            "INSERT INTO access_log ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        ))?
        .execute(rusqlite::params![
            entry.seq,
            entry.at,
            entry.device_id,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.detail,
            entry.prev_hash,
            entry.hash,
        ])?;
        tx.commit()?;
        Ok(())
    }

    /// The last entry, if any (to tell a repeated page view from a new one).
    pub fn last_access(&self) -> Result<Option<AccessEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM access_log ORDER BY seq DESC LIMIT 1"
        ))?;
        let mut rows = stmt.query_map([], read)?;
        Ok(rows.next().transpose()?)
    }

    /// Entries newest first: all, or those about one record; at most `limit`.
    pub fn access_entries(
        &self,
        entity_id: Option<doyak_domain::Id>,
        limit: usize,
    ) -> Result<Vec<AccessEntry>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = match entity_id {
            Some(id) => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM access_log WHERE entity_id = ?1 ORDER BY seq DESC LIMIT ?2"
                ))?;
                stmt.query_map(rusqlite::params![id.to_string(), limit], read)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
            None => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM access_log ORDER BY seq DESC LIMIT ?1"
                ))?;
                stmt.query_map([limit], read)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
        };
        Ok(rows)
    }

    /// Walks the whole log in order: sequence numbers from 1 with no gap,
    /// each `prev_hash` the hash before it, each hash what its entry
    /// hashes to. Stops at the first entry that fails.
    pub fn verify_access_log(&self) -> Result<AccessLogCheck> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM access_log ORDER BY seq"))?;
        let rows = stmt.query_map([], read)?;
        let mut prev = GENESIS.to_owned();
        let mut entries = 0;
        for (expected, entry) in (1..).zip(rows) {
            let entry = entry.map_err(StoreError::from)?;
            entries += 1;
            let fault = if entry.seq != expected {
                Some("순번이 비었거나 끼어든 기록이 있습니다")
            } else if entry.prev_hash != prev {
                Some("앞 기록과 연결이 끊겼습니다")
            } else if entry_hash(&entry) != entry.hash {
                Some("기록 내용이 바뀌었습니다")
            } else {
                None
            };
            if let Some(fault) = fault {
                return Ok(AccessLogCheck {
                    entries,
                    broken: Some((entry.seq, fault)),
                    head: prev,
                });
            }
            prev = entry.hash;
        }
        Ok(AccessLogCheck {
            entries,
            broken: None,
            head: prev,
        })
    }

    /// Up to `limit` entries after `after`, oldest first: the next batch
    /// for the server.
    pub fn access_entries_after(&self, after: u64, limit: usize) -> Result<Vec<AccessEntry>> {
        let after = i64::try_from(after).unwrap_or(i64::MAX);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM access_log WHERE seq > ?1 ORDER BY seq LIMIT ?2"
        ))?;
        let rows = stmt
            .query_map([after, limit], read)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The last entry the server acknowledged (0: none yet).
    pub fn access_log_acknowledged(&self) -> Result<u64> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                [ACCESS_LOG_ACKNOWLEDGED],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })?;
        match value {
            None => Ok(0),
            Some(v) => v.parse().map_err(|_| StoreError::Corrupt {
                reason: "meta.access_log_acknowledged".into(),
            }),
        }
    }

    /// Remembers what the server said it holds. Its answer is the truth:
    /// a server restored from a backup may hold less than it once said,
    /// and the desk then sends from there again.
    pub fn set_access_log_acknowledged(&self, seq: u64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (ACCESS_LOG_ACKNOWLEDGED, seq.to_string()),
        )?;
        Ok(())
    }
}
