//! TLS for the server's PostgreSQL connections: `sslmode` and `sslrootcert`
//! read from the connection string as libpq reads them, carried out by
//! rustls on ring (the provider the HTTPS side uses; no OpenSSL).
//!
//! tokio-postgres knows only `disable`, `prefer` and `require`, and refuses
//! `sslrootcert` as an unknown option, so both are taken out of the string
//! here and what they ask for goes into the rustls configuration:
//!
//! | sslmode            | TLS                        | server certificate                                   |
//! |--------------------|----------------------------|------------------------------------------------------|
//! | `disable`          | never                      | —                                                    |
//! | `prefer` (default) | when the server offers it  | not checked; checked against `sslrootcert` if given  |
//! | `require`          | always                     | as `prefer`                                          |
//! | `verify-ca`        | always                     | chains to `sslrootcert`, or to Mozilla's roots       |
//! | `verify-full`      | always                     | as `verify-ca`, and names the host connected to      |
//!
//! `prefer` is libpq's default and stays ours: a server that has TLS gets an
//! encrypted connection (which stops someone who only listens), and one
//! that has none still works, as it did before the server knew TLS. It does
//! not stop someone in the middle; `verify-full` does, and the README tells
//! admins to use it. Unlike libpq, a failed handshake under `prefer` is an
//! error, not a retry in plain text. `sslrootcert` given with `prefer` or
//! `require` checks the chain (not the name), as libpq does; a file named
//! there that cannot be read is always an error, never a fall back to other
//! roots or to no check.

use super::PostgresStorage;
use crate::error::{RootCertProblem, StorageError, TlsRefusal};
use crate::storage::Result;
use postgres::tls::MakeTlsConnect;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::verify_server_cert_signed_by_trust_anchor;
use rustls::crypto::{WebPkiSupportedAlgorithms, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio_postgres_rustls::MakeRustlsConnect;

/// What connections are made with, whatever the mode (the pool's manager
/// needs one type): rustls, which tokio-postgres skips under `disable`.
#[derive(Clone)]
pub(super) struct Tls {
    connect: MakeRustlsConnect,
    mode: SslMode,
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls").field("mode", &self.mode).finish()
    }
}

impl<S> MakeTlsConnect<S> for Tls
where
    MakeRustlsConnect: MakeTlsConnect<S>,
{
    type Stream = <MakeRustlsConnect as MakeTlsConnect<S>>::Stream;
    type TlsConnect = <MakeRustlsConnect as MakeTlsConnect<S>>::TlsConnect;
    type Error = <MakeRustlsConnect as MakeTlsConnect<S>>::Error;

    fn make_tls_connect(
        &mut self,
        domain: &str,
    ) -> std::result::Result<Self::TlsConnect, Self::Error> {
        self.connect.make_tls_connect(domain)
    }
}

/// libpq's `sslmode`, all five that matter (`allow` is refused: it tries
/// plain text first, which is never what a server holding personal data
/// wants).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    fn parse(value: &str) -> Result<SslMode> {
        Ok(match value {
            "disable" => SslMode::Disable,
            "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => return Err(StorageError::UnknownSslMode(other.to_owned())),
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// The mode tokio-postgres is told: it negotiates TLS, rustls checks.
    fn negotiation(self) -> postgres::config::SslMode {
        match self {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                postgres::config::SslMode::Require
            }
        }
    }
}

/// A connection string's TLS settings, taken out of it; `rest` is the
/// string without them, for `postgres::Config` to parse.
#[derive(Debug, PartialEq)]
struct TlsParams {
    mode: SslMode,
    root_cert: Option<PathBuf>,
    rest: String,
}

/// How [`PostgresStorage::connect`] connects: the driver's configuration,
/// the TLS connector, and what to say when the server is refused.
pub(super) struct Connector {
    pub config: postgres::Config,
    pub tls: Tls,
    mode: SslMode,
}

