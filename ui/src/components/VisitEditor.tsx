import { useState } from "preact/hooks";
import { useFocusFirst } from "../lib/focus";
import { api, type UiError } from "../api";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";

/** A company visit in two fields: what was said, and (optionally) the day. */
export function VisitEditor(props: { companyId: string; companyName: string; onSaved: () => void; onCancel: () => void }) {
  const [content, setContent] = useState("");
  const [day, setDay] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");

  const formRef = useFocusFirst<HTMLFormElement>(true);
  async function save(e: Event) {
    e.preventDefault();
    try {
      await api.recordVisit({ company_id: props.companyId, occurred_on: day, mode: "", content });
      props.onSaved();
    } catch (err) {
      const ui = err as UiError;
      setFailure(errorText(ui));
      setErrors(byField(ui.fields));
    }
  }

  return (
    <form ref={formRef} class="session-form" onSubmit={save} aria-label={`${props.companyName} 방문 기록`}>
      <div class="field">
        <label for="v-content">방문 내용 — {props.companyName}</label>
        <textarea
          id="v-content"
          rows={3}
          value={content}
          aria-invalid={errors.content ? true : undefined}
          onInput={(e) => setContent(e.currentTarget.value)}
        />
        {(errors.content ?? []).map((m) => (
          <p class="field-error" role="alert">
            {m}
          </p>
        ))}
      </div>
      <div class="field narrow">
        <label for="v-day">방문일 (비우면 오늘)</label>
        <input id="v-day" placeholder="YYYY-MM-DD" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
        {(errors.occurred_on ?? []).map((m) => (
          <p class="field-error" role="alert">
            {m}
          </p>
        ))}
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" onClick={props.onCancel}>
          취소
        </button>
        <button type="submit" id="visit-save" class="btn primary">
          방문 기록 저장
        </button>
      </div>
    </form>
  );
}
