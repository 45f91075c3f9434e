//! The 이력서 tab's use cases: the analysis as the desk shows it, an unsaved
//! edit analysed live, and the consulting saved as a case event.

use crate::recommend::seeker;
use crate::*;

const RESUME: &str = "인적사항\n성명: 김이력\n학력\n가상공업고등학교 졸업\n경력\n2019.03 ~ 2021.02 (주)대한정밀가상공업 생산직 사원\nCO2 용접 업무 담당\n2021.05 ~ 현재 (주)한빛가상물류 용접공\n자격증\n용접기능사 2019.05 취득\n필기 합격: 특수용접기능사\n";

fn attach(fx: &mut Fixture, text: &str) -> (String, doyak_app::ResumeFileView) {
    let path = fx._dir.path().join("이력서.txt");
    std::fs::write(&path, text).unwrap();
    let kim = seeker(&mut fx.desk, "김이력", true, "no");
    let v1 = fx.desk.attach_resume(&kim, &path).unwrap();
    (kim, v1)
}

#[test]
fn the_desk_view_marks_what_the_record_holds_and_what_cannot_go_in() {
    let mut fx = new_desk();
    let (kim, v1) = attach(&mut fx, RESUME);
    let d = &mut fx.desk;
    let view = d.resume_desk_view(&kim, &v1.id, None).unwrap();
    assert_eq!(
        view.reasons.iter().map(|r| r.points).sum::<u32>(),
        view.score,
        "the reasons add up to the score shown"
    );
    // 24 months at the first job + May 2021 … Nov 2026 (the fixed clock) = 91.
    assert_eq!(view.experience, "7년 7개월");
    let held = view
        .certificates
        .iter()
        .find(|c| c.national.as_deref() == Some("용접기능사"))
        .unwrap();
    // The fixture seeker's record holds 용접기능사 already.
    assert!(held.confirmable && held.in_record, "{held:?}");
    let passed = view
        .certificates
        .iter()
        .find(|c| c.status == "written_passed")
        .unwrap();
    assert!(
        !passed.confirmable && passed.status_label == "필기 합격",
        "a 필기 pass is shown but cannot go into the record: {passed:?}"
    );
    assert_eq!(view.employments.len(), 2);
    assert!(
        view.employments
            .iter()
            .all(|e| !e.in_record && e.blocked.is_none())
    );
    assert_eq!(view.employments[1].end, None, "현재: still employed");
    assert_eq!(view.employments[0].length, "2년");
    // Every span points inside the lines it names, in characters.
    for c in &view.certificates {
        let line = &view.lines[c.span.line as usize];
        assert!(c.span.end as usize <= line.chars().count(), "{c:?}");
    }

    d.confirm_resume_facts(&doyak_app::ResumeConfirmForm {
        seeker_id: kim.clone(),
        file_id: v1.id.clone(),
        certificates: vec![],
        employments: vec![0],
    })
    .unwrap();
    let view = d.resume_desk_view(&kim, &v1.id, None).unwrap();
    assert_eq!(
        view.employments
            .iter()
            .map(|e| e.in_record)
            .collect::<Vec<_>>(),
        [true, false],
        "the confirmed job is now on the record, the other is not"
    );
}

#[test]
fn an_unsaved_edit_is_analysed_by_the_same_rules_and_nothing_is_kept() {
    let mut fx = new_desk();
    let (kim, v1) = attach(&mut fx, RESUME);
    let d = &mut fx.desk;
    let before = d.resume_desk_view(&kim, &v1.id, None).unwrap();
    assert!(before.achievements.is_empty());
    // A measured result added under the job it belongs to.
    let edited = before.lines.join("\n").replace(
        "CO2 용접 업무 담당",
        "CO2 용접 업무 담당, 용접 불량률 15% 감소",
    );
    let after = d.resume_edit_view(&kim, &v1.id, &edited, None).unwrap();
    assert_eq!(after.achievements.len(), 1, "{:?}", after.achievements);
    assert!(
        after.score > before.score,
        "a measured result raises the score: {} → {}",
        before.score,
        after.score
    );
    assert_eq!(after.file.version, 1, "the edit is of version 1");
    assert_eq!(
        d.resume_files(&kim).unwrap().len(),
        1,
        "analysing an edit keeps nothing"
    );
    // The same text analysed from the file and as an edit agrees.
    let same = d
        .resume_edit_view(&kim, &v1.id, &before.lines.join("\n"), None)
        .unwrap();
    assert_eq!((same.score, same.reasons), (before.score, before.reasons));
}

