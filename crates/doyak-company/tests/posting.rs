//! 공고 점검: each code found where it should be and not in its trap, the
//! spans in characters, and the score's arithmetic.
#![allow(clippy::unwrap_used)]

use doyak_company::{Field, Posting, check};
use proptest::prelude::*;
use serde_json::json;

/// A complete, lawful posting: 금형 조립원 in 안산시 단원구 with a wage,
/// hours, an address and its duties.
fn good() -> serde_json::Value {
    json!({
        "id": "v1", "company_id": "c1", "occupation": "81", "sigungu": "41273",
        "wage_monthly": 2_900_000, "headcount": 2,
        "required_certificates": [], "skills": ["금형 조립"],
        "title": "사출금형 조립원 모집 (남녀 무관)",
        "description": "사출금형 부품의 조립과 시운전 보조, 금형 조립 후 치수 측정을 맡습니다. 초보자는 선배와 함께 6개월 배웁니다.",
        "work_hours": "08:30~17:30, 주5일",
        "workplace_address": "경기도 안산시 단원구 산단로 123"
    })
}

fn posting(v: serde_json::Value) -> Posting {
    serde_json::from_value(v).unwrap()
}

fn with(changes: serde_json::Value) -> Posting {
    let mut v = good();
    for (k, x) in changes.as_object().unwrap() {
        v[k] = x.clone();
    }
    posting(v)
}

fn codes(p: &Posting) -> Vec<String> {
    check(p).findings.into_iter().map(|f| f.code).collect()
}

#[test]
fn a_complete_lawful_posting_has_no_finding() {
    let result = check(&posting(good()));
    assert_eq!(result.findings, vec![], "the reference posting is clean");
    assert_eq!(result.score, 100);
    assert_eq!(result.vacancy_id, "v1");
}

#[test]
fn what_a_seeker_needs_and_does_not_find() {
    // No wage field and none written: missing. '급여 협의' is no amount.
    let p = with(
        json!({"wage_monthly": null, "description": "사출금형 부품 조립과 시운전 보조, 치수 측정을 맡습니다. 급여 협의"}),
    );
    assert_eq!(codes(&p), ["wage_missing"]);
    // A wage written in the text is enough.
    let p = with(
        json!({"wage_monthly": null, "description": "사출금형 부품 조립과 시운전 보조를 맡습니다. 월 290만원, 상여 별도"}),
    );
    assert_eq!(codes(&p), Vec::<String>::new());
    // Hours: the field empty and nothing in the text.
    let p = with(json!({"work_hours": ""}));
    assert_eq!(codes(&p), ["hours_missing"]);
    let p = with(
        json!({"work_hours": null, "description": "사출금형 부품 조립과 시운전 보조를 맡습니다. 2교대 근무"}),
    );
    assert_eq!(codes(&p), Vec::<String>::new(), "2교대 근무 says the hours");
    // No address: the finding names the 시군구 that is known.
    let r = check(&with(json!({"workplace_address": null})));
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].code, "location_missing");
    assert!(
        r.findings[0].text_ko.contains("안산시 단원구"),
        "{}",
        r.findings[0].text_ko
    );
    assert_eq!(r.findings[0].span, None, "nothing missing has a place");
    // Duties: too short, or only vague words with none of the skills.
    assert_eq!(
        codes(&with(json!({"description": "생산직"}))),
        ["duties_vague"]
    );
    let p = with(
        json!({"skills": [], "description": "공장 내 제반 업무 및 기타 업무를 담당합니다. 성실한 분 환영합니다."}),
    );
    assert_eq!(
        codes(&p),
        ["duties_vague", "duties_vague"],
        "both vague phrases"
    );
    let p =
        with(json!({"description": "금형 조립과 제반 업무를 담당합니다. 성실한 분 환영합니다."}));
    assert_eq!(
        codes(&p),
        Vec::<String>::new(),
        "a skill of the vacancy is a duty"
    );
}

