//! The questionnaire filled in the desk (draft, refusal of half-filled or
//! contradictory answers, the saved result with its form), the IAP drafted
//! from the diagnosis and saved at once, 이행 점검 with reasons, the plan's
//! amendments as history, and overdue activities in 오늘 할 일.

use crate::recommend::{message, seeker};
use crate::*;
use doyak_app::{IapCheckForm, IapForm, IapGoalForm, IapPlanForm, QuestionnaireForm};
use std::collections::BTreeMap;

/// Every asked item answered: Likert items 3, yes/no 아니오, then `yes` 예.
fn answers(d: &Desk, seeker_id: &str, yes: &[&str]) -> BTreeMap<String, u8> {
    let q = d.questionnaire(seeker_id).unwrap();
    let mut a: BTreeMap<String, u8> = q
        .items
        .iter()
        .filter(|i| i.depends_on.is_empty())
        .map(|i| (i.id.clone(), if i.kind == "likert5" { 3 } else { 0 }))
        .collect();
    for id in yes {
        a.insert((*id).into(), 1);
    }
    a
}

#[test]
fn the_questionnaire_is_kept_half_filled_refused_incomplete_and_saved_with_its_form() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김문진", true, "no");
    let full = answers(d, &kim, &["b7"]);
    let q = d.questionnaire(&kim).unwrap();
    assert_eq!((q.form.as_str(), q.version), ("doyak-readiness", 1));
    assert!(
        q.answers.is_empty() && q.draft_saved_at.is_empty(),
        "no draft yet"
    );

    // Half the answers, kept as a draft and offered back.
    let half: BTreeMap<String, u8> = full.iter().take(10).map(|(k, v)| (k.clone(), *v)).collect();
    let form = |a: &BTreeMap<String, u8>| QuestionnaireForm {
        seeker_id: kim.clone(),
        answers: a.clone(),
    };
    let progress = d.save_questionnaire_draft(&form(&half)).unwrap();
    assert_eq!(progress.answered, 10);
    assert!(progress.required > 10);
    let q = d.questionnaire(&kim).unwrap();
    assert_eq!(q.answers, half, "the draft comes back as it was left");
    assert_eq!(
        q.draft_saved_at, "2026-11-25 09:00",
        "Korean time of the fixed clock"
    );

    // Submitting half is refused with the numbers still to answer; nothing
    // is saved and the draft stays.
    let err = d.submit_questionnaire(&form(&half)).unwrap_err();
    assert!(message(err).contains("답하지 않은 문항이 있습니다: "));
    assert!(d.readiness_view(&kim).unwrap().is_none());
    assert_eq!(d.questionnaire(&kim).unwrap().answers, half);

    // A follow-up answered after 아니오 is a contradiction, even in a draft.
    let mut contradictory = full.clone();
    contradictory.insert("b5".into(), 0);
    contradictory.insert("b6".into(), 1);
    let err = d
        .save_questionnaire_draft(&form(&contradictory))
        .unwrap_err();
    assert!(message(err).contains("'예'라고 답했을 때만"));

    // The whole form: saved as a diagnosis with the form and the answers.
    let view = d.submit_questionnaire(&form(&full)).unwrap();
    assert_eq!(view.barriers.len(), 1, "b7 (빚·연체) is the one barrier");
    assert!(
        view.barriers[0]
            .referrals
            .iter()
            .any(|r| r.contains("신용회복"))
    );
    assert!(
        d.questionnaire(&kim).unwrap().answers.is_empty(),
        "the draft is gone"
    );
    let events = d.events_of(kim.parse().unwrap()).unwrap();
    let stored = events
        .iter()
        .find_map(|e| match &e.body {
            doyak_domain::EventBody::Diagnosis { form: Some(f), .. } => Some(f.clone()),
            _ => None,
        })
        .expect("a diagnosis event with its form");
    assert_eq!(
        (stored.form.as_str(), stored.version),
        ("doyak-readiness", 1)
    );
    assert_eq!(stored.sha256.len(), 64);
    assert_eq!(
        stored.answers, full,
        "every answer is kept, so it can be scored again"
    );
    assert_eq!(d.readiness_view(&kim).unwrap(), Some(view.clone()));
    let diagnosis = d.diagnosis_view(&kim).unwrap();
    assert_eq!(diagnosis.readiness, Some(view), "the 진단 tab shows it");
}

