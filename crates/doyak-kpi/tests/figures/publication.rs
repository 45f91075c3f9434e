//! The publication rule, against an outsider who holds every published
//! figure: hand-built tables where the hidden rows are known, and random
//! ones checked by brute force ([`possible_values`], written apart from
//! the crate's arithmetic).

use super::{arb_caseload, cuts, day, fig};
use doyak_kpi::input::{Caseload, Seeker};
use doyak_kpi::{
    Cell, Cut, CutTable, Figure, Hidden, PublishedCell, PublishedFigure, compute, definition,
    hidden_label, publish, publish_all,
};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// A figure whose only cut is `cut`, with these rows and their sum as the
/// total (a count: value = n).
fn figure(id: &str, cut: Cut, rows: &[(&str, u32)]) -> Figure {
    let cell = |key: &str, n: u32| Cell {
        key: key.to_owned(),
        n,
        value: Some(f64::from(n)),
    };
    Figure {
        definition: definition(id).unwrap(),
        total: cell("", rows.iter().map(|(_, n)| n).sum()),
        cuts: vec![CutTable {
            cut,
            rows: rows.iter().map(|(k, n)| cell(k, *n)).collect(),
        }],
    }
}

/// The rows of a published cut as they read: "A 12", "B 5명 미만",
/// "C 비공개"; `None` when the cut is withheld.
fn reading(p: &PublishedFigure, cut: Cut) -> Option<Vec<String>> {
    let t = p.cuts.iter().find(|t| t.cut == cut).unwrap();
    if t.withheld {
        assert!(t.rows.is_empty(), "a withheld cut publishes no row");
        return None;
    }
    let d = definition(p.id).unwrap();
    Some(
        t.rows
            .iter()
            .map(|r| match (r.hidden, r.n) {
                (Some(h), _) => format!("{} {}", r.key, hidden_label(d, h)),
                (None, Some(n)) => format!("{} {n}", r.key),
                (None, None) => unreachable!("a shown cell has its n"),
            })
            .collect(),
    )
}

/// What someone holding the published cut of a partition can tell each
/// hidden "5명 미만" row might be: every assignment of the hidden rows that
/// agrees with what is published — a "5명 미만" row 1 to 4, a "비공개" row
/// 5 up to the hidden sum, all adding up to the total less the shown rows
/// — tried one row and value at a time against every sum the other hidden
/// rows can make together.
fn possible_values(total: u32, rows: &[PublishedCell]) -> Vec<(String, BTreeSet<u32>)> {
    let shown: u32 = rows.iter().filter_map(|r| r.n).sum();
    let sum = total
        .checked_sub(shown)
        .expect("the shown rows are no more than the total");
    let hidden: Vec<(&PublishedCell, Vec<u32>)> = rows
        .iter()
        .filter_map(|r| {
            let values: Vec<u32> = match r.hidden? {
                Hidden::Small => (1..=4).collect(),
                Hidden::Protect => (5..=sum).collect(),
            };
            Some((r, values))
        })
        .collect();
    let mut out = Vec::new();
    for (i, (row, values)) in hidden.iter().enumerate() {
        if row.hidden != Some(Hidden::Small) {
            continue;
        }
        // Every sum the other hidden rows can make, one row at a time.
        let mut sums = BTreeSet::from([0u32]);
        for (_, (_, others)) in hidden.iter().enumerate().filter(|(j, _)| *j != i) {
            sums = sums
                .iter()
                .flat_map(|s| others.iter().map(move |v| s + v))
                .filter(|s| *s <= sum)
                .collect();
        }
        let possible = values
            .iter()
            .copied()
            .filter(|v| *v <= sum && sums.contains(&(sum - v)))
            .collect();
        out.push((row.key.clone(), possible));
    }
    out
}

fn one_to_four() -> BTreeSet<u32> {
    (1..=4).collect()
}

