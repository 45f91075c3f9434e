import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CaseloadSummary, DeskInfo, JoinForm, Joined, LockNotice, NewCaseloadForm } from "../bindings";
import { CodePicker } from "../components/CodePicker";
import { Tabs, type TabSpec } from "../components/Tabs";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";
import { emptyJoinForm, joinFailure, joinFieldId, joinProgress } from "../lib/join";

interface Props {
  info: DeskInfo;
  onUnlocked: (summary: CaseloadSummary) => void;
}

type Start = "create" | "join";
const STARTS: ReadonlyArray<TabSpec<Start>> = [
  { tab: "create", label: "새 사례관리 파일 만들기" },
  { tab: "join", label: "센터에 합류" },
];

/** The first start on a laptop: no caseload file yet. Either a new caseload
 * (a center's first laptop, or one without a sync server), or joining a
 * center that already syncs. Both panels stay mounted, so what was typed in
 * one survives a look at the other. */
function FirstStart({ info, onUnlocked }: Props) {
  const [start, setStart] = useState<Start>("create");
  const [stopped, setStopped] = useState<Joined | null>(null);
  if (stopped) return <PullStopped joined={stopped} onContinue={() => onUnlocked(stopped.summary)} />;
  return (
    <section class="card unlock first-start" aria-labelledby="first-title">
      <h2 id="first-title">도약 시작하기</h2>
      <p class="muted small">이 노트북에 사례관리 파일이 없습니다 ({info.caseload_path}).</p>
      <Tabs label="시작 방법" tabs={STARTS} current={start} onChange={setStart} />
      <div role="tabpanel" id="panel-create" aria-labelledby="tab-create" class="first-panel" hidden={start !== "create"}>
        <CreateCaseload info={info} onUnlocked={onUnlocked} />
      </div>
      <div role="tabpanel" id="panel-join" aria-labelledby="tab-join" class="first-panel" hidden={start !== "join"}>
        <JoinCenter info={info} onUnlocked={onUnlocked} onPullStopped={setStopped} />
      </div>
    </section>
  );
}

/** A new caseload: the counselor names the center and chooses the
 * passphrase that encrypts the file. */
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
    <>
      <p class="muted small" id="create-intro">
        센터의 첫 노트북이거나 동기화 서버 없이 쓸 때 고르세요. 파일은 아래 암호로 암호화됩니다. 암호를 잃으면 파일을 열 수 없습니다.
      </p>
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
    </>
  );
}

/** 센터에 합류: a counselor whose center already syncs enters the server's
 * address and the administrator's one-time code; the desk enrolls this
 * laptop, creates the caseload under the center and pulls its records. A
 * pull that stops after the join keeps the join: the caseload is open, and
 * the next sync carries on. */
function JoinCenter({ info, onUnlocked, onPullStopped }: Props & { onPullStopped: (joined: Joined) => void }) {
  const [form, setForm] = useState<JoinForm>(emptyJoinForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<number | null>(null);
  // A field's message goes once the counselor edits that field: a corrected
  // code should not sit under the old refusal until the next try.
  const set = (key: keyof JoinForm) => (e: Event) => {
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
    setErrors(({ [key]: _edited, ...rest }) => rest);
  };
  const invalid = (key: keyof JoinForm) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `${joinFieldId(key)}-error` } : {});
  const err = (key: keyof JoinForm) =>
    errors[key] && (
      <p class="field-error" id={`${joinFieldId(key)}-error`} role="alert">
        {errors[key].join(" ")}
      </p>
    );

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setErrors({});
    setReceived(null);
    try {
      const joined = await api.joinCenter(form, (r) => setReceived(r.received));
      if (joined.pull_error) onPullStopped(joined);
      else onUnlocked(joined.summary);
    } catch (x) {
      const ui = x as UiError;
      setErrors(byField(ui.fields));
      setFailure(ui);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="muted small" id="join-intro">
        센터가 이미 동기화 서버를 쓰고 있으면 관리자에게 받은 등록 코드로 합류하세요. 센터의 기록을 이 노트북으로 받아 옵니다.
      </p>
      <form id="join-form" onSubmit={submit} noValidate>
        <label for="join-server-url">서버 주소</label>
        <input id="join-server-url" inputMode="url" autocomplete="url" spellcheck={false} value={form.server_url} onInput={set("server_url")} {...invalid("server_url")} />
        {err("server_url")}
        <label for="join-code">등록 코드</label>
        <input
          id="join-code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          placeholder="ABCD-EFGH-JKMN"
          value={form.code}
          onInput={set("code")}
          {...invalid("code")}
        />
        {err("code")}
        <label for="join-device-name">
          기기 이름 <span class="optional">(선택: 관리자가 기기 목록에서 알아볼 이름)</span>
        </label>
        <input id="join-device-name" autocomplete="off" placeholder={info.default_device_name} value={form.device_name} onInput={set("device_name")} {...invalid("device_name")} />
        {err("device_name")}
        <label for="join-passphrase">암호 ({info.min_passphrase_chars}자 이상)</label>
        <input id="join-passphrase" type="password" autocomplete="new-password" value={form.passphrase} onInput={set("passphrase")} {...invalid("passphrase")} />
        {err("passphrase")}
        <label for="join-confirm">암호 확인</label>
        <input id="join-confirm" type="password" autocomplete="new-password" value={form.confirm} onInput={set("confirm")} {...invalid("confirm")} />
        {err("confirm")}
        <button id="join-submit" type="submit" class="btn primary" disabled={busy}>
          {busy ? "합류하는 중…" : "합류하고 기록 받기"}
        </button>
      </form>
      {busy && (
        <p id="join-progress" class="hint" role="status" aria-live="polite">
          {joinProgress(received)}
        </p>
      )}
      {/* A refusal told only under the fields goes with their last message. */}
      {failure && (failure.fields.length === 0 || Object.keys(errors).length > 0) && (
        <p class="error" id="join-error" role="alert">
          {joinFailure(failure)}
        </p>
      )}
    </>
  );
}

