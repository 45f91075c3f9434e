//! Drafts: the text of a form the counselor left unsaved, by a key the desk
//! chooses ("session:<seeker id>"). Local bookkeeping like `tally`: written
//! without an outbox or audit row (a draft is not a change to the caseload),
//! encrypted with the file, dropped when the form is saved or discarded.

use crate::error::Result;
use crate::{Store, Writer};
use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

/// A stored draft and when it was last written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub data: String,
    pub saved_at: String,
}

impl Store {
    /// Keeps `data` under `key`, replacing the draft there.
    pub fn put_draft(&self, key: &str, data: &str, now: DateTime<Utc>) -> Result<()> {
        // A draft about a destroyed person (a page left open while the
        // destruction was pulled) would be their words again: refused.
        if let Some((_, id)) = key.rsplit_once(':') {
            let destroyed: bool = self
                .conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM event INDEXED BY event_subject
                                     WHERE subject_id = ?1 AND type = 'destruction')",
                )?
                .query_row([id], |r| r.get(0))?;
            if destroyed {
                return Err(crate::StoreError::Destroyed);
            }
        }
        self.conn
            .prepare_cached(
                "INSERT INTO draft (key, data, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
            )?
            .execute(rusqlite::params![key, data, now.to_rfc3339()])?;
        Ok(())
    }

    pub fn draft(&self, key: &str) -> Result<Option<Draft>> {
        Ok(self
            .conn
            .prepare_cached("SELECT data, saved_at FROM draft WHERE key = ?1")?
            .query_row([key], |r| {
                Ok(Draft {
                    data: r.get(0)?,
                    saved_at: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// The keys of the drafts whose key starts with `prefix`.
    pub fn draft_keys(&self, prefix: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key FROM draft WHERE substr(key, 1, length(?1)) = ?1")?;
        let keys = stmt
            .query_map([prefix], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(keys)
    }

    pub fn drop_draft(&self, key: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM draft WHERE key = ?1")?
            .execute([key])?;
        Ok(())
    }
}

impl Writer<'_> {
    /// Drops the draft under `key` in this write's transaction, so a form
    /// saved from its draft never leaves the draft behind.
    pub fn drop_draft(&mut self, key: &str) -> Result<()> {
        self.tx()
            .prepare_cached("DELETE FROM draft WHERE key = ?1")?
            .execute([key])?;
        Ok(())
    }
}
