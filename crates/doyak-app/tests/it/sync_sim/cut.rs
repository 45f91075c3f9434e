//! A sync cut off part-way: what arrived before the cut is kept, and the
//! next sync carries on from there.

use super::net::{NONE, Net};
use super::{Sim, new_seeker};
use doyak_app::sync::{SyncLimits, Transport, TransportError, sync_store};
use doyak_domain::Id;
use doyak_sync_protocol::{
    AccessLogRequest, AccessLogResponse, ChangeVersion, PullRequest, PullResponse, PushRequest,
    PushResponse,
};

/// Fails the `pull_fails`-th pull and the `push_fails`-th push (counted
/// from 1); passes everything else on.
struct Cut<'a> {
    inner: Net<'a>,
    pulls: usize,
    pushes: usize,
    pull_fails: usize,
    push_fails: usize,
}

impl Transport for Cut<'_> {
    fn push(&mut self, request: &PushRequest) -> Result<PushResponse, TransportError> {
        self.pushes += 1;
        if self.pushes == self.push_fails {
            return Err(TransportError::Unreachable("cut".into()));
        }
        self.inner.push(request)
    }

    fn pull(&mut self, request: &PullRequest) -> Result<PullResponse, TransportError> {
        self.pulls += 1;
        if self.pulls == self.pull_fails {
            return Err(TransportError::Unreachable("cut".into()));
        }
        self.inner.pull(request)
    }

    fn access_log(
        &mut self,
        request: &AccessLogRequest,
    ) -> Result<AccessLogResponse, TransportError> {
        self.inner.access_log(request)
    }
}

/// The desk takes several push answers, and stores several pull pages, per
/// transaction. When the connection drops partway, what arrived before is
/// stored all the same and the error is reported; the next sync resumes
/// after it.
#[test]
fn what_arrived_before_a_cut_is_stored_and_the_rest_follows() {
    let mut sim = Sim::new(0, false);
    for n in 0..23u8 {
        let id = Id::new_v7(1_700_000_000_000 + u64::from(n), [n; 10]);
        let ctx = sim.ctx(0);
        sim.desks[0]
            .store
            .write(&ctx, |w| w.insert(&new_seeker(id, sim.center.id)))
            .unwrap();
    }
    // Batches of 7, three answers to a transaction: pushes 1 and 2 are
    // answered, push 3 fails; both answers are taken.
    let limits = SyncLimits {
        push_batch: 7,
        pull_page: 5,
        pull_pages_per_write: 3,
        push_batches_per_write: 3,
        access_log_batch: 2,
    };
    let now = sim.now;
    let cut = |sim: &mut Sim, d: usize, push_fails, pull_fails| {
        let desk = &mut sim.desks[d];
        let mut cut = Cut {
            inner: Net {
                server: &sim.server,
                device: &desk.row,
                rng: &mut sim.rng,
                online: true,
                faults: NONE,
                now,
                late: &mut sim.late,
                sent: &mut sim.sent,
            },
            pulls: 0,
            pushes: 0,
            pull_fails,
            push_fails,
        };
        sync_store(&mut desk.store, &mut cut, &|| now, limits, &mut |_| {})
    };
    let pending = sim.desks[0].store.pending_count().unwrap();
    assert_eq!(pending, 24, "the center and 23 seekers");
    assert!(cut(&mut sim, 0, 3, 0).is_err(), "the cut is reported");
    assert_eq!(
        sim.desks[0].store.pending_count().unwrap(),
        pending - 14,
        "the two answered batches of 7 left the outbox"
    );
    sim.sync(0, NONE).unwrap();
    assert_eq!(sim.desks[0].store.pending_count().unwrap(), 0);
    let on_server = sim.whole_log().len() as u64;
    assert!(on_server >= 23, "the seekers are in the log");

    // Pages of 5, three to a transaction: pulls 1–3 are stored together
    // while pull 4 is fetched; pull 5 fails, so page 4 is stored alone.
    assert!(cut(&mut sim, 1, 0, 5).is_err(), "the cut is reported");
    assert_eq!(
        sim.desks[1].store.sync_state().unwrap().cursor,
        ChangeVersion(20),
        "four pages of five were fetched before the cut, and all four are stored"
    );
    sim.sync(1, NONE).unwrap();
    assert_eq!(
        sim.desks[1].store.sync_state().unwrap().cursor,
        ChangeVersion(on_server),
        "the next sync resumes after them"
    );
    sim.quiesce();
    sim.check();
}
