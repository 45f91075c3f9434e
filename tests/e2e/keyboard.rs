//! Keyboard only: the main flows of a counselor's day done without the mouse.
//! Every key goes to whatever has the focus (`Session::press`), so the test
//! also proves that focus lands where a counselor would start typing.

use crate::webdriver::Session;
use crate::{Desk, open_demo, shot, wait_text};

const CTRL: &str = "\u{E009}";
const ALT: &str = "\u{E00A}";
const RELEASE: &str = "\u{E000}";
const ENTER: &str = "\u{E007}";
const TAB: &str = "\u{E004}";
const DOWN: &str = "\u{E015}";

fn chord(modifier: &str, key: &str) -> String {
    format!("{modifier}{key}{RELEASE}")
}

/// Waits until the element with `id` has the focus.
fn focus_is(s: &Session, id: &str) {
    s.wait(&format!("the focus on #{id}"), || {
        Ok((s.active_id()? == id).then_some(()))
    })
    .unwrap();
}

/// Presses Tab until `id` has the focus, as a keyboard user reaches a button.
fn tab_to(s: &Session, id: &str) {
    for _ in 0..80 {
        if s.active_id().unwrap() == id {
            return;
        }
        s.press(TAB).unwrap();
    }
    panic!("#{id} is not reachable with Tab within 80 presses");
}

#[test]
fn the_main_flows_complete_from_the_keyboard_alone() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    wait_text(&s, "#today-title", "오늘 할 일");

    // Alt+2: the seeker list, its search field has the focus. A name typed
    // and Enter open that person (the fourth row's, so Enter must follow
    // the search, not the list as it was).
    s.press(&chord(ALT, "2")).unwrap();
    wait_text(&s, "#seeker-count", "명");
    focus_is(&s, "seeker-search");
    let names = s.texts("#seeker-rows td.name button").unwrap();
    let name = names
        .iter()
        .skip(3)
        .find(|n| **n != names[0])
        .expect("the demo list has different names")
        .clone();
    s.press(&name).unwrap();
    s.wait("the list to answer the name", || {
        let first = s.texts("#seeker-rows td.name button")?;
        Ok((first.first() == Some(&name)).then_some(()))
    })
    .unwrap();
    s.press(ENTER).unwrap();
    wait_text(&s, "#seeker-title", &name);

    // A company's name for 통합 검색, from the company list (Alt+3).
    s.press(&chord(ALT, "3")).unwrap();
    wait_text(&s, "#companies-title", "기업");
    let company = s.find("#company-rows td.name button").unwrap();
    let company = s.text(&company).unwrap();

    // Ctrl+K from 오늘 할 일: the search dialog takes the focus; ↓ moves to
    // the company among the hits and Enter opens it.
    s.press(&chord(ALT, "1")).unwrap();
    wait_text(&s, "#today-title", "오늘 할 일");
    s.press(&chord(CTRL, "k")).unwrap();
    focus_is(&s, "quick-input");
    s.press(&company).unwrap();
    wait_text(&s, "#quick-group-company", "기업");
    let hits = s.texts("#quick-results .quick-hit strong").unwrap();
    let at = hits
        .iter()
        .position(|h| *h == company)
        .expect("the company is among the hits");
    shot(&s, "41-quick-search");
    for _ in 0..at {
        s.press(DOWN).unwrap();
    }
    s.press(ENTER).unwrap();
    wait_text(&s, "#company-title", &company);
    assert!(
        s.find_all("#quick-search").unwrap().is_empty(),
        "the dialog closed"
    );

    // Ctrl+N on the seeker list: a new seeker, the focus in 이름; Enter saves.
    s.press(&chord(ALT, "2")).unwrap();
    wait_text(&s, "#seeker-count", "명");
    s.press(&chord(CTRL, "n")).unwrap();
    wait_text(&s, "#seeker-form-title", "새 구직자 등록");
    focus_is(&s, "f-name");
    s.press("키보드도약").unwrap();
    s.press(ENTER).unwrap();
    wait_text(&s, "#seeker-title", "키보드도약");

    // A session note: Tab to 상담 기록 추가, Enter; the note has the focus;
    // Tab to 저장, Enter.
    tab_to(&s, "session-add");
    s.press(ENTER).unwrap();
    focus_is(&s, "s-content");
    s.press("키보드만으로 쓴 상담 기록").unwrap();
    tab_to(&s, "session-save");
    s.press(ENTER).unwrap();
    wait_text(&s, ".timeline", "키보드만으로 쓴 상담 기록");

    // Zoom: Ctrl+= enlarges (the header says by how much), Ctrl+0 resets.
    s.press(&chord(CTRL, "=")).unwrap();
    wait_text(&s, "#zoom-reset", "화면 110%");
    shot(&s, "42-zoomed");
    s.press(&chord(CTRL, "0")).unwrap();
    s.wait("the zoom to reset", || {
        Ok(s.find_all("#zoom-reset")?.is_empty().then_some(()))
    })
    .unwrap();
}
