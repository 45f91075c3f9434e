// 이력서 tab of a seeker's page: the résumé files the seeker brought (every
// version kept, the counselor's edits as new versions), one version analysed
// by the desk (doyak-resume) — its text with the findings marked on the left,
// the score and its reasons, suggestions, certificates, jobs, sections,
// achievements and, against a vacancy, the keyword gap on the right. The
// counselor can edit the text and watch the analysis follow, confirm what
// the résumé says into the record, save the PDF report, and close the
// consulting as a case event. Everything judged comes from the desk; the page
// lays it out and keeps the counselor's choices until they are sent.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, toUiError, type UiError } from "../api";
import type { Choice, ResumeDeskView, ResumeFileView } from "../bindings";
import { errorText } from "../lib/format";
import { useUnsaved } from "../lib/guard";
import { latestOnly } from "../lib/latest";
import { Loading } from "./FormParts";
import {
  Certificates,
  type Decision,
  JumpButton,
  Jobs,
  Keywords,
  Legend,
  ResumeText,
  Score,
  Sections,
  Suggestions,
  versionLabel,
} from "./ResumeParts";

/** Options of the vacancy picker, one per vacancy, the first label kept. */
function mergeChoices(first: Choice[], more: Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of [...first, ...more]) {
    if (seen.has(c.value)) continue;
    seen.add(c.value);
    out.push(c);
  }
  return out;
}

type Busy = "attach" | "browse" | "save-edit" | "confirm" | "pdf" | "consulting" | null;