#[test]
fn wording_the_law_forbids_and_its_traps() {
    let desc = |text: &str| {
        codes(&with(json!({
            "description": format!("사출금형 부품 조립과 시운전 보조를 맡습니다. {text}")
        })))
    };
    // 연령: a limit or a band is a finding; 18세 이상 (연소자 보호) and 정년
    // are not.
    assert_eq!(desc("20~35세 지원 가능"), ["age_limit"]);
    assert_eq!(desc("40세 이하만"), ["age_limit"]);
    assert_eq!(desc("30대 우대"), ["age_limit"]);
    assert_eq!(desc("1995년생 이후"), ["age_limit"]);
    assert_eq!(desc("만 18세 이상"), Vec::<String>::new());
    assert_eq!(desc("정년 60세"), Vec::<String>::new());
    // 성별: a preference is a finding; '남녀 무관' and facilities are not.
    assert_eq!(desc("남성 우대"), ["sex_preference"]);
    assert_eq!(desc("주방 이모님 구함"), ["sex_preference"]);
    assert_eq!(desc("남성 여성 무관"), Vec::<String>::new());
    assert_eq!(desc("여성 전용 휴게실 있음"), Vec::<String>::new());
    // 용모.
    assert_eq!(desc("용모단정한 분"), ["appearance"]);
    assert_eq!(
        desc("키 160cm 이상"),
        ["appearance"],
        "one condition, one finding"
    );
    // 신체 조건: asked only where no heavy work is written.
    assert_eq!(desc("신체 건강한 분"), ["body_condition"]);
    assert_eq!(desc("신체 건강한 분, 20kg 부품 운반"), Vec::<String>::new());
    // 개인정보 (채용절차법 제4조의3).
    assert_eq!(
        desc("이력서에 가족관계와 부모님 직업 기재"),
        ["personal_info", "personal_info"]
    );
    assert_eq!(desc("미혼 여성 우대"), ["sex_preference", "personal_info"]);
}

#[test]
fn a_suppressing_word_counts_only_right_after_the_match_in_its_clause() {
    let desc = |text: &str| {
        codes(&with(json!({
            "description": format!("사출금형 부품 조립과 시운전 보조를 맡습니다. {text}")
        })))
    };
    // Found, though a suppressing word follows later or in another clause.
    assert_eq!(desc("남성 우대, 여성 휴게실 있음"), ["sex_preference"]);
    assert_eq!(desc("남성 우대 / 기숙사 제공"), ["sex_preference"]);
    assert_eq!(desc("40세 이하 (정년 60세)"), ["age_limit"]);
    assert_eq!(
        desc("19세이상 35세이하"),
        ["age_limit"],
        "the upper limit stands"
    );
    // Lawful or blind-hiring wording costs nothing.
    for lawful in [
        "나이 제한 없음",
        "만 65세 이상 어르신 돌봄",
        "출신지역·혼인여부 무관",
        "회사 재산 현황 관리",
        "장애 무관",
        "외모 무관",
        "가로 120cm 패널 조립",
        "여성의류 봉제",
        "남성/여성 무관",
        "고향 같은 직장",
    ] {
        assert_eq!(desc(lawful), Vec::<String>::new(), "{lawful}");
    }
}

#[test]
fn below_thirty_employees_the_hiring_procedure_act_is_advice_at_no_cost() {
    // 채용절차법 binds firms of 상시 30명 이상: for a firm of 10 its findings
    // are shown as advice and cost nothing; 남녀고용평등법 binds every firm.
    let small = |text: &str| {
        check(&with(json!({
            "employees": 10,
            "description": format!("사출금형 부품 조립과 시운전 보조를 맡습니다. {text}")
        })))
    };
    let r = small("이력서에 가족관계 기재");
    assert_eq!(r.findings.len(), 1);
    assert!(r.findings[0].advisory && r.findings[0].text_ko.starts_with("(상시 30명 미만"));
    assert_eq!(r.score, 100);
    let r = small("남성 우대");
    assert!(!r.findings[0].advisory);
    assert_eq!(r.score, 80);
    let big = check(&with(
        json!({"employees": 45, "description": "사출금형 부품 조립과 시운전 보조를 맡습니다. 이력서에 가족관계 기재"}),
    ));
    assert_eq!(big.score, 80, "a firm of 45 is bound");
}

