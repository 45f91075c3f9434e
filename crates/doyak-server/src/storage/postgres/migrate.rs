//! The PostgreSQL schema: migrations applied in order, once, under a lock.

use super::{corrupt, text};
use crate::error::StorageError;
use crate::storage::Result;
use chrono::Utc;
use postgres::Client;

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`; `schema_migrations`
/// holds a row for each one applied.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/postgres_0001.sql"),
    include_str!("../../../migrations/postgres_0002.sql"),
    include_str!("../../../migrations/postgres_0003.sql"),
    include_str!("../../../migrations/postgres_0004.sql"),
    include_str!("../../../migrations/postgres_0005.sql"),
    include_str!("../../../migrations/postgres_0006.sql"),
    include_str!("../../../migrations/postgres_0007.sql"),
    include_str!("../../../migrations/postgres_0008.sql"),
    include_str!("../../../migrations/postgres_0009.sql"),
];

/// The advisory lock two servers starting at once take before migrating
/// ("doyakmig" in ASCII; advisory locks are per database).
const MIGRATION_LOCK: i64 = 0x646f_7961_6b6d_6967;

/// Applies the pending migrations in one transaction, under an advisory lock
/// so that two servers starting at once do not both apply them.
pub(super) fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, applied_at TEXT)",
    )?;
    let current: Option<i32> = tx
        .query_one("SELECT max(version) FROM schema_migrations", &[])?
        .try_get(0)?;
    let current = usize::try_from(current.unwrap_or(0))
        .map_err(|_| corrupt("schema_migrations.version")())?;
    if current > MIGRATIONS.len() {
        return Err(StorageError::Setup(format!(
            "데이터베이스 스키마({current})가 이 서버({})보다 새 버전입니다",
            MIGRATIONS.len()
        )));
    }
    let now = text(Utc::now());
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current) {
        tx.batch_execute(sql)?;
        let version =
            i32::try_from(index + 1).map_err(|_| corrupt("schema_migrations.version")())?;
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
            &[&version, &now],
        )?;
    }
    tx.commit()?;
    Ok(())
}
