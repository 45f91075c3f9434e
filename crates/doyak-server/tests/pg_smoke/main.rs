//! The PostgreSQL backend against the SQLite one: every `Tx` method, called
//! the same way on both, must answer the same. Plus what only PostgreSQL
//! has: migrations racing, a newer schema refused, statements cached across
//! a rollback, the center lock under concurrency, a deadlock reported and
//! not retried.
//!
//! Needs a server: `DOYAK_TEST_DATABASE_URL` (CI sets it, e.g.
//! `postgres://postgres@127.0.0.1:5432/test`) names a database to connect
//! to; each test creates a database of its own beside it and drops it at
//! the end. Without the variable the tests print that they were skipped.

mod locks;
mod migrate;

use chrono::{DateTime, Duration, TimeZone, Utc};
use doyak_server::StorageError;
use doyak_server::model::{CenterRow, DeviceRow, FieldState, RecordRow, ViewerRow, ViewerScope};
use doyak_server::storage::{Logged, PostgresStorage, SqliteStorage, Storage, ToLog, Tx};
use doyak_sync_protocol::HlcStamp;
use postgres::{Client, NoTls};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Barrier};
use uuid::Uuid;

/// A database of the test's own, dropped with this guard.
struct TestDb {
    admin_url: String,
    name: String,
    url: String,
}

impl TestDb {
    /// `None` (after saying so) when no server is configured.
    fn create() -> Option<TestDb> {
        let Some(admin_url) = std::env::var("DOYAK_TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            println!("skipped: DOYAK_TEST_DATABASE_URL unset");
            return None;
        };
        let name = format!("doyak_test_{}", Uuid::now_v7().simple());
        let mut admin =
            Client::connect(&admin_url, NoTls).expect("connect to DOYAK_TEST_DATABASE_URL");
        // A Korean ICU collation as the database default, as a server in
        // Korea may well have: it orders 'B' after 'a' and '_' first, so any
        // text comparison that is not byte-wise would show up below. A
        // server built without ICU gets the default locale.
        let icu = format!(
            "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'ko-KR' LOCALE 'C.UTF-8'"
        );
        if admin.batch_execute(&icu).is_err() {
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create the test database");
        }
        let url = with_database(&admin_url, &name);
        Some(TestDb {
            admin_url,
            name,
            url,
        })
    }

    fn storage(&self, pool_size: u32) -> PostgresStorage {
        PostgresStorage::connect(&self.url, pool_size).expect("connect to the test database")
    }

    fn client(&self) -> Client {
        Client::connect(&self.url, NoTls).expect("connect to the test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        // FORCE: a storage still alive (a failed test) holds connections.
        let dropped = Client::connect(&self.admin_url, NoTls).and_then(|mut c| {
            c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
        });
        if let Err(e) = dropped {
            eprintln!("could not drop test database {}: {e}", self.name);
        }
    }
}

/// `url` with its database replaced by `name`: a `postgres://` URL's path,
/// or a `dbname=` appended to a key=value string (the last one counts).
fn with_database(url: &str, name: &str) -> String {
    if let Some(scheme_end) = url.find("://") {
        let rest = &url[scheme_end + 3..];
        let query = rest.find('?').map_or("", |q| &rest[q..]);
        let authority = rest.split(['/', '?']).next().unwrap_or("");
        format!("{}{authority}/{name}{query}", &url[..scheme_end + 3])
    } else {
        format!("{url} dbname={name}")
    }
}

#[test]
fn with_database_replaces_the_database() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgresql://u:p@h/test?sslmode=disable", "x"),
        "postgresql://u:p@h/x?sslmode=disable"
    );
    assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    assert_eq!(
        with_database("host=h user=u", "x"),
        "host=h user=u dbname=x"
    );
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn at(minutes: i64) -> DateTime<Utc> {
    // Sub-millisecond parts: both backends keep milliseconds only.
    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0)
        .single()
        .expect("a valid time")
        + Duration::minutes(minutes)
        + Duration::microseconds(1_234)
}

fn field(value: serde_json::Value, version: u64) -> FieldState {
    FieldState {
        value,
        version,
        device: id(0xd1),
        mutation: id(0xe0 + u128::from(version)),
        hlc: std::sync::Arc::new(HlcStamp {
            wall_ms: 1_740_819_600_000 + version,
            counter: 3,
            device: id(0xd1).to_string(),
        }),
    }
}

