//! The client address behind a reverse proxy: `X-Forwarded-For` is read only
//! from a trusted proxy, and the address it gives is the one the enrollment
//! limit, the failed-check throttle and the log line use.

use crate::front::{GUESS, capture_log, front};
use doyak_server::http::HttpLimits;
use doyak_server::limit::Rate;
use serde_json::Value;
use uuid::Uuid;

const PROXY: &str = "10.0.0.7";

/// Two enrollment attempts per address, then one every 2 s.
fn limits() -> HttpLimits {
    HttpLimits {
        enroll_rate: Rate::per_minute(30.0, 2.0),
        ..HttpLimits::default()
    }
}

#[test]
fn a_forged_forwarded_for_does_not_escape_the_enrollment_limit() {
    let front = front(limits(), &[]);
    for peer in ["203.0.113.5", PROXY] {
        let statuses: Vec<u16> = (1..=4)
            .map(|i| {
                let forged = format!("198.51.100.{i}");
                let answer = front.call(
                    peer,
                    "post",
                    "/sync/enroll",
                    &[("x-forwarded-for", &forged)],
                    GUESS,
                );
                if answer.status == 429 {
                    assert_eq!(answer.code(), "request.rate_limited");
                    assert_eq!(answer.header("retry-after"), Some("2"));
                }
                answer.status
            })
            .collect();
        assert_eq!(
            statuses,
            [401, 401, 429, 429],
            "{peer}: with no trusted proxy the header is ignored, however it changes"
        );
    }
}

#[test]
fn behind_a_trusted_proxy_each_client_has_its_own_enrollment_limit() {
    let front = front(limits(), &["10.0.0.0/8"]);
    let via = |peer: &str, forwarded: &str| {
        front
            .call(
                peer,
                "post",
                "/sync/enroll",
                &[("x-forwarded-for", forwarded)],
                GUESS,
            )
            .status
    };
    let from = |forwarded: &str| via(PROXY, forwarded);
    assert_eq!(
        [
            from("203.0.113.1"),
            from("203.0.113.1"),
            from("203.0.113.1")
        ],
        [401, 401, 429]
    );
    assert_eq!(
        from("203.0.113.2"),
        401,
        "another client behind the same proxy has its own allowance"
    );
    assert_eq!(
        from("198.51.100.9, 203.0.113.1"),
        429,
        "what the client wrote left of our proxy's entry changes nothing"
    );
    assert_eq!(
        from("203.0.113.1, 10.0.0.8"),
        429,
        "a second proxy of ours in the chain is skipped"
    );
    assert_eq!(
        [from("unknown"), from("203.0.113.3:4711"), from("")],
        [401, 401, 429],
        "a header that does not parse counts against the proxy's own address"
    );
    assert_eq!(
        via("10.0.0.8", "203.0.113.1"),
        429,
        "the same client through another trusted proxy is the same client"
    );
    let outsider = "192.0.2.44";
    assert_eq!(
        [
            via(outsider, "203.0.113.20"),
            via(outsider, "203.0.113.21"),
            via(outsider, "203.0.113.22")
        ],
        [401, 401, 429],
        "a peer that is not a trusted proxy is the client, whatever it says"
    );
}

#[test]
fn the_throttle_and_the_log_line_see_the_client_behind_the_proxy() {
    let front = front(
        HttpLimits {
            auth_failures: Rate::per_minute(30.0, 2.0),
            ..HttpLimits::default()
        },
        &["10.0.0.0/8"],
    );
    let token = front.enroll(PROXY, Uuid::now_v7());
    let unknown = format!("Bearer doyak_dt1_{}", "0".repeat(64));
    let bearer = format!("Bearer {token}");
    let pull = |client: &str, authorization: &str| {
        front
            .call(
                PROXY,
                "post",
                "/sync/pull",
                &[
                    ("x-forwarded-for", client),
                    ("authorization", authorization),
                ],
                br#"{"protocol": 1, "cursor": 0, "limit": 10}"#,
            )
            .status
    };
    let (statuses, log) = capture_log(|| {
        [
            pull("203.0.113.1", &unknown),
            pull("203.0.113.1", &unknown),
            pull("203.0.113.1", &bearer),
            pull("203.0.113.2", &bearer),
        ]
    });
    assert_eq!(
        statuses,
        [401, 401, 429, 200],
        "one client's failures behind the proxy do not throttle the others behind it"
    );
    let lines: Vec<Value> = log
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["fields"].clone())
        .filter(|f| f["message"] == "request")
        .collect();
    let seen: Vec<(&str, &str, u64, &str)> = lines
        .iter()
        .map(|f| {
            (
                f["route"].as_str().unwrap(),
                f["client"].as_str().unwrap(),
                f["status"].as_u64().unwrap(),
                f["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("pull", "203.0.113.1", 401, "auth.invalid"),
            ("pull", "203.0.113.1", 401, "auth.invalid"),
            ("pull", "203.0.113.1", 429, "request.rate_limited"),
            ("pull", "203.0.113.2", 200, ""),
        ],
        "one line per request, naming the client, not the proxy"
    );
    assert!(
        lines[3]["device"].as_str().is_some_and(|d| !d.is_empty()),
        "the accepted request names its device: {}",
        lines[3]
    );
    assert!(
        !log.contains(&token) && !log.contains(&"0".repeat(64)),
        "no token in the log"
    );
}
