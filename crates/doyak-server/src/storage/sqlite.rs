//! The embedded backend: one SQLite file (or memory, for tests and the
//! simulation), one connection behind a mutex. Writes are serial anyway in
//! SQLite; `BEGIN IMMEDIATE` takes the write lock up front, which is the
//! center lock [`Tx::lock_center`] asks for (a coarser one).

use super::{Logged, Result, Tx, logged};
use crate::error::StorageError;
use crate::model::{
    CenterRow, CountRow, DeviceRow, KeptFiguresRow, RecordRow, TransferRow, ViewerRow,
    decode_fields, encode_fields,
};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::path::Path;
use std::sync::Mutex;
use uuid::Uuid;

mod access_log;
mod destroy;

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite_0001.sql"),
    include_str!("../../migrations/sqlite_0002.sql"),
    include_str!("../../migrations/sqlite_0003.sql"),
    include_str!("../../migrations/sqlite_0004.sql"),
    include_str!("../../migrations/sqlite_0005.sql"),
    include_str!("../../migrations/sqlite_0006.sql"),
    include_str!("../../migrations/sqlite_0007.sql"),
    include_str!("../../migrations/sqlite_0008.sql"),
];

#[derive(Debug)]
pub struct SqliteStorage {
    conn: Mutex<Connection>,
}

impl SqliteStorage {
    /// Opens (creating if needed) the file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStorage> {
        Self::open_keyed(path, None)
    }

    /// Opens the file encrypted with `key` (SQLCipher, as the desk's
    /// caseloads): the server's copy of every center's caseload is personal
    /// data at rest too. A wrong key is an error, and the file is untouched.
    pub fn open_keyed(path: &Path, key: Option<&str>) -> Result<SqliteStorage> {
        sqlcipher_ready();
        let conn = Connection::open(path)?;
        // SQLCipher would print its own diagnostics (a wrong key) to stderr.
        let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
        if let Some(key) = key {
            if key.is_empty() {
                return Err(StorageError::Setup("데이터 파일 키가 비어 있습니다".into()));
            }
            conn.pragma_update(None, "key", key)?;
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
                .map_err(|_| {
                    StorageError::Setup("데이터 파일 키가 맞지 않거나 파일이 손상되었습니다".into())
                })?;
        }
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;
             PRAGMA secure_delete = ON;",
        )?;
        Self::ready(conn)
    }

    /// A database in memory: the simulation's and the tests' server.
    pub fn in_memory() -> Result<SqliteStorage> {
        sqlcipher_ready();
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;")?;
        Self::ready(conn)
    }

    fn ready(mut conn: Connection) -> Result<SqliteStorage> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let current = usize::try_from(current).unwrap_or(usize::MAX);
        if current > MIGRATIONS.len() {
            return Err(StorageError::Setup(format!(
                "데이터베이스 스키마({current})가 이 서버({})보다 새 버전입니다",
                MIGRATIONS.len()
            )));
        }
        for sql in &MIGRATIONS[current..] {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", MIGRATIONS.len() as i64)?;
        tx.commit()?;
        Ok(SqliteStorage {
            conn: Mutex::new(conn),
        })
    }

    pub fn transact<T, E: From<StorageError>>(
        &self,
        f: impl FnOnce(&mut dyn Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        // A panic while the lock was held rolled its transaction back (the
        // Transaction's drop); the connection itself is still sound.
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StorageError::from)?;
        let (value, destroyed) = {
            let mut handle = SqliteTx {
                tx: &tx,
                destroyed: false,
            };
            let value = f(&mut handle)?;
            (value, handle.destroyed)
        };
        tx.commit().map_err(StorageError::from)?;
        if destroyed {
            // The pages before the destruction are still in the log: it is
            // folded into the file (whose freed space `secure_delete`
            // zeroed) and emptied. A failure leaves them to the next
            // automatic checkpoint; the destruction itself is committed.
            match conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            }) {
                Ok(0) => {}
                Ok(_) => tracing::warn!("checkpoint after a destruction was blocked by a reader"),
                Err(e) => tracing::warn!(error = %e, "checkpoint after a destruction failed"),
            }
        }
        Ok(value)
    }
}

struct SqliteTx<'a> {
    tx: &'a Transaction<'a>,
    /// A destruction was stored: the log is emptied after the commit.
    destroyed: bool,
}

const VIEWER_COLUMNS: &str =
    "viewer_id, name, region, token_hash, created_at, expires_at, revoked_at, center_id";

