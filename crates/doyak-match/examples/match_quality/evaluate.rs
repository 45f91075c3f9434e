//! The metrics (NDCG@10, Recall@10), the baselines that give them meaning,
//! and the diagnostics that say where the engine loses ranking quality.
//!
//! Definitions, per seeker (and per vacancy on the other side):
//! - grades come from [`crate::truth::grades`] over every open vacancy;
//!   only seekers with at least one grade ≥ 2 vacancy are evaluated;
//! - NDCG@10 = DCG of the ranker's top 10 / DCG of the 10 best true grades,
//!   DCG = Σ (2^grade − 1) / log2(position + 1), positions from 1;
//! - Recall@10 = |ranker's top 10 ∩ true top 10| / |true top 10|, the true
//!   top 10 being the 10 vacancies of highest hidden utility among those
//!   with utility > 0 (fewer when fewer are).
//!
//! Candidates the engine calls infeasible count against it (and against the
//! random and naive baselines, which rank only what the engine allows); the
//! oracles rank every open vacancy.

use crate::generate::{Dice, Generated, certificate_key, satisfies};
use crate::truth::{Model, Truth, grades};
use crate::world::ARCHETYPES;
use doyak_match::{Caseload, ReasonKind, ViolationKind};
use std::collections::BTreeMap;

pub const K: usize = 10;
/// How deep the engine's lists are read for the what-if re-rankings.
const WIDE: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    Engine,
    Random,
    Naive,
    Denoised,
    Oracle,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::Engine,
        Method::Random,
        Method::Naive,
        Method::Denoised,
        Method::Oracle,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Method::Engine => "**engine**",
            Method::Random => "random feasible",
            Method::Naive => "same middle group, nearest",
            Method::Denoised => "hidden model w/o noise",
            Method::Oracle => "oracle (hidden model)",
        }
    }
}

/// Running mean and its standard error.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mean {
    n: usize,
    sum: f64,
    sum_sq: f64,
}

impl Mean {
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        self.sum += x;
        self.sum_sq += x * x;
    }
    pub fn value(&self) -> f64 {
        self.sum / self.n.max(1) as f64
    }
    pub fn stderr(&self) -> f64 {
        if self.n < 2 {
            return 0.0;
        }
        let m = self.value();
        let var =
            (self.sum_sq / self.n as f64 - m * m).max(0.0) * self.n as f64 / (self.n - 1) as f64;
        (var / self.n as f64).sqrt()
    }
    pub fn count(&self) -> usize {
        self.n
    }
}

#[derive(Debug, Default)]
pub struct SideResult {
    pub ndcg: BTreeMap<Method, Mean>,
    pub recall: BTreeMap<Method, Mean>,
    pub candidates: usize,
}

impl SideResult {
    fn add(&mut self, m: Method, ndcg: f64, recall: f64) {
        self.ndcg.entry(m).or_default().add(ndcg);
        self.recall.entry(m).or_default().add(recall);
    }
}

fn dcg(grades: impl Iterator<Item = u8>) -> f64 {
    grades
        .take(K)
        .enumerate()
        .map(|(i, g)| (f64::from(1u32 << g) - 1.0) / ((i + 2) as f64).log2())
        .sum()
}

/// NDCG@10 and Recall@10 of one ranked list.
fn metrics(list: &[usize], grade: &[u8], ideal: f64, top: &[usize]) -> (f64, f64) {
    let ndcg = dcg(list.iter().map(|&i| grade[i])) / ideal;
    let hit = list.iter().take(K).filter(|i| top.contains(i)).count();
    (ndcg, hit as f64 / top.len().max(1) as f64)
}

/// The `K` candidates of highest `utility` (NaN = not a candidate), with
/// utility > 0 when `positive`.
fn best_by(utility: impl Fn(usize) -> f32, n: usize, positive: bool) -> Vec<usize> {
    let mut all: Vec<usize> = (0..n)
        .filter(|&i| {
            let u = utility(i);
            !u.is_nan() && (!positive || u > 0.0)
        })
        .collect();
    all.sort_unstable_by(|&a, &b| utility(b).total_cmp(&utility(a)).then(a.cmp(&b)));
    all.truncate(K);
    all
}

/// `K` of `pool` drawn uniformly (a partial Fisher–Yates shuffle).
fn random_top(mut pool: Vec<usize>, dice: &mut Dice) -> Vec<usize> {
    for i in 0..K.min(pool.len()) {
        let j = i + dice.below(pool.len() - i);
        pool.swap(i, j);
    }
    pool.truncate(K);
    pool
}

fn middle(code: &str) -> Option<&str> {
    code.get(..2).filter(|_| code.len() >= 2)
}