#[test]
fn requirements_out_of_line_with_the_job() {
    // 초보 가능 and 3 years required contradict each other.
    let p = with(json!({"title": "금형 조립원 (초보 가능)", "min_experience_years": 3}));
    let r = check(&p);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].code, "requirement_out_of_line");
    assert!(
        r.findings[0].text_ko.contains("3년"),
        "{}",
        r.findings[0].text_ko
    );
    // A 제조 단순직 (KECO 89) requiring a 산업기사, or 3 years.
    let p = with(json!({"occupation": "89", "required_certificates": ["용접산업기사"]}));
    assert_eq!(codes(&p), ["requirement_out_of_line"]);
    let p = with(json!({"occupation": "89", "required_certificates": ["지게차운전기능사"]}));
    assert_eq!(
        codes(&p),
        Vec::<String>::new(),
        "a 기능사 for 생산직 is common"
    );
    let p = with(json!({"occupation": "89", "min_experience_years": 3}));
    assert_eq!(codes(&p), ["requirement_out_of_line"]);
    let p = with(json!({"occupation": "81", "min_experience_years": 3}));
    assert_eq!(
        codes(&p),
        Vec::<String>::new(),
        "3 years for 금형 is no simple job"
    );
}

#[test]
fn spans_count_characters_and_name_their_field() {
    let p = with(json!({"title": "금형 조립원 (남성 우대)"}));
    let f = &check(&p).findings[0];
    let span = f.span.unwrap();
    assert_eq!(span.field, Field::Title);
    // "금형 조립원 (" is 8 characters; "남성" 2.
    assert_eq!((span.start, span.end), (8, 10));
    assert!(
        f.law.as_deref().unwrap().contains("남녀고용평등"),
        "{:?}",
        f.law
    );
}

#[test]
fn one_finding_repeated_costs_its_weight_once_and_at_most_three_are_listed() {
    let p = with(
        json!({"description": "사출금형 부품 조립을 맡습니다. 남성 우대, 남성 기숙사 없음, 남자 직원 위주, 남성 환영, 남자 우대"}),
    );
    let r = check(&p);
    let sex = r
        .findings
        .iter()
        .filter(|f| f.code == "sex_preference")
        .count();
    assert_eq!(sex, 3, "listed up to three times");
    assert_eq!(r.score, 80, "100 - 20 for sex_preference, counted once");
}

