//! This desk's settings, kept in the caseload's `meta` table: the
//! automatic backup's folder and how its last run went, and the two
//! settings a desk kept for itself before they became the center's
//! (`doyak_domain::center_settings`), read once to carry them over. Named
//! by [`Setting`], never by a caller's string, and stored as text the app
//! layer reads and checks.

use crate::error::Result;
use crate::{Store, Writer};
use doyak_domain::EventBody;
use doyak_domain::center_settings::SettingVersion;
use rusqlite::OptionalExtension;

/// A setting this desk keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// Minutes without input before the desk locks itself, as a desk kept
    /// it before the center set it for every desk.
    LegacyAutoLockMinutes,
    /// The retention rule (JSON `RetentionRule`), likewise.
    LegacyRetentionRule,
    /// The automatic backup: its folder and how many copies it keeps
    /// (JSON, doyak_app::backup).
    AutoBackup,
    /// How the last automatic backup went (JSON).
    AutoBackupLast,
}

impl Setting {
    fn key(self) -> &'static str {
        match self {
            Setting::LegacyAutoLockMinutes => "auto_lock_minutes",
            Setting::LegacyRetentionRule => "retention_rule",
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

    /// Removes a setting in the write's transaction (one carried over to
    /// the center's settings).
    pub fn clear_setting(&mut self, setting: Setting) -> Result<()> {
        self.tx
            .execute("DELETE FROM meta WHERE key = ?1", [setting.key()])?;
        Ok(())
    }
}

impl Store {
    /// Every version of the center's settings this desk holds (the
    /// `center_setting` events about the center), for
    /// `doyak_domain::center_settings::resolve`.
    pub fn center_setting_versions(&self) -> Result<Vec<SettingVersion>> {
        let mut out = Vec::new();
        for event in self.events_of(self.center_id())? {
            if let EventBody::CenterSetting { setting, replaces } = event.body {
                out.push(SettingVersion {
                    id: event.id,
                    recorded_at: event.recorded_at,
                    replaces,
                    setting,
                    author_id: event.author_id,
                });
            }
        }
        Ok(out)
    }
}
