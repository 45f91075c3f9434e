//! The engine on small résumés: each trap of issue 17, the score's
//! arithmetic, the "+N" of a suggestion, and the keyword gap.

use doyak_resume::{
    Analysis, CertificateStatus, KeywordKind, Options, Vacancy, YearMonth, analyse_text,
};
use proptest::prelude::*;

fn options() -> Options {
    Options {
        as_of: YearMonth {
            year: 2026,
            month: 12,
        },
        industry: None,
        vacancy: None,
    }
}

fn run(text: &str) -> Analysis {
    analyse_text(text, &options())
}

fn national(a: &Analysis) -> Vec<(String, CertificateStatus)> {
    a.certificates
        .iter()
        .filter_map(|c| c.national.clone().map(|n| (n, c.status)))
        .collect()
}

#[test]
fn a_course_named_after_a_certificate_is_training_not_the_certificate() {
    let a = run("교육훈련\n특수용접기능사 취득과정(6개월) 수료\n요양보호사 교육과정 이수");
    assert!(a.certificates.is_empty(), "{:?}", a.certificates);
    assert!(a.sections.iter().any(|s| s.name == "교육훈련" && s.present));
}

#[test]
fn duty_words_are_not_certificates_but_the_same_word_in_the_certificate_list_is() {
    // "용접 업무", "지게차 상하차" are what the person did.
    let a = run("경력사항\n2019.03 ~ 2021.02 (주)대한정밀 생산직 사원\n용접 업무, 지게차 상하차");
    assert!(a.certificates.is_empty(), "{:?}", a.certificates);
    // Alone as an item of the 자격증 section, 지게차 names the certificate.
    let a = run("자격증\n지게차, 1종 보통");
    assert_eq!(
        national(&a),
        vec![
            ("지게차운전기능사".to_owned(), CertificateStatus::Held),
            ("제1종 보통 운전면허".to_owned(), CertificateStatus::Held),
        ]
    );
}

#[test]
fn written_passes_plans_and_lacks_are_told_apart() {
    let a = run(
        "자격증\n용접기능사(필기 합격)\n전기기능사 - 2027년 취득 예정\n지게차운전기능사 2019.05 취득\n운전면허 없음",
    );
    assert_eq!(
        national(&a),
        vec![
            ("용접기능사".to_owned(), CertificateStatus::WrittenPassed),
            ("전기기능사".to_owned(), CertificateStatus::Planned),
            ("지게차운전기능사".to_owned(), CertificateStatus::Held),
        ],
        "운전면허 없음 is a lack, not a licence"
    );
}

#[test]
fn legacy_names_and_grades_map_to_the_official_name() {
    let a = run("자격증\n굴삭기운전기능사\n요양보호사 1급\n컴활 2급\nTOEIC 750");
    let names: Vec<String> = national(&a).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["굴착기운전기능사", "요양보호사", "컴퓨터활용능력 2급"]
    );
    // A language test is listed apart, with no national name.
    assert!(
        a.certificates
            .iter()
            .any(|c| c.name == "TOEIC 750" && c.national.is_none())
    );
}

#[test]
fn a_condition_word_counts_where_work_is_told_not_in_a_course() {
    // The 지게차 rule's question says "지게차 운전 경력이 있으나": a 지게차
    // course under 교육훈련 is no such experience, a 지게차 job is.
    let transport = Options {
        industry: Some("transport".into()),
        ..options()
    };
    let asks = |text: &str| {
        analyse_text(text, &transport)
            .suggestions
            .iter()
            .any(|s| s.id == "transport.cert.forklift")
    };
    assert!(!asks(
        "경력\n2020.01 ~ 2022.12 (주)가상물류 택배 분류\n교육\n2022.11 사내 지게차 교육 수료"
    ));
    assert!(asks(
        "경력\n2020.01 ~ 2022.12 (주)가상물류 지게차 상하차\n교육\n2022.11 사내 안전 교육 수료"
    ));
    // A wish counts as much as a job: 희망 근무 under 기타 or 인적사항.
    let bus = |text: &str| {
        analyse_text(text, &transport)
            .suggestions
            .iter()
            .any(|s| s.id == "transport.cert.bus-driver")
    };
    assert!(bus(
        "인적사항\n성명: 가상인\n희망 직무: 시내버스 운전\n경력\n2020.01 ~ 2022.12 (주)가상물류 택배 분류"
    ));
    assert!(!bus(
        "경력\n2020.01 ~ 2022.12 (주)가상물류 택배 분류\n자격증\n버스운전자격 필기 합격 예정"
    ));
}

