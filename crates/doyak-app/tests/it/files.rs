//! The desk's file screen: imports that report instead of failing, exports
//! that never overwrite, demos only into empty caseloads, new caseloads.

use crate::*;
use doyak_app::{
    ExportPurpose, ExportRequest, Identifiers, ImportKind, ImportRequest, NewCaseloadForm,
};

/// A masked export of `kind` as `format`, for handover.
pub fn masked(kind: ImportKind, format: &str) -> ExportRequest {
    ExportRequest {
        kind,
        format: format.into(),
        purpose: ExportPurpose::Handover,
        purpose_note: String::new(),
        identifiers: Identifiers::Masked,
        password: String::new(),
    }
}

#[test]
fn a_refused_import_is_an_outcome_with_the_lines_to_fix() {
    let mut fx = new_desk();
    let csv =
        "이름,생년월일,연락처\n김도약,1990-01-01,010-1234-5678\n이도약,2999-01-01,010-2222-3333\n";
    let request = ImportRequest {
        kind: ImportKind::Seekers,
        skip_invalid: false,
        update: false,
    };
    let mut calls = 0;
    let outcome = fx
        .desk
        .import_file(&request, csv.as_bytes(), &mut |_, _| calls += 1)
        .unwrap();
    assert!(!outcome.saved, "one bad row refuses the whole file");
    assert_eq!(outcome.report.errors.len(), 1);
    assert_eq!(outcome.report.errors[0].line, 3, "the header is line 1");
    assert_eq!(fx.desk.summary().unwrap().seekers, 0);
    assert!(calls > 0, "progress was reported");

    let skip = ImportRequest {
        skip_invalid: true,
        ..request
    };
    let outcome = fx
        .desk
        .import_file(&skip, csv.as_bytes(), &mut |_, _| {})
        .unwrap();
    assert!(outcome.saved);
    assert_eq!(outcome.report.imported, 1);
    assert_eq!(fx.desk.summary().unwrap().seekers, 1);
}

#[test]
fn exports_land_in_the_folder_and_never_overwrite() {
    let mut fx = new_desk();
    let dir = tempfile::tempdir().unwrap();
    let first = fx
        .desk
        .export_to_dir(&masked(ImportKind::Companies, "csv"), dir.path())
        .unwrap();
    let second = fx
        .desk
        .export_to_dir(&masked(ImportKind::Companies, "csv"), dir.path())
        .unwrap();
    assert!(
        first.path.ends_with("도약-기업-2026-11-25.csv"),
        "{}",
        first.path
    );
    assert!(
        second.path.ends_with("도약-기업-2026-11-25 (2).csv"),
        "{}",
        second.path
    );
    assert_eq!(first.count, 0);
    let bad = fx
        .desk
        .export_to_dir(&masked(ImportKind::Companies, "pdf"), dir.path())
        .unwrap_err();
    assert_eq!(bad.field_errors()[0].field, "format");
}

#[test]
fn a_demo_goes_only_into_an_empty_caseload() {
    let mut fx = new_desk();
    let mut steps = Vec::new();
    let made = fx
        .desk
        .demo_into_empty(30, 5, 7, &mut |d, t| steps.push((d, t)))
        .unwrap();
    assert_eq!(made, 30);
    assert_eq!(fx.desk.summary().unwrap().seekers, 30);
    assert_eq!(
        steps.last().map(|(d, t)| d == t),
        Some(true),
        "progress ends at 100%"
    );
    let again = fx
        .desk
        .demo_into_empty(30, 5, 8, &mut |_, _| {})
        .unwrap_err();
    assert_eq!(again.code(), "demo.not_empty");
    assert!(again.to_string().contains("빈 사례관리 파일"), "{again}");
    assert_eq!(fx.desk.summary().unwrap().seekers, 30, "nothing was added");
}

#[test]
fn a_new_caseload_needs_a_name_and_a_confirmed_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.doyak");
    let form = NewCaseloadForm {
        center_name: " ".into(),
        center_sigungu: String::new(),
        passphrase: "짧음".into(),
        confirm: "다름".into(),
    };
    let err = Desk::create_from_form(&path, &form, clock()).unwrap_err();
    let fields: Vec<&str> = err
        .field_errors()
        .iter()
        .map(|e| e.field.as_str())
        .collect();
    assert_eq!(fields, ["center_name", "passphrase", "confirm"]);
    assert!(!path.exists(), "no file is written for a refused form");

    let ok = NewCaseloadForm {
        center_name: "안산고용복지플러스센터".into(),
        center_sigungu: "41273".into(),
        passphrase: "긴 암호 문장입니다".into(),
        confirm: "긴 암호 문장입니다".into(),
    };
    let desk = Desk::create_from_form(&path, &ok, clock()).unwrap();
    assert_eq!(desk.center_name(), "안산고용복지플러스센터");
    drop(desk);
    assert!(Desk::open(&path, &Passphrase::new("긴 암호 문장입니다"), clock()).is_ok());
}

