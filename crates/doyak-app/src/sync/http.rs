//! The HTTPS transport (ureq over rustls). Plain `http://` is refused except
//! to this machine (tests and a server on the same laptop): caseload data
//! never crosses a network unencrypted.

use super::{Transport, TransportError};
use doyak_sync_protocol::{
    AccessLogRequest, AccessLogResponse, DeviceToken, EnrollRequest, EnrollResponse, ErrorBody,
    MAX_RESPONSE_BYTES, Message, PullRequest, PullResponse, PushRequest, PushResponse, ServerInfo,
    decode, encode, paths,
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

impl TlsRoots {
    /// The roots a PEM file names (`--ca-cert`, `DOYAK_SYNC_CA`), or the
    /// public ones when none is named. A named file that cannot be read or
    /// holds no certificate is an error: falling back to the public roots
    /// would trust servers the center never meant to.
    pub fn from_pem_file(path: Option<&std::path::Path>) -> Result<TlsRoots, TransportError> {
        let Some(path) = path else {
            return Ok(TlsRoots::Public);
        };
        let refused = TransportError::Config;
        let pem = std::fs::read(path).map_err(|e| {
            refused(format!(
                "서버 인증서 파일(DOYAK_SYNC_CA)을 읽을 수 없습니다: {}: {e}",
                path.display()
            ))
        })?;
        let roots = TlsRoots::Pem(pem);
        roots.certificates().map_err(|_| {
            refused(format!(
                "서버 인증서 파일에 인증서(PEM)가 없습니다: {}",
                path.display()
            ))
        })?;
        Ok(roots)
    }

    /// The certificates to trust; an error for a PEM text with none.
    fn certificates(&self) -> Result<RootCerts, TransportError> {
        match self {
            TlsRoots::Public => Ok(RootCerts::WebPki),
            TlsRoots::Pem(pem) => {
                let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(pem)
                    .filter_map(|item| match item {
                        Ok(PemItem::Certificate(c)) => Some(c.to_owned()),
                        _ => None,
                    })
                    .collect();
                if certs.is_empty() {
                    return Err(TransportError::Config(
                        "인증서 파일에 인증서가 없습니다.".into(),
                    ));
                }
                Ok(RootCerts::Specific(Arc::new(certs)))
            }
        }
    }
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

/// Checks a server address and returns its base (no trailing `/`):
/// `https://…`, or plain `http://` only to this machine (a loopback IP or
/// `localhost`). Parsed with a URL parser, never by splitting strings: a
/// host such as `127.attacker.example` or `127.0.0.1@evil.example` is
/// another machine. User names and passwords in the address are refused
/// (they would travel in clear inside the URL), and so are a query or a
/// fragment (the request paths are appended to the base).
pub fn check_url(url: &str) -> Result<String, TransportError> {
    let refused = |message: &str| TransportError::Config(message.to_owned());
    let parsed = url::Url::parse(url.trim())
        .map_err(|_| refused("서버 주소의 형식이 올바르지 않습니다. 예: https://서버:8443"))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(refused(
            "서버 주소에 사용자 이름이나 암호를 넣을 수 없습니다(@ 앞부분을 지워 주세요).",
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(refused("서버 주소에는 ?나 # 뒤의 부분을 넣을 수 없습니다."));
    }
    let host = parsed
        .host()
        .ok_or_else(|| refused("서버 주소에 컴퓨터 이름이 없습니다. 예: https://서버:8443"))?;
    match parsed.scheme() {
        "https" => {}
        "http" => {
            let loopback = match host {
                url::Host::Ipv4(ip) => ip.is_loopback(),
                url::Host::Ipv6(ip) => ip.is_loopback(),
                url::Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
            };
            if !loopback {
                return Err(refused(
                    "암호화되지 않은 주소(http://)로는 보낼 수 없습니다. https:// 주소를 적어 주세요.",
                ));
            }
        }
        _ => return Err(refused("서버 주소는 https://로 시작해야 합니다.")),
    }
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

impl HttpTransport {
    pub fn new(
        url: &str,
        token: Option<DeviceToken>,
        roots: &TlsRoots,
    ) -> Result<HttpTransport, TransportError> {
        let base = check_url(url)?;
        let root_certs = roots.certificates()?;
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

    fn access_log(
        &mut self,
        request: &AccessLogRequest,
    ) -> Result<AccessLogResponse, TransportError> {
        self.post(paths::ACCESS_LOG, request)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(url: &str) -> Result<String, String> {
        check_url(url).map_err(|e| match e {
            TransportError::Config(message) => message,
            other => panic!("a bad address is the desk's setting, not the server's: {other:?}"),
        })
    }

    /// Addresses that would send the device token and records in clear to
    /// another machine, or that hide one in user info: all refused. The
    /// first two passed the old string-splitting check.
    #[test]
    fn plain_http_to_anything_but_this_machine_is_refused() {
        let hostile = [
            "http://127.attacker.example/",
            "http://127.0.0.1@evil.example/",
            "http://127.0.0.1:8443@evil.example:80/",
            "http://localhost.evil.example/",
            "http://localhost@evil.example",
            "http://evil.example/127.0.0.1",
            "http://evil.example#@127.0.0.1",
            "http://evil.example?127.0.0.1",
            "http://[::ffff:7f00:1]/",
            "http://10.0.0.1:8443",
            "http://192.168.0.7",
            "http://0.0.0.0:8443",
            "https://user:secret@server.example",
            "https://token@server.example",
            "https://server.example/?next=1",
            "ftp://127.0.0.1/",
            "file:///etc/passwd",
            "127.0.0.1:8443",
            "",
            "http://",
        ];
        for url in hostile {
            let got = verdict(url);
            assert!(got.is_err(), "{url:?} must be refused, got {got:?}");
            let message = got.unwrap_err();
            assert!(
                message.chars().any(|c| ('가'..='힣').contains(&c)),
                "the counselor is told why in Korean: {url:?} → {message}"
            );
        }
    }

    /// Loopback in every spelling a URL parser reads as loopback, and any
    /// https server; the base is the parser's own serialization, so the
    /// transport sends to exactly the host that was checked.
    #[test]
    fn https_anywhere_and_plain_http_to_loopback_are_taken_as_parsed() {
        let fine = [
            (
                "https://sync.example.go.kr:8443/",
                "https://sync.example.go.kr:8443",
            ),
            (
                "  https://Sync.Example.go.kr/doyak/ ",
                "https://sync.example.go.kr/doyak",
            ),
            ("http://127.0.0.1:3000", "http://127.0.0.1:3000"),
            ("http://127.1:3000/", "http://127.0.0.1:3000"),
            ("http://0x7f000001:3000", "http://127.0.0.1:3000"),
            ("http://127.8.9.10", "http://127.8.9.10"),
            ("http://localhost:3000/", "http://localhost:3000"),
            ("http://LOCALHOST:3000", "http://localhost:3000"),
            ("http://[::1]:3000", "http://[::1]:3000"),
            ("https://서버.example", "https://xn--hk3b17f.example"),
        ];
        for (url, base) in fine {
            assert_eq!(verdict(url).as_deref(), Ok(base), "{url:?}");
        }
    }

    #[test]
    fn a_named_ca_file_that_cannot_be_used_is_an_error_not_the_public_roots() {
        let dir = std::env::temp_dir().join(format!("doyak-ca-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let missing = dir.join("없는-인증서.pem");
        let err = TlsRoots::from_pem_file(Some(&missing)).unwrap_err();
        let TransportError::Config(message) = err else {
            panic!("a configuration error, not a network one")
        };
        assert!(
            message.contains("읽을 수 없습니다") && message.contains("없는-인증서.pem"),
            "says which file could not be read: {message}"
        );
        let empty = dir.join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let err = TlsRoots::from_pem_file(Some(&empty)).unwrap_err();
        assert!(
            matches!(&err, TransportError::Config(m) if m.contains("인증서(PEM)가 없습니다")),
            "a file with no certificate is refused: {err:?}"
        );
        assert!(matches!(
            TlsRoots::from_pem_file(None),
            Ok(TlsRoots::Public)
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
