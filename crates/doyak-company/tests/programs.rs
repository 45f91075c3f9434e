//! 지원사업 찾기: a table of firms × programs × dates with the verdict each
//! must get and why, the rule change between 2025 and 2026, dates before and
//! after a program's rules, local programs in and out of their 시군구, and
//! the Korean errors.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use doyak_company::programs::{
    FactValue, Facts, ProgramError, Verdict, data_version, evaluate, evaluate_one, facts_catalogue,
    programs,
};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn yes(id: &str) -> (&str, FactValue) {
    (id, FactValue::YesNo(true))
}
fn no(id: &str) -> (&str, FactValue) {
    (id, FactValue::YesNo(false))
}
fn count(id: &str, n: u32) -> (&str, FactValue) {
    (id, FactValue::Count(n))
}
fn at(code: &str) -> (&'static str, FactValue) {
    ("sigungu", FactValue::Sigungu(code.to_owned()))
}

fn facts(pairs: Vec<(&str, FactValue)>) -> Facts {
    pairs
        .into_iter()
        .fold(Facts::new(), |f, (id, v)| f.with(id, v))
}

/// A 12-person 우선지원대상기업 in 서울 종로구 hiring a 29-year-old
/// 취업애로청년 full-time.
fn seoul_small_hiring() -> Vec<(&'static str, FactValue)> {
    vec![
        count("employees", 12),
        yes("priority_support"),
        no("midsize"),
        at("11110"),
        count("hire_age", 29),
        yes("hire_youth_hardship"),
        yes("hire_full_time"),
    ]
}

/// A 400-person 중견기업 in a 창원 산업단지 (not 수도권, not 우선지원대상),
/// hiring a 27-year-old 취업애로청년 full-time.
fn changwon_midsize_in_complex() -> Vec<(&'static str, FactValue)> {
    vec![
        count("employees", 400),
        no("priority_support"),
        yes("midsize"),
        at("48121"),
        yes("industrial_complex"),
        no("vacancy_industry_2025"),
        count("hire_age", 27),
        yes("hire_youth_hardship"),
        yes("hire_full_time"),
    ]
}

/// A 중소기업 in a 산업단지 at `code`, far from downtown, with 12 bus riders.
fn complex_sme(code: &str) -> Vec<(&'static str, FactValue)> {
    vec![
        at(code),
        yes("industrial_complex"),
        yes("sme"),
        yes("commute_15km_1h"),
        count("bus_riders", 12),
    ]
}

/// A 우선지원대상기업 hiring an unemployed 55-year-old full-time into a
/// 신중년 적합직무.
fn hires_55_suitable(age: u32) -> Vec<(&'static str, FactValue)> {
    vec![
        yes("priority_support"),
        count("hire_age", age),
        yes("hire_unemployed"),
        yes("suitable_job_50"),
        yes("hire_full_time"),
    ]
}

fn older_firm(share: u32) -> Vec<(&'static str, FactValue)> {
    vec![
        yes("priority_support"),
        yes("retirement_extension"),
        ("older_share_60", FactValue::Percent(share)),
    ]
}

fn shipyard_subcontractor(code: &str) -> Vec<(&'static str, FactValue)> {
    vec![
        yes("shipbuilding"),
        yes("shipbuilding_subcontractor"),
        at(code),
    ]
}

fn filling_hire() -> Vec<(&'static str, FactValue)> {
    vec![
        yes("sme"),
        count("insured_employees", 8),
        yes("manufacturing"),
        count("hire_age", 25),
        yes("hire_full_time"),
    ]
}

struct Case {
    program: &'static str,
    facts: Vec<(&'static str, FactValue)>,
    on: &'static str,
    verdict: Verdict,
    missing: &'static [&'static str],
    /// A reason that must be among the answer's.
    reason: Option<&'static str>,
}

