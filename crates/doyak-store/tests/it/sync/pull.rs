//! Pull pages: pending edits win, replays change nothing, events keep
//! 오늘 할 일 right, and what cannot or may not be stored is skipped.

use super::*;

#[test]
fn a_pulled_update_keeps_fields_with_pending_edits_and_takes_the_others() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    pull(&mut store, vec![insert(&s)]);
    store.prepare_search().unwrap();
    s.note = Some("이 기기에서 쓴 메모".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    let pending = store.pending_count().unwrap();
    let audit = store.audit_trail(Some(s.id)).unwrap().len();

    let mut fields = field("note", json!("서버의 메모"), 2);
    fields.extend(field("name", json!("김민서"), 2));
    fields.extend(field(
        "status",
        serde_json::to_value(SeekerStatus::Consulting).unwrap(),
        2,
    ));
    let summary = pull(&mut store, vec![update(s.id, fields)]);
    assert_eq!((summary.applied, summary.kept_local), (1, 1));
    let stored = store.get::<JobSeeker>(s.id).unwrap().unwrap();
    assert_eq!(
        stored.note.as_deref(),
        Some("이 기기에서 쓴 메모"),
        "an unsent local edit is never overwritten; the server will merge it"
    );
    assert_eq!(
        version(&store, s.id, "note"),
        2,
        "and keeps its local version"
    );
    assert_eq!(
        stored.name, "김민서",
        "fields without local edits are taken"
    );
    assert_eq!(stored.status, SeekerStatus::Consulting);
    assert_eq!(
        store
            .list_seekers(&SeekerFilter {
                text: Some("ㄱㅁㅅ".into()),
                status: Some(SeekerStatus::Consulting),
                ..Default::default()
            })
            .unwrap()
            .items[0]
            .name,
        "김민서",
        "the name index and the status column follow a pulled change"
    );
    assert_eq!(
        store.pending_count().unwrap(),
        pending,
        "pulled changes queue nothing"
    );
    assert_eq!(
        store.audit_trail(Some(s.id)).unwrap().len(),
        audit,
        "and are not audited as this counselor's edits"
    );

    let older = pull(
        &mut store,
        vec![update(s.id, field("name", json!("김옛날"), 2))],
    );
    assert_eq!(
        (
            older.unchanged,
            store.get::<JobSeeker>(s.id).unwrap().unwrap().name
        ),
        (1, "김민서".to_owned()),
        "a version not above the local one changes nothing"
    );
}

