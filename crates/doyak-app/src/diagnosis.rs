//! Job-seeker diagnosis (doyak-diagnosis) over the two places seekers come
//! from: JSON Lines files, for `doyak diagnose --seekers FILE.jsonl
//! [--vacancies FILE.jsonl]` (no caseload needed, like `doyak match`; all
//! or nothing: a file with one bad line gives every bad line with its
//! number and no results), and the caseload, for `doyak diagnose --seeker`
//! and the seeker page's 진단 tab.

use crate::codes::monthly_wage;
use crate::forms::parse_id;
use crate::matching::{SEEKER_FORMAT, VACANCY_FORMAT, read_records};
use crate::{AppError, Desk};
use chrono::NaiveDate;
use doyak_diagnosis::similar::{PastCase, similar_outcome};
use doyak_diagnosis::{
    Demand, Diagnoser, Diagnosis, RecommendationKind, SeekerInput, Training, UnitStatus, WorkPeriod,
};
use doyak_domain::JobSeeker;
use doyak_interchange::JsonlKind;
use doyak_match::VacancyProfile;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// The output record kind of docs/formats.md.
pub const DIAGNOSIS_FORMAT: &str = "doyak.diagnosis";
const VERSIONS: &[u32] = &[1];

/// One seeker's diagnosis, as `doyak diagnose` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiagnosisLine {
    pub format: &'static str,
    pub version: u32,
    #[serde(flatten)]
    pub diagnosis: Diagnosis,
}

/// The files read and checked.
#[derive(Debug, Clone)]
pub struct DiagnosisInput {
    pub seekers: Vec<SeekerInput>,
    /// The open vacancies local demand is counted from, when a file was
    /// given.
    pub vacancies: Option<Vec<VacancyProfile>>,
}

/// Reads and checks the seekers (the matching seeker format, extended) and,
/// optionally, the vacancies. `*_name` name the files in messages.
pub fn load_files(
    seekers: &[u8],
    seekers_name: &str,
    vacancies: Option<(&[u8], &str)>,
) -> Result<DiagnosisInput, AppError> {
    let mut problems = Vec::new();
    let vacancies_name = vacancies.map_or("", |(_, name)| name);
    let seeker_kind = JsonlKind {
        format: SEEKER_FORMAT,
        versions: VERSIONS,
    };
    let read_seekers: Option<Vec<(usize, SeekerInput)>> =
        read_records(seekers, seekers_name, seeker_kind, &mut problems);
    let read_vacancies: Option<Option<Vec<(usize, VacancyProfile)>>> = match vacancies {
        None => Some(None),
        Some((bytes, name)) => {
            let kind = JsonlKind {
                format: VACANCY_FORMAT,
                versions: VERSIONS,
            };
            read_records(bytes, name, kind, &mut problems).map(Some)
        }
    };
    let (Some(seekers), Some(vacancies)) = (read_seekers, read_vacancies) else {
        return Err(AppError::DiagnosisInput { problems });
    };
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    for (line, s) in &seekers {
        if let Err(e) = s.validate() {
            problems.push(format!("{seekers_name} {line}행: {}", e.problem_ko()));
        }
        if let Some(&first) = first_line.get(s.id.as_str()) {
            problems.push(format!(
                "{seekers_name} {line}행: id '{}'가 {first}행과 겹칩니다.",
                s.id
            ));
        } else {
            first_line.insert(s.id.as_str(), *line);
        }
    }
    for (i, (line, v)) in vacancies.iter().flatten().enumerate() {
        if let Err(e) = v.validate(i) {
            problems.push(format!("{vacancies_name} {line}행: {}", e.problem_ko()));
        }
    }
    if !problems.is_empty() {
        return Err(AppError::DiagnosisInput { problems });
    }
    Ok(DiagnosisInput {
        seekers: seekers.into_iter().map(|(_, s)| s).collect(),
        vacancies: vacancies.map(|v| v.into_iter().map(|(_, v)| v).collect()),
    })
}

