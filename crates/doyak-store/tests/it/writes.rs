//! Writes keep field versions, the outbox and the audit log in step.

use crate::*;
use doyak_domain::events::{CaseEvent, ContactMode, EventBody};
use doyak_store::{StoreError, UpdateOutcome};
use serde_json::Value;

#[test]
fn insert_update_delete_write_outbox_rows_with_base_versions() {
    let (_fx, mut store) = new_store();
    let center_rows = store.pending_changes().unwrap();
    assert_eq!(
        center_rows, 1,
        "creating the caseload queues its center record"
    );

    let mut s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    s.note = Some("야간 근무 어려움".into());
    s.max_commute_km = Some(20);
    let outcome = store.write(&ctx(), |w| w.update(&s)).unwrap();
    assert_eq!(
        outcome,
        UpdateOutcome::Changed(vec!["max_commute_km".into(), "note".into()])
    );
    assert_eq!(
        store.write(&ctx(), |w| w.update(&s)).unwrap(),
        UpdateOutcome::Unchanged
    );
    s.note = Some("주간 근무만 가능".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();

    let versions = store.field_versions::<JobSeeker>(s.id).unwrap().unwrap();
    assert_eq!(
        versions.get("note"),
        Some(&Value::from(3)),
        "note was set twice after insert (1 → 2 → 3)"
    );
    assert_eq!(versions.get("max_commute_km"), Some(&Value::from(2)));
    assert_eq!(
        versions.get("name"),
        None,
        "untouched fields stay at the implicit version 1"
    );

    let batch = store.outbox_entries(10).unwrap();
    let ops: Vec<&str> = batch.iter().map(|e| e.op.as_str()).collect();
    assert_eq!(
        ops,
        ["insert", "insert", "update", "update"],
        "center, seeker, two real updates; no row for the no-op"
    );
    let seqs: Vec<i64> = batch.iter().map(|e| e.seq).collect();
    assert_eq!(
        seqs,
        [1, 2, 3, 4],
        "per-device sequence numbers have no gaps"
    );
    let last: Value = serde_json::from_str(&batch[3].fields).unwrap();
    assert_eq!(
        last["note"]["base"],
        Value::from(2),
        "the second note edit was based on version 2"
    );
    assert_eq!(last["note"]["value"], Value::from("주간 근무만 가능"));
    assert!(
        batch.windows(2).all(|w| w[0].hlc < w[1].hlc),
        "clock stamps increase with the sequence"
    );
    assert!(
        batch
            .iter()
            .all(|e| e.schema_version == doyak_store::RECORD_SCHEMA)
    );

    store
        .write(&ctx(), |w| w.delete::<JobSeeker>(s.id))
        .unwrap();
    assert_eq!(
        store.get::<JobSeeker>(s.id).unwrap(),
        None,
        "a deleted seeker is hidden"
    );
    assert_eq!(
        store.outbox_entries(10).unwrap().last().unwrap().op,
        "delete"
    );

    let trail: Vec<String> = store
        .audit_trail(Some(s.id))
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert_eq!(trail, ["create", "update", "update", "delete"]);
}

#[test]
fn audit_log_names_fields_but_never_values() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    s.note = Some("비밀 메모".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    let trail = store.audit_trail(Some(s.id)).unwrap();
    assert_eq!(trail[1].detail, "note");
    assert!(
        trail
            .iter()
            .all(|r| !r.detail.contains("비밀") && !r.detail.contains("김민수"))
    );
    assert_eq!(trail[0].actor, "counselor:test", "the actor is recorded");
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let (_fx, mut store) = new_store();
    let a = seeker(1, "김민수");
    let before = store.pending_changes().unwrap();
    let err = store
        .write(&ctx(), |w| {
            w.insert(&a)?;
            w.insert(&a) // the same id twice: the whole batch must roll back
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::DuplicateId { .. }), "got {err:?}");
    assert_eq!(
        store.count::<JobSeeker>().unwrap(),
        0,
        "the first insert was rolled back too"
    );
    assert_eq!(
        store.pending_changes().unwrap(),
        before,
        "and so was its outbox row"
    );
    store.write(&ctx(), |w| w.insert(&a)).unwrap();
    assert_eq!(
        store.outbox_entries(10).unwrap().last().unwrap().seq,
        2,
        "the rolled-back sequence number is reused"
    );
}

#[test]
fn another_centers_record_is_refused() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    s.center_id = Id::new_v7(1, [9; 10]);
    let err = store.write(&ctx(), |w| w.insert(&s)).unwrap_err();
    assert!(matches!(err, StoreError::ForeignCenter), "got {err:?}");
}

