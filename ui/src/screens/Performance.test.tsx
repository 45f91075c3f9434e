import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { KpiDashboard, KpiFigureView, KpiMembers } from "../bindings";

function figure(id: string, label: string, unit: string, n: number, value: number | null, previous: number | null, drillable = true): KpiFigureView {
  return {
    id,
    side: id.startsWith("company") || id.startsWith("firms") || id.startsWith("vacancies") ? "기업" : "구직자",
    label,
    definition: `${label}의 정의`,
    unit,
    n_unit: "명",
    n,
    value,
    previous_n: n,
    previous_value: previous,
    drillable,
    cuts: [
      { cut: "month", label: "월", rows: [{ key: "2026-10", n: 4, value: 4 }, { key: "2026-11", n: n - 4, value: n - 4 }] },
      { cut: "counselor", label: "상담사", rows: [{ key: "김상담", n, value }] },
    ],
  };
}

const dashboard: KpiDashboard = {
  from: "2026-10",
  to: "2026-11",
  previous_from: "2026-08",
  previous_to: "2026-09",
  computed_on: "2026-12-04",
  figures: [
    figure("seekers_new", "신규 참여자", "명", 20, 20, 15),
    figure("stage_diagnosis", "진단", "명", 10, 10, 10),
    figure("employment_rate_3m", "3개월 내 취업률", "%", 20, 35.5, 40),
    figure("sessions", "상담 횟수", "건", 50, 50, null, false),
  ],
};

const members: KpiMembers = {
  figure: "신규 참여자",
  cell: "상담사 김상담",
  total: 1,
  rows: [{ kind: "seeker", id: "s1", name: "김도약", flag: null, value: null }],
};

const kpiDashboard = vi.fn(() => Promise.resolve(dashboard));
const kpiMembers = vi.fn(() => Promise.resolve(members));
const saveKpiWorkbook = vi.fn(() => Promise.resolve({ path: "/home/u/Downloads/도약-성과-2026-10-2026-11.xlsx", count: 27 }));
const saveKpiPdf = vi.fn(() => Promise.resolve({ path: "/home/u/Downloads/도약-성과보고서-2026-10-2026-11.pdf", count: 1 }));
vi.mock("../api", () => ({ api: { kpiDashboard, kpiMembers, saveKpiWorkbook, saveKpiPdf } }));
vi.mock("uplot", () => ({ default: class { constructor() { throw new Error("no canvas here"); } } }));

const { Performance, changeText, valueText } = await import("./Performance");

afterEach(cleanup);

describe("성과", () => {
  it("asks for the last three months, shows each headline with its change and its definition on hover", async () => {
    const page = render(<Performance today={new Date(2026, 11, 4)} onOpenSeeker={() => undefined} onOpenCompany={() => undefined} />);
    await waitFor(() => page.getByText("신규 참여자", { selector: ".kpi-label" }));
    // The last three whole months.
    expect(kpiDashboard).toHaveBeenCalledWith("2026-09", "2026-11");
    const card = page.container.querySelector("#kpi-card-seekers_new") as HTMLElement;
    expect(card.textContent).toContain("20명");
    expect(card.textContent).toContain("▲ 5명");
    expect(card.title).toBe("신규 참여자의 정의");
    const rate = page.container.querySelector("#kpi-card-employment_rate_3m") as HTMLElement;
    expect(rate.textContent).toContain("35.5%");
    expect(rate.textContent).toContain("▼ 4.5%p");
  });

  it("opens the list behind a row of the breakdown and the seeker from it", async () => {
    const opened: string[] = [];
    const page = render(<Performance onOpenSeeker={(id) => opened.push(id)} onOpenCompany={() => undefined} />);
    await waitFor(() => page.getByText("김상담", { selector: "button" }));
    fireEvent.click(page.getByText("김상담", { selector: "button" }));
    await waitFor(() => page.getByText("김도약"));
    expect(kpiMembers).toHaveBeenCalledWith("2026-10", "2026-11", "seekers_new", "counselor", "김상담");
    fireEvent.click(page.getByText("김도약"));
    expect(opened).toEqual(["s1"]);
  });

  it("saves the workbook and says that small cells are hidden", async () => {
    const page = render(<Performance onOpenSeeker={() => undefined} onOpenCompany={() => undefined} />);
    await waitFor(() => page.getByText("엑셀로 저장"));
    fireEvent.click(page.getByText("엑셀로 저장"));
    await waitFor(() => page.getByText(/엑셀로 저장했습니다 \(5 미만인 칸은 숨김\)/));
    // The period on screen (the view's), not today's default fields.
    expect(saveKpiWorkbook).toHaveBeenCalledWith("2026-10", "2026-11");
    fireEvent.click(page.getByText("PDF로 저장"));
    await waitFor(() => page.getByText(/PDF로 저장했습니다.*\.pdf/));
  });
});

describe("figure text", () => {
  it("lists every month of a period, across a new year", async () => {
    const { monthsBetween } = await import("./Performance");
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsBetween("2026-03", "2026-03")).toEqual(["2026-03"]);
  });

  it("reads units the way counselors write them", () => {
    expect(valueText({ unit: "원" }, 2_450_000)).toBe("2,450,000원");
    expect(valueText({ unit: "일" }, 38)).toBe("38.0일");
    expect(valueText({ unit: "%" }, null)).toBe("—");
    const f = figure("x", "x", "명", 5, 5, 5);
    expect(changeText(f)).toEqual({ text: "변동 없음", tone: "same" });
    expect(changeText({ ...f, previous_value: null })).toEqual({ text: "비교 불가", tone: "none" });
  });
});
