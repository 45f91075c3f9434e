//! The figures the status bar and `doyak status` show, and the seeker row the
//! desk's list displays (personal data reduced to what a list needs).

use crate::{AppError, Desk};
use doyak_domain::seeker::age_on;
use doyak_domain::{Company, JobSeeker, Vacancy};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CaseloadSummary {
    pub center_name: String,
    // Counts reach the page as JSON numbers, exact far beyond any caseload.
    #[ts(type = "number")]
    pub seekers: u64,
    #[ts(type = "number")]
    pub companies: u64,
    #[ts(type = "number")]
    pub vacancies: u64,
    #[ts(type = "number")]
    pub pending_changes: u64,
}

/// One line of the seeker list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeekerRow {
    pub id: String,
    pub name: String,
    /// 만 나이 today, when the birth date is known.
    pub age: Option<i32>,
    pub status: String,
    pub track: String,
    /// 010-****-5678: lists never show a whole number.
    pub phone_masked: String,
    /// Desired occupations as Korean names.
    pub desired: Vec<String>,
    pub home: String,
}

/// A page of the seeker list for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeekerPage {
    pub items: Vec<SeekerRow>,
    #[ts(type = "number")]
    pub total: u64,
}

impl SeekerRow {
    pub fn from_seeker(s: &JobSeeker, today: chrono::NaiveDate) -> SeekerRow {
        let refdata = doyak_refdata::get();
        SeekerRow {
            id: s.id.to_string(),
            name: s.name.clone(),
            age: s.birth_date.map(|b| age_on(b, today)),
            status: s.status.label_ko().to_owned(),
            track: s.track.label_ko().to_owned(),
            phone_masked: s.phone.as_ref().map(|p| p.masked()).unwrap_or_default(),
            desired: s
                .desired_occupations
                .iter()
                .map(|c| crate::codes::keco_name(c.as_str()))
                .collect(),
            home: s
                .home_sigungu
                .as_ref()
                .and_then(|c| refdata.sigungu(c.as_str()))
                .map(|s| s.full_name())
                .unwrap_or_default(),
        }
    }
}

impl Desk {
    pub fn summary(&self) -> Result<CaseloadSummary, AppError> {
        Ok(CaseloadSummary {
            center_name: self.center_name().to_owned(),
            seekers: self.store.count::<JobSeeker>()?,
            companies: self.store.count::<Company>()?,
            vacancies: self.store.count::<Vacancy>()?,
            pending_changes: self.store.pending_changes()?,
        })
    }

    /// A page of the seeker list as display rows.
    pub fn seeker_rows(&self, filter: &doyak_store::SeekerFilter) -> Result<SeekerPage, AppError> {
        let page = self.store.list_seekers(filter)?;
        let today = self.clock.today();
        Ok(SeekerPage {
            items: page
                .items
                .iter()
                .map(|s| SeekerRow::from_seeker(s, today))
                .collect(),
            total: page.total,
        })
    }
}
