//! Which rows of a partitioning cut to hide so that no row resting on 1–4
//! units can be pinned down: the rule an outsider's arithmetic is held to
//! ([`Unknowns::keep_small_rows_open`]) and the rows hidden to protect the
//! small ones, chosen once for every figure of a group ([`plan`]).

use crate::compute::Cell;
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// The fewest units a published cell may rest on.
pub const MIN_CELL: u32 = 5;

/// The most a small cell can be.
const LARGEST_SMALL: u64 = MIN_CELL as u64 - 1;

/// A cell resting on 1–4 units, hidden for its own sake. A 0 describes no
/// one and is shown.
pub(crate) fn small(n: u32) -> bool {
    n > 0 && n < MIN_CELL
}

/// What an outsider knows of a partition's hidden rows under a shown
/// total: how many are small (each 1–4, read "5명 미만"), how many are
/// hidden only to protect them (each 5 or more, read "비공개"), and what
/// they add up to (the total less the shown rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unknowns {
    small: u64,
    protect: u64,
    sum: u64,
}

impl Unknowns {
    /// The rows of `rows` whose keys are in `hide` (a 0 is never hidden).
    pub(crate) fn of(rows: &[Cell], hide: &BTreeSet<String>) -> Unknowns {
        rows.iter()
            .filter(|r| r.n > 0 && hide.contains(&r.key))
            .fold(Unknowns::none(), |u, r| u.and(r.n))
    }

    fn none() -> Unknowns {
        Unknowns {
            small: 0,
            protect: 0,
            sum: 0,
        }
    }

    /// With one more hidden row of `n`.
    fn and(self, n: u32) -> Unknowns {
        let (small, protect) = if small(n) {
            (self.small + 1, self.protect)
        } else {
            (self.small, self.protect + 1)
        };
        Unknowns {
            small,
            protect,
            sum: self.sum + u64::from(n),
        }
    }

    /// Whether each small row could still be any of 1 to 4. One small row
    /// is at most the sum less 1 for each other small row and 5 for each
    /// protecting row; with no protecting row (each other row at most 4)
    /// it is at least the sum less 4 for each other small row. (A
    /// protecting row has no ceiling, so with one the floor is 1.)
    pub(crate) fn keep_small_rows_open(self) -> bool {
        if self.small == 0 {
            return true;
        }
        let others = self.small - 1;
        let highest = self
            .sum
            .saturating_sub(others + u64::from(MIN_CELL) * self.protect);
        let lowest = if self.protect == 0 {
            self.sum.saturating_sub(LARGEST_SMALL * others)
        } else {
            1
        };
        highest >= LARGEST_SMALL && lowest <= 1
    }

    /// Whether hiding one more row of `n` (5 or more) brings the small
    /// rows nearer to open: the first protecting row lifts the floor; after
    /// it, a row adds to the ceiling only what it has over 5.
    fn helped_by(self, n: u32) -> bool {
        self.protect == 0 || n > MIN_CELL
    }
}

/// One figure's table of a cut: its total and its rows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member<'a> {
    pub total: &'a Cell,
    pub rows: &'a [Cell],
}

/// How one partitioning cut is published in every figure of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CutPlan {
    /// The keys hidden in every member, wherever its row is not 0.
    pub hide: BTreeSet<String>,
    /// Per member: its small rows stay pinned even with every row hidden,
    /// so none of its rows are published.
    pub withheld: Vec<bool>,
}

/// The rows of a partitioning cut to hide in every member of a group:
/// each key small (1–4) in any member, then, member by member from the
/// largest (the group's base), the smallest of its shown rows that makes
/// its small rows open, or failing that the smallest that brings them
/// nearer, until every member's small rows are open (hiding a row that is
/// 5 or more in a member only ever helps it, so this ends). A member
/// whose small rows stay pinned with all its rows hidden is withheld.
pub(crate) fn plan(members: &[Member<'_>]) -> CutPlan {
    let mut hide: BTreeSet<String> = members
        .iter()
        .flat_map(|m| m.rows)
        .filter(|r| small(r.n))
        .map(|r| r.key.clone())
        .collect();
    let mut withheld = vec![false; members.len()];
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&i| Reverse(members[i].total.n));
    'fixed_point: loop {
        for &i in &order {
            let m = members[i];
            // Under a hidden total (or none) nothing can be subtracted.
            if withheld[i] || small(m.total.n) || m.total.n == 0 {
                continue;
            }
            let unknowns = Unknowns::of(m.rows, &hide);
            if unknowns.keep_small_rows_open() {
                continue;
            }
            match protecting_row(m.rows, &hide, unknowns) {
                Some(key) => {
                    hide.insert(key);
                    continue 'fixed_point;
                }
                None => withheld[i] = true,
            }
        }
        break;
    }
    CutPlan { hide, withheld }
}

