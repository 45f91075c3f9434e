//! 성과: the center's performance figures, each defined once
//! ([`catalogue::FIGURES`], repeated in words in docs/kpi.md), computed
//! from plain facts ([`input::Caseload`]) for a period of whole months with
//! its n and its cuts ([`compute::compute`]), and made fit to leave the
//! desk by hiding every cell under 5 and the rows that would give one
//! away, alike in figures over the same units ([`publish::publish_all`]).
//! Pure: the use-case layer gathers the facts; the desk, the CLI, the
//! exports and the server all read the same figures from here.

pub mod catalogue;
pub mod compute;
pub mod input;
pub mod publish;
mod suppress;

pub use catalogue::{Aggregate, Cut, Definition, FIGURES, Group, Unit, definition, nesting};
pub use compute::{
    Cell, CutTable, Figure, Member, Partial, Period, PeriodError, compute, members, month_key,
    totals,
};
pub use publish::{
    Hidden, MIN_CELL, PublishedCell, PublishedCut, PublishedFigure, hidden_label, hidden_text,
    n_unit, publish, publish_all, publish_cell, publish_partition, publish_partitions,
};