#[test]
fn bad_input_gives_no_panic_and_the_rules_all_load() {
    // Empty texts everywhere and an unknown 시군구: findings, no panic.
    let p = posting(json!({
        "id": "v2", "company_id": "c", "occupation": "", "sigungu": "99999",
        "headcount": 1, "title": "", "description": "", "work_hours": " ", "workplace_address": ""
    }));
    let r = check(&p);
    let mut c: Vec<String> = r.findings.iter().map(|f| f.code.clone()).collect();
    c.dedup();
    assert_eq!(
        c,
        [
            "wage_missing",
            "hours_missing",
            "location_missing",
            "duties_vague"
        ]
    );
    assert_eq!(r.score, 100 - 15 - 15 - 10 - 10);
    assert!(!doyak_company::rules_version().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Adding words to a posting never raises its score, and the score is
    /// 100 less the weights of the distinct codes found.
    #[test]
    fn more_words_never_raise_the_score(extra in proptest::collection::vec(
        prop::sample::select(vec![
            "남성 우대", "30대", "용모단정", "가족관계", "신체 건강", "월 250만원", "09:00~18:00",
            "기타 업무", "금형 조립", "경기도 안산시 단원구 산단로 1", "초보 가능", "20kg 운반",
        ]), 0..6),
        base in prop::sample::select(vec![
            "사출금형 부품의 조립과 시운전 보조를 맡습니다.",
            "사출금형 부품의 조립과 시운전 보조 및 제반 업무를 맡습니다.",
        ]),
    ) {
        let lean = with(json!({"description": base, "wage_monthly": null, "work_hours": null, "workplace_address": null}));
        let before = check(&lean).score;
        let text = format!("{base} {}", extra.join(" "));
        let after = check(&with(json!({"description": text, "wage_monthly": null, "work_hours": null, "workplace_address": null})));
        let mut distinct: Vec<&str> = after.findings.iter().map(|f| f.code.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        prop_assert!(after.score <= 100);
        prop_assert_eq!(distinct.is_empty(), after.score == 100);
        // Words that state a wage, hours or an address can only take
        // findings away: skip those samples for the monotone claim.
        let informative = extra.iter().any(|e| ["월 250만원", "09:00~18:00", "경기도 안산시 단원구 산단로 1", "금형 조립", "20kg 운반"].contains(e));
        if !informative {
            prop_assert!(after.score <= before, "{} -> {} for {:?}", before, after.score, text);
        }
    }
}

#[test]
fn a_draft_of_a_complete_vacancy_passes_the_check_and_says_what_it_does_not_know() {
    use doyak_company::{DraftInput, posting_draft};
    let input = DraftInput {
        company_name: "도약정밀".into(),
        title: "사출금형 조립원".into(),
        occupation_name: "기계 설치·정비·생산직".into(),
        headcount: 2,
        wage_monthly: Some(2_875_000),
        weekly_hours: Some(40),
        shift_label: "주간".into(),
        address: Some("경기도 안산시 단원구 산단로 123".into()),
        skills: vec!["금형 조립".into(), "시운전 보조".into()],
        required_certificates: vec!["금형기능사".into()],
        min_experience_years: Some(1),
        opened_on: "2026-12-01".into(),
        ..Default::default()
    };
    let text = posting_draft(&input);
    assert!(text.contains("- 임금: 월 287만 5000원"), "{text}");
    assert!(text.contains("- 금형 조립") && text.contains("- 필수 자격: 금형기능사"));
    assert!(
        text.contains("[확인 필요] 마감일"),
        "no closing date is asked, not assumed"
    );
    let as_posted = |text: &str| {
        check(&with(json!({
            "skills": ["금형 조립"], "description": text, "work_hours": null,
            "workplace_address": null, "min_experience_years": 1
        })))
        .findings
    };
    // As drafted, only the places left open are found…
    let codes: Vec<String> = as_posted(&text).into_iter().map(|f| f.code).collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c == "placeholder_left"),
        "{codes:?}"
    );
    // …and once the counselor fills them, the posting passes.
    let filled = text
        .replace("(출퇴근 시각 [확인 필요])", "(08:30~17:30)")
        .replace(
            "[확인 필요] 마감일 (정하지 않았으면 '채용 시까지')",
            "채용 시까지",
        )
        .replace(
            "[확인 필요] 지원 방법(고용복지플러스센터 알선, 이메일, 방문 등)",
            "고용복지플러스센터 알선",
        );
    assert_eq!(
        as_posted(&filled),
        vec![],
        "the filled draft passes 공고 점검:\n{filled}"
    );

    // What the vacancy leaves open is asked, never made up.
    let open = posting_draft(&DraftInput {
        title: "생산직".into(),
        occupation_name: "제조 단순직".into(),
        shift_label: "2교대".into(),
        sigungu_name: Some("안산시 단원구".into()),
        opened_on: "2026-12-01".into(),
        ..Default::default()
    });
    for asked in [
        "임금: [확인 필요]",
        "[확인 필요] 맡을 업무",
        "안산시 단원구, [확인 필요] 도로명 주소",
        "경력: [확인 필요]",
    ] {
        assert!(open.contains(asked), "{asked} in:\n{open}");
    }
    assert!(!open.contains("만원"), "no wage invented");
    assert!(
        !open.contains("- 경력: 경력 무관"),
        "no experience rule invented"
    );
}
