//! Résumé files kept by seeker in versions (encrypted with the caseload,
//! never replaced), refused when unreadable, analysed by the rubric of the
//! seeker's 희망 직종, and the counselor's edit kept beside the original.

use crate::recommend::seeker;
use crate::*;

const RESUME: &str = "인적사항\n성명: 김이력\n학력\n가상공업고등학교 졸업\n경력\n2019.03 ~ 2021.02 (주)대한정밀가상공업 생산직 사원\nCO2 용접 업무 담당\n2021.05 ~ 현재 (주)한빛가상물류 용접공\n자격증\n용접기능사 2019.05 취득\n";

fn file(fx: &Fixture, name: &str, text: &str) -> std::path::PathBuf {
    let path = fx._dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn files_are_kept_in_versions_and_an_unreadable_one_is_refused_and_not_kept() {
    let mut fx = new_desk();
    let path = file(&fx, "이력서.txt", RESUME);
    let empty = file(&fx, "빈파일.txt", "  \n ");
    let d = &mut fx.desk;
    let kim = seeker(d, "김이력", true, "no");
    let first = d.attach_resume(&kim, &path).unwrap();
    let second = d.attach_resume(&kim, &path).unwrap();
    assert_eq!(
        (first.version, second.version),
        (1, 2),
        "a second attachment is a new version, not a replacement"
    );
    let err = d.attach_resume(&kim, &empty).unwrap_err();
    assert!(err.to_string().contains("글자가 없습니다"), "{err}");
    let files = d.resume_files(&kim).unwrap();
    assert_eq!(
        files.iter().map(|f| f.version).collect::<Vec<_>>(),
        [2, 1],
        "newest first; the empty file was not kept"
    );
    assert_eq!(files[0].size, RESUME.len() as u64);
}

#[test]
fn the_file_is_encrypted_at_rest() {
    let mut fx = new_desk();
    let path = file(&fx, "이력서.txt", RESUME);
    let d = &mut fx.desk;
    let kim = seeker(d, "김이력", true, "no");
    d.attach_resume(&kim, &path).unwrap();
    // The caseload file and its journal hold no readable résumé text.
    let needle = "대한정밀가상공업".as_bytes();
    for entry in std::fs::read_dir(fx._dir.path()).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("caseload.doyak") {
            let bytes = std::fs::read(&p).unwrap();
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{name} holds the résumé in clear"
            );
        }
    }
}

#[test]
fn a_version_is_analysed_by_the_seekers_goal_and_an_edit_keeps_the_original() {
    let mut fx = new_desk();
    let path = file(&fx, "이력서.txt", RESUME);
    let d = &mut fx.desk;
    // The fixture's seeker wants KECO 82 (metal work): the 뿌리·용접 rubric.
    let kim = seeker(d, "김이력", true, "no");
    let v1 = d.attach_resume(&kim, &path).unwrap();
    let a = d.resume_analysis(&kim, &v1.id, None).unwrap();
    let industry = a.analysis.industry.as_ref().unwrap();
    assert_eq!(
        (industry.id.as_str(), industry.basis),
        ("welding", doyak_resume::IndustryBasis::Given)
    );
    // The fixed clock's month (2026-11) ends the job still held: 24 months
    // + May 2021 … Nov 2026 (67) = 91.
    assert_eq!(a.analysis.experience_months, 91);
    assert_eq!(a.lines[0], "인적사항");
    let metric = a
        .analysis
        .suggestions
        .iter()
        .find(|s| s.id.starts_with("metric."))
        .expect("a duty line without a number");

    // The counselor writes the seeker's answer in: a new version based on
    // the first, which stays as it was.
    let edited = RESUME.replace(
        "CO2 용접 업무 담당",
        "CO2 용접 업무 담당, 불량률을 3%에서 1%로 낮춤",
    );
    let v2 = d.save_edited_resume(&kim, v1.version, &edited).unwrap();
    assert_eq!((v2.version, v2.based_on), (2, Some(1)));
    let b = d.resume_analysis(&kim, &v2.id, None).unwrap();
    assert_eq!(
        b.analysis.score,
        a.analysis.score + metric.adds,
        "the +N promised is gained"
    );
    assert_eq!(
        d.resume_analysis(&kim, &v1.id, None)
            .unwrap()
            .analysis
            .score,
        a.analysis.score
    );
}

