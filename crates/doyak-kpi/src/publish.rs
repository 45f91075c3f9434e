//! What may leave the laptop (an export, a report, the server): no one
//! outside may pin down a cell resting on 1–4 units. Every such cell is
//! hidden with its n and value and reads "5명 미만" ([`Hidden::Small`]).
//! Where a cut's rows add up to a shown total, the hidden rows add up to
//! the total less the shown ones, so more rows are hidden, reading
//! "비공개" ([`Hidden::Protect`]), until each small row could still be any
//! of 1 to 4 (the rule is in suppress.rs); a cut where even that fails
//! is withheld whole. Figures over the same units ([`crate::Group`]) hide
//! the same rows, or comparing them would give the hidden ones away. A 0
//! is shown: it describes no one.

use crate::catalogue::{Cut, Definition, Group, Unit, nesting};
use crate::compute::{Cell, CutTable, Figure};
use crate::suppress::{self, CutPlan, Member, small};
use serde::Serialize;
use std::collections::BTreeMap;

pub use crate::suppress::MIN_CELL;

/// Why a published cell is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hidden {
    /// It rests on 1–4 units: "5명 미만" (5건·5곳 미만).
    Small,
    /// It rests on 5 or more, hidden so that the small rows beside it
    /// cannot be worked out from the total: "비공개". A total is never
    /// hidden for this.
    Protect,
}

/// A cell as published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedCell {
    pub key: String,
    /// `None` when hidden.
    pub n: Option<u32>,
    pub value: Option<f64>,
    /// Hidden, for whatever reason (kept for readers of `hidden`-less
    /// files: it does not say that the cell is under 5).
    pub suppressed: bool,
    /// Why it is hidden; `None` when shown.
    pub hidden: Option<Hidden>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedCut {
    pub cut: Cut,
    /// Empty when withheld.
    pub rows: Vec<PublishedCell>,
    /// No row is published: the small rows would be pinned down by the
    /// total even with every row hidden (4 + 4 = 8), and their keys and
    /// count alone would tell.
    pub withheld: bool,
}

/// A figure as it may leave the desk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedFigure {
    pub id: &'static str,
    pub side: &'static str,
    pub label_ko: &'static str,
    pub definition_ko: &'static str,
    pub unit: Unit,
    /// What n counts ("명", "곳", "건").
    pub n_unit: &'static str,
    pub total: PublishedCell,
    pub cuts: Vec<PublishedCut>,
}

/// What a figure's n counts.
pub fn n_unit(d: &Definition) -> &'static str {
    match d.unit {
        Unit::People | Unit::Firms | Unit::Cases => d.unit.label_ko(),
        _ => match d.id {
            // People for the cohort's rates and days; placements (one
            // person may have two), sessions, activities and vacancies for
            // the rest.
            "employment_rate_3m" | "employment_rate_6m" | "days_to_employment" => "명",
            _ => "건",
        },
    }
}

/// "5명 미만": how a cell hidden for resting on 1–4 units reads.
pub fn hidden_text(d: &Definition) -> String {
    format!("{MIN_CELL}{} 미만", n_unit(d))
}

/// How a hidden cell reads: "5명 미만" (5건·5곳 미만) when it is small,
/// "비공개" when it is 5 or more and hidden to protect a small one.
pub fn hidden_label(d: &Definition, hidden: Hidden) -> String {
    match hidden {
        Hidden::Small => hidden_text(d),
        Hidden::Protect => "비공개".to_owned(),
    }
}

/// One figure with every small cell hidden, and the rows that would give
/// them away: a group of one. Publish the figures of a period together
/// with [`publish_all`], so that figures over the same units hide the
/// same rows.
pub fn publish(f: &Figure) -> PublishedFigure {
    let plans = Plans::of(std::slice::from_ref(f));
    publish_member(f, 0, &plans)
}

/// Every figure of one period, hidden alike: for each group of figures
/// over the same units ([`Definition::group`]) and each cut whose rows add
/// up to the total, the rows hidden are chosen once for all of them —
/// each key small in any of them, then the rows that keep every small one
/// open, member by member from the largest — and hidden in each (where
/// its row is not 0). In the order given. Figures of two periods must not
/// be mixed in one call: they would be taken for one group.
pub fn publish_all(figures: &[Figure]) -> Vec<PublishedFigure> {
    let plans = Plans::of(figures);
    figures
        .iter()
        .enumerate()
        .map(|(i, f)| publish_member(f, i, &plans))
        .collect()
}

/// Rows that add up to `total`, published by the rule of a partitioning
/// cut (the server's centers under their region, regions under the
/// nation): every row in the same order, hidden when small or when it would
/// give a small one away; all of them hidden when even that fails (the
/// second value is then `true`). The total itself is the caller's to
/// publish (hidden when small).
pub fn publish_partition(total: &Cell, rows: &[Cell]) -> (Vec<PublishedCell>, bool) {
    publish_partitions(&[(total, rows)], &[None])
        .pop()
        .unwrap_or_else(|| (Vec::new(), false))
}

