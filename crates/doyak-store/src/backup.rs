//! Backups and restores of a caseload. A backup is a consistent copy made
//! while the desk runs (SQLite's online backup API, page by page from the
//! open connection), encrypted like the caseload with its passphrase, and
//! checked before it is reported done. A restore checks the backup first
//! (it opens, is whole, is a caseload of the same center), refuses to
//! replace a caseload holding anything the backup does not unless told to,
//! keeps the replaced file beside it, and swaps the files by rename.
//!
//! A restored file reuses sequence numbers the server has seen: its next
//! sync is refused until it enrolls again (`sync.copied_file`), and then
//! its unsent changes go out under the new identity without duplicates
//! (see ARCHITECTURE.md, "Joining, and one identity per file").

use crate::Store;
use crate::error::{Result, StoreError};
use crate::open::{Passphrase, keyed_connection};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// What a caseload file holds, as far as a restore needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadFacts {
    pub center_id: String,
    pub center_name: String,
    pub device_id: String,
    /// The schema the file is at.
    pub schema: i64,
    /// The next outbox sequence number: every local change moves it.
    pub next_seq: i64,
    /// The last change-log position pulled.
    pub cursor: i64,
    /// The latest change of any record (`updated_at`), if any.
    pub last_change: Option<String>,
    /// Live seekers, companies and vacancies.
    pub records: i64,
    /// Local-only things a restore would lose: access-log entries and
    /// résumé files (never in the outbox).
    pub access_entries: i64,
    pub resume_files: i64,
}

impl CaseloadFacts {
    /// Whether `self` holds something `other` does not: a local change
    /// made after it (sequence), changes pulled after it (cursor), a later
    /// record change, more access-log entries or résumé files — or it is
    /// another device's file, whose numbers do not compare.
    pub fn is_newer_than(&self, other: &CaseloadFacts) -> bool {
        self.device_id != other.device_id
            || self.next_seq > other.next_seq
            || self.cursor > other.cursor
            || self.last_change > other.last_change
            || self.access_entries > other.access_entries
            || self.resume_files > other.resume_files
    }
}

fn facts(conn: &Connection) -> Result<CaseloadFacts> {
    let meta = |key: &str| -> Result<String> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Corrupt {
                reason: format!("meta.{key} 없음"),
            })
    };
    if meta("format")? != "doyak-caseload" {
        return Err(StoreError::Corrupt {
            reason: "도약 사례관리 파일이 아닙니다".into(),
        });
    }
    let whole: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if whole != "ok" {
        return Err(StoreError::Corrupt {
            reason: "무결성 검사 실패".into(),
        });
    }
    let (device_id, next_seq): (String, i64) =
        conn.query_row("SELECT device_id, next_seq FROM device", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let has_sync: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sync_state')",
        [],
        |r| r.get(0),
    )?;
    let cursor: i64 = if has_sync {
        conn.query_row("SELECT cursor FROM sync_state", [], |r| r.get(0))
            .optional()?
            .unwrap_or(0)
    } else {
        0
    };
    let last_change: Option<String> = conn.query_row(
        "SELECT max(t) FROM (SELECT max(updated_at) AS t FROM seeker
                             UNION ALL SELECT max(updated_at) FROM company
                             UNION ALL SELECT max(updated_at) FROM vacancy
                             UNION ALL SELECT max(created_at) FROM event)",
        [],
        |r| r.get(0),
    )?;
    let records: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM seeker WHERE deleted_at IS NULL)
              + (SELECT count(*) FROM company WHERE deleted_at IS NULL)
              + (SELECT count(*) FROM vacancy WHERE deleted_at IS NULL)",
        [],
        |r| r.get(0),
    )?;
    let count_of = |table: &str| -> Result<i64> {
        let present: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if !present {
            return Ok(0);
        }
        // Table names from this function's callers only, never input.
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    Ok(CaseloadFacts {
        access_entries: count_of("access_log")?,
        resume_files: count_of("resume_file")?,
        center_id: meta("center_id")?,
        center_name: meta("center_name")?,
        device_id,
        schema: conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
        next_seq,
        cursor,
        last_change,
        records,
    })
}

/// Reads what a caseload file (or a backup of one) holds without changing
/// it: opened read-only, checked whole, never migrated.
pub fn inspect(path: &Path, passphrase: &Passphrase) -> Result<CaseloadFacts> {
    if !path.is_file() {
        return Err(StoreError::NotFound {
            path: path.to_owned(),
        });
    }
    let conn = keyed_connection(
        path,
        passphrase,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let schema: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if schema > crate::migrate::SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: schema,
            supported: crate::migrate::SCHEMA_VERSION,
        });
    }
    facts(&conn)
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

