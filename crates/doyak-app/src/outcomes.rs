//! The package's outcomes as a counselor records them: 취업 등록 (from the
//! seeker page, from an 알선 at 합격, from 오늘 할 일) and 고용유지 확인 on
//! each 3/6/12-month check. A seeker's 진행상태 follows an outcome when the
//! counselor confirms it (the form's check box, shown with the status it
//! changes), written in the same transaction as the outcome.

use crate::codes::{keco_name, monthly_wage};
use crate::forms::{Reader, choice, enum_value, manwon_text, parse_id};
use crate::today::RETENTION_AHEAD_DAYS;
use crate::{AppError, Choice, Desk};
use chrono::{Months, NaiveDate};
use doyak_domain::events::{
    Application, ApplicationStatus, CaseEvent, ContactMode, EmploymentType, EventBody, LeftReason,
};
use doyak_domain::{
    Company, EventRecord, Id, JobSeeker, KecoCode, SeekerStatus, SharedRecord, Vacancy,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The lists the outcome forms pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OutcomeChoices {
    pub employment_types: Vec<Choice>,
    pub contact_modes: Vec<Choice>,
    pub left_reasons: Vec<Choice>,
}

/// 취업 등록 as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlacementForm {
    pub seeker_id: String,
    /// The 알선 at 합격 it records, or "".
    pub application_id: String,
    /// The employer picked from the caseload, or "" when typed.
    pub company_id: String,
    pub vacancy_id: String,
    pub employer: String,
    /// A KECO code, or "".
    pub occupation: String,
    pub started_on: String,
    /// 월 임금 in 만원 ("280").
    pub wage_manwon: String,
    /// An `EmploymentType` value.
    pub employment: String,
    pub weekly_hours: String,
    /// Set the seeker's 진행상태 to 취업 with it.
    pub mark_employed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlacementDraft {
    pub form: PlacementForm,
    pub seeker_name: String,
    /// The seeker's 진행상태 now, for the confirmation.
    pub status_label: String,
    /// Already 취업: there is no status to change.
    pub employed: bool,
    /// The prefilled occupation's name.
    pub occupation_label: String,
}

/// 고용유지 확인 as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionForm {
    pub placement_id: String,
    /// 3, 6 or 12.
    pub months: u8,
    pub checked_on: String,
    /// A `ContactMode` value.
    pub method: String,
    pub still_employed: bool,
    pub left_on: String,
    /// A `LeftReason` value, or "" while still employed.
    pub left_reason: String,
    pub note: String,
    /// After a 퇴사: set the seeker's 진행상태 back to 취업지원.
    pub mark_job_search: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RetentionDraft {
    pub form: RetentionForm,
    pub seeker_id: String,
    pub seeker_name: String,
    pub employer: String,
    pub placed_on: String,
    pub due_on: String,
}

/// One 3/6/12-month check of a placement, on the seeker's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckRow {
    pub months: u8,
    pub due_on: String,
    /// What was recorded ("재직 중 · 전화"), when it was.
    pub done: Option<String>,
    /// Open for recording: not done, within two weeks of falling due or
    /// later, and the seeker had not left at an earlier check.
    pub can_record: bool,
    /// An earlier check found the seeker had left: nothing more to check.
    pub ended: bool,
}

/// A placement with its checks, for the 취업·사후관리 tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlacementRow {
    pub id: String,
    pub started_on: String,
    pub employer: String,
    /// "정규직 · 월 280만원 · 주 40시간 · 용접원".
    pub summary: String,
    /// 최저임금 against the start year: 충족, 미달 (a record made before the
    /// check), or 확인 필요 when the year's rate is not in the reference data.
    pub minimum_wage: String,
    /// 미달 or 확인 필요: the page shows it as a warning.
    pub minimum_wage_attention: bool,
    pub checks: Vec<CheckRow>,
}

fn invalid(field: &str, label: &str, message: impl Into<String>) -> AppError {
    AppError::Invalid(vec![doyak_domain::FieldError::new(field, label, message)])
}

/// A placement's recorded checks, in the order they happened, a corrected
/// one only as corrected: (months, still employed, summary).
pub(crate) fn checks_of(events: &[CaseEvent]) -> Vec<(u8, bool, String)> {
    let superseded: Vec<Id> = events.iter().filter_map(|e| e.supersedes).collect();
    events
        .iter()
        .filter(|e| !superseded.contains(&e.id))
        .filter_map(|e| match &e.body {
            EventBody::RetentionCheck {
                months,
                still_employed,
                method,
                left_reason,
                ..
            } => {
                let mut text = vec![
                    e.occurred_on.to_string(),
                    if *still_employed {
                        "재직 중"
                    } else {
                        "퇴사"
                    }
                    .to_owned(),
                ];
                text.extend(method.map(|m| m.label_ko().to_owned()));
                text.extend(left_reason.map(|r| r.label_ko().to_owned()));
                Some((*months, *still_employed, text.join(" · ")))
            }
            _ => None,
        })
        .collect()
}

