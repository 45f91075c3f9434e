import { describe, expect, it } from "vitest";
import { actionFor, nextZoom, SHORTCUTS, ZOOM_STEPS } from "./shortcuts";

const press = (key: string, mods: Partial<{ ctrl: boolean; alt: boolean; shift: boolean; meta: boolean }> = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe("shortcuts", () => {
  it("maps the documented keys to their actions", () => {
    expect(actionFor(press("k", { ctrl: true }), false)).toBe("quick-search");
    expect(actionFor(press("K", { ctrl: true }), true)).toBe("quick-search");
    expect(actionFor(press("=", { ctrl: true }), true)).toBe("zoom-in");
    expect(actionFor(press("+", { ctrl: true, shift: true }), false)).toBe("zoom-in");
    expect(actionFor(press("-", { ctrl: true }), false)).toBe("zoom-out");
    expect(actionFor(press("0", { ctrl: true }), true)).toBe("zoom-reset");
    expect(actionFor(press("n", { meta: true }), false)).toBe("new-record");
    expect(actionFor(press("2", { alt: true }), false)).toBe("go-seekers");
    expect(actionFor(press("5", { alt: true }), true)).toBe("go-visit");
    expect(actionFor(press("6", { alt: true }), false)).toBe("go-data");
    expect(actionFor(press("7", { alt: true }), false)).toBe("go-sync");
    expect(actionFor(press("8", { alt: true }), false)).toBe("go-kpi");
    expect(actionFor(press("9", { alt: true }), false)).toBeNull();
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


  it("zooms one step at a time and stops at the ends", () => {
    expect(nextZoom(1, "zoom-in")).toBe(1.1);
    expect(nextZoom(1, "zoom-out")).toBe(0.9);
    expect(nextZoom(1.3, "zoom-in")).toBe(1.5);
    expect(nextZoom(1.3, "zoom-out")).toBe(1.25);
    expect(nextZoom(2, "zoom-in")).toBe(2);
    expect(nextZoom(0.8, "zoom-out")).toBe(0.8);
    expect(nextZoom(1.75, "zoom-reset")).toBe(1);
    expect(ZOOM_STEPS).toContain(1);
  });
});
