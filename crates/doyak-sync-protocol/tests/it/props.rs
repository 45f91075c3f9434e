//! Generated messages of every type round-trip exactly, and arbitrary bytes
//! never make the decoder panic.

use doyak_sync_protocol::*;
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use serde_json::{Map, Value};
use std::fmt::Debug;
use uuid::Uuid;

fn uuid() -> impl Strategy<Value = Uuid> {
    any::<u128>().prop_map(Uuid::from_u128)
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,12}"
}

/// Any JSON a record field may hold. Floats included: diagnosis scores are
/// `f64`, and a score must come back bit for bit.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            btree_map(text(), inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn record() -> impl Strategy<Value = Map<String, Value>> {
    btree_map(text(), json(), 0..5).prop_map(|m| m.into_iter().collect())
}

fn entity() -> impl Strategy<Value = EntityKind> {
    prop_oneof![
        proptest::sample::select(EntityKind::KNOWN.to_vec()),
        "[a-z_]{0,12}".prop_map(|s| EntityKind::from_wire(&s)),
    ]
}

fn error_code() -> impl Strategy<Value = ErrorCode> {
    prop_oneof![
        proptest::sample::select(ErrorCode::KNOWN.to_vec()),
        "[a-z_.]{0,20}".prop_map(|s| ErrorCode::from_wire(&s)),
    ]
}

fn stamp() -> impl Strategy<Value = HlcStamp> {
    (any::<u64>(), any::<u32>(), "\\PC{1,40}").prop_map(|(wall_ms, counter, device)| HlcStamp {
        wall_ms,
        counter,
        device,
    })
}

fn versioned() -> impl Strategy<Value = VersionedValue> {
    (json(), any::<u64>()).prop_map(|(value, version)| VersionedValue { value, version })
}

fn op() -> impl Strategy<Value = Op> {
    let edit = (json(), any::<u64>()).prop_map(|(value, base)| FieldEdit { value, base });
    prop_oneof![
        record().prop_map(|record| Op::Insert { record }),
        btree_map(text(), edit, 0..4).prop_map(|fields| Op::Update { fields }),
        Just(Op::Delete),
        record().prop_map(|record| Op::Append { record }),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (
        uuid(),
        any::<u64>(),
        entity(),
        uuid(),
        op(),
        stamp(),
        any::<u32>(),
        vec(uuid(), 0..3),
    )
        .prop_map(
            |(mutation_id, seq, entity, entity_id, op, hlc, schema_version, resolves)| Mutation {
                mutation_id,
                seq,
                entity,
                entity_id,
                op,
                hlc,
                schema_version,
                resolves,
            },
        )
}

fn side() -> impl Strategy<Value = ConflictSide> {
    (json(), any::<u64>(), uuid(), stamp(), uuid()).prop_map(
        |(value, version, device_id, hlc, mutation_id)| ConflictSide {
            value,
            version,
            device_id,
            hlc,
            mutation_id,
        },
    )
}

fn conflict() -> impl Strategy<Value = ConflictRecord> {
    let resolution =
        (uuid(), uuid(), stamp()).prop_map(|(mutation_id, device_id, hlc)| ConflictResolution {
            mutation_id,
            device_id,
            hlc,
        });
    (
        (uuid(), entity(), uuid(), text(), any::<u64>()),
        side(),
        side(),
        proptest::option::of(resolution),
    )
        .prop_map(
            |(
                (conflict_id, entity, entity_id, field, base_version),
                overwritten,
                applied,
                resolution,
            )| {
                ConflictRecord {
                    conflict_id,
                    entity,
                    entity_id,
                    field,
                    base_version,
                    overwritten,
                    applied,
                    // Both shapes, without another strategy in the tuple.
                    same_id: base_version % 2 == 0,
                    resolution,
                }
            },
        )
}

fn applied() -> impl Strategy<Value = Applied> {
    (
        proptest::option::of(any::<u64>().prop_map(ChangeVersion)),
        btree_map(text(), any::<u64>(), 0..3),
        btree_map(text(), versioned(), 0..2),
    )
        .prop_map(|(change_version, versions, server_kept)| Applied {
            change_version,
            versions,
            server_kept,
        })
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        applied().prop_map(Outcome::Applied),
        (applied(), vec(conflict(), 0..2))
            .prop_map(|(applied, conflicts)| Outcome::ConflictRecorded { applied, conflicts }),
        (error_code(), text())
            .prop_map(|(code, message)| Outcome::Rejected(Rejection { code, message })),
    ]
}

