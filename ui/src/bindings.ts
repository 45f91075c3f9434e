// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:
// change the Rust type, run `DOYAK_BLESS=1 cargo test -p doyak-desk bindings`, commit.

/**
 * What the unlock screen needs to know before a caseload is open.
 */
export type DeskInfo = { demo: boolean, 
/**
 * Shown on the unlock screen in demo mode only.
 */
demo_passphrase: string | null, caseload_exists: boolean, 
/**
 * Where the desk looks for the caseload file, for the "no file" message.
 */
caseload_path: string, 
/**
 * The shortest passphrase a new caseload accepts (the use case's rule).
 */
min_passphrase_chars: number, 
/**
 * The device name 센터에 합류 uses when the form leaves it empty.
 */
default_device_name: string, };

/**
 * The status bar's view of sync.
 */
export type SyncPanel = { status: SyncStatus, running: boolean, progress: SyncReport | null, last_error: UiError | null, };

/**
 * Where sync stands, for the status bar. Holds no token.
 */
export type SyncStatus = { enrolled: boolean, server_url: string | null, 
/**
 * RFC 3339, the last time a push or a pull went through.
 */
last_sync_at: string | null, pending: number, open_conflicts: number, rejections: number, };

/**
 * How a sync went, in figures for the status bar and the CLI.
 */
export type SyncReport = { 
/**
 * Outbox rows the server acknowledged in this sync.
 */
sent: number, 
/**
 * Of those, refused for good (kept for the counselor to see).
 */
rejected: number, 
/**
 * Conflicts the server recorded on this desk's edits.
 */
conflicts: number, 
/**
 * Changes pulled and stored.
 */
received: number, 
/**
 * Outbox rows still waiting.
 */
pending: number, 
/**
 * Access-log entries (개인정보 접근 기록) the server stored in this sync.
 */
access_log_sent: number, 
/**
 * Why access-log entries did not go, in Korean (the records synced
 * all the same); `None` when every entry reached the server.
 */
access_log_problem: string | null, };

/**
 * What an enrollment did.
 */
export type Enrolled = { center_name: string, server_url: string, };

/**
 * The desk's "센터에 합류" form (and `doyak join`). The passphrase fields
 * are wiped when the form is dropped and never shown by `Debug`.
 */
export type JoinForm = { 
/**
 * The center's sync server, e.g. `https://sync.example.go.kr:8443`.
 */
server_url: string, 
/**
 * The one-time code the center's administrator handed out.
 */
code: string, 
/**
 * A name the administrator recognises in the device list.
 */
device_name: string, passphrase: string, confirm: string, };

/**
 * How 센터에 합류 ended. The caseload is open and enrolled either way; a
 * first pull that stopped (`pull_error`) kept what arrived, and the next
 * sync, background or 지금 동기화, carries on from there.
 */
export type Joined = { 
/**
 * The caseload as it stands after the first pull.
 */
summary: CaseloadSummary, 
/**
 * The first pull's figures, when it finished; `null` too when a
 * background sync was already pulling.
 */
pulled: SyncReport | null, 
/**
 * Why the first pull stopped before the end.
 */
pull_error: UiError | null, };

/**
 * One open conflict, ready to show.
 */
export type ConflictView = { conflict_id: string, 
/**
 * 구직자, 기업, 구인…
 */
kind_label: string, 
/**
 * The record's name (a seeker's name…), or its id when not held here.
 */
record_name: string, record_id: string, 
/**
 * Route to open the record: "seeker", "company", or "" for none.
 */
route: string, field: string, field_label: string, 
/**
 * The value that was replaced, and the value in the record now, as text.
 */
overwritten: SideView, applied: SideView, 
/**
 * What the 직접 합치기 box starts with: the value in the record now
 * (empty for none), as the counselor would type it.
 */
merge_text: string, 
/**
 * How to type a value of this field ("" for free text).
 */
merge_hint: string, 
/**
 * False when the field cannot be typed by hand (a structured value):
 * only one of the two values can be kept.
 */
mergeable: boolean, 
/**
 * Two records were made under one id (e.g. one desk imported another
 * desk's export): the record keeps the first, `overwritten` is the
 * second's value. Settled field by field like any conflict, or all at
 * once with [`Desk::settle_same_id`].
 */
same_id: boolean, 
/**
 * The conflicts of one same-id record share this (the second record's
 * insert); "" for an ordinary conflict.
 */
same_id_group: string, };

export type SideView = { value: string, 
/**
 * The value as JSON, sent back when the counselor keeps it.
 */
json: string, 
/**
 * "이 노트북" or "다른 기기".
 */
author: string, 
/**
 * When the author's clock says it was written (RFC 3339; the clock may
 * be off, so this explains, it does not rank).
 */
written_at: string, };

/**
 * How the counselor settles a conflict.
 */
export type ConflictChoice = { "keep": "applied" } | { "keep": "overwritten" } | { "keep": "merged", text: string, };

/**
 * How a counselor settles the conflicts of two records made under one id.
 */
export type SameIdChoice = "keep_record" | "split_second";

/**
 * A change the server refused for good.
 */
export type RejectionView = { 
/**
 * Names the refusal for [`Desk::dismiss_rejection`].
 */
mutation_id: string, kind_label: string, record_id: string, message: string, at: string, 
/**
 * Whether [`Desk::retry_rejection`] can send it again: what it sent was
 * kept (not so for refusals recorded before schema 4) and its record
 * is still this center's.
 */
can_retry: boolean, };

export type CaseloadSummary = { center_name: string, seekers: number, companies: number, vacancies: number, pending_changes: number, };

/**
 * What the UI receives for any failure: a stable code to switch on and a
 * Korean message to show. Internals never cross this boundary.
 */
export type UiError = { code: string, message: string, 
/**
 * For input errors: which field, and what is wrong with it.
 */
fields: Array<FieldError>, };

/**
 * One thing wrong with one field, worded for a counselor.
 */
export type FieldError = { 
/**
 * The field's key as used in records and import headers, e.g. "business_number".
 */
field: string, 
/**
 * The field's Korean label, e.g. "사업자등록번호".
 */
label: string, 
/**
 * What is wrong and how to fix it, in Korean.
 */
message: string, };

/**
 * The seeker list's query as the desk sends it.
 */
export type SeekerListQuery = { 
/**
 * Name or 초성; empty for everyone.
 */
text: string, 
/**
 * A `SeekerStatus` value (`"intake"`…) or nothing for every status.
 */
status: string | null, 
/**
 * A `Track` value (`"youth"`…) or nothing for every track.
 */
track: string | null, 
/**
 * A `TargetGroup` value (`"career_women"`…) or nothing for everyone.
 */
target_group: string | null, offset: number, limit: number, };

/**
 * A page of the seeker list for the UI.
 */
export type SeekerPage = { items: Array<SeekerRow>, total: number, };

/**
 * One line of the seeker list.
 */
export type SeekerRow = { id: string, name: string, 
/**
 * 만 나이 today, when the birth date is known.
 */
age: number | null, status: string, track: string, 
/**
 * 010-****-5678: lists never show a whole number.
 */
phone_masked: string, 
/**
 * Desired occupations as Korean names.
 */
desired: Array<string>, home: string, };

/**
 * The options of the seeker list's filters.
 */
