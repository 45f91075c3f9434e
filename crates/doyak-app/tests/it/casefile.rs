//! IAP activities planned and marked 이행 (the plan kept as history), and a
//! 기관연계 given its result.

use crate::recommend::{message, seeker};
use crate::*;
use doyak_app::{IapForm, ReferralResultForm};
use doyak_domain::{PartnerInstitution, Referral, ReferralStatus};

#[test]
fn an_iap_activity_is_planned_then_done_and_the_plan_stays_in_the_history() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김계획", true, "no");
    let mut form = IapForm {
        seeker_id: kim.clone(),
        month: "2026-13".into(),
        kind: "training".into(),
        description: "CNC 선반 과정 등록".into(),
    };
    assert!(message(d.add_iap_activity(&form).unwrap_err()).contains("YYYY-MM"));
    form.month = "2026-12".into();
    let id = d.add_iap_activity(&form).unwrap();
    let detail = d.seeker_detail(&kim).unwrap();
    assert_eq!(detail.iap.activities().len(), 1);
    assert!(!detail.iap.activities()[0].done);

    d.complete_iap_activity(&id).unwrap();
    let detail = d.seeker_detail(&kim).unwrap();
    assert_eq!(
        detail.iap.activities().len(),
        1,
        "one activity, now in its done version"
    );
    assert!(detail.iap.activities()[0].done);
    assert_ne!(
        detail.iap.activities()[0].id,
        id,
        "a new version supersedes the plan"
    );
    let history: Vec<bool> = detail
        .events
        .iter()
        .filter(|e| e.kind == "iap_activity")
        .map(|e| e.superseded)
        .collect();
    assert_eq!(
        history.len(),
        2,
        "the plan and its done version are both kept"
    );
    assert_eq!(
        history.iter().filter(|s| **s).count(),
        1,
        "the plan is marked 정정됨"
    );
    assert!(
        message(d.complete_iap_activity(&id).unwrap_err()).contains("이미 다른 기록으로 바뀐"),
        "the old version cannot be completed twice"
    );
}

#[test]
fn a_referral_gets_its_result_once() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김연계", true, "no");
    let partner = d
        .create_record(
            PartnerInstitution {
                id: d.new_id(),
                center_id: d.center_id(),
                name: "안산시 직업훈련기관".into(),
                kind: "training".into(),
                phone: None,
                sigungu: None,
            },
            |p, c| p.center_id = c,
        )
        .unwrap();
    let referral = d
        .create_record(
            Referral {
                id: d.new_id(),
                center_id: d.center_id(),
                subject_id: kim.parse().unwrap(),
                partner_id: partner.id,
                purpose: "직업훈련 연계".into(),
                referred_on: "2026-11-01".parse().unwrap(),
                status: ReferralStatus::Requested,
                result_on: None,
                result_note: None,
            },
            |r, c| r.center_id = c,
        )
        .unwrap();
    assert!(d.seeker_detail(&kim).unwrap().referrals[0].open);
    let mut form = ReferralResultForm {
        referral_id: referral.id.to_string(),
        status: "completed".into(),
        result_on: "2026-10-01".into(),
        note: "과정 등록 완료".into(),
    };
    assert!(
        message(d.record_referral_result(&form).unwrap_err())
            .contains("시작일(2026-11-01)보다 빠릅니다"),
        "a result before the referral is refused"
    );
    form.result_on = String::new();
    d.record_referral_result(&form).unwrap();
    let row = &d.seeker_detail(&kim).unwrap().referrals[0];
    assert_eq!((row.status.as_str(), row.open), ("완료", false));
    assert_eq!(row.result, "과정 등록 완료");
    form.status = "declined".into();
    assert!(message(d.record_referral_result(&form).unwrap_err()).contains("이미 결과('완료')"));
    let today = d.today().unwrap();
    assert!(
        today.referrals.is_empty(),
        "a closed referral no longer waits"
    );
}

