//! Hand-written v1 bodies under `tests/fixtures/v1`: the compatibility
//! promise. Every later build must still decode each of them to the same
//! meaning; never edit one to make a test pass, add a new one instead.

use doyak_sync_protocol::*;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

fn read(name: &str) -> Vec<u8> {
    let path = dir().join(format!("{name}.json"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn versioned<M: Message>(name: &str) -> M {
    decode(&read(name)).unwrap_or_else(|e| panic!("{name}.json no longer decodes: {e}"))
}

fn plain<T: serde::de::DeserializeOwned>(name: &str) -> T {
    serde_json::from_slice(&read(name))
        .unwrap_or_else(|e| panic!("{name}.json no longer decodes: {e}"))
}

/// Each fixture, with what it must still mean.
const CHECKS: &[(&str, fn())] = &[
    ("push_request", push_request),
    ("push_response", push_response),
    ("pull_request", pull_request),
    ("pull_response", pull_response),
    (
        "pull_response_from_a_newer_server",
        pull_response_from_a_newer_server,
    ),
    ("enroll_request", enroll_request),
    ("enroll_response", enroll_response),
    ("server_info", server_info),
    ("error_unsupported_version", error_unsupported_version),
    ("error_unknown_code", error_unknown_code),
    ("access_log_request", access_log_request),
    ("access_log_response", access_log_response),
];

#[test]
fn every_fixture_is_checked_and_still_means_the_same() {
    let mut found: Vec<String> = std::fs::read_dir(dir())
        .expect("the fixture folder exists")
        .map(|e| {
            let path = e.expect("readable entry").path();
            let stem = path.file_stem().expect("a file name").to_string_lossy();
            stem.into_owned()
        })
        .collect();
    found.sort();
    let mut checked: Vec<String> = CHECKS.iter().map(|(n, _)| (*n).to_owned()).collect();
    checked.sort();
    assert_eq!(found, checked, "a fixture without a check promises nothing");
    for (_, check) in CHECKS {
        check();
    }
}

fn push_request() {
    let batch: PushRequest = versioned("push_request");
    assert_eq!(batch.validate(), vec![], "the fixture is a valid batch");
    let ops: Vec<&str> = batch.mutations.iter().map(|m| m.op.name()).collect();
    assert_eq!(ops, ["insert", "update", "append", "delete", "update"]);
    let Op::Update { fields } = &batch.mutations[1].op else {
        panic!("the second mutation is an update");
    };
    assert_eq!(fields["status"].base, 2);
    assert_eq!(batch.mutations[1].hlc.counter, 1);
    assert_eq!(
        batch.mutations[4].resolves.len(),
        1,
        "a resolution keeping the value"
    );
}

fn push_response() {
    let response: PushResponse = versioned("push_response");
    assert_eq!(response.acknowledged_seq, 11);
    assert!(response.results[0].duplicate && !response.results[1].duplicate);
    let Outcome::ConflictRecorded { applied, conflicts } = &response.results[1].outcome else {
        panic!("the second mutation recorded a conflict");
    };
    assert_eq!(applied.versions["phone"], 3);
    assert_eq!(conflicts[0].overwritten.value, "010-7777-8888");
    assert!(matches!(
        &response.results[2].outcome,
        Outcome::Rejected(Rejection {
            code: ErrorCode::RecordInvalid,
            ..
        })
    ));
    let Outcome::Applied(nothing) = &response.results[3].outcome else {
        panic!("the delete applied");
    };
    assert_eq!(
        nothing.change_version, None,
        "optional fields default when absent"
    );
    let Outcome::Applied(kept) = &response.results[4].outcome else {
        panic!("the resolution applied");
    };
    assert_eq!(kept.server_kept["status"].version, 5);
}

fn pull_request() {
    let request: PullRequest = versioned("pull_request");
    assert_eq!(request.cursor, ChangeVersion::START);
    assert_eq!(request.validate(), vec![]);
}

fn pull_response() {
    let page: PullResponse = versioned("pull_response");
    assert_eq!(page.validate(ChangeVersion(119)), vec![]);
    assert_eq!(page.changes.len(), 5);
    assert!(matches!(page.changes[2].body, ChangeBody::Conflict { .. }));
    assert_eq!(page.next_cursor, ChangeVersion(125));
}

fn pull_response_from_a_newer_server() {
    let page: PullResponse = versioned("pull_response_from_a_newer_server");
    let change = &page.changes[0];
    assert!(
        !change.entity.is_known(),
        "a new kind decodes instead of failing the page"
    );
    assert_eq!(change.entity.as_str(), "training_course");
    assert_eq!(
        page.next_cursor,
        ChangeVersion(302),
        "so the cursor still advances"
    );
}

fn enroll_request() {
    let request: EnrollRequest = versioned("enroll_request");
    assert_eq!(
        request.code.grouped(),
        "7K2M-9QRS-TV3W",
        "typed codes are normalized"
    );
}

fn enroll_response() {
    let response: EnrollResponse = versioned("enroll_response");
    assert!(
        response
            .token
            .expose_secret()
            .starts_with("doyak_dt1_00112233")
    );
    assert_eq!(
        response.expires_at.map(|t| t.timestamp()),
        Some(1_791_504_000)
    );
}

fn server_info() {
    let info: ServerInfo = plain("server_info");
    assert_eq!(
        negotiate(ProtocolVersion::SUPPORTED, &info.protocols),
        Some(ProtocolVersion::V1)
    );
    // What a server of the first release announced (500 mutations per push;
    // later servers take 2,000): a desk reads whatever a server says.
    assert_eq!(
        info.limits,
        Limits {
            max_push_mutations: 500,
            ..Limits::DEFAULT
        }
    );
}

fn error_unsupported_version() {
    let body: ErrorBody = plain("error_unsupported_version");
    assert_eq!(body.code, ErrorCode::ProtocolUnsupportedVersion);
    assert_eq!(body.supported_versions, Some(vec![ProtocolVersion::V1]));
}

fn error_unknown_code() {
    let body: ErrorBody = plain("error_unknown_code");
    assert_eq!(body.code.as_str(), "center.quota_exceeded");
    assert!(
        body.message.starts_with("센터의"),
        "the message is what the desk shows"
    );
}

fn access_log_request() {
    let batch: AccessLogRequest = versioned("access_log_request");
    assert_eq!(batch.validate(), vec![], "the fixture is a whole chain");
    assert_eq!(batch.entries[0].prev_hash, ACCESS_LOG_GENESIS);
    assert_eq!(
        batch.entries[2].entity_id, None,
        "an export names no one record"
    );
}

fn access_log_response() {
    let response: AccessLogResponse = versioned("access_log_response");
    assert_eq!((response.acknowledged_seq, response.stored), (3, 2));
}
