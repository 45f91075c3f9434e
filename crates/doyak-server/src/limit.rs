//! Rate limits in bounded memory: a token bucket per key (a device, a client
//! address) in a table of fixed size allocated once, so a flood of new keys
//! neither grows the server nor makes one request scan the others. Time
//! comes from an injected [`Clock`]: the tests move it by hand.

use std::fmt;
use std::hash::{BuildHasher, Hash, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Monotonic time as the limiters see it.
pub trait Clock: Send + Sync + fmt::Debug {
    /// Time since this clock's own origin; never goes backwards.
    fn now(&self) -> Duration;
}

/// The machine's monotonic clock.
#[derive(Debug)]
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    pub fn new() -> SystemClock {
        SystemClock {
            origin: Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        SystemClock::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }
}

/// A clock that moves only when told to: tests drive the limiters with it
/// instead of sleeping.
#[derive(Debug, Default)]
pub struct ManualClock {
    nanos: AtomicU64,
}

impl ManualClock {
    pub fn advance(&self, by: Duration) {
        let nanos = u64::try_from(by.as_nanos()).unwrap_or(u64::MAX);
        self.nanos.fetch_add(nanos, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        Duration::from_nanos(self.nanos.load(Ordering::SeqCst))
    }
}

/// How fast a bucket refills and how much it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub per_second: f64,
    pub burst: f64,
}

impl Rate {
    pub fn per_minute(per_minute: f64, burst: f64) -> Rate {
        Rate {
            per_second: per_minute / 60.0,
            burst,
        }
    }
}

/// A refusal: the bucket is empty; one token is back after this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub Duration);

impl RetryAfter {
    /// Whole seconds for a `Retry-After` header, rounded up, at least 1
    /// (a client told 0 would come straight back).
    pub fn seconds(self) -> u64 {
        let whole = self.0.as_secs() + u64::from(self.0.subsec_nanos() > 0);
        whole.max(1)
    }
}

/// Keys that hash to the same set share this many slots. A new key takes
/// an empty slot, or else the one whose bucket is closest to full: a full
/// bucket is the same as no bucket, so the slot given up carries the least
/// to forget, and a key that is being refused (an empty bucket) outlives a
/// flood of one-off keys.
const WAYS: usize = 4;

#[derive(Debug, Clone, Copy)]
struct Bucket<K> {
    key: K,
    tokens: f64,
    at: Duration,
}

#[derive(Debug)]
struct Table<K> {
    slots: Vec<Option<Bucket<K>>>,
    /// Slots looked at since the table was made: tests check each request
    /// looks at one set, never the whole table.
    #[cfg(test)]
    probes: usize,
}

/// Token buckets per key, at most `capacity` keys remembered.
#[derive(Debug)]
pub struct RateLimiter<K> {
    rate: Rate,
    clock: Arc<dyn Clock>,
    /// Seeded per limiter: nobody outside can aim many keys at one set.
    hasher: RandomState,
    table: Mutex<Table<K>>,
}

impl<K: Hash + Eq + Copy> RateLimiter<K> {
    /// A limiter remembering up to `capacity` keys (rounded up to a
    /// multiple of the set size), allocated now and never grown.
    pub fn new(rate: Rate, capacity: usize, clock: Arc<dyn Clock>) -> RateLimiter<K> {
        let sets = capacity.div_ceil(WAYS).max(1);
        RateLimiter {
            rate,
            clock,
            hasher: RandomState::new(),
            table: Mutex::new(Table {
                slots: vec![None; sets * WAYS],
                #[cfg(test)]
                probes: 0,
            }),
        }
    }

    /// How many keys the table can hold.
    pub fn capacity(&self) -> usize {
        self.lock().slots.len()
    }

    /// How many keys it holds now. Counts the whole table: for tests and
    /// diagnostics, never on a request.
    pub fn keys_held(&self) -> usize {
        self.lock().slots.iter().filter(|s| s.is_some()).count()
    }

    /// Takes one token for `key`; refused when its bucket is empty.
    pub fn allow(&self, key: K) -> Result<(), RetryAfter> {
        let rate = self.rate;
        self.with_bucket(key, true, |tokens| {
            if *tokens >= 1.0 {
                *tokens -= 1.0;
                Ok(())
            } else {
                Err(wait(rate, *tokens))
            }
        })
        .unwrap_or(Ok(()))
    }

    /// Refused when `key`'s bucket is empty; takes nothing. A key not
    /// remembered has a full bucket and is not remembered by this.
    pub fn check(&self, key: K) -> Result<(), RetryAfter> {
        let rate = self.rate;
        self.with_bucket(key, false, |tokens| {
            if *tokens >= 1.0 {
                Ok(())
            } else {
                Err(wait(rate, *tokens))
            }
        })
        .unwrap_or(Ok(()))
    }

    /// Takes one token for something that already happened (a failed
    /// check): the bucket empties but never goes below empty.
    pub fn charge(&self, key: K) {
        self.with_bucket(key, true, |tokens| *tokens = (*tokens - 1.0).max(0.0));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Table<K>> {
        // A panic while holding the lock leaves buckets, not broken state.
        self.table.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on `key`'s refilled token count. Looks at the `WAYS` slots
    /// of the key's set and nothing else. With `insert`, a key not held
    /// takes a slot (full bucket) first; without it, `None` then.
    fn with_bucket<R>(&self, key: K, insert: bool, f: impl FnOnce(&mut f64) -> R) -> Option<R> {
        let now = self.clock.now();
        let rate = self.rate;
        let mut table = self.lock();
        let sets = table.slots.len() / WAYS;
        // The remainder is below `sets`, itself a `usize`.
        let set = usize::try_from(self.hasher.hash_one(key) % sets as u64).unwrap_or(0);
        #[cfg(test)]
        {
            table.probes += WAYS;
        }
        let slots = &mut table.slots[set * WAYS..(set + 1) * WAYS];
        let found = slots
            .iter()
            .position(|s| matches!(s, Some(b) if b.key == key));
        let index = match found {
            Some(i) => i,
            None if !insert => return None,
            None => {
                let victim = slots.iter().position(Option::is_none).unwrap_or_else(|| {
                    // Every slot is taken: give up the fullest, the oldest
                    // of equals.
                    (0..WAYS)
                        .max_by(|&a, &b| {
                            let (fa, ta) = fullness(slots[a], rate, now);
                            let (fb, tb) = fullness(slots[b], rate, now);
                            fa.total_cmp(&fb).then(tb.cmp(&ta))
                        })
                        .unwrap_or(0)
                });
                slots[victim] = Some(Bucket {
                    key,
                    tokens: rate.burst,
                    at: now,
                });
                victim
            }
        };
        let bucket = slots[index].as_mut()?;
        bucket.tokens = refilled(bucket, rate, now);
        bucket.at = now;
        Some(f(&mut bucket.tokens))
    }

    /// Slots looked at so far (tests).
    #[cfg(test)]
    fn probes(&self) -> usize {
        self.lock().probes
    }
}

fn refilled<K>(b: &Bucket<K>, rate: Rate, now: Duration) -> f64 {
    let elapsed = now.saturating_sub(b.at).as_secs_f64();
    (b.tokens + elapsed * rate.per_second).min(rate.burst)
}

/// A slot's tokens as of now and when it was last used.
fn fullness<K>(slot: Option<Bucket<K>>, rate: Rate, now: Duration) -> (f64, Duration) {
    slot.map_or((f64::INFINITY, Duration::ZERO), |b| {
        (refilled(&b, rate, now), b.at)
    })
}

/// How long until a bucket holding `tokens` holds one.
fn wait(rate: Rate, tokens: f64) -> RetryAfter {
    let seconds = (1.0 - tokens) / rate.per_second;
    // A rate of zero never refills: say a day rather than forever.
    RetryAfter(Duration::try_from_secs_f64(seconds).map_or(DAY, |d| d.min(DAY)))
}

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(rate: Rate, capacity: usize) -> (RateLimiter<u64>, Arc<ManualClock>) {
        let clock = Arc::new(ManualClock::default());
        (RateLimiter::new(rate, capacity, clock.clone()), clock)
    }

    #[test]
    fn a_bucket_gives_its_burst_then_refills_with_time() {
        // 30 a minute: a token every 2 s, a rate f64 holds exactly.
        let (limiter, clock) = limiter(Rate::per_minute(30.0, 3.0), 64);
        for _ in 0..3 {
            assert_eq!(limiter.allow(7), Ok(()));
        }
        assert_eq!(
            limiter.allow(7),
            Err(RetryAfter(Duration::from_secs(2))),
            "the next token is 2 s away"
        );
        assert_eq!(limiter.allow(8), Ok(()), "another key has its own bucket");
        clock.advance(Duration::from_secs(1));
        assert_eq!(limiter.allow(7), Err(RetryAfter(Duration::from_secs(1))));
        clock.advance(Duration::from_secs(1));
        assert_eq!(limiter.allow(7), Ok(()));
        clock.advance(Duration::from_secs(3600));
        for _ in 0..3 {
            assert_eq!(limiter.allow(7), Ok(()), "an hour refills the burst");
        }
        assert!(limiter.allow(7).is_err(), "and no more than the burst");
    }

    #[test]
    fn check_takes_nothing_and_charge_never_refuses() {
        let (limiter, clock) = limiter(Rate::per_minute(30.0, 2.0), 64);
        assert_eq!(limiter.check(1), Ok(()));
        assert_eq!(limiter.keys_held(), 0, "a check does not remember a key");
        limiter.charge(1);
        assert_eq!(limiter.check(1), Ok(()), "one of two tokens left");
        limiter.charge(1);
        limiter.charge(1);
        assert_eq!(
            limiter.check(1),
            Err(RetryAfter(Duration::from_secs(2))),
            "charges stop at empty: 2 s to the next token, not 4"
        );
        clock.advance(Duration::from_secs(2));
        assert_eq!(limiter.check(1), Ok(()));
    }

    #[test]
    fn a_flood_of_keys_stays_within_the_table_and_each_call_looks_at_one_set() {
        let (limiter, _) = limiter(Rate::per_minute(60.0, 5.0), 1000);
        let capacity = limiter.capacity();
        assert_eq!(capacity, 1000);
        let calls = 200_000u64;
        for key in 0..calls {
            assert_eq!(limiter.allow(key), Ok(()), "a new key has a full bucket");
        }
        assert!(
            limiter.keys_held() <= capacity,
            "{} keys held, the table holds {capacity}",
            limiter.keys_held()
        );
        assert_eq!(
            limiter.probes(),
            usize::try_from(calls).unwrap_or(usize::MAX) * WAYS,
            "every call looked at its own set of {WAYS} slots, never the whole table"
        );
    }

    #[test]
    fn a_refused_key_outlives_a_flood_of_one_off_keys() {
        let (limiter, _) = limiter(Rate::per_minute(1.0, 2.0), 64);
        let attacker = u64::MAX;
        while limiter.allow(attacker).is_ok() {}
        for key in 0..100_000 {
            let _ = limiter.allow(key);
        }
        assert!(
            limiter.allow(attacker).is_err(),
            "one-off keys have fuller buckets, so they are the ones forgotten"
        );
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(RetryAfter(Duration::from_millis(1)).seconds(), 1);
        assert_eq!(RetryAfter(Duration::from_millis(1500)).seconds(), 2);
        assert_eq!(RetryAfter(Duration::from_secs(3)).seconds(), 3);
        assert_eq!(RetryAfter(Duration::ZERO).seconds(), 1);
        let never = Rate {
            per_second: 0.0,
            burst: 1.0,
        };
        assert_eq!(wait(never, 0.0), RetryAfter(DAY), "no refill: a day");
    }
}