#[test]
fn events_are_appended_and_read_back_in_date_order() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    let session = |n: u8, day: u32| CaseEvent {
        id: Id::new_v7(1_800_000_000_000 + u64::from(n), [n; 10]),
        center_id: center().id,
        subject_id: s.id,
        author_id: None,
        recorded_at: None,
        occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        supersedes: None,
        body: EventBody::CounselingSession {
            minutes: 50,
            mode: ContactMode::InPerson,
            content: format!("{day}일 상담"),
            next_step: None,
            next_on: None,
        },
    };
    store
        .write(&ctx(), |w| {
            w.append(&session(1, 20))?;
            w.append(&session(2, 3))
        })
        .unwrap();
    let events = store.events_of(s.id).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(
        events[0].occurred_on.to_string(),
        "2026-11-03",
        "oldest first, whatever the typing order"
    );
    assert_eq!(
        store.outbox_entries(10).unwrap().last().unwrap().op,
        "append"
    );
}

#[test]
fn data_survives_close_and_reopen() {
    let (fx, mut store) = new_store();
    let s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    let device = store.caseload().device_id.clone();
    drop(store);
    let mut store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    assert_eq!(store.get::<JobSeeker>(s.id).unwrap(), Some(s.clone()));
    assert_eq!(
        store.caseload().device_id,
        device,
        "the device keeps its identity"
    );
    store
        .write(&ctx(), |w| w.insert(&seeker(2, "이영희")))
        .unwrap();
    let seqs: Vec<i64> = store
        .outbox_entries(10)
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, [1, 2, 3], "the sequence continues after reopening");
}

#[test]
fn the_tallies_follow_inserts_deletes_and_rollbacks() {
    // The list's total comes from a tally the writer keeps; it must agree
    // with a real count(*) (the filtered list path) after every kind of write.
    let (_fx, mut store) = new_store();
    let people: Vec<JobSeeker> = (1..=5).map(|n| seeker(n, "김민수")).collect();
    store
        .write(&ctx(), |w| people.iter().try_for_each(|p| w.insert(p)))
        .unwrap();
    store
        .write(&ctx(), |w| w.delete::<JobSeeker>(people[0].id))
        .unwrap();
    let failed = store.write(&ctx(), |w| {
        w.delete::<JobSeeker>(people[1].id)?;
        w.insert(&seeker(9, "이영희"))?;
        w.insert(&people[2]) // duplicate: rolls back the delete and the insert
    });
    assert!(failed.is_err());
    assert!(
        store
            .write(&ctx(), |w| w.delete::<JobSeeker>(people[0].id))
            .is_err(),
        "deleting twice is refused and must not count twice"
    );
    assert_eq!(
        store.count::<JobSeeker>().unwrap(),
        4,
        "5 inserted, 1 deleted"
    );
    let counted = store
        .list_seekers(&doyak_store::SeekerFilter {
            status: Some(SeekerStatus::Intake),
            ..Default::default()
        })
        .unwrap()
        .total;
    assert_eq!(counted, 4, "count(*) over the rows agrees with the tally");
    assert_eq!(
        store.count::<doyak_domain::Center>().unwrap(),
        1,
        "the caseload's own center"
    );
    assert_eq!(
        store.pending_changes().unwrap(),
        store.outbox_entries(1000).unwrap().len() as u64,
        "the outbox tally agrees with the rows in the outbox"
    );
    assert_eq!(
        store.pending_changes().unwrap(),
        7,
        "center + 5 inserts + 1 delete; the rolled-back write queued nothing"
    );
}

