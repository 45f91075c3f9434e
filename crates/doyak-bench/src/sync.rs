//! `cargo run --release -p doyak-bench -- --sync [--seekers N]`
//!
//! Sync at caseload scale, with the real `doyak-server` binary (release
//! build, next to this one) on PostgreSQL (`DOYAK_BENCH_DATABASE_URL`,
//! default the local server's `test` database; a fresh database per run):
//! 1. a desk with the demo caseload (N seekers, ~15 records each) pushes its
//!    whole outbox over HTTP: the server's apply rate;
//! 2. a second desk of the same center makes its initial sync over HTTP:
//!    the whole change log pulled and stored, timed end to end, with the
//!    desk's own apply time measured apart from the network;
//! 3. the same push straight into the service on the embedded SQLite
//!    backend, for comparison.
//!
//! `--sync-direct [--seekers N] [--runs R]` runs only the push straight into
//! the service on PostgreSQL, R times on fresh databases: the server's own
//! rate and its spread, quick enough to profile (`perf record -a`).

use crate::fail;
use doyak_app::sync::{
    HttpTransport, SyncLimits, SyncTarget, TlsRoots, Transport, TransportError, enroll, sync_target,
};
use doyak_app::{Desk, NewCaseload, Passphrase, SystemClock};
use doyak_domain::Center;
use doyak_server::model::DeviceRow;
use doyak_server::{PostgresStorage, ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_store::{Store, WriteContext};
use doyak_sync_protocol::{
    EnrollRequest, EnrollmentCode, ProtocolVersion, PullRequest, PullResponse, PushRequest,
    PushResponse,
};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    url: String,
    /// Per route, the server's own time (its request log's `ms`: from the
    /// received body to the encoded answer) and the items, summed.
    work: Arc<std::sync::Mutex<std::collections::HashMap<String, (Duration, u64)>>>,
}

impl Server {
    /// The server's own time on `route` so far and the items it handled,
    /// once its log has caught up with `items` (or after 5 s).
    fn work_after(&self, route: &str, items: u64) -> (Duration, u64) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let w = self
                .work
                .lock()
                .map(|w| w.get(route).copied().unwrap_or_default())
                .unwrap_or_default();
            if w.1 >= items || Instant::now() > deadline {
                return w;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn server_bin() -> PathBuf {
    let me = std::env::current_exe().unwrap_or_else(|e| fail("current_exe", e));
    let bin = me.with_file_name("doyak-server");
    if !bin.exists() {
        fail(
            "doyak-server",
            "build it first: cargo build --release -p doyak-server",
        );
    }
    bin
}

fn admin(db: &str, args: &[&str]) -> String {
    let out = Command::new(server_bin())
        .args(["--database-url", db])
        .args(args)
        .output()
        .unwrap_or_else(|e| fail("doyak-server", e));
    if !out.status.success() {
        fail("doyak-server", String::from_utf8_lossy(&out.stderr));
    }
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn serve(db: &str) -> Server {
    let mut child = Command::new(server_bin())
        .args(["--database-url", db, "serve", "--listen", "127.0.0.1:0"])
        .arg("--json-logs")
        .env("DOYAK_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| fail("doyak-server", e));
    let work = Arc::new(std::sync::Mutex::new(std::collections::HashMap::new()));
    if let Some(err) = child.stderr.take() {
        let work = Arc::clone(&work);
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let Ok(entry) = serde_json::from_str::<serde_json::Value>(&line) else {
                    eprintln!("{line}");
                    continue;
                };
                let f = &entry["fields"];
                let (Some(route), Some(ms), Some(items)) =
                    (f["route"].as_str(), f["ms"].as_f64(), f["items"].as_u64())
                else {
                    continue;
                };
                if let Ok(mut w) = work.lock() {
                    let slot: &mut (Duration, u64) = w.entry(route.to_owned()).or_default();
                    slot.0 += Duration::from_secs_f64(ms / 1000.0);
                    slot.1 += items;
                }
            }
        });
    }
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let url = line
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    if url.is_empty() {
        fail(
            "doyak-server",
            format!("did not say where it listens: {line:?}"),
        );
    }
    Server { child, url, work }
}

/// A fresh database on the PostgreSQL server of `url`; the bench databases
/// of earlier runs are dropped, and a checkpoint writes out what they left
/// in memory, so one run's writes do not land in the next one's time.
pub(crate) fn fresh_database(url: &str) -> String {
    let psql = |sql: &str| {
        Command::new("psql")
            .args([url, "-Atqc", sql])
            .output()
            .unwrap_or_else(|e| fail("psql", e))
    };
    let old = psql("SELECT datname FROM pg_database WHERE datname LIKE 'doyak\\_bench\\_%'");
    for name in String::from_utf8_lossy(&old.stdout).lines() {
        psql(&format!("DROP DATABASE IF EXISTS {name}"));
    }
    let name = format!("doyak_bench_{}", uuid::Uuid::now_v7().simple());
    if !psql(&format!("CREATE DATABASE {name}")).status.success() {
        fail("psql", "CREATE DATABASE failed");
    }
    psql("CHECKPOINT");
    let base = url.rsplit_once('/').map_or(url, |(b, _)| b);
    format!("{base}/{name}")
}

/// Times the desk's own work: every call the sync makes on the caseload
/// (reading the outbox, taking answers, storing pages). The sync overlaps
/// these with the requests, so they are timed where they run.
struct TimedStore<'a> {
    store: &'a mut Store,
    /// Nanoseconds, shared with [`Timed`], which notes how much of it went
    /// before the first pull (the push phase).
    busy: Arc<AtomicU64>,
}

