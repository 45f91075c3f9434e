import { describe, expect, it } from "vitest";
import { count, dueLabel, errorText, items, moment, people, scoreText, secondsUntil, signedChange } from "./format";

describe("format", () => {
  it("groups thousands the Korean way and adds the counter word", () => {
    expect(count(100000)).toBe("100,000");
    expect(people(1431)).toBe("1,431명");
    expect(items(0)).toBe("0건");
    // u64 fields can arrive as bigint from some bindings: same text.
    expect(people(12058n)).toBe("12,058명");
  });

  it("rounds a wait up so the counselor never retries a second too early", () => {
    expect(secondsUntil(10_001, 9_000)).toBe(2);
    expect(secondsUntil(10_000, 9_000)).toBe(1);
    expect(secondsUntil(5_000, 9_000)).toBe(0);
  });

  it("says how a due date stands, never a negative number", () => {
    expect(dueLabel(0)).toBe("오늘");
    expect(dueLabel(3)).toBe("3일 지남");
    expect(dueLabel(-2)).toBe("2일 남음");
  });
});


describe("moment", () => {
  it("shows only the time for today, the date otherwise", () => {
    const now = new Date("2026-11-28T05:00:00Z");
    expect(moment(null, now)).toBe("");
    expect(moment("2026-11-28T04:05:00Z", now)).not.toContain("11. 28.");
    expect(moment("2026-11-20T04:05:00Z", now)).toContain("11. 20.");
  });
});

describe("errorText", () => {
  it("shows the message with the code the log line carries", () => {
    expect(errorText({ code: "store.locked", message: "다른 프로그램이 사용 중입니다." })).toBe(
      "다른 프로그램이 사용 중입니다. (오류 코드 store.locked)",
    );
  });
  it("shows a message without a code as it is", () => {
    expect(errorText({ code: "", message: "작업을 마치지 못했습니다." })).toBe("작업을 마치지 못했습니다.");
  });
});

describe("signedChange", () => {
  it("signs a rise with + and a fall with a minus sign", () => {
    expect(signedChange(12)).toEqual({ text: "+12", tone: "up" });
    expect(signedChange(-5)).toEqual({ text: "\u22125", tone: "down" });
    expect(signedChange(0)).toEqual({ text: "0", tone: "same" });
    expect(signedChange(null)).toEqual({ text: "—", tone: "none" });
  });

  it("says 확인 필요 for a score the data could not judge", () => {
    expect(scoreText(null)).toBe("확인 필요");
    expect(scoreText(70)).toBe("70점");
  });
});
