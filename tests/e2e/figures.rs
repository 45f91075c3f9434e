//! 성과 on the demo caseload: the headline figures with their change and
//! definition, the list behind a row of the breakdown opening a seeker,
//! and the workbook and the PDF report saved to the download folder.

use crate::{Desk, click, open_demo, shot, wait_text};
use serde_json::json;

/// Brings an element into view inside the page's own scrolling panel.
fn scroll_to(s: &crate::webdriver::Session, id: &str) {
    s.script(
        "document.getElementById(arguments[0]).scrollIntoView({block: 'start'}); return null;",
        json!([id]),
    )
    .unwrap();
}

#[test]
fn performance_shows_figures_lists_who_is_behind_one_and_saves_a_workbook_and_a_pdf() {
    let desk = Desk::start();
    let s = open_demo(&desk);
    click(&s, "#nav-kpi");
    let card = wait_text(&s, "#kpi-card-seekers_new", "n =");
    assert!(card.contains("신규 참여자"), "{card}");
    // Each headline carries its definition for the hover, and its change
    // against the months before.
    let title = s
        .script(
            "return document.getElementById('kpi-card-seekers_new').title;",
            json!([]),
        )
        .unwrap();
    assert!(
        title.as_str().is_some_and(|t| t.contains("참여")),
        "{title}"
    );
    let change = s
        .texts("#kpi-card-seekers_new .kpi-change")
        .unwrap()
        .join("");
    assert!(
        ["▲", "▼", "변동 없음", "비교 불가"]
            .iter()
            .any(|w| change.contains(w)),
        "{change}"
    );
    wait_text(&s, "#kpi-funnel-stage_diagnosis", "명");
    wait_text(&s, "#kpi-trend", "월별 추이");
    // The charts are drawn (uPlot's canvas), not only their tables.
    s.find("#kpi-trend .uplot canvas")
        .expect("the trend chart is drawn");
    s.find("#kpi-retention .uplot canvas")
        .expect("the retention chart is drawn");
    shot(&s, "90-performance");
    scroll_to(&s, "kpi-trend");
    shot(&s, "91-performance-charts");

    // The breakdown by counselor: its first row lists the seekers behind it,
    // as many as the row counts (up to a page), and one opens.
    let rows = s.texts("#kpi-breakdown tbody tr td:first-of-type").unwrap();
    assert!(!rows.is_empty(), "a demo center has counselors' rows");
    let first_n: u32 = rows[0]
        .trim_end_matches('명')
        .replace(',', "")
        .parse()
        .unwrap();
    click(&s, "#kpi-breakdown tbody tr:first-child th button");
    let heading = wait_text(&s, "#kpi-members-title", &format!("{first_n}명"));
    assert!(heading.contains("신규 참여자"), "{heading}");
    scroll_to(&s, "kpi-members");
    shot(&s, "92-performance-list");
    let name = s.texts("#kpi-members tbody td button").unwrap()[0]
        .trim()
        .to_owned();
    click(&s, "#kpi-members tbody tr:first-child td button");
    wait_text(&s, "#seeker-title", &name);

    // Back to 성과: the workbook lands in the download folder.
    click(&s, "#nav-kpi");
    wait_text(&s, "#kpi-card-seekers_new", "n =");
    click(&s, "#kpi-xlsx");
    wait_text(&s, "#kpi-note", ".xlsx");
    let saved: Vec<_> = std::fs::read_dir(desk.dir.path().join("downloads"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let bytes = std::fs::read(&saved[0]).unwrap();
    assert!(bytes.starts_with(b"PK"), "an XLSX is a zip");
    // And the 성과 보고서 as a PDF beside it.
    click(&s, "#kpi-pdf");
    wait_text(&s, "#kpi-note", ".pdf");
    let pdf: Vec<_> = std::fs::read_dir(desk.dir.path().join("downloads"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert_eq!(pdf.len(), 1, "{pdf:?}");
    assert!(std::fs::read(&pdf[0]).unwrap().starts_with(b"%PDF"));
    s.quit().unwrap();
}
