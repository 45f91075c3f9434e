//! 자동 백업: once a day, a backup of the open caseload into the folder the
//! counselor picked, keeping the last N there (older automatic backups in
//! that folder are deleted; nothing else in it is touched). The shell calls
//! [`Desk::run_auto_backup`] now and then while the caseload is open, with
//! the passphrase it holds until the desk locks; the use case decides
//! whether one is due (none yet today), writes it through the same checked
//! backup as 백업, and keeps how it went for the screen.

use crate::{AppError, Desk};
use doyak_domain::FieldError;
use doyak_store::{Passphrase, Setting};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The prefix of every automatic backup's file name; only these are pruned.
const PREFIX: &str = "도약-자동백업-";
const EXT: &str = ".doyak";

/// How many a folder may keep.
pub const AUTO_BACKUP_KEEP: std::ops::RangeInclusive<u32> = 1..=90;

/// The setting as stored (JSON in `meta.auto_backup`) and as the screen
/// edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AutoBackupForm {
    /// The folder; empty turns automatic backups off.
    pub folder: String,
    pub keep: u32,
}

/// The setting, and how the last automatic backup went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AutoBackupView {
    pub form: AutoBackupForm,
    /// The last one made on this desk: when and where, or why it failed.
    pub last: Option<String>,
    pub last_failed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct LastRun {
    at: String,
    ok: bool,
    text: String,
}

/// Where today's automatic backup goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueBackup {
    pub dest: PathBuf,
    folder: PathBuf,
    keep: u32,
    prefix: String,
}

/// Copies the caseload at `caseload` into `due.dest` (the folder made if
/// missing) through a connection of its own: no desk is held meanwhile.
/// Returns the number of records copied.
pub fn make_backup(
    caseload: &Path,
    due: &DueBackup,
    passphrase: &Passphrase,
) -> Result<i64, AppError> {
    std::fs::create_dir_all(&due.folder).map_err(|source| AppError::FileWrite {
        path: due.folder.clone(),
        source,
    })?;
    Ok(doyak_store::backup::backup_file(caseload, &due.dest, passphrase)?.records)
}

/// What a run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AutoBackupRun {
    /// Off, or today's is there already.
    NotDue,
    Made {
        path: PathBuf,
        pruned: Vec<PathBuf>,
    },
}

/// This laptop's part of the names: `도약-자동백업-<device>-`, the first 8
/// hex digits of its device id, so two desks sharing a folder (a share, one
/// USB drive) neither take the other's file for today's nor prune it.
fn prefix_of(device: &str) -> String {
    let short: String = device.chars().filter(|c| *c != '-').take(8).collect();
    format!("{PREFIX}{short}-")
}

fn automatic_backups(folder: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix) && n.ends_with(EXT))
                })
                .collect()
        })
        .unwrap_or_default();
    // The day is in the name (YYYY-MM-DD): by name is by age.
    found.sort();
    found
}

impl Desk {
    pub fn auto_backup(&self) -> Result<AutoBackupView, AppError> {
        let form = self
            .store
            .setting(Setting::AutoBackup)?
            .and_then(|t| serde_json::from_str::<AutoBackupForm>(&t).ok())
            .unwrap_or(AutoBackupForm {
                folder: String::new(),
                keep: 7,
            });
        let last: Option<LastRun> = self
            .store
            .setting(Setting::AutoBackupLast)?
            .and_then(|t| serde_json::from_str(&t).ok());
        Ok(AutoBackupView {
            form,
            last_failed: last.as_ref().is_some_and(|l| !l.ok),
            last: last.map(|l| format!("{} {}", l.at, l.text)),
        })
    }

    /// Sets the folder (an absolute path; created if missing) and how many
    /// to keep; an empty folder turns it off.
    pub fn set_auto_backup(&mut self, form: &AutoBackupForm) -> Result<AutoBackupView, AppError> {
        let folder = form.folder.trim();
        let mut errors = Vec::new();
        if !folder.is_empty() && !Path::new(folder).is_absolute() {
            errors.push(FieldError::new(
                "folder",
                "백업 폴더",
                "백업 폴더는 전체 경로로 입력해 주세요 (예: /media/usb/도약백업).",
            ));
        }
        if !AUTO_BACKUP_KEEP.contains(&form.keep) {
            errors.push(FieldError::new(
                "keep",
                "보관 개수",
                format!(
                    "보관 개수는 {}~{}개로 입력해 주세요.",
                    AUTO_BACKUP_KEEP.start(),
                    AUTO_BACKUP_KEEP.end()
                ),
            ));
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let stored = AutoBackupForm {
            folder: folder.to_owned(),
            keep: form.keep,
        };
        let text = serde_json::to_string(&stored).map_err(AppError::Json)?;
        let detail = if stored.folder.is_empty() {
            "자동 백업 끔".to_owned()
        } else {
            format!("자동 백업 {}개 보관", stored.keep)
        };
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.set_setting(Setting::AutoBackup, &text)?;
            w.audit("update", doyak_domain::EntityKind::Center, None, &detail)
        })?;
        self.auto_backup()
    }

    /// Today's automatic backup, when one is due (a folder is set and
    /// today's file is not in it).
    pub fn auto_backup_due(&self) -> Result<Option<DueBackup>, AppError> {
        let view = self.auto_backup()?;
        if view.form.folder.is_empty() {
            return Ok(None);
        }
        let folder = PathBuf::from(&view.form.folder);
        let prefix = prefix_of(&self.store.device_id()?.to_string());
        let dest = folder.join(format!("{prefix}{}{EXT}", self.clock.today()));
        Ok((!dest.exists()).then_some(DueBackup {
            dest,
            folder,
            keep: view.form.keep,
            prefix,
        }))
    }

    /// After [`make_backup`]: logs a backup made, deletes the oldest
    /// automatic backups beyond the number kept, and keeps how it went for
    /// the screen. A failure is also the error.
    pub fn finish_auto_backup(
        &mut self,
        due: DueBackup,
        made: Result<i64, AppError>,
    ) -> Result<AutoBackupRun, AppError> {
        let at = crate::access::korean_time(&self.clock.now().to_rfc3339());
        let result = match made {
            Ok(records) => {
                self.log_backup(records)?;
                let all = automatic_backups(&due.folder, &due.prefix);
                let excess = all.len().saturating_sub(due.keep as usize);
                let mut pruned = Vec::new();
                for old in all.into_iter().take(excess) {
                    if std::fs::remove_file(&old).is_ok() {
                        pruned.push(old);
                    }
                }
                Ok(AutoBackupRun::Made {
                    path: due.dest.clone(),
                    pruned,
                })
            }
            Err(e) => Err(e),
        };
        let last = LastRun {
            at,
            ok: result.is_ok(),
            text: match &result {
                Ok(_) => format!("백업함: {}", due.dest.display()),
                Err(e) => format!("실패: {e}"),
            },
        };
        let text = serde_json::to_string(&last).map_err(AppError::Json)?;
        self.store.set_setting(Setting::AutoBackupLast, &text)?;
        result
    }

    /// All three steps with the desk held throughout (the shell instead
    /// lets go of the desk while the copy is made).
    pub fn run_auto_backup(&mut self, passphrase: &Passphrase) -> Result<AutoBackupRun, AppError> {
        let Some(due) = self.auto_backup_due()? else {
            return Ok(AutoBackupRun::NotDue);
        };
        let made = make_backup(self.store.path(), &due, passphrase);
        self.finish_auto_backup(due, made)
    }
}
