//! A job seeker's page: the header, the profile as labelled facts, and the
//! case file (sessions, diagnoses, IAP, placements, retention checks) as
//! readable rows; plus the session note form.

use crate::codes::{keco_name, monthly_wage};
use crate::counselors::written_at_label;
use crate::forms::{choice, parse_id};
use crate::{AppError, Choice, Desk, IapView, PlacementRow, SeekerForm, SeekerRow};
use chrono::NaiveDate;
use doyak_domain::events::{CaseEvent, ContactMode, EventBody};
use doyak_domain::{FieldError, Id, Referral};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// One line of a case file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EventRow {
    pub id: String,
    pub occurred_on: String,
    /// `counseling_session`, `placement`…: the tab it belongs on.
    pub kind: String,
    /// 상담, 취업…
    pub kind_label: String,
    /// One line: "대면 50분", "도약정밀 · 정규직 · 월 280만원".
    pub summary: String,
    /// The note itself, when there is one.
    pub detail: String,
    /// Set when a later event corrects this one.
    pub superseded: bool,
    /// This event corrects an earlier one (the earlier stays, shown 정정됨).
    pub corrects: bool,
    /// A counseling note still current: the page offers 정정.
    pub can_correct: bool,
    /// Who wrote it: the counselor's name, "" when the desk that wrote it
    /// had no counselor chosen (or the record predates authors).
    pub author: String,
    /// When it was written, Korean time ("2026-12-03 14:20"), "" when not
    /// recorded.
    pub written_at: String,
}

/// A referral to a partner institution, for the seeker's 기관연계 tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReferralRow {
    pub id: String,
    pub partner_id: String,
    pub partner_name: String,
    pub purpose: String,
    pub status: String,
    pub referred_on: String,
    pub result: String,
    /// No result yet (의뢰, 접수, 진행중): the page offers 결과 입력 and 수정.
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeekerDetail {
    pub row: SeekerRow,
    pub facts: Vec<Fact>,
    pub events: Vec<EventRow>,
    pub referrals: Vec<ReferralRow>,
    /// 취업 with their 3/6/12-month checks, newest first.
    pub placements: Vec<PlacementRow>,
    /// The IAP as it stands: its goal and each activity's current version,
    /// by month.
    pub iap: IapView,
    pub form: SeekerForm,
    /// The person's data was destroyed (개인정보 파기): nothing more can be
    /// recorded about them; the page offers no action.
    pub destroyed: bool,
}

/// A counseling session as the desk records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionForm {
    pub seeker_id: String,
    pub occurred_on: String,
    pub minutes: String,
    /// A `ContactMode` value.
    pub mode: String,
    pub content: String,
    pub next_step: String,
    pub next_on: String,
    /// The id of the note this form corrects; empty for a new note.
    #[serde(default)]
    pub corrects: String,
}

