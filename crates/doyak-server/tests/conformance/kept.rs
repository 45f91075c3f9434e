//! The national figures' totals kept per center, on every backend:
//! computed once per center, version and day; read back from the database
//! after a restart instead of computed; computed again by the refresher
//! after a push, and on another day. (That a second asker waits for the
//! first is a unit test in kept.rs, where the first's turn can be held.)

use super::support::{enroll, seeker};
use super::{config, fresh_pg_database, now, uuid7};
use chrono::NaiveDate;
use doyak_server::national::{Figures, Scope};
use doyak_server::{PostgresStorage, SqliteStorage, Storage, SyncService};
use doyak_sync_protocol::Op;
use std::path::PathBuf;
use uuid::Uuid;

/// A backend that can be opened again over the same database (a restart).
struct Reopenable {
    name: &'static str,
    open: Box<dyn Fn() -> SyncService>,
    _dir: Option<tempfile::TempDir>,
    cleanup: Option<Box<dyn FnOnce()>>,
}

impl Drop for Reopenable {
    fn drop(&mut self) {
        if let Some(cleanup) = self.cleanup.take() {
            cleanup();
        }
    }
}

fn reopenable() -> Vec<Reopenable> {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("server.db");
    let mut all = vec![Reopenable {
        name: "sqlite",
        open: Box::new(move || {
            SyncService::new(
                Storage::Sqlite(SqliteStorage::open(&path).unwrap()),
                config(),
            )
        }),
        _dir: Some(dir),
        cleanup: None,
    }];
    if let Ok(url) = std::env::var("DOYAK_TEST_DATABASE_URL") {
        let (db_url, cleanup) = fresh_pg_database(&url);
        all.push(Reopenable {
            name: "postgres",
            open: Box::new(move || {
                SyncService::new(
                    Storage::Postgres(PostgresStorage::connect(&db_url, 4).unwrap()),
                    config(),
                )
            }),
            _dir: None,
            cleanup: Some(cleanup),
        });
    }
    all
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn national(service: &SyncService, today: NaiveDate) -> Figures {
    service
        .figures(&Scope::National, "2026-10", "2026-10", today)
        .unwrap()
}

/// The nation's new participants of 2026-10 (the pushed seekers joined
/// on 2026-10-05).
fn new_participants(f: &Figures) -> Option<u32> {
    f.national
        .iter()
        .find(|v| v.figure == "seekers_new" && v.month == "2026-10")
        .and_then(|v| v.n)
}

fn push_seekers(
    service: &SyncService,
    device: &mut super::support::Device,
    ids: std::ops::Range<u64>,
    center: Uuid,
) {
    let mutations = ids
        .map(|k| {
            let id = uuid7(3000 + k);
            device.mutation(
                "seeker",
                id,
                Op::Insert {
                    record: seeker(id, center),
                },
            )
        })
        .collect();
    service
        .push(&device.row, device.request(mutations), now())
        .unwrap();
}

#[test]
fn a_centers_figure_totals_are_kept_across_a_restart_and_computed_again_when_it_changes() {
    for backend in reopenable() {
        let name = backend.name;
        let center = uuid7(21);
        let first = (backend.open)();
        first.put_center(center, "센터").unwrap();
        let mut device = enroll(&first, center, 30);
        push_seekers(&first, &mut device, 0..6, center);
        let computed = |s: &SyncService| s.kept_figures().computed();

        let answer = national(&first, day(25));
        assert_eq!(new_participants(&answer), Some(6), "{name}");
        assert_eq!(computed(&first), 1, "{name}: the one center, computed once");
        assert_eq!(national(&first, day(25)), answer, "{name}");
        // The push marked the center changed; what the refresher finds is
        // already kept at the center's version and day.
        assert_eq!(first.refresh_figures(day(25)), 1, "{name}");
        assert_eq!(computed(&first), 1, "{name}: kept, not computed again");
        drop(first);

        let second = (backend.open)();
        assert_eq!(
            national(&second, day(25)),
            answer,
            "{name}: after a restart"
        );
        assert_eq!(
            computed(&second),
            0,
            "{name}: read back from the database, not computed from the records"
        );
        push_seekers(&second, &mut device, 6..7, center);
        assert_eq!(
            second.refresh_figures(day(25)),
            1,
            "{name}: the pushed center"
        );
        assert_eq!(
            computed(&second),
            1,
            "{name}: computed again after the push"
        );
        let after = national(&second, day(25));
        assert_eq!(new_participants(&after), Some(7), "{name}: the push counts");
        assert_eq!(
            computed(&second),
            1,
            "{name}: the answer read the refreshed totals"
        );
        assert_eq!(
            second.refresh_figures(day(25)),
            0,
            "{name}: nothing changed since"
        );

        // Another day: a 3-month window may have ended; computed again.
        national(&second, day(26));
        assert_eq!(computed(&second), 2, "{name}: another day");
    }
}
