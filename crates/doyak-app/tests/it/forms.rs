//! The desk's seeker form and session form: typed text in, a checked record
//! out, or every problem keyed by the form field it belongs under.

use crate::*;
use doyak_app::{SeekerForm, SessionForm};

fn filled(d: &Desk) -> SeekerForm {
    let mut f = d.new_seeker_form();
    f.name = "  김도약 ".into();
    f.birth_date = "1988.03.15".into();
    f.gender = "female".into();
    f.phone = "010 2345 6789".into();
    f.home_sigungu = "41273".into();
    f.consent_on = "2026-11-20".into();
    f.consent_scopes = vec!["counseling".into(), "follow_up".into()];
    f.target_groups = vec!["career_women".into()];
    f.desired_occupations = vec!["81".into(), "89".into()];
    f.desired_wage_monthly = "2,800,000원".into();
    f.max_commute_km = "20".into();
    f.accepts_shift = "no".into();
    f.willing_to_relocate = "yes".into();
    f.certificates = vec![
        "지게차운전기능사".into(),
        "지게차운전기능사".into(),
        " ".into(),
        "사내 안전교육 이수".into(),
    ];
    f.skills = "CNC 선반, 도면 해독,".into();
    f
}

fn fields(err: &doyak_app::AppError) -> Vec<String> {
    err.field_errors().iter().map(|e| e.field.clone()).collect()
}

#[test]
fn a_new_form_saves_a_seeker_with_parsed_values() {
    let mut fx = new_desk();
    let form = filled(&fx.desk);
    assert_eq!(
        form.enrolled_on, "2026-11-25",
        "a new form starts enrolled today"
    );
    assert!(fx.desk.check_seeker_form(&form).unwrap().is_empty());
    let id = fx.desk.save_seeker_form(&form).unwrap();
    let s = fx.desk.seeker(id.parse().unwrap()).unwrap();
    assert_eq!(s.name, "김도약", "the name is trimmed");
    assert_eq!(
        s.birth_date.unwrap().to_string(),
        "1988-03-15",
        "dotted dates are read"
    );
    assert_eq!(
        s.desired_wage_monthly,
        Some(2_800_000),
        "commas and 원 are read"
    );
    assert_eq!(s.accepts_shift, Some(false));
    assert_eq!(s.willing_to_relocate, Some(true));
    let certificates: Vec<(&str, Option<&str>)> = s
        .certificates
        .iter()
        .map(|c| (c.name.as_str(), c.qualification_id.as_deref()))
        .collect();
    assert_eq!(
        certificates,
        [
            ("지게차운전기능사", Some("forklift-craftsman")),
            ("사내 안전교육 이수", None)
        ],
        "duplicates and blanks dropped; a known name is linked to the qualification list"
    );
    assert_eq!(s.skills, ["CNC 선반", "도면 해독"]);
    assert_eq!(s.consent.as_ref().unwrap().scopes.len(), 2);
    // The form of the saved seeker shows the same values back.
    let again = fx.desk.seeker_form(&id).unwrap();
    assert_eq!(
        again.desired_wage_monthly, "280",
        "2,800,000원 shows as 280 (만원)"
    );
    assert_eq!(again.birth_date, "1988-03-15");
    assert_eq!(again.willing_to_relocate, "yes");
    assert_eq!(again.desired_occupations, ["81", "89"]);
}

#[test]
fn every_problem_is_reported_under_its_field_and_nothing_is_saved() {
    let mut fx = new_desk();
    let mut form = filled(&fx.desk);
    form.name = " ".into();
    form.birth_date = "1988-13-45".into();
    form.phone = "12345".into();
    form.home_sigungu = "99999".into();
    form.desired_wage_monthly = "-100".into();
    form.max_commute_km = "스무".into();
    form.desired_occupations = vec!["X9".into()];
    let checked: Vec<String> = fx
        .desk
        .check_seeker_form(&form)
        .unwrap()
        .iter()
        .map(|e| e.field.clone())
        .collect();
    let err = fx.desk.save_seeker_form(&form).unwrap_err();
    assert_eq!(err.code(), "input.invalid");
    assert_eq!(fields(&err), checked, "inline check and save agree");
    for field in [
        "name",
        "birth_date",
        "phone",
        "home_sigungu",
        "desired_wage_monthly",
        "max_commute_km",
        "desired_occupations",
    ] {
        assert!(
            checked.iter().any(|f| f == field),
            "{field} is reported: {checked:?}"
        );
    }
    let messages: Vec<String> = err
        .field_errors()
        .iter()
        .map(|e| e.message.clone())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("2026-11-27처럼")),
        "a date error shows the expected form: {messages:?}"
    );
    assert_eq!(fx.desk.summary().unwrap().seekers, 0, "nothing saved");
}

