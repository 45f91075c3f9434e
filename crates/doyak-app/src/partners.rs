//! 연계기관 added from the desk: a center starting its own caseload has no
//! partner institutions until a counselor enters them, and a referral needs
//! one. A partner is a shared record; every desk of the center learns it.

use crate::forms::Reader;
use crate::{AppError, Choice, Desk};
use doyak_domain::PartnerInstitution;
use serde::Deserialize;
use ts_rs::TS;

/// The 연계기관 form: 기관명, 유형 (an id of partner_institution_types.csv)
/// and, optionally, 전화번호.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct PartnerForm {
    pub name: String,
    pub kind: String,
    pub phone: String,
}

/// The longest 기관명 the desk accepts.
pub const PARTNER_NAME_MAX: usize = 60;

/// A partner as the referral form lists it: "name (유형)".
pub(crate) fn partner_choice(p: &PartnerInstitution) -> Choice {
    Choice {
        value: p.id.to_string(),
        label: match doyak_refdata::get().partner_type(&p.kind) {
            Some(t) => format!("{} ({})", p.name, t.name_ko),
            None => p.name.clone(),
        },
    }
}

/// The partner types a seeker can be referred to (`seeker` and `both` rows
/// of partner_institution_types.csv), in the file's order.
pub(crate) fn seeker_partner_kinds() -> Vec<Choice> {
    doyak_refdata::get()
        .partner_types
        .iter()
        .filter(|t| t.side != "company")
        .map(|t| Choice {
            value: t.id.clone(),
            label: t.name_ko.clone(),
        })
        .collect()
}

impl Desk {
    /// Adds a partner institution to the caseload and answers it as the
    /// referral form's choice. A name the caseload already has is refused:
    /// pick that one.
    pub fn add_partner(&mut self, form: &PartnerForm) -> Result<Choice, AppError> {
        let mut r = Reader { errors: Vec::new() };
        let name = form.name.trim();
        if name.is_empty() {
            r.fail("name", "기관명", "필수 항목입니다.");
        } else if name.chars().count() > PARTNER_NAME_MAX {
            r.fail(
                "name",
                "기관명",
                format!(
                    "{PARTNER_NAME_MAX}자 이하로 입력하세요 (지금 {}자).",
                    name.chars().count()
                ),
            );
        } else if self.store.partners()?.iter().any(|p| p.name == name) {
            r.fail(
                "name",
                "기관명",
                format!("‘{name}’ 연계기관이 이미 있습니다. 목록에서 고르세요."),
            );
        }
        let kind = form.kind.trim();
        if kind.is_empty() {
            r.fail("kind", "기관 유형", "기관 유형을 골라 주세요.");
        } else if doyak_refdata::get().partner_type(kind).is_none() {
            r.fail(
                "kind",
                "기관 유형",
                format!("목록에 없는 기관 유형입니다: {kind}"),
            );
        }
        let phone = r.phone("phone", "전화번호", &form.phone);
        if !r.errors.is_empty() {
            return Err(AppError::Invalid(r.errors));
        }
        let partner = self.create_record(
            PartnerInstitution {
                id: self.new_id(),
                center_id: self.center_id(),
                name: name.to_owned(),
                kind: kind.to_owned(),
                phone,
                sigungu: None,
            },
            |p, center| p.center_id = center,
        )?;
        Ok(partner_choice(&partner))
    }
}
