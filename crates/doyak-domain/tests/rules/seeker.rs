//! `JobSeeker::check`: name, birth date, email, codes, date ranges, wage and
//! commute, each at and around its limit.

use crate::*;
use doyak_domain::seeker::{
    Benefit, BenefitStatus, Consent, ConsentScope, Training, WorkExperience,
};
use doyak_domain::{JobSeeker, Phone, SeekerStatus, Track};
use expect_test::expect;

/// A seeker with every dated field in the past and every code known.
pub fn valid() -> JobSeeker {
    let mut s = JobSeeker::intake(id(10), center_id(), "홍길순");
    s.birth_date = Some(day("1996-03-15"));
    s.phone = Some(Phone::parse("010-1234-5678").unwrap());
    s.email = Some("gilsun@example.kr".into());
    s.home_sigungu = Some("41273".into());
    s.consent = Some(Consent {
        given_on: day("2026-11-02"),
        scopes: vec![ConsentScope::Counseling],
        withdrawn_on: None,
        method: None,
        form_version: None,
        withdrawals: vec![],
    });
    s.track = Track::Youth;
    s.status = SeekerStatus::Consulting;
    s.enrolled_on = Some(day("2026-11-02"));
    s.benefit = Some(Benefit {
        status: BenefitStatus::Receiving,
        starts_on: Some(day("2026-10-01")),
        ends_on: Some(day("2027-03-31")),
    });
    s.work_history = vec![WorkExperience {
        employer: "한빛정밀(주)".into(),
        occupation: Some("74".into()),
        title: Some("선반 가공".into()),
        starts_on: Some(day("2020-03-02")),
        ends_on: Some(day("2026-09-30")),
    }];
    s.training = vec![Training {
        course: "CNC 선반 실무".into(),
        institution: None,
        starts_on: Some(day("2026-06-01")),
        ends_on: Some(day("2026-08-31")),
        completed: true,
    }];
    s.desired_occupations = vec!["74".into()];
    s.desired_wage_monthly = Some(2_800_000);
    s.desired_sigungu = vec!["41273".into()];
    s.max_commute_km = Some(30);
    s
}

