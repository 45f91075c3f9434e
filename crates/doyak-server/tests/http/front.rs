//! The router without a socket: each request is answered by `oneshot`,
//! from a peer address the test picks, with the limiters on a clock the
//! test moves.

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request};
use chrono::{Duration, Utc};
use doyak_server::http::{HttpConfig, HttpLimits, ProxyNet, TrustedProxies, router};
use doyak_server::limit::ManualClock;
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use doyak_sync_protocol::{EnrollRequest, EnrollResponse, ProtocolVersion};
use serde_json::Value;
use std::cell::RefCell;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Once};
use tower::ServiceExt;
use uuid::Uuid;

pub struct Front {
    pub router: Router,
    pub service: Arc<SyncService>,
    pub center: Uuid,
    pub clock: Arc<ManualClock>,
    runtime: tokio::runtime::Runtime,
}

/// An answer: status, headers and the body as JSON (or a JSON string when
/// it is not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The protocol's error code, or "" for an answer that is not an error.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or_default()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub fn front(limits: HttpLimits, trusted: &[&str]) -> Front {
    install_log();
    let service = Arc::new(SyncService::new(
        Storage::Sqlite(SqliteStorage::in_memory().unwrap()),
        ServiceConfig::default(),
    ));
    let center = Uuid::now_v7();
    service.put_center(center, "서부센터").unwrap();
    let clock = Arc::new(ManualClock::default());
    let proxies: Vec<ProxyNet> = trusted.iter().map(|t| t.parse().unwrap()).collect();
    let router = router(
        service.clone(),
        HttpConfig {
            limits,
            trusted_proxies: TrustedProxies::new(proxies),
            clock: clock.clone(),
        },
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    Front {
        router,
        service,
        center,
        clock,
        runtime,
    }
}

impl Front {
    /// Sends one request from `peer` (an IP address) and waits for the answer.
    pub fn call(
        &self,
        peer: &str,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Answer {
        let mut request = Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(path)
            .header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request.body(Body::from(body.to_vec())).unwrap();
        let peer = SocketAddr::new(peer.parse().unwrap(), 40000);
        request.extensions_mut().insert(ConnectInfo(peer));
        let router = self.router.clone();
        self.runtime.block_on(async move {
            let response = router.oneshot(request).await.unwrap();
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Answer {
                status,
                headers,
                body: serde_json::from_str(&text).unwrap_or(Value::String(text)),
            }
        })
    }

    /// Enrolls a device from `peer`; its token.
    pub fn enroll(&self, peer: &str, device: Uuid) -> String {
        let code = self
            .service
            .create_enrollment_code(self.center, Duration::hours(1), Utc::now())
            .unwrap();
        let answer = self.call(
            peer,
            "post",
            "/sync/enroll",
            &[],
            &enroll_body(code, device),
        );
        assert_eq!(answer.status, 200, "{}", answer.body);
        let response: EnrollResponse = serde_json::from_value(answer.body).unwrap();
        response.token.expose_secret().to_owned()
    }

    /// A pull of the first page with `token` from `peer`.
    pub fn pull(&self, peer: &str, token: &str) -> Answer {
        let bearer = format!("Bearer {token}");
        self.call(
            peer,
            "post",
            "/sync/pull",
            &[("authorization", &bearer)],
            br#"{"protocol": 1, "cursor": 0, "limit": 10}"#,
        )
    }
}

/// An enrollment request with `code`.
pub fn enroll_body(code: doyak_sync_protocol::EnrollmentCode, device: Uuid) -> Vec<u8> {
    serde_json::to_vec(&EnrollRequest {
        protocol: ProtocolVersion::V1,
        code,
        device_id: device,
        device_name: "노트북".into(),
        app_version: "test".into(),
        center_id: None,
    })
    .unwrap()
}

/// An enrollment attempt with a code nobody issued: 401 while the address
/// may still try, 429 once it may not.
pub const GUESS: &[u8] = br#"{"protocol": 1, "code": "0000-0000-0000", "device_id": "0199c9a4-8e00-7000-8000-0000000000d1", "device_name": "x", "app_version": "t"}"#;

thread_local! {
    /// Where this thread's log lines go while [`capture_log`] runs.
    static CAPTURED: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// Writes a log line into the capture of the thread that logs it, if any.
struct ThreadLog;

impl Write for ThreadLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        CAPTURED.with(|c| {
            if let Some(captured) = c.borrow_mut().as_mut() {
                captured.extend_from_slice(buf);
            }
        });
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One global JSON subscriber for the whole test binary, installed before
/// any test sends a request. (A subscriber set per test with
/// `with_default` missed lines now and then: another test's thread could
/// register the log's call site in between and cache it as disabled.)
pub fn install_log() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::INFO)
            .with_writer(|| ThreadLog)
            .finish();
        tracing::subscriber::set_global_default(subscriber).unwrap();
    });
}

/// Runs `f` and returns what it logged on this thread. `Front::call` runs
/// the router on the calling thread, so its request lines are here.
pub fn capture_log<R>(f: impl FnOnce() -> R) -> (R, String) {
    install_log();
    CAPTURED.with(|c| *c.borrow_mut() = Some(Vec::new()));
    let result = f();
    let captured = CAPTURED.with(|c| c.borrow_mut().take()).unwrap_or_default();
    (result, String::from_utf8(captured).unwrap())
}
