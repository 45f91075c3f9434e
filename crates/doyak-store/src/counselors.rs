//! The center's counselors and which of them works at this desk. Counselor
//! records are shared (they sync like any record); who sits at this desk is
//! this device's own setting, kept in `meta` and never sent.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::query::decode;
use doyak_domain::{Counselor, Id};
use rusqlite::OptionalExtension;

const DESK_COUNSELOR: &str = "desk_counselor";

impl Store {
    /// Every live counselor of the center, by name.
    pub fn counselors(&self) -> Result<Vec<Counselor>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM counselor WHERE deleted_at IS NULL ORDER BY name, id",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "counselor")).collect()
    }

    /// The counselor who works at this desk, once one was chosen.
    pub fn desk_counselor(&self) -> Result<Option<Id>> {
        let value: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row([DESK_COUNSELOR], |r| r.get(0))
            .optional()?;
        value
            .map(|v| {
                v.parse().map_err(|_| StoreError::Corrupt {
                    reason: format!("meta.{DESK_COUNSELOR}"),
                })
            })
            .transpose()
    }

    /// Says who works at this desk from now on (`None`: nobody chosen). The
    /// counselor must be one of the center's live counselors.
    pub fn set_desk_counselor(&mut self, id: Option<Id>) -> Result<()> {
        let tx = self.conn.transaction()?;
        match id {
            Some(id) => {
                let live: bool = tx
                    .prepare_cached(
                        "SELECT EXISTS (SELECT 1 FROM counselor WHERE id = ?1 AND deleted_at IS NULL)",
                    )?
                    .query_row([id.to_string()], |r| r.get(0))?;
                if !live {
                    return Err(StoreError::RecordNotFound {
                        kind: "상담사",
                        id: id.to_string(),
                    });
                }
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (DESK_COUNSELOR, id.to_string()),
                )?;
            }
            None => {
                tx.execute("DELETE FROM meta WHERE key = ?1", [DESK_COUNSELOR])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}
