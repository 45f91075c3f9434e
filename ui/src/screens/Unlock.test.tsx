import { cleanup, fireEvent, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseloadSummary, DeskInfo, Joined, JoinForm, SyncReport } from "../bindings";

const api = {
  joinCenter: vi.fn<(form: JoinForm, onProgress: (r: SyncReport) => void) => Promise<Joined>>(),
  unlock: vi.fn<(passphrase: string) => Promise<CaseloadSummary>>(),
};
vi.mock("../api", () => ({ api }));

const { Unlock } = await import("./Unlock");

afterEach(() => {
  cleanup();
  api.joinCenter.mockReset();
});

const info: DeskInfo = {
  demo: false,
  demo_passphrase: null,
  caseload_exists: false,
  caseload_path: "/tmp/caseload.doyak",
  min_passphrase_chars: 12,
  default_device_name: "도약 데스크",
};

const summary = { center_name: "도약센터" } as CaseloadSummary;
const report: SyncReport = { sent: 0, rejected: 0, conflicts: 0, received: 0, pending: 0, access_log_sent: 0, access_log_problem: null };

function join(view: ReturnType<typeof render>) {
  fireEvent.click(view.getByText("센터에 합류"));
  fireEvent.submit(view.container.querySelector("#join-form")!);
}

describe("Unlock", () => {
  it("says, while a file opens, that the first open after an update can take a minute", async () => {
    let open: (s: CaseloadSummary) => void = () => undefined;
    api.unlock.mockImplementation(() => new Promise((resolve) => (open = resolve)));
    const opened: CaseloadSummary[] = [];
    const view = render(<Unlock info={{ ...info, caseload_exists: true }} onUnlocked={(s) => opened.push(s)} />);
    expect(view.container.querySelector("#unlock-slow")).toBeNull();
    fireEvent.input(view.container.querySelector("#passphrase")!, { target: { value: "올바른 암호 correct horse" } });
    fireEvent.submit(view.container.querySelector("#unlock-form")!);
    await waitFor(() => expect(view.container.querySelector("#unlock-slow")?.textContent).toContain("1분 가까이"));
    open(summary);
    await waitFor(() => expect(opened).toEqual([summary]));
    expect(view.container.querySelector("#unlock-slow")).toBeNull();
  });

  it("states the passphrase minimum the desk enforces", () => {
    const view = render(<Unlock info={info} onUnlocked={() => undefined} />);
    expect(view.container.querySelector("label[for=c-passphrase]")?.textContent).toBe("암호 (12자 이상)");
    expect(view.container.querySelector("label[for=join-passphrase]")?.textContent).toBe("암호 (12자 이상)");
  });

  it("offers a new caseload first and joining a center beside it", () => {
    const view = render(<Unlock info={info} onUnlocked={() => undefined} />);
    expect(view.container.querySelector<HTMLElement>("#panel-create")?.hidden).toBe(false);
    expect(view.container.querySelector<HTMLElement>("#panel-join")?.hidden).toBe(true);
    fireEvent.click(view.getByText("센터에 합류"));
    expect(view.container.querySelector<HTMLElement>("#panel-join")?.hidden).toBe(false);
    expect(view.container.querySelector<HTMLInputElement>("#join-device-name")?.placeholder).toBe("도약 데스크");
  });

  it("shows each refusal under its field", async () => {
    api.joinCenter.mockRejectedValue({
      code: "input.invalid",
      message: "입력값을 확인해 주세요.",
      fields: [{ field: "code", label: "등록 코드", message: "등록 코드는 관리자가 준 12자리(예: ABCD-EFGH-JKMN)입니다." }],
    });
    const onUnlocked = vi.fn();
    const view = render(<Unlock info={info} onUnlocked={onUnlocked} />);
    join(view);
    await waitFor(() => expect(view.container.querySelector("#join-code-error")?.textContent).toContain("12자리"));
    expect(view.container.querySelector("#join-code")?.getAttribute("aria-invalid")).toBe("true");
    expect(view.container.querySelector("#join-error")?.textContent).toContain("input.invalid");
    expect(onUnlocked).not.toHaveBeenCalled();
    fireEvent.input(view.container.querySelector("#join-code")!, { target: { value: "ABCD-EFGH-JKMN" } });
    expect(view.container.querySelector("#join-code-error")).toBeNull();
    expect(view.container.querySelector("#join-code")?.getAttribute("aria-invalid")).toBeNull();
    expect(view.container.querySelector("#join-error")).toBeNull();
  });

  it("opens the caseload once the center's records are in", async () => {
    api.joinCenter.mockResolvedValue({ summary, pulled: report, pull_error: null });
    const onUnlocked = vi.fn();
    const view = render(<Unlock info={info} onUnlocked={onUnlocked} />);
    join(view);
    await waitFor(() => expect(onUnlocked).toHaveBeenCalledWith(summary));
  });

  it("counts the center's records while they arrive", async () => {
    api.joinCenter.mockImplementation((_form, onProgress) => {
      onProgress({ ...report, received: 1234 });
      return new Promise<Joined>(() => undefined);
    });
    const view = render(<Unlock info={info} onUnlocked={() => undefined} />);
    join(view);
    await waitFor(() => expect(view.container.querySelector("#join-progress")?.textContent).toBe("센터 기록 받는 중… 1,234건"));
    expect(view.container.querySelector<HTMLButtonElement>("#join-submit")?.disabled).toBe(true);
  });

  it("keeps the join when the pull stops, and says the next sync carries on", async () => {
    api.joinCenter.mockResolvedValue({
      summary,
      pulled: null,
      pull_error: { code: "sync.unreachable", message: "서버에 연결할 수 없습니다.", fields: [] },
    });
    const onUnlocked = vi.fn();
    const view = render(<Unlock info={info} onUnlocked={onUnlocked} />);
    join(view);
    await waitFor(() => expect(view.container.querySelector("#join-pull-error")?.textContent).toContain("sync.unreachable"));
    expect(view.container.querySelector("#join-stopped")?.textContent).toContain("다음 동기화 때 이어서");
    expect(onUnlocked).not.toHaveBeenCalled();
    fireEvent.click(view.getByText("오늘 할 일로 가기"));
    expect(onUnlocked).toHaveBeenCalledWith(summary);
  });
});
