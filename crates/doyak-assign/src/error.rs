//! The one error type of the crate: inputs that have no assignment to give.

/// Why no assignment was returned. Every variant is about the input; the
/// solvers themselves cannot fail.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AssignError {
    /// The matrix slice does not hold `n_rows × n_cols` entries.
    #[error(
        "the cost matrix holds {len} entries, but {n_rows} rows × {n_cols} columns were declared"
    )]
    DimensionMismatch {
        len: usize,
        n_rows: usize,
        n_cols: usize,
    },

    /// NaN anywhere, or the infinity that would make the objective unbounded:
    /// `-inf` when minimising, `+inf` when maximising (SciPy refuses the same).
    #[error("entry ({row}, {col}) is {value}, which is not a usable cost")]
    InvalidEntry { row: usize, col: usize, value: f64 },

    /// Every complete assignment uses a forbidden entry (`+inf` when
    /// minimising, `-inf` when maximising).
    #[error("no complete assignment avoids the forbidden (infinite) entries")]
    Infeasible,

    /// The finite entries span so wide a range that a forbidden entry cannot
    /// be priced above every complete assignment without overflowing `f64`.
    #[error("the finite costs span too wide a range to price the forbidden entries")]
    CostRangeTooWide,

    /// A feasible pair names a seeker at or past `n_seekers`.
    #[error("pair {index} names seeker {seeker}, but there are {n_seekers} seekers")]
    SeekerOutOfRange {
        index: usize,
        seeker: usize,
        n_seekers: usize,
    },

    /// A feasible pair names a vacancy with no headcount entry.
    #[error("pair {index} names vacancy {vacancy}, but there are {n_vacancies} vacancies")]
    VacancyOutOfRange {
        index: usize,
        vacancy: usize,
        n_vacancies: usize,
    },

    /// A feasible pair's weight is not finite and positive: a pair worth
    /// nothing is not a candidate, and leaving it out says so.
    #[error(
        "pair {index} has weight {weight}; a feasible pair's weight must be finite and above 0"
    )]
    InvalidWeight { index: usize, weight: f64 },

    /// The same seeker and vacancy appear in two pairs, so the weight is
    /// ambiguous.
    #[error("seeker {seeker} and vacancy {vacancy} are paired twice")]
    DuplicatePair { seeker: usize, vacancy: usize },
}
