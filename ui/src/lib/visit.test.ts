import { describe, expect, it } from "vitest";
import { NONE_OF_THESE, answered, choiceValues, decodeYesNo, encodeChoice, encodeYesNo, sameAnswers, toggleChoice } from "./visit";

const options = [
  { value: "wage", label: "임금" },
  { value: "hours", label: "근로시간·교대" },
  { value: "commute", label: "통근 거리·교통" },
];

describe("방문 문진 answers", () => {
  it("joins picked options with commas in the form's order", () => {
    expect(encodeChoice(["commute", "wage"], options)).toBe("wage,commute");
    expect(encodeChoice([], options)).toBe("");
    // A value the form no longer offers is kept, not lost.
    expect(encodeChoice(["old", "hours"], options)).toBe("hours,old");
  });

  it("ticks and unticks one option", () => {
    let a = toggleChoice("", "hours", true, options);
    expect(a).toBe("hours");
    a = toggleChoice(a, "wage", true, options);
    expect(a).toBe("wage,hours");
    a = toggleChoice(a, "wage", true, options);
    expect(a).toBe("wage,hours");
    a = toggleChoice(a, "hours", false, options);
    expect(a).toBe("wage");
    expect(choiceValues(" wage , hours,")).toEqual(["wage", "hours"]);
    expect(choiceValues(undefined)).toEqual([]);
  });

  it("keeps 해당 없음 apart from the options", () => {
    // Ticking 해당 없음 clears the picks; an option ticked after it clears it.
    expect(toggleChoice("wage,hours", NONE_OF_THESE, true, options)).toBe(NONE_OF_THESE);
    expect(toggleChoice(NONE_OF_THESE, "wage", true, options)).toBe("wage");
    expect(toggleChoice(NONE_OF_THESE, NONE_OF_THESE, false, options)).toBe("");
  });

  it("keeps 예/아니오 as 1/0", () => {
    expect(encodeYesNo(true)).toBe("1");
    expect(encodeYesNo(false)).toBe("0");
    expect(decodeYesNo("1")).toBe(true);
    expect(decodeYesNo("0")).toBe(false);
    expect(decodeYesNo("")).toBeNull();
    expect(decodeYesNo(undefined)).toBeNull();
  });

  it("drops blank answers and compares what is left", () => {
    expect(answered({ hires_12m: " 4 ", quits_3m: "", leave_reasons: "wage" })).toEqual({ hires_12m: "4", leave_reasons: "wage" });
    expect(sameAnswers({ a: "1", b: "" }, { a: "1" })).toBe(true);
    expect(sameAnswers({ a: "1" }, { a: "0" })).toBe(false);
  });
});
