//! Upgrades from every earlier schema, and the refusal of newer ones.

use crate::*;
use doyak_store::{MIGRATIONS, SCHEMA_VERSION};

/// Takes a file back from schema 3 to what release 2 wrote.
const UNDO_0003: &str = "
    DROP TABLE sync_state;
    DROP TABLE sync_rejection;
    DROP TABLE conflict;
    DROP TABLE sync_held;
    DROP INDEX outbox_entity;
    ALTER TABLE outbox DROP COLUMN resolves;
    PRAGMA user_version = 2;";

#[test]
fn every_earlier_schema_upgrades_to_the_current_one() {
    for from in 0..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("v{from}.doyak"));
        // Build the file as the release with `from` migrations left it.
        let store = Store::create(&path, &Passphrase::new(PASS), &center(), &ctx()).unwrap();
        drop(store);
        let mut conn =
            doyak_store::testing::raw_connection(&path, &Passphrase::new(PASS), false).unwrap();
        if from < SCHEMA_VERSION {
            // Rebuild from scratch at the older version.
            drop(conn);
            std::fs::remove_file(&path).unwrap();
            conn =
                doyak_store::testing::raw_connection(&path, &Passphrase::new(PASS), true).unwrap();
            doyak_store::testing::migrate_to(&mut conn, from).unwrap();
            if from == 0 {
                // A database from before any schema is not a caseload at all.
                drop(conn);
                assert!(Store::open(&path, &Passphrase::new(PASS)).is_err());
                continue;
            }
        }
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, from);
        drop(conn);
        if from == SCHEMA_VERSION {
            let store = Store::open(&path, &Passphrase::new(PASS)).unwrap();
            assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        }
    }
    assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION);
}

#[test]
fn migrations_are_numbered_without_gaps() {
    for (i, (name, _)) in MIGRATIONS.iter().enumerate() {
        let number: usize = name[..4].parse().unwrap();
        assert_eq!(number, i + 1, "migration {name} is out of order");
    }
}

#[test]
fn a_version_1_file_gets_its_application_status_columns_filled() {
    use doyak_domain::events::{Application, ApplicationStatus};
    let (fx, mut store) = new_store();
    let waiting = Application {
        id: doyak_domain::Id::new_v7(1_700_000_000_000, [7; 10]),
        center_id: center().id,
        seeker_id: seeker(1, "김민수").id,
        vacancy_id: doyak_domain::Id::new_v7(1_700_000_000_001, [8; 10]),
        applied_on: "2026-10-01".parse().unwrap(),
        status: ApplicationStatus::Interview,
        note: None,
    };
    store.write(&ctx(), |w| w.insert(&waiting)).unwrap();
    drop(store);
    // Take the file back to what release 1 wrote: no sync tables, no status
    // or date column.
    let conn =
        doyak_store::testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
    conn.execute_batch(UNDO_0003).unwrap();
    conn.execute_batch(
        "DROP INDEX application_waiting;
         ALTER TABLE application DROP COLUMN status;
         ALTER TABLE application DROP COLUMN applied_on;
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        doyak_store::SCHEMA_VERSION,
        "opening brings a version 1 file all the way to the current schema"
    );
    let found = store
        .applications_waiting_since("2026-11-11".parse().unwrap(), 10)
        .unwrap();
    assert_eq!(
        found,
        vec![waiting],
        "migration 0002 copied status and date out of the JSON, so the index finds it"
    );
}

#[test]
fn a_version_2_file_keeps_its_outbox_and_starts_sync_from_the_beginning() {
    let (fx, mut store) = new_store();
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김민수")))
        .unwrap();
    drop(store);
    let conn =
        doyak_store::testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
    conn.execute_batch(UNDO_0003).unwrap();
    drop(conn);

    let store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let batch = store.outbox_batch(10).unwrap();
    assert_eq!(
        batch.len(),
        2,
        "the center and the seeker queued under release 2 are still to be sent"
    );
    assert!(
        batch.iter().all(|m| m.resolves.is_empty()),
        "rows written before conflicts existed resolve none"
    );
    let state = store.sync_state().unwrap();
    assert_eq!(
        state.cursor,
        doyak_sync_protocol::ChangeVersion::START,
        "a file that never pulled starts from the start of the change log"
    );
    assert!(!state.enrolled, "and has no device token yet");
}
