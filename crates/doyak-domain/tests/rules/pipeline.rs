//! `Referral::check` (기관연계) and `Application::check` (알선·입사지원).

use crate::*;
use doyak_domain::events::{ApplicationStatus, StepRefusal};
use doyak_domain::{Application, Referral, ReferralStatus};
use expect_test::expect;
use std::fmt::Write;

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

#[test]
fn application_steps() {
    // What an 알선 at each status may be set to, with and without the
    // seeker's 제3자 제공 consent: the desk offers exactly these, so the
    // page never works the order out itself.
    let mut out = String::new();
    for may_share in [true, false] {
        for from in ApplicationStatus::ALL {
            let next: Vec<&str> = from
                .next_statuses(may_share)
                .into_iter()
                .map(ApplicationStatus::label_ko)
                .collect();
            let consent = if may_share { "동의" } else { "미동의" };
            writeln!(out, "{consent} {} -> {}", from.label_ko(), next.join(", ")).unwrap();
        }
    }
    expect![[r#"
        동의 후보 -> 후보, 알선, 서류 제출, 면접, 합격, 불합격, 취소
        동의 알선 -> 알선, 서류 제출, 면접, 합격, 불합격, 취소
        동의 서류 제출 -> 서류 제출, 면접, 합격, 불합격, 취소
        동의 면접 -> 면접, 합격, 불합격, 취소
        동의 합격 -> 합격
        동의 불합격 -> 불합격
        동의 취소 -> 취소
        미동의 후보 -> 후보
        미동의 알선 -> 알선
        미동의 서류 제출 -> 서류 제출
        미동의 면접 -> 면접
        미동의 합격 -> 합격
        미동의 불합격 -> 불합격
        미동의 취소 -> 취소
    "#]]
    .assert_eq(&out);
}

#[test]
fn application_step_refusals() {
    // Every from → to without consent: `.` allowed, `F` the outcome is
    // final, `B` backwards, `C` needs consent. With consent the `C`s are
    // allowed and nothing else changes.
    let mut out = String::new();
    for from in ApplicationStatus::ALL {
        let row: String = ApplicationStatus::ALL
            .into_iter()
            .map(|to| match from.step_to(to, false) {
                Ok(()) => '.',
                Err(StepRefusal::Final) => 'F',
                Err(StepRefusal::Backwards) => 'B',
                Err(StepRefusal::NoConsent) => 'C',
            })
            .collect();
        writeln!(out, "{row} {}", from.label_ko()).unwrap();
    }
    expect![[r#"
        .CCCCCC 후보
        B.CCCCC 알선
        BB.CCCC 서류 제출
        BBB.CCC 면접
        FFFF.FF 합격
        FFFFF.F 불합격
        FFFFFF. 취소
    "#]]
    .assert_eq(&out);
    for from in ApplicationStatus::ALL {
        for to in ApplicationStatus::ALL {
            let without = from.step_to(to, false);
            let with = from.step_to(to, true);
            let expected = if without == Err(StepRefusal::NoConsent) {
                Ok(())
            } else {
                without
            };
            assert_eq!(
                with,
                expected,
                "{} -> {}: consent lifts only the consent refusal",
                from.label_ko(),
                to.label_ko()
            );
        }
    }
}
