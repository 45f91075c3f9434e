//! `doyak-bench --privacy --seekers N --runs R`: what issue 20's privacy
//! work costs on the desk, over a demo caseload of N seekers:
//!
//! - a seeker's page opened for the first time in ten minutes (it writes an
//!   access-log entry: one small transaction and its fsync) against the
//!   same page opened again (the entry is not written twice);
//! - the seekers' CSV export masked (the desk's default) against in full;
//! - the access log's chain check over the entries written.

use crate::desk::{median, ms};
use doyak_app::{ExportFormat, ExportPurpose, ImportKind, Passphrase, SeekerFilter};

pub fn run(n: u32, runs: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| crate::fail("tempdir", e));
    let path = dir.path().join("privacy.doyak");
    let pass = Passphrase::new("벤치마크 암호 1234");
    let (mut desk, _) = crate::desk::demo_caseload(&path, &pass, n);
    let ids: Vec<String> = desk
        .list_seekers(&SeekerFilter {
            limit: 200,
            ..Default::default()
        })
        .unwrap_or_else(|e| crate::fail("list", e))
        .items
        .iter()
        .map(|s| s.id.to_string())
        .collect();

    let (mut first, mut again) = (Vec::new(), Vec::new());
    for id in &ids {
        first.push(ms(|| {
            drop(
                desk.seeker_detail(id)
                    .unwrap_or_else(|e| crate::fail("page", e)),
            )
        }));
        again.push(ms(|| {
            drop(
                desk.seeker_detail(id)
                    .unwrap_or_else(|e| crate::fail("page", e)),
            )
        }));
    }
    let (mut masked, mut full) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        for (times, whole) in [
            (&mut masked, doyak_app::CliIdentifiers::Masked),
            (&mut full, doyak_app::CliIdentifiers::Plain),
        ] {
            times.push(ms(|| {
                desk.export_with_purpose(
                    ImportKind::Seekers,
                    ExportFormat::Csv,
                    ExportPurpose::Statistics,
                    "",
                    &whole,
                )
                .map(drop)
                .unwrap_or_else(|e| crate::fail("export", e))
            }));
        }
    }
    let mut verify = Vec::new();
    let mut entries = 0;
    for _ in 0..runs {
        verify.push(ms(|| {
            entries = desk
                .verify_access_log()
                .unwrap_or_else(|e| crate::fail("verify", e))
                .entries;
        }));
    }

    println!("seekers: {n}; pages: {} distinct; runs: {runs}", ids.len());
    println!("| what | median ms |");
    println!("|---|---:|");
    println!(
        "| seeker page, first look (writes an access entry) | {:.2} |",
        median(first)
    );
    println!("| the same page again (no entry) | {:.2} |", median(again));
    println!("| seekers CSV, masked | {:.1} |", median(masked));
    println!("| seekers CSV, in full | {:.1} |", median(full));
    println!(
        "| access-log chain check, {entries} entries | {:.2} |",
        median(verify)
    );
}
