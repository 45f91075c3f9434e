// 추천 목록 and 알선 현황: the ranked pairs with the reasons a counselor reads
// out, and the referral pipeline they feed. Used on the seeker page (추천
// 일자리) and on the vacancy page (추천 인재).

import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { ApplicationRow, Choice, Recommendation, RecommendationView, StepForm } from "../bindings";
import { scoreLabel } from "../lib/pipeline";
import { Loading } from "./FormParts";
import { errorText } from "../lib/format";
import { useUnsaved } from "../lib/guard";

/** What a card leads with: the vacancy (a seeker's list), the seeker (a
 * vacancy's list), or both (the caseload-wide assignment). */
type Side = "vacancies" | "seekers" | "pairs";

function failureText(e: UiError): string {
  return e.fields.length > 0 ? e.fields.map((f) => f.message).join(" ") : e.message;
}

function Card(props: { item: Recommendation; side: Side; rank: number; onOpen: (id: string) => void; onChanged: () => void }) {
  const { item, side } = props;
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const add = async (status: "shortlisted" | "proposed") => {
    setBusy(true);
    try {
      await api.addApplication(item.seeker_id, item.vacancy_id, status);
      setFailure("");
      props.onChanged();
    } catch (e) {
      setFailure(failureText(e as UiError));
    } finally {
      setBusy(false);
    }
  };
  const title =
    side === "vacancies" ? item.vacancy_title : side === "seekers" ? item.seeker_name : `${item.seeker_name} → ${item.vacancy_title}`;
  const subtitle = side === "seekers" ? "" : item.company_name;
  const openId = side === "vacancies" ? item.vacancy_id : item.seeker_id;
  const headingId = `rec-${openId}`;
  return (
    <li class="rec" aria-labelledby={headingId} data-id={openId}>
      <div class="rec-head">
        <span class="rec-rank" aria-hidden="true">
          {props.rank}
        </span>
        <div class="rec-title">
          <h3 id={headingId}>
            <button type="button" class="row-link" onClick={() => props.onOpen(openId)}>
              {title}
            </button>
          </h3>
          {subtitle && <p class="muted">{subtitle}</p>}
        </div>
        <span class="rec-score" aria-label={`적합도 ${scoreLabel(item.score)}`}>
          {scoreLabel(item.score)}
        </span>
      </div>
      <ul class="reasons">
        {item.reasons.map((r) => (
          <li class={r.points > 0 ? "reason" : "reason zero"}>
            <span>{r.text}</span>
            {r.points > 0 && <span class="points">+{Math.round(r.points * 10) / 10}</span>}
          </li>
        ))}
      </ul>
      <div class="rec-actions">
        {item.application ? (
          <span class="tag">{item.application.status_label}</span>
        ) : (
          <>
            <button type="button" class="btn" disabled={busy} onClick={() => add("shortlisted")}>
              후보 담기
            </button>
            <button
              type="button"
              class="btn primary"
              disabled={busy || !item.may_share}
              aria-describedby={item.may_share ? undefined : `${headingId}-consent`}
              onClick={() => add("proposed")}
            >
              알선
            </button>
            {!item.may_share && (
              <span id={`${headingId}-consent`} class="muted">
                제3자 제공 동의가 없어 알선할 수 없습니다
              </span>
            )}
          </>
        )}
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

/** What the summary line says: the list's own count first (the figure the
 * 구인 or 구직자 list shows), what was left out and why, what was weighed. */
export function weighedText(view: RecommendationView, side: Side): string {
  const vacancies = side === "vacancies";
  const unit = vacancies ? "건" : "명";
  const left: string[] = [];
  if (view.full > 0) left.push(`남은 자리가 없는 ${view.full}${unit}`);
  if (view.unreadable > 0) left.push(`${vacancies ? "직종·근무지" : "거주지·희망직종"} 자료가 불완전한 ${view.unreadable}${unit}`);
  const head = `${vacancies ? "모집 중인 구인" : "참여 중인 구직자"} ${view.listed}${unit} 가운데 `;
  const weighed = left.length > 0 ? `${left.join("과 ")}을 빼고 ${view.considered}${unit}을 비교해, ` : "";
  const shown = `필수 조건(필수 자격·통근 거리·교대근무)을 맞는 ${view.items.length}${unit}을 적합도 순으로 보여 줍니다.`;
  const order = vacancies ? " 희망직종의 구인이 먼저입니다." : "";
  return `${head}${weighed}${shown}${order} 추천은 제안일 뿐이며, 알선은 상담사가 결정합니다.`;
}

/** The ranked list for one seeker (side "vacancies") or one vacancy
 * ("seekers"). For a seeker, the jobs outside their 희망 직종 come after a
 * divider that says so. */
export function RecommendationCards(props: { items: Recommendation[]; side: Side; onOpen: (id: string) => void; onChanged: () => void }) {
  const firstOther = props.side === "vacancies" ? props.items.findIndex((item) => !item.desired) : -1;
  return (
    <ol class="recs" aria-label="추천 목록">
      {props.items.map((item, i) => (
        <Fragment key={`${item.seeker_id}-${item.vacancy_id}`}>
          {i === firstOther && firstOther > 0 && (
            <li class="recs-divider" id="rec-divider">
              희망직종 밖의 구인
            </li>
          )}
          <Card item={item} side={props.side} rank={i + 1} onOpen={props.onOpen} onChanged={props.onChanged} />
        </Fragment>
      ))}
    </ol>
  );
}

export function Recommendations(props: { load: () => Promise<RecommendationView>; side: Side; onOpen: (id: string) => void; onChanged: () => void; id: string }) {
  const [view, setView] = useState<RecommendationView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const reload = () => props.load().then(setView, setError);
  useEffect(() => {
    reload();
  }, [props.id]);
  if (error) {
    return (
      <p class="error" role="alert">
        {errorText(error)}
      </p>
    );
  }
  if (!view) return <Loading />;
  return (
    <div>
      {view.listed > 0 && (
        <p class="muted" id="rec-summary">
          {weighedText(view, props.side)}
        </p>
      )}
      {view.notice && <p class="empty">{view.notice}</p>}
      <RecommendationCards
        items={view.items}
        side={props.side}
        onOpen={props.onOpen}
        onChanged={() => {
          reload();
          props.onChanged();
        }}
      />
    </div>
  );
}

/** The step form under an 알선 row: the day it happened (today unless
 * changed), an optional note, and, for an outcome, the warning that it is
 * final. Nothing is saved until the counselor presses the button. */
function StepEditor(props: { row: ApplicationRow; to: Choice; final: boolean; onDone: (row: ApplicationRow) => void; onCancel: () => void }) {
  const { row, to } = props;
  const [on, setOn] = useState("");
  const [note, setNote] = useState("");
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  useUnsaved(`step-${row.id}`, on !== "" || note !== "");
  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      const form: StepForm = { application_id: row.id, to: to.value, on, note };
      props.onDone(await api.stepApplication(form));
    } catch (err) {
      setFailure(failureText(err as UiError));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="step-form" aria-label={`${to.label}(으)로 단계 변경`} onSubmit={save}>
      <p>
        <strong>
          {row.status_label} → {to.label}
        </strong>
        {props.final && <span class="warn"> 결과는 기록하면 바꿀 수 없습니다.</span>}
      </p>
      <div class="grid">
        <div class="field">
          <label for={`step-on-${row.id}`}>변경일</label>
          <input id={`step-on-${row.id}`} ref={first} placeholder="오늘 (YYYY-MM-DD)" value={on} onInput={(e) => setOn(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`step-note-${row.id}`}>메모</label>
          <input id={`step-note-${row.id}`} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" onClick={props.onCancel}>
          취소
        </button>
        <button type="submit" class="btn primary step-save" disabled={busy}>
          {props.final ? `'${to.label}'(으)로 확정` : `'${to.label}'(으)로 변경`}
        </button>
      </div>
    </form>
  );
}

/** 알선 현황: each row offers one button per step the desk says it may take
 * (`next_statuses`, the current one left out); a step opens its form (date,
 * note, and a confirmation before an outcome). The history is listed under
 * the row; a 합격 without a 취업 offers 취업 등록. */
export function Applications(props: {
  rows: ApplicationRow[];
  show: "seeker" | "vacancy";
  onChanged: () => void;
  onOpen?: (id: string) => void;
  onPlace?: (row: ApplicationRow) => void;
}) {
  const [editing, setEditing] = useState<{ id: string; to: Choice } | null>(null);
  if (props.rows.length === 0) return <p class="empty">알선 기록이 없습니다. 추천 목록에서 후보로 담거나 알선하세요.</p>;
  return (
    <div class="table-wrap">
      <table id="application-rows">
        <thead>
          <tr>
            <th scope="col">알선일</th>
            <th scope="col">{props.show === "seeker" ? "구직자" : "구인"}</th>
            <th scope="col">단계</th>
            <th scope="col">다음 단계</th>
            <th scope="col">경과·메모</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const label = props.show === "seeker" ? r.seeker_name : `${r.company_name} · ${r.vacancy_title}`;
            const target = props.show === "seeker" ? r.seeker_id : r.vacancy_id;
            const steps = r.next_statuses.filter((c) => c.value !== r.status);
            return (
              <>
                <tr key={r.id} data-id={r.id}>
                  <td>{r.applied_on}</td>
                  <td class="name">
                    {props.onOpen ? (
                      <button type="button" class="row-link" onClick={() => props.onOpen?.(target)}>
                        {label}
                      </button>
                    ) : (
                      label
                    )}
                  </td>
                  <td>
                    <span class="tag">{r.status_label}</span>
                  </td>
                  <td>
                    <div class="step-buttons">
                      {steps.map((c) => (
                        <button
                          type="button"
                          class={r.final_statuses.includes(c.value) ? "btn small-btn outcome" : "btn small-btn"}
                          data-step={c.value}
                          aria-label={`${label}: ${c.label}`}
                          onClick={() => setEditing({ id: r.id, to: c })}
                        >
                          {c.label}
                        </button>
                      ))}
                      {r.needs_placement && props.onPlace && (
                        <button type="button" class="btn small-btn primary place" onClick={() => props.onPlace?.(r)}>
                          취업 등록
                        </button>
                      )}
                      {r.placement_id && <span class="muted small">취업 등록됨</span>}
                    </div>
                  </td>
                  <td class="wrap">
                    <ol class="steps" aria-label="단계 경과">
                      {r.steps.map((st) => (
                        <li>
                          {st.on} {st.from_label ? `${st.from_label} → ${st.to_label}` : `${st.to_label}(으)로 등록`}
                          {st.note && <span class="muted"> · {st.note}</span>}
                          {st.author && <span class="muted small"> · {st.author}</span>}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
                {editing?.id === r.id && (
                  <tr class="editing">
                    <td colSpan={5}>
                      <StepEditor
                        row={r}
                        to={editing.to}
                        final={r.final_statuses.includes(editing.to.value)}
                        onCancel={() => setEditing(null)}
                        onDone={(updated) => {
                          setEditing(null);
                          props.onChanged();
                          // 합격: the 취업 등록 form opens, prefilled from the 알선.
                          if (updated.needs_placement && props.onPlace) props.onPlace(updated);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
