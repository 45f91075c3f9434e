//! The `doyak` binary end to end: the commands a counselor or an
//! administrator runs, their exit codes and their Korean messages.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod company;
mod diagnose;
mod kpi;
mod matching;
mod posting;
mod privacy;
mod resume;
#[cfg(unix)]
mod sync_faults;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// `doyak --db DB args…` with the passphrase in the environment.
    fn command(&self, db: &Path, pass: &str, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_doyak"));
        command
            .arg("--db")
            .arg(db)
            .args(args)
            .env("DOYAK_PASSPHRASE", pass)
            .env("XDG_DATA_HOME", self.dir.path())
            // Tests never write into the keyring of the machine they run on
            // (sync_faults has one test of the real keyring path).
            .env("DOYAK_KEYRING", "off")
            .env_remove("DOYAK_DB");
        command
    }

    /// Runs `doyak --db DB args…` with the passphrase in the environment.
    fn run(&self, db: &Path, pass: &str, args: &[&str]) -> Output {
        self.command(db, pass, args).output().unwrap()
    }

    fn ok(&self, db: &Path, args: &[&str]) -> Output {
        let out = self.run(db, PASS, args);
        assert!(
            out.status.success(),
            "doyak {args:?} failed: {}",
            stderr(&out)
        );
        out
    }

    fn init(&self, name: &str) -> PathBuf {
        let db = self.db(name);
        self.ok(
            &db,
            &[
                "init",
                "--center",
                "안산고용복지플러스센터",
                "--sigungu",
                "41273",
            ],
        );
        db
    }
}

const PASS: &str = "올바른 암호 1234";

/// `doyak ARGS` with no caseload: the db path does not exist and no
/// passphrase is set, as for `doyak match` and `doyak diagnose` over files.
fn without_caseload(env: &Env, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_doyak"))
        .args(args)
        .env_remove("DOYAK_PASSPHRASE")
        .env("XDG_DATA_HOME", env.dir.path())
        .output()
        .unwrap()
}

/// Standard output as one JSON value per line.
fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn status_line(env: &Env, db: &Path) -> String {
    stdout(&env.ok(db, &["status"]))
        .lines()
        .nth(1)
        .unwrap()
        .to_owned()
}

/// A demo caseload of 300 seekers and 30 firms (seed 4), for the tests
/// that read a caseload of some size.
fn demo_300(env: &Env) -> PathBuf {
    let db = env.init("demo.doyak");
    env.ok(
        &db,
        &[
            "demo",
            "--seekers",
            "300",
            "--companies",
            "30",
            "--seed",
            "4",
        ],
    );
    db
}

#[test]
fn init_demo_status_search_and_export() {
    let env = Env::new();
    let db = env.init("a.doyak");
    env.ok(
        &db,
        &[
            "demo",
            "--seekers",
            "60",
            "--companies",
            "12",
            "--seed",
            "5",
        ],
    );
    assert!(
        status_line(&env, &db).starts_with("구직자 60명, 기업 12곳"),
        "{}",
        status_line(&env, &db)
    );
    assert!(stdout(&env.ok(&db, &["check"])).contains("이상이 없습니다"));

    let jsonl = stdout(&env.ok(
        &db,
        &[
            "export",
            "--full",
            "--plain",
            "--purpose",
            "transfer",
            "seekers",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(jsonl.lines().count(), 60);
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["format"], "doyak.seeker");
    assert_eq!(first["version"], 1);

    // Search by the 초성 of the first exported name finds that person.
    let name = first["name"].as_str().unwrap();
    let initials = doyak_domain::korean::chosung_key(name);
    let found = stdout(&env.ok(&db, &["search", &initials]));
    assert!(
        found.lines().any(|l| l.split('\t').nth(1) == Some(name)),
        "{initials} → {found}"
    );
    assert!(
        !found.contains(first["phone"].as_str().unwrap_or("none")),
        "search lists mask phone numbers"
    );
}

#[test]
fn the_same_seed_gives_the_same_caseload_in_two_files() {
    let env = Env::new();
    let export = |name: &str| {
        let db = env.init(name);
        env.ok(
            &db,
            &["demo", "--seekers", "30", "--companies", "6", "--seed", "9"],
        );
        let out = stdout(&env.ok(
            &db,
            &[
                "export",
                "--full",
                "--plain",
                "--purpose",
                "transfer",
                "companies",
                "--format",
                "csv",
            ],
        ));
        // Ids are salted by the center (each init makes a new one), so that
        // two centers' demos never collide on the sync server; the rest of
        // each line must match.
        out.lines()
            .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest).to_owned())
            .collect::<Vec<_>>()
    };
    let (one, two) = (export("one.doyak"), export("two.doyak"));
    assert_eq!(one.len(), 7, "a header and six companies");
    assert_eq!(one, two);
}

