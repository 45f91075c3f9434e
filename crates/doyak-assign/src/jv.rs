//! The Jonker–Volgenant shortest augmenting path solver on a dense, finite,
//! row-major cost matrix with no more rows than columns, minimising.
//!
//! Jonker & Volgenant, "A shortest augmenting path algorithm for dense and
//! sparse linear assignment problems", Computing 38 (1987). Column prices `v`
//! are the dual; a row's dual is implicit: `u[i] = min_j (c[i][j] - v[j])`,
//! attained at the row's assigned column. Every phase keeps that invariant, so
//! any phase may stop early and leave its free rows to the next.
//!
//! A square matrix runs the three cheap initialisation phases (column
//! reduction, reduction transfer, augmenting row reduction), which on typical
//! matrices assign most rows before the first shortest path is needed. A
//! rectangular one starts from `v = 0` and augments every row: the
//! initialisation would lower the price of columns that end up unassigned,
//! which breaks optimality when not every column is assigned (an unassigned
//! column must keep the highest price). Augmentation from `v = 0` only ever
//! lowers the prices of assigned columns, so that holds.
//!
//! The caller guarantees finite entries and `costs.len() == n_rows * n_cols`.

/// Marks a row or column that has no partner yet.
const NONE: usize = usize::MAX;

/// How many row scans augmenting row reduction may spend, per row, before it
/// leaves the remaining free rows to the shortest paths. On real-valued costs
/// its chains of displacements can lower a price by a tiny step at a time; the
/// shortest paths are exact whatever it leaves undone, so a bound costs
/// nothing in quality and keeps the phase from crawling.
const ROW_REDUCTION_SCANS_PER_ROW: usize = 8;

/// Solves the assignment; returns the column of each row. Every row is
/// assigned because `n_rows <= n_cols`.
pub(crate) fn solve(costs: &[f64], n_rows: usize, n_cols: usize) -> Vec<usize> {
    solve_bounded(costs, n_rows, n_cols, ROW_REDUCTION_SCANS_PER_ROW)
}

/// [`solve`] with the bound on augmenting row reduction as a parameter, so
/// the tests can check the result does not depend on it.
fn solve_bounded(costs: &[f64], n_rows: usize, n_cols: usize, scans_per_row: usize) -> Vec<usize> {
    debug_assert!(n_rows <= n_cols, "callers transpose tall matrices");
    debug_assert_eq!(costs.len(), n_rows * n_cols);
    let mut solver = Solver {
        costs,
        n_cols,
        row_to_col: vec![NONE; n_rows],
        col_to_row: vec![NONE; n_cols],
        v: vec![0.0; n_cols],
    };
    let free = if n_rows == n_cols {
        let free = solver.reduce_columns();
        solver.reduce_augmenting_rows(free, scans_per_row)
    } else {
        (0..n_rows).collect()
    };
    let mut scratch = PathScratch::new(n_cols);
    for row in free {
        solver.augment(row, &mut scratch);
    }
    solver.row_to_col
}

struct Solver<'a> {
    costs: &'a [f64],
    n_cols: usize,
    row_to_col: Vec<usize>,
    col_to_row: Vec<usize>,
    /// Column prices (the dual of the column constraints).
    v: Vec<f64>,
}

/// Buffers of one shortest path search, allocated once for all of them.
struct PathScratch {
    /// Distance from the free row to each column, in reduced costs.
    dist: Vec<f64>,
    /// The row through which each column was reached.
    pred: Vec<usize>,
    /// Column order: `[0, ready)` are settled, `[ready, todo_end)` are at the
    /// current minimum distance waiting to be scanned, the rest are unsettled.
    cols: Vec<usize>,
}

impl PathScratch {
    fn new(n_cols: usize) -> Self {
        Self {
            dist: vec![0.0; n_cols],
            pred: vec![0; n_cols],
            cols: vec![0; n_cols],
        }
    }
}

