//! The explanation of fixed pairs, reason by reason.
use super::*;
use crate::{SeekerProfile, VacancyProfile};
use expect_test::{Expect, expect};

fn seekers() -> Vec<SeekerProfile> {
    vec![
        SeekerProfile {
            id: "s-kim".into(),
            birth_year: Some(1978),
            // 안산시 단원구: 반월·시화 산업단지.
            sigungu: "41273".into(),
            desired_occupations: vec!["82".into()],
            certificates: vec!["용접".into(), "1종 보통".into()],
            skills: vec!["CO2용접".into(), "도면 보기".into(), "그라인더".into()],
            experience_years: 3.5,
            experience_by_occupation: vec![],
            desired_wage_monthly: Some(2_800_000),
            max_commute_km: Some(20),
            accepts_shift: false,
            willing_to_relocate: false,
        },
        SeekerProfile {
            id: "s-lee".into(),
            birth_year: None,
            sigungu: "41273".into(),
            desired_occupations: vec!["81".into(), "89".into()],
            certificates: vec!["용접산업기사".into()],
            skills: vec!["MCT".into(), "도면 해독".into()],
            experience_years: 1.0,
            experience_by_occupation: vec![],
            desired_wage_monthly: None,
            max_commute_km: Some(25),
            accepts_shift: true,
            willing_to_relocate: true,
        },
        SeekerProfile {
            id: "s-park".into(),
            birth_year: None,
            sigungu: "41273".into(),
            // No 희망 직종: the certificate (written with 자격증) says
            // 운전·운송; the ordinary licence says nothing.
            desired_occupations: vec![],
            certificates: vec!["지게차운전기능사 자격증".into(), "1종 보통".into()],
            skills: vec!["지게차 운전".into()],
            experience_years: 2.0,
            experience_by_occupation: vec![],
            desired_wage_monthly: None,
            max_commute_km: Some(20),
            accepts_shift: true,
            willing_to_relocate: false,
        },
    ]
}

fn vacancy(id: &str, occupation: &str, sigungu: &str) -> VacancyProfile {
    VacancyProfile {
        id: id.into(),
        company_id: format!("c-{id}"),
        occupation: occupation.into(),
        sigungu: sigungu.into(),
        wage_monthly: None,
        required_certificates: vec![],
        preferred_certificates: vec![],
        skills: vec![],
        min_experience_years: None,
        shift_work: false,
        headcount: 1,
        housing: false,
        commute_bus: false,
    }
}

fn vacancies() -> Vec<VacancyProfile> {
    vec![
        VacancyProfile {
            required_certificates: vec!["용접기능사".into()],
            preferred_certificates: vec!["특수용접기능사".into()],
            skills: vec!["CO2 용접".into(), "도면 해독".into(), "가우징".into()],
            min_experience_years: Some(2),
            wage_monthly: Some(3_000_000),
            commute_bus: true,
            headcount: 2,
            // 시흥시, about 15 km from 단원구.
            ..vacancy("v-weld", "82", "41390")
        },
        VacancyProfile {
            preferred_certificates: vec!["컴퓨터응용선반기능사".into()],
            skills: vec!["CNC 선반".into(), "머시닝센터(MCT)".into()],
            min_experience_years: Some(5),
            wage_monthly: Some(2_600_000),
            shift_work: true,
            housing: true,
            // 평택시, about 40 km away.
            ..vacancy("v-cnc", "81", "41220")
        },
        VacancyProfile {
            required_certificates: vec!["제1종 대형 운전면허".into(), "화물운송종사자격".into()],
            skills: vec!["화물 운송".into()],
            shift_work: true,
            wage_monthly: Some(3_500_000),
            ..vacancy("v-truck", "62", "41271")
        },
        VacancyProfile {
            headcount: 0,
            ..vacancy("v-closed", "8211", "41273")
        },
        VacancyProfile {
            required_certificates: vec!["지게차운전기능사".into()],
            skills: vec!["지게차 운전".into(), "재고 관리".into()],
            housing: true,
            // 안산시 상록구, next to 단원구.
            ..vacancy("v-forklift", "62", "41271")
        },
    ]
}

fn check(seeker: &str, vacancy: &str, expect: Expect) {
    let c = Caseload::new(seekers(), vacancies()).expect("the fixture is valid");
    let s = c
        .seekers()
        .iter()
        .position(|x| x.id == seeker)
        .expect("seeker");
    let v = c
        .vacancies()
        .iter()
        .position(|x| x.id == vacancy)
        .expect("vacancy");
    let e = c.explain(s, v);
    let mut text = format!(
        "{:.2} {}\n",
        e.score,
        if e.feasible() {
            "feasible"
        } else {
            "infeasible"
        }
    );
    for r in &e.reasons {
        text.push_str(&format!(
            "{:+6.2} {:<30} {}\n",
            r.points,
            r.kind.as_str(),
            r.text_ko
        ));
    }
    for x in &e.violations {
        text.push_str(&format!("     ✗ {:<28} {}\n", x.kind.as_str(), x.text_ko));
    }
    expect.assert_eq(&text);
    let sum: u32 = e
        .reasons
        .iter()
        .map(|r| (r.points * 100.0).round() as u32)
        .sum();
    assert_eq!(
        sum,
        (e.score * 100.0).round() as u32,
        "the reasons' points are the score, split by cause"
    );
    assert_eq!(c.score(s, v), e.feasible().then_some(e.score));
}

