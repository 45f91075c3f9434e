//! 센터 설정 through a server in this process: the idle time and the
//! retention periods one desk sets reach the center's other desks; two
//! desks that set one unseen end with the same value and both see the
//! dispute until it is set again; a desk's own settings from before are
//! carried over once; and each kind of ended case keeps its own period.

use crate::desk::draft;
use crate::in_process::InProcess;
use crate::*;
use chrono::{TimeZone, Utc};
use doyak_app::AppError;
use doyak_app::sync::{SyncLimits, sync_target};
use doyak_domain::privacy::{RetentionKind, RetentionRule};
use doyak_domain::{Center, JobSeeker, SeekerStatus};
use doyak_server::model::DeviceRow;
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_store::{Setting, Store, WriteContext};
use std::sync::Mutex;

fn at(minute: u32) -> Arc<FixedClock> {
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2026, 11, 25, 0, minute, 0).unwrap(),
    ))
}

struct Server {
    service: SyncService,
    center: Center,
}

/// One desk of the center: its caseload open behind the mutex the window
/// uses (so a sync goes through the same path), and its enrolment.
struct Desk2 {
    slot: Mutex<Option<Desk>>,
    device: DeviceRow,
    _dir: tempfile::TempDir,
}

impl Desk2 {
    fn with<T>(&self, f: impl FnOnce(&mut Desk) -> T) -> T {
        f(self.slot.lock().unwrap().as_mut().unwrap())
    }
}

impl Server {
    fn new() -> Server {
        let service = SyncService::new(
            Storage::Sqlite(SqliteStorage::in_memory().unwrap()),
            ServiceConfig::default(),
        );
        let center = Center {
            id: doyak_domain::Id::from(uuid::Uuid::now_v7()),
            name: "안산고용복지플러스센터".into(),
            sigungu: None,
        };
        service
            .put_center(center.id.as_uuid(), &center.name)
            .unwrap();
        Server { service, center }
    }

    /// A new desk of the center, on its own clock.
    fn desk(&self, clock: Arc<FixedClock>) -> Desk2 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("caseload.doyak");
        let pass = Passphrase::new(PASS);
        let now = clock.0;
        let store =
            Store::create(&path, &pass, &self.center, &WriteContext::new(now, "local")).unwrap();
        let device = crate::in_process::enroll(
            &self.service,
            self.center.id.as_uuid(),
            store.device_id().unwrap(),
            now,
        );
        drop(store);
        let desk = Desk::open(&path, &pass, clock).unwrap();
        Desk2 {
            slot: Mutex::new(Some(desk)),
            device,
            _dir: dir,
        }
    }

    fn sync(&self, desk: &Desk2) {
        let now = desk.with(|d| d.clock().now());
        let mut net = InProcess {
            service: &self.service,
            device: &desk.device,
            now,
        };
        sync_target(
            &mut &desk.slot,
            &mut net,
            &|| now,
            SyncLimits::default(),
            &mut |_| {},
        )
        .unwrap();
    }
}

fn closed_rule(desk: &Desk2) -> doyak_app::RetentionSetting {
    desk.with(|d| d.retention_settings().unwrap())
        .into_iter()
        .find(|r| r.kind == "closed")
        .unwrap()
}

#[test]
fn a_setting_made_on_one_desk_is_in_force_on_the_others_after_sync() {
    let server = Server::new();
    let a = server.desk(at(0));
    let b = server.desk(at(0));
    // Until the center sets them: ten minutes, and Doyak's default period
    // marked unconfirmed (the screens say 확인 필요).
    assert_eq!(b.with(|d| d.auto_lock_minutes().unwrap()), 10);
    let default = closed_rule(&b);
    assert!(!default.confirmed && default.set_by.is_none());

    a.with(|d| d.set_auto_lock_minutes(3).unwrap());
    a.with(|d| {
        d.set_retention_rule(Some(RetentionKind::Closed), 2, "센터 처리방침 제7조")
            .unwrap()
    });
    assert_eq!(
        b.with(|d| d.auto_lock_minutes().unwrap()),
        10,
        "nothing travels before a sync"
    );
    server.sync(&a);
    server.sync(&b);
    let lock = b.with(|d| d.auto_lock_setting().unwrap());
    assert_eq!(lock.minutes, 3);
    assert!(lock.disputed.is_empty());
    assert!(lock.set_by.is_some(), "says who set it and when");
    let closed = closed_rule(&b);
    assert_eq!(
        (closed.years, closed.basis.as_str(), closed.confirmed),
        (2, "센터 처리방침 제7조", true)
    );
    // Only that kind: the others keep the default.
    let employed = b
        .with(|d| d.retention_rule(RetentionKind::Employed))
        .unwrap();
    assert_eq!(employed, RetentionRule::doyak_default());

    // Setting the value in force again writes nothing (no version, no
    // audit entry, nothing to sync).
    let pending = a.with(|d| d.store().pending_changes().unwrap());
    a.with(|d| d.set_auto_lock_minutes(3).unwrap());
    assert_eq!(a.with(|d| d.store().pending_changes().unwrap()), pending);
}

