//! Reads and writes the tables counselors exchange — CSV as Korean Excel writes
//! it, and XLSX — without knowing any domain type.
//!
//! [`read_table`] turns bytes into headers and rows of strings, each row with
//! the line a counselor would look for in the file; [`write_csv`] and
//! [`write_xlsx`] turn headers and rows back into bytes. The use-case layer
//! maps header names to domain fields.
//!
//! # Invariants
//!
//! - **No IO.** Bytes in, bytes out; the caller opens and saves files, so every
//!   test runs in memory.
//! - **No panics on input.** Any byte sequence — truncated zips, flipped bytes,
//!   unclosed quotes, unknown encodings — gives a [`Table`] or a [`ReadError`].
//! - **Whole-file errors vs line problems.** [`ReadError`] means nothing could
//!   be read. A row that cannot be used is a [`LineProblem`] beside the good
//!   rows, so one bad line never hides the rest. Blank rows are neither.
//! - **Round trip.** `read_table(write_csv(h, r))` and
//!   `read_table(write_xlsx(_, h, r)?)` give back `h` (trimmed) and `r`,
//!   except rows whose cells are all blank.
//! - **Strings only.** Cells are never parsed into numbers or dates here:
//!   `010-1234-5678` and `00123` keep their leading zeros.

mod csv_read;
mod csv_write;
mod decode;
mod error;
mod guard;
mod jsonl;
mod table;
mod xlsx_read;
mod xlsx_write;

pub use csv_write::write_csv;
pub use error::{ReadError, WriteError};
pub use jsonl::{JsonlError, JsonlKind, JsonlProblem, MAX_REPORTED_LINES, read_jsonl};
pub use table::{Format, LineProblem, Row, SourceEncoding, Table};
pub use xlsx_write::{ReportCell, ReportSheet, write_report_xlsx, write_xlsx};

/// Decodes a plain-text file the way CSV files are decoded: UTF-8 with or
/// without a byte-order mark, UTF-16 with one, or CP949 — never with U+FFFD
/// put in for bytes that fit none of them.
///
/// For the other readers of seekers' files (résumés saved as `.txt`), so that
/// every Doyak reader agrees on what a Korean text file is. Fails only with
/// [`ReadError::UnknownEncoding`], naming the first line that fits no encoding.
pub fn decode_text(bytes: &[u8]) -> Result<(String, SourceEncoding), ReadError> {
    let decoded = decode::decode(bytes)?;
    Ok((decoded.text.into_owned(), decoded.encoding))
}

/// The largest input [`read_table`] accepts: 256 MiB, far beyond any
/// counselor's export, and small enough that decoding and parsing it fit in
/// memory on an office PC.
///
/// For XLSX this bounds the compressed file only; what the worksheet inflates
/// to is not limited here.
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// Zip's local-file-header magic, which every XLSX starts with.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The OLE2 compound-file magic of legacy `.xls` and of encrypted `.xlsx`.
const OLE2_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl Format {
    /// XLSX if the bytes start like a zip archive, CSV otherwise. The file
    /// name is not consulted: counselors rename files, bytes do not lie.
    pub fn detect(bytes: &[u8]) -> Format {
        if bytes.starts_with(ZIP_MAGIC) {
            Format::Xlsx
        } else {
            Format::Csv
        }
    }
}

/// Reads a CSV or XLSX file into a table of strings.
///
/// The format is detected from the bytes ([`Format::detect`]); for CSV, the
/// encoding (UTF-8 with or without BOM, UTF-16 with BOM, CP949) and the
/// delimiter (comma, tab or semicolon) too. For XLSX, the first visible
/// worksheet is read. The first non-blank row is the header.
pub fn read_table(bytes: &[u8]) -> Result<Table, ReadError> {
    read_table_within(bytes, MAX_INPUT_BYTES)
}

/// [`read_table`] with the size limit as a parameter, so the guard can be
/// tested without allocating 256 MiB.
fn read_table_within(bytes: &[u8], limit: usize) -> Result<Table, ReadError> {
    if bytes.len() > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    if bytes.starts_with(OLE2_MAGIC) {
        return Err(ReadError::LegacyExcel);
    }
    match Format::detect(bytes) {
        Format::Xlsx => xlsx_read::read_xlsx(bytes),
        Format::Csv => csv_read::read_csv(decode::decode(bytes)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_over_the_limit_are_refused_before_any_work() {
        let bytes = b"a,b\n1,2\n";
        let error = read_table_within(bytes, 4).expect_err("8 bytes exceed a 4-byte limit");
        assert!(
            matches!(error, ReadError::TooLarge { size: 8, limit: 4 }),
            "the error names both sizes so the message can: {error:?}"
        );
        assert_eq!(
            error.code(),
            "interchange.too_large",
            "the UI switches on this code"
        );
        assert!(
            read_table_within(bytes, bytes.len()).is_ok(),
            "the limit itself is allowed: it is a maximum, not a bound to stay under"
        );
    }

    #[test]
    fn the_default_limit_is_256_mib() {
        assert_eq!(
            MAX_INPUT_BYTES, 268_435_456,
            "256 MiB, as promised to the use-case layer"
        );
    }

    #[test]
    fn format_is_detected_from_the_zip_magic_only() {
        assert_eq!(
            Format::detect(b"PK\x03\x04rest"),
            Format::Xlsx,
            "every XLSX is a zip"
        );
        assert_eq!(
            Format::detect(b"PK,x\n"),
            Format::Csv,
            "a header starting with PK is still CSV"
        );
        assert_eq!(
            Format::detect(b""),
            Format::Csv,
            "empty input goes to the CSV reader, which says so"
        );
    }

    #[test]
    fn legacy_excel_gets_its_own_advice() {
        let mut bytes = OLE2_MAGIC.to_vec();
        bytes.extend_from_slice(&[0; 64]);
        let error = read_table(&bytes).expect_err("OLE2 is not supported");
        assert!(
            matches!(error, ReadError::LegacyExcel),
            "an .xls must not be reported as an unknown text encoding: {error:?}"
        );
    }
}
