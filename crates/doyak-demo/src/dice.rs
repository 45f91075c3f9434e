//! Seeded randomness: a ChaCha stream and the few ways the generator draws from
//! it (ranges, chances, weighted tables, days, ids).
//!
//! Only `next_u64` of the stream is used, and every mapping from bits to values
//! is written here, so the output depends on the ChaCha algorithm alone, not on
//! how a `rand` release happens to sample ranges.

use chrono::{Days, NaiveDate, NaiveTime};
use doyak_domain::Id;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// One independent random stream.
#[derive(Debug, Clone)]
pub(crate) struct Dice(ChaCha8Rng, [u8; 10]);

impl Dice {
    /// The stream `stream` of the generator seeded with `seed`. Different
    /// streams of one seed are independent, so changing the number of companies
    /// does not reshuffle the counselors.
    pub(crate) fn new(seed: u64, stream: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        Dice(rng, [0; 10])
    }

    /// Like [`Dice::new`], with ids salted by the center's id: two centers
    /// that generate the same seed get the same people under different ids,
    /// so their demo records never collide on a shared server.
    pub(crate) fn for_center(seed: u64, stream: u64, center: Id) -> Self {
        let mut salt = [0u8; 10];
        salt.copy_from_slice(&center.as_uuid().as_bytes()[6..]);
        Dice(Dice::new(seed, stream).0, salt)
    }

    /// A number in `0..n` (0 when `n` is 0), by widening multiplication.
    pub(crate) fn below(&mut self, n: u32) -> u32 {
        ((u128::from(self.0.next_u64()) * u128::from(n)) >> 64) as u32
    }

    /// A number in `lo..=hi`; `lo` when the range is empty.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo + 1) as u128;
        lo + ((u128::from(self.0.next_u64()) * span) >> 64) as i64
    }

    /// A number in `lo..=hi` for small unsigned quantities.
    pub(crate) fn between(&mut self, lo: u32, hi: u32) -> u32 {
        self.range(i64::from(lo), i64::from(hi)) as u32
    }

    /// Uniform in `[0, 1)` with 53 bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a built-in table. The tables are constants and never
    /// empty (a unit test in each module checks that).
    pub(crate) fn one<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u32) as usize]
    }

    /// One element of a slice that may be empty.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            Some(&items[self.below(items.len() as u32) as usize])
        }
    }

    /// One element of a built-in `(value, weight)` table.
    pub(crate) fn weighted<T: Copy>(&mut self, table: &[(T, u32)]) -> T {
        let total: u32 = table.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total);
        for &(value, weight) in table {
            if roll < weight {
                return value;
            }
            roll -= weight;
        }
        table[table.len() - 1].0
    }

    /// Up to `k` distinct elements of `items`, in a random order.
    pub(crate) fn sample<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut pool: Vec<T> = items.to_vec();
        let k = k.min(pool.len());
        for i in 0..k {
            let j = i + self.below((pool.len() - i) as u32) as usize;
            pool.swap(i, j);
        }
        pool.truncate(k);
        pool
    }

    /// A day in `from..=to`; `to` when the range is empty or reversed.
    pub(crate) fn day(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days();
        if span <= 0 {
            return to;
        }
        plus_days(from, self.range(0, span))
    }

    /// An id minted during office hours (09:00–18:00 KST) of `day`, the way a
    /// counselor's laptop would have minted it when the record was typed in.
    pub(crate) fn id_on(&mut self, day: NaiveDate) -> Id {
        let midnight_utc_ms = day.and_time(NaiveTime::MIN).and_utc().timestamp_millis();
        // 09:00 KST is 00:00 UTC, so office hours are the first nine UTC hours.
        let offset_ms = self.range(0, 9 * 3_600_000 - 1);
        let unix_ms = u64::try_from(midnight_utc_ms + offset_ms).unwrap_or(0);
        let mut random = [0u8; 10];
        self.0.fill_bytes(&mut random);
        for (r, s) in random.iter_mut().zip(self.1) {
            *r ^= s;
        }
        Id::new_v7(unix_ms, random)
    }

    /// When a record minted with [`Dice::id_on`] was written: the office
    /// hour its id carries, so a note says it was typed on its day.
    pub(crate) fn written_at(id: Id) -> Option<chrono::DateTime<chrono::Utc>> {
        id.unix_ms()
            .and_then(|ms| i64::try_from(ms).ok())
            .and_then(chrono::DateTime::from_timestamp_millis)
    }

    /// A Korean mobile number, "010-XXXX-XXXX".
    pub(crate) fn mobile(&mut self) -> String {
        format!(
            "010-{:04}-{:04}",
            self.range(2000, 9999),
            self.range(0, 9999)
        )
    }
}

