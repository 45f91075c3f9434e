//! The HTTP front: routes, who may call them, body limits, rate limits,
//! and one structured log line per request (route, status, code, device,
//! center, client address, counts, milliseconds; never a body, a token or
//! a record value).
//!
//! Every route needs a token except the paths in [`PUBLIC_PATHS`]: the
//! router puts each other route behind the [`AuthedCaller`] extractor
//! before its handler runs, whatever the handler takes, so a new route is
//! closed until someone lists it there (and /openapi.json, which reads the
//! same list, then says so). A device's token serves every route; a
//! viewer's (`doyak-server viewer`) only the national counts: the sync
//! routes take [`AuthedDevice`], which refuses it.

mod access;
mod auth;
mod client;

pub use auth::{AuthedCaller, AuthedDevice};
pub use client::{ClientAddr, ProxyNet, ProxyNetError, TrustedProxies, X_FORWARDED_FOR};

use crate::error::{ApiError, status_of};
use crate::limit::{Clock, Rate, RateLimiter, RetryAfter, SystemClock};
use crate::model::{DeviceRow, ViewerRow};
use crate::service::{Caller, SyncService};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, MatchedPath, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_extractor_with_state, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use chrono::Utc;
use doyak_sync_protocol::{
    EnrollRequest, ErrorBody, ErrorCode, MAX_REQUEST_BYTES, Message, PullRequest, PushRequest,
    decode, encode, paths,
};
use serde::Serialize;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;
use uuid::Uuid;

/// Path of the national counts.
pub const COUNTS: &str = "/stats/counts";
/// Path of the national figures (the desk's 성과, month by month).
pub const FIGURES: &str = "/stats/figures";
pub const OPENAPI: &str = "/openapi.json";
pub const HEALTH: &str = "/healthz";
/// The read-only national page and what it loads (docs/national.md).
pub const NATIONAL: &str = "/national";
pub const NATIONAL_SCRIPT: &str = "/national/app.js";
pub const NATIONAL_FONT: &str = "/national/font.otf";
/// A center's access log (개인정보 접근 기록) for its administrator's
/// viewer token (`crate::access_log`), as JSON and as CSV.
pub const CENTER_ACCESS_LOG: &str = "/center/access-log";
pub const CENTER_ACCESS_LOG_CSV: &str = "/center/access-log.csv";
/// The administrator's page for it and its script (no entry in either).
pub const CENTER_ACCESS_PAGE: &str = "/center/access";
pub const CENTER_ACCESS_SCRIPT: &str = "/center/access.js";

/// The paths anyone may call without a token: what the server is
/// (protocols and limits, this API's document, a liveness probe),
/// enrollment, which is how a device gets its token, and the national
/// page's files, which hold no figure (the page asks /stats/counts with
/// the viewer's token). Every other route refuses a request without a
/// valid token (401) before its handler runs.
pub const PUBLIC_PATHS: &[&str] = &[
    paths::INFO,
    paths::ENROLL,
    OPENAPI,
    HEALTH,
    NATIONAL,
    NATIONAL_SCRIPT,
    NATIONAL_FONT,
    CENTER_ACCESS_PAGE,
    CENTER_ACCESS_SCRIPT,
];

/// Every route the server has. The router serves exactly these, and
/// /openapi.json documents exactly these (tests/http checks both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Info,
    Enroll,
    Push,
    Pull,
    AccessLogUpload,
    Counts,
    Figures,
    AccessLog,
    AccessLogCsv,
    OpenApi,
    Health,
    National,
    NationalScript,
    NationalFont,
    AccessPage,
    AccessScript,
}

impl Endpoint {
    pub const ALL: [Endpoint; 16] = [
        Endpoint::Info,
        Endpoint::Enroll,
        Endpoint::Push,
        Endpoint::Pull,
        Endpoint::AccessLogUpload,
        Endpoint::Counts,
        Endpoint::Figures,
        Endpoint::AccessLog,
        Endpoint::AccessLogCsv,
        Endpoint::OpenApi,
        Endpoint::Health,
        Endpoint::National,
        Endpoint::NationalScript,
        Endpoint::NationalFont,
        Endpoint::AccessPage,
        Endpoint::AccessScript,
    ];

