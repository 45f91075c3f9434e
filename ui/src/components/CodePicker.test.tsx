import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Choice } from "../bindings";

// What the desk answers: only "지게차" is known, as the desk's alias table
// files it under 운전·운송직.
const searchCodes = vi.fn((_list: string, query: string): Promise<Choice[]> =>
  Promise.resolve(query === "지게차" ? [{ value: "62", label: "운전·운송직 · 지게차" }] : []),
);
const codeLabels = vi.fn(() => Promise.resolve([]));
vi.mock("../api", () => ({ api: { searchCodes, codeLabels } }));

const { CodePicker } = await import("./CodePicker");

afterEach(cleanup);

function picker() {
  return render(<CodePicker id="occ" label="희망직종" list="keco" value={[]} onChange={() => undefined} />);
}

describe("CodePicker", () => {
  it("says 결과 없음 once the search for what was typed comes back empty", async () => {
    const view = picker();
    const input = view.container.querySelector("#occ") as HTMLInputElement;
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: "우주비행" } });
    await waitFor(() => expect(view.getByRole("status").textContent).toContain("결과 없음 — ‘우주비행’"));
    expect(view.queryByRole("listbox")).toBeNull();
  });

  it("shows the hits and no 결과 없음 when something matches", async () => {
    const view = picker();
    const input = view.container.querySelector("#occ") as HTMLInputElement;
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: "지게차" } });
    await waitFor(() => expect(view.getByRole("listbox").textContent).toContain("운전·운송직 · 지게차"));
    expect(view.queryByRole("status")).toBeNull();
  });
});
