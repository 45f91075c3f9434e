//! The score model: how each signal turns into points. Every function here is
//! shared by the fast top-k scan, the single-pair score and the explanation,
//! so the three cannot disagree.
//!
//! Points are kept as integer centi-points (1/100 of a point, 0..=10 000):
//! sums are exact whatever the order, ties are real ties broken by id, and
//! the explanation's parts add up to the score to the last digit.

/// Centi-points per point.
pub const CENTI: u32 = 100;

/// Occupation, exact KECO code among the desired ones.
pub const OCCUPATION_EXACT: u32 = 35 * CENTI;
/// Occupation, same middle group (2 digits) but a different code.
pub const OCCUPATION_MIDDLE: u32 = 30 * CENTI;
/// Occupation, related middle groups: this times the table's weight
/// (0.3..=0.7, so 10.5..=24.5 points: above 'same major', below 'same middle').
pub const OCCUPATION_RELATED_SCALE: u32 = 35 * CENTI;
/// Occupation, same major group (1 digit) only.
pub const OCCUPATION_MAJOR: u32 = 10 * CENTI;
/// Certificates, when the vacancy lists some: shared equally among the listed
/// (required and preferred) ones the seeker holds.
pub const CERTIFICATES_MAX: u32 = 10 * CENTI;
/// Skills, when the vacancy lists some: shared among them by rarity (IDF).
pub const SKILLS_MAX: u32 = 20 * CENTI;
pub const EXPERIENCE_MAX: u32 = 10 * CENTI;
pub const WAGE_MAX: u32 = 10 * CENTI;
pub const COMMUTE_MAX: u32 = 15 * CENTI;
/// What a signal the record does not state is worth: half, so a vacancy
/// listing no certificates is neither rewarded nor punished against one that
/// lists certificates the seeker half holds.
pub const NEUTRAL_CERTIFICATES: u32 = CERTIFICATES_MAX / 2;
pub const NEUTRAL_SKILLS: u32 = SKILLS_MAX / 2;
pub const NEUTRAL_WAGE: u32 = WAGE_MAX / 2;
/// Commute points a vacancy with 기숙사 is worth at least, even beyond the
/// seeker's limit: living on site is no commute, but moving is a burden.
pub const HOUSING_FLOOR: u32 = 8 * CENTI;
/// A 통근버스 makes a distance count for this fraction of itself.
pub const BUS_DISTANCE_FACTOR: f64 = 0.6;
/// The distance that scores zero for a seeker who gave no limit.
pub const DEFAULT_COMMUTE_KM: u32 = 30;
/// An offered wage this fraction below the desired one scores zero.
pub const WAGE_ZERO_GAP: i64 = 5; // 1/5 = 20 %
/// The best possible score.
pub const MAX_POINTS: u32 =
    OCCUPATION_EXACT + CERTIFICATES_MAX + SKILLS_MAX + EXPERIENCE_MAX + WAGE_MAX + COMMUTE_MAX;

/// Rounds non-negative points half up. Not `f64::round`, which is a library
/// call on baseline x86-64 and showed up in the scan's profile.
fn round_points(x: f64) -> u32 {
    (x + 0.5) as u32
}

/// How close the vacancy's occupation is to the seeker's best desired one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OccupationLevel {
    Exact,
    Middle,
    Related(u32),
    Major,
    Other,
}

impl OccupationLevel {
    pub fn points(self) -> u32 {
        match self {
            OccupationLevel::Exact => OCCUPATION_EXACT,
            OccupationLevel::Middle => OCCUPATION_MIDDLE,
            OccupationLevel::Related(points) => points,
            OccupationLevel::Major => OCCUPATION_MAJOR,
            OccupationLevel::Other => 0,
        }
    }
}

/// A vacancy's minimum experience with its scale precomputed: the scan
/// multiplies where it would divide (an integer division costs as much as
/// the rest of a pair).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MinExperience {
    pub months: u32,
    points_per_month: f64,
}

