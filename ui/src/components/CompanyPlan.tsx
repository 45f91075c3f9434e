// 컨설팅 계획 tab of a company: what the plan brought (hires through the
// center and their 3-month retention), the actions with owner, due date and
// status — a change is saved as a new version, the earlier ones kept as
// history — and the form to add or change one.

import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CompanyPlanView, PlanActionForm, PlanActionRow } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";
import { useUnsaved } from "../lib/guard";
import { FieldMessages, Loading } from "./FormParts";

/** The desk commands the tab uses (tests pass their own). */
export type PlanDesk = Pick<typeof api, "companyPlan" | "savePlanAction">;

type Key = Exclude<keyof PlanActionForm, "company_id" | "id">;

const KEYS: readonly string[] = ["kind", "description", "owner", "due_on", "status", "follow_up_on", "vacancy_id", "subsidy", "result"];

function blankForm(companyId: string, view: CompanyPlanView): PlanActionForm {
  return {
    company_id: companyId,
    id: "",
    kind: "",
    description: "",
    owner: "",
    due_on: "",
    status: view.statuses[0]?.value ?? "",
    follow_up_on: "",
    vacancy_id: "",
    subsidy: "",
    result: "",
  };
}

function editForm(companyId: string, row: PlanActionRow): PlanActionForm {
  return {
    company_id: companyId,
    id: row.id,
    kind: row.kind,
    description: row.description,
    owner: row.owner,
    due_on: row.due_on,
    status: row.status,
    follow_up_on: row.follow_up_on,
    vacancy_id: row.vacancy_id,
    subsidy: row.subsidy,
    result: row.result,
  };
}

function sameForm(a: PlanActionForm, b: PlanActionForm): boolean {
  return (Object.keys(a) as (keyof PlanActionForm)[]).every((k) => a[k] === b[k]);
}

/** A labelled field of the action form with its errors under it. */
function PlanField(props: { name: Key; label: string; required?: boolean; errors: FieldErrors; wide?: boolean; children: ComponentChildren }) {
  const messages = props.errors[props.name] ?? [];
  const cls = ["field", props.wide ? "wide" : "", messages.length ? "invalid" : ""].filter(Boolean).join(" ");
  return (
    <div class={cls}>
      <label for={`plan-${props.name}`}>
        {props.label}
        {props.required && <span class="required" aria-hidden="true"> *</span>}
      </label>
      {props.children}
      <FieldMessages messages={messages} id={`plan-${props.name}`} />
    </div>
  );
}

