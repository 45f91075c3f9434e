//! The caseload on disk. One encrypted SQLite file (SQLCipher) per center's
//! caseload on a counselor's laptop; the only crate in Doyak that writes SQL.
//!
//! Every write goes through [`Store::write`], one transaction that also appends
//! the sync outbox rows and the audit log, so a change and its record of
//! having happened can never be separated.

mod error;
mod migrate;
mod open;
mod query;
mod write;

pub use error::{Result, StoreError};
pub use migrate::{MIGRATIONS, SCHEMA_VERSION};
pub use open::{Caseload, Passphrase};
pub use query::{AuditEntry, ListOrder, OutboxEntry, Page, SeekerFilter};
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

    /// The schema version of the open file (equal to [`SCHEMA_VERSION`] once open).
    pub fn schema_version(&self) -> Result<i64> {
        migrate::current_version(&self.conn)
    }
}

/// Test support: build a database as an earlier release left it.
#[doc(hidden)]
pub mod testing {
    pub use crate::migrate::migrate_to;
    pub use crate::open::raw_connection;
}
