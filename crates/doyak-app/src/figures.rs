//! 성과: the caseload read into doyak-kpi's facts (current versions of
//! every event, codes turned into the Korean labels the cuts show), and
//! the figures for a period — as published (every cell under 5 hidden),
//! which is what the CLI and the exports hand out.

use crate::{AppError, Desk};
use chrono::NaiveDate;
use doyak_domain::EntityKind;
use doyak_domain::events::{ActionStatus, CompanyActionKind, IapCompliance, ReferralStatus};
use doyak_domain::seeker::{TargetGroup, Track};
use doyak_domain::{FieldError, FocusIndustry, SeekerStatus};
use doyak_interchange::{ReportCell, ReportSheet};
use doyak_kpi::input::{
    Caseload, Check, Company as FirmFacts, CompanyCuts, IapChecks, Placement as PlacedFacts,
    Referral as ReferralFacts, Seeker as SeekerFacts, SeekerCuts, Sessions, Slice,
    Vacancy as VacancyFacts,
};
use doyak_kpi::{Cut, Period, PublishedFigure};
use doyak_store::{KpiEvent, KpiSeeker};
use serde::Serialize;
// Keyed by the caseload's own ids and labels: a fast hash, with no need
// to defend against chosen keys (SipHash was some 8% of 성과's time at
// 50,000 seekers).
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

pub const KPI_FORMAT: &str = "doyak.kpi";

/// The figures of a period as they may leave the desk (docs/kpi.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KpiReport {
    pub format: String,
    pub version: u32,
    pub center: String,
    pub from: String,
    pub to: String,
    pub computed_on: String,
    pub figures: Vec<PublishedFigure>,
}

fn sigungu_label(code: &str) -> String {
    doyak_refdata::get()
        .sigungu(code)
        .map_or_else(|| code.to_owned(), |s| s.full_name())
}

fn first<'a>(map: &mut HashMap<&'a str, NaiveDate>, id: &'a str, on: NaiveDate) {
    map.entry(id)
        .and_modify(|d| *d = (*d).min(on))
        .or_insert(on);
}

/// A code as stored (a serde name) read back as its enum; `None` when the
/// code is unknown to this build.
fn code<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
}

/// "2026-03" → its first day.
fn month_start(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok()
}

/// Turns the codes the store keeps into the Korean labels the cuts show.
struct Labels {
    counselors: HashMap<String, String>,
}

/// A seeker's cut codes as stored: counselor id, track, 시군구 and the
/// JSON array of target groups.
type SeekerCodes<'a> = [Option<&'a str>; 4];

fn seeker_codes(s: &KpiSeeker) -> SeekerCodes<'_> {
    [
        s.counselor_id.as_deref(),
        s.track.as_deref(),
        s.home_sigungu.as_deref(),
        s.target_groups.as_deref(),
    ]
}

impl Labels {
    fn counselor(&self, id: Option<&str>) -> String {
        id.and_then(|i| self.counselors.get(i).cloned())
            .unwrap_or_default()
    }

    fn seeker(&self, [counselor, track, sigungu, groups]: SeekerCodes<'_>) -> SeekerCuts {
        let groups: Vec<String> = groups
            .and_then(|g| serde_json::from_str::<Vec<String>>(g).ok())
            .unwrap_or_default()
            .iter()
            .map(|g| target_group_label(g))
            .collect();
        SeekerCuts {
            counselor: self.counselor(counselor),
            track: track.map(track_label).unwrap_or_default(),
            target_groups: groups,
            sigungu: sigungu.map(sigungu_label).unwrap_or_default(),
        }
    }

    /// A sum the store kept, its row's code as the cut shows it (a cut
    /// this build does not know: `None`).
    fn slice(&self, cut: &str, key: &str) -> Option<Slice> {
        let (cut, key) = match cut {
            "month" => return Some(Slice::Month),
            "counselor" => (Cut::Counselor, self.counselor(Some(key))),
            "track" => (Cut::Track, track_label(key)),
            "sigungu" => (Cut::Sigungu, sigungu_label(key)),
            "target_group" => (Cut::TargetGroup, target_group_label(key)),
            _ => return None,
        };
        Some(Slice::Row { cut, key })
    }
}

