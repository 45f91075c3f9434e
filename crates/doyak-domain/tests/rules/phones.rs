//! `SharedRecord::phone_fields` names every field that holds a phone
//! number, and nothing else: the sync server normalises exactly those, so a
//! phone field left out would be stored as a client typed it.

use crate::*;
use doyak_domain::events::ApplicationStatus;
use doyak_domain::{
    Application, Center, Counselor, CounselorRole, PartnerInstitution, Referral, ReferralStatus,
};
use serde_json::{Value, json};

/// The fields of `sample` that take "01012345678" and give it back as
/// "010-1234-5678": the ones the type reads as a phone number.
fn phone_like<T: SharedRecord>(sample: &T) -> Vec<String> {
    let Value::Object(record) = serde_json::to_value(sample).unwrap() else {
        unreachable!("records are objects")
    };
    let mut found = Vec::new();
    for field in record.keys() {
        let mut tried = record.clone();
        tried.insert(field.clone(), json!("01012345678"));
        let Ok(read) = serde_json::from_value::<T>(Value::Object(tried)) else {
            continue;
        };
        if serde_json::to_value(read).unwrap()[field] == json!("010-1234-5678") {
            found.push(field.clone());
        }
    }
    found
}

fn assert_listed<T: SharedRecord>(sample: &T) {
    assert_eq!(
        phone_like(sample),
        T::phone_fields(),
        "{:?}: phone_fields must name exactly the fields read as a phone number",
        T::KIND
    );
}

#[test]
fn phone_fields_are_exactly_the_phone_numbers() {
    assert_listed(&crate::seeker::valid());
    assert_listed(&crate::company::valid_company());
    assert_listed(&crate::company::valid_vacancy());
    assert_listed(&Center {
        id: center_id(),
        name: "서부센터".into(),
        sigungu: None,
    });
    assert_listed(&Counselor {
        id: id(60),
        center_id: center_id(),
        name: "박상담".into(),
        role: CounselorRole::Counselor,
        active: true,
    });
    assert_listed(&PartnerInstitution {
        id: id(41),
        center_id: center_id(),
        name: "정신건강복지센터".into(),
        kind: "mental_health".into(),
        phone: None,
        sigungu: None,
    });
    assert_listed(&Referral {
        id: id(40),
        center_id: center_id(),
        subject_id: id(10),
        partner_id: id(41),
        purpose: "심리상담 연계".into(),
        referred_on: day("2026-11-10"),
        status: ReferralStatus::Requested,
        result_on: None,
        result_note: None,
    });
    assert_listed(&Application {
        id: id(50),
        center_id: center_id(),
        seeker_id: id(10),
        vacancy_id: id(21),
        applied_on: day("2026-11-05"),
        status: ApplicationStatus::Interview,
        note: None,
    });
}
