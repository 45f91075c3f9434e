//! 개인정보 파기 across a center: three desks hold a seeker; one destroys
//! them while another, offline, edits their phone and note and writes a
//! session about them. When the offline desk returns, its edits are
//! refused (`record.destroyed`) and keep nothing of what they sent, the
//! destruction reaches it, and every desk and the server end holding the
//! same scrubbed record: the offline edit does not bring the person back.
//! Over a few seeds the transport drops, loses and repeats messages.

use super::{NONE, Sim};
use doyak_domain::events::ContactMode;
use doyak_domain::privacy::{DESTROYED_NAME, DestroyedKind, DestructionReason};
use doyak_domain::{CaseEvent, EventBody, Id, JobSeeker, Phone};
use doyak_store::WriteContext;
use doyak_sync_protocol::ErrorCode;

const NAME: &str = "김파기표본";
const PHONE: &str = "010-4821-7730";
const OFFLINE_PHONE: &str = "010-5555-0199";
const OFFLINE_WORDS: &str = "오프라인에서 쓴 채무 상담 내용";

fn event(sim: &Sim, n: u8, subject: Id, body: EventBody) -> CaseEvent {
    CaseEvent {
        id: Id::new_v7(1_764_000_000_000 + u64::from(n), [n; 10]),
        center_id: sim.center.id,
        subject_id: subject,
        author_id: None,
        occurred_on: sim.now.date_naive(),
        recorded_at: None,
        supersedes: None,
        body,
    }
}

fn session(sim: &Sim, n: u8, subject: Id, words: &str) -> CaseEvent {
    event(
        sim,
        n,
        subject,
        EventBody::CounselingSession {
            minutes: 50,
            mode: ContactMode::InPerson,
            content: words.into(),
            next_step: None,
            next_on: None,
        },
    )
}

