//! Runs the real desk binary under WebDriver: a private X server (Xvfb), then
//! tauri-driver (which drives WebKitWebDriver), with every XDG directory in a
//! temporary folder so WebKit and the app keep nothing in $HOME.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn tool(name: &str) -> PathBuf {
    let home_bin = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin").join(name));
    if let Some(p) = home_bin.filter(|p| p.exists()) {
        return p;
    }
    let found = std::env::var_os("PATH")
        .map(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(name))
                .find(|p| p.exists())
        })
        .unwrap_or_default();
    found.unwrap_or_else(|| {
        panic!("{name} is missing: run `bash scripts/setup.sh` (it installs Xvfb, WebKitWebDriver and tauri-driver)")
    })
}

/// Stops a child politely: SIGTERM lets tauri-driver stop WebKitWebDriver
/// (SIGKILL would orphan it and hang the run), then waits up to 5 s.
fn terminate(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[derive(Debug)]
pub struct Desk {
    xvfb: Child,
    driver: Child,
    pub url: String,
    pub dir: tempfile::TempDir,
    pub app: String,
    _turn: std::sync::MutexGuard<'static, ()>,
}

/// A private X server on a display number no one else is using; it and
/// its number, once its socket is there.
fn start_xvfb() -> (Child, u32) {
    // A display number no one else is using: Xvfb refuses a taken one.
    let (xvfb, display) = (0..50)
        .find_map(|i| {
            let n = 140 + (std::process::id() % 500) + i * 7;
            if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                return None;
            }
            let child = Command::new(tool("Xvfb"))
                .args([
                    &format!(":{n}"),
                    "-screen",
                    "0",
                    "1366x768x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .ok()?;
            Some((child, n))
        })
        .expect("Xvfb starts");
    let socket = format!("/tmp/.X11-unix/X{display}");
    let deadline = Instant::now() + Duration::from_secs(120);
    while !Path::new(&socket).exists() {
        assert!(Instant::now() < deadline, "Xvfb :{display} did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (xvfb, display)
}

/// Waits until something listens on each of `ports` (the two minutes
/// only bound a hang).
fn wait_listening(what: &str, ports: &[u16]) {
    let deadline = Instant::now() + Duration::from_secs(120);
    for p in ports {
        while std::net::TcpStream::connect(("127.0.0.1", *p)).is_err() {
            assert!(Instant::now() < deadline, "{what} did not listen on {p}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A web browser (WebKitGTK's MiniBrowser) under WebKitWebDriver on its own
/// X server, for pages that are not the desk's (the server's national page).
#[derive(Debug)]
pub struct Browser {
    xvfb: Child,
    driver: Child,
    pub url: String,
    pub dir: tempfile::TempDir,
    _turn: std::sync::MutexGuard<'static, ()>,
}

/// WebKitGTK's own small browser, which WebKitWebDriver drives.
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Browser {
    pub fn start() -> Browser {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        assert!(
            Path::new(MINIBROWSER).exists(),
            "{MINIBROWSER} is missing: run `bash scripts/setup.sh` (libwebkit2gtk-4.1 ships it)"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["data", "config", "cache", "runtime"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("xdg dir");
        }
        let (xvfb, display) = start_xvfb();
        let port = free_port();
        let driver = Command::new(tool("WebKitWebDriver"))
            .arg(format!("--port={port}"))
            .env("DISPLAY", format!(":{display}"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env("XDG_RUNTIME_DIR", dir.path().join("runtime"))
            .env("HOME", dir.path())
            .env("NO_AT_BRIDGE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("WebKitWebDriver starts");
        wait_listening("WebKitWebDriver", &[port]);
        Browser {
            xvfb,
            driver,
            url: format!("http://127.0.0.1:{port}"),
            dir,
            _turn: turn,
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        terminate(&mut self.driver);
        terminate(&mut self.xvfb);
    }
}

/// The file the desk's frozen unlock clock reads its seconds from.
const CLOCK_FILE: &str = "unlock-clock";

/// One desk at a time: two WebKit windows on two cores make both tests slow
/// and flaky, and the tests share nothing else.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Desk {
    pub fn start() -> Desk {
        Desk::start_demo_as_of(None)
    }

    /// A desk whose demo (when it makes one) is as of `day` (YYYY-MM-DD)
    /// instead of today: the demo's seekers differ from day to day, and a
    /// test that names one needs the day it was written against.
    pub fn start_demo_as_of(day: Option<&str>) -> Desk {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["data", "config", "cache", "runtime", "downloads"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("xdg dir");
        }
        let (xvfb, display) = start_xvfb();
        let (port, native) = (free_port(), free_port());
        let driver = Command::new(tool("tauri-driver"))
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .arg("--native-driver")
            .arg(tool("WebKitWebDriver"))
            .env("DOYAK_DEMO_AS_OF", day.unwrap_or_default())
            .env("DISPLAY", format!(":{display}"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .env("XDG_RUNTIME_DIR", dir.path().join("runtime"))
            .env("XDG_DOWNLOAD_DIR", dir.path().join("downloads"))
            .env("HOME", dir.path())
            .env("NO_AT_BRIDGE", "1")
            // A counselor's session is Korean: the page's locale is ko-KR
            // (uPlot reads it when it loads; under a bare "C" it threw).
            .env("LANG", "ko_KR.UTF-8")
            // The unlock throttle's clock stands still until the test moves
            // it (src-tauri/src/unlock_clock.rs; debug builds only).
            .env("DOYAK_E2E_CLOCK", dir.path().join(CLOCK_FILE))
            // WebKitWebDriver's screenshots sometimes never return when the
            // page is drawn without compositing (the desk's default); the
            // functional tests keep WebKit's own mode. scripts/bench-desk.sh
            // measures the default (DOYAK_BENCH_DEFAULT_RENDERING=1).
            .env(
                "DOYAK_GPU",
                if std::env::var_os("DOYAK_BENCH_DEFAULT_RENDERING").is_some() {
                    "0"
                } else {
                    "1"
                },
            )
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver starts");
        let url = format!("http://127.0.0.1:{port}");
        // Both tauri-driver and the WebKitWebDriver it starts must listen
        // before a session can be asked for.
        wait_listening("tauri-driver", &[port, native]);
        Desk {
            xvfb,
            driver,
            url,
            dir,
            app: env!("CARGO_BIN_EXE_doyak-desk").to_owned(),
            _turn: turn,
        }
    }

    pub fn caseload(&self) -> PathBuf {
        self.dir.path().join("data/e2e.doyak")
    }

    /// Sets the unlock throttle's clock to `seconds` after the desk started.
    /// Written whole and renamed into place: the desk never reads half of it.
    pub fn set_clock(&self, seconds: u64) {
        let file = self.dir.path().join(CLOCK_FILE);
        let next = file.with_extension("next");
        std::fs::write(&next, seconds.to_string()).expect("write the clock");
        std::fs::rename(&next, &file).expect("move the clock");
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        terminate(&mut self.driver);
        terminate(&mut self.xvfb);
    }
}

/// Where the e2e run leaves its screenshots: target/screenshots/.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}
