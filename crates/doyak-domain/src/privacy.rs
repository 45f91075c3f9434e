//! 개인정보 파기: what a destruction erases from a person's records and what
//! it keeps for the statistics, as one rule every desk and the server apply
//! alike (개인정보 보호법 제21조: personal data no longer needed — consent
//! withdrawn, retention period over — is destroyed so it cannot be restored).
//!
//! Kept: the record's ids, the codes and dates the 성과 figures count and cut
//! by (status, track, 참여일, 담당 상담사, 거주 시군구, 취약계층 구분, a
//! placement's wage, occupation and firm, session minutes, IAP results) —
//! pseudonymous once the person's identity and words are gone.
//! Destroyed: name, birth date, gender, contacts, the profile (education,
//! certificates, work history, wishes), barriers (민감정보), the
//! questionnaire's answers, and every free text a counselor typed.
//!
//! Shared records are scrubbed field by field as JSON (an outbox row or a
//! change carries only some fields); a field this build does not know is
//! destroyed, never kept. Events are scrubbed whole, by their type.

use crate::events::EventBody;
use crate::{CaseEvent, EntityKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of Doyak's consent form (동의서) the desk prints; a consent
/// recorded on it says so.
pub const CONSENT_FORM_VERSION: &str = "도약-2026-12";

/// The name a destroyed seeker is shown under.
pub const DESTROYED_NAME: &str = "(파기됨)";

/// Why a person's data was destroyed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum DestructionReason {
    /// 개인정보 수집·이용(사례관리) 동의 철회.
    ConsentWithdrawn,
    /// 보유기간 경과: the center's retention rule that ended it.
    RetentionEnded { rule: String },
}

impl DestructionReason {
    pub fn label_ko(&self) -> &'static str {
        match self {
            DestructionReason::ConsentWithdrawn => "동의 철회",
            DestructionReason::RetentionEnded { .. } => "보유기간 경과",
        }
    }
}

/// A kind of data a destruction erased (named in its record, never the values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DestroyedKind {
    /// 이름·생년월일·성별·연락처.
    Identity,
    /// 학력·자격·경력·훈련·희망 조건.
    Profile,
    /// 취업 장애요인·문진 응답 (민감정보 포함).
    Sensitive,
    /// 상담 내용·메모·계획 설명 등 상담사가 쓴 글.
    FreeText,
    /// 이력서 파일과 작성 중인 기록.
    Files,
}

impl DestroyedKind {
    pub const ALL: [DestroyedKind; 5] = [
        DestroyedKind::Identity,
        DestroyedKind::Profile,
        DestroyedKind::Sensitive,
        DestroyedKind::FreeText,
        DestroyedKind::Files,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            DestroyedKind::Identity => "이름·생년월일·성별·연락처",
            DestroyedKind::Profile => "학력·자격·경력·희망 조건",
            DestroyedKind::Sensitive => "취업 장애요인·문진 응답",
            DestroyedKind::FreeText => "상담 내용·메모",
            DestroyedKind::Files => "이력서 파일·작성 중인 기록",
        }
    }
}

/// What becomes of one field of a shared record in a destruction.
#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    Keep,
    /// Replaced by this value (null, an empty list, or the destroyed name).
    Destroy(Value),
}

/// The seeker's fields the statistics need, kept by a destruction.
pub const SEEKER_KEPT: &[&str] = &[
    "id",
    "center_id",
    "counselor_id",
    "home_sigungu",
    "consent",
    "track",
    "status",
    "enrolled_on",
    "benefit",
    "target_groups",
];

/// The seeker's list fields a destruction empties (the rest become null).
const SEEKER_LISTS: &[&str] = &[
    "education",
    "certificates",
    "training",
    "work_history",
    "skills",
    "desired_occupations",
    "desired_sigungu",
    "barriers",
];

