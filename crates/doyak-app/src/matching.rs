//! Matching job seekers and vacancies (doyak-match) over the two places the
//! records come from: JSON Lines files (`doyak match`, `doyak assign`) and
//! the open caseload (the desk's 추천 일자리 / 추천 인재 tabs and the
//! caseload-wide assignment suggestion).
//!
//! Both paths are all or nothing on input: a file with one bad line gives
//! the line numbers and reasons and no results, so a script never acts on
//! half a caseload.

use crate::AppError;
use doyak_interchange::{JsonlError, JsonlKind, read_jsonl};
use doyak_match::{Caseload, MatchError, Reason, SeekerProfile, Side, VacancyProfile};
use serde::Serialize;

/// The record kinds and versions of docs/formats.md.
pub const SEEKER_FORMAT: &str = "doyak.match.seeker";
pub const VACANCY_FORMAT: &str = "doyak.match.vacancy";
pub const MATCH_FORMAT: &str = "doyak.match";
pub const ASSIGNMENT_FORMAT: &str = "doyak.assignment";
const VERSIONS: &[u32] = &[1];

/// Which list is ranked: the best vacancies for every seeker, or the best
/// candidates for every vacancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankFor {
    Seekers,
    Vacancies,
}

/// One ranked pair, as `doyak match` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchLine {
    pub format: &'static str,
    pub version: u32,
    pub seeker_id: String,
    pub vacancy_id: String,
    /// 1 = best, within its seeker (or vacancy, with `--for vacancies`).
    pub rank: u32,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

/// One seeker's place in the proposed assignment, as `doyak assign` writes
/// it: a vacancy and why, or none (`vacancy_id` null) when no vacancy is
/// open to them or the places went to better fits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssignmentLine {
    pub format: &'static str,
    pub version: u32,
    pub seeker_id: String,
    pub vacancy_id: Option<String>,
    pub score: Option<f32>,
    pub reasons: Vec<Reason>,
}

/// A whole assignment and its total, for the summary line.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub lines: Vec<AssignmentLine>,
    pub assigned: usize,
    pub total_score: f64,
}

/// Reads the two files and builds the matcher. `seekers_name` and
/// `vacancies_name` name the files in messages.
pub fn load_files(
    seekers: &[u8],
    seekers_name: &str,
    vacancies: &[u8],
    vacancies_name: &str,
) -> Result<Caseload, AppError> {
    let seeker_kind = JsonlKind {
        format: SEEKER_FORMAT,
        versions: VERSIONS,
    };
    let vacancy_kind = JsonlKind {
        format: VACANCY_FORMAT,
        versions: VERSIONS,
    };
    let mut problems = Vec::new();
    let seekers: Option<Vec<(usize, SeekerProfile)>> =
        read_records(seekers, seekers_name, seeker_kind, &mut problems);
    let vacancies: Option<Vec<(usize, VacancyProfile)>> =
        read_records(vacancies, vacancies_name, vacancy_kind, &mut problems);
    let (Some(seekers), Some(vacancies)) = (seekers, vacancies) else {
        return Err(AppError::MatchInput { problems });
    };

    // Every record is checked, so the report lists every unknown code at
    // once rather than one per run.
    for (i, (line, s)) in seekers.iter().enumerate() {
        if let Err(e) = s.validate(i) {
            problems.push(format!("{seekers_name} {line}행: {}", e.problem_ko()));
        }
    }
    for (i, (line, v)) in vacancies.iter().enumerate() {
        if let Err(e) = v.validate(i) {
            problems.push(format!("{vacancies_name} {line}행: {}", e.problem_ko()));
        }
    }
    if !problems.is_empty() {
        return Err(AppError::MatchInput { problems });
    }
    let seeker_lines: Vec<usize> = seekers.iter().map(|(l, _)| *l).collect();
    let vacancy_lines: Vec<usize> = vacancies.iter().map(|(l, _)| *l).collect();
    Caseload::new(
        seekers.into_iter().map(|(_, s)| s).collect(),
        vacancies.into_iter().map(|(_, v)| v).collect(),
    )
    .map_err(|e| {
        let at = |side, index: usize| match side {
            Side::Seeker => (seekers_name, seeker_lines.get(index).copied()),
            Side::Vacancy => (vacancies_name, vacancy_lines.get(index).copied()),
        };
        let problem = match (&e, e.record()) {
            (
                MatchError::DuplicateId {
                    side, first, id, ..
                },
                Some((_, index)),
            ) => {
                let (name, line) = at(*side, index);
                let (_, first_line) = at(*side, *first);
                format!(
                    "{name} {}행: id '{id}'가 {}행과 겹칩니다.",
                    line.unwrap_or(index + 1),
                    first_line.unwrap_or(first + 1)
                )
            }
            (_, Some((side, index))) => {
                let (name, line) = at(side, index);
                format!("{name} {}행: {}", line.unwrap_or(index + 1), e.problem_ko())
            }
            (_, None) => e.to_string(),
        };
        AppError::MatchInput {
            problems: vec![problem],
        }
    })
}

