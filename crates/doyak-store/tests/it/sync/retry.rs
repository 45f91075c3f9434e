//! Sending a refused change again after a fix (`Store::retry_rejection`).

use super::*;
use doyak_store::Retried;

fn refuse(store: &mut Store, code: ErrorCode) -> Mutation {
    let sent = store.outbox_batch(10).unwrap();
    let last = sent.last().unwrap().clone();
    let results = sent
        .iter()
        .map(|m| {
            let outcome = if m.seq == last.seq {
                Outcome::Rejected(Rejection {
                    code: code.clone(),
                    message: code.default_message().into(),
                })
            } else {
                applied()
            };
            result(m, outcome)
        })
        .collect();
    store
        .apply_push_response(&sent, &response(results, last.seq), now())
        .unwrap();
    last
}

#[test]
fn a_refused_update_goes_again_with_the_value_fixed_since() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    s.note = Some("처음 메모".into());
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    push_all(&mut store);
    s.note = Some("서버가 거절한 메모".into());
    s.skills = vec!["용접".into()];
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    let refused = refuse(&mut store, ErrorCode::RecordInvalid);
    let listed = store.rejections().unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].kept, "what the refused change sent is kept");

    // The counselor fixes the note; the skills stay as typed.
    s.note = Some("고친 메모".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    push_all(&mut store);
    assert_eq!(
        store.retry_rejection(&ctx(), refused.mutation_id).unwrap(),
        Retried::Queued
    );
    assert!(
        store.rejections().unwrap().is_empty(),
        "the refusal is off the list"
    );
    let queued = store.outbox_batch(10).unwrap();
    assert_eq!(queued.len(), 1);
    let Op::Update { fields } = &queued[0].op else {
        panic!("{:?}", queued[0].op)
    };
    assert_eq!(
        fields.keys().collect::<Vec<_>>(),
        ["note", "skills"],
        "the fields the refused update named, no others"
    );
    assert_eq!(
        fields["note"],
        FieldEdit {
            value: json!("고친 메모"),
            base: 2
        },
        "the note as it is now, on the version the fix was acknowledged at (a stand-in \
         answer gave it 2)"
    );
    assert_eq!(
        fields["skills"],
        FieldEdit {
            value: json!(["용접"]),
            base: 1
        },
        "the skills the server never took, on the version it holds (the refusal gave back the \
         provisional 2)"
    );
    assert_eq!(
        version(&store, s.id, "skills"),
        2,
        "provisional again until the answer, as for a typed edit"
    );
}

#[test]
fn a_refused_insert_goes_again_as_the_record_is_now() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(2, "이영희");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    let refused = refuse(&mut store, ErrorCode::RecordInvalid);
    s.note = Some("연락처 확인".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    store.outbox_batch(10).unwrap();
    push_all(&mut store);
    store.retry_rejection(&ctx(), refused.mutation_id).unwrap();
    let queued = store.outbox_batch(10).unwrap();
    let Op::Insert { record } = &queued[0].op else {
        panic!("{:?}", queued[0].op)
    };
    assert_eq!(
        record["note"],
        json!("연락처 확인"),
        "the whole record as it is now, the later edit included"
    );
}

#[test]
fn what_cannot_go_again_says_why_and_stays_listed() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(3, "박지성");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    push_all(&mut store);
    s.note = Some("이관 뒤의 메모".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    let moved = refuse(&mut store, ErrorCode::RecordTransferred);
    let err = store
        .retry_rejection(&ctx(), moved.mutation_id)
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotRetryable { .. }) && err.to_string().contains("이관"),
        "a seeker now at another center takes no edits from here: {err}"
    );
    assert_eq!(store.rejections().unwrap().len(), 1, "still listed");
    assert!(store.outbox_batch(10).unwrap().is_empty(), "nothing queued");

    let unknown = store.retry_rejection(&ctx(), Uuid::now_v7()).unwrap_err();
    assert!(matches!(unknown, StoreError::RecordNotFound { .. }));

    // A refused insert of a record deleted here since has nothing to send.
    let t = seeker(4, "최새롬");
    store.write(&ctx(), |w| w.insert(&t)).unwrap();
    let refused = refuse(&mut store, ErrorCode::RecordInvalid);
    store
        .write(&ctx(), |w| w.delete::<JobSeeker>(t.id))
        .unwrap();
    push_all(&mut store);
    let err = store
        .retry_rejection(&ctx(), refused.mutation_id)
        .unwrap_err();
    assert!(err.to_string().contains("지워졌습니다"), "{err}");
}

/// A field a pull has replaced since goes out with the server's own value
/// and version: the server sees no change and records no conflict.
#[test]
fn a_refused_update_overtaken_by_a_pull_sends_the_servers_value() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(5, "정하늘");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    push_all(&mut store);
    s.note = Some("거절된 메모".into());
    store.write(&ctx(), |w| w.update(&s)).unwrap();
    let refused = refuse(&mut store, ErrorCode::RecordInvalid);
    pull(
        &mut store,
        vec![update(s.id, field("note", json!("다른 상담사의 메모"), 2))],
    );
    // The pulled value is what the server holds; sending it changes nothing
    // there, but the field is still sent so the answer settles its version.
    let retried = store.retry_rejection(&ctx(), refused.mutation_id).unwrap();
    assert_eq!(retried, Retried::Queued);
    let queued = store.outbox_batch(10).unwrap();
    let Op::Update { fields } = &queued[0].op else {
        panic!()
    };
    assert_eq!(
        fields["note"],
        FieldEdit {
            value: json!("다른 상담사의 메모"),
            base: 2
        },
        "the server's own value on the server's version: no change, no conflict"
    );
}
