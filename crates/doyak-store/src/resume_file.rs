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
}

const META: &str = "SELECT id, version, file_name, sha256, length(bytes), based_on, added_at, added_by FROM resume_file";

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
            "{META} WHERE seeker_id = ?1 ORDER BY version DESC"
        ))?;
        let rows = stmt.query_map([seeker_id.to_string()], meta)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One version's metadata and bytes.
    pub fn resume_file(&self, id: &str) -> Result<Option<(ResumeFileMeta, Vec<u8>)>> {
        let row = self
            .conn
            .prepare_cached(&format!("{META} WHERE id = ?1"))?
            .query_row([id], meta)
            .optional()?;
        let Some(m) = row else { return Ok(None) };
        let bytes: Vec<u8> = self
            .conn
            .prepare_cached("SELECT bytes FROM resume_file WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        Ok(Some((m, bytes)))
    }
}

impl Writer<'_> {
    /// Adds the seeker's next version and returns its number.
    pub fn add_resume_file(&mut self, file: NewResumeFile<'_>) -> Result<u32> {
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
        // Bringing a file into the caseload is an import in the audit log's
        // terms; the detail says what, never the file's name.
        self.audit(
            "import",
            EntityKind::Seeker,
            Some(file.seeker_id),
            &format!("이력서 파일 {version}번째 판"),
        )?;
        Ok(version)
    }
}
