//! 자동 잠금 in the shell (the rule is doyak_app::autolock). Locking drops
//! both open connections to the caseload, so SQLCipher wipes the key with
//! them and nothing can be read until the passphrase is typed again; the
//! background sync finds no desk and pauses with it. The window hears
//! `desk-locked` and covers itself with the lock screen, keeping what was
//! typed (a half-written note survives the lock, out of sight).
//!
//! Three things lock the desk: no input for the center's idle time (the
//! window reports input, at most every few seconds), the OS saying the
//! screen locked or the computer is going to sleep (crate::os_lock), and
//! the counselor's 잠금 button.

use crate::commands::{DeskState, internal, with_desk};
use crate::unlock_clock::UnlockClock;
use doyak_app::AutoLockSetting;
use doyak_app::autolock::{IdleTimer, LockNotice, LockReason};
use doyak_app::{DEFAULT_AUTO_LOCK_MINUTES, UiError};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tauri::{AppHandle, Emitter, Manager};

/// The event the window listens for.
pub const LOCKED_EVENT: &str = "desk-locked";

/// How often the idle check looks at the clock. The idle times are whole
/// minutes; a lock a few seconds late is still a lock.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Debug)]
pub struct AutoLock {
    /// Running while a caseload is open; `None` while locked or before.
    timer: Option<IdleTimer>,
    minutes: u32,
    /// Why the desk last locked, until it is unlocked.
    notice: Option<LockNotice>,
    /// The last input by the wall clock, which (unlike `Instant`) runs
    /// while the computer sleeps: a laptop that slept with no lock signal
    /// (no logind) still wakes locked once the idle time has passed.
    /// `None` under the e2e test's frozen clock.
    last_wall: Option<std::time::SystemTime>,
}

impl Default for AutoLock {
    fn default() -> Self {
        AutoLock {
            timer: None,
            minutes: DEFAULT_AUTO_LOCK_MINUTES,
            notice: None,
            last_wall: None,
        }
    }
}

impl AutoLock {
    /// A caseload was just opened (unlock, new caseload, join): the idle
    /// time starts now.
    pub fn opened(&mut self, minutes: u32, now: Instant, wall: bool) {
        self.minutes = minutes;
        self.timer = Some(IdleTimer::new(minutes, now));
        self.notice = None;
        self.last_wall = wall.then(std::time::SystemTime::now);
    }

    fn touch(&mut self, now: Instant) {
        if let Some(timer) = &mut self.timer {
            timer.touch(now);
        }
        if self.last_wall.is_some() {
            self.last_wall = Some(std::time::SystemTime::now());
        }
    }

    fn expired(&self, now: Instant) -> bool {
        let limit = std::time::Duration::from_secs(u64::from(self.minutes) * 60);
        let asleep_too = self.last_wall.is_some_and(|at| {
            std::time::SystemTime::now()
                .duration_since(at)
                .is_ok_and(|idle| idle >= limit)
        });
        self.timer.as_ref().is_some_and(|t| t.expired(now)) || asleep_too
    }
}

/// Locks the desk now, after any operation already running (a save, a
/// sync) has finished. Returns whether a caseload was open.
pub fn lock(app: &AppHandle, reason: LockReason) -> bool {
    let state = app.state::<DeskState>();
    let Ok(mut desk) = state.desk.lock() else {
        return false;
    };
    // Whatever else: no passphrase outlives a lock (set under the desk's
    // lock, cleared under it).
    if let Ok(mut held) = state.passphrase.lock() {
        *held = None;
    }
    if desk.is_none() {
        return false;
    }
    // Dropping the desks closes their connections: the key goes with them,
    // and so does the passphrase held for the automatic backup.
    *desk = None;
    drop(desk);
    if let Ok(mut reader) = state.reader.lock() {
        *reader = None;
    }
    announce(app, reason);
    true
}

/// The desk is closed (by [`lock`], or a restore that could not open the
/// caseload again): the idle timer stops, the window hears why and covers
/// itself with the lock screen.
pub fn announce(app: &AppHandle, reason: LockReason) {
    let state = app.state::<DeskState>();
    let notice = match state.autolock.lock() {
        Ok(mut auto) => {
            auto.timer = None;
            let notice = LockNotice::new(reason, auto.minutes);
            auto.notice = Some(notice.clone());
            notice
        }
        Err(_) => LockNotice::new(reason, DEFAULT_AUTO_LOCK_MINUTES),
    };
    tracing::info!(reason = ?reason, "desk locked");
    let _ = app.emit(LOCKED_EVENT, &notice);
}

