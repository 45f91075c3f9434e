//! The field types that check themselves when parsed, so that no record can
//! hold a bad one: 전화번호 (`Phone`) and 사업자등록번호 (`BusinessNumber`).
//! Forms, imports and sync all go through `parse` (sync and imports through
//! serde's `try_from = "String"`).

use doyak_domain::{BusinessNumber, Phone};
use expect_test::expect;
use std::fmt::Write;

/// One line per input: its Debug form, then the stored form or the message.
fn table<T, E: std::fmt::Display>(
    inputs: &[&str],
    parse: impl Fn(&str) -> Result<T, E>,
    shown: impl Fn(&T) -> String,
) -> String {
    let names: Vec<String> = inputs.iter().map(|i| format!("{i:?}")).collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (input, name) in inputs.iter().zip(&names) {
        let result = match parse(input) {
            Ok(v) => format!("ok {}", shown(&v)),
            Err(e) => format!("error: {e}"),
        };
        writeln!(out, "{name:<width$} | {result}").unwrap();
    }
    out
}

#[test]
fn phone() {
    // Mobile and area numbers with 10 or 11 digits starting with 0 (서울 02
    // with 9 or 10), 8-digit nationwide numbers starting with 1, +82 for 0;
    // separators: space, '-', '.', parentheses.
    let inputs = [
        "010-1234-5678",
        "01012345678",
        "010 1234 5678",
        "010.1234.5678",
        " 010-1234-5678 ",
        "010-123-4567",
        "0101234567",
        "010123456",
        "010123456789",
        "02-123-4567",
        "(02) 1234-5678",
        "02-12345-678",
        "0212345",
        "02123456789",
        "031-123-4567",
        "031-1234-5678",
        "1588-1234",
        "15881234",
        "25881234",
        "1588-12345",
        "+82 10-1234-5678",
        "+82 010-1234-5678",
        "+82 2-123-4567",
        "+1 415 555 0100",
        "82 10-1234-5678",
        "010–1234–5678",
        "０１０-1234-5678",
        "010-1234-5678 내선 12",
        "010+1234+5678",
        "000-0000-0000",
        "",
    ];
    expect![[r#"
        "010-1234-5678"       | ok 010-1234-5678 (shown 010-****-5678)
        "01012345678"         | ok 010-1234-5678 (shown 010-****-5678)
        "010 1234 5678"       | ok 010-1234-5678 (shown 010-****-5678)
        "010.1234.5678"       | ok 010-1234-5678 (shown 010-****-5678)
        " 010-1234-5678 "     | ok 010-1234-5678 (shown 010-****-5678)
        "010-123-4567"        | ok 010-123-4567 (shown 010-***-4567)
        "0101234567"          | ok 010-123-4567 (shown 010-***-4567)
        "010123456"           | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "010123456789"        | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "02-123-4567"         | ok 02-123-4567 (shown 02-***-4567)
        "(02) 1234-5678"      | ok 02-1234-5678 (shown 02-****-5678)
        "02-12345-678"        | ok 02-1234-5678 (shown 02-****-5678)
        "0212345"             | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "02123456789"         | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "031-123-4567"        | ok 031-123-4567 (shown 031-***-4567)
        "031-1234-5678"       | ok 031-1234-5678 (shown 031-****-5678)
        "1588-1234"           | ok 1588-1234 (shown *********)
        "15881234"            | ok 1588-1234 (shown *********)
        "25881234"            | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "1588-12345"          | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "+82 10-1234-5678"    | ok 010-1234-5678 (shown 010-****-5678)
        "+82 010-1234-5678"   | ok 010-1234-5678 (shown 010-****-5678)
        "+82 2-123-4567"      | ok 02-123-4567 (shown 02-***-4567)
        "+1 415 555 0100"     | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "82 10-1234-5678"     | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "010–1234–5678"       | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "０１０-1234-5678"       | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "010-1234-5678 내선 12" | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
        "010+1234+5678"       | ok 010-1234-5678 (shown 010-****-5678)
        "000-0000-0000"       | ok 000-0000-0000 (shown 000-****-0000)
        ""                    | error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).
    "#]].assert_eq(&table(&inputs, Phone::parse, |p| {
        format!("{} (shown {})", p.as_str(), p.masked())
    }));
}

