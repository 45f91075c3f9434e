//! Representative messages of protocol v1, built in code: the snapshot tests
//! pin their JSON, the round-trip tests read them back.

use doyak_sync_protocol::*;
use serde_json::json;
use std::collections::BTreeMap;
use uuid::Uuid;

/// A UUIDv7 minted at a fixed millisecond, so samples never change.
pub fn id(n: u8) -> Uuid {
    uuid::Builder::from_unix_timestamp_millis(1_760_000_000_000 + u64::from(n), &[n; 10])
        .into_uuid()
}

pub fn device() -> Uuid {
    id(200)
}

pub fn other_device() -> Uuid {
    id(201)
}

pub fn stamp(device: Uuid, wall_ms: u64, counter: u32) -> HlcStamp {
    HlcStamp {
        wall_ms,
        counter,
        device: device.to_string(),
    }
}

fn object(value: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map,
        other => panic!("samples build objects, not {other}"),
    }
}

/// One mutation of each op, and a resolution, as a desk would push them.
pub fn push_request() -> PushRequest {
    let base = |seq: u64, entity: EntityKind, entity_id: Uuid, op: Op| Mutation {
        mutation_id: id(seq as u8),
        seq,
        entity,
        entity_id,
        op,
        hlc: stamp(device(), 1_760_000_000_000 + seq, 0),
        schema_version: 2,
        resolves: Vec::new(),
    };
    let seeker = id(100);
    let mut resolution = base(
        5,
        EntityKind::Seeker,
        seeker,
        Op::Update {
            fields: BTreeMap::from([(
                "phone".to_owned(),
                FieldEdit {
                    value: json!("010-2222-3333"),
                    base: 3,
                },
            )]),
        },
    );
    resolution.resolves = vec![id(150)];
    PushRequest {
        protocol: ProtocolVersion::V1,
        device_id: device(),
        mutations: vec![
            base(
                1,
                EntityKind::Seeker,
                seeker,
                Op::Insert {
                    record: object(json!({
                        "id": seeker.to_string(),
                        "center_id": id(99).to_string(),
                        "name": "김도약",
                        "phone": "010-1111-2222",
                    })),
                },
            ),
            base(
                2,
                EntityKind::Seeker,
                seeker,
                Op::Update {
                    fields: BTreeMap::from([(
                        "phone".to_owned(),
                        FieldEdit {
                            value: json!("010-9999-8888"),
                            base: 1,
                        },
                    )]),
                },
            ),
            base(
                3,
                EntityKind::Event,
                id(101),
                Op::Append {
                    record: object(json!({
                        "id": id(101).to_string(),
                        "subject_id": seeker.to_string(),
                        "occurred_on": "2025-10-09",
                        "body": { "type": "counseling_session", "minutes": 50 },
                    })),
                },
            ),
            base(4, EntityKind::Vacancy, id(102), Op::Delete),
            resolution,
        ],
    }
}

pub fn conflict() -> ConflictRecord {
    ConflictRecord {
        conflict_id: id(150),
        entity: EntityKind::Seeker,
        entity_id: id(100),
        field: "phone".to_owned(),
        base_version: 1,
        overwritten: ConflictSide {
            value: json!("010-5555-6666"),
            version: 2,
            device_id: other_device(),
            hlc: stamp(other_device(), 1_760_000_000_001, 0),
            mutation_id: id(60),
        },
        applied: ConflictSide {
            value: json!("010-9999-8888"),
            version: 3,
            device_id: device(),
            hlc: stamp(device(), 1_760_000_000_002, 0),
            mutation_id: id(2),
        },
        same_id: false,
        resolution: None,
    }
}

