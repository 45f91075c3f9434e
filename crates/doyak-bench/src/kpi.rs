//! `doyak-bench --desk-kpi --keep FILE [--runs R]`: where the 성과 figures
//! of a year spend their time on a caseload made by `--desk --keep FILE`:
//! each store read alone, then the facts as the desk assembles them, the
//! figures computed from them and every figure published.

use doyak_app::{Desk, Passphrase, SessionForm, SystemClock};
use doyak_store::Store;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

fn ms(f: impl FnOnce() -> usize) -> (f64, usize) {
    let t = Instant::now();
    let rows = f();
    (t.elapsed().as_secs_f64() * 1000.0, rows)
}

fn median(mut xs: Vec<(f64, usize)>) -> (f64, usize) {
    xs.sort_by(|a, b| a.0.total_cmp(&b.0));
    xs[xs.len() / 2]
}

pub fn run(path: &Path, runs: usize) {
    if !path.exists() {
        crate::fail("caseload", format!("{} does not exist", path.display()));
    }
    // The passphrase `--desk` creates its caseload with.
    let pass = Passphrase::new("벤치마크 암호 1234");
    let (from, to) = ("2026-01", "2026-12");
    let year = (
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
    );
    let mut reads: Timings = Vec::new();
    let mut stages: Timings = Vec::new();
    let note = |list: &mut Timings, name: &'static str, x: (f64, usize)| match list
        .iter_mut()
        .find(|(n, _)| *n == name)
    {
        Some((_, xs)) => xs.push(x),
        None => list.push((name, vec![x])),
    };
    let fail = |what: &str, e: &dyn std::fmt::Display| -> ! { crate::fail(what, e) };
    // One connection throughout, as the desk keeps one open: the first
    // pass reads pages from the file (decrypting each), the ones after it
    // find what fits in the page cache already decrypted.
    let opened = Instant::now();
    let store = Store::open(path, &pass).unwrap_or_else(|e| fail("open", &e));
    // The key derivation, and the migrations of a file an older release
    // wrote (once: the file is migrated in place).
    println!(
        "opened in {:.1} s (key derivation, and the migrations of an older file)",
        opened.elapsed().as_secs_f64()
    );
    println!();
    let mut desk =
        Desk::open(path, &pass, Arc::new(SystemClock)).unwrap_or_else(|e| fail("open", &e));
    for run in 0..=runs {
        if run == 1 {
            // The first pass is the one after opening: printed alone.
            print_table(
                "first pass after opening",
                1,
                std::mem::take(&mut reads),
                std::mem::take(&mut stages),
            );
        }
        {
            let s = &store;
            let rows = |r: doyak_store::Result<usize>| r.unwrap_or_else(|e| fail("read", &e));
            note(
                &mut reads,
                "kpi_seekers",
                ms(|| rows(s.kpi_seekers().map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_firsts",
                ms(|| rows(s.kpi_firsts().map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_first_applications",
                ms(|| rows(s.kpi_first_applications().map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_referrals",
                ms(|| rows(s.kpi_referrals().map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_sessions (a year)",
                ms(|| rows(s.kpi_sessions(from, to).map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_iap_checks (a year)",
                ms(|| rows(s.kpi_iap_checks(from, to).map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_events",
                ms(|| rows(s.kpi_events().map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_vacancies",
                ms(|| rows(s.kpi_vacancies().map(|v| v.len()))),
            );
            note(
                &mut reads,
                "kpi_companies",
                ms(|| rows(s.kpi_companies().map(|v| v.len()))),
            );
        }
        let period =
            doyak_kpi::Period::months(from, to, year.1).unwrap_or_else(|e| fail("period", &e));
        let mut facts = None;
        note(
            &mut stages,
            "the facts (`Desk::kpi_caseload`: the reads above, or the largest as the desk kept them, assembled)",
            ms(|| {
                let f = desk
                    .kpi_caseload(year.0, year.1)
                    .unwrap_or_else(|e| fail("facts", &e));
                let n = f.seekers.len();
                facts = Some(f);
                n
            }),
        );
        let Some(facts) = facts else { return };
        let mut figures = Vec::new();
        note(
            &mut stages,
            "every figure and cut computed (`doyak_kpi::compute`)",
            ms(|| {
                figures = doyak_kpi::compute(&facts, period);
                figures.len()
            }),
        );
        note(
            &mut stages,
            "every figure published (`doyak_kpi::publish_all`)",
            ms(|| doyak_kpi::publish_all(&figures).len()),
        );
        // A counselor saves a session, then opens 성과: the facts the
        // desk kept are stale and read again.
        let seeker = store
            .kpi_seekers()
            .unwrap_or_else(|e| fail("seekers", &e))
            .into_iter()
            .next()
            .map(|s| s.id)
            .unwrap_or_else(|| fail("seekers", &"none in the caseload"));
        desk.add_session(&SessionForm {
            seeker_id: seeker.clone(),
            occurred_on: "2026-11-20".into(),
            minutes: "30".into(),
            mode: "phone".into(),
            content: "벤치마크 상담".into(),
            next_step: String::new(),
            next_on: String::new(),
            corrects: String::new(),
        })
        .unwrap_or_else(|e| fail("session", &e));
        note(
            &mut stages,
            "a session saved, then every figure as the desk answers (`Desk::kpi_report`: the first 진단·상담 read again)",
            answer(&desk),
        );
        // A placement recorded: the placements and company events are
        // read again.
        let mut placement = desk
            .new_placement_form(&seeker, "")
            .unwrap_or_else(|e| fail("placement form", &e))
            .form;
        // A firm of its own each run: the same start at the same firm
        // twice is refused as a double entry (the file is kept between
        // runs of the bench).
        placement.employer = format!("벤치마크정밀 {}-{run}", std::process::id());
        placement.started_on = "2026-10-15".into();
        placement.weekly_hours = "40".into();
        placement.wage_manwon = "250".into();
        desk.add_placement(&placement)
            .unwrap_or_else(|e| fail("placement", &e));
        note(
            &mut stages,
            "a placement saved, then every figure (the placements and company events read again)",
            answer(&desk),
        );
        // A seeker's record edited: the seekers are read again.
        let mut form = desk
            .seeker_form(&seeker)
            .unwrap_or_else(|e| fail("seeker form", &e));
        form.track = if run % 2 == 0 { "youth" } else { "general" }.into();
        desk.save_seeker_form(&form)
            .unwrap_or_else(|e| fail("seeker", &e));
        note(
            &mut stages,
            "a seeker's track changed, then every figure (the seekers read again)",
            answer(&desk),
        );
    }
    print_table("the passes after it", runs, reads, stages);
}

/// Every figure of 2026 as the desk answers (`Desk::kpi_report`), timed.
fn answer(desk: &Desk) -> (f64, usize) {
    ms(|| {
        desk.kpi_report("2026-01", "2026-12")
            .unwrap_or_else(|e| crate::fail("report", e))
            .figures
            .len()
    })
}

type Timings = Vec<(&'static str, Vec<(f64, usize)>)>;

fn print_table(what: &str, runs: usize, reads: Timings, stages: Timings) {
    println!("{what}:");
    println!();
    println!("| store read ({runs} runs, median) | rows | ms |");
    println!("|---|---:|---:|");
    for (name, xs) in reads {
        let (t, n) = median(xs);
        println!("| `{name}` | {n} | {t:.1} |");
    }
    println!();
    println!("| stage ({runs} runs, median) | items | ms |");
    println!("|---|---:|---:|");
    for (name, xs) in stages {
        let (t, n) = median(xs);
        println!("| {name} | {n} | {t:.1} |");
    }
    println!();
}
