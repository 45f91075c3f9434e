//! The server's PostgreSQL connections over TLS, against the machine's own
//! server with Debian's defaults (`ssl = on`, the snakeoil certificate,
//! self-signed). What is proved is what PostgreSQL itself reports of the
//! pool's connections (`pg_stat_ssl`), and which certificates are refused.
//!
//! Needs `DOYAK_TEST_DATABASE_URL` like tests/pg_smoke/; each test makes a
//! database of its own and drops it. Without the variable, or when the
//! server has TLS off, the tests say they were skipped — except when
//! `DOYAK_REQUIRE_POSTGRES` is set (CI), where either is a failure.

use doyak_server::{PostgresStorage, StorageError, TlsRefusal};
use postgres::config::Host;
use postgres::{Client, NoTls};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::net::{IpAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// The test server, a database of the test's own on it, and the
/// certificate it presents.
struct TlsServer {
    admin_url: String,
    database: String,
    user: String,
    password: Option<String>,
    address: IpAddr,
    port: u16,
    /// The PEM file of the server's certificate (`ssl_cert_file`).
    cert_file: PathBuf,
    /// The DNS names the certificate is valid for.
    cert_names: Vec<String>,
}

fn required() -> bool {
    std::env::var("DOYAK_REQUIRE_POSTGRES").is_ok_and(|v| !v.is_empty())
}

/// Skips (saying so) or, when PostgreSQL is required, fails.
fn unavailable(why: &str) -> Option<TlsServer> {
    assert!(
        !required(),
        "DOYAK_REQUIRE_POSTGRES is set but {why}: TLS to PostgreSQL goes untested"
    );
    println!("skipped: {why}");
    None
}

impl TlsServer {
    fn open() -> Option<TlsServer> {
        let Some(admin_url) = std::env::var("DOYAK_TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            return unavailable("DOYAK_TEST_DATABASE_URL is unset");
        };
        let config: postgres::Config = admin_url.parse().expect("DOYAK_TEST_DATABASE_URL parses");
        let mut admin =
            Client::connect(&admin_url, NoTls).expect("connect to DOYAK_TEST_DATABASE_URL");
        let show = |admin: &mut Client, setting: &str| -> String {
            admin
                .query_one(&format!("SHOW {setting}"), &[])
                .and_then(|row| row.try_get(0))
                .unwrap_or_else(|e| panic!("SHOW {setting}: {e}"))
        };
        if show(&mut admin, "ssl") != "on" {
            return unavailable("the PostgreSQL server has ssl = off");
        }
        // Relative to the data directory unless absolute (Debian's is).
        let cert_file =
            Path::new(&show(&mut admin, "data_directory")).join(show(&mut admin, "ssl_cert_file"));
        let pem = std::fs::read(&cert_file)
            .unwrap_or_else(|e| panic!("the server's certificate {}: {e}", cert_file.display()));
        let cert = CertificateDer::from_pem_slice(&pem).expect("the server's certificate is PEM");
        let cert_names = webpki::EndEntityCert::try_from(&cert)
            .expect("the server's certificate parses")
            .valid_dns_names()
            .map(str::to_owned)
            .collect();
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let address = match config.get_hosts().first() {
            Some(Host::Tcp(host)) => (host.as_str(), port)
                .to_socket_addrs()
                .ok()
                .and_then(|mut addrs| addrs.next())
                .map(|addr| addr.ip())
                .expect("the test server's host resolves"),
            other => panic!("the TLS tests need a TCP host, not {other:?}"),
        };
        let database = format!("doyak_tls_{}", Uuid::now_v7().simple());
        admin
            .batch_execute(&format!("CREATE DATABASE {database}"))
            .expect("create the test database");
        Some(TlsServer {
            admin_url,
            database,
            user: config.get_user().unwrap_or("postgres").to_owned(),
            password: config
                .get_password()
                .map(|p| String::from_utf8_lossy(p).into_owned()),
            address,
            port,
            cert_file,
            cert_names,
        })
    }

    /// A connection string (libpq's `key=value` form) to the test database:
    /// TCP to the server's address, TLS checked against `host`, and `extra`.
    fn url(&self, host: &str, extra: &str) -> String {
        let quote = |s: &str| format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'"));
        let mut url = format!(
            "host={} hostaddr={} port={} user={} dbname={}",
            quote(host),
            self.address,
            self.port,
            quote(&self.user),
            self.database
        );
        if let Some(password) = &self.password {
            url.push_str(&format!(" password={}", quote(password)));
        }
        format!("{url} {extra}")
    }

    /// The server's certificate as the only CA.
    fn own_ca(&self) -> String {
        format!("sslrootcert='{}'", self.cert_file.display())
    }

    /// A name the certificate is valid for.
    fn cert_name(&self) -> &str {
        self.cert_names
            .first()
            .expect("the server's certificate names a host (subjectAltName)")
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let dropped = Client::connect(&self.admin_url, NoTls).and_then(|mut c| {
            c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.database
            ))
        });
        if let Err(e) = dropped {
            eprintln!("could not drop test database {}: {e}", self.database);
        }
    }
}

