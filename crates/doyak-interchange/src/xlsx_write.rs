//! Writes a table as an XLSX workbook a counselor can filter and read at once:
//! bold frozen header, autofilter, columns sized for Hangul, every cell text.

use rust_xlsxwriter::{Format, Workbook};

use crate::WriteError;

/// Excel's rows per sheet, the header row included.
const MAX_ROWS: usize = 1_048_576;
/// Excel's columns per sheet.
const MAX_COLUMNS: usize = 16_384;
/// Excel's characters per cell, counted in UTF-16 code units.
const MAX_CELL_LENGTH: usize = 32_767;
/// Column widths in Excel's units (about one Latin digit each).
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// Writes one sheet named after `sheet_name` with `headers` in row 1 and
/// `rows` below.
///
/// Every cell is written as a string in a text-formatted column, so
/// `010-1234-5678` and `00123` keep their leading zeros and nothing is read
/// as a date, even in rows the counselor types later. Empty cells stay blank.
/// The header row is bold, frozen and carries an autofilter.
///
/// `sheet_name` is made acceptable to Excel rather than refused: `[]:*?/\`
/// become `_`, apostrophes at either end are dropped, it is cut to 31
/// characters, and an empty name becomes "Sheet1".
pub fn write_xlsx(
    sheet_name: &str,
    headers: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, WriteError> {
    check_limits(headers, rows)?;

    let mut workbook = Workbook::new();
    let header_format = Format::new().set_bold();
    let text_format = Format::new().set_num_format("@");
    let worksheet = workbook.add_worksheet();
    worksheet
        .set_name(excel_sheet_name(sheet_name))
        .map_err(xlsx)?;

    let columns = headers
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    for column in 0..columns {
        let widest = std::iter::once(headers)
            .chain(rows.iter().map(Vec::as_slice))
            .filter_map(|row| row.get(column))
            .map(|cell| display_width(cell))
            .max()
            .unwrap_or(0);
        worksheet
            .set_column_width(column_number(column), column_width(widest))
            .map_err(xlsx)?;
        worksheet
            .set_column_format(column_number(column), &text_format)
            .map_err(xlsx)?;
    }

    for (column, header) in headers.iter().enumerate() {
        worksheet
            .write_string_with_format(0, column_number(column), header, &header_format)
            .map_err(xlsx)?;
    }
    for (index, row) in rows.iter().enumerate() {
        for (column, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                worksheet
                    .write_string_with_format(
                        row_number(index + 1),
                        column_number(column),
                        cell,
                        &text_format,
                    )
                    .map_err(xlsx)?;
            }
        }
    }

    freeze_and_filter(worksheet, headers.len(), rows.len())?;
    workbook.save_to_buffer().map_err(xlsx)
}

/// A column's width for its widest cell: bold text and the autofilter
/// button need a little more room. At most MAX_WIDTH, exactly
/// representable as f64.
fn column_width(widest: usize) -> f64 {
    (widest + 3).clamp(MIN_WIDTH, MAX_WIDTH) as f64
}

/// The header row frozen and filtered over the rows below it.
fn freeze_and_filter(
    worksheet: &mut rust_xlsxwriter::Worksheet,
    columns: usize,
    rows: usize,
) -> Result<(), WriteError> {
    if columns > 0 {
        worksheet.set_freeze_panes(1, 0).map_err(xlsx)?;
        worksheet
            .autofilter(0, 0, row_number(rows), column_number(columns - 1))
            .map_err(xlsx)?;
    }
    Ok(())
}

/// A cell of a report sheet: text, or a number shown with an Excel format
/// code ("#,##0", `0.0"%"`), so the counselor can sum and sort it.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportCell {
    Blank,
    Text(String),
    Number { value: f64, format: &'static str },
}

/// One sheet of a report workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportSheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<ReportCell>>,
}

/// Writes a workbook of report sheets: numbers as numbers with their
/// formats, the header row bold, frozen and filtered, columns sized for
/// Hangul. Sheet names are made acceptable to Excel as for [`write_xlsx`]
/// (and kept distinct).
pub fn write_report_xlsx(sheets: &[ReportSheet]) -> Result<Vec<u8>, WriteError> {
    let mut workbook = Workbook::new();
    let header_format = Format::new().set_bold();
    let mut names: Vec<String> = Vec::new();
    for sheet in sheets {
        let text_rows: Vec<Vec<String>> = sheet
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        ReportCell::Text(t) => t.clone(),
                        _ => String::new(),
                    })
                    .collect()
            })
            .collect();
        check_limits(&sheet.headers, &text_rows)?;
        let mut name = excel_sheet_name(&sheet.name);
        let base = name.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = excel_sheet_name(&format!("{base} ({n})"));
            n += 1;
        }
        names.push(name.clone());
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name).map_err(xlsx)?;
        for (column, header) in sheet.headers.iter().enumerate() {
            let widest = std::iter::once(display_width(header))
                .chain(sheet.rows.iter().filter_map(|r| match r.get(column) {
                    Some(ReportCell::Text(t)) => Some(display_width(t)),
                    Some(ReportCell::Number { .. }) => Some(12),
                    _ => None,
                }))
                .max()
                .unwrap_or(0);
            worksheet
                .set_column_width(column_number(column), column_width(widest))
                .map_err(xlsx)?;
            worksheet
                .write_string_with_format(0, column_number(column), header, &header_format)
                .map_err(xlsx)?;
        }
        for (index, row) in sheet.rows.iter().enumerate() {
            for (column, cell) in row.iter().enumerate() {
                let (r, c) = (row_number(index + 1), column_number(column));
                match cell {
                    ReportCell::Blank => {}
                    ReportCell::Text(t) => {
                        worksheet.write_string(r, c, t).map_err(xlsx)?;
                    }
                    ReportCell::Number { value, format } => {
                        let f = Format::new().set_num_format(*format);
                        worksheet
                            .write_number_with_format(r, c, *value, &f)
                            .map_err(xlsx)?;
                    }
                }
            }
        }
        freeze_and_filter(worksheet, sheet.headers.len(), sheet.rows.len())?;
    }
    if sheets.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer().map_err(xlsx)
}

