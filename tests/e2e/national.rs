//! The server's read-only national page in a real browser (WebKitGTK's
//! MiniBrowser under WebKitWebDriver): three centers in two regions sync
//! their seekers to the real `doyak-server` binary; the administrator puts
//! the centers in regions and issues viewer tokens with the server's CLI;
//! a national viewer, a regional one and a revoked one each open the page.

use crate::harness::{Browser, MINIBROWSER};
use crate::sync::{admin, enroll_and_sync, new_store, start_server};
use crate::webdriver::Session;
use crate::{shot, type_into, wait_text};
use chrono::NaiveDate;
use doyak_domain::seeker::SeekerStatus;
use doyak_domain::{Center, Id, JobSeeker};
use doyak_store::WriteContext;
use serde_json::json;

/// A center, its region, and how many seekers joined in October and in
/// November 2026 (still in the program, so each counts as active).
const CENTERS: [(&str, &str, u32, u32); 3] = [
    ("강남센터", "서울청", 12, 3),
    ("서초센터", "서울청", 2, 8),
    ("북부센터", "부산청", 20, 6),
];

/// An id for test object `n` of kind `kind` (distinct for every pair).
fn id(kind: u8, n: u64) -> Id {
    Id::new_v7(1_760_000_000_000 + n, [kind; 10])
}

fn seeker(center: &Center, i: u8, n: u32, month: u32) -> JobSeeker {
    JobSeeker {
        status: SeekerStatus::Consulting,
        enrolled_on: NaiveDate::from_ymd_opt(2026, month, 3 + n % 20),
        ..JobSeeker::intake(
            id(i + 1, u64::from(month * 100 + n)),
            center.id,
            format!("참여자{n}"),
        )
    }
}

/// The page's table cell of `metric` for the row named `row` and `month`.
fn cell(s: &Session, metric: &str, row: &str, month: &str) -> String {
    let v = s
        .script(
            "const [metric, row, month] = arguments;
             const table = document.querySelector(`section[data-metric='${metric}'] table`);
             const col = Array.from(table.tHead.rows[0].cells).findIndex(c => c.textContent === month);
             const tr = Array.from(table.tBodies[0].rows).find(r => r.cells[0].textContent.trim() === row);
             return tr ? tr.cells[col].textContent : null;",
            json!([metric, row, month]),
        )
        .unwrap();
    v.as_str().unwrap_or("(없음)").to_owned()
}

/// Opens the page, gives the token and the period, and waits for the answer.
fn ask(s: &Session, page: &str, token: &str) {
    s.go(page).unwrap();
    type_into(s, "#token", token);
    type_into(s, "#from", "2026-10");
    type_into(s, "#to", "2026-11");
    s.click(&s.find("#show").unwrap()).unwrap();
    s.wait("the answer", || {
        let state = s.script(
            "return document.getElementById('result').dataset.state;",
            json!([]),
        )?;
        Ok((state == json!("ready") || state == json!("error")).then_some(()))
    })
    .unwrap();
}

