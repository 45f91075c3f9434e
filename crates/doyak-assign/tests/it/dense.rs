//! The dense solver: optimal against brute force, SciPy's semantics for
//! rectangles, maximising and infinities, and the errors.

use doyak_assign::{AssignError, Assignment, Objective, linear_sum_assignment};
use expect_test::{Expect, expect};
use proptest::prelude::*;

use crate::brute;

/// Checks `a` is a complete assignment of the matrix and its total is the
/// sum of its entries.
fn assert_valid(a: &Assignment, costs: &[f64], n_rows: usize, n_cols: usize) {
    assert_eq!(a.row_to_col.len(), n_rows, "one answer per row");
    let mut taken = vec![false; n_cols];
    let mut sum = 0.0;
    for (row, col) in a.pairs() {
        assert!(
            !taken[col],
            "column {col} is taken twice in {:?}",
            a.row_to_col
        );
        taken[col] = true;
        sum += costs[row * n_cols + col];
    }
    assert_eq!(
        a.pairs().count(),
        n_rows.min(n_cols),
        "the smaller side is fully assigned"
    );
    assert!(
        (a.total - sum).abs() <= 1e-9 * (1.0 + sum.abs()),
        "total {} ≠ sum {sum}",
        a.total
    );
}

/// A matrix of the given shape whose entries come from `entry`.
fn matrix(
    entry: impl Strategy<Value = f64> + Clone,
) -> impl Strategy<Value = (Vec<f64>, usize, usize)> {
    (0..=7usize, 0..=7usize).prop_flat_map(move |(n_rows, n_cols)| {
        (
            proptest::collection::vec(entry.clone(), n_rows * n_cols),
            Just(n_rows),
            Just(n_cols),
        )
    })
}

/// Small integers, so ties, zeros and negatives are common and sums exact.
fn small_integer() -> impl Strategy<Value = f64> + Clone {
    (-5i32..=5).prop_map(f64::from)
}

/// Like [`small_integer`], but about one entry in six is forbidden.
fn sometimes_forbidden(forbidden: f64) -> impl Strategy<Value = f64> + Clone {
    prop_oneof![5 => small_integer(), 1 => Just(forbidden)]
}

proptest! {
    #[test]
    fn minimising_finds_the_brute_force_optimum((costs, n_rows, n_cols) in matrix(small_integer())) {
        let a = linear_sum_assignment(&costs, n_rows, n_cols, Objective::Minimize).unwrap();
        assert_valid(&a, &costs, n_rows, n_cols);
        let best = brute::dense_min(&costs, n_rows, n_cols, |_| false).unwrap();
        prop_assert_eq!(a.total, best);
    }

    #[test]
    fn maximising_finds_the_brute_force_optimum((costs, n_rows, n_cols) in matrix(small_integer())) {
        let a = linear_sum_assignment(&costs, n_rows, n_cols, Objective::Maximize).unwrap();
        assert_valid(&a, &costs, n_rows, n_cols);
        let negated: Vec<f64> = costs.iter().map(|c| -c).collect();
        let best = -brute::dense_min(&negated, n_rows, n_cols, |_| false).unwrap();
        prop_assert_eq!(a.total, best);
    }

    #[test]
    fn real_valued_costs_reach_the_optimum_within_rounding(
        (costs, n_rows, n_cols) in matrix(-1.0f64..1.0),
    ) {
        let a = linear_sum_assignment(&costs, n_rows, n_cols, Objective::Minimize).unwrap();
        assert_valid(&a, &costs, n_rows, n_cols);
        let best = brute::dense_min(&costs, n_rows, n_cols, |_| false).unwrap();
        prop_assert!((a.total - best).abs() < 1e-9, "{} vs {}", a.total, best);
    }

    #[test]
    fn forbidden_entries_are_avoided_or_reported_infeasible(
        (costs, n_rows, n_cols) in matrix(sometimes_forbidden(f64::INFINITY)),
    ) {
        let result = linear_sum_assignment(&costs, n_rows, n_cols, Objective::Minimize);
        match brute::dense_min(&costs, n_rows, n_cols, f64::is_infinite) {
            Some(best) => {
                let a = result.unwrap();
                assert_valid(&a, &costs, n_rows, n_cols);
                prop_assert_eq!(a.total, best);
            }
            None => prop_assert_eq!(result, Err(AssignError::Infeasible)),
        }
    }

    #[test]
    fn minus_infinity_is_forbidden_when_maximising(
        (costs, n_rows, n_cols) in matrix(sometimes_forbidden(f64::NEG_INFINITY)),
    ) {
        let result = linear_sum_assignment(&costs, n_rows, n_cols, Objective::Maximize);
        let negated: Vec<f64> = costs.iter().map(|c| -c).collect();
        match brute::dense_min(&negated, n_rows, n_cols, f64::is_infinite) {
            Some(best) => {
                let a = result.unwrap();
                assert_valid(&a, &costs, n_rows, n_cols);
                prop_assert_eq!(a.total, -best);
            }
            None => prop_assert_eq!(result, Err(AssignError::Infeasible)),
        }
    }
}

