//! The company side over a real caseload: 구인애로 진단 from the caseload's
//! own figures and the site visit, saved with its evidence and compared;
//! the consulting plan; the support-program finder.

use crate::recommend::{company, message, seeker, vacancy};
use crate::*;
use doyak_app::{CompanyDiagnosisForm, VacancyForm};
use std::collections::BTreeMap;

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn events(d: &Desk, company: &str) -> usize {
    d.company_detail(company).unwrap().events.len()
}

#[test]
fn the_diagnosis_counts_the_pool_with_the_matching_engine_and_is_saved_and_compared() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    // One 용접원 vacancy in 안산 단원구 asking 용접기능사 and 3 years.
    let vid = vacancy(d, &c, "CO2 용접원", "day", "41273");
    let mut v: VacancyForm = d.vacancy_form(&vid).unwrap();
    v.min_experience_years = "3".into();
    v.wage_monthly = "250".into();
    d.save_vacancy_form(&v).unwrap();
    // Five seekers aim at 용접 (KECO 82) in 단원구 and hold 용접기능사
    // (the fixture gives it), none with experience; one more has no
    // licence; one refuses shifts (no matter here: day work).
    for name in ["가용접", "나용접", "다용접", "라용접", "마용접"] {
        seeker(d, name, true, "yes");
    }
    let no_licence = seeker(d, "바용접", true, "yes");
    let mut s = d.seeker(no_licence.parse().unwrap()).unwrap();
    s.certificates.clear();
    d.save(&s).unwrap();

    let first = d.company_diagnosis(&c).unwrap();
    assert_eq!(first.vacancies.len(), 1);
    let causes = &first.vacancies[0].causes;
    let by = |code: &str| causes.iter().find(|x| x.code == code).unwrap();
    // Experience shuts out all six (nobody has 3 years): 0 → 5 without
    // it (the one without the licence still lacks it) — too strict.
    let experience = by("experience");
    assert_eq!(experience.score, Some(100), "{:?}", experience.facts);
    assert!(experience.too_strict);
    assert!(
        experience.facts[0].contains("0명 → 5명"),
        "{:?}",
        experience.facts
    );
    // The licence: without it and the experience both still asked, the
    // pool stays 0 → 0: nothing to judge.
    assert_eq!(by("qualifications").score, None);
    // Six seekers want 280만원, all above the 250 offered, and there is no
    // peer vacancy: the wage part rests on the seekers alone (100%).
    let wage = by("working_conditions");
    assert_eq!(wage.score, Some(100), "{:?}", wage.facts);
    assert!(wage.facts.iter().any(|f| f.contains("구직자 6명 중 100%")));
    // The same within the vacancy's 시도 (경기도: all six live in 단원구).
    let regional = wage
        .facts
        .iter()
        .find(|f| f.starts_with("경기도 안에서"))
        .unwrap_or_else(|| panic!("{:?}", wage.facts));
    assert!(regional.contains("구인 0건뿐"), "{regional}");
    assert!(regional.contains("구직자 6명 중 100%"), "{regional}");
    assert_eq!(by("avoided_occupation").score, None, "no visit yet");

    // Save with a visit: 7 hires, 4 gone within 3 months, heat.
    let form = CompanyDiagnosisForm {
        company_id: c.clone(),
        answers: answers(&[("hires_12m", "7"), ("quits_3m", "4"), ("hazards", "heat")]),
        factors: vec![],
        note: "1차 방문".into(),
    };
    let before = events(d, &c);
    let first_id = d.save_company_diagnosis(&form).unwrap();
    assert_eq!(events(d, &c), before + 1);
    let view = d.company_diagnosis_view(&c).unwrap();
    assert_eq!(view.answers.get("quits_3m").map(String::as_str), Some("4"));
    let kinds: std::collections::BTreeSet<&str> =
        view.items.iter().map(|i| i.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["choice", "count", "yesno"].into(),
        "the kinds the page knows"
    );
    let avoided = view
        .current
        .as_ref()
        .unwrap()
        .summary
        .iter()
        .find(|x| x.code == "avoided_occupation")
        .unwrap();
    // heat 15 + 57% quit rate 30 = 45.
    assert_eq!(avoided.score, Some(45));
    assert_eq!(view.history.len(), 1);
    // No factor chosen: those at 50 or more were kept.
    assert_eq!(
        view.history[0].factors,
        ["경력 갖춘 지원자 부족", "근로조건이 구직자 기대에 못 미침"]
    );

    // The firm drops the experience and raises the wage; diagnosed again.
    let mut v: VacancyForm = d.vacancy_form(&vid).unwrap();
    v.min_experience_years = "".into();
    v.wage_monthly = "300".into();
    d.save_vacancy_form(&v).unwrap();
    let second_id = d
        .save_company_diagnosis(&CompanyDiagnosisForm {
            answers: answers(&[("hires_12m", "7"), ("quits_3m", "1"), ("hazards", "heat")]),
            ..form
        })
        .unwrap();
    let cmp = d
        .compare_company_diagnoses(&c, &second_id, &first_id)
        .unwrap();
    assert!(!cmp.engine_changed);
    let row = |cause: &str| cmp.rows.iter().find(|r| r.cause == cause).unwrap();
    assert_eq!(row("경력 요구").before, Some(100));
    assert_eq!(
        row("경력 요구").after,
        Some(0),
        "no experience asked any more"
    );
    assert_eq!(row("경력 요구").change, Some(-100));
    // 300 is above every seeker's 280.
    assert_eq!(row("임금 등 근로조건").after, Some(0));
    assert_eq!(cmp.answers.len(), 1);
    assert_eq!(cmp.answers[0].before, "4");
    assert_eq!(cmp.answers[0].after, "1");
}