#[test]
fn another_seekers_file_is_not_found_through_this_seeker() {
    let mut fx = new_desk();
    let path = file(&fx, "이력서.txt", RESUME);
    let d = &mut fx.desk;
    let kim = seeker(d, "김이력", true, "no");
    let lee = seeker(d, "이다른", true, "no");
    let kims = d.attach_resume(&kim, &path).unwrap();
    let not_found = |r: Result<(), doyak_app::AppError>| {
        matches!(
            r,
            Err(doyak_app::AppError::NotFound {
                what: "이력서 판"
            })
        )
    };
    assert!(not_found(
        d.resume_analysis(&lee, &kims.id, None).map(|_| ())
    ));
    let out = fx._dir.path().to_owned();
    assert!(not_found(
        d.save_resume_report(&lee, &kims.id, None, &out).map(|_| ())
    ));
    let confirm = doyak_app::resume::ResumeConfirmForm {
        seeker_id: lee.clone(),
        file_id: kims.id.clone(),
        certificates: vec![0],
        employments: vec![0],
    };
    assert!(not_found(d.confirm_resume_facts(&confirm).map(|_| ())));
    assert!(d.resume_files(&lee).unwrap().is_empty());
    assert!(
        d.save_edited_resume(&lee, 1, "경력\n2019.03 ~ 2021.02 (주)가상")
            .is_err(),
        "lee has no version 1"
    );
}

#[test]
fn a_confirmed_certificate_enters_the_record_and_matching_then_uses_it() {
    let mut fx = new_desk();
    let path = file(&fx, "이력서.txt", RESUME);
    let d = &mut fx.desk;
    let c = crate::recommend::company(d);
    // Requires 용접기능사, 시흥 (~15 km), day shift.
    let job = crate::recommend::vacancy(d, &c, "CO2 용접원 (주간)", "day", "41390");
    let kim = seeker(d, "김이력", true, "no");
    // The fixture records 용접기능사; start from a record without it.
    let mut s = d.seeker(kim.parse().unwrap()).unwrap();
    s.certificates.clear();
    d.save(&s).unwrap();
    assert!(
        d.recommended_vacancies(&kim).unwrap().items.is_empty(),
        "the required certificate is missing"
    );

    let v1 = d.attach_resume(&kim, &path).unwrap();
    let a = d.resume_analysis(&kim, &v1.id, None).unwrap().analysis;
    let cert = a
        .certificates
        .iter()
        .position(|c| c.national.as_deref() == Some("용접기능사"))
        .unwrap();
    let form = doyak_app::resume::ResumeConfirmForm {
        seeker_id: kim.clone(),
        file_id: v1.id.clone(),
        certificates: vec![u32::try_from(cert).unwrap()],
        employments: vec![0, 1],
    };
    let done = d.confirm_resume_facts(&form).unwrap();
    assert_eq!(
        (
            done.certificates_added,
            done.employments_added,
            done.already_there
        ),
        (1, 2, 0)
    );
    let s = d.seeker(kim.parse().unwrap()).unwrap();
    assert_eq!(s.work_history[0].employer, "(주)대한정밀가상공업");
    assert_eq!(
        s.work_history[0].ends_on.map(|x| x.to_string()).as_deref(),
        Some("2021-02-28"),
        "to the end of the month"
    );
    assert_eq!(s.work_history[1].ends_on, None, "still working there");
    let ids: Vec<String> = d
        .recommended_vacancies(&kim)
        .unwrap()
        .items
        .iter()
        .map(|r| r.vacancy_id.clone())
        .collect();
    assert_eq!(
        ids,
        [job],
        "with the certificate confirmed, the job is recommended"
    );

    // Confirming again adds nothing twice.
    let again = d.confirm_resume_facts(&form).unwrap();
    assert_eq!(
        (
            again.certificates_added,
            again.employments_added,
            again.already_there
        ),
        (0, 0, 3)
    );
}

