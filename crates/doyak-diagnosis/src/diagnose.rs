//! A whole diagnosis: every occupation fitted, the best ones explained with
//! their unit gaps and local demand, and the certificates and training that
//! close the largest gaps per week of effort.

use crate::data::{EvidenceKind, Occupation, Profiles, Strength, profiles};
use crate::demand::{Demand, DemandTable};
use crate::fit::{self, DesiredLevel, Parts, UnitStatus};
use crate::input::{Held, SeekerInput};
use doyak_match::VacancyProfile;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a reason is about: a stable code the UI and the CLI can switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FitReasonKind {
    Units,
    Experience,
    Desired,
}

/// One part of a fit and the points it earned; the parts add up to the fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitReason {
    pub kind: FitReasonKind,
    pub text_ko: String,
    pub points: f32,
}

/// One unit of a suggested occupation for this seeker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitFit {
    /// The unit's id: its NCS code once confirmed, Doyak's own id before.
    pub code: String,
    /// The confirmed NCS 능력단위 code; null = 확인 필요.
    pub ncs_code: Option<String>,
    pub name_ko: String,
    /// NCS level 1–8; null = 확인 필요.
    pub level: Option<u8>,
    pub required: bool,
    pub status: UnitStatus,
    /// What decided the status, in Korean: the evidence held (met, partly)
    /// or what would show the unit (missing).
    pub evidence: Vec<String>,
}

/// One suggested occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OccupationFit {
    /// KECO 소분류 or 세분류.
    pub code: String,
    pub name_ko: String,
    /// 0–100, the sum of the reasons' points.
    pub fit: f32,
    pub reasons: Vec<FitReason>,
    pub units: Vec<UnitFit>,
    /// The caseload's open vacancies for it, when vacancies were given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demand: Option<Demand>,
}

/// Something to obtain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    Certificate,
    Training,
}

/// A certificate or a course that closes gaps in the suggested occupations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub kind: RecommendationKind,
    pub name_ko: String,
    /// The units it would meet, over the suggested occupations.
    pub closes: Vec<String>,
    /// The largest rise in one suggested occupation's fit (points).
    pub gain: f32,
    /// Which occupation rises by `gain`.
    pub occupation: String,
    /// Usual weeks to obtain it (the course's hours at 30 a week; a
    /// certificate's from `assets/diagnosis/effort.csv`); null = 확인 필요.
    pub effort_weeks: Option<u32>,
    /// What one must hold before sitting for it (응시자격), when known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prerequisite_ko: String,
}

/// A seeker's diagnosis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub seeker_id: String,
    /// Best first; ties by code.
    pub occupations: Vec<OccupationFit>,
    pub recommendations: Vec<Recommendation>,
    /// What the counselor should know before reading the list, in Korean
    /// (e.g. that nothing was known to rank on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes_ko: Vec<String>,
}

/// How many recommendations a diagnosis lists at most.
pub const MAX_RECOMMENDATIONS: usize = 10;

fn points(centi: u32) -> f32 {
    centi as f32 / 100.0
}

/// The diagnosis engine: the compiled-in profiles and, optionally, the
/// caseload's open vacancies counted once per occupation.
#[derive(Debug, Clone)]
pub struct Diagnoser {
    profiles: &'static Profiles,
    demand: Option<DemandTable>,
}

impl Default for Diagnoser {
    fn default() -> Self {
        Diagnoser::new(None)
    }
}

impl Diagnoser {
    /// With `vacancies`, every suggested occupation carries its local demand.
    pub fn new(vacancies: Option<&[VacancyProfile]>) -> Diagnoser {
        let profiles = profiles();
        Diagnoser {
            profiles,
            demand: vacancies.map(|v| DemandTable::new(profiles, v)),
        }
    }