/// Renders the solution of a small matrix for a snapshot.
fn check(costs: &[&[f64]], objective: Objective, expect: Expect) {
    let n_rows = costs.len();
    let n_cols = costs.first().map_or(0, |row| row.len());
    let flat: Vec<f64> = costs.concat();
    let rendered = match linear_sum_assignment(&flat, n_rows, n_cols, objective) {
        Ok(a) => {
            let cols: Vec<String> = a
                .row_to_col
                .iter()
                .map(|c| c.map_or("-".to_owned(), |c| c.to_string()))
                .collect();
            format!("cols {} total {}", cols.join(" "), a.total)
        }
        Err(e) => format!("error: {e}"),
    };
    expect.assert_eq(&rendered);
}

#[test]
fn scipy_documentation_example() {
    // The example of scipy.optimize.linear_sum_assignment's docstring, whose
    // documented answer is columns [1, 0, 2] with total 5.
    check(
        &[&[4.0, 1.0, 3.0], &[2.0, 0.0, 5.0], &[3.0, 2.0, 2.0]],
        Objective::Minimize,
        expect!["cols 1 0 2 total 5"],
    );
}

#[test]
fn greedy_smallest_first_is_not_optimal() {
    // Greedy takes the smallest entry, 1 at (0, 0), which forces 100 at
    // (1, 1): 101. Taking the two 2s costs 4.
    let costs = [1.0, 2.0, 2.0, 100.0];
    let a = linear_sum_assignment(&costs, 2, 2, Objective::Minimize).unwrap();
    assert_eq!(
        a.total, 4.0,
        "greedy's 1 + 100 loses to 2 + 2: the solver must not take the 1"
    );
}

#[test]
fn greedy_largest_first_is_not_optimal_when_maximising() {
    // Greedy takes 10 at (0, 0); what is left of rows 1 and 2 gives 1 + 1.
    // Giving row 0 its 9 lets rows 1 and 2 take their 8s: 9 + 8 + 8 = 25 > 12.
    let costs = [
        10.0, 9.0, 0.0, //
        8.0, 1.0, 0.0, //
        1.0, 0.0, 8.0,
    ];
    let a = linear_sum_assignment(&costs, 3, 3, Objective::Maximize).unwrap();
    assert_eq!(
        a.total, 25.0,
        "10 first blocks row 1's 8; 9 + 8 + 8 = 25 is the optimum"
    );
}

#[test]
fn rectangles_assign_the_smaller_side() {
    // Wide: both rows assigned, one column left over.
    check(
        &[&[5.0, 1.0, 9.0], &[1.0, 5.0, 9.0]],
        Objective::Minimize,
        expect!["cols 1 0 total 2"],
    );
    // Tall: both columns assigned, one row left without.
    check(
        &[&[5.0, 1.0], &[9.0, 9.0], &[1.0, 5.0]],
        Objective::Minimize,
        expect!["cols 1 - 0 total 2"],
    );
    check(&[], Objective::Minimize, expect!["cols  total 0"]);
    check(
        &[&[], &[]],
        Objective::Maximize,
        expect!["cols - - total 0"],
    );
}

#[test]
fn invalid_and_infeasible_matrices_are_refused() {
    let inf = f64::INFINITY;
    check(
        &[&[1.0, f64::NAN]],
        Objective::Minimize,
        expect!["error: entry (0, 1) is NaN, which is not a usable cost"],
    );
    check(
        &[&[1.0], &[-inf]],
        Objective::Minimize,
        expect!["error: entry (1, 0) is -inf, which is not a usable cost"],
    );
    check(
        &[&[inf, 1.0]],
        Objective::Maximize,
        expect!["error: entry (0, 0) is inf, which is not a usable cost"],
    );
    check(
        &[&[inf, 1.0], &[inf, 2.0]],
        Objective::Minimize,
        expect!["error: no complete assignment avoids the forbidden (infinite) entries"],
    );
    check(
        &[&[inf, 1.0], &[2.0, inf]],
        Objective::Minimize,
        expect!["cols 1 0 total 3"],
    );
    check(
        &[&[inf, -1e308], &[1e308, inf]],
        Objective::Minimize,
        expect!["error: the finite costs span too wide a range to price the forbidden entries"],
    );
}
