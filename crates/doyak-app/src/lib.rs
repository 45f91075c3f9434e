//! Doyak's use cases. Each one loads what it needs from the store, runs the
//! domain rules or an engine, saves (with its outbox row) and reports back in
//! terms a counselor understands. The CLI, the desk shell and the tests all
//! drive this same code; nothing here knows about Tauri or the terminal.

mod access;
pub mod auto_backup;
pub mod autolock;
mod backup;
mod casefile;
mod caseload;
pub mod center_settings;
mod clock;
pub mod codes;
mod companies;
mod company_compare;
mod company_diagnosis;
mod company_forms;
mod company_plan;
mod company_programs;
mod company_report;
mod consent_form;
mod correct;
mod counselors;
mod demo;
mod detail;
pub mod diagnosis;
mod drafts;
mod duplicates;
mod error;
mod export;
mod figures;
mod figures_report;
mod figures_view;
mod files;
mod forms;
mod iap;
pub mod import;
mod lists;
pub mod matching;
mod outcomes;
mod partners;
mod passphrase;
pub mod posting;
mod privacy;
mod privacy_view;
mod questionnaire;
mod quick;
mod recommend;
mod records;
mod report;
pub mod resume;
mod resume_view;
mod steps;
mod suggest;
mod summary;
pub mod sync;
mod today;
pub mod unlock;

pub use access::{AccessLogVerdict, AccessRow};
pub use auto_backup::{AutoBackupForm, AutoBackupRun, AutoBackupView, DueBackup, make_backup};
pub use autolock::{DEFAULT_AUTO_LOCK_MINUTES, LockNotice, LockReason};
pub use backup::{
    BackupSummary, RestoreForm, RestoreFrom, RestoreOutcome, check_restore, restore_caseload,
};
pub use casefile::{CaseFileChoices, ReferralForm, ReferralResultForm};
pub use caseload::{DEMO_PASSPHRASE, Desk, MIN_PASSPHRASE_CHARS, NewCaseload, NewCaseloadForm};
pub use center_settings::{AutoLockSetting, CenterSettings, RetentionSetting};
pub use clock::{Clock, FixedClock, SystemClock};
pub use companies::{
    CompanyDetail, CompanyFilterChoices, CompanyListQuery, CompanyPage, CompanyRow, ComplexView,
    VacancyListQuery, VacancyPage, VacancyRow, VisitForm,
};
pub use company_diagnosis::{
    AnswerChangeRow, CauseRow, CompanyDiagnosis, CompanyDiagnosisForm, CompanyDiagnosisView,
    ComparisonRow, DiagnosisComparison, DiagnosisHistoryRow, VacancyDiagnosis, VisitItemRow,
};
pub use company_forms::{CompanyForm, CompanyFormChoices, VacancyForm};
pub use company_plan::{CompanyPlanView, PlanActionForm, PlanActionRow, PlanOutcome};
pub use company_programs::{CompanyFactsForm, CompanyProgramsView, FactRow, ProgramRow};
pub use counselors::{
    COUNSELOR_NAME_MAX, CounselorRow, DeskCounselor, NewCounselorForm, written_at_label,
};
pub use detail::{EventRow, Fact, ReferralRow, SeekerDetail, SessionForm};
pub use diagnosis::{DiagnosisView, FitReasonRow, OccupationFitRow, RecommendationRow, UnitGapRow};
pub use doyak_domain::ErrorCode;
pub use drafts::{MAX_DRAFT_BYTES, SessionDraft};
pub use duplicates::DuplicateRow;
pub use error::{AppError, SyncFailure, UiError};
pub use export::{
    CliIdentifiers, ExportFormat, ExportKind, ExportPurpose, ExportRequest, Identifiers,
    MIN_PACKAGE_PASSWORD_CHARS,
};
pub use figures::{KPI_FORMAT, KpiReport, kpi_xlsx};
pub use figures_report::{kpi_document, kpi_pdf};
pub use figures_view::{
    KpiCutView, KpiDashboard, KpiFigureView, KpiMemberRow, KpiMembers, KpiRow, MEMBER_PAGE,
};
pub use files::{
    DataChoices, ExportOutcome, ImportOutcome, ImportRequest, ListExported, MAX_IMPORT_BYTES,
    Progress, data_choices, read_import_file,
};
pub use forms::{SeekerForm, SeekerFormChoices};
pub use iap::{
    IapCheckForm, IapDraft, IapDraftRow, IapForm, IapGoalForm, IapGoalRow, IapMonth, IapPlanForm,
    IapRow, IapView,
};
pub use import::{ImportKind, ImportOptions, ImportReport, RowError};
pub use lists::{Choice, MAX_PAGE, SeekerFilterChoices, SeekerListQuery};
pub use outcomes::{
    CheckRow, OutcomeChoices, PlacementDraft, PlacementForm, PlacementRow, RetentionDraft,
    RetentionForm,
};
pub use partners::{PARTNER_NAME_MAX, PartnerForm};
pub use passphrase::PassphraseChangeForm;
pub use posting::{PostingCheckView, PostingFieldText, PostingFindingRow};
pub use privacy::{Destroyed, RetentionDue, RetentionRun, Withdrawal};
pub use privacy_view::{
    ConsentRow, DestructionPreview, DestructionRow, PrivacyView, RetentionDueList, RetentionDueRow,
    WithdrawForm,
};
pub use questionnaire::{
    BarrierRow, QuestionRow, QuestionnaireForm, QuestionnaireProgress, QuestionnaireView,
    ReadinessView, ScaleRow,
};
pub use quick::{QUICK_PER_KIND, QuickGroup, QuickHit, QuickKind, QuickResults};
pub use recommend::{ApplicationRow, AssignmentView, RECOMMENDATIONS, ReasonRow, VacancyDetail};
pub use resume::{ResumeConfirmForm, ResumeConfirmed, ResumeFileView};
pub use resume_view::{
    ResumeAchievementRow, ResumeCertificateRow, ResumeConsultingForm, ResumeDeskView,
    ResumeEmploymentRow, ResumeKeywordRow, ResumeReasonRow, ResumeSectionRow, ResumeSpan,
    ResumeSuggestionRow, months_ko,
};
pub use steps::{StepForm, StepRow};
pub use suggest::{Recommendation, RecommendationView};
pub use summary::{CaseloadSummary, SeekerPage, SeekerRow};
pub use today::{
    DueFollowUp, DueRetention, FOLLOW_UP_PAGE, FollowUpGroup, OverdueActionRow, OverdueIapRow,
    StaleVacancy, TODAY_PAGE, TodayLimits, TodayTotals, TodayView, WaitingApplication,
    WaitingReferral,
};

pub use doyak_demo::DemoSpec;
pub use doyak_domain::FieldError;
pub use doyak_store::{ListOrder, Page, Passphrase, SeekerFilter};
