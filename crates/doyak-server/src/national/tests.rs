use super::*;
use proptest::prelude::*;

fn center(n: u128, region: Option<&str>) -> CenterRow {
    CenterRow {
        center_id: Uuid::from_u128(n),
        name: format!("센터{n}"),
        region: region.map(str::to_owned),
    }
}

fn count(center: u128, n: u64) -> CountRow {
    CountRow {
        center_id: Uuid::from_u128(center),
        month: "2026-03".into(),
        metric: "placements".into(),
        count: n,
    }
}

fn shown(c: &Published) -> Option<u64> {
    c.count
}

#[test]
fn a_device_sees_its_own_center_only_and_no_total() {
    let centers = [center(1, Some("서울청")), center(2, Some("서울청"))];
    let rows = [count(1, 30), count(2, 40)];
    let answer = publish(
        &Scope::Center {
            center_id: Uuid::from_u128(1),
        },
        &centers,
        &rows,
    );
    assert_eq!(answer.centers.len(), 1);
    assert_eq!(answer.counts.len(), 1);
    assert_eq!(answer.counts[0].center_id, Uuid::from_u128(1));
    assert_eq!(shown(&answer.counts[0].count), Some(30));
    assert!(
        answer.regions.is_empty() && answer.national.is_empty(),
        "a region total less the device's own count is the other center's"
    );
}

#[test]
fn a_device_gets_its_own_numbers_with_no_label_that_tells_of_others() {
    // 9 = 5 + 4: for the others the 5 protects the 4 ("비공개"); the
    // device of the 5 knows its own 5, so that label would tell it the
    // other is 4. It gets its 5, and nothing about the other.
    let centers = [center(1, Some("서울청")), center(2, Some("서울청"))];
    let rows = [count(1, 5), count(2, 4)];
    let nation = publish(&Scope::National, &centers, &rows);
    let of = |a: &Counts, id: u128| {
        a.counts
            .iter()
            .find(|c| c.center_id.as_u128() == id)
            .map(|c| (c.count.count, c.count.hidden))
    };
    assert_eq!(of(&nation, 1), Some((None, Some(Why::Protect))));
    let own = publish(
        &Scope::Center {
            center_id: Uuid::from_u128(1),
        },
        &centers,
        &rows,
    );
    assert_eq!(of(&own, 1), Some((Some(5), None)));
    assert_eq!(own.counts.len(), 1);
    let small = publish(
        &Scope::Center {
            center_id: Uuid::from_u128(2),
        },
        &centers,
        &rows,
    );
    assert_eq!(
        of(&small, 2),
        Some((None, Some(Why::Small))),
        "its own 4 leaves the server as 1–4 all the same"
    );
}

#[test]
fn a_regional_viewer_sees_its_region_and_not_the_nation() {
    let centers = [
        center(1, Some("서울청")),
        center(2, Some("서울청")),
        center(3, Some("부산청")),
    ];
    let rows = [count(1, 30), count(2, 40), count(3, 50)];
    let answer = publish(
        &Scope::Region {
            region: "서울청".into(),
        },
        &centers,
        &rows,
    );
    let ids: Vec<u128> = answer
        .counts
        .iter()
        .map(|c| c.center_id.as_u128())
        .collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(answer.regions.len(), 1);
    assert_eq!(answer.regions[0].region, "서울청");
    assert_eq!(shown(&answer.regions[0].count), Some(70), "30 + 40");
    assert!(
        answer.national.is_empty(),
        "the nation less 서울청 would be 부산청's"
    );
    assert!(answer.centers.iter().all(|c| c.region == "서울청"));
}

#[test]
fn a_small_center_is_hidden_with_the_smallest_row_that_protects_it() {
    // 서울청 = 3 + 20 + 40: the 3 alone would be 63 − 20 − 40; hiding the
    // 20 too leaves 3 + x = 23 with x ≥ 5, so the 3 could be 1 to 4? Only
    // if x could be 19 to 22: it could.
    let centers = [
        center(1, Some("서울청")),
        center(2, Some("서울청")),
        center(3, Some("서울청")),
    ];
    let rows = [count(1, 3), count(2, 20), count(3, 40)];
    let answer = publish(&Scope::National, &centers, &rows);
    let by_id: BTreeMap<u128, &Published> = answer
        .counts
        .iter()
        .map(|c| (c.center_id.as_u128(), &c.count))
        .collect();
    assert_eq!(by_id[&1].hidden, Some(Why::Small));
    assert_eq!(by_id[&2].hidden, Some(Why::Protect));
    assert_eq!(shown(by_id[&3]), Some(40));
    assert_eq!(shown(&answer.regions[0].count), Some(63));
    assert_eq!(shown(&answer.national[0]), Some(63));
}

