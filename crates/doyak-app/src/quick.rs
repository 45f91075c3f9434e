//! 통합 검색 (Ctrl+K anywhere): one query over seekers, companies and
//! vacancies, a few of each, so a counselor can open any record from any
//! screen without first choosing its list.

use crate::{AppError, CompanyListQuery, Desk, SeekerListQuery, VacancyListQuery};
use serde::Serialize;
use ts_rs::TS;

/// The most hits of each kind the search shows; the totals say how many more
/// the kind's own list has.
pub const QUICK_PER_KIND: u32 = 5;

/// What a hit opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuickKind {
    Seeker,
    Company,
    Vacancy,
}

/// One hit: enough to recognise the record, never more personal data than
/// the lists show (a masked phone, an age).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuickHit {
    pub kind: QuickKind,
    pub id: String,
    pub title: String,
    pub detail: String,
}

/// One group of hits with the total its list would show for the same text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuickGroup {
    pub kind: QuickKind,
    /// 구직자, 기업, 구인.
    pub label: String,
    pub hits: Vec<QuickHit>,
    #[ts(type = "number")]
    pub total: u64,
}

/// The answer to one query: the three groups in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuickResults {
    pub query: String,
    pub groups: Vec<QuickGroup>,
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

impl Desk {
    /// Seekers (by name or 초성), companies (by name or 초성) and
    /// vacancies (by title or company), [`QUICK_PER_KIND`] of each. The
    /// totals are those of each list's own search for the same text, so the
    /// search and the lists never disagree. Blank text finds nothing.
    pub fn quick_search(&self, text: &str) -> Result<QuickResults, AppError> {
        let text = text.trim();
        let mut groups = Vec::with_capacity(3);
        if text.is_empty() {
            return Ok(QuickResults {
                query: String::new(),
                groups,
            });
        }
        let seekers = self.seeker_list(&SeekerListQuery {
            text: text.to_owned(),
            status: None,
            track: None,
            target_group: None,
            offset: 0,
            limit: QUICK_PER_KIND,
        })?;
        groups.push(QuickGroup {
            kind: QuickKind::Seeker,
            label: "구직자".into(),
            total: seekers.total,
            hits: seekers
                .items
                .into_iter()
                .map(|s| {
                    let age = s.age.map(|a| format!("{a}세")).unwrap_or_default();
                    QuickHit {
                        kind: QuickKind::Seeker,
                        detail: join(&[&s.status, &age, &s.phone_masked, &s.home]),
                        id: s.id,
                        title: s.name,
                    }
                })
                .collect(),
        });
        let companies = self.company_list(&CompanyListQuery {
            text: text.to_owned(),
            status: None,
            industrial_complex: None,
            focus: None,
            offset: 0,
            limit: QUICK_PER_KIND,
        })?;
        groups.push(QuickGroup {
            kind: QuickKind::Company,
            label: "기업".into(),
            total: companies.total,
            hits: companies
                .items
                .into_iter()
                .map(|c| QuickHit {
                    kind: QuickKind::Company,
                    detail: join(&[&c.business_number, &c.industry, &c.region]),
                    id: c.id,
                    title: c.name,
                })
                .collect(),
        });
        let vacancies = self.vacancy_list(&VacancyListQuery {
            text: text.to_owned(),
            status: None,
            company_id: None,
            offset: 0,
            limit: QUICK_PER_KIND,
        })?;
        groups.push(QuickGroup {
            kind: QuickKind::Vacancy,
            label: "구인".into(),
            total: vacancies.total,
            hits: vacancies
                .items
                .into_iter()
                .map(|v| QuickHit {
                    kind: QuickKind::Vacancy,
                    detail: join(&[&v.company_name, &v.occupation, &v.status]),
                    id: v.id,
                    title: v.title,
                })
                .collect(),
        });
        Ok(QuickResults {
            query: text.to_owned(),
            groups,
        })
    }
}
