//! 개인정보 접근 기록 as the use cases keep it: opening a person's page,
//! printing a report, exporting a file of people, destroying someone —
//! each an entry of the store's hash-chained log (doyak-store
//! `access_log.rs`), signed by the desk's counselor when one is chosen.
//! Ids and kinds only, never a value.

use crate::{AppError, Desk};
use doyak_domain::{EntityKind, Id};
use doyak_store::Access;
use serde::Serialize;
use ts_rs::TS;

/// One entry as the administrator reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccessRow {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    /// The counselor's name, or the tool ("cli").
    pub who: String,
    /// 열람, 내보내기, 출력, 파기.
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub detail: String,
}

/// What `doyak access-log verify` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccessLogVerdict {
    #[ts(type = "number")]
    pub entries: u64,
    /// The first entry that breaks the chain and how (Korean); empty when whole.
    #[ts(type = "number | null")]
    pub broken_at: Option<i64>,
    pub reason: String,
    pub head: String,
}

impl Desk {
    /// Who the log names: the desk's counselor, or the tool.
    fn accessor(&self) -> Result<String, AppError> {
        Ok(match self.store.desk_counselor()? {
            Some(id) => format!("counselor:{id}"),
            None => self.actor.clone(),
        })
    }

    /// Keeps one access. A page shown again within ten minutes with nothing
    /// else logged between (reloaded after an edit on it) is the same look:
    /// no second entry.
    pub(crate) fn log_access(
        &self,
        access: Access,
        kind: EntityKind,
        id: Option<Id>,
        detail: &str,
    ) -> Result<(), AppError> {
        let who = self.accessor()?;
        if access == Access::View
            && let Some(last) = self.store.last_access()?
            && last.action == access.as_str()
            && last.entity_id == id.map(|i| i.to_string())
            && last.actor == who
            && chrono::DateTime::parse_from_rfc3339(&last.at).is_ok_and(|at| {
                self.clock.now() - at.with_timezone(&chrono::Utc) < chrono::Duration::minutes(10)
            })
        {
            return Ok(());
        }
        self.store
            .log_access(self.clock.now(), &who, access, kind, id, detail)?;
        Ok(())
    }

    /// The newest entries (about one record when `record` is given).
    pub fn access_log(
        &self,
        record: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AccessRow>, AppError> {
        let id = record.map(crate::forms::parse_id).transpose()?;
        let names = self.counselor_names()?;
        let name_of = |actor: &str| {
            actor
                .strip_prefix("counselor:")
                .and_then(|i| i.parse::<Id>().ok())
                .and_then(|i| names.get(&i).cloned())
                .unwrap_or_else(|| actor.to_owned())
        };
        Ok(self
            .store
            .access_entries(id, limit)?
            .into_iter()
            .map(|e| AccessRow {
                seq: e.seq,
                at: korean_time(&e.at),
                who: name_of(&e.actor),
                action: Access::label_ko(&e.action).to_owned(),
                entity: e.entity,
                entity_id: e.entity_id.unwrap_or_default(),
                detail: detail_ko(&e.detail),
            })
            .collect())
    }

    /// Checks the whole chain (see `doyak_store::Store::verify_access_log`).
    pub fn verify_access_log(&self) -> Result<AccessLogVerdict, AppError> {
        let check = self.store.verify_access_log()?;
        Ok(AccessLogVerdict {
            entries: check.entries,
            broken_at: check.broken.map(|(seq, _)| seq),
            reason: check
                .broken
                .map(|(_, why)| why.to_owned())
                .unwrap_or_default(),
            head: check.head,
        })
    }
}

/// A stored UTC instant as Korean time ("2026-12-05 13:01"); as stored
/// when it does not read.
pub(crate) fn korean_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .ok()
        .and_then(|t| {
            chrono::FixedOffset::east_opt(9 * 3600)
                .map(|kst| t.with_timezone(&kst).format("%Y-%m-%d %H:%M").to_string())
        })
        .unwrap_or_else(|| at.to_owned())
}

/// What an entry's detail code means, in Korean (reports and exports
/// already say it in Korean).
fn detail_ko(detail: &str) -> String {
    match detail {
        "seeker_page" => "구직자 화면".to_owned(),
        "consent_form" => "개인정보 동의서".to_owned(),
        "consent_withdrawn" => "동의 철회에 따른 파기".to_owned(),
        "retention_ended" => "보유기간 경과에 따른 파기".to_owned(),
        other => other.to_owned(),
    }
}
