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
    (
        "0004_rejection_fields",
        include_str!("../migrations/0004_rejection_fields.sql"),
    ),
    (
        "0005_seeker_identity",
        include_str!("../migrations/0005_seeker_identity.sql"),
    ),
    ("0006_draft", include_str!("../migrations/0006_draft.sql")),
    (
        "0007_iap_pending",
        include_str!("../migrations/0007_iap_pending.sql"),
    ),
    (
        "0008_closed_case_index",
        include_str!("../migrations/0008_closed_case_index.sql"),
    ),
    (
        "0009_resume_file",
        include_str!("../migrations/0009_resume_file.sql"),
    ),
    (
        "0010_action_pending",
        include_str!("../migrations/0010_action_pending.sql"),
    ),
    (
        "0011_seeker_live_status",
        include_str!("../migrations/0011_seeker_live_status.sql"),
    ),
    (
        "0012_kpi_fact",
        include_str!("../migrations/0012_kpi_fact.sql"),
    ),
    (
        "0013_kpi_sum",
        include_str!("../migrations/0013_kpi_sum.sql"),
    ),
    (
        "0014_access_log",
        include_str!("../migrations/0014_access_log.sql"),
    ),
];

/// The file's schema version: the number of migrations applied.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The record schema stamped on every outbox row: the shape of the records
/// a mutation carries, which the server checks against the range it applies
/// (`doyak-server` `records::MAX_SCHEMA`). Not the file's schema: a
/// migration of the desk's own bookkeeping (0004) must not make every server
/// refuse this desk's changes as too new. Raised with a change of record
/// shape, together with the server's range. 4: 알선 step events
/// (`application_step`), placements with hours and their 알선, retention
/// checks with method and reason for leaving. An optional field that a
/// server of the same range stores as it is and an older desk ignores (an
/// event's `recorded_at`) does not raise it: raising it would
/// make every server not yet upgraded refuse this desk's changes.
/// 5: the IAP's goal (`iap_goal`), 상담 and 기관연계 activities and
/// 이행 점검 (done / partly / missed with its reason), and Doyak's own
/// questionnaire as a diagnosis with its answers: new variants that a
/// desk of schema 4 cannot decode. It holds them in `sync_held`, and the
/// upgraded desk applies them when it opens (`Store::apply_held`). A desk
/// of schema 4 that edits an activity another desk checked writes a
/// version without the check (it does not know the field).
/// 6: the 이력서 컨설팅 event (`resume_consulting`), a new variant a desk of
/// schema 5 holds in `sync_held` until it is upgraded.
/// 7: the company side — a diagnosis with its evidence per cause and the
/// visit questionnaire, plan actions with owner, due date and status (new
/// action kinds), and `company_facts`: new variants and values a desk of
/// schema 6 holds in `sync_held` until it is upgraded.
/// 8: center settings (`center_setting` events: the idle time and the
/// retention period by kind of ended case), a new variant a desk of schema
/// 7 holds in `sync_held` until it is upgraded (and until then keeps its
/// own idle time and retention rule).
pub const RECORD_SCHEMA: i64 = 8;

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
