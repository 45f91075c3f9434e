//! 개인정보 파기: a destroyed seeker leaves no byte of their identity or
//! words in the file or its log, nothing of them can be written again, the
//! unsent queue goes scrubbed, and a destruction pulled from another desk
//! erases what this desk holds.

use super::*;
use doyak_domain::Phone;
use doyak_domain::privacy::{DESTROYED_NAME, DestroyedKind, DestructionReason};
use doyak_store::{CaseFile, NewResumeFile};

const NAME: &str = "김파기표본";
const OLD_PHONE: &str = "010-4821-7730";
const PHONE: &str = "010-5555-0199";
const WORDS: &str = "우울감으로 통원 치료 중이라 함";
const FILE_TEXT: &str = "자기소개서 본문 표본 문장";

fn destruction(seeker: Id, n: u8) -> CaseEvent {
    CaseEvent {
        id: Id::new_v7(1_764_500_000_000 + u64::from(n), [0xd0 + n; 10]),
        center_id: center().id,
        subject_id: seeker,
        author_id: None,
        occurred_on: "2026-11-25".parse().unwrap(),
        recorded_at: None,
        supersedes: None,
        body: EventBody::Destruction {
            reason: DestructionReason::ConsentWithdrawn,
            kinds: vec![DestroyedKind::Identity, DestroyedKind::FreeText],
        },
    }
}

fn session(seeker: Id, n: u8) -> CaseEvent {
    CaseEvent {
        id: Id::new_v7(1_764_400_000_000 + u64::from(n), [0x50 + n; 10]),
        center_id: center().id,
        subject_id: seeker,
        author_id: None,
        occurred_on: "2026-11-20".parse().unwrap(),
        recorded_at: None,
        supersedes: None,
        body: EventBody::CounselingSession {
            minutes: 50,
            mode: ContactMode::InPerson,
            content: WORDS.into(),
            next_step: None,
            next_on: None,
        },
    }
}

/// A seeker with a name, a phone changed once (the old number is an older
/// version somewhere in the file's history), a session note, a résumé file
/// and a draft.
fn planted(store: &mut Store) -> JobSeeker {
    let mut s = seeker(7, NAME);
    s.phone = Some(Phone::parse(OLD_PHONE).unwrap());
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    s.phone = Some(Phone::parse(PHONE).unwrap());
    store
        .write(&ctx(), |w| {
            w.update(&s)?;
            w.append(&session(s.id, 1))?;
            w.add_resume_file(NewResumeFile {
                id: Id::new_v7(1_764_300_000_000, [9; 10]),
                seeker_id: s.id,
                file_name: "이력서.txt",
                sha256: "00",
                bytes: FILE_TEXT.as_bytes(),
                based_on: None,
                audit_detail: "resume",
            })
            .map(drop)
        })
        .unwrap();
    store
        .put_draft(&format!("session:{}", s.id), WORDS, now())
        .unwrap();
    s
}

fn bytes_of(path: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-journal"] {
        if let Ok(b) = std::fs::read(format!("{}{suffix}", path.display())) {
            all.extend(b);
        }
    }
    all
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn after_a_destruction_no_byte_of_the_person_is_left_in_the_file_or_its_log() {
    // Unencrypted, so the bytes can be read: in an encrypted caseload every
    // byte is ciphertext and a grep would pass whatever SQLite left behind.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.doyak");
    let pass = Passphrase::unencrypted_for_benchmarks();
    let mut store = Store::create(&path, &pass, &center(), &ctx()).unwrap();
    let s = planted(&mut store);
    let before = bytes_of(&path);
    // The grep can fail: before the destruction every value is there.
    for planted in [NAME, OLD_PHONE, PHONE, WORDS, FILE_TEXT] {
        assert!(holds(&before, planted), "{planted} planted");
    }
    store
        .write(&ctx(), |w| w.destroy(&destruction(s.id, 1)))
        .unwrap();
    let after = bytes_of(&path);
    for gone in [NAME, OLD_PHONE, PHONE, WORDS, FILE_TEXT] {
        assert!(!holds(&after, gone), "{gone} still in the file or its log");
    }
    // The record stays for the figures, under no name.
    let kept: JobSeeker = store.get(s.id).unwrap().unwrap();
    assert_eq!(kept.name, DESTROYED_NAME);
    assert_eq!((kept.phone, kept.status), (None, s.status));
    assert_eq!(
        store.events_of(s.id).unwrap().len(),
        2,
        "session and destruction"
    );
    drop(store);
    // Closed and opened again, still nothing (and it opens).
    let store = Store::open(&path, &pass).unwrap();
    assert!(!holds(&bytes_of(&path), NAME));
    assert!(store.resume_files(s.id).unwrap().is_empty());
}

