import { cleanup, fireEvent, render } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApplicationRow, Recommendation, RecommendationView, StepForm } from "../bindings";

const stepApplication = vi.fn((_form: StepForm) => Promise.resolve(row({})));
vi.mock("../api", () => ({ api: { stepApplication } }));

const { Applications, RecommendationCards, weighedText } = await import("./Matching");

function row(over: Partial<ApplicationRow>): ApplicationRow {
  return {
    id: "a1",
    seeker_id: "s1",
    seeker_name: "김용접",
    vacancy_id: "v1",
    vacancy_title: "CO2 용접원",
    company_name: "도약정밀",
    applied_on: "2026-11-20",
    status: "interview",
    status_label: "면접",
    closed: false,
    next_statuses: [],
    final_statuses: ["hired", "rejected", "withdrawn"],
    note: "",
    steps: [{ on: "2026-11-20", from_label: "", to_label: "알선", note: "", author: "" }],
    placement_id: null,
    needs_placement: false,
    ...over,
  };
}

afterEach(() => {
  cleanup();
  stepApplication.mockClear();
});

describe("Applications", () => {
  it("offers one button per step the row carries, in the order given, without the current one", () => {
    // Deliberately not the pipeline's order and not a rule the page could
    // derive: whatever the desk sends is what the row offers.
    const next = [
      { value: "interview", label: "면접" },
      { value: "withdrawn", label: "취소" },
      { value: "hired", label: "합격" },
    ];
    const view = render(<Applications rows={[row({ next_statuses: next })]} show="vacancy" onChanged={() => undefined} />);
    const buttons = Array.from(view.container.querySelectorAll("button[data-step]")).map((b) => [b.getAttribute("data-step"), b.textContent]);
    expect(buttons).toEqual([
      ["withdrawn", "취소"],
      ["hired", "합격"],
    ]);
  });

  it("shows the status alone when there is no step to take", () => {
    const view = render(
      <Applications
        rows={[row({ status: "hired", status_label: "합격", next_statuses: [{ value: "hired", label: "합격" }] })]}
        show="vacancy"
        onChanged={() => undefined}
      />,
    );
    expect(view.container.querySelector("button[data-step]")).toBeNull();
    expect(view.container.querySelector(".tag")?.textContent).toBe("합격");
  });

  it("saves nothing on a click: the step needs its form, and an outcome says it is final", async () => {
    const view = render(
      <Applications
        rows={[row({ next_statuses: [{ value: "interview", label: "면접" }, { value: "hired", label: "합격" }] })]}
        show="vacancy"
        onChanged={() => undefined}
      />,
    );
    const hired = view.container.querySelector<HTMLButtonElement>("button[data-step=hired]");
    expect(hired).not.toBeNull();
    if (!hired) return;
    fireEvent.click(hired);
    expect(stepApplication).not.toHaveBeenCalled();
    expect(view.container.querySelector(".step-form")?.textContent).toContain("바꿀 수 없습니다");
    const note = view.container.querySelector<HTMLInputElement>("#step-note-a1");
    if (!note) throw new Error("the step form has a note field");
    fireEvent.input(note, { target: { value: "12/1 출근" } });
    const form = view.container.querySelector("form.step-form");
    if (!form) throw new Error("the step form");
    fireEvent.submit(form);
    expect(stepApplication).toHaveBeenCalledWith({ application_id: "a1", to: "hired", on: "", note: "12/1 출근" });
  });

  it("lists the steps taken under the row", () => {
    const view = render(
      <Applications
        rows={[
          row({
            steps: [
              { on: "2026-11-20", from_label: "", to_label: "알선", note: "", author: "" },
              { on: "2026-11-25", from_label: "알선", to_label: "면접", note: "11/30 면접", author: "박상담" },
            ],
          }),
        ]}
        show="vacancy"
        onChanged={() => undefined}
      />,
    );
    const steps = Array.from(view.container.querySelectorAll("ol.steps li")).map((li) => li.textContent);
    expect(steps).toEqual(["2026-11-20 알선(으)로 등록", "2026-11-25 알선 → 면접 · 11/30 면접 · 박상담"]);
  });
});

function rec(id: string, desired: boolean): Recommendation {
  return {
    seeker_id: "s1",
    seeker_name: "김영업",
    vacancy_id: id,
    vacancy_title: `구인 ${id}`,
    company_name: "도약상사",
    score: 50,
    desired,
    reasons: [],
    application: null,
    may_share: true,
  };
}

describe("Recommendations", () => {
  it("say the list's own count, what was left out and what was weighed", () => {
    const view: RecommendationView = { items: [rec("v1", true)], listed: 89, full: 16, unreadable: 0, considered: 73, notice: null };
    // 89 is what the 구인 list shows for 모집중; 73 = 89 − 16 were weighed.
    expect(weighedText(view, "vacancies")).toContain("모집 중인 구인 89건 가운데 남은 자리가 없는 16건을 빼고 73건을 비교해");
    expect(weighedText({ ...view, full: 0 }, "vacancies")).not.toContain("빼고");
  });

  it("put a divider before the first job outside the 희망 직종, and only there", () => {
    const view = render(
      <RecommendationCards items={[rec("v1", true), rec("v2", true), rec("v3", false), rec("v4", false)]} side="vacancies" onOpen={() => undefined} onChanged={() => undefined} />,
    );
    const items = Array.from(view.container.querySelectorAll("ol.recs > li")).map((li) => (li.classList.contains("recs-divider") ? "|" : "card"));
    expect(items).toEqual(["card", "card", "|", "card", "card"]);
  });

  it("put no divider when nothing is in the 희망 직종 (the notice says so instead)", () => {
    const view = render(<RecommendationCards items={[rec("v3", false)]} side="vacancies" onOpen={() => undefined} onChanged={() => undefined} />);
    expect(view.container.querySelector(".recs-divider")).toBeNull();
  });
});
