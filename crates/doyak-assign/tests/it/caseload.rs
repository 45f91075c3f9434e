//! The caseload assignment: optimal against brute force and against the
//! dense solver on the expanded matrix; headcounts, feasibility and errors.

use std::collections::HashMap;

use doyak_assign::{AssignError, FeasiblePair, Objective, assign, linear_sum_assignment};
use expect_test::{Expect, expect};
use proptest::prelude::*;

use crate::brute;

fn pairs_of(raw: &[(usize, usize, f64)]) -> Vec<FeasiblePair> {
    raw.iter()
        .map(|&(seeker, vacancy, weight)| FeasiblePair {
            seeker,
            vacancy,
            weight,
        })
        .collect()
}

/// Checks the proposal is a valid assignment and returns its total weight.
fn checked_total(
    n_seekers: usize,
    headcounts: &[u32],
    raw: &[(usize, usize, f64)],
    proposal: &[(usize, usize)],
) -> f64 {
    let weights: HashMap<(usize, usize), f64> = raw.iter().map(|&(s, v, w)| ((s, v), w)).collect();
    let mut seeker_used = vec![false; n_seekers];
    let mut filled = vec![0u32; headcounts.len()];
    let mut total = 0.0;
    for &(s, v) in proposal {
        assert!(
            !seeker_used[s],
            "seeker {s} is proposed twice: {proposal:?}"
        );
        seeker_used[s] = true;
        filled[v] += 1;
        assert!(
            filled[v] <= headcounts[v],
            "vacancy {v} is over its headcount: {proposal:?}"
        );
        total += weights
            .get(&(s, v))
            .unwrap_or_else(|| panic!("({s}, {v}) is not a feasible pair"));
    }
    assert!(
        proposal.windows(2).all(|w| w[0].0 < w[1].0),
        "ordered by seeker: {proposal:?}"
    );
    total
}

/// A caseload: seekers, headcounts and feasible pairs with distinct
/// (seeker, vacancy) and integer weights, so totals are exact.
fn caseload(
    max_seekers: usize,
    max_vacancies: usize,
    max_headcount: u32,
    max_weight: u32,
) -> impl Strategy<Value = (usize, Vec<u32>, Vec<(usize, usize, f64)>)> {
    (0..=max_seekers, 1..=max_vacancies).prop_flat_map(move |(n_seekers, n_vacancies)| {
        let cells = n_seekers * n_vacancies;
        (
            Just(n_seekers),
            proptest::collection::vec(0..=max_headcount, n_vacancies),
            // Each cell is a pair with probability about 1/2, weight 1..=max.
            proptest::collection::vec(proptest::option::of(1..=max_weight), cells),
        )
            .prop_map(move |(n_seekers, headcounts, cells)| {
                let raw = cells
                    .iter()
                    .enumerate()
                    .filter_map(|(cell, w)| {
                        w.map(|w| (cell / n_vacancies, cell % n_vacancies, f64::from(w)))
                    })
                    .collect();
                (n_seekers, headcounts, raw)
            })
    })
}

/// The optimum by the dense solver: each vacancy expanded into `headcount`
/// identical slot columns, every seeker a row, infeasible cells weight 0,
/// maximised. This is exact because weights are positive: any assignment on
/// feasible pairs becomes a complete assignment of the matrix with the same
/// total by filling the remaining rows (or columns) with zero cells, and any
/// complete assignment of the matrix, with its zero cells dropped, is an
/// assignment on feasible pairs with the same total. So both optima are equal.
fn dense_expansion_max(n_seekers: usize, headcounts: &[u32], raw: &[(usize, usize, f64)]) -> f64 {
    let slot_vacancy: Vec<usize> = headcounts
        .iter()
        .enumerate()
        .flat_map(|(v, &h)| std::iter::repeat_n(v, h as usize))
        .collect();
    let n_slots = slot_vacancy.len();
    let mut weights = vec![0.0; n_seekers * n_slots];
    for &(s, v, w) in raw {
        for (slot, _) in slot_vacancy.iter().enumerate().filter(|&(_, &sv)| sv == v) {
            weights[s * n_slots + slot] = w;
        }
    }
    linear_sum_assignment(&weights, n_seekers, n_slots, Objective::Maximize)
        .unwrap()
        .total
}