/// Kept fields of a 알선 (`application`) and a 기관연계 (`referral`): ids,
/// codes and dates. Their notes and purpose are free text.
const APPLICATION_KEPT: &[&str] = &[
    "id",
    "center_id",
    "seeker_id",
    "vacancy_id",
    "applied_on",
    "status",
];
const REFERRAL_KEPT: &[&str] = &[
    "id",
    "center_id",
    "subject_id",
    "partner_id",
    "referred_on",
    "status",
    "result_on",
];

/// What a destruction does to `field` of a record of `kind` that belongs to
/// the destroyed person. Other kinds (a company, a vacancy) are not a
/// person's and keep everything.
pub fn field_fate(kind: EntityKind, field: &str) -> Fate {
    let kept = match kind {
        EntityKind::Seeker => SEEKER_KEPT,
        EntityKind::Application => APPLICATION_KEPT,
        EntityKind::Referral => REFERRAL_KEPT,
        _ => return Fate::Keep,
    };
    if kept.contains(&field) {
        return Fate::Keep;
    }
    Fate::Destroy(match (kind, field) {
        (EntityKind::Seeker, "name") => Value::from(DESTROYED_NAME),
        (EntityKind::Seeker, f) if SEEKER_LISTS.contains(&f) => Value::Array(Vec::new()),
        (EntityKind::Referral, "purpose") => Value::from(""),
        _ => Value::Null,
    })
}

/// Scrubs the fields of a shared record (whole or partial) in place; true
/// when a value changed.
pub fn scrub_fields(kind: EntityKind, fields: &mut serde_json::Map<String, Value>) -> bool {
    let mut changed = false;
    for (field, value) in fields.iter_mut() {
        if let Fate::Destroy(replacement) = field_fate(kind, field)
            && *value != replacement
        {
            *value = replacement;
            changed = true;
        }
    }
    changed
}

/// The event with the destroyed person's words and answers taken out. An
/// event of a company (visits, 구인애로 진단, actions) is not a person's and
/// comes back as it was; so does the destruction record itself.
pub fn scrub_event(event: &CaseEvent) -> CaseEvent {
    let body = match event.body.clone() {
        EventBody::CounselingSession {
            minutes,
            mode,
            content: _,
            next_step: _,
            next_on,
        } => EventBody::CounselingSession {
            minutes,
            mode,
            content: String::new(),
            next_step: None,
            next_on,
        },
        EventBody::Diagnosis {
            instrument,
            summary: _,
            scores,
            recommended_occupations,
            form: _,
        } => EventBody::Diagnosis {
            instrument,
            summary: String::new(),
            scores,
            recommended_occupations,
            form: None,
        },
        EventBody::IapActivity {
            month,
            kind,
            description: _,
            done,
            compliance,
            compliance_note: _,
        } => EventBody::IapActivity {
            month,
            kind,
            description: String::new(),
            done,
            compliance,
            compliance_note: None,
        },
        EventBody::IapGoal {
            occupation,
            reason: _,
            diagnosis_id,
        } => EventBody::IapGoal {
            occupation,
            reason: None,
            diagnosis_id,
        },
        EventBody::ResumeConsulting {
            version,
            sha256: _,
            score,
            industry,
            rubric_version,
            vacancy_id,
            accepted: _,
            rejected: _,
            note: _,
        } => EventBody::ResumeConsulting {
            version,
            sha256: String::new(),
            score,
            industry,
            rubric_version,
            vacancy_id,
            accepted: Vec::new(),
            rejected: Vec::new(),
            note: None,
        },
        EventBody::Placement {
            employer: _,
            company_id,
            vacancy_id,
            occupation,
            wage_monthly,
            employment,
            weekly_hours,
            application_id,
        } => EventBody::Placement {
            employer: String::new(),
            company_id,
            vacancy_id,
            occupation,
            wage_monthly,
            employment,
            weekly_hours,
            application_id,
        },
        EventBody::RetentionCheck {
            months,
            still_employed,
            note: _,
            method,
            left_on,
            left_reason,
        } => EventBody::RetentionCheck {
            months,
            still_employed,
            note: None,
            method,
            left_on,
            left_reason,
        },
        EventBody::ApplicationStep { from, to, note: _ } => EventBody::ApplicationStep {
            from,
            to,
            note: None,
        },
        body @ (EventBody::CompanyVisit { .. }
        | EventBody::HiringDiagnosis { .. }
        | EventBody::CompanyAction { .. }
        | EventBody::CompanyFacts { .. }
        | EventBody::Destruction { .. }
        | EventBody::CenterSetting { .. }) => body,
    };
    CaseEvent {
        body,
        ..event.clone()
    }
}

