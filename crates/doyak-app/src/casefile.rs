//! The parts of a seeker's case file a counselor keeps up to date beyond
//! notes and outcomes: 기관연계 (의뢰, then 완료, 거절, 취소 with its day
//! and note; the status only moves forward, as the domain merges it) and
//! the choices of the IAP forms (the IAP itself is in `iap.rs`).

use crate::forms::{Reader, choice, enum_value, parse_id};
use crate::{AppError, Choice, Desk};
use doyak_domain::events::{IapActivityKind, IapCompliance};
use doyak_domain::{FieldError, Referral, ReferralStatus, SharedRecord};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A 기관연계's result as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReferralResultForm {
    pub referral_id: String,
    /// A `ReferralStatus` value: completed, declined or cancelled.
    pub status: String,
    /// YYYY-MM-DD; empty = today.
    pub result_on: String,
    pub note: String,
}

/// A new 기관연계 (referral of the seeker to a partner institution).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReferralForm {
    pub seeker_id: String,
    /// A partner institution of this caseload.
    pub partner_id: String,
    /// 연계 목적: what the seeker is referred for.
    pub purpose: String,
    /// YYYY-MM-DD; empty = today.
    pub referred_on: String,
    /// The referral this form edits; empty for a new one. Only a referral
    /// still waiting for its result (의뢰, 접수, 진행중) can be edited.
    #[serde(default)]
    pub referral_id: String,
}

/// What the IAP and 기관연계 forms pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseFileChoices {
    pub iap_kinds: Vec<Choice>,
    /// 이행 점검 results: done, partly, missed.
    pub iap_compliance: Vec<Choice>,
    /// The caseload's partner institutions: value = id, label = "name (유형)".
    pub partners: Vec<Choice>,
    /// The types a new 연계기관 may have (for a seeker: `seeker`/`both`).
    pub partner_kinds: Vec<Choice>,
    /// The endings a referral may be given.
    pub referral_results: Vec<Choice>,
}

fn invalid(field: &str, label: &str, message: impl Into<String>) -> AppError {
    AppError::Invalid(vec![FieldError::new(field, label, message)])
}

impl Desk {
    pub fn case_file_choices(&self) -> Result<CaseFileChoices, AppError> {
        let partners = self
            .store
            .partners()?
            .iter()
            .map(crate::partners::partner_choice)
            .collect();
        Ok(CaseFileChoices {
            partners,
            partner_kinds: crate::partners::seeker_partner_kinds(),
            iap_kinds: IapActivityKind::ALL
                .iter()
                .map(|k| choice(k, k.label_ko()))
                .collect(),
            iap_compliance: IapCompliance::ALL
                .iter()
                .map(|c| choice(c, c.label_ko()))
                .collect(),
            referral_results: [
                ReferralStatus::Completed,
                ReferralStatus::Declined,
                ReferralStatus::Cancelled,
            ]
            .iter()
            .map(|s| choice(s, s.label_ko()))
            .collect(),
        })
    }

