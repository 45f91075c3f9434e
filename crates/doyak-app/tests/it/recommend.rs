//! 추천 일자리 / 추천 인재 over the caseload's own records, and the 알선
//! pipeline they feed: 후보 → 알선 → … → outcome, consent-gated.

use crate::*;
use doyak_app::{AppError, CompanyForm, SeekerForm, VacancyForm};

pub(crate) fn seeker(d: &mut Desk, name: &str, consent: bool, shift: &str) -> String {
    let mut f: SeekerForm = d.new_seeker_form();
    f.name = name.into();
    // One number per person: the same phone twice is a duplicate seeker.
    let n: u32 = name.chars().map(u32::from).sum::<u32>() % 10_000;
    f.phone = format!("010-2345-{n:04}");
    f.home_sigungu = "41273".into(); // 안산시 단원구
    f.status = "job_search".into();
    f.desired_occupations = vec!["82".into()];
    f.max_commute_km = "20".into();
    f.accepts_shift = shift.into();
    f.desired_wage_monthly = "280".into();
    if consent {
        f.consent_on = "2026-11-01".into();
        f.consent_scopes = vec![
            "counseling".into(),
            "share_with_employers".into(),
            "share_with_partners".into(),
        ];
    } else {
        f.consent_on = "2026-11-01".into();
        f.consent_scopes = vec!["counseling".into()];
    }
    let id = d.save_seeker_form(&f).unwrap();
    // Certificates are recorded on the record (the desk's form does not edit them yet).
    let mut s = d.seeker(id.parse().unwrap()).unwrap();
    s.certificates = vec![doyak_domain::seeker::HeldCertificate {
        name: "용접기능사".into(),
        qualification_id: None,
        acquired_on: None,
    }];
    d.save(&s).unwrap();
    id
}

pub(crate) fn vacancy(
    d: &mut Desk,
    company: &str,
    title: &str,
    shift: &str,
    sigungu: &str,
) -> String {
    let mut v: VacancyForm = d.new_vacancy_form(company).unwrap();
    v.title = title.into();
    v.occupation = "82".into();
    v.headcount = "1".into();
    v.wage_monthly = "300".into();
    v.shift = shift.into();
    v.sigungu = sigungu.into();
    v.required_certificates = vec!["용접기능사".into()];
    d.save_vacancy_form(&v).unwrap()
}

pub(crate) fn company(d: &mut Desk) -> String {
    let mut f: CompanyForm = d.new_company_form("반월국가산업단지");
    f.name = "도약정밀".into();
    f.business_number = "220-81-62517".into();
    f.ksic_code = "29120".into();
    f.employees = "42".into();
    f.sigungu = "41273".into();
    d.save_company_form(&f).unwrap()
}

