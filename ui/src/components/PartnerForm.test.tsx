import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UiError } from "../bindings";
import { PartnerForm } from "./PartnerForm";

afterEach(cleanup);

const kinds = [{ value: "saeil", label: "여성새로일하기센터" }];

describe("연계기관 추가", () => {
  it("shows the desk's reasons under their own fields", async () => {
    const refusal: UiError = {
      code: "input.invalid",
      message: "입력값을 확인해 주세요",
      fields: [
        { field: "name", label: "기관명", message: "필수 항목입니다." },
        { field: "phone", label: "전화번호", message: "전화번호를 010-1234-5678처럼 입력해 주세요: 전화" },
      ],
    };
    const add = vi.fn(() => Promise.reject(refusal));
    const onAdded = vi.fn();
    render(<PartnerForm kinds={kinds} first={true} onAdded={onAdded} add={add} />);
    // A caseload without partners says why the form is shown.
    expect(document.getElementById("referral-no-partners")?.textContent).toContain("아직 연계기관이 없습니다");
    fireEvent.click(screen.getByText("기관 등록"));
    await waitFor(() => expect(document.querySelector(".field.invalid")).not.toBeNull());
    const invalid = Array.from(document.querySelectorAll(".field.invalid label")).map((l) => l.getAttribute("for"));
    expect(invalid).toEqual(["f-partner_name", "f-partner_phone"]);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it("hands the new partner to the referral form", async () => {
    const partner = { value: "p1", label: "안산 새일센터 (여성새로일하기센터)" };
    const add = vi.fn(() => Promise.resolve(partner));
    const onAdded = vi.fn();
    render(<PartnerForm kinds={kinds} first={false} onAdded={onAdded} add={add} />);
    fireEvent.input(screen.getByLabelText(/기관명/), { target: { value: "안산 새일센터" } });
    fireEvent.change(screen.getByLabelText(/기관 유형/), { target: { value: "saeil" } });
    fireEvent.click(screen.getByText("기관 등록"));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(partner));
    expect(add).toHaveBeenCalledWith({ name: "안산 새일센터", kind: "saeil", phone: "" });
  });
});
