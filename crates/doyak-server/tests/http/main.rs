//! The HTTP front with bad input: every malformed, oversized, unversioned,
//! unauthenticated or revoked request gets a clear status and an
//! `ErrorBody`, and nothing of it is applied. `auth` checks who may call
//! what and the throttles, `proxy` the client address behind a reverse
//! proxy; both drive the router without a socket (`front`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod auth;
mod front;
mod proxy;
mod roles;
mod routes;

use chrono::{Duration, Utc};
use doyak_server::http::{Endpoint, HttpConfig, HttpLimits, router};
use doyak_server::limit::Rate;
use doyak_server::openapi::document;
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_sync_protocol::{EnrollResponse, ErrorBody, MAX_REQUEST_BYTES};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::sync::Arc;
use uuid::Uuid;

struct Server {
    base: String,
    service: Arc<SyncService>,
    center: Uuid,
    _runtime: tokio::runtime::Runtime,
}

fn start(config: HttpConfig) -> Server {
    front::install_log();
    let service = Arc::new(SyncService::new(
        Storage::Sqlite(SqliteStorage::in_memory().unwrap()),
        ServiceConfig::default(),
    ));
    let center = Uuid::now_v7();
    service.put_center(center, "서부센터").unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let app = router(service.clone(), config);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    Server {
        base: format!("http://{addr}"),
        service,
        center,
        _runtime: runtime,
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// Sends `body` and returns the status and the JSON answer.
fn post(base: &str, path: &str, token: Option<&str>, body: &[u8]) -> (u16, Value) {
    let mut call = agent()
        .post(format!("{base}{path}"))
        .header("Content-Type", "application/json");
    if let Some(t) = token {
        call = call.header("Authorization", format!("Bearer {t}"));
    }
    let mut response = call.send(body).unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn enroll(server: &Server, device: Uuid) -> String {
    let code = server
        .service
        .create_enrollment_code(server.center, Duration::hours(1), Utc::now())
        .unwrap();
    let (status, body) = post(
        &server.base,
        "/sync/enroll",
        None,
        &front::enroll_body(code, device),
    );
    assert_eq!(status, 200, "{body}");
    let response: EnrollResponse = serde_json::from_value(body).unwrap();
    response.token.expose_secret().to_owned()
}

fn error_code(status_and_body: &(u16, Value)) -> (u16, String) {
    let body: ErrorBody = serde_json::from_value(status_and_body.1.clone())
        .unwrap_or_else(|e| panic!("not an ErrorBody ({e}): {}", status_and_body.1));
    assert!(
        !body.message.is_empty(),
        "every error has a message for the counselor"
    );
    (status_and_body.0, body.code.as_str().to_owned())
}

#[test]
fn bad_requests_get_a_status_and_a_code_and_change_nothing() {
    let server = start(HttpConfig::default());
    let device = Uuid::now_v7();
    let token = enroll(&server, device);
    let push = |body: &[u8], token: Option<&str>| {
        error_code(&post(&server.base, "/sync/push", token, body))
    };
    let t = Some(token.as_str());

    assert_eq!(push(b"{not json", t), (400, "request.malformed".into()));
    assert_eq!(push(b"[]", t), (400, "request.malformed".into()));
    assert_eq!(
        push(br#"{"protocol": 1, "device_id": 5, "mutations": []}"#, t),
        (400, "request.malformed".into()),
        "a wrong type"
    );
    assert_eq!(
        push(br#"{"device_id": "x", "mutations": []}"#, t).1,
        "request.malformed",
        "no protocol version"
    );
    let future = push(br#"{"protocol": 99, "device_id": "x", "mutations": []}"#, t);
    assert_eq!(future, (400, "protocol.unsupported_version".into()));
    let empty = json!({ "protocol": 1, "device_id": device, "mutations": [] });
    assert_eq!(
        push(empty.to_string().as_bytes(), t),
        (422, "request.malformed".into()),
        "an empty batch is well-formed JSON that breaks a rule: 422"
    );
    let huge = vec![b' '; MAX_REQUEST_BYTES + 10];
    assert_eq!(push(&huge, t), (413, "request.too_large".into()));

    let valid_shape = json!({ "protocol": 1, "device_id": device, "mutations": [] }).to_string();
    assert_eq!(
        push(valid_shape.as_bytes(), None),
        (401, "auth.missing".into())
    );
    assert_eq!(
        push(valid_shape.as_bytes(), Some("doyak_dt1_nonsense")),
        (401, "auth.invalid".into())
    );
    let forged = format!("doyak_dt1_{}", "0".repeat(64));
    assert_eq!(
        push(valid_shape.as_bytes(), Some(&forged)),
        (401, "auth.invalid".into())
    );

    // Another device's id in the body with this device's token.
    let someone = Uuid::now_v7();
    let other = json!({ "protocol": 1, "device_id": someone, "mutations": [{
        "mutation_id": Uuid::now_v7(), "seq": 1, "entity": "seeker", "entity_id": Uuid::now_v7(),
        "op": { "kind": "delete" }, "hlc": format!("001760000000000-00000000-{someone}"), "schema_version": 3 }] });
    assert_eq!(push(other.to_string().as_bytes(), t).1, "auth.invalid");

    // Found by schemathesis: a cursor past what the databases hold was
    // clamped and answered 200 with a cursor the desk could not store.
    let far =
        json!({ "protocol": 1, "cursor": 9_223_372_036_854_775_808u64, "limit": 10 }).to_string();
    assert_eq!(
        error_code(&post(&server.base, "/sync/pull", t, far.as_bytes())),
        (422, "request.malformed".into())
    );
    let none = json!({ "protocol": 1, "cursor": 0, "limit": 0 }).to_string();
    assert_eq!(
        error_code(&post(&server.base, "/sync/pull", t, none.as_bytes())).0,
        422
    );

    server.service.revoke_device(device, Utc::now()).unwrap();
    let pull = json!({ "protocol": 1, "cursor": 0, "limit": 10 }).to_string();
    assert_eq!(
        error_code(&post(&server.base, "/sync/pull", t, pull.as_bytes())),
        (401, "auth.revoked".into())
    );
    let stored = server.service.devices(None).unwrap();
    assert_eq!(stored[0].last_seq, 0, "nothing was applied by any of these");

    assert_eq!(
        error_code(&post(&server.base, "/no/such/path", None, b"{}")),
        (404, "request.not_found".into())
    );
}

#[test]
fn enrollment_is_rate_limited_per_address() {
    let server = start(HttpConfig {
        limits: HttpLimits {
            enroll_rate: Rate {
                per_second: 0.001,
                burst: 3.0,
            },
            ..HttpLimits::default()
        },
        ..HttpConfig::default()
    });
    let guess = json!({ "protocol": 1, "code": "0000-0000-0000", "device_id": Uuid::now_v7(),
                        "device_name": "x", "app_version": "t" })
    .to_string();
    let codes: Vec<(u16, String)> = (0..5)
        .map(|_| error_code(&post(&server.base, "/sync/enroll", None, guess.as_bytes())))
        .collect();
    assert_eq!(codes[0], (401, "enroll.invalid_code".into()));
    assert_eq!(
        codes[3],
        (429, "request.rate_limited".into()),
        "burst of 3, then refused"
    );
}

#[test]
fn the_openapi_document_lists_exactly_the_routes_served() {
    let server = start(HttpConfig::default());
    let text = agent()
        .get(format!("{}/openapi.json", server.base))
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc, document());
    let mut listed: Vec<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect();
    listed.sort();
    let mut routes: Vec<(String, String)> = Endpoint::ALL
        .iter()
        .map(|e| (e.method().to_owned(), e.path().to_owned()))
        .collect();
    routes.sort();
    assert_eq!(listed, routes);
    // Every listed route answers something other than the fallback.
    for (method, path) in Endpoint::ALL.map(|e| (e.method(), e.path())) {
        let status = if method == "get" {
            agent()
                .get(format!("{}{path}", server.base))
                .call()
                .unwrap()
                .status()
                .as_u16()
        } else {
            post(&server.base, path, None, b"{}").0
        };
        assert_ne!(status, 404, "{method} {path}");
    }
    // The protocol's fixtures carry every field the document requires.
    let schemas = &doc["components"]["schemas"];
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../doyak-sync-protocol/tests/fixtures/v1");
    for (file, schema) in [
        ("push_request.json", "PushRequest"),
        ("push_response.json", "PushResponse"),
        ("pull_request.json", "PullRequest"),
        ("pull_response.json", "PullResponse"),
        ("enroll_request.json", "EnrollRequest"),
        ("enroll_response.json", "EnrollResponse"),
        ("server_info.json", "ServerInfo"),
        ("access_log_request.json", "AccessLogRequest"),
        ("access_log_response.json", "AccessLogResponse"),
    ] {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(fixtures.join(file)).unwrap()).unwrap();
        for field in schemas[schema]["required"].as_array().unwrap() {
            assert!(
                fixture.get(field.as_str().unwrap()).is_some(),
                "{file} lacks {field}"
            );
        }
    }
}

#[test]
fn the_embedded_file_is_encrypted_with_its_key_and_refuses_another() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.db");
    let center = Uuid::now_v7();
    {
        let storage = SqliteStorage::open_keyed(&path, Some("서버 키 correct")).unwrap();
        let service = SyncService::new(Storage::Sqlite(storage), ServiceConfig::default());
        service.put_center(center, "비밀센터").unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        !bytes
            .windows("비밀센터".len())
            .any(|w| w == "비밀센터".as_bytes()),
        "the center's name must not be readable in the file"
    );
    assert!(
        SqliteStorage::open_keyed(&path, Some("wrong")).is_err(),
        "a wrong key is refused"
    );
    let reopened = SqliteStorage::open_keyed(&path, Some("서버 키 correct")).unwrap();
    let service = SyncService::new(Storage::Sqlite(reopened), ServiceConfig::default());
    assert_eq!(service.centers().unwrap()[0].name, "비밀센터");
}

#[test]
fn tls_serves_with_the_given_certificate_and_a_client_that_trusts_it() {
    front::install_log();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let (cert_pem, key_pem) = (cert.cert.pem(), cert.key_pair.serialize_pem());
    let service = Arc::new(SyncService::new(
        Storage::Sqlite(SqliteStorage::in_memory().unwrap()),
        ServiceConfig::default(),
    ));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let config = runtime
        .block_on(axum_server::tls_rustls::RustlsConfig::from_pem(
            cert_pem.clone().into_bytes(),
            key_pem.into_bytes(),
        ))
        .unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let app = router(service, HttpConfig::default());
    runtime.spawn(async move {
        axum_server::from_tcp_rustls(listener, config)
            .serve(app.into_make_service_with_connect_info::<SocketAddr>())
            .await
            .unwrap();
    });
    let trusting: ureq::Agent = ureq::Agent::config_builder()
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .root_certs(ureq::tls::RootCerts::Specific(Arc::new(vec![
                    ureq::tls::Certificate::from_pem(cert_pem.as_bytes())
                        .unwrap()
                        .to_owned(),
                ])))
                .build(),
        )
        .build()
        .into();
    let url = format!("https://localhost:{port}/sync/info");
    let mut answer = trusting.get(&url).call().unwrap();
    let info: Value = serde_json::from_str(&answer.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(
        info["protocols"],
        json!([1]),
        "the info answer came over TLS"
    );
    // A client with only the public roots refuses the self-signed certificate.
    let public: ureq::Agent = ureq::Agent::config_builder().build().into();
    assert!(
        public.get(&url).call().is_err(),
        "an untrusted certificate is refused"
    );
    // Plain HTTP to the TLS port is not served.
    let plain = agent()
        .get(format!("http://localhost:{port}/sync/info"))
        .call();
    assert!(
        plain.map_or(true, |r| r.status().as_u16() != 200),
        "the TLS port does not answer plain HTTP"
    );
}
