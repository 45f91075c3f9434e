//! The IAP 초안: what the rules in `plan.rs` promise, over real profiles.

use doyak_diagnosis::readiness::{Answers, ItemKind, READINESS_FORM, questionnaire, score};
use doyak_diagnosis::{
    Diagnoser, PlanError, PlanKind, SeekerInput, UnitStatus, WorkPeriod, draft_plan,
};

/// A welder in the making: wants 용접원 (8241), holds nothing yet.
fn newcomer() -> SeekerInput {
    SeekerInput {
        id: "s1".into(),
        desired_occupations: vec!["8241".into()],
        ..SeekerInput::default()
    }
}

/// Every item answered: Likert items 3 (보통), yes/no items 아니오, then
/// `yes` items 예.
fn answers(yes: &[&str]) -> Answers {
    let form = questionnaire().current(READINESS_FORM).expect("form");
    let mut a: Answers = form
        .items
        .iter()
        .filter(|i| i.depends_on.is_none())
        .map(|i| {
            let v = match i.kind {
                ItemKind::Likert5 => 3,
                ItemKind::YesNo => 0,
            };
            (i.id.clone(), v)
        })
        .collect();
    for id in yes {
        a.insert((*id).to_owned(), 1);
    }
    a
}

#[test]
fn a_newcomer_gets_the_steps_that_meet_the_goals_units_one_after_another() {
    let d = Diagnoser::new(None).diagnose(&newcomer(), 5);
    let goal = d
        .occupations
        .iter()
        .find(|o| o.code == "8241")
        .expect("the desired occupation is among the five");
    let plan = draft_plan(&d, "8241", None).expect("a draft");
    assert_eq!(plan.goal, "8241");
    assert_eq!(
        plan.activities[0].kind,
        PlanKind::Counseling,
        "the plan opens with the 상담 that agrees it"
    );
    let steps: Vec<_> = plan
        .activities
        .iter()
        .filter(|a| matches!(a.kind, PlanKind::Certificate | PlanKind::Training))
        .collect();
    assert!(
        !steps.is_empty() && steps.len() <= doyak_diagnosis::plan::MAX_STEPS,
        "someone holding nothing has open units, so there are 1–3 steps: {steps:?}"
    );
    // Each step names a unit of the goal that is not met yet.
    let open: Vec<&str> = goal
        .units
        .iter()
        .filter(|u| u.status != UnitStatus::Met)
        .map(|u| u.name_ko.as_str())
        .collect();
    for s in &steps {
        assert!(
            open.iter().any(|u| s.why_ko.contains(u)),
            "a step is there for an open unit of the goal: {}",
            s.why_ko
        );
    }
    // One after another: the due months never go back.
    assert!(steps.windows(2).all(|w| w[0].month <= w[1].month));
    // The first step with known weeks is due when they run out.
    let first = &d
        .recommendations
        .iter()
        .find(|r| steps[0].description_ko.contains(&r.name_ko))
        .expect("the first step is a recommendation");
    if let Some(w) = first.effort_weeks {
        assert_eq!(
            steps[0].month,
            w.div_ceil(4).max(1),
            "{w} weeks from month 1 end in month ⌈{w}/4⌉"
        );
    }
    // No step ends after the consulting stage's six months.
    assert!(
        steps
            .iter()
            .all(|s| s.month <= doyak_diagnosis::plan::MAX_MONTHS)
    );
    // A newcomer misses 필수 units, so searching waits for the first step.
    assert!(
        goal.units
            .iter()
            .any(|u| u.required && u.status != UnitStatus::Met)
    );
    // 구직활동 from the month the first step is due to the end of the plan,
    // which runs to the last step (three months at least).
    let first_due = steps[0].month;
    let last = steps.iter().map(|s| s.month).max().unwrap_or(1);
    assert_eq!(plan.months, last.max(3));
    let search: Vec<u32> = plan
        .activities
        .iter()
        .filter(|a| a.kind == PlanKind::JobSearch)
        .map(|a| a.month)
        .collect();
    let expected: Vec<u32> = (first_due..=plan.months).collect();
    assert_eq!(
        search, expected,
        "a 구직활동 in every month from {first_due}"
    );
    assert!((3..=6).contains(&plan.months));
}

