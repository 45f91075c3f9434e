import { describe, expect, it } from "vitest";
import { editorRange, engineLines, MAX_LINE_CHARS } from "./resumeLines";

const texts = (text: string) => engineLines(text).map((r) => text.slice(r.start, r.end));

describe("engineLines", () => {
  it("numbers lines as the engine does: trimmed, blank lines dropped", () => {
    const text = "  이름: 홍길동 \n\n   \n자격\r\n\t정보처리기사";
    expect(texts(text)).toEqual(["이름: 홍길동", "자격", "정보처리기사"]);
    // Analysis line 2 is the editor's fifth line.
    const r = editorRange(text, 2)!;
    expect(text.slice(0, r.start).split("\n").length - 1).toBe(4);
    expect(editorRange(text, 3)).toBeNull();
    expect(engineLines("")).toEqual([]);
  });

  it("cuts a long line every 1,000 characters, counted as code points", () => {
    // 🎓 is two UTF-16 units but one character to the engine.
    const long = "🎓".repeat(MAX_LINE_CHARS * 2 + 5);
    const text = `첫 줄\n${long}\n끝`;
    const lines = texts(text);
    expect(lines.map((l) => Array.from(l).length)).toEqual([3, 1000, 1000, 5, 1]);
    expect(lines[4]).toBe("끝");
    expect(editorRange(text, 2)).toEqual({ start: 4 + 2000, end: 4 + 4000 });
  });

  it("cuts at the last space before the limit, as the engine does", () => {
    const word = "가".repeat(600);
    const text = `${word} ${word} ${word}`;
    // 1,802 characters: cut at the spaces, each piece trimmed.
    expect(texts(text)).toEqual([word, word, word]);
  });
});
