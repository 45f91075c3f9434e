//! `doyak consent withdraw` and `doyak retention`: a destruction only with
//! `--yes` when no one is at a terminal, and only of what the rule says.

use crate::*;
use doyak_domain::privacy::DESTROYED_NAME;
use doyak_domain::seeker::{Consent, ConsentScope};
use doyak_domain::{Id, JobSeeker, SeekerStatus};
use doyak_store::{Passphrase, Store, WriteContext};

fn store(db: &Path) -> Store {
    Store::open(db, &Passphrase::new(PASS)).unwrap()
}

/// Saves seekers straight into the caseload (the form would refuse a
/// 참여일 decades ago; the retention rule is what is under test).
fn plant(db: &Path, seekers: &[JobSeeker]) {
    plant_at(db, seekers, chrono::Utc::now());
}

/// Saves seekers as written at `at`: the retention period counts from the
/// record's last change too.
fn plant_at(db: &Path, seekers: &[JobSeeker], at: chrono::DateTime<chrono::Utc>) {
    let mut s = store(db);
    let ctx = WriteContext::new(at, "test");
    s.write(&ctx, |w| seekers.iter().try_for_each(|p| w.insert(p)))
        .unwrap();
}

fn person(db: &Path, n: u8, name: &str, status: SeekerStatus, enrolled: &str) -> JobSeeker {
    let center = store(db).center_id();
    let mut p = JobSeeker::intake(
        Id::new_v7(1_700_000_000_000 + u64::from(n), [n; 10]),
        center,
        name,
    );
    p.status = status;
    p.enrolled_on = Some(enrolled.parse().unwrap());
    p.consent = Some(Consent {
        given_on: enrolled.parse().unwrap(),
        scopes: vec![ConsentScope::Counseling, ConsentScope::ShareWithEmployers],
        withdrawn_on: None,
        method: None,
        form_version: None,
        withdrawals: vec![],
    });
    p
}

fn name_of(db: &Path, id: Id) -> String {
    store(db).get::<JobSeeker>(id).unwrap().unwrap().name
}

#[test]
fn withdrawing_case_management_consent_destroys_only_when_confirmed() {
    let env = Env::new();
    let db = env.init("consent.doyak");
    let p = person(&db, 1, "김철회", SeekerStatus::Consulting, "2026-01-05");
    plant(&db, std::slice::from_ref(&p));
    let id = p.id.to_string();
    let args = [
        "consent",
        "withdraw",
        "--seeker",
        &id,
        "--purpose",
        "case-management",
    ];
    // Piped, without --yes: refused, nothing destroyed.
    let refused = env.run(&db, PASS, &args);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("--yes"));
    assert_eq!(name_of(&db, p.id), "김철회");
    let mut confirmed = args.to_vec();
    confirmed.push("--yes");
    let out = env.ok(&db, &confirmed);
    assert!(stdout(&out).starts_with(&id), "{}", stdout(&out));
    assert!(stdout(&out).contains("이름·생년월일·성별·연락처"));
    let after: JobSeeker = store(&db).get(p.id).unwrap().unwrap();
    assert_eq!(after.name, DESTROYED_NAME);
    // Withdrawal ends the case; the consent says when it was withdrawn.
    assert_eq!(after.status, SeekerStatus::Closed);
    assert!(after.consent.unwrap().withdrawn_on.is_some());
    // A second time: the person is gone, in Korean with the store's code.
    let again = env.run(&db, PASS, &confirmed);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("파기"), "{}", stderr(&again));
}

#[test]
fn withdrawing_third_party_consent_narrows_the_consent_and_destroys_nothing() {
    let env = Env::new();
    let db = env.init("narrow.doyak");
    let p = person(&db, 2, "이제삼", SeekerStatus::JobSearch, "2026-02-01");
    plant(&db, std::slice::from_ref(&p));
    let id = p.id.to_string();
    env.ok(
        &db,
        &[
            "consent",
            "withdraw",
            "--seeker",
            &id,
            "--purpose",
            "third-party",
        ],
    );
    let after: JobSeeker = store(&db).get(p.id).unwrap().unwrap();
    assert_eq!(after.name, "이제삼");
    assert_eq!(
        after.consent.unwrap().scopes,
        vec![ConsentScope::Counseling]
    );
    // Nothing left to withdraw: a Korean refusal naming the item.
    let again = env.run(
        &db,
        PASS,
        &[
            "consent",
            "withdraw",
            "--seeker",
            &id,
            "--purpose",
            "third-party",
        ],
    );
    assert!(!again.status.success());
    assert!(stderr(&again).contains("제3자 제공"), "{}", stderr(&again));
}

