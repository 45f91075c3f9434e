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
use uuid::Uuid;

/// How many months back from the current one the refresher keeps (the
/// longest period `/stats/figures` answers at once).
pub const KEPT_MONTHS: u32 = crate::service::MAX_FIGURE_MONTHS as u32;

/// One center's totals per month (`YYYY-MM`, in the catalogue's order),
/// computed at its change-log version `version` for the day `today`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CenterTotals {
    pub version: u64,
    pub today: NaiveDate,
    pub months: BTreeMap<String, Vec<Partial>>,
}

impl CenterTotals {
    /// Whether these answer `months` at `version` on `today`.
    fn covers(&self, version: u64, today: NaiveDate, months: &[String]) -> bool {
        self.version == version
            && self.today == today
            && months.iter().all(|m| self.months.contains_key(m))
    }
}

/// The kept totals, who is computing which center, and which centers
/// changed since.
#[derive(Debug, Default)]
pub struct Kept {
    totals: Mutex<HashMap<Uuid, Arc<CenterTotals>>>,
    busy: Mutex<HashSet<Uuid>>,
    done: Condvar,
    changed: Mutex<BTreeSet<Uuid>>,
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
/// kept). It waits for a change, or ten minutes to look at the day again.
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
                let refreshed = service.refresh_figures(today);
                if refreshed > 0 {
                    tracing::info!(centers = refreshed, "figures kept");
                }
                service
                    .kept_figures()
                    .wait_for_change(std::time::Duration::from_secs(600));
            }
        })
}

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
        while busy.contains(&center) {
            busy = self.done.wait(busy).unwrap_or_else(|p| p.into_inner());
        }
        busy.insert(center);
        Turn { kept: self, center }
    }

    /// Notes that `center` changed: the refresher computes it again.
    pub fn mark_changed(&self, center: Uuid) {
        lock(&self.changed).insert(center);
        self.wake.notify_all();
    }

    /// The next changed center, taken off the list.
    pub fn next_changed(&self) -> Option<Uuid> {
        let mut changed = lock(&self.changed);
        let first = changed.iter().next().copied()?;
        changed.remove(&first);
        Some(first)
    }

    /// Waits until a center is marked changed or `timeout` passes (the
    /// refresher's idle wait; it also wakes for the next day).
    pub fn wait_for_change(&self, timeout: std::time::Duration) {
        let changed = lock(&self.changed);
        if changed.is_empty() {
            let _ = self.wake.wait_timeout(changed, timeout);
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
        months: out,
    })
}
