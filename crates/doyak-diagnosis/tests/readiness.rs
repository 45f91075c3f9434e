//! The questionnaire: scoring by hand-computed examples, and every way a
//! half-filled or contradictory form is refused with the item numbers.

use doyak_diagnosis::readiness::{
    AnswerError, Answers, Questionnaire, READINESS_FORM, questionnaire, score,
};

/// Every asked item answered: Likert items `likert`, yes/no items 아니오.
fn all(likert: u8) -> Answers {
    let form = questionnaire().current(READINESS_FORM).expect("form");
    form.items
        .iter()
        .filter(|i| i.depends_on.is_none())
        .map(|i| {
            let v = match i.kind {
                doyak_diagnosis::readiness::ItemKind::Likert5 => likert,
                doyak_diagnosis::readiness::ItemKind::YesNo => 0,
            };
            (i.id.clone(), v)
        })
        .collect()
}

#[test]
fn scores_follow_the_mean_answer_with_reversed_items_turned_round() {
    // All 3s: every item, reversed or not, counts 3 → (3 − 1) / 4 = 50.
    let r = score(READINESS_FORM, 1, &all(3)).expect("complete");
    assert!(
        r.scales
            .iter()
            .all(|s| s.score == 50 && s.level_ko == "보통"),
        "{:?}",
        r.scales
    );
    assert!(
        r.barriers.is_empty(),
        "no 예, no scale low: {:?}",
        r.barriers
    );
    assert_eq!((r.form.as_str(), r.version), (READINESS_FORM, 1));
    assert_eq!(
        r.sha256.len(),
        64,
        "the result names the exact form content"
    );

    // Motivation m1, m2, m4 = 5 and the reversed m3 = 1 (never puts it
    // off) → all count 5 → 100, 높음.
    let mut a = all(3);
    for (id, v) in [("m1", 5), ("m2", 5), ("m3", 1), ("m4", 5)] {
        a.insert(id.into(), v);
    }
    let r = score(READINESS_FORM, 1, &a).expect("complete");
    let m = r
        .scales
        .iter()
        .find(|s| s.id == "motivation")
        .expect("scale");
    assert_eq!((m.score, m.level_ko.as_str()), (100, "높음"));

    // The same answers with m3 = 5 (always puts it off): 5, 5, 1, 5 → mean
    // 4 → 75, still 높음 at the band's edge (75 is 높음 from).
    a.insert("m3".into(), 5);
    let r = score(READINESS_FORM, 1, &a).expect("complete");
    let m = r
        .scales
        .iter()
        .find(|s| s.id == "motivation")
        .expect("scale");
    assert_eq!((m.score, m.level_ko.as_str()), (75, "높음"));
}

#[test]
fn a_low_scale_or_a_yes_shows_a_barrier_with_where_it_leads() {
    let mut a = all(3);
    // Motivation all 1 (m3 reversed: 5) → 0, below 25: 구직 의욕 barrier.
    for (id, v) in [("m1", 1), ("m2", 1), ("m3", 5), ("m4", 1)] {
        a.insert(id.into(), v);
    }
    a.insert("b7".into(), 1); // debt
    a.insert("b5".into(), 1); // care
    a.insert("b6".into(), 1); // its follow-up
    let r = score(READINESS_FORM, 1, &a).expect("complete");
    let ids: Vec<&str> = r.barriers.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["care", "debt", "motivation"], "in barriers.csv order");
    let care = &r.barriers[0];
    assert_eq!(
        care.because.len(),
        2,
        "the question and its follow-up: {:?}",
        care.because
    );
    let debt = &r.barriers[1];
    assert!(
        debt.referrals
            .iter()
            .any(|x| x.partner_type.as_deref() == Some("finance")),
        "debt leads to 서민금융통합지원센터: {:?}",
        debt.referrals
    );
    assert!(
        r.barriers[2].because[0].contains("구직 동기"),
        "{:?}",
        r.barriers[2].because
    );
}

#[test]
fn a_half_filled_form_names_every_item_still_to_answer() {
    let mut a = all(3);
    a.remove("s2");
    a.remove("b9");
    let form = questionnaire().current(READINESS_FORM).expect("form");
    let progress = form.check(&a).expect("what is there is fine");
    assert_eq!(progress.required - progress.answered, 2);
    // s2 is item 6, b9 is item 25 in the form's order.
    assert_eq!(
        score(READINESS_FORM, 1, &a),
        Err(AnswerError::Incomplete {
            numbers: vec![6, 25]
        })
    );
    let text = score(READINESS_FORM, 1, &a)
        .expect_err("incomplete")
        .to_string();
    assert_eq!(text, "답하지 않은 문항이 있습니다: 6번, 25번");
}

#[test]
fn a_follow_up_is_asked_only_after_yes() {
    let mut a = all(3);
    a.insert("b5".into(), 1);
    assert_eq!(
        score(READINESS_FORM, 1, &a),
        Err(AnswerError::Incomplete { numbers: vec![22] }),
        "care duties 예 (21) asks its follow-up (22)"
    );
    a.insert("b5".into(), 0);
    a.insert("b6".into(), 1);
    let err = score(READINESS_FORM, 1, &a).expect_err("contradiction");
    assert_eq!(
        err,
        AnswerError::Contradiction {
            number: 22,
            parent: 21
        }
    );
    assert!(
        err.to_string()
            .contains("21번을 '예'로 고치거나 22번의 답을 지우세요")
    );
}

