//! The program's first step in the desk, end to end: overdue IAP checks in
//! 오늘 할 일, the 문진 filled with the keyboard (left halfway and resumed),
//! the diagnosis with its readiness profile, an IAP drafted from it, edited
//! and saved, a month checked 미이행 with its reason, and the seeker's
//! report saved as a PDF whose Korean text reads back.

use crate::{Desk, choose, click, open_demo, open_first_seeker, shot, type_into, wait_text};
use serde_json::json;

/// What the focused question is: (item id, number of choices), or None
/// when the focus is on 제출.
fn focused_item(s: &crate::webdriver::Session) -> Option<(String, usize)> {
    let v = s
        .script(
            "const f = document.activeElement && document.activeElement.closest('fieldset[data-item]'); \
             return f ? [f.dataset.item, f.querySelectorAll('input').length] : null;",
            json!([]),
        )
        .unwrap();
    let a = v.as_array()?;
    Some((a[0].as_str()?.to_owned(), a[1].as_u64()? as usize))
}

/// Answers questions with the keyboard until `stop` of them are answered
/// or the focus reaches 제출: 3 for a five-point item, N for yes/no except
/// b7 (빚·연체), answered Y.
fn answer(s: &crate::webdriver::Session, stop: usize) -> usize {
    // The form focuses its first open question once it is on screen (after
    // the render that shows it): wait for that, not for the text.
    s.wait("a question or 제출 to have the focus", || {
        Ok((focused_item(s).is_some() || s.active_id()? == "q-submit").then_some(()))
    })
    .unwrap();
    let mut answered = 0;
    while answered < stop {
        let Some((item, choices)) = focused_item(s) else {
            break;
        };
        let key = match (choices, item.as_str()) {
            (5, _) => "3",
            (_, "b7") => "y",
            _ => "n",
        };
        s.press(key).unwrap();
        answered += 1;
        s.wait("the focus to move on", || {
            Ok((focused_item(s).map(|(i, _)| i) != Some(item.clone())).then_some(()))
        })
        .unwrap();
    }
    answered
}

#[test]
fn a_questionnaire_a_diagnosis_an_iap_drafted_edited_and_checked_and_the_report_pdf() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    // 오늘 할 일 lists last month's activities still to check (the demo
    // leaves them); a row opens the seeker's IAP tab with it marked.
    wait_text(&s, "#today-iap-title", "이행 점검이 밀린 IAP 활동");
    let overdue = s.find_all("#today-iap td.name button").unwrap();
    assert!(
        !overdue.is_empty(),
        "the demo leaves last month's checks to do"
    );
    s.click(&overdue[0]).unwrap();
    wait_text(&s, "#iap-rows", "기한 지남 · 미점검");
    shot(&s, "66-today-iap-opened");
    open_first_seeker(&s);
    click(&s, "#tab-diagnosis");
    wait_text(&s, "#diagnosis-summary", "직업 프로필");

    // The 문진, half filled, then left: the answers are kept.
    click(&s, "#questionnaire-open");
    wait_text(&s, "#q-progress", "답변 0 /");
    // The demo's consents have no 민감정보 purpose: the health items wait.
    wait_text(&s, "#q-withheld", "민감정보 처리 동의가 없어 묻지 않습니다");
    assert_eq!(answer(&s, 10), 10);
    wait_text(&s, "#q-progress", "답변 10 /");
    shot(&s, "62-questionnaire");
    s.click(&s.find_all("#questionnaire .actions .btn").unwrap()[0].clone())
        .unwrap();
    wait_text(&s, "#diagnosis-summary", "직업 프로필");
    click(&s, "#questionnaire-open");
    wait_text(&s, "#q-progress", "답변 10 /");
    answer(&s, 100);
    s.wait("the focus on 제출", || {
        Ok((s.active_id()? == "q-submit").then_some(()))
    })
    .unwrap();
    s.press("\u{E007}").unwrap(); // Enter
    let readiness = wait_text(&s, "#readiness", "부채·신용");
    assert!(readiness.contains("구직 동기"), "{readiness}");
    shot(&s, "63-readiness");

    // The IAP 초안: the barrier is a referral in the first month; one row
    // goes, the reason is written, and the plan is saved.
    click(&s, "#iap-draft-open");
    let rows = wait_text(&s, "#draft-rows", "기관연계");
    assert!(rows.contains("부채·신용"), "{rows}");
    let before = s.find_all("#draft-rows tbody tr").unwrap().len();
    type_into(&s, "#draft-reason", "진단 적합도 1위, 본인 희망과 일치");
    let remove = s.find_all("#draft-rows .draft-remove").unwrap();
    s.click(remove.last().unwrap()).unwrap();
    assert_eq!(
        s.find_all("#draft-rows tbody tr").unwrap().len(),
        before - 1
    );
    shot(&s, "64-iap-draft");
    click(&s, "#draft-save");
    let goal = wait_text(&s, "#iap-goal", "본인 희망과 일치");
    assert!(goal.contains("목표 직종"), "{goal}");
    // Only the new plan is open: the demo's earlier activities not yet
    // checked were cancelled by it (kept, marked 취소).
    let tags = s.texts("#iap-rows tbody td .tag").unwrap();
    let open = tags.iter().filter(|t| t.contains("미점검")).count();
    assert_eq!(open, before - 1, "the saved rows, one removed: {tags:?}");

    // A month checked 미이행, with its reason.
    let referral_row = s
        .script(
            "return Array.from(document.querySelectorAll('#iap-rows tbody tr'))\
               .find(r => r.textContent.includes('부채·신용')).dataset.id;",
            json!([]),
        )
        .unwrap();
    let id = referral_row.as_str().unwrap().to_owned();
    click(&s, &format!("#iap-rows tr[data-id='{id}'] .iap-check-open"));
    choose(&s, "iap-check-result", "missed");
    type_into(&s, "#iap-check-note", "연락이 닿지 않아 다음 달로");
    click(&s, "#iap-check-save");
    let row = wait_text(&s, "#iap-rows", "연락이 닿지 않아 다음 달로");
    assert!(row.contains("미이행"), "{row}");
    shot(&s, "65-iap-checked");

    // The report, saved to the download folder, reads back in Korean.
    click(&s, "#tab-diagnosis");
    click(&s, "#report-save");
    let said = wait_text(&s, "#report-saved", "보고서를 저장했습니다");
    let downloads = desk.dir.path().join("downloads");
    let pdf = std::fs::read_dir(&downloads)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .unwrap_or_else(|| panic!("a PDF in {} ({said})", downloads.display()));
    let out = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(out.status.success(), "pdftotext reads the saved PDF");
    let text: String = String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for want in [
        "구직자 진단 결과 및 개인별 취업활동계획(IAP)",
        "부채·신용",
        "미이행",
        "연락이 닿지 않아 다음 달로",
    ] {
        assert!(text.contains(want), "the PDF shows {want:?}: {text}");
    }
    s.quit().unwrap();
}