#[test]
fn a_firm_with_nothing_to_diagnose_or_bad_answers_gets_korean_and_nothing_is_saved() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let err = d.company_diagnosis(&c).unwrap_err();
    assert!(message(err).contains("모집 중인 구인이 없어"), "no vacancy");
    let view = d.company_diagnosis_view(&c).unwrap();
    assert!(view.current.is_none());
    assert!(view.no_vacancy.contains("구인을 먼저 등록"));
    assert!(
        d.save_company_diagnosis(&CompanyDiagnosisForm {
            company_id: c.clone(),
            ..Default::default()
        })
        .is_err()
    );
    vacancy(d, &c, "CO2 용접원", "day", "41273");
    let err = d
        .save_company_diagnosis(&CompanyDiagnosisForm {
            company_id: c.clone(),
            answers: answers(&[("hires_12m", "열"), ("dormitory", "2")]),
            ..Default::default()
        })
        .unwrap_err();
    let fields: Vec<String> = err.field_errors().iter().map(|e| e.field.clone()).collect();
    assert_eq!(fields, ["answers.dormitory", "answers.hires_12m"]);
    assert!(err.field_errors()[1].label.contains("1번"));
    assert_eq!(events(d, &c), 0, "nothing half-saved");
    assert!(d.company_diagnosis("없는 id").is_err());
}