#[test]
fn the_data_screen_offers_exactly_what_the_use_cases_accept() {
    let choices = doyak_app::data_choices();
    let shown: Vec<String> = choices
        .kinds
        .iter()
        .chain(&choices.export_formats)
        .map(|c| format!("{}={}", c.value, c.label))
        .collect();
    assert_eq!(
        shown,
        [
            "seekers=구직자",
            "companies=기업",
            "vacancies=구인공고",
            "xlsx=XLSX",
            "csv=CSV",
            "jsonl=JSONL"
        ],
        "the labels are the domain's, in the order the screen lists them"
    );
    assert_eq!(choices.import_extensions, ["csv", "xlsx"]);
    assert_eq!(choices.max_import_mb, 64);
    let mut fx = new_desk();
    let dir = tempfile::tempdir().unwrap();
    for kind in &choices.kinds {
        let kind: ImportKind = serde_json::from_value(serde_json::json!(kind.value))
            .expect("every offered kind is an ImportKind");
        for format in &choices.export_formats {
            let out = fx
                .desk
                .export_to_dir(&masked(kind, &format.value), dir.path())
                .unwrap_or_else(|e| panic!("{kind:?} as {}: {e}", format.value));
            assert!(
                out.path.ends_with(&format!(".{}", format.value)),
                "the format's value is the file's extension: {}",
                out.path
            );
        }
    }
}

#[test]
fn a_picked_file_is_imported_by_its_path() {
    let mut fx = new_desk();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("구직자.csv");
    std::fs::write(
        &path,
        "이름,생년월일,연락처\n김도약,1990-01-01,010-1234-5678\n",
    )
    .unwrap();
    let request = ImportRequest {
        kind: ImportKind::Seekers,
        skip_invalid: false,
        update: false,
    };
    let outcome = fx
        .desk
        .import_path(&request, &path, &mut |_, _| {})
        .unwrap();
    assert!(outcome.saved);
    assert_eq!(fx.desk.summary().unwrap().seekers, 1);
}

#[test]
fn a_file_over_the_limit_is_refused_from_its_size_before_it_is_read() {
    let mut fx = new_desk();
    let dir = tempfile::tempdir().unwrap();
    let request = ImportRequest {
        kind: ImportKind::Seekers,
        skip_invalid: false,
        update: false,
    };
    let limit = doyak_app::MAX_IMPORT_BYTES as u64;
    // Sparse files: the sizes are on paper, nothing is on disk. One byte
    // over the limit, and four times the limit: a read stops one byte past
    // the limit, so the exact size of the larger one can only have come
    // from the file system, before any reading.
    for (size, shown) in [
        (limit + 1, "67,108,865바이트"),
        (limit * 4, "268,435,456바이트"),
    ] {
        let path = dir.path().join("큰 명단.csv");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(size).unwrap();
        drop(file);
        let error = fx
            .desk
            .import_path(&request, &path, &mut |_, _| {
                panic!("nothing is imported from a refused file")
            })
            .unwrap_err();
        let message = error.to_string();
        assert_eq!(error.code(), "file.too_large");
        for part in ["'큰 명단.csv'", shown, "64 MB까지"] {
            assert!(
                message.contains(part),
                "the refusal names the file, its size and the limit; missing {part}: {message}"
            );
        }
    }
    assert_eq!(fx.desk.summary().unwrap().seekers, 0);
}

#[test]
fn a_missing_file_or_a_folder_is_refused_by_name() {
    let mut fx = new_desk();
    let dir = tempfile::tempdir().unwrap();
    let request = ImportRequest {
        kind: ImportKind::Seekers,
        skip_invalid: false,
        update: false,
    };
    let missing = fx
        .desk
        .import_path(&request, &dir.path().join("없는 파일.csv"), &mut |_, _| {})
        .unwrap_err()
        .to_string();
    assert!(
        missing.contains("'없는 파일.csv' 파일을 읽을 수 없습니다"),
        "{missing}"
    );
    let folder = fx
        .desk
        .import_path(&request, dir.path(), &mut |_, _| {})
        .unwrap_err()
        .to_string();
    assert!(folder.contains("파일이 아닙니다"), "{folder}");
}

/// The import screen's 수정 가져오기 reaches the same update as
/// `doyak import --update`: the row with an existing ID changes that record
/// (one versioned edit to sync), the row without one is a new record.
#[test]
fn the_screens_correction_import_updates_by_id() {
    let mut fx = new_desk();
    let first = "이름,생년월일,연락처\n김도약,1990-01-01,010-1234-5678\n";
    let request = ImportRequest {
        kind: ImportKind::Seekers,
        skip_invalid: false,
        update: false,
    };
    let outcome = fx
        .desk
        .import_file(&request, first.as_bytes(), &mut |_, _| {})
        .unwrap();
    assert!(outcome.saved);
    let id = fx
        .desk
        .list_seekers(&doyak_app::SeekerFilter::default())
        .unwrap()
        .items[0]
        .id;
    let pending = fx.desk.store().pending_count().unwrap();
    let fix = format!("ID,이름,연락처\n{id},김도약,010-9999-8888\n,이새봄,010-3333-4444\n");
    let refused = fx
        .desk
        .import_file(&request, fix.as_bytes(), &mut |_, _| {})
        .unwrap();
    assert!(
        !refused.saved,
        "without 수정 가져오기 an existing ID is an error, never a silent overwrite"
    );
    let outcome = fx
        .desk
        .import_file(
            &ImportRequest {
                update: true,
                ..request
            },
            fix.as_bytes(),
            &mut |_, _| {},
        )
        .unwrap();
    assert!(outcome.saved, "{:?}", outcome.report.errors);
    assert_eq!(
        (outcome.report.updated, outcome.report.imported),
        (1, 1),
        "one record corrected, one new"
    );
    assert_eq!(
        fx.desk.store().pending_count().unwrap(),
        pending + 2,
        "the correction is one edit to sync, the new seeker one insert"
    );
}
