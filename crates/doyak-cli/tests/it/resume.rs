//! `doyak resume analyse`: a file to JSON, a folder to JSON Lines, a
//! vacancy's keyword gap, and the refusals (exit 2, Korean, nothing on
//! stdout).

use super::{Env, json_lines, stderr, stdout, without_caseload};

const RESUME: &str = "이 력 서\n1. 인적사항\n성명: 김가상\n[학력사항]\n2001.03 ~ 2004.02 가상공업고등학교 졸업\n■ 경력사항\n2019.03 ~ 2021.02 (주)대한정밀 생산직 사원\n- 불량률을 3%에서 1%로 낮춤\n(주)한빛물류 | 지게차 | 2021.05 - 현재\n◆ 자격증\n지게차 운전기능사 2019.05 취득\n용접기능사(필기 합격)\n";

const VACANCY: &str = r#"{"format":"doyak.match.vacancy","version":1,"id":"v-weld","company_id":"c1","occupation":"82","sigungu":"41390","wage_monthly":3000000,"required_certificates":["용접기능사"],"preferred_certificates":[],"skills":["CO2용접"],"min_experience_years":2,"shift_work":false,"headcount":1}
"#;

#[test]
fn a_resume_file_becomes_one_json_document() {
    let env = Env::new();
    let file = env.file("이력서.txt", RESUME.as_bytes());
    let out = without_caseload(
        &env,
        &[
            "resume",
            "analyse",
            file.to_str().unwrap(),
            "--format",
            "json",
            "--as-of",
            "2026-12",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(a["format"], "doyak.resume");
    let names: Vec<&str> = a["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["인적사항", "학력", "경력", "자격증", "교육훈련", "자기소개"]
    );
    let certs: Vec<(&str, &str)> = a["certificates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["national"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        certs,
        [
            ("지게차운전기능사", "held"),
            ("용접기능사", "written_passed")
        ]
    );
    let jobs = a["employments"].as_array().unwrap();
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[1]["company"], "(주)한빛물류");
    assert_eq!(
        jobs[1]["end"],
        serde_json::Value::Null,
        "현재 is an open end"
    );
    // 24 months at 대한정밀, May 2021 … Dec 2026 = 68 at 한빛물류.
    assert_eq!(a["experience_months"], 92);
    let sum: u64 = a["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["points"].as_u64().unwrap())
        .sum();
    assert_eq!(
        a["score"].as_u64().unwrap(),
        sum,
        "the reasons add up to the score"
    );
}

#[test]
fn an_empty_or_scanned_file_is_refused_never_guessed() {
    let env = Env::new();
    // Nothing but spaces: as much text as a scan without OCR. (The reader's
    // own tests cover PDFs with an empty or image-only page.)
    let blank = env.file("빈문서.txt", b"   \n\n  ");
    let out = without_caseload(&env, &["resume", "analyse", blank.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("글자가 없습니다"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "no guessed résumé on stdout");
}

#[test]
fn a_folder_gives_one_line_per_file_and_names_the_unreadable_ones() {
    let env = Env::new();
    let dir = env.dir.path().join("batch");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), RESUME).unwrap();
    std::fs::write(dir.join("b.pdf"), b"%PDF-1.4 broken").unwrap();
    let out = without_caseload(
        &env,
        &[
            "resume",
            "analyse",
            "--batch",
            dir.to_str().unwrap(),
            "--as-of",
            "2026-12",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], "a.txt");
    assert_eq!(lines[0]["experience_months"], 92);
    assert_eq!(lines[1]["file"], "b.pdf");
    assert_eq!(lines[1]["error"]["code"], "resume.read");
    assert!(stderr(&out).contains("1개 읽지 못함"), "{}", stderr(&out));
}

#[test]
fn against_a_vacancy_the_required_certificate_leads_the_keyword_gap() {
    let env = Env::new();
    let file = env.file("이력서.txt", RESUME.as_bytes());
    let vacancies = env.file("v.jsonl", VACANCY.as_bytes());
    let out = without_caseload(
        &env,
        &[
            "resume",
            "analyse",
            file.to_str().unwrap(),
            "--as-of",
            "2026-12",
            "--vacancies",
            vacancies.to_str().unwrap(),
            "--vacancy",
            "v-weld",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let first = &a["keyword_gap"][0];
    assert_eq!(first["keyword"], "용접기능사");
    assert_eq!(first["kind"], "required_certificate");
    // Only the 필기 is passed: not the certificate the vacancy requires.
    assert_eq!(first["in_resume"], 0);
    assert!(first["suggestion"].as_str().unwrap().contains("필기 합격"));
    // KECO 82 is a 뿌리·용접 job: the rubric comes from the vacancy.
    assert_eq!(a["industry"]["basis"], "vacancy");

    let out = without_caseload(
        &env,
        &[
            "resume",
            "analyse",
            file.to_str().unwrap(),
            "--vacancies",
            vacancies.to_str().unwrap(),
            "--vacancy",
            "없는구인",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("구인 ID '없는구인'가 없습니다"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_month_is_a_usage_error() {
    let env = Env::new();
    let file = env.file("이력서.txt", RESUME.as_bytes());
    let out = without_caseload(
        &env,
        &[
            "resume",
            "analyse",
            file.to_str().unwrap(),
            "--as-of",
            "2026/12",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM"), "{}", stderr(&out));
}

#[test]
fn the_report_pdf_carries_the_score_and_the_questions_in_korean() {
    let env = Env::new();
    let file = env.file("이력서.txt", RESUME.as_bytes());
    let pdf = env.dir.path().join("보고서.pdf");
    let out = without_caseload(
        &env,
        &[
            "resume",
            "analyse",
            file.to_str().unwrap(),
            "--as-of",
            "2026-12",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by .ci/run");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(text.contains("이력서·자기소개서 컨설팅 결과"), "{text}");
    // The same score the JSON gives, and a 필기 합격 named as such.
    assert!(
        text.contains(&format!("점수 {} / 100", a["score"])),
        "{text}"
    );
    assert!(text.contains("필기 합격"), "{text}");
    // A second write to the same path is refused and leaves the file as it was.
    let before = std::fs::read(&pdf).unwrap();
    let again = without_caseload(
        &env,
        &[
            "resume",
            "analyse",
            file.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
}
