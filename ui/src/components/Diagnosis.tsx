// 진단 tab of a seeker's page: the occupations the seeker fits best (fit
// out of 100, its parts, local demand), the unit-by-unit gap of the chosen
// one, and the certificates and courses that close the gaps. Everything
// shown comes from the desk (doyak-diagnosis); the page only lays it out.

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { DiagnosisView, OccupationFitRow } from "../bindings";
import { errorText } from "../lib/format";
import { IapDraftEditor } from "./IapDraftEditor";
import { Questionnaire, Readiness } from "./Questionnaire";
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

/** What the tab shows: the diagnosis, the 문진 being filled, or the IAP 초안. */
type Mode = "view" | "questionnaire" | "draft";

export function Diagnosis(props: {
  seekerId: string;
  load: (seekerId: string) => Promise<DiagnosisView>;
  /** An IAP was saved from the 초안 (the page shows the IAP tab). */
  onPlanSaved?: () => void;
}) {
  const [view, setView] = useState<DiagnosisView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [chosen, setChosen] = useState("");
  const [mode, setMode] = useState<Mode>("view");
  // What 보고서 PDF 저장 said: where the file went, or why it did not.
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    setView(null);
    setSaved(null);
    setMode("view");
    props.load(props.seekerId).then(
      (v) => {
        setView(v);
        setChosen(v.occupations[0]?.code ?? "");
      },
      setError,
    );
  }, [props.seekerId, reload]);
  if (mode === "questionnaire")
    return (
      <Questionnaire
        seekerId={props.seekerId}
        onClose={() => setMode("view")}
        onSubmitted={() => {
          setMode("view");
          setReload((n) => n + 1);
        }}
      />
    );
  if (!view) return <Loading failure={error} />;
  if (mode === "draft")
    return (
      <IapDraftEditor
        seekerId={props.seekerId}
        occupations={view.occupations}
        onClose={() => setMode("view")}
        onSaved={() => {
          setMode("view");
          props.onPlanSaved?.();
        }}
      />
    );
  const row = view.occupations.find((o) => o.code === chosen);
  async function saveReport() {
    setSaved(null);
    setMode("view");
    try {
      const out = await api.saveSeekerReport(props.seekerId);
      setSaved({ ok: true, text: `보고서를 저장했습니다: ${out.path}` });
    } catch (err) {
      setSaved({ ok: false, text: errorText(err as UiError) });
    }
  }
  return (
    <div class="diagnosis">
      <div class="actions left diagnosis-actions">
        <button type="button" class="btn" id="questionnaire-open" onClick={() => setMode("questionnaire")}>
          {view.readiness ? "문진 다시 작성" : "문진 작성"}
        </button>
        <button type="button" class="btn primary" id="iap-draft-open" disabled={view.occupations.length === 0} onClick={() => setMode("draft")}>
          IAP 초안 만들기
        </button>
        <button type="button" class="btn" id="report-save" onClick={saveReport}>
          보고서 PDF 저장
        </button>
      </div>
      {saved && (
        <p role={saved.ok ? "status" : "alert"} class={saved.ok ? undefined : "error"} id="report-saved">
          {saved.text}
        </p>
      )}
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
      {view.readiness ? (
        <Readiness view={view.readiness} />
      ) : (
        <p class="empty" id="readiness-empty">
          구직준비도·취업장애 문진 결과가 없습니다. '문진 작성'으로 구직자와 함께 작성하세요.
        </p>
      )}
    </div>
  );
}
