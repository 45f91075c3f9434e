//! The conflict queue as the desk shows it, and 직접 합치기: the counselor
//! types text, the desk reads it in the field's shape.

use crate::*;
use doyak_app::sync::ConflictChoice;
use doyak_app::{AppError, SeekerForm};
use doyak_store::Store;
use doyak_sync_protocol::{
    Change, ChangeBody, ChangeVersion, ConflictRecord, ConflictSide, EntityKind, HlcStamp,
    ProtocolVersion, PullResponse,
};
use serde_json::{Value, json};
use uuid::Uuid;

const OTHER_DEVICE: Uuid = Uuid::from_u128(0x0199c9a4_8e00_7000_8000_0000000000d2);

fn stamp() -> HlcStamp {
    format!("001764000000000-00000000-{OTHER_DEVICE}")
        .parse()
        .unwrap()
}

/// Pulls a conflict on `field` of seeker `id` into the caseload file, as a
/// sync would, through a second connection.
fn pull_conflict(fx: &Fixture, id: Uuid, field: &str, overwritten: Value, applied: Value) {
    let side = |value: Value, version, n: u128| ConflictSide {
        value,
        version,
        device_id: OTHER_DEVICE,
        hlc: stamp(),
        mutation_id: Uuid::from_u128(0x0199c9a4_8e02_7000_8000_000000000000 + n),
    };
    let conflict = ConflictRecord {
        conflict_id: Uuid::from_u128(0x0199c9a4_8e03_7000_8000_000000000001),
        entity: EntityKind::Seeker,
        entity_id: id,
        field: field.to_owned(),
        base_version: 1,
        overwritten: side(overwritten, 2, 1),
        applied: side(applied, 3, 2),
        same_id: false,
        resolution: None,
    };
    let mut store = Store::open(
        &fx._dir.path().join("caseload.doyak"),
        &Passphrase::new(PASS),
    )
    .unwrap();
    let cursor = store.sync_state().unwrap().cursor;
    let page = PullResponse {
        protocol: ProtocolVersion::CURRENT,
        next_cursor: ChangeVersion(cursor.0 + 1),
        changes: vec![Change {
            version: ChangeVersion(cursor.0 + 1),
            entity: EntityKind::Seeker,
            entity_id: id,
            mutation_id: Uuid::now_v7(),
            author_device: OTHER_DEVICE,
            hlc: stamp(),
            body: ChangeBody::Conflict {
                conflict: Box::new(conflict),
            },
        }],
        has_more: false,
        server_time_ms: 1_764_000_000_000,
    };
    store.apply_pull_page(cursor, &page, clock().0).unwrap();
}

fn seeker_with_wage(fx: &mut Fixture, wage: &str) -> String {
    let d = &mut fx.desk;
    let mut f: SeekerForm = d.new_seeker_form();
    f.name = "김합침".into();
    f.status = "job_search".into();
    f.desired_wage_monthly = wage.into();
    d.save_seeker_form(&f).unwrap()
}

fn findings(e: AppError) -> Vec<(String, String)> {
    e.field_errors()
        .iter()
        .map(|f| (f.field.clone(), f.message.clone()))
        .collect()
}

#[test]
fn a_merged_number_is_typed_by_the_desk_and_refused_with_a_hint_when_it_is_not_one() {
    let mut fx = new_desk();
    let id = seeker_with_wage(&mut fx, "280");
    pull_conflict(
        &fx,
        id.parse().unwrap(),
        "desired_wage_monthly",
        json!(2_300_000),
        json!(2_800_000),
    );
    let queue = fx.desk.conflict_queue().unwrap();
    assert_eq!(queue.len(), 1, "the pulled conflict is open");
    let view = &queue[0];
    assert_eq!(
        (
            view.merge_text.as_str(),
            view.merge_hint.as_str(),
            view.mergeable
        ),
        ("2800000", "숫자로 적습니다 (예: 2,500,000).", true),
        "the box starts from the value in the record now, and says a number is wanted"
    );

    let refused = fx
        .desk
        .resolve_conflict(
            &view.conflict_id,
            &ConflictChoice::Merged {
                text: "많이".into(),
            },
        )
        .unwrap_err();
    assert_eq!(
        findings(refused),
        [(
            "desired_wage_monthly".to_owned(),
            "숫자로 입력해 주세요.".to_owned()
        )],
        "text that is not a number is refused under the field, in Korean"
    );
    assert_eq!(
        fx.desk.conflict_queue().unwrap().len(),
        1,
        "a refused merge leaves the conflict open"
    );

    fx.desk
        .resolve_conflict(
            &view.conflict_id,
            &ConflictChoice::Merged {
                text: "2,500,000".into(),
            },
        )
        .unwrap();
    assert!(
        fx.desk.conflict_queue().unwrap().is_empty(),
        "the merge settles it"
    );
    let seeker = fx.desk.seeker(id.parse().unwrap()).unwrap();
    assert_eq!(
        seeker.desired_wage_monthly,
        Some(2_500_000),
        "thousands separators are read, and the number is stored as a number"
    );
}

#[test]
fn a_structured_field_offers_no_merge_box() {
    let mut fx = new_desk();
    let id = seeker_with_wage(&mut fx, "");
    let cert =
        |name: &str| json!([{ "name": name, "qualification_id": null, "acquired_on": null }]);
    pull_conflict(
        &fx,
        id.parse().unwrap(),
        "certificates",
        cert("용접기능사"),
        cert("지게차운전기능사"),
    );
    let view = &fx.desk.conflict_queue().unwrap()[0];
    assert!(
        !view.mergeable,
        "a list of certificates with dates cannot be typed as text"
    );
    let refused = fx
        .desk
        .resolve_conflict(
            &view.conflict_id,
            &ConflictChoice::Merged {
                text: "용접기능사".into(),
            },
        )
        .unwrap_err();
    assert_eq!(findings(refused)[0].0, "certificates");
}

/// The record schema a desk stamps on its changes is one the server of the
/// same release applies. The two were one number until migration 0004 (the
/// desk's own table) would have made every server refuse every change of an
/// updated desk as `schema.too_new`.
#[test]
fn the_desk_stamps_a_record_schema_the_server_applies() {
    let stamped = u32::try_from(doyak_store::RECORD_SCHEMA).unwrap();
    assert!(
        (doyak_server::records::MIN_SCHEMA..=doyak_server::records::MAX_SCHEMA).contains(&stamped),
        "desk stamps {stamped}; server applies {}..={}",
        doyak_server::records::MIN_SCHEMA,
        doyak_server::records::MAX_SCHEMA
    );
}
