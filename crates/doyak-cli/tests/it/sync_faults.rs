//! Sync through the real `doyak` and `doyak-server` binaries while things
//! break: a flaky loopback network (delays, dropped requests, answers lost
//! after the server committed, cut-off answers, refused connections), the
//! server and the desk killed with SIGKILL mid-push and mid-pull, and a desk
//! offered another center's enrollment code. Every test ends by reading the
//! server's SQLite file and the desk's caseload directly: nothing lost,
//! nothing applied twice, nothing of another center.
//!
//! The choices are drawn from a seeded generator (`DOYAK_FAULT_SEED`
//! replays another seed); the timing of processes is not deterministic, so a
//! failure names the seed and the figures of the run.

mod center;
mod compare;
mod join;
mod keyring;
mod processes;
mod proxy;
mod transfer;

use super::{Env, PASS, stderr, stdout};
use chrono::Utc;
use compare::assert_same_records;
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_store::{Passphrase, Store};
use doyak_sync_protocol::{
    ChangeBody, ChangeVersion, EntityKind, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, Mutation,
    ProtocolVersion, PullRequest, paths,
};
use processes::{Event, Server, SyncProcess, admin, drain};
use proxy::{Network, Proxy, Trap};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use uuid::Uuid;

fn seed() -> u64 {
    std::env::var("DOYAK_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_251_128)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The run's first push, before it has had any answer.
    Starting,
    Pushing,
    /// The outbox is empty; the run is reading the center's log.
    Pulling,
}

impl Phase {
    fn of(trap: &Trap) -> Phase {
        match (trap.path, trap.nth) {
            (paths::PUSH, 1) => Phase::Starting,
            (paths::PUSH, _) => Phase::Pushing,
            _ => Phase::Pulling,
        }
    }
}

/// What the test does to a running `doyak sync`, while the request the
/// trap names is in flight.
#[derive(Debug, Clone, Copy)]
enum Strike {
    Nothing,
    /// SIGKILL the desk's process.
    Desk(Trap),
    /// SIGKILL the server and start it again on the same file.
    Server(Trap),
}

#[derive(Debug)]
enum Ended {
    /// Exit 0.
    Synced,
    /// A non-zero exit with a Korean message (checked).
    Failed,
    /// Killed by the test while in this phase.
    Killed(Phase),
}

#[derive(Debug)]
struct Attempt {
    ended: Ended,
    /// The phase the desk was in when the server was killed, if it was.
    server_killed: Option<Phase>,
}

/// A failed run must say why in Korean and exit 1, never panic.
fn assert_korean_failure(status: ExitStatus, err: &str) {
    assert!(
        !err.contains("panicked"),
        "a sync cut off by the network or the server must end with a message, never a panic:\n{err}"
    );
    assert_eq!(
        status.code(),
        Some(1),
        "a sync that could not finish is a failure (exit 1), not refused input (2) or a crash:\n{err}"
    );
    let message = err
        .lines()
        .rfind(|l| l.starts_with("오류: "))
        .unwrap_or_else(|| panic!("a failed sync ends with an `오류: …` line:\n{err}"));
    assert!(
        message["오류: ".len()..]
            .chars()
            .any(|c| ('가'..='힣').contains(&c)),
        "the counselor is told what went wrong in Korean: {message}"
    );
}

/// One desk enrolled (through the proxy) at one center of one server.
struct Fixture {
    env: Env,
    desk: PathBuf,
    data: PathBuf,
    center: Uuid,
    /// The outbox before the first sync: every mutation the desk made.
    made: Vec<Mutation>,
    server: Server,
    proxy: Proxy,
}

fn center_id(env: &Env, db: &Path) -> Uuid {
    // `센터: NAME (UUID)`
    let status = stdout(&env.ok(db, &["status"]));
    let first = status.lines().next().unwrap();
    let id = first
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("status names the center's id: {first}"));
    id.parse().unwrap()
}

