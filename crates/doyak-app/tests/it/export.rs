//! Exports: JSON Lines is versioned, CSV and XLSX import back into another
//! caseload unchanged, and every export is in the audit log.

use crate::*;
use doyak_app::{ExportFormat, ImportKind, ImportOptions, SeekerFilter};
use doyak_domain::JobSeeker;

fn seeded() -> Fixture {
    let mut fx = new_desk();
    let csv = "이름,생년월일,성별,전화번호,거주지,희망직종,희망임금,최대통근거리,교대근무,보유자격,대상집단,메모
김민수,1990-05-01,남,010-1234-5678,41273,82,2800000,20,예,용접기능사,청년,\"=SUM(A1) 주의, 쉼표\"
이영희,1985-03-02,여,031-123-4567,41271,55;82,2500000,15,아니오,,경력보유여성,
";
    fx.desk
        .import(
            ImportKind::Seekers,
            csv.as_bytes(),
            ImportOptions::default(),
            &mut |_, _| {},
        )
        .unwrap();
    fx
}

fn all_seekers(desk: &doyak_app::Desk) -> Vec<JobSeeker> {
    let mut out = Vec::new();
    desk.store()
        .for_each::<JobSeeker>(|s| {
            out.push(s);
            Ok(())
        })
        .unwrap();
    out
}

#[test]
fn csv_and_xlsx_exports_import_back_unchanged() {
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let mut a = seeded();
        let (bytes, count) = a
            .desk
            .export_with_purpose(
                ImportKind::Seekers,
                format,
                doyak_app::ExportPurpose::Transfer,
                "",
                &doyak_app::CliIdentifiers::Plain,
            )
            .unwrap();
        assert_eq!(count, 2);
        let mut b = new_desk();
        let report = b
            .desk
            .import(
                ImportKind::Seekers,
                &bytes,
                ImportOptions::default(),
                &mut |_, _| {},
            )
            .unwrap();
        assert_eq!(report.imported, 2, "{format:?}: {report:?}");
        let mut original = all_seekers(&a.desk);
        let copied = all_seekers(&b.desk);
        for s in &mut original {
            s.center_id = b.desk.center_id();
        }
        assert_eq!(
            copied, original,
            "{format:?}: every exported field survives the round trip"
        );
    }
}

#[test]
fn jsonl_lines_carry_format_and_version() {
    let mut fx = seeded();
    let (bytes, count) = fx
        .desk
        .export_with_purpose(
            ImportKind::Seekers,
            ExportFormat::Jsonl,
            doyak_app::ExportPurpose::Transfer,
            "",
            &doyak_app::CliIdentifiers::Plain,
        )
        .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), count);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["format"], "doyak.seeker");
        assert_eq!(v["version"], 1);
        let s: JobSeeker = serde_json::from_value(v).unwrap();
        assert!(!s.name.is_empty());
    }
}

#[test]
fn exports_are_audited_without_personal_data() {
    let mut fx = seeded();
    fx.desk
        .export_with_purpose(
            ImportKind::Seekers,
            ExportFormat::Csv,
            doyak_app::ExportPurpose::Transfer,
            "",
            &doyak_app::CliIdentifiers::Plain,
        )
        .unwrap();
    let trail = fx.desk.store().audit_trail(None).unwrap();
    let export = trail
        .iter()
        .find(|r| r.action == "export")
        .expect("an export row");
    assert_eq!(export.entity, "seeker");
    assert_eq!(
        export.detail,
        "2건 Csv 전체(명령줄, 암호화 안 함) 목적: 다른 사례관리 파일로 옮기기"
    );
    assert!(trail.iter().all(|r| !r.detail.contains("김민수")));
    assert!(
        trail
            .iter()
            .any(|r| r.action == "import" && r.detail == "2건")
    );
    let _ = fx.desk.list_seekers(&SeekerFilter::default()).unwrap();
}

/// The desk's 내보내기 of the seeded seekers as `format`, masked or in full.
fn desk_export(
    fx: &mut Fixture,
    format: &str,
    identifiers: doyak_app::Identifiers,
    password: &str,
) -> Result<(doyak_app::ListExported, Vec<u8>), doyak_app::AppError> {
    let dir = tempfile::tempdir().unwrap();
    let request = doyak_app::ExportRequest {
        identifiers,
        password: password.into(),
        ..crate::files::masked(ImportKind::Seekers, format)
    };
    let out = fx.desk.export_to_dir(&request, dir.path())?;
    let bytes = std::fs::read(&out.path).unwrap();
    Ok((out, bytes))
}

