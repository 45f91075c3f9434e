//! Figures over hand-built caseloads where every number is known, and the
//! publication rule (figures/publication.rs): no cell under 5 ever leaves,
//! nor can it be worked out.
#![allow(clippy::unwrap_used)]

#[path = "figures/publication.rs"]
mod publication;

use chrono::NaiveDate;
use doyak_kpi::input::*;
use doyak_kpi::{Cut, Figure, Period, compute};
use proptest::prelude::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cuts(counselor: &str, groups: &[&str]) -> SeekerCuts {
    SeekerCuts {
        counselor: counselor.into(),
        track: "일반".into(),
        target_groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        sigungu: "안산시 단원구".into(),
    }
}

/// The slices the store keeps a sum of units in: their month, the
/// counselor `held_by`, and the seekers' track, 시군구 and each group.
fn slices(held_by: &str, seeker: &SeekerCuts) -> Vec<Slice> {
    let row = |cut, key: &str| Slice::Row {
        cut,
        key: key.to_owned(),
    };
    let mut out = vec![
        Slice::Month,
        row(Cut::Counselor, held_by),
        row(Cut::Track, &seeker.track),
        row(Cut::Sigungu, &seeker.sigungu),
    ];
    out.extend(
        seeker
            .target_groups
            .iter()
            .map(|g| row(Cut::TargetGroup, g)),
    );
    out
}

/// `n` sessions of `minutes` in all, of one month, as the store sums them.
fn sessions(
    month: &str,
    held_by: &str,
    seeker: &SeekerCuts,
    n: u32,
    minutes: u64,
) -> Vec<Sessions> {
    slices(held_by, seeker)
        .into_iter()
        .map(|slice| Sessions {
            month: day(month),
            slice,
            sessions: n,
            minutes,
        })
        .collect()
}

fn placement(on: &str, wage: i64, checks: &[(u8, bool)]) -> Placement {
    Placement {
        started_on: day(on),
        wage_monthly: Some(wage),
        occupation: "용접".into(),
        company: Some("c1".into()),
        checks: checks
            .iter()
            .map(|&(months, still_employed)| Check {
                months,
                still_employed,
            })
            .collect(),
    }
}

fn fig<'a>(figures: &'a [Figure], id: &str) -> &'a Figure {
    figures.iter().find(|f| f.definition.id == id).unwrap()
}

fn row<'a>(f: &'a Figure, cut: Cut, key: &str) -> &'a doyak_kpi::Cell {
    f.cuts
        .iter()
        .find(|t| t.cut == cut)
        .and_then(|t| t.rows.iter().find(|r| r.key == key))
        .unwrap_or_else(|| panic!("{} has no {cut:?} row {key}", f.definition.id))
}

/// Four seekers who joined in 2026 Q1 and one who joined before it.
fn caseload() -> Caseload {
    let seeker = |id: &str, joined: &str, counselor: &str, groups: &[&str]| Seeker {
        id: id.into(),
        enrolled_on: Some(day(joined)),
        active: true,
        cuts: cuts(counselor, groups),
        ..Default::default()
    };
    let mut a = seeker("a", "2026-01-10", "김상담", &["청년"]);
    a.diagnosed_on = Some(day("2026-01-12"));
    a.first_session_on = Some(day("2026-01-12"));
    a.first_referral_on = Some(day("2026-02-01"));
    // Employed 40 days after joining; kept at 3 months.
    a.placements = vec![placement("2026-02-19", 2_800_000, &[(3, true)])];
    a.active = false;
    let mut b = seeker("b", "2026-01-20", "김상담", &["청년", "저소득"]);
    b.diagnosed_on = Some(day("2026-01-21"));
    b.first_session_on = Some(day("2026-01-21"));
    // Employed after 5 months (outside the 3-month window, inside 6);
    // left before the 3-month check.
    b.placements = vec![placement("2026-06-20", 2_400_000, &[(3, false)])];
    b.active = false;
    let mut c = seeker("c", "2026-02-05", "이상담", &[]);
    c.first_session_on = Some(day("2026-02-06"));
    let d = seeker("d", "2026-03-30", "이상담", &["중장년"]);
    let mut before = seeker("e", "2025-12-01", "김상담", &[]);
    before.placements = vec![placement("2026-01-05", 3_000_000, &[])];
    before.active = false;
    Caseload {
        seekers: vec![a, b, c, d, before],
        sessions: [
            sessions("2026-01-01", "김상담", &cuts("김상담", &["청년"]), 1, 50),
            // Held by a colleague.
            sessions("2026-02-01", "박상담", &cuts("이상담", &[]), 1, 30),
            sessions("2026-04-01", "김상담", &cuts("김상담", &[]), 1, 40),
        ]
        .concat(),
        ..Default::default()
    }
}