/// A track's label; a code this build does not know, as it is ("" none).
fn track_label(code: &str) -> String {
    self::code::<Track>(code).map_or_else(|| code.to_owned(), |t| t.label_ko().to_owned())
}

fn target_group_label(code: &str) -> String {
    self::code::<TargetGroup>(code).map_or_else(|| code.to_owned(), |t| t.label_ko().to_owned())
}

/// Of each chain of versions, the one the figures count.
fn counted<'a>(events: &'a [KpiEvent], event_type: &'a str) -> impl Iterator<Item = &'a KpiEvent> {
    events
        .iter()
        .filter(move |e| e.counted && e.event_type == event_type)
}

/// What invalidates 성과's facts: every kind the figures read.
const FACT_KINDS: [EntityKind; 8] = [
    EntityKind::Counselor,
    EntityKind::Partner,
    EntityKind::Seeker,
    EntityKind::Company,
    EntityKind::Vacancy,
    EntityKind::Referral,
    EntityKind::Application,
    EntityKind::Event,
];

/// The store's largest reads for 성과, each kept until what it reads
/// changes: a session saved reads the first 진단·상담 again, but not the
/// seekers nor the placements and company events (some 110 of 250 ms at
/// 50,000 seekers, docs/benchmarks.md).
#[derive(Debug, Default)]
pub struct KpiReads {
    seekers: Kept<Vec<KpiSeeker>>,
    firsts: Kept<Vec<(String, String, NaiveDate)>>,
    events: Kept<Vec<KpiEvent>>,
}

type Kept<T> = Option<(u64, Arc<T>)>;

/// The events `Store::kpi_firsts` and `Store::kpi_events` read.
const FIRST_TYPES: [&str; 2] = ["diagnosis", "counseling_session"];
const EVENT_TYPES: [&str; 5] = [
    "placement",
    "retention_check",
    "company_visit",
    "hiring_diagnosis",
    "company_action",
];

/// What `slot` kept if it was read at `changes`, else read afresh.
fn kept<T>(
    slot: &mut Kept<T>,
    changes: u64,
    read: impl FnOnce() -> doyak_store::Result<T>,
) -> Result<Arc<T>, AppError> {
    if let Some((at, value)) = slot
        && *at == changes
    {
        return Ok(value.clone());
    }
    let value = Arc::new(read()?);
    *slot = Some((changes, value.clone()));
    Ok(value)
}

/// The facts of a range of months, as read at one state of the caseload.
#[derive(Debug)]
pub struct KpiFacts {
    changes: u64,
    from: NaiveDate,
    to: NaiveDate,
    facts: Arc<Caseload>,
}

impl Desk {
    /// The facts for figures of `from`..=`to`, from the last read if the
    /// caseload has not changed since and that read covered these months
    /// (facts of more months give the same figures: `compute` takes the
    /// period's own), else read afresh (about a second at 50,000 seekers).
    pub fn kpi_facts(&self, from: NaiveDate, to: NaiveDate) -> Result<Arc<Caseload>, AppError> {
        let changes = self.store.changes(&FACT_KINDS)?;
        if let Some(kept) = self.kpi_facts.borrow().as_ref()
            && kept.changes == changes
            && kept.from <= from
            && to <= kept.to
        {
            return Ok(kept.facts.clone());
        }
        let facts = Arc::new(self.kpi_caseload(from, to)?);
        *self.kpi_facts.borrow_mut() = Some(KpiFacts {
            changes,
            from,
            to,
            facts: facts.clone(),
        });
        Ok(facts)
    }

