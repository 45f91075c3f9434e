//! The same person registered twice: typing a demo seeker's name and birth
//! date into 새 구직자 등록 shows who they may be, saving is refused until
//! the counselor says otherwise, and 기존 기록 열기 opens the existing one.

use crate::{Desk, open_demo, shot, type_into, wait_text};
use serde_json::json;

#[test]
fn a_duplicate_seeker_is_refused_and_the_existing_record_opens() {
    let desk = Desk::start();
    let s = open_demo(&desk);

    // A demo seeker's name and birth date, from their profile (the first
    // in the list who has a birth date).
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    wait_text(&s, "#seeker-count", "명");
    let mut found = None;
    for i in 0..10 {
        let links = s.find_all("#seeker-rows td.name button").unwrap();
        s.click(&links[i]).unwrap();
        s.find("dl.facts").unwrap();
        let facts = s
            .script(
                "return [document.getElementById('seeker-title').firstChild.textContent.trim(), \
                 Array.from(document.querySelectorAll('dl.facts dt')).filter(dt => dt.textContent === '생년월일').map(dt => dt.nextElementSibling.textContent)[0] || ''];",
                json!([]),
            )
            .unwrap();
        let name = facts[0].as_str().unwrap_or_default().to_owned();
        let birth = facts[1].as_str().unwrap_or_default().to_owned();
        if !name.is_empty() && !birth.is_empty() {
            found = Some((name, birth));
            break;
        }
        s.click(&s.find(".link-back").unwrap()).unwrap();
        wait_text(&s, "#seeker-count", "명");
    }
    let (name, birth) = found.expect("one of the first ten demo seekers has a birth date");

    // 새 구직자 등록 with the same name and birth date.
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    s.click(&s.find("#seeker-new").unwrap()).unwrap();
    wait_text(&s, "#seeker-form-title", "새 구직자 등록");
    type_into(&s, "#f-name", &name);
    type_into(&s, "#f-birth_date", &birth);
    let shown = wait_text(&s, "#seeker-duplicates", "이름·생년월일이 같음");
    assert!(shown.contains(&name), "{shown}");
    s.click(&s.find("#seeker-form-save").unwrap()).unwrap();
    wait_text(
        &s,
        "#seeker-duplicates .field-error",
        "이미 등록된 구직자일 수 있습니다",
    );
    assert!(
        s.texts("#seeker-form-title")
            .unwrap()
            .join("")
            .contains("새 구직자 등록"),
        "nothing was saved: the form is still open"
    );
    shot(&s, "36-duplicate-seeker");

    // 기존 기록 열기: the existing seeker's page.
    s.click(&s.find("#seeker-duplicates .duplicate-open").unwrap())
        .unwrap();
    wait_text(&s, "#seeker-title", &name);
    s.quit().unwrap();
}
