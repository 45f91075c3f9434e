//! Who works at the desk: the counselor chosen or added there is the author
//! of what the desk writes, and the case file names them with the time the
//! note was written.

use crate::*;
use doyak_app::{AppError, NewCounselorForm, SessionForm};

fn seeker(fx: &mut Fixture) -> String {
    let mut f = fx.desk.new_seeker_form();
    f.name = "김도약".into();
    f.consent_on = "2026-11-20".into();
    f.consent_scopes = vec!["counseling".into()];
    fx.desk.save_seeker_form(&f).unwrap()
}

fn note(seeker_id: &str, content: &str) -> SessionForm {
    SessionForm {
        seeker_id: seeker_id.to_owned(),
        occurred_on: "2026-11-24".into(),
        mode: "phone".into(),
        content: content.into(),
        ..Default::default()
    }
}

fn add(fx: &mut Fixture, name: &str) -> Result<doyak_app::DeskCounselor, AppError> {
    fx.desk
        .add_counselor(&NewCounselorForm { name: name.into() })
}

fn field_messages(err: &AppError) -> Vec<(String, String)> {
    err.field_errors()
        .iter()
        .map(|e| (e.field.clone(), e.message.clone()))
        .collect()
}

#[test]
fn a_note_names_the_desks_counselor_and_when_it_was_written() {
    let mut fx = new_desk();
    let id = seeker(&mut fx);

    // Before anyone is chosen a note has no author, but its time is known.
    assert_eq!(fx.desk.desk_counselor().unwrap().current, None);
    let anonymous = fx.desk.add_session(&note(&id, "첫 상담")).unwrap();
    assert_eq!(anonymous.author, "");
    assert_eq!(
        anonymous.written_at, "2026-11-25 09:00",
        "the test clock reads 2026-11-25 00:00 UTC, 09:00 in Korea"
    );
    assert_eq!(
        anonymous.occurred_on, "2026-11-24",
        "a note typed the day after keeps the session's own date"
    );

    let chosen = add(&mut fx, " 박상담 ").unwrap();
    let current = chosen.current.clone().unwrap();
    assert_eq!(current.name, "박상담", "the name is trimmed");
    assert_eq!(chosen.choices, vec![current]);
    let signed = fx.desk.add_session(&note(&id, "이력서 보완")).unwrap();
    assert_eq!(signed.author, "박상담");

    // A colleague corrects the note: each version names its own writer.
    let colleague = add(&mut fx, "이상담").unwrap();
    assert_eq!(colleague.current.unwrap().name, "이상담");
    assert_eq!(colleague.choices.len(), 2);
    let mut form = fx.desk.session_correction_form(&signed.id).unwrap();
    form.content = "이력서 보완, 자기소개서 첨삭".into();
    let corrected = fx.desk.add_session(&form).unwrap();
    let detail = fx.desk.seeker_detail(&id).unwrap();
    let author = |event: &str| {
        detail
            .events
            .iter()
            .find(|e| e.id == event)
            .unwrap()
            .author
            .clone()
    };
    assert_eq!(author(&signed.id), "박상담");
    assert_eq!(author(&corrected.id), "이상담");
    assert_eq!(author(&anonymous.id), "");
}

#[test]
fn the_choice_is_kept_by_this_desk_and_the_counselor_syncs() {
    let mut fx = new_desk();
    let before = fx.desk.store().pending_changes().unwrap();
    let added = add(&mut fx, "박상담").unwrap().current.unwrap();
    let queued = fx.desk.store().outbox_entries(1000).unwrap();
    assert_eq!(
        fx.desk.store().pending_changes().unwrap(),
        before + 1,
        "the new counselor is one shared record for the center's other desks"
    );
    assert!(
        queued
            .iter()
            .any(|e| e.entity == "counselor" && e.entity_id == added.id),
        "{queued:?}"
    );

    let path = fx.desk.store().path().to_owned();
    drop(fx.desk);
    let reopened = Desk::open(&path, &Passphrase::new(PASS), clock()).unwrap();
    assert_eq!(
        reopened.desk_counselor().unwrap().current.map(|c| c.name),
        Some("박상담".to_owned()),
        "who sits at the desk survives a restart"
    );
}

#[test]
fn a_bad_name_or_an_unknown_counselor_is_refused_with_a_reason() {
    let mut fx = new_desk();
    let empty = add(&mut fx, "   ").unwrap_err();
    assert_eq!(
        field_messages(&empty),
        [("name".to_owned(), "필수 항목입니다.".to_owned())]
    );
    let long = add(&mut fx, &"가".repeat(31)).unwrap_err();
    assert_eq!(
        field_messages(&long),
        [(
            "name".to_owned(),
            "30자 이하로 입력하세요 (지금 31자).".to_owned()
        )]
    );
    add(&mut fx, "박상담").unwrap();
    let twice = add(&mut fx, "박상담").unwrap_err();
    assert_eq!(
        field_messages(&twice),
        [(
            "name".to_owned(),
            "‘박상담’ 상담사가 이미 있습니다. 목록에서 고르세요.".to_owned()
        )]
    );
    assert_eq!(fx.desk.desk_counselor().unwrap().choices.len(), 1);

    for bad in ["", "not-an-id", &fx.desk.center_id().to_string()] {
        let err = fx.desk.choose_counselor(bad).unwrap_err();
        assert!(
            matches!(err, AppError::NotFound { what: "상담사" }),
            "{bad}: {err:?}"
        );
    }
    assert_eq!(
        fx.desk.desk_counselor().unwrap().current.unwrap().name,
        "박상담",
        "a refused choice leaves the desk's counselor as it was"
    );
}

#[test]
fn a_corrected_session_counts_for_the_counselor_who_held_it_in_the_figures() {
    let mut fx = new_desk();
    let id = seeker(&mut fx);
    add(&mut fx, "박상담").unwrap();
    let held = fx.desk.add_session(&note(&id, "이력서 보완")).unwrap();
    // 이상담 corrects 박상담's note: the correction is 이상담's writing,
    // but the session was 박상담's.
    add(&mut fx, "이상담").unwrap();
    let mut form = fx.desk.session_correction_form(&held.id).unwrap();
    form.content = "이력서 보완, 자기소개서 첨삭".into();
    fx.desk.add_session(&form).unwrap();
    let (from, to) = (
        chrono::NaiveDate::MIN,
        chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
    );
    let facts = fx.desk.kpi_caseload(from, to).unwrap();
    let counselors: Vec<(&str, u32)> = facts
        .sessions
        .iter()
        .filter_map(|s| match &s.slice {
            doyak_kpi::input::Slice::Row {
                cut: doyak_kpi::Cut::Counselor,
                key,
            } => Some((key.as_str(), s.sessions)),
            _ => None,
        })
        .collect();
    assert_eq!(
        counselors,
        [("박상담", 1)],
        "one session (the current version), 박상담's"
    );
}
