//! The national counts as a caller may read them: who sees what
//! ([`Scope`]), and the one publication every caller's answer is cut from,
//! so that no two answers can be subtracted to pin a small count.
//!
//! Per month and metric the counts form a tree: centers under their region
//! (the administrator's label; centers without one under "지역 미지정"),
//! regions under the nation. The nation's total is hidden when it is 1–4;
//! the regions are published under it by the desk's rule for a partition
//! (`doyak_kpi::publish_partition`: a row of 1–4 is hidden, and further
//! rows until every hidden small row could be any of 1 to 4); a region
//! shown publishes its centers the same way under its total. Under a
//! hidden total every row is withheld, 0s too ([`Why::Withheld`]): shown
//! rows would be subtracted from it, and rows marked 1–4 under a total
//! marked 1–4 would bound each other (two of them make each at most 3). A caller is then handed the part of that one publication its
//! scope covers: a device its own center's rows, a regional viewer its
//! region's centers and its region's totals, a national viewer all of it.
//! Pure: no storage, no HTTP.

use crate::model::{CenterRow, CountRow, ViewerScope};
use doyak_kpi::{Cell, Hidden, PublishedCell, publish_cell, publish_partition};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// The region of centers that have none.
pub const NO_REGION: &str = "지역 미지정";

/// What a caller may read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    /// A device: its own center.
    Center { center_id: Uuid },
    /// A regional viewer: the centers of one region.
    Region { region: String },
    /// A national viewer: every center.
    National,
}

impl From<&ViewerScope> for Scope {
    fn from(v: &ViewerScope) -> Scope {
        match v {
            ViewerScope::National => Scope::National,
            ViewerScope::Region(r) => Scope::Region { region: r.clone() },
        }
    }
}

/// Why a count is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// It is 1–4.
    Small,
    /// It is 5 or more, hidden so that a small one beside it cannot be
    /// worked out.
    Protect,
    /// The total above it is hidden: it may be anything, 0 included.
    Withheld,
}

impl From<Hidden> for Why {
    fn from(h: Hidden) -> Why {
        match h {
            Hidden::Small => Why::Small,
            Hidden::Protect => Why::Protect,
        }
    }
}

/// A count as answered: `count` is `None` when hidden, and `hidden` says
/// why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    pub month: String,
    pub metric: String,
    pub count: Option<u64>,
    pub suppressed: bool,
    pub hidden: Option<Why>,
}

/// One center's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CenterCount {
    pub center_id: Uuid,
    #[serde(flatten)]
    pub count: Published,
}

/// One region's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionCount {
    pub region: String,
    #[serde(flatten)]
    pub count: Published,
}

/// A center as the answer names it (no one's personal data: the office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CenterName {
    pub center_id: Uuid,
    pub name: String,
    pub region: String,
}

/// The answer of `/stats/counts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub scope: Scope,
    /// The centers the answer covers.
    pub centers: Vec<CenterName>,
    /// Per center, month and metric (a center without a row counted 0).
    pub counts: Vec<CenterCount>,
    /// Per region, month and metric: empty for a device.
    pub regions: Vec<RegionCount>,
    /// The nation's per month and metric: a national viewer's only.
    pub national: Vec<Published>,
}

/// The part of the national publication `scope` covers. `centers` is every
/// center the server serves and `rows` every count of the period: the
/// publication is made over all of them whoever asks.
pub fn publish(scope: &Scope, centers: &[CenterRow], rows: &[CountRow]) -> Counts {
    let region_of: BTreeMap<Uuid, String> = centers
        .iter()
        .map(|c| (c.center_id, region_label(c)))
        .collect();
    let all = publish_all(&region_of, rows);
    let covers_center = |c: &Uuid| match scope {
        Scope::Center { center_id } => c == center_id,
        Scope::Region { region } => region_of.get(c) == Some(region),
        Scope::National => true,
    };
    let covers_region = |r: &str| match scope {
        Scope::Center { .. } => false,
        Scope::Region { region } => region == r,
        Scope::National => true,
    };
    Counts {
        scope: scope.clone(),
        centers: centers
            .iter()
            .filter(|c| covers_center(&c.center_id))
            .map(|c| CenterName {
                center_id: c.center_id,
                name: c.name.clone(),
                region: region_label(c),
            })
            .collect(),
        counts: all
            .centers
            .into_iter()
            .filter(|c| covers_center(&c.center_id))
            .collect(),
        regions: all
            .regions
            .into_iter()
            .filter(|r| covers_region(&r.region))
            .collect(),
        national: if *scope == Scope::National {
            all.national
        } else {
            Vec::new()
        },
    }
}

