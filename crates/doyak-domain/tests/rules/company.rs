//! `Company::check` and `Vacancy::check`.

use crate::*;
use doyak_domain::{
    BusinessNumber, Company, CompanySize, CompanyStatus, FocusIndustry, Phone, Shift, Vacancy,
    VacancyStatus,
};
use expect_test::expect;

pub fn valid_company() -> Company {
    Company {
        id: id(20),
        center_id: center_id(),
        counselor_id: None,
        name: "한빛정밀(주)".into(),
        business_number: BusinessNumber::parse("220-81-62517").unwrap(),
        ksic_code: "29".into(),
        size: CompanySize::Small,
        employees: Some(42),
        sigungu: "41273".into(),
        address: Some("경기도 안산시 단원구 산단로 1".into()),
        industrial_complex: Some("반월국가산업단지".into()),
        focus_industries: vec![FocusIndustry::Ppuri],
        ppuri_techs: vec!["01".into()],
        contact_name: Some("김담당".into()),
        contact_phone: Some(Phone::parse("031-123-4567").unwrap()),
        status: CompanyStatus::Matching,
        enrolled_on: Some(day("2026-10-20")),
        note: None,
    }
}

pub fn valid_vacancy() -> Vacancy {
    Vacancy {
        id: id(21),
        center_id: center_id(),
        company_id: id(20),
        title: "CNC 선반 가공원".into(),
        occupation: "74".into(),
        headcount: 2,
        wage_monthly: Some(3_100_000),
        weekly_hours: Some(40),
        shift: Shift::TwoShift,
        housing: true,
        commute_bus: false,
        required_certificates: vec![],
        preferred_certificates: vec!["컴퓨터응용선반기능사".into()],
        skills: vec![],
        min_experience_years: None,
        sigungu: "41273".into(),
        opened_on: day("2026-11-01"),
        closes_on: Some(day("2026-12-31")),
        status: VacancyStatus::Open,
        note: None,
        posting_text: None,
    }
}

