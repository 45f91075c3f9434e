//! The individual action plan (IAP, 개인별 취업활동계획) on the seeker's
//! page: the goal occupation, activities by the month they are due, each
//! month's 이행 점검 (이행 / 일부 이행 / 미이행 with its reason), and the
//! 초안 drafted from the diagnosis that the counselor edits before saving.
//!
//! Nothing is edited in place: a change of plan, a 이행 점검 or a new goal
//! is a new event that supersedes the old, so the plan's amendments stay in
//! the case file and every row can show its history.

use crate::codes::keco_name;
use crate::forms::{Reader, enum_value, parse_id};
use crate::{AppError, Desk};
use chrono::{Datelike, NaiveDate};
use doyak_diagnosis::{PlanKind, draft_plan};
use doyak_domain::events::{CaseEvent, EventBody, IapActivityKind, IapCompliance};
use doyak_domain::{EventRecord, FieldError, Id, KecoCode};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// An IAP activity as it stands (its current version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IapRow {
    pub id: String,
    /// The month it is due (YYYY-MM).
    pub month: String,
    /// An `IapActivityKind` value (the edit form starts from it).
    pub kind: String,
    pub kind_label: String,
    pub description: String,
    pub done: bool,
    /// An `IapCompliance` value; "" = not checked yet.
    pub compliance: String,
    /// 이행, 일부 이행, 미이행, or "미점검".
    pub compliance_label: String,
    pub compliance_note: String,
    /// Its month is over and no 이행 점검 is recorded.
    pub overdue: bool,
    /// Earlier versions, oldest first ("2026-11-03 계획: …").
    pub history: Vec<String>,
}

/// The plan's goal occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IapGoalRow {
    pub id: String,
    pub occupation: String,
    pub occupation_name: String,
    pub reason: String,
    pub set_on: String,
    /// Earlier goals, oldest first.
    pub history: Vec<String>,
}

/// One month of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IapMonth {
    pub month: String,
    pub rows: Vec<IapRow>,
    /// "이행 2 · 일부 이행 1 · 미점검 1".
    pub summary: String,
}

/// The IAP tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IapView {
    pub goal: Option<IapGoalRow>,
    pub months: Vec<IapMonth>,
    /// Activities whose month is over with no 이행 점검.
    pub overdue: u32,
}

/// A new IAP activity, or an activity's new month, kind and description.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IapForm {
    pub seeker_id: String,
    /// YYYY-MM.
    pub month: String,
    /// An `IapActivityKind` value.
    pub kind: String,
    pub description: String,
}

/// A 이행 점검 of one activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IapCheckForm {
    pub id: String,
    /// An `IapCompliance` value.
    pub compliance: String,
    /// Required for 일부 이행 and 미이행.
    pub note: String,
}

/// The plan's goal as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IapGoalForm {
    pub seeker_id: String,
    /// A KECO code.
    pub occupation: String,
    pub reason: String,
    /// The diagnosis event the plan was drafted from; "" when none.
    #[serde(default)]
    pub diagnosis_id: String,
}

/// An activity of a draft, with why the draft put it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IapDraftRow {
    pub month: String,
    pub kind: String,
    pub description: String,
    pub why: String,
}

/// The IAP 초안: nothing is saved until the counselor saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IapDraft {
    pub goal: IapGoalForm,
    pub occupation_name: String,
    pub rows: Vec<IapDraftRow>,
    /// What the draft was made from ("잡케어형 진단 2026-12-03, 문진 …").
    pub basis: String,
    /// What the draft left out and why.
    pub notes: Vec<String>,
    /// Activities of the plan in force not yet done or checked: saving the
    /// draft marks them 취소(계획 변경), so two plans never run side by side.
    pub replaces: u32,
}

/// A plan to save at once: the goal and its activities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IapPlanForm {
    pub goal: IapGoalForm,
    pub activities: Vec<IapForm>,
}

/// A draft made up to this day of the month starts in that month.
pub const PLAN_STARTS_THIS_MONTH_UNTIL: u32 = 15;

fn invalid(field: &str, label: &str, message: impl Into<String>) -> AppError {
    AppError::Invalid(vec![FieldError::new(field, label, message)])
}

/// Whole months from `month` (YYYY-MM) to the month of `today`; `None`
/// when the text is no month.
pub(crate) fn months_between(month: &str, today: NaiveDate) -> Option<u32> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    let n = (today.year() - y) * 12 + today.month() as i32 - m as i32;
    u32::try_from(n).ok()
}