fn case(
    program: &'static str,
    facts: Vec<(&'static str, FactValue)>,
    on: &'static str,
    verdict: Verdict,
) -> Case {
    Case {
        program,
        facts,
        on,
        verdict,
        missing: &[],
        reason: None,
    }
}

impl Case {
    fn missing(mut self, missing: &'static [&'static str]) -> Self {
        self.missing = missing;
        self
    }
    fn reason(mut self, reason: &'static str) -> Self {
        self.reason = Some(reason);
        self
    }
}

#[test]
fn rule_table() {
    use Verdict::{Eligible, NotEligible, Unknown};
    let cases = vec![
        // 2025: every path asks for a 우선지원대상기업, and this 중견기업 is not one.
        case("youth_leap", changwon_midsize_in_complex(), "2025-06-02", NotEligible)
            .reason("[유형 I] 우선지원대상기업 여부: 아니오 (‘예’ 필요)"),
        // 2026: 비수도권 admits 지방 산단 중견기업; the hire's requirement there is not in the reference.
        case("youth_leap", changwon_midsize_in_complex(), "2026-03-02", Unknown)
            .reason("[비수도권 (지방 산업단지 중견기업)] 산업단지 입주 여부: 예 (‘예’ 필요)"),
        // 2025 유형 I: 5+ 우선지원대상기업 hiring a 15–34 취업애로청년 full-time.
        case("youth_leap", seoul_small_hiring(), "2025-06-02", Eligible)
            .reason("[유형 I] 상시근로자 수 12명 (5명 이상 필요)"),
        // 2026 수도권: 종로구 (11110) is 수도권 by its code; 5+ 우선지원 hiring a 취업애로청년.
        case("youth_leap", seoul_small_hiring(), "2026-03-02", Eligible)
            .reason("[수도권] 수도권 소재 여부: 예 (‘예’ 필요, 시군구 코드로 판단)"),
        // 2025 without the hire: 유형 I and II stay open, the <5 path is false; their facts are asked.
        case("youth_leap", seoul_small_hiring()[..4].to_vec(), "2025-06-02", Unknown).missing(&[
            "vacancy_industry_2025",
            "hire_age",
            "hire_youth_hardship",
            "hire_full_time",
        ]),
        // 2026-01-01 … 01-25 lies between the 2025 rows and the 2026 start (2026-01-26).
        case("youth_leap", seoul_small_hiring(), "2026-01-10", Unknown).reason(
            "2026-01-10에 적용할 기준이 자료에 없습니다 (직전 기준: 2025-12-31까지, 다음 기준: 2026-01-26부터)",
        ),
        // Before the program's first row (2025-01-01), inside other programs' data.
        case("youth_leap", seoul_small_hiring(), "2024-05-01", Unknown)
            .reason("2024년 기준이 자료에 없습니다 (가장 이른 기준: 2025-01-01부터)"),
        // 거제 2025 terms: 거제시 48310, 산단 중소기업, 15 km and 1 h from
        // downtown — all met, but whether a fifth of the users are new
        // hires is a term no fact answers: 확인 필요 at best, saying which.
        case("dormitory_rent_geoje", complex_sme("48310"), "2025-06-02", Unknown)
            .missing(&[])
            .reason("자료로 판단할 수 없는 요건: 근속 5년 미만 근로자용 숙소이고 이용자의 20% 이상이 신규 채용자인지 — 자료에 판단할 사실 없음"),
        // The same firm in 사천시 (48240) is outside 거제's program.
        case("dormitory_rent_geoje", complex_sme("48240"), "2025-06-02", NotEligible)
            .reason("사업장 소재 시군구: 경상남도 사천시 (48240) (경상남도 거제시 필요)"),
        // 거제's 2025 terms say nothing of 2026.
        case("dormitory_rent_geoje", complex_sme("48310"), "2026-03-02", Unknown)
            .reason("2026년 기준이 자료에 없습니다 (가장 최근 기준: 2025-12-31까지)"),
        // 사천 2024: 산단 중소기업 with 10+ riders — a program that selects
        // by evaluation, so the conditions alone never make it 해당.
        case("commuter_bus_sacheon", complex_sme("48240"), "2024-05-01", Unknown).missing(&[]),
        // After the program's only row (2024), inside other programs' data.
        case("commuter_bus_sacheon", complex_sme("48240"), "2026-03-02", Unknown)
            .reason("2026년 기준이 자료에 없습니다 (가장 최근 기준: 2024-12-31까지)"),
        // 사천's bus is not for a 거제 firm.
        case("commuter_bus_sacheon", complex_sme("48310"), "2024-05-01", NotEligible),
        // [S]: every condition holds, but a blog's rule never gives 해당.
        case("middle_aged_suitable_job", hires_55_suitable(55), "2025-06-02", Unknown)
            .reason("[우선지원대상기업] 기준 출처가 2차 자료입니다 — 고용24·지침에서 확인 필요"),
        // [S] still says 해당 없음 when a condition fails on every path: a 45-year-old is not 50+.
        case("middle_aged_suitable_job", hires_55_suitable(45), "2025-06-02", NotEligible),
        // 2025: 20+ workers, nothing else asked.
        case("workplace_innovation_consulting", vec![count("employees", 25)], "2025-06-02", Eligible),
        // 12 workers are fewer than 20.
        case("workplace_innovation_consulting", vec![count("employees", 12)], "2025-06-02", NotEligible),
        // Nothing known: the head count settles it.
        case("workplace_innovation_consulting", vec![], "2025-06-02", Unknown).missing(&["employees"]),
        // 2020 [P]: 우선지원, 정년 연장, 60+ at 10% (below 20%).
        case("older_continued_employment", older_firm(10), "2020-06-01", Eligible),
        // 2025 [?]: the same firm, on an unconfirmed rule, is at best 확인 필요.
        case("older_continued_employment", older_firm(10), "2025-06-02", Unknown),
        // 60+ already at 25%: excluded on every path.
        case("older_continued_employment", older_firm(25), "2020-06-01", NotEligible),
        // 2025: 거제 is in 경상남도 (48), 협력사 of a shipyard; 재직자 count from 2025.
        case("shipbuilding_hope_savings", shipyard_subcontractor("48310"), "2025-06-02", Eligible),
        // 2024: new entrants only, and whether this worker is one is not known.
        case("shipbuilding_hope_savings", shipyard_subcontractor("48310"), "2024-05-01", Unknown)
            .missing(&["worker_new_entrant"]),
        // 부산 (26xxx) is neither 울산 (31) nor 경남 (48).
        case("shipbuilding_hope_savings", shipyard_subcontractor("26440"), "2025-06-02", NotEligible),
        // E-9: 내국인 구인노력 comes first.
        case("e9_permit", vec![no("domestic_recruit_effort")], "2026-03-02", NotEligible),
        // E-9 after the effort: industry and caps are not in the data, so no fact settles it.
        case("e9_permit", vec![yes("domestic_recruit_effort")], "2026-03-02", Unknown)
            .missing(&[]),
        // Hired 2024-03 in 제조 by an SME with 8 insured: inside 2023-10-01 … 2024-09-30.
        case("job_filling_youth", filling_hire(), "2024-03-04", Eligible),
        // A 2025 hire is after the program's end, which the reference
        // states (ends_program): 해당 없음, not 확인 필요.
        case("job_filling_youth", filling_hire(), "2025-06-02", NotEligible)
            .reason("종료된 사업입니다: 2024-09-30까지 적용 (2025-06-02은 그 뒤)"),
        // A year after a rule whose end the reference does not call the
        // program's end: the data does not know, 확인 필요.
        case("workplace_innovation_consulting", vec![count("employees", 30)], "2026-06-02", Unknown)
            .reason("2026년 기준이 자료에 없습니다 (가장 최근 기준: 2025-12-31까지)"),
        // 울산 동구 (31170) program: 울산 중구 (31110) is another 시군구.
        case(
            "shipbuilding_settlement_ulsan_donggu",
            vec![at("31110"), yes("shipbuilding"), yes("hire_shipbuilding_center")],
            "2023-05-02",
            NotEligible,
        ),
        // [?] with its fact answered yes: still 확인 필요.
        case("disability_employment", vec![yes("disabled_over_quota")], "2025-06-02", Unknown),
    ];
    let verdicts: Vec<Verdict> = cases.iter().map(|c| c.verdict).collect();
    for v in [Eligible, NotEligible, Unknown] {
        assert!(verdicts.contains(&v), "the table covers {v:?}");
    }
    for (i, c) in cases.iter().enumerate() {
        let facts = facts(c.facts.clone());
        let a = evaluate_one(c.program, &facts, day(c.on)).unwrap();
        let row = format!("row {i}: {} on {}: {a:#?}", c.program, c.on);
        assert_eq!(a.verdict, c.verdict, "{row}");
        if c.verdict == Unknown || !c.missing.is_empty() {
            assert_eq!(a.missing, c.missing, "{row}");
        } else {
            assert!(
                a.missing.is_empty(),
                "a settled answer asks for nothing: {row}"
            );
        }
        if let Some(reason) = c.reason {
            assert!(
                a.reasons.iter().any(|r| r == reason),
                "'{reason}' missing: {row}"
            );
        }
        assert!(!a.reasons.is_empty(), "every answer says why: {row}");
    }
}