    /// The method, lower case as OpenAPI writes it.
    pub fn method(self) -> &'static str {
        match self {
            Endpoint::Enroll | Endpoint::Push | Endpoint::Pull | Endpoint::AccessLogUpload => {
                "post"
            }
            _ => "get",
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            Endpoint::Info => paths::INFO,
            Endpoint::Enroll => paths::ENROLL,
            Endpoint::Push => paths::PUSH,
            Endpoint::Pull => paths::PULL,
            Endpoint::AccessLogUpload => paths::ACCESS_LOG,
            Endpoint::Counts => COUNTS,
            Endpoint::Figures => FIGURES,
            Endpoint::AccessLog => CENTER_ACCESS_LOG,
            Endpoint::AccessLogCsv => CENTER_ACCESS_LOG_CSV,
            Endpoint::OpenApi => OPENAPI,
            Endpoint::Health => HEALTH,
            Endpoint::National => NATIONAL,
            Endpoint::NationalScript => NATIONAL_SCRIPT,
            Endpoint::NationalFont => NATIONAL_FONT,
            Endpoint::AccessPage => CENTER_ACCESS_PAGE,
            Endpoint::AccessScript => CENTER_ACCESS_SCRIPT,
        }
    }

    /// The route's name in the log (the benchmark adds up `push` and `pull`).
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Info => "info",
            Endpoint::Enroll => "enroll",
            Endpoint::Push => "push",
            Endpoint::Pull => "pull",
            Endpoint::AccessLogUpload => "access_log_upload",
            Endpoint::Counts => "counts",
            Endpoint::Figures => "figures",
            Endpoint::AccessLog
            | Endpoint::AccessLogCsv
            | Endpoint::AccessPage
            | Endpoint::AccessScript => "access_log",
            Endpoint::OpenApi => "openapi",
            Endpoint::Health => "health",
            Endpoint::National | Endpoint::NationalScript | Endpoint::NationalFont => "national",
        }
    }

    pub fn is_public(self) -> bool {
        PUBLIC_PATHS.contains(&self.path())
    }

    fn handler(self) -> MethodRouter<Arc<App>> {
        match self {
            Endpoint::Info => get(info),
            Endpoint::Enroll => post(enroll),
            Endpoint::Push => post(push),
            Endpoint::Pull => post(pull),
            Endpoint::AccessLogUpload => post(access::upload),
            Endpoint::Counts => get(counts),
            Endpoint::Figures => get(figures),
            Endpoint::AccessLog => get(access::entries),
            Endpoint::AccessLogCsv => get(access::csv),
            Endpoint::OpenApi => get(openapi),
            Endpoint::Health => get(|| async { "ok" }),
            Endpoint::National => get(|| async { page("text/html; charset=utf-8", PAGE_HTML) }),
            Endpoint::NationalScript => {
                get(|| async { page("text/javascript; charset=utf-8", PAGE_SCRIPT) })
            }
            Endpoint::NationalFont => get(|| async { page("font/otf", PAGE_FONT) }),
            Endpoint::AccessPage => get(|| async { page("text/html; charset=utf-8", ACCESS_HTML) }),
            Endpoint::AccessScript => {
                get(|| async { page("text/javascript; charset=utf-8", ACCESS_SCRIPT) })
            }
        }
    }
}

/// Limits of the HTTP front.
#[derive(Debug, Clone, Copy)]
pub struct HttpLimits {
    /// Requests per device.
    pub device_rate: Rate,
    /// Enrollment attempts per client address.
    pub enroll_rate: Rate,
    /// Failed token checks per client address (no token, a malformed one,
    /// one never issued). Once they are spent, the address is answered 429
    /// before its token is even read, until the bucket refills.
    pub auth_failures: Rate,
    /// Keys each limiter remembers (devices, addresses); its memory is
    /// allocated once for this many.
    pub remembered: usize,
}

impl Default for HttpLimits {
    fn default() -> Self {
        HttpLimits {
            device_rate: Rate {
                per_second: 50.0,
                burst: 200.0,
            },
            enroll_rate: Rate::per_minute(12.0, 5.0),
            auth_failures: Rate::per_minute(1.0, 10.0),
            remembered: 65_536,
        }
    }
}

/// How the HTTP front is set up.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    pub limits: HttpLimits,
    /// Reverse proxies whose `X-Forwarded-For` names the client; none by
    /// default, and then the header is ignored.
    pub trusted_proxies: TrustedProxies,
    /// The limiters' time (tests move a [`crate::limit::ManualClock`]).
    pub clock: Arc<dyn Clock>,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            limits: HttpLimits::default(),
            trusted_proxies: TrustedProxies::default(),
            clock: Arc::new(SystemClock::new()),
        }
    }
}

#[derive(Debug)]
struct App {
    service: Arc<SyncService>,
    devices: RateLimiter<Uuid>,
    enrollments: RateLimiter<IpAddr>,
    auth_failures: RateLimiter<IpAddr>,
    proxies: TrustedProxies,
}

