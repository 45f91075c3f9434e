//! 공고 점검 over a JSON Lines file of vacancies (`doyak posting check`):
//! the matching vacancy format plus the posting's own words. All or
//! nothing on input, like matching: a file with a bad line gives every bad
//! line's number and reason and no results.

use crate::AppError;
use crate::matching::{VACANCY_FORMAT, read_records};
pub use doyak_company::rules_version;
use doyak_company::{Posting, PostingCheck};
use doyak_interchange::JsonlKind;

/// Checks every posting of the file, in the file's order. `name` names the
/// file in messages.
pub fn check_postings(bytes: &[u8], name: &str) -> Result<Vec<PostingCheck>, AppError> {
    let mut problems = Vec::new();
    let kind = JsonlKind {
        format: VACANCY_FORMAT,
        versions: &[1],
    };
    let Some(postings) = read_records::<Posting>(bytes, name, kind, &mut problems) else {
        return Err(AppError::MatchInput { problems });
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (line, p) in &postings {
        let id = p.vacancy.id.trim();
        if id.is_empty() {
            problems.push(format!("{name} {line}행: 구인 ID(id)가 비어 있습니다."));
        } else if let Some(first) = seen.insert(id, *line) {
            problems.push(format!(
                "{name} {line}행: 구인 ID '{id}'가 {first}행에도 있습니다."
            ));
        }
    }
    if !problems.is_empty() {
        return Err(AppError::MatchInput { problems });
    }
    Ok(postings
        .iter()
        .map(|(_, p)| doyak_company::check(p))
        .collect())
}

/// Which text of a posting a finding is in, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PostingFieldText {
    /// title | description | work_hours | workplace_address
    pub field: String,
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PostingFindingRow {
    /// The stable code (docs/formats.md, `doyak.posting_check`).
    pub code: String,
    /// 임금 / 근무시간 / 근무지 / 직무 / 연령 / 성별 / 용모 / 신체 조건 /
    /// 개인정보 / 요건.
    pub label: String,
    pub text: String,
    pub law: Option<String>,
    /// Where it is written (a field of `fields`, characters start..end);
    /// None for what is missing.
    pub field: Option<String>,
    pub start: Option<u32>,
    pub end: Option<u32>,
    /// Advice only (the law does not bind a firm of this size).
    pub advisory: bool,
}

/// 공고 점검 of one vacancy of the caseload.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct PostingCheckView {
    pub vacancy_id: String,
    pub score: u32,
    pub rules_version: String,
    pub fields: Vec<PostingFieldText>,
    pub findings: Vec<PostingFindingRow>,
}

/// Where the vacancy works, as far as the record knows: the company's
/// address (or its 산업단지) when the vacancy is in the company's own
/// 시군구; a vacancy at another site has no address on record.
fn workplace(v: &doyak_domain::Vacancy, company: Option<&doyak_domain::Company>) -> Option<String> {
    let c = company.filter(|c| c.sigungu == v.sigungu)?;
    c.address
        .clone()
        .filter(|a| !a.trim().is_empty())
        .or_else(|| c.industrial_complex.clone())
}

fn field_name(f: doyak_company::Field) -> (&'static str, &'static str) {
    match f {
        doyak_company::Field::Title => ("title", "공고 제목"),
        doyak_company::Field::Description => ("description", "공고 본문"),
        doyak_company::Field::WorkHours => ("work_hours", "근무시간"),
        doyak_company::Field::WorkplaceAddress => ("workplace_address", "근무지"),
    }
}

fn code_label(code: &str) -> &'static str {
    match code {
        "wage_missing" => "임금",
        "hours_missing" => "근무시간",
        "location_missing" => "근무지",
        "duties_vague" => "직무",
        "age_limit" => "연령",
        "sex_preference" => "성별",
        "appearance" => "용모",
        "body_condition" => "신체 조건",
        "personal_info" => "개인정보",
        "requirement_out_of_line" => "요건",
        _ => "기타",
    }
}

