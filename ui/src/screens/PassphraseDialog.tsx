import { useRef, useState } from "preact/hooks";
import { useDialog } from "../lib/dialog";
import { api, type UiError } from "../api";
import type { PassphraseChangeForm } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";

interface Props {
  onClose: () => void;
  /** The command; the desk's by default (tests pass their own). */
  change?: (form: PassphraseChangeForm) => Promise<unknown>;
}

const EMPTY: PassphraseChangeForm = { current: "", new: "", confirm: "" };

/** 암호 변경: the current passphrase, the new one twice. The desk checks
 * them (the current one must open the file, the new one must be long enough
 * and typed the same twice) and answers with a message under each field. */
export function PassphraseDialog({ onClose, change = api.changePassphrase }: Props) {
  const [form, setForm] = useState<PassphraseChangeForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useDialog(first, onClose);

  const set = (key: keyof PassphraseChangeForm) => (e: Event) =>
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  const err = (name: string) =>
    (errors[name] ?? []).map((m) => (
      <p class="field-error" id={`p-${name}-error`} role="alert">
        {m}
      </p>
    ));
  const field = (name: keyof PassphraseChangeForm, label: string, autocomplete: string, ref?: typeof first) => (
    <>
      <label for={`p-${name}`}>{label}</label>
      <input
        id={`p-${name}`}
        ref={ref}
        type="password"
        autocomplete={autocomplete}
        value={form[name]}
        onInput={set(name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `p-${name}-error` : undefined}
      />
      {err(name)}
    </>
  );

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure("");
    try {
      await change(form);
      setForm(EMPTY);
      setErrors({});
      setDone(true);
    } catch (x) {
      const ui = x as UiError;
      setErrors(byField(ui.fields));
      // Field errors stand under their fields; other failures (a wait after
      // wrong tries, a locked file) below the form.
      setFailure(ui.fields.length > 0 ? "" : ui.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="overlay">
      <section class="card dialog" role="dialog" aria-modal="true" aria-labelledby="passphrase-title">
        <h2 id="passphrase-title">암호 변경</h2>
        {done ? (
          <>
            <p id="passphrase-done" class="hint" role="status">
              암호를 바꿨습니다. 다음부터는 새 암호로 사례관리 파일을 엽니다. 이전 암호로는 더 이상 열리지 않습니다.
            </p>
            <button id="passphrase-close" type="button" class="btn primary" onClick={onClose}>
              닫기
            </button>
          </>
        ) : (
          <form id="passphrase-form" onSubmit={submit} noValidate>
            <p class="muted small">
              사례관리 파일을 새 암호로 다시 암호화합니다. 새 암호를 잃으면 파일을 열 수 없으니 안전하게 기억해 두세요.
            </p>
            {field("current", "현재 암호", "current-password", first)}
            {field("new", "새 암호", "new-password")}
            {field("confirm", "새 암호 확인", "new-password")}
            <div class="actions">
              <button id="passphrase-submit" type="submit" class="btn primary" disabled={busy}>
                {busy ? "바꾸는 중…" : "암호 바꾸기"}
              </button>
              <button id="passphrase-cancel" type="button" class="btn" onClick={onClose} disabled={busy}>
                취소
              </button>
            </div>
            {failure && (
              <p id="passphrase-error" class="error" role="alert">
                {failure}
              </p>
            )}
          </form>
        )}
      </section>
    </div>
  );
}
