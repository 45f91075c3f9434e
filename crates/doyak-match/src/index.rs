//! A validated caseload and its compact index (built in `build.rs`): codes,
//! certificates and skills interned to small integers, seekers' certificates
//! and skills as bitsets, skill weights by rarity, a distance table over the
//! 시군구 in use, and open vacancies bucketed by occupation and place for the
//! top-k scan.

use crate::MatchError;
use crate::data::{normalise, tables};
use crate::profile::{SeekerProfile, Side, VacancyProfile};
use crate::score::{
    self, CommuteFit, MinExperience, NEUTRAL_CERTIFICATES, NEUTRAL_SKILLS, OccupationFit,
    OccupationLevel, OccupationSource, WageWish,
};
use std::collections::HashMap;

/// An interned KECO code.
#[derive(Debug)]
pub(crate) struct Occupation {
    pub code: String,
    /// Position of its middle group in the relatedness table.
    pub middle: Option<u32>,
    pub major: u8,
}

/// A certificate some vacancy lists, under its comparison key.
#[derive(Debug)]
pub(crate) struct Certificate {
    /// "q:<qualification id>" for known qualifications, "t:<text without
    /// spaces>" for the rest.
    pub key: String,
    /// The name shown in reasons: the official name, or the vacancy's text.
    pub name: String,
}

/// A certificate or skill a vacancy lists and what holding it is worth.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub id: u32,
    pub points: u32,
}

#[derive(Debug)]
pub(crate) struct SeekerKey {
    pub place: u32,
    pub limit_km: Option<u32>,
    /// Willing to move into 기숙사.
    pub relocate: bool,
    pub accepts_shift: bool,
    /// Experience of no stated occupation: counts toward every vacancy.
    pub experience_months: u32,
    /// `seeker_experience[experience.0..experience.1]`: (occupation, months)
    /// that count only toward related vacancies.
    pub experience: (u32, u32),
    pub wage: Option<WageWish>,
    /// `seeker_occupations[occupations.0..occupations.1]`: the stated 희망
    /// 직종, or for a seeker who stated none, the middle groups their
    /// certificates point to.
    pub occupations: (u32, u32),
    pub occupation_source: OccupationSource,
}

#[derive(Debug)]
pub(crate) struct VacancyKey {
    pub place: u32,
    pub occupation: u32,
    pub open: bool,
    pub shift: bool,
    pub housing: bool,
    pub bus: bool,
    /// `vacancy_certs[certs.0..certs.1]`, the first `required` required.
    pub certs: (u32, u32),
    pub required: u32,
    /// `vacancy_skills[skills.0..skills.1]`.
    pub skills: (u32, u32),
    pub min_experience: MinExperience,
    pub wage: Option<i64>,
    /// The most its certificates and skills can earn.
    pub listed_ub: u32,
    /// The most it can earn besides occupation and commute.
    pub rest_ub: u32,
}

/// One open vacancy as the top-k scan reads it.
#[derive(Debug)]
pub(crate) struct ScanEntry {
    pub vacancy: u32,
    pub rank: u32,
    pub shift: bool,
    /// Index of its commute points: `bus | housing << 1`.
    pub combo: u8,
    pub rest_ub: u32,
    pub listed_ub: u32,
    pub min_experience: MinExperience,
    pub wage: Option<i64>,
    /// `scan_certs[certs.0..certs.1]`, the first `required` required.
    pub certs: (u32, u32),
    pub required: u32,
    /// `scan_skills[skills.0..skills.1]`.
    pub skills: (u32, u32),
}

/// Open vacancies of one occupation code, in runs by place.
#[derive(Debug)]
pub(crate) struct Group {
    pub occupation: u32,
    /// `runs[runs.0..runs.1]`.
    pub runs: (u32, u32),
    /// The most any of its vacancies can earn besides occupation and
    /// commute.
    pub rest_ub: u32,
}

/// Open vacancies of one group at one place: `scan[start..end]`, those with
/// 기숙사 first (`start..housing_end`), so a place beyond the seeker's limit
/// costs only its housing vacancies (and nothing for a seeker who would not
/// move).
#[derive(Debug)]
pub(crate) struct Run {
    pub place: u32,
    pub start: u32,
    pub housing_end: u32,
    pub end: u32,
}