    /// Everything the figures read: the whole caseload's seekers, firms,
    /// placements and company events, and the sessions and IAP checks of
    /// the months `from`..=`to` only, summed by the store (docs/kpi.md):
    /// figures of another period need the facts read for it.
    pub fn kpi_caseload(&self, from: NaiveDate, to: NaiveDate) -> Result<Caseload, AppError> {
        let store = &self.store;
        let labels = Labels {
            counselors: store
                .counselors()?
                .into_iter()
                .map(|c| (c.id.to_string(), c.name))
                .collect(),
        };
        let mut reads = self.kpi_reads.borrow_mut();
        let seekers = kept(
            &mut reads.seekers,
            store.changes(&[EntityKind::Seeker])?,
            || store.kpi_seekers(),
        )?;
        // Labelled once per distinct set of codes (seekers share them);
        // the maps below borrow the ids from the reads.
        let mut labelled: HashMap<SeekerCodes<'_>, SeekerCuts> = HashMap::default();
        for s in seekers.iter() {
            labelled
                .entry(seeker_codes(s))
                .or_insert_with(|| labels.seeker(seeker_codes(s)));
        }
        let seeker_cuts: HashMap<&str, &SeekerCuts> = seekers
            .iter()
            .filter_map(|s| Some((s.id.as_str(), labelled.get(&seeker_codes(s))?)))
            .collect();
        let cuts_of = |id: &str| {
            seeker_cuts
                .get(id)
                .map(|c| (*c).clone())
                .unwrap_or_default()
        };

        let mut diagnosed: HashMap<&str, NaiveDate> = HashMap::default();
        let mut first_session: HashMap<&str, NaiveDate> = HashMap::default();
        let firsts = kept(
            &mut reads.firsts,
            store.event_changes(&FIRST_TYPES)?,
            || store.kpi_firsts(),
        )?;
        for (seeker, kind, on) in firsts.iter() {
            match kind.as_str() {
                "diagnosis" => diagnosed.insert(seeker, *on),
                _ => first_session.insert(seeker, *on),
            };
        }
        // 알선: an application past 후보, or a referral to a partner.
        let applications = store.kpi_first_applications()?;
        let mut first_referral: HashMap<&str, NaiveDate> = applications
            .iter()
            .map(|(seeker, on)| (seeker.as_str(), *on))
            .collect();
        let partner_kind: HashMap<String, String> = store
            .partners()?
            .into_iter()
            .map(|p| {
                let label = doyak_refdata::get()
                    .partner_types
                    .iter()
                    .find(|t| t.id == p.kind)
                    .map_or_else(|| p.kind.clone(), |t| t.name_ko.clone());
                (p.id.to_string(), label)
            })
            .collect();
        let mut referrals = Vec::new();
        let referral_rows = store.kpi_referrals()?;
        for r in &referral_rows {
            let Some(on) = r.referred_on else { continue };
            if seeker_cuts.contains_key(r.subject_id.as_str()) {
                first(&mut first_referral, &r.subject_id, on);
                referrals.push(ReferralFacts {
                    seeker_id: r.subject_id.clone(),
                    on,
                    partner_type: r
                        .partner_id
                        .as_ref()
                        .and_then(|p| partner_kind.get(p).cloned())
                        .unwrap_or_default(),
                    outcome: r
                        .status
                        .as_deref()
                        .and_then(code::<ReferralStatus>)
                        .map(|s| s.label_ko().to_owned())
                        .unwrap_or_default(),
                    seeker: cuts_of(&r.subject_id),
                });
            }
        }

        let (from_month, to_month) = (doyak_kpi::month_key(from), doyak_kpi::month_key(to));
        let mut sessions = Vec::new();
        for g in store.kpi_sessions(&from_month, &to_month)? {
            if let (Some(month), Some(slice)) =
                (month_start(&g.month), labels.slice(&g.cut, &g.key))
            {
                sessions.push(Sessions {
                    month,
                    slice,
                    sessions: g.n,
                    minutes: u64::try_from(g.minutes).unwrap_or(0),
                });
            }
        }
        // Checked and done as planned, per month and slice: a result
        // summed apart from the others is added up here.
        let mut iap: HashMap<(String, String, String), (u32, u32)> = HashMap::default();
        for g in store.kpi_iap_checks(&from_month, &to_month)? {
            let result = code::<IapCompliance>(&g.compliance);
            if matches!(result, None | Some(IapCompliance::Cancelled)) {
                continue;
            }
            let tally = iap.entry((g.month, g.cut, g.key)).or_default();
            tally.0 += g.n;
            if result == Some(IapCompliance::Done) {
                tally.1 += g.n;
            }
        }
        let mut iap_checks = Vec::new();
        for ((month, cut, key), (checked, complied)) in iap {
            if let (Some(month), Some(slice)) = (month_start(&month), labels.slice(&cut, &key)) {
                iap_checks.push(IapChecks {
                    month,
                    slice,
                    checked,
                    complied,
                });
            }
        }

        // In order of type, day and id (a check's latest of the same day
        // is the same on every desk).
        let events = kept(
            &mut reads.events,
            store.event_changes(&EVENT_TYPES)?,
            || store.kpi_events(),
        )?;
        // A check names the placement's version it followed: keyed by the
        // placement's chain, it stays with a placement corrected since.
        let placement_chain: HashMap<&str, &str> = events
            .iter()
            .filter(|e| e.event_type == "placement")
            .map(|e| (e.id.as_str(), e.chain.as_str()))
            .collect();
        let mut checks: HashMap<&str, Vec<Check>> = HashMap::default();
        for e in counted(&events, "retention_check") {
            if let (Some(months), Some(still_employed)) = (e.months, e.still_employed) {
                let placement = placement_chain
                    .get(e.subject_id.as_str())
                    .copied()
                    .unwrap_or(e.subject_id.as_str());
                checks.entry(placement).or_default().push(Check {
                    months,
                    still_employed,
                });
            }
        }
        let refdata = doyak_refdata::get();
        let mut placements: HashMap<&str, Vec<PlacedFacts>> = HashMap::default();
        // The start of every hire through the center, by vacancy, for 충원.
        let mut hires_by_vacancy: HashMap<&str, Vec<NaiveDate>> = HashMap::default();
        let mut firm_days: HashMap<String, Vec<NaiveDate>> = HashMap::default();
        for e in counted(&events, "placement") {
            if let Some(v) = &e.vacancy_id {
                hires_by_vacancy.entry(v).or_default().push(e.occurred_on);
            }
            if let Some(c) = &e.company_id {
                firm_days.entry(c.clone()).or_default().push(e.occurred_on);
            }
            let occupation = e
                .occupation
                .as_deref()
                .and_then(|o| o.get(..2))
                .and_then(|m| refdata.keco(m))
                .map(|k| k.name_ko.clone())
                .unwrap_or_default();
            placements
                .entry(&e.subject_id)
                .or_default()
                .push(PlacedFacts {
                    started_on: e.occurred_on,
                    wage_monthly: e.wage_monthly,
                    occupation,
                    company: e.company_id.clone(),
                    checks: checks.remove(e.chain.as_str()).unwrap_or_default(),
                });
        }

        // The company side.
        let mut diagnoses: HashMap<&str, Vec<NaiveDate>> = HashMap::default();
        for e in counted(&events, "hiring_diagnosis") {
            diagnoses
                .entry(&e.subject_id)
                .or_default()
                .push(e.occurred_on);
        }
        // A visit corrected is the same visit (its counted version's day);
        // each version of an action is a step taken (planned, started,
        // done), so every one is a day of activity.
        for e in counted(&events, "company_visit") {
            firm_days
                .entry(e.subject_id.clone())
                .or_default()
                .push(e.occurred_on);
        }
        // An action counts once, by its counted version: 완료 if that one
        // is, dated when the chain first became 완료; 지원사업 연계 if that
        // one is a program not cancelled, dated when it was first planned.
        let mut chains: HashMap<&str, Vec<&KpiEvent>> = HashMap::default();
        for e in events.iter().filter(|e| e.event_type == "company_action") {
            firm_days
                .entry(e.subject_id.clone())
                .or_default()
                .push(e.occurred_on);
            chains.entry(&e.chain).or_default().push(e);
        }
        let mut done: HashMap<&str, Vec<NaiveDate>> = HashMap::default();
        let mut linked: HashMap<&str, Vec<NaiveDate>> = HashMap::default();
        for versions in chains.values() {
            let Some(now) = versions.iter().find(|e| e.counted) else {
                continue;
            };
            let status = now.action_status.as_deref().and_then(code::<ActionStatus>);
            if status == Some(ActionStatus::Done)
                && let Some(on) = versions
                    .iter()
                    .filter(|e| e.action_status.as_deref() == now.action_status.as_deref())
                    .map(|e| e.occurred_on)
                    .min()
            {
                done.entry(&now.subject_id).or_default().push(on);
            }
            let kind = now
                .action_kind
                .as_deref()
                .and_then(code::<CompanyActionKind>);
            if kind == Some(CompanyActionKind::Subsidy)
                && status != Some(ActionStatus::Cancelled)
                && let Some(on) = versions.iter().map(|e| e.occurred_on).min()
            {
                linked.entry(&now.subject_id).or_default().push(on);
            }
        }
        let mut vacancy_facts = Vec::new();
        for v in store.kpi_vacancies()? {
            let (Some(company), Some(opened_on)) = (v.company_id, v.opened_on) else {
                continue;
            };
            firm_days
                .entry(company.clone())
                .or_default()
                .push(opened_on);
            let mut hired = hires_by_vacancy.remove(v.id.as_str()).unwrap_or_default();
            hired.sort_unstable();
            let filled_on = v
                .headcount
                .and_then(|h| usize::try_from(h).ok())
                .filter(|h| *h > 0)
                .and_then(|h| hired.get(h - 1).copied());
            vacancy_facts.push(VacancyFacts {
                company,
                opened_on,
                filled_on,
            });
        }
        let companies = store
            .kpi_companies()?
            .into_iter()
            .map(|c| FirmFacts {
                cuts: CompanyCuts {
                    // Code by code: one this build does not know keeps
                    // its code and the others their labels.
                    focus_industries: c
                        .focus_industries
                        .as_deref()
                        .and_then(|f| serde_json::from_str::<Vec<String>>(f).ok())
                        .unwrap_or_default()
                        .iter()
                        .map(|f| {
                            code::<FocusIndustry>(f)
                                .map_or_else(|| f.clone(), |i| i.label_ko().to_owned())
                        })
                        .collect(),
                    industrial_complex: c.industrial_complex.clone().unwrap_or_default(),
                    sigungu: c.sigungu.as_deref().map(sigungu_label).unwrap_or_default(),
                },
                activity: firm_days.remove(c.id.as_str()).unwrap_or_default(),
                diagnoses: diagnoses.remove(c.id.as_str()).unwrap_or_default(),
                actions_done: done.remove(c.id.as_str()).unwrap_or_default(),
                programs_linked: linked.remove(c.id.as_str()).unwrap_or_default(),
                id: c.id,
            })
            .collect();

        let seekers = seekers
            .iter()
            .map(|s| SeekerFacts {
                enrolled_on: s.enrolled_on,
                active: !matches!(
                    s.status.as_deref().and_then(code::<SeekerStatus>),
                    Some(SeekerStatus::Employed | SeekerStatus::Closed)
                ),
                cuts: cuts_of(&s.id),
                diagnosed_on: diagnosed.get(s.id.as_str()).copied(),
                first_session_on: first_session.get(s.id.as_str()).copied(),
                first_referral_on: first_referral.get(s.id.as_str()).copied(),
                placements: placements.remove(s.id.as_str()).unwrap_or_default(),
                id: s.id.clone(),
            })
            .collect();
        Ok(Caseload {
            seekers,
            sessions,
            referrals,
            iap_checks,
            companies,
            vacancies: vacancy_facts,
        })
    }

