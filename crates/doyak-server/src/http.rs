//! The HTTP front: routes, bearer tokens, body limits, rate limits, and one
//! structured log line per request (route, status, device, center, counts,
//! milliseconds; never a body, a token or a record value).

mod client;

pub use client::{ClientAddr, ProxyNet, ProxyNetError, TrustedProxies, X_FORWARDED_FOR};

use crate::error::{ApiError, status_of};
use crate::service::SyncService;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use doyak_sync_protocol::{
    EnrollRequest, ErrorBody, ErrorCode, MAX_REQUEST_BYTES, Message, PullRequest, PushRequest,
    decode, encode, paths,
};
use serde::Serialize;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Path of the national counts.
pub const COUNTS: &str = "/stats/counts";
pub const OPENAPI: &str = "/openapi.json";
pub const HEALTH: &str = "/healthz";

/// A token bucket per key (a device, or an address for enrollment).
#[derive(Debug)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    pub fn new(per_second: f64, burst: f64) -> RateLimiter {
        RateLimiter {
            per_second,
            burst,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `key`; `false` when the bucket is empty.
    pub fn allow(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > 100_000 {
            // Bounded memory under a flood of addresses: forget full buckets.
            let (rate, burst) = (self.per_second, self.burst);
            buckets.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < burst
            });
        }
        let (tokens, at) = buckets.entry(key.to_owned()).or_insert((self.burst, now));
        *tokens =
            (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Limits of the HTTP front.
#[derive(Debug, Clone, Copy)]
pub struct HttpLimits {
    /// Requests per second and burst, per device.
    pub device_rate: (f64, f64),
    /// Enrollment attempts per second and burst, per client address.
    pub enroll_rate: (f64, f64),
}

impl Default for HttpLimits {
    fn default() -> Self {
        HttpLimits {
            device_rate: (50.0, 200.0),
            enroll_rate: (0.2, 5.0),
        }
    }
}

#[derive(Debug)]
struct App {
    service: Arc<SyncService>,
    devices: RateLimiter,
    enrollments: RateLimiter,
}

/// The router. Serve it `into_make_service_with_connect_info::<SocketAddr>()`.
pub fn router(service: Arc<SyncService>, limits: HttpLimits) -> Router {
    let app = Arc::new(App {
        service,
        devices: RateLimiter::new(limits.device_rate.0, limits.device_rate.1),
        enrollments: RateLimiter::new(limits.enroll_rate.0, limits.enroll_rate.1),
    });
    Router::new()
        .route(paths::INFO, get(info))
        .route(paths::ENROLL, post(enroll))
        .route(paths::PUSH, post(push))
        .route(paths::PULL, post(pull))
        .route(COUNTS, get(counts))
        .route(OPENAPI, get(openapi))
        .route(HEALTH, get(|| async { "ok" }))
        .fallback(|| async { error(ApiError::with_body(not_found())) })
        // One byte over the protocol's limit still reaches `decode`, which
        // answers `request.too_large` in the protocol's own words.
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES + 1))
        .with_state(app)
}

fn not_found() -> ErrorBody {
    let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
    body.message = "없는 주소입니다.".into();
    body
}

fn json<T: Serialize>(status: u16, value: &T) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_default();
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

fn error(e: ApiError) -> Response {
    json(e.status, &e.body)
}

fn message<M: Message>(status: u16, m: &M) -> Response {
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
        [(header::CONTENT_TYPE, "application/json")],
        encode(m),
    )
        .into_response()
}

fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|rejection| {
        let code = if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ErrorCode::RequestTooLarge
        } else {
            ErrorCode::RequestMalformed
        };
        ApiError::new(code)
    })
}

fn read<M: Message>(body: Result<Bytes, BytesRejection>) -> Result<M, ApiError> {
    let bytes = body_bytes(body)?;
    decode::<M>(&bytes).map_err(|e| ApiError::with_body(e.to_body()))
}

fn bearer(headers: &HeaderMap) -> Result<String, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::new(ErrorCode::AuthMissing))?;
    let text = value
        .to_str()
        .map_err(|_| ApiError::new(ErrorCode::AuthInvalid))?;
    text.strip_prefix("Bearer ")
        .map(|t| t.trim().to_owned())
        .ok_or_else(|| ApiError::new(ErrorCode::AuthMissing))
}

/// Runs blocking storage work off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|e| {
        tracing::error!(error = %e, "request task failed");
        Err(ApiError::new(ErrorCode::ServerInternal))
    })
}

/// What one request leaves in the log.
#[derive(Default)]
struct Trace {
    device: Option<uuid::Uuid>,
    center: Option<uuid::Uuid>,
    items: usize,
}

