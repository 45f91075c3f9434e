import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CaseloadSummary, DeskInfo, NewCaseloadForm } from "../bindings";
import { CodePicker } from "../components/CodePicker";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";

interface Props {
  info: DeskInfo;
  onUnlocked: (summary: CaseloadSummary) => void;
}

/** The first start on a laptop: no caseload file yet. The counselor names
 * the center and chooses the passphrase that encrypts the file. */
function CreateCaseload({ info, onUnlocked }: Props) {
  const [form, setForm] = useState<NewCaseloadForm>({ center_name: "", center_sigungu: "", passphrase: "", confirm: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const set = (key: keyof NewCaseloadForm) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  const err = (name: string) =>
    (errors[name] ?? []).map((m) => (
      <p class="field-error" id={`c-${name}-error`} role="alert">
        {m}
      </p>
    ));

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setFailure("");
    try {
      onUnlocked(await api.createCaseload(form));
    } catch (x) {
      const ui = x as UiError;
      setErrors(byField(ui.fields));
      setFailure(errorText(ui));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card unlock" aria-labelledby="create-title">
      <h2 id="create-title">새 사례관리 파일 만들기</h2>
      <p class="muted small">이 노트북에 사례관리 파일이 없습니다 ({info.caseload_path}). 파일은 아래 암호로 암호화됩니다. 암호를 잃으면 파일을 열 수 없습니다.</p>
      <form id="create-form" onSubmit={submit} noValidate>
        <label for="c-center_name">센터 이름</label>
        <input id="c-center_name" value={form.center_name} onInput={set("center_name")} placeholder="예: 안산고용복지플러스센터" />
        {err("center_name")}
        <label for="c-center_sigungu">센터 소재지 (시군구)</label>
        <CodePicker
          id="c-center_sigungu"
          label="센터 소재지"
          list="sigungu"
          value={form.center_sigungu ? [form.center_sigungu] : []}
          onChange={(c) => setForm({ ...form, center_sigungu: c[0] ?? "" })}
        />
        {err("center_sigungu")}
        <label for="c-passphrase">암호 ({info.min_passphrase_chars}자 이상)</label>
        <input id="c-passphrase" type="password" autocomplete="new-password" value={form.passphrase} onInput={set("passphrase")} />
        {err("passphrase")}
        <label for="c-confirm">암호 확인</label>
        <input id="c-confirm" type="password" autocomplete="new-password" value={form.confirm} onInput={set("confirm")} />
        {err("confirm")}
        <button id="create-submit" type="submit" class="btn primary" disabled={busy}>
          {busy ? "만드는 중…" : "만들고 열기"}
        </button>
      </form>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

export function Unlock({ info, onUnlocked }: Props) {
  if (!info.caseload_exists) return <CreateCaseload info={info} onUnlocked={onUnlocked} />;
  return <UnlockExisting info={info} onUnlocked={onUnlocked} />;
}

function UnlockExisting({ info, onUnlocked }: Props) {
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  // How many tries have been answered; lets tests and screen readers tell a
  // repeated identical message from the previous one.
  const [answers, setAnswers] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const summary = await api.unlock(passphrase);
      setPassphrase("");
      onUnlocked(summary);
    } catch (err) {
      setError(err as UiError);
      setPassphrase("");
      input.current?.focus();
    } finally {
      setBusy(false);
      setAnswers((n) => n + 1);
    }
  }

  return (
    <section class="card unlock" aria-labelledby="unlock-title">
      <h2 id="unlock-title">사례관리 파일 열기</h2>
      {info.demo && (
        <p class="hint" id="demo-hint">
          데모 사례관리입니다 (가상 인물). 암호: <strong>{info.demo_passphrase}</strong>
        </p>
      )}
      <form id="unlock-form" onSubmit={submit} data-answers={answers}>
        <label for="passphrase">암호</label>
        <input
          id="passphrase"
          ref={input}
          type="password"
          autocomplete="current-password"
          required
          value={passphrase}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "unlock-error" : undefined}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
        <button id="unlock-form-submit" type="submit" class="btn primary" disabled={busy}>
          {busy ? "여는 중…" : "열기"}
        </button>
      </form>
      <p id="unlock-error" class="error" role="alert" aria-live="assertive">
        {error?.message ?? ""}
      </p>
    </section>
  );
}