fn pending_in_status(env: &Env, db: &Path) -> u64 {
    let status = stdout(&env.ok(db, &["status"]));
    status
        .lines()
        .find_map(|l| l.strip_prefix("동기화 대기 변경: "))
        .and_then(|n| n.strip_suffix("건"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("status shows the pending changes: {status}"))
}

fn open_desk(db: &Path) -> Store {
    Store::open(db, &Passphrase::new(PASS)).unwrap()
}

impl Fixture {
    fn new(name: &str, seekers: u32, companies: u32, seed: u64) -> Fixture {
        let env = Env::new();
        let desk = env.init(&format!("{name}.doyak"));
        env.ok(
            &desk,
            &[
                "demo",
                "--seekers",
                &seekers.to_string(),
                "--companies",
                &companies.to_string(),
                "--seed",
                &seed.to_string(),
            ],
        );
        let center = center_id(&env, &desk);
        let made = open_desk(&desk).outbox_batch(usize::MAX).unwrap();
        assert_eq!(
            pending_in_status(&env, &desk),
            made.len() as u64,
            "before any sync, status counts every change the desk made as pending"
        );

        let data = env.db("server.sqlite3");
        let center_text = center.to_string();
        admin(&data, &["center", "--id", &center_text, "--name", name]);
        let code = admin(&data, &["code", "--center", &center_text]);
        let server = Server::start(&data);
        let proxy = Proxy::start(server.addr, seed);
        env.ok(
            &desk,
            &["enroll", "--server", &proxy.url(), "--code", code.trim()],
        );
        Fixture {
            env,
            desk,
            data,
            center,
            made,
            server,
            proxy,
        }
    }

    fn pending(&self) -> u64 {
        open_desk(&self.desk).pending_count().unwrap()
    }

    /// The server's `last_seq` for this desk, read while it serves (the
    /// admin command opens the same SQLite file).
    fn settled_on_server(&self) -> u64 {
        let device = open_desk(&self.desk).device_id().unwrap().to_string();
        let list = admin(&self.data, &["devices"]);
        list.lines()
            .find_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                (cols.first() == Some(&device.as_str())).then(|| cols[3].parse().unwrap())
            })
            .unwrap_or_else(|| panic!("the enrolled desk is in the device list: {list}"))
    }

    fn spawn_sync(&self) -> SyncProcess {
        let mut child = self
            .env
            .command(&self.desk, PASS, &["sync"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tell, events) = mpsc::channel();
        let lines = tell.clone();
        let stderr = drain(child.stderr.take().unwrap(), move |line| {
            let _ = lines.send(line.map_or(Event::Closed, |_| Event::Line));
        });
        SyncProcess {
            child,
            events,
            tell,
            stderr,
            closed: false,
        }
    }

    /// Runs `doyak sync` once, striking as told, and says how it ended.
    fn sync(&mut self, strike: Strike) -> Attempt {
        let trap = match strike {
            Strike::Nothing => None,
            Strike::Desk(t) | Strike::Server(t) => Some(t),
        };
        let mut run = self.spawn_sync();
        if let Some(trap) = trap {
            let tell = run.tell.clone();
            self.proxy.arm(trap, move |sprung| {
                let _ = tell.send(Event::Sprung(sprung));
            });
        }
        // Bounds a wedged sync; no outcome depends on it.
        let deadline = Instant::now() + Duration::from_secs(900);
        let sprung = loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            match run.events.recv_timeout(wait) {
                Ok(Event::Line) => {}
                Ok(Event::Sprung(sprung)) => break Some(sprung),
                Ok(Event::Closed) => {
                    run.closed = true;
                    break None;
                }
                Err(_) => panic!(
                    "doyak sync ran for fifteen minutes: a wedged sync. So far:\n{}",
                    run.stderr()
                ),
            }
        };
        self.proxy.disarm();
        let mut server_killed = None;
        let struck = sprung.is_some();
        if let (Some(sprung), Some(trap)) = (sprung, trap) {
            // The request is held, so the desk is waiting on it: alive.
            match strike {
                Strike::Desk(_) => {
                    let _ = run.child.kill();
                }
                Strike::Server(_) => {
                    server_killed = Some(Phase::of(&trap));
                    self.server.restart();
                    self.proxy.set_upstream(self.server.addr);
                }
                Strike::Nothing => unreachable!("nothing to strike with"),
            }
            drop(sprung);
        }
        let status = run.wait();
        let ended = if let Some(signal) = status.signal() {
            assert!(
                struck && matches!(strike, Strike::Desk(_)) && signal == 9,
                "doyak sync died of signal {signal} that the test did not send:\n{}",
                run.stderr()
            );
            Ended::Killed(Phase::of(&trap.expect("a desk strike has a trap")))
        } else if status.success() {
            Ended::Synced
        } else {
            assert_korean_failure(status, &run.stderr());
            Ended::Failed
        };
        Attempt {
            ended,
            server_killed,
        }
    }

    /// Stops the server and compares its file with the desk's caseload;
    /// how many records were compared.
    fn assert_converged(&mut self) -> usize {
        self.server.kill();
        let store = open_desk(&self.desk);
        assert_eq!(
            store.pending_count().unwrap(),
            0,
            "a sync that exited 0 has every outbox row acknowledged"
        );
        assert!(
            store.rejections().unwrap().is_empty(),
            "demo data is valid and the desk's own: a refusal can only be a replay or a cut-off \
             answer mistaken for a new mutation: {:?}",
            store.rejections().unwrap()
        );
        let service = SyncService::new(
            Storage::Sqlite(SqliteStorage::open(&self.data).unwrap()),
            ServiceConfig::default(),
        );
        assert!(
            store.open_conflicts().unwrap().is_empty()
                && service.open_conflicts(self.center).unwrap().is_empty(),
            "one desk never edits concurrently with itself: a conflict would be a resent \
             mutation merged as a new one"
        );
        let device_id = store.device_id().unwrap();
        let devices = service.devices(Some(self.center)).unwrap();
        let device = devices
            .iter()
            .find(|d| d.device_id == device_id)
            .expect("the desk is a device of its own center");
        assert_eq!(
            device.last_seq,
            self.made.len() as u64,
            "the server settles each mutation once and in order, so its sequence for the desk \
             ends at the number of mutations the desk made before syncing; less is a lost write"
        );

        // The change log: one entry per settled mutation, none twice. (The
        // desk's own center record is settled without being stored.)
        let mut logged: HashMap<Uuid, u32> = HashMap::new();
        let mut cursor = ChangeVersion(0);
        loop {
            let page = service
                .pull(
                    device,
                    &PullRequest {
                        protocol: ProtocolVersion::CURRENT,
                        cursor,
                        limit: MAX_PULL_LIMIT,
                    },
                    Utc::now(),
                )
                .unwrap();
            for change in &page.changes {
                if !matches!(change.body, ChangeBody::Conflict { .. }) {
                    *logged.entry(change.mutation_id).or_default() += 1;
                }
            }
            if !page.has_more || page.next_cursor == cursor {
                break;
            }
            cursor = page.next_cursor;
        }
        let twice: Vec<_> = logged.iter().filter(|(_, n)| **n > 1).collect();
        assert!(
            twice.is_empty(),
            "a mutation applied twice leaves two change-log entries; these did: {twice:?}"
        );
        let stored: BTreeSet<Uuid> = self
            .made
            .iter()
            .filter(|m| m.entity != EntityKind::Center)
            .map(|m| m.mutation_id)
            .collect();
        let logged: BTreeSet<Uuid> = logged.into_keys().collect();
        assert_eq!(
            logged.len(),
            stored.len(),
            "every mutation but the center's own record is stored and logged once"
        );
        assert!(
            logged == stored,
            "the change log holds exactly the desk's mutations: {} missing, {} foreign",
            stored.difference(&logged).count(),
            logged.difference(&stored).count()
        );

        assert_same_records(
            &service.records(self.center).unwrap(),
            &store.sync_snapshot().unwrap(),
        )
    }
}