fn log(route: &'static str, started: Instant, status: u16, code: Option<&ErrorCode>, t: &Trace) {
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let device = t.device.map(|d| d.to_string()).unwrap_or_default();
    let center = t.center.map(|c| c.to_string()).unwrap_or_default();
    let code = code.map(|c| c.as_str().to_owned()).unwrap_or_default();
    if status >= 500 {
        tracing::error!(
            route,
            status,
            code,
            device,
            center,
            items = t.items,
            ms,
            "request"
        );
    } else {
        tracing::info!(
            route,
            status,
            code,
            device,
            center,
            items = t.items,
            ms,
            "request"
        );
    }
}

fn finish<M: Message>(
    route: &'static str,
    started: Instant,
    trace: &Trace,
    r: Result<M, ApiError>,
) -> Response {
    // The answer is encoded before the time is taken: `ms` is the server's
    // whole work on the request, from the received body to the answer's bytes.
    match r {
        Ok(m) => {
            let response = message(200, &m);
            log(route, started, 200, None, trace);
            response
        }
        Err(e) => {
            let (status, code) = (e.status, e.code().clone());
            let response = error(e);
            log(route, started, status, Some(&code), trace);
            response
        }
    }
}

async fn info(State(app): State<Arc<App>>) -> Response {
    json(200, &app.service.info())
}

async fn authenticate(
    app: &Arc<App>,
    headers: &HeaderMap,
    trace: &mut Trace,
) -> Result<crate::model::DeviceRow, ApiError> {
    let token = bearer(headers)?;
    let service = app.service.clone();
    let device = blocking(move || service.authenticate(&token, Utc::now())).await?;
    trace.device = Some(device.device_id);
    trace.center = Some(device.center_id);
    if !app.devices.allow(&device.device_id.to_string()) {
        return Err(ApiError::new(ErrorCode::RequestRateLimited));
    }
    Ok(device)
}

async fn enroll(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let started = Instant::now();
    let mut trace = Trace::default();
    let result = async {
        if !app.enrollments.allow(&client_key(peer.ip())) {
            return Err(ApiError::new(ErrorCode::RequestRateLimited));
        }
        let req: EnrollRequest = read(body)?;
        trace.device = Some(req.device_id);
        let service = app.service.clone();
        blocking(move || service.enroll(&req, Utc::now())).await
    }
    .await;
    if let Ok(r) = &result {
        trace.center = Some(r.center_id);
    }
    finish("enroll", started, &trace, result)
}

/// Enrollment is limited per address; IPv6 clients per /64, since one host
/// holds a whole one.
fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

async fn push(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let started = Instant::now();
    let mut trace = Trace::default();
    let result = async {
        let device = authenticate(&app, &headers, &mut trace).await?;
        let req: PushRequest = read(body)?;
        trace.items = req.mutations.len();
        let service = app.service.clone();
        blocking(move || service.push(&device, req, Utc::now())).await
    }
    .await;
    finish("push", started, &trace, result)
}

async fn pull(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let started = Instant::now();
    let mut trace = Trace::default();
    let result = async {
        let device = authenticate(&app, &headers, &mut trace).await?;
        let req: PullRequest = read(body)?;
        let service = app.service.clone();
        blocking(move || service.pull(&device, &req, Utc::now())).await
    }
    .await;
    if let Ok(page) = &result {
        trace.items = page.changes.len();
    }
    finish("pull", started, &trace, result)
}

#[derive(Debug, serde::Deserialize)]
struct Period {
    from: Option<String>,
    to: Option<String>,
}

/// The national counts: any enrolled device may read them (they hold no
/// personal data: numbers per center and month).
async fn counts(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    period: Result<Query<Period>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let started = Instant::now();
    let mut trace = Trace::default();
    let result = async {
        authenticate(&app, &headers, &mut trace).await?;
        let Query(period) = period.map_err(|_| ApiError::new(ErrorCode::RequestMalformed))?;
        let (from, to) = match (period.from, period.to) {
            (Some(f), Some(t)) => (f, t),
            _ => {
                let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
                body.details = vec!["from=YYYY-MM&to=YYYY-MM 를 함께 적어 주세요.".into()];
                return Err(ApiError::with_body(body));
            }
        };
        let service = app.service.clone();
        blocking(move || service.counts(&from, &to)).await
    }
    .await;
    match result {
        Ok(rows) => {
            trace.items = rows.len();
            log("counts", started, 200, None, &trace);
            json(200, &serde_json::json!({ "counts": rows }))
        }
        Err(e) => {
            log("counts", started, e.status, Some(e.code()), &trace);
            error(e)
        }
    }
}

async fn openapi() -> Response {
    json(200, &crate::openapi::document())
}

/// The status a code answers with (re-exported for tests).
pub fn status(code: &ErrorCode) -> u16 {
    status_of(code)
}
