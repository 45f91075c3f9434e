// The 알선 pipeline as the page shows it: which statuses a counselor may pick
// next. The order and the labels come from the desk (application_statuses);
// the rule mirrors the use case's (a status never moves back, an outcome is
// final) so the select offers only what will be accepted.

import type { Choice } from "../bindings";

/** Statuses that record an outcome. */
export const FINAL = ["hired", "rejected", "withdrawn"] as const;

/** The choices a row may move to: its own status, then every later step.
 * The three outcomes share one rank, so any of them can follow 면접. */
export function nextStatuses(current: string, all: readonly Choice[]): Choice[] {
  if ((FINAL as readonly string[]).includes(current)) {
    return all.filter((c) => c.value === current);
  }
  const rank = (value: string) => {
    const i = all.findIndex((c) => c.value === value);
    const firstFinal = all.findIndex((c) => (FINAL as readonly string[]).includes(c.value));
    return firstFinal >= 0 && i >= firstFinal ? firstFinal : i;
  };
  const here = rank(current);
  return all.filter((c) => rank(c.value) >= here);
}

/** "87점" — a match score, rounded to whole points for reading out. */
export function scoreLabel(score: number): string {
  return `${Math.round(score)}점`;
}
