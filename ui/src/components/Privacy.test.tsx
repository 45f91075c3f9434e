import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PrivacyView, WithdrawForm } from "../bindings";
import { Privacy } from "./Privacy";

afterEach(cleanup);

const view: PrivacyView = {
  seeker_id: "s1",
  consent_summary: "2026-03-02 동의",
  consents: [
    { purpose: "counseling", label: "수집·이용(상담·취업지원)", state: "동의", consented: true, destroys: true },
    { purpose: "share_with_employers", label: "제3자 제공(구인기업·연계기관)", state: "동의", consented: true, destroys: false },
    { purpose: "follow_up", label: "사후관리 연락", state: "동의 안 함", consented: false, destroys: false },
  ],
  destroyed: null,
  preview: { kinds: ["이름·생년월일·성별·연락처", "상담 내용·메모"], events: 4, applications: 1, referrals: 0, resume_files: 2, unsent: 0 },
  retention: "사례 종료 후 5년 (근거: 도약 기본값) — 확인 필요",
};

describe("개인정보 tab", () => {
  it("destroys only after the counselor ticks that it cannot be undone", async () => {
    const destroyed: PrivacyView = {
      ...view,
      consents: view.consents.map((c) => ({ ...c, state: "철회 (2026-12-05)", consented: false })),
      destroyed: { on: "2026-12-05", reason: "동의 철회", kinds: view.preview!.kinds, by: "김상담" },
      preview: null,
    };
    const withdraw = vi.fn((_: WithdrawForm) => Promise.resolve(destroyed));
    const onChanged = vi.fn();
    render(<Privacy seekerId="s1" onChanged={onChanged} load={() => Promise.resolve(view)} withdraw={withdraw} />);
    await waitFor(() => expect(document.querySelectorAll(".consent-withdraw").length).toBe(2));
    // No withdraw button for what was never consented.
    expect(document.querySelector("tr[data-purpose=follow_up] .consent-withdraw")).toBeNull();
    fireEvent.click(document.querySelector("tr[data-purpose=counseling] .consent-withdraw")!);
    // What will go, in counts and kinds: the counselor sees it before deciding.
    expect(document.getElementById("withdraw-preview")?.textContent).toContain("이력서 파일 2개");
    const go = document.getElementById("withdraw-go") as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    fireEvent.click(go);
    expect(withdraw).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText("되돌릴 수 없음을 확인했습니다"));
    fireEvent.click(go);
    await waitFor(() => expect(withdraw).toHaveBeenCalledWith({ seeker_id: "s1", purpose: "counseling", confirmed: true }));
    await waitFor(() => expect(document.getElementById("privacy-destroyed")?.textContent).toContain("2026-12-05에 파기"));
    expect(onChanged).toHaveBeenCalled();
    // Destroyed: nothing more to withdraw.
    expect(document.querySelectorAll(".consent-withdraw").length).toBe(0);
  });

  it("withdraws another purpose without a destruction", async () => {
    const withdraw = vi.fn((_: WithdrawForm) => Promise.resolve(view));
    render(<Privacy seekerId="s1" onChanged={() => undefined} load={() => Promise.resolve(view)} withdraw={withdraw} />);
    await waitFor(() => expect(document.querySelector("tr[data-purpose=share_with_employers] .consent-withdraw")).not.toBeNull());
    fireEvent.click(document.querySelector("tr[data-purpose=share_with_employers] .consent-withdraw")!);
    expect(document.getElementById("withdraw-preview")).toBeNull();
    fireEvent.click(document.getElementById("withdraw-go")!);
    await waitFor(() => expect(withdraw).toHaveBeenCalledWith({ seeker_id: "s1", purpose: "share_with_employers", confirmed: false }));
  });
});
