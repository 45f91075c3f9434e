//! Reads the first worksheet of an XLSX workbook into a table of strings.
//!
//! Cells are streamed with calamine's cell reader rather than loaded as a
//! dense range: a range is allocated as rows × columns, so one stray cell at
//! `XFD1048576` would ask for billions of cells and abort the process. Here
//! memory follows the cells that exist.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, ExcelDateTime, Reader, Sheet, SheetType, SheetVisible, Xlsx, XlsxError};

use crate::table::column_name;
use crate::{Format, LineProblem, ReadError, Row, SourceEncoding, Table};

/// A cell converted for the table.
#[derive(Debug)]
enum Value {
    Text(String),
    /// An error value such as `#N/A`, which makes its row unusable.
    Error(String),
}

impl Value {
    fn is_blank(&self) -> bool {
        match self {
            Value::Text(text) => text.trim().is_empty(),
            Value::Error(_) => false,
        }
    }
}

/// Reads the first visible worksheet (or the first worksheet, if all are
/// hidden). Its first non-blank row is the header; the header's first and last
/// non-blank cells bound the columns.
pub(crate) fn read_xlsx(bytes: &[u8]) -> Result<Table, ReadError> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet = first_worksheet(workbook.sheets_metadata()).ok_or_else(|| ReadError::Xlsx {
        reason: NOT_A_WORKBOOK.to_owned(),
        source: None,
    })?;

    // Sheet rows in order; within a row, (0-based column, value).
    let mut sheet_rows: BTreeMap<u32, Vec<(u32, Value)>> = BTreeMap::new();
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(unreadable)?;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            value => convert(value),
        };
        let (row, column) = cell.get_position();
        sheet_rows.entry(row).or_default().push((column, value));
    }
    drop(cells);

    let mut nonblank_rows = sheet_rows
        .into_iter()
        .filter(|(_, cells)| !cells.iter().all(|(_, value)| value.is_blank()));
    let Some((_, header_cells)) = nonblank_rows.next() else {
        return Err(ReadError::Empty);
    };
    let header_columns = header_cells
        .iter()
        .filter(|(_, value)| !value.is_blank())
        .map(|&(column, _)| column);
    // The filter above kept this row for having a non-blank cell.
    let first = header_columns.clone().min().unwrap_or(0);
    let last = header_columns.max().unwrap_or(0);
    let width = (last - first) as usize + 1;

    let mut headers = vec![String::new(); width];
    for (column, value) in header_cells {
        if let Some(header) = column
            .checked_sub(first)
            .and_then(|i| headers.get_mut(i as usize))
        {
            *header = match value {
                Value::Text(text) => text.trim().to_owned(),
                Value::Error(error) => error,
            };
        }
    }

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (row, mut cells) in nonblank_rows {
        let line = row as usize + 1;
        cells.sort_by_key(|&(column, _)| column);
        let mut out = vec![String::new(); width];
        let problems_before = problems.len();
        for (column, value) in cells {
            let number = column as usize + 1;
            let slot = column
                .checked_sub(first)
                .and_then(|i| out.get_mut(i as usize));
            let reason = match (value, slot) {
                (Value::Text(text), Some(slot)) => {
                    *slot = text;
                    continue;
                }
                (Value::Text(text), None) if text.trim().is_empty() => continue,
                (Value::Text(_), None) => format!(
                    "머리글이 없는 {}열에 값이 있습니다. 머리글을 붙이거나 값을 지워 주세요.",
                    column_name(number)
                ),
                (Value::Error(error), _) => format!(
                    "{}열 값이 오류({error})입니다. Excel에서 수식을 고치거나 값을 지워 주세요.",
                    column_name(number)
                ),
            };
            problems.push(LineProblem {
                line,
                column: Some(number),
                reason,
            });
        }
        if problems.len() == problems_before {
            rows.push(Row { line, cells: out });
        }
    }
    Ok(Table {
        headers,
        rows,
        problems,
        format: Format::Xlsx,
        encoding: SourceEncoding::Utf8,
    })
}