#[test]
fn a_draft_from_the_diagnosis_is_saved_whole_checked_month_by_month_and_amended_with_history() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김초안", true, "no");
    let full = answers(d, &kim, &["b7"]);
    d.submit_questionnaire(&QuestionnaireForm {
        seeker_id: kim.clone(),
        answers: full,
    })
    .unwrap();

    let draft = d.draft_iap(&kim, "").unwrap();
    let best = &d.diagnosis_view(&kim).unwrap().occupations[0];
    assert_eq!(
        draft.goal.occupation, best.code,
        "\"\" drafts toward the best fit"
    );
    assert!(draft.basis.contains("문진"), "{}", draft.basis);
    assert!(
        draft
            .rows
            .iter()
            .any(|r| r.kind == "referral" && r.description.contains("부채·신용")),
        "the barrier from the questionnaire is a referral: {:?}",
        draft.rows
    );
    // Drafted on 2026-11-25, after the 15th: the plan starts in December,
    // so its first activities are not due within days.
    assert_eq!(
        draft.rows.iter().map(|r| r.month.as_str()).min(),
        Some("2026-12"),
        "month 1 is next month after the 15th"
    );
    assert!(
        d.iap(&kim).unwrap().months.is_empty(),
        "a draft saves nothing"
    );

    // An unknown occupation cannot be a goal of the draft.
    assert!(message(d.draft_iap(&kim, "0000").unwrap_err()).contains("진단 결과에 없습니다"));

    // Edited, with one bad row: nothing is saved, and the row is named.
    let mut activities: Vec<IapForm> = draft
        .rows
        .iter()
        .map(|r| IapForm {
            seeker_id: kim.clone(),
            month: r.month.clone(),
            kind: r.kind.clone(),
            description: r.description.clone(),
        })
        .collect();
    activities[1].month = "2026/12".into();
    let plan = IapPlanForm {
        goal: draft.goal.clone(),
        activities: activities.clone(),
    };
    let err = d.save_iap_plan(&plan).unwrap_err();
    assert!(
        err.field_errors()
            .iter()
            .any(|e| e.label.starts_with("2번째 활동")),
        "{err:?}"
    );
    assert!(d.iap(&kim).unwrap().months.is_empty(), "nothing half-saved");

    activities[1].month = "2026-12".into();
    d.save_iap_plan(&IapPlanForm {
        goal: draft.goal.clone(),
        activities: activities.clone(),
    })
    .unwrap();
    let iap = d.iap(&kim).unwrap();
    assert_eq!(iap.activities().len(), activities.len());
    let goal = iap.goal.clone().expect("the goal is set");
    assert_eq!(goal.occupation, draft.goal.occupation);

    // 이행 점검: 미이행 needs its reason.
    let first = iap.activities()[0].id.clone();
    let missed = IapCheckForm {
        id: first.clone(),
        compliance: "missed".into(),
        note: String::new(),
    };
    let err = d.check_iap_activity(&missed).unwrap_err();
    assert!(message(err).contains("사유"));
    d.check_iap_activity(&IapCheckForm {
        note: "병원 진료로 불참".into(),
        ..missed
    })
    .unwrap();
    let iap = d.iap(&kim).unwrap();
    let row = iap
        .activities()
        .into_iter()
        .find(|r| r.compliance == "missed")
        .expect("the checked activity")
        .clone();
    assert_eq!(row.compliance_label, "미이행");
    assert_eq!(row.compliance_note, "병원 진료로 불참");
    assert_eq!(
        row.history.len(),
        1,
        "the plan as first saved is its history"
    );

    // Amended to next month: the check stays, and the history grows.
    d.edit_iap_activity(
        &row.id,
        &IapForm {
            seeker_id: kim.clone(),
            month: "2027-01".into(),
            kind: row.kind.clone(),
            description: row.description.clone(),
        },
    )
    .unwrap();
    let moved = d
        .iap(&kim)
        .unwrap()
        .activities()
        .into_iter()
        .find(|r| r.month == "2027-01" && r.description == row.description)
        .cloned()
        .expect("moved to 2027-01");
    assert_eq!(moved.compliance, "missed");
    assert_eq!(moved.history.len(), 2);
    assert!(
        moved.history[1].contains("미이행 (병원 진료로 불참)"),
        "{:?}",
        moved.history
    );

    // A new goal supersedes the old one, which stays as history.
    d.set_iap_goal(&IapGoalForm {
        seeker_id: kim.clone(),
        occupation: "8241".into(),
        reason: "본인 희망 변경".into(),
        diagnosis_id: String::new(),
    })
    .unwrap();
    let goal2 = d.iap(&kim).unwrap().goal.unwrap();
    assert_eq!(goal2.occupation, "8241");
    assert_eq!(goal2.history.len(), 1, "{:?}", goal2.history);
    assert!(goal2.history[0].contains(&goal.occupation_name));

    // A second plan saved from a new draft replaces the first: what was
    // open is cancelled (kept, with the reason), the checked one stays, and
    // the two plans never run side by side.
    let open = |v: &doyak_app::IapView| {
        v.activities()
            .into_iter()
            .filter(|r| r.compliance.is_empty() && !r.done)
            .count()
    };
    let open_before = open(&d.iap(&kim).unwrap());
    assert!(open_before > 0);
    let again = d.draft_iap(&kim, "").unwrap();
    assert_eq!(
        again.replaces as usize, open_before,
        "the draft says what it replaces"
    );
    d.save_iap_plan(&IapPlanForm {
        goal: again.goal.clone(),
        activities: again
            .rows
            .iter()
            .map(|r| IapForm {
                seeker_id: kim.clone(),
                month: r.month.clone(),
                kind: r.kind.clone(),
                description: r.description.clone(),
            })
            .collect(),
    })
    .unwrap();
    let after = d.iap(&kim).unwrap();
    assert_eq!(open(&after), again.rows.len(), "only the new plan is open");
    let cancelled: Vec<_> = after
        .activities()
        .into_iter()
        .filter(|r| r.compliance == "cancelled")
        .collect();
    assert_eq!(cancelled.len(), open_before);
    assert!(
        cancelled
            .iter()
            .all(|r| r.compliance_note.contains("IAP 재작성으로 대체"))
    );
    assert!(
        after.activities().iter().any(|r| r.compliance == "missed"),
        "a checked month stays"
    );
}

