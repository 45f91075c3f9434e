use super::*;

#[test]
fn timelines_are_ordered_and_end_by_today() {
    let mut d = Dice::new(1, 0);
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    for back in [0, 5, 30, 100, 500] {
        let enrolled = plus_days(today, -back);
        for status in SeekerStatus::ALL {
            let reached = if status >= SeekerStatus::Employed {
                SeekerStatus::JobSearch
            } else {
                status
            };
            let t = Timeline::plan(&mut d, enrolled, reached, status, today);
            let days: Vec<NaiveDate> = [t.diagnosis, t.consulting, t.job_search, t.outcome]
                .into_iter()
                .flatten()
                .collect();
            assert!(days.windows(2).all(|w| w[0] <= w[1]), "{status:?} {t:?}");
            assert!(days.iter().all(|d| enrolled <= *d && *d <= today), "{t:?}");
            assert_eq!(
                t.outcome.is_some(),
                !is_active(status),
                "only employed and closed cases have an outcome"
            );
        }
    }
}

#[test]
fn local_names_shorten_for_institutes() {
    assert_eq!(short_local("안산시"), "안산");
    assert_eq!(short_local("인천 남동구"), "인천");
    assert_eq!(short_local("세종시"), "세종");
    assert_eq!(
        institution("안산", "요양보호사 양성과정 (신규자 320시간)"),
        "안산요양보호사교육원"
    );
}
