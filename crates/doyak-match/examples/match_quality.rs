//! Measures how well the matcher ranks against a hidden model of true
//! preferences that it does not share: NDCG@10 and Recall@10 for each
//! seeker's vacancies (`rank_vacancies`) and each vacancy's seekers
//! (`rank_seekers`), next to a random and a naive baseline and the oracle.
//!
//! `cargo run --release -p doyak-match --example match_quality -- [--seekers N]
//! [--vacancies N] [--seed N] [--world capital|southeast|all]`
//!
//! The caseload is synthetic (see `match_quality/generate.rs`) and drawn from
//! a world of latent job archetypes, occupation families and skill clusters
//! (`match_quality/world.rs`); the truth is a product of logistic
//! acceptances (`match_quality/truth.rs`), deliberately unlike the engine's
//! additive points, so a good figure means the engine ranks well in general,
//! not that it agrees with itself. Two regions with different family
//! structures and two seeds show the figures are not one generator's
//! artefact.

// A crate root resolves modules beside itself, so the helpers' folder is
// named explicitly.
#[path = "match_quality/evaluate.rs"]
mod evaluate;
#[path = "match_quality/generate.rs"]
mod generate;
#[path = "match_quality/truth.rs"]
mod truth;
#[path = "match_quality/world.rs"]
mod world;

use doyak_match::Caseload;
use evaluate::{Diagnostics, K, Method, Outcome};
use std::time::Instant;
use world::{CAPITAL, CAPITAL_LENIENT, SOUTHEAST, World};

struct Args {
    seekers: usize,
    vacancies: usize,
    seed: u64,
    worlds: Vec<(&'static World, u64)>,
}

fn parse_args() -> Result<Args, String> {
    let mut seekers = 2000;
    let mut vacancies = 1500;
    let mut seed = 20_260_601;
    let mut which = "all".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--seekers" => seekers = value()?.parse().map_err(|e| format!("--seekers: {e}"))?,
            "--vacancies" => {
                vacancies = value()?.parse().map_err(|e| format!("--vacancies: {e}"))?
            }
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--world" => which = value()?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let worlds = match which.as_str() {
        // The capital region twice (two seeds: a new caseload from the same
        // world), then a region with a different family structure.
        "all" => vec![
            (&CAPITAL, seed),
            (&CAPITAL, seed + 1),
            (&SOUTHEAST, seed + 2),
            (&CAPITAL_LENIENT, seed),
        ],
        "capital" => vec![(&CAPITAL, seed)],
        "capital-lenient" => vec![(&CAPITAL_LENIENT, seed)],
        "southeast" => vec![(&SOUTHEAST, seed)],
        other => {
            return Err(format!(
                "unknown world {other}: capital, southeast, capital-lenient or all"
            ));
        }
    };
    Ok(Args {
        seekers,
        vacancies,
        seed,
        worlds,
    })
}

fn pct(part: usize, whole: usize) -> String {
    format!("{:.1} %", 100.0 * part as f64 / whole.max(1) as f64)
}

