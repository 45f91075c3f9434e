//! 복원 as the desk asks it: the checks answer while the caseload is still
//! open and change no file (so a refused restore never closes it), the
//! refusal names the desk's check box rather than the command line's flag,
//! and a restore done is in the restored caseload's audit log.

use crate::desk::draft;
use crate::*;
use doyak_app::{RestoreFrom, check_restore, restore_caseload};

/// The files in `dir`, by name, sorted.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_checks_run_with_the_caseload_open_and_the_restore_is_audited() {
    let mut f = new_desk();
    let pass = Passphrase::new(PASS);
    let target = f.desk.store().path().to_owned();
    f.desk.create_seeker(draft("김백업")).unwrap();
    let saved = tempfile::tempdir().unwrap();
    let backup = saved.path().join("도약-백업.doyak");
    let made = f.desk.backup_to(&backup, &pass).unwrap();
    // Work after the backup: the backup lacks it.
    f.desk.create_seeker(draft("이나중")).unwrap();
    let before = names(f._dir.path());

    let wrong = check_restore(
        &backup,
        &target,
        &Passphrase::new("다른 암호 문장"),
        false,
        RestoreFrom::Desk,
    )
    .unwrap_err();
    assert_eq!(wrong.code(), "store.wrong_passphrase", "{wrong:?}");

    let newer = check_restore(&backup, &target, &pass, false, RestoreFrom::Desk).unwrap_err();
    let message = &newer.field_errors()[0];
    assert_eq!(message.field, "backup");
    assert!(
        message
            .message
            .contains("'백업에 없는 작업을 잃어도 복원합니다'를 선택"),
        "the desk's words: {}",
        message.message
    );
    assert!(
        !message.message.contains("--replace-newer"),
        "{}",
        message.message
    );

    // A backup that does not open with the caseload's passphrase, and one
    // that is not there: said under the file field, not as a wrong try.
    let other = tempfile::tempdir().unwrap();
    let foreign = Desk::create(
        &other.path().join("다른.doyak"),
        &Passphrase::new("다른 암호 문장"),
        &doyak_app::NewCaseload {
            center_name: "다른센터".into(),
            center_sigungu: None,
        },
        clock(),
    )
    .unwrap();
    drop(foreign);
    let not_ours = check_restore(
        &other.path().join("다른.doyak"),
        &target,
        &pass,
        true,
        RestoreFrom::Desk,
    )
    .unwrap_err();
    assert_eq!(not_ours.code(), "input.invalid", "{not_ours:?}");
    assert!(
        not_ours.field_errors()[0]
            .message
            .contains("지금 사례관리 암호로 열리지 않습니다"),
        "{not_ours:?}"
    );
    let missing = check_restore(
        &saved.path().join("없는.doyak"),
        &target,
        &pass,
        true,
        RestoreFrom::Desk,
    )
    .unwrap_err();
    assert_eq!(missing.field_errors()[0].field, "backup");
    assert!(
        missing.field_errors()[0]
            .message
            .starts_with("백업 파일이 없습니다")
    );

    // Accepting the loss passes the checks; the backup holds one seeker's
    // records. Nothing was moved or written beside the caseload, and it is
    // still open and writable.
    let summary = check_restore(&backup, &target, &pass, true, RestoreFrom::Desk).unwrap();
    assert_eq!(
        summary.records, made.records,
        "the backup's records, not the caseload's (it has a seeker more)"
    );
    assert_eq!(names(f._dir.path()), before, "the checks touch no file");
    f.desk.create_seeker(draft("박계속")).unwrap();
    assert_eq!(f.desk.summary().unwrap().seekers, 3);

    // The command line's refusal keeps its flag.
    let cli = check_restore(&backup, &target, &pass, false, RestoreFrom::CommandLine).unwrap_err();
    assert!(cli.field_errors()[0].message.contains("--replace-newer"));

    let Fixture { _dir: dir, desk } = f;
    drop(desk);
    let done =
        restore_caseload(&backup, &target, &pass, true, RestoreFrom::Desk, &*clock()).unwrap();
    let kept = done.kept.clone().expect("the replaced file is kept");
    assert!(kept.exists());
    let mut desk = Desk::open(&target, &pass, clock()).unwrap();
    assert_eq!(
        desk.summary().unwrap().seekers,
        1,
        "back to the backup's one"
    );
    desk.log_restore(&backup, &done).unwrap();
    let last = desk.store().audit_trail(None).unwrap().pop().unwrap();
    assert_eq!(last.action, "import");
    assert!(
        last.detail.starts_with("복원 도약-백업.doyak"),
        "{}",
        last.detail
    );
    assert!(
        last.detail
            .contains(&kept.file_name().unwrap().to_string_lossy().into_owned()),
        "{}",
        last.detail
    );
    drop(dir);
}
