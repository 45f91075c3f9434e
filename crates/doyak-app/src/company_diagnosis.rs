//! 구인애로 진단 over the caseload: for each open vacancy of a firm, the
//! figures the engine weighs (peer offers of the same KECO 중분류, the
//! wages seekers aiming at it want, the candidate pools with and without
//! each requirement — counted with the matching engine's own constraints —
//! days open and 알선 made), the site-visit questionnaire's answers, and
//! the evidence per official 미충원 cause that comes out. A saved diagnosis
//! is an event with the scores of the day, the engine version and the form
//! that asked the visit, so two diagnoses of one firm can be compared.

use crate::forms::{choice, enum_value, parse_id};
use crate::recommend::MatchPool;
use crate::{AppError, Choice, Desk};
use chrono::NaiveDate;
use doyak_company::hiring::{self, Cause, CauseCode, HiringFacts, RegionalWages};
use doyak_company::visit::{self, VisitFacts};
use doyak_domain::events::{CaseEvent, CauseFinding, EventBody, HiringDifficulty, VisitAnswers};
use doyak_domain::{Company, FieldError, Id, Vacancy};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use ts_rs::TS;

/// One cause as the page and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CauseRow {
    pub code: String,
    pub label: String,
    /// 0–100; null when the data cannot judge it (확인 필요).
    pub score: Option<u32>,
    pub facts: Vec<String>,
    pub too_strict: bool,
}

/// The causes for one open vacancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VacancyDiagnosis {
    pub vacancy_id: String,
    pub title: String,
    pub occupation: String,
    pub causes: Vec<CauseRow>,
}

/// A firm's diagnosis: every open vacancy with places left, the causes per
/// vacancy, and per cause the strongest score across them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyDiagnosis {
    pub format: String,
    pub version: u32,
    pub company_id: String,
    pub company_name: String,
    pub diagnosed_on: String,
    pub engine: String,
    /// The visit form (`company-visit 1판`) whose answers were weighed, or
    /// "" with none.
    pub visit_form: String,
    pub visit_answered: u32,
    pub vacancies: Vec<VacancyDiagnosis>,
    /// Per cause, the highest score over the vacancies (the firm's view).
    pub summary: Vec<CauseRow>,
    /// Open vacancies left out, with why ("모집 인원이 모두 채워짐").
    pub skipped: Vec<String>,
}

pub const DIAGNOSIS_FORMAT: &str = "doyak.company_diagnosis";

/// One question of the visit form as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VisitItemRow {
    pub id: String,
    pub number: u32,
    pub section: String,
    /// "count", "yesno" or "choice" (any of `options`).
    pub kind: String,
    pub text: String,
    pub options: Vec<Choice>,
}

/// A saved diagnosis in the firm's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiagnosisHistoryRow {
    pub id: String,
    pub occurred_on: String,
    pub engine: String,
    pub factors: Vec<String>,
    /// The strongest causes then ("임금 등 근로조건 70").
    pub top: Vec<String>,
    pub visit: bool,
    pub note: String,
}

/// The 진단 tab: the visit form, the answers last given (to start from),
/// the diagnosis of today's caseload with them, and the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyDiagnosisView {
    pub form: String,
    pub form_version: u32,
    pub items: Vec<VisitItemRow>,
    pub answers: BTreeMap<String, String>,
    /// Null when the firm has no open vacancy to diagnose; `no_vacancy`
    /// says so in Korean.
    pub current: Option<CompanyDiagnosis>,
    pub no_vacancy: String,
    pub factor_choices: Vec<Choice>,
    /// The factors the evidence points at (a cause at 50 or more).
    pub suggested_factors: Vec<String>,
    pub history: Vec<DiagnosisHistoryRow>,
}

/// What the page sends to see or save a diagnosis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CompanyDiagnosisForm {
    pub company_id: String,
    pub answers: BTreeMap<String, String>,
    /// `HiringDifficulty` values the counselor settles on.
    pub factors: Vec<String>,
    pub note: String,
}

