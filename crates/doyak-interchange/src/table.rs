//! The table a file is read into: headers, rows of strings with the line each
//! came from, and the lines that could not be used.

/// Which kind of file the bytes were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Comma-, tab- or semicolon-separated text.
    Csv,
    /// An Office Open XML workbook (a zip archive).
    Xlsx,
}

/// The text encoding a CSV file was detected in.
///
/// Reported so the UI can say what it read, and so a counselor whose file came
/// out garbled knows which encoding was assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceEncoding {
    /// UTF-8 without a byte-order mark. Also reported for XLSX, whose XML is
    /// always Unicode.
    Utf8,
    /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes it.
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark: Excel's "유니코드 텍스트".
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// CP949 (EUC-KR and its Windows extension): what Korean Excel writes for
    /// plain "CSV (쉼표로 분리)".
    Cp949,
}

/// A file read into strings. The use-case layer maps the headers to fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Column names from the first non-blank row, trimmed.
    pub headers: Vec<String>,
    /// The usable rows, in file order; each has exactly `headers.len()` cells.
    pub rows: Vec<Row>,
    /// Rows that could not be used at all, in file order. They are not in `rows`.
    pub problems: Vec<LineProblem>,
    /// The file's format.
    pub format: Format,
    /// The detected text encoding ([`SourceEncoding::Utf8`] for XLSX).
    pub encoding: SourceEncoding,
}

/// One usable row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line the counselor sees: for CSV the physical line where the
    /// record starts (a quoted cell may span several lines), for XLSX the sheet
    /// row number.
    pub line: usize,
    /// One string per header, untrimmed; an empty cell is `""`.
    pub cells: Vec<String>,
}

/// A row that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line, counted like [`Row::line`].
    pub line: usize,
    /// 1-based column, when one cell is to blame.
    pub column: Option<usize>,
    /// What is wrong, in Korean, for the counselor.
    pub reason: String,
}

/// True when every cell is empty or whitespace: such rows are skipped silently,
/// since Excel leaves them behind (e.g. `,,,,` after formatted but empty rows).
pub(crate) fn is_blank<S: AsRef<str>>(cells: &[S]) -> bool {
    cells.iter().all(|cell| cell.as_ref().trim().is_empty())
}

/// Excel's name for a 1-based column: 1 → "A", 27 → "AA".
pub(crate) fn column_name(column: usize) -> String {
    let mut name = Vec::new();
    let mut rest = column;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        // digit < 26, so the cast cannot truncate.
        name.push(char::from(b'A' + digit as u8));
        rest = (rest - 1) / 26;
    }
    name.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_follow_excel() {
        assert_eq!(column_name(1), "A", "the first column is A");
        assert_eq!(column_name(26), "Z", "26 letters before wrapping");
        assert_eq!(
            column_name(27),
            "AA",
            "after Z comes AA, not BA: the digits have no zero"
        );
        assert_eq!(column_name(16_384), "XFD", "Excel's last column is XFD");
    }

    #[test]
    fn whitespace_only_rows_count_as_blank() {
        assert!(
            is_blank(&["", " ", "\t"]),
            "cells holding only whitespace carry no data"
        );
        assert!(!is_blank(&["", "0"]), "a zero is data");
        assert!(is_blank::<&str>(&[]), "a row without cells is blank");
    }
}
