//! Integration tests of doyak-assign: optimality against brute force on small
//! cases, and hand examples where a greedy choice is wrong.

// Test code may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod brute;
mod caseload;
mod dense;
