//! `cargo run --release -p doyak-bench -- [--seekers N] [--runs R]`
//!
//! Measures the store at caseload scale and prints a Markdown table for
//! docs/benchmarks.md:
//! - inserting N seekers in one write (each with its outbox and audit rows),
//!   into an encrypted and an unencrypted store in the same run, alternating,
//!   so the cost of encryption is compared on the same machine state;
//! - opening the file and reading the first page of the seeker list, with the
//!   key derivation measured on its own;
//! - 초성 and name searches over the N seekers.
//!
//! Every figure is the median of R runs. Benchmarks measure; they do not pass
//! or fail (the goals are stated next to the figures).

use chrono::{NaiveDate, TimeZone, Utc};
use doyak_demo::{DemoItem, DemoSpec};
use doyak_domain::{Center, Id, JobSeeker, SigunguCode};
use doyak_store::{Passphrase, SeekerFilter, Store, WriteContext};
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod access_log;
mod desk;
mod kpi;
mod national;
mod parts;
mod privacy;
mod resume;
mod sync;

use std::path::Path;
use std::time::{Duration, Instant};

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn center() -> Center {
    Center {
        id: Id::new_v7(1_764_000_000_000, [1; 10]),
        name: "벤치마크센터".into(),
        sigungu: Some(SigunguCode::from("41273")),
    }
}

fn ctx() -> WriteContext {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 25, 0, 0, 0)
        .single()
        .unwrap_or_else(Utc::now);
    WriteContext::new(now, "bench")
}

/// N realistic seekers from the demo generator (their events are dropped:
/// the benchmark is about the seeker table).
fn seekers(n: u32) -> Vec<JobSeeker> {
    let spec = DemoSpec {
        seed: 1,
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default(),
        center: center(),
        seekers: n,
        companies: 50,
    };
    let mut out = Vec::with_capacity(n as usize);
    let result = doyak_demo::generate(&spec, &mut |item| {
        if let DemoItem::Seeker(s) = item {
            out.push(s);
        }
        Ok::<(), std::convert::Infallible>(())
    });
    if let Err(e) = result {
        eprintln!("demo generation failed: {e}");
        std::process::exit(1);
    }
    out
}

pub(crate) fn fail(what: &str, e: impl std::fmt::Display) -> ! {
    eprintln!("{what}: {e}");
    std::process::exit(1)
}

