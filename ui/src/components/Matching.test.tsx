import { cleanup, fireEvent, render } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApplicationRow } from "../bindings";

const setApplicationStatus = vi.fn((_id: string, _status: string, _note: string) => Promise.resolve(null));
vi.mock("../api", () => ({ api: { setApplicationStatus } }));

const { Applications } = await import("./Matching");

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
    note: "",
    ...over,
  };
}

afterEach(() => {
  cleanup();
  setApplicationStatus.mockClear();
});

describe("Applications", () => {
  it("offers exactly the statuses the row carries, in the order given", () => {
    // Deliberately not the pipeline's order and not a rule the page could
    // derive: whatever the desk sends is what the select lists.
    const next = [
      { value: "interview", label: "면접" },
      { value: "withdrawn", label: "취소" },
      { value: "hired", label: "합격" },
    ];
    const view = render(<Applications rows={[row({ next_statuses: next })]} show="vacancy" onChanged={() => undefined} />);
    const options = Array.from(view.container.querySelectorAll("option")).map((o) => [o.value, o.textContent]);
    expect(options).toEqual(next.map((c) => [c.value, c.label]));
  });

  it("shows the status as a tag when there is nothing to choose", () => {
    const view = render(
      <Applications
        rows={[row({ status: "proposed", status_label: "알선", next_statuses: [{ value: "proposed", label: "알선" }] })]}
        show="vacancy"
        onChanged={() => undefined}
      />,
    );
    expect(view.container.querySelector("select")).toBeNull();
    expect(view.container.querySelector(".tag")?.textContent).toBe("알선");
  });

  it("sends the picked status to the desk as it is", () => {
    const view = render(
      <Applications
        rows={[row({ next_statuses: [{ value: "interview", label: "면접" }, { value: "hired", label: "합격" }] })]}
        show="vacancy"
        onChanged={() => undefined}
      />,
    );
    const select = view.container.querySelector("select");
    expect(select).not.toBeNull();
    if (!select) return;
    select.value = "hired";
    fireEvent.change(select);
    expect(setApplicationStatus).toHaveBeenCalledWith("a1", "hired", "");
  });
});
