//! Bytes of a file a seeker brought → text blocks, or a Korean error.
//!
//! Never a guess: a file with no text (a scanned PDF), an encrypted or
//! broken one, or one over [`MAX_BYTES`] is refused with a [`ReadError`]
//! that says so. A parser that panics is caught and reported as broken, so
//! one bad file cannot take the desk down.
//!
//! The format is told by the bytes first and the file name second
//! ([`detect`]): counselors receive files renamed by mail clients and
//! messengers, and a `.hwp` that is really a PDF should read as a PDF.

mod archive;
mod detect;
mod docx;
mod flow;
mod hwpx;
mod pdf;
mod text;

use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::Serialize;

/// The largest file read, in bytes. A résumé is a few pages; a 10 MB file is
/// a scan or something else.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Which kind of file the bytes were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Docx,
    Hwpx,
    Hwp,
    Pdf,
}

/// One block of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph's text (one line; a hard line break inside it splits it
    /// into several paragraphs).
    Paragraph(String),
    /// A table: rows of cells, each cell's text with its paragraphs joined
    /// by '\n'. Rows keep their cells in column order.
    Table(Vec<Vec<String>>),
}

/// A document read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub format: Format,
    pub blocks: Vec<Block>,
}

/// Why a file was not read. Each has a Korean message for the counselor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("파일이 너무 큽니다 ({size} 바이트, 최대 {limit} 바이트).")]
    TooLarge { size: usize, limit: usize },
    #[error("읽을 수 없는 파일 형식입니다. TXT, DOCX, HWPX, HWP, PDF 파일만 읽습니다.")]
    UnknownFormat,
    #[error(
        "파일에 글자가 없습니다. 스캔한 문서라면 글자를 직접 입력하거나 한글·워드에서 저장한 파일을 받아 주세요."
    )]
    NoText,
    /// A PDF whose text layer maps its glyphs to nothing readable (no
    /// ToUnicode table, or private-use code points): copying its text would
    /// give garbage, so none of it is used.
    #[error(
        "글자를 제대로 읽을 수 없는 PDF입니다. 한글·워드에서 만든 원본 파일(HWPX, DOCX)을 받거나, 내용을 직접 입력해 주세요."
    )]
    Unreadable,
    /// HWP 5 (the OLE-based `.hwp` of 한글 2002 and later, still its default
    /// "한글 문서" format). No permissively licensed reader is light enough
    /// yet: `unhwp` (MIT) turns on zip's bzip2/zstd/lzma backends for the
    /// whole workspace and adds cfb 0.15, regex and a Markdown stack (35
    /// crates not in this tree yet, about a minute of compiling, a C zstd
    /// among them); the GPL ones are excluded. Until then the
    /// counselor is told which format to ask for.
    #[error(
        "HWP 5 파일은 아직 읽지 못합니다. 한글에서 'HWPX'나 'PDF'로 저장한 파일을 받아 주세요."
    )]
    HwpUnsupported,
    #[error("암호가 걸린 파일입니다. 암호를 풀어 다시 저장한 파일을 받아 주세요.")]
    Encrypted,
    #[error("파일이 손상되어 읽을 수 없습니다 ({detail}).")]
    Broken { detail: String },
    #[error("글자 인코딩을 알 수 없습니다 ({line}번째 줄). UTF-8이나 CP949로 저장해 주세요.")]
    UnknownEncoding { line: usize },
}

impl ReadError {
    /// [`ReadError::Broken`] with a short note of what was wrong. The note is
    /// shown in parentheses after the Korean sentence, so it stays short.
    pub(crate) fn broken(detail: impl Into<String>) -> Self {
        ReadError::Broken {
            detail: detail.into(),
        }
    }
}

/// Reads a résumé or 자기소개서 file: TXT (UTF-8, UTF-16 with a byte-order
/// mark, CP949), DOCX, HWPX or a PDF with a text layer.
///
/// `file_name` is only a hint, used when the bytes do not tell (plain text)
/// or to say "broken" rather than "unknown" when a `.docx` is not a zip.
/// Paragraphs come back trimmed and never empty; table cells trimmed, rows
/// with no text dropped.
pub fn read_document(file_name: &str, bytes: &[u8]) -> Result<Document, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: MAX_BYTES,
        });
    }
    let (format, blocks) = guarded(|| {
        let format = detect::detect(file_name, bytes)?;
        let blocks = match format {
            Format::Text => text::read(bytes)?,
            Format::Docx => docx::read(bytes)?,
            Format::Hwpx => hwpx::read(bytes)?,
            Format::Pdf => pdf::read(bytes)?,
            Format::Hwp => return Err(ReadError::HwpUnsupported),
        };
        Ok((format, blocks))
    })?;
    let blocks = tidy(blocks);
    if !blocks.iter().any(has_letters) {
        return Err(ReadError::NoText);
    }
    Ok(Document { format, blocks })
}

