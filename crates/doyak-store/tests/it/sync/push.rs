//! The outbox as the mutations a push sends, and what the server's answer
//! does: acknowledged rows leave, versions settle, refusals are kept.

use super::*;

#[test]
fn the_outbox_reads_back_as_the_mutations_a_push_sends() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    s.note = Some("야간 근무 어려움".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    let session = CaseEvent {
        id: Id::new_v7(1_800_000_000_000, [3; 10]),
        center_id: center().id,
        subject_id: s.id,
        author_id: None,
        recorded_at: None,
        occurred_on: "2026-11-20".parse().unwrap(),
        supersedes: None,
        body: EventBody::CounselingSession {
            minutes: 50,
            mode: ContactMode::InPerson,
            content: "첫 상담".into(),
            next_step: None,
            next_on: None,
        },
    };
    store.write(&ctx(), |w| w.append(&session)).unwrap();
    store
        .write(&ctx(), |w| w.delete::<JobSeeker>(s.id))
        .unwrap();

    let rows = store.outbox_entries(10).unwrap();
    let batch = store.outbox_batch(10).unwrap();
    let device = store.device_id().unwrap();
    assert_eq!(device.to_string(), store.caseload().device_id);
    let ops: Vec<&str> = batch.iter().map(|m| m.op.name()).collect();
    assert_eq!(
        ops,
        ["insert", "insert", "update", "append", "delete"],
        "the center, then each change in the order it was made"
    );
    for (row, m) in rows.iter().zip(&batch) {
        assert_eq!(m.mutation_id.to_string(), row.mutation_id, "same mutation");
        assert_eq!(m.seq as i64, row.seq);
        assert_eq!(m.entity.as_str(), row.entity);
        assert_eq!(m.entity_id.to_string(), row.entity_id);
        assert_eq!(m.hlc.to_string(), row.hlc, "the stamp text is the contract");
        assert_eq!(i64::from(m.schema_version), row.schema_version);
    }
    let Op::Insert { record } = &batch[1].op else {
        panic!("the seeker's first row is its insert")
    };
    assert_eq!(
        serde_json::from_value::<JobSeeker>(Value::Object(record.clone())).unwrap(),
        seeker(1, "김민수"),
        "an insert carries the whole record as it was saved"
    );
    let Op::Update { fields } = &batch[2].op else {
        panic!("then its update")
    };
    assert_eq!(
        fields,
        &BTreeMap::from([(
            "note".to_owned(),
            FieldEdit {
                value: json!("야간 근무 어려움"),
                base: 1
            }
        )]),
        "an update carries only the changed field and the version it was based on"
    );
    let Op::Append { record } = &batch[3].op else {
        panic!("then the session")
    };
    assert_eq!(
        serde_json::from_value::<CaseEvent>(Value::Object(record.clone())).unwrap(),
        session
    );
    let request = PushRequest {
        protocol: ProtocolVersion::CURRENT,
        device_id: device,
        mutations: batch,
    };
    assert_eq!(
        request.validate(),
        vec![],
        "the batch passes the checks the server makes on the wire"
    );
    assert_eq!(
        store.outbox_batch(2).unwrap().len(),
        2,
        "the limit caps the batch"
    );
}

#[test]
fn an_acknowledgement_drops_exactly_the_rows_up_to_it_refused_ones_included() {
    let (_fx, mut store) = new_store();
    let people: Vec<JobSeeker> = (1..=4).map(|n| seeker(n, "김민수")).collect();
    store
        .write(&ctx(), |w| people.iter().try_for_each(|p| w.insert(p)))
        .unwrap();
    let sent = store.outbox_batch(10).unwrap();
    assert_eq!(sent.len(), 5, "the center and four seekers");
    let refused = Outcome::Rejected(Rejection {
        code: ErrorCode::RecordInvalid,
        message: "구직자 이름이 필요합니다.".into(),
    });
    let results = vec![
        result(&sent[0], applied()),
        result(&sent[1], refused),
        result(&sent[2], applied()),
    ];
    let resp = response(results, 3);
    let summary = store.apply_push_response(&sent, &resp, now()).unwrap();
    assert_eq!(
        (summary.acknowledged, summary.applied, summary.rejected),
        (3, 2, 1),
        "rows 1-3 are settled: two applied, one refused"
    );
    let left: Vec<i64> = store
        .outbox_entries(10)
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(
        left,
        [4, 5],
        "the refused row 2 leaves (a refusal never wedges the queue); 4 and 5 were not acknowledged and stay"
    );
    assert_eq!(
        (store.pending_count().unwrap(), summary.pending),
        (2, 2),
        "the outbox tally follows the rows"
    );
    let rejections = store.rejections().unwrap();
    assert_eq!(rejections.len(), 1, "the refusal is kept for the counselor");
    assert_eq!(
        (
            rejections[0].seq,
            &rejections[0].code,
            rejections[0].op.as_str()
        ),
        (2, &ErrorCode::RecordInvalid, "insert")
    );
    assert_eq!(rejections[0].entity_id, people[0].id.as_uuid());
    assert_eq!(rejections[0].message, "구직자 이름이 필요합니다.");
    assert_eq!(
        store.get::<JobSeeker>(people[0].id).unwrap(),
        Some(people[0].clone()),
        "a refusal hides nothing the counselor typed"
    );

    let again = store.apply_push_response(&sent, &resp, now()).unwrap();
    assert_eq!(
        (
            again.acknowledged,
            again.ignored,
            store.rejections().unwrap().len()
        ),
        (0, 3, 1),
        "the same answer applied twice finds no rows to drop and records nothing twice"
    );

    let refused_id = rejections[0].mutation_id;
    assert!(
        store.dismiss_rejection(refused_id).unwrap(),
        "the counselor takes the refusal off the list once dealt with"
    );
    assert!(store.rejections().unwrap().is_empty());
    assert!(
        !store.dismiss_rejection(refused_id).unwrap(),
        "a refusal is dismissed once"
    );
    assert_eq!(
        store.get::<JobSeeker>(people[0].id).unwrap(),
        Some(people[0].clone()),
        "dismissing a refusal changes no record"
    );

    let only_four = store.outbox_batch(1).unwrap();
    let resp = response(vec![result(&only_four[0], applied())], 5);
    store.apply_push_response(&only_four, &resp, now()).unwrap();
    assert_eq!(
        store.outbox_entries(10).unwrap()[0].seq,
        5,
        "row 5 stays although the server said 5: it was not in this push, so its result was never read"
    );
    assert!(store.sync_state().unwrap().last_push_at.is_some());
}

