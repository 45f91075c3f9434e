//! 자동 잠금's setting: ten minutes until a center sets another, kept in the
//! caseload across a reopen, refused out of range in Korean with nothing
//! changed, and each change in the audit log with before and after.

use crate::*;
use doyak_app::AppError;
use doyak_app::autolock::DEFAULT_AUTO_LOCK_MINUTES;

#[test]
fn the_idle_time_is_ten_minutes_until_set_and_kept_across_a_reopen() {
    let mut f = new_desk();
    assert_eq!(DEFAULT_AUTO_LOCK_MINUTES, 10, "the issue's default");
    assert_eq!(f.desk.auto_lock_minutes().unwrap(), 10);
    let set = f.desk.set_auto_lock_minutes(3).unwrap();
    assert_eq!((set.minutes, set.min_minutes, set.max_minutes), (3, 1, 60));

    for bad in [0, 61, u32::MAX] {
        match f.desk.set_auto_lock_minutes(bad) {
            Err(AppError::Invalid(errors)) => {
                assert_eq!(errors[0].field, "minutes");
                assert!(
                    errors[0].message.contains("1~60분"),
                    "{}",
                    errors[0].message
                );
            }
            other => panic!("{bad} minutes accepted: {other:?}"),
        }
    }
    assert_eq!(
        f.desk.auto_lock_minutes().unwrap(),
        3,
        "a refusal changes nothing"
    );

    let trail = f.desk.store().audit_trail(None).unwrap();
    assert!(
        trail.iter().any(|e| e.detail == "자동 잠금 10분 → 3분"),
        "the change is audited with before and after: {trail:?}"
    );

    let path = f.desk.store().path().to_owned();
    drop(f.desk);
    let reopened =
        doyak_app::Desk::open(&path, &doyak_app::Passphrase::new(PASS), clock()).unwrap();
    assert_eq!(
        reopened.auto_lock_minutes().unwrap(),
        3,
        "kept in the caseload"
    );
}
