//! Export then import gives back what was exported, for both formats: the
//! promise that lets a counselor edit an export in Excel and bring it back.

use doyak_interchange::{Format, SourceEncoding, read_table, write_csv, write_xlsx};

use crate::strings;

fn headers() -> Vec<String> {
    strings(&["성명", "연락처", "메모", "수식처럼 보이는 값", "번호"])
}

/// Cells chosen to break naive writers: separators, quotes, line breaks,
/// leading zeros, formula triggers, apostrophes, surrounding spaces.
fn rows() -> Vec<Vec<String>> {
    [
        [
            "김민준",
            "010-1234-5678",
            "쉼표, 그리고 \"따옴표\"",
            "=HYPERLINK(\"http://x\")",
            "00123",
        ],
        [
            "이서연",
            "+82 10-9876-5432",
            "첫 줄\n둘째 줄",
            "@SUM(A1)",
            "-5",
        ],
        [
            "박지훈",
            "02)123-4567",
            "CRLF\r\n줄바꿈",
            "-2+3+cmd|' /C calc'!A0",
            "+82",
        ],
        ["최유진", "", "  앞뒤 공백  ", "'=이미 따옴표", "'-5"],
        ["정하늘", "0", "탭\t포함", "+SUM(1)", "1.50"],
        ["", "", "", "", "이름 없는 행"],
    ]
    .iter()
    .map(|row| strings(row))
    .collect()
}

fn cells_of(table: &doyak_interchange::Table) -> Vec<Vec<String>> {
    table.rows.iter().map(|row| row.cells.clone()).collect()
}

#[test]
fn csv_export_reads_back_unchanged() {
    let bytes = write_csv(&headers(), &rows());
    let table = read_table(&bytes).unwrap();
    assert_eq!(
        table.encoding,
        SourceEncoding::Utf8Bom,
        "the writer adds a BOM for Korean Excel"
    );
    assert_eq!(table.headers, headers(), "headers survive");
    assert_eq!(
        cells_of(&table),
        rows(),
        "every cell survives, guard and all"
    );
    assert!(
        table.problems.is_empty(),
        "a clean export has no problem lines: {:?}",
        table.problems
    );
    let lines: Vec<usize> = table.rows.iter().map(|row| row.line).collect();
    assert_eq!(
        lines,
        [2, 3, 5, 7, 8, 9],
        "rows 2 and 3 hold a line break each, pushing the later rows down a line apiece"
    );
}

#[test]
fn xlsx_export_reads_back_unchanged() {
    let bytes = write_xlsx("구직자 명단", &headers(), &rows()).unwrap();
    let table = read_table(&bytes).unwrap();
    assert_eq!(table.format, Format::Xlsx, "the writer makes a zip");
    assert_eq!(table.headers, headers(), "headers survive");
    assert_eq!(
        cells_of(&table),
        rows(),
        "every cell is a string, so nothing is reinterpreted"
    );
    assert!(
        table.problems.is_empty(),
        "a clean export has no problem lines: {:?}",
        table.problems
    );
    let lines: Vec<usize> = table.rows.iter().map(|row| row.line).collect();
    assert_eq!(lines, [2, 3, 4, 5, 6, 7], "sheet rows: the header is row 1");
}

#[test]
fn fully_blank_rows_do_not_survive_either_format() {
    let rows = vec![
        strings(&["김민준", "1"]),
        strings(&["", ""]),
        strings(&["이서연", "2"]),
    ];
    let headers = strings(&["성명", "번호"]);
    for (format, bytes) in [
        ("CSV", write_csv(&headers, &rows)),
        ("XLSX", write_xlsx("s", &headers, &rows).unwrap()),
    ] {
        let table = read_table(&bytes).unwrap();
        assert_eq!(
            table.rows.len(),
            2,
            "{format}: a blank row is indistinguishable from Excel's leftover empty rows, so it is skipped"
        );
    }
}

#[test]
fn an_empty_table_round_trips_as_headers_only() {
    let headers = strings(&["성명"]);
    for bytes in [
        write_csv(&headers, &[]),
        write_xlsx("s", &headers, &[]).unwrap(),
    ] {
        let table = read_table(&bytes).unwrap();
        assert_eq!(
            table.headers, headers,
            "the header row is written even without data"
        );
        assert!(table.rows.is_empty(), "no rows in, no rows out");
    }
}

#[test]
fn many_rows_round_trip_through_csv() {
    let headers = strings(&["번호", "성명"]);
    let rows: Vec<Vec<String>> = (0..5_000)
        .map(|i| vec![format!("{i:05}"), format!("구직자 {i}")])
        .collect();
    let table = read_table(&write_csv(&headers, &rows)).unwrap();
    assert_eq!(
        cells_of(&table),
        rows,
        "leading zeros and order survive at volume"
    );
    assert_eq!(
        table.rows.last().map(|row| row.line),
        Some(5_001),
        "one line per row after the header"
    );
}
