//! Builds a caseload's index from validated records: interning, rarity
//! weights, the distance table, and the buckets the top-k scan walks.

use crate::certificate::{certificate_keys, certificate_name, certificate_occupation};
use crate::data::{normalise, tables};
use crate::index::{
    Caseload, Certificate, Entry, Group, NO_RUN, Occupation, Run, ScanEntry, SeekerKey, VacancyKey,
    skill_key,
};
use crate::profile::{SeekerProfile, VacancyProfile};
use crate::score::{
    self, CERTIFICATES_MAX, EXPERIENCE_MAX, MinExperience, NEUTRAL_CERTIFICATES, NEUTRAL_SKILLS,
    NEUTRAL_WAGE, OccupationSource, SKILLS_MAX, WAGE_MAX, WageWish,
};
use doyak_domain::KecoCode;
use std::collections::HashMap;

/// Indexes records that passed validation.
pub(crate) fn build(seekers: Vec<SeekerProfile>, vacancies: Vec<VacancyProfile>) -> Caseload {
    Builder::default().build(seekers, vacancies)
}

/// Interns strings to dense ids in first-seen order.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(key.to_owned(), id);
        self.names.push(key.to_owned());
        id
    }
}

fn ranks(ids: impl Iterator<Item = String>) -> Vec<u32> {
    let ids: Vec<String> = ids.collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
    let mut rank = vec![0; ids.len()];
    for (r, i) in order.into_iter().enumerate() {
        rank[i] = r as u32;
    }
    rank
}

/// [`crate::MAX_EXPERIENCE_YEARS`] in months.
pub(crate) const MAX_EXPERIENCE_MONTHS: u32 = crate::MAX_EXPERIENCE_YEARS as u32 * 12;

fn months(years: f32) -> u32 {
    (years * 12.0).round() as u32
}

/// The KECO middle groups a seeker's certificates point to, in the order
/// held, for a seeker who stated no 희망 직종: trade certificates, or the
/// general ones (컴퓨터활용능력) when no trade certificate is held.
/// Work history would say more, but the profile does not carry it.
fn certificate_middles(certificates: &[String]) -> Vec<&'static str> {
    let read: Vec<_> = certificates
        .iter()
        .filter_map(|name| certificate_occupation(name))
        .collect();
    let any_trade = read.iter().any(|&(_, general)| !general);
    let mut middles: Vec<&'static str> = Vec::new();
    for (q, general) in read {
        if general && any_trade {
            continue;
        }
        if let Some(middle) = q.keco_middle.as_deref()
            && !middles.contains(&middle)
        {
            middles.push(middle);
        }
    }
    middles
}

#[derive(Default)]
struct Builder {
    places: Interner,
    occupations: Interner,
    certs: Interner,
    cert_names: Vec<String>,
    skills: Interner,
    skill_names: Vec<String>,
}

impl Builder {
    fn place(&mut self, code: &str) -> u32 {
        self.places.id(code.trim())
    }

    fn occupation(&mut self, code: &str) -> u32 {
        self.occupations.id(KecoCode::from(code).as_str())
    }

