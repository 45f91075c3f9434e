//! The company side of the desk: company and vacancy lists, company pages
//! with their visit log, and field-visit mode (an industrial complex's
//! companies and open vacancies, a visit in two fields). The forms are in
//! `company_forms`.

use crate::codes::{keco_name, monthly_wage};
use crate::company_forms::CompanyForm;
use crate::detail::{Fact, event_row};
use crate::forms::{Reader, choice, parse_id};
use crate::{AppError, Choice, Desk, EventRow, MAX_PAGE};
use doyak_domain::company::{CompanyStatus, FocusIndustry, VacancyStatus};
use doyak_domain::events::{ContactMode, EventBody};
use doyak_domain::{Company, Id, Vacancy};
use doyak_store::{CompanyFilter, VacancyFilter};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct CompanyListQuery {
    pub text: String,
    pub status: Option<String>,
    pub industrial_complex: Option<String>,
    pub focus: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyRow {
    pub id: String,
    pub name: String,
    pub business_number: String,
    /// KSIC name.
    pub industry: String,
    pub size: String,
    pub region: String,
    pub industrial_complex: String,
    pub focus: Vec<String>,
    pub status: String,
    pub open_vacancies: u32,
    /// Places not yet filled by a hire, summed over its open vacancies (the
    /// same figure each vacancy row shows as `places_left`).
    pub places_left: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyPage {
    pub items: Vec<CompanyRow>,
    #[ts(type = "number")]
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyFilterChoices {
    pub statuses: Vec<Choice>,
    pub focus_industries: Vec<Choice>,
    /// value = the complex's name, label = "name (n곳)".
    pub complexes: Vec<Choice>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct VacancyListQuery {
    pub text: String,
    pub status: Option<String>,
    pub company_id: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VacancyRow {
    pub id: String,
    pub company_id: String,
    pub company_name: String,
    pub title: String,
    /// KECO name.
    pub occupation: String,
    pub headcount: u32,
    /// Places not yet filled by a hire while the vacancy is open (모집인원
    /// minus 합격); 0 once it is closed.
    pub places_left: u32,
    /// "월 300만원" or "".
    pub wage: String,
    pub shift: String,
    /// "기숙사", "통근버스".
    pub perks: Vec<String>,
    pub region: String,
    pub status: String,
    pub opened_on: String,
    #[ts(type = "number")]
    pub open_days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VacancyPage {
    pub items: Vec<VacancyRow>,
    #[ts(type = "number")]
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyDetail {
    pub row: CompanyRow,
    pub facts: Vec<Fact>,
    pub vacancies: Vec<VacancyRow>,
    /// Visits, hiring diagnoses, consulting actions: newest first.
    pub events: Vec<EventRow>,
    pub form: CompanyForm,
}

/// An industrial complex seen on a field visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComplexView {
    pub name: String,
    pub companies: Vec<CompanyRow>,
    pub open_vacancies: Vec<VacancyRow>,
}

/// A company visit as recorded on site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct VisitForm {
    pub company_id: String,
    pub occurred_on: String,
    /// A `ContactMode` value; empty = 현장방문.
    pub mode: String,
    pub content: String,
}

fn page<T>(items: Vec<T>, offset: u32, limit: u32) -> (Vec<T>, u64) {
    let total = items.len() as u64;
    let items = items
        .into_iter()
        .skip(offset as usize)
        .take(limit.clamp(1, MAX_PAGE) as usize)
        .collect();
    (items, total)
}

fn optional_choice<T: serde::de::DeserializeOwned>(
    value: Option<&str>,
    field: &str,
    label: &str,
) -> Result<Option<T>, AppError> {
    let mut r = Reader { errors: Vec::new() };
    let parsed = value.and_then(|v| r.choice(field, label, v));
    match r.errors.is_empty() {
        true => Ok(parsed),
        false => Err(AppError::Invalid(r.errors)),
    }
}

/// Places an open vacancy still has: 모집인원 minus its 합격, never below
/// zero; a vacancy that is not open has none. Every screen's figure comes
/// from here.
pub(crate) fn places_left(v: &Vacancy, hires: &HashMap<Id, u32>) -> u32 {
    if v.status != VacancyStatus::Open {
        return 0;
    }
    v.headcount
        .saturating_sub(hires.get(&v.id).copied().unwrap_or(0))
}

impl Desk {
    /// Per company: open vacancies and the places they have left.
    fn open_counts(&self) -> Result<HashMap<Id, (u32, u32)>, AppError> {
        let hires = self.store.hires_per_open_vacancy()?;
        let mut counts: HashMap<Id, (u32, u32)> = HashMap::new();
        for v in self.store.vacancies(&VacancyFilter {
            status: Some(VacancyStatus::Open),
            ..Default::default()
        })? {
            let e = counts.entry(v.company_id).or_default();
            e.0 += 1;
            e.1 += places_left(&v, &hires);
        }
        Ok(counts)
    }

    fn company_row(&self, c: &Company, counts: &HashMap<Id, (u32, u32)>) -> CompanyRow {
        let refdata = doyak_refdata::get();
        let (open_vacancies, places_left) = counts.get(&c.id).copied().unwrap_or_default();
        CompanyRow {
            id: c.id.to_string(),
            name: c.name.clone(),
            business_number: c.business_number.formatted(),
            industry: refdata
                .ksic(c.ksic_code.as_str())
                .map(|k| k.name_ko.clone())
                .unwrap_or_else(|| c.ksic_code.to_string()),
            size: c.size.label_ko().to_owned(),
            region: refdata
                .sigungu(c.sigungu.as_str())
                .map(|s| s.full_name())
                .unwrap_or_default(),
            industrial_complex: c.industrial_complex.clone().unwrap_or_default(),
            focus: c
                .focus_industries
                .iter()
                .map(|f| f.label_ko().to_owned())
                .collect(),
            status: c.status.label_ko().to_owned(),
            open_vacancies,
            places_left,
        }
    }

    /// `hires`: 합격 per open vacancy ([`doyak_store::Store::hires_per_open_vacancy`]).
    pub(crate) fn vacancy_row(
        &self,
        v: &Vacancy,
        company_name: &str,
        hires: &HashMap<Id, u32>,
    ) -> VacancyRow {
        let refdata = doyak_refdata::get();
        let mut perks = Vec::new();
        if v.housing {
            perks.push("기숙사".to_owned());
        }
        if v.commute_bus {
            perks.push("통근버스".to_owned());
        }
        VacancyRow {
            id: v.id.to_string(),
            company_id: v.company_id.to_string(),
            company_name: company_name.to_owned(),
            title: v.title.clone(),
            occupation: keco_name(v.occupation.as_str()),
            headcount: v.headcount,
            places_left: places_left(v, hires),
            wage: v.wage_monthly.map(monthly_wage).unwrap_or_default(),
            shift: v.shift.label_ko().to_owned(),
            perks,
            region: refdata
                .sigungu(v.sigungu.as_str())
                .map(|s| s.full_name())
                .unwrap_or_default(),
            status: v.status.label_ko().to_owned(),
            opened_on: v.opened_on.to_string(),
            open_days: (self.clock.today() - v.opened_on).num_days(),
        }
    }

    fn vacancy_rows(&self, vacancies: &[Vacancy]) -> Result<Vec<VacancyRow>, AppError> {
        let names: HashMap<Id, String> = self.store.company_names()?.into_iter().collect();
        let hires = self.store.hires_per_open_vacancy()?;
        Ok(vacancies
            .iter()
            .map(|v| {
                let name = names.get(&v.company_id).map(String::as_str).unwrap_or("");
                self.vacancy_row(v, name, &hires)
            })
            .collect())
    }

    pub fn company_filter_choices(&self) -> Result<CompanyFilterChoices, AppError> {
        Ok(CompanyFilterChoices {
            statuses: CompanyStatus::ALL
                .iter()
                .map(|s| choice(s, s.label_ko()))
                .collect(),
            focus_industries: FocusIndustry::ALL
                .iter()
                .map(|f| choice(f, f.label_ko()))
                .collect(),
            complexes: self
                .store
                .industrial_complexes()?
                .into_iter()
                .map(|(name, n)| Choice {
                    label: format!("{name} ({n}곳)"),
                    value: name,
                })
                .collect(),
        })
    }

    pub fn company_list(&self, q: &CompanyListQuery) -> Result<CompanyPage, AppError> {
        let filter = CompanyFilter {
            text: Some(q.text.clone()),
            status: optional_choice(q.status.as_deref(), "status", "진행상태")?,
            industrial_complex: q
                .industrial_complex
                .clone()
                .filter(|c| !c.trim().is_empty()),
            focus: optional_choice(q.focus.as_deref(), "focus", "중점 업종")?,
        };
        let counts = self.open_counts()?;
        let companies = self.store.companies(&filter)?;
        let (items, total) = page(companies, q.offset, q.limit);
        Ok(CompanyPage {
            items: items.iter().map(|c| self.company_row(c, &counts)).collect(),
            total,
        })
    }

    pub fn vacancy_list(&self, q: &VacancyListQuery) -> Result<VacancyPage, AppError> {
        let filter = VacancyFilter {
            text: Some(q.text.clone()),
            status: optional_choice(q.status.as_deref(), "status", "모집상태")?,
            company_id: match q.company_id.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(id) => Some(parse_id(id)?),
            },
        };
        let vacancies = self.store.vacancies(&filter)?;
        let (items, total) = page(vacancies, q.offset, q.limit);
        Ok(VacancyPage {
            items: self.vacancy_rows(&items)?,
            total,
        })
    }

    pub fn company_detail(&self, id: &str) -> Result<CompanyDetail, AppError> {
        let company = self.company(parse_id(id)?)?;
        let counts = self.open_counts()?;
        let vacancies = self.store.vacancies(&VacancyFilter {
            company_id: Some(company.id),
            ..Default::default()
        })?;
        let mut events = self.events_of(company.id)?;
        events.sort_by_key(|e| std::cmp::Reverse((e.occurred_on, e.id)));
        let superseded: Vec<Id> = events.iter().filter_map(|e| e.supersedes).collect();
        let refdata = doyak_refdata::get();
        let mut facts = Vec::new();
        let mut fact = |label: &str, value: String| {
            if !value.is_empty() {
                facts.push(Fact {
                    label: label.to_owned(),
                    value,
                });
            }
        };
        fact("사업자등록번호", company.business_number.formatted());
        fact(
            "업종",
            refdata
                .ksic(company.ksic_code.as_str())
                .map(|k| format!("{} ({})", k.name_ko, k.code))
                .unwrap_or_else(|| company.ksic_code.to_string()),
        );
        fact(
            "규모",
            match company.employees {
                Some(n) => format!("{} · 피보험자 {n}명", company.size.label_ko()),
                None => company.size.label_ko().to_owned(),
            },
        );
        fact("주소", company.address.clone().unwrap_or_default());
        fact(
            "담당자",
            [
                company.contact_name.clone().unwrap_or_default(),
                company
                    .contact_phone
                    .as_ref()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default(),
            ]
            .iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" · "),
        );
        fact(
            "뿌리기술",
            company
                .ppuri_techs
                .iter()
                .map(|t| {
                    refdata
                        .ppuri_tech(t)
                        .map(|p| p.name_ko.clone())
                        .unwrap_or_else(|| t.clone())
                })
                .collect::<Vec<_>>()
                .join(", "),
        );
        fact(
            "참여일",
            company
                .enrolled_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
        fact("메모", company.note.clone().unwrap_or_default());
        let names = self.counselor_names()?;
        Ok(CompanyDetail {
            row: self.company_row(&company, &counts),
            facts,
            vacancies: self.vacancy_rows(&vacancies)?,
            events: events
                .iter()
                .map(|e| event_row(e, superseded.contains(&e.id), &names))
                .collect(),
            form: CompanyForm::of(&company),
        })
    }

    /// Field-visit mode: an industrial complex's companies and their open
    /// vacancies.
    pub fn complex_view(&self, name: &str) -> Result<ComplexView, AppError> {
        let companies = self.store.companies(&CompanyFilter {
            industrial_complex: Some(name.trim().to_owned()),
            ..Default::default()
        })?;
        let counts = self.open_counts()?;
        let ids: Vec<Id> = companies.iter().map(|c| c.id).collect();
        let open: Vec<Vacancy> = self
            .store
            .vacancies(&VacancyFilter {
                status: Some(VacancyStatus::Open),
                ..Default::default()
            })?
            .into_iter()
            .filter(|v| ids.contains(&v.company_id))
            .collect();
        Ok(ComplexView {
            name: name.trim().to_owned(),
            companies: companies
                .iter()
                .map(|c| self.company_row(c, &counts))
                .collect(),
            open_vacancies: self.vacancy_rows(&open)?,
        })
    }

    /// Records a company visit (현장방문 unless another way is chosen).
    pub fn record_visit(&mut self, f: &VisitForm) -> Result<EventRow, AppError> {
        let company = self.company(parse_id(&f.company_id)?)?;
        let mut r = Reader { errors: Vec::new() };
        let occurred_on = match Reader::text(&f.occurred_on) {
            None => Some(self.clock.today()),
            Some(d) => r.date("occurred_on", "방문일", &d),
        };
        let mode = match Reader::text(&f.mode) {
            None => Some(ContactMode::FieldVisit),
            Some(m) => r.choice::<ContactMode>("mode", "방법", &m),
        };
        if Reader::text(&f.content).is_none() {
            r.fail("content", "방문 내용", "필수 항목입니다.");
        }
        let (Some(occurred_on), Some(mode), true) = (occurred_on, mode, r.errors.is_empty()) else {
            return Err(AppError::Invalid(r.errors));
        };
        let event = self.record_event(self.event(
            company.id,
            occurred_on,
            None,
            EventBody::CompanyVisit {
                mode,
                industrial_complex: company.industrial_complex.clone(),
                content: f.content.trim().to_owned(),
            },
        )?)?;
        Ok(event_row(&event, false, &self.counselor_names()?))
    }
}
