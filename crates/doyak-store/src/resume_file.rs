//! Résumé files by seeker, in versions (migration 0009): local to this
//! desk like drafts, but kept, never replaced. Adding one is audited (the
//! version, never the name or the content).

use crate::error::Result;
use crate::{Store, Writer};
use doyak_domain::{EntityKind, Id};
use rusqlite::OptionalExtension;

/// What the list of a seeker's résumé files shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeFileMeta {
    pub id: String,
    pub version: u32,
    pub file_name: String,
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// The version an edited text was made from.
    pub based_on: Option<u32>,
    pub added_at: String,
    pub added_by: String,
}

/// A new version to add.
#[derive(Debug, Clone, Copy)]
pub struct NewResumeFile<'a> {
    pub id: Id,
    pub seeker_id: Id,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub bytes: &'a [u8],
    pub based_on: Option<u32>,
    /// The audit log's detail (what was added; never the file's name).
    pub audit_detail: &'a str,
}

const COLUMNS: &str =
    "SELECT id, version, file_name, sha256, length(bytes), based_on, added_at, added_by";

fn meta(r: &rusqlite::Row<'_>) -> rusqlite::Result<ResumeFileMeta> {
    Ok(ResumeFileMeta {
        id: r.get(0)?,
        version: r.get(1)?,
        file_name: r.get(2)?,
        sha256: r.get(3)?,
        size: r.get::<_, i64>(4)?.unsigned_abs(),
        based_on: r.get(5)?,
        added_at: r.get(6)?,
        added_by: r.get(7)?,
    })
}

impl Store {
    /// The seeker's résumé files, newest version first.
    pub fn resume_files(&self, seeker_id: Id) -> Result<Vec<ResumeFileMeta>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{COLUMNS} FROM resume_file WHERE seeker_id = ?1 ORDER BY version DESC"
        ))?;
        let rows = stmt.query_map([seeker_id.to_string()], meta)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One version's metadata and bytes.
    /// One version of this seeker's, with its bytes; None for a version of
    /// another seeker's, so no caller can reach a file through the wrong
    /// person.
    pub fn resume_file(
        &self,
        seeker_id: Id,
        id: &str,
    ) -> Result<Option<(ResumeFileMeta, Vec<u8>)>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "{COLUMNS}, bytes FROM resume_file WHERE id = ?1 AND seeker_id = ?2"
            ))?
            .query_row(rusqlite::params![id, seeker_id.to_string()], |r| {
                Ok((meta(r)?, r.get(8)?))
            })
            .optional()?)
    }
}

impl Writer<'_> {
    /// Adds the seeker's next version and returns its number.
    pub fn add_resume_file(&mut self, file: NewResumeFile<'_>) -> Result<u32> {
        self.refuse_destroyed(file.seeker_id)?;
        let seeker = file.seeker_id.to_string();
        let version: u32 = self.tx().query_row(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM resume_file WHERE seeker_id = ?1",
            [&seeker],
            |r| r.get(0),
        )?;
        let (now, actor) = (self.now_text().to_owned(), self.actor_name().to_owned());
        self.tx()
            .prepare_cached(
                "INSERT INTO resume_file (id, seeker_id, version, file_name, sha256, bytes, based_on, added_at, added_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(rusqlite::params![
                file.id.to_string(),
                seeker,
                version,
                file.file_name,
                file.sha256,
                file.bytes,
                file.based_on,
                now,
                actor,
            ])?;
        // A file brought in is an import, the counselor's edit an update;
        // the detail says which version, never the file's name.
        let action = if file.based_on.is_some() {
            "update"
        } else {
            "import"
        };
        self.audit(
            action,
            EntityKind::Seeker,
            Some(file.seeker_id),
            &format!("{} ({version}번째 판)", file.audit_detail),
        )?;
        Ok(version)
    }
}
