import { describe, expect, it } from "vitest";
import { scoreLabel } from "./pipeline";

describe("scoreLabel", () => {
  it("rounds to whole points", () => {
    expect(scoreLabel(89.11)).toBe("89점");
    expect(scoreLabel(79.5)).toBe("80점");
  });
});