#[test]
fn acknowledged_versions_are_stored_unless_a_later_edit_of_the_field_waits() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    push_all(&mut store);
    s.note = Some("첫 메모".into());
    s.max_commute_km = Some(20);
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    s.note = Some("둘째 메모".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    assert_eq!(version(&store, s.id, "note"), 3, "1 → 2 → 3 locally");

    let sent = store.outbox_batch(1).unwrap();
    let server = Applied {
        change_version: Some(ChangeVersion(40)),
        versions: BTreeMap::from([("note".into(), 5), ("max_commute_km".into(), 7)]),
        server_kept: BTreeMap::from([(
            "status".to_owned(),
            VersionedValue {
                value: serde_json::to_value(SeekerStatus::JobSearch).unwrap(),
                version: 4,
            },
        )]),
    };
    let resp = response(
        vec![result(&sent[0], Outcome::Applied(server))],
        sent[0].seq,
    );
    let summary = store.apply_push_response(&sent, &resp, now()).unwrap();
    assert_eq!(
        version(&store, s.id, "max_commute_km"),
        7,
        "the server's version replaces the provisional one"
    );
    assert_eq!(
        version(&store, s.id, "note"),
        3,
        "the second note edit still waits and was based on version 2 → 3 here; taking 5 would misstate it"
    );
    assert_eq!(summary.server_kept, 1);
    let stored = store.get::<JobSeeker>(s.id).unwrap().unwrap();
    assert_eq!(
        stored.status,
        SeekerStatus::JobSearch,
        "the value the server kept is taken"
    );
    assert_eq!(
        stored.note.as_deref(),
        Some("둘째 메모"),
        "the waiting edit is untouched"
    );
    let listed = store
        .list_seekers(&SeekerFilter {
            status: Some(SeekerStatus::JobSearch),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(listed.total, 1, "the list column followed the kept value");
}

#[test]
fn a_refused_update_gives_back_its_provisional_version() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    push_all(&mut store);
    s.note = Some("서버가 거절할 메모".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    let sent = store.outbox_batch(10).unwrap();
    let refused = Outcome::Rejected(Rejection {
        code: ErrorCode::RecordForbidden,
        message: "이 기록을 바꿀 권한이 없어 반영되지 않았습니다.".into(),
    });
    let resp = response(vec![result(&sent[0], refused)], sent[0].seq);
    store.apply_push_response(&sent, &resp, now()).unwrap();
    assert_eq!(
        version(&store, s.id, "note"),
        1,
        "the server never gave version 2 to this value; the note is still at 1 there"
    );
    pull(
        &mut store,
        vec![update(s.id, field("note", json!("다른 상담사의 메모"), 2))],
    );
    assert_eq!(
        store
            .get::<JobSeeker>(s.id)
            .unwrap()
            .unwrap()
            .note
            .as_deref(),
        Some("다른 상담사의 메모"),
        "so the server's real version 2 is taken, not mistaken for the refused edit"
    );
}

/// Answers to consecutive pushes taken in one transaction leave the caseload
/// as taking them one by one does, and count the same.
#[test]
fn consecutive_answers_taken_together_equal_one_by_one() {
    let answer = |store: &mut Store| {
        let people: Vec<JobSeeker> = (1..=4).map(|n| seeker(n, "김민수")).collect();
        for s in &people {
            store.write(&ctx(), |w| w.insert(s)).unwrap();
        }
        let mut renamed = people[0].clone();
        renamed.name = "김민준".into();
        store.write(&ctx(), |w| w.update(&renamed)).unwrap();
        let all = store.outbox_batch(10).unwrap();
        assert_eq!(all.len(), 6, "the center, four inserts, one update");
        let (first, second) = all.split_at(3);
        let answer = |sent: &[Mutation]| {
            let results = sent
                .iter()
                .map(|m| {
                    // The server kept version 3 of the renamed name (another
                    // desk's edit came between): the desk takes its version.
                    let versions = match &m.op {
                        Op::Update { fields } => fields.keys().map(|f| (f.clone(), 3)).collect(),
                        _ => BTreeMap::new(),
                    };
                    result(
                        m,
                        Outcome::Applied(Applied {
                            change_version: None,
                            versions,
                            server_kept: BTreeMap::new(),
                        }),
                    )
                })
                .collect();
            response(results, sent.last().unwrap().seq)
        };
        (
            first.to_vec(),
            answer(first),
            second.to_vec(),
            answer(second),
            renamed.id,
        )
    };

    let (_a, mut one_by_one) = new_store();
    let (s1, r1, s2, r2, renamed) = answer(&mut one_by_one);
    let a = one_by_one.apply_push_response(&s1, &r1, now()).unwrap();
    let b = one_by_one.apply_push_response(&s2, &r2, now()).unwrap();

    let (_b, mut together) = new_store();
    let (t1, q1, t2, q2, _) = answer(&mut together);
    let both = together
        .apply_push_responses(&[(&t1, &q1), (&t2, &q2)], now())
        .unwrap();
    assert_eq!(both.acknowledged, a.acknowledged + b.acknowledged);
    assert_eq!(both.acknowledged, 6, "every row sent was settled");
    assert_eq!(both.applied, 6);
    assert_eq!(both.pending, 0, "the outbox is empty");
    assert_eq!(together.pending_count().unwrap(), 0);
    let versions = |store: &Store| {
        store.sync_snapshot().unwrap()[&("seeker".to_owned(), renamed.to_string())]
            .versions
            .clone()
    };
    assert_eq!(
        versions(&together).get("name"),
        Some(&3),
        "the second answer's version for the renamed field is taken"
    );
    assert_eq!(versions(&together), versions(&one_by_one));
}

/// A caseload that enrolls as a new device (a copy, a restored backup, a
/// re-enrollment) keeps every unsent change: renumbered 1, 2, … in the
/// order made, under the new id, stamps naming the new device; the old
/// token is gone, and the next local change follows on.
#[test]
fn a_new_device_keeps_every_unsent_change_renumbered_from_one() {
    let (_fx, mut store) = new_store();
    let people: Vec<JobSeeker> = (1..=4).map(|n| seeker(n, "김민수")).collect();
    store
        .write(&ctx(), |w| people.iter().try_for_each(|p| w.insert(p)))
        .unwrap();
    // The center and the first seeker went out; three seekers wait at 3..=5.
    let sent = store.outbox_batch(2).unwrap();
    let resp = response(
        vec![result(&sent[0], applied()), result(&sent[1], applied())],
        2,
    );
    store.apply_push_response(&sent, &resp, now()).unwrap();
    let token = DeviceToken::from_random([7; 32]);
    store
        .set_sync_credentials("https://sync.example", &token)
        .unwrap();
    let before: Vec<Mutation> = store.outbox_batch(10).unwrap();
    assert_eq!(before.iter().map(|m| m.seq).collect::<Vec<_>>(), [3, 4, 5]);

    let new = Uuid::from_u128(0x0199c9a4_8e00_7000_8000_0000000000e5);
    store.become_new_device(new, "여기").unwrap();
    let after = store.outbox_batch(10).unwrap();
    assert_eq!(
        after.iter().map(|m| m.seq).collect::<Vec<_>>(),
        [1, 2, 3],
        "a new device's first push starts at 1"
    );
    for (old, renumbered) in before.iter().zip(&after) {
        assert_eq!(
            (
                renumbered.mutation_id,
                &renumbered.op,
                renumbered.hlc.wall_ms
            ),
            (old.mutation_id, &old.op, old.hlc.wall_ms),
            "the same change, in the same order, at the same time"
        );
        assert_eq!(
            renumbered.hlc.device,
            new.to_string(),
            "stamped by the new device"
        );
    }
    assert_eq!(store.device_id().unwrap(), new);
    assert_eq!(store.device_binding().unwrap().as_deref(), Some("여기"));
    assert!(
        store.sync_login().unwrap().is_none(),
        "the old device's token and server are forgotten"
    );
    store
        .write(&ctx(), |w| w.insert(&seeker(9, "이영희")))
        .unwrap();
    assert_eq!(
        store.outbox_batch(10).unwrap().last().map(|m| m.seq),
        Some(4),
        "the next change follows the renumbered ones"
    );
}
