//! Changing the caseload's passphrase without ever leaving a file that
//! neither passphrase opens.
//!
//! SQLCipher's `PRAGMA rekey` rewrites every page in place, and in WAL mode
//! a crash halfway leaves pages under two keys. Instead the caseload is
//! copied whole into a new file under the new key (`sqlcipher_export`), the
//! copy is checked and flushed to disk, and only then renamed over the old
//! file in one atomic step. At every instant the file at the caseload's path
//! is either the old one (old passphrase) or the finished new one (new
//! passphrase), holding the same rows. A copy left behind by an interrupted
//! run sits beside it under [`rekey_path`] and is removed by the next run.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::migrate;
use crate::open::{Passphrase, keyed_connection, remove_database_files};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The steps of a passphrase change, in order. A test hook is called after
/// each; an error from it stops the change there, as a crash would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RekeyStep {
    /// This connection holds the file alone (no other connection, in this
    /// process or another, can read or write it until the change ends).
    Alone,
    /// The write-ahead log is copied into the file and emptied.
    Checkpointed,
    /// The new file is written under the new key beside the old one.
    Exported,
    /// The new file opens with the new key and holds the same tables,
    /// schema version and row counts.
    Verified,
    /// The new file is on disk (fsync).
    Flushed,
    /// The old file's connection is closed and its empty log removed.
    Closed,
    /// The new file has taken the old one's name (one atomic rename).
    Renamed,
    /// The rename is on disk (fsync of the folder).
    Settled,
}

impl RekeyStep {
    pub const ALL: [RekeyStep; 8] = [
        RekeyStep::Alone,
        RekeyStep::Checkpointed,
        RekeyStep::Exported,
        RekeyStep::Verified,
        RekeyStep::Flushed,
        RekeyStep::Closed,
        RekeyStep::Renamed,
        RekeyStep::Settled,
    ];
}

/// Where a passphrase change writes the new file before the rename: beside
/// the caseload, so the rename stays on one file system.
pub fn rekey_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".rekey");
    PathBuf::from(p)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

fn secret(passphrase: &Passphrase) -> Result<&str> {
    match passphrase.0.as_deref() {
        Some(s) if !s.is_empty() => Ok(s.as_str()),
        _ => Err(StoreError::EmptyPassphrase),
    }
}

/// What must be equal in the old and the new file: each table's name and
/// row count, and the schema version. Table names come from the file's own
/// schema (`sqlite_master`), never from input.
fn fingerprint(conn: &Connection, schema: &str) -> Result<(i64, Vec<(String, i64)>)> {
    let version: i64 =
        conn.query_row(&format!("PRAGMA {schema}.user_version"), [], |r| r.get(0))?;
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ))?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        let quoted = name.replace('"', "\"\"");
        let count: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {schema}.\"{quoted}\""),
            [],
            |r| r.get(0),
        )?;
        tables.push((name, count));
    }
    Ok((version, tables))
}

