//! The Korean words for a unit's evidence: what the seeker holds that
//! decided its status, or what would show it.

use crate::data::{Evidence, EvidenceKind, Strength, Unit};
use crate::fit::{UnitStatus, evidence_status};
use crate::input::Held;

/// The KECO name of a code, or the code.
fn occupation_name(code: &str) -> String {
    crate::data::profiles()
        .occupation(code)
        .map(|o| o.name_ko.clone())
        .or_else(|| doyak_refdata::get().keco(code).map(|k| k.name_ko.clone()))
        .unwrap_or_else(|| code.to_owned())
}

/// A course as a recommendation names it ("용접 관련 훈련 300시간").
pub(crate) fn training_name(kind: &EvidenceKind) -> String {
    match kind {
        EvidenceKind::Training { name, hours, .. } => format!("{name} 관련 훈련 {hours}시간"),
        _ => String::new(),
    }
}

/// What a piece of evidence asks for.
pub(crate) fn wanted(e: &Evidence) -> String {
    let text = match &e.kind {
        EvidenceKind::Certificate { name, .. } => name.clone(),
        EvidenceKind::Skill { name, .. } => format!("기술: {name}"),
        EvidenceKind::Experience { code, months } => {
            format!("{} 경력 {months}개월", occupation_name(code))
        }
        EvidenceKind::Training { .. } => training_name(&e.kind),
    };
    match e.strength {
        Strength::Full => text,
        Strength::Partial => format!("{text} (일부 인정)"),
    }
}

/// What the seeker holds of a piece of evidence.
fn got(e: &Evidence, held: &Held) -> String {
    match &e.kind {
        EvidenceKind::Certificate { name, .. } => format!("{name} 보유"),
        EvidenceKind::Skill { name, .. } => format!("기술 {name}"),
        EvidenceKind::Experience { code, months } => {
            let (exact, coarser) = held.months_in(e.slot);
            let name = occupation_name(code);
            let broad = format!("직종이 넓게(중분류·소분류) 적힌 경력 {coarser}개월은 일부만 인정");
            match (exact, coarser) {
                (0, _) => format!("{broad} ({name} 경력 기준 {months}개월)"),
                (_, 0) => format!("{name} 경력 {exact}개월 (기준 {months}개월)"),
                _ => format!("{name} 경력 {exact}개월 (기준 {months}개월), {broad}"),
            }
        }
        EvidenceKind::Training { name, hours, .. } => format!(
            "{name} 관련 훈련 {}시간 (기준 {hours}시간)",
            held.training_hours(e.slot).unwrap_or(0)
        ),
    }
}

/// The evidence lines of a unit: for 충족 and 일부 충족, each piece held
/// that reaches the status; for 미충족, what would meet it ("필요: …").
pub(crate) fn unit_evidence(unit: &Unit, status: UnitStatus, held: &Held) -> Vec<String> {
    match status {
        UnitStatus::Missing => {
            let needs: Vec<String> = unit
                .evidence
                .iter()
                .filter(|e| e.strength == Strength::Full)
                .map(wanted)
                .collect();
            if needs.is_empty() {
                vec!["확인할 근거 자료 없음 (확인 필요)".to_owned()]
            } else {
                vec![format!("필요: {}", needs.join(" 또는 "))]
            }
        }
        UnitStatus::Partly | UnitStatus::Met => unit
            .evidence
            .iter()
            .filter(|e| evidence_status(e, held) == status)
            .map(|e| got(e, held))
            .collect(),
    }
}
