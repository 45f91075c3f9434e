//! A counselor's outcome work on the demo caseload, as a counselor does it:
//! from 오늘 할 일's waiting 알선 to the seeker's 알선, a dated step, 합격
//! confirmed, the 취업 등록 it opens, and the 3-month 고용유지 확인 that
//! then clears from 오늘 할 일. Screenshots at 1366×768 and 1920×1080.

use crate::{Desk, click, open_demo, shot, type_into, wait_text};
use serde_json::json;

/// `date -d "3 months ago"` on this machine: a placement that day has its
/// 3-month check due today.
fn three_months_ago() -> String {
    let out = std::process::Command::new("date")
        .args(["-d", "3 months ago", "+%Y-%m-%d"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn an_application_goes_to_hire_placement_and_a_retention_check_cleared_from_today() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    s.set_window_size(1366, 768).unwrap();

    // 오늘 할 일: a waiting 알선 offers 결과 입력, which opens the seeker's
    // 알선 tab.
    wait_text(&s, "#today-applications-title", "결과 대기 중인 알선");
    shot(&s, "30-today-1366");
    let name = s
        .texts("#today-applications tbody tr:first-child td.name")
        .unwrap()
        .join("")
        .trim()
        .to_owned();
    assert!(!name.is_empty(), "the demo has 알선 waiting for a result");
    click(
        &s,
        "#today-applications tbody tr:first-child td:last-child button",
    );
    wait_text(&s, "#seeker-title", &name);
    s.find("#application-rows").unwrap();

    // A row still open: step to 합격. A click alone saves nothing; the form
    // says the outcome is final, and 확정 records it.
    let row = s
        .wait("an open 알선 with 합격 offered", || {
            let rows = s.script(
                "return Array.from(document.querySelectorAll('#application-rows tbody tr[data-id]'))\
                   .filter(r => r.querySelector('button[data-step=hired]')).map(r => r.dataset.id);",
                json!([]),
            )?;
            Ok(rows
                .as_array()
                .and_then(|a| a.first())
                .and_then(|v| v.as_str())
                .map(str::to_owned))
        })
        .unwrap();
    let step = format!("#application-rows tr[data-id='{row}'] button[data-step=hired]");
    click(&s, &step);
    let form = wait_text(&s, ".step-form", "바꿀 수 없습니다");
    assert!(form.contains("→ 합격"), "{form}");
    type_into(&s, &format!("#step-note-{row}"), "12월 출근 예정");
    shot(&s, "31-step-to-hired");
    click(&s, ".step-form .step-save");

    // 합격 opens 취업 등록, prefilled from the vacancy.
    wait_text(&s, "#placement-form h3", "취업 등록");
    let employer = s
        .script(
            "return document.getElementById('f-employer').value;",
            json!([]),
        )
        .unwrap();
    let employer = employer.as_str().unwrap().to_owned();
    assert!(
        !employer.is_empty(),
        "the employer comes from the 알선's vacancy"
    );
    let started = three_months_ago();
    type_into(&s, "#f-started_on", &started);
    type_into(&s, "#f-weekly_hours", "68");
    click(&s, "#placement-save");
    wait_text(&s, "#placement-form .field-error", "법정 한도");
    type_into(&s, "#f-weekly_hours", "40");
    shot(&s, "32-placement-form");
    click(&s, "#placement-save");

    // The 취업·사후관리 tab lists it with the 3-month check open; the
    // header says 취업 (the box was ticked).
    let placement = s
        .wait("the placement on the seeker's page", || {
            let id = s.script(
                "const p = document.querySelector('li.placement'); return p ? p.dataset.id : null;",
                json!([]),
            )?;
            Ok(id.as_str().map(str::to_owned))
        })
        .unwrap();
    wait_text(&s, "#seeker-title .tag", "취업");
    wait_text(&s, "li.placement", &employer);
    shot(&s, "33-placements");

    // 오늘 할 일 lists the check; 유지 확인 records it there and the row goes.
    s.set_window_size(1920, 1080).unwrap();
    click(&s, "#nav-today");
    let check = format!("#today-retention tr[data-placement='{placement}'] .check-record");
    click(&s, &check);
    wait_text(&s, "#retention-form h3", "3개월 고용유지 확인");
    shot(&s, "34-today-retention-form-1920");
    click(&s, "#retention-save");
    s.wait("the check to leave 오늘 할 일", || {
        let gone = s.find_all("#retention-form")?.is_empty()
            && s.find_all(&format!(
                "#today-retention tr[data-placement='{placement}']"
            ))?
            .is_empty();
        Ok(gone.then_some(()))
    })
    .unwrap();
    shot(&s, "35-today-after-check-1920");
    s.quit().unwrap();
}
