import { useEffect, useRef, useState } from "preact/hooks";
import { useFocusFirst } from "../lib/focus";
import { api } from "../api";
import type { DuplicateRow, SeekerForm, SeekerFormChoices } from "../bindings";
import { CodePicker } from "../components/CodePicker";
import { Field } from "../components/Field";
import { FormActions, Loading } from "../components/FormParts";
import { discardUnsaved } from "../lib/guard";
import { useRecordForm } from "../lib/useRecordForm";
import { errorText } from "../lib/format";

interface Props {
  /** The seeker to edit, or null for a new one. */
  id: string | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
  onOpenSeeker: (id: string) => void;
}

/** Who the new seeker may already be, as the desk finds them while the
 * name, birth date and phone are typed; saving needs 다른 사람입니다. */
function Duplicates(props: { form: SeekerForm; onOpen: (id: string) => void; onConfirm: (ok: boolean) => void; error: string[] | undefined }) {
  const [rows, setRows] = useState<DuplicateRow[]>([]);
  const { form } = props;
  useEffect(() => {
    if (form.id) return;
    const timer = setTimeout(() => {
      api.seekerDuplicates(form).then(setRows, () => setRows([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [form.name, form.birth_date, form.phone]);
  if (rows.length === 0) return null;
  return (
    <section class="duplicates" id="seeker-duplicates" aria-labelledby="seeker-duplicates-title">
      <h3 id="seeker-duplicates-title">이미 등록된 구직자일 수 있습니다</h3>
      <ul>
        {rows.map((d) => (
          <li key={d.id}>
            <strong>{d.name}</strong> {[d.birth_date, d.phone_masked, d.status].filter(Boolean).join(" · ")} <span class="muted">({d.reason})</span>{" "}
            <button
              type="button"
              class="btn small-btn duplicate-open"
              onClick={() => {
                // Opening the existing record is why the counselor leaves:
                // the half-typed new one is not asked about.
                discardUnsaved();
                props.onOpen(d.id);
              }}
            >
              기존 기록 열기
            </button>
          </li>
        ))}
      </ul>
      <label class="check">
        <input type="checkbox" id="f-duplicate_ok" checked={form.duplicate_ok} onChange={(e) => props.onConfirm(e.currentTarget.checked)} />
        확인했습니다: 다른 사람입니다 (새로 등록)
      </label>
      {(props.error ?? []).map((m) => (
        <p class="field-error" role="alert">
          {m}
        </p>
      ))}
    </section>
  );
}


export function SeekerFormView({ id, onSaved, onCancel, onOpenSeeker }: Props) {
  const [choices, setChoices] = useState<SeekerFormChoices | null>(null);
  const f = useRecordForm<SeekerForm>(
    () => (id ? api.seekerDetail(id).then((d) => d.form) : api.newSeekerForm()),
    api.checkSeekerForm,
    api.saveSeekerForm,
    onSaved,
    [id],
  );
  const { form, set, shown, leave, described } = f;
  const failure = f.failure;
  const saving = f.saving;
  // The focus goes to 이름 once both the form and its choices are on screen.
  const formRef = useFocusFirst<HTMLFormElement>(!!form && !!choices);

  useEffect(() => {
    api.seekerFormChoices().then(setChoices, () => undefined);
  }, []);

  if (!form || !choices) return <Loading failure={form ? null : failure} />;

  const text = f.bind;
  const toggle = (key: "consent_scopes" | "target_groups", value: string) => {
    const now = form[key];
    set(key, now.includes(value) ? now.filter((v) => v !== value) : [...now, value]);
    leave(key === "consent_scopes" ? "consent" : key)();
  };

  return (
    <form ref={formRef} class="screen record-form" onSubmit={f.submit} aria-labelledby="seeker-form-title" noValidate>
      <div class="toolbar">
        <h2 id="seeker-form-title">{id ? `구직자 정보 수정 — ${form.name}` : "새 구직자 등록"}</h2>
      </div>
      {failure && (
        <p class="error banner" role="alert" id="seeker-form-error">
          {errorText(failure)}
        </p>
      )}
      <fieldset>
        <legend>기본 정보</legend>
        <div class="grid">
          <Field name="name" label="이름" required errors={shown}>
            <input {...text("name", { autocomplete: "off" })} />
          </Field>
          <Field name="birth_date" label="생년월일" errors={shown} hint="예: 1988-03-15">
            <input {...text("birth_date", { inputMode: "numeric", placeholder: "YYYY-MM-DD" })} />
          </Field>
          <Field name="gender" label="성별" errors={shown}>
            <select id="f-gender" value={form.gender} onChange={(e) => set("gender", e.currentTarget.value)} onBlur={leave("gender")}>
              <option value="">선택 안 함</option>
              {choices.genders.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
          <Field name="phone" label="연락처" errors={shown} hint="예: 010-1234-5678">
            <input {...text("phone", { type: "tel", inputMode: "tel" })} />
          </Field>
          <Field name="email" label="이메일" errors={shown}>
            <input {...text("email", { type: "email" })} />
          </Field>
          <Field name="home_sigungu" label="거주지 (시군구)" errors={shown}>
            <CodePicker
              id="f-home_sigungu"
              label="거주지"
              list="sigungu"
              value={form.home_sigungu ? [form.home_sigungu] : []}
              describedBy={described("home_sigungu")}
              invalid={!!shown.home_sigungu}
              onChange={(codes) => set("home_sigungu", codes[0] ?? "")}
              onBlur={leave("home_sigungu")}
            />
          </Field>
        </div>
      </fieldset>
      <Duplicates form={form} onOpen={onOpenSeeker} onConfirm={(ok) => set("duplicate_ok", ok)} error={shown["duplicate_ok"]} />
      <fieldset>
        <legend>참여</legend>
        <div class="grid">
          <Field name="track" label="참여유형" required errors={shown}>
            <select id="f-track" value={form.track} onChange={(e) => set("track", e.currentTarget.value)}>
              {choices.tracks.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
          <Field name="status" label="진행상태" required errors={shown}>
            <select id="f-status" value={form.status} onChange={(e) => set("status", e.currentTarget.value)}>
              {choices.statuses.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
          <Field name="enrolled_on" label="참여일" errors={shown}>
            <input {...text("enrolled_on", { placeholder: "YYYY-MM-DD" })} />
          </Field>
          <Field name="consent" label="개인정보 동의일" errors={shown} hint="동의서를 받은 날. 비워 두면 동의 기록 없음">
            <input
              id="f-consent"
              value={form.consent_on}
              placeholder="YYYY-MM-DD"
              aria-invalid={shown.consent ? true : undefined}
              aria-describedby={described("consent")}
              onInput={(e) => set("consent_on", e.currentTarget.value)}
              onBlur={leave("consent")}
            />
          </Field>
          <Field name="consent_method" label="동의 방식" errors={shown}>
            <select id="f-consent_method" value={form.consent_method} onChange={(e) => set("consent_method", e.currentTarget.value)} onBlur={leave("consent_method")}>
              <option value="">기록 안 함</option>
              {choices.consent_methods.map((c) => (
                <option value={c.value}>{c.label}</option>
              ))}
            </select>
          </Field>
        </div>
        <div class="checks" role="group" aria-label="동의 범위">
          <span class="group-label">동의 범위</span>
          {choices.consent_scopes.map((c) => (
            <label class="check">
              <input type="checkbox" checked={form.consent_scopes.includes(c.value)} onChange={() => toggle("consent_scopes", c.value)} />
              {c.label}
            </label>
          ))}
        </div>
        <div class="checks" role="group" aria-label="대상 집단">
          <span class="group-label">대상 집단</span>
          {choices.target_groups.map((c) => (
            <label class="check">
              <input type="checkbox" checked={form.target_groups.includes(c.value)} onChange={() => toggle("target_groups", c.value)} />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>희망 조건</legend>
        <div class="grid">
          <Field name="desired_occupations" label="희망직종 (KECO)" errors={shown}>
            <CodePicker
              id="f-desired_occupations"
              label="희망직종"
              list="keco"
              multiple
              value={form.desired_occupations}
              describedBy={described("desired_occupations")}
              invalid={!!shown.desired_occupations}
              onChange={(codes) => set("desired_occupations", codes)}
              onBlur={leave("desired_occupations")}
            />
          </Field>
          <Field name="certificates" label="보유 자격증" errors={shown}>
            <CodePicker
              id="f-certificates"
              label="보유 자격증"
              list="qualification"
              multiple
              storeLabel
              value={form.certificates}
              onChange={(v) => set("certificates", v)}
            />
          </Field>
          <Field name="desired_wage_monthly" label="희망임금 (월, 만원)" errors={shown} hint="예: 월 280만원 → 280">
            <input {...text("desired_wage_monthly", { inputMode: "decimal" })} />
          </Field>
          <Field name="skills" label="보유 기술" errors={shown} hint="쉼표로 구분 (예: CO2 용접, 도면 해독)">
            <input {...text("skills")} />
          </Field>
          <Field name="max_commute_km" label="최대 통근거리 (km)" errors={shown}>
            <input {...text("max_commute_km", { inputMode: "numeric" })} />
          </Field>
          <Field name="accepts_shift" label="교대근무" errors={shown}>
            <select id="f-accepts_shift" value={form.accepts_shift} onChange={(e) => set("accepts_shift", e.currentTarget.value)}>
              <option value="">미확인</option>
              <option value="yes">가능</option>
              <option value="no">불가</option>
            </select>
          </Field>
          <Field name="willing_to_relocate" label="기숙사 입주" errors={shown}>
            <select id="f-willing_to_relocate" value={form.willing_to_relocate} onChange={(e) => set("willing_to_relocate", e.currentTarget.value)}>
              <option value="">미확인</option>
              <option value="yes">가능</option>
              <option value="no">불가</option>
            </select>
          </Field>
        </div>
        <Field name="iap_goal" label="IAP 취업 목표" errors={shown}>
          <input {...text("iap_goal")} />
        </Field>
        <Field name="note" label="메모" errors={shown}>
          <textarea id="f-note" rows={3} value={form.note} onInput={(e) => set("note", e.currentTarget.value)} />
        </Field>
      </fieldset>
      <FormActions saveId="seeker-form-save" saving={saving} onCancel={onCancel} />
    </form>
  );
}