    fn build(mut self, seekers: Vec<SeekerProfile>, vacancies: Vec<VacancyProfile>) -> Caseload {
        let t = tables();
        // Vacancies first: only what some vacancy lists is ever compared, so
        // the seekers' bitsets cover vacancy certificates and skills only.
        let mut vacancy_keys = Vec::with_capacity(vacancies.len());
        let mut vacancy_certs = Vec::new();
        let mut vacancy_skill_ids: Vec<Vec<u32>> = Vec::with_capacity(vacancies.len());
        for v in &vacancies {
            let mut listed: Vec<u32> = Vec::new();
            let mut required = 0;
            for (i, name) in v
                .required_certificates
                .iter()
                .chain(&v.preferred_certificates)
                .enumerate()
            {
                if normalise(name).is_empty() {
                    continue;
                }
                let Some(key) = certificate_keys(name).into_iter().next() else {
                    continue;
                };
                let id = self.certs.id(&key);
                if id as usize == self.cert_names.len() {
                    self.cert_names.push(certificate_name(name));
                }
                // A certificate both required and preferred counts once, as
                // required.
                if !listed.contains(&id) {
                    listed.push(id);
                    if i < v.required_certificates.len() {
                        required += 1;
                    }
                }
            }
            let shares = score::apportion(CERTIFICATES_MAX, &vec![1.0; listed.len()]);
            let start = vacancy_certs.len() as u32;
            vacancy_certs.extend(
                listed
                    .iter()
                    .zip(shares)
                    .map(|(&id, points)| Entry { id, points }),
            );
            let mut skill_ids: Vec<u32> = Vec::new();
            for skill in &v.skills {
                let key = skill_key(skill);
                if key.is_empty() {
                    continue;
                }
                let id = self.skills.id(&key);
                if id as usize == self.skill_names.len() {
                    self.skill_names.push(t.canonical_skill(skill).to_owned());
                }
                if !skill_ids.contains(&id) {
                    skill_ids.push(id);
                }
            }
            vacancy_skill_ids.push(skill_ids);
            // Completed with the skills' part below.
            let listed_ub = if listed.is_empty() {
                NEUTRAL_CERTIFICATES
            } else {
                CERTIFICATES_MAX
            };
            vacancy_keys.push(VacancyKey {
                place: self.place(&v.sigungu),
                occupation: self.occupation(&v.occupation),
                open: v.headcount > 0,
                shift: v.shift_work,
                housing: v.housing,
                bus: v.commute_bus,
                certs: (start, start + listed.len() as u32),
                required,
                skills: (0, 0),
                min_experience: MinExperience::new(v.min_experience_years.map_or(0, |y| y * 12)),
                wage: v.wage_monthly,
                listed_ub,
                rest_ub: 0,
            });
        }

        // Skill weights by rarity over the vacancy set: a skill every vacancy
        // asks for tells little, a rare one that matches tells a lot.
        let mut df = vec![0u32; self.skills.names.len()];
        for ids in &vacancy_skill_ids {
            for &id in ids {
                df[id as usize] += 1;
            }
        }
        let n = vacancies.len() as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + f64::from(d))).ln() + 1.0)
            .collect();
        let mut vacancy_skills = Vec::new();
        for (key, ids) in vacancy_keys.iter_mut().zip(&vacancy_skill_ids) {
            let weights: Vec<f64> = ids.iter().map(|&id| idf[id as usize]).collect();
            let start = vacancy_skills.len() as u32;
            vacancy_skills.extend(
                ids.iter()
                    .zip(score::apportion(SKILLS_MAX, &weights))
                    .map(|(&id, points)| Entry { id, points }),
            );
            key.skills = (start, start + ids.len() as u32);
            key.listed_ub += if ids.is_empty() {
                NEUTRAL_SKILLS
            } else {
                SKILLS_MAX
            };
            key.rest_ub = key.listed_ub
                + EXPERIENCE_MAX
                + if key.wage.is_some() {
                    WAGE_MAX
                } else {
                    NEUTRAL_WAGE
                };
        }

        let cert_words = self.certs.names.len().div_ceil(64).max(1);
        let skill_words = self.skills.names.len().div_ceil(64).max(1);
        let mut seeker_keys = Vec::with_capacity(seekers.len());
        let mut seeker_occupations = Vec::new();
        let mut seeker_experience: Vec<(u32, u32)> = Vec::new();
        let mut seeker_cert_bits = vec![0u64; seekers.len() * cert_words];
        let mut seeker_skill_bits = vec![0u64; seekers.len() * skill_words];
        for (i, s) in seekers.iter().enumerate() {
            for name in &s.certificates {
                if normalise(name).is_empty() {
                    continue;
                }
                for key in certificate_keys(name) {
                    if let Some(&id) = self.certs.ids.get(&key) {
                        seeker_cert_bits[i * cert_words + (id / 64) as usize] |= 1 << (id % 64);
                    }
                }
            }
            for skill in &s.skills {
                if let Some(&id) = self.skills.ids.get(&skill_key(skill)) {
                    seeker_skill_bits[i * skill_words + (id / 64) as usize] |= 1 << (id % 64);
                }
            }
            let start = seeker_occupations.len() as u32;
            let (codes, occupation_source) = if s.desired_occupations.is_empty() {
                (
                    certificate_middles(&s.certificates),
                    OccupationSource::Certificate,
                )
            } else {
                (
                    s.desired_occupations.iter().map(String::as_str).collect(),
                    OccupationSource::Stated,
                )
            };
            for code in codes {
                let id = self.occupation(code);
                if !seeker_occupations[start as usize..].contains(&id) {
                    seeker_occupations.push(id);
                }
            }
            let experience_start = seeker_experience.len() as u32;
            for e in &s.experience_by_occupation {
                let id = self.occupation(&e.occupation);
                seeker_experience.push((id, months(e.years)));
            }
            seeker_keys.push(SeekerKey {
                place: self.place(&s.sigungu),
                limit_km: s.max_commute_km,
                relocate: s.willing_to_relocate,
                accepts_shift: s.accepts_shift,
                experience_months: months(s.experience_years),
                experience: (experience_start, seeker_experience.len() as u32),
                wage: s.desired_wage_monthly.map(WageWish::new),
                occupations: (start, seeker_occupations.len() as u32),
                occupation_source,
            });
        }

        let refdata = doyak_refdata::get();
        let centroids: Vec<_> = self
            .places
            .names
            .iter()
            .map(|code| refdata.sigungu(code))
            .collect();
        let mut distance = Vec::with_capacity(centroids.len() * centroids.len());
        for a in &centroids {
            for b in &centroids {
                // Both exist: validation checked every 시군구 code.
                distance.push(match (a, b) {
                    (Some(a), Some(b)) => a.distance_km(b),
                    _ => f64::INFINITY,
                });
            }
        }
        let occupations = self
            .occupations
            .names
            .iter()
            .map(|code| {
                let keco = KecoCode::from(code.as_str());
                Occupation {
                    middle: keco
                        .middle()
                        .and_then(|m| t.middle_index(m))
                        .map(|i| i as u32),
                    major: keco.as_str().as_bytes().first().copied().unwrap_or(0),
                    code: code.clone(),
                }
            })
            .collect();
        let related = t
            .related
            .iter()
            .map(|&w| (w * score::OCCUPATION_RELATED_SCALE as f32).round() as u32)
            .collect();

        let (groups, runs, slots) = buckets(&vacancy_keys);
        let n_places = self.places.names.len();
        let mut run_at = vec![NO_RUN; groups.len() * n_places];
        for (g, group) in groups.iter().enumerate() {
            for r in group.runs.0..group.runs.1 {
                run_at[g * n_places + runs[r as usize].place as usize] = r;
            }
        }
        let mut by_distance = Vec::with_capacity(n_places * n_places);
        for a in 0..n_places {
            let mut order: Vec<u32> = (0..n_places as u32).collect();
            order.sort_by(|&x, &y| {
                distance[a * n_places + x as usize]
                    .total_cmp(&distance[a * n_places + y as usize])
                    .then(x.cmp(&y))
            });
            by_distance.extend(order);
        }
        let vacancy_rank = ranks(vacancies.iter().map(|v| v.id.clone()));
        let mut scan = Vec::with_capacity(slots.len());
        let (mut scan_certs, mut scan_skills) = (Vec::new(), Vec::new());
        for &v in &slots {
            let k = &vacancy_keys[v as usize];
            let range = |(start, end): (u32, u32)| start as usize..end as usize;
            let certs = (
                scan_certs.len() as u32,
                (scan_certs.len() as u32) + k.certs.1 - k.certs.0,
            );
            scan_certs.extend_from_slice(&vacancy_certs[range(k.certs)]);
            let skills = (
                scan_skills.len() as u32,
                (scan_skills.len() as u32) + k.skills.1 - k.skills.0,
            );
            scan_skills.extend_from_slice(&vacancy_skills[range(k.skills)]);
            scan.push(ScanEntry {
                vacancy: v,
                rank: vacancy_rank[v as usize],
                shift: k.shift,
                combo: u8::from(k.bus) | u8::from(k.housing) << 1,
                rest_ub: k.rest_ub,
                listed_ub: k.listed_ub,
                min_experience: k.min_experience,
                wage: k.wage,
                certs,
                required: k.required,
                skills,
            });
        }
        Caseload {
            seeker_rank: ranks(seekers.iter().map(|s| s.id.clone())),
            seekers,
            vacancies,
            places: self.places.names,
            distance,
            occupations,
            related,
            middles: t.middles.len(),
            certs: self
                .certs
                .names
                .into_iter()
                .zip(self.cert_names)
                .map(|(key, name)| Certificate { key, name })
                .collect(),
            skills: self.skill_names,
            cert_words,
            skill_words,
            seeker_keys,
            seeker_occupations,
            seeker_experience,
            seeker_cert_bits,
            seeker_skill_bits,
            vacancy_keys,
            vacancy_certs,
            vacancy_skills,
            groups,
            runs,
            scan,
            scan_certs,
            scan_skills,
            run_at,
            by_distance,
        }
    }
}