export type SeekerFilterChoices = { statuses: Array<Choice>, tracks: Array<Choice>, target_groups: Array<Choice>, };

/**
 * One option of a filter: the value sent back and the Korean label shown.
 */
export type Choice = { value: string, label: string, };

export type TodayView = { 
/**
 * The day the lists were computed for (YYYY-MM-DD, Korean time).
 */
today: string, 
/**
 * 상담 예정: today, missed (30 days), the next 7 days, and missed for
 * longer, each with its total and first page.
 */
follow_up_groups: Array<FollowUpGroup>, retention_checks: Array<DueRetention>, 
/**
 * IAP activities past their month with no 이행 점검, oldest first.
 */
overdue_iap: Array<OverdueIapRow>, 
/**
 * 기업 컨설팅 계획 actions past their due date, oldest first.
 */
overdue_actions: Array<OverdueActionRow>, referrals: Array<WaitingReferral>, 
/**
 * 알선 without an outcome after [`REFERRAL_WAIT_DAYS`].
 */
applications: Array<WaitingApplication>, stale_vacancies: Array<StaleVacancy>, 
/**
 * How many each list holds in all; the lists above show the first
 * [`TodayLimits`] rows of each, and 더 보기 asks for more.
 */
totals: TodayTotals, };

export type TodayTotals = { retention_checks: number, overdue_iap: number, overdue_actions: number, referrals: number, applications: number, stale_vacancies: number, };

/**
 * How many rows of each list 오늘 할 일 shows (the page raises one by
 * [`TODAY_PAGE`] on 더 보기).
 */
export type TodayLimits = { retention_checks: number, overdue_iap: number, overdue_actions: number, referrals: number, applications: number, stale_vacancies: number, };

export type DueFollowUp = { seeker_id: string, seeker_name: string, last_session_on: string, next_on: string, 
/**
 * Days past the agreed date; negative = days still to go.
 */
overdue_days: number, };

/**
 * One group of 상담 예정 and a page of its rows.
 */
export type FollowUpGroup = { 
/**
 * "today", "overdue", "upcoming" or "lost": what `follow_up_page` takes.
 */
key: string, title: string, total: number, 
/**
 * Rows from `offset`, at most [`FOLLOW_UP_PAGE`].
 */
items: Array<DueFollowUp>, offset: number, };

export type DueRetention = { placement_id: string, seeker_id: string, seeker_name: string, employer: string, placed_on: string, 
/**
 * 3, 6 or 12.
 */
months: number, due_on: string, overdue_days: number, };

export type WaitingReferral = { referral_id: string, subject_id: string, 
/**
 * The seeker's or the company's name.
 */
subject_name: string, partner_name: string, purpose: string, status: string, referred_on: string, waiting_days: number, };

/**
 * An 알선 (a seeker put forward for a vacancy) still without an outcome.
 */
export type WaitingApplication = { application_id: string, seeker_id: string, seeker_name: string, vacancy_id: string, vacancy_title: string, company_name: string, 
/**
 * 알선, 서류 제출 or 면접.
 */
status: string, applied_on: string, 
/**
 * The day of its last recorded step (알선일 when it has none): the
 * wait is counted from here, since a step is news from the employer.
 */
last_step_on: string, waiting_days: number, };

export type StaleVacancy = { vacancy_id: string, company_id: string, company_name: string, title: string, headcount: number, 
/**
 * 모집인원 minus 합격 (the figure every vacancy row shows).
 */
places_left: number, opened_on: string, open_days: number, };

export type SeekerDetail = { row: SeekerRow, facts: Array<Fact>, events: Array<EventRow>, referrals: Array<ReferralRow>, 
/**
 * 취업 with their 3/6/12-month checks, newest first.
 */
placements: Array<PlacementRow>, 
/**
 * The IAP as it stands: its goal and each activity's current version,
 * by month.
 */
iap: IapView, form: SeekerForm, 
/**
 * The person's data was destroyed (개인정보 파기): nothing more can be
 * recorded about them; the page offers no action.
 */
destroyed: boolean, };

export type Fact = { label: string, value: string, };

/**
 * One line of a case file.
 */
export type EventRow = { id: string, occurred_on: string, 
/**
 * `counseling_session`, `placement`…: the tab it belongs on.
 */
kind: string, 
/**
 * 상담, 취업…
 */
kind_label: string, 
/**
 * One line: "대면 50분", "도약정밀 · 정규직 · 월 280만원".
 */
summary: string, 
/**
 * The note itself, when there is one.
 */
detail: string, 
/**
 * Set when a later event corrects this one.
 */
superseded: boolean, 
/**
 * This event corrects an earlier one (the earlier stays, shown 정정됨).
 */
corrects: boolean, 
/**
 * A counseling note still current: the page offers 정정.
 */
can_correct: boolean, 
/**
 * Who wrote it: the counselor's name, "" when the desk that wrote it
 * had no counselor chosen (or the record predates authors).
 */
author: string, 
/**
 * When it was written, Korean time ("2026-12-03 14:20"), "" when not
 * recorded.
 */
written_at: string, };

/**
 * A referral to a partner institution, for the seeker's 기관연계 tab.
 */
export type ReferralRow = { id: string, partner_id: string, partner_name: string, purpose: string, status: string, referred_on: string, result: string, 
/**
 * No result yet (의뢰, 접수, 진행중): the page offers 결과 입력 and 수정.
 */
open: boolean, };

/**
 * An IAP activity as it stands (its current version).
 */
export type IapRow = { id: string, 
/**
 * The month it is due (YYYY-MM).
 */
month: string, 
/**
 * An `IapActivityKind` value (the edit form starts from it).
 */
kind: string, kind_label: string, description: string, done: boolean, 
/**
 * An `IapCompliance` value; "" = not checked yet.
 */
compliance: string, 
/**
 * 이행, 일부 이행, 미이행, or "미점검".
 */
compliance_label: string, compliance_note: string, 
/**
 * Its month is over and no 이행 점검 is recorded.
 */
overdue: boolean, 
/**
 * Earlier versions, oldest first ("2026-11-03 계획: …").
 */
history: Array<string>, };

/**
 * A new IAP activity, or an activity's new month, kind and description.
 */
export type IapForm = { seeker_id: string, 
/**
 * YYYY-MM.
 */
month: string, 
/**
 * An `IapActivityKind` value.
 */
kind: string, description: string, };

/**
 * The IAP tab.
 */
export type IapView = { goal: IapGoalRow | null, months: Array<IapMonth>, 
/**
 * Activities whose month is over with no 이행 점검.
 */
overdue: number, };

/**
 * One month of the plan.
 */
export type IapMonth = { month: string, rows: Array<IapRow>, 
/**
 * "이행 2 · 일부 이행 1 · 미점검 1".
 */
summary: string, };

/**
 * The plan's goal occupation.
 */
export type IapGoalRow = { id: string, occupation: string, occupation_name: string, reason: string, set_on: string, 
/**
 * Earlier goals, oldest first.
 */
history: Array<string>, };

/**
 * A 이행 점검 of one activity.
 */
export type IapCheckForm = { id: string, 
/**
 * An `IapCompliance` value.
 */
compliance: string, 
/**
 * Required for 일부 이행 and 미이행.
 */
note: string, };

/**
 * The plan's goal as typed.
 */
