//! Classification codes a record refers to (KSIC industries, KECO occupations,
//! 시군구 regions) and the trait through which validation asks whether a code
//! exists, so this crate stays free of the reference tables themselves.

use serde::{Deserialize, Serialize};

/// Answers "does this code exist?" for validation. Implemented by the reference
/// data crate; tests use small fakes.
pub trait CodeBook {
    fn has_ksic(&self, code: &str) -> bool;
    fn has_keco(&self, code: &str) -> bool;
    fn has_sigungu(&self, code: &str) -> bool;
    fn has_ppuri_tech(&self, code: &str) -> bool;
    /// The year's 최저임금 per hour in 원, when the reference data has it.
    fn minimum_wage_hourly(&self, _year: i32) -> Option<i64> {
        None
    }
}

macro_rules! code_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.trim().to_owned())
            }
        }
    };
}

code_newtype!(
    /// 한국표준산업분류 (KSIC, 11th revision) code at any level: section letter
    /// "C", division "24", group "243", class "2431" or sub-class "24311".
    KsicCode
);
code_newtype!(
    /// 한국고용직업분류 2018 (KECO) code: major group "7", middle group "74", or a
    /// finer code the reference data knows.
    KecoCode
);
code_newtype!(
    /// 5-digit 시군구 code, e.g. "11110" for 서울특별시 종로구.
    SigunguCode
);

impl KecoCode {
    /// The 2-digit middle group this code belongs to, when it has one.
    pub fn middle(&self) -> Option<&str> {
        self.0.get(..2).filter(|_| self.0.len() >= 2)
    }

    /// The 1-digit major group.
    pub fn major(&self) -> Option<&str> {
        self.0.get(..1)
    }
}