/// One (vacancy, cause) of two diagnoses side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComparisonRow {
    pub vacancy: String,
    pub cause: String,
    pub before: Option<u32>,
    pub after: Option<u32>,
    /// after − before, when both were judged.
    pub change: Option<i32>,
}

/// A visit answer that changed between two diagnoses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AnswerChangeRow {
    pub question: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiagnosisComparison {
    pub before_on: String,
    pub after_on: String,
    /// The two were scored by different engine versions: a change may be
    /// the scoring's, not the firm's.
    pub engine_changed: bool,
    pub rows: Vec<ComparisonRow>,
    pub answers: Vec<AnswerChangeRow>,
}

/// The caseload's figures by KECO 중분류, built once per match pool.
pub(crate) struct DiagnosisIndex {
    /// Pool seekers whose stated 희망 직종 include the 중분류.
    seekers: HashMap<String, Vec<u32>>,
    /// The desired wages of those seekers (the ones who gave one): the
    /// same for every vacancy of the 중분류, so gathered once.
    desired_wages: HashMap<String, Vec<i64>>,
    /// The same by (중분류, 시도 code) of where the seekers live.
    regional_desired_wages: HashMap<(String, String), Vec<i64>>,
    /// (pool vacancy, offer) of open vacancies with a wage.
    offers: HashMap<String, Vec<(u32, i64)>>,
}

