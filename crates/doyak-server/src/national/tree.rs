//! The publication of one month's tree (centers under regions under the
//! nation) for a group of figures over the same units: the rule of the
//! module above, written once for the counts and the figures.

use super::Why;
use doyak_kpi::{Cell, PublishedCell, publish_cell, publish_partitions};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// One figure's cells of the tree: each center's and each region's (a
/// center or region absent has 0 units), and the nation's.
#[derive(Debug, Clone, Default)]
pub struct Member {
    pub centers: BTreeMap<Uuid, Cell>,
    pub regions: BTreeMap<String, Cell>,
    pub nation: Option<Cell>,
}

/// A cell as published: its n and value, or why it is hidden.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub n: Option<u32>,
    pub value: Option<f64>,
    pub hidden: Option<Why>,
}

impl Shown {
    pub fn of(c: PublishedCell) -> Shown {
        Shown {
            n: c.n,
            value: c.value,
            hidden: c.hidden.map(Why::from),
        }
    }

    fn withheld() -> Shown {
        Shown {
            n: None,
            value: None,
            hidden: Some(Why::Withheld),
        }
    }
}

/// One figure's tree as published.
#[derive(Debug, Clone, Default)]
pub struct Published {
    pub nation: Option<Shown>,
    pub regions: Vec<(String, Shown)>,
    pub centers: Vec<(Uuid, Shown)>,
}

fn zero(key: String) -> Cell {
    Cell {
        key,
        n: 0,
        value: None,
    }
}

/// The group's trees published alike. `every` is each region's centers
/// (counted or not): rows withheld under a hidden total are all of them,
/// 0s too, so that a row's presence says nothing. A region or center with
/// no units in any member and a shown total above is left out (a 0).
/// `within[i]` is the member whose units contain member i's
/// ([`doyak_kpi::nesting`]).
pub fn publish(
    members: &[Member],
    within: &[Option<usize>],
    every: &BTreeMap<String, BTreeSet<Uuid>>,
) -> Vec<Published> {
    let blank = zero(String::new());
    let nations: Vec<&Cell> = members
        .iter()
        .map(|m| m.nation.as_ref().unwrap_or(&blank))
        .collect();
    let mut out: Vec<Published> = nations
        .iter()
        .map(|n| Published {
            nation: Some(Shown::of(publish_cell(n))),
            ..Published::default()
        })
        .collect();
    let region_keys: Vec<String> = members
        .iter()
        .flat_map(|m| {
            m.regions
                .iter()
                .filter(|(_, c)| c.n > 0)
                .map(|(k, _)| k.clone())
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let rows_of = |m: &Member| -> Vec<Cell> {
        region_keys
            .iter()
            .map(|k| m.regions.get(k).cloned().unwrap_or_else(|| zero(k.clone())))
            .collect()
    };
    let region_rows: Vec<Vec<Cell>> = members.iter().map(rows_of).collect();
    let regions = under(&nations, &region_rows, within);
    // Each member's published region cells, by region: `None` withheld.
    let mut region_shown: Vec<BTreeMap<String, Option<Shown>>> =
        vec![BTreeMap::new(); members.len()];
    for (i, published) in regions.iter().enumerate() {
        match published {
            Some(cells) => {
                for (key, c) in region_keys.iter().zip(cells) {
                    region_shown[i].insert(key.clone(), Some(Shown::of(c.clone())));
                }
            }
            None => {
                for key in every.keys() {
                    region_shown[i].insert(key.clone(), None);
                }
            }
        }
    }
    for (region, centers_of) in every {
        // The members whose region row is shown publish its centers by
        // the partition rule; the others withhold every one of them.
        let totals: Vec<Option<Cell>> = members
            .iter()
            .enumerate()
            .map(|(i, m)| match region_shown[i].get(region) {
                Some(Some(s)) if s.hidden.is_none() => Some(
                    m.regions
                        .get(region)
                        .cloned()
                        .unwrap_or_else(|| zero(region.clone())),
                ),
                Some(_) => None,
                // Not a row: 0 under a shown total.
                None => Some(zero(region.clone())),
            })
            .collect();
        let center_keys: Vec<Uuid> = centers_of
            .iter()
            .copied()
            .filter(|id| {
                members
                    .iter()
                    .any(|m| m.centers.get(id).is_some_and(|c| c.n > 0))
            })
            .collect();
        let rows: Vec<Vec<Cell>> = members
            .iter()
            .map(|m| {
                center_keys
                    .iter()
                    .map(|id| {
                        let mut c = m
                            .centers
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| zero(String::new()));
                        c.key = id.to_string();
                        c
                    })
                    .collect()
            })
            .collect();
        let shown_totals: Vec<usize> = (0..members.len())
            .filter(|i| totals[*i].is_some())
            .collect();
        let plan_totals: Vec<Cell> = shown_totals
            .iter()
            .map(|i| totals[*i].clone().unwrap_or_else(|| zero(String::new())))
            .collect();
        let plan_rows: Vec<Vec<Cell>> = shown_totals.iter().map(|i| rows[*i].clone()).collect();
        let refs: Vec<&Cell> = plan_totals.iter().collect();
        let plan_within: Vec<Option<usize>> = shown_totals
            .iter()
            .map(|i| nearest(within, *i, &shown_totals))
            .collect();
        let published = under(&refs, &plan_rows, &plan_within);
        for (i, published_member) in out.iter_mut().enumerate() {
            if let Some(s) = region_shown[i].get(region) {
                let shown = s.clone().unwrap_or_else(Shown::withheld);
                published_member.regions.push((region.clone(), shown));
            }
            let at = shown_totals.iter().position(|j| *j == i);
            match at.and_then(|a| published[a].as_ref()) {
                Some(cells) => {
                    for (id, c) in center_keys.iter().zip(cells) {
                        published_member.centers.push((*id, Shown::of(c.clone())));
                    }
                }
                None => {
                    for id in centers_of {
                        published_member.centers.push((*id, Shown::withheld()));
                    }
                }
            }
        }
    }
    out
}

/// Each member's rows under its total by the partition rule, planned
/// together; `None` for a member whose total is hidden (nothing under it
/// is shown) or whose small rows stay pinned whatever is hidden.
fn under(
    totals: &[&Cell],
    rows: &[Vec<Cell>],
    within: &[Option<usize>],
) -> Vec<Option<Vec<PublishedCell>>> {
    let open: Vec<usize> = (0..totals.len())
        .filter(|i| publish_cell(totals[*i]).hidden.is_none())
        .collect();
    let members: Vec<(&Cell, &[Cell])> = open
        .iter()
        .map(|i| (totals[*i], rows[*i].as_slice()))
        .collect();
    let open_within: Vec<Option<usize>> = open.iter().map(|i| nearest(within, *i, &open)).collect();
    let published = publish_partitions(&members, &open_within);
    let mut out: Vec<Option<Vec<PublishedCell>>> = vec![None; totals.len()];
    for (i, (cells, withheld)) in open.into_iter().zip(published) {
        if !withheld {
            out[i] = Some(cells);
        }
    }
    out
}

/// Where in `kept` (indices into the members) the nearest member that
/// member i is within stands, following `within` past members left out.
fn nearest(within: &[Option<usize>], i: usize, kept: &[usize]) -> Option<usize> {
    let mut up = within.get(i).copied().flatten();
    while let Some(j) = up {
        if let Some(at) = kept.iter().position(|k| *k == j) {
            return Some(at);
        }
        up = within.get(j).copied().flatten();
    }
    None
}
