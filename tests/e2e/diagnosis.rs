//! The 진단 tab on the demo caseload: a seeker's best occupations with fit
//! and local demand, the unit gap of the chosen one, and what closes it.

use crate::{Desk, open_demo, open_first_seeker, shot, wait_text};

#[test]
fn a_seeker_page_diagnoses_occupations_and_shows_the_unit_gap() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    open_first_seeker(&s);
    s.click(&s.find("#tab-diagnosis").unwrap()).unwrap();
    wait_text(&s, "#diagnosis-summary", "직업 프로필 74개와 비교했습니다");

    let fits = s.texts("#diagnosis-fits .fit-score").unwrap();
    assert_eq!(fits.len(), 5, "the five best occupations: {fits:?}");
    let points: Vec<i64> = fits
        .iter()
        .map(|f| f.trim_end_matches('점').parse().unwrap())
        .collect();
    assert!(
        points.windows(2).all(|w| w[0] >= w[1]),
        "best first: {points:?}"
    );
    // The first occupation is chosen: its gap table lists units with a
    // status each, and the parts of its fit are read out.
    let first = s
        .texts("#diagnosis-fits tbody tr:first-child .row-link")
        .unwrap()[0]
        .clone();
    wait_text(&s, "#diagnosis-gap-title", &first);
    let statuses = s.texts("#diagnosis-units tbody td .tag").unwrap();
    assert!(
        statuses.len() >= 3,
        "a profile has at least 3 units: {statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|t| ["충족", "일부 충족", "미충족"].contains(&t.trim())),
        "{statuses:?}"
    );
    let reasons = s.texts(".fit-reasons li").unwrap().join(" ");
    assert!(
        reasons.contains("능력단위") && reasons.contains("희망 직종"),
        "{reasons}"
    );
    shot(&s, "60-seeker-diagnosis");

    // Choosing the third occupation shows its own gap.
    let third = s.find_all("#diagnosis-fits tbody tr .row-link").unwrap()[2].clone();
    let third_name = s
        .texts("#diagnosis-fits tbody tr:nth-child(3) .row-link")
        .unwrap()[0]
        .clone();
    s.click(&third).unwrap();
    wait_text(&s, "#diagnosis-gap-title", &third_name);
    s.script(
        // The page scrolls inside its panel; a programmatic scroll of the
        // document itself would move the whole window out of place.
        "document.querySelector('#diagnosis-recommendations, .diagnosis .empty').scrollIntoView({block: 'end'}); \
         document.documentElement.scrollTop = 0; document.body.scrollTop = 0;",
        serde_json::json!([]),
    )
    .unwrap();
    shot(&s, "61-seeker-diagnosis-recommendations");
}
