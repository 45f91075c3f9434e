//! 공고 점검 on a vacancy's page: the counselor writes the firm's 공고 본문
//! in the vacancy form, and the check finds the wording the law forbids
//! with its article, marked in the text.

use crate::{Desk, click, open_demo, shot, type_into, wait_text};

#[test]
fn a_posting_with_an_age_band_a_sex_preference_and_looks_is_flagged_with_the_law() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    click(&s, "#nav-vacancies");
    wait_text(&s, "#vacancy-count", "건");
    click(&s, "#vacancy-rows .vacancy-title button");
    wait_text(&s, "#vacancy-places", "남은 자리");
    click(&s, "#vacancy-edit");
    type_into(
        &s,
        "#f-posting_text",
        "30대 남성 우대. 용모단정한 분. 제품 조립과 포장, 출고 전 검수를 맡습니다.",
    );
    click(&s, "#vacancy-form-save");
    wait_text(&s, "#vacancy-places", "남은 자리");
    click(&s, "#tab-posting");
    let findings = wait_text(&s, "#posting-findings", "성별");
    for (label, law) in [
        ("연령", "제4조의4"),
        ("성별", "남녀고용평등"),
        ("용모", "제7조 제2항"),
    ] {
        assert!(
            findings.contains(label) && findings.contains(law),
            "{label} with {law}: {findings}"
        );
    }
    let marked = s
        .texts("#posting-texts dd[data-field='description'] mark")
        .unwrap();
    // "30대 남성" is the age finding; the sex finding inside it is not
    // marked twice.
    assert_eq!(marked, ["30대 남성", "용모단정"], "{marked:?}");
    shot(&s, "75-vacancy-posting-check");

    // The 공고 초안 from the vacancy's own fields replaces the text: the
    // check now finds none of that wording.
    click(&s, "#posting-draft");
    let draft = s
        .wait("the draft", || {
            let v = s.script(
                "const t = document.getElementById('posting-draft-text'); return t ? t.value : null;",
                serde_json::json!([]),
            )?;
            Ok(v.as_str().map(str::to_owned))
        })
        .unwrap();
    assert!(
        draft.contains("■ 하는 일") && draft.contains("■ 근무 조건"),
        "{draft}"
    );
    assert!(
        !draft.contains("30대") && !draft.contains("남성"),
        "{draft}"
    );
    shot(&s, "76-vacancy-posting-draft");
    click(&s, "#posting-draft-save");
    wait_text(
        &s,
        "#posting-texts dd[data-field='description']",
        "■ 하는 일",
    );
    for gone in ["age_limit", "sex_preference", "appearance"] {
        let left = s
            .find_all(&format!("#posting-findings li[data-code='{gone}']"))
            .unwrap();
        assert!(left.is_empty(), "{gone} is gone once the draft is saved");
    }
}
