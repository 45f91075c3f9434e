//! The server reads a center's 성과 as the desk does: a demo caseload,
//! with corrections written on two desks (a fork of one session, a
//! corrected placement, an action taken to 완료), synced to a server in
//! this process; every figure's total and month rows computed from the
//! server's records (`doyak_server::figures`) equal the desk's.

use crate::clock;
use crate::in_process::InProcess;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use doyak_app::sync::{SyncLimits, sync_store};
use doyak_app::{DEMO_PASSPHRASE, Desk, NewCaseload};
use doyak_domain::events::ActionStatus;
use doyak_domain::{CaseEvent, Center, Company, EventBody, Id, JobSeeker};
use doyak_kpi::{Cell, Period, compute};
use doyak_server::model::DeviceRow;
use doyak_server::national::Scope;
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_store::{Passphrase, Store, WriteContext};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap()
}

fn enroll(service: &SyncService, store: &Store, center: Id) -> DeviceRow {
    crate::in_process::enroll(service, center.as_uuid(), store.device_id().unwrap(), now())
}

fn sync(service: &SyncService, store: &mut Store, device: &DeviceRow) {
    let mut net = InProcess {
        service,
        device,
        now: now(),
    };
    sync_store(store, &mut net, &now, SyncLimits::default(), &mut |_| {}).unwrap();
}

/// A correction of `e` written by `author` at `at`.
fn correction(e: &CaseEvent, body: EventBody, on: NaiveDate, at: DateTime<Utc>) -> CaseEvent {
    static SERIAL: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);
    let n = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    CaseEvent {
        id: Id::new_v7(u64::try_from(at.timestamp_millis()).unwrap(), [n; 10]),
        supersedes: Some(e.id),
        recorded_at: Some(at),
        occurred_on: on,
        body,
        ..e.clone()
    }
}

/// The first event of a seeker or firm that `pick` takes.
fn find<R: doyak_domain::SharedRecord>(
    store: &Store,
    subject: impl Fn(&R) -> Id,
    pick: impl Fn(&CaseEvent) -> bool,
) -> CaseEvent {
    let mut found = None;
    store
        .for_each::<R>(|r| {
            if found.is_none() {
                found = store.events_of(subject(&r))?.into_iter().find(|e| pick(e));
            }
            Ok(())
        })
        .unwrap();
    found.expect("the demo has one")
}

/// Every figure's total and month rows: (id, cut key, n, value).
fn cells(figures: &[doyak_kpi::Figure]) -> Vec<(String, String, u32, Option<String>)> {
    let row = |id: &str, c: &Cell| {
        (
            id.to_owned(),
            c.key.clone(),
            c.n,
            c.value.map(|v| format!("{v:.6}")),
        )
    };
    let mut out = Vec::new();
    for f in figures {
        out.push(row(f.definition.id, &f.total));
        for t in f.cuts.iter().filter(|t| t.cut == doyak_kpi::Cut::Month) {
            out.extend(t.rows.iter().map(|c| row(f.definition.id, c)));
        }
    }
    out
}

