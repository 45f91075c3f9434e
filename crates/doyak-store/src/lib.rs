//! The caseload on disk. One encrypted SQLite file (SQLCipher) per center's
//! caseload on a counselor's laptop; the only crate in Doyak that writes SQL.
//!
//! Every write goes through [`Store::write`], one transaction that also appends
//! the sync outbox rows and the audit log, so a change and its record of
//! having happened can never be separated. Changes that come from the server
//! (`sync`) go through it too, so they keep every derived table and index in
//! step, but they queue nothing and are audited as no counselor's.

mod access_log;
mod applications;
pub mod backup;
mod companies;
mod counselors;
mod destroy;
mod draft;
mod error;
mod kpi;
mod migrate;
mod name_index;
mod open;
mod query;
mod rekey;
mod resume_file;
mod settings;
mod sync;
mod today;
mod write;

pub use access_log::{Access, AccessEntry, AccessLogCheck, GENESIS};
pub use applications::ClosedCase;
pub use companies::{CompanyFilter, VacancyFilter};
pub use destroy::{CaseFile, EndedCase};
pub use draft::Draft;
pub use error::{Result, StoreError};
pub use kpi::{KpiCompany, KpiEvent, KpiReferral, KpiSeeker, KpiSum, KpiVacancy};
pub use migrate::{MIGRATIONS, RECORD_SCHEMA, SCHEMA_VERSION};
pub use open::{Caseload, Passphrase};
pub use query::{AuditEntry, ListOrder, OutboxEntry, Page, SeekerFilter};
pub use rekey::{RekeyStep, rekey_path};
pub use resume_file::{NewResumeFile, ResumeFileMeta};
pub use settings::Setting;
pub use sync::{
    PullSummary, PushSummary, Retried, Snapshot, SnapshotRecord, StoredToken, SyncRejection,
    SyncState,
};
pub use today::{FollowUp, OverdueAction, OverdueIap, Placed};
pub use write::{Actor, UpdateOutcome, WriteContext, Writer};

use doyak_domain::Id;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// An open caseload. Not `Sync`: the desk wraps it in a mutex and runs it off
/// the UI thread.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    caseload: Caseload,
    /// Built on the first name search; see `name_index`.
    name_index: std::cell::RefCell<Option<name_index::NameIndex>>,
    /// Commits through this connection that changed each kind of record.
    changes: std::cell::RefCell<std::collections::HashMap<doyak_domain::EntityKind, u64>>,
    /// Commits through this connection that stored an event of each type.
    event_changes: std::cell::RefCell<std::collections::HashMap<&'static str, u64>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("caseload", &self.caseload)
            .finish()
    }
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn caseload(&self) -> &Caseload {
        &self.caseload
    }

    pub fn center_id(&self) -> Id {
        self.caseload.center_id
    }

    /// Reads every page and checks the file's structure (`PRAGMA
    /// quick_check`): seconds at 100 000 seekers, so it is a command
    /// (`doyak check`), not part of opening.
    pub fn verify(&self) -> Result<()> {
        let damaged = || StoreError::Corrupt {
            reason: "무결성 검사 실패".into(),
        };
        let quick: String = self
            .conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|_| damaged())?;
        if quick == "ok" {
            Ok(())
        } else {
            Err(damaged())
        }
    }

    /// A number that changes whenever a record of one of `kinds` may have
    /// changed — a commit through this connection that touched the kind, or
    /// any commit through another connection to the file (SQLite's
    /// `data_version`) — so a caller can cache what it derived from them.
    pub fn changes(&self, kinds: &[doyak_domain::EntityKind]) -> Result<u64> {
        let own: u64 = {
            let changes = self.changes.borrow();
            kinds.iter().filter_map(|k| changes.get(k)).sum()
        };
        self.with_others(own)
    }

    /// As [`Store::changes`], for the events of some types only (성과
    /// keeps what it read of placements while sessions are written).
    pub fn event_changes(&self, types: &[&str]) -> Result<u64> {
        let own: u64 = {
            let changes = self.event_changes.borrow();
            types.iter().filter_map(|t| changes.get(t)).sum()
        };
        self.with_others(own)
    }

    fn with_others(&self, own: u64) -> Result<u64> {
        let others: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok(own.wrapping_add((others as u64) << 32))
    }

    /// The schema version of the open file (equal to [`SCHEMA_VERSION`] once open).
    pub fn schema_version(&self) -> Result<i64> {
        migrate::current_version(&self.conn)
    }
}

/// Test and benchmark support: build a database as an earlier release left
/// it, and measure the floor a write cannot go below.
#[doc(hidden)]
pub mod testing {
    pub use crate::migrate::migrate_to;
    pub use crate::open::raw_connection;

    /// Writes `(id, payload)` rows into a fresh file with the caseload's
    /// settings (key, WAL, synchronous FULL) but nothing else: one table, no
    /// index beyond the key, no outbox or audit row. The benchmark's peer for
    /// "what does writing these bytes cost on this machine".
    pub fn insert_floor(
        path: &std::path::Path,
        passphrase: &crate::Passphrase,
        rows: &[(String, String)],
    ) -> crate::Result<std::time::Duration> {
        let mut conn = raw_connection(path, passphrase, true)?;
        crate::open::configure(&conn)?;
        conn.execute_batch("CREATE TABLE floor (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT")?;
        let start = std::time::Instant::now();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut stmt = tx.prepare("INSERT INTO floor (id, data) VALUES (?1, ?2)")?;
            for (id, data) in rows {
                stmt.execute((id, data))?;
            }
        }
        tx.commit()?;
        Ok(start.elapsed())
    }
}
