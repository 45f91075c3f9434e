import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CompanyDiagnosis as Diagnosis, CompanyDiagnosisForm, CompanyDiagnosisView, DiagnosisComparison } from "../bindings";
import { CompanyDiagnosis, type DiagnosisDesk } from "./CompanyDiagnosis";

afterEach(cleanup);

const diagnosis: Diagnosis = {
  format: "doyak.company_diagnosis",
  version: 1,
  company_id: "c1",
  company_name: "한빛정밀",
  diagnosed_on: "2026-12-01",
  engine: "hiring-1",
  visit_form: "company-visit 1판",
  visit_answered: 2,
  vacancies: [
    {
      vacancy_id: "v1",
      title: "용접원 모집",
      occupation: "용접원",
      causes: [
        { code: "wage", label: "임금 등 근로조건", score: 70, facts: ["제시 임금이 지역 중위값보다 12% 낮음 (n=31)"], too_strict: false },
        { code: "quals", label: "자격 요건", score: null, facts: [], too_strict: true },
      ],
    },
  ],
  summary: [
    { code: "wage", label: "임금 등 근로조건", score: 70, facts: [], too_strict: false },
    { code: "quals", label: "자격 요건", score: null, facts: [], too_strict: true },
  ],
  skipped: ["사무원 모집: 모집 인원이 모두 채워짐"],
};

const view: CompanyDiagnosisView = {
  form: "company-visit",
  form_version: 1,
  items: [
    { id: "hires_12m", number: 1, section: "인력 현황", kind: "count", text: "최근 1년 동안 채용한 인원은 몇 명입니까?", options: [] },
    {
      id: "leave_reasons",
      number: 2,
      section: "인력 현황",
      kind: "choice",
      text: "퇴사자가 주로 밝힌 이유를 모두 고르세요.",
      options: [
        { value: "wage", label: "임금" },
        { value: "hours", label: "근로시간·교대" },
        { value: "commute", label: "통근 거리·교통" },
      ],
    },
    { id: "dormitory", number: 3, section: "복리후생·시설", kind: "yesno", text: "기숙사나 주거 지원을 제공합니까?", options: [] },
  ],
  answers: { hires_12m: "4", leave_reasons: "commute" },
  current: diagnosis,
  no_vacancy: "",
  factor_choices: [
    { value: "low_wage", label: "낮은 임금" },
    { value: "hours", label: "근로시간" },
  ],
  suggested_factors: ["low_wage"],
  history: [
    { id: "d2", occurred_on: "2026-11-20", engine: "hiring-1", factors: ["낮은 임금"], top: ["임금 등 근로조건 70"], visit: true, note: "" },
    { id: "d1", occurred_on: "2026-06-02", engine: "hiring-0", factors: [], top: [], visit: false, note: "첫 방문" },
  ],
};

const comparison: DiagnosisComparison = {
  before_on: "2026-06-02",
  after_on: "2026-11-20",
  engine_changed: true,
  rows: [
    { vacancy: "용접원 모집", cause: "임금 등 근로조건", before: 80, after: 70, change: -10 },
    { vacancy: "용접원 모집", cause: "통근·주거", before: 20, after: 35, change: 15 },
    { vacancy: "기업 전체", cause: "자격 요건", before: null, after: 40, change: null },
  ],
  answers: [{ question: "기숙사나 주거 지원을 제공합니까?", before: "답 없음", after: "예" }],
};

function desk(overrides: Partial<DiagnosisDesk> = {}): DiagnosisDesk {
  return {
    companyDiagnosisView: vi.fn(() => Promise.resolve(view)),
    previewCompanyDiagnosis: vi.fn(() => Promise.resolve(diagnosis)),
    saveCompanyDiagnosis: vi.fn(() => Promise.resolve("e1")),
    compareCompanyDiagnoses: vi.fn(() => Promise.resolve(comparison)),
    ...overrides,
  };
}

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

