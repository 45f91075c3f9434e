//! The duplicate check on a new seeker: the same name and birth date, or the
//! same phone number, is probably the same person registered twice. The
//! form shows who matched (with a button to open them) as it is typed;
//! saving a new seeker who matches someone needs the counselor's word that
//! this is another person (`SeekerForm::duplicate_ok`), so a second record
//! is never made by accident.

use crate::forms::Reader;
use crate::{AppError, Desk, SeekerForm};
use doyak_domain::{FieldError, JobSeeker, Phone};
use serde::Serialize;
use ts_rs::TS;

/// How many matches of each kind the form lists.
const SHOWN: u32 = 5;

/// A seeker the new one may be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DuplicateRow {
    pub id: String,
    pub name: String,
    pub birth_date: String,
    pub phone_masked: String,
    /// 진행상태.
    pub status: String,
    /// "이름·생년월일이 같음", "전화번호가 같음" or both.
    pub reason: String,
}

impl Desk {
    /// Who a new seeker typed into the form may already be. Nothing for an
    /// edit (the record exists) or while name, birth date and phone say
    /// too little to compare.
    pub fn seeker_duplicates(&self, form: &SeekerForm) -> Result<Vec<DuplicateRow>, AppError> {
        if !form.id.trim().is_empty() {
            return Ok(Vec::new());
        }
        let mut r = Reader { errors: Vec::new() };
        let name = form.name.trim();
        let birth = r.date("birth_date", "생년월일", &form.birth_date);
        let phone = Phone::parse(form.phone.trim()).ok();
        if name.is_empty() && phone.is_none() {
            return Ok(Vec::new());
        }
        let found = self.store.possible_duplicates(
            name,
            birth,
            phone.as_ref().map(Phone::as_str),
            SHOWN,
        )?;
        Ok(found
            .into_iter()
            .map(|s: JobSeeker| {
                let same_person = !name.is_empty()
                    && s.name == name
                    && s.birth_date.is_some()
                    && s.birth_date == birth;
                let same_phone = phone.is_some() && s.phone == phone;
                let reason = match (same_person, same_phone) {
                    (true, true) => "이름·생년월일과 전화번호가 같음",
                    (true, false) => "이름·생년월일이 같음",
                    _ => "전화번호가 같음",
                };
                DuplicateRow {
                    id: s.id.to_string(),
                    name: s.name.clone(),
                    birth_date: s.birth_date.map(|d| d.to_string()).unwrap_or_default(),
                    phone_masked: s.phone.as_ref().map(Phone::masked).unwrap_or_default(),
                    status: s.status.label_ko().to_owned(),
                    reason: reason.to_owned(),
                }
            })
            .collect())
    }

    /// Refuses a new seeker who matches someone, unless the counselor said
    /// this is another person.
    pub(crate) fn refuse_duplicate(&self, form: &SeekerForm) -> Result<(), AppError> {
        if form.duplicate_ok {
            return Ok(());
        }
        let found = self.seeker_duplicates(form)?;
        if found.is_empty() {
            return Ok(());
        }
        let who: Vec<String> = found
            .iter()
            .map(|d| format!("{}({})", d.name, d.reason))
            .collect();
        Err(AppError::Invalid(vec![FieldError::new(
            "duplicate_ok",
            "중복 확인",
            format!(
                "이미 등록된 구직자일 수 있습니다: {}. 기존 기록을 열거나, 다른 사람이면 '다른 사람입니다'를 선택해 주세요.",
                who.join(", ")
            ),
        )]))
    }
}
