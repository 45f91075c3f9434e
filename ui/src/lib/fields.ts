// Field errors from the desk, grouped by the form field they belong under.
import type { FieldError } from "../bindings";

export type FieldErrors = Record<string, string[]>;

export function byField(errors: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    (out[e.field] ??= []).push(e.message);
  }
  return out;
}

/** Only the errors of fields the counselor has already left: nobody wants
 * "필수 항목입니다" under a field they have not reached yet. */
export function visible(errors: FieldErrors, touched: ReadonlySet<string>, submitted: boolean): FieldErrors {
  if (submitted) return errors;
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    if (touched.has(field)) out[field] = messages;
  }
  return out;
}
