//! 비슷한 이전 참여자: what the center's own closed cases say about an
//! occupation — how many participants aiming at the same KECO 중분류 were
//! employed within six months of enrolling, and how long it took. Counts,
//! never a prediction: below [`MIN_CASES`] closed cases the answer is
//! nothing at all, because a share of three people says nothing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Fewest closed cases an outcome is shown for.
pub const MIN_CASES: usize = 10;
/// "Within six months" of enrolling, in days (the program counts months;
/// 183 days is half of a year rounded up).
pub const WITHIN_DAYS: i64 = 183;

/// One closed case of the center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastCase {
    /// The occupation the participant aimed at (KECO, any level of 2+
    /// digits): the desk gives the first 희망 직종.
    pub occupation: String,
    pub enrolled_on: NaiveDate,
    /// The first employment after enrolling, if any.
    pub employed_on: Option<NaiveDate>,
}

/// What the similar closed cases show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarOutcome {
    /// The KECO 중분류 compared on.
    pub middle: String,
    /// Closed cases aiming at it.
    pub n: u32,
    /// Of them, employed within six months of enrolling.
    pub employed_within_6_months: u32,
    /// Median days from enrolling to employment over those employed within
    /// six months (the lower middle of an even count).
    pub median_days: Option<u32>,
}

/// The outcome of closed cases aiming at `occupation`'s 중분류, or `None`
/// when fewer than [`MIN_CASES`] exist.
pub fn similar_outcome(occupation: &str, cases: &[PastCase]) -> Option<SimilarOutcome> {
    let middle = occupation.get(..2)?;
    let similar: Vec<&PastCase> = cases
        .iter()
        .filter(|c| c.occupation.get(..2) == Some(middle))
        .collect();
    if similar.len() < MIN_CASES {
        return None;
    }
    let mut days: Vec<u32> = similar
        .iter()
        .filter_map(|c| {
            let d = (c.employed_on? - c.enrolled_on).num_days();
            (0..=WITHIN_DAYS).contains(&d).then_some(d as u32)
        })
        .collect();
    days.sort_unstable();
    Some(SimilarOutcome {
        middle: middle.to_owned(),
        n: similar.len() as u32,
        employed_within_6_months: days.len() as u32,
        median_days: (!days.is_empty()).then(|| days[(days.len() - 1) / 2]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    fn case(occupation: &str, employed_after: Option<i64>) -> PastCase {
        PastCase {
            occupation: occupation.into(),
            enrolled_on: day("2026-01-01"),
            employed_on: employed_after.map(|d| day("2026-01-01") + chrono::Duration::days(d)),
        }
    }

    #[test]
    fn nine_similar_cases_say_nothing_ten_are_counted() {
        let mut cases: Vec<PastCase> = (0..9).map(|i| case("8241", Some(30 + i))).collect();
        cases.push(case("6230", Some(10)));
        assert_eq!(
            similar_outcome("8241", &cases),
            None,
            "nine cases in 82 (the 62 case is not similar): below the minimum"
        );
        cases.push(case("82", None));
        let outcome = similar_outcome("8233", &cases).expect("ten cases in 중분류 82");
        assert_eq!(outcome.n, 10);
        assert_eq!(
            outcome.employed_within_6_months, 9,
            "the tenth was not employed"
        );
        assert_eq!(
            outcome.median_days,
            Some(34),
            "days 30..=38, lower middle of nine is the 5th"
        );
    }

    #[test]
    fn employment_after_six_months_is_counted_in_n_but_not_as_within() {
        let mut cases: Vec<PastCase> = (0..10).map(|_| case("5312", Some(200))).collect();
        cases.push(case("5312", Some(183)));
        let outcome = similar_outcome("5312", &cases).expect("eleven cases");
        assert_eq!((outcome.n, outcome.employed_within_6_months), (11, 1));
        assert_eq!(outcome.median_days, Some(183));
    }
}