/// Kills that must land at least once in the drain test, and what else
/// happened, for the failure message and the log.
#[derive(Debug, Default)]
struct Figures {
    attempts: u32,
    synced: u32,
    failed: u32,
    desk_killed_pushing: u32,
    desk_killed_pulling: u32,
    desk_killed_starting: u32,
    server_killed_pushing: u32,
    server_killed_pulling: u32,
    server_killed_starting: u32,
}

impl Figures {
    fn record(&mut self, attempt: &Attempt) {
        self.attempts += 1;
        match attempt.ended {
            Ended::Synced => self.synced += 1,
            Ended::Failed => self.failed += 1,
            Ended::Killed(Phase::Pushing) => self.desk_killed_pushing += 1,
            Ended::Killed(Phase::Pulling) => self.desk_killed_pulling += 1,
            Ended::Killed(Phase::Starting) => self.desk_killed_starting += 1,
        }
        match attempt.server_killed {
            Some(Phase::Pushing) => self.server_killed_pushing += 1,
            Some(Phase::Pulling) => self.server_killed_pulling += 1,
            Some(Phase::Starting) => self.server_killed_starting += 1,
            None => {}
        }
    }

    /// The next kill the test still owes, if any. The push kills come
    /// first, while the outbox still holds several batches; the second
    /// push or page of a run, so the run has had an answer before.
    fn required(&self, rng: &mut ChaCha8Rng) -> Option<Strike> {
        let mut at = |path, nth| Trap {
            path,
            nth,
            forwarded: rng.random_bool(0.5),
        };
        if self.desk_killed_pushing == 0 {
            Some(Strike::Desk(at(paths::PUSH, 2)))
        } else if self.server_killed_pushing == 0 {
            Some(Strike::Server(at(paths::PUSH, 2)))
        } else if self.desk_killed_starting == 0 {
            Some(Strike::Desk(at(paths::PUSH, 1)))
        } else if self.desk_killed_pulling == 0 {
            Some(Strike::Desk(at(paths::PULL, 2)))
        } else if self.server_killed_pulling == 0 {
            Some(Strike::Server(at(paths::PULL, 2)))
        } else {
            None
        }
    }

