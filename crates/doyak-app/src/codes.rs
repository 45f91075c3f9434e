//! Code pickers: the desk searches the reference lists as the counselor types
//! ("용접", "ㅇㅈ", "안산") and shows a chosen code with its Korean name.

use crate::{AppError, Choice};
use doyak_domain::FieldError;
use doyak_refdata::SearchKind;

/// The most results a picker shows at once.
pub const MAX_CODE_HITS: usize = 30;

fn kind(name: &str) -> Result<SearchKind, AppError> {
    Ok(match name {
        "ksic" => SearchKind::Ksic,
        "keco" => SearchKind::Keco,
        "sigungu" => SearchKind::Sigungu,
        "qualification" => SearchKind::Qualification,
        "ppuri_tech" => SearchKind::PpuriTech,
        "partner_type" => SearchKind::PartnerType,
        other => {
            return Err(AppError::Invalid(vec![FieldError::new(
                "kind",
                "코드 종류",
                format!("알 수 없는 코드 목록입니다: {other}"),
            )]));
        }
    })
}

/// Entries of a reference list matching what was typed, best first. Needs no
/// open caseload (the new-caseload form picks the center's 시군구 with it).
pub fn search_codes(list: &str, query: &str) -> Result<Vec<Choice>, AppError> {
    search_near(list, query, None)
}

impl crate::Desk {
    /// As [`search_codes`], with 시군구 of equal rank nearest the center first.
    pub fn search_codes(&self, list: &str, query: &str) -> Result<Vec<Choice>, AppError> {
        let center: Option<doyak_domain::Center> = self.store().get(self.center_id())?;
        let near = center.and_then(|c| c.sigungu).map(|s| s.to_string());
        search_near(list, query, near.as_deref())
    }
}

fn search_near(list: &str, query: &str, near: Option<&str>) -> Result<Vec<Choice>, AppError> {
    Ok(doyak_refdata::get()
        .search_near(kind(list)?, query, MAX_CODE_HITS, near)
        .into_iter()
        .map(|h| Choice {
            value: h.code,
            label: h.label,
        })
        .collect())
}

/// The Korean names of codes already chosen (unknown codes keep the code as
/// their label, so the counselor sees what is stored).
pub fn code_labels(list: &str, codes: &[String]) -> Result<Vec<Choice>, AppError> {
    let refdata = doyak_refdata::get();
    let kind = kind(list)?;
    Ok(codes
        .iter()
        .map(|code| {
            let label = match kind {
                SearchKind::Keco => refdata.keco(code).map(|k| k.name_ko.clone()),
                SearchKind::Ksic => refdata.ksic(code).map(|k| k.name_ko.clone()),
                SearchKind::Sigungu => refdata.sigungu(code).map(|s| s.full_name()),
                _ => refdata
                    .search(kind, code, 1)
                    .into_iter()
                    .find(|h| &h.code == code)
                    .map(|h| h.label),
            };
            Choice {
                value: code.clone(),
                label: label.unwrap_or_else(|| code.clone()),
            }
        })
        .collect())
}

/// The Korean name of a KECO code, or the code itself when it is unknown.
pub(crate) fn keco_name(code: &str) -> String {
    doyak_refdata::get()
        .keco(code)
        .map(|k| k.name_ko.clone())
        .unwrap_or_else(|| code.to_owned())
}

/// "월 280만원" for whole 만원 amounts, "월 2,805,000원"-style otherwise.
pub(crate) fn monthly_wage(won: i64) -> String {
    if won % 10_000 == 0 {
        format!("월 {}만원", won / 10_000)
    } else {
        format!("월 {won}원")
    }
}

/// What a vacancy page or a placement says about 최저임금 for a monthly wage
/// in `year`: met or not with the figure, not applicable under 15 hours a
/// week, and "확인 필요" for a year the reference data does not have yet
/// (the rate is never guessed). Empty when there is no wage to compare.
pub(crate) fn minimum_wage_note(wage: Option<i64>, weekly_hours: Option<u32>, year: i32) -> String {
    minimum_wage_check(wage, weekly_hours, year).0
}

/// [`minimum_wage_note`] and whether it needs the counselor's attention
/// (미달 or 확인 필요).
pub(crate) fn minimum_wage_check(
    wage: Option<i64>,
    weekly_hours: Option<u32>,
    year: i32,
) -> (String, bool) {
    use doyak_domain::CodeBook;
    use doyak_domain::validate::{grouped, minimum_monthly};
    let Some(wage) = wage else {
        return (String::new(), false);
    };
    let Some(hourly) = doyak_refdata::get().minimum_wage_hourly(year) else {
        return (
            format!("확인 필요 — {year}년 최저임금이 참조 자료에 없습니다"),
            true,
        );
    };
    let hours = weekly_hours.unwrap_or(40).min(40);
    match minimum_monthly(hourly, weekly_hours) {
        None => (
            format!("주 {hours}시간: 주 15시간 미만이라 월 환산 비교를 하지 않습니다"),
            false,
        ),
        Some(minimum) if wage >= minimum => (
            format!(
                "충족 — {year}년 월 {}원 이상 (시급 {}원, 주 {hours}시간)",
                grouped(minimum),
                grouped(hourly)
            ),
            false,
        ),
        Some(minimum) => (
            format!(
                "미달 — {year}년 월 {}원 (시급 {}원, 주 {hours}시간)보다 적습니다",
                grouped(minimum),
                grouped(hourly)
            ),
            true,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::minimum_wage_note;

    #[test]
    fn minimum_wage_is_met_missed_or_marked_to_check() {
        // 2026: 10,320원 × 209 h = 2,156,880원 a month at 40 h (assets/refdata/minimum_wage.csv).
        assert_eq!(
            minimum_wage_note(Some(2_200_000), None, 2026),
            "충족 — 2026년 월 2,156,880원 이상 (시급 10,320원, 주 40시간)"
        );
        assert!(minimum_wage_note(Some(2_000_000), Some(40), 2026).starts_with("미달"));
        // 20 h: half of 2,156,880.
        assert!(
            minimum_wage_note(Some(1_078_440), Some(20), 2026)
                .starts_with("충족 — 2026년 월 1,078,440원")
        );
        assert!(minimum_wage_note(Some(500_000), Some(10), 2026).contains("15시간 미만"));
        // A year the table does not have: never guessed.
        assert_eq!(
            minimum_wage_note(Some(2_500_000), None, 2031),
            "확인 필요 — 2031년 최저임금이 참조 자료에 없습니다"
        );
        assert_eq!(minimum_wage_note(None, None, 2026), "");
    }
}
