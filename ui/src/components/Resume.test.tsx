import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type {
  ResumeConfirmForm,
  ResumeConsultingForm,
  ResumeDeskView,
  ResumeFileView,
  VacancyListQuery,
  VacancyPage,
} from "../bindings";

const resumeFiles = vi.fn((_seekerId: string) => Promise.resolve([file1]));
const resumeView = vi.fn((_s: string, _f: string, _v: string | null) => Promise.resolve(view()));
const resumeEditView = vi.fn((_s: string, _f: string, _t: string, _v: string | null) => Promise.resolve(view()));
const confirmResumeFacts = vi.fn((_form: ResumeConfirmForm) =>
  Promise.resolve({ certificates_added: 1, employments_added: 1, already_there: 0 }),
);
const saveResumeConsulting = vi.fn((_form: ResumeConsultingForm) => Promise.resolve("e1"));
const saveEditedResume = vi.fn((_s: string, _basedOn: number, _t: string) => Promise.resolve(file2));
const saveResumeReport = vi.fn((_s: string, _f: string, _v: string | null) => Promise.resolve({ path: "/tmp/r.pdf" }));
const vacancyList = vi.fn((_q: VacancyListQuery): Promise<VacancyPage> => Promise.resolve({ items: [], total: 0 }));
vi.mock("../api", () => ({
  api: {
    resumeFiles: (s: string) => resumeFiles(s),
    resumeView: (s: string, f: string, v: string | null) => resumeView(s, f, v),
    resumeEditView: (s: string, f: string, t: string, v: string | null) => resumeEditView(s, f, t, v),
    confirmResumeFacts: (f: ResumeConfirmForm) => confirmResumeFacts(f),
    saveResumeConsulting: (f: ResumeConsultingForm) => saveResumeConsulting(f),
    vacancyList: (q: VacancyListQuery) => vacancyList(q),
    saveEditedResume: (s: string, b: number, t: string) => saveEditedResume(s, b, t),
    saveResumeReport: (s: string, f: string, v: string | null) => saveResumeReport(s, f, v),
    recommendedVacancies: () =>
      Promise.resolve({ items: [], listed: 0, full: 0, unreadable: 0, considered: 0, notice: null }),
  },
  toUiError: (e: unknown) => e,
}));

const { Resume } = await import("./Resume");
const { discardUnsaved, hasUnsaved } = await import("../lib/guard");

const file1: ResumeFileView = { id: "f1", version: 1, file_name: "이력서.hwpx", size: 1024, based_on: null, added_at: "2026-11-20T05:05:00Z" };
const file2: ResumeFileView = { id: "f2", version: 2, file_name: "이력서-수정본-1.txt", size: 900, based_on: 1, added_at: "2026-11-21T01:00:00Z" };

function view(over: Partial<ResumeDeskView> = {}): ResumeDeskView {
  return {
    file: file1,
    lines: [
      "자격 🎓 정보처리기사 취득",
      "2019-03 ~ 2021-02 도약정밀 용접원",
      "용접기능사 취득 예정, 지게차운전기능사",
      "불량률 30% 감소",
    ],
    as_of: "2026-11",
    score: 62,
    industry: "용접·뿌리 (희망 직종)",
    rubric_version: "2026.1",
    vacancy: null,
    reasons: [
      { part: "구성", points: 20, max: 25, text: "자기소개 없음" },
      { part: "자격", points: 30, max: 30, text: "국가자격 1개" },
      { part: "경력", points: 12, max: 25, text: "경력 2년" },
    ],
    suggestions: [
      // Overlaps the employment span on line 1: the employment is marked.
      { id: "s-period", text: "기간을 월까지 적으세요", adds: 5, span: { line: 1, start: 0, end: 7 } },
      { id: "s-intro", text: "자기소개를 더하세요", adds: 0, span: null },
    ],
    sections: [
      { name: "경력", present: true, headed: true },
      { name: "자격", present: true, headed: false },
      { name: "자기소개", present: false, headed: false },
    ],
    intro_parts: [],
    certificates: [
      cert(0, "정보처리기사", "held", "취득", true, false, { line: 0, start: 5, end: 11 }),
      cert(1, "용접기능사", "planned", "취득 예정", false, false, { line: 2, start: 0, end: 5 }),
      cert(2, "지게차운전기능사", "held", "취득", true, true, { line: 2, start: 14, end: 22 }),
    ],
    employments: [
      job(0, "도약정밀", null, false),
      job(1, null, "회사명이 없어 기록에 넣을 수 없습니다.", false),
      job(2, "한빛산업", null, true),
    ],
    experience: "2년",
    gaps: [],
    overlaps: [],
    achievements: [{ text: "불량률 30% 감소", span: { line: 3, start: 0, end: 10 } }],
    keyword_gap: [],
    ...over,
  };
}