#[test]
fn an_answer_names_its_rule_source_and_amount() {
    let a = evaluate_one(
        "youth_leap",
        &facts(seoul_small_hiring()),
        day("2026-03-02"),
    )
    .unwrap();
    assert_eq!(a.verdict, Verdict::Eligible);
    assert_eq!(a.name_ko, "청년일자리도약장려금");
    assert_eq!(
        a.amount_ko, "기업: 1년 최대 720만원",
        "the 수도권 path's figure"
    );
    assert_eq!(a.applies_ko, "사업주");
    assert_eq!(
        a.rule_period,
        Some((day("2026-01-26"), Some(day("2026-12-31")))),
        "the 2026 row answered"
    );
    assert_eq!(a.confidence, "P");
    assert!(a.source.contains("11study"), "{}", a.source);
    assert!(
        a.reasons.iter().all(|r| r.starts_with("[수도권] ")),
        "only the deciding path speaks: {:?}",
        a.reasons
    );
}

#[test]
fn secondary_and_unsure_programs_are_never_eligible() {
    // Every fact a rule names, answered so that every condition could hold.
    let mut all_yes = Facts::new();
    for f in facts_catalogue() {
        let v = match f.kind {
            doyak_company::programs::FactKind::YesNo => FactValue::YesNo(true),
            doyak_company::programs::FactKind::Count => FactValue::Count(55),
            doyak_company::programs::FactKind::Percent => FactValue::Percent(0),
            doyak_company::programs::FactKind::Sigungu => FactValue::Sigungu("48310".into()),
        };
        all_yes.insert(f.id.clone(), v);
    }
    all_yes.0.remove("capital_region");
    for on in ["2025-06-02", "2026-03-02"] {
        for a in evaluate(&all_yes, day(on)).unwrap() {
            if a.confidence != "P" {
                assert_ne!(a.verdict, Verdict::Eligible, "{} on {on}: {a:#?}", a.id);
                assert_eq!(a.amount_ko, "확인 필요", "{}: no secondary figure", a.id);
            }
        }
    }
}

