//! Reference data compiled into the binary from `assets/refdata/` (sources in
//! `assets/ATTRIBUTION.md`), with lookups, Korean search and distances.
//!
//! Parsed once on first use; no files are read at run time, so the desk and
//! the CLI work the same on a laptop with no network and no install directory.

mod search;
mod tables;

pub use search::{Hit, SearchKind};
pub use tables::{
    FocusMapping, Keco, Ksic, KsicLevel, MinimumWage, OccupationAlias, PartnerType, PpuriTech,
    Qualification, RefData, Sigungu,
};

/// The reference data, parsed on first use.
pub fn get() -> &'static RefData {
    tables::get()
}
