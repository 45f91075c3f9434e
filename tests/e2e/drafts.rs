//! Nothing typed is lost without a word: a half-written session note stays
//! (as a draft in the caseload) across Alt+1 and back, and leaving an edit
//! form with typed text asks first.

use crate::webdriver::Session;
use crate::{Desk, open_demo, open_first_seeker, shot, type_into, wait_text};
use serde_json::json;

fn value(s: &Session, id: &str) -> String {
    s.script(
        "const el = document.getElementById(arguments[0]); return el ? el.value : null;",
        json!([id]),
    )
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

#[test]
fn a_half_typed_note_survives_a_menu_switch_and_an_edit_form_asks_before_leaving() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    let name = open_first_seeker(&s);

    // A note half typed, then Alt+1 (오늘 할 일) from inside the text.
    s.click(&s.find("#session-add").unwrap()).unwrap();
    type_into(&s, "#s-content", "이력서 보완 중, 다음 주 면접");
    let note = s.find("#s-content").unwrap();
    s.type_text(&note, "\u{E00A}1\u{E000}").unwrap();
    wait_text(&s, "#today-title", "오늘 할 일");

    // Back to the seeker: the page offers the draft and it comes back whole.
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    s.click(&s.find("#seeker-rows td.name button").unwrap())
        .unwrap();
    wait_text(&s, "#seeker-title", &name);
    wait_text(&s, "#session-draft-banner", "쓰다 만 상담 기록");
    s.click(&s.find("#session-draft-banner button").unwrap())
        .unwrap();
    wait_text(&s, "#session-draft-restored", "초안을 불러왔습니다");
    assert_eq!(value(&s, "s-content"), "이력서 보완 중, 다음 주 면접");
    shot(&s, "37-session-draft-restored");
    s.click(&s.find("#session-discard").unwrap()).unwrap();

    // An edit form with typed text: the menu asks; 계속 작성 stays.
    s.click(&s.find("#seeker-edit").unwrap()).unwrap();
    wait_text(&s, "#seeker-form-title", "구직자 정보 수정");
    type_into(&s, "#f-note", "전화 상담 선호");
    s.click(&s.find("#nav-today").unwrap()).unwrap();
    wait_text(&s, "#leave-dialog", "저장하지 않은 내용이 있습니다");
    shot(&s, "38-leave-dialog");
    s.click(&s.find("#leave-stay").unwrap()).unwrap();
    s.wait("the dialog to close", || {
        Ok(s.find_all("#leave-dialog")?.is_empty().then_some(()))
    })
    .unwrap();
    assert_eq!(
        value(&s, "f-note"),
        "전화 상담 선호",
        "still on the form, text intact"
    );

    // Leaving anyway goes, and the next menu click asks nothing.
    s.click(&s.find("#nav-today").unwrap()).unwrap();
    s.click(&s.find("#leave-discard").unwrap()).unwrap();
    wait_text(&s, "#today-title", "오늘 할 일");
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    wait_text(&s, "#seeker-count", "명");
    s.quit().unwrap();
}