/// The router. Serve it `into_make_service_with_connect_info::<SocketAddr>()`:
/// the peer's address is needed for the limits per address.
pub fn router(service: Arc<SyncService>, config: HttpConfig) -> Router {
    let app = Arc::new(App::new(service, config));
    let routes = Endpoint::ALL.map(|e| (e.path(), e.handler()));
    serve(app, routes)
}

impl App {
    fn new(service: Arc<SyncService>, config: HttpConfig) -> App {
        let HttpConfig {
            limits,
            trusted_proxies,
            clock,
        } = config;
        App {
            service,
            devices: RateLimiter::new(limits.device_rate, limits.remembered, clock.clone()),
            enrollments: RateLimiter::new(limits.enroll_rate, limits.remembered, clock.clone()),
            auth_failures: RateLimiter::new(limits.auth_failures, limits.remembered, clock),
            proxies: trusted_proxies,
        }
    }
}

/// The router over `routes`: each path not in [`PUBLIC_PATHS`] is put
/// behind the [`AuthedCaller`] extractor before its handler runs, whether
/// or not the handler asks for the device (it gets the same one if it
/// does); then the body limit and the request log around everything.
fn serve(
    app: Arc<App>,
    routes: impl IntoIterator<Item = (&'static str, MethodRouter<Arc<App>>)>,
) -> Router {
    let mut router = Router::new();
    for (path, mut route) in routes {
        if !PUBLIC_PATHS.contains(&path) {
            route = route.route_layer(from_extractor_with_state::<AuthedCaller, _>(app.clone()));
        }
        router = router.route(path, route);
    }
    router
        // After the routes: it becomes each route's answer to a method it
        // does not take (axum adds `Allow`). It stands outside the route's
        // token guard, so the method is checked first: a 405 tells nothing
        // /openapi.json does not, it is the same with or without a token,
        // and a request that can never be served neither spends the
        // device's rate nor counts as a failed token check.
        .method_not_allowed_fallback(|| async {
            error(ApiError::new(ErrorCode::RequestMethodNotAllowed))
        })
        .fallback(|| async { error(ApiError::new(ErrorCode::RequestNotFound)) })
        // One byte over the protocol's limit still reaches `decode`, which
        // answers `request.too_large` in the protocol's own words.
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES + 1))
        .layer(from_fn_with_state(app.clone(), log_requests))
        .with_state(app)
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

/// An error answer; its code rides along in the response's extensions for
/// the log line. A 401 about the device token says which scheme the
/// server takes (RFC 9110 §11.6.1), whether the guard or a handler (a push
/// naming another device, a device revoked meanwhile) refused it.
fn error(e: ApiError) -> Response {
    let token_refused = matches!(
        e.body.code,
        ErrorCode::AuthMissing
            | ErrorCode::AuthInvalid
            | ErrorCode::AuthRevoked
            | ErrorCode::AuthExpired
    );
    let mut response = json(e.status, &e.body);
    if e.status == 401 && token_refused {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"doyak\""),
        );
    }
    response.extensions_mut().insert(e.body.code);
    response
}

/// 429 with `Retry-After` in whole seconds.
fn rate_limited(wait: RetryAfter) -> Response {
    let mut response = error(ApiError::new(ErrorCode::RequestRateLimited));
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait.seconds()));
    response
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

/// Runs blocking storage work off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|e| {
        tracing::error!(error = %e, "request task failed");
        Err(ApiError::new(ErrorCode::ServerInternal))
    })
}

/// What a handler adds to its request's log line, carried out in the
/// response's extensions.
#[derive(Debug, Clone, Default)]
struct Trace {
    device: Option<Uuid>,
    viewer: Option<Uuid>,
    center: Option<Uuid>,
    items: usize,
    /// When the handler started, its body read: `ms` is then the server's
    /// own work on the request, from the received body to the answer's
    /// bytes (the benchmark adds it up), not the time the body took to come.
    started: Option<Instant>,
}

impl Trace {
    fn of(device: &DeviceRow) -> Trace {
        Trace {
            device: Some(device.device_id),
            center: Some(device.center_id),
            started: Some(Instant::now()),
            ..Trace::default()
        }
    }

    fn of_viewer(viewer: &ViewerRow) -> Trace {
        let center = match viewer.scope {
            crate::model::ViewerScope::Center(c) => Some(c),
            _ => None,
        };
        Trace {
            viewer: Some(viewer.viewer_id),
            center,
            started: Some(Instant::now()),
            ..Trace::default()
        }
    }

