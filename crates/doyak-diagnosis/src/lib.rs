//! Job-seeker diagnosis (구직자 진단), offline: what 잡케어 does online —
//! a seeker's competencies against occupations, the gap explained unit by
//! unit — plus local demand from the caseload, the certificates and
//! training that close the gaps, the readiness-and-barrier questionnaire
//! with its referrals, and what the center's own past cases say.
//!
//! ```
//! use doyak_diagnosis::{Diagnoser, SeekerInput, UnitStatus};
//!
//! let seeker: SeekerInput = serde_json::from_str(r#"{"id": "s1",
//!     "certificates": ["용접기능사"],
//!     "work_history": [{"occupation": "8241", "months": 30}]}"#).unwrap();
//! seeker.validate()?;
//! let diagnosis = Diagnoser::new(None).diagnose(&seeker, 5);
//! let best = &diagnosis.occupations[0];
//! assert_eq!(best.code, "8241");                 // 용접원
//! let points: f32 = best.reasons.iter().map(|r| r.points).sum();
//! assert!((points - best.fit).abs() < 0.01);     // the parts add up to the fit
//! assert!(best.units.iter().any(|u| u.status == UnitStatus::Met));
//! # Ok::<(), doyak_diagnosis::DiagnosisError>(())
//! ```
//!
//! # Data (`assets/diagnosis/`, compiled in)
//! Occupation profiles at KECO 소분류/세분류 level: `occupations.csv`
//! (code, name, focus industry), `units.csv` (competency units: NCS code
//! where confirmed, name, level), `occupation_units.csv` (which units an
//! occupation needs, 필수/선택), `evidence.csv` (what shows a unit: a
//! certificate from the qualification list, months of experience in a KECO
//! occupation, training by name and hours, a skill; full or partial) and
//! `effort.csv` (weeks a certificate usually takes, 응시자격). Every row
//! carries its basis and the day it was checked. An NCS code or level not
//! confirmed from a source is left empty and shown as 확인 필요. The
//! questionnaire is in `forms/`, `readiness_scales.csv`, `barriers.csv` and
//! `barrier_referrals.csv` (see [`readiness`]).
//!
//! # Fit (0–100)
//! Competency units 70, related experience 20, 희망 직종 10; see [`fit`]
//! for how each part is earned. Occupations are ranked by fit, ties by
//! code: the order is deterministic.
//!
//! # Recommendations
//! A certificate or course that is full evidence of a unit not yet met in a
//! suggested occupation is a candidate. Its gain is the most one suggested
//! occupation's fit would rise with every unit it shows met; candidates are
//! ordered by gain per week of effort, then gain, then name.
//!
//! # IAP 초안
//! [`draft_plan`] turns a diagnosis (and the questionnaire's result) into a
//! goal and monthly activities with due months; [`plan`] states the rules.
//!
//! # Invariants
//! - No IO, no clock, no randomness: the tables are compiled in.
//! - Adding a certificate, a month of experience or an hour of training
//!   never lowers any occupation's fit (property test).
//! - A seeker holding every listed evidence of an occupation has every one
//!   of its units met (property test over every profile).

mod data;
mod demand;
mod diagnose;
mod explain;
pub mod fit;
mod input;
pub mod plan;
pub mod quality;
pub mod readiness;
pub mod similar;

pub use data::{
    Basis, Effort, Evidence, EvidenceKind, Occupation, Profiles, Strength, TRAINING_HOURS_PER_WEEK,
    Unit, UnitRef, is_ncs_unit_code, profiles,
};
pub use demand::{Demand, DemandTable};
pub use diagnose::{
    Diagnoser, Diagnosis, FitReason, FitReasonKind, MAX_RECOMMENDATIONS, OccupationFit,
    Recommendation, RecommendationKind, UnitFit,
};
pub use fit::UnitStatus;
pub use input::{
    MAX_MONTHS, MAX_TRAINING_HOURS, SeekerInput, Training, WorkPeriod, YearsInOccupation,
};
pub use plan::{PlanDraft, PlanError, PlanKind, PlannedActivity, draft_plan};

/// Why a seeker cannot be diagnosed: a field the reference data cannot
/// read. The message is Korean and names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiagnosisError {
    #[error("구직자 {id}: {field} — {problem}")]
    Field {
        id: String,
        field: &'static str,
        problem: String,
    },
}

impl DiagnosisError {
    /// What is wrong, in Korean, without naming the record: for callers
    /// that name it their own way (a file's line number).
    pub fn problem_ko(&self) -> String {
        match self {
            DiagnosisError::Field { field, problem, .. } => format!("{field}: {problem}"),
        }
    }
}