#[test]
fn the_consulting_is_a_case_event_with_the_versions_hash_and_what_was_taken_up() {
    let mut fx = new_desk();
    let (kim, v1) = attach(&mut fx, RESUME);
    let d = &mut fx.desk;
    let view = d.resume_desk_view(&kim, &v1.id, None).unwrap();
    assert!(view.suggestions.len() >= 2, "{:?}", view.suggestions);
    // Take up the 성과 question (it quotes its line on screen) and set
    // another aside.
    let take = view
        .suggestions
        .iter()
        .find(|s| s.id.starts_with("metric.line"))
        .expect("the duty line without a number gets its question");
    assert!(take.text.contains("CO2 용접 업무 담당"), "{}", take.text);
    let leave = view.suggestions.iter().find(|s| s.id != take.id).unwrap();
    let id = d
        .save_resume_consulting(&doyak_app::ResumeConsultingForm {
            seeker_id: kim.clone(),
            file_id: v1.id.clone(),
            vacancy_id: None,
            accepted: vec![take.id.clone()],
            rejected: vec![leave.id.clone()],
            note: " 다음 주 자격증 사본 지참 ".into(),
        })
        .unwrap();
    let events = d.events_of(kim.parse().unwrap()).unwrap();
    let e = events.iter().find(|e| e.id.to_string() == id).unwrap();
    let doyak_domain::EventBody::ResumeConsulting {
        version,
        sha256,
        score,
        accepted,
        rejected,
        note,
        ..
    } = &e.body
    else {
        panic!("{:?}", e.body)
    };
    use sha2::Digest;
    let expected: String = sha2::Sha256::digest(RESUME.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        (*version, sha256.as_str(), *score),
        (1, expected.as_str(), view.score),
        "the event names the version by number and by the hash of its bytes"
    );
    let rules = |items: &[doyak_domain::events::ConsultingItem]| {
        items.iter().map(|i| i.rule.clone()).collect::<Vec<_>>()
    };
    assert_eq!(rules(accepted), vec![take.id.clone()]);
    assert_eq!(rules(rejected), vec![leave.id.clone()]);
    // The event is synced, the file is not: no line of the résumé is in it
    // (the 성과 question quotes its line on the desk, not in the event).
    let body = serde_json::to_string(&e.body).unwrap();
    for line in RESUME.lines().filter(|l| l.chars().count() >= 8) {
        assert!(!body.contains(line), "{line:?} leaked into {body}");
    }
    assert_eq!(note.as_deref(), Some("다음 주 자격증 사본 지참"));
    let row = d
        .seeker_detail(&kim)
        .unwrap()
        .events
        .into_iter()
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!(row.kind_label, "이력서 컨설팅");
    assert!(
        row.summary
            .starts_with(&format!("1번째 판 · {}점", view.score)),
        "{}",
        row.summary
    );
    assert!(
        row.detail
            .contains("수용: 이력서 7번째 줄의 업무에 수치가 없음"),
        "{}",
        row.detail
    );
}

#[test]
fn a_suggestion_the_analysis_does_not_hold_is_refused_and_one_given_twice_is_kept_once() {
    let mut fx = new_desk();
    let (kim, v1) = attach(&mut fx, RESUME);
    let d = &mut fx.desk;
    let view = d.resume_desk_view(&kim, &v1.id, None).unwrap();
    let count = |d: &doyak_app::Desk| d.events_of(kim.parse().unwrap()).unwrap().len();
    let before = count(d);
    let form = doyak_app::ResumeConsultingForm {
        seeker_id: kim.clone(),
        file_id: v1.id.clone(),
        vacancy_id: None,
        accepted: vec![view.suggestions[0].id.clone(), "no-such-rule".into()],
        rejected: vec![],
        note: String::new(),
    };
    let err = d.save_resume_consulting(&form).unwrap_err();
    assert!(
        err.to_string().contains("2번째 제안(no-such-rule)"),
        "{err}"
    );
    assert_eq!(count(d), before, "nothing was saved");
    // The same id taken up twice and set aside too is kept once, as taken
    // up (수용 is listed first).
    let first = view.suggestions[0].id.clone();
    let both = doyak_app::ResumeConsultingForm {
        accepted: vec![first.clone(), first.clone()],
        rejected: vec![first.clone()],
        ..form
    };
    d.save_resume_consulting(&both).unwrap();
    let events = d.events_of(kim.parse().unwrap()).unwrap();
    let doyak_domain::EventBody::ResumeConsulting {
        accepted, rejected, ..
    } = &events
        .iter()
        .find(|e| e.body.type_name() == "resume_consulting")
        .unwrap()
        .body
    else {
        unreachable!("found by its type")
    };
    assert_eq!((accepted.len(), rejected.len()), (1, 0));
}

#[test]
fn another_seekers_version_is_not_found_through_the_tabs_calls_and_a_huge_edit_is_refused() {
    let mut fx = new_desk();
    let (kim, v1) = attach(&mut fx, RESUME);
    let d = &mut fx.desk;
    let lee = seeker(d, "이다른", true, "no");
    let text = "경력\n2020.01 ~ 2022.12 가상물산 사원";
    let not_found = |e: doyak_app::AppError| {
        assert!(
            matches!(e, doyak_app::AppError::NotFound { .. }),
            "another seeker's version is not found: {e}"
        )
    };
    not_found(d.resume_desk_view(&lee, &v1.id, None).unwrap_err());
    not_found(d.resume_edit_view(&lee, &v1.id, text, None).unwrap_err());
    not_found(
        d.save_resume_consulting(&doyak_app::ResumeConsultingForm {
            seeker_id: lee.clone(),
            file_id: v1.id.clone(),
            ..Default::default()
        })
        .unwrap_err(),
    );
    // An edit over the 10 MB a file may have is refused in Korean, with
    // the version it was made from.
    let huge = "가".repeat(doyak_resume::read::MAX_BYTES / 3 + 1);
    let err = d.resume_edit_view(&kim, &v1.id, &huge, None).unwrap_err();
    assert!(err.to_string().contains("수정본 (판 1)"), "{err}");
}