#[test]
fn a_written_exam_still_ahead_is_a_plan_and_one_passed_in_plain_words_is_a_pass() {
    // "필기부터 준비 중": the 필기 is ahead, so the certificate is planned;
    // "필기에 붙어": passed, as 합격 would say.
    let a = run("자격증\n전기기능사 - 필기부터 준비 중\n지게차운전기능사 필기에 붙어 실기 준비");
    let status: Vec<(String, CertificateStatus)> = a
        .certificates
        .iter()
        .map(|c| (c.national.clone().unwrap_or_default(), c.status))
        .collect();
    assert_eq!(
        status,
        [
            ("전기기능사".to_owned(), CertificateStatus::Planned),
            (
                "지게차운전기능사".to_owned(),
                CertificateStatus::WrittenPassed
            )
        ]
    );
}

#[test]
fn a_date_after_a_name_is_no_score() {
    // "TOEIC 750" keeps its score; "2019.05" after a name is the date it
    // was obtained.
    for (line, name) in [
        ("지게차운전기능사 2019.05 취득", "지게차운전기능사"),
        ("TOEIC 750 (2023.01)", "TOEIC 750"),
        ("TOEIC 750 2023.01", "TOEIC 750"),
        ("TOEIC 750.", "TOEIC 750"),
        ("JLPT N2 2019.12", "JLPT N2"),
        ("OPIc IM2 2020.01", "OPIc IM2"),
    ] {
        let a = run(&format!("자격증\n{line}"));
        let names: Vec<&str> = a.certificates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, [name], "{line}");
    }
    let a = run("자격증\n지게차운전기능사 2019.05 취득");
    assert_eq!(
        (a.certificates[0].span.start, a.certificates[0].span.end),
        (0, 8),
        "the mark covers the name alone"
    );
}

#[test]
fn a_job_title_that_names_a_certificate_becomes_a_question() {
    let a = run("경력\n2020.03 ~ 현재 가상요양원 요양보호사로 근무");
    assert!(
        a.certificates.is_empty(),
        "a title is not a stated certificate"
    );
    assert_eq!(a.title_mentions.len(), 1);
    assert!(
        a.suggestions
            .iter()
            .any(|s| s.text.contains("요양보호사") && s.text.contains("보유 여부"))
    );
}

#[test]
fn military_service_and_school_periods_are_not_employments() {
    let a = run(
        "학력\n2003.03 ~ 2006.02 대한공업고등학교 졸업\n병역\n2006.03 ~ 2008.02 육군 병장 만기전역\n경력\n2008.05 ~ 2010.04 (주)한빛물류 물류원",
    );
    assert_eq!(a.employments.len(), 1, "{:?}", a.employments);
    assert_eq!(a.employments[0].company.as_deref(), Some("(주)한빛물류"));
    // May 2008 to April 2010, both ends counted: 24 months.
    assert_eq!(a.experience_months, 24);
}

#[test]
fn workplace_facts_are_not_achievements() {
    let a = run(
        "경력\n2019.03 ~ 2021.02 (주)대한정밀 생산직\n- 상시근로자 45명, 3교대 근무\n- 25톤 덤프 운전, 연봉 3,200만원\n- 불량률을 3%에서 1%로 낮춤\n- 무사고 10년",
    );
    let texts: Vec<&str> = a.achievements.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["- 불량률을 3%에서 1%로 낮춤", "- 무사고 10년"]);
}

#[test]
fn gaps_and_overlaps_are_found_and_an_open_job_runs_to_as_of() {
    let a = run(
        "경력\n2015.01 ~ 2016.12 가상산업(주) 사원\n2018.03 ~ 현재 가상물류(주) 기사\n2018.01 ~ 2018.06 가상마트 아르바이트",
    );
    // Jan 2017 – Dec 2017 without work: 12 months.
    assert_eq!(a.gaps.len(), 1);
    assert_eq!(
        (a.gaps[0].from.to_string(), a.gaps[0].months),
        ("2017-01".to_owned(), 12)
    );
    // Mar – Jun 2018 two jobs at once: 4 months, counted once in the total.
    assert_eq!(a.overlaps.len(), 1);
    assert_eq!(a.overlaps[0].months, 4);
    // 24 + (Jan 2018 … Dec 2026 = 108) = 132.
    assert_eq!(a.experience_months, 132);
}

