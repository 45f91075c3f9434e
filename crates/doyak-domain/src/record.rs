//! What the store and sync need to know about a record kind, without knowing
//! its fields: shared records merge field by field, events are append-only.

use crate::{CodeBook, Id};
use chrono::NaiveDate;
use serde::{Serialize, de::DeserializeOwned};

/// Every kind of thing Doyak stores. The string form names the table and the
/// `entity` of sync mutations, so it never changes once released.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Center,
    Counselor,
    Partner,
    Seeker,
    Company,
    Vacancy,
    Referral,
    Application,
    Event,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Center => "center",
            EntityKind::Counselor => "counselor",
            EntityKind::Partner => "partner",
            EntityKind::Seeker => "seeker",
            EntityKind::Company => "company",
            EntityKind::Vacancy => "vacancy",
            EntityKind::Referral => "referral",
            EntityKind::Application => "application",
            EntityKind::Event => "event",
        }
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            EntityKind::Center => "센터",
            EntityKind::Counselor => "상담사",
            EntityKind::Partner => "연계기관",
            EntityKind::Seeker => "구직자",
            EntityKind::Company => "기업",
            EntityKind::Vacancy => "구인공고",
            EntityKind::Referral => "기관연계",
            EntityKind::Application => "알선·지원",
            EntityKind::Event => "기록",
        }
    }

    /// Whether records of this kind hold personal data, so that creating,
    /// changing or exporting them is written to the audit log.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            EntityKind::Seeker | EntityKind::Referral | EntityKind::Application | EntityKind::Event
        )
    }
}

/// Context for checking a record: today's date (the domain has no clock) and
/// the reference codes.
#[derive(Clone, Copy)]
pub struct CheckContext<'a> {
    pub today: NaiveDate,
    pub codes: &'a dyn CodeBook,
}

impl std::fmt::Debug for CheckContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckContext")
            .field("today", &self.today)
            .finish_non_exhaustive()
    }
}

/// A record several counselors edit: stored as one JSON object whose top-level
/// keys are the fields that carry versions and merge one by one during sync.
pub trait SharedRecord: Serialize + DeserializeOwned + Clone {
    const KIND: EntityKind;
    fn id(&self) -> Id;
    fn center_id(&self) -> Id;
    /// The text a list is searched by (a person's or a firm's name).
    fn search_name(&self) -> &str;
    /// Field rules; an empty list means the record may be saved.
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<crate::FieldError>;
    /// Fields whose value only moves forward along a pipeline (a referral's
    /// status): sync keeps the furthest value instead of raising a conflict.
    fn monotonic_fields() -> &'static [&'static str] {
        &[]
    }
    /// Fields that hold a [`crate::Phone`]: whoever stores the record as
    /// JSON (the sync server) keeps them in [`crate::Phone::normalised`]
    /// form, the form the desk shows and writes.
    fn phone_fields() -> &'static [&'static str] {
        &[]
    }
}

/// An append-only record: never edited; a correction is a new event that names
/// the one it supersedes. Append-only records cannot conflict.
pub trait EventRecord: Serialize + DeserializeOwned + Clone {
    fn id(&self) -> Id;
    fn center_id(&self) -> Id;
    /// The record the event belongs to (a seeker, a company, a placement…).
    fn subject_id(&self) -> Id;
    /// A stable name of the event type, e.g. "counseling_session".
    fn event_type(&self) -> &'static str;
    /// The day it happened (not the day it was typed in).
    fn occurred_on(&self) -> NaiveDate;
    /// The event this one corrects, if any.
    fn supersedes(&self) -> Option<Id>;
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<crate::FieldError>;
    /// For a counseling session: the next contact it agreed on (if any). The
    /// store keeps each seeker's latest one for the desk's "today" list.
    fn follow_up(&self) -> Option<Option<NaiveDate>> {
        None
    }
    /// For a placement: the employer's name (the store keeps placements for
    /// the 3/6/12-month retention checks).
    fn placement_employer(&self) -> Option<&str> {
        None
    }
    /// For a retention check: how many months after the placement it is.
    fn retention_months(&self) -> Option<u8> {
        None
    }
    /// For a company's consulting action: `Some(Some(due_on))` while it is
    /// open (계획 or 진행 중, with a due date), `Some(None)` once it is done,
    /// cancelled or a one-off record. The store keeps the open ones so 오늘
    /// 할 일 lists the overdue.
    fn action_pending(&self) -> Option<Option<chrono::NaiveDate>> {
        None
    }
    /// For an IAP activity: `Some(Some(month))` while its 이행 점검 is still
    /// to be recorded (the due month, YYYY-MM), `Some(None)` once it is done
    /// or checked. The store keeps the pending ones for 오늘 할 일.
    fn iap_pending(&self) -> Option<Option<&str>> {
        None
    }
}
