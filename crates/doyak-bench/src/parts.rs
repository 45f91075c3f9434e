//! `cargo run --release -p doyak-bench -- --sync-parts [--seekers N] [--runs R]`
//!
//! Each side's share of a sync, measured without a network or a second
//! process, so that one step at a time can be profiled (`perf record`):
//! the server decoding the desk's push requests (JSON → `PushRequest`), the
//! desk reading its outbox and taking the answers, the desk decoding pull
//! pages and storing them (answers and pages as many to a transaction as
//! the desk takes them) — on an encrypted caseload and, as the peer, an
//! unencrypted one. The service behind it runs on the embedded SQLite
//! backend in this process; only the steps named are timed.

use crate::fail;
use crate::sync::{demo_caseload, enrolled_in, rate};
use doyak_app::Passphrase;
use doyak_app::sync::SyncLimits;
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_store::{Store, WriteContext};
use doyak_sync_protocol::{
    ChangeVersion, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, Mutation, ProtocolVersion, PullRequest,
    PullResponse, PushRequest, PushResponse,
};
use std::path::Path;
use std::time::{Duration, Instant};

/// What one push and one initial sync look like on the wire, recorded once.
struct Recorded {
    /// The desk's push requests as JSON, and the answers as JSON.
    pushes: Vec<(Vec<u8>, Vec<u8>)>,
    /// The pull pages of an initial sync, as JSON, oldest first.
    pages: Vec<Vec<u8>>,
    /// Mutations pushed, changes pulled.
    rows: u64,
    pulled: u64,
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_else(|e| fail("encode", e))
}

/// Pushes the whole outbox of the caseload at `path` into an in-process
/// service and pulls the change log back as a second device would.
fn record(dir: &Path, path: &Path, secret: &Passphrase, center: &doyak_domain::Center) -> Recorded {
    let service = SyncService::new(
        Storage::Sqlite(
            SqliteStorage::open(&dir.join("parts-server.sqlite3"))
                .unwrap_or_else(|e| fail("sqlite", e)),
        ),
        ServiceConfig::default(),
    );
    let now = chrono::Utc::now;
    service
        .put_center(center.id.as_uuid(), &center.name)
        .unwrap_or_else(|e| fail("center", e));
    let device = |device_id| enrolled_in(&service, center.id.as_uuid(), device_id);
    let store = Store::open(path, secret).unwrap_or_else(|e| fail("open", e));
    let a = device(store.device_id().unwrap_or_else(|e| fail("device", e)));
    let all = store
        .outbox_batch(usize::MAX)
        .unwrap_or_else(|e| fail("outbox", e));
    drop(store);
    let mut pushes = Vec::new();
    for chunk in all.chunks(MAX_PUSH_MUTATIONS) {
        let request = PushRequest {
            protocol: ProtocolVersion::V1,
            device_id: a.device_id,
            mutations: chunk.to_vec(),
        };
        let sent = json(&request);
        let response = service
            .push(&a, request, now())
            .unwrap_or_else(|e| fail("push", e.body.message));
        pushes.push((sent, json(&response)));
    }
    let b = device(uuid::Uuid::now_v7());
    let mut pages = Vec::new();
    let mut pulled = 0;
    let mut cursor = ChangeVersion::START;
    loop {
        let page = service
            .pull(
                &b,
                &PullRequest {
                    protocol: ProtocolVersion::V1,
                    cursor,
                    limit: MAX_PULL_LIMIT,
                },
                now(),
            )
            .unwrap_or_else(|e| fail("pull", e.body.message));
        cursor = page.next_cursor;
        let more = page.has_more;
        pulled += page.changes.len() as u64;
        pages.push(json(&page));
        if !more {
            break;
        }
    }
    Recorded {
        pushes,
        pages,
        rows: all.len() as u64,
        pulled,
    }
}

/// The server's first step on every push: the request body decoded.
fn decode_pushes(rec: &Recorded) -> Duration {
    let started = Instant::now();
    for (request, _) in &rec.pushes {
        let decoded: PushRequest =
            serde_json::from_slice(request).unwrap_or_else(|e| fail("decode push", e));
        std::hint::black_box(decoded);
    }
    started.elapsed()
}