impl SqliteTx<'_> {
    /// The viewers for which `condition` (on `?1` = `value`) holds, oldest first.
    fn viewers_where(&mut self, condition: &str, value: &str) -> Result<Vec<ViewerRow>> {
        type Cols = (String, String, Option<String>, String, String);
        type Times = (Option<String>, Option<String>, Option<String>);
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {VIEWER_COLUMNS} FROM viewer WHERE {condition} ORDER BY created_at, viewer_id"
        ))?;
        let rows = stmt.query_map([value], |r| {
            let cols: Cols = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            let times: Times = (r.get(5)?, r.get(6)?, r.get(7)?);
            Ok((cols, times))
        })?;
        rows.map(|row| {
            let ((id, name, region, token_hash, created_at), (expires_at, revoked_at, center)) =
                row?;
            Ok(ViewerRow {
                viewer_id: uuid(&id, "viewer.viewer_id")?,
                name,
                scope: super::viewer_scope(region, center)?,
                token_hash,
                created_at: time(Some(created_at), "viewer.created_at")?
                    .ok_or_else(corrupt("viewer"))?,
                expires_at: time(expires_at, "viewer.expires_at")?,
                revoked_at: time(revoked_at, "viewer.revoked_at")?,
            })
        })
        .collect()
    }
}

fn corrupt(what: &'static str) -> impl Fn() -> StorageError {
    move || StorageError::Corrupt { what }
}

fn uuid(text: &str, what: &'static str) -> Result<Uuid> {
    Uuid::parse_str(text).map_err(|_| corrupt(what)())
}

fn time(text: Option<String>, what: &'static str) -> Result<Option<DateTime<Utc>>> {
    text.map(|t| {
        DateTime::parse_from_rfc3339(&t)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|_| corrupt(what)())
    })
    .transpose()
}

fn text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

const DEVICE_COLUMNS: &str =
    "device_id, center_id, name, token_hash, last_seq, enrolled_at, expires_at, revoked_at";

type DeviceTuple = (
    String,
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
);

fn device_row(r: DeviceTuple) -> Result<DeviceRow> {
    Ok(DeviceRow {
        device_id: uuid(&r.0, "device.device_id")?,
        center_id: uuid(&r.1, "device.center_id")?,
        name: r.2,
        token_hash: r.3,
        last_seq: u64::try_from(r.4).map_err(|_| corrupt("device.last_seq")())?,
        enrolled_at: time(Some(r.5), "device.enrolled_at")?.ok_or_else(corrupt("device"))?,
        expires_at: time(r.6, "device.expires_at")?,
        revoked_at: time(r.7, "device.revoked_at")?,
    })
}

