// 취업 등록 and 고용유지 확인: the package's outcomes, recorded from the
// seeker page, from an 알선 at 합격 and from 오늘 할 일. The desk prefills
// each form (new_placement_form, new_retention_form) and checks it on save;
// the page only shows what it says.

import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CompanyRow, OutcomeChoices, PlacementDraft, PlacementForm, PlacementRow, RetentionDraft, RetentionForm } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";
import { setUnsaved, useUnsaved } from "../lib/guard";
import { CodePicker } from "./CodePicker";
import { Field } from "./Field";
import { Loading } from "./FormParts";

function useChoices(): OutcomeChoices | null {
  const [choices, setChoices] = useState<OutcomeChoices | null>(null);
  useEffect(() => {
    api.outcomeChoices().then(setChoices, () => undefined);
  }, []);
  return choices;
}

/** A form the desk prefills (`load`) and checks on `save`; its errors by
 * field, and the first field focused once it is there. */
function useDraft<D extends { form: F }, F>(load: () => Promise<D>, save: (form: F) => Promise<unknown>, onSaved: () => void, deps: readonly unknown[]) {
  const [draft, setDraft] = useState<D | null>(null);
  const [form, setForm] = useState<F | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const [changed, setChanged] = useState(false);
  useUnsaved("outcome-form", changed);
  useEffect(() => {
    load().then((d) => {
      setDraft(d);
      setForm(d.form);
    }, setFailure);
  }, deps);
  useEffect(() => {
    if (form) first.current?.focus();
  }, [form === null]);
  const set = <K extends keyof F>(key: K, value: F[K]) => {
    setChanged(true);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };
  return {
    draft,
    form,
    set,
    replace: (next: F) => {
      setChanged(true);
      setForm(next);
    },
    errors,
    failure,
    saving,
    submit: async (e: Event) => {
      e.preventDefault();
      if (!form || saving) return;
      setSaving(true);
      try {
        await save(form);
        setChanged(false);
        setUnsaved("outcome-form", false);
        onSaved();
      } catch (err) {
        const ui = err as UiError;
        setFailure(ui);
        setErrors(byField(ui.fields));
      } finally {
        setSaving(false);
      }
    },
    first,
  };
}

