import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DiagnosisView, OccupationFitRow } from "../bindings";
import { Diagnosis } from "./Diagnosis";

afterEach(cleanup);

function fit(code: string, name: string, points: number, status: string, label: string): OccupationFitRow {
  return {
    code,
    name,
    fit: points,
    reasons: [{ text: "능력단위 1개 중 충족 1개", points }],
    met: status === "met" ? 1 : 0,
    partly: 0,
    missing: status === "missing" ? 1 : 0,
    units: [
      {
        code: `${code}-u`,
        ncs_code: "확인 필요",
        name: `${name} 단위`,
        level: "확인 필요",
        required: "필수",
        status,
        status_label: label,
        evidence: ["필요: 무엇"],
      },
    ],
    demand: "",
    similar: "",
  };
}

const view: DiagnosisView = {
  occupations: [fit("8241", "용접원", 88.4, "met", "충족"), fit("8223", "제관원", 40, "missing", "미충족")],
  recommendations: [],
  notes: ["희망 직종만으로 순위를 정했습니다."],
  profiles: 74,
  vacancies: 3,
  readiness: null,
};

describe("진단", () => {
  it("shows the first occupation's gap and switches on a click", async () => {
    const load = vi.fn(() => Promise.resolve(view));
    render(<Diagnosis seekerId="s1" load={load} />);
    await waitFor(() => expect(document.getElementById("diagnosis-gap-title")?.textContent).toContain("용접원"));
    expect(load).toHaveBeenCalledWith("s1");
    // Points are rounded for the list, the desk's labels shown as given.
    expect(Array.from(document.querySelectorAll(".fit-score")).map((e) => e.textContent)).toEqual(["88점", "40점"]);
    expect(document.querySelector("#diagnosis-units .tag")?.textContent).toBe("충족");
    expect(screen.getByText("희망 직종만으로 순위를 정했습니다.")).toBeTruthy();
    expect(document.getElementById("diagnosis-similar")?.textContent).toContain("10명이 되지 않아");
    fireEvent.click(screen.getByText("제관원"));
    await waitFor(() => expect(document.getElementById("diagnosis-gap-title")?.textContent).toContain("제관원"));
    expect(document.querySelector("#diagnosis-units .tag")?.textContent).toBe("미충족");
    // With no recommendations the page says why: 제관원 still misses a
    // unit that no certificate or course shows.
    expect(document.querySelector(".diagnosis .empty")?.textContent).toContain("경력이나 기술로만");
  });
});