#[test]
fn the_retention_run_destroys_ended_cases_past_the_period_and_nothing_else() {
    let env = Env::new();
    let db = env.init("retention.doyak");
    let today = chrono::Local::now().date_naive().to_string();
    // Ended 2010: past any period. Ended today: within it. Still in the
    // program since 2010: never destroyed by retention.
    let old = person(&db, 3, "박오래", SeekerStatus::Closed, "2010-03-02");
    let recent = person(&db, 4, "최최근", SeekerStatus::Employed, &today);
    let active = person(&db, 5, "정진행", SeekerStatus::JobSearch, "2010-03-02");
    let long_ago = "2010-03-02T00:00:00Z".parse().unwrap();
    plant_at(&db, &[old.clone(), active.clone()], long_ago);
    plant(&db, std::slice::from_ref(&recent));
    let listed = env.ok(&db, &["retention", "--dry-run"]);
    let text = stdout(&listed);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with(&old.id.to_string()));
    assert!(
        lines[0].contains("2015-03-02"),
        "five years after: {}",
        lines[0]
    );
    assert!(
        stderr(&listed).contains("확인 필요"),
        "the default rule is unconfirmed"
    );
    let refused = env.run(&db, PASS, &["retention", "--run"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(name_of(&db, old.id), "박오래");
    let out = env.ok(&db, &["retention", "--run", "--yes"]);
    assert_eq!(stdout(&out).lines().count(), 1);
    assert_eq!(name_of(&db, old.id), DESTROYED_NAME);
    assert_eq!(name_of(&db, recent.id), "최최근");
    assert_eq!(name_of(&db, active.id), "정진행");
    // Run again: nothing is due any more.
    let again = env.ok(&db, &["retention", "--dry-run"]);
    assert_eq!(stdout(&again), "");
    // The center's own rule, with its basis, replaces the default.
    let set = env.ok(
        &db,
        &[
            "retention",
            "--set-years",
            "3",
            "--basis",
            "센터 처리방침 제7조",
        ],
    );
    assert!(stderr(&set).contains("3년"));
    let listed = env.ok(&db, &["retention", "--within", "30"]);
    assert!(!stderr(&listed).contains("확인 필요"));
    // One kind of ended case on its own; an unknown kind is refused.
    let set = env.ok(
        &db,
        &[
            "retention",
            "--set-years",
            "1",
            "--basis",
            "센터 처리방침 제7조 3항",
            "--kind",
            "deleted",
        ],
    );
    let said = stderr(&set);
    assert!(said.contains("삭제된 등록: 종료 후 1년"), "{said}");
    assert!(said.contains("취업으로 종료된 사례: 종료 후 3년"), "{said}");
    let refused = env.run(
        &db,
        PASS,
        &[
            "retention",
            "--set-years",
            "1",
            "--basis",
            "x",
            "--kind",
            "archived",
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("사례 종류"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn the_access_log_lists_what_was_done_and_finds_an_edited_entry() {
    let env = Env::new();
    let db = env.init("access.doyak");
    let p = person(&db, 6, "한열람", SeekerStatus::Consulting, "2026-01-05");
    plant(&db, std::slice::from_ref(&p));
    let id = p.id.to_string();
    let pdf = env.db("report.pdf");
    env.ok(
        &db,
        &["report", "--seeker", &id, "--output", pdf.to_str().unwrap()],
    );
    env.ok(
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
            "--output",
            env.db("s.jsonl").to_str().unwrap(),
        ],
    );
    let listed = stdout(&env.ok(&db, &["access-log", "list"]));
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(
        lines[0].contains("내보내기") && lines[1].contains("출력"),
        "{listed}"
    );
    assert!(lines[1].contains(&id), "the report names whose it was");
    assert!(!listed.contains("한열람"), "ids and kinds, never a name");
    let ok = env.ok(&db, &["access-log", "verify"]);
    assert!(stdout(&ok).contains("2건이 모두 이어져"), "{}", stdout(&ok));
    // Someone with the passphrase edits the report's entry to hide whose it was.
    let conn = doyak_store::testing::raw_connection(&db, &Passphrase::new(PASS), false).unwrap();
    conn.execute_batch(
        "DROP TRIGGER access_log_append_only_update;
         UPDATE access_log SET entity_id = NULL WHERE seq = 1;",
    )
    .unwrap();
    drop(conn);
    let broken = env.run(&db, PASS, &["access-log", "verify"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("1번에서 연결이 끊겼습니다"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn a_case_closed_today_is_kept_its_whole_period_however_old_its_dates() {
    let env = Env::new();
    let db = env.init("closed-today.doyak");
    // Enrolled in 2010 and closed (the record changed) today.
    let p = person(&db, 7, "오늘종료", SeekerStatus::Closed, "2010-03-02");
    plant(&db, std::slice::from_ref(&p));
    let listed = env.ok(&db, &["retention", "--dry-run"]);
    assert_eq!(stdout(&listed), "", "nothing is due: the case ended today");
}

#[test]
fn the_command_line_export_asks_a_purpose_and_masks_unless_told_otherwise() {
    let env = Env::new();
    let db = env.init("a.doyak");
    let csv = env.file(
        "s.csv",
        "이름,생년월일,연락처\n김가림,1990-01-01,010-1234-5678\n".as_bytes(),
    );
    env.ok(&db, &["import", "seekers", csv.to_str().unwrap()]);
    // No purpose: clap refuses before anything is read.
    let refused = env.run(&db, PASS, &["export", "seekers", "--format", "csv"]);
    assert_eq!(refused.status.code(), Some(2));
    // 기타 without its words: refused in Korean.
    let refused = env.run(&db, PASS, &["export", "seekers", "--purpose", "other"]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("목적을 적어 주세요"),
        "{}",
        stderr(&refused)
    );

    let masked = stdout(&env.ok(
        &db,
        &[
            "export",
            "seekers",
            "--format",
            "csv",
            "--purpose",
            "handover",
        ],
    ));
    assert!(
        masked.contains("김*림") && masked.contains("010-****-5678"),
        "{masked}"
    );
    assert!(
        !masked.contains("김가림") && !masked.contains("1234"),
        "{masked}"
    );
    let full = stdout(&env.ok(
        &db,
        &[
            "export",
            "seekers",
            "--format",
            "csv",
            "--purpose",
            "transfer",
            "--full",
            "--plain",
        ],
    ));
    assert!(
        full.contains("김가림") && full.contains("010-1234-5678"),
        "{full}"
    );

    // --full alone is an AES zip under a password: refused piped without
    // one, written with DOYAK_EXPORT_PASSWORD, and holding neither the
    // name nor the phone in its bytes.
    let zip = env.db("full.zip");
    let args = [
        "export",
        "seekers",
        "--format",
        "csv",
        "--purpose",
        "transfer",
        "--full",
        "--output",
        zip.to_str().unwrap(),
    ];
    let with_password = |args: &[&str], password: &str| {
        env.command(&db, PASS, args)
            .env("DOYAK_EXPORT_PASSWORD", password)
            .output()
            .unwrap()
    };
    let refused = env.run(&db, PASS, &args);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("DOYAK_EXPORT_PASSWORD"));
    assert!(!zip.exists());
    // A zip under another name is refused before anything is written.
    let csv_name = env.db("full.csv");
    let mut misnamed = args;
    misnamed[8] = csv_name.to_str().unwrap();
    let refused = with_password(&misnamed, "압축 파일 암호 열두자");
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains(".zip"), "{}", stderr(&refused));
    assert!(!csv_name.exists());
    let short = with_password(&args, "짧은암호");
    assert_eq!(short.status.code(), Some(2), "{}", stderr(&short));
    let done = with_password(&args, "압축 파일 암호 열두자");
    assert!(done.status.success(), "{}", stderr(&done));
    let bytes = std::fs::read(&zip).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip");
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(!has("김가림".as_bytes()) && !has(b"5678"));

    let listed = stdout(&env.ok(&db, &["access-log", "list"]));
    assert!(listed.contains("masked purpose=handover"), "{listed}");
    assert!(listed.contains("full-plain purpose=transfer"), "{listed}");
    assert!(
        listed.contains("full-encrypted purpose=transfer"),
        "{listed}"
    );
}
