//! The access-log upload: the hash rule both sides compute, and the checks
//! a server runs on a batch by itself before it looks at what it holds.

use doyak_sync_protocol::*;

/// The fixture's three entries, written by a separate implementation of the
/// documented rule (length-prefixed fields, SHA-256): the crate must agree.
fn batch() -> AccessLogRequest {
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/v1/access_log_request.json"),
    )
    .expect("the fixture exists");
    decode(&bytes).expect("the fixture decodes")
}

#[test]
fn the_hash_rule_is_the_documented_one() {
    let batch = batch();
    for e in &batch.entries {
        assert_eq!(
            e.computed_hash(),
            e.hash,
            "entry {}: the fixture's hashes were computed outside this crate by the rule in its doc",
            e.seq
        );
    }
    assert_eq!(
        batch.validate(),
        vec![],
        "a whole chain from seq 1 is valid"
    );
}

#[test]
fn a_missing_entity_id_hashes_apart_from_an_empty_one() {
    let mut e = batch().entries[2].clone();
    assert_eq!(e.entity_id, None);
    let missing = e.computed_hash();
    e.entity_id = Some(String::new());
    assert_ne!(
        e.computed_hash(),
        missing,
        "no id and an empty id are different entries"
    );
}

#[test]
fn an_edited_entry_breaks_the_chain_where_it_was_edited() {
    let mut edited = batch();
    edited.entries[1].entity_id = Some("0199cd0a-f465-7465-a465-656565656565".into());
    assert_eq!(
        edited.validate(),
        vec![ProtocolError::AccessChainBroken {
            seq: 2,
            what: "기록 내용이 해시와 맞지 않습니다"
        }],
        "the edited entry's hash no longer fits; the next still links to the stored hash"
    );
    assert_eq!(edited.validate()[0].code(), ErrorCode::AccessLogChainBroken);

    let mut rehashed = batch();
    rehashed.entries[1].detail = "report:resume".into();
    rehashed.entries[1].hash = rehashed.entries[1].computed_hash();
    assert_eq!(
        rehashed.validate(),
        vec![ProtocolError::AccessChainBroken {
            seq: 3,
            what: "앞 기록과 연결이 끊겼습니다"
        }],
        "an entry rehashed after an edit no longer matches the next entry's prev_hash"
    );

    let mut removed = batch();
    removed.entries.remove(1);
    assert_eq!(
        removed.validate(),
        vec![
            ProtocolError::AccessSequenceGap {
                expected: 2,
                found: 3
            },
            ProtocolError::AccessChainBroken {
                seq: 3,
                what: "앞 기록과 연결이 끊겼습니다"
            }
        ],
        "a removed middle entry leaves a gap in the numbering, and the next entry links to the removed one"
    );
}

#[test]
fn a_first_entry_must_start_from_the_genesis_hash() {
    let mut batch = batch();
    batch.entries.truncate(1);
    batch.entries[0].prev_hash = "1".repeat(64);
    batch.entries[0].hash = batch.entries[0].computed_hash();
    assert_eq!(
        batch.validate(),
        vec![ProtocolError::AccessChainBroken {
            seq: 1,
            what: "첫 기록이 빈 해시에서 시작하지 않습니다"
        }]
    );
}

#[test]
fn entries_of_the_wrong_form_or_too_many_are_refused_before_the_chain() {
    let mut bad = batch();
    bad.entries[0].at = "2026-12-01 09:30".into();
    bad.entries[1].detail = "x".repeat(MAX_ACCESS_TEXT_BYTES + 1);
    bad.entries[2].hash = "ABC".into();
    let problems = bad.validate();
    assert_eq!(problems.len(), 3, "one problem per bad entry: {problems:?}");
    assert!(
        problems
            .iter()
            .all(|p| matches!(p, ProtocolError::AccessEntryInvalid { .. })
                && p.code() == ErrorCode::RequestMalformed),
        "a malformed entry is the sender's bug, not a broken chain: {problems:?}"
    );

    let mut empty = batch();
    empty.entries.clear();
    assert_eq!(empty.validate(), vec![ProtocolError::EmptyBatch]);

    let one = batch().entries[0].clone();
    let mut many = batch();
    many.entries = (1..=MAX_ACCESS_LOG_ENTRIES as u64 + 1)
        .map(|seq| AccessLogEntry { seq, ..one.clone() })
        .collect();
    assert_eq!(
        many.validate()[0].code(),
        ErrorCode::RequestTooLarge,
        "the desk splits a batch over the limit"
    );
}
