//! 컨설팅 계획: a firm's consulting actions from the menu, each with its
//! owner, due date, status and follow-up visit; a change is a new version
//! that supersedes the old, so the plan keeps its history. The outcome the
//! plan is judged by: hires through the center (취업 recorded at this firm)
//! and how many of them stayed at the 3-month check.

use crate::forms::{Reader, choice, enum_value, parse_id};
use crate::{AppError, Choice, Desk};
use chrono::NaiveDate;
use doyak_domain::events::{ActionStatus, CaseEvent, CompanyActionKind, EventBody};
use doyak_domain::{Id, Vacancy};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// One action of the plan as the page shows it (its current version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanActionRow {
    pub id: String,
    pub kind: String,
    pub kind_label: String,
    pub description: String,
    pub owner: String,
    pub due_on: String,
    /// An `ActionStatus` value; "" for a one-off record (older desks).
    pub status: String,
    pub status_label: String,
    pub follow_up_on: String,
    pub vacancy_id: String,
    pub vacancy_title: String,
    pub subsidy: String,
    pub result: String,
    /// Open and past its due date.
    pub overdue: bool,
    /// The first version's day.
    pub planned_on: String,
    /// Earlier versions, oldest first ("2026-11-02 계획 · 기한 2026-11-30").
    pub history: Vec<String>,
    /// Another current version shares an earlier one: two desks changed
    /// the same action apart (each offline), and the plan shows both
    /// until the counselor keeps one and cancels the other.
    pub forked: bool,
}

/// What the plan brought: hires through the center at this firm since the
/// plan began and their 3-month retention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanOutcome {
    /// The first action's day: only hires from then on are the plan's.
    /// "" when the plan has no action yet (then every hire is counted).
    pub since: String,
    pub hires: u32,
    /// Hires placed at least 3 months ago…
    pub due_3m: u32,
    /// …checked at 3 months…
    pub checked_3m: u32,
    /// …and still employed then.
    pub retained_3m: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyPlanView {
    pub actions: Vec<PlanActionRow>,
    pub kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    /// The firm's vacancies an action may be for.
    pub vacancies: Vec<Choice>,
    pub outcome: PlanOutcome,
    pub today: String,
}

/// The action form: `id` empty for a new action, else the action's current
/// version to replace.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanActionForm {
    pub company_id: String,
    pub id: String,
    pub kind: String,
    pub description: String,
    pub owner: String,
    pub due_on: String,
    pub status: String,
    pub follow_up_on: String,
    pub vacancy_id: String,
    /// The program linked (for 지원사업 연계).
    pub subsidy: String,
    pub result: String,
}

fn date(r: &mut Reader, field: &str, label: &str, text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            r.errors.push(doyak_domain::FieldError::new(
                field,
                label,
                format!("날짜는 2026-12-31처럼 적어 주세요 ('{t}')."),
            ));
            None
        }
    }
}

