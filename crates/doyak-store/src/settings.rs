//! This desk's settings, kept in the caseload's `meta` table beside the
//! retention rule: the idle time before the desk locks itself and the
//! automatic backup's folder. Named by [`Setting`], never by a caller's
//! string, and stored as text the app layer reads and checks.

use crate::error::Result;
use crate::{Store, Writer};
use rusqlite::OptionalExtension;

/// A setting this desk keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Minutes without input before the desk locks itself.
    AutoLockMinutes,
    /// The automatic backup: its folder and how many copies it keeps
    /// (JSON, doyak_app::backup).
    AutoBackup,
    /// How the last automatic backup went (JSON).
    AutoBackupLast,
}

impl Setting {
    fn key(self) -> &'static str {
        match self {
            Setting::AutoLockMinutes => "auto_lock_minutes",
            Setting::AutoBackup => "auto_backup",
            Setting::AutoBackupLast => "auto_backup_last",
        }
    }
}

impl Store {
    /// The setting's stored text, if it was ever set.
    pub fn setting(&self, setting: Setting) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = ?1",
                [setting.key()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Sets a setting outside any record write (how the last automatic
    /// backup went: nothing to audit).
    pub fn set_setting(&mut self, setting: Setting, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
            [setting.key(), value],
        )?;
        Ok(())
    }
}

impl Writer<'_> {
    /// Sets a setting in the write's transaction, so the setting and its
    /// audit entry are kept or lost together.
    pub fn set_setting(&mut self, setting: Setting, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
            [setting.key(), value],
        )?;
        Ok(())
    }
}