impl MinExperience {
    pub fn new(months: u32) -> MinExperience {
        MinExperience {
            months,
            points_per_month: f64::from(EXPERIENCE_MAX) / f64::from(months.max(1)),
        }
    }
}

/// Experience points: full at or above the minimum, in proportion below it.
/// Not a hard constraint: a counselor often proposes a near miss.
pub(crate) fn experience_points(seeker_months: u32, min: MinExperience) -> u32 {
    if seeker_months >= min.months {
        EXPERIENCE_MAX
    } else {
        round_points(f64::from(seeker_months) * min.points_per_month)
    }
}

/// A seeker's wage wish with its scale precomputed, for the same reason as
/// [`MinExperience`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WageWish {
    pub desired: i64,
    points_per_won: f64,
}

impl WageWish {
    pub fn new(desired: i64) -> WageWish {
        WageWish {
            desired,
            points_per_won: f64::from(WAGE_MAX) * WAGE_ZERO_GAP as f64 / desired.max(1) as f64,
        }
    }
}

/// Wage points: full when the offer meets the wish, falling linearly to zero
/// at 20 % below it; neutral when either side is unknown.
pub(crate) fn wage_points(wish: Option<WageWish>, offered: Option<i64>) -> u32 {
    match (wish, offered) {
        (Some(wish), Some(offered)) if offered < wish.desired => {
            let lost = (wish.desired - offered) as f64 * wish.points_per_won;
            round_points((f64::from(WAGE_MAX) - lost).max(0.0))
        }
        (Some(_), Some(_)) => WAGE_MAX,
        _ => NEUTRAL_WAGE,
    }
}

/// Commute points split into their causes, so a reason can name each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CommuteFit {
    /// The centroid distance is within the seeker's limit (always, without one).
    pub within_limit: bool,
    /// Points for the distance itself.
    pub distance: u32,
    /// Extra points a 통근버스 earns.
    pub bus: u32,
    /// Extra points 기숙사 earns.
    pub housing: u32,
    /// The vacancy offers 기숙사, which lifts the limit.
    pub housing_offered: bool,
}

impl CommuteFit {
    pub fn points(self) -> u32 {
        self.distance + self.bus + self.housing
    }

    /// The commute hard constraint: within the limit, or living on site.
    pub fn allowed(self) -> bool {
        self.within_limit || self.housing_offered
    }
}

fn distance_points(distance_km: f64, reference_km: u32) -> u32 {
    if reference_km == 0 {
        return if distance_km <= 0.0 { COMMUTE_MAX } else { 0 };
    }
    let left = 1.0 - distance_km / f64::from(reference_km);
    // Rounded once, from the same inputs on every path.
    round_points(f64::from(COMMUTE_MAX) * left.max(0.0))
}

/// Commute points and the limit test for one centroid distance.
pub(crate) fn commute_fit(
    distance_km: f64,
    limit_km: Option<u32>,
    bus: bool,
    housing: bool,
) -> CommuteFit {
    let within_limit = limit_km.is_none_or(|limit| distance_km <= f64::from(limit));
    let reference = limit_km.unwrap_or(DEFAULT_COMMUTE_KM);
    let (distance, bus) = if within_limit {
        let plain = distance_points(distance_km, reference);
        let with_bus = if bus {
            distance_points(distance_km * BUS_DISTANCE_FACTOR, reference)
        } else {
            plain
        };
        (plain, with_bus - plain)
    } else {
        (0, 0)
    };
    let housing_offered = housing;
    let housing = if housing_offered {
        HOUSING_FLOOR.saturating_sub(distance + bus)
    } else {
        0
    };
    CommuteFit {
        within_limit,
        distance,
        bus,
        housing,
        housing_offered,
    }
}

