//! Ranking: the best vacancies for a seeker, the best seekers for a vacancy,
//! and the exact top-k of every seeker on all cores.
//!
//! The per-seeker scan is exact but skips work three ways, each safe:
//! - hard constraints prune whole buckets: a place beyond the seeker's limit
//!   costs only its 기숙사 vacancies, and nothing for a seeker who would not
//!   move; closed vacancies are in no bucket;
//! - occupation groups are visited best upper bound first, and the scan stops
//!   once a group's bound cannot beat the current k-th best;
//! - a vacancy whose cheap part plus the most its certificates and skills
//!   could add cannot beat the k-th best is dropped before those are tested.
//!
//! Ties are broken by id (byte order), through precomputed ranks, so the
//! order never depends on input order or on which thread scanned what.

use crate::explain::Reason;
use crate::index::{Caseload, NO_RUN};
use crate::score::{self, to_points};
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One ranked pair with the reasons a counselor reads out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub seeker: u32,
    pub vacancy: u32,
    /// 0..=100.
    pub score: f32,
    pub reasons: Vec<Reason>,
}

/// Sort key: points first, then the smaller id (higher `u32::MAX - rank`).
fn key(points: u32, rank: u32) -> u64 {
    u64::from(points) << 32 | u64::from(u32::MAX - rank)
}

/// The best key any pair scoring `points` could have.
fn best_key(points: u32) -> u64 {
    u64::from(points) << 32 | u64::from(u32::MAX)
}

/// The k best (key, item) seen so far.
struct TopK {
    k: usize,
    heap: BinaryHeap<Reverse<(u64, u32)>>,
    /// The worst key kept once `k` are kept, else 0 (below every key):
    /// cached because the scan asks for it on every vacancy.
    worst: u64,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
            worst: 0,
        }
    }

    /// Whether a pair scoring at most `points` could still enter.
    #[inline]
    fn could_enter(&self, points: u32) -> bool {
        best_key(points) > self.worst
    }

    #[inline]
    fn push(&mut self, key: u64, item: u32) {
        if key <= self.worst {
            return;
        }
        if self.heap.len() < self.k {
            self.heap.push(Reverse((key, item)));
        } else if let Some(mut worst) = self.heap.peek_mut() {
            *worst = Reverse((key, item));
        }
        if self.heap.len() == self.k
            && let Some(Reverse((worst, _))) = self.heap.peek()
        {
            self.worst = *worst;
        }
    }

    /// (item, points), best first.
    fn into_sorted(self) -> Vec<(u32, u32)> {
        let mut all: Vec<(u64, u32)> = self.heap.into_iter().map(|Reverse(e)| e).collect();
        all.sort_unstable_by_key(|&(key, _)| Reverse(key));
        all.into_iter()
            .map(|(key, item)| (item, (key >> 32) as u32))
            .collect()
    }
}

/// Per-thread buffers of the seeker scan, reused across seekers.
struct Scratch {
    /// Occupation points of the current seeker for each group.
    row: Vec<u32>,
    bound: Vec<u32>,
    order: Vec<u32>,
    /// Commute points per place for (bus, housing), valid when
    /// `stamp[place] == generation`.
    commute: Vec<[u32; 4]>,
    stamp: Vec<u32>,
    generation: u32,
    /// The (home, limit, willing to move) the commute cache is for: seekers
    /// who share all three share every commute score, and the bulk scan
    /// visits them in a row.
    commute_for: Option<(u32, Option<u32>, bool)>,
}

impl Scratch {
    fn new(c: &Caseload) -> Scratch {
        Scratch {
            row: vec![0; c.groups.len()],
            bound: vec![0; c.groups.len()],
            order: Vec::with_capacity(c.groups.len()),
            commute: vec![[0; 4]; c.places.len()],
            stamp: vec![0; c.places.len()],
            generation: 0,
            commute_for: None,
        }
    }
}

