//! Numbered SQL migrations compiled into the binary, applied in one transaction.
//! Append-only: a released migration is never edited. A database whose schema
//! is newer than this build is refused before anything is written.

use crate::error::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

/// Every migration in order; the schema version is the number applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_caseload",
        include_str!("../migrations/0001_caseload.sql"),
    ),
    (
        "0002_application_status",
        include_str!("../migrations/0002_application_status.sql"),
    ),
    ("0003_sync", include_str!("../migrations/0003_sync.sql")),
];

/// The schema version this build writes, and stamps on every outbox row.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn current_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the database to [`SCHEMA_VERSION`]; refuses a newer one unchanged.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Applies migrations up to `target` (tests use this to build databases as an
/// earlier release left them).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let found = current_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have migrated.
    let found = current_version(&tx)?;
    for (_, sql) in MIGRATIONS
        .iter()
        .take(target as usize)
        .skip(found.max(0) as usize)
    {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}