    fn kills(&self) -> [u32; 5] {
        [
            self.desk_killed_pushing,
            self.server_killed_pushing,
            self.desk_killed_starting,
            self.desk_killed_pulling,
            self.server_killed_pulling,
        ]
    }
}

/// Whether a strike waits for the pull, which comes only once the outbox
/// is empty.
fn pulls(strike: &Strike) -> bool {
    matches!(strike, Strike::Desk(t) | Strike::Server(t) if t.path == paths::PULL)
}

/// A strike for a run on the flaky network: often none, else the desk or
/// the server killed at a request drawn from the run's likely ones (it may
/// never come if the network fails the run first).
fn random_strike(rng: &mut ChaCha8Rng) -> Strike {
    let trap = Trap {
        path: [paths::PUSH, paths::PULL][rng.random_range(0..2)],
        nth: rng.random_range(1..=4),
        forwarded: rng.random_bool(0.5),
    };
    match rng.random_range(0..10) {
        0..5 => Strike::Nothing,
        5..8 => Strike::Desk(trap),
        _ => Strike::Server(trap),
    }
}

/// A CSV of `n` new seekers (names only, all distinct), so the desk has
/// fresh changes to push and the center's log fresh pages to pull.
fn new_seekers_csv(n: u32) -> String {
    let syllable = |i: u32| char::from_u32('가' as u32 + i % 11_172).unwrap();
    let mut csv = String::from("이름\n");
    for i in 0..n {
        csv.push_str(&format!("김{}{}\n", syllable(i / 11_172 + 17), syllable(i)));
    }
    csv
}