#[test]
fn a_desk_export_masks_identifiers_leaves_out_notes_and_cannot_be_imported_over_people() {
    let mut fx = seeded();
    let (out, bytes) = desk_export(&mut fx, "csv", doyak_app::Identifiers::Masked, "").unwrap();
    assert!(out.masked && !out.encrypted && out.path.ends_with(".csv"));
    let text = String::from_utf8(bytes.clone()).unwrap();
    // 대상집단 and 메모 are left out as columns (an empty column would clear
    // them on 수정 가져오기).
    let header = text.lines().next().unwrap();
    assert!(
        !header.contains("대상집단") && !header.contains("메모"),
        "{header}"
    );
    for gone in [
        "경력보유여성",
        "김민수",
        "이영희",
        "1990-05-01",
        "010-1234-5678",
        "031-123-4567",
        "SUM(A1)",
    ] {
        assert!(!text.contains(gone), "{gone} in a masked export:\n{text}");
    }
    // What a list handed around needs stays: 김*수, the phone's ends, the
    // birth year; codes are names a person reads.
    for kept in [
        "김*수",
        "이*희",
        "010-****-5678",
        "031-***-4567",
        "1990-**-**",
        "경기도 안산시 단원구",
    ] {
        assert!(text.contains(kept), "{kept} missing:\n{text}");
    }
    assert!(
        text.contains("금속·재료 설치·정비·생산직(판금·단조·주조·용접·도장 등) (82)"),
        "the occupation by its name, its code beside it:\n{text}"
    );

    // Imported over the caseload (수정 가져오기), the masked names are refused
    // line by line: never 김*수 over 김민수.
    let refused = fx
        .desk
        .import(
            ImportKind::Seekers,
            &bytes,
            ImportOptions {
                update: true,
                ..ImportOptions::default()
            },
            &mut |_, _| {},
        )
        .unwrap_err();
    let report = match refused {
        doyak_app::AppError::ImportRejected { report, .. } => report,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        report
            .errors
            .iter()
            .filter(|e| e.message.contains("가림 처리된 이름"))
            .count(),
        2
    );
    assert!(all_seekers(&fx.desk).iter().any(|s| s.name == "김민수"));

    // The access log has it as codes: how many, the format, masked, why.
    let log = fx.desk.access_log(None, 10).unwrap();
    assert!(
        log.iter()
            .any(|e| e.detail == "2 csv masked purpose=handover"),
        "{log:?}"
    );
}

#[test]
fn identifiers_in_full_only_come_in_an_encrypted_zip_that_opens_with_the_password() {
    let mut fx = seeded();
    let refused =
        desk_export(&mut fx, "csv", doyak_app::Identifiers::Full, "짧은암호").unwrap_err();
    assert_eq!(refused.field_errors()[0].field, "password");
    assert!(refused.field_errors()[0].message.contains("12자 이상"));

    let password = "압축 파일 암호 열두 자";
    let (out, zipped) =
        desk_export(&mut fx, "csv", doyak_app::Identifiers::Full, password).unwrap();
    assert!(
        out.encrypted && !out.masked && out.path.ends_with(".zip"),
        "{out:?}"
    );
    let holds =
        |bytes: &[u8], needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(
        !holds(&zipped, "김민수") && !holds(&zipped, "010-1234"),
        "encrypted, not stored"
    );

    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).unwrap();
    assert_eq!(archive.len(), 1);
    let name = archive.name_for_index(0).unwrap().unwrap().into_owned();
    assert!(
        name.starts_with("도약-구직자-") && name.ends_with(".csv"),
        "{name}"
    );
    assert!(
        archive.by_index_decrypt(0, b"wrong password").is_err(),
        "another password opens nothing"
    );
    let mut inner = Vec::new();
    std::io::Read::read_to_end(
        &mut archive.by_index_decrypt(0, password.as_bytes()).unwrap(),
        &mut inner,
    )
    .unwrap();
    let text = String::from_utf8(inner).unwrap();
    assert!(
        text.contains("김민수") && text.contains("010-1234-5678"),
        "in full inside:\n{text}"
    );

    // 기타 needs its words.
    let dir = tempfile::tempdir().unwrap();
    let other = doyak_app::ExportRequest {
        purpose: doyak_app::ExportPurpose::Other,
        ..crate::files::masked(ImportKind::Seekers, "csv")
    };
    let refused = fx.desk.export_to_dir(&other, dir.path()).unwrap_err();
    assert_eq!(refused.field_errors()[0].field, "purpose_note");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_masked_json_lines_export_says_so_and_holds_no_barriers() {
    let mut fx = seeded();
    let (_, bytes) = desk_export(&mut fx, "jsonl", doyak_app::Identifiers::Masked, "").unwrap();
    let text = String::from_utf8(bytes).unwrap();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["masked"], serde_json::json!(true), "{line}");
        assert!(v["name"].as_str().unwrap().contains('*'), "{line}");
        assert_eq!(v["barriers"], serde_json::json!([]), "{line}");
        assert!(v["note"].is_null(), "{line}");
        assert_eq!(v["target_groups"], serde_json::json!([]), "{line}");
        assert_eq!(v["work_history"], serde_json::json!([]), "{line}");
    }
    assert!(!text.contains("김민수") && !text.contains("1234-5678"));
}
