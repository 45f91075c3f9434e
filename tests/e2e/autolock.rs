//! 자동 잠금: the desk locks itself after the idle time on a clock the test
//! moves (the desk's frozen e2e clock), closes the caseload (a command
//! answers `desk.locked`), keeps the half-typed form under the lock screen,
//! and opens again with the passphrase. The 잠금 button locks at once, and
//! a shorter idle time set on 가져오기·내보내기 is the one that counts.

use crate::{Desk, click, open_demo, shot, type_into, wait_text};
use serde_json::json;

/// What a command answers now: "open" or its error code.
fn command_answer(s: &crate::webdriver::Session) -> String {
    s.script_async(
        "const done = arguments[arguments.length - 1]; \
         window.__TAURI_INTERNALS__.invoke('summary').then(() => done('open'), (e) => done(e.code));",
        json!([]),
    )
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

fn unlock_again(s: &crate::webdriver::Session) {
    type_into(s, "#lock-screen #passphrase", "demo");
    click(s, "#lock-screen #unlock-form-submit");
    s.wait("the lock screen to go", || {
        Ok(s.find_all("#lock-screen")?.is_empty().then_some(()))
    })
    .unwrap();
}

#[test]
fn the_desk_locks_when_idle_keeps_the_form_and_opens_with_the_passphrase() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    assert_eq!(command_answer(&s), "open");
    // A new seeker, half typed and not saved.
    click(&s, "#nav-seekers");
    click(&s, "#seeker-new");
    type_into(&s, "#f-name", "잠금전입력");

    // Ten minutes pass without a key (the default idle time).
    desk.set_clock(600);
    wait_text(&s, "#lock-reason", "10분 동안 입력이 없어 잠갔습니다");
    assert_eq!(
        command_answer(&s),
        "desk.locked",
        "locked means the caseload is closed, not only covered"
    );
    let body = s
        .script(
            "const b = document.querySelector('.body'); \
             return [b.hidden, getComputedStyle(b).display, b.contains(document.activeElement)];",
            json!([]),
        )
        .unwrap();
    assert_eq!(
        body,
        json!([true, "none", false]),
        "the screens are out of the page, and no field of theirs keeps the focus"
    );
    shot(&s, "74-auto-lock");

    // A wrong passphrase keeps it locked.
    type_into(&s, "#lock-screen #passphrase", "wrong");
    click(&s, "#lock-screen #unlock-form-submit");
    wait_text(&s, "#unlock-error", "암호가 맞지 않거나");
    assert_eq!(command_answer(&s), "desk.locked");

    unlock_again(&s);
    assert_eq!(command_answer(&s), "open");
    let typed = s
        .script("return document.getElementById('f-name').value;", json!([]))
        .unwrap();
    assert_eq!(
        typed,
        json!("잠금전입력"),
        "what was typed survives the lock"
    );

    // 잠금: at once, whatever the clock says.
    click(&s, "#lock-now");
    wait_text(&s, "#lock-reason", "잠갔습니다");
    assert_eq!(command_answer(&s), "desk.locked");
    unlock_again(&s);

    // The retention periods are center settings beside it: Doyak's
    // default says 확인 필요 until the center sets its own with a basis.
    click(&s, "#nav-data");
    click(&s, "#leave-discard");
    wait_text(&s, "#retention-closed h4", "확인 필요");
    type_into(&s, "#retention-closed-years", "3");
    type_into(&s, "#retention-closed-basis", "개인정보 처리방침 제7조");
    click(&s, "#retention-closed-save");
    wait_text(
        &s,
        "#retention-closed-outcome",
        "종료 후 3년으로 정했습니다",
    );
    wait_text(
        &s,
        "#retention-closed h4",
        "취업 없이 종료된 사례: 종료 후 3년",
    );
    assert!(
        !s.text(&s.find("#retention-closed h4").unwrap())
            .unwrap()
            .contains("확인 필요"),
        "the center's own rule is not marked 확인 필요"
    );
    s.script(
        "document.getElementById('retention-employed').scrollIntoView({block: 'start'}); return null;",
        json!([]),
    )
    .unwrap();
    shot(&s, "76-center-settings");

    // A one-minute idle time, counted from the last input.
    type_into(&s, "#autolock-minutes", "1");
    click(&s, "#autolock-save");
    wait_text(&s, "#autolock-outcome", "1분 동안 입력이 없으면 잠급니다");
    desk.set_clock(600 + 60);
    wait_text(&s, "#lock-reason", "1분 동안 입력이 없어 잠갔습니다");
    assert_eq!(command_answer(&s), "desk.locked");
}
