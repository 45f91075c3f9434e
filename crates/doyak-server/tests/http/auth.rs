//! Who may call what: every route in /openapi.json except the documented
//! public ones refuses a missing, malformed, unknown or revoked token; failed
//! checks throttle the address they come from, not devices elsewhere.

use crate::front::{Front, front};
use chrono::Utc;
use doyak_server::http::{Endpoint, HttpLimits, PUBLIC_PATHS};
use doyak_server::limit::Rate;
use serde_json::{Value, json};
use std::time::Duration;
use uuid::Uuid;

const HOME: &str = "192.0.2.10";

/// Every operation of the served document: method, path, operation.
fn operations(front: &Front) -> Vec<(String, String, Value)> {
    let doc = front.call(HOME, "get", "/openapi.json", &[], b"").body;
    let mut ops = Vec::new();
    for (path, methods) in doc["paths"].as_object().unwrap() {
        for (method, op) in methods.as_object().unwrap() {
            ops.push((method.clone(), path.clone(), op.clone()));
        }
    }
    ops.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    ops
}

/// The path with every required query parameter set to a month, so a
/// request that passes the guard reaches the handler's own checks.
fn url(path: &str, op: &Value) -> String {
    let query: Vec<String> = op["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["in"] == "query" && p["required"] == true)
        .map(|p| format!("{}=2026-01", p["name"].as_str().unwrap()))
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// Failed checks never throttle here: this test counts refusals, not waits.
fn unthrottled() -> HttpLimits {
    HttpLimits {
        auth_failures: Rate {
            per_second: 0.0,
            burst: 1e9,
        },
        ..HttpLimits::default()
    }
}

#[test]
fn every_route_but_the_public_ones_refuses_a_bad_token() {
    let front = front(unthrottled(), &[]);
    let valid = front.enroll(HOME, Uuid::now_v7());
    let revoked_device = Uuid::now_v7();
    let revoked = front.enroll(HOME, revoked_device);
    front
        .service
        .revoke_device(revoked_device, Utc::now())
        .unwrap();
    let hex = &valid["doyak_dt1_".len()..];
    let bad: Vec<(&str, Option<String>, &str)> = vec![
        ("no Authorization header", None, "auth.missing"),
        (
            "another scheme",
            Some("Basic ZG95YWs6c2VjcmV0".into()),
            "auth.invalid",
        ),
        ("no scheme", Some(valid.clone()), "auth.invalid"),
        (
            "a scheme and nothing",
            Some("Bearer ".into()),
            "auth.invalid",
        ),
        (
            "base64 where hex goes",
            Some(format!("Bearer doyak_dt1_{}", "q83vEjRWeJA+/w==".repeat(4))),
            "auth.invalid",
        ),
        (
            "upper-case hex",
            Some(format!("Bearer doyak_dt1_{}", hex.to_uppercase())),
            "auth.invalid",
        ),
        (
            "too short",
            Some(format!("Bearer {}", &valid[..valid.len() - 2])),
            "auth.invalid",
        ),
        (
            "too long",
            Some(format!("Bearer {valid}00")),
            "auth.invalid",
        ),
        (
            "another prefix",
            Some(format!("Bearer doyak_dt0_{hex}")),
            "auth.invalid",
        ),
        (
            "a well-formed token nobody issued",
            Some(format!("Bearer doyak_dt1_{}", "7".repeat(64))),
            "auth.invalid",
        ),
        (
            "a revoked token",
            Some(format!("Bearer {revoked}")),
            "auth.revoked",
        ),
    ];

    let ops = operations(&front);
    let listed: Vec<(String, String)> =
        ops.iter().map(|(m, p, _)| (m.clone(), p.clone())).collect();
    let mut served: Vec<(String, String)> = Endpoint::ALL
        .iter()
        .map(|e| (e.method().to_owned(), e.path().to_owned()))
        .collect();
    served.sort();
    assert_eq!(
        listed, served,
        "the router serves its endpoints and nothing else, and the document lists each one"
    );

    let mut public = Vec::new();
    for (method, path, op) in &ops {
        let url = url(path, op);
        if op["security"] == json!([]) {
            public.push(path.as_str());
            let answer = front.call(HOME, method, &url, &[], b"{}");
            assert!(
                ![401, 429].contains(&answer.status),
                "{method} {path} is documented public: it answers without a token ({})",
                answer.body
            );
            continue;
        }
        assert_eq!(
            op["security"],
            json!([{ "deviceToken": [] }]),
            "{method} {path}"
        );
        for status in ["401", "429"] {
            assert!(
                op["responses"].get(status).is_some(),
                "{method} {path} documents {status}: the guard answers it before any handler"
            );
        }
        for (case, header, code) in &bad {
            let headers: Vec<(&str, &str)> = header
                .iter()
                .map(|h| ("authorization", h.as_str()))
                .collect();
            let answer = front.call(HOME, method, &url, &headers, b"{}");
            assert_eq!(
                (answer.status, answer.code()),
                (401, *code),
                "{method} {path}, {case}: {}",
                answer.body
            );
            assert_eq!(
                answer.header("www-authenticate"),
                Some("Bearer realm=\"doyak\""),
                "{method} {path}, {case}: a 401 names the scheme it wants"
            );
            assert!(
                !answer.body["message"]
                    .as_str()
                    .unwrap_or_default()
                    .is_empty(),
                "{method} {path}, {case}: a message for the counselor"
            );
        }
        let bearer = format!("Bearer {valid}");
        let answer = front.call(HOME, method, &url, &[("authorization", &bearer)], b"{}");
        assert!(
            ![401, 429].contains(&answer.status),
            "{method} {path}: a valid token passes the guard to the handler ({})",
            answer.body
        );
    }
    public.sort_unstable();
    let mut listed_public = PUBLIC_PATHS.to_vec();
    listed_public.sort_unstable();
    assert_eq!(
        public, listed_public,
        "the document marks public exactly what the router lets through"
    );
    assert_eq!(
        public,
        [
            "/center/access",
            "/center/access.js",
            "/healthz",
            "/national",
            "/national/app.js",
            "/national/font.otf",
            "/openapi.json",
            "/sync/enroll",
            "/sync/info"
        ],
        "what the server is, how a device gets a token, and the national and access-log pages' files (no figure and no entry in them): opening another route is a decision"
    );
}

/// An enrolled device gets its own center's counts (none yet here; the
/// conformance suite checks another center's are left out and 1–4 are
/// hidden); nobody else gets any.
#[test]
fn the_counts_answer_an_enrolled_device_and_nobody_else() {
    let front = front(unthrottled(), &[]);
    let token = front.enroll(HOME, Uuid::now_v7());
    let bearer = format!("Bearer {token}");
    let path = "/stats/counts?from=2026-01&to=2026-12";
    let answer = front.call(HOME, "get", path, &[("authorization", &bearer)], b"");
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.body["counts"], json!([]));
    assert_eq!(
        answer.body["scope"],
        json!({ "kind": "center", "center_id": front.center })
    );
    let answer = front.call(HOME, "get", path, &[], b"");
    assert_eq!((answer.status, answer.code()), (401, "auth.missing"));
}

#[test]
fn failed_checks_throttle_their_address_and_no_other() {
    // Three failed checks, then one more every 2 s.
    let limits = HttpLimits {
        auth_failures: Rate::per_minute(30.0, 3.0),
        ..HttpLimits::default()
    };
    let front = front(limits, &[]);
    let token = front.enroll(HOME, Uuid::now_v7());
    let unknown = format!("doyak_dt1_{}", "0".repeat(64));
    let guesser = "198.51.100.66";
    for i in 0..3 {
        let answer = front.pull(guesser, &unknown);
        assert_eq!((answer.status, answer.code()), (401, "auth.invalid"), "{i}");
    }
    let answer = front.pull(guesser, &token);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "request.rate_limited"),
        "the address spent its failures: even a valid token is refused, so it was never looked up"
    );
    assert_eq!(
        answer.header("retry-after"),
        Some("2"),
        "a token is 2 s away"
    );
    let counts = front.call(guesser, "get", "/stats/counts", &[], b"");
    assert_eq!(counts.status, 429, "every route behind the guard");
    let enroll = front.call(guesser, "get", "/sync/info", &[], b"");
    assert_eq!(enroll.status, 200, "public routes never check a token");

    assert_eq!(
        front.pull(HOME, &token).status,
        200,
        "the device at its own address is not throttled by another address's failures"
    );

    front.clock.advance(Duration::from_secs(2));
    assert_eq!(
        front.pull(guesser, &token).status,
        200,
        "one failure's worth of time later, the address is checked again"
    );
    assert_eq!(front.pull(guesser, &unknown).status, 401);
    assert_eq!(front.pull(guesser, &token).status, 429, "and spent again");
    front.clock.advance(Duration::from_secs(6));
    for i in 0..3 {
        assert_eq!(
            front.pull(guesser, &unknown).status,
            401,
            "6 s refill all three: the throttle resets ({i})"
        );
    }
    assert_eq!(front.pull(guesser, &unknown).status, 429);
}

