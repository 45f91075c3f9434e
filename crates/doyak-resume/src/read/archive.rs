//! A zip container (DOCX, HWPX) opened with a budget: a hostile file cannot
//! make the desk inflate gigabytes or walk a million entries.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::ReadError;

/// Most entries a résumé package may have. A DOCX or HWPX has a few dozen;
/// tens of thousands is a zip bomb's shape, not a document's.
const MAX_ENTRIES: usize = 10_000;
/// Most bytes inflated from one archive, all entries together. A résumé's
/// XML is well under 1 MB; 50 MB leaves room for a long portfolio while a
/// deflate bomb (1 KB → 1 GB) stops here.
pub(super) const MAX_INFLATED: u64 = 50 * 1024 * 1024;

/// An opened zip with what is left of its inflate budget.
pub(super) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl std::fmt::Debug for Archive<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Archive")
            .field("entries", &self.zip.len())
            .field("budget", &self.budget)
            .finish()
    }
}

impl<'a> Archive<'a> {
    /// Opens the zip's central directory; a truncated or corrupt zip is
    /// [`ReadError::Broken`].
    pub(super) fn open(bytes: &'a [u8]) -> Result<Self, ReadError> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|error| ReadError::broken(format!("zip: {error}")))?;
        if zip.len() > MAX_ENTRIES {
            return Err(ReadError::broken(format!(
                "zip 항목이 {}개로 너무 많습니다",
                zip.len()
            )));
        }
        Ok(Archive {
            zip,
            budget: MAX_INFLATED,
        })
    }

    pub(super) fn contains(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Names of all entries, in the archive's order.
    pub(super) fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(Result::ok)
            .map(|name| name.into_owned())
            .collect()
    }

    /// The `mimetype` entry's text, as ODF-style packages (HWPX) start with.
    pub(super) fn mimetype(&mut self) -> Result<Option<String>, ReadError> {
        Ok(self
            .read("mimetype")?
            .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_owned()))
    }

    /// Inflates one entry, or `None` when there is no such entry. Counts
    /// against the budget whatever the entry claims its size is: the claim
    /// is the bomb's first lie.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let entry = self.zip.by_index(index).map_err(|error| match error {
            zip::result::ZipError::UnsupportedArchive(zip::result::ZipError::PASSWORD_REQUIRED) => {
                ReadError::Encrypted
            }
            error => ReadError::broken(format!("{name}: {error}")),
        })?;
        let mut bytes = Vec::new();
        entry
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| ReadError::broken(format!("{name}: {error}")))?;
        let read = bytes.len() as u64;
        if read > self.budget {
            return Err(ReadError::broken(format!(
                "압축을 풀면 {} MB를 넘습니다",
                MAX_INFLATED / (1024 * 1024)
            )));
        }
        self.budget -= read;
        Ok(Some(bytes))
    }
}