#[test]
fn the_server_reads_every_figure_as_the_desk_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.doyak");
    let mut made = Desk::create_demo(
        &path,
        &NewCaseload {
            center_name: "도약 데모센터".into(),
            center_sigungu: Some("41273".into()),
        },
        clock(),
    )
    .unwrap();
    let spec = made.demo_spec(200, 30, 11).unwrap();
    made.generate_demo(&spec, &mut |_, _| {}).unwrap();
    let center_id = made.center_id();
    let center = Center {
        id: center_id,
        name: made.center_name().to_owned(),
        sigungu: None,
    };
    drop(made);

    let service = SyncService::new(
        Storage::Sqlite(SqliteStorage::in_memory().unwrap()),
        ServiceConfig::default(),
    );
    service
        .put_center(center.id.as_uuid(), &center.name)
        .unwrap();
    let pass = Passphrase::new(DEMO_PASSPHRASE);
    let mut a = Store::open(&path, &pass).unwrap();
    let a_device = enroll(&service, &a, center.id);
    sync(&service, &mut a, &a_device);
    let ctx = WriteContext::new(now(), "b");
    let mut b = Store::create(&dir.path().join("b.doyak"), &pass, &center, &ctx).unwrap();
    let b_device = enroll(&service, &b, center.id);
    sync(&service, &mut b, &b_device);

    // Both desks correct one session from the same version: two current
    // versions of one chain, counted once (the one written last).
    let session = find::<JobSeeker>(
        &a,
        |s| s.id,
        |e| matches!(e.body, EventBody::CounselingSession { .. }),
    );
    let with_minutes = |minutes| match &session.body {
        EventBody::CounselingSession {
            mode,
            content,
            next_step,
            next_on,
            ..
        } => EventBody::CounselingSession {
            minutes,
            mode: *mode,
            content: content.clone(),
            next_step: next_step.clone(),
            next_on: *next_on,
        },
        _ => unreachable!(),
    };
    let (t1, t2) = (now() - Duration::hours(2), now() - Duration::hours(1));
    let on = session.occurred_on;
    a.write(&ctx, |w| {
        w.append(&correction(&session, with_minutes(90), on, t1))
    })
    .unwrap();
    b.write(&ctx, |w| {
        w.append(&correction(&session, with_minutes(20), on, t2))
    })
    .unwrap();
    // A placement moved to another day (a different month).
    let placement = find::<JobSeeker>(
        &a,
        |s| s.id,
        |e| matches!(e.body, EventBody::Placement { .. }),
    );
    let moved = placement.occurred_on - Duration::days(40);
    a.write(&ctx, |w| {
        w.append(&correction(&placement, placement.body.clone(), moved, t1))
    })
    .unwrap();
    // An action planned, then done on two later days.
    let action = find::<Company>(
        &a,
        |c| c.id,
        |e| matches!(e.body, EventBody::CompanyAction { .. }),
    );
    let status = |s| match &action.body {
        EventBody::CompanyAction {
            kind,
            subsidy,
            description,
            ..
        } => EventBody::CompanyAction {
            kind: *kind,
            subsidy: subsidy.clone(),
            description: description.clone(),
            owner: None,
            due_on: None,
            status: Some(s),
            follow_up_on: None,
            vacancy_id: None,
            result: None,
        },
        _ => unreachable!(),
    };
    let done_once = correction(
        &action,
        status(ActionStatus::Done),
        action.occurred_on + Duration::days(3),
        t1,
    );
    let done_twice = correction(
        &done_once,
        status(ActionStatus::Done),
        action.occurred_on + Duration::days(9),
        t2,
    );
    a.write(&ctx, |w| {
        w.append(&done_once)?;
        w.append(&done_twice)
    })
    .unwrap();
    for _ in 0..2 {
        sync(&service, &mut a, &a_device);
        sync(&service, &mut b, &b_device);
    }
    drop(a);

    let desk = Desk::open(&path, &pass, clock()).unwrap();
    let records = service.records(center.id.as_uuid()).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut compared = 0;
    for (from, to) in [
        ("2025-01", "2026-11"),
        ("2026-09", "2026-09"),
        ("2026-06", "2026-08"),
    ] {
        let period = Period::months(from, to, today).unwrap();
        let here = desk.kpi_caseload(period.from, period.to).unwrap();
        let there = doyak_server::figures::caseload(&records, period.from, period.to);
        let (mine, theirs) = (
            cells(&compute(&here, period)),
            cells(&compute(&there, period)),
        );
        assert_eq!(mine.len(), theirs.len(), "{from}..{to}");
        for (d, s) in mine.iter().zip(&theirs) {
            assert_eq!(d, s, "{from}..{to}: desk left, server right");
        }
        compared += mine.iter().filter(|c| c.2 > 0).count();
    }
    assert!(
        compared > 100,
        "figures with units were compared: {compared}"
    );

    // The national answer, month by month: one center is its region and
    // the nation, so a figure resting on 5 or more units reads as the
    // desk's, and one on 1–4 is hidden everywhere.
    let answer = service
        .figures(&Scope::National, "2026-09", "2026-10", today)
        .unwrap();
    let mut shown = 0;
    for month in ["2026-09", "2026-10"] {
        let period = Period::months(month, month, today).unwrap();
        let here = desk.kpi_caseload(period.from, period.to).unwrap();
        for f in compute(&here, period) {
            if doyak_server::national::NOT_NATIONAL.contains(&f.definition.id) {
                assert!(
                    answer.national.iter().all(|c| c.figure != f.definition.id),
                    "a running total is not answered month by month"
                );
                continue;
            }
            let national = answer
                .national
                .iter()
                .find(|c| c.month == month && c.figure == f.definition.id)
                .expect("every figure of every month");
            let center = answer
                .by_center
                .iter()
                .find(|c| c.cell.month == month && c.cell.figure == f.definition.id);
            match f.total.n {
                0 => assert_eq!(national.n, Some(0), "{month} {}", f.definition.id),
                1..=4 => {
                    assert_eq!(national.n, None, "{month} {}", f.definition.id);
                    assert!(center.is_none_or(|c| c.cell.n.is_none()));
                }
                n => {
                    shown += 1;
                    assert_eq!(national.n, Some(n), "{month} {}", f.definition.id);
                    assert_eq!(national.value, f.total.value, "{month} {}", f.definition.id);
                    let c = center.expect("the center's row");
                    assert_eq!(
                        (c.center_id, c.cell.value),
                        (center_id.as_uuid(), f.total.value)
                    );
                }
            }
        }
    }
    assert!(shown > 10, "figures on 5 or more units were shown: {shown}");
}
