//! The desk's side of matching: 추천 일자리 for a seeker, 추천 인재 for a
//! vacancy (doyak-match over the caseload's own records), and the 알선
//! pipeline they feed — 후보 (shortlist), 알선, 서류 제출, 면접, and the outcome.
//!
//! Only seekers still in the program (접수 to 취업지원) and open vacancies
//! with places left are matched. A seeker's details reach an employer only
//! with their 제3자 제공 consent: 후보 is internal and needs none, every later
//! step does.

use crate::detail::Fact;
use crate::forms::{choice, enum_value, parse_id};
use crate::steps::{NO_CONSENT, StepRow, may_share, parse_status, status_error};
use crate::suggest::{Recommendation, in_desired};
use crate::{AppError, Choice, Desk, VacancyRow};
use chrono::NaiveDate;
use doyak_domain::company::VacancyStatus;
use doyak_domain::events::{Application, ApplicationStatus};
use doyak_domain::{Company, EntityKind, Id, JobSeeker, SeekerStatus, Vacancy};
use doyak_match::{Caseload, SeekerProfile, VacancyProfile};
use doyak_store::VacancyFilter;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// The most seeker–vacancy pairs 배정 제안 weighs. The exact solver's time
/// grows faster than the pairs (measured: 1.3 M pairs 1.6 s, 5.1 M pairs
/// 12.5 s on a 2-core laptop-class machine); past this the desk says so
/// rather than freeze for minutes.
pub const ASSIGNMENT_PAIR_LIMIT: usize = 2_000_000;

/// How many recommendations a tab shows.
pub const RECOMMENDATIONS: usize = 20;

/// Seekers who can still be matched.
const MATCHABLE: [SeekerStatus; 4] = [
    SeekerStatus::Intake,
    SeekerStatus::Diagnosis,
    SeekerStatus::Consulting,
    SeekerStatus::JobSearch,
];

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReasonRow {
    /// Stable code (`certificate_required`, `commute`…).
    pub kind: String,
    pub text: String,
    pub points: f32,
}

/// An 알선 as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApplicationRow {
    pub id: String,
    pub seeker_id: String,
    pub seeker_name: String,
    pub vacancy_id: String,
    pub vacancy_title: String,
    pub company_name: String,
    pub applied_on: String,
    /// An `ApplicationStatus` value.
    pub status: String,
    pub status_label: String,
    /// The outcome is recorded: the status cannot change any more.
    pub closed: bool,
    /// What the status may be set to, this one first, in pipeline order:
    /// the domain's forward-only, consent-gated rule, so the page offers
    /// exactly what `step_application` accepts.
    pub next_statuses: Vec<Choice>,
    /// Which of `next_statuses` record the outcome (합격, 불합격, 취소):
    /// final, so the page asks before taking them.
    pub final_statuses: Vec<String>,
    pub note: String,
    /// How it got here: the day it was recorded, then each step.
    pub steps: Vec<StepRow>,
    /// The 취업 recorded from this 알선, if any.
    pub placement_id: Option<String>,
    /// 합격 with no 취업 recorded yet: the page offers 취업 등록.
    pub needs_placement: bool,
}

/// 배정 제안: the caseload-wide assignment with the largest total fit, as a
/// list of suggestions a counselor may act on one by one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AssignmentView {
    /// Best fit first.
    pub items: Vec<Recommendation>,
    /// Seekers and open places weighed.
    pub seekers: u32,
    pub places: u32,
    pub total_score: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VacancyDetail {
    pub row: VacancyRow,
    pub facts: Vec<Fact>,
    pub applications: Vec<ApplicationRow>,
    /// Places not yet filled by a hire.
    pub open_places: u32,
}

