import { describe, expect, it } from "vitest";
import { activityReporter } from "./activity";

describe("activityReporter", () => {
  it("reports the first input at once and then once per period", () => {
    let t = 1_000;
    const sent: number[] = [];
    const report = activityReporter(() => sent.push(t), 15_000, () => t);
    report(); // the first input: the desk hears it now
    t += 14_999;
    report(); // within the period: not again
    t += 1;
    report(); // the period is over: reported
    t += 1;
    report();
    expect(sent).toEqual([1_000, 16_000]);
  });
});
