//! The score model: how each signal turns into points. Every function here is
//! shared by the fast top-k scan, the single-pair score and the explanation,
//! so the three cannot disagree.
//!
//! Points are kept as integer centi-points (1/100 of a point, 0..=10 000):
//! sums are exact whatever the order, ties are real ties broken by id, and
//! the explanation's parts add up to the score to the last digit.
//!
//! # Why these weights
//! Rebalanced after the first quality evaluation found the engine's top 10
//! twice as far away as the jobs people really take:
//! - commute is the signal people act on most: 고용24 lists jobs within about
//!   20 km first, and commuting burden is a leading reason for refusing a
//!   referral and for quitting in the first months. At 15 points the whole
//!   distance range was worth less than the skills signal alone, so a job at
//!   the edge of the limit with one more written skill beat one next door.
//!   It is now 25, on a curve that spends its points where people decide
//!   (see `distance_points`).
//! - the 10 points came from occupation (35 → 30, the levels below scaled
//!   alike) and skills (20 → 15): written skill lists are the noisiest input
//!   (free text, synonyms no table knows), and an exact code is worth less
//!   than it looks because both sides code loosely (a sibling trade's code,
//!   a major group only).

/// Centi-points per point.
pub const CENTI: u32 = 100;

/// Occupation, exact KECO code among the desired ones.
pub const OCCUPATION_EXACT: u32 = 30 * CENTI;
/// Occupation, same middle group (2 digits) but a different code.
pub const OCCUPATION_MIDDLE: u32 = 26 * CENTI;
/// Occupation, related middle groups: this times the table's weight
/// (0.3..=0.7, so 9..=21 points: above 'same major', below 'same middle').
pub const OCCUPATION_RELATED_SCALE: u32 = 30 * CENTI;
/// Occupation, same major group (1 digit) only.
pub const OCCUPATION_MAJOR: u32 = 8 * CENTI;
/// An occupation read from the seeker's certificates, for a seeker who
/// stated none, earns this share (percent) of what the same level earns for
/// a stated one: a trade certificate shows training in the trade, not that
/// the person wants to work in it now.
pub const OCCUPATION_INFERRED_PERCENT: u32 = 60;
/// Certificates, when the vacancy lists some: shared equally among the listed
/// (required and preferred) ones the seeker holds.
pub const CERTIFICATES_MAX: u32 = 10 * CENTI;
/// Skills, when the vacancy lists some: shared among them by rarity (IDF).
pub const SKILLS_MAX: u32 = 15 * CENTI;
pub const EXPERIENCE_MAX: u32 = 10 * CENTI;
pub const WAGE_MAX: u32 = 10 * CENTI;
pub const COMMUTE_MAX: u32 = 25 * CENTI;
/// What a signal the record does not state is worth: half, so a vacancy
/// listing no certificates is neither rewarded nor punished against one that
/// lists certificates the seeker half holds.
pub const NEUTRAL_CERTIFICATES: u32 = CERTIFICATES_MAX / 2;
pub const NEUTRAL_SKILLS: u32 = SKILLS_MAX / 2;
pub const NEUTRAL_WAGE: u32 = WAGE_MAX / 2;
/// Commute points a vacancy with 기숙사 is worth at least, for a seeker
/// willing to relocate, even beyond their limit: living on site is no
/// commute, but moving is a burden even for the willing, so it counts like a
/// commute at the curve's half-way point, not like living next door.
pub const HOUSING_FLOOR: u32 = COMMUTE_MAX / 2;
/// Commute points fall to half at this share (percent) of the seeker's
/// limit. The limit is the most a seeker will accept (최대 통근 거리), said
/// as a round number, so the point where a job stops being attractive lies
/// well inside it.
pub const COMMUTE_HALF_PERCENT: u32 = 60;
/// A 통근버스 makes a distance count for this fraction of itself.
pub const BUS_DISTANCE_FACTOR: f64 = 0.6;
/// The limit assumed, for scoring only, for a seeker who gave none.
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

/// Where the occupation a vacancy is compared with comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OccupationSource {
    /// 희망 직종 as the seeker stated it.
    Stated,
    /// The KECO middle group of a trade certificate the seeker holds, for a
    /// seeker who stated no 희망 직종.
    Certificate,
}

/// How close a vacancy's occupation is to the seeker's, and on what basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OccupationFit {
    pub level: OccupationLevel,
    pub source: OccupationSource,
}

impl OccupationFit {
    pub const NONE: OccupationFit = OccupationFit {
        level: OccupationLevel::Other,
        source: OccupationSource::Stated,
    };

