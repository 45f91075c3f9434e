//! Recording and reading the caseload: every write is checked against the
//! domain rules first, so nothing invalid reaches the store or the outbox.

use crate::{AppError, Desk};
use doyak_domain::events::CaseEvent;
use doyak_domain::{Company, EventRecord, Id, JobSeeker, SharedRecord, Vacancy};
use doyak_store::{Page, SeekerFilter, UpdateOutcome};

impl Desk {
    /// Creates a shared record in this caseload after checking it.
    pub fn create_record<R: SharedRecord>(
        &mut self,
        mut record: R,
        set_center: impl FnOnce(&mut R, Id),
    ) -> Result<R, AppError> {
        set_center(&mut record, self.center_id());
        let errors = record.check(&self.check_ctx());
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| w.insert(&record))?;
        Ok(record)
    }

    /// Saves an edited shared record after checking it; only changed fields are
    /// written and queued.
    pub fn save<R: SharedRecord>(&mut self, record: &R) -> Result<UpdateOutcome, AppError> {
        let errors = record.check(&self.check_ctx());
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let ctx = self.write_ctx();
        Ok(self.store.write(&ctx, |w| w.update(record))?)
    }

    pub fn create_seeker(&mut self, seeker: JobSeeker) -> Result<JobSeeker, AppError> {
        self.create_record(seeker, |s, center| s.center_id = center)
    }

    pub fn create_company(&mut self, company: Company) -> Result<Company, AppError> {
        self.create_record(company, |c, center| c.center_id = center)
    }

    /// A vacancy must belong to a company of this caseload.
    pub fn create_vacancy(&mut self, vacancy: Vacancy) -> Result<Vacancy, AppError> {
        if self.store.get::<Company>(vacancy.company_id)?.is_none() {
            return Err(AppError::NotFound {
                what: "구인공고의 기업",
            });
        }
        self.create_record(vacancy, |v, center| v.center_id = center)
    }

    pub fn seeker(&self, id: Id) -> Result<JobSeeker, AppError> {
        self.store
            .get(id)?
            .ok_or(AppError::NotFound { what: "구직자" })
    }

    pub fn company(&self, id: Id) -> Result<Company, AppError> {
        self.store
            .get(id)?
            .ok_or(AppError::NotFound { what: "기업" })
    }

    pub fn list_seekers(&self, filter: &SeekerFilter) -> Result<Page<JobSeeker>, AppError> {
        Ok(self.store.list_seekers(filter)?)
    }

    /// Appends an event (a session note, a visit…) to a seeker's or company's
    /// file after checking it.
    pub fn record_event(&mut self, mut event: CaseEvent) -> Result<CaseEvent, AppError> {
        event.center_id = self.center_id();
        let errors = event.check(&self.check_ctx());
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| w.append(&event))?;
        Ok(event)
    }

    /// Appends several events at once, each checked first: all are
    /// written in one transaction, or none (an IAP saved from its 초안).
    pub fn record_events(
        &mut self,
        mut events: Vec<CaseEvent>,
    ) -> Result<Vec<CaseEvent>, AppError> {
        let check = self.check_ctx();
        let mut errors = Vec::new();
        for event in &mut events {
            event.center_id = self.center_id();
            errors.extend(event.check(&check));
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            for event in &events {
                w.append(event)?;
            }
            Ok(())
        })?;
        Ok(events)
    }

    pub fn events_of(&self, subject: Id) -> Result<Vec<CaseEvent>, AppError> {
        Ok(self.store.events_of(subject)?)
    }
}