export type IapGoalForm = { seeker_id: string, 
/**
 * A KECO code.
 */
occupation: string, reason: string, 
/**
 * The diagnosis event the plan was drafted from; "" when none.
 */
diagnosis_id: string, };

/**
 * The IAP 초안: nothing is saved until the counselor saves it.
 */
export type IapDraft = { goal: IapGoalForm, occupation_name: string, rows: Array<IapDraftRow>, 
/**
 * What the draft was made from ("잡케어형 진단 2026-12-03, 문진 …").
 */
basis: string, 
/**
 * What the draft left out and why.
 */
notes: Array<string>, 
/**
 * Activities of the plan in force not yet done or checked: saving the
 * draft marks them 취소(계획 변경), so two plans never run side by side.
 */
replaces: number, };

/**
 * An activity of a draft, with why the draft put it there.
 */
export type IapDraftRow = { month: string, kind: string, description: string, why: string, };

/**
 * A plan to save at once: the goal and its activities.
 */
export type IapPlanForm = { goal: IapGoalForm, activities: Array<IapForm>, };

/**
 * An IAP activity whose month is over with no 이행 점검 recorded.
 */
export type OverdueIapRow = { activity_id: string, seeker_id: string, seeker_name: string, 
/**
 * The month it was due (YYYY-MM).
 */
month: string, kind_label: string, description: string, 
/**
 * Whole months since it was due (1 = last month).
 */
months_overdue: number, };

/**
 * A consulting-plan action past its due date and still open.
 */
export type OverdueActionRow = { action_id: string, company_id: string, company_name: string, kind_label: string, description: string, owner: string, due_on: string, overdue_days: number, };

/**
 * One question as the page shows it.
 */
export type QuestionRow = { id: string, 
/**
 * Its number on the form (1-based), as error messages name it.
 */
number: number, section: string, 
/**
 * "likert5" (1–5) or "yesno" (0 아니오, 1 예).
 */
kind: string, text: string, 
/**
 * Asked only when this item was answered 예.
 */
depends_on: string, };

/**
 * The questionnaire for one seeker: the current form, and the answers
 * left unfinished, if any.
 */
export type QuestionnaireView = { form: string, version: number, title: string, items: Array<QuestionRow>, 
/**
 * Answers by item id from the draft ({} when none).
 */
answers: { [key in string]: number }, 
/**
 * When the draft was last kept, Korean time; "" when there is none.
 */
draft_saved_at: string, 
/**
 * Why some items are not asked (no consent to 민감정보); "" when all are.
 */
withheld: string, };

/**
 * Answers as the page sends them.
 */
export type QuestionnaireForm = { seeker_id: string, answers: { [key in string]: number }, };

/**
 * How far the answers have got.
 */
export type QuestionnaireProgress = { answered: number, required: number, };

/**
 * The latest questionnaire result of a seeker.
 */
export type ReadinessView = { answered_on: string, 
/**
 * "도약 구직준비도·장애요인 문진 1판".
 */
form: string, scales: Array<ScaleRow>, barriers: Array<BarrierRow>, 
/**
 * What the scores are and are not.
 */
note: string, };

/**
 * A readiness scale's score.
 */
export type ScaleRow = { name: string, 
/**
 * 0–100.
 */
score: number, 
/**
 * 낮음, 보통, 높음.
 */
level: string, };

/**
 * A barrier found and where it leads.
 */
export type BarrierRow = { name: string, because: Array<string>, 
/**
 * "신용회복위원회·서민금융진흥원: 채무조정·신용회복 상담", …
 */
referrals: Array<string>, };

/**
 * A 기관연계's result as typed.
 */
export type ReferralResultForm = { referral_id: string, 
/**
 * A `ReferralStatus` value: completed, declined or cancelled.
 */
status: string, 
/**
 * YYYY-MM-DD; empty = today.
 */
result_on: string, note: string, };

/**
 * A new 기관연계 (referral of the seeker to a partner institution).
 */
export type ReferralForm = { seeker_id: string, 
/**
 * A partner institution of this caseload.
 */
partner_id: string, 
/**
 * 연계 목적: what the seeker is referred for.
 */
purpose: string, 
/**
 * YYYY-MM-DD; empty = today.
 */
referred_on: string, 
/**
 * The referral this form edits; empty for a new one. Only a referral
 * still waiting for its result (의뢰, 접수, 진행중) can be edited.
 */
referral_id: string, };

/**
 * What the IAP and 기관연계 forms pick from.
 */
export type CaseFileChoices = { iap_kinds: Array<Choice>, 
/**
 * 이행 점검 results: done, partly, missed.
 */
iap_compliance: Array<Choice>, 
/**
 * The caseload's partner institutions: value = id, label = "name (유형)".
 */
partners: Array<Choice>, 
/**
 * The types a new 연계기관 may have (for a seeker: `seeker`/`both`).
 */
partner_kinds: Array<Choice>, 
/**
 * The endings a referral may be given.
 */
referral_results: Array<Choice>, };

/**
 * A job seeker's editable fields, as text. `id` is empty for a new seeker.
 */
export type SeekerForm = { id: string, name: string, 
/**
 * YYYY-MM-DD (also accepted: YYYY.MM.DD, YYYYMMDD).
 */
birth_date: string, 
/**
 * "", "female", "male".
 */
gender: string, phone: string, email: string, 
/**
 * 시군구 code.
 */
home_sigungu: string, track: string, status: string, enrolled_on: string, 
/**
 * The day consent was given; empty = no consent recorded.
 */
consent_on: string, consent_scopes: Array<string>, 
/**
 * 서면·구두·전자 (a `ConsentMethod` value); empty = not recorded.
 */
consent_method: string, target_groups: Array<string>, 
/**
 * KECO codes.
 */
desired_occupations: Array<string>, 
/**
 * 보유 자격증, by name (picked from the qualification list or typed).
 */
certificates: Array<string>, 
/**
 * 보유 기술, comma separated.
 */
skills: string, 
/**
 * 만원 per month ("280"); "2,800,000원" with the 원 is read as 원.
 */
desired_wage_monthly: string, max_commute_km: string, 
/**
 * "", "yes", "no".
 */
accepts_shift: string, 
/**
 * "yes", "no" or "" (not asked).
 */
willing_to_relocate: string, iap_goal: string, note: string, 
/**
 * A new seeker who matches someone already registered (same name and
 * birth date, or same phone) is saved only when this says the
 * counselor checked: another person.
 */
duplicate_ok: boolean, };

/**
 * The options of the seeker form's selects and checkboxes, labelled by the domain.
 */
export type SeekerFormChoices = { genders: Array<Choice>, tracks: Array<Choice>, statuses: Array<Choice>, consent_scopes: Array<Choice>, consent_methods: Array<Choice>, target_groups: Array<Choice>, };

/**
 * A seeker the new one may be.
 */
export type DuplicateRow = { id: string, name: string, birth_date: string, phone_masked: string, 
/**
 * 진행상태.
 */
status: string, 
/**
 * "이름·생년월일이 같음", "전화번호가 같음" or both.
 */
reason: string, };

/**
 * The 연계기관 form: 기관명, 유형 (an id of partner_institution_types.csv)
 * and, optionally, 전화번호.
 */
export type PartnerForm = { name: string, kind: string, phone: string, };

