//! 개인정보 파기 (`doyak-server/src/destroy.rs`): a desk pushes a seeker's
//! destruction and the server erases the case file's values from every row
//! it keeps, then refuses whatever names it. Same answers on every backend,
//! and the destroyed words found in no table of either database.

use super::{Backend, enroll, fresh_pg_database, now, outcome_code, pull_all, update, uuid7};
use doyak_domain::events::{Application, ApplicationStatus, ContactMode};
use doyak_domain::privacy::{DESTROYED_NAME, DestroyedKind, DestructionReason};
use doyak_domain::seeker::SeekerStatus;
use doyak_domain::{CaseEvent, EventBody, Id, JobSeeker, Phone};
use doyak_server::{PostgresStorage, SqliteStorage, Storage, SyncService};
use doyak_sync_protocol::{Change, ChangeBody, ErrorCode, Op, Outcome, PushResponse};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Every value the destruction must erase, as the desks sent them (the
/// phone also as one desk typed it, before the server normalised it).
const DESTROYED: [&str; 12] = [
    "김파기",
    "010-4821-7730",
    "010-1111-2222",
    "010-3333-4444",
    "01033334444",
    "채무 상담 필요",
    "우울감으로 통원 치료 중",
    "면접 복장 지원 필요",
    "빚 청산이 목표",
    "주말에만 연락 가능",
    "둘째김",
    "셋째 상담 비밀",
];

/// A backend whose whole database the test can read back as text.
struct Dumped {
    backend: Backend,
    dump: Box<dyn Fn() -> String>,
    /// The database file's bytes and its log's, where there is a file.
    raw: Option<Box<dyn Fn() -> Vec<u8>>>,
    _dir: Option<tempfile::TempDir>,
}

/// A SQLite file (the in-memory database cannot be read from outside the
/// server) and PostgreSQL when configured.
fn dumped_backends() -> Vec<Dumped> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.db");
    let service = SyncService::new(
        Storage::Sqlite(SqliteStorage::open(&path).unwrap()),
        super::config(),
    );
    let mut all = vec![Dumped {
        backend: Backend {
            name: "sqlite",
            service,
            cleanup: None,
        },
        dump: Box::new({
            let path = path.clone();
            move || sqlite_dump(&path)
        }),
        raw: Some(Box::new(move || {
            let mut bytes = std::fs::read(&path).unwrap();
            let wal = path.with_file_name("server.db-wal");
            bytes.extend(std::fs::read(wal).unwrap_or_default());
            bytes
        })),
        _dir: Some(dir),
    }];
    if let Ok(url) = std::env::var("DOYAK_TEST_DATABASE_URL") {
        let (db_url, cleanup) = fresh_pg_database(&url);
        let service = SyncService::new(
            Storage::Postgres(PostgresStorage::connect(&db_url, 2).unwrap()),
            super::config(),
        );
        all.push(Dumped {
            backend: Backend {
                name: "postgres",
                service,
                cleanup: Some(cleanup),
            },
            dump: Box::new(move || pg_dump(&db_url)),
            raw: None,
            _dir: None,
        });
    }
    all
}

/// Every row of every table, as text.
fn sqlite_dump(path: &std::path::Path) -> String {
    use rusqlite::types::ValueRef;
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut text = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                match row.get_ref(i).unwrap() {
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        text.push_str(&String::from_utf8_lossy(t));
                    }
                    ValueRef::Integer(n) => text.push_str(&n.to_string()),
                    ValueRef::Real(f) => text.push_str(&f.to_string()),
                    ValueRef::Null => {}
                }
                text.push('\t');
            }
            text.push('\n');
        }
    }
    text
}