/// The seekers and vacancies to match, validated and indexed. Build it once
/// per caseload; every query borrows it.
#[derive(Debug)]
pub struct Caseload {
    pub(crate) seekers: Vec<SeekerProfile>,
    pub(crate) vacancies: Vec<VacancyProfile>,
    pub(crate) places: Vec<String>,
    pub(crate) distance: Vec<f64>,
    pub(crate) occupations: Vec<Occupation>,
    pub(crate) related: Vec<u32>,
    pub(crate) middles: usize,
    pub(crate) certs: Vec<Certificate>,
    pub(crate) skills: Vec<String>,
    pub(crate) cert_words: usize,
    pub(crate) skill_words: usize,
    pub(crate) seeker_keys: Vec<SeekerKey>,
    pub(crate) seeker_occupations: Vec<u32>,
    pub(crate) seeker_experience: Vec<(u32, u32)>,
    pub(crate) seeker_cert_bits: Vec<u64>,
    pub(crate) seeker_skill_bits: Vec<u64>,
    pub(crate) vacancy_keys: Vec<VacancyKey>,
    pub(crate) vacancy_certs: Vec<Entry>,
    pub(crate) vacancy_skills: Vec<Entry>,
    pub(crate) seeker_rank: Vec<u32>,
    pub(crate) groups: Vec<Group>,
    pub(crate) runs: Vec<Run>,
    /// Open vacancies in bucket order, with what the scan reads of each, so
    /// a scan walks memory in order instead of jumping by vacancy index.
    pub(crate) scan: Vec<ScanEntry>,
    pub(crate) scan_certs: Vec<Entry>,
    pub(crate) scan_skills: Vec<Entry>,
    /// `run_at[group * places + place]`: the group's run at that place, or
    /// `NO_RUN`.
    pub(crate) run_at: Vec<u32>,
    /// `by_distance[place * places..][..places]`: every place, nearest first
    /// (ties by position), so a scan can stop once distance alone rules the
    /// rest out.
    pub(crate) by_distance: Vec<u32>,
}

pub(crate) const NO_RUN: u32 = u32::MAX;

/// One seeker's certificates and skills as bitsets over the vacancy-listed
/// ids; the scan takes it once per seeker.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Holdings<'a> {
    certs: &'a [u64],
    skills: &'a [u64],
}

fn has(bits: &[u64], id: u32) -> bool {
    bits.get((id / 64) as usize)
        .is_some_and(|word| word >> (id % 64) & 1 == 1)
}

impl Holdings<'_> {
    pub fn cert(&self, id: u32) -> bool {
        has(self.certs, id)
    }

    pub fn skill(&self, id: u32) -> bool {
        has(self.skills, id)
    }

    /// The soft points of a vacancy's certificates: the shares of the
    /// listed ones held, or neutral when none are listed.
    pub fn certificate_points(&self, certs: &[Entry]) -> u32 {
        if certs.is_empty() {
            return NEUTRAL_CERTIFICATES;
        }
        certs
            .iter()
            .filter(|e| self.cert(e.id))
            .map(|e| e.points)
            .sum()
    }

    /// The soft points of a vacancy's skills: the rarity-weighted shares of
    /// the listed ones held, or neutral when none are listed.
    pub fn skill_points(&self, skills: &[Entry]) -> u32 {
        if skills.is_empty() {
            return NEUTRAL_SKILLS;
        }
        skills
            .iter()
            .filter(|e| self.skill(e.id))
            .map(|e| e.points)
            .sum()
    }

    pub fn missing_required(&self, required: &[Entry]) -> bool {
        required.iter().any(|e| !self.cert(e.id))
    }
}

/// The comparison key of a skill: its canonical spelling, normalised.
pub(crate) fn skill_key(skill: &str) -> String {
    normalise(tables().canonical_skill(skill))
}

fn check_unique<'a>(side: Side, ids: impl Iterator<Item = &'a str>) -> Result<(), MatchError> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, id) in ids.enumerate() {
        if let Some(&first) = seen.get(id) {
            return Err(MatchError::DuplicateId {
                side,
                index,
                first,
                id: id.to_owned(),
            });
        }
        seen.insert(id, index);
    }
    Ok(())
}

impl Caseload {
    /// Validates every record (the first problem in input order is the
    /// error; call [`SeekerProfile::validate`] per record to collect them
    /// all) and builds the index.
    pub fn new(
        seekers: Vec<SeekerProfile>,
        vacancies: Vec<VacancyProfile>,
    ) -> Result<Caseload, MatchError> {
        for (i, s) in seekers.iter().enumerate() {
            s.validate(i)?;
        }
        for (i, v) in vacancies.iter().enumerate() {
            v.validate(i)?;
        }
        check_unique(Side::Seeker, seekers.iter().map(|s| s.id.as_str()))?;
        check_unique(Side::Vacancy, vacancies.iter().map(|v| v.id.as_str()))?;
        if seekers.len() >= u32::MAX as usize || vacancies.len() >= u32::MAX as usize {
            return Err(MatchError::TooMany {
                seekers: seekers.len(),
                vacancies: vacancies.len(),
            });
        }
        Ok(crate::build::build(seekers, vacancies))
    }

    pub fn seekers(&self) -> &[SeekerProfile] {
        &self.seekers
    }

