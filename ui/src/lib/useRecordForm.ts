// The state every record form shares: the form's text, inline checking by
// the desk as it changes, which fields were left, saving, and the errors.
import { useEffect, useMemo, useState } from "preact/hooks";
import type { UiError } from "../api";
import type { FieldError } from "../bindings";
import { byField, visible, type FieldErrors } from "./fields";
import { setUnsaved, useUnsaved } from "./guard";
import { latestOnly } from "./latest";

export interface RecordForm<F> {
  form: F | null;
  set: <K extends keyof F>(key: K, value: F[K]) => void;
  /** Errors to show now (left fields, or all after a save attempt). */
  shown: FieldErrors;
  leave: (field: string) => () => void;
  described: (field: string) => string | undefined;
  failure: UiError | null;
  saving: boolean;
  submit: (e: Event) => Promise<void>;
  /** The props that wire a text input to a field: id, value, error state. */
  bind: (key: keyof F & string, extra?: Record<string, unknown>) => Record<string, unknown>;
}

export function useRecordForm<F>(
  load: () => Promise<F>,
  check: (form: F) => Promise<FieldError[]>,
  save: (form: F) => Promise<string>,
  onSaved: (id: string) => void,
  deps: readonly unknown[],
): RecordForm<F> {
  const [form, setForm] = useState<F | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [saving, setSaving] = useState(false);
  const latestCheck = useMemo(() => latestOnly(check), []);
  // Typed into and not saved: leaving asks first (lib/guard).
  const [changed, setChanged] = useState(false);
  useUnsaved("record-form", changed);

  useEffect(() => {
    load().then(setForm, setFailure);
  }, deps);

  useEffect(() => {
    if (!form) return;
    const timer = setTimeout(() => {
      latestCheck(form).then((r) => !r.stale && setErrors(byField(r.value)), () => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [form, latestCheck]);

  const shown = visible(errors, touched, submitted);
  const set = <K extends keyof F>(key: K, value: F[K]) => {
    setChanged(true);
    setForm((f) => (f ? { ...f, [key]: value } : f));
  };
  const leave = (field: string) => () => setTouched((t) => new Set(t).add(field));
  const described = (field: string) => (shown[field] ? `f-${field}-error` : undefined);
  return {
    form,
    set,
    shown,
    leave,
    described,
    bind: (key, extra = {}) => ({
      id: `f-${key}`,
      value: form ? (form[key] as unknown as string) : "",
      "aria-invalid": shown[key] ? true : undefined,
      "aria-describedby": described(key),
      onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value as F[typeof key]),
      onBlur: leave(key),
      ...extra,
    }),
    failure,
    saving,
    submit: async (e: Event) => {
      e.preventDefault();
      if (!form || saving) return;
      setSubmitted(true);
      setSaving(true);
      setFailure(null);
      try {
        const id = await save(form);
        setChanged(false);
        // Now, not after the next render: onSaved may leave the screen.
        setUnsaved("record-form", false);
        onSaved(id);
      } catch (err) {
        const ui = err as UiError;
        setFailure(ui);
        setErrors(byField(ui.fields));
      } finally {
        setSaving(false);
      }
    },
  };
}