#[test]
fn two_desks_setting_it_unseen_agree_and_show_the_dispute_until_it_is_set_again() {
    let server = Server::new();
    let a = server.desk(at(0));
    // B's clock reads five minutes later; that does not decide.
    let b = server.desk(at(5));
    a.with(|d| d.set_auto_lock_minutes(5).unwrap());
    b.with(|d| d.set_auto_lock_minutes(15).unwrap());
    server.sync(&a);
    server.sync(&b);
    server.sync(&a);
    for desk in [&a, &b] {
        let s = desk.with(|d| d.auto_lock_setting().unwrap());
        // The safer value on both desks, though B's was written later.
        assert_eq!(s.minutes, 5, "the shorter idle time");
        assert_eq!(s.disputed.len(), 1, "{s:?}");
        assert!(s.disputed[0].starts_with("15분"), "{:?}", s.disputed);
    }
    // A sets it again: the new version replaces both, on every desk.
    a.with(|d| d.set_auto_lock_minutes(7).unwrap());
    server.sync(&a);
    server.sync(&b);
    for desk in [&a, &b] {
        let s = desk.with(|d| d.auto_lock_setting().unwrap());
        assert_eq!((s.minutes, s.disputed.len()), (7, 0));
    }
    // The audit says what this desk did, from the value in force.
    let trail = a.with(|d| d.store().audit_trail(None).unwrap());
    assert!(
        trail.iter().any(|e| e.detail == "자동 잠금 5분 → 7분"),
        "{trail:?}"
    );
}

#[test]
fn settings_a_desk_kept_for_itself_become_the_centers_once() {
    let mut fx = new_desk();
    let before = fx.desk.store().pending_changes().unwrap();
    let path = fx.desk.store().path().to_owned();
    drop(fx.desk);
    {
        // As a desk of the last release left them.
        let mut store = Store::open(&path, &Passphrase::new(PASS)).unwrap();
        store
            .set_setting(Setting::LegacyAutoLockMinutes, "4")
            .unwrap();
        store
            .set_setting(
                Setting::LegacyRetentionRule,
                r#"{"years":3,"basis":"처리방침 제7조","confirmed":true}"#,
            )
            .unwrap();
    }
    fx.desk = Desk::open(&path, &Passphrase::new(PASS), clock()).unwrap();
    assert_eq!(fx.desk.auto_lock_minutes().unwrap(), 4);
    for kind in RetentionKind::ALL {
        let rule = fx.desk.retention_rule(kind).unwrap();
        assert_eq!((rule.years, rule.basis.as_str()), (3, "처리방침 제7조"));
    }
    assert_eq!(
        fx.desk
            .store()
            .setting(Setting::LegacyAutoLockMinutes)
            .unwrap(),
        None,
        "the desk's copy is gone"
    );
    // Four versions to send (one idle time, three periods); opening again
    // writes none.
    let pending = fx.desk.store().pending_changes().unwrap();
    assert_eq!(pending - before, 4);
    drop(fx.desk);
    fx.desk = Desk::open(&path, &Passphrase::new(PASS), clock()).unwrap();
    assert_eq!(fx.desk.store().pending_changes().unwrap(), pending);
}

#[test]
fn settings_out_of_range_are_refused_in_korean_with_nothing_written() {
    let mut fx = new_desk();
    let before = fx.desk.store().pending_changes().unwrap();
    for bad in [0, 61, u32::MAX] {
        match fx.desk.set_auto_lock_minutes(bad) {
            Err(AppError::Invalid(errors)) => {
                assert_eq!(errors[0].field, "minutes");
                assert!(errors[0].message.contains("1~60분"));
            }
            other => panic!("{bad} minutes accepted: {other:?}"),
        }
    }
    match fx
        .desk
        .set_retention_rule(Some(RetentionKind::Deleted), 0, "  ")
    {
        Err(AppError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, ["years", "basis"]);
        }
        other => panic!("accepted: {other:?}"),
    }
    assert!(matches!(
        doyak_app::center_settings::parse_retention_kind("archived"),
        Err(AppError::Invalid(_))
    ));
    assert_eq!(fx.desk.store().pending_changes().unwrap(), before);
}

