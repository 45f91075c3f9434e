import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConflictChoice, ConflictView, SameIdChoice } from "../bindings";

const resolveConflict = vi.fn((_id: string, _choice: ConflictChoice): Promise<null> => Promise.resolve(null));
const settleSameId = vi.fn((_record: string, _group: string, _choice: SameIdChoice): Promise<string | null> =>
  Promise.resolve("new-id"),
);
vi.mock("../api", () => ({ api: { resolveConflict, settleSameId } }));

const { ConflictCard } = await import("./SyncScreen");

function conflict(over: Partial<ConflictView>): ConflictView {
  const side = { value: "2300000", json: "2300000", author: "다른 기기", written_at: "2026-11-20T01:00:00Z" };
  return {
    conflict_id: "c1",
    kind_label: "구직자",
    record_name: "김합침",
    record_id: "s1",
    route: "seeker",
    field: "desired_wage_monthly",
    field_label: "희망임금(월)",
    overwritten: side,
    applied: { ...side, value: "2800000", json: "2800000", author: "이 노트북" },
    merge_text: "2800000",
    merge_hint: "숫자로 적습니다 (예: 2,500,000).",
    mergeable: true,
    same_id: false,
    same_id_group: "",
    ...over,
  };
}

afterEach(() => {
  cleanup();
  resolveConflict.mockClear();
  settleSameId.mockClear();
});

describe("ConflictCard", () => {
  it("starts the merge box from the desk's text and shows its hint", () => {
    const view = render(<ConflictCard conflict={conflict({ merge_text: "desk says" })} onOpen={() => undefined} onResolved={() => undefined} />);
    const input = view.container.querySelector<HTMLInputElement>("#merge-c1");
    expect(input?.value).toBe("desk says");
    expect(view.getByText("숫자로 적습니다 (예: 2,500,000).")).toBeTruthy();
  });

  it("sends the merged text as typed: the desk reads it in the field's shape", async () => {
    const view = render(<ConflictCard conflict={conflict({})} onOpen={() => undefined} onResolved={() => undefined} />);
    const input = view.container.querySelector<HTMLInputElement>("#merge-c1");
    if (!input) throw new Error("no merge box");
    fireEvent.input(input, { target: { value: "2,500,000원쯤" } });
    fireEvent.click(view.getByText("합친 값 저장"));
    await waitFor(() => expect(resolveConflict).toHaveBeenCalled());
    expect(resolveConflict).toHaveBeenCalledWith("c1", { keep: "merged", text: "2,500,000원쯤" });
  });

  it("shows the desk's finding when it refuses the text", async () => {
    resolveConflict.mockImplementationOnce(() =>
      Promise.reject({
        code: "input.invalid",
        message: "입력값을 확인해 주세요",
        fields: [{ field: "desired_wage_monthly", label: "희망임금(월)", message: "숫자로 입력해 주세요." }],
      }),
    );
    const view = render(<ConflictCard conflict={conflict({})} onOpen={() => undefined} onResolved={() => undefined} />);
    fireEvent.click(view.getByText("합친 값 저장"));
    await waitFor(() => expect(view.getByText("희망임금(월): 숫자로 입력해 주세요.")).toBeTruthy());
  });

  it("offers no merge box for a field the desk says cannot be typed", () => {
    const view = render(
      <ConflictCard
        conflict={conflict({ mergeable: false, merge_hint: "직접 입력할 수 없는 항목입니다. 두 값 중 하나를 골라 주세요." })}
        onOpen={() => undefined}
        onResolved={() => undefined}
      />,
    );
    expect(view.container.querySelector("#merge-c1")).toBeNull();
    expect(view.getByText("직접 입력할 수 없는 항목입니다. 두 값 중 하나를 골라 주세요.")).toBeTruthy();
  });

  it("offers an ordinary conflict no same-id choices", () => {
    const view = render(<ConflictCard conflict={conflict({})} onOpen={() => undefined} onResolved={() => undefined} />);
    expect(view.queryByText("다른 사람: 두 번째 기록을 새로 저장")).toBeNull();
    expect(view.getByText(/바뀌기 전 값/)).toBeTruthy();
  });

  it("settles two records under one id at once, splitting the second off", async () => {
    const onResolved = vi.fn();
    const view = render(
      <ConflictCard
        conflict={conflict({ same_id: true, same_id_group: "m9", record_id: "s1" })}
        onOpen={() => undefined}
        onResolved={onResolved}
      />,
    );
    expect(view.getAllByText(/두 번째 기록의 값/).length).toBeGreaterThan(0);
    fireEvent.click(view.getByText("다른 사람: 두 번째 기록을 새로 저장"));
    await waitFor(() => expect(onResolved).toHaveBeenCalled());
    expect(settleSameId).toHaveBeenCalledWith("s1", "m9", "split_second");
    expect(resolveConflict).not.toHaveBeenCalled();
  });
});
