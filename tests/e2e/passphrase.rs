//! 암호 변경 in the window: the dialog refuses with Korean messages under
//! each field, then re-encrypts the caseload; the desk goes on working, and
//! after a restart only the new passphrase opens the file.

use crate::harness::Desk;
use crate::webdriver::Session;
use crate::{shot, try_unlock, type_into, wait_text};
use doyak_app::{NewCaseload, Passphrase, SystemClock};
use std::sync::Arc;

const OLD: &str = "처음 정한 암호 1234";
const NEW: &str = "새로 바꾼 암호 5678";

fn fill(s: &Session, current: &str, new: &str, confirm: &str) {
    type_into(s, "#p-current", current);
    type_into(s, "#p-new", new);
    type_into(s, "#p-confirm", confirm);
    s.click(&s.find("#passphrase-submit").unwrap()).unwrap();
}

#[test]
fn change_the_passphrase_in_its_dialog_and_reopen_with_the_new_one() {
    let desk = Desk::start();
    // A caseload with a passphrase of the counselor's own (the demo's is fixed).
    let path = desk.caseload();
    doyak_app::Desk::create(
        &path,
        &Passphrase::new(OLD),
        &NewCaseload {
            center_name: "안산고용복지플러스센터".into(),
            center_sigungu: Some("41273".into()),
        },
        Arc::new(SystemClock),
    )
    .unwrap();
    let args = vec!["--db".to_owned(), path.display().to_string()];
    let s = Session::start(&desk.url, &desk.app, &args).expect("the desk starts");
    assert_eq!(try_unlock(&s, OLD), "");

    s.click(&s.find("#passphrase-open").unwrap()).unwrap();
    wait_text(&s, "#passphrase-title", "암호 변경");
    fill(&s, OLD, "짧은암호", "다른암호");
    wait_text(&s, "#p-new-error", "8자 이상");
    wait_text(&s, "#p-confirm-error", "다릅니다");
    shot(&s, "18-passphrase-form-invalid");
    fill(&s, "틀린 현재 암호", NEW, NEW);
    wait_text(&s, "#p-current-error", "현재 암호가 맞지 않습니다");
    fill(&s, OLD, NEW, NEW);
    wait_text(&s, "#passphrase-done", "암호를 바꿨습니다");
    shot(&s, "19-passphrase-changed");
    s.click(&s.find("#passphrase-close").unwrap()).unwrap();

    // The desk goes on: the list (writer) and 오늘 할 일 (reader) answer.
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    wait_text(&s, "#seeker-count", "명");
    s.click(&s.find("#nav-today").unwrap()).unwrap();
    wait_text(&s, "#today-title", "오늘 할 일");
    s.quit().unwrap();
    let files: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        doyak_app::Desk::open(&path, &Passphrase::new(NEW), Arc::new(SystemClock)).is_ok(),
        "the file on disk has the new passphrase: {files:?}"
    );

    let s = Session::start(&desk.url, &desk.app, &args).expect("the desk starts again");
    let refused = try_unlock(&s, OLD);
    assert!(
        refused.contains("암호가 맞지 않"),
        "the old passphrase no longer opens the file: {refused:?}"
    );
    assert_eq!(try_unlock(&s, NEW), "", "the new one does");
    s.quit().unwrap();
}