impl SyncTarget for TimedStore<'_> {
    fn with_store<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, doyak_store::StoreError>,
    ) -> Result<T, doyak_app::AppError> {
        let t = Instant::now();
        let out = f(self.store);
        self.busy
            .fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
        Ok(out?)
    }
}

/// What one timed sync did and where its time went.
struct TimedSync {
    report: doyak_app::sync::SyncReport,
    total: Duration,
    /// Request → answer, pushes and pulls apart.
    push: Duration,
    pull: Duration,
    /// The desk's store calls, all of them and those before the first pull.
    desk: Duration,
    desk_pushing: Duration,
}

/// A whole sync of `store` over `http`, timed: the requests at the
/// transport, the desk's work at the store.
fn timed_sync(store: &mut Store, http: &mut HttpTransport, what: &str) -> TimedSync {
    let busy = Arc::new(AtomicU64::new(0));
    let mut timed = Timed {
        inner: http,
        push: Duration::ZERO,
        pull: Duration::ZERO,
        desk: Arc::clone(&busy),
        desk_pushing: None,
    };
    let mut desk = TimedStore {
        store,
        busy: Arc::clone(&busy),
    };
    let started = Instant::now();
    let report = sync_target(
        &mut desk,
        &mut timed,
        &chrono::Utc::now,
        SyncLimits::default(),
        &mut |_| {},
    )
    .unwrap_or_else(|e| fail(what, e));
    let total = started.elapsed();
    let all = Duration::from_nanos(busy.load(Ordering::Relaxed));
    TimedSync {
        report,
        total,
        push: timed.push,
        pull: timed.pull,
        desk: all,
        desk_pushing: timed.desk_pushing.unwrap_or(all),
    }
}

/// Times the requests apart from what the desk does with the answers,
/// pushes and pulls apart (a desk that pushed pulls its own changes back).
struct Timed<'a> {
    inner: &'a mut dyn Transport,
    push: Duration,
    pull: Duration,
    /// The desk's store time ([`TimedStore::busy`]) and, at the first pull,
    /// how much of it the push phase took.
    desk: Arc<AtomicU64>,
    desk_pushing: Option<Duration>,
}

impl Transport for Timed<'_> {
    fn push(&mut self, r: &PushRequest) -> Result<PushResponse, TransportError> {
        let t = Instant::now();
        let out = self.inner.push(r);
        self.push += t.elapsed();
        out
    }
    fn pull(&mut self, r: &PullRequest) -> Result<PullResponse, TransportError> {
        if self.desk_pushing.is_none() {
            self.desk_pushing = Some(Duration::from_nanos(self.desk.load(Ordering::Relaxed)));
        }
        let t = Instant::now();
        let out = self.inner.pull(r);
        self.pull += t.elapsed();
        out
    }
    fn access_log(
        &mut self,
        r: &doyak_sync_protocol::AccessLogRequest,
    ) -> Result<doyak_sync_protocol::AccessLogResponse, TransportError> {
        self.inner.access_log(r)
    }
}

fn enrolled(url: &str, db: &str, store: &Store, center: &Center) -> HttpTransport {
    let code = admin(db, &["code", "--center", &center.id.to_string()]);
    let response = enroll(
        url,
        &TlsRoots::Public,
        &EnrollRequest {
            protocol: ProtocolVersion::V1,
            code: EnrollmentCode::parse(&code).unwrap_or_else(|e| fail("code", e)),
            device_id: store.device_id().unwrap_or_else(|e| fail("device", e)),
            device_name: "bench".into(),
            app_version: "bench".into(),
            center_id: None,
        },
    )
    .unwrap_or_else(|e| fail("enroll", e));
    HttpTransport::new(url, Some(response.token), &TlsRoots::Public)
        .unwrap_or_else(|e| fail("transport", e))
}

