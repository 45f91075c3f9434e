//! What a counselor reads when a file cannot be used: Korean, actionable, with
//! a stable code for the UI beside it.

use doyak_interchange::{ReadError, WriteError, read_table, write_xlsx};
use expect_test::expect;

use crate::strings;

fn shown(error: &dyn std::fmt::Display, code: doyak_domain::ErrorCode) -> String {
    format!("{code}\n{error}\n")
}

#[test]
fn read_errors_speak_korean_and_carry_a_code() {
    let cases: Vec<ReadError> = vec![
        read_table(b"").unwrap_err(),
        read_table(b"a\n\xFF\n").unwrap_err(),
        read_table(b"a,b\n\"x,y\n").unwrap_err(),
        read_table(b"PK\x03\x04broken").unwrap_err(),
        read_table(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").unwrap_err(),
        ReadError::TooLarge {
            size: 300 * 1024 * 1024,
            limit: doyak_interchange::MAX_INPUT_BYTES,
        },
    ];
    let text: String = cases
        .iter()
        .map(|error| shown(error, error.code()))
        .collect();
    expect![[r#"
        interchange.empty
        파일에 내용이 없습니다. 첫 줄에 열 이름(머리글)이 있는 CSV 또는 XLSX 파일을 골라 주세요.
        interchange.unknown_encoding
        2번째 줄에 읽을 수 없는 글자가 있어 파일의 문자 인코딩을 알 수 없습니다. Excel에서 'CSV UTF-8(쉼표로 분리)' 형식으로 다시 저장해 주세요.
        interchange.malformed_csv
        CSV 파일 2번째 줄을 읽을 수 없습니다: 이 줄에서 연 큰따옴표(")가 파일 끝까지 닫히지 않습니다. 값 안에 큰따옴표를 넣으려면 두 번("") 써야 합니다.
        interchange.malformed_xlsx
        XLSX 파일이 손상되었거나 잘렸습니다. Excel에서 열리는지 확인하고, 열리면 'Excel 통합 문서(.xlsx)'로 다시 저장해 주세요.
        interchange.legacy_excel
        예전 Excel 형식(.xls)이거나 암호가 걸린 Excel 파일은 읽을 수 없습니다. Excel에서 열어 암호를 풀고 'Excel 통합 문서(.xlsx)' 또는 'CSV UTF-8' 형식으로 다시 저장해 주세요.
        interchange.too_large
        파일이 너무 큽니다(300.0 MB). 256.0 MB 이하가 되도록 여러 파일로 나누어 주세요.
    "#]]
    .assert_eq(&text);
}

#[test]
fn write_errors_speak_korean_and_carry_a_code() {
    let long_cell = vec![strings(&["짧음", &"가".repeat(40_000)])];
    let error: WriteError = write_xlsx("s", &strings(&["a", "b"]), &long_cell).unwrap_err();
    expect![[r#"
        interchange.cell_too_long
        2행 2열의 내용이 너무 깁니다(40000자). Excel 셀에는 32767자까지만 들어갑니다.
    "#]]
    .assert_eq(&shown(&error, error.code()));
}