    pub fn profiles(&self) -> &'static Profiles {
        self.profiles
    }

    /// Every occupation's fit for this seeker, in centi-points, indexed like
    /// the profiles: what the ranking and the properties read.
    pub fn fits(&self, seeker: &SeekerInput) -> Vec<u32> {
        let held = seeker.held(&self.profiles.slots);
        let statuses = fit::statuses(self.profiles, &held);
        self.profiles
            .occupations
            .iter()
            .map(|o| fit::parts(o, &held, &statuses).total())
            .collect()
    }

    /// The `top` best occupations, explained, and what closes their gaps.
    /// The seeker should have passed [`SeekerInput::validate`].
    pub fn diagnose(&self, seeker: &SeekerInput, top: usize) -> Diagnosis {
        let held = seeker.held(&self.profiles.slots);
        let statuses = fit::statuses(self.profiles, &held);
        let mut ranked: Vec<(usize, Parts)> = self
            .profiles
            .occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (i, fit::parts(o, &held, &statuses)))
            .collect();
        ranked.sort_by(|(a, pa), (b, pb)| {
            pb.total().cmp(&pa.total()).then_with(|| {
                self.profiles.occupations[*a]
                    .code
                    .cmp(&self.profiles.occupations[*b].code)
            })
        });
        ranked.truncate(top);
        let occupations = ranked
            .iter()
            .map(|(i, parts)| self.explain(*i, parts, &held, &statuses))
            .collect();
        let chosen: Vec<(usize, u32)> = ranked.iter().map(|(i, p)| (*i, p.units)).collect();
        Diagnosis {
            seeker_id: seeker.id.clone(),
            occupations,
            recommendations: self.recommend(&chosen, &held, &statuses),
            notes_ko: notes(seeker, &held),
        }
    }

    fn explain(
        &self,
        index: usize,
        parts: &Parts,
        held: &Held,
        statuses: &[UnitStatus],
    ) -> OccupationFit {
        let o = &self.profiles.occupations[index];
        let units: Vec<UnitFit> = o
            .units
            .iter()
            .map(|r| {
                let unit = &self.profiles.units[r.unit];
                let status = statuses[r.unit];
                UnitFit {
                    code: unit.id.clone(),
                    ncs_code: unit.ncs_code.clone(),
                    name_ko: unit.name_ko.clone(),
                    level: unit.level,
                    required: r.required,
                    status,
                    evidence: crate::explain::unit_evidence(unit, status, held),
                }
            })
            .collect();
        OccupationFit {
            code: o.code.clone(),
            name_ko: o.name_ko.clone(),
            fit: points(parts.total()),
            reasons: reasons(o, parts, &units, held),
            units,
            demand: self.demand.as_ref().map(|d| d.by_occupation[index].clone()),
        }
    }

    /// Candidates: every certificate or course that is full evidence of a
    /// unit not yet met in a chosen occupation. Gain: the most one chosen
    /// occupation's units part rises when the candidate's units are met.
    fn recommend(
        &self,
        chosen: &[(usize, u32)],
        held: &Held,
        statuses: &[UnitStatus],
    ) -> Vec<Recommendation> {
        // (kind, name) → (units it meets, weeks, prerequisite)
        let mut candidates: BTreeMap<(RecommendationKind, String), Candidate> = BTreeMap::new();
        for &(o, _) in chosen {
            for r in &self.profiles.occupations[o].units {
                if statuses[r.unit] == UnitStatus::Met {
                    continue;
                }
                let unit = &self.profiles.units[r.unit];
                for e in unit
                    .evidence
                    .iter()
                    .filter(|e| e.strength == Strength::Full)
                {
                    let (kind, name, weeks, prerequisite) = match &e.kind {
                        EvidenceKind::Certificate { name, .. } => {
                            if held.has_certificate(e.slot) {
                                continue;
                            }
                            let effort = self.profiles.effort.get(name);
                            (
                                RecommendationKind::Certificate,
                                name.clone(),
                                effort.map(|e| e.weeks),
                                effort
                                    .map(|e| e.prerequisite_ko.clone())
                                    .unwrap_or_default(),
                            )
                        }
                        EvidenceKind::Training { hours, .. } => {
                            let got = held.training_hours(e.slot).unwrap_or(0);
                            let left = hours.saturating_sub(got);
                            (
                                RecommendationKind::Training,
                                crate::explain::training_name(&e.kind),
                                Some(left.div_ceil(crate::data::TRAINING_HOURS_PER_WEEK).max(1)),
                                String::new(),
                            )
                        }
                        EvidenceKind::Experience { .. } | EvidenceKind::Skill { .. } => continue,
                    };
                    let c = candidates.entry((kind, name)).or_insert(Candidate {
                        units: Vec::new(),
                        weeks,
                        prerequisite,
                    });
                    if !c.units.contains(&r.unit) {
                        c.units.push(r.unit);
                    }
                    // The longest estimate when two rows disagree.
                    c.weeks = c.weeks.max(weeks);
                }
            }
        }
        let mut out: Vec<(u64, Recommendation)> = candidates
            .into_iter()
            .filter_map(|((kind, name_ko), c)| {
                let mut best: Option<(u32, usize)> = None;
                for &(o, before) in chosen {
                    let occupation = &self.profiles.occupations[o];
                    let after = fit::units_points(occupation, |u| {
                        if c.units.contains(&u) {
                            UnitStatus::Met
                        } else {
                            statuses[u]
                        }
                    });
                    let gain = after - before;
                    if gain > 0 && best.is_none_or(|(g, _)| gain > g) {
                        best = Some((gain, o));
                    }
                }
                let (gain, o) = best?;
                let mut closes: Vec<String> = c
                    .units
                    .iter()
                    .map(|&u| self.profiles.units[u].id.clone())
                    .collect();
                closes.sort();
                // Gain per week, in hundredths; unknown effort sorts last.
                let per_week = c
                    .weeks
                    .map_or(0, |w| u64::from(gain) * 100 / u64::from(w.max(1)));
                Some((
                    per_week,
                    Recommendation {
                        kind,
                        name_ko,
                        closes,
                        gain: points(gain),
                        occupation: self.profiles.occupations[o].code.clone(),
                        effort_weeks: c.weeks,
                        prerequisite_ko: c.prerequisite,
                    },
                ))
            })
            .collect();
        out.sort_by(|(pa, a), (pb, b)| {
            pb.cmp(pa)
                .then_with(|| b.gain.total_cmp(&a.gain))
                .then_with(|| a.kind.cmp(&b.kind))
                .then_with(|| a.name_ko.cmp(&b.name_ko))
        });
        out.truncate(MAX_RECOMMENDATIONS);
        out.into_iter().map(|(_, r)| r).collect()
    }
}

