//! The dense linear sum assignment problem, with the semantics of SciPy's
//! `scipy.optimize.linear_sum_assignment`: checks the matrix, turns it into a
//! finite minimisation with no more rows than columns, and hands it to the
//! Jonker–Volgenant solver.

use std::borrow::Cow;

use crate::AssignError;
use crate::jv;

/// Whether the total of the chosen entries should be as small or as large as
/// possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    Minimize,
    Maximize,
}

/// An optimal assignment of a dense matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The column of each row. With no more rows than columns every row has
    /// one; otherwise every column is taken by exactly one row and the other
    /// rows have `None`.
    pub row_to_col: Vec<Option<usize>>,
    /// The sum of the chosen entries of the matrix as given.
    pub total: f64,
}

impl Assignment {
    /// The chosen `(row, col)` entries, by row.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.row_to_col
            .iter()
            .enumerate()
            .filter_map(|(row, col)| col.map(|col| (row, col)))
    }
}

/// Chooses at most one entry in each row and each column, as many as the
/// smaller side allows, so that their total is the smallest (or largest)
/// possible: the rectangular linear sum assignment problem.
///
/// `costs` is row-major, `n_rows × n_cols`. An infinite entry is forbidden:
/// `+inf` when minimising, `-inf` when maximising. It is allowed only where a
/// complete assignment avoiding every forbidden entry still exists, otherwise
/// the answer is [`AssignError::Infeasible`]. NaN, and the infinity of the
/// other sign (which would make the total unbounded), are
/// [`AssignError::InvalidEntry`].
///
/// Costs are `f64` throughout. Integer costs up to 2^53 / n are summed
/// exactly; other costs give a total within rounding of the optimum. A
/// matrix with forbidden entries prices them at a finite value above any
/// complete assignment, so its finite entries should not span more than
/// about 1e12 for the result to stay exact.
///
/// The matrix is borrowed as is when minimising a matrix with no more rows
/// than columns and no forbidden entries; otherwise one working copy is made.
pub fn linear_sum_assignment(
    costs: &[f64],
    n_rows: usize,
    n_cols: usize,
    objective: Objective,
) -> Result<Assignment, AssignError> {
    if n_rows.checked_mul(n_cols) != Some(costs.len()) {
        return Err(AssignError::DimensionMismatch {
            len: costs.len(),
            n_rows,
            n_cols,
        });
    }
    let sign = match objective {
        Objective::Minimize => 1.0,
        Objective::Maximize => -1.0,
    };
    let scan = scan(costs, n_cols, sign)?;
    let assigned = n_rows.min(n_cols);
    if assigned == 0 {
        return Ok(Assignment {
            row_to_col: vec![None; n_rows],
            total: 0.0,
        });
    }
    let forbidden_price = match (scan.has_forbidden, scan.finite_range) {
        (false, _) => None,
        (true, None) => return Err(AssignError::Infeasible),
        (true, Some((lo, hi))) => {
            // Any complete assignment of `assigned` entries that avoids the
            // forbidden ones costs at most `assigned * hi`; one that uses a
            // forbidden entry at least `(assigned - 1) * lo + price`. This
            // price is above the difference, so the solver uses a forbidden
            // entry only when every complete assignment does.
            let price = hi + (assigned as f64) * (hi - lo + 1.0);
            if !price.is_finite() {
                return Err(AssignError::CostRangeTooWide);
            }
            Some(price)
        }
    };
    let transposed = n_rows > n_cols;
    let (work_rows, work_cols) = if transposed {
        (n_cols, n_rows)
    } else {
        (n_rows, n_cols)
    };
    let work: Cow<'_, [f64]> = if sign > 0.0 && forbidden_price.is_none() && !transposed {
        Cow::Borrowed(costs)
    } else {
        let to_min = |c: f64| match forbidden_price {
            Some(price) if c.is_infinite() => price,
            _ => sign * c,
        };
        Cow::Owned(if transposed {
            transpose(costs, n_rows, n_cols, to_min)
        } else {
            costs.iter().map(|&c| to_min(c)).collect()
        })
    };
    let work_row_to_col = jv::solve(&work, work_rows, work_cols);
    drop(work);

    let mut row_to_col = vec![None; n_rows];
    for (work_row, &work_col) in work_row_to_col.iter().enumerate() {
        let (row, col) = if transposed {
            (work_col, work_row)
        } else {
            (work_row, work_col)
        };
        row_to_col[row] = Some(col);
    }
    let mut total = 0.0;
    for (row, col) in row_to_col.iter().enumerate() {
        if let Some(col) = *col {
            let c = costs[row * n_cols + col];
            if c.is_infinite() {
                return Err(AssignError::Infeasible);
            }
            total += c;
        }
    }
    Ok(Assignment { row_to_col, total })
}

/// What one pass over the matrix learns.
struct Scan {
    /// Whether some entry is forbidden.
    has_forbidden: bool,
    /// The smallest and largest finite entry, in the minimising sign.
    finite_range: Option<(f64, f64)>,
}

fn scan(costs: &[f64], n_cols: usize, sign: f64) -> Result<Scan, AssignError> {
    let mut has_forbidden = false;
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for (index, &c) in costs.iter().enumerate() {
        let c_min = sign * c;
        if c_min.is_finite() {
            lo = lo.min(c_min);
            hi = hi.max(c_min);
        } else if c_min == f64::INFINITY {
            has_forbidden = true;
        } else {
            let (row, col) = (index / n_cols, index % n_cols);
            return Err(AssignError::InvalidEntry { row, col, value: c });
        }
    }
    let finite_range = (lo <= hi).then_some((lo, hi));
    Ok(Scan {
        has_forbidden,
        finite_range,
    })
}

/// The `n_cols × n_rows` transpose of a row-major matrix, mapping each entry,
/// copied in tiles so both sides are read and written a cache line at a time.
fn transpose(costs: &[f64], n_rows: usize, n_cols: usize, map: impl Fn(f64) -> f64) -> Vec<f64> {
    const TILE: usize = 32;
    let mut out = vec![0.0; costs.len()];
    for row_start in (0..n_rows).step_by(TILE) {
        let row_end = (row_start + TILE).min(n_rows);
        for col_start in (0..n_cols).step_by(TILE) {
            let col_end = (col_start + TILE).min(n_cols);
            for row in row_start..row_end {
                for col in col_start..col_end {
                    out[col * n_rows + row] = map(costs[row * n_cols + col]);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transpose_swaps_rows_and_columns() {
        let m = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        assert_eq!(transpose(&m, 2, 3, |c| c), [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
    }

    #[test]
    fn a_wrong_length_is_refused() {
        let err = linear_sum_assignment(&[1.0; 5], 2, 3, Objective::Minimize);
        assert_eq!(
            err,
            Err(AssignError::DimensionMismatch {
                len: 5,
                n_rows: 2,
                n_cols: 3
            })
        );
    }
}