function cert(
  index: number,
  name: string,
  status: string,
  status_label: string,
  confirmable: boolean,
  in_record: boolean,
  span: { line: number; start: number; end: number },
) {
  return { index, name, national: null, kind: "국가자격", status, status_label, span, confirmable, in_record };
}

function job(index: number, company: string | null, blocked: string | null, in_record: boolean) {
  return {
    index,
    company,
    title: "용접원",
    start: "2019-03",
    end: index === 0 ? "2021-02" : null,
    length: "2년",
    span: { line: 1, start: 0, end: 17 },
    blocked,
    in_record,
  };
}

const input = (sel: string) => document.querySelector<HTMLInputElement>(sel)!;
const byId = <T extends HTMLElement = HTMLButtonElement>(id: string) => document.getElementById(id) as T;
const decideButton = (id: string, label: string) =>
  Array.from(document.querySelectorAll<HTMLButtonElement>(`#resume-suggestions li[data-id="${id}"] button`)).find(
    (b) => b.textContent === label,
  )!;

/** Adds vacancy v9 to the picker by a search. */
async function findVacancy() {
  vacancyList.mockImplementation(() =>
    Promise.resolve({
      items: [
        {
          id: "v9",
          company_id: "c1",
          company_name: "도약정밀",
          title: "CO2 용접원",
          occupation: "용접원",
          headcount: 2,
          places_left: 2,
          wage: "",
          shift: "",
          perks: [],
          region: "",
          status: "open",
          opened_on: "2026-11-01",
          open_days: 20,
        },
      ],
      total: 1,
    }),
  );
  fireEvent.input(byId("resume-vacancy-search"), { target: { value: "용접" } });
  await waitFor(() => expect(document.querySelector('#resume-vacancy option[value="v9"]')).toBeTruthy());
}

beforeEach(() => {
  resumeFiles.mockImplementation(() => Promise.resolve([file1]));
  resumeView.mockImplementation(() => Promise.resolve(view()));
});

afterEach(() => {
  cleanup();
  discardUnsaved();
  vi.clearAllMocks();
});

