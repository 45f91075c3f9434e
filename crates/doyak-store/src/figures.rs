//! What 성과 reads: every event of a kind, every referral and 알선, each in
//! one query (the figures are over the whole caseload; the use-case layer
//! keeps the current versions and turns them into doyak-kpi's facts).

use crate::Store;
use crate::error::Result;
use crate::query::decode;
use doyak_domain::events::{Application, CaseEvent, Referral};

impl Store {
    /// Every event of one type (`placement`, `counseling_session`, …),
    /// superseded versions included, by the `event_type` index.
    pub fn events_of_type(&self, event_type: &str) -> Result<Vec<CaseEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM event INDEXED BY event_type WHERE type = ?1
              ORDER BY occurred_on, id",
        )?;
        let rows = stmt.query_map([event_type], |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "event")).collect()
    }

    /// Every live referral to a partner institution.
    pub fn all_referrals(&self) -> Result<Vec<Referral>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM referral WHERE deleted_at IS NULL ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "referral")).collect()
    }

    /// Every live 알선 (application), whatever its step.
    pub fn all_applications(&self) -> Result<Vec<Application>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM application WHERE deleted_at IS NULL ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "application")).collect()
    }
}
