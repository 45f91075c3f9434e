//! 추천 일자리 for a seeker and 추천 인재 for a vacancy, as the pages show
//! them: the seeker's 희망 직종 first, and counts that say how the weighed
//! figure relates to the lists' own ("모집 중 89건 중 남은 자리가 있는 73건").

use crate::forms::parse_id;
use crate::recommend::{
    ApplicationRow, RECOMMENDATIONS, ReasonRow, application_row, reasons, seeker_profile,
    vacancy_profile,
};
use crate::steps::may_share;
use crate::{AppError, Desk};
use doyak_domain::company::VacancyStatus;
use doyak_domain::events::Application;
use doyak_domain::{Company, Id, SeekerStatus, Vacancy};
use doyak_match::{Caseload, ReasonKind};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// How many ranked vacancies are read to find those in the 희망 직종: enough
/// that a desired job far down the overall order is still found.
const DESIRED_SCAN: usize = 400;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Recommendation {
    pub seeker_id: String,
    pub seeker_name: String,
    pub vacancy_id: String,
    pub vacancy_title: String,
    pub company_name: String,
    /// 0–100; the sum of the reasons' points.
    pub score: f32,
    /// The vacancy is in one of the seeker's 희망 직종 (the same code or
    /// 중분류). Those come first; the page marks where the others begin.
    pub desired: bool,
    pub reasons: Vec<ReasonRow>,
    /// The 알선 already recorded for this pair, if any.
    pub application: Option<ApplicationRow>,
    /// The seeker agreed to share their details with employers.
    pub may_share: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecommendationView {
    pub items: Vec<Recommendation>,
    /// 모집 중인 구인 (or 참여 중인 구직자) as their own list counts them.
    pub listed: u32,
    /// Of those, left out before weighing: vacancies with no place left.
    pub full: u32,
    /// … and records the matcher cannot read (no 시군구, an unknown code).
    pub unreadable: u32,
    /// How many vacancies (or seekers) were weighed: listed − full − unreadable.
    pub considered: u32,
    /// Why the list is empty or short, when there is a reason to say.
    pub notice: Option<String>,
}

impl RecommendationView {
    fn notice_only(notice: &str) -> RecommendationView {
        RecommendationView {
            items: vec![],
            listed: 0,
            full: 0,
            unreadable: 0,
            considered: 0,
            notice: Some(notice.to_owned()),
        }
    }
}

/// Whether a ranked pair's occupation reason says the vacancy is in one of
/// the seeker's 희망 직종 (the same code or the same 중분류).
pub(crate) fn in_desired(reasons: &[doyak_match::Reason]) -> bool {
    reasons.iter().any(|x| {
        matches!(
            x.kind,
            ReasonKind::OccupationExact | ReasonKind::OccupationMiddle
        )
    })
}

impl Desk {
    /// The best open vacancies for a seeker, with the reasons: those in the
    /// seeker's 희망 직종 first (best first), then the others. When none is
    /// in the 희망 직종, the notice says so before the others are shown.
    pub fn recommended_vacancies(&self, seeker_id: &str) -> Result<RecommendationView, AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        // A placed or closed seeker is offered no jobs: the counselor's
        // next step is the retention check, or a status change first.
        let outside = match seeker.status {
            SeekerStatus::Employed => Some(
                "취업한 구직자에게는 일자리를 추천하지 않습니다. 고용유지 확인은 취업·사후관리 탭에서 기록하고, 다시 구직하면 진행상태를 '취업지원'으로 바꿔 주세요.",
            ),
            SeekerStatus::Closed => Some(
                "참여가 종료된 구직자에게는 일자리를 추천하지 않습니다. 다시 참여하면 진행상태를 바꿔 주세요.",
            ),
            _ => None,
        };
        if let Some(notice) = outside {
            return Ok(RecommendationView::notice_only(notice));
        }
        let pool = self.match_pool()?;
        let (listed, full, unreadable) = pool.vacancy_counts;
        let considered = pool.vacancies.len() as u32;
        let scan = DESIRED_SCAN.max(RECOMMENDATIONS);
        let ranked = match pool.seeker_at.get(&seeker.id) {
            Some(&i) => pool.caseload.rank_vacancies(i, scan),
            // Someone the pool leaves out (a code the matcher does not
            // know): ranked on their own.
            None => {
                let Some(profile) = seeker_profile(&seeker, self.clock.today()) else {
                    return Ok(RecommendationView::notice_only(
                        "거주지 시군구가 없어 통근 거리를 잴 수 없습니다. 정보 수정에서 거주지를 입력해 주세요.",
                    ));
                };
                let alone = Caseload::new(vec![profile], pool.caseload.vacancies().to_vec())
                    .map_err(|e| AppError::MatchInput {
                        problems: vec![e.to_string()],
                    })?;
                alone.rank_vacancies(0, scan)
            }
        };
        // 희망 직종 first, each part best first (the ranking's order).
        let (mut picked, others): (Vec<_>, Vec<_>) =
            ranked.into_iter().partition(|r| in_desired(&r.reasons));
        let desired_found = !picked.is_empty();
        picked.truncate(RECOMMENDATIONS);
        let room = RECOMMENDATIONS - picked.len();
        picked.extend(others.into_iter().take(room));

        let applications: HashMap<Id, Application> = self
            .store
            .applications_of_seeker(seeker.id)?
            .into_iter()
            .map(|a| (a.vacancy_id, a))
            .collect();
        let share = may_share(&seeker);
        let mut companies = HashMap::new();
        let mut items = Vec::with_capacity(picked.len());
        for r in picked {
            let v = &pool.vacancies[r.vacancy as usize];
            let company = self.company_name(&mut companies, v.company_id)?;
            items.push(Recommendation {
                seeker_id: seeker.id.to_string(),
                seeker_name: seeker.name.clone(),
                vacancy_id: v.id.to_string(),
                vacancy_title: v.title.clone(),
                application: applications
                    .get(&v.id)
                    .map(|a| application_row(a, &seeker.name, &v.title, &company, share)),
                company_name: company,
                score: r.score,
                desired: in_desired(&r.reasons),
                reasons: reasons(r.reasons),
                may_share: share,
            });
        }
        let notice = if items.is_empty() {
            Some(format!(
                "남은 자리가 있는 구인 {considered}건 가운데 필수 조건(필수 자격, 통근 거리, 교대근무)을 모두 맞는 곳이 없습니다."
            ))
        } else if !desired_found && !seeker.desired_occupations.is_empty() {
            let names: Vec<String> = seeker
                .desired_occupations
                .iter()
                .map(|c| crate::codes::keco_name(c.as_str()))
                .collect();
            Some(format!(
                "희망직종({})에 맞는 구인이 없습니다. 아래는 다른 직종의 구인입니다.",
                names.join(", ")
            ))
        } else {
            None
        };
        Ok(RecommendationView {
            items,
            listed,
            full,
            unreadable,
            considered,
            notice,
        })
    }

    /// The best candidates in the caseload for a vacancy, with the reasons.
    pub fn recommended_seekers(&self, vacancy_id: &str) -> Result<RecommendationView, AppError> {
        let vacancy: Vacancy = self
            .store
            .get(parse_id(vacancy_id)?)?
            .ok_or(AppError::NotFound { what: "구인" })?;
        if vacancy.status != VacancyStatus::Open {
            return Ok(RecommendationView::notice_only(
                "모집 중인 구인에만 인재를 추천합니다.",
            ));
        }
        let pool = self.match_pool()?;
        let Some(&at) = pool.vacancy_at.get(&vacancy.id) else {
            let hires = self.store.hires_per_open_vacancy()?;
            let left = vacancy_profile(&vacancy, hires.get(&vacancy.id).copied().unwrap_or(0));
            return Ok(RecommendationView::notice_only(if left.headcount == 0 {
                "모집 인원이 모두 채용되었습니다."
            } else {
                "구인의 직종 또는 근무지 코드를 확인해 주세요."
            }));
        };
        let (listed, full, unreadable) = pool.seeker_counts;
        let considered = pool.seekers.len() as u32;
        let company = self
            .store
            .get::<Company>(vacancy.company_id)?
            .map(|c| c.name)
            .unwrap_or_default();
        let applications: HashMap<Id, Application> = self
            .store
            .applications_of_vacancy(vacancy.id)?
            .into_iter()
            .map(|a| (a.seeker_id, a))
            .collect();
        let items: Vec<Recommendation> = pool
            .caseload
            .rank_seekers(at, RECOMMENDATIONS)
            .into_iter()
            .map(|r| {
                let s = &pool.seekers[r.seeker as usize];
                Recommendation {
                    seeker_id: s.id.to_string(),
                    seeker_name: s.name.clone(),
                    vacancy_id: vacancy.id.to_string(),
                    vacancy_title: vacancy.title.clone(),
                    company_name: company.clone(),
                    score: r.score,
                    desired: in_desired(&r.reasons),
                    reasons: reasons(r.reasons),
                    application: applications.get(&s.id).map(|a| {
                        application_row(a, &s.name, &vacancy.title, &company, s.may_share)
                    }),
                    may_share: s.may_share,
                }
            })
            .collect();
        let notice = items.is_empty().then(|| {
            format!(
                "참여 중인 구직자 {considered}명 가운데 필수 조건(필수 자격, 통근 거리, 교대근무)을 모두 맞는 사람이 없습니다."
            )
        });
        Ok(RecommendationView {
            items,
            listed,
            full,
            unreadable,
            considered,
            notice,
        })
    }
}