fn push_response() -> impl Strategy<Value = PushResponse> {
    let result = (uuid(), any::<u64>(), any::<bool>(), outcome()).prop_map(
        |(mutation_id, seq, duplicate, outcome)| MutationResult {
            mutation_id,
            seq,
            duplicate,
            outcome,
        },
    );
    (vec(result, 0..4), any::<u64>(), any::<u64>()).prop_map(
        |(results, acknowledged_seq, server_time_ms)| PushResponse {
            protocol: ProtocolVersion::V1,
            results,
            acknowledged_seq,
            server_time_ms,
        },
    )
}

fn change_body() -> impl Strategy<Value = ChangeBody> {
    prop_oneof![
        btree_map(text(), versioned(), 0..4).prop_map(|fields| ChangeBody::Insert { fields }),
        btree_map(text(), versioned(), 0..4).prop_map(|fields| ChangeBody::Update { fields }),
        Just(ChangeBody::Delete),
        record().prop_map(|record| ChangeBody::Append { record }),
        conflict().prop_map(|conflict| ChangeBody::Conflict {
            conflict: Box::new(conflict),
        }),
    ]
}

fn pull_response() -> impl Strategy<Value = PullResponse> {
    let body = change_body();
    let change = (
        any::<u64>(),
        entity(),
        uuid(),
        uuid(),
        uuid(),
        stamp(),
        body,
    )
        .prop_map(
            |(version, entity, entity_id, mutation_id, author_device, hlc, body)| Change {
                version: ChangeVersion(version),
                entity,
                entity_id,
                mutation_id,
                author_device,
                hlc,
                body,
            },
        );
    (vec(change, 0..4), any::<u64>(), any::<bool>(), any::<u64>()).prop_map(
        |(changes, next, has_more, server_time_ms)| PullResponse {
            protocol: ProtocolVersion::V1,
            changes,
            next_cursor: ChangeVersion(next),
            has_more,
            server_time_ms,
        },
    )
}

fn enrollment() -> impl Strategy<Value = (EnrollRequest, EnrollResponse)> {
    let request = (
        any::<[u8; 8]>(),
        uuid(),
        text(),
        text(),
        proptest::option::of(uuid()),
    )
        .prop_map(
            |(code, device_id, device_name, app_version, center_id)| EnrollRequest {
                protocol: ProtocolVersion::V1,
                code: EnrollmentCode::from_random(code),
                device_id,
                device_name,
                app_version,
                center_id,
            },
        );
    let expires = proptest::option::of((0i64..4_000_000_000, 0u32..1_000_000_000).prop_map(
        |(secs, nanos)| chrono::DateTime::from_timestamp(secs, nanos).expect("in range"),
    ));
    let response = (uuid(), uuid(), text(), any::<[u8; 32]>(), expires).prop_map(
        |(device_id, center_id, center_name, token, expires_at)| EnrollResponse {
            protocol: ProtocolVersion::V1,
            device_id,
            center_id,
            center_name,
            token: DeviceToken::from_random(token),
            expires_at,
        },
    );
    (request, response)
}

fn error_body() -> impl Strategy<Value = ErrorBody> {
    (
        error_code(),
        text(),
        proptest::option::of(vec(any::<u32>().prop_map(ProtocolVersion), 0..3)),
        proptest::option::of(any::<u64>()),
        vec(text(), 0..3),
    )
        .prop_map(
            |(code, message, supported_versions, acknowledged_seq, details)| ErrorBody {
                code,
                message,
                supported_versions,
                acknowledged_seq,
                details,
            },
        )
}

