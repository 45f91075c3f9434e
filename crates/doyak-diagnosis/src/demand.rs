//! Local demand: what the caseload's open vacancies say about each
//! occupation (how many, how many places, the median wage offered).

use crate::data::{Profiles, same_lineage};
use doyak_match::VacancyProfile;
use serde::{Deserialize, Serialize};

/// The caseload's open vacancies for one occupation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demand {
    /// Open vacancies (places left > 0) in the occupation or a finer code.
    pub vacancies: u32,
    /// Places left over those vacancies.
    pub places: u32,
    /// Median monthly wage offered over the ones that state one (원); the
    /// lower middle of an even count, so it is always an offer someone made.
    pub median_wage_monthly: Option<i64>,
    /// Vacancies written only at a coarser code ("82") that may be this
    /// occupation: shown apart, never counted above.
    pub coarser: u32,
}

/// Demand per occupation, indexed like `profiles.occupations`.
#[derive(Debug, Clone, Default)]
pub struct DemandTable {
    pub by_occupation: Vec<Demand>,
}

impl DemandTable {
    /// Counts the open vacancies (headcount > 0) for every profile.
    pub fn new(profiles: &Profiles, vacancies: &[VacancyProfile]) -> DemandTable {
        let open: Vec<&VacancyProfile> = vacancies.iter().filter(|v| v.headcount > 0).collect();
        let by_occupation = profiles
            .occupations
            .iter()
            .map(|o| {
                let mut demand = Demand::default();
                let mut wages = Vec::new();
                for v in &open {
                    if v.occupation.starts_with(&o.code) {
                        demand.vacancies += 1;
                        demand.places = demand.places.saturating_add(v.headcount);
                        wages.extend(v.wage_monthly);
                    } else if same_lineage(&v.occupation, &o.code) {
                        demand.coarser += 1;
                    }
                }
                wages.sort_unstable();
                demand.median_wage_monthly =
                    (!wages.is_empty()).then(|| wages[(wages.len() - 1) / 2]);
                demand
            })
            .collect();
        DemandTable { by_occupation }
    }
}