/** Joined, but the first pull stopped: the caseload is open and enrolled,
 * what arrived is kept, and the next sync carries on. */
function PullStopped({ joined, onContinue }: { joined: Joined; onContinue: () => void }) {
  return (
    <section class="card unlock stack" id="join-stopped" aria-labelledby="join-stopped-title">
      <h2 id="join-stopped-title">센터에 합류했습니다</h2>
      <p class="hint" role="status">
        <strong>{joined.summary.center_name}</strong>에 이 노트북을 등록했고 사례관리 파일을 열었습니다.
      </p>
      {joined.pull_error && (
        <p class="error" id="join-pull-error" role="alert">
          센터 기록을 다 받지 못했습니다. {errorText(joined.pull_error)}
        </p>
      )}
      <p class="muted small">받은 기록은 보관되었습니다. 나머지는 다음 동기화 때 이어서 받습니다. 인터넷에 연결되어 있으면 5분마다 자동으로 동기화하고, 동기화 화면의 지금 동기화로 바로 받을 수도 있습니다.</p>
      <button id="join-continue" type="button" class="btn primary" onClick={onContinue}>
        오늘 할 일로 가기
      </button>
    </section>
  );
}

export function Unlock({ info, onUnlocked }: Props) {
  if (!info.caseload_exists) return <FirstStart info={info} onUnlocked={onUnlocked} />;
  return <UnlockExisting info={info} onUnlocked={onUnlocked} />;
}

/** The desk locked itself (자동 잠금) or was locked: the same passphrase
 * form over the hidden screens, saying why. What was on the screens stays
 * as it was for when the counselor is back. */
export function LockScreen({ info, notice, onUnlocked }: Props & { notice: LockNotice }) {
  return (
    <div class="lock-cover" id="lock-screen">
      <UnlockExisting info={info} onUnlocked={onUnlocked} notice={notice} />
    </div>
  );
}

function UnlockExisting({ info, onUnlocked, notice }: Props & { notice?: LockNotice }) {
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
      <h2 id="unlock-title">{notice ? "도약이 잠겼습니다" : "사례관리 파일 열기"}</h2>
      {notice && (
        <p id="lock-reason" role="status">
          {notice.message} 다시 쓰려면 암호를 입력하세요. 잠긴 동안에는 사례관리 파일이 닫혀 있고 동기화도 멈춥니다.
        </p>
      )}
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
      {busy && (
        // Shown only if opening takes a while (CSS fades it in after 2 s):
        // the first open after an update rewrites the file's indexes once,
        // which takes about a minute for 50,000 seekers.
        <p id="unlock-slow" class="muted small slow-note" role="status">
          새 버전으로 처음 여는 파일은 한 번, 파일을 새 형식에 맞추느라 1분 가까이 걸릴 수 있습니다. 창을 닫지 마세요.
        </p>
      )}
      <p id="unlock-error" class="error" role="alert" aria-live="assertive">
        {error?.message ?? ""}
      </p>
    </section>
  );
}