impl crate::Desk {
    /// 공고 점검 of a vacancy: its title, 공고 본문, hours (주 N시간 and the
    /// shift) and the company's address, checked by the posting rules.
    pub fn posting_check_view(&self, vacancy_id: &str) -> Result<PostingCheckView, AppError> {
        let id = crate::forms::parse_id(vacancy_id)?;
        let v: doyak_domain::Vacancy = self
            .store
            .get(id)?
            .ok_or(AppError::NotFound { what: "구인" })?;
        let company: Option<doyak_domain::Company> = self.store.get(v.company_id)?;
        let hours = v.weekly_hours.map(|h| {
            let mut s = format!("주 {h}시간");
            if v.shift != doyak_domain::company::Shift::Day {
                s.push_str(&format!(", {}", v.shift.label_ko()));
            }
            s
        });
        let employees = company.as_ref().and_then(|c| c.employees);
        let posting = Posting {
            vacancy: crate::recommend::vacancy_profile(&v, 0),
            title: Some(v.title.clone()),
            description: v.posting_text.clone(),
            work_hours: hours,
            workplace_address: workplace(&v, company.as_ref()),
            employees,
        };
        let check = doyak_company::check(&posting);
        let text_of = |f: doyak_company::Field| match f {
            doyak_company::Field::Title => posting.title.clone(),
            doyak_company::Field::Description => posting.description.clone(),
            doyak_company::Field::WorkHours => posting.work_hours.clone(),
            doyak_company::Field::WorkplaceAddress => posting.workplace_address.clone(),
        };
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Ok(PostingCheckView {
            vacancy_id: v.id.to_string(),
            score: check.score,
            rules_version: check.rules_version,
            fields: [
                doyak_company::Field::Title,
                doyak_company::Field::Description,
                doyak_company::Field::WorkHours,
                doyak_company::Field::WorkplaceAddress,
            ]
            .into_iter()
            .filter_map(|f| {
                let (field, label) = field_name(f);
                text_of(f).map(|text| PostingFieldText {
                    field: field.to_owned(),
                    label: label.to_owned(),
                    text,
                })
            })
            .collect(),
            findings: check
                .findings
                .into_iter()
                .map(|f| PostingFindingRow {
                    label: code_label(&f.code).to_owned(),
                    field: f.span.map(|s| field_name(s.field).0.to_owned()),
                    start: f.span.map(|s| n(s.start)),
                    end: f.span.map(|s| n(s.end)),
                    code: f.code,
                    text: f.text_ko,
                    law: f.law,
                    advisory: f.advisory,
                })
                .collect(),
        })
    }
}

impl crate::Desk {
    /// 공고 초안 of a vacancy from its own fields (nothing saved). The
    /// occupation profile's 필수 units are offered as a reference line when
    /// the vacancy's job is one of the profiles.
    pub fn posting_draft(&self, vacancy_id: &str) -> Result<String, AppError> {
        let id = crate::forms::parse_id(vacancy_id)?;
        let v: doyak_domain::Vacancy = self
            .store
            .get(id)?
            .ok_or(AppError::NotFound { what: "구인" })?;
        let company: Option<doyak_domain::Company> = self.store.get(v.company_id)?;
        let refdata = doyak_refdata::get();
        let profiles = doyak_diagnosis::profiles();
        let reference_units = profiles
            .occupations
            .iter()
            .find(|o| o.code == v.occupation.as_str())
            .map(|o| {
                o.units
                    .iter()
                    .filter(|u| u.required)
                    .filter_map(|u| profiles.units.get(u.unit).map(|x| x.name_ko.clone()))
                    .take(5)
                    .collect()
            })
            .unwrap_or_default();
        Ok(doyak_company::posting_draft(&doyak_company::DraftInput {
            company_name: company.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
            title: v.title.clone(),
            occupation_name: refdata
                .keco(v.occupation.as_str())
                .map_or_else(|| v.occupation.to_string(), |k| k.name_ko.clone()),
            headcount: v.headcount,
            wage_monthly: v.wage_monthly,
            weekly_hours: v.weekly_hours,
            shift_label: v.shift.label_ko().to_owned(),
            address: company
                .as_ref()
                .filter(|c| c.sigungu == v.sigungu)
                .and_then(|c| c.address.clone()),
            industrial_complex: company
                .as_ref()
                .filter(|c| c.sigungu == v.sigungu)
                .and_then(|c| c.industrial_complex.clone()),
            sigungu_name: refdata.sigungu(v.sigungu.as_str()).map(|s| s.full_name()),
            housing: v.housing,
            commute_bus: v.commute_bus,
            required_certificates: v.required_certificates.clone(),
            preferred_certificates: v.preferred_certificates.clone(),
            skills: v.skills.clone(),
            min_experience_years: v.min_experience_years,
            opened_on: v.opened_on.to_string(),
            closes_on: v.closes_on.map(|d| d.to_string()),
            reference_units,
        }))
    }

    /// Saves the counselor's 공고 본문 of a vacancy (a draft they edited):
    /// only that field changes, checked and audited like any edit.
    pub fn save_posting_text(&mut self, vacancy_id: &str, text: &str) -> Result<(), AppError> {
        let id = crate::forms::parse_id(vacancy_id)?;
        let mut v: doyak_domain::Vacancy = self
            .store
            .get(id)?
            .ok_or(AppError::NotFound { what: "구인" })?;
        let text = text.trim();
        v.posting_text = (!text.is_empty()).then(|| text.to_owned());
        self.save(&v).map(drop)
    }
}
