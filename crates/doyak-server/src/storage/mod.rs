//! Where the server keeps its rows: PostgreSQL in production, an embedded
//! SQLite file when nothing is configured. Both implement [`Tx`], the small
//! set of reads and writes the sync service needs inside one transaction;
//! the merge and the bookkeeping above it are written once
//! ([`crate::service`]) and one conformance suite (tests/conformance/)
//! holds both backends to the same answers.

mod postgres;
mod sqlite;

pub use self::postgres::PostgresStorage;
pub use self::sqlite::SqliteStorage;

use crate::error::StorageError;
use crate::model::{
    AccessLogRow, CenterRow, CountRow, DestroyedRow, DeviceRow, KeptFiguresRow, RecordRow,
    TransferRow, ViewerRow, ViewerScope,
};
use chrono::{DateTime, Utc};
use uuid::Uuid;

pub type Result<T> = std::result::Result<T, StorageError>;

/// The reads and writes of one transaction. Everything a push does happens
/// through one `Tx`, so either all of it commits or none of it does.
pub trait Tx: DestructionTx + AccessLogTx {
    fn center(&mut self, id: Uuid) -> Result<Option<CenterRow>>;
    /// Creates the center or renames it.
    fn put_center(&mut self, row: &CenterRow) -> Result<()>;
    fn centers(&mut self) -> Result<Vec<CenterRow>>;

    fn viewer(&mut self, id: Uuid) -> Result<Option<ViewerRow>>;
    fn viewer_by_token(&mut self, token_hash: &str) -> Result<Option<ViewerRow>>;
    /// Creates or replaces a viewer row.
    fn put_viewer(&mut self, row: &ViewerRow) -> Result<()>;
    /// Every viewer, oldest first.
    fn viewers(&mut self) -> Result<Vec<ViewerRow>>;
    /// Takes the center's write lock until the transaction ends: pushes to
    /// one center are applied one after the other, so a record read during a
    /// push is not changed by another push before this one commits, and the
    /// change-log versions commit in the order they were handed out.
    fn lock_center(&mut self, id: Uuid) -> Result<()>;
    /// The last change-log version handed out for a center (0 for none or
    /// no such center): it moves whenever anything of the center changes.
    fn change_version(&mut self, center: Uuid) -> Result<u64>;
    /// The figure totals kept for a center (see `crate::kept`), if any.
    fn kept_figures(&mut self, center: Uuid) -> Result<Option<KeptFiguresRow>>;
    /// Keeps a center's figure totals in place of what was kept.
    fn keep_figures(&mut self, row: &KeptFiguresRow) -> Result<()>;
    /// The next change-log version of a center whose lock this transaction holds.
    fn next_change_version(&mut self, center: Uuid) -> Result<u64>;

    fn device(&mut self, id: Uuid) -> Result<Option<DeviceRow>>;
    fn device_by_token(&mut self, token_hash: &str) -> Result<Option<DeviceRow>>;
    /// Creates or replaces a device row.
    fn put_device(&mut self, row: &DeviceRow) -> Result<()>;
    fn devices(&mut self, center: Option<Uuid>) -> Result<Vec<DeviceRow>>;