fn first_worksheet(sheets: &[Sheet]) -> Option<String> {
    let worksheets = || {
        sheets
            .iter()
            .filter(|sheet| sheet.typ == SheetType::WorkSheet)
    };
    worksheets()
        .find(|sheet| sheet.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
        .map(|sheet| sheet.name.clone())
}

/// For a zip that opens but holds no worksheet: most likely another format
/// zipped the same way (ODS from LibreOffice, a Word file, a renamed archive).
const NOT_A_WORKBOOK: &str = "파일에서 워크시트를 찾을 수 없습니다. Excel 통합 문서가 아닌 \
     압축 파일(ODS 등)이라면 Excel이나 한셀에서 'Excel 통합 문서(.xlsx)'로 다시 저장해 주세요.";

fn unreadable(error: XlsxError) -> ReadError {
    let reason = match error {
        XlsxError::Password => {
            "암호가 걸린 XLSX 파일입니다. Excel에서 암호를 풀고 다시 저장해 주세요."
        }
        XlsxError::RelationshipNotFound
        | XlsxError::FileNotFound(_)
        | XlsxError::WorksheetNotFound(_) => NOT_A_WORKBOOK,
        _ => {
            "XLSX 파일이 손상되었거나 잘렸습니다. Excel에서 열리는지 확인하고, \
             열리면 'Excel 통합 문서(.xlsx)'로 다시 저장해 주세요."
        }
    };
    ReadError::Xlsx {
        reason: reason.to_owned(),
        source: Some(error),
    }
}

fn convert(value: &DataRef<'_>) -> Value {
    Value::Text(match value {
        DataRef::Int(int) => int.to_string(),
        DataRef::Float(float) => number(*float),
        DataRef::String(text) => text.clone(),
        DataRef::SharedString(text) => (*text).to_owned(),
        DataRef::Bool(true) => "true".to_owned(),
        DataRef::Bool(false) => "false".to_owned(),
        DataRef::DateTime(datetime) => date_time(datetime),
        DataRef::DateTimeIso(text) => text.replacen('T', " ", 1),
        DataRef::DurationIso(text) => text.clone(),
        DataRef::Error(error) => return Value::Error(error.to_string()),
        DataRef::Empty => String::new(),
    })
}

/// A number as Excel shows it: at most 15 significant digits, which drops the
/// binary noise of formulas (`=0.1*3` is stored as 0.30000000000000004), then
/// the shortest form: 3000000 rather than 3000000.0 or 3e6.
fn number(value: f64) -> String {
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    if rounded == 0.0 {
        // Also turns -0 into 0.
        "0".to_owned()
    } else {
        rounded.to_string()
    }
}

/// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` with a time part, `HH:MM:SS` for a
/// time of day alone and `H:MM:SS` (hours unbounded) for a duration.
fn date_time(value: &ExcelDateTime) -> String {
    let serial = value.as_f64();
    if value.is_duration() {
        // Whole seconds fit an i64 for any duration Excel can store.
        let seconds = (serial * 86_400.0).round() as i64;
        let sign = if seconds < 0 { "-" } else { "" };
        let seconds = seconds.unsigned_abs();
        return format!(
            "{sign}{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
    }
    let (year, month, day, hour, minute, second, _milli) = value.to_ymd_hms_milli();
    if (0.0..1.0).contains(&serial) {
        format!("{hour:02}:{minute:02}:{second:02}")
    } else if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    }
}

#[cfg(test)]
mod tests {
    use calamine::ExcelDateTimeType;

    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number(3_000_000.0), "3000000", "whole numbers lose the .0");
        assert_eq!(
            number(0.1 * 3.0),
            "0.3",
            "formula noise beyond 15 digits is dropped"
        );
        assert_eq!(number(-2.5), "-2.5", "fractions stay");
        assert_eq!(
            number(-0.0),
            "0",
            "negative zero is just zero to a counselor"
        );
        assert_eq!(
            number(1.0e20),
            "100000000000000000000",
            "no exponent notation"
        );
    }

    #[test]
    fn dates_and_times_read_as_iso() {
        let at = |serial, kind| date_time(&ExcelDateTime::new(serial, kind, false));
        assert_eq!(
            at(45_352.0, ExcelDateTimeType::DateTime),
            "2024-03-01",
            "serial 45352 is 2024-03-01"
        );
        assert_eq!(
            at(45_352.395_833_333_3, ExcelDateTimeType::DateTime),
            "2024-03-01 09:30:00",
            "0.3958333 of a day is 09:30"
        );
        assert_eq!(
            at(0.75, ExcelDateTimeType::DateTime),
            "18:00:00",
            "a time of day has no date"
        );
        assert_eq!(
            at(1.5, ExcelDateTimeType::TimeDelta),
            "36:00:00",
            "durations count hours past 24"
        );
    }
}
