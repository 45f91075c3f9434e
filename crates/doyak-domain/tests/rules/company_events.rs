//! `CaseEvent::check` for the events in a company's file: 기업 방문,
//! 구인애로 진단 and 컨설팅 조치.

use crate::seeker_events::event;
use crate::*;
use doyak_domain::EventBody;
use doyak_domain::events::{
    ActionStatus, CauseFinding, CompanyActionKind, ContactMode, HiringDifficulty, VisitAnswers,
};
use expect_test::expect;

fn of_company(body: EventBody) -> doyak_domain::CaseEvent {
    let mut e = event(body);
    e.subject_id = id(20);
    e
}

#[test]
fn company_visit() {
    // 방문일 today at the latest; 방문내용 required.
    let table = Table::new(of_company(EventBody::CompanyVisit {
        mode: ContactMode::FieldVisit,
        industrial_complex: Some("반월국가산업단지".into()),
        content: "생산직 2명 채용 애로, 통근버스 없음".into(),
    }))
    .case("visited today", |e| e.occurred_on = today())
    .case("visited tomorrow", |e| e.occurred_on = tomorrow())
    .case("content empty", |e| {
        if let EventBody::CompanyVisit { content, .. } = &mut e.body {
            content.clear();
        }
    })
    .case("content blank", |e| {
        if let EventBody::CompanyVisit { content, .. } = &mut e.body {
            *content = "\u{3000}".into();
        }
    })
    .case("tomorrow and blank", |e| {
        e.occurred_on = tomorrow();
        if let EventBody::CompanyVisit { content, .. } = &mut e.body {
            content.clear();
        }
    });
    expect![[r#"
        valid              | ok
        visited today      | ok
        visited tomorrow   | occurred_on(방문일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
        content empty      | content(방문내용): 필수 항목입니다.
        content blank      | content(방문내용): 필수 항목입니다.
        tomorrow and blank | occurred_on(방문일): 미래 날짜(2026-11-26)는 입력할 수 없습니다.
                           | content(방문내용): 필수 항목입니다.
    "#]]
    .assert_eq(&table.events());
}

#[test]
fn hiring_diagnosis() {
    // At least one 구인애로 요인. The date is not checked, unlike a visit's.
    let table = Table::new(of_company(EventBody::HiringDiagnosis {
        factors: vec![HiringDifficulty::CommuteHousing],
        note: None,
        causes: Vec::new(),
        engine: None,
        visit: None,
    }))
    .case("no factors", |e| {
        if let EventBody::HiringDiagnosis { factors, .. } = &mut e.body {
            factors.clear();
        }
    })
    .case("the same factor twice", |e| {
        if let EventBody::HiringDiagnosis { factors, .. } = &mut e.body {
            *factors = vec![HiringDifficulty::LowWage, HiringDifficulty::LowWage];
        }
    })
    .case("diagnosed tomorrow", |e| e.occurred_on = tomorrow())
    .case("no factors but scored causes", |e| {
        if let EventBody::HiringDiagnosis {
            factors, causes, ..
        } = &mut e.body
        {
            factors.clear();
            causes.push(CauseFinding {
                vacancy_id: None,
                cause: "experience".into(),
                score: Some(40),
                too_strict: false,
            });
        }
    })
    .case("a score over 100", |e| {
        if let EventBody::HiringDiagnosis { causes, .. } = &mut e.body {
            causes.push(CauseFinding {
                vacancy_id: None,
                cause: "experience".into(),
                score: Some(140),
                too_strict: false,
            });
        }
    })
    .case("visit form hash not hex", |e| {
        if let EventBody::HiringDiagnosis { visit, .. } = &mut e.body {
            *visit = Some(VisitAnswers {
                form: "company-visit".into(),
                version: 1,
                sha256: "abc".into(),
                answers: Default::default(),
            });
        }
    });
    expect![[r#"
        valid                        | ok
        no factors                   | factors(구인애로 요인): 요인을 하나 이상 선택해 주세요.
        the same factor twice        | ok
        diagnosed tomorrow           | ok
        no factors but scored causes | ok
        a score over 100             | causes(진단 근거): 점수는 0~100 사이입니다 (experience).
        visit form hash not hex      | visit(방문 문진): 문진표의 SHA-256은 16진수 64자리입니다.
    "#]]
    .assert_eq(&table.events());
}

#[test]
fn company_action() {
    // 조치 내용 required. The date is not checked.
    let table = Table::new(of_company(EventBody::CompanyAction {
        kind: CompanyActionKind::Subsidy,
        subsidy: Some("일자리 채움 청년지원금".into()),
        description: "신청 서류 안내".into(),
        owner: None,
        due_on: None,
        status: None,
        follow_up_on: None,
        vacancy_id: None,
        result: None,
    }))
    .case("description empty", |e| {
        if let EventBody::CompanyAction { description, .. } = &mut e.body {
            description.clear();
        }
    })
    .case("subsidy blank", |e| {
        if let EventBody::CompanyAction { subsidy, .. } = &mut e.body {
            *subsidy = Some(" ".into());
        }
    })
    .case("acted tomorrow", |e| e.occurred_on = tomorrow())
    .case("planned without due date or owner", |e| {
        if let EventBody::CompanyAction { status, .. } = &mut e.body {
            *status = Some(ActionStatus::Planned);
        }
    })
    .case("done without a result", |e| {
        if let EventBody::CompanyAction {
            status,
            due_on,
            owner,
            ..
        } = &mut e.body
        {
            *status = Some(ActionStatus::Done);
            *due_on = Some(tomorrow());
            *owner = Some("김대리".into());
        }
    });
    expect![[r#"
        valid                             | ok
        description empty                 | description(조치 내용): 필수 항목입니다.
        subsidy blank                     | ok
        acted tomorrow                    | ok
        planned without due date or owner | due_on(기한): 계획의 조치에는 기한이 필요합니다.
                                          | owner(담당): 계획의 조치에는 담당이 필요합니다.
        done without a result             | result(결과): 완료·취소한 조치에는 결과(또는 취소 사유)를 적어 주세요.
    "#]]
    .assert_eq(&table.events());
}