#[test]
fn twelve_as_ten_one_and_one_hides_the_ten_too() {
    let p = publish(&figure(
        "seekers_new",
        Cut::Counselor,
        &[("A", 10), ("B", 1), ("C", 1)],
    ));
    assert_eq!(p.total.n, Some(12), "the total is 12 people: shown");
    assert_eq!(
        reading(&p, Cut::Counselor).unwrap(),
        ["A 비공개", "B 5명 미만", "C 5명 미만"],
        "with only B and C hidden they add up to 12 − 10 = 2, so both are 1; \
         with A hidden too (5 or more), B could be 1 to 4 (1 + 4 + 7, 1 + 1 + 10, …)"
    );
    let rows = &p.cuts[0].rows;
    for (key, values) in possible_values(12, rows) {
        assert_eq!(values, one_to_four(), "{key}");
    }
    // 30 = 1 + 1 + 10 + 18: hiding the 10 is enough, the 18 stays.
    let p = publish(&figure(
        "seekers_new",
        Cut::Counselor,
        &[("A", 10), ("B", 1), ("C", 1), ("D", 18)],
    ));
    assert_eq!(
        reading(&p, Cut::Counselor).unwrap(),
        ["A 비공개", "B 5명 미만", "C 5명 미만", "D 18"],
        "B + C + A = 12 with A at least 5 leaves each small row 1 to 4, as above"
    );
}

#[test]
fn three_three_and_twenty_hides_the_twenty() {
    let p = publish(&figure(
        "seekers_new",
        Cut::Counselor,
        &[("A", 3), ("B", 3), ("C", 20)],
    ));
    assert_eq!(
        reading(&p, Cut::Counselor).unwrap(),
        ["A 5명 미만", "B 5명 미만", "C 비공개"],
        "A and B alone add up to 6: each at most 4, so each at least 2"
    );
    for (key, values) in possible_values(26, &p.cuts[0].rows) {
        assert_eq!(
            values,
            one_to_four(),
            "{key}: with C hidden (5 or more) A + B + C = 26, as 1 + 1 + 24 or 4 + 4 + 18"
        );
    }
}

#[test]
fn a_cut_of_only_small_rows_is_hidden_or_withheld() {
    // 2 + 3 = 5: A could be 1 to 4 (B 4 to 1).
    let p = publish(&figure(
        "seekers_new",
        Cut::Month,
        &[("2026-01", 2), ("2026-02", 3)],
    ));
    assert_eq!(p.total.n, Some(5));
    assert_eq!(
        reading(&p, Cut::Month).unwrap(),
        ["2026-01 5명 미만", "2026-02 5명 미만"],
        "every pair from 1 + 4 to 4 + 1 makes 5"
    );
    // 4 + 4 = 8 pins both at 4 however they read, and so does 1 × 5 = 5
    // (five rows each at least 1): no row is published, the total is.
    for rows in [
        &[("2026-01", 4), ("2026-02", 4)][..],
        &[("a", 1), ("b", 1), ("c", 1), ("d", 1), ("e", 1)][..],
    ] {
        let p = publish(&figure("seekers_new", Cut::Month, rows));
        assert_eq!(reading(&p, Cut::Month), None, "{rows:?}: withheld");
        assert!(p.total.n.is_some(), "the total rests on 5 or more: shown");
    }
    // A total of 3: every row is small and nothing can be subtracted.
    let p = publish(&figure(
        "seekers_new",
        Cut::Month,
        &[("2026-01", 1), ("2026-02", 2)],
    ));
    assert_eq!(p.total.hidden, Some(Hidden::Small));
    assert_eq!(
        reading(&p, Cut::Month).unwrap(),
        ["2026-01 5명 미만", "2026-02 5명 미만"]
    );
}

#[test]
fn a_zero_is_shown_and_never_hidden_to_protect() {
    let p = publish(&figure(
        "seekers_new",
        Cut::Counselor,
        &[("A", 0), ("B", 2), ("C", 9)],
    ));
    assert_eq!(
        reading(&p, Cut::Counselor).unwrap(),
        ["A 0", "B 5명 미만", "C 비공개"],
        "a 0 describes no one; hidden it would read 비공개 (5 or more), which is false"
    );
}