export type CounselorRow = { id: string, name: string, 
/**
 * 상담사 or 관리자.
 */
role: string, };

/**
 * The desk's counselor and whom it can be switched to.
 */
export type DeskCounselor = { 
/**
 * None until someone is chosen: notes written meanwhile have no author.
 */
current: CounselorRow | null, 
/**
 * The center's active counselors, by name.
 */
choices: Array<CounselorRow>, };

export type NewCounselorForm = { name: string, };

/**
 * What a hit opens.
 */
export type QuickKind = "seeker" | "company" | "vacancy";

/**
 * One hit: enough to recognise the record, never more personal data than
 * the lists show (a masked phone, an age).
 */
export type QuickHit = { kind: QuickKind, id: string, title: string, detail: string, };

/**
 * One group of hits with the total its list would show for the same text.
 */
export type QuickGroup = { kind: QuickKind, 
/**
 * 구직자, 기업, 구인.
 */
label: string, hits: Array<QuickHit>, total: number, };

/**
 * The answer to one query: the three groups in a fixed order.
 */
export type QuickResults = { query: string, groups: Array<QuickGroup>, };

/**
 * A session note left unsaved, as the page gets it back.
 */
export type SessionDraft = { form: SessionForm, 
/**
 * When it was last written, Korean time ("2026-12-03 15:20").
 */
saved_at: string, };

/**
 * A counseling session as the desk records it.
 */
export type SessionForm = { seeker_id: string, occurred_on: string, minutes: string, 
/**
 * A `ContactMode` value.
 */
mode: string, content: string, next_step: string, next_on: string, 
/**
 * The id of the note this form corrects; empty for a new note.
 */
corrects: string, };

export type CompanyListQuery = { text: string, status: string | null, industrial_complex: string | null, focus: string | null, offset: number, limit: number, };

export type CompanyPage = { items: Array<CompanyRow>, total: number, };

export type CompanyRow = { id: string, name: string, business_number: string, 
/**
 * KSIC name.
 */
industry: string, size: string, region: string, industrial_complex: string, focus: Array<string>, status: string, open_vacancies: number, 
/**
 * Places not yet filled by a hire, summed over its open vacancies (the
 * same figure each vacancy row shows as `places_left`).
 */
places_left: number, };

export type CompanyFilterChoices = { statuses: Array<Choice>, focus_industries: Array<Choice>, 
/**
 * value = the complex's name, label = "name (n곳)".
 */
complexes: Array<Choice>, };

export type VacancyListQuery = { text: string, status: string | null, company_id: string | null, offset: number, limit: number, };

export type VacancyPage = { items: Array<VacancyRow>, total: number, };

export type VacancyRow = { id: string, company_id: string, company_name: string, title: string, 
/**
 * KECO name.
 */
occupation: string, headcount: number, 
/**
 * Places not yet filled by a hire while the vacancy is open (모집인원
 * minus 합격); 0 once it is closed.
 */
places_left: number, 
/**
 * "월 300만원" or "".
 */
wage: string, shift: string, 
/**
 * "기숙사", "통근버스".
 */
perks: Array<string>, region: string, status: string, opened_on: string, open_days: number, };

export type CompanyForm = { id: string, name: string, 
/**
 * 사업자등록번호 as typed ("220-81-62517" or "2208162517").
 */
business_number: string, ksic_code: string, 
/**
 * A `CompanySize` value; empty = from the number of employees.
 */
size: string, employees: string, sigungu: string, address: string, industrial_complex: string, focus_industries: Array<string>, contact_name: string, contact_phone: string, status: string, note: string, };

export type VacancyForm = { id: string, company_id: string, title: string, 
/**
 * KECO code.
 */
occupation: string, headcount: string, 
/**
 * 만원 per month ("300"); "3,000,000원" with the 원 is read as 원.
 */
wage_monthly: string, weekly_hours: string, shift: string, housing: boolean, commute_bus: boolean, 
/**
 * Qualification names.
 */
required_certificates: Array<string>, preferred_certificates: Array<string>, 
/**
 * Comma-separated.
 */
skills: string, min_experience_years: string, 
/**
 * 시군구; empty = the company's.
 */
sigungu: string, opened_on: string, closes_on: string, status: string, note: string, 
/**
 * 공고 본문 (what 공고 점검 reads).
 */
posting_text: string, };

export type CompanyFormChoices = { sizes: Array<Choice>, statuses: Array<Choice>, focus_industries: Array<Choice>, shifts: Array<Choice>, vacancy_statuses: Array<Choice>, contact_modes: Array<Choice>, };

export type CompanyDetail = { row: CompanyRow, facts: Array<Fact>, vacancies: Array<VacancyRow>, 
/**
 * Visits, hiring diagnoses, consulting actions: newest first.
 */
events: Array<EventRow>, form: CompanyForm, };

/**
 * An industrial complex seen on a field visit.
 */
export type ComplexView = { name: string, companies: Array<CompanyRow>, open_vacancies: Array<VacancyRow>, };

/**
 * A company visit as recorded on site.
 */
export type VisitForm = { company_id: string, occurred_on: string, 
/**
 * A `ContactMode` value; empty = 현장방문.
 */
mode: string, content: string, };

/**
 * The desk's "new caseload" form. The two passphrase fields are wiped
 * from memory when the form is dropped and never shown by `Debug`.
 */
export type NewCaseloadForm = { center_name: string, 
/**
 * 시군구 code of the center, or empty.
 */
center_sigungu: string, passphrase: string, confirm: string, };

export type ImportKind = "seekers" | "companies" | "vacancies";

/**
 * An import as the desk asks for it.
 */
export type ImportRequest = { kind: ImportKind, skip_invalid: boolean, 
/**
 * 수정 가져오기: a row whose ID names an existing record changes that
 * record's columns in the file, each changed field a versioned edit
 * (`ImportOptions::update`); other rows are new records.
 */
update: boolean, };

/**
 * What happened, for the report screen. `saved` is false when the file was
 * refused as a whole (all-or-nothing and some rows were bad).
 */
export type ImportOutcome = { saved: boolean, report: ImportReport, };

/**
 * What an import did.
 */
export type ImportReport = { kind: ImportKind, 
/**
 * The text encoding detected ("UTF-8", "CP949"…), or "XLSX".
 */
source: string, 
/**
 * Data rows read (blank rows not counted).
 */
rows: number, 
/**
 * New records saved.
 */
imported: number, 
/**
 * Existing records changed (`ImportOptions::update`).
 */
updated: number, 
/**
 * Rows of existing records whose columns already held the file's values.
 */
unchanged: number, errors: Array<RowError>, 
/**
 * Headers that matched no known column; their cells were ignored.
 */
ignored_columns: Array<string>, };

/**
 * One problem with one row (line 1 is the header).
 */
export type RowError = { line: number, 
/**
 * The column's Korean header, when one column is to blame.
 */
column: string | null, message: string, };

export type ExportOutcome = { path: string, count: number, };

/**
 * Progress of a long task, sent to the page as it runs.
 */
export type Progress = { done: number, total: number, };

/**
 * The 진단 tab: the seeker's best occupations with their unit gaps and
 * local demand, and what closes the gaps.
 */