fn print_diagnostics(world: &World, seed: u64, d: &Diagnostics) {
    println!(
        "\n### Where the engine loses: {} seed {seed}\n",
        world.label
    );
    println!(
        "- `top_k_all_seekers` agrees with `rank_vacancies`: {}; seekers whose 10th and 11th scores tie (the id decides): {}",
        if d.engine_lists_agree {
            "yes"
        } else {
            "**NO**"
        },
        d.ties_at_cut
    );
    let infeasible: usize = d.relevant_infeasible.values().sum();
    println!(
        "- grade ≥ 2 pairs the engine forbids: {} of {} ({})",
        infeasible,
        d.relevant_pairs,
        pct(infeasible, d.relevant_pairs)
    );
    for (kind, n) in &d.relevant_infeasible {
        println!("  - {kind}: {n} ({})", pct(*n, d.relevant_pairs));
    }
    let slots: usize = d.slot_grades.iter().sum();
    println!(
        "- engine top-10 slots by true grade 3/2/1/0: {} / {} / {} / {}",
        pct(d.slot_grades[3], slots),
        pct(d.slot_grades[2], slots),
        pct(d.slot_grades[1], slots),
        pct(d.slot_grades[0], slots)
    );
    let mut causes: Vec<_> = d.bad_slot_causes.iter().collect();
    causes.sort_by(|a, b| b.1.cmp(a.1));
    println!("- grade-0 slots, by the hidden factor most to blame (share of all slots):");
    for (cause, n) in causes {
        println!("  - {cause}: {}", pct(*n, slots));
    }
    let missed: usize = d.missed_levels.values().sum();
    println!(
        "- feasible grade-3 vacancies left out of the top 10: {missed}, on average {:.1} points below the 10th",
        d.missed_gap.value()
    );
    let levels = [
        "exact code",
        "same middle",
        "related middle",
        "same major",
        "other",
        "none stated",
    ];
    println!("  | engine occupation level | top-10 slots | missed grade-3 |");
    println!("  |---|---|---|");
    for level in levels {
        println!(
            "  | {level} | {} | {} |",
            pct(d.slot_levels.get(level).copied().unwrap_or(0), slots),
            pct(d.missed_levels.get(level).copied().unwrap_or(0), missed)
        );
    }
    println!(
        "- mean centroid distance, engine top 10: {:.1} km; true top 10: {:.1} km",
        d.engine_km.value(),
        d.true_km.value()
    );
    println!(
        "- what-if re-rankings of the engine's top 40 (NDCG@10): without 기숙사 vacancies beyond the stated limit {:.3}; equal scores by distance instead of id {:.3}",
        d.without_far_housing.value(),
        d.ties_by_distance.value()
    );
    println!("- NDCG@10 by the seeker's true family (engine / naive):");
    for (f, (engine, naive)) in &d.by_family {
        println!(
            "  - {}: {:.3} / {:.3} ({} seekers)",
            world.families[*f].0,
            engine.value(),
            naive.value(),
            engine.count()
        );
    }
    let by = |map: &std::collections::BTreeMap<&'static str, evaluate::Mean>| {
        map.iter()
            .map(|(k, m)| format!("{k} {:.3} ({})", m.value(), m.count()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "- engine NDCG@10 by 희망직종 as stated: {}",
        by(&d.by_statement)
    );
    println!(
        "- engine NDCG@10, generalists vs specialists: {}",
        by(&d.by_openness)
    );
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let shown: Vec<String> = std::env::args().skip(1).collect();
    println!("# Matching quality against a hidden preference model\n");
    println!(
        "`cargo run --release -p doyak-match --example match_quality --{}{}`\n",
        if shown.is_empty() { "" } else { " " },
        shown.join(" ")
    );
    println!(
        "NDCG@{K}: gain 2^grade − 1, log2 discount, ideal from the true grades of all open vacancies. \
         Recall@{K}: share of the true top {K} by hidden utility (utility > 0) found in the top {K}. \
         Means over seekers (vacancies) with a grade ≥ 2 candidate, ± standard error. \
         Baselines rank what the engine allows; the oracles rank every open vacancy. (seed {} …)\n",
        args.seed
    );
    let mut rows: Vec<String> = Vec::new();
    let mut details: Vec<(&World, u64, Outcome)> = Vec::new();
    for &(world, seed) in &args.worlds {
        let t = Instant::now();
        let g = generate::generate(world, seed, args.seekers, args.vacancies);
        let model = truth::Model::new(world, &g, seed);
        let truth = truth::Truth::compute(&model);
        let caseload = match Caseload::new(g.seeker_records.clone(), g.vacancy_records.clone()) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("the generator wrote an invalid record: {e}");
                std::process::exit(1);
            }
        };
        let outcome = evaluate::evaluate(&g, &model, &truth, &caseload, seed);
        eprintln!(
            "{} seed {seed}: {:.1} s",
            world.name,
            t.elapsed().as_secs_f64()
        );
        for m in Method::ALL {
            let s = &outcome.seeker_side;
            let v = &outcome.vacancy_side;
            rows.push(format!(
                "| {} | {seed} | {} × {} | {} | {:.3} ± {:.3} | {:.3} | {:.3} ± {:.3} | {:.3} |",
                world.label,
                args.seekers,
                args.vacancies,
                m.label(),
                s.ndcg[&m].value(),
                s.ndcg[&m].stderr(),
                s.recall[&m].value(),
                v.ndcg[&m].value(),
                v.ndcg[&m].stderr(),
                v.recall[&m].value(),
            ));
        }
        rows.push(format!(
            "| | | | *evaluated* | *{} seekers* | | *{} vacancies* | |",
            outcome.seeker_side.candidates, outcome.vacancy_side.candidates
        ));
        details.push((world, seed, outcome));
    }
    println!(
        "| region | seed | seekers × vacancies | ranking | NDCG@10 (seeker → vacancies) | Recall@10 | NDCG@10 (vacancy → seekers) | Recall@10 |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for row in rows {
        println!("{row}");
    }
    for (world, seed, outcome) in &details {
        print_diagnostics(world, *seed, &outcome.diagnostics);
    }
    println!("\n({:.1} s in all)", started.elapsed().as_secs_f64());
}
