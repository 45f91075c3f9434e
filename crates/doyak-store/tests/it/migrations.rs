//! Migration bookkeeping and files that are no caseload at all. Upgrades from
//! earlier schemas are tested on files earlier releases wrote (old_files.rs);
//! a newer schema's refusal is in open_errors.rs.

use crate::*;
use doyak_store::{MIGRATIONS, SCHEMA_VERSION};

#[test]
fn a_file_with_no_schema_is_not_a_caseload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v0.doyak");
    let mut conn =
        doyak_store::testing::raw_connection(&path, &Passphrase::new(PASS), true).unwrap();
    doyak_store::testing::migrate_to(&mut conn, 0).unwrap();
    conn.execute_batch("CREATE TABLE t (x INTEGER)").unwrap();
    drop(conn);
    assert!(
        matches!(
            Store::open(&path, &Passphrase::new(PASS)),
            Err(doyak_store::StoreError::Corrupt { .. })
        ),
        "an encrypted database at user_version 0 holds no caseload: no center, no device"
    );
    let conn = doyak_store::testing::raw_connection(&path, &Passphrase::new(PASS), false).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 0, "a refused file is not migrated");
}

#[test]
fn a_new_file_is_at_the_current_schema() {
    let (_fx, store) = new_store();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn migrations_are_numbered_without_gaps() {
    for (i, (name, _)) in MIGRATIONS.iter().enumerate() {
        let number: usize = name[..4].parse().unwrap();
        assert_eq!(number, i + 1, "migration {name} is out of order");
    }
    assert_eq!(MIGRATIONS.len() as i64, SCHEMA_VERSION);
}
