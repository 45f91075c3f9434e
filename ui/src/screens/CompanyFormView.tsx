import { useEffect, useState } from "preact/hooks";
import { useFocusFirst } from "../lib/focus";
import { api } from "../api";
import type { CompanyForm, CompanyFormChoices } from "../bindings";
import { CodePicker } from "../components/CodePicker";
import { Field } from "../components/Field";
import { FormActions, Loading } from "../components/FormParts";
import { useRecordForm } from "../lib/useRecordForm";
import { errorText } from "../lib/format";

interface Props {
  id: string | null;
  /** Pre-filled for a company registered on a field visit. */
  industrialComplex?: string;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function CompanyFormView({ id, industrialComplex = "", onSaved, onCancel }: Props) {
  const [choices, setChoices] = useState<CompanyFormChoices | null>(null);
  useEffect(() => {
    api.companyFormChoices().then(setChoices, () => undefined);
  }, []);
  const f = useRecordForm<CompanyForm>(
    () => (id ? api.companyDetail(id).then((d) => d.form) : api.newCompanyForm(industrialComplex)),
    api.checkCompanyForm,
    api.saveCompanyForm,
    onSaved,
    [id],
  );
  const { form, set, shown, leave, described } = f;
  const formRef = useFocusFirst<HTMLFormElement>(!!form && !!choices);
  if (!form || !choices) return <Loading failure={form ? null : f.failure} />;
  const text = f.bind;

  return (
    <form ref={formRef} class="screen record-form" onSubmit={f.submit} aria-labelledby="company-form-title" noValidate>
      <h2 id="company-form-title">{id ? `기업 정보 수정 — ${form.name}` : "새 기업 등록"}</h2>
      {f.failure && (
        <p class="error banner" role="alert" id="company-form-error">
          {errorText(f.failure)}
        </p>
      )}
      <fieldset>
        <legend>기업</legend>
        <div class="grid">
          <Field name="name" label="기업명" required errors={shown}>
            <input {...text("name", { autocomplete: "off" })} />
          </Field>
          <Field name="business_number" label="사업자등록번호" required errors={shown} hint="예: 220-81-62517">
            <input {...text("business_number", { inputMode: "numeric" })} />
          </Field>
          <Field name="employees" label="피보험자 수" errors={shown}>
            <input {...text("employees", { inputMode: "numeric" })} />
          </Field>
          <Field name="size" label="규모" errors={shown} hint="비워 두면 피보험자 수로 정합니다">
            <select id="f-size" value={form.size} onChange={(e) => set("size", e.currentTarget.value)}>
              <option value="">피보험자 수로</option>
              {choices.sizes.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
          <Field name="ksic_code" label="업종 (KSIC)" required errors={shown}>
            <CodePicker
              id="f-ksic_code"
              label="업종"
              list="ksic"
              value={form.ksic_code ? [form.ksic_code] : []}
              describedBy={described("ksic_code")}
              invalid={!!shown.ksic_code}
              onChange={(c) => set("ksic_code", c[0] ?? "")}
              onBlur={leave("ksic_code")}
            />
          </Field>
          <Field name="sigungu" label="소재지 (시군구)" required errors={shown}>
            <CodePicker
              id="f-sigungu"
              label="소재지"
              list="sigungu"
              value={form.sigungu ? [form.sigungu] : []}
              describedBy={described("sigungu")}
              invalid={!!shown.sigungu}
              onChange={(c) => set("sigungu", c[0] ?? "")}
              onBlur={leave("sigungu")}
            />
          </Field>
          <Field name="industrial_complex" label="산업단지" errors={shown}>
            <input {...text("industrial_complex", { placeholder: "예: 반월국가산업단지" })} />
          </Field>
          <Field name="address" label="주소" errors={shown}>
            <input {...text("address")} />
          </Field>
        </div>
        <div class="checks" role="group" aria-label="중점 업종">
          <span class="group-label">중점 업종</span>
          {choices.focus_industries.map((c) => (
            <label class="check">
              <input
                type="checkbox"
                checked={form.focus_industries.includes(c.value)}
                onChange={() =>
                  set(
                    "focus_industries",
                    form.focus_industries.includes(c.value)
                      ? form.focus_industries.filter((v) => v !== c.value)
                      : [...form.focus_industries, c.value],
                  )
                }
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>담당·진행</legend>
        <div class="grid">
          <Field name="contact_name" label="담당자" errors={shown}>
            <input {...text("contact_name")} />
          </Field>
          <Field name="contact_phone" label="담당자 연락처" errors={shown}>
            <input {...text("contact_phone", { type: "tel" })} />
          </Field>
          <Field name="status" label="진행상태" required errors={shown}>
            <select id="f-status" value={form.status} onChange={(e) => set("status", e.currentTarget.value)}>
              {choices.statuses.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
        </div>
        <Field name="note" label="메모" errors={shown}>
          <textarea id="f-note" rows={3} value={form.note} onInput={(e) => set("note", e.currentTarget.value)} />
        </Field>
      </fieldset>
      <FormActions saveId="company-form-save" saving={f.saving} onCancel={onCancel} />
    </form>
  );
}