#[test]
fn evaluate_answers_every_program_in_order() {
    let answers = evaluate(&Facts::new(), day("2025-06-02")).unwrap();
    let ids: Vec<&str> = answers.iter().map(|a| a.id.as_str()).collect();
    let catalogue: Vec<&str> = programs().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, catalogue);
    // Nothing known: nothing is 해당, and only a program that had ended
    // by then (일자리 채움, 2024-09-30) is 해당 없음 — whatever the facts.
    for a in &answers {
        let expected = if a.id == "job_filling_youth" {
            Verdict::NotEligible
        } else {
            Verdict::Unknown
        };
        assert_eq!(a.verdict, expected, "{a:#?}");
    }
    let order: Vec<&str> = facts_catalogue().iter().map(|f| f.id.as_str()).collect();
    for a in &answers {
        let mut positions = a.missing.iter().map(|m| {
            order
                .iter()
                .position(|o| o == m)
                .unwrap_or_else(|| panic!("{m} is no catalogue fact"))
        });
        let first = positions.next();
        positions.fold(first, |prev, p| {
            assert!(
                prev < Some(p),
                "{}: missing in catalogue order, once each",
                a.id
            );
            Some(p)
        });
    }
    assert!(
        data_version().starts_with("2026-12-04."),
        "{}",
        data_version()
    );
}