/** The foot of an outcome form: why a save failed, 취소 and the save button. */
function EditorFoot(props: { failure: UiError | null; saveId: string; label: string; saving: boolean; onCancel: () => void }) {
  return (
    <>
      {props.failure && (
        <p class="error" role="alert">
          {errorText(props.failure)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" onClick={props.onCancel}>
          취소
        </button>
        <button type="submit" id={props.saveId} class="btn primary" disabled={props.saving}>
          {props.label}
        </button>
      </div>
    </>
  );
}

/** Companies of the caseload whose name starts like the typed employer. */
function EmployerSuggestions(props: { text: string; chosen: string; onPick: (c: CompanyRow) => void }) {
  const [hits, setHits] = useState<CompanyRow[]>([]);
  useEffect(() => {
    const text = props.text.trim();
    if (text.length === 0 || props.chosen) {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      api
        .companyList({ text, status: null, industrial_complex: null, focus: null, offset: 0, limit: 5 })
        .then((p) => setHits(p.items), () => setHits([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [props.text, props.chosen]);
  if (hits.length === 0) return null;
  return (
    <ul class="suggestions" aria-label="사례관리 기업">
      {hits.map((c) => (
        <li key={c.id}>
          <button type="button" class="row-link" onClick={() => props.onPick(c)}>
            {c.name} <span class="muted small">{c.region}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** 취업 등록. From an 알선 (`applicationId`), the vacancy fills it in. */
export function PlacementEditor(props: { seekerId: string; applicationId: string; onSaved: () => void; onCancel: () => void }) {
  const choices = useChoices();
  const { draft, form, set, replace, errors, failure, saving, submit, first } = useDraft<PlacementDraft, PlacementForm>(
    () => api.newPlacementForm(props.seekerId, props.applicationId),
    api.addPlacement,
    props.onSaved,
    [props.seekerId, props.applicationId],
  );
  if (!draft || !form || !choices) return <Loading failure={failure} />;
  const input = (name: keyof PlacementForm, extra: Record<string, unknown> = {}) => ({
    id: `f-${name}`,
    value: form[name] as string,
    "aria-invalid": errors[name] ? true : undefined,
    onInput: (e: Event) => set(name, (e.currentTarget as HTMLInputElement).value as never),
    ...extra,
  });
  return (
    <form class="outcome-form" aria-label="취업 등록" id="placement-form" onSubmit={submit}>
      <h3>{draft.seeker_name} 취업 등록</h3>
      <div class="grid">
        <Field name="employer" label="취업처" required errors={errors} hint={form.company_id ? "사례관리 기업에서 골랐습니다." : "기업명을 입력하면 사례관리 기업을 찾아 줍니다."}>
          <input
            {...input("employer", { ref: first })}
            onInput={(e) => replace({ ...form, employer: e.currentTarget.value, company_id: "", vacancy_id: form.application_id ? form.vacancy_id : "" })}
          />
          <EmployerSuggestions text={form.employer} chosen={form.company_id} onPick={(c) => replace({ ...form, employer: c.name, company_id: c.id })} />
        </Field>
        <Field name="started_on" label="취업일(입사일)" required errors={errors}>
          <input {...input("started_on")} placeholder="YYYY-MM-DD" />
        </Field>
        <Field name="employment" label="고용형태" required errors={errors}>
          <select id="f-employment" value={form.employment} onChange={(e) => set("employment", e.currentTarget.value)}>
            {choices.employment_types.map((c) => (
              <option value={c.value}>{c.label}</option>
            ))}
          </select>
        </Field>
        <Field name="wage_manwon" label="월 임금 (만원)" errors={errors} hint="예: 월 250만원 → 250">
          <input {...input("wage_manwon")} inputMode="decimal" />
        </Field>
        <Field name="weekly_hours" label="주 근로시간" errors={errors} hint="최대 52시간">
          <input {...input("weekly_hours")} inputMode="numeric" />
        </Field>
        <Field name="occupation" label="취업직종" errors={errors}>
          <CodePicker id="f-occupation" label="취업직종" list="keco" value={form.occupation ? [form.occupation] : []} onChange={(codes) => set("occupation", codes[0] ?? "")} />
        </Field>
      </div>
      {!draft.employed && (
        <label class="check">
          <input type="checkbox" id="f-mark_employed" checked={form.mark_employed} onChange={(e) => set("mark_employed", e.currentTarget.checked)} />
          진행상태를 '{draft.status_label}'에서 '취업'으로 바꿉니다 (추천 일자리에서 빠집니다)
        </label>
      )}
      <EditorFoot failure={failure} saveId="placement-save" label="취업 등록" saving={saving} onCancel={props.onCancel} />
    </form>
  );
}

/** 고용유지 확인 for one placement's 3-, 6- or 12-month check. */
export function RetentionEditor(props: { placementId: string; months: number; onSaved: () => void; onCancel: () => void }) {
  const choices = useChoices();
  const { draft, form, set, errors, failure, saving, submit, first } = useDraft<RetentionDraft, RetentionForm>(
    () => api.newRetentionForm(props.placementId, props.months),
    api.addRetention,
    props.onSaved,
    [props.placementId, props.months],
  );
  if (!draft || !form || !choices) return <Loading failure={failure} />;
  return (
    <form class="outcome-form" aria-label="고용유지 확인" id="retention-form" onSubmit={submit}>
      <h3>
        {draft.seeker_name} · {draft.employer} {form.months}개월 고용유지 확인
      </h3>
      <p class="muted">
        취업일 {draft.placed_on} · 확인 예정일 {draft.due_on}
      </p>
      <fieldset class="choice-row">
        <legend>재직 여부</legend>
        <label class="check">
          <input type="radio" name="still_employed" id="f-still_employed-yes" checked={form.still_employed} onChange={() => set("still_employed", true)} />
          재직 중
        </label>
        <label class="check">
          <input type="radio" name="still_employed" id="f-still_employed-no" checked={!form.still_employed} onChange={() => set("still_employed", false)} />
          퇴사
        </label>
      </fieldset>
      <div class="grid">
        <Field name="checked_on" label="확인일" required errors={errors}>
          <input id="f-checked_on" ref={first} value={form.checked_on} placeholder="YYYY-MM-DD" onInput={(e) => set("checked_on", e.currentTarget.value)} />
        </Field>
        <Field name="method" label="확인 방법" required errors={errors}>
          <select id="f-method" value={form.method} onChange={(e) => set("method", e.currentTarget.value)}>
            {choices.contact_modes.map((c) => (
              <option value={c.value}>{c.label}</option>
            ))}
          </select>
        </Field>
        {!form.still_employed && (
          <>
            <Field name="left_on" label="퇴사일" errors={errors}>
              <input id="f-left_on" value={form.left_on} placeholder="YYYY-MM-DD" onInput={(e) => set("left_on", e.currentTarget.value)} />
            </Field>
            <Field name="left_reason" label="퇴사 사유" required errors={errors}>
              <select id="f-left_reason" value={form.left_reason} onChange={(e) => set("left_reason", e.currentTarget.value)}>
                <option value="">선택</option>
                {choices.left_reasons.map((c) => (
                  <option value={c.value}>{c.label}</option>
                ))}
              </select>
            </Field>
          </>
        )}
      </div>
      <Field name="note" label="메모" errors={errors}>
        <input id="f-note" value={form.note} onInput={(e) => set("note", e.currentTarget.value)} />
      </Field>
      {!form.still_employed && (
        <label class="check">
          <input type="checkbox" id="f-mark_job_search" checked={form.mark_job_search} onChange={(e) => set("mark_job_search", e.currentTarget.checked)} />
          진행상태를 '취업지원'으로 되돌려 다시 일자리를 찾습니다
        </label>
      )}
      <EditorFoot failure={failure} saveId="retention-save" label="확인 기록" saving={saving} onCancel={props.onCancel} />
    </form>
  );
}

/** The 취업·사후관리 tab: each placement with its three checks; a check that
 * is open offers 유지 확인. */
export function Placements(props: { rows: PlacementRow[]; onCheck: (placementId: string, months: number) => void }) {
  if (props.rows.length === 0) return <p class="empty">취업 기록이 없습니다.</p>;
  return (
    <ul class="placements">
      {props.rows.map((p) => (
        <li key={p.id} class="placement" data-id={p.id}>
          <div>
            <strong>{p.employer}</strong> <span class="muted">{p.started_on} 취업</span>
            <div class="muted small">{p.summary}</div>
            {p.minimum_wage && (
              <div class={p.minimum_wage_attention ? "small warn-text" : "muted small"}>최저임금: {p.minimum_wage}</div>
            )}
          </div>
          <table class="retention-checks">
            <thead>
              <tr>
                <th scope="col">확인 시점</th>
                <th scope="col">예정일</th>
                <th scope="col">결과</th>
              </tr>
            </thead>
            <tbody>
              {p.checks.map((c) => (
                <tr key={c.months}>
                  <td>{c.months}개월</td>
                  <td>{c.due_on}</td>
                  <td>
                    {c.done ??
                      (c.ended ? (
                        <span class="muted">퇴사로 종료</span>
                      ) : c.can_record ? (
                        <button type="button" class="btn small-btn primary check-record" data-months={c.months} onClick={() => props.onCheck(p.id, c.months)}>
                          유지 확인
                        </button>
                      ) : (
                        <span class="muted">예정</span>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ul>
  );
}