#[test]
fn the_cohort_funnel_and_rates_are_counted_as_defined() {
    // Q1 2026, computed on 2026-09-01: every 3- and 6-month window of the
    // cohort except d's 6-month one (ends 2026-09-30) has ended.
    let p = Period::months("2026-01", "2026-03", day("2026-09-01")).unwrap();
    let f = compute(&caseload(), p);
    let total = |id: &str| {
        let t = &fig(&f, id).total;
        (t.n, t.value)
    };
    // a, b, c, d joined in Q1; e joined in December.
    assert_eq!(total("seekers_new"), (4, Some(4.0)));
    assert_eq!(total("stage_diagnosis").0, 2, "a and b");
    assert_eq!(total("stage_counseling").0, 3, "a, b, c");
    assert_eq!(total("stage_referral").0, 1, "a");
    assert_eq!(total("stage_employment").0, 2, "a and b");
    assert_eq!(total("stage_aftercare").0, 2, "a and b were checked");
    // 3 months: all four windows ended; only a was employed within it.
    assert_eq!(total("employment_rate_3m"), (4, Some(25.0)));
    // 6 months: d's window ends 2026-09-30, after today: n = 3; a and b.
    let (n, v) = total("employment_rate_6m");
    assert_eq!(n, 3);
    assert!((v.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    // a: 40 days, b: 151 days (2026-01-20 → 2026-06-20); median of two
    // is their mean.
    assert_eq!(total("days_to_employment"), (2, Some(95.5)));
    // Placements started in Q1: a's (2.8M) and e's (3.0M; e joined
    // before the period, the placement is in it).
    assert_eq!(total("starting_wage"), (2, Some(2_900_000.0)));
    assert_eq!(row(fig(&f, "starting_wage"), Cut::Occupation, "용접").n, 2);
    // Of Q1 placements with a 3-month check (only a's), kept: 100%.
    assert_eq!(total("retention_3m"), (1, Some(100.0)));
    // Sessions in Q1: two, 80 minutes; by the counselor who held them.
    assert_eq!(total("sessions").0, 2);
    assert_eq!(total("session_minutes"), (2, Some(80.0)));
    assert_eq!(row(fig(&f, "sessions"), Cut::Counselor, "박상담").n, 1);
    // Cuts: a seeker of two groups counts in both; months by joining.
    let new = fig(&f, "seekers_new");
    assert_eq!(row(new, Cut::TargetGroup, "청년").n, 2);
    assert_eq!(row(new, Cut::TargetGroup, "저소득").n, 1);
    assert_eq!(row(new, Cut::Month, "2026-01").n, 2);
    assert_eq!(row(new, Cut::Month, "2026-03").n, 1);
    assert_eq!(row(new, Cut::Counselor, "이상담").n, 2);
    // c and d are still in the program, and e's period was earlier:
    // seekers_active counts those who joined by the period's end (all
    // five) and are active now (c, d).
    assert_eq!(total("seekers_active").0, 2);
}

#[test]
fn the_list_behind_a_figure_is_the_units_it_counted() {
    let p = Period::months("2026-01", "2026-03", day("2026-09-01")).unwrap();
    let c = caseload();
    let ids = |figure: &str, cell: Option<(Cut, &str)>| -> Vec<String> {
        doyak_kpi::members(&c, p, figure, cell)
            .into_iter()
            .map(|m| m.id)
            .collect()
    };
    // The same seekers the funnel counted (a and b were diagnosed).
    assert_eq!(ids("stage_diagnosis", None), ["a", "b"]);
    // A cell: those who joined in January.
    assert_eq!(
        ids("seekers_new", Some((Cut::Month, "2026-01"))),
        ["a", "b"]
    );
    // A share lists its n with whether each one counted: only a was
    // employed within 3 months.
    let rate = doyak_kpi::members(&c, p, "employment_rate_3m", None);
    let flags: Vec<(&str, Option<bool>)> = rate.iter().map(|m| (m.id.as_str(), m.flag)).collect();
    assert_eq!(
        flags,
        [
            ("a", Some(true)),
            ("b", Some(false)),
            ("c", Some(false)),
            ("d", Some(false))
        ]
    );
    // A median lists each one's number: a's 40 days, b's 151.
    let days: Vec<Option<f64>> = doyak_kpi::members(&c, p, "days_to_employment", None)
        .into_iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(days, [Some(40.0), Some(151.0)]);
    // Figures the store sums have no list; an unknown id has none either.
    assert!(ids("sessions", None).is_empty());
    assert!(ids("no_such_figure", None).is_empty());
    // Every list is as long as its cell's n, for the total and every row of
    // every cut.
    let f = compute(&c, p);
    for d in doyak_kpi::FIGURES
        .iter()
        .filter(|d| !d.id.starts_with("session") && d.id != "iap_compliance")
    {
        let figure = fig(&f, d.id);
        assert_eq!(ids(d.id, None).len() as u32, figure.total.n, "{}", d.id);
        for t in &figure.cuts {
            for r in &t.rows {
                assert_eq!(
                    ids(d.id, Some((t.cut, r.key.as_str()))).len() as u32,
                    r.n,
                    "{} {:?} {}: the list and the count agree",
                    d.id,
                    t.cut,
                    r.key
                );
            }
        }
    }
}

#[test]
fn the_list_behind_a_company_figure_names_firms() {
    // A hire at a caseload firm is the firm's: its list names the firm,
    // not the seeker hired.
    let p = Period::months("2026-01", "2026-03", day("2026-09-01")).unwrap();
    let mut c = caseload();
    c.companies.push(Company {
        id: "c1".into(),
        cuts: CompanyCuts {
            focus_industries: vec!["".into(), " ".into()],
            ..Default::default()
        },
        activity: vec![day("2026-02-01")],
        ..Default::default()
    });
    let hires: Vec<String> = doyak_kpi::members(&c, p, "company_hires", None)
        .into_iter()
        .map(|m| m.id)
        .collect();
    // a's and e's placements in Q1 were both at c1.
    assert_eq!(hires, ["c1", "c1"]);
    let f = compute(&c, p);
    // "" and " " are one row of values not recorded, counted once a hire.
    let unknown = row(fig(&f, "company_hires"), Cut::FocusIndustry, "(미입력)");
    assert_eq!(unknown.n, 2);
    assert_eq!(
        doyak_kpi::members(
            &c,
            p,
            "company_hires",
            Some((Cut::FocusIndustry, "(미입력)"))
        )
        .len(),
        2
    );
    assert_eq!(
        doyak_kpi::members(&c, p, "firms_served", None)
            .into_iter()
            .map(|m| m.id)
            .collect::<Vec<_>>(),
        ["c1"]
    );
}

#[test]
fn rows_the_store_summed_count_as_their_units() {
    // The store sums a month's sessions, and each row of each cut apart;
    // IAP checks too: 3 sessions of 150 minutes count as three sessions,
    // and 4 checks with 3 done as planned as 75%, exactly as the units
    // would one by one. The total is the months' sums: a cut's rows (here
    // two counselors, one of them twice) add to their own rows only.
    let p = Period::months("2026-01", "2026-01", day("2026-09-01")).unwrap();
    let iap = |month: &str, seeker: &SeekerCuts, checked, complied| {
        slices(&seeker.counselor, seeker)
            .into_iter()
            .map(|slice| IapChecks {
                month: day(month),
                slice,
                checked,
                complied,
            })
            .collect::<Vec<_>>()
    };
    let mut held = sessions("2026-01-01", "김상담", &cuts("김상담", &["청년"]), 3, 150);
    held.extend(sessions(
        "2026-01-01",
        "박상담",
        &cuts("김상담", &[]),
        2,
        60,
    ));
    // A month named as a cut's row is no slice the store keeps: it would
    // count its sessions twice, and counts nowhere.
    held.push(Sessions {
        month: day("2026-01-01"),
        slice: Slice::Row {
            cut: Cut::Month,
            key: "2026-01".into(),
        },
        sessions: 7,
        minutes: 70,
    });
    let c = Caseload {
        sessions: held,
        iap_checks: [
            iap("2026-01-01", &cuts("김상담", &["청년"]), 4, 3),
            // Another month: outside the period.
            iap("2026-02-01", &cuts("김상담", &[]), 9, 0),
        ]
        .concat(),
        ..Default::default()
    };
    let f = compute(&c, p);
    assert_eq!(
        (fig(&f, "sessions").total.n, fig(&f, "sessions").total.value),
        (5, Some(5.0))
    );
    let minutes = fig(&f, "session_minutes");
    assert_eq!((minutes.total.n, minutes.total.value), (5, Some(210.0)));
    assert_eq!(row(fig(&f, "sessions"), Cut::Counselor, "김상담").n, 3);
    assert_eq!(row(minutes, Cut::Counselor, "박상담").value, Some(60.0));
    assert_eq!(row(fig(&f, "sessions"), Cut::TargetGroup, "청년").n, 3);
    assert_eq!(row(fig(&f, "sessions"), Cut::Month, "2026-01").n, 5);
    assert_eq!(row(fig(&f, "sessions"), Cut::Track, "일반").n, 5);
    let iap = fig(&f, "iap_compliance");
    assert_eq!((iap.total.n, iap.total.value), (4, Some(75.0)));
}

#[test]
fn a_job_from_before_joining_is_not_the_programs_employment() {
    // Joined 2026-03-01 with a job recorded from 2025-06-01 (before the
    // program): not employed within 3 months, no days to employment.
    let s = Seeker {
        id: "f".into(),
        enrolled_on: Some(day("2026-03-01")),
        cuts: cuts("김상담", &[]),
        placements: vec![placement("2025-06-01", 2_500_000, &[(3, true)])],
        ..Default::default()
    };
    let cl = Caseload {
        seekers: vec![s],
        ..Default::default()
    };
    let p = Period::months("2026-03", "2026-03", day("2026-12-04")).unwrap();
    let f = compute(&cl, p);
    assert_eq!(fig(&f, "employment_rate_3m").total.value, Some(0.0));
    assert_eq!(fig(&f, "stage_employment").total.n, 0);
    assert_eq!(fig(&f, "stage_aftercare").total.n, 0);
    assert_eq!(fig(&f, "days_to_employment").total.n, 0);
}

#[test]
fn a_month_is_written_yyyy_mm_and_a_reversed_period_is_refused() {
    let today = day("2026-12-04");
    let p = Period::months("2026-02", "2026-02", today).unwrap();
    assert_eq!((p.from, p.to), (day("2026-02-01"), day("2026-02-28")));
    let prev = Period::months("2026-01", "2026-03", today)
        .unwrap()
        .previous();
    assert_eq!((prev.from, prev.to), (day("2025-10-01"), day("2025-12-31")));
    for bad in ["2026-13", "2026-3", "26-03", "삼월", ""] {
        let e = Period::months(bad, "2026-03", today).unwrap_err();
        assert!(e.to_string().contains("2026-03처럼"), "{bad}: {e}");
    }
    let e = Period::months("2026-05", "2026-03", today).unwrap_err();
    assert!(e.to_string().contains("늦습니다"));
}

#[test]
fn the_company_side_counts_firms_vacancies_and_their_hires() {
    let firm = |id: &str, complex: &str| Company {
        id: id.into(),
        cuts: CompanyCuts {
            focus_industries: vec!["조선".into()],
            industrial_complex: complex.into(),
            sigungu: "거제시".into(),
        },
        ..Default::default()
    };
    let mut c1 = firm("c1", "");
    c1.activity = vec![day("2026-01-05"), day("2026-02-10"), day("2025-11-01")];
    c1.diagnoses = vec![day("2026-01-05")];
    c1.actions_done = vec![day("2026-02-10"), day("2026-04-01")];
    c1.programs_linked = vec![day("2026-02-10")];
    let mut c2 = firm("c2", "옥포산단");
    c2.activity = vec![day("2025-12-01")];
    let mut cl = caseload();
    cl.companies = vec![c1, c2];
    cl.vacancies = vec![
        Vacancy {
            company: "c1".into(),
            opened_on: day("2026-01-05"),
            filled_on: Some(day("2026-02-19")),
        },
        Vacancy {
            company: "c2".into(),
            opened_on: day("2025-12-01"),
            filled_on: None,
        },
    ];
    let p = Period::months("2026-01", "2026-03", day("2026-09-01")).unwrap();
    let f = compute(&cl, p);
    let n = |id: &str| fig(&f, id).total.n;
    assert_eq!(n("firms_served"), 1, "c2's only activity was in December");
    assert_eq!(n("company_diagnoses"), 1);
    assert_eq!(n("actions_done"), 1, "the April one is outside");
    assert_eq!(n("programs_linked"), 1);
    assert_eq!(n("vacancies_opened"), 1);
    assert_eq!(n("vacancies_filled"), 1);
    // 2026-01-05 → 2026-02-19: 45 days.
    assert_eq!(fig(&f, "days_to_fill").total.value, Some(45.0));
    // Hires at c1 started in Q1: a's and e's (both name c1).
    assert_eq!(n("company_hires"), 2);
    assert_eq!(
        row(fig(&f, "company_hires"), Cut::FocusIndustry, "조선").n,
        2
    );
    assert_eq!(
        row(fig(&f, "company_hires"), Cut::IndustrialComplex, "(미입력)").n,
        2,
        "an unknown value is a row of its own, not dropped"
    );
    assert_eq!(
        fig(&f, "company_hire_retention_3m").total.value,
        Some(100.0)
    );
}

fn arb_caseload() -> impl Strategy<Value = Caseload> {
    let seeker = (
        0u32..90,
        0usize..4,
        prop::collection::vec(0usize..3, 0..3),
        prop::option::of((0u32..200, 1_500_000i64..4_000_000, any::<bool>())),
        any::<bool>(),
    )
        .prop_map(|(joined, counselor, groups, placed, active)| {
            let joined = day("2026-01-01") + chrono::Days::new(u64::from(joined));
            Seeker {
                id: String::new(),
                enrolled_on: Some(joined),
                active,
                cuts: cuts(
                    ["김", "이", "박", ""][counselor],
                    &groups
                        .iter()
                        .map(|g| ["청년", "중장년", "여성"][*g])
                        .collect::<Vec<_>>(),
                ),
                diagnosed_on: Some(joined),
                first_session_on: None,
                first_referral_on: None,
                placements: placed
                    .map(|(after, wage, kept)| {
                        vec![placement(
                            &(joined + chrono::Days::new(u64::from(after))).to_string(),
                            wage,
                            &[(3, kept)],
                        )]
                    })
                    .unwrap_or_default(),
            }
        });
    prop::collection::vec(seeker, 0..40).prop_map(|seekers| Caseload {
        seekers,
        ..Default::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// A figure within another ([`doyak_kpi::Definition::within`], what
    /// the suppression of small cells assumes an outsider knows) is at
    /// most it in its total and in every row of every cut, and of the same
    /// group.
    #[test]
    fn a_figure_within_another_is_at_most_it_row_by_row(cl in arb_caseload()) {
        let p = Period::months("2026-01", "2026-06", day("2026-12-04")).unwrap();
        let figures = compute(&cl, p);
        for f in &figures {
            let Some(outer_id) = f.definition.within() else { continue };
            let outer = figures.iter().find(|o| o.definition.id == outer_id).unwrap();
            prop_assert_eq!(f.definition.group, outer.definition.group);
            prop_assert!(f.total.n <= outer.total.n, "{} total", f.definition.id);
            for t in &f.cuts {
                let ot = outer.cuts.iter().find(|o| o.cut == t.cut).unwrap();
                for r in &t.rows {
                    let o = ot.rows.iter().find(|o| o.key == r.key).map_or(0, |o| o.n);
                    prop_assert!(r.n <= o, "{} {:?} {}: {} > {}", f.definition.id, t.cut, r.key, r.n, o);
                }
            }
        }
    }

    /// A cut's rows of a partition add up to the total.
    #[test]
    fn partitions_add_up_to_the_total(cl in arb_caseload()) {
        let p = Period::months("2026-01", "2026-06", day("2026-12-04")).unwrap();
        for f in compute(&cl, p) {
            for t in f.cuts.iter().filter(|t| t.cut.partitions()) {
                let sum: u32 = t.rows.iter().map(|r| r.n).sum();
                prop_assert_eq!(sum, f.total.n, "{} {:?}", f.definition.id, t.cut);
            }
        }
    }

    /// Two centers' totals, merged, are the totals of both caseloads as
    /// one: what the server's national figures rest on. Each figure read
    /// from the merge equals the one computed over both (a median too).
    #[test]
    fn totals_of_two_caseloads_merge_into_the_totals_of_both(
        a in arb_caseload(),
        b in arb_caseload(),
    ) {
        let p = Period::months("2026-03", "2026-03", day("2026-12-04")).unwrap();
        let both = Caseload {
            seekers: a.seekers.iter().chain(&b.seekers).cloned().collect(),
            ..Default::default()
        };
        let mut merged = doyak_kpi::totals(&a, p);
        for (m, t) in merged.iter_mut().zip(doyak_kpi::totals(&b, p)) {
            m.merge(&t);
        }
        for (f, m) in compute(&both, p).iter().zip(&merged) {
            let cell = m.to_cell(String::new(), f.definition.aggregate);
            prop_assert_eq!(cell.n, f.total.n, "{}", f.definition.id);
            let close = match (cell.value, f.total.value) {
                (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                (x, y) => x == y,
            };
            prop_assert!(close, "{}: {:?} ≠ {:?}", f.definition.id, cell.value, f.total.value);
        }
    }
}
