//! `Referral::check` (기관연계) and `Application::check` (알선·입사지원).

use crate::*;
use doyak_domain::events::ApplicationStatus;
use doyak_domain::{Application, Referral, ReferralStatus};
use expect_test::expect;

#[test]
fn referral() {
    // 연계 목적 required; 연계일 today at the latest; 결과일 not before 연계일.
    let table = Table::new(Referral {
        id: id(40),
        center_id: center_id(),
        subject_id: id(10),
        partner_id: id(41),
        purpose: "심리상담 연계".into(),
        referred_on: day("2026-11-10"),
        status: ReferralStatus::Completed,
        result_on: Some(day("2026-11-20")),
        result_note: None,
    })
    .case("purpose empty", |r| r.purpose.clear())
    .case("purpose blank", |r| r.purpose = "\t".into())
    .case("referred today", |r| {
        r.referred_on = today();
        r.result_on = None;
    })
    .case("referred tomorrow", |r| {
        r.referred_on = tomorrow();
        r.result_on = None;
    })
    .case("result same day", |r| r.result_on = Some(r.referred_on))
    .case("result day before", |r| {
        r.result_on = Some(day("2026-11-09"))
    })
    // The result day is not checked against today.
    .case("result tomorrow", |r| r.result_on = Some(tomorrow()))
    .case("completed, no result day", |r| r.result_on = None)
    .case("requested, with result day", |r| {
        r.status = ReferralStatus::Requested
    })
    .case("tomorrow, result today", |r| {
        r.referred_on = tomorrow();
        r.result_on = Some(today());
    });
    expect![[r#"
        valid                      | ok
        purpose empty              | purpose(연계 목적): 필수 항목입니다.
        purpose blank              | purpose(연계 목적): 필수 항목입니다.
        referred today             | ok
        referred tomorrow          | referred_on(연계일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        result same day            | ok
        result day before          | result_on(결과일): 종료일(2026-11-09)이 시작일(2026-11-10)보다 빠릅니다.
        result tomorrow            | ok
        completed, no result day   | ok
        requested, with result day | ok
        tomorrow, result today     | referred_on(연계일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
                                   | result_on(결과일): 종료일(2026-11-25)이 시작일(2026-11-26)보다 빠릅니다.
    "#]].assert_eq(&table.shared());
}

#[test]
fn application() {
    // 알선일 today at the latest; nothing else is a rule of the record
    // (consent to share and the forward-only status are the use case's and
    // the merge's).
    let table = Table::new(Application {
        id: id(50),
        center_id: center_id(),
        seeker_id: id(10),
        vacancy_id: id(21),
        applied_on: day("2026-11-05"),
        status: ApplicationStatus::Interview,
        note: None,
    })
    .case("applied today", |a| a.applied_on = today())
    .case("applied tomorrow", |a| a.applied_on = tomorrow())
    .case("applied 2027-01-01", |a| a.applied_on = day("2027-01-01"))
    .case("hired", |a| a.status = ApplicationStatus::Hired)
    .case("shortlisted", |a| a.status = ApplicationStatus::Shortlisted);
    expect![[r#"
        valid              | ok
        applied today      | ok
        applied tomorrow   | applied_on(알선일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        applied 2027-01-01 | applied_on(알선일): 미래 날짜(2027-01-01)는 입력할 수 없습니다.
        hired              | ok
        shortlisted        | ok
    "#]]
    .assert_eq(&table.shared());
}
