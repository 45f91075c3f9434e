//! Each center's figure totals for the national view, kept so that an
//! answer reads them instead of every center's records
//! ([`crate::service::SyncService::figures`]).
//!
//! A center's totals are computed from its records by the desk's rules
//! ([`crate::figures`]), month by month ([`doyak_kpi::totals`]), at the
//! center's change-log version and for a day (a 3- or 6-month window is
//! over only once its last day has passed). They are kept in memory and in
//! the database (`center_figures`), so a restart does not compute every
//! center again, and they are fresh while neither the version nor the day
//! has moved. A push marks its center changed; the refresher
//! ([`crate::service::SyncService::refresh_figures`], run by `serve` in
//! the background) computes the changed centers again one at a time, so a
//! viewer's answer finds them fresh. One computation per center at a time:
//! a second asker waits for the first and takes its result.

use crate::error::{ApiError, StorageError};
use crate::model::KeptFiguresRow;
use crate::storage::Storage;
use chrono::{Datelike, Months, NaiveDate};
use doyak_kpi::{Partial, Period, month_key};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How many months back from the current one the refresher keeps (the
/// longest period `/stats/figures` answers at once).
pub const KEPT_MONTHS: u32 = crate::service::MAX_FIGURE_MONTHS as u32;

/// The version of the rules that turn records into totals
/// (`crate::figures` and doyak-kpi's `totals`): raise it when they change,
/// so that totals kept by an older server are computed again.
pub const KEPT_RULES: u32 = 1;

/// One center's totals per month (`YYYY-MM`, in the catalogue's order),
/// computed at its change-log version `version` for the day `today`, by
/// the rules `rules` over the figures `figures` (ids, in order).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CenterTotals {
    pub version: u64,
    pub today: NaiveDate,
    pub rules: u32,
    pub figures: Vec<String>,
    pub months: BTreeMap<String, Vec<Partial>>,
}

/// The figure ids of this server's catalogue, in order.
fn catalogue() -> Vec<String> {
    doyak_kpi::FIGURES.iter().map(|d| d.id.to_owned()).collect()
}

impl CenterTotals {
    /// Whether these answer `months` at `version` on `today`, read by
    /// this server's rules and catalogue (a server of another version
    /// may have kept them: its totals are read by position).
    fn covers(&self, version: u64, today: NaiveDate, months: &[String]) -> bool {
        self.version == version
            && self.today == today
            && self.rules == KEPT_RULES
            && self.figures == catalogue()
            && months.iter().all(|m| {
                self.months
                    .get(m)
                    .is_some_and(|t| t.len() == doyak_kpi::FIGURES.len())
            })
    }
}

/// The kept totals, who is computing which center, and which centers
/// changed since.
#[derive(Debug, Default)]
pub struct Kept {
    totals: Mutex<HashMap<Uuid, Arc<CenterTotals>>>,
    busy: Mutex<HashSet<Uuid>>,
    done: Condvar,
    /// Askers waiting for another's computation (a test waits for one).
    waiting: AtomicU64,
    /// Each changed center and when it was last marked.
    changed: Mutex<BTreeMap<Uuid, Instant>>,
    wake: Condvar,
    computed: AtomicU64,
}

/// A center being computed by this thread; others wait until it drops.
struct Turn<'a> {
    kept: &'a Kept,
    center: Uuid,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        lock(&self.kept.busy).remove(&self.center);
        self.kept.done.notify_all();
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The day in Korea now: the day figures are computed for.
pub fn korea_today() -> NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(9)).date_naive()
}