pub(crate) fn message(e: AppError) -> String {
    e.field_errors()
        .iter()
        .map(|f| f.message.clone())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn recommendations_keep_the_hard_constraints_and_feed_the_referral_pipeline() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let day = vacancy(d, &c, "CO2 용접원 (주간)", "day", "41390"); // 시흥, ~15 km
    let night = vacancy(d, &c, "CO2 용접원 (2교대)", "two_shift", "41273");
    let far = vacancy(d, &c, "용접원 (부산)", "day", "26350");
    let kim = seeker(d, "김용접", true, "no");
    let lee = seeker(d, "이동의", false, "yes");

    let for_kim = d.recommended_vacancies(&kim).unwrap();
    let ids: Vec<&str> = for_kim
        .items
        .iter()
        .map(|r| r.vacancy_id.as_str())
        .collect();
    assert_eq!(
        ids,
        [day.as_str()],
        "Kim refuses shifts (not the 2교대 job) and Busan is beyond 20 km"
    );
    assert_eq!(
        for_kim.considered, 3,
        "all three open vacancies were weighed"
    );
    let texts: Vec<&str> = for_kim.items[0]
        .reasons
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert!(texts.contains(&"용접기능사 보유 (필수 충족)"), "{texts:?}");
    let sum: f32 = for_kim.items[0].reasons.iter().map(|r| r.points).sum();
    assert!(
        (sum - for_kim.items[0].score).abs() < 0.01,
        "reasons add up to the score"
    );

    // The 2교대 job next door: only Lee (accepts shifts) is a candidate.
    let for_night = d.recommended_seekers(&night).unwrap();
    let names: Vec<&str> = for_night
        .items
        .iter()
        .map(|r| r.seeker_name.as_str())
        .collect();
    assert_eq!(names, ["이동의"]);
    assert!(
        !for_night.items[0].may_share,
        "Lee gave no 제3자 제공 consent"
    );
    assert!(d.recommended_seekers(&far).unwrap().items.is_empty());

    // 후보 is internal; 알선 sends details to the employer and needs consent.
    let shortlisted = d.add_application(&lee, &night, "shortlisted").unwrap();
    assert_eq!(shortlisted.status_label, "후보");
    let refused = d
        .set_application_status(&shortlisted.id, "proposed", "")
        .unwrap_err();
    assert!(
        message(refused).contains("제3자 제공 동의가 없어"),
        "no consent, no referral"
    );
    let twice = d.add_application(&lee, &night, "shortlisted").unwrap_err();
    assert!(message(twice).contains("이미 '후보' 단계의 알선이 있습니다"));

    // Kim: 알선 → 면접 → 합격 fills the one place.
    let app = d.add_application(&kim, &day, "proposed").unwrap();
    d.set_application_status(&app.id, "interview", "11/30 면접")
        .unwrap();
    let back = d
        .set_application_status(&app.id, "submitted", "")
        .unwrap_err();
    assert!(message(back).contains("되돌릴 수 없습니다"));
    d.set_application_status(&app.id, "hired", "").unwrap();
    let closed = d
        .set_application_status(&app.id, "rejected", "")
        .unwrap_err();
    assert!(message(closed).contains("결과('합격')가 기록된 알선은 바꿀 수 없습니다"));

    let rows = d.seeker_applications(&kim).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].status_label.as_str(), rows[0].closed),
        ("합격", true)
    );
    assert_eq!(rows[0].note, "11/30 면접");
    let detail = d.vacancy_detail(&day).unwrap();
    assert_eq!(detail.open_places, 0, "headcount 1, one hire");
    assert_eq!(detail.applications.len(), 1);
    assert!(
        d.recommended_vacancies(&kim).unwrap().items.is_empty(),
        "a filled vacancy is no longer recommended"
    );
    assert_eq!(
        d.recommended_seekers(&day).unwrap().notice.as_deref(),
        Some("모집 인원이 모두 채용되었습니다.")
    );
}

#[test]
fn a_dormitory_beyond_the_commute_limit_is_proposed_only_to_someone_willing_to_move() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let busan = vacancy(d, &c, "조선소 용접원 (기숙사)", "day", "26350");
    let mut form = d.vacancy_form(&busan).unwrap();
    form.housing = true;
    d.save_vacancy_form(&form).unwrap();
    let kim = seeker(d, "김용접", true, "no");
    assert!(
        d.recommended_vacancies(&kim).unwrap().items.is_empty(),
        "~300 km away and not asked about moving: beyond the 20 km limit"
    );
    let mut f = d.seeker_form(&kim).unwrap();
    f.willing_to_relocate = "yes".into();
    d.save_seeker_form(&f).unwrap();
    let view = d.recommended_vacancies(&kim).unwrap();
    assert_eq!(
        view.items.len(),
        1,
        "willing to move: the dormitory lifts the limit"
    );
    let texts: Vec<&str> = view.items[0]
        .reasons
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("기숙사 제공 (이주 가능")),
        "the exception is said out loud: {texts:?}"
    );
}

#[test]
fn a_seeker_without_a_home_region_gets_a_notice_not_an_error() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let mut f = d.new_seeker_form();
    f.name = "박주소".into();
    f.status = "job_search".into();
    let id = d.save_seeker_form(&f).unwrap();
    let view = d.recommended_vacancies(&id).unwrap();
    assert!(view.items.is_empty());
    assert!(
        view.notice.unwrap().contains("거주지 시군구가 없어"),
        "the counselor learns what to fill in"
    );
    let err = d.add_application(&id, "없는-id", "maybe").unwrap_err();
    assert!(message(err).contains("알선 단계를 목록에서 골라 주세요"));
}

