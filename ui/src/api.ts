// The desk's commands, typed with the bindings generated from the Rust types
// (bindings.ts, written by `cargo test -p doyak-desk bindings` — never by hand).
import { Channel, invoke } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import type {
  CaseFileChoices,
  IapForm,
  IapCheckForm,
  IapView,
  IapGoalForm,
  IapDraft,
  IapPlanForm,
  QuestionnaireView,
  QuestionnaireForm,
  QuestionnaireProgress,
  ReadinessView,
  ReferralForm,
  ReferralResultForm,
  DuplicateRow,
  FollowUpGroup,
  QuickResults,
  DeskCounselor,
  NewCounselorForm,
  PartnerForm,
  SessionDraft,
  OutcomeChoices,
  PlacementDraft,
  PlacementForm,
  RetentionDraft,
  RetentionForm,
  StepForm,
} from "./bindings";
import type { KpiDashboard, KpiMembers } from "./bindings";
import type { AccessLogVerdict, AccessRow, PrivacyView, RetentionDueList, WithdrawForm } from "./bindings";
import type { RestoreForm, RestoreOutcome } from "./bindings";
import type { AutoBackupForm, AutoBackupView, AutoLockSetting, CenterSettings, ExportRequest, ListExported, LockNotice, RetentionSetting } from "./bindings";
import type {
  DataChoices,
  ExportOutcome,
  ImportKind,
  ImportOutcome,
  ImportRequest,
  NewCaseloadForm,
  Progress,
} from "./bindings";
import type {
  CompanyDetail,
  PostingCheckView,
  CompanyFilterChoices,
  CompanyForm,
  CompanyFormChoices,
  CompanyListQuery,
  CompanyPage,
  ComplexView,
  VacancyForm,
  VacancyListQuery,
  VacancyPage,
  VisitForm,
} from "./bindings";
import type {
  CaseloadSummary,
  Choice,
  DeskInfo,
  EventRow,
  FieldError,
  SeekerDetail,
  SeekerForm,
  SeekerFormChoices,
  SessionForm,
  SeekerListQuery,
  SeekerFilterChoices,
  SeekerPage,
  TodayLimits,
  TodayView,
  UiError,
} from "./bindings";

import type { ApplicationRow, AssignmentView, DiagnosisView, RecommendationView, VacancyDetail } from "./bindings";
import type { ConflictChoice, ConflictView, Enrolled, JoinForm, Joined, RejectionView, SameIdChoice, SyncPanel, SyncReport } from "./bindings";
import type { PassphraseChangeForm } from "./bindings";
import type {
  CompanyDiagnosis,
  CompanyDiagnosisForm,
  CompanyDiagnosisView,
  CompanyFactsForm,
  CompanyPlanView,
  CompanyProgramsView,
  DiagnosisComparison,
  PlanActionForm,
} from "./bindings";
import type { ResumeConfirmed, ResumeConfirmForm, ResumeConsultingForm, ResumeDeskView, ResumeFileView } from "./bindings";

export type { UiError };

/** The reference lists a code picker can search. */
export type CodeList = "keco" | "ksic" | "sigungu" | "qualification";

/** Whatever a command throws, the screens see a `UiError` with a Korean message. */
export function toUiError(e: unknown): UiError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const o = e as Partial<UiError>;
    return {
      code: String(o.code),
      message: String(o.message),
      fields: Array.isArray(o.fields) ? o.fields : [],
    };
  }
  return { code: "desk.internal", message: `작업을 마치지 못했습니다. (${String(e)})`, fields: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toUiError(e);
  }
}