#[test]
fn placements_keep_their_recorded_retention_checks_in_any_arrival_order() {
    use doyak_domain::events::EmploymentType;
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김취업");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    let day = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let event = |n: u8, subject: Id, on, body| CaseEvent {
        id: Id::new_v7(1_800_000_000_000 + u64::from(n), [n; 10]),
        center_id: center().id,
        subject_id: subject,
        author_id: None,
        recorded_at: None,
        occurred_on: on,
        supersedes: None,
        body,
    };
    let placement = |n: u8, on| {
        event(
            n,
            s.id,
            on,
            EventBody::Placement {
                employer: "도약정밀".into(),
                company_id: None,
                vacancy_id: None,
                occupation: None,
                wage_monthly: None,
                employment: EmploymentType::Permanent,
                weekly_hours: None,
                application_id: None,
            },
        )
    };
    let check = |n: u8, placement: Id, months: u8, on| {
        event(
            n,
            placement,
            on,
            EventBody::RetentionCheck {
                months,
                still_employed: true,
                note: None,
                method: None,
                left_on: None,
                left_reason: None,
            },
        )
    };
    let early = placement(1, day(2, 1));
    let late = placement(2, day(5, 1));
    store
        .write(&ctx(), |w| {
            w.append(&early)?;
            w.append(&check(3, early.id, 3, day(5, 2)))?;
            // Sync can deliver a check before its placement.
            w.append(&check(4, late.id, 3, day(8, 2)))?;
            w.append(&late)?;
            w.append(&check(5, early.id, 6, day(8, 3)))
        })
        .unwrap();
    let placed = store.placements_between(day(1, 1), day(12, 31)).unwrap();
    let got: Vec<(Id, Vec<u8>)> = placed
        .iter()
        .map(|p| (p.placement_id, p.checked.clone()))
        .collect();
    assert_eq!(got, [(early.id, vec![3, 6]), (late.id, vec![3])]);
    assert_eq!(placed[0].employer, "도약정밀");
    assert!(
        store
            .placements_between(day(6, 1), day(12, 31))
            .unwrap()
            .is_empty(),
        "the range is on the placement day"
    );
}

#[test]
fn closed_cases_give_the_aim_enrolment_and_first_placement_after_it() {
    use doyak_domain::events::EmploymentType;
    use doyak_domain::{KecoCode, SeekerStatus};
    let (_fx, mut store) = new_store();
    let day = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let person = |n: u8, status, desired: &[&str], enrolled| {
        let mut s = seeker(n, "사례");
        s.status = status;
        s.desired_occupations = desired.iter().map(|c| KecoCode::from(*c)).collect();
        s.enrolled_on = enrolled;
        s
    };
    // Employed, with a placement before enrolling (an earlier job) and two
    // after: the first one after counts.
    let employed = person(1, SeekerStatus::Employed, &["8241", "62"], Some(day(1, 10)));
    let closed = person(2, SeekerStatus::Closed, &["5312"], Some(day(2, 1)));
    let searching = person(3, SeekerStatus::JobSearch, &["8241"], Some(day(1, 1)));
    let no_aim = person(4, SeekerStatus::Closed, &[], Some(day(1, 1)));
    let no_day = person(5, SeekerStatus::Closed, &["8241"], None);
    let placement = |n: u8, on| CaseEvent {
        id: Id::new_v7(1_800_000_000_000 + u64::from(n), [n; 10]),
        center_id: center().id,
        subject_id: employed.id,
        author_id: None,
        recorded_at: None,
        occurred_on: on,
        supersedes: None,
        body: EventBody::Placement {
            employer: "도약정밀".into(),
            company_id: None,
            vacancy_id: None,
            occupation: None,
            wage_monthly: None,
            employment: EmploymentType::Permanent,
            weekly_hours: None,
            application_id: None,
        },
    };
    store
        .write(&ctx(), |w| {
            for s in [&employed, &closed, &searching, &no_aim, &no_day] {
                w.insert(s)?;
            }
            w.append(&placement(10, day(1, 2)))?;
            w.append(&placement(11, day(4, 20)))?;
            w.append(&placement(12, day(3, 15)))
        })
        .unwrap();
    assert_eq!(
        store.closed_cases_in("82").unwrap(),
        [doyak_store::ClosedCase {
            occupation: "8241".into(),
            enrolled_on: day(1, 10),
            employed_on: Some(day(3, 15)),
        }],
        "only 취업/종료 with an aim and an enrolment day; the first placement on or after it"
    );
    assert_eq!(
        store.closed_cases_in("53").unwrap(),
        [doyak_store::ClosedCase {
            occupation: "5312".into(),
            enrolled_on: day(2, 1),
            employed_on: None,
        }],
        "a 중분류 reads only its own cases"
    );
    assert!(store.closed_cases_in("99").unwrap().is_empty());
}

