//! What the scenarios share: a seeker record, an enrolled device that
//! numbers its mutations, and reading a center's whole change log.

use super::*;

pub fn seeker(id: Uuid, center: Uuid) -> Map<String, Value> {
    let s = JobSeeker {
        status: SeekerStatus::Consulting,
        enrolled_on: Some(chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()),
        ..JobSeeker::intake(Id::from(id), Id::from(center), "김도약")
    };
    match serde_json::to_value(s).unwrap() {
        Value::Object(m) => m,
        _ => unreachable!(),
    }
}

pub struct Device {
    pub id: Uuid,
    pub row: doyak_server::model::DeviceRow,
    pub seq: u64,
    pub clock: u64,
}

impl Device {
    pub fn mutation(&mut self, entity: &str, entity_id: Uuid, op: Op) -> Mutation {
        self.seq += 1;
        self.clock += 1;
        Mutation {
            mutation_id: uuid7(self.clock * 1000 + self.id.as_u128() as u64 % 1000),
            seq: self.seq,
            entity: serde_json::from_value(json!(entity)).unwrap(),
            entity_id,
            op,
            hlc: format!(
                "{:015}-{:08}-{}",
                1_760_000_000_000u64 + self.clock,
                0,
                self.id
            )
            .parse::<HlcStamp>()
            .unwrap(),
            schema_version: 3,
            resolves: vec![],
        }
    }

    pub fn request(&self, mutations: Vec<Mutation>) -> PushRequest {
        PushRequest {
            protocol: ProtocolVersion::V1,
            device_id: self.id,
            mutations,
        }
    }
}

pub fn update(fields: &[(&str, Value, u64)]) -> Op {
    Op::Update {
        fields: fields
            .iter()
            .map(|(k, v, base)| {
                (
                    (*k).to_owned(),
                    FieldEdit {
                        value: v.clone(),
                        base: *base,
                    },
                )
            })
            .collect::<BTreeMap<_, _>>(),
    }
}

pub fn enroll(service: &SyncService, center: Uuid, n: u64) -> Device {
    let code = service
        .create_enrollment_code(center, Duration::hours(1), now())
        .unwrap();
    let id = uuid7(900 + n);
    let response = service
        .enroll(
            &EnrollRequest {
                protocol: ProtocolVersion::V1,
                code,
                device_id: id,
                device_name: format!("상담실 노트북 {n}"),
                app_version: "test".into(),
                center_id: None,
            },
            now(),
        )
        .unwrap();
    assert_eq!(
        response.center_id, center,
        "the code's center is the device's"
    );
    let row = service
        .authenticate(response.token.expose_secret(), now())
        .unwrap();
    Device {
        id,
        row,
        seq: 0,
        clock: n * 100,
    }
}

pub fn outcome_code(o: &Outcome) -> Option<ErrorCode> {
    match o {
        Outcome::Rejected(r) => Some(r.code.clone()),
        _ => None,
    }
}

pub fn pull_all(service: &SyncService, device: &Device) -> Vec<doyak_sync_protocol::Change> {
    let mut cursor = ChangeVersion::START;
    let mut all = Vec::new();
    loop {
        let page = service
            .pull(
                &device.row,
                &PullRequest {
                    protocol: ProtocolVersion::V1,
                    cursor,
                    limit: 2,
                },
                now(),
            )
            .unwrap();
        assert!(page.validate(cursor).is_empty(), "pages come in log order");
        all.extend(page.changes.iter().cloned());
        cursor = page.next_cursor;
        if !page.has_more {
            return all;
        }
    }
}
