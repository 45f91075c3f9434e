//! Times `assign` on a seeded synthetic caseload, to show how the sparse
//! caseload solver scales with seekers and pairs.
//!
//! Usage: `caseload_bench [SEEKERS] [VACANCIES] [PAIRS_PER_SEEKER]`
//! (default 20000 3000 40). Headcounts are 1..=5 and weights 1..=100, drawn
//! from a fixed seed. Prints the time, how many seekers were placed, and the
//! total weight.

use std::time::Instant;

use doyak_assign::{FeasiblePair, assign};

fn main() -> Result<(), String> {
    let arg = |index: usize, default: usize| -> Result<usize, String> {
        std::env::args().nth(index).map_or(Ok(default), |a| {
            a.parse().map_err(|_| format!("{a}: not a count"))
        })
    };
    let (n_seekers, n_vacancies, per_seeker) = (arg(1, 20_000)?, arg(2, 3_000)?, arg(3, 40)?);

    // xorshift64: deterministic and dependency-free; quality is beside the point.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let headcounts: Vec<u32> = (0..n_vacancies).map(|_| 1 + next(5) as u32).collect();
    let mut pairs = Vec::with_capacity(n_seekers * per_seeker);
    let mut chosen = Vec::with_capacity(per_seeker);
    for seeker in 0..n_seekers {
        chosen.clear();
        while chosen.len() < per_seeker.min(n_vacancies) {
            let vacancy = next(n_vacancies);
            if !chosen.contains(&vacancy) {
                chosen.push(vacancy);
                pairs.push(FeasiblePair {
                    seeker,
                    vacancy,
                    weight: (1 + next(100)) as f64,
                });
            }
        }
    }

    let started = Instant::now();
    let proposal = assign(n_seekers, &headcounts, &pairs).map_err(|e| e.to_string())?;
    let elapsed_ms = started.elapsed().as_secs_f64() * 1e3;
    // The pairs were generated seeker by seeker, `per_seeker` each.
    let per_seeker = per_seeker.min(n_vacancies);
    let weight_of = |s: usize, v: usize| {
        let own = &pairs[s * per_seeker..(s + 1) * per_seeker];
        own.iter()
            .find(|p| p.vacancy == v)
            .map_or(0.0, |p| p.weight)
    };
    let total: f64 = proposal.iter().map(|&(s, v)| weight_of(s, v)).sum();
    let slots: u64 = headcounts.iter().map(|&h| u64::from(h)).sum();
    println!(
        "{n_seekers} seekers, {n_vacancies} vacancies ({slots} places), {} pairs: \
         {elapsed_ms:.0} ms, {} placed, total weight {total}",
        pairs.len(),
        proposal.len(),
    );
    Ok(())
}
