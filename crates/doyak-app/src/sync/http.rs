//! The HTTPS transport (ureq over rustls). Plain `http://` is refused except
//! to this machine (tests and a server on the same laptop): caseload data
//! never crosses a network unencrypted.

use super::{Transport, TransportError};
use doyak_sync_protocol::{
    DeviceToken, EnrollRequest, EnrollResponse, ErrorBody, ErrorCode, MAX_RESPONSE_BYTES, Message,
    PullRequest, PullResponse, PushRequest, PushResponse, ServerInfo, decode, encode, paths,
};
use std::sync::Arc;
use std::time::Duration;
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

/// Which certificate authorities the desk trusts.
#[derive(Debug, Clone, Default)]
pub enum TlsRoots {
    /// Mozilla's roots, built in.
    #[default]
    Public,
    /// Only these (PEM): a ministry's own CA, or a test's self-signed one.
    Pem(Vec<u8>),
}

/// Requests to one server with one device token.
#[derive(Debug)]
pub struct HttpTransport {
    agent: ureq::Agent,
    base: String,
    token: Option<DeviceToken>,
}

fn unreachable(e: impl std::fmt::Display) -> TransportError {
    TransportError::Unreachable(e.to_string())
}

/// Checks a server address: `https://…`, or `http://` to loopback only.
pub fn check_url(url: &str) -> Result<String, TransportError> {
    let url = url.trim().trim_end_matches('/');
    let refused = |message: &str| {
        let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
        body.message = message.to_owned();
        TransportError::Refused(body)
    };
    if let Some(rest) = url.strip_prefix("http://") {
        let host = rest.split(['/', '?']).next().unwrap_or_default();
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        let loopback = matches!(host, "localhost" | "[::1]") || host.starts_with("127.");
        if !loopback {
            return Err(refused(
                "암호화되지 않은 주소(http://)로는 보낼 수 없습니다. https:// 주소를 적어 주세요.",
            ));
        }
    } else if !url.starts_with("https://") {
        return Err(refused("서버 주소는 https://로 시작해야 합니다."));
    }
    Ok(url.to_owned())
}

impl HttpTransport {
    pub fn new(
        url: &str,
        token: Option<DeviceToken>,
        roots: &TlsRoots,
    ) -> Result<HttpTransport, TransportError> {
        let base = check_url(url)?;
        let root_certs = match roots {
            TlsRoots::Public => RootCerts::WebPki,
            TlsRoots::Pem(pem) => {
                let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(pem)
                    .filter_map(|item| match item {
                        Ok(PemItem::Certificate(c)) => Some(c.to_owned()),
                        _ => None,
                    })
                    .collect();
                if certs.is_empty() {
                    let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
                    body.message = "인증서 파일에 인증서가 없습니다.".into();
                    return Err(TransportError::Refused(body));
                }
                RootCerts::Specific(Arc::new(certs))
            }
        };
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_global(Some(Duration::from_secs(120)))
            .max_redirects(0)
            .tls_config(TlsConfig::builder().root_certs(root_certs).build())
            .build()
            .into();
        Ok(HttpTransport { agent, base, token })
    }

    fn read_answer<M: Message>(
        mut response: ureq::http::Response<ureq::Body>,
    ) -> Result<M, TransportError> {
        let status = response.status().as_u16();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BYTES as u64)
            .read_to_vec()
            .map_err(unreachable)?;
        if status == 200 {
            // A cut-off or garbled answer is no answer: try again later.
            return decode::<M>(&bytes).map_err(unreachable);
        }
        match serde_json::from_slice::<ErrorBody>(&bytes) {
            Ok(body) => Err(TransportError::Refused(body)),
            // A proxy's error page, a truncated body: nothing is known.
            Err(_) => Err(unreachable(format!("HTTP {status}"))),
        }
    }

    fn post<Req: Message, Res: Message>(
        &self,
        path: &str,
        request: &Req,
    ) -> Result<Res, TransportError> {
        let mut call = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Content-Type", "application/json");
        if let Some(token) = &self.token {
            call = call.header("Authorization", format!("Bearer {}", token.expose_secret()));
        }
        let response = call.send(&encode(request)[..]).map_err(unreachable)?;
        Self::read_answer(response)
    }

    pub fn info(&self) -> Result<ServerInfo, TransportError> {
        let mut response = self
            .agent
            .get(format!("{}{}", self.base, paths::INFO))
            .call()
            .map_err(unreachable)?;
        let bytes = response
            .body_mut()
            .with_config()
            .limit(1 << 20)
            .read_to_vec()
            .map_err(unreachable)?;
        serde_json::from_slice(&bytes).map_err(unreachable)
    }
}

impl Transport for HttpTransport {
    fn push(&mut self, request: &PushRequest) -> Result<PushResponse, TransportError> {
        self.post(paths::PUSH, request)
    }

    fn pull(&mut self, request: &PullRequest) -> Result<PullResponse, TransportError> {
        self.post(paths::PULL, request)
    }
}

/// The server's versions and limits.
pub fn server_info(url: &str, roots: &TlsRoots) -> Result<ServerInfo, TransportError> {
    HttpTransport::new(url, None, roots)?.info()
}

/// Exchanges an enrollment code for this device's token.
pub fn enroll(
    url: &str,
    roots: &TlsRoots,
    request: &EnrollRequest,
) -> Result<EnrollResponse, TransportError> {
    HttpTransport::new(url, None, roots)?.post(paths::ENROLL, request)
}
