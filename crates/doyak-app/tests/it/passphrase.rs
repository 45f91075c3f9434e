//! 암호 변경 through the use case the desk and `doyak passphrase` call: the
//! form's rules (right current passphrase, 8+ characters, typed twice),
//! wrong current passphrases throttled like wrong unlocks, and the desk's
//! read-only view reopened on the new passphrase.

use crate::*;
use doyak_app::unlock::UnlockGuard;
use doyak_app::{AppError, Desk, PassphraseChangeForm};
use std::time::Instant;

const NEW: &str = "새로 정한 암호 2027";

fn form(current: &str, new: &str, confirm: &str) -> PassphraseChangeForm {
    PassphraseChangeForm {
        current: current.into(),
        new: new.into(),
        confirm: confirm.into(),
    }
}

fn fields(e: &AppError) -> Vec<(String, String)> {
    e.field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.message.clone()))
        .collect()
}

fn with_seeker() -> (Fixture, std::path::PathBuf) {
    let mut fx = new_desk();
    let mut seeker = fx.desk.new_seeker_form();
    seeker.name = "암호변경확인".into();
    fx.desk.save_seeker_form(&seeker).unwrap();
    let path = fx.desk.store().path().to_owned();
    (fx, path)
}

#[test]
fn the_new_passphrase_opens_the_caseload_and_the_old_one_no_longer_does() {
    let (mut fx, path) = with_seeker();
    let before = fx.desk.summary().unwrap();
    let device = fx.desk.store().device_id().unwrap();
    fx.desk.change_passphrase(&form(PASS, NEW, NEW)).unwrap();
    assert_eq!(fx.desk.summary().unwrap(), before, "the open desk goes on");
    drop(fx.desk);

    let err = Desk::open(&path, &Passphrase::new(PASS), clock()).unwrap_err();
    assert_eq!(
        err.code(),
        "store.wrong_passphrase",
        "the old one is refused"
    );
    let desk = Desk::open(&path, &Passphrase::new(NEW), clock()).unwrap();
    assert_eq!(
        desk.summary().unwrap(),
        before,
        "records and outbox are kept"
    );
    assert_eq!(desk.store().device_id().unwrap(), device, "same device");
}

#[test]
fn every_problem_with_the_form_is_a_korean_field_error_and_nothing_changes() {
    let (mut fx, path) = with_seeker();
    let cases = [
        (
            form("틀린 현재 암호", NEW, NEW),
            vec![("current", "현재 암호가 맞지 않습니다")],
        ),
        // Seven characters, Korean ones counted as one each.
        (
            form(PASS, "일곱글자암호다", "일곱글자암호다"),
            vec![("new", "8자 이상")],
        ),
        (
            form(PASS, NEW, "다른 확인 암호"),
            vec![("confirm", "다릅니다")],
        ),
        (form(PASS, PASS, PASS), vec![("new", "현재 암호와 다른")]),
        (
            form("", "짧음", ""),
            vec![
                ("current", "맞지 않습니다"),
                ("new", "8자 이상"),
                ("confirm", "다릅니다"),
            ],
        ),
    ];
    for (f, want) in cases {
        let err = fx.desk.change_passphrase(&f).unwrap_err();
        assert_eq!(err.code(), "input.invalid", "{f:?}");
        let got = fields(&err);
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((field, message), (want_field, want_text)) in got.iter().zip(&want) {
            assert_eq!(field, want_field);
            assert!(message.contains(want_text), "{field}: {message}");
        }
    }
    drop(fx.desk);
    Desk::open(&path, &Passphrase::new(PASS), clock()).expect("nothing changed");
}

/// The desk's command: the reader beside the writer is closed for the
/// change and reopened on the new passphrase; wrong current passphrases
/// make the next try wait, as at unlock.
#[test]
fn the_desk_change_reopens_its_reader_and_throttles_wrong_current_passphrases() {
    let (fx, path) = with_seeker();
    drop(fx.desk);
    let (mut desk, reader) =
        Desk::open_with_reader(&path, &Passphrase::new(PASS), clock()).unwrap();
    let mut reader = reader;
    assert!(reader.is_some());
    let mut guard = UnlockGuard::default();
    let now = Instant::now();

    for _ in 0..doyak_app::unlock::FREE_TRIES {
        let err = desk
            .change_passphrase_beside(&mut reader, &mut guard, now, &form("틀림", NEW, NEW))
            .unwrap_err();
        assert_eq!(fields(&err)[0].0, "current");
        assert!(reader.is_some(), "a refused form leaves the reader open");
    }
    let err = desk
        .change_passphrase_beside(&mut reader, &mut guard, now, &form(PASS, NEW, NEW))
        .unwrap_err();
    assert_eq!(
        err.code(),
        "desk.unlock_wait",
        "after three wrong tries even the right one waits"
    );
    // The wait is measured on the injected instant, not the wall clock.
    let later = now + std::time::Duration::from_secs(61);
    desk.change_passphrase_beside(&mut reader, &mut guard, later, &form(PASS, NEW, NEW))
        .unwrap();
    let reader = reader.expect("the reader is open again");
    let mut seeker = desk.new_seeker_form();
    seeker.name = "변경후등록".into();
    desk.save_seeker_form(&seeker).unwrap();
    assert_eq!(
        reader.summary().unwrap().seekers,
        2,
        "the reopened reader reads the new file, writes included"
    );
    assert_eq!(guard.failures(), 0, "a right passphrase clears the count");
}

#[test]
fn the_change_form_does_not_show_passphrases_in_debug_output() {
    let shown = format!("{:?}", form("비밀 하나", "비밀 둘셋넷", "비밀 둘셋넷"));
    assert!(!shown.contains("비밀"), "{shown}");
}