export type DiagnosisView = { occupations: Array<OccupationFitRow>, recommendations: Array<RecommendationRow>, 
/**
 * Warnings before the list (nothing known to rank on, …).
 */
notes: Array<string>, 
/**
 * How many occupation profiles were weighed.
 */
profiles: number, 
/**
 * The latest 문진 (readiness questionnaire) result, when there is one.
 */
readiness: ReadinessView | null, 
/**
 * How many open vacancies with places left local demand counts from.
 */
vacancies: number, };

/**
 * One version of a seeker's résumé, as the desk lists it.
 */
export type ResumeFileView = { id: string, version: number, file_name: string, size: number, 
/**
 * The version an edited text was made from.
 */
based_on: number | null, added_at: string, };

/**
 * Where a finding is written: line, and characters `start..end` of it.
 */
export type ResumeSpan = { line: number, start: number, end: number, };

export type ResumeReasonRow = { 
/**
 * 구성 / 자격 / 경력 / 성과 / 키워드.
 */
part: string, points: number, max: number, text: string, };

export type ResumeSuggestionRow = { id: string, text: string, 
/**
 * What the score would gain ("+N").
 */
adds: number, span: ResumeSpan | null, };

export type ResumeSectionRow = { name: string, present: boolean, 
/**
 * Named by a heading (false: found from content alone).
 */
headed: boolean, };

export type ResumeCertificateRow = { 
/**
 * Its place in the analysis (what 기록에 반영 sends back).
 */
index: number, 
/**
 * As written ("컴활 2급").
 */
name: string, 
/**
 * The official national name, when it is one.
 */
national: string | null, 
/**
 * 국가자격 / 어학 / 민간자격 / 목록에 없음(확인 필요).
 */
kind: string, 
/**
 * held | written_passed | planned.
 */
status: string, status_label: string, span: ResumeSpan, 
/**
 * Whether it may go into the record (only what is held).
 */
confirmable: boolean, 
/**
 * The seeker's record already holds it (or a certificate that meets it).
 */
in_record: boolean, };

export type ResumeEmploymentRow = { index: number, company: string | null, title: string | null, 
/**
 * YYYY-MM.
 */
start: string, 
/**
 * YYYY-MM; None while still employed there.
 */
end: string | null, 
/**
 * "3년 2개월", counted to this month for an open job.
 */
length: string, span: ResumeSpan, 
/**
 * Why it cannot go into the record, when it cannot.
 */
blocked: string | null, in_record: boolean, };

export type ResumeAchievementRow = { text: string, span: ResumeSpan, };

export type ResumeKeywordRow = { keyword: string, 
/**
 * 필수 자격 / 우대 자격 / 기술·직무어.
 */
kind: string, required: boolean, in_posting: number, in_resume: number, 
/**
 * The résumé's sections where it was found, joined ("경력, 자기소개").
 */
found_in: string, suggestion: string | null, };

/**
 * One version (or the counselor's unsaved edit of it) analysed for the
 * 이력서 tab.
 */
export type ResumeDeskView = { file: ResumeFileView, 
/**
 * The text as lines; every span points into these.
 */
lines: Array<string>, 
/**
 * The month the analysis counts to (YYYY-MM).
 */
as_of: string, score: number, 
/**
 * "용접·뿌리 (희망 직종)"; None when no rubric applied.
 */
industry: string | null, rubric_version: string, 
/**
 * The vacancy's title when the analysis was held against one.
 */
vacancy: string | null, reasons: Array<ResumeReasonRow>, suggestions: Array<ResumeSuggestionRow>, sections: Array<ResumeSectionRow>, intro_parts: Array<ResumeSectionRow>, certificates: Array<ResumeCertificateRow>, employments: Array<ResumeEmploymentRow>, 
/**
 * "8년 3개월" (months of jobs, overlaps counted once).
 */
experience: string, 
/**
 * "2019-03 ~ 2019-12 (10개월)".
 */
gaps: Array<string>, overlaps: Array<string>, achievements: Array<ResumeAchievementRow>, keyword_gap: Array<ResumeKeywordRow>, };

/**
 * What the counselor confirmed from an analysed version: certificates and
 * employments by their place in [`ResumeAnalysisView::analysis`] (so what
 * goes into the record is what the engine read, nothing retyped).
 */
export type ResumeConfirmForm = { seeker_id: string, file_id: string, certificates: Array<number>, employments: Array<number>, };

/**
 * What confirming added to the seeker's record.
 */
export type ResumeConfirmed = { certificates_added: number, employments_added: number, 
/**
 * Confirmed items the record already had.
 */
already_there: number, };

/**
 * The consulting of one version, as the counselor closes it: which
 * suggestions were taken up and which set aside (by their ids in the
 * analysis), and a note.
 */
export type ResumeConsultingForm = { seeker_id: string, file_id: string, vacancy_id: string | null, accepted: Array<string>, rejected: Array<string>, note: string, };

/**
 * 공고 점검 of one vacancy of the caseload.
 */
export type PostingCheckView = { vacancy_id: string, score: number, rules_version: string, fields: Array<PostingFieldText>, findings: Array<PostingFindingRow>, };

/**
 * One cause as the page and the CLI show it.
 */
export type CauseRow = { code: string, label: string, 
/**
 * 0–100; null when the data cannot judge it (확인 필요).
 */
score: number | null, facts: Array<string>, too_strict: boolean, };

/**
 * The causes for one open vacancy.
 */
export type VacancyDiagnosis = { vacancy_id: string, title: string, occupation: string, causes: Array<CauseRow>, };

/**
 * A firm's diagnosis: every open vacancy with places left, the causes per
 * vacancy, and per cause the strongest score across them.
 */
export type CompanyDiagnosis = { format: string, version: number, company_id: string, company_name: string, diagnosed_on: string, engine: string, 
/**
 * The visit form (`company-visit 1판`) whose answers were weighed, or
 * "" with none.
 */
visit_form: string, visit_answered: number, vacancies: Array<VacancyDiagnosis>, 
/**
 * Per cause, the highest score over the vacancies (the firm's view).
 */
summary: Array<CauseRow>, 
/**
 * Open vacancies left out, with why ("모집 인원이 모두 채워짐").
 */
skipped: Array<string>, };

/**
 * One question of the visit form as the page shows it.
 */
export type VisitItemRow = { id: string, number: number, section: string, 
/**
 * "count", "yesno" or "choice" (any of `options`).
 */
kind: string, text: string, options: Array<Choice>, };

/**
 * A saved diagnosis in the firm's history.
 */
export type DiagnosisHistoryRow = { id: string, occurred_on: string, engine: string, factors: Array<string>, 
/**
 * The strongest causes then ("임금 등 근로조건 70").
 */
top: Array<string>, visit: boolean, note: string, };

/**
 * The 진단 tab: the visit form, the answers last given (to start from),
 * the diagnosis of today's caseload with them, and the history.
 */
export type CompanyDiagnosisView = { form: string, form_version: number, items: Array<VisitItemRow>, answers: { [key in string]: string }, 
/**
 * Null when the firm has no open vacancy to diagnose; `no_vacancy`
 * says so in Korean.
 */
current: CompanyDiagnosis | null, no_vacancy: string, factor_choices: Array<Choice>, 
/**
 * The factors the evidence points at (a cause at 50 or more).
 */
suggested_factors: Array<string>, history: Array<DiagnosisHistoryRow>, };