describe("이력서", () => {
  it("explains what to do when the seeker has no résumé yet", async () => {
    resumeFiles.mockImplementation(() => Promise.resolve([]));
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(document.getElementById("resume-empty")?.textContent).toContain("동기화되지 않습니다"));
    expect(document.getElementById("resume-version")).toBeNull();
    expect(resumeView).not.toHaveBeenCalled();
  });

  it("marks findings by code points and leaves an overlapping suggestion out", async () => {
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(document.querySelector("#resume-text mark.cert")).toBeTruthy());
    expect(resumeView).toHaveBeenCalledWith("s1", "f1", null);
    // 🎓 is one character to the desk: 5..11 is 정보처리기사, not "정보처리기" and a half.
    const line0 = document.querySelector('#resume-text li[data-line="0"]')!;
    expect(line0.querySelector("mark.cert")?.textContent).toBe("정보처리기사");
    expect(line0.textContent).toBe("자격 🎓 정보처리기사 취득");
    // The suggestion starts inside the employment period: only the period is marked.
    const line1 = document.querySelector('#resume-text li[data-line="1"]')!;
    expect(Array.from(line1.querySelectorAll("mark")).map((m) => [m.className, m.textContent])).toEqual([
      ["job", "2019-03 ~ 2021-02"],
    ]);
    expect(line1.textContent).toBe("2019-03 ~ 2021-02 도약정밀 용접원");
    expect(document.querySelector('#resume-text li[data-line="3"] mark.achv')?.textContent).toBe("불량률 30% 감소");
    // The score and the sum of its reasons.
    expect(document.querySelector("#resume-score strong")?.textContent).toBe("62점");
    expect(document.querySelector("#resume-reasons tfoot")?.textContent).toContain("62 / 80");
    // 자격 present but found from content alone.
    expect(document.getElementById("resume-sections")?.textContent).toContain("(내용으로 판단)");
    // A finding on the right takes the counselor to its line.
    fireEvent.click(screen.getByRole("button", { name: "불량률 30% 감소 — 본문 4행으로 이동" }));
    expect(document.activeElement?.getAttribute("data-line")).toBe("3");
    expect(document.activeElement?.classList.contains("flash")).toBe(true);
  });

  it("adds vacancies found by a search to the picker and analyses against the one chosen", async () => {
    vacancyList.mockImplementation(() =>
      Promise.resolve({
        items: [
          {
            id: "v9",
            company_id: "c1",
            company_name: "도약정밀",
            title: "CO2 용접원",
            occupation: "용접원",
            headcount: 2,
            places_left: 2,
            wage: "",
            shift: "",
            perks: [],
            region: "",
            status: "open",
            opened_on: "2026-11-01",
            open_days: 20,
          },
        ],
        total: 1,
      }),
    );
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(document.getElementById("resume-vacancy")).toBeTruthy());
    expect(document.querySelector("#resume-keywords")).toBeNull();
    fireEvent.input(document.getElementById("resume-vacancy-search")!, { target: { value: "용접" } });
    await waitFor(() => expect(document.querySelector('#resume-vacancy option[value="v9"]')?.textContent).toBe("CO2 용접원 · 도약정밀"));
    expect(vacancyList).toHaveBeenCalledWith({ text: "용접", status: null, company_id: null, offset: 0, limit: 20 });
    resumeView.mockImplementation(() =>
      Promise.resolve(
        view({
          vacancy: "CO2 용접원",
          keyword_gap: [
            { keyword: "CO2", kind: "기술·직무어", required: false, in_posting: 3, in_resume: 0, found_in: "", suggestion: "CO2 용접 경험을 적으세요" },
            { keyword: "용접기능사", kind: "필수 자격", required: true, in_posting: 1, in_resume: 1, found_in: "자격", suggestion: null },
          ],
        }),
      ),
    );
    fireEvent.change(document.getElementById("resume-vacancy")!, { target: { value: "v9" } });
    await waitFor(() => expect(document.getElementById("resume-keywords")).toBeTruthy());
    expect(resumeView).toHaveBeenLastCalledWith("s1", "f1", "v9");
    // Required rows first; a keyword the résumé has says so.
    const rows = Array.from(document.querySelectorAll("#resume-keywords tbody tr"));
    expect(rows.map((r) => r.querySelector("td")?.textContent)).toEqual(["용접기능사", "CO2"]);
    expect(rows[0]?.lastElementChild?.textContent).toBe("있음");
  });

  it("enables 기록에 반영 only for held certificates and open jobs not in the record, and sends the checked indices", async () => {
    const changed = vi.fn();
    render(<Resume seekerId="s1" onRecordChanged={changed} />);
    await waitFor(() => expect(document.getElementById("resume-certs")).toBeTruthy());
    expect(input('input[data-cert="0"]').disabled).toBe(false);
    expect(input('input[data-cert="1"]').disabled).toBe(true); // 취득 예정
    expect(input('input[data-cert="2"]').disabled).toBe(true); // 기록에 있음
    expect(document.querySelector('input[data-cert="2"]')?.closest("td")?.textContent).toContain("기록에 있음");
    expect(input('input[data-job="0"]').disabled).toBe(false);
    expect(input('input[data-job="1"]').disabled).toBe(true); // blocked
    expect(input('input[data-job="2"]').disabled).toBe(true); // in the record
    expect(screen.getByText("회사명이 없어 기록에 넣을 수 없습니다.")).toBeTruthy();
    const confirm = document.getElementById("resume-confirm") as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(input('input[data-cert="0"]'));
    fireEvent.click(input('input[data-job="0"]'));
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(document.getElementById("resume-status")?.textContent).toBe("자격 1건 · 경력 1건 기록에 반영 (이미 있음 0건)"),
    );
    expect(confirmResumeFacts).toHaveBeenCalledWith({ seeker_id: "s1", file_id: "f1", certificates: [0], employments: [0] });
    expect(changed).toHaveBeenCalledTimes(1);
    // The analysis is asked again: what the record holds has changed.
    await waitFor(() => expect(resumeView).toHaveBeenCalledTimes(2));
  });

  it("toggles 수용 / 보류 per suggestion and saves the decided ids", async () => {
    const changed = vi.fn();
    render(<Resume seekerId="s1" onRecordChanged={changed} />);
    await waitFor(() => expect(document.getElementById("resume-suggestions")).toBeTruthy());
    const button = (id: string, label: string) =>
      Array.from(document.querySelectorAll<HTMLButtonElement>(`#resume-suggestions li[data-id="${id}"] button`)).find(
        (b) => b.textContent === label,
      )!;
    expect(document.querySelector('li[data-id="s-period"] .count-badge')?.textContent).toBe("+5");
    expect(document.querySelector('li[data-id="s-intro"] .count-badge')).toBeNull();
    fireEvent.click(button("s-period", "수용"));
    fireEvent.click(button("s-intro", "수용"));
    fireEvent.click(button("s-intro", "보류"));
    expect(button("s-period", "수용").getAttribute("aria-pressed")).toBe("true");
    expect(button("s-intro", "수용").getAttribute("aria-pressed")).toBe("false");
    expect(button("s-intro", "보류").getAttribute("aria-pressed")).toBe("true");
    fireEvent.input(document.getElementById("resume-note")!, { target: { value: " 경력 기간 보완 " } });
    fireEvent.click(document.getElementById("resume-save-consulting")!);
    await waitFor(() => expect(document.getElementById("resume-status")?.textContent).toBe("컨설팅 기록을 저장했습니다"));
    expect(saveResumeConsulting).toHaveBeenLastCalledWith({
      seeker_id: "s1",
      file_id: "f1",
      vacancy_id: null,
      accepted: ["s-period"],
      rejected: ["s-intro"],
      note: "경력 기간 보완",
    });
    expect(changed).toHaveBeenCalledTimes(1);
    // Pressing the pressed one again leaves the suggestion undecided.
    fireEvent.click(button("s-period", "수용"));
    expect(button("s-period", "수용").getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(document.getElementById("resume-save-consulting")!);
    await waitFor(() => expect(saveResumeConsulting).toHaveBeenCalledTimes(2));
    expect(saveResumeConsulting).toHaveBeenLastCalledWith(expect.objectContaining({ accepted: [], rejected: ["s-intro"] }));
  });

  it("re-analyses the edited text, says it is unsaved and keeps confirming for the saved version", async () => {
    resumeEditView.mockImplementation(() => Promise.resolve(view({ score: 70 })));
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(document.getElementById("resume-edit")).toBeTruthy());
    fireEvent.click(document.getElementById("resume-edit")!);
    const editor = document.getElementById("resume-editor") as HTMLTextAreaElement;
    expect(editor.value).toBe(view().lines.join("\n"));
    fireEvent.input(editor, { target: { value: `${editor.value}\n자기소개: 성실합니다` } });
    expect(document.getElementById("resume-dirty")?.textContent).toBe("저장 안 된 수정");
    await waitFor(() => expect(document.querySelector("#resume-score strong")?.textContent).toBe("70점"));
    expect(resumeEditView).toHaveBeenCalledWith("s1", "f1", `${view().lines.join("\n")}\n자기소개: 성실합니다`, null);
    expect((document.getElementById("resume-confirm") as HTMLButtonElement).disabled).toBe(true);
    expect((document.getElementById("resume-save-consulting") as HTMLButtonElement).disabled).toBe(true);
    expect((document.getElementById("resume-version") as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(document.getElementById("resume-edit-cancel")!);
    await waitFor(() => expect(document.getElementById("resume-text")).toBeTruthy());
    expect(document.querySelector("#resume-score strong")?.textContent).toBe("62점");
    expect(document.getElementById("resume-dirty")).toBeNull();
  });

  it("never shows the analysis of a version no longer chosen", async () => {
    resumeFiles.mockImplementation(() => Promise.resolve([file1, file2]));
    let answerFirst: (v: ResumeDeskView) => void = () => undefined;
    resumeView.mockImplementation((_s, f) =>
      f === "f2"
        ? new Promise<ResumeDeskView>((r) => (answerFirst = r))
        : Promise.resolve(view({ file: file1, score: 40 })),
    );
    render(<Resume seekerId="s1" />);
    // The newest version first.
    await waitFor(() => expect(document.getElementById("resume-version")).toBeTruthy());
    const select = document.getElementById("resume-version") as HTMLSelectElement;
    expect(select.value).toBe("f2");
    // The moment as a counselor reads it (local time), not the stored RFC 3339.
    const label = select.options[0]?.textContent ?? "";
    expect(label).toMatch(/^2번째 판 · 이력서-수정본-1\.txt · 11\. 2[01]\. .+ \(수정본: 1판에서\)$/);
    expect(label).not.toContain("T01:00");
    fireEvent.change(select, { target: { value: "f1" } });
    await waitFor(() => expect(document.querySelector("#resume-score strong")?.textContent).toBe("40점"));
    // Version 2's analysis comes back late: it is not shown.
    answerFirst(view({ file: file2, score: 99 }));
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector("#resume-score strong")?.textContent).toBe("40점");
  });

  it("decides 수용 / 보류 on the saved version only, and keeps those choices through an edit", async () => {
    // The edit's suggestions, numbered by its own lines.
    resumeEditView.mockImplementation(() =>
      Promise.resolve(view({ suggestions: [{ id: "s-period", text: "다른 제안", adds: 1, span: null }] })),
    );
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(byId("resume-suggestions")).toBeTruthy());
    fireEvent.click(decideButton("s-period", "수용"));
    fireEvent.click(byId("resume-edit"));
    expect(decideButton("s-period", "수용").disabled).toBe(true);
    expect(decideButton("s-intro", "보류").disabled).toBe(true);
    expect(byId("resume-decide-hint").textContent).toBe("수용·보류는 저장된 판에서 정합니다");
    const editor = byId<HTMLTextAreaElement>("resume-editor");
    fireEvent.input(editor, { target: { value: `${editor.value}\n자기소개: 성실합니다` } });
    await waitFor(() => expect(document.querySelector("#resume-suggestions li")?.textContent).toContain("다른 제안"));
    // The edit's suggestion is not shown as decided, and cannot be.
    expect(decideButton("s-period", "수용").getAttribute("aria-pressed")).toBe("false");
    expect(decideButton("s-period", "수용").disabled).toBe(true);
    fireEvent.click(byId("resume-edit-cancel"));
    await waitFor(() => expect(byId("resume-text")).toBeTruthy());
    expect(byId("resume-decide-hint")).toBeNull();
    expect(decideButton("s-period", "수용").getAttribute("aria-pressed")).toBe("true");
    expect(decideButton("s-period", "수용").disabled).toBe(false);
    fireEvent.click(byId("resume-save-consulting"));
    await waitFor(() => expect(saveResumeConsulting).toHaveBeenCalledTimes(1));
    expect(saveResumeConsulting).toHaveBeenLastCalledWith(expect.objectContaining({ accepted: ["s-period"], rejected: [] }));
  });

  it("never shows another vacancy's analysis as current, and keeps 수용 / 보류 per vacancy", async () => {
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(byId("resume-suggestions")).toBeTruthy());
    fireEvent.click(decideButton("s-period", "수용"));
    await findVacancy();
    let fail: (e: unknown) => void = () => undefined;
    resumeView.mockImplementation((_s, _f, v) =>
      v === "v9" ? new Promise<ResumeDeskView>((_r, j) => (fail = j)) : Promise.resolve(view()),
    );
    fireEvent.change(byId("resume-vacancy"), { target: { value: "v9" } });
    // Pending: the analysis without the vacancy is not shown, nothing goes out.
    await waitFor(() => expect(byId("resume-score")).toBeNull());
    expect(byId("resume-save-consulting").disabled).toBe(true);
    expect(byId("resume-pdf").disabled).toBe(true);
    fail({ kind: "internal", message: "분석 실패" });
    await waitFor(() => expect(byId("resume-view-failed")).toBeTruthy());
    expect(byId("resume-score")).toBeNull();
    expect(byId("resume-save-consulting").disabled).toBe(true);
    expect(byId("resume-pdf").disabled).toBe(true);
    // Again, and this time the vacancy's analysis comes with its own suggestions.
    resumeView.mockImplementation((_s, _f, v) =>
      Promise.resolve(
        v === "v9"
          ? view({ vacancy: "CO2 용접원", suggestions: [{ id: "s-co2", text: "CO2를 적으세요", adds: 2, span: null }] })
          : view(),
      ),
    );
    fireEvent.click(byId("resume-retry"));
    await waitFor(() => expect(byId("resume-decided")?.textContent).toBe("수용 0 · 보류 0 · 미정 1"));
    expect(byId("resume-save-consulting").disabled).toBe(false);
    fireEvent.click(decideButton("s-co2", "보류"));
    // Back to no vacancy: its choice is still there, and only it is sent.
    fireEvent.change(byId("resume-vacancy"), { target: { value: "" } });
    await waitFor(() => expect(decideButton("s-period", "수용")?.getAttribute("aria-pressed")).toBe("true"));
    fireEvent.click(byId("resume-save-consulting"));
    await waitFor(() => expect(saveResumeConsulting).toHaveBeenCalledTimes(1));
    expect(saveResumeConsulting).toHaveBeenLastCalledWith(
      expect.objectContaining({ vacancy_id: null, accepted: ["s-period"], rejected: [] }),
    );
    fireEvent.change(byId("resume-vacancy"), { target: { value: "v9" } });
    await waitFor(() => expect(decideButton("s-co2", "보류")?.getAttribute("aria-pressed")).toBe("true"));
    fireEvent.click(byId("resume-pdf"));
    await waitFor(() => expect(saveResumeReport).toHaveBeenCalledWith("s1", "f1", "v9"));
    fireEvent.click(byId("resume-save-consulting"));
    await waitFor(() => expect(saveResumeConsulting).toHaveBeenCalledTimes(2));
    expect(saveResumeConsulting).toHaveBeenLastCalledWith(
      expect.objectContaining({ vacancy_id: "v9", accepted: [], rejected: ["s-co2"] }),
    );
  });

  it("jumps to the analysis's line in the editor, blank lines not counted", async () => {
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(byId("resume-edit")).toBeTruthy());
    fireEvent.click(byId("resume-edit"));
    const editor = byId<HTMLTextAreaElement>("resume-editor");
    const [l0, l1, l2, l3] = view().lines;
    const typed = `${l0}\n\n${l1}\n   \n${l2}\n\n${l3}`;
    fireEvent.input(editor, { target: { value: typed } });
    await waitFor(() => expect(resumeEditView).toHaveBeenCalled());
    // The analysis says 불량률 30% 감소 is on its line 3 (the fourth non-blank one).
    fireEvent.click(screen.getByRole("button", { name: "불량률 30% 감소 — 본문 4행으로 이동" }));
    expect(document.activeElement).toBe(editor);
    expect(typed.slice(editor.selectionStart, editor.selectionEnd)).toBe("불량률 30% 감소");
  });

  it("keeps the editor read-only while the edit is saved", async () => {
    let done: (f: ResumeFileView) => void = () => undefined;
    saveEditedResume.mockImplementation(() => new Promise<ResumeFileView>((r) => (done = r)));
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(byId("resume-edit")).toBeTruthy());
    fireEvent.click(byId("resume-edit"));
    const editor = byId<HTMLTextAreaElement>("resume-editor");
    expect(editor.readOnly).toBe(false);
    fireEvent.input(editor, { target: { value: `${editor.value}\n자기소개: 성실합니다` } });
    fireEvent.click(byId("resume-save-edit"));
    await waitFor(() => expect(byId<HTMLTextAreaElement>("resume-editor").readOnly).toBe(true));
    resumeFiles.mockImplementation(() => Promise.resolve([file1, file2]));
    resumeView.mockImplementation(() => Promise.resolve(view({ file: file2 })));
    done(file2);
    await waitFor(() => expect(byId("resume-status").textContent).toContain("새 판으로 저장했습니다"));
    expect(byId("resume-editor")).toBeNull();
  });

  it("asks before leaving a note or 수용 / 보류 not yet saved", async () => {
    render(<Resume seekerId="s1" />);
    await waitFor(() => expect(byId("resume-suggestions")).toBeTruthy());
    expect(hasUnsaved()).toBe(false);
    fireEvent.input(byId("resume-note"), { target: { value: "다음 상담에 사본 지참" } });
    await waitFor(() => expect(hasUnsaved()).toBe(true));
    fireEvent.input(byId("resume-note"), { target: { value: "  " } });
    await waitFor(() => expect(hasUnsaved()).toBe(false));
    fireEvent.click(decideButton("s-period", "수용"));
    await waitFor(() => expect(hasUnsaved()).toBe(true));
    fireEvent.click(byId("resume-save-consulting"));
    await waitFor(() => expect(byId("resume-status").textContent).toBe("컨설팅 기록을 저장했습니다"));
    expect(hasUnsaved()).toBe(false);
    // The saved choice stays shown; changing it is unsaved again.
    expect(decideButton("s-period", "수용").getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(decideButton("s-intro", "보류"));
    await waitFor(() => expect(hasUnsaved()).toBe(true));
  });
});