fn read_device(r: &rusqlite::Row<'_>) -> rusqlite::Result<DeviceTuple> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

/// The record columns, in the order [`read_record`] reads them.
const RECORD_COLUMNS: &str = "entity, id, center_id, fields, deleted, metric, month";

type RecordTuple = (
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
);

fn read_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<RecordTuple> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

fn record_row(t: RecordTuple) -> Result<RecordRow> {
    let (entity, id, center, fields, deleted, metric, month) = t;
    Ok(RecordRow {
        entity,
        id: uuid(&id, "record.id")?,
        center_id: uuid(&center, "record.center_id")?,
        fields: decode_fields(&fields).ok_or_else(corrupt("record.fields"))?,
        deleted: deleted != 0,
        fact: metric.zip(month),
    })
}

impl Tx for SqliteTx<'_> {
    fn center(&mut self, id: Uuid) -> Result<Option<CenterRow>> {
        let row: Option<(String, Option<String>)> = self
            .tx
            .prepare_cached("SELECT name, region FROM center WHERE center_id = ?1")?
            .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.map(|(name, region)| CenterRow {
            center_id: id,
            name,
            region,
        }))
    }

    fn put_center(&mut self, row: &CenterRow) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO center (center_id, name, region) VALUES (?1, ?2, ?3)
                 ON CONFLICT (center_id) DO UPDATE SET name = excluded.name, region = excluded.region",
            )?
            .execute((row.center_id.to_string(), &row.name, &row.region))?;
        Ok(())
    }

    fn centers(&mut self) -> Result<Vec<CenterRow>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT center_id, name, region FROM center ORDER BY name, center_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?;
        rows.map(|row| {
            let (id, name, region) = row?;
            Ok(CenterRow {
                center_id: uuid(&id, "center.center_id")?,
                name,
                region,
            })
        })
        .collect()
    }

    fn viewer(&mut self, id: Uuid) -> Result<Option<ViewerRow>> {
        self.viewers_where("viewer_id = ?1", &id.to_string())
            .map(|mut v| v.pop())
    }

    fn viewer_by_token(&mut self, token_hash: &str) -> Result<Option<ViewerRow>> {
        self.viewers_where("token_hash = ?1", token_hash)
            .map(|mut v| v.pop())
    }

    fn put_viewer(&mut self, v: &ViewerRow) -> Result<()> {
        let (region, center) = super::viewer_columns(&v.scope);
        self.tx
            .prepare_cached(&format!(
                "INSERT OR REPLACE INTO viewer ({VIEWER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            ))?
            .execute((
                v.viewer_id.to_string(),
                &v.name,
                region,
                &v.token_hash,
                text(v.created_at),
                v.expires_at.map(text),
                v.revoked_at.map(text),
                center,
            ))?;
        Ok(())
    }

    fn viewers(&mut self) -> Result<Vec<ViewerRow>> {
        self.viewers_where("?1 = ?1", "")
    }

    fn change_version(&mut self, center: Uuid) -> Result<u64> {
        let v: Option<i64> = self
            .tx
            .prepare_cached("SELECT change_version FROM center WHERE center_id = ?1")?
            .query_row([center.to_string()], |r| r.get(0))
            .optional()?;
        u64::try_from(v.unwrap_or(0)).map_err(|_| corrupt("center.change_version")())
    }

    fn kept_figures(&mut self, center: Uuid) -> Result<Option<KeptFiguresRow>> {
        let row: Option<(i64, String, String)> = self
            .tx
            .prepare_cached(
                "SELECT change_version, today, months FROM center_figures WHERE center_id = ?1",
            )?
            .query_row([center.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        row.map(|(version, today, months)| {
            Ok(KeptFiguresRow {
                center_id: center,
                change_version: u64::try_from(version)
                    .map_err(|_| corrupt("center_figures.change_version")())?,
                today: today
                    .parse()
                    .map_err(|_| corrupt("center_figures.today")())?,
                months,
            })
        })
        .transpose()
    }

    fn keep_figures(&mut self, row: &KeptFiguresRow) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO center_figures (center_id, change_version, today, months)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((
                row.center_id.to_string(),
                signed(row.change_version),
                row.today.to_string(),
                &row.months,
            ))?;
        Ok(())
    }

    fn lock_center(&mut self, _id: Uuid) -> Result<()> {
        // BEGIN IMMEDIATE already holds the database's only write lock.
        Ok(())
    }

    fn next_change_version(&mut self, center: Uuid) -> Result<u64> {
        let v: i64 = self
            .tx
            .prepare_cached(
                "UPDATE center SET change_version = change_version + 1 WHERE center_id = ?1
                 RETURNING change_version",
            )?
            .query_row([center.to_string()], |r| r.get(0))?;
        u64::try_from(v).map_err(|_| corrupt("center.change_version")())
    }

    fn reserve_change_versions(&mut self, center: Uuid, n: u64) -> Result<u64> {
        let last: i64 = self
            .tx
            .prepare_cached(
                "UPDATE center SET change_version = change_version + ?2 WHERE center_id = ?1
                 RETURNING change_version",
            )?
            .query_row((center.to_string(), signed(n)), |r| r.get(0))?;
        let last = u64::try_from(last).map_err(|_| corrupt("center.change_version")())?;
        Ok(last + 1 - n)
    }

    fn device(&mut self, id: Uuid) -> Result<Option<DeviceRow>> {
        let row = self
            .tx
            .prepare_cached(&format!(
                "SELECT {DEVICE_COLUMNS} FROM device WHERE device_id = ?1"
            ))?
            .query_row([id.to_string()], read_device)
            .optional()?;
        row.map(device_row).transpose()
    }

    fn device_by_token(&mut self, token_hash: &str) -> Result<Option<DeviceRow>> {
        let row = self
            .tx
            .prepare_cached(&format!(
                "SELECT {DEVICE_COLUMNS} FROM device WHERE token_hash = ?1"
            ))?
            .query_row([token_hash], read_device)
            .optional()?;
        row.map(device_row).transpose()
    }

    fn put_device(&mut self, d: &DeviceRow) -> Result<()> {
        self.tx
            .prepare_cached(&format!(
                "INSERT OR REPLACE INTO device ({DEVICE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
            ))?
            .execute((
                d.device_id.to_string(),
                d.center_id.to_string(),
                &d.name,
                &d.token_hash,
                signed(d.last_seq),
                text(d.enrolled_at),
                d.expires_at.map(text),
                d.revoked_at.map(text),
            ))?;
        Ok(())
    }

    fn devices(&mut self, center: Option<Uuid>) -> Result<Vec<DeviceRow>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {DEVICE_COLUMNS} FROM device WHERE ?1 IS NULL OR center_id = ?1 ORDER BY enrolled_at, device_id"
        ))?;
        let rows = stmt.query_map([center.map(|c| c.to_string())], read_device)?;
        rows.map(|r| device_row(r?)).collect()
    }

    fn put_enrollment_code(
        &mut self,
        code_hash: &str,
        center: Uuid,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO enrollment_code (code_hash, center_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((
                code_hash,
                center.to_string(),
                text(created_at),
                text(expires_at),
            ))?;
        Ok(())
    }

    fn take_enrollment_code(
        &mut self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>> {
        let center: Option<String> = self
            .tx
            .prepare_cached(
                "UPDATE enrollment_code SET used_at = ?2
                  WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > ?2
                 RETURNING center_id",
            )?
            .query_row((code_hash, text(now)), |r| r.get(0))
            .optional()?;
        center
            .map(|c| uuid(&c, "enrollment_code.center_id"))
            .transpose()
    }

    fn stored_result(&mut self, device: Uuid, seq: u64) -> Result<Option<(Uuid, String)>> {
        let row: Option<(String, String)> = self
            .tx
            .prepare_cached(
                "SELECT mutation_id, result FROM mutation_result WHERE device_id = ?1 AND seq = ?2",
            )?
            .query_row((device.to_string(), signed(seq)), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        row.map(|(m, result)| Ok((uuid(&m, "mutation_result.mutation_id")?, result)))
            .transpose()
    }

    fn results_of_mutations(&mut self, mutations: &[Uuid]) -> Result<Vec<(Uuid, Uuid, String)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT device_id, result FROM mutation_result WHERE mutation_id = ?1 LIMIT 1",
        )?;
        let mut found = Vec::new();
        for m in mutations {
            let row: Option<(String, String)> = stmt
                .query_row([m.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((device, result)) = row {
                found.push((*m, uuid(&device, "mutation_result.device_id")?, result));
            }
        }
        Ok(found)
    }

    fn put_result(
        &mut self,
        device: Uuid,
        seq: u64,
        mutation: Uuid,
        holds: Option<Uuid>,
        result: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO mutation_result (device_id, seq, mutation_id, entity_id, result)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute((
                device.to_string(),
                signed(seq),
                mutation.to_string(),
                holds.map(|h| h.to_string()),
                result,
            ))?;
        Ok(())
    }

    fn record(&mut self, entity: &str, id: Uuid) -> Result<Option<RecordRow>> {
        let row: Option<RecordTuple> = self
            .tx
            .prepare_cached(&format!(
                "SELECT {RECORD_COLUMNS} FROM record WHERE entity = ?1 AND id = ?2"
            ))?
            .query_row((entity, id.to_string()), read_record)
            .optional()?;
        row.map(record_row).transpose()
    }

    fn put_record(&mut self, row: &RecordRow) -> Result<()> {
        let fields = encode_fields(&row.fields);
        let (metric, month) = row.fact.clone().unzip();
        self.tx
            .prepare_cached(
                "INSERT INTO record (entity, id, center_id, fields, deleted, metric, month)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (entity, id) DO UPDATE SET
                    fields = excluded.fields, deleted = excluded.deleted,
                    metric = excluded.metric, month = excluded.month",
            )?
            .execute((
                &row.entity,
                row.id.to_string(),
                row.center_id.to_string(),
                fields,
                i64::from(row.deleted),
                metric,
                month,
            ))?;
        Ok(())
    }

    fn move_record(&mut self, entity: &str, id: Uuid, to: Uuid) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE record SET center_id = ?3 WHERE entity = ?1 AND id = ?2")?
            .execute((entity, id.to_string(), to.to_string()))?;
        Ok(())
    }

    fn records(&mut self, center: Uuid) -> Result<Vec<RecordRow>> {
        // One statement: a center's figures read all of its records.
        let found: Vec<RecordTuple> = self
            .tx
            .prepare_cached(&format!(
                "SELECT {RECORD_COLUMNS} FROM record WHERE center_id = ?1 ORDER BY entity, id"
            ))?
            .query_map([center.to_string()], read_record)?
            .collect::<rusqlite::Result<_>>()?;
        found.into_iter().map(record_row).collect()
    }

    fn put_change(&mut self, center: Uuid, version: u64, entity: Uuid, body: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO change_log (center_id, version, entity_id, body) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute((center.to_string(), signed(version), entity.to_string(), body))?;
        Ok(())
    }

    fn put_event_change(&mut self, center: Uuid, version: u64, event: Uuid) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO change_log (center_id, version, event_id) VALUES (?1, ?2, ?3)",
            )?
            .execute((center.to_string(), signed(version), event.to_string()))?;
        Ok(())
    }

    fn changes_after(
        &mut self,
        center: Uuid,
        after: u64,
        limit: u32,
    ) -> Result<Vec<(u64, Logged)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT c.version, c.body, c.event_id, r.fields FROM change_log c
               LEFT JOIN record r ON r.entity = 'event' AND r.id = c.event_id
              WHERE c.center_id = ?1 AND c.version > ?2 ORDER BY c.version LIMIT ?3",
        )?;
        let rows = stmt.query_map((center.to_string(), signed(after), i64::from(limit)), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        rows.map(|r| {
            let (v, body, event, fields) = r?;
            let version = u64::try_from(v).map_err(|_| corrupt("change_log.version")())?;
            Ok((version, logged(body, event, fields)?))
        })
        .collect()
    }

    fn conflict(&mut self, id: Uuid) -> Result<Option<(Uuid, String)>> {
        let row: Option<(String, String)> = self
            .tx
            .prepare_cached("SELECT center_id, body FROM conflict WHERE conflict_id = ?1")?
            .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        row.map(|(c, body)| Ok((uuid(&c, "conflict.center_id")?, body)))
            .transpose()
    }

    fn put_conflict(&mut self, center: Uuid, id: Uuid, resolved: bool, body: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO conflict (conflict_id, center_id, resolved, body) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (conflict_id) DO UPDATE SET resolved = excluded.resolved, body = excluded.body",
            )?
            .execute((id.to_string(), center.to_string(), i64::from(resolved), body))?;
        Ok(())
    }

    fn open_conflicts(&mut self, center: Uuid) -> Result<Vec<String>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT body FROM conflict WHERE center_id = ?1 AND resolved = 0 ORDER BY conflict_id",
        )?;
        let rows = stmt.query_map([center.to_string()], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn put_transfer(&mut self, row: &TransferRow) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO transfer (transfer_id, seeker_id, from_center, to_center, at, events, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute((
                row.transfer_id.to_string(),
                row.seeker_id.to_string(),
                row.from_center.to_string(),
                row.to_center.to_string(),
                text(row.at),
                i64::try_from(row.events).unwrap_or(i64::MAX),
                &row.reason,
            ))?;
        Ok(())
    }

    fn transfers(&mut self, seeker: Option<Uuid>) -> Result<Vec<TransferRow>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT transfer_id, seeker_id, from_center, to_center, at, events, reason FROM transfer
              WHERE ?1 IS NULL OR seeker_id = ?1 ORDER BY transfer_id",
        )?;
        let rows = stmt.query_map([seeker.map(|s| s.to_string())], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        rows.map(|r| {
            let (id, seeker, from, to, at, events, reason) = r?;
            Ok(TransferRow {
                transfer_id: uuid(&id, "transfer.transfer_id")?,
                seeker_id: uuid(&seeker, "transfer.seeker_id")?,
                from_center: uuid(&from, "transfer.from_center")?,
                to_center: uuid(&to, "transfer.to_center")?,
                at: time(Some(at), "transfer.at")?.ok_or(StorageError::Corrupt {
                    what: "transfer.at",
                })?,
                events: u64::try_from(events).map_err(|_| StorageError::Corrupt {
                    what: "transfer.events",
                })?,
                reason,
            })
        })
        .collect()
    }

    fn counts(&mut self, from: &str, to: &str) -> Result<Vec<CountRow>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT center_id, month, metric, count(*) FROM record
              WHERE metric IS NOT NULL AND deleted = 0 AND month BETWEEN ?1 AND ?2
              GROUP BY metric, month, center_id ORDER BY center_id, month, metric",
        )?;
        let rows = stmt.query_map((from, to), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        rows.map(|r| {
            let (center, month, metric, n) = r?;
            Ok(CountRow {
                center_id: uuid(&center, "record.center_id")?,
                month,
                metric,
                count: u64::try_from(n).unwrap_or(0),
            })
        })
        .collect()
    }
}

/// SQLite marks itself initialized before it runs SQLCipher's set-up, outside
/// its lock, so a connection opened by another thread in that instant is
/// keyed before SQLCipher is ready and `PRAGMA key` fails. The first open of
/// the process runs alone (as in `doyak_store`'s `open.rs`).
fn sqlcipher_ready() {
    static READY: std::sync::Once = std::sync::Once::new();
    READY.call_once(|| {
        let _ = Connection::open_in_memory();
    });
}

#[cfg(test)]
mod tests;
