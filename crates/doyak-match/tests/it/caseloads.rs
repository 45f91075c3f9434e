//! Random caseloads for the property tests, drawn from small pools so that
//! the same occupations, certificates, skills and places meet often (and
//! ties happen), with spellings that only match after canonicalisation.

use doyak_match::{OccupationExperience, SeekerProfile, VacancyProfile};
use proptest::prelude::*;
use proptest::sample::select;

/// 시군구 from 0 km to 300 km apart: 안산 단원구 and its neighbours, Seoul,
/// Incheon, 평택, 남양주 and 부산 강서구.
pub const PLACES: &[&str] = &[
    "41273", "41390", "41271", "41590", "41220", "28200", "11530", "41360", "41210", "11110",
    "26440",
];
const OCCUPATIONS: &[&str] = &[
    "82", "81", "89", "83", "62", "53", "55", "02", "8", "8211", "8230", "5",
];
/// Known names, aliases, grades that imply others, and unknown names that
/// match only by text.
pub const CERTIFICATES: &[&str] = &[
    "용접기능사",
    "용접",
    "특수용접",
    "용접산업기사",
    "용접기사",
    "지게차",
    "제1종 대형 운전면허",
    "1종보통",
    "2종보통",
    "전기기능사",
    "전기기사",
    "요양보호사",
    "사내 안전교육",
    "사내안전교육",
    "ABC 인증",
    "abc인증",
    // Holding words and notes that do not change the certificate, and a
    // 필기 pass that is not the certificate.
    "지게차운전기능사 자격증",
    "용접기능사 취득",
    "ABC 인증 취득",
    "용접기능사(2019년 취득)",
    "지게차운전기능사 필기 합격",
    "용접기능사 (필기)",
];
const SKILLS: &[&str] = &[
    "CO2 용접",
    "CO2용접",
    "반자동 용접",
    "TIG 용접",
    "알곤 용접",
    "도면 해독",
    "도면 보기",
    "가우징",
    "MCT",
    "머시닝센터(MCT)",
    "지게차 운전",
    "지게차",
    "엑셀",
    "Excel",
    "고객 응대",
    "식기 세척",
];

fn names(pool: &'static [&'static str], max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(select(pool).prop_map(str::to_owned), 0..=max)
}

fn wage() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![
        1 => Just(None),
        4 => (20i64..=40).prop_map(|w| Some(w * 100_000)),
    ]
}

pub fn seeker() -> impl Strategy<Value = SeekerProfile> {
    (
        select(PLACES),
        names(OCCUPATIONS, 2),
        names(CERTIFICATES, 3),
        names(SKILLS, 4),
        select(&[0.0f32, 0.5, 1.0, 2.0, 3.5, 5.0, 10.0][..]),
        wage(),
        select(
            &[
                None,
                Some(0u32),
                Some(5),
                Some(10),
                Some(15),
                Some(20),
                Some(30),
                Some(50),
            ][..],
        ),
        (any::<bool>(), any::<bool>()),
        // Experience in stated occupations: counts only toward related
        // vacancies, so the scan's per-group experience is exercised.
        prop::collection::vec(
            (select(OCCUPATIONS), select(&[0.5f32, 1.0, 3.0, 15.0][..])),
            0..3,
        ),
    )
        .prop_map(
            |(
                place,
                desired,
                certificates,
                skills,
                years,
                wage,
                limit,
                (accepts_shift, willing_to_relocate),
                stated,
            )| {
                SeekerProfile {
                    id: String::new(),
                    birth_year: None,
                    sigungu: place.to_owned(),
                    desired_occupations: desired,
                    certificates,
                    skills,
                    experience_years: years,
                    experience_by_occupation: stated
                        .into_iter()
                        .map(|(occupation, years)| OccupationExperience {
                            occupation: occupation.to_owned(),
                            years,
                        })
                        .collect(),
                    desired_wage_monthly: wage,
                    max_commute_km: limit,
                    accepts_shift,
                    willing_to_relocate,
                }
            },
        )
}

pub fn vacancy() -> impl Strategy<Value = VacancyProfile> {
    (
        select(PLACES),
        select(OCCUPATIONS),
        names(CERTIFICATES, 2),
        names(CERTIFICATES, 2),
        names(SKILLS, 3),
        (wage(), prop::option::of(0u32..6)),
        (prop::bool::weighted(0.3), 0u32..4),
        (prop::bool::weighted(0.3), any::<bool>()),
    )
        .prop_map(
            |(
                place,
                occupation,
                required,
                preferred,
                skills,
                (wage, min_years),
                (shift, headcount),
                (housing, bus),
            )| VacancyProfile {
                id: String::new(),
                company_id: "c".into(),
                occupation: occupation.to_owned(),
                sigungu: place.to_owned(),
                wage_monthly: wage,
                required_certificates: required,
                preferred_certificates: preferred,
                skills,
                min_experience_years: min_years,
                shift_work: shift,
                headcount,
                housing,
                commute_bus: bus,
            },
        )
}

/// Ids that do not follow input order (7919 is prime to 10 000), so a
/// tie-break by position would be caught.
fn ids<T>(mut items: Vec<T>, prefix: &str, set: impl Fn(&mut T, String)) -> Vec<T> {
    for (i, item) in items.iter_mut().enumerate() {
        set(item, format!("{prefix}{:04}", i * 7919 % 10_000));
    }
    items
}

pub fn caseload(
    seekers: std::ops::Range<usize>,
    vacancies: std::ops::Range<usize>,
) -> impl Strategy<Value = (Vec<SeekerProfile>, Vec<VacancyProfile>)> {
    (
        prop::collection::vec(seeker(), seekers),
        prop::collection::vec(vacancy(), vacancies),
    )
        .prop_map(|(s, v)| {
            (
                ids(s, "s", |x, id| x.id = id),
                ids(v, "v", |x, id| x.id = id),
            )
        })
}
