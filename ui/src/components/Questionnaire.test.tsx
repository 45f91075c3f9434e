import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { QuestionnaireView } from "../bindings";
import { Questionnaire } from "./Questionnaire";

const form: QuestionnaireView = {
  form: "doyak-readiness",
  version: 1,
  title: "구직준비도 문진",
  items: [
    { id: "m1", number: 1, section: "구직 동기", kind: "likert5", text: "일을 하고 싶다.", depends_on: "" },
    { id: "b3", number: 2, section: "생활 여건", kind: "yesno", text: "우울한 날이 많았다.", depends_on: "" },
    { id: "b4", number: 3, section: "생활 여건", kind: "yesno", text: "상담을 받고 싶다.", depends_on: "b3" },
  ],
  answers: {},
  draft_saved_at: "",
  withheld: "",
};

const saveQuestionnaireDraft = vi.fn((_f: { answers: Record<string, number> }) => Promise.resolve({ answered: 0, required: 0 }));
const submitQuestionnaire = vi.fn();
vi.mock("../api", () => ({
  api: {
    questionnaire: () => Promise.resolve(form),
    saveQuestionnaireDraft: (f: { answers: Record<string, number> }) => saveQuestionnaireDraft(f),
    submitQuestionnaire: (f: unknown) => submitQuestionnaire(f),
  },
}));

afterEach(() => {
  cleanup();
  saveQuestionnaireDraft.mockClear();
});

const focusedItem = () => (document.activeElement as HTMLElement | null)?.closest("fieldset")?.getAttribute("data-item");

describe("문진", () => {
  it("answers by keys, moves on, shows a follow-up only after 예 and drops it after 아니오", async () => {
    render(<Questionnaire seekerId="s1" onSubmitted={() => undefined} onClose={() => undefined} />);
    await waitFor(() => expect(focusedItem()).toBe("m1"));
    expect(document.querySelector('[data-item="b4"]')).toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: "4" });
    await waitFor(() => expect(focusedItem()).toBe("b3"));
    expect(saveQuestionnaireDraft).toHaveBeenLastCalledWith({ seeker_id: "s1", answers: { m1: 4 } });
    fireEvent.keyDown(document.activeElement!, { key: "y" });
    // 예 asks the follow-up, and the focus goes to it.
    await waitFor(() => expect(focusedItem()).toBe("b4"));
    fireEvent.keyDown(document.activeElement!, { key: "y" });
    await waitFor(() => expect(document.activeElement?.id).toBe("q-submit"));
    expect(screen.getByText("답변 3 / 3")).toBeTruthy();
    // Back to 아니오: the follow-up and its answer go, so no contradiction is kept.
    fireEvent.click(document.querySelectorAll<HTMLInputElement>('[data-item="b3"] input')[1]!);
    await waitFor(() => expect(document.querySelector('[data-item="b4"]')).toBeNull());
    expect(saveQuestionnaireDraft).toHaveBeenLastCalledWith({ seeker_id: "s1", answers: { m1: 4, b3: 0 } });
    expect(screen.getByText("답변 2 / 2")).toBeTruthy();
  });
});