#[test]
fn an_ipv6_host_is_throttled_with_its_whole_64() {
    let limits = HttpLimits {
        auth_failures: Rate::per_minute(30.0, 2.0),
        ..HttpLimits::default()
    };
    let front = front(limits, &[]);
    let token = front.enroll(HOME, Uuid::now_v7());
    for _ in 0..2 {
        assert_eq!(front.pull("2001:db8:1:2::1", "nonsense").status, 401);
    }
    assert_eq!(
        front.pull("2001:db8:1:2::ffff", &token).status,
        429,
        "another address of the same /64 is the same host"
    );
    assert_eq!(
        front.pull("2001:db8:1:3::1", &token).status,
        200,
        "the next /64 is not"
    );
}

#[test]
fn a_revoked_device_retrying_is_refused_but_does_not_throttle_its_address() {
    let limits = HttpLimits {
        auth_failures: Rate::per_minute(30.0, 2.0),
        ..HttpLimits::default()
    };
    let front = front(limits, &[]);
    let working = front.enroll(HOME, Uuid::now_v7());
    let retired = Uuid::now_v7();
    let old = front.enroll(HOME, retired);
    front.service.revoke_device(retired, Utc::now()).unwrap();
    for i in 0..5 {
        let answer = front.pull(HOME, &old);
        assert_eq!(
            (answer.status, answer.code()),
            (401, "auth.revoked"),
            "a token this server issued is no guess ({i})"
        );
    }
    assert_eq!(
        front.pull(HOME, &working).status,
        200,
        "a retired laptop at the center's address does not lock the working ones out"
    );
}