    /// `doyak report --from YYYY-MM --to YYYY-MM`: every figure of the
    /// period, published (cells under 5 hidden).
    pub fn kpi_report(&self, from: &str, to: &str) -> Result<KpiReport, AppError> {
        let today = self.clock.today();
        let period = period(from, to, today)?;
        let facts = self.kpi_facts(period.from, period.to)?;
        Ok(KpiReport {
            format: KPI_FORMAT.to_owned(),
            version: 1,
            center: self.center_name().to_owned(),
            from: from.trim().to_owned(),
            to: to.trim().to_owned(),
            computed_on: today.to_string(),
            figures: doyak_kpi::publish_all(&doyak_kpi::compute(&facts, period)),
        })
    }
}

/// The months asked about, or the field at fault in Korean.
pub(crate) fn period(from: &str, to: &str, today: NaiveDate) -> Result<Period, AppError> {
    Period::months(from, to, today).map_err(|e| {
        let field = match e {
            doyak_kpi::PeriodError::BadMonth(ref m) if m == to.trim() => "to",
            doyak_kpi::PeriodError::BadMonth(_) => "from",
            doyak_kpi::PeriodError::Reversed { .. } => "to",
        };
        AppError::Invalid(vec![FieldError::new(field, "기간", e.to_string())])
    })
}

