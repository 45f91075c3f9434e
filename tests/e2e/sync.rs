//! Sync in the window, against the real `doyak-server` binary: the counselor
//! enrolls the laptop with a code, syncs, and settles a conflict two other
//! laptops made on one of the demo's seekers; the choice syncs back.

use crate::webdriver::Session;
use crate::{Desk, shot, try_unlock, wait_text};
use doyak_app::sync::{HttpTransport, SyncLimits, TlsRoots, enroll, sync_store};
use doyak_app::{NewCaseload, Passphrase, SystemClock};
use doyak_domain::{Center, JobSeeker};
use doyak_store::{Store, WriteContext};
use doyak_sync_protocol::{EnrollRequest, EnrollmentCode, ProtocolVersion};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

fn server_binary() -> PathBuf {
    let exe = Path::new(env!("CARGO_BIN_EXE_doyak-desk"));
    let server = exe.with_file_name("doyak-server");
    assert!(
        server.exists(),
        "{} is missing: run `cargo build -p doyak-server`",
        server.display()
    );
    server
}

pub(crate) struct Server {
    child: Child,
    pub(crate) url: String,
    pub(crate) data: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn admin(data: &Path, args: &[&str]) -> String {
    let out = Command::new(server_binary())
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "doyak-server {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

pub(crate) fn start_server(dir: &Path) -> Server {
    let data = dir.join("server.db");
    let mut child = Command::new(server_binary())
        .arg("--data")
        .arg(&data)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .nth(1)
        .unwrap_or_else(|| panic!("the server says where it listens: {line:?}"))
        .to_owned();
    Server { child, url, data }
}

/// Another laptop of the same center: its own file and device, enrolled.
fn laptop(dir: &Path, name: &str, center: &Center, server: &Server) -> (Store, HttpTransport) {
    let mut store = new_store(dir, name, center);
    let transport = enroll_and_sync(&mut store, name, center, server);
    (store, transport)
}

/// A new caseload file of `center`, unencrypted (a test's).
pub(crate) fn new_store(dir: &Path, name: &str, center: &Center) -> Store {
    let ctx = WriteContext::new(chrono::Utc::now(), name);
    Store::create(
        &dir.join(format!("{name}.doyak")),
        &Passphrase::unencrypted_for_benchmarks(),
        center,
        &ctx,
    )
    .unwrap()
}

/// Enrolls the store's device with a code from the server's administrator
/// and syncs it once; the transport, to sync again.
pub(crate) fn enroll_and_sync(
    store: &mut Store,
    name: &str,
    center: &Center,
    server: &Server,
) -> HttpTransport {
    let code = admin(&server.data, &["code", "--center", &center.id.to_string()]);
    let enrolled = enroll(
        &server.url,
        &TlsRoots::Public,
        &EnrollRequest {
            protocol: ProtocolVersion::V1,
            code: EnrollmentCode::parse(&code).unwrap(),
            device_id: store.device_id().unwrap(),
            device_name: name.into(),
            app_version: "e2e".into(),
            center_id: None,
        },
    )
    .unwrap();
    let mut transport =
        HttpTransport::new(&server.url, Some(enrolled.token), &TlsRoots::Public).unwrap();
    sync_store(
        store,
        &mut transport,
        &chrono::Utc::now,
        SyncLimits::default(),
        &mut |_| {},
    )
    .unwrap();
    transport
}

#[test]
fn a_counselor_enrolls_syncs_and_settles_a_conflict() {
    let desk = Desk::start();
    let server = start_server(desk.dir.path());
    // The demo caseload, made here so its center can be registered first.
    let path = desk.caseload();
    let mut made = doyak_app::Desk::create_demo(
        &path,
        &NewCaseload {
            center_name: "도약 데모 고용복지플러스센터".into(),
            center_sigungu: Some("41273".into()),
        },
        Arc::new(SystemClock),
    )
    .unwrap();
    let spec = made.demo_spec(60, 10, 1).unwrap();
    made.generate_demo(&spec, &mut |_, _| {}).unwrap();
    let center = Center {
        id: made.center_id(),
        name: made.center_name().to_owned(),
        sigungu: None,
    };
    drop(made);
    admin(
        &server.data,
        &[
            "center",
            "--id",
            &center.id.to_string(),
            "--name",
            &center.name,
        ],
    );
    let code = admin(&server.data, &["code", "--center", &center.id.to_string()]);

    let args = vec![
        "--demo".to_owned(),
        "--db".to_owned(),
        path.display().to_string(),
    ];
    let s = Session::start(&desk.url, &desk.app, &args).expect("the desk starts");
    assert_eq!(try_unlock(&s, "demo"), "");
    s.click(&s.find("#nav-sync").unwrap()).unwrap();
    wait_text(&s, "#enroll-title", "등록");
    let server_field = s.find("#enroll-server").unwrap();
    s.clear(&server_field).unwrap();
    s.type_text(&server_field, &server.url).unwrap();
    s.type_text(&s.find("#enroll-code").unwrap(), &code.to_lowercase())
        .unwrap();
    s.type_text(&s.find("#enroll-name").unwrap(), "3층 상담실 노트북")
        .unwrap();
    shot(&s, "23-sync-enroll");
    s.click(&s.find("#enroll-run").unwrap()).unwrap();
    wait_text(&s, "#sync-server", "마지막 동기화 없음");
    s.click(&s.find("#sync-run").unwrap()).unwrap();
    let done = wait_text(&s, "#sync-done", "보냄");
    assert!(
        !done.contains("보냄 0건"),
        "the demo's records were sent: {done}"
    );
    wait_text(&s, "#status-network", "동기화됨");
    wait_text(&s, "#status-pending", "0건");

    // Two other laptops change the same seeker's 메모 from the same version.
    let (mut b, mut b_net) = laptop(desk.dir.path(), "laptop-b", &center, &server);
    let (mut c, mut c_net) = laptop(desk.dir.path(), "laptop-c", &center, &server);
    let mut first: Option<JobSeeker> = None;
    b.for_each::<JobSeeker>(|s| {
        if first.is_none() {
            first = Some(s);
        }
        Ok(())
    })
    .unwrap();
    let seeker = first.expect("the demo has seekers");
    for (store, net, note) in [
        (&mut b, &mut b_net, "B: 오전 상담만 가능"),
        (&mut c, &mut c_net, "C: 화요일 방문 예정"),
    ] {
        let mut edited = seeker.clone();
        edited.note = Some(note.into());
        store
            .write(&WriteContext::new(chrono::Utc::now(), "e2e"), |w| {
                w.update(&edited)
            })
            .unwrap();
        sync_store(
            store,
            net,
            &chrono::Utc::now,
            SyncLimits::default(),
            &mut |_| {},
        )
        .unwrap();
    }

    // The desk pulls the conflict and shows both values.
    keep_the_replaced_note(
        &s,
        &seeker.name,
        "C: 화요일 방문 예정",
        "B: 오전 상담만 가능",
        "24-sync-conflict",
    );

    // The choice reached the others: B pulls it and its queue empties too.
    sync_store(
        &mut b,
        &mut b_net,
        &chrono::Utc::now,
        SyncLimits::default(),
        &mut |_| {},
    )
    .unwrap();
    assert!(
        b.open_conflicts().unwrap().is_empty(),
        "the resolution travels to every laptop"
    );
    let kept = b.get::<JobSeeker>(seeker.id).unwrap().unwrap();
    assert_eq!(
        kept.note.as_deref(),
        Some("B: 오전 상담만 가능"),
        "the counselor kept the replaced value"
    );
    s.quit().unwrap();
}

/// Syncs, finds the one 메모 conflict (`ours` now in the record, `replaced`
/// the other laptop's value), keeps the replaced value in the conflict view
/// and syncs that choice out.
pub(crate) fn keep_the_replaced_note(
    s: &Session,
    seeker: &str,
    ours: &str,
    replaced: &str,
    screenshot: &str,
) {
    s.click(&s.find("#sync-run").unwrap()).unwrap();
    wait_text(s, "#conflict-list", ours);
    let card = wait_text(s, "#conflict-list", replaced);
    assert!(
        card.contains(seeker) && card.contains("메모"),
        "the card names the seeker and the field: {card}"
    );
    wait_text(s, "#status-conflicts", "1건");
    shot(s, screenshot);
    s.click(
        &s.find("#conflict-list .conflict-side:first-child button")
            .unwrap(),
    )
    .unwrap();
    wait_text(s, "#conflicts-title + p + .empty", "확인할 충돌이 없습니다");
    s.click(&s.find("#sync-run").unwrap()).unwrap();
    wait_text(s, "#sync-done", "보냄 1건");
}
