//! Writes a table as the CSV Korean Excel opens cleanly: UTF-8 with a
//! byte-order mark, commas, CRLF, quoting only where needed, and the formula
//! guard (see `guard.rs`).

use crate::guard::guard;

/// Writes `headers` and `rows` as CSV.
///
/// - UTF-8 **with** a byte-order mark: without it Korean Excel assumes CP949
///   and shows Hangul as mojibake.
/// - Comma-separated, CRLF line ends; a cell is quoted (with `"` doubled) when
///   it holds a comma, a quote, CR or LF.
/// - Formula-injection guard: a cell starting with `=`, `+`, `-`, `@`, tab or
///   CR gets a leading `'`, so Excel shows it instead of running it. Exempt
///   are cells starting with `+` or `-` made only of digits, `+`, `-`, `.`,
///   `,`, spaces and parentheses (`-5`, `-1,000.5`, `+82 (10) 1234-5678`):
///   without letters they can neither call a function nor refer to a cell.
///   A cell that already looks guarded (`'=x`) gets one more `'`, so that
///   [`crate::read_table`], which strips exactly one `'` from such cells,
///   gives back every value as it was.
///
/// Rows are written as given: a row with more or fewer cells than `headers`
/// comes back from [`crate::read_table`] as a [`crate::LineProblem`]. A row
/// whose cells are all empty is skipped on reading, like any blank line.
pub fn write_csv(headers: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    write_record(&mut out, headers);
    for row in rows {
        write_record(&mut out, row);
    }
    out.into_bytes()
}

fn write_record(out: &mut String, cells: &[String]) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let cell = guard(cell);
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|&cell| cell.to_owned()).collect()
    }

    #[test]
    fn output_is_what_korean_excel_expects() {
        let bytes = write_csv(
            &strings(&["성명", "메모"]),
            &[
                strings(&["김민준", "쉼표, \"따옴표\"\n줄바꿈"]),
                strings(&["이서연", "=1+1"]),
            ],
        );
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "the BOM makes Korean Excel read UTF-8"
        );
        let text = String::from_utf8(bytes).expect("UTF-8");
        expect![[r#"
            "\u{feff}성명,메모\r\n김민준,\"쉼표, \"\"따옴표\"\"\n줄바꿈\"\r\n이서연,'=1+1\r\n"
        "#]]
        .assert_eq(&format!("{text:?}\n"));
    }
}
