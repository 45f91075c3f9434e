import { useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { RestoreOutcome } from "../bindings";
import { count, errorText } from "../lib/format";

/** 복원: a backup file put in place of the caseload. The caseload's
 * passphrase is typed (the backup must open with it). The desk refuses a
 * backup of another center, a damaged one, and one missing work the
 * caseload holds unless the counselor ticks that it may be lost; the
 * replaced file is kept beside the caseload either way. */
export function RestoreBackup(props: { onRestored: () => void }) {
  const [path, setPath] = useState("");
  const [pass, setPass] = useState("");
  const [replaceNewer, setReplaceNewer] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RestoreOutcome | null>(null);
  // A refusal about the backup itself goes under the file; others below.
  const [pathError, setPathError] = useState<string[]>([]);
  // A wrong passphrase goes under the passphrase (it counts as a wrong try
  // at unlock).
  const [passError, setPassError] = useState("");
  const [failure, setFailure] = useState("");

  async function browse() {
    try {
      const picked = await api.pickBackupFile();
      if (picked) {
        setPath(picked);
        setPathError([]);
      }
    } catch (x) {
      setFailure(errorText(x as UiError));
    }
  }

  async function run(e: Event) {
    e.preventDefault();
    setBusy(true);
    setDone(null);
    setPathError([]);
    setPassError("");
    setFailure("");
    try {
      const out = await api.restoreBackup({ path, passphrase: pass, replace_newer: replaceNewer });
      setDone(out);
      setReplaceNewer(false);
      props.onRestored();
    } catch (x) {
      const ui = x as UiError;
      const about = ui.fields.filter((f) => f.field === "backup").map((f) => f.message);
      setPathError(about);
      if (ui.code === "store.wrong_passphrase" || ui.code === "desk.unlock_wait") setPassError(errorText(ui));
      else setFailure(about.length ? "" : errorText(ui));
      // Restored, then locked because it would not open: the file is the
      // restored one, so the panels must read it afresh after unlock.
      if (ui.code === "desk.restored_not_reopened") props.onRestored();
    } finally {
      setPass("");
      setBusy(false);
    }
  }

  return (
    <form class="panel stack" aria-labelledby="restore-title" onSubmit={run}>
      <h3 id="restore-title">복원</h3>
      <p class="muted">
        백업 파일로 지금 사례관리 파일을 바꿉니다. 같은 센터의 백업만 복원하며, 지금 파일은 지우지 않고 옆에 보관합니다. 백업에 없는 작업이 지금 파일에 있으면 묻습니다.
      </p>
      <div class="filters">
        <div class="field">
          <label for="restore-path">백업 파일</label>
          <input
            id="restore-path"
            value={path}
            aria-invalid={pathError.length ? true : undefined}
            aria-describedby={pathError.length ? "restore-path-error" : undefined}
            onInput={(e) => {
              setPath(e.currentTarget.value);
              setPathError([]);
            }}
          />
          {pathError.length > 0 && (
            <p class="field-error" id="restore-path-error" role="alert">
              {pathError.join(" ")}
            </p>
          )}
        </div>
        <button type="button" class="btn" id="restore-browse" onClick={browse} disabled={busy}>
          파일 고르기
        </button>
        <div class="field narrow">
          <label for="restore-passphrase">사례관리 암호</label>
          <input
            id="restore-passphrase"
            type="password"
            autoComplete="off"
            value={pass}
            aria-invalid={passError ? true : undefined}
            aria-describedby={passError ? "restore-passphrase-error" : undefined}
            onInput={(e) => setPass(e.currentTarget.value)}
          />
          {passError && (
            <p class="field-error" id="restore-passphrase-error" role="alert">
              {passError}
            </p>
          )}
        </div>
      </div>
      <label class="check">
        <input type="checkbox" id="restore-replace-newer" checked={replaceNewer} disabled={busy} onChange={(e) => setReplaceNewer(e.currentTarget.checked)} />
        백업에 없는 작업을 잃어도 복원합니다
      </label>
      <div class="actions">
        <button type="submit" class="btn" id="restore-run" disabled={busy || path.trim() === "" || pass === ""}>
          {busy ? "복원하는 중…" : "백업에서 복원"}
        </button>
      </div>
      {done && (
        <div class="hint" role="status" id="restore-outcome">
          <p>
            복원했습니다 (기록 {count(done.records)}건{done.last_change ? `, 마지막 변경 ${done.last_change}` : ""}).
            {done.kept && ` 바꾸기 전 파일은 그대로 보관했습니다: ${done.kept}`}
          </p>
          {done.enrolled && <p>동기화하던 노트북입니다. 다음 동기화 때 다시 등록하라고 하면 센터 관리자에게 받은 새 등록 코드로 등록하세요. 보내지 않은 변경은 그때 나갑니다.</p>}
        </div>
      )}
      {failure && (
        <p class="error" role="alert" id="restore-error">
          {failure}
        </p>
      )}
    </form>
  );
}