impl Caseload {
    /// The exact k best open vacancies for seeker `s`, as (vacancy, centi-points).
    fn scan_seeker(&self, s: usize, k: usize, scratch: &mut Scratch) -> Vec<(u32, u32)> {
        if k == 0 {
            return Vec::new();
        }
        let mut top = TopK::new(k);
        let sk = &self.seeker_keys[s];
        let held = self.holdings(s);
        for (g, group) in self.groups.iter().enumerate() {
            let points = self.best_occupation(s, group.occupation).0.points();
            scratch.row[g] = points;
            scratch.bound[g] = points + group.rest_ub + score::COMMUTE_MAX;
        }
        scratch.order.clear();
        scratch.order.extend(0..self.groups.len() as u32);
        let bound = &scratch.bound;
        scratch
            .order
            .sort_unstable_by_key(|&g| Reverse(bound[g as usize]));
        let commute_for = (sk.place, sk.limit_km, sk.relocate);
        if scratch.commute_for != Some(commute_for) {
            scratch.commute_for = Some(commute_for);
            scratch.generation = scratch.generation.wrapping_add(1);
            if scratch.generation == 0 {
                scratch.stamp.fill(0);
                scratch.generation = 1;
            }
        }
        let n_places = self.places.len();
        let home = sk.place as usize;
        let nearest = &self.by_distance[home * n_places..(home + 1) * n_places];
        let distances = &self.distance[home * n_places..(home + 1) * n_places];

        for &g in &scratch.order {
            let g = g as usize;
            if !top.could_enter(scratch.bound[g]) {
                // Groups come in falling bound order: none after can either.
                break;
            }
            let occupation = scratch.row[g];
            let group_ub = occupation + self.groups[g].rest_ub;
            // Every vacancy of a group has the same occupation, so the
            // experience that counts toward it is the same too.
            let experience = self.experience_for(s, self.groups[g].occupation);
            for &place in nearest {
                let place = place as usize;
                let d = distances[place];
                let within = sk.limit_km.is_none_or(|limit| d <= f64::from(limit));
                if !within && !sk.relocate {
                    // Nearest first: every place from here on is beyond the
                    // limit too, and without 기숙사 none is allowed.
                    break;
                }
                if scratch.stamp[place] != scratch.generation {
                    scratch.stamp[place] = scratch.generation;
                    scratch.commute[place] = std::array::from_fn(|i| {
                        let housing = i & 2 == 2 && sk.relocate;
                        score::commute_fit(d, sk.limit_km, i & 1 == 1, housing).points()
                    });
                }
                let commute = scratch.commute[place];
                // Places come nearest first, and the best commute points a
                // place allows never rise with distance (the bus variant
                // falls, 기숙사's floor is constant), so once a place cannot
                // beat the k-th best, no farther one can.
                let best_commute = commute.iter().copied().max().unwrap_or(0);
                if !top.could_enter(group_ub + best_commute) {
                    break;
                }
                let r = self.run_at[g * n_places + place];
                if r == NO_RUN {
                    continue;
                }
                let run = &self.runs[r as usize];
                // Beyond the limit only 기숙사 vacancies (the run's prefix)
                // are allowed, for a seeker willing to move.
                let end = if within { run.end } else { run.housing_end };
                for e in &self.scan[run.start as usize..end as usize] {
                    if e.shift && !sk.accepts_shift {
                        continue;
                    }
                    let near = occupation + commute[usize::from(e.combo)];
                    if !top.could_enter(near + e.rest_ub) {
                        continue;
                    }
                    let base = near
                        + score::experience_points(experience, e.min_experience)
                        + score::wage_points(sk.wage, e.wage);
                    if !top.could_enter(base + e.listed_ub) {
                        continue;
                    }
                    let certs = &self.scan_certs[e.certs.0 as usize..e.certs.1 as usize];
                    if held.missing_required(&certs[..e.required as usize]) {
                        continue;
                    }
                    let skills = &self.scan_skills[e.skills.0 as usize..e.skills.1 as usize];
                    let points = base + held.certificate_points(certs) + held.skill_points(skills);
                    top.push(key(points, e.rank), e.vacancy);
                }
            }
        }
        top.into_sorted()
    }

    /// The pair's score (0..=100), `None` when a hard constraint is broken.
    /// This is the number the assignment step optimises.
    ///
    /// # Panics
    /// When either index is out of range.
    pub fn score(&self, seeker: usize, vacancy: usize) -> Option<f32> {
        self.pair_points(seeker, vacancy).map(to_points)
    }

    /// The `k` best open vacancies for a seeker, best first, with reasons.
    ///
    /// # Panics
    /// When `seeker` is out of range.
    pub fn rank_vacancies(&self, seeker: usize, k: usize) -> Vec<Ranked> {
        let mut scratch = Scratch::new(self);
        self.scan_seeker(seeker, k, &mut scratch)
            .into_iter()
            .map(|(v, _)| self.ranked(seeker, v as usize))
            .collect()
    }

    /// The `k` best seekers for a vacancy, best first, with reasons. A closed
    /// vacancy (no headcount left) has none.
    ///
    /// # Panics
    /// When `vacancy` is out of range.
    pub fn rank_seekers(&self, vacancy: usize, k: usize) -> Vec<Ranked> {
        let mut top = TopK::new(k);
        if k > 0 && self.vacancy_keys[vacancy].open {
            for s in 0..self.seekers.len() {
                if let Some(points) = self.pair_points(s, vacancy) {
                    top.push(key(points, self.seeker_rank[s]), s as u32);
                }
            }
        }
        top.into_sorted()
            .into_iter()
            .map(|(s, _)| self.ranked(s as usize, vacancy))
            .collect()
    }

    fn ranked(&self, seeker: usize, vacancy: usize) -> Ranked {
        let e = self.explain(seeker, vacancy);
        Ranked {
            seeker: seeker as u32,
            vacancy: vacancy as u32,
            score: e.score,
            reasons: e.reasons,
        }
    }

