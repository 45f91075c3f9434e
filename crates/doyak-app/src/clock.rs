//! Where the use cases read the time: the real clock in the app, a fixed one
//! in tests.

use chrono::{DateTime, Local, NaiveDate, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// Today in the counselor's time zone (a note typed at 8 a.m. in Seoul is
    /// today's, not yesterday's in UTC).
    fn today(&self) -> NaiveDate;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock that always reads the same instant.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
    fn today(&self) -> NaiveDate {
        // Fixed clocks are used in tests that reason in Korean dates.
        (self.0 + chrono::Duration::hours(9)).date_naive()
    }
}