/// Refuses, with a counselor-readable error, what Excel cannot hold.
fn check_limits(headers: &[String], rows: &[Vec<String>]) -> Result<(), WriteError> {
    if rows.len() + 1 > MAX_ROWS {
        return Err(WriteError::TooManyRows {
            rows: rows.len() + 1,
            limit: MAX_ROWS,
        });
    }
    let columns = headers
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    if columns > MAX_COLUMNS {
        return Err(WriteError::TooManyColumns {
            columns,
            limit: MAX_COLUMNS,
        });
    }
    for (index, row) in std::iter::once(headers)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        for (column, cell) in row.iter().enumerate() {
            // Only long cells can be over; skip counting UTF-16 for the rest.
            if cell.len() > MAX_CELL_LENGTH {
                let length = cell.encode_utf16().count();
                if length > MAX_CELL_LENGTH {
                    return Err(WriteError::CellTooLong {
                        row: index + 1,
                        column: column + 1,
                        length,
                        limit: MAX_CELL_LENGTH,
                    });
                }
            }
        }
    }
    Ok(())
}

/// Row index as rust_xlsxwriter wants it; `check_limits` keeps it in range.
fn row_number(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Column index as rust_xlsxwriter wants it; `check_limits` keeps it in range.
fn column_number(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

fn xlsx(source: rust_xlsxwriter::XlsxError) -> WriteError {
    WriteError::Xlsx { source }
}

/// A name Excel accepts, kept as close to `name` as possible.
fn excel_sheet_name(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut out = String::new();
    let mut length = 0;
    for c in replaced.trim_matches('\'').chars() {
        length += c.len_utf16();
        if length > 31 {
            break;
        }
        out.push(c);
    }
    // Cutting may leave an apostrophe at the end again.
    let out = out.trim_end_matches('\'');
    if out.trim().is_empty() {
        "Sheet1".to_owned()
    } else {
        out.to_owned()
    }
}

/// Width of the longest line of a cell, counting East Asian wide characters
/// (Hangul, CJK, full-width forms) as two.
fn display_width(cell: &str) -> usize {
    cell.lines()
        .map(|line| line.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum())
        .max()
        .unwrap_or(0)
}

fn is_wide(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x115F       // Hangul Jamo initials
        | 0x2E80..=0xA4CF     // CJK radicals … Yi, incl. Hangul compatibility jamo
        | 0xAC00..=0xD7A3     // Hangul syllables
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0xFE30..=0xFE4F     // CJK compatibility forms
        | 0xFF00..=0xFF60     // full-width forms
        | 0xFFE0..=0xFFE6     // full-width signs
        | 0x2_0000..=0x3_FFFD // CJK extensions
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_counts_double_width() {
        assert_eq!(
            display_width("김민준"),
            6,
            "three syllables take the room of six digits"
        );
        assert_eq!(display_width("010-1234"), 8, "ASCII is one each");
        assert_eq!(
            display_width("짧음\n조금 더 긴 줄"),
            13,
            "the longest line decides"
        );
    }

    #[test]
    fn sheet_names_are_made_acceptable_not_refused() {
        assert_eq!(
            excel_sheet_name("구직자 목록"),
            "구직자 목록",
            "a valid name is kept"
        );
        assert_eq!(
            excel_sheet_name("2024/03 [상담]"),
            "2024_03 _상담_",
            "reserved characters become _"
        );
        assert_eq!(
            excel_sheet_name("'따옴표'"),
            "따옴표",
            "Excel refuses apostrophes at the ends"
        );
        assert_eq!(
            excel_sheet_name("  "),
            "Sheet1",
            "a blank name gets Excel's default"
        );
        assert_eq!(
            excel_sheet_name(&"가".repeat(40)).chars().count(),
            31,
            "Excel allows 31 characters"
        );
    }

    #[test]
    fn limits_are_reported_before_writing() {
        let long = vec![vec!["x".repeat(MAX_CELL_LENGTH + 1)]];
        let error = write_xlsx("s", &["a".to_owned()], &long).expect_err("too long for a cell");
        assert!(
            matches!(
                error,
                WriteError::CellTooLong {
                    row: 2,
                    column: 1,
                    ..
                }
            ),
            "the first data row is sheet row 2: {error:?}"
        );
        let wide = vec!["h".to_owned(); MAX_COLUMNS + 1];
        let error = write_xlsx("s", &wide, &[]).expect_err("too wide for a sheet");
        assert!(
            matches!(error, WriteError::TooManyColumns { .. }),
            "16,385 columns: {error:?}"
        );
    }
}
