//! Roles over HTTP: a device reads its own center's counts; a regional
//! viewer its region's; a national viewer everything; a revoked or expired
//! viewer nothing; a viewer's token never syncs. The log line names the
//! viewer, never the token.

use crate::front::{Front, capture_log, front};
use chrono::{Duration, Utc};
use doyak_server::http::HttpLimits;
use doyak_server::model::ViewerScope;
use doyak_server::viewer::ViewerToken;
use serde_json::{Value, json};
use uuid::Uuid;

const HOME: &str = "192.0.2.20";
const PATH: &str = "/stats/counts?from=2026-01&to=2026-12";

fn counts(front: &Front, token: &str) -> crate::front::Answer {
    let bearer = format!("Bearer {token}");
    front.call(HOME, "get", PATH, &[("authorization", &bearer)], b"")
}

fn viewer(front: &Front, scope: ViewerScope, days: Option<i64>) -> (Uuid, ViewerToken) {
    let (row, token) = front
        .service
        .issue_viewer("열람자", scope, days.map(Duration::days), Utc::now())
        .unwrap();
    (row.viewer_id, token)
}

/// The front's center in 서울청, a second center in 부산청.
fn two_regions(front: &Front) -> Uuid {
    let other = Uuid::now_v7();
    front.service.put_center(other, "동부센터").unwrap();
    front
        .service
        .set_center_region(front.center, Some("서울청"))
        .unwrap();
    front
        .service
        .set_center_region(other, Some("부산청"))
        .unwrap();
    other
}

fn center_ids(body: &Value) -> Vec<String> {
    let mut ids: Vec<String> = body["centers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["center_id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[test]
fn each_role_reads_its_own_scope_and_nothing_more() {
    let front = front(HttpLimits::default(), &[]);
    let other = two_regions(&front);
    let device = front.enroll(HOME, Uuid::now_v7());
    let (_, seoul) = viewer(&front, ViewerScope::Region("서울청".into()), None);
    let (_, nation) = viewer(&front, ViewerScope::National, None);

    let answer = counts(&front, &device);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        answer.body["scope"],
        json!({ "kind": "center", "center_id": front.center })
    );
    assert_eq!(center_ids(&answer.body), [front.center.to_string()]);

    let answer = counts(&front, seoul.expose_secret());
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        answer.body["scope"],
        json!({ "kind": "region", "region": "서울청" })
    );
    assert_eq!(
        center_ids(&answer.body),
        [front.center.to_string()],
        "부산청's center is not 서울청's to read"
    );

    let answer = counts(&front, nation.expose_secret());
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["scope"], json!({ "kind": "national" }));
    let mut both = vec![front.center.to_string(), other.to_string()];
    both.sort();
    assert_eq!(center_ids(&answer.body), both);
}

#[test]
fn a_revoked_or_expired_viewer_reads_nothing() {
    let front = front(HttpLimits::default(), &[]);
    two_regions(&front);
    let (id, token) = viewer(&front, ViewerScope::National, None);
    assert_eq!(counts(&front, token.expose_secret()).status, 200);
    assert!(front.service.revoke_viewer(id, Utc::now()).unwrap());
    let answer = counts(&front, token.expose_secret());
    assert_eq!((answer.status, answer.code()), (401, "auth.revoked"));
    assert!(
        answer.header("www-authenticate").is_some(),
        "a refused token says which scheme the server takes"
    );

    // Issued two days ago for one day.
    let (_, old) = front
        .service
        .issue_viewer(
            "지난 감사",
            ViewerScope::National,
            Some(Duration::days(1)),
            Utc::now() - Duration::days(2),
        )
        .unwrap();
    let answer = counts(&front, old.expose_secret());
    assert_eq!((answer.status, answer.code()), (401, "auth.expired"));

    let never = format!("doyak_vt1_{}", "0".repeat(64));
    let answer = counts(&front, &never);
    assert_eq!((answer.status, answer.code()), (401, "auth.invalid"));
}

#[test]
fn a_viewer_token_never_syncs() {
    let front = front(HttpLimits::default(), &[]);
    two_regions(&front);
    let (id, token) = viewer(&front, ViewerScope::National, None);
    let bearer = format!("Bearer {}", token.expose_secret());
    let (answer, log) = capture_log(|| front.pull(HOME, token.expose_secret()));
    assert_eq!((answer.status, answer.code()), (403, "center.forbidden"));
    assert!(
        answer.body["message"]
            .as_str()
            .unwrap()
            .contains("열람 전용"),
        "{}",
        answer.body
    );
    assert!(
        log.contains(&id.to_string()),
        "the log names the viewer: {log}"
    );
    assert!(!log.contains(token.expose_secret()), "and never the token");
    let push = front.call(
        HOME,
        "post",
        "/sync/push",
        &[("authorization", &bearer)],
        br#"{"protocol": 1, "device_id": "0199c9a4-8e00-7000-8000-0000000000d1", "mutations": []}"#,
    );
    assert_eq!((push.status, push.code()), (403, "center.forbidden"));
}

#[test]
fn the_national_page_is_served_with_its_script_and_font_and_no_figure() {
    let front = front(HttpLimits::default(), &[]);
    let page = front.call(HOME, "get", "/national", &[], b"");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = page.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"),
        "only its own script, talking only to this server: {csp}"
    );
    let html = page.body.as_str().unwrap();
    assert!(html.contains("도약 전국 현황") && html.contains("/national/app.js"));
    let script = front.call(HOME, "get", "/national/app.js", &[], b"");
    assert_eq!(script.status, 200);
    assert!(script.body.as_str().unwrap().contains("/stats/counts"));
    let font = front.call(HOME, "get", "/national/font.otf", &[], b"");
    assert_eq!(
        (font.status, font.header("content-type")),
        (200, Some("font/otf"))
    );
}

#[test]
fn the_figures_follow_the_same_roles() {
    let front = front(HttpLimits::default(), &[]);
    let other = two_regions(&front);
    let device = front.enroll(HOME, Uuid::now_v7());
    let (_, busan) = viewer(&front, ViewerScope::Region("부산청".into()), None);
    let figures = |token: &str| {
        let bearer = format!("Bearer {token}");
        let path = "/stats/figures?from=2026-10&to=2026-11";
        front.call(HOME, "get", path, &[("authorization", &bearer)], b"")
    };
    let answer = figures(busan.expose_secret());
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        answer.body["scope"],
        json!({ "kind": "region", "region": "부산청" })
    );
    assert_eq!(center_ids(&answer.body), [other.to_string()]);
    assert_eq!(
        answer.body["figures"].as_array().unwrap().len(),
        doyak_kpi::FIGURES.len() - doyak_server::national::NOT_NATIONAL.len(),
        "every figure answered month by month is defined in the answer"
    );
    assert!(answer.body["national"].as_array().unwrap().is_empty());
    let answer = figures(&device);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(center_ids(&answer.body), [front.center.to_string()]);
    let too_long = front.call(
        HOME,
        "get",
        "/stats/figures?from=2024-01&to=2026-12",
        &[("authorization", &format!("Bearer {device}"))],
        b"",
    );
    assert_eq!(
        (too_long.status, too_long.code()),
        (422, "request.malformed")
    );
}