/// The Excel format of a figure's value.
fn value_format(unit: doyak_kpi::Unit) -> &'static str {
    match unit {
        doyak_kpi::Unit::Percent => "0.0\"%\"",
        doyak_kpi::Unit::Days => "#,##0.0",
        _ => "#,##0",
    }
}

/// A published cell as two XLSX cells: n and the value, or "5명 미만" and
/// a blank when hidden (a value over no one is blank too).
fn xlsx_cells(f: &PublishedFigure, c: &doyak_kpi::PublishedCell) -> [ReportCell; 2] {
    if c.suppressed {
        let text = match c.hidden {
            Some(doyak_kpi::Hidden::Protect) => "비공개".to_owned(),
            _ => format!("{}{} 미만", doyak_kpi::MIN_CELL, f.n_unit),
        };
        return [ReportCell::Text(text), ReportCell::Blank];
    }
    [
        c.n.map_or(ReportCell::Blank, |n| ReportCell::Number {
            value: f64::from(n),
            format: "#,##0",
        }),
        c.value.map_or(ReportCell::Blank, |v| ReportCell::Number {
            value: v,
            format: value_format(f.unit),
        }),
    ]
}

/// The report as a workbook: 지표 (every figure's total and definition),
/// then one sheet per cut.
pub fn kpi_xlsx(report: &KpiReport) -> Result<Vec<u8>, AppError> {
    let text = |t: &str| ReportCell::Text(t.to_owned());
    let mut sheets = vec![ReportSheet {
        name: "지표".to_owned(),
        headers: ["id", "구분", "지표", "단위", "n", "값", "정의"]
            .map(str::to_owned)
            .to_vec(),
        rows: report
            .figures
            .iter()
            .map(|f| {
                let [n, value] = xlsx_cells(f, &f.total);
                vec![
                    text(f.id),
                    text(f.side),
                    text(f.label_ko),
                    text(f.unit.label_ko()),
                    n,
                    value,
                    text(f.definition_ko),
                ]
            })
            .collect(),
    }];
    for cut in doyak_kpi::Cut::ALL {
        let mut rows = Vec::new();
        for f in &report.figures {
            for t in f.cuts.iter().filter(|t| t.cut == cut) {
                if t.withheld {
                    // Even with every row hidden the small ones could be
                    // worked out: the cut says so instead of its rows.
                    rows.push(vec![
                        text(f.id),
                        text(f.label_ko),
                        text("(구분 전체 비공개: 5 미만인 칸 보호)"),
                        ReportCell::Blank,
                        ReportCell::Blank,
                    ]);
                }
                for r in &t.rows {
                    let [n, value] = xlsx_cells(f, r);
                    rows.push(vec![text(f.id), text(f.label_ko), text(&r.key), n, value]);
                }
            }
        }
        if !rows.is_empty() {
            sheets.push(ReportSheet {
                name: cut.label_ko().to_owned(),
                headers: vec![
                    "id".to_owned(),
                    "지표".to_owned(),
                    cut.label_ko().to_owned(),
                    "n".to_owned(),
                    "값".to_owned(),
                ],
                rows,
            });
        }
    }
    doyak_interchange::write_report_xlsx(&sheets).map_err(AppError::from)
}
