import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { RetentionSetting } from "../bindings";
import { errorText } from "../lib/format";

type Draft = { years: string; basis: string };
type Outcome = { kind: string; ok: boolean; text: string };

/** 보유기간: how long each kind of ended case is kept before its personal
 * data is destroyed, with the basis the center answers to (a center
 * setting: it syncs to the center's other desks). Doyak's default is shown
 * with 확인 필요 until the center sets its own. */
export function RetentionSettings() {
  const [rules, setRules] = useState<RetentionSetting[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const draftOf = (r: RetentionSetting): Draft => ({ years: String(r.years), basis: r.confirmed ? r.basis : "" });

  /** Shows the rules; only `kind`'s draft is reset (all on the first load),
   * so a half-typed change of another kind survives a save. */
  function show(list: RetentionSetting[], kind?: string) {
    setRules(list);
    setDrafts((d) => ({
      ...d,
      ...Object.fromEntries(list.filter((r) => kind === undefined || r.kind === kind || !d[r.kind]).map((r) => [r.kind, draftOf(r)])),
    }));
  }

  useEffect(() => {
    api.centerSettings().then((s) => show(s.retention), (e: UiError) => setOutcome({ kind: "", ok: false, text: errorText(e) }));
  }, []);

  async function save(e: Event, rule: RetentionSetting) {
    e.preventDefault();
    const draft = drafts[rule.kind] ?? { years: "", basis: "" };
    const years = Number.parseInt(draft.years.trim(), 10);
    try {
      const list = await api.setRetentionRule(rule.kind, Number.isFinite(years) ? years : 0, draft.basis);
      show(list, rule.kind);
      setOutcome({ kind: rule.kind, ok: true, text: `${rule.label}: 종료 후 ${years}년으로 정했습니다. 다음 동기화 때 센터의 다른 기기에도 적용됩니다.` });
    } catch (err) {
      const ui = err as UiError;
      setOutcome({ kind: rule.kind, ok: false, text: ui.fields.map((f) => f.message).join(" ") || errorText(ui) });
    }
  }

  function edit(kind: string, patch: Partial<Draft>) {
    setDrafts((d) => ({ ...d, [kind]: { years: "", basis: "", ...d[kind], ...patch } }));
  }

  return (
    <div class="panel stack" aria-labelledby="retention-title">
      <h3 id="retention-title">보유기간 <span class="tag">센터 설정</span></h3>
      <p class="muted">
        사례가 끝난 뒤(마지막 활동일부터) 개인정보를 보관하는 기간과 그 근거(법령·개인정보 처리방침 조항). 기간이 지나면 오늘 할 일에 나오고, 파기하면 통계에 필요한 항목만 이름 없이 남습니다. 센터의 모든 기기에 동기화됩니다.
      </p>
      {outcome && outcome.kind === "" && <p class="error" role="alert">{outcome.text}</p>}
      {rules?.map((rule) => (
        <form key={rule.kind} class="stack retention-rule" id={`retention-${rule.kind}`} onSubmit={(e) => save(e, rule)}>
          <h4>
            {rule.label}: 종료 후 {rule.years}년{" "}
            {!rule.confirmed && <span class="tag score-unknown">확인 필요</span>}
          </h4>
          <p class="hint">
            {rule.confirmed ? `근거: ${rule.basis} — 정한 사람: ${rule.set_by ?? ""}` : `도약 기본값입니다. 센터의 처리방침에 맞게 정해 주세요. (${rule.basis})`}
          </p>
          {rule.disputed.length > 0 && (
            <p class="warn-text" role="alert">
              다른 기기에서 동시에 다른 값으로 바꿨습니다: {rule.disputed.join(", ")}. 맞는 값으로 다시 저장해 주세요.
            </p>
          )}
          <div class="filters">
            <div class="field narrow">
              <label for={`retention-${rule.kind}-years`}>기간 (년)</label>
              <input
                id={`retention-${rule.kind}-years`}
                inputMode="numeric"
                value={drafts[rule.kind]?.years ?? ""}
                onInput={(e) => edit(rule.kind, { years: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for={`retention-${rule.kind}-basis`}>근거</label>
              <input
                id={`retention-${rule.kind}-basis`}
                placeholder="예: 개인정보 처리방침 제7조"
                value={drafts[rule.kind]?.basis ?? ""}
                onInput={(e) => edit(rule.kind, { basis: e.currentTarget.value })}
              />
            </div>
            <button type="submit" class="btn" id={`retention-${rule.kind}-save`}>
              저장
            </button>
          </div>
          {outcome && outcome.kind === rule.kind && (
            <p class={outcome.ok ? "hint" : "error"} role={outcome.ok ? "status" : "alert"} id={`retention-${rule.kind}-outcome`}>
              {outcome.text}
            </p>
          )}
        </form>
      ))}
    </div>
  );
}