impl Connector {
    /// Reads `url` (a `postgres://` URL or `key=value` pairs), its
    /// `sslmode` and the CA file its `sslrootcert` names.
    pub fn new(url: &str) -> Result<Connector> {
        let TlsParams {
            mode,
            root_cert,
            rest,
        } = split_tls_params(url)?;
        let roots = match &root_cert {
            Some(path) => Some(read_roots(path)?),
            None => None,
        };
        let mut config: postgres::Config = rest.parse()?;
        config.ssl_mode(mode.negotiation());
        Ok(Connector {
            config,
            tls: Tls {
                connect: MakeRustlsConnect::new(client_config(mode, roots)?),
                mode,
            },
            mode,
        })
    }

    /// A failed first connection, said in a way an admin can act on when
    /// TLS was the reason.
    pub fn explain(&self, error: postgres::Error) -> StorageError {
        match refusal(&error) {
            Some(refusal) => StorageError::DatabaseTls {
                mode: self.mode.as_str(),
                refusal,
                source: error,
            },
            None => StorageError::Postgres(error),
        }
    }
}

impl PostgresStorage {
    /// Whether a pooled connection, the kind requests use, is encrypted
    /// (PostgreSQL's own view, `pg_stat_ssl`).
    pub fn connection_encrypted(&self) -> Result<bool> {
        let mut conn = self.pool.get()?;
        let row = conn.client.query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )?;
        Ok(row.try_get(0)?)
    }
}

/// Takes `sslmode` and `sslrootcert` out of a connection string, parsing it
/// as tokio-postgres does so that what is left means what it meant. The
/// last of a repeated key counts, as in tokio-postgres.
fn split_tls_params(url: &str) -> Result<TlsParams> {
    let (head, params, separator) = match url_query(url) {
        Some((head, query)) => (head, url_params(query), "&"),
        None => ("", key_value_params(url), " "),
    };
    // Refused rather than handed on: tokio-postgres reads some strings this
    // cannot (it stops at a lone `=`), and what it would then skip might
    // be an `sslmode`.
    let params = params.ok_or(StorageError::BadConnectionString)?;
    let mut mode = None;
    let mut root_cert = None;
    let mut kept = Vec::new();
    for param in params {
        match param.key.as_str() {
            "sslmode" => mode = Some(param.value),
            "sslrootcert" => root_cert = Some(PathBuf::from(param.value)),
            _ => kept.push(param.text),
        }
    }
    let mode = match mode {
        Some(value) => SslMode::parse(&value)?,
        None => SslMode::Prefer,
    };
    let kept = kept.join(separator);
    let rest = match (head, kept.is_empty()) {
        ("", _) => kept,
        (head, true) => head.to_owned(),
        (head, false) => format!("{head}?{kept}"),
    };
    Ok(TlsParams {
        mode,
        root_cert,
        rest,
    })
}

/// One `key=value` of a connection string: decoded, and as written.
struct Param<'a> {
    key: String,
    value: String,
    text: &'a str,
}

/// A `postgres://` URL split before its query (`?`), or `None` when `url`
/// is not one. Like tokio-postgres, the user info runs to the first `@`,
/// so a `?` in a password does not start the query.
fn url_query(url: &str) -> Option<(&str, Option<&str>)> {
    let scheme = ["postgres://", "postgresql://"]
        .into_iter()
        .find(|prefix| url.starts_with(prefix))?;
    let after_user = url[scheme.len()..]
        .find('@')
        .map_or(scheme.len(), |at| scheme.len() + at + 1);
    Some(match url[after_user..].find('?') {
        Some(q) => (&url[..after_user + q], Some(&url[after_user + q + 1..])),
        None => (url, None),
    })
}

/// A URL's query parameters, percent-decoded. `None` when a key has no `=`.
fn url_params(query: Option<&str>) -> Option<Vec<Param<'_>>> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8_lossy()
            .into_owned()
    };
    let mut params = Vec::new();
    let mut rest = query.unwrap_or("");
    while !rest.is_empty() {
        // The key runs to the next `=` and the value to the next `&`, as
        // tokio-postgres reads them.
        let eq = rest.find('=')?;
        let end = rest[eq + 1..]
            .find('&')
            .map_or(rest.len(), |amp| eq + 1 + amp);
        params.push(Param {
            key: decode(&rest[..eq]),
            value: decode(&rest[eq + 1..end]),
            text: &rest[..end],
        });
        rest = rest.get(end + 1..).unwrap_or("");
    }
    Some(params)
}

