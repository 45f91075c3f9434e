//! Which rows of a partitioning cut to hide so that no row resting on 1–4
//! units can be pinned down, in every figure of a group at once: what an
//! outsider can work out of the published tables ([`Reading`]) and the
//! rows hidden to protect the small ones ([`plan`]).
//!
//! The outsider knows each shown row; that a row read "5명 미만" is 1 to
//! 4 and one read "비공개" is 5 or more; that a figure's rows add up to
//! its total; and, from the definitions, that a figure within another
//! ([`crate::Definition::within`]: the employed of a cohort) is at most
//! that one row by row, so that the outer's rows less the inner's (the
//! cohort not employed) are a partition too, adding up to the difference
//! of the totals. From these alone, each hidden row lies between a floor
//! and a ceiling, narrowed until nothing narrows further. A small row is
//! open when it could still be 1 and could still be 4. (A brute-force
//! outsider in the tests, who tries every assignment, has found nothing
//! this misses; without the differences it does.)

use crate::compute::Cell;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

/// The fewest units a published cell may rest on.
pub const MIN_CELL: u32 = 5;

/// The most a small cell can be.
const LARGEST_SMALL: u64 = MIN_CELL as u64 - 1;

/// No ceiling.
const UNBOUNDED: u64 = u64::MAX;

/// A cell resting on 1–4 units, hidden for its own sake. A 0 describes no
/// one and is shown.
pub(crate) fn small(n: u32) -> bool {
    n > 0 && n < MIN_CELL
}

/// One figure's table of a cut: its total and its rows (matched to the
/// other members' by key; a key it lacks is a 0), and the member whose
/// units contain its own, if any.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Member<'a> {
    pub total: &'a Cell,
    pub rows: &'a [Cell],
    pub within: Option<usize>,
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

/// What an outsider knows of a value: it lies in `lo..=hi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    lo: u64,
    hi: u64,
}

impl Range {
    fn exact(n: u64) -> Range {
        Range { lo: n, hi: n }
    }

    fn small() -> Range {
        Range {
            lo: 1,
            hi: LARGEST_SMALL,
        }
    }

    fn at_least(lo: u64) -> Range {
        Range { lo, hi: UNBOUNDED }
    }

    /// Narrows to `lo..=hi`; whether it changed.
    fn narrow(&mut self, lo: u64, hi: u64) -> bool {
        let before = *self;
        self.lo = self.lo.max(lo);
        self.hi = self.hi.min(hi);
        *self != before
    }
}

/// `a + b`, no ceiling staying no ceiling.
fn plus(a: u64, b: u64) -> u64 {
    if a == UNBOUNDED || b == UNBOUNDED {
        UNBOUNDED
    } else {
        a + b
    }
}

/// `a − b` for a ceiling `a` less a floor `b`.
fn minus(a: u64, b: u64) -> u64 {
    if a == UNBOUNDED {
        UNBOUNDED
    } else {
        a.saturating_sub(b)
    }
}

/// The group's cut as the members' n by key, and its keys.
struct Table<'a> {
    members: &'a [Member<'a>],
    keys: Vec<&'a str>,
    /// `n[m][k]`: member m's row of key k (0 when it has none).
    n: Vec<Vec<u32>>,
    /// The pairs (inner, outer) of members one within the other whose
    /// totals are both shown: the outer's rows less the inner's are a
    /// partition too (the cohort not employed), of a known total.
    pairs: Vec<(usize, usize)>,
    /// Each member's outer member, where it names one.
    within: Vec<Option<usize>>,
}

