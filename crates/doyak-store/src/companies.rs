//! The company and vacancy lists and the field-visit view. A center has
//! hundreds to a few thousand companies: the filters SQL can index (status,
//! industrial complex, company) narrow in SQL, the rest (초성 name match,
//! focus industry) in Rust over the decoded rows.

use crate::Store;
use crate::error::Result;
use crate::query::{decode, enum_str};
use doyak_domain::company::{CompanyStatus, FocusIndustry, VacancyStatus};
use doyak_domain::{Company, Id, Vacancy, korean};
use rusqlite::ToSql;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompanyFilter {
    pub text: Option<String>,
    pub status: Option<CompanyStatus>,
    pub industrial_complex: Option<String>,
    pub focus: Option<FocusIndustry>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VacancyFilter {
    /// Title or company name (초성 aware).
    pub text: Option<String>,
    pub status: Option<VacancyStatus>,
    pub company_id: Option<Id>,
}

fn rows<T: serde::de::DeserializeOwned>(
    store: &Store,
    table: &str,
    conditions: &[String],
    params: &[Box<dyn ToSql>],
    order: &str,
) -> Result<Vec<T>> {
    let sql = format!(
        "SELECT data FROM {table} WHERE {} ORDER BY {order}",
        conditions.join(" AND ")
    );
    let refs: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(refs.as_slice(), |r| r.get::<_, String>(0))?;
    rows.map(|d| decode(&d?, table)).collect()
}

/// The filter's text, trimmed, when there is any.
fn search_text(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// Adds the text's 초성 prefilter as a parameter and returns its number: a
/// necessary condition SQL can test on `search_key` before the exact match
/// in Rust.
fn prefilter_param(params: &mut Vec<Box<dyn ToSql>>, text: &str) -> usize {
    params.push(Box::new(crate::query::like_pattern(
        &korean::prefilter_key(text),
    )));
    params.len()
}

impl Store {
    /// Every live company matching the filter, in name order.
    pub fn companies(&self, filter: &CompanyFilter) -> Result<Vec<Company>> {
        let mut conditions = vec!["deleted_at IS NULL".to_owned()];
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(status) = filter.status {
            params.push(Box::new(enum_str(&status)));
            conditions.push(format!("status = ?{}", params.len()));
        }
        if let Some(complex) = &filter.industrial_complex {
            params.push(Box::new(complex.clone()));
            conditions.push(format!("industrial_complex = ?{}", params.len()));
        }
        let text = search_text(filter.text.as_deref());
        if let Some(t) = text {
            let p = prefilter_param(&mut params, t);
            conditions.push(format!("search_key LIKE ?{p} ESCAPE '\\'"));
        }
        let mut companies: Vec<Company> = rows(self, "company", &conditions, &params, "name, id")?;
        companies.retain(|c| {
            text.is_none_or(|t| korean::matches(t, &c.name))
                && filter.focus.is_none_or(|f| c.focus_industries.contains(&f))
        });
        Ok(companies)
    }

    /// Every live vacancy matching the filter, newest first, with its
    /// company's name for text search.
    pub fn vacancies(&self, filter: &VacancyFilter) -> Result<Vec<Vacancy>> {
        let mut conditions = vec!["deleted_at IS NULL".to_owned()];
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(status) = filter.status {
            params.push(Box::new(enum_str(&status)));
            conditions.push(format!("status = ?{}", params.len()));
        }
        if let Some(company) = filter.company_id {
            params.push(Box::new(company.to_string()));
            conditions.push(format!("company_id = ?{}", params.len()));
        }
        let text = search_text(filter.text.as_deref());
        if let Some(t) = text {
            // The title's or the company's 초성 key contains the text's: only
            // those rows are decoded and matched exactly.
            let p = prefilter_param(&mut params, t);
            conditions.push(format!(
                "(search_key LIKE ?{p} ESCAPE '\\' OR company_id IN \
                   (SELECT id FROM company WHERE deleted_at IS NULL AND search_key LIKE ?{p} ESCAPE '\\'))"
            ));
        }
        let mut vacancies: Vec<Vacancy> = rows(
            self,
            "vacancy",
            &conditions,
            &params,
            "opened_on DESC, id DESC",
        )?;
        if let Some(t) = text {
            // The companies whose name matches, once (not once per vacancy).
            let matching: std::collections::HashSet<Id> = self
                .company_names()?
                .into_iter()
                .filter(|(_, name)| korean::matches(t, name))
                .map(|(id, _)| id)
                .collect();
            vacancies.retain(|v| matching.contains(&v.company_id) || korean::matches(t, &v.title));
        }
        Ok(vacancies)
    }

    /// Every live partner institution (연계기관), by name.
    pub fn partners(&self) -> Result<Vec<doyak_domain::PartnerInstitution>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM partner WHERE deleted_at IS NULL ORDER BY name, id",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "partner")).collect()
    }

    /// (id, name) of every live company.
    pub fn company_names(&self) -> Result<Vec<(Id, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM company WHERE deleted_at IS NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name) = row?;
            if let Ok(id) = id.parse() {
                out.push((id, name));
            }
        }
        Ok(out)
    }

    /// The industrial complexes of this caseload's companies, with how many
    /// live companies each has, by name.
    pub fn industrial_complexes(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT industrial_complex, count(*) FROM company
              WHERE deleted_at IS NULL AND industrial_complex IS NOT NULL AND industrial_complex != ''
              GROUP BY industrial_complex ORDER BY industrial_complex",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        rows.map(|r| r.map(|(n, c)| (n, c as u64)).map_err(Into::into))
            .collect()
    }
}
