//! The processes the fault tests run: `doyak-server` (served, killed and
//! restarted, or run for one administration command) and `doyak sync`, each
//! killed and reaped when dropped, also when an assertion fails.

use super::proxy::Sprung;
use crate::{stderr, stdout};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// `doyak-server`, built next to `doyak` (`cargo test --workspace` builds
/// every package's binaries; `cargo test -p doyak-cli` alone does not).
pub fn server_binary() -> PathBuf {
    let server = Path::new(env!("CARGO_BIN_EXE_doyak"))
        .with_file_name(format!("doyak-server{}", std::env::consts::EXE_SUFFIX));
    assert!(
        server.is_file(),
        "{} is missing: these tests drive the real sync server. Build it first with \
         `cargo build -p doyak-server` (or run `cargo test --workspace`).",
        server.display()
    );
    server
}

/// Runs an administration command of `doyak-server` on `data`; its stdout.
pub fn admin(data: &Path, args: &[&str]) -> String {
    let out = Command::new(server_binary())
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "doyak-server {args:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
}

/// Collects a child's output stream in a thread, line by line, so the child
/// never blocks on a full pipe; `each` sees every line, and `None` once the
/// stream has closed.
pub fn drain(
    stream: impl std::io::Read + Send + 'static,
    mut each: impl FnMut(Option<String>) + Send + 'static,
) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let kept = text.clone();
    thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            {
                let mut kept = kept.lock().unwrap();
                kept.push_str(&line);
                kept.push('\n');
            }
            each(Some(line));
        }
        each(None);
    });
    text
}

/// A `doyak-server serve` process on an embedded SQLite file. Killed with
/// SIGKILL and reaped when dropped, also when an assertion fails.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
    data: PathBuf,
}

impl Server {
    pub fn start(data: &Path) -> Server {
        let mut child = Command::new(server_binary())
            .arg("--data")
            .arg(data)
            .args(["serve", "--listen", "127.0.0.1:0"])
            // Every desk of these tests enrolls from 127.0.0.1, several in
            // the same seconds; at the default (a burst of 5, then 12 a
            // minute) whether the 6th was refused depended on how fast the
            // machine ran the test. The limit itself is the server's tests'
            // subject (crates/doyak-server/tests/http).
            .args(["--enroll-per-minute", "100000"])
            .env("DOYAK_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        drain(child.stdout.take().unwrap(), move |line| {
            if let Some(line) = line {
                let _ = tx.send(line);
            }
        });
        let log = drain(child.stderr.take().unwrap(), |_| {});
        // Bounds a hang only: a loaded machine may take long to start it.
        let deadline = Instant::now() + Duration::from_secs(300);
        let addr = loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(wait) {
                // `listening http://127.0.0.1:PORT (sqlite)`
                Ok(line) => {
                    if let Some(rest) = line.strip_prefix("listening http://") {
                        let addr = rest.split_whitespace().next().unwrap_or_default();
                        break addr.parse().unwrap();
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "doyak-server did not announce its address: {}",
                        log.lock().unwrap()
                    );
                }
            }
        };
        Server {
            child,
            addr,
            data: data.to_owned(),
        }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGKILL, then a new process on the same file (on a new port).
    pub fn restart(&mut self) {
        self.kill();
        *self = Server::start(&self.data);
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// What a `doyak sync` in flight tells the test.
#[derive(Debug)]
pub enum Event {
    /// A line of its stderr (the progress lines).
    Line,
    /// Its stderr closed: the process is ending.
    Closed,
    /// The proxy holds the request its trap was set for.
    Sprung(Sprung),
}

/// A `doyak sync` in flight; killed and reaped if dropped before it ends.
pub struct SyncProcess {
    pub child: Child,
    pub events: Receiver<Event>,
    /// Lets the proxy's trap add to `events`.
    pub tell: mpsc::Sender<Event>,
    pub stderr: Arc<Mutex<String>>,
    /// `Event::Closed` has been taken from `events`.
    pub closed: bool,
}

impl SyncProcess {
    /// Waits for the exit, and for the rest of its stderr (the reading
    /// thread may lag behind the exit). A trap that springs meanwhile is
    /// released at once.
    pub fn wait(&mut self) -> ExitStatus {
        let status = self.child.wait().unwrap();
        while !self.closed {
            // Generous: the exit has happened, only the reading thread is
            // left; this bounds a hang, it does not time anything.
            match self.events.recv_timeout(Duration::from_secs(300)) {
                Ok(Event::Closed) => self.closed = true,
                Ok(_) => {}
                Err(_) => {
                    panic!("doyak exited but its stderr stayed open: {}", self.stderr())
                }
            }
        }
        status
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for SyncProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