#[test]
fn a_pulled_insert_counts_lists_and_is_found() {
    let (_fx, mut store) = new_store();
    store.prepare_search().unwrap();
    let before = store.changes(&[EntityKind::Seeker]).unwrap();
    let mut s = seeker(1, "박지원");
    s.status = SeekerStatus::Diagnosis;
    // Made a minute ahead of this desk's clock (clocks differ a little).
    let ahead = stamp(now().timestamp_millis() as u64 + 60_000);
    let summary = pull(
        &mut store,
        vec![Change {
            hlc: ahead.clone(),
            ..insert(&s)
        }],
    );
    assert_eq!(summary.applied, 1);
    assert_eq!(store.get::<JobSeeker>(s.id).unwrap(), Some(s.clone()));
    assert_eq!(
        store.count::<JobSeeker>().unwrap(),
        1,
        "the tally counts it"
    );
    assert_ne!(
        store.changes(&[EntityKind::Seeker]).unwrap(),
        before,
        "caches of seekers (the match pool) learn that seekers changed"
    );
    let found = store
        .list_seekers(&SeekerFilter {
            text: Some("ㅂㅈ".into()),
            status: Some(SeekerStatus::Diagnosis),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.total, 1, "the built search index was patched");
    assert_eq!(
        store.pending_count().unwrap(),
        1,
        "only the caseload's own center waits to be sent"
    );
    store
        .write(&ctx(), |w| w.insert(&seeker(2, "이영희")))
        .unwrap();
    let local_stamp = store.outbox_batch(10).unwrap().pop().unwrap().hlc;
    assert!(
        local_stamp > ahead,
        "a change typed after a pull is stamped after what was pulled, \
         even when the wall clock says otherwise"
    );

    let deleted = pull(
        &mut store,
        vec![change(wire::EntityKind::Seeker, s.id, ChangeBody::Delete)],
    );
    assert_eq!(deleted.applied, 1);
    assert_eq!(store.get::<JobSeeker>(s.id).unwrap(), None, "soft deleted");
    assert_eq!(
        store.count::<JobSeeker>().unwrap(),
        1,
        "only 이영희 is live"
    );
    assert_eq!(
        store
            .list_seekers(&SeekerFilter {
                text: Some("박지원".into()),
                ..Default::default()
            })
            .unwrap()
            .total,
        0,
        "a deleted seeker leaves the search index"
    );
}

#[test]
fn a_page_from_another_cursor_or_out_of_order_changes_nothing() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김민수");
    let page = page_after(ChangeVersion(10), vec![insert(&s)]);
    let err = store
        .apply_pull_page(ChangeVersion(10), &page, now())
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::SyncCursorMismatch {
                stored: 0,
                requested: 10
            }
        ),
        "the desk stored 0, so a page after 10 would skip 1-10: {err:?}"
    );
    let mut shuffled = page_after(ChangeVersion::START, vec![insert(&s), insert(&s)]);
    shuffled.changes.reverse();
    let err = store
        .apply_pull_page(ChangeVersion::START, &shuffled, now())
        .unwrap_err();
    assert!(matches!(err, StoreError::SyncPageInvalid { .. }), "{err:?}");
    assert_eq!(store.get::<JobSeeker>(s.id).unwrap(), None, "no row");
    let state = store.sync_state().unwrap();
    assert_eq!(state.cursor, ChangeVersion::START, "no cursor move");
    assert_eq!(state.last_pull_at, None, "no trace of a pull at all");
}

/// Several pages in one transaction store what the same pages one by one
/// store; a page that does not follow the one before it refuses them all.
#[test]
fn consecutive_pages_apply_in_one_go_or_not_at_all() {
    let people: Vec<JobSeeker> = (1..=5).map(|n| seeker(n, "김민수")).collect();
    let first = page_after(
        ChangeVersion::START,
        people[..2].iter().map(insert).collect(),
    );
    let mut renamed = people[0].clone();
    renamed.name = "김민준".into();
    let second = page_after(
        first.next_cursor,
        vec![
            insert(&people[2]),
            update(renamed.id, field("name", json!("김민준"), 2)),
        ],
    );
    let third = page_after(second.next_cursor, people[3..].iter().map(insert).collect());
    let pages = [first, second, third];

    let (_a, mut one_by_one) = new_store();
    let mut cursor = ChangeVersion::START;
    for page in &pages {
        one_by_one.apply_pull_page(cursor, page, now()).unwrap();
        cursor = page.next_cursor;
    }
    let (_b, mut together) = new_store();
    let summary = together
        .apply_pull_pages(ChangeVersion::START, &pages, now())
        .unwrap();
    assert_eq!(summary.applied, 6, "5 inserts and 1 update");
    assert_eq!(summary.cursor, ChangeVersion(6), "the last page's cursor");
    assert_eq!(together.sync_state().unwrap().cursor, ChangeVersion(6));
    assert_eq!(
        together.sync_snapshot().unwrap(),
        one_by_one.sync_snapshot().unwrap(),
        "the same records, values and versions either way"
    );
    assert_eq!(
        together.get::<JobSeeker>(renamed.id).unwrap().unwrap().name,
        "김민준",
        "a later page's update applies over an earlier page's insert"
    );

    // The third page asked for from the first's end: it would skip the
    // second page's changes (4 and 5), so nothing of the three is stored.
    let (_c, mut refused) = new_store();
    let skipping = page_after(
        pages[0].next_cursor,
        people[3..].iter().map(insert).collect(),
    );
    let err = refused
        .apply_pull_pages(
            ChangeVersion::START,
            &[pages[0].clone(), pages[1].clone(), skipping],
            now(),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::SyncPageInvalid { .. }), "{err:?}");
    assert_eq!(
        refused.get::<JobSeeker>(people[0].id).unwrap(),
        None,
        "no row"
    );
    assert_eq!(refused.sync_state().unwrap().cursor, ChangeVersion::START);
}

