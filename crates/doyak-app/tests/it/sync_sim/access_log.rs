//! The access log (개인정보 접근 기록) through the real server: desks of one
//! center send their entries after their records, each entry reaches the
//! server exactly once however the network drops, loses or repeats the
//! uploads, and a desk whose log was rewritten after the server saw it is
//! refused without its records' sync being held up.

use super::net::{Faults, NONE, Net};
use super::{Sim, new_seeker};
use doyak_app::sync::{SyncLimits, SyncReport, Transport, TransportError, sync_store};
use doyak_domain::{EntityKind, Id};
use doyak_server::access_log::AccessLogQuery;
use doyak_server::model::ViewerScope;
use doyak_server::service::Caller;
use doyak_store::{Access, Passphrase};
use doyak_sync_protocol::{
    AccessLogEntry, AccessLogRequest, AccessLogResponse, ErrorCode, PullRequest, PullResponse,
    PushRequest, PushResponse,
};
use std::collections::BTreeMap;
use uuid::Uuid;

const LIMITS: SyncLimits = SyncLimits {
    push_batch: 7,
    pull_page: 5,
    pull_pages_per_write: 3,
    push_batches_per_write: 3,
    access_log_batch: 2,
};

/// Passes everything to the server; the first `lose` access-log answers are
/// lost after the server committed them (the desk hears nothing).
struct LosingAnswers<'a> {
    inner: Net<'a>,
    lose: usize,
}

impl Transport for LosingAnswers<'_> {
    fn push(&mut self, request: &PushRequest) -> Result<PushResponse, TransportError> {
        self.inner.push(request)
    }

    fn pull(&mut self, request: &PullRequest) -> Result<PullResponse, TransportError> {
        self.inner.pull(request)
    }

    fn access_log(
        &mut self,
        request: &AccessLogRequest,
    ) -> Result<AccessLogResponse, TransportError> {
        let answer = self.inner.access_log(request);
        if self.lose > 0 {
            self.lose -= 1;
            return Err(TransportError::Unreachable("answer lost".into()));
        }
        answer
    }
}

impl Sim {
    /// One sync of desk `d` through `faults`, the first `lose` access-log
    /// answers lost; its report.
    fn sync_reporting(
        &mut self,
        d: usize,
        faults: Faults,
        lose: usize,
    ) -> Result<SyncReport, String> {
        let desk = &mut self.desks[d];
        let mut transport = LosingAnswers {
            inner: Net {
                server: &self.server,
                device: &desk.row,
                rng: &mut self.rng,
                online: true,
                faults,
                now: self.now,
                late: &mut self.late,
                sent: &mut self.sent,
            },
            lose,
        };
        let now = self.now;
        sync_store(
            &mut desk.store,
            &mut transport,
            &|| now,
            LIMITS,
            &mut |_| {},
        )
        .map_err(|e| e.to_string())
    }

    /// Desk `d`'s counselor opens `n` seekers' pages.
    fn look(&mut self, d: usize, n: usize) {
        for _ in 0..n {
            self.now += chrono::Duration::minutes(11);
            let seeker = Id::from(Uuid::now_v7());
            self.desks[d]
                .store
                .log_access(
                    self.now,
                    &format!("counselor:{d}"),
                    Access::View,
                    EntityKind::Seeker,
                    Some(seeker),
                    "page",
                )
                .unwrap();
        }
    }

    /// The center's administrator.
    fn administrator(&self) -> Caller {
        let (_, token) = self
            .server
            .issue_viewer(
                "센터 관리자",
                ViewerScope::Center(self.center.id.as_uuid()),
                None,
                self.now,
            )
            .unwrap();
        self.server
            .authenticate_caller(token.expose_secret(), self.now)
            .unwrap()
    }