#[test]
fn a_device_past_its_rate_is_told_when_to_come_back() {
    let limits = HttpLimits {
        device_rate: Rate {
            per_second: 0.5,
            burst: 2.0,
        },
        ..HttpLimits::default()
    };
    let front = front(limits, &[]);
    let token = front.enroll(HOME, Uuid::now_v7());
    assert_eq!(front.pull(HOME, &token).status, 200);
    assert_eq!(front.pull(HOME, &token).status, 200);
    let answer = front.pull(HOME, &token);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "request.rate_limited")
    );
    assert_eq!(answer.header("retry-after"), Some("2"));
    front.clock.advance(Duration::from_secs(2));
    assert_eq!(front.pull(HOME, &token).status, 200);
}

/// A valid token with a push whose body names another device: still
/// `auth.invalid` (desks read that code already), but the message says
/// what happened instead of asking to enroll again, and the details name
/// both devices, never a token. The address is not throttled for it: the
/// token was one the server issued.
#[test]
fn a_push_naming_another_device_says_so() {
    let front = front(
        HttpLimits {
            auth_failures: Rate {
                per_second: 0.0,
                burst: 1.0,
            },
            ..HttpLimits::default()
        },
        &[],
    );
    let mine = Uuid::now_v7();
    let token = front.enroll(HOME, mine);
    let someone = Uuid::now_v7();
    let push = json!({ "protocol": 1, "device_id": someone, "mutations": [{
        "mutation_id": Uuid::now_v7(), "seq": 1, "entity": "seeker", "entity_id": Uuid::now_v7(),
        "op": { "kind": "delete" }, "hlc": format!("001760000000000-00000000-{someone}"),
        "schema_version": 3 }] });
    let bearer = format!("Bearer {token}");
    let send = || {
        front.call(
            HOME,
            "post",
            "/sync/push",
            &[("authorization", &bearer)],
            push.to_string().as_bytes(),
        )
    };
    let answer = send();
    assert_eq!((answer.status, answer.code()), (401, "auth.invalid"));
    let body: doyak_sync_protocol::ErrorBody = serde_json::from_value(answer.body.clone()).unwrap();
    assert_ne!(
        body.message,
        body.code.default_message(),
        "not the generic 'enroll again': the token was valid"
    );
    assert!(
        body.message.contains("기기 토큰의 기기와 다릅니다"),
        "{}",
        body.message
    );
    assert_eq!(
        body.details,
        [
            format!("요청의 기기 ID: {someone}"),
            format!("토큰의 기기 ID: {mine}")
        ],
        "both devices, for whoever looks into it"
    );
    let text = answer.body.to_string();
    assert!(
        !text.contains(&token) && !text.contains(&token["doyak_dt1_".len()..]),
        "never the token"
    );
    assert_eq!(
        answer.header("www-authenticate"),
        Some("Bearer realm=\"doyak\""),
        "a 401 names the scheme it wants, from a handler as from the guard"
    );
    assert_eq!(
        send().code(),
        "auth.invalid",
        "a valid token is no guess: the address's one failed check is not spent"
    );
    assert_eq!(
        front.service.devices(None).unwrap()[0].last_seq,
        0,
        "nothing applied"
    );
}
