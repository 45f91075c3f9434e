//! 개인정보: a counselor withdraws a seeker's 수집·이용 consent on the
//! 개인정보 tab. The desk shows what will be destroyed, waits for the tick
//! that says it cannot be undone, destroys, and the page shows the person
//! gone: no name in the title or the list, and when and why on the tab.

use crate::{Desk, click, open_demo, open_first_seeker, shot, type_into, wait_text};
use serde_json::json;

#[test]
fn withdrawing_consent_destroys_the_person_only_after_the_tick() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    let name = open_first_seeker(&s);
    click(&s, "#tab-privacy");
    wait_text(&s, "#consent-rows", "수집·이용");
    wait_text(&s, "#privacy-retention", "확인 필요");
    // Opening the page is in the access log, with who looked.
    wait_text(&s, "#privacy-access", "열람");
    shot(&s, "70-seeker-consent");
    // The form to print and sign, with the person's name, saved as a new PDF.
    click(&s, "#consent-form-save");
    wait_text(&s, "#consent-form-saved", "동의서를 저장했습니다");

    click(
        &s,
        "#consent-rows tr[data-purpose=counseling] .consent-withdraw",
    );
    wait_text(&s, "#withdraw-preview", "파기할 정보");
    let disabled = s
        .script(
            "return document.getElementById('withdraw-go').disabled;",
            json!([]),
        )
        .unwrap();
    assert_eq!(
        disabled,
        json!(true),
        "nothing is destroyed before the tick"
    );
    shot(&s, "71-destruction-confirm");
    click(&s, "#withdraw-tick");
    click(&s, "#withdraw-go");
    wait_text(&s, "#privacy-destroyed", "파기되었습니다");
    wait_text(&s, "#seeker-title", "(파기됨)");
    // Nothing more can be recorded: the page offers no action.
    wait_text(&s, "#seeker-destroyed", "더 기록할 수 없습니다");
    assert!(s.find_all("#session-add").unwrap().is_empty());
    shot(&s, "72-seeker-destroyed");

    // The administrator's view: every access on this desk, the chain checked.
    click(&s, "#nav-data");
    // A backup needs the caseload's passphrase (the desk does not keep it).
    type_into(&s, "#backup-passphrase", "demo");
    click(&s, "#backup-run");
    wait_text(&s, "#backup-outcome", "백업했습니다");
    wait_text(&s, "#access-all", "파기");
    click(&s, "#access-all-verify");
    wait_text(&s, "#access-all-verdict", "모두 이어져 있습니다");
    s.script(
        "document.getElementById('access-title').scrollIntoView({block: 'start'});",
        json!([]),
    )
    .unwrap();
    shot(&s, "73-access-log");

    // The list and the search no longer know the name.
    click(&s, "#nav-seekers");
    wait_text(&s, "#seeker-count", "명");
    let names = s.texts("#seeker-rows td.name").unwrap();
    assert!(
        names.iter().all(|n| n.trim() != name),
        "{name} still listed: {names:?}"
    );
}