/// The smallest shown row whose hiding opens the small rows, else the
/// smallest that brings them nearer; `None` when no shown row can help.
fn protecting_row(rows: &[Cell], hide: &BTreeSet<String>, unknowns: Unknowns) -> Option<String> {
    let mut shown: Vec<&Cell> = rows
        .iter()
        .filter(|r| r.n > 0 && !hide.contains(&r.key))
        .collect();
    shown.sort_by(|a, b| a.n.cmp(&b.n).then_with(|| a.key.cmp(&b.key)));
    shown
        .iter()
        .find(|r| unknowns.and(r.n).keep_small_rows_open())
        .or_else(|| shown.iter().find(|r| unknowns.helped_by(r.n)))
        .map(|r| r.key.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknowns(ns: &[u32]) -> Unknowns {
        ns.iter().fold(Unknowns::none(), |u, n| u.and(*n))
    }

    #[test]
    fn small_rows_are_open_only_when_each_could_be_one_to_four() {
        // 1 + 1 = 2: both must be 1.
        assert!(!unknowns(&[1, 1]).keep_small_rows_open());
        // 3 + 3 = 6: each is 6 less at most 4, so at least 2.
        assert!(!unknowns(&[3, 3]).keep_small_rows_open());
        // 2 + 3 = 5: 1 + 4 … 4 + 1, each 1–4.
        assert!(unknowns(&[2, 3]).keep_small_rows_open());
        // 4 + 4 = 8: both must be 4.
        assert!(!unknowns(&[4, 4]).keep_small_rows_open());
        // 1 + 1 + 10 = 12 with 10 marked 5 or more: a small row is at most
        // 12 − 1 − 5 = 6, so 4; at least 1 (the 10 takes up the rest).
        assert!(unknowns(&[1, 1, 10]).keep_small_rows_open());
        // 3 + 5 = 8: the small row is at most 8 − 5 = 3.
        assert!(!unknowns(&[3, 5]).keep_small_rows_open());
        // A protecting row alone protects no one and needs no protection.
        assert!(unknowns(&[7]).keep_small_rows_open());
    }

    fn cell(key: &str, n: u32) -> Cell {
        Cell {
            key: key.to_owned(),
            n,
            value: Some(f64::from(n)),
        }
    }

    fn keys(plan: &CutPlan) -> Vec<&str> {
        plan.hide.iter().map(String::as_str).collect()
    }

    #[test]
    fn the_smallest_row_that_opens_the_small_ones_is_hidden() {
        // 1 + 1 needs a protecting row of 8 or more (1 + 1 + x − 1 − 5 ≥
        // 4): the 5, 6 and 7 would not do alone, the 8 does.
        let total = cell("", 1 + 1 + 5 + 6 + 7 + 8 + 30);
        let rows = [
            cell("a", 1),
            cell("b", 1),
            cell("c", 5),
            cell("d", 6),
            cell("e", 7),
            cell("f", 8),
            cell("g", 30),
        ];
        let plan = plan(&[Member {
            total: &total,
            rows: &rows,
        }]);
        assert_eq!(keys(&plan), ["a", "b", "f"]);
        assert_eq!(plan.withheld, [false]);
    }

    #[test]
    fn a_cut_whose_small_rows_stay_pinned_with_every_row_hidden_is_withheld() {
        let total = cell("", 8);
        let rows = [cell("a", 4), cell("b", 4)];
        let plan = plan(&[Member {
            total: &total,
            rows: &rows,
        }]);
        assert_eq!(plan.withheld, [true], "4 + 4 = 8 pins both at 4");
    }
}