/// `key=value` pairs separated by white space, a value quoted in `'…'` or
/// not, `\` escaping the next character (tokio-postgres's reading of libpq's
/// format). `None` when the string does not parse.
fn key_value_params(s: &str) -> Option<Vec<Param<'_>>> {
    let mut params = Vec::new();
    let mut chars = s.char_indices().peekable();
    let skip_ws = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
    };
    loop {
        skip_ws(&mut chars);
        let Some(&(start, _)) = chars.peek() else {
            return Some(params);
        };
        let mut key = String::new();
        while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace() && *c != '=') {
            key.push(c);
        }
        skip_ws(&mut chars);
        chars.next_if(|(_, c)| *c == '=')?;
        skip_ws(&mut chars);
        let quoted = chars.next_if(|(_, c)| *c == '\'').is_some();
        let mut value = String::new();
        let end = loop {
            match chars.next() {
                Some((i, '\'')) if quoted => break i + 1,
                Some((_, '\\')) => value.extend(chars.next().map(|(_, c)| c)),
                Some((i, c)) if !quoted && c.is_whitespace() => break i,
                Some((_, c)) => value.push(c),
                None if quoted => return None,
                None => break s.len(),
            }
        };
        if key.is_empty() || (!quoted && value.is_empty()) {
            return None;
        }
        params.push(Param {
            key,
            value,
            text: &s[start..end],
        });
    }
}

/// The certificates of a PEM file, to trust as certificate authorities.
fn read_roots(path: &Path) -> Result<RootCertStore> {
    let problem = |problem| StorageError::SslRootCert {
        path: path.to_owned(),
        problem,
    };
    let pem = std::fs::read(path).map_err(|e| problem(RootCertProblem::Unreadable(e)))?;
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&pem) {
        let cert = cert.map_err(|e| problem(RootCertProblem::NotPem(e)))?;
        roots
            .add(cert)
            .map_err(|e| problem(RootCertProblem::NotCertificate(e)))?;
    }
    if roots.is_empty() {
        return Err(problem(RootCertProblem::Empty));
    }
    Ok(roots)
}

fn client_config(mode: SslMode, roots: Option<RootCertStore>) -> Result<ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let algorithms = provider.signature_verification_algorithms;
    let builder = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(StorageError::TlsConfig)?;
    let mozilla = || RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let builder = match mode {
        SslMode::VerifyFull => builder.with_root_certificates(roots.unwrap_or_else(mozilla)),
        SslMode::VerifyCa => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(WithoutNameCheck {
                roots: Some(Arc::new(roots.unwrap_or_else(mozilla))),
                algorithms,
            })),
        SslMode::Disable | SslMode::Prefer | SslMode::Require => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(WithoutNameCheck {
                roots: roots.map(Arc::new),
                algorithms,
            })),
    };
    let mut config = builder.with_no_client_auth();
    // PostgreSQL 17 checks it on direct TLS; older servers ignore it. libpq
    // sends it too.
    config.alpn_protocols = vec![b"postgresql".to_vec()];
    Ok(config)
}