#[test]
fn plan_actions_keep_their_history_and_fall_overdue_into_today() {
    use doyak_app::PlanActionForm;
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let vid = vacancy(d, &c, "CO2 용접원", "day", "41273");
    let base = PlanActionForm {
        company_id: c.clone(),
        kind: "posting_improvement".into(),
        description: "공고에 임금·교대 조건을 구체적으로".into(),
        owner: "인사담당 김대리".into(),
        due_on: "2026-11-20".into(), // before today (2026-11-25)
        status: "planned".into(),
        vacancy_id: vid.clone(),
        ..Default::default()
    };
    let late = d.save_plan_action(&base).unwrap();
    d.save_plan_action(&PlanActionForm {
        kind: "infrastructure".into(),
        description: "기숙사 임차비 지원 신청".into(),
        due_on: "2026-12-15".into(),
        ..base.clone()
    })
    .unwrap();
    let today = d.today().unwrap();
    assert_eq!(
        today.totals.overdue_actions, 1,
        "only the one due 2026-11-20"
    );
    assert_eq!(today.overdue_actions[0].overdue_days, 5);
    assert_eq!(today.overdue_actions[0].company_name, "도약정밀");

    // Done: a new version replaces it, with its result; it leaves 오늘 할 일.
    let missing_result = d
        .save_plan_action(&PlanActionForm {
            id: late.clone(),
            status: "done".into(),
            ..base.clone()
        })
        .unwrap_err();
    assert_eq!(missing_result.field_errors()[0].field, "result");
    let done = d
        .save_plan_action(&PlanActionForm {
            id: late.clone(),
            status: "done".into(),
            result: "공고 수정 후 지원자 3명".into(),
            ..base.clone()
        })
        .unwrap();
    assert_eq!(d.today().unwrap().totals.overdue_actions, 0);
    // The old version cannot be edited again (a real change, refused for
    // being superseded, not for changing nothing).
    let stale = d
        .save_plan_action(&PlanActionForm {
            id: late,
            owner: "생산팀장".into(),
            ..base.clone()
        })
        .unwrap_err();
    assert_eq!(stale.field_errors()[0].field, "id");
    let plan = d.company_plan(&c).unwrap();
    assert_eq!(plan.actions.len(), 2);
    // Open first; the done one keeps its history.
    assert_eq!(
        plan.actions[0].kind_label,
        "인프라·환경 개선(기숙사·통근·휴게시설)"
    );
    let row = plan.actions.iter().find(|a| a.id == done).unwrap();
    assert_eq!(row.status_label, "완료");
    assert_eq!(row.vacancy_title, "CO2 용접원");
    assert_eq!(row.history.len(), 1);
    assert!(
        row.history[0].contains("계획 · 기한 2026-11-20"),
        "{:?}",
        row.history
    );
    assert_eq!(plan.outcome.hires, 0);

    // Bad input: every field at fault at once, nothing saved.
    let err = d
        .save_plan_action(&PlanActionForm {
            company_id: c.clone(),
            kind: "magic".into(),
            due_on: "11월 말".into(),
            status: "planned".into(),
            vacancy_id: "01900000-0000-7000-8000-000000000000".into(),
            ..Default::default()
        })
        .unwrap_err();
    let mut fields: Vec<String> = err.field_errors().iter().map(|e| e.field.clone()).collect();
    fields.sort();
    assert_eq!(fields, ["due_on", "kind", "vacancy_id"]);
    assert_eq!(d.company_plan(&c).unwrap().actions.len(), 2);
}

#[test]
fn the_plan_outcome_counts_only_hires_since_the_plan_began() {
    use doyak_app::{PlacementForm, PlanActionForm, StepForm};
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let job = vacancy(d, &c, "CO2 용접원", "day", "41273");
    let place = |d: &mut Desk, name: &str, on: &str| {
        let s = seeker(d, name, true, "no");
        let app = d.add_application(&s, &job, "proposed").unwrap();
        d.step_application(&StepForm {
            application_id: app.id.clone(),
            to: "hired".into(),
            on: String::new(), // recorded today; the start below is the hire's day
            note: String::new(),
        })
        .unwrap();
        let mut form: PlacementForm = d.new_placement_form(&s, &app.id).unwrap().form;
        form.started_on = on.into();
        form.weekly_hours = "40".into();
        form.wage_manwon = "280".into();
        d.add_placement(&form).unwrap();
    };
    // Hired in August, before any plan: with no plan yet, every hire counts.
    place(d, "김용접", "2026-08-25");
    let before = d.company_plan(&c).unwrap().outcome;
    assert_eq!(
        (before.since.as_str(), before.hires, before.due_3m),
        ("", 1, 1)
    );
    // The plan begins today (the fixture's 2026-11-25); a hire today is the
    // plan's, the August one is not.
    d.save_plan_action(&PlanActionForm {
        company_id: c.clone(),
        kind: "posting_improvement".into(),
        description: "공고 개선".into(),
        owner: "인사담당".into(),
        due_on: "2026-12-15".into(),
        status: "planned".into(),
        ..Default::default()
    })
    .unwrap();
    place(d, "이용접", "2026-11-25");
    let after = d.company_plan(&c).unwrap().outcome;
    assert_eq!(after.since, "2026-11-25");
    assert_eq!(after.hires, 1, "only the hire since the plan began");
    assert_eq!(after.due_3m, 0, "placed today: its 3 months are not up");
}