/// A job seeker as the matcher sees them, or `None` when there is no place
/// to measure a commute from. A seeker who was not asked about shift work
/// is not excluded from it: only an explicit "no" is a hard constraint.
pub(crate) fn seeker_profile(s: &JobSeeker, today: NaiveDate) -> Option<SeekerProfile> {
    let sigungu = s
        .home_sigungu
        .as_ref()
        .or(s.desired_sigungu.first())?
        .to_string();
    // Years per job; a job with a KECO occupation counts only toward
    // related vacancies, one without toward any (the matcher decides).
    let years = |w: &doyak_domain::seeker::WorkExperience| {
        let start = w.starts_on?;
        let end = w.ends_on.unwrap_or(today).min(today);
        Some(
            ((end - start).num_days().max(0) as f32 / 365.25)
                .min(doyak_match::MAX_EXPERIENCE_YEARS),
        )
    };
    let mut unknown = 0.0f32;
    let mut by_occupation: Vec<doyak_match::OccupationExperience> = Vec::new();
    for w in &s.work_history {
        let Some(y) = years(w) else { continue };
        // A code the reference data does not know would make the matcher
        // refuse the whole profile: such a job counts as of no stated
        // occupation instead.
        let known = w
            .occupation
            .as_ref()
            .filter(|c| doyak_match::keco_is_known(c.as_str()));
        match known {
            Some(code) => by_occupation.push(doyak_match::OccupationExperience {
                occupation: code.to_string(),
                years: y,
            }),
            None => unknown += y,
        }
    }
    Some(SeekerProfile {
        id: s.id.to_string(),
        birth_year: None,
        sigungu,
        desired_occupations: s
            .desired_occupations
            .iter()
            .map(|c| c.to_string())
            .collect(),
        certificates: s.certificates.iter().map(|c| c.name.clone()).collect(),
        skills: s.skills.clone(),
        experience_years: unknown.min(doyak_match::MAX_EXPERIENCE_YEARS),
        experience_by_occupation: by_occupation,
        desired_wage_monthly: s.desired_wage_monthly,
        max_commute_km: s.max_commute_km,
        accepts_shift: s.accepts_shift.unwrap_or(true),
        // Only an explicit yes lifts the commute limit for 기숙사 jobs.
        willing_to_relocate: s.willing_to_relocate.unwrap_or(false),
    })
}

pub(crate) fn vacancy_profile(v: &Vacancy, hires: u32) -> VacancyProfile {
    VacancyProfile {
        id: v.id.to_string(),
        company_id: v.company_id.to_string(),
        occupation: v.occupation.to_string(),
        sigungu: v.sigungu.to_string(),
        wage_monthly: v.wage_monthly,
        required_certificates: v.required_certificates.clone(),
        preferred_certificates: v.preferred_certificates.clone(),
        skills: v.skills.clone(),
        min_experience_years: v.min_experience_years,
        shift_work: v.shift.is_shift_work(),
        headcount: v.headcount.saturating_sub(hires),
        housing: v.housing,
        commute_bus: v.commute_bus,
    }
}

pub(crate) fn reasons(r: Vec<doyak_match::Reason>) -> Vec<ReasonRow> {
    r.into_iter()
        .map(|r| ReasonRow {
            kind: r.kind.as_str().to_owned(),
            text: r.text_ko,
            points: r.points,
        })
        .collect()
}

/// The caseload as the matcher sees it: every seeker still in the program
/// and every open vacancy with places left, indexed once. Building it reads
/// and decodes every such record (~0.5 s at 50 000 seekers); ranking one
/// seeker or one vacancy against it takes well under a millisecond, so the
/// desk keeps it until a seeker, vacancy or 알선 changes, or the day does
/// (experience counts up to today).
pub(crate) struct MatchPool {
    pub(crate) key: (u64, NaiveDate),
    /// (listed, full, unreadable) for vacancies and for seekers: what the
    /// pages say about who was weighed, in the lists' own terms.
    pub(crate) vacancy_counts: (u32, u32, u32),
    pub(crate) seeker_counts: (u32, u32, u32),
    pub(crate) caseload: Caseload,
    pub(crate) seekers: Vec<PoolSeeker>,
    pub(crate) vacancies: Vec<Vacancy>,
    pub(crate) seeker_at: HashMap<Id, usize>,
    pub(crate) vacancy_at: HashMap<Id, usize>,
    /// The pool by KECO 중분류 for 구인애로 진단, built on first use.
    pub(crate) diagnosis_index: std::cell::OnceCell<crate::company_diagnosis::DiagnosisIndex>,
}

pub(crate) struct PoolSeeker {
    pub(crate) id: Id,
    pub(crate) name: String,
    pub(crate) may_share: bool,
    pub(crate) status: SeekerStatus,
}

/// What invalidates the pool.
const POOL_KINDS: [EntityKind; 3] = [
    EntityKind::Seeker,
    EntityKind::Vacancy,
    EntityKind::Application,
];