    /// Every entry the server holds for the center, per device by seq.
    fn server_log(&self) -> BTreeMap<Uuid, Vec<(u64, String)>> {
        let view = self
            .server
            .access_log_view(
                &self.administrator(),
                &AccessLogQuery {
                    per_page: 500,
                    ..AccessLogQuery::default()
                },
            )
            .unwrap();
        assert!(
            view.devices.iter().all(|c| c.verified),
            "every chain the server holds verifies: {:?}",
            view.devices
        );
        let mut by_device: BTreeMap<Uuid, Vec<(u64, String)>> = BTreeMap::new();
        for e in view.entries {
            by_device
                .entry(e.device_id)
                .or_default()
                .push((e.seq, e.hash));
        }
        for entries in by_device.values_mut() {
            entries.sort();
        }
        by_device
    }

    fn local_log(&self, d: usize) -> Vec<(u64, String)> {
        self.desks[d]
            .store
            .access_entries_after(0, 10_000)
            .unwrap()
            .into_iter()
            .map(|e| (e.seq as u64, e.hash))
            .collect()
    }
}

#[test]
fn two_desks_entries_reach_the_server_once_even_when_answers_are_lost() {
    let mut sim = Sim::new(3, false);
    sim.look(0, 3);
    sim.look(1, 2);

    let lost = sim.sync_reporting(0, NONE, 1).unwrap();
    assert_eq!(lost.access_log_sent, 0, "the desk never heard the answer");
    assert!(
        lost.access_log_problem
            .as_deref()
            .is_some_and(|p| p.contains("다음 동기화 때 이어서 보냅니다")),
        "the report says the log did not all go: {lost:?}"
    );
    let resent = sim.sync_reporting(0, NONE, 0).unwrap();
    assert_eq!(
        resent.access_log_problem, None,
        "the resend of the batch whose answer was lost is fine"
    );
    assert_eq!(
        resent.access_log_sent, 1,
        "entries 1-2 reached the server with the lost answer; only 3 was new"
    );
    sim.look(0, 2);
    let more = sim.sync_reporting(0, NONE, 0).unwrap();
    assert_eq!(more.access_log_sent, 2, "the two new looks, nothing again");
    let desk1 = sim.sync_reporting(1, NONE, 0).unwrap();
    assert_eq!(desk1.access_log_sent, 2);

    let held = sim.server_log();
    assert_eq!(
        held.get(&sim.desks[0].row.device_id),
        Some(&sim.local_log(0)),
        "the server holds desk 0's log exactly: 5 entries, each once, same hashes"
    );
    assert_eq!(
        held.get(&sim.desks[1].row.device_id),
        Some(&sim.local_log(1))
    );
    assert_eq!(
        held.values().map(Vec::len).sum::<usize>(),
        7,
        "nothing else on the server: {held:?}"
    );
}

#[test]
fn over_a_lossy_network_every_entry_arrives_exactly_once() {
    for seed in 0..6 {
        let mut sim = Sim::new(seed, false);
        let faults = sim.faults;
        let desks = sim.desks.len().min(3);
        for round in 0..6 {
            for d in 0..desks {
                sim.look(d, 1 + (round + d) % 3);
                // A failed sync is the lossy network's doing; the next one
                // carries on.
                let _ = sim.sync_reporting(d, faults, 0);
            }
        }
        for d in 0..desks {
            let report = sim.sync_reporting(d, NONE, 0).unwrap();
            assert_eq!(report.access_log_problem, None, "seed {seed} desk {d}");
        }
        let held = sim.server_log();
        for d in 0..desks {
            assert_eq!(
                held.get(&sim.desks[d].row.device_id),
                Some(&sim.local_log(d)),
                "seed {seed} desk {d}: drops, lost answers and duplicates leave each entry once"
            );
        }
    }
}

