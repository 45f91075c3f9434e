//! The company half of the package (기업지원): engines over a firm and its
//! vacancies, pure (no IO, no clock), their rules compiled in from
//! `assets/company/` with the basis and the date of each row.
//!
//! [`posting`] checks a vacancy's posting: what a seeker needs and does not
//! find (임금, 근무시간, 근무지, 하는 일), wording the law forbids in
//! recruitment (연령, 성별, 용모, 직무와 무관한 신체 조건과 개인정보), and
//! requirements out of line with the job. Each finding has a stable code,
//! the Korean text the counselor reads to the firm, where it is written,
//! and the law behind it. [`draft`] writes a posting from the vacancy's own
//! fields for the counselor to edit. [`hiring`] weighs the evidence for each
//! official 미충원 cause of a vacancy. [`programs`] finds the support programs
//! (지원사업) a firm may use on a date: 해당, 해당 없음 or 확인 필요 with the
//! facts that would settle it.

pub mod draft;
pub mod hiring;
pub mod posting;
pub mod programs;
pub mod visit;

pub use draft::{DraftInput, posting_draft};
pub use posting::{Field, Finding, Posting, PostingCheck, Span, check, rules_version};