/// One line of the results table: what, rows, time, rate.
fn line(step: &str, rows: u64, took: Duration) {
    println!(
        "| {step} | {rows} | {:.2} s | {} |",
        took.as_secs_f64(),
        rate(rows, took)
    );
}

pub(crate) fn rate(rows: u64, d: Duration) -> String {
    format!("{:.0} rows/s", rows as f64 / d.as_secs_f64())
}

/// A new caseload at `path` with the demo generator's caseload of `seekers`
/// seekers, all of it waiting in the outbox; its center.
pub(crate) fn demo_caseload(path: &Path, secret: &Passphrase, seekers: u32) -> Center {
    let mut desk = Desk::create(
        path,
        secret,
        &NewCaseload {
            center_name: "벤치마크센터".into(),
            center_sigungu: Some("41273".into()),
        },
        Arc::new(SystemClock),
    )
    .unwrap_or_else(|e| fail("create", e));
    let spec = desk
        .demo_spec(seekers, seekers / 8, 1)
        .unwrap_or_else(|e| fail("demo", e));
    desk.generate_demo(&spec, &mut |_, _| {})
        .unwrap_or_else(|e| fail("demo", e));
    Center {
        id: desk.center_id(),
        name: desk.center_name().to_owned(),
        sigungu: None,
    }
}

pub fn run(seekers: u32) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("tempdir", e));
    let pg = std::env::var("DOYAK_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test?sslmode=disable".into());
    let db = fresh_database(&pg);

    // Desk A: the demo caseload, everything waiting in the outbox.
    let a_path = dir.path().join("a.doyak");
    eprintln!("generating the demo caseload ({seekers} seekers)…");
    let center = demo_caseload(&a_path, &Passphrase::new("벤치마크 암호 1234"), seekers);
    let mut a = Store::open(&a_path, &Passphrase::new("벤치마크 암호 1234"))
        .unwrap_or_else(|e| fail("open", e));
    let rows = a.pending_count().unwrap_or_else(|e| fail("pending", e));
    admin(
        &db,
        &[
            "center",
            "--id",
            &center.id.to_string(),
            "--name",
            &center.name,
        ],
    );
    let server = serve(&db);
    eprintln!("{rows} pending mutations; pushing to {}…", server.url);

    // 1. Push over HTTP.
    let mut http = enrolled(&server.url, &db, &a, &center);
    let push = timed_sync(&mut a, &mut http, "push");
    let pushed = &push.report;
    let push_total = push.total;
    let push_network = push.push;
    let push_desk = push.desk_pushing;
    let (push_server, _) = server.work_after("push", pushed.sent);

    // 2. Initial sync of a second desk over HTTP.
    let b_path = dir.path().join("b.doyak");
    let ctx = WriteContext::new(chrono::Utc::now(), "bench");
    let mut b = Store::create(
        &b_path,
        &Passphrase::new("벤치마크 암호 1234"),
        &center,
        &ctx,
    )
    .unwrap_or_else(|e| fail("create b", e));
    let mut http_b = enrolled(&server.url, &db, &b, &center);
    // Desk A pulled its own changes back after pushing: the server's pull
    // time so far is not desk B's.
    let pulled_before = server.work_after("pull", 0);
    let pull = timed_sync(&mut b, &mut http_b, "initial sync");
    let pulled = &pull.report;
    let pull_total = pull.total;
    let pull_network = pull.pull;
    let pull_desk = pull.desk;
    let pull_server = server
        .work_after("pull", pulled_before.1 + pulled.received)
        .0
        - pulled_before.0;
    let b_rows = b
        .sync_snapshot()
        .unwrap_or_else(|e| fail("snapshot", e))
        .len();
    drop(server);

    // 3. A desk's whole outbox pushed straight into the service (no HTTP),
    //    on each backend: the rate of the push transaction itself.
    let sqlite_rate = direct_push(
        dir.path(),
        "sqlite",
        Storage::Sqlite(
            SqliteStorage::open(&dir.path().join("server.sqlite3"))
                .unwrap_or_else(|e| fail("sqlite", e)),
        ),
        seekers,
    );
    let pg_db = fresh_database(&pg);
    let pg_rate = direct_push(
        dir.path(),
        "postgres",
        Storage::Postgres(
            PostgresStorage::connect(&pg_db, 2).unwrap_or_else(|e| fail("postgres", e)),
        ),
        seekers,
    );

    println!("| step | rows | time | rate |");
    println!("|---|---:|---:|---:|");
    line(
        "push, desk → server over HTTP (server on PostgreSQL), whole sync (and pulling its own changes back)",
        pushed.sent,
        push_total,
    );
    line(
        "… push requests, request → answer (the desk's JSON, loopback HTTP, the server)",
        pushed.sent,
        push_network,
    );
    line(
        "… … of which the server's own work (its request log: decode, merge, PostgreSQL, answer)",
        pushed.sent,
        push_server,
    );
    line(
        "… the desk's own work while pushing (reading its outbox, taking the answers; overlapped with the requests)",
        pushed.sent,
        push_desk,
    );
    line(
        "initial sync of a second desk over HTTP (pull + store), whole sync",
        pulled.received,
        pull_total,
    );
    line(
        "… requests, request → answer",
        pulled.received,
        pull_network,
    );
    line(
        "… … of which the server's own work (its request log)",
        pulled.received,
        pull_server,
    );
    line(
        "… the desk's own work (storing the pages; overlapped with the requests)",
        pulled.received,
        pull_desk,
    );
    println!("| push straight into the service (no HTTP), PostgreSQL | {pg_rate} |");
    println!("| push straight into the service (no HTTP), embedded SQLite file | {sqlite_rate} |");
    eprintln!("second desk holds {b_rows} records after its initial sync");
}