export const api = {
  deskInfo: () => call<DeskInfo>("desk_info"),
  unlock: (passphrase: string) => call<CaseloadSummary>("unlock", { passphrase }),
  summary: () => call<CaseloadSummary>("summary"),
  listSeekers: (query: SeekerListQuery) => call<SeekerPage>("list_seekers", { query }),
  seekerFilterChoices: () => call<SeekerFilterChoices>("seeker_filter_choices"),
  today: (limits?: TodayLimits) => call<TodayView>("today", { limits: limits ?? null }),
  followUpPage: (key: string, offset: number) => call<FollowUpGroup>("follow_up_page", { key, offset }),
  seekerDetail: (id: string) => call<SeekerDetail>("seeker_detail", { id }),
  privacyView: (seekerId: string) => call<PrivacyView>("privacy_view", { seekerId }),
  withdrawConsent: (form: WithdrawForm) => call<PrivacyView>("withdraw_consent", { form }),
  retentionDue: (limit: number) => call<RetentionDueList>("retention_due", { limit }),
  saveConsentForm: (seekerId: string) => call<ExportOutcome>("save_consent_form", { seekerId }),
  accessLog: (recordId: string, limit: number) => call<AccessRow[]>("access_log", { recordId, limit }),
  verifyAccessLog: () => call<AccessLogVerdict>("verify_access_log"),
  backupCaseload: (passphrase: string) => call<ExportOutcome>("backup_caseload", { passphrase }),
  deskActivity: () => call<null>("desk_activity"),
  lockDesk: () => call<boolean>("lock_desk"),
  lockState: () => call<LockNotice | null>("lock_state"),
  autoLockSetting: () => call<AutoLockSetting>("auto_lock_setting"),
  setAutoLockMinutes: (minutes: number) => call<AutoLockSetting>("set_auto_lock_minutes", { minutes }),
  centerSettings: () => call<CenterSettings>("center_settings"),
  setRetentionRule: (kind: string, years: number, basis: string) =>
    call<RetentionSetting[]>("set_retention_rule", { kind, years, basis }),
  seekerFormChoices: () => call<SeekerFormChoices>("seeker_form_choices"),
  newSeekerForm: () => call<SeekerForm>("new_seeker_form"),
  checkSeekerForm: (form: SeekerForm) => call<FieldError[]>("check_seeker_form", { form }),
  quickSearch: (text: string) => call<QuickResults>("quick_search", { text }),
  deskCounselor: () => call<DeskCounselor>("desk_counselor"),
  chooseCounselor: (id: string) => call<DeskCounselor>("choose_counselor", { id }),
  addCounselor: (form: NewCounselorForm) => call<DeskCounselor>("add_counselor", { form }),
  addPartner: (form: PartnerForm) => call<Choice>("add_partner", { form }),
  seekerDuplicates: (form: SeekerForm) => call<DuplicateRow[]>("seeker_duplicates", { form }),
  saveSeekerForm: (form: SeekerForm) => call<string>("save_seeker_form", { form }),
  contactModes: () => call<Choice[]>("contact_modes"),
  newSessionForm: (seekerId: string) => call<SessionForm>("new_session_form", { seekerId }),
  sessionCorrectionForm: (eventId: string) => call<SessionForm>("session_correction_form", { eventId }),
  sessionDraft: (seekerId: string) => call<SessionDraft | null>("session_draft", { seekerId }),
  saveSessionDraft: (form: SessionForm) => call<null>("save_session_draft", { form }),
  dropSessionDraft: (seekerId: string) => call<null>("drop_session_draft", { seekerId }),
  addSession: (form: SessionForm) => call<EventRow>("add_session", { form }),
  searchCodes: (list: CodeList, query: string) => call<Choice[]>("search_codes", { list, query }),
  codeLabels: (list: CodeList, codes: string[]) => call<Choice[]>("code_labels", { list, codes }),
  companyFilterChoices: () => call<CompanyFilterChoices>("company_filter_choices"),
  companyList: (query: CompanyListQuery) => call<CompanyPage>("company_list", { query }),
  vacancyList: (query: VacancyListQuery) => call<VacancyPage>("vacancy_list", { query }),
  companyFormChoices: () => call<CompanyFormChoices>("company_form_choices"),
  companyDetail: (id: string) => call<CompanyDetail>("company_detail", { id }),
  newCompanyForm: (industrialComplex: string) => call<CompanyForm>("new_company_form", { industrialComplex }),
  checkCompanyForm: (form: CompanyForm) => call<FieldError[]>("check_company_form", { form }),
  saveCompanyForm: (form: CompanyForm) => call<string>("save_company_form", { form }),
  newVacancyForm: (companyId: string) => call<VacancyForm>("new_vacancy_form", { companyId }),
  vacancyForm: (id: string) => call<VacancyForm>("vacancy_form", { id }),
  checkVacancyForm: (form: VacancyForm) => call<FieldError[]>("check_vacancy_form", { form }),
  saveVacancyForm: (form: VacancyForm) => call<string>("save_vacancy_form", { form }),
  complexView: (name: string) => call<ComplexView>("complex_view", { name }),
  recordVisit: (form: VisitForm) => call<EventRow>("record_visit", { form }),
  createCaseload: (form: NewCaseloadForm) => call<CaseloadSummary>("create_caseload", { form }),
  /** Imports the file at `path` (picked with `pickImportFile`); the desk
   * checks its size before reading it. */
  importFile: (request: ImportRequest, path: string, onProgress: (p: Progress) => void) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return call<ImportOutcome>("import_file", { request, path, onProgress: channel });
  },
  /** The native file dialog; resolves to the picked path, or null when the
   * counselor closed it. */
  pickImportFile: async (extensions: string[]): Promise<string | null> => {
    try {
      const picked = await open({ multiple: false, directory: false, filters: [{ name: "CSV·엑셀", extensions }] });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      throw toUiError(e);
    }
  },
  /** The native folder dialog (자동 백업's folder); null when closed. */
  pickFolder: async (): Promise<string | null> => {
    try {
      const picked = await open({ multiple: false, directory: true });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      throw toUiError(e);
    }
  },
  /** The native file dialog for a backup (.doyak); null when closed. */
  pickBackupFile: async (): Promise<string | null> => {
    try {
      const picked = await open({ multiple: false, directory: false, filters: [{ name: "도약 백업", extensions: ["doyak"] }] });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      throw toUiError(e);
    }
  },
  /** 복원: the caseload closes for it and opens again on the restored file. */
  restoreBackup: (form: RestoreForm) => call<RestoreOutcome>("restore_backup", { form }),
  autoBackup: () => call<AutoBackupView>("auto_backup"),
  setAutoBackup: (form: AutoBackupForm) => call<AutoBackupView>("set_auto_backup", { form }),
  dataChoices: () => call<DataChoices>("data_choices"),
  /** `format` is one of `DataChoices.export_formats`' values. */
  exportFile: (request: ExportRequest) => call<ListExported>("export_file", { request }),
  saveSeekerReport: (seekerId: string) => call<ExportOutcome>("save_seeker_report", { seekerId }),
  saveCompanyReport: (companyId: string) => call<ExportOutcome>("save_company_report", { companyId }),
  generateDemo: (seekers: number, companies: number, seed: number, onProgress: (p: Progress) => void) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return call<number>("generate_demo", { seekers, companies, seed, onProgress: channel });
  },
  diagnoseSeeker: (seekerId: string) => call<DiagnosisView>("diagnose_seeker", { seekerId }),
  recommendedVacancies: (seekerId: string) => call<RecommendationView>("recommended_vacancies", { seekerId }),
  recommendedSeekers: (vacancyId: string) => call<RecommendationView>("recommended_seekers", { vacancyId }),
  assignmentSuggestions: () => call<AssignmentView>("assignment_suggestions"),
  seekerApplications: (seekerId: string) => call<ApplicationRow[]>("seeker_applications", { seekerId }),
  vacancyDetail: (id: string) => call<VacancyDetail>("vacancy_detail", { id }),
  postingCheck: (vacancyId: string) => call<PostingCheckView>("posting_check", { vacancyId }),
  postingDraft: (vacancyId: string) => call<string>("posting_draft", { vacancyId }),
  savePostingText: (vacancyId: string, text: string) => call<null>("save_posting_text", { vacancyId, text }),
  addApplication: (seekerId: string, vacancyId: string, status: "shortlisted" | "proposed") =>
    call<ApplicationRow>("add_application", { seekerId, vacancyId, status }),
  stepApplication: (form: StepForm) => call<ApplicationRow>("step_application", { form }),
  outcomeChoices: () => call<OutcomeChoices>("outcome_choices"),
  newPlacementForm: (seekerId: string, applicationId: string) =>
    call<PlacementDraft>("new_placement_form", { seekerId, applicationId }),
  addPlacement: (form: PlacementForm) => call<string>("add_placement", { form }),
  newRetentionForm: (placementId: string, months: number) =>
    call<RetentionDraft>("new_retention_form", { placementId, months }),
  addRetention: (form: RetentionForm) => call<null>("add_retention", { form }),
  caseFileChoices: () => call<CaseFileChoices>("case_file_choices"),
  addIapActivity: (form: IapForm) => call<string>("add_iap_activity", { form }),
  completeIapActivity: (id: string) => call<null>("complete_iap_activity", { id }),
  editIapActivity: (id: string, form: IapForm) => call<null>("edit_iap_activity", { id, form }),
  checkIapActivity: (form: IapCheckForm) => call<null>("check_iap_activity", { form }),
  iap: (seekerId: string) => call<IapView>("iap", { seekerId }),
  setIapGoal: (form: IapGoalForm) => call<null>("set_iap_goal", { form }),
  draftIap: (seekerId: string, occupation: string) => call<IapDraft>("draft_iap", { seekerId, occupation }),
  saveIapPlan: (form: IapPlanForm) => call<null>("save_iap_plan", { form }),
  questionnaire: (seekerId: string) => call<QuestionnaireView>("questionnaire", { seekerId }),
  saveQuestionnaireDraft: (form: QuestionnaireForm) =>
    call<QuestionnaireProgress>("save_questionnaire_draft", { form }),
  submitQuestionnaire: (form: QuestionnaireForm) => call<ReadinessView>("submit_questionnaire", { form }),
  addReferral: (form: ReferralForm) => call<string>("add_referral", { form }),
  recordReferralResult: (form: ReferralResultForm) => call<null>("record_referral_result", { form }),
  syncPanel: () => call<SyncPanel>("sync_panel"),
  /** Resolves to null when a sync was already running. */
  syncNow: (onProgress: (r: SyncReport) => void) => {
    const channel = new Channel<SyncReport>();
    channel.onmessage = onProgress;
    return call<SyncReport | null>("sync_now", { onProgress: channel });
  },
  /** 센터에 합류: enrolls this laptop, creates and opens the caseload, then
   * pulls the center's records with progress. */
  joinCenter: (form: JoinForm, onProgress: (r: SyncReport) => void) => {
    const channel = new Channel<SyncReport>();
    channel.onmessage = onProgress;
    return call<Joined>("join_center", { form, onProgress: channel });
  },
  enrollDevice: (server: string, code: string, deviceName: string) =>
    call<Enrolled>("enroll_device", { server, code, deviceName }),
  conflictQueue: () => call<ConflictView[]>("conflict_queue"),
  resolveConflict: (conflictId: string, choice: ConflictChoice) =>
    call<null>("resolve_conflict", { conflictId, choice }),
  dismissRejection: (mutationId: string) => call<null>("dismiss_rejection", { mutationId }),
  retryRejection: (mutationId: string) => call<boolean>("retry_rejection", { mutationId }),
  settleSameId: (recordId: string, group: string, choice: SameIdChoice) =>
    call<string | null>("settle_same_id", { recordId, group, choice }),
  syncRejections: () => call<RejectionView[]>("sync_rejections"),
  changePassphrase: (form: PassphraseChangeForm) => call<null>("change_passphrase", { form }),
  /** Keeps the file at `path` (picked with `pickResumeFile`) as the
   * seeker's next résumé version; a file the desk cannot read is refused. */
  attachResume: (seekerId: string, path: string) => call<ResumeFileView>("attach_resume", { seekerId, path }),
  /** The seeker's résumé versions, newest first. */
  resumeFiles: (seekerId: string) => call<ResumeFileView[]>("resume_files", { seekerId }),
  /** One version analysed; with `vacancyId` also against that vacancy. */
  resumeView: (seekerId: string, fileId: string, vacancyId: string | null) =>
    call<ResumeDeskView>("resume_view", { seekerId, fileId, vacancyId }),
  /** The counselor's unsaved edit of a version, analysed by the same rules. */
  resumeEditView: (seekerId: string, fileId: string, text: string, vacancyId: string | null) =>
    call<ResumeDeskView>("resume_edit_view", { seekerId, fileId, text, vacancyId }),
  /** Keeps an edit of version `basedOn` as the next version. */
  saveEditedResume: (seekerId: string, basedOn: number, text: string) =>
    call<ResumeFileView>("save_edited_resume", { seekerId, basedOn, text }),
  confirmResumeFacts: (form: ResumeConfirmForm) => call<ResumeConfirmed>("confirm_resume_facts", { form }),
  saveResumeReport: (seekerId: string, fileId: string, vacancyId: string | null) =>
    call<ExportOutcome>("save_resume_report", { seekerId, fileId, vacancyId }),
  /** Resolves to the id of the 이력서 컨설팅 event. */
  saveResumeConsulting: (form: ResumeConsultingForm) => call<string>("save_resume_consulting", { form }),
  /** The 진단 tab of a firm: the visit form, the last answers, today's
   * diagnosis with them and the saved diagnoses. */
  companyDiagnosisView: (companyId: string) => call<CompanyDiagnosisView>("company_diagnosis_view", { companyId }),
  /** The diagnosis with the answers on the page; nothing saved. Bad answers
   * come back as field errors keyed `answers.<item id>`. */
  previewCompanyDiagnosis: (form: CompanyDiagnosisForm) => call<CompanyDiagnosis>("preview_company_diagnosis", { form }),
  /** Resolves to the id of the 구인애로 진단 event. */
  saveCompanyDiagnosis: (form: CompanyDiagnosisForm) => call<string>("save_company_diagnosis", { form }),
  compareCompanyDiagnoses: (companyId: string, first: string, second: string) =>
    call<DiagnosisComparison>("compare_company_diagnoses", { companyId, first, second }),
  companyPlan: (companyId: string) => call<CompanyPlanView>("company_plan", { companyId }),
  /** `form.id` "" adds an action; else it is the current version replaced. */
  savePlanAction: (form: PlanActionForm) => call<string>("save_plan_action", { form }),
  /** 지원사업 on `on` ("" = today), for `seekerId` as the hire ("" = none). */
  companyPrograms: (companyId: string, on: string, seekerId: string) =>
    call<CompanyProgramsView>("company_programs", { companyId, on, seekerId }),
  /** 성과: every figure of `from`..`to` (YYYY-MM) beside the months before. */
  kpiDashboard: (from: string, to: string) => call<KpiDashboard>("kpi_dashboard", { from, to }),
  /** The seekers or firms behind a figure; `cut` "" for its total. */
  kpiMembers: (from: string, to: string, figure: string, cut: string, key: string) =>
    call<KpiMembers>("kpi_members", { from, to, figure, cut, key }),
  /** The period's figures, small cells hidden, as a new workbook. */
  saveKpiWorkbook: (from: string, to: string) => call<ExportOutcome>("save_kpi_workbook", { from, to }),
  /** The period's 성과 보고서 (small cells hidden) as a new PDF. */
  saveKpiPdf: (from: string, to: string) => call<ExportOutcome>("save_kpi_pdf", { from, to }),
  /** Facts by fact id; "" clears one. Errors are keyed `facts.<id>`. */
  saveCompanyFacts: (form: CompanyFactsForm) => call<null>("save_company_facts", { form }),
  /** The native file dialog for a résumé; null when the counselor closed it. */
  pickResumeFile: async (): Promise<string | null> => {
    try {
      const picked = await open({
        multiple: false,
        directory: false,
        filters: [{ name: "이력서", extensions: ["hwpx", "docx", "pdf", "txt", "hwp"] }],
      });
      return typeof picked === "string" ? picked : null;
    } catch (e) {
      throw toUiError(e);
    }
  },
};
