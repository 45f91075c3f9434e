import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { AutoLockSetting } from "../bindings";
import { errorText } from "../lib/format";

/** 자동 잠금: how long every desk of the center waits without input before
 * it locks (a center setting: it syncs to the center's other desks). */
export function AutoLockSettings() {
  const [setting, setSetting] = useState<AutoLockSetting | null>(null);
  const [minutes, setMinutes] = useState("");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    api.autoLockSetting().then((s) => {
      setSetting(s);
      setMinutes(String(s.minutes));
    }, (e: UiError) => setOutcome({ ok: false, text: errorText(e) }));
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    const n = Number.parseInt(minutes.trim(), 10);
    try {
      const s = await api.setAutoLockMinutes(Number.isFinite(n) ? n : 0);
      setSetting(s);
      setMinutes(String(s.minutes));
      setOutcome({ ok: true, text: `${s.minutes}분 동안 입력이 없으면 잠급니다.` });
    } catch (err) {
      const ui = err as UiError;
      // A refused number says why in its field's words (the allowed range).
      setOutcome({ ok: false, text: ui.fields.map((f) => f.message).join(" ") || errorText(ui) });
    }
  }

  return (
    <form class="panel stack" aria-labelledby="autolock-title" onSubmit={save}>
      <h3 id="autolock-title">자동 잠금 <span class="tag">센터 설정</span></h3>
      <p class="muted">
        입력이 없으면 정한 시간 뒤에 사례관리 파일을 닫고 암호를 다시 묻습니다. 화면이 잠기거나 컴퓨터가 절전 모드에 들어갈 때도 잠급니다. 잠긴 동안 동기화는 멈춥니다. 센터의 모든 기기에 동기화됩니다.
        {setting && ` 기본값 ${setting.default_minutes}분.`}
      </p>
      {setting && (
        <p class="hint" id="autolock-set-by">
          {setting.set_by ? `정한 사람: ${setting.set_by}` : "센터에서 아직 정하지 않아 기본값을 씁니다."}
        </p>
      )}
      {setting && setting.disputed.length > 0 && (
        <p class="warn-text" role="alert" id="autolock-disputed">
          다른 기기에서 동시에 다른 값으로 바꿨습니다: {setting.disputed.join(", ")}. 지금은 {setting.minutes}분이 적용됩니다. 맞는 값으로 다시 저장해 주세요.
        </p>
      )}
      <div class="filters">
        <div class="field narrow">
          <label for="autolock-minutes">잠그기까지 (분)</label>
          <input
            id="autolock-minutes"
            inputMode="numeric"
            value={minutes}
            aria-describedby="autolock-outcome"
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="btn" id="autolock-save" disabled={setting === null}>
          저장
        </button>
      </div>
      <p class={outcome?.ok === false ? "error" : "hint"} role={outcome?.ok === false ? "alert" : "status"} id="autolock-outcome">
        {outcome?.text ?? (setting ? `${setting.min_minutes}~${setting.max_minutes}분` : "")}
      </p>
    </form>
  );
}