fn record(
    entity: &str,
    n: u128,
    center: Uuid,
    deleted: bool,
    fact: Option<(&str, &str)>,
) -> RecordRow {
    let mut fields = BTreeMap::new();
    fields.insert("이름".to_owned(), field(json!("김도약"), 1));
    fields.insert(
        "detail".to_owned(),
        field(
            json!({"n": 0.1, "big": 9_007_199_254_740_993_u64, "list": [1, "둘", null]}),
            2,
        ),
    );
    RecordRow {
        entity: entity.to_owned(),
        id: id(n),
        center_id: center,
        fields,
        deleted,
        fact: fact.map(|(m, d)| (m.to_owned(), d.to_owned())),
    }
}

fn device(n: u128, center: Uuid, token: &str, enrolled: i64) -> DeviceRow {
    DeviceRow {
        device_id: id(n),
        center_id: center,
        name: format!("창구 {n}"),
        token_hash: token.to_owned(),
        last_seq: 0,
        enrolled_at: at(enrolled),
        expires_at: None,
        revoked_at: None,
    }
}

/// One transaction of the script: its answer, or "error" (the messages are
/// the drivers' and differ).
fn step<T: Debug>(
    log: &mut Vec<String>,
    storage: &Storage,
    what: &str,
    f: impl FnOnce(&mut dyn Tx) -> Result<T, StorageError>,
) {
    let line = match storage.transact(f) {
        Ok(v) => format!("{what}: {v:?}"),
        Err(_) => format!("{what}: error"),
    };
    log.push(line);
}

const C1: u128 = 0xc1;
const C2: u128 = 0xc2;
const C3: u128 = 0xc3;
const MISSING: u128 = 0xdead;

/// Every `Tx` method, edge cases included; the transcript of its answers.
fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

