//! The company and vacancy forms as the desk edits them: typed text in, a
//! checked record out, or every problem keyed by its field (the same check
//! inline and on save, as for the seeker form in `forms`).

use crate::forms::{Reader, choice, enum_value, manwon_text, parse_id};
use crate::{AppError, Choice, Desk};
use doyak_domain::company::{CompanySize, CompanyStatus, FocusIndustry, Shift, VacancyStatus};
use doyak_domain::events::ContactMode;
use doyak_domain::{BusinessNumber, Company, FieldError, KecoCode, KsicCode, SigunguCode, Vacancy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// 만원 per month ("300"); "3,000,000원" with the 원 is read as 원.
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
    /// 공고 본문 (what 공고 점검 reads).
    #[serde(default)]
    pub posting_text: String,
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

/// A valid 사업자등록번호 (check digit correct) that stands in while the
/// typed one is invalid, so the other fields can still be checked.
const STAND_IN_NUMBER: &str = "220-81-62517";

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
            wage_monthly: v.wage_monthly.map(manwon_text).unwrap_or_default(),
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
            posting_text: v.posting_text.clone().unwrap_or_default(),
        }
    }
}

impl Desk {
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
        let contact_phone = r.phone("contact_phone", "담당자 연락처", &f.contact_phone);
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
        let errors = self.with_rule_errors(r.errors, &company);
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
        let wage_monthly = r.manwon("wage_monthly", "제시임금(월)", &f.wage_monthly);
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
            posting_text: Reader::text(&f.posting_text),
        };
        let errors = self.with_rule_errors(r.errors, &vacancy);
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
}
