//! 통합 검색: one query over the three lists, agreeing with each list.

use crate::*;
use doyak_app::{CompanyListQuery, QUICK_PER_KIND, QuickKind, SeekerListQuery, VacancyListQuery};

#[test]
fn one_query_finds_each_kind_and_its_totals_match_the_lists() {
    let mut fx = new_desk();
    let spec = fx.desk.demo_spec(60, 12, 7).unwrap();
    fx.desk.generate_demo(&spec, &mut |_, _| {}).unwrap();

    // A seeker found by the 초성 of her name, as the seeker list finds her.
    let seekers = fx
        .desk
        .seeker_list(&SeekerListQuery {
            text: String::new(),
            status: None,
            track: None,
            target_group: None,
            offset: 0,
            limit: 1,
        })
        .unwrap();
    let someone = &seekers.items[0];
    let found = fx.desk.quick_search(&someone.name).unwrap();
    let kinds: Vec<QuickKind> = found.groups.iter().map(|g| g.kind).collect();
    assert_eq!(
        kinds,
        [QuickKind::Seeker, QuickKind::Company, QuickKind::Vacancy],
        "three groups, always in this order"
    );
    assert!(
        found.groups[0].hits.iter().any(|h| h.id == someone.id),
        "{found:?}"
    );

    // For any text, each group's total is its list's total for that text,
    // and at most QUICK_PER_KIND hits are shown.
    let company = fx
        .desk
        .company_list(&CompanyListQuery {
            text: String::new(),
            status: None,
            industrial_complex: None,
            focus: None,
            offset: 0,
            limit: 1,
        })
        .unwrap()
        .items[0]
        .name
        .clone();
    for text in ["ㄱ", "ㅇ", "김", &company, "용접", "없는이름가나다"] {
        let q = fx.desk.quick_search(text).unwrap();
        let list = |kind: QuickKind| match kind {
            QuickKind::Seeker => {
                fx.desk
                    .seeker_list(&SeekerListQuery {
                        text: text.into(),
                        status: None,
                        track: None,
                        target_group: None,
                        offset: 0,
                        limit: 1,
                    })
                    .unwrap()
                    .total
            }
            QuickKind::Company => {
                fx.desk
                    .company_list(&CompanyListQuery {
                        text: text.into(),
                        status: None,
                        industrial_complex: None,
                        focus: None,
                        offset: 0,
                        limit: 1,
                    })
                    .unwrap()
                    .total
            }
            QuickKind::Vacancy => {
                fx.desk
                    .vacancy_list(&VacancyListQuery {
                        text: text.into(),
                        status: None,
                        company_id: None,
                        offset: 0,
                        limit: 1,
                    })
                    .unwrap()
                    .total
            }
        };
        for g in &q.groups {
            assert_eq!(g.total, list(g.kind), "{text}: {}", g.label);
            assert_eq!(
                g.hits.len() as u64,
                g.total.min(u64::from(QUICK_PER_KIND)),
                "{text}: {}",
                g.label
            );
        }
    }
    let company_hits = fx.desk.quick_search(&company).unwrap();
    assert!(
        company_hits.groups[1]
            .hits
            .iter()
            .any(|h| h.title == company)
    );
    // The demo's seekers with ㄱ initials alone are more than five: the total
    // says so, so the page can offer the list.
    assert!(fx.desk.quick_search("ㄱ").unwrap().groups[0].total > u64::from(QUICK_PER_KIND));
    // Blank text finds nothing, not everybody.
    assert!(fx.desk.quick_search("  ").unwrap().groups.is_empty());
}

#[test]
fn the_vacancy_search_finds_exactly_what_matching_every_vacancy_finds() {
    // The vacancy search narrows in SQL on the 초성 keys of titles and
    // company names before matching exactly; the narrowing must never drop
    // a vacancy that matches. Brute force: every vacancy, matched by title
    // or company name with the same Korean matcher.
    let mut fx = new_desk();
    let spec = fx.desk.demo_spec(60, 12, 11).unwrap();
    fx.desk.generate_demo(&spec, &mut |_, _| {}).unwrap();
    let all = fx
        .desk
        .vacancy_list(&VacancyListQuery {
            text: String::new(),
            status: None,
            company_id: None,
            offset: 0,
            limit: 10_000,
        })
        .unwrap();
    assert!(all.items.len() > 10, "the demo has vacancies to search");
    let first = &all.items[0];
    let title_word = first.title.split_whitespace().next().unwrap().to_owned();
    let company_initials: String = doyak_domain::korean::chosung_key(&first.company_name)
        .chars()
        .take(2)
        .collect();
    for text in [
        title_word.as_str(),
        company_initials.as_str(),
        first.company_name.as_str(),
        "ㄱ",
        "생산",
        "ㅅㅅ",
        "(주)",
        "없는공고가나다",
    ] {
        let found = fx
            .desk
            .vacancy_list(&VacancyListQuery {
                text: text.into(),
                status: None,
                company_id: None,
                offset: 0,
                limit: 10_000,
            })
            .unwrap();
        let mut got: Vec<&str> = found.items.iter().map(|v| v.id.as_str()).collect();
        let mut want: Vec<&str> = all
            .items
            .iter()
            .filter(|v| {
                doyak_domain::korean::matches(text, &v.title)
                    || doyak_domain::korean::matches(text, &v.company_name)
            })
            .map(|v| v.id.as_str())
            .collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{text}");
        assert_eq!(found.total as usize, want.len(), "{text}");
    }
}
