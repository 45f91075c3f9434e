import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { OverdueActionRow, RetentionDueList, TodayLimits, TodayView } from "../bindings";

function action(i: number): OverdueActionRow {
  return {
    action_id: `a${i}`,
    company_id: `c${i}`,
    company_name: `기업${i}`,
    kind_label: "임금·근로조건 개선 권고",
    description: `조치 ${i}`,
    owner: "김상담",
    due_on: "2026-11-20",
    overdue_days: 14,
  };
}

function view(limits: TodayLimits | undefined): TodayView {
  const total = 60;
  const shown = Math.min(total, limits?.overdue_actions ?? 50);
  return {
    today: "2026-12-04",
    follow_up_groups: [],
    retention_checks: [],
    overdue_iap: [],
    overdue_actions: Array.from({ length: shown }, (_, i) => action(i)),
    referrals: [],
    applications: [],
    stale_vacancies: [],
    totals: { retention_checks: 0, overdue_iap: 0, overdue_actions: total, referrals: 0, applications: 0, stale_vacancies: 0 },
  };
}

const today = vi.fn((limits?: TodayLimits) => Promise.resolve(view(limits)));
const retention: RetentionDueList = {
  total: 1,
  rows: [{ seeker_id: "s9", seeker_name: "박오래", kind: "취업 없이 종료된 사례", last_activity: "2021-12-20", ends_on: "2026-12-20", over: false }],
  retention: "취업 없이 종료된 사례: 종료 후 5년 (근거: 도약 기본값) — 확인 필요",
};
const retentionDue = vi.fn((_: number) => Promise.resolve(retention));
vi.mock("../api", () => ({ api: { today, retentionDue } }));

const { Today } = await import("./Today");

afterEach(cleanup);

describe("오늘 할 일: 기한이 지난 기업 컨설팅 조치", () => {
  it("lists them with 더 보기 and opens the company's plan", async () => {
    const onOpenCompany = vi.fn();
    render(<Today onOpenSeeker={vi.fn()} onOpenSubject={vi.fn()} onOpenVacancy={vi.fn()} onOpenCompany={onOpenCompany} />);
    await waitFor(() => expect(document.getElementById("today-overdue-actions")).toBeTruthy());
    const rows = () => document.querySelectorAll("#today-overdue-actions tbody tr");
    expect(rows().length).toBe(50);
    expect(rows()[0]!.textContent).toContain("14일 지남");
    fireEvent.click(document.getElementById("today-overdue-actions-more")!);
    await waitFor(() => expect(rows().length).toBe(60));
    expect(today).toHaveBeenLastCalledWith(expect.objectContaining({ overdue_actions: 100 }));
    expect(document.getElementById("today-overdue-actions-more")).toBeNull();
    fireEvent.click(rows()[3]!.querySelector("button")!);
    expect(onOpenCompany).toHaveBeenCalledWith("c3", "plan");
  });
});

describe("오늘 할 일: 보유기간 만료 예정", () => {
  it("lists ended cases whose retention ends soon and opens the 개인정보 tab", async () => {
    const onOpenSeeker = vi.fn();
    render(<Today onOpenSeeker={onOpenSeeker} onOpenSubject={vi.fn()} onOpenVacancy={vi.fn()} onOpenCompany={vi.fn()} />);
    await waitFor(() => expect(document.getElementById("today-retention-ending")).toBeTruthy());
    const section = document.getElementById("today-retention-ending")!;
    // The rule's basis is unconfirmed: the list says so.
    expect(section.textContent).toContain("확인 필요");
    expect(section.querySelector("tbody tr")!.textContent).toContain("2026-12-20");
    fireEvent.click(section.querySelector("tbody button")!);
    expect(onOpenSeeker).toHaveBeenCalledWith("s9", "privacy");
  });
});
