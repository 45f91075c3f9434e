//! The ways reading or writing a table can fail, each with a Korean message a
//! counselor can act on and a stable code the UI can switch on.
//!
//! A row that cannot be used is not an error: it is a [`crate::LineProblem`] in
//! the table, so one bad line never hides the other thousand.

use doyak_domain::ErrorCode;

/// Why a file could not be read as a table at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// No bytes, or nothing but blank lines: there is no header to read.
    #[error(
        "파일에 내용이 없습니다. 첫 줄에 열 이름(머리글)이 있는 CSV 또는 XLSX 파일을 골라 주세요."
    )]
    Empty,

    /// The input is larger than the reader accepts (see [`crate::MAX_INPUT_BYTES`]).
    #[error(
        "파일이 너무 큽니다({}). {} 이하가 되도록 여러 파일로 나누어 주세요.",
        human_size(*size),
        human_size(*limit)
    )]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The largest accepted size in bytes.
        limit: usize,
    },

    /// The bytes are neither UTF-8, UTF-16 with a byte-order mark, nor CP949.
    #[error(
        "{line}번째 줄에 읽을 수 없는 글자가 있어 파일의 문자 인코딩을 알 수 없습니다. \
         Excel에서 'CSV UTF-8(쉼표로 분리)' 형식으로 다시 저장해 주세요."
    )]
    UnknownEncoding {
        /// 1-based line of the first byte that no supported encoding accepts.
        line: usize,
    },

    /// The CSV text is malformed so badly that the lines after `line` cannot
    /// be trusted (e.g. a quote that never closes swallows the rest of the file).
    #[error("CSV 파일 {line}번째 줄을 읽을 수 없습니다: {reason}")]
    Csv {
        /// 1-based line where the problem starts.
        line: usize,
        /// What is wrong, in Korean, with what to check.
        reason: String,
    },

    /// An XLSX file that calamine cannot open: truncated, corrupt, or not a
    /// workbook at all.
    #[error("{reason}")]
    Xlsx {
        /// What is wrong, in Korean, with what to do.
        reason: String,
        /// The parser's own error, for the log; absent when the workbook opened
        /// but has nothing we can read (no worksheet).
        #[source]
        source: Option<calamine::XlsxError>,
    },

    /// An OLE2 compound file: a legacy `.xls` workbook or an encrypted
    /// (password-protected) `.xlsx`, which Excel stores in the same container.
    #[error(
        "예전 Excel 형식(.xls)이거나 암호가 걸린 Excel 파일은 읽을 수 없습니다. \
         Excel에서 열어 암호를 풀고 'Excel 통합 문서(.xlsx)' 또는 'CSV UTF-8' 형식으로 다시 저장해 주세요."
    )]
    LegacyExcel,
}

impl ReadError {
    /// A stable code for the UI and scripts; the message may change, this may not.
    pub fn code(&self) -> ErrorCode {
        match self {
            ReadError::Empty => ErrorCode::InterchangeEmpty,
            ReadError::TooLarge { .. } => ErrorCode::InterchangeTooLarge,
            ReadError::UnknownEncoding { .. } => ErrorCode::InterchangeUnknownEncoding,
            ReadError::Csv { .. } => ErrorCode::InterchangeMalformedCsv,
            ReadError::Xlsx { .. } => ErrorCode::InterchangeMalformedXlsx,
            ReadError::LegacyExcel => ErrorCode::InterchangeLegacyExcel,
        }
    }
}

/// Why a table could not be written as XLSX. Writing CSV cannot fail.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Excel cannot show more rows than this on one sheet.
    #[error(
        "행이 {rows}개라 Excel 한 시트에 담을 수 없습니다(최대 {limit}개). 조건을 좁혀 나누어 내보내 주세요."
    )]
    TooManyRows {
        /// Rows asked for, the header row included.
        rows: usize,
        /// The most rows one sheet holds, the header row included.
        limit: usize,
    },

    /// Excel cannot show more columns than this on one sheet.
    #[error("열이 {columns}개라 Excel 한 시트에 담을 수 없습니다(최대 {limit}개).")]
    TooManyColumns {
        /// Columns asked for.
        columns: usize,
        /// The most columns one sheet holds.
        limit: usize,
    },

    /// Excel cannot hold more than 32,767 characters in one cell.
    #[error(
        "{row}행 {column}열의 내용이 너무 깁니다({length}자). Excel 셀에는 {limit}자까지만 들어갑니다."
    )]
    CellTooLong {
        /// 1-based sheet row (the header is row 1).
        row: usize,
        /// 1-based column.
        column: usize,
        /// Length of the cell in UTF-16 code units, as Excel counts.
        length: usize,
        /// The most UTF-16 code units one cell holds.
        limit: usize,
    },

    /// The XLSX writer failed for a reason the checks above did not foresee.
    #[error("XLSX 파일을 만들지 못했습니다. CSV로 내보내 보시고, 계속되면 담당자에게 알려 주세요.")]
    Xlsx {
        /// The writer's own error, for the log.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
}

impl WriteError {
    /// A stable code for the UI and scripts; the message may change, this may not.
    pub fn code(&self) -> ErrorCode {
        match self {
            WriteError::TooManyRows { .. } => ErrorCode::InterchangeTooManyRows,
            WriteError::TooManyColumns { .. } => ErrorCode::InterchangeTooManyColumns,
            WriteError::CellTooLong { .. } => ErrorCode::InterchangeCellTooLong,
            WriteError::Xlsx { .. } => ErrorCode::InterchangeXlsxWrite,
        }
    }
}

/// A size a counselor reads at a glance: "312.5 MB", "12.0 KB", "900 바이트".
fn human_size(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    // Precision loss is irrelevant at one decimal place.
    let value = bytes as f64;
    if bytes >= MIB {
        format!("{:.1} MB", value / MIB as f64)
    } else if bytes >= KIB {
        format!("{:.1} KB", value / KIB as f64)
    } else {
        format!("{bytes} 바이트")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_threads_so_the_shell_can_return_them_from_async_commands() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<ReadError>();
        assert_send_sync::<WriteError>();
    }

    #[test]
    fn sizes_read_in_the_largest_sensible_unit() {
        assert_eq!(
            human_size(900),
            "900 바이트",
            "under 1 KB the exact count is clearest"
        );
        assert_eq!(human_size(12 * 1024), "12.0 KB", "12 KiB is shown in KB");
        assert_eq!(
            human_size(256 * 1024 * 1024),
            "256.0 MB",
            "the default limit must read as 256 MB"
        );
    }

    #[test]
    fn every_read_error_has_a_distinct_namespaced_code() {
        let errors = [
            ReadError::Empty,
            ReadError::TooLarge { size: 2, limit: 1 },
            ReadError::UnknownEncoding { line: 1 },
            ReadError::Csv {
                line: 1,
                reason: String::new(),
            },
            ReadError::Xlsx {
                reason: String::new(),
                source: None,
            },
            ReadError::LegacyExcel,
        ];
        let mut codes: Vec<_> = errors.iter().map(ReadError::code).collect();
        assert!(
            codes
                .iter()
                .all(|code| code.as_str().starts_with("interchange.")),
            "codes are namespaced by crate so the UI can route them: {codes:?}"
        );
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(
            codes.len(),
            errors.len(),
            "the UI switches on codes, so no two variants may share one"
        );
    }
}