export function Resume({ seekerId, onRecordChanged }: { seekerId: string; onRecordChanged?: () => void }) {
  // The versions, newest first; null while they load.
  const [files, setFiles] = useState<ResumeFileView[] | null>(null);
  const [fileId, setFileId] = useState("");
  const [vacancyId, setVacancyId] = useState("");
  // The analysis of the saved version (and vacancy) chosen.
  const [view, setView] = useState<ResumeDeskView | null>(null);
  const [viewFailed, setViewFailed] = useState(false);
  // Which request `view` answers (version, vacancy, reload): another one
  // pending shows 분석 중 on the analysis of the same version.
  const [viewKey, setViewKey] = useState("");
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<Busy>(null);
  const [path, setPath] = useState("");
  // Editing: the text typed and the analysis of it (null: not yet back).
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const [editView, setEditView] = useState<ResumeDeskView | null>(null);
  const [analysing, setAnalysing] = useState(false);
  // The counselor's choices for this version.
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [certs, setCerts] = useState<number[]>([]);
  const [jobs, setJobs] = useState<number[]>([]);
  const [note, setNote] = useState("");
  // Vacancies to compare against: recommended, and those found by a search.
  const [recommended, setRecommended] = useState<Choice[]>([]);
  const [found, setFound] = useState<Choice[]>([]);
  const [search, setSearch] = useState("");
  const [searchNote, setSearchNote] = useState("");
  // The line a click on a finding emphasises for a moment.
  const [flash, setFlash] = useState<{ line: number; at: number } | null>(null);
  const textRef = useRef<HTMLOListElement | null>(null);
  const editorRef = useRef<HTMLTextAreaElement | null>(null);

  // Answers can come back out of order (another version chosen, a key
  // typed): only the newest request's answer is shown.
  const viewCall = useMemo(() => latestOnly((s: string, f: string, v: string | null) => api.resumeView(s, f, v)), []);
  const editCall = useMemo(
    () => latestOnly((s: string, f: string, t: string, v: string | null) => api.resumeEditView(s, f, t, v)),
    [],
  );
  const searchCall = useMemo(
    () => latestOnly((t: string) => api.vacancyList({ text: t, status: null, company_id: null, offset: 0, limit: 20 })),
    [],
  );

  async function loadFiles(select?: string): Promise<void> {
    const list = [...(await api.resumeFiles(seekerId))].sort((a, b) => b.version - a.version);
    setFiles(list);
    setFileId((cur) => select ?? (list.some((f) => f.id === cur) ? cur : (list[0]?.id ?? "")));
  }

  useEffect(() => {
    setFiles(null);
    setFileId("");
    setVacancyId("");
    setFound([]);
    setRecommended([]);
    setError(null);
    setStatus("");
    loadFiles().catch((e: unknown) => {
      setError(toUiError(e));
      setFiles([]);
    });
  }, [seekerId]);

  const hasFiles = (files?.length ?? 0) > 0;
  useEffect(() => {
    if (!hasFiles) return;
    let live = true;
    api.recommendedVacancies(seekerId).then(
      (r) => {
        if (!live) return;
        setRecommended(
          mergeChoices(
            [],
            r.items.map((v) => ({ value: v.vacancy_id, label: `${v.vacancy_title} · ${v.company_name}` })),
          ),
        );
      },
      // Without recommendations the search still finds vacancies.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [seekerId, hasFiles]);

  // A new version starts with nothing decided, checked or edited.
  useEffect(() => {
    setDecisions({});
    setCerts([]);
    setJobs([]);
    setEditing(false);
    setEditView(null);
  }, [fileId]);

  // The saved version's analysis (again after 기록에 반영: in_record changes).
  useEffect(() => {
    setViewFailed(false);
    // A failure to analyse another version (or vacancy) is not this one's.
    setError(null);
    if (!fileId) {
      setView(null);
      return;
    }
    let live = true;
    const key = `${fileId}|${vacancyId}|${reload}`;
    viewCall(seekerId, fileId, vacancyId || null).then(
      (r) => {
        if (!live || r.stale) return;
        setView(r.value);
        setViewKey(key);
      },
      (e: unknown) => {
        if (!live) return;
        setError(toUiError(e));
        setViewFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [seekerId, fileId, vacancyId, reload]);

  // What a re-analysis no longer holds is no longer decided or checked.
  useEffect(() => {
    if (!view) return;
    const ids = new Set(view.suggestions.map((s) => s.id));
    setDecisions((d) => Object.fromEntries(Object.entries(d).filter(([id]) => ids.has(id))));
    const okCerts = new Set(view.certificates.filter((c) => c.confirmable && !c.in_record).map((c) => c.index));
    setCerts((c) => c.filter((i) => okCerts.has(i)));
    const okJobs = new Set(view.employments.filter((e) => !e.blocked && !e.in_record).map((e) => e.index));
    setJobs((j) => j.filter((i) => okJobs.has(i)));
  }, [view]);

  // Never an analysis of another version than the one chosen.
  const saved = view && view.file.id === fileId ? view : null;
  const savedText = saved ? saved.lines.join("\n") : "";
  const dirty = editing && saved !== null && text !== savedText;
  useUnsaved("resume-edit", dirty);

  // The edit analysed a moment after typing stops.
  useEffect(() => {
    if (!editing || !dirty || !fileId) {
      setEditView(null);
      setAnalysing(false);
      return;
    }
    let live = true;
    setAnalysing(true);
    const timer = setTimeout(() => {
      editCall(seekerId, fileId, text, vacancyId || null).then(
        (r) => {
          if (!live || r.stale) return;
          setEditView(r.value);
          setAnalysing(false);
        },
        (e: unknown) => {
          if (!live) return;
          setError(toUiError(e));
          setAnalysing(false);
        },
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [editing, dirty, text, fileId, vacancyId, seekerId]);

  // Vacancies found by their title or company, added to the picker.
  useEffect(() => {
    const q = search.trim();
    if (!q) {
      setSearchNote("");
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      searchCall(q).then(
        (r) => {
          if (!live || r.stale) return;
          const rows = r.value.items.map((v) => ({ value: v.id, label: `${v.title} · ${v.company_name}` }));
          setFound((prev) => mergeChoices(rows, prev));
          setSearchNote(rows.length ? `공고 ${rows.length}건을 ‘구인 공고 대비’ 목록에 더했습니다.` : "찾은 공고가 없습니다.");
        },
        (e: unknown) => live && setError(toUiError(e)),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 1600);
    return () => clearTimeout(t);
  }, [flash]);

  useEffect(() => {
    if (editing) editorRef.current?.focus();
  }, [editing]);

  async function run(what: Exclude<Busy, null>, work: () => Promise<void>) {
    setBusy(what);
    setError(null);
    setStatus("");
    try {
      await work();
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(null);
    }
  }

  const file = files?.find((f) => f.id === fileId) ?? null;
  // While typing, the analysis of the typed text once it is back.
  const shown = editing && dirty && editView && editView.file.id === fileId ? editView : saved;
  const pending = analysing || (!viewFailed && viewKey !== `${fileId}|${vacancyId}|${reload}`);

  function jump(line: number) {
    if (editing) {
      const el = editorRef.current;
      if (!el) return;
      const parts = el.value.split("\n");
      const start = parts.slice(0, line).reduce((n, p) => n + p.length + 1, 0);
      el.focus();
      if (line < parts.length) el.setSelectionRange(start, start + (parts[line]?.length ?? 0));
      return;
    }
    const li = textRef.current?.querySelector<HTMLLIElement>(`li[data-line="${line}"]`);
    if (!li) return;
    li.scrollIntoView?.({ block: "center", behavior: "smooth" });
    li.focus({ preventScroll: true });
    setFlash({ line, at: Date.now() });
  }

  const decide = (id: string, d: Decision) =>
    setDecisions((cur) => {
      const next = { ...cur };
      if (next[id] === d) delete next[id];
      else next[id] = d;
      return next;
    });
  const toggle = (list: number[], i: number) => (list.includes(i) ? list.filter((x) => x !== i) : [...list, i]);

  const attach = (e: Event) => {
    e.preventDefault();
    const p = path.trim();
    if (!p || dirty) return;
    void run("attach", async () => {
      const f = await api.attachResume(seekerId, p);
      setPath("");
      await loadFiles(f.id);
      setStatus(`첨부했습니다: ${versionLabel(f)}`);
    });
  };
  const browse = () =>
    run("browse", async () => {
      const p = await api.pickResumeFile();
      if (p !== null) setPath(p);
    });
  const startEdit = () => {
    if (!saved) return;
    if (editing) {
      if (!dirty) setEditing(false);
      return;
    }
    setText(savedText);
    setEditView(null);
    setEditing(true);
  };
  const cancelEdit = () => {
    setEditing(false);
    setText(savedText);
    setEditView(null);
  };
  const saveEdit = () => {
    if (!file || !dirty) return;
    void run("save-edit", async () => {
      const f = await api.saveEditedResume(seekerId, file.version, text);
      setEditing(false);
      setEditView(null);
      await loadFiles(f.id);
      setStatus(`새 판으로 저장했습니다: ${versionLabel(f)}`);
    });
  };
  const confirm = () =>
    run("confirm", async () => {
      const out = await api.confirmResumeFacts({
        seeker_id: seekerId,
        file_id: fileId,
        certificates: [...certs].sort((a, b) => a - b),
        employments: [...jobs].sort((a, b) => a - b),
      });
      setCerts([]);
      setJobs([]);
      setStatus(
        `자격 ${out.certificates_added}건 · 경력 ${out.employments_added}건 기록에 반영 (이미 있음 ${out.already_there}건)`,
      );
      setReload((n) => n + 1);
      onRecordChanged?.();
    });
  const report = () =>
    run("pdf", async () => {
      const out = await api.saveResumeReport(seekerId, fileId, vacancyId || null);
      setStatus(`저장했습니다: ${out.path}`);
    });
  const saveConsulting = () => {
    if (!saved) return;
    void run("consulting", async () => {
      await api.saveResumeConsulting({
        seeker_id: seekerId,
        file_id: fileId,
        vacancy_id: vacancyId || null,
        accepted: saved.suggestions.filter((s) => decisions[s.id] === "accept").map((s) => s.id),
        rejected: saved.suggestions.filter((s) => decisions[s.id] === "hold").map((s) => s.id),
        note: note.trim(),
      });
      setNote("");
      setStatus("컨설팅 기록을 저장했습니다");
      onRecordChanged?.();
    });
  };

  const messages = (
    <>
      {error && (
        <p class="error banner" role="alert" id="resume-error">
          {errorText(error)}
        </p>
      )}
      <p role="status" id="resume-status" class={status ? "hint" : "sr-only"}>
        {status}
      </p>
    </>
  );

  if (files === null) return <Loading />;

  const searchedOnly = found.filter((c) => !recommended.some((r) => r.value === c.value));
  const locked = editing || busy !== null;

  return (
    <div class="resume">
      <form class="resume-bar" onSubmit={attach} aria-label="이력서 판과 첨부">
        {hasFiles && (
          <div class="field version">
            <label for="resume-version">이력서 판</label>
            <select
              id="resume-version"
              value={fileId}
              disabled={dirty}
              aria-describedby={dirty ? "resume-dirty" : undefined}
              onChange={(e) => setFileId(e.currentTarget.value)}
            >
              {files.map((f) => (
                <option key={f.id} value={f.id}>
                  {versionLabel(f)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field grow">
          <label for="resume-path">파일 경로</label>
          <input
            id="resume-path"
            value={path}
            placeholder="찾아보기를 눌러 파일을 고르세요"
            aria-describedby="resume-path-hint"
            onInput={(e) => setPath(e.currentTarget.value)}
          />
        </div>
        <button type="button" id="resume-browse" class="btn" disabled={busy !== null} onClick={browse}>
          찾아보기…
        </button>
        <button type="submit" id="resume-attach" class="btn primary" disabled={path.trim() === "" || busy !== null || dirty}>
          {busy === "attach" ? "첨부 중…" : "첨부"}
        </button>
        <p class="hint-text" id="resume-path-hint">
          HWPX·DOCX·PDF·TXT 파일을 새 판으로 첨부합니다. 이전 판은 그대로 남습니다.
        </p>
      </form>
      {messages}
      {!hasFiles ? (
        <p class="empty" id="resume-empty">
          구직자가 가져온 이력서 파일(HWPX, DOCX, PDF, TXT)을 첨부하면 구성·자격·경력·성과를 찾아 점수와 고칠 점을
          보여 주고, 구인 공고와 키워드를 비교해 분석합니다. 파일은 암호화되어 이 데스크에만 보관되고 동기화되지 않습니다.
        </p>
      ) : (
        <>
          <div class="resume-bar">
            <div class="field grow">
              <label for="resume-vacancy">구인 공고 대비 (선택)</label>
              <select id="resume-vacancy" value={vacancyId} onChange={(e) => setVacancyId(e.currentTarget.value)}>
                <option value="">희망 직종 기준 (공고 없음)</option>
                {recommended.length > 0 && (
                  <optgroup label="추천 공고">
                    {recommended.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </optgroup>
                )}
                {searchedOnly.length > 0 && (
                  <optgroup label="검색한 공고">
                    {searchedOnly.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </div>
            <div class="field">
              <label for="resume-vacancy-search">공고 검색</label>
              <input
                id="resume-vacancy-search"
                type="search"
                value={search}
                placeholder="공고명·회사명"
                aria-describedby="resume-vacancy-found"
                onInput={(e) => setSearch(e.currentTarget.value)}
              />
            </div>
            <p class="hint-text" id="resume-vacancy-found" aria-live="polite">
              {searchNote || "공고명이나 회사명으로 찾은 공고는 ‘구인 공고 대비’ 목록에 더해집니다."}
            </p>
          </div>
          {!shown ? (
            viewFailed ? (
              <p class="muted">이 판의 분석을 보여 줄 수 없습니다.</p>
            ) : (
              <Loading />
            )
          ) : (
            <div class="resume-main">
              <section class="resume-text-col" aria-labelledby="resume-text-title">
                <div class="resume-text-head">
                  <h3 id="resume-text-title">본문</h3>
                  <button
                    type="button"
                    id="resume-edit"
                    class="btn small-btn"
                    aria-pressed={editing}
                    disabled={!saved || dirty || busy !== null}
                    title={dirty ? "수정을 저장하거나 취소하세요" : undefined}
                    onClick={startEdit}
                  >
                    편집
                  </button>
                  {dirty && (
                    <span class="tag unsaved" id="resume-dirty">
                      저장 안 된 수정
                    </span>
                  )}
                </div>
                {editing ? (
                  <>
                    <label for="resume-editor" class="sr-only">
                      이력서 본문 편집
                    </label>
                    <textarea
                      id="resume-editor"
                      ref={editorRef}
                      value={text}
                      spellcheck={false}
                      onInput={(e) => setText(e.currentTarget.value)}
                    />
                    <div class="actions left">
                      <button type="button" class="btn" id="resume-edit-cancel" disabled={busy !== null} onClick={cancelEdit}>
                        취소
                      </button>
                      <button
                        type="button"
                        class="btn primary"
                        id="resume-save-edit"
                        disabled={!dirty || busy !== null}
                        onClick={saveEdit}
                      >
                        {busy === "save-edit" ? "저장 중…" : "새 판으로 저장"}
                      </button>
                    </div>
                  </>
                ) : (
                  <>
                    <Legend />
                    <ResumeText view={shown} flash={flash?.line ?? null} listRef={textRef} />
                  </>
                )}
              </section>
              <div class="resume-side">
                <Score view={shown} analysing={pending} />
                <h3>제안</h3>
                <Suggestions rows={shown.suggestions} decisions={decisions} onDecide={decide} onJump={jump} />
                <h3>자격</h3>
                <Certificates
                  rows={shown.certificates}
                  checked={certs}
                  locked={locked}
                  onToggle={(i) => setCerts((c) => toggle(c, i))}
                  onJump={jump}
                />
                <h3>경력</h3>
                <Jobs
                  view={shown}
                  checked={jobs}
                  locked={locked}
                  onToggle={(i) => setJobs((j) => toggle(j, i))}
                  onJump={jump}
                />
                <div class="actions left">
                  <button
                    type="button"
                    id="resume-confirm"
                    class="btn"
                    disabled={certs.length + jobs.length === 0 || editing || busy !== null}
                    aria-describedby="resume-confirm-hint"
                    onClick={confirm}
                  >
                    {busy === "confirm" ? "반영 중…" : "선택 항목 기록에 반영"}
                  </button>
                </div>
                <p class="hint-text" id="resume-confirm-hint">
                  {editing
                    ? "기록 반영은 저장된 판에서 합니다. 수정은 새 판으로 저장한 뒤 반영하세요."
                    : "체크한 자격과 경력을 구직자 기록에 더합니다. 기록에 이미 있는 것은 다시 넣지 않습니다."}
                </p>
                <h3>구성</h3>
                <Sections id="resume-sections" label="이력서 구성" rows={shown.sections} />
                {shown.intro_parts.length > 0 && (
                  <>
                    <p class="muted small">자기소개 구성</p>
                    <Sections id="resume-intro" label="자기소개 구성" rows={shown.intro_parts} />
                  </>
                )}
                <h3>성과</h3>
                {shown.achievements.length === 0 ? (
                  <p class="empty">숫자로 드러난 성과를 찾지 못했습니다.</p>
                ) : (
                  <ul id="resume-achievements" class="resume-achievements">
                    {shown.achievements.map((a, i) => (
                      <li key={i}>
                        <JumpButton line={a.span.line} onJump={jump}>
                          {a.text}
                        </JumpButton>
                      </li>
                    ))}
                  </ul>
                )}
                {(vacancyId !== "" || shown.keyword_gap.length > 0) && (
                  <>
                    <h3>공고 키워드</h3>
                    <Keywords rows={shown.keyword_gap} analysing={pending} />
                  </>
                )}
              </div>
            </div>
          )}
          {saved && (
            <section class="resume-close" aria-labelledby="resume-close-title">
              <h3 id="resume-close-title">컨설팅 마무리</h3>
              <div class="field">
                <label for="resume-note">상담 메모</label>
                <textarea id="resume-note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              </div>
              <div class="actions left">
                <button
                  type="button"
                  id="resume-pdf"
                  class="btn"
                  disabled={dirty || busy !== null}
                  aria-describedby={dirty ? "resume-close-hint" : undefined}
                  onClick={report}
                >
                  {busy === "pdf" ? "저장 중…" : "PDF 보고서"}
                </button>
                <button
                  type="button"
                  id="resume-save-consulting"
                  class="btn primary"
                  disabled={dirty || busy !== null}
                  aria-describedby={dirty ? "resume-close-hint" : undefined}
                  onClick={saveConsulting}
                >
                  {busy === "consulting" ? "저장 중…" : "컨설팅 기록 저장"}
                </button>
              </div>
              {dirty && (
                <p class="hint-text" id="resume-close-hint">
                  보고서와 컨설팅 기록은 저장된 판으로 만듭니다. 수정을 새 판으로 저장하거나 취소하세요.
                </p>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
