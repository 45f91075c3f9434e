//! Bad bodies give a typed error that says what is wrong, never a panic,
//! and never repeat the values they carried.

use crate::samples;
use doyak_sync_protocol::*;

fn push_json() -> serde_json::Value {
    serde_json::to_value(samples::push_request()).expect("encodes")
}

fn decode_push(value: &serde_json::Value) -> Result<PushRequest, ProtocolError> {
    decode(&serde_json::to_vec(value).expect("encodes"))
}

#[test]
fn an_unknown_version_is_named_even_if_the_rest_is_foreign() {
    let body = br#"{"protocol": 2, "batch": "a shape v1 never had"}"#;
    let err = decode::<PushRequest>(body).expect_err("v2 is not spoken");
    assert_eq!(
        err,
        ProtocolError::UnsupportedVersion {
            found: 2,
            supported: vec![ProtocolVersion::V1]
        },
        "the version is checked before the shape"
    );
    let body = err.to_body();
    assert_eq!(body.code, ErrorCode::ProtocolUnsupportedVersion);
    assert_eq!(body.supported_versions, Some(vec![ProtocolVersion::V1]));
    for huge in [r#"{"protocol": 4294967296}"#, r#"{"protocol": 0}"#] {
        assert!(
            matches!(
                decode::<PullRequest>(huge.as_bytes()),
                Err(ProtocolError::UnsupportedVersion { .. })
            ),
            "{huge}"
        );
    }
}

#[test]
fn a_missing_or_mistyped_version_is_malformed() {
    for body in [
        r#"{}"#,
        r#"{"protocol": null}"#,
        r#"{"protocol": "1"}"#,
        r#"{"protocol": -1}"#,
        r#"{"protocol": 1.5}"#,
    ] {
        let err = decode::<PullRequest>(body.as_bytes()).expect_err(body);
        assert!(
            matches!(err, ProtocolError::MissingVersion { .. }),
            "{body}: {err:?}"
        );
        assert_eq!(err.code(), ErrorCode::RequestMalformed);
    }
}

#[test]
fn non_json_and_wrong_top_level_types_are_malformed() {
    for body in [
        "",
        "nul",
        "[1, 2]",
        "\"push\"",
        "{\"protocol\": 1",
        "\u{feff}{}",
        "{\"protocol\": 1} trailing",
    ] {
        let err = decode::<PushRequest>(body.as_bytes()).expect_err(body);
        assert!(
            matches!(err, ProtocolError::Malformed { .. }),
            "{body:?}: {err:?}"
        );
    }
    let err = decode::<PushRequest>(&[0xff, 0xfe, 0x00]).expect_err("not UTF-8");
    assert!(matches!(err, ProtocolError::Malformed { .. }));
}

#[test]
fn missing_fields_are_named() {
    for field in ["device_id", "mutations"] {
        let mut value = push_json();
        value.as_object_mut().expect("object").remove(field);
        let err = decode_push(&value).expect_err(field);
        assert!(
            err.to_string()
                .contains(&format!("missing field `{field}`")),
            "the message must say which field is missing: {err}"
        );
    }
    let mut value = push_json();
    value["mutations"][0]
        .as_object_mut()
        .expect("object")
        .remove("seq");
    let err = decode_push(&value).expect_err("a mutation without seq");
    assert!(err.to_string().contains("missing field `seq`"), "{err}");
}

#[test]
fn wrong_types_are_reported_without_the_value() {
    let cases: [(&str, serde_json::Value); 6] = [
        (
            "/mutations/0/seq",
            serde_json::json!("김도약 010-1234-5678"),
        ),
        ("/mutations/0/entity_id", serde_json::json!("김도약")),
        ("/mutations/0/hlc", serde_json::json!("김도약")),
        ("/mutations/0/op", serde_json::json!({ "kind": "upsert" })),
        ("/mutations/1/op/fields/phone/base", serde_json::json!(-3)),
        ("/device_id", serde_json::json!(12)),
    ];
    for (pointer, bad) in cases {
        let mut value = push_json();
        *value.pointer_mut(pointer).expect(pointer) = bad;
        let err = decode_push(&value).expect_err(pointer);
        let text = err.to_string();
        assert!(
            matches!(err, ProtocolError::Malformed { .. }),
            "{pointer}: {err:?}"
        );
        assert!(
            !text.contains("김도약"),
            "{pointer}: personal data in an error: {text}"
        );
    }
}

#[test]
fn oversized_bodies_are_refused_before_parsing() {
    let big = vec![b' '; MAX_REQUEST_BYTES + 1];
    assert_eq!(
        decode::<PushRequest>(&big),
        Err(ProtocolError::TooLarge {
            bytes: MAX_REQUEST_BYTES + 1,
            limit: MAX_REQUEST_BYTES
        })
    );
    assert_eq!(
        ProtocolError::TooLarge { bytes: 1, limit: 0 }.code(),
        ErrorCode::RequestTooLarge
    );
}

#[test]
fn secrets_in_the_wrong_form_do_not_decode() {
    let mut value = serde_json::to_value(samples::enroll_response()).expect("encodes");
    value["token"] = serde_json::json!("doyak_dt1_short");
    let err = decode::<EnrollResponse>(&serde_json::to_vec(&value).expect("encodes"))
        .expect_err("a short token");
    assert!(matches!(err, ProtocolError::Malformed { .. }), "{err:?}");
    let mut value = serde_json::to_value(samples::enroll_request()).expect("encodes");
    value["code"] = serde_json::json!("ABCD-EFGH-JKMU");
    assert!(decode::<EnrollRequest>(&serde_json::to_vec(&value).expect("encodes")).is_err());
}

#[test]
fn truncating_a_body_anywhere_is_an_error_not_a_panic() {
    let bytes = encode(&samples::pull_response());
    for cut in 0..bytes.len() {
        assert!(
            decode::<PullResponse>(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
}