impl Store {
    /// Whether `passphrase` opens this caseload's file: a fresh connection
    /// derives the key and reads the schema. For "type your current
    /// passphrase" before a change; the open store keeps no copy of it.
    pub fn check_passphrase(&self, passphrase: &Passphrase) -> Result<bool> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = match keyed_connection(&self.path, passphrase, flags) {
            Err(StoreError::EmptyPassphrase) => return Ok(false),
            other => other?,
        };
        match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        }) {
            Ok(_) => Ok(true),
            Err(e) => match StoreError::from(e) {
                StoreError::WrongPassphrase => Ok(false),
                other => Err(other),
            },
        }
    }

    /// Re-encrypts the caseload under `new`. `current` must be the
    /// passphrase the file has now (the caller checked it); it reopens the
    /// old file if the change stops before the rename. Afterwards this store
    /// is open on the new file; only `new` opens it. On an error the store
    /// is open again on whichever file is at the path, or, if even that
    /// failed, unusable (every call errs) and must be opened anew.
    /// No other connection may have the file open (the desk closes its
    /// reader first); if one has, the change is refused with `Locked`.
    pub fn change_passphrase(&mut self, current: &Passphrase, new: &Passphrase) -> Result<()> {
        self.change_passphrase_with(current, new, &mut |_| Ok(()))
    }

    /// [`Store::change_passphrase`] with a hook called after each step;
    /// its error stops the change there. For tests that interrupt it.
    #[doc(hidden)]
    pub fn change_passphrase_with(
        &mut self,
        current: &Passphrase,
        new: &Passphrase,
        after: &mut dyn FnMut(RekeyStep) -> Result<()>,
    ) -> Result<()> {
        secret(new)?;
        let tmp = rekey_path(&self.path);
        if let Err(e) = self.write_new_file(&tmp, new, after) {
            // The file at the path was never touched: back to sharing it.
            let _ = self
                .conn
                .execute_batch("PRAGMA locking_mode = NORMAL; SELECT count(*) FROM sqlite_master;");
            remove_database_files(&tmp);
            return Err(e);
        }
        // From here the old connection closes; whatever happens next, the
        // store is reopened on the file the path then names.
        let placeholder = Connection::open_in_memory()?;
        let old = std::mem::replace(&mut self.conn, placeholder);
        if let Err((old, e)) = old.close() {
            self.conn = old;
            let _ = self
                .conn
                .execute_batch("PRAGMA locking_mode = NORMAL; SELECT count(*) FROM sqlite_master;");
            remove_database_files(&tmp);
            return Err(e.into());
        }
        let (renamed, outcome) = swap(&self.path, &tmp, after);
        if !renamed {
            remove_database_files(&tmp);
        }
        let reopen = if renamed { new } else { current };
        match (Store::open(&self.path, reopen), outcome) {
            (Ok(store), outcome) => {
                *self = store;
                outcome
            }
            (Err(_), Err(e)) | (Err(e), Ok(())) => Err(e),
        }
    }

    /// Steps up to [`RekeyStep::Flushed`]: the new file complete and on disk
    /// beside the old, which is unchanged.
    fn write_new_file(
        &self,
        tmp: &Path,
        new: &Passphrase,
        after: &mut dyn FnMut(RekeyStep) -> Result<()>,
    ) -> Result<()> {
        let conn = &self.conn;
        // An exclusive lock held until the connection closes: nobody can
        // write a row into the old file that the copy would miss, and a
        // second desk or `doyak` that has the file open makes this refuse.
        conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")?;
        after(RekeyStep::Alone)?;
        let (busy, _, _): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        if busy != 0 {
            return Err(StoreError::Locked);
        }
        after(RekeyStep::Checkpointed)?;
        // A copy an interrupted change left behind is stale: start afresh.
        // The caseload's connection was opened without the right to create
        // files, and ATTACH inherits that: the new file is made empty here
        // (SQLite takes an empty file as a new database).
        remove_database_files(tmp);
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)
            .map_err(io(tmp))?;
        let tmp_text = tmp.to_str().ok_or_else(|| StoreError::Io {
            path: tmp.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the caseload's path is not valid UTF-8",
            ),
        })?;
        // The same cipher settings as every caseload (SQLCipher 4's
        // defaults: PBKDF2-HMAC-SHA512, 256,000 iterations, a new random
        // salt for the new file); the store sets no other `cipher_*` pragma.
        conn.execute(
            "ATTACH DATABASE ?1 AS rekey KEY ?2",
            (tmp_text, secret(new)?),
        )?;
        let copied = (|| -> Result<()> {
            conn.query_row("SELECT sqlcipher_export('rekey')", [], |_| Ok(()))?;
            // sqlcipher_export copies schema and rows, not the header's
            // schema version.
            let version = migrate::current_version(conn)?;
            conn.pragma_update(Some("rekey"), "user_version", version)?;
            Ok(())
        })();
        let detached = conn.execute("DETACH DATABASE rekey", []);
        copied?;
        detached?;
        after(RekeyStep::Exported)?;
        let expected = fingerprint(conn, "main")?;
        verify(tmp, new, &expected)?;
        after(RekeyStep::Verified)?;
        std::fs::File::open(tmp)
            .and_then(|f| f.sync_all())
            .map_err(io(tmp))?;
        after(RekeyStep::Flushed)
    }
}

/// Opens the new file on its own with the new key and compares it with
/// what the old one holds.
fn verify(tmp: &Path, new: &Passphrase, expected: &(i64, Vec<(String, i64)>)) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = keyed_connection(tmp, new, flags)?;
    let found = fingerprint(&conn, "main")?;
    let quick: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    if quick != "ok" || &found != expected {
        return Err(StoreError::RekeyMismatch);
    }
    Ok(())
}

/// Steps [`RekeyStep::Closed`] to [`RekeyStep::Settled`]. Returns whether
/// the new file took the path, and how it went.
fn swap(
    path: &Path,
    tmp: &Path,
    after: &mut dyn FnMut(RekeyStep) -> Result<()>,
) -> (bool, Result<()>) {
    let before_rename = (|| -> Result<()> {
        // The log was emptied under the exclusive lock and closing removes
        // it; one still holding frames would mean rows the copy lacks.
        let wal = with_suffix(path, "-wal");
        match std::fs::metadata(&wal) {
            Ok(meta) if meta.len() > 0 => return Err(StoreError::Locked),
            Ok(_) => std::fs::remove_file(&wal).map_err(io(&wal))?,
            Err(_) => {}
        }
        let shm = with_suffix(path, "-shm");
        if shm.exists() {
            std::fs::remove_file(&shm).map_err(io(&shm))?;
        }
        after(RekeyStep::Closed)?;
        std::fs::rename(tmp, path).map_err(io(path))
    })();
    if let Err(e) = before_rename {
        return (false, Err(e));
    }
    let settled = (|| -> Result<()> {
        after(RekeyStep::Renamed)?;
        sync_dir(path)?;
        after(RekeyStep::Settled)
    })();
    (true, settled)
}

/// Makes a rename in `path`'s folder durable (POSIX needs the folder
/// flushed; Windows cannot open a folder as a file and needs nothing).
fn sync_dir(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(io(dir))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
