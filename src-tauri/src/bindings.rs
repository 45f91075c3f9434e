//! The TypeScript types of everything the page receives or sends, written to
//! `ui/src/bindings.ts`. A test compares the committed file with what the Rust
//! types produce now, so the page cannot drift from the commands: when a type
//! changes, run `DOYAK_BLESS=1 cargo test -p doyak-desk bindings` and commit.

#[cfg(test)]
mod tests {
    use crate::commands::DeskInfo;
    use crate::sync::{Joined, SyncPanel};
    use doyak_app::DataChoices;
    use doyak_app::DuplicateRow;
    use doyak_app::FieldError;
    use doyak_app::FollowUpGroup;
    use doyak_app::PassphraseChangeForm;
    use doyak_app::SessionDraft;
    use doyak_app::sync::{
        ConflictChoice, ConflictView, Enrolled, JoinForm, RejectionView, SameIdChoice, SideView,
        SyncReport, SyncStatus,
    };
    use doyak_app::{
        ApplicationRow, AssignmentView, ReasonRow, Recommendation, RecommendationView,
        VacancyDetail,
    };
    use doyak_app::{
        BarrierRow, QuestionRow, QuestionnaireForm, QuestionnaireProgress, QuestionnaireView,
        ReadinessView, ScaleRow,
    };
    use doyak_app::{CaseFileChoices, IapForm, IapRow, ReferralForm, ReferralResultForm};
    use doyak_app::{
        CaseloadSummary, Choice, DueFollowUp, DueRetention, EventRow, Fact, ReferralRow,
        SeekerDetail, SeekerFilterChoices, SeekerForm, SeekerFormChoices, SeekerListQuery,
        SeekerPage, SeekerRow, SessionForm, StaleVacancy, TodayView, UiError, WaitingApplication,
        WaitingReferral,
    };
    use doyak_app::{
        CheckRow, OutcomeChoices, PlacementDraft, PlacementForm, PlacementRow, RetentionDraft,
        RetentionForm, StepForm, StepRow,
    };
    use doyak_app::{
        CompanyDetail, CompanyFilterChoices, CompanyForm, CompanyFormChoices, CompanyListQuery,
        CompanyPage, CompanyRow, ComplexView, VacancyForm, VacancyListQuery, VacancyPage,
        VacancyRow, VisitForm,
    };
    use doyak_app::{CounselorRow, DeskCounselor, NewCounselorForm, PartnerForm};
    use doyak_app::{DiagnosisView, FitReasonRow, OccupationFitRow, RecommendationRow, UnitGapRow};
    use doyak_app::{
        ExportOutcome, ImportKind, ImportOutcome, ImportReport, ImportRequest, NewCaseloadForm,
        Progress, RowError,
    };
    use doyak_app::{
        IapCheckForm, IapDraft, IapDraftRow, IapGoalForm, IapGoalRow, IapMonth, IapPlanForm,
        IapView, OverdueIapRow,
    };
    use doyak_app::{QuickGroup, QuickHit, QuickKind, QuickResults};
    use doyak_app::{
        ResumeAchievementRow, ResumeCertificateRow, ResumeConfirmForm, ResumeConfirmed,
        ResumeConsultingForm, ResumeDeskView, ResumeEmploymentRow, ResumeFileView,
        ResumeKeywordRow, ResumeReasonRow, ResumeSectionRow, ResumeSpan, ResumeSuggestionRow,
    };
    use ts_rs::{Config, TS};

    fn decl<T: TS>(cfg: &Config) -> String {
        let mut out = String::new();
        if let Some(docs) = T::docs() {
            out.push_str(&docs);
        }
        out.push_str("export ");
        out.push_str(&T::decl(cfg));
        out.push('\n');
        out
    }

