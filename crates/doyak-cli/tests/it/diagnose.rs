//! `doyak diagnose`: JSON Lines in, one `doyak.diagnosis` line per seeker
//! out; bad input names the file and line, exits 2 and prints nothing.

use crate::*;
use serde_json::Value;

/// A welder (용접기능사, 30 months as 용접원), a forklift driver and a
/// seeker with nothing but a wish for 용접 work.
const SEEKERS: &str = r#"{"format":"doyak.match.seeker","version":1,"id":"s-welder","sigungu":"41273","desired_occupations":["82"],"certificates":["용접기능사"],"skills":["CO2 용접"],"experience_years":4,"work_history":[{"occupation":"8241","months":30,"employer":"대한조선"}],"training":[{"name":"용접 실무 과정","hours":300}],"education":"고졸"}
{"id":"s-forklift","certificates":["지게차 면허"],"experience_by_occupation":[{"occupation":"6230","years":2}]}

{"id":"s-novice","desired_occupations":["82"]}
"#;

/// Two open 용접원 vacancies (places 2 and 1, wages 3.0 and 2.8 million),
/// one with no places left, and one written only as 중분류 82.
const VACANCIES: &str = r#"{"id":"v1","company_id":"c1","occupation":"8241","sigungu":"41390","wage_monthly":3000000,"headcount":2}
{"id":"v2","company_id":"c2","occupation":"8241","sigungu":"41390","wage_monthly":2800000,"headcount":1}
{"id":"v3","company_id":"c2","occupation":"8241","sigungu":"41390","wage_monthly":9000000,"headcount":0}
{"id":"v4","company_id":"c3","occupation":"82","sigungu":"41273","headcount":5}
"#;