/// Scrubs an event kept as JSON (a store row, an outbox row, a change): the
/// event as [`scrub_event`] leaves it, re-encoded, so a field a newer build
/// added is dropped (this build cannot tell whether it holds the person's
/// words). `None` when the JSON is not an event this build reads: the
/// caller then destroys the whole text.
pub fn scrub_event_json(
    record: &serde_json::Map<String, Value>,
) -> Option<serde_json::Map<String, Value>> {
    let event = CaseEvent::deserialize(record).ok()?;
    match serde_json::to_value(scrub_event(&event)) {
        Ok(Value::Object(scrubbed)) => Some(scrubbed),
        _ => None,
    }
}

/// The kinds of data found in a person's records before they are destroyed,
/// for the destruction record: always the identity (a seeker has a name),
/// and whichever else the seeker's fields and events held.
pub fn destroyed_kinds(
    seeker: &serde_json::Map<String, Value>,
    events: &[CaseEvent],
    files: bool,
) -> Vec<DestroyedKind> {
    let mut kinds = vec![DestroyedKind::Identity];
    let filled = |field: &str| {
        seeker
            .get(field)
            .is_some_and(|v| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)))
    };
    if [
        "education",
        "certificates",
        "training",
        "work_history",
        "skills",
    ]
    .iter()
    .any(|f| filled(f))
    {
        kinds.push(DestroyedKind::Profile);
    }
    let answered = events
        .iter()
        .any(|e| matches!(&e.body, EventBody::Diagnosis { form: Some(_), .. }));
    if filled("barriers") || answered {
        kinds.push(DestroyedKind::Sensitive);
    }
    if filled("note") || filled("iap_goal") || events.iter().any(|e| scrub_event(e) != *e) {
        kinds.push(DestroyedKind::FreeText);
    }
    if files {
        kinds.push(DestroyedKind::Files);
    }
    kinds
}

/// The kinds of ended case a center sets a retention period for: a case
/// ended in employment is followed up for a year after (고용유지 확인), one
/// closed without it is not, and a deleted registration (entered by mistake,
/// a duplicate) was never a case — a center may keep each for its own time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionKind {
    /// 취업으로 종료된 사례.
    Employed,
    /// 취업 없이 종료된 사례 (중단·종료).
    Closed,
    /// 삭제된 등록.
    Deleted,
}

impl RetentionKind {
    pub const ALL: [RetentionKind; 3] = [
        RetentionKind::Employed,
        RetentionKind::Closed,
        RetentionKind::Deleted,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            RetentionKind::Employed => "취업으로 종료된 사례",
            RetentionKind::Closed => "취업 없이 종료된 사례",
            RetentionKind::Deleted => "삭제된 등록",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RetentionKind::Employed => "employed",
            RetentionKind::Closed => "closed",
            RetentionKind::Deleted => "deleted",
        }
    }

    /// The kind of an ended case: a deleted seeker is a deleted
    /// registration whatever its status said.
    pub fn of_case(status: crate::SeekerStatus, deleted: bool) -> RetentionKind {
        if deleted {
            RetentionKind::Deleted
        } else if status == crate::SeekerStatus::Employed {
            RetentionKind::Employed
        } else {
            RetentionKind::Closed
        }
    }
}