#[derive(Debug)]
struct Candidate {
    units: Vec<usize>,
    weeks: Option<u32>,
    prerequisite: String,
}

/// Warnings about what the diagnosis could read.
fn notes(seeker: &SeekerInput, held: &Held) -> Vec<String> {
    let mut notes = Vec::new();
    let evidence = held.given + held.work.iter().filter(|(_, m)| *m > 0).count();
    if evidence == 0 && held.desired.is_empty() {
        notes.push(
            "경력·자격·훈련·기술·희망 직종이 하나도 없어 적합도가 모두 같습니다: 순서는 코드 순일 뿐입니다. 먼저 이력을 입력하세요."
                .to_owned(),
        );
    } else if evidence == 0 {
        notes.push("경력·자격·훈련·기술이 없어 희망 직종만으로 순위를 정했습니다.".to_owned());
    }
    if seeker.training.iter().any(|t| t.hours == 0) {
        notes.push(
            "시간을 모르는 훈련은 능력단위를 '일부 충족'까지만 보여 줍니다: 훈련 시간을 입력하면 정확해집니다."
                .to_owned(),
        );
    }
    notes
}

fn reasons(o: &Occupation, parts: &Parts, units: &[UnitFit], held: &Held) -> Vec<FitReason> {
    let count = |required: Option<bool>, status: UnitStatus| {
        units
            .iter()
            .filter(|u| required.is_none_or(|r| u.required == r) && u.status == status)
            .count()
    };
    let required = units.iter().filter(|u| u.required).count();
    let units_text = format!(
        "능력단위 {}개 중 충족 {}개, 일부 충족 {}개 (필수 {}개 중 충족 {}개)",
        units.len(),
        count(None, UnitStatus::Met),
        count(None, UnitStatus::Partly),
        required,
        count(Some(true), UnitStatus::Met),
    );
    let months = parts.months_pct as f32 / 100.0;
    let experience_text = if parts.months_pct == 0 {
        "관련 경력 없음".to_owned()
    } else {
        format!(
            "관련 경력 환산 {months:.1}개월 ({}개월이면 만점)",
            fit::EXPERIENCE_FULL_MONTHS
        )
    };
    let desired_text = match parts.desired_level {
        DesiredLevel::NotGiven => "희망 직종 미입력 (중립 점수)".to_owned(),
        DesiredLevel::Same => format!("희망 직종에 {} 포함", o.name_ko),
        DesiredLevel::Middle => "희망 직종과 같은 중분류".to_owned(),
        DesiredLevel::Related => "희망 직종과 가까운 중분류".to_owned(),
        DesiredLevel::Major => "희망 직종과 같은 대분류".to_owned(),
        DesiredLevel::Other => format!("희망 직종({})과 다름", held.desired.join(", ")),
    };
    vec![
        FitReason {
            kind: FitReasonKind::Units,
            text_ko: units_text,
            points: points(parts.units),
        },
        FitReason {
            kind: FitReasonKind::Experience,
            text_ko: experience_text,
            points: points(parts.experience),
        },
        FitReason {
            kind: FitReasonKind::Desired,
            text_ko: desired_text,
            points: points(parts.desired),
        },
    ]
}
