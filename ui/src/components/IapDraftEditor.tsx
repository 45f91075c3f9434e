// IAP 초안 만들기: the desk drafts a goal and monthly activities from the
// diagnosis and the latest 문진; the counselor changes the goal, edits,
// removes or adds rows, and saves the plan at once (nothing is saved before,
// and a bad row is named by its number).

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CaseFileChoices, IapDraft, IapForm, OccupationFitRow } from "../bindings";
import { useFocusFirst } from "../lib/focus";
import { errorText } from "../lib/format";
import { useUnsaved } from "../lib/guard";
import { Loading } from "./FormParts";

type Row = IapForm & { why: string };

export function IapDraftEditor(props: {
  seekerId: string;
  occupations: OccupationFitRow[];
  onSaved: () => void;
  onClose: () => void;
}) {
  const [occupation, setOccupation] = useState(props.occupations[0]?.code ?? "");
  const [draft, setDraft] = useState<IapDraft | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [reason, setReason] = useState("");
  const [choices, setChoices] = useState<CaseFileChoices | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  useUnsaved("iap-draft", dirty);
  const ref = useFocusFirst<HTMLFormElement>(draft !== null && choices !== null);
  useEffect(() => {
    api.caseFileChoices().then(setChoices, setFailure);
  }, []);
  useEffect(() => {
    // Only the answer for the goal chosen last is used: a slower answer
    // for an earlier choice must not replace it (its goal would be saved).
    let current = true;
    setFailure(null);
    api.draftIap(props.seekerId, occupation).then(
      (d) => {
        if (!current) return;
        setDraft(d);
        setReason(d.goal.reason);
        setRows(d.rows.map((r) => ({ seeker_id: props.seekerId, month: r.month, kind: r.kind, description: r.description, why: r.why })));
        setDirty(false);
      },
      (err: UiError) => current && setFailure(err),
    );
    return () => {
      current = false;
    };
  }, [props.seekerId, occupation]);
  if (!draft || !choices) return <Loading failure={failure} />;
  const loading = draft.goal.occupation !== occupation;

  const edit = (i: number, key: keyof IapForm, value: string) => {
    setDirty(true);
    setRows(rows.map((r, n) => (n === i ? { ...r, [key]: value } : r)));
  };
  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    setSaving(true);
    try {
      await api.saveIapPlan({
        goal: { ...draft.goal, reason },
        activities: rows.map(({ why: _why, ...form }) => form),
      });
      setDirty(false);
      props.onSaved();
    } catch (err) {
      setFailure(err as UiError);
    } finally {
      setSaving(false);
    }
  }
  return (
    <form ref={ref} class="iap-draft" id="iap-draft" aria-label="IAP 초안" onSubmit={save}>
      <h3>IAP 초안</h3>
      <p class="muted">{draft.basis}. 저장하기 전에는 아무것도 기록되지 않습니다.</p>
      <div class="grid">
        <label>
          목표 직종
          <select id="draft-goal" value={occupation} onChange={(e) => setOccupation(e.currentTarget.value)}>
            {props.occupations.map((o) => (
              <option value={o.code}>
                {o.name} ({o.code}) · 적합도 {Math.round(o.fit)}
              </option>
            ))}
          </select>
        </label>
        <label>
          목표 설정 사유
          <input
            id="draft-reason"
            value={reason}
            onInput={(e) => {
              setDirty(true);
              setReason(e.currentTarget.value);
            }}
          />
        </label>
      </div>
      {draft.replaces > 0 && (
        <p class="notice" role="status" id="draft-replaces">
          지금 계획에서 아직 이행·점검하지 않은 활동 {draft.replaces}건은 저장하면 '취소(계획 변경)'로 바뀝니다 (기록은 남습니다).
        </p>
      )}
      {draft.notes.map((n) => (
        <p class="hint" key={n}>
          {n}
        </p>
      ))}
      <table id="draft-rows">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">월</th>
            <th scope="col">구분</th>
            <th scope="col">활동 내용</th>
            <th scope="col">근거</th>
            <th scope="col">
              <span class="sr-only">빼기</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>
                <input class="draft-month" aria-label={`${i + 1}번째 활동 월`} value={r.month} size={8} onInput={(e) => edit(i, "month", e.currentTarget.value)} />
              </td>
              <td>
                <select aria-label={`${i + 1}번째 활동 구분`} value={r.kind} onChange={(e) => edit(i, "kind", e.currentTarget.value)}>
                  {choices.iap_kinds.map((c) => (
                    <option value={c.value}>{c.label}</option>
                  ))}
                </select>
              </td>
              <td>
                <input class="draft-description" aria-label={`${i + 1}번째 활동 내용`} value={r.description} onInput={(e) => edit(i, "description", e.currentTarget.value)} />
              </td>
              <td class="wrap muted">{r.why}</td>
              <td>
                <button
                  type="button"
                  class="btn small-btn draft-remove"
                  aria-label={`${i + 1}번째 활동 빼기`}
                  onClick={() => {
                    setDirty(true);
                    setRows(rows.filter((_, n) => n !== i));
                  }}
                >
                  빼기
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions left">
        <button
          type="button"
          class="btn"
          id="draft-add"
          onClick={() => {
            setDirty(true);
            const last = rows[rows.length - 1];
            setRows([...rows, { seeker_id: props.seekerId, month: last?.month ?? "", kind: "job_search", description: "", why: "상담사 추가" }]);
          }}
        >
          활동 추가
        </button>
      </div>
      {failure && (
        <p class="error" role="alert" id="draft-error">
          {errorText(failure)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" onClick={props.onClose}>
          취소
        </button>
        <button type="submit" class="btn primary" id="draft-save" disabled={saving || loading}>
          IAP로 저장
        </button>
      </div>
    </form>
  );
}
