//! One seeker against one vacancy, in numbers: every signal's points and every
//! hard constraint, without any text. The single-pair score, the scan for
//! one vacancy's candidates and the explanation all start here.

use crate::index::Caseload;
use crate::score::{self, CommuteFit, OccupationFit, OccupationLevel, OccupationSource};

/// How one seeker stands against one vacancy's requirements
/// ([`Caseload::requirement_fit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequirementFit {
    pub aims: bool,
    /// Within the commute limit (or 기숙사 for one willing to move), shifts
    /// accepted where asked, and the vacancy still open.
    pub otherwise_feasible: bool,
    pub certificates_met: bool,
    pub experience_met: bool,
}

/// The numbers behind one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Evaluation {
    pub occupation: OccupationFit,
    /// The seeker's desired (or certificate-read) occupation that gave
    /// `occupation`.
    pub desired: Option<u32>,
    pub certificates: u32,
    pub skills: u32,
    pub experience: u32,
    pub wage: u32,
    pub commute: CommuteFit,
    pub missing_required: bool,
    pub shift_refused: bool,
    pub closed: bool,
}

impl Evaluation {
    /// The soft score in centi-points, whatever the hard constraints say.
    pub fn points(&self) -> u32 {
        self.occupation.points()
            + self.certificates
            + self.skills
            + self.experience
            + self.wage
            + self.commute.points()
    }

    /// The hard constraints: every required certificate held (or implied by
    /// one held), within the commute limit unless the vacancy offers 기숙사
    /// and the seeker is willing to move, no shift work for someone who
    /// refuses it, a place still open.
    pub fn feasible(&self) -> bool {
        !self.missing_required && self.commute.allowed() && !self.shift_refused && !self.closed
    }
}

impl Caseload {
    pub(crate) fn evaluate(&self, s: usize, v: usize) -> Evaluation {
        let (sk, vk) = (&self.seeker_keys[s], &self.vacancy_keys[v]);
        let (occupation, desired) = self.best_occupation(s, vk.occupation);
        let held = self.holdings(s);
        Evaluation {
            occupation,
            desired,
            certificates: held.certificate_points(self.certs_of(v)),
            skills: held.skill_points(self.skills_of(v)),
            experience: score::experience_points(
                self.experience_for(s, vk.occupation),
                vk.min_experience,
            ),
            wage: score::wage_points(sk.wage, vk.wage),
            commute: self.commute(s, v),
            missing_required: held.missing_required(self.required_of(v)),
            shift_refused: vk.shift && !sk.accepts_shift,
            closed: !vk.open,
        }
    }

    /// How a seeker stands against a vacancy's requirements, for the
    /// candidate pools of 구인애로 진단: whether they aim at its occupation
    /// (a stated 희망 직종 of the same code or middle group), whether
    /// anything besides the requirements rules the pair out, and whether
    /// the required certificates and the experience asked are met.
    ///
    /// # Panics
    /// When either index is out of range.
    pub fn requirement_fit(&self, s: usize, v: usize) -> RequirementFit {
        // Only the parts asked for, not the whole score: the diagnosis of
        // every firm asks this of every candidate of every vacancy. The
        // best occupation is Exact or Middle exactly when one stated
        // occupation is (those levels outrank every other), and the
        // commute's hard test needs no points.
        let (sk, vk) = (&self.seeker_keys[s], &self.vacancy_keys[v]);
        RequirementFit {
            aims: sk.occupation_source == OccupationSource::Stated
                && self.seeker_desired(s).iter().any(|&d| {
                    matches!(
                        self.occupation_level(d, vk.occupation),
                        OccupationLevel::Exact | OccupationLevel::Middle
                    )
                }),
            otherwise_feasible: vk.open
                && (!vk.shift || sk.accepts_shift)
                && (score::within_limit(self.distance_km(sk.place, vk.place), sk.limit_km)
                    || vk.housing && sk.relocate),
            certificates_met: !self.holdings(s).missing_required(self.required_of(v)),
            experience_met: self.experience_for(s, vk.occupation) >= vk.min_experience.months,
        }
    }

    /// The pair's score in centi-points, `None` when a hard constraint is
    /// broken.
    pub(crate) fn pair_points(&self, s: usize, v: usize) -> Option<u32> {
        let e = self.evaluate(s, v);
        e.feasible().then(|| e.points())
    }
}
