//! Every message type, encoded and read back, equals itself.

use crate::samples;
use doyak_sync_protocol::*;
use serde::{Serialize, de::DeserializeOwned};
use std::fmt::Debug;

/// Encodes with the codec and decodes through the full checked path.
fn round_trip<M: Message + PartialEq + Debug>(message: M) {
    let bytes = encode(&message);
    let back: M = decode(&bytes).expect("what we encode we must decode");
    assert_eq!(back, message, "{} changed on the way", M::WHAT);
}

/// For the unversioned bodies (error, server info).
fn plain_round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: T) {
    let text = serde_json::to_string(&value).expect("encodes");
    let back: T = serde_json::from_str(&text).expect("decodes");
    assert_eq!(back, value);
}

#[test]
fn every_v1_message_round_trips() {
    round_trip(samples::push_request());
    round_trip(samples::push_response());
    round_trip(samples::pull_request());
    round_trip(samples::pull_response());
    round_trip(samples::enroll_request());
    round_trip(samples::enroll_response());
    plain_round_trip(samples::server_info());
    plain_round_trip(samples::unsupported_version_error());
    plain_round_trip(samples::sequence_gap_error());
    plain_round_trip(samples::conflict());
}

#[test]
fn every_error_code_round_trips_with_its_message() {
    for code in ErrorCode::KNOWN {
        let body = ErrorBody::new(code.clone());
        assert!(
            body.message.chars().any(|c| ('가'..='힣').contains(&c)),
            "{code:?} needs a Korean message a counselor can read"
        );
        plain_round_trip(body);
    }
}

#[test]
fn unknown_names_survive_a_round_trip_verbatim() {
    let kind: EntityKind = serde_json::from_str(r#""training_course""#).expect("any name decodes");
    assert_eq!(
        serde_json::to_string(&kind).expect("encodes"),
        r#""training_course""#
    );
    let code: ErrorCode =
        serde_json::from_str(r#""push.quota_exceeded""#).expect("any code decodes");
    assert_eq!(
        serde_json::to_string(&code).expect("encodes"),
        r#""push.quota_exceeded""#,
        "a desk that forwards or stores an unknown code must not alter it"
    );
}
