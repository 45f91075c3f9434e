//! Doyak's domain: what a counselor records about job seekers and companies, the
//! rules that make a record valid, Korean name matching, ids and clocks.
//!
//! Everything here is pure: no SQLite, no files, no clock, no randomness. Time and
//! random bytes come in as arguments, so the tests run in milliseconds and nothing
//! here can fail for IO reasons.

pub mod center_settings;
pub mod codes;
pub mod company;
pub mod error_code;
pub mod events;
pub mod field_text;
pub mod hlc;
pub mod id;
pub mod korean;
pub mod masking;
pub mod org;
pub mod privacy;
pub mod record;
pub mod seeker;
pub mod validate;

pub use codes::{CodeBook, KecoCode, KsicCode, SigunguCode};
pub use company::{
    Company, CompanySize, CompanyStatus, FocusIndustry, Shift, Vacancy, VacancyStatus,
};
pub use error_code::ErrorCode;
pub use events::{Application, CaseEvent, EventBody, Referral, ReferralStatus};
pub use hlc::{Hlc, HlcStamp};
pub use id::Id;
pub use org::{Center, Counselor, CounselorRole, PartnerInstitution};
pub use record::{CheckContext, EntityKind, EventRecord, SharedRecord};
pub use seeker::{Gender, JobSeeker, SeekerStatus, TargetGroup, Track};
pub use validate::{BusinessNumber, FieldError, Phone, Validation};