    fn put_enrollment_code(
        &mut self,
        code_hash: &str,
        center: Uuid,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()>;
    /// Marks an unused, unexpired code used and returns its center; `None`
    /// when there is no such code. A code works once.
    fn take_enrollment_code(&mut self, code_hash: &str, now: DateTime<Utc>)
    -> Result<Option<Uuid>>;

    /// The stored result (mutation id, result JSON) of a device's mutation.
    fn stored_result(&mut self, device: Uuid, seq: u64) -> Result<Option<(Uuid, String)>>;
    /// Stores a result. `holds` is the record whose field values it holds
    /// (`server_kept`, conflicts), so that a destruction finds it.
    fn put_result(
        &mut self,
        device: Uuid,
        seq: u64,
        mutation: Uuid,
        holds: Option<Uuid>,
        result: &str,
    ) -> Result<()>;
    /// For each of these mutation ids already settled (by any device), one
    /// of its stored results: (mutation id, device, result JSON).
    fn results_of_mutations(&mut self, mutations: &[Uuid]) -> Result<Vec<(Uuid, Uuid, String)>>;

    /// A record of any center: the caller decides what the device may see.
    fn record(&mut self, entity: &str, id: Uuid) -> Result<Option<RecordRow>>;
    /// Creates or replaces a record row.
    fn put_record(&mut self, row: &RecordRow) -> Result<()>;
    /// Gives existing records another center (a transfer). No other write
    /// changes a record's center: an upsert keeps the stored one.
    fn move_record(&mut self, entity: &str, id: Uuid, to: Uuid) -> Result<()>;
    /// Every record of a center (convergence checks and tests).
    fn records(&mut self, center: Uuid) -> Result<Vec<RecordRow>>;

    /// A change-log entry holding the change itself (the protocol's `Change`
    /// as JSON) of the record `entity_id`.
    fn put_change(&mut self, center: Uuid, version: u64, entity_id: Uuid, body: &str)
    -> Result<()>;
    /// A change-log entry that only names an appended event: its change is
    /// read back from the event's record row, written in the same
    /// transaction.
    fn put_event_change(&mut self, center: Uuid, version: u64, event: Uuid) -> Result<()>;
    /// Up to `limit` change-log entries of a center after `after`, in order.
    fn changes_after(&mut self, center: Uuid, after: u64, limit: u32)
    -> Result<Vec<(u64, Logged)>>;

    // ---- Batched forms: a push settles up to 500 mutations, and on
    // PostgreSQL one round trip per statement per mutation was the cost
    // (4,500 rows/s). The defaults loop; PostgreSQL sends one statement each.

    /// The records with these (entity, id) keys that exist, of any center.
    fn records_by_key(&mut self, keys: &[(&str, Uuid)]) -> Result<Vec<RecordRow>> {
        let mut rows = Vec::with_capacity(keys.len());
        for (entity, id) in keys {
            if let Some(row) = self.record(entity, *id)? {
                rows.push(row);
            }
        }
        Ok(rows)
    }

    /// Writes the records of a push: `created` ones this transaction read
    /// as absent (under its center's lock), `changed` ones it read as
    /// present. Knowing which is which lets PostgreSQL copy the new rows in
    /// and update the others, instead of an upsert per row.
    fn put_records(&mut self, created: &[RecordRow], changed: &[RecordRow]) -> Result<()> {
        created
            .iter()
            .chain(changed)
            .try_for_each(|row| self.put_record(row))
    }

    /// Hands out `n` consecutive change-log versions of a center whose lock
    /// this transaction holds; returns the first.
    fn reserve_change_versions(&mut self, center: Uuid, n: u64) -> Result<u64> {
        let mut first = 0;
        for i in 0..n {
            let v = self.next_change_version(center)?;
            if i == 0 {
                first = v;
            }
        }
        Ok(first)
    }

    fn put_changes(&mut self, center: Uuid, changes: &[(u64, ToLog)]) -> Result<()> {
        changes.iter().try_for_each(|(version, entry)| match entry {
            ToLog::Change { entity_id, body } => {
                self.put_change(center, *version, *entity_id, body)
            }
            ToLog::Event(id) => self.put_event_change(center, *version, *id),
        })
    }

    fn put_results(&mut self, device: Uuid, results: &[StoredResult]) -> Result<()> {
        results
            .iter()
            .try_for_each(|r| self.put_result(device, r.seq, r.mutation, r.holds, &r.result))
    }

    /// A conflict record: its center and its JSON.
    fn conflict(&mut self, id: Uuid) -> Result<Option<(Uuid, String)>>;
    fn put_conflict(&mut self, center: Uuid, id: Uuid, resolved: bool, body: &str) -> Result<()>;
    fn open_conflicts(&mut self, center: Uuid) -> Result<Vec<String>>;

    /// Logs a seeker's move from one center to another.
    fn put_transfer(&mut self, row: &TransferRow) -> Result<()>;
    /// The moves of one seeker, or of every seeker, oldest first.
    fn transfers(&mut self, seeker: Option<Uuid>) -> Result<Vec<TransferRow>>;

    /// The national counts, per center and month, between two months
    /// (`YYYY-MM`, inclusive).
    fn counts(&mut self, from: &str, to: &str) -> Result<Vec<CountRow>>;
}

/// What a destruction (개인정보 파기, [`crate::destroy`]) reads and
/// rewrites besides records and conflicts. Part of every [`Tx`]; a trait of
/// its own so that each backend keeps these statements in a file of their
/// own. Ids are of any center: a record's id names it alone, and a
/// transferred seeker's old entries are scrubbed with the rest.
pub trait DestructionTx {
    /// Which of `ids` name a destroyed record.
    fn destroyed_among(&mut self, ids: &[Uuid]) -> Result<Vec<Uuid>>;
    /// Lists destroyed records; one listed already stays as it was.
    fn put_destroyed(&mut self, rows: &[DestroyedRow]) -> Result<()>;
    /// The change-log entries whose body is about one of `ids`, as
    /// (center, version, body), in center and version order.
    fn logged_changes_of(&mut self, ids: &[Uuid]) -> Result<Vec<(Uuid, u64, String)>>;
    /// Replaces the bodies of these entries (center, version, body).
    fn rewrite_changes(&mut self, entries: &[(Uuid, u64, String)]) -> Result<()>;
    /// The stored results holding values of one of `ids`, as (device, seq,
    /// record, result), in device and sequence order.
    fn results_holding(&mut self, ids: &[Uuid]) -> Result<Vec<(Uuid, u64, Uuid, String)>>;
    /// Replaces these stored results (device, seq, result).
    fn rewrite_results(&mut self, results: &[(Uuid, u64, String)]) -> Result<()>;
}

/// The access log (개인정보 접근 기록, [`crate::access_log`]) of a
/// center's devices: appended by uploads, read by the center's
/// administrator. Part of every [`Tx`], in a file of its own per backend.
pub trait AccessLogTx {
    /// The last entry held for a device of a center: (seq, hash).
    fn access_log_head(&mut self, center: Uuid, device: Uuid) -> Result<Option<(u64, String)>>;
    /// The hashes held for a device's entries `from..=to`, by seq.
    fn access_log_hashes(
        &mut self,
        center: Uuid,
        device: Uuid,
        from: u64,
        to: u64,
    ) -> Result<Vec<(u64, String)>>;
    /// Appends entries (none held yet under their keys).
    fn put_access_log(&mut self, rows: &[AccessLogRow]) -> Result<()>;
    /// One page of a center's entries, newest first (`at`, then device
    /// and seq, all descending), and how many match in all.
    fn access_log_page(
        &mut self,
        center: Uuid,
        filter: &AccessLogFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<AccessLogRow>, u64)>;
    /// Every entry of a center, by device then seq: what the chain check reads.
    fn access_log_all(&mut self, center: Uuid) -> Result<Vec<AccessLogRow>>;
}

/// What the administrator narrows the access log to; `None` is any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessLogFilter {
    pub device: Option<Uuid>,
    pub action: Option<String>,
    pub entity_id: Option<String>,
    /// `at >= from` (the desk's text form, UTC).
    pub from: Option<String>,
    /// `at < until`.
    pub until: Option<String>,
}