#[test]
fn business_number() {
    // 10 digits, '-' and ' ' ignored; the 10th is the National Tax Service
    // check digit over the first nine (220-81-62517 is a published valid
    // number: weights 1,3,7,1,3,7,1,3,5 give 83, plus 1*5/10 = 0, so the
    // check digit is (10 - 3) % 10 = 7).
    let inputs = [
        "220-81-62517",
        "2208162517",
        "220 81 62517",
        " 220-81-62517 ",
        "220-81-62518",
        "220-81-62516",
        "220-81-6251",
        "220-81-625170",
        "22O-81-62517",
        "220.81.62517",
        "２２０-81-62517",
        "",
        // All zeros has a sum of 0 and so the check digit 0: it passes,
        // though no 사업자등록번호 has the 00 middle part.
        "000-00-00000",
        // 1*1+2*3+3*7+4*1+5*3+6*7+7*1+8*3+9*5 = 165, plus 9*5/10 = 4: 169,
        // so the check digit is 1.
        "123-45-67891",
    ];
    expect![[r#"
        "220-81-62517"   | ok 220-81-62517
        "2208162517"     | ok 220-81-62517
        "220 81 62517"   | ok 220-81-62517
        " 220-81-62517 " | ok 220-81-62517
        "220-81-62518"   | error: 사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요.
        "220-81-62516"   | error: 사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요.
        "220-81-6251"    | error: 사업자등록번호는 숫자 10자리여야 합니다 (입력: 9자리).
        "220-81-625170"  | error: 사업자등록번호는 숫자 10자리여야 합니다 (입력: 11자리).
        "22O-81-62517"   | error: 사업자등록번호에는 숫자와 '-' 외의 문자('O')를 쓸 수 없습니다.
        "220.81.62517"   | error: 사업자등록번호에는 숫자와 '-' 외의 문자('.')를 쓸 수 없습니다.
        "２２０-81-62517"   | error: 사업자등록번호에는 숫자와 '-' 외의 문자('２')를 쓸 수 없습니다.
        ""               | error: 사업자등록번호는 숫자 10자리여야 합니다 (입력: 0자리).
        "000-00-00000"   | ok 000-00-00000
        "123-45-67891"   | ok 123-45-67891
    "#]].assert_eq(&table(&inputs, BusinessNumber::parse, |b| {
        b.formatted()
    }));
}

#[test]
fn a_record_cannot_hold_a_bad_number() {
    // Sync and imports decode records with serde: a bad 사업자등록번호 or
    // phone fails the record's decoding, with the same Korean message.
    let company = |number: &str| {
        serde_json::json!({
            "id": "018bcfe5-68c9-7222-a222-222222222222",
            "center_id": "018bcfe5-6800-7101-8101-010101010101",
            "counselor_id": null, "name": "한빛정밀(주)",
            "business_number": number, "ksic_code": "29", "size": "small",
            "employees": null, "sigungu": "41273", "address": null,
            "industrial_complex": null, "focus_industries": [], "ppuri_techs": [],
            "contact_name": null, "contact_phone": "031-123-4567",
            "status": "found", "enrolled_on": null, "note": null
        })
    };
    let decode = |v: serde_json::Value| match serde_json::from_value::<doyak_domain::Company>(v) {
        Ok(c) => format!("ok {}", c.business_number),
        Err(e) => format!("error: {e}"),
    };
    let mut bad_phone = company("2208162517");
    bad_phone["contact_phone"] = "031-123".into();
    let out = [
        decode(company("2208162517")),
        decode(company("220-81-62518")),
        decode(bad_phone),
    ]
    .join("\n");
    expect![[r#"
        ok 220-81-62517
        error: 사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요.
        error: 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567)."#]]
    .assert_eq(&out);
}
