//! PostgreSQL's locking: change-log versions in commit order, and a
//! deadlock reported once, not retried.

use super::*;

#[test]
fn the_center_lock_hands_out_versions_in_commit_order() {
    let Some(db) = TestDb::create() else { return };
    let storage = Arc::new(Storage::Postgres(db.storage(4)));
    let c = id(C1);
    storage
        .transact(|tx| {
            tx.put_center(&CenterRow {
                center_id: c,
                name: "센터".into(),
                region: None,
            })?;
            tx.put_enrollment_code("code", c, at(0), at(60))
        })
        .expect("set up");
    let (threads, pushes) = (4, 50);
    let barrier = Arc::new(Barrier::new(threads));
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let (storage, barrier) = (storage.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let code = storage.transact(|tx| tx.take_enrollment_code("code", at(1)))?;
                for _ in 0..pushes {
                    storage.transact(|tx| {
                        tx.lock_center(c)?;
                        let v = tx.next_change_version(c)?;
                        // A reader of the log never sees a gap: the version
                        // before this one has committed already.
                        let previous = tx.changes_after(c, v.saturating_sub(2), 1)?;
                        if v > 1 && previous.first().map(|p| p.0) != Some(v - 1) {
                            return Err(StorageError::Corrupt {
                                what: "gap in change_log",
                            });
                        }
                        tx.put_change(c, v, Uuid::nil(), "{}")
                    })?;
                }
                Ok::<_, StorageError>(code)
            })
        })
        .collect();
    let codes: Vec<Option<Uuid>> = workers
        .into_iter()
        .map(|w| w.join().expect("no panic").expect("every push commits"))
        .collect();
    assert_eq!(
        codes.iter().filter(|c| c.is_some()).count(),
        1,
        "a code works once"
    );
    let log = storage
        .transact(|tx| tx.changes_after(c, 0, u32::MAX))
        .expect("read the log");
    let versions: Vec<u64> = log.iter().map(|(v, _)| *v).collect();
    let expected: Vec<u64> = (1..=(threads * pushes) as u64).collect();
    assert_eq!(versions, expected);
}

#[test]
fn a_deadlock_fails_once_and_is_not_retried() {
    let Some(db) = TestDb::create() else { return };
    let storage = Arc::new(Storage::Postgres(db.storage(2)));
    let (a, b) = (id(C1), id(C2));
    storage
        .transact(|tx| {
            tx.put_center(&CenterRow {
                center_id: a,
                name: "A".into(),
                region: None,
            })?;
            tx.put_center(&CenterRow {
                center_id: b,
                name: "B".into(),
                region: None,
            })
        })
        .expect("set up");
    let barrier = Arc::new(Barrier::new(2));
    let workers: Vec<_> = [(a, b), (b, a)]
        .into_iter()
        .map(|(first, second)| {
            let (storage, barrier) = (storage.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut calls = 0;
                let result = storage.transact(|tx| {
                    calls += 1;
                    tx.lock_center(first)?;
                    barrier.wait();
                    tx.lock_center(second)?;
                    tx.next_change_version(first)
                });
                (calls, result)
            })
        })
        .collect();
    let outcomes: Vec<_> = workers
        .into_iter()
        .map(|w| w.join().expect("no panic"))
        .collect();
    assert!(outcomes.iter().all(|(calls, _)| *calls == 1));
    let failed: Vec<&StorageError> = outcomes
        .iter()
        .filter_map(|(_, r)| r.as_ref().err())
        .collect();
    assert_eq!(failed.len(), 1, "{outcomes:?}");
    match failed[0] {
        StorageError::Postgres(e) => {
            assert_eq!(
                e.code(),
                Some(&postgres::error::SqlState::T_R_DEADLOCK_DETECTED)
            );
        }
        other => panic!("expected the driver's deadlock error, got {other:?}"),
    }
    assert!(
        outcomes
            .iter()
            .any(|(_, r)| r.as_ref().is_ok_and(|v| *v == 1))
    );
}
