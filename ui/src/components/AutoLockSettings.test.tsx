import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";

const autoLockSetting = vi.fn(() =>
  Promise.resolve({ minutes: 10, default_minutes: 10, min_minutes: 1, max_minutes: 60, set_by: null, disputed: ["5분 (김상담 · 2026-12-05 09:30)"] as string[] }),
);
const setAutoLockMinutes = vi.fn((minutes: number) =>
  minutes >= 1 && minutes <= 60
    ? Promise.resolve({ minutes, default_minutes: 10, min_minutes: 1, max_minutes: 60, set_by: "이상담 · 2026-12-05 09:40", disputed: [] as string[] })
    : Promise.reject({ code: "input.invalid", message: "입력을 확인해 주세요.", fields: [{ field: "minutes", label: "자동 잠금 시간", message: "자동 잠금 시간은 1~60분으로 입력해 주세요." }] }),
);
vi.mock("../api", () => ({ api: { autoLockSetting, setAutoLockMinutes } }));

const { AutoLockSettings } = await import("./AutoLockSettings");

afterEach(cleanup);

describe("AutoLockSettings", () => {
  it("shows the idle time in force, saves a new one and shows the desk's refusal of a bad one", async () => {
    const view = render(<AutoLockSettings />);
    const input = () => view.container.querySelector<HTMLInputElement>("#autolock-minutes")!;
    await waitFor(() => expect(input().value).toBe("10"));
    // Two desks set it unseen: the value in force and the other one, until saved again.
    expect(view.container.querySelector("#autolock-disputed")!.textContent).toContain("5분 (김상담");
    expect(view.container.querySelector("#autolock-set-by")!.textContent).toContain("기본값");
    fireEvent.input(input(), { target: { value: "5" } });
    fireEvent.submit(view.container.querySelector("form")!);
    await waitFor(() => expect(view.container.querySelector("#autolock-outcome")!.textContent).toBe("5분 동안 입력이 없으면 잠급니다."));
    expect(setAutoLockMinutes).toHaveBeenLastCalledWith(5);
    expect(view.container.querySelector("#autolock-disputed")).toBeNull();
    expect(view.container.querySelector("#autolock-set-by")!.textContent).toContain("이상담");
    // Not a number: the desk is asked with 0 and its Korean refusal shown.
    fireEvent.input(input(), { target: { value: "곧" } });
    fireEvent.submit(view.container.querySelector("form")!);
    await waitFor(() => expect(view.container.querySelector("#autolock-outcome")!.textContent).toContain("1~60분"));
    expect(view.container.querySelector("#autolock-outcome")!.className).toBe("error");
  });
});
