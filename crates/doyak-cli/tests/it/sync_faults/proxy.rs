//! A loopback HTTP/1.1 proxy that breaks exchanges on purpose: the flaky
//! network between a desk and the sync server, with a seeded choice of
//! fault for every exchange.
//!
//! The desk's client keeps connections alive, so a fault chosen once per
//! connection would leave a lucky first connection carrying the whole sync.
//! The proxy therefore reads each request and response whole (by
//! `Content-Length` or chunked framing) and draws a fault for every
//! exchange; a fault that breaks the connection closes it, and a clean
//! exchange sometimes closes it too, so new connections keep being made.
//!
//! A [`Trap`] holds one chosen request (the nth to a path since it was
//! armed) and tells the test, which kills the desk or the server while that
//! request is in flight; then the proxy drops the connection. The kill
//! lands at a protocol point, whatever the speed of the machine.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

/// How the proxy treats the exchanges it carries from now on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    /// Every exchange goes through untouched.
    Healthy,
    /// Each exchange, drawn from the seeded generator: through (35 %),
    /// delayed 50–300 ms (15 %), dropped before the server sees it (10 %),
    /// answered but the answer lost — the server committed, the desk never
    /// hears (25 %) — or the answer cut after a random number of bytes
    /// (15 %). A clean exchange closes its connection 30 % of the time; a
    /// new connection is refused 10 % of the time.
    Flaky,
}

/// What happened to one exchange (or one connection, for `refused`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub delayed: u64,
    pub dropped: u64,
    pub answer_lost: u64,
    pub truncated: u64,
    pub refused: u64,
    pub closed_after_answer: u64,
}

impl Tally {
    pub fn broken(&self) -> u64 {
        self.dropped + self.answer_lost + self.truncated + self.refused
    }
}

#[derive(Debug, Clone, Copy)]
enum Fault {
    Pass,
    Delay(Duration),
    /// The connection closes before the request is forwarded.
    Drop,
    /// The request is forwarded and answered; the answer is thrown away and
    /// the connection closed.
    LoseAnswer,
    /// The answer is cut after this fraction of its bytes.
    Truncate(f64),
}

/// Which request a trap holds: the `nth` (from 1) whose path is `path`,
/// counted from when it was armed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trap {
    pub path: &'static str,
    pub nth: u32,
    /// Whether the server gets the request and answers it before the test
    /// is told (a push committed that nobody hears of), or the request is
    /// held before it reaches the server.
    pub forwarded: bool,
}

/// A sprung trap: the request is held until this is dropped, and then its
/// connection is closed without an answer.
#[derive(Debug)]
pub struct Sprung {
    _release: mpsc::Sender<()>,
}

struct Armed {
    trap: Trap,
    seen: u32,
    tell: Box<dyn Fn(Sprung) + Send>,
}

impl std::fmt::Debug for Armed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Armed")
            .field("trap", &self.trap)
            .field("seen", &self.seen)
            .finish_non_exhaustive()
    }
}

#[derive(Debug)]
struct Plan {
    rng: ChaCha8Rng,
    network: Network,
    /// Exchanges still to be answered into the void, whatever `network` says.
    lose_next: u32,
    trap: Option<Armed>,
    tally: Tally,
}

impl Plan {
    /// Counts a request to `path`; the armed trap (disarmed) if this is the
    /// one it waits for.
    fn spring(&mut self, path: &str) -> Option<Armed> {
        let armed = self.trap.as_mut()?;
        if armed.trap.path != path {
            return None;
        }
        armed.seen += 1;
        if armed.seen < armed.trap.nth {
            return None;
        }
        self.trap.take()
    }

    fn refuse_connection(&mut self) -> bool {
        let refuse = self.network == Network::Flaky && self.rng.random_bool(0.1);
        if refuse {
            self.tally.refused += 1;
        }
        refuse
    }

