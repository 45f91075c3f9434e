//! The vacancy columns of CSV/XLSX import and export. A vacancy names its
//! company by 사업자등록번호, which must already be in the caseload.

use super::fields::{Column, RowReader, col, resolve_sigungu};
use chrono::NaiveDate;
use doyak_domain::company::{Shift, VacancyStatus};
use doyak_domain::{Company, Id, KecoCode, SigunguCode, Vacancy};

pub const COLUMNS: &[Column] = &[
    col("id", "ID", &[], false),
    col("business_number", "사업자등록번호", &["사업자번호"], true),
    col("title", "공고명", &["모집직무"], true),
    col(
        "occupation",
        "직종",
        &["직종코드", "keco", "모집직종"],
        true,
    ),
    col("headcount", "모집인원", &[], true),
    col("wage_monthly", "월임금", &["임금", "제시임금"], false),
    col("weekly_hours", "주근로시간", &[], false),
    col("shift", "근무형태", &["교대"], false),
    col("housing", "기숙사", &[], false),
    col("commute_bus", "통근버스", &[], false),
    col("required_certificates", "필수자격", &[], false),
    col("preferred_certificates", "우대자격", &[], false),
    col("skills", "요구기술", &["기술"], false),
    col("min_experience_years", "필요경력", &["경력"], false),
    col("sigungu", "근무지", &[], false),
    col("opened_on", "접수일", &["등록일"], false),
    col("closes_on", "마감일", &[], false),
    col("status", "모집상태", &["상태"], false),
    col("note", "메모", &["비고"], false),
    col(
        "posting_text",
        "공고본문",
        &["공고 본문", "공고내용"],
        false,
    ),
];

/// `company_of` finds the company registered under a number (in the store).
pub fn from_row(
    r: &mut RowReader<'_>,
    new_id: Id,
    center_id: Id,
    today: NaiveDate,
    company_of: &dyn Fn(&doyak_domain::BusinessNumber) -> Option<Company>,
) -> Option<Vacancy> {
    let id = match r.text("id") {
        Some(raw) => raw.parse().unwrap_or_else(|_| {
            r.fail("id", format!("ID 형식이 올바르지 않습니다: '{raw}'"));
            new_id
        }),
        None => new_id,
    };
    let company = r.text("business_number").and_then(|raw| match doyak_domain::BusinessNumber::parse(&raw) {
        Ok(b) => match company_of(&b) {
            Some(c) => Some(c),
            None => {
                r.fail("business_number", format!("이 사업자등록번호({b})의 기업이 사례관리에 없습니다. 기업을 먼저 등록해 주세요."));
                None
            }
        },
        Err(e) => {
            r.fail("business_number", format!("{e} (입력: '{raw}')"));
            None
        }
    });
    let title = r.text("title").unwrap_or_default();
    let occupation = r
        .text("occupation")
        .map(|c| KecoCode::from(super::fields::code_in(&c).as_str()));
    let headcount: Option<u32> = r.int("headcount", "모집인원");
    let wage_monthly = r.int("wage_monthly", "월임금");
    let weekly_hours = r.int("weekly_hours", "주근로시간");
    let shift = r
        .choice("shift", &Shift::ALL, Shift::label_ko)
        .unwrap_or(Shift::Day);
    let housing = r.bool("housing").unwrap_or(false);
    let commute_bus = r.bool("commute_bus").unwrap_or(false);
    let required_certificates = r.list("required_certificates");
    let preferred_certificates = r.list("preferred_certificates");
    let skills = r.list("skills");
    let min_experience_years = r.int("min_experience_years", "필요경력");
    let sigungu = match r.text("sigungu") {
        Some(raw) => match resolve_sigungu(&raw) {
            Ok(code) => Some(SigunguCode(code)),
            Err(message) => {
                r.fail("sigungu", message);
                None
            }
        },
        None => company.as_ref().map(|c| c.sigungu.clone()),
    };
    let opened_on = r.date("opened_on").unwrap_or(today);
    let closes_on = r.date("closes_on");
    let status = r
        .choice("status", &VacancyStatus::ALL, VacancyStatus::label_ko)
        .unwrap_or(VacancyStatus::Open);
    let note = r.text("note");
    Some(Vacancy {
        id,
        center_id,
        company_id: company?.id,
        title,
        occupation: occupation?,
        headcount: headcount?,
        wage_monthly,
        weekly_hours,
        shift,
        housing,
        commute_bus,
        required_certificates,
        preferred_certificates,
        skills,
        min_experience_years,
        sigungu: sigungu?,
        opened_on,
        closes_on,
        status,
        note,
        posting_text: r.text("posting_text"),
    })
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn to_row(v: &Vacancy, business_number: &str) -> Vec<String> {
    let yes_no = |b: bool| if b { "예" } else { "아니오" }.to_owned();
    vec![
        v.id.to_string(),
        business_number.to_owned(),
        v.title.clone(),
        super::fields::keco_label(v.occupation.as_str()),
        v.headcount.to_string(),
        opt(&v.wage_monthly),
        opt(&v.weekly_hours),
        v.shift.label_ko().to_owned(),
        yes_no(v.housing),
        yes_no(v.commute_bus),
        v.required_certificates.join(";"),
        v.preferred_certificates.join(";"),
        v.skills.join(";"),
        opt(&v.min_experience_years),
        super::fields::sigungu_label(v.sigungu.as_str()),
        v.opened_on.to_string(),
        opt(&v.closes_on),
        v.status.label_ko().to_owned(),
        opt(&v.note),
        opt(&v.posting_text),
    ]
}