#[test]
fn iap_activities_wait_for_their_check_until_a_later_version_replaces_them_in_any_order() {
    use doyak_domain::events::{IapActivityKind, IapCompliance};
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김계획");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    let activity = |n: u8, month: &str, supersedes: Option<Id>, compliance| CaseEvent {
        id: Id::new_v7(1_800_000_000_000 + u64::from(n), [n; 10]),
        center_id: center().id,
        subject_id: s.id,
        author_id: None,
        recorded_at: None,
        occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        supersedes,
        body: EventBody::IapActivity {
            month: month.into(),
            kind: IapActivityKind::JobSearch,
            description: "입사지원 3건".into(),
            done: compliance == Some(IapCompliance::Done),
            compliance,
            compliance_note: None,
        },
    };
    let ids = |store: &doyak_store::Store| -> Vec<Id> {
        store
            .iap_overdue("2026-12", 0, 10)
            .unwrap()
            .into_iter()
            .map(|o| o.activity.id)
            .collect()
    };
    let september = activity(1, "2026-09", None, None);
    let october = activity(2, "2026-10", None, None);
    let december = activity(3, "2026-12", None, None);
    store
        .write(&ctx(), |w| {
            w.append(&october)?;
            w.append(&september)?;
            w.append(&december)
        })
        .unwrap();
    assert_eq!(
        ids(&store),
        [september.id, october.id],
        "due before December, oldest month first; December is not over"
    );
    assert_eq!(store.iap_overdue_count("2026-12").unwrap(), 2);

    // September checked: its new version is done, so it no longer waits.
    let checked = activity(4, "2026-09", Some(september.id), Some(IapCompliance::Done));
    store.write(&ctx(), |w| w.append(&checked)).unwrap();
    assert_eq!(ids(&store), [october.id]);

    // Sync delivers a move of a November plan before the plan itself: the
    // plan, arriving second, is already replaced and must not wait.
    let november = activity(5, "2026-11", None, None);
    let moved = activity(6, "2027-01", Some(november.id), None);
    store
        .write(&ctx(), |w| {
            w.append(&moved)?;
            w.append(&november)
        })
        .unwrap();
    assert_eq!(
        ids(&store),
        [october.id],
        "neither the replaced plan nor January"
    );
    assert_eq!(
        store.iap_overdue_count("2027-02").unwrap(),
        3,
        "by February: October, December and the moved January"
    );
}

#[test]
fn resume_files_take_the_next_version_stay_local_and_are_audited_without_their_name() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김이력");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    let queued = store.pending_changes().unwrap();
    let add = |store: &mut doyak_store::Store, id: u8, based_on| {
        store
            .write(&ctx(), |w| {
                w.add_resume_file(doyak_store::NewResumeFile {
                    id: Id::new_v7(1_764_000_000_000, [id; 10]),
                    seeker_id: s.id,
                    file_name: "김이력_이력서.hwpx",
                    sha256: "ab",
                    bytes: b"bytes",
                    based_on,
                    audit_detail: "이력서 파일",
                })
            })
            .unwrap()
    };
    assert_eq!(add(&mut store, 7, None), 1);
    assert_eq!(
        add(&mut store, 8, Some(1)),
        2,
        "never replaced: the next number"
    );
    let files = store.resume_files(s.id).unwrap();
    assert_eq!(
        files
            .iter()
            .map(|f| (f.version, f.based_on))
            .collect::<Vec<_>>(),
        [(2, Some(1)), (1, None)]
    );
    assert_eq!(files[0].size, 5);
    let (_, bytes) = store.resume_file(s.id, &files[1].id).unwrap().unwrap();
    assert_eq!(bytes, b"bytes");
    // Asked through another seeker, the version is not there.
    let other = seeker(2, "이다른");
    assert!(store.resume_file(other.id, &files[1].id).unwrap().is_none());
    // Local to the desk: nothing queued to sync.
    assert_eq!(store.pending_changes().unwrap(), queued);
    // Audited as an import of the seeker, without the file's name (it
    // holds the seeker's name).
    // The file brought in is an import, the edit (based on version 1) an
    // update.
    let trail = store.audit_trail(Some(s.id)).unwrap();
    let added: Vec<_> = trail
        .iter()
        .filter(|e| e.detail.starts_with("이력서 파일"))
        .collect();
    let mut actions: Vec<&str> = added.iter().map(|e| e.action.as_str()).collect();
    actions.sort_unstable();
    assert_eq!(actions, ["import", "update"]);
    assert!(
        added.iter().all(|e| !e.detail.contains("김이력")),
        "{added:?}"
    );
}