/// Starts the refresher for `serve`: a thread that computes the changed
/// centers' totals again after each push, and every center's when the day
/// in Korea changes (and once at start, which reads back what the database
/// kept). A center is computed once its pushes have been quiet for
/// [`QUIET`] (a desk syncing a thousand changes pushes a batch after
/// another; each computation reads all of the center's records). It waits
/// for a change, or ten minutes to look at the day again. A panic in one
/// pass is logged and the next pass goes on.
pub fn start_refresher(
    service: Arc<crate::service::SyncService>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("figures".into())
        .spawn(move || {
            let mut day = None;
            loop {
                let today = korea_today();
                if day != Some(today) {
                    match service.mark_all_figures_changed() {
                        Ok(()) => day = Some(today),
                        Err(e) => {
                            tracing::warn!(error = %e.body.message, "figures: centers unread")
                        }
                    }
                }
                let pass = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    service.refresh_figures_after(today, QUIET)
                }));
                match pass {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(centers = n, "figures kept"),
                    Err(_) => tracing::error!("figures: the refresher's pass panicked"),
                }
                service
                    .kept_figures()
                    .wait_for_change(Duration::from_secs(600), QUIET);
            }
        })
}

/// How long a center's pushes must have been quiet before the refresher
/// computes it.
pub const QUIET: Duration = Duration::from_secs(30);

/// The months the refresher keeps on `today`: the current one and those
/// before it, [`KEPT_MONTHS`] in all.
pub fn kept_months(today: NaiveDate) -> Vec<NaiveDate> {
    let this = today.with_day(1).unwrap_or(today);
    (0..KEPT_MONTHS)
        .rev()
        .filter_map(|back| this.checked_sub_months(Months::new(back)))
        .collect()
}

impl Kept {
    /// The center's totals of `months` for `today`: kept ones while fresh
    /// (from memory, else from the database), else computed and kept.
    pub fn totals(
        &self,
        storage: &Storage,
        center: Uuid,
        months: &[NaiveDate],
        today: NaiveDate,
    ) -> Result<Arc<CenterTotals>, ApiError> {
        let keys: Vec<String> = months.iter().map(|m| month_key(*m)).collect();
        let version = storage.transact(|tx| tx.change_version(center))?;
        let in_memory = |kept: &Kept| {
            lock(&kept.totals)
                .get(&center)
                .filter(|t| t.covers(version, today, &keys))
                .cloned()
        };
        if let Some(t) = in_memory(self) {
            return Ok(t);
        }
        let _turn = self.turn(center);
        // Computed by another asker while this one waited?
        if let Some(t) = in_memory(self) {
            return Ok(t);
        }
        let stored = storage.transact(|tx| tx.kept_figures(center))?;
        if let Some(t) = stored
            .and_then(|row| serde_json::from_str::<CenterTotals>(&row.months).ok())
            .filter(|t| t.covers(version, today, &keys))
        {
            let t = Arc::new(t);
            lock(&self.totals).insert(center, t.clone());
            return Ok(t);
        }
        let mut wanted: BTreeSet<NaiveDate> = kept_months(today).into_iter().collect();
        wanted.extend(months.iter().copied());
        let t = Arc::new(compute(storage, center, &wanted, today)?);
        self.computed.fetch_add(1, Ordering::Relaxed);
        let row = KeptFiguresRow {
            center_id: center,
            change_version: t.version,
            today,
            // Plain numbers and strings: it cannot fail (and an empty text
            // would only be computed again).
            months: serde_json::to_string(&*t).unwrap_or_default(),
        };
        storage.transact(|tx| tx.keep_figures(&row))?;
        lock(&self.totals).insert(center, t.clone());
        Ok(t)
    }

