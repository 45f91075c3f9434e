//! The OS saying the screen locked or the computer is going to sleep
//! (Linux, over D-Bus): logind's `PrepareForSleep(true)` and session
//! `Lock` on the system bus, and the freedesktop and GNOME screensavers'
//! `ActiveChanged(true)` on the session bus. Each locks the desk
//! (crate::autolock). A computer without a bus, or a desktop that sends
//! none of these, still has the idle lock.
//!
//! Any sender may send these signals; the worst a forged one does is lock
//! the desk.

use dbus::blocking::Connection;
use dbus::message::MatchRule;
use doyak_app::LockReason;
use std::sync::Arc;
use tauri::AppHandle;

/// A signal that locks the desk.
#[derive(Debug, Clone, Copy)]
pub struct Watch {
    pub interface: &'static str,
    pub member: &'static str,
    /// The signal carries a boolean and locks only when it is true (going
    /// to sleep, not waking; the screensaver starting, not stopping).
    pub when_true: bool,
    pub reason: LockReason,
}

pub const SYSTEM_BUS: [Watch; 2] = [
    Watch {
        interface: "org.freedesktop.login1.Manager",
        member: "PrepareForSleep",
        when_true: true,
        reason: LockReason::Suspend,
    },
    Watch {
        interface: "org.freedesktop.login1.Session",
        member: "Lock",
        when_true: false,
        reason: LockReason::ScreenLocked,
    },
];

pub const SESSION_BUS: [Watch; 2] = [
    Watch {
        interface: "org.freedesktop.ScreenSaver",
        member: "ActiveChanged",
        when_true: true,
        reason: LockReason::ScreenLocked,
    },
    Watch {
        interface: "org.gnome.ScreenSaver",
        member: "ActiveChanged",
        when_true: true,
        reason: LockReason::ScreenLocked,
    },
];

type OnLock = Arc<dyn Fn(LockReason) + Send + Sync>;

/// Subscribes `conn` to `watches` (done when this returns, so a signal sent
/// after it is heard) and hears them on a thread of its own.
pub fn listen(conn: Connection, watches: &[Watch], on_lock: OnLock) -> Result<(), dbus::Error> {
    for watch in watches {
        let rule = MatchRule::new_signal(watch.interface, watch.member);
        let (reason, on_lock) = (watch.reason, on_lock.clone());
        if watch.when_true {
            conn.add_match(rule, move |(on,): (bool,), _: &Connection, _| {
                if on {
                    on_lock(reason);
                }
                true
            })?;
        } else {
            conn.add_match(rule, move |(): (), _: &Connection, _| {
                on_lock(reason);
                true
            })?;
        }
    }
    std::thread::Builder::new()
        .name("doyak-os-lock".into())
        .spawn(move || {
            // Blocks until a message comes; ends when the bus goes away.
            while conn.process(std::time::Duration::from_secs(3600)).is_ok() {}
        })
        .map_err(|e| dbus::Error::new_failed(&e.to_string()))?;
    Ok(())
}

/// logind's "delay" sleep inhibitor: while the desk holds it, the computer
/// waits (up to logind's InhibitDelayMaxSec, 5 s by default) after
/// `PrepareForSleep(true)` for the desk to lock before it sleeps.
type SleepDelay = Arc<std::sync::Mutex<Option<dbus::arg::OwnedFd>>>;

/// Takes the inhibitor on a connection of its own (the listening one is
/// busy on its thread). No logind: no delay, the lock races the sleep.
fn hold_sleep_delay(delay: &SleepDelay) {
    let taken = Connection::new_system().and_then(|conn| {
        let proxy = conn.with_proxy(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            std::time::Duration::from_secs(5),
        );
        proxy
            .method_call(
                "org.freedesktop.login1.Manager",
                "Inhibit",
                ("sleep", "도약", "사례관리 파일을 닫고 잠급니다", "delay"),
            )
            .map(|(fd,): (dbus::arg::OwnedFd,)| fd)
    });
    match taken {
        Ok(fd) => {
            if let Ok(mut held) = delay.lock() {
                *held = Some(fd);
            }
        }
        Err(e) => tracing::info!(error = %e, "no sleep delay from logind"),
    }
}