/// An occupation's name: the diagnosis profiles' 세분류 name, else the
/// reference data's.
fn occupation_name(code: &str) -> String {
    doyak_diagnosis::profiles()
        .occupation(code)
        .map_or_else(|| keco_name(code), |o| o.name_ko.clone())
}

fn year_month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// One version of an activity, as its history line says it.
fn version_line(e: &CaseEvent) -> String {
    let EventBody::IapActivity {
        month,
        kind,
        description,
        compliance,
        compliance_note,
        done,
    } = &e.body
    else {
        return String::new();
    };
    let check = match (compliance, done) {
        (Some(c), _) => format!(
            " · 점검 {}{}",
            c.label_ko(),
            compliance_note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        ),
        (None, true) => " · 이행".to_owned(),
        (None, false) => String::new(),
    };
    format!(
        "{} {month} {} '{description}'{check}",
        e.occurred_on,
        kind.label_ko()
    )
}

/// The versions an event replaced, oldest first.
pub(crate) fn earlier<'a>(e: &CaseEvent, by_id: &HashMap<Id, &'a CaseEvent>) -> Vec<&'a CaseEvent> {
    let mut chain = Vec::new();
    let mut at = e.supersedes;
    while let Some(id) = at {
        let Some(prev) = by_id.get(&id) else { break };
        if chain.len() > 1_000 {
            break; // a cycle could only come from a corrupt file
        }
        chain.push(*prev);
        at = prev.supersedes;
    }
    chain.reverse();
    chain
}

