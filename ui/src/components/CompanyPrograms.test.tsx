import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CompanyProgramsView, ProgramRow } from "../bindings";
import { CompanyPrograms, factInputIds, type ProgramsDesk } from "./CompanyPrograms";

afterEach(cleanup);

function program(id: string, verdict: string, label: string, missing: [string, string][] = []): ProgramRow {
  return {
    id,
    name: `${id} 사업`,
    verdict,
    verdict_label: label,
    reasons: [`${label} 이유`],
    missing: missing.map(([, l]) => l),
    missing_ids: missing.map(([m]) => m),
    amount: "기업: 1년 최대 720만원",
    applies: "사업주",
    period: "2026-01-26 ~ 2026-12-31",
    source: "고용노동부 2026-01-26 https://www.moel.go.kr/",
    source_date: "2026-01-26",
    confidence: "P",
    note: "",
  };
}

const view: CompanyProgramsView = {
  format: "doyak.company_programs",
  version: 1,
  company_id: "c1",
  company_name: "한빛정밀",
  on: "2026-12-04",
  data_version: "2026-12-04",
  seeker_name: "",
  programs: [
    program("youth_leap", "unknown", "확인 필요", [
      ["employees", "상시근로자 수"],
      ["priority_support", "우선지원대상기업 여부"],
    ]),
    program("older_keep", "unknown", "확인 필요", [["employees", "상시근로자 수"]]),
    program("shipbuilding", "not_eligible", "해당 없음"),
    program("dorm", "eligible", "해당"),
  ],
  facts: [
    { id: "employees", label: "상시근로자 수", kind: "count", unit: "명", question: "상시근로자는 몇 명입니까?", value: "", source: "" },
    { id: "priority_support", label: "우선지원대상기업 여부", kind: "yesno", unit: "", question: "우선지원대상기업에 해당합니까?", value: "", source: "" },
    { id: "sigungu", label: "사업장 소재 시군구", kind: "sigungu", unit: "", question: "사업장은 어느 시군구에 있습니까?", value: "48310", source: "기업 정보" },
  ],
  counts: [1, 2, 1],
};

function desk(overrides: Partial<ProgramsDesk> = {}): ProgramsDesk {
  return {
    companyPrograms: vi.fn(() => Promise.resolve(view)),
    saveCompanyFacts: vi.fn(() => Promise.resolve(null)),
    ...overrides,
  };
}

const el = <T extends HTMLElement = HTMLInputElement>(id: string) => document.getElementById(id) as T;

describe("지원사업", () => {
  it("gives each fact input a unique id, fact-<id> at its first place", () => {
    const ids = factInputIds(view.programs);
    expect(ids.inCard("youth_leap", "employees")).toBe("fact-employees");
    expect(ids.inCard("older_keep", "employees")).toBe("fact-employees-older_keep");
    expect(ids.inTable("employees")).toBe("fact-employees-all");
    expect(ids.inTable("sigungu")).toBe("fact-sigungu");
  });

  it("shows the verdicts and saves only the facts edited, then looks again", async () => {
    const d = desk();
    render(<CompanyPrograms companyId="c1" desk={d} />);
    await waitFor(() => expect(el("programs-list")).toBeTruthy());
    expect(d.companyPrograms).toHaveBeenCalledWith("c1", "", "");
    expect(el("programs-on").value).toBe("2026-12-04");
    expect(el("programs-counts").textContent).toContain("해당 1");
    expect(el("programs-counts").textContent).toContain("확인 필요 2");
    expect(el("program-dorm").querySelector(".verdict")?.className).toContain("verdict-eligible");
    expect(el("program-youth_leap").textContent).toContain("https://www.moel.go.kr/");
    // Every id in the page is unique.
    const all = Array.from(document.querySelectorAll("[id]")).map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
    fireEvent.input(el("fact-employees"), { target: { value: "12" } });
    // The same fact elsewhere shows the same value.
    expect(el("fact-employees-older_keep").value).toBe("12");
    fireEvent.change(el<HTMLSelectElement>("fact-priority_support"), { target: { value: "1" } });
    fireEvent.click(el("facts-save"));
    await waitFor(() => expect(el("facts-saved")).toBeTruthy());
    expect(d.saveCompanyFacts).toHaveBeenCalledWith({ company_id: "c1", facts: { employees: "12", priority_support: "1" } });
    expect(d.companyPrograms).toHaveBeenLastCalledWith("c1", "2026-12-04", "");
  });

  it("shows the desk's refusal in an alert", async () => {
    const lookup = vi
      .fn()
      .mockResolvedValueOnce(view)
      .mockRejectedValueOnce({ code: "input.invalid", message: "2030-01-01은 지원사업 자료 범위 밖입니다.", fields: [] });
    render(<CompanyPrograms companyId="c1" desk={desk({ companyPrograms: lookup })} />);
    await waitFor(() => expect(el("programs-list")).toBeTruthy());
    fireEvent.input(el("programs-on"), { target: { value: "2030-01-01" } });
    fireEvent.input(el("programs-seeker"), { target: { value: " s9 " } });
    fireEvent.click(el("programs-lookup"));
    await waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toContain("자료 범위"));
    expect(lookup).toHaveBeenLastCalledWith("c1", "2030-01-01", "s9");
  });
});