#[test]
fn csv_and_xlsx_exports_import_into_another_caseload() {
    let env = Env::new();
    let a = env.init("a.doyak");
    env.ok(
        &a,
        &["demo", "--seekers", "25", "--companies", "5", "--seed", "2"],
    );
    let companies = env.db("companies.csv");
    let vacancies = env.db("vacancies.xlsx");
    let seekers = env.db("seekers.csv");
    env.ok(
        &a,
        &[
            "export",
            "--full",
            "--plain",
            "--purpose",
            "transfer",
            "companies",
            "--format",
            "csv",
            "-o",
            companies.to_str().unwrap(),
        ],
    );
    env.ok(
        &a,
        &[
            "export",
            "--full",
            "--plain",
            "--purpose",
            "transfer",
            "vacancies",
            "--format",
            "xlsx",
            "-o",
            vacancies.to_str().unwrap(),
        ],
    );
    env.ok(
        &a,
        &[
            "export",
            "--full",
            "--plain",
            "--purpose",
            "transfer",
            "seekers",
            "--format",
            "csv",
            "-o",
            seekers.to_str().unwrap(),
        ],
    );

    let b = env.init("b.doyak");
    for (kind, file) in [
        ("companies", &companies),
        ("vacancies", &vacancies),
        ("seekers", &seekers),
    ] {
        let out = env.ok(&b, &["import", kind, file.to_str().unwrap()]);
        assert!(stderr(&out).contains("가져왔습니다"), "{}", stderr(&out));
    }
    assert_eq!(
        status_line(&env, &a),
        status_line(&env, &b),
        "b holds what a exported"
    );
}