fn script(s: &Storage) -> Vec<String> {
    let (c1, c2, c3, missing) = (id(C1), id(C2), id(C3), id(MISSING));
    let mut log = Vec::new();
    let log = &mut log;

    // Centers: byte order of names, as SQLite's BINARY ('B' < '_' < 'a').
    step(log, s, "put centers", |tx| {
        tx.put_center(&CenterRow {
            center_id: c1,
            name: "B센터".into(),
            region: None,
        })?;
        tx.put_center(&CenterRow {
            center_id: c2,
            name: "a센터".into(),
            region: Some("서울청".into()),
        })?;
        tx.put_center(&CenterRow {
            center_id: c3,
            name: "_센터".into(),
            region: None,
        })?;
        tx.centers()
    });
    step(log, s, "viewers", |tx| {
        let viewer = |n: u128, scope| ViewerRow {
            viewer_id: Uuid::from_u128(n),
            name: format!("열람자 {n}"),
            scope,
            token_hash: format!("{n:064x}"),
            created_at: t0() + Duration::seconds(n as i64),
            expires_at: None,
            revoked_at: None,
        };
        tx.put_viewer(&viewer(2, ViewerScope::Region("서울청".into())))?;
        tx.put_viewer(&viewer(1, ViewerScope::National))?;
        let mut revoked = viewer(1, ViewerScope::National);
        revoked.revoked_at = Some(t0());
        tx.put_viewer(&revoked)?;
        Ok((
            tx.viewers()?,
            tx.viewer(Uuid::from_u128(2))?,
            tx.viewer_by_token(&format!("{:064x}", 1))?,
            tx.viewer_by_token("none")?,
        ))
    });
    step(log, s, "center", |tx| {
        Ok((tx.center(c1)?, tx.center(missing)?))
    });
    step(log, s, "rename", |tx| {
        tx.put_center(&CenterRow {
            center_id: c1,
            name: "B센터 (새 이름)".into(),
            region: None,
        })?;
        tx.centers()
    });

    // The change-version counter, and a lock on a center that is not there.
    step(log, s, "versions", |tx| {
        tx.lock_center(c1)?;
        tx.lock_center(missing)?;
        Ok([
            tx.next_change_version(c1)?,
            tx.next_change_version(c1)?,
            tx.next_change_version(c2)?,
        ])
    });
    step(log, s, "version of a missing center", |tx| {
        tx.next_change_version(missing)
    });
    // A failed transaction leaves nothing behind.
    step(log, s, "rolled back", |tx| {
        tx.put_center(&CenterRow {
            center_id: id(0xc4),
            name: "사라질 센터".into(),
            region: None,
        })?;
        tx.next_change_version(c1)?;
        tx.next_change_version(missing)
    });
    step(log, s, "after rollback", |tx| {
        Ok((tx.center(id(0xc4))?, tx.next_change_version(c1)?))
    });

    // Devices: order by enrollment time then id, filters, replacement.
    step(log, s, "put devices", |tx| {
        tx.put_device(&device(0xd3, c1, "hash-3", 5))?;
        tx.put_device(&device(0xd1, c1, "hash-1", 5))?;
        tx.put_device(&device(0xd2, c2, "hash-2", 0))?;
        Ok(())
    });
    step(log, s, "device", |tx| {
        Ok((tx.device(id(0xd1))?, tx.device(missing)?))
    });
    step(log, s, "device_by_token", |tx| {
        Ok((tx.device_by_token("hash-2")?, tx.device_by_token("nope")?))
    });
    step(log, s, "devices", |tx| {
        Ok((
            tx.devices(None)?,
            tx.devices(Some(c1))?,
            tx.devices(Some(missing))?,
        ))
    });
    step(log, s, "update device", |tx| {
        let mut d = device(0xd1, c1, "hash-1b", 5);
        d.last_seq = u64::from(u32::MAX) + 7;
        d.expires_at = Some(at(60 * 24 * 365));
        d.revoked_at = Some(at(90));
        tx.put_device(&d)?;
        Ok((tx.device(id(0xd1))?, tx.device_by_token("hash-1")?))
    });
    // Another device's token hash: SQLite's INSERT OR REPLACE drops that row.
    step(log, s, "token taken over", |tx| {
        tx.put_device(&device(0xd4, c2, "hash-2", 10))?;
        Ok((
            tx.device(id(0xd2))?,
            tx.device_by_token("hash-2")?,
            tx.devices(None)?,
        ))
    });
    step(log, s, "device of a missing center", |tx| {
        tx.put_device(&device(0xd5, missing, "hash-5", 0))
    });

    // Enrollment codes: once, before they expire (strictly), never again.
    step(log, s, "codes", |tx| {
        tx.put_enrollment_code("code-a", c1, at(0), at(60))?;
        tx.put_enrollment_code("code-b", c2, at(0), at(60))?;
        Ok((
            tx.take_enrollment_code("code-a", at(30))?,
            tx.take_enrollment_code("code-a", at(31))?,
            tx.take_enrollment_code("code-b", at(60))?,
            tx.take_enrollment_code("code-b", at(120))?,
            tx.take_enrollment_code("nope", at(0))?,
        ))
    });
    step(log, s, "code still good", |tx| {
        tx.take_enrollment_code("code-b", at(59))
    });
    step(log, s, "code again", |tx| {
        tx.put_enrollment_code("code-a", c1, at(0), at(60))
    });
    step(log, s, "code of a missing center", |tx| {
        tx.put_enrollment_code("code-c", missing, at(0), at(60))
    });

    // Stored results.
    step(log, s, "results", |tx| {
        let before = tx.stored_result(id(0xd1), 1)?;
        tx.put_result(id(0xd1), 1, id(0xa1), None, r#"{"outcome":"applied"}"#)?;
        tx.put_result(id(0xd1), u64::MAX, id(0xa2), Some(id(0x71)), "{}")?;
        Ok((
            before,
            tx.stored_result(id(0xd1), 1)?,
            tx.stored_result(id(0xd1), 2)?,
            tx.stored_result(id(0xd2), 1)?,
            tx.stored_result(id(0xd1), u64::MAX)?,
        ))
    });
    step(log, s, "result again", |tx| {
        tx.put_result(id(0xd1), 1, id(0xa3), None, "{}")
    });

    // Records: an upsert keeps the center it was created with.
    step(log, s, "records", |tx| {
        let before = tx.record("seeker", id(0x71))?;
        tx.put_record(&record(
            "seeker",
            0x71,
            c1,
            false,
            Some(("seeker_new", "2025-03")),
        ))?;
        tx.put_record(&record("event", 0x71, c2, false, None))?;
        let first = tx.record("seeker", id(0x71))?;
        let mut changed = record("seeker", 0x71, c2, true, None);
        changed
            .fields
            .insert("메모".into(), field(json!("두 번째"), 3));
        tx.put_record(&changed)?;
        Ok((
            before,
            first,
            tx.record("seeker", id(0x71))?,
            tx.record("event", id(0x71))?,
            tx.record("job", id(0x71))?,
        ))
    });

    // The change log: order, cursor, limit.
    step(log, s, "changes", |tx| {
        for v in [3, 1, 5, 2, 4] {
            tx.put_change(c1, v, id(0x71), &format!(r#"{{"v":{v},"값":"변경"}}"#))?;
        }
        tx.put_change(c2, 1, id(0x72), "{}")?;
        // Entries naming an event: read back with the event's stored
        // fields, one by one or in a batch, mixed with bodies.
        tx.put_record(&record("event", 0x91, c1, false, None))?;
        tx.put_record(&record("event", 0x92, c1, false, None))?;
        tx.put_event_change(c1, 6, id(0x91))?;
        tx.put_changes(
            c1,
            &[
                (7, ToLog::Event(id(0x92))),
                (
                    8,
                    ToLog::Change {
                        entity_id: id(0x71),
                        body: r#"{"v":8}"#.into(),
                    },
                ),
            ],
        )?;
        Ok((
            tx.changes_after(c1, 0, 3)?,
            tx.changes_after(c1, 3, 10)?,
            tx.changes_after(c1, 5, 10)?,
            tx.changes_after(c1, 0, 0)?,
            tx.changes_after(c1, 4, u32::MAX)?,
            tx.changes_after(c3, 0, 10)?,
        ))
    });
    step(log, s, "change again", |tx| {
        tx.put_change(c1, 2, id(0x71), "{}")
    });
    step(log, s, "event change again", |tx| {
        tx.put_event_change(c1, 9, id(0x91))?;
        tx.put_event_change(c1, 6, id(0x92))
    });
    // An entry whose event row is missing is a damaged log, not a skipped change.
    step(log, s, "event change without its event", |tx| {
        tx.put_event_change(c1, 10, id(0x93))?;
        tx.changes_after(c1, 9, 10)
    });
    step(log, s, "the log after", |tx| tx.changes_after(c1, 5, 10));

    // What a destruction reads and rewrites: entries and results by the
    // record they hold values of (any center), the destroyed list once.
    step(log, s, "destruction statements", |tx| {
        let listed = |n: u128| doyak_server::model::DestroyedRow {
            entity: "seeker".into(),
            entity_id: id(n),
            center_id: c1,
            destruction_id: id(0xde),
            at: at(0),
        };
        tx.put_destroyed(&[listed(0x71), listed(0x73)])?;
        tx.put_destroyed(&[listed(0x71)])?;
        let among = tx.destroyed_among(&[id(0x72), id(0x73), id(0x71)])?;
        let entries = tx.logged_changes_of(&[id(0x71), id(0x72)])?;
        tx.rewrite_changes(&[(c1, 3, "{}".into()), (c2, 1, r#"{"x":1}"#.into())])?;
        let results = tx.results_holding(&[id(0x71)])?;
        tx.rewrite_results(&[(id(0xd1), u64::MAX, r#"{"y":2}"#.into())])?;
        let mut among = among;
        among.sort_unstable();
        Ok((
            among,
            entries,
            tx.logged_changes_of(&[id(0x72)])?,
            tx.changes_after(c1, 2, 1)?,
            results,
            tx.stored_result(id(0xd1), u64::MAX)?,
            tx.logged_changes_of(&[])?,
        ))
    });

    // Conflicts: open ones by id; resolving one upserts it.
    step(log, s, "conflicts", |tx| {
        tx.put_conflict(c1, id(0xf2), false, r#"{"k":2}"#)?;
        tx.put_conflict(c1, id(0xf1), false, r#"{"k":1}"#)?;
        tx.put_conflict(c2, id(0xf3), false, r#"{"k":3}"#)?;
        let open = tx.open_conflicts(c1)?;
        tx.put_conflict(c1, id(0xf1), true, r#"{"k":1,"resolved":true}"#)?;
        Ok((
            open,
            tx.open_conflicts(c1)?,
            tx.open_conflicts(c3)?,
            tx.conflict(id(0xf1))?,
            tx.conflict(missing)?,
        ))
    });

    // Counts: deleted rows and rows without a fact do not count; months
    // inclusive; metrics in byte order.
    step(log, s, "counts", |tx| {
        let facts = [
            (0x81, c1, false, Some(("placement", "2025-01"))),
            (0x82, c1, false, Some(("placement", "2025-01"))),
            (0x83, c1, false, Some(("Zeta", "2025-01"))),
            (0x84, c1, false, Some(("job_seeker", "2025-02"))),
            (0x85, c1, true, Some(("placement", "2025-02"))),
            (0x86, c2, false, Some(("placement", "2025-02"))),
            (0x87, c2, false, Some(("placement", "2025-03"))),
            (0x88, c2, false, None),
            (0x89, c3, false, Some(("_first", "2024-12"))),
        ];
        for (n, center, deleted, fact) in facts {
            tx.put_record(&record("event", n, center, deleted, fact))?;
        }
        Ok((
            tx.counts("2025-01", "2025-02")?,
            tx.counts("2024-12", "2025-03")?,
            tx.counts("2025-03", "2025-03")?,
            tx.counts("2023-01", "2023-12")?,
        ))
    });

    // A push-shaped transaction: everything at once.
    step(log, s, "push", |tx| {
        tx.lock_center(c2)?;
        let mut d = tx
            .device(id(0xd4))?
            .ok_or(StorageError::Corrupt { what: "device" })?;
        let v = tx.next_change_version(c2)?;
        tx.put_record(&record(
            "seeker",
            0x72,
            c2,
            false,
            Some(("seeker_new", "2025-03")),
        ))?;
        tx.put_change(c2, v, id(0x72), r#"{"push":true}"#)?;
        tx.put_result(d.device_id, 1, id(0xa9), None, r#"{"outcome":"applied"}"#)?;
        d.last_seq = 1;
        tx.put_device(&d)?;
        Ok(v)
    });
    step(log, s, "final", |tx| {
        Ok((
            tx.centers()?,
            tx.devices(None)?,
            tx.changes_after(c2, 0, 100)?,
            tx.counts("0000-00", "9999-99")?,
        ))
    });
    std::mem::take(log)
}

#[test]
fn postgres_answers_as_sqlite_does() {
    let Some(db) = TestDb::create() else { return };
    let sqlite = Storage::Sqlite(SqliteStorage::in_memory().expect("sqlite in memory"));
    let expected = script(&sqlite);
    let postgres = Storage::Postgres(db.storage(2));
    let got = script(&postgres);
    assert_eq!(got.len(), expected.len());
    for (got, expected) in got.iter().zip(&expected) {
        assert_eq!(got, expected);
    }
    // The script's error steps did fail (else it proves less than it says).
    assert_eq!(
        expected.iter().filter(|l| l.ends_with(": error")).count(),
        9
    );
    let destruction = expected
        .iter()
        .find(|l| l.starts_with("destruction statements:"))
        .expect("the step ran");
    let (x71, x73) = (id(0x71), id(0x73));
    assert!(
        destruction.contains(&format!("([{x71}, {x73}], "))
            && destruction.contains(r#"1, "{\"x\":1}")]"#)
            && destruction.contains(r#"[(3, Change("{}"))]"#)
            && destruction.contains(r#"{\"y\":2}"#),
        "destroyed once, entries found by record and rewritten, results too: {destruction}"
    );
    // An event's entry comes back as the event's id with its stored fields.
    let after = expected
        .iter()
        .find(|l| l.starts_with("the log after:"))
        .expect("the step ran");
    assert!(
        after.contains("(6, Event { id: 00000000-0000-0000-0000-000000000091, fields: ")
            && after.contains("(7, Event { id: 00000000-0000-0000-0000-000000000092")
            && after.contains(r#"(8, Change("{\"v\":8}"))"#)
            && after.contains("김도약"),
        "{after}"
    );
    // The database really did collate otherwise, so the schema's byte order
    // is what made the answers equal (only where the server has ICU).
    let mut client = db.client();
    let icu: bool = client
        .query_one(
            "SELECT datlocprovider = 'i' FROM pg_database WHERE datname = current_database()",
            &[],
        )
        .and_then(|r| r.try_get(0))
        .expect("read the database's locale provider");
    if icu {
        let b_after_a: bool = client
            .query_one("SELECT 'B'::text > 'a'::text", &[])
            .and_then(|r| r.try_get(0))
            .expect("compare under the default collation");
        assert!(b_after_a, "ko-KR collation orders 'B' after 'a'");
    }
}

#[test]
fn migrations_race_then_a_newer_schema_is_refused() {
    let Some(db) = TestDb::create() else { return };
    let url = Arc::new(db.url.clone());
    let barrier = Arc::new(Barrier::new(4));
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let (url, barrier) = (url.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                PostgresStorage::connect(&url, 1).map(drop)
            })
        })
        .collect();
    for start in starts {
        start
            .join()
            .expect("no panic")
            .expect("every server starts");
    }
    let mut client = db.client();
    let applied: i64 = client
        .query_one("SELECT count(*) FROM schema_migrations", &[])
        .and_then(|r| r.try_get(0))
        .expect("count migrations");
    // Every postgres_NNNN.sql shipped, counted from the directory: a fixed
    // number here went stale with the next migration.
    let shipped = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .expect("the migrations directory")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("postgres_"))
        })
        .count() as i64;
    assert!(
        shipped >= 5,
        "the directory holds the migrations ({shipped})"
    );
    assert_eq!(
        applied, shipped,
        "each migration recorded once, however many servers raced"
    );

    client
        .batch_execute("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'later')")
        .expect("pretend a newer server migrated");
    match PostgresStorage::connect(&db.url, 1) {
        Err(StorageError::Setup(message)) => assert!(message.contains("새 버전"), "{message}"),
        other => panic!("expected a Setup error, got {other:?}"),
    }
    assert!(matches!(
        PostgresStorage::connect(&db.url, 0),
        Err(StorageError::Setup(_))
    ));
}

/// A database written before events were logged by reference keeps its
/// change log: the entries that hold bodies read back as they were, and
/// an entry must hold exactly one of a body and an event.
#[test]
fn a_change_log_from_before_event_references_reads_as_it_was() {
    let Some(db) = TestDb::create() else { return };
    let mut client = db.client();
    client
        .batch_execute(concat!(
            "CREATE TABLE schema_migrations (version INT PRIMARY KEY, applied_at TEXT);",
            include_str!("../../migrations/postgres_0001.sql"),
            include_str!("../../migrations/postgres_0002.sql"),
            "INSERT INTO schema_migrations VALUES (1, 'then'), (2, 'then');",
        ))
        .expect("a database at migration 2");
    let c1 = id(C1);
    for v in [1i64, 2] {
        client
            .execute(
                "INSERT INTO change_log VALUES ($1, $2, $3)",
                &[&c1.to_string(), &v, &format!(r#"{{"old":{v}}}"#)],
            )
            .expect("an entry as migration 2 wrote it");
    }
    let storage = Storage::Postgres(db.storage(1));
    let log = storage
        .transact(|tx| tx.changes_after(c1, 0, 10))
        .expect("migrated, then read");
    assert_eq!(
        log,
        vec![
            (1, Logged::Change(r#"{"old":1}"#.into())),
            (2, Logged::Change(r#"{"old":2}"#.into())),
        ]
    );
    for (body, event) in [(None, None), (Some("{}"), Some("e"))] {
        let refused = client.execute(
            "INSERT INTO change_log (center_id, version, body, event_id) VALUES ('c', 3, $1, $2)",
            &[&body, &event],
        );
        assert!(refused.is_err(), "body {body:?} with event {event:?}");
    }
}

#[test]
fn statements_prepared_in_a_rolled_back_transaction_still_work() {
    let Some(db) = TestDb::create() else { return };
    // One connection: the second transaction reuses the first's statements.
    let storage = Storage::Postgres(db.storage(1));
    let center = CenterRow {
        center_id: id(C1),
        name: "센터".into(),
        region: None,
    };
    let failed: Result<(), StorageError> = storage.transact(|tx| {
        tx.put_center(&center)?;
        tx.center(center.center_id)?;
        tx.next_change_version(id(MISSING)).map(drop)
    });
    assert!(failed.is_err());
    let again = storage.transact(|tx| {
        tx.put_center(&center)?;
        tx.next_change_version(center.center_id)?;
        tx.center(center.center_id)
    });
    assert_eq!(
        again.expect("the cached statements are still there"),
        Some(center)
    );
}

#[test]
fn a_connection_the_server_closed_is_replaced_not_used() {
    let Some(db) = TestDb::create() else { return };
    let storage = Storage::Postgres(db.storage(2));
    let center = CenterRow {
        center_id: id(C1),
        name: "센터".into(),
        region: None,
    };
    storage
        .transact(|tx| tx.put_center(&center))
        .expect("set up");
    // As a server restart would: every connection of the pool goes.
    let mut admin = db.client();
    let terminated: i64 = admin
        .query_one(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .and_then(|r| r.try_get(0))
        .expect("terminate the pool's connections");
    assert_eq!(terminated, 2);
    for _ in 0..4 {
        let read = storage.transact(|tx| tx.center(center.center_id));
        assert_eq!(
            read.expect("a fresh connection serves it"),
            Some(center.clone())
        );
    }
}