/// Open vacancies sorted by (occupation, place, housing first), cut into
/// groups and runs. A closed vacancy (no headcount left) is in no run, so no
/// scan ever sees it.
fn buckets(keys: &[VacancyKey]) -> (Vec<Group>, Vec<Run>, Vec<u32>) {
    let mut slots: Vec<u32> = (0..keys.len() as u32)
        .filter(|&v| keys[v as usize].open)
        .collect();
    slots.sort_by_key(|&v| {
        let k = &keys[v as usize];
        (k.occupation, k.place, !k.housing, v)
    });
    let mut groups: Vec<Group> = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    for (i, &v) in slots.iter().enumerate() {
        let k = &keys[v as usize];
        let i = i as u32;
        let rest = k.rest_ub;
        match groups.last_mut() {
            Some(g) if g.occupation == k.occupation => g.rest_ub = g.rest_ub.max(rest),
            _ => groups.push(Group {
                occupation: k.occupation,
                runs: (runs.len() as u32, 0),
                rest_ub: rest,
            }),
        }
        match runs.last_mut() {
            Some(r)
                if r.place == k.place
                    && keys[slots[r.start as usize] as usize].occupation == k.occupation =>
            {
                r.end = i + 1;
                if k.housing {
                    r.housing_end = i + 1;
                }
            }
            _ => runs.push(Run {
                place: k.place,
                start: i,
                housing_end: if k.housing { i + 1 } else { i },
                end: i + 1,
            }),
        }
    }
    let total = runs.len() as u32;
    for gi in 0..groups.len() {
        let end = groups.get(gi + 1).map_or(total, |next| next.runs.0);
        groups[gi].runs.1 = end;
    }
    (groups, runs, slots)
}