#[test]
fn a_suggestions_plus_n_is_what_the_score_gains_when_the_answer_is_written() {
    let before = "인적사항\n성명: 홍길동\n학력\n대한공업고등학교 졸업\n경력\n2019.03 ~ 2021.02 (주)대한정밀 생산직 사원\n용접 업무 담당\n자격증\n용접기능사\n교육훈련\n용접 기능인력 양성과정 수료\n자기소개\n저는 용접을 좋아해서 이 일을 계속하고 싶습니다. 꼼꼼하게 일하는 사람입니다.";
    let a = run(before);
    let metric = a
        .suggestions
        .iter()
        .find(|s| s.id.starts_with("metric."))
        .expect("the duty line without a number gets a question");
    assert!(metric.adds > 0);
    // The counselor asks, and writes the seeker's answer in.
    let after = before.replace(
        "용접 업무 담당",
        "용접 업무 담당, 불량률을 3%에서 1%로 낮춤",
    );
    let b = run(&after);
    assert_eq!(b.achievements.len(), a.achievements.len() + 1);
    assert_eq!(
        b.score,
        a.score + metric.adds,
        "the +N promised is the +N gained"
    );
}

#[test]
fn the_keyword_gap_unifies_spellings_and_puts_required_certificates_first() {
    let vacancy = Vacancy {
        id: "v1".into(),
        title: "용접원".into(),
        occupation: Some("82".into()),
        required_certificates: vec!["지게차운전기능사".into()],
        preferred_certificates: vec![],
        skills: vec!["TIG 용접".into()],
        text: String::new(),
    };
    let a = analyse_text(
        "경력\n2019.03 ~ 2021.02 (주)대한정밀 용접공\n알곤 용접으로 배관 용접",
        &Options {
            vacancy: Some(vacancy),
            ..options()
        },
    );
    assert_eq!(a.keyword_gap[0].kind, KeywordKind::RequiredCertificate);
    assert_eq!(a.keyword_gap[0].in_resume, 0);
    assert!(
        a.keyword_gap[0]
            .suggestion
            .as_deref()
            .is_some_and(|s| s.contains("보유 여부"))
    );
    // "알곤 용접" is a spelling of "TIG 용접" in the matcher's synonyms.
    let tig = a
        .keyword_gap
        .iter()
        .find(|r| r.keyword == "TIG 용접")
        .expect("the skill row");
    assert_eq!(tig.in_resume, 1);
    assert_eq!(tig.found_in, ["경력"]);
    assert!(tig.suggestion.is_none());
}

/// Résumé fragments the property test puts together.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "인적사항",
        "성명: 김가상",
        "학력",
        "2001.03 ~ 2004.02 가상고등학교 졸업",
        "경력",
        "2019.03 ~ 2021.02 (주)대한정밀 생산직 사원",
        "(주)한빛물류 | 지게차 | 2021.05 - 현재",
        "용접 업무 담당",
        "불량률을 3%에서 1%로 낮춤",
        "상시근로자 45명",
        "자격증",
        "지게차운전기능사",
        "용접기능사(필기 합격)",
        "컴활 2급",
        "교육훈련",
        "특수용접기능사 취득과정 수료",
        "자기소개서",
        "저는 성실하게 일해 온 사람이며 앞으로도 현장에서 꾸준히 배우며 성장하고 싶습니다.",
        "2012.03 ~ 2014.02 육군 병장 전역",
        "TOEIC 750",
        "운전면허 없음",
        "버스 운전 10년",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The score is the sum of its reasons, each within its maximum, and
    /// 100 at most; a suggestion never promises more than is left.
    #[test]
    fn the_reasons_add_up_to_the_score(parts in prop::collection::vec(fragment(), 0..30), industry in prop::option::of(prop::sample::select(vec!["welding", "transport", "care", "office"]))) {
        let text = parts.join("\n");
        let a = analyse_text(&text, &Options { industry: industry.map(str::to_owned), ..options() });
        let sum: u32 = a.reasons.iter().map(|r| r.points).sum();
        prop_assert_eq!(sum, a.score);
        prop_assert!(a.score <= 100);
        prop_assert_eq!(a.reasons.iter().map(|r| r.max).sum::<u32>(), 100);
        for r in &a.reasons {
            prop_assert!(r.points <= r.max, "{:?}", r);
        }
        for s in &a.suggestions {
            prop_assert!(s.adds <= 100 - a.score, "{:?}", s);
        }
        // The same text gives the same analysis.
        let again = analyse_text(&text, &Options { industry: industry.map(str::to_owned), ..options() });
        prop_assert_eq!(serde_json::to_string(&a).ok(), serde_json::to_string(&again).ok());
    }
}