impl Desk {
    pub fn outcome_choices(&self) -> OutcomeChoices {
        OutcomeChoices {
            employment_types: EmploymentType::ALL
                .iter()
                .map(|t| choice(t, t.label_ko()))
                .collect(),
            contact_modes: self.contact_modes(),
            left_reasons: LeftReason::ALL
                .iter()
                .map(|r| choice(r, r.label_ko()))
                .collect(),
        }
    }

    /// A new 취업 등록 for a seeker: started today, 정규직, the 진행상태 to
    /// become 취업. From an 알선 at 합격 (`application_id`), the employer,
    /// occupation, wage and hours come from its vacancy.
    pub fn new_placement_form(
        &self,
        seeker_id: &str,
        application_id: &str,
    ) -> Result<PlacementDraft, AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        let mut form = PlacementForm {
            seeker_id: seeker.id.to_string(),
            started_on: self.clock.today().to_string(),
            employment: enum_value(&EmploymentType::Permanent),
            mark_employed: true,
            ..Default::default()
        };
        let mut occupation_label = String::new();
        if !application_id.trim().is_empty() {
            let application = self.hired_application(&seeker, application_id)?;
            form.application_id = application.id.to_string();
            if let Some(v) = self.store.get::<Vacancy>(application.vacancy_id)? {
                form.vacancy_id = v.id.to_string();
                form.company_id = v.company_id.to_string();
                form.employer = self
                    .store
                    .get::<Company>(v.company_id)?
                    .map(|c| c.name)
                    .unwrap_or_default();
                form.occupation = v.occupation.as_str().to_owned();
                occupation_label = keco_name(v.occupation.as_str());
                form.wage_manwon = v.wage_monthly.map(manwon_text).unwrap_or_default();
                form.weekly_hours = v.weekly_hours.map(|h| h.to_string()).unwrap_or_default();
            }
        }
        Ok(PlacementDraft {
            form,
            seeker_name: seeker.name.clone(),
            status_label: seeker.status.label_ko().to_owned(),
            employed: seeker.status == SeekerStatus::Employed,
            occupation_label,
        })
    }

    /// The seeker's 알선 at 합격 named by `id`, with no 취업 recorded from it.
    fn hired_application(&self, seeker: &JobSeeker, id: &str) -> Result<Application, AppError> {
        let application: Application = self
            .store
            .get(parse_id(id)?)?
            .filter(|a: &Application| a.seeker_id == seeker.id)
            .ok_or(AppError::NotFound { what: "알선" })?;
        if application.status != ApplicationStatus::Hired {
            return Err(invalid(
                "application_id",
                "알선",
                format!(
                    "'{}' 단계의 알선입니다. 합격한 알선만 취업으로 등록합니다.",
                    application.status.label_ko()
                ),
            ));
        }
        if self
            .placed_from(&self.events_of(seeker.id)?, &application)?
            .is_some()
        {
            return Err(invalid(
                "application_id",
                "알선",
                "이 알선의 취업은 이미 등록되어 있습니다.",
            ));
        }
        Ok(application)
    }

    /// Records a 취업 and, when the counselor confirmed it, sets the
    /// seeker's 진행상태 to 취업 in the same transaction. Returns the
    /// placement's id.
    pub fn add_placement(&mut self, form: &PlacementForm) -> Result<String, AppError> {
        let mut seeker = self.seeker(parse_id(&form.seeker_id)?)?;
        let mut r = Reader { errors: Vec::new() };
        let started_on = r.date("started_on", "취업일", &form.started_on);
        if form.started_on.trim().is_empty() {
            r.fail("started_on", "취업일", "필수 항목입니다.");
        }
        let wage = r.manwon("wage_manwon", "월 임금", &form.wage_manwon);
        let employment: Option<EmploymentType> =
            r.required_choice("employment", "고용형태", &form.employment);
        let weekly_hours: Option<u32> = r.number("weekly_hours", "주 근로시간", &form.weekly_hours);
        let occupation = Reader::text(&form.occupation).map(KecoCode);
        let lookup = |field: &str, label: &str, text: &str, r: &mut Reader| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let id = text.parse::<Id>().ok();
            if id.is_none() {
                r.fail(field, label, "목록에서 다시 골라 주세요.");
            }
            id
        };
        let company_id = lookup("company_id", "취업처", &form.company_id, &mut r);
        let vacancy_id = lookup("vacancy_id", "구인", &form.vacancy_id, &mut r);
        if !r.errors.is_empty() {
            return Err(AppError::Invalid(r.errors));
        }
        let (Some(started_on), Some(employment)) = (started_on, employment) else {
            return Err(AppError::Invalid(r.errors));
        };
        if let Some(c) = company_id
            && self.store.get::<Company>(c)?.is_none()
        {
            return Err(AppError::NotFound {
                what: "취업처 기업",
            });
        }
        let application_id = match form.application_id.trim() {
            "" => None,
            id => Some(self.hired_application(&seeker, id)?.id),
        };
        let employer = form.employer.trim().to_owned();
        let twice = self.events_of(seeker.id)?.into_iter().any(|e| {
            e.occurred_on == started_on
                && matches!(&e.body, EventBody::Placement { employer: x, .. } if *x == employer)
        });
        if twice {
            return Err(invalid(
                "employer",
                "취업처",
                format!("{started_on}에 {employer} 취업이 이미 등록되어 있습니다."),
            ));
        }
        let event = self.event(
            seeker.id,
            started_on,
            None,
            EventBody::Placement {
                employer,
                company_id,
                vacancy_id,
                occupation,
                wage_monthly: wage,
                employment,
                weekly_hours,
                application_id,
            },
        )?;
        let ctx = self.check_ctx();
        let errors = event.check(&ctx);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let status_changes = form.mark_employed && seeker.status != SeekerStatus::Employed;
        if status_changes {
            seeker.status = SeekerStatus::Employed;
            let errors = seeker.check(&ctx);
            if !errors.is_empty() {
                return Err(AppError::Invalid(errors));
            }
        }
        self.append_outcome(&event, status_changes.then_some(&seeker))?;
        Ok(event.id.to_string())
    }

    /// Appends an outcome and, when its 진행상태 changes with it, the
    /// seeker, in one transaction.
    fn append_outcome(
        &mut self,
        event: &CaseEvent,
        seeker: Option<&JobSeeker>,
    ) -> Result<(), AppError> {
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.append(event)?;
            if let Some(s) = seeker {
                w.update(s)?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// The placement event named by `id`, with its checks.
    fn placement(&self, id: &str) -> Result<(CaseEvent, Vec<CaseEvent>), AppError> {
        let id = parse_id(id)?;
        let placement = self
            .store
            .event(id)?
            .filter(|e: &CaseEvent| matches!(e.body, EventBody::Placement { .. }))
            .ok_or(AppError::NotFound {
                what: "취업 기록"
            })?;
        let checks = self.events_of(placement.id)?;
        Ok((placement, checks))
    }

    /// A 고용유지 확인 for a placement's 3-, 6- or 12-month check: checked
    /// today by phone, still employed.
    pub fn new_retention_form(
        &self,
        placement_id: &str,
        months: u8,
    ) -> Result<RetentionDraft, AppError> {
        let (placement, _) = self.placement(placement_id)?;
        let seeker = self.seeker(placement.subject_id)?;
        let due = due_on(placement.occurred_on, months)?;
        Ok(RetentionDraft {
            form: RetentionForm {
                placement_id: placement.id.to_string(),
                months,
                checked_on: self.clock.today().to_string(),
                method: enum_value(&ContactMode::Phone),
                still_employed: true,
                ..Default::default()
            },
            seeker_id: seeker.id.to_string(),
            seeker_name: seeker.name,
            employer: placement
                .placement_employer()
                .unwrap_or_default()
                .to_owned(),
            placed_on: placement.occurred_on.to_string(),
            due_on: due.to_string(),
        })
    }

    /// Records a 고용유지 확인; after a 퇴사, and when the counselor
    /// confirmed it, the seeker goes back to 취업지원 in the same
    /// transaction.
    pub fn add_retention(&mut self, form: &RetentionForm) -> Result<(), AppError> {
        let (placement, existing) = self.placement(&form.placement_id)?;
        let mut seeker = self.seeker(placement.subject_id)?;
        due_on(placement.occurred_on, form.months)?;
        let recorded = checks_of(&existing);
        if let Some((m, _, _)) = recorded.iter().find(|(m, _, _)| *m == form.months) {
            return Err(invalid(
                "months",
                "확인 시점",
                format!("이 취업의 {m}개월 확인은 이미 기록되어 있습니다."),
            ));
        }
        if let Some((m, _, _)) = recorded
            .iter()
            .find(|(m, employed, _)| !employed && *m < form.months)
        {
            return Err(invalid(
                "months",
                "확인 시점",
                format!("{m}개월 확인에서 퇴사로 기록되어 이후 확인은 필요 없습니다."),
            ));
        }
        let mut r = Reader { errors: Vec::new() };
        let checked_on = r.date("checked_on", "확인일", &form.checked_on);
        if form.checked_on.trim().is_empty() {
            r.fail("checked_on", "확인일", "필수 항목입니다.");
        }
        let method: Option<ContactMode> = r.required_choice("method", "확인 방법", &form.method);
        let left_on = r.date("left_on", "퇴사일", &form.left_on);
        let left_reason: Option<LeftReason> = if form.still_employed {
            None
        } else {
            r.required_choice("left_reason", "퇴사 사유", &form.left_reason)
        };
        for (field, label, day) in [
            ("checked_on", "확인일", checked_on),
            ("left_on", "퇴사일", left_on),
        ] {
            if let Some(d) = day
                && d < placement.occurred_on
            {
                r.fail(
                    field,
                    label,
                    format!("{label}이 취업일({})보다 빠릅니다.", placement.occurred_on),
                );
            }
        }
        if !r.errors.is_empty() {
            return Err(AppError::Invalid(r.errors));
        }
        let Some(checked_on) = checked_on else {
            return Err(AppError::Invalid(r.errors));
        };
        let event = self.event(
            placement.id,
            checked_on,
            None,
            EventBody::RetentionCheck {
                months: form.months,
                still_employed: form.still_employed,
                note: Reader::text(&form.note),
                method,
                left_on: if form.still_employed { None } else { left_on },
                left_reason,
            },
        )?;
        let ctx = self.check_ctx();
        let errors = event.check(&ctx);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let status_changes =
            !form.still_employed && form.mark_job_search && seeker.status == SeekerStatus::Employed;
        if status_changes {
            seeker.status = SeekerStatus::JobSearch;
        }
        self.append_outcome(&event, status_changes.then_some(&seeker))?;
        Ok(())
    }

    /// The seeker's placements (from the case file's `events`), newest
    /// first, each with its three checks.
    pub(crate) fn placement_rows(
        &self,
        events: &[CaseEvent],
    ) -> Result<Vec<PlacementRow>, AppError> {
        let today = self.clock.today();
        let superseded: Vec<Id> = events.iter().filter_map(|e| e.supersedes).collect();
        let mut rows = Vec::new();
        for e in events.iter().filter(|e| !superseded.contains(&e.id)) {
            let EventBody::Placement {
                employer,
                occupation,
                wage_monthly,
                employment,
                weekly_hours,
                ..
            } = &e.body
            else {
                continue;
            };
            let mut summary = vec![employment.label_ko().to_owned()];
            summary.extend(wage_monthly.map(monthly_wage));
            summary.extend(weekly_hours.map(|h| format!("주 {h}시간")));
            summary.extend(occupation.as_ref().map(|c| keco_name(c.as_str())));
            let recorded = checks_of(&self.events_of(e.id)?);
            let mut ended = false;
            let mut checks = Vec::new();
            for months in [3u8, 6, 12] {
                let due = due_on(e.occurred_on, months)?;
                let done = recorded
                    .iter()
                    .find(|(m, _, _)| *m == months)
                    .map(|(_, _, text)| text.clone());
                let open = today >= due - chrono::Days::new(RETENTION_AHEAD_DAYS as u64);
                checks.push(CheckRow {
                    months,
                    due_on: due.to_string(),
                    can_record: done.is_none() && !ended && open,
                    ended: ended && done.is_none(),
                    done,
                });
                ended |= recorded
                    .iter()
                    .any(|(m, employed, _)| *m == months && !employed);
            }
            let (minimum_wage, minimum_wage_attention) = employment
                .minimum_wage_hours(*weekly_hours)
                .map(|hours| {
                    crate::codes::minimum_wage_check(
                        *wage_monthly,
                        Some(hours),
                        chrono::Datelike::year(&e.occurred_on),
                    )
                })
                .unwrap_or_default();
            rows.push(PlacementRow {
                id: e.id.to_string(),
                started_on: e.occurred_on.to_string(),
                employer: employer.clone(),
                summary: summary.join(" · "),
                minimum_wage,
                minimum_wage_attention,
                checks,
            });
        }
        rows.sort_by(|a, b| b.started_on.cmp(&a.started_on));
        Ok(rows)
    }
}

fn due_on(placed_on: NaiveDate, months: u8) -> Result<NaiveDate, AppError> {
    if ![3, 6, 12].contains(&months) {
        return Err(invalid(
            "months",
            "확인 시점",
            "고용유지 확인은 3·6·12개월 시점만 기록합니다.",
        ));
    }
    placed_on
        .checked_add_months(Months::new(u32::from(months)))
        .ok_or_else(|| invalid("months", "확인 시점", "확인일을 계산할 수 없습니다."))
}