/// Several figures over the same units (a [`Group`]), each one's rows
/// under its total, published as [`publish_partition`] does but hiding the
/// same keys in every one of them (comparing two figures would otherwise
/// give a hidden row away). Rows are matched by key. `within[i]` is the
/// member whose units contain member i's row by row ([`crate::nesting`]):
/// an outsider reads the definitions too.
pub fn publish_partitions(
    members: &[(&Cell, &[Cell])],
    within: &[Option<usize>],
) -> Vec<(Vec<PublishedCell>, bool)> {
    let list: Vec<Member<'_>> = members
        .iter()
        .enumerate()
        .map(|(i, (total, rows))| Member {
            total,
            rows,
            within: within.get(i).copied().flatten(),
        })
        .collect();
    let plan = suppress::plan(&list);
    members
        .iter()
        .zip(&plan.withheld)
        .map(|((_, rows), &withheld)| {
            let cells = rows
                .iter()
                .map(|r| published_cell(r, withheld || plan.hide.contains(&r.key)))
                .collect();
            (cells, withheld)
        })
        .collect()
}

/// A cell published on its own, hidden only when it is small.
pub fn publish_cell(c: &Cell) -> PublishedCell {
    published_cell(c, false)
}

/// The plan of each group's partitioning cuts, and where each figure
/// stands in it.
struct Plans {
    by_cut: BTreeMap<(Group, Cut), (CutPlan, Vec<usize>)>,
}

impl Plans {
    fn of(figures: &[Figure]) -> Plans {
        let mut tables: BTreeMap<(Group, Cut), Vec<(usize, &CutTable)>> = BTreeMap::new();
        for (i, f) in figures.iter().enumerate() {
            for t in f.cuts.iter().filter(|t| t.cut.partitions()) {
                tables
                    .entry((f.definition.group, t.cut))
                    .or_default()
                    .push((i, t));
            }
        }
        let by_cut = tables
            .into_iter()
            .map(|(group_cut, tables)| {
                let defs: Vec<&Definition> =
                    tables.iter().map(|(i, _)| figures[*i].definition).collect();
                let members: Vec<Member<'_>> = tables
                    .iter()
                    .zip(nesting(&defs))
                    .map(|((i, t), within)| Member {
                        total: &figures[*i].total,
                        rows: &t.rows,
                        within,
                    })
                    .collect();
                let indices = tables.iter().map(|(i, _)| *i).collect();
                (group_cut, (suppress::plan(&members), indices))
            })
            .collect();
        Plans { by_cut }
    }

    /// How figure `i` publishes a partitioning cut: `None` when withheld.
    fn plan_for(&self, f: &Figure, i: usize, cut: Cut) -> Option<&CutPlan> {
        let (plan, indices) = self.by_cut.get(&(f.definition.group, cut))?;
        let at = indices.iter().position(|&j| j == i)?;
        (!plan.withheld[at]).then_some(plan)
    }
}

fn publish_member(f: &Figure, i: usize, plans: &Plans) -> PublishedFigure {
    let cuts = f
        .cuts
        .iter()
        .map(|t| {
            if !t.cut.partitions() {
                // A unit may count in several rows or none: nothing can be
                // subtracted, so only the small rows are hidden.
                return published_cut(t, |r| small(r.n));
            }
            match plans.plan_for(f, i, t.cut) {
                Some(plan) => published_cut(t, |r| plan.hide.contains(&r.key)),
                None => PublishedCut {
                    cut: t.cut,
                    rows: Vec::new(),
                    withheld: true,
                },
            }
        })
        .collect();
    PublishedFigure {
        id: f.definition.id,
        side: f.definition.side,
        label_ko: f.definition.label_ko,
        definition_ko: f.definition.definition_ko,
        unit: f.definition.unit,
        n_unit: n_unit(f.definition),
        total: published_cell(&f.total, small(f.total.n)),
        cuts,
    }
}

fn published_cut(t: &CutTable, hide: impl Fn(&Cell) -> bool) -> PublishedCut {
    PublishedCut {
        cut: t.cut,
        rows: t.rows.iter().map(|r| published_cell(r, hide(r))).collect(),
        withheld: false,
    }
}

/// The cell, hidden when small or when asked to (a 0 never is), the
/// reason read from its own n.
fn published_cell(c: &Cell, hide: bool) -> PublishedCell {
    let hidden = if small(c.n) {
        Some(Hidden::Small)
    } else {
        (hide && c.n > 0).then_some(Hidden::Protect)
    };
    match hidden {
        None => PublishedCell {
            key: c.key.clone(),
            n: Some(c.n),
            value: c.value,
            suppressed: false,
            hidden: None,
        },
        Some(_) => PublishedCell {
            key: c.key.clone(),
            n: None,
            value: None,
            suppressed: true,
            hidden,
        },
    }
}
