import { useEffect, useState } from "preact/hooks";
import { useFocusFirst } from "../lib/focus";
import { api } from "../api";
import type { CompanyFormChoices, VacancyForm } from "../bindings";
import { CodePicker } from "../components/CodePicker";
import { Field } from "../components/Field";
import { FormActions, Loading } from "../components/FormParts";
import { useRecordForm } from "../lib/useRecordForm";
import { errorText } from "../lib/format";

interface Props {
  /** The vacancy to edit, or null for a new one of `companyId`. */
  id: string | null;
  companyId: string;
  companyName: string;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function VacancyFormView({ id, companyId, companyName, onSaved, onCancel }: Props) {
  const [choices, setChoices] = useState<CompanyFormChoices | null>(null);
  useEffect(() => {
    api.companyFormChoices().then(setChoices, () => undefined);
  }, []);
  const f = useRecordForm<VacancyForm>(
    () => (id ? api.vacancyForm(id) : api.newVacancyForm(companyId)),
    api.checkVacancyForm,
    api.saveVacancyForm,
    onSaved,
    [id, companyId],
  );
  const { form, set, shown, leave, described } = f;
  const formRef = useFocusFirst<HTMLFormElement>(!!form && !!choices);
  if (!form || !choices) return <Loading failure={form ? null : f.failure} />;
  const text = f.bind;

  return (
    <form ref={formRef} class="screen record-form" onSubmit={f.submit} aria-labelledby="vacancy-form-title" noValidate>
      <h2 id="vacancy-form-title">
        {id ? "구인 정보 수정" : "새 구인 등록"} <span class="muted">— {companyName}</span>
      </h2>
      {f.failure && (
        <p class="error banner" role="alert" id="vacancy-form-error">
          {errorText(f.failure)}
        </p>
      )}
      <fieldset>
        <legend>모집 내용</legend>
        <div class="grid">
          <Field name="title" label="공고명" required errors={shown}>
            <input {...text("title", { autocomplete: "off", placeholder: "예: CNC 선반 오퍼레이터" })} />
          </Field>
          <Field name="occupation" label="모집직종 (KECO)" required errors={shown}>
            <CodePicker
              id="f-occupation"
              label="모집직종"
              list="keco"
              value={form.occupation ? [form.occupation] : []}
              describedBy={described("occupation")}
              invalid={!!shown.occupation}
              onChange={(c) => set("occupation", c[0] ?? "")}
              onBlur={leave("occupation")}
            />
          </Field>
          <Field name="headcount" label="모집인원" required errors={shown}>
            <input {...text("headcount", { inputMode: "numeric" })} />
          </Field>
          <Field name="wage_monthly" label="제시임금 (월, 만원)" errors={shown} hint="예: 월 300만원 → 300">
            <input {...text("wage_monthly", { inputMode: "decimal" })} />
          </Field>
          <Field name="weekly_hours" label="주 근로시간" errors={shown}>
            <input {...text("weekly_hours", { inputMode: "numeric" })} />
          </Field>
          <Field name="shift" label="근무형태" required errors={shown}>
            <select id="f-shift" value={form.shift} onChange={(e) => set("shift", e.currentTarget.value)}>
              {choices.shifts.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
          <Field name="min_experience_years" label="필요 경력 (년)" errors={shown}>
            <input {...text("min_experience_years", { inputMode: "numeric" })} />
          </Field>
          <Field name="status" label="모집상태" required errors={shown}>
            <select id="f-status" value={form.status} onChange={(e) => set("status", e.currentTarget.value)}>
              {choices.vacancy_statuses.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
        </div>
        <div class="checks" role="group" aria-label="복리후생">
          <span class="group-label">복리후생</span>
          <label class="check">
            <input id="f-housing" type="checkbox" checked={form.housing} onChange={() => set("housing", !form.housing)} />
            기숙사 제공
          </label>
          <label class="check">
            <input id="f-commute_bus" type="checkbox" checked={form.commute_bus} onChange={() => set("commute_bus", !form.commute_bus)} />
            통근버스
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>자격·기술</legend>
        <div class="grid">
          <Field name="required_certificates" label="필수 자격증" errors={shown}>
            <CodePicker
              id="f-required_certificates"
              label="필수 자격증"
              list="qualification"
              multiple
              storeLabel
              value={form.required_certificates}
              onChange={(v) => set("required_certificates", v)}
            />
          </Field>
          <Field name="preferred_certificates" label="우대 자격증" errors={shown}>
            <CodePicker
              id="f-preferred_certificates"
              label="우대 자격증"
              list="qualification"
              multiple
              storeLabel
              value={form.preferred_certificates}
              onChange={(v) => set("preferred_certificates", v)}
            />
          </Field>
        </div>
        <Field name="skills" label="필요 기술" errors={shown} hint="쉼표로 구분 (예: CNC 선반, 도면 해독)">
          <input {...text("skills")} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>근무지·기간</legend>
        <div class="grid">
          <Field name="sigungu" label="근무지 (시군구)" errors={shown}>
            <CodePicker
              id="f-sigungu"
              label="근무지"
              list="sigungu"
              value={form.sigungu ? [form.sigungu] : []}
              invalid={!!shown.sigungu}
              onChange={(c) => set("sigungu", c[0] ?? "")}
            />
          </Field>
          <Field name="opened_on" label="모집 시작일" required errors={shown}>
            <input {...text("opened_on", { placeholder: "YYYY-MM-DD" })} />
          </Field>
          <Field name="closes_on" label="마감일" errors={shown}>
            <input {...text("closes_on", { placeholder: "YYYY-MM-DD" })} />
          </Field>
        </div>
        <Field name="posting_text" label="공고 본문 (하는 일·조건·지원 방법; 공고 점검이 읽습니다)" errors={shown}>
          <textarea
            id="f-posting_text"
            rows={4}
            value={form.posting_text}
            onInput={(e) => set("posting_text", e.currentTarget.value)}
          />
        </Field>
        <Field name="note" label="메모" errors={shown}>
          <textarea id="f-note" rows={2} value={form.note} onInput={(e) => set("note", e.currentTarget.value)} />
        </Field>
      </fieldset>
      <FormActions saveId="vacancy-form-save" saving={f.saving} onCancel={onCancel} />
    </form>
  );
}
