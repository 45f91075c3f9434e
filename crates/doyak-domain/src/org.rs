//! The people and places around a caseload: the center, its counselors and the
//! partner institutions it refers people and firms to.

use crate::record::CheckContext;
use crate::validate::{FieldError, Phone, Validation};
use crate::{EntityKind, Id, SharedRecord, SigunguCode};
use serde::{Deserialize, Serialize};

/// 고용복지플러스센터.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Center {
    pub id: Id,
    pub name: String,
    pub sigungu: Option<SigunguCode>,
}

/// 상담사.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counselor {
    pub id: Id,
    pub center_id: Id,
    pub name: String,
    pub role: CounselorRole,
    pub active: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CounselorRole {
    Counselor,
    /// 팀장·센터 관리자: enrols devices, sees the whole caseload.
    Admin,
}

/// 연계기관.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerInstitution {
    pub id: Id,
    pub center_id: Id,
    pub name: String,
    /// An id from partner_institution_types.csv.
    pub kind: String,
    pub phone: Option<Phone>,
    pub sigungu: Option<SigunguCode>,
}

impl SharedRecord for Center {
    const KIND: EntityKind = EntityKind::Center;
    fn id(&self) -> Id {
        self.id
    }
    fn center_id(&self) -> Id {
        self.id
    }
    fn search_name(&self) -> &str {
        &self.name
    }
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.required("name", "센터명", &self.name);
        if let Some(code) = &self.sigungu
            && !ctx.codes.has_sigungu(code.as_str())
        {
            v.push(
                "sigungu",
                "소재지",
                format!("알 수 없는 시군구 코드입니다: {code}"),
            );
        }
        v.errors
    }
}

impl SharedRecord for Counselor {
    const KIND: EntityKind = EntityKind::Counselor;
    fn id(&self) -> Id {
        self.id
    }
    fn center_id(&self) -> Id {
        self.center_id
    }
    fn search_name(&self) -> &str {
        &self.name
    }
    fn check(&self, _ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.required("name", "상담사 이름", &self.name);
        v.errors
    }
}

impl SharedRecord for PartnerInstitution {
    const KIND: EntityKind = EntityKind::Partner;
    fn id(&self) -> Id {
        self.id
    }
    fn center_id(&self) -> Id {
        self.center_id
    }
    fn search_name(&self) -> &str {
        &self.name
    }
    fn phone_fields() -> &'static [&'static str] {
        &["phone"]
    }
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.required("name", "기관명", &self.name);
        v.required("kind", "기관 유형", &self.kind);
        if let Some(code) = &self.sigungu
            && !ctx.codes.has_sigungu(code.as_str())
        {
            v.push(
                "sigungu",
                "소재지",
                format!("알 수 없는 시군구 코드입니다: {code}"),
            );
        }
        v.errors
    }
}
