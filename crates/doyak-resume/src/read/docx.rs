//! DOCX (Word 2007+): the body of `word/document.xml`.
//!
//! Paragraphs `w:p` (runs' `w:t`, `w:tab` → tab, `w:br`/`w:cr` → a new
//! paragraph), tables `w:tbl` → [`Block::Table`](super::Block::Table), and
//! content controls `w:sdt` (their content is ordinary paragraphs, so it is
//! read like any other). Deleted text (`w:delText`), field codes
//! (`w:instrText`), the old place of moved text and the fallback copy of alternate content are not body
//! text. Headers, footers and notes live in other parts and are not read:
//! a résumé's body is what is scored.

use super::archive::Archive;
use super::flow::{self, Dialect};
use super::{Block, ReadError};

/// The main document part, by which a zip is told to be a DOCX.
pub(super) const MAIN_PART: &str = "word/document.xml";

const DOCX: Dialect = Dialect {
    // `w:moveFrom` is the old place of text moved with track changes on;
    // its `w:moveTo` copy is the one that counts.
    skip: &["Fallback", "moveFrom"],
    inline_parent: "r",
};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Block>, ReadError> {
    let mut archive = Archive::open(bytes)?;
    let xml = archive
        .read(MAIN_PART)?
        .ok_or_else(|| ReadError::broken("word/document.xml이 없습니다"))?;
    flow::walk(MAIN_PART, &xml, &DOCX)
}
