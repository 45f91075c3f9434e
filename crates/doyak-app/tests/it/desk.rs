//! Recording through the use cases: rules are applied before anything is
//! saved, and the summary counts what is there.

use crate::*;
use doyak_app::AppError;
use doyak_domain::events::{CaseEvent, ContactMode, EventBody};
use doyak_domain::seeker::SeekerStatus;
use doyak_domain::{Id, JobSeeker};

pub fn draft(name: &str) -> JobSeeker {
    JobSeeker {
        birth_date: chrono::NaiveDate::from_ymd_opt(1990, 1, 1),
        ..JobSeeker::intake(
            Id::from(uuid::Uuid::now_v7()),
            Id::from(uuid::Uuid::nil()),
            name,
        )
    }
}

#[test]
fn an_invalid_seeker_is_refused_with_korean_field_errors_and_nothing_saved() {
    let mut fx = new_desk();
    let mut s = draft("");
    s.birth_date = chrono::NaiveDate::from_ymd_opt(2030, 1, 1);
    s.desired_wage_monthly = Some(-5);
    let err = fx.desk.create_seeker(s).unwrap_err();
    assert_eq!(err.code(), "input.invalid");
    let fields: Vec<&str> = err
        .field_errors()
        .iter()
        .map(|f| f.field.as_str())
        .collect();
    assert_eq!(fields, ["name", "birth_date", "desired_wage_monthly"]);
    let ui = doyak_app::UiError::from(&err);
    assert!(
        ui.message.contains("이름: 필수 항목입니다."),
        "{}",
        ui.message
    );
    assert_eq!(fx.desk.summary().unwrap().seekers, 0);
}

#[test]
fn create_edit_and_note_a_session_then_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.doyak");
    let new = doyak_app::NewCaseload {
        center_name: "서부센터".into(),
        center_sigungu: None,
    };
    let mut desk =
        doyak_app::Desk::create(&path, &doyak_app::Passphrase::new(PASS), &new, clock()).unwrap();
    let mut s = desk.create_seeker(draft("김민수")).unwrap();
    assert_eq!(
        s.center_id,
        desk.center_id(),
        "the caseload's center is set on create"
    );
    s.status = SeekerStatus::Consulting;
    desk.save(&s).unwrap();
    let event = CaseEvent {
        id: desk.new_id(),
        center_id: desk.center_id(),
        subject_id: s.id,
        author_id: None,
        recorded_at: None,
        occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        supersedes: None,
        body: EventBody::CounselingSession {
            minutes: 50,
            mode: ContactMode::InPerson,
            content: "이력서 첨삭".into(),
            next_step: Some("면접 준비".into()),
            next_on: None,
        },
    };
    desk.record_event(event.clone()).unwrap();
    let mut future = event.clone();
    future.id = desk.new_id();
    future.occurred_on = chrono::NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    assert!(
        matches!(desk.record_event(future), Err(AppError::Invalid(_))),
        "a session cannot be held in the future"
    );
    drop(desk);

    let desk = doyak_app::Desk::open(&path, &doyak_app::Passphrase::new(PASS), clock()).unwrap();
    assert_eq!(desk.seeker(s.id).unwrap().status, SeekerStatus::Consulting);
    assert_eq!(desk.events_of(s.id).unwrap(), vec![event]);
    let summary = desk.summary().unwrap();
    assert_eq!(
        (summary.seekers, summary.pending_changes),
        (1, 4),
        "center insert, seeker insert, update, session"
    );
}

#[test]
fn a_wrong_passphrase_is_a_coded_korean_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.doyak");
    let new = doyak_app::NewCaseload {
        center_name: "서부센터".into(),
        center_sigungu: None,
    };
    drop(doyak_app::Desk::create(&path, &doyak_app::Passphrase::new(PASS), &new, clock()).unwrap());
    let err =
        doyak_app::Desk::open(&path, &doyak_app::Passphrase::new("틀림"), clock()).unwrap_err();
    let ui = doyak_app::UiError::from(&err);
    assert_eq!(ui.code, "store.wrong_passphrase");
    assert!(ui.message.contains("암호가 맞지 않"));
}

