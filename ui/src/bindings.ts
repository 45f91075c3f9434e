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
caseload_path: string, };

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
track: string | null, offset: number, limit: number, };

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
export type SeekerFilterChoices = { statuses: Array<Choice>, tracks: Array<Choice>, };

/**
 * One option of a filter: the value sent back and the Korean label shown.
 */
export type Choice = { value: string, label: string, };