impl<'a> Table<'a> {
    fn of(members: &'a [Member<'a>]) -> Table<'a> {
        let keys: Vec<&str> = members
            .iter()
            .flat_map(|m| m.rows.iter().map(|r| r.key.as_str()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let at: BTreeMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        let n = members
            .iter()
            .map(|m| {
                let mut ns = vec![0; keys.len()];
                for r in m.rows {
                    ns[at[r.key.as_str()]] += r.n;
                }
                ns
            })
            .collect();
        // A `within` that names no other member is the caller's slip:
        // ignored, never followed out of bounds.
        let within: Vec<Option<usize>> = members
            .iter()
            .enumerate()
            .map(|(i, m)| m.within.filter(|o| *o != i && *o < members.len()))
            .collect();
        let pairs = within
            .iter()
            .enumerate()
            .filter_map(|(i, o)| Some((i, (*o)?)))
            .filter(|(i, o)| !small(members[*i].total.n) && !small(members[*o].total.n))
            .collect();
        Table {
            within,
            members,
            keys,
            n,
            pairs,
        }
    }

    /// What an outsider can work out of each member's rows, and of each
    /// pair's difference (after the members), with `hide` hidden,
    /// `withheld` members publishing no row (only their 0s, which the
    /// server shows). `None` when nothing agrees with it (never, for the
    /// true rows: a guard).
    fn read(&self, hide: &[bool], withheld: &[bool]) -> Option<Vec<Vec<Range>>> {
        let keys = self.keys.len();
        let mut ranges: Vec<Vec<Range>> = self
            .n
            .iter()
            .enumerate()
            .map(|(m, ns)| {
                ns.iter()
                    .zip(hide)
                    .map(|(&n, &hidden)| {
                        if n == 0 {
                            Range::exact(0)
                        } else if small(self.members[m].total.n) || small(n) {
                            // Under a hidden total every row is small.
                            Range::small()
                        } else if withheld[m] {
                            Range::at_least(1)
                        } else if hidden {
                            Range::at_least(u64::from(MIN_CELL))
                        } else {
                            Range::exact(u64::from(n))
                        }
                    })
                    .collect()
            })
            .collect();
        ranges.extend(self.pairs.iter().map(|_| vec![Range::at_least(0); keys]));
        let mut totals: Vec<Range> = self
            .members
            .iter()
            .map(|m| {
                if small(m.total.n) {
                    Range::small()
                } else {
                    Range::exact(u64::from(m.total.n))
                }
            })
            .collect();
        totals.extend(self.pairs.iter().map(|&(i, o)| {
            let (inner, outer) = (self.members[i].total.n, self.members[o].total.n);
            Range::exact(u64::from(outer.saturating_sub(inner)))
        }));
        // Each pass only narrows, so this ends; at the cap (a guard) the
        // reading is not final, and is taken as one nothing agrees with.
        for _ in 0..256 {
            let mut changed = false;
            for (rows, total) in ranges.iter_mut().zip(&totals) {
                changed |= narrow_by_sum(rows, *total);
            }
            for (d, &(i, o)) in self.pairs.iter().enumerate() {
                for k in 0..keys {
                    changed |= narrow_by_difference(&mut ranges, (i, o, self.members.len() + d), k);
                }
            }
            for (i, within) in self.within.iter().enumerate() {
                if let Some(o) = *within {
                    for k in 0..keys {
                        changed |= narrow_within(&mut ranges, (i, o), k);
                    }
                }
            }
            if ranges.iter().flatten().any(|r| r.lo > r.hi) {
                return None;
            }
            if !changed {
                return Some(ranges);
            }
        }
        None
    }

    /// How many of the values 1 to 4 member m's small rows cannot be, as
    /// read with `hide` hidden and `withheld` withheld: 0 when every small
    /// row is open.
    /// A reading that is not to be had (figures that break their
    /// `within`, or narrowing that did not settle) closes every value:
    /// the member is withheld rather than trusted.
    fn closed(&self, m: usize, hide: &[bool], withheld: &[bool]) -> u64 {
        let ranges = self.read(hide, withheld);
        (0..self.keys.len())
            .filter(|&k| small(self.n[m][k]))
            .map(|k| match &ranges {
                Some(ranges) => {
                    let r = ranges[m][k];
                    r.lo.saturating_sub(1) + LARGEST_SMALL.saturating_sub(r.hi)
                }
                None => LARGEST_SMALL,
            })
            .sum()
    }

    /// Whether member m's small rows need looking at: not under a hidden
    /// total (where every row is small and nothing is subtracted), not
    /// withheld, and with a small row.
    fn watched(&self, m: usize, withheld: &[bool]) -> bool {
        !withheld[m] && !small(self.members[m].total.n) && self.n[m].iter().any(|n| small(*n))
    }
}

/// Narrows row k of an inner member i and its outer member o (the `at`
/// pair) by i ≤ o.
fn narrow_within(ranges: &mut [Vec<Range>], at: (usize, usize), k: usize) -> bool {
    let (i, o) = at;
    let outer_hi = ranges[o][k].hi;
    let mut changed = ranges[i][k].narrow(0, outer_hi);
    let inner_lo = ranges[i][k].lo;
    changed |= ranges[o][k].narrow(inner_lo, UNBOUNDED);
    changed
}

/// Narrows row k of an outer member o, an inner member i and their
/// difference d (the `at` triple) by o = i + d.
fn narrow_by_difference(ranges: &mut [Vec<Range>], at: (usize, usize, usize), k: usize) -> bool {
    let (i, o, d) = at;
    let (inner, outer) = (ranges[i][k], ranges[o][k]);
    let mut changed =
        ranges[d][k].narrow(outer.lo.saturating_sub(inner.hi), minus(outer.hi, inner.lo));
    let diff = ranges[d][k];
    changed |= ranges[o][k].narrow(inner.lo + diff.lo, plus(inner.hi, diff.hi));
    let outer = ranges[o][k];
    changed |= ranges[i][k].narrow(outer.lo.saturating_sub(diff.hi), minus(outer.hi, diff.lo));
    changed
}

