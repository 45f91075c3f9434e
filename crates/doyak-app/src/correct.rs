//! Correcting a counseling note: the correction is a new event that
//! supersedes the note, so the original stays in the case file (shown
//! 정정됨) and both travel to the server as they are. Nothing is overwritten.

use crate::detail::SessionForm;
use crate::forms::{enum_value, parse_id};
use crate::{AppError, Desk};
use doyak_domain::events::{CaseEvent, EventBody};
use doyak_domain::{FieldError, Id};

fn refused(message: &str) -> AppError {
    AppError::Invalid(vec![FieldError::new("corrects", "정정할 기록", message)])
}

impl Desk {
    /// The note `id` of `seeker`, if it may be corrected: a counseling
    /// session of that seeker that no later event corrects yet (a second
    /// correction corrects the latest version, never a superseded one).
    pub(crate) fn correctable_session(&self, id: &str, seeker: Id) -> Result<CaseEvent, AppError> {
        let event = self.store.event(parse_id(id)?)?.ok_or(AppError::NotFound {
            what: "상담 기록",
        })?;
        self.correctable(event, seeker)
    }

    fn correctable(&self, event: CaseEvent, seeker: Id) -> Result<CaseEvent, AppError> {
        if event.subject_id != seeker || !matches!(event.body, EventBody::CounselingSession { .. })
        {
            return Err(refused("이 구직자의 상담 기록만 정정할 수 있습니다."));
        }
        if self.store.is_superseded(&event)? {
            return Err(refused(
                "이미 정정된 기록입니다. 가장 최근에 정정한 기록을 고쳐 주세요.",
            ));
        }
        Ok(event)
    }

    /// The session form filled with the note `event_id`, to correct it.
    pub fn session_correction_form(&self, event_id: &str) -> Result<SessionForm, AppError> {
        let event = self
            .store
            .event(parse_id(event_id)?)?
            .ok_or(AppError::NotFound {
                what: "상담 기록"
            })?;
        let seeker = event.subject_id;
        let event = self.correctable(event, seeker)?;
        let EventBody::CounselingSession {
            minutes,
            mode,
            content,
            next_step,
            next_on,
        } = &event.body
        else {
            return Err(refused("상담 기록만 정정할 수 있습니다."));
        };
        Ok(SessionForm {
            seeker_id: event.subject_id.to_string(),
            occurred_on: event.occurred_on.to_string(),
            minutes: minutes.to_string(),
            mode: enum_value(mode),
            content: content.clone(),
            next_step: next_step.clone().unwrap_or_default(),
            next_on: next_on.map(|d| d.to_string()).unwrap_or_default(),
            corrects: event.id.to_string(),
        })
    }
}
