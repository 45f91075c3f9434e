//! Backups restored over a desk's caseload. The file goes back to an
//! earlier copy (outbox, cursor and device as they were); the server has
//! seen later sequence numbers from that device, so the desk's next push is
//! refused as `push.sequence_reused`, and the desk enrolls as a new device
//! (`Store::become_new_device`, as `Desk::enroll` does) and sends what it
//! holds unsent. What the old identity had already sent must not be applied
//! a second time (an old edit would overwrite later ones), and the desk
//! must end equal to the server like every other.

use super::{Sim, enroll};
use doyak_domain::Id;
use doyak_store::{Passphrase, Store};
use rand::Rng;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Restores and re-enrollments over every seed run in this process.
pub(super) static RESTORES: AtomicUsize = AtomicUsize::new(0);
pub(super) static REENROLLS: AtomicUsize = AtomicUsize::new(0);

impl Sim {
    /// A copy of the desk's caseload as it is now (committed rows, through
    /// SQLite: `VACUUM INTO` reads the WAL too), kept for a later restore.
    pub(super) fn back_up(&mut self, d: usize) {
        let desk = &mut self.desks[d];
        desk.copies += 1;
        let copy = desk
            ._dir
            .path()
            .join(format!("backup-{}.doyak", desk.copies));
        let conn = doyak_store::testing::raw_connection(
            &desk._dir.path().join(desk.file.as_str()),
            &Passphrase::unencrypted_for_benchmarks(),
            false,
        )
        .unwrap();
        conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
            .unwrap();
        desk.backup = Some(copy);
    }

    /// Puts the last backup back: the desk works from a copy of it from now
    /// on (the live file closes).
    pub(super) fn restore(&mut self, d: usize) {
        let desk = &mut self.desks[d];
        let Some(backup) = desk.backup.clone() else {
            return;
        };
        desk.copies += 1;
        let file = format!("restored-{}.doyak", desk.copies);
        std::fs::copy(&backup, desk._dir.path().join(&file)).unwrap();
        desk.store = Store::open(
            &desk._dir.path().join(&file),
            &Passphrase::unencrypted_for_benchmarks(),
        )
        .unwrap();
        desk.file = file;
        RESTORES.fetch_add(1, Ordering::Relaxed);
    }

    /// The counselor enrolls the desk again with a new code: a new device
    /// id, the unsent changes renumbered under it.
    pub(super) fn reenroll(&mut self, d: usize) {
        let id = Id::new_v7(
            1_700_000_000_000 + self.rng.random_range(0..1u64 << 40),
            self.rng.random(),
        )
        .as_uuid();
        self.desks[d]
            .store
            .become_new_device(id, "simulation")
            .unwrap();
        self.desks[d].row = enroll(&self.server, self.center.id.as_uuid(), id);
        REENROLLS.fetch_add(1, Ordering::Relaxed);
    }
}
