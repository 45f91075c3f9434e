//! The screens added for a counselor's whole day, at the two window sizes
//! counselors have (a 1366×768 laptop, a 1920×1080 desk monitor): nothing
//! spills out of its box or makes the page scroll sideways, and each screen
//! is photographed for a person to look at (target/screenshots/5x-*).

use crate::webdriver::Session;
use crate::{Desk, click, open_demo, shot, wait_text};
use serde_json::json;

const CTRL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";
const ESCAPE: &str = "\u{E00C}";

/// Elements whose content is wider than their box and shows outside it
/// (overflow visible), the page itself scrolling sideways, and table cells
/// not laid out as cells. Tables in
/// their own scrolling wrapper and clipped text are not spills.
const SPILLS: &str = r#"
const out = [];
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth + 1) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
for (const el of document.querySelectorAll('main *, .dialog *, .overlay *, header.top *')) {
  const style = getComputedStyle(el);
  if (style.display === 'inline' || style.overflowX !== 'visible') continue;
  if (el.clientWidth === 0) continue;
  if (el.scrollWidth > el.clientWidth + 1) {
    const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    out.push(`${name} ${el.scrollWidth} > ${el.clientWidth}: ${el.textContent.trim().slice(0, 40)}`);
  }
}
// A table cell laid out as anything but a cell (flex, block) leaves the
// row's borders and height broken.
for (const cell of document.querySelectorAll('main td, main th')) {
  const display = getComputedStyle(cell).display;
  if (display !== 'table-cell' && display !== 'none') {
    out.push(`${cell.tagName.toLowerCase()}.${[...cell.classList].join('.')} is display ${display}`);
  }
}
return out;
"#;

fn spills(s: &Session) -> Vec<String> {
    let found = s.script(SPILLS, json!([])).unwrap();
    found
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// Photographs the screen and says what spills, under `name`.
fn look(s: &Session, name: &str, problems: &mut Vec<String>) {
    shot(s, name);
    problems.extend(spills(s).into_iter().map(|p| format!("{name}: {p}")));
}

#[test]
fn the_new_screens_fit_at_both_window_sizes() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    wait_text(&s, "#today-title", "오늘 할 일");
    // The check itself sees a spill: an unbroken word in a narrow box.
    s.script(
        "const d = document.createElement('div'); d.id = 'spill-probe'; d.style.width = '80px';\
         d.textContent = 'x'.repeat(200); document.getElementById('main').prepend(d);",
        json!([]),
    )
    .unwrap();
    let probe = spills(&s);
    assert!(
        probe.iter().any(|p| p.starts_with("#spill-probe")),
        "{probe:?}"
    );
    s.script(
        "document.getElementById('spill-probe').remove();",
        json!([]),
    )
    .unwrap();

    let mut problems = Vec::new();
    for (width, height) in [(1366, 768), (1920, 1080)] {
        s.set_window_size(width, height).unwrap();
        let at = |screen: &str| format!("5x-{screen}-{width}");
        click(&s, "#nav-today");
        wait_text(&s, "#today-applications-title", "결과 대기 중인 알선");
        look(&s, &at("today"), &mut problems);

        // 통합 검색 with results in all three groups.
        s.press(&format!("{CTRL}k{RELEASE}")).unwrap();
        let search = s.find("#quick-input").unwrap();
        s.type_text(&search, "김").unwrap();
        wait_text(&s, "#quick-results", "구직자");
        look(&s, &at("quick-search"), &mut problems);
        s.press(ESCAPE).unwrap();

        // The desk's counselor.
        click(&s, "#counselor-open");
        wait_text(&s, "#counselor-title", "이 데스크의 상담사");
        look(&s, &at("counselor"), &mut problems);
        click(&s, "#counselor-cancel");

        // A seeker with a case file: the first 오늘 할 일 알선's.
        click(&s, "#nav-today");
        wait_text(&s, "#today-applications-title", "결과 대기 중인 알선");
        click(
            &s,
            "#today-applications tbody tr:first-child td.name button",
        );
        wait_text(&s, "#seeker-title", "");
        click(&s, "#tab-sessions");
        click(&s, ".timeline .correct-note");
        wait_text(&s, "#session-correcting", "원래 기록은 지워지지 않고");
        look(&s, &at("correction"), &mut problems);

        click(&s, "#tab-iap");
        click(&s, "#iap-rows .iap-edit");
        wait_text(&s, "#iap-save", "수정 저장");
        look(&s, &at("iap-edit"), &mut problems);

        click(&s, "#tab-referrals");
        click(&s, "#referral-add");
        s.find("#referral-form").unwrap();
        look(&s, &at("referral-form"), &mut problems);

        click(&s, "#tab-applications");
        s.find("#application-rows").unwrap();
        look(&s, &at("applications"), &mut problems);

        click(&s, "#tab-diagnosis");
        wait_text(&s, "#diagnosis-summary", "직업 프로필");
        look(&s, &at("diagnosis"), &mut problems);
    }
    assert!(
        problems.is_empty(),
        "content spills out of its box:\n{}",
        problems.join("\n")
    );
    s.quit().unwrap();
}
