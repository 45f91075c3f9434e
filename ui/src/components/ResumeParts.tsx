// The parts of the 이력서 tab (Resume.tsx): the text with its findings
// marked, and the analysis blocks beside it — score and reasons,
// suggestions, certificates, jobs, sections and the keyword gap. Each lays
// out what the desk sent; the choices stay with the tab.

import { useMemo } from "preact/hooks";
import type {
  ResumeCertificateRow,
  ResumeDeskView,
  ResumeEmploymentRow,
  ResumeFileView,
  ResumeKeywordRow,
  ResumeSectionRow,
  ResumeSuggestionRow,
} from "../bindings";
import { splitLine, type LineMark } from "../lib/spans";
import { moment } from "../lib/format";

/** The kinds of marks in the text, as their CSS classes. */
export type MarkKind = "cert" | "job" | "achv" | "sugg";
const MARK_LABEL: Record<MarkKind, string> = { cert: "자격", job: "경력 기간", achv: "성과", sugg: "제안" };

/** What the counselor made of a suggestion; absent: not decided. */
export type Decision = "accept" | "hold";

/** "3번째 판 · 이력서.hwpx · 2026-11-20 14:05 (수정본: 2판에서)". */
export function versionLabel(f: ResumeFileView): string {
  const base = `${f.version}번째 판 · ${f.file_name} · ${moment(f.added_at) || f.added_at}`;
  return f.based_on !== null ? `${base} (수정본: ${f.based_on}판에서)` : base;
}

/** The marks of a view's findings, by line: findings first, then
 * suggestions, so a finding wins where a suggestion points at the same text. */
export function marksByLine(view: ResumeDeskView): Map<number, LineMark<MarkKind>[]> {
  const byLine = new Map<number, LineMark<MarkKind>[]>();
  const add = (span: { line: number; start: number; end: number } | null, kind: MarkKind) => {
    if (!span) return;
    const list = byLine.get(span.line) ?? [];
    list.push({ start: span.start, end: span.end, kind });
    byLine.set(span.line, list);
  };
  for (const c of view.certificates) add(c.span, "cert");
  for (const e of view.employments) add(e.span, "job");
  for (const a of view.achievements) add(a.span, "achv");
  for (const s of view.suggestions) add(s.span, "sugg");
  return byLine;
}

/** The text as lines, the findings marked. */
export function ResumeText(props: {
  view: ResumeDeskView;
  flash: number | null;
  listRef: { current: HTMLOListElement | null };
}) {
  const marks = useMemo(() => marksByLine(props.view), [props.view]);
  return (
    <ol id="resume-text" ref={props.listRef} aria-label="이력서 본문" tabIndex={0}>
      {props.view.lines.map((line, i) => (
        <li key={i} data-line={i} tabIndex={-1} class={props.flash === i ? "flash" : undefined}>
          {splitLine(line, marks.get(i) ?? []).map((p, j) =>
            p.mark ? (
              <mark key={j} class={p.mark.kind} title={MARK_LABEL[p.mark.kind]}>
                {p.text}
              </mark>
            ) : (
              p.text
            ),
          )}
        </li>
      ))}
    </ol>
  );
}

export function Legend() {
  return (
    <ul class="resume-legend" aria-label="표시 색">
      {(Object.keys(MARK_LABEL) as MarkKind[]).map((k) => (
        <li key={k}>
          <mark class={k}>{MARK_LABEL[k]}</mark>
        </li>
      ))}
    </ul>
  );
}

/** A finding's name that takes the counselor to its line. */
export function JumpButton(props: { line: number; onJump: (line: number) => void; children: string }) {
  return (
    <button
      type="button"
      class="row-link"
      aria-label={`${props.children} — 본문 ${props.line + 1}행으로 이동`}
      onClick={() => props.onJump(props.line)}
    >
      {props.children}
    </button>
  );
}

