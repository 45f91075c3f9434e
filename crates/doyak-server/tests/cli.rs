//! The server's command line refuses bad values with a Korean message and
//! exit status 2, before it serves anything, and serves as its options say.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn server(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_doyak-server"))
        .arg("--data")
        .arg(dir.join("server.db"))
        .args(args)
        .env("XDG_DATA_HOME", dir)
        .output()
        .expect("run doyak-server");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Both per-minute limits take 1–100000; a value outside is refused (exit 2,
/// Korean message naming the option) before the server listens.
#[test]
fn a_rate_limit_out_of_range_is_refused_before_serving() {
    let dir = tempfile::tempdir().unwrap();
    for option in ["--enroll-per-minute", "--auth-failures-per-minute"] {
        for bad in ["0", "100001"] {
            let (status, stdout, stderr) = server(
                dir.path(),
                &["serve", "--listen", "127.0.0.1:0", option, bad],
            );
            assert_eq!(status, 2, "{option} {bad}: {stderr}");
            assert!(
                !stdout.contains("listening"),
                "{option} {bad}: it must not serve"
            );
            assert!(
                stderr.contains(&format!("{option}는 1~100000 사이로")),
                "{option} {bad}: {stderr}"
            );
        }
    }
}

#[test]
fn a_trusted_proxy_that_is_not_an_address_is_refused_before_serving() {
    let dir = tempfile::tempdir().unwrap();
    for (bad, says) in [
        (
            "proxy.example",
            "IP 주소(예: 10.0.0.5)나 네트워크(예: 10.0.0.0/8)로",
        ),
        ("10.0.0.0/40", "접두사 길이는"),
        ("10.1.2.3/8", "나머지 비트는 0이어야"),
    ] {
        let (status, stdout, stderr) = server(
            dir.path(),
            &["serve", "--listen", "127.0.0.1:0", "--trusted-proxy", bad],
        );
        assert_eq!(status, 2, "{bad}: {stderr}");
        assert!(!stdout.contains("listening"), "{bad}: it must not serve");
        assert!(stderr.contains(says), "{bad}: {stderr}");
    }
}

/// A running server, stopped when dropped (also when a test fails).
struct Serving(std::process::Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `serve` on a free port with `args`; the server and its base URL
/// (read from the one line it prints once listening).
fn serving(dir: &std::path::Path, args: &[&str]) -> (Serving, String) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_doyak-server"))
        .arg("--data")
        .arg(dir.join("server.db"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .env("DOYAK_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run doyak-server");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    let child = Serving(child);
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the listening line");
    let url = line.split_whitespace().nth(1).expect("listening <url>");
    (child, url.to_owned())
}

/// Enrollment guesses from "client" addresses named in X-Forwarded-For:
/// the statuses.
fn guesses(url: &str, clients: &[&str]) -> Vec<u16> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let guess = r#"{"protocol": 1, "code": "0000-0000-0000", "device_id": "0199c9a4-8e00-7000-8000-0000000000d1", "device_name": "x", "app_version": "t"}"#;
    clients
        .iter()
        .map(|client| {
            agent
                .post(format!("{url}/sync/enroll"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", *client)
                .send(guess)
                .expect("an answer")
                .status()
                .as_u16()
        })
        .collect()
}

#[test]
fn serve_reads_the_client_from_a_trusted_proxy_and_only_then() {
    let dir = tempfile::tempdir().unwrap();
    // Five guesses per address, then one a minute: the sixth is refused
    // unless a whole minute passed since the first.
    let six = ["203.0.113.1"; 6];
    let (trusting, url) = serving(
        dir.path(),
        &["--enroll-per-minute", "1", "--trusted-proxy", "127.0.0.0/8"],
    );
    let mut statuses = guesses(&url, &six);
    statuses.extend(guesses(&url, &["203.0.113.2"]));
    drop(trusting);
    assert_eq!(
        statuses,
        [401, 401, 401, 401, 401, 429, 401],
        "behind the trusted proxy (this machine), each client has its own allowance"
    );

    let (_plain, url) = serving(dir.path(), &["--enroll-per-minute", "1"]);
    let mut statuses = guesses(&url, &six);
    statuses.extend(guesses(&url, &["203.0.113.2"]));
    assert_eq!(
        statuses,
        [401, 401, 401, 401, 401, 429, 429],
        "without --trusted-proxy the header is ignored: every request is this machine's"
    );
}

#[test]
fn database_tls_settings_that_cannot_work_are_refused_before_connecting() {
    let dir = tempfile::tempdir().unwrap();
    // Port 1 on loopback: a connection attempt would fail differently, so
    // these messages prove the settings were refused first.
    let (status, _, stderr) = server(
        dir.path(),
        &[
            "--database-url",
            "postgres://doyak@127.0.0.1:1/doyak?sslmode=verify-everything",
            "centers",
        ],
    );
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("sslmode=verify-everything: 알 수 없는 값입니다"),
        "the admin is told which value is wrong: {stderr}"
    );
    let missing = dir.path().join("no-such-ca.pem");
    let (status, _, stderr) = server(
        dir.path(),
        &[
            "--database-url",
            &format!(
                "postgres://doyak@127.0.0.1:1/doyak?sslmode=verify-full&sslrootcert={}",
                missing.display()
            ),
            "centers",
        ],
    );
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "sslrootcert {}: 읽을 수 없습니다",
            missing.display()
        )),
        "an unreadable CA file is an error, not a fall back to other roots: {stderr}"
    );
}
