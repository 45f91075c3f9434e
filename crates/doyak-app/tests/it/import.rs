//! Importing seekers, companies and vacancies: encodings, XLSX, and every kind
//! of bad row reported by line and column with nothing half-imported.

use crate::*;
use doyak_app::{AppError, ImportKind, ImportOptions, ImportReport, SeekerFilter};
use doyak_domain::{Company, JobSeeker, Vacancy};

const SEEKERS_CSV: &str =
    "이름,생년월일,전화번호,거주지,희망직종,희망임금,최대통근거리,교대근무,보유자격,대상집단
김민수,1990-05-01,010-1234-5678,41273,82,2800000,20,예,용접기능사;지게차,실업급여수급자;청년
이영희,1985.3.2,01098765432,경기도 안산시 상록구,55,2500000,15,아니오,,경력보유여성
박철수,19720101,,41273,89;82,\"3,000,000\",30,가능,특수용접,중장년
";

fn import(
    desk: &mut doyak_app::Desk,
    kind: ImportKind,
    bytes: &[u8],
    skip: bool,
) -> Result<ImportReport, AppError> {
    desk.import(
        kind,
        bytes,
        ImportOptions {
            skip_invalid: skip,
            update: false,
        },
        &mut |_, _| {},
    )
}

fn rejected(result: Result<ImportReport, AppError>) -> ImportReport {
    match result {
        Err(AppError::ImportRejected { report, .. }) => *report,
        other => panic!("expected the import to be rejected, got {other:?}"),
    }
}

