// 진단 tab of a seeker's page: the occupations the seeker fits best (fit
// out of 100, its parts, local demand), the unit-by-unit gap of the chosen
// one, and the certificates and courses that close the gaps. Everything
// shown comes from the desk (doyak-diagnosis); the page only lays it out.

import { useEffect, useState } from "preact/hooks";
import type { UiError } from "../api";
import type { DiagnosisView, OccupationFitRow } from "../bindings";
import { scoreLabel } from "../lib/pipeline";
import { Loading } from "./FormParts";

function Fits(props: { rows: OccupationFitRow[]; chosen: string; onChoose: (code: string) => void }) {
  return (
    <table id="diagnosis-fits">
      <caption class="sr-only">적합 직업 순위</caption>
      <thead>
        <tr>
          <th scope="col">순위</th>
          <th scope="col">직업 (KECO)</th>
          <th scope="col">적합도</th>
          <th scope="col">능력단위</th>
          <th scope="col">지역 수요</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((o, i) => (
          <tr key={o.code} class={o.code === props.chosen ? "chosen" : undefined} data-code={o.code}>
            <td>{i + 1}</td>
            <td>
              <button
                type="button"
                class="row-link"
                aria-pressed={o.code === props.chosen}
                onClick={() => props.onChoose(o.code)}
              >
                {o.name}
              </button>{" "}
              <span class="muted">{o.code}</span>
            </td>
            <td>
              <span class="fit-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(o.fit)}%` }} />
              </span>{" "}
              <strong class="fit-score">{scoreLabel(o.fit)}</strong>
            </td>
            <td>
              충족 {o.met} · 일부 {o.partly} · 미충족 {o.missing}
            </td>
            <td class="wrap">{o.demand || <span class="muted">모집 중인 구인 없음</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Gaps(props: { row: OccupationFitRow }) {
  const o = props.row;
  return (
    <section aria-labelledby="diagnosis-gap-title" class="diagnosis-gap">
      <h3 id="diagnosis-gap-title">
        {o.name} — 적합도 {scoreLabel(o.fit)}
      </h3>
      <ul class="fit-reasons">
        {o.reasons.map((r) => (
          <li key={r.text}>
            {r.text} <span class="muted">({r.points.toFixed(1)}점)</span>
          </li>
        ))}
      </ul>
      <p id="diagnosis-similar" class={o.similar ? undefined : "muted"}>
        {o.similar || "비슷한 이전 참여자: 이 센터의 종료 사례가 10명이 되지 않아 보여 주지 않습니다."}
      </p>
      <table id="diagnosis-units">
        <caption class="sr-only">능력단위별 충족 여부</caption>
        <thead>
          <tr>
            <th scope="col">능력단위</th>
            <th scope="col">NCS 코드</th>
            <th scope="col">수준</th>
            <th scope="col">구분</th>
            <th scope="col">상태</th>
            <th scope="col">근거</th>
          </tr>
        </thead>
        <tbody>
          {o.units.map((u) => (
            <tr key={u.code} data-status={u.status}>
              <td class="wrap">{u.name}</td>
              <td class={u.ncs_code === "확인 필요" ? "muted" : undefined}>{u.ncs_code}</td>
              <td class={u.level === "확인 필요" ? "muted" : undefined}>{u.level}</td>
              <td>{u.required}</td>
              <td>
                <span class={`tag unit-${u.status}`}>{u.status_label}</span>
              </td>
              <td class="wrap">{u.evidence.join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Diagnosis(props: { seekerId: string; load: (seekerId: string) => Promise<DiagnosisView> }) {
  const [view, setView] = useState<DiagnosisView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [chosen, setChosen] = useState("");
  useEffect(() => {
    setView(null);
    props.load(props.seekerId).then(
      (v) => {
        setView(v);
        setChosen(v.occupations[0]?.code ?? "");
      },
      setError,
    );
  }, [props.seekerId]);
  if (!view) return <Loading failure={error} />;
  const row = view.occupations.find((o) => o.code === chosen);
  return (
    <div class="diagnosis">
      <p class="muted" id="diagnosis-summary">
        직업 프로필 {view.profiles}개와 비교했습니다. 지역 수요는 모집 중이고 남은 자리가 있는 구인 {view.vacancies}건에서 셉니다.
      </p>
      {view.notes.map((n) => (
        <p class="hint" key={n}>
          {n}
        </p>
      ))}
      <h3>적합 직업</h3>
      <Fits rows={view.occupations} chosen={chosen} onChoose={setChosen} />
      {row && <Gaps row={row} />}
      <h3>부족한 능력을 채우는 자격·훈련</h3>
      {view.recommendations.length === 0 ? (
        <p class="empty">
          {view.occupations.some((o) => o.missing + o.partly > 0)
            ? "추천할 자격·훈련이 없습니다: 남은 능력단위는 경력이나 기술로만 채울 수 있습니다."
            : "추천할 자격·훈련이 없습니다: 위 직업의 능력단위를 모두 충족했습니다."}
        </p>
      ) : (
        <table id="diagnosis-recommendations">
          <caption class="sr-only">추천 자격·훈련 (주당 적합도 상승 순)</caption>
          <thead>
            <tr>
              <th scope="col">종류</th>
              <th scope="col">이름</th>
              <th scope="col">채우는 능력단위</th>
              <th scope="col">적합도 상승</th>
              <th scope="col">기간</th>
              <th scope="col">응시자격</th>
            </tr>
          </thead>
          <tbody>
            {view.recommendations.map((r) => (
              <tr key={`${r.kind}-${r.name}`}>
                <td>{r.kind}</td>
                <td class="name">{r.name}</td>
                <td class="wrap">{r.closes.join(", ")}</td>
                <td>
                  +{r.gain.toFixed(1)}점 <span class="muted">({r.occupation})</span>
                </td>
                <td class={r.effort === "확인 필요" ? "muted" : undefined}>{r.effort}</td>
                <td class="wrap">{r.prerequisite || <span class="muted">없음</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
