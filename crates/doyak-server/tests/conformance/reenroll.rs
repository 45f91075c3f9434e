//! A desk that enrolled again as a new device (a copied file, a restored
//! backup) resends its unsent changes under new sequence numbers; the ones
//! its old identity already settled are answered from their stored results,
//! never applied a second time.

use super::{backends, enroll, now, outcome_code, pull_all, seeker, update, uuid7};
use doyak_sync_protocol::{HlcStamp, Mutation, Op, Outcome};
use serde_json::json;

#[test]
fn changes_resent_under_a_new_identity_are_answered_not_applied_again() {
    for backend in backends() {
        let name = backend.name;
        let service = &backend.service;
        let center = uuid7(50);
        service.put_center(center, "서부센터").unwrap();
        let mut original = enroll(service, center, 51);
        let mut other = enroll(service, center, 52);
        let s = uuid7(500);

        // The original sends an insert and an edit; the backup taken before
        // that sync still holds both, unsent.
        let sent = vec![
            original.mutation(
                "seeker",
                s,
                Op::Insert {
                    record: seeker(s, center),
                },
            ),
            original.mutation("seeker", s, update(&[("note", json!("백업 전 메모"), 1)])),
        ];
        let first = service
            .push(&original.row, original.request(sent.clone()), now())
            .unwrap();
        assert!(
            first
                .results
                .iter()
                .all(|r| outcome_code(&r.outcome).is_none()),
            "{name}"
        );
        // Another counselor edits the note afterwards.
        let later = other.mutation("seeker", s, update(&[("note", json!("나중 메모"), 2)]));
        service
            .push(&other.row, other.request(vec![later]), now())
            .unwrap();
        let log = pull_all(service, &other).len();

        // The restored backup enrolls as a new device and resends both,
        // renumbered from 1 under its new id (`Store::become_new_device`).
        let mut restored = enroll(service, center, 53);
        let resent: Vec<Mutation> = sent
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let mut stamp: HlcStamp = m.hlc.clone();
                stamp.device = restored.id.to_string();
                Mutation {
                    seq: k as u64 + 1,
                    hlc: stamp,
                    ..m.clone()
                }
            })
            .collect();
        restored.seq = resent.len() as u64;
        let answer = service
            .push(&restored.row, restored.request(resent.clone()), now())
            .unwrap();
        assert_eq!(
            answer.acknowledged_seq, 2,
            "{name}: both numbers are settled"
        );
        for (got, was) in answer.results.iter().zip(&first.results) {
            assert!(got.duplicate, "{name}: answered as a replay: {got:?}");
            assert_eq!(
                (got.mutation_id, got.seq, &got.outcome),
                (was.mutation_id, got.seq, &was.outcome),
                "{name}: with the outcome it had the first time, under its new number"
            );
        }
        let record = service
            .records(center)
            .unwrap()
            .into_iter()
            .find(|r| r.id == s)
            .unwrap();
        assert_eq!(
            (&record.fields["note"].value, record.fields["note"].version),
            (&json!("나중 메모"), 3),
            "{name}: the old edit did not overwrite the later one"
        );
        assert_eq!(
            pull_all(service, &other).len(),
            log,
            "{name}: nothing new in the log, no conflict"
        );

        // Sent once more (the answer lost), the new device's own replay.
        let again = service
            .push(&restored.row, restored.request(resent), now())
            .unwrap();
        assert!(again.results.iter().all(|r| r.duplicate), "{name}");
        // And its next own change is applied as usual.
        let own = restored.mutation("seeker", s, update(&[("email", json!("a@example.kr"), 1)]));
        let applied = service
            .push(&restored.row, restored.request(vec![own]), now())
            .unwrap();
        assert!(
            matches!(applied.results[0].outcome, Outcome::Applied(_))
                && !applied.results[0].duplicate,
            "{name}: {:?}",
            applied.results
        );
    }
}
