import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";

const autoBackup = vi.fn(() => Promise.resolve({ form: { folder: "", keep: 7 }, last: null, last_failed: false }));
const setAutoBackup = vi.fn((form: { folder: string; keep: number }) =>
  form.keep >= 1
    ? Promise.resolve({ form, last: "2026-12-05 10:00 백업함: /media/usb/도약-자동백업-2026-12-05.doyak", last_failed: false })
    : Promise.reject({ code: "input.invalid", message: "입력을 확인해 주세요.", fields: [{ field: "keep", label: "보관 개수", message: "보관 개수는 1~90개로 입력해 주세요." }] }),
);
const pickFolder = vi.fn(() => Promise.resolve("/media/usb"));
vi.mock("../api", () => ({ api: { autoBackup, setAutoBackup, pickFolder } }));

const { AutoBackupSettings } = await import("./AutoBackupSettings");

afterEach(cleanup);

describe("AutoBackupSettings", () => {
  it("takes the folder picked, saves it with the number kept and shows the first backup, or the field at fault", async () => {
    const view = render(<AutoBackupSettings />);
    const q = <T extends Element>(css: string) => view.container.querySelector<T>(css)!;
    await waitFor(() => expect(q<HTMLInputElement>("#auto-backup-keep").value).toBe("7"));
    fireEvent.click(q("#auto-backup-browse"));
    await waitFor(() => expect(q<HTMLInputElement>("#auto-backup-folder").value).toBe("/media/usb"));
    fireEvent.input(q("#auto-backup-keep"), { target: { value: "0" } });
    fireEvent.submit(q("form"));
    await waitFor(() => expect(q("#auto-backup-keep-error").textContent).toBe("보관 개수는 1~90개로 입력해 주세요."));
    fireEvent.input(q("#auto-backup-keep"), { target: { value: "3" } });
    fireEvent.submit(q("form"));
    await waitFor(() => expect(q("#auto-backup-last").textContent).toContain("도약-자동백업-2026-12-05"));
    expect(setAutoBackup).toHaveBeenLastCalledWith({ folder: "/media/usb", keep: 3 });
  });
});
