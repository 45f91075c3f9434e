//! A labelled quality set, generated from the profiles themselves: for each
//! occupation, seekers holding about half of its evidence (amounts between
//! half and one and a half times what the evidence asks) plus one or two
//! pieces of another occupation's evidence as noise, and no 희망 직종 — so
//! only the competency evidence can point back to the source. The measure
//! is how often the top 3 contains an occupation of the source's KECO
//! 중분류 (the issue asks for ≥ 90 %).
//!
//! Deterministic (SplitMix64 from a seed), so the test and the benchmark
//! report see the same set.

use crate::data::{EvidenceKind, profiles};
use crate::diagnose::Diagnoser;
use crate::input::{SeekerInput, Training, WorkPeriod};

/// SplitMix64: small, seedable, good enough to draw test seekers.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Gives the seeker one piece of evidence, its amount scaled by `pct` %.
fn hold(seeker: &mut SeekerInput, kind: &EvidenceKind, pct: u32) {
    match kind {
        EvidenceKind::Certificate { name, .. } => seeker.certificates.push(name.clone()),
        EvidenceKind::Skill { name, .. } => seeker.skills.push(name.clone()),
        EvidenceKind::Experience { code, months } => seeker.work_history.push(WorkPeriod {
            occupation: code.clone(),
            months: (months * pct / 100).max(1),
            employer: None,
        }),
        EvidenceKind::Training { name, hours, .. } => seeker.training.push(Training {
            name: format!("{name} 과정"),
            hours: (hours * pct / 100).max(1),
        }),
    }
}

/// Every piece of evidence of an occupation's units.
fn evidence_of(occupation: usize) -> Vec<&'static EvidenceKind> {
    let p = profiles();
    p.occupations[occupation]
        .units
        .iter()
        .flat_map(|r| p.units[r.unit].evidence.iter().map(|e| &e.kind))
        .collect()
}

/// `per_occupation` labelled seekers for every profile: (seeker, the code
/// of the occupation they were built from).
pub fn labelled_set(seed: u64, per_occupation: usize) -> Vec<(SeekerInput, String)> {
    let p = profiles();
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(p.occupations.len() * per_occupation);
    for (o, occupation) in p.occupations.iter().enumerate() {
        let own = evidence_of(o);
        for k in 0..per_occupation {
            let mut seeker = SeekerInput {
                id: format!("{}-{k}", occupation.code),
                ..SeekerInput::default()
            };
            let mut held = 0;
            for kind in &own {
                if rng.below(2) == 0 {
                    hold(&mut seeker, kind, 50 + rng.below(101) as u32);
                    held += 1;
                }
            }
            if held == 0 {
                let kind = own[rng.below(own.len() as u64) as usize];
                hold(&mut seeker, kind, 100);
            }
            for _ in 0..1 + rng.below(2) {
                let other = rng.below(p.occupations.len() as u64) as usize;
                let theirs = evidence_of(other);
                let kind = theirs[rng.below(theirs.len() as u64) as usize];
                hold(&mut seeker, kind, 50 + rng.below(101) as u32);
            }
            out.push((seeker, occupation.code.clone()));
        }
    }
    out
}

/// The share (0–1) of labelled seekers whose top 3 holds an occupation of
/// their source's KECO 중분류, and the misses (seeker id, top-3 codes).
pub fn top3_middle_rate(set: &[(SeekerInput, String)]) -> (f64, Vec<(String, Vec<String>)>) {
    let diagnoser = Diagnoser::new(None);
    let mut misses = Vec::new();
    for (seeker, source) in set {
        let d = diagnoser.diagnose(seeker, 3);
        let codes: Vec<String> = d.occupations.iter().map(|o| o.code.clone()).collect();
        if !codes.iter().any(|c| c[..2] == source[..2]) {
            misses.push((seeker.id.clone(), codes));
        }
    }
    let rate = 1.0 - misses.len() as f64 / set.len().max(1) as f64;
    (rate, misses)
}