/// `--sync-direct`: the PostgreSQL push transaction alone, `runs` times.
pub fn direct(seekers: u32, runs: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("tempdir", e));
    let pg = std::env::var("DOYAK_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test?sslmode=disable".into());
    println!("| run | rows | time | rate |");
    println!("|---|---:|---:|---:|");
    for run in 1..=runs {
        let db = fresh_database(&pg);
        let storage = PostgresStorage::connect(&db, 2).unwrap_or_else(|e| fail("postgres", e));
        let cells = direct_push(
            dir.path(),
            &format!("pg{run}"),
            Storage::Postgres(storage),
            seekers,
        );
        println!("| {run} | {cells} |");
    }
}

/// A fresh desk with the same demo (its outbox full), applied in batches of
/// 2,000 straight into a service on `storage`: "rows | time | rate" cells.
fn direct_push(dir: &Path, name: &str, storage: Storage, seekers: u32) -> String {
    let service = SyncService::new(storage, ServiceConfig::default());
    let c_path = dir.join(format!("direct-{name}.doyak"));
    let c_center = demo_caseload(&c_path, &Passphrase::unencrypted_for_benchmarks(), seekers)
        .id
        .as_uuid();
    service
        .put_center(c_center, "c")
        .unwrap_or_else(|e| fail("center", e));
    let store = Store::open(&c_path, &Passphrase::unencrypted_for_benchmarks())
        .unwrap_or_else(|e| fail("open c", e));
    let device_id = store.device_id().unwrap_or_else(|e| fail("device", e));
    let device = enrolled_in(&service, c_center, device_id);
    let all = store
        .outbox_batch(usize::MAX)
        .unwrap_or_else(|e| fail("outbox", e));
    // The requests are built before the clock starts: only the service is timed.
    let requests: Vec<PushRequest> = all
        .chunks(doyak_sync_protocol::MAX_PUSH_MUTATIONS)
        .map(|chunk| PushRequest {
            protocol: ProtocolVersion::V1,
            device_id,
            mutations: chunk.to_vec(),
        })
        .collect();
    let started = Instant::now();
    let cpu_before = thread_cpu();
    for request in requests {
        service
            .push(&device, request, chrono::Utc::now())
            .unwrap_or_else(|e| fail("push", e.body.message));
    }
    let took = started.elapsed();
    if let (Some(before), Some(after)) = (cpu_before, thread_cpu()) {
        // The service runs on this thread and waits for the database in
        // turn, so the rest of the time is the database's (and the disk's).
        let cpu = after.saturating_sub(before);
        eprintln!(
            "{name}: service on CPU {:.2} s, waiting for the database {:.2} s",
            cpu.as_secs_f64(),
            took.saturating_sub(cpu).as_secs_f64()
        );
    }
    format!(
        "{} | {:.2} s | {}",
        all.len(),
        took.as_secs_f64(),
        rate(all.len() as u64, took)
    )
}

/// `device_id` enrolled in `center` straight through the service: its row,
/// as a request with its token would authenticate.
pub(crate) fn enrolled_in(
    service: &SyncService,
    center: uuid::Uuid,
    device_id: uuid::Uuid,
) -> DeviceRow {
    let now = chrono::Utc::now;
    let code = service
        .create_enrollment_code(center, chrono::Duration::hours(1), now())
        .unwrap_or_else(|e| fail("code", e.body.message));
    let token = service
        .enroll(
            &EnrollRequest {
                protocol: ProtocolVersion::V1,
                code,
                device_id,
                device_name: "bench".into(),
                app_version: "bench".into(),
                center_id: None,
            },
            now(),
        )
        .unwrap_or_else(|e| fail("enroll", e.body.message))
        .token;
    service
        .authenticate(token.expose_secret(), now())
        .unwrap_or_else(|e| fail("auth", e.body.message))
}

/// This thread's time on a CPU so far (`/proc/thread-self/schedstat`, ns).
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}
