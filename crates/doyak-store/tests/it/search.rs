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

fn find(store: &doyak_store::Store, q: &str) -> Vec<String> {
    store
        .list_seekers(&SeekerFilter {
            text: Some(q.into()),
            order: ListOrder::Name,
            limit: 100,
            ..Default::default()
        })
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.name)
        .collect()
}

#[test]
fn the_search_index_follows_inserts_renames_deletes_and_rollbacks() {
    let (_fx, mut store) = new_store();
    let mut kim = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&kim)).unwrap();
    assert_eq!(
        find(&store, "ㄱㅁㅅ"),
        ["김민수"],
        "the first search builds the index"
    );

    // Written after the index exists: it must be patched, not stale.
    store
        .write(&ctx(), |w| w.insert(&seeker(2, "김민지")))
        .unwrap();
    assert_eq!(find(&store, "김민"), ["김민수", "김민지"]);

    kim.name = "박민수".into();
    store.write(&ctx(), |w| w.update(&kim).map(|_| ())).unwrap();
    assert_eq!(
        find(&store, "ㄱㅁㅅ"),
        Vec::<String>::new(),
        "the old name is gone"
    );
    assert_eq!(find(&store, "ㅂㅁㅅ"), ["박민수"]);

    store
        .write(&ctx(), |w| w.delete::<JobSeeker>(kim.id))
        .unwrap();
    assert_eq!(
        find(&store, "민"),
        ["김민지"],
        "a deleted seeker is not found"
    );

    // A write that fails half-way commits nothing, and the index shows nothing of it.
    let err = store.write(&ctx(), |w| {
        w.insert(&seeker(3, "최민호"))?;
        w.insert(&seeker(2, "중복아이디"))
    });
    assert!(err.is_err(), "the duplicate id fails the write");
    assert_eq!(find(&store, "민"), ["김민지"]);
}

#[test]
fn a_write_of_thousands_rebuilds_the_index_on_the_next_search() {
    let (_fx, mut store) = new_store();
    assert_eq!(find(&store, "김"), Vec::<String>::new());
    let many: Vec<JobSeeker> = (0..2_500u32)
        .map(|i| {
            let mut s = seeker(0, if i == 2_499 { "홍길동" } else { "김철수" });
            s.id = doyak_domain::Id::new_v7(1_764_000_000_000 + u64::from(i), [9; 10]);
            s
        })
        .collect();
    store
        .write(&ctx(), |w| many.iter().try_for_each(|s| w.insert(s)))
        .unwrap();
    assert_eq!(find(&store, "ㅎㄱㄷ"), ["홍길동"]);
    let page = store
        .list_seekers(&SeekerFilter {
            text: Some("김철".into()),
            limit: 10,
            offset: 2_490,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (page.total, page.items.len()),
        (2_499, 9),
        "total counts all, the page is the tail"
    );
}

#[test]
fn pages_of_a_search_concatenate_to_the_whole_ordered_result() {
    let (_fx, mut store) = new_store();
    let given = ["민수", "민지", "민호", "민준", "민서", "민재", "민우"];
    let people: Vec<JobSeeker> = (0..40u8)
        .map(|i| {
            let mut s = seeker(
                i,
                &format!(
                    "{}{}",
                    ["김", "박", "이"][usize::from(i % 3)],
                    given[usize::from(i % 7)]
                ),
            );
            s.id = doyak_domain::Id::new_v7(1_764_000_000_000 + u64::from(i), [i; 10]);
            s
        })
        .collect();
    store
        .write(&ctx(), |w| people.iter().try_for_each(|s| w.insert(s)))
        .unwrap();
    let query = |offset: u64, limit: u64| {
        store
            .list_seekers(&SeekerFilter {
                text: Some("ㅁ".into()),
                order: ListOrder::Name,
                offset,
                limit,
                ..Default::default()
            })
            .unwrap()
    };
    let whole = query(0, 100);
    assert_eq!(whole.total, 40);
    let mut expected: Vec<(String, String)> = people
        .iter()
        .map(|s| (s.name.clone(), s.id.to_string()))
        .collect();
    expected.sort();
    let got: Vec<(String, String)> = whole
        .items
        .iter()
        .map(|s| (s.name.clone(), s.id.to_string()))
        .collect();
    assert_eq!(got, expected, "name order, ties by id");
    let paged: Vec<(String, String)> = (0..6)
        .flat_map(|p| query(p * 7, 7).items)
        .map(|s| (s.name.clone(), s.id.to_string()))
        .collect();
    assert_eq!(
        paged, expected,
        "pages of 7 (the last one short) join up without gaps or repeats"
    );
}

#[test]
fn the_target_group_filter_works_with_and_without_name_text() {
    use doyak_domain::seeker::TargetGroup;
    let (_fx, mut store) = new_store();
    let mut youth = seeker(1, "김청년");
    youth.target_groups = vec![TargetGroup::Youth];
    let mut both = seeker(2, "김경력");
    both.target_groups = vec![TargetGroup::BenefitRecipient, TargetGroup::CareerWomen];
    let none = seeker(3, "김없음");
    store
        .write(&ctx(), |w| {
            [&youth, &both, &none].iter().try_for_each(|s| w.insert(*s))
        })
        .unwrap();
    let names = |store: &doyak_store::Store, text: Option<&str>, group| -> Vec<String> {
        let mut got: Vec<String> = store
            .list_seekers(&doyak_store::SeekerFilter {
                text: text.map(str::to_owned),
                target_group: Some(group),
                ..Default::default()
            })
            .unwrap()
            .items
            .into_iter()
            .map(|s| s.name)
            .collect();
        got.sort();
        got
    };
    // SQL path (no text) and the in-memory index (text) must agree.
    for text in [None, Some("ㄱ")] {
        assert_eq!(
            names(&store, text, TargetGroup::Youth),
            ["김청년"],
            "{text:?}"
        );
        assert_eq!(
            names(&store, text, TargetGroup::CareerWomen),
            ["김경력"],
            "{text:?}"
        );
        assert!(
            names(&store, text, TargetGroup::Senior).is_empty(),
            "{text:?}"
        );
    }
    // An edit that drops the group takes the person out of the filter.
    let mut dropped = both.clone();
    dropped.target_groups = vec![TargetGroup::BenefitRecipient];
    store.write(&ctx(), |w| w.update(&dropped)).unwrap();
    for text in [None, Some("김")] {
        assert!(
            names(&store, text, TargetGroup::CareerWomen).is_empty(),
            "{text:?}"
        );
    }
}

#[test]
fn an_index_built_ahead_of_the_first_search_still_follows_writes() {
    let (_fx, mut store) = new_store();
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김민수")))
        .unwrap();
    store.prepare_search().unwrap();
    store
        .write(&ctx(), |w| w.insert(&seeker(2, "김민지")))
        .unwrap();
    let found = store
        .list_seekers(&doyak_store::SeekerFilter {
            text: Some("ㄱㅁ".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.total, 2, "the seeker added after the build is found");
}
