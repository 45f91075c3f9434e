import { describe, expect, it } from "vitest";
import { actionFor, SHORTCUTS } from "./shortcuts";

const press = (key: string, mods: Partial<{ ctrl: boolean; alt: boolean; shift: boolean; meta: boolean }> = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe("shortcuts", () => {
  it("maps the documented keys to their actions", () => {
    expect(actionFor(press("k", { ctrl: true }), false)).toBe("focus-search");
    expect(actionFor(press("K", { ctrl: true }), true)).toBe("focus-search");
    expect(actionFor(press("n", { meta: true }), false)).toBe("new-record");
    expect(actionFor(press("2", { alt: true }), false)).toBe("go-seekers");
    expect(actionFor(press("5", { alt: true }), true)).toBe("go-visit");
    expect(actionFor(press("6", { alt: true }), false)).toBe("go-data");
    expect(actionFor(press("7", { alt: true }), false)).toBe("go-sync");
    expect(actionFor(press("8", { alt: true }), false)).toBeNull();
  });

  it("leaves a slash alone while the counselor types in a field", () => {
    expect(actionFor(press("/"), false)).toBe("focus-search");
    expect(actionFor(press("/"), true)).toBeNull();
  });

  it("ignores plain letters and unlisted combinations", () => {
    expect(actionFor(press("k"), false)).toBeNull();
    expect(actionFor(press("k", { ctrl: true, shift: true }), false)).toBeNull();
  });

  it("documents every action exactly once", () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