#[test]
fn a_utf8_csv_with_korean_headers_imports_every_row() {
    let mut fx = new_desk();
    let report = import(
        &mut fx.desk,
        ImportKind::Seekers,
        SEEKERS_CSV.as_bytes(),
        false,
    )
    .unwrap();
    assert_eq!((report.rows, report.imported), (3, 3), "{report:?}");
    assert_eq!(report.source, "UTF-8");
    let page = fx
        .desk
        .list_seekers(&SeekerFilter {
            text: Some("ㄱㅁㅅ".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 1);
    let kim = &page.items[0];
    assert_eq!(kim.phone.as_ref().unwrap().as_str(), "010-1234-5678");
    assert_eq!(kim.certificates.len(), 2);
    assert_eq!(
        kim.certificates[1].name, "지게차운전기능사",
        "the spelling 지게차 links to the official name"
    );
    assert_eq!(kim.accepts_shift, Some(true));
    let park = fx
        .desk
        .list_seekers(&SeekerFilter {
            text: Some("박철수".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        park.items[0].desired_wage_monthly,
        Some(3_000_000),
        "thousands separators are accepted"
    );
    assert_eq!(park.items[0].birth_date.unwrap().to_string(), "1972-01-01");
}

#[test]
fn a_cp949_csv_from_korean_excel_is_detected_and_imported() {
    let mut fx = new_desk();
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(SEEKERS_CSV);
    assert!(!unmappable);
    let report = import(&mut fx.desk, ImportKind::Seekers, &bytes, false).unwrap();
    assert_eq!(report.source, "CP949");
    assert_eq!(report.imported, 3);
    assert_eq!(
        fx.desk
            .list_seekers(&SeekerFilter {
                text: Some("이영희".into()),
                ..Default::default()
            })
            .unwrap()
            .total,
        1
    );
}

#[test]
fn bad_rows_are_reported_by_line_and_column_and_nothing_is_saved() {
    let mut fx = new_desk();
    let csv = "이름,생년월일,전화번호,거주지,희망직종,희망임금
김정상,1990-01-01,010-1111-2222,41273,82,2500000
최미래,2031-01-01,,41273,82,2500000
정음수,1990-01-01,,41273,82,-100
한모름,1990-01-01,,99999,82,2500000
오코드,1990-01-01,,41273,XX,2500000
,1990-01-01,010-123,41273,82,2500000
";
    let report = rejected(import(
        &mut fx.desk,
        ImportKind::Seekers,
        csv.as_bytes(),
        false,
    ));
    let lines: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    expect_test::expect![[r#"
        [
            "3행 [생년월일] 미래 날짜(2031-01-01)는 입력할 수 없습니다.",
            "4행 [희망임금(월)] 금액은 0 이상이어야 합니다.",
            "5행 [거주지] 알 수 없는 시군구 코드입니다: 99999",
            "6행 [희망직종] 알 수 없는 직업분류(KECO) 코드입니다: XX",
            "7행 [이름] 필수 항목이 비어 있습니다.",
            "7행 [전화번호] 전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).",
        ]
    "#]]
    .assert_debug_eq(&lines);
    assert_eq!(
        fx.desk.store().count::<JobSeeker>().unwrap(),
        0,
        "all-or-nothing: even the good line 2 is not saved"
    );
    assert_eq!(
        fx.desk.pending_changes().unwrap(),
        1,
        "only the caseload's own center record is queued"
    );
}

#[test]
fn skip_invalid_saves_the_good_rows_and_reports_the_rest() {
    let mut fx = new_desk();
    let csv = "이름,생년월일\n김정상,1990-01-01\n최미래,2031-01-01\n이정상,1991-02-03\n";
    let report = import(&mut fx.desk, ImportKind::Seekers, csv.as_bytes(), true).unwrap();
    assert_eq!(
        (report.rows, report.imported, report.errors.len()),
        (3, 2, 1)
    );
    assert_eq!(report.errors[0].line, 3);
    assert_eq!(fx.desk.store().count::<JobSeeker>().unwrap(), 2);
    let csv_report = String::from_utf8(report.to_csv()).unwrap();
    assert!(csv_report.contains("3,생년월일,미래 날짜"), "{csv_report}");
}

#[test]
fn a_missing_required_column_rejects_the_file() {
    let mut fx = new_desk();
    let report = rejected(import(
        &mut fx.desk,
        ImportKind::Seekers,
        "성함,생년월일\n김,1990-01-01\n".as_bytes(),
        false,
    ));
    assert_eq!(report.errors[0].line, 1);
    assert!(
        report.errors[0].message.contains("필수 열 '이름'"),
        "{:?}",
        report.errors
    );
    assert_eq!(report.ignored_columns, ["성함"]);
}

#[test]
fn mis_encoded_and_malformed_files_are_clear_errors() {
    let mut fx = new_desk();
    let mut bytes = "이름,생년월일\n김,1990-01-01\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xfd, b'\n']);
    bytes.extend_from_slice("이,1990-01-01\n".as_bytes());
    let err = import(&mut fx.desk, ImportKind::Seekers, &bytes, false).unwrap_err();
    assert!(matches!(err, AppError::Read(_)), "got {err:?}");
    assert!(err.to_string().contains('3'), "names line 3: {err}");
    let unclosed = "이름,생년월일\n김,1990-01-01\n\"이,1990-01-01\n박,1990-01-01\n";
    let err = import(
        &mut fx.desk,
        ImportKind::Seekers,
        unclosed.as_bytes(),
        false,
    )
    .unwrap_err();
    assert!(matches!(err, AppError::Read(_)), "unclosed quote: {err:?}");
    assert!(
        err.to_string().contains('3'),
        "names line 3 where the quote opens: {err}"
    );
    assert_eq!(fx.desk.store().count::<JobSeeker>().unwrap(), 0);
}

const COMPANIES_CSV: &str = "기업명,사업자등록번호,업종코드,피보험자수,소재지,산업단지,뿌리기술
대성정밀(주),220-81-62517,24311,35,41273,반월국가산업단지,01
";

#[test]
fn companies_check_the_business_number_and_codes() {
    let mut fx = new_desk();
    let csv = "기업명,사업자등록번호,업종코드,소재지
잘못된번호,220-81-62518,24311,41273
모르는업종,220-81-62517,99999,41273
짧은번호,123-45,24311,41273
";
    let report = rejected(import(
        &mut fx.desk,
        ImportKind::Companies,
        csv.as_bytes(),
        false,
    ));
    let lines: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(
        lines[0].starts_with("2행 [사업자등록번호] 사업자등록번호의 검증번호가 맞지 않습니다"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("3행 [업종(KSIC)] 알 수 없는 산업분류 코드입니다: 99999"),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with("4행 [사업자등록번호] 사업자등록번호는 숫자 10자리여야 합니다"),
        "{lines:?}"
    );
    assert_eq!(fx.desk.store().count::<Company>().unwrap(), 0);

    let report = import(
        &mut fx.desk,
        ImportKind::Companies,
        COMPANIES_CSV.as_bytes(),
        false,
    )
    .unwrap();
    assert_eq!(report.imported, 1);
    let company = fx.desk.store().search_ids::<Company>("대성", 1).unwrap();
    let company = fx.desk.company(company[0].0).unwrap();
    assert_eq!(
        company.focus_industries,
        [doyak_domain::FocusIndustry::Ppuri],
        "KSIC 24311 (주조) is a 뿌리 industry"
    );
    assert_eq!(
        company.size,
        doyak_domain::CompanySize::Small,
        "35 insured workers"
    );
    let again = rejected(import(
        &mut fx.desk,
        ImportKind::Companies,
        COMPANIES_CSV.as_bytes(),
        false,
    ));
    assert!(
        again.errors[0].message.contains("이미 등록된 기업"),
        "never overwritten: {:?}",
        again.errors
    );
}

#[test]
fn vacancies_link_to_companies_by_business_number() {
    let mut fx = new_desk();
    import(
        &mut fx.desk,
        ImportKind::Companies,
        COMPANIES_CSV.as_bytes(),
        false,
    )
    .unwrap();
    let csv = "사업자등록번호,공고명,직종코드,모집인원,월임금,근무형태,기숙사,필수자격
2208162517,CO2 용접원,82,2,3200000,2교대,예,용접기능사
1234567891,없는기업 공고,82,1,3000000,주간,아니오,
";
    let report = rejected(import(
        &mut fx.desk,
        ImportKind::Vacancies,
        csv.as_bytes(),
        false,
    ));
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert_eq!(report.errors[0].line, 3);
    let ok = csv.lines().take(2).collect::<Vec<_>>().join("\n");
    let report = import(&mut fx.desk, ImportKind::Vacancies, ok.as_bytes(), false).unwrap();
    assert_eq!(report.imported, 1);
    let mut vacancies = Vec::new();
    fx.desk
        .store()
        .for_each::<Vacancy>(|v| {
            vacancies.push(v);
            Ok(())
        })
        .unwrap();
    assert_eq!(
        vacancies[0].sigungu.as_str(),
        "41273",
        "the work place defaults to the company's"
    );
    assert_eq!(vacancies[0].shift, doyak_domain::Shift::TwoShift);
    assert!(vacancies[0].housing);
}

#[test]
fn xlsx_imports_and_a_truncated_xlsx_is_refused() {
    let mut fx = new_desk();
    let headers: Vec<String> = ["이름", "생년월일", "전화번호"].map(String::from).to_vec();
    let rows = vec![vec![
        "김엑셀".to_owned(),
        "1988-08-08".to_owned(),
        "010-5555-6666".to_owned(),
    ]];
    let bytes = doyak_interchange::write_xlsx("구직자", &headers, &rows).unwrap();
    let err = import(
        &mut fx.desk,
        ImportKind::Seekers,
        &bytes[..bytes.len() / 2],
        false,
    )
    .unwrap_err();
    assert!(matches!(err, AppError::Read(_)), "got {err:?}");
    assert!(err.to_string().contains("XLSX"), "{err}");
    let report = import(&mut fx.desk, ImportKind::Seekers, &bytes, false).unwrap();
    assert_eq!((report.source.as_str(), report.imported), ("XLSX", 1));
}

/// An import of corrections: rows whose ID the caseload holds change only
/// the columns the file has, each changed field an ordinary edit in the
/// outbox; a row that changes nothing is counted, not written; a new ID is
/// a new record; without `update` the same file is refused whole.
#[test]
fn an_import_of_corrections_updates_only_the_columns_the_file_has() {
    let mut fx = new_desk();
    import(
        &mut fx.desk,
        ImportKind::Seekers,
        SEEKERS_CSV.as_bytes(),
        false,
    )
    .unwrap();
    let all = fx.desk.list_seekers(&SeekerFilter::default()).unwrap();
    let by_name = |name: &str| all.items.iter().find(|s| s.name == name).unwrap().clone();
    let (kim, lee) = (by_name("김민수"), by_name("이영희"));
    let pending = fx.desk.store().pending_count().unwrap();
    let corrections = format!(
        "ID,이름,전화번호\n{},김민수,010-5555-6666\n{},이영희,010-9876-5432\n,최새롬,010-1111-2222\n",
        kim.id, lee.id
    );
    let refused = rejected(import(
        &mut fx.desk,
        ImportKind::Seekers,
        corrections.as_bytes(),
        false,
    ));
    assert_eq!(
        refused.errors.len(),
        2,
        "existing ids without --update: {refused:?}"
    );

    let report = fx
        .desk
        .import(
            ImportKind::Seekers,
            corrections.as_bytes(),
            ImportOptions {
                skip_invalid: false,
                update: true,
            },
            &mut |_, _| {},
        )
        .unwrap();
    assert_eq!(
        (report.imported, report.updated, report.unchanged),
        (1, 1, 1),
        "최새롬 is new, 김민수's phone changed, 이영희's phone was already 010-9876-5432"
    );
    let kim_now: JobSeeker = fx.desk.store().get(kim.id).unwrap().unwrap();
    assert_eq!(kim_now.phone.as_ref().unwrap().as_str(), "010-5555-6666");
    let mut expected = kim.clone();
    expected.phone = kim_now.phone.clone();
    assert_eq!(
        kim_now, expected,
        "columns the file does not have (birth date, wage, certificates …) are untouched"
    );
    let trail = fx.desk.store().audit_trail(None).unwrap();
    assert!(
        trail
            .iter()
            .any(|r| r.action == "import" && r.detail == "1건, 수정 1건"),
        "the audit log says how many were new and how many corrected"
    );
    assert_eq!(
        fx.desk.store().pending_count().unwrap(),
        pending + 2,
        "one insert and one update wait to sync; the unchanged row queues nothing"
    );
}

#[test]
fn an_import_adds_no_second_record_of_a_person() {
    let mut fx = new_desk();
    import(
        &mut fx.desk,
        ImportKind::Seekers,
        SEEKERS_CSV.as_bytes(),
        false,
    )
    .unwrap();
    // Line 2: 김민수's phone again (another spelling of the name); line 3:
    // 이영희's name and birth date; lines 4 and 5: the same new person twice
    // in the file; line 6: someone new.
    let again = "이름,생년월일,전화번호,거주지
김민수B,1991-01-01,01012345678,41273
이영희,1985-03-02,,41273
최도약,1980-07-07,010-5555-0001,41273
최도약,1980-07-07,,41273
정새봄,1995-02-02,010-5555-0002,41273
";
    let report = rejected(import(
        &mut fx.desk,
        ImportKind::Seekers,
        again.as_bytes(),
        false,
    ));
    let lines: Vec<(usize, String)> = report
        .errors
        .iter()
        .map(|e| (e.line, e.message.clone()))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0].0, 2);
    assert!(lines[0].1.contains("같은 전화번호"), "{lines:?}");
    assert_eq!(lines[1].0, 3);
    assert!(lines[1].1.contains("같은 이름·생년월일"), "{lines:?}");
    assert_eq!(lines[2].0, 5);
    assert!(lines[2].1.contains("파일 안에 같은 사람"), "{lines:?}");
    assert_eq!(
        fx.desk.summary().unwrap().seekers,
        3,
        "all or nothing: nothing saved"
    );

    // Skipping the flagged rows saves the first 최도약 and 정새봄 only.
    let report = import(&mut fx.desk, ImportKind::Seekers, again.as_bytes(), true).unwrap();
    assert_eq!(report.imported, 2, "{report:?}");
    assert_eq!(fx.desk.summary().unwrap().seekers, 5);
}
