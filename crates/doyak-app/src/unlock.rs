//! Repeated wrong passphrases slow down: three tries come free, then each
//! further failure doubles the wait before the next try, up to a ceiling.
//! Guessing a passphrase at the desk becomes hopeless; a counselor who mistyped
//! three times waits a second.

use crate::AppError;
use doyak_domain::ErrorCode;
use std::time::{Duration, Instant};

/// Wrong tries allowed before the first wait.
pub const FREE_TRIES: u32 = 3;
/// The longest wait between tries.
pub const MAX_WAIT: Duration = Duration::from_secs(60);

/// The wait after `failures` consecutive wrong passphrases.
pub fn wait_after(failures: u32) -> Duration {
    if failures < FREE_TRIES {
        return Duration::ZERO;
    }
    let doublings = (failures - FREE_TRIES).min(16);
    Duration::from_secs(1u64 << doublings).min(MAX_WAIT)
}

/// Consecutive failures and when the next try is allowed.
#[derive(Debug, Default, Clone)]
pub struct UnlockGuard {
    failures: u32,
    not_before: Option<Instant>,
}

impl UnlockGuard {
    /// How long the counselor must still wait at `now`, if at all.
    pub fn must_wait(&self, now: Instant) -> Option<Duration> {
        self.not_before
            .and_then(|t| t.checked_duration_since(now))
            .filter(|d| !d.is_zero())
    }

    pub fn failed(&mut self, now: Instant) {
        self.failures = self.failures.saturating_add(1);
        self.not_before = Some(now + wait_after(self.failures));
    }

    pub fn succeeded(&mut self) {
        *self = UnlockGuard::default();
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// One try: refused with `MustWait` while a wait is running; otherwise
    /// `open` runs, and a wrong passphrase counts towards the next wait
    /// (other errors — a missing or damaged file — do not).
    pub fn attempt<T>(
        &mut self,
        now: Instant,
        open: impl FnOnce() -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        if let Some(wait) = self.must_wait(now) {
            return Err(AppError::MustWait(wait));
        }
        match open() {
            Ok(v) => {
                self.succeeded();
                Ok(v)
            }
            Err(e) => {
                if e.code() == ErrorCode::StoreWrongPassphrase {
                    self.failed(now);
                }
                Err(e)
            }
        }
    }
}

/// The Korean message for a try that came too early.
pub fn wait_message(wait: Duration) -> String {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    format!("암호를 여러 번 틀렸습니다. {secs}초 후에 다시 시도하세요.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_typos_are_free_then_the_wait_doubles_up_to_a_minute() {
        let waits: Vec<u64> = (0..12).map(|n| wait_after(n).as_secs()).collect();
        assert_eq!(waits, [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(wait_after(u32::MAX), MAX_WAIT, "no overflow at the end");
    }

    #[test]
    fn the_guard_blocks_until_the_wait_is_over_and_resets_on_success() {
        let t0 = Instant::now();
        let mut g = UnlockGuard::default();
        for _ in 0..2 {
            g.failed(t0);
        }
        assert_eq!(g.must_wait(t0), None, "two typos: try again at once");
        g.failed(t0);
        assert_eq!(
            g.must_wait(t0),
            Some(Duration::from_secs(1)),
            "the three free tries are used: the next one waits"
        );
        assert_eq!(
            g.must_wait(t0 + Duration::from_millis(999)),
            Some(Duration::from_millis(1))
        );
        assert_eq!(g.must_wait(t0 + Duration::from_secs(1)), None);
        g.succeeded();
        assert_eq!(g.failures(), 0);
        assert_eq!(g.must_wait(t0), None);
    }

    #[test]
    fn attempts_count_only_wrong_passphrases_and_wait_when_told() {
        let t0 = Instant::now();
        let mut g = UnlockGuard::default();
        let wrong = || Err::<(), _>(AppError::Store(doyak_store::StoreError::WrongPassphrase));
        let missing = || {
            Err::<(), _>(AppError::Store(doyak_store::StoreError::NotFound {
                path: "x".into(),
            }))
        };
        for _ in 0..5 {
            assert!(g.attempt(t0, missing).is_err());
        }
        assert_eq!(g.failures(), 0, "a missing file is not a guess");
        for _ in 0..3 {
            assert_eq!(
                g.attempt(t0, wrong).unwrap_err().code(),
                "store.wrong_passphrase"
            );
        }
        let mut opened = false;
        let err = g
            .attempt(t0, || {
                opened = true;
                Ok(())
            })
            .unwrap_err();
        assert_eq!(err.code(), "desk.unlock_wait");
        assert!(!opened, "nothing is tried while the wait runs");
        assert!(err.to_string().contains("1초 후에"), "{err}");
        g.attempt(t0 + Duration::from_secs(1), || Ok(())).unwrap();
        assert_eq!(g.failures(), 0, "success resets");
    }

    #[test]
    fn the_message_rounds_up_to_whole_seconds() {
        assert_eq!(
            wait_message(Duration::from_millis(1500)),
            "암호를 여러 번 틀렸습니다. 2초 후에 다시 시도하세요."
        );
    }
}