/// Splits `total` into integer parts proportional to `weights` that add up to
/// exactly `total` (largest remainder; ties go to the earlier entry), so a
/// vacancy whose every skill is held scores exactly [`SKILLS_MAX`].
pub(crate) fn apportion(total: u32, weights: &[f64]) -> Vec<u32> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| f64::from(total) * w / sum).collect();
    let mut parts: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let mut left = total - parts.iter().sum::<u32>().min(total);
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = exact[a] - exact[a].floor();
        let fb = exact[b] - exact[b].floor();
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    for i in order {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

/// Converts centi-points to the points the API shows.
pub(crate) fn to_points(centi: u32) -> f32 {
    centi as f32 / CENTI as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signals_add_up_to_one_hundred_points() {
        assert_eq!(
            MAX_POINTS,
            100 * CENTI,
            "35 occupation + 10 certificates + 20 skills + 10 experience + 10 wage + 15 commute"
        );
    }

    #[test]
    fn wage_points_fall_to_zero_at_twenty_percent_below_the_wish() {
        let wish = |won| Some(WageWish::new(won));
        assert_eq!(wage_points(wish(2_800_000), Some(3_000_000)), WAGE_MAX);
        assert_eq!(wage_points(wish(3_000_000), Some(3_000_000)), WAGE_MAX);
        assert_eq!(
            wage_points(wish(3_000_000), Some(2_700_000)),
            WAGE_MAX / 2,
            "10 % short is half way to the 20 % that scores zero"
        );
        assert_eq!(wage_points(wish(3_000_000), Some(2_000_000)), 0);
        assert_eq!(wage_points(None, Some(2_000_000)), NEUTRAL_WAGE);
        assert_eq!(wage_points(wish(0), Some(0)), WAGE_MAX, "no division by 0");
    }

    #[test]
    fn experience_below_the_minimum_scores_in_proportion() {
        assert_eq!(
            experience_points(36, MinExperience::new(24)),
            EXPERIENCE_MAX
        );
        assert_eq!(
            experience_points(12, MinExperience::new(24)),
            EXPERIENCE_MAX / 2,
            "half the years"
        );
        assert_eq!(
            experience_points(0, MinExperience::new(0)),
            EXPERIENCE_MAX,
            "no minimum"
        );
    }

    #[test]
    fn commute_points_and_the_housing_exception() {
        let near = commute_fit(5.0, Some(20), false, false);
        assert!(near.within_limit);
        assert_eq!(near.points(), 1125, "5 of 20 km used: 3/4 of 15 points");
        let bus = commute_fit(10.0, Some(20), true, false);
        assert_eq!(
            (bus.distance, bus.bus),
            (750, 300),
            "a bus makes 10 km count as 6 km: 10.5 points instead of 7.5"
        );
        let far = commute_fit(48.0, Some(20), true, false);
        assert!(!far.within_limit);
        assert_eq!(far.points(), 0, "a bus does not lift the limit");
        let housed = commute_fit(48.0, Some(20), false, true);
        assert!(!housed.within_limit);
        assert_eq!(
            housed.points(),
            HOUSING_FLOOR,
            "기숙사 stands in for distance"
        );
        let housed_near = commute_fit(1.0, Some(20), false, true);
        assert_eq!(
            housed_near.housing, 0,
            "a near vacancy already scores above the housing floor"
        );
        let unlimited = commute_fit(45.0, None, false, false);
        assert!(unlimited.within_limit, "no limit stated, no hard limit");
        assert_eq!(unlimited.points(), 0, "but beyond 30 km it earns nothing");
        assert_eq!(
            commute_fit(0.0, Some(0), false, false).points(),
            COMMUTE_MAX
        );
    }

    #[test]
    fn apportioned_parts_add_up_exactly() {
        assert_eq!(apportion(1000, &[1.0; 3]), vec![334, 333, 333]);
        let parts = apportion(SKILLS_MAX, &[1.2, 3.7, 2.9]);
        assert_eq!(parts.iter().sum::<u32>(), SKILLS_MAX);
        assert!(parts[1] > parts[2] && parts[2] > parts[0], "{parts:?}");
        assert!(apportion(10, &[]).is_empty());
    }
}