/**
 * What the page sends to see or save a diagnosis.
 */
export type CompanyDiagnosisForm = { company_id: string, answers: { [key in string]: string }, 
/**
 * `HiringDifficulty` values the counselor settles on.
 */
factors: Array<string>, note: string, };

/**
 * One (vacancy, cause) of two diagnoses side by side.
 */
export type ComparisonRow = { vacancy: string, cause: string, before: number | null, after: number | null, 
/**
 * after − before, when both were judged.
 */
change: number | null, };

/**
 * A visit answer that changed between two diagnoses.
 */
export type AnswerChangeRow = { question: string, before: string, after: string, };

export type DiagnosisComparison = { before_on: string, after_on: string, 
/**
 * The two were scored by different engine versions: a change may be
 * the scoring's, not the firm's.
 */
engine_changed: boolean, rows: Array<ComparisonRow>, answers: Array<AnswerChangeRow>, };

/**
 * One action of the plan as the page shows it (its current version).
 */
export type PlanActionRow = { id: string, kind: string, kind_label: string, description: string, owner: string, due_on: string, 
/**
 * An `ActionStatus` value; "" for a one-off record (older desks).
 */
status: string, status_label: string, follow_up_on: string, vacancy_id: string, vacancy_title: string, subsidy: string, result: string, 
/**
 * Open and past its due date.
 */
overdue: boolean, 
/**
 * The first version's day.
 */
planned_on: string, 
/**
 * Earlier versions, oldest first ("2026-11-02 계획 · 기한 2026-11-30").
 */
history: Array<string>, 
/**
 * Another current version shares an earlier one: two desks changed
 * the same action apart (each offline), and the plan shows both
 * until the counselor keeps one and cancels the other.
 */
forked: boolean, };

/**
 * What the plan brought: hires through the center at this firm since the
 * plan began and their 3-month retention.
 */
export type PlanOutcome = { 
/**
 * The first action's day: only hires from then on are the plan's.
 * "" when the plan has no action yet (then every hire is counted).
 */
since: string, hires: number, 
/**
 * Hires placed at least 3 months ago…
 */
due_3m: number, 
/**
 * …checked at 3 months…
 */
checked_3m: number, 
/**
 * …and still employed then.
 */
retained_3m: number, };

export type CompanyPlanView = { actions: Array<PlanActionRow>, kinds: Array<Choice>, statuses: Array<Choice>, 
/**
 * The firm's vacancies an action may be for.
 */
vacancies: Array<Choice>, outcome: PlanOutcome, today: string, };

/**
 * One row of a cut.
 */
export type KpiRow = { key: string, n: number, value: number | null, };

export type KpiCutView = { 
/**
 * The cut's id (`month`, `counselor`, …).
 */
cut: string, label: string, rows: Array<KpiRow>, };

/**
 * A figure of the period, with the period before it.
 */
export type KpiFigureView = { id: string, 
/**
 * 구직자 or 기업.
 */
side: string, label: string, 
/**
 * How it is computed (shown on hover).
 */
definition: string, 
/**
 * 명, %, 일, 원…
 */
unit: string, 
/**
 * What n counts (명, 곳, 건).
 */
n_unit: string, n: number, value: number | null, previous_n: number, previous_value: number | null, 
/**
 * A list of the seekers or firms behind it can be asked for (not for
 * the figures summed by the store: sessions, minutes, IAP).
 */
drillable: boolean, cuts: Array<KpiCutView>, };

export type KpiDashboard = { 
/**
 * YYYY-MM, both whole months.
 */
from: string, to: string, previous_from: string, previous_to: string, 
/**
 * The day computed on: a window not yet over is not in n.
 */
computed_on: string, figures: Array<KpiFigureView>, };

/**
 * A seeker or firm behind a figure.
 */
export type KpiMemberRow = { 
/**
 * `seeker` or `company` (the page to open).
 */
kind: string, id: string, name: string, 
/**
 * For a share: whether it counted (취업, 유지…).
 */
flag: boolean | null, value: number | null, };

export type KpiMembers = { figure: string, 
/**
 * The cell asked about ("" for the total).
 */
cell: string, 
/**
 * How many units there are; `rows` holds the first [`MEMBER_PAGE`].
 */
total: number, rows: Array<KpiMemberRow>, };

/**
 * The action form: `id` empty for a new action, else the action's current
 * version to replace.
 */
export type PlanActionForm = { company_id: string, id: string, kind: string, description: string, owner: string, due_on: string, status: string, follow_up_on: string, vacancy_id: string, 
/**
 * The program linked (for 지원사업 연계).
 */
subsidy: string, result: string, };

/**
 * One fact as the page shows and edits it.
 */
export type FactRow = { id: string, label: string, 
/**
 * "count", "percent", "yesno" or "sigungu".
 */
kind: string, unit: string, question: string, 
/**
 * As typed back: a number, "1"/"0", a 시군구 code; "" = unknown.
 */
value: string, 
/**
 * Where the value comes from: "기업 정보", "상담사 확인", "구직자 정보" or "".
 */
source: string, };

/**
 * One program's answer.
 */
export type ProgramRow = { id: string, name: string, 
/**
 * "eligible", "not_eligible" or "unknown".
 */
verdict: string, 
/**
 * 해당 / 해당 없음 / 확인 필요.
 */
verdict_label: string, reasons: Array<string>, 
/**
 * Labels of the facts that would settle 확인 필요.
 */
missing: Array<string>, missing_ids: Array<string>, amount: string, applies: string, 
/**
 * "2026-01-26 ~ 2026-12-31" of the rule used; "" when none.
 */
period: string, source: string, source_date: string, confidence: string, note: string, };

export type CompanyProgramsView = { format: string, version: number, company_id: string, company_name: string, on: string, data_version: string, seeker_name: string, programs: Array<ProgramRow>, facts: Array<FactRow>, 
/**
 * (해당, 확인 필요, 해당 없음) counts.
 */
counts: [number, number, number], };

/**
 * Facts the counselor confirmed, by fact id ("" clears one).
 */
export type CompanyFactsForm = { company_id: string, facts: { [key in string]: string }, };

/**
 * Which text of a posting a finding is in, as the page shows it.
 */
export type PostingFieldText = { 
/**
 * title | description | work_hours | workplace_address
 */
field: string, label: string, text: string, };

export type PostingFindingRow = { 
/**
 * The stable code (docs/formats.md, `doyak.posting_check`).
 */
code: string, 
/**
 * 임금 / 근무시간 / 근무지 / 직무 / 연령 / 성별 / 용모 / 신체 조건 /
 * 개인정보 / 요건.
 */
label: string, text: string, law: string | null, 
/**
 * Where it is written (a field of `fields`, characters start..end);
 * None for what is missing.
 */
field: string | null, start: number | null, end: number | null, 
/**
 * Advice only (the law does not bind a firm of this size).
 */
advisory: boolean, };

export type OccupationFitRow = { code: string, name: string, 
/**
 * 0–100; the sum of the reasons' points.
 */
fit: number, reasons: Array<FitReasonRow>, met: number, partly: number, missing: number, units: Array<UnitGapRow>, 
/**
 * "모집 중 2건 · 자리 3 · 임금 중앙값 월 280만원"; empty when none.
 */
demand: string, 
/**
 * 비슷한 이전 참여자: what the center's closed cases aiming at the same
 * 중분류 show; empty below 10 cases (a share of a few says nothing).
 */
similar: string, };