#[test]
fn someone_who_meets_every_unit_searches_from_the_first_month() {
    // Thirty months as a welder and the certificates the profile lists.
    let mut s = newcomer();
    s.work_history.push(WorkPeriod {
        occupation: "8241".into(),
        months: 120,
        employer: None,
    });
    let d = Diagnoser::new(None).diagnose(&s, 5);
    let fit = d
        .occupations
        .iter()
        .find(|o| o.code == "8241")
        .expect("8241");
    let open = fit
        .units
        .iter()
        .filter(|u| u.status != UnitStatus::Met)
        .count();
    let plan = draft_plan(&d, "8241", None).expect("a draft");
    let steps = plan
        .activities
        .iter()
        .filter(|a| matches!(a.kind, PlanKind::Certificate | PlanKind::Training))
        .count();
    let required_open = fit
        .units
        .iter()
        .any(|u| u.required && u.status != UnitStatus::Met);
    assert!(
        !required_open,
        "ten years as a welder meet every 필수 unit of 용접원"
    );
    {
        let first_search = plan
            .activities
            .iter()
            .find(|a| a.kind == PlanKind::JobSearch)
            .map(|a| a.month);
        assert_eq!(
            first_search,
            Some(1),
            "every 필수 unit met: searching starts at once, whatever else is obtained"
        );
    }
    if open == 0 {
        assert_eq!(steps, 0, "nothing open, nothing to obtain");
        let search: Vec<u32> = plan
            .activities
            .iter()
            .filter(|a| a.kind == PlanKind::JobSearch)
            .map(|a| a.month)
            .collect();
        assert_eq!(
            search,
            vec![1, 2, 3],
            "three months of 구직활동 from the first"
        );
    } else {
        assert!(steps <= open, "never more steps than open units");
    }
}

#[test]
fn a_barrier_becomes_a_referral_in_the_first_month() {
    let d = Diagnoser::new(None).diagnose(&newcomer(), 5);
    // b7: 빚이나 연체 → debt → finance (신용회복위원회·서민금융진흥원).
    let r = score(READINESS_FORM, 1, &answers(&["b7"])).expect("complete answers");
    let plan = draft_plan(&d, "8241", Some(&r)).expect("a draft");
    let referrals: Vec<_> = plan
        .activities
        .iter()
        .filter(|a| a.kind == PlanKind::Referral)
        .collect();
    assert_eq!(
        referrals.len(),
        1,
        "one barrier with one partner type: {referrals:?}"
    );
    assert_eq!(referrals[0].month, 1, "a barrier is dealt with first");
    assert_eq!(referrals[0].partner_type.as_deref(), Some("finance"));
    assert!(
        referrals[0].why_ko.contains("빚이나 연체") && !referrals[0].why_ko.contains(".."),
        "the referral says which answer led to it: {}",
        referrals[0].why_ko
    );
    // No barrier, no referral.
    let none = score(READINESS_FORM, 1, &answers(&[])).expect("complete answers");
    let plan = draft_plan(&d, "8241", Some(&none)).expect("a draft");
    assert!(plan.activities.iter().all(|a| a.kind != PlanKind::Referral));
}

#[test]
fn a_goal_outside_the_diagnosis_is_refused_in_korean() {
    let d = Diagnoser::new(None).diagnose(&newcomer(), 5);
    let err = draft_plan(&d, "0000", None).expect_err("0000 is no suggested occupation");
    assert_eq!(err, PlanError::GoalNotDiagnosed("0000".into()));
    assert!(err.to_string().contains("진단 결과에 없습니다"));
}

#[test]
fn the_same_diagnosis_drafts_the_same_plan() {
    let d = Diagnoser::new(None).diagnose(&newcomer(), 5);
    let r = score(READINESS_FORM, 1, &answers(&["b7", "b9"])).expect("complete");
    assert_eq!(
        draft_plan(&d, "8241", Some(&r)),
        draft_plan(&d, "8241", Some(&r))
    );
}
