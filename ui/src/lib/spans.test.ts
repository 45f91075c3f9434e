import { describe, expect, it } from "vitest";
import { splitLine, type LineMark } from "./spans";

type K = "cert" | "job" | "sugg";
const mark = (start: number, end: number, kind: K): LineMark<K> => ({ start, end, kind });
const shown = (line: string, marks: LineMark<K>[]) => splitLine(line, marks).map((p) => [p.text, p.mark?.kind ?? null]);

describe("splitLine", () => {
  it("counts characters as code points: an emoji is one, Hangul syllables one each", () => {
    // 🎓 is two UTF-16 units; the desk counts it as one character, so
    // "정보처리기사" is characters 5..11, not 6..12.
    const line = "자격 🎓 정보처리기사 취득";
    expect(Array.from(line).slice(5, 11).join("")).toBe("정보처리기사");
    expect(shown(line, [mark(5, 11, "cert")])).toEqual([
      ["자격 🎓 ", null],
      ["정보처리기사", "cert"],
      [" 취득", null],
    ]);
  });

  it("marks an emoji itself without splitting its surrogate pair", () => {
    expect(shown("😀가😀", [mark(1, 3, "sugg")])).toEqual([
      ["😀", null],
      ["가😀", "sugg"],
    ]);
  });

  it("keeps marks in the line's order whatever order they come in", () => {
    expect(shown("2019-03 ~ 2021-02 도약정밀 용접기능사", [mark(23, 28, "cert"), mark(0, 17, "job")])).toEqual([
      ["2019-03 ~ 2021-02", "job"],
      [" 도약정밀 ", null],
      ["용접기능사", "cert"],
    ]);
  });

  it("skips a mark that starts inside one already taken, and takes the longer of two at the same start", () => {
    const line = "가나다라마바사아";
    expect(shown(line, [mark(0, 4, "job"), mark(2, 6, "cert"), mark(6, 8, "sugg")])).toEqual([
      ["가나다라", "job"],
      ["마바", null],
      ["사아", "sugg"],
    ]);
    expect(shown(line, [mark(1, 2, "sugg"), mark(1, 5, "cert")])).toEqual([
      ["가", null],
      ["나다라마", "cert"],
      ["바사아", null],
    ]);
    // Touching is not overlapping.
    expect(shown("가나다라", [mark(0, 2, "job"), mark(2, 4, "cert")])).toEqual([
      ["가나", "job"],
      ["다라", "cert"],
    ]);
  });

  it("clamps spans past the line and drops empty ones, and keeps an empty line one piece", () => {
    expect(shown("가나다", [mark(1, 99, "cert"), mark(2, 2, "job"), mark(-3, 0, "sugg")])).toEqual([
      ["가", null],
      ["나다", "cert"],
    ]);
    expect(shown("", [mark(0, 3, "cert")])).toEqual([["", null]]);
    expect(shown("가", [])).toEqual([["가", null]]);
  });
});