#[test]
fn a_desk_whose_log_was_rewritten_is_refused_and_its_records_still_sync() {
    let mut sim = Sim::new(4, false);
    sim.look(0, 3);
    let first = sim.sync_reporting(0, NONE, 0).unwrap();
    assert_eq!(first.access_log_sent, 3);

    // Someone with the passphrase edits entry 2 and chains 2 and 3 again,
    // so the desk's own check still passes; then the desk logs on.
    let path = sim.desks[0]._dir.path().join(sim.desks[0].file.as_str());
    let conn = doyak_store::testing::raw_connection(
        &path,
        &Passphrase::unencrypted_for_benchmarks(),
        false,
    )
    .unwrap();
    conn.execute_batch("DROP TRIGGER access_log_append_only_update")
        .unwrap();
    let mut prev = sim.local_log(0)[0].1.clone();
    for entry in sim.desks[0].store.access_entries_after(1, 10).unwrap() {
        let seq = entry.seq;
        let mut wire = AccessLogEntry::from(entry);
        if seq == 2 {
            wire.entity_id = Some(Uuid::now_v7().to_string());
        }
        wire.prev_hash = prev;
        wire.hash = wire.computed_hash();
        prev = wire.hash.clone();
        conn.execute(
            "UPDATE access_log SET entity_id = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4",
            (&wire.entity_id, &wire.prev_hash, &wire.hash, seq),
        )
        .unwrap();
    }
    drop(conn);
    assert_eq!(
        sim.desks[0].store.verify_access_log().unwrap().broken,
        None,
        "the rewritten chain holds together on the desk: only the server can tell"
    );
    sim.look(0, 1);
    let seeker = Id::new_v7(1_700_000_000_123, [9; 10]);
    let ctx = sim.ctx(0);
    sim.desks[0]
        .store
        .write(&ctx, |w| w.insert(&new_seeker(seeker, sim.center.id)))
        .unwrap();

    let refused = sim.sync_reporting(0, NONE, 0).unwrap();
    assert_eq!(
        refused.sent, 1,
        "the new seeker went: the log's refusal held nothing up"
    );
    let problem = refused.access_log_problem.unwrap_or_default();
    assert!(
        problem.contains(ErrorCode::AccessLogChainBroken.default_message()),
        "the counselor reads why, in Korean: {problem}"
    );
    assert!(
        sim.server
            .storage()
            .transact(|tx| tx.record("seeker", seeker.as_uuid()))
            .unwrap()
            .is_some(),
        "the server has the record"
    );
    let held = sim.server_log();
    assert_eq!(
        held.get(&sim.desks[0].row.device_id).map(Vec::len),
        Some(3),
        "nothing of the refused batch was stored"
    );
    let again = sim.sync_reporting(0, NONE, 0).unwrap();
    assert!(
        again.access_log_problem.is_some(),
        "refused again at every sync until someone looks into it"
    );
    // The other desk of the center is not affected.
    sim.look(1, 1);
    let other = sim.sync_reporting(1, NONE, 0).unwrap();
    assert_eq!((other.access_log_sent, other.access_log_problem), (1, None));
}

#[test]
fn a_desk_whose_log_was_cut_after_it_synced_is_told_so() {
    let mut sim = Sim::new(5, false);
    sim.look(0, 4);
    assert_eq!(sim.sync_reporting(0, NONE, 0).unwrap().access_log_sent, 4);
    let path = sim.desks[0]._dir.path().join(sim.desks[0].file.as_str());
    let conn = doyak_store::testing::raw_connection(
        &path,
        &Passphrase::unencrypted_for_benchmarks(),
        false,
    )
    .unwrap();
    conn.execute_batch(
        "DROP TRIGGER access_log_append_only_delete; DELETE FROM access_log WHERE seq > 2",
    )
    .unwrap();
    drop(conn);
    assert_eq!(
        sim.desks[0].store.verify_access_log().unwrap().broken,
        None,
        "a log cut at its end still verifies on the desk"
    );
    let report = sim.sync_reporting(0, NONE, 0).unwrap();
    assert!(
        report
            .access_log_problem
            .as_deref()
            .is_some_and(|p| p.contains("서버에 이미 보낸 것보다 짧습니다")),
        "the entry the server acknowledged is gone: {report:?}"
    );
}