#[test]
fn an_activity_past_its_month_without_a_check_is_in_today_until_checked() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김기한", true, "no");
    let plan = |month: &str| IapForm {
        seeker_id: kim.clone(),
        month: month.into(),
        kind: "job_search".into(),
        description: format!("{month} 입사지원 3건"),
    };
    // Today is 2026-11-25: October is over, November is not.
    let october = d.add_iap_activity(&plan("2026-10")).unwrap();
    d.add_iap_activity(&plan("2026-11")).unwrap();
    let today = d.today().unwrap();
    assert_eq!(today.totals.overdue_iap, 1, "only the month already over");
    assert_eq!(today.overdue_iap[0].month, "2026-10");
    assert_eq!(today.overdue_iap[0].months_overdue, 1);
    assert_eq!(today.overdue_iap[0].seeker_name, "김기한");
    assert!(d.iap(&kim).unwrap().activities()[0].overdue);

    // Moved to December: no longer overdue (the new version replaces it).
    d.edit_iap_activity(&october, &plan("2026-12")).unwrap();
    assert_eq!(d.today().unwrap().totals.overdue_iap, 0);

    // Another past month, checked 일부 이행: dealt with, so not listed.
    let september = d.add_iap_activity(&plan("2026-09")).unwrap();
    assert_eq!(d.today().unwrap().totals.overdue_iap, 1);
    d.check_iap_activity(&IapCheckForm {
        id: september,
        compliance: "partly".into(),
        note: "1건만 지원".into(),
    })
    .unwrap();
    assert_eq!(d.today().unwrap().totals.overdue_iap, 0);
}

/// The text of a PDF, as `pdftotext -raw` reads it back.
pub(crate) fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils: apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext reads the report");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_seeker_report_prints_the_diagnosis_the_questionnaire_and_the_plan_in_korean() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김보고", true, "no");
    d.submit_questionnaire(&QuestionnaireForm {
        seeker_id: kim.clone(),
        answers: answers(d, &kim, &["b7"]),
    })
    .unwrap();
    let draft = d.draft_iap(&kim, "").unwrap();
    let activities: Vec<IapForm> = draft
        .rows
        .iter()
        .map(|r| IapForm {
            seeker_id: kim.clone(),
            month: r.month.clone(),
            kind: r.kind.clone(),
            description: r.description.clone(),
        })
        .collect();
    d.save_iap_plan(&IapPlanForm {
        goal: draft.goal.clone(),
        activities,
    })
    .unwrap();
    let first = d.iap(&kim).unwrap().activities()[0].id.clone();
    d.check_iap_activity(&IapCheckForm {
        id: first,
        compliance: "partly".into(),
        note: "면접 일정 변경".into(),
    })
    .unwrap();

    let text = pdf_text(&d.seeker_report(&kim).unwrap());
    // pdftotext may break a line inside a cell; compare without line breaks.
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "구직자 진단 결과 및 개인별 취업활동계획(IAP)",
        "김보고",
        "안산고용복지플러스센터",
        "1. 직무 적합도",
        &draft.occupation_name,
        "부채·신용",
        "목표 직종:",
        "일부 이행",
        "면접 일정 변경",
        "1 / ",
    ] {
        assert!(
            flat.contains(expected),
            "the report shows {expected:?}:\n{flat}"
        );
    }

    // Saved twice: two files, never one over the other, and the file name
    // carries no one's name.
    let dir = tempfile::tempdir().unwrap();
    let a = d.save_seeker_report(&kim, dir.path()).unwrap();
    let b = d.save_seeker_report(&kim, dir.path()).unwrap();
    assert_ne!(a.path, b.path);
    assert!(b.path.ends_with(" (2).pdf"), "{}", b.path);
    assert!(!a.path.contains("김보고"), "{}", a.path);
    assert!(std::fs::read(&a.path).unwrap().starts_with(b"%PDF-"));
}
