import { describe, expect, it } from "vitest";
import { byline } from "./Timeline";

describe("byline", () => {
  it("names the writer and the time the note was written", () => {
    expect(byline({ author: "박상담", written_at: "2026-12-03 14:20" })).toBe("박상담 · 2026-12-03 14:20 작성");
  });
  it("says the writer is unknown rather than leaving a bare time", () => {
    // A desk with no counselor chosen still records when it wrote.
    expect(byline({ author: "", written_at: "2026-12-03 14:20" })).toBe("작성자 기록 없음 · 2026-12-03 14:20 작성");
  });
  it("shows the author alone when the record has no time", () => {
    expect(byline({ author: "이상담", written_at: "" })).toBe("이상담");
  });
});
