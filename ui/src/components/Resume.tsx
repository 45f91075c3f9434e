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
import { editorRange } from "../lib/resumeLines";
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

/** Whether two sets of decisions are the same (absent: undecided). */
export function sameDecisions(a: Record<string, Decision>, b: Record<string, Decision>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((id) => a[id] === b[id]);
}

/** Decisions kept to the suggestions an analysis holds. */
function onlyIds(d: Record<string, Decision> | undefined, ids: Set<string>): Record<string, Decision> {
  return Object.fromEntries(Object.entries(d ?? {}).filter(([id]) => ids.has(id)));
}

/** An analysis and what it answers: `key` the version and vacancy, `req`
 * the request (the key and the reload count). */
interface Loaded {
  key: string;
  req: string;
  view: ResumeDeskView;
}

type Busy = "attach" | "browse" | "save-edit" | "confirm" | "pdf" | "consulting" | null;

export function Resume({ seekerId, onRecordChanged }: { seekerId: string; onRecordChanged?: () => void }) {
  // The versions, newest first; null while they load.
  const [files, setFiles] = useState<ResumeFileView[] | null>(null);
  const [fileId, setFileId] = useState("");
  const [vacancyId, setVacancyId] = useState("");
  // The analysis of the saved version against the vacancy chosen, and
  // which request it answers: it is shown only for that version and
  // vacancy; another request for them pending (after 기록에 반영) shows
  // 분석 중 on it.
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // The request that failed, if the newest did.
  const [failedReq, setFailedReq] = useState("");
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState<Busy>(null);
  const [path, setPath] = useState("");
  // Editing: the text it started from, the text typed and the analysis of
  // it (null: not yet back), with the version and vacancy it is against.
  const [editing, setEditing] = useState(false);
  const [editBase, setEditBase] = useState("");
  const [text, setText] = useState("");
  const [editView, setEditView] = useState<{ key: string; view: ResumeDeskView } | null>(null);
  const [analysing, setAnalysing] = useState(false);
  // The counselor's choices for this version. 수용/보류 by vacancy (its
  // analysis has its own suggestions), and those last saved as a
  // consulting record, to know what is not saved yet.
  const [decisionsBy, setDecisionsBy] = useState<Record<string, Record<string, Decision>>>({});
  const [sentBy, setSentBy] = useState<Record<string, Record<string, Decision>>>({});
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
    setNote("");
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
    setDecisionsBy({});
    setSentBy({});
    setCerts([]);
    setJobs([]);
    setEditing(false);
    setEditView(null);
  }, [fileId]);

  // The saved version's analysis (again after 기록에 반영: in_record changes).
  useEffect(() => {
    setFailedReq("");
    // A failure to analyse another version (or vacancy) is not this one's.
    setError(null);
    if (!fileId) {
      setLoaded(null);
      return;
    }
    let live = true;
    const key = `${fileId}|${vacancyId}`;
    const req = `${key}|${reload}`;
    viewCall(seekerId, fileId, vacancyId || null).then(
      (r) => {
        if (!live || r.stale) return;
        setLoaded({ key, req, view: r.value });
      },
      (e: unknown) => {
        if (!live) return;
        setError(toUiError(e));
        setFailedReq(req);
      },
    );
    return () => {
      live = false;
    };
  }, [seekerId, fileId, vacancyId, reload]);

  // What a re-analysis no longer holds is no longer decided or checked.
  useEffect(() => {
    if (!loaded) return;
    const { key, view } = loaded;
    const ids = new Set(view.suggestions.map((s) => s.id));
    setDecisionsBy((d) => ({ ...d, [key]: onlyIds(d[key], ids) }));
    setSentBy((d) => ({ ...d, [key]: onlyIds(d[key], ids) }));
    const okCerts = new Set(view.certificates.filter((c) => c.confirmable && !c.in_record).map((c) => c.index));
    setCerts((c) => c.filter((i) => okCerts.has(i)));
    const okJobs = new Set(view.employments.filter((e) => !e.blocked && !e.in_record).map((e) => e.index));
    setJobs((j) => j.filter((i) => okJobs.has(i)));
  }, [loaded]);

  // Never an analysis of another version or vacancy than the ones chosen,
  // nor one the newest request for them failed to renew.
  const curKey = `${fileId}|${vacancyId}`;
  const curReq = `${curKey}|${reload}`;
  const viewFailed = failedReq !== "" && failedReq === curReq;
  const viewPending = !viewFailed && loaded?.req !== curReq;
  const saved =
    !viewFailed && loaded && loaded.key === curKey && loaded.view.file.id === fileId ? loaded.view : null;
  const savedText = saved ? saved.lines.join("\n") : "";
  const dirty = editing && text !== editBase;
  const decisions = useMemo(() => decisionsBy[curKey] ?? {}, [decisionsBy, curKey]);
  const undecidedSaved = Object.keys(decisionsBy).some((k) => !sameDecisions(decisionsBy[k] ?? {}, sentBy[k] ?? {}));
  useUnsaved("resume-edit", dirty);
  useUnsaved("resume-note", note.trim() !== "");
  useUnsaved("resume-decisions", undecidedSaved);

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
          setEditView({ key: `${fileId}|${vacancyId}`, view: r.value });
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
  // While typing, the analysis of the typed text (against the vacancy
  // chosen) once it is back.
  const shown =
    editing && dirty && editView && editView.key === curKey && editView.view.file.id === fileId
      ? editView.view
      : saved;
  const pending = analysing || viewPending;
  // Reports, consulting records and 기록에 반영 go from the saved version's
  // analysis against the vacancy chosen, once it is here.
  const current = saved !== null && !viewPending;

  function jump(line: number) {
    if (editing) {
      const el = editorRef.current;
      if (!el) return;
      // The analysis numbers lines as the engine does (blank ones dropped,
      // long ones cut): find that line in the editor.
      const r = editorRange(el.value, line);
      el.focus();
      if (r) el.setSelectionRange(r.start, r.end);
      return;
    }
    const li = textRef.current?.querySelector<HTMLLIElement>(`li[data-line="${line}"]`);
    if (!li) return;
    li.scrollIntoView?.({ block: "center", behavior: "smooth" });
    li.focus({ preventScroll: true });
    setFlash({ line, at: Date.now() });
  }

  const decide = (id: string, d: Decision) => {
    // 수용/보류 are the saved version's: an edit's suggestions are not.
    if (editing || !saved) return;
    setDecisionsBy((all) => {
      const next = { ...(all[curKey] ?? {}) };
      if (next[id] === d) delete next[id];
      else next[id] = d;
      return { ...all, [curKey]: next };
    });
  };
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
    setEditBase(savedText);
    setText(savedText);
    setEditView(null);
    setEditing(true);
  };
  const cancelEdit = () => {
    setEditing(false);
    setText(editBase);
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
  const confirm = () => {
    if (!current || editing) return;
    void run("confirm", async () => {
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
  };
  const report = () => {
    if (!current || dirty) return;
    void run("pdf", async () => {
      const out = await api.saveResumeReport(seekerId, fileId, vacancyId || null);
      setStatus(`저장했습니다: ${out.path}`);
    });
  };
  const saveConsulting = () => {
    if (!saved || !current || dirty) return;
    const key = curKey;
    // Only the ids of this analysis: a choice made on another is not sent.
    const sent = onlyIds(decisions, new Set(saved.suggestions.map((s) => s.id)));
    void run("consulting", async () => {
      await api.saveResumeConsulting({
        seeker_id: seekerId,
        file_id: fileId,
        vacancy_id: vacancyId || null,
        accepted: saved.suggestions.filter((s) => sent[s.id] === "accept").map((s) => s.id),
        rejected: saved.suggestions.filter((s) => sent[s.id] === "hold").map((s) => s.id),
        note: note.trim(),
      });
      setSentBy((all) => ({ ...all, [key]: sent }));
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
  const locked = editing || busy !== null || !current;
  const closeHint = dirty
    ? "보고서와 컨설팅 기록은 저장된 판으로 만듭니다. 수정을 새 판으로 저장하거나 취소하세요."
    : !current
      ? viewFailed
        ? "분석을 받지 못해 보고서와 컨설팅 기록을 만들 수 없습니다."
        : "분석이 끝나면 보고서와 컨설팅 기록을 만들 수 있습니다."
      : "";
  const waiting = viewFailed ? (
    <p class="muted" id="resume-view-failed">
      {vacancyId ? "고른 공고 대비 분석을 보여 줄 수 없습니다." : "이 판의 분석을 보여 줄 수 없습니다."}{" "}
      <button type="button" class="btn small-btn" id="resume-retry" onClick={() => setReload((n) => n + 1)}>
        다시 분석
      </button>
    </p>
  ) : (
    <Loading />
  );

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
          {!shown && !editing ? (
            waiting
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
                    disabled={(!saved && !editing) || dirty || busy !== null}
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
                      // What is typed while it is saved would be lost.
                      readOnly={busy === "save-edit"}
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
                  shown && (
                    <>
                      <Legend />
                      <ResumeText view={shown} flash={flash?.line ?? null} listRef={textRef} />
                    </>
                  )
                )}
              </section>
              {!shown ? (
                <div class="resume-side">{waiting}</div>
              ) : (
                <div class="resume-side">
                  <Score view={shown} analysing={pending} />
                  <h3>제안</h3>
                  <Suggestions
                    rows={shown.suggestions}
                    // Another analysis's ids name other suggestions.
                    decisions={shown === saved ? decisions : {}}
                    locked={editing}
                    onDecide={decide}
                    onJump={jump}
                  />
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
                      disabled={certs.length + jobs.length === 0 || editing || busy !== null || !current}
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
              )}
            </div>
          )}
          {fileId !== "" && (
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
                  disabled={dirty || busy !== null || !current}
                  aria-describedby={closeHint ? "resume-close-hint" : undefined}
                  onClick={report}
                >
                  {busy === "pdf" ? "저장 중…" : "PDF 보고서"}
                </button>
                <button
                  type="button"
                  id="resume-save-consulting"
                  class="btn primary"
                  disabled={dirty || busy !== null || !current}
                  aria-describedby={closeHint ? "resume-close-hint" : undefined}
                  onClick={saveConsulting}
                >
                  {busy === "consulting" ? "저장 중…" : "컨설팅 기록 저장"}
                </button>
              </div>
              {closeHint && (
                <p class="hint-text" id="resume-close-hint">
                  {closeHint}
                </p>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
