//! One suite, every backend: the embedded SQLite file always, and
//! PostgreSQL when `DOYAK_TEST_DATABASE_URL` is set (CI sets it to the
//! server on 127.0.0.1:5432; each run gets a database of its own). The
//! answers must be the same, since desks cannot tell which one they talk to.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use doyak_domain::seeker::SeekerStatus;
use doyak_domain::{Id, JobSeeker};
use doyak_server::national::Scope;
use doyak_server::{PostgresStorage, ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_sync_protocol::{
    ChangeBody, ChangeVersion, EnrollRequest, EnrollmentCode, ErrorCode, FieldEdit, HlcStamp,
    Mutation, Op, Outcome, ProtocolVersion, PullRequest, PushRequest,
};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

mod access_log;
mod destroy;
mod kept;
mod phone;
mod reenroll;
mod support;
mod transfer;
mod viewers;

use support::{enroll, outcome_code, pull_all, seeker, update};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

fn uuid7(n: u64) -> Uuid {
    Id::new_v7(1_760_000_000_000 + n, [n as u8; 10]).as_uuid()
}

struct Backend {
    name: &'static str,
    service: SyncService,
    cleanup: Option<Box<dyn FnOnce()>>,
}

impl Drop for Backend {
    fn drop(&mut self) {
        if let Some(cleanup) = self.cleanup.take() {
            cleanup();
        }
    }
}

fn config() -> ServiceConfig {
    ServiceConfig {
        token_ttl: Some(Duration::days(30)),
    }
}

/// The embedded backend, and PostgreSQL in a fresh database when configured.
fn backends() -> Vec<Backend> {
    let mut all = vec![Backend {
        name: "sqlite",
        service: SyncService::new(
            Storage::Sqlite(SqliteStorage::in_memory().unwrap()),
            config(),
        ),
        cleanup: None,
    }];
    match std::env::var("DOYAK_TEST_DATABASE_URL") {
        Ok(url) => {
            let (db_url, cleanup) = fresh_pg_database(&url);
            all.push(Backend {
                name: "postgres",
                service: SyncService::new(
                    Storage::Postgres(PostgresStorage::connect(&db_url, 4).unwrap()),
                    config(),
                ),
                cleanup: Some(cleanup),
            });
        }
        Err(_) => eprintln!("PostgreSQL skipped: DOYAK_TEST_DATABASE_URL unset"),
    }
    all
}

/// A new database on the server of `url`, dropped when the test ends.
pub fn fresh_pg_database(url: &str) -> (String, Box<dyn FnOnce()>) {
    let name = format!("doyak_conf_{}", Uuid::now_v7().simple());
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let base = url.rsplit_once('/').unwrap().0;
    let db_url = format!("{base}/{name}");
    let url = url.to_owned();
    let cleanup = move || {
        if let Ok(mut admin) = postgres::Client::connect(&url, postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    };
    (db_url, Box::new(cleanup))
}

#[test]
fn every_backend_answers_the_same() {
    let mut transcripts = Vec::new();
    for backend in backends() {
        eprintln!("backend: {}", backend.name);
        transcripts.push((backend.name, scenario(&backend.service)));
    }
    for pair in transcripts.windows(2) {
        assert_eq!(
            pair[0].1, pair[1].1,
            "{} and {} must give identical answers",
            pair[0].0, pair[1].0
        );
    }
}

/// Runs the whole life of two centers' devices and returns a transcript of
/// every answer (ids and times removed), which must not depend on the backend.
fn scenario(service: &SyncService) -> Vec<String> {
    let mut t = Vec::new();
    let (a, b) = (uuid7(1), uuid7(2));
    service.put_center(a, "서부센터").unwrap();
    service.put_center(b, "동부센터").unwrap();

    // Enrollment: a code works once, for its center only.
    let code = service
        .create_enrollment_code(a, Duration::hours(1), now())
        .unwrap();
    let request = |code: EnrollmentCode, device: Uuid| EnrollRequest {
        protocol: ProtocolVersion::V1,
        code,
        device_id: device,
        device_name: "노트북".into(),
        app_version: "test".into(),
        center_id: None,
    };
    service
        .enroll(&request(code.clone(), uuid7(50)), now())
        .unwrap();
    let again = service
        .enroll(&request(code, uuid7(51)), now())
        .unwrap_err();
    assert_eq!(
        again.code(),
        &ErrorCode::EnrollInvalidCode,
        "a code works once"
    );
    let expired = service
        .create_enrollment_code(a, Duration::hours(1), now())
        .unwrap();
    let late = service
        .enroll(&request(expired, uuid7(52)), now() + Duration::hours(2))
        .unwrap_err();
    assert_eq!(
        late.code(),
        &ErrorCode::EnrollInvalidCode,
        "an expired code is refused"
    );

    let mut a1 = enroll(service, a, 1);
    let mut a2 = enroll(service, a, 2);
    let mut b1 = enroll(service, b, 3);

    // A device id enrolls once: not into another center, and not again
    // into its own (a second token for one id is how a copied file would
    // take an identity over). Refused before the code is spent.
    let code_a = service
        .create_enrollment_code(a, Duration::hours(1), now())
        .unwrap();
    let moved = service
        .enroll(&request(code_a.clone(), b1.id), now())
        .unwrap_err();
    assert_eq!(moved.code(), &ErrorCode::EnrollDeviceTaken);
    let twice = service
        .enroll(&request(code_a.clone(), a1.id), now())
        .unwrap_err();
    assert_eq!(twice.code(), &ErrorCode::EnrollDeviceTaken);

    // A desk that says its center is refused another center's code before
    // anything is recorded: the code stays usable by its own center's desk.
    let mut lost = request(code_a.clone(), uuid7(53));
    lost.center_id = Some(b);
    let refused = service.enroll(&lost, now()).unwrap_err();
    assert_eq!(refused.code(), &ErrorCode::CenterForbidden);
    assert!(
        service
            .devices(None)
            .unwrap()
            .iter()
            .all(|d| d.device_id != uuid7(53)),
        "no device is recorded for a refused code"
    );
    let mut right = request(code_a, uuid7(54));
    right.center_id = Some(a);
    service
        .enroll(&right, now())
        .expect("the code was not used up by the refusal");

    // Insert, then the same batch again: same outcome, marked duplicate.
    let s1 = uuid7(100);
    let insert = a1.mutation(
        "seeker",
        s1,
        Op::Insert {
            record: seeker(s1, a),
        },
    );
    let batch = a1.request(vec![insert]);
    let first = service.push(&a1.row, batch.clone(), now()).unwrap();
    let second = service.push(&a1.row, batch.clone(), now()).unwrap();
    assert_eq!(first.acknowledged_seq, 1);
    assert!(!first.results[0].duplicate && second.results[0].duplicate);
    assert_eq!(
        first.results[0].outcome, second.results[0].outcome,
        "a replay answers the stored outcome"
    );
    t.push(format!(
        "insert {:?}",
        outcome_code(&first.results[0].outcome)
    ));

    // One batch that creates a record and edits it twice: each mutation
    // sees the one before (versions 1 → 2 → 3), written in bulk.
    let s9 = uuid7(109);
    let made = a1.mutation(
        "seeker",
        s9,
        Op::Insert {
            record: seeker(s9, a),
        },
    );
    let first_edit = a1.mutation("seeker", s9, update(&[("note", json!("첫 메모"), 1)]));
    let second_edit = a1.mutation("seeker", s9, update(&[("note", json!("둘째 메모"), 2)]));
    let bulk = service
        .push(
            &a1.row,
            a1.request(vec![made, first_edit, second_edit]),
            now(),
        )
        .unwrap();
    let versions: Vec<Option<u64>> = bulk
        .results
        .iter()
        .map(|r| match &r.outcome {
            Outcome::Applied(applied) => applied.versions.get("note").copied(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        versions,
        [None, Some(2), Some(3)],
        "each edit builds on the one before it in the batch"
    );
    let change_versions: Vec<u64> = bulk
        .results
        .iter()
        .filter_map(|r| match &r.outcome {
            Outcome::Applied(applied) => applied.change_version.map(|v| v.0),
            _ => None,
        })
        .collect();
    assert_eq!(
        change_versions,
        [2, 3, 4],
        "consecutive log positions after the first insert's 1"
    );
    t.push(format!("bulk {versions:?} {change_versions:?}"));
    let delete = a1.mutation("seeker", s9, Op::Delete);
    service
        .push(&a1.row, a1.request(vec![delete]), now())
        .unwrap();

    // A gap is refused as a whole and says where to resume.
    let mut skipped = a1.mutation(
        "seeker",
        s1,
        update(&[("phone", json!("010-1234-5678"), 1)]),
    );
    skipped.seq = 9;
    let gap = service
        .push(&a1.row, a1.request(vec![skipped]), now())
        .unwrap_err();
    assert_eq!(gap.code(), &ErrorCode::PushSequenceGap);
    assert_eq!(
        gap.body.acknowledged_seq,
        Some(5),
        "1 insert, the 3-mutation batch, 1 delete"
    );
    a1.seq = 5;

    // Two devices edit the same field from the same base: both values kept.
    let e1 = a1.mutation("seeker", s1, update(&[("note", json!("a1의 메모"), 1)]));
    let r1 = service.push(&a1.row, a1.request(vec![e1]), now()).unwrap();
    let e2 = a2.mutation(
        "seeker",
        s1,
        update(&[
            ("note", json!("a2의 메모"), 1),
            ("skills", json!(["용접"]), 1),
        ]),
    );
    let r2 = service.push(&a2.row, a2.request(vec![e2]), now()).unwrap();
    t.push(format!("edit1 {:?}", r1.results[0].outcome));
    let conflict = match &r2.results[0].outcome {
        Outcome::ConflictRecorded { conflicts, applied } => {
            assert_eq!(conflicts.len(), 1, "one field was edited concurrently");
            assert_eq!(
                applied.versions.get("note"),
                Some(&3),
                "base 1, then a1's 2, then a2's 3"
            );
            assert_eq!(
                applied.versions.get("skills"),
                Some(&2),
                "skills was not contested"
            );
            conflicts[0].clone()
        }
        other => panic!("expected a conflict, got {other:?}"),
    };
    assert_eq!(conflict.overwritten.value, json!("a1의 메모"));
    assert_eq!(conflict.applied.value, json!("a2의 메모"));
    assert_eq!(conflict.overwritten.device_id, a1.id);
    t.push(format!(
        "conflict field={} base={}",
        conflict.field, conflict.base_version
    ));

    // The same device editing its own value again is no conflict, even from
    // a base the server has moved past.
    let e3 = a2.mutation(
        "seeker",
        s1,
        update(&[("note", json!("a2의 두 번째 메모"), 2)]),
    );
    let r3 = service.push(&a2.row, a2.request(vec![e3]), now()).unwrap();
    assert!(
        matches!(r3.results[0].outcome, Outcome::Applied(_)),
        "{:?}",
        r3.results[0].outcome
    );

    // An equal value is a no-op: no new version, no change-log entry.
    let e4 = a1.mutation("seeker", s1, update(&[("skills", json!(["용접"]), 1)]));
    let r4 = service.push(&a1.row, a1.request(vec![e4]), now()).unwrap();
    match &r4.results[0].outcome {
        Outcome::Applied(applied) => {
            assert_eq!(applied.change_version, None);
            assert_eq!(applied.versions.get("skills"), Some(&2));
        }
        other => panic!("{other:?}"),
    }

    // Resolving: an update naming the conflict; it leaves the open list.
    assert_eq!(service.open_conflicts(a).unwrap().len(), 1);
    let mut fix = a1.mutation("seeker", s1, update(&[("note", json!("합친 메모"), 4)]));
    fix.resolves = vec![conflict.conflict_id];
    let r5 = service.push(&a1.row, a1.request(vec![fix]), now()).unwrap();
    assert!(
        matches!(r5.results[0].outcome, Outcome::Applied(_)),
        "{:?}",
        r5.results[0].outcome
    );
    assert!(
        service.open_conflicts(a).unwrap().is_empty(),
        "resolved conflicts leave the queue"
    );

    // A permanent error is recorded and acknowledged: the queue moves on.
    let bad = a1.mutation("seeker", s1, update(&[("status", json!("없는_상태"), 1)]));
    let after = a1.mutation(
        "seeker",
        s1,
        update(&[("phone", json!("010-2222-3333"), 1)]),
    );
    let r6 = service
        .push(&a1.row, a1.request(vec![bad, after]), now())
        .unwrap();
    assert_eq!(
        outcome_code(&r6.results[0].outcome),
        Some(ErrorCode::RecordInvalid)
    );
    assert_eq!(
        outcome_code(&r6.results[1].outcome),
        None,
        "the next mutation still applies"
    );
    assert_eq!(
        r6.acknowledged_seq, a1.seq,
        "a rejection is acknowledged too"
    );
    t.push(format!(
        "bad {:?} then {:?}",
        outcome_code(&r6.results[0].outcome),
        r6.results[1].outcome
    ));

    // A record over the per-mutation limit is refused on its own; the edit
    // behind it in the same batch still applies.
    let huge = a1.mutation(
        "seeker",
        s1,
        update(&[("note", json!("가".repeat(100_000)), 4)]),
    );
    let small = a1.mutation(
        "seeker",
        s1,
        update(&[("phone", json!("010-3333-4444"), 2)]),
    );
    let r_huge = service
        .push(&a1.row, a1.request(vec![huge, small]), now())
        .unwrap();
    assert_eq!(
        outcome_code(&r_huge.results[0].outcome),
        Some(ErrorCode::RecordInvalid),
        "300 KB of text"
    );
    assert_eq!(outcome_code(&r_huge.results[1].outcome), None);
    assert_eq!(r_huge.acknowledged_seq, a1.seq, "both acknowledged");
    t.push(format!(
        "huge {:?}",
        outcome_code(&r_huge.results[0].outcome)
    ));

    // Another center's device: its edits of A's record are refused as if the
    // record did not exist, and its pulls hold nothing of A.
    let foreign = b1.mutation("seeker", s1, update(&[("name", json!("남의 이름"), 1)]));
    let r7 = service
        .push(&b1.row, b1.request(vec![foreign]), now())
        .unwrap();
    assert_eq!(
        outcome_code(&r7.results[0].outcome),
        Some(ErrorCode::RecordNotFound)
    );
    let smuggled = b1.mutation(
        "seeker",
        uuid7(101),
        Op::Insert {
            record: seeker(uuid7(101), a),
        },
    );
    let r8 = service
        .push(&b1.row, b1.request(vec![smuggled]), now())
        .unwrap();
    assert_eq!(
        outcome_code(&r8.results[0].outcome),
        Some(ErrorCode::RecordForbidden)
    );
    // B's desk making a record of its own under A's record's id: refused,
    // and A's record keeps its values (a write would have replaced them).
    let taken = b1.mutation(
        "seeker",
        s1,
        Op::Insert {
            record: seeker(s1, b),
        },
    );
    let before = service.records(a).unwrap();
    let r9 = service
        .push(&b1.row, b1.request(vec![taken]), now())
        .unwrap();
    assert_eq!(
        outcome_code(&r9.results[0].outcome),
        Some(ErrorCode::RecordIdTaken)
    );
    assert_eq!(service.records(a).unwrap(), before, "A's records untouched");
    t.push(format!("taken {:?}", outcome_code(&r9.results[0].outcome)));
    assert!(
        pull_all(service, &b1).is_empty(),
        "B sees none of A's changes"
    );

    // A second desk of A making its own record under s1's id (it imported
    // the other desk's export before syncing): no refusal and no silent
    // divergence. The server keeps s1's values; each field the second
    // record differs in is a same-id conflict holding both values and goes
    // up one version; the desk is told the values kept.
    let before = service
        .records(a)
        .unwrap()
        .into_iter()
        .find(|r| r.id == s1)
        .unwrap();
    let mut second = seeker(s1, a);
    second.insert("name".into(), json!("김도약(다른 사람)"));
    let twin = a2.mutation(
        "seeker",
        s1,
        Op::Insert {
            record: second.clone(),
        },
    );
    let r10 = service
        .push(&a2.row, a2.request(vec![twin]), now())
        .unwrap();
    let Outcome::ConflictRecorded { applied, conflicts } = &r10.results[0].outcome else {
        panic!(
            "a same-id insert is kept as conflicts: {:?}",
            r10.results[0]
        );
    };
    let after = service
        .records(a)
        .unwrap()
        .into_iter()
        .find(|r| r.id == s1)
        .unwrap();
    assert_eq!(
        after.values(),
        before.values(),
        "the server's record keeps its values"
    );
    let differing: Vec<&String> = conflicts.iter().map(|c| &c.field).collect();
    assert!(differing.contains(&&"name".to_owned()), "{differing:?}");
    for c in conflicts {
        let held = &before.fields[&c.field];
        assert!(c.same_id && c.resolution.is_none());
        assert_eq!(
            (&c.applied.value, c.applied.version, c.applied.device_id),
            (&held.value, held.version + 1, held.device),
            "{}: the kept side is the server's value, one version up, its author unchanged",
            c.field
        );
        assert_eq!(
            &c.overwritten.value,
            second.get(&c.field).unwrap_or(&Value::Null),
            "{}: the other side is the second record's value",
            c.field
        );
        assert_eq!(after.fields[&c.field].version, held.version + 1);
        assert_eq!(applied.server_kept[&c.field].value, held.value);
    }
    assert!(
        second
            .iter()
            .filter(|(f, v)| before.fields.get(*f).map(|h| &h.value) == Some(*v))
            .all(|(f, _)| !differing.contains(&f)),
        "fields both records agree on are no conflict"
    );
    t.push(format!(
        "same id: {} conflicts on {differing:?}",
        conflicts.len()
    ));

    // Pulls: A's log in order, every change once.
    let log = pull_all(service, &a2);
    let kinds: Vec<String> = log
        .iter()
        .map(|c| match &c.body {
            ChangeBody::Insert { .. } => "insert".to_owned(),
            ChangeBody::Update { fields } => {
                format!("update {:?}", fields.keys().collect::<Vec<_>>())
            }
            ChangeBody::Delete => "delete".to_owned(),
            ChangeBody::Append { .. } => "append".to_owned(),
            ChangeBody::Conflict { conflict } => {
                format!("conflict resolved={}", conflict.resolution.is_some())
            }
        })
        .collect();
    t.extend(kinds.iter().cloned());
    assert_eq!(
        kinds,
        [
            "insert",
            "insert",
            "update [\"note\"]",
            "update [\"note\"]",
            "delete",
            "update [\"note\"]",
            "update [\"note\", \"skills\"]",
            "conflict resolved=false",
            "update [\"note\"]",
            "update [\"note\"]",
            "conflict resolved=true",
            "update [\"phone\"]",
            "update [\"phone\"]",
            "update [\"name\", \"note\", \"phone\", \"skills\"]",
            "conflict resolved=false",
            "conflict resolved=false",
            "conflict resolved=false",
            "conflict resolved=false",
        ],
        "insert, a1's note, a2's note+skills and its conflict, a2's own edit, the resolution and its conflict update, the phone, the same-id versions and its four conflicts"
    );

    // Center a's counts: the seeker is active (상담 단계) since October —
    // one person, so the count is hidden (1–4 never leaves the server).
    let own = |center| Scope::Center { center_id: center };
    let counts = service
        .counts(&own(a), "2026-01", "2026-12")
        .unwrap()
        .counts;
    assert_eq!(counts.len(), 1);
    assert_eq!(
        (
            counts[0].center_id,
            counts[0].count.metric.as_str(),
            counts[0].count.count,
            counts[0].count.suppressed
        ),
        (a, "active_seekers", None, true)
    );
    assert_eq!(counts[0].count.month, "2026-10");
    // Another center's device sees nothing of a's: at most its own
    // center's row, withheld under the hidden national total of 1.
    let of_b = service
        .counts(&own(b), "2026-01", "2026-12")
        .unwrap()
        .counts;
    assert!(
        of_b.iter()
            .all(|c| c.center_id == b && c.count.count.is_none())
    );
    let closed = a1.mutation("seeker", s1, update(&[("status", json!("closed"), 1)]));
    service
        .push(&a1.row, a1.request(vec![closed]), now())
        .unwrap();
    assert!(
        service
            .counts(&own(a), "2026-01", "2026-12")
            .unwrap()
            .counts
            .is_empty(),
        "a closed seeker is not active"
    );
    assert!(
        service.counts(&own(a), "2026-13", "2026-12").is_err(),
        "a month that does not exist is refused"
    );

    // An event: its log entry names the stored event, and the other desk
    // pulls exactly what was appended (envelope and every value). The same
    // event again adds no entry; an edit of it is refused.
    let e1 = uuid7(150);
    let note = doyak_domain::CaseEvent {
        id: Id::from(e1),
        center_id: Id::from(a),
        subject_id: Id::from(s1),
        author_id: None,
        recorded_at: None,
        occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        supersedes: None,
        body: doyak_domain::EventBody::CounselingSession {
            minutes: 50,
            mode: doyak_domain::events::ContactMode::InPerson,
            content: "이력서 첨삭 \"용접\" 직무, 줄바꿈\n포함".into(),
            next_step: None,
            next_on: None,
        },
    };
    let Value::Object(record) = serde_json::to_value(&note).unwrap() else {
        unreachable!()
    };
    let appended = a1.mutation(
        "event",
        e1,
        Op::Append {
            record: record.clone(),
        },
    );
    let before = pull_all(service, &a2).len();
    let answer = service
        .push(&a1.row, a1.request(vec![appended.clone()]), now())
        .unwrap();
    let pulled = pull_all(service, &a2);
    assert_eq!(pulled.len(), before + 1);
    let change = pulled.last().unwrap();
    assert_eq!(
        (
            &change.entity,
            change.entity_id,
            change.mutation_id,
            change.author_device,
            &change.hlc,
            &change.body
        ),
        (
            &appended.entity,
            e1,
            appended.mutation_id,
            a1.id,
            &appended.hlc,
            &ChangeBody::Append { record }
        ),
        "the pulled event is the appended one"
    );
    let mut resent = appended.clone();
    resent.mutation_id = uuid7(151);
    resent.seq = a1.seq + 1;
    a1.seq += 1;
    let edit = a1.mutation(
        "event",
        e1,
        update(&[("occurred_on", json!("2026-11-03"), 1)]),
    );
    let later = service
        .push(&a1.row, a1.request(vec![resent, edit]), now())
        .unwrap();
    assert_eq!(
        pull_all(service, &a2).len(),
        before + 1,
        "nothing new to pull"
    );
    t.push(format!(
        "event {:?}, again {:?}, edited {:?}",
        outcome_code(&answer.results[0].outcome),
        outcome_code(&later.results[0].outcome),
        outcome_code(&later.results[1].outcome)
    ));

    // Revocation and expiry.
    assert!(service.revoke_device(a2.id, now()).unwrap());
    let token_row = a2.row.clone();
    let late_edit = a2.mutation("seeker", s1, update(&[("note", json!("x"), 5)]));
    let revoked = service
        .push(&token_row, a2.request(vec![late_edit]), now())
        .unwrap_err();
    assert_eq!(revoked.code(), &ErrorCode::AuthRevoked);
    let expired = service
        .pull(
            &a1.row,
            &PullRequest {
                protocol: ProtocolVersion::V1,
                cursor: ChangeVersion::START,
                limit: 10,
            },
            now() + Duration::days(31),
        )
        .unwrap_err();
    assert_eq!(expired.code(), &ErrorCode::AuthExpired);

    t
}
