//! `doyak match` and `doyak assign` over JSON Lines files: no caseload, no
//! passphrase; bad input gives the file, the line and the reason, exit 2 and
//! nothing on standard output.

use crate::*;
use serde_json::Value;

/// 안산시 단원구 (41273) is next to 시흥시 (41390, ~10 km) and far from
/// 부산 해운대구 (26350, ~300 km).
const SEEKERS: &str = r#"{"format":"doyak.match.seeker","version":1,"id":"s-welder","birth_year":1985,"sigungu":"41273","desired_occupations":["82"],"certificates":["용접기능사"],"skills":["CO2 용접"],"experience_years":4,"desired_wage_monthly":2800000,"max_commute_km":20,"accepts_shift":false}
{"id":"s-novice","sigungu":"41273","desired_occupations":["82"],"certificates":[],"skills":[],"experience_years":0,"desired_wage_monthly":2500000,"max_commute_km":30,"accepts_shift":true}

{"id":"s-driver","sigungu":"41390","desired_occupations":["87"],"certificates":["1종 대형"],"skills":[],"experience_years":10,"desired_wage_monthly":3500000,"max_commute_km":15,"accepts_shift":true}
"#;

const VACANCIES: &str = r#"{"format":"doyak.match.vacancy","version":1,"id":"v-weld-day","company_id":"c1","occupation":"82","sigungu":"41390","wage_monthly":3000000,"required_certificates":["용접기능사"],"preferred_certificates":[],"skills":["CO2용접"],"min_experience_years":2,"shift_work":false,"headcount":1}
{"id":"v-weld-shift","company_id":"c2","occupation":"82","sigungu":"41273","wage_monthly":2700000,"required_certificates":[],"preferred_certificates":["용접기능사"],"skills":[],"min_experience_years":0,"shift_work":true,"headcount":1}
{"id":"v-busan","company_id":"c3","occupation":"82","sigungu":"26350","wage_monthly":4000000,"required_certificates":[],"preferred_certificates":[],"skills":[],"min_experience_years":0,"shift_work":false,"headcount":3}
"#;

fn run_files(env: &Env, args: &[&str], seekers: &str, vacancies: &str) -> Output {
    let s = env.file("seekers.jsonl", seekers.as_bytes());
    let v = env.file("vacancies.jsonl", vacancies.as_bytes());
    let mut all: Vec<&str> = args.to_vec();
    let (s, v) = (s.display().to_string(), v.display().to_string());
    all.extend(["--seekers", &s, "--vacancies", &v]);
    without_caseload(env, &all)
}

use json_lines as lines;