#[test]
fn experience_counts_only_toward_related_occupations() {
    // Fifteen years of sales (61) and one of welding (82): for a welding
    // vacancy asking two years only the welding year counts (half the
    // requirement, half the 10 points); for a sales vacancy asking two
    // years the fifteen do (the full 10) and the welding year does not.
    let seeker = SeekerProfile {
        id: "s-choi".into(),
        desired_occupations: vec!["82".into(), "61".into()],
        experience_years: 0.0,
        experience_by_occupation: vec![
            crate::OccupationExperience {
                occupation: "61".into(),
                years: 15.0,
            },
            crate::OccupationExperience {
                occupation: "82".into(),
                years: 1.0,
            },
        ],
        ..seekers()[0].clone()
    };
    let weld = VacancyProfile {
        min_experience_years: Some(2),
        ..vacancy("v-weld", "82", "41273")
    };
    let sales = VacancyProfile {
        min_experience_years: Some(2),
        ..vacancy("v-sales", "61", "41273")
    };
    let c = Caseload::new(vec![seeker], vec![weld, sales]).expect("valid");
    let experience = |v: usize| {
        c.explain(0, v)
            .reasons
            .into_iter()
            .find(|r| r.kind == ReasonKind::Experience)
            .expect("an experience reason")
    };
    let w = experience(0);
    assert_eq!(w.points, 5.0, "{w:?}");
    assert_eq!(
        w.text_ko,
        "관련 경력 1년 < 요구 2년 (다른 직종 경력 15년은 셈하지 않음)"
    );
    let s = experience(1);
    assert_eq!(s.points, 10.0, "{s:?}");
    assert_eq!(
        s.text_ko,
        "관련 경력 15년 ≥ 요구 2년 (다른 직종 경력 1년은 셈하지 않음)"
    );
}

