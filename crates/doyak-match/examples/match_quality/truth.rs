//! The hidden model: how good a (seeker, vacancy) pair really is, and the
//! graded relevance (0–3) the metrics compare the engine against.
//!
//! It differs from the engine's scorer in form, not only in weights:
//! - it is a *product* of two logistic acceptances (the seeker wants the job,
//!   the employer wants the seeker) and a commute acceptance, so one bad
//!   factor sinks a pair however good the rest is; the scorer adds points;
//! - occupation is a family affinity between latent archetypes (same
//!   archetype 1, same family ≈ 0.6, related families 0.2–0.4), softened for
//!   generalists; the scorer compares stated KECO codes;
//! - skills are the cosine of latent cluster profiles, not the overlap of
//!   written names;
//! - commute is a sigmoid around a personal tolerance that is not the stated
//!   limit, over a road distance (detours, 통근버스 door to door), and
//!   기숙사 only helps people willing to move; the scorer uses a hard
//!   line at the stated limit and lifts it for everybody;
//! - wage is the log ratio to a reservation wage, loss-averse below and
//!   saturating above, and uses the real wage even when none was posted;
//! - experience counts only years in the same family;
//! - a required certificate really held but missing from the record still
//!   counts; one really missing makes the pair worthless, as does shift
//!   work for someone who refuses it.
//!
//! A pair-level noise term (taste, the interview) sits inside both logits;
//! the "denoised" oracle drops it to show what any ranker could reach.

use crate::generate::{Generated, SeekerTruth, VacancyTruth, hash_unit, satisfies};
use crate::world::{ARCHETYPES, World};

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The named factors of one pair, for the metrics and for attributing the
/// engine's mistakes.
#[derive(Debug, Clone, Copy)]
pub struct Factors {
    /// Latent family affinity, 0..=1.
    pub affinity: f64,
    /// Cosine of latent skill profiles, 0..=1.
    pub skill_fit: f64,
    /// −1.8..=0.6, 0 at the reservation wage.
    pub wage: f64,
    pub experience_fit: f64,
    /// Commute acceptance, 0..=1.
    pub commute: f64,
    /// 기숙사 offered but the seeker would not move.
    pub housing_unwanted: bool,
    /// A hard disqualifier in reality (certificate really missing, shift
    /// refused).
    pub disqualified: bool,
}

pub struct Model<'a> {
    pub g: &'a Generated,
    family: Vec<usize>,
    affinity: Vec<f64>,
    n_families: usize,
    commute_softness: f64,
    seed: u64,
}

