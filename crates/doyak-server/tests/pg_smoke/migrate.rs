//! Migration 0008 on a database written before it: the records stored
//! bodies and results hold values of are found by the destruction's
//! statements (the same rule as sqlite_0007.sql, tested in the SQLite
//! backend's unit tests). Migration 0009's access log is append-only.

use super::*;

#[test]
fn entries_and_results_from_before_0008_are_found_by_record() {
    let Some(db) = TestDb::create() else { return };
    let mut client = db.client();
    client
        .batch_execute(concat!(
            "CREATE TABLE schema_migrations (version INT PRIMARY KEY, applied_at TEXT);",
            include_str!("../../migrations/postgres_0001.sql"),
            include_str!("../../migrations/postgres_0002.sql"),
            include_str!("../../migrations/postgres_0003.sql"),
            include_str!("../../migrations/postgres_0004.sql"),
            include_str!("../../migrations/postgres_0005.sql"),
            include_str!("../../migrations/postgres_0006.sql"),
            include_str!("../../migrations/postgres_0007.sql"),
            "INSERT INTO schema_migrations SELECT generate_series(1, 7), 'then';",
        ))
        .expect("a database at migration 7");
    let (center, device, seeker) = (id(C1), id(0xd1), id(0x51));
    client
        .execute(
            "INSERT INTO center (center_id, name) VALUES ($1, '센터')",
            &[&center.to_string()],
        )
        .expect("center");
    client
        .execute(
            "INSERT INTO device VALUES ($1, $2, '노트북', 'h', 4, '2026-01-01T00:00:00.000Z', NULL, NULL)",
            &[&device.to_string(), &center.to_string()],
        )
        .expect("device");
    client
        .execute(
            "INSERT INTO change_log (center_id, version, body) VALUES ($1, 7, $2)",
            &[
                &center.to_string(),
                &format!(r#"{{"entity_id":"{seeker}","body":{{"kind":"update"}}}}"#),
            ],
        )
        .expect("an entry");
    let kept = r#""server_kept":{"phone":{"value":"010-1234-5678","version":2}}"#;
    for (seq, outcome) in [
        (
            1i64,
            format!(
                r#"{{"status":"conflict_recorded","applied":{{}},"conflicts":[{{"entity_id":"{seeker}"}}]}}"#
            ),
        ),
        (
            2,
            format!(r#"{{"status":"applied","change_version":7,{kept}}}"#),
        ),
        (3, format!(r#"{{"status":"applied",{kept}}}"#)),
        (4, r#"{"status":"applied","change_version":7}"#.to_owned()),
    ] {
        client
            .execute(
                "INSERT INTO mutation_result VALUES ($1, $2, $3, $4)",
                &[
                    &device.to_string(),
                    &seq,
                    &id(seq as u128).to_string(),
                    &format!(r#"{{"outcome":{outcome}}}"#),
                ],
            )
            .expect("a result");
    }
    let storage = Storage::Postgres(db.storage(1));
    let (entries, results) = storage
        .transact(|tx| {
            Ok::<_, StorageError>((
                tx.logged_changes_of(&[seeker])?,
                tx.results_holding(&[seeker])?,
            ))
        })
        .expect("migrated, then read");
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

/// Entries of the access log are never changed or removed, whoever sends
/// the SQL: the migration's triggers refuse it as SQLite's do.
#[test]
fn the_access_log_refuses_updates_deletes_and_truncation() {
    let Some(db) = TestDb::create() else { return };
    drop(db.storage(1));
    let mut client = db.client();
    client
        .execute(
            "INSERT INTO access_log VALUES ('c', 'd', 1, 'at', 'd', 'counselor:1', 'view',
             'seeker', NULL, 'page', 'p', 'h', 'r')",
            &[],
        )
        .expect("appending is what the table is for");
    for sql in [
        "UPDATE access_log SET detail = 'x'",
        "DELETE FROM access_log",
        "TRUNCATE access_log",
    ] {
        let refused = client.batch_execute(sql);
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| format!("{e:?}").contains("append-only")),
            "{sql}: {refused:?}"
        );
    }
}
