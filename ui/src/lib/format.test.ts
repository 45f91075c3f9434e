import { describe, expect, it } from "vitest";
import { count, dueLabel, items, people, secondsUntil } from "./format";

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
