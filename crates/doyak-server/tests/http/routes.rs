//! What the router answers outside its routes: an unknown path is 404 and a
//! method a route does not take is 405, each with the protocol's error body
//! (a desk shows its message) and one log line, like every other answer.

use crate::front::{Front, capture_log, front};
use doyak_server::http::{Endpoint, HttpLimits};
use doyak_server::limit::Rate;
use serde_json::Value;
use uuid::Uuid;

const HOME: &str = "192.0.2.20";

/// The request lines `log` holds: route, status, code.
fn logged(log: &str) -> Vec<(String, u64, String)> {
    log.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["fields"].clone())
        .filter(|f| f["message"] == "request")
        .map(|f| {
            (
                f["route"].as_str().unwrap().to_owned(),
                f["status"].as_u64().unwrap(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn assert_error_body(front_answer: &crate::front::Answer, code: &str, what: &str) {
    let body: doyak_sync_protocol::ErrorBody = serde_json::from_value(front_answer.body.clone())
        .unwrap_or_else(|e| panic!("{what}: not an ErrorBody ({e}): {}", front_answer.body));
    assert_eq!(body.code.as_str(), code, "{what}");
    assert!(
        !body.message.is_empty(),
        "{what}: a message the desk can show"
    );
    assert_eq!(
        front_answer.header("content-type"),
        Some("application/json"),
        "{what}"
    );
}

#[test]
fn an_unknown_path_is_404_with_the_error_body() {
    let front = front(HttpLimits::default(), &[]);
    let token = front.enroll(HOME, Uuid::now_v7());
    let bearer = format!("Bearer {token}");
    let (answers, log) = capture_log(|| {
        [
            front.call(HOME, "get", "/no/such/path", &[], b""),
            front.call(
                HOME,
                "post",
                "/sync/pushh",
                &[("authorization", &bearer)],
                b"{}",
            ),
            front.call(HOME, "delete", "/", &[], b""),
        ]
    });
    for answer in &answers {
        assert_eq!(answer.status, 404, "{}", answer.body);
        assert_error_body(answer, "request.not_found", "an unknown path");
    }
    assert_eq!(
        logged(&log),
        vec![("unknown".to_owned(), 404, "request.not_found".to_owned()); 3],
        "each refusal has its log line, with its code"
    );
}

/// Every route, called with each method it does not take, with no token,
/// a token nobody issued and a valid one: always 405 with `Allow`, since the
/// method is checked before the token (see `http::serve`). The guesses do
/// not count against the address: after them, a bad token is still 401,
/// not 429.
#[test]
fn a_wrong_method_is_405_with_allow_before_any_token_check() {
    let front: Front = front(
        HttpLimits {
            auth_failures: Rate {
                per_second: 0.0,
                burst: 2.0,
            },
            ..HttpLimits::default()
        },
        &[],
    );
    let token = front.enroll(HOME, Uuid::now_v7());
    let valid = format!("Bearer {token}");
    let forged = format!("Bearer doyak_dt1_{}", "7".repeat(64));
    let (seen, log) = capture_log(|| {
        let mut seen = Vec::new();
        for endpoint in Endpoint::ALL {
            let allow = match endpoint.method() {
                "get" => "GET,HEAD",
                _ => "POST",
            };
            for method in ["get", "post", "put", "delete", "patch"] {
                if method == endpoint.method() {
                    continue;
                }
                for authorization in [None, Some(&forged), Some(&valid)] {
                    let headers: Vec<(&str, &str)> = authorization
                        .map(|a| ("authorization", a.as_str()))
                        .into_iter()
                        .collect();
                    let what = format!("{method} {}", endpoint.path());
                    let answer = front.call(HOME, method, endpoint.path(), &headers, b"{}");
                    assert_eq!(answer.status, 405, "{what}: {}", answer.body);
                    assert_error_body(&answer, "request.method_not_allowed", &what);
                    assert_eq!(answer.header("allow"), Some(allow), "{what}");
                    seen.push((endpoint.name().to_owned(), 405, answer.code().to_owned()));
                }
            }
        }
        seen
    });
    assert_eq!(
        logged(&log),
        seen,
        "the request log (the outer layer) has one line per refusal, naming the route"
    );
    let after = front.call(
        HOME,
        "post",
        "/sync/pull",
        &[("authorization", &forged)],
        br#"{"protocol": 1, "cursor": 0, "limit": 10}"#,
    );
    assert_eq!(
        (after.status, after.code()),
        (401, "auth.invalid"),
        "a wrong method never reached the token check, so it spent none of the address's 2 failures"
    );
}