impl Desk {
    /// The match pool, rebuilt if anything it was built from has changed.
    pub(crate) fn match_pool(&self) -> Result<std::cell::Ref<'_, MatchPool>, AppError> {
        let key = (self.store.changes(&POOL_KINDS)?, self.clock.today());
        let fresh = self
            .match_pool
            .borrow()
            .as_ref()
            .is_some_and(|p| p.key == key);
        if !fresh {
            let pool = self.build_match_pool(key)?;
            *self.match_pool.borrow_mut() = Some(pool);
        }
        std::cell::Ref::filter_map(self.match_pool.borrow(), Option::as_ref).map_err(|_| {
            AppError::NotFound {
                what: "매칭 자료"
            }
        })
    }

    fn build_match_pool(&self, key: (u64, NaiveDate)) -> Result<MatchPool, AppError> {
        let today = key.1;
        let mut seekers = Vec::new();
        let mut seeker_profiles = Vec::new();
        let mut seeker_counts = (0, 0, 0);
        for s in self.store.seekers_with_status(&MATCHABLE)? {
            seeker_counts.0 += 1;
            let profile = seeker_profile(&s, today).filter(|p| p.validate(0).is_ok());
            if profile.is_none() {
                seeker_counts.2 += 1;
            }
            if let Some(p) = profile {
                seekers.push(PoolSeeker {
                    id: s.id,
                    may_share: may_share(&s),
                    status: s.status,
                    name: s.name,
                });
                seeker_profiles.push(p);
            }
        }
        let hires = self.store.hires_per_open_vacancy()?;
        let open = self.store.vacancies(&VacancyFilter {
            status: Some(VacancyStatus::Open),
            ..Default::default()
        })?;
        let mut vacancies = Vec::new();
        let mut vacancy_profiles = Vec::new();
        let mut vacancy_counts = (0, 0, 0);
        for v in open {
            vacancy_counts.0 += 1;
            let p = vacancy_profile(&v, hires.get(&v.id).copied().unwrap_or(0));
            if p.headcount == 0 {
                vacancy_counts.1 += 1;
            } else if p.validate(0).is_err() {
                vacancy_counts.2 += 1;
            } else {
                vacancies.push(v);
                vacancy_profiles.push(p);
            }
        }
        let caseload =
            Caseload::new(seeker_profiles, vacancy_profiles).map_err(|e| AppError::MatchInput {
                problems: vec![e.to_string()],
            })?;
        Ok(MatchPool {
            key,
            vacancy_counts,
            seeker_counts,
            seeker_at: seekers.iter().enumerate().map(|(i, s)| (s.id, i)).collect(),
            vacancy_at: vacancies
                .iter()
                .enumerate()
                .map(|(i, v)| (v.id, i))
                .collect(),
            caseload,
            seekers,
            vacancies,
            diagnosis_index: std::cell::OnceCell::new(),
        })
    }

    /// A company's name, looked up once per cache.
    pub(crate) fn company_name(
        &self,
        cache: &mut HashMap<Id, String>,
        id: Id,
    ) -> Result<String, AppError> {
        if let Some(n) = cache.get(&id) {
            return Ok(n.clone());
        }
        let name = self
            .store
            .get::<Company>(id)?
            .map(|c| c.name)
            .unwrap_or_default();
        cache.insert(id, name.clone());
        Ok(name)
    }

    /// 배정 제안: who could go where so that the caseload's total fit is
    /// largest, each vacancy taking at most its open places, no pair that
    /// breaks a hard constraint. A suggestion: nothing is recorded.
    pub fn assignment_suggestions(&self) -> Result<AssignmentView, AppError> {
        let pool = self.match_pool()?;
        // Those at the 취업지원 stage, the step where 알선 happens; earlier
        // stages are still being diagnosed and get 추천 one by one.
        let ready: Vec<usize> = (0..pool.seekers.len())
            .filter(|&i| pool.seekers[i].status == SeekerStatus::JobSearch)
            .collect();
        let caseload = Caseload::new(
            ready
                .iter()
                .map(|&i| pool.caseload.seekers()[i].clone())
                .collect(),
            pool.caseload.vacancies().to_vec(),
        )
        .map_err(|e| AppError::MatchInput {
            problems: vec![e.to_string()],
        })?;
        let Some(pairs) = crate::matching::candidate_pairs(&caseload, ASSIGNMENT_PAIR_LIMIT) else {
            return Err(AppError::AssignmentTooLarge {
                seekers: ready.len(),
                vacancies: caseload.vacancies().len(),
                limit: ASSIGNMENT_PAIR_LIMIT,
            });
        };
        let chosen: Vec<(usize, usize)> = crate::matching::solve(&caseload, pairs)?
            .into_iter()
            .map(|(s, v)| (ready[s], v))
            .collect();
        let mut companies = HashMap::new();
        let mut items = Vec::with_capacity(chosen.len());
        for (s, v) in chosen {
            let seeker = &pool.seekers[s];
            let vacancy = &pool.vacancies[v];
            let explanation = pool.caseload.explain(s, v);
            debug_assert!(explanation.feasible(), "the solver saw only feasible pairs");
            let company = self.company_name(&mut companies, vacancy.company_id)?;
            items.push(Recommendation {
                seeker_id: seeker.id.to_string(),
                seeker_name: seeker.name.clone(),
                vacancy_id: vacancy.id.to_string(),
                vacancy_title: vacancy.title.clone(),
                company_name: company,
                score: explanation.score,
                desired: in_desired(&explanation.reasons),
                reasons: reasons(explanation.reasons),
                application: None,
                may_share: seeker.may_share,
            });
        }
        items.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.seeker_id.cmp(&b.seeker_id))
        });
        // The 알선 in progress for a suggested pair is shown on it (one
        // read for all pairs, not one per pair).
        let open: HashMap<(String, String), Application> = self
            .store
            .open_applications()?
            .into_iter()
            .map(|a| ((a.seeker_id.to_string(), a.vacancy_id.to_string()), a))
            .collect();
        for item in &mut items {
            let key = (item.seeker_id.clone(), item.vacancy_id.clone());
            if let Some(a) = open.get(&key) {
                item.application = Some(application_row(
                    a,
                    &item.seeker_name,
                    &item.vacancy_title,
                    &item.company_name,
                    item.may_share,
                ));
            }
        }
        Ok(AssignmentView {
            total_score: items.iter().map(|i| i.score).sum(),
            seekers: ready.len() as u32,
            places: pool.caseload.vacancies().iter().map(|v| v.headcount).sum(),
            items,
        })
    }

    /// A seeker's 알선, newest first.
    pub fn seeker_applications(&self, seeker_id: &str) -> Result<Vec<ApplicationRow>, AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        let names: HashMap<Id, String> = self.store.company_names()?.into_iter().collect();
        let events = self.events_of(seeker.id)?;
        let mut rows = Vec::new();
        for a in self.store.applications_of_seeker(seeker.id)? {
            let v: Option<Vacancy> = self.store.get(a.vacancy_id)?;
            let (title, company) = v
                .map(|v| {
                    let c = names.get(&v.company_id).cloned().unwrap_or_default();
                    (v.title, c)
                })
                .unwrap_or_default();
            let mut row = application_row(&a, &seeker.name, &title, &company, may_share(&seeker));
            self.complete_row(&mut row, &a, &events)?;
            rows.push(row);
        }
        Ok(rows)
    }

    /// A vacancy's page: the facts, its 알선 and how many places are open.
    pub fn vacancy_detail(&self, id: &str) -> Result<VacancyDetail, AppError> {
        let v: Vacancy = self
            .store
            .get(parse_id(id)?)?
            .ok_or(AppError::NotFound { what: "구인" })?;
        let company = self
            .store
            .get::<Company>(v.company_id)?
            .map(|c| c.name)
            .unwrap_or_default();
        let mut applications = Vec::new();
        let mut hired = 0;
        for a in self.store.applications_of_vacancy(v.id)? {
            if a.status == ApplicationStatus::Hired {
                hired += 1;
            }
            let (name, share) = self
                .store
                .get::<JobSeeker>(a.seeker_id)?
                .map(|s| (s.name.clone(), may_share(&s)))
                .unwrap_or_default();
            let mut row = application_row(&a, &name, &v.title, &company, share);
            let events = if a.status == ApplicationStatus::Hired {
                self.events_of(a.seeker_id)?
            } else {
                Vec::new()
            };
            self.complete_row(&mut row, &a, &events)?;
            applications.push(row);
        }
        let fact = |label: &str, value: String| Fact {
            label: label.into(),
            value,
        };
        let list = |xs: &[String]| {
            if xs.is_empty() {
                "없음".to_owned()
            } else {
                xs.join(", ")
            }
        };
        let facts = vec![
            fact("필수 자격", list(&v.required_certificates)),
            fact("우대 자격", list(&v.preferred_certificates)),
            fact("요구 기술", list(&v.skills)),
            fact(
                "필요 경력",
                v.min_experience_years
                    .map(|y| format!("{y}년 이상"))
                    .unwrap_or_else(|| "경력 무관".into()),
            ),
            fact(
                "주 근로시간",
                v.weekly_hours
                    .map(|h| format!("{h}시간"))
                    .unwrap_or_default(),
            ),
            fact(
                "최저임금",
                crate::codes::minimum_wage_note(
                    v.wage_monthly,
                    v.weekly_hours,
                    chrono::Datelike::year(&self.clock.today()),
                ),
            ),
            fact(
                "마감일",
                v.closes_on.map(|d| d.to_string()).unwrap_or_default(),
            ),
            fact("메모", v.note.clone().unwrap_or_default()),
        ];
        let row = self.vacancy_row(&v, &company, &HashMap::from([(v.id, hired)]));
        Ok(VacancyDetail {
            open_places: row.places_left,
            row,
            facts,
            applications,
        })
    }

    /// Records a new 후보 or 알선 for a seeker and a vacancy.
    pub fn add_application(
        &mut self,
        seeker_id: &str,
        vacancy_id: &str,
        status: &str,
    ) -> Result<ApplicationRow, AppError> {
        let status = parse_status(status)?;
        if !matches!(
            status,
            ApplicationStatus::Shortlisted | ApplicationStatus::Proposed
        ) {
            return Err(status_error(
                "새 알선은 '후보' 또는 '알선' 단계로 시작합니다.",
            ));
        }
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        let vacancy: Vacancy = self
            .store
            .get(parse_id(vacancy_id)?)?
            .ok_or(AppError::NotFound { what: "구인" })?;
        if vacancy.status != VacancyStatus::Open {
            return Err(status_error("모집이 끝난 구인에는 알선할 수 없습니다."));
        }
        if let Some(open) = self
            .store
            .applications_of_seeker(seeker.id)?
            .into_iter()
            .find(|a| a.vacancy_id == vacancy.id && !a.status.is_final())
        {
            return Err(status_error(&format!(
                "이 구인에 이미 '{}' 단계의 알선이 있습니다. 알선 현황에서 단계를 바꿔 주세요.",
                open.status.label_ko()
            )));
        }
        check_consent(&seeker, status)?;
        let application = Application {
            id: self.new_id(),
            center_id: self.center_id(),
            seeker_id: seeker.id,
            vacancy_id: vacancy.id,
            applied_on: self.clock.today(),
            status,
            note: None,
        };
        let application = self.create_record(application, |a, center| a.center_id = center)?;
        let company = self
            .store
            .get::<Company>(vacancy.company_id)?
            .map(|c| c.name)
            .unwrap_or_default();
        Ok(application_row(
            &application,
            &seeker.name,
            &vacancy.title,
            &company,
            may_share(&seeker),
        ))
    }
}

