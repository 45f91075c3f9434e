// 공고 점검 of a vacancy: the score, each finding with its Korean advice and
// the law behind it, and the posting's texts with the wording marked. The
// desk (doyak-company) finds everything; the page lays it out.

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { PostingCheckView, PostingFindingRow } from "../bindings";
import { splitLine } from "../lib/spans";
import { Loading } from "./FormParts";
import { errorText } from "../lib/format";
import { useUnsaved } from "../lib/guard";

function Marked(props: { text: string; findings: PostingFindingRow[] }) {
  const marks = props.findings
    .filter((f) => f.start !== null && f.end !== null)
    .map((f) => ({ start: f.start ?? 0, end: f.end ?? 0, kind: "flag" as const }));
  return (
    <>
      {splitLine(props.text, marks).map((p, i) =>
        p.mark ? (
          <mark key={i} class="sugg">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export function PostingCheck({ vacancyId }: { vacancyId: string }) {
  const [view, setView] = useState<PostingCheckView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  // The 공고 초안 being edited (null: none), and the answer to saving it.
  const [draft, setDraft] = useState<string | null>(null);
  const [draftError, setDraftError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  useUnsaved("posting-draft", draft !== null);
  const load = () => api.postingCheck(vacancyId).then(setView, setError);
  useEffect(() => {
    setView(null);
    setError(null);
    setDraft(null);
    load();
  }, [vacancyId]);
  if (!view) return <Loading failure={error} />;
  const makeDraft = () => {
    setDraftError(null);
    api.postingDraft(vacancyId).then(setDraft, setDraftError);
  };
  const saveDraft = () => {
    if (draft === null) return;
    setBusy(true);
    setDraftError(null);
    api
      .savePostingText(vacancyId, draft)
      .then(() => {
        setDraft(null);
        return load();
      }, setDraftError)
      .finally(() => setBusy(false));
  };
  return (
    <section class="posting-check" aria-labelledby="posting-score">
      <p class="resume-score-big" id="posting-score">
        <strong>{view.score}점</strong> <span class="muted">/ 100 · 점검 기준 {view.rules_version}</span>
      </p>
      {view.findings.length === 0 ? (
        <p class="empty" id="posting-clean">
          고칠 점을 찾지 못했습니다.
        </p>
      ) : (
        <ul id="posting-findings" class="posting-findings">
          {view.findings.map((f, i) => (
            <li key={i} data-code={f.code}>
              <span class="tag">{f.label}</span>
              {f.advisory && <span class="tag muted">권고</span>} {f.text}
              {f.law && <span class="muted small law"> 근거: {f.law}</span>}
            </li>
          ))}
        </ul>
      )}
      <dl id="posting-texts" class="posting-texts">
        {view.fields.map((t) => (
          <div key={t.field}>
            <dt>{t.label}</dt>
            <dd data-field={t.field}>
              <Marked text={t.text} findings={view.findings.filter((f) => f.field === t.field)} />
            </dd>
          </div>
        ))}
      </dl>
      <div class="posting-draft">
        {draft === null ? (
          <button type="button" class="btn" id="posting-draft" onClick={makeDraft}>
            공고 초안 만들기
          </button>
        ) : (
          <>
            <label for="posting-draft-text">공고 초안 (구인 정보로 쓴 것 — [확인 필요]를 채우고 고쳐 저장하세요)</label>
            <textarea
              id="posting-draft-text"
              rows={16}
              value={draft}
              readOnly={busy}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
            <div class="actions">
              <button type="button" class="btn" onClick={() => setDraft(null)} disabled={busy}>
                취소
              </button>
              <button type="button" class="btn primary" id="posting-draft-save" onClick={saveDraft} disabled={busy}>
                {busy ? "저장 중…" : "공고 본문으로 저장"}
              </button>
            </div>
          </>
        )}
        {draftError && (
          <p role="alert" class="error" id="posting-draft-error">
            {errorText(draftError)}
          </p>
        )}
      </div>
      <p class="hint-text">
        공고 본문은 '구인 수정'에서 적습니다. 근무지는 기업 주소, 근무시간은 주 근무시간과 근무 형태로 봅니다. 법령 판단은
        참고용이며, 상시 30명 미만 사업장에는 채용절차법이 적용되지 않습니다.
      </p>
    </section>
  );
}
