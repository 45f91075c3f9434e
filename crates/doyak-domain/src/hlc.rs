//! A hybrid logical clock: stamps that follow wall time when clocks behave and
//! still order causally when a laptop's clock is wrong or goes backwards.
//!
//! Stamps order and explain sync decisions; they never decide alone who wins.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One stamp: wall milliseconds, a counter for events in the same millisecond,
/// and the device that made it (ties between devices break on the device).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct HlcStamp {
    pub wall_ms: u64,
    pub counter: u32,
    pub device: String,
}

impl fmt::Display for HlcStamp {
    /// Fixed-width so that stamps sort as strings exactly as they sort as values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:015}-{:08}-{}",
            self.wall_ms, self.counter, self.device
        )
    }
}

impl fmt::Debug for HlcStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HlcStamp({self})")
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a clock stamp: {0:?}")]
pub struct ParseStampError(String);

impl FromStr for HlcStamp {
    type Err = ParseStampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseStampError(s.to_owned());
        let mut parts = s.splitn(3, '-');
        let wall_ms = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let counter = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let device = parts.next().filter(|d| !d.is_empty()).ok_or_else(bad)?;
        Ok(HlcStamp {
            wall_ms,
            counter,
            device: device.to_owned(),
        })
    }
}

impl From<HlcStamp> for String {
    fn from(s: HlcStamp) -> String {
        s.to_string()
    }
}

impl TryFrom<String> for HlcStamp {
    type Error = ParseStampError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// The clock state of one device, persisted with its writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hlc {
    last: HlcStamp,
}

/// How far a remote stamp may run ahead of our wall clock before we stop
/// following it: a device whose clock is a day fast must not drag every other
/// device's stamps a day into the future.
pub const MAX_FORWARD_DRIFT_MS: u64 = 5 * 60 * 1000;

impl Hlc {
    pub fn new(device: impl Into<String>) -> Self {
        Hlc {
            last: HlcStamp {
                wall_ms: 0,
                counter: 0,
                device: device.into(),
            },
        }
    }

    /// Resumes from the last stamp this device issued (read from storage).
    pub fn resume(last: HlcStamp) -> Self {
        Hlc { last }
    }

    pub fn last(&self) -> &HlcStamp {
        &self.last
    }

    /// A stamp for a local event at wall time `now_ms`. Strictly greater than
    /// every stamp issued or observed before, even if `now_ms` went backwards.
    pub fn tick(&mut self, now_ms: u64) -> HlcStamp {
        if now_ms > self.last.wall_ms {
            self.last.wall_ms = now_ms;
            self.last.counter = 0;
        } else {
            self.last.counter += 1;
        }
        self.last.clone()
    }

    /// Merges a stamp received from elsewhere. A remote stamp further ahead of
    /// `now_ms` than [`MAX_FORWARD_DRIFT_MS`] is clamped; the return value says
    /// whether it was, so the caller can flag the other device's clock.
    pub fn observe(&mut self, remote: &HlcStamp, now_ms: u64) -> Observed {
        let limit = now_ms.saturating_add(MAX_FORWARD_DRIFT_MS);
        let (remote_wall, clamped) = if remote.wall_ms > limit {
            (limit, true)
        } else {
            (remote.wall_ms, false)
        };
        let wall = now_ms.max(remote_wall).max(self.last.wall_ms);
        let counter = if wall == self.last.wall_ms && wall == remote_wall {
            self.last.counter.max(remote.counter) + 1
        } else if wall == self.last.wall_ms {
            self.last.counter + 1
        } else if wall == remote_wall && !clamped {
            remote.counter + 1
        } else {
            0
        };
        self.last.wall_ms = wall;
        self.last.counter = counter;
        Observed { clamped }
    }
}

/// What [`Hlc::observe`] did with a remote stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observed {
    pub clamped: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing_even_when_the_clock_goes_back() {
        let mut clock = Hlc::new("dev-a");
        let a = clock.tick(1_000);
        let b = clock.tick(1_000);
        let c = clock.tick(500); // the wall clock was set back
        let d = clock.tick(2_000);
        assert!(a < b && b < c && c < d, "{a} {b} {c} {d}");
        assert_eq!(
            c.wall_ms, 1_000,
            "a backwards clock must not move the stamp back"
        );
    }

    #[test]
    fn observing_a_remote_stamp_orders_later_local_events_after_it() {
        let mut clock = Hlc::new("dev-a");
        clock.tick(1_000);
        let remote = HlcStamp {
            wall_ms: 1_200,
            counter: 7,
            device: "dev-b".into(),
        };
        assert!(!clock.observe(&remote, 1_100).clamped);
        let next = clock.tick(1_100);
        assert!(next > remote, "causality: {next} must follow {remote}");
    }

    #[test]
    fn a_day_fast_remote_clock_is_clamped_and_flagged() {
        let mut clock = Hlc::new("dev-a");
        let day = 24 * 3600 * 1000;
        let remote = HlcStamp {
            wall_ms: 10_000 + day,
            counter: 0,
            device: "dev-b".into(),
        };
        assert!(clock.observe(&remote, 10_000).clamped);
        assert_eq!(clock.last().wall_ms, 10_000 + MAX_FORWARD_DRIFT_MS);
    }

    #[test]
    fn string_form_sorts_like_the_value() {
        let a = HlcStamp {
            wall_ms: 9,
            counter: 10,
            device: "z".into(),
        };
        let b = HlcStamp {
            wall_ms: 10,
            counter: 0,
            device: "a".into(),
        };
        assert!(a < b);
        assert!(
            a.to_string() < b.to_string(),
            "fixed width keeps string order"
        );
        assert_eq!(a.to_string().parse::<HlcStamp>(), Ok(a));
        assert!("12-x".parse::<HlcStamp>().is_err());
    }
}