    /// Refers the seeker to a partner institution (의뢰), or corrects the
    /// partner, purpose or day of a referral still open (`referral_id`):
    /// each changed field is saved and synced like any edit, and the audit
    /// log keeps that it was changed. Returns the referral's id.
    pub fn add_referral(&mut self, form: &ReferralForm) -> Result<String, AppError> {
        let seeker = self.seeker(parse_id(&form.seeker_id)?)?;
        let editing = match form.referral_id.trim() {
            "" => None,
            id => {
                let referral: Referral =
                    self.store.get(parse_id(id)?)?.ok_or(AppError::NotFound {
                        what: "기관연계",
                    })?;
                if referral.subject_id != seeker.id {
                    return Err(invalid(
                        "referral_id",
                        "기관연계",
                        "이 구직자의 기관연계만 고칠 수 있습니다.",
                    ));
                }
                if referral.status.rank() >= 3 {
                    return Err(invalid(
                        "referral_id",
                        "기관연계",
                        format!(
                            "결과가 기록된 기관연계({})는 고칠 수 없습니다.",
                            referral.status.label_ko()
                        ),
                    ));
                }
                Some(referral)
            }
        };
        let mut r = Reader { errors: Vec::new() };
        let partner = match form.partner_id.trim() {
            "" => {
                r.fail("partner_id", "연계기관", "연계기관을 골라 주세요.");
                None
            }
            id => match self
                .store
                .get::<doyak_domain::PartnerInstitution>(parse_id(id)?)?
            {
                Some(p) => Some(p),
                None => {
                    r.fail("partner_id", "연계기관", "목록에 없는 연계기관입니다.");
                    None
                }
            },
        };
        if form.purpose.trim().is_empty() {
            r.fail("purpose", "연계 목적", "필수 항목입니다.");
        }
        let on = r
            .date("referred_on", "의뢰일", &form.referred_on)
            .unwrap_or_else(|| self.clock.today());
        let Some(partner) = partner.filter(|_| r.errors.is_empty()) else {
            return Err(AppError::Invalid(r.errors));
        };
        // A 의뢰 hands the person's data to a partner: 제3자 제공 (연계기관)
        // consent first (개인정보 보호법 제17조). A referral already made
        // to the same partner may still be corrected without it.
        let new_partner = editing.as_ref().is_none_or(|r| r.partner_id != partner.id);
        if new_partner
            && !seeker
                .consent
                .as_ref()
                .is_some_and(|c| c.allows(doyak_domain::seeker::ConsentScope::ShareWithPartners))
        {
            return Err(invalid(
                "partner_id",
                "연계기관",
                "구직자의 제3자 제공(연계기관) 동의가 없어 기관에 연계할 수 없습니다. 동의를 받은 뒤 정보 수정에서 기록해 주세요.",
            ));
        }
        if let Some(mut referral) = editing {
            referral.partner_id = partner.id;
            referral.purpose = form.purpose.trim().to_owned();
            referral.referred_on = on;
            self.save(&referral)?;
            return Ok(referral.id.to_string());
        }
        let referral = Referral {
            id: self.new_id(),
            center_id: self.center_id(),
            subject_id: seeker.id,
            partner_id: partner.id,
            purpose: form.purpose.trim().to_owned(),
            referred_on: on,
            status: ReferralStatus::Requested,
            result_on: None,
            result_note: None,
        };
        let referral = self.create_record(referral, |r, c| r.center_id = c)?;
        Ok(referral.id.to_string())
    }

    /// Records a 기관연계's result: 완료, 거절 or 취소, on its day.
    pub fn record_referral_result(&mut self, form: &ReferralResultForm) -> Result<(), AppError> {
        let mut referral: Referral =
            self.store
                .get(parse_id(&form.referral_id)?)?
                .ok_or(AppError::NotFound {
                    what: "기관연계"
                })?;
        let status = [
            ReferralStatus::Completed,
            ReferralStatus::Declined,
            ReferralStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| enum_value(s) == form.status.trim())
        .ok_or_else(|| invalid("status", "결과", "결과를 목록에서 골라 주세요."))?;
        if referral.status.rank() == status.rank() {
            return Err(invalid(
                "status",
                "결과",
                format!(
                    "이미 결과('{}')가 기록된 연계입니다.",
                    referral.status.label_ko()
                ),
            ));
        }
        let mut r = Reader { errors: Vec::new() };
        let on = r
            .date("result_on", "결과일", &form.result_on)
            .unwrap_or_else(|| self.clock.today());
        if !r.errors.is_empty() {
            return Err(AppError::Invalid(r.errors));
        }
        referral.status = status;
        referral.result_on = Some(on);
        referral.result_note = Reader::text(&form.note).or(referral.result_note);
        let errors = referral.check(&self.check_ctx());
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        self.save(&referral)?;
        Ok(())
    }
}
