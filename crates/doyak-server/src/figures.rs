//! A center's 성과 facts (doyak-kpi's [`Caseload`]) from the records the
//! server holds, read by the desk's rules (doyak-store's migration 0012 and
//! doyak-app's `kpi_caseload`), so that the national figures are the
//! desk's figures: a test in doyak-app holds the two to the same figures on
//! a demo caseload.
//!
//! Versions of an event form chains of corrections (`supersedes`); a
//! figure counts each chain once, by the version that is current (nothing
//! stored supersedes it) and was written last (the writing desk's clock,
//! then id): [`chains`]. The cuts carry no labels: the national view cuts
//! by center, region and month only. Pure: no storage.

use crate::model::RecordRow;
use chrono::Datelike;
use chrono::NaiveDate;
use doyak_domain::SeekerStatus;
use doyak_domain::events::{ActionStatus, ApplicationStatus, CompanyActionKind, IapCompliance};
use doyak_domain::{Application, CaseEvent, Company, EventBody, JobSeeker, Referral, Vacancy};
use doyak_kpi::input::{
    Caseload, Check, Company as FirmFacts, IapChecks, Placement as PlacedFacts,
    Referral as ReferralFacts, Seeker as SeekerFacts, Sessions, Slice, Vacancy as VacancyFacts,
};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One version of an event the figures read, with its place in its chain.
#[derive(Debug, Clone)]
pub struct Version {
    pub event: CaseEvent,
    /// The first version of its chain (or, while that one is absent, the
    /// version it names).
    pub chain: String,
    /// The chain's first author: a session counts for who held it.
    pub held_by: Option<String>,
    /// The version the figures count the chain by.
    pub counted: bool,
}

/// The figure type of an event body (the desk's `event.type`), for the
/// kinds the figures read.
fn kind(body: &EventBody) -> Option<&'static str> {
    Some(match body {
        EventBody::Diagnosis { .. } => "diagnosis",
        EventBody::CounselingSession { .. } => "counseling_session",
        EventBody::IapActivity { .. } => "iap_activity",
        EventBody::Placement { .. } => "placement",
        EventBody::RetentionCheck { .. } => "retention_check",
        EventBody::CompanyVisit { .. } => "company_visit",
        EventBody::HiringDiagnosis { .. } => "hiring_diagnosis",
        EventBody::CompanyAction { .. } => "company_action",
        _ => return None,
    })
}

/// Each event's chain, first author and whether it is the counted version
/// (as migration 0012 and `kpi::store_fact` decide), from every stored
/// version: `(event, recorded_at as stored)`. A correction names a
/// version of its own type.
pub fn chains(events: Vec<(CaseEvent, Option<String>)>) -> Vec<Version> {
    let key = |e: &CaseEvent| (kind(&e.body).unwrap_or(""), e.id.to_string());
    let by_key: HashMap<(&str, String), usize> = events
        .iter()
        .enumerate()
        .map(|(i, (e, _))| (key(e), i))
        .collect();
    let parent = |i: usize| {
        let (e, _) = &events[i];
        let s = e.supersedes?;
        by_key
            .get(&(kind(&e.body).unwrap_or(""), s.to_string()))
            .copied()
    };
    // Walk down to the first version present (chains are short: a few
    // corrections at most; a loop in bad data stops after every version).
    let root = |i: usize| {
        let mut at = i;
        for _ in 0..events.len() {
            match parent(at) {
                Some(p) => at = p,
                None => break,
            }
        }
        at
    };
    let superseded: HashSet<(&str, String)> = events
        .iter()
        .filter_map(|(e, _)| Some((kind(&e.body).unwrap_or(""), e.supersedes?.to_string())))
        .collect();
    let mut out: Vec<Version> = events
        .iter()
        .enumerate()
        .map(|(i, (e, _))| {
            let r = &events[root(i)].0;
            Version {
                event: e.clone(),
                chain: r.supersedes.unwrap_or(r.id).to_string(),
                held_by: r.author_id.map(|a| a.to_string()),
                counted: false,
            }
        })
        .collect();
    // The chain counts by its current version written last.
    let mut best: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, v) in out.iter().enumerate() {
        if superseded.contains(&key(&v.event)) {
            continue;
        }
        let order = |j: usize| {
            (
                events[j].1.clone().unwrap_or_default(),
                events[j].0.id.to_string(),
            )
        };
        let slot = best
            .entry((kind(&v.event.body).unwrap_or(""), v.chain.as_str()))
            .or_insert(i);
        if order(i) > order(*slot) {
            *slot = i;
        }
    }
    let counted: HashSet<usize> = best.into_values().collect();
    for (i, v) in out.iter_mut().enumerate() {
        v.counted = counted.contains(&i);
    }
    out
}

fn decoded<T: DeserializeOwned>(row: &RecordRow) -> Option<T> {
    serde_json::from_value(serde_json::Value::Object(row.values())).ok()
}

fn first(map: &mut HashMap<String, NaiveDate>, id: String, on: NaiveDate) {
    map.entry(id)
        .and_modify(|d| *d = (*d).min(on))
        .or_insert(on);
}

fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day0(0).unwrap_or(day)
}

/// The facts of one center's records, for figures of the months
/// `from`..=`to` (sessions and IAP checks of those months only, as the
/// desk reads them; everything else whole).
pub fn caseload(records: &[RecordRow], from: NaiveDate, to: NaiveDate) -> Caseload {
    let live = |entity: &'static str| {
        records
            .iter()
            .filter(move |r| r.entity == entity && !r.deleted)
    };
    let seekers: Vec<JobSeeker> = live("seeker").filter_map(decoded).collect();
    let live_seekers: HashSet<String> = seekers.iter().map(|s| s.id.to_string()).collect();
    let events: Vec<(CaseEvent, Option<String>)> = records
        .iter()
        .filter(|r| r.entity == "event" && !r.deleted)
        .filter_map(|r| {
            let e: CaseEvent = decoded(r)?;
            kind(&e.body)?;
            let recorded_at = r
                .fields
                .get("recorded_at")
                .and_then(|f| f.value.as_str())
                .map(str::to_owned);
            Some((e, recorded_at))
        })
        .collect();
    let mut versions = chains(events);
    // In order of type, day and id, as the desk reads them.
    versions.sort_by(|a, b| {
        (
            kind(&a.event.body),
            a.event.occurred_on,
            a.event.id.to_string(),
        )
            .cmp(&(
                kind(&b.event.body),
                b.event.occurred_on,
                b.event.id.to_string(),
            ))
    });
    let counted = |k: &'static str| {
        versions
            .iter()
            .filter(move |v| v.counted && kind(&v.event.body) == Some(k))
    };
    let (from, to) = (month_start(from), to);
    let in_months = |month: NaiveDate| from <= month && month <= to;

    let mut diagnosed = HashMap::new();
    for v in counted("diagnosis") {
        first(
            &mut diagnosed,
            v.event.subject_id.to_string(),
            v.event.occurred_on,
        );
    }
    let mut first_session = HashMap::new();
    // The server's figures are totals (by center, region, nation): each
    // month's sum is all they read.
    let mut sessions: BTreeMap<NaiveDate, (u32, u64)> = BTreeMap::new();
    for v in counted("counseling_session") {
        let subject = v.event.subject_id.to_string();
        first(&mut first_session, subject.clone(), v.event.occurred_on);
        let month = month_start(v.event.occurred_on);
        if live_seekers.contains(&subject)
            && in_months(month)
            && let EventBody::CounselingSession { minutes, .. } = &v.event.body
        {
            let tally = sessions.entry(month).or_default();
            tally.0 += 1;
            tally.1 += u64::from(*minutes);
        }
    }
    let mut iap: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for v in counted("iap_activity") {
        let EventBody::IapActivity {
            month, compliance, ..
        } = &v.event.body
        else {
            continue;
        };
        let Ok(month) = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d") else {
            continue;
        };
        let checked = matches!(
            compliance,
            Some(IapCompliance::Done | IapCompliance::Partly | IapCompliance::Missed)
        );
        if live_seekers.contains(&v.event.subject_id.to_string()) && in_months(month) && checked {
            let tally = iap.entry(month).or_default();
            tally.0 += 1;
            tally.1 += u32::from(*compliance == Some(IapCompliance::Done));
        }
    }

    let mut first_referral: HashMap<String, NaiveDate> = HashMap::new();
    for a in live("application").filter_map(decoded::<Application>) {
        if a.status != ApplicationStatus::Shortlisted {
            first(&mut first_referral, a.seeker_id.to_string(), a.applied_on);
        }
    }
    let mut referrals = Vec::new();
    for r in live("referral").filter_map(decoded::<Referral>) {
        let seeker = r.subject_id.to_string();
        if live_seekers.contains(&seeker) {
            first(&mut first_referral, seeker.clone(), r.referred_on);
            referrals.push(ReferralFacts {
                seeker_id: seeker,
                on: r.referred_on,
                partner_type: String::new(),
                outcome: String::new(),
                seeker: Default::default(),
            });
        }
    }

    let placement_chain: HashMap<String, &str> = versions
        .iter()
        .filter(|v| kind(&v.event.body) == Some("placement"))
        .map(|v| (v.event.id.to_string(), v.chain.as_str()))
        .collect();
    let mut checks: HashMap<String, Vec<Check>> = HashMap::new();
    for v in counted("retention_check") {
        if let EventBody::RetentionCheck {
            months,
            still_employed,
            ..
        } = &v.event.body
        {
            let subject = v.event.subject_id.to_string();
            let placement = placement_chain
                .get(&subject)
                .map_or(subject.clone(), |c| (*c).to_owned());
            checks.entry(placement).or_default().push(Check {
                months: *months,
                still_employed: *still_employed,
            });
        }
    }
    let mut placements: HashMap<String, Vec<PlacedFacts>> = HashMap::new();
    let mut hires_by_vacancy: HashMap<String, Vec<NaiveDate>> = HashMap::new();
    let mut firm_days: HashMap<String, Vec<NaiveDate>> = HashMap::new();
    for v in counted("placement") {
        let EventBody::Placement {
            company_id,
            vacancy_id,
            wage_monthly,
            ..
        } = &v.event.body
        else {
            continue;
        };
        let on = v.event.occurred_on;
        if let Some(vacancy) = vacancy_id {
            hires_by_vacancy
                .entry(vacancy.to_string())
                .or_default()
                .push(on);
        }
        if let Some(c) = company_id {
            firm_days.entry(c.to_string()).or_default().push(on);
        }
        placements
            .entry(v.event.subject_id.to_string())
            .or_default()
            .push(PlacedFacts {
                started_on: on,
                wage_monthly: *wage_monthly,
                occupation: String::new(),
                company: company_id.map(|c| c.to_string()),
                checks: checks.remove(&v.chain).unwrap_or_default(),
            });
    }

    let mut diagnoses: HashMap<String, Vec<NaiveDate>> = HashMap::new();
    for v in counted("hiring_diagnosis") {
        diagnoses
            .entry(v.event.subject_id.to_string())
            .or_default()
            .push(v.event.occurred_on);
    }
    for v in counted("company_visit") {
        firm_days
            .entry(v.event.subject_id.to_string())
            .or_default()
            .push(v.event.occurred_on);
    }
    let mut action_chains: BTreeMap<&str, Vec<&Version>> = BTreeMap::new();
    for v in versions
        .iter()
        .filter(|v| kind(&v.event.body) == Some("company_action"))
    {
        firm_days
            .entry(v.event.subject_id.to_string())
            .or_default()
            .push(v.event.occurred_on);
        action_chains.entry(&v.chain).or_default().push(v);
    }
    let action = |v: &Version| match &v.event.body {
        EventBody::CompanyAction { kind, status, .. } => (Some(*kind), *status),
        _ => (None, None),
    };
    let mut done: HashMap<String, Vec<NaiveDate>> = HashMap::new();
    let mut linked: HashMap<String, Vec<NaiveDate>> = HashMap::new();
    for chain in action_chains.values() {
        let Some(now) = chain.iter().find(|v| v.counted) else {
            continue;
        };
        let (kind_now, status) = action(now);
        let subject = now.event.subject_id.to_string();
        if status == Some(ActionStatus::Done)
            && let Some(on) = chain
                .iter()
                .filter(|v| action(v).1 == status)
                .map(|v| v.event.occurred_on)
                .min()
        {
            done.entry(subject.clone()).or_default().push(on);
        }
        if kind_now == Some(CompanyActionKind::Subsidy)
            && status != Some(ActionStatus::Cancelled)
            && let Some(on) = chain.iter().map(|v| v.event.occurred_on).min()
        {
            linked.entry(subject).or_default().push(on);
        }
    }
    let mut vacancies = Vec::new();
    for v in live("vacancy").filter_map(decoded::<Vacancy>) {
        let company = v.company_id.to_string();
        firm_days
            .entry(company.clone())
            .or_default()
            .push(v.opened_on);
        let mut hired = hires_by_vacancy
            .remove(&v.id.to_string())
            .unwrap_or_default();
        hired.sort_unstable();
        let filled_on = usize::try_from(v.headcount)
            .ok()
            .filter(|h| *h > 0)
            .and_then(|h| hired.get(h - 1).copied());
        vacancies.push(VacancyFacts {
            company,
            opened_on: v.opened_on,
            filled_on,
        });
    }
    let companies = live("company")
        .filter_map(decoded::<Company>)
        .map(|c| {
            let id = c.id.to_string();
            FirmFacts {
                cuts: Default::default(),
                activity: firm_days.remove(&id).unwrap_or_default(),
                diagnoses: diagnoses.remove(&id).unwrap_or_default(),
                actions_done: done.remove(&id).unwrap_or_default(),
                programs_linked: linked.remove(&id).unwrap_or_default(),
                id,
            }
        })
        .collect();
    let seekers = seekers
        .into_iter()
        .map(|s| {
            let id = s.id.to_string();
            SeekerFacts {
                enrolled_on: s.enrolled_on,
                active: !matches!(s.status, SeekerStatus::Employed | SeekerStatus::Closed),
                cuts: Default::default(),
                diagnosed_on: diagnosed.get(&id).copied(),
                first_session_on: first_session.get(&id).copied(),
                first_referral_on: first_referral.get(&id).copied(),
                placements: placements.remove(&id).unwrap_or_default(),
                id,
            }
        })
        .collect();
    Caseload {
        seekers,
        sessions: sessions
            .into_iter()
            .map(|(month, (sessions, minutes))| Sessions {
                month,
                slice: Slice::Month,
                sessions,
                minutes,
            })
            .collect(),
        referrals,
        iap_checks: iap
            .into_iter()
            .map(|(month, (checked, complied))| IapChecks {
                month,
                slice: Slice::Month,
                checked,
                complied,
            })
            .collect(),
        companies,
        vacancies,
    }
}
