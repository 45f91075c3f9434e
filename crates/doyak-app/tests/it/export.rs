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
        let (bytes, count) = a.desk.export(ImportKind::Seekers, format).unwrap();
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
        .export(ImportKind::Seekers, ExportFormat::Jsonl)
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
        .export(ImportKind::Seekers, ExportFormat::Csv)
        .unwrap();
    let trail = fx.desk.store().audit_trail(None).unwrap();
    let export = trail
        .iter()
        .find(|r| r.action == "export")
        .expect("an export row");
    assert_eq!(export.entity, "seeker");
    assert_eq!(export.detail, "2건 Csv");
    assert!(trail.iter().all(|r| !r.detail.contains("김민수")));
    assert!(
        trail
            .iter()
            .any(|r| r.action == "import" && r.detail == "2건")
    );
    let _ = fx.desk.list_seekers(&SeekerFilter::default()).unwrap();
}