#[test]
fn errors_are_korean_with_stable_codes() {
    let none = Facts::new();
    let e = evaluate_one("no_such_program", &none, day("2025-06-02")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "알 수 없는 지원사업 코드입니다: no_such_program"
    );
    assert_eq!(e.code(), "unknown_program");

    let e = evaluate(&none, day("2019-01-01")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "2019-01-01에 적용할 지원사업 기준이 자료에 없습니다 (자료 범위: 2020-01-01 ~ 2026-12-31)"
    );
    assert_eq!(e.code(), "no_rule_on_date");
    let e = evaluate_one("youth_leap", &none, day("2027-03-02")).unwrap_err();
    assert!(
        matches!(e, ProgramError::NoRuleOn { .. }),
        "after all data too: {e}"
    );
    // 2021 lies between the 2020 rule and the 2023 ones: no error, each
    // program says which of its rules is nearest.
    let answers = evaluate(&none, day("2021-06-01")).unwrap();
    assert!(answers.iter().all(|a| a.verdict == Verdict::Unknown));
    let older = answers
        .iter()
        .find(|a| a.id == "older_continued_employment")
        .unwrap();
    assert_eq!(
        older.reasons,
        vec![
            "2021년 기준이 자료에 없습니다 (직전 기준: 2020-12-31까지, 다음 기준: 2025-01-01부터)"
        ]
    );

    let cases: Vec<(Facts, &str, &str)> = vec![
        (
            Facts::new().with("head_count", FactValue::Count(3)),
            "알 수 없는 사실 항목입니다: head_count",
            "unknown_fact",
        ),
        (
            Facts::new().with("employees", FactValue::YesNo(true)),
            "상시근로자 수의 값 형식이 맞지 않습니다 (0 이상의 정수 값이 필요합니다)",
            "wrong_fact_kind",
        ),
        (
            Facts::new().with("older_share_60", FactValue::Percent(120)),
            "60세 이상 근로자 비율은(는) 0~100 사이여야 합니다: 120",
            "percent_out_of_range",
        ),
        (
            Facts::new().with("sigungu", FactValue::Sigungu("99999".into())),
            "알 수 없는 시군구 코드입니다: 99999",
            "unknown_sigungu",
        ),
        (
            Facts::new()
                .with("sigungu", FactValue::Sigungu("48310".into()))
                .with("capital_region", FactValue::YesNo(true)),
            "수도권 소재 여부(예)가 사업장 시군구 경상남도 거제시와 맞지 않습니다",
            "capital_region_conflict",
        ),
    ];
    for (facts, message, code) in cases {
        let e = evaluate(&facts, day("2025-06-02")).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.code()), (message, code));
    }
}

#[test]
fn answers_serialise_with_snake_case_verdicts() {
    let a = evaluate_one(
        "workplace_innovation_consulting",
        &Facts::new().with("employees", FactValue::Count(12)),
        day("2025-06-02"),
    )
    .unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["verdict"], "not_eligible");
    assert_eq!(
        json["rule_period"],
        serde_json::json!(["2025-01-01", "2025-12-31"])
    );
    assert_eq!(Verdict::NotEligible.label_ko(), "해당 없음");
    assert_eq!(Verdict::Eligible.label_ko(), "해당");
    assert_eq!(Verdict::Unknown.label_ko(), "확인 필요");
}
