import { describe, expect, it } from "vitest";
import { nextStatuses, scoreLabel } from "./pipeline";

const ALL = [
  { value: "shortlisted", label: "후보" },
  { value: "proposed", label: "알선" },
  { value: "submitted", label: "서류 제출" },
  { value: "interview", label: "면접" },
  { value: "hired", label: "합격" },
  { value: "rejected", label: "불합격" },
  { value: "withdrawn", label: "취소" },
];

const values = (cs: { value: string }[]) => cs.map((c) => c.value);

describe("nextStatuses", () => {
  it("offers the current step and every later one, never an earlier one", () => {
    expect(values(nextStatuses("submitted", ALL))).toEqual(["submitted", "interview", "hired", "rejected", "withdrawn"]);
  });
  it("lets any outcome follow a shortlist (a candidate can withdraw before 알선)", () => {
    expect(values(nextStatuses("shortlisted", ALL))).toEqual(values(ALL));
  });
  it("keeps an outcome fixed: 합격 cannot become 불합격", () => {
    expect(values(nextStatuses("hired", ALL))).toEqual(["hired"]);
    expect(values(nextStatuses("withdrawn", ALL))).toEqual(["withdrawn"]);
  });
});

describe("scoreLabel", () => {
  it("rounds to whole points", () => {
    expect(scoreLabel(89.11)).toBe("89점");
    expect(scoreLabel(79.5)).toBe("80점");
  });
});
