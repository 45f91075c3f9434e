//! A deterministic generator of a realistic synthetic caseload for one
//! 고용복지플러스센터: a counselor team, partner institutions, companies with
//! vacancies and their 기업진단·컨설팅 records, and job seekers with their
//! sessions, diagnoses, IAP activities, referrals, applications, placements and
//! retention checks. `doyak demo`, the desk's demo mode, tests and benchmarks
//! all use it.
//!
//! # Invariants
//! - Pure: no IO, no clock, no OS randomness. The seed, `today`, the center
//!   and the counts are the whole input; the same [`DemoSpec`] always yields
//!   the same items, byte for byte once serialised.
//! - Streaming: items go to the caller's sink one at a time, so 100 000 seekers
//!   never sit in memory together. Only a compact index of firms and vacancies
//!   is kept, so seekers can apply to them.
//! - Dependency order: counselors and partners first, then each company
//!   followed by its vacancies and its events, then each seeker followed by
//!   their events, referrals and applications in date order. Whatever an item
//!   refers to (a counselor, partner, company, vacancy, seeker or placement)
//!   was emitted before it.
//! - Every record passes its own `check` against the reference data, and
//!   every code in it (시군구, KSIC, KECO, 뿌리기술, qualification names) is
//!   taken from `doyak_refdata`.
//! - The records tell one story (tests/it/consistency.rs): no note calls a
//!   certificate missing that the seeker holds (or a higher grade of); an
//!   알선 without an outcome is at most a month old and belongs to someone
//!   still looking, with 제3자 제공 동의; an IAP activity marked 이행 had a
//!   contact that month; a session quotes the diagnoses on file; a firm's
//!   name fits its KSIC sub-class.
//! - Whatever happened is dated on or before `today`. Only plans may lie after
//!   it: a benefit's scheduled end (수급 종료 예정일) and the next appointment
//!   of a seeker still in the program.

mod background;
mod company;
mod dice;
mod industry;
mod jobs;
mod journey;
mod names;
mod region;
mod seeker;
mod team;
mod text;

use chrono::NaiveDate;
use doyak_domain::{
    Application, CaseEvent, Center, Company, Counselor, EntityKind, Id, JobSeeker,
    PartnerInstitution, Referral, Vacancy,
};
use serde::Serialize;
use std::fmt;

pub use region::UnknownRegion;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    pub seed: u64,
    /// The day the caseload is "as of": enrolments reach back about 18 months
    /// from it and nothing that happened is later.
    pub today: NaiveDate,
    /// The center whose caseload it is; its 시군구 decides where people live
    /// and firms sit.
    pub center: Center,
    pub seekers: u32,
    pub companies: u32,
}

impl DemoSpec {
    /// A small caseload (300 seekers, 60 companies, seed 1) for `center`.
    pub fn new(center: Center, today: NaiveDate) -> DemoSpec {
        DemoSpec {
            seed: 1,
            today,
            center,
            seekers: 300,
            companies: 60,
        }
    }

    /// How many progress steps a run takes: one per company and one per
    /// seeker (see [`DemoItem::is_step`]).
    pub fn total_steps(&self) -> u64 {
        u64::from(self.seekers) + u64::from(self.companies)
    }
}

/// One generated record, in the order it must be stored. A seeker is the
/// largest variant and, with its events, the most common: boxing it would
/// add an allocation per seeker to save some 200 bytes on the rarer kinds.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "record", rename_all = "snake_case")]
pub enum DemoItem {
    Counselor(Counselor),
    Partner(PartnerInstitution),
    Company(Company),
    Vacancy(Vacancy),
    Seeker(JobSeeker),
    Event(CaseEvent),
    Referral(Referral),
    Application(Application),
}

impl DemoItem {
    pub fn id(&self) -> Id {
        match self {
            DemoItem::Counselor(r) => r.id,
            DemoItem::Partner(r) => r.id,
            DemoItem::Company(r) => r.id,
            DemoItem::Vacancy(r) => r.id,
            DemoItem::Seeker(r) => r.id,
            DemoItem::Event(r) => r.id,
            DemoItem::Referral(r) => r.id,
            DemoItem::Application(r) => r.id,
        }
    }

    pub fn kind(&self) -> EntityKind {
        match self {
            DemoItem::Counselor(_) => EntityKind::Counselor,
            DemoItem::Partner(_) => EntityKind::Partner,
            DemoItem::Company(_) => EntityKind::Company,
            DemoItem::Vacancy(_) => EntityKind::Vacancy,
            DemoItem::Seeker(_) => EntityKind::Seeker,
            DemoItem::Event(_) => EntityKind::Event,
            DemoItem::Referral(_) => EntityKind::Referral,
            DemoItem::Application(_) => EntityKind::Application,
        }
    }

    /// Whether the item completes a progress step: each company and each
    /// seeker is one of [`DemoSpec::total_steps`].
    pub fn is_step(&self) -> bool {
        matches!(self, DemoItem::Company(_) | DemoItem::Seeker(_))
    }
}

/// How many records of each kind a run emitted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    pub counselors: u32,
    pub partners: u32,
    pub companies: u32,
    pub vacancies: u32,
    pub seekers: u32,
    pub events: u64,
    pub referrals: u64,
    pub applications: u64,
}