/// Where the engine's top-10 slots went wrong and which good vacancies it
/// left out.
#[derive(Debug, Default)]
pub struct Diagnostics {
    /// Grade ≥ 2 pairs of evaluated seekers, and those the engine forbids,
    /// by the first violation.
    pub relevant_pairs: usize,
    pub relevant_infeasible: BTreeMap<&'static str, usize>,
    /// Engine top-10 slots by true grade.
    pub slot_grades: [usize; 4],
    /// Grade-0 slots by the hidden factor most to blame.
    pub bad_slot_causes: BTreeMap<&'static str, usize>,
    /// Feasible grade-3 vacancies the engine left out of the top 10, by the
    /// engine's occupation level for them; and the same for the top-10
    /// slots, to compare.
    pub missed_levels: BTreeMap<&'static str, usize>,
    pub slot_levels: BTreeMap<&'static str, usize>,
    /// Mean engine-score gap of missed grade-3 items below the 10th score.
    pub missed_gap: Mean,
    /// Seekers whose 10th and 11th engine scores tie (the id decides).
    pub ties_at_cut: usize,
    pub engine_lists_agree: bool,
    /// Engine and naive NDCG@10 by the seeker's true family.
    pub by_family: BTreeMap<usize, (Mean, Mean)>,
    /// Engine NDCG@10 by how the seeker stated 희망직종.
    pub by_statement: BTreeMap<&'static str, Mean>,
    /// Engine NDCG@10 for generalists (open to other trades) vs specialists.
    pub by_openness: BTreeMap<&'static str, Mean>,
    /// Centroid distance (km) of the engine's top 10 and of the true top 10.
    pub engine_km: Mean,
    pub true_km: Mean,
    /// What-if re-rankings of the engine's top 40, NDCG@10: without
    /// 기숙사 vacancies beyond the stated limit (as if the limit were lifted
    /// only for seekers who want to move, and nobody said so), and with
    /// equal scores ordered by distance instead of id.
    pub without_far_housing: Mean,
    pub ties_by_distance: Mean,
}

fn occupation_level(c: &Caseload, s: usize, v: usize) -> &'static str {
    let e = c.explain(s, v);
    e.reasons
        .iter()
        .find_map(|r| match r.kind {
            ReasonKind::OccupationExact => Some("exact code"),
            ReasonKind::OccupationMiddle => Some("same middle"),
            ReasonKind::OccupationRelated => Some("related middle"),
            ReasonKind::OccupationMajor => Some("same major"),
            ReasonKind::OccupationOther => Some("other"),
            ReasonKind::OccupationNotGiven => Some("none stated"),
            _ => None,
        })
        .unwrap_or("none stated")
}

fn statement(c: &Caseload, g: &Generated, s: usize) -> &'static str {
    let desired = &c.seekers()[s].desired_occupations;
    let own = ARCHETYPES[g.seekers[s].primary].keco;
    if desired.is_empty() {
        "no 희망직종"
    } else if desired.iter().all(|d| d.len() == 1) {
        "major group only"
    } else if desired.iter().any(|d| d == own) {
        "own middle group"
    } else {
        "a sibling trade's code"
    }
}

pub struct Outcome {
    pub seeker_side: SideResult,
    pub vacancy_side: SideResult,
    pub diagnostics: Diagnostics,
}