impl<'a> Model<'a> {
    pub fn new(world: &World, g: &'a Generated, seed: u64) -> Model<'a> {
        Model {
            g,
            family: (0..ARCHETYPES.len()).map(|a| world.family_of(a)).collect(),
            affinity: world.family_affinity(),
            n_families: world.families.len(),
            commute_softness: world.commute_softness,
            seed,
        }
    }

    pub fn family(&self, archetype: usize) -> usize {
        self.family[archetype]
    }

    fn archetype_affinity(&self, a: usize, b: usize) -> f64 {
        if a == b {
            1.0
        } else {
            self.affinity[self.family[a] * self.n_families + self.family[b]]
        }
    }

    pub fn factors(&self, s: usize, v: usize) -> Factors {
        let (st, vt): (&SeekerTruth, &VacancyTruth) = (&self.g.seekers[s], &self.g.vacancies[v]);
        let a = vt.archetype;
        let mut affinity = self.archetype_affinity(st.primary, a);
        if let Some((b, w)) = st.secondary {
            affinity = affinity.max(w * self.archetype_affinity(b, a));
        }
        // Generalists find more trades acceptable: 0.06 → 0.25 at openness 1.
        let affinity = affinity.powf(1.0 / (1.0 + st.openness));
        let skill_fit: f64 = st.skills.iter().zip(&vt.skills).map(|(x, y)| x * y).sum();
        let r = (vt.offer / st.reservation).ln();
        let wage = if r < 0.0 {
            1.8 * (2.5 * r).tanh()
        } else {
            0.6 * (4.0 * r).tanh()
        };
        let in_family = self.family[a] == self.family[st.primary]
            || st
                .secondary
                .is_some_and(|(b, _)| self.family[b] == self.family[a]);
        let relevant_years = st.years * if in_family { st.relevant_share } else { 0.15 };
        let experience_fit = sigmoid(2.0 * (relevant_years - vt.min_years) + 1.0);
        let n = self.g.places.len();
        let (ps, pv) = (st.place, vt.place);
        let mut road = if ps == pv {
            // Same 시군구: centroid distance 0, a real trip still.
            3.0 + 2.0 * hash_unit(self.seed ^ 0x5a5a, s as u64, v as u64)
        } else {
            self.g.distance[ps * n + pv] * self.g.route[ps * n + pv]
        };
        if vt.bus {
            road *= 0.75;
        }
        let t = st.tolerance_km;
        let mut commute = sigmoid((t - road) / ((0.15 * t + 1.5) * self.commute_softness));
        let housing_unwanted = vt.housing && !st.relocate;
        if vt.housing && st.relocate {
            commute = commute.max(0.8);
        }
        let disqualified =
            (vt.shift && !st.accepts_shift) || vt.required.iter().any(|r| !satisfies(&st.held, r));
        Factors {
            affinity,
            skill_fit,
            wage,
            experience_fit,
            commute,
            housing_unwanted,
            disqualified,
        }
    }

    /// True utility in 0..=1; `noisy` adds the pair's idiosyncratic taste.
    pub fn utility(&self, s: usize, v: usize, f: &Factors, noisy: bool) -> f64 {
        if f.disqualified {
            return 0.0;
        }
        let (st, vt) = (&self.g.seekers[s], &self.g.vacancies[v]);
        let (e1, e2) = if noisy {
            let u1 = 1.0 - hash_unit(self.seed ^ 0x1111, s as u64, v as u64);
            let u2 = hash_unit(self.seed ^ 0x2222, s as u64, v as u64);
            let radius = (-2.0 * u1.ln()).sqrt();
            let angle = std::f64::consts::TAU * u2;
            (radius * angle.cos(), radius * angle.sin())
        } else {
            (0.0, 0.0)
        };
        let shift_cost = if vt.shift && st.dislikes_shift {
            0.8
        } else {
            0.0
        };
        let seeker_wants =
            sigmoid(-2.2 + 4.0 * f.affinity + 1.0 * f.skill_fit + f.wage - shift_cost + 0.5 * e1);
        let preferred = if vt.preferred.is_empty() {
            0.3
        } else {
            vt.preferred
                .iter()
                .filter(|p| satisfies(&st.held, p))
                .count() as f64
                / vt.preferred.len() as f64
        };
        let employer_wants =
            sigmoid(-1.6 + 3.2 * f.skill_fit + 1.2 * f.experience_fit + 0.6 * preferred + 0.5 * e2);
        seeker_wants * employer_wants * f.commute
    }
}

/// Utilities of every pair, row-major by seeker; closed vacancies are NaN.
pub struct Truth {
    pub n_vacancies: usize,
    pub noisy: Vec<f32>,
    pub denoised: Vec<f32>,
}

impl Truth {
    pub fn compute(model: &Model<'_>) -> Truth {
        let (ns, nv) = (model.g.seekers.len(), model.g.vacancies.len());
        let mut noisy = vec![f32::NAN; ns * nv];
        let mut denoised = vec![f32::NAN; ns * nv];
        for s in 0..ns {
            for v in 0..nv {
                if model.g.vacancies[v].open {
                    let f = model.factors(s, v);
                    noisy[s * nv + v] = model.utility(s, v, &f, true) as f32;
                    denoised[s * nv + v] = model.utility(s, v, &f, false) as f32;
                }
            }
        }
        Truth {
            n_vacancies: nv,
            noisy,
            denoised,
        }
    }

    pub fn get(&self, s: usize, v: usize) -> f32 {
        self.noisy[s * self.n_vacancies + v]
    }
}

/// Grades 0–3 from utilities of one seeker's (or one vacancy's) candidates:
/// grade 3 for the top 1 %, 2 for the next 2 %, 1 for the next 7 %, each
/// also above an absolute floor, so a seeker with nothing good has no
/// relevant vacancy rather than 'relevant' poor ones.
pub fn grades(utilities: &[f32]) -> Vec<u8> {
    let mut sorted: Vec<f32> = utilities.iter().copied().filter(|u| !u.is_nan()).collect();
    sorted.sort_unstable_by(|a, b| b.total_cmp(a));
    let at = |share: f64| -> f32 {
        let i = ((sorted.len() as f64 * share).ceil() as usize).saturating_sub(1);
        sorted.get(i).copied().unwrap_or(f32::INFINITY)
    };
    let cuts = [
        (at(0.01).max(FLOOR[2]), 3),
        (at(0.03).max(FLOOR[1]), 2),
        (at(0.10).max(FLOOR[0]), 1),
    ];
    utilities
        .iter()
        .map(|&u| {
            cuts.iter()
                .find(|(cut, _)| u >= *cut && u > 0.0)
                .map_or(0, |&(_, g)| g)
        })
        .collect()
}

/// Absolute utility floors for grades 1, 2, 3.
pub const FLOOR: [f32; 3] = [0.04, 0.12, 0.25];