/// Every seeker's diagnosis with its `top` occupations, in input order, on
/// `threads` threads (the result does not depend on how many).
pub fn diagnose_all(input: &DiagnosisInput, top: usize, threads: usize) -> Vec<DiagnosisLine> {
    let diagnoser = Diagnoser::new(input.vacancies.as_deref());
    let threads = threads.clamp(1, input.seekers.len().max(1));
    let chunk = input.seekers.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = input
            .seekers
            .chunks(chunk)
            .map(|part| {
                let diagnoser = &diagnoser;
                scope.spawn(move || {
                    part.iter()
                        .map(|s| DiagnosisLine {
                            format: DIAGNOSIS_FORMAT,
                            version: 1,
                            diagnosis: diagnoser.diagnose(s, top),
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A caseload seeker as the diagnosis reads them. Months of work run from
/// a job's start to its end (or `today`); a job with no start day or no
/// KECO occupation the reference data knows says nothing about a unit and
/// is left out. The record keeps no course hours yet, so a course counts as
/// taken of unknown length: it can show a unit 일부, never in full.
pub(crate) fn seeker_input(s: &JobSeeker, today: NaiveDate) -> SeekerInput {
    let work_history = s
        .work_history
        .iter()
        .filter_map(|w| {
            let code = w
                .occupation
                .as_ref()
                .filter(|c| doyak_match::keco_is_known(c.as_str()))?;
            let start = w.starts_on?;
            let end = w.ends_on.unwrap_or(today).min(today);
            let months = ((end - start).num_days().max(0) as f64 / 30.4375).round() as u32;
            Some(WorkPeriod {
                occupation: code.to_string(),
                months: months.min(doyak_diagnosis::MAX_MONTHS),
                employer: Some(w.employer.clone()),
            })
        })
        .collect();
    SeekerInput {
        id: s.id.to_string(),
        sigungu: None,
        desired_occupations: s
            .desired_occupations
            .iter()
            .map(|c| c.to_string())
            .filter(|c| doyak_match::keco_is_known(c))
            .collect(),
        certificates: s.certificates.iter().map(|c| c.name.clone()).collect(),
        skills: s.skills.clone(),
        work_history,
        experience_by_occupation: Vec::new(),
        training: s
            .training
            .iter()
            .filter(|t| !t.course.trim().is_empty())
            .map(|t| Training {
                name: t.course.clone(),
                hours: 0,
            })
            .collect(),
        education: None,
    }
}

impl Desk {
    /// One seeker's diagnosis against every profile, with local demand from
    /// the caseload's open vacancies (places left > 0).
    pub fn diagnose_seeker(&self, id: &str, top: usize) -> Result<Diagnosis, AppError> {
        let seeker = self.seeker(parse_id(id)?)?;
        let input = seeker_input(&seeker, self.clock.today());
        input.validate().map_err(|e| AppError::DiagnosisInput {
            problems: vec![e.to_string()],
        })?;
        let pool = self.match_pool()?;
        let diagnoser = Diagnoser::new(Some(pool.caseload.vacancies()));
        Ok(diagnoser.diagnose(&input, top))
    }
}

/// How many suggested occupations the desk's 진단 tab shows.
pub const DESK_TOP: usize = 5;

/// The 진단 tab: the seeker's best occupations with their unit gaps and
/// local demand, and what closes the gaps.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DiagnosisView {
    pub occupations: Vec<OccupationFitRow>,
    pub recommendations: Vec<RecommendationRow>,
    /// Warnings before the list (nothing known to rank on, …).
    pub notes: Vec<String>,
    /// How many occupation profiles were weighed.
    pub profiles: u32,
    /// The latest 문진 (readiness questionnaire) result, when there is one.
    pub readiness: Option<crate::ReadinessView>,
    /// How many open vacancies with places left local demand counts from.
    pub vacancies: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OccupationFitRow {
    pub code: String,
    pub name: String,
    /// 0–100; the sum of the reasons' points.
    pub fit: f32,
    pub reasons: Vec<FitReasonRow>,
    pub met: u32,
    pub partly: u32,
    pub missing: u32,
    pub units: Vec<UnitGapRow>,
    /// "모집 중 2건 · 자리 3 · 임금 중앙값 월 280만원"; empty when none.
    pub demand: String,
    /// 비슷한 이전 참여자: what the center's closed cases aiming at the same
    /// 중분류 show; empty below 10 cases (a share of a few says nothing).
    pub similar: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FitReasonRow {
    pub text: String,
    pub points: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UnitGapRow {
    pub code: String,
    /// The NCS 능력단위 code, or "확인 필요".
    pub ncs_code: String,
    pub name: String,
    /// "수준 3", or "확인 필요".
    pub level: String,
    /// "필수" or "선택".
    pub required: String,
    /// met | partly | missing: the page's style hook, not shown.
    pub status: String,
    /// 충족 | 일부 충족 | 미충족.
    pub status_label: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecommendationRow {
    /// 자격 | 훈련.
    pub kind: String,
    pub name: String,
    /// The names of the units it would meet.
    pub closes: Vec<String>,
    /// The most one suggested occupation's fit rises, in points.
    pub gain: f32,
    /// Which occupation rises by `gain`.
    pub occupation: String,
    /// "약 12주", or "확인 필요".
    pub effort: String,
    /// 응시자격, when one is known to exist.
    pub prerequisite: String,
}

fn status_key(status: UnitStatus) -> &'static str {
    match status {
        UnitStatus::Met => "met",
        UnitStatus::Partly => "partly",
        UnitStatus::Missing => "missing",
    }
}

fn demand_text(d: &Demand, middle: &str) -> String {
    let coarser = format!("중분류({middle})까지만 적힌 구인 {}건", d.coarser);
    if d.vacancies == 0 {
        return if d.coarser == 0 {
            String::new()
        } else {
            format!("이 직업으로 적힌 구인 없음 · {coarser}")
        };
    }
    let mut parts = vec![format!("모집 중 {}건 · 자리 {}", d.vacancies, d.places)];
    if let Some(w) = d.median_wage_monthly {
        parts.push(format!("임금 중앙값 {}", monthly_wage(w)));
    }
    if d.coarser > 0 {
        parts.push(format!("따로 {coarser}"));
    }
    parts.join(" · ")
}

fn similar_text(occupation: &str, cases: &[PastCase]) -> String {
    match similar_outcome(occupation, cases) {
        None => String::new(),
        Some(o) => {
            let mut text = format!(
                "이 센터에서 같은 중분류({})를 목표로 했던 종료 사례 {}명 중 {}명이 참여 후 6개월 안에 취업",
                o.middle, o.n, o.employed_within_6_months
            );
            if let Some(days) = o.median_days {
                text.push_str(&format!(" (걸린 기간 중앙값 {days}일)"));
            }
            text
        }
    }
}

impl DiagnosisView {
    fn new(d: Diagnosis, vacancies: usize, cases: &[PastCase]) -> DiagnosisView {
        let unit_names: HashMap<String, String> = d
            .occupations
            .iter()
            .flat_map(|o| o.units.iter().map(|u| (u.code.clone(), u.name_ko.clone())))
            .collect();
        let occupation_names: HashMap<String, String> = d
            .occupations
            .iter()
            .map(|o| (o.code.clone(), o.name_ko.clone()))
            .collect();
        let count = |o: &doyak_diagnosis::OccupationFit, s: UnitStatus| {
            o.units.iter().filter(|u| u.status == s).count() as u32
        };
        DiagnosisView {
            occupations: d
                .occupations
                .iter()
                .map(|o| OccupationFitRow {
                    code: o.code.clone(),
                    name: o.name_ko.clone(),
                    fit: o.fit,
                    reasons: o
                        .reasons
                        .iter()
                        .map(|r| FitReasonRow {
                            text: r.text_ko.clone(),
                            points: r.points,
                        })
                        .collect(),
                    met: count(o, UnitStatus::Met),
                    partly: count(o, UnitStatus::Partly),
                    missing: count(o, UnitStatus::Missing),
                    units: o
                        .units
                        .iter()
                        .map(|u| UnitGapRow {
                            code: u.code.clone(),
                            ncs_code: u.ncs_code.clone().unwrap_or_else(|| "확인 필요".into()),
                            name: u.name_ko.clone(),
                            level: u
                                .level
                                .map_or_else(|| "확인 필요".into(), |l| format!("수준 {l}")),
                            required: if u.required { "필수" } else { "선택" }.into(),
                            status: status_key(u.status).into(),
                            status_label: u.status.label_ko().into(),
                            evidence: u.evidence.clone(),
                        })
                        .collect(),
                    demand: o
                        .demand
                        .as_ref()
                        .map(|d| demand_text(d, &o.code[..2]))
                        .unwrap_or_default(),
                    similar: similar_text(&o.code, cases),
                })
                .collect(),
            recommendations: d
                .recommendations
                .iter()
                .map(|r| RecommendationRow {
                    kind: match r.kind {
                        RecommendationKind::Certificate => "자격",
                        RecommendationKind::Training => "훈련",
                    }
                    .into(),
                    name: r.name_ko.clone(),
                    closes: r
                        .closes
                        .iter()
                        .map(|c| unit_names.get(c).cloned().unwrap_or_else(|| c.clone()))
                        .collect(),
                    gain: r.gain,
                    occupation: occupation_names
                        .get(&r.occupation)
                        .cloned()
                        .unwrap_or_else(|| r.occupation.clone()),
                    effort: r
                        .effort_weeks
                        .map_or_else(|| "확인 필요".into(), |w| format!("약 {w}주")),
                    prerequisite: r.prerequisite_ko.clone(),
                })
                .collect(),
            notes: d.notes_ko,
            profiles: doyak_diagnosis::profiles().occupations.len() as u32,
            vacancies: vacancies as u32,
            readiness: None,
        }
    }
}

impl Desk {
    /// The center's closed cases aiming at the 중분류 of any of `codes`.
    fn closed_cases_for(&self, codes: &[&str]) -> Result<Vec<PastCase>, AppError> {
        let mut middles: Vec<&str> = codes.iter().filter_map(|c| c.get(..2)).collect();
        middles.sort_unstable();
        middles.dedup();
        let mut cases = Vec::new();
        for middle in middles {
            cases.extend(
                self.store
                    .closed_cases_in(middle)?
                    .into_iter()
                    .map(|c| PastCase {
                        occupation: c.occupation,
                        enrolled_on: c.enrolled_on,
                        employed_on: c.employed_on,
                    }),
            );
        }
        Ok(cases)
    }

    /// The 진단 tab of a seeker's page.
    pub fn diagnosis_view(&self, seeker_id: &str) -> Result<DiagnosisView, AppError> {
        let vacancies = self.match_pool()?.caseload.vacancies().len();
        let d = self.diagnose_seeker(seeker_id, DESK_TOP)?;
        let codes: Vec<&str> = d.occupations.iter().map(|o| o.code.as_str()).collect();
        let cases = self.closed_cases_for(&codes)?;
        let mut view = DiagnosisView::new(d, vacancies, &cases);
        view.readiness = self.readiness_view(seeker_id)?;
        Ok(view)
    }
}