pub fn evaluate(
    g: &Generated,
    model: &Model<'_>,
    truth: &Truth,
    c: &Caseload,
    seed: u64,
) -> Outcome {
    let (ns, nv) = (g.seekers.len(), g.vacancies.len());
    let np = g.places.len();
    // The engine's feasibility and score of every pair, for the baselines.
    let engine: Vec<f32> = (0..ns)
        .flat_map(|s| (0..nv).map(move |v| (s, v)))
        .map(|(s, v)| c.score(s, v).unwrap_or(f32::NAN))
        .collect();
    let place = |code: &str| g.places.iter().position(|p| p == code).unwrap_or(0);
    let seeker_place: Vec<usize> = c.seekers().iter().map(|s| place(&s.sigungu)).collect();
    let vacancy_place: Vec<usize> = c.vacancies().iter().map(|v| place(&v.sigungu)).collect();
    let seeker_middles: Vec<Vec<&str>> = c
        .seekers()
        .iter()
        .map(|s| {
            s.desired_occupations
                .iter()
                .filter_map(|d| middle(d))
                .collect()
        })
        .collect();
    let vacancy_middle: Vec<Option<&str>> = c
        .vacancies()
        .iter()
        .map(|v| middle(&v.occupation))
        .collect();
    let mut dice = Dice::new(seed ^ 0xBA5E);
    let all_top = c.top_k_all_seekers(WIDE, 2);
    let mut diag = Diagnostics {
        engine_lists_agree: true,
        ..Diagnostics::default()
    };
    let mut seeker_side = SideResult::default();
    for s in 0..ns {
        let row = &truth.noisy[s * nv..(s + 1) * nv];
        let grade = grades(row);
        if !grade.iter().any(|&x| x >= 2) {
            continue;
        }
        seeker_side.candidates += 1;
        let mut ideal_grades = grade.clone();
        ideal_grades.sort_unstable_by(|a, b| b.cmp(a));
        let ideal = dcg(ideal_grades.into_iter());
        let top = best_by(|v| row[v], nv, true);
        let feasible: Vec<usize> = (0..nv).filter(|&v| !engine[s * nv + v].is_nan()).collect();

        let engine_list: Vec<usize> = c
            .rank_vacancies(s, K)
            .iter()
            .map(|r| r.vacancy as usize)
            .collect();
        let fast: Vec<usize> = all_top[s]
            .iter()
            .take(K)
            .map(|&(v, _)| v as usize)
            .collect();
        diag.engine_lists_agree &= fast == engine_list;
        if all_top[s].len() > K && all_top[s][K - 1].1 == all_top[s][K].1 {
            diag.ties_at_cut += 1;
        }
        let km = |v: usize| g.distance[seeker_place[s] * np + vacancy_place[v]];
        let limit = c.seekers()[s].max_commute_km;
        let beyond_limit = |v: usize| limit.is_some_and(|l| km(v) > f64::from(l));
        let wide: Vec<(usize, f32)> = all_top[s].iter().map(|&(v, p)| (v as usize, p)).collect();
        let without_far_housing: Vec<usize> = wide
            .iter()
            .map(|&(v, _)| v)
            .filter(|&v| !(c.vacancies()[v].housing && beyond_limit(v)))
            .take(K)
            .collect();
        diag.without_far_housing
            .add(metrics(&without_far_housing, &grade, ideal, &top).0);
        let mut ties_by_distance = wide.clone();
        ties_by_distance.sort_by(|a, b| b.1.total_cmp(&a.1).then(km(a.0).total_cmp(&km(b.0))));
        let ties_by_distance: Vec<usize> =
            ties_by_distance.iter().take(K).map(|&(v, _)| v).collect();
        diag.ties_by_distance
            .add(metrics(&ties_by_distance, &grade, ideal, &top).0);
        engine_list.iter().for_each(|&v| diag.engine_km.add(km(v)));
        top.iter().for_each(|&v| diag.true_km.add(km(v)));

        let mut naive = feasible.clone();
        naive.sort_by(|&a, &b| {
            let same = |v: usize| vacancy_middle[v].is_some_and(|m| seeker_middles[s].contains(&m));
            same(b)
                .cmp(&same(a))
                .then(km(a).total_cmp(&km(b)))
                .then(a.cmp(&b))
        });
        naive.truncate(K);
        let lists = [
            (Method::Engine, engine_list.clone()),
            (Method::Random, random_top(feasible, &mut dice)),
            (Method::Naive, naive),
            (
                Method::Denoised,
                best_by(|v| truth.denoised[s * nv + v], nv, false),
            ),
            (Method::Oracle, best_by(|v| row[v], nv, false)),
        ];
        for (m, list) in &lists {
            let (n, r) = metrics(list, &grade, ideal, &top);
            seeker_side.add(*m, n, r);
            if *m == Method::Engine {
                let family = model.family(g.seekers[s].primary);
                let entry = diag.by_family.entry(family).or_default();
                entry.0.add(n);
                diag.by_statement
                    .entry(statement(c, g, s))
                    .or_default()
                    .add(n);
                let open = if g.seekers[s].openness > 0.0 {
                    "generalist"
                } else {
                    "specialist"
                };
                diag.by_openness.entry(open).or_default().add(n);
            }
            if *m == Method::Naive {
                let family = model.family(g.seekers[s].primary);
                diag.by_family.entry(family).or_default().1.add(n);
            }
        }
        diagnose(
            &mut diag,
            c,
            model,
            &engine,
            &grade,
            s,
            &beyond_limit,
            &engine_list,
        );
    }

    // The vacancy side: the same over columns, with `rank_seekers`.
    let mut vacancy_side = SideResult::default();
    for v in 0..nv {
        if !g.vacancies[v].open {
            continue;
        }
        let column: Vec<f32> = (0..ns).map(|s| truth.get(s, v)).collect();
        let grade = grades(&column);
        if !grade.iter().any(|&x| x >= 2) {
            continue;
        }
        vacancy_side.candidates += 1;
        let mut ideal_grades = grade.clone();
        ideal_grades.sort_unstable_by(|a, b| b.cmp(a));
        let ideal = dcg(ideal_grades.into_iter());
        let top = best_by(|s| column[s], ns, true);
        let feasible: Vec<usize> = (0..ns).filter(|&s| !engine[s * nv + v].is_nan()).collect();
        let mut naive = feasible.clone();
        naive.sort_by(|&a, &b| {
            let same = |s: usize| vacancy_middle[v].is_some_and(|m| seeker_middles[s].contains(&m));
            same(b)
                .cmp(&same(a))
                .then(
                    g.distance[vacancy_place[v] * np + seeker_place[a]]
                        .total_cmp(&g.distance[vacancy_place[v] * np + seeker_place[b]]),
                )
                .then(a.cmp(&b))
        });
        naive.truncate(K);
        let lists = [
            (
                Method::Engine,
                c.rank_seekers(v, K)
                    .iter()
                    .map(|r| r.seeker as usize)
                    .collect(),
            ),
            (Method::Random, random_top(feasible, &mut dice)),
            (Method::Naive, naive),
            (
                Method::Denoised,
                best_by(|s| truth.denoised[s * nv + v], ns, false),
            ),
            (Method::Oracle, best_by(|s| column[s], ns, false)),
        ];
        for (m, list) in &lists {
            let (n, r) = metrics(list, &grade, ideal, &top);
            vacancy_side.add(*m, n, r);
        }
    }
    Outcome {
        seeker_side,
        vacancy_side,
        diagnostics: diag,
    }
}