    fn of_caller(caller: &Caller) -> Trace {
        match caller {
            Caller::Device(d) => Trace::of(d),
            Caller::Viewer(v) => Trace::of_viewer(v),
        }
    }
}

/// Finds the client's address for everything after it (limits, the
/// guard, handlers) and writes the request's one log line.
async fn log_requests(State(app): State<Arc<App>>, mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let endpoint = request
        .extensions()
        .get::<MatchedPath>()
        .and_then(|m| Endpoint::ALL.into_iter().find(|e| e.path() == m.as_str()));
    let Some(ConnectInfo(peer)) = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .copied()
    else {
        tracing::error!(
            "served without the peer's address: use into_make_service_with_connect_info"
        );
        return error(ApiError::new(ErrorCode::ServerInternal));
    };
    let client = ClientAddr(
        app.proxies
            .client(peer.ip(), request.headers().get_all(X_FORWARDED_FOR)),
    );
    request.extensions_mut().insert(client);
    let response = next.run(request).await;

    let trace = response
        .extensions()
        .get::<Trace>()
        .cloned()
        .unwrap_or_default();
    let route = endpoint.map_or("unknown", Endpoint::name);
    let status = response.status().as_u16();
    let code = response
        .extensions()
        .get::<ErrorCode>()
        .map(|c| c.as_str().to_owned())
        .unwrap_or_default();
    let device = trace.device.map(|d| d.to_string()).unwrap_or_default();
    let viewer = trace.viewer.map(|v| v.to_string()).unwrap_or_default();
    let center = trace.center.map(|c| c.to_string()).unwrap_or_default();
    let client = client.0.to_string();
    let ms = trace.started.unwrap_or(started).elapsed().as_secs_f64() * 1000.0;
    macro_rules! line {
        ($level:expr) => {
            tracing::event!(
                $level,
                route,
                status,
                code,
                device,
                viewer,
                center,
                client,
                items = trace.items,
                ms,
                "request"
            )
        };
    }
    if status >= 500 {
        line!(tracing::Level::ERROR);
    } else if endpoint == Some(Endpoint::Health) && status < 400 {
        // A load balancer asks every few seconds; anything else sent to
        // the path (a wrong method) is logged like any refusal.
        line!(tracing::Level::DEBUG);
    } else {
        line!(tracing::Level::INFO);
    }
    response
}

/// The answer, with the handler's part of the log line. The answer is
/// encoded before the log line takes the time.
fn finish<M: Message>(trace: Trace, r: Result<M, ApiError>) -> Response {
    let mut response = match r {
        Ok(m) => message(200, &m),
        Err(e) => error(e),
    };
    response.extensions_mut().insert(trace);
    response
}

async fn info(State(app): State<Arc<App>>) -> Response {
    json(200, &app.service.info())
}

async fn enroll(
    State(app): State<Arc<App>>,
    client: ClientAddr,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if let Err(wait) = app.enrollments.allow(client.limit_key()) {
        return rate_limited(wait);
    }
    let mut trace = Trace {
        started: Some(Instant::now()),
        ..Trace::default()
    };
    let result = async {
        let req: EnrollRequest = read(body)?;
        trace.device = Some(req.device_id);
        let service = app.service.clone();
        blocking(move || service.enroll(&req, Utc::now())).await
    }
    .await;
    if let Ok(r) = &result {
        trace.center = Some(r.center_id);
    }
    finish(trace, result)
}

async fn push(
    State(app): State<Arc<App>>,
    AuthedDevice(device): AuthedDevice,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let mut trace = Trace::of(&device);
    let result = async {
        let req: PushRequest = read(body)?;
        trace.items = req.mutations.len();
        let service = app.service.clone();
        blocking(move || service.push(&device, req, Utc::now())).await
    }
    .await;
    finish(trace, result)
}

async fn pull(
    State(app): State<Arc<App>>,
    AuthedDevice(device): AuthedDevice,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let mut trace = Trace::of(&device);
    let result = async {
        let req: PullRequest = read(body)?;
        let service = app.service.clone();
        blocking(move || service.pull(&device, &req, Utc::now())).await
    }
    .await;
    if let Ok(page) = &result {
        trace.items = page.changes.len();
    }
    finish(trace, result)
}

#[derive(Debug, serde::Deserialize)]
struct Period {
    from: Option<String>,
    to: Option<String>,
}

