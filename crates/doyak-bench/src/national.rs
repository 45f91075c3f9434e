//! `--national --centers C --seekers N [--runs R]`: C demo centers of N
//! seekers each, pushed straight into a service on a fresh PostgreSQL
//! database (DOYAK_BENCH_DATABASE_URL), then the national figures of one
//! month: the first answer computes every center from its records; the
//! next ones find every center unchanged and merge what was kept; after a
//! restart the kept totals are read back from the database; after one
//! center changes, the refresher computes it alone and the answer reads
//! kept totals.

use crate::sync::{demo_caseload, enrolled_in, fresh_database};
use crate::{fail, median, ms};
use chrono::NaiveDate;
use doyak_server::national::Scope;
use doyak_server::{PostgresStorage, ServiceConfig, Storage, SyncService};
use doyak_store::{Passphrase, Store};
use doyak_sync_protocol::{ProtocolVersion, PushRequest};
use std::time::{Duration, Instant};

pub fn run(centers: u32, seekers: u32, runs: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("tempdir", e));
    let pg = std::env::var("DOYAK_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test?sslmode=disable".into());
    let db = fresh_database(&pg);
    let storage = PostgresStorage::connect(&db, 4).unwrap_or_else(|e| fail("postgres", e));
    let service = SyncService::new(Storage::Postgres(storage), ServiceConfig::default());
    let secret = Passphrase::unencrypted_for_benchmarks();
    let mut rows = 0usize;
    let mut last = None;
    for c in 0..centers {
        let started = Instant::now();
        let path = dir.path().join(format!("center-{c}.doyak"));
        let center = demo_caseload(&path, &secret, seekers).id.as_uuid();
        service
            .put_center(center, &format!("센터 {c}"))
            .unwrap_or_else(|e| fail("center", e));
        let region = format!("지역 {}", c % 6);
        service
            .set_center_region(center, Some(&region))
            .unwrap_or_else(|e| fail("region", e.body.message));
        let store = Store::open(&path, &secret).unwrap_or_else(|e| fail("open", e));
        let device_id = store.device_id().unwrap_or_else(|e| fail("device", e));
        let device = enrolled_in(&service, center, device_id);
        let all = store
            .outbox_batch(usize::MAX)
            .unwrap_or_else(|e| fail("outbox", e));
        rows += all.len();
        for chunk in all.chunks(doyak_sync_protocol::MAX_PUSH_MUTATIONS) {
            let request = PushRequest {
                protocol: ProtocolVersion::V1,
                device_id,
                mutations: chunk.to_vec(),
            };
            service
                .push(&device, request, chrono::Utc::now())
                .unwrap_or_else(|e| fail("push", e.body.message));
        }
        // As autovacuum would on a served database (this machine's cluster
        // runs without it): unanalysed at 9 million rows, the push's look-up
        // of earlier results by mutation id became a parallel scan of the
        // whole table, minutes per push.
        analyze(&db);
        // 50 desk files of 20,000 seekers would fill some 40 GB: each is
        // gone once its rows are in the service.
        drop(store);
        std::fs::remove_file(&path).unwrap_or_else(|e| fail("remove the desk file", e));
        last = Some(center);
        eprintln!(
            "center {}/{centers}: {} rows in {:.1} s",
            c + 1,
            all.len(),
            started.elapsed().as_secs_f64()
        );
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    let answer = |service: &SyncService| {
        let started = Instant::now();
        let figures = service
            .figures(&Scope::National, "2026-10", "2026-10", today)
            .unwrap_or_else(|e| fail("figures", e.body.message));
        (started.elapsed(), figures.by_center.len())
    };
    let (cold, cells) = answer(&service);
    let warm: Vec<Duration> = (0..runs).map(|_| answer(&service).0).collect();
    // A restart: a new service over the same database reads the kept
    // totals back instead of computing them.
    drop(service);
    let service = SyncService::new(
        Storage::Postgres(PostgresStorage::connect(&db, 4).unwrap_or_else(|e| fail("postgres", e))),
        ServiceConfig::default(),
    );
    let (restarted, _) = answer(&service);
    let after_restart: Vec<Duration> = (0..runs).map(|_| answer(&service).0).collect();
    // One center changes (its change-log moves, as any push to it moves
    // it, and the push marks it): the refresher computes it again in the
    // background, and the answer after it reads kept totals only.
    let mut refreshed = Vec::new();
    let mut one_changed = Vec::new();
    if let Some(center) = last {
        for _ in 0..runs {
            bump(&service, center);
            service.kept_figures().mark_changed(center);
            let started = Instant::now();
            service.refresh_figures(today);
            refreshed.push(started.elapsed());
            one_changed.push(answer(&service).0);
        }
    }
    println!("| what | figure |");
    println!("|---|---:|");
    println!("| centers × seekers | {centers} × {seekers} ({rows} pushed rows) |");
    println!("| cells answered (centers × figures) | {cells} |");
    println!(
        "| first answer, asked before any center was kept: every center computed from its records | {} |",
        ms(cold)
    );
    println!(
        "| next answers: nothing changed (median of {runs}) | {} |",
        ms(median(warm))
    );
    println!(
        "| after a restart: the kept totals read back from the database | {} |",
        ms(restarted)
    );
    println!(
        "| next answers after the restart (median of {runs}) | {} |",
        ms(median(after_restart))
    );
    if !one_changed.is_empty() {
        println!(
            "| one center changed: the refresher computes it in the background (median of {runs}) | {} |",
            ms(median(refreshed))
        );
        println!(
            "| the answer after it (median of {runs}) | {} |",
            ms(median(one_changed))
        );
    }
}

/// Brings the planner's statistics up to date.
fn analyze(db: &str) {
    let out = std::process::Command::new("psql")
        .args([db, "-Atqc", "ANALYZE"])
        .output()
        .unwrap_or_else(|e| fail("psql", e));
    if !out.status.success() {
        fail("ANALYZE", String::from_utf8_lossy(&out.stderr));
    }
}

/// Moves a center's change-log version, as any push to it does.
fn bump(service: &SyncService, center: uuid::Uuid) {
    service
        .storage()
        .transact(|tx| tx.next_change_version(center).map(drop))
        .unwrap_or_else(|e: doyak_server::StorageError| fail("version", e));
}
