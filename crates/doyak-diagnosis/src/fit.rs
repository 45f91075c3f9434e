//! One seeker against one occupation: each unit's status and the evidence
//! that decided it, and the fit out of 100 whose parts add up to it.
//!
//! | part | points |
//! |---|---|
//! | competency units | 70 × Σ(weight × value) / Σ weight; 필수 weighs 2, 선택 1; 충족 1, 일부 0.5, 미충족 0 |
//! | related experience | 20 × min(months, 24) / 24, months weighted: the occupation itself (or a finer code) 1, the same 소분류 0.75, the same 중분류 (or a job written only as the 중분류) 0.5, a related 중분류 0.5 × its weight (`assets/match/keco_related.csv`), else 0 |
//! | 희망 직종 | 10 when a desired code is the occupation or contains it, 7 for the same 중분류, 7 × weight for a related one, 2 for the same 대분류, else 0; 5 to everyone when none is stated |
//!
//! Points are integer centi-points inside, each part rounded on its own, so
//! the reasons add up to the fit exactly and ties are real.
//!
//! Every part grows with what the seeker holds: a unit's status is the best
//! any of its evidence reaches, and a certificate, a month or an hour more
//! can only raise it. That is what makes "adding a certificate never lowers
//! a fit" true (tested as a property).

use crate::data::{Evidence, EvidenceKind, Occupation, Profiles, Strength, Unit, same_lineage};
use crate::input::Held;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The units part's full points, in centi-points.
pub const UNITS_MAX: u32 = 7_000;
/// The experience part's full points, in centi-points.
pub const EXPERIENCE_MAX: u32 = 2_000;
/// The 희망 직종 part's full points, in centi-points.
pub const DESIRED_MAX: u32 = 1_000;
/// Weighted months of related experience that earn the full experience part.
pub const EXPERIENCE_FULL_MONTHS: u32 = 24;

/// Whether the seeker shows a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitStatus {
    Missing,
    Partly,
    Met,
}

impl UnitStatus {
    pub fn label_ko(self) -> &'static str {
        match self {
            UnitStatus::Met => "충족",
            UnitStatus::Partly => "일부 충족",
            UnitStatus::Missing => "미충족",
        }
    }

    /// The unit's value in the units part, in halves.
    fn halves(self) -> u32 {
        match self {
            UnitStatus::Met => 2,
            UnitStatus::Partly => 1,
            UnitStatus::Missing => 0,
        }
    }
}

/// How far one piece of evidence goes for this seeker.
pub(crate) fn evidence_status(evidence: &Evidence, held: &Held) -> UnitStatus {
    let full = |met: bool, some: bool| match (met, some) {
        (true, _) => match evidence.strength {
            Strength::Full => UnitStatus::Met,
            Strength::Partial => UnitStatus::Partly,
        },
        (false, true) => UnitStatus::Partly,
        (false, false) => UnitStatus::Missing,
    };
    match &evidence.kind {
        EvidenceKind::Certificate { .. } => full(held.has_certificate(evidence.slot), false),
        EvidenceKind::Skill { .. } => full(held.has_skill(evidence.slot), false),
        EvidenceKind::Experience { months, .. } => {
            // Months in a coarser code ("82" for 용접원) show the unit only
            // in part: the job may have been another one of the group.
            let (exact, coarser) = held.months_in(evidence.slot);
            full(exact >= *months, exact + coarser > 0)
        }
        EvidenceKind::Training { hours, .. } => match held.training_hours(evidence.slot) {
            Some(got) => full(got >= *hours, true),
            None => UnitStatus::Missing,
        },
    }
}

/// The best status any of the unit's evidence reaches.
pub(crate) fn unit_status(unit: &Unit, held: &Held) -> UnitStatus {
    unit.evidence
        .iter()
        .map(|e| evidence_status(e, held))
        .max()
        .unwrap_or(UnitStatus::Missing)
}

/// doyak-match's middle-group relatedness for every pair of two-digit
/// codes, asked once: the fit reads it per occupation and work period.
static RELATED: LazyLock<Vec<f32>> = LazyLock::new(|| {
    let mut m = vec![0.0; 100 * 100];
    for a in 0..100 {
        for b in 0..100 {
            m[a * 100 + b] =
                doyak_match::middle_relatedness(&format!("{a:02}"), &format!("{b:02}"));
        }
    }
    m
});

