//! The desk's speed with a large caseload, measured through the real app
//! (not a timed test: run on demand by scripts/bench-desk.sh, figures go to
//! docs/benchmarks.md). Ignored in the normal test run.

use crate::harness::Desk;
use crate::webdriver::Session;
use crate::{try_unlock, wait_text};
use doyak_app::{Desk as Caseload, NewCaseload, Passphrase, SystemClock};
use serde_json::json;
use std::sync::Arc;
use std::time::Instant;

const PASS: &str = "벤치마크 암호 1234";

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Clicks `button` and returns the milliseconds until the first row of the
/// seeker list changed and was painted (measured inside the page).
const CLICK_AND_WAIT: &str = r#"
const [button, done] = [arguments[0], arguments[arguments.length - 1]];
const first = () => document.querySelector('#seeker-rows tr')?.dataset.id;
const before = first();
const t0 = performance.now();
document.querySelector(button).click();
const check = () => first() !== before
  ? requestAnimationFrame(() => done(performance.now() - t0))
  : setTimeout(check, 1);
check();
"#;

/// Types `text` into the search box (one input event, as a paste or the last
/// keystroke) and returns the milliseconds until the count shows the answer.
const SEARCH_AND_WAIT: &str = r#"
const [text, done] = [arguments[0], arguments[arguments.length - 1]];
const count = () => document.getElementById('seeker-count').textContent;
const before = count();
const input = document.getElementById('seeker-search');
const t0 = performance.now();
input.value = text;
input.dispatchEvent(new Event('input', { bubbles: true }));
const check = () => count() !== before
  ? requestAnimationFrame(() => done(performance.now() - t0))
  : setTimeout(check, 1);
check();
"#;

#[test]
#[ignore = "benchmark: run scripts/bench-desk.sh"]
fn bench_desk_with_a_large_caseload() {
    let n: u32 = std::env::var("DOYAK_BENCH_SEEKERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let desk = Desk::start();
    let path = desk.caseload();
    let t = Instant::now();
    let mut caseload = Caseload::create(
        &path,
        &Passphrase::new(PASS),
        &NewCaseload {
            center_name: "벤치마크센터".into(),
            center_sigungu: Some("41273".into()),
        },
        Arc::new(SystemClock),
    )
    .unwrap();
    let spec = caseload.demo_spec(n, n / 8, 7).unwrap();
    caseload.generate_demo(&spec, &mut |_, _| {}).unwrap();
    drop(caseload);
    eprintln!(
        "generated {n} seekers in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let args = vec!["--db".to_owned(), path.display().to_string()];
    let (mut launch, mut unlock, mut list) = (Vec::new(), Vec::new(), Vec::new());
    let (mut pages, mut searches) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let t0 = Instant::now();
        let s = Session::start(&desk.url, &desk.app, &args).unwrap();
        s.find("#passphrase").unwrap();
        launch.push(t0.elapsed().as_secs_f64() * 1000.0);
        let t1 = Instant::now();
        assert_eq!(try_unlock(&s, PASS), "");
        unlock.push(t1.elapsed().as_secs_f64() * 1000.0);
        let t2 = Instant::now();
        s.click(&s.find("#nav-seekers").unwrap()).unwrap();
        wait_text(&s, "#seeker-count", &format!("{}명 중 1–50", thousands(n)));
        list.push(t2.elapsed().as_secs_f64() * 1000.0);
        for _ in 0..5 {
            let ms = s
                .script_async(CLICK_AND_WAIT, json!(["#pager-next"]))
                .unwrap();
            pages.push(ms.as_f64().unwrap_or(f64::NAN));
        }
        for q in ["ㄱㅁㅅ", "김민", "ㅇㅈ", "박", "이영"] {
            let ms = s.script_async(SEARCH_AND_WAIT, json!([q])).unwrap();
            searches.push(ms.as_f64().unwrap_or(f64::NAN));
        }
        s.quit().unwrap();
    }
    let (l, u, li) = (median(launch), median(unlock), median(list));
    println!("| measure ({n} seekers, median of 3 starts) | figure | goal |");
    println!("|---|---|---|");
    println!("| launch to unlock screen (process start, WebKit, page) | {l:.0} ms | — |");
    println!("| unlock (key derivation + open + summary) to 오늘 할 일 | {u:.0} ms | — |");
    println!("| 구직자 menu to first page shown | {li:.0} ms | — |");
    println!(
        "| cold start to an interactive seeker list (sum) | {:.0} ms | < 1500 ms |",
        l + u + li
    );
    println!(
        "| next page (click to painted rows), median of 15 | {:.1} ms | < 50 ms |",
        median(pages.clone())
    );
    println!(
        "| next page, worst of 15 | {:.1} ms | — |",
        pages.iter().cloned().fold(0.0, f64::max)
    );
    println!(
        "| search (input to painted count), median of 15 | {:.1} ms | < 50 ms |",
        median(searches.clone())
    );
    println!(
        "| search, worst of 15 | {:.1} ms | — |",
        searches.iter().cloned().fold(0.0, f64::max)
    );
}

fn thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
