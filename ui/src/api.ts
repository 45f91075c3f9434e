// The desk's commands, typed with the bindings generated from the Rust types
// (bindings.ts, written by `cargo test -p doyak-desk bindings` — never by hand).
import { invoke } from "@tauri-apps/api/core";
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
  TodayView,
  UiError,
} from "./bindings";

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
  today: () => call<TodayView>("today"),
  seekerDetail: (id: string) => call<SeekerDetail>("seeker_detail", { id }),
  seekerFormChoices: () => call<SeekerFormChoices>("seeker_form_choices"),
  newSeekerForm: () => call<SeekerForm>("new_seeker_form"),
  checkSeekerForm: (form: SeekerForm) => call<FieldError[]>("check_seeker_form", { form }),
  saveSeekerForm: (form: SeekerForm) => call<string>("save_seeker_form", { form }),
  contactModes: () => call<Choice[]>("contact_modes"),
  addSession: (form: SessionForm) => call<EventRow>("add_session", { form }),
  searchCodes: (list: CodeList, query: string) => call<Choice[]>("search_codes", { list, query }),
  codeLabels: (list: CodeList, codes: string[]) => call<Choice[]>("code_labels", { list, codes }),
};
