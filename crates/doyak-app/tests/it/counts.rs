//! Every screen that counts vacancies or their places agrees with every
//! other for the same filter, on demo caseloads changed at random (vacancies
//! closed, headcounts changed, 알선 hired): the 구인 list, the company list's
//! columns, the vacancy page, 추천 일자리's header and 배정 제안.

use crate::*;
use doyak_app::{CompanyListQuery, MAX_PAGE, VacancyListQuery, VacancyRow};
use doyak_domain::company::VacancyStatus;
use doyak_domain::events::ApplicationStatus;
use doyak_domain::{Application, Vacancy};
use rand::{Rng, SeedableRng};

fn vacancy_rows(desk: &Desk, status: Option<&str>, company: Option<String>) -> Vec<VacancyRow> {
    let mut out = Vec::new();
    loop {
        let page = desk
            .vacancy_list(&VacancyListQuery {
                text: String::new(),
                status: status.map(str::to_owned),
                company_id: company.clone(),
                offset: out.len() as u32,
                limit: MAX_PAGE,
            })
            .unwrap();
        let done =
            page.items.is_empty() || out.len() as u64 + page.items.len() as u64 >= page.total;
        out.extend(page.items);
        if done {
            return out;
        }
    }
}

fn check(desk: &Desk, seed: u64, round: u32) {
    let at = format!("seed {seed}, round {round}");
    let open = vacancy_rows(desk, Some("open"), None);
    let open_total = desk
        .vacancy_list(&VacancyListQuery {
            text: String::new(),
            status: Some("open".into()),
            company_id: None,
            offset: 0,
            limit: 1,
        })
        .unwrap()
        .total;
    assert_eq!(
        open.len() as u64,
        open_total,
        "{at}: the list's total is its rows"
    );
    let places: u32 = open.iter().map(|v| v.places_left).sum();

    // The company list: its columns add up to the 구인 list, and each
    // company's figures are its own vacancy list's.
    let companies = desk
        .company_list(&CompanyListQuery {
            text: String::new(),
            status: None,
            industrial_complex: None,
            focus: None,
            offset: 0,
            limit: MAX_PAGE,
        })
        .unwrap();
    assert!(
        companies.total <= u64::from(MAX_PAGE),
        "{at}: one page holds every company"
    );
    let (mut vacancies_sum, mut places_sum) = (0u64, 0u32);
    for c in &companies.items {
        let own = vacancy_rows(desk, Some("open"), Some(c.id.clone()));
        assert_eq!(
            c.open_vacancies as usize,
            own.len(),
            "{at}: {} 모집 중",
            c.name
        );
        assert_eq!(
            c.places_left,
            own.iter().map(|v| v.places_left).sum::<u32>(),
            "{at}: {} 남은 자리",
            c.name
        );
        vacancies_sum += u64::from(c.open_vacancies);
        places_sum += c.places_left;
    }
    assert_eq!(vacancies_sum, open_total, "{at}: companies' 모집 중 add up");
    assert_eq!(places_sum, places, "{at}: companies' 남은 자리 add up");

    // The vacancy page says what its row says.
    for v in open.iter().take(5) {
        let detail = desk.vacancy_detail(&v.id).unwrap();
        assert_eq!(detail.open_places, v.places_left, "{at}: {}", v.title);
        assert_eq!(detail.row.places_left, v.places_left, "{at}: {}", v.title);
    }

    // 추천 일자리's header: the list's 모집 중 figure, split into those with
    // no place left, those unreadable and those weighed.
    let seeker = desk
        .seeker_list(&doyak_app::SeekerListQuery {
            text: String::new(),
            status: Some("job_search".into()),
            track: None,
            target_group: None,
            offset: 0,
            limit: 1,
        })
        .unwrap()
        .items
        .into_iter()
        .next()
        .expect("the demo has seekers in 취업지원");
    let view = desk.recommended_vacancies(&seeker.id).unwrap();
    assert_eq!(u64::from(view.listed), open_total, "{at}: 추천's 모집 중");
    let full = open.iter().filter(|v| v.places_left == 0).count() as u32;
    assert_eq!(view.full, full, "{at}: 추천's 남은 자리 없음");
    assert_eq!(
        view.listed,
        view.full + view.unreadable + view.considered,
        "{at}"
    );

    // 배정 제안 weighs the places of the vacancies it considers.
    if view.unreadable == 0 {
        let assignment = desk.assignment_suggestions().unwrap();
        assert_eq!(assignment.places, places, "{at}: 배정 제안's places");
    }
}

#[test]
fn vacancy_and_place_counts_agree_on_every_screen() {
    for seed in [3u64, 11, 29] {
        let mut fx = new_desk();
        let spec = fx.desk.demo_spec(120, 15, seed).unwrap();
        fx.desk.generate_demo(&spec, &mut |_, _| {}).unwrap();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        check(&fx.desk, seed, 0);
        for round in 1..=4 {
            // Close a vacancy, change a headcount, hire on an open 알선.
            let open: Vec<Vacancy> = fx
                .desk
                .store()
                .vacancies(&doyak_store::VacancyFilter {
                    status: Some(VacancyStatus::Open),
                    ..Default::default()
                })
                .unwrap();
            if open.len() > 2 {
                let mut v = open[rng.random_range(0..open.len())].clone();
                v.status = VacancyStatus::Closed;
                fx.desk.save(&v).unwrap();
                let mut w = open[rng.random_range(0..open.len())].clone();
                if w.status == VacancyStatus::Open && w.id != v.id {
                    w.headcount = rng.random_range(1..=4);
                    fx.desk.save(&w).unwrap();
                }
            }
            let waiting: Vec<Application> = fx.desk.store().open_applications().unwrap();
            if !waiting.is_empty() {
                let mut a = waiting[rng.random_range(0..waiting.len())].clone();
                a.status = ApplicationStatus::Hired;
                fx.desk.save(&a).unwrap();
            }
            check(&fx.desk, seed, round);
        }
    }
}
