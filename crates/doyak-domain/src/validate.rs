//! Field rules shared by every way data enters Doyak (forms, imports, sync): a
//! finding is a [`FieldError`] naming the field in Korean, never a panic.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One thing wrong with one field, worded for a counselor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FieldError {
    /// The field's key as used in records and import headers, e.g. "business_number".
    pub field: String,
    /// The field's Korean label, e.g. "사업자등록번호".
    pub label: String,
    /// What is wrong and how to fix it, in Korean.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, label: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.to_owned(),
            label: label.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label, self.message)
    }
}

/// The monthly 최저임금 for `weekly_hours` (40 when not given, capped at 40:
/// overtime is paid on top): the hourly rate × 209 hours a month at 40 hours
/// a week (주휴 included), in proportion below. `None` under 15 hours a week
/// (no 주휴: the monthly figure does not apply).
pub fn minimum_monthly(hourly: i64, weekly_hours: Option<u32>) -> Option<i64> {
    let hours = i64::from(weekly_hours.unwrap_or(40).min(40));
    (hours >= 15).then(|| hourly * 209 * hours / 40)
}

/// 2156880 → "2,156,880".
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// 근로기준법 제50조 (40시간) + 제53조 (연장 12시간).
pub const MAX_WEEKLY_HOURS: u32 = 52;

/// The longest experience a vacancy may require: a working life.
pub const MAX_EXPERIENCE_YEARS: u32 = 40;

/// Collects field errors while a record is checked.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Validation {
    pub errors: Vec<FieldError>,
}

impl Validation {
    pub fn push(&mut self, field: &str, label: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, label, message));
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn into_result(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }

    /// A money amount in won must not be negative and must be plausible for a
    /// monthly wage (under 1억 원); larger figures are almost always a typo.
    pub fn wage(&mut self, field: &str, label: &str, value: Option<i64>) {
        match value {
            Some(v) if v < 0 => self.push(field, label, "금액은 0 이상이어야 합니다."),
            Some(v) if v >= 100_000_000 => self.push(
                field,
                label,
                "월 금액이 1억 원을 넘습니다. 단위(원)를 확인해 주세요.",
            ),
            _ => {}
        }
    }

    /// 주 근로시간: at most 52 hours, the 40 of 근로기준법 제50조 plus the 12
    /// of overtime 제53조 allows; anything above is a typing slip or a job
    /// the desk must not place anyone in.
    pub fn weekly_hours(&mut self, field: &str, label: &str, value: Option<u32>) {
        match value {
            Some(0) => self.push(field, label, "주 근로시간은 1시간 이상이어야 합니다."),
            Some(h) if h > MAX_WEEKLY_HOURS => self.push(
                field,
                label,
                format!(
                    "주 {h}시간은 법정 한도(주 {MAX_WEEKLY_HOURS}시간: 기본 40시간 + 연장 12시간)를 넘습니다."
                ),
            ),
            _ => {}
        }
    }

    /// A monthly wage at or above the year's 최저임금 for the weekly hours
    /// (40 when not given, capped at 40: overtime is paid on top): the
    /// hourly rate × 209 hours a month at 40 hours a week (주휴 included),
    /// in proportion below. Under 15 hours a week (no 주휴) and in a year
    /// the reference data does not have, nothing is checked.
    pub fn minimum_wage(
        &mut self,
        field: &str,
        label: &str,
        wage: Option<i64>,
        weekly_hours: Option<u32>,
        year: i32,
        codes: &dyn crate::CodeBook,
    ) {
        let hours = i64::from(weekly_hours.unwrap_or(40).min(40));
        let (Some(wage), Some(hourly)) = (wage, codes.minimum_wage_hourly(year)) else {
            return;
        };
        let Some(minimum) = minimum_monthly(hourly, weekly_hours) else {
            return;
        };
        if wage < minimum {
            self.push(
                field,
                label,
                format!(
                    "월 {}원은 {year}년 최저임금(시급 {}원, 주 {hours}시간 환산 월 {}원)보다 적습니다.",
                    grouped(wage),
                    grouped(hourly),
                    grouped(minimum)
                ),
            );
        }
    }

    /// A date that cannot be later than today (birth, consent, a session held).
    pub fn not_future(
        &mut self,
        field: &str,
        label: &str,
        value: Option<NaiveDate>,
        today: NaiveDate,
    ) {
        if let Some(d) = value
            && d > today
        {
            self.push(
                field,
                label,
                format!("미래 날짜({d})는 입력할 수 없습니다."),
            );
        }
    }

    /// `start` must not be after `end` when both are set.
    pub fn ordered(
        &mut self,
        field: &str,
        label: &str,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) {
        if let (Some(s), Some(e)) = (start, end)
            && s > e
        {
            self.push(
                field,
                label,
                format!("종료일({e})이 시작일({s})보다 빠릅니다."),
            );
        }
    }

    pub fn required(&mut self, field: &str, label: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(field, label, "필수 항목입니다.");
        }
    }
}

