// The IAP and 기관연계 tabs of a seeker's page, with their actions: an IAP
// activity planned for a month and later marked 이행 (a new version, the
// plan kept in the history), a new referral to a partner institution, and a
// referral's result (완료, 거절, 취소).

import { useEffect, useState } from "preact/hooks";
import { useFocusFirst } from "../lib/focus";
import { api, type UiError } from "../api";
import type { CaseFileChoices, Choice, IapForm, IapRow, IapView, ReferralForm, ReferralRow } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";
import { useUnsaved } from "../lib/guard";
import { Field } from "./Field";
import { PartnerForm } from "./PartnerForm";

function useCaseFileChoices(): CaseFileChoices | null {
  const [choices, setChoices] = useState<CaseFileChoices | null>(null);
  useEffect(() => {
    api.caseFileChoices().then(setChoices, () => undefined);
  }, []);
  return choices;
}

function Failure({ failure }: { failure: UiError | null }) {
  if (!failure) return null;
  return (
    <p class="error" role="alert">
      {errorText(failure)}
    </p>
  );
}

/** One activity's 이행 점검: 이행, 일부 이행 or 미이행 (the last two with
 * their reason). */
function IapCheck(props: { row: IapRow; results: Choice[]; onDone: () => void; onCancel: () => void }) {
  const [compliance, setCompliance] = useState(props.row.compliance);
  const [note, setNote] = useState(props.row.compliance_note);
  const [failure, setFailure] = useState<UiError | null>(null);
  const ref = useFocusFirst<HTMLFormElement>(true);
  async function save(e: Event) {
    e.preventDefault();
    try {
      await api.checkIapActivity({ id: props.row.id, compliance, note });
      props.onDone();
    } catch (err) {
      setFailure(err as UiError);
    }
  }
  return (
    <form ref={ref} class="inline-form iap-check" aria-label="이행 점검" onSubmit={save}>
      <select id="iap-check-result" aria-label="점검 결과" value={compliance} onChange={(e) => setCompliance(e.currentTarget.value)}>
        <option value="">선택</option>
        {props.results.map((c) => (
          <option value={c.value}>{c.label}</option>
        ))}
      </select>
      <input id="iap-check-note" aria-label="사유" placeholder="사유 (일부 이행·미이행)" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" class="btn small-btn primary" id="iap-check-save">
        저장
      </button>
      <button type="button" class="btn small-btn" onClick={props.onCancel}>
        취소
      </button>
      <Failure failure={failure} />
    </form>
  );
}

/** The IAP as it stands: its goal, activities by month with their 이행
 * 점검, 활동 추가 and 수정 (a new version, the old kept in the history). */