#[test]
fn a_cp949_file_from_korean_excel_imports() {
    let env = Env::new();
    let db = env.init("a.doyak");
    let text = "이름,생년월일,전화번호,거주지\r\n김민수,1990-05-01,010-1234-5678,안산시 단원구\r\n이영희,1985.3.2,,41271\r\n";
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(text);
    assert!(!unmappable);
    let file = env.file("엑셀.csv", &bytes);
    let out = env.ok(&db, &["import", "seekers", file.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("2건을 가져왔습니다 (CP949"),
        "{}",
        stderr(&out)
    );
    let found = stdout(&env.ok(&db, &["search", "ㄱㅁㅅ"]));
    assert!(
        found.contains("김민수") && found.contains("010-****-5678"),
        "{found}"
    );
}

#[test]
fn bad_rows_exit_2_write_a_report_and_save_nothing() {
    let env = Env::new();
    let db = env.init("a.doyak");
    let file = env.file(
        "seekers.csv",
        "이름,생년월일,희망임금\n김정상,1990-01-01,2500000\n최미래,2099-01-01,2500000\n정음수,1990-01-01,-1\n".as_bytes(),
    );
    let out = env.run(&db, PASS, &["import", "seekers", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "rejected input exits 2");
    let err = stderr(&out);
    assert!(err.contains("아무것도 저장하지 않았습니다"), "{err}");
    assert!(
        err.contains("3행 [생년월일]") && err.contains("4행 [희망임금(월)]"),
        "{err}"
    );
    let report = std::fs::read_to_string(env.db("seekers.csv.오류.csv")).unwrap();
    assert!(report.contains("3,생년월일,"), "{report}");
    assert!(status_line(&env, &db).starts_with("구직자 0명"));

    // --skip-invalid keeps the good row.
    env.ok(
        &db,
        &[
            "import",
            "seekers",
            file.to_str().unwrap(),
            "--skip-invalid",
        ],
    );
    assert!(status_line(&env, &db).starts_with("구직자 1명"));
}

#[test]
fn a_truncated_xlsx_is_a_clear_error() {
    let env = Env::new();
    let a = env.init("a.doyak");
    env.ok(&a, &["demo", "--seekers", "5", "--companies", "2"]);
    let full = env.db("s.xlsx");
    env.ok(
        &a,
        &[
            "export",
            "--full",
            "--plain",
            "--purpose",
            "transfer",
            "seekers",
            "--format",
            "xlsx",
            "-o",
            full.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&full).unwrap();
    let cut = env.file("cut.xlsx", &bytes[..bytes.len() / 2]);
    let out = env.run(&a, PASS, &["import", "seekers", cut.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("XLSX"), "{}", stderr(&out));
}

#[test]
fn a_wrong_passphrase_or_a_foreign_file_is_refused_and_the_file_untouched() {
    let env = Env::new();
    let db = env.init("a.doyak");
    let before = std::fs::read(&db).unwrap();
    let out = env.run(&db, "틀린 암호", &["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("암호가 맞지 않거나"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "a failed open must not write"
    );

    let junk = env.file("junk.doyak", &[0x42; 8192]);
    let out = env.run(&junk, PASS, &["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !stderr(&out).is_empty() && !stderr(&out).contains("panicked"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&junk).unwrap(), vec![0x42; 8192]);

    let out = env.run(&env.db("missing.doyak"), PASS, &["status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("찾을 수 없습니다") || stderr(&out).contains("없습니다"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn init_refuses_an_unknown_sigungu_and_an_existing_file() {
    let env = Env::new();
    let out = env.run(
        &env.db("x.doyak"),
        PASS,
        &["init", "--center", "어느센터", "--sigungu", "99999"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("시군구"), "{}", stderr(&out));
    let db = env.init("a.doyak");
    let out = env.run(&db, PASS, &["init", "--center", "다른센터"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("이미"), "{}", stderr(&out));
}

/// The 8-character minimum lives in the use case, so the command line
/// cannot make a caseload a one-letter passphrase would open; nothing is
/// written.
#[test]
fn init_refuses_a_short_passphrase_and_writes_nothing() {
    let env = Env::new();
    for short in ["a", "1234567", "암호암호암호암"] {
        let db = env.db("short.doyak");
        let out = env.run(
            &db,
            short,
            &[
                "init",
                "--center",
                "안산고용복지플러스센터",
                "--sigungu",
                "41273",
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{short:?} is too short: refused input, exit 2: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("8자 이상"),
            "says how long it must be: {}",
            stderr(&out)
        );
        assert!(
            !db.exists(),
            "no caseload file is left behind for {short:?}"
        );
    }
    let db = env.db("long.doyak");
    let out = env.run(
        &db,
        "암호암호암호암호",
        &[
            "init",
            "--center",
            "안산고용복지플러스센터",
            "--sigungu",
            "41273",
        ],
    );
    assert!(
        out.status.success(),
        "eight characters are enough: {}",
        stderr(&out)
    );
}

/// `doyak passphrase` without a terminal: the current passphrase from
/// DOYAK_PASSPHRASE, the new one from DOYAK_NEW_PASSPHRASE. A short new one
/// is refused (exit 2) and changes nothing; a good one works, after which
/// only it opens the caseload and everything is still there.
#[test]
fn passphrase_changes_the_key_and_refuses_a_short_one() {
    let env = Env::new();
    let db = env.init("a.doyak");
    env.ok(&db, &["demo", "--seekers", "20", "--companies", "4"]);
    let before = stdout(&env.ok(&db, &["status"]));
    const NEW: &str = "바꾼 암호 2027";

    let out = env
        .command(&db, PASS, &["passphrase"])
        .env("DOYAK_NEW_PASSPHRASE", "짧은암호")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("8자 이상"), "{}", stderr(&out));
    env.ok(&db, &["status"]);

    let out = env
        .command(&db, PASS, &["passphrase"])
        .env("DOYAK_NEW_PASSPHRASE", NEW)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("암호를 바꿨습니다"),
        "{}",
        stderr(&out)
    );

    let old = env.run(&db, PASS, &["status"]);
    assert_eq!(old.status.code(), Some(1), "the old passphrase is refused");
    assert!(stderr(&old).contains("암호가 맞지 않"), "{}", stderr(&old));
    let now = env.run(&db, NEW, &["status"]);
    assert!(now.status.success(), "{}", stderr(&now));
    assert_eq!(stdout(&now), before, "the same counts, outbox and center");

    let missing = env
        .command(&db, NEW, &["passphrase"])
        .env_remove("DOYAK_NEW_PASSPHRASE")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("DOYAK_NEW_PASSPHRASE"),
        "says how to give it: {}",
        stderr(&missing)
    );
}