#[test]
fn open_with_reader_gives_a_read_only_view_beside_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.doyak");
    let new = doyak_app::NewCaseload {
        center_name: "서부센터".into(),
        center_sigungu: None,
    };
    drop(doyak_app::Desk::create(&path, &doyak_app::Passphrase::new(PASS), &new, clock()).unwrap());
    let (mut desk, reader) =
        doyak_app::Desk::open_with_reader(&path, &doyak_app::Passphrase::new(PASS), clock())
            .unwrap();
    let reader = reader.expect("the same passphrase opens the reader too");
    let mut form = desk.new_seeker_form();
    form.name = "김독자".into();
    desk.save_seeker_form(&form).unwrap();
    assert_eq!(
        reader.summary().unwrap().seekers,
        desk.summary().unwrap().seekers,
        "the reader sees the writer's commit"
    );
    let err =
        doyak_app::Desk::open_with_reader(&path, &doyak_app::Passphrase::new("틀림"), clock())
            .unwrap_err();
    assert_eq!(
        doyak_app::UiError::from(&err).code,
        "store.wrong_passphrase",
        "the writer's error is the one reported"
    );
}

/// The minimum is the use case's, not the form's: `Desk::create` itself
/// refuses a short passphrase (seven characters, Korean ones counted as
/// one each), and no file is left; the demo caseload alone has a fixed one.
#[test]
fn a_caseload_is_never_created_with_a_passphrase_under_eight_characters() {
    let dir = tempfile::tempdir().unwrap();
    let new = doyak_app::NewCaseload {
        center_name: "서부센터".into(),
        center_sigungu: None,
    };
    for short in ["", "a", "1234567", "일이삼사오육칠"] {
        let path = dir.path().join("short.doyak");
        let err = doyak_app::Desk::create(&path, &doyak_app::Passphrase::new(short), &new, clock())
            .unwrap_err();
        assert_eq!(err.code(), "input.invalid", "{short:?}");
        assert_eq!(err.field_errors()[0].field, "passphrase");
        assert!(!path.exists(), "{short:?}: nothing written");
    }
    let path = dir.path().join("eight.doyak");
    doyak_app::Desk::create(
        &path,
        &doyak_app::Passphrase::new("일이삼사오육칠팔"),
        &new,
        clock(),
    )
    .expect("eight characters are enough");
    let demo = dir.path().join("demo.doyak");
    doyak_app::Desk::create_demo(&demo, &new, clock()).expect("the demo caseload is made");
    doyak_app::Desk::open(
        &demo,
        &doyak_app::Passphrase::new(doyak_app::DEMO_PASSPHRASE),
        clock(),
    )
    .expect("and opens with the demo passphrase");
}

/// Secrets never show in `Debug` output (which is what ends up in logs and
/// panic messages).
#[test]
fn passphrases_do_not_show_in_debug_output() {
    let form = doyak_app::NewCaseloadForm {
        center_name: "서부센터".into(),
        center_sigungu: String::new(),
        passphrase: "비밀 문장 하나둘".into(),
        confirm: "비밀 문장 하나둘".into(),
    };
    let shown = format!(
        "{form:?} {:?}",
        doyak_app::Passphrase::new("비밀 문장 하나둘")
    );
    assert!(!shown.contains("비밀"), "{shown}");
    assert!(
        shown.contains("서부센터"),
        "the rest of the form still shows: {shown}"
    );
}

#[test]
fn a_center_s_own_sigungu_comes_first_in_the_picker() {
    // Two centers type the same 초성: each sees its own region first, because
    // ties in the search are broken by distance from the caseload's center.
    let dir = tempfile::tempdir().unwrap();
    let open = |name: &str, sigungu: &str| {
        let new = doyak_app::NewCaseload {
            center_name: name.into(),
            center_sigungu: Some(sigungu.into()),
        };
        let path = dir.path().join(format!("{sigungu}.doyak"));
        doyak_app::Desk::create(&path, &doyak_app::Passphrase::new(PASS), &new, clock()).unwrap()
    };
    let ansan = open("안산센터", "41273"); // 경기도 안산시 단원구
    let danyang = open("단양센터", "43800"); // 충청북도 단양군
    let first = |desk: &doyak_app::Desk| {
        desk.search_codes("sigungu", "ㄷㅇㄱ").unwrap()[0]
            .value
            .clone()
    };
    assert_eq!(first(&ansan), "41273");
    assert_eq!(first(&danyang), "43800");
    // Before unlock there is no center: the reference data alone answers.
    assert!(
        !doyak_app::codes::search_codes("sigungu", "ㄷㅇㄱ")
            .unwrap()
            .is_empty()
    );
}
