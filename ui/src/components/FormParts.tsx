import type { UiError } from "../api";
import { errorText } from "../lib/format";

/** What a screen shows while its data loads, or why it could not. */
export function Loading({ failure }: { failure?: UiError | null }) {
  if (failure) {
    return (
      <p class="error" role="alert">
        {errorText(failure)}
      </p>
    );
  }
  return <p class="muted">불러오는 중…</p>;
}

/** 취소 and 저장 at the foot of a record form. */
export function FormActions(props: { saveId: string; saving: boolean; onCancel: () => void }) {
  return (
    <div class="actions">
      <button type="button" class="btn" onClick={props.onCancel}>
        취소
      </button>
      <button type="submit" id={props.saveId} class="btn primary" disabled={props.saving}>
        {props.saving ? "저장 중…" : "저장"}
      </button>
    </div>
  );
}

/** A select of list filters with 전체 first. */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">전체</option>
        {props.options.map((c) => (
          <option value={c.value}>{c.label}</option>
        ))}
      </select>
    </div>
  );
}

/** A field's error messages under it, the first with `${id}-error` for
 * aria-describedby. */
export function FieldMessages(props: { messages: readonly string[] | undefined; id: string }) {
  return (
    <>
      {(props.messages ?? []).map((m, i) => (
        <p class="field-error" id={i === 0 ? `${props.id}-error` : undefined} role="alert">
          {m}
        </p>
      ))}
    </>
  );
}
