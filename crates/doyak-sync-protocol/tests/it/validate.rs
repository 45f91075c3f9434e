//! The pure checks a server runs on a batch before touching its database,
//! and a desk runs on a pull page before storing it.

use crate::samples::{self, id};
use doyak_sync_protocol::*;
use std::collections::BTreeMap;

#[test]
fn the_sample_batch_is_valid() {
    assert_eq!(samples::push_request().validate(), vec![]);
    assert_eq!(samples::pull_request().validate(), vec![]);
    let page = samples::pull_response();
    assert_eq!(page.validate(samples::pull_request().cursor), vec![]);
}

#[test]
fn a_batch_reports_every_problem_at_once() {
    let mut batch = samples::push_request();
    let m = &mut batch.mutations;
    m[1].seq = 3; // 1, 3: a gap
    m[2].mutation_id = m[0].mutation_id; // a duplicate id
    m[3].op = Op::Update {
        fields: BTreeMap::new(),
    }; // an update that changes nothing
    m[3].seq = 4;
    m[4].mutation_id = uuid::Uuid::from_u128(42); // not v7
    m[4].resolves.clear();
    m[4].op = Op::Update {
        fields: BTreeMap::from([(
            "phone".to_owned(),
            FieldEdit {
                value: serde_json::json!("x"),
                base: 0,
            },
        )]),
    };
    let dup = m[0].mutation_id;
    let problems = batch.validate();
    let expected = vec![
        ProtocolError::SequenceGap {
            mutation_id: id(2),
            expected: 2,
            found: 3,
        },
        ProtocolError::SequenceGap {
            mutation_id: dup,
            expected: 4,
            found: 3,
        },
        ProtocolError::DuplicateMutationId { mutation_id: dup },
        ProtocolError::EmptyUpdate { mutation_id: id(4) },
        ProtocolError::MutationIdNotV7 {
            mutation_id: uuid::Uuid::from_u128(42),
        },
        ProtocolError::ZeroBaseVersion {
            mutation_id: uuid::Uuid::from_u128(42),
            field: "phone".to_owned(),
        },
    ];
    assert_eq!(problems, expected, "each problem once, in batch order");
    let body = ErrorBody::from_problems(&problems);
    assert_eq!(
        body.code,
        ErrorCode::PushSequenceGap,
        "the first problem decides the code"
    );
    assert_eq!(
        body.details.len(),
        6,
        "and every problem is listed for the log"
    );
}

#[test]
fn sequence_numbers_start_at_one_and_may_start_anywhere_after() {
    let mut batch = samples::push_request();
    for (i, m) in batch.mutations.iter_mut().enumerate() {
        m.seq = 100 + i as u64;
    }
    assert_eq!(
        batch.validate(),
        vec![],
        "a batch resumes wherever the outbox is"
    );
    batch.mutations[0].seq = 0;
    assert!(matches!(
        batch.validate().first(),
        Some(ProtocolError::SequenceGap {
            expected: 1,
            found: 0,
            ..
        })
    ));
}

#[test]
fn size_limits_and_empty_batches() {
    let mut batch = samples::push_request();
    batch.mutations.clear();
    assert_eq!(batch.validate(), vec![ProtocolError::EmptyBatch]);
    let one = samples::push_request().mutations[0].clone();
    batch.mutations = (1..=MAX_PUSH_MUTATIONS as u64 + 1)
        .map(|seq| Mutation {
            seq,
            mutation_id: uuid::Builder::from_unix_timestamp_millis(seq, &[0; 10]).into_uuid(),
            ..one.clone()
        })
        .collect();
    assert_eq!(
        batch.validate(),
        vec![ProtocolError::TooManyMutations {
            count: MAX_PUSH_MUTATIONS + 1,
            limit: MAX_PUSH_MUTATIONS
        }]
    );
}

#[test]
fn each_mutation_is_checked_on_its_own() {
    let mut batch = samples::push_request();
    let m = &mut batch.mutations;
    m[0].op = Op::Insert {
        record: serde_json::Map::new(),
    };
    m[1].hlc = samples::stamp(samples::other_device(), 1, 0);
    m[2].entity = EntityKind::from_wire("training_course");
    m[3].resolves = vec![id(150)];
    m[4].schema_version = 0;
    let problems = batch.validate();
    assert_eq!(
        problems,
        vec![
            ProtocolError::EmptyRecord { mutation_id: id(1) },
            ProtocolError::ForeignStamp { mutation_id: id(2) },
            ProtocolError::UnknownEntity {
                mutation_id: id(3),
                kind: "training_course".to_owned()
            },
            ProtocolError::ResolutionNotUpdate { mutation_id: id(4) },
            ProtocolError::ZeroSchemaVersion { mutation_id: id(5) },
        ]
    );
    assert_eq!(
        problems[2].code(),
        ErrorCode::SchemaTooNew,
        "a kind the server does not know must refuse the batch, not drop the mutation"
    );
}

#[test]
fn a_resolution_may_keep_the_current_value() {
    let mut batch = samples::push_request();
    batch.mutations[4].op = Op::Update {
        fields: BTreeMap::new(),
    };
    assert_eq!(
        batch.validate(),
        vec![],
        "resolving by keeping the value is an update with no fields that names the conflict"
    );
}

#[test]
fn pull_limits_and_pages() {
    let mut request = samples::pull_request();
    request.limit = 0;
    assert_eq!(request.validate(), vec![ProtocolError::ZeroPullLimit]);
    request.limit = u32::MAX;
    assert_eq!(request.validate(), vec![]);
    assert_eq!(request.effective_limit(), MAX_PULL_LIMIT);

    let mut page = samples::pull_response();
    page.changes.swap(0, 1);
    page.next_cursor = ChangeVersion(10);
    assert_eq!(
        page.validate(ChangeVersion(41)),
        vec![
            ProtocolError::PageOutOfOrder {
                after: 42,
                found: 41
            },
            ProtocolError::PageOutOfOrder {
                after: 45,
                found: 10
            },
        ],
        "a change out of log order, and a next cursor behind the data, are both refused"
    );
}
