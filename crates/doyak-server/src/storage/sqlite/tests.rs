//! The SQLite backend's own tests: files written by earlier schemas.

use super::*;

/// A file written before events were logged by reference keeps its
/// change log through the table's rebuild, and an entry must hold
/// exactly one of a body and an event.
#[test]
fn a_change_log_from_before_event_references_reads_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("server.db");
    let center = Uuid::from_u128(0xc1);
    {
        let conn = Connection::open(&path).expect("create");
        conn.execute_batch(MIGRATIONS[0]).expect("migration 1");
        conn.pragma_update(None, "user_version", 1)
            .expect("version");
        for v in [1i64, 2] {
            conn.execute(
                "INSERT INTO change_log VALUES (?1, ?2, ?3)",
                (center.to_string(), v, format!(r#"{{"old":{v}}}"#)),
            )
            .expect("an entry as migration 1 wrote it");
        }
    }
    let storage = SqliteStorage::open(&path).expect("migrated");
    let log = storage
        .transact(|tx| tx.changes_after(center, 0, 10))
        .expect("read");
    assert_eq!(
        log,
        vec![
            (1, Logged::Change(r#"{"old":1}"#.into())),
            (2, Logged::Change(r#"{"old":2}"#.into())),
        ]
    );
    let conn = storage.conn.lock().expect("not poisoned");
    for (body, event) in [(None, None), (Some("{}"), Some("e"))] {
        let refused = conn.execute(
            "INSERT INTO change_log (center_id, version, body, event_id) VALUES ('c', 3, ?1, ?2)",
            (body, event),
        );
        assert!(refused.is_err(), "body {body:?} with event {event:?}");
    }
}

/// Migration 0007 finds the records that stored bodies and results hold
/// values of in what was written before it: a change names its record, a
/// conflict its record, an applied change its entry in the device's
/// center's log. A result that changed nothing names none.
#[test]
fn entries_and_results_from_before_0007_are_found_by_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("server.db");
    let (center, device, seeker) = (
        Uuid::from_u128(0xc1),
        Uuid::from_u128(0xd1),
        Uuid::from_u128(0x51),
    );
    {
        let conn = Connection::open(&path).expect("create");
        for sql in &MIGRATIONS[..6] {
            conn.execute_batch(sql).expect("an earlier migration");
        }
        conn.pragma_update(None, "user_version", 6)
            .expect("version");
        conn.execute(
            "INSERT INTO center (center_id, name) VALUES (?1, '센터')",
            [center.to_string()],
        )
        .expect("center");
        conn.execute(
            "INSERT INTO device VALUES (?1, ?2, '노트북', 'h', 4, '2026-01-01T00:00:00.000Z', NULL, NULL)",
            (device.to_string(), center.to_string()),
        )
        .expect("device");
        conn.execute(
            "INSERT INTO change_log (center_id, version, body) VALUES (?1, 7, ?2)",
            (
                center.to_string(),
                format!(r#"{{"entity_id":"{seeker}","body":{{"kind":"update"}}}}"#),
            ),
        )
        .expect("an entry");
        for (seq, outcome) in [
            (
                1,
                format!(r#"{{"status":"conflict_recorded","applied":{{}},"conflicts":[{{"entity_id":"{seeker}"}}]}}"#),
            ),
            (
                2,
                r#"{"status":"applied","change_version":7,"server_kept":{"phone":{"value":"010-1234-5678","version":2}}}"#.to_owned(),
            ),
            (
                3,
                r#"{"status":"applied","server_kept":{"phone":{"value":"010-1234-5678","version":2}}}"#.to_owned(),
            ),
            (4, r#"{"status":"applied","change_version":7}"#.to_owned()),
        ] {
            conn.execute(
                "INSERT INTO mutation_result VALUES (?1, ?2, ?3, ?4)",
                (
                    device.to_string(),
                    seq,
                    Uuid::from_u128(seq as u128).to_string(),
                    format!(r#"{{"outcome":{outcome}}}"#),
                ),
            )
            .expect("a result");
        }
    }
    let storage = SqliteStorage::open(&path).expect("migrated");
    let (entries, results) = storage
        .transact(|tx| {
            Ok::<_, StorageError>((
                tx.logged_changes_of(&[seeker])?,
                tx.results_holding(&[seeker])?,
            ))
        })
        .expect("read");
    assert_eq!(
        entries.iter().map(|e| (e.0, e.1)).collect::<Vec<_>>(),
        vec![(center, 7)]
    );
    assert_eq!(
        results.iter().map(|r| (r.0, r.1, r.2)).collect::<Vec<_>>(),
        vec![(device, 1, seeker), (device, 2, seeker)],
        "the conflict and the applied change; not the one that changed nothing, nor the one without values"
    );
}

/// Entries of the access log are never changed or removed (migration
/// 0008's triggers), whoever sends the SQL.
#[test]
fn the_access_log_refuses_updates_and_deletes() {
    let storage = SqliteStorage::in_memory().expect("a database");
    let conn = storage.conn.lock().expect("not poisoned");
    conn.execute(
        "INSERT INTO access_log VALUES ('c', 'd', 1, 'at', 'd', 'counselor:1', 'view',
         'seeker', NULL, 'page', 'p', 'h', 'r')",
        [],
    )
    .expect("appending is what the table is for");
    for sql in [
        "UPDATE access_log SET detail = 'x'",
        "DELETE FROM access_log",
    ] {
        let refused = conn.execute(sql, []);
        assert!(
            format!("{refused:?}").contains("append-only"),
            "{sql}: {refused:?}"
        );
    }
}
