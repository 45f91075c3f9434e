// 방문 문진 answers as the desk takes them: a count as typed, a yes/no as
// "1"/"0", a choice as its picked option values joined by commas (in the
// form's option order, so one set of picks is always one text).
import type { Choice } from "../bindings";

/** The option values a choice answer holds ("wage,hours" → ["wage", "hours"]). */
export function choiceValues(answer: string | undefined): string[] {
  return (answer ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** Picked option values as the answer text, in the options' order; values
 * the form does not offer (an older form's) are kept at the end. */
export function encodeChoice(picked: readonly string[], options: readonly Choice[]): string {
  const set = new Set(picked);
  const known = options.map((o) => o.value).filter((v) => set.has(v));
  const other = picked.filter((v, i) => !options.some((o) => o.value === v) && picked.indexOf(v) === i);
  return [...known, ...other].join(",");
}

/** The answer that says none of a choice's options applies (asked, unlike ""). */
export const NONE_OF_THESE = "none";

/** A choice answer with one option ticked or unticked. 해당 없음 stands
 * alone: ticking it clears the options, ticking an option clears it. */
export function toggleChoice(answer: string | undefined, value: string, on: boolean, options: readonly Choice[]): string {
  if (value === NONE_OF_THESE) return on ? NONE_OF_THESE : "";
  const now = choiceValues(answer).filter((v) => v !== value && v !== NONE_OF_THESE);
  return encodeChoice(on ? [...now, value] : now, options);
}

/** 예 → "1", 아니오 → "0". */
export function encodeYesNo(yes: boolean): "1" | "0" {
  return yes ? "1" : "0";
}

/** "1" → true, "0" → false, anything else (unanswered) → null. */
export function decodeYesNo(answer: string | undefined): boolean | null {
  const a = (answer ?? "").trim();
  return a === "1" ? true : a === "0" ? false : null;
}

/** The answers worth sending: blanks dropped, text trimmed. */
export function answered(answers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, a] of Object.entries(answers)) {
    const t = a.trim();
    if (t !== "") out[id] = t;
  }
  return out;
}

/** Whether two answer sets say the same (blanks count as unanswered). */
export function sameAnswers(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const x = answered(a);
  const y = answered(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (x[k] !== y[k]) return false;
  return true;
}
