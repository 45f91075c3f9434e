//! `CaseEvent::check` for the events in a seeker's file: 상담, 진단, IAP
//! 활동, 취업 and 고용유지 확인.

use crate::*;
use doyak_domain::events::ConsultingItem;
use doyak_domain::events::{
    ContactMode, DiagnosisInstrument, EmploymentType, IapActivityKind, IapCompliance,
};
use doyak_domain::{CaseEvent, EventBody};
use expect_test::expect;

/// An event of the seeker `id(10)` on 2026-11-20 (five days before today).
pub fn event(body: EventBody) -> CaseEvent {
    CaseEvent {
        id: id(30),
        center_id: center_id(),
        subject_id: id(10),
        author_id: None,
        recorded_at: None,
        occurred_on: day("2026-11-20"),
        supersedes: None,
        body,
    }
}

fn session() -> CaseEvent {
    event(EventBody::CounselingSession {
        minutes: 50,
        mode: ContactMode::InPerson,
        content: "이력서 첨삭과 면접 준비".into(),
        next_step: Some("면접 결과 확인".into()),
        next_on: Some(day("2026-12-04")),
    })
}

/// The session's body, to change one of its fields.
fn with_session(e: &mut CaseEvent, f: impl FnOnce(&mut u32, &mut String, &mut Option<NaiveDate>)) {
    match &mut e.body {
        EventBody::CounselingSession {
            minutes,
            content,
            next_on,
            ..
        } => f(minutes, content, next_on),
        _ => unreachable!("built by session()"),
    }
}