#[test]
fn each_kind_of_ended_case_is_kept_for_its_own_period() {
    // Cases ended on 2023-11-25 (three years before the tests' today).
    let fx = new_desk();
    let path = fx.desk.store().path().to_owned();
    drop(fx.desk);
    let then = Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2023, 11, 25, 0, 0, 0).unwrap(),
    ));
    let mut old = Desk::open(&path, &Passphrase::new(PASS), then).unwrap();
    let ended = |d: &mut Desk, name: &str, status: SeekerStatus| -> JobSeeker {
        let mut s = draft(name);
        s.status = status;
        d.create_seeker(s).unwrap()
    };
    let employed = ended(&mut old, "가취업", SeekerStatus::Employed);
    let closed = ended(&mut old, "나종료", SeekerStatus::Closed);
    let deleted = ended(&mut old, "다삭제", SeekerStatus::JobSearch);
    drop(old);
    {
        let mut store = Store::open(&path, &Passphrase::new(PASS)).unwrap();
        let ctx = WriteContext::new(Utc.with_ymd_and_hms(2023, 11, 25, 0, 0, 0).unwrap(), "t");
        store
            .write(&ctx, |w| w.delete::<JobSeeker>(deleted.id))
            .unwrap();
    }
    let mut d = Desk::open(&path, &Passphrase::new(PASS), clock()).unwrap();
    // Employed cases are kept five years, the others two: only the
    // closed and the deleted one are past their period (ended three years
    // ago), each under its own kind.
    d.set_retention_rule(Some(RetentionKind::Employed), 5, "처리방침 제7조 1항")
        .unwrap();
    d.set_retention_rule(Some(RetentionKind::Closed), 2, "처리방침 제7조 2항")
        .unwrap();
    d.set_retention_rule(Some(RetentionKind::Deleted), 2, "처리방침 제7조 3항")
        .unwrap();
    let mut due: Vec<(String, RetentionKind, String)> = d
        .run_retention(false)
        .unwrap()
        .due
        .into_iter()
        .map(|r| (r.seeker_id, r.kind, r.ends_on))
        .collect();
    due.sort();
    let mut want = vec![
        (
            closed.id.to_string(),
            RetentionKind::Closed,
            "2025-11-25".to_owned(),
        ),
        (
            deleted.id.to_string(),
            RetentionKind::Deleted,
            "2025-11-25".to_owned(),
        ),
    ];
    want.sort();
    assert_eq!(due, want);
    // The employed case ends 2028-11-25: not within 30 days either.
    assert!(
        d.retention_due(30)
            .unwrap()
            .iter()
            .all(|r| r.seeker_id != employed.id.to_string())
    );
    // The run destroys the two and names the kind's rule as its reason.
    let run = d.run_retention(true).unwrap();
    assert_eq!(run.destroyed.len(), 2);
    let page = d.privacy_view(&closed.id.to_string()).unwrap();
    let shown = page.destroyed.unwrap().reason;
    assert!(
        shown.contains("취업 없이 종료된 사례: 2년: 처리방침 제7조 2항"),
        "{shown}"
    );
}

#[test]
fn a_desks_old_setting_carried_over_after_the_center_set_one_never_loosens_it() {
    let server = Server::new();
    let a = server.desk(at(0));
    let b = server.desk(at(30));
    a.with(|d| d.set_auto_lock_minutes(5).unwrap());
    server.sync(&a);
    // B, not yet synced, is upgraded from a release that kept 30 minutes
    // on the desk itself (its clock is even later than A's).
    let path = b.with(|d| d.store().path().to_owned());
    let clock_b = at(30);
    *b.slot.lock().unwrap() = None;
    {
        let mut store = Store::open(&path, &Passphrase::new(PASS)).unwrap();
        store
            .set_setting(Setting::LegacyAutoLockMinutes, "30")
            .unwrap();
    }
    *b.slot.lock().unwrap() = Some(Desk::open(&path, &Passphrase::new(PASS), clock_b).unwrap());
    assert_eq!(b.with(|d| d.auto_lock_minutes().unwrap()), 30);
    server.sync(&b);
    server.sync(&a);
    for desk in [&a, &b] {
        let s = desk.with(|d| d.auto_lock_setting().unwrap());
        assert_eq!(s.minutes, 5, "the center's shorter time stays in force");
        assert_eq!(s.disputed.len(), 1, "and the old value is shown: {s:?}");
    }
}