fn diagnose(env: &Env, args: &[&str], seekers: &str, vacancies: Option<&str>) -> Output {
    let s = env
        .file("seekers.jsonl", seekers.as_bytes())
        .display()
        .to_string();
    let mut all: Vec<String> = ["diagnose", "--seekers", &s].map(String::from).to_vec();
    if let Some(v) = vacancies {
        all.push("--vacancies".into());
        all.push(
            env.file("vacancies.jsonl", v.as_bytes())
                .display()
                .to_string(),
        );
    }
    all.extend(args.iter().map(|a| a.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    without_caseload(env, &all)
}

use json_lines as lines;

#[test]
fn each_seeker_gets_ranked_occupations_whose_parts_add_up() {
    let env = Env::new();
    let out = diagnose(&env, &["--top", "3"], SEEKERS, Some(VACANCIES));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = lines(&out);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["seeker_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["s-welder", "s-forklift", "s-novice"],
        "input order, blank line skipped"
    );
    for line in &lines {
        assert_eq!(line["format"], "doyak.diagnosis");
        assert_eq!(line["version"], 1);
        let occupations = line["occupations"].as_array().unwrap();
        assert_eq!(occupations.len(), 3, "--top 3");
        for o in occupations {
            let parts: f64 = o["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["points"].as_f64().unwrap())
                .sum();
            assert!((parts - o["fit"].as_f64().unwrap()).abs() < 0.01, "{o}");
        }
    }
    let welder = &lines[0]["occupations"][0];
    assert_eq!(
        welder["code"], "8241",
        "용접기능사 and 30 months as 용접원: {welder}"
    );
    let units = welder["units"].as_array().unwrap();
    assert!(
        units
            .iter()
            .all(|u| u["status"] == "met" || u["status"] == "partly"),
        "a certified welder with 30 months shows every 용접원 unit at least in part: {units:?}"
    );
    assert!(
        units.iter().any(|u| u["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "용접기능사 보유")),
        "the certificate is named as the evidence: {units:?}"
    );
    // v1 (2 places, 3.0M) and v2 (1 place, 2.8M) are open 용접원 jobs; v3
    // has no place left; v4 says only 82. Median of {2.8M, 3.0M}: the lower
    // middle, 2.8M.
    assert_eq!(
        welder["demand"],
        serde_json::json!({"vacancies": 2, "places": 3, "median_wage_monthly": 2800000, "coarser": 1})
    );
    assert_eq!(
        lines[1]["occupations"][0]["code"], "6230",
        "지게차 면허 reads as 지게차운전기능사"
    );

    let novice = &lines[2];
    assert!(
        novice["occupations"][0]["code"]
            .as_str()
            .unwrap()
            .starts_with("82"),
        "with nothing else, the wish decides: {}",
        novice["occupations"][0]
    );
    assert!(
        novice["notes_ko"][0]
            .as_str()
            .unwrap()
            .contains("희망 직종만으로"),
        "the counselor is told the ranking rests on the wish alone: {}",
        novice["notes_ko"]
    );
    assert!(
        lines[0].get("notes_ko").is_none(),
        "nothing to warn about the welder"
    );
    let recs = novice["recommendations"].as_array().unwrap();
    assert!(!recs.is_empty(), "a novice is told what to obtain");
    assert!(
        recs.iter()
            .any(|r| r["kind"] == "certificate" && r["name_ko"] == "용접기능사"),
        "용접기능사 closes 용접원 units: {recs:?}"
    );
    for r in recs {
        assert!(
            r["gain"].as_f64().unwrap() > 0.0 && !r["closes"].as_array().unwrap().is_empty(),
            "{r}"
        );
    }
}

#[test]
fn without_vacancies_there_is_no_demand_and_the_output_is_the_same_otherwise() {
    let env = Env::new();
    let with = lines(&diagnose(&env, &[], SEEKERS, Some(VACANCIES)));
    let without = lines(&diagnose(&env, &[], SEEKERS, None));
    for (mut a, b) in with.into_iter().zip(without) {
        for o in a["occupations"].as_array_mut().unwrap() {
            assert!(o.as_object_mut().unwrap().remove("demand").is_some());
        }
        assert_eq!(a, b);
    }
}

#[test]
fn bad_lines_are_named_by_file_and_line_exit_2_and_print_nothing() {
    let env = Env::new();
    for (seekers, vacancies, expected) in [
        (
            "{\"id\":\"a\",\"work_history\":[{\"occupation\":\"99\",\"months\":3}]}\n{\"id\":\"b\",\"desired_occupations\":[\"x1\"]}\n".to_owned(),
            None,
            vec![
                "seekers.jsonl 1행: work_history: '99'은(는) 알 수 없는 직업분류(KECO) 코드입니다.",
                "seekers.jsonl 2행: desired_occupations: 'x1'은(는) 알 수 없는 직업분류(KECO) 코드입니다.",
            ],
        ),
        (
            "{\"id\":\"a\",\"training\":[{\"name\":\"  \",\"hours\":10}]}\n{\"id\":\"a\"}\n".to_owned(),
            None,
            vec![
                "seekers.jsonl 1행: training: 훈련 이름이 비어 있습니다.",
                "seekers.jsonl 2행: id 'a'가",
            ],
        ),
        (
            "{\"id\":\"a\",\"work_history\":[{\"occupation\":\"8241\",\"months\":-3}]}\n".to_owned(),
            None,
            vec!["seekers.jsonl 1행:"],
        ),
        (
            SEEKERS.to_owned(),
            Some("{\"id\":\"v\",\"company_id\":\"c\",\"occupation\":\"99\",\"sigungu\":\"41273\",\"headcount\":1}\n"),
            vec!["vacancies.jsonl 1행: occupation의 '99'은(는) 알 수 없는 직업분류(KECO) 코드입니다."],
        ),
        (
            "{\"id\":\"a\",\"work_history\":[{\"occupation\":\"8241\",\"months\":9999}]}\n".to_owned(),
            None,
            vec!["seekers.jsonl 1행: work_history: 9999개월은 범위(0–840)를 벗어났습니다."],
        ),
    ] {
        let out = diagnose(&env, &[], &seekers, vacancies);
        assert_eq!(out.status.code(), Some(2), "{seekers}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "nothing partial on stdout: {}", stdout(&out));
        for e in expected {
            assert!(stderr(&out).contains(e), "expected {e:?} in {}", stderr(&out));
        }
    }
}

#[test]
fn a_caseload_seeker_is_diagnosed_by_id() {
    let env = Env::new();
    let db = env.init("d.doyak");
    env.ok(
        &db,
        &["demo", "--seekers", "20", "--companies", "5", "--seed", "3"],
    );
    let exported = stdout(&env.ok(
        &db,
        &[
            "export",
            "--full",
            "--plain",
            "--purpose",
            "transfer",
            "seekers",
            "--format",
            "jsonl",
        ],
    ));
    let first: Value = serde_json::from_str(exported.lines().next().unwrap()).unwrap();
    let id = first["id"].as_str().unwrap();
    let out = env.ok(&db, &["diagnose", "--seeker", id, "--top", "2"]);
    let line: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(line["format"], "doyak.diagnosis");
    assert_eq!(line["seeker_id"], id);
    assert_eq!(line["occupations"].as_array().unwrap().len(), 2);

    let out = env.run(&db, PASS, &["diagnose", "--seeker", "not-an-id"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("구직자 ID 'not-an-id'의 형식이 올바르지 않습니다."));
}

#[test]
fn a_seeker_report_is_written_as_a_korean_pdf_and_never_over_a_file() {
    let env = Env::new();
    let db = env.init("r.doyak");
    env.ok(
        &db,
        &["demo", "--seekers", "20", "--companies", "5", "--seed", "3"],
    );
    let exported = stdout(&env.ok(
        &db,
        &[
            "export",
            "--full",
            "--plain",
            "--purpose",
            "transfer",
            "seekers",
            "--format",
            "jsonl",
        ],
    ));
    let first: Value = serde_json::from_str(exported.lines().next().unwrap()).unwrap();
    let (id, name) = (
        first["id"].as_str().unwrap(),
        first["name"].as_str().unwrap(),
    );
    let pdf = env.db("보고서.pdf");
    let pdf_arg = pdf.display().to_string();
    env.ok(&db, &["report", "--seeker", id, "--output", &pdf_arg]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains(name) && text.contains("개인별 취업활동계획(IAP)"),
        "the report names the seeker and its plan: {text}"
    );

    // The same path again: refused with exit 2, the first file untouched.
    let out = env.run(&db, PASS, &["report", "--seeker", id, "--output", &pdf_arg]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("파일을 쓸 수 없습니다"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes, "never written over");
}