/// Every kind of kill at a chosen request on a healthy network, so each
/// lands on any machine: the push kills while the demo's 10k changes are
/// pending, then runs on a flaky network with random kills (until one
/// syncs or the runs are spent), then 6,500 new seekers so that the pull
/// kills find pages left to read; then the network heals and one clean run
/// must finish whatever is left.
#[test]
fn ten_thousand_changes_drain_through_faults_and_kills() {
    const FLAKY_RUNS: u32 = 16;
    const TOP_UP: u32 = 6_500;
    let seed = seed();
    let started = Instant::now();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // About 15 mutations per demo seeker.
    let mut f = Fixture::new("drain", 700, 60, seed);
    let made = f.made.len() as u64;
    assert!(
        made >= 10_000,
        "the drain target is about 10k pending mutations; the demo made {made}"
    );
    let prepared = started.elapsed();

    let mut figures = Figures::default();
    let strike_required = |f: &mut Fixture, figures: &mut Figures, strike: Strike| {
        f.proxy.set_network(Network::Healthy);
        let before = figures.kills();
        let attempt = f.sync(strike);
        figures.record(&attempt);
        assert_ne!(
            figures.kills(),
            before,
            "seed {seed}: a kill at a request the run must make lands: {strike:?} ended as \
             {attempt:?}; so far {figures:?}"
        );
    };
    // Three push-side kills leave at least two of the five batches pending.
    while let Some(strike) = figures.required(&mut rng).filter(|s| !pulls(s)) {
        strike_required(&mut f, &mut figures, strike);
    }
    f.proxy.set_network(Network::Flaky);
    for _ in 0..FLAKY_RUNS {
        let attempt = f.sync(random_strike(&mut rng));
        figures.record(&attempt);
        if matches!(attempt.ended, Ended::Synced) {
            break;
        }
    }
    let csv = f.env.file("top-up.csv", new_seekers_csv(TOP_UP).as_bytes());
    f.env
        .ok(&f.desk, &["import", "seekers", csv.to_str().unwrap()]);
    // The convergence check counts every mutation the desk ever made.
    let known: BTreeSet<Uuid> = f.made.iter().map(|m| m.mutation_id).collect();
    let pending = open_desk(&f.desk).outbox_batch(usize::MAX).unwrap();
    let new: Vec<Mutation> = pending
        .into_iter()
        .filter(|m| !known.contains(&m.mutation_id))
        .collect();
    assert_eq!(
        new.len(),
        TOP_UP as usize,
        "the import made one insert per row"
    );
    f.made.extend(new);
    // Each run pushes what is left, then the kill lands on its second
    // page: 6,500 new changes are four pages, so two runs that each
    // store at most one page leave the second one pages to read.
    while let Some(strike) = figures.required(&mut rng) {
        strike_required(&mut f, &mut figures, strike);
    }
    assert_eq!(
        figures.kills().iter().filter(|&&k| k == 0).count(),
        0,
        "every kind of kill landed: {figures:?}"
    );
    let faulty = started.elapsed() - prepared;
    let left = f.pending();

    f.proxy.set_network(Network::Healthy);
    let heal = Instant::now();
    let attempt = f.sync(Strike::Nothing);
    let healed = heal.elapsed();
    assert!(
        matches!(attempt.ended, Ended::Synced),
        "seed {seed}: once the network heals, one run finishes whatever the faults left \
         ({left} pending): no queue may stay wedged. Got {attempt:?} after {figures:?}"
    );
    let tally = f.proxy.tally();
    let records = f.assert_converged();
    eprintln!(
        "sync_faults drain, seed {seed}: {made} + {TOP_UP} mutations, {records} records alike on both sides; {figures:?}; proxy {tally:?}; \
         {left} pending when the network healed; prepare {prepared:?}, faulty runs {faulty:?}, \
         healed run {healed:?}, total {:?}",
        started.elapsed()
    );
    assert!(
        tally.broken() > 0,
        "the flaky network broke exchanges (else the test proved little): {tally:?}"
    );
}

/// The first batch reaches the server and is committed, and its answer is
/// lost, three times over: the desk resends the same batch each run and
/// the server answers from its stored results, applying nothing twice.
#[test]
fn a_batch_whose_answer_is_lost_is_settled_once_however_often_it_is_resent() {
    const LOST: u32 = 3;
    let mut f = Fixture::new("void", 180, 20, seed());
    let made = f.made.len() as u64;
    let batch = MAX_PUSH_MUTATIONS as u64;
    assert!(
        made > batch,
        "more than one batch, so the lost one is a full batch: {made}"
    );
    f.proxy.lose_next_answers(LOST);
    for run in 1..=LOST {
        let attempt = f.sync(Strike::Nothing);
        assert!(
            matches!(attempt.ended, Ended::Failed),
            "run {run}: with its answer lost the desk cannot know the outcome, so the run fails: {attempt:?}"
        );
        assert_eq!(
            f.pending(),
            made,
            "run {run}: an unanswered push acknowledges nothing, so the desk keeps every row"
        );
        assert_eq!(
            f.settled_on_server(),
            batch,
            "run {run}: the first push committed the first batch; the resends were replays of it"
        );
    }
    assert_eq!(f.proxy.tally().answer_lost, u64::from(LOST));
    let attempt = f.sync(Strike::Nothing);
    assert!(
        matches!(attempt.ended, Ended::Synced),
        "with answers getting through, the resent batch is answered from the stored results \
         and the sync finishes: {attempt:?}"
    );
    let records = f.assert_converged();
    assert!(records > 0, "the comparison covered the desk's records");
}

/// A caseload of a center of its own, known to the server, and a code for it.
struct CenterDesk {
    db: PathBuf,
    center: Uuid,
    code: String,
}