export function Score(props: { view: ResumeDeskView; analysing: boolean }) {
  const v = props.view;
  const sum = v.reasons.reduce((n, r) => n + r.points, 0);
  const max = v.reasons.reduce((n, r) => n + r.max, 0);
  return (
    <section id="resume-score" aria-labelledby="resume-score-title" class="resume-score">
      <h3 id="resume-score-title" class="sr-only">
        점수
      </h3>
      <p class="resume-score-big">
        <strong>{v.score}점</strong> <span class="muted">/ 100</span>
        {props.analysing && <span class="muted small resume-analysing"> 분석 중…</span>}
      </p>
      <p id="resume-industry" class={v.industry ? undefined : "muted"}>
        {v.industry ?? "업종 기준 없음 — 희망 직종을 입력하면 해당 업종 기준으로 봅니다"}
      </p>
      {v.vacancy && <p id="resume-against">공고 대비: {v.vacancy}</p>}
      <p class="muted small">
        {v.as_of} 기준 · 채점 기준 {v.rubric_version}
      </p>
      <div class="table-wrap">
        <table id="resume-reasons">
          <caption class="sr-only">점수의 근거</caption>
          <thead>
            <tr>
              <th scope="col">항목</th>
              <th scope="col">점수</th>
              <th scope="col">근거</th>
            </tr>
          </thead>
          <tbody>
            {v.reasons.map((r, i) => (
              <tr key={`${r.part}-${i}`}>
                <td>{r.part}</td>
                <td>
                  {r.points} / {r.max}
                </td>
                <td class="wrap">{r.text}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="sum">
              <th scope="row">합계</th>
              <td>
                <strong>{sum}</strong> / {max}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function Suggestions(props: {
  rows: ResumeSuggestionRow[];
  decisions: Record<string, Decision>;
  /** Editing: 수용/보류 are decided on the saved version, not the edit. */
  locked: boolean;
  onDecide: (id: string, d: Decision) => void;
  onJump: (line: number) => void;
}) {
  if (props.rows.length === 0) return <p class="empty">제안할 것이 없습니다.</p>;
  const hint = props.locked ? "resume-decide-hint" : undefined;
  const accepted = props.rows.filter((s) => props.decisions[s.id] === "accept").length;
  const rejected = props.rows.filter((s) => props.decisions[s.id] === "hold").length;
  return (
    <>
      <p class="muted small" id="resume-decided">
        수용 {accepted} · 보류 {rejected} · 미정 {props.rows.length - accepted - rejected}
      </p>
      {props.locked && (
        <p class="hint-text" id="resume-decide-hint">
          수용·보류는 저장된 판에서 정합니다
        </p>
      )}
      <ul id="resume-suggestions" class="resume-suggestions">
        {props.rows.map((s) => {
          const d = props.decisions[s.id];
          return (
            <li key={s.id} data-id={s.id} class={d ?? undefined}>
              <span class="resume-sugg-text">
                {s.span ? <JumpButton line={s.span.line} onJump={props.onJump}>{s.text}</JumpButton> : s.text}
              </span>
              {s.adds > 0 && (
                <span class="count-badge" title={`수용하면 ${s.adds}점 오름`}>
                  +{s.adds}
                </span>
              )}
              <span class="row-actions" role="group" aria-label={`제안: ${s.text}`}>
                <button
                  type="button"
                  class="btn small-btn toggle accept"
                  aria-pressed={d === "accept"}
                  aria-describedby={hint}
                  disabled={props.locked}
                  onClick={() => props.onDecide(s.id, "accept")}
                >
                  수용
                </button>
                <button
                  type="button"
                  class="btn small-btn toggle hold"
                  aria-pressed={d === "hold"}
                  aria-describedby={hint}
                  disabled={props.locked}
                  onClick={() => props.onDecide(s.id, "hold")}
                >
                  보류
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function Certificates(props: {
  rows: ResumeCertificateRow[];
  checked: number[];
  locked: boolean;
  onToggle: (index: number) => void;
  onJump: (line: number) => void;
}) {
  if (props.rows.length === 0) return <p class="empty">이력서에서 자격을 찾지 못했습니다.</p>;
  return (
    <div class="table-wrap">
      <table id="resume-certs">
        <caption class="sr-only">이력서의 자격</caption>
        <thead>
          <tr>
            <th scope="col">자격</th>
            <th scope="col">구분</th>
            <th scope="col">상태</th>
            <th scope="col">기록에 반영</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((c) => {
            const open = c.confirmable && !c.in_record;
            return (
              <tr key={c.index} data-status={c.status}>
                <td class="wrap">
                  <JumpButton line={c.span.line} onJump={props.onJump}>
                    {c.name}
                  </JumpButton>
                  {c.national && c.national !== c.name && <span class="muted"> ({c.national})</span>}
                </td>
                <td class="wrap">{c.kind}</td>
                <td>
                  <span class={`tag cert-${c.status}`}>{c.status_label}</span>
                </td>
                <td>
                  <label class="check">
                    <input
                      type="checkbox"
                      data-cert={c.index}
                      aria-label={`${c.name} 기록에 반영`}
                      checked={open && props.checked.includes(c.index)}
                      disabled={!open || props.locked}
                      onChange={() => props.onToggle(c.index)}
                    />
                    {c.in_record ? (
                      <span class="muted">기록에 있음</span>
                    ) : !c.confirmable ? (
                      <span class="muted">취득한 자격만 반영</span>
                    ) : null}
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Jobs(props: {
  view: ResumeDeskView;
  checked: number[];
  locked: boolean;
  onToggle: (index: number) => void;
  onJump: (line: number) => void;
}) {
  const { employments, experience, gaps, overlaps } = props.view;
  return (
    <>
      {employments.length === 0 ? (
        <p class="empty">이력서에서 경력 기간을 찾지 못했습니다.</p>
      ) : (
        <div class="table-wrap">
          <table id="resume-jobs">
            <caption class="sr-only">이력서의 경력</caption>
            <thead>
              <tr>
                <th scope="col">회사</th>
                <th scope="col">직무</th>
                <th scope="col">기간</th>
                <th scope="col">근무 기간</th>
                <th scope="col">기록에 반영</th>
              </tr>
            </thead>
            <tbody>
              {employments.map((e: ResumeEmploymentRow) => {
                const open = !e.blocked && !e.in_record;
                const hint = e.blocked ? `resume-job-${e.index}-blocked` : undefined;
                const what = e.company ?? "회사명 없음";
                return (
                  <tr key={e.index}>
                    <td class="wrap">
                      <JumpButton line={e.span.line} onJump={props.onJump}>
                        {what}
                      </JumpButton>
                    </td>
                    <td class="wrap">{e.title ?? <span class="muted">—</span>}</td>
                    <td>
                      {e.start} ~ {e.end ?? "재직 중"}
                    </td>
                    <td>{e.length}</td>
                    <td class="wrap">
                      <label class="check">
                        <input
                          type="checkbox"
                          data-job={e.index}
                          aria-label={`${what} 경력 기록에 반영`}
                          aria-describedby={hint}
                          checked={open && props.checked.includes(e.index)}
                          disabled={!open || props.locked}
                          onChange={() => props.onToggle(e.index)}
                        />
                        {e.in_record && <span class="muted">기록에 있음</span>}
                      </label>
                      {e.blocked && (
                        <p class="hint-text" id={hint}>
                          {e.blocked}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p id="resume-experience">
        총 경력 <strong>{experience}</strong>
      </p>
      <p id="resume-gaps" class={gaps.length ? undefined : "muted"}>
        공백: {gaps.length ? gaps.join(", ") : "없음"}
      </p>
      <p id="resume-overlaps" class={overlaps.length ? undefined : "muted"}>
        겹친 기간: {overlaps.length ? overlaps.join(", ") : "없음"}
      </p>
    </>
  );
}

export function Sections(props: { id: string; label: string; rows: ResumeSectionRow[] }) {
  if (props.rows.length === 0) return null;
  return (
    <ul id={props.id} class="resume-sections" aria-label={props.label}>
      {props.rows.map((s) => (
        <li key={s.name} class={s.present ? "present" : "missing"}>
          <span aria-hidden="true">{s.present ? "✓" : "✗"}</span> {s.name}
          <span class="sr-only">{s.present ? " 있음" : " 없음"}</span>
          {s.present && !s.headed && <span class="small"> (내용으로 판단)</span>}
        </li>
      ))}
    </ul>
  );
}

export function Keywords(props: { rows: ResumeKeywordRow[]; analysing: boolean }) {
  if (props.rows.length === 0)
    return <p class="empty">{props.analysing ? "분석 중…" : "공고에서 비교할 키워드를 찾지 못했습니다."}</p>;
  // Required rows first, the desk's order kept within each group.
  const rows = [...props.rows].sort((a, b) => Number(b.required) - Number(a.required));
  return (
    <div class="table-wrap">
      <table id="resume-keywords">
        <caption class="sr-only">공고 키워드 대비</caption>
        <thead>
          <tr>
            <th scope="col">키워드</th>
            <th scope="col">구분</th>
            <th scope="col">공고</th>
            <th scope="col">이력서</th>
            <th scope="col">찾은 곳</th>
            <th scope="col">제안</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => (
            <tr key={`${k.kind}-${k.keyword}`} class={k.required ? "required" : undefined}>
              <td class="name">{k.keyword}</td>
              <td>
                {k.kind}
                {k.required && <span class="tag required-tag"> 필수</span>}
              </td>
              <td>{k.in_posting}</td>
              <td class={k.in_resume === 0 ? "warn-text" : undefined}>{k.in_resume}</td>
              <td class="wrap">{k.found_in || <span class="muted">—</span>}</td>
              <td class="wrap">{k.suggestion ?? <span class="muted">있음</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
