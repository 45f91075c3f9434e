//! `--access-log --entries N --devices D [--runs R]`: one center on a fresh
//! PostgreSQL database (DOYAK_BENCH_DATABASE_URL) whose D desks uploaded N
//! access-log entries between them, chained as desks write them; then, R
//! times each:
//! - the administrator's first page, which reads every entry of the center
//!   to check each device's chain again (docs/privacy.md);
//! - the same page filtered to one seeker;
//! - the CSV of everything (or its refusal past `MAX_CSV_ROWS`);
//! - one upload of 1,000 entries at the end of a device's chain.

use crate::sync::{enrolled_in, fresh_database};
use crate::{fail, median, ms};
use chrono::{Duration as Days, TimeZone, Utc};
use doyak_server::access_log::{AccessLogQuery, MAX_CSV_ROWS};
use doyak_server::model::{DeviceRow, ViewerScope};
use doyak_server::{PostgresStorage, ServiceConfig, Storage, SyncService};
use doyak_sync_protocol::{
    ACCESS_LOG_GENESIS, AccessLogEntry, AccessLogRequest, MAX_ACCESS_LOG_ENTRIES, ProtocolVersion,
};
use std::time::Instant;
use uuid::Uuid;

/// One device's log as its desk writes it: a look at a seeker's page every
/// few minutes, a printed report now and then.
struct Chain {
    row: DeviceRow,
    next: u64,
    prev: String,
}

impl Chain {
    fn entries(&mut self, n: usize, seekers: &[Uuid]) -> Vec<AccessLogEntry> {
        let start = Utc.with_ymd_and_hms(2026, 1, 5, 0, 0, 0).unwrap();
        (0..n)
            .map(|_| {
                let seq = self.next;
                self.next += 1;
                let print = seq.is_multiple_of(7);
                let mut e = AccessLogEntry {
                    seq,
                    at: (start + Days::minutes(i64::try_from(seq).unwrap_or(0) * 3))
                        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                    device_id: self.row.device_id.to_string(),
                    actor: "counselor:bench".into(),
                    action: if print { "print" } else { "view" }.into(),
                    entity: "seeker".into(),
                    entity_id: Some(seekers[seq as usize % seekers.len()].to_string()),
                    detail: if print { "report:seeker" } else { "page" }.into(),
                    prev_hash: std::mem::take(&mut self.prev),
                    hash: String::new(),
                };
                e.hash = e.computed_hash();
                self.prev = e.hash.clone();
                e
            })
            .collect()
    }
}

fn upload(service: &SyncService, chain: &mut Chain, n: usize, seekers: &[Uuid]) {
    let entries = chain.entries(n, seekers);
    service
        .upload_access_log(
            &chain.row,
            AccessLogRequest {
                protocol: ProtocolVersion::CURRENT,
                device_id: chain.row.device_id,
                entries,
            },
            Utc::now(),
        )
        .unwrap_or_else(|e| fail("upload", e.body.message));
}

pub fn run(entries: u64, devices: u32, runs: usize) {
    let pg = std::env::var("DOYAK_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test?sslmode=disable".into());
    let db = fresh_database(&pg);
    let storage = PostgresStorage::connect(&db, 4).unwrap_or_else(|e| fail("postgres", e));
    let service = SyncService::new(Storage::Postgres(storage), ServiceConfig::default());
    let center = Uuid::now_v7();
    service
        .put_center(center, "벤치마크센터")
        .unwrap_or_else(|e| fail("center", e));
    let seekers: Vec<Uuid> = (0..2_000).map(|_| Uuid::now_v7()).collect();
    let mut chains: Vec<Chain> = (0..devices.max(1))
        .map(|_| Chain {
            row: enrolled_in(&service, center, Uuid::now_v7()),
            next: 1,
            prev: ACCESS_LOG_GENESIS.to_owned(),
        })
        .collect();
    let per_device = entries / u64::from(devices.max(1));
    let started = Instant::now();
    for chain in &mut chains {
        let mut left = per_device as usize;
        while left > 0 {
            let n = left.min(MAX_ACCESS_LOG_ENTRIES);
            upload(&service, chain, n, &seekers);
            left -= n;
        }
    }
    let loaded = started.elapsed();
    let (_, token) = service
        .issue_viewer("센터 관리자", ViewerScope::Center(center), None, Utc::now())
        .unwrap_or_else(|e| fail("viewer", e.body.message));
    let admin = service
        .authenticate_caller(token.expose_secret(), Utc::now())
        .unwrap_or_else(|e| fail("caller", e.body.message));
    let (mut page, mut one, mut csv, mut more) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut csv_answer = String::new();
    for _ in 0..runs {
        let t = Instant::now();
        let view = service
            .access_log_view(&admin, &AccessLogQuery::default())
            .unwrap_or_else(|e| fail("view", e.body.message));
        page.push(t.elapsed());
        assert!(view.devices.iter().all(|d| d.verified), "chains hold");
        let t = Instant::now();
        service
            .access_log_view(
                &admin,
                &AccessLogQuery {
                    entity_id: Some(seekers[1].to_string()),
                    ..AccessLogQuery::default()
                },
            )
            .unwrap_or_else(|e| fail("view", e.body.message));
        one.push(t.elapsed());
        let t = Instant::now();
        csv_answer = match service.access_log_csv(&admin, &AccessLogQuery::default()) {
            Ok(text) => format!("{} bytes", text.len()),
            Err(e) => format!("refused ({}): {}", e.status, e.body.message),
        };
        csv.push(t.elapsed());
        let t = Instant::now();
        upload(&service, &mut chains[0], MAX_ACCESS_LOG_ENTRIES, &seekers);
        more.push(t.elapsed());
    }
    println!(
        "access log: {entries} entries from {} devices on PostgreSQL (loaded in {:.1} s); runs: {runs}",
        chains.len(),
        loaded.as_secs_f64()
    );
    println!("| what | median |");
    println!("|---|---|");
    println!(
        "| the administrator's first page (every chain checked again) | {} |",
        ms(median(page))
    );
    println!("| the same, one seeker's entries | {} |", ms(median(one)));
    println!(
        "| the CSV of everything (cap {MAX_CSV_ROWS}) | {} — {csv_answer} |",
        ms(median(csv))
    );
    println!(
        "| one upload of {MAX_ACCESS_LOG_ENTRIES} entries at a chain's end | {} |",
        ms(median(more))
    );
}
