//! Consent as the desk enforces it: a 기관연계 needs 제3자 제공(연계기관)
//! (a form from before the split covers it through 구인기업), a report of
//! the person needs 수집·이용, a purpose withdrawn keeps its day, and the
//! consent form prints every purpose with its items, retention and what
//! refusing means.

use crate::iap::pdf_text;
use crate::recommend::{message, seeker};
use crate::*;
use doyak_app::{ReferralForm, WithdrawForm};
use doyak_domain::seeker::ConsentScope;
use doyak_domain::{Id, JobSeeker, PartnerInstitution};

fn partner(d: &mut Desk) -> String {
    d.create_record(
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
    .unwrap()
    .id
    .to_string()
}

fn refer(d: &mut Desk, seeker: &str, partner: &str) -> Result<String, doyak_app::AppError> {
    d.add_referral(&ReferralForm {
        seeker_id: seeker.into(),
        partner_id: partner.into(),
        purpose: "상담 연계".into(),
        referred_on: String::new(),
        referral_id: String::new(),
    })
}

fn person(d: &Desk, id: &str) -> JobSeeker {
    d.seeker(id.parse::<Id>().unwrap()).unwrap()
}

/// Gives or takes 민감정보 consent by editing the seeker (as a form would).
fn sensitive_consent(d: &mut Desk, id: &str, given: bool) {
    let mut s = person(d, id);
    let scopes = &mut s.consent.as_mut().unwrap().scopes;
    scopes.retain(|p| *p != ConsentScope::Sensitive);
    if given {
        scopes.push(ConsentScope::Sensitive);
    }
    d.save(&s).unwrap();
}

#[test]
fn a_referral_needs_consent_to_give_data_to_partner_institutions() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let p = partner(d);
    // Consent on this desk's form to 수집·이용 and 구인기업 only.
    let kim = seeker(d, "김연계", false, "no");
    let mut s = person(d, &kim);
    s.consent
        .as_mut()
        .unwrap()
        .scopes
        .push(ConsentScope::ShareWithEmployers);
    d.save(&s).unwrap();
    let err = message(refer(d, &kim, &p).unwrap_err());
    assert!(err.contains("제3자 제공(연계기관) 동의"), "{err}");
    assert!(d.seeker_detail(&kim).unwrap().referrals.is_empty());
    // A consent recorded before the form split (no version) named 구인기업
    // and 연계기관 together: its employer consent still covers a referral.
    let mut legacy = person(d, &kim);
    legacy.consent.as_mut().unwrap().form_version = None;
    d.save(&legacy).unwrap();
    refer(d, &kim, &p).unwrap();
    // Withdrawn on its own, the partner purpose stops referrals again.
    d.withdraw_from_page(&WithdrawForm {
        seeker_id: kim.clone(),
        purpose: "share_with_partners".into(),
        confirmed: false,
    })
    .unwrap();
    let after = person(d, &kim).consent.unwrap();
    assert_eq!(
        after.withdrawn(ConsentScope::ShareWithPartners),
        Some("2026-11-25".parse().unwrap()),
        "the day it was withdrawn is kept"
    );
    assert!(message(refer(d, &kim, &p).unwrap_err()).contains("연계기관"));
    // The referral already made may still be corrected and closed.
    let made = d.seeker_detail(&kim).unwrap().referrals[0].id.clone();
    d.add_referral(&ReferralForm {
        seeker_id: kim.clone(),
        partner_id: p.clone(),
        purpose: "상담 연계 (정정)".into(),
        referred_on: String::new(),
        referral_id: made.clone(),
    })
    .unwrap();
    let view = d.privacy_view(&kim).unwrap();
    let row = view
        .consents
        .iter()
        .find(|c| c.purpose == "share_with_partners")
        .unwrap();
    assert_eq!(
        (row.state.as_str(), row.consented),
        ("철회 (2026-11-25)", false)
    );
}

