import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PassphraseChangeForm, UiError } from "../bindings";
import { PassphraseDialog } from "./PassphraseDialog";

afterEach(cleanup);

function fill(current: string, next: string, confirm: string) {
  fireEvent.input(screen.getByLabelText("현재 암호"), { target: { value: current } });
  fireEvent.input(screen.getByLabelText("새 암호"), { target: { value: next } });
  fireEvent.input(screen.getByLabelText("새 암호 확인"), { target: { value: confirm } });
  fireEvent.click(screen.getByText("암호 바꾸기"));
}

describe("암호 변경", () => {
  it("shows the desk's Korean field errors under their fields", async () => {
    const refusal: UiError = {
      code: "input.invalid",
      message: "입력값을 확인해 주세요",
      fields: [
        { field: "current", label: "현재 암호", message: "현재 암호가 맞지 않습니다." },
        { field: "new", label: "새 암호", message: "암호는 8자 이상이어야 합니다." },
      ],
    };
    const change = vi.fn(() => Promise.reject(refusal));
    render(<PassphraseDialog onClose={() => undefined} change={change} />);
    fill("틀림", "짧음", "짧음");
    await waitFor(() => expect(document.getElementById("p-current-error")?.textContent).toContain("맞지 않습니다"));
    expect(document.getElementById("p-new-error")?.textContent).toContain("8자 이상");
    expect(screen.getByLabelText("현재 암호").getAttribute("aria-invalid")).toBe("true");
    expect(change).toHaveBeenCalledWith({ current: "틀림", new: "짧음", confirm: "짧음" } satisfies PassphraseChangeForm);
  });

  it("says so when the passphrase changed, and clears the fields", async () => {
    const change = vi.fn(() => Promise.resolve(null));
    const onClose = vi.fn();
    render(<PassphraseDialog onClose={onClose} change={change} />);
    fill("현재 암호 문장", "새 암호 문장 2027", "새 암호 문장 2027");
    await waitFor(() => expect(document.getElementById("passphrase-done")?.textContent).toContain("암호를 바꿨습니다"));
    expect(document.querySelectorAll("input[type=password]").length).toBe(0);
    fireEvent.click(screen.getByText("닫기"));
    expect(onClose).toHaveBeenCalled();
  });
});