#[test]
fn counseling_session() {
    // 1 to 480 minutes (a whole working day); content required; held today
    // at the latest; the next contact not before the session (the same day
    // is allowed: a call back that afternoon).
    let table = Table::new(session())
        .case("0 minutes", |e| with_session(e, |m, _, _| *m = 0))
        .case("1 minute", |e| with_session(e, |m, _, _| *m = 1))
        .case("50 minutes", |e| with_session(e, |m, _, _| *m = 50))
        .case("480 minutes", |e| with_session(e, |m, _, _| *m = 480))
        .case("481 minutes", |e| with_session(e, |m, _, _| *m = 481))
        .case("u32::MAX minutes", |e| {
            with_session(e, |m, _, _| *m = u32::MAX)
        })
        .case("held today", |e| e.occurred_on = today())
        .case("held tomorrow", |e| e.occurred_on = tomorrow())
        .case("content empty", |e| with_session(e, |_, c, _| c.clear()))
        .case("content blank", |e| {
            with_session(e, |_, c, _| *c = " \n\t".into())
        })
        .case("content 100,000 chars", |e| {
            with_session(e, |_, c, _| *c = chars('가', 100_000))
        })
        .case("next none", |e| with_session(e, |_, _, n| *n = None))
        .case("next same day", |e| {
            with_session(e, |_, _, n| *n = Some(day("2026-11-20")))
        })
        .case("next day before session", |e| {
            with_session(e, |_, _, n| *n = Some(day("2026-11-19")))
        })
        .case("next after session, past", |e| {
            with_session(e, |_, _, n| *n = Some(yesterday()))
        })
        .case("next in 2099", |e| {
            with_session(e, |_, _, n| *n = Some(day("2099-12-31")))
        })
        .case("tomorrow, next today", |e| {
            // Held tomorrow is refused; the next contact (today) is also
            // before the session.
            e.occurred_on = tomorrow();
            with_session(e, |_, _, n| *n = Some(today()));
        })
        .case("everything wrong", |e| {
            e.occurred_on = tomorrow();
            with_session(e, |m, c, n| {
                *m = 0;
                c.clear();
                *n = Some(yesterday());
            });
        });
    expect![[r#"
        valid                    | ok
        0 minutes                | minutes(상담시간): 상담시간은 1~480분 사이로 입력해 주세요.
        1 minute                 | ok
        50 minutes               | ok
        480 minutes              | ok
        481 minutes              | minutes(상담시간): 상담시간은 1~480분 사이로 입력해 주세요.
        u32::MAX minutes         | minutes(상담시간): 상담시간은 1~480분 사이로 입력해 주세요.
        held today               | ok
        held tomorrow            | occurred_on(상담일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        content empty            | content(상담내용): 필수 항목입니다.
        content blank            | content(상담내용): 필수 항목입니다.
        content 100,000 chars    | ok
        next none                | ok
        next same day            | ok
        next day before session  | next_on(다음 상담일): 다음 상담일이 상담일보다 빠릅니다.
        next after session, past | ok
        next in 2099             | ok
        tomorrow, next today     | occurred_on(상담일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
                                 | next_on(다음 상담일): 다음 상담일이 상담일보다 빠릅니다.
        everything wrong         | occurred_on(상담일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
                                 | minutes(상담시간): 상담시간은 1~480분 사이로 입력해 주세요.
                                 | content(상담내용): 필수 항목입니다.
                                 | next_on(다음 상담일): 다음 상담일이 상담일보다 빠릅니다.
    "#]]
    .assert_eq(&table.events());
}

fn iap(month: &str) -> CaseEvent {
    event(EventBody::IapActivity {
        month: month.into(),
        kind: IapActivityKind::Training,
        description: "CNC 선반 과정 수강".into(),
        done: false,
        compliance: None,
        compliance_note: None,
    })
}

/// Sets an IAP activity's 이행 점검.
fn checked(e: &mut CaseEvent, is_done: bool, result: Option<IapCompliance>, note: Option<&str>) {
    if let EventBody::IapActivity {
        done,
        compliance,
        compliance_note,
        ..
    } = &mut e.body
    {
        *done = is_done;
        *compliance = result;
        *compliance_note = note.map(str::to_owned);
    }
}

#[test]
fn iap_activity() {
    // The month is exactly "YYYY-MM" and a real month; the description is
    // required. A plan may be for a future month, so no date is checked
    // (nor whether a month not yet begun can be "done"). Year 0000 passes:
    // the rule is the format, not a plausible year.
    let months = [
        "2026-12",
        "2026-01",
        "2026-13",
        "2026-00",
        "2026-1",
        "2026-012",
        "2026/12",
        "202612",
        "2026-12-01",
        " 2026-12",
        "26-12-1",
        "2026-ab",
        "0000-01",
        "9999-12",
        "+026-12",
        "-026-12",
        "２０２６-12",
        "",
    ];
    let mut table = Table::new(iap("2026-12"));
    for month in months {
        table = table.case(&format!("month {month:?}"), |e| *e = iap(month));
    }
    let table = table
        .case("description blank", |e| {
            if let EventBody::IapActivity { description, .. } = &mut e.body {
                *description = "  ".into();
            }
        })
        .case("done, month not begun", |e| {
            *e = iap("2027-06");
            if let EventBody::IapActivity { done, .. } = &mut e.body {
                *done = true;
            }
        })
        .case("recorded tomorrow", |e| e.occurred_on = tomorrow())
        // 이행 점검: a partly done or missed month needs its reason (the
        // monthly review is about why); `done` is what older desks read,
        // so it must say the same as the result.
        .case("checked done", |e| {
            checked(e, true, Some(IapCompliance::Done), None)
        })
        .case("partly, reason given", |e| {
            checked(
                e,
                false,
                Some(IapCompliance::Partly),
                Some("2회 중 1회 참여"),
            )
        })
        .case("missed, no reason", |e| {
            checked(e, false, Some(IapCompliance::Missed), None)
        })
        .case("partly, blank reason", |e| {
            checked(e, false, Some(IapCompliance::Partly), Some("  "))
        })
        .case("missed but done", |e| {
            checked(e, true, Some(IapCompliance::Missed), Some("사유"))
        })
        .case("done flag, result partly", |e| {
            checked(e, true, Some(IapCompliance::Partly), Some("사유"))
        })
        .case("done, never checked", |e| checked(e, true, None, None))
        .case("cancelled, reason given", |e| {
            checked(e, false, Some(IapCompliance::Cancelled), Some("IAP 재작성"))
        })
        .case("cancelled, no reason", |e| {
            checked(e, false, Some(IapCompliance::Cancelled), None)
        });
    expect![[r#"
        valid                    | ok
        month "2026-12"          | ok
        month "2026-01"          | ok
        month "2026-13"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "2026-00"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "2026-1"           | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "2026-012"         | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "2026/12"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "202612"           | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "2026-12-01"       | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month " 2026-12"         | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "26-12-1"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "2026-ab"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "0000-01"          | ok
        month "9999-12"          | ok
        month "+026-12"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "-026-12"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month "２０２６-12"          | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        month ""                 | month(계획 월): 계획 월은 YYYY-MM 형식으로 입력해 주세요.
        description blank        | description(활동 내용): 필수 항목입니다.
        done, month not begun    | ok
        recorded tomorrow        | ok
        checked done             | ok
        partly, reason given     | ok
        missed, no reason        | compliance_note(사유): 일부 이행·미이행·취소는 사유를 적어 주세요.
        partly, blank reason     | compliance_note(사유): 일부 이행·미이행·취소는 사유를 적어 주세요.
        missed but done          | compliance(이행 점검): 이행 여부와 점검 결과가 맞지 않습니다.
        done flag, result partly | compliance(이행 점검): 이행 여부와 점검 결과가 맞지 않습니다.
        done, never checked      | ok
        cancelled, reason given  | ok
        cancelled, no reason     | compliance_note(사유): 일부 이행·미이행·취소는 사유를 적어 주세요.
    "#]]
    .assert_eq(&table.events());
}

fn diagnosis() -> CaseEvent {
    event(EventBody::Diagnosis {
        instrument: DiagnosisInstrument::JobPreference,
        summary: "현실형(R)·탐구형(I) 우세".into(),
        scores: vec![("R".into(), 62.0), ("I".into(), 55.5)],
        recommended_occupations: vec!["74".into()],
        form: None,
    })
}

#[test]
fn iap_goal() {
    // The goal is an occupation the code book knows (a typo would make a
    // plan aim at nothing a vacancy or a report can match); the reason and
    // the diagnosis it came from are optional.
    let goal = |code: &str| {
        event(EventBody::IapGoal {
            occupation: code.into(),
            reason: None,
            diagnosis_id: None,
        })
    };
    let table = Table::new(goal("74"))
        .case("a major group", |e| *e = goal("7"))
        .case("unknown code", |e| *e = goal("999"))
        .case("a 세분류 of a known 중분류", |e| *e = goal("7421"))
        .case("a 세분류 of no known 중분류", |e| *e = goal("9921"))
        .case("five digits", |e| *e = goal("74211"))
        .case("letters", |e| *e = goal("74a1"))
        .case("with its diagnosis", |e| {
            *e = event(EventBody::IapGoal {
                occupation: "74".into(),
                reason: Some("진단 적합도 1위".into()),
                diagnosis_id: Some(id(31)),
            })
        });
    expect![[r#"
        valid                 | ok
        a major group         | ok
        unknown code          | occupation(목표 직종): 알 수 없는 직업분류(KECO) 코드입니다: 999
        a 세분류 of a known 중분류  | ok
        a 세분류 of no known 중분류 | occupation(목표 직종): 알 수 없는 직업분류(KECO) 코드입니다: 9921
        five digits           | occupation(목표 직종): 알 수 없는 직업분류(KECO) 코드입니다: 74211
        letters               | occupation(목표 직종): 알 수 없는 직업분류(KECO) 코드입니다: 74a1
        with its diagnosis    | ok
    "#]]
    .assert_eq(&table.events());
}

#[test]
fn diagnosis_result() {
    // Held today at the latest; a summary required. Scores and recommended
    // occupations are not checked (unlike a placement's occupation); a NaN
    // score would be written to JSON as null and not read back, but JSON
    // input cannot carry one.
    let table = Table::new(diagnosis())
        .case("held today", |e| e.occurred_on = today())
        .case("held tomorrow", |e| e.occurred_on = tomorrow())
        .case("summary empty", |e| {
            if let EventBody::Diagnosis { summary, .. } = &mut e.body {
                summary.clear();
            }
        })
        .case("no scores", |e| {
            if let EventBody::Diagnosis { scores, .. } = &mut e.body {
                scores.clear();
            }
        })
        .case("score NaN", |e| {
            if let EventBody::Diagnosis { scores, .. } = &mut e.body {
                scores[0].1 = f64::NAN;
            }
        })
        .case("score -1", |e| {
            if let EventBody::Diagnosis { scores, .. } = &mut e.body {
                scores[0].1 = -1.0;
            }
        })
        .case("recommended unknown KECO", |e| {
            if let EventBody::Diagnosis {
                recommended_occupations,
                ..
            } = &mut e.body
            {
                *recommended_occupations = vec!["999".into()];
            }
        });
    expect![[r#"
        valid                    | ok
        held today               | ok
        held tomorrow            | occurred_on(진단일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        summary empty            | summary(진단 결과): 필수 항목입니다.
        no scores                | ok
        score NaN                | ok
        score -1                 | ok
        recommended unknown KECO | ok
    "#]]
    .assert_eq(&table.events());
}

fn placement() -> CaseEvent {
    event(EventBody::Placement {
        employer: "한빛정밀(주)".into(),
        company_id: Some(id(20)),
        vacancy_id: Some(id(21)),
        occupation: Some("74".into()),
        wage_monthly: Some(3_100_000),
        employment: EmploymentType::Permanent,
        weekly_hours: None,
        application_id: None,
    })
}

fn with_placement(
    e: &mut CaseEvent,
    f: impl FnOnce(&mut String, &mut Option<i64>, &mut Option<doyak_domain::KecoCode>),
) {
    match &mut e.body {
        EventBody::Placement {
            employer,
            wage_monthly,
            occupation,
            ..
        } => f(employer, wage_monthly, occupation),
        _ => unreachable!("built by placement()"),
    }
}

#[test]
fn placement_record() {
    // 취업일 today at the latest; 취업처 required; wage as everywhere
    // (0..=99,999,999 won a month); the occupation, when given, known.
    let table = Table::new(placement())
        .case("placed today", |e| e.occurred_on = today())
        .case("placed tomorrow", |e| e.occurred_on = tomorrow())
        .case("employer blank", |e| {
            with_placement(e, |n, _, _| *n = " ".into())
        })
        .case("wage -1", |e| with_placement(e, |_, w, _| *w = Some(-1)))
        .case("wage 0", |e| with_placement(e, |_, w, _| *w = Some(0)))
        .case("wage 99,999,999", |e| {
            with_placement(e, |_, w, _| *w = Some(99_999_999))
        })
        .case("wage 100,000,000", |e| {
            with_placement(e, |_, w, _| *w = Some(100_000_000))
        })
        .case("wage none", |e| with_placement(e, |_, w, _| *w = None))
        .case("occupation unknown", |e| {
            with_placement(e, |_, _, o| *o = Some("7400".into()))
        })
        .case("occupation none", |e| {
            with_placement(e, |_, _, o| *o = None)
        });
    expect![[r#"
        valid              | ok
        placed today       | ok
        placed tomorrow    | occurred_on(취업일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        employer blank     | employer(취업처): 필수 항목입니다.
        wage -1            | wage_monthly(임금(월)): 금액은 0 이상이어야 합니다.
        wage 0             | ok
        wage 99,999,999    | ok
        wage 100,000,000   | wage_monthly(임금(월)): 월 금액이 1억 원을 넘습니다. 단위(원)를 확인해 주세요.
        wage none          | ok
        occupation unknown | occupation(취업직종): 알 수 없는 직업분류(KECO) 코드입니다: 7400
        occupation none    | ok
    "#]].assert_eq(&table.events());
}

fn retention(months: u8) -> CaseEvent {
    let mut e = event(EventBody::RetentionCheck {
        months,
        still_employed: true,
        note: None,
        method: None,
        left_on: None,
        left_reason: None,
    });
    // The subject of a retention check is the placement event.
    e.subject_id = id(31);
    e
}

#[test]
fn retention_check() {
    // Only the 3, 6 and 12-month checks are recorded; checked today at the
    // latest.
    let mut table = Table::new(retention(3));
    for months in [0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 24, 255] {
        table = table.case(&format!("{months} months"), |e| *e = retention(months));
    }
    let table = table
        .case("checked today", |e| e.occurred_on = today())
        .case("checked tomorrow", |e| e.occurred_on = tomorrow())
        .case("13 months, tomorrow", |e| {
            *e = retention(13);
            e.occurred_on = tomorrow();
        });
    expect![[r#"
        valid               | ok
        0 months            | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        1 months            | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        2 months            | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        3 months            | ok
        4 months            | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        5 months            | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        6 months            | ok
        7 months            | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        11 months           | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        12 months           | ok
        13 months           | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        24 months           | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        255 months          | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
        checked today       | ok
        checked tomorrow    | occurred_on(확인일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        13 months, tomorrow | occurred_on(확인일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
                            | months(확인 시점): 고용유지 확인은 3·6·12개월 시점만 기록합니다.
    "#]]
    .assert_eq(&table.events());
}

fn with_consulting(
    e: &mut CaseEvent,
    f: impl FnOnce(&mut u32, &mut String, &mut u32, &mut Vec<ConsultingItem>, &mut Vec<ConsultingItem>),
) {
    match &mut e.body {
        EventBody::ResumeConsulting {
            version,
            sha256,
            score,
            accepted,
            rejected,
            ..
        } => f(version, sha256, score, accepted, rejected),
        _ => unreachable!("built by consulting()"),
    }
}

#[test]
fn resume_consulting() {
    // Held today at the latest; a version from 1 (the desk numbers them so);
    // the version's SHA-256 as 64 hex digits (what names the file, which
    // never leaves the desk); a score out of 100; a suggestion either taken
    // up or set aside, never both.
    let consulting = event(EventBody::ResumeConsulting {
        version: 2,
        sha256: "ab".repeat(32),
        score: 64,
        industry: Some("뿌리·용접".into()),
        rubric_version: "2026-12-03".into(),
        vacancy_id: None,
        accepted: vec![ConsultingItem {
            rule: "transport.cert.bus".into(),
            text: "버스운전자격 보유 여부 확인".into(),
        }],
        rejected: vec![ConsultingItem {
            rule: "metric.line4".into(),
            text: "이력서 5번째 줄의 업무에 수치가 없음".into(),
        }],
        note: None,
    });
    let table = Table::new(consulting)
        .case("tomorrow", |e| e.occurred_on = day("2026-11-26"))
        .case("version 0", |e| with_consulting(e, |v, _, _, _, _| *v = 0))
        .case("short hash", |e| {
            with_consulting(e, |_, h, _, _, _| h.truncate(63))
        })
        .case("hash not hex", |e| {
            with_consulting(e, |_, h, _, _, _| *h = "zz".repeat(32))
        })
        .case("score 100", |e| {
            with_consulting(e, |_, _, s, _, _| *s = 100)
        })
        .case("score 101", |e| {
            with_consulting(e, |_, _, s, _, _| *s = 101)
        })
        .case("nothing decided", |e| {
            with_consulting(e, |_, _, _, a, r| {
                a.clear();
                r.clear();
            })
        })
        .case("taken and left", |e| {
            with_consulting(e, |_, _, _, a, r| r.push(a[0].clone()))
        });
    expect![[r#"
        valid           | ok
        tomorrow        | occurred_on(컨설팅일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        version 0       | version(이력서 판): 이력서 판 번호는 1부터입니다.
        short hash      | sha256(이력서 판): 이력서 판의 SHA-256은 16진수 64자리입니다.
        hash not hex    | sha256(이력서 판): 이력서 판의 SHA-256은 16진수 64자리입니다.
        score 100       | ok
        score 101       | score(점수): 점수는 0~100 사이입니다.
        nothing decided | ok
        taken and left  | accepted(제안): 같은 제안을 두 번(수용·보류 중복 포함) 둘 수 없습니다: 버스운전자격 보유 여부 확인
    "#]]
    .assert_eq(&table.events());
}