    /// The exact `k` best open vacancies of every seeker, as (vacancy index,
    /// score), on `threads` threads (at least one). No reasons: explain the
    /// pairs shown.
    pub fn top_k_all_seekers(&self, k: usize, threads: usize) -> Vec<Vec<(u32, f32)>> {
        const CHUNK: usize = 64;
        let n = self.seekers.len();
        // Seekers who live in the same place with the same limit in a row,
        // so the commute cache carries over from one to the next.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&s| {
            let sk = &self.seeker_keys[s as usize];
            (sk.place, sk.limit_km, sk.relocate, s)
        });
        let scan = |s: usize, scratch: &mut Scratch| -> Vec<(u32, f32)> {
            let top = self.scan_seeker(s, k, scratch);
            top.into_iter().map(|(v, p)| (v, to_points(p))).collect()
        };
        if threads <= 1 {
            let mut scratch = Scratch::new(self);
            let mut results = vec![Vec::new(); n];
            for &s in &order {
                results[s as usize] = scan(s as usize, &mut scratch);
            }
            return results;
        }
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Vec<(u32, f32)>>> = Mutex::new(vec![Vec::new(); n]);
        std::thread::scope(|scope| {
            for _ in 0..threads.max(1) {
                scope.spawn(|| {
                    let mut scratch = Scratch::new(self);
                    let mut done: Vec<(usize, Vec<(u32, f32)>)> = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= n {
                            break;
                        }
                        for &s in &order[start..(start + CHUNK).min(n)] {
                            done.push((s as usize, scan(s as usize, &mut scratch)));
                        }
                    }
                    // One lock per thread, at the end: the scan never waits.
                    let mut results = results.lock().unwrap_or_else(|e| e.into_inner());
                    for (s, top) in done {
                        results[s] = top;
                    }
                });
            }
        });
        results.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use crate::{Caseload, SeekerProfile, VacancyProfile};

    fn seeker(id: &str) -> SeekerProfile {
        SeekerProfile {
            id: id.into(),
            birth_year: None,
            sigungu: "41273".into(),
            desired_occupations: vec!["82".into()],
            certificates: vec![],
            skills: vec![],
            experience_years: 0.0,
            experience_by_occupation: vec![],
            desired_wage_monthly: None,
            max_commute_km: Some(20),
            accepts_shift: true,
            willing_to_relocate: false,
        }
    }

    fn vacancy(id: &str) -> VacancyProfile {
        VacancyProfile {
            id: id.into(),
            company_id: "c".into(),
            occupation: "82".into(),
            sigungu: "41273".into(),
            wage_monthly: None,
            required_certificates: vec![],
            preferred_certificates: vec![],
            skills: vec![],
            min_experience_years: None,
            shift_work: false,
            headcount: 1,
            housing: false,
            commute_bus: false,
        }
    }

    #[test]
    fn equal_scores_are_ordered_by_id_not_by_input_order() {
        let c = Caseload::new(
            vec![seeker("s-b"), seeker("s-a")],
            vec![vacancy("v-b"), vacancy("v-c"), vacancy("v-a")],
        )
        .expect("valid");
        let ids: Vec<&str> = c
            .rank_vacancies(0, 3)
            .iter()
            .map(|r| c.vacancies()[r.vacancy as usize].id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["v-a", "v-b", "v-c"],
            "identical vacancies tie; the id decides"
        );
        let ids: Vec<&str> = c
            .rank_seekers(0, 2)
            .iter()
            .map(|r| c.seekers()[r.seeker as usize].id.as_str())
            .collect();
        assert_eq!(ids, ["s-a", "s-b"], "the same on the vacancy side");
        assert_eq!(
            c.top_k_all_seekers(2, 0)[1],
            vec![(2, 82.5), (0, 82.5)],
            "0 threads means 1. Each scores 30 (same code) + 5 + 7.5 (no certificates, no \
             skills listed) + 10 (no minimum) + 5 (wage unknown) + 25 (same place) = 82.5, \
             and v-a (index 2) comes first"
        );
    }

    #[test]
    fn nothing_is_ranked_for_k_zero_or_a_vacancy_with_no_places_left() {
        let mut closed = vacancy("v-closed");
        closed.headcount = 0;
        let c = Caseload::new(vec![seeker("s")], vec![closed]).expect("valid");
        assert!(
            c.rank_vacancies(0, 10).is_empty(),
            "0 open places: not rankable"
        );
        assert!(c.rank_seekers(0, 10).is_empty());
        assert_eq!(c.score(0, 0), None);
        let c = Caseload::new(vec![seeker("s")], vec![vacancy("v")]).expect("valid");
        assert!(c.rank_vacancies(0, 0).is_empty(), "k = 0 asks for nothing");
        assert_eq!(c.top_k_all_seekers(0, 2), vec![Vec::new()]);
    }

    #[test]
    fn a_caseload_with_a_repeated_id_is_refused_with_both_positions() {
        let err = Caseload::new(vec![seeker("s")], vec![vacancy("v"), vacancy("v")])
            .expect_err("two vacancies share an id");
        assert_eq!(err.to_string(), "구인 1번: id 'v'가 0번과 겹칩니다.");
        assert_eq!(err.code(), "duplicate_id");
    }
}
