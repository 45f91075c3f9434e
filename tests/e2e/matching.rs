//! 추천 인재 and 추천 일자리 on the demo caseload: the reasons are on screen,
//! a candidate is shortlisted from a vacancy's page and the 알선 moves on from
//! the seeker's page.

use crate::webdriver::Session;
use crate::{Desk, open_demo, shot, wait_text};

/// How many recommendation cards the page shows, once it has answered.
fn cards(s: &Session) -> usize {
    s.wait("the recommendations", || {
        if s.find_all("#rec-summary")?.is_empty() {
            return Ok(None);
        }
        Ok(Some(s.find_all("li.rec")?.len()))
    })
    .unwrap()
}

#[test]
fn a_vacancy_recommends_candidates_and_a_shortlist_becomes_a_referral() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    s.click(&s.find("#nav-vacancies").unwrap()).unwrap();
    wait_text(&s, "#vacancy-count", "건");

    // The first open vacancies in the list, until one has candidates.
    let mut found = false;
    for i in 0..12 {
        let titles = s.find_all("#vacancy-rows .vacancy-title button").unwrap();
        if i >= titles.len() {
            break;
        }
        s.click(&titles[i]).unwrap();
        wait_text(&s, "#vacancy-places", "남은 자리");
        if cards(&s) > 0 {
            found = true;
            break;
        }
        s.click(&s.find(".link-back").unwrap()).unwrap();
        wait_text(&s, "#vacancy-count", "건");
    }
    assert!(found, "some open vacancy of the demo has candidates");
    let reasons = s.texts("li.rec:first-child .reason").unwrap();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("희망 직종") || r.contains("직종")),
        "the occupation reason is read out: {reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("통근") || r.contains("같은 시군구")),
        "the commute reason is read out: {reasons:?}"
    );
    let score = s.texts("li.rec:first-child .rec-score").unwrap().join("");
    assert!(score.ends_with('점'), "a score in points: {score}");
    shot(&s, "18-vacancy-recommended-seekers");

    // Shortlist the best candidate: the card now says 후보, and so does the
    // vacancy's 알선 현황.
    let name = s
        .texts("li.rec:first-child h3")
        .unwrap()
        .join("")
        .trim()
        .to_owned();
    // Whether the candidate gave 제3자 제공 consent: the card says when not.
    let consented = !s
        .texts("li.rec:first-child .rec-actions")
        .unwrap()
        .join("")
        .contains("제3자 제공 동의가 없어");
    let first_button = s.find("li.rec:first-child .rec-actions button").unwrap();
    s.click(&first_button).unwrap();
    wait_text(&s, "li.rec:first-child .rec-actions .tag", "후보");
    s.click(&s.find("#tab-applications").unwrap()).unwrap();
    let row = wait_text(&s, "#application-rows tbody tr", &name);
    assert!(row.contains(&name), "{row}");
    shot(&s, "19-vacancy-applications");

    // From the seeker's page: move the shortlist on to 알선. Only a 후보
    // row offers 알선 (nothing moves back), and only with consent: without
    // it the desk offers no step past 후보.
    s.click(&s.find("#application-rows tbody tr .row-link").unwrap())
        .unwrap();
    wait_text(&s, "#seeker-title", &name);
    s.click(&s.find("#tab-applications").unwrap()).unwrap();
    s.find("#application-rows").unwrap();
    let offered = s
        .find_all("#application-rows button[data-step=proposed]")
        .unwrap();
    assert_eq!(
        offered.len(),
        usize::from(consented),
        "알선 is offered for the new 후보 exactly when the seeker consented"
    );
    if let Some(button) = offered.first() {
        s.click(button).unwrap();
        // The step opens its form; 변경 saves it. The row is re-read from
        // the caseload after the save: at 알선 it offers 알선 no more.
        s.click(&s.find(".step-form .step-save").unwrap()).unwrap();
        let refusal = s
            .wait("the 알선 to be recorded", || {
                let error = s.texts("[role=alert]")?.join("");
                if !error.is_empty() {
                    return Ok(Some(error));
                }
                let still_offered = !s
                    .find_all("#application-rows button[data-step=proposed]")?
                    .is_empty();
                let steps = s.texts("#application-rows ol.steps")?.join("");
                Ok((!still_offered && steps.contains("후보 → 알선")).then(String::new))
            })
            .unwrap();
        assert_eq!(refusal, "", "a consenting seeker's 후보 moves on to 알선");
    }
    shot(&s, "20-seeker-applications");
    s.click(&s.find("#tab-recommend").unwrap()).unwrap();
    cards(&s);
    shot(&s, "21-seeker-recommended-vacancies");

    // The caseload-wide suggestion: pairs with their reasons, nothing recorded.
    s.click(&s.find("#nav-vacancies").unwrap()).unwrap();
    s.click(&s.find("#assignment-open").unwrap()).unwrap();
    let summary = wait_text(&s, "#assignment-summary", "쌍 배정");
    assert!(
        !s.find_all("li.rec").unwrap().is_empty(),
        "the demo caseload has feasible pairs: {summary}"
    );
    let first = s.texts("li.rec:first-child h3").unwrap().join("");
    assert!(first.contains('→'), "a pair: seeker → vacancy, got {first}");
    shot(&s, "22-assignment-suggestions");
    s.quit().unwrap();
}