    pub fn vacancies(&self) -> &[VacancyProfile] {
        &self.vacancies
    }

    pub(crate) fn distance_km(&self, a: u32, b: u32) -> f64 {
        self.distance[a as usize * self.places.len() + b as usize]
    }

    pub(crate) fn seeker_desired(&self, s: usize) -> &[u32] {
        let (start, end) = self.seeker_keys[s].occupations;
        &self.seeker_occupations[start as usize..end as usize]
    }

    /// The seeker's certificate and skill bits.
    pub(crate) fn holdings(&self, s: usize) -> Holdings<'_> {
        Holdings {
            certs: &self.seeker_cert_bits[s * self.cert_words..(s + 1) * self.cert_words],
            skills: &self.seeker_skill_bits[s * self.skill_words..(s + 1) * self.skill_words],
        }
    }

    pub(crate) fn certs_of(&self, v: usize) -> &[Entry] {
        let (start, end) = self.vacancy_keys[v].certs;
        &self.vacancy_certs[start as usize..end as usize]
    }

    pub(crate) fn skills_of(&self, v: usize) -> &[Entry] {
        let (start, end) = self.vacancy_keys[v].skills;
        &self.vacancy_skills[start as usize..end as usize]
    }

    /// Whether experience in occupation `held` counts toward a vacancy of
    /// `occupation`: the same code, the same 중분류 or a related one.
    fn counts_toward(&self, held: u32, occupation: u32) -> bool {
        matches!(
            self.occupation_level(held, occupation),
            OccupationLevel::Exact | OccupationLevel::Middle | OccupationLevel::Related(_)
        )
    }

    fn stated_experience(&self, s: usize) -> &[(u32, u32)] {
        let (start, end) = self.seeker_keys[s].experience;
        &self.seeker_experience[start as usize..end as usize]
    }

    /// Months of experience that count toward a vacancy of `occupation`:
    /// those of no stated occupation and those in a related one, capped at
    /// the longest working life.
    pub(crate) fn experience_for(&self, s: usize, occupation: u32) -> u32 {
        let related: u32 = self
            .stated_experience(s)
            .iter()
            .filter(|&&(held, _)| self.counts_toward(held, occupation))
            .map(|&(_, months)| months)
            .sum();
        (self.seeker_keys[s].experience_months + related).min(crate::build::MAX_EXPERIENCE_MONTHS)
    }

    /// Months in occupations unrelated to `occupation`, which do not count
    /// (the explanation says so).
    pub(crate) fn unrelated_experience(&self, s: usize, occupation: u32) -> u32 {
        self.stated_experience(s)
            .iter()
            .filter(|&&(held, _)| !self.counts_toward(held, occupation))
            .map(|&(_, months)| months)
            .sum()
    }

    /// How close occupation `b` (the vacancy's) is to the desired `a`.
    pub(crate) fn occupation_level(&self, a: u32, b: u32) -> OccupationLevel {
        if a == b {
            return OccupationLevel::Exact;
        }
        let (oa, ob) = (&self.occupations[a as usize], &self.occupations[b as usize]);
        if let (Some(ma), Some(mb)) = (oa.middle, ob.middle) {
            if ma == mb {
                return OccupationLevel::Middle;
            }
            let related = self.related[ma as usize * self.middles + mb as usize];
            if related > 0 {
                return OccupationLevel::Related(related);
            }
        }
        if oa.major == ob.major {
            OccupationLevel::Major
        } else {
            OccupationLevel::Other
        }
    }

    /// The seeker's best desired (or certificate-read) occupation for a
    /// vacancy occupation, and how close it is; `None` when the seeker has
    /// neither.
    pub(crate) fn best_occupation(
        &self,
        s: usize,
        occupation: u32,
    ) -> (OccupationFit, Option<u32>) {
        let source = self.seeker_keys[s].occupation_source;
        let mut best = (
            OccupationFit {
                source,
                ..OccupationFit::NONE
            },
            None,
        );
        for &desired in self.seeker_desired(s) {
            let fit = OccupationFit {
                level: self.occupation_level(desired, occupation),
                source,
            };
            if best.1.is_none() || fit.points() > best.0.points() {
                best = (fit, Some(desired));
            }
        }
        best
    }

    pub(crate) fn required_of(&self, v: usize) -> &[Entry] {
        &self.certs_of(v)[..self.vacancy_keys[v].required as usize]
    }

    pub(crate) fn commute(&self, s: usize, v: usize) -> CommuteFit {
        let (sk, vk) = (&self.seeker_keys[s], &self.vacancy_keys[v]);
        score::commute_fit(
            self.distance_km(sk.place, vk.place),
            sk.limit_km,
            vk.bus,
            vk.housing && sk.relocate,
        )
    }
}
