//! Creating and opening the encrypted caseload file, and telling a wrong
//! passphrase, a damaged file, a locked file and a too-new file apart.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::migrate;
use crate::write::WriteContext;
use doyak_domain::{Center, Id};
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::time::Duration;
use zeroize::Zeroizing;

/// The key material for a caseload. SQLCipher derives the page key from it with
/// PBKDF2-HMAC-SHA512 (256,000 iterations) and a random per-file salt.
/// The text is wiped from memory when the value is dropped, and never shown
/// by `Debug`. (SQLite and SQLCipher keep copies of their own while keying;
/// SQLCipher wipes its key material, the statement text is out of reach.)
#[derive(Clone)]
pub struct Passphrase(pub(crate) Option<Zeroizing<String>>);

impl Passphrase {
    pub fn new(secret: impl Into<String>) -> Self {
        Passphrase(Some(Zeroizing::new(secret.into())))
    }

    /// How many characters the passphrase has (`None`: no encryption, for
    /// benchmarks only).
    pub fn chars(&self) -> Option<usize> {
        self.0.as_ref().map(|s| s.chars().count())
    }

    /// No encryption at all. Only for measuring what encryption costs; a
    /// caseload with personal data is never opened this way by the app.
    #[doc(hidden)]
    pub fn unencrypted_for_benchmarks() -> Self {
        Passphrase(None)
    }
}

impl PartialEq for Passphrase {
    fn eq(&self, other: &Passphrase) -> bool {
        self.0.as_deref() == other.0.as_deref()
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(***)")
    }
}

/// What identifies a caseload file: whose it is and which device writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caseload {
    pub center_id: Id,
    pub center_name: String,
    pub device_id: String,
}

const FORMAT: &str = "doyak-caseload";
const BUSY_TIMEOUT: Duration = Duration::from_millis(3000);

/// Opens a connection and applies the key, nothing else. Test support.
pub fn raw_connection(path: &Path, passphrase: &Passphrase, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    keyed_connection(path, passphrase, flags)
}

/// Makes sure SQLCipher is set up before any connection of this process is
/// keyed. SQLite marks itself initialized and releases its lock *before* it
/// runs SQLCipher's own set-up (`SQLITE_EXTRA_INIT`), so a thread opening a
/// connection in that instant goes ahead without it and its `PRAGMA key`
/// fails ("An error occurred with PRAGMA key or rekey" — seen in CI when the
/// tests' first connections opened at once; a desk opens its writer and the
/// sync thread's connection close together). The first open therefore runs
/// alone and the others wait for it.
fn sqlcipher_ready() {
    static READY: std::sync::Once = std::sync::Once::new();
    READY.call_once(|| {
        // Opening any connection initializes SQLite, SQLCipher's part
        // included, before it returns; the connection itself is not needed.
        let _ = Connection::open_in_memory();
    });
}

pub(crate) fn keyed_connection(
    path: &Path,
    passphrase: &Passphrase,
    flags: OpenFlags,
) -> Result<Connection> {
    sqlcipher_ready();
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher otherwise prints its own diagnostics (e.g. HMAC failures on a
    // wrong key) to stderr; the caller reports errors in Korean instead.
    let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if let Some(secret) = &passphrase.0 {
        if secret.is_empty() {
            return Err(StoreError::EmptyPassphrase);
        }
        conn.pragma_update(None, "key", secret.as_str())?;
    }
    Ok(conn)
}

pub(crate) fn configure(conn: &Connection) -> Result<()> {
    // WAL lets the desk read while an import writes; FULL makes every commit
    // durable against power loss, which a counselor's note deserves.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Corrupt {
            reason: format!("journal_mode {mode}"),
        });
    }
    // A checkpoint copies the log into the file and waits for the disk. At
    // SQLite's default (every 1,000 pages, 4 MB) a sync checkpointed after
    // nearly every 2,000-change transaction, rewriting the same index and
    // outbox pages each time: the desk took pushed answers at 14.3k rows/s,
    // at 8,192 pages (32 MB) at 24.1k (docs/benchmarks.md, `--sync-parts`).
    // A counselor's edit stays a few pages, so only bulk work notices. The
    // log file is cut back to 64 MB after a checkpoint, never left larger.
    // secure_delete: what a write frees (an old value, a deleted row) is
    // overwritten with zeros, so a destroyed person's data does not linger
    // in free space of the file (개인정보 파기, destroy.rs).
    conn.execute_batch(
        "PRAGMA wal_autocheckpoint = 8192;
         PRAGMA journal_size_limit = 67108864;
         PRAGMA secure_delete = ON;",
    )?;
    configure_reads(conn)
}

/// What every connection needs to answer the store's queries.
fn configure_reads(conn: &Connection) -> Result<()> {
    // 초성-aware name matching inside queries, so lists can filter, sort and
    // page in SQL (see doyak_domain::korean::matches).
    conn.create_scalar_function(
        "doyak_name_matches",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let query: String = ctx.get(0)?;
            let name: String = ctx.get(1)?;
            Ok(doyak_domain::korean::matches(&query, &name))
        },
    )?;
    conn.execute_batch(
        "PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -32768;",
    )?;
    Ok(())
}

/// A file SQLCipher could never have written: empty, or not whole pages.
fn check_shape(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            path: path.to_owned(),
        },
        _ => StoreError::Io {
            path: path.to_owned(),
            source,
        },
    })?;
    if meta.len() == 0 {
        return Err(StoreError::Corrupt {
            reason: "빈 파일".into(),
        });
    }
    if meta.len() % 512 != 0 {
        return Err(StoreError::Corrupt {
            reason: "파일이 중간에 잘렸습니다".into(),
        });
    }
    Ok(())
}