/// The certificate checks of `verify-ca` (a chain to `roots`, any name), or
/// of `require` without an `sslrootcert` (none: `roots` is `None`). The
/// handshake's signatures are checked either way, so the session is at
/// least bound to the certificate shown.
#[derive(Debug)]
struct WithoutNameCheck {
    roots: Option<Arc<RootCertStore>>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for WithoutNameCheck {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        if let Some(roots) = &self.roots {
            let cert = ParsedCertificate::try_from(end_entity)?;
            verify_server_cert_signed_by_trust_anchor(
                &cert,
                roots,
                intermediates,
                now,
                self.algorithms.all,
            )?;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// Why TLS failed, when it did: the rustls error inside the driver's (an
/// `io::Error` from tokio-rustls), or the driver's own "no TLS" answer.
fn refusal(error: &postgres::Error) -> Option<TlsRefusal> {
    let cause = std::error::Error::source(error)?;
    if cause.to_string() == "server does not support TLS" {
        return Some(TlsRefusal::ServerWithoutTls);
    }
    let rustls_error = cause
        .downcast_ref::<std::io::Error>()?
        .get_ref()?
        .downcast_ref::<rustls::Error>()?;
    Some(match rustls_error {
        rustls::Error::InvalidCertificate(e) => match e {
            CertificateError::UnknownIssuer => TlsRefusal::UnknownIssuer,
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                TlsRefusal::NameMismatch
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                TlsRefusal::Expired
            }
            _ => TlsRefusal::BadCertificate,
        },
        _ => TlsRefusal::Handshake,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn split(url: &str) -> TlsParams {
        split_tls_params(url).expect("a known sslmode")
    }

    fn params(mode: SslMode, root_cert: Option<&str>, rest: &str) -> TlsParams {
        TlsParams {
            mode,
            root_cert: root_cert.map(PathBuf::from),
            rest: rest.to_owned(),
        }
    }

    #[test]
    fn sslmode_and_sslrootcert_come_out_of_a_url() {
        assert_eq!(
            split("postgres://doyak@db/doyak?sslmode=verify-full&sslrootcert=/etc/doyak/db-ca.pem"),
            params(
                SslMode::VerifyFull,
                Some("/etc/doyak/db-ca.pem"),
                "postgres://doyak@db/doyak"
            ),
            "both taken out, nothing left to tokio-postgres's query"
        );
        assert_eq!(
            split(
                "postgresql://u@h:5433/d?application_name=a&sslrootcert=%2Fca%20dir%2Fca.pem&connect_timeout=5&sslmode=verify-ca"
            ),
            params(
                SslMode::VerifyCa,
                Some("/ca dir/ca.pem"),
                "postgresql://u@h:5433/d?application_name=a&connect_timeout=5"
            ),
            "the others kept in order, as written; the path percent-decoded"
        );
        assert_eq!(
            split("postgres://u:p?w=d@h/d?ssl%6Dode=disable"),
            params(SslMode::Disable, None, "postgres://u:p?w=d@h/d"),
            "a `?` in the password starts no query; an encoded key is still sslmode"
        );
        assert_eq!(
            split("postgres://h/d?sslmode=require&sslmode=verify-full"),
            params(SslMode::VerifyFull, None, "postgres://h/d"),
            "the last one counts, as in tokio-postgres"
        );
        assert_eq!(
            split("postgres://postgres@127.0.0.1:5432/test"),
            params(
                SslMode::Prefer,
                None,
                "postgres://postgres@127.0.0.1:5432/test"
            ),
            "no sslmode is libpq's default, prefer"
        );
    }

    #[test]
    fn sslmode_and_sslrootcert_come_out_of_key_value_pairs() {
        assert_eq!(
            split(
                "host=db user=doyak sslmode = verify-full sslrootcert='/etc/doyak/db ca.pem' dbname=doyak"
            ),
            params(
                SslMode::VerifyFull,
                Some("/etc/doyak/db ca.pem"),
                "host=db user=doyak dbname=doyak"
            ),
            "spaces around `=` and a quoted value with a space"
        );
        assert_eq!(
            split(r"password='it\'s sslmode=disable' sslrootcert=/a\ b.pem host=h"),
            params(
                SslMode::Prefer,
                Some("/a b.pem"),
                r"password='it\'s sslmode=disable' host=h"
            ),
            "sslmode inside a quoted password is the password's"
        );
        for bad in [
            "host=h password='unterminated sslmode=verify-full",
            "host=h =x sslmode=verify-full",
            "host=h sslmode",
            "postgres://h/d?sslmode=verify-full&timeout",
        ] {
            assert!(
                matches!(
                    split_tls_params(bad),
                    Err(StorageError::BadConnectionString)
                ),
                "{bad}: not read, so not handed on with its sslmode unseen"
            );
        }
    }

    #[test]
    fn what_is_left_parses_as_before() {
        let TlsParams { rest, .. } =
            split("postgres://u@h:5433/d?sslmode=verify-full&application_name=x&sslrootcert=/c");
        let config: postgres::Config = rest.parse().expect("tokio-postgres reads the rest");
        assert_eq!(config.get_user(), Some("u"));
        assert_eq!(config.get_ports(), [5433]);
        assert_eq!(config.get_application_name(), Some("x"));
    }

    #[test]
    fn an_unknown_sslmode_is_refused_in_korean() {
        for bad in ["allow", "verify_full", "Require", "", "true"] {
            let url = format!("postgres://h/d?sslmode={bad}");
            let error = split_tls_params(&url).expect_err(bad);
            assert!(
                matches!(&error, StorageError::UnknownSslMode(v) if v == bad),
                "{bad}: {error:?}"
            );
            assert!(
                error.to_string().contains("알 수 없는 값입니다"),
                "{bad}: the admin reads it: {error}"
            );
        }
        assert!(matches!(
            Connector::new("host=h sslmode=verify"),
            Err(StorageError::UnknownSslMode(_))
        ));
    }

    #[test]
    fn a_root_cert_that_cannot_be_used_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.pem");
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let garbage = dir.path().join("garbage.pem");
        std::fs::write(
            &garbage,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        for (path, expected) in [
            (missing.as_path(), "Unreadable"),
            (dir.path(), "Unreadable"),
            (empty.as_path(), "Empty"),
            (garbage.as_path(), "NotCertificate"),
        ] {
            for mode in ["disable", "prefer", "require", "verify-ca", "verify-full"] {
                let url = format!(
                    "postgres://h/d?sslmode={mode}&sslrootcert={}",
                    path.display()
                );
                let Err(StorageError::SslRootCert { problem, .. }) = Connector::new(&url) else {
                    panic!(
                        "{mode} {}: named CA files are never skipped",
                        path.display()
                    );
                };
                assert!(
                    format!("{problem:?}").starts_with(expected),
                    "{mode} {}: {problem:?}",
                    path.display()
                );
            }
        }
    }

    /// A loopback "server" that answers TLS requests with `N` (no TLS) and
    /// hangs up; the thread returns the first 8 bytes it was sent.
    fn server_without_tls() -> (u16, std::thread::JoinHandle<[u8; 8]>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let thread = std::thread::spawn(move || {
            let (mut socket, _) = listener.accept().unwrap();
            let mut first = [0; 8];
            socket.read_exact(&mut first).unwrap();
            if first == SSL_REQUEST {
                socket.write_all(b"N").unwrap();
            }
            first
        });
        (port, thread)
    }

    /// The message that asks a PostgreSQL server for TLS (length 8, code
    /// 80877103).
    const SSL_REQUEST: [u8; 8] = [0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f];

    #[test]
    fn a_server_without_tls_is_refused_only_when_tls_is_required() {
        for (mode, asks, refused) in [
            ("require", true, true),
            ("verify-full", true, true),
            ("prefer", true, false),
            ("disable", false, false),
        ] {
            let (port, server) = server_without_tls();
            let connector = Connector::new(&format!(
                "host=127.0.0.1 port={port} user=u dbname=d connect_timeout=10 sslmode={mode}"
            ))
            .unwrap();
            let error = connector
                .config
                .connect(connector.tls.clone())
                .map(drop)
                .expect_err("the fake server never completes a start-up");
            let error = connector.explain(error);
            assert_eq!(
                server.join().unwrap() == SSL_REQUEST,
                asks,
                "{mode}: only disable starts without asking for TLS"
            );
            assert_eq!(
                matches!(
                    error,
                    StorageError::DatabaseTls {
                        refusal: TlsRefusal::ServerWithoutTls,
                        ..
                    }
                ),
                refused,
                "{mode}: prefer goes on in plain text, require and up stop: {error}"
            );
        }
    }
}
