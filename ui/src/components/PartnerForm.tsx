// 연계기관 추가: a center's own caseload starts with no partner institutions,
// so the referral form lets a counselor enter one (name, type from the
// reference list, phone) and then refers to it at once.

import { useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { Choice, PartnerForm as Form } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";
import { useFocusFirst } from "../lib/focus";
import { useUnsaved } from "../lib/guard";
import { Field } from "./Field";

/** The desk's field names carry a prefix here, so the ids do not meet the
 * IAP form's (`f-kind`) or the seeker form's (`f-name`). */
function prefixed(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`partner_${k}`, v]));
}

export function PartnerForm(props: {
  kinds: Choice[];
  /** No partner yet: says why the form is here. */
  first: boolean;
  onAdded: (partner: Choice) => void;
  onCancel?: () => void;
  /** The command; the desk's by default (tests pass their own). */
  add?: (form: Form) => Promise<Choice>;
}) {
  const add = props.add ?? api.addPartner;
  const [form, setForm] = useState<Form>({ name: "", kind: "", phone: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const ref = useFocusFirst<HTMLFormElement>(true);
  useUnsaved("partner-new", form.name !== "" || form.kind !== "" || form.phone !== "");
  const set = (key: keyof Form, value: string) => setForm({ ...form, [key]: value });
  async function save(e: Event) {
    e.preventDefault();
    try {
      const partner = await add(form);
      setForm({ name: "", kind: "", phone: "" });
      props.onAdded(partner);
    } catch (err) {
      const ui = err as UiError;
      setErrors(prefixed(byField(ui.fields)));
      setFailure(ui.fields.length > 0 ? null : ui);
    }
  }
  return (
    <form ref={ref} class="outcome-form" id="partner-form" aria-label="연계기관 추가" onSubmit={save}>
      <h3>연계기관 추가</h3>
      {props.first && (
        <p class="hint" id="referral-no-partners">
          이 사례관리 파일에는 아직 연계기관이 없습니다. 의뢰할 기관을 먼저 등록하세요. 센터의 다른 데스크에도 동기화됩니다.
        </p>
      )}
      <div class="grid">
        <Field name="partner_name" label="기관명" required errors={errors}>
          <input id="f-partner_name" value={form.name} maxLength={80} onInput={(e) => set("name", e.currentTarget.value)} />
        </Field>
        <Field name="partner_kind" label="기관 유형" required errors={errors}>
          <select id="f-partner_kind" value={form.kind} onChange={(e) => set("kind", e.currentTarget.value)}>
            <option value="">골라 주세요</option>
            {props.kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="partner_phone" label="전화번호" errors={errors}>
          <input id="f-partner_phone" value={form.phone} placeholder="031-123-4567" onInput={(e) => set("phone", e.currentTarget.value)} />
        </Field>
      </div>
      {failure && (
        <p class="error" role="alert">
          {errorText(failure)}
        </p>
      )}
      <div class="actions">
        {props.onCancel && (
          <button type="button" class="btn" onClick={props.onCancel}>
            취소
          </button>
        )}
        <button type="submit" class="btn primary" id="partner-save">
          기관 등록
        </button>
      </div>
    </form>
  );
}
