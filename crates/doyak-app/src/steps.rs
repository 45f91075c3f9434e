//! 알선 steps as deliberate actions. A step names its day and may carry a
//! note; it is kept as an `ApplicationStep` event beside the 알선 (subject =
//! the 알선's id), written in one transaction with the 알선's new status, so
//! the row shows how it got where it is. The rule of which steps are allowed
//! is the domain's (`ApplicationStatus::step_to`); the page asks before a
//! final outcome and offers one button per allowed step.

use crate::forms::{Reader, enum_value, parse_id};
use crate::{AppError, ApplicationRow, Desk};
use doyak_domain::events::{Application, ApplicationStatus, CaseEvent, EventBody, StepRefusal};
use doyak_domain::seeker::ConsentScope;
use doyak_domain::{EventRecord, FieldError, Id, JobSeeker, SharedRecord};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A step the counselor takes on an 알선.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StepForm {
    pub application_id: String,
    /// An `ApplicationStatus` value.
    pub to: String,
    /// The day it happened (YYYY-MM-DD); empty = today.
    pub on: String,
    pub note: String,
}

/// One step in an 알선's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepRow {
    pub on: String,
    pub from_label: String,
    pub to_label: String,
    pub note: String,
    /// Who moved it ("" for the first row and for steps with no author).
    pub author: String,
}

pub(crate) fn may_share(s: &JobSeeker) -> bool {
    s.consent
        .as_ref()
        .is_some_and(|c| c.allows(ConsentScope::ShareWithEmployers))
}

pub(crate) fn status_error(message: &str) -> AppError {
    AppError::Invalid(vec![FieldError::new("status", "알선 단계", message)])
}

pub(crate) const NO_CONSENT: &str = "구직자의 제3자 제공 동의가 없어 기업에 알선할 수 없습니다. 동의를 받은 뒤 정보 수정에서 기록해 주세요.";

pub(crate) fn parse_status(value: &str) -> Result<ApplicationStatus, AppError> {
    ApplicationStatus::ALL
        .into_iter()
        .find(|s| enum_value(s) == value)
        .ok_or_else(|| status_error("알선 단계를 목록에서 골라 주세요."))
}