#[test]
fn a_cut_that_does_not_add_up_hides_only_its_small_rows() {
    // A seeker may be in two target groups or none: 20 + 3 need not be
    // the total, so the 3 cannot be worked out from it.
    let p = publish(&figure(
        "seekers_new",
        Cut::TargetGroup,
        &[("청년", 20), ("여성", 3)],
    ));
    assert_eq!(
        reading(&p, Cut::TargetGroup).unwrap(),
        ["청년 20", "여성 5명 미만"]
    );
}

#[test]
fn figures_over_the_same_seekers_hide_the_same_rows() {
    let cohort = [("A", 3), ("B", 6), ("C", 9), ("D", 20)];
    let stage = [("A", 3), ("B", 5), ("C", 8)];
    let figures = [
        figure("seekers_new", Cut::Counselor, &cohort),
        figure("stage_employment", Cut::Counselor, &stage),
    ];
    // Alone, each would hide its own: the cohort A and B, the stage A and
    // C (B = 5 beside A = 3 would leave A at most 8 − 5 = 3). Side by side
    // the stage's C is at most the cohort's shown 9, so the stage's
    // A = 11 − C is at least 2.
    let alone: Vec<_> = figures
        .iter()
        .map(|f| reading(&publish(f), Cut::Counselor).unwrap())
        .collect();
    assert_eq!(alone[0], ["A 5명 미만", "B 비공개", "C 9", "D 20"]);
    assert_eq!(alone[1], ["A 5명 미만", "B 5", "C 비공개"]);
    let together = publish_all(&figures);
    assert_eq!(
        reading(&together[0], Cut::Counselor).unwrap(),
        ["A 5명 미만", "B 비공개", "C 비공개", "D 20"],
        "the cohort hides C with the stage"
    );
    assert_eq!(
        reading(&together[1], Cut::Counselor).unwrap(),
        ["A 5명 미만", "B 비공개", "C 비공개"],
        "the stage hides B with the cohort: A + B + C = 16 with B and C at \
         least 5 leaves A 1 to 4"
    );
    for (f, p) in figures.iter().zip(&together) {
        for (key, values) in possible_values(f.total.n, &p.cuts[0].rows) {
            assert_eq!(values, one_to_four(), "{} {key}", f.definition.id);
        }
    }
}

#[test]
fn a_row_hidden_to_protect_reads_not_disclosed_not_under_five() {
    let d = definition("seekers_new").unwrap();
    assert_eq!(hidden_label(d, Hidden::Small), "5명 미만");
    assert_eq!(
        hidden_label(d, Hidden::Protect),
        "비공개",
        "a protecting row is 5 or more: '5명 미만' would be false"
    );
    assert_eq!(
        hidden_label(definition("firms_served").unwrap(), Hidden::Small),
        "5곳 미만"
    );
    assert_eq!(
        hidden_label(definition("sessions").unwrap(), Hidden::Small),
        "5건 미만"
    );
    let p = publish(&figure(
        "seekers_new",
        Cut::Counselor,
        &[("A", 3), ("B", 7)],
    ));
    let b = &p.cuts[0].rows[1];
    assert_eq!(
        (b.n, b.value, b.suppressed, b.hidden),
        (None, None, true, Some(Hidden::Protect)),
        "B (7) is hidden with its value, as suppressed for older readers"
    );
}

