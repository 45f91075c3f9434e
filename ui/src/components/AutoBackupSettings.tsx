import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { AutoBackupView } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";

/** 자동 백업: the folder (a USB drive, a shared folder) and how many daily
 * backups it keeps. The desk makes one a day while it is open; the first
 * right after saving. */
export function AutoBackupSettings() {
  const [view, setView] = useState<AutoBackupView | null>(null);
  const [folder, setFolder] = useState("");
  const [keep, setKeep] = useState("7");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const show = (v: AutoBackupView) => {
    setView(v);
    setFolder(v.form.folder);
    setKeep(String(v.form.keep));
  };
  useEffect(() => {
    api.autoBackup().then(show, (e: UiError) => setFailure(errorText(e)));
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure("");
    try {
      const n = Number.parseInt(keep.trim(), 10);
      const saved = await api.setAutoBackup({ folder, keep: Number.isFinite(n) ? n : 0 });
      show(saved);
      // Today's first backup runs in the background: ask again shortly.
      if (saved.form.folder) setTimeout(() => api.autoBackup().then(show, () => undefined), 5000);
    } catch (x) {
      const ui = x as UiError;
      setErrors(byField(ui.fields));
      setFailure(ui.fields.length ? "" : errorText(ui));
    } finally {
      setBusy(false);
    }
  }

  async function browse() {
    try {
      const picked = await api.pickFolder();
      if (picked) setFolder(picked);
    } catch (x) {
      setFailure(errorText(x as UiError));
    }
  }

  const fieldError = (name: string) =>
    (errors[name] ?? []).map((m) => (
      <p class="field-error" id={`auto-backup-${name}-error`} role="alert">
        {m}
      </p>
    ));

  return (
    <form class="panel stack" aria-labelledby="auto-backup-title" onSubmit={save}>
      <h3 id="auto-backup-title">자동 백업</h3>
      <p class="muted">
        도약이 열려 있는 날 하루 한 번, 고른 폴더에 암호화된 백업을 만들고 오래된 자동 백업은 정한 개수만 남기고 지웁니다. 폴더를 비우면 자동 백업을 끕니다. 잠긴 동안에는 만들지 않습니다.
      </p>
      <div class="filters">
        <div class="field">
          <label for="auto-backup-folder">백업 폴더</label>
          <input id="auto-backup-folder" value={folder} aria-invalid={errors.folder ? true : undefined} onInput={(e) => setFolder(e.currentTarget.value)} />
          {fieldError("folder")}
        </div>
        <button type="button" class="btn" id="auto-backup-browse" onClick={browse}>
          폴더 고르기
        </button>
        <div class="field narrow">
          <label for="auto-backup-keep">보관 개수</label>
          <input id="auto-backup-keep" inputMode="numeric" value={keep} aria-invalid={errors.keep ? true : undefined} onInput={(e) => setKeep(e.currentTarget.value)} />
          {fieldError("keep")}
        </div>
        <button type="submit" class="btn" id="auto-backup-save" disabled={busy || view === null}>
          저장
        </button>
      </div>
      {view?.last && (
        <p class={view.last_failed ? "error" : "hint"} role={view.last_failed ? "alert" : "status"} id="auto-backup-last">
          마지막 자동 백업: {view.last}
        </p>
      )}
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
