//! The server's command line refuses bad values with a Korean message and
//! exit status 2, before it serves anything.
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

#[test]
fn an_enrollment_limit_out_of_range_is_refused_before_serving() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["0", "100001"] {
        let (status, stdout, stderr) = server(
            dir.path(),
            &[
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--enroll-per-minute",
                bad,
            ],
        );
        assert_eq!(status, 2, "{bad}: {stderr}");
        assert!(!stdout.contains("listening"), "{bad}: it must not serve");
        assert!(
            stderr.contains("--enroll-per-minute는 1~100000 사이로"),
            "{bad}: {stderr}"
        );
    }
    let (status, _, stderr) = server(
        dir.path(),
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--enroll-per-minute",
            "열둘",
        ],
    );
    assert_eq!(status, 2, "not a number: {stderr}");
    assert!(stderr.contains("--enroll-per-minute"), "{stderr}");
}

#[test]
fn a_failed_check_limit_out_of_range_is_refused_before_serving() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["0", "100001"] {
        let (status, stdout, stderr) = server(
            dir.path(),
            &[
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--auth-failures-per-minute",
                bad,
            ],
        );
        assert_eq!(status, 2, "{bad}: {stderr}");
        assert!(!stdout.contains("listening"), "{bad}: it must not serve");
        assert!(
            stderr.contains("--auth-failures-per-minute는 1~100000 사이로"),
            "{bad}: {stderr}"
        );
    }
}