fn version_line(e: &CaseEvent) -> String {
    match &e.body {
        EventBody::CompanyAction {
            status,
            due_on,
            owner,
            ..
        } => [
            Some(e.occurred_on.to_string()),
            status.map(|s| s.label_ko().to_owned()),
            due_on.map(|d| format!("기한 {d}")),
            owner.as_ref().map(|o| format!("담당 {o}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · "),
        _ => e.occurred_on.to_string(),
    }
}

/// The versions that more than one later version replaced: where two desks
/// changed the same action apart. Sync keeps both (nothing is overwritten);
/// this finds them so the page can say so.
fn forks(events: &[CaseEvent]) -> HashSet<Id> {
    let mut successors: HashMap<Id, u32> = HashMap::new();
    for id in events.iter().filter_map(|e| e.supersedes) {
        *successors.entry(id).or_default() += 1;
    }
    successors
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id)
        .collect()
}

impl Desk {
    fn company_actions(&self, company: Id) -> Result<Vec<CaseEvent>, AppError> {
        Ok(self
            .store
            .events_of(company)?
            .into_iter()
            .filter(|e| matches!(e.body, EventBody::CompanyAction { .. }))
            .collect())
    }

    /// The 컨설팅 계획 tab of a firm.
    pub fn company_plan(&self, company_id: &str) -> Result<CompanyPlanView, AppError> {
        let company = self.company_by_text(company_id)?;
        let today = self.clock.today();
        let events = self.company_actions(company.id)?;
        let by_id: HashMap<Id, &CaseEvent> = events.iter().map(|e| (e.id, e)).collect();
        let superseded: HashSet<Id> = events.iter().filter_map(|e| e.supersedes).collect();
        let split = forks(&events);
        let vacancies: Vec<Vacancy> = self.store.vacancies(&doyak_store::VacancyFilter {
            company_id: Some(company.id),
            ..Default::default()
        })?;
        let title: HashMap<Id, &str> = vacancies.iter().map(|v| (v.id, v.title.as_str())).collect();
        let mut actions = Vec::new();
        for e in events.iter().filter(|e| !superseded.contains(&e.id)) {
            let EventBody::CompanyAction {
                kind,
                subsidy,
                description,
                owner,
                due_on,
                status,
                follow_up_on,
                vacancy_id,
                result,
            } = &e.body
            else {
                continue;
            };
            // The versions it replaced, oldest first (as for IAP activities).
            let chain = crate::iap::earlier(e, &by_id);
            actions.push(PlanActionRow {
                id: e.id.to_string(),
                kind: enum_value(kind),
                kind_label: kind.label_ko().to_owned(),
                description: description.clone(),
                owner: owner.clone().unwrap_or_default(),
                due_on: due_on.map(|d| d.to_string()).unwrap_or_default(),
                status: status.map(|s| enum_value(&s)).unwrap_or_default(),
                status_label: status.map_or("기록", |s| s.label_ko()).to_owned(),
                follow_up_on: follow_up_on.map(|d| d.to_string()).unwrap_or_default(),
                vacancy_id: vacancy_id.map(|v| v.to_string()).unwrap_or_default(),
                vacancy_title: vacancy_id
                    .and_then(|v| title.get(&v).map(|t| (*t).to_owned()))
                    .unwrap_or_default(),
                subsidy: subsidy.clone().unwrap_or_default(),
                result: result.clone().unwrap_or_default(),
                overdue: status.is_some_and(ActionStatus::is_open)
                    && due_on.is_some_and(|d| d < today),
                planned_on: chain
                    .first()
                    .map_or(e.occurred_on, |f| f.occurred_on)
                    .to_string(),
                history: chain.iter().map(|p| version_line(p)).collect(),
                forked: chain.iter().any(|p| split.contains(&p.id)),
            });
        }
        // Open ones first by due date, then the rest newest first.
        actions.sort_by(|a, b| {
            let open = |r: &PlanActionRow| matches!(r.status.as_str(), "planned" | "in_progress");
            open(b)
                .cmp(&open(a))
                .then_with(|| {
                    if open(a) {
                        a.due_on.cmp(&b.due_on)
                    } else {
                        b.planned_on.cmp(&a.planned_on)
                    }
                })
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(CompanyPlanView {
            kinds: CompanyActionKind::ALL
                .into_iter()
                .map(|k| choice(k, k.label_ko()))
                .collect(),
            statuses: ActionStatus::ALL
                .into_iter()
                .map(|s| choice(s, s.label_ko()))
                .collect(),
            vacancies: vacancies
                .iter()
                .map(|v| Choice {
                    value: v.id.to_string(),
                    label: v.title.clone(),
                })
                .collect(),
            outcome: self.plan_outcome(
                company.id,
                actions
                    .iter()
                    .filter_map(|a| a.planned_on.parse().ok())
                    .min(),
                today,
            )?,
            actions,
            today: today.to_string(),
        })
    }

    fn plan_outcome(
        &self,
        company: Id,
        since: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<PlanOutcome, AppError> {
        let mut placements = self.store.placements_at_company(company)?;
        placements.retain(|(_, on)| since.is_none_or(|s| *on >= s));
        let mut outcome = PlanOutcome {
            since: since.map(|d| d.to_string()).unwrap_or_default(),
            hires: u32::try_from(placements.len()).unwrap_or(u32::MAX),
            due_3m: 0,
            checked_3m: 0,
            retained_3m: 0,
        };
        for (placement, placed_on) in placements {
            if placed_on
                .checked_add_months(chrono::Months::new(3))
                .is_none_or(|d| d > today)
            {
                continue;
            }
            outcome.due_3m += 1;
            // The latest 3-month check, a corrected one as corrected
            // (`checks_of`, which the placement page reads too).
            let events = self.store.events_of(placement)?;
            let check = crate::outcomes::checks_of(&events)
                .into_iter()
                .rev()
                .find(|(months, _, _)| *months == 3);
            if let Some((_, still, _)) = check {
                outcome.checked_3m += 1;
                outcome.retained_3m += u32::from(still);
            }
        }
        Ok(outcome)
    }

    /// Adds an action to a firm's plan, or replaces one with a new version
    /// (a change of status, owner, date or wording). Checked whole: every
    /// problem at once, keyed by field, nothing saved on any.
    pub fn save_plan_action(&mut self, form: &PlanActionForm) -> Result<String, AppError> {
        let company = self.company_by_text(&form.company_id)?;
        let previous = if form.id.trim().is_empty() {
            None
        } else {
            let id = parse_id(&form.id)?;
            let e = self
                .store
                .event(id)?
                .filter(|e: &CaseEvent| {
                    e.subject_id == company.id && matches!(e.body, EventBody::CompanyAction { .. })
                })
                .ok_or(AppError::NotFound {
                    what: "컨설팅 조치",
                })?;
            if self.store.is_superseded(&e)? {
                return Err(AppError::Invalid(vec![doyak_domain::FieldError::new(
                    "id",
                    "컨설팅 조치",
                    "이미 다른 기록으로 바뀐 조치입니다. 화면을 새로 불러와 주세요.",
                )]));
            }
            Some(e)
        };
        let mut r = Reader { errors: Vec::new() };
        let kind: Option<CompanyActionKind> = r.required_choice("kind", "조치", &form.kind);
        let status: Option<ActionStatus> = r.required_choice("status", "상태", &form.status);
        let due_on = date(&mut r, "due_on", "기한", &form.due_on);
        let follow_up_on = date(&mut r, "follow_up_on", "후속 방문일", &form.follow_up_on);
        let vacancy_id = if form.vacancy_id.trim().is_empty() {
            None
        } else {
            match form.vacancy_id.trim().parse::<Id>() {
                Ok(id) => match self.store.get::<Vacancy>(id)? {
                    Some(v) if v.company_id == company.id => Some(id),
                    _ => {
                        r.errors.push(doyak_domain::FieldError::new(
                            "vacancy_id",
                            "구인",
                            "이 기업의 구인이 아닙니다.",
                        ));
                        None
                    }
                },
                Err(_) => {
                    r.errors.push(doyak_domain::FieldError::new(
                        "vacancy_id",
                        "구인",
                        "구인 번호가 올바르지 않습니다.",
                    ));
                    None
                }
            }
        };
        // A follow-up visit is checked against today only when it is set or
        // moved now: an action whose visit has passed can still be closed.
        let follow_up_before = previous.as_ref().and_then(|p| match &p.body {
            EventBody::CompanyAction { follow_up_on, .. } => *follow_up_on,
            _ => None,
        });
        if let Some(f) = follow_up_on
            && follow_up_on != follow_up_before
            && f < self.clock.today()
        {
            r.errors.push(doyak_domain::FieldError::new(
                "follow_up_on",
                "후속 방문일",
                format!("지난 날짜({f})로 후속 방문을 잡을 수 없습니다."),
            ));
        }
        if !r.errors.is_empty() {
            return Err(AppError::Invalid(r.errors));
        }
        let (Some(kind), Some(status)) = (kind, status) else {
            return Err(AppError::Invalid(r.errors));
        };
        let body = EventBody::CompanyAction {
            kind,
            subsidy: Reader::text(&form.subsidy),
            description: form.description.trim().to_owned(),
            owner: Reader::text(&form.owner),
            due_on,
            status: Some(status),
            follow_up_on,
            vacancy_id,
            result: Reader::text(&form.result),
        };
        if previous.as_ref().is_some_and(|p| p.body == body) {
            return Err(AppError::Invalid(vec![doyak_domain::FieldError::new(
                "status",
                "컨설팅 조치",
                "바뀐 내용이 없습니다.",
            )]));
        }
        let event = self.event(
            company.id,
            self.clock.today(),
            previous.as_ref().map(|p| p.id),
            body,
        )?;
        Ok(self.record_event(event)?.id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(n: u64, supersedes: Option<Id>) -> CaseEvent {
        CaseEvent {
            id: Id::new_v7(1_700_000_000_000 + n, [0; 10]),
            center_id: Id::new_v7(1, [1; 10]),
            subject_id: Id::new_v7(2, [2; 10]),
            author_id: None,
            occurred_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            recorded_at: None,
            supersedes,
            body: EventBody::CompanyAction {
                kind: CompanyActionKind::PostingImprovement,
                subsidy: None,
                description: "공고 개선".into(),
                owner: None,
                due_on: None,
                status: Some(ActionStatus::Planned),
                follow_up_on: None,
                vacancy_id: None,
                result: None,
            },
        }
    }

    #[test]
    fn two_desks_changing_one_action_apart_are_found() {
        let first = version(0, None);
        // Desk A: planned → in progress → done, one after another: no fork.
        let a1 = version(1, Some(first.id));
        let a2 = version(2, Some(a1.id));
        assert!(forks(&[first.clone(), a1.clone(), a2.clone()]).is_empty());
        // Desk B changed the first version too, offline, before syncing.
        let b1 = version(3, Some(first.id));
        let split = forks(&[first.clone(), a1, a2, b1]);
        assert_eq!(split, HashSet::from([first.id]), "the shared version");
    }
}
