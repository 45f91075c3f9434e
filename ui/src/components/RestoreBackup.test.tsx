import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";

const NEWER = "지금 사례관리 파일에 백업에 없는 작업이 있습니다 (마지막 변경 2026-12-05 / 백업 2026-12-01). 복원하면 그 작업을 잃습니다.";
// The desk's answers: refused while the box is not ticked (the backup
// lacks newer work), done once it is.
const WRONG = "암호가 맞지 않거나 암호화된 사례관리 파일이 아닙니다. 파일은 변경되지 않았습니다.";
const restoreBackup = vi.fn((form: { path: string; passphrase: string; replace_newer: boolean }) =>
  form.passphrase === "틀린 암호"
    ? Promise.reject({ code: "store.wrong_passphrase", message: WRONG, fields: [] })
    : form.replace_newer
    ? Promise.resolve({ records: 4321, last_change: "2026-12-01 18:00", kept: "/home/c/도약.doyak.before-restore-20261205T100000", enrolled: true })
    : Promise.reject({ code: "input.invalid", message: "입력을 확인해 주세요.", fields: [{ field: "backup", label: "백업", message: NEWER }] }),
);
const pickBackupFile = vi.fn(() => Promise.resolve("/media/usb/도약-백업-2026-12-01.doyak"));
vi.mock("../api", () => ({ api: { restoreBackup, pickBackupFile } }));

const { RestoreBackup } = await import("./RestoreBackup");

afterEach(cleanup);

describe("RestoreBackup", () => {
  it("shows a refusal under the file, restores once the loss is accepted, and says where the old file is", async () => {
    const restored = vi.fn();
    const view = render(<RestoreBackup onRestored={restored} />);
    const q = <T extends Element>(css: string) => view.container.querySelector<T>(css)!;
    expect(q<HTMLButtonElement>("#restore-run").disabled).toBe(true);
    fireEvent.click(q("#restore-browse"));
    await waitFor(() => expect(q<HTMLInputElement>("#restore-path").value).toBe("/media/usb/도약-백업-2026-12-01.doyak"));
    fireEvent.input(q("#restore-passphrase"), { target: { value: "counselor passphrase" } });
    fireEvent.submit(q("form"));
    await waitFor(() => expect(q("#restore-path-error").textContent).toBe(NEWER));
    expect(q("#restore-path").getAttribute("aria-invalid")).toBe("true");
    expect(restored).not.toHaveBeenCalled();
    // The passphrase is not kept on the page after a try.
    expect(q<HTMLInputElement>("#restore-passphrase").value).toBe("");

    fireEvent.input(q("#restore-passphrase"), { target: { value: "counselor passphrase" } });
    fireEvent.click(q("#restore-replace-newer"));
    fireEvent.submit(q("form"));
    await waitFor(() => expect(q("#restore-outcome").textContent).toContain("기록 4,321건"));
    expect(q("#restore-outcome").textContent).toContain("before-restore-20261205T100000");
    expect(q("#restore-outcome").textContent).toContain("새 등록 코드");
    expect(view.container.querySelector("#restore-path-error")).toBeNull();
    expect(restoreBackup).toHaveBeenLastCalledWith({
      path: "/media/usb/도약-백업-2026-12-01.doyak",
      passphrase: "counselor passphrase",
      replace_newer: true,
    });
    expect(restored).toHaveBeenCalledTimes(1);
  });

  it("puts a wrong passphrase under the passphrase field, not under the file", async () => {
    const view = render(<RestoreBackup onRestored={() => undefined} />);
    const q = <T extends Element>(css: string) => view.container.querySelector<T>(css)!;
    fireEvent.input(q("#restore-path"), { target: { value: "/media/usb/도약-백업-2026-12-01.doyak" } });
    fireEvent.input(q("#restore-passphrase"), { target: { value: "틀린 암호" } });
    fireEvent.submit(q("form"));
    await waitFor(() => expect(q("#restore-passphrase-error").textContent).toBe(`${WRONG} (오류 코드 store.wrong_passphrase)`));
    expect(q("#restore-passphrase").getAttribute("aria-describedby")).toBe("restore-passphrase-error");
    expect(view.container.querySelector("#restore-path-error")).toBeNull();
    expect(view.container.querySelector("#restore-outcome")).toBeNull();
  });
});
