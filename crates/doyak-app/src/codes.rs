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