    fn exchange(&mut self) -> (Fault, bool) {
        if self.lose_next > 0 {
            self.lose_next -= 1;
            self.tally.answer_lost += 1;
            return (Fault::LoseAnswer, true);
        }
        if self.network == Network::Healthy {
            self.tally.passed += 1;
            return (Fault::Pass, false);
        }
        let fault = match self.rng.random_range(0..100) {
            0..35 => {
                self.tally.passed += 1;
                Fault::Pass
            }
            35..50 => {
                self.tally.delayed += 1;
                Fault::Delay(Duration::from_millis(self.rng.random_range(50..=300)))
            }
            50..60 => {
                self.tally.dropped += 1;
                Fault::Drop
            }
            60..85 => {
                self.tally.answer_lost += 1;
                Fault::LoseAnswer
            }
            _ => {
                self.tally.truncated += 1;
                Fault::Truncate(self.rng.random_range(0.0..1.0))
            }
        };
        let close = self.rng.random_bool(0.3);
        (fault, close)
    }
}

#[derive(Debug)]
struct Shared {
    upstream: Mutex<SocketAddr>,
    plan: Mutex<Plan>,
    stop: AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A handler thread that panicked leaves plain data behind; keep going.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The proxy; it stops accepting when dropped (open connections end when
/// either side closes).
#[derive(Debug)]
pub struct Proxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl Proxy {
    pub fn start(upstream: SocketAddr, seed: u64) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("the proxy binds a loopback port");
        let addr = listener
            .local_addr()
            .expect("a bound listener has an address");
        let shared = Arc::new(Shared {
            upstream: Mutex::new(upstream),
            plan: Mutex::new(Plan {
                rng: ChaCha8Rng::seed_from_u64(seed),
                network: Network::Healthy,
                lose_next: 0,
                trap: None,
                tally: Tally::default(),
            }),
            stop: AtomicBool::new(false),
        });
        let accepting = shared.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                if accepting.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                if lock(&accepting.plan).refuse_connection() {
                    let _ = stream.shutdown(Shutdown::Both);
                    continue;
                }
                let shared = accepting.clone();
                thread::spawn(move || carry(stream, &shared));
            }
        });
        Proxy { addr, shared }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Where new connections go (a restarted server listens on a new port).
    pub fn set_upstream(&self, upstream: SocketAddr) {
        *lock(&self.shared.upstream) = upstream;
    }

    pub fn set_network(&self, network: Network) {
        lock(&self.shared.plan).network = network;
    }

    /// The next `n` exchanges reach the server and are answered, and every
    /// answer is lost on the way back.
    pub fn lose_next_answers(&self, n: u32) {
        lock(&self.shared.plan).lose_next = n;
    }

    /// Holds the request `trap` names when it comes, and calls `tell` with
    /// it (from the proxy's thread). Replaces any trap armed before.
    pub fn arm(&self, trap: Trap, tell: impl Fn(Sprung) + Send + 'static) {
        lock(&self.shared.plan).trap = Some(Armed {
            trap,
            seen: 0,
            tell: Box::new(tell),
        });
    }

    /// Takes back a trap that did not spring.
    pub fn disarm(&self) {
        lock(&self.shared.plan).trap = None;
    }

    pub fn tally(&self) -> Tally {
        lock(&self.shared.plan).tally
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

/// One side of a connection with what has been read but not yet used.
struct Wire {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Wire {
    fn new(stream: TcpStream) -> Wire {
        // Nothing in these tests waits this long; a stuck peer ends the
        // thread instead of keeping it forever.
        let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
        let _ = stream.set_nodelay(true);
        Wire {
            stream,
            buf: Vec::new(),
        }
    }

    /// Reads more bytes; `false` at the end of the stream.
    fn fill(&mut self) -> io::Result<bool> {
        let mut chunk = [0u8; 64 * 1024];
        let n = self.stream.read(&mut chunk)?;
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    /// Makes sure `n` bytes are buffered.
    fn need(&mut self, n: usize) -> io::Result<()> {
        while self.buf.len() < n {
            if !self.fill()? {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        }
        Ok(())
    }

    /// Position just past the next CRLF at or after `from`.
    fn line_end(&mut self, from: usize) -> io::Result<usize> {
        loop {
            if let Some(i) = self.buf[from..].windows(2).position(|w| w == b"\r\n") {
                return Ok(from + i + 2);
            }
            if !self.fill()? {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        }
    }

    /// Where a chunked body that starts at `at` ends.
    fn chunked_end(&mut self, mut at: usize) -> io::Result<usize> {
        loop {
            let line_end = self.line_end(at)?;
            let size_line = String::from_utf8_lossy(&self.buf[at..line_end - 2]).into_owned();
            let size_text = size_line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size_text, 16)
                .map_err(|_| io::Error::other("a bad chunk size"))?;
            if size == 0 {
                // Trailers, if any, end with an empty line.
                let mut from = line_end;
                loop {
                    let end = self.line_end(from)?;
                    if end - from == 2 {
                        return Ok(end);
                    }
                    from = end;
                }
            }
            at = line_end + size + 2;
            self.need(at)?;
        }
    }

    /// The next whole HTTP message (head and body, as sent), or `None` when
    /// the peer closed cleanly between messages.
    fn message(&mut self) -> io::Result<Option<Vec<u8>>> {
        let head_len = loop {
            if let Some(i) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            if !self.fill()? {
                if self.buf.is_empty() {
                    return Ok(None);
                }
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
        };
        let head = String::from_utf8_lossy(&self.buf[..head_len]).to_ascii_lowercase();
        let header = |name: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
        };
        let end = if let Some(length) = header("content-length:") {
            let length: usize = length
                .parse()
                .map_err(|_| io::Error::other("a bad Content-Length"))?;
            head_len + length
        } else if header("transfer-encoding:").is_some_and(|v| v.contains("chunked")) {
            self.chunked_end(head_len)?
        } else {
            head_len
        };
        self.need(end)?;
        let rest = self.buf.split_off(end);
        Ok(Some(std::mem::replace(&mut self.buf, rest)))
    }
}

/// The path of a request (`POST /sync/push HTTP/1.1` → `/sync/push`).
fn request_path(request: &[u8]) -> &str {
    let line = request.split(|&b| b == b'\r').next().unwrap_or_default();
    let target = line.split(|&b| b == b' ').nth(1).unwrap_or_default();
    let path = target.split(|&b| b == b'?').next().unwrap_or_default();
    std::str::from_utf8(path).unwrap_or_default()
}

/// Carries one client connection's exchanges until a fault, a close or an
/// error ends it. Returning drops both sockets (the client sees the
/// connection close with no answer, or with part of one).
fn carry(client: TcpStream, shared: &Shared) {
    let mut client = Wire::new(client);
    let mut upstream: Option<Wire> = None;
    while let Ok(Some(request)) = client.message() {
        let sprung = lock(&shared.plan).spring(request_path(&request));
        if let Some(armed) = sprung {
            if armed.trap.forwarded {
                // The server settles the request and answers; the answer
                // is held back, and never delivered.
                let addr = *lock(&shared.upstream);
                let server = match upstream.take() {
                    Some(server) => Some(server),
                    None => TcpStream::connect_timeout(&addr, Duration::from_secs(2))
                        .ok()
                        .map(Wire::new),
                };
                if let Some(mut server) = server
                    && server.stream.write_all(&request).is_ok()
                {
                    let _ = server.message();
                }
            }
            let (release, held) = mpsc::channel();
            (armed.tell)(Sprung { _release: release });
            // Until the test has struck and dropped the `Sprung`.
            let _ = held.recv();
            return;
        }
        let (fault, close) = lock(&shared.plan).exchange();
        match fault {
            Fault::Drop => return,
            Fault::Delay(d) => thread::sleep(d),
            _ => {}
        }
        let server = match &mut upstream {
            Some(server) => server,
            None => {
                let addr = *lock(&shared.upstream);
                // A killed server refuses: the desk sees the connection close.
                let Ok(stream) = TcpStream::connect_timeout(&addr, Duration::from_secs(2)) else {
                    return;
                };
                upstream.insert(Wire::new(stream))
            }
        };
        if server.stream.write_all(&request).is_err() {
            return;
        }
        let Ok(Some(answer)) = server.message() else {
            return;
        };
        let sent = match fault {
            Fault::LoseAnswer => return,
            Fault::Truncate(fraction) => {
                let cut = ((answer.len() as f64) * fraction) as usize;
                let _ = client
                    .stream
                    .write_all(&answer[..cut.min(answer.len() - 1)]);
                return;
            }
            _ => client.stream.write_all(&answer),
        };
        if sent.is_err() {
            return;
        }
        if close {
            lock(&shared.plan).tally.closed_after_answer += 1;
            return;
        }
    }
}