/// Connects the server's storage and returns whether its pooled connection
/// is encrypted, after a transaction has gone through it.
fn encrypted(url: &str) -> bool {
    let storage = PostgresStorage::connect(url, 2).unwrap_or_else(|e| panic!("{url}: {e}"));
    storage
        .transact(|tx| tx.centers())
        .expect("a transaction over the connection");
    storage.connection_encrypted().expect("pg_stat_ssl")
}

/// The refusal a connection that must fail comes back with.
fn refusal(url: &str) -> TlsRefusal {
    match PostgresStorage::connect(url, 1) {
        Err(StorageError::DatabaseTls { refusal, .. }) => refusal,
        Err(other) => panic!("{url}: not a TLS refusal: {other}"),
        Ok(_) => panic!("{url}: connected, but the certificate should have been refused"),
    }
}

#[test]
fn require_encrypts_the_servers_connections() {
    let Some(server) = TlsServer::open() else {
        return;
    };
    let host = server.address.to_string();
    assert!(
        encrypted(&server.url(&host, "sslmode=require")),
        "sslmode=require: PostgreSQL must see the connection as TLS"
    );
    assert!(
        encrypted(&server.url(&host, "")),
        "no sslmode is prefer, which takes the TLS the server offers"
    );
}

#[test]
fn disable_leaves_them_plain() {
    let Some(server) = TlsServer::open() else {
        return;
    };
    assert!(
        !encrypted(&server.url(&server.address.to_string(), "sslmode=disable")),
        "sslmode=disable: no TLS even though the server offers it"
    );
}

#[test]
fn verify_full_accepts_the_certificate_under_its_own_name() {
    let Some(server) = TlsServer::open() else {
        return;
    };
    // `hostaddr` carries the connection, so the certificate's name need not
    // resolve here: it is only what the certificate is checked against.
    let url = server.url(
        server.cert_name(),
        &format!("sslmode=verify-full {}", server.own_ca()),
    );
    assert!(
        encrypted(&url),
        "the server's own certificate as the CA and its own name: verified and encrypted"
    );
}

#[test]
fn verify_full_refuses_another_name_and_verify_ca_does_not_check_it() {
    let Some(server) = TlsServer::open() else {
        return;
    };
    let stranger = "not-this-server.invalid";
    assert!(
        !server.cert_names.iter().any(|n| n == stranger),
        "the certificate must not name {stranger}"
    );
    assert_eq!(
        refusal(&server.url(
            stranger,
            &format!("sslmode=verify-full {}", server.own_ca())
        )),
        TlsRefusal::NameMismatch,
        "a trusted certificate for another name is what a man in the middle with a stolen certificate shows"
    );
    assert!(
        encrypted(&server.url(stranger, &format!("sslmode=verify-ca {}", server.own_ca()))),
        "verify-ca checks the chain only"
    );
}

#[test]
fn a_certificate_from_another_ca_is_refused() {
    let Some(server) = TlsServer::open() else {
        return;
    };
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("CA params");
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let key = rcgen::KeyPair::generate().expect("CA key");
    let other_ca = params.self_signed(&key).expect("CA certificate");
    let dir = tempfile::tempdir().expect("temporary directory");
    let ca_file = dir.path().join("other-ca.pem");
    std::fs::write(&ca_file, other_ca.pem()).expect("write the CA");
    let other = format!("sslrootcert='{}'", ca_file.display());
    for mode in ["verify-full", "verify-ca", "require", "prefer"] {
        assert_eq!(
            refusal(&server.url(server.cert_name(), &format!("sslmode={mode} {other}"))),
            TlsRefusal::UnknownIssuer,
            "{mode}: a named CA that did not sign the server's certificate refuses it"
        );
    }
    assert_eq!(
        refusal(&server.url(server.cert_name(), "sslmode=verify-full")),
        TlsRefusal::UnknownIssuer,
        "without sslrootcert, Mozilla's roots, which did not sign a self-signed certificate"
    );
    let message = match PostgresStorage::connect(
        &server.url(server.cert_name(), &format!("sslmode=verify-ca {other}")),
        1,
    ) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("verify-ca with another CA connected"),
    };
    assert!(
        message.contains("sslmode=verify-ca") && message.contains("CA"),
        "the admin is told the mode and that the CA is the problem: {message}"
    );
}
