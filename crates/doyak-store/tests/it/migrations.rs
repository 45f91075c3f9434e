//! Upgrades from every earlier schema, and the refusal of newer ones.

use crate::*;
use doyak_store::{MIGRATIONS, SCHEMA_VERSION};

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
