// 공고 점검 of a vacancy: the score, each finding with its Korean advice and
// the law behind it, and the posting's texts with the wording marked. The
// desk (doyak-company) finds everything; the page lays it out.

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { PostingCheckView, PostingFindingRow } from "../bindings";
import { splitLine } from "../lib/spans";
import { Loading } from "./FormParts";

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
  useEffect(() => {
    setView(null);
    setError(null);
    api.postingCheck(vacancyId).then(setView, setError);
  }, [vacancyId]);
  if (!view) return <Loading failure={error} />;
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
              <span class="tag">{f.label}</span> {f.text}
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
      <p class="hint-text">
        공고 본문은 '구인 수정'에서 적습니다. 근무지는 기업 주소, 근무시간은 주 근무시간과 근무 형태로 봅니다. 법령 판단은
        참고용이며, 상시 30명 미만 사업장에는 채용절차법이 적용되지 않습니다.
      </p>
    </section>
  );
}
