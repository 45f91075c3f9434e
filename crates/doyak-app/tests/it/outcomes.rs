//! The package's outcomes from the desk: an 알선 moved step by step with
//! dates and notes, its 합격 recorded as a 취업 (the seeker's status
//! following when the counselor says so), and the 3-month 고용유지 확인
//! that clears the placement from 오늘 할 일.

use crate::recommend::{company, message, seeker, vacancy};
use crate::*;
use doyak_app::{PlacementForm, RetentionForm, StepForm};

fn step(
    d: &mut Desk,
    id: &str,
    to: &str,
    on: &str,
    note: &str,
) -> Result<doyak_app::ApplicationRow, doyak_app::AppError> {
    d.step_application(&StepForm {
        application_id: id.into(),
        to: to.into(),
        on: on.into(),
        note: note.into(),
    })
}

#[test]
fn an_application_moves_by_dated_steps_and_keeps_its_history() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let job = vacancy(d, &c, "CO2 용접원 (주간)", "day", "41273");
    let kim = seeker(d, "김용접", true, "no");
    let app = d.add_application(&kim, &job, "proposed").unwrap();

    let early = step(d, &app.id, "submitted", "2026-11-01", "").unwrap_err();
    assert!(
        message(early).contains("이전 단계(2026-11-25)보다 빠릅니다"),
        "the 알선 was recorded on the clock's day, 2026-11-25"
    );
    let same = step(d, &app.id, "proposed", "", "메모만").unwrap_err();
    assert!(message(same).contains("이미 '알선' 단계입니다"));
    let row = step(d, &app.id, "interview", "2026-11-25", "11/30 면접").unwrap();
    assert_eq!(row.status_label, "면접");
    assert!(!row.needs_placement, "no outcome yet");
    let row = step(d, &app.id, "hired", "", "12/1 출근").unwrap();
    let history: Vec<(String, String, String, String)> = row
        .steps
        .iter()
        .map(|s| {
            (
                s.on.clone(),
                s.from_label.clone(),
                s.to_label.clone(),
                s.note.clone(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("2026-11-25".into(), "".into(), "알선".into(), "".into()),
            (
                "2026-11-25".into(),
                "알선".into(),
                "면접".into(),
                "11/30 면접".into()
            ),
            (
                "2026-11-25".into(),
                "면접".into(),
                "합격".into(),
                "12/1 출근".into()
            ),
        ],
        "how it started, then each step with its day (empty = today) and note"
    );
    assert!(row.needs_placement, "합격 without a 취업 asks for one");
    assert!(row.final_statuses.contains(&"hired".to_owned()));
}

#[test]
fn a_hire_becomes_a_placement_and_its_three_month_check_clears_today() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let job = vacancy(d, &c, "CO2 용접원 (주간)", "day", "41273");
    let kim = seeker(d, "김용접", true, "no");
    let app = d.add_application(&kim, &job, "proposed").unwrap();
    step(d, &app.id, "hired", "", "").unwrap();

    // The form comes prefilled from the vacancy (300만원 in the fixture).
    let draft = d.new_placement_form(&kim, &app.id).unwrap();
    assert_eq!(draft.form.employer, "도약정밀");
    assert_eq!(draft.form.wage_manwon, "300", "3,000,000원 shown in 만원");
    assert_eq!(draft.form.occupation, "82");
    assert!(draft.form.mark_employed);
    assert_eq!(draft.status_label, "취업지원");

    // Placed three months before the clock's day, so the 3-month check is
    // due today (2026-08-25 + 3 months = 2026-11-25).
    let mut form: PlacementForm = draft.form.clone();
    form.started_on = "2026-08-25".into();
    form.weekly_hours = "60".into();
    let too_long = d.add_placement(&form).unwrap_err();
    assert!(
        message(too_long).contains("법정 한도"),
        "60 hours a week is refused"
    );
    form.weekly_hours = "40".into();
    form.wage_manwon = "2800000".into();
    let in_won = d.add_placement(&form).unwrap_err();
    assert!(
        message(in_won).contains("만원 단위로 입력해 주세요"),
        "2,800,000 typed as 만원 would be 280억 a month"
    );
    form.wage_manwon = "280".into();
    let placement = d.add_placement(&form).unwrap();
    let again = d.add_placement(&form).unwrap_err();
    assert!(
        message(again).contains("이미 등록되어 있습니다"),
        "one 취업 per 알선"
    );

    let detail = d.seeker_detail(&kim).unwrap();
    assert_eq!(
        detail.row.status, "취업",
        "the counselor confirmed the status change"
    );
    assert_eq!(detail.placements.len(), 1);
    let p = &detail.placements[0];
    assert!(p.summary.contains("월 280만원"), "{}", p.summary);
    assert!(p.summary.contains("주 40시간"), "{}", p.summary);
    let open: Vec<u8> = p
        .checks
        .iter()
        .filter(|c| c.can_record)
        .map(|c| c.months)
        .collect();
    assert_eq!(
        open,
        [3],
        "only the 3-month check is due; 6 and 12 are months away"
    );
    let apps = d.seeker_applications(&kim).unwrap();
    assert_eq!(apps[0].placement_id.as_deref(), Some(placement.as_str()));
    assert!(!apps[0].needs_placement);
    let recs = d.recommended_vacancies(&kim).unwrap();
    assert!(recs.items.is_empty(), "a placed seeker is offered no jobs");
    assert!(recs.notice.unwrap().contains("취업한 구직자"));

    let due = |d: &Desk| -> Vec<(String, u8)> {
        d.today()
            .unwrap()
            .retention_checks
            .into_iter()
            .map(|r| (r.placement_id, r.months))
            .collect()
    };
    assert_eq!(
        due(d),
        [(placement.clone(), 3)],
        "오늘 할 일 lists the check"
    );

    let draft = d.new_retention_form(&placement, 3).unwrap();
    assert_eq!(draft.due_on, "2026-11-25");
    let mut check: RetentionForm = draft.form;
    check.still_employed = false;
    let no_reason = d.add_retention(&check).unwrap_err();
    assert!(
        message(no_reason).contains("필수 항목"),
        "a 퇴사 needs its reason"
    );
    check.still_employed = true;
    d.add_retention(&check).unwrap();
    assert!(due(d).is_empty(), "the recorded check leaves 오늘 할 일");
    let twice = d.add_retention(&check).unwrap_err();
    assert!(message(twice).contains("이미 기록되어 있습니다"));
    let p = &d.seeker_detail(&kim).unwrap().placements[0];
    assert!(
        p.checks[0]
            .done
            .as_deref()
            .unwrap()
            .contains("재직 중 · 전화")
    );
}

