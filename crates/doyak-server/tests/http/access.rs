//! The access log over HTTP: a device uploads its own entries; a center's
//! administrator reads that center's entries (JSON and CSV) and nothing of
//! another center's; devices and regional viewers read none. A refused
//! upload is one log line with its code, never an entry's content.

use crate::front::{Front, capture_log, front};
use chrono::Utc;
use doyak_server::http::HttpLimits;
use doyak_server::model::ViewerScope;
use doyak_sync_protocol::{ACCESS_LOG_GENESIS, AccessLogEntry};
use serde_json::{Value, json};
use uuid::Uuid;

const HOME: &str = "192.0.2.30";

fn entries(device: Uuid, n: u64) -> Vec<AccessLogEntry> {
    let mut prev = ACCESS_LOG_GENESIS.to_owned();
    (1..=n)
        .map(|seq| {
            let mut e = AccessLogEntry {
                seq,
                at: format!("2026-12-03T01:0{seq}:00.000Z"),
                device_id: device.to_string(),
                actor: "counselor:marker-not-hex".into(),
                action: "print".into(),
                entity: "seeker".into(),
                entity_id: Some(Uuid::from_u128(u128::from(seq)).to_string()),
                detail: "report:seeker".into(),
                prev_hash: prev.clone(),
                hash: String::new(),
            };
            e.hash = e.computed_hash();
            prev = e.hash.clone();
            e
        })
        .collect()
}

fn upload(
    front: &Front,
    token: &str,
    device: Uuid,
    entries: &[AccessLogEntry],
) -> crate::front::Answer {
    let body = json!({ "protocol": 1, "device_id": device, "entries": entries });
    front.call(
        HOME,
        "post",
        "/sync/access-log",
        &[("authorization", &format!("Bearer {token}"))],
        body.to_string().as_bytes(),
    )
}

fn read(front: &Front, token: &str, path: &str) -> crate::front::Answer {
    front.call(
        HOME,
        "get",
        path,
        &[("authorization", &format!("Bearer {token}"))],
        b"",
    )
}

fn admin(front: &Front, scope: ViewerScope) -> String {
    let (_, token) = front
        .service
        .issue_viewer("센터 관리자", scope, None, Utc::now())
        .unwrap();
    token.expose_secret().to_owned()
}

#[test]
fn a_centers_administrator_reads_its_centers_log_and_no_one_elses() {
    let front = front(HttpLimits::default(), &[]);
    let other = Uuid::now_v7();
    front.service.put_center(other, "서부센터").unwrap();
    let device = Uuid::now_v7();
    let token = front.enroll(HOME, device);
    let log = entries(device, 3);

    let answer = upload(&front, &token, device, &log);
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["acknowledged_seq"], 3);
    assert_eq!(answer.body["stored"], 3);

    // Entry 3 rewritten after the server took it.
    let mut edited = log.clone();
    edited[2].entity_id = None;
    edited[2].hash = edited[2].computed_hash();
    let (answer, lines) = capture_log(|| upload(&front, &token, device, &edited[2..]));
    assert_eq!(
        (answer.status, answer.code()),
        (409, "access_log.chain_broken"),
        "{}",
        answer.body
    );
    assert!(
        lines.contains("access_log.chain_broken") && lines.contains(&device.to_string()),
        "the server's log says which device was refused and why: {lines}"
    );
    assert!(
        !lines.contains("report:seeker") && !lines.contains("marker-not-hex"),
        "and nothing of the entries: {lines}"
    );

    let own = admin(&front, ViewerScope::Center(front.center));
    let answer = read(&front, &own, "/center/access-log");
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["total"], 3);
    let seqs: Vec<&Value> = answer.body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["seq"])
        .collect();
    assert_eq!(seqs, [&json!(3), &json!(2), &json!(1)], "newest first");
    assert_eq!(answer.body["devices"][0]["verified"], true);
    assert_eq!(answer.body["devices"][0]["head"], log[2].hash.as_str());

    let filtered = read(
        &front,
        &own,
        &format!(
            "/center/access-log?entity_id={}&from=2026-12-03&to=2026-12-03",
            Uuid::from_u128(2)
        ),
    );
    assert_eq!(filtered.body["total"], 1, "{}", filtered.body);
    let bad = read(&front, &own, "/center/access-log?from=2026-13-01");
    assert_eq!((bad.status, bad.code()), (400, "request.malformed"));

    let csv = read(&front, &own, "/center/access-log.csv");
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let text = csv.body.as_str().unwrap();
    assert_eq!(
        text.lines().count(),
        4,
        "a heading and three entries: {text}"
    );
    assert!(text.contains(",출력,"), "actions in Korean: {text}");

    let theirs = admin(&front, ViewerScope::Center(other));
    let answer = read(
        &front,
        &theirs,
        &format!("/center/access-log?device={device}"),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(
        (
            answer.body["total"].clone(),
            answer.body["center_id"].clone()
        ),
        (json!(0), json!(other)),
        "another center's administrator sees nothing of this center, even naming its device"
    );
    let csv = read(&front, &theirs, "/center/access-log.csv");
    assert_eq!(
        csv.body.as_str().unwrap().lines().count(),
        1,
        "a heading only"
    );

    let regional = {
        front
            .service
            .set_center_region(front.center, Some("서울청"))
            .unwrap();
        admin(&front, ViewerScope::Region("서울청".into()))
    };
    for (who, caller) in [
        ("device", token.as_str()),
        ("regional viewer", regional.as_str()),
    ] {
        for path in ["/center/access-log", "/center/access-log.csv"] {
            let answer = read(&front, caller, path);
            assert_eq!(
                (answer.status, answer.code()),
                (403, "center.forbidden"),
                "a {who} reads no access log at {path}"
            );
        }
    }
    let answer = upload(&front, &own, device, &log);
    assert_eq!(
        (answer.status, answer.code()),
        (403, "center.forbidden"),
        "an administrator's token uploads nothing"
    );
}

#[test]
fn the_access_log_page_is_served_without_a_token_and_holds_no_entry() {
    let front = front(HttpLimits::default(), &[]);
    let page = front.call(HOME, "get", "/center/access", &[], b"");
    assert_eq!(
        (page.status, page.header("content-type")),
        (200, Some("text/html; charset=utf-8"))
    );
    let csp = page.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"),
        "only its own script, talking only to this server: {csp}"
    );
    let html = page.body.as_str().unwrap();
    assert!(html.contains("개인정보 접근 기록") && html.contains("/center/access.js"));
    let script = front.call(HOME, "get", "/center/access.js", &[], b"");
    assert_eq!(script.status, 200);
    let script = script.body.as_str().unwrap();
    assert!(
        script.contains("/center/access-log") && !script.contains("innerHTML"),
        "the script asks the server with the token and puts values in as text"
    );
}