pub(crate) fn event_row(e: &CaseEvent, superseded: bool, names: &HashMap<Id, String>) -> EventRow {
    let (summary, detail) = match &e.body {
        EventBody::CounselingSession {
            minutes,
            mode,
            content,
            next_step,
            next_on,
        } => {
            let mut s = format!("{} {minutes}분", mode.label_ko());
            if let Some(n) = next_on {
                s.push_str(&format!(" · 다음 상담 {n}"));
            }
            let mut d = content.clone();
            if let Some(step) = next_step {
                d.push_str(&format!("\n다음 단계: {step}"));
            }
            (s, d)
        }
        EventBody::Diagnosis {
            instrument,
            summary,
            recommended_occupations,
            ..
        } => {
            let recommended: Vec<String> = recommended_occupations
                .iter()
                .map(|c| keco_name(c.as_str()))
                .collect();
            let mut d = summary.clone();
            if !recommended.is_empty() {
                d.push_str(&format!("\n추천 직종: {}", recommended.join(", ")));
            }
            (instrument.label_ko().to_owned(), d)
        }
        EventBody::IapActivity {
            month,
            kind,
            description,
            done,
            compliance,
            compliance_note,
        } => {
            let state = match (compliance, done) {
                (Some(c), _) => c.label_ko(),
                (None, true) => "이행",
                (None, false) => "계획",
            };
            let mut d = description.clone();
            if let Some(n) = compliance_note {
                d.push_str(&format!("\n점검 사유: {n}"));
            }
            (format!("{month} · {} · {state}", kind.label_ko()), d)
        }
        EventBody::IapGoal {
            occupation, reason, ..
        } => (
            format!("목표 직종 {}", keco_name(occupation.as_str())),
            reason.clone().unwrap_or_default(),
        ),
        EventBody::ResumeConsulting {
            version,
            score,
            industry,
            accepted,
            rejected,
            note,
            ..
        } => {
            let mut s = format!("{version}번째 판 · {score}점");
            if let Some(i) = industry {
                s.push_str(&format!(" · {i} 기준"));
            }
            let mut d = Vec::new();
            for a in accepted {
                d.push(format!("수용: {}", a.text));
            }
            for r in rejected {
                d.push(format!("보류: {}", r.text));
            }
            if let Some(n) = note {
                d.push(n.clone());
            }
            (s, d.join("\n"))
        }
        EventBody::Placement {
            employer,
            wage_monthly,
            employment,
            weekly_hours,
            ..
        } => {
            let mut s = format!("{employer} · {}", employment.label_ko());
            if let Some(w) = wage_monthly {
                s.push_str(&format!(" · {}", monthly_wage(*w)));
            }
            if let Some(h) = weekly_hours {
                s.push_str(&format!(" · 주 {h}시간"));
            }
            (s, String::new())
        }
        EventBody::RetentionCheck {
            months,
            still_employed,
            note,
            method,
            left_on,
            left_reason,
        } => {
            let mut s = format!(
                "{months}개월 · {}",
                if *still_employed {
                    "재직 중"
                } else {
                    "이직·퇴사"
                }
            );
            if let Some(m) = method {
                s.push_str(&format!(" · {}", m.label_ko()));
            }
            if let Some(r) = left_reason {
                s.push_str(&format!(" · {}", r.label_ko()));
            }
            if let Some(d) = left_on {
                s.push_str(&format!(" · 퇴사일 {d}"));
            }
            (s, note.clone().unwrap_or_default())
        }
        EventBody::ApplicationStep { from, to, note } => (
            format!("{} → {}", from.label_ko(), to.label_ko()),
            note.clone().unwrap_or_default(),
        ),
        EventBody::CompanyVisit {
            mode,
            industrial_complex,
            content,
        } => (
            match industrial_complex {
                Some(c) => format!("{} · {c}", mode.label_ko()),
                None => mode.label_ko().to_owned(),
            },
            content.clone(),
        ),
        EventBody::HiringDiagnosis {
            factors,
            note,
            causes,
            visit,
            ..
        } => (
            factors
                .iter()
                .map(|f| f.label_ko())
                .collect::<Vec<_>>()
                .join(", "),
            [
                note.clone(),
                (!causes.is_empty()).then(|| {
                    format!(
                        "원인별 근거 {}건{}",
                        causes.len(),
                        if visit.is_some() {
                            " · 방문 문진 포함"
                        } else {
                            ""
                        }
                    )
                }),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
        ),
        EventBody::CompanyAction {
            kind,
            subsidy,
            description,
            owner,
            due_on,
            status,
            result,
            ..
        } => (
            [
                Some(kind.label_ko().to_owned()),
                subsidy.clone(),
                status.map(|s| s.label_ko().to_owned()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
            [
                Some(description.clone()),
                owner.as_ref().map(|o| format!("담당 {o}")),
                due_on.map(|d| format!("기한 {d}")),
                result.as_ref().map(|r| format!("결과: {r}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
        ),
        EventBody::CompanyFacts { facts } => (
            "지원사업 판단 자료".to_owned(),
            format!("{}개 항목", facts.len()),
        ),
        EventBody::Destruction { reason, kinds } => (
            format!("개인정보 파기 ({})", reason.label_ko()),
            kinds
                .iter()
                .map(|k| k.label_ko())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        EventBody::CenterSetting { setting, .. } => ("센터 설정".to_owned(), setting.describe()),
    };
    EventRow {
        id: e.id.to_string(),
        occurred_on: e.occurred_on.to_string(),
        kind: e.body.type_name().to_owned(),
        kind_label: e.body.label_ko().to_owned(),
        summary,
        detail,
        superseded,
        corrects: e.supersedes.is_some(),
        can_correct: !superseded && matches!(e.body, EventBody::CounselingSession { .. }),
        author: e
            .author_id
            .map(|id| {
                names
                    .get(&id)
                    .cloned()
                    // A counselor whose record has not reached this desk yet.
                    .unwrap_or_else(|| "다른 상담사".to_owned())
            })
            .unwrap_or_default(),
        written_at: e.recorded_at.map(written_at_label).unwrap_or_default(),
    }
}

impl Desk {
    /// Everything the seeker's page shows. The newest events come first.
    pub fn seeker_detail(&self, id: &str) -> Result<SeekerDetail, AppError> {
        let seeker = self.seeker(parse_id(id)?)?;
        let today = self.clock.today();
        let mut events = self.events_of(seeker.id)?;
        // Retention checks hang off their placement event.
        for placement in events
            .clone()
            .iter()
            .filter(|e| matches!(e.body, EventBody::Placement { .. }))
        {
            events.extend(self.events_of(placement.id)?);
        }
        let placements = self.placement_rows(&events)?;
        let iap = crate::iap::iap_view(&events, today);
        let superseded: Vec<_> = events.iter().filter_map(|e| e.supersedes).collect();
        events.sort_by_key(|e| std::cmp::Reverse((e.occurred_on, e.id)));
        let names = self.counselor_names()?;
        let rows = events
            .iter()
            .map(|e| event_row(e, superseded.contains(&e.id), &names))
            .collect();

        let referrals = self
            .store
            .referrals_of(seeker.id)?
            .into_iter()
            .map(|r: Referral| ReferralRow {
                id: r.id.to_string(),
                partner_id: r.partner_id.to_string(),
                partner_name: self
                    .store
                    .get::<doyak_domain::PartnerInstitution>(r.partner_id)
                    .ok()
                    .flatten()
                    .map(|p| p.name)
                    .unwrap_or_default(),
                purpose: r.purpose,
                open: r.status.rank() < 3,
                status: r.status.label_ko().to_owned(),
                referred_on: r.referred_on.to_string(),
                result: r.result_note.unwrap_or_default(),
            })
            .collect();

        let mut facts = Vec::new();
        let mut fact = |label: &str, value: String| {
            if !value.is_empty() {
                facts.push(Fact {
                    label: label.to_owned(),
                    value,
                });
            }
        };
        fact(
            "생년월일",
            seeker.birth_date.map(|d| d.to_string()).unwrap_or_default(),
        );
        fact(
            "성별",
            seeker
                .gender
                .map(|g| g.label_ko().to_owned())
                .unwrap_or_default(),
        );
        fact(
            "연락처",
            seeker
                .phone
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
        );
        fact("이메일", seeker.email.clone().unwrap_or_default());
        fact(
            "참여일",
            seeker
                .enrolled_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
        fact(
            "개인정보 동의",
            seeker
                .consent
                .as_ref()
                .map(|c| {
                    let scopes: Vec<&str> = c.scopes.iter().map(|s| s.label_ko()).collect();
                    match c.withdrawn_on {
                        Some(w) => format!("{} 동의, {w} 철회", c.given_on),
                        None => format!("{} 동의 ({})", c.given_on, scopes.join(", ")),
                    }
                })
                .unwrap_or_else(|| "동의 기록 없음".to_owned()),
        );
        fact(
            "대상 집단",
            seeker
                .target_groups
                .iter()
                .map(|t| t.label_ko())
                .collect::<Vec<_>>()
                .join(", "),
        );
        fact(
            "자격증",
            seeker
                .certificates
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        );
        fact(
            "희망임금",
            seeker
                .desired_wage_monthly
                .map(monthly_wage)
                .unwrap_or_default(),
        );
        fact(
            "최대 통근거리",
            seeker
                .max_commute_km
                .map(|k| format!("{k}km"))
                .unwrap_or_default(),
        );
        let possible = |v: Option<bool>| match v {
            Some(true) => "가능".to_owned(),
            Some(false) => "불가".to_owned(),
            None => String::new(),
        };
        fact("교대근무", possible(seeker.accepts_shift));
        fact("기숙사 입주", possible(seeker.willing_to_relocate));
        fact(
            "취업 장애요인",
            seeker
                .barriers
                .iter()
                .map(|b| b.kind.label_ko())
                .collect::<Vec<_>>()
                .join(", "),
        );
        fact("IAP 취업 목표", seeker.iap_goal.clone().unwrap_or_default());
        fact(
            "담당 상담사",
            seeker
                .counselor_id
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_default(),
        );
        fact("메모", seeker.note.clone().unwrap_or_default());

        let destroyed = events
            .iter()
            .any(|e| matches!(e.body, EventBody::Destruction { .. }));
        self.log_access(
            doyak_store::Access::View,
            doyak_domain::EntityKind::Seeker,
            Some(seeker.id),
            "seeker_page",
        )?;
        Ok(SeekerDetail {
            destroyed,
            row: SeekerRow::from_seeker(&seeker, today),
            facts,
            events: rows,
            referrals,
            placements,
            iap,
            form: SeekerForm::of(&seeker),
        })
    }

    pub fn contact_modes(&self) -> Vec<Choice> {
        ContactMode::ALL
            .iter()
            .map(|m| choice(m, m.label_ko()))
            .collect()
    }

    /// A new session note for a seeker: held today, 50 minutes, in person.
    pub fn new_session_form(&self, seeker_id: &str) -> Result<SessionForm, AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        Ok(SessionForm {
            seeker_id: seeker.id.to_string(),
            occurred_on: self.clock.today().to_string(),
            minutes: "50".into(),
            mode: crate::forms::enum_value(&ContactMode::InPerson),
            ..Default::default()
        })
    }

    /// Records a counseling session from the desk's form.
    pub fn add_session(&mut self, form: &SessionForm) -> Result<EventRow, AppError> {
        let seeker = self.seeker(parse_id(&form.seeker_id)?)?;
        let mut errors = Vec::new();
        let date = |field: &str, label: &str, v: &str, errors: &mut Vec<FieldError>| {
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
            if d.is_none() {
                errors.push(FieldError::new(
                    field,
                    label,
                    format!("날짜를 2026-11-27처럼 입력해 주세요: {v}"),
                ));
            }
            d
        };
        let occurred_on = date("occurred_on", "상담일", &form.occurred_on, &mut errors);
        if occurred_on.is_none() && form.occurred_on.trim().is_empty() {
            errors.push(FieldError::new("occurred_on", "상담일", "필수 항목입니다."));
        }
        let next_on = date("next_on", "다음 상담일", &form.next_on, &mut errors);
        let minutes = match form.minutes.trim() {
            "" => 50,
            m => m.parse::<u32>().unwrap_or_else(|_| {
                errors.push(FieldError::new(
                    "minutes",
                    "상담시간",
                    format!("분 단위 숫자로 입력해 주세요: {m}"),
                ));
                0
            }),
        };
        let mode: Option<ContactMode> =
            serde_json::from_value(serde_json::Value::String(form.mode.trim().to_owned())).ok();
        if mode.is_none() {
            errors.push(FieldError::new(
                "mode",
                "상담방법",
                "상담방법을 골라 주세요.",
            ));
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let (Some(occurred_on), Some(mode)) = (occurred_on, mode) else {
            return Err(AppError::Invalid(errors));
        };
        let supersedes = match form.corrects.trim() {
            "" => None,
            id => Some(self.correctable_session(id, seeker.id)?.id),
        };
        let event = self.event(
            seeker.id,
            occurred_on,
            supersedes,
            EventBody::CounselingSession {
                minutes,
                mode,
                content: form.content.trim().to_owned(),
                next_step: Some(form.next_step.trim().to_owned()).filter(|s| !s.is_empty()),
                next_on,
            },
        )?;
        let event = self.record_event(event)?;
        Ok(event_row(&event, false, &self.counselor_names()?))
    }
}