/// Two centers' caseloads (small demos) and a server that knows both.
fn two_centers(env: &Env, data: &Path) -> [CenterDesk; 2] {
    [("가센터", "3"), ("나센터", "4")].map(|(name, seed)| {
        let db = env.db(&format!("{name}.doyak"));
        env.ok(&db, &["init", "--center", name, "--sigungu", "41271"]);
        env.ok(
            &db,
            &[
                "demo",
                "--seekers",
                "30",
                "--companies",
                "6",
                "--seed",
                seed,
            ],
        );
        let center = center_id(env, &db);
        let id = center.to_string();
        admin(data, &["center", "--id", &id, "--name", name]);
        let code = admin(data, &["code", "--center", &id]).trim().to_owned();
        CenterDesk { db, center, code }
    })
}

/// Enrolling with another center's code fails with a Korean message that
/// says so.
fn assert_wrong_center_refused(env: &Env, desk: &CenterDesk, url: &str, code: &str) {
    let out = env.run(&desk.db, PASS, &["enroll", "--server", url, "--code", code]);
    let err = stderr(&out);
    assert_korean_failure(out.status, &err);
    assert!(
        err.contains("다른 센터"),
        "the counselor learns the code is another center's: {err}"
    );
}

/// Two centers on one server, each desk enrolled with its own center's
/// code. The other center's code is refused (and not spent); after both
/// desks sync, each side holds only its own center's records.
#[test]
fn a_desk_sends_and_receives_only_its_own_centers_records() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    let [a, b] = two_centers(&env, &data);
    let mut server = Server::start(&data);
    let url = server.url();

    env.ok(&b.db, &["enroll", "--server", &url, "--code", &b.code]);
    assert_wrong_center_refused(&env, &b, &url, &a.code);
    // The refused attempt spent nothing: the code still enrolls 가센터's desk.
    env.ok(&a.db, &["enroll", "--server", &url, "--code", &a.code]);
    // Twice round: the second sync of each desk would deliver whatever the
    // other desk pushed after its first (nothing of the other center may come).
    for desk in [&a, &b, &a, &b] {
        env.ok(&desk.db, &["sync"]);
    }
    server.kill();

    let service = SyncService::new(
        Storage::Sqlite(SqliteStorage::open(&data).unwrap()),
        ServiceConfig::default(),
    );
    for desk in [&a, &b] {
        let center = desk.center.to_string();
        let store = open_desk(&desk.db);
        let device = store.device_id().unwrap();
        let devices = service.devices(None).unwrap();
        let at: Vec<_> = devices.iter().filter(|d| d.device_id == device).collect();
        assert!(
            at.len() == 1 && at[0].center_id == desk.center,
            "the desk is one device, of its own center only, even after trying another \
             center's code: {at:?}"
        );
        let snapshot = store.sync_snapshot().unwrap();
        let foreign: Vec<_> = snapshot
            .iter()
            .filter(|(_, r)| {
                r.values
                    .get("center_id")
                    .is_some_and(|c| c.as_str() != Some(&center))
            })
            .map(|(k, _)| k)
            .collect();
        assert!(
            foreign.is_empty(),
            "a desk holds only its own center's records: {} foreign, first {:?}",
            foreign.len(),
            foreign.first()
        );
        let records = service.records(desk.center).unwrap();
        assert!(
            records.iter().all(|r| r.center_id == desk.center
                && r.values().get("center_id").and_then(Value::as_str) == Some(&center)),
            "the server keeps a center's records under that center, never another's"
        );
        assert_same_records(&records, &snapshot);
    }
    let ids = |center: Uuid| -> BTreeSet<Uuid> {
        let records = service.records(center).unwrap();
        records.iter().map(|r| r.id).collect()
    };
    assert!(
        ids(a.center).is_disjoint(&ids(b.center)),
        "no record belongs to both centers"
    );
}

/// A counselor types the other center's code first, then the right one.
/// The first attempt must leave no trace on the server: the desk refuses
/// the answer, so a device recorded under the other center would be one
/// nobody can use, and it would block the right code for good.
#[test]
fn a_desk_offered_another_centers_code_can_still_enroll_with_its_own() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    let [a, b] = two_centers(&env, &data);
    let server = Server::start(&data);
    let url = server.url();

    assert_wrong_center_refused(&env, &b, &url, &a.code);
    let out = env.run(
        &b.db,
        PASS,
        &["enroll", "--server", &url, "--code", &b.code],
    );
    assert!(
        out.status.success(),
        "a refused enrollment binds the desk to no center, so its own center's code works: {}",
        stderr(&out)
    );
}
