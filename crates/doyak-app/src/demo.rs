//! Filling a caseload with a synthetic one, for demos, training and
//! benchmarks. The whole run is one transaction: a caseload is never left
//! half-generated, and every record gets its outbox and audit rows like one a
//! counselor typed in.

use crate::{AppError, Desk};
use doyak_demo::{DemoError, DemoItem, DemoSpec, DemoSummary};
use doyak_domain::{Center, EntityKind};
use doyak_store::{StoreError, Writer};

impl Desk {
    /// A demo of this caseload's center as of today.
    pub fn demo_spec(&self, seekers: u32, companies: u32, seed: u64) -> Result<DemoSpec, AppError> {
        // A desk that joined a center holds the center's record only once
        // the desk that made the center has pushed it (or never, for a
        // center the administrator added on the server): its id and name
        // are in the caseload either way.
        let center: Center = match self.store.get(self.center_id())? {
            Some(center) => center,
            None => Center {
                id: self.center_id(),
                name: self.center_name().to_owned(),
                sigungu: None,
            },
        };
        Ok(DemoSpec {
            seed,
            today: self.clock.today(),
            center,
            seekers,
            companies,
        })
    }

    /// Generates `spec` into this caseload. `progress(done, total)` is called
    /// after each company and each seeker.
    pub fn generate_demo(
        &mut self,
        spec: &DemoSpec,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<DemoSummary, AppError> {
        if spec.center.id != self.center_id() {
            return Err(AppError::DemoForeignCenter);
        }
        let total = spec.total_steps();
        let ctx = self.write_ctx();
        let result = self.store.write(&ctx, |w| {
            let mut done = 0;
            let summary = doyak_demo::generate(spec, &mut |item| {
                let step = item.is_step();
                store(w, &item)?;
                if step {
                    done += 1;
                    progress(done, total);
                }
                Ok::<(), StoreError>(())
            });
            match summary {
                Ok(summary) => {
                    w.audit(
                        "generate",
                        EntityKind::Center,
                        Some(spec.center.id),
                        &format!("seed {} — {}건", spec.seed, summary.total()),
                    )?;
                    Ok(Ok(summary))
                }
                Err(DemoError::Sink(e)) => Err(e),
                Err(other) => Ok(Err(other)),
            }
        })?;
        result.map_err(AppError::DemoGenerator)
    }
}

fn store(w: &mut Writer<'_>, item: &DemoItem) -> Result<(), StoreError> {
    match item {
        DemoItem::Counselor(r) => w.insert(r),
        DemoItem::Partner(r) => w.insert(r),
        DemoItem::Company(r) => w.insert(r),
        DemoItem::Vacancy(r) => w.insert(r),
        DemoItem::Seeker(r) => w.insert(r),
        DemoItem::Event(r) => w.append(r),
        DemoItem::Referral(r) => w.insert(r),
        DemoItem::Application(r) => w.insert(r),
    }
}