#[test]
fn a_referral_is_made_from_the_desk_to_a_partner_of_the_caseload() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let lee = seeker(d, "이연계", true, "no");
    let partner = d
        .create_record(
            PartnerInstitution {
                id: d.new_id(),
                center_id: d.center_id(),
                name: "안산시 정신건강복지센터".into(),
                kind: "mental-health".into(),
                phone: None,
                sigungu: None,
            },
            |p, c| p.center_id = c,
        )
        .unwrap();
    // The form picks from the caseload's partners.
    let choices = d.case_file_choices().unwrap();
    assert_eq!(choices.partners.len(), 1);
    assert_eq!(choices.partners[0].value, partner.id.to_string());
    assert_eq!(
        choices.partners[0].label, "안산시 정신건강복지센터 (정신건강복지센터)",
        "the name and the kind's Korean name from partner_institution_types.csv"
    );

    // Nothing chosen, no purpose, a bad day: every field says so, nothing saved.
    let bad = doyak_app::ReferralForm {
        seeker_id: lee.clone(),
        partner_id: String::new(),
        purpose: " ".into(),
        referred_on: "어제".into(),
        referral_id: String::new(),
    };
    let err = d.add_referral(&bad).unwrap_err();
    let fields: Vec<String> = match &err {
        doyak_app::AppError::Invalid(errors) => errors.iter().map(|e| e.field.clone()).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fields, ["partner_id", "purpose", "referred_on"]);
    assert!(d.seeker_detail(&lee).unwrap().referrals.is_empty());

    // A referral made today (empty day) is open, waiting for its result.
    d.add_referral(&doyak_app::ReferralForm {
        seeker_id: lee.clone(),
        partner_id: partner.id.to_string(),
        purpose: "스트레스 상담 연계".into(),
        referred_on: String::new(),
        referral_id: String::new(),
    })
    .unwrap();
    let rows = d.seeker_detail(&lee).unwrap().referrals;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].open, "{rows:?}");
    assert_eq!(rows[0].referred_on, "2026-11-25", "the desk's today");
    assert_eq!(rows[0].purpose, "스트레스 상담 연계");

    // Corrected while open: the same referral, its purpose and day changed,
    // one more change queued for the server.
    let queued = d.store().pending_changes().unwrap();
    let id = d
        .add_referral(&doyak_app::ReferralForm {
            seeker_id: lee.clone(),
            partner_id: rows[0].partner_id.clone(),
            purpose: "스트레스·수면 상담 연계".into(),
            referred_on: "2026-11-24".into(),
            referral_id: rows[0].id.clone(),
        })
        .unwrap();
    assert_eq!(id, rows[0].id);
    let edited = d.seeker_detail(&lee).unwrap().referrals;
    assert_eq!(edited.len(), 1, "an edit makes no second referral");
    assert_eq!(edited[0].purpose, "스트레스·수면 상담 연계");
    assert_eq!(edited[0].referred_on, "2026-11-24");
    assert_eq!(d.store().pending_changes().unwrap(), queued + 1);

    // Once it has its result it is closed to edits, and another seeker's
    // referral cannot be edited from this one's page.
    d.record_referral_result(&ReferralResultForm {
        referral_id: id.clone(),
        status: "completed".into(),
        result_on: String::new(),
        note: "상담 3회".into(),
    })
    .unwrap();
    let closed = doyak_app::ReferralForm {
        seeker_id: lee.clone(),
        partner_id: rows[0].partner_id.clone(),
        purpose: "다시 고침".into(),
        referred_on: String::new(),
        referral_id: id.clone(),
    };
    assert!(message(d.add_referral(&closed).unwrap_err()).contains("결과가 기록된 기관연계(완료)"));
    let other = seeker(d, "박다른", true, "no");
    let foreign = doyak_app::ReferralForm {
        seeker_id: other,
        ..closed
    };
    assert!(message(d.add_referral(&foreign).unwrap_err()).contains("이 구직자의 기관연계만"));
    assert_eq!(
        d.seeker_detail(&lee).unwrap().referrals[0].purpose,
        "스트레스·수면 상담 연계"
    );
}

