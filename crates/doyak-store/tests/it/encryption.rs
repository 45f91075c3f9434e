//! The caseload is unreadable without the passphrase: no planted personal data
//! appears in any file SQLite writes, and a wrong passphrase changes nothing.

use crate::*;
use doyak_domain::Phone;
use doyak_store::StoreError;

const PLANTED_NAME: &str = "홍길동표본";
const PLANTED_PHONE: &str = "010-9876-5432";

fn files_of(path: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .filter_map(|suffix| {
            let p = format!("{}{suffix}", path.display());
            std::fs::read(&p).ok().map(|bytes| (p, bytes))
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn plant(store: &mut Store) {
    let mut s = seeker(1, PLANTED_NAME);
    s.phone = Some(Phone::parse(PLANTED_PHONE).unwrap());
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
}

#[test]
fn planted_name_and_phone_appear_in_no_file_byte() {
    let (fx, mut store) = new_store();
    plant(&mut store);
    // Read while the WAL still holds the frames, then again after a checkpoint
    // moved them into the main file.
    let mut scanned = 0;
    for (file, bytes) in files_of(&fx.path) {
        scanned += bytes.len();
        assert!(
            !contains(&bytes, PLANTED_NAME),
            "name found in plaintext in {file}"
        );
        assert!(
            !contains(&bytes, PLANTED_PHONE),
            "phone found in plaintext in {file}"
        );
    }
    assert!(
        scanned > 4096,
        "the scan must have read real files, read {scanned} bytes"
    );
    drop(store);
    for (file, bytes) in files_of(&fx.path) {
        assert!(
            !contains(&bytes, PLANTED_NAME),
            "name found after close in {file}"
        );
        assert!(
            !contains(&bytes, PLANTED_PHONE),
            "phone found after close in {file}"
        );
    }
}

#[test]
fn the_byte_scan_does_find_data_in_an_unencrypted_store() {
    // Control for the test above: without encryption the same scan must find
    // the planted values, or the scan proves nothing.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.db");
    let mut store = Store::create(
        &path,
        &Passphrase::unencrypted_for_benchmarks(),
        &center(),
        &ctx(),
    )
    .unwrap();
    plant(&mut store);
    let found = files_of(&path)
        .iter()
        .any(|(_, b)| contains(b, PLANTED_NAME) && contains(b, PLANTED_PHONE));
    assert!(
        found,
        "an unencrypted store holds the name and phone in plain bytes"
    );
}

#[test]
fn wrong_passphrase_is_refused_and_the_file_is_untouched() {
    let (fx, mut store) = new_store();
    plant(&mut store);
    drop(store);
    let before = files_of(&fx.path);
    let err = Store::open(&fx.path, &Passphrase::new("틀린 암호")).unwrap_err();
    assert!(matches!(err, StoreError::WrongPassphrase), "got {err:?}");
    assert_eq!(err.code(), "store.wrong_passphrase");
    assert!(
        err.to_string().contains("암호가 맞지 않"),
        "Korean message: {err}"
    );
    assert_eq!(
        files_of(&fx.path),
        before,
        "a failed unlock must not change a byte"
    );
    // and the right passphrase still opens it with the data intact
    let store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    assert_eq!(store.count::<JobSeeker>().unwrap(), 1);
}

#[test]
fn empty_passphrase_is_refused_before_touching_the_file() {
    let (fx, store) = new_store();
    drop(store);
    let err = Store::open(&fx.path, &Passphrase::new("")).unwrap_err();
    assert!(matches!(err, StoreError::EmptyPassphrase), "got {err:?}");
}
