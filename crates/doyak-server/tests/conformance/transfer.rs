//! A seeker moved to another center (`SyncService::transfer_seeker`): the
//! same rows, logs and answers on every backend.

use super::{backends, enroll, now, outcome_code, pull_all, seeker, update, uuid7};
use doyak_domain::{CaseEvent, EventBody, Id};
use doyak_server::TransferError;
use doyak_sync_protocol::{ChangeBody, ErrorCode, Op};
use serde_json::{Value, json};
use uuid::Uuid;

fn event(id: Uuid, center: Uuid, subject: Uuid, body: EventBody) -> Op {
    let event = CaseEvent {
        id: Id::from(id),
        center_id: Id::from(center),
        subject_id: Id::from(subject),
        author_id: None,
        recorded_at: None,
        occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        supersedes: None,
        body,
    };
    let Value::Object(record) = serde_json::to_value(&event).unwrap() else {
        unreachable!()
    };
    Op::Append { record }
}

fn session(id: Uuid, center: Uuid, subject: Uuid) -> Op {
    event(
        id,
        center,
        subject,
        EventBody::CounselingSession {
            minutes: 30,
            mode: doyak_domain::events::ContactMode::Phone,
            content: "이사 예정, 새 주소지 센터 안내".into(),
            next_step: None,
            next_on: None,
        },
    )
}

#[test]
fn a_transfer_moves_the_seeker_and_case_file_and_tells_the_old_center() {
    for backend in backends() {
        let name = backend.name;
        let service = &backend.service;
        let (from, to) = (uuid7(40), uuid7(41));
        service.put_center(from, "북부센터").unwrap();
        service.put_center(to, "남부센터").unwrap();
        let mut old = enroll(service, from, 41);
        let new = enroll(service, to, 42);
        let (s, other) = (uuid7(400), uuid7(401));
        let (e1, e2, e3) = (uuid7(410), uuid7(411), uuid7(412));
        let mut record = seeker(s, from);
        record.insert("counselor_id".into(), json!(uuid7(499)));
        let steps = vec![
            old.mutation("seeker", s, Op::Insert { record }),
            old.mutation(
                "seeker",
                other,
                Op::Insert {
                    record: seeker(other, from),
                },
            ),
            old.mutation("event", e1, session(e1, from, s)),
            // About the first event, not the seeker: still the seeker's file.
            old.mutation("event", e2, session(e2, from, e1)),
            old.mutation("event", e3, session(e3, from, other)),
            old.mutation("seeker", s, update(&[("note", json!("이사 예정"), 1)])),
        ];
        let pushed = service.push(&old.row, old.request(steps), now()).unwrap();
        assert!(
            pushed
                .results
                .iter()
                .all(|r| outcome_code(&r.outcome).is_none()),
            "{name}: the set-up is accepted: {:?}",
            pushed.results
        );
        let before_old = pull_all(service, &old).len();

        // Refusals first: nothing is written by any of them.
        for (seeker, target, reason, what) in [
            (s, to, " ", "a reason is required"),
            (s, from, "주소 이전", "not to its own center"),
            (
                s,
                uuid7(49),
                "주소 이전",
                "not to a center the server lacks",
            ),
            (uuid7(48), to, "주소 이전", "not a seeker the server lacks"),
            (e1, to, "주소 이전", "an event is not a seeker"),
        ] {
            let refused = service.transfer_seeker(seeker, target, reason, now());
            assert!(
                !matches!(refused, Ok(_) | Err(TransferError::Storage(_))),
                "{name}: {what}: {refused:?}"
            );
        }
        assert!(service.transfers(None).unwrap().is_empty(), "{name}");

        let moved = service
            .transfer_seeker(s, to, "주소 이전 (요청 2026-118)", now())
            .unwrap();
        assert_eq!(
            (moved.from_center, moved.to_center, moved.events),
            (from, to, 2),
            "{name}: the session about the seeker and the one about that session move; the other seeker's stays"
        );
        assert_eq!(
            service.transfers(Some(s)).unwrap(),
            vec![moved.clone()],
            "{name}: logged"
        );

        // Rows: the seeker and both events are the new center's, in the row
        // and in the record; the counselor is cleared with a new version.
        let new_rows = service.records(to).unwrap();
        let ids: Vec<Uuid> = new_rows.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), 3, "{name}: {ids:?}");
        for id in [s, e1, e2] {
            let row = new_rows.iter().find(|r| r.id == id).unwrap();
            assert_eq!(
                row.fields["center_id"].value,
                json!(to.to_string()),
                "{name}"
            );
        }
        let row = new_rows.iter().find(|r| r.id == s).unwrap();
        assert_eq!(
            (
                &row.fields["counselor_id"].value,
                row.fields["counselor_id"].version
            ),
            (&Value::Null, 2),
            "{name}: the old center's counselor is not the new one's"
        );
        assert_eq!(
            (&row.fields["note"].value, row.fields["note"].version),
            (&json!("이사 예정"), 2),
            "{name}: every edit made before the move moves with it"
        );
        let old_rows = service.records(from).unwrap();
        assert_eq!(
            old_rows.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![e3, other],
            "{name}: the old center keeps the other seeker and its event only"
        );

        // The logs: the new center's desk pulls an insert and two appends,
        // the old center's a delete.
        let pulled = pull_all(service, &new);
        let kinds: Vec<(Uuid, &str)> = pulled
            .iter()
            .map(|c| {
                let kind = match &c.body {
                    ChangeBody::Insert { .. } => "insert",
                    ChangeBody::Append { .. } => "append",
                    _ => "other",
                };
                (c.entity_id, kind)
            })
            .collect();
        assert_eq!(
            kinds,
            vec![(s, "insert"), (e1, "append"), (e2, "append")],
            "{name}: the new center's log holds the whole case file, in written order"
        );
        let ChangeBody::Insert { fields } = &pulled[0].body else {
            unreachable!()
        };
        assert_eq!(fields["center_id"].value, json!(to.to_string()), "{name}");
        assert_eq!(
            fields["note"].version, 2,
            "{name}: versions travel with the values"
        );
        let ChangeBody::Append { record } = &pulled[2].body else {
            unreachable!()
        };
        assert_eq!(record["center_id"], json!(to.to_string()), "{name}");
        let old_log = pull_all(service, &old);
        assert_eq!(old_log.len(), before_old + 1, "{name}");
        assert_eq!(
            (
                old_log.last().unwrap().entity_id,
                &old_log.last().unwrap().body
            ),
            (s, &ChangeBody::Delete),
            "{name}: the old center's desks drop the seeker"
        );

        // A late edit from the old center is told where the seeker went; a
        // new record under the seeker's id is refused as before.
        let late = old.mutation("seeker", s, update(&[("note", json!("연락함"), 2)]));
        let again = old.mutation(
            "seeker",
            s,
            Op::Insert {
                record: seeker(s, from),
            },
        );
        let answer = service
            .push(&old.row, old.request(vec![late, again]), now())
            .unwrap();
        assert_eq!(
            answer
                .results
                .iter()
                .map(|r| outcome_code(&r.outcome))
                .collect::<Vec<_>>(),
            vec![
                Some(ErrorCode::RecordTransferred),
                Some(ErrorCode::RecordIdTaken)
            ],
            "{name}"
        );
        assert_eq!(
            pull_all(service, &new).len(),
            3,
            "{name}: neither reached the new center"
        );
    }
}