/// Follows the system and session buses for the desk's window.
pub fn start(app: AppHandle) {
    let delay: SleepDelay = Arc::new(std::sync::Mutex::new(None));
    hold_sleep_delay(&delay);
    let on_lock: OnLock = {
        let delay = delay.clone();
        Arc::new(move |reason| {
            // This sleep's inhibitor, taken now: one taken on waking (while
            // a slow lock still waits) must stay for the next sleep.
            let this_sleep = (reason == LockReason::Suspend)
                .then(|| delay.lock().ok().and_then(|mut held| held.take()))
                .flatten();
            let app = app.clone();
            // Locking waits for a running operation: never on the bus's thread.
            std::thread::spawn(move || {
                crate::autolock::lock(&app, reason);
                // Locked: the computer may sleep now.
                drop(this_sleep);
            });
        })
    };
    // Awake again: hold the delay for the next sleep.
    let rewake = Connection::new_system().and_then(|conn| {
        conn.add_match(
            MatchRule::new_signal("org.freedesktop.login1.Manager", "PrepareForSleep"),
            move |(going,): (bool,), _: &Connection, _| {
                if !going {
                    let delay = delay.clone();
                    std::thread::spawn(move || hold_sleep_delay(&delay));
                }
                true
            },
        )?;
        std::thread::Builder::new()
            .name("doyak-sleep-delay".into())
            .spawn(move || while conn.process(std::time::Duration::from_secs(3600)).is_ok() {})
            .map(|_| ())
            .map_err(|e| dbus::Error::new_failed(&e.to_string()))
    });
    if let Err(e) = rewake {
        tracing::info!(error = %e, "not following wake-ups");
    }
    type Connect = fn() -> Result<Connection, dbus::Error>;
    let buses: [(&str, Connect, &[Watch]); 2] = [
        ("system", Connection::new_system, &SYSTEM_BUS),
        ("session", Connection::new_session, &SESSION_BUS),
    ];
    for (name, connect, watches) in buses {
        match connect().and_then(|conn| listen(conn, watches, on_lock.clone())) {
            Ok(()) => tracing::info!(bus = name, "following the OS's screen lock and sleep"),
            Err(e) => tracing::info!(bus = name, error = %e, "no OS lock signals on this bus"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    use std::sync::mpsc;

    /// A bus of the test's own, gone when the test ends.
    struct PrivateBus(std::process::Child, String);

    impl PrivateBus {
        fn start() -> PrivateBus {
            let mut child = Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("dbus-daemon (apt package dbus-daemon; scripts/setup.sh installs it)");
            let mut line = String::new();
            std::io::BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            PrivateBus(child, line.trim().to_owned())
        }

        fn send(&self, path: &str, signal: &str, args: &[&str]) {
            let status = Command::new("dbus-send")
                .arg(format!("--bus={}", self.1))
                .args(["--type=signal", path, signal])
                .args(args)
                .status()
                .unwrap();
            assert!(status.success(), "dbus-send {signal}");
        }
    }

    impl Drop for PrivateBus {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    #[test]
    fn sleep_and_screen_lock_lock_the_desk_and_waking_does_not() {
        let bus = PrivateBus::start();
        let mut channel = dbus::channel::Channel::open_private(&bus.1).unwrap();
        channel.register().unwrap();
        let (tx, rx) = mpsc::channel();
        let tx = std::sync::Mutex::new(tx);
        let on_lock: OnLock = Arc::new(move |reason| {
            let _ = tx.lock().unwrap().send(reason);
        });
        let all: Vec<Watch> = SYSTEM_BUS.iter().chain(&SESSION_BUS).copied().collect();
        listen(Connection::from(channel), &all, on_lock).unwrap();

        // Waking and a screensaver stopping come first and must not lock:
        // the first lock heard is the one sent after them (one sender's
        // signals arrive in order).
        let login = "/org/freedesktop/login1";
        bus.send(
            login,
            "org.freedesktop.login1.Manager.PrepareForSleep",
            &["boolean:false"],
        );
        bus.send(
            "/org/gnome/ScreenSaver",
            "org.gnome.ScreenSaver.ActiveChanged",
            &["boolean:false"],
        );
        bus.send(
            login,
            "org.freedesktop.login1.Manager.PrepareForSleep",
            &["boolean:true"],
        );
        let wait = std::time::Duration::from_secs(120);
        assert_eq!(rx.recv_timeout(wait).unwrap(), LockReason::Suspend);

        bus.send(
            "/org/freedesktop/login1/session/_31",
            "org.freedesktop.login1.Session.Lock",
            &[],
        );
        assert_eq!(rx.recv_timeout(wait).unwrap(), LockReason::ScreenLocked);
        for screensaver in ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"] {
            bus.send(
                "/ScreenSaver",
                &format!("{screensaver}.ActiveChanged"),
                &["boolean:true"],
            );
            assert_eq!(
                rx.recv_timeout(wait).unwrap(),
                LockReason::ScreenLocked,
                "{screensaver}"
            );
        }
        // Another interface's signal of the same name locks nothing: the
        // next thing heard is the sleep sent after it.
        bus.send("/x", "org.example.Other.ActiveChanged", &["boolean:true"]);
        bus.send(
            login,
            "org.freedesktop.login1.Manager.PrepareForSleep",
            &["boolean:true"],
        );
        assert_eq!(rx.recv_timeout(wait).unwrap(), LockReason::Suspend);
    }
}
