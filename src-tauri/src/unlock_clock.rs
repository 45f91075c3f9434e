//! The clock the unlock throttle reads (doyak_app::unlock). A desk reads the
//! system's monotonic clock. A debug build started with
//! `DOYAK_E2E_CLOCK=<file>` reads a frozen clock instead: it stands still
//! from start-up and moves only to the number of seconds the end-to-end test
//! writes into that file, so the test sees the throttle's waits start and end
//! on any machine, however loaded. Release builds ignore the variable: the
//! shipped desk always waits in real time.

use std::time::Instant;

pub enum UnlockClock {
    System,
    #[cfg(debug_assertions)]
    Frozen {
        start: Instant,
        seconds_file: std::path::PathBuf,
    },
}

impl UnlockClock {
    pub fn from_env() -> UnlockClock {
        #[cfg(debug_assertions)]
        if let Some(file) = std::env::var_os("DOYAK_E2E_CLOCK") {
            return UnlockClock::Frozen {
                start: Instant::now(),
                seconds_file: file.into(),
            };
        }
        UnlockClock::System
    }

    /// Whether this is the e2e test's frozen clock (then the wall clock
    /// must not lock the desk either: the test moves time itself).
    pub fn is_frozen(&self) -> bool {
        !matches!(self, UnlockClock::System)
    }

    pub fn now(&self) -> Instant {
        match self {
            UnlockClock::System => Instant::now(),
            #[cfg(debug_assertions)]
            UnlockClock::Frozen {
                start,
                seconds_file,
            } => {
                // A missing or half-written file reads as no time passed.
                let seconds = std::fs::read_to_string(seconds_file)
                    .ok()
                    .and_then(|s| s.trim().parse::<u64>().ok())
                    .unwrap_or(0);
                *start + std::time::Duration::from_secs(seconds)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_frozen_clock_moves_only_when_the_file_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("clock");
        let clock = UnlockClock::Frozen {
            start: Instant::now(),
            seconds_file: file.clone(),
        };
        let UnlockClock::Frozen { start, .. } = &clock else {
            unreachable!()
        };
        // No file yet: no time has passed, however long the test takes.
        assert_eq!(clock.now(), *start);
        std::fs::write(&file, "61").unwrap();
        assert_eq!(clock.now(), *start + Duration::from_secs(61));
        // Garbage reads as no time passed rather than failing the unlock.
        std::fs::write(&file, "soon").unwrap();
        assert_eq!(clock.now(), *start);
    }
}
