//! The company columns of CSV/XLSX import and export.

use super::fields::{Column, RowReader, col, resolve_sigungu};
use chrono::NaiveDate;
use doyak_domain::company::{CompanySize, CompanyStatus};
use doyak_domain::{BusinessNumber, Company, Id, KsicCode, Phone, SigunguCode};

pub const COLUMNS: &[Column] = &[
    col("id", "ID", &[], false),
    col("name", "기업명", &["회사명", "사업장명"], true),
    col("business_number", "사업자등록번호", &["사업자번호"], true),
    col(
        "ksic_code",
        "업종",
        &["업종코드", "ksic", "산업분류코드"],
        true,
    ),
    col("employees", "피보험자수", &["직원수", "근로자수"], false),
    col("size", "규모", &[], false),
    col("sigungu", "소재지", &["시군구"], true),
    col("address", "주소", &[], false),
    col("industrial_complex", "산업단지", &[], false),
    col("ppuri_techs", "뿌리기술", &[], false),
    col("contact_name", "담당자", &[], false),
    col("contact_phone", "담당자연락처", &["연락처"], false),
    col("status", "진행상태", &["상태"], false),
    col("enrolled_on", "참여일", &[], false),
    col("note", "메모", &["비고"], false),
];

pub fn from_row(
    r: &mut RowReader<'_>,
    new_id: Id,
    center_id: Id,
    today: NaiveDate,
) -> Option<Company> {
    let id = match r.text("id") {
        Some(raw) => raw.parse().unwrap_or_else(|_| {
            r.fail("id", format!("ID 형식이 올바르지 않습니다: '{raw}'"));
            new_id
        }),
        None => new_id,
    };
    let name = r.text("name").unwrap_or_default();
    let business_number =
        r.text("business_number")
            .and_then(|raw| match BusinessNumber::parse(&raw) {
                Ok(b) => Some(b),
                Err(e) => {
                    r.fail("business_number", format!("{e} (입력: '{raw}')"));
                    None
                }
            });
    let ksic_code = r
        .text("ksic_code")
        .map(|c| KsicCode::from(super::fields::code_in(&c).as_str()));
    let employees: Option<u32> = r.int("employees", "피보험자수");
    let size = r
        .choice("size", &CompanySize::ALL, CompanySize::label_ko)
        .or(employees.map(CompanySize::from_employees))
        .unwrap_or(CompanySize::Small);
    let sigungu = r
        .text("sigungu")
        .and_then(|raw| match resolve_sigungu(&raw) {
            Ok(code) => Some(SigunguCode(code)),
            Err(message) => {
                r.fail("sigungu", message);
                None
            }
        });
    let address = r.text("address");
    let industrial_complex = r.text("industrial_complex");
    let ppuri_techs = r.list("ppuri_techs");
    let contact_name = r.text("contact_name");
    if let Some(masked) = contact_name
        .as_deref()
        .filter(|n| doyak_domain::masking::is_masked(n))
    {
        r.fail(
            "contact_name",
            format!("가림 처리된 이름입니다: '{masked}'. 가리지 않고 내보낸 파일을 가져오세요."),
        );
    }
    let contact_phone = r
        .text("contact_phone")
        .and_then(|raw| match Phone::parse(&raw) {
            Ok(p) => Some(p),
            Err(e) => {
                r.fail("contact_phone", e.to_string());
                None
            }
        });
    let status = r
        .choice("status", &CompanyStatus::ALL, CompanyStatus::label_ko)
        .unwrap_or(CompanyStatus::Found);
    let enrolled_on = r.date("enrolled_on").or(Some(today));
    let note = r.text("note");
    let focus_industries = ksic_code
        .as_ref()
        .map(|k| doyak_refdata::get().focus_industries_of(k.as_str()))
        .unwrap_or_default();
    Some(Company {
        id,
        center_id,
        counselor_id: None,
        name,
        business_number: business_number?,
        ksic_code: ksic_code?,
        size,
        employees,
        sigungu: sigungu?,
        address,
        industrial_complex,
        focus_industries,
        ppuri_techs,
        contact_name,
        contact_phone,
        status,
        enrolled_on,
        note,
    })
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn to_row(c: &Company) -> Vec<String> {
    vec![
        c.id.to_string(),
        c.name.clone(),
        c.business_number.formatted(),
        super::fields::ksic_label(c.ksic_code.as_str()),
        opt(&c.employees),
        c.size.label_ko().to_owned(),
        super::fields::sigungu_label(c.sigungu.as_str()),
        opt(&c.address),
        opt(&c.industrial_complex),
        c.ppuri_techs.join(";"),
        opt(&c.contact_name),
        c.contact_phone
            .as_ref()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        c.status.label_ko().to_owned(),
        opt(&c.enrolled_on),
        opt(&c.note),
    ]
}