fn write(
    sim: &mut Sim,
    d: usize,
    f: impl FnOnce(&mut doyak_store::Writer<'_>) -> doyak_store::Result<()>,
) {
    let ctx: WriteContext = sim.ctx(d);
    sim.desks[d].store.write(&ctx, f).unwrap();
}

/// Runs one seed; true when the destruction reached the server before the
/// offline desk came back.
fn run(seed: u64) -> bool {
    let mut seed = seed;
    let mut sim = loop {
        let sim = Sim::new(seed, false);
        if sim.desks.len() >= 3 {
            break sim;
        }
        seed += 10_000;
    };
    sim.desks.truncate(3);
    let faults = sim.faults;
    let id = Id::new_v7(1_763_000_000_000, [0x5e; 10]);
    let mut person = JobSeeker::intake(id, sim.center.id, NAME);
    person.phone = Some(Phone::parse(PHONE).unwrap());
    person.note = Some("원래 메모".into());
    let first = session(&sim, 1, id, "처음 상담 내용");
    write(&mut sim, 0, |w| {
        w.insert(&person)?;
        w.append(&first)
    });
    for d in 0..3 {
        sim.sync(d, NONE).unwrap();
    }
    // Desk 1 goes to an industrial complex with no network and keeps working.
    sim.desks[1].online = false;
    let mut edited = person.clone();
    edited.phone = Some(Phone::parse(OFFLINE_PHONE).unwrap());
    edited.note = Some(OFFLINE_WORDS.into());
    let offline_session = session(&sim, 2, id, OFFLINE_WORDS);
    // A placement recorded offline, and its 3-month check with a note: the
    // check hangs off a record the server will refuse, and must be refused
    // with it.
    let placement = event(
        &sim,
        4,
        id,
        EventBody::Placement {
            employer: "오프라인정밀".into(),
            company_id: None,
            vacancy_id: None,
            occupation: None,
            wage_monthly: Some(2_400_000),
            employment: doyak_domain::events::EmploymentType::Permanent,
            weekly_hours: Some(40),
            application_id: None,
        },
    );
    let check = event(
        &sim,
        5,
        placement.id,
        EventBody::RetentionCheck {
            months: 3,
            still_employed: true,
            note: Some(OFFLINE_WORDS.into()),
            method: None,
            left_on: None,
            left_reason: None,
        },
    );
    write(&mut sim, 1, |w| {
        w.update(&edited)?;
        w.append(&offline_session)?;
        w.append(&placement)?;
        w.append(&check)
    });
    let _ = sim.sync(1, faults); // offline: fails, keeps everything
    // Meanwhile desk 2 destroys the person (consent withdrawn) and syncs.
    sim.now += chrono::Duration::hours(1);
    let destruction = event(
        &sim,
        3,
        id,
        EventBody::Destruction {
            reason: DestructionReason::ConsentWithdrawn,
            kinds: vec![DestroyedKind::Identity, DestroyedKind::FreeText],
        },
    );
    write(&mut sim, 2, |w| w.destroy(&destruction));
    let _ = sim.sync(2, faults);
    let _ = sim.sync(0, faults);
    // Whether the destruction reached the server before desk 1 returns (a
    // dropped request may hold it back: then desk 1's edits are applied
    // first and scrubbed by the destruction when it arrives).
    let server_knew = sim
        .whole_log()
        .iter()
        .any(|c| c.entity_id == destruction.id.as_uuid());
    // Months later desk 1 is back.
    sim.now += chrono::Duration::days(90);
    sim.desks[1].online = true;
    let _ = sim.sync(1, faults);
    sim.quiesce();

    let server = sim.server_snapshot();
    let key = ("seeker".to_owned(), id.to_string());
    let on_server = &server[&key];
    assert_eq!(on_server.values["name"], DESTROYED_NAME, "seed {seed}");
    assert!(on_server.values["phone"].is_null(), "seed {seed}");
    for (d, desk) in sim.desks.iter().enumerate() {
        assert_eq!(
            desk.store.pending_count().unwrap(),
            0,
            "desk {d}, seed {seed}"
        );
        let local = desk.store.sync_snapshot().unwrap();
        assert_eq!(
            local[&key], *on_server,
            "desk {d} differs from the server, seed {seed}"
        );
        let held: JobSeeker = desk.store.get(id).unwrap().unwrap();
        assert_eq!(
            (held.name.as_str(), &held.phone, &held.note),
            (DESTROYED_NAME, &None, &None)
        );
        // Every event of the person, on every desk, without its words.
        for e in desk.store.events_of(id).unwrap() {
            if let EventBody::CounselingSession { content, .. } = &e.body {
                assert!(
                    content.is_empty(),
                    "desk {d} keeps a session's words, seed {seed}"
                );
            }
        }
        // What the server refused keeps nothing of what it carried.
        for r in desk.store.rejections().unwrap() {
            assert_eq!(r.code, ErrorCode::RecordDestroyed, "desk {d}: {r:?}");
        }
    }
    // The check hanging off the placement: refused with it when the server
    // had the destruction first (no other desk holds it), else applied and
    // then scrubbed with the rest of the file.
    for d in [0, 2] {
        match sim.desks[d].store.event(check.id).unwrap() {
            None => {}
            Some(held) => {
                assert!(!server_knew, "desk {d} holds a refused check, seed {seed}");
                let EventBody::RetentionCheck { note, .. } = held.body else {
                    panic!("a check")
                };
                assert_eq!(note, None, "desk {d}, seed {seed}");
            }
        }
    }
    // The offline desk's edit and session were refused, not applied.
    if server_knew {
        assert!(
            sim.desks[1].store.rejections().unwrap().len() >= 2,
            "seed {seed}: the offline edit and session are refused"
        );
    }
    // Nowhere in what the server holds or hands out.
    let log = serde_json::to_string(&sim.whole_log()).unwrap();
    for gone in [
        NAME,
        PHONE,
        OFFLINE_PHONE,
        OFFLINE_WORDS,
        "처음 상담 내용",
        "원래 메모",
        "오프라인정밀",
    ] {
        assert!(
            !log.contains(gone),
            "{gone} in the server's change log, seed {seed}"
        );
        let records = format!("{:?}", sim.server.records(sim.center.id.as_uuid()).unwrap());
        assert!(
            !records.contains(gone),
            "{gone} in the server's records, seed {seed}"
        );
    }
    server_knew
}

#[test]
fn a_destruction_on_one_desk_is_not_undone_by_another_desks_offline_edit() {
    let knew = (0..12).filter(|seed| run(*seed)).count();
    // Most runs must take the path the test is about: the offline edit
    // meeting a server that already destroyed the person.
    assert!(knew >= 6, "only {knew} of 12 runs refused the offline edit");
}
