//! 자동 백업: one a day into the folder picked, the oldest automatic ones
//! beyond the number kept deleted, nothing else in the folder touched, a
//! backup that opens with the caseload's passphrase, and a failure kept
//! for the screen.

use crate::*;
use chrono::{DateTime, Duration, Utc};
use doyak_app::{AutoBackupForm, AutoBackupRun, Clock, Desk};
use std::sync::Mutex;

/// A clock the test moves a day at a time.
struct DayClock(Mutex<DateTime<Utc>>);

impl Clock for DayClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
    fn today(&self) -> chrono::NaiveDate {
        (self.now() + Duration::hours(9)).date_naive()
    }
}

#[test]
fn one_backup_a_day_the_last_three_kept_and_nothing_else_touched() {
    let f = new_desk();
    let path = f.desk.store().path().to_owned();
    drop(f.desk);
    let start = clock().now();
    let days = Arc::new(DayClock(Mutex::new(start)));
    let mut desk = Desk::open(&path, &Passphrase::new(PASS), days.clone()).unwrap();
    let pass = Passphrase::new(PASS);

    // Off until a folder is set.
    assert_eq!(desk.run_auto_backup(&pass).unwrap(), AutoBackupRun::NotDue);
    let bad = desk
        .set_auto_backup(&AutoBackupForm {
            folder: "상대경로".into(),
            keep: 0,
        })
        .unwrap_err();
    let fields: Vec<&str> = bad
        .field_errors()
        .iter()
        .map(|e| e.field.as_str())
        .collect();
    assert_eq!(fields, ["folder", "keep"]);

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("백업");
    std::fs::create_dir_all(&folder).unwrap();
    // The counselor's own files in the folder, a 백업 made by hand, and
    // another laptop's automatic backups (a shared folder), one of today.
    for other in [
        "메모.txt",
        "도약-백업-2026-01-01.doyak",
        "도약-자동백업-ffffffff-2026-11-20.doyak",
        "도약-자동백업-ffffffff-2026-11-25.doyak",
    ] {
        std::fs::write(folder.join(other), b"keep me").unwrap();
    }
    desk.set_auto_backup(&AutoBackupForm {
        folder: folder.display().to_string(),
        keep: 3,
    })
    .unwrap();

    for day in 0..5 {
        *days.0.lock().unwrap() = start + Duration::days(day);
        match desk.run_auto_backup(&pass).unwrap() {
            AutoBackupRun::Made { path, .. } => assert!(path.exists()),
            other => panic!("day {day}: {other:?}"),
        }
        assert_eq!(
            desk.run_auto_backup(&pass).unwrap(),
            AutoBackupRun::NotDue,
            "one a day"
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let device: String = desk
        .store()
        .device_id()
        .unwrap()
        .to_string()
        .chars()
        .filter(|c| *c != '-')
        .take(8)
        .collect();
    let own = |day: &str| format!("도약-자동백업-{device}-2026-11-{day}.doyak");
    let mut want = vec![
        "도약-백업-2026-01-01.doyak".to_owned(),
        own("27"),
        own("28"),
        own("29"),
        "도약-자동백업-ffffffff-2026-11-20.doyak".to_owned(),
        "도약-자동백업-ffffffff-2026-11-25.doyak".to_owned(),
        "메모.txt".to_owned(),
    ];
    want.sort();
    assert_eq!(
        names, want,
        "this desk's days 3–5 kept, its two oldest gone; the other laptop's (one of day 1) and the rest untouched"
    );
    let facts = doyak_store::backup::inspect(&folder.join(own("29")), &pass).unwrap();
    assert_eq!(
        facts.center_name, "안산고용복지플러스센터",
        "it opens with the passphrase"
    );
    let view = desk.auto_backup().unwrap();
    assert!(!view.last_failed);
    assert!(view.last.unwrap().contains(&own("29")));

    // A folder that cannot be made: the failure is the error and is kept.
    desk.set_auto_backup(&AutoBackupForm {
        folder: folder.join("메모.txt").join("안").display().to_string(),
        keep: 3,
    })
    .unwrap();
    *days.0.lock().unwrap() = start + Duration::days(6);
    assert!(desk.run_auto_backup(&pass).is_err());
    let view = desk.auto_backup().unwrap();
    assert!(view.last_failed, "{view:?}");
    assert!(view.last.unwrap().contains("실패"));
}