impl DemoSummary {
    fn count(&mut self, item: &DemoItem) {
        match item {
            DemoItem::Counselor(_) => self.counselors += 1,
            DemoItem::Partner(_) => self.partners += 1,
            DemoItem::Company(_) => self.companies += 1,
            DemoItem::Vacancy(_) => self.vacancies += 1,
            DemoItem::Seeker(_) => self.seekers += 1,
            DemoItem::Event(_) => self.events += 1,
            DemoItem::Referral(_) => self.referrals += 1,
            DemoItem::Application(_) => self.applications += 1,
        }
    }

    /// All records emitted.
    pub fn total(&self) -> u64 {
        u64::from(self.counselors)
            + u64::from(self.partners)
            + u64::from(self.companies)
            + u64::from(self.vacancies)
            + u64::from(self.seekers)
            + self.events
            + self.referrals
            + self.applications
    }
}

impl fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "상담사 {}명, 연계기관 {}곳, 기업 {}곳, 구인공고 {}건, 구직자 {}명, 상담·활동 기록 {}건, 기관연계 {}건, 알선 {}건",
            self.counselors,
            self.partners,
            self.companies,
            self.vacancies,
            self.seekers,
            self.events,
            self.referrals,
            self.applications
        )
    }
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum DemoError<E> {
    /// The center has no 시군구, so there is no region to place people in.
    #[error("센터 소재지(시군구)가 없어 가상 데이터를 만들 지역을 정할 수 없습니다.")]
    CenterWithoutRegion,
    #[error("센터 소재지를 찾을 수 없습니다")]
    UnknownRegion(#[source] UnknownRegion),
    /// The sink refused an item; the run stopped there.
    #[error("가상 데이터를 저장하지 못했습니다")]
    Sink(#[source] E),
}

/// Generates the caseload `spec` describes and hands each record to `sink` in
/// dependency order. Stops at the first error the sink returns.
pub fn generate<E>(
    spec: &DemoSpec,
    sink: &mut dyn FnMut(DemoItem) -> Result<(), E>,
) -> Result<DemoSummary, DemoError<E>> {
    let code = spec
        .center
        .sigungu
        .as_ref()
        .ok_or(DemoError::CenterWithoutRegion)?;
    let refdata = doyak_refdata::get();
    let region = region::Region::new(refdata, code.as_str()).map_err(DemoError::UnknownRegion)?;
    let world = World::new(spec, refdata, region);

    let mut summary = DemoSummary::default();
    let mut buffer: Vec<DemoItem> = Vec::new();
    let mut flush = |buffer: &mut Vec<DemoItem>, summary: &mut DemoSummary| {
        for item in buffer.drain(..) {
            summary.count(&item);
            sink(item).map_err(DemoError::Sink)?;
        }
        Ok(())
    };

    let team = team::Team::build(&world, spec.seekers, &mut buffer);
    flush(&mut buffer, &mut summary)?;

    let mut firms = company::CompanyMaker::new(&world, &team);
    for i in 0..spec.companies {
        firms.make(i, &mut buffer);
        flush(&mut buffer, &mut summary)?;
    }
    let market = firms.into_market();

    let mut people = seeker::SeekerMaker::new(&world, &team, &market);
    for i in 0..spec.seekers {
        people.make(i, &mut buffer);
        flush(&mut buffer, &mut summary)?;
    }
    Ok(summary)
}

/// Generates the whole caseload into memory; for tests and small demos.
pub fn generate_vec(
    spec: &DemoSpec,
) -> Result<(Vec<DemoItem>, DemoSummary), DemoError<std::convert::Infallible>> {
    let mut items = Vec::new();
    let summary = generate(spec, &mut |item| {
        items.push(item);
        Ok(())
    })?;
    Ok((items, summary))
}

/// What every part of the generator reads: the spec's fixed inputs and the
/// tables built once per run.
#[derive(Debug)]
pub(crate) struct World {
    pub seed: u64,
    pub today: NaiveDate,
    pub center_id: Id,
    pub refdata: &'static doyak_refdata::RefData,
    pub region: region::Region,
    pub jobs: Vec<jobs::ResolvedJob>,
    pub industries: industry::Industries,
    /// Jobs seekers ask for, by gender (male, female) and age band.
    pub seeker_jobs: [[Vec<(jobs::Job, u32)>; 3]; 2],
}

impl World {
    fn new(
        spec: &DemoSpec,
        refdata: &'static doyak_refdata::RefData,
        region: region::Region,
    ) -> World {
        let industries = industry::Industries::new(refdata, &region);
        World {
            seed: spec.seed,
            today: spec.today,
            center_id: spec.center.id,
            refdata,
            jobs: jobs::resolve(refdata),
            industries,
            seeker_jobs: [true, false]
                .map(|male| [0, 1, 2].map(|band| jobs::seeker_table(male, band))),
            region,
        }
    }

    pub(crate) fn job(&self, job: jobs::Job) -> &jobs::ResolvedJob {
        &self.jobs[job as usize]
    }
}

/// The random streams of one seed, one per phase, so that the number of
/// companies does not change who the counselors are.
pub(crate) mod streams {
    pub const TEAM: u64 = 0;
    pub const COMPANIES: u64 = 1;
    pub const SEEKERS: u64 = 2;
}
