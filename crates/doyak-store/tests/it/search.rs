//! 초성 search and the filtered, paged seeker list.

use crate::*;
use doyak_store::{ListOrder, SeekerFilter};

fn names(page: &doyak_store::Page<JobSeeker>) -> Vec<&str> {
    page.items.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn chosung_and_partial_names_find_the_seeker() {
    let (_fx, mut store) = new_store();
    let people = ["김민수", "김민지", "박민수", "이수민", "Nguyen Van An"];
    store
        .write(&ctx(), |w| {
            people
                .iter()
                .enumerate()
                .try_for_each(|(i, n)| w.insert(&seeker(i as u8, n)))
        })
        .unwrap();
    let find = |q: &str| -> Vec<String> {
        store
            .search_ids::<JobSeeker>(q, 10)
            .unwrap()
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    };
    assert_eq!(find("ㄱㅁㅅ"), ["김민수"]);
    assert_eq!(find("김민"), ["김민수", "김민지"]);
    assert_eq!(
        find("ㅁㅅ"),
        ["김민수", "박민수"],
        "초성 in the middle of a name"
    );
    assert_eq!(find("민수"), ["김민수", "박민수"]);
    assert_eq!(find("nguyen"), ["Nguyen Van An"]);
    assert_eq!(
        find("%"),
        Vec::<String>::new(),
        "LIKE wildcards in the query are literal"
    );
}

#[test]
fn list_filters_orders_and_pages() {
    let (_fx, mut store) = new_store();
    let mut all = Vec::new();
    for i in 0..30u8 {
        let mut s = seeker(
            i,
            &format!("김{}", ["민수", "영희", "철수"][usize::from(i % 3)]),
        );
        if i % 2 == 0 {
            s.status = doyak_domain::seeker::SeekerStatus::Consulting;
        }
        all.push(s);
    }
    store
        .write(&ctx(), |w| all.iter().try_for_each(|s| w.insert(s)))
        .unwrap();

    let page = store
        .list_seekers(&SeekerFilter {
            text: Some("ㄱㅁㅅ".into()),
            limit: 4,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 10, "every third of 30 seekers is 김민수");
    assert_eq!(names(&page), ["김민수"; 4]);

    let page = store
        .list_seekers(&SeekerFilter {
            text: Some("김".into()),
            status: Some(doyak_domain::seeker::SeekerStatus::Consulting),
            order: ListOrder::Name,
            limit: 100,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 15, "half of the 30 are in consulting");
    let mut sorted = names(&page);
    sorted.sort();
    assert_eq!(names(&page), sorted, "name order");

    let second = store
        .list_seekers(&SeekerFilter {
            order: ListOrder::Name,
            offset: 25,
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(second.items.len(), 5, "30 seekers, offset 25");
}