/// Narrows each row by the others: it is at least the total's floor less
/// the others' ceilings, at most the total's ceiling less their floors.
/// Whether anything narrowed.
fn narrow_by_sum(rows: &mut [Range], total: Range) -> bool {
    let floors: u64 = rows.iter().map(|r| r.lo).sum();
    let unbounded = rows.iter().filter(|r| r.hi == UNBOUNDED).count();
    let ceilings: u64 = rows
        .iter()
        .filter(|r| r.hi != UNBOUNDED)
        .map(|r| r.hi)
        .sum();
    let mut changed = false;
    for r in rows.iter_mut() {
        let hi = total.hi.saturating_sub(floors - r.lo);
        let lo = if unbounded > usize::from(r.hi == UNBOUNDED) {
            0
        } else {
            let own = if r.hi == UNBOUNDED { 0 } else { r.hi };
            total.lo.saturating_sub(ceilings - own)
        };
        changed |= r.narrow(lo, hi);
    }
    changed
}

/// The rows of a partitioning cut to hide in every member of a group.
/// First each key small (1–4) in any member. Then, member by member from
/// the largest, while one has a small row an outsider could narrow: a
/// member whose small rows stay narrowed even with every key hidden is
/// withheld; otherwise the smallest of its shown rows (then of the
/// group's) whose hiding opens them, or failing that the one that brings
/// them nearest, or failing that the smallest, is hidden. Each step hides
/// a key or withholds a member, and hiding only ever widens what an
/// outsider reads, so this ends with every small row of every published
/// member open.
pub(crate) fn plan(members: &[Member<'_>]) -> CutPlan {
    let table = Table::of(members);
    let mut hide: Vec<bool> = (0..table.keys.len())
        .map(|k| table.n.iter().any(|ns| small(ns[k])))
        .collect();
    let mut withheld = vec![false; members.len()];
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&i| Reverse(members[i].total.n));
    'fixed_point: loop {
        for &m in &order {
            if !table.watched(m, &withheld) {
                continue;
            }
            let now = table.closed(m, &hide, &withheld);
            if now == 0 {
                continue;
            }
            let all = vec![true; hide.len()];
            if table.closed(m, &all, &withheld) > 0 {
                withheld[m] = true;
            } else {
                let k = protecting_key(&table, m, &hide, &withheld, now);
                hide[k] = true;
            }
            continue 'fixed_point;
        }
        break;
    }
    CutPlan {
        hide: table
            .keys
            .iter()
            .zip(&hide)
            .filter(|(_, h)| **h)
            .map(|(k, _)| (*k).to_owned())
            .collect(),
        withheld,
    }
}