fn pairs(values: &[Value]) -> Vec<(String, String, u64)> {
    values
        .iter()
        .map(|v| {
            (
                v["seeker_id"].as_str().unwrap().to_owned(),
                v["vacancy_id"].as_str().unwrap_or("-").to_owned(),
                v["rank"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn match_ranks_each_seeker_within_the_hard_constraints() {
    let env = Env::new();
    let out = run_files(&env, &["match", "--top", "5"], SEEKERS, VACANCIES);
    assert!(out.status.success(), "{}", stderr(&out));
    let values = lines(&out);
    let got = pairs(&values);
    assert_eq!(
        got,
        vec![
            // The welder refuses shifts (so not v-weld-shift) and Busan is
            // beyond 20 km: only the day job in 시흥 is left.
            ("s-welder".into(), "v-weld-day".into(), 1),
            // The novice lacks the required 용접기능사 for v-weld-day and has
            // a 30 km limit: only the shift job next door.
            ("s-novice".into(), "v-weld-shift".into(), 1),
            // The driver wants 운전·운송 (87) within 15 km: the shift job in
            // 단원구 is feasible (shifts accepted) but a poor fit; the day job
            // needs a welding certificate; Busan is too far.
            ("s-driver".into(), "v-weld-shift".into(), 1),
        ],
        "every line is a feasible pair, ranks count from 1 within a seeker"
    );
    let first = &values[0];
    assert_eq!(first["format"], "doyak.match");
    assert_eq!(first["version"], 1);
    let reasons: Vec<&str> = first["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text_ko"].as_str().unwrap())
        .collect();
    assert!(
        reasons.contains(&"용접기능사 보유 (필수 충족)"),
        "the reasons a counselor reads out: {reasons:?}"
    );
    assert!(
        values[0]["score"].as_f64().unwrap() > values[2]["score"].as_f64().unwrap(),
        "a welder for a welding job scores above a driver for one"
    );
}

#[test]
fn match_for_vacancies_ranks_candidates() {
    let env = Env::new();
    let out = run_files(
        &env,
        &["match", "--for", "vacancies", "--top", "1"],
        SEEKERS,
        VACANCIES,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let got = pairs(&lines(&out));
    assert_eq!(got[0], ("s-welder".into(), "v-weld-day".into(), 1));
    assert_eq!(
        got[1].1, "v-weld-shift",
        "one line per vacancy with a candidate: --top 1"
    );
    assert_eq!(
        got.len(),
        2,
        "nobody may go to Busan (everyone's limit is ≤ 30 km), so it has no line"
    );
}

#[test]
fn assign_respects_headcounts_and_lists_every_seeker() {
    let env = Env::new();
    let out = run_files(&env, &["assign"], SEEKERS, VACANCIES);
    assert!(out.status.success(), "{}", stderr(&out));
    let got = pairs(&lines(&out));
    assert_eq!(
        got,
        vec![
            ("s-welder".into(), "v-weld-day".into(), 0),
            // v-weld-shift has one place and two feasible seekers: the
            // novice (welding is what they want) fits better than the driver.
            ("s-novice".into(), "v-weld-shift".into(), 0),
            ("s-driver".into(), "-".into(), 0),
        ],
        "one line per seeker in input order; the driver stays unassigned"
    );
    assert!(stderr(&out).contains("3명 중 2명 배정"), "{}", stderr(&out));
}

#[test]
fn bad_lines_are_named_by_file_and_line_exit_2_and_print_nothing() {
    let env = Env::new();
    let bad_vacancies = VACANCIES.replacen("\"occupation\":\"82\"", "\"occupation\":\"99\"", 1)
        + "{\"id\":\"v-x\",\"company_id\":\"c\",\"occupation\":\"82\",\"sigungu\":\"41273\",\"headcount\":\"two\"}\n";
    let bad_seekers = SEEKERS.replacen("\"sigungu\":\"41390\"", "\"sigungu\":\"99999\"", 1);
    for (args, seekers, vacancies, expected) in [
        (
            vec!["match"],
            SEEKERS.to_owned(),
            bad_vacancies.clone(),
            vec!["vacancies.jsonl 4행: 값의 형식이 맞지 않습니다"],
        ),
        (
            vec!["assign"],
            bad_seekers.clone(),
            VACANCIES.replacen("\"occupation\":\"82\"", "\"occupation\":\"99\"", 1),
            vec![
                "seekers.jsonl 4행: sigungu의 '99999'은(는) 알 수 없는 시군구 코드입니다.",
                "vacancies.jsonl 1행: occupation의 '99'은(는) 알 수 없는 직업분류(KECO) 코드입니다.",
            ],
        ),
        (
            vec!["match"],
            format!("{SEEKERS}{{\"id\":\"s-welder\",\"sigungu\":\"41273\"}}\n"),
            VACANCIES.to_owned(),
            vec!["seekers.jsonl 5행: id 's-welder'가 1행과 겹칩니다."],
        ),
        (
            vec!["match"],
            "{\"id\": \"s\", \"sigungu\": \"41273\"\n".to_owned(),
            VACANCIES.to_owned(),
            vec!["seekers.jsonl 1행: JSON이 줄 중간에 끝났습니다"],
        ),
    ] {
        let out = run_files(&env, &args, &seekers, &vacancies);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            out.stdout.is_empty(),
            "nothing partial on stdout: {}",
            stdout(&out)
        );
        for e in expected {
            assert!(
                stderr(&out).contains(e),
                "{args:?}: expected {e:?} in {}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn a_missing_input_file_is_a_usage_error() {
    let env = Env::new();
    let out = Command::new(env!("CARGO_BIN_EXE_doyak"))
        .args([
            "match",
            "--seekers",
            "없는파일.jsonl",
            "--vacancies",
            "x.jsonl",
        ])
        .current_dir(env.dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("파일을 읽을 수 없습니다: 없는파일.jsonl"),
        "{}",
        stderr(&out)
    );
}
