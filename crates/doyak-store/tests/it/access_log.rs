//! The access log: entries chain by hash, the app's SQL cannot change one,
//! and an entry changed or removed behind the app's back is found, at the
//! entry where the chain breaks.

use crate::*;
use doyak_domain::EntityKind;
use doyak_store::{Access, GENESIS, testing};

fn log_three(store: &Store) -> Vec<Id> {
    let ids: Vec<Id> = (1..=3).map(|n| seeker(n, "접근").id).collect();
    for (i, id) in ids.iter().enumerate() {
        store
            .log_access(
                ctx().now + chrono::Duration::minutes(i as i64),
                "counselor:test",
                [Access::View, Access::Print, Access::Export][i],
                EntityKind::Seeker,
                Some(*id),
                ["", "seeker_report", "seekers:xlsx:masked"][i],
            )
            .unwrap();
    }
    ids
}

#[test]
fn entries_chain_and_the_whole_log_verifies() {
    let (_fx, store) = new_store();
    assert_eq!(store.verify_access_log().unwrap().head, GENESIS, "empty");
    let ids = log_three(&store);
    let check = store.verify_access_log().unwrap();
    assert_eq!((check.entries, check.broken), (3, None));
    let entries = store.access_entries(None, 10).unwrap();
    assert_eq!(entries.iter().map(|e| e.seq).collect::<Vec<_>>(), [3, 2, 1]);
    assert_eq!(entries[2].prev_hash, GENESIS);
    assert_eq!(entries[1].prev_hash, entries[2].hash);
    assert_eq!(check.head, entries[0].hash);
    let about = store.access_entries(Some(ids[1]), 10).unwrap();
    assert_eq!((about.len(), about[0].action.as_str()), (1, "print"));
}

#[test]
fn the_apps_sql_cannot_change_or_remove_an_entry() {
    let (fx, store) = new_store();
    log_three(&store);
    drop(store);
    let conn = testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
    let update = conn.execute("UPDATE access_log SET detail = 'x' WHERE seq = 2", []);
    assert!(format!("{update:?}").contains("append-only"), "{update:?}");
    let delete = conn.execute("DELETE FROM access_log WHERE seq = 2", []);
    assert!(format!("{delete:?}").contains("append-only"), "{delete:?}");
}

#[test]
fn an_entry_edited_or_removed_behind_the_apps_back_is_found() {
    for (tamper, at, why) in [
        (
            "UPDATE access_log SET detail = 'seekers:xlsx:full' WHERE seq = 3",
            3,
            "내용이 바뀌었",
        ),
        (
            "UPDATE access_log SET actor = 'someone-else' WHERE seq = 1",
            1,
            "내용이 바뀌었",
        ),
        ("DELETE FROM access_log WHERE seq = 2", 3, "순번"),
    ] {
        let (fx, store) = new_store();
        log_three(&store);
        drop(store);
        let conn = testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
        // Someone with the key goes around the triggers.
        conn.execute_batch(
            "DROP TRIGGER access_log_append_only_update; DROP TRIGGER access_log_append_only_delete;",
        )
        .unwrap();
        conn.execute(tamper, []).unwrap();
        drop(conn);
        let store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
        let check = store.verify_access_log().unwrap();
        let (seq, fault) = check
            .broken
            .unwrap_or_else(|| panic!("{tamper} went unnoticed"));
        assert_eq!(seq, at, "{tamper}: {fault}");
        assert!(fault.contains(why), "{tamper}: {fault}");
    }
}

#[test]
fn the_acknowledged_entry_is_remembered_and_a_new_device_starts_over() {
    let (_fx, mut store) = new_store();
    log_three(&store);
    assert_eq!(
        store.access_log_acknowledged().unwrap(),
        0,
        "nothing sent yet"
    );
    let next = store.access_entries_after(0, 2).unwrap();
    assert_eq!(
        next.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2],
        "oldest first, at most the batch"
    );
    store.set_access_log_acknowledged(2).unwrap();
    assert_eq!(store.access_log_acknowledged().unwrap(), 2);
    let rest = store.access_entries_after(2, 10).unwrap();
    assert_eq!(rest.iter().map(|e| e.seq).collect::<Vec<_>>(), [3]);
    let wire = doyak_sync_protocol::AccessLogEntry::from(rest[0].clone());
    assert_eq!(
        wire.computed_hash(),
        rest[0].hash,
        "the server hashes the entry it receives as the desk did"
    );

    store
        .become_new_device(uuid::Uuid::now_v7(), "test")
        .unwrap();
    assert_eq!(
        store.access_log_acknowledged().unwrap(),
        0,
        "the new device's log on the server is empty: the whole chain goes again"
    );
}
