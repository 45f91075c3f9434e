//! 성과: the caseload read into doyak-kpi's facts (current versions of
//! every event, codes turned into the Korean labels the cuts show), and
//! the figures for a period — as published (every cell under 5 hidden),
//! which is what the CLI and the exports hand out.

use crate::{AppError, Desk};
use chrono::NaiveDate;
use doyak_domain::events::{
    ActionStatus, ApplicationStatus, CaseEvent, CompanyActionKind, EventBody, IapCompliance,
};
use doyak_domain::{FieldError, Id, SeekerStatus};
use doyak_interchange::{ReportCell, ReportSheet};
use doyak_kpi::input::{
    Caseload, Check, Company as FirmFacts, CompanyCuts, IapCheck, Placement as PlacedFacts,
    Referral as ReferralFacts, Seeker as SeekerFacts, SeekerCuts, Session, Vacancy as VacancyFacts,
};
use doyak_kpi::{Period, PublishedFigure};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

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

/// The events of one type still current: none later supersedes them.
fn current(events: Vec<CaseEvent>) -> Vec<CaseEvent> {
    let replaced: HashSet<Id> = events.iter().filter_map(|e| e.supersedes).collect();
    events
        .into_iter()
        .filter(|e| !replaced.contains(&e.id))
        .collect()
}

fn sigungu_label(code: &str) -> String {
    doyak_refdata::get()
        .sigungu(code)
        .map_or_else(|| code.to_owned(), |s| s.full_name())
}

fn first(map: &mut HashMap<Id, NaiveDate>, id: Id, on: NaiveDate) {
    map.entry(id)
        .and_modify(|d| *d = (*d).min(on))
        .or_insert(on);
}