#[test]
fn a_caseload_of_twelve_hides_every_counselor_beside_a_two_and_a_one() {
    // 12 new participants: 9 of 김상담, 2 of 이상담, 1 of 박상담.
    let seekers: Vec<Seeker> = (0..12)
        .map(|i| Seeker {
            id: format!("s{i}"),
            enrolled_on: Some(day("2026-03-02")),
            cuts: cuts(
                match i {
                    0..9 => "김상담",
                    9..11 => "이상담",
                    _ => "박상담",
                },
                &[],
            ),
            ..Default::default()
        })
        .collect();
    let cl = Caseload {
        seekers,
        ..Default::default()
    };
    let p = doyak_kpi::Period::months("2026-03", "2026-03", day("2026-12-04")).unwrap();
    let f = compute(&cl, p);
    let published = publish_all(&f);
    let new = published.iter().find(|x| x.id == "seekers_new").unwrap();
    assert_eq!(new.total.n, Some(12));
    assert_eq!(
        reading(new, Cut::Counselor).unwrap(),
        ["김상담 비공개", "박상담 5명 미만", "이상담 5명 미만"],
        "the two small rows alone add up to 3 (at most 2 each); beside the \
         hidden 9 each could be 1 to 4"
    );
    // Nobody reached a stage: 0 describes no one and is shown.
    let diagnosed = published
        .iter()
        .find(|x| x.id == "stage_diagnosis")
        .unwrap();
    assert_eq!(diagnosed.total.n, Some(0));
    assert_eq!(fig(&f, "stage_diagnosis").cuts.len(), 0, "no rows at all");
}

/// Everything that must hold of a published figure against the figure it
/// came from: no shown cell rests on 1–4 units and every shown one is
/// true; a hidden cell reads small exactly when it is 1–4; shown and
/// hidden rows are the rows; and where the rows add up to a shown total,
/// no small row can be narrowed below 1 to 4 — nor, for a figure
/// published `alone`, could it have been with every row hidden when the
/// cut is withheld (in a group, the others' rows may be what pins it).
fn check_published(raw: &Figure, out: &PublishedFigure, alone: bool) -> Result<(), TestCaseError> {
    let id = raw.definition.id;
    let mut cells = vec![(&raw.total, &out.total)];
    prop_assert_eq!(raw.cuts.len(), out.cuts.len());
    for (t, pt) in raw.cuts.iter().zip(&out.cuts) {
        prop_assert_eq!(t.cut, pt.cut);
        if pt.withheld {
            prop_assert!(
                t.cut.partitions() && pt.rows.is_empty(),
                "{} {:?}",
                id,
                t.cut
            );
            let all_hidden: Vec<PublishedCell> = t
                .rows
                .iter()
                .map(|r| PublishedCell {
                    key: r.key.clone(),
                    n: (r.n == 0).then_some(0),
                    value: None,
                    suppressed: r.n > 0,
                    hidden: (r.n > 0).then_some(if r.n < 5 {
                        Hidden::Small
                    } else {
                        Hidden::Protect
                    }),
                })
                .collect();
            let pinned = possible_values(raw.total.n, &all_hidden)
                .into_iter()
                .any(|(_, v)| v != one_to_four());
            prop_assert!(
                pinned || !alone,
                "{} {:?} withheld though hiding it all would do",
                id,
                t.cut
            );
            continue;
        }
        prop_assert!(
            t.rows
                .iter()
                .map(|r| &r.key)
                .eq(pt.rows.iter().map(|r| &r.key)),
            "{} {:?}: the same rows in the same order",
            id,
            t.cut
        );
        cells.extend(t.rows.iter().zip(&pt.rows));
        if t.cut.partitions() && out.total.n.is_some() {
            let shown: u32 = pt.rows.iter().filter_map(|r| r.n).sum();
            let hidden: u32 = t
                .rows
                .iter()
                .zip(&pt.rows)
                .filter(|(_, p)| p.n.is_none())
                .map(|(r, _)| r.n)
                .sum();
            prop_assert_eq!(shown + hidden, raw.total.n, "{} {:?}", id, t.cut);
            for (key, values) in possible_values(raw.total.n, &pt.rows) {
                prop_assert_eq!(values, one_to_four(), "{} {:?} {}", id, t.cut, key);
            }
        }
    }
    for (raw, out) in cells {
        let small = raw.n > 0 && raw.n < 5;
        prop_assert_eq!(out.suppressed, out.hidden.is_some());
        match out.hidden {
            None => {
                prop_assert!(!small, "{} {:?} shown", id, raw);
                prop_assert_eq!(out.n, Some(raw.n));
                prop_assert_eq!(out.value, raw.value);
            }
            Some(h) => {
                prop_assert_eq!(h == Hidden::Small, small, "{} {:?} as {:?}", id, raw, h);
                prop_assert!(raw.n > 0 && out.n.is_none() && out.value.is_none());
            }
        }
    }
    Ok(())
}