export function CompanyPlan(props: { companyId: string; desk?: PlanDesk }) {
  const desk = props.desk ?? api;
  const { companyId } = props;
  const [view, setView] = useState<CompanyPlanView | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  // The form on screen (null: none) and what it started from.
  const [form, setForm] = useState<PlanActionForm | null>(null);
  const [start, setStart] = useState<PlanActionForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useUnsaved(`company-plan-${companyId}`, form !== null && start !== null && !sameForm(form, start));

  const load = () => desk.companyPlan(companyId).then(setView, setFailure);
  useEffect(() => {
    setView(null);
    setFailure(null);
    setForm(null);
    setSaved(false);
    load();
  }, [companyId]);

  if (!view) return <Loading failure={failure} />;

  const open = (f: PlanActionForm) => {
    setForm(f);
    setStart(f);
    setErrors({});
    setSaveError(null);
    setSaved(false);
    // The form sits above the table: bring it into view for an edit.
    setTimeout(() => document.getElementById("plan-kind")?.focus(), 0);
  };
  const close = () => {
    setForm(null);
    setStart(null);
    setErrors({});
    setSaveError(null);
  };
  const set = (key: Key) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };
  const invalid = (key: Key) => (errors[key] ? true : undefined);
  const described = (key: Key) => (errors[key] ? `plan-${key}-error` : undefined);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    setSaving(true);
    setSaveError(null);
    try {
      await desk.savePlanAction(form);
      close();
      await load();
      setSaved(true);
    } catch (err) {
      const ui = err as UiError;
      setSaveError(ui);
      setErrors(byField(ui.fields));
    } finally {
      setSaving(false);
    }
  };

  const o = view.outcome;
  return (
    <div class="company-plan">
      <p class="plan-outcome" id="plan-outcome">
        {o.since !== "" && <span id="plan-outcome-since">계획 시작({o.since}) 이후 </span>}
        센터 통한 채용 <strong>{o.hires}명</strong> · 3개월 고용유지{" "}
        <strong>
          {o.retained_3m}/{o.checked_3m}명
        </strong>{" "}
        <span class="muted small">
          (3개월이 지난 {o.due_3m}명 중 {o.checked_3m}명 확인)
        </span>
      </p>
      <div class="actions left">
        <button type="button" class="btn primary" id="plan-add" onClick={() => open(blankForm(companyId, view))} disabled={form !== null && form.id === ""}>
          조치 추가
        </button>
      </div>
      {saved && (
        <p class="saved-line" role="status" id="plan-saved">
          조치를 저장했습니다.
        </p>
      )}
      {form && (
        <form class="outcome-form plan-form" id="plan-form" onSubmit={save} aria-labelledby="plan-form-title">
          <h3 id="plan-form-title">{form.id ? "조치 수정" : "새 조치"}</h3>
          {form.id && <p class="hint-text">고친 내용은 새 기록으로 저장되고, 지금 기록은 이력으로 남습니다.</p>}
          <div class="grid">
            <PlanField name="kind" label="조치" required errors={errors}>
              <select id="plan-kind" value={form.kind} onChange={set("kind")} aria-invalid={invalid("kind")} aria-describedby={described("kind")}>
                <option value="">선택하세요</option>
                {view.kinds.map((k) => (
                  <option value={k.value}>{k.label}</option>
                ))}
              </select>
            </PlanField>
            <PlanField name="status" label="상태" required errors={errors}>
              <select id="plan-status" value={form.status} onChange={set("status")} aria-invalid={invalid("status")} aria-describedby={described("status")}>
                {form.status === "" && <option value="">선택하세요</option>}
                {view.statuses.map((s) => (
                  <option value={s.value}>{s.label}</option>
                ))}
              </select>
            </PlanField>
            <PlanField name="owner" label="담당" errors={errors}>
              <input id="plan-owner" value={form.owner} onInput={set("owner")} aria-invalid={invalid("owner")} aria-describedby={described("owner")} />
            </PlanField>
            <PlanField name="due_on" label="기한" errors={errors}>
              <input type="date" id="plan-due_on" value={form.due_on} onInput={set("due_on")} aria-invalid={invalid("due_on")} aria-describedby={described("due_on")} />
            </PlanField>
            <PlanField name="follow_up_on" label="후속 방문일" errors={errors}>
              <input
                type="date"
                id="plan-follow_up_on"
                value={form.follow_up_on}
                onInput={set("follow_up_on")}
                aria-invalid={invalid("follow_up_on")}
                aria-describedby={described("follow_up_on")}
              />
            </PlanField>
            <PlanField name="vacancy_id" label="관련 구인" errors={errors}>
              <select id="plan-vacancy_id" value={form.vacancy_id} onChange={set("vacancy_id")} aria-invalid={invalid("vacancy_id")} aria-describedby={described("vacancy_id")}>
                <option value="">없음</option>
                {view.vacancies.map((v) => (
                  <option value={v.value}>{v.label}</option>
                ))}
              </select>
            </PlanField>
            <PlanField name="subsidy" label="연계 지원사업" errors={errors}>
              <input id="plan-subsidy" value={form.subsidy} onInput={set("subsidy")} aria-invalid={invalid("subsidy")} aria-describedby={described("subsidy")} />
            </PlanField>
          </div>
          <PlanField name="description" label="내용" errors={errors} wide>
            <textarea
              id="plan-description"
              rows={3}
              value={form.description}
              onInput={set("description")}
              aria-invalid={invalid("description")}
              aria-describedby={described("description")}
            />
          </PlanField>
          <PlanField name="result" label="결과" errors={errors} wide>
            <textarea id="plan-result" rows={2} value={form.result} onInput={set("result")} aria-invalid={invalid("result")} aria-describedby={described("result")} />
          </PlanField>
          {saveError && (
            <div class="error" role="alert" id="plan-error">
              <p>{errorText(saveError)}</p>
              {/* Errors with no field of their own on the form (e.g. an
                  action someone else changed meanwhile). */}
              {saveError.fields
                .filter((f) => !KEYS.includes(f.field))
                .map((f) => (
                  <p class="field-error">{f.message}</p>
                ))}
            </div>
          )}
          <div class="actions">
            <button type="button" class="btn" id="plan-cancel" onClick={close}>
              취소
            </button>
            <button type="submit" class="btn primary" id="plan-save" disabled={saving}>
              {saving ? "저장 중…" : "저장"}
            </button>
          </div>
        </form>
      )}
      {view.actions.length === 0 ? (
        <p class="empty" id="plan-empty">
          아직 세운 컨설팅 조치가 없습니다.
        </p>
      ) : (
        <div class="table-wrap">
          <table id="plan-actions">
            <thead>
              <tr>
                <th scope="col">조치</th>
                <th scope="col">내용</th>
                <th scope="col">담당</th>
                <th scope="col">기한</th>
                <th scope="col">상태</th>
                <th scope="col">후속 방문</th>
                <th scope="col">관련 구인</th>
                <th scope="col">결과</th>
                <th scope="col">
                  <span class="sr-only">수정</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.actions.map((a) => (
                <tr key={a.id} data-action={a.id} class={a.overdue ? "overdue" : undefined}>
                  <td class="name">{a.kind_label}</td>
                  <td class="wrap">
                    {a.description}
                    {a.subsidy && <div class="muted small">지원사업: {a.subsidy}</div>}
                    {a.history.length > 0 && (
                      <details class="history">
                        <summary>이전 기록 {a.history.length}건</summary>
                        <ul class="plan-history">
                          {a.history.map((h, i) => (
                            <li key={i}>{h}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td>{a.owner}</td>
                  <td>
                    {a.due_on}
                    {a.overdue && <span class="tag overdue-tag">기한 지남</span>}
                  </td>
                  <td>
                    {a.status_label && <span class="tag">{a.status_label}</span>}
                    {a.forked && (
                      <span class="tag overdue-tag" id={`plan-forked-${a.id}`} title="두 창구에서 같은 조치를 따로 고쳐 두 판이 있습니다. 맞는 판을 남기고 다른 판은 '취소'로 바꿔 주세요.">
                        두 판 — 확인 필요
                      </span>
                    )}
                  </td>
                  <td>{a.follow_up_on}</td>
                  <td class="wrap">{a.vacancy_title}</td>
                  <td class="wrap">{a.result}</td>
                  <td>
                    <button type="button" class="btn small-btn" id={`plan-edit-${a.id}`} onClick={() => open(editForm(companyId, a))}>
                      수정
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
