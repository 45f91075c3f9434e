//! `cargo run --release -p doyak-bench -- --resumes N [--runs R]`
//!
//! Résumé analysis at caseload scale: the 43 files of the labelled set
//! (txt in four encodings, docx, hwpx) read from memory and analysed again
//! and again until N are done, on every core (the CLI's `--batch` does the
//! same), and one résumé at a time. Reading the files from disk is left
//! out: the figure is the engine's.

use std::path::Path;
use std::time::{Duration, Instant};

use doyak_resume::{Options, YearMonth};

use crate::{median, ms};

pub(crate) fn files() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../doyak-resume/tests/labelled/files");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| crate::fail(&dir.display().to_string(), e))
        .filter_map(Result::ok)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (name, bytes)
        })
        .collect();
    out.sort();
    out
}

fn analyse(name: &str, bytes: &[u8], options: &Options) -> usize {
    match doyak_resume::read::read_document(name, bytes) {
        Ok(d) => doyak_resume::analyse(&d, options).certificates.len(),
        Err(_) => 0,
    }
}

pub(crate) fn run(n: usize, runs: usize) {
    let files = files();
    let options = Options {
        as_of: YearMonth {
            year: 2026,
            month: 12,
        },
        industry: None,
        vacancy: None,
    };
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    // Warm the reference tables once (as the desk does at start).
    analyse(&files[0].0, &files[0].1, &options);
    let mut batch = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let found: usize = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (files, options) = (&files, &options);
                    s.spawn(move || {
                        (t..n)
                            .step_by(threads)
                            .map(|i| {
                                let (name, bytes) = &files[i % files.len()];
                                analyse(name, bytes, options)
                            })
                            .sum::<usize>()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
        });
        batch.push(start.elapsed());
        assert!(found > 0, "the set holds certificates");
    }
    let mut one: Vec<Duration> = Vec::new();
    for _ in 0..runs.max(3) {
        for (name, bytes) in &files {
            let start = Instant::now();
            analyse(name, bytes, &options);
            one.push(start.elapsed());
        }
    }
    let slowest = one.iter().max().copied().unwrap_or_default();
    println!("| 측정 | 결과 |");
    println!("|---|---|");
    println!(
        "| 이력서 {n}개 읽기+분석, {threads} 스레드 (중앙값, {runs}회) | {} |",
        ms(median(batch))
    );
    println!(
        "| 이력서 1개 읽기+분석 (중앙값, {}개 파일 × {}회) | {} |",
        files.len(),
        runs.max(3),
        ms(median(one))
    );
    println!("| 이력서 1개 읽기+분석 (가장 느린 것) | {} |", ms(slowest));
}
