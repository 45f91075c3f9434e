//! 복원 on 가져오기·내보내기: a backup made on the desk, newer work after it,
//! a restore refused under the file field until the counselor ticks that
//! the newer work may be lost, then done: the replaced file kept beside
//! the caseload, and the desk working on the restored one without being
//! unlocked again.

use crate::{Desk, click, open_demo, shot, type_into, wait_text};
use serde_json::json;

#[test]
fn a_backup_replaces_newer_work_only_once_the_loss_is_accepted() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    click(&s, "#nav-data");
    type_into(&s, "#backup-passphrase", "demo");
    click(&s, "#backup-run");
    let made = wait_text(&s, "#backup-outcome", "백업했습니다");
    // "백업했습니다 (기록 N건): <path>"
    let backup = made
        .split_once("): ")
        .map(|(_, p)| p.trim().to_owned())
        .expect("the outcome names the file");
    assert!(std::path::Path::new(&backup).is_file(), "{backup} exists");

    // Work the backup lacks: the center's idle time changed to 15 minutes.
    type_into(&s, "#autolock-minutes", "15");
    click(&s, "#autolock-save");
    wait_text(&s, "#autolock-outcome", "15분 동안");

    type_into(&s, "#restore-path", &backup);
    type_into(&s, "#restore-passphrase", "demo");
    click(&s, "#restore-run");
    wait_text(&s, "#restore-path-error", "백업에 없는 작업이 있습니다");
    s.script(
        "document.getElementById('restore-title').scrollIntoView({block: 'start'});",
        json!([]),
    )
    .unwrap();
    shot(&s, "77-restore-refused");
    let aside = || {
        std::fs::read_dir(desk.caseload().parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".before-restore-"))
            .count()
    };
    assert_eq!(aside(), 0, "a refused restore sets nothing aside");

    type_into(&s, "#restore-passphrase", "demo");
    click(&s, "#restore-replace-newer");
    click(&s, "#restore-run");
    wait_text(&s, "#restore-outcome", "복원했습니다");
    wait_text(&s, "#restore-outcome", ".before-restore-");
    shot(&s, "78-restored");
    assert_eq!(aside(), 1, "the replaced caseload is kept beside it");

    // The desk works on the restored file at once: the idle time is the
    // backup's again (a fresh look at the panel), and the seekers are there.
    click(&s, "#nav-seekers");
    wait_text(&s, "#seeker-count", "600명");
    click(&s, "#nav-data");
    s.wait("the backup's idle time", || {
        let v = s.script(
            "const el = document.getElementById('autolock-minutes'); return el ? el.value : '';",
            json!([]),
        )?;
        Ok((v == json!("10")).then_some(()))
    })
    .unwrap();
}