impl Store {
    /// Creates a new encrypted caseload for a center. Refuses to touch an
    /// existing file.
    pub fn create(
        path: &Path,
        passphrase: &Passphrase,
        center: &Center,
        ctx: &WriteContext,
    ) -> Result<Store> {
        let caseload = Caseload {
            center_id: center.id,
            center_name: center.name.clone(),
            device_id: Id::from(uuid::Uuid::now_v7()).to_string(),
        };
        let mut store = Store::create_empty(path, passphrase, caseload, ctx)?;
        store.write(ctx, |w| w.insert(center))?;
        Ok(store)
    }

    /// Creates an empty caseload of a center that already exists on the
    /// sync server, for a device that joins it (`caseload` names the center
    /// the enrollment answered with and the device id it enrolled): the
    /// center's record and everything else arrive by pull, so nothing is
    /// written to the outbox. Refuses to touch an existing file.
    pub fn create_joined(
        path: &Path,
        passphrase: &Passphrase,
        caseload: Caseload,
        ctx: &WriteContext,
    ) -> Result<Store> {
        Store::create_empty(path, passphrase, caseload, ctx)
    }

    fn create_empty(
        path: &Path,
        passphrase: &Passphrase,
        caseload: Caseload,
        ctx: &WriteContext,
    ) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists {
                path: path.to_owned(),
            });
        }
        let mut conn = raw_connection(path, passphrase, true)?;
        let result = (|| {
            configure(&conn)?;
            migrate::migrate(&mut conn)?;
            let device_id = &caseload.device_id;
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('format', ?1), ('center_id', ?2), ('center_name', ?3), ('created_at', ?4)",
                (FORMAT, caseload.center_id.to_string(), &caseload.center_name, ctx.now.to_rfc3339()),
            )?;
            tx.execute(
                "INSERT INTO device (singleton, device_id, next_seq, last_hlc) VALUES (1, ?1, 1, ?2)",
                (device_id, doyak_domain::Hlc::new(device_id.clone()).last().to_string()),
            )?;
            tx.commit()?;
            Ok(())
        })();
        if let Err(e) = result {
            drop(conn);
            remove_database_files(path);
            return Err(e);
        }
        Ok(Store {
            conn,
            path: path.to_owned(),
            caseload,
            name_index: Default::default(),
            changes: Default::default(),
            event_changes: Default::default(),
        })
    }

    /// Opens an existing caseload. A wrong passphrase, a damaged, locked or
    /// too-new file is an error and the file is left exactly as it was.
    pub fn open(path: &Path, passphrase: &Passphrase) -> Result<Store> {
        check_shape(path)?;
        let mut conn = raw_connection(path, passphrase, false)?;
        // The first read is where SQLCipher finds out whether the key is right.
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        let version = migrate::current_version(&conn)?;
        if version > migrate::SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found: version,
                supported: migrate::SCHEMA_VERSION,
            });
        }
        if tables == 0 || version == 0 {
            return Err(StoreError::Corrupt {
                reason: "도약 사례관리 파일이 아닙니다".into(),
            });
        }
        let format: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|_| StoreError::Corrupt {
                reason: "도약 사례관리 파일이 아닙니다".into(),
            })?;
        if format.as_deref() != Some(FORMAT) {
            return Err(StoreError::Corrupt {
                reason: "도약 사례관리 파일이 아닙니다".into(),
            });
        }
        configure(&conn)?;
        migrate::migrate(&mut conn)?;
        let caseload = load_caseload(&conn)?;
        let store = Store {
            conn,
            path: path.to_owned(),
            caseload,
            name_index: Default::default(),
            changes: Default::default(),
            event_changes: Default::default(),
        };
        store.finish_pending_wipe()?;
        Ok(store)
    }

    /// Opens a second, read-only connection to a caseload that a [`Store::open`]
    /// connection keeps up to date, so that a long read (오늘 할 일, the status
    /// bar) runs beside the writer instead of queueing behind it; WAL lets
    /// both work at once and the reader sees every committed write. It
    /// derives the key again (run it on another thread while the writer
    /// opens) and never migrates: a file whose schema is not exactly this
    /// release's is refused, and the caller reads through the writer instead.
    pub fn open_reader(path: &Path, passphrase: &Passphrase) -> Result<Store> {
        check_shape(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = keyed_connection(path, passphrase, flags)?;
        let version = migrate::current_version(&conn)?;
        if version != migrate::SCHEMA_VERSION {
            return Err(StoreError::SchemaMismatch {
                found: version,
                expected: migrate::SCHEMA_VERSION,
            });
        }
        configure_reads(&conn)?;
        let caseload = load_caseload(&conn)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            caseload,
            name_index: Default::default(),
            changes: Default::default(),
            event_changes: Default::default(),
        })
    }
}

fn load_caseload(conn: &Connection) -> Result<Caseload> {
    let get = |key: &str| -> Result<String> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Corrupt {
                reason: format!("meta.{key} 없음"),
            })
    };
    let center_id = get("center_id")?.parse().map_err(|_| StoreError::Corrupt {
        reason: "meta.center_id".into(),
    })?;
    let device_id: String = conn.query_row("SELECT device_id FROM device", [], |r| r.get(0))?;
    Ok(Caseload {
        center_id,
        center_name: get("center_name")?,
        device_id,
    })
}

pub(crate) fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p: PathBuf = path.as_os_str().to_owned().into();
        p.as_mut_os_string().push(suffix);
        let _ = std::fs::remove_file(p);
    }
}