#[test]
fn a_seeker_form_consent_records_how_and_on_which_form() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let mut form = d.new_seeker_form();
    form.name = "박방식".into();
    form.consent_on = "2026-11-20".into();
    form.consent_scopes = vec!["counseling".into()];
    form.consent_method = "oral".into();
    let id = d.save_seeker_form(&form).unwrap();
    let consent = person(d, &id).consent.unwrap();
    assert_eq!(
        consent.method,
        Some(doyak_domain::seeker::ConsentMethod::Oral)
    );
    assert_eq!(
        consent.form_version.as_deref(),
        Some(doyak_domain::privacy::CONSENT_FORM_VERSION)
    );
    assert!(
        d.privacy_view(&id)
            .unwrap()
            .consent_summary
            .contains("구두")
    );
    form.id = id.clone();
    form.consent_method = "telepathy".into();
    match d.save_seeker_form(&form).unwrap_err() {
        doyak_app::AppError::Invalid(errors) => {
            assert_eq!(errors[0].field, "consent_method");
            assert!(errors[0].message.contains("telepathy"), "{errors:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_report_of_the_person_needs_their_consent_to_stand() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let lee = seeker(d, "이보고", true, "no");
    assert!(!d.seeker_report(&lee).unwrap().is_empty());
    let mut s = person(d, &lee);
    s.consent.as_mut().unwrap().withdrawn_on = Some("2026-11-24".parse().unwrap());
    d.save(&s).unwrap();
    let err = message(d.seeker_report(&lee).unwrap_err());
    assert!(err.contains("동의가 없거나 철회"), "{err}");
}

#[test]
fn the_consent_form_prints_each_purpose_with_what_refusing_means() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let choi = seeker(d, "최동의", true, "no");
    let text = pdf_text(&d.consent_form(&choi).unwrap());
    for want in [
        "개인정보 수집·이용·제공 동의서",
        "최동의",
        doyak_domain::privacy::CONSENT_FORM_VERSION,
        "제3자 제공(구인기업)",
        "제3자 제공(연계기관)",
        "민감정보",
        "동의를 거부할 권리",
        // Doyak's default retention is not the center's confirmed rule.
        "센터 확인 필요",
    ] {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
    // Blank for someone not yet in the caseload.
    let blank = pdf_text(&d.consent_form("").unwrap());
    assert!(!blank.contains("최동의"));
    // The center's own rule replaces the default on the printed form.
    d.set_retention_rule(None, 3, "센터 처리방침 제7조")
        .unwrap();
    let text = pdf_text(&d.consent_form("").unwrap());
    assert!(
        text.contains("지원 종료 후 3년") && !text.contains("확인 필요"),
        "{text}"
    );
    // Different periods by how the case ends are both printed.
    d.set_retention_rule(
        Some(doyak_domain::privacy::RetentionKind::Closed),
        1,
        "센터 처리방침 제7조 2항",
    )
    .unwrap();
    let text = pdf_text(&d.consent_form("").unwrap()).replace('\n', " ");
    assert!(
        text.contains("취업 종료 후 3년") && text.contains("미취업 종료 후 1년"),
        "{text}"
    );
}

#[test]
fn opening_a_page_is_one_access_however_often_it_reloads() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김열람", true, "no");
    let lee = seeker(d, "이열람", true, "no");
    d.seeker_detail(&kim).unwrap();
    d.seeker_detail(&kim).unwrap(); // reloaded after an edit on it
    d.seeker_detail(&lee).unwrap();
    d.seeker_detail(&kim).unwrap(); // opened again later: a new look
    let rows = d.access_log(None, 10).unwrap();
    let seen: Vec<&str> = rows.iter().rev().map(|r| r.entity_id.as_str()).collect();
    assert_eq!(seen, [kim.as_str(), lee.as_str(), kim.as_str()]);
    assert!(rows.iter().all(|r| r.action == "열람"));
    assert_eq!(d.access_log(Some(&lee), 10).unwrap().len(), 1);
    let verdict = d.verify_access_log().unwrap();
    assert_eq!((verdict.entries, verdict.broken_at), (3, None));
}

#[test]
fn the_desks_backup_needs_the_caseloads_passphrase_and_never_overwrites() {
    let mut fx = new_desk();
    let dir = tempfile::tempdir().unwrap();
    let d = &mut fx.desk;
    seeker(d, "김백업", true, "no");
    let err = d.backup_into(dir.path(), "틀린 암호 입니다").unwrap_err();
    assert_eq!(err.code().as_str(), "store.wrong_passphrase", "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let first = d.backup_into(dir.path(), PASS).unwrap();
    let second = d.backup_into(dir.path(), PASS).unwrap();
    assert!(
        first.path.ends_with("도약-백업-2026-11-25.doyak"),
        "{}",
        first.path
    );
    assert!(
        second.path.ends_with("도약-백업-2026-11-25 (2).doyak"),
        "{}",
        second.path
    );
    assert_eq!(first.count, 1);
    let rows = d.access_log(None, 5).unwrap();
    assert_eq!(
        (rows[0].action.as_str(), rows[0].detail.as_str()),
        ("내보내기", "backup")
    );
}

#[test]
fn the_health_questions_are_asked_only_with_consent_to_sensitive_data() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let kim = seeker(d, "김민감", false, "no");
    let q = d.questionnaire(&kim).unwrap();
    let ids: Vec<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
    for health in ["b2", "b3", "b4"] {
        assert!(
            !ids.contains(&health),
            "{health} asked without consent: {ids:?}"
        );
    }
    assert!(q.withheld.contains("18번·19번·20번"), "{}", q.withheld);
    assert!(q.withheld.contains("민감정보 처리 동의"));
    // An answer to one is refused, by its number, even in a draft.
    let mut answers: std::collections::BTreeMap<String, u8> = std::collections::BTreeMap::new();
    answers.insert("b2".into(), 1);
    let form = doyak_app::QuestionnaireForm {
        seeker_id: kim.clone(),
        answers,
    };
    let err = message(d.save_questionnaire_draft(&form).unwrap_err());
    assert!(err.contains("18번 문항은 건강에 관한 민감정보"), "{err}");
    assert!(d.submit_questionnaire(&form).is_err());

    // With the purpose given they are asked, and nothing is withheld.
    sensitive_consent(d, &kim, true);
    let q = d.questionnaire(&kim).unwrap();
    assert!(q.items.iter().any(|i| i.id == "b2"));
    assert_eq!(q.withheld, "");
    let mut both = form.clone();
    both.answers.insert("m1".into(), 4);
    d.save_questionnaire_draft(&both).unwrap();
    let key = format!("readiness:{kim}");
    assert!(d.store().draft(&key).unwrap().unwrap().data.contains("b2"));
    // Withdrawn again: the draft's health answer is no longer offered, and
    // no longer in the file either; the other answer stays.
    d.withdraw_from_page(&WithdrawForm {
        seeker_id: kim.clone(),
        purpose: "sensitive".into(),
        confirmed: false,
    })
    .unwrap();
    let q = d.questionnaire(&kim).unwrap();
    assert!(!q.answers.contains_key("b2"), "{:?}", q.answers);
    let kept = d.store().draft(&key).unwrap().unwrap().data;
    assert_eq!(kept, r#"{"m1":4}"#);
    // A draft with only health answers goes whole (a withdrawal pulled by
    // a sync is swept the same way, on opening and after each sync).
    let lee = seeker(d, "이민감", false, "no");
    sensitive_consent(d, &lee, true);
    let only = doyak_app::QuestionnaireForm {
        seeker_id: lee.clone(),
        answers: form.answers.clone(),
    };
    d.save_questionnaire_draft(&only).unwrap();
    sensitive_consent(d, &lee, false);
    assert_eq!(d.withhold_sensitive_drafts().unwrap(), 1);
    assert!(
        d.store()
            .draft(&format!("readiness:{lee}"))
            .unwrap()
            .is_none()
    );
    assert_eq!(d.withhold_sensitive_drafts().unwrap(), 0, "once");
}