#[test]
fn company() {
    // 기업명 required; KSIC, 시군구 and each 뿌리기술 code known; 참여일 not in
    // the future. The 사업자등록번호 and phone are checked when parsed
    // (fields.rs): a Company cannot hold a bad one.
    let table = Table::new(valid_company())
        .case("name empty", |c| c.name = String::new())
        .case("name blank", |c| c.name = " \u{3000} ".into())
        // No length limit here, unlike a seeker's name.
        .case("name 1000 chars", |c| c.name = chars('가', 1000))
        .case("ksic unknown", |c| c.ksic_code = "2999".into())
        .case("ksic section only", |c| c.ksic_code = "C".into())
        .case("ksic empty", |c| c.ksic_code = "".into())
        .case("sigungu unknown", |c| c.sigungu = "41270".into())
        .case("ppuri 1 of 3 unknown", |c| {
            c.ppuri_techs = vec!["01".into(), "15".into(), "02".into()]
        })
        .case("ppuri 2 unknown", |c| {
            c.ppuri_techs = vec!["1".into(), "주조".into()]
        })
        .case("enrolled today", |c| c.enrolled_on = Some(today()))
        .case("enrolled tomorrow", |c| c.enrolled_on = Some(tomorrow()))
        .case("enrolled none", |c| c.enrolled_on = None)
        .case("employees 0", |c| c.employees = Some(0))
        // Not compared with CompanySize::from_employees.
        .case("size micro, 300 employees", |c| {
            c.size = CompanySize::Micro;
            c.employees = Some(300);
        });
    expect![[r#"
        valid                     | ok
        name empty                | name(기업명): 필수 항목입니다.
        name blank                | name(기업명): 필수 항목입니다.
        name 1000 chars           | ok
        ksic unknown              | ksic_code(업종(KSIC)): 알 수 없는 산업분류 코드입니다: 2999
        ksic section only         | ok
        ksic empty                | ksic_code(업종(KSIC)): 알 수 없는 산업분류 코드입니다: 
        sigungu unknown           | sigungu(소재지): 알 수 없는 시군구 코드입니다: 41270
        ppuri 1 of 3 unknown      | ppuri_techs(뿌리기술): 알 수 없는 뿌리기술 코드입니다: 15
        ppuri 2 unknown           | ppuri_techs(뿌리기술): 알 수 없는 뿌리기술 코드입니다: 1
                                  | ppuri_techs(뿌리기술): 알 수 없는 뿌리기술 코드입니다: 주조
        enrolled today            | ok
        enrolled tomorrow         | enrolled_on(참여일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        enrolled none             | ok
        employees 0               | ok
        size micro, 300 employees | ok
    "#]]
    .assert_eq(&table.shared());
}

#[test]
fn vacancy() {
    // 공고명 required; KECO and 시군구 known; 모집인원 at least 1; 제시임금
    // 0..=99,999,999 won a month; 주 근로시간 1..=52 (근로기준법 40 + 연장 12);
    // 필요 경력 at most 40 years; the closing day not before the opening day.
    let table = Table::new(valid_vacancy())
        .case("title empty", |v| v.title = String::new())
        .case("title blank", |v| v.title = "\n".into())
        .case("occupation unknown", |v| v.occupation = "75".into())
        .case("sigungu unknown", |v| v.sigungu = "00000".into())
        .case("headcount 0", |v| v.headcount = 0)
        .case("headcount 1", |v| v.headcount = 1)
        .case("headcount u32::MAX", |v| v.headcount = u32::MAX)
        .case("wage none", |v| v.wage_monthly = None)
        .case("wage -1", |v| v.wage_monthly = Some(-1))
        .case("wage 0", |v| v.wage_monthly = Some(0))
        .case("wage 99,999,999", |v| v.wage_monthly = Some(99_999_999))
        .case("wage 100,000,000", |v| v.wage_monthly = Some(100_000_000))
        .case("hours none", |v| v.weekly_hours = None)
        .case("hours 0", |v| v.weekly_hours = Some(0))
        .case("hours 52", |v| v.weekly_hours = Some(52))
        // 52 is the legal weekly maximum (40 + 12 of overtime): 53 and
        // the old typo guard's 68 are refused now.
        .case("hours 53", |v| v.weekly_hours = Some(53))
        .case("hours 68", |v| v.weekly_hours = Some(68))
        .case("hours 69", |v| v.weekly_hours = Some(69))
        .case("closes same day", |v| v.closes_on = Some(v.opened_on))
        .case("closes day before", |v| {
            v.closes_on = Some(day("2026-10-31"))
        })
        .case("closes none", |v| v.closes_on = None)
        .case("opens tomorrow", |v| v.opened_on = tomorrow())
        .case("experience 40 years", |v| v.min_experience_years = Some(40))
        .case("experience 41 years", |v| v.min_experience_years = Some(41))
        .case("experience 99 years", |v| v.min_experience_years = Some(99))
        .case("everything wrong", |v| {
            v.title = String::new();
            v.occupation = "".into();
            v.sigungu = "".into();
            v.headcount = 0;
            v.wage_monthly = Some(-5);
            v.weekly_hours = Some(100);
            v.closes_on = Some(day("2026-01-01"));
        });
    expect![[r#"
        valid               | ok
        title empty         | title(공고명): 필수 항목입니다.
        title blank         | title(공고명): 필수 항목입니다.
        occupation unknown  | occupation(모집직종): 알 수 없는 직업분류(KECO) 코드입니다: 75
        sigungu unknown     | sigungu(근무지): 알 수 없는 시군구 코드입니다: 00000
        headcount 0         | headcount(모집인원): 모집인원은 1명 이상이어야 합니다.
        headcount 1         | ok
        headcount u32::MAX  | ok
        wage none           | ok
        wage -1             | wage_monthly(제시임금(월)): 금액은 0 이상이어야 합니다.
        wage 0              | ok
        wage 99,999,999     | ok
        wage 100,000,000    | wage_monthly(제시임금(월)): 월 금액이 1억 원을 넘습니다. 단위(원)를 확인해 주세요.
        hours none          | ok
        hours 0             | weekly_hours(주 근로시간): 주 근로시간은 1시간 이상이어야 합니다.
        hours 52            | ok
        hours 53            | weekly_hours(주 근로시간): 주 53시간은 법정 한도(주 52시간: 기본 40시간 + 연장 12시간)를 넘습니다.
        hours 68            | weekly_hours(주 근로시간): 주 68시간은 법정 한도(주 52시간: 기본 40시간 + 연장 12시간)를 넘습니다.
        hours 69            | weekly_hours(주 근로시간): 주 69시간은 법정 한도(주 52시간: 기본 40시간 + 연장 12시간)를 넘습니다.
        closes same day     | ok
        closes day before   | closes_on(모집기간): 종료일(2026-10-31)이 시작일(2026-11-01)보다 빠릅니다.
        closes none         | ok
        opens tomorrow      | ok
        experience 40 years | ok
        experience 41 years | min_experience_years(필요 경력): 필요 경력 41년은 40년을 넘습니다. 년 단위로 입력해 주세요.
        experience 99 years | min_experience_years(필요 경력): 필요 경력 99년은 40년을 넘습니다. 년 단위로 입력해 주세요.
        everything wrong    | title(공고명): 필수 항목입니다.
                            | occupation(모집직종): 알 수 없는 직업분류(KECO) 코드입니다: 
                            | sigungu(근무지): 알 수 없는 시군구 코드입니다: 
                            | headcount(모집인원): 모집인원은 1명 이상이어야 합니다.
                            | wage_monthly(제시임금(월)): 금액은 0 이상이어야 합니다.
                            | weekly_hours(주 근로시간): 주 100시간은 법정 한도(주 52시간: 기본 40시간 + 연장 12시간)를 넘습니다.
                            | closes_on(모집기간): 종료일(2026-01-01)이 시작일(2026-11-01)보다 빠릅니다.
    "#]].assert_eq(&table.shared());
}
