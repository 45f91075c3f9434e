//! `doyak posting check`: vacancy lines in, one `doyak.posting_check` line
//! per vacancy out, in the file's order; bad input names the file and
//! line, exits 2 and prints nothing.

use crate::*;

/// A posting with five problems (no wage, no hours, no address, an age
/// band and a sex preference) and a clean one.
const POSTINGS: &str = r#"{"format":"doyak.match.vacancy","version":1,"id":"v-bad","company_id":"c1","occupation":"89","sigungu":"41273","headcount":2,"title":"생산직 (남성 우대, 20~35세)","description":"제품 포장과 라벨 부착, 출고 전 검수를 맡습니다."}
{"id":"v-good","company_id":"c1","occupation":"81","sigungu":"41273","wage_monthly":2900000,"headcount":1,"skills":["금형 조립"],"title":"금형 조립원","description":"사출금형 부품의 조립과 시운전 보조, 치수 측정을 맡습니다.","work_hours":"08:30~17:30","workplace_address":"경기도 안산시 단원구 산단로 1"}
"#;

fn check(env: &Env, text: &str) -> Output {
    let f = env.file("postings.jsonl", text.as_bytes());
    without_caseload(env, &["posting", "check", &f.display().to_string()])
}

#[test]
fn each_vacancy_gets_its_findings_with_codes_spans_and_score() {
    let env = Env::new();
    let out = check(&env, POSTINGS);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["format"], "doyak.posting_check");
    assert_eq!(lines[0]["vacancy_id"], "v-bad");
    let codes: Vec<&str> = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "wage_missing",
            "hours_missing",
            "location_missing",
            "age_limit",
            "sex_preference"
        ]
    );
    // 100 - 15 (wage) - 15 (hours) - 10 (address) - 20 (age) - 20 (sex).
    assert_eq!(lines[0]["score"], 20);
    let age = &lines[0]["findings"][3];
    assert_eq!(age["span"]["field"], "title");
    // "생산직 (남성 우대, " is 12 characters; "20~35세" 6 more.
    assert_eq!(
        (age["span"]["start"].as_u64(), age["span"]["end"].as_u64()),
        (Some(12), Some(18))
    );
    assert!(age["law"].as_str().unwrap().contains("제4조의4"));
    assert_eq!(lines[1]["vacancy_id"], "v-good");
    assert_eq!(lines[1]["score"], 100);
    assert!(
        stderr(&out).contains("공고 2건 점검: 고칠 점이 있는 공고 1건"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_lines_and_a_repeated_id_are_refused_with_their_line_and_nothing_printed() {
    let env = Env::new();
    let text = format!(
        "{POSTINGS}{{\"id\":\"v-x\",\"company_id\":\"c\",\"occupation\":\"81\"}}\nnot json\n{}\n",
        POSTINGS.lines().next().unwrap()
    );
    let out = check(&env, &text);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing half-done on stdout");
    let err = stderr(&out);
    assert!(
        err.contains("postings.jsonl 3행"),
        "the line without sigungu/headcount: {err}"
    );
    assert!(
        err.contains("postings.jsonl 4행"),
        "the line that is no JSON: {err}"
    );

    let text = format!("{POSTINGS}{}\n", POSTINGS.lines().next().unwrap());
    let out = check(&env, &text);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("3행: 구인 ID 'v-bad'가 1행에도 있습니다"),
        "{}",
        stderr(&out)
    );
}
