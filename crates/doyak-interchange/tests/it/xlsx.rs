//! XLSX as Excel users leave it: typed cells, error values, offsets, hidden
//! sheets — and broken files, which must fail cleanly and never panic.

use std::panic;

use doyak_interchange::{ReadError, read_table, write_xlsx};
use expect_test::expect;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, XlsxError};

use crate::{render, strings};

/// A sheet typed by hand in Excel: the table starts at B2 under a blank first
/// row, with numbers, dates, booleans and a formula error.
fn typed_workbook() -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let time = Format::new().set_num_format("hh:mm");
    let sheet = workbook.add_worksheet();
    for (column, header) in [
        "성명",
        " 희망급여 ",
        "구직등록일",
        "상담일시",
        "취업",
        "비율",
        "시각",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string(1, column as u16 + 1, header)?;
    }
    sheet.write_string(2, 1, "김민준")?;
    sheet.write_number(2, 2, 3_000_000.0)?;
    sheet.write_datetime_with_format(2, 3, ExcelDateTime::from_ymd(2024, 3, 1)?, &date)?;
    let consulted = ExcelDateTime::from_ymd(2024, 3, 1)?.and_hms(9, 30, 0)?;
    sheet.write_datetime_with_format(2, 4, consulted, &date_time)?;
    sheet.write_boolean(2, 5, true)?;
    sheet.write_number(2, 6, 0.1 * 3.0)?;
    sheet.write_datetime_with_format(2, 7, ExcelDateTime::from_hms(14, 5, 0)?, &time)?;

    sheet.write_string(3, 1, "이서연")?;
    sheet.write_formula(3, 2, Formula::new("=NA()").set_result("#N/A"))?;
    sheet.write_boolean(3, 5, false)?;

    // A formatted but empty row, as Excel leaves behind.
    sheet.write_blank(4, 1, &date)?;
    sheet.write_string(4, 2, "  ")?;

    sheet.write_string(5, 1, "박지훈")?;
    sheet.write_number(5, 6, -2.5)?;

    sheet.write_string(6, 1, "최유진")?;
    sheet.write_string(6, 9, "머리글 없는 메모")?;

    sheet.write_string(7, 0, "")?;
    sheet.write_string(7, 1, "정하늘")?;
    workbook.save_to_buffer()
}

