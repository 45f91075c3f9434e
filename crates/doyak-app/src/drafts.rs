//! Drafts of half-written forms, so a session note typed and left for
//! another screen (or a closed window) is still there when the counselor
//! comes back. Kept in the caseload (encrypted with it, never synced) under
//! the form's kind and the record it belongs to; the desk writes and reads
//! the form's JSON, so the page sends and gets typed forms.

use crate::forms::parse_id;
use crate::{AppError, Desk, SessionForm};
use doyak_domain::FieldError;
use serde::Serialize;
use ts_rs::TS;

/// The most text a draft holds (a long session note is a few KB).
pub const MAX_DRAFT_BYTES: usize = 64 * 1024;

/// A session note left unsaved, as the page gets it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionDraft {
    pub form: SessionForm,
    /// When it was last written, Korean time ("2026-12-03 15:20").
    pub saved_at: String,
}

/// "session:0194…": a lower-case kind, then optionally a record id.
fn check_key(key: &str) -> Result<(), AppError> {
    let (kind, id) = key.split_once(':').unwrap_or((key, ""));
    let kind_ok =
        (1..=32).contains(&kind.len()) && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    let id_ok = id.len() <= 40 && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
    if kind_ok && id_ok {
        Ok(())
    } else {
        Err(AppError::Invalid(vec![FieldError::new(
            "key",
            "초안",
            "초안 이름이 올바르지 않습니다.",
        )]))
    }
}

impl Desk {
    /// Keeps the session note being typed for its seeker (one per seeker).
    pub fn save_session_draft(&mut self, form: &SessionForm) -> Result<(), AppError> {
        let key = format!("session:{}", parse_id(&form.seeker_id)?);
        let data = serde_json::to_string(form).map_err(AppError::Json)?;
        self.save_draft(&key, &data)
    }

    /// The session note left unsaved for a seeker, if any. A draft this
    /// build cannot read is left where it is and not offered.
    pub fn session_draft(&self, seeker_id: &str) -> Result<Option<SessionDraft>, AppError> {
        let key = format!("session:{}", parse_id(seeker_id)?);
        Ok(self.store.draft(&key)?.and_then(|d| {
            serde_json::from_str(&d.data).ok().map(|form| SessionDraft {
                form,
                saved_at: crate::access::korean_time(&d.saved_at),
            })
        }))
    }

    pub fn drop_session_draft(&mut self, seeker_id: &str) -> Result<(), AppError> {
        let key = format!("session:{}", parse_id(seeker_id)?);
        self.drop_draft(&key)
    }

    pub(crate) fn save_draft(&mut self, key: &str, data: &str) -> Result<(), AppError> {
        check_key(key)?;
        if data.len() > MAX_DRAFT_BYTES {
            return Err(AppError::Invalid(vec![FieldError::new(
                "data",
                "초안",
                format!(
                    "초안이 너무 깁니다 ({}KB 넘음). 먼저 저장해 주세요.",
                    MAX_DRAFT_BYTES / 1024
                ),
            )]));
        }
        Ok(self.store.put_draft(key, data, self.clock.now())?)
    }

    pub(crate) fn drop_draft(&mut self, key: &str) -> Result<(), AppError> {
        check_key(key)?;
        Ok(self.store.drop_draft(key)?)
    }
}