#[test]
fn programs_answer_in_three_values_from_the_record_and_confirmed_facts() {
    use doyak_app::CompanyFactsForm;
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d); // 안산 단원구 (수도권), KSIC 29120 (제조), 반월산단
    let view = d.company_programs(&c, "2026-03-02", "").unwrap();
    let fact = |v: &doyak_app::CompanyProgramsView, id: &str| {
        v.facts.iter().find(|f| f.id == id).unwrap().clone()
    };
    // The record says 제조업 and the 산업단지; 피보험자 42 is not 상시근로자.
    assert_eq!(fact(&view, "manufacturing").value, "1");
    assert_eq!(fact(&view, "manufacturing").source, "기업 정보");
    assert_eq!(fact(&view, "insured_employees").value, "42");
    assert_eq!(fact(&view, "employees").value, "");
    let innovation = |v: &doyak_app::CompanyProgramsView| {
        v.programs
            .iter()
            .find(|p| p.id == "workplace_innovation_consulting")
            .cloned()
    };
    // 일터혁신 상생컨설팅 is a 2025 rule: in 2026 the data has no rule.
    assert_eq!(innovation(&view).unwrap().verdict, "unknown");
    let youth = view.programs.iter().find(|p| p.id == "youth_leap").unwrap();
    assert_eq!(youth.verdict_label, "확인 필요");
    assert!(
        youth.missing_ids.contains(&"priority_support".to_owned()),
        "{youth:?}"
    );

    // In 2025 with 상시근로자 42 confirmed: 20명 이상 → 해당.
    d.save_company_facts(&CompanyFactsForm {
        company_id: c.clone(),
        facts: answers(&[("employees", "42"), ("priority_support", "1")]),
    })
    .unwrap();
    let y2025 = d.company_programs(&c, "2025-06-02", "").unwrap();
    assert_eq!(innovation(&y2025).unwrap().verdict_label, "해당");
    assert_eq!(fact(&y2025, "employees").source, "상담사 확인");
    // Clearing a fact makes it unknown again.
    d.save_company_facts(&CompanyFactsForm {
        company_id: c.clone(),
        facts: answers(&[("employees", "")]),
    })
    .unwrap();
    let cleared = d.company_programs(&c, "2025-06-02", "").unwrap();
    assert_eq!(innovation(&cleared).unwrap().verdict_label, "확인 필요");

    // Bad input: a value of the wrong kind, an unknown fact, a date
    // outside every rule, a bad date — Korean, nothing kept.
    let before = events(d, &c);
    let err = d
        .save_company_facts(&CompanyFactsForm {
            company_id: c.clone(),
            facts: answers(&[("employees", "마흔"), ("shoe_size", "1")]),
        })
        .unwrap_err();
    let fields: Vec<String> = err.field_errors().iter().map(|e| e.field.clone()).collect();
    assert_eq!(fields, ["facts.employees", "facts.shoe_size"]);
    assert_eq!(events(d, &c), before);
    // Facts about a hire are not kept on the firm.
    let err = d
        .save_company_facts(&CompanyFactsForm {
            company_id: c.clone(),
            facts: answers(&[("hire_youth_hardship", "1")]),
        })
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "facts.hire_youth_hardship");
    // After the newest rule (the data not renewed yet): every program is
    // 확인 필요 with why, not a failing page.
    let later = d.company_programs(&c, "2027-03-02", "").unwrap();
    assert!(later.programs.iter().all(|p| p.verdict == "unknown"));
    assert!(later.programs[0].reasons[0].contains("자료는 2026-12-31까지"));
    let err = d.company_programs(&c, "2019-01-01", "").unwrap_err();
    assert!(message(err).contains("자료 범위"));
    let err = d.company_programs(&c, "작년", "").unwrap_err();
    assert!(message(err).contains("2026-12-31처럼"));
}

