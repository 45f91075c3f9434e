import { describe, expect, it } from "vitest";
import { emptyJoinForm, joinFailure, joinFieldId, joinProgress } from "./join";

describe("joinProgress", () => {
  it("says the desk is enrolling until the first figures arrive", () => {
    expect(joinProgress(null)).toBe("서버에 이 노트북을 등록하는 중…");
  });
  it("counts the center's records as they arrive, with Korean grouping", () => {
    expect(joinProgress(0)).toBe("센터 기록 받는 중… 0건");
    expect(joinProgress(12345)).toBe("센터 기록 받는 중… 12,345건");
  });
});

describe("joinFieldId", () => {
  it("gives the ids the e2e test and the labels use", () => {
    expect(joinFieldId("server_url")).toBe("join-server-url");
    expect(joinFieldId("device_name")).toBe("join-device-name");
    expect(joinFieldId("code")).toBe("join-code");
  });
});

describe("emptyJoinForm", () => {
  it("starts with the https scheme and nothing secret filled in", () => {
    const form = emptyJoinForm();
    expect(form.server_url).toBe("https://");
    expect([form.code, form.device_name, form.passphrase, form.confirm]).toEqual(["", "", "", ""]);
  });
});

describe("joinFailure", () => {
  const field = (name: string) => ({ field: name, label: name, message: `${name}이(가) 틀렸습니다.` });
  it("points at the fields when every problem is shown under one, keeping the code", () => {
    const e = { code: "input.invalid", message: "입력값을 확인해 주세요: 등록 코드: …", fields: [field("code"), field("confirm")] };
    expect(joinFailure(e)).toBe("입력값을 확인해 주세요. 표시된 항목을 고치면 됩니다. (오류 코드 input.invalid)");
  });
  it("shows the desk's whole message when a problem has no field on the form", () => {
    const e = { code: "input.invalid", message: "입력값을 확인해 주세요: 기타", fields: [field("code"), field("center")] };
    expect(joinFailure(e)).toBe("입력값을 확인해 주세요: 기타 (오류 코드 input.invalid)");
  });
  it("shows a failure without fields as the desk words it", () => {
    const e = { code: "sync.unreachable", message: "서버에 연결할 수 없습니다.", fields: [] };
    expect(joinFailure(e)).toBe("서버에 연결할 수 없습니다. (오류 코드 sync.unreachable)");
  });
});
