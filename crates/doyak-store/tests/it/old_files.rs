//! Upgrades caseload files that earlier releases really wrote (committed in
//! tests/fixtures/schema-vN, see the README there), not files faked by
//! undoing migrations: an undo script can only remove what its author
//! remembers, and a real file also carries the old release's JSON, device
//! row, tallies and outbox rows exactly as they were written.

use crate::*;
use doyak_domain::{Application, CaseEvent, Company, Vacancy};
use doyak_store::SCHEMA_VERSION;
use doyak_sync_protocol::Op;
use serde_json::Value;
use std::path::Path;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One committed old file and what its manifest says it holds.
pub(crate) struct OldFile {
    pub version: i64,
    pub manifest: Value,
    /// A copy in a temporary directory: opening migrates the file in place,
    /// and the committed fixture must stay as the old release left it.
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub(crate) fn old_file(version: i64) -> OldFile {
    let from = fixtures().join(format!("schema-v{version}"));
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(from.join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(
        manifest["schema_version"], version,
        "the manifest describes the file of its own directory"
    );
    assert_eq!(
        manifest["passphrase"], PASS,
        "the fixtures are keyed with the tests' passphrase, so no other secret is committed"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("caseload.doyak");
    std::fs::copy(from.join("caseload.doyak"), &path).unwrap();
    assert!(
        !from.join("caseload.doyak-wal").exists(),
        "a fixture is checkpointed: rows left in a WAL file would not be part of it"
    );
    OldFile {
        version,
        manifest,
        _dir: dir,
        path,
    }
}

/// A record as the manifest lists it, read through the current types.
fn known<R: serde::de::DeserializeOwned>(old: &OldFile, kind: &str) -> R {
    serde_json::from_value(old.manifest["records"][kind].clone()).unwrap_or_else(|e| {
        panic!(
            "schema v{}: the manifest's {kind} no longer reads as the current type: {e}",
            old.version
        )
    })
}

fn id_of(old: &OldFile, kind: &str) -> Id {
    old.manifest["records"][kind]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn raw_version(path: &Path) -> i64 {
    let conn = doyak_store::testing::raw_connection(path, &Passphrase::new(PASS), false).unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn has_table(path: &Path, table: &str) -> bool {
    let conn = doyak_store::testing::raw_connection(path, &Passphrase::new(PASS), false).unwrap();
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [table],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        == 1
}

#[test]
fn every_earlier_schema_has_a_committed_file() {
    for version in 1..SCHEMA_VERSION {
        let dir = fixtures().join(format!("schema-v{version}"));
        assert!(
            dir.join("caseload.doyak").is_file() && dir.join("manifest.json").is_file(),
            "no file written at schema {version} in {}: before a migration is added, write \
             one with the last commit whose newest schema was {version} (tests/fixtures/README.md)",
            dir.display()
        );
    }
}

#[test]
fn files_of_every_earlier_schema_open_with_their_rows_and_outbox() {
    for version in 1..SCHEMA_VERSION {
        let old = old_file(version);
        let v = format!("schema v{version}");
        assert_eq!(
            raw_version(&old.path),
            version,
            "{v}: the committed file really is at its schema, so the test starts from it"
        );
        assert_eq!(
            has_table(&old.path, "sync_state"),
            version >= 3,
            "{v}: files before 0003 have no sync tables; the migration must add them"
        );

        let mut store = Store::open(&old.path, &Passphrase::new(PASS)).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "{v}: opening applies every later migration"
        );
        store.verify().unwrap();
        assert_eq!(
            store.caseload().device_id,
            old.manifest["device_id"].as_str().unwrap(),
            "{v}: the device keeps its id, or the server would see a new device with a gap"
        );
        check_rows(&old, &store);
        check_outbox(&old, &store);
        check_rejections(&old, &mut store);
        let state = store.sync_state().unwrap();
        assert_eq!(
            state.cursor,
            doyak_sync_protocol::ChangeVersion::START,
            "{v}: a file that never pulled starts from the start of the change log"
        );
        assert!(!state.enrolled, "{v}: and has no device token yet");
        drop(store);

        // The second open finds the current schema and changes nothing.
        let mut store = Store::open(&old.path, &Passphrase::new(PASS)).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        check_rows(&old, &store);
        check_outbox(&old, &store);

        // The migrated file takes new work where the old release stopped.
        let mut seeker: JobSeeker = known(&old, "seeker");
        seeker.status = SeekerStatus::JobSearch;
        store.write(&ctx(), |w| w.update(&seeker)).unwrap();
        let batch = store.outbox_batch(100).unwrap();
        let last = batch.last().unwrap();
        assert_eq!(
            last.seq, 8,
            "{v}: seven rows were written (pending, or sent and settled at schema 3), so the next \
             change is number 8: sequence numbers have no gaps"
        );
        assert_eq!(
            i64::from(last.schema_version),
            doyak_store::RECORD_SCHEMA,
            "{v}: a change made after the upgrade is stamped with the current record schema"
        );
    }
}

/// A schema-3 file holds a refusal (its phone edit, row 7) recorded before
/// the desk kept what a refused change sent: it reads back, cannot be sent
/// again (nothing to send), says so, and can be dismissed.
fn check_rejections(old: &OldFile, store: &mut Store) {
    let v = format!("schema v{}", old.version);
    let expected = old.manifest["rejections"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let listed = store.rejections().unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|r| (
                r.mutation_id.to_string(),
                r.seq,
                r.code.as_str().to_owned(),
                r.op.clone()
            ))
            .collect::<Vec<_>>(),
        expected
            .iter()
            .map(|r| (
                r["mutation_id"].as_str().unwrap().to_owned(),
                r["seq"].as_u64().unwrap(),
                r["code"].as_str().unwrap().to_owned(),
                r["op"].as_str().unwrap().to_owned()
            ))
            .collect::<Vec<_>>(),
        "{v}: every refusal the old release recorded is still listed"
    );
    for r in &listed {
        assert!(
            !r.kept,
            "{v}: schema 3 did not keep what a refused change sent"
        );
        let err = store.retry_rejection(&ctx(), r.mutation_id).unwrap_err();
        assert!(
            matches!(err, doyak_store::StoreError::NotRetryable { .. }),
            "{v}: so it cannot go again, and says why: {err}"
        );
        assert!(store.dismiss_rejection(r.mutation_id).unwrap(), "{v}");
    }
}

fn check_rows(old: &OldFile, store: &Store) {
    let v = format!("schema v{}", old.version);
    let seeker: JobSeeker = known(old, "seeker");
    assert_eq!(
        seeker.name, "홍길순",
        "{v}: the manifest's seeker is the one the old program wrote"
    );
    assert_eq!(
        store.get::<JobSeeker>(seeker.id).unwrap().as_ref(),
        Some(&seeker),
        "{v}: the seeker reads back whole, Korean name and the later phone edit included"
    );
    assert_eq!(
        store
            .get::<JobSeeker>(seeker.id)
            .unwrap()
            .and_then(|s| s.phone)
            .map(|p| p.as_str().to_owned()),
        Some("010-9876-5432".to_owned()),
        "{v}: the phone is the edited one, not the first"
    );
    let versions = store.field_versions::<JobSeeker>(seeker.id).unwrap();
    assert_eq!(
        versions.and_then(|m| m.get("phone").cloned()),
        Some(old.manifest["field_versions"]["seeker"]["phone"].clone()),
        "{v}: the edited field keeps the version the old release left (2 while pending; 1 after \
         the server refused the edit at schema 3), so the next edit is based on it"
    );

    assert_eq!(
        store
            .possible_duplicates("홍길순", None, Some("010-9876-5432"), 5)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        vec![seeker.id],
        "{v}: migration 0005 filled the phone column from the rows, so the duplicate check \
         finds the old seeker by phone"
    );
    assert_eq!(
        store
            .possible_duplicates("홍길순", seeker.birth_date, None, 5)
            .unwrap()
            .len(),
        1,
        "{v}: and by name and birth date"
    );

    let center: Center = known(old, "center");
    assert_eq!(
        store.get::<Center>(center.id).unwrap(),
        Some(center.clone())
    );
    assert_eq!(store.caseload().center_name, center.name);

    let company: Company = known(old, "company");
    assert_eq!(
        store.get::<Company>(company.id).unwrap().as_ref(),
        Some(&company),
        "{v}: the company reads back whole"
    );
    assert_eq!(
        store
            .company_by_business_number(&company.business_number)
            .unwrap(),
        Some(company.id),
        "{v}: the 사업자등록번호 column the old release wrote still finds the company"
    );

    let vacancy: Vacancy = known(old, "vacancy");
    assert_eq!(
        store.get::<Vacancy>(vacancy.id).unwrap().as_ref(),
        Some(&vacancy),
        "{v}: the vacancy reads back whole"
    );

    let application: Application = known(old, "application");
    assert_eq!(
        store.get::<Application>(application.id).unwrap().as_ref(),
        Some(&application)
    );
    assert_eq!(
        store
            .applications_waiting_since("2026-11-05".parse().unwrap())
            .unwrap(),
        vec![(application, "2026-11-05".parse().unwrap())],
        "{v}: an 알선 at 면접 since 2026-11-05, with no step recorded, waits from then; \
         on a v1 file this needs the status and date columns migration 0002 filled in"
    );

    let event: CaseEvent = known(old, "event");
    assert_eq!(
        store.events_of(seeker.id).unwrap(),
        vec![event],
        "{v}: the seeker's one session note reads back"
    );
    let due = store
        .follow_ups_due(
            "2026-12-01".parse().unwrap(),
            "2026-12-07".parse().unwrap(),
            10,
        )
        .unwrap();
    assert_eq!(
        due.iter()
            .map(|f| (f.seeker.id, f.last_session_on, f.next_on))
            .collect::<Vec<_>>(),
        vec![(
            seeker.id,
            "2026-11-20".parse().unwrap(),
            "2026-12-04".parse().unwrap()
        )],
        "{v}: the session of 2026-11-20 agreed on a next contact on 2026-12-04"
    );
    assert_eq!(
        store.count::<JobSeeker>().unwrap(),
        1,
        "{v}: the tally the old release kept still counts the one seeker"
    );
}

fn check_outbox(old: &OldFile, store: &Store) {
    let v = format!("schema v{}", old.version);
    let expected = old.manifest["outbox"].as_array().unwrap();
    assert_eq!(
        store.pending_changes().unwrap(),
        expected.len() as u64,
        "{v}: every change the old release queued is still to be sent"
    );
    let batch = store.outbox_batch(100).unwrap();
    let got: Vec<(u64, String, String, String, &str, String)> = batch
        .iter()
        .map(|m| {
            (
                m.seq,
                m.mutation_id.to_string(),
                m.entity.as_str().to_owned(),
                m.entity_id.to_string(),
                m.op.name(),
                m.hlc.to_string(),
            )
        })
        .collect();
    let want: Vec<(u64, String, String, String, &str, String)> = expected
        .iter()
        .map(|row| {
            (
                row["seq"].as_u64().unwrap(),
                row["mutation_id"].as_str().unwrap().to_owned(),
                row["entity"].as_str().unwrap().to_owned(),
                row["entity_id"].as_str().unwrap().to_owned(),
                row["op"].as_str().unwrap(),
                row["hlc"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got, want,
        "{v}: the pending rows keep their numbers, ids and clock stamps, so a resend is recognised"
    );
    assert!(
        batch
            .iter()
            .all(|m| i64::from(m.schema_version) == old.version && m.resolves.is_empty()),
        "{v}: rows keep the schema they were written under (the server upgrades older \
         shapes) and, written before conflicts existed, resolve none"
    );
    if expected.is_empty() {
        // The schema-3 file sent its seven rows (the manifest's `sent`) and
        // the server settled them: nothing queued to look into.
        return;
    }
    let phone_edit = batch.iter().find(|m| m.seq == 7).unwrap();
    match &phone_edit.op {
        Op::Update { fields } => {
            assert_eq!(
                fields.keys().collect::<Vec<_>>(),
                ["phone"],
                "{v}: the update carries only the field it changed"
            );
            assert_eq!(fields["phone"].base, 1, "{v}: based on the first version");
            assert_eq!(fields["phone"].value, "010-9876-5432");
        }
        other => panic!("{v}: seq 7 is the phone edit, found {other:?}"),
    }
    let insert_of = |entity_id: Id| {
        batch
            .iter()
            .find(|m| m.entity_id == entity_id.as_uuid())
            .map(|m| &m.op)
    };
    match insert_of(id_of(old, "event")) {
        Some(Op::Append { record }) => assert_eq!(
            Value::Object(record.clone()),
            old.manifest["records"]["event"],
            "{v}: the queued event is the event as written"
        ),
        other => panic!("{v}: the event was queued as an append, found {other:?}"),
    }
}
