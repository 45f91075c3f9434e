//! The seeded generator: draws each person's and each job's hidden truth
//! (archetype, latent skill profile, certificates really held, reservation
//! wage, true commute tolerance, willingness to move into 기숙사) and then
//! writes the records the engine sees, the way people fill in a 구직표 or a
//! 구인표: round numbers, alias spellings, a skill written in a way no
//! synonym table knows, a certificate left out.

use crate::world::{ARCHETYPES, CLUSTERS, HIGHER_GRADE, Sector, World, cluster};
use doyak_match::{SeekerProfile, VacancyProfile};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use std::collections::HashMap;

/// A seeded source of the few distributions the generator needs.
pub struct Dice(ChaCha8Rng);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(ChaCha8Rng::seed_from_u64(seed))
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit();
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
    pub fn one<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// One of a table's names.
    pub fn name(&mut self, names: &[&'static str]) -> &'static str {
        names[self.below(names.len())]
    }
    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// What a seeker really is; the engine never sees this.
pub struct SeekerTruth {
    pub primary: usize,
    /// A second trade they would also take, with how much they want it
    /// relative to the first (career changers, 경력단절 returners).
    pub secondary: Option<(usize, f64)>,
    /// 0 for specialists; generalists (open to 'any job nearby') up to 1.5.
    pub openness: f64,
    /// Latent skill profile over [`CLUSTERS`], unit length.
    pub skills: Vec<f64>,
    pub years: f64,
    /// Share of `years` spent in the primary family.
    pub relevant_share: f64,
    /// 유보임금 (만원): below it the offer hurts, above it helps a little.
    pub reservation: f64,
    pub tolerance_km: f64,
    pub relocate: bool,
    pub accepts_shift: bool,
    /// Accepts shifts, but only for a job worth it.
    pub dislikes_shift: bool,
    /// Qualification ids (or a free name the reference list lacks) really
    /// held, whatever the record says.
    pub held: Vec<String>,
    pub place: usize,
}

/// What a vacancy really is.
pub struct VacancyTruth {
    pub archetype: usize,
    pub skills: Vec<f64>,
    /// The wage really paid (만원), posted or not.
    pub offer: f64,
    pub required: Vec<String>,
    pub preferred: Vec<String>,
    pub min_years: f64,
    pub shift: bool,
    pub housing: bool,
    pub bus: bool,
    pub open: bool,
    pub place: usize,
}

/// One generated caseload: the truth and the records the engine gets.
pub struct Generated {
    pub places: Vec<String>,
    /// Centroid distances, `places × places`.
    pub distance: Vec<f64>,
    /// Road/transit detour over the straight line, per place pair.
    pub route: Vec<f64>,
    pub seekers: Vec<SeekerTruth>,
    pub vacancies: Vec<VacancyTruth>,
    pub seeker_records: Vec<SeekerProfile>,
    pub vacancy_records: Vec<VacancyProfile>,
}

/// A certificate's identity for the hidden model: the reference id, or the
/// name itself for the few the reference list lacks (간호조무사).
pub fn certificate_key(name: &str) -> String {
    doyak_refdata::get()
        .qualification(name)
        .map_or_else(|| name.to_owned(), |q| q.id.clone())
}

/// Whether `held` satisfies a requirement for `required` in reality.
pub fn satisfies(held: &[String], required: &str) -> bool {
    held.iter().any(|h| {
        h == required
            || HIGHER_GRADE
                .iter()
                .any(|&(hi, lo)| hi == h.as_str() && lo == required)
    })
}

/// Synonym spellings people really use, from the engine's own table: the
/// issue asks for them, and a synonym the table knows is the engine's
/// best case, not a trick.
fn skill_aliases() -> HashMap<String, Vec<String>> {
    let text = include_str!("../../../../assets/match/skill_synonyms.csv");
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for row in csv::Reader::from_reader(text.as_bytes())
        .records()
        .flatten()
    {
        if let (Some(canonical), Some(alias)) = (row.get(0), row.get(1)) {
            map.entry(canonical.to_owned())
                .or_default()
                .push(alias.to_owned());
        }
    }
    map
}

/// Symmetric per-pair uniform in [0, 1) from a seed: a deterministic
/// stand-in for facts about a place pair (how direct the roads are).
pub fn hash_unit(seed: u64, a: u64, b: u64) -> f64 {
    let mut x =
        seed ^ a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    // splitmix64 finaliser
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    (x >> 11) as f64 / (1u64 << 53) as f64
}

fn normalised(mut v: Vec<f64>) -> Vec<f64> {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

/// A latent skill profile near an archetype's, with personal variation:
/// each cluster's weight jitters and a little of two random clusters
/// (hobbies, an old job) is mixed in.
fn skill_profile(d: &mut Dice, mixes: &[(usize, f64)]) -> Vec<f64> {
    let mut v = vec![0.0; CLUSTERS.len()];
    for &(a, share) in mixes {
        for &(name, w) in ARCHETYPES[a].mix {
            v[cluster(name)] += share * w * (0.6 + 0.8 * d.unit());
        }
    }
    for _ in 0..2 {
        let c = d.below(CLUSTERS.len());
        v[c] += 0.15 * d.unit().powi(2);
    }
    normalised(v)
}

/// Skills written on a record: a few draws from the latent profile.
fn draw_skills(d: &mut Dice, profile: &[f64], count: usize) -> Vec<&'static str> {
    let weights: Vec<f64> = profile.iter().map(|w| w * w).collect();
    let mut out: Vec<&'static str> = Vec::new();
    for _ in 0..count * 3 {
        if out.len() == count {
            break;
        }
        let c = d.weighted(&weights);
        let skill = *d.one(CLUSTERS[c].skills);
        if !out.contains(&skill) {
            out.push(skill);
        }
    }
    out
}

struct Writer {
    aliases: HashMap<String, Vec<String>>,
}

impl Writer {
    /// A seeker's spelling of a skill: mostly canonical, sometimes a known
    /// synonym, sometimes free text ("지게차 운전 가능") that no table holds.
    fn seeker_skill(&self, d: &mut Dice, skill: &str) -> String {
        let x = d.unit();
        match self.aliases.get(skill) {
            Some(aliases) if x < 0.18 => d.one(aliases).clone(),
            _ if x > 0.92 => format!("{skill} {}", d.one(&["가능", "경력", "경험 있음"])),
            _ => skill.to_owned(),
        }
    }

    fn vacancy_skill(&self, d: &mut Dice, skill: &str) -> String {
        match self.aliases.get(skill) {
            Some(aliases) if d.chance(0.15) => d.one(aliases).clone(),
            _ => skill.to_owned(),
        }
    }
}

/// How a certificate is written: the official name, a common alias from
/// the reference list ("지게차", "1종보통"), or with a suffix ("… 자격증").
/// `None`: left off the record though held.
fn write_certificate(d: &mut Dice, key: &str, seeker: bool) -> Option<String> {
    let q = doyak_refdata::get().qualification(key);
    let official = q.map_or_else(|| key.to_owned(), |q| q.name_ko.clone());
    let x = d.unit();
    let alias_rate = if seeker { 0.22 } else { 0.15 };
    if x < alias_rate {
        return Some(match q {
            Some(q) if !q.aliases.is_empty() => d.one(&q.aliases).clone(),
            _ => official,
        });
    }
    if seeker && x > 0.96 {
        return None;
    }
    if seeker && x > 0.92 {
        return Some(format!("{official} {}", d.one(&["자격증", "취득"])));
    }
    Some(official)
}

fn round_to(x: f64, step: f64) -> f64 {
    (x / step).round() * step
}

/// The commute limit people state: a round number near, not at, their
/// real tolerance.
fn stated_limit(d: &mut Dice, tolerance: f64) -> Option<u32> {
    if d.chance(0.06) {
        return None;
    }
    let said = tolerance * (0.3 * d.normal()).exp();
    const ROUND: [u32; 9] = [5, 10, 15, 20, 25, 30, 40, 50, 60];
    ROUND.iter().copied().min_by(|a, b| {
        (f64::from(*a) - said)
            .abs()
            .total_cmp(&(f64::from(*b) - said).abs())
    })
}

pub fn generate(world: &World, seed: u64, n_seekers: usize, n_vacancies: usize) -> Generated {
    let refdata = doyak_refdata::get();
    let mut d = Dice::new(seed);
    let writer = Writer {
        aliases: skill_aliases(),
    };
    let places: Vec<String> = refdata
        .sigungu
        .iter()
        .filter(|s| world.sido.iter().any(|p| s.code.starts_with(p)))
        .map(|s| s.code.clone())
        .collect();
    let n = places.len();
    let mut distance = vec![0.0; n * n];
    let mut route = vec![1.0; n * n];
    for a in 0..n {
        for b in 0..n {
            distance[a * n + b] = refdata.distance_km(&places[a], &places[b]).unwrap_or(0.0);
            let (lo, hi) = (a.min(b) as u64, a.max(b) as u64);
            route[a * n + b] = 1.15 + 0.35 * hash_unit(seed, lo, hi);
        }
    }
    let family: Vec<usize> = (0..ARCHETYPES.len()).map(|a| world.family_of(a)).collect();
    let members =
        |f: usize| -> Vec<usize> { (0..ARCHETYPES.len()).filter(|&a| family[a] == f).collect() };
    let seeker_weights: Vec<f64> = (0..ARCHETYPES.len()).map(|a| world.weights(a).0).collect();
    let vacancy_weights: Vec<f64> = (0..ARCHETYPES.len()).map(|a| world.weights(a).1).collect();

    let mut seekers = Vec::with_capacity(n_seekers);
    let mut seeker_records = Vec::with_capacity(n_seekers);
    for i in 0..n_seekers {
        let primary = d.weighted(&seeker_weights);
        let secondary = d.chance(0.35).then(|| {
            let pool = if d.chance(0.6) {
                members(family[primary])
            } else {
                (0..ARCHETYPES.len()).collect()
            };
            let other = *d.one(&pool);
            (other, 0.6 + 0.3 * d.unit())
        });
        let secondary = secondary.filter(|&(a, _)| a != primary);
        let openness = if d.chance(0.4) {
            0.3 + 1.2 * d.unit()
        } else {
            0.0
        };
        let mut mixes = vec![(primary, 1.0)];
        if let Some((a, w)) = secondary {
            mixes.push((a, 0.5 * w));
        }
        let skills = skill_profile(&mut d, &mixes);
        let years = if d.chance(0.15) {
            0.0
        } else {
            25.0 * d.unit().powf(1.5)
        };
        let relevant_share = 0.4 + 0.6 * d.unit();
        let job = &ARCHETYPES[primary];
        let seniority = (years * relevant_share / 12.0).min(1.0);
        let reservation = (job.wage.0 + (job.wage.1 - job.wage.0) * (0.1 + 0.55 * seniority))
            * (0.06 * d.normal()).exp();
        let tolerance_km = (world.tolerance_km * (0.45 * d.normal()).exp()).clamp(3.0, 80.0);
        let accepts_shift = d.chance(0.3 + 0.55 * job.shift_rate);

        let mut held: Vec<String> = Vec::new();
        let mut hold = |key: String| {
            if !held.contains(&key) {
                held.push(key);
            }
        };
        let hold_rate = if job.require_rate >= 0.9 {
            0.85
        } else if job.require_rate > 0.0 {
            0.55
        } else {
            0.0
        };
        for slot in job.required {
            if d.chance(hold_rate) {
                let mut key = certificate_key(d.name(slot));
                // Some hold the 종목's higher grade instead.
                if let Some((hi, _)) = HIGHER_GRADE.iter().find(|(_, lo)| *lo == key)
                    && d.chance(0.2)
                {
                    key = (*hi).to_owned();
                }
                hold(key);
            }
        }
        for name in job.preferred {
            if d.chance(0.25) {
                hold(certificate_key(name));
            }
        }
        if let Some((a, _)) = secondary {
            for slot in ARCHETYPES[a].required {
                if d.chance(0.4) {
                    hold(certificate_key(d.name(slot)));
                }
            }
        }
        let x = d.unit();
        if x < 0.4 {
            hold(certificate_key("제1종 보통 운전면허"));
        } else if x < 0.65 {
            hold(certificate_key("제2종 보통 운전면허"));
        }

        let place = d.below(n);
        let mut desired: Vec<String> = Vec::new();
        let x = d.unit();
        if x < 0.80 {
            desired.push(job.keco.to_owned());
        } else if x < 0.88 {
            desired.push(
                ARCHETYPES[*d.one(&members(family[primary]))]
                    .keco
                    .to_owned(),
            );
        } else if x < 0.93 {
            desired.push(job.keco[..1].to_owned());
        }
        if let Some((a, _)) = secondary
            && d.chance(0.6)
        {
            let code = ARCHETYPES[a].keco.to_owned();
            if !desired.contains(&code) {
                desired.push(code);
            }
        }
        let n_skills = if d.chance(0.1) { 0 } else { 1 + d.below(5) };
        let written_skills: Vec<String> = draw_skills(&mut d, &skills, n_skills)
            .into_iter()
            .map(|s| writer.seeker_skill(&mut d, s))
            .collect();
        let certificates: Vec<String> = held
            .iter()
            .filter_map(|k| write_certificate(&mut d, k, true))
            .collect();
        let stated_wage = (!d.chance(0.12))
            .then(|| round_to(reservation * (0.08 * d.normal()).exp(), 10.0) as i64 * 10_000);
        seeker_records.push(SeekerProfile {
            id: format!("S{i:05}"),
            birth_year: Some(1960 + d.below(45) as i32),
            sigungu: places[place].clone(),
            desired_occupations: desired,
            certificates,
            skills: written_skills,
            experience_years: round_to(years, 0.5) as f32,
            experience_by_occupation: vec![],
            desired_wage_monthly: stated_wage,
            max_commute_km: stated_limit(&mut d, tolerance_km),
            accepts_shift,
            // The would-move truth (`relocate` below) is drawn after the
            // record and never written on it, so no counselor could have
            // recorded it: unknown, which the engine reads as "would not".
            willing_to_relocate: false,
        });
        seekers.push(SeekerTruth {
            primary,
            secondary,
            openness,
            skills,
            years,
            relevant_share,
            reservation,
            tolerance_km,
            relocate: d.chance(world.relocate_rate),
            accepts_shift,
            dislikes_shift: accepts_shift && d.chance(0.3),
            held,
            place,
        });
    }

    let place_weights: Vec<[f64; 4]> = places
        .iter()
        .map(|code| {
            [
                Sector::Factory,
                Sector::Town,
                Sector::Downtown,
                Sector::Road,
            ]
            .map(|s| world.place_weight(code, s))
        })
        .collect();
    let mut vacancies = Vec::with_capacity(n_vacancies);
    let mut vacancy_records = Vec::with_capacity(n_vacancies);
    for i in 0..n_vacancies {
        let a = d.weighted(&vacancy_weights);
        let job = &ARCHETYPES[a];
        let sector = match job.sector {
            Sector::Factory => 0,
            Sector::Town => 1,
            Sector::Downtown => 2,
            Sector::Road => 3,
        };
        let column: Vec<f64> = place_weights.iter().map(|w| w[sector]).collect();
        let place = d.weighted(&column);
        let skills = skill_profile(&mut d, &[(a, 1.0)]);
        let shift = d.chance(job.shift_rate);
        let housing = d.chance((job.housing_rate * world.housing_factor).min(0.9));
        let bus = d.chance(job.bus_rate);
        let offer =
            (job.wage.0 + (job.wage.1 - job.wage.0) * d.unit()) * if shift { 1.08 } else { 1.0 };
        let mut required: Vec<String> = Vec::new();
        if d.chance(job.require_rate) {
            for slot in job.required {
                required.push(certificate_key(d.name(slot)));
            }
        }
        let mut preferred: Vec<String> = Vec::new();
        for _ in 0..d.below(3) {
            if job.preferred.is_empty() {
                break;
            }
            let key = certificate_key(d.name(job.preferred));
            if !required.contains(&key) && !preferred.contains(&key) {
                preferred.push(key);
            }
        }
        let min_years = [0.0, 1.0, 2.0, 3.0, 5.0][d.weighted(&[50.0, 15.0, 15.0, 12.0, 8.0])];
        // Employers code their 구인표 loosely too: a sibling trade's code,
        // or only the major group.
        let x = d.unit();
        let occupation = if x < 0.92 {
            job.keco.to_owned()
        } else if x < 0.98 {
            ARCHETYPES[*d.one(&members(family[a]))].keco.to_owned()
        } else {
            job.keco[..1].to_owned()
        };
        let n_skills = if d.chance(0.05) { 0 } else { 2 + d.below(4) };
        let written_skills: Vec<String> = draw_skills(&mut d, &skills, n_skills)
            .into_iter()
            .map(|s| writer.vacancy_skill(&mut d, s))
            .collect();
        let mut write = |keys: &[String]| -> Vec<String> {
            keys.iter()
                .filter_map(|k| write_certificate(&mut d, k, false))
                .collect()
        };
        let required_written = write(&required);
        let preferred_written = write(&preferred);
        let headcount = [0, 1, 2, 3, 5][d.weighted(&[5.0, 45.0, 25.0, 15.0, 10.0])];
        vacancy_records.push(VacancyProfile {
            id: format!("V{i:05}"),
            company_id: format!("C{:04}", d.below(1200)),
            occupation,
            sigungu: places[place].clone(),
            wage_monthly: (!d.chance(0.06)).then(|| round_to(offer, 5.0) as i64 * 10_000),
            required_certificates: required_written,
            preferred_certificates: preferred_written,
            skills: written_skills,
            min_experience_years: (!d.chance(0.1)).then_some(min_years as u32),
            shift_work: shift,
            headcount,
            housing,
            commute_bus: bus,
        });
        vacancies.push(VacancyTruth {
            archetype: a,
            skills,
            offer,
            required,
            preferred,
            min_years,
            shift,
            housing,
            bus,
            open: headcount > 0,
            place,
        });
    }
    Generated {
        places,
        distance,
        route,
        seekers,
        vacancies,
        seeker_records,
        vacancy_records,
    }
}