    fn render() -> String {
        let cfg = Config::default();
        let parts = [
            decl::<DeskInfo>(&cfg),
            decl::<SyncPanel>(&cfg),
            decl::<SyncStatus>(&cfg),
            decl::<SyncReport>(&cfg),
            decl::<Enrolled>(&cfg),
            decl::<JoinForm>(&cfg),
            decl::<Joined>(&cfg),
            decl::<ConflictView>(&cfg),
            decl::<SideView>(&cfg),
            decl::<ConflictChoice>(&cfg),
            decl::<SameIdChoice>(&cfg),
            decl::<RejectionView>(&cfg),
            decl::<CaseloadSummary>(&cfg),
            decl::<UiError>(&cfg),
            decl::<FieldError>(&cfg),
            decl::<SeekerListQuery>(&cfg),
            decl::<SeekerPage>(&cfg),
            decl::<SeekerRow>(&cfg),
            decl::<SeekerFilterChoices>(&cfg),
            decl::<Choice>(&cfg),
            decl::<TodayView>(&cfg),
            decl::<doyak_app::TodayTotals>(&cfg),
            decl::<doyak_app::TodayLimits>(&cfg),
            decl::<DueFollowUp>(&cfg),
            decl::<FollowUpGroup>(&cfg),
            decl::<DueRetention>(&cfg),
            decl::<WaitingReferral>(&cfg),
            decl::<WaitingApplication>(&cfg),
            decl::<StaleVacancy>(&cfg),
            decl::<SeekerDetail>(&cfg),
            decl::<Fact>(&cfg),
            decl::<EventRow>(&cfg),
            decl::<ReferralRow>(&cfg),
            decl::<IapRow>(&cfg),
            decl::<IapForm>(&cfg),
            decl::<IapView>(&cfg),
            decl::<IapMonth>(&cfg),
            decl::<IapGoalRow>(&cfg),
            decl::<IapCheckForm>(&cfg),
            decl::<IapGoalForm>(&cfg),
            decl::<IapDraft>(&cfg),
            decl::<IapDraftRow>(&cfg),
            decl::<IapPlanForm>(&cfg),
            decl::<OverdueIapRow>(&cfg),
            decl::<doyak_app::OverdueActionRow>(&cfg),
            decl::<QuestionRow>(&cfg),
            decl::<QuestionnaireView>(&cfg),
            decl::<QuestionnaireForm>(&cfg),
            decl::<QuestionnaireProgress>(&cfg),
            decl::<ReadinessView>(&cfg),
            decl::<ScaleRow>(&cfg),
            decl::<BarrierRow>(&cfg),
            decl::<ReferralResultForm>(&cfg),
            decl::<ReferralForm>(&cfg),
            decl::<CaseFileChoices>(&cfg),
            decl::<SeekerForm>(&cfg),
            decl::<SeekerFormChoices>(&cfg),
            decl::<DuplicateRow>(&cfg),
            decl::<PartnerForm>(&cfg),
            decl::<CounselorRow>(&cfg),
            decl::<DeskCounselor>(&cfg),
            decl::<NewCounselorForm>(&cfg),
            decl::<QuickKind>(&cfg),
            decl::<QuickHit>(&cfg),
            decl::<QuickGroup>(&cfg),
            decl::<QuickResults>(&cfg),
            decl::<SessionDraft>(&cfg),
            decl::<SessionForm>(&cfg),
            decl::<CompanyListQuery>(&cfg),
            decl::<CompanyPage>(&cfg),
            decl::<CompanyRow>(&cfg),
            decl::<CompanyFilterChoices>(&cfg),
            decl::<VacancyListQuery>(&cfg),
            decl::<VacancyPage>(&cfg),
            decl::<VacancyRow>(&cfg),
            decl::<CompanyForm>(&cfg),
            decl::<VacancyForm>(&cfg),
            decl::<CompanyFormChoices>(&cfg),
            decl::<CompanyDetail>(&cfg),
            decl::<ComplexView>(&cfg),
            decl::<VisitForm>(&cfg),
            decl::<NewCaseloadForm>(&cfg),
            decl::<ImportKind>(&cfg),
            decl::<ImportRequest>(&cfg),
            decl::<ImportOutcome>(&cfg),
            decl::<ImportReport>(&cfg),
            decl::<RowError>(&cfg),
            decl::<ExportOutcome>(&cfg),
            decl::<Progress>(&cfg),
            decl::<DiagnosisView>(&cfg),
            decl::<ResumeFileView>(&cfg),
            decl::<ResumeSpan>(&cfg),
            decl::<ResumeReasonRow>(&cfg),
            decl::<ResumeSuggestionRow>(&cfg),
            decl::<ResumeSectionRow>(&cfg),
            decl::<ResumeCertificateRow>(&cfg),
            decl::<ResumeEmploymentRow>(&cfg),
            decl::<ResumeAchievementRow>(&cfg),
            decl::<ResumeKeywordRow>(&cfg),
            decl::<ResumeDeskView>(&cfg),
            decl::<ResumeConfirmForm>(&cfg),
            decl::<ResumeConfirmed>(&cfg),
            decl::<ResumeConsultingForm>(&cfg),
            decl::<doyak_app::PostingCheckView>(&cfg),
            decl::<doyak_app::CauseRow>(&cfg),
            decl::<doyak_app::VacancyDiagnosis>(&cfg),
            decl::<doyak_app::CompanyDiagnosis>(&cfg),
            decl::<doyak_app::VisitItemRow>(&cfg),
            decl::<doyak_app::DiagnosisHistoryRow>(&cfg),
            decl::<doyak_app::CompanyDiagnosisView>(&cfg),
            decl::<doyak_app::CompanyDiagnosisForm>(&cfg),
            decl::<doyak_app::ComparisonRow>(&cfg),
            decl::<doyak_app::AnswerChangeRow>(&cfg),
            decl::<doyak_app::DiagnosisComparison>(&cfg),
            decl::<doyak_app::PlanActionRow>(&cfg),
            decl::<doyak_app::PlanOutcome>(&cfg),
            decl::<doyak_app::CompanyPlanView>(&cfg),
            decl::<doyak_app::KpiRow>(&cfg),
            decl::<doyak_app::KpiCutView>(&cfg),
            decl::<doyak_app::KpiFigureView>(&cfg),
            decl::<doyak_app::KpiDashboard>(&cfg),
            decl::<doyak_app::KpiMemberRow>(&cfg),
            decl::<doyak_app::KpiMembers>(&cfg),
            decl::<doyak_app::PlanActionForm>(&cfg),
            decl::<doyak_app::FactRow>(&cfg),
            decl::<doyak_app::ProgramRow>(&cfg),
            decl::<doyak_app::CompanyProgramsView>(&cfg),
            decl::<doyak_app::CompanyFactsForm>(&cfg),
            decl::<doyak_app::PostingFieldText>(&cfg),
            decl::<doyak_app::PostingFindingRow>(&cfg),
            decl::<OccupationFitRow>(&cfg),
            decl::<FitReasonRow>(&cfg),
            decl::<UnitGapRow>(&cfg),
            decl::<RecommendationRow>(&cfg),
            decl::<RecommendationView>(&cfg),
            decl::<Recommendation>(&cfg),
            decl::<ReasonRow>(&cfg),
            decl::<ApplicationRow>(&cfg),
            decl::<StepRow>(&cfg),
            decl::<StepForm>(&cfg),
            decl::<OutcomeChoices>(&cfg),
            decl::<PlacementForm>(&cfg),
            decl::<PlacementDraft>(&cfg),
            decl::<PlacementRow>(&cfg),
            decl::<CheckRow>(&cfg),
            decl::<RetentionForm>(&cfg),
            decl::<RetentionDraft>(&cfg),
            decl::<VacancyDetail>(&cfg),
            decl::<AssignmentView>(&cfg),
            decl::<PassphraseChangeForm>(&cfg),
            decl::<DataChoices>(&cfg),
            decl::<doyak_app::PrivacyView>(&cfg),
            decl::<doyak_app::ConsentRow>(&cfg),
            decl::<doyak_app::DestructionRow>(&cfg),
            decl::<doyak_app::DestructionPreview>(&cfg),
            decl::<doyak_app::WithdrawForm>(&cfg),
            decl::<doyak_app::RetentionDueList>(&cfg),
            decl::<doyak_app::RetentionDueRow>(&cfg),
            decl::<doyak_app::AccessRow>(&cfg),
            decl::<doyak_app::AccessLogVerdict>(&cfg),
            decl::<doyak_app::LockReason>(&cfg),
            decl::<doyak_app::LockNotice>(&cfg),
            decl::<doyak_app::AutoLockSetting>(&cfg),
            decl::<doyak_app::RetentionSetting>(&cfg),
            decl::<doyak_app::CenterSettings>(&cfg),
            decl::<doyak_app::AutoBackupForm>(&cfg),
            decl::<doyak_app::AutoBackupView>(&cfg),
            decl::<doyak_app::RestoreForm>(&cfg),
            decl::<doyak_app::RestoreOutcome>(&cfg),
            decl::<doyak_app::ExportPurpose>(&cfg),
            decl::<doyak_app::Identifiers>(&cfg),
            decl::<doyak_app::ExportRequest>(&cfg),
            decl::<doyak_app::ListExported>(&cfg),
        ];
        let mut out = String::from(
            "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:\n\
             // change the Rust type, run `DOYAK_BLESS=1 cargo test -p doyak-desk bindings`, commit.\n\n",
        );
        out.push_str(&parts.join("\n"));
        out
    }

    #[test]
    fn bindings_ts_matches_the_rust_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let now = render();
        if std::env::var_os("DOYAK_BLESS").is_some() {
            std::fs::write(&path, &now).expect("write ui/src/bindings.ts");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == now,
            "ui/src/bindings.ts is stale: run `DOYAK_BLESS=1 cargo test -p doyak-desk bindings` and commit the result"
        );
    }
}
