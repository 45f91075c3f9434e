import { afterEach, describe, expect, it } from "vitest";
import { discardUnsaved, hasUnsaved, setUnsaved } from "./guard";

afterEach(discardUnsaved);

describe("unsaved forms", () => {
  it("are unsaved until every form that said so is saved or gone", () => {
    expect(hasUnsaved()).toBe(false);
    setUnsaved("seeker-form", true);
    setUnsaved("step-a1", true);
    setUnsaved("seeker-form", false);
    expect(hasUnsaved()).toBe(true);
    setUnsaved("step-a1", false);
    expect(hasUnsaved()).toBe(false);
  });

  it("are all forgotten when the counselor leaves anyway", () => {
    setUnsaved("placement", true);
    discardUnsaved();
    expect(hasUnsaved()).toBe(false);
  });
});
