//! A small W3C WebDriver client: the dozen endpoints the desk's end-to-end
//! tests use, over blocking HTTP to tauri-driver (or WebKitWebDriver
//! itself, for the server's page) on loopback.

use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The web element reference: the W3C key starts with this (the key
/// WebKitWebDriver sends is the spec's `element-6066-11e4-a52e-4f735466cecf`).
const ELEMENT_KEY_PREFIX: &str = "element-6066-";
/// The key for sending an element reference back (W3C WebDriver §12.1).
const ELEMENT_W3C: &str = "element-6066-11e4-a52e-4f735466cecf";

fn element_ref(v: &Value) -> Option<Element> {
    v.as_object()?
        .iter()
        .find(|(k, _)| k.starts_with(ELEMENT_KEY_PREFIX))
        .and_then(|(_, id)| id.as_str())
        .map(|id| Element(id.to_owned()))
}

#[derive(Debug)]
pub struct Session {
    agent: ureq::Agent,
    base: String,
    /// The desk binary this session started, to see it gone after `quit`.
    application: String,
}

#[derive(Debug, Clone)]
pub struct Element(String);

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        // A hang guard only: on a loaded one-core machine WebKit can take
        // minutes to start a window, and a request waits for that.
        .timeout_global(Some(Duration::from_secs(600)))
        .build()
        .into()
}

fn unwrap_value(what: &str, status: u16, body: Value) -> Result<Value, String> {
    if status >= 400 || body["value"].get("error").is_some() {
        return Err(format!(
            "{what}: HTTP {status}: {} {}",
            body["value"]["error"], body["value"]["message"]
        ));
    }
    Ok(body["value"].clone())
}

fn send(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<Value>,
) -> Result<Value, String> {
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, Some(b)) => agent.post(url).send_json(b),
        (_, None) => agent.post(url).send_json(json!({})),
    };
    let mut response = response.map_err(|e| format!("{method} {url}: {e}"))?;
    let status = response.status().as_u16();
    let body: Value = response
        .body_mut()
        .read_json()
        .map_err(|e| format!("{method} {url}: reply is not JSON: {e}"))?;
    unwrap_value(&format!("{method} {url}"), status, body)
}