/// The key to hide next for member m, whose small rows are `now` values
/// from open and would open with every key hidden (so a shown key is
/// left): the first, by m's row then the group's largest row, that opens
/// them, else the one that brings them nearest, else the first.
fn protecting_key(
    table: &Table<'_>,
    m: usize,
    hide: &[bool],
    withheld: &[bool],
    now: u64,
) -> usize {
    let mut shown: Vec<usize> = (0..hide.len()).filter(|&k| !hide[k]).collect();
    shown.sort_by_key(|&k| {
        let largest = table.n.iter().map(|ns| ns[k]).max().unwrap_or(0);
        (table.n[m][k] == 0, table.n[m][k], largest, k)
    });
    let mut best: Option<(u64, usize)> = None;
    for &k in &shown {
        let mut trial = hide.to_vec();
        trial[k] = true;
        let left = table.closed(m, &trial, withheld);
        if left == 0 {
            return k;
        }
        if left < now && best.is_none_or(|(b, _)| left < b) {
            best = Some((left, k));
        }
    }
    best.map_or(shown[0], |(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(key: &str, n: u32) -> Cell {
        Cell {
            key: key.to_owned(),
            n,
            value: Some(f64::from(n)),
        }
    }

    fn rows(ns: &[u32]) -> Vec<Cell> {
        ns.iter()
            .enumerate()
            .map(|(i, n)| cell(&((b'a' + i as u8) as char).to_string(), *n))
            .collect()
    }

    /// Whether the small rows of `ns` are open with the rows at `hidden`
    /// hidden (small rows are hidden anyway), the total shown.
    fn open(ns: &[u32], hidden: &[usize]) -> bool {
        let total = cell("", ns.iter().sum());
        let rows = rows(ns);
        let members = [Member {
            total: &total,
            rows: &rows,
            within: None,
        }];
        let table = Table::of(&members);
        let hide: Vec<bool> = (0..ns.len())
            .map(|k| small(ns[k]) || hidden.contains(&k))
            .collect();
        table.closed(0, &hide, &[false]) == 0
    }

    #[test]
    fn small_rows_are_open_only_when_each_could_be_one_to_four() {
        // 1 + 1 = 2: both must be 1.
        assert!(!open(&[1, 1], &[]));
        // 3 + 3 = 6: each is 6 less at most 4, so at least 2.
        assert!(!open(&[3, 3], &[]));
        // 2 + 3 = 5: 1 + 4 … 4 + 1, each 1–4.
        assert!(open(&[2, 3], &[]));
        // 4 + 4 = 8: both must be 4.
        assert!(!open(&[4, 4], &[]));
        // 1 + 1 + 10 = 12 with 10 marked 5 or more: a small row is at most
        // 12 − 1 − 5 = 6, so 4; at least 1 (the 10 takes up the rest).
        assert!(open(&[1, 1, 10], &[2]));
        // 3 + 5 = 8: the small row is at most 8 − 5 = 3.
        assert!(!open(&[3, 5], &[1]));
        // A shown 7 beside a small 2 gives it away: 9 − 7.
        assert!(!open(&[2, 7], &[]));
    }

    fn keys(plan: &CutPlan) -> Vec<&str> {
        plan.hide.iter().map(String::as_str).collect()
    }

    #[test]
    fn the_smallest_row_that_opens_the_small_ones_is_hidden() {
        // 1 + 1 needs a protecting row of 8 or more (1 + 1 + x − 1 − 5 ≥
        // 4): the 5, 6 and 7 would not do alone, the 8 does.
        let total = cell("", 1 + 1 + 5 + 6 + 7 + 8 + 30);
        let rows = rows(&[1, 1, 5, 6, 7, 8, 30]);
        let plan = plan(&[Member {
            total: &total,
            rows: &rows,
            within: None,
        }]);
        assert_eq!(keys(&plan), ["a", "b", "f"]);
        assert_eq!(plan.withheld, [false]);
    }

    #[test]
    fn a_cut_whose_small_rows_stay_pinned_with_every_row_hidden_is_withheld() {
        let total = cell("", 8);
        let rows = rows(&[4, 4]);
        let plan = plan(&[Member {
            total: &total,
            rows: &rows,
            within: None,
        }]);
        assert_eq!(plan.withheld, [true], "4 + 4 = 8 pins both at 4");
    }

    #[test]
    fn figures_that_break_their_within_are_withheld_not_trusted() {
        // The "inner" figure has more in row a than its outer one: no
        // reading agrees with both, so the inner is withheld; a `within`
        // naming no member is ignored.
        let outer_total = cell("", 12);
        let outer = rows(&[2, 10]);
        let inner_total = cell("", 14);
        let inner = rows(&[3, 11]);
        let members = [
            Member {
                total: &outer_total,
                rows: &outer,
                within: Some(7),
            },
            Member {
                total: &inner_total,
                rows: &inner,
                within: Some(0),
            },
        ];
        let plan = plan(&members);
        assert_eq!(plan.withheld, [true, true]);
    }

    #[test]
    fn a_figure_within_another_is_read_under_its_rows() {
        // The cohort a = 5, b = 5, c = 20 (30); its employed a = 4, b = 5,
        // c = 11 (20). Hiding a and b alone: the cohort's two hidden rows
        // are each 5 or more and add up to 10, so both are 5; the
        // employed's b is 5 or more and at most the cohort's 5, so 5, and
        // its a is 9 − 5 = 4. Reading each figure alone, a would look
        // open (9 − 5 ≥ 4, floor 1). Hiding a and c instead (the smallest
        // row beside the small one does not help, the next does): the
        // employed's a and c add up to 15 with c at most the cohort's c
        // (25 less at least 5), so a could be 1 to 4, and b is shown.
        let cohort_total = cell("", 30);
        let cohort = rows(&[5, 5, 20]);
        let employed_total = cell("", 20);
        let employed = rows(&[4, 5, 11]);
        let members = [
            Member {
                total: &cohort_total,
                rows: &cohort,
                within: None,
            },
            Member {
                total: &employed_total,
                rows: &employed,
                within: Some(0),
            },
        ];
        let table = Table::of(&members);
        let read = |table: &Table<'_>, hide: &[bool]| {
            let withheld = vec![false; table.members.len()];
            table.read(hide, &withheld).unwrap()
        };
        assert_eq!(read(&table, &[true, true, false])[1][0], Range::exact(4));
        let alone_members = [Member {
            within: None,
            ..members[1]
        }];
        let alone = Table::of(&alone_members);
        assert_eq!(read(&alone, &[true, true, false])[0][0], Range::small());
        let plan = plan(&members);
        assert_eq!(keys(&plan), ["a", "c"]);
        assert_eq!(plan.withheld, [false, false]);
        assert_eq!(read(&table, &[true, false, true])[1][0], Range::small());
        assert_eq!(table.closed(1, &[true, false, true], &[false, false]), 0);
    }
}
