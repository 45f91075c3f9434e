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
use doyak_kpi::{Cell, FIGURES, Hidden, Partial};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

/// The region of centers that have none.
pub const NO_REGION: &str = "지역 미지정";

/// What a caller may read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scope {
    /// A device, or its center's administrator: that center.
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
            ViewerScope::Center(c) => Scope::Center { center_id: *c },
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
    let all = match scope {
        // A device knows its own center's numbers: a "protect" or
        // "withheld" on them would tell it of the others'. Its own cells
        // alone, each hidden only when small.
        Scope::Center { center_id } => All {
            centers: rows
                .iter()
                .filter(|r| r.center_id == *center_id)
                .map(|r| CenterCount {
                    center_id: r.center_id,
                    count: own(r.month.clone(), r.metric.clone(), r.count),
                })
                .collect(),
            regions: Vec::new(),
            national: Vec::new(),
        },
        _ => publish_all(&region_of, rows),
    };
    let covers_center = |c: &Uuid| covers_center(scope, &region_of, c);
    let covers_region = |r: &str| covers_region(scope, r);
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

/// Every cell of the tree, published (see the module's note): each
/// metric alone (they count different things).
fn publish_all(region_of: &BTreeMap<Uuid, String>, rows: &[CountRow]) -> All {
    let mut every: BTreeMap<String, BTreeSet<Uuid>> = BTreeMap::new();
    for (id, region) in region_of {
        every.entry(region.clone()).or_default().insert(*id);
    }
    let mut trees: BTreeMap<(String, String), tree::Member> = BTreeMap::new();
    for r in rows {
        let region = region_of
            .get(&r.center_id)
            .cloned()
            .unwrap_or_else(|| NO_REGION.to_owned());
        every.entry(region.clone()).or_default().insert(r.center_id);
        let m = trees
            .entry((r.month.clone(), r.metric.clone()))
            .or_default();
        add(
            m.centers
                .entry(r.center_id)
                .or_insert_with(|| cell(r.center_id.to_string(), 0)),
            r.count,
        );
        add(
            m.regions
                .entry(region.clone())
                .or_insert_with(|| cell(region, 0)),
            r.count,
        );
        add(
            m.nation.get_or_insert_with(|| cell(String::new(), 0)),
            r.count,
        );
    }
    let mut all = All {
        centers: Vec::new(),
        regions: Vec::new(),
        national: Vec::new(),
    };
    for ((month, metric), member) in trees {
        let out = |s: tree::Shown| Published {
            month: month.clone(),
            metric: metric.clone(),
            count: s.n.map(u64::from),
            suppressed: s.hidden.is_some(),
            hidden: s.hidden,
        };
        for p in tree::publish(std::slice::from_ref(&member), &[None], &every) {
            all.national.extend(p.nation.map(out));
            all.regions
                .extend(p.regions.into_iter().map(|(region, s)| RegionCount {
                    region,
                    count: out(s),
                }));
            all.centers
                .extend(p.centers.into_iter().map(|(center_id, s)| CenterCount {
                    center_id,
                    count: out(s),
                }));
        }
    }
    all
}

/// A figure's cell as answered: n and value, or why they are hidden.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureValue {
    pub month: String,
    pub figure: &'static str,
    pub n: Option<u32>,
    pub value: Option<f64>,
    pub suppressed: bool,
    pub hidden: Option<Why>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CenterFigure {
    pub center_id: Uuid,
    #[serde(flatten)]
    pub cell: FigureValue,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionFigure {
    pub region: String,
    #[serde(flatten)]
    pub cell: FigureValue,
}

/// A figure's definition as the answer carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureInfo {
    pub id: &'static str,
    pub side: &'static str,
    pub label_ko: &'static str,
    pub definition_ko: &'static str,
    pub unit: doyak_kpi::Unit,
    /// What n counts ("명", "곳", "건").
    pub n_unit: &'static str,
}

/// The answer of `/stats/figures`: the desk's figures (docs/kpi.md), each
/// month on its own, per center, region and nation as the caller may read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub scope: Scope,
    pub centers: Vec<CenterName>,
    pub figures: Vec<FigureInfo>,
    /// Per center, month and figure (a center without a row had no units).
    pub by_center: Vec<CenterFigure>,
    pub regions: Vec<RegionFigure>,
    pub national: Vec<FigureValue>,
}

