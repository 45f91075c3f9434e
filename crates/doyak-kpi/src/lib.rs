//! 성과: the center's performance figures, each defined once
//! ([`catalogue::FIGURES`], repeated in words in docs/kpi.md), computed
//! from plain facts ([`input::Caseload`]) for a period of whole months with
//! its n and its cuts ([`compute::compute`]), and made fit to leave the
//! desk by hiding every cell under 5 ([`publish::publish`]). Pure: the
//! use-case layer gathers the facts; the desk, the CLI, the exports and
//! the server all read the same figures from here.

pub mod catalogue;
pub mod compute;
pub mod input;
pub mod publish;

pub use catalogue::{Aggregate, Cut, Definition, FIGURES, Unit, definition};
pub use compute::{Cell, CutTable, Figure, Period, PeriodError, compute, month_key};
pub use publish::{MIN_CELL, PublishedCell, PublishedCut, PublishedFigure, hidden_text, publish};
