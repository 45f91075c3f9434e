//! Phone numbers typed any way are stored, answered and pulled in the
//! desk's one form.

use super::{backends, enroll, now, outcome_code, pull_all, seeker, update, uuid7};
use doyak_sync_protocol::{ChangeBody, ErrorCode, Op, Outcome};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

/// What a client holds of one record: each field's value and version,
/// kept by the desk's rules (doyak-store `take_applied`, `apply_pull_pages`):
/// after a push it takes the answer's versions and the values the server
/// kept; a pulled value only when its version is newer.
#[derive(Debug, Default)]
struct Replica(BTreeMap<String, (Value, u64)>);

impl Replica {
    fn pushed(&mut self, op: &Op, outcome: &Outcome) {
        let applied = match outcome {
            Outcome::Applied(a) | Outcome::ConflictRecorded { applied: a, .. } => a,
            Outcome::Rejected(r) => panic!("refused: {r:?}"),
        };
        match op {
            Op::Insert { record } => {
                for (k, v) in record {
                    self.0.insert(k.clone(), (v.clone(), 1));
                }
            }
            Op::Update { fields } => {
                for (k, edit) in fields {
                    self.0
                        .insert(k.clone(), (edit.value.clone(), edit.base + 1));
                }
            }
            _ => {}
        }
        for (k, version) in &applied.versions {
            if let Some(held) = self.0.get_mut(k) {
                held.1 = *version;
            }
        }
        for (k, kept) in &applied.server_kept {
            self.0.insert(k.clone(), (kept.value.clone(), kept.version));
        }
    }

    fn pulled(&mut self, changes: &[doyak_sync_protocol::Change], id: Uuid) {
        for change in changes.iter().filter(|c| c.entity_id == id) {
            if let ChangeBody::Insert { fields } | ChangeBody::Update { fields } = &change.body {
                for (k, v) in fields {
                    let newer = self.0.get(k).is_none_or(|(_, have)| v.version > *have);
                    if newer {
                        self.0.insert(k.clone(), (v.value.clone(), v.version));
                    }
                }
            }
        }
    }

    fn values(&self) -> Map<String, Value> {
        self.0
            .iter()
            .map(|(k, (v, _))| (k.clone(), v.clone()))
            .collect()
    }
}

/// A client that sends phone numbers as typed ("01012345678") — the desk
/// never does, it writes the domain's form — gets them stored, pulled and
/// answered in the desk's form, and after its push and a pull holds what
/// the server and every other device hold: no divergence.
#[test]
fn phone_numbers_are_stored_as_the_desk_shows_them() {
    for backend in backends() {
        eprintln!("backend: {}", backend.name);
        let service = &backend.service;
        let center = uuid7(3);
        service.put_center(center, "남부센터").unwrap();
        let mut typist = enroll(service, center, 7);
        let other = enroll(service, center, 8);
        let (s, c) = (uuid7(300), uuid7(301));

        let mut record = seeker(s, center);
        record.insert("phone".into(), json!("01012345678"));
        let company = json!({
            "id": c, "center_id": center, "counselor_id": null, "name": "한빛정밀(주)",
            "business_number": "220-81-62517", "ksic_code": "29", "size": "small",
            "employees": 42, "sigungu": "41273", "address": null, "industrial_complex": null,
            "focus_industries": [], "ppuri_techs": [], "contact_name": "김담당",
            "contact_phone": "+82 31 123 4567", "status": "matching",
            "enrolled_on": null, "note": null
        });
        let company = company.as_object().unwrap().clone();
        let steps = [
            ("seeker", s, Op::Insert { record }),
            ("company", c, Op::Insert { record: company }),
            ("seeker", s, update(&[("phone", json!("0311234567"), 1)])),
            // The same number typed another way changes nothing.
            ("seeker", s, update(&[("phone", json!("031 123 4567"), 2)])),
            ("seeker", s, update(&[("note", json!("연락 가능"), 1)])),
        ];
        let mut replicas: BTreeMap<Uuid, Replica> = BTreeMap::new();
        let mut answers = Vec::new();
        for (entity, id, op) in steps {
            let m = typist.mutation(entity, id, op.clone());
            let answer = service
                .push(&typist.row, typist.request(vec![m]), now())
                .unwrap();
            let outcome = &answer.results[0].outcome;
            replicas.entry(id).or_default().pushed(&op, outcome);
            answers.push(outcome.clone());
        }
        let kept = |i: usize, field: &str| match &answers[i] {
            Outcome::Applied(a) => a
                .server_kept
                .get(field)
                .map(|k| (k.value.clone(), k.version)),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            kept(0, "phone"),
            Some((json!("010-1234-5678"), 1)),
            "the insert's answer gives the stored form back: no pull would bring it, the desk holds version 1"
        );
        assert_eq!(kept(1, "contact_phone"), Some((json!("031-123-4567"), 1)));
        assert_eq!(kept(2, "phone"), Some((json!("031-123-4567"), 2)));
        let Outcome::Applied(same) = &answers[3] else {
            panic!("{:?}", answers[3])
        };
        assert_eq!(
            (same.change_version, kept(3, "phone")),
            (None, Some((json!("031-123-4567"), 2))),
            "an equal number in another form is no change; the answer still says how it is stored"
        );
        assert_eq!(kept(4, "note"), None, "other fields are stored as sent");

        let stored = service.records(center).unwrap();
        let value = |id: Uuid, field: &str| {
            stored.iter().find(|r| r.id == id).unwrap().fields[field]
                .value
                .clone()
        };
        assert_eq!(value(s, "phone"), json!("031-123-4567"));
        assert_eq!(value(c, "contact_phone"), json!("031-123-4567"));

        let changes = pull_all(service, &typist);
        let mut fresh: BTreeMap<Uuid, Replica> = BTreeMap::new();
        let others = pull_all(service, &other);
        for id in [s, c] {
            let server = stored.iter().find(|r| r.id == id).unwrap().values();
            replicas.get_mut(&id).unwrap().pulled(&changes, id);
            fresh.entry(id).or_default().pulled(&others, id);
            assert_eq!(
                replicas[&id].values(),
                server,
                "{}: the client that typed the numbers holds the server's record",
                backend.name
            );
            assert_eq!(
                fresh[&id].values(),
                server,
                "{}: so does a device that only pulled",
                backend.name
            );
        }

        let bad = typist.mutation("seeker", s, update(&[("phone", json!("12"), 2)]));
        let refused = service
            .push(&typist.row, typist.request(vec![bad]), now())
            .unwrap();
        assert_eq!(
            outcome_code(&refused.results[0].outcome),
            Some(ErrorCode::RecordInvalid),
            "what is not a phone number is refused, as before"
        );
    }
}
