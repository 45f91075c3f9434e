//! The matcher's promises checked on random caseloads: no ranked pair breaks
//! a hard constraint, the fast top-k is exactly the brute-force top-k, and
//! the explanation agrees with the score.

mod caseloads;
mod exactness;
mod hard_constraints;