#[test]
fn typed_cells_read_as_a_counselor_sees_them() {
    let table = read_table(&typed_workbook().unwrap()).unwrap();
    expect![[r#"
        Xlsx Utf8
        headers: ["성명", "희망급여", "구직등록일", "상담일시", "취업", "비율", "시각"]
          3: ["김민준", "3000000", "2024-03-01", "2024-03-01 09:30:00", "true", "0.3", "14:05:00"]
          6: ["박지훈", "", "", "", "", "-2.5", ""]
          8: ["정하늘", "", "", "", "", "", ""]
          4! col 3: C열 값이 오류(#N/A)입니다. Excel에서 수식을 고치거나 값을 지워 주세요.
          7! col 10: 머리글이 없는 J열에 값이 있습니다. 머리글을 붙이거나 값을 지워 주세요.
    "#]]
    .assert_eq(&render(&table));
}

#[test]
fn the_first_visible_worksheet_is_read() {
    let mut workbook = Workbook::new();
    let codes = workbook.add_worksheet().set_name("코드표").unwrap();
    codes.write_string(0, 0, "코드").unwrap();
    codes.set_hidden(true);
    let roster = workbook.add_worksheet().set_name("명단").unwrap();
    roster.write_string(0, 0, "성명").unwrap();
    roster.write_string(1, 0, "김민준").unwrap();
    roster.set_active(true);
    let table = read_table(&workbook.save_to_buffer().unwrap()).unwrap();
    assert_eq!(
        table.headers,
        ["성명"],
        "a hidden first sheet (a lookup list, typically) is not what the counselor means to import"
    );
}

#[test]
fn an_empty_sheet_has_no_header() {
    let mut workbook = Workbook::new();
    workbook.add_worksheet();
    let error = read_table(&workbook.save_to_buffer().unwrap()).unwrap_err();
    assert!(
        matches!(error, ReadError::Empty),
        "no cells, so no header: {error:?}"
    );
}

/// Reads `bytes`, turning a panic into a description so one test can report
/// every offending offset at once.
fn read_without_panic(bytes: &[u8]) -> Result<Result<(), ReadError>, String> {
    panic::catch_unwind(|| read_table(bytes).map(drop)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|message| (*message).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

fn valid_export() -> Vec<u8> {
    let headers = strings(&["성명", "연락처", "메모"]);
    let rows: Vec<Vec<String>> = (0..40)
        .map(|i| {
            strings(&[
                &format!("구직자{i}"),
                "010-1234-5678",
                "상담 메모, \"인용\"\n둘째 줄",
            ])
        })
        .collect();
    write_xlsx("명단", &headers, &rows).unwrap()
}

#[test]
fn truncated_xlsx_always_fails_cleanly() {
    let bytes = valid_export();
    assert!(
        read_table(&bytes).is_ok(),
        "the untruncated file must read, or the test proves nothing"
    );
    let mut panics = Vec::new();
    // From just past the zip magic (shorter is not recognised as XLSX at all)
    // to one byte short of the end, which cuts the central directory.
    let lengths = (4..bytes.len())
        .step_by(97)
        .chain([bytes.len() / 2, bytes.len() - 1]);
    for length in lengths {
        match read_without_panic(&bytes[..length]) {
            Err(message) => panics.push(format!("{length}: {message}")),
            Ok(Ok(())) => panic!(
                "a file cut to {length} of {} bytes was accepted",
                bytes.len()
            ),
            Ok(Err(error)) => assert!(
                matches!(error, ReadError::Xlsx { .. }),
                "cut at {length}: a truncated zip is a broken XLSX, not {error:?}"
            ),
        }
    }
    assert!(
        panics.is_empty(),
        "reading must never panic, but did at lengths {panics:?}"
    );
}

#[test]
fn flipped_bytes_never_panic() {
    let bytes = valid_export();
    let mut panics = Vec::new();
    // Every 13th byte: all parts of the package, in under a second.
    for offset in (0..bytes.len()).step_by(13) {
        let mut broken = bytes.clone();
        broken[offset] ^= 0xFF;
        // Ok is possible and fine: a flip in a part calamine never reads
        // (theme, document properties) leaves the table intact.
        if let Err(message) = read_without_panic(&broken) {
            panics.push(format!("{offset}: {message}"));
        }
    }
    assert!(
        panics.is_empty(),
        "reading must never panic, but did at offsets {panics:?}"
    );
}

#[test]
fn a_zip_without_its_end_record_is_a_broken_xlsx() {
    let mut bytes = valid_export();
    // rust_xlsxwriter writes no zip comment, so the end record is the last 22 bytes.
    let end_record = bytes.len() - 22;
    assert_eq!(
        &bytes[end_record..end_record + 4],
        b"PK\x05\x06",
        "fixture precondition"
    );
    bytes[end_record] ^= 0xFF;
    let error = read_table(&bytes).unwrap_err();
    assert!(
        matches!(error, ReadError::Xlsx { .. }),
        "the end record is how a zip is found at all, so nothing can be read: {error:?}"
    );
}

#[test]
fn a_zip_that_is_not_a_workbook_is_a_broken_xlsx() {
    let error = read_table(b"PK\x03\x04 not really a zip").unwrap_err();
    assert_eq!(
        error.code(),
        "interchange.malformed_xlsx",
        "zip magic means XLSX was meant"
    );
    assert!(
        std::error::Error::source(&error).is_some(),
        "the parser's error is kept as the source for the log"
    );
}

#[test]
fn a_stray_cell_at_the_sheets_far_corner_costs_no_memory() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "성명").unwrap();
    sheet.write_string(1, 0, "김민준").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    // A dense range would be 1,048,576 × 16,384 cells (hundreds of GB); the
    // streaming reader keeps only the three cells that exist.
    let table = read_table(&workbook.save_to_buffer().unwrap()).unwrap();
    expect![[r#"
        Xlsx Utf8
        headers: ["성명"]
          2: ["김민준"]
        1048576! col 16384: 머리글이 없는 XFD열에 값이 있습니다. 머리글을 붙이거나 값을 지워 주세요.
    "#]]
    .assert_eq(&render(&table));
}

/// A zip with uncompressed entries, built by hand so the test needs no zip
/// library: local headers, central directory, end record.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0_u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for &(name, data) in entries {
        let offset = out.len() as u32;
        let (crc, size, name_length) = (crc32(data), data.len() as u32, name.len() as u16);
        // version 20, no flags, stored, time 0, date 1980-01-01
        let common = [
            &20_u16.to_le_bytes()[..],
            &[0, 0, 0, 0, 0, 0],
            &0x21_u16.to_le_bytes(),
        ]
        .concat();
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&common);
        for field in [crc, size, size] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&name_length.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        directory.extend_from_slice(b"PK\x01\x02");
        directory.extend_from_slice(&20_u16.to_le_bytes());
        directory.extend_from_slice(&common);
        for field in [crc, size, size] {
            directory.extend_from_slice(&field.to_le_bytes());
        }
        directory.extend_from_slice(&name_length.to_le_bytes());
        // extra, comment, disk, internal and external attributes
        directory.extend_from_slice(&[0; 12]);
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let (directory_offset, directory_size) = (out.len() as u32, directory.len() as u32);
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    let count = entries.len() as u16;
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&directory_size.to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[test]
fn an_ods_file_is_told_apart_from_a_corrupt_xlsx() {
    let ods = stored_zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", b"<office:document-content/>"),
    ]);
    let error = read_table(&ods).unwrap_err();
    assert_eq!(
        error.code(),
        "interchange.malformed_xlsx",
        "still an unreadable workbook to the UI"
    );
    assert!(
        error.to_string().contains("ODS"),
        "the counselor is told it is another format, not that the file is damaged: {error}"
    );
}