/// Every figure of each month, published over every center whoever asks
/// and cut to `scope`. `partials` holds, per center and month (`YYYY-MM`),
/// the month's totals in catalogue order ([`doyak_kpi::totals`]); a
/// region's and the nation's are the merge of their centers' (their units
/// are disjoint). Figures over the same units ([`doyak_kpi::Group`]) hide
/// the same rows.
pub fn publish_figures(
    scope: &Scope,
    centers: &[CenterRow],
    partials: &BTreeMap<Uuid, BTreeMap<String, Vec<Partial>>>,
) -> Figures {
    let region_of: BTreeMap<Uuid, String> = centers
        .iter()
        .map(|c| (c.center_id, region_label(c)))
        .collect();
    let mut every: BTreeMap<String, BTreeSet<Uuid>> = BTreeMap::new();
    for (id, region) in &region_of {
        every.entry(region.clone()).or_default().insert(*id);
    }
    let months: BTreeSet<&String> = partials.values().flat_map(|m| m.keys()).collect();
    let mut answer = Figures {
        scope: scope.clone(),
        centers: Vec::new(),
        figures: FIGURES
            .iter()
            .filter(|d| !NOT_NATIONAL.contains(&d.id))
            .map(|d| FigureInfo {
                id: d.id,
                side: d.side,
                label_ko: d.label_ko,
                definition_ko: d.definition_ko,
                unit: d.unit,
                n_unit: doyak_kpi::n_unit(d),
            })
            .collect(),
        by_center: Vec::new(),
        regions: Vec::new(),
        national: Vec::new(),
    };
    if let Scope::Center { center_id } = scope {
        // The device's own cells alone (see [`publish`]).
        for (month, totals) in partials.get(center_id).into_iter().flatten() {
            for (d, p) in FIGURES.iter().zip(totals) {
                if NOT_NATIONAL.contains(&d.id) || p.n == 0 {
                    continue;
                }
                let s = tree::Shown::of(doyak_kpi::publish_cell(
                    &p.to_cell(String::new(), d.aggregate),
                ));
                answer.by_center.push(CenterFigure {
                    center_id: *center_id,
                    cell: FigureValue {
                        month: month.clone(),
                        figure: d.id,
                        n: s.n,
                        value: s.value,
                        suppressed: s.hidden.is_some(),
                        hidden: s.hidden,
                    },
                });
            }
        }
        answer.centers = publish(scope, centers, &[]).centers;
        return answer;
    }
    let mut groups: BTreeMap<doyak_kpi::Group, Vec<usize>> = BTreeMap::new();
    for (i, d) in FIGURES.iter().enumerate() {
        if !NOT_NATIONAL.contains(&d.id) {
            groups.entry(d.group).or_default().push(i);
        }
    }
    for month in months {
        for figures in groups.values() {
            let members: Vec<tree::Member> = figures
                .iter()
                .map(|&k| figure_tree(k, month, &region_of, partials))
                .collect();
            let defs: Vec<&doyak_kpi::Definition> = figures.iter().map(|&k| &FIGURES[k]).collect();
            let within = doyak_kpi::nesting(&defs);
            for (&k, p) in figures.iter().zip(tree::publish(&members, &within, &every)) {
                let out = |s: tree::Shown| FigureValue {
                    month: month.clone(),
                    figure: FIGURES[k].id,
                    n: s.n,
                    value: s.value,
                    suppressed: s.hidden.is_some(),
                    hidden: s.hidden,
                };
                answer.national.extend(p.nation.map(out));
                answer
                    .regions
                    .extend(p.regions.into_iter().map(|(region, s)| RegionFigure {
                        region,
                        cell: out(s),
                    }));
                answer
                    .by_center
                    .extend(p.centers.into_iter().map(|(center_id, s)| CenterFigure {
                        center_id,
                        cell: out(s),
                    }));
            }
        }
    }
    let cut = publish(scope, centers, &[]);
    answer.centers = cut.centers;
    answer
        .by_center
        .retain(|c| covers_center(scope, &region_of, &c.center_id));
    answer.regions.retain(|r| covers_region(scope, &r.region));
    if *scope != Scope::National {
        answer.national.clear();
    }
    answer
}

/// Figure `k`'s cells of one month: each center's, each region's merge,
/// the nation's merge.
fn figure_tree(
    k: usize,
    month: &str,
    region_of: &BTreeMap<Uuid, String>,
    partials: &BTreeMap<Uuid, BTreeMap<String, Vec<Partial>>>,
) -> tree::Member {
    let aggregate = FIGURES[k].aggregate;
    let mut regions: BTreeMap<String, Partial> = BTreeMap::new();
    let mut nation = Partial::default();
    let mut member = tree::Member::default();
    for (center, months) in partials {
        let Some(p) = months.get(month).and_then(|totals| totals.get(k)) else {
            continue;
        };
        if p.n == 0 {
            continue;
        }
        let region = region_of
            .get(center)
            .cloned()
            .unwrap_or_else(|| NO_REGION.to_owned());
        regions.entry(region).or_default().merge(p);
        nation.merge(p);
        member
            .centers
            .insert(*center, p.to_cell(center.to_string(), aggregate));
    }
    member.regions = regions
        .into_iter()
        .map(|(r, p)| (r.clone(), p.to_cell(r, aggregate)))
        .collect();
    member.nation = Some(nation.to_cell(String::new(), aggregate));
    member
}

fn covers_center(scope: &Scope, region_of: &BTreeMap<Uuid, String>, c: &Uuid) -> bool {
    match scope {
        Scope::Center { center_id } => c == center_id,
        Scope::Region { region } => region_of.get(c) == Some(region),
        Scope::National => true,
    }
}

fn covers_region(scope: &Scope, r: &str) -> bool {
    match scope {
        Scope::Center { .. } => false,
        Scope::Region { region } => region == r,
        Scope::National => true,
    }
}

/// A count of the caller's own center, hidden only when it is 1–4.
fn own(month: String, metric: String, n: u64) -> Published {
    let small = n > 0 && n < u64::from(doyak_kpi::MIN_CELL);
    Published {
        month,
        metric,
        count: (!small).then_some(n),
        suppressed: small,
        hidden: small.then_some(Why::Small),
    }
}

/// Figures not answered month by month across centers: `seekers_active`
/// counts every seeker still in the program who joined by the month's
/// end, so two months' values subtract to the month's joiners still in —
/// a count `/stats/counts` hides when it is 1–4.
pub const NOT_NATIONAL: &[&str] = &["seekers_active"];

fn add(c: &mut Cell, n: u64) {
    c.n = c.n.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
    c.value = Some(f64::from(c.n));
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

mod tree;

#[cfg(test)]
mod tests;
