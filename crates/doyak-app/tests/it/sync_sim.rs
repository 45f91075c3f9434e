//! Deterministic simulation of sync: a server and 2–8 desks (real caseload
//! files, the real client loop) in one process, seeded random edits,
//! offline spans, and a transport that drops requests, loses answers after
//! the server committed, delivers twice and delivers old batches late. After
//! quiescence every desk must equal the server, no queue may be wedged, and
//! every concurrent edit of one field must have produced exactly one
//! conflict record.
//!
//! `DOYAK_SIM_SEEDS=n` runs seeds 0..n (default 2000, about two minutes);
//! `DOYAK_SIM_SEED=s` replays one seed, which a failure prints.

use chrono::{DateTime, Duration, TimeZone, Utc};
use doyak_app::sync::{SyncError, SyncLimits, TransportError, sync_store};
use doyak_domain::{CaseEvent, Center, EntityKind, EventBody, Id, JobSeeker};
use doyak_server::model::{DeviceRow, RecordRow};
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_store::{Passphrase, SnapshotRecord, Store, WriteContext};
use doyak_sync_protocol::{
    ChangeBody, ChangeVersion, EnrollRequest, ErrorCode, Mutation, Op, ProtocolVersion,
    PullRequest, PushRequest,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use uuid::Uuid;

mod access_log;
mod cut;
mod destroy;
mod net;
mod restore;

use net::{Faults, NONE, Net};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

struct Desk {
    store: Store,
    /// The caseload's file name in `_dir` (a restored backup is a new file).
    file: String,
    /// The last backup taken, for [`Sim::restore`].
    backup: Option<std::path::PathBuf>,
    /// Backups and restores made, to name their files.
    copies: u32,
    row: DeviceRow,
    /// The device's clock is off by this much (±24 h).
    skew: Duration,
    online: bool,
    _dir: tempfile::TempDir,
}

struct Sim {
    rng: ChaCha8Rng,
    server: SyncService,
    center: Center,
    desks: Vec<Desk>,
    observer: DeviceRow,
    late: Vec<(DeviceRow, PushRequest)>,
    sent: HashMap<Uuid, Mutation>,
    seekers: Vec<Id>,
    /// Seekers a desk made a second record of under the same id.
    twins: HashSet<Id>,
    now: DateTime<Utc>,
    faults: Faults,
}

/// Same-id conflicts recorded over every seed run in this process.
static SAME_ID_CONFLICTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn new_seeker(id: Id, center: Id) -> JobSeeker {
    JobSeeker::intake(id, center, "시뮬레이션")
}

impl Sim {
    fn new(seed: u64, skewed: bool) -> Sim {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let server = SyncService::new(
            Storage::Sqlite(SqliteStorage::in_memory().unwrap()),
            ServiceConfig { token_ttl: None },
        );
        let center = Center {
            id: Id::new_v7(1_700_000_000_000, [7; 10]),
            name: "시뮬레이션센터".into(),
            sigungu: None,
        };
        server
            .put_center(center.id.as_uuid(), &center.name)
            .unwrap();
        let n = rng.random_range(2..=8);
        let mut desks = Vec::new();
        for i in 0..n {
            let dir = scratch_dir();
            let ctx = WriteContext::new(start(), format!("counselor:{i}"));
            let store = Store::create(
                &dir.path().join("caseload.doyak"),
                &Passphrase::unencrypted_for_benchmarks(),
                &center,
                &ctx,
            )
            .unwrap();
            let row = enroll(&server, center.id.as_uuid(), store.device_id().unwrap());
            // Drawn either way, so a run without skew makes the same choices.
            let minutes = rng.random_range(-24 * 60..=24 * 60);
            let skew = Duration::minutes(if skewed { minutes } else { 0 });
            desks.push(Desk {
                store,
                file: "caseload.doyak".into(),
                backup: None,
                copies: 0,
                row,
                skew,
                online: true,
                _dir: dir,
            });
        }
        let observer = enroll(&server, center.id.as_uuid(), Uuid::now_v7());
        let faults = Faults {
            drop_request: rng.random_range(0.0..0.2),
            lose_answer: rng.random_range(0.0..0.2),
            duplicate: rng.random_range(0.0..0.1),
            delay_copy: rng.random_range(0.0..0.1),
        };
        Sim {
            rng,
            server,
            center,
            desks,
            observer,
            late: Vec::new(),
            sent: HashMap::new(),
            seekers: Vec::new(),
            twins: HashSet::new(),
            now: start(),
            faults,
        }
    }

    fn ctx(&self, d: usize) -> WriteContext {
        WriteContext::new(self.now + self.desks[d].skew, format!("counselor:{d}"))
    }

    fn sync(&mut self, d: usize, faults: Faults) -> Result<(), String> {
        let desk = &mut self.desks[d];
        let mut net = Net {
            server: &self.server,
            device: &desk.row,
            rng: &mut self.rng,
            online: desk.online,
            faults,
            now: self.now,
            late: &mut self.late,
            sent: &mut self.sent,
        };
        let now = self.now + desk.skew;
        let limits = SyncLimits {
            push_batch: 7,
            pull_page: 5,
            pull_pages_per_write: 3,
            push_batches_per_write: 3,
            access_log_batch: 2,
        };
        let synced = sync_store(&mut desk.store, &mut net, &|| now, limits, &mut |_| {});
        match synced {
            // A restored backup: the server has seen later numbers from this
            // device. The counselor enrolls it again and syncs.
            Err(SyncError::Transport(TransportError::Refused(body)))
                if body.code == ErrorCode::PushSequenceReused =>
            {
                self.reenroll(d);
                self.sync(d, faults)
            }
            other => other.map(|_| ()).map_err(|e| e.to_string()),
        }
    }

    fn random_value(&mut self, field: &str) -> Value {
        let pick = self.rng.random_range(0..3);
        match field {
            "email" => json!(["a@example.kr", "b@example.kr", null])[pick].clone(),
            "note" => json!(["전화 상담 희망", "오전만 가능", null])[pick].clone(),
            "skills" => json!([["용접"], ["지게차", "용접"], []])[pick].clone(),
            "desired_wage_monthly" => json!([2_300_000, 2_800_000, null])[pick].clone(),
            "max_commute_km" => json!([10, 30, null])[pick].clone(),
            _ => json!(["intake", "consulting", "job_search"])[pick].clone(),
        }
    }

    fn step(&mut self) {
        self.now += Duration::seconds(self.rng.random_range(1..600));
        let d = self.rng.random_range(0..self.desks.len());
        let roll = self.rng.random_range(0..100);
        match roll {
            0..40 => self.edit(d),
            40..48 => {
                let id = Id::new_v7(
                    1_700_000_000_000 + self.rng.random_range(0..1u64 << 40),
                    self.rng.random(),
                );
                let seeker = new_seeker(id, self.center.id);
                let ctx = self.ctx(d);
                self.desks[d]
                    .store
                    .write(&ctx, |w| w.insert(&seeker))
                    .unwrap();
                self.seekers.push(id);
            }
            48..56 => self.note_session(d),
            56..59 => {
                if let Some(id) = self.known_seeker(d) {
                    let ctx = self.ctx(d);
                    self.desks[d]
                        .store
                        .write(&ctx, |w| w.delete::<JobSeeker>(id))
                        .unwrap();
                }
            }
            59..65 => self.resolve(d),
            65..90 => {
                let _ = self.sync(d, self.faults);
            }
            90..95 => self.desks[d].online = !self.desks[d].online,
            95..97 => self.twin_insert(d),
            97 => self.back_up(d),
            98 => self.restore(d),
            _ => self.deliver_late(),
        }
    }

    /// A seeker this desk holds and has not deleted.
    fn known_seeker(&mut self, d: usize) -> Option<Id> {
        if self.seekers.is_empty() {
            return None;
        }
        let id = self.seekers[self.rng.random_range(0..self.seekers.len())];
        self.desks[d]
            .store
            .get::<JobSeeker>(id)
            .unwrap()
            .map(|_| id)
    }

    fn edit(&mut self, d: usize) {
        let Some(id) = self.known_seeker(d) else {
            return;
        };
        let mut seeker = self.desks[d].store.get::<JobSeeker>(id).unwrap().unwrap();
        let field = [
            "email",
            "note",
            "skills",
            "desired_wage_monthly",
            "max_commute_km",
            "status",
        ][self.rng.random_range(0..6)];
        let value = self.random_value(field);
        let mut object = serde_json::to_value(&seeker).unwrap();
        object[field] = value;
        seeker = serde_json::from_value(object).unwrap();
        let ctx = self.ctx(d);
        self.desks[d]
            .store
            .write(&ctx, |w| w.update(&seeker))
            .unwrap();
    }

    /// A second record under the id of a seeker this desk has not pulled
    /// yet, as an import of another desk's export would make it.
    fn twin_insert(&mut self, d: usize) {
        if self.seekers.is_empty() {
            return;
        }
        let id = self.seekers[self.rng.random_range(0..self.seekers.len())];
        let twin = JobSeeker {
            note: Some("같은 ID의 다른 사람".into()),
            ..JobSeeker::intake(id, self.center.id, "쌍둥이")
        };
        let ctx = self.ctx(d);
        // A desk holding the id (live or deleted) refuses, as its import would.
        if self.desks[d].store.write(&ctx, |w| w.insert(&twin)).is_ok() {
            self.twins.insert(id);
        }
    }

    fn note_session(&mut self, d: usize) {
        let Some(id) = self.known_seeker(d) else {
            return;
        };
        let event = CaseEvent {
            id: Id::new_v7(
                1_700_000_000_000 + self.rng.random_range(0..1u64 << 40),
                self.rng.random(),
            ),
            center_id: self.center.id,
            subject_id: id,
            author_id: None,
            recorded_at: None,
            // The counselor enters the date; the laptop's clock does not.
            occurred_on: self.now.date_naive(),
            supersedes: None,
            body: EventBody::CounselingSession {
                minutes: 50,
                mode: serde_json::from_value(json!("in_person")).unwrap(),
                content: "상담".into(),
                next_step: None,
                next_on: None,
            },
        };
        let ctx = self.ctx(d);
        self.desks[d]
            .store
            .write(&ctx, |w| w.append(&event))
            .unwrap();
    }

    fn resolve(&mut self, d: usize) {
        let open = self.desks[d].store.open_conflicts().unwrap();
        if open.is_empty() {
            return;
        }
        let c = open[self.rng.random_range(0..open.len())].clone();
        // The record may have been deleted here since: nothing to resolve then.
        if self.desks[d]
            .store
            .get::<JobSeeker>(Id::from(c.entity_id))
            .unwrap()
            .is_none()
        {
            return;
        }
        let chosen = match self.rng.random_range(0..3) {
            0 => Some(c.overwritten.value.clone()),
            1 => Some(c.applied.value.clone()),
            _ => None,
        };
        let ctx = self.ctx(d);
        self.desks[d]
            .store
            .write(&ctx, |w| {
                w.resolve_conflict(
                    EntityKind::Seeker,
                    Id::from(c.entity_id),
                    &[Id::from(c.conflict_id)],
                    chosen.map(|v| (c.field.as_str(), v)),
                )
            })
            .unwrap();
    }

    fn deliver_late(&mut self) {
        for (device, request) in std::mem::take(&mut self.late) {
            // Whatever the server answers, nobody hears it.
            let _ = self.server.push(&device, request, self.now);
        }
    }

    /// Network healed: everyone online, no faults, sync until nothing moves.
    fn quiesce(&mut self) {
        self.deliver_late();
        for desk in &mut self.desks {
            desk.online = true;
        }
        for _ in 0..2 {
            for d in 0..self.desks.len() {
                self.sync(d, NONE).unwrap_or_else(|e| {
                    panic!("desk {d} cannot sync after the network healed: {e}")
                });
            }
        }
    }

    fn whole_log(&self) -> Vec<doyak_sync_protocol::Change> {
        let mut cursor = ChangeVersion::START;
        let mut all = Vec::new();
        loop {
            let page = self
                .server
                .pull(
                    &self.observer,
                    &PullRequest {
                        protocol: ProtocolVersion::V1,
                        cursor,
                        limit: 2000,
                    },
                    self.now,
                )
                .unwrap();
            all.extend(page.changes);
            cursor = page.next_cursor;
            if !page.has_more {
                return all;
            }
        }
    }

    fn server_snapshot(&self) -> BTreeMap<(String, String), SnapshotRecord> {
        self.server
            .records(self.center.id.as_uuid())
            .unwrap()
            .into_iter()
            .map(|row: RecordRow| {
                (
                    (row.entity.clone(), row.id.to_string()),
                    SnapshotRecord {
                        values: row.values(),
                        versions: row
                            .fields
                            .iter()
                            .map(|(k, f)| (k.clone(), f.version))
                            .collect(),
                        deleted: row.deleted,
                    },
                )
            })
            .collect()
    }

    fn check(&self) {
        // Exactly once: each mutation is in the log at most once as the
        // change it made, whatever was resent, replayed, delivered late or
        // sent again under a new identity after a restored backup.
        let mut made: HashSet<Uuid> = HashSet::new();
        for change in self.whole_log() {
            if !matches!(change.body, ChangeBody::Conflict { .. }) {
                assert!(
                    made.insert(change.mutation_id),
                    "mutation {} was applied twice (change {})",
                    change.mutation_id,
                    change.version.0
                );
            }
        }
        let server = self.server_snapshot();
        let open: BTreeSet<Uuid> = self
            .server
            .open_conflicts(self.center.id.as_uuid())
            .unwrap()
            .iter()
            .map(|c| c.conflict_id)
            .collect();
        for (d, desk) in self.desks.iter().enumerate() {
            assert_eq!(
                desk.store.pending_count().unwrap(),
                0,
                "desk {d}: a queue is wedged"
            );
            // The one refusal a valid edit may meet: a second record under
            // the id of one that was deleted meanwhile (there are no live
            // values to set beside it).
            let rejections: Vec<_> = desk
                .store
                .rejections()
                .unwrap()
                .into_iter()
                .filter(|r| {
                    !(r.code == ErrorCode::RecordIdTaken
                        && r.op == "insert"
                        && self.twins.contains(&Id::from(r.entity_id)))
                })
                .collect();
            assert!(
                rejections.is_empty(),
                "desk {d}: a valid edit was refused: {rejections:?}"
            );
            let mut local = desk.store.sync_snapshot().unwrap();
            // A second record refused because the first was deleted
            // meanwhile: deleted on both sides, the desk's values beside a
            // visible refusal (above) — the one difference allowed.
            let refused_twins: BTreeSet<String> = desk
                .store
                .rejections()
                .unwrap()
                .into_iter()
                .filter(|r| r.code == ErrorCode::RecordIdTaken)
                .map(|r| r.entity_id.to_string())
                .collect();
            for (k, record) in local.iter_mut() {
                if let Some(theirs) = server.get(k)
                    && refused_twins.contains(&k.1)
                    && record.deleted
                    && theirs.deleted
                {
                    *record = theirs.clone();
                }
            }
            if local != server {
                let keys: BTreeSet<_> = local.keys().chain(server.keys()).collect();
                for k in keys {
                    if local.get(k) != server.get(k) {
                        if std::env::var_os("DOYAK_SIM_DEBUG").is_some() {
                            for c in self.whole_log() {
                                if c.entity_id.to_string() == k.1 {
                                    let op = self.sent.get(&c.mutation_id).map(|m| m.op.name());
                                    eprintln!(
                                        "{} {:?} by {} {:?}: {:?}",
                                        c.version.0, op, c.author_device, c.hlc, c.body
                                    );
                                }
                            }
                            for (i, dd) in self.desks.iter().enumerate() {
                                eprintln!("desk {i} = {}", dd.store.device_id().unwrap());
                            }
                        }
                        panic!(
                            "desk {d} differs from the server at {k:?}:\n desk   {:?}\n server {:?}",
                            local.get(k),
                            server.get(k)
                        );
                    }
                }
            }
            let local_open: BTreeSet<Uuid> = desk
                .store
                .open_conflicts()
                .unwrap()
                .iter()
                .map(|c| c.conflict_id)
                .collect();
            assert_eq!(
                local_open, open,
                "desk {d}: the conflict queue differs from the server's"
            );
        }
        self.check_conflicts();
    }

    /// The oracle: from the change log (the order the server applied edits)
    /// and the mutations as sent (each edit's base), which edits met a
    /// different device's write they had not seen. Each must be exactly one
    /// conflict record, and there must be no other.
    fn check_conflicts(&self) {
        let mut last: HashMap<(Uuid, String), (u64, Uuid)> = HashMap::new();
        let mut expected = BTreeSet::new();
        let mut recorded = BTreeMap::new();
        for change in self.whole_log() {
            match &change.body {
                ChangeBody::Insert { fields } => {
                    for (f, v) in fields {
                        last.insert(
                            (change.entity_id, f.clone()),
                            (v.version, change.author_device),
                        );
                    }
                }
                ChangeBody::Update { fields } => {
                    let m = &self.sent[&change.mutation_id];
                    if let Op::Insert { .. } = &m.op {
                        // A second record under a taken id: every field it
                        // differs in is one same-id conflict, and the kept
                        // value steps up a version under its old author.
                        for (f, v) in fields {
                            let key = (change.entity_id, f.clone());
                            let author = last
                                .get(&key)
                                .or_else(|| last.get(&(change.entity_id, "id".to_owned())))
                                .map_or(change.author_device, |(_, a)| *a);
                            expected.insert((change.mutation_id, f.clone()));
                            last.insert(key, (v.version, author));
                        }
                        continue;
                    }
                    let Op::Update { fields: edits } = &m.op else {
                        panic!("an update change from a non-update mutation");
                    };
                    for (f, v) in fields {
                        let key = (change.entity_id, f.clone());
                        if let Some((version, author)) = last.get(&key)
                            && edits[f].base != *version
                            && *author != change.author_device
                        {
                            expected.insert((change.mutation_id, f.clone()));
                        }
                        last.insert(key, (v.version, change.author_device));
                    }
                }
                ChangeBody::Conflict { conflict } => {
                    if conflict.resolution.is_none() {
                        // An edit's conflict belongs to the edit applied; a
                        // same-id one to the second record's insert.
                        if conflict.same_id {
                            SAME_ID_CONFLICTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                        let cause = if conflict.same_id {
                            conflict.overwritten.mutation_id
                        } else {
                            conflict.applied.mutation_id
                        };
                        let previous =
                            recorded.insert((cause, conflict.field.clone()), conflict.conflict_id);
                        assert!(
                            previous.is_none(),
                            "two conflict records for one edit of {}",
                            conflict.field
                        );
                    }
                }
                ChangeBody::Delete | ChangeBody::Append { .. } => {}
            }
        }
        let recorded: BTreeSet<_> = recorded.into_keys().collect();
        assert_eq!(
            recorded, expected,
            "conflict records vs concurrent same-field edits"
        );
    }
}

/// Caseload files in memory-backed /dev/shm when there is one: thousands
/// of seeds write tens of thousands of small transactions, and what is
/// tested is the sync logic, not the disk's fsync.
fn scratch_dir() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::Builder::new().prefix("doyak-sim").tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

fn enroll(server: &SyncService, center: Uuid, device: Uuid) -> DeviceRow {
    let code = server
        .create_enrollment_code(center, Duration::hours(1), start())
        .unwrap();
    let response = server
        .enroll(
            &EnrollRequest {
                protocol: ProtocolVersion::V1,
                code,
                device_id: device,
                device_name: "시뮬레이션".into(),
                app_version: "sim".into(),
                center_id: None,
            },
            start(),
        )
        .unwrap();
    server
        .authenticate(response.token.expose_secret(), start())
        .unwrap()
}

/// What a run leaves on the server that a clock must not change: every
/// record's values, versions and deletion, and which fields of which records
/// hold conflicts (open or resolved).
type Outcome = (
    BTreeMap<(String, String), SnapshotRecord>,
    Vec<(Uuid, String, bool)>,
);

/// Runs one seed; returns what it left on the server.
fn run(seed: u64) -> usize {
    run_with(seed, true)
        .1
        .iter()
        .filter(|(_, _, resolved)| !resolved)
        .count()
}

fn run_with(seed: u64, skewed: bool) -> Outcome {
    let mut sim = Sim::new(seed, skewed);
    // A starting caseload every desk pulls.
    for _ in 0..3 {
        let id = Id::new_v7(
            1_700_000_000_000 + sim.rng.random_range(0..1u64 << 40),
            sim.rng.random(),
        );
        let ctx = sim.ctx(0);
        sim.desks[0]
            .store
            .write(&ctx, |w| w.insert(&new_seeker(id, sim.center.id)))
            .unwrap();
        sim.seekers.push(id);
    }
    for d in 0..sim.desks.len() {
        sim.sync(d, NONE).unwrap();
    }
    let steps = sim.rng.random_range(40..120);
    for _ in 0..steps {
        sim.step();
    }
    sim.quiesce();
    sim.check();
    let mut conflicts: Vec<(Uuid, String, bool)> = Vec::new();
    for change in sim.whole_log() {
        if let ChangeBody::Conflict { conflict } = change.body {
            if conflict.resolution.is_none() {
                conflicts.push((conflict.entity_id, conflict.field.clone(), false));
            } else if let Some(c) = conflicts
                .iter_mut()
                .find(|c| c.0 == conflict.entity_id && c.1 == conflict.field && !c.2)
            {
                c.2 = true;
            }
        }
    }
    conflicts.sort();
    (sim.server_snapshot(), conflicts)
}

#[test]
fn a_clock_off_by_a_day_changes_no_outcome() {
    let n = std::env::var("DOYAK_SIM_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000u64)
        / 10;
    for seed in 0..n.max(1) {
        let skewed = run_with(seed, true);
        let exact = run_with(seed, false);
        assert!(
            skewed == exact,
            "seed {seed}: clocks off by up to ±24 h changed the outcome\nreplay: DOYAK_SIM_SEED={seed} cargo test -p doyak-app --test it sync_sim"
        );
    }
}

#[test]
fn every_seed_converges_with_one_conflict_per_concurrent_edit() {
    let seeds: Vec<u64> = match std::env::var("DOYAK_SIM_SEED") {
        Ok(s) => vec![s.parse().expect("DOYAK_SIM_SEED is a number")],
        Err(_) => {
            let n = std::env::var("DOYAK_SIM_SEEDS")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(2000);
            (0..n).collect()
        }
    };
    let mut conflicts = 0;
    for seed in &seeds {
        let outcome = std::panic::catch_unwind(|| run(*seed));
        match outcome {
            Ok(n) => conflicts += n,
            Err(cause) => {
                let message = cause
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| cause.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                panic!(
                    "seed {seed} failed: {message}\nreplay: DOYAK_SIM_SEED={seed} cargo test -p doyak-app --test it sync_sim"
                );
            }
        }
    }
    let same_id = SAME_ID_CONFLICTS.load(std::sync::atomic::Ordering::Relaxed);
    let restores = restore::RESTORES.load(std::sync::atomic::Ordering::Relaxed);
    let reenrolls = restore::REENROLLS.load(std::sync::atomic::Ordering::Relaxed);
    eprintln!(
        "{} seeds, {conflicts} conflicts left open at the end, {same_id} same-id conflicts recorded, \
         {restores} backups restored, {reenrolls} desks enrolled again",
        seeds.len()
    );
    if seeds.len() >= 100 {
        assert!(
            conflicts > 0,
            "the simulation must actually produce concurrent edits"
        );
        assert!(
            same_id > 0,
            "the simulation must actually make second records under taken ids"
        );
        assert!(
            reenrolls > 0,
            "the simulation must actually restore backups the server has seen past"
        );
    }
}