#[test]
fn a_written_pass_cannot_be_confirmed_as_the_certificate() {
    let mut fx = new_desk();
    let path = file(
        &fx,
        "이력서.txt",
        "자격증\n전기기능사 (필기 합격)\n지게차운전기능사 취득\n",
    );
    let d = &mut fx.desk;
    let kim = seeker(d, "김필기", true, "no");
    let v1 = d.attach_resume(&kim, &path).unwrap();
    let form = doyak_app::resume::ResumeConfirmForm {
        seeker_id: kim.clone(),
        file_id: v1.id,
        // The 필기 pass and a held certificate in one form.
        certificates: vec![0, 1],
        employments: vec![],
    };
    let err = d.confirm_resume_facts(&form).unwrap_err();
    assert!(crate::recommend::message(err).contains("취득한 자격만"));
    let s = d.seeker(kim.parse().unwrap()).unwrap();
    assert!(
        !s.certificates
            .iter()
            .any(|c| c.name == "전기기능사" || c.name == "지게차운전기능사"),
        "one refused item and nothing of the form is written"
    );
}

#[test]
fn the_report_is_a_new_korean_pdf_each_time() {
    let mut fx = new_desk();
    let path = file(&fx, "이력서.txt", RESUME);
    let out = fx._dir.path().join("보고서");
    std::fs::create_dir(&out).unwrap();
    let d = &mut fx.desk;
    let kim = seeker(d, "김이력", true, "no");
    let v1 = d.attach_resume(&kim, &path).unwrap();
    let first = d.save_resume_report(&kim, &v1.id, None, &out).unwrap();
    let second = d.save_resume_report(&kim, &v1.id, None, &out).unwrap();
    assert_ne!(
        first.path, second.path,
        "a second report never overwrites the first"
    );
    assert!(
        !first.path.contains("김이력"),
        "the file name carries no name: {}",
        first.path
    );
    let text = std::process::Command::new("pdftotext")
        .args([first.path.as_str(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(
        text.contains("이력서·자기소개서 컨설팅 결과") && text.contains("김이력"),
        "{text}"
    );
}

#[test]
fn a_job_entered_by_hand_in_the_same_month_is_not_added_again_and_one_without_a_company_is_refused()
{
    let mut fx = new_desk();
    let path = file(
        &fx,
        "이력서.txt",
        "경력\n2019.03 ~ 2021.02 (주)대한정밀 생산직 사원\n2022.12 ~ 2023.12\n",
    );
    let d = &mut fx.desk;
    let kim = seeker(d, "김중복", true, "no");
    let mut s = d.seeker(kim.parse().unwrap()).unwrap();
    s.work_history = vec![doyak_domain::seeker::WorkExperience {
        employer: "(주) 대한정밀".into(),
        occupation: None,
        title: None,
        starts_on: chrono::NaiveDate::from_ymd_opt(2019, 3, 15),
        ends_on: None,
    }];
    d.save(&s).unwrap();
    let v1 = d.attach_resume(&kim, &path).unwrap();
    let mut form = doyak_app::resume::ResumeConfirmForm {
        seeker_id: kim.clone(),
        file_id: v1.id,
        certificates: vec![],
        employments: vec![0],
    };
    let done = d.confirm_resume_facts(&form).unwrap();
    assert_eq!(
        (done.employments_added, done.already_there),
        (0, 1),
        "15 March by hand, March in the résumé: the same job"
    );
    form.employments = vec![1];
    let err = d.confirm_resume_facts(&form).unwrap_err();
    assert!(crate::recommend::message(err).contains("회사명이 없어"));
}
