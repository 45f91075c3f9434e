import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CaseloadSummary, DeskInfo } from "../bindings";

interface Props {
  info: DeskInfo;
  onUnlocked: (summary: CaseloadSummary) => void;
}

export function Unlock({ info, onUnlocked }: Props) {
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
      {!info.caseload_exists && (
        <p class="error" role="alert">
          사례관리 파일이 없습니다: {info.caseload_path}. <code>doyak init</code>으로 먼저 만들어 주세요.
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