/// The IAP as the seeker's events make it on `today`.
pub(crate) fn iap_view(events: &[CaseEvent], today: NaiveDate) -> IapView {
    let superseded: std::collections::HashSet<Id> =
        events.iter().filter_map(|e| e.supersedes).collect();
    let by_id: HashMap<Id, &CaseEvent> = events.iter().map(|e| (e.id, e)).collect();
    let this_month = year_month(today);
    let mut rows: Vec<(String, Id, IapRow)> = Vec::new();
    let mut goal = None;
    for e in events.iter().filter(|e| !superseded.contains(&e.id)) {
        match &e.body {
            EventBody::IapActivity {
                month,
                kind,
                description,
                done,
                compliance,
                compliance_note,
            } => {
                let checked = compliance.is_some() || *done;
                rows.push((
                    month.clone(),
                    e.id,
                    IapRow {
                        id: e.id.to_string(),
                        month: month.clone(),
                        kind: enum_value(kind),
                        kind_label: kind.label_ko().to_owned(),
                        description: description.clone(),
                        done: *done,
                        compliance: compliance.map(|c| enum_value(&c)).unwrap_or_default(),
                        compliance_label: match (compliance, done) {
                            (Some(c), _) => c.label_ko(),
                            (None, true) => IapCompliance::Done.label_ko(),
                            (None, false) => "미점검",
                        }
                        .to_owned(),
                        compliance_note: compliance_note.clone().unwrap_or_default(),
                        overdue: !checked && *month < this_month,
                        history: earlier(e, &by_id).into_iter().map(version_line).collect(),
                    },
                ));
            }
            EventBody::IapGoal {
                occupation, reason, ..
            } => {
                // The latest goal stands (two desks may each have set one).
                let newer =
                    goal.as_ref()
                        .is_none_or(|(on, id, _): &(NaiveDate, Id, IapGoalRow)| {
                            (e.occurred_on, e.id) > (*on, *id)
                        });
                if newer {
                    let history = earlier(e, &by_id)
                        .into_iter()
                        .filter_map(|g| match &g.body {
                            EventBody::IapGoal { occupation, .. } => Some(format!(
                                "{} {}",
                                g.occurred_on,
                                occupation_name(occupation.as_str())
                            )),
                            _ => None,
                        })
                        .collect();
                    goal = Some((
                        e.occurred_on,
                        e.id,
                        IapGoalRow {
                            id: e.id.to_string(),
                            occupation: occupation.to_string(),
                            occupation_name: occupation_name(occupation.as_str()),
                            reason: reason.clone().unwrap_or_default(),
                            set_on: e.occurred_on.to_string(),
                            history,
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let overdue = rows.iter().filter(|(_, _, r)| r.overdue).count() as u32;
    let mut months: Vec<IapMonth> = Vec::new();
    for (month, _, row) in rows {
        match months.last_mut() {
            Some(m) if m.month == month => m.rows.push(row),
            _ => months.push(IapMonth {
                month,
                rows: vec![row],
                summary: String::new(),
            }),
        }
    }
    for m in &mut months {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for r in &m.rows {
            match counts.iter_mut().find(|(l, _)| *l == r.compliance_label) {
                Some((_, n)) => *n += 1,
                None => counts.push((r.compliance_label.clone(), 1)),
            }
        }
        m.summary = counts
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect::<Vec<_>>()
            .join(" · ");
    }
    IapView {
        goal: goal.map(|(_, _, g)| g),
        months,
        overdue,
    }
}

impl IapView {
    /// Every activity, by month.
    pub fn activities(&self) -> Vec<&IapRow> {
        self.months.iter().flat_map(|m| &m.rows).collect()
    }
}

/// A newly planned activity: not done, not checked.
fn planned(month: String, kind: IapActivityKind, description: String) -> EventBody {
    EventBody::IapActivity {
        month,
        kind,
        description,
        done: false,
        compliance: None,
        compliance_note: None,
    }
}

fn plan_kind(kind: PlanKind) -> IapActivityKind {
    match kind {
        PlanKind::JobSearch => IapActivityKind::JobSearch,
        PlanKind::Training => IapActivityKind::Training,
        PlanKind::Certificate => IapActivityKind::Certificate,
        PlanKind::Counseling => IapActivityKind::Counseling,
        PlanKind::Referral => IapActivityKind::Referral,
    }
}

impl Desk {
    /// The seeker's IAP tab.
    pub fn iap(&self, seeker_id: &str) -> Result<IapView, AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        Ok(iap_view(
            &self.store.events_of(seeker.id)?,
            self.clock.today(),
        ))
    }

    /// Reads an activity form into its parts, every field checked.
    fn read_iap(&self, form: &IapForm) -> Result<(IapActivityKind, String, String), AppError> {
        let mut r = Reader { errors: Vec::new() };
        let kind: Option<IapActivityKind> = r.required_choice("kind", "활동 구분", &form.kind);
        let Some(kind) = kind.filter(|_| r.errors.is_empty()) else {
            return Err(AppError::Invalid(r.errors));
        };
        Ok((
            kind,
            form.month.trim().to_owned(),
            form.description.trim().to_owned(),
        ))
    }

    /// Plans an IAP activity for a month. Returns its id.
    pub fn add_iap_activity(&mut self, form: &IapForm) -> Result<String, AppError> {
        let seeker = self.seeker(parse_id(&form.seeker_id)?)?;
        let (kind, month, description) = self.read_iap(form)?;
        let event = self.event(
            seeker.id,
            self.clock.today(),
            None,
            planned(month, kind, description),
        )?;
        Ok(self.record_event(event)?.id.to_string())
    }

    /// The current version of IAP activity `id` (no later event replaces it).
    fn current_iap(&self, id: &str) -> Result<CaseEvent, AppError> {
        let plan = self
            .store
            .event(parse_id(id)?)?
            .filter(|e: &CaseEvent| matches!(e.body, EventBody::IapActivity { .. }))
            .ok_or(AppError::NotFound { what: "IAP 활동" })?;
        if self.store.is_superseded(&plan)? {
            return Err(invalid(
                "id",
                "IAP 활동",
                "이미 다른 기록으로 바뀐 활동입니다. 화면을 새로 불러와 주세요.",
            ));
        }
        Ok(plan)
    }

    /// Writes a new version of an IAP activity that supersedes `plan`.
    fn supersede_iap(&mut self, plan: &CaseEvent, body: EventBody) -> Result<(), AppError> {
        let event = self.event(plan.subject_id, self.clock.today(), Some(plan.id), body)?;
        self.record_event(event)?;
        Ok(())
    }

    /// Marks a planned IAP activity 이행 (a 이행 점검 with nothing to add).
    pub fn complete_iap_activity(&mut self, id: &str) -> Result<(), AppError> {
        self.check_iap_activity(&IapCheckForm {
            id: id.to_owned(),
            compliance: enum_value(&IapCompliance::Done),
            note: String::new(),
        })
    }

    /// Records an activity's 이행 점검: 이행, 일부 이행 or 미이행 (the last
    /// two with their reason). A new version of the activity, the plan kept;
    /// a check may be corrected the same way.
    pub fn check_iap_activity(&mut self, form: &IapCheckForm) -> Result<(), AppError> {
        let plan = self.current_iap(&form.id)?;
        let mut r = Reader { errors: Vec::new() };
        let compliance: Option<IapCompliance> =
            r.required_choice("compliance", "이행 점검", &form.compliance);
        let Some(compliance) = compliance.filter(|_| r.errors.is_empty()) else {
            return Err(AppError::Invalid(r.errors));
        };
        let EventBody::IapActivity {
            month,
            kind,
            description,
            compliance: before,
            compliance_note: note_before,
            ..
        } = plan.body.clone()
        else {
            return Err(AppError::NotFound { what: "IAP 활동" });
        };
        let note = Reader::text(&form.note);
        if before == Some(compliance) && note_before == note {
            return Err(invalid(
                "compliance",
                "이행 점검",
                format!("이미 '{}'(으)로 점검된 활동입니다.", compliance.label_ko()),
            ));
        }
        let body = EventBody::IapActivity {
            month,
            kind,
            description,
            done: compliance == IapCompliance::Done,
            compliance: Some(compliance),
            compliance_note: note,
        };
        self.supersede_iap(&plan, body)
    }

    /// Edits an IAP activity's month, kind or description: a new version
    /// that supersedes it (its 이행 점검 is kept), so the plan's history
    /// stays in the case file.
    pub fn edit_iap_activity(&mut self, id: &str, form: &IapForm) -> Result<(), AppError> {
        let plan = self.current_iap(id)?;
        let EventBody::IapActivity {
            done,
            compliance,
            compliance_note,
            ..
        } = plan.body.clone()
        else {
            return Err(AppError::NotFound { what: "IAP 활동" });
        };
        if plan.subject_id.to_string() != form.seeker_id.trim() {
            return Err(invalid(
                "id",
                "IAP 활동",
                "이 구직자의 IAP 활동이 아닙니다.",
            ));
        }
        let (kind, month, description) = self.read_iap(form)?;
        let body = EventBody::IapActivity {
            month,
            kind,
            description,
            done,
            compliance,
            compliance_note,
        };
        self.supersede_iap(&plan, body)
    }

    /// The goal event a form sets, checked; supersedes the current goal.
    fn goal_event(&self, form: &IapGoalForm, current: Option<Id>) -> Result<CaseEvent, AppError> {
        let seeker = self.seeker(parse_id(&form.seeker_id)?)?;
        let occupation = form.occupation.trim();
        if occupation.is_empty() {
            return Err(invalid(
                "occupation",
                "목표 직종",
                "목표 직종을 골라 주세요.",
            ));
        }
        let diagnosis_id = match form.diagnosis_id.trim() {
            "" => None,
            id => Some(parse_id(id)?),
        };
        self.event(
            seeker.id,
            self.clock.today(),
            current,
            EventBody::IapGoal {
                occupation: KecoCode(occupation.to_owned()),
                reason: Reader::text(&form.reason),
                diagnosis_id,
            },
        )
    }

    /// The seeker's current goal event, if any.
    fn current_goal(&self, seeker: Id) -> Result<Option<Id>, AppError> {
        let view = iap_view(&self.store.events_of(seeker)?, self.clock.today());
        Ok(view.goal.and_then(|g| g.id.parse().ok()))
    }

    /// Sets (or changes) the plan's goal occupation; an earlier goal stays
    /// as its history.
    pub fn set_iap_goal(&mut self, form: &IapGoalForm) -> Result<(), AppError> {
        let seeker = parse_id(&form.seeker_id)?;
        let current = self.current_goal(seeker)?;
        let event = self.goal_event(form, current)?;
        self.record_event(event)?;
        Ok(())
    }

    /// The IAP 초안 toward `occupation` (one of the 진단 tab's occupations;
    /// "" = the best), from the diagnosis and the latest questionnaire.
    /// Months start at this month up to its 15th, else at the next. Nothing
    /// is saved.
    pub fn draft_iap(&self, seeker_id: &str, occupation: &str) -> Result<IapDraft, AppError> {
        let d = self.diagnose_seeker(seeker_id, crate::diagnosis::DESK_TOP)?;
        let goal = match occupation.trim() {
            "" => d
                .occupations
                .first()
                .map(|o| o.code.clone())
                .ok_or_else(|| {
                    invalid(
                        "occupation",
                        "목표 직종",
                        "진단된 직종이 없어 초안을 만들 수 없습니다.",
                    )
                })?,
            code => code.to_owned(),
        };
        let readiness = self.latest_readiness(parse_id(seeker_id)?)?;
        let plan = draft_plan(&d, &goal, readiness.as_ref().map(|(_, r)| r))
            .map_err(|e| invalid("occupation", "목표 직종", e.to_string()))?;
        // Month 1 is this month up to the 15th, else the next: a plan
        // drafted on the 28th does not make its first activities due in
        // three days.
        let today = self.clock.today();
        let this = today.with_day(1).unwrap_or(today);
        let first = if today.day() <= PLAN_STARTS_THIS_MONTH_UNTIL {
            this
        } else {
            this.checked_add_months(chrono::Months::new(1))
                .unwrap_or(this)
        };
        let rows = plan
            .activities
            .iter()
            .map(|a| IapDraftRow {
                month: first
                    .checked_add_months(chrono::Months::new(a.month - 1))
                    .map_or_else(|| year_month(first), year_month),
                kind: enum_value(&plan_kind(a.kind)),
                description: a.description_ko.clone(),
                why: a.why_ko.clone(),
            })
            .collect();
        let basis = match &readiness {
            Some((on, _)) => format!("오늘({today})의 진단과 {on} 문진 결과"),
            None => format!("오늘({today})의 진단 (문진 결과 없음: 장애요인 연계는 빠져 있습니다)"),
        };
        Ok(IapDraft {
            goal: IapGoalForm {
                seeker_id: seeker_id.to_owned(),
                occupation: plan.goal.clone(),
                reason: plan.goal_reason_ko.clone(),
                diagnosis_id: String::new(),
            },
            occupation_name: plan.goal_name_ko,
            rows,
            basis,
            notes: plan.notes_ko,
            replaces: self.open_activities(parse_id(seeker_id)?)?.len() as u32,
        })
    }

    /// Saves a plan as edited from its 초안: the goal and every activity in
    /// one write, or nothing (a bad row names its number). The plan in
    /// force gives way: its activities not yet done or checked become
    /// 취소(계획 변경) in the same write.
    pub fn save_iap_plan(&mut self, form: &IapPlanForm) -> Result<(), AppError> {
        let seeker = parse_id(&form.goal.seeker_id)?;
        if form.activities.is_empty() {
            return Err(invalid(
                "activities",
                "활동",
                "활동이 하나도 없습니다. 한 줄 이상 남겨 주세요.",
            ));
        }
        let current = self.current_goal(seeker)?;
        let mut events = vec![self.goal_event(&form.goal, current)?];
        let ctx = self.check_ctx();
        for (n, a) in form.activities.iter().enumerate() {
            let numbered = |errors: Vec<FieldError>| {
                AppError::Invalid(
                    errors
                        .into_iter()
                        .map(|e| {
                            FieldError::new(
                                &format!("activities.{n}.{}", e.field),
                                &format!("{}번째 활동 {}", n + 1, e.label),
                                e.message,
                            )
                        })
                        .collect(),
                )
            };
            if a.seeker_id.trim() != form.goal.seeker_id.trim() {
                return Err(invalid(
                    "activities",
                    "활동",
                    format!("{}번째 활동이 다른 구직자의 것입니다.", n + 1),
                ));
            }
            let (kind, month, description) = self.read_iap(a).map_err(|e| match e {
                AppError::Invalid(errors) => numbered(errors),
                other => other,
            })?;
            let event = self.event(
                seeker,
                self.clock.today(),
                None,
                planned(month, kind, description),
            )?;
            let errors = event.check(&ctx);
            if !errors.is_empty() {
                return Err(numbered(errors));
            }
            events.push(event);
        }
        // The plan in force gives way: what is neither done nor checked is
        // cancelled with the reason, its earlier versions kept.
        let today = self.clock.today();
        for open in self.open_activities(seeker)? {
            let EventBody::IapActivity {
                month,
                kind,
                description,
                ..
            } = open.body.clone()
            else {
                continue;
            };
            events.push(self.event(
                seeker,
                today,
                Some(open.id),
                EventBody::IapActivity {
                    month,
                    kind,
                    description,
                    done: false,
                    compliance: Some(IapCompliance::Cancelled),
                    compliance_note: Some(format!("{today} IAP 재작성으로 대체")),
                },
            )?);
        }
        self.record_events(events)?;
        Ok(())
    }

    /// The seeker's current activities not yet done or checked.
    fn open_activities(&self, seeker: Id) -> Result<Vec<CaseEvent>, AppError> {
        let events = self.store.events_of(seeker)?;
        let superseded: std::collections::HashSet<Id> =
            events.iter().filter_map(|e| e.supersedes).collect();
        Ok(events
            .into_iter()
            .filter(|e| !superseded.contains(&e.id))
            .filter(|e| e.iap_pending().is_some_and(|p| p.is_some()))
            .collect())
    }
}
