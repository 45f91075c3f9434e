import { AccessLog } from "../components/AccessLog";
import { AutoBackupSettings } from "../components/AutoBackupSettings";
import { AutoLockSettings } from "../components/AutoLockSettings";
import { RestoreBackup } from "../components/RestoreBackup";
import { RetentionSettings } from "../components/RetentionSettings";
import { ExportForm } from "../components/ExportForm";
import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { DataChoices, ImportKind, ImportOutcome, Progress } from "../bindings";
import { ProgressBar } from "../components/ProgressBar";
import { count, errorText } from "../lib/format";

/** 가져오기·내보내기: CSV/XLSX in (all-or-nothing unless asked), lists out to
 * the download folder, and a demo for an empty training caseload. */
export function DataScreen(props: { onChanged: () => void }) {
  // What can be imported and exported, and how, comes from the desk.
  const [choices, setChoices] = useState<DataChoices | null>(null);
  const [kind, setKind] = useState<ImportKind | null>(null);
  // The path picked in the file dialog (or pasted): the desk reads the file.
  const [path, setPath] = useState("");
  const [skip, setSkip] = useState(false);
  // 수정 가져오기: rows whose ID exists correct that record.
  const [update, setUpdate] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [demoDone, setDemoDone] = useState<number | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [demoSize, setDemoSize] = useState("500");
  // Bumped by a restore: the panels below read the restored file afresh
  // (a panel still showing the old file's value would save it back).
  const [restored, setRestored] = useState(0);

  useEffect(() => {
    api.dataChoices().then(setChoices, setError);
  }, []);
  // The kind picked, or the first the desk offers.
  const importKind = kind ?? (choices?.kinds[0]?.value as ImportKind | undefined) ?? null;

  async function run<T>(what: string, task: () => Promise<T>, done: (v: T) => void) {
    setBusy(what);
    setProgress(null);
    setError(null);
    try {
      done(await task());
      props.onChanged();
    } catch (e) {
      setError(e as UiError);
    } finally {
      setBusy(null);
    }
  }

  const doImport = (e: Event) => {
    e.preventDefault();
    if (path.trim() === "" || !importKind) return;
    setOutcome(null);
    run(
      "import",
      () => api.importFile({ kind: importKind, skip_invalid: skip, update }, path.trim(), setProgress),
      setOutcome,
    );
  };

  return (
    <section class="screen" aria-labelledby="data-title">
      <h2 id="data-title">가져오기·내보내기</h2>
      {error && (
        <p class="error banner" role="alert" id="data-error">
          {errorText(error)}
        </p>
      )}
      <form class="panel stack" onSubmit={doImport} aria-labelledby="import-title">
        <h3 id="import-title">엑셀·CSV 가져오기</h3>
        <p class="muted">엑셀(XLSX)과 CSV(UTF-8, 엑셀의 CP949 포함)를 읽습니다. 오류가 한 줄이라도 있으면 아무것도 저장하지 않고 고칠 줄을 알려 드립니다.</p>
        <div class="filters">
          <div class="field">
            <label for="import-kind">종류</label>
            <select id="import-kind" value={importKind ?? ""} onChange={(e) => setKind(e.currentTarget.value as ImportKind)}>
              {choices?.kinds.map((k) => (
                <option value={k.value}>{k.label}</option>
              ))}
            </select>
          </div>
          <div class="field grow">
            <label for="import-path">파일</label>
            <input
              id="import-path"
              value={path}
              placeholder="찾아보기를 눌러 파일을 고르세요"
              aria-describedby="import-limit"
              onInput={(e) => setPath(e.currentTarget.value)}
            />
            {choices && (
              <p class="hint-text" id="import-limit">
                {choices.import_extensions.map((x) => x.toUpperCase()).join("·")} 파일, {choices.max_import_mb} MB까지
              </p>
            )}
          </div>
          <button
            type="button"
            id="import-browse"
            class="btn"
            disabled={busy !== null || !choices}
            onClick={() => {
              if (!choices) return;
              setError(null);
              api.pickImportFile(choices.import_extensions).then((p) => p !== null && setPath(p), setError);
            }}
          >
            찾아보기…
          </button>
        </div>
        <label class="check">
          <input id="import-skip" type="checkbox" checked={skip} onChange={() => setSkip(!skip)} />
          오류가 있는 줄은 건너뛰고 나머지를 저장
        </label>
        <label class="check">
          <input id="import-update" type="checkbox" checked={update} onChange={() => setUpdate(!update)} />
          수정 가져오기: ID 열이 이미 있는 기록을 가리키면 그 기록에서 파일에 있는 열만 고침 (나머지 줄은 새 기록)
        </label>
        <div class="actions">
          <button type="submit" id="import-run" class="btn primary" disabled={path.trim() === "" || busy !== null}>
            가져오기
          </button>
        </div>
        {busy === "import" && <ProgressBar label="가져오는 중" progress={progress} />}
        {outcome && (
          <div id="import-outcome" role="status">
            <p class={outcome.saved ? "hint" : "error banner"}>
              {outcome.saved
                ? outcome.report.updated + outcome.report.unchanged > 0
                  ? `${count(outcome.report.rows)}줄 중 ${count(outcome.report.imported)}건을 새로 저장하고 ${count(outcome.report.updated)}건을 고쳤습니다 (변화 없음 ${count(outcome.report.unchanged)}건, ${outcome.report.source}).`
                  : `${count(outcome.report.rows)}줄 중 ${count(outcome.report.imported)}건을 저장했습니다 (${outcome.report.source}).`
                : `오류가 ${count(outcome.report.errors.length)}건 있어 아무것도 저장하지 않았습니다 (${outcome.report.source}).`}
            </p>
            {outcome.report.ignored_columns.length > 0 && (
              <p class="muted">알 수 없는 열은 무시했습니다: {outcome.report.ignored_columns.join(", ")}</p>
            )}
            {outcome.report.errors.length > 0 && (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">줄</th>
                      <th scope="col">열</th>
                      <th scope="col">오류</th>
                    </tr>
                  </thead>
                  <tbody id="import-errors">
                    {outcome.report.errors.slice(0, 200).map((r) => (
                      <tr>
                        <td>{r.line}</td>
                        <td>{r.column ?? ""}</td>
                        <td class="wrap">{r.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </form>

      {choices && <ExportForm choices={choices} onDone={props.onChanged} />}

      <div class="panel stack" aria-labelledby="demo-title">
        <h3 id="demo-title">교육용 가상 데이터</h3>
        <p class="muted">빈 사례관리 파일에만 가상 구직자·기업을 만듭니다. 실제 사례와 섞이지 않습니다.</p>
        <div class="filters">
          <div class="field narrow">
            <label for="demo-seekers">구직자 수</label>
            <input id="demo-seekers" inputMode="numeric" value={demoSize} onInput={(e) => setDemoSize(e.currentTarget.value)} />
          </div>
          <button
            type="button"
            id="demo-run"
            class="btn"
            disabled={busy !== null}
            onClick={() => {
              const n = Number.parseInt(demoSize.replace(/[,\s]/g, ""), 10);
              if (!Number.isFinite(n) || n <= 0) {
                setError({ code: "input.invalid", message: "구직자 수를 숫자로 입력해 주세요.", fields: [] });
                return;
              }
              run("demo", () => api.generateDemo(n, Math.max(10, Math.round(n / 8)), 1, setProgress), setDemoDone);
            }}
          >
            가상 데이터 만들기
          </button>
        </div>
        {busy === "demo" && <ProgressBar label="가상 데이터를 만드는 중" progress={progress} />}
        {demoDone !== null && (
          <p class="hint" role="status" id="demo-outcome">
            가상 구직자 {count(demoDone)}명을 만들었습니다.
          </p>
        )}
      </div>

      <Backup />

      <RestoreBackup
        onRestored={() => {
          setRestored((n) => n + 1);
          props.onChanged();
        }}
      />

      <AutoBackupSettings key={`auto-backup-${restored}`} />

      <AutoLockSettings key={`auto-lock-${restored}`} />

      <RetentionSettings key={`retention-${restored}`} />

      <div class="panel stack" aria-labelledby="access-title">
        <h3 id="access-title">개인정보 접근 기록</h3>
        <p class="muted">이 노트북에서 누가 어느 구직자의 화면을 열고, 무엇을 내보내고 출력하고 파기했는지. 기록은 고칠 수 없고, 고치거나 지우면 검사에서 드러납니다.</p>
        <AccessLog key={`access-${restored}`} id="access-all" limit={100} verify />
      </div>
    </section>
  );
}

/** 백업: an encrypted copy of the caseload in Downloads. The desk does not
 * keep the passphrase, so the counselor types it; the copy opens with it. */
function Backup() {
  const [pass, setPass] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  async function run(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const out = await api.backupCaseload(pass);
      setOutcome({ ok: true, text: `백업했습니다 (기록 ${count(out.count)}건): ${out.path}` });
    } catch (err) {
      setOutcome({ ok: false, text: errorText(err as UiError) });
    } finally {
      setPass("");
      setBusy(false);
    }
  }
  return (
    <form class="panel stack" aria-labelledby="backup-title" onSubmit={run}>
      <h3 id="backup-title">백업</h3>
      <p class="muted">사례관리 파일 전체를 다운로드 폴더에 새 파일로 복사합니다. 백업은 지금 암호로 암호화되어 그 암호로만 열립니다. 복원은 아래 복원에서 합니다.</p>
      <div class="filters">
        <div class="field narrow">
          <label for="backup-passphrase">사례관리 암호</label>
          <input id="backup-passphrase" type="password" autoComplete="off" value={pass} onInput={(e) => setPass(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn" id="backup-run" disabled={busy || pass === ""}>
          백업 만들기
        </button>
      </div>
      {outcome && (
        <p class={outcome.ok ? "hint" : "error"} role={outcome.ok ? "status" : "alert"} id="backup-outcome">
          {outcome.text}
        </p>
      )}
    </form>
  );
}
