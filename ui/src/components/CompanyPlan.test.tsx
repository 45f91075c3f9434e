import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CompanyPlanView, PlanActionForm } from "../bindings";
import { CompanyPlan, type PlanDesk } from "./CompanyPlan";

afterEach(cleanup);

const view: CompanyPlanView = {
  actions: [
    {
      id: "a1",
      kind: "wage_advice",
      kind_label: "임금·근로조건 개선 권고",
      description: "시급 인상 검토 요청",
      owner: "김상담",
      due_on: "2026-11-30",
      status: "in_progress",
      status_label: "진행 중",
      follow_up_on: "2026-12-10",
      vacancy_id: "v1",
      vacancy_title: "용접원 모집",
      subsidy: "",
      result: "",
      overdue: true,
      planned_on: "2026-11-02",
      history: ["2026-11-02 계획 · 기한 2026-11-30"],
      forked: true,
    },
  ],
  kinds: [
    { value: "wage_advice", label: "임금·근로조건 개선 권고" },
    { value: "subsidy_link", label: "지원사업 연계" },
  ],
  statuses: [
    { value: "planned", label: "계획" },
    { value: "in_progress", label: "진행 중" },
    { value: "done", label: "완료" },
  ],
  vacancies: [{ value: "v1", label: "용접원 모집" }],
  outcome: { since: "2026-09-01", hires: 3, due_3m: 2, checked_3m: 2, retained_3m: 1 },
  today: "2026-12-04",
};

function desk(overrides: Partial<PlanDesk> = {}): PlanDesk {
  return {
    companyPlan: vi.fn(() => Promise.resolve(view)),
    savePlanAction: vi.fn(() => Promise.resolve("a2")),
    ...overrides,
  };
}

const el = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;

describe("컨설팅 계획", () => {
  it("shows the outcome and the actions, the late one marked", async () => {
    render(<CompanyPlan companyId="c1" desk={desk()} />);
    await waitFor(() => expect(el("plan-actions")).toBeTruthy());
    expect(el("plan-outcome").textContent).toContain("센터 통한 채용 3명");
    expect(el("plan-outcome-since").textContent).toContain("계획 시작(2026-09-01) 이후");
    // Changed apart on two desks: flagged on the row.
    expect(el("plan-forked-a1").textContent).toContain("두 판");
    expect(el("plan-outcome").textContent).toContain("1/2명");
    const row = document.querySelector('#plan-actions tr[data-action="a1"]')!;
    expect(row.textContent).toContain("기한 지남");
    expect(row.textContent).toContain("이전 기록 1건");
  });

  it("edits an action as a new version of the current one", async () => {
    const d = desk();
    render(<CompanyPlan companyId="c1" desk={d} />);
    await waitFor(() => expect(el("plan-edit-a1")).toBeTruthy());
    fireEvent.click(el("plan-edit-a1"));
    expect(el<HTMLSelectElement>("plan-kind").value).toBe("wage_advice");
    expect(el("plan-due_on").value).toBe("2026-11-30");
    fireEvent.change(el<HTMLSelectElement>("plan-status"), { target: { value: "done" } });
    fireEvent.input(el("plan-result"), { target: { value: "시급 500원 인상" } });
    fireEvent.click(el("plan-save"));
    await waitFor(() => expect(el("plan-saved")).toBeTruthy());
    const form = (d.savePlanAction as ReturnType<typeof vi.fn>).mock.calls[0]![0] as PlanActionForm;
    expect(form).toMatchObject({ company_id: "c1", id: "a1", status: "done", result: "시급 500원 인상", vacancy_id: "v1" });
    expect(el("plan-form")).toBeNull();
    expect(d.companyPlan).toHaveBeenCalledTimes(2);
  });

  it("shows the desk's field errors under their fields", async () => {
    const save = vi.fn(() =>
      Promise.reject({
        code: "input.invalid",
        message: "입력을 확인해 주세요.",
        fields: [
          { field: "kind", label: "조치", message: "조치를 골라 주세요." },
          { field: "due_on", label: "기한", message: "날짜를 YYYY-MM-DD로 적어 주세요." },
        ],
      }),
    );
    render(<CompanyPlan companyId="c1" desk={desk({ savePlanAction: save })} />);
    await waitFor(() => expect(el("plan-add")).toBeTruthy());
    fireEvent.click(el("plan-add"));
    expect(el<HTMLSelectElement>("plan-status").value).toBe("planned");
    fireEvent.click(el("plan-save"));
    await waitFor(() => expect(el("plan-kind-error")?.textContent).toBe("조치를 골라 주세요."));
    expect(el("plan-due_on-error").textContent).toContain("YYYY-MM-DD");
    expect(el("plan-kind").getAttribute("aria-invalid")).toBe("true");
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ id: "", company_id: "c1" }));
  });
});