#[test]
fn a_destroyed_person_cannot_be_written_again_and_unsent_changes_go_scrubbed() {
    let (_fx, mut store) = new_store();
    let s = planted(&mut store);
    let file: CaseFile = store.case_file(s.id).unwrap().unwrap();
    assert_eq!(
        (file.events, file.resume_files, file.destroyed),
        (1, 1, false)
    );
    assert_eq!(
        file.unsent, 3,
        "insert, update and the session wait in the outbox"
    );
    assert!(file.kinds.contains(&DestroyedKind::Files));
    store
        .write(&ctx(), |w| w.destroy(&destruction(s.id, 1)))
        .unwrap();
    // Still queued, in order (no gap in the sequence), without the values.
    let outbox = store.outbox_entries(100).unwrap();
    let seqs: Vec<i64> = outbox.iter().map(|e| e.seq).collect();
    assert_eq!(
        seqs,
        (1..=5).collect::<Vec<_>>(),
        "center, insert, update, session, destruction"
    );
    for e in &outbox {
        for gone in [NAME, OLD_PHONE, PHONE, WORDS] {
            assert!(!e.fields.contains(gone), "{gone} in outbox row {}", e.seq);
        }
    }
    let mut again = s.clone();
    again.note = Some("새 메모".into());
    let refused = |r: Result<(), StoreError>| matches!(r, Err(StoreError::Destroyed));
    assert!(refused(store.write(&ctx(), |w| w.update(&again).map(drop))));
    assert!(refused(
        store.write(&ctx(), |w| w.append(&session(s.id, 2)))
    ));
    assert!(refused(
        store.write(&ctx(), |w| w.destroy(&destruction(s.id, 2)))
    ));
    assert!(store.case_file(s.id).unwrap().unwrap().destroyed);
    // The audit log says what kinds went, by the event's own names.
    let trail = store.audit_trail(Some(s.id)).unwrap();
    assert!(
        trail
            .iter()
            .any(|a| a.detail == "destroy:identity,free_text"),
        "{trail:?}"
    );
    // Nor a draft or a résumé file: their words would be the person's again.
    assert!(matches!(
        store.put_draft(&format!("session:{}", s.id), WORDS, now()),
        Err(StoreError::Destroyed)
    ));
    assert!(refused(store.write(&ctx(), |w| {
        w.add_resume_file(NewResumeFile {
            id: Id::new_v7(1_764_300_000_001, [8; 10]),
            seeker_id: s.id,
            file_name: "다시.txt",
            sha256: "00",
            bytes: FILE_TEXT.as_bytes(),
            based_on: None,
            audit_detail: "resume",
        })
        .map(drop)
    })));
    assert_eq!(
        store.outbox_entries(100).unwrap().len(),
        5,
        "refusals queue nothing"
    );
}

#[test]
fn a_destruction_pulled_from_another_desk_erases_this_desks_copy_and_its_pending_edit() {
    let (fx, mut store) = new_store();
    let mut s = seeker(8, NAME);
    s.phone = Some(Phone::parse(OLD_PHONE).unwrap());
    pull(
        &mut store,
        vec![insert(&s), {
            let e = session(s.id, 3);
            let Value::Object(record) = serde_json::to_value(&e).unwrap() else {
                unreachable!()
            };
            change(wire::EntityKind::Event, e.id, ChangeBody::Append { record })
        }],
    );
    // This desk edits the phone offline; the edit waits in the outbox.
    s.phone = Some(Phone::parse(PHONE).unwrap());
    store.write(&ctx(), |w| w.update(&s).map(drop)).unwrap();
    let gone = destruction(s.id, 4);
    let Value::Object(record) = serde_json::to_value(&gone).unwrap() else {
        unreachable!()
    };
    let summary = pull(
        &mut store,
        vec![change(
            wire::EntityKind::Event,
            gone.id,
            ChangeBody::Append { record },
        )],
    );
    assert_eq!(summary.applied, 1);
    let held: JobSeeker = store.get(s.id).unwrap().unwrap();
    assert_eq!((held.name.as_str(), held.phone), (DESTROYED_NAME, None));
    let EventBody::CounselingSession { content, .. } =
        &store.event(session(s.id, 3).id).unwrap().unwrap().body
    else {
        panic!("still a session")
    };
    assert!(content.is_empty(), "the note's words are gone");
    let pending: Vec<String> = store
        .outbox_entries(10)
        .unwrap()
        .into_iter()
        .map(|e| e.fields)
        .collect();
    assert!(pending.iter().all(|f| !f.contains(PHONE)), "{pending:?}");
    // The server's scrubbed record, with every field one version on, is
    // taken over the pending edit (which the server will refuse).
    let mut scrubbed = s.clone();
    scrubbed.name = DESTROYED_NAME.into();
    scrubbed.phone = None;
    scrubbed.status = SeekerStatus::Closed;
    pull(&mut store, vec![update(s.id, fields_of(&scrubbed, 3))]);
    let held: JobSeeker = store.get(s.id).unwrap().unwrap();
    assert_eq!(held.status, SeekerStatus::Closed);
    assert_eq!(version(&store, s.id, "phone"), 3);
    // A session another desk wrote before the destruction, pulled after it,
    // is kept without its words, and its follow-up day puts nobody on
    // 오늘 할 일 (a "(파기됨)" row nobody could act on).
    let mut late = session(s.id, 5);
    if let EventBody::CounselingSession { next_on, .. } = &mut late.body {
        *next_on = Some("2026-12-01".parse().unwrap());
    }
    let Value::Object(record) = serde_json::to_value(&late).unwrap() else {
        unreachable!()
    };
    pull(
        &mut store,
        vec![change(
            wire::EntityKind::Event,
            late.id,
            ChangeBody::Append { record },
        )],
    );
    let EventBody::CounselingSession {
        content, next_on, ..
    } = store.event(late.id).unwrap().unwrap().body
    else {
        panic!("still a session")
    };
    assert!(content.is_empty());
    assert!(next_on.is_some(), "the day itself is no one's words: kept");
    // Not even a row the lists' status filter would hide.
    let raw =
        doyak_store::testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
    let rows: i64 = raw
        .query_row("SELECT count(*) FROM followup", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}