/// Whether the seeker's record names a certificate the vacancy requires,
/// only with a suffix ("지게차운전기능사 자격증") the engine does not strip.
fn written_with_suffix(c: &Caseload, model: &Model<'_>, s: usize, v: usize) -> bool {
    c.seekers()[s].certificates.iter().any(|written| {
        let bare = written.trim();
        let stripped = bare
            .trim_end_matches("자격증")
            .trim_end_matches("취득")
            .trim();
        stripped != bare
            && model.g.vacancies[v]
                .required
                .iter()
                .any(|r| satisfies(&[certificate_key(stripped)], r))
    })
}

#[allow(clippy::too_many_arguments)]
fn diagnose(
    diag: &mut Diagnostics,
    c: &Caseload,
    model: &Model<'_>,
    engine: &[f32],
    grade: &[u8],
    s: usize,
    beyond_limit: &dyn Fn(usize) -> bool,
    engine_list: &[usize],
) {
    let nv = grade.len();
    for v in 0..nv {
        if grade[v] < 2 {
            continue;
        }
        diag.relevant_pairs += 1;
        if engine[s * nv + v].is_nan() {
            let e = c.explain(s, v);
            let kind = e.violations.first().map_or("?", |x| match x.kind {
                ViolationKind::BeyondCommute => "beyond the stated commute limit",
                ViolationKind::MissingCertificate if written_with_suffix(c, model, s, v) => {
                    "required certificate held, written '… 자격증' / '… 취득'"
                }
                ViolationKind::MissingCertificate => {
                    "required certificate held, left off the record"
                }
                ViolationKind::ShiftRefused => "shift refused",
                ViolationKind::NoOpenings => "closed",
            });
            *diag.relevant_infeasible.entry(kind).or_default() += 1;
        }
    }
    for &v in engine_list {
        diag.slot_grades[grade[v] as usize] += 1;
        let level = occupation_level(c, s, v);
        *diag.slot_levels.entry(level).or_default() += 1;
        if grade[v] > 0 {
            continue;
        }
        let f = model.factors(s, v);
        let cause = if f.affinity < 0.5 && matches!(level, "exact code" | "same middle") {
            "stated code matches, but a different trade (affinity < 0.5)"
        } else if f.affinity < 0.5 {
            "different trade (affinity < 0.5)"
        } else if f.commute < 0.3 && f.housing_unwanted && beyond_limit(v) {
            "beyond the stated limit via 기숙사, seeker would not move"
        } else if f.commute < 0.3 {
            "beyond the true commute tolerance"
        } else if f.wage < -0.5 {
            "wage well below the reservation wage"
        } else if f.skill_fit < 0.35 {
            "latent skills do not fit (cosine < 0.35)"
        } else if f.experience_fit < 0.3 {
            "experience is from another family"
        } else {
            "several small factors / noise"
        };
        *diag.bad_slot_causes.entry(cause).or_default() += 1;
    }
    let tenth = engine_list.last().map_or(f32::NAN, |&v| engine[s * nv + v]);
    for v in 0..nv {
        if grade[v] == 3 && !engine[s * nv + v].is_nan() && !engine_list.contains(&v) {
            *diag
                .missed_levels
                .entry(occupation_level(c, s, v))
                .or_default() += 1;
            diag.missed_gap.add(f64::from(tenth - engine[s * nv + v]));
        }
    }
}