impl Session {
    /// Starts the app under tauri-driver at `driver` (http://127.0.0.1:PORT).
    pub fn start(driver: &str, application: &str, args: &[String]) -> Result<Session, String> {
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "tauri:options": { "application": application, "args": args }
                }
            }
        });
        Session::new(driver, caps, application)
    }

    /// A new session with `caps`, whose process runs `application`.
    fn new(driver: &str, caps: Value, application: &str) -> Result<Session, String> {
        let agent = agent();
        let value = send(&agent, "POST", &format!("{driver}/session"), Some(caps))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {value}"))?;
        Ok(Session {
            agent,
            base: format!("{driver}/session/{id}"),
            application: application.to_owned(),
        })
    }

    /// Starts `browser` (MiniBrowser) under WebKitWebDriver at `driver`.
    pub fn browse(driver: &str, browser: &str) -> Result<Session, String> {
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "webkitgtk:browserOptions": { "binary": browser, "args": ["--automation"] }
                }
            }
        });
        Session::new(driver, caps, browser)
    }

    /// Opens `url` in the session's window.
    pub fn go(&self, url: &str) -> Result<(), String> {
        self.post("/url", json!({ "url": url })).map(drop)
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        send(
            &self.agent,
            "POST",
            &format!("{}{path}", self.base),
            Some(body),
        )
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        send(&self.agent, "GET", &format!("{}{path}", self.base), None)
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>, String> {
        let v = self.post("/elements", json!({"using": "css selector", "value": css}))?;
        Ok(v.as_array()
            .map(|a| a.iter().filter_map(element_ref).collect())
            .unwrap_or_default())
    }

    /// Waits up to 20 s for an element to exist.
    pub fn find(&self, css: &str) -> Result<Element, String> {
        self.wait(&format!("element {css}"), || {
            Ok(self.find_all(css)?.into_iter().next())
        })
    }

    /// Clicks an element after scrolling it to the middle of the view: the
    /// desk's status bar covers the bottom edge, where WebKitWebDriver's own
    /// scrolling may leave a button ("element not interactable").
    pub fn click(&self, e: &Element) -> Result<(), String> {
        let mut reference = serde_json::Map::new();
        reference.insert(ELEMENT_W3C.to_owned(), Value::String(e.0.clone()));
        self.script(
            "arguments[0].scrollIntoView({ block: 'center' }); return null;",
            json!([reference]),
        )?;
        self.post(&format!("/element/{}/click", e.0), json!({}))
            .map(drop)
    }

    pub fn clear(&self, e: &Element) -> Result<(), String> {
        self.post(&format!("/element/{}/clear", e.0), json!({}))
            .map(drop)
    }

    pub fn type_text(&self, e: &Element, text: &str) -> Result<(), String> {
        self.post(&format!("/element/{}/value", e.0), json!({ "text": text }))
            .map(drop)
    }

    /// The element that has the keyboard focus (W3C Get Active Element).
    pub fn active(&self) -> Result<Element, String> {
        element_ref(&self.get("/element/active")?)
            .ok_or_else(|| "no element has the focus".to_owned())
    }

    /// Keys typed wherever the focus is, as a counselor without a mouse
    /// types: the test never says which element gets them.
    pub fn press(&self, keys: &str) -> Result<(), String> {
        let focused = self.active()?;
        self.type_text(&focused, keys)
    }

    /// The id of the focused element ("" when it has none).
    pub fn active_id(&self) -> Result<String, String> {
        Ok(self
            .script(
                "return document.activeElement ? document.activeElement.id : '';",
                json!([]),
            )?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    pub fn text(&self, e: &Element) -> Result<String, String> {
        Ok(self
            .get(&format!("/element/{}/text", e.0))?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// Runs a script in the page; `arguments[i]` are `args`.
    pub fn script(&self, script: &str, args: Value) -> Result<Value, String> {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// Runs an asynchronous script; it calls its last argument with the result.
    pub fn script_async(&self, script: &str, args: Value) -> Result<Value, String> {
        self.post("/execute/async", json!({ "script": script, "args": args }))
    }

    /// The text of every element matching `css`, read in one round trip.
    pub fn texts(&self, css: &str) -> Result<Vec<String>, String> {
        let v = self.script(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);",
            json!([css]),
        )?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .map(|s| s.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Sets the window's outer size (1366×768 and 1920×1080 are the
    /// counselors' screens).
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<(), String> {
        self.post("/window/rect", json!({ "width": width, "height": height }))
            .map(drop)
    }

    pub fn screenshot_png(&self) -> Result<Vec<u8>, String> {
        use base64::Engine;
        let v = self.get("/screenshot")?;
        base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .map_err(|e| format!("screenshot is not base64: {e}"))
    }

    /// Polls `f` every 100 ms until it returns `Some`. The two minutes only
    /// bound a hang: on a loaded one-core machine a step may take many
    /// seconds, and no test relies on how long it takes.
    pub fn wait<T>(
        &self,
        what: &str,
        mut f: impl FnMut() -> Result<Option<T>, String>,
    ) -> Result<T, String> {
        let deadline = Instant::now() + Duration::from_secs(120);
        let mut last_error = String::new();
        loop {
            match f() {
                Ok(Some(v)) => return Ok(v),
                Ok(None) => {}
                Err(e) => last_error = e,
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what} {last_error}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Ends the session; tauri-driver closes the app.
    /// Ends the session and waits until the desk process has exited, so a
    /// next session never starts while the last window is still closing
    /// (on a loaded machine that took longer than any fixed wait).
    pub fn quit(self) -> Result<(), String> {
        send(&self.agent, "DELETE", &self.base, None)?;
        let deadline = Instant::now() + Duration::from_secs(600);
        while desk_running(&self.application) {
            if Instant::now() > deadline {
                return Err(format!("{} did not exit after quit", self.application));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }
}

/// Whether a process runs `application` (Linux: /proc/<pid>/exe).
fn desk_running(application: &str) -> bool {
    let wanted = std::fs::canonicalize(application).unwrap_or_else(|_| application.into());
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return false;
    };
    procs
        .flatten()
        .any(|p| std::fs::read_link(p.path().join("exe")).is_ok_and(|exe| exe == wanted))
}