fn relatedness(a: &str, b: &str) -> f32 {
    match (a.parse::<usize>(), b.parse::<usize>()) {
        (Ok(a), Ok(b)) if a < 100 && b < 100 => RELATED[a * 100 + b],
        _ => 0.0,
    }
}

/// How much a month in `worked` counts toward `occupation`, in percent.
pub(crate) fn experience_weight_pct(worked: &str, occupation: &str) -> u32 {
    if worked.starts_with(occupation) {
        100
    } else if occupation.starts_with(worked) && worked.len() >= 3 {
        // A job written only down to the 소분류 of this occupation.
        75
    } else if worked.len() >= 3 && occupation.len() >= 3 && worked[..3] == occupation[..3] {
        75
    } else if worked.len() >= 2 && occupation.len() >= 2 && worked[..2] == occupation[..2] {
        50
    } else if worked.len() >= 2 && occupation.len() >= 2 {
        (50.0 * relatedness(&worked[..2], &occupation[..2])).round() as u32
    } else {
        0
    }
}

/// The weighted months of related experience, in hundredths of a month.
pub(crate) fn weighted_months_pct(held: &Held, occupation: &str) -> u32 {
    held.work
        .iter()
        .map(|(code, months)| months * experience_weight_pct(code, occupation))
        .sum()
}

/// How a desired occupation relates to a suggested one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DesiredLevel {
    NotGiven,
    Other,
    Major,
    Related,
    Middle,
    Same,
}

/// The 희망 직종 part: the best level over the desired codes and its
/// centi-points.
pub(crate) fn desired_points(held: &Held, occupation: &str) -> (DesiredLevel, u32) {
    if held.desired.is_empty() {
        return (DesiredLevel::NotGiven, DESIRED_MAX / 2);
    }
    held.desired
        .iter()
        .map(|d| {
            if same_lineage(d, occupation) {
                (DesiredLevel::Same, DESIRED_MAX)
            } else if d.len() >= 2 && d[..2] == occupation[..2] {
                (DesiredLevel::Middle, 700)
            } else if d.len() >= 2 && relatedness(&d[..2], &occupation[..2]) > 0.0 {
                let w = relatedness(&d[..2], &occupation[..2]);
                (DesiredLevel::Related, (700.0 * w).round() as u32)
            } else if d[..1] == occupation[..1] {
                (DesiredLevel::Major, 200)
            } else {
                (DesiredLevel::Other, 0)
            }
        })
        .max_by_key(|&(level, points)| (points, level))
        .unwrap_or((DesiredLevel::Other, 0))
}

/// The three parts of a fit, in centi-points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts {
    pub units: u32,
    pub experience: u32,
    pub desired: u32,
    pub desired_level: DesiredLevel,
    /// Weighted months, in hundredths.
    pub months_pct: u32,
}

impl Parts {
    pub fn total(&self) -> u32 {
        self.units + self.experience + self.desired
    }
}

/// The units part for these statuses (indexed like `occupation.units`).
pub(crate) fn units_points(occupation: &Occupation, status: impl Fn(usize) -> UnitStatus) -> u32 {
    let (mut got, mut of) = (0u64, 0u64);
    for unit in &occupation.units {
        let weight = if unit.required { 2 } else { 1 };
        got += weight * u64::from(status(unit.unit).halves());
        of += weight * 2;
    }
    if of == 0 {
        return 0;
    }
    // Rounded half up, in integers: the same statuses give the same points
    // on every machine.
    ((u64::from(UNITS_MAX) * got * 2 + of) / (of * 2)) as u32
}

/// Every part of the fit, with the seeker's unit statuses already known
/// (`statuses[unit index]`).
pub(crate) fn parts(occupation: &Occupation, held: &Held, statuses: &[UnitStatus]) -> Parts {
    let units = units_points(occupation, |u| statuses[u]);
    let months_pct = weighted_months_pct(held, &occupation.code);
    let capped = months_pct.min(EXPERIENCE_FULL_MONTHS * 100);
    let experience =
        (EXPERIENCE_MAX * capped + EXPERIENCE_FULL_MONTHS * 50) / (EXPERIENCE_FULL_MONTHS * 100);
    let (desired_level, desired) = desired_points(held, &occupation.code);
    Parts {
        units,
        experience,
        desired,
        desired_level,
        months_pct,
    }
}

/// Every unit's status for this seeker, indexed like `profiles.units`.
pub(crate) fn statuses(profiles: &Profiles, held: &Held) -> Vec<UnitStatus> {
    profiles
        .units
        .iter()
        .map(|u| unit_status(u, held))
        .collect()
}
