// Highlighting findings in a line of text. The desk counts a span's `start`
// and `end` in characters (Unicode code points), not in JavaScript's UTF-16
// units: "자격증 🎓 취득" has the emoji as one character here, two units in a
// JS string. So a line is split with `Array.from`, never `slice`.

/** One finding to mark: characters `start..end` of the line (end exclusive). */
export interface LineMark<K extends string> {
  start: number;
  end: number;
  kind: K;
}

/** A run of the line: plain text (`mark` null) or one marked finding. */
export interface LinePiece<K extends string> {
  text: string;
  mark: LineMark<K> | null;
}

/**
 * Splits `line` into plain and marked runs. Marks are taken by their start
 * (the longer first when two start together, then in the order given); one
 * that starts inside a mark already taken is skipped, so overlapping
 * findings never cut each other into pieces. Spans are clamped to the line,
 * and empty ones dropped, so a span from a stale analysis cannot throw.
 */
export function splitLine<K extends string>(line: string, marks: ReadonlyArray<LineMark<K>>): LinePiece<K>[] {
  const chars = Array.from(line);
  const len = chars.length;
  const ordered = marks
    .map((m, order) => ({ m, order, start: clamp(m.start, len), end: clamp(m.end, len) }))
    .filter((x) => x.end > x.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const pieces: LinePiece<K>[] = [];
  let at = 0;
  for (const x of ordered) {
    if (x.start < at) continue;
    if (x.start > at) pieces.push({ text: chars.slice(at, x.start).join(""), mark: null });
    pieces.push({ text: chars.slice(x.start, x.end).join(""), mark: x.m });
    at = x.end;
  }
  if (at < len || pieces.length === 0) pieces.push({ text: chars.slice(at).join(""), mark: null });
  return pieces;
}

function clamp(n: number, len: number): number {
  if (!Number.isFinite(n)) return n > 0 ? len : 0;
  return Math.min(Math.max(0, Math.trunc(n)), len);
}
