//! The company side of the desk: company and vacancy lists, company pages
//! with their visit log, company and vacancy forms, and field-visit mode (an
//! industrial complex's companies and open vacancies, a visit in two fields).

use crate::codes::{keco_name, monthly_wage};
use crate::detail::{Fact, event_row};
use crate::forms::{Reader, choice, enum_value, parse_id};
use crate::{AppError, Choice, Desk, EventRow, MAX_PAGE};
use doyak_domain::company::{CompanySize, CompanyStatus, FocusIndustry, Shift, VacancyStatus};
use doyak_domain::events::{CaseEvent, ContactMode, EventBody};
use doyak_domain::{
    BusinessNumber, Company, FieldError, Id, KecoCode, KsicCode, Phone, SharedRecord, SigunguCode,
    Vacancy,
};
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
    /// Open positions summed over open vacancies.
    pub open_positions: u32,
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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CompanyForm {
    pub id: String,
    pub name: String,
    /// 사업자등록번호 as typed ("220-81-62517" or "2208162517").
    pub business_number: String,
    pub ksic_code: String,
    /// A `CompanySize` value; empty = from the number of employees.
    pub size: String,
    pub employees: String,
    pub sigungu: String,
    pub address: String,
    pub industrial_complex: String,
    pub focus_industries: Vec<String>,
    pub contact_name: String,
    pub contact_phone: String,
    pub status: String,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VacancyForm {
    pub id: String,
    pub company_id: String,
    pub title: String,
    /// KECO code.
    pub occupation: String,
    pub headcount: String,
    pub wage_monthly: String,
    pub weekly_hours: String,
    pub shift: String,
    pub housing: bool,
    pub commute_bus: bool,
    /// Qualification names.
    pub required_certificates: Vec<String>,
    pub preferred_certificates: Vec<String>,
    /// Comma-separated.
    pub skills: String,
    pub min_experience_years: String,
    /// 시군구; empty = the company's.
    pub sigungu: String,
    pub opened_on: String,
    pub closes_on: String,
    pub status: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyFormChoices {
    pub sizes: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub focus_industries: Vec<Choice>,
    pub shifts: Vec<Choice>,
    pub vacancy_statuses: Vec<Choice>,
    pub contact_modes: Vec<Choice>,
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

/// A valid 사업자등록번호 (check digit correct) that stands in while the
/// typed one is invalid, so the other fields can still be checked.
const STAND_IN_NUMBER: &str = "220-81-62517";

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

impl CompanyForm {
    pub fn of(c: &Company) -> CompanyForm {
        CompanyForm {
            id: c.id.to_string(),
            name: c.name.clone(),
            business_number: c.business_number.formatted(),
            ksic_code: c.ksic_code.to_string(),
            size: enum_value(&c.size),
            employees: c.employees.map(|e| e.to_string()).unwrap_or_default(),
            sigungu: c.sigungu.to_string(),
            address: c.address.clone().unwrap_or_default(),
            industrial_complex: c.industrial_complex.clone().unwrap_or_default(),
            focus_industries: c.focus_industries.iter().map(enum_value).collect(),
            contact_name: c.contact_name.clone().unwrap_or_default(),
            contact_phone: c
                .contact_phone
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            status: enum_value(&c.status),
            note: c.note.clone().unwrap_or_default(),
        }
    }
}

impl VacancyForm {
    pub fn of(v: &Vacancy) -> VacancyForm {
        VacancyForm {
            id: v.id.to_string(),
            company_id: v.company_id.to_string(),
            title: v.title.clone(),
            occupation: v.occupation.to_string(),
            headcount: v.headcount.to_string(),
            wage_monthly: v.wage_monthly.map(|w| w.to_string()).unwrap_or_default(),
            weekly_hours: v.weekly_hours.map(|h| h.to_string()).unwrap_or_default(),
            shift: enum_value(&v.shift),
            housing: v.housing,
            commute_bus: v.commute_bus,
            required_certificates: v.required_certificates.clone(),
            preferred_certificates: v.preferred_certificates.clone(),
            skills: v.skills.join(", "),
            min_experience_years: v
                .min_experience_years
                .map(|y| y.to_string())
                .unwrap_or_default(),
            sigungu: v.sigungu.to_string(),
            opened_on: v.opened_on.to_string(),
            closes_on: v.closes_on.map(|d| d.to_string()).unwrap_or_default(),
            status: enum_value(&v.status),
            note: v.note.clone().unwrap_or_default(),
        }
    }
}

impl Desk {
    fn open_counts(&self) -> Result<HashMap<Id, (u32, u32)>, AppError> {
        let mut counts: HashMap<Id, (u32, u32)> = HashMap::new();
        for v in self.store.vacancies(&VacancyFilter {
            status: Some(VacancyStatus::Open),
            ..Default::default()
        })? {
            let e = counts.entry(v.company_id).or_default();
            e.0 += 1;
            e.1 += v.headcount;
        }
        Ok(counts)
    }

    fn company_row(&self, c: &Company, counts: &HashMap<Id, (u32, u32)>) -> CompanyRow {
        let refdata = doyak_refdata::get();
        let (open_vacancies, open_positions) = counts.get(&c.id).copied().unwrap_or_default();
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
            open_positions,
        }
    }

    fn vacancy_row(&self, v: &Vacancy, company_name: &str) -> VacancyRow {
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
        Ok(vacancies
            .iter()
            .map(|v| {
                let name = names.get(&v.company_id).map(String::as_str).unwrap_or("");
                self.vacancy_row(v, name)
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

    pub fn company_form_choices(&self) -> CompanyFormChoices {
        CompanyFormChoices {
            sizes: CompanySize::ALL
                .iter()
                .map(|s| choice(s, s.label_ko()))
                .collect(),
            statuses: CompanyStatus::ALL
                .iter()
                .map(|s| choice(s, s.label_ko()))
                .collect(),
            focus_industries: FocusIndustry::ALL
                .iter()
                .map(|f| choice(f, f.label_ko()))
                .collect(),
            shifts: Shift::ALL.iter().map(|s| choice(s, s.label_ko())).collect(),
            vacancy_statuses: VacancyStatus::ALL
                .iter()
                .map(|s| choice(s, s.label_ko()))
                .collect(),
            contact_modes: ContactMode::ALL
                .iter()
                .map(|m| choice(m, m.label_ko()))
                .collect(),
        }
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
        Ok(CompanyDetail {
            row: self.company_row(&company, &counts),
            facts,
            vacancies: self.vacancy_rows(&vacancies)?,
            events: events
                .iter()
                .map(|e| event_row(e, superseded.contains(&e.id)))
                .collect(),
            form: CompanyForm::of(&company),
        })
    }

    pub fn new_company_form(&self, industrial_complex: &str) -> CompanyForm {
        CompanyForm {
            status: enum_value(&CompanyStatus::Found),
            industrial_complex: industrial_complex.trim().to_owned(),
            ..Default::default()
        }
    }

    fn company_from_form(
        &self,
        f: &CompanyForm,
    ) -> Result<(Option<Company>, Vec<FieldError>), AppError> {
        let mut r = Reader { errors: Vec::new() };
        let existing = match Reader::text(&f.id) {
            Some(id) => Some(self.company(parse_id(&id)?)?),
            None => None,
        };
        let business_number = match BusinessNumber::parse(&f.business_number) {
            Ok(b) => Some(b),
            Err(e) => {
                r.fail("business_number", "사업자등록번호", e.to_string());
                None
            }
        };
        if let Some(b) = &business_number
            && let Some(other) = self.store.company_by_business_number(b)?
            && existing.as_ref().is_none_or(|c| c.id != other)
        {
            let name = self.company(other).map(|c| c.name).unwrap_or_default();
            r.fail(
                "business_number",
                "사업자등록번호",
                format!("이미 등록된 기업입니다: {name}"),
            );
        }
        let employees: Option<u32> = r.number("employees", "피보험자 수", &f.employees);
        let size = match Reader::text(&f.size) {
            Some(s) => r.choice::<CompanySize>("size", "규모", &s),
            None => employees.map(CompanySize::from_employees),
        };
        if size.is_none()
            && !r
                .errors
                .iter()
                .any(|e| e.field == "size" || e.field == "employees")
        {
            r.fail("size", "규모", "규모 또는 피보험자 수를 입력해 주세요.");
        }
        if Reader::text(&f.ksic_code).is_none() {
            r.fail("ksic_code", "업종(KSIC)", "필수 항목입니다.");
        }
        if Reader::text(&f.sigungu).is_none() {
            r.fail("sigungu", "소재지", "필수 항목입니다.");
        }
        let contact_phone = match Reader::text(&f.contact_phone) {
            None => None,
            Some(p) => match Phone::parse(&p) {
                Ok(p) => Some(p),
                Err(_) => {
                    r.fail(
                        "contact_phone",
                        "담당자 연락처",
                        format!("전화번호를 010-1234-5678처럼 입력해 주세요: {p}"),
                    );
                    None
                }
            },
        };
        let status = r
            .required_choice::<CompanyStatus>("status", "진행상태", &f.status)
            .unwrap_or(CompanyStatus::Found);
        let focus_industries: Vec<FocusIndustry> =
            r.choices("focus_industries", "중점 업종", &f.focus_industries);
        // While the number is invalid, the rest of the form is still checked
        // against a stand-in (never saved: the number's error stops the save).
        let Some(number) = business_number
            .clone()
            .or_else(|| existing.as_ref().map(|c| c.business_number.clone()))
            .or_else(|| BusinessNumber::parse(STAND_IN_NUMBER).ok())
        else {
            return Ok((None, r.errors));
        };
        let base = existing.clone().unwrap_or_else(|| Company {
            id: self.new_id(),
            center_id: self.center_id(),
            counselor_id: None,
            name: String::new(),
            business_number: number.clone(),
            ksic_code: KsicCode::from(""),
            size: CompanySize::Small,
            employees: None,
            sigungu: SigunguCode::from(""),
            address: None,
            industrial_complex: None,
            focus_industries: vec![],
            ppuri_techs: vec![],
            contact_name: None,
            contact_phone: None,
            status: CompanyStatus::Found,
            enrolled_on: Some(self.clock.today()),
            note: None,
        });
        let company = Company {
            name: f.name.trim().to_owned(),
            business_number: number,
            ksic_code: KsicCode::from(f.ksic_code.as_str()),
            size: size.unwrap_or(base.size),
            employees,
            sigungu: SigunguCode::from(f.sigungu.as_str()),
            address: Reader::text(&f.address),
            industrial_complex: Reader::text(&f.industrial_complex),
            focus_industries,
            contact_name: Reader::text(&f.contact_name),
            contact_phone,
            status,
            note: Reader::text(&f.note),
            ..base
        };
        let mut errors = r.errors;
        for e in company.check(&self.check_ctx()) {
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
        Ok((Some(company), errors))
    }

    pub fn check_company_form(&self, f: &CompanyForm) -> Result<Vec<FieldError>, AppError> {
        Ok(self.company_from_form(f)?.1)
    }

    /// Creates or updates the company; returns its id. Nothing is saved when
    /// anything is wrong (an invalid 사업자등록번호 included).
    pub fn save_company_form(&mut self, f: &CompanyForm) -> Result<String, AppError> {
        let (company, errors) = self.company_from_form(f)?;
        let (Some(company), true) = (company, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        if f.id.trim().is_empty() {
            self.create_company(company.clone())?;
        } else {
            self.save(&company)?;
        }
        Ok(company.id.to_string())
    }

    pub fn new_vacancy_form(&self, company_id: &str) -> Result<VacancyForm, AppError> {
        let company = self.company(parse_id(company_id)?)?;
        Ok(VacancyForm {
            company_id: company.id.to_string(),
            headcount: "1".into(),
            shift: enum_value(&Shift::Day),
            sigungu: company.sigungu.to_string(),
            opened_on: self.clock.today().to_string(),
            status: enum_value(&VacancyStatus::Open),
            ..Default::default()
        })
    }

    pub fn vacancy_form(&self, id: &str) -> Result<VacancyForm, AppError> {
        let v: Vacancy = self.store.get(parse_id(id)?)?.ok_or(AppError::NotFound {
            what: "구인공고",
        })?;
        Ok(VacancyForm::of(&v))
    }

    fn vacancy_from_form(&self, f: &VacancyForm) -> Result<(Vacancy, Vec<FieldError>), AppError> {
        let company = self.company(parse_id(&f.company_id)?)?;
        let mut r = Reader { errors: Vec::new() };
        let existing: Option<Vacancy> = match Reader::text(&f.id) {
            Some(id) => Some(self.store.get(parse_id(&id)?)?.ok_or(AppError::NotFound {
                what: "구인공고",
            })?),
            None => None,
        };
        if Reader::text(&f.occupation).is_none() {
            r.fail("occupation", "모집직종", "필수 항목입니다.");
        }
        let headcount: Option<u32> = r.number("headcount", "모집인원", &f.headcount);
        if headcount.is_none() && !r.errors.iter().any(|e| e.field == "headcount") {
            r.fail("headcount", "모집인원", "필수 항목입니다.");
        }
        let wage_monthly = r.number("wage_monthly", "제시임금(월)", &f.wage_monthly);
        let weekly_hours = r.number("weekly_hours", "주 근로시간", &f.weekly_hours);
        let min_experience_years =
            r.number("min_experience_years", "필요 경력", &f.min_experience_years);
        let shift = r
            .required_choice::<Shift>("shift", "근무형태", &f.shift)
            .unwrap_or(Shift::Day);
        let status = r
            .required_choice::<VacancyStatus>("status", "모집상태", &f.status)
            .unwrap_or(VacancyStatus::Open);
        let opened_on = r.date("opened_on", "모집 시작일", &f.opened_on);
        if opened_on.is_none() && !r.errors.iter().any(|e| e.field == "opened_on") {
            r.fail("opened_on", "모집 시작일", "필수 항목입니다.");
        }
        let closes_on = r.date("closes_on", "마감일", &f.closes_on);
        let list =
            |v: &[String]| -> Vec<String> { v.iter().filter_map(|s| Reader::text(s)).collect() };
        let vacancy = Vacancy {
            id: existing
                .as_ref()
                .map(|v| v.id)
                .unwrap_or_else(|| self.new_id()),
            center_id: self.center_id(),
            company_id: company.id,
            title: f.title.trim().to_owned(),
            occupation: KecoCode::from(f.occupation.as_str()),
            headcount: headcount.unwrap_or(1),
            wage_monthly,
            weekly_hours,
            shift,
            housing: f.housing,
            commute_bus: f.commute_bus,
            required_certificates: list(&f.required_certificates),
            preferred_certificates: list(&f.preferred_certificates),
            skills: f
                .skills
                .split([',', '，', '\n'])
                .filter_map(Reader::text)
                .collect(),
            min_experience_years,
            sigungu: Reader::text(&f.sigungu)
                .map(|s| SigunguCode::from(s.as_str()))
                .unwrap_or_else(|| company.sigungu.clone()),
            opened_on: opened_on.unwrap_or_else(|| self.clock.today()),
            closes_on,
            status,
            note: Reader::text(&f.note),
        };
        let mut errors = r.errors;
        for e in vacancy.check(&self.check_ctx()) {
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
        Ok((vacancy, errors))
    }

    pub fn check_vacancy_form(&self, f: &VacancyForm) -> Result<Vec<FieldError>, AppError> {
        Ok(self.vacancy_from_form(f)?.1)
    }

    pub fn save_vacancy_form(&mut self, f: &VacancyForm) -> Result<String, AppError> {
        let (vacancy, errors) = self.vacancy_from_form(f)?;
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        if f.id.trim().is_empty() {
            self.create_vacancy(vacancy.clone())?;
        } else {
            self.save(&vacancy)?;
        }
        Ok(vacancy.id.to_string())
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
        let event = self.record_event(CaseEvent {
            id: self.new_id(),
            center_id: self.center_id(),
            subject_id: company.id,
            author_id: None,
            occurred_on,
            supersedes: None,
            body: EventBody::CompanyVisit {
                mode,
                industrial_complex: company.industrial_complex.clone(),
                content: f.content.trim().to_owned(),
            },
        })?;
        Ok(event_row(&event, false))
    }
}
