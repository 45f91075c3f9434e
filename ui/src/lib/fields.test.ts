import { describe, expect, it } from "vitest";
import { byField, visible } from "./fields";

const errors = [
  { field: "name", label: "이름", message: "필수 항목입니다." },
  { field: "phone", label: "연락처", message: "전화번호를 010-1234-5678처럼 입력해 주세요: 12345" },
  { field: "name", label: "이름", message: "이름은 50자 이내로 입력해 주세요." },
];

describe("field errors", () => {
  it("groups messages under their field, in the order they came", () => {
    expect(byField(errors)).toEqual({
      name: ["필수 항목입니다.", "이름은 50자 이내로 입력해 주세요."],
      phone: ["전화번호를 010-1234-5678처럼 입력해 주세요: 12345"],
    });
  });

  it("shows only touched fields until the form is submitted", () => {
    const grouped = byField(errors);
    expect(visible(grouped, new Set(["phone"]), false)).toEqual({ phone: grouped.phone });
    expect(visible(grouped, new Set(), true)).toEqual(grouped);
  });
});