/// Figures of one group hide the same keys of a cut, wherever both have
/// the row and neither withholds the cut; and where no figure of the group
/// has a small row in a cut, nothing of it is hidden.
fn check_group_hides_alike(raw: &[Figure], out: &[PublishedFigure]) -> Result<(), TestCaseError> {
    let hidden = |i: usize, cut: Cut| -> Option<Vec<(String, u32, bool)>> {
        let t = raw[i].cuts.iter().find(|t| t.cut == cut)?;
        let pt = out[i].cuts.iter().find(|t| t.cut == cut)?;
        (!pt.withheld).then(|| {
            t.rows
                .iter()
                .zip(&pt.rows)
                .map(|(r, p)| (r.key.clone(), r.n, p.hidden.is_some()))
                .collect()
        })
    };
    for cut in Cut::ALL.into_iter().filter(|c| c.partitions()) {
        for i in 0..raw.len() {
            let group = raw[i].definition.group;
            let members: Vec<usize> = (0..raw.len())
                .filter(|j| raw[*j].definition.group == group)
                .collect();
            let any_small = members.iter().any(|j| {
                raw[*j]
                    .cuts
                    .iter()
                    .filter(|t| t.cut == cut)
                    .flat_map(|t| &t.rows)
                    .any(|r| r.n > 0 && r.n < 5)
            });
            let Some(mine) = hidden(i, cut) else { continue };
            if !any_small {
                prop_assert!(
                    mine.iter().all(|(_, _, h)| !h),
                    "{} {:?}",
                    raw[i].definition.id,
                    cut
                );
            }
            for j in members {
                let Some(theirs) = hidden(j, cut) else {
                    continue;
                };
                for (key, n, h) in &mine {
                    if let Some((_, m, g)) = theirs.iter().find(|(k, _, _)| k == key)
                        && *n > 0
                        && *m > 0
                    {
                        prop_assert_eq!(
                            h,
                            g,
                            "{} and {} {:?} {}",
                            raw[i].definition.id,
                            raw[j].definition.id,
                            cut,
                            key
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

/// The cohort (`seekers_new`) over two to four counselors of 0–12
/// seekers, and some of its stages, each a share of what it is within:
/// the diagnosed and the employed of the cohort, the aftercare of the
/// employed (or of the cohort when the employed are not published: an
/// outsider still knows they are among its seekers).
fn arb_group() -> impl Strategy<Value = Vec<Figure>> {
    (
        prop::collection::vec(0u32..=12, 2..=4),
        prop::collection::vec(0u32..=100, 4),
        prop::collection::vec(0u32..=100, 4),
        prop::collection::vec(0u32..=100, 4),
        prop::collection::vec(any::<bool>(), 3),
    )
        .prop_map(|(base, diagnosed, employed, aftercare, with)| {
            let keys = ["A", "B", "C", "D"];
            let rows = |ns: &[u32]| -> Vec<(&str, u32)> {
                keys.iter().copied().zip(ns.to_vec()).collect()
            };
            let share = |of: &[u32], by: &[u32]| -> Vec<u32> {
                of.iter().zip(by).map(|(n, s)| n * s / 100).collect()
            };
            let employed = share(&base, &employed);
            let mut figures = vec![figure("seekers_new", Cut::Counselor, &rows(&base))];
            if with[0] {
                let ns = share(&base, &diagnosed);
                figures.push(figure("stage_diagnosis", Cut::Counselor, &rows(&ns)));
            }
            if with[1] {
                figures.push(figure("stage_employment", Cut::Counselor, &rows(&employed)));
            }
            if with[2] {
                let ns = share(&employed, &aftercare);
                figures.push(figure("stage_aftercare", Cut::Counselor, &rows(&ns)));
            }
            figures
        })
}

/// What an outsider knows of one cell of a group's cut.
#[derive(Debug, Clone, Copy)]
enum Seen {
    Shown(u32),
    Small,
    Protect,
    /// A row of a withheld cut that is not 0 (taking its 0s as known).
    Withheld,
}

/// A hidden row (figure id, row key) and the values it might be.
type PossibleValues = ((String, String), BTreeSet<u32>);

/// What someone holding every figure of a group, published together, can
/// tell each hidden "5명 미만" row of `cut` might be: every assignment of
/// the hidden rows of every figure that agrees with what is published —
/// each figure's rows adding up to its total (1 to 4 when the total reads
/// "5명 미만"), a "5명 미만" row 1 to 4, a "비공개" or withheld row up to
/// the total — and with what the definitions say: a figure within
/// another (the employed of the cohort) is at most it, row by row.
/// Enumerated figure by figure, the outer ones first, until every small
/// row has shown each of 1 to 4. Keyed by figure id and row key; the
/// figures whose total is hidden are read but not asked about. `None` when
/// the enumeration would pass [`MAX_STEPS`] before it finished: a group
/// too large to check exhaustively in a test (proptest then draws another).
fn group_possible_values(
    raw: &[Figure],
    out: &[PublishedFigure],
    cut: Cut,
) -> Option<Vec<PossibleValues>> {
    // The outer figure of each, nearest first among those published.
    let outer = |i: usize| -> Option<usize> {
        let mut up = raw[i].definition.within();
        while let Some(id) = up {
            if let Some(j) = raw.iter().position(|f| f.definition.id == id) {
                return Some(j);
            }
            up = definition(id).and_then(|d| d.within());
        }
        None
    };
    let depth = |i: usize| -> usize {
        let (mut d, mut at) = (0, i);
        while let Some(j) = outer(at) {
            d += 1;
            at = j;
        }
        d
    };
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| depth(i));
    let keys: Vec<String> = raw[0].cuts[0].rows.iter().map(|r| r.key.clone()).collect();
    struct Fig {
        total: Option<u32>,
        seen: Vec<Seen>,
        outer: Option<usize>,
    }
    let figs: Vec<Fig> = order
        .iter()
        .map(|&i| {
            let t = raw[i].cuts.iter().find(|t| t.cut == cut).unwrap();
            let pt = out[i].cuts.iter().find(|t| t.cut == cut).unwrap();
            let seen = t
                .rows
                .iter()
                .enumerate()
                .map(|(k, r)| match pt.rows.get(k) {
                    _ if r.n == 0 => Seen::Shown(0),
                    None => Seen::Withheld,
                    Some(p) => match (p.hidden, p.n) {
                        (None, Some(n)) => Seen::Shown(n),
                        (Some(Hidden::Small), _) => Seen::Small,
                        (Some(Hidden::Protect), _) => Seen::Protect,
                        (None, None) => unreachable!("a shown cell has its n"),
                    },
                })
                .collect();
            Fig {
                total: out[i].total.n,
                seen,
                outer: outer(i).map(|j| order.iter().position(|o| *o == j).unwrap()),
            }
        })
        .collect();
    let mut found: Vec<Vec<BTreeSet<u32>>> = figs
        .iter()
        .map(|f| vec![BTreeSet::new(); f.seen.len()])
        .collect();
    let mut values: Vec<Vec<u32>> = figs.iter().map(|f| vec![0; f.seen.len()]).collect();
    let mut steps = 0u64;
    fn full(figs: &[Fig], found: &[Vec<BTreeSet<u32>>]) -> bool {
        figs.iter().zip(found).all(|(f, sets)| {
            f.total.is_none()
                || f.seen
                    .iter()
                    .zip(sets)
                    .all(|(s, set)| !matches!(s, Seen::Small) || set.len() == 4)
        })
    }
    // Assigns figure m's row k onwards; `sum` is what its rows so far add
    // up to. Returns true to stop (every small row seen at 1 to 4).
    fn go(
        figs: &[Fig],
        values: &mut Vec<Vec<u32>>,
        found: &mut Vec<Vec<BTreeSet<u32>>>,
        steps: &mut u64,
        m: usize,
        k: usize,
        sum: u32,
    ) -> bool {
        *steps += 1;
        if *steps >= MAX_STEPS {
            return true;
        }
        let f = &figs[m];
        let (lo_total, hi_total) = f.total.map_or((1, 4), |t| (t, t));
        if k == f.seen.len() {
            if sum < lo_total || sum > hi_total {
                return false;
            }
            if m + 1 == figs.len() {
                for (mi, fig) in figs.iter().enumerate() {
                    for (ki, s) in fig.seen.iter().enumerate() {
                        if matches!(s, Seen::Small) {
                            found[mi][ki].insert(values[mi][ki]);
                        }
                    }
                }
                return full(figs, found);
            }
            return go(figs, values, found, steps, m + 1, 0, 0);
        }
        let ceiling = f.outer.map_or(u32::MAX, |o| values[o][k]);
        let range = match f.seen[k] {
            Seen::Shown(n) => n..=n,
            Seen::Small => 1..=4,
            Seen::Protect => 5..=hi_total,
            Seen::Withheld => 1..=hi_total,
        };
        for v in range {
            if v > ceiling || sum + v > hi_total {
                break;
            }
            values[m][k] = v;
            if go(figs, values, found, steps, m, k + 1, sum + v) {
                return true;
            }
        }
        false
    }
    go(&figs, &mut values, &mut found, &mut steps, 0, 0, 0);
    if steps >= MAX_STEPS {
        return None;
    }
    // Under a hidden total every row is small and each is at most the
    // total less the others: the rule asks nothing more there.
    let mut result = Vec::new();
    for (fi, f) in figs.iter().enumerate().filter(|(_, f)| f.total.is_some()) {
        for (k, s) in f.seen.iter().enumerate() {
            if matches!(s, Seen::Small) {
                let id = raw[order[fi]].definition.id.to_owned();
                result.push(((id, keys[k].clone()), found[fi][k].clone()));
            }
        }
    }
    Some(result)
}

/// The most assignments one group's enumeration may try (a few seconds).
const MAX_STEPS: u64 = 20_000_000;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Published together, the cohort and its stages hide the same rows,
    /// and in none of them can a small row be narrowed below 1 to 4, even
    /// by someone who reads them all together with their definitions.
    #[test]
    fn no_small_row_of_a_group_can_be_worked_out(figures in arb_group()) {
        let out = publish_all(&figures);
        for (raw, p) in figures.iter().zip(&out) {
            check_published(raw, p, false)?;
        }
        check_group_hides_alike(&figures, &out)?;
        let possible = group_possible_values(&figures, &out, Cut::Counselor);
        prop_assume!(possible.is_some(), "too large to enumerate");
        for ((id, key), values) in possible.unwrap_or_default() {
            prop_assert_eq!(values, one_to_four(), "{} {}", id, key);
        }
    }

    /// A single partition, published alone, of up to six rows of 0–30.
    #[test]
    fn no_small_row_of_a_partition_can_be_worked_out(
        ns in prop::collection::vec(prop_oneof![0u32..=5, 0u32..=30], 1..=6)
    ) {
        let keys = ["A", "B", "C", "D", "E", "F"];
        let rows: Vec<(&str, u32)> = keys.iter().copied().zip(ns).collect();
        let f = figure("sessions", Cut::Month, &rows);
        check_published(&f, &publish(&f), true)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every figure of a random caseload, published together.
    #[test]
    fn no_cell_under_five_of_a_caseload_can_be_worked_out(cl in arb_caseload()) {
        let p = doyak_kpi::Period::months("2026-01", "2026-06", day("2026-12-04")).unwrap();
        let figures = compute(&cl, p);
        let out = publish_all(&figures);
        for (raw, p) in figures.iter().zip(&out) {
            check_published(raw, p, false)?;
        }
        check_group_hides_alike(&figures, &out)?;
    }
}