#[test]
fn confirmed_facts_keep_only_real_changes_and_never_contradict_the_sigungu() {
    use doyak_app::CompanyFactsForm;
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d); // 안산 단원구: 수도권; 피보험자 42 on the record
    let view = d.company_programs(&c, "2026-03-02", "").unwrap();
    let fact = |v: &doyak_app::CompanyProgramsView, id: &str| {
        v.facts.iter().find(|f| f.id == id).unwrap().clone()
    };
    // 수도권 여부 is shown as the rules read it: from the 시군구.
    assert_eq!(fact(&view, "capital_region").value, "1");
    assert_eq!(fact(&view, "capital_region").source, "시군구로 판단");

    // "아니오" for a firm in 안산 would stop every answer: refused, named.
    let before = events(d, &c);
    let err = d
        .save_company_facts(&CompanyFactsForm {
            company_id: c.clone(),
            facts: answers(&[("capital_region", "0")]),
        })
        .unwrap_err();
    assert_eq!(err.field_errors()[0].field, "facts.capital_region");
    assert!(
        message(err).contains("안산"),
        "names the 시군구 it contradicts"
    );
    assert_eq!(events(d, &c), before);

    // The page sends every fact back: the record's 피보험자 42, typed
    // "42", and the derived 수도권 "1" are not confirmations — nothing saved.
    d.save_company_facts(&CompanyFactsForm {
        company_id: c.clone(),
        facts: answers(&[
            ("insured_employees", "42"),
            ("capital_region", "1"),
            ("employees", ""),
        ]),
    })
    .unwrap();
    assert_eq!(events(d, &c), before, "no change, no event");
    // "1,200" is the 1200 already confirmed: one event for the first, none
    // for the same number typed with a comma.
    d.save_company_facts(&CompanyFactsForm {
        company_id: c.clone(),
        facts: answers(&[("employees", "1200")]),
    })
    .unwrap();
    assert_eq!(events(d, &c), before + 1);
    d.save_company_facts(&CompanyFactsForm {
        company_id: c.clone(),
        facts: answers(&[("employees", "1,200")]),
    })
    .unwrap();
    assert_eq!(events(d, &c), before + 1);
    let after = d.company_programs(&c, "2026-03-02", "").unwrap();
    assert_eq!(fact(&after, "employees").value, "1200");
    assert_eq!(fact(&after, "insured_employees").source, "기업 정보");
}

#[test]
fn the_company_report_prints_diagnosis_plan_and_programs_in_korean_without_seekers() {
    use doyak_app::PlanActionForm;
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    vacancy(d, &c, "CO2 용접원", "day", "41273");
    seeker(d, "가보고", true, "yes");
    d.save_company_diagnosis(&CompanyDiagnosisForm {
        company_id: c.clone(),
        answers: answers(&[("hazards", "heavy")]),
        factors: vec!["commute_housing".into()],
        note: String::new(),
    })
    .unwrap();
    d.save_plan_action(&PlanActionForm {
        company_id: c.clone(),
        kind: "infrastructure".into(),
        description: "통근버스 노선 협의".into(),
        owner: "총무팀".into(),
        due_on: "2026-12-20".into(),
        status: "planned".into(),
        ..Default::default()
    })
    .unwrap();
    let text = crate::iap::pdf_text(&d.company_report(&c).unwrap()).replace('\n', " ");
    for expected in [
        "구인애로 진단 및 기업 컨설팅 계획",
        "도약정밀",
        "CO2 용접원",
        "임금 등 근로조건",
        "통근·주거",          // the counselor's factor
        "통근버스 노선 협의", // the plan
        "청년일자리도약장려금",
    ] {
        assert!(text.contains(expected), "{expected} missing from: {text}");
    }
    // Handed to the firm: no seeker's name.
    assert!(!text.contains("가보고"));
    // Saved as a new file, never over one.
    let dir = tempfile::tempdir().unwrap();
    let exports = |d: &Desk| {
        d.store()
            .audit_trail(None)
            .unwrap()
            .iter()
            .filter(|r| r.action == "export")
            .count()
    };
    let before = exports(d);
    let first = d.save_company_report(&c, dir.path()).unwrap();
    let second = d.save_company_report(&c, dir.path()).unwrap();
    assert_ne!(first.path, second.path);
    assert_eq!(exports(d), before + 2, "each file written is one export");
    // A folder that cannot be made (a file stands where it would go): an
    // error, and no row claiming an export.
    let blocker = dir.path().join("파일");
    std::fs::write(&blocker, b"x").unwrap();
    assert!(d.save_company_report(&c, &blocker.join("보고서")).is_err());
    assert_eq!(exports(d), before + 2, "a failed write is no export");
}