#[test]
fn digits_of_other_scripts_and_huge_lines_do_not_break_the_engine() {
    // Thai and mathematical digits match Unicode \d; the date patterns take
    // ASCII digits only, so nothing is cut inside a character.
    let a = run("경력\n19๑๒01 ~ 2021.02 (주)가상\n19𝟏𝟐01");
    assert!(a.employments.is_empty(), "{:?}", a.employments);
    // One line of 160,000 characters (no line breaks): read in bounded
    // pieces; every date pair in it is still a period.
    let line = "2019.03 ~ 2019.04 (주)가상산업 ".repeat(5_000);
    let a = run(&format!("경력\n{line}"));
    assert!(a.employments.len() >= 4_900, "{}", a.employments.len());
}

#[test]
fn a_job_running_past_as_of_is_cut_at_as_of_in_gaps_and_overlaps() {
    let a = analyse_text(
        "경력\n2023.01 ~ 2025.12 가상산업(주) 사원\n2024.09 ~ 현재 가상물류(주) 기사",
        &Options {
            as_of: YearMonth {
                year: 2024,
                month: 6,
            },
            ..options()
        },
    );
    // The second job starts after as_of: it does not overlap anything yet.
    assert!(a.overlaps.is_empty(), "{:?}", a.overlaps);
    assert!(a.gaps.is_empty(), "{:?}", a.gaps);
    // Jan 2023 … Jun 2024.
    assert_eq!(a.experience_months, 18);
}

#[test]
fn mu_after_a_licence_means_none_but_musago_does_not() {
    let a = run("자격증\n1종 대형 운전면허 (무사고 10년)\n지게차운전기능사: 무");
    assert_eq!(
        national(&a),
        vec![("제1종 대형 운전면허".to_owned(), CertificateStatus::Held)]
    );
}

#[test]
fn both_exams_passed_or_the_written_one_exempted_is_held() {
    let a = run("자격증\n지게차운전기능사 필기·실기 합격\n용접기능사 (필기면제) 실기 합격");
    assert_eq!(
        national(&a),
        vec![
            ("지게차운전기능사".to_owned(), CertificateStatus::Held),
            ("용접기능사".to_owned(), CertificateStatus::Held),
        ]
    );
}

#[test]
fn a_company_in_education_keeps_its_job_and_a_wished_job_is_no_title_mention() {
    let a = run("인적사항\n희망직종: 요양보호사\n경력\n2019.03 ~ 현재 (주)가상에듀 교육팀 사원");
    assert_eq!(a.employments.len(), 1, "{:?}", a.employments);
    assert!(
        a.title_mentions.is_empty(),
        "a wish is not work: {:?}",
        a.title_mentions
    );
}

#[test]
fn a_certificate_section_that_says_none_is_not_a_certificate_section() {
    let a = run("자격증\n보유한 자격증이 없습니다");
    assert!(a.sections.iter().any(|s| s.name == "자격증" && !s.present));
    assert!(a.suggestions.iter().any(|s| s.id == "section.자격증"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text at all: no panic, and the score still adds up.
    #[test]
    fn any_text_is_analysed(text in "\\PC{0,400}", lines in prop::collection::vec("[0-9가-힣().~\\- :/|]{0,60}", 0..20)) {
        for t in [text, lines.join("\n")] {
            let a = analyse_text(&t, &options());
            prop_assert_eq!(a.reasons.iter().map(|r| r.points).sum::<u32>(), a.score);
        }
    }
}
