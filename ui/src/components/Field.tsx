import type { ComponentChildren } from "preact";
import type { FieldErrors } from "../lib/fields";

/** A labelled form field with its hint and its Korean error messages, wired
 * for screen readers (the input gets `aria-describedby` from the form). */
export function Field(props: {
  name: string;
  label: string;
  required?: boolean;
  errors: FieldErrors;
  children: ComponentChildren;
  hint?: string;
}) {
  const messages = props.errors[props.name] ?? [];
  return (
    <div class={messages.length ? "field invalid" : "field"}>
      <label for={`f-${props.name}`}>
        {props.label}
        {props.required && <span class="required" aria-hidden="true"> *</span>}
      </label>
      {props.children}
      {props.hint && (
        <p class="hint-text" id={`f-${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {messages.map((m) => (
        <p class="field-error" id={`f-${props.name}-error`} role="alert">
          {m}
        </p>
      ))}
    </div>
  );
}