#[test]
fn a_region_hidden_under_the_nation_hides_every_center_in_it() {
    // 52 = 2 (서울청) + 50 (부산청): the 2 is hidden, and the 50 too, or
    // 52 − 50 would give it away. A hidden region's centers would add up
    // to it, so every one of them is withheld, the 20 and the 30 too.
    let centers = [
        center(1, Some("서울청")),
        center(2, Some("부산청")),
        center(3, Some("부산청")),
    ];
    let rows = [count(1, 2), count(2, 20), count(3, 30)];
    let answer = publish(&Scope::National, &centers, &rows);
    assert_eq!(shown(&answer.national[0]), Some(52));
    for r in &answer.regions {
        assert!(r.count.count.is_none(), "{} is hidden", r.region);
    }
    for c in &answer.counts {
        assert_eq!(c.count.hidden, Some(Why::Withheld), "{}", c.center_id);
    }
}

#[test]
fn under_a_total_of_one_to_four_every_row_is_withheld_zeros_too() {
    // 3 = 1 + 2 + 0: marked 1–4, the 1 and the 2 would each be at most 3
    // under a total marked 1–4; and a 0 shown would say the other two are
    // all of it.
    let centers = [
        center(1, Some("서울청")),
        center(2, Some("서울청")),
        center(3, Some("서울청")),
    ];
    let answer = publish(&Scope::National, &centers, &[count(1, 1), count(2, 2)]);
    assert_eq!(answer.national[0].hidden, Some(Why::Small));
    assert_eq!(answer.regions[0].count.hidden, Some(Why::Withheld));
    let ids: Vec<(u128, Option<Why>)> = answer
        .counts
        .iter()
        .map(|c| (c.center_id.as_u128(), c.count.hidden))
        .collect();
    assert_eq!(
        ids,
        [
            (1, Some(Why::Withheld)),
            (2, Some(Why::Withheld)),
            (3, Some(Why::Withheld))
        ]
    );
}

#[test]
fn a_region_whose_small_centers_stay_pinned_withholds_them() {
    // 8 = 4 + 4: both would be 4 whatever else is hidden.
    let centers = [
        center(1, Some("서울청")),
        center(2, Some("서울청")),
        center(3, Some("부산청")),
    ];
    let answer = publish(
        &Scope::National,
        &centers,
        &[count(1, 4), count(2, 4), count(3, 30)],
    );
    let seoul: Vec<Option<Why>> = answer
        .counts
        .iter()
        .filter(|c| c.center_id.as_u128() != 3)
        .map(|c| c.count.hidden)
        .collect();
    assert_eq!(seoul, [Some(Why::Withheld), Some(Why::Withheld)]);
}

#[test]
fn the_employed_of_a_cohort_are_published_knowing_they_are_among_it() {
    // One region of three centers. New participants 5, 5 and 20 (30);
    // employed among them 4, 5 and 11 (20). The employed's 4 is small.
    // Hiding the 5 beside it would do for the employed alone (4 + 5 = 9:
    // the small one at most 9 − 5), but the cohort's 5 and 5 would then
    // be two rows of 5 or more adding up to 10, so 5 each; the employed's
    // 5 is at most the cohort's, so 5, and the small one 9 − 5 = 4. So
    // the 20's center is hidden instead, and the 5s are shown.
    let centers = [
        center(1, Some("경기청")),
        center(2, Some("경기청")),
        center(3, Some("경기청")),
    ];
    let at = |id: &str| FIGURES.iter().position(|d| d.id == id).unwrap();
    let month = |cohort: u32, employed: u32| {
        let mut totals = vec![Partial::default(); FIGURES.len()];
        totals[at("seekers_new")] = Partial {
            n: cohort,
            sum: f64::from(cohort),
            ..Partial::default()
        };
        totals[at("stage_employment")] = Partial {
            n: employed,
            sum: f64::from(employed),
            ..Partial::default()
        };
        BTreeMap::from([("2026-03".to_owned(), totals)])
    };
    let partials = BTreeMap::from([
        (Uuid::from_u128(1), month(5, 4)),
        (Uuid::from_u128(2), month(5, 5)),
        (Uuid::from_u128(3), month(20, 11)),
    ]);
    let answer = publish_figures(&Scope::National, &centers, &partials);
    let row = |figure: &str, center: u128| -> (Option<u32>, Option<Why>) {
        let c = answer
            .by_center
            .iter()
            .find(|c| c.cell.figure == figure && c.center_id == Uuid::from_u128(center))
            .unwrap();
        (c.cell.n, c.cell.hidden)
    };
    assert_eq!(row("stage_employment", 1), (None, Some(Why::Small)));
    assert_eq!(row("stage_employment", 2), (Some(5), None));
    assert_eq!(row("stage_employment", 3), (None, Some(Why::Protect)));
    assert_eq!(row("seekers_new", 1), (None, Some(Why::Protect)));
    assert_eq!(row("seekers_new", 2), (Some(5), None));
    assert_eq!(row("seekers_new", 3), (None, Some(Why::Protect)));
}