fn middle(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

impl DiagnosisIndex {
    pub(crate) fn build(pool: &MatchPool) -> DiagnosisIndex {
        let mut seekers: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, s) in pool.caseload.seekers().iter().enumerate() {
            let mut groups: Vec<&str> = s.desired_occupations.iter().map(|c| middle(c)).collect();
            groups.sort_unstable();
            groups.dedup();
            for g in groups {
                seekers
                    .entry(g.to_owned())
                    .or_default()
                    .push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        let desired_wages = seekers
            .iter()
            .map(|(group, members)| {
                let wages = members
                    .iter()
                    .filter_map(|&s| pool.caseload.seekers()[s as usize].desired_wage_monthly)
                    .collect();
                (group.clone(), wages)
            })
            .collect();
        let mut regional_desired_wages: HashMap<(String, String), Vec<i64>> = HashMap::new();
        for (group, members) in &seekers {
            for &s in members {
                let s = &pool.caseload.seekers()[s as usize];
                if let (Some(w), Some(sido)) = (s.desired_wage_monthly, s.sigungu.get(..2)) {
                    regional_desired_wages
                        .entry((group.clone(), sido.to_owned()))
                        .or_default()
                        .push(w);
                }
            }
        }
        let mut offers: HashMap<String, Vec<(u32, i64)>> = HashMap::new();
        for (i, v) in pool.caseload.vacancies().iter().enumerate() {
            if let Some(w) = v.wage_monthly {
                offers
                    .entry(middle(&v.occupation).to_owned())
                    .or_default()
                    .push((u32::try_from(i).unwrap_or(u32::MAX), w));
            }
        }
        DiagnosisIndex {
            seekers,
            desired_wages,
            regional_desired_wages,
            offers,
        }
    }
}

/// The engine's figures for pool vacancy `vi`.
fn hiring_facts(
    pool: &MatchPool,
    index: &DiagnosisIndex,
    vi: usize,
    referrals: u32,
    today: NaiveDate,
    visit: Option<&VisitFacts>,
) -> HiringFacts {
    let v = &pool.vacancies[vi];
    let group = middle(v.occupation.as_str());
    let candidates = index.seekers.get(group).map(Vec::as_slice).unwrap_or(&[]);
    let (mut pool_n, mut without_certs, mut without_exp) = (0u32, 0u32, 0u32);
    for &s in candidates {
        let fit = pool.caseload.requirement_fit(s as usize, vi);
        if !fit.aims || !fit.otherwise_feasible {
            continue;
        }
        pool_n += u32::from(fit.certificates_met && fit.experience_met);
        without_certs += u32::from(fit.experience_met);
        without_exp += u32::from(fit.certificates_met);
    }
    let peers: Vec<(u32, i64)> = index
        .offers
        .get(group)
        .map(|o| {
            o.iter()
                .filter(|(i, _)| *i as usize != vi)
                .copied()
                .collect()
        })
        .unwrap_or_default();
    let caseload_vacancies = pool.caseload.vacancies();
    let sido = caseload_vacancies[vi].sigungu.get(..2).unwrap_or("");
    let region = doyak_refdata::get()
        .sigungu(&caseload_vacancies[vi].sigungu)
        .map(|place| RegionalWages {
            name_ko: place.sido.clone(),
            peer_offers: peers
                .iter()
                .filter(|(i, _)| caseload_vacancies[*i as usize].sigungu.starts_with(sido))
                .map(|(_, w)| *w)
                .collect(),
            desired_wages: index
                .regional_desired_wages
                .get(&(group.to_owned(), sido.to_owned()))
                .cloned()
                .unwrap_or_default(),
        });
    let peer_offers = peers.into_iter().map(|(_, w)| w).collect();
    HiringFacts {
        offer: v.wage_monthly,
        peer_offers,
        desired_wages: index.desired_wages.get(group).cloned().unwrap_or_default(),
        region,
        shift_work: v.shift.is_shift_work(),
        weekly_hours: v.weekly_hours,
        housing: v.housing,
        commute_bus: v.commute_bus,
        required_certificates: v.required_certificates.clone(),
        min_experience_years: v.min_experience_years,
        pool: pool_n,
        pool_without_certificates: without_certs,
        pool_without_experience: without_exp,
        days_open: u32::try_from((today - v.opened_on).num_days().max(0)).unwrap_or(u32::MAX),
        referrals,
        visit: visit.cloned(),
    }
}

/// One pool vacancy diagnosed.
fn vacancy_diagnosis(
    pool: &MatchPool,
    index: &DiagnosisIndex,
    vi: usize,
    referrals: u32,
    today: NaiveDate,
    visit: Option<&VisitFacts>,
) -> VacancyDiagnosis {
    let v = &pool.vacancies[vi];
    let facts = hiring_facts(pool, index, vi, referrals, today, visit);
    VacancyDiagnosis {
        vacancy_id: v.id.to_string(),
        title: v.title.clone(),
        occupation: doyak_refdata::get()
            .keco(v.occupation.as_str())
            .map_or_else(|| v.occupation.to_string(), |k| k.name_ko.clone()),
        causes: hiring::diagnose(&facts)
            .into_iter()
            .map(cause_row)
            .collect(),
    }
}

fn cause_row(c: Cause) -> CauseRow {
    CauseRow {
        code: c.code.as_str().to_owned(),
        label: c.label_ko,
        score: c.score,
        facts: c.facts,
        too_strict: c.too_strict,
    }
}

/// Per cause, the vacancy with the strongest score (ties: the first).
fn summary(vacancies: &[VacancyDiagnosis]) -> Vec<CauseRow> {
    CauseCode::ALL
        .iter()
        .map(|code| {
            let mut best: Option<(&VacancyDiagnosis, &CauseRow)> = None;
            for v in vacancies {
                if let Some(c) = v.causes.iter().find(|c| c.code == code.as_str())
                    && best.is_none_or(|(_, b)| c.score > b.score)
                {
                    best = Some((v, c));
                }
            }
            CauseRow {
                code: code.as_str().to_owned(),
                label: code.label_ko().to_owned(),
                score: best.and_then(|(_, c)| c.score),
                facts: best
                    .filter(|(_, c)| c.score.is_some())
                    .map(|(v, _)| vec![format!("가장 높은 구인: {}", v.title)])
                    .unwrap_or_default(),
                // From the same vacancy as the score, so "요건 과도" never
                // sits beside another vacancy's figure.
                too_strict: best.is_some_and(|(_, c)| c.too_strict),
            }
        })
        .collect()
}

/// The difficulty factor each cause stands for.
fn factor_of(code: &str) -> Option<HiringDifficulty> {
    Some(match CauseCode::parse(code)? {
        CauseCode::Experience => HiringDifficulty::LacksExperience,
        CauseCode::WorkingConditions => HiringDifficulty::WorkingConditions,
        CauseCode::Qualifications => HiringDifficulty::LacksQualifications,
        CauseCode::AvoidedOccupation => HiringDifficulty::AvoidedOccupation,
        CauseCode::NoApplicants => HiringDifficulty::RecruitingProcess,
    })
}

/// A cause at or above this points at its factor.
const SUGGEST_AT: u32 = 50;

fn visit_problems(answers: &BTreeMap<String, String>) -> Result<VisitFacts, AppError> {
    let form = visit::current_form();
    let problems = form.check(answers);
    if !problems.is_empty() {
        return Err(AppError::Invalid(
            problems
                .into_iter()
                .map(|p| {
                    FieldError::new(
                        &format!("answers.{}", p.item),
                        &format!("문진 {}번", p.number),
                        p.message_ko,
                    )
                })
                .collect(),
        ));
    }
    Ok(VisitFacts::read(form, answers))
}

fn answered(answers: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    answers
        .iter()
        .filter(|(_, a)| !a.trim().is_empty())
        .map(|(k, a)| (k.clone(), a.trim().to_owned()))
        .collect()
}

impl Desk {
    pub(crate) fn company_by_text(&self, company_id: &str) -> Result<Company, AppError> {
        self.company(parse_id(company_id)?)
    }

    /// The diagnosis of today's caseload for one firm, with the visit
    /// answers given (already checked). Nothing is saved.
    fn diagnose_with(
        &self,
        company: &Company,
        visit: Option<&VisitFacts>,
    ) -> Result<CompanyDiagnosis, AppError> {
        let today = self.clock.today();
        let pool = self.match_pool()?;
        let index = pool
            .diagnosis_index
            .get_or_init(|| DiagnosisIndex::build(&pool));
        let mut vacancies = Vec::new();
        let mut skipped = Vec::new();
        let open = self.store.vacancies(&doyak_store::VacancyFilter {
            status: Some(doyak_domain::company::VacancyStatus::Open),
            company_id: Some(company.id),
            ..Default::default()
        })?;
        for v in &open {
            let Some(&vi) = pool.vacancy_at.get(&v.id) else {
                skipped.push(format!(
                    "{}: 모집 인원이 모두 채워졌거나 정보가 부족해 뺐습니다.",
                    v.title
                ));
                continue;
            };
            vacancies.push(vacancy_diagnosis(
                &pool,
                index,
                vi,
                self.store.referrals_to(v.id)?,
                today,
                visit,
            ));
        }
        if vacancies.is_empty() {
            return Err(AppError::Invalid(vec![FieldError::new(
                "company_id",
                "구인",
                if open.is_empty() {
                    format!(
                        "{}에는 모집 중인 구인이 없어 구인애로를 진단할 수 없습니다. 구인을 먼저 등록해 주세요.",
                        company.name
                    )
                } else {
                    format!(
                        "{}의 모집 중인 구인 {}건은 모집 인원이 모두 채워져 진단할 구인이 없습니다.",
                        company.name,
                        open.len()
                    )
                },
            )]));
        }
        let (form, version) = visit::VISIT_FORM;
        Ok(CompanyDiagnosis {
            format: DIAGNOSIS_FORMAT.to_owned(),
            version: 1,
            company_id: company.id.to_string(),
            company_name: company.name.clone(),
            diagnosed_on: today.to_string(),
            engine: hiring::ENGINE_VERSION.to_owned(),
            visit_form: if visit.is_some_and(|v| !v.is_empty()) {
                format!("{form} {version}판")
            } else {
                String::new()
            },
            visit_answered: 0,
            summary: summary(&vacancies),
            vacancies,
            skipped,
        })
    }

    /// `doyak company diagnose`: the firm's diagnosis of today's caseload,
    /// with the visit answers of its latest saved diagnosis, if any.
    pub fn company_diagnosis(&self, company_id: &str) -> Result<CompanyDiagnosis, AppError> {
        let company = self.company_by_text(company_id)?;
        let answers = self.last_visit_answers(company.id)?;
        self.preview_company_diagnosis(&CompanyDiagnosisForm {
            company_id: company.id.to_string(),
            answers,
            ..Default::default()
        })
    }

    /// The diagnosis with the answers on the page (checked), nothing saved.
    pub fn preview_company_diagnosis(
        &self,
        form: &CompanyDiagnosisForm,
    ) -> Result<CompanyDiagnosis, AppError> {
        let company = self.company_by_text(&form.company_id)?;
        let answers = answered(&form.answers);
        let visit = visit_problems(&answers)?;
        let mut d = self.diagnose_with(&company, Some(&visit))?;
        d.visit_answered = u32::try_from(answers.len()).unwrap_or(u32::MAX);
        Ok(d)
    }

    /// Every firm with an open vacancy, diagnosed from the caseload alone
    /// (no visit answers), in name order: firms with nothing to diagnose
    /// are left out. The benchmark's path for a center-wide run.
    pub fn diagnose_all_companies(&self) -> Result<Vec<CompanyDiagnosis>, AppError> {
        let today = self.clock.today();
        let referrals = self.store.referrals_per_open_vacancy()?;
        let pool = self.match_pool()?;
        let index = pool
            .diagnosis_index
            .get_or_init(|| DiagnosisIndex::build(&pool));
        // The pool's vacancies by firm, and the firms in one read (in name
        // order): no query per firm.
        let mut by_firm: HashMap<Id, Vec<usize>> = HashMap::new();
        for (vi, v) in pool.vacancies.iter().enumerate() {
            by_firm.entry(v.company_id).or_default().push(vi);
        }
        let mut out = Vec::with_capacity(by_firm.len());
        for company in self.store.companies(&Default::default())? {
            let Some(vis) = by_firm.get(&company.id) else {
                continue;
            };
            let vacancies: Vec<VacancyDiagnosis> = vis
                .iter()
                .map(|&vi| {
                    let r = referrals.get(&pool.vacancies[vi].id).copied().unwrap_or(0);
                    vacancy_diagnosis(&pool, index, vi, r, today, None)
                })
                .collect();
            out.push(CompanyDiagnosis {
                format: DIAGNOSIS_FORMAT.to_owned(),
                version: 1,
                company_id: company.id.to_string(),
                company_name: company.name,
                diagnosed_on: today.to_string(),
                engine: hiring::ENGINE_VERSION.to_owned(),
                visit_form: String::new(),
                visit_answered: 0,
                summary: summary(&vacancies),
                vacancies,
                skipped: Vec::new(),
            });
        }
        Ok(out)
    }

    fn diagnosis_events(&self, company: Id) -> Result<Vec<CaseEvent>, AppError> {
        let mut events: Vec<CaseEvent> = self
            .store
            .events_of(company)?
            .into_iter()
            .filter(|e| matches!(e.body, EventBody::HiringDiagnosis { .. }))
            .collect();
        events.sort_by_key(|e| (e.occurred_on, e.recorded_at, e.id));
        Ok(events)
    }

    /// The factors of the latest saved diagnosis, in Korean.
    pub(crate) fn company_diagnosis_history_factors(
        &self,
        company: Id,
    ) -> Result<Option<Vec<String>>, AppError> {
        Ok(self.diagnosis_events(company)?.pop().map(|e| match e.body {
            EventBody::HiringDiagnosis { factors, .. } => {
                factors.iter().map(|f| f.label_ko().to_owned()).collect()
            }
            _ => Vec::new(),
        }))
    }

    fn last_visit_answers(&self, company: Id) -> Result<BTreeMap<String, String>, AppError> {
        Ok(self
            .diagnosis_events(company)?
            .into_iter()
            .rev()
            .find_map(|e| match e.body {
                EventBody::HiringDiagnosis { visit: Some(v), .. }
                    if v.form == visit::VISIT_FORM.0 && v.version == visit::VISIT_FORM.1 =>
                {
                    Some(v.answers)
                }
                _ => None,
            })
            .unwrap_or_default())
    }

    /// The 진단 tab of a firm.
    pub fn company_diagnosis_view(
        &self,
        company_id: &str,
    ) -> Result<CompanyDiagnosisView, AppError> {
        let company = self.company_by_text(company_id)?;
        let answers = self.last_visit_answers(company.id)?;
        let form = visit::current_form();
        let (current, no_vacancy) = match self.preview_company_diagnosis(&CompanyDiagnosisForm {
            company_id: company.id.to_string(),
            answers: answers.clone(),
            ..Default::default()
        }) {
            Ok(d) => (Some(d), String::new()),
            Err(AppError::Invalid(errors)) if errors.iter().any(|e| e.field == "company_id") => {
                (None, errors[0].message.clone())
            }
            Err(e) => return Err(e),
        };
        let mut suggested: Vec<String> = current
            .iter()
            .flat_map(|d| &d.summary)
            .filter(|c| c.score.is_some_and(|s| s >= SUGGEST_AT))
            .filter_map(|c| factor_of(&c.code))
            .map(|f| enum_value(&f))
            .collect();
        suggested.dedup();
        let history = self
            .diagnosis_events(company.id)?
            .into_iter()
            .rev()
            .map(history_row)
            .collect();
        Ok(CompanyDiagnosisView {
            form: form.id.clone(),
            form_version: form.version,
            items: form
                .items
                .iter()
                .enumerate()
                .map(|(i, x)| VisitItemRow {
                    id: x.id.clone(),
                    number: u32::try_from(i + 1).unwrap_or(0),
                    section: x.section_ko.clone(),
                    // The names VisitItemRow documents (serde would say "yes_no").
                    kind: match x.kind {
                        visit::ItemKind::Count => "count",
                        visit::ItemKind::YesNo => "yesno",
                        visit::ItemKind::Choice => "choice",
                    }
                    .to_owned(),
                    text: x.text_ko.clone(),
                    options: x
                        .options
                        .iter()
                        .map(|(value, label)| Choice {
                            value: value.clone(),
                            label: label.clone(),
                        })
                        .collect(),
                })
                .collect(),
            answers,
            current,
            no_vacancy,
            factor_choices: difficulty_choices(),
            suggested_factors: suggested,
            history,
        })
    }

    /// Saves the diagnosis: today's scores per vacancy and cause, the
    /// engine version, the visit answers with their form, the factors the
    /// counselor settled on (the suggested ones when none is chosen).
    /// All or nothing: bad answers or a firm with nothing to diagnose save
    /// nothing.
    pub fn save_company_diagnosis(
        &mut self,
        form: &CompanyDiagnosisForm,
    ) -> Result<String, AppError> {
        let diagnosis = self.preview_company_diagnosis(form)?;
        let company = self.company_by_text(&form.company_id)?;
        let mut r = crate::forms::Reader { errors: Vec::new() };
        let mut factors: Vec<HiringDifficulty> =
            r.choices("factors", "구인애로 요인", &form.factors);
        if !r.errors.is_empty() {
            return Err(AppError::Invalid(r.errors));
        }
        if factors.is_empty() {
            factors = diagnosis
                .summary
                .iter()
                .filter(|c| c.score.is_some_and(|s| s >= SUGGEST_AT))
                .filter_map(|c| factor_of(&c.code))
                .collect();
        }
        let causes = diagnosis
            .vacancies
            .iter()
            .flat_map(|v| {
                let id = v.vacancy_id.parse::<Id>().ok();
                v.causes.iter().map(move |c| CauseFinding {
                    vacancy_id: id,
                    cause: c.code.clone(),
                    score: c.score,
                    too_strict: c.too_strict,
                })
            })
            .collect();
        let answers = answered(&form.answers);
        let visit_form = visit::current_form();
        let body = EventBody::HiringDiagnosis {
            factors,
            note: crate::forms::Reader::text(&form.note),
            causes,
            engine: Some(hiring::ENGINE_VERSION.to_owned()),
            visit: (!answers.is_empty()).then(|| VisitAnswers {
                form: visit_form.id.clone(),
                version: visit_form.version,
                sha256: visit_form.sha256.clone(),
                answers,
            }),
        };
        let event = self.event(company.id, self.clock.today(), None, body)?;
        Ok(self.record_event(event)?.id.to_string())
    }

    /// Two saved diagnoses of one firm side by side (older first).
    pub fn compare_company_diagnoses(
        &self,
        company_id: &str,
        first: &str,
        second: &str,
    ) -> Result<DiagnosisComparison, AppError> {
        let company = self.company_by_text(company_id)?;
        let events = self.diagnosis_events(company.id)?;
        let find = |id: &str| -> Result<&CaseEvent, AppError> {
            let id = parse_id(id)?;
            events
                .iter()
                .find(|e| e.id == id)
                .ok_or(AppError::NotFound {
                    what: "이 기업의 구인애로 진단",
                })
        };
        let (mut a, mut b) = (find(first)?, find(second)?);
        // Ids are UUIDv7: on one day with one clock reading, the later
        // written has the larger id.
        if (b.occurred_on, b.recorded_at, b.id) < (a.occurred_on, a.recorded_at, a.id) {
            std::mem::swap(&mut a, &mut b);
        }
        let titles: HashMap<Id, String> = self
            .store
            .vacancies(&doyak_store::VacancyFilter {
                company_id: Some(company.id),
                ..Default::default()
            })?
            .into_iter()
            .map(|v: Vacancy| (v.id, v.title))
            .collect();
        Ok(crate::company_compare::compare(a, b, &titles))
    }
}

fn difficulty_choices() -> Vec<Choice> {
    HiringDifficulty::ALL
        .into_iter()
        .map(|f| choice(f, f.label_ko()))
        .collect()
}

fn history_row(e: CaseEvent) -> DiagnosisHistoryRow {
    let EventBody::HiringDiagnosis {
        factors,
        note,
        causes,
        engine,
        visit,
    } = e.body
    else {
        unreachable!("filtered to diagnoses")
    };
    // The firm's view: per cause the highest score over its vacancies.
    let mut best: BTreeMap<&str, u32> = BTreeMap::new();
    for c in &causes {
        if let Some(s) = c.score {
            let b = best.entry(c.cause.as_str()).or_default();
            *b = (*b).max(s);
        }
    }
    let mut top: Vec<(&str, u32)> = best.into_iter().collect();
    top.sort_by_key(|&(_, s)| std::cmp::Reverse(s));
    let top: Vec<String> = top
        .into_iter()
        .take(3)
        .map(|(c, s)| {
            let label =
                CauseCode::parse(c).map_or_else(|| c.to_owned(), |c| c.label_ko().to_owned());
            format!("{label} {s}")
        })
        .collect();
    DiagnosisHistoryRow {
        id: e.id.to_string(),
        occurred_on: e.occurred_on.to_string(),
        engine: engine.unwrap_or_else(|| "요인 선택(점수 없음)".to_owned()),
        factors: factors.iter().map(|f| f.label_ko().to_owned()).collect(),
        top,
        visit: visit.is_some(),
        note: note.unwrap_or_default(),
    }
}
