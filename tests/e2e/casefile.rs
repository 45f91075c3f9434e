//! The case file a counselor keeps up: a referral waiting in 오늘 할 일
//! gets its result on the seeker's 기관연계 tab, and an IAP activity is
//! added and marked 이행.

use crate::{Desk, choose, open_demo, shot, type_into, wait_text};

/// This machine's month, as the IAP form takes it.
fn this_month() -> String {
    let out = std::process::Command::new("date")
        .arg("+%Y-%m")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn a_waiting_referral_is_closed_and_an_iap_activity_added_and_done() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    wait_text(&s, "#today-referrals-title", "기관연계");

    // The first waiting referral whose subject is a seeker (some are companies).
    let mut opened = false;
    for i in 0..10 {
        let links = s.find_all("#today-referrals td.name button").unwrap();
        if i >= links.len() {
            break;
        }
        s.click(&links[i]).unwrap();
        let which = s
            .wait("a seeker or a company page", || {
                if !s.find_all("#seeker-title")?.is_empty() {
                    return Ok(Some(true));
                }
                Ok((!s.find_all("#company-title")?.is_empty()).then_some(false))
            })
            .unwrap();
        if which {
            opened = true;
            break;
        }
        s.click(&s.find("#nav-today").unwrap()).unwrap();
        wait_text(&s, "#today-referrals-title", "기관연계");
    }
    assert!(opened, "one of the demo's waiting referrals is a seeker's");

    s.click(&s.find("#tab-referrals").unwrap()).unwrap();
    s.click(&s.find("#referral-rows .referral-open").unwrap())
        .unwrap();
    // The result form renders after the click returns: wait for it (a loaded
    // machine once ran the query before the form was there).
    let select = s
        .wait("the referral's result form", || {
            let id = s.script(
                "const e = document.querySelector('.referral-result select'); return e ? e.id : null;",
                serde_json::json!([]),
            )?;
            Ok(id.as_str().map(str::to_owned))
        })
        .unwrap();
    let open_before = s.find_all("#referral-rows .referral-open").unwrap().len();
    choose(&s, &select, "completed");
    type_into(
        &s,
        ".referral-result input[id^=r-note]",
        "기관 지원 완료 회신 받음",
    );
    s.click(&s.find(".referral-result .referral-save").unwrap())
        .unwrap();
    s.wait("the referral to close", || {
        let open = s.find_all("#referral-rows .referral-open")?.len();
        Ok((s.find_all(".referral-result")?.is_empty() && open + 1 == open_before).then_some(()))
    })
    .unwrap();
    wait_text(&s, "#referral-rows", "기관 지원 완료 회신 받음");
    shot(&s, "39-referral-closed");

    // IAP: add an activity for this month, then mark it 이행.
    s.click(&s.find("#tab-iap").unwrap()).unwrap();
    s.click(&s.find("#iap-add").unwrap()).unwrap();
    type_into(&s, "#f-month", &this_month());
    choose(&s, "f-kind", "certificate");
    type_into(&s, "#f-description", "지게차운전기능사 필기 응시");
    s.click(&s.find("#iap-save").unwrap()).unwrap();
    let row = wait_text(&s, "#iap-rows", "지게차운전기능사 필기 응시");
    assert!(row.contains("이행 완료"), "planned, not done: {row}");
    let id = s
        .script(
            "return Array.from(document.querySelectorAll('#iap-rows tbody tr'))\
               .find(r => r.textContent.includes(arguments[0])).dataset.id;",
            serde_json::json!(["지게차운전기능사 필기 응시"]),
        )
        .unwrap();
    let id = id.as_str().unwrap().to_owned();
    s.click(
        &s.find(&format!("#iap-rows tr[data-id='{id}'] .iap-done"))
            .unwrap(),
    )
    .unwrap();
    s.wait("the activity to be done", || {
        let texts = s.texts("#iap-rows tbody tr")?;
        Ok(texts
            .iter()
            .any(|t| {
                t.contains("지게차운전기능사 필기 응시")
                    && t.contains("이행")
                    && !t.contains("이행 완료")
            })
            .then_some(()))
    })
    .unwrap();
    shot(&s, "40-iap-done");

    // The done activity edited: a new version, still 이행.
    let done_id = s
        .script(
            "return Array.from(document.querySelectorAll('#iap-rows tbody tr'))\
               .find(r => r.textContent.includes(arguments[0])).dataset.id;",
            serde_json::json!(["지게차운전기능사 필기 응시"]),
        )
        .unwrap();
    let done_id = done_id.as_str().unwrap().to_owned();
    s.click(
        &s.find(&format!("#iap-rows tr[data-id='{done_id}'] .iap-edit"))
            .unwrap(),
    )
    .unwrap();
    wait_text(&s, "#iap-save", "수정 저장");
    type_into(&s, "#f-description", "지게차운전기능사 필기 합격");
    s.click(&s.find("#iap-save").unwrap()).unwrap();
    s.wait("the edited activity", || {
        let texts = s.texts("#iap-rows tbody tr")?;
        Ok(texts
            .iter()
            .any(|t| t.contains("지게차운전기능사 필기 합격") && !t.contains("이행 완료"))
            .then_some(()))
    })
    .unwrap();

    // The demo desk is one of the center's counselors; a colleague takes
    // the desk over by adding herself, and what she writes names her.
    let header = wait_text(&s, "#counselor-open", "상담사 ");
    s.click(&s.find("#counselor-open").unwrap()).unwrap();
    wait_text(&s, "#counselor-title", "이 데스크의 상담사");
    shot(&s, "42b-counselor-dialog");
    type_into(&s, "#counselor-name", "정정희");
    s.click(&s.find("#counselor-add").unwrap()).unwrap();
    wait_text(&s, "#counselor-open", "상담사 정정희");
    assert_ne!(
        header, "상담사 정정희",
        "the demo desk had its own counselor"
    );

    // A counseling note corrected: the correction is a new version, the
    // original stays, marked 정정됨, and is not offered for correction again.
    s.click(&s.find("#tab-sessions").unwrap()).unwrap();
    s.click(&s.find(".timeline .correct-note").unwrap())
        .unwrap();
    wait_text(&s, "#session-correcting", "원래 기록은 지워지지 않고");
    let note = s.find("#s-content").unwrap();
    s.clear(&note).unwrap();
    s.type_text(&note, "정정: 지게차 필기 일정 12월로 변경")
        .unwrap();
    s.click(&s.find("#session-save").unwrap()).unwrap();
    let timeline = wait_text(&s, ".timeline", "정정: 지게차 필기 일정 12월로 변경");
    assert!(timeline.contains("(정정한 기록)"), "{timeline}");
    assert!(timeline.contains("(정정됨)"), "{timeline}");
    let bylines = s.texts(".timeline .byline").unwrap();
    assert!(
        bylines[0].starts_with("정정희 · ") && bylines[0].ends_with(" 작성"),
        "the newest entry is the correction, signed by the desk's counselor: {bylines:?}"
    );
    let superseded = s.find_all(".timeline li.superseded .correct-note").unwrap();
    assert!(superseded.is_empty(), "a superseded note offers no 정정");
    shot(&s, "43-note-corrected");

    // A new 기관연계 to one of the center's partner institutions: refused
    // without a purpose (said under the field), recorded with one.
    s.click(&s.find("#tab-referrals").unwrap()).unwrap();
    s.click(&s.find("#referral-add").unwrap()).unwrap();
    // A partner missing from the list is added from the form and chosen.
    s.click(&s.find("#partner-add").unwrap()).unwrap();
    s.click(&s.find("#partner-save").unwrap()).unwrap();
    wait_text(&s, "#partner-form .field-error", "필수 항목입니다");
    type_into(&s, "#f-partner_name", "안산 도약 여성새로일하기센터");
    choose(&s, "f-partner_kind", "saeil");
    type_into(&s, "#f-partner_phone", "0314000000");
    s.click(&s.find("#partner-save").unwrap()).unwrap();
    let picked = s
        .wait("the new partner chosen in the referral form", || {
            let label = s.script(
                "const sel = document.getElementById('f-partner_id');\
                 return sel ? sel.options[sel.selectedIndex].text : null;",
                serde_json::json!([]),
            )?;
            Ok(label.as_str().map(str::to_owned))
        })
        .unwrap();
    assert_eq!(picked, "안산 도약 여성새로일하기센터 (여성새로일하기센터)");
    let partner = s
        .script(
            "return Array.from(document.querySelectorAll('#f-partner_id option'))\
               .map(o => o.value).find(v => v !== '');",
            serde_json::json!([]),
        )
        .unwrap();
    choose(
        &s,
        "f-partner_id",
        partner.as_str().expect("the demo has partners"),
    );
    s.click(&s.find("#referral-save").unwrap()).unwrap();
    wait_text(&s, "#referral-form .field-error", "필수 항목입니다");
    type_into(&s, "#f-purpose", "집단상담 프로그램 연계");
    s.click(&s.find("#referral-save").unwrap()).unwrap();
    let rows = wait_text(&s, "#referral-rows", "집단상담 프로그램 연계");
    assert!(rows.contains("의뢰"), "a new referral is 의뢰: {rows}");
    shot(&s, "44-referral-added");

    // The open referral corrected in place: its purpose changes, no second
    // referral appears.
    let before = s
        .find_all("#referral-rows tbody tr[data-id]")
        .unwrap()
        .len();
    let added = s
        .script(
            "return Array.from(document.querySelectorAll('#referral-rows tbody tr[data-id]'))\
               .find(r => r.textContent.includes(arguments[0])).dataset.id;",
            serde_json::json!(["집단상담 프로그램 연계"]),
        )
        .unwrap();
    let added = added.as_str().unwrap().to_owned();
    s.click(
        &s.find(&format!(
            "#referral-rows tr[data-id='{added}'] .referral-edit"
        ))
        .unwrap(),
    )
    .unwrap();
    wait_text(&s, "#referral-save", "수정 저장");
    type_into(&s, "#f-purpose", "집단상담·취업특강 연계");
    s.click(&s.find("#referral-save").unwrap()).unwrap();
    wait_text(&s, "#referral-rows", "집단상담·취업특강 연계");
    assert_eq!(
        s.find_all("#referral-rows tbody tr[data-id]")
            .unwrap()
            .len(),
        before,
        "an edit adds no referral"
    );
    s.quit().unwrap();
}
