//! The two pipelines of a case that are shared records with a monotonic
//! status rather than events: a 기관연계 (referral to a partner
//! institution) and an 알선 (a seeker put forward for a vacancy). Their
//! status only moves forward, so concurrent edits merge without conflict.

use crate::record::CheckContext;
use crate::validate::{FieldError, Validation};
use crate::{EntityKind, Id, SharedRecord};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 기관연계: a seeker or company referred to a partner institution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub id: Id,
    pub center_id: Id,
    /// The seeker or company referred.
    pub subject_id: Id,
    pub partner_id: Id,
    pub purpose: String,
    pub referred_on: NaiveDate,
    pub status: ReferralStatus,
    pub result_on: Option<NaiveDate>,
    pub result_note: Option<String>,
}

/// A referral's pipeline. Declared in the order it moves; the three endings
/// rank equally high, so a late "accepted" never undoes a recorded result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// 의뢰
    Requested,
    /// 접수
    Accepted,
    /// 진행중
    InProgress,
    /// 완료
    Completed,
    /// 거절
    Declined,
    /// 취소
    Cancelled,
}

impl ReferralStatus {
    pub fn rank(self) -> u8 {
        match self {
            ReferralStatus::Requested => 0,
            ReferralStatus::Accepted => 1,
            ReferralStatus::InProgress => 2,
            ReferralStatus::Completed | ReferralStatus::Declined | ReferralStatus::Cancelled => 3,
        }
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            ReferralStatus::Requested => "의뢰",
            ReferralStatus::Accepted => "접수",
            ReferralStatus::InProgress => "진행중",
            ReferralStatus::Completed => "완료",
            ReferralStatus::Declined => "거절",
            ReferralStatus::Cancelled => "취소",
        }
    }
}

/// 알선·입사지원: a seeker put forward for a vacancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: Id,
    pub center_id: Id,
    pub seeker_id: Id,
    pub vacancy_id: Id,
    pub applied_on: NaiveDate,
    pub status: ApplicationStatus,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// 후보 (추천 목록에서 담아 둔 단계: 아직 구직자 정보를 기업에 보내지 않음)
    Shortlisted,
    /// 알선 (추천)
    Proposed,
    /// 서류 제출
    Submitted,
    /// 면접
    Interview,
    /// 합격
    Hired,
    /// 불합격
    Rejected,
    /// 취소 (구직자 포기 등)
    Withdrawn,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 7] = [
        ApplicationStatus::Shortlisted,
        ApplicationStatus::Proposed,
        ApplicationStatus::Submitted,
        ApplicationStatus::Interview,
        ApplicationStatus::Hired,
        ApplicationStatus::Rejected,
        ApplicationStatus::Withdrawn,
    ];

    /// Order for merging concurrent edits: a status never moves back.
    pub fn rank(self) -> u8 {
        match self {
            ApplicationStatus::Shortlisted => 0,
            ApplicationStatus::Proposed => 1,
            ApplicationStatus::Submitted => 2,
            ApplicationStatus::Interview => 3,
            ApplicationStatus::Hired
            | ApplicationStatus::Rejected
            | ApplicationStatus::Withdrawn => 4,
        }
    }

    /// The application has its outcome.
    pub fn is_final(self) -> bool {
        self.rank() == 4
    }

    /// Whether the seeker's details have gone (or go) to the employer, which
    /// needs their consent to share (제3자 제공 동의).
    pub fn shares_personal_data(self) -> bool {
        self != ApplicationStatus::Shortlisted
    }

    /// Whether an 알선 at this status may be set to `to`, for a seeker who
    /// has (`may_share`) or has not agreed to share their details. Staying
    /// put is no step (only the note changes); otherwise an outcome is
    /// final, a status never moves back, and a step that sends the seeker's
    /// details to the employer needs their consent.
    pub fn step_to(self, to: ApplicationStatus, may_share: bool) -> Result<(), StepRefusal> {
        if to == self {
            Ok(())
        } else if self.is_final() {
            Err(StepRefusal::Final)
        } else if to.rank() < self.rank() {
            Err(StepRefusal::Backwards)
        } else if to.shares_personal_data() && !may_share {
            Err(StepRefusal::NoConsent)
        } else {
            Ok(())
        }
    }

    /// The statuses an 알선 at this status may be set to, in pipeline order,
    /// this one included: what the desk offers, so it offers only what
    /// [`ApplicationStatus::step_to`] accepts.
    pub fn next_statuses(self, may_share: bool) -> Vec<ApplicationStatus> {
        Self::ALL
            .into_iter()
            .filter(|to| self.step_to(*to, may_share).is_ok())
            .collect()
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            ApplicationStatus::Shortlisted => "후보",
            ApplicationStatus::Proposed => "알선",
            ApplicationStatus::Submitted => "서류 제출",
            ApplicationStatus::Interview => "면접",
            ApplicationStatus::Hired => "합격",
            ApplicationStatus::Rejected => "불합격",
            ApplicationStatus::Withdrawn => "취소",
        }
    }
}

/// Why an 알선 may not take a status (the use case words it for the
/// counselor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepRefusal {
    /// The outcome (합격, 불합격, 취소) is recorded and final.
    Final,
    /// An earlier step: a status never moves back.
    Backwards,
    /// The step sends the seeker's details to the employer without their
    /// 제3자 제공 consent.
    NoConsent,
}

impl SharedRecord for Referral {
    const KIND: EntityKind = EntityKind::Referral;
    fn id(&self) -> Id {
        self.id
    }
    fn center_id(&self) -> Id {
        self.center_id
    }
    fn search_name(&self) -> &str {
        &self.purpose
    }
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.required("purpose", "연계 목적", &self.purpose);
        v.not_future("referred_on", "연계일", Some(self.referred_on), ctx.today);
        v.ordered(
            "result_on",
            "결과일",
            Some(self.referred_on),
            self.result_on,
        );
        v.errors
    }
    fn monotonic_fields() -> &'static [&'static str] {
        &["status"]
    }
}

impl SharedRecord for Application {
    const KIND: EntityKind = EntityKind::Application;
    fn id(&self) -> Id {
        self.id
    }
    fn center_id(&self) -> Id {
        self.center_id
    }
    fn search_name(&self) -> &str {
        ""
    }
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.not_future("applied_on", "알선일", Some(self.applied_on), ctx.today);
        v.errors
    }
    fn monotonic_fields() -> &'static [&'static str] {
        &["status"]
    }
}