#[test]
fn the_national_page_shows_each_viewer_its_scope_with_small_counts_hidden() {
    let browser = Browser::start();
    let dir = browser.dir.path();
    let server = start_server(dir);
    for (i, (name, region, october, november)) in CENTERS.iter().enumerate() {
        let i = i as u8;
        let center = Center {
            id: id(100 + i, 0),
            name: (*name).into(),
            sigungu: None,
        };
        let id = center.id.to_string();
        admin(
            &server.data,
            &["center", "--id", &id, "--name", name, "--region", region],
        );
        let mut store = new_store(dir, &format!("desk-{i}"), &center);
        let ctx = WriteContext::new(chrono::Utc::now(), "e2e");
        store
            .write(&ctx, |w| {
                for n in 0..*october {
                    w.insert(&seeker(&center, i, n, 10))?;
                }
                for n in 0..*november {
                    w.insert(&seeker(&center, i, n, 11))?;
                }
                Ok(())
            })
            .unwrap();
        enroll_and_sync(&mut store, name, &center, &server);
    }
    let national = admin(
        &server.data,
        &[
            "viewer",
            "--name",
            "고용노동부 고용서비스정책과",
            "--national",
        ],
    );
    let busan = admin(
        &server.data,
        &[
            "viewer",
            "--name",
            "부산청 고용센터과",
            "--region",
            "부산청",
        ],
    );
    assert!(national.starts_with("doyak_vt1_") && busan.starts_with("doyak_vt1_"));
    let page = format!("{}/national", server.url);

    let s = Session::browse(&browser.url, MINIBROWSER).expect("the browser starts");
    s.set_window_size(1366, 900).unwrap();
    ask(&s, &page, &national);
    wait_text(&s, "#status", "전국 · 2026-10 ~ 2026-11 · 센터 3곳");
    let seekers = "active_seekers";
    // October: 34 = 서울청 14 (12 + 2) + 부산청 20. The 2 is hidden, and
    // the 12 with it: 14 − 12 would give it away.
    assert_eq!(cell(&s, seekers, "전국", "2026-10"), "34");
    assert_eq!(cell(&s, seekers, "서울청", "2026-10"), "14");
    assert_eq!(cell(&s, seekers, "부산청", "2026-10"), "20");
    assert_eq!(cell(&s, seekers, "서초센터", "2026-10"), "5명 미만");
    assert_eq!(cell(&s, seekers, "강남센터", "2026-10"), "비공개");
    assert_eq!(cell(&s, seekers, "북부센터", "2026-10"), "20");
    // November: 서울청 11 = 3 + 8: the 3 hidden, the 8 protecting it.
    assert_eq!(cell(&s, seekers, "전국", "2026-11"), "17");
    assert_eq!(cell(&s, seekers, "강남센터", "2026-11"), "5명 미만");
    assert_eq!(cell(&s, seekers, "서초센터", "2026-11"), "비공개");
    assert_eq!(
        cell(&s, "placements", "전국", "2026-10"),
        "0",
        "no one placed yet"
    );
    wait_text(
        &s,
        "section[data-metric='placements'] .empty",
        "집계된 것이 없습니다",
    );
    assert_eq!(
        s.find_all("#result section.metric svg.chart rect.bar")
            .unwrap()
            .len(),
        2,
        "the nation's two months of seekers drawn (no bar for a 0)"
    );
    shot(&s, "95-national-page");

    // The desk's figures, month by month: 신규 참여자 is every seeker who
    // joined that month (34 in October), and 서초센터's 2 are hidden.
    s.wait("the figures", || {
        let state = s.script(
            "return document.getElementById('result').dataset.figures;",
            json!([]),
        )?;
        Ok((state == json!("ready")).then_some(()))
    })
    .unwrap();
    crate::choose(&s, "figure", "seekers_new");
    let figure = |row: &str, month: &str| {
        let v = s
            .script(
                "const [row, month] = arguments;
                 const table = document.querySelector('#figures table');
                 const col = Array.from(table.tHead.rows[0].cells).findIndex(c => c.textContent === month);
                 const tr = Array.from(table.tBodies[0].rows).find(r => r.cells[0].textContent.trim() === row);
                 return tr ? tr.cells[col].textContent : null;",
                json!([row, month]),
            )
            .unwrap();
        v.as_str().unwrap_or("(없음)").to_owned()
    };
    wait_text(&s, "#figures h2", "신규 참여자");
    assert_eq!(figure("전국", "2026-10"), "34명");
    assert_eq!(figure("서초센터", "2026-10"), "5명 미만");
    assert_eq!(figure("북부센터", "2026-11"), "6명");
    s.script(
        "document.getElementById('figures-part').scrollIntoView(); return null;",
        json!([]),
    )
    .unwrap();
    shot(&s, "98-national-figures");

    ask(&s, &page, &busan);
    wait_text(&s, "#status", "지역: 부산청");
    assert_eq!(cell(&s, seekers, "부산청", "2026-11"), "6");
    assert_eq!(cell(&s, seekers, "북부센터", "2026-11"), "6");
    assert_eq!(
        cell(&s, seekers, "전국", "2026-10"),
        "(없음)",
        "not the nation"
    );
    assert_eq!(
        cell(&s, seekers, "강남센터", "2026-10"),
        "(없음)",
        "not 서울청"
    );
    shot(&s, "96-national-page-region");

    let listed = admin(&server.data, &["viewers"]);
    let busan_id = listed
        .lines()
        .find(|l| l.contains("부산청 고용센터과"))
        .and_then(|l| l.split('\t').next())
        .expect("the regional viewer is listed")
        .to_owned();
    assert!(listed.contains("사용 중"), "{listed}");
    admin(&server.data, &["revoke-viewer", "--viewer", &busan_id]);
    assert!(admin(&server.data, &["viewers"]).contains("폐기됨"));
    ask(&s, &page, &busan);
    let refused = wait_text(&s, "#status", "폐기");
    assert!(
        s.find_all("section.metric").unwrap().is_empty(),
        "nothing shown to a revoked token: {refused}"
    );
    shot(&s, "97-national-page-revoked");
    s.quit().unwrap();
}