/// The desk's side of a push on a copy of the caseload: each batch read
/// from the outbox, its answer decoded and taken. Returns (read, take).
fn desk_push(rec: &Recorded, path: &Path, secret: &Passphrase) -> (Duration, Duration) {
    let mut store = Store::open(path, secret).unwrap_or_else(|e| fail("open", e));
    let (mut read, mut take) = (Duration::ZERO, Duration::ZERO);
    let mut after = 0;
    // As the desk takes them: several answers to a transaction.
    let per_write = SyncLimits::default().push_batches_per_write.max(1);
    for group in rec.pushes.chunks(per_write) {
        let t = Instant::now();
        let mut sent: Vec<Vec<Mutation>> = Vec::new();
        for _ in group {
            let batch = store
                .outbox_batch_after(after, MAX_PUSH_MUTATIONS)
                .unwrap_or_else(|e| fail("outbox", e));
            after = batch.last().map_or(after, |m| m.seq);
            sent.push(batch);
        }
        read += t.elapsed();
        let t = Instant::now();
        let responses: Vec<PushResponse> = group
            .iter()
            .map(|(_, response)| {
                serde_json::from_slice(response).unwrap_or_else(|e| fail("decode answer", e))
            })
            .collect();
        let answered: Vec<(&[Mutation], &PushResponse)> =
            sent.iter().map(Vec::as_slice).zip(&responses).collect();
        store
            .apply_push_responses(&answered, chrono::Utc::now())
            .unwrap_or_else(|e| fail("answers", e));
        take += t.elapsed();
    }
    if store.pending_count().unwrap_or_else(|e| fail("pending", e)) != 0 {
        fail("push", "the answers did not empty the outbox");
    }
    (read, take)
}

/// An initial sync's pages stored into a new caseload of the center.
/// Returns (decode, store).
fn desk_pull(
    rec: &Recorded,
    path: &Path,
    secret: &Passphrase,
    center: &doyak_domain::Center,
) -> (Duration, Duration) {
    let ctx = WriteContext::new(chrono::Utc::now(), "bench");
    let mut store = Store::create(path, secret, center, &ctx).unwrap_or_else(|e| fail("create", e));
    let (mut decode, mut apply) = (Duration::ZERO, Duration::ZERO);
    let mut cursor = ChangeVersion::START;
    // As the desk stores them: several pages to a transaction.
    let per_write = SyncLimits::default().pull_pages_per_write.max(1);
    for group in rec.pages.chunks(per_write) {
        let t = Instant::now();
        let pages: Vec<PullResponse> = group
            .iter()
            .map(|page| serde_json::from_slice(page).unwrap_or_else(|e| fail("decode page", e)))
            .collect();
        decode += t.elapsed();
        let t = Instant::now();
        store
            .apply_pull_pages(cursor, &pages, chrono::Utc::now())
            .unwrap_or_else(|e| fail("pages", e));
        apply += t.elapsed();
        cursor = pages.last().map_or(cursor, |page| page.next_cursor);
    }
    let held = store
        .sync_snapshot()
        .unwrap_or_else(|e| fail("snapshot", e))
        .len();
    if held == 0 {
        fail("pull", "the pages stored nothing");
    }
    (decode, apply)
}

fn cell(rows: u64, d: Duration) -> String {
    format!("{:.2} s ({})", d.as_secs_f64(), rate(rows, d))
}

pub fn run(seekers: u32, runs: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("tempdir", e));
    let secret = Passphrase::new("벤치마크 암호 1234");
    let pristine = dir.path().join("pristine.doyak");
    eprintln!("generating the demo caseload ({seekers} seekers)…");
    let center = demo_caseload(&pristine, &secret, seekers);
    eprintln!("recording a push and an initial sync…");
    let rec = record(dir.path(), &pristine, &secret, &center);
    let rows = rec.rows;
    println!("| run | step | time (rows/s) |");
    println!("|---|---|---:|");
    for run in 1..=runs {
        let decode = decode_pushes(&rec);
        println!(
            "| {run} | server: push requests decoded | {} |",
            cell(rows, decode)
        );
        let copy = dir.path().join(format!("push{run}.doyak"));
        std::fs::copy(&pristine, &copy).unwrap_or_else(|e| fail("copy", e));
        let (read, take) = desk_push(&rec, &copy, &secret);
        println!(
            "| {run} | desk, encrypted: outbox read | {} |",
            cell(rows, read)
        );
        println!(
            "| {run} | desk, encrypted: answers decoded and taken | {} |",
            cell(rows, take)
        );
        println!(
            "| {run} | desk, encrypted: push, its own work | {} |",
            cell(rows, read + take)
        );
        for (what, secret) in [
            ("encrypted", &secret),
            ("unencrypted", &Passphrase::unencrypted_for_benchmarks()),
        ] {
            let path = dir.path().join(format!("pull-{what}{run}.doyak"));
            let (decode, store) = desk_pull(&rec, &path, secret, &center);
            println!(
                "| {run} | desk, {what}: pull pages decoded | {} |",
                cell(rec.pulled, decode)
            );
            println!(
                "| {run} | desk, {what}: pull pages stored | {} |",
                cell(rec.pulled, store)
            );
        }
    }
}