/// Runs a parser so that a panic inside it (a bug in a third-party parser
/// meeting a hostile file) becomes [`ReadError::Broken`] instead of taking
/// the desk down.
///
/// `AssertUnwindSafe` is sound here: the closure only reads `bytes` and
/// builds fresh values, and everything it built is dropped with the panic.
fn guarded<T>(parse: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    catch_unwind(AssertUnwindSafe(parse))
        .unwrap_or_else(|_| Err(ReadError::broken("파일을 해석하다 멈췄습니다")))
}

/// Trims text, splits paragraphs at line breaks, drops control characters,
/// empty paragraphs, empty rows and empty tables.
fn tidy(blocks: Vec<Block>) -> Vec<Block> {
    let mut tidied = Vec::with_capacity(blocks.len());
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                for line in clean(&text).lines() {
                    let line = line.trim();
                    if !line.is_empty() {
                        tidied.push(Block::Paragraph(line.to_owned()));
                    }
                }
            }
            Block::Table(rows) => {
                let rows: Vec<Vec<String>> = rows
                    .into_iter()
                    .map(|row| row.iter().map(|cell| tidy_cell(cell)).collect())
                    .filter(|row: &Vec<String>| row.iter().any(|cell| !cell.is_empty()))
                    .collect();
                if !rows.is_empty() {
                    tidied.push(Block::Table(rows));
                }
            }
        }
    }
    tidied
}

/// A cell's lines, each trimmed, empty ones dropped, joined by '\n'.
fn tidy_cell(cell: &str) -> String {
    clean(cell)
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Drops control characters other than tab and line feed (a stray NUL or
/// form feed from a converter is not text) and makes '\r\n' and '\r' line
/// feeds.
fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter(|&c| c == '\t' || c == '\n' || !c.is_control())
        .collect()
}

/// Whether the block holds a letter of any script (Hangul, Latin, Hanja …):
/// a block of digits, punctuation and spaces alone says nothing a counselor
/// can use.
fn has_letters(block: &Block) -> bool {
    match block {
        Block::Paragraph(text) => text.chars().any(char::is_alphabetic),
        Block::Table(rows) => rows
            .iter()
            .flatten()
            .any(|cell| cell.chars().any(char::is_alphabetic)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_parser_is_reported_as_broken() {
        let result: Result<(), ReadError> = guarded(|| panic!("a parser bug"));
        assert!(
            matches!(result, Err(ReadError::Broken { .. })),
            "a panic must come back as a broken file, not unwind into the desk: {result:?}"
        );
    }

    #[test]
    fn tidy_trims_splits_and_drops_empties() {
        let blocks = vec![
            Block::Paragraph("  이름: 김도약 \r\n\r\n 연락처 \u{0} ".into()),
            Block::Paragraph(" \t ".into()),
            Block::Table(vec![
                vec![" 입학 ".into(), "2010.03\n\n 서울고 ".into()],
                vec![" ".into(), String::new()],
            ]),
            Block::Table(vec![vec![" ".into()]]),
        ];
        assert_eq!(
            tidy(blocks),
            vec![
                Block::Paragraph("이름: 김도약".into()),
                Block::Paragraph("연락처".into()),
                Block::Table(vec![vec!["입학".into(), "2010.03\n서울고".into()]]),
            ],
            "a line break splits a paragraph, NUL is dropped, blank rows and tables vanish"
        );
    }

    #[test]
    fn digits_and_punctuation_are_not_letters() {
        assert!(!has_letters(&Block::Paragraph("2019.05 - 010-1234".into())));
        assert!(has_letters(&Block::Paragraph("지게차".into())));
        assert!(has_letters(&Block::Table(vec![vec![
            "1".into(),
            "A".into()
        ]])));
    }
}