#[test]
fn a_center_without_a_region_is_in_the_unnamed_one() {
    let centers = [center(1, None)];
    let answer = publish(&Scope::National, &centers, &[count(1, 9)]);
    assert_eq!(answer.regions[0].region, NO_REGION);
    assert_eq!(answer.centers[0].region, NO_REGION);
}

/// The cell an attacker supposes a value for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fix<'a> {
    Center(Uuid),
    Region(&'a str),
}

/// What an outsider can say of a cell: a shown value, or a range by its
/// label (1–4 for "small", 5 up for "protect").
fn range(c: &Published, ceiling: u64) -> (u64, u64) {
    match (c.count, c.hidden) {
        (Some(n), _) => (n, n),
        (None, Some(Why::Small)) => (1, 4),
        (None, Some(Why::Withheld)) => (0, ceiling),
        _ => (5, ceiling),
    }
}

/// Whether the published tree allows `center` to be `value`: written apart
/// from the rule, as an attacker reasons. Sums of integer ranges make every
/// integer between the lowest and the highest, so going up the tree with
/// ranges (a node's range cut to what its children can add up to) decides
/// it exactly.
fn feasible(answer: &Counts, month_metric: (&str, &str), fix: Fix<'_>, value: u64) -> bool {
    let ceiling = 10_000;
    let (month, metric) = month_metric;
    let of = |p: &Published| p.month == month && p.metric == metric;
    let regions: Vec<&RegionCount> = answer.regions.iter().filter(|r| of(&r.count)).collect();
    let (mut lo_all, mut hi_all) = (0, 0);
    for r in &regions {
        let (mut lo, mut hi) = (0, 0);
        for c in answer.counts.iter().filter(|c| of(&c.count)) {
            let in_region = answer
                .centers
                .iter()
                .any(|n| n.center_id == c.center_id && n.region == r.region);
            if !in_region {
                continue;
            }
            let (l, h) = if fix == Fix::Center(c.center_id) {
                (value, value)
            } else {
                range(&c.count, ceiling)
            };
            lo += l;
            hi += h;
        }
        let (l, h) = if fix == Fix::Region(&r.region) {
            (value, value)
        } else {
            range(&r.count, ceiling)
        };
        let (lo, hi) = (lo.max(l), hi.min(h));
        if lo > hi {
            return false;
        }
        lo_all += lo;
        hi_all += hi;
    }
    match answer.national.iter().find(|p| of(p)) {
        Some(n) => {
            let (l, h) = range(n, ceiling);
            lo_all.max(l) <= hi_all.min(h)
        }
        None => true,
    }
}

const MARCH: (&str, &str) = ("2026-03", "placements");

proptest! {
    /// No small center count can be pinned by a national viewer, who sees
    /// the most: for every center hidden as 1–4, each of 1 to 4 stays
    /// possible given every number and label published.
    #[test]
    fn no_small_center_can_be_pinned(
        counts in proptest::collection::vec((0u64..30, 0usize..3), 1..7),
    ) {
        let names = ["서울청", "부산청", "대구청"];
        let centers: Vec<CenterRow> = counts
            .iter()
            .enumerate()
            .map(|(i, (_, r))| center(i as u128 + 1, Some(names[*r])))
            .collect();
        let rows: Vec<CountRow> = counts
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| *n > 0)
            .map(|(i, (n, _))| count(i as u128 + 1, *n))
            .collect();
        let answer = publish(&Scope::National, &centers, &rows);
        for c in &answer.counts {
            let truth = rows.iter().find(|r| r.center_id == c.center_id).map_or(0, |r| r.count);
            prop_assert!(feasible(&answer, MARCH, Fix::Center(c.center_id), truth),
                "the truth must be possible: the attacker model is wrong otherwise");
            if c.count.hidden == Some(Why::Small) {
                for v in 1..=4 {
                    prop_assert!(
                        feasible(&answer, MARCH, Fix::Center(c.center_id), v),
                        "center {} could not be {v}: {:?}", c.center_id, answer
                    );
                }
            }
            if let Some(n) = c.count.count {
                prop_assert!(n == 0 || n >= 5, "{n} shown");
            }
        }
        for r in &answer.regions {
            let truth: u64 = rows
                .iter()
                .filter(|c| answer.centers.iter().any(|n| n.center_id == c.center_id && n.region == r.region))
                .map(|c| c.count)
                .sum();
            prop_assert!(feasible(&answer, MARCH, Fix::Region(&r.region), truth));
            if r.count.hidden == Some(Why::Small) {
                for v in 1..=4 {
                    prop_assert!(
                        feasible(&answer, MARCH, Fix::Region(&r.region), v),
                        "region {} could not be {v}: {:?}", r.region, answer
                    );
                }
            }
            if let Some(n) = r.count.count {
                prop_assert!(n == 0 || n >= 5, "region {n} shown");
            }
        }
    }
}