fn region_label(c: &CenterRow) -> String {
    c.region.clone().unwrap_or_else(|| NO_REGION.to_owned())
}

struct All {
    centers: Vec<CenterCount>,
    regions: Vec<RegionCount>,
    national: Vec<Published>,
}

/// Every cell of the tree, published (see the module's note).
fn publish_all(region_of: &BTreeMap<Uuid, String>, rows: &[CountRow]) -> All {
    // Every center of each region, counted or not: a withheld region
    // withholds all of them, so that a row's presence says nothing.
    let mut members: BTreeMap<String, BTreeSet<Uuid>> = BTreeMap::new();
    for (id, region) in region_of {
        members.entry(region.clone()).or_default().insert(*id);
    }
    // (month, metric) → region → center → count
    let mut trees: BTreeMap<(String, String), BTreeMap<String, BTreeMap<Uuid, u64>>> =
        BTreeMap::new();
    for r in rows {
        let region = region_of
            .get(&r.center_id)
            .cloned()
            .unwrap_or_else(|| NO_REGION.to_owned());
        members
            .entry(region.clone())
            .or_default()
            .insert(r.center_id);
        *trees
            .entry((r.month.clone(), r.metric.clone()))
            .or_default()
            .entry(region)
            .or_default()
            .entry(r.center_id)
            .or_default() += r.count;
    }
    let mut all = All {
        centers: Vec::new(),
        regions: Vec::new(),
        national: Vec::new(),
    };
    for ((month, metric), tree) in trees {
        let out = |count: Option<u64>, hidden: Option<Why>| Published {
            month: month.clone(),
            metric: metric.clone(),
            count,
            suppressed: hidden.is_some(),
            hidden,
        };
        let published = |c: PublishedCell| out(c.n.map(u64::from), c.hidden.map(Why::from));
        let withheld = || out(None, Some(Why::Withheld));
        let region_totals: Vec<Cell> = tree
            .iter()
            .map(|(region, centers)| cell(region.clone(), centers.values().sum()))
            .collect();
        let nation = cell(
            String::new(),
            region_totals.iter().map(|c| u64::from(c.n)).sum(),
        );
        let nation_cell = publish_cell(&nation);
        let nation_hidden = nation_cell.hidden.is_some();
        all.national.push(published(nation_cell));
        // None: every region withheld.
        let regions = under(&nation, nation_hidden, &region_totals);
        for (region, every) in &members {
            let counted = tree.get(region);
            let position = counted.and_then(|_| tree.keys().position(|r| r == region));
            let region_cell = match (&regions, position) {
                (None, _) => withheld(),
                (Some(cells), Some(at)) => published(cells[at].clone()),
                // Nothing counted in it, under a shown total: a 0.
                (Some(_), None) => continue,
            };
            let counted = counted.cloned().unwrap_or_default();
            let rows: Vec<Cell> = counted
                .iter()
                .map(|(id, n)| cell(id.to_string(), *n))
                .collect();
            let total = cell(region.clone(), counted.values().sum());
            let centers: Vec<(Uuid, Published)> =
                match under(&total, region_cell.count.is_none(), &rows) {
                    Some(cells) => counted
                        .keys()
                        .copied()
                        .zip(cells.into_iter().map(published))
                        .collect(),
                    None => every.iter().map(|id| (*id, withheld())).collect(),
                };
            for (center_id, count) in centers {
                all.centers.push(CenterCount { center_id, count });
            }
            all.regions.push(RegionCount {
                region: region.clone(),
                count: region_cell,
            });
        }
    }
    all
}

/// `rows` published under their `total` by the partition rule, or `None`
/// when every row must be withheld: the total is hidden, or even hiding
/// every row would leave a small one pinned (4 + 4 = 8).
fn under(total: &Cell, total_hidden: bool, rows: &[Cell]) -> Option<Vec<PublishedCell>> {
    if total_hidden {
        return None;
    }
    let (cells, withheld) = publish_partition(total, rows);
    (!withheld).then_some(cells)
}

fn cell(key: String, n: u64) -> Cell {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    Cell {
        key,
        n,
        value: Some(f64::from(n)),
    }
}

/// The regions the centers are in, each once, in order.
pub fn regions(centers: &[CenterRow]) -> BTreeSet<String> {
    centers.iter().map(region_label).collect()
}

#[cfg(test)]
mod tests;