#[test]
fn editing_keeps_the_fields_the_form_does_not_show() {
    let mut fx = new_desk();
    let id = fx.desk.save_seeker_form(&filled(&fx.desk)).unwrap();
    let mut s = fx.desk.seeker(id.parse().unwrap()).unwrap();
    s.skills = vec!["TIG 용접".into()];
    fx.desk.save(&s).unwrap();

    let mut form = fx.desk.seeker_form(&id).unwrap();
    form.status = "consulting".into();
    form.note = "야간 불가".into();
    fx.desk.save_seeker_form(&form).unwrap();
    let after = fx.desk.seeker(id.parse().unwrap()).unwrap();
    assert_eq!(
        after.skills,
        ["TIG 용접"],
        "skills are not on the form and survive"
    );
    assert_eq!(after.note.as_deref(), Some("야간 불가"));
    assert_eq!(after.status.label_ko(), "컨설팅");
}

#[test]
fn a_session_from_the_form_appears_in_the_case_file_and_today() {
    let mut fx = new_desk();
    let id = fx.desk.save_seeker_form(&filled(&fx.desk)).unwrap();
    let bad = SessionForm {
        seeker_id: id.clone(),
        occurred_on: "어제".into(),
        minutes: "오십".into(),
        mode: "".into(),
        ..Default::default()
    };
    let err = fx.desk.add_session(&bad).unwrap_err();
    assert_eq!(fields(&err), ["occurred_on", "minutes", "mode"]);

    let row = fx
        .desk
        .add_session(&SessionForm {
            seeker_id: id.clone(),
            occurred_on: "2026-11-24".into(),
            minutes: "".into(),
            mode: "phone".into(),
            content: "이력서 보완, 반월공단 CNC 구인 안내".into(),
            next_step: "면접 준비".into(),
            next_on: "2026-11-27".into(),
            corrects: String::new(),
        })
        .unwrap();
    assert_eq!(row.kind_label, "상담");
    assert_eq!(
        row.summary, "전화 50분 · 다음 상담 2026-11-27",
        "50 minutes by default"
    );

    let detail = fx.desk.seeker_detail(&id).unwrap();
    assert_eq!(detail.events.len(), 1);
    assert!(detail.events[0].detail.contains("다음 단계: 면접 준비"));
    assert!(
        detail
            .facts
            .iter()
            .any(|f| f.label == "희망임금" && f.value == "월 280만원")
    );
    let groups = fx.desk.today().unwrap().follow_up_groups;
    let upcoming = groups.iter().find(|g| g.key == "upcoming").unwrap();
    assert_eq!(
        upcoming.items.len(),
        1,
        "the agreed next contact is due within 7 days"
    );
    assert_eq!(upcoming.items[0].overdue_days, -2);
}

