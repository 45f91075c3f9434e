import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RetentionSetting } from "../bindings";

const rule = (kind: string, label: string, years: number, confirmed: boolean, basis: string): RetentionSetting => ({
  kind, label, years, basis, confirmed, set_by: confirmed ? "김상담 · 2026-12-05 09:30" : null, disputed: [], min_years: 1, max_years: 50,
});
const defaults = [
  rule("employed", "취업으로 종료된 사례", 5, false, "도약 기본값, 센터 개인정보 처리방침의 보유기간 미입력"),
  rule("closed", "취업 없이 종료된 사례", 5, false, "도약 기본값, 센터 개인정보 처리방침의 보유기간 미입력"),
  rule("deleted", "삭제된 등록", 5, false, "도약 기본값, 센터 개인정보 처리방침의 보유기간 미입력"),
];
const centerSettings = vi.fn(() => Promise.resolve({ auto_lock: null, retention: defaults }));
const setRetentionRule = vi.fn((kind: string, years: number, basis: string) =>
  years >= 1 && basis.trim() !== ""
    ? Promise.resolve(defaults.map((r) => (r.kind === kind ? rule(kind, r.label, years, true, basis) : r)))
    : Promise.reject({ code: "input.invalid", message: "입력을 확인해 주세요.", fields: [{ field: "basis", label: "보유기간 근거", message: "보유기간의 근거(법령·처리방침 조항)를 입력해 주세요." }] }),
);
vi.mock("../api", () => ({ api: { centerSettings, setRetentionRule } }));

const { RetentionSettings } = await import("./RetentionSettings");

afterEach(cleanup);

describe("RetentionSettings", () => {
  it("marks Doyak's default 확인 필요, saves one kind with its basis and shows a refusal by its field", async () => {
    const view = render(<RetentionSettings />);
    const q = (sel: string) => view.container.querySelector<HTMLElement>(sel)!;
    await waitFor(() => expect(q("#retention-closed h4").textContent).toContain("종료 후 5년"));
    expect(view.container.querySelectorAll(".score-unknown").length).toBe(3);
    // No basis: refused, the message says what is missing.
    fireEvent.input(q("#retention-closed-years"), { target: { value: "3" } });
    fireEvent.submit(q("#retention-closed"));
    await waitFor(() => expect(q("#retention-closed-outcome").textContent).toContain("근거"));
    expect(q("#retention-closed-outcome").className).toBe("error");
    fireEvent.input(q("#retention-closed-basis"), { target: { value: "처리방침 제7조" } });
    // A half-typed change of another kind survives this save.
    fireEvent.input(q("#retention-employed-years"), { target: { value: "9" } });
    fireEvent.submit(q("#retention-closed"));
    await waitFor(() => expect(q("#retention-closed h4").textContent).toContain("종료 후 3년"));
    expect(setRetentionRule).toHaveBeenLastCalledWith("closed", 3, "처리방침 제7조");
    // Only that kind is confirmed now; the other two still say 확인 필요.
    expect(view.container.querySelectorAll(".score-unknown").length).toBe(2);
    expect(q("#retention-closed").textContent).toContain("근거: 처리방침 제7조");
    expect((q("#retention-employed-years") as HTMLInputElement).value).toBe("9");
  });
});