/// `value` as a JSON object with `kind` at `at` among its keys (the other
/// keys keep their order) and perhaps a field a newer peer added, written by
/// hand so the order is exact.
fn with_kind_at<T: serde::Serialize>(value: &T, at: usize, added: Option<&Value>) -> String {
    let Value::Object(mut map) = serde_json::to_value(value).expect("encodes") else {
        panic!("a tagged enum encodes as an object");
    };
    let kind = map.remove("kind").expect("tagged");
    let mut entries: Vec<(String, Value)> = map.into_iter().collect();
    entries.extend(added.map(|v| ("added_later".to_owned(), v.clone())));
    entries.insert(at.min(entries.len()), ("kind".into(), kind));
    let inner: Vec<String> = entries
        .iter()
        .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), v))
        .collect();
    format!("{{{}}}", inner.join(","))
}

fn round_trip<M: Message + PartialEq + Debug>(message: &M) -> Result<(), TestCaseError> {
    let back: M = decode(&encode(message)).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, message);
    Ok(())
}

proptest! {
    #[test]
    fn push_requests_round_trip(
        device_id in uuid(),
        mutations in vec(mutation(), 0..5),
    ) {
        round_trip(&PushRequest { protocol: ProtocolVersion::V1, device_id, mutations })?;
    }

    /// `Op` and `ChangeBody` are decoded by hand when `kind` comes first (as
    /// every Doyak peer writes it) and by serde's derived decoder otherwise:
    /// both paths must read the same value, whatever the key order and
    /// whatever unknown field a newer peer adds.
    #[test]
    fn tagged_enums_decode_alike_wherever_kind_is(
        op in op(),
        body in change_body(),
        at in 0usize..3,
        extra in json(),
    ) {
        for added in [None, Some(&extra)] {
            for text in [with_kind_at(&op, 0, added), with_kind_at(&op, at, added)] {
                let back: Op = serde_json::from_str(&text)
                    .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
                prop_assert_eq!(&back, &op);
            }
        }
        for text in [with_kind_at(&body, 0, Some(&extra)), with_kind_at(&body, at, None)] {
            let back: ChangeBody = serde_json::from_str(&text)
                .map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
            prop_assert_eq!(&back, &body);
        }
    }

    #[test]
    fn push_responses_round_trip(response in push_response()) {
        round_trip(&response)?;
    }

    #[test]
    fn pulls_round_trip(cursor in any::<u64>(), limit in any::<u32>(), page in pull_response()) {
        round_trip(&PullRequest { protocol: ProtocolVersion::V1, cursor: ChangeVersion(cursor), limit })?;
        round_trip(&page)?;
    }

    #[test]
    fn enrollments_round_trip((request, response) in enrollment()) {
        round_trip(&request)?;
        round_trip(&response)?;
    }

    #[test]
    fn error_bodies_round_trip(body in error_body()) {
        let text = serde_json::to_string(&body).expect("encodes");
        let back: ErrorBody = serde_json::from_str(&text).expect("decodes");
        prop_assert_eq!(back, body);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..256)) {
        let _ = decode::<PushRequest>(&bytes);
        let _ = decode::<PullResponse>(&bytes);
        let _ = decode::<EnrollResponse>(&bytes);
    }

    #[test]
    fn arbitrary_json_in_a_v1_envelope_never_panics(body in json()) {
        let mut envelope = match body {
            Value::Object(map) => map,
            other => Map::from_iter([("mutations".to_owned(), other)]),
        };
        envelope.insert("protocol".to_owned(), Value::from(1));
        let bytes = serde_json::to_vec(&envelope).expect("encodes");
        let _ = decode::<PushRequest>(&bytes);
        let _ = decode::<PushResponse>(&bytes);
        let _ = decode::<PullResponse>(&bytes);
    }
}