describe("기업 진단", () => {
  it("fills the visit form from the last answers and shows the result", async () => {
    render(<CompanyDiagnosis companyId="c1" desk={desk()} />);
    await waitFor(() => expect(document.getElementById("visit-hires_12m")).toBeTruthy());
    expect(input("visit-hires_12m").value).toBe("4");
    expect(input("visit-leave_reasons-commute").checked).toBe(true);
    expect(input("visit-leave_reasons-wage").checked).toBe(false);
    expect(input("visit-dormitory-1").checked).toBe(false);
    expect(document.getElementById("visit-form-version")?.textContent).toBe("company-visit 1판");
    const summary = document.getElementById("diagnosis-summary")!;
    expect(summary.textContent).toContain("70점");
    expect(summary.textContent).toContain("확인 필요");
    expect(summary.textContent).toContain("요건 과도");
    expect(document.getElementById("diagnosis-vacancy-v1")?.textContent).toContain("(n=31)");
    expect(document.getElementById("diagnosis-skipped")?.textContent).toContain("모두 채워짐");
    expect(input("factor-low_wage").checked).toBe(true);
    expect(input("factor-hours").checked).toBe(false);
  });

  it("sends choices comma-joined and yes/no as 1/0, and shows errors beside the item", async () => {
    const preview = vi.fn((_: CompanyDiagnosisForm): Promise<Diagnosis> =>
      Promise.reject({ code: "input.invalid", message: "입력을 확인해 주세요.", fields: [{ field: "answers.hires_12m", label: "문진 1번", message: "0 이상의 숫자를 적어 주세요." }] }),
    );
    render(<CompanyDiagnosis companyId="c1" desk={desk({ previewCompanyDiagnosis: preview })} />);
    await waitFor(() => expect(document.getElementById("visit-hires_12m")).toBeTruthy());
    fireEvent.click(input("visit-leave_reasons-wage"));
    fireEvent.click(input("visit-dormitory-0"));
    fireEvent.input(input("visit-hires_12m"), { target: { value: "" } });
    fireEvent.click(document.getElementById("diagnosis-preview")!);
    await waitFor(() => expect(preview).toHaveBeenCalled());
    const form = preview.mock.calls.at(-1)![0];
    expect(form.answers).toEqual({ leave_reasons: "wage,commute", dormitory: "0" });
    expect(form.company_id).toBe("c1");
    await waitFor(() => expect(document.getElementById("visit-hires_12m-error")?.textContent).toContain("0 이상의 숫자"));
    expect(document.getElementById("diagnosis-preview-error")).toBeTruthy();
  });

  it("sends 해당 없음 for a choice alone, clearing the options picked", async () => {
    const preview = vi.fn((_: CompanyDiagnosisForm): Promise<Diagnosis> => Promise.reject({ code: "input.invalid", message: "입력을 확인해 주세요.", fields: [] }));
    render(<CompanyDiagnosis companyId="c1" desk={desk({ previewCompanyDiagnosis: preview })} />);
    await waitFor(() => expect(document.getElementById("visit-leave_reasons-none")).toBeTruthy());
    // The last answers had wage,commute; 해당 없음 replaces them.
    fireEvent.click(input("visit-leave_reasons-none"));
    expect(input("visit-leave_reasons-wage").checked).toBe(false);
    fireEvent.click(document.getElementById("diagnosis-preview")!);
    await waitFor(() => expect(preview).toHaveBeenCalled());
    expect(preview.mock.calls.at(-1)![0].answers.leave_reasons).toBe("none");
  });

  it("saves the factors and note, then says so", async () => {
    const d = desk();
    render(<CompanyDiagnosis companyId="c1" desk={d} />);
    await waitFor(() => expect(document.getElementById("diagnosis-save")).toBeTruthy());
    fireEvent.click(input("factor-hours"));
    fireEvent.input(document.getElementById("diagnosis-note")!, { target: { value: "임금 조정 권고" } });
    fireEvent.click(document.getElementById("diagnosis-save")!);
    await waitFor(() => expect(document.getElementById("diagnosis-saved")).toBeTruthy());
    expect(d.saveCompanyDiagnosis).toHaveBeenCalledWith({
      company_id: "c1",
      answers: { hires_12m: "4", leave_reasons: "commute" },
      factors: ["low_wage", "hours"],
      note: "임금 조정 권고",
    });
    expect(d.companyDiagnosisView).toHaveBeenCalledTimes(2);
  });

  it("compares two saved diagnoses with signed, coloured changes", async () => {
    const d = desk();
    render(<CompanyDiagnosis companyId="c1" desk={d} />);
    await waitFor(() => expect(document.getElementById("diagnosis-history")).toBeTruthy());
    const button = document.getElementById("diagnosis-compare") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(input("compare-d2"));
    fireEvent.click(input("compare-d1"));
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(document.getElementById("diagnosis-comparison")).toBeTruthy());
    expect(d.compareCompanyDiagnoses).toHaveBeenCalledWith("c1", "d2", "d1");
    const changes = Array.from(document.querySelectorAll("#diagnosis-comparison .change")).map((e) => [e.textContent, e.className]);
    expect(changes).toEqual([
      ["\u221210", "change change-down"],
      ["+15", "change change-up"],
      ["—", "change change-none"],
    ]);
    expect(document.getElementById("diagnosis-engine-changed")).toBeTruthy();
    expect(document.getElementById("diagnosis-answer-changes")?.textContent).toContain("답 없음 → 예");
  });

  it("says why when the firm has no open vacancy, and still lists the history", async () => {
    const none = { ...view, current: null, no_vacancy: "진단할 열린 구인이 없습니다." };
    render(<CompanyDiagnosis companyId="c1" desk={desk({ companyDiagnosisView: vi.fn(() => Promise.resolve(none)) })} />);
    await waitFor(() => expect(document.getElementById("diagnosis-no-vacancy")?.textContent).toBe("진단할 열린 구인이 없습니다."));
    expect(document.getElementById("diagnosis-summary")).toBeNull();
    expect(document.querySelectorAll("#diagnosis-history tbody tr").length).toBe(2);
  });
});