/// Creates a store at `path` and inserts every seeker in one write.
fn insert(path: &Path, pass: &Passphrase, people: &[JobSeeker]) -> Duration {
    let mut store =
        Store::create(path, pass, &center(), &ctx()).unwrap_or_else(|e| fail("create", e));
    let start = Instant::now();
    store
        .write(&ctx(), |w| {
            for s in people {
                w.insert(s)?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| fail("insert", e));
    start.elapsed()
}

fn main() {
    let n = u32::try_from(arg("--seekers", 100_000)).unwrap_or(100_000);
    let runs = arg("--runs", 5).max(1) as usize;
    if std::env::args().any(|a| a == "--resumes") {
        resume::run(arg("--resumes", 10_000) as usize, runs);
        return;
    }
    if std::env::args().any(|a| a == "--desk") {
        // `--keep FILE`: generate the caseload there once and reuse it in
        // later runs (generating 50k seekers takes minutes).
        let keep = std::env::args()
            .skip_while(|a| a != "--keep")
            .nth(1)
            .map(std::path::PathBuf::from);
        desk::run(n, runs, keep);
        return;
    }
    if std::env::args().any(|a| a == "--access-log") {
        access_log::run(
            arg("--entries", 100_000),
            u32::try_from(arg("--devices", 10)).unwrap_or(10),
            runs,
        );
        return;
    }
    if std::env::args().any(|a| a == "--privacy") {
        privacy::run(n, runs);
        return;
    }
    if std::env::args().any(|a| a == "--desk-kpi") {
        // `--keep FILE`: a caseload `--desk --keep FILE` made.
        let keep = std::env::args().skip_while(|a| a != "--keep").nth(1);
        let Some(path) = keep else {
            fail("--desk-kpi", "needs --keep FILE")
        };
        kpi::run(Path::new(&path), runs);
        return;
    }
    if std::env::args().any(|a| a == "--national") {
        national::run(
            u32::try_from(arg("--centers", 50)).unwrap_or(50),
            u32::try_from(arg("--seekers", 20_000)).unwrap_or(20_000),
            runs,
        );
        return;
    }
    if std::env::args().any(|a| a == "--sync-direct") {
        sync::direct(
            u32::try_from(arg("--seekers", 6_700)).unwrap_or(6_700),
            runs,
        );
        return;
    }
    if std::env::args().any(|a| a == "--sync-parts") {
        parts::run(
            u32::try_from(arg("--seekers", 6_700)).unwrap_or(6_700),
            arg("--runs", 3).max(1) as usize,
        );
        return;
    }
    if std::env::args().any(|a| a == "--sync") {
        sync::run(u32::try_from(arg("--seekers", 6_700)).unwrap_or(6_700));
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail("tempdir", e));
    eprintln!("generating {n} seekers…");
    let people = seekers(n);

    // Insert: encrypted and plain, alternating, fresh files each run.
    let (mut enc, mut plain) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let secret = Passphrase::new("벤치마크 암호 1234");
        let e = dir.path().join(format!("enc{run}.doyak"));
        enc.push(insert(&e, &secret, &people));
        let p = dir.path().join(format!("plain{run}.doyak"));
        plain.push(insert(
            &p,
            &Passphrase::unencrypted_for_benchmarks(),
            &people,
        ));
        eprintln!(
            "insert run {run}: encrypted {} / plain {}",
            ms(enc[run]),
            ms(plain[run])
        );
    }
    let (enc_insert, plain_insert) = (median(enc), median(plain));

    // The floor: the same seeker JSON written once into a bare table.
    let payloads: Vec<(String, String)> = people
        .iter()
        .map(|s| {
            (
                s.id.to_string(),
                serde_json::to_string(s).unwrap_or_default(),
            )
        })
        .collect();
    let payload_bytes: usize = payloads.iter().map(|(_, d)| d.len()).sum();
    let (mut floor_enc, mut floor_plain) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let f = |name: &str, pass: &Passphrase| {
            doyak_store::testing::insert_floor(
                &dir.path().join(format!("{name}{run}.db")),
                pass,
                &payloads,
            )
            .unwrap_or_else(|e| fail("floor", e))
        };
        floor_enc.push(f("floor-enc", &Passphrase::new("벤치마크 암호 1234")));
        floor_plain.push(f("floor-plain", &Passphrase::unencrypted_for_benchmarks()));
    }
    if std::env::args().any(|a| a == "--insert-only") {
        return;
    }

    // Open + first page, and the key derivation alone (opening a caseload
    // that holds only its center pays the same KDF and nothing else).
    let big = dir.path().join("enc0.doyak");
    let small = dir.path().join("small.doyak");
    let secret = Passphrase::new("벤치마크 암호 1234");
    drop(Store::create(&small, &secret, &center(), &ctx()).unwrap_or_else(|e| fail("create", e)));
    let first_page = SeekerFilter {
        limit: 50,
        ..Default::default()
    };
    let (mut open_page, mut kdf, mut plain_open_page) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let start = Instant::now();
        let store = Store::open(&big, &secret).unwrap_or_else(|e| fail("open", e));
        let page = store
            .list_seekers(&first_page)
            .unwrap_or_else(|e| fail("list", e));
        open_page.push(start.elapsed());
        assert_eq!(page.items.len(), 50);
        drop(store);

        let start = Instant::now();
        let store = Store::open(&small, &secret).unwrap_or_else(|e| fail("open", e));
        kdf.push(start.elapsed());
        drop(store);

        let start = Instant::now();
        let store = Store::open(
            &dir.path().join("plain0.doyak"),
            &Passphrase::unencrypted_for_benchmarks(),
        )
        .unwrap_or_else(|e| fail("open", e));
        let _ = store
            .list_seekers(&first_page)
            .unwrap_or_else(|e| fail("list", e));
        plain_open_page.push(start.elapsed());
    }

    // The first name search builds the in-memory index.
    let mut first_search = Vec::new();
    for _ in 0..runs {
        let store = Store::open(&big, &secret).unwrap_or_else(|e| fail("open", e));
        let filter = SeekerFilter {
            text: Some("ㄱㅁㅅ".into()),
            limit: 50,
            ..Default::default()
        };
        let start = Instant::now();
        let _ = store
            .list_seekers(&filter)
            .unwrap_or_else(|e| fail("search", e));
        first_search.push(start.elapsed());
    }

    // Searches on an open, warm store.
    let store = Store::open(&big, &secret).unwrap_or_else(|e| fail("open", e));
    let queries = ["ㄱㅁㅅ", "ㅇㅈ", "김민", "이영", "박", "ㅎㄱㄷ"];
    let mut search_rows = Vec::new();
    for q in queries {
        let filter = SeekerFilter {
            text: Some(q.into()),
            limit: 50,
            ..Default::default()
        };
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..runs.max(5) {
            let start = Instant::now();
            let page = store
                .list_seekers(&filter)
                .unwrap_or_else(|e| fail("search", e));
            times.push(start.elapsed());
            total = page.total;
        }
        search_rows.push((q, total, median(times)));
    }
    let file_mb = std::fs::metadata(&big).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;

    let overhead = (enc_insert.as_secs_f64() / plain_insert.as_secs_f64() - 1.0) * 100.0;
    println!("| measure | figure | goal |");
    println!("|---|---|---|");
    println!(
        "| insert {n} seekers, encrypted (one write, with outbox + audit rows) | {} | < 2 s |",
        ms(enc_insert)
    );
    println!(
        "| insert {n} seekers, unencrypted (same run, peer) | {} | — |",
        ms(plain_insert)
    );
    println!("| cost of encryption on insert | {overhead:+.1}% | ≤ 15% |");
    println!(
        "| floor: the same {n} seeker JSONs ({:.0} MB) into a bare table, encrypted / unencrypted | {} / {} | — |",
        payload_bytes as f64 / 1e6,
        ms(median(floor_enc)),
        ms(median(floor_plain))
    );
    println!(
        "| open + first page (50) at {n}, encrypted | {} | < 50 ms (see KDF) |",
        ms(median(open_page.clone()))
    );
    println!(
        "| of which key derivation (open of an empty caseload) | {} | — |",
        ms(median(kdf.clone()))
    );
    println!(
        "| open + first page without the KDF (difference) | {} | < 50 ms |",
        ms(median(open_page).saturating_sub(median(kdf)))
    );
    println!(
        "| open + first page at {n}, unencrypted (peer) | {} | — |",
        ms(median(plain_open_page))
    );
    println!(
        "| first search after open (builds the index of {n}) | {} | — |",
        ms(median(first_search))
    );
    for (q, total, t) in search_rows {
        println!(
            "| search \"{q}\" over {n} ({total} found, first 50) | {} | < 20 ms |",
            ms(t)
        );
    }
    println!("| file size at {n} seekers | {file_mb:.0} MB | — |");
}