/// Starts the idle check. A desk busy with an operation (its lock held) is
/// not idle: the check waits for its next turn.
pub fn start(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("doyak-autolock".into())
        .spawn(move || {
            loop {
                std::thread::sleep(CHECK_EVERY);
                if idle_check(&app) {
                    lock(&app, LockReason::Idle);
                }
            }
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "the auto-lock thread did not start");
    }
}

/// Whether the open desk has been idle past its time. Starts the timer if
/// a caseload is open without one (a path that opened it and did not say).
fn idle_check(app: &AppHandle) -> bool {
    let state = app.state::<DeskState>();
    let Ok(desk) = state.desk.try_lock() else {
        return false;
    };
    let Some(open) = desk.as_ref() else {
        return false;
    };
    let now = state.clock.now();
    let Ok(mut auto) = state.autolock.lock() else {
        return false;
    };
    match &auto.timer {
        Some(_) => auto.expired(now),
        None => {
            let minutes = open
                .auto_lock_minutes()
                .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES);
            auto.opened(minutes, now, !state.clock.is_frozen());
            false
        }
    }
}

/// The window saw input (a key, a click, the wheel).
#[tauri::command]
pub fn desk_activity(state: tauri::State<'_, DeskState>) -> Result<(), UiError> {
    let now = state.clock.now();
    state.autolock.lock().map_err(|_| internal())?.touch(now);
    Ok(())
}

/// 잠금: the counselor locks the desk before leaving it.
#[tauri::command]
pub async fn lock_desk(app: AppHandle) -> Result<bool, UiError> {
    tauri::async_runtime::spawn_blocking(move || lock(&app, LockReason::Manual))
        .await
        .map_err(|_| internal())
}

/// Why the desk is locked, if it locked itself (for a window reloaded
/// while locked).
#[tauri::command]
pub fn lock_state(state: tauri::State<'_, DeskState>) -> Result<Option<LockNotice>, UiError> {
    Ok(state
        .autolock
        .lock()
        .map_err(|_| internal())?
        .notice
        .clone())
}

#[tauri::command]
pub async fn auto_lock_setting(
    state: tauri::State<'_, DeskState>,
) -> Result<AutoLockSetting, UiError> {
    with_desk(&state, |desk| desk.auto_lock_setting()).await
}

/// A new idle time, in force at once (counted from the last input).
#[tauri::command]
pub async fn set_auto_lock_minutes(
    state: tauri::State<'_, DeskState>,
    minutes: u32,
) -> Result<AutoLockSetting, UiError> {
    let setting = with_desk(&state, move |desk| desk.set_auto_lock_minutes(minutes)).await?;
    set_minutes(&state.autolock, setting.minutes);
    Ok(setting)
}

/// A new idle time, from this desk or pulled from the center: in force at
/// once, counted from the last input.
pub fn set_minutes(auto: &Arc<Mutex<AutoLock>>, minutes: u32) {
    if let Ok(mut auto) = auto.lock() {
        auto.minutes = minutes;
        if let Some(timer) = &mut auto.timer {
            timer.set_minutes(minutes);
        }
    }
}

/// For the paths that open a caseload: starts the idle time.
pub fn opened(auto: &Arc<Mutex<AutoLock>>, clock: &UnlockClock, minutes: u32) {
    if let Ok(mut auto) = auto.lock() {
        auto.opened(minutes, clock.now(), !clock.is_frozen());
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::time::{Duration, SystemTime};

    #[test]
    fn time_asleep_counts_by_the_wall_clock_but_not_under_the_frozen_one() {
        let now = Instant::now();
        let mut auto = AutoLock::default();
        auto.opened(10, now, true);
        assert!(!auto.expired(now), "just opened");
        // Eleven minutes passed by the wall clock while the monotonic one
        // stood still (a suspend with no lock signal).
        auto.last_wall = Some(SystemTime::now() - Duration::from_secs(11 * 60));
        assert!(auto.expired(now));
        // Input since: not idle.
        auto.touch(now);
        assert!(!auto.expired(now));
        // The e2e test's frozen clock: only the clock the test moves counts.
        let mut frozen = AutoLock::default();
        frozen.opened(10, now, false);
        assert_eq!(frozen.last_wall, None);
        assert!(!frozen.expired(now));
        assert!(frozen.expired(now + Duration::from_secs(600)));
    }
}