fn pg_dump(url: &str) -> String {
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let tables: Vec<String> = client
        .query(
            "SELECT table_name::text FROM information_schema.tables
              WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut text = String::new();
    for table in tables {
        for row in client
            .query(&format!("SELECT t::text FROM \"{table}\" t"), &[])
            .unwrap()
        {
            text.push_str(row.get::<_, &str>(0));
            text.push('\n');
        }
    }
    text
}

fn object(v: impl serde::Serialize) -> Map<String, Value> {
    match serde_json::to_value(v).unwrap() {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

fn day(d: &str) -> chrono::NaiveDate {
    d.parse().unwrap()
}

fn event(id: Uuid, center: Uuid, subject: Uuid, body: EventBody) -> Op {
    Op::Append {
        record: object(CaseEvent {
            id: Id::from(id),
            center_id: Id::from(center),
            subject_id: Id::from(subject),
            author_id: None,
            recorded_at: None,
            occurred_on: day("2026-11-02"),
            supersedes: None,
            body,
        }),
    }
}

fn session(id: Uuid, center: Uuid, subject: Uuid, content: &str) -> Op {
    event(
        id,
        center,
        subject,
        EventBody::CounselingSession {
            minutes: 50,
            mode: ContactMode::InPerson,
            content: content.into(),
            next_step: None,
            next_on: None,
        },
    )
}

fn destruction(id: Uuid, center: Uuid, seeker: Uuid) -> Op {
    event(
        id,
        center,
        seeker,
        EventBody::Destruction {
            reason: DestructionReason::ConsentWithdrawn,
            kinds: vec![DestroyedKind::Identity, DestroyedKind::FreeText],
        },
    )
}

fn codes(answer: &PushResponse) -> Vec<String> {
    answer
        .results
        .iter()
        .map(|r| match &r.outcome {
            Outcome::Applied(a) => format!(
                "applied{}{}",
                if a.change_version.is_some() {
                    ""
                } else {
                    " (nothing)"
                },
                if r.duplicate { " dup" } else { "" }
            ),
            Outcome::ConflictRecorded { conflicts, .. } => format!(
                "conflict x{}{}",
                conflicts.len(),
                if r.duplicate { " dup" } else { "" }
            ),
            Outcome::Rejected(x) => x.code.as_str().to_owned(),
        })
        .collect()
}

/// A change as the transcript shows it: no conflict id (random), every
/// field's version.
fn line(c: &Change) -> String {
    let fields = |f: &BTreeMap<String, doyak_sync_protocol::VersionedValue>| {
        f.iter()
            .map(|(k, v)| format!("{k}@{}", v.version))
            .collect::<Vec<_>>()
            .join(",")
    };
    let body = match &c.body {
        ChangeBody::Insert { fields: f } => format!("insert {}", fields(f)),
        ChangeBody::Update { fields: f } => format!("update {}", fields(f)),
        ChangeBody::Delete => "delete".into(),
        ChangeBody::Append { record } => format!("append {}", record["body"]["type"]),
        ChangeBody::Conflict { conflict } => format!(
            "conflict {} closed={}",
            conflict.field,
            conflict.resolution.is_some()
        ),
    };
    format!(
        "{} {} {} {body}",
        c.version.0,
        c.entity.as_str(),
        c.entity_id
    )
}

#[test]
fn a_destruction_erases_the_case_file_everywhere_and_refuses_what_names_it() {
    let mut transcripts = Vec::new();
    for db in dumped_backends() {
        transcripts.push((db.backend.name, scenario(&db)));
    }
    for pair in transcripts.windows(2) {
        assert_eq!(
            pair[0].1, pair[1].1,
            "{} and {} must give identical answers",
            pair[0].0, pair[1].0
        );
    }
}

fn scenario(db: &Dumped) -> Vec<String> {
    let name = db.backend.name;
    let service = &db.backend.service;
    let mut t = Vec::new();
    let (c, other_center) = (uuid7(60), uuid7(61));
    service.put_center(c, "중부센터").unwrap();
    service.put_center(other_center, "서부센터").unwrap();
    let mut a1 = enroll(service, c, 61);
    let mut a2 = enroll(service, c, 62);
    let reader = enroll(service, c, 63);
    let mut b1 = enroll(service, other_center, 64);
    let (s, kept_seeker, b_seeker) = (uuid7(600), uuid7(601), uuid7(602));
    let (e1, app, e2, d) = (uuid7(610), uuid7(611), uuid7(612), uuid7(613));

    // The case file: a seeker with a name, a phone and a note, a counseling
    // session, an 알선 with a note and a step about that 알선.
    let mut record = JobSeeker {
        status: SeekerStatus::Consulting,
        enrolled_on: Some(day("2026-10-05")),
        phone: Some(Phone::parse("010-4821-7730").unwrap()),
        note: Some("채무 상담 필요".into()),
        ..JobSeeker::intake(Id::from(s), Id::from(c), "김파기")
    };
    let first = object(&record);
    record.id = Id::from(kept_seeker);
    record.name = "박유지".into();
    record.phone = None;
    record.note = None;
    let unrelated = object(&record);
    let application = object(Application {
        id: Id::from(app),
        center_id: Id::from(c),
        seeker_id: Id::from(s),
        vacancy_id: Id::from(uuid7(690)),
        applied_on: day("2026-11-01"),
        status: ApplicationStatus::Proposed,
        note: Some("면접 복장 지원 필요".into()),
    });
    let step = EventBody::ApplicationStep {
        from: ApplicationStatus::Proposed,
        to: ApplicationStatus::Submitted,
        note: Some("빚 청산이 목표".into()),
    };
    let setup = vec![
        a1.mutation("seeker", s, Op::Insert { record: first }),
        a1.mutation("seeker", kept_seeker, Op::Insert { record: unrelated }),
        a1.mutation("event", e1, session(e1, c, s, "우울감으로 통원 치료 중")),
        a1.mutation(
            "application",
            app,
            Op::Insert {
                record: application,
            },
        ),
        a1.mutation("event", e2, event(e2, c, app, step)),
        a1.mutation("seeker", s, update(&[("phone", json!("010-1111-2222"), 1)])),
    ];
    let setup_batch = a1.request(setup);
    let answer = service.push(&a1.row, setup_batch.clone(), now()).unwrap();
    t.push(format!("setup: {:?}", codes(&answer)));
    // A second desk that had not pulled edits the phone as typed: a
    // conflict, and the normalised number sent back.
    let typed = a2.mutation("seeker", s, update(&[("phone", json!("01033334444"), 1)]));
    let conflicting = a2.request(vec![typed]);
    let answer = service.push(&a2.row, conflicting.clone(), now()).unwrap();
    t.push(format!("conflict: {:?}", codes(&answer)));
    let text = serde_json::to_string(&answer).unwrap();
    assert!(
        text.contains("010-3333-4444") && text.contains("010-1111-2222"),
        "{name}: the answer holds both values before the destruction: {text}"
    );
    let before: BTreeMap<String, u64> = service
        .records(c)
        .unwrap()
        .iter()
        .find(|r| r.id == s)
        .unwrap()
        .fields
        .iter()
        .map(|(k, f)| (k.clone(), f.version))
        .collect();

    // The destruction, with an edit before it and a session after it in the
    // same batch; then destructions that are refused.
    let batch = vec![
        a1.mutation(
            "seeker",
            s,
            update(&[("note", json!("주말에만 연락 가능"), 1)]),
        ),
        a1.mutation("event", d, destruction(d, c, s)),
        a1.mutation("event", uuid7(614), session(uuid7(614), c, s, "파기 뒤")),
        a1.mutation("event", uuid7(615), destruction(uuid7(615), c, uuid7(699))),
        a1.mutation("event", uuid7(616), destruction(uuid7(616), c, b_seeker)),
    ];
    let destroying = a1.request(batch);
    let b_insert = b1.mutation(
        "seeker",
        b_seeker,
        Op::Insert {
            record: object(JobSeeker::intake(
                Id::from(b_seeker),
                Id::from(other_center),
                "타센터",
            )),
        },
    );
    service
        .push(&b1.row, b1.request(vec![b_insert]), now())
        .unwrap();
    let answer = service.push(&a1.row, destroying.clone(), now()).unwrap();
    t.push(format!("destruction: {:?}", codes(&answer)));
    assert_eq!(
        answer
            .results
            .iter()
            .map(|r| outcome_code(&r.outcome))
            .collect::<Vec<_>>(),
        vec![
            None,
            None,
            Some(ErrorCode::RecordDestroyed),
            Some(ErrorCode::RecordNotFound),
            Some(ErrorCode::RecordNotFound),
        ],
        "{name}: a session after the destruction is refused, and so is a destruction of a seeker the center lacks or another center's"
    );
    let Outcome::Applied(applied) = &answer.results[1].outcome else {
        unreachable!()
    };
    let destruction_at = applied.change_version.unwrap().0;
    let text = serde_json::to_string(&answer).unwrap();
    assert!(
        DESTROYED.iter().all(|gone| !text.contains(gone)),
        "{name}: the push's own answer holds no destroyed value: {text}"
    );

    // A desk that pulls everything from the start finds no destroyed value.
    let log = pull_all(service, &reader);
    let text = serde_json::to_string(&log).unwrap();
    for gone in DESTROYED {
        assert!(!text.contains(gone), "{name}: {gone} pulled in {text}");
    }
    t.extend(log.iter().map(line));
    // The scrub: after the destruction's own entry, an update of each shared
    // record of the file with every field one version up, kept values
    // unchanged; the conflict logged closed.
    let after: Vec<&Change> = log
        .iter()
        .filter(|ch| ch.version.0 > destruction_at)
        .collect();
    let kinds: Vec<(Uuid, &str)> = after
        .iter()
        .map(|ch| {
            let kind = match &ch.body {
                ChangeBody::Update { .. } => "update",
                ChangeBody::Conflict { .. } => "conflict",
                _ => "other",
            };
            (ch.entity_id, kind)
        })
        .collect();
    assert_eq!(
        kinds,
        vec![(app, "update"), (s, "update"), (s, "conflict")],
        "{name}: the 알선 and the seeker, then the open conflict closed"
    );
    let ChangeBody::Update { fields } = &after[1].body else {
        unreachable!()
    };
    for (field, version) in &before {
        let edited = u64::from(field == "note");
        assert_eq!(
            fields[field].version,
            version + 1 + edited,
            "{name}: {field} one version up (the note was edited in the batch too)"
        );
    }
    assert_eq!(fields["name"].value, json!(DESTROYED_NAME), "{name}");
    assert_eq!(
        (&fields["phone"].value, &fields["note"].value),
        (&Value::Null, &Value::Null),
        "{name}"
    );
    assert_eq!(
        (&fields["status"].value, &fields["enrolled_on"].value),
        (&json!("consulting"), &json!("2026-10-05")),
        "{name}: what the figures count is kept"
    );
    let rows = service.records(c).unwrap();
    let row = rows.iter().find(|r| r.id == s).unwrap();
    assert_eq!(
        fields,
        &row.versioned(),
        "{name}: the update carries the record as stored"
    );
    assert!(
        service
            .open_conflicts(c)
            .unwrap()
            .iter()
            .all(|x| x.entity_id != s),
        "{name}: no conflict of the destroyed seeker stays open"
    );
    let untouched = rows.iter().find(|r| r.id == kept_seeker).unwrap();
    assert_eq!(
        untouched.fields["name"].value,
        json!("박유지"),
        "{name}: another seeker keeps everything"
    );

    // From now on nothing that names the file is applied; a second
    // destruction is done already.
    let new_application = object(Application {
        id: Id::from(uuid7(620)),
        center_id: Id::from(c),
        seeker_id: Id::from(s),
        vacancy_id: Id::from(uuid7(690)),
        applied_on: day("2026-11-20"),
        status: ApplicationStatus::Proposed,
        note: None,
    });
    let batch = vec![
        a2.mutation("seeker", s, update(&[("phone", json!("010-9999-0000"), 3)])),
        a2.mutation("event", uuid7(621), session(uuid7(621), c, s, "다시 상담")),
        a2.mutation(
            "event",
            uuid7(622),
            session(uuid7(622), c, e1, "상담에 대한 메모"),
        ),
        a2.mutation(
            "application",
            uuid7(620),
            Op::Insert {
                record: new_application,
            },
        ),
        a2.mutation("application", app, update(&[("status", json!("hired"), 1)])),
        a2.mutation("event", uuid7(623), destruction(uuid7(623), c, s)),
    ];
    let later = a2.request(batch);
    let answer = service.push(&a2.row, later.clone(), now()).unwrap();
    t.push(format!("later: {:?}", codes(&answer)));
    assert_eq!(
        codes(&answer),
        vec![
            "record.destroyed",
            "record.destroyed",
            "record.destroyed",
            "record.destroyed",
            "record.destroyed",
            "applied (nothing)",
        ],
        "{name}"
    );
    assert_eq!(
        pull_all(service, &reader).len(),
        log.len(),
        "{name}: none of them reached the log"
    );

    // A retention sweep destroys several seekers in one push: each case
    // file is found, also what the push wrote after the first destruction.
    let (s2, s3, e3) = (uuid7(630), uuid7(631), uuid7(632));
    let intake = |id: Uuid, name: &str| Op::Insert {
        record: object(JobSeeker::intake(Id::from(id), Id::from(c), name)),
    };
    let batch = vec![
        a1.mutation("seeker", s2, intake(s2, "둘째김")),
        a1.mutation("event", uuid7(633), destruction(uuid7(633), c, s2)),
        a1.mutation("seeker", s3, intake(s3, "셋째")),
        a1.mutation("event", e3, session(e3, c, s3, "셋째 상담 비밀")),
        a1.mutation("event", uuid7(634), destruction(uuid7(634), c, s3)),
    ];
    let answer = service.push(&a1.row, a1.request(batch), now()).unwrap();
    t.push(format!("sweep: {:?}", codes(&answer)));
    let swept = pull_all(service, &reader);
    t.extend(swept[log.len()..].iter().map(line));
    let text = serde_json::to_string(&swept).unwrap();
    assert!(
        !text.contains("둘째김") && !text.contains("셋째 상담 비밀"),
        "{name}: both files scrubbed: {text}"
    );

    // Replays answer the stored results, which hold no destroyed value.
    for (device, batch) in [
        (&a1, setup_batch),
        (&a2, conflicting),
        (&a1, destroying),
        (&a2, later),
    ] {
        let answer = service.push(&device.row, batch, now()).unwrap();
        t.push(format!("replay: {:?}", codes(&answer)));
        let text = serde_json::to_string(&answer).unwrap();
        for gone in DESTROYED {
            assert!(!text.contains(gone), "{name}: {gone} replayed in {text}");
        }
    }

    // Nothing of it anywhere in the database (what SELECT reads: see the
    // module of `destroy` for what PostgreSQL keeps until VACUUM).
    let everything = (db.dump)();
    assert!(
        everything.contains("박유지"),
        "{name}: the dump reads the records"
    );
    for gone in DESTROYED {
        assert!(
            !everything.contains(gone),
            "{name}: {gone} left in the database"
        );
    }
    // SQLite's file itself, and its log: freed space zeroed
    // (`secure_delete`) and the log emptied after the destruction, so no
    // byte of the values is left on the disk either.
    if let Some(raw) = &db.raw {
        let bytes = raw();
        for gone in DESTROYED {
            assert!(
                !bytes.windows(gone.len()).any(|w| w == gone.as_bytes()),
                "{name}: {gone} left in the file's bytes"
            );
        }
    }
    t
}