/// The answer to [`push_request`]: each outcome once, the first a replay.
pub fn push_response() -> PushResponse {
    let applied = |change: u64, versions: &[(&str, u64)]| Applied {
        change_version: Some(ChangeVersion(change)),
        versions: versions
            .iter()
            .map(|(f, v)| ((*f).to_owned(), *v))
            .collect(),
        server_kept: BTreeMap::new(),
    };
    let result = |seq: u64, duplicate: bool, outcome: Outcome| MutationResult {
        mutation_id: id(seq as u8),
        seq,
        duplicate,
        outcome,
    };
    let mut kept = applied(44, &[("status", 4)]);
    kept.server_kept.insert(
        "status".to_owned(),
        VersionedValue {
            value: json!("hired"),
            version: 4,
        },
    );
    PushResponse {
        protocol: ProtocolVersion::V1,
        results: vec![
            result(1, true, Outcome::Applied(applied(41, &[]))),
            result(
                2,
                false,
                Outcome::ConflictRecorded {
                    applied: applied(42, &[("phone", 3)]),
                    conflicts: vec![conflict()],
                },
            ),
            result(
                3,
                false,
                Outcome::Rejected(Rejection {
                    code: ErrorCode::RecordInvalid,
                    message: "상담 기록의 상담 시간이 0분입니다.".to_owned(),
                }),
            ),
            result(4, false, Outcome::Applied(applied(43, &[]))),
            result(5, false, Outcome::Applied(kept)),
        ],
        acknowledged_seq: 5,
        server_time_ms: 1_760_000_100_000,
    }
}

pub fn pull_request() -> PullRequest {
    PullRequest {
        protocol: ProtocolVersion::V1,
        cursor: ChangeVersion(40),
        limit: 500,
    }
}

pub fn pull_response() -> PullResponse {
    let change = |version: u64, entity: EntityKind, entity_id: Uuid, body: ChangeBody| Change {
        version: ChangeVersion(version),
        entity,
        entity_id,
        mutation_id: id(version as u8),
        author_device: other_device(),
        hlc: stamp(other_device(), 1_760_000_000_000 + version, 1),
        body,
    };
    let versioned = |value: serde_json::Value, version: u64| VersionedValue { value, version };
    let mut resolved = conflict();
    resolved.resolution = Some(ConflictResolution {
        mutation_id: id(5),
        device_id: device(),
        hlc: stamp(device(), 1_760_000_000_005, 0),
    });
    PullResponse {
        protocol: ProtocolVersion::V1,
        changes: vec![
            change(
                41,
                EntityKind::Company,
                id(110),
                ChangeBody::Insert {
                    fields: BTreeMap::from([
                        ("name".to_owned(), versioned(json!("도약정밀"), 1)),
                        ("employees".to_owned(), versioned(json!(42), 1)),
                    ]),
                },
            ),
            change(
                42,
                EntityKind::Company,
                id(110),
                ChangeBody::Update {
                    fields: BTreeMap::from([("employees".to_owned(), versioned(json!(45), 2))]),
                },
            ),
            change(43, EntityKind::Vacancy, id(102), ChangeBody::Delete),
            change(
                44,
                EntityKind::Event,
                id(111),
                ChangeBody::Append {
                    record: object(
                        json!({ "id": id(111).to_string(), "body": { "type": "company_visit" } }),
                    ),
                },
            ),
            change(
                45,
                EntityKind::Seeker,
                id(100),
                ChangeBody::Conflict {
                    conflict: Box::new(resolved),
                },
            ),
        ],
        next_cursor: ChangeVersion(47),
        has_more: true,
        server_time_ms: 1_760_000_100_000,
    }
}

pub fn enroll_request() -> EnrollRequest {
    EnrollRequest {
        protocol: ProtocolVersion::V1,
        code: EnrollmentCode::from_random([7; 8]),
        device_id: device(),
        device_name: "3층 상담실 노트북".to_owned(),
        app_version: "0.1.0".to_owned(),
        center_id: None,
    }
}

pub fn enroll_response() -> EnrollResponse {
    EnrollResponse {
        protocol: ProtocolVersion::V1,
        device_id: device(),
        center_id: id(99),
        center_name: "도약 고용센터".to_owned(),
        token: DeviceToken::from_random([0x3c; 32]),
        expires_at: Some(
            chrono::DateTime::from_timestamp(1_791_536_000, 0).expect("a valid 2026 instant"),
        ),
    }
}

pub fn server_info() -> ServerInfo {
    ServerInfo {
        protocols: ProtocolVersion::SUPPORTED.to_vec(),
        limits: Limits::DEFAULT,
        server_version: "doyak-server 0.1.0".to_owned(),
    }
}

pub fn unsupported_version_error() -> ErrorBody {
    ProtocolError::UnsupportedVersion {
        found: 9,
        supported: ProtocolVersion::SUPPORTED.to_vec(),
    }
    .to_body()
}

pub fn sequence_gap_error() -> ErrorBody {
    let mut body = ErrorBody::new(ErrorCode::PushSequenceGap);
    body.acknowledged_seq = Some(17);
    body
}