impl Desk {
    /// Everything the figures read, from the whole caseload.
    pub fn kpi_caseload(&self) -> Result<Caseload, AppError> {
        let store = &self.store;
        let counselors: HashMap<Id, String> = store
            .counselors()?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let name_of = |id: Option<Id>| {
            id.and_then(|i| counselors.get(&i).cloned())
                .unwrap_or_default()
        };
        let seekers = store.seekers_with_status(&SeekerStatus::ALL)?;
        let seeker_cuts: HashMap<Id, SeekerCuts> = seekers
            .iter()
            .map(|s| {
                (
                    s.id,
                    SeekerCuts {
                        counselor: name_of(s.counselor_id),
                        track: s.track.label_ko().to_owned(),
                        target_groups: s
                            .target_groups
                            .iter()
                            .map(|g| g.label_ko().to_owned())
                            .collect(),
                        sigungu: s
                            .home_sigungu
                            .as_ref()
                            .map(|c| sigungu_label(c.as_str()))
                            .unwrap_or_default(),
                    },
                )
            })
            .collect();
        let cuts_of = |id: Id| seeker_cuts.get(&id).cloned().unwrap_or_default();

        let mut diagnosed: HashMap<Id, NaiveDate> = HashMap::new();
        for e in current(store.events_of_type("diagnosis")?) {
            first(&mut diagnosed, e.subject_id, e.occurred_on);
        }
        let mut first_session: HashMap<Id, NaiveDate> = HashMap::new();
        let mut sessions = Vec::new();
        let all_sessions = store.events_of_type("counseling_session")?;
        let session_by_id: HashMap<Id, &CaseEvent> =
            all_sessions.iter().map(|e| (e.id, e)).collect();
        let replaced: HashSet<Id> = all_sessions.iter().filter_map(|e| e.supersedes).collect();
        for e in all_sessions.iter().filter(|e| !replaced.contains(&e.id)) {
            // Sessions of a seeker no longer in the caseload are not counted.
            if !seeker_cuts.contains_key(&e.subject_id) {
                continue;
            }
            if let EventBody::CounselingSession { minutes, .. } = &e.body {
                first(&mut first_session, e.subject_id, e.occurred_on);
                // Counted for the counselor who held it: the first version's
                // author, not whoever corrected the note later.
                let held_by = crate::iap::earlier(e, &session_by_id)
                    .first()
                    .map_or(e.author_id, |root| root.author_id);
                sessions.push(Session {
                    on: e.occurred_on,
                    minutes: *minutes,
                    counselor: name_of(held_by),
                    seeker: cuts_of(e.subject_id),
                });
            }
        }
        // 알선: an application past 후보, or a referral to a partner.
        let mut first_referral: HashMap<Id, NaiveDate> = HashMap::new();
        for a in store.all_applications()? {
            if a.status != ApplicationStatus::Shortlisted {
                first(&mut first_referral, a.seeker_id, a.applied_on);
            }
        }
        let partner_kind: HashMap<Id, String> = store
            .partners()?
            .into_iter()
            .map(|p| {
                let label = doyak_refdata::get()
                    .partner_types
                    .iter()
                    .find(|t| t.id == p.kind)
                    .map_or_else(|| p.kind.clone(), |t| t.name_ko.clone());
                (p.id, label)
            })
            .collect();
        let mut referrals = Vec::new();
        for r in store.all_referrals()? {
            if seeker_cuts.contains_key(&r.subject_id) {
                first(&mut first_referral, r.subject_id, r.referred_on);
                referrals.push(ReferralFacts {
                    on: r.referred_on,
                    partner_type: partner_kind.get(&r.partner_id).cloned().unwrap_or_default(),
                    outcome: r.status.label_ko().to_owned(),
                    seeker: cuts_of(r.subject_id),
                });
            }
        }

        // Checks by placement, in the order they happened.
        let mut checks: HashMap<Id, Vec<Check>> = HashMap::new();
        for e in current(store.events_of_type("retention_check")?) {
            if let EventBody::RetentionCheck {
                months,
                still_employed,
                ..
            } = e.body
            {
                checks.entry(e.subject_id).or_default().push(Check {
                    months,
                    still_employed,
                });
            }
        }
        let refdata = doyak_refdata::get();
        let mut placements: HashMap<Id, Vec<PlacedFacts>> = HashMap::new();
        // (vacancy, started) of every hire through the center, for 충원.
        let mut hires_by_vacancy: HashMap<Id, Vec<NaiveDate>> = HashMap::new();
        let mut firm_days: HashMap<Id, Vec<NaiveDate>> = HashMap::new();
        for e in current(store.events_of_type("placement")?) {
            if let EventBody::Placement {
                company_id,
                vacancy_id,
                occupation,
                wage_monthly,
                ..
            } = &e.body
            {
                if let Some(v) = vacancy_id {
                    hires_by_vacancy.entry(*v).or_default().push(e.occurred_on);
                }
                if let Some(c) = company_id {
                    firm_days.entry(*c).or_default().push(e.occurred_on);
                }
                let occupation = occupation
                    .as_ref()
                    .and_then(|o| o.as_str().get(..2))
                    .and_then(|m| refdata.keco(m))
                    .map(|k| k.name_ko.clone())
                    .unwrap_or_default();
                placements
                    .entry(e.subject_id)
                    .or_default()
                    .push(PlacedFacts {
                        started_on: e.occurred_on,
                        wage_monthly: *wage_monthly,
                        occupation,
                        company: company_id.map(|c| c.to_string()),
                        checks: checks.remove(&e.id).unwrap_or_default(),
                    });
            }
        }
        let mut iap_checks = Vec::new();
        for e in current(store.events_of_type("iap_activity")?) {
            if !seeker_cuts.contains_key(&e.subject_id) {
                continue;
            }
            if let EventBody::IapActivity {
                month,
                compliance: Some(c),
                ..
            } = &e.body
                && *c != IapCompliance::Cancelled
                && let Ok(month) = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
            {
                iap_checks.push(IapCheck {
                    month,
                    complied: *c == IapCompliance::Done,
                    seeker: cuts_of(e.subject_id),
                });
            }
        }

        // The company side.
        let mut diagnoses: HashMap<Id, Vec<NaiveDate>> = HashMap::new();
        for e in current(store.events_of_type("hiring_diagnosis")?) {
            diagnoses
                .entry(e.subject_id)
                .or_default()
                .push(e.occurred_on);
        }
        for e in store.events_of_type("company_visit")? {
            firm_days
                .entry(e.subject_id)
                .or_default()
                .push(e.occurred_on);
        }
        let actions = store.events_of_type("company_action")?;
        let by_id: HashMap<Id, &CaseEvent> = actions.iter().map(|e| (e.id, e)).collect();
        let status_of = |e: &CaseEvent| match &e.body {
            EventBody::CompanyAction { status, .. } => *status,
            _ => None,
        };
        let mut done: HashMap<Id, Vec<NaiveDate>> = HashMap::new();
        let mut linked: HashMap<Id, Vec<NaiveDate>> = HashMap::new();
        for e in &actions {
            firm_days
                .entry(e.subject_id)
                .or_default()
                .push(e.occurred_on);
            // 완료: the version that made it so (its predecessor was not).
            let before = e
                .supersedes
                .and_then(|p| by_id.get(&p))
                .and_then(|p| status_of(p));
            if status_of(e) == Some(ActionStatus::Done) && before != Some(ActionStatus::Done) {
                done.entry(e.subject_id).or_default().push(e.occurred_on);
            }
            // 지원사업 연계: each action once, on the day it was first planned.
            if e.supersedes.is_none()
                && matches!(
                    e.body,
                    EventBody::CompanyAction {
                        kind: CompanyActionKind::Subsidy,
                        ..
                    }
                )
            {
                linked.entry(e.subject_id).or_default().push(e.occurred_on);
            }
        }
        let vacancies = store.vacancies(&Default::default())?;
        let mut vacancy_facts = Vec::new();
        for v in &vacancies {
            firm_days.entry(v.company_id).or_default().push(v.opened_on);
            let mut hired = hires_by_vacancy.remove(&v.id).unwrap_or_default();
            hired.sort_unstable();
            let filled_on = usize::try_from(v.headcount)
                .ok()
                .filter(|h| *h > 0)
                .and_then(|h| hired.get(h - 1).copied());
            vacancy_facts.push(VacancyFacts {
                company: v.company_id.to_string(),
                opened_on: v.opened_on,
                filled_on,
            });
        }
        let companies = store
            .companies(&Default::default())?
            .into_iter()
            .map(|c| FirmFacts {
                id: c.id.to_string(),
                cuts: CompanyCuts {
                    focus_industries: c
                        .focus_industries
                        .iter()
                        .map(|f| f.label_ko().to_owned())
                        .collect(),
                    industrial_complex: c.industrial_complex.clone().unwrap_or_default(),
                    sigungu: sigungu_label(c.sigungu.as_str()),
                },
                activity: firm_days.remove(&c.id).unwrap_or_default(),
                diagnoses: diagnoses.remove(&c.id).unwrap_or_default(),
                actions_done: done.remove(&c.id).unwrap_or_default(),
                programs_linked: linked.remove(&c.id).unwrap_or_default(),
            })
            .collect();

        let seekers = seekers
            .iter()
            .map(|s| SeekerFacts {
                id: s.id.to_string(),
                enrolled_on: s.enrolled_on,
                active: !matches!(s.status, SeekerStatus::Employed | SeekerStatus::Closed),
                cuts: cuts_of(s.id),
                diagnosed_on: diagnosed.get(&s.id).copied(),
                first_session_on: first_session.get(&s.id).copied(),
                first_referral_on: first_referral.get(&s.id).copied(),
                placements: placements.remove(&s.id).unwrap_or_default(),
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
        let period = Period::months(from, to, today).map_err(|e| {
            let field = match e {
                doyak_kpi::PeriodError::BadMonth(ref m) if m == to.trim() => "to",
                doyak_kpi::PeriodError::BadMonth(_) => "from",
                doyak_kpi::PeriodError::Reversed { .. } => "to",
            };
            AppError::Invalid(vec![FieldError::new(field, "기간", e.to_string())])
        })?;
        let facts = self.kpi_caseload()?;
        Ok(KpiReport {
            format: KPI_FORMAT.to_owned(),
            version: 1,
            center: self.center_name().to_owned(),
            from: from.trim().to_owned(),
            to: to.trim().to_owned(),
            computed_on: today.to_string(),
            figures: doyak_kpi::compute(&facts, period)
                .iter()
                .map(doyak_kpi::publish)
                .collect(),
        })
    }
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
        return [
            ReportCell::Text(format!("{}{} 미만", doyak_kpi::MIN_CELL, f.n_unit)),
            ReportCell::Blank,
        ];
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