/// `day` moved by `n` days (either way), saturating at chrono's range.
pub(crate) fn plus_days(day: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        day.checked_add_days(Days::new(n as u64)).unwrap_or(day)
    } else {
        day.checked_sub_days(Days::new(n.unsigned_abs()))
            .unwrap_or(day)
    }
}

/// A weighted table built at run time (e.g. 시군구 by distance), sampled by
/// binary search over cumulative weights.
#[derive(Debug, Clone)]
pub(crate) struct Weighted<T> {
    items: Vec<T>,
    cumulative: Vec<f64>,
}

impl<T> Weighted<T> {
    /// Keeps the items with a positive weight.
    pub(crate) fn new(pairs: impl IntoIterator<Item = (T, f64)>) -> Self {
        let mut items = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0.0;
        for (item, weight) in pairs {
            if weight > 0.0 && weight.is_finite() {
                total += weight;
                items.push(item);
                cumulative.push(total);
            }
        }
        Weighted { items, cumulative }
    }

    pub(crate) fn pick(&self, dice: &mut Dice) -> Option<&T> {
        let total = *self.cumulative.last()?;
        let roll = dice.unit() * total;
        let i = self.cumulative.partition_point(|&c| c <= roll);
        self.items.get(i.min(self.items.len() - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_of_one_seed_differ_and_repeat() {
        let draw = |seed, stream| {
            let mut d = Dice::new(seed, stream);
            (0..8).map(|_| d.below(1000)).collect::<Vec<_>>()
        };
        assert_eq!(draw(1, 0), draw(1, 0), "same seed and stream, same numbers");
        assert_ne!(draw(1, 0), draw(1, 1), "streams are independent");
        assert_ne!(draw(1, 0), draw(2, 0), "seeds are independent");
    }

    #[test]
    fn ranges_stay_inside_their_bounds() {
        let mut d = Dice::new(7, 0);
        for _ in 0..10_000 {
            let x = d.range(-3, 3);
            assert!((-3..=3).contains(&x));
            assert!(d.below(5) < 5);
            let u = d.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert_eq!(d.range(4, 4), 4);
        assert_eq!(d.range(5, 1), 5, "an empty range yields its lower end");
        assert_eq!(d.below(0), 0);
    }

    #[test]
    fn weighted_tables_follow_their_weights() {
        let mut d = Dice::new(3, 0);
        let table = [("a", 90), ("b", 10), ("never", 0)];
        let a = (0..10_000).filter(|_| d.weighted(&table) == "a").count();
        assert!((8_700..9_300).contains(&a), "a drawn {a} times of 10 000");
        let w = Weighted::new([("x", 1.0), ("zero", 0.0), ("y", 3.0)]);
        let y = (0..10_000).filter(|_| w.pick(&mut d) == Some(&"y")).count();
        assert!((7_200..7_800).contains(&y), "y drawn {y} times of 10 000");
        assert!(Weighted::<u8>::new([]).pick(&mut d).is_none());
    }

    #[test]
    fn ids_carry_the_day_they_were_minted() {
        let mut d = Dice::new(1, 0);
        let day = NaiveDate::from_ymd_opt(2025, 3, 4).expect("date");
        let id = d.id_on(day);
        let ms = id.unix_ms().expect("v7 ids carry a timestamp");
        let midnight = day.and_time(NaiveTime::MIN).and_utc().timestamp_millis() as u64;
        assert!((midnight..midnight + 9 * 3_600_000).contains(&ms));
    }

    #[test]
    fn days_stay_inside_the_range() {
        let mut d = Dice::new(1, 0);
        let from = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
        let to = NaiveDate::from_ymd_opt(2025, 1, 10).expect("date");
        for _ in 0..1000 {
            let x = d.day(from, to);
            assert!(from <= x && x <= to);
        }
        assert_eq!(d.day(to, from), from, "a reversed range yields its end");
    }
}
