//! 백업과 복원 as use cases: a backup of the open caseload into a new file
//! (kept in the audit and access logs: it is every person's data leaving
//! the file), and a restore that says in Korean why it will not replace a
//! caseload (another center's backup, a damaged one, newer work in the
//! caseload) and where it kept the one it replaced.

use crate::access::korean_time;
use crate::clock::Clock;
use crate::{AppError, Desk};
use doyak_domain::EntityKind;
use doyak_store::backup::{self, CaseloadFacts, RestoreCheck};
use doyak_store::{Access, Passphrase};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What a backup or a restore holds, for the counselor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub path: PathBuf,
    pub center_name: String,
    pub records: i64,
    /// The latest record change in it.
    pub last_change: String,
    /// Where the replaced caseload was kept (restore only).
    pub kept: Option<PathBuf>,
}

fn summary(path: &Path, facts: &CaseloadFacts, kept: Option<PathBuf>) -> BackupSummary {
    BackupSummary {
        path: path.to_owned(),
        center_name: facts.center_name.clone(),
        records: facts.records,
        last_change: facts.last_change.clone().unwrap_or_default(),
        kept,
    }
}

impl Desk {
    /// Writes an encrypted backup of the open caseload to `dest` (a new
    /// file; `passphrase` is the caseload's, so the backup opens with it).
    pub fn backup_to(
        &mut self,
        dest: &Path,
        passphrase: &Passphrase,
    ) -> Result<BackupSummary, AppError> {
        // The passphrase must be the caseload's: a backup under another
        // would open with nothing the counselor knows.
        backup::inspect(self.store.path(), passphrase)?;
        let facts = self.store.backup_to(dest, passphrase)?;
        self.log_backup(facts.records)?;
        Ok(summary(dest, &facts, None))
    }

    /// A backup made, in the audit and access logs.
    pub(crate) fn log_backup(&mut self, records: i64) -> Result<(), AppError> {
        let ctx = self.write_ctx();
        let detail = format!("백업 {records}건");
        self.store.write(&ctx, |w| {
            w.audit("export", EntityKind::Center, None, &detail)
        })?;
        self.log_access(Access::Export, EntityKind::Center, None, "backup")?;
        Ok(())
    }
}

/// 복원 on the desk: the backup file, the caseload's passphrase (the backup
/// must open with it), and whether to replace work the backup lacks.
/// The passphrase is wiped from memory when the form is dropped and never
/// shown by `Debug`.
#[derive(Clone, PartialEq, Eq, Deserialize, TS)]
pub struct RestoreForm {
    pub path: String,
    pub passphrase: String,
    pub replace_newer: bool,
}

impl std::fmt::Debug for RestoreForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RestoreForm(***)")
    }
}

impl Drop for RestoreForm {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.passphrase.zeroize();
    }
}

/// What a restore on the desk did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreOutcome {
    pub records: u32,
    /// The latest record change in the backup ("" when none).
    pub last_change: String,
    /// Where the replaced caseload was kept.
    pub kept: String,
    /// The desk was enrolled for sync: it must enroll again before its
    /// next sync (the restored file reuses sequence numbers).
    pub enrolled: bool,
}

impl RestoreOutcome {
    pub fn new(done: &BackupSummary, enrolled: bool) -> RestoreOutcome {
        RestoreOutcome {
            records: u32::try_from(done.records).unwrap_or(u32::MAX),
            last_change: korean_time(&done.last_change),
            kept: done
                .kept
                .as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            enrolled,
        }
    }
}

/// Where a restore is asked from: the refusal says how to insist in the
/// words of that place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreFrom {
    /// `doyak restore` (insist with `--replace-newer`).
    CommandLine,
    /// 가져오기·내보내기 → 복원 (insist with its check box).
    Desk,
}

impl RestoreFrom {
    fn insist(self) -> &'static str {
        match self {
            RestoreFrom::CommandLine => "그래도 복원하려면 --replace-newer를 붙여 다시 실행하세요",
            RestoreFrom::Desk => {
                "그래도 복원하려면 '백업에 없는 작업을 잃어도 복원합니다'를 선택하고 다시 복원하세요"
            }
        }
    }
}

/// The Korean refusal of a backup older than the caseload's work.
fn refused(check: RestoreCheck, from: RestoreFrom) -> AppError {
    let RestoreCheck::TargetNewer {
        target: now,
        backup,
    } = check;
    AppError::Invalid(vec![doyak_domain::FieldError::new(
        "backup",
        "백업",
        format!(
            "{}지금 사례관리 파일에 백업에 없는 작업이 있습니다 (마지막 변경 {} / 백업 {}, 변경 순번 {} / 백업 {}). 복원하면 그 작업을 잃습니다. {} (지금 파일은 옆에 보관됩니다).",
            if now.device_id == backup.device_id {
                ""
            } else {
                "이 백업은 다른 노트북(기기)의 사례관리 파일입니다. "
            },
            korean_time(&now.last_change.unwrap_or_default()),
            korean_time(&backup.last_change.unwrap_or_default()),
            now.next_seq,
            backup.next_seq,
            from.insist(),
        ),
    )])
}