fn check_consent(seeker: &JobSeeker, status: ApplicationStatus) -> Result<(), AppError> {
    if status.shares_personal_data() && !may_share(seeker) {
        return Err(status_error(NO_CONSENT));
    }
    Ok(())
}

pub(crate) fn application_row(
    a: &Application,
    seeker: &str,
    title: &str,
    company: &str,
    may_share: bool,
) -> ApplicationRow {
    ApplicationRow {
        id: a.id.to_string(),
        seeker_id: a.seeker_id.to_string(),
        seeker_name: seeker.to_owned(),
        vacancy_id: a.vacancy_id.to_string(),
        vacancy_title: title.to_owned(),
        company_name: company.to_owned(),
        applied_on: a.applied_on.to_string(),
        status: enum_value(&a.status),
        status_label: a.status.label_ko().to_owned(),
        closed: a.status.is_final(),
        next_statuses: a
            .status
            .next_statuses(may_share)
            .into_iter()
            .map(|s| choice(s, s.label_ko()))
            .collect(),
        final_statuses: ApplicationStatus::ALL
            .into_iter()
            .filter(|s| s.is_final())
            .map(|s| enum_value(&s))
            .collect(),
        note: a.note.clone().unwrap_or_default(),
        steps: Vec::new(),
        placement_id: None,
        needs_placement: false,
    }
}