export type FitReasonRow = { text: string, points: number, };

export type UnitGapRow = { code: string, 
/**
 * The NCS 능력단위 code, or "확인 필요".
 */
ncs_code: string, name: string, 
/**
 * "수준 3", or "확인 필요".
 */
level: string, 
/**
 * "필수" or "선택".
 */
required: string, 
/**
 * met | partly | missing: the page's style hook, not shown.
 */
status: string, 
/**
 * 충족 | 일부 충족 | 미충족.
 */
status_label: string, evidence: Array<string>, };

export type RecommendationRow = { 
/**
 * 자격 | 훈련.
 */
kind: string, name: string, 
/**
 * The names of the units it would meet.
 */
closes: Array<string>, 
/**
 * The most one suggested occupation's fit rises, in points.
 */
gain: number, 
/**
 * Which occupation rises by `gain`.
 */
occupation: string, 
/**
 * "약 12주", or "확인 필요".
 */
effort: string, 
/**
 * 응시자격, when one is known to exist.
 */
prerequisite: string, };

export type RecommendationView = { items: Array<Recommendation>, 
/**
 * 모집 중인 구인 (or 참여 중인 구직자) as their own list counts them.
 */
listed: number, 
/**
 * Of those, left out before weighing: vacancies with no place left.
 */
full: number, 
/**
 * … and records the matcher cannot read (no 시군구, an unknown code).
 */
unreadable: number, 
/**
 * How many vacancies (or seekers) were weighed: listed − full − unreadable.
 */
considered: number, 
/**
 * Why the list is empty or short, when there is a reason to say.
 */
notice: string | null, };

export type Recommendation = { seeker_id: string, seeker_name: string, vacancy_id: string, vacancy_title: string, company_name: string, 
/**
 * 0–100; the sum of the reasons' points.
 */
score: number, 
/**
 * The vacancy is in one of the seeker's 희망 직종 (the same code or
 * 중분류). Those come first; the page marks where the others begin.
 */
desired: boolean, reasons: Array<ReasonRow>, 
/**
 * The 알선 already recorded for this pair, if any.
 */
application: ApplicationRow | null, 
/**
 * The seeker agreed to share their details with employers.
 */
may_share: boolean, };

export type ReasonRow = { 
/**
 * Stable code (`certificate_required`, `commute`…).
 */
kind: string, text: string, points: number, };

/**
 * An 알선 as the desk shows it.
 */
export type ApplicationRow = { id: string, seeker_id: string, seeker_name: string, vacancy_id: string, vacancy_title: string, company_name: string, applied_on: string, 
/**
 * An `ApplicationStatus` value.
 */
status: string, status_label: string, 
/**
 * The outcome is recorded: the status cannot change any more.
 */
closed: boolean, 
/**
 * What the status may be set to, this one first, in pipeline order:
 * the domain's forward-only, consent-gated rule, so the page offers
 * exactly what `step_application` accepts.
 */
next_statuses: Array<Choice>, 
/**
 * Which of `next_statuses` record the outcome (합격, 불합격, 취소):
 * final, so the page asks before taking them.
 */
final_statuses: Array<string>, note: string, 
/**
 * How it got here: the day it was recorded, then each step.
 */
steps: Array<StepRow>, 
/**
 * The 취업 recorded from this 알선, if any.
 */
placement_id: string | null, 
/**
 * 합격 with no 취업 recorded yet: the page offers 취업 등록.
 */
needs_placement: boolean, };

/**
 * One step in an 알선's history.
 */
export type StepRow = { on: string, from_label: string, to_label: string, note: string, 
/**
 * Who moved it ("" for the first row and for steps with no author).
 */
author: string, };

/**
 * A step the counselor takes on an 알선.
 */
export type StepForm = { application_id: string, 
/**
 * An `ApplicationStatus` value.
 */
to: string, 
/**
 * The day it happened (YYYY-MM-DD); empty = today.
 */
on: string, note: string, };

/**
 * The lists the outcome forms pick from.
 */
export type OutcomeChoices = { employment_types: Array<Choice>, contact_modes: Array<Choice>, left_reasons: Array<Choice>, };

/**
 * 취업 등록 as typed.
 */
export type PlacementForm = { seeker_id: string, 
/**
 * The 알선 at 합격 it records, or "".
 */
application_id: string, 
/**
 * The employer picked from the caseload, or "" when typed.
 */
company_id: string, vacancy_id: string, employer: string, 
/**
 * A KECO code, or "".
 */
occupation: string, started_on: string, 
/**
 * 월 임금 in 만원 ("280").
 */
wage_manwon: string, 
/**
 * An `EmploymentType` value.
 */
employment: string, weekly_hours: string, 
/**
 * Set the seeker's 진행상태 to 취업 with it.
 */
mark_employed: boolean, };

export type PlacementDraft = { form: PlacementForm, seeker_name: string, 
/**
 * The seeker's 진행상태 now, for the confirmation.
 */
status_label: string, 
/**
 * Already 취업: there is no status to change.
 */
employed: boolean, 
/**
 * The prefilled occupation's name.
 */
occupation_label: string, };

/**
 * A placement with its checks, for the 취업·사후관리 tab.
 */
export type PlacementRow = { id: string, started_on: string, employer: string, 
/**
 * "정규직 · 월 280만원 · 주 40시간 · 용접원".
 */
summary: string, 
/**
 * 최저임금 against the start year: 충족, 미달 (a record made before the
 * check), or 확인 필요 when the year's rate is not in the reference data.
 */
minimum_wage: string, 
/**
 * 미달 or 확인 필요: the page shows it as a warning.
 */
minimum_wage_attention: boolean, checks: Array<CheckRow>, };

/**
 * One 3/6/12-month check of a placement, on the seeker's page.
 */
export type CheckRow = { months: number, due_on: string, 
/**
 * What was recorded ("재직 중 · 전화"), when it was.
 */
done: string | null, 
/**
 * Open for recording: not done, within two weeks of falling due or
 * later, and the seeker had not left at an earlier check.
 */
can_record: boolean, 
/**
 * An earlier check found the seeker had left: nothing more to check.
 */
ended: boolean, };

/**
 * 고용유지 확인 as typed.
 */
export type RetentionForm = { placement_id: string, 
/**
 * 3, 6 or 12.
 */
months: number, checked_on: string, 
/**
 * A `ContactMode` value.
 */
method: string, still_employed: boolean, left_on: string, 
/**
 * A `LeftReason` value, or "" while still employed.
 */
left_reason: string, note: string, 
/**
 * After a 퇴사: set the seeker's 진행상태 back to 취업지원.
 */
mark_job_search: boolean, };

export type RetentionDraft = { form: RetentionForm, seeker_id: string, seeker_name: string, employer: string, placed_on: string, due_on: string, };

export type VacancyDetail = { row: VacancyRow, facts: Array<Fact>, applications: Array<ApplicationRow>, 
/**
 * Places not yet filled by a hire.
 */
open_places: number, };

/**
 * 배정 제안: the caseload-wide assignment with the largest total fit, as a
 * list of suggestions a counselor may act on one by one.
 */
