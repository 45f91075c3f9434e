import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DataChoices } from "../bindings";

// Not the desk's real lists: the screen must show whatever it is given.
const choices: DataChoices = {
  kinds: [
    { value: "vacancies", label: "구인 (테스트)" },
    { value: "seekers", label: "참여자 (테스트)" },
  ],
  export_formats: [{ value: "csv", label: "씨에스브이" }],
  export_purposes: [
    { value: "handover", label: "인수인계 (테스트)" },
    { value: "other", label: "기타 (테스트)" },
  ],
  min_package_password_chars: 12,
  import_extensions: ["csv"],
  max_import_mb: 7,
};
const pickImportFile = vi.fn((_extensions: string[]) => Promise.resolve<string | null>("/home/상담/구인 명단.csv"));
const importFile = vi.fn((_request: unknown, _path: string, _onProgress: unknown) =>
  Promise.resolve({
    saved: true,
    report: { kind: "vacancies", source: "UTF-8", rows: 1, imported: 1, updated: 0, unchanged: 0, errors: [], ignored_columns: [] },
  }),
);
const accessLog = vi.fn((_record: string, _limit: number) =>
  Promise.resolve([{ seq: 2, at: "2026-12-05T09:10:00.000Z", who: "김상담", action: "출력", entity: "seeker", entity_id: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0001", detail: "seeker_report" }]),
);
const verifyAccessLog = vi.fn(() => Promise.resolve({ entries: 2, broken_at: 1, reason: "기록 내용이 바뀌었습니다", head: "ab" }));
const exportFile = vi.fn((request: { identifiers: string }) =>
  Promise.resolve({ path: "/home/상담/다운로드/도약-구직자.csv", count: 3, masked: request.identifiers === "masked", encrypted: request.identifiers === "full" }),
);
const autoBackup = () => Promise.resolve({ form: { folder: "", keep: 7 }, last: null, last_failed: false });
const autoLockSetting = () => Promise.resolve({ minutes: 10, default_minutes: 10, min_minutes: 1, max_minutes: 60, set_by: null, disputed: [] });
const centerSettings = () => Promise.resolve({ auto_lock: null, retention: [] });
vi.mock("../api", () => ({ api: { dataChoices: () => Promise.resolve(choices), pickImportFile, importFile, accessLog, verifyAccessLog, autoLockSetting, centerSettings, exportFile, autoBackup } }));

const { DataScreen } = await import("./DataScreen");

afterEach(cleanup);

describe("DataScreen", () => {
  it("lists the kinds and export formats the desk sends, and no others", async () => {
    const view = render(<DataScreen onChanged={() => undefined} />);
    await waitFor(() => expect(view.container.querySelectorAll("#import-kind option").length).toBe(2));
    const options = Array.from(view.container.querySelectorAll("#import-kind option")).map((o) => o.textContent);
    expect(options).toEqual(["구인 (테스트)", "참여자 (테스트)"]);
    const texts = (css: string) => Array.from(view.container.querySelectorAll(css)).map((o) => o.textContent);
    expect(texts("#export-kind option")).toEqual(["구인 (테스트)", "참여자 (테스트)"]);
    expect(texts("#export-format option")).toEqual(["씨에스브이"]);
    expect(texts("#export-purpose option")).toEqual(["목적을 고르세요", "인수인계 (테스트)", "기타 (테스트)"]);
  });

  it("exports masked by default and in full only with the same password typed twice", async () => {
    const view = render(<DataScreen onChanged={() => undefined} />);
    const q = <T extends Element>(css: string) => view.container.querySelector<T>(css)!;
    await waitFor(() => expect(view.container.querySelectorAll("#export-kind option").length).toBe(2));
    // Vacancies hold no one's identifiers: no masking choice.
    expect(view.container.querySelector("#export-masked")).toBeNull();
    fireEvent.change(q("#export-kind"), { target: { value: "seekers" } });
    expect(q<HTMLInputElement>("#export-masked").checked).toBe(true);
    // No purpose picked: asked, nothing exported.
    fireEvent.submit(q("#export-form"));
    await waitFor(() => expect(q("#export-purpose-error").textContent).toBe("내보내는 목적을 골라 주세요."));
    expect(exportFile).not.toHaveBeenCalled();
    fireEvent.change(q("#export-purpose"), { target: { value: "handover" } });
    fireEvent.submit(q("#export-form"));
    await waitFor(() => expect(exportFile).toHaveBeenCalledTimes(1));
    expect(exportFile.mock.calls[0]?.[0]).toEqual({
      kind: "seekers",
      format: "csv",
      purpose: "handover",
      purpose_note: "",
      identifiers: "masked",
      password: "",
    });
    await waitFor(() => expect(q("#export-outcome").textContent).toContain("개인정보 가림"));

    fireEvent.click(q("#export-full"));
    fireEvent.input(q("#export-password"), { target: { value: "긴 압축 파일 암호 하나" } });
    fireEvent.input(q("#export-password2"), { target: { value: "다른 암호" } });
    fireEvent.submit(q("#export-form"));
    await waitFor(() => expect(q("#export-password-error").textContent).toBe("두 번 입력한 암호가 다릅니다."));
    expect(exportFile).toHaveBeenCalledTimes(1);
    fireEvent.input(q("#export-password2"), { target: { value: "긴 압축 파일 암호 하나" } });
    fireEvent.submit(q("#export-form"));
    await waitFor(() => expect(exportFile).toHaveBeenCalledTimes(2));
    expect(exportFile.mock.calls[1]?.[0]).toMatchObject({ identifiers: "full", password: "긴 압축 파일 암호 하나" });
  });

  it("imports by the path picked in the dialog, filtered to the desk's extensions", async () => {
    const view = render(<DataScreen onChanged={() => undefined} />);
    const browse = view.container.querySelector<HTMLButtonElement>("#import-browse");
    await waitFor(() => expect(browse?.disabled).toBe(false));
    if (!browse) return;
    fireEvent.click(browse);
    expect(pickImportFile).toHaveBeenCalledWith(["csv"]);
    await waitFor(() => expect(view.container.querySelector<HTMLInputElement>("#import-path")?.value).toBe("/home/상담/구인 명단.csv"));
    const form = view.container.querySelector("form");
    if (!form) throw new Error("no import form");
    fireEvent.submit(form);
    await waitFor(() => expect(importFile).toHaveBeenCalled());
    expect(importFile.mock.calls[0]?.slice(0, 2)).toEqual([{ kind: "vacancies", skip_invalid: false, update: false }, "/home/상담/구인 명단.csv"]);
    expect(view.container.querySelector("#import-limit")?.textContent).toBe("CSV 파일, 7 MB까지");
    // A plain import reads as before (the desk's e2e test waits for this text).
    await waitFor(() => expect(view.container.querySelector("#import-outcome")?.textContent).toContain("1줄 중 1건을 저장했습니다 (UTF-8)."));
  });

  it("asks for 수정 가져오기 when ticked and says how many records it corrected", async () => {
    importFile.mockResolvedValueOnce({
      saved: true,
      report: { kind: "vacancies", source: "XLSX", rows: 3, imported: 0, updated: 2, unchanged: 1, errors: [], ignored_columns: [] },
    });
    const view = render(<DataScreen onChanged={() => undefined} />);
    await waitFor(() => expect(view.container.querySelectorAll("#import-kind option").length).toBe(2));
    const path = view.container.querySelector<HTMLInputElement>("#import-path");
    const update = view.container.querySelector<HTMLInputElement>("#import-update");
    if (!path || !update) throw new Error("no import form");
    fireEvent.input(path, { target: { value: "/home/상담/수정.xlsx" } });
    fireEvent.click(update);
    const form = view.container.querySelector("form");
    if (!form) throw new Error("no import form");
    fireEvent.submit(form);
    await waitFor(() => expect(view.container.querySelector("#import-outcome")).not.toBeNull());
    expect(importFile.mock.calls.at(-1)?.[0]).toEqual({ kind: "vacancies", skip_invalid: false, update: true });
    expect(view.container.querySelector("#import-outcome")?.textContent).toContain(
      "3줄 중 0건을 새로 저장하고 2건을 고쳤습니다 (변화 없음 1건, XLSX).",
    );
  });

  it("shows the access log and names the entry where the chain breaks", async () => {
    render(<DataScreen onChanged={() => undefined} />);
    await waitFor(() => expect(document.querySelector("#access-all tbody tr")).not.toBeNull());
    expect(document.querySelector("#access-all tbody tr")!.textContent).toContain("출력");
    fireEvent.click(document.getElementById("access-all-verify")!);
    await waitFor(() => expect(document.getElementById("access-all-verdict")?.textContent).toContain("1번 기록에서 연결이 끊겼습니다"));
  });
});
