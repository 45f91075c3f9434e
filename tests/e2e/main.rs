//! End-to-end tests of the desk: the real binary, its real page, driven
//! through WebDriver (tauri-driver + WebKitWebDriver) under Xvfb. Each step
//! leaves a screenshot in target/screenshots/ to look at.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod harness;
mod webdriver;

use doyak_domain::korean;
use harness::{Desk, screenshot_dir};
use serde_json::json;
use webdriver::Session;

const WRONG: &str = "암호를 잘못 입력";

fn shot(s: &Session, name: &str) {
    // The bundled font is 2 MB: wait until it is in use and painted.
    s.wait("the fonts", || {
        Ok(
            (s.script("return document.fonts.status;", json!([]))? == json!("loaded"))
                .then_some(()),
        )
    })
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let png = s.screenshot_png().expect("screenshot");
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).expect("save screenshot");
}

/// Submits a passphrase and returns the unlock error shown, or "" if the
/// caseload opened.
fn try_unlock(s: &Session, passphrase: &str) -> String {
    let answers = || {
        s.script(
            "const f = document.getElementById('unlock-form'); return f ? Number(f.dataset.answers) : -1;",
            json!([]),
        )
    };
    let before = answers().unwrap();
    let input = s.find("#passphrase").unwrap();
    s.clear(&input).unwrap();
    s.type_text(&input, passphrase).unwrap();
    s.click(&s.find("#unlock-form-submit").unwrap()).unwrap();
    s.wait("an answer to the passphrase", || {
        if !s.find_all("#seeker-search")?.is_empty() {
            return Ok(Some(String::new()));
        }
        if answers()? == before {
            return Ok(None);
        }
        Ok(Some(s.texts("#unlock-error")?.join("")))
    })
    .unwrap()
}

fn seeker_names(s: &Session) -> Vec<String> {
    s.texts("#seeker-rows td.name").unwrap()
}

/// Types into the search box and waits until the list answers for it.
fn search(s: &Session, text: &str) -> Vec<String> {
    let input = s.find("#seeker-search").unwrap();
    s.clear(&input).unwrap();
    // Clearing fires no input event; an empty search is a space then a
    // Backspace (U+E003 in WebDriver), as a counselor would type it.
    let keys = if text.is_empty() { " \u{E003}" } else { text };
    s.type_text(&input, keys).unwrap();
    s.wait("the list to answer the search", || {
        let names = seeker_names(s);
        let count = s.texts("#seeker-count")?.join("");
        let answered = s.script(
            "return document.getElementById('seeker-search').value;",
            json!([]),
        )? == json!(text);
        let settled =
            answered && count.contains('명') && names.iter().all(|n| korean::matches(text, n));
        Ok(settled.then_some(names))
    })
    .unwrap()
}

#[test]
fn unlock_refuse_search_filter_and_reopen() {
    let desk = Desk::start();
    let args = vec![
        "--demo".to_owned(),
        "--db".to_owned(),
        desk.caseload().display().to_string(),
    ];

    let s = Session::start(&desk.url, &desk.app, &args).expect("the desk starts");
    let hint = s.find("#demo-hint").unwrap();
    assert!(s.text(&hint).unwrap().contains("데모"), "demo mode says so");
    shot(&s, "01-unlock");

    // A wrong passphrase is refused in Korean; three in a row make the
    // fourth wait (three free tries, then 1 s, doubling).
    let refused = try_unlock(&s, WRONG);
    assert!(refused.contains("암호가 맞지 않"), "got {refused:?}");
    shot(&s, "02-unlock-wrong-passphrase");
    for _ in 0..2 {
        let again = try_unlock(&s, WRONG);
        assert!(
            again.contains("암호가 맞지 않"),
            "tries 2 and 3 are free: {again:?}"
        );
    }
    let waiting = try_unlock(&s, WRONG);
    assert!(waiting.contains("초 후에 다시 시도"), "got {waiting:?}");
    std::thread::sleep(std::time::Duration::from_millis(2100));

    assert_eq!(try_unlock(&s, "demo"), "", "the demo passphrase opens");
    let count = s
        .wait("the seeker count", || {
            let c = s.texts("#seeker-count")?.join("");
            Ok(c.contains("명").then_some(c))
        })
        .unwrap();
    assert!(
        count.starts_with("600명"),
        "the demo caseload has 600 seekers: {count}"
    );
    assert_eq!(seeker_names(&s).len(), 50, "the first page holds 50");
    shot(&s, "03-seekers");

    // 초성 search: take a real name from the list and look for it by its
    // initial consonants; every row shown must match, and the person is there.
    let name = seeker_names(&s)[7].clone();
    let initials = korean::chosung_key(&name);
    let found = search(&s, &initials);
    assert!(found.contains(&name), "{initials} finds {name}: {found:?}");
    shot(&s, "04-seekers-chosung-search");

    // A status filter: every row shown carries that status.
    search(&s, "");
    s.script(
        "const el = document.getElementById('seeker-status'); el.value = 'consulting'; \
         el.dispatchEvent(new Event('change', { bubbles: true })); return null;",
        json!([]),
    )
    .unwrap();
    let statuses = s
        .wait("the filtered list", || {
            let tags = s.texts("#seeker-rows .tag")?;
            Ok((!tags.is_empty() && tags.iter().all(|t| t == "컨설팅")).then_some(tags))
        })
        .unwrap();
    assert!(!statuses.is_empty());
    s.quit().unwrap();

    // Quit and start again: the same caseload opens with the same people.
    let s = Session::start(&desk.url, &desk.app, &args).expect("the desk starts again");
    assert_eq!(try_unlock(&s, "demo"), "");
    let again = search(&s, &initials);
    assert!(
        again.contains(&name),
        "{name} is still there after a restart"
    );
    s.quit().unwrap();
}