    /// Waits while another thread computes `center`, then takes the turn.
    fn turn(&self, center: Uuid) -> Turn<'_> {
        let mut busy = lock(&self.busy);
        if busy.contains(&center) {
            self.waiting.fetch_add(1, Ordering::SeqCst);
            while busy.contains(&center) {
                busy = self.done.wait(busy).unwrap_or_else(|p| p.into_inner());
            }
            self.waiting.fetch_sub(1, Ordering::SeqCst);
        }
        busy.insert(center);
        Turn { kept: self, center }
    }

    /// Notes that `center` changed: the refresher computes it again.
    pub fn mark_changed(&self, center: Uuid) {
        lock(&self.changed).insert(center, Instant::now());
        self.wake.notify_all();
    }

    /// The next center marked changed at least `quiet` ago, taken off the
    /// list.
    pub fn next_changed(&self, quiet: Duration) -> Option<Uuid> {
        let mut changed = lock(&self.changed);
        let due = changed
            .iter()
            .find(|(_, at)| at.elapsed() >= quiet)
            .map(|(c, _)| *c)?;
        changed.remove(&due);
        Some(due)
    }

    /// The refresher's wait: until a center marked changed has been
    /// quiet for `quiet`, or `timeout` passes with none marked (it also
    /// wakes for the next day).
    pub fn wait_for_change(&self, timeout: Duration, quiet: Duration) {
        let changed = lock(&self.changed);
        let wait = match changed.values().min() {
            None => timeout,
            Some(first) => quiet.saturating_sub(first.elapsed()),
        };
        if !wait.is_zero() {
            let _ = self.wake.wait_timeout(changed, wait);
        }
    }

    /// How many times a center's totals were computed from its records
    /// (not read from memory or the database) since the service started.
    pub fn computed(&self) -> u64 {
        self.computed.load(Ordering::Relaxed)
    }
}

/// Computes a center's totals of `months` for `today` from its records,
/// read in one transaction with the version they are at.
fn compute(
    storage: &Storage,
    center: Uuid,
    months: &BTreeSet<NaiveDate>,
    today: NaiveDate,
) -> Result<CenterTotals, ApiError> {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Ok(CenterTotals {
            version: 0,
            today,
            rules: KEPT_RULES,
            figures: catalogue(),
            months: BTreeMap::new(),
        });
    };
    let last_day = last
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(*last);
    let (version, records) = storage
        .transact(|tx| Ok::<_, StorageError>((tx.change_version(center)?, tx.records(center)?)))?;
    let facts = crate::figures::caseload(&records, *first, last_day);
    drop(records);
    let mut out = BTreeMap::new();
    for m in months {
        let key = month_key(*m);
        let period = Period::months(&key, &key, today).map_err(|_| crate::service::bad_period())?;
        out.insert(key, doyak_kpi::totals(&facts, period));
    }
    Ok(CenterTotals {
        version,
        today,
        rules: KEPT_RULES,
        figures: catalogue(),
        months: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CenterRow;
    use crate::storage::SqliteStorage;

    /// A second asker for a center being computed waits for it and takes
    /// its totals: it computes nothing itself. The first asker's turn is
    /// held here, and its totals put in place only once the second is
    /// seen waiting (or has finished, which would be the fault).
    #[test]
    fn a_second_asker_waits_for_the_first_and_computes_nothing() {
        let storage = Storage::Sqlite(SqliteStorage::in_memory().unwrap());
        let center = Uuid::from_u128(7);
        storage
            .transact(|tx| {
                tx.put_center(&CenterRow {
                    center_id: center,
                    name: "센터".into(),
                    region: None,
                })
            })
            .unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let months = [NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()];
        let kept = Kept::default();
        let first = kept.turn(center);
        let wanted: BTreeSet<NaiveDate> = kept_months(today).into_iter().collect();
        let theirs = compute(&storage, center, &wanted, today).unwrap();
        std::thread::scope(|s| {
            let second = s.spawn(|| kept.totals(&storage, center, &months, today).unwrap());
            while kept.waiting.load(Ordering::SeqCst) == 0 && !second.is_finished() {
                std::thread::yield_now();
            }
            lock(&kept.totals).insert(center, Arc::new(theirs.clone()));
            drop(first);
            assert_eq!(*second.join().unwrap(), theirs);
        });
        assert_eq!(
            kept.computed(),
            0,
            "the second asker took the first's totals"
        );
    }
}
