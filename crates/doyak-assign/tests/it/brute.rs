//! Brute-force optima to check the solvers against: every assignment of a
//! small problem is tried.

/// The smallest total of a dense assignment of `min(n_rows, n_cols)` entries,
/// never using an entry where `forbidden` holds; `None` if every complete
/// assignment uses one.
pub fn dense_min(
    costs: &[f64],
    n_rows: usize,
    n_cols: usize,
    forbidden: impl Fn(f64) -> bool,
) -> Option<f64> {
    // Give each entry of the smaller side a distinct partner on the larger.
    let (small, large) = (n_rows.min(n_cols), n_rows.max(n_cols));
    let entry = |a: usize, b: usize| {
        if n_rows <= n_cols {
            costs[a * n_cols + b]
        } else {
            costs[b * n_cols + a]
        }
    };
    let mut taken = vec![false; large];
    let mut best = None;
    extend(
        0, 0.0, small, large, &entry, &forbidden, &mut taken, &mut best,
    );
    best
}

#[allow(clippy::too_many_arguments)]
fn extend(
    a: usize,
    sum: f64,
    small: usize,
    large: usize,
    entry: &impl Fn(usize, usize) -> f64,
    forbidden: &impl Fn(f64) -> bool,
    taken: &mut [bool],
    best: &mut Option<f64>,
) {
    if a == small {
        if best.is_none_or(|best| sum < best) {
            *best = Some(sum);
        }
        return;
    }
    for b in 0..large {
        let c = entry(a, b);
        if !taken[b] && !forbidden(c) {
            taken[b] = true;
            extend(a + 1, sum + c, small, large, entry, forbidden, taken, best);
            taken[b] = false;
        }
    }
}

/// The largest total weight of a caseload assignment: each seeker takes one
/// of its feasible vacancies with room left, or none.
pub fn caseload_max(n_seekers: usize, headcounts: &[u32], pairs: &[(usize, usize, f64)]) -> f64 {
    let mut room: Vec<u32> = headcounts.to_vec();
    choose(0, n_seekers, pairs, &mut room)
}

fn choose(seeker: usize, n_seekers: usize, pairs: &[(usize, usize, f64)], room: &mut [u32]) -> f64 {
    if seeker == n_seekers {
        return 0.0;
    }
    let mut best = choose(seeker + 1, n_seekers, pairs, room); // stays unassigned
    for &(s, v, w) in pairs {
        if s == seeker && room[v] > 0 {
            room[v] -= 1;
            best = best.max(w + choose(seeker + 1, n_seekers, pairs, room));
            room[v] += 1;
        }
    }
    best
}