/// 사업자등록번호: 10 digits, the last a check digit over the first nine.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BusinessNumber(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BusinessNumberError {
    #[error("사업자등록번호는 숫자 10자리여야 합니다 (입력: {digits}자리).")]
    Length { digits: usize },
    #[error("사업자등록번호에는 숫자와 '-' 외의 문자('{found}')를 쓸 수 없습니다.")]
    Character { found: char },
    #[error("사업자등록번호의 검증번호가 맞지 않습니다. 번호를 다시 확인해 주세요.")]
    CheckDigit,
}

impl BusinessNumber {
    /// Accepts "123-45-67890", "1234567890" or with spaces; checks the digit.
    pub fn parse(input: &str) -> Result<Self, BusinessNumberError> {
        // A character that is no digit is named: counting only the digits
        // told "220.81.62517" that it had 10 digits and needed 10.
        let digits: Vec<u32> = input
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .map(|c| {
                c.to_digit(10)
                    .ok_or(BusinessNumberError::Character { found: c })
            })
            .collect::<Result<_, _>>()?;
        if digits.len() != 10 {
            return Err(BusinessNumberError::Length {
                digits: digits.len(),
            });
        }
        if check_digit(&digits[..9]) != digits[9] {
            return Err(BusinessNumberError::CheckDigit);
        }
        Ok(BusinessNumber(
            digits
                .iter()
                .filter_map(|d| char::from_digit(*d, 10))
                .collect(),
        ))
    }

    /// The 10 digits without separators.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// The usual display form, "123-45-67890".
    pub fn formatted(&self) -> String {
        format!("{}-{}-{}", &self.0[..3], &self.0[3..5], &self.0[5..])
    }
}

/// The National Tax Service check digit: weights 1,3,7,1,3,7,1,3,5 over the
/// first nine digits, plus the tens of (9th digit × 5); the check digit brings
/// the sum to a multiple of ten.
pub fn check_digit(first_nine: &[u32]) -> u32 {
    const WEIGHTS: [u32; 9] = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let mut sum: u32 = first_nine.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    sum += first_nine[8] * 5 / 10;
    (10 - sum % 10) % 10
}

impl TryFrom<String> for BusinessNumber {
    type Error = BusinessNumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        BusinessNumber::parse(&s)
    }
}

impl From<BusinessNumber> for String {
    fn from(b: BusinessNumber) -> String {
        b.formatted()
    }
}

impl fmt::Display for BusinessNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

/// A Korean phone number, stored in its hyphenated form ("010-1234-5678").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678, 02-123-4567).")]
pub struct PhoneError;

impl Phone {
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let mut digits: String = input.chars().filter(char::is_ascii_digit).collect();
        if input.trim_start().starts_with('+') {
            // +82 10-1234-5678 → 010-1234-5678
            digits = match digits.strip_prefix("82") {
                Some(rest) => format!("0{}", rest.trim_start_matches('0')),
                None => return Err(PhoneError),
            };
        }
        if input
            .chars()
            .any(|c| !(c.is_ascii_digit() || " -().+".contains(c)))
        {
            return Err(PhoneError);
        }
        let d = digits.as_str();
        let formatted = match d.len() {
            // 1588-1234 style nationwide numbers
            8 if d.starts_with('1') => format!("{}-{}", &d[..4], &d[4..]),
            9 if d.starts_with("02") => format!("02-{}-{}", &d[2..5], &d[5..]),
            10 if d.starts_with("02") => format!("02-{}-{}", &d[2..6], &d[6..]),
            10 if d.starts_with('0') => format!("{}-{}-{}", &d[..3], &d[3..6], &d[6..]),
            11 if d.starts_with('0') && !d.starts_with("02") => {
                format!("{}-{}-{}", &d[..3], &d[3..7], &d[7..])
            }
            _ => return Err(PhoneError),
        };
        Ok(Phone(formatted))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A phone field's JSON value in stored form: `Some` with the
    /// hyphenated text ([`Phone::parse`]) when `value` is a number written
    /// another way ("01012345678", "+82 10…"); `None` when it is stored
    /// form already, or not a phone number at all (not text, or text
    /// [`Phone::parse`] refuses: the record's check refuses that).
    pub fn normalised(value: &serde_json::Value) -> Option<serde_json::Value> {
        let text = value.as_str()?;
        let phone = Phone::parse(text).ok()?;
        (phone.0 != text).then_some(serde_json::Value::String(phone.0))
    }

