//! Every way opening a caseload can fail gives its own clear error and leaves
//! the file as it was.

use crate::*;
use doyak_store::StoreError;

#[test]
fn missing_file_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open(&dir.path().join("nope.doyak"), &Passphrase::new(PASS)).unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "got {err:?}");
}

#[test]
fn create_refuses_to_overwrite_an_existing_file() {
    let (fx, store) = new_store();
    drop(store);
    let before = std::fs::read(&fx.path).unwrap();
    let err = Store::create(&fx.path, &Passphrase::new(PASS), &center(), &ctx()).unwrap_err();
    assert!(
        matches!(err, StoreError::AlreadyExists { .. }),
        "got {err:?}"
    );
    assert_eq!(std::fs::read(&fx.path).unwrap(), before);
}

#[test]
fn garbage_and_truncated_files_are_reported_as_damaged_or_wrong_key() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("text", b"name,phone\n".to_vec()),
        (
            "random pages",
            (0..8192u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        ),
    ];
    for (label, bytes) in cases {
        let path = dir.path().join(format!("{label}.doyak"));
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path, &Passphrase::new(PASS)).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Corrupt { .. } | StoreError::WrongPassphrase
            ),
            "{label}: got {err:?}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{label}: file must be untouched"
        );
    }
}

#[test]
fn a_truncated_caseload_is_reported_as_damaged() {
    let (fx, mut store) = new_store();
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김민수")))
        .unwrap();
    drop(store);
    let bytes = std::fs::read(&fx.path).unwrap();
    std::fs::write(&fx.path, &bytes[..bytes.len() - 100]).unwrap();
    let err = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "got {err:?}");
    assert!(err.to_string().contains("손상"), "{err}");
}

#[test]
fn a_damaged_page_is_an_error_when_read_never_wrong_data() {
    let (fx, mut store) = new_store();
    let seekers: Vec<_> = (0..200u8)
        .map(|i| seeker(i, &format!("구직자{i}")))
        .collect();
    store
        .write(&ctx(), |w| seekers.iter().try_for_each(|s| w.insert(s)))
        .unwrap();
    drop(store);
    let mut bytes = std::fs::read(&fx.path).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 8, "the test needs several pages");
    // Flip bytes inside a page in the middle of the file: the header is fine,
    // so the key checks out, but SQLCipher's per-page HMAC fails when that
    // page is read. Open does not read every page (that would cost seconds
    // at 100 000 seekers), so the error may come at open or at the read.
    let at = (pages / 2) * 4096;
    for b in &mut bytes[at + 100..at + 200] {
        *b ^= 0x5a;
    }
    std::fs::write(&fx.path, &bytes).unwrap();
    match Store::open(&fx.path, &Passphrase::new(PASS)) {
        Err(err) => assert!(
            matches!(
                err,
                StoreError::Corrupt { .. } | StoreError::WrongPassphrase
            ),
            "got {err:?}"
        ),
        Ok(store) => {
            let mut read = 0;
            let result = store.for_each::<JobSeeker>(|_| {
                read += 1;
                Ok(())
            });
            let verify = store.verify();
            assert!(
                result.is_err() || verify.is_err(),
                "reading all {read} seekers and verifying found nothing wrong"
            );
            if let Err(err) = verify {
                assert_eq!(err.code(), "store.corrupt", "{err:?}");
            }
        }
    }
    assert_eq!(
        std::fs::read(&fx.path).unwrap(),
        bytes,
        "open and read must not try to repair in place"
    );
}

#[test]
fn a_file_locked_by_another_writer_gives_the_locked_error() {
    let (fx, store) = new_store();
    drop(store);
    // Another program holds an exclusive lock on the file.
    let other =
        doyak_store::testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
    other
        .execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .unwrap();
    let err = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap_err();
    assert!(matches!(err, StoreError::Locked), "got {err:?}");
    assert!(err.to_string().contains("사용 중"), "{err}");
    other.execute_batch("COMMIT").unwrap();
    drop(other);
    assert!(
        Store::open(&fx.path, &Passphrase::new(PASS)).is_ok(),
        "opens once the other program lets go"
    );
}

#[test]
fn a_database_from_a_newer_doyak_is_refused_unchanged() {
    let (fx, store) = new_store();
    drop(store);
    let conn =
        doyak_store::testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
    conn.pragma_update(None, "user_version", doyak_store::SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let before = std::fs::read(&fx.path).unwrap();
    let err = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found, supported } if found == supported + 1),
        "got {err:?}"
    );
    assert_eq!(std::fs::read(&fx.path).unwrap(), before);
}

#[test]
fn a_reader_connection_sees_committed_writes_and_cannot_write() {
    let (fx, mut writer) = new_store();
    let reader = Store::open_reader(&fx.path, &Passphrase::new(PASS)).unwrap();
    let first = seeker(1, "김민수");
    writer.write(&ctx(), |w| w.insert(&first)).unwrap();
    assert_eq!(
        reader.get::<doyak_domain::JobSeeker>(first.id).unwrap(),
        Some(first.clone()),
        "WAL: a commit on the writer is visible to the reader's next query"
    );
    assert_eq!(
        reader.caseload(),
        writer.caseload(),
        "same file, same center"
    );

    let mut reader = reader;
    let err = reader
        .write(&ctx(), |w| w.insert(&seeker(2, "이영희")))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Sqlite(_)),
        "the reader is opened read-only, so SQLite itself refuses: {err:?}"
    );
    assert_eq!(
        writer
            .get::<doyak_domain::JobSeeker>(seeker(2, "").id)
            .unwrap(),
        None,
        "nothing was written through the reader"
    );
}

#[test]
fn a_reader_refuses_a_wrong_passphrase_and_a_schema_it_was_not_built_for() {
    let (fx, store) = new_store();
    drop(store);
    let err = Store::open_reader(&fx.path, &Passphrase::new("틀린 암호입니다")).unwrap_err();
    assert!(matches!(err, StoreError::WrongPassphrase), "got {err:?}");

    // An older file is upgraded by the writer, never by a reader.
    let conn =
        doyak_store::testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
    conn.pragma_update(None, "user_version", doyak_store::SCHEMA_VERSION - 1)
        .unwrap();
    drop(conn);
    let before = std::fs::read(&fx.path).unwrap();
    let err = Store::open_reader(&fx.path, &Passphrase::new(PASS)).unwrap_err();
    assert!(
        matches!(err, StoreError::SchemaMismatch { found, expected } if found + 1 == expected),
        "got {err:?}"
    );
    assert_eq!(std::fs::read(&fx.path).unwrap(), before, "file untouched");
}

#[test]
fn changes_follow_the_kinds_written_here_and_any_write_elsewhere() {
    use doyak_domain::EntityKind;
    let (fx, mut store) = new_store();
    let seekers = |s: &Store| s.changes(&[EntityKind::Seeker]).unwrap();
    let vacancies = |s: &Store| s.changes(&[EntityKind::Vacancy]).unwrap();
    let (s0, v0) = (seekers(&store), vacancies(&store));
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김민수")))
        .unwrap();
    assert_ne!(seekers(&store), s0, "a seeker was written");
    assert_eq!(
        vacancies(&store),
        v0,
        "no vacancy was: a cache of vacancies stays valid"
    );

    // Another connection's commit (sync, another window) changes every kind
    // as far as this connection can tell.
    let mut other = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    let v1 = vacancies(&store);
    other
        .write(&ctx(), |w| w.insert(&seeker(2, "이영희")))
        .unwrap();
    assert_ne!(vacancies(&store), v1, "SQLite's data_version moved");
}
