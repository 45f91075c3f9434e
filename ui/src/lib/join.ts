// 센터에 합류 on the first start: the empty form and the line the page shows
// while the desk enrolls and pulls the center's records.
import type { JoinForm, UiError } from "../bindings";
import { errorText, items } from "./format";

/** The form as it opens: the address field starts with the scheme a
 * center's server uses; the device name is optional (the desk names it
 * 도약 데스크 when left empty). */
export function emptyJoinForm(): JoinForm {
  return { server_url: "https://", code: "", device_name: "", passphrase: "", confirm: "" };
}

/** What the desk is doing, for the line under the button: enrolling until
 * its first figures arrive (`null`), then how many of the center's records
 * it has received. */
export function joinProgress(received: number | null): string {
  return received === null ? "서버에 이 노트북을 등록하는 중…" : `센터 기록 받는 중… ${items(received)}`;
}

/** The element id of a form field: `server_url` → `join-server-url`. */
export function joinFieldId(field: keyof JoinForm): string {
  return `join-${field.replace(/_/g, "-")}`;
}

const FIELDS: ReadonlyArray<string> = ["server_url", "code", "device_name", "passphrase", "confirm"] satisfies ReadonlyArray<keyof JoinForm>;

/** The line under the form after a refusal. When every problem already
 * shows under its field, the line only says so (with the code); otherwise
 * it is the desk's whole message, so nothing the desk said goes unseen. */
export function joinFailure(e: UiError): string {
  const underFields = e.fields.length > 0 && e.fields.every((f) => FIELDS.includes(f.field));
  return underFields ? errorText({ code: e.code, message: "입력값을 확인해 주세요. 표시된 항목을 고치면 됩니다." }) : errorText(e);
}