impl Store {
    /// Copies the open caseload to `dest`, a new file (never over one),
    /// encrypted with `passphrase` (the caseload's), while other work goes
    /// on between steps; then checks the copy opens whole. A copy that
    /// fails the check is removed.
    pub fn backup_to(&self, dest: &Path, passphrase: &Passphrase) -> Result<CaseloadFacts> {
        copy_into(&self.conn, dest, passphrase)
    }
}

/// The same backup from the caseload file itself, through a read-only
/// connection of its own: the 자동 백업 runs it without holding the desk's
/// connection, so the counselor's work goes on while the copy is made.
pub fn backup_file(src: &Path, dest: &Path, passphrase: &Passphrase) -> Result<CaseloadFacts> {
    let conn = keyed_connection(
        src,
        passphrase,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    copy_into(&conn, dest, passphrase)
}

/// How long a backup waits for a locked caseload between tries, and how
/// many tries (30 s in all: a desk's longest write, an import, holds it
/// for seconds).
const BACKUP_WAIT: std::time::Duration = std::time::Duration::from_millis(20);
const MAX_BACKUP_WAITS: u32 = 1_500;

/// Copies `source` into a new file at `dest`: written first as
/// `<dest>.partial` and renamed into place only once it opens whole and is
/// on disk, so a copy cut short (power, a pulled USB drive) is never taken
/// for a backup.
fn copy_into(source: &Connection, dest: &Path, passphrase: &Passphrase) -> Result<CaseloadFacts> {
    if dest.exists() {
        return Err(StoreError::AlreadyExists {
            path: dest.to_owned(),
        });
    }
    let partial = PathBuf::from(format!("{}.partial", dest.display()));
    let result = (|| {
        // A partial file left by a copy cut short before is no one's.
        let _ = std::fs::remove_file(&partial);
        let mut out = keyed_connection(
            &partial,
            passphrase,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        {
            let backup = rusqlite::backup::Backup::new(source, &mut out)?;
            // Every page in one step: a copy made in steps starts again
            // whenever another connection writes between them (the desk's
            // own, when the copy reads through a connection of its own),
            // and might never finish while a counselor works.
            // The caseload's file locked for a moment (a checkpoint): try
            // again shortly; locked for longer than a desk ever holds it,
            // give up (`Locked`) rather than wait for ever.
            let mut waits = 0;
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => {}
                    _ if waits < MAX_BACKUP_WAITS => {
                        waits += 1;
                        std::thread::sleep(BACKUP_WAIT);
                    }
                    _ => return Err(StoreError::Locked),
                }
            }
        }
        // The copy would keep the caseload's WAL mode, and every look
        // at it (the check below, a restore's) would leave -wal and
        // -shm files beside it: fold the log in and make it one file in
        // rollback mode. A restored caseload is put back in WAL mode
        // when it is opened.
        let mode: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Corrupt {
                reason: format!("backup journal_mode {mode}"),
            });
        }
        drop(out);
        let copied = inspect(&partial, passphrase)?;
        let file = std::fs::File::open(&partial).map_err(io(&partial))?;
        file.sync_all().map_err(io(&partial))?;
        std::fs::rename(&partial, dest).map_err(io(dest))?;
        if let Some(dir) = dest.parent()
            && let Ok(dir) = std::fs::File::open(dir)
        {
            let _ = dir.sync_all();
        }
        Ok(copied)
    })();
    if result.is_err() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
        }
    }
    result
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub facts: CaseloadFacts,
    /// Where the replaced caseload was kept (none when there was none).
    pub kept: Option<PathBuf>,
}

/// Why a restore was not done, for the caller to ask about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreCheck {
    /// The target holds changes the backup does not.
    TargetNewer {
        target: CaseloadFacts,
        backup: CaseloadFacts,
    },
}

