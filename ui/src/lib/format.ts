// Korean formatting for figures the desk shows.

/** 1234 → "1,234" (Korean grouping). */
export function count(n: number | bigint): string {
  return Number(n).toLocaleString("ko-KR");
}

/** "1,234명" — people, with the counter word counselors use. */
export function people(n: number | bigint): string {
  return `${count(n)}명`;
}

/** "12건" — records, changes, items. */
export function items(n: number | bigint): string {
  return `${count(n)}건`;
}

/** Whole seconds left until a moment, never negative. */
export function secondsUntil(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

/** How a due date stands today: "오늘", "3일 지남", "2일 남음". */
export function dueLabel(overdueDays: number): string {
  if (overdueDays === 0) return "오늘";
  return overdueDays > 0 ? `${overdueDays}일 지남` : `${-overdueDays}일 남음`;
}

/** An RFC 3339 moment as a counselor reads it: "11. 28. 오후 2:05" (today
 * shows the time only). Empty for no moment. */
export function moment(iso: string | null, now: Date = new Date()): string {
  if (!iso) return "";
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return "";
  const sameDay = t.toDateString() === now.toDateString();
  const time = t.toLocaleTimeString("ko-KR", { hour: "numeric", minute: "2-digit" });
  if (sameDay) return time;
  return `${t.getMonth() + 1}. ${t.getDate()}. ${time}`;
}

/** A failure as the desk shows it: the Korean message and, after it, the
 * code that the desk's log line carries too, so support can find it. */
export function errorText(e: { code: string; message: string }): string {
  return e.code ? `${e.message} (오류 코드 ${e.code})` : e.message;
}

/** A change of score between two diagnoses: "+12", "−5" (a real minus
 * sign), "0", or "—" when one side was not judged. `tone` says which way
 * it went, for the colour. */
export function signedChange(change: number | null): { text: string; tone: "up" | "down" | "same" | "none" } {
  if (change === null) return { text: "—", tone: "none" };
  if (change > 0) return { text: `+${count(change)}`, tone: "up" };
  if (change < 0) return { text: `\u2212${count(-change)}`, tone: "down" };
  return { text: "0", tone: "same" };
}

/** A 0–100 score, or 확인 필요 when the data could not judge it. */
export function scoreText(score: number | null): string {
  return score === null ? "확인 필요" : `${score}점`;
}
