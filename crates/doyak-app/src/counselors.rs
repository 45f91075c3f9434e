//! Who works at this desk. A note, a placement or a step records the desk's
//! counselor as its author and the time it was written, so the case file can
//! say "김상담 · 12월 3일 14:20 작성" and a correction shows whose it is.

use crate::{AppError, Desk};
use chrono::{DateTime, FixedOffset, Utc};
use doyak_domain::events::{CaseEvent, EventBody};
use doyak_domain::{Counselor, CounselorRole, FieldError, Id};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The longest name the desk accepts for a counselor.
pub const COUNSELOR_NAME_MAX: usize = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CounselorRow {
    pub id: String,
    pub name: String,
    /// 상담사 or 관리자.
    pub role: String,
}

/// The desk's counselor and whom it can be switched to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeskCounselor {
    /// None until someone is chosen: notes written meanwhile have no author.
    pub current: Option<CounselorRow>,
    /// The center's active counselors, by name.
    pub choices: Vec<CounselorRow>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewCounselorForm {
    pub name: String,
}

fn row(c: &Counselor) -> CounselorRow {
    CounselorRow {
        id: c.id.to_string(),
        name: c.name.clone(),
        role: match c.role {
            CounselorRole::Counselor => "상담사",
            CounselorRole::Admin => "관리자",
        }
        .to_owned(),
    }
}

/// Korea keeps one offset all year (no summer time).
fn kst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("+09:00 is a valid offset")
}

/// "2026-12-03 14:20" in Korean time: when an event was written.
pub fn written_at_label(at: DateTime<Utc>) -> String {
    at.with_timezone(&kst())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl Desk {
    /// Who works at this desk and the center's counselors to choose from.
    pub fn desk_counselor(&self) -> Result<DeskCounselor, AppError> {
        let all = self.store.counselors()?;
        let current = self.store.desk_counselor()?;
        Ok(DeskCounselor {
            current: current.and_then(|id| all.iter().find(|c| c.id == id).map(row)),
            choices: all.iter().filter(|c| c.active).map(row).collect(),
        })
    }

    /// Makes `id`, one of the center's active counselors, this desk's.
    pub fn choose_counselor(&mut self, id: &str) -> Result<DeskCounselor, AppError> {
        let id: Id = id
            .parse()
            .map_err(|_| AppError::NotFound { what: "상담사" })?;
        let counselor: Counselor = self
            .store
            .get(id)?
            .filter(|c: &Counselor| c.active)
            .ok_or(AppError::NotFound { what: "상담사" })?;
        self.store.set_desk_counselor(Some(counselor.id))?;
        self.desk_counselor()
    }

    /// Adds a counselor to the center (a shared record: every desk of the
    /// center learns the name) and makes them this desk's. A name an active
    /// counselor already has is refused: pick that one from the list.
    pub fn add_counselor(&mut self, form: &NewCounselorForm) -> Result<DeskCounselor, AppError> {
        let name = form.name.trim();
        let field = |message: String| {
            AppError::Invalid(vec![FieldError::new("name", "상담사 이름", message)])
        };
        if name.is_empty() {
            return Err(field("필수 항목입니다.".to_owned()));
        }
        if name.chars().count() > COUNSELOR_NAME_MAX {
            return Err(field(format!(
                "{COUNSELOR_NAME_MAX}자 이하로 입력하세요 (지금 {}자).",
                name.chars().count()
            )));
        }
        if self
            .store
            .counselors()?
            .iter()
            .any(|c| c.active && c.name == name)
        {
            return Err(field(format!(
                "‘{name}’ 상담사가 이미 있습니다. 목록에서 고르세요."
            )));
        }
        let counselor = self.create_record(
            Counselor {
                id: self.new_id(),
                center_id: self.center_id(),
                name: name.to_owned(),
                role: CounselorRole::Counselor,
                active: true,
            },
            |c, center| c.center_id = center,
        )?;
        self.store.set_desk_counselor(Some(counselor.id))?;
        self.desk_counselor()
    }

    /// A new event written at this desk now: its author is the desk's
    /// counselor (none until one is chosen) and it says when it was written.
    pub(crate) fn event(
        &self,
        subject_id: Id,
        occurred_on: chrono::NaiveDate,
        supersedes: Option<Id>,
        body: EventBody,
    ) -> Result<CaseEvent, AppError> {
        Ok(CaseEvent {
            id: self.new_id(),
            center_id: self.center_id(),
            subject_id,
            author_id: self.store.desk_counselor()?,
            occurred_on,
            recorded_at: Some(self.clock.now()),
            supersedes,
            body,
        })
    }

    /// Every counselor's name by id, retired ones included (their notes
    /// still name them).
    pub(crate) fn counselor_names(&self) -> Result<HashMap<Id, String>, AppError> {
        Ok(self
            .store
            .counselors()?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect())
    }
}