    /// The number with the middle block hidden, for lists and logs.
    pub fn masked(&self) -> String {
        let parts: Vec<&str> = self.0.split('-').collect();
        match parts.as_slice() {
            [a, b, c] => format!("{a}-{}-{c}", "*".repeat(b.len())),
            _ => "*".repeat(self.0.len()),
        }
    }
}

impl TryFrom<String> for Phone {
    type Error = PhoneError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Phone::parse(&s)
    }
}

impl From<Phone> for String {
    fn from(p: Phone) -> String {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_number_check_digit() {
        // 220-81-62517 is a widely published valid number (the check digit is 7
        // by the NTS formula: sum 1*2+3*2+7*0+1*8+3*1+7*6+1*2+3*5+5*1 = 83, plus
        // 1*5/10 = 0, so (10 - 3) % 10 = 7).
        let ok = BusinessNumber::parse("220-81-62517").expect("valid number");
        assert_eq!(ok.digits(), "2208162517");
        assert_eq!(ok.formatted(), "220-81-62517");
        assert_eq!(
            BusinessNumber::parse("2208162518"),
            Err(BusinessNumberError::CheckDigit)
        );
        assert_eq!(
            BusinessNumber::parse("220-81-6251"),
            Err(BusinessNumberError::Length { digits: 9 })
        );
        assert_eq!(
            BusinessNumber::parse("22O-81-62517"),
            Err(BusinessNumberError::Character { found: 'O' }),
            "a letter O is not a zero"
        );
    }

    #[test]
    fn every_nine_digit_prefix_has_exactly_one_valid_check_digit() {
        for prefix in [[1, 2, 3, 4, 5, 6, 7, 8, 9], [0; 9], [9; 9]] {
            let valid = (0..10)
                .filter(|d| {
                    let s: String = prefix
                        .iter()
                        .chain(std::iter::once(d))
                        .map(|x| x.to_string())
                        .collect();
                    BusinessNumber::parse(&s).is_ok()
                })
                .count();
            assert_eq!(valid, 1, "{prefix:?}");
        }
    }

    #[test]
    fn phones_normalise_to_hyphenated_form() {
        let cases = [
            ("01012345678", "010-1234-5678"),
            ("010 1234 5678", "010-1234-5678"),
            ("+82 10-1234-5678", "010-1234-5678"),
            ("021234567", "02-123-4567"),
            ("0212345678", "02-1234-5678"),
            ("0311234567", "031-123-4567"),
            ("15881234", "1588-1234"),
        ];
        for (input, want) in cases {
            assert_eq!(
                Phone::parse(input).map(|p| p.0),
                Ok(want.to_owned()),
                "{input}"
            );
        }
        for bad in ["123", "010-1234-567a", "+1 415 555 0100", ""] {
            assert_eq!(Phone::parse(bad), Err(PhoneError), "{bad}");
        }
        assert_eq!(
            Phone::parse("010-1234-5678").map(|p| p.masked()),
            Ok("010-****-5678".into())
        );
    }

    #[test]
    fn a_json_phone_is_normalised_only_when_it_is_one_in_another_form() {
        use serde_json::json;
        assert_eq!(
            Phone::normalised(&json!("01012345678")),
            Some(json!("010-1234-5678"))
        );
        assert_eq!(
            Phone::normalised(&json!("+82 2 123 4567")),
            Some(json!("02-123-4567"))
        );
        for left in [
            json!("010-1234-5678"),
            json!("12"),
            json!(null),
            json!(1012345678),
        ] {
            assert_eq!(
                Phone::normalised(&left),
                None,
                "{left}: stored form, or for the check to refuse"
            );
        }
    }

    #[test]
    fn validation_collects_korean_messages() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let mut v = Validation::default();
        v.wage("desired_wage_monthly", "희망임금", Some(-1));
        v.not_future(
            "birth_date",
            "생년월일",
            NaiveDate::from_ymd_opt(2030, 1, 1),
            today,
        );
        v.not_future("birth_date", "생년월일", Some(today), today);
        assert_eq!(v.errors.len(), 2, "today itself is not in the future");
        assert_eq!(
            v.errors[0].to_string(),
            "희망임금: 금액은 0 이상이어야 합니다."
        );
    }
}