/// The national counts as the caller may read them: a device its own
/// center's, a viewer its region's or the nation's (see [`crate::national`]).
async fn counts(
    State(app): State<Arc<App>>,
    AuthedCaller(caller): AuthedCaller,
    period: Result<Query<Period>, axum::extract::rejection::QueryRejection>,
) -> Response {
    stats(
        app,
        caller,
        period,
        |c: &crate::national::Counts| c.counts.len(),
        |service, scope, from, to| service.counts(&scope, &from, &to),
    )
    .await
}

/// A `/stats/…` answer: the period read, `answer` run off the async
/// threads with the caller's scope, the rows counted for the log line.
async fn stats<T: Serialize + Send + 'static>(
    app: Arc<App>,
    caller: Caller,
    period: Result<Query<Period>, axum::extract::rejection::QueryRejection>,
    items: fn(&T) -> usize,
    answer: impl FnOnce(Arc<SyncService>, crate::national::Scope, String, String) -> Result<T, ApiError>
    + Send
    + 'static,
) -> Response {
    let mut trace = Trace::of_caller(&caller);
    let result = async {
        let (from, to) = period_of(period)?;
        let (service, scope) = (app.service.clone(), caller.scope());
        blocking(move || answer(service, scope, from, to)).await
    }
    .await;
    let mut response = match result {
        Ok(body) => {
            trace.items = items(&body);
            json(200, &body)
        }
        Err(e) => error(e),
    };
    response.extensions_mut().insert(trace);
    response
}

const PAGE_HTML: &[u8] = include_bytes!("../web/national.html");
const PAGE_SCRIPT: &[u8] = include_bytes!("../web/national.js");
const ACCESS_HTML: &[u8] = include_bytes!("../web/access.html");
const ACCESS_SCRIPT: &[u8] = include_bytes!("../web/access.js");
/// The government's own typeface (assets/fonts, with its licence there):
/// the page reads the same on a machine without a Korean font.
const PAGE_FONT: &[u8] = include_bytes!("../../../assets/fonts/PretendardGOV-Regular.otf");

/// One of the national page's files. The page may load only its own
/// script and font and talk only to this server: nothing else runs in it
/// and no figure leaves it for another site.
fn page(content_type: &'static str, body: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; \
                 font-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; \
                 form-action 'none'; frame-ancestors 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// The desk's figures month by month as the caller may read them (see
/// [`SyncService::figures`]); "today" is the day in Korea.
async fn figures(
    State(app): State<Arc<App>>,
    AuthedCaller(caller): AuthedCaller,
    period: Result<Query<Period>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let today = crate::kept::korea_today();
    stats(
        app,
        caller,
        period,
        |f: &crate::national::Figures| f.by_center.len(),
        move |service, scope, from, to| service.figures(&scope, &from, &to, today),
    )
    .await
}

/// `from` and `to`, both required.
fn period_of(
    period: Result<Query<Period>, axum::extract::rejection::QueryRejection>,
) -> Result<(String, String), ApiError> {
    let Query(period) = period.map_err(|_| ApiError::new(ErrorCode::RequestMalformed))?;
    match (period.from, period.to) {
        (Some(f), Some(t)) => Ok((f, t)),
        _ => {
            let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
            body.details = vec!["from=YYYY-MM&to=YYYY-MM 를 함께 적어 주세요.".into()];
            Err(ApiError::with_body(body))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SqliteStorage, Storage};
    use axum::body::Body;
    use tower::ServiceExt;

    /// A route someone adds and forgets to protect: its handler takes no
    /// device. Unless its path is listed public, the router refuses it.
    #[tokio::test]
    async fn a_new_route_is_closed_until_listed_public() {
        let service = SyncService::new(
            Storage::Sqlite(SqliteStorage::in_memory().expect("an in-memory database")),
            crate::ServiceConfig::default(),
        );
        let app = Arc::new(App::new(Arc::new(service), HttpConfig::default()));
        let open = || get(|| async { "open" });
        let router = serve(app, [("/admin/secrets", open()), (HEALTH, open())]);
        let status = |path: &'static str| {
            let router = router.clone();
            async move {
                let mut request = axum::http::Request::get(path)
                    .body(Body::empty())
                    .expect("a request");
                request
                    .extensions_mut()
                    .insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 1], 4000))));
                let response = router.oneshot(request).await.expect("an answer");
                let code = response.extensions().get::<ErrorCode>().cloned();
                (response.status().as_u16(), code)
            }
        };
        assert_eq!(
            status("/admin/secrets").await,
            (401, Some(ErrorCode::AuthMissing)),
            "a path not in PUBLIC_PATHS needs a token, whatever its handler takes"
        );
        assert_eq!(status(HEALTH).await, (200, None), "a listed path is open");
    }
}