#[test]
fn a_note_is_corrected_by_a_superseding_event_and_the_original_stays() {
    let mut fx = new_desk();
    let id = fx.desk.save_seeker_form(&filled(&fx.desk)).unwrap();
    let first = fx
        .desk
        .add_session(&SessionForm {
            seeker_id: id.clone(),
            occurred_on: "2026-11-24".into(),
            minutes: "30".into(),
            mode: "phone".into(),
            content: "용접기능사 미보유".into(),
            next_on: "2026-11-27".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(first.can_correct);

    // The form comes back filled with the note, marked as its correction.
    let mut form = fx.desk.session_correction_form(&first.id).unwrap();
    assert_eq!(form.content, "용접기능사 미보유");
    assert_eq!(form.corrects, first.id);
    form.content = "용접기능사 보유, 특수용접 준비".into();
    form.next_on = "2026-12-01".into();
    let second = fx.desk.add_session(&form).unwrap();
    assert!(second.corrects && second.can_correct);

    // Both stay in the case file: the original marked 정정됨, not offered
    // for correction again; the correction current.
    let detail = fx.desk.seeker_detail(&id).unwrap();
    let by_id = |i: &str| detail.events.iter().find(|e| e.id == i).unwrap().clone();
    let (old, new) = (by_id(&first.id), by_id(&second.id));
    assert!(old.superseded && !old.can_correct, "{old:?}");
    assert!(
        old.detail.contains("용접기능사 미보유"),
        "the original is kept as written"
    );
    assert!(!new.superseded && new.detail.contains("특수용접 준비"));

    // 오늘 할 일 follows the correction's next contact, once.
    let groups = fx.desk.today().unwrap().follow_up_groups;
    let due: Vec<String> = groups
        .iter()
        .flat_map(|g| g.items.iter().map(|i| i.next_on.clone()))
        .collect();
    assert_eq!(due, ["2026-12-01"], "{groups:?}");

    // A superseded note cannot be corrected again, nor another seeker's.
    let again = SessionForm {
        corrects: first.id.clone(),
        ..form.clone()
    };
    let err = fx.desk.add_session(&again).unwrap_err();
    assert!(format!("{err:?}").contains("이미 정정된 기록"), "{err:?}");
    let other = fx.desk.save_seeker_form(&SeekerForm {
        name: "다른사람".into(),
        phone: String::new(),
        birth_date: String::new(),
        duplicate_ok: true,
        ..filled(&fx.desk)
    });
    let other = other.unwrap();
    let err = fx
        .desk
        .add_session(&SessionForm {
            seeker_id: other,
            corrects: second.id.clone(),
            ..form
        })
        .unwrap_err();
    assert!(
        format!("{err:?}").contains("이 구직자의 상담 기록만"),
        "{err:?}"
    );
    assert_eq!(
        fx.desk.seeker_detail(&id).unwrap().events.len(),
        2,
        "nothing else written"
    );
}

#[test]
fn a_second_registration_of_the_same_person_is_refused_until_the_counselor_says_otherwise() {
    let mut fx = new_desk();
    let first = fx.desk.save_seeker_form(&filled(&fx.desk)).unwrap();

    // The same name and birth date typed differently ("1988-03-15" vs
    // "1988.03.15"), another phone: the same person by name and birth.
    let mut again = filled(&fx.desk);
    again.birth_date = "1988-03-15".into();
    again.phone = "010-9999-0000".into();
    let found = fx.desk.seeker_duplicates(&again).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, first);
    assert_eq!(found[0].reason, "이름·생년월일이 같음");
    assert_eq!(
        found[0].phone_masked, "010-****-6789",
        "the list masks the number"
    );
    let refused = fx.desk.save_seeker_form(&again).unwrap_err();
    assert_eq!(fields(&refused), ["duplicate_ok"]);
    assert!(
        refused.field_errors()[0]
            .message
            .contains("김도약(이름·생년월일이 같음)")
    );

    // Another name, the first one's phone typed with spaces: the same
    // phone once normalised.
    let mut phone = fx.desk.new_seeker_form();
    phone.name = "이도약".into();
    phone.phone = "010 2345 6789".into();
    let found = fx.desk.seeker_duplicates(&phone).unwrap();
    assert_eq!(
        found.iter().map(|d| d.reason.as_str()).collect::<Vec<_>>(),
        ["전화번호가 같음"]
    );

    // A namesake born another day with another phone is nobody's double.
    let mut namesake = filled(&fx.desk);
    namesake.birth_date = "1990-01-01".into();
    namesake.phone = "010-1111-2222".into();
    assert!(fx.desk.seeker_duplicates(&namesake).unwrap().is_empty());

    // The counselor checked: another person (say, twins sharing a phone).
    phone.duplicate_ok = true;
    let second = fx.desk.save_seeker_form(&phone).unwrap();
    assert_ne!(second, first);
    // Editing an existing seeker is never a duplicate of itself.
    let edit = fx.desk.seeker_form(&first).unwrap();
    assert!(fx.desk.seeker_duplicates(&edit).unwrap().is_empty());
    fx.desk.save_seeker_form(&edit).unwrap();
}

#[test]
fn a_half_written_session_note_survives_a_restart_and_goes_when_saved() {
    let fx = new_desk();
    let path = fx._dir.path().join("caseload.doyak");
    let mut d = fx.desk;
    let id = d.save_seeker_form(&filled(&d)).unwrap();
    let pending = d.pending_changes().unwrap();
    let mut form = d.new_session_form(&id).unwrap();
    form.content = "이력서 보완 중, 다음 주 면접 준비".into();
    d.save_session_draft(&form).unwrap();
    assert_eq!(
        d.pending_changes().unwrap(),
        pending,
        "a draft is not a change to the caseload: nothing to sync"
    );
    drop(d);

    let mut d = Desk::open(&path, &doyak_app::Passphrase::new(PASS), clock()).unwrap();
    let kept = d
        .session_draft(&id)
        .unwrap()
        .expect("the draft is still there");
    assert_eq!(kept.form, form);
    d.add_session(&kept.form).unwrap();
    d.drop_session_draft(&id).unwrap();
    assert!(d.session_draft(&id).unwrap().is_none());
    let long = doyak_app::SessionForm {
        content: "가".repeat(doyak_app::MAX_DRAFT_BYTES),
        ..form
    };
    assert!(d.save_session_draft(&long).is_err(), "a draft is bounded");
}
