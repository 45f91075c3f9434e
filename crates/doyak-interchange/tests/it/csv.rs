//! CSV as counselors' tools write it: encodings, delimiters, quoting, ragged
//! and blank lines, and the line numbers a counselor will look up.

use doyak_interchange::{Format, ReadError, SourceEncoding, read_table};
use encoding_rs::EUC_KR;
use expect_test::expect;

use crate::render;

/// A roster as a counselor would export it, in Korean Excel's CRLF style.
const ROSTER: &str = "성명,생년월일,연락처,희망직종\r\n\
                      김민준,1985-03-02,010-1234-5678,사회복지사\r\n\
                      이서연,1992-11-30,010-9876-5432,요양보호사\r\n";

fn cp949(text: &str) -> Vec<u8> {
    let (bytes, _, had_errors) = EUC_KR.encode(text);
    assert!(!had_errors, "the fixture must be representable in CP949");
    bytes.into_owned()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn utf8_with_bom_strips_the_bom_from_the_first_header() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(ROSTER.as_bytes());
    let table = read_table(&bytes).unwrap();
    assert_eq!(
        table.encoding,
        SourceEncoding::Utf8Bom,
        "Excel's 'CSV UTF-8' starts with a BOM"
    );
    assert_eq!(
        table.headers[0], "성명",
        "a BOM left in the first header would break header matching"
    );
    expect![[r#"
        Csv Utf8Bom
        headers: ["성명", "생년월일", "연락처", "희망직종"]
          2: ["김민준", "1985-03-02", "010-1234-5678", "사회복지사"]
          3: ["이서연", "1992-11-30", "010-9876-5432", "요양보호사"]
    "#]]
    .assert_eq(&render(&table));
}

#[test]
fn utf8_without_bom_reads_the_same_rows() {
    let table = read_table(ROSTER.as_bytes()).unwrap();
    assert_eq!(table.encoding, SourceEncoding::Utf8, "no BOM, valid UTF-8");
    assert_eq!(table.format, Format::Csv, "text is CSV");
    assert_eq!(table.rows.len(), 2, "two data lines under the header");
    assert_eq!(
        table.rows[1].cells[3], "요양보호사",
        "Hangul survives untouched"
    );
}

#[test]
fn korean_excels_default_cp949_is_detected() {
    let table = read_table(&cp949(ROSTER)).unwrap();
    assert_eq!(
        table.encoding,
        SourceEncoding::Cp949,
        "Korean Excel's plain 'CSV (쉼표로 분리)' is CP949, which is not valid UTF-8"
    );
    let utf8 = read_table(ROSTER.as_bytes()).unwrap();
    assert_eq!(
        table.headers, utf8.headers,
        "the same text in either encoding reads the same"
    );
    assert_eq!(
        table.rows, utf8.rows,
        "the same text in either encoding reads the same"
    );
}

#[test]
fn cp949_extension_syllables_decode_too() {
    // 똠 and 햏 are outside EUC-KR's 2,350 syllables; only CP949 (windows-949)
    // has them, and Korean names use such syllables.
    let table = read_table(&cp949("성명\r\n똠햏\r\n")).unwrap();
    assert_eq!(
        table.encoding,
        SourceEncoding::Cp949,
        "windows-949 is a superset of EUC-KR"
    );
    assert_eq!(
        table.rows[0].cells,
        ["똠햏"],
        "extension syllables decode exactly"
    );
}

#[test]
fn excels_unicode_text_is_utf16_le_and_tab_separated() {
    let text = "성명\t연락처\t메모\r\n김민준\t010-1234-5678\t\"쉼표, 그리고 탭\"\r\n";
    let table = read_table(&utf16le_with_bom(text)).unwrap();
    expect![[r#"
        Csv Utf16Le
        headers: ["성명", "연락처", "메모"]
          2: ["김민준", "010-1234-5678", "쉼표, 그리고 탭"]
    "#]]
    .assert_eq(&render(&table));
}

#[test]
fn utf16_be_with_bom_is_read_too() {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(
        "성명\t나이\n김민준\t40\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    let table = read_table(&bytes).unwrap();
    assert_eq!(
        table.encoding,
        SourceEncoding::Utf16Be,
        "FE FF is the big-endian mark"
    );
    assert_eq!(
        table.rows[0].cells,
        ["김민준", "40"],
        "tab-separated like its little-endian twin"
    );
}

#[test]
fn a_single_column_utf16_file_still_splits_on_tabs_below() {
    // With one header there is no delimiter to detect; for Excel's
    // "유니코드 텍스트" the fallback must be tab, or a data line with a comma
    // would be split.
    let table = read_table(&utf16le_with_bom("메모\r\n가, 나\r\n")).unwrap();
    assert_eq!(
        table.rows[0].cells,
        ["가, 나"],
        "a comma is data in a tab-separated file"
    );
}

#[test]
fn semicolon_separated_files_are_detected() {
    let table = read_table("성명;급여\n김민준;\"2,500,000\"\n이서연;3000000\n".as_bytes()).unwrap();
    expect![[r#"
        Csv Utf8
        headers: ["성명", "급여"]
          2: ["김민준", "2,500,000"]
          3: ["이서연", "3000000"]
    "#]]
    .assert_eq(&render(&table));
}

#[test]
fn headers_are_trimmed_but_cells_are_not() {
    let table = read_table(" 성명 ,\t연락처\n 김민준 ,010\n".as_bytes()).unwrap();
    assert_eq!(
        table.headers,
        ["성명", "연락처"],
        "header padding would break header matching"
    );
    assert_eq!(
        table.rows[0].cells,
        [" 김민준 ", "010"],
        "cells are data; trimming them is the use-case layer's decision"
    );
}

#[test]
fn ragged_rows_are_reported_with_their_line_and_left_out() {
    let text = "성명,연락처,희망직종\n\
                김민준,010-1234-5678,사회복지사\n\
                이서연,010-9876-5432\n\
                박지훈,010-5555-1234,조리사,추가\n\
                최유진,010-2222-3333,바리스타\n";
    let table = read_table(text.as_bytes()).unwrap();
    expect![[r#"
        Csv Utf8
        headers: ["성명", "연락처", "희망직종"]
          2: ["김민준", "010-1234-5678", "사회복지사"]
          5: ["최유진", "010-2222-3333", "바리스타"]
          3!: 열이 3개여야 하는데 2개입니다
          4!: 열이 3개여야 하는데 4개입니다
    "#]]
    .assert_eq(&render(&table));
}

#[test]
fn a_multi_line_cell_keeps_later_line_numbers_true() {
    let text = "성명,메모\r\n\
                김민준,\"첫 줄\r\n둘째 줄\r\n셋째 줄\"\r\n\
                이서연,한 줄\r\n\
                박지훈\r\n";
    let table = read_table(text.as_bytes()).unwrap();
    assert_eq!(table.rows[0].line, 2, "a record's line is where it starts");
    assert_eq!(
        table.rows[0].cells[1], "첫 줄\r\n둘째 줄\r\n셋째 줄",
        "line breaks inside quotes are data"
    );
    assert_eq!(
        table.rows[1].line, 5,
        "the memo spans lines 2-4, so the next record is on line 5"
    );
    assert_eq!(
        table.problems[0].line, 6,
        "the ragged record after it is on line 6, where the counselor will look"
    );
}

#[test]
fn blank_lines_and_excels_empty_rows_are_skipped_silently() {
    let text = "\r\n\r\n성명,나이\r\n김민준,40\r\n\r\n,\r\n , \r\n,,,\r\n이서연,35\r\n\r\n";
    let table = read_table(text.as_bytes()).unwrap();
    expect![[r#"
        Csv Utf8
        headers: ["성명", "나이"]
          4: ["김민준", "40"]
          9: ["이서연", "35"]
    "#]]
    .assert_eq(&render(&table));
}

#[test]
fn a_header_without_rows_is_an_empty_table_not_an_error() {
    let table = read_table("성명,나이\r\n".as_bytes()).unwrap();
    assert_eq!(table.headers, ["성명", "나이"], "the header is read");
    assert!(
        table.rows.is_empty() && table.problems.is_empty(),
        "an empty roster is valid"
    );
}

#[test]
fn a_file_without_a_trailing_newline_keeps_its_last_row() {
    let table = read_table("성명,나이\n김민준,40".as_bytes()).unwrap();
    assert_eq!(
        table.rows[0].cells,
        ["김민준", "40"],
        "Excel omits the final line break sometimes"
    );
}

#[test]
fn an_unclosed_quote_fails_the_file_naming_the_line_it_opened_on() {
    let text = "성명,메모\n김민준,정상\n이서연,\"닫히지 않음\n박지훈,정상\n최유진,정상\n";
    let error = read_table(text.as_bytes()).unwrap_err();
    assert!(
        matches!(error, ReadError::Csv { line: 3, .. }),
        "the quote opened on line 3 swallows every later line, so no row can be trusted: {error:?}"
    );
}

#[test]
fn mis_encoded_bytes_are_reported_on_their_line() {
    let mut bytes = b"name,phone\r\nkim,010\r\nlee,".to_vec();
    bytes.extend_from_slice(b"\xFF\xFF");
    bytes.extend_from_slice(b"010\r\npark,010\r\n");
    let error = read_table(&bytes).unwrap_err();
    assert!(
        matches!(error, ReadError::UnknownEncoding { line: 3 }),
        "0xFF is valid in neither UTF-8 nor CP949, and it sits on line 3: {error:?}"
    );
}

#[test]
fn mis_encoded_bytes_in_a_utf8_korean_file_point_at_the_utf8_line() {
    let mut bytes = ROSTER.as_bytes().to_vec();
    bytes.extend_from_slice(b"\xFF\xFF,x,y,z\r\n");
    let error = read_table(&bytes).unwrap_err();
    assert!(
        matches!(error, ReadError::UnknownEncoding { line: 4 }),
        "UTF-8 reads three good lines while CP949 fails on the first Hangul, so line 4 is meant: {error:?}"
    );
}

#[test]
fn empty_input_has_no_header() {
    for (bytes, why) in [
        (&b""[..], "no bytes at all"),
        (b"\xEF\xBB\xBF", "only a BOM"),
        (b"\r\n\r\n  \r\n", "only blank lines"),
        (b",,,\r\n,,,\r\n", "only Excel's empty rows"),
        (b"\xFF\xFE", "only a UTF-16 BOM"),
    ] {
        let error = read_table(bytes).unwrap_err();
        assert!(
            matches!(error, ReadError::Empty),
            "{why} gives no header: {error:?}"
        );
    }
}

#[test]
fn cells_written_by_the_formula_guard_are_unguarded_on_reading() {
    let table = read_table("수식,번호\n'=1+1,'-5\n".as_bytes()).unwrap();
    assert_eq!(
        table.rows[0].cells,
        ["=1+1", "'-5"],
        "'= is the writer's guard and is removed; '-5 is not (the writer never guards numbers)"
    );
}
