//! 센터에 합류 on the first start, against the real `doyak-server`: a
//! center whose first laptop already pushed its records hands a second
//! laptop a code; the desk joins with it, pulls the center's seekers, and
//! settles a conflict the two laptops then make on one of them. A code typed
//! wrong is refused under its field before anything is written.

use crate::sync::{Server, admin, start_server};
use crate::webdriver::Session;
use crate::{Desk, search, shot, type_into, wait_text};
use doyak_app::sync::TlsRoots;
use doyak_app::{NewCaseload, SystemClock};
use doyak_domain::JobSeeker;
use doyak_sync_protocol::paths;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const PASSPHRASE: &str = "합류한 노트북 암호";

/// The center's first laptop: a caseload of its own (a demo of `seekers`
/// people), its center registered on the server, enrolled and pushed. Gives
/// the laptop and the center's id.
fn first_laptop(desk: &Desk, server: &Server, seekers: u32) -> (doyak_app::Desk, String) {
    let mut first = doyak_app::Desk::create_demo(
        &desk.dir.path().join("first.doyak"),
        &NewCaseload {
            center_name: "안산고용복지플러스센터".into(),
            center_sigungu: Some("41273".into()),
        },
        Arc::new(SystemClock),
    )
    .unwrap()
    .with_actor("first");
    let spec = first.demo_spec(seekers, 6, 7).unwrap();
    first.generate_demo(&spec, &mut |_, _| {}).unwrap();
    let center_id = first.center_id().to_string();
    admin(
        &server.data,
        &["center", "--id", &center_id, "--name", first.center_name()],
    );
    let code = admin(&server.data, &["code", "--center", &center_id]);
    first
        .enroll(&server.url, &code, "1번 노트북", &TlsRoots::Public)
        .unwrap();
    first.sync_now(&TlsRoots::Public, &mut |_| {}).unwrap();
    (first, center_id)
}

/// Starts the desk with no caseload at `path` and opens 센터에 합류.
fn join_tab(desk: &Desk, path: &Path) -> Session {
    let args = vec!["--db".to_owned(), path.display().to_string()];
    let s = Session::start(&desk.url, &desk.app, &args).expect("the desk starts");
    wait_text(&s, "#tab-join", "센터에 합류");
    s.click(&s.find("#tab-join").unwrap()).unwrap();
    wait_text(&s, "#join-intro", "등록 코드로 합류");
    s
}

/// Waits until the seeker list counts `n` people ("40명 중 1–40").
fn seeker_count(s: &Session, n: u32) {
    let want = format!("{n}명 ");
    s.wait(&format!("the list to count {n} seekers"), || {
        let shown = s.texts("#seeker-count")?.join("");
        Ok(shown.starts_with(&want).then_some(()))
    })
    .unwrap();
}

#[test]
fn a_new_laptop_joins_its_center_pulls_its_seekers_and_settles_a_conflict() {
    let desk = Desk::start();
    let server = start_server(desk.dir.path());
    let (mut first, center_id) = first_laptop(&desk, &server, 40);
    // One seeker whose name no other seeker shares, to find on the desk.
    let mut by_name: BTreeMap<String, Vec<JobSeeker>> = BTreeMap::new();
    first
        .store()
        .for_each::<JobSeeker>(|s| {
            by_name.entry(s.name.clone()).or_default().push(s);
            Ok(())
        })
        .unwrap();
    let seeker = by_name
        .into_values()
        .find(|same| same.len() == 1)
        .and_then(|mut same| same.pop())
        .expect("the demo has a seeker with a name of their own");

    // The new laptop starts with no caseload and chooses to join.
    let path = desk.caseload();
    let s = join_tab(&desk, &path);
    shot(&s, "25-first-start-join");
    type_into(&s, "#join-server-url", &server.url);
    type_into(&s, "#join-code", "ABCD-EFGH");
    type_into(&s, "#join-passphrase", PASSPHRASE);
    type_into(&s, "#join-confirm", PASSPHRASE);
    s.click(&s.find("#join-submit").unwrap()).unwrap();
    let refused = wait_text(&s, "#join-code-error", "등록 코드는 관리자가 준 12자리");
    assert!(
        refused.contains("ABCD-EFGH-JKMN"),
        "the message shows what a code looks like: {refused}"
    );
    assert!(
        s.find_all("#join-server-url-error").unwrap().is_empty()
            && s.find_all("#join-passphrase-error").unwrap().is_empty(),
        "only the code was wrong, so only the code has a message"
    );
    assert!(!path.exists(), "a refused join writes no caseload file");
    shot(&s, "26-join-refused-code");

    // The administrator's code, typed in lower case as people do.
    let code = admin(&server.data, &["code", "--center", &center_id]);
    type_into(&s, "#join-code", &code.to_lowercase());
    type_into(&s, "#join-device-name", "3층 상담실 노트북");
    shot(&s, "27-join-form-filled");
    s.click(&s.find("#join-submit").unwrap()).unwrap();
    wait_text(&s, "#today-title", "오늘 할 일");
    assert!(path.exists(), "the joined caseload is on disk");
    wait_text(&s, ".center", "안산고용복지플러스센터");
    shot(&s, "28-joined-today");

    // The center's seekers arrived: all 40, the chosen one among them.
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    seeker_count(&s, 40);
    let found = search(&s, &seeker.name);
    assert_eq!(
        found,
        std::slice::from_ref(&seeker.name),
        "the pulled seeker is found"
    );
    shot(&s, "29-joined-seekers");

    // Both laptops change the seeker's 메모 from the same version: the first
    // laptop syncs first, then the desk saves and syncs.
    let mut form = first.seeker_form(&seeker.id.to_string()).unwrap();
    form.note = "1번: 오전 상담만 가능".into();
    first.save_seeker_form(&form).unwrap();
    first.sync_now(&TlsRoots::Public, &mut |_| {}).unwrap();
    s.click(&s.find("#seeker-rows .row-link").unwrap()).unwrap();
    wait_text(&s, "#seeker-title", &seeker.name);
    s.click(&s.find("#seeker-edit").unwrap()).unwrap();
    wait_text(&s, "#seeker-form-title", "구직자 정보 수정");
    type_into(&s, "#f-note", "3층: 화요일 방문 예정");
    s.click(&s.find("#seeker-form-save").unwrap()).unwrap();
    wait_text(&s, "#seeker-title", &seeker.name);
    s.click(&s.find("#nav-sync").unwrap()).unwrap();
    // The counselor keeps the first laptop's value (the one replaced).
    crate::sync::keep_the_replaced_note(
        &s,
        &seeker.name,
        "3층: 화요일 방문 예정",
        "1번: 오전 상담만 가능",
        "30-joined-conflict",
    );
    s.wait("the status bar's conflict count to go", || {
        Ok(s.find_all("#status-conflicts")?.is_empty().then_some(()))
    })
    .unwrap();
    shot(&s, "31-joined-conflict-settled");
    s.quit().unwrap();

    // The choice reached the first laptop: no open conflict, its value kept.
    first.sync_now(&TlsRoots::Public, &mut |_| {}).unwrap();
    assert!(
        first.conflict_queue().unwrap().is_empty(),
        "the resolution travels to every laptop of the center"
    );
    assert_eq!(
        first.seeker_form(&seeker.id.to_string()).unwrap().note,
        "1번: 오전 상담만 가능",
        "the counselor kept the first laptop's value"
    );
}