impl Desk {
    /// Moves an 알선 one deliberate step (서류 제출, 면접) or records its
    /// outcome (합격, 불합격, 취소), on the day given, with the step kept in
    /// the 알선's history. Returns the row as it now stands (a 합격 says
    /// it needs its 취업 등록).
    pub fn step_application(&mut self, form: &StepForm) -> Result<ApplicationRow, AppError> {
        let to = parse_status(form.to.trim())?;
        let mut application: Application = self
            .store
            .get(parse_id(&form.application_id)?)?
            .ok_or(AppError::NotFound { what: "알선" })?;
        let seeker = self.seeker(application.seeker_id)?;
        let from = application.status;
        if to == from {
            return Err(status_error(&format!(
                "이미 '{}' 단계입니다.",
                from.label_ko()
            )));
        }
        match from.step_to(to, may_share(&seeker)) {
            Ok(()) => {}
            Err(StepRefusal::Final) => {
                return Err(status_error(&format!(
                    "결과('{}')가 기록된 알선은 바꿀 수 없습니다. 다시 알선하려면 추천 목록에서 새로 기록해 주세요.",
                    from.label_ko()
                )));
            }
            Err(StepRefusal::Backwards) => {
                return Err(status_error(&format!(
                    "'{}' 단계에서 '{}'(으)로 되돌릴 수 없습니다.",
                    from.label_ko(),
                    to.label_ko()
                )));
            }
            Err(StepRefusal::NoConsent) => return Err(status_error(NO_CONSENT)),
        }
        let mut r = Reader { errors: Vec::new() };
        let on = r
            .date("on", "변경일", &form.on)
            .unwrap_or_else(|| self.clock.today());
        let last = self
            .steps_of(application.id)?
            .iter()
            .map(|e| e.occurred_on)
            .max()
            .unwrap_or(application.applied_on)
            .max(application.applied_on);
        if r.errors.is_empty() && on < last {
            r.fail(
                "on",
                "변경일",
                format!("변경일이 이전 단계({last})보다 빠릅니다."),
            );
        }
        if !r.errors.is_empty() {
            return Err(AppError::Invalid(r.errors));
        }
        let note = Reader::text(&form.note);
        application.status = to;
        if note.is_some() {
            application.note = note.clone();
        }
        let step = self.event(
            application.id,
            on,
            None,
            EventBody::ApplicationStep { from, to, note },
        )?;
        let ctx = self.check_ctx();
        let mut errors = application.check(&ctx);
        errors.extend(step.check(&ctx));
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.update(&application)?;
            w.append(&step)
        })?;
        self.seeker_applications(&seeker.id.to_string())?
            .into_iter()
            .find(|r| r.id == application.id.to_string())
            .ok_or(AppError::NotFound { what: "알선" })
    }

    /// A step taken today (the command line's and the tests' short form).
    pub fn set_application_status(
        &mut self,
        id: &str,
        status: &str,
        note: &str,
    ) -> Result<ApplicationRow, AppError> {
        self.step_application(&StepForm {
            application_id: id.to_owned(),
            to: status.to_owned(),
            on: String::new(),
            note: note.to_owned(),
        })
    }

    /// The step events of an 알선, oldest first.
    pub(crate) fn steps_of(&self, application: Id) -> Result<Vec<CaseEvent>, AppError> {
        let mut steps: Vec<CaseEvent> = self
            .events_of(application)?
            .into_iter()
            .filter(|e| matches!(e.body, EventBody::ApplicationStep { .. }))
            .collect();
        steps.sort_by_key(|e| (e.occurred_on, e.id()));
        Ok(steps)
    }

    /// Fills in what an 알선 row shows beyond the record: its history and
    /// the 취업 recorded from it (looked up in the seeker's `events`).
    pub(crate) fn complete_row(
        &self,
        row: &mut ApplicationRow,
        application: &Application,
        events: &[CaseEvent],
    ) -> Result<(), AppError> {
        row.steps = self.step_rows(application)?;
        row.placement_id = self
            .placed_from(events, application)?
            .map(|e| e.id.to_string());
        row.needs_placement =
            application.status == ApplicationStatus::Hired && row.placement_id.is_none();
        Ok(())
    }

    /// The 취업 recorded from an 알선 among the seeker's `events`: the one
    /// naming it. A 합격 no step of this desk recorded (imported, pulled
    /// from an older desk, the demo) came before placements named their
    /// 알선: then a placement at its vacancy naming no 알선 is its 취업.
    pub(crate) fn placed_from<'a>(
        &self,
        events: &'a [CaseEvent],
        application: &Application,
    ) -> Result<Option<&'a CaseEvent>, AppError> {
        let named = events.iter().find(|e| {
            matches!(&e.body, EventBody::Placement { application_id: Some(a), .. } if *a == application.id)
        });
        if named.is_some() || application.status != ApplicationStatus::Hired {
            return Ok(named);
        }
        let stepped = self.steps_of(application.id)?.iter().any(|e| {
            matches!(
                e.body,
                EventBody::ApplicationStep {
                    to: ApplicationStatus::Hired,
                    ..
                }
            )
        });
        Ok((!stepped).then(|| {
            events.iter().find(|e| {
                matches!(&e.body, EventBody::Placement { application_id: None, vacancy_id: Some(v), .. } if *v == application.vacancy_id)
            })
        }).flatten())
    }

    /// An 알선's history as rows: how it started, then each step.
    pub(crate) fn step_rows(&self, application: &Application) -> Result<Vec<StepRow>, AppError> {
        let steps = self.steps_of(application.id)?;
        // The status it was recorded with: the first step's `from`, or
        // the status now when nothing has moved it.
        let started = steps
            .first()
            .and_then(|e| match e.body {
                EventBody::ApplicationStep { from, .. } => Some(from),
                _ => None,
            })
            .unwrap_or(application.status);
        let mut rows = vec![StepRow {
            on: application.applied_on.to_string(),
            from_label: String::new(),
            to_label: started.label_ko().to_owned(),
            note: String::new(),
            author: String::new(),
        }];
        let names = self.counselor_names()?;
        for e in steps {
            if let EventBody::ApplicationStep { from, to, note } = e.body {
                rows.push(StepRow {
                    on: e.occurred_on.to_string(),
                    from_label: from.label_ko().to_owned(),
                    to_label: to.label_ko().to_owned(),
                    note: note.unwrap_or_default(),
                    author: e
                        .author_id
                        .and_then(|id| names.get(&id).cloned())
                        .unwrap_or_default(),
                });
            }
        }
        Ok(rows)
    }
}
