//! Bytes of a file a seeker brought → text blocks, or a Korean error.
//!
//! Never a guess: a file with no text (a scanned PDF), an encrypted or
//! broken one, or one over [`MAX_BYTES`] is refused with a [`ReadError`]
//! that says so. A parser that panics is caught and reported as broken, so
//! one bad file cannot take the desk down.

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
    #[error("파일에 글자가 없습니다. 스캔한 문서라면 글자를 직접 입력하거나 한글·워드에서 저장한 파일을 받아 주세요.")]
    NoText,
    #[error("암호가 걸린 파일입니다. 암호를 풀어 다시 저장한 파일을 받아 주세요.")]
    Encrypted,
    #[error("파일이 손상되어 읽을 수 없습니다 ({detail}).")]
    Broken { detail: String },
    #[error("글자 인코딩을 알 수 없습니다 ({line}번째 줄). UTF-8이나 CP949로 저장해 주세요.")]
    UnknownEncoding { line: usize },
}