#[test]
fn an_iap_activity_is_edited_by_a_new_version_and_keeps_whether_it_was_done() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김수정", true, "no");
    let form = IapForm {
        seeker_id: kim.clone(),
        month: "2026-12".into(),
        kind: "training".into(),
        description: "CNC 선반 과정 등록".into(),
    };
    let id = d.add_iap_activity(&form).unwrap();

    // Moved to January with another description: one current row, the plan
    // kept in the history as 정정됨.
    let moved = IapForm {
        month: "2027-01".into(),
        description: "CNC 선반 과정 1월 개강반 등록".into(),
        ..form.clone()
    };
    d.edit_iap_activity(&id, &moved).unwrap();
    let detail = d.seeker_detail(&kim).unwrap();
    assert_eq!(detail.iap.activities().len(), 1);
    assert_eq!(detail.iap.activities()[0].month, "2027-01");
    assert_eq!(
        detail.iap.activities()[0].kind,
        "training",
        "the edit form starts from the kind's value"
    );
    assert!(!detail.iap.activities()[0].done);
    let versions = detail
        .events
        .iter()
        .filter(|e| e.kind == "iap_activity")
        .count();
    assert_eq!(versions, 2, "the old version stays");

    // Done, then edited again: still done.
    let current = detail.iap.activities()[0].id.clone();
    d.complete_iap_activity(&current).unwrap();
    let done = d.seeker_detail(&kim).unwrap().iap.activities()[0]
        .id
        .clone();
    d.edit_iap_activity(
        &done,
        &IapForm {
            description: "CNC 선반 과정 수료".into(),
            ..moved.clone()
        },
    )
    .unwrap();
    let row = d.seeker_detail(&kim).unwrap().iap.activities()[0].clone();
    assert!(
        row.done && row.description == "CNC 선반 과정 수료",
        "{row:?}"
    );

    // An old version cannot be edited; a bad month is refused by its field.
    assert!(
        message(d.edit_iap_activity(&id, &moved).unwrap_err()).contains("이미 다른 기록으로 바뀐")
    );
    let bad = IapForm {
        month: "1월".into(),
        ..moved
    };
    assert!(message(d.edit_iap_activity(&row.id, &bad).unwrap_err()).contains("YYYY-MM"));
}

#[test]
fn a_new_caseload_gets_its_first_partner_from_the_referral_form() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let choices = d.case_file_choices().unwrap();
    assert!(choices.partners.is_empty(), "a new center has no partners");
    let kinds: Vec<&str> = choices
        .partner_kinds
        .iter()
        .map(|k| k.value.as_str())
        .collect();
    assert!(kinds.contains(&"mental-health") && kinds.contains(&"disability"));
    assert!(
        !kinds.contains(&"chamber"),
        "상공회의소 serves companies (side = company), not a seeker's referral"
    );

    // Every wrong field is named; nothing is saved.
    let err = d
        .add_partner(&doyak_app::PartnerForm {
            name: " ".into(),
            kind: "아무 기관".into(),
            phone: "전화".into(),
        })
        .unwrap_err();
    let fields: Vec<(String, String)> = err
        .field_errors()
        .iter()
        .map(|e| (e.field.clone(), e.message.clone()))
        .collect();
    assert_eq!(
        fields,
        [
            ("name".to_owned(), "필수 항목입니다.".to_owned()),
            (
                "kind".to_owned(),
                "목록에 없는 기관 유형입니다: 아무 기관".to_owned()
            ),
            (
                "phone".to_owned(),
                "전화번호를 010-1234-5678처럼 입력해 주세요: 전화".to_owned()
            ),
        ]
    );
    assert!(d.case_file_choices().unwrap().partners.is_empty());

    let added = d
        .add_partner(&doyak_app::PartnerForm {
            name: " 안산시 정신건강복지센터 ".into(),
            kind: "mental-health".into(),
            phone: "0314810000".into(),
        })
        .unwrap();
    assert_eq!(added.label, "안산시 정신건강복지센터 (정신건강복지센터)");
    assert_eq!(d.case_file_choices().unwrap().partners, vec![added.clone()]);
    let stored: PartnerInstitution = d
        .store()
        .get(added.value.parse().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.phone.as_ref().map(|p| p.as_str()),
        Some("031-481-0000"),
        "the number is kept in the one hyphenated form"
    );

    // The same name twice is refused; the first can be referred to at once.
    let twice = d
        .add_partner(&doyak_app::PartnerForm {
            name: "안산시 정신건강복지센터".into(),
            kind: "welfare-hall".into(),
            phone: String::new(),
        })
        .unwrap_err();
    assert!(message(twice).contains("이미 있습니다"));
    let lee = seeker(d, "이연계", true, "yes");
    d.add_referral(&doyak_app::ReferralForm {
        seeker_id: lee,
        partner_id: added.value,
        purpose: "우울감 상담 연계".into(),
        referred_on: String::new(),
        referral_id: String::new(),
    })
    .unwrap();
}