/// One file's records, or `None` with its bad lines added to `problems`.
pub(crate) fn read_records<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    name: &str,
    kind: JsonlKind<'_>,
    problems: &mut Vec<String>,
) -> Option<Vec<(usize, T)>> {
    match read_jsonl(bytes, kind) {
        Ok(records) => Some(records),
        Err(JsonlError::Lines {
            problems: lines,
            more,
        }) => {
            problems.extend(lines.iter().map(|p| format!("{name} {p}")));
            if more > 0 {
                problems.push(format!("{name}: 그 밖에 {more}행 더"));
            }
            None
        }
        Err(e) => {
            problems.push(format!("{name}: {e}"));
            None
        }
    }
}

/// The top `k` for every seeker (or every vacancy), best first.
pub fn rank_all(caseload: &Caseload, k: usize, side: RankFor) -> Vec<MatchLine> {
    let seekers = caseload.seekers();
    let vacancies = caseload.vacancies();
    let line = |rank: usize, r: doyak_match::Ranked| MatchLine {
        format: MATCH_FORMAT,
        version: 1,
        seeker_id: seekers[r.seeker as usize].id.clone(),
        vacancy_id: vacancies[r.vacancy as usize].id.clone(),
        rank: rank as u32 + 1,
        score: r.score,
        reasons: r.reasons,
    };
    match side {
        RankFor::Seekers => (0..seekers.len())
            .flat_map(|s| {
                caseload
                    .rank_vacancies(s, k)
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| line(i, r))
                    .collect::<Vec<_>>()
            })
            .collect(),
        RankFor::Vacancies => (0..vacancies.len())
            .flat_map(|v| {
                caseload
                    .rank_seekers(v, k)
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| line(i, r))
                    .collect::<Vec<_>>()
            })
            .collect(),
    }
}

/// The (seeker, vacancy) positions of the assignment with the largest total
/// score: every feasible pair is weighed (the solver never sees an
/// infeasible one), each vacancy takes at most its open headcount.
pub fn optimal_pairs(caseload: &Caseload) -> Result<Vec<(usize, usize)>, AppError> {
    solve(
        caseload,
        candidate_pairs(caseload, usize::MAX).unwrap_or_default(),
    )
}

/// The pairs the solver needs to see: feasible, and among each vacancy's
/// best candidates (see [`candidate_pairs_keeping`]); `None` as soon as there
/// are more than `most` (the rest is not even scored).
pub fn candidate_pairs(
    caseload: &Caseload,
    most: usize,
) -> Option<Vec<doyak_assign::FeasiblePair>> {
    let places: u64 = caseload
        .vacancies()
        .iter()
        .map(|v| u64::from(v.headcount))
        .sum();
    let keep = usize::try_from(places)
        .unwrap_or(usize::MAX)
        .min(caseload.seekers().len());
    candidate_pairs_keeping(caseload, keep, most)
}

/// The optimal assignment over `pairs` (which must contain an optimal one).
pub fn solve(
    caseload: &Caseload,
    pairs: Vec<doyak_assign::FeasiblePair>,
) -> Result<Vec<(usize, usize)>, AppError> {
    let headcounts: Vec<u32> = caseload.vacancies().iter().map(|v| v.headcount).collect();
    doyak_assign::assign(caseload.seekers().len(), &headcounts, &pairs).map_err(AppError::Assign)
}

/// The feasible pairs with each vacancy's candidates cut to its `keep` best.
///
/// Exact when `keep` is at least the number of places H in all: if a seeker
/// s sits at vacancy v in an optimal assignment but is not among v's H best
/// candidates, at most H − 1 of those H candidates hold a place, so one of
/// them is unassigned and scores at least as well at v as s does; putting
/// them there instead never lowers the total. Repeating that gives an
/// optimal assignment using only kept pairs. With a center's hundreds of
/// places and tens of thousands of seekers this keeps the solver's graph to
/// places × vacancies instead of seekers × vacancies (at 50 000 seekers:
/// 340 s → seconds).
fn candidate_pairs_keeping(
    caseload: &Caseload,
    keep: usize,
    most: usize,
) -> Option<Vec<doyak_assign::FeasiblePair>> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut pairs = Vec::new();
    // Scores are positive, so their bit patterns order like the numbers.
    let mut best: BinaryHeap<Reverse<(u32, usize)>> =
        BinaryHeap::with_capacity(keep.min(caseload.seekers().len()) + 1);
    for v in 0..caseload.vacancies().len() {
        best.clear();
        for s in 0..caseload.seekers().len() {
            if let Some(score) = caseload.score(s, v)
                && score > 0.0
            {
                best.push(Reverse((score.to_bits(), s)));
                if best.len() > keep {
                    best.pop();
                }
            }
        }
        pairs.extend(
            best.drain()
                .map(|Reverse((bits, s))| doyak_assign::FeasiblePair {
                    seeker: s,
                    vacancy: v,
                    weight: f64::from(f32::from_bits(bits)),
                }),
        );
        if pairs.len() > most {
            return None;
        }
    }
    Some(pairs)
}