    pub fn points(self) -> u32 {
        match self.source {
            OccupationSource::Stated => self.level.points(),
            OccupationSource::Certificate => {
                // A certificate names a middle group only, so 'exact' is
                // 'same middle group' here.
                let level = match self.level {
                    OccupationLevel::Exact => OccupationLevel::Middle,
                    other => other,
                };
                (level.points() * OCCUPATION_INFERRED_PERCENT + 50) / 100
            }
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
    /// The vacancy offers 기숙사 and the seeker is willing to move, which
    /// lifts the limit.
    pub housing_usable: bool,
}

impl CommuteFit {
    pub fn points(self) -> u32 {
        self.distance + self.bus + self.housing
    }

    /// The commute hard constraint: within the limit, or living on site
    /// for someone willing to move.
    pub fn allowed(self) -> bool {
        self.within_limit || self.housing_usable
    }
}

/// Distance points: a smooth S-shaped fall, `COMMUTE_MAX / (1 + (d/h)³)`
/// with `h` at [`COMMUTE_HALF_PERCENT`] of the reference distance. Flat for
/// the first few km (시군구 centroids are a few km off the real addresses,
/// so 2 km and 5 km are not really different), steepest around `h`, where
/// people decide, and about a sixth of the points left at the limit itself.
/// Distance-decay studies of commuting flows find this shape (a log-logistic
/// curve) rather than a straight line. Never rises with distance, which the
/// top-k scan relies on.
fn distance_points(distance_km: f64, reference_km: u32) -> u32 {
    if reference_km == 0 {
        return if distance_km <= 0.0 { COMMUTE_MAX } else { 0 };
    }
    let half = f64::from(reference_km) * f64::from(COMMUTE_HALF_PERCENT) / 100.0;
    let x = distance_km.max(0.0) / half;
    // Rounded once, from the same inputs on every path.
    round_points(f64::from(COMMUTE_MAX) / (1.0 + x * x * x))
}

/// The commute limit test alone (no limit stated: any distance).
pub(crate) fn within_limit(distance_km: f64, limit_km: Option<u32>) -> bool {
    limit_km.is_none_or(|limit| distance_km <= f64::from(limit))
}

/// Commute points and the limit test for one centroid distance. `housing`
/// is whether the vacancy's 기숙사 can count: it offers one and the seeker
/// is willing to move.
pub(crate) fn commute_fit(
    distance_km: f64,
    limit_km: Option<u32>,
    bus: bool,
    housing: bool,
) -> CommuteFit {
    let within_limit = within_limit(distance_km, limit_km);
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
    let housing_usable = housing;
    let housing = if housing_usable {
        HOUSING_FLOOR.saturating_sub(distance + bus)
    } else {
        0
    };
    CommuteFit {
        within_limit,
        distance,
        bus,
        housing,
        housing_usable,
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
            "30 occupation + 10 certificates + 15 skills + 10 experience + 10 wage + 25 commute"
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
        assert_eq!(
            near.points(),
            2331,
            "5 of 20 km: 25 / (1 + (5/12)³), still near the top of the curve"
        );
        assert_eq!(
            commute_fit(12.0, Some(20), false, false).points(),
            COMMUTE_MAX / 2,
            "half the points at 60 % of the limit"
        );
        assert_eq!(
            commute_fit(20.0, Some(20), false, false).points(),
            444,
            "at the limit itself under a fifth is left"
        );
        let bus = commute_fit(10.0, Some(20), true, false);
        assert_eq!(
            (bus.distance, bus.bus),
            (1584, 638),
            "a bus makes 10 km count as 6 km: 22.22 points instead of 15.84"
        );
        let far = commute_fit(48.0, Some(20), true, false);
        assert!(!far.within_limit && !far.allowed());
        assert_eq!(far.points(), 0, "a bus does not lift the limit");
        let housed = commute_fit(48.0, Some(20), false, true);
        assert!(!housed.within_limit && housed.allowed());
        assert_eq!(
            housed.points(),
            HOUSING_FLOOR,
            "usable 기숙사 stands in for distance"
        );
        let housed_near = commute_fit(1.0, Some(20), false, true);
        assert_eq!(
            housed_near.housing, 0,
            "a near vacancy already scores above the housing floor"
        );
        let unlimited = commute_fit(45.0, None, false, false);
        assert!(unlimited.within_limit, "no limit stated, no hard limit");
        assert_eq!(
            unlimited.points(),
            150,
            "scored against 30 km: 45 km keeps a thin tail"
        );
        assert_eq!(
            commute_fit(0.0, Some(0), false, false).points(),
            COMMUTE_MAX
        );
        assert_eq!(commute_fit(0.5, Some(0), false, false).points(), 0);
    }

    #[test]
    fn commute_points_never_rise_with_distance() {
        // The top-k scan stops at the first place that cannot beat the k-th
        // best, which is only right if no farther place scores more.
        for limit in [None, Some(0), Some(5), Some(20), Some(60)] {
            for (bus, housing) in [(false, false), (true, false), (false, true), (true, true)] {
                let mut last = u32::MAX;
                for tenth_km in 0..1000 {
                    let points =
                        commute_fit(f64::from(tenth_km) / 10.0, limit, bus, housing).points();
                    assert!(
                        points <= last,
                        "{limit:?} bus {bus} housing {housing}: rose at {tenth_km}"
                    );
                    last = points;
                }
            }
        }
    }

    #[test]
    fn an_occupation_read_from_a_certificate_earns_less_than_a_stated_one() {
        let fit = |level, source| OccupationFit { level, source }.points();
        use OccupationLevel::*;
        use OccupationSource::*;
        assert_eq!(
            fit(Exact, Certificate),
            1560,
            "a certificate names a middle group: 60 % of 'same middle group' (26)"
        );
        assert_eq!(fit(Middle, Certificate), 1560);
        assert_eq!(fit(Related(1800), Certificate), 1080);
        assert_eq!(fit(Major, Certificate), 480);
        assert_eq!(fit(Other, Certificate), 0);
        assert_eq!(fit(Exact, Stated), OCCUPATION_EXACT);
        assert!(
            fit(Middle, Certificate) < fit(Middle, Stated),
            "below a stated wish at the same level"
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