proptest! {
    #[test]
    fn finds_the_brute_force_optimum((n_seekers, headcounts, raw) in caseload(6, 4, 3, 5)) {
        let proposal = assign(n_seekers, &headcounts, &pairs_of(&raw)).unwrap();
        let total = checked_total(n_seekers, &headcounts, &raw, &proposal);
        prop_assert_eq!(total, brute::caseload_max(n_seekers, &headcounts, &raw));
    }

    #[test]
    fn agrees_with_the_dense_solver_on_the_expanded_matrix(
        (n_seekers, headcounts, raw) in caseload(30, 8, 4, 20),
    ) {
        let proposal = assign(n_seekers, &headcounts, &pairs_of(&raw)).unwrap();
        let total = checked_total(n_seekers, &headcounts, &raw, &proposal);
        prop_assert_eq!(total, dense_expansion_max(n_seekers, &headcounts, &raw));
    }
}

/// Renders a proposal for a snapshot.
fn check(n_seekers: usize, headcounts: &[u32], raw: &[(usize, usize, f64)], expect: Expect) {
    let rendered = match assign(n_seekers, headcounts, &pairs_of(raw)) {
        Ok(proposal) => {
            let total = checked_total(n_seekers, headcounts, raw, &proposal);
            let pairs: Vec<String> = proposal.iter().map(|(s, v)| format!("s{s}→v{v}")).collect();
            format!("{} total {total}", pairs.join(" "))
        }
        Err(e) => format!("error: {e}"),
    };
    expect.assert_eq(&rendered);
}

#[test]
fn the_best_single_fit_is_not_always_taken() {
    // Greedy gives seeker 0 their best, vacancy 0 (10), and seeker 1, who
    // fits only vacancy 0, gets nothing: 10. Sending seeker 0 to vacancy 1
    // (9) leaves vacancy 0 for seeker 1 (8): 17.
    check(
        2,
        &[1, 1],
        &[(0, 0, 10.0), (0, 1, 9.0), (1, 0, 8.0)],
        expect!["s0→v1 s1→v0 total 17"],
    );
}

#[test]
fn a_later_seeker_can_displace_an_earlier_one() {
    // Seekers enter in order; seeker 0 first takes the only place, then
    // seeker 1 fits it much better and seeker 0 has nowhere else to go.
    check(
        2,
        &[1],
        &[(0, 0, 1.0), (1, 0, 5.0)],
        expect!["s1→v0 total 5"],
    );
}

#[test]
fn a_vacancy_takes_up_to_its_headcount_and_chains_reroute() {
    // Vacancy 0 takes two seekers, vacancy 1 one. Greedy by weight fills
    // vacancy 0 with seekers 0 (10) and 1 (8), and seeker 2, who fits only
    // vacancy 0, is left out: 18. Sending seeker 0 to vacancy 1 (9) makes
    // room for both others in vacancy 0 (8 + 7): 24.
    check(
        3,
        &[2, 1],
        &[(0, 0, 10.0), (0, 1, 9.0), (1, 0, 8.0), (2, 0, 7.0)],
        expect!["s0→v1 s1→v0 s2→v0 total 24"],
    );
}

#[test]
fn vacancies_without_headcount_and_seekers_without_pairs_stay_empty() {
    check(
        3,
        &[0, 2],
        &[(0, 0, 9.0), (1, 1, 1.0)],
        expect!["s1→v1 total 1"],
    );
    check(0, &[], &[], expect![" total 0"]);
}

#[test]
fn malformed_pairs_are_refused() {
    let refused = |n_seekers, headcounts: &[u32], raw: &[(usize, usize, f64)]| {
        assign(n_seekers, headcounts, &pairs_of(raw)).unwrap_err()
    };
    assert_eq!(
        refused(1, &[1], &[(1, 0, 1.0)]),
        AssignError::SeekerOutOfRange {
            index: 0,
            seeker: 1,
            n_seekers: 1
        }
    );
    assert_eq!(
        refused(1, &[1], &[(0, 0, 1.0), (0, 3, 1.0)]),
        AssignError::VacancyOutOfRange {
            index: 1,
            vacancy: 3,
            n_vacancies: 1
        }
    );
    assert_eq!(
        refused(1, &[1], &[(0, 0, 0.0)]),
        AssignError::InvalidWeight {
            index: 0,
            weight: 0.0
        }
    );
    assert!(matches!(
        refused(1, &[1], &[(0, 0, f64::NAN)]),
        AssignError::InvalidWeight { index: 0, .. }
    ));
    assert_eq!(
        refused(2, &[1, 1], &[(1, 1, 2.0), (0, 0, 1.0), (1, 1, 3.0)]),
        AssignError::DuplicatePair {
            seeker: 1,
            vacancy: 1
        }
    );
}