/// The assignment of seekers to vacancies with the largest total score,
/// each vacancy taking at most its open headcount, no pair that breaks a
/// hard constraint, seekers free to stay unassigned. One line per seeker,
/// in input order.
pub fn assign_all(caseload: &Caseload) -> Result<Assignment, AppError> {
    let seekers = caseload.seekers();
    let vacancies = caseload.vacancies();
    let chosen = optimal_pairs(caseload)?;
    let mut by_seeker: Vec<Option<usize>> = vec![None; seekers.len()];
    for (s, v) in chosen {
        by_seeker[s] = Some(v);
    }
    let mut total_score = 0.0;
    let mut assigned = 0;
    let lines = by_seeker
        .iter()
        .enumerate()
        .map(|(s, v)| match v {
            Some(v) => {
                let explanation = caseload.explain(s, *v);
                total_score += f64::from(explanation.score);
                assigned += 1;
                AssignmentLine {
                    format: ASSIGNMENT_FORMAT,
                    version: 1,
                    seeker_id: seekers[s].id.clone(),
                    vacancy_id: Some(vacancies[*v].id.clone()),
                    score: Some(explanation.score),
                    reasons: explanation.reasons,
                }
            }
            None => AssignmentLine {
                format: ASSIGNMENT_FORMAT,
                version: 1,
                seeker_id: seekers[s].id.clone(),
                vacancy_id: None,
                score: None,
                reasons: vec![],
            },
        })
        .collect();
    Ok(Assignment {
        lines,
        assigned,
        total_score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the test needs variety, not quality.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (self.0 >> 33) % n
        }
    }

    fn caseload(seed: u64, seekers: usize, vacancies: usize) -> Caseload {
        let mut r = Lcg(seed);
        let places = ["41273", "41390", "41271", "41410", "11110"];
        let jobs = ["82", "81", "87", "89"];
        let certs = ["용접기능사", "지게차운전기능사", "전기기능사"];
        let seekers = (0..seekers)
            .map(|i| SeekerProfile {
                id: format!("s{i}"),
                birth_year: None,
                sigungu: places[r.next(5) as usize].into(),
                desired_occupations: vec![jobs[r.next(4) as usize].into()],
                certificates: vec![certs[r.next(3) as usize].into()],
                skills: vec![],
                experience_years: r.next(10) as f32,
                experience_by_occupation: vec![],
                desired_wage_monthly: Some(2_500_000 + r.next(10) as i64 * 100_000),
                max_commute_km: Some(10 + r.next(40) as u32),
                accepts_shift: r.next(2) == 0,
                willing_to_relocate: false,
            })
            .collect();
        let vacancies = (0..vacancies)
            .map(|i| VacancyProfile {
                id: format!("v{i}"),
                company_id: "c".into(),
                occupation: jobs[r.next(4) as usize].into(),
                sigungu: places[r.next(5) as usize].into(),
                wage_monthly: Some(2_400_000 + r.next(12) as i64 * 100_000),
                required_certificates: if r.next(3) == 0 {
                    vec![certs[r.next(3) as usize].into()]
                } else {
                    vec![]
                },
                preferred_certificates: vec![],
                skills: vec![],
                min_experience_years: Some(r.next(4) as u32),
                shift_work: r.next(3) == 0,
                headcount: r.next(3) as u32,
                housing: false,
                commute_bus: false,
            })
            .collect();
        Caseload::new(seekers, vacancies).expect("valid synthetic caseload")
    }

    fn total(c: &Caseload, pairs: &[(usize, usize)]) -> f64 {
        pairs
            .iter()
            .map(|&(s, v)| f64::from(c.score(s, v).expect("only feasible pairs")))
            .sum()
    }

    #[test]
    fn keeping_each_vacancys_best_candidates_loses_nothing() {
        for seed in 0..40 {
            // Far more seekers than places, so the cut is real.
            let c = caseload(seed, 60, 8);
            let cut = optimal_pairs(&c).unwrap();
            let all = solve(
                &c,
                candidate_pairs_keeping(&c, usize::MAX, usize::MAX).unwrap(),
            )
            .unwrap();
            assert!(
                (total(&c, &cut) - total(&c, &all)).abs() < 1e-3,
                "seed {seed}: the cut to the best H candidates per vacancy must keep the optimum"
            );
            let mut taken = vec![0u32; c.vacancies().len()];
            for &(_, v) in &cut {
                taken[v] += 1;
            }
            for (v, n) in taken.iter().enumerate() {
                assert!(
                    *n <= c.vacancies()[v].headcount,
                    "seed {seed}: headcount of v{v}"
                );
            }
        }
    }

    #[test]
    fn candidate_pairs_stop_as_soon_as_there_are_too_many() {
        let c = caseload(3, 60, 8);
        let all = candidate_pairs(&c, usize::MAX).expect("no limit");
        assert!(all.len() > 5, "the synthetic caseload has pairs to cut");
        assert!(
            candidate_pairs(&c, 5).is_none(),
            "past the limit the desk refuses instead of solving"
        );
        assert_eq!(
            candidate_pairs(&c, all.len()).map(|p| p.len()),
            Some(all.len())
        );
    }
}
