//! A seeker's applications to the generated vacancies: to vacancies of their
//! occupations, with the one that led to the job when the job came through
//! the center.

use super::Planned;
use crate::World;
use crate::company::Market;
use crate::dice::{Dice, plus_days};
use crate::seeker::{Person, is_active};
use crate::text::AppView;
use chrono::NaiveDate;
use doyak_domain::events::ApplicationStatus;
use doyak_domain::{SeekerStatus, VacancyStatus};

/// Applications to generated vacancies of the person's occupations, and the
/// one that led to the job, if the job came through the center.
pub(super) fn applications(
    world: &World,
    market: &Market,
    d: &mut Dice,
    person: &Person,
) -> (Vec<Planned>, Option<Planned>) {
    let today = world.today;
    let t = person.timeline;
    let Some(search) = t.job_search else {
        return (Vec::new(), None);
    };
    let end = t.end(today);
    let count = match person.status {
        SeekerStatus::JobSearch => d.weighted(&[(0, 20), (1, 25), (2, 25), (3, 18), (4, 12)]),
        SeekerStatus::Employed => d.between(0, 2),
        SeekerStatus::Closed => d.weighted(&[(0, 50), (1, 30), (2, 20)]),
        _ => 0,
    };
    let mut planned = Vec::new();
    for _ in 0..count {
        let on = d.day(search, plus_days(end, -7).max(search));
        let Some(opening) = find_opening(world, market, d, person, on, false) else {
            continue;
        };
        let elapsed = (today - on).num_days();
        if !person.may_share {
            // Without 제3자 제공 동의 nothing goes to an employer: the
            // counselor can only keep the vacancy on the shortlist, and
            // drops it once it is no longer current.
            if is_active(person.status) && elapsed <= 14 {
                planned.push(Planned {
                    opening,
                    on,
                    status: ApplicationStatus::Shortlisted,
                });
            }
            continue;
        }
        // A real center has the outcome of an 알선 within a month (a 서류
        // answer in one or two weeks, an interview in one or two more), and
        // every 알선 of someone who found work or left has its outcome.
        let status = if !is_active(person.status) || elapsed > 30 {
            d.weighted(&[
                (ApplicationStatus::Rejected, 70),
                (ApplicationStatus::Withdrawn, 30),
            ])
        } else if elapsed > 14 {
            d.weighted(&[
                (ApplicationStatus::Interview, 40),
                (ApplicationStatus::Rejected, 30),
                (ApplicationStatus::Submitted, 30),
            ])
        } else {
            d.weighted(&[
                (ApplicationStatus::Proposed, 50),
                (ApplicationStatus::Submitted, 50),
            ])
        };
        planned.push(Planned {
            opening,
            on,
            status,
        });
    }
    let mut hired = None;
    if person.status == SeekerStatus::Employed
        && let Some(started) = t.outcome
        && d.chance(0.6)
        && person.may_share
    {
        let on = plus_days(started, -d.range(7, 30)).max(search);
        if let Some(opening) = find_opening(world, market, d, person, on, true) {
            let a = Planned {
                opening,
                on,
                status: ApplicationStatus::Hired,
            };
            planned.push(a);
            hired = Some(a);
        }
    }
    planned.sort_by_key(|a| a.on);
    (planned, hired)
}

/// A vacancy the person could have been put forward for on `on`: the right
/// occupation, open that day, within reach and, for someone who refuses
/// shifts, a day job. The conditions relax after a few misses, as a
/// counselor's search would.
fn find_opening(
    world: &World,
    market: &Market,
    d: &mut Dice,
    person: &Person,
    on: NaiveDate,
    hired: bool,
) -> Option<u32> {
    let primary = person.profile().keco;
    for attempt in 0..24 {
        let code = match person.secondary {
            Some(s) if d.chance(0.3) => s,
            _ => primary,
        };
        let Some(list) = market.by_keco.get(code) else {
            continue;
        };
        let Some(&i) = d.pick(list) else {
            continue;
        };
        let o = &market.openings[i as usize];
        if !o.open_on(on) || (hired && o.status == VacancyStatus::Closed) {
            continue;
        }
        let reach = f64::from(person.max_commute_km + 10);
        if attempt < 16 && world.region.distance_km(person.home, o.place) > reach {
            continue;
        }
        if attempt < 12 && !person.accepts_shift && o.shift.is_shift_work() {
            continue;
        }
        return Some(i);
    }
    None
}

pub(super) fn app_view<'m>(market: &'m Market, a: &Planned, on: NaiveDate) -> AppView<'m> {
    let o = &market.openings[a.opening as usize];
    // A note written soon after the proposal does not know the result yet.
    let status = if (on - a.on).num_days() < 10 && a.status != ApplicationStatus::Hired {
        ApplicationStatus::Proposed
    } else {
        a.status
    };
    AppView {
        firm: &market.firms[o.firm as usize].name,
        title: &o.title,
        wage_10k: o.wage / 10_000,
        shift: o.shift.label_ko(),
        status,
    }
}