/// How long a center keeps an ended case (취업 or 종료) before its personal
/// data is destroyed, counted from the last day anything happened in it,
/// with the basis the center gives for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRule {
    pub years: u32,
    /// The rule's basis in the center's words (법령, 처리방침 조항).
    pub basis: String,
    /// Whether the center confirmed the basis; Doyak's default is not
    /// confirmed, and the screens say 확인 필요 beside it.
    pub confirmed: bool,
}

impl RetentionRule {
    /// Doyak's default until the center sets its own. Five years is a
    /// product default, not a statement of the law: no statute fixing the
    /// period for this program's case files was confirmed (개인정보 보호법
    /// 제21조 says only that data no longer needed is destroyed without
    /// delay, and each 처리방침 sets its own period).
    pub fn doyak_default() -> RetentionRule {
        RetentionRule {
            years: 5,
            basis: "도약 기본값, 센터 개인정보 처리방침의 보유기간 미입력".into(),
            confirmed: false,
        }
    }

    /// The last day the data is kept: `years` after `last_activity` (a
    /// 29 February ends on 28 February).
    pub fn ends_on(&self, last_activity: chrono::NaiveDate) -> chrono::NaiveDate {
        let months = self.years.saturating_mul(12);
        last_activity
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(chrono::NaiveDate::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{ContactMode, EmploymentType};
    use crate::{Id, JobSeeker, Phone};
    use chrono::NaiveDate;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn seeker() -> JobSeeker {
        let mut s = JobSeeker::intake(
            Id::from(uuid::Uuid::from_u128(1)),
            Id::from(uuid::Uuid::from_u128(2)),
            "김파기",
        );
        s.birth_date = Some(day("1990-05-17"));
        s.phone = Some(Phone::parse("010-4821-7730").unwrap());
        s.email = Some("pagi@example.com".into());
        s.skills = vec!["지게차".into()];
        s.note = Some("채무 상담 필요".into());
        s.iap_goal = Some("6개월 안에 생산직 취업".into());
        s.enrolled_on = Some(day("2025-03-02"));
        s
    }

    fn object(s: &JobSeeker) -> serde_json::Map<String, Value> {
        match serde_json::to_value(s).unwrap() {
            Value::Object(m) => m,
            _ => unreachable!(),
        }
    }

    #[test]
    fn every_seeker_field_is_kept_or_destroyed_by_name() {
        // A new field of JobSeeker is destroyed until someone decides the
        // statistics need it; this list makes that decision visible.
        let destroyed: Vec<String> = object(&seeker())
            .keys()
            .filter(|f| field_fate(EntityKind::Seeker, f) != Fate::Keep)
            .cloned()
            .collect();
        let mut want = vec![
            "accepts_shift",
            "barriers",
            "birth_date",
            "certificates",
            "desired_occupations",
            "desired_sigungu",
            "desired_wage_monthly",
            "education",
            "email",
            "gender",
            "iap_goal",
            "max_commute_km",
            "name",
            "note",
            "phone",
            "skills",
            "training",
            "willing_to_relocate",
            "work_history",
        ];
        want.sort_unstable();
        assert_eq!(destroyed, want);
        // Every kept field exists: a renamed field would silently be destroyed.
        for kept in SEEKER_KEPT {
            assert!(object(&seeker()).contains_key(*kept), "{kept}");
        }
    }

    #[test]
    fn a_scrubbed_seeker_still_reads_and_keeps_what_the_figures_count() {
        let before = seeker();
        let mut fields = object(&before);
        assert!(scrub_fields(EntityKind::Seeker, &mut fields));
        let after: JobSeeker = serde_json::from_value(Value::Object(fields.clone())).unwrap();
        assert_eq!(after.name, DESTROYED_NAME);
        assert_eq!(
            (after.phone, after.birth_date, after.email),
            (None, None, None)
        );
        assert!(after.skills.is_empty() && after.note.is_none() && after.iap_goal.is_none());
        assert_eq!(after.enrolled_on, before.enrolled_on);
        assert_eq!((after.status, after.track), (before.status, before.track));
        let text = Value::Object(fields.clone()).to_string();
        for gone in [
            "김파기",
            "4821",
            "1990",
            "pagi@",
            "채무",
            "생산직",
            "지게차",
        ] {
            assert!(!text.contains(gone), "{gone} left in {text}");
        }
        // Scrubbing again changes nothing: every desk may apply it twice.
        assert!(!scrub_fields(EntityKind::Seeker, &mut fields));
    }

    #[test]
    fn a_partial_update_is_scrubbed_field_by_field() {
        let mut fields = serde_json::Map::new();
        fields.insert("phone".into(), Value::from("010-1111-2222"));
        fields.insert("status".into(), Value::from("closed"));
        fields.insert("added_by_a_newer_desk".into(), Value::from("누군가의 말"));
        scrub_fields(EntityKind::Seeker, &mut fields);
        assert_eq!(fields["phone"], Value::Null);
        assert_eq!(fields["status"], "closed", "a kept field stays");
        assert_eq!(
            fields["added_by_a_newer_desk"],
            Value::Null,
            "unknown is destroyed"
        );
    }

    #[test]
    fn events_lose_their_words_and_keep_their_counts() {
        let session = CaseEvent {
            id: Id::from(uuid::Uuid::from_u128(3)),
            center_id: Id::from(uuid::Uuid::from_u128(2)),
            subject_id: Id::from(uuid::Uuid::from_u128(1)),
            author_id: None,
            occurred_on: day("2025-04-01"),
            recorded_at: None,
            supersedes: None,
            body: EventBody::CounselingSession {
                minutes: 50,
                mode: ContactMode::InPerson,
                content: "우울감으로 통원 치료 중".into(),
                next_step: Some("병원 동행".into()),
                next_on: Some(day("2025-04-08")),
            },
        };
        let scrubbed = scrub_event(&session);
        let EventBody::CounselingSession {
            minutes,
            content,
            next_step,
            next_on,
            ..
        } = &scrubbed.body
        else {
            panic!("same type");
        };
        assert_eq!(
            (*minutes, content.as_str(), next_step, *next_on),
            (50, "", &None, Some(day("2025-04-08")))
        );
        let placement = CaseEvent {
            body: EventBody::Placement {
                employer: "㈜도약정밀".into(),
                company_id: None,
                vacancy_id: None,
                occupation: None,
                wage_monthly: Some(2_300_000),
                employment: EmploymentType::Permanent,
                weekly_hours: Some(40),
                application_id: None,
            },
            ..session.clone()
        };
        let json = match serde_json::to_value(&placement).unwrap() {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        let scrubbed = Value::Object(scrub_event_json(&json).unwrap()).to_string();
        assert!(
            !scrubbed.contains("도약정밀") && scrubbed.contains("2300000"),
            "{scrubbed}"
        );
        let kinds = destroyed_kinds(&object(&seeker()), &[session], false);
        assert_eq!(
            kinds,
            vec![
                DestroyedKind::Identity,
                DestroyedKind::Profile,
                DestroyedKind::FreeText
            ]
        );
    }

    #[test]
    fn retention_ends_years_after_the_last_activity() {
        let rule = RetentionRule::doyak_default();
        // Unconfirmed: every screen adds 확인 필요 beside it.
        assert!(!rule.confirmed && rule.basis.contains("기본값"));
        assert_eq!(rule.ends_on(day("2021-03-31")), day("2026-03-31"));
        // chrono keeps the day within the month: 29 Feb → 28 Feb.
        assert_eq!(rule.ends_on(day("2024-02-29")), day("2029-02-28"));
    }
}
