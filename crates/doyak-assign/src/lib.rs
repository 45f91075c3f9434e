//! Optimal assignment: the dense linear sum assignment problem, and the
//! caseload-wide proposal of which job seeker (구직자) goes to which vacancy
//! (구인) that maximises the total fit.
//!
//! Both are exact, not greedy: taking the best pair first can block two
//! slightly worse pairs whose sum is larger, and these solvers never do.
//!
//! Everything here is pure: no IO, no clock, no randomness, no threads. The
//! scores come in as numbers; where they come from (the matching engine) is
//! the caller's business.
//!
//! - [`linear_sum_assignment`]: a dense cost matrix, rectangular allowed,
//!   minimised or maximised, with SciPy's semantics, solved by Jonker–Volgenant.
//! - [`assign`]: seekers, vacancy headcounts and sparse feasible pairs with
//!   weights; at most `headcount` seekers per vacancy, seekers may stay
//!   unassigned, infeasible pairs are never used.

mod caseload;
mod dense;
mod error;
mod jv;

pub use caseload::{FeasiblePair, assign};
pub use dense::{Assignment, Objective, linear_sum_assignment};
pub use error::AssignError;