export type AssignmentView = { 
/**
 * Best fit first.
 */
items: Array<Recommendation>, 
/**
 * Seekers and open places weighed.
 */
seekers: number, places: number, total_score: number, };

/**
 * The 암호 변경 form. Every field is wiped from memory when the form is
 * dropped and never shown by `Debug`.
 */
export type PassphraseChangeForm = { current: string, new: string, confirm: string, };

/**
 * What the 가져오기·내보내기 screen offers, from the tables the use cases
 * accept, so the page lists nothing of its own.
 */
export type DataChoices = { 
/**
 * What can be imported and exported; each value is an `ImportKind`.
 */
kinds: Array<Choice>, 
/**
 * Export formats; each value is what `export_file` takes.
 */
export_formats: Array<Choice>, 
/**
 * Why an export is made; each value is an `ExportPurpose`.
 */
export_purposes: Array<Choice>, 
/**
 * The shortest password an encrypted export takes.
 */
min_package_password_chars: number, 
/**
 * File name extensions the importer reads, for the file dialog.
 */
import_extensions: Array<string>, 
/**
 * The largest file imported, in MB, for the screen's note.
 */
max_import_mb: number, };

/**
 * The 개인정보 tab.
 */
export type PrivacyView = { seeker_id: string, 
/**
 * 동의일, 방식 and the form as recorded ("동의 기록 없음" when none).
 */
consent_summary: string, consents: Array<ConsentRow>, 
/**
 * Set once the person was destroyed; then nothing can be withdrawn.
 */
destroyed: DestructionRow | null, preview: DestructionPreview | null, 
/**
 * The retention rule in force, with 확인 필요 when unconfirmed.
 */
retention: string, };

/**
 * One purpose of the consent form and where it stands.
 */
export type ConsentRow = { 
/**
 * The purpose's code (what `withdraw_consent` takes).
 */
purpose: string, label: string, 
/**
 * 동의, 동의 안 함, or 철회 (with the day, when known).
 */
state: string, consented: boolean, 
/**
 * Withdrawing 수집·이용 destroys the person's data.
 */
destroys: boolean, };

/**
 * A destruction as the page shows it.
 */
export type DestructionRow = { on: string, reason: string, kinds: Array<string>, 
/**
 * The counselor who destroyed (empty when unknown).
 */
by: string, };

/**
 * What destroying the person now would erase (counts, never values).
 */
export type DestructionPreview = { kinds: Array<string>, events: number, applications: number, referrals: number, resume_files: number, 
/**
 * Changes not yet sent about the person (sent without the values).
 */
unsent: number, };

/**
 * What the page sends to withdraw one purpose.
 */
export type WithdrawForm = { seeker_id: string, purpose: string, 
/**
 * The counselor ticked that a destruction cannot be undone (required
 * when the purpose is 수집·이용).
 */
confirmed: boolean, };

/**
 * 오늘 할 일's 보유기간 list.
 */
export type RetentionDueList = { total: number, rows: Array<RetentionDueRow>, 
/**
 * The rule in force, as the 개인정보 tab says it.
 */
retention: string, };

/**
 * An ended case whose retention period ends soon or is over.
 */
export type RetentionDueRow = { seeker_id: string, seeker_name: string, 
/**
 * How the case ended, as its retention period is named.
 */
kind: string, last_activity: string, ends_on: string, over: boolean, };

/**
 * One entry as the administrator reads it.
 */
export type AccessRow = { seq: number, at: string, 
/**
 * The counselor's name, or the tool ("cli").
 */
who: string, 
/**
 * 열람, 내보내기, 출력, 파기.
 */
action: string, entity: string, entity_id: string, detail: string, };

/**
 * What `doyak access-log verify` reports.
 */
export type AccessLogVerdict = { entries: number, 
/**
 * The first entry that breaks the chain and how (Korean); empty when whole.
 */
broken_at: number | null, reason: string, head: string, };

/**
 * Why the desk locked.
 */
export type LockReason = "idle" | "screen_locked" | "suspend" | "manual";

/**
 * What the lock screen says.
 */
export type LockNotice = { reason: LockReason, message: string, };

/**
 * The 자동 잠금 setting as the desk shows it.
 */
export type AutoLockSetting = { minutes: number, default_minutes: number, min_minutes: number, max_minutes: number, 
/**
 * Who set it and when ("김상담 · 2026-12-05 09:30"); `None` while the
 * center has not set it (the default is in force).
 */
set_by: string | null, 
/**
 * The other values two desks set without seeing each other's, each
 * with who and when; empty unless the setting is in dispute.
 */
disputed: Array<string>, };

/**
 * One kind's retention period as the desk shows it.
 */
export type RetentionSetting = { 
/**
 * `employed`, `closed` or `deleted`.
 */
kind: string, label: string, years: number, basis: string, 
/**
 * False for Doyak's default: the screens say 확인 필요.
 */
confirmed: boolean, set_by: string | null, disputed: Array<string>, min_years: number, max_years: number, };

/**
 * Every center setting, for the 센터 설정 panel.
 */
export type CenterSettings = { auto_lock: AutoLockSetting, retention: Array<RetentionSetting>, };

/**
 * The setting as stored (JSON in `meta.auto_backup`) and as the screen
 * edits it.
 */
export type AutoBackupForm = { 
/**
 * The folder; empty turns automatic backups off.
 */
folder: string, keep: number, };

/**
 * The setting, and how the last automatic backup went.
 */
export type AutoBackupView = { form: AutoBackupForm, 
/**
 * The last one made on this desk: when and where, or why it failed.
 */
last: string | null, last_failed: boolean, };

/**
 * 복원 on the desk: the backup file, the caseload's passphrase (the backup
 * must open with it), and whether to replace work the backup lacks.
 * The passphrase is wiped from memory when the form is dropped and never
 * shown by `Debug`.
 */
export type RestoreForm = { path: string, passphrase: string, replace_newer: boolean, };

/**
 * What a restore on the desk did.
 */
export type RestoreOutcome = { records: number, 
/**
 * The latest record change in the backup ("" when none).
 */
last_change: string, 
/**
 * Where the replaced caseload was kept.
 */
kept: string, 
/**
 * The desk was enrolled for sync: it must enroll again before its
 * next sync (the restored file reuses sequence numbers).
 */
enrolled: boolean, };

/**
 * Why a file of the caseload is written: asked before every export, kept
 * in the audit and access logs.
 */
export type ExportPurpose = "statistics" | "handover" | "inspection" | "transfer" | "other";

/**
 * Whether people's identifiers are in the file as they are.
 */
export type Identifiers = "masked" | "full";

/**
 * An export as the desk asks for it.
 */
export type ExportRequest = { kind: ImportKind, 
/**
 * xlsx, csv or jsonl (`DataChoices::export_formats`).
 */
format: string, purpose: ExportPurpose, 
/**
 * What the purpose is, in the counselor's words; needed for 기타.
 * Kept in this desk's audit log only (it may name someone).
 */
purpose_note: string, identifiers: Identifiers, 
/**
 * The encrypted zip's password (with `Full`); typed twice on the page.
 */
password: string, };

/**
 * A list export written (내보내기).
 */
export type ListExported = { path: string, count: number, 
/**
 * Whether people's identifiers in it are masked (가림).
 */
masked: boolean, 
/**
 * Whether it is an encrypted zip.
 */
encrypted: boolean, };