/// A connection holding `path`'s exclusive lock, or [`StoreError::Locked`]
/// when another connection has the file open. In WAL mode every open
/// connection keeps a shared lock on the file, and a connection in
/// exclusive locking mode takes the exclusive lock on its first read (it
/// keeps its log index in its own memory, so it must be the only one).
fn exclusive(path: &Path, passphrase: &Passphrase) -> Result<rusqlite::Connection> {
    let conn = keyed_connection(
        path,
        passphrase,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // A desk closing right now holds the lock for its last checkpoint.
    conn.busy_timeout(std::time::Duration::from_secs(2))?;
    let mode: String = conn.query_row("PRAGMA locking_mode = EXCLUSIVE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("exclusive") {
        return Err(StoreError::Locked);
    }
    // Busy (another connection has it) reads as `Locked`.
    conn.execute_batch("BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master; COMMIT;")?;
    Ok(conn)
}

/// The checks of [`restore`] alone, touching no file: the backup opens
/// whole with `passphrase` and so does the target (when there is one), both
/// of one center, and the target holds nothing the backup lacks unless
/// `replace_newer`. A desk asks this while its caseload is still open, so a
/// restore it would refuse never closes the caseload. Returns the backup's
/// facts and the target's.
pub fn check_restore(
    backup: &Path,
    target: &Path,
    passphrase: &Passphrase,
    replace_newer: bool,
) -> Result<std::result::Result<(CaseloadFacts, Option<CaseloadFacts>), RestoreCheck>> {
    let incoming = inspect(backup, passphrase)?;
    if !target.exists() {
        return Ok(Ok((incoming, None)));
    }
    let current = inspect(target, passphrase)?;
    if current.center_id != incoming.center_id {
        return Err(StoreError::ForeignCenter);
    }
    if current.is_newer_than(&incoming) && !replace_newer {
        return Ok(Err(RestoreCheck::TargetNewer {
            target: current,
            backup: incoming,
        }));
    }
    Ok(Ok((incoming, Some(current))))
}

/// Puts `backup` in place of the caseload at `target`. The backup is
/// checked first; a caseload of another center is refused; a target newer
/// than the backup is left alone (`Ok(Err(..))`) unless `replace_newer`;
/// a target another connection has open is refused (`Locked`). The
/// replaced file is kept beside it as `<name>.before-restore-<stamp>`,
/// never deleted. `stamp` names it (the caller's clock).
pub fn restore(
    backup: &Path,
    target: &Path,
    passphrase: &Passphrase,
    replace_newer: bool,
    stamp: &str,
) -> Result<std::result::Result<Restored, RestoreCheck>> {
    let (incoming, current) = match check_restore(backup, target, passphrase, replace_newer)? {
        Ok(facts) => facts,
        Err(refused) => return Ok(Err(refused)),
    };
    // Nobody else may have the caseload open: a desk left open would go on
    // writing into the file set aside, and its log by the caseload's name
    // would be lost or, worse, read as the restored file's. The guard holds
    // the file's exclusive lock (refused while any other connection, in
    // this process or another, has it open) until the file is set aside.
    let guard = match current {
        Some(_) => Some(exclusive(target, passphrase)?),
        None => None,
    };
    // The copy first, checked, beside the target: until the last rename
    // the caseload is where it was.
    let tmp = PathBuf::from(format!("{}.restoring", target.display()));
    if let Err(e) = std::fs::copy(backup, &tmp).and_then(|_| std::fs::File::open(&tmp)?.sync_all())
    {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(&tmp)(e));
    }
    if let Err(e) = inspect(&tmp, passphrase) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let mut kept = None;
    if let Some(conn) = guard {
        // Fold the target's log into its file, so the kept copy is whole
        // in one file.
        let busy = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get::<_, i64>(0)
        });
        if busy.as_ref().map_or(true, |b| *b != 0) {
            drop(conn);
            let _ = std::fs::remove_file(&tmp);
            return Err(busy.err().map_or(StoreError::Locked, StoreError::from));
        }
        let aside = PathBuf::from(format!("{}.before-restore-{stamp}", target.display()));
        // Windows renames no file a process has open: there the guard goes
        // first, and a desk opened in that instant is the one race left.
        #[cfg(windows)]
        drop(conn);
        if let Err(e) = std::fs::rename(target, &aside) {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(target)(e));
        }
        // Elsewhere closed once set aside (its open file follows the
        // rename), before anything takes the caseload's name again.
        #[cfg(not(windows))]
        drop(conn);
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        kept = Some(aside);
    }
    if let Err(e) = std::fs::rename(&tmp, target) {
        // The caseload goes back where it was; the copy goes.
        if let Some(aside) = &kept {
            let _ = std::fs::rename(aside, target);
        }
        let _ = std::fs::remove_file(&tmp);
        return Err(io(target)(e));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(Ok(Restored {
        facts: incoming,
        kept,
    }))
}