#[test]
fn leaving_at_a_check_ends_the_checks_and_may_reopen_the_search() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김용접", true, "no");
    let mut form = d.new_placement_form(&kim, "").unwrap().form;
    form.employer = "반월금속".into();
    form.started_on = "2026-05-20".into();
    let placement = d.add_placement(&form).unwrap();
    let mut check = d.new_retention_form(&placement, 3).unwrap().form;
    check.still_employed = false;
    check.left_reason = "contract_ended".into();
    check.left_on = "2026-05-01".into();
    let before = d.add_retention(&check).unwrap_err();
    assert!(message(before).contains("취업일(2026-05-20)보다 빠릅니다"));
    check.left_on = "2026-08-10".into();
    check.mark_job_search = true;
    d.add_retention(&check).unwrap();
    let detail = d.seeker_detail(&kim).unwrap();
    assert_eq!(
        detail.row.status, "취업지원",
        "back to the search, as confirmed"
    );
    let checks = &detail.placements[0].checks;
    assert!(
        checks[1].ended && checks[2].ended,
        "no 6- or 12-month check after leaving"
    );
    let mut six = d.new_retention_form(&placement, 6).unwrap().form;
    six.still_employed = true;
    assert!(message(d.add_retention(&six).unwrap_err()).contains("퇴사로 기록되어"));
}

#[test]
fn wages_below_the_years_minimum_are_refused_for_the_hours_worked() {
    // 2026: 시급 10,320원 → 월 2,156,880원 at 40 hours (209 hours with
    // 주휴), 1,078,440원 at 20 hours; the clock's day is in 2026.
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let mut v = d.new_vacancy_form(&c).unwrap();
    v.title = "생산직".into();
    v.occupation = "82".into();
    v.headcount = "1".into();
    v.sigungu = "41273".into();
    v.shift = "day".into();
    v.wage_monthly = "150".into();
    let low = d.save_vacancy_form(&v).unwrap_err();
    assert!(
        message(low)
            .contains("2026년 최저임금(시급 10,320원, 주 40시간 환산 월 2,156,880원)보다 적습니다"),
        "no hours given: full time"
    );
    v.weekly_hours = "20".into();
    d.save_vacancy_form(&v)
        .expect("150만원 for 20 hours a week is above 1,078,440원");

    let kim = seeker(d, "김용접", true, "no");
    let mut p = d.new_placement_form(&kim, "").unwrap().form;
    p.employer = "반월금속".into();
    p.started_on = "2026-11-02".into();
    p.wage_manwon = "200".into();
    assert!(message(d.add_placement(&p).unwrap_err()).contains("최저임금"));
    p.employment = "part_time".into();
    d.add_placement(&p)
        .expect("시간제 without hours: nothing to compare with");
}
