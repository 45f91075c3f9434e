// Where the analysis's lines are in a text being edited. The desk numbers
// the lines of a typed text as doyak-resume's `text::lines_of_text` does:
// the text split on '\n', each line trimmed, a line longer than 1,000
// characters cut into pieces (at the last space before the limit where there
// is one, each piece trimmed again), and empty lines dropped. A line's number
// in the analysis is thus not its line in the editor once the text has
// blank or very long lines; `engineLines` counts the same way and says where
// each analysis line sits in the text.

/** The longest line the engine reads, in characters (code points). */
export const MAX_LINE_CHARS = 1000;

/** Rust's `char::is_whitespace` (Unicode White_Space), which `str::trim` uses. */
function isSpace(c: string): boolean {
  const n = c.codePointAt(0) ?? 0;
  return (
    (n >= 0x09 && n <= 0x0d) ||
    n === 0x20 ||
    n === 0x85 ||
    n === 0xa0 ||
    n === 0x1680 ||
    (n >= 0x2000 && n <= 0x200a) ||
    n === 0x2028 ||
    n === 0x2029 ||
    n === 0x202f ||
    n === 0x205f ||
    n === 0x3000
  );
}

/** A range of the text in UTF-16 units, as `setSelectionRange` takes it. */
export interface TextRange {
  start: number;
  end: number;
}

/** Each line the analysis of `text` numbers, in order: where it is in `text`. */
export function engineLines(text: string): TextRange[] {
  const out: TextRange[] = [];
  let offset = 0;
  for (const raw of text.split("\n")) {
    const chars = Array.from(raw);
    // UTF-16 offset (in `text`) of each character, and of the line's end.
    const at: number[] = [];
    let u = offset;
    for (const c of chars) {
      at.push(u);
      u += c.length;
    }
    at.push(u);
    // Characters a..b (end exclusive), trimmed.
    const trim = (a: number, b: number): [number, number] => {
      while (a < b && isSpace(chars[a]!)) a++;
      while (b > a && isSpace(chars[b - 1]!)) b--;
      return [a, b];
    };
    let [from, to] = trim(0, chars.length);
    const push = (a: number, b: number) => {
      const [s, e] = trim(a, b);
      if (e > s) out.push({ start: at[s]!, end: at[e]! });
    };
    while (to - from > MAX_LINE_CHARS) {
      const limit = from + MAX_LINE_CHARS;
      let cut = limit;
      for (let i = limit - 1; i > from; i--) {
        if (isSpace(chars[i]!)) {
          cut = i;
          break;
        }
      }
      push(from, cut);
      from = cut;
    }
    push(from, to);
    offset += raw.length + 1;
  }
  return out;
}

/** Where analysis line `line` is in `text`; null when the text has no such line. */
export function editorRange(text: string, line: number): TextRange | null {
  return engineLines(text)[line] ?? null;
}
