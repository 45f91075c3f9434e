//! `doyak company diagnose|programs` over a demo caseload: Korean text or
//! one JSON object, and clear Korean refusals.

use crate::*;
use doyak_domain::company::VacancyStatus;
use serde_json::Value;

/// A demo caseload and a firm of it with an open vacancy.
fn demo_with_firm(env: &Env) -> (PathBuf, String) {
    let db = demo_300(env);
    let store = doyak_store::Store::open(&db, &doyak_store::Passphrase::new(PASS)).unwrap();
    let open = store
        .vacancies(&doyak_store::VacancyFilter {
            status: Some(VacancyStatus::Open),
            ..Default::default()
        })
        .unwrap();
    let firm = open
        .first()
        .expect("the demo has open vacancies")
        .company_id;
    (db, firm.to_string())
}

#[test]
fn diagnose_writes_every_cause_per_vacancy_as_text_or_json() {
    let env = Env::new();
    let (db, firm) = demo_with_firm(&env);
    let out = env.ok(&db, &["company", "diagnose", &firm, "--format", "json"]);
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["format"], "doyak.company_diagnosis");
    assert_eq!(d["company_id"], firm.as_str());
    let vacancies = d["vacancies"].as_array().unwrap();
    assert!(!vacancies.is_empty());
    for v in vacancies {
        let codes: Vec<&str> = v["causes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap())
            .collect();
        // The five official causes, in the survey's order, for every vacancy.
        assert_eq!(
            codes,
            [
                "experience",
                "working_conditions",
                "qualifications",
                "avoided_occupation",
                "no_applicants"
            ]
        );
    }
    let text = stdout(&env.ok(&db, &["company", "diagnose", &firm]));
    assert!(text.contains("구인애로 진단"), "{text}");
    assert!(text.contains("지원자 없음"), "{text}");
    assert!(text.contains("방문 문진 없음"), "{text}");
}

#[test]
fn programs_answer_in_three_values_and_bad_input_is_refused_in_korean() {
    let env = Env::new();
    let (db, firm) = demo_with_firm(&env);
    let out = env.ok(
        &db,
        &[
            "company",
            "programs",
            &firm,
            "--date",
            "2026-03-02",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "doyak.company_programs");
    assert_eq!(v["on"], "2026-03-02");
    let verdicts: Vec<&str> = v["programs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["verdict"].as_str().unwrap())
        .collect();
    assert!(
        verdicts
            .iter()
            .all(|x| ["eligible", "not_eligible", "unknown"].contains(x))
    );
    let counts: u64 = v["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(
        counts as usize,
        verdicts.len(),
        "the counts add up to the programs"
    );
    let text = stdout(&env.ok(&db, &["company", "programs", &firm, "--date", "2026-03-02"]));
    assert!(text.contains("청년일자리도약장려금"), "{text}");

    // A date outside every rule, a bad date: bad input, exit 2; an unknown
    // firm: not found, exit 1. Korean on stderr, nothing on stdout.
    for (args, says, code) in [
        (
            vec!["company", "programs", &firm, "--date", "2019-01-01"],
            "자료 범위",
            2,
        ),
        (
            vec!["company", "programs", &firm, "--date", "어제"],
            "2026-12-31처럼",
            2,
        ),
        (
            vec![
                "company",
                "diagnose",
                "0190a0b0-0000-7000-8000-000000000000",
            ],
            "기업을(를) 찾을 수 없습니다",
            1,
        ),
    ] {
        let out = env.run(&db, PASS, &args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}
