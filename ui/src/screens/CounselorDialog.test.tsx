import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DeskCounselor, UiError } from "../bindings";
import { CounselorDialog } from "./CounselorDialog";

afterEach(cleanup);

const park = { id: "c1", name: "박상담", role: "상담사" };
const lee = { id: "c2", name: "이상담", role: "관리자" };

describe("이 데스크의 상담사", () => {
  it("picks one of the center's counselors and closes", async () => {
    const next: DeskCounselor = { current: lee, choices: [park, lee] };
    const choose = vi.fn(() => Promise.resolve(next));
    const onChanged = vi.fn();
    const onClose = vi.fn();
    render(
      <CounselorDialog current={{ current: park, choices: [park, lee] }} onChanged={onChanged} onClose={onClose} choose={choose} />,
    );
    // The desk's counselor is marked as the one chosen now.
    expect(document.getElementById("counselor-c1")?.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByText("이상담"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(choose).toHaveBeenCalledWith("c2");
    expect(onChanged).toHaveBeenCalledWith(next);
  });

  it("keeps the dialog open with the desk's reason under the name", async () => {
    const refusal: UiError = {
      code: "input.invalid",
      message: "입력값을 확인해 주세요",
      fields: [{ field: "name", label: "상담사 이름", message: "‘박상담’ 상담사가 이미 있습니다. 목록에서 고르세요." }],
    };
    const add = vi.fn(() => Promise.reject(refusal));
    const onClose = vi.fn();
    render(<CounselorDialog current={{ current: null, choices: [park] }} onChanged={() => undefined} onClose={onClose} add={add} />);
    fireEvent.input(screen.getByLabelText("목록에 없으면 새 상담사 이름"), { target: { value: "박상담" } });
    fireEvent.click(screen.getByText("추가하고 이 데스크에 지정"));
    await waitFor(() => expect(document.getElementById("counselor-name-error")?.textContent).toContain("이미 있습니다"));
    expect(add).toHaveBeenCalledWith("박상담");
    expect(onClose).not.toHaveBeenCalled();
  });
});
