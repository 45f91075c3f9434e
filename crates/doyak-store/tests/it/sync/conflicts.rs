//! The conflict queue: upserted from pushes and pulls, resolved by an
//! ordinary update that names what it resolves.

use super::*;

#[test]
fn conflicts_are_upserted_by_id_and_leave_the_queue_once_resolved() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김민수");
    let conflict = conflict_on(s.id, "note", 1);
    let pulled = |c: &ConflictRecord| {
        change(
            wire::EntityKind::Seeker,
            s.id,
            ChangeBody::Conflict {
                conflict: Box::new(c.clone()),
            },
        )
    };
    let summary = pull(&mut store, vec![insert(&s), pulled(&conflict)]);
    assert_eq!(summary.conflicts, 1);
    assert_eq!(store.open_conflicts().unwrap(), vec![conflict.clone()]);

    store
        .write(&ctx(), |w| w.insert(&seeker(2, "이영희")))
        .unwrap();
    let sent = store.outbox_batch(10).unwrap();
    let outcome = Outcome::ConflictRecorded {
        applied: Applied::default(),
        conflicts: vec![conflict.clone()],
    };
    let results = vec![result(&sent[0], applied()), result(&sent[1], outcome)];
    let resp = response(results, sent[1].seq);
    store.apply_push_response(&sent, &resp, now()).unwrap();
    assert_eq!(
        store.open_conflicts().unwrap(),
        vec![conflict.clone()],
        "the same conflict from a push response and a pull is one conflict"
    );
    assert_eq!(store.open_conflicts_of(s.id).unwrap().len(), 1);

    let mut resolved = conflict.clone();
    resolved.resolution = Some(ConflictResolution {
        mutation_id: Uuid::from_u128(0x0199c9a4_8e04_7000_8000_000000000001),
        device_id: OTHER_DEVICE,
        hlc: stamp(1_764_000_100_000),
    });
    pull(&mut store, vec![pulled(&resolved)]);
    assert_eq!(
        store.open_conflicts().unwrap(),
        vec![],
        "resolved by another counselor"
    );
    pull(&mut store, vec![pulled(&conflict)]);
    assert_eq!(
        store.open_conflicts().unwrap(),
        vec![],
        "an older copy arriving late does not reopen it"
    );
}

#[test]
fn resolving_a_conflict_queues_an_update_that_names_it() {
    let (_fx, mut store) = new_store();
    let s = seeker(1, "김민수");
    let (on_note, on_phone) = (conflict_on(s.id, "note", 1), conflict_on(s.id, "phone", 2));
    let pulled = |c: &ConflictRecord| {
        change(
            wire::EntityKind::Seeker,
            s.id,
            ChangeBody::Conflict {
                conflict: Box::new(c.clone()),
            },
        )
    };
    pull(
        &mut store,
        vec![insert(&s), pulled(&on_note), pulled(&on_phone)],
    );
    let note_id = Id::from(on_note.conflict_id);
    let phone_id = Id::from(on_phone.conflict_id);
    let pending = store.pending_count().unwrap();

    let wrong_field = store.write(&ctx(), |w| {
        w.resolve_conflict(
            EntityKind::Seeker,
            s.id,
            &[note_id],
            Some(("name", json!("x"))),
        )
    });
    assert!(
        matches!(wrong_field, Err(StoreError::ConflictFieldMismatch { .. })),
        "a value for another field resolves nothing: {wrong_field:?}"
    );
    let other_record = store.write(&ctx(), |w| {
        w.resolve_conflict(EntityKind::Seeker, seeker(2, "").id, &[note_id], None)
    });
    assert!(matches!(
        other_record,
        Err(StoreError::ConflictNotFound { .. })
    ));
    assert_eq!(
        store.pending_count().unwrap(),
        pending,
        "refusals queue nothing"
    );

    store
        .write(&ctx(), |w| {
            w.resolve_conflict(
                EntityKind::Seeker,
                s.id,
                &[note_id],
                Some(("note", json!("야간 가능, 주 3일"))),
            )
        })
        .unwrap();
    assert_eq!(
        store
            .get::<JobSeeker>(s.id)
            .unwrap()
            .unwrap()
            .note
            .as_deref(),
        Some("야간 가능, 주 3일"),
        "the chosen value is saved here at once, as an edit would be"
    );
    assert_eq!(version(&store, s.id, "note"), 2, "based on 1, so now 2");
    store
        .write(&ctx(), |w| {
            w.resolve_conflict(EntityKind::Seeker, s.id, &[phone_id], None)
        })
        .unwrap();

    let batch = store.outbox_batch(10).unwrap();
    let [.., chose, kept] = batch.as_slice() else {
        panic!("two resolutions queued")
    };
    assert_eq!(chose.resolves, vec![on_note.conflict_id]);
    let Op::Update { fields } = &chose.op else {
        panic!("a resolution is an ordinary update")
    };
    assert_eq!(
        fields.get("note"),
        Some(&FieldEdit {
            value: json!("야간 가능, 주 3일"),
            base: 1
        }),
        "it carries the chosen value, based on the version the desk held"
    );
    assert_eq!(kept.resolves, vec![on_phone.conflict_id]);
    assert_eq!(
        kept.op,
        Op::Update {
            fields: BTreeMap::new()
        },
        "keeping the current value is an update with no fields"
    );
    let request = PushRequest {
        protocol: ProtocolVersion::CURRENT,
        device_id: store.device_id().unwrap(),
        mutations: batch.clone(),
    };
    assert_eq!(request.validate(), vec![], "both are valid on the wire");
    assert_eq!(
        store.open_conflicts().unwrap(),
        vec![],
        "both left the queue"
    );
    assert_eq!(
        store
            .audit_trail(Some(s.id))
            .unwrap()
            .last()
            .unwrap()
            .detail,
        "phone",
        "the audit names the field, not the value"
    );

    let refused = Outcome::Rejected(Rejection {
        code: ErrorCode::RecordForbidden,
        message: "이 기록을 바꿀 권한이 없어 반영되지 않았습니다.".into(),
    });
    let results = batch
        .iter()
        .map(|m| {
            let outcome = if m.seq == kept.seq {
                refused.clone()
            } else {
                applied()
            };
            result(m, outcome)
        })
        .collect();
    store
        .apply_push_response(&batch, &response(results, kept.seq), now())
        .unwrap();
    assert_eq!(
        store.open_conflicts().unwrap(),
        vec![on_phone],
        "a refused resolution resolved nothing: the conflict is open again"
    );
}
