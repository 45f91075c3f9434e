//! 자동 잠금: the desk locks itself after an idle time and, where the OS
//! says so, when the screen locks or the computer sleeps. Locking closes
//! the caseload (the shell drops its connections, and SQLCipher wipes the
//! key with them), so nothing can be read from it until the passphrase is
//! typed again; sync pauses with it, because the caseload has one key and
//! no device key could open it alone (docs/privacy.md, "자동 잠금").
//!
//! Here: the idle rule over a monotonic clock the caller owns (the shell's
//! real or frozen clock). The idle time is a center setting
//! (`crate::center_settings`).

use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// The idle time when none is set: ten minutes, the product owner's
/// default. No legal figure was confirmed for it (확인 필요,
/// docs/privacy.md); the center may set less or more within
/// [`doyak_domain::center_settings::AUTO_LOCK_MINUTES`] — never off: a
/// laptop left open at a company's canteen is the case this exists for.
pub use doyak_domain::center_settings::DEFAULT_AUTO_LOCK_MINUTES;

/// Why the desk locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    /// No input for the idle time.
    Idle,
    /// The OS locked the screen (or its screensaver started).
    ScreenLocked,
    /// The computer is going to sleep.
    Suspend,
    /// The counselor pressed 잠금.
    Manual,
}

impl LockReason {
    pub fn label_ko(self, minutes: u32) -> String {
        match self {
            LockReason::Idle => format!("{minutes}분 동안 입력이 없어 잠갔습니다."),
            LockReason::ScreenLocked => "화면이 잠겨 도약도 잠갔습니다.".into(),
            LockReason::Suspend => "컴퓨터가 절전 모드에 들어가 잠갔습니다.".into(),
            LockReason::Manual => "잠갔습니다.".into(),
        }
    }
}

/// What the lock screen says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LockNotice {
    pub reason: LockReason,
    pub message: String,
}

impl LockNotice {
    pub fn new(reason: LockReason, minutes: u32) -> LockNotice {
        LockNotice {
            reason,
            message: reason.label_ko(minutes),
        }
    }
}

/// The idle rule: input moves the last-activity instant; the desk is due to
/// lock once the limit has passed since then. `now` is the caller's
/// monotonic clock, never read here.
#[derive(Debug, Clone)]
pub struct IdleTimer {
    limit: Duration,
    last: Instant,
}

impl IdleTimer {
    pub fn new(minutes: u32, now: Instant) -> IdleTimer {
        IdleTimer {
            limit: minutes_to_duration(minutes),
            last: now,
        }
    }

    /// Input seen at `now`. A `now` before the last one (two threads
    /// reporting out of order) never moves the instant back.
    pub fn touch(&mut self, now: Instant) {
        self.last = self.last.max(now);
    }

    /// A new idle time, counted from the last input.
    pub fn set_minutes(&mut self, minutes: u32) {
        self.limit = minutes_to_duration(minutes);
    }

    /// Whether the limit has passed since the last input: at exactly the
    /// limit it has.
    pub fn expired(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.last) >= self.limit
    }
}

fn minutes_to_duration(minutes: u32) -> Duration {
    Duration::from_secs(u64::from(minutes) * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desk_is_due_to_lock_at_the_limit_and_input_postpones_it() {
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        let mut timer = IdleTimer::new(10, start);
        assert!(!timer.expired(at(599)), "one second short of ten minutes");
        assert!(
            timer.expired(at(600)),
            "ten minutes exactly is idle long enough"
        );
        timer.touch(at(300));
        assert!(
            !timer.expired(at(600)),
            "input at 5 minutes moves the limit to 15"
        );
        assert!(timer.expired(at(900)));
        // An older report does not undo a newer one.
        timer.touch(at(100));
        assert!(!timer.expired(at(899)));
        // A shorter idle time counts from the last input, not from now.
        timer.set_minutes(1);
        assert!(timer.expired(at(360)), "5 min + 1 min");
        assert!(!timer.expired(at(359)));
    }
}