#[test]
fn the_assignment_suggestion_fills_places_optimally_and_records_nothing() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    // One place each. Kim refuses shifts, so only the day job fits him; Lee
    // takes shifts and fits both. The optimum gives each a place, whoever
    // scores higher on the day job.
    let day = vacancy(d, &c, "CO2 용접원 (주간)", "day", "41273");
    let night = vacancy(d, &c, "CO2 용접원 (2교대)", "two_shift", "41273");
    let kim = seeker(d, "김용접", true, "no");
    let lee = seeker(d, "이교대", true, "yes");
    let view = d.assignment_suggestions().unwrap();
    let mut pairs: Vec<(String, String)> = view
        .items
        .iter()
        .map(|r| (r.seeker_id.clone(), r.vacancy_id.clone()))
        .collect();
    pairs.sort();
    let mut expected = vec![(kim.clone(), day.clone()), (lee.clone(), night.clone())];
    expected.sort();
    assert_eq!(pairs, expected, "both placed: Lee goes to the 2교대 job");
    assert_eq!((view.seekers, view.places), (2, 2));
    let sum: f32 = view.items.iter().map(|i| i.score).sum();
    assert!((view.total_score - sum).abs() < 0.01);
    assert!(
        d.seeker_applications(&kim).unwrap().is_empty(),
        "a suggestion records no 알선"
    );
    d.add_application(&kim, &day, "shortlisted").unwrap();
    let again = d.assignment_suggestions().unwrap();
    let kims = again.items.iter().find(|r| r.seeker_id == kim).unwrap();
    assert_eq!(
        kims.application.as_ref().map(|a| a.status_label.as_str()),
        Some("후보"),
        "the 알선 in progress for a suggested pair is shown on it"
    );
}

#[test]
fn each_row_offers_exactly_the_steps_the_use_case_accepts() {
    // For a seeker with and without consent, an 알선 at every status: the
    // row's `next_statuses` less the current one (what the page offers as
    // buttons) and what `step_application` accepts are the same set:
    // staying put is no step.
    use doyak_domain::events::{Application, ApplicationStatus};
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let c = company(d);
    let job = vacancy(d, &c, "CO2 용접원 (주간)", "day", "41273");
    let job_id = job.parse().unwrap();
    let status_value = |s: ApplicationStatus| {
        serde_json::to_value(s)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    };
    for (consent, name) in [(true, "김동의"), (false, "이미동의")] {
        let who = seeker(d, name, consent, "no");
        for from in ApplicationStatus::ALL {
            for to in ApplicationStatus::ALL {
                let id = d.new_id();
                let application = Application {
                    id,
                    center_id: d.center_id(),
                    seeker_id: who.parse().unwrap(),
                    vacancy_id: job_id,
                    applied_on: "2026-11-20".parse().unwrap(),
                    status: from,
                    note: None,
                };
                d.create_record(application, |a, center| a.center_id = center)
                    .unwrap();
                let row = d
                    .seeker_applications(&who)
                    .unwrap()
                    .into_iter()
                    .find(|r| r.id == id.to_string())
                    .unwrap();
                let offered: Vec<&str> =
                    row.next_statuses.iter().map(|c| c.value.as_str()).collect();
                assert_eq!(
                    offered.first(),
                    Some(&status_value(from).as_str()),
                    "the current status comes first so the page can show it selected"
                );
                let accepted = d
                    .set_application_status(&row.id, &status_value(to), "")
                    .is_ok();
                assert_eq!(
                    accepted,
                    to != from && offered.contains(&status_value(to).as_str()),
                    "consent {consent}, {} -> {}: offered {offered:?}",
                    from.label_ko(),
                    to.label_ko()
                );
            }
        }
    }
}