#[test]
fn a_welder_and_a_welding_vacancy_nearby() {
    check(
        "s-kim",
        "v-weld",
        expect![[r#"
            83.09 feasible
            +30.00 occupation_exact               희망 직종과 같은 직종 (82 금속·재료 설치·정비·생산직(판금·단조·주조·용접·도장 등))
             +5.00 certificate_required           용접기능사 보유 (필수 충족)
             +0.00 certificate_preferred_missing  우대 자격 특수용접기능사 없음
            +10.00 skills                         요구 기술 3개 중 2개 보유: CO2 용접, 도면 해독 (없음: 가우징)
            +10.00 experience                     경력 3년 6개월 ≥ 요구 2년
            +10.00 wage                           희망임금 280만원 < 제시 300만원
             +9.03 commute                        통근 약 15 km, 희망 20 km 이내
             +9.06 commute_bus                    통근버스 운행 (거리 부담 완화)
        "#]],
    );
}

#[test]
fn a_higher_grade_satisfies_the_requirement_and_related_occupations_score() {
    check(
        "s-lee",
        "v-weld",
        expect![[r#"
            58.91 feasible
            +18.00 occupation_related             희망 직종과 관련된 직종 (희망 81 기계 설치·정비·생산직 → 구인 82 금속·재료 설치·정비·생산직(판금·단조·주조·용접·도장 등))
             +5.00 certificate_required           용접산업기사 보유 → 용접기능사 인정 (필수 충족)
             +0.00 certificate_preferred_missing  우대 자격 특수용접기능사 없음
             +5.00 skills                         요구 기술 3개 중 1개 보유: 도면 해독 (없음: CO2 용접, 가우징)
             +5.00 experience                     경력 1년 < 요구 2년
             +5.00 wage                           희망임금 미입력 (제시 300만원)
            +13.11 commute                        통근 약 15 km, 희망 25 km 이내
             +7.80 commute_bus                    통근버스 운행 (거리 부담 완화)
        "#]],
    );
}

#[test]
fn housing_lifts_the_commute_limit() {
    check(
        "s-lee",
        "v-cnc",
        expect![[r#"
            57.00 feasible
            +30.00 occupation_exact               희망 직종과 같은 직종 (81 기계 설치·정비·생산직)
             +0.00 certificate_preferred_missing  우대 자격 컴퓨터응용선반기능사 없음
             +7.50 skills                         요구 기술 2개 중 1개 보유: 머시닝센터(MCT) (없음: CNC 선반)
             +2.00 experience                     경력 1년 < 요구 5년
             +5.00 wage                           희망임금 미입력 (제시 260만원)
             +0.00 commute                        통근 약 40 km, 희망 25 km 초과
            +12.50 housing                        기숙사 제공 (이주 가능, 거리 제한 예외)
             +0.00 shift_work                     교대근무 가능 (교대근무 일자리)
        "#]],
    );
}

#[test]
fn every_broken_hard_constraint_is_named() {
    check(
        "s-kim",
        "v-truck",
        expect![[r#"
            26.88 infeasible
             +0.00 occupation_other               희망 직종과 다른 직종 (구인 62 운전·운송직)
             +0.00 skills                         요구 기술 1개 중 보유 없음 (없음: 화물 운송)
            +10.00 experience                     경력 요건 없음
            +10.00 wage                           희망임금 280만원 < 제시 350만원
             +6.88 commute                        통근 약 17 km, 희망 20 km 이내
                 ✗ missing_certificate          필수 자격 제1종 대형 운전면허 없음
                 ✗ missing_certificate          필수 자격 화물운송종사자격 없음
                 ✗ shift_refused                교대근무 불가 (교대근무 일자리)
        "#]],
    );
    check(
        "s-kim",
        "v-cnc",
        expect![[r#"
            31.43 infeasible
            +18.00 occupation_related             희망 직종과 관련된 직종 (희망 82 금속·재료 설치·정비·생산직(판금·단조·주조·용접·도장 등) → 구인 81 기계 설치·정비·생산직)
             +0.00 certificate_preferred_missing  우대 자격 컴퓨터응용선반기능사 없음
             +0.00 skills                         요구 기술 2개 중 보유 없음 (없음: CNC 선반, 머시닝센터(MCT))
             +7.00 experience                     경력 3년 6개월 < 요구 5년
             +6.43 wage                           제시 260만원 < 희망임금 280만원 (20만원 부족)
                 ✗ beyond_commute               통근 약 40 km, 희망 20 km 초과 (기숙사 있으나 이주 의향 없음)
                 ✗ shift_refused                교대근무 불가 (교대근무 일자리)
        "#]],
    );
    check(
        "s-kim",
        "v-closed",
        expect![[r#"
            78.50 infeasible
            +26.00 occupation_middle              희망 직종과 같은 중분류 (82 금속·재료 설치·정비·생산직(판금·단조·주조·용접·도장 등))
             +5.00 certificates_not_listed        자격 요건 없음
             +7.50 skills_not_listed              요구 기술 없음
            +10.00 experience                     경력 요건 없음
             +5.00 wage                           제시 임금 미기재 (희망임금 280만원)
            +25.00 commute                        같은 시군구 (경기도 안산시 단원구), 희망 20 km 이내
                 ✗ no_openings                  모집 마감 (남은 인원 0명)
        "#]],
    );
}

#[test]
fn a_seeker_with_no_stated_occupation_is_compared_with_what_their_certificates_say() {
    check(
        "s-park",
        "v-forklift",
        expect![[r#"
            54.98 feasible
            +15.60 occupation_from_certificate    보유 자격(지게차운전기능사)으로 본 직종 (62 운전·운송직), 희망 직종 미입력
            +10.00 certificate_required           지게차운전기능사 보유 (필수 충족)
             +7.50 skills                         요구 기술 2개 중 1개 보유: 지게차 운전 (없음: 재고 관리)
            +10.00 experience                     경력 요건 없음
             +5.00 wage                           임금 정보 없음
             +6.88 commute                        통근 약 17 km, 희망 20 km 이내
             +0.00 housing                        기숙사 제공 (이주 의향 없음, 점수 없음)
        "#]],
    );
    check(
        "s-park",
        "v-weld",
        expect![[r#"
            33.09 infeasible
             +0.00 occupation_from_certificate    보유 자격(지게차운전기능사)으로 본 직종과 다른 직종 (62 운전·운송직 → 구인 82 금속·재료 설치·정비·생산직(판금·단조·주조·용접·도장 등)), 희망 직종 미입력
             +0.00 certificate_preferred_missing  우대 자격 특수용접기능사 없음
             +0.00 skills                         요구 기술 3개 중 보유 없음 (없음: CO2 용접, 도면 해독, 가우징)
            +10.00 experience                     경력 2년 ≥ 요구 2년
             +5.00 wage                           희망임금 미입력 (제시 300만원)
             +9.03 commute                        통근 약 15 km, 희망 20 km 이내
             +9.06 commute_bus                    통근버스 운행 (거리 부담 완화)
                 ✗ missing_certificate          필수 자격 용접기능사 없음
        "#]],
    );
}

#[test]
fn amounts_and_durations_read_naturally() {
    assert_eq!(manwon(2_800_000), "280만원");
    assert_eq!(manwon(2_825_000), "282.5만원");
    assert_eq!(years(18), "1년 6개월");
    assert_eq!(
        km(20.04, Some(20)),
        "20.0 km",
        "20 km would hide that it is over"
    );
    assert_eq!(km(12.4, Some(20)), "12 km");
}