export function IapActivities(props: { seekerId: string; iap: IapView; onChanged: () => void }) {
  const choices = useCaseFileChoices();
  const rows = props.iap.months.flatMap((m) => m.rows);
  const [checking, setChecking] = useState<string | null>(null);
  // The form is open for a new activity ("") or for the activity it edits.
  const [editing, setEditing] = useState<string | null>(null);
  const adding = editing !== null;
  const setAdding = (open: boolean) => {
    setDirty(false);
    setEditing(open ? "" : null);
  };
  const iapRef = useFocusFirst<HTMLFormElement>(adding && choices !== null);
  const [form, setForm] = useState<IapForm>({ seeker_id: props.seekerId, month: "", kind: "", description: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  // Typed into since the form opened: leaving then asks first.
  const [dirty, setDirty] = useState(false);
  useUnsaved("iap-form", adding && dirty);
  const set = (key: keyof IapForm, value: string) => {
    setDirty(true);
    setForm({ ...form, [key]: value });
  };
  function startEdit(r: IapRow) {
    setForm({ seeker_id: props.seekerId, month: r.month, kind: r.kind, description: r.description });
    setErrors({});
    setDirty(false);
    setEditing(r.id);
  }
  async function add(e: Event) {
    e.preventDefault();
    try {
      if (editing) await api.editIapActivity(editing, form);
      else await api.addIapActivity(form);
      setAdding(false);
      setForm({ seeker_id: props.seekerId, month: "", kind: "", description: "" });
      setErrors({});
      setFailure(null);
      props.onChanged();
    } catch (err) {
      const ui = err as UiError;
      setFailure(ui);
      setErrors(byField(ui.fields));
    }
  }
  async function complete(id: string) {
    try {
      await api.completeIapActivity(id);
      setFailure(null);
      props.onChanged();
    } catch (err) {
      setFailure(err as UiError);
    }
  }
  return (
    <div class="iap">
      <div class="actions left">
        <button
          type="button"
          class="btn"
          id="iap-add"
          onClick={() => {
            setForm({ seeker_id: props.seekerId, month: "", kind: "", description: "" });
            setAdding(true);
          }}
          disabled={adding}
        >
          IAP 활동 추가
        </button>
      </div>
      {adding && choices && (
        <form ref={iapRef} class="outcome-form" id="iap-form" aria-label={editing ? "IAP 활동 수정" : "IAP 활동 추가"} onSubmit={add}>
          <div class="grid">
            <Field name="month" label="계획 월" required errors={errors} hint="예: 2026-12">
              <input id="f-month" value={form.month} placeholder="YYYY-MM" onInput={(e) => set("month", e.currentTarget.value)} />
            </Field>
            <Field name="kind" label="활동 구분" required errors={errors}>
              <select id="f-kind" value={form.kind} onChange={(e) => set("kind", e.currentTarget.value)}>
                <option value="">선택</option>
                {choices.iap_kinds.map((c) => (
                  <option value={c.value}>{c.label}</option>
                ))}
              </select>
            </Field>
          </div>
          <Field name="description" label="활동 내용" required errors={errors}>
            <input id="f-description" value={form.description} onInput={(e) => set("description", e.currentTarget.value)} />
          </Field>
          <div class="actions">
            <button type="button" class="btn" onClick={() => setAdding(false)}>
              취소
            </button>
            <button type="submit" class="btn primary" id="iap-save">
              {editing ? "수정 저장" : "활동 추가"}
            </button>
          </div>
        </form>
      )}
      <Failure failure={failure} />
      {props.iap.goal && (
        <p class="iap-goal" id="iap-goal">
          <strong>목표 직종</strong> {props.iap.goal.occupation_name} ({props.iap.goal.occupation})
          {props.iap.goal.reason && ` · ${props.iap.goal.reason}`} · {props.iap.goal.set_on} 설정
          {props.iap.goal.history.length > 0 && <span class="muted"> · 이전 목표: {props.iap.goal.history.join(", ")}</span>}
        </p>
      )}
      {props.iap.overdue > 0 && (
        <p class="notice" role="status">
          기한이 지났는데 이행 점검이 없는 활동이 {props.iap.overdue}건 있습니다.
        </p>
      )}
      {rows.length === 0 ? (
        <p class="empty">IAP 활동이 없습니다.</p>
      ) : (
        <table id="iap-rows">
          <thead>
            <tr>
              <th scope="col">계획 월</th>
              <th scope="col">구분</th>
              <th scope="col">활동 내용</th>
              <th scope="col">이행 점검</th>
              <th scope="col">작업</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-id={r.id} class={r.overdue ? "overdue" : undefined}>
                <td>{r.month}</td>
                <td>{r.kind_label}</td>
                <td class="wrap">
                  {r.description}
                  {r.history.length > 0 && (
                    <details class="history">
                      <summary>변경 이력 {r.history.length}건</summary>
                      <ul>
                        {r.history.map((h) => (
                          <li>{h}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td class="wrap">
                  <span class={`tag compliance-${r.compliance || "none"}`}>{r.overdue ? "기한 지남 · 미점검" : r.compliance_label}</span>
                  {r.compliance_note && <span class="muted"> {r.compliance_note}</span>}
                </td>
                <td>
                  {checking === r.id && choices ? (
                    <IapCheck
                      row={r}
                      results={choices.iap_compliance}
                      onCancel={() => setChecking(null)}
                      onDone={() => {
                        setChecking(null);
                        props.onChanged();
                      }}
                    />
                  ) : (
                    <>
                      {!r.done && (
                        <button type="button" class="btn small-btn iap-done" onClick={() => complete(r.id)}>
                          이행 완료
                        </button>
                      )}{" "}
                      <button type="button" class="btn small-btn iap-check-open" onClick={() => setChecking(r.id)}>
                        점검
                      </button>{" "}
                      <button type="button" class="btn small-btn iap-edit" onClick={() => startEdit(r)} disabled={adding}>
                        수정
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One referral's 결과 입력: the ending, its day (today unless changed), a note. */
function ReferralResult(props: { row: ReferralRow; results: Choice[]; onDone: () => void; onCancel: () => void }) {
  const [status, setStatus] = useState("");
  const [on, setOn] = useState("");
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState<UiError | null>(null);
  useUnsaved(`referral-${props.row.id}`, status !== "" || note !== "");
  const resultRef = useFocusFirst<HTMLFormElement>(true);
  async function save(e: Event) {
    e.preventDefault();
    try {
      await api.recordReferralResult({ referral_id: props.row.id, status, result_on: on, note });
      props.onDone();
    } catch (err) {
      setFailure(err as UiError);
    }
  }
  return (
    <form ref={resultRef} class="outcome-form referral-result" aria-label="연계 결과 입력" onSubmit={save}>
      <div class="grid">
        <div class="field">
          <label for={`r-status-${props.row.id}`}>결과</label>
          <select id={`r-status-${props.row.id}`} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">선택</option>
            {props.results.map((c) => (
              <option value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`r-on-${props.row.id}`}>결과일</label>
          <input id={`r-on-${props.row.id}`} value={on} placeholder="오늘 (YYYY-MM-DD)" onInput={(e) => setOn(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`r-note-${props.row.id}`}>결과 내용</label>
          <input id={`r-note-${props.row.id}`} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
      </div>
      <Failure failure={failure} />
      <div class="actions">
        <button type="button" class="btn" onClick={props.onCancel}>
          취소
        </button>
        <button type="submit" class="btn primary referral-save">
          결과 기록
        </button>
      </div>
    </form>
  );
}

/** 새 기관연계: a partner of the caseload, the purpose, the day (today
 * unless changed). */
function NewReferral(props: {
  seekerId: string;
  partners: Choice[];
  kinds: Choice[];
  /** An open referral to correct; none for a new one. */
  row?: ReferralRow;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [partners, setPartners] = useState(props.partners);
  const [addingPartner, setAddingPartner] = useState(props.partners.length === 0);
  const [initial] = useState<ReferralForm>({
    seeker_id: props.seekerId,
    partner_id: props.row?.partner_id ?? "",
    purpose: props.row?.purpose ?? "",
    referred_on: props.row?.referred_on ?? "",
    referral_id: props.row?.id ?? "",
  });
  const [form, setForm] = useState<ReferralForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const ref = useFocusFirst<HTMLFormElement>(!addingPartner);
  useUnsaved(
    "referral-form",
    form.partner_id !== initial.partner_id || form.purpose !== initial.purpose || form.referred_on !== initial.referred_on,
  );
  const set = (key: keyof ReferralForm, value: string) => setForm({ ...form, [key]: value });
  async function save(e: Event) {
    e.preventDefault();
    try {
      await api.addReferral(form);
      props.onDone();
    } catch (err) {
      const ui = err as UiError;
      setFailure(ui);
      setErrors(byField(ui.fields));
    }
  }
  const partnerForm = (
    <PartnerForm
      kinds={props.kinds}
      first={partners.length === 0}
      onAdded={(partner) => {
        setPartners([...partners, partner]);
        setForm({ ...form, partner_id: partner.value });
        setAddingPartner(false);
      }}
      onCancel={partners.length > 0 ? () => setAddingPartner(false) : props.onCancel}
    />
  );
  if (addingPartner) return partnerForm;
  return (
    <form ref={ref} class="outcome-form" id="referral-form" aria-label={props.row ? "기관연계 수정" : "새 기관연계"} onSubmit={save}>
      <div class="grid">
        <Field name="partner_id" label="연계기관" required errors={errors}>
          <select id="f-partner_id" value={form.partner_id} onChange={(e) => set("partner_id", e.currentTarget.value)}>
            <option value="">골라 주세요</option>
            {partners.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          <button type="button" class="btn small-btn" id="partner-add" onClick={() => setAddingPartner(true)}>
            목록에 없는 기관 추가
          </button>
        </Field>
        <Field name="referred_on" label="의뢰일" errors={errors} hint="비우면 오늘">
          <input id="f-referred_on" placeholder="YYYY-MM-DD" value={form.referred_on} onInput={(e) => set("referred_on", e.currentTarget.value)} />
        </Field>
      </div>
      <Field name="purpose" label="연계 목적" required errors={errors}>
        <input id="f-purpose" value={form.purpose} onInput={(e) => set("purpose", e.currentTarget.value)} />
      </Field>
      <Failure failure={failure} />
      <div class="actions">
        <button type="button" class="btn" onClick={props.onCancel}>
          취소
        </button>
        <button type="submit" class="btn primary" id="referral-save">
          {props.row ? "수정 저장" : "의뢰 기록"}
        </button>
      </div>
    </form>
  );
}

/** The 기관연계 tab: 새 기관연계, each referral, and 결과 입력 on those
 * still open. */
export function Referrals(props: { seekerId: string; rows: ReferralRow[]; onChanged: () => void }) {
  const choices = useCaseFileChoices();
  // One form at a time: a new referral, or a row's result or correction.
  const [editing, setEditing] = useState<{ id: string; mode: "result" | "edit" } | null>(null);
  const [adding, setAdding] = useState(false);
  const closeAndReload = () => {
    setEditing(null);
    props.onChanged();
  };
  const add = (
    <>
      <div class="actions left">
        <button type="button" class="btn" id="referral-add" onClick={() => setAdding(true)} disabled={adding || editing !== null}>
          새 기관연계
        </button>
      </div>
      {adding && choices && (
        <NewReferral
          seekerId={props.seekerId}
          partners={choices.partners}
          kinds={choices.partner_kinds}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            props.onChanged();
          }}
        />
      )}
    </>
  );
  if (props.rows.length === 0)
    return (
      <div>
        {add}
        <p class="empty">기관연계 기록이 없습니다.</p>
      </div>
    );
  return (
    <div>
    {add}
    <table id="referral-rows">
      <thead>
        <tr>
          <th scope="col">의뢰일</th>
          <th scope="col">연계기관</th>
          <th scope="col">목적</th>
          <th scope="col">상태</th>
          <th scope="col">결과</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <>
            <tr key={r.id} data-id={r.id}>
              <td>{r.referred_on}</td>
              <td>{r.partner_name}</td>
              <td class="wrap">{r.purpose}</td>
              <td>
                <span class="tag">{r.status}</span>
              </td>
              <td class="wrap">
                {r.result}
                {r.open && (
                  <span class="row-actions">
                    <button type="button" class="btn small-btn referral-open" disabled={adding} onClick={() => setEditing({ id: r.id, mode: "result" })}>
                      결과 입력
                    </button>
                    <button type="button" class="btn small-btn referral-edit" disabled={adding} onClick={() => setEditing({ id: r.id, mode: "edit" })}>
                      수정
                    </button>
                  </span>
                )}
              </td>
            </tr>
            {editing?.id === r.id && choices && (
              <tr class="editing">
                <td colSpan={5}>
                  {editing.mode === "edit" ? (
                    <NewReferral
                      seekerId={props.seekerId}
                      partners={choices.partners}
                      kinds={choices.partner_kinds}
                      row={r}
                      onCancel={() => setEditing(null)}
                      onDone={closeAndReload}
                    />
                  ) : (
                    <ReferralResult row={r} results={choices.referral_results} onCancel={() => setEditing(null)} onDone={closeAndReload} />
                  )}
                </td>
              </tr>
            )}
          </>
        ))}
      </tbody>
    </table>
    </div>
  );
}
