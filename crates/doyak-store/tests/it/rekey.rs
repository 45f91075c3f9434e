//! Changing the passphrase: afterwards only the new one opens the file, with
//! every record, outbox row and the device's identity intact; and a change
//! stopped after any of its steps — by an error, or by a crash at that
//! instant — leaves a file that exactly one of the two passphrases opens.

use crate::*;
use doyak_store::{RekeyStep, StoreError, rekey_path};
use doyak_sync_protocol::DeviceToken;
use std::path::{Path, PathBuf};

const NEW: &str = "새 암호 battery staple";
const THIRD: &str = "세 번째 암호 2027";

/// What must survive a passphrase change.
#[derive(Debug, PartialEq)]
struct Contents {
    device_id: uuid::Uuid,
    seekers: Vec<String>,
    pending: u64,
    outbox_seqs: Vec<i64>,
    server_url: Option<String>,
    token: Option<String>,
}

fn contents(store: &Store) -> Contents {
    let page = store
        .list_seekers(&doyak_store::SeekerFilter {
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    let credentials = store.sync_credentials().unwrap();
    Contents {
        device_id: store.device_id().unwrap(),
        seekers: page.items.iter().map(|s| s.name.clone()).collect(),
        pending: store.pending_changes().unwrap(),
        outbox_seqs: store
            .outbox_entries(10_000)
            .unwrap()
            .iter()
            .map(|e| e.seq)
            .collect(),
        server_url: credentials.as_ref().map(|(url, _)| url.clone()),
        token: credentials.map(|(_, t)| t.expose_secret().to_owned()),
    }
}

/// A caseload with seekers, pending outbox rows and sync credentials.
fn filled() -> (Fixture, Store, Contents) {
    let (fx, mut store) = new_store();
    for n in 1..=40u8 {
        store
            .write(&ctx(), |w| w.insert(&seeker(n, &format!("이름{n:02}"))))
            .unwrap();
    }
    store
        .set_sync_credentials(
            "https://sync.example.org",
            &DeviceToken::from_random([7; 32]),
        )
        .unwrap();
    let before = contents(&store);
    assert_eq!(before.seekers.len(), 40);
    assert!(before.pending >= 40, "every insert queued an outbox row");
    (fx, store, before)
}

/// Which of `passes` open the caseload at `path` (a copy of it and its log
/// is opened, so opening — which may migrate — changes nothing).
fn openers(path: &Path, passes: &[&str]) -> Vec<(String, Contents)> {
    let dir = tempfile::tempdir().unwrap();
    passes
        .iter()
        .filter_map(|p| {
            let copy = dir.path().join(format!("probe-{}.doyak", p.len()));
            for suffix in ["", "-wal", "-shm"] {
                let from = PathBuf::from(format!("{}{suffix}", path.display()));
                if from.exists() {
                    std::fs::copy(&from, format!("{}{suffix}", copy.display())).unwrap();
                }
            }
            Store::open(&copy, &Passphrase::new(*p))
                .ok()
                .map(|s| ((*p).to_owned(), contents(&s)))
        })
        .collect()
}

fn injected(step: RekeyStep) -> StoreError {
    StoreError::Io {
        path: PathBuf::from(format!("{step:?}")),
        source: std::io::Error::other("injected interruption"),
    }
}

fn companions(path: &Path) -> Vec<PathBuf> {
    let tmp = rekey_path(path);
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .flat_map(|s| {
            [
                PathBuf::from(format!("{}{s}", path.display())),
                PathBuf::from(format!("{}{s}", tmp.display())),
            ]
        })
        .collect()
}

/// Copies every file the caseload has on disk right now, as a crash at this
/// instant would leave them, into `dir` under the same names.
fn snapshot(path: &Path, dir: &Path) -> PathBuf {
    for file in companions(path) {
        if file.exists() {
            std::fs::copy(&file, dir.join(file.file_name().unwrap())).unwrap();
        }
    }
    dir.join(path.file_name().unwrap())
}

#[test]
fn after_a_change_only_the_new_passphrase_opens_and_everything_is_there() {
    let (fx, mut store, before) = filled();
    store
        .change_passphrase(&Passphrase::new(PASS), &Passphrase::new(NEW))
        .unwrap();
    assert_eq!(
        contents(&store),
        before,
        "the open store is the new file with the same rows"
    );
    // The store keeps working after the change: a write lands and queues.
    store
        .write(&ctx(), |w| w.insert(&seeker(99, "바꾼뒤")))
        .unwrap();
    drop(store);
    assert!(!rekey_path(&fx.path).exists(), "no copy is left behind");
    let err = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap_err();
    assert!(
        matches!(err, StoreError::WrongPassphrase),
        "the old passphrase must no longer open the file: {err:?}"
    );
    let reopened = Store::open(&fx.path, &Passphrase::new(NEW)).unwrap();
    let after = contents(&reopened);
    assert_eq!(after.device_id, before.device_id, "the same device");
    assert_eq!(after.token, before.token, "the same sync credentials");
    assert_eq!(after.seekers.len(), 41);
    assert_eq!(after.pending, before.pending + 1);
    assert_eq!(
        after.outbox_seqs[..before.outbox_seqs.len()],
        before.outbox_seqs[..],
        "the outbox keeps its sequence numbers, so sync goes on without a gap"
    );
    assert_eq!(
        reopened.schema_version().unwrap(),
        doyak_store::SCHEMA_VERSION
    );
    reopened.verify().unwrap();
}

#[test]
fn check_passphrase_tells_the_current_one_from_others() {
    let (_fx, store) = new_store();
    assert!(store.check_passphrase(&Passphrase::new(PASS)).unwrap());
    assert!(!store.check_passphrase(&Passphrase::new(NEW)).unwrap());
    assert!(!store.check_passphrase(&Passphrase::new("")).unwrap());
}

/// Stops a change after each step in turn, with the files as a crash at
/// that instant leaves them copied aside; both the stopped store's file and
/// the crash copy must open with exactly one passphrase — the old one until
/// the rename, the new one from then on — and hold everything; and the next
/// change, from either, must succeed despite the copy left behind.
#[test]
fn a_change_stopped_after_any_step_leaves_a_file_exactly_one_passphrase_opens() {
    for step in RekeyStep::ALL {
        let (fx, mut store, before) = filled();
        let crash = tempfile::tempdir().unwrap();
        let mut crashed_at = None;
        let err = store
            .change_passphrase_with(&Passphrase::new(PASS), &Passphrase::new(NEW), &mut |s| {
                if s == step {
                    crashed_at = Some(snapshot(&fx.path, crash.path()));
                    return Err(injected(s));
                }
                Ok(())
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{step:?}: {err:?}");
        let expected = if step >= RekeyStep::Renamed {
            NEW
        } else {
            PASS
        };

        // The stopped change: the store is open again and usable.
        assert_eq!(contents(&store), before, "{step:?}: the store still reads");
        assert!(
            store.check_passphrase(&Passphrase::new(expected)).unwrap(),
            "{step:?}: the store is open on the file {expected:?} opens"
        );
        let live = openers(&fx.path, &[PASS, NEW]);
        assert_eq!(live.len(), 1, "{step:?}: exactly one passphrase opens it");
        assert_eq!(live[0], (expected.to_owned(), contents(&store)));
        if step < RekeyStep::Renamed {
            assert!(
                !rekey_path(&fx.path).exists(),
                "{step:?}: a stopped change removes its copy"
            );
        }
        drop(store);

        // The crash copy.
        let crashed = crashed_at.expect("the hook ran");
        let opened = openers(&crashed, &[PASS, NEW]);
        assert_eq!(
            opened.len(),
            1,
            "{step:?}: after a crash exactly one passphrase opens the file"
        );
        assert_eq!(opened[0].0, expected, "{step:?}: which one");
        assert_eq!(
            opened[0].1, before,
            "{step:?}: every record, outbox row and the device survive"
        );

        // A crash mid-copy leaves half a file: cut the copy short.
        let tmp = rekey_path(&crashed);
        if step == RekeyStep::Exported {
            let len = std::fs::metadata(&tmp).unwrap().len();
            let f = std::fs::OpenOptions::new().write(true).open(&tmp).unwrap();
            f.set_len(len / 2).unwrap();
        }
        // The next change, on the crash copy, removes the copy an
        // interrupted run left (whole or cut short) and starts afresh.
        let left_over = tmp.exists();
        assert_eq!(
            left_over,
            (RekeyStep::Exported..=RekeyStep::Closed).contains(&step),
            "{step:?}: the new file exists from the copy until the rename"
        );
        if left_over {
            let mut again = Store::open(&crashed, &Passphrase::new(expected)).unwrap();
            again
                .change_passphrase(&Passphrase::new(expected), &Passphrase::new(THIRD))
                .unwrap();
            assert_eq!(
                contents(&again),
                before,
                "{step:?}: the next change keeps everything"
            );
            drop(again);
            assert!(!tmp.exists(), "{step:?}: no copy remains");
            assert_eq!(
                openers(&crashed, &[expected, THIRD])
                    .into_iter()
                    .map(|(p, _)| p)
                    .collect::<Vec<_>>(),
                [THIRD],
                "{step:?}: only the latest passphrase opens it"
            );
        }
    }
}

#[test]
fn a_change_is_refused_while_another_connection_has_the_file_open() {
    let (fx, mut store, before) = filled();
    let other = Store::open_reader(&fx.path, &Passphrase::new(PASS)).unwrap();
    // The other connection is in the middle of reading.
    let err = store
        .change_passphrase(&Passphrase::new(PASS), &Passphrase::new(NEW))
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked), "got {err:?}");
    assert_eq!(contents(&other), before, "the other connection still reads");
    assert_eq!(contents(&store), before, "the store still reads");
    drop(other);
    assert!(!rekey_path(&fx.path).exists());
    store
        .change_passphrase(&Passphrase::new(PASS), &Passphrase::new(NEW))
        .unwrap();
    assert_eq!(contents(&store), before);
}