/// A loopback HTTP relay in front of the server that, while `refuse_pulls`
/// is set, answers every pull with 503 before the server sees it: a network
/// that lets the enrollment through and then fails.
struct PullGate {
    url: String,
    refuse_pulls: Arc<AtomicBool>,
}

fn pull_gate(server: &str) -> PullGate {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let upstream = server
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    let refuse_pulls = Arc::new(AtomicBool::new(true));
    let refuse = refuse_pulls.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let (upstream, refuse) = (upstream.clone(), refuse.clone());
            std::thread::spawn(move || relay(client, &upstream, &refuse));
        }
    });
    PullGate { url, refuse_pulls }
}

/// One request per connection: it goes on with `Connection: close`, so the
/// answer ends where the server closes.
fn relay(mut client: TcpStream, upstream: &str, refuse: &AtomicBool) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let (mut headers, mut length) = (String::new(), 0);
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        if line.trim_end().is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        assert!(
            !lower.starts_with("transfer-encoding:"),
            "the desk sends sized bodies: {line}"
        );
        if let Some(n) = lower.strip_prefix("content-length:") {
            length = n.trim().parse().unwrap_or(0);
        }
        if !lower.starts_with("connection:") {
            headers.push_str(&line);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    if request_line.split_whitespace().nth(1) == Some(paths::PULL) && refuse.load(Ordering::SeqCst)
    {
        return client.write_all(
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    }
    let mut server = TcpStream::connect(upstream)?;
    server.write_all(request_line.as_bytes())?;
    server.write_all(headers.as_bytes())?;
    server.write_all(b"Connection: close\r\n\r\n")?;
    server.write_all(&body)?;
    std::io::copy(&mut server, &mut client).map(drop)
}

#[test]
fn a_join_whose_pull_fails_stays_joined_and_the_next_sync_pulls_the_center() {
    let desk = Desk::start();
    let server = start_server(desk.dir.path());
    let (_first, center_id) = first_laptop(&desk, &server, 20);
    let gate = pull_gate(&server.url);

    let path = desk.caseload();
    let s = join_tab(&desk, &path);
    let code = admin(&server.data, &["code", "--center", &center_id]);
    type_into(&s, "#join-server-url", &gate.url);
    type_into(&s, "#join-code", &code);
    type_into(&s, "#join-passphrase", PASSPHRASE);
    type_into(&s, "#join-confirm", PASSPHRASE);
    s.click(&s.find("#join-submit").unwrap()).unwrap();
    let stopped = wait_text(&s, "#join-pull-error", "센터 기록을 다 받지 못했습니다");
    assert!(
        stopped.contains("(오류 코드 sync."),
        "the failure keeps its code: {stopped}"
    );
    wait_text(&s, "#join-stopped", "다음 동기화 때 이어서 받습니다");
    assert!(path.exists(), "the join is kept though the pull failed");
    shot(&s, "32-join-pull-failed");

    // The caseload is open and enrolled: 오늘 할 일, then the next sync
    // (here 지금 동기화) pulls the center once the network lets it.
    s.click(&s.find("#join-continue").unwrap()).unwrap();
    wait_text(&s, "#today-title", "오늘 할 일");
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    seeker_count(&s, 0);
    gate.refuse_pulls.store(false, Ordering::SeqCst);
    s.click(&s.find("#nav-sync").unwrap()).unwrap();
    s.click(&s.find("#sync-run").unwrap()).unwrap();
    wait_text(&s, "#sync-done", "받음");
    s.click(&s.find("#nav-seekers").unwrap()).unwrap();
    seeker_count(&s, 20);
    s.quit().unwrap();
}
