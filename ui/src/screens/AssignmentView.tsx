// 배정 제안: the caseload-wide assignment with the largest total fit, shown
// as suggestions. Nothing is recorded until a counselor shortlists or refers.

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { AssignmentView as View } from "../bindings";
import { Loading } from "../components/FormParts";
import { RecommendationCards } from "../components/Matching";
import { count } from "../lib/format";

export function AssignmentView(props: { onBack: () => void; onOpenSeeker: (id: string) => void }) {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const load = () => api.assignmentSuggestions().then(setView, setError);
  useEffect(() => {
    load();
  }, []);
  return (
    <section class="screen" aria-labelledby="assignment-title">
      <button type="button" class="link-back" onClick={props.onBack}>
        ← 구인 목록
      </button>
      <h2 id="assignment-title">배정 제안</h2>
      <p class="muted">
        모집 중인 모든 자리에 참여 중인 구직자를 나누는 방법 가운데 적합도 합계가 가장 큰 안입니다. 필수 조건(필수 자격·통근 거리·교대근무)과 모집 인원을 지키며,
        맞는 자리가 없는 구직자는 배정하지 않습니다. 제안일 뿐이며 '후보 담기'나 '알선'을 누르기 전에는 아무것도 기록되지 않습니다.
      </p>
      {!view && <Loading failure={error} />}
      {view && (
        <>
          <p id="assignment-summary" aria-live="polite">
            구직자 {count(view.seekers)}명 · 남은 자리 {count(view.places)}개 중 {count(view.items.length)}쌍 배정 (적합도 합계 {count(Math.round(view.total_score))}점)
          </p>
          {view.items.length === 0 ? (
            <p class="empty">필수 조건을 모두 맞는 구직자–구인 쌍이 없습니다.</p>
          ) : (
            <RecommendationCards items={view.items} side="pairs" onOpen={props.onOpenSeeker} onChanged={load} />
          )}
        </>
      )}
    </section>
  );
}