impl Solver<'_> {
    fn row(&self, i: usize) -> &[f64] {
        &self.costs[i * self.n_cols..(i + 1) * self.n_cols]
    }

    /// Column reduction then reduction transfer (square only). Returns the
    /// rows left free.
    fn reduce_columns(&mut self) -> Vec<usize> {
        let n = self.n_cols;
        // Each column's price becomes its minimum. Sweeping rows rather than
        // columns reads the row-major matrix in order; ties go to the lowest
        // row, as in the column sweep of the paper.
        let mut argmin = vec![0usize; n];
        self.v.fill(f64::INFINITY);
        for i in 0..self.row_to_col.len() {
            let row = &self.costs[i * n..(i + 1) * n];
            for ((vj, best), &c) in self.v.iter_mut().zip(argmin.iter_mut()).zip(row) {
                if c < *vj {
                    *vj = c;
                    *best = i;
                }
            }
        }
        // A row that is the minimum of several columns takes the first.
        let mut wins = vec![0u32; self.row_to_col.len()];
        for (j, &i) in argmin.iter().enumerate() {
            if wins[i] == 0 {
                self.row_to_col[i] = j;
                self.col_to_row[j] = i;
            }
            wins[i] += 1;
        }
        let mut free = Vec::new();
        for (i, &count) in wins.iter().enumerate() {
            match count {
                0 => free.push(i),
                // Reduction transfer: a row that won exactly one column moves
                // its slack onto that column's price (lowering it), so the row
                // is tied between that column and its next best and a later
                // phase can cheaply reroute it.
                1 => {
                    let j1 = self.row_to_col[i];
                    let row = self.row(i);
                    let mut slack = f64::INFINITY;
                    for (j, (&c, &vj)) in row.iter().zip(&self.v).enumerate() {
                        if j != j1 && c - vj < slack {
                            slack = c - vj;
                        }
                    }
                    if slack.is_finite() {
                        self.v[j1] -= slack;
                    }
                }
                _ => {}
            }
        }
        free
    }

    /// Augmenting row reduction, two passes as in the paper: each free row
    /// takes its cheapest column (displacing its holder), and the price of
    /// that column drops until the row is indifferent to its second best, so
    /// the displaced row has to look elsewhere. Returns the rows left free.
    fn reduce_augmenting_rows(&mut self, mut free: Vec<usize>, scans_per_row: usize) -> Vec<usize> {
        let mut budget = scans_per_row.saturating_mul(self.n_cols);
        for _pass in 0..2 {
            let mut next_free = Vec::with_capacity(free.len());
            let mut k = 0;
            while k < free.len() {
                if budget == 0 {
                    next_free.extend_from_slice(&free[k..]);
                    return next_free;
                }
                budget -= 1;
                let i = free[k];
                k += 1;
                let (mut j1, best, j2, second) = self.two_cheapest(i);
                let mut i0 = self.col_to_row[j1];
                let strictly_better = best < second;
                if strictly_better {
                    self.v[j1] -= second - best;
                } else if i0 != NONE {
                    // A tie: take the equally cheap second column instead,
                    // which may be free, rather than chase the holder around.
                    j1 = j2;
                    i0 = self.col_to_row[j1];
                }
                if i0 != NONE {
                    self.row_to_col[i0] = NONE;
                }
                self.row_to_col[i] = j1;
                self.col_to_row[j1] = i;
                if i0 != NONE {
                    if strictly_better {
                        // Reprocess the displaced row at once: its chain
                        // usually ends quickly at a free column.
                        k -= 1;
                        free[k] = i0;
                    } else {
                        next_free.push(i0);
                    }
                }
            }
            free = next_free;
        }
        free
    }

    /// The cheapest and second cheapest column of row `i` in reduced cost
    /// `c[i][j] - v[j]`: `(j1, min, j2, second_min)`. Needs two columns.
    fn two_cheapest(&self, i: usize) -> (usize, f64, usize, f64) {
        let row = self.row(i);
        let (mut j1, mut best) = (0, row[0] - self.v[0]);
        let (mut j2, mut second) = (NONE, f64::INFINITY);
        for (j, (&c, &vj)) in row.iter().zip(&self.v).enumerate().skip(1) {
            let h = c - vj;
            if h < second {
                if h >= best {
                    second = h;
                    j2 = j;
                } else {
                    second = best;
                    j2 = j1;
                    best = h;
                    j1 = j;
                }
            }
        }
        (j1, best, j2, second)
    }

    /// Finds a shortest augmenting path from `free_row` to an unassigned
    /// column (Dijkstra over reduced costs, settling all columns tied at the
    /// minimum distance together), updates the prices of the settled columns
    /// and flips the assignment along the path.
    fn augment(&mut self, free_row: usize, scratch: &mut PathScratch) {
        let n = self.n_cols;
        let PathScratch { dist, pred, cols } = scratch;
        for (j, ((d, p), c)) in dist
            .iter_mut()
            .zip(pred.iter_mut())
            .zip(cols.iter_mut())
            .enumerate()
        {
            *d = self.costs[free_row * n + j] - self.v[j];
            *p = free_row;
            *c = j;
        }
        let mut ready = 0; // cols[..ready] are settled
        let mut todo_end = 0; // cols[ready..todo_end] are at distance `min`
        let mut settled_before_min = 0;
        let mut min = 0.0;
        let end = 'search: loop {
            if todo_end == ready {
                // Nothing left at the current distance: gather every unsettled
                // column at the new minimum distance into the todo range.
                settled_before_min = ready;
                min = dist[cols[ready]];
                todo_end = ready + 1;
                for k in ready + 1..n {
                    let j = cols[k];
                    let h = dist[j];
                    if h <= min {
                        if h < min {
                            todo_end = ready;
                            min = h;
                        }
                        cols[k] = cols[todo_end];
                        cols[todo_end] = j;
                        todo_end += 1;
                    }
                }
                for &j in &cols[ready..todo_end] {
                    if self.col_to_row[j] == NONE {
                        break 'search j;
                    }
                }
            }
            // Scan the row holding the next column at the minimum distance.
            let j1 = cols[ready];
            ready += 1;
            let i = self.col_to_row[j1];
            let row = &self.costs[i * n..(i + 1) * n];
            let h = row[j1] - self.v[j1] - min;
            let mut k = todo_end;
            while k < n {
                let j = cols[k];
                let reduced = row[j] - self.v[j] - h;
                if reduced < dist[j] {
                    pred[j] = i;
                    if reduced == min {
                        if self.col_to_row[j] == NONE {
                            break 'search j;
                        }
                        cols[k] = cols[todo_end];
                        cols[todo_end] = j;
                        todo_end += 1;
                    }
                    dist[j] = reduced;
                }
                k += 1;
            }
        };
        // Columns settled before the last minimum was taken get cheaper by
        // how much closer than the path's end they are; that keeps every
        // reduced cost non-negative and the new path's edges tight.
        for &j in &cols[..settled_before_min] {
            self.v[j] += dist[j] - min;
        }
        let mut j = end;
        loop {
            let i = pred[j];
            self.col_to_row[j] = i;
            let previous = self.row_to_col[i];
            self.row_to_col[i] = j;
            if i == free_row {
                break;
            }
            j = previous;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random matrix (xorshift), so the unit tests
    /// need no dependency.
    fn matrix(n_rows: usize, n_cols: usize, seed: u64, levels: u64) -> Vec<f64> {
        let mut state = seed | 1;
        (0..n_rows * n_cols)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % levels) as f64
            })
            .collect()
    }

    fn total(costs: &[f64], n_cols: usize, row_to_col: &[usize]) -> f64 {
        row_to_col
            .iter()
            .enumerate()
            .map(|(i, &j)| costs[i * n_cols + j])
            .sum()
    }

    fn assert_is_assignment(row_to_col: &[usize], n_cols: usize) {
        let mut taken = vec![false; n_cols];
        for &j in row_to_col {
            assert!(
                j < n_cols && !taken[j],
                "column {j} must be taken once: {row_to_col:?}"
            );
            taken[j] = true;
        }
    }

    #[test]
    fn the_row_reduction_bound_changes_the_work_not_the_optimum() {
        // Few levels make many ties, where augmenting row reduction does the
        // most; the shortest paths must finish whatever it leaves.
        for (seed, levels) in [(1, 3), (2, 10), (3, 1000), (4, 1 << 40)] {
            let n = 40;
            let costs = matrix(n, n, seed, levels);
            let unbounded = solve_bounded(&costs, n, n, usize::MAX);
            for scans_per_row in [0, 1, ROW_REDUCTION_SCANS_PER_ROW] {
                let bounded = solve_bounded(&costs, n, n, scans_per_row);
                assert_is_assignment(&bounded, n);
                assert_eq!(
                    total(&costs, n, &bounded),
                    total(&costs, n, &unbounded),
                    "integer costs sum exactly, so any bound must reach the same optimum \
                     (seed {seed}, levels {levels}, bound {scans_per_row})"
                );
            }
        }
    }

    #[test]
    fn initialised_and_plain_shortest_paths_agree() {
        // The square path runs the initialisation; a rectangular matrix whose
        // extra column is too dear to use has the same optimum but is solved
        // by shortest paths alone, a second algorithm to check against.
        for seed in 1..20 {
            let n = 30;
            let square = matrix(n, n, seed, 50);
            let mut wide = Vec::with_capacity(n * (n + 1));
            for row in square.chunks(n) {
                wide.extend_from_slice(row);
                wide.push(1e6);
            }
            let a = solve(&square, n, n);
            let b = solve(&wide, n, n + 1);
            assert_is_assignment(&a, n);
            assert_is_assignment(&b, n + 1);
            assert_eq!(
                total(&square, n, &a),
                total(&wide, n + 1, &b),
                "seed {seed}"
            );
        }
    }
}
