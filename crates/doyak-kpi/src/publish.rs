//! What may leave the laptop (an export, a report, the server): every
//! cell resting on 1 to 4 units is hidden as "5명 미만" with its n, and
//! where the rows of a cut add up to a shown total, one hidden row alone
//! would be the total minus the others, so the next smallest row is
//! hidden with it. A 0 is shown: it describes no one.

use crate::catalogue::{Cut, Definition, Unit};
use crate::compute::{Cell, Figure};
use serde::Serialize;

/// The fewest units a published cell may rest on.
pub const MIN_CELL: u32 = 5;

/// A cell as published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedCell {
    pub key: String,
    /// `None` when hidden.
    pub n: Option<u32>,
    pub value: Option<f64>,
    pub suppressed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedCut {
    pub cut: Cut,
    pub rows: Vec<PublishedCell>,
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

/// "5명 미만": how a hidden cell reads.
pub fn hidden_text(d: &Definition) -> String {
    format!("{MIN_CELL}{} 미만", n_unit(d))
}

fn hidden(n: u32) -> bool {
    n > 0 && n < MIN_CELL
}

fn shown(c: &Cell) -> PublishedCell {
    PublishedCell {
        key: c.key.clone(),
        n: Some(c.n),
        value: c.value,
        suppressed: false,
    }
}

fn suppressed(key: &str) -> PublishedCell {
    PublishedCell {
        key: key.to_owned(),
        n: None,
        value: None,
        suppressed: true,
    }
}

/// The figure with every small cell hidden.
pub fn publish(f: &Figure) -> PublishedFigure {
    let total_hidden = hidden(f.total.n);
    let cuts = f
        .cuts
        .iter()
        .map(|t| {
            let mut hide: Vec<bool> = t.rows.iter().map(|r| hidden(r.n)).collect();
            // One hidden row of a partition under a shown total is the
            // total minus the rest: hide the next smallest with it.
            if t.cut.partitions()
                && !total_hidden
                && hide.iter().filter(|h| **h).count() == 1
                && let Some((i, _)) = t
                    .rows
                    .iter()
                    .enumerate()
                    .filter(|(i, r)| !hide[*i] && r.n > 0)
                    .min_by_key(|(_, r)| r.n)
            {
                hide[i] = true;
            }
            PublishedCut {
                cut: t.cut,
                rows: t
                    .rows
                    .iter()
                    .zip(hide)
                    .map(|(r, h)| if h { suppressed(&r.key) } else { shown(r) })
                    .collect(),
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
        total: if total_hidden {
            suppressed("")
        } else {
            shown(&f.total)
        },
        cuts,
    }
}