#[test]
fn the_same_changes_twice_change_nothing() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김민수");
    let placement = CaseEvent {
        id: Id::new_v7(1_800_000_000_000, [4; 10]),
        center_id: center().id,
        subject_id: s.id,
        author_id: None,
        recorded_at: None,
        occurred_on: "2026-08-01".parse().unwrap(),
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
    let check = CaseEvent {
        id: Id::new_v7(1_800_000_000_001, [5; 10]),
        subject_id: placement.id,
        occurred_on: "2026-11-01".parse().unwrap(),
        body: EventBody::RetentionCheck {
            months: 3,
            still_employed: true,
            note: None,
            method: None,
            left_on: None,
            left_reason: None,
        },
        ..placement.clone()
    };
    let append = |e: &CaseEvent| {
        let Value::Object(record) = serde_json::to_value(e).unwrap() else {
            unreachable!()
        };
        change(wire::EntityKind::Event, e.id, ChangeBody::Append { record })
    };
    let changes = vec![
        insert(&s),
        update(s.id, field("note", json!("메모"), 2)),
        append(&placement),
        append(&check),
    ];
    let page = page_after(ChangeVersion::START, changes.clone());
    let first = store
        .apply_pull_page(ChangeVersion::START, &page, now())
        .unwrap();
    assert_eq!(first.applied, 4);
    let err = store
        .apply_pull_page(ChangeVersion::START, &page, now())
        .unwrap_err();
    assert!(
        matches!(err, StoreError::SyncCursorMismatch { .. }),
        "the page applied twice is refused: the cursor already moved past it"
    );

    let again = pull(&mut store, changes);
    assert_eq!(
        (again.applied, again.unchanged),
        (0, 4),
        "delivered again at later positions, every change finds it is already here"
    );
    assert_eq!(store.count::<JobSeeker>().unwrap(), 1);
    assert_eq!(version(&store, s.id, "note"), 2);
    let placed = store
        .placements_between("2026-01-01".parse().unwrap(), "2026-12-31".parse().unwrap())
        .unwrap();
    assert_eq!(
        placed[0].checked,
        [3],
        "the 3-month check counts once, not once per delivery"
    );
    assert_eq!(store.sync_state().unwrap().cursor, ChangeVersion(8));
}

#[test]
fn a_pulled_session_moves_the_follow_up_like_a_typed_one() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김민수");
    let session = CaseEvent {
        id: Id::new_v7(1_800_000_000_000, [6; 10]),
        center_id: center().id,
        subject_id: s.id,
        author_id: None,
        recorded_at: None,
        occurred_on: "2026-11-20".parse().unwrap(),
        supersedes: None,
        body: EventBody::CounselingSession {
            minutes: 50,
            mode: ContactMode::Phone,
            content: "다른 상담사가 기록".into(),
            next_step: None,
            next_on: Some("2026-11-27".parse().unwrap()),
        },
    };
    let Value::Object(record) = serde_json::to_value(&session).unwrap() else {
        unreachable!()
    };
    let summary = pull(
        &mut store,
        vec![
            insert(&s),
            change(
                wire::EntityKind::Event,
                session.id,
                ChangeBody::Append { record },
            ),
        ],
    );
    assert_eq!(summary.applied, 2);
    let due = store
        .follow_ups_due(
            "2026-11-25".parse().unwrap(),
            "2026-11-30".parse().unwrap(),
            10,
        )
        .unwrap();
    assert_eq!(
        due.len(),
        1,
        "오늘 할 일 shows the contact the session agreed on"
    );
    assert_eq!(due[0].seeker.id, s.id);
    assert_eq!(due[0].next_on.to_string(), "2026-11-27");
    assert_eq!(store.events_of(s.id).unwrap(), vec![session]);
    assert_eq!(
        store.pending_count().unwrap(),
        1,
        "only the center is queued"
    );
}