#[test]
fn seeker_name() {
    // Required after trimming; at most 50 characters, counted as characters
    // (a Korean syllable is one, though UTF-8 takes three bytes for it).
    let table = Table::new(valid())
        .case("empty", |s| s.name = String::new())
        .case("spaces only", |s| s.name = "   ".into())
        .case("tab and newline", |s| s.name = "\t\n".into())
        .case("one syllable", |s| s.name = "김".into())
        .case("50 hangul", |s| s.name = chars('가', 50))
        .case("51 hangul", |s| s.name = chars('가', 51))
        .case("50 latin", |s| s.name = chars('a', 50))
        .case("51 latin", |s| s.name = chars('a', 51))
        // Blank and too long at once: both findings, in that order.
        .case("51 spaces", |s| s.name = chars(' ', 51))
        // Not trimmed by the check: the 50 counts the spaces around it.
        .case("49 hangul + 2 spaces", |s| {
            s.name = format!(" {} ", chars('가', 49))
        });
    expect![[r#"
        valid                | ok
        empty                | name(이름): 필수 항목입니다.
        spaces only          | name(이름): 필수 항목입니다.
        tab and newline      | name(이름): 필수 항목입니다.
        one syllable         | ok
        50 hangul            | ok
        51 hangul            | name(이름): 이름은 50자 이내로 입력해 주세요.
        50 latin             | ok
        51 latin             | name(이름): 이름은 50자 이내로 입력해 주세요.
        51 spaces            | name(이름): 필수 항목입니다.
                             | name(이름): 이름은 50자 이내로 입력해 주세요.
        49 hangul + 2 spaces | name(이름): 이름은 50자 이내로 입력해 주세요.
    "#]]
    .assert_eq(&table.shared());
}

#[test]
fn seeker_birth_date() {
    // Not in the future; not more than 100 whole years before today
    // (2026-11-25): born 1925-11-26 is 100 until tomorrow, 1925-11-25 turned
    // 101 today.
    let table = Table::new(valid())
        .case("none", |s| s.birth_date = None)
        // No lower age limit: a seeker born today passes.
        .case("today", |s| s.birth_date = Some(today()))
        .case("tomorrow", |s| s.birth_date = Some(tomorrow()))
        .case("next year", |s| s.birth_date = Some(day("2027-01-01")))
        .case("100 today", |s| s.birth_date = Some(day("1926-11-25")))
        .case("100, 101 tomorrow", |s| {
            s.birth_date = Some(day("1925-11-26"))
        })
        .case("101 today", |s| s.birth_date = Some(day("1925-11-25")))
        .case("1900", |s| s.birth_date = Some(day("1900-01-01")))
        .case("leap day 2008", |s| s.birth_date = Some(day("2008-02-29")));
    expect![[r#"
        valid             | ok
        none              | ok
        today             | ok
        tomorrow          | birth_date(생년월일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        next year         | birth_date(생년월일): 미래 날짜(2027-01-01)는 입력할 수 없습니다.
        100 today         | ok
        100, 101 tomorrow | ok
        101 today         | birth_date(생년월일): 1925-11-25생은 100세가 넘습니다. 연도를 확인해 주세요.
        1900              | birth_date(생년월일): 1900-01-01생은 100세가 넘습니다. 연도를 확인해 주세요.
        leap day 2008     | ok
    "#]].assert_eq(&table.shared());
}

#[test]
fn seeker_email() {
    // Something before an '@' is not required; the part after the last '@'
    // must contain a dot.
    let table = Table::new(valid())
        .case("none", |s| s.email = None)
        .case("shortest usual", |s| s.email = Some("a@b.kr".into()))
        .case("empty", |s| s.email = Some(String::new()))
        .case("no at", |s| s.email = Some("gilsun.example.kr".into()))
        .case("no dot after at", |s| {
            s.email = Some("gilsun@example".into())
        })
        .case("dot only before at", |s| {
            s.email = Some("gil.sun@example".into())
        })
        .case("two ats, dot last", |s| s.email = Some("a@b@c.kr".into()))
        .case("trailing at", |s| {
            s.email = Some("gilsun@example.kr@".into())
        })
        .case("nothing before at", |s| {
            s.email = Some("@example.kr".into())
        })
        .case("space inside", |s| {
            s.email = Some("gil sun@example.kr".into())
        })
        .case("domain is a dot", |s| s.email = Some("gilsun@.".into()));
    expect![[r#"
        valid              | ok
        none               | ok
        shortest usual     | ok
        empty              | email(이메일): 이메일 형식이 올바르지 않습니다.
        no at              | email(이메일): 이메일 형식이 올바르지 않습니다.
        no dot after at    | email(이메일): 이메일 형식이 올바르지 않습니다.
        dot only before at | email(이메일): 이메일 형식이 올바르지 않습니다.
        two ats, dot last  | ok
        trailing at        | email(이메일): 이메일 형식이 올바르지 않습니다.
        nothing before at  | ok
        space inside       | ok
        domain is a dot    | ok
    "#]]
    .assert_eq(&table.shared());
}

#[test]
fn seeker_codes() {
    // Every 시군구 and KECO code must be in the reference lists; each unknown
    // code is its own finding.
    let table = Table::new(valid())
        .case("home sigungu unknown", |s| {
            s.home_sigungu = Some("99999".into())
        })
        .case("home sigungu none", |s| s.home_sigungu = None)
        .case("desired sigungu 1 of 2 bad", |s| {
            s.desired_sigungu = vec!["11110".into(), "1111".into()]
        })
        .case("desired sigungu empty", |s| s.desired_sigungu = vec![])
        .case("desired occupation bad", |s| {
            s.desired_occupations = vec!["74".into(), "749".into()]
        })
        .case("work occupation bad", |s| {
            s.work_history[0].occupation = Some("0".into())
        })
        .case("work occupation none", |s| {
            s.work_history[0].occupation = None
        });
    expect![[r#"
        valid                      | ok
        home sigungu unknown       | home_sigungu(거주지): 알 수 없는 시군구 코드입니다: 99999
        home sigungu none          | ok
        desired sigungu 1 of 2 bad | desired_sigungu(희망근무지): 알 수 없는 시군구 코드입니다: 1111
        desired sigungu empty      | ok
        desired occupation bad     | desired_occupations(희망직종): 알 수 없는 직업분류(KECO) 코드입니다: 749
        work occupation bad        | work_history(경력 1번째): 알 수 없는 직업분류(KECO) 코드입니다: 0
        work occupation none       | ok
    "#]].assert_eq(&table.shared());
}

#[test]
fn seeker_dates() {
    // 동의일 and 참여일 not in the future; every period's end not before its
    // start (the same day is a period of one day).
    let table = Table::new(valid())
        .case("consent today", |s| {
            s.consent.as_mut().unwrap().given_on = today()
        })
        .case("consent tomorrow", |s| {
            s.consent.as_mut().unwrap().given_on = tomorrow()
        })
        .case("withdrawn same day", |s| {
            let c = s.consent.as_mut().unwrap();
            c.withdrawn_on = Some(c.given_on);
        })
        .case("withdrawn day before", |s| {
            s.consent.as_mut().unwrap().withdrawn_on = Some(day("2026-11-01"))
        })
        // The withdrawal day is not checked against today.
        .case("withdrawn tomorrow", |s| {
            s.consent.as_mut().unwrap().withdrawn_on = Some(tomorrow())
        })
        .case("enrolled today", |s| s.enrolled_on = Some(today()))
        .case("enrolled tomorrow", |s| s.enrolled_on = Some(tomorrow()))
        .case("enrolled before birth", |s| {
            s.enrolled_on = Some(day("1990-01-01"))
        })
        .case("benefit one day", |s| {
            s.benefit.as_mut().unwrap().ends_on = Some(day("2026-10-01"))
        })
        .case("benefit ends before start", |s| {
            s.benefit.as_mut().unwrap().ends_on = Some(day("2026-09-30"))
        })
        .case("benefit no end", |s| {
            s.benefit.as_mut().unwrap().ends_on = None
        })
        .case("job ends before start", |s| {
            s.work_history[0].ends_on = Some(day("2020-03-01"))
        })
        .case("job still open", |s| s.work_history[0].ends_on = None)
        .case("2nd job ends before start", |s| {
            let mut second = s.work_history[0].clone();
            second.starts_on = Some(day("2026-10-15"));
            second.ends_on = Some(day("2026-10-14"));
            s.work_history.push(second);
        })
        .case("job starts tomorrow", |s| {
            s.work_history[0].starts_on = Some(tomorrow());
            s.work_history[0].ends_on = None;
        })
        .case("training ends before start", |s| {
            s.training[0].ends_on = Some(day("2026-05-31"))
        })
        .case("training one day", |s| {
            s.training[0].ends_on = Some(day("2026-06-01"))
        });
    expect![[r#"
        valid                      | ok
        consent today              | ok
        consent tomorrow           | consent(개인정보 동의일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        withdrawn same day         | ok
        withdrawn day before       | consent(동의 철회일): 종료일(2026-11-01)이 시작일(2026-11-02)보다 빠릅니다.
        withdrawn tomorrow         | ok
        enrolled today             | ok
        enrolled tomorrow          | enrolled_on(참여일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        enrolled before birth      | ok
        benefit one day            | ok
        benefit ends before start  | benefit(실업급여 수급기간): 종료일(2026-09-30)이 시작일(2026-10-01)보다 빠릅니다.
        benefit no end             | ok
        job ends before start      | work_history(경력 1번째): 종료일(2020-03-01)이 시작일(2020-03-02)보다 빠릅니다.
        job still open             | ok
        2nd job ends before start  | work_history(경력 2번째): 종료일(2026-10-14)이 시작일(2026-10-15)보다 빠릅니다.
        job starts tomorrow        | ok
        training ends before start | training(훈련기간): 종료일(2026-05-31)이 시작일(2026-06-01)보다 빠릅니다.
        training one day           | ok
    "#]].assert_eq(&table.shared());
}

#[test]
fn seeker_wage_and_commute() {
    // 희망임금 is a monthly amount in won: 0 up to 99,999,999 (1억 is
    // almost always a typo in the unit). 통근거리 at most 300 km.
    let table = Table::new(valid())
        .case("wage none", |s| s.desired_wage_monthly = None)
        .case("wage -1", |s| s.desired_wage_monthly = Some(-1))
        .case("wage i64::MIN", |s| s.desired_wage_monthly = Some(i64::MIN))
        .case("wage 0", |s| s.desired_wage_monthly = Some(0))
        // No lower bound: 250 (meant as 만원) passes.
        .case("wage 250 (meant 250 man-won)", |s| {
            s.desired_wage_monthly = Some(250)
        })
        .case("wage 99,999,999", |s| {
            s.desired_wage_monthly = Some(99_999_999)
        })
        .case("wage 100,000,000", |s| {
            s.desired_wage_monthly = Some(100_000_000)
        })
        .case("wage i64::MAX", |s| s.desired_wage_monthly = Some(i64::MAX))
        .case("commute 0 km", |s| s.max_commute_km = Some(0))
        .case("commute 300 km", |s| s.max_commute_km = Some(300))
        .case("commute 301 km", |s| s.max_commute_km = Some(301))
        .case("commute u32::MAX", |s| s.max_commute_km = Some(u32::MAX));
    expect![[r#"
        valid                        | ok
        wage none                    | ok
        wage -1                      | desired_wage_monthly(희망임금(월)): 금액은 0 이상이어야 합니다.
        wage i64::MIN                | desired_wage_monthly(희망임금(월)): 금액은 0 이상이어야 합니다.
        wage 0                       | ok
        wage 250 (meant 250 man-won) | ok
        wage 99,999,999              | ok
        wage 100,000,000             | desired_wage_monthly(희망임금(월)): 월 금액이 1억 원을 넘습니다. 단위(원)를 확인해 주세요.
        wage i64::MAX                | desired_wage_monthly(희망임금(월)): 월 금액이 1억 원을 넘습니다. 단위(원)를 확인해 주세요.
        commute 0 km                 | ok
        commute 300 km               | ok
        commute 301 km               | max_commute_km(최대 통근거리): 통근거리는 300km 이내로 입력해 주세요.
        commute u32::MAX             | max_commute_km(최대 통근거리): 통근거리는 300km 이내로 입력해 주세요.
    "#]].assert_eq(&table.shared());
}
