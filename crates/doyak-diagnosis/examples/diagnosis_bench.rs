//! `cargo run --release -p doyak-diagnosis --example diagnosis_bench`
//!
//! Diagnoses 10,000 seekers (built like the labelled quality set, seed 1)
//! against every profile with local demand from 2,000 vacancies, on two
//! threads, and one seeker alone; prints the medians of 7 runs and the
//! quality figure for docs/benchmarks.md. Measures; never passes or fails.

use doyak_diagnosis::quality::{Rng, labelled_set, top3_middle_rate};
use doyak_diagnosis::{Diagnoser, profiles};
use doyak_match::VacancyProfile;
use std::time::{Duration, Instant};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let p = profiles();
    let per = 10_000usize.div_ceil(p.occupations.len());
    let mut seekers: Vec<_> = labelled_set(1, per).into_iter().map(|(s, _)| s).collect();
    seekers.truncate(10_000);
    let mut rng = Rng::new(2);
    let vacancies: Vec<VacancyProfile> = (0..2_000)
        .map(|i| {
            let o = &p.occupations[rng.below(p.occupations.len() as u64) as usize];
            VacancyProfile {
                id: format!("v{i}"),
                company_id: format!("c{}", i / 4),
                occupation: if i % 5 == 0 {
                    o.middle.clone()
                } else {
                    o.code.clone()
                },
                sigungu: "41273".into(),
                wage_monthly: Some(2_100_000 + 10_000 * rng.below(150) as i64),
                required_certificates: Vec::new(),
                preferred_certificates: Vec::new(),
                skills: Vec::new(),
                min_experience_years: None,
                shift_work: false,
                headcount: rng.below(4) as u32,
                housing: false,
                commute_bus: false,
            }
        })
        .collect();
    let runs = 7;
    let mut all = Vec::new();
    let mut one = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let diagnoser = Diagnoser::new(Some(&vacancies));
        let chunk = seekers.len().div_ceil(2);
        let n: usize = std::thread::scope(|s| {
            let hs: Vec<_> = seekers
                .chunks(chunk)
                .map(|part| {
                    let d = &diagnoser;
                    s.spawn(move || {
                        part.iter()
                            .map(|x| d.diagnose(x, 5).occupations.len())
                            .sum::<usize>()
                    })
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap_or(0)).sum()
        });
        all.push(t.elapsed());
        assert!(n > 0);
        let t = Instant::now();
        let diagnoser = Diagnoser::new(Some(&vacancies));
        let d = diagnoser.diagnose(&seekers[0], 5);
        one.push(t.elapsed());
        assert!(!d.occupations.is_empty());
    }
    let set = labelled_set(1, 20);
    let (rate, misses) = top3_middle_rate(&set);
    println!(
        "| {} seekers × {} profiles ({} units), 2,000 vacancies, 2 threads | {:.0} ms |",
        seekers.len(),
        p.occupations.len(),
        p.units.len(),
        median(all).as_secs_f64() * 1000.0
    );
    println!(
        "| one seeker, demand table included | {:.2} ms |",
        median(one).as_secs_f64() * 1000.0
    );
    println!(
        "| quality: top 3 holds the source 중분류 | {:.1} % of {} ({} misses) |",
        rate * 100.0,
        set.len(),
        misses.len()
    );
    for (id, top) in misses.iter().take(20) {
        println!("miss {id}: {top:?}");
    }
}
