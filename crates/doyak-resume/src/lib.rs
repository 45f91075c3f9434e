//! Résumé and 자기소개서 consulting, offline and in Korean.
//!
//! [`read`] turns a file's bytes into text blocks. The engine reads those
//! blocks into sections, certificates, an employment timeline and
//! quantified achievements, then scores them against an industry rubric
//! (assets/resume) and, when given, a vacancy. Pure: "today" is an
//! argument, nothing is read from disk or the clock.

mod achievements;
mod analysis;
mod certificates;
pub mod dates;
mod keywords;
pub mod read;
mod rubric;
mod sections;
pub mod text;
mod timeline;

pub use achievements::Achievement;
pub use analysis::{
    Analysis, FORMAT, FORMAT_VERSION, IndustryBasis, IndustryChoice, Options, PartFound, Reason,
    SectionFound, Suggestion, analyse, analyse_text,
};
pub use certificates::{
    Certificate, Kind as CertificateKind, Status as CertificateStatus, TitleMention,
};
pub use dates::YearMonth;
pub use keywords::{KeywordKind, KeywordRow, Vacancy};
pub use rubric::{Industry, Legal, RUBRICS, Rubrics, Rule, RuleKind};
pub use sections::{IntroPart, Section};
pub use timeline::{Employment, Interval};