#[test]
fn out_of_range_unknown_items_and_unknown_forms_are_refused() {
    let mut a = all(3);
    a.insert("m1".into(), 6);
    assert_eq!(
        score(READINESS_FORM, 1, &a),
        Err(AnswerError::OutOfRange {
            number: 1,
            value: 6,
            min: 1,
            max: 5
        })
    );
    let mut a = all(3);
    a.insert("b1".into(), 2);
    assert!(matches!(
        score(READINESS_FORM, 1, &a),
        Err(AnswerError::OutOfRange { min: 0, max: 1, .. })
    ));
    let mut a = all(3);
    a.insert("zz".into(), 1);
    assert_eq!(
        score(READINESS_FORM, 1, &a),
        Err(AnswerError::UnknownItem { item: "zz".into() })
    );
    assert!(matches!(
        score(READINESS_FORM, 9, &all(3)),
        Err(AnswerError::UnknownForm { .. })
    ));
}

#[test]
fn an_edited_item_file_without_a_new_version_is_refused() {
    let asset = |f: &str| {
        std::fs::read_to_string(format!(
            "{}/../../assets/diagnosis/{f}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("asset")
    };
    let (forms, scales, barriers, referrals) = (
        asset("forms.csv"),
        asset("readiness_scales.csv"),
        asset("barriers.csv"),
        asset("barrier_referrals.csv"),
    );
    let text = asset("forms/doyak-readiness-1.csv");
    let parse = |items: &str| {
        Questionnaire::parse(
            &forms,
            &[(READINESS_FORM, 1, items)],
            &scales,
            &barriers,
            &referrals,
        )
    };
    assert!(parse(&text).is_ok(), "the file as shipped loads");
    // One word changed under the same version: refused, and told to make a
    // new version, so a stored result always meets the items it answered.
    let edited = text.replacen("중요하다", "매우 중요하다", 1);
    let err = parse(&edited).expect_err("an edited form under an old version");
    assert!(err.contains("새 판으로 만드세요"), "{err}");
}

#[test]
fn without_consent_to_sensitive_data_the_health_items_are_not_asked_and_cannot_be_answered() {
    let form = questionnaire().current(READINESS_FORM).expect("form");
    let sensitive = form.sensitive_items();
    // 건강 (b2), 정신건강 (b3) and its follow-up (b4): 제23조's 건강.
    assert_eq!(sensitive, ["b2", "b3", "b4"]);

    let mut without: Answers = all(3);
    for id in &sensitive {
        without.remove(*id);
    }
    // Without consent: complete without them, and no health barrier.
    let progress = form.check_given(&without, false).expect("fine");
    assert_eq!(progress.required, progress.answered);
    let r = form
        .score_given(&without, false)
        .expect("complete without them");
    assert!(
        r.barriers
            .iter()
            .all(|b| b.id != "health" && b.id != "mental_health")
    );
    // Not even from a low 심리적 안정 scale (its barrier is 정신건강): the
    // scale's score is shown, the health barrier is not inferred.
    let mut low = without.clone();
    for item in form
        .items
        .iter()
        .filter(|i| i.scale.as_deref() == Some("stability"))
    {
        low.insert(item.id.clone(), if item.reverse { 5 } else { 1 });
    }
    let r = form.score_given(&low, false).expect("complete");
    let stability = r
        .scales
        .iter()
        .find(|s| s.id == "stability")
        .expect("scale");
    assert_eq!(stability.level_ko, "낮음");
    assert!(
        r.barriers.iter().all(|b| b.id != "mental_health"),
        "{:?}",
        r.barriers
    );
    let mut with = low.clone();
    with.insert("b2".into(), 0);
    with.insert("b3".into(), 0);
    let r = form.score_given(&with, true).expect("complete with them");
    assert!(
        r.barriers.iter().any(|b| b.id == "mental_health"),
        "with consent the low scale shows it: {:?}",
        r.barriers
    );
    // With consent the same answers are incomplete: b2 (item 18) and b3
    // (item 19) are asked; b4 only after b3 예.
    assert_eq!(
        form.score_given(&without, true),
        Err(AnswerError::Incomplete {
            numbers: vec![18, 19]
        })
    );
    // An answer to one without consent is refused by its number, draft or not.
    let mut answered = without.clone();
    answered.insert("b2".into(), 1);
    let refused = form.check_given(&answered, false).expect_err("sensitive");
    assert_eq!(refused, AnswerError::Sensitive { number: 18 });
    assert!(refused.to_string().contains("민감정보 처리 동의"));
    assert_eq!(
        form.score_given(&answered, false),
        Err(AnswerError::Sensitive { number: 18 })
    );
}

#[test]
fn a_stored_result_without_the_health_items_scores_as_given_without_consent() {
    let mut without = all(3);
    for id in ["b2", "b3", "b4"] {
        without.remove(id);
    }
    without.insert("b7".into(), 1);
    let r = score(READINESS_FORM, 1, &without).expect("scored as asked: without them");
    let ids: Vec<&str> = r.barriers.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["debt"]);
    // One health item there means they were asked: the other is missing.
    without.insert("b2".into(), 0);
    assert_eq!(
        score(READINESS_FORM, 1, &without),
        Err(AnswerError::Incomplete { numbers: vec![19] })
    );
}
