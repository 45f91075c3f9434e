// 개인정보 tab: what the person consented to, and withdrawing it. Withdrawing
// 수집·이용 ends the case and destroys the person's data on every desk and
// the server, so it shows what will go and asks for a tick first; once
// destroyed the tab says when, why and what kinds, never the values.

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { ConsentRow, PrivacyView, WithdrawForm } from "../bindings";
import { errorText } from "../lib/format";
import { AccessLog } from "./AccessLog";

export function Privacy(props: {
  seekerId: string;
  /** After a withdrawal: the page reloads the record (its name may be gone). */
  onChanged: () => void;
  /** The commands; the desk's by default (tests pass their own). */
  load?: (id: string) => Promise<PrivacyView>;
  withdraw?: (form: WithdrawForm) => Promise<PrivacyView>;
}) {
  const load = props.load ?? api.privacyView;
  const withdraw = props.withdraw ?? api.withdrawConsent;
  const [view, setView] = useState<PrivacyView | null>(null);
  const [asking, setAsking] = useState<ConsentRow | null>(null);
  const [ticked, setTicked] = useState(false);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  async function printForm() {
    try {
      const out = await api.saveConsentForm(props.seekerId);
      setSaved({ ok: true, text: `동의서를 저장했습니다: ${out.path}` });
    } catch (e) {
      setSaved({ ok: false, text: errorText(e as UiError) });
    }
  }
  useEffect(() => {
    load(props.seekerId).then(setView, setFailure);
  }, [props.seekerId]);
  // The question opens below the table: bring it into view, focus on it.
  useEffect(() => {
    const dialog = asking ? document.getElementById("withdraw-confirm") : null;
    if (dialog) {
      dialog.scrollIntoView?.({ block: "nearest" });
      dialog.focus?.();
    }
  }, [asking]);

  async function confirm() {
    // A destruction waits for the tick (the desk refuses one without it too).
    if (!asking || (asking.destroys && !ticked)) return;
    try {
      const next = await withdraw({ seeker_id: props.seekerId, purpose: asking.purpose, confirmed: ticked });
      setView(next);
      setAsking(null);
      setTicked(false);
      setFailure(null);
      props.onChanged();
    } catch (e) {
      setFailure(e as UiError);
    }
  }

  if (!view) return failure ? <p class="error" role="alert">{errorText(failure)}</p> : <p class="muted">불러오는 중…</p>;
  const preview = view.preview;
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h3 id="privacy-title">개인정보 동의</h3>
      {view.destroyed && (
        <p class="banner" id="privacy-destroyed" role="status">
          이 구직자의 개인정보는 {view.destroyed.on}에 파기되었습니다 ({view.destroyed.reason}
          {view.destroyed.by ? `, ${view.destroyed.by}` : ""}). 파기한 정보: {view.destroyed.kinds.join(", ")}. 통계에 필요한
          항목(진행상태, 참여일, 취업 여부 등)만 이름 없이 남아 있습니다.
        </p>
      )}
      <div class="record-head">
        <p class="muted" id="privacy-summary">{view.consent_summary}</p>
        {!view.destroyed && (
          <button type="button" class="btn small-btn" id="consent-form-save" onClick={printForm}>
            동의서 인쇄용 PDF
          </button>
        )}
      </div>
      {saved && (
        <p class={saved.ok ? "hint" : "error"} role={saved.ok ? "status" : "alert"} id="consent-form-saved">
          {saved.text}
        </p>
      )}
      <table id="consent-rows">
        <thead>
          <tr>
            <th scope="col">동의 항목</th>
            <th scope="col">상태</th>
            <th scope="col"><span class="visually-hidden">철회</span></th>
          </tr>
        </thead>
        <tbody>
          {view.consents.map((c) => (
            <tr key={c.purpose} data-purpose={c.purpose}>
              <td>{c.label}</td>
              <td class={c.consented ? "" : "muted"}>{c.state}</td>
              <td>
                {c.consented && !view.destroyed && (
                  <button
                    type="button"
                    class={c.destroys ? "btn attention small-btn consent-withdraw" : "btn small-btn consent-withdraw"}
                    onClick={() => {
                      setAsking(c);
                      setTicked(false);
                      setFailure(null);
                    }}
                  >
                    철회
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint" id="privacy-retention">보유기간: {view.retention}</p>
      <h3 id="privacy-access-title">접근 기록</h3>
      <AccessLog id="privacy-access" recordId={props.seekerId} />
      {asking && (
        <div class="outcome-form" role="alertdialog" aria-labelledby="withdraw-title" id="withdraw-confirm" tabIndex={-1}>
          <h3 id="withdraw-title">‘{asking.label}’ 동의 철회</h3>
          {asking.destroys && preview ? (
            <>
              <p>
                수집·이용 동의를 철회하면 사례가 종료되고 이 구직자의 개인정보가 이 노트북과, 다음 동기화 때 센터의 모든
                기기와 서버에서 <strong>파기</strong>됩니다. 되돌릴 수 없습니다.
              </p>
              <ul id="withdraw-preview">
                <li>파기할 정보: {preview.kinds.join(", ")}</li>
                <li>
                  상담·진단 등 기록 {preview.events}건의 내용, 알선 {preview.applications}건·기관연계 {preview.referrals}건의 메모,
                  이력서 파일 {preview.resume_files}개
                </li>
                {preview.unsent > 0 && <li>아직 보내지 않은 변경 {preview.unsent}건은 값 없이 보냅니다.</li>}
                <li>남는 것: 진행상태, 참여일, 참여유형, 취업·고용유지 여부 등 통계 항목 (이름 없이)</li>
              </ul>
              <label class="check">
                <input type="checkbox" id="withdraw-tick" checked={ticked} onChange={(e) => setTicked(e.currentTarget.checked)} />
                되돌릴 수 없음을 확인했습니다
              </label>
            </>
          ) : (
            <p>철회하면 이 동의가 필요한 일(예: 구인기업·연계기관에 정보 제공)은 더 할 수 없습니다. 기록은 남습니다.</p>
          )}
          {failure && <p class="error" role="alert">{errorText(failure)}</p>}
          <div class="actions">
            <button type="button" class="btn" onClick={() => setAsking(null)}>
              취소
            </button>
            <button
              type="button"
              class={asking.destroys ? "btn attention" : "btn primary"}
              id="withdraw-go"
              disabled={asking.destroys && !ticked}
              onClick={confirm}
            >
              {asking.destroys ? "철회하고 파기" : "철회"}
            </button>
          </div>
        </div>
      )}
      {!asking && failure && <p class="error" role="alert">{errorText(failure)}</p>}
    </section>
  );
}