/// A stored result to write (see [`Tx::put_result`]).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredResult {
    pub seq: u64,
    pub mutation: Uuid,
    /// The record whose field values the result holds, if any.
    pub holds: Option<Uuid>,
    /// The protocol's `MutationResult` as JSON.
    pub result: String,
}

/// A change-log entry to write (see [`Tx::put_change`] and
/// [`Tx::put_event_change`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ToLog {
    Change { entity_id: Uuid, body: String },
    Event(Uuid),
}

/// A change-log entry as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Logged {
    /// The change as written: the protocol's `Change` as JSON.
    Change(String),
    /// An appended event: its id and its record row's stored fields, from
    /// which [`crate::model::event_change`] rebuilds the change.
    Event { id: Uuid, fields: String },
}

/// A change-log row as both backends read it: its body, or its event's id
/// with the event's stored fields (absent only if the row was lost).
fn logged(body: Option<String>, event: Option<String>, fields: Option<String>) -> Result<Logged> {
    let corrupt = || StorageError::Corrupt { what: "change_log" };
    match (body, event, fields) {
        (Some(body), None, _) => Ok(Logged::Change(body)),
        (None, Some(id), Some(fields)) => Ok(Logged::Event {
            id: Uuid::parse_str(&id).map_err(|_| corrupt())?,
            fields,
        }),
        _ => Err(corrupt()),
    }
}

/// A viewer's scope from its row's `region` and `center_id` (both NULL:
/// national). One place for both backends.
fn viewer_scope(region: Option<String>, center: Option<String>) -> Result<ViewerScope> {
    match (region, center) {
        (None, None) => Ok(ViewerScope::National),
        (Some(region), None) => Ok(ViewerScope::Region(region)),
        (None, Some(center)) => Uuid::parse_str(&center)
            .map(ViewerScope::Center)
            .map_err(|_| StorageError::Corrupt {
                what: "viewer.center_id",
            }),
        (Some(_), Some(_)) => Err(StorageError::Corrupt { what: "viewer" }),
    }
}

/// The `region` and `center_id` columns of a viewer's scope.
fn viewer_columns(scope: &ViewerScope) -> (Option<&str>, Option<String>) {
    match scope {
        ViewerScope::National => (None, None),
        ViewerScope::Region(r) => (Some(r.as_str()), None),
        ViewerScope::Center(c) => (None, Some(c.to_string())),
    }
}

/// The configured backend.
#[derive(Debug)]
pub enum Storage {
    Sqlite(SqliteStorage),
    Postgres(PostgresStorage),
}

impl Storage {
    /// Runs `f` in one transaction, committed when it returns `Ok`.
    pub fn transact<T, E: From<StorageError>>(
        &self,
        f: impl FnOnce(&mut dyn Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        match self {
            Storage::Sqlite(s) => s.transact(f),
            Storage::Postgres(s) => s.transact(f),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Storage::Sqlite(_) => "sqlite",
            Storage::Postgres(_) => "postgres",
        }
    }
}