#[test]
fn changes_this_build_cannot_apply_or_may_not_store_are_skipped() {
    let (_fx, mut store) = new_store();
    let later_kind = wire::EntityKind::from_wire("training_course");
    let course = Id::new_v7(1_700_000_000_100, [8; 10]);
    let mut foreign = seeker(2, "다른센터");
    foreign.center_id = Id::new_v7(1, [9; 10]);
    let mut unreadable = fields_of(&seeker(3, "읽을수없음"), 1);
    unreadable.insert(
        "status".into(),
        VersionedValue {
            value: json!("a_status_from_the_future"),
            version: 1,
        },
    );
    let s = seeker(1, "김민수");
    let summary = pull(
        &mut store,
        vec![
            change(
                later_kind,
                course,
                ChangeBody::Insert {
                    fields: field("title", json!("용접 과정"), 1),
                },
            ),
            insert(&foreign),
            change(
                wire::EntityKind::Seeker,
                seeker(3, "").id,
                ChangeBody::Insert { fields: unreadable },
            ),
            update(
                s.id,
                field("center_id", json!(foreign.center_id.to_string()), 2),
            ),
            insert(&s),
        ],
    );
    assert_eq!(
        (summary.skipped, summary.foreign, summary.applied),
        (2, 2, 1),
        "the unknown kind and the unreadable status are held; the other center's seeker \
         and the move to another center are refused; the page still applies the rest"
    );
    assert_eq!(
        store.count::<JobSeeker>().unwrap(),
        1,
        "only 김민수 is stored"
    );
    assert_eq!(store.get::<JobSeeker>(foreign.id).unwrap(), None);
    assert_eq!(
        store.sync_state().unwrap().cursor,
        ChangeVersion(5),
        "the cursor moves past skipped changes, so the queue never stops on them"
    );
    let moved = pull(
        &mut store,
        vec![update(
            s.id,
            field("center_id", json!(foreign.center_id.to_string()), 2),
        )],
    );
    assert_eq!(moved.foreign, 1);
    assert_eq!(
        store.get::<JobSeeker>(s.id).unwrap().unwrap().center_id,
        center().id,
        "a record is never moved to another center by a pull"
    );
}

#[test]
fn held_changes_are_applied_once_this_build_can_and_the_rest_stay_held() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김보류");
    let later_kind = wire::EntityKind::from_wire("training_course");
    // An update that arrives before its record, and a kind this build does
    // not know: both held, the cursor past them.
    let summary = pull(
        &mut store,
        vec![
            update(s.id, field("note", json!("먼저 온 수정"), 2)),
            change(
                later_kind,
                Id::new_v7(1_700_000_000_100, [8; 10]),
                ChangeBody::Insert {
                    fields: field("title", json!("용접 과정"), 1),
                },
            ),
        ],
    );
    assert_eq!(summary.skipped, 2);
    assert_eq!(store.held_count().unwrap(), 2);
    // The record comes; its held update is newer (version 2 > 1), so it
    // applies when the held changes are tried again.
    pull(&mut store, vec![insert(&s)]);
    assert_eq!(store.get::<JobSeeker>(s.id).unwrap().unwrap().note, None);
    let again = store.apply_held(now()).unwrap();
    assert_eq!((again.applied, again.skipped), (1, 1));
    assert_eq!(
        store
            .get::<JobSeeker>(s.id)
            .unwrap()
            .unwrap()
            .note
            .as_deref(),
        Some("먼저 온 수정"),
        "the held update is applied"
    );
    assert_eq!(
        store.held_count().unwrap(),
        1,
        "the unknown kind stays held"
    );
    assert_eq!(
        store.pending_count().unwrap(),
        1,
        "nothing pulled is queued for upload (only the center is)"
    );
    // Trying again changes nothing.
    let third = store.apply_held(now()).unwrap();
    assert_eq!((third.applied, third.skipped), (0, 1));
}