/// Whether `backup` could replace the caseload at `target`, touching no
/// file (the caseload may be open): the refusals of [`restore_caseload`]
/// ahead of time, so a desk closes its caseload only for a restore that
/// will be done. Returns what the backup holds.
///
/// The passphrase is tried on the caseload first, so a wrong one is
/// `store.wrong_passphrase` (the desk counts it as a wrong try at unlock)
/// only when it is wrong for the caseload; a backup that does not open with
/// the caseload's passphrase (made before a 암호 변경, or another file's)
/// is refused under the file field.
pub fn check_restore(
    backup_file: &Path,
    target: &Path,
    passphrase: &Passphrase,
    replace_newer: bool,
    from: RestoreFrom,
) -> Result<BackupSummary, AppError> {
    if target.exists() {
        backup::inspect(target, passphrase)?;
    }
    match backup::check_restore(backup_file, target, passphrase, replace_newer) {
        Ok(Ok((facts, _))) => Ok(summary(backup_file, &facts, None)),
        Ok(Err(check)) => Err(refused(check, from)),
        // The caseload opened above: what fails now is the backup's, and
        // is said under its field.
        Err(e) => {
            use doyak_store::StoreError;
            let text = match &e {
                StoreError::WrongPassphrase => "이 백업은 지금 사례관리 암호로 열리지 않습니다. 암호를 바꾸기 전에 만든 백업이거나 다른 사례관리 파일의 백업입니다. 지금 암호와 같은 암호의 백업만 복원할 수 있습니다.".to_owned(),
                StoreError::NotFound { .. } => {
                    format!("백업 파일이 없습니다: {}", backup_file.display())
                }
                StoreError::Corrupt { .. } => "백업 파일이 손상되었거나 도약 백업이 아닙니다. 다른 백업을 고르세요.".to_owned(),
                StoreError::ForeignCenter => "다른 센터의 사례관리 파일 백업입니다. 이 센터의 백업만 복원할 수 있습니다.".to_owned(),
                _ => return Err(e.into()),
            };
            Err(AppError::Invalid(vec![doyak_domain::FieldError::new(
                "backup", "백업", text,
            )]))
        }
    }
}

/// Restores `backup` over the caseload at `target` (no desk may have it
/// open). A caseload with work the backup lacks is replaced only with
/// `replace_newer`; otherwise the Korean refusal says what would be lost.
pub fn restore_caseload(
    backup_file: &Path,
    target: &Path,
    passphrase: &Passphrase,
    replace_newer: bool,
    from: RestoreFrom,
    clock: &dyn Clock,
) -> Result<BackupSummary, AppError> {
    let stamp = clock.now().format("%Y%m%dT%H%M%S").to_string();
    match backup::restore(backup_file, target, passphrase, replace_newer, &stamp)? {
        Ok(done) => Ok(summary(target, &done.facts, done.kept)),
        Err(check) => Err(refused(check, from)),
    }
}

impl Desk {
    /// A restore done, in the restored caseload's audit log: which backup
    /// (by name) and where the replaced file was kept.
    pub fn log_restore(&mut self, from: &Path, done: &BackupSummary) -> Result<(), AppError> {
        let name = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let detail = format!(
            "복원 {} (기록 {}건){}",
            name(from),
            done.records,
            done.kept
                .as_deref()
                .map(|k| format!(", 바꾸기 전 파일 {}", name(k)))
                .unwrap_or_default()
        );
        // An import of the whole caseload, for the audit log's fixed list
        // of actions; the detail says it was a restore.
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.audit("import", EntityKind::Center, None, &detail)
        })?;
        Ok(())
    }
}

impl Desk {
    /// The desk's 백업 button: a backup into `dir` under a new name
    /// (`도약-백업-<day>.doyak`, `(2)`… when taken again that day).
    pub fn backup_into(
        &mut self,
        dir: &Path,
        passphrase: &str,
    ) -> Result<crate::ExportOutcome, AppError> {
        let pass = Passphrase::new(passphrase.to_owned());
        let stem = format!("도약-백업-{}", self.clock.today());
        let dest = (1..)
            .map(|n| {
                dir.join(if n == 1 {
                    format!("{stem}.doyak")
                } else {
                    format!("{stem} ({n}).doyak")
                })
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| dir.join(format!("{stem}.doyak")));
        let done = self.backup_to(&dest, &pass)?;
        Ok(crate::ExportOutcome {
            path: done.path.display().to_string(),
            count: u32::try_from(done.records).unwrap_or(u32::MAX),
        })
    }
}
