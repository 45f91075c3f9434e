// 추천 목록 and 알선 현황: the ranked pairs with the reasons a counselor reads
// out, and the referral pipeline they feed. Used on the seeker page (추천
// 일자리) and on the vacancy page (추천 인재).

import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { ApplicationRow, Recommendation, RecommendationView } from "../bindings";
import { scoreLabel } from "../lib/pipeline";
import { Loading } from "./FormParts";
import { errorText } from "../lib/format";

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

/** The ranked list for one seeker (side "vacancies") or one vacancy ("seekers"). */
export function RecommendationCards(props: { items: Recommendation[]; side: Side; onOpen: (id: string) => void; onChanged: () => void }) {
  return (
    <ol class="recs" aria-label="추천 목록">
      {props.items.map((item, i) => (
        <Card key={`${item.seeker_id}-${item.vacancy_id}`} item={item} side={props.side} rank={i + 1} onOpen={props.onOpen} onChanged={props.onChanged} />
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
  const what = props.side === "vacancies" ? "모집 중인 구인" : "참여 중인 구직자";
  const unit = props.side === "vacancies" ? "건" : "명";
  return (
    <div>
      <p class="muted" id="rec-summary">
        {what} {view.considered}
        {unit} 가운데 필수 조건(필수 자격·통근 거리·교대근무)을 맞는 {view.items.length}
        {unit}을 적합도 순으로 보여 줍니다. 추천은 제안일 뿐이며, 알선은 상담사가 결정합니다.
      </p>
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

/** 알선 현황: each row offers the statuses the desk says it may take
 * (`next_statuses`); with nothing to choose it shows its status. */
export function Applications(props: { rows: ApplicationRow[]; show: "seeker" | "vacancy"; onChanged: () => void; onOpen?: (id: string) => void }) {
  const [failure, setFailure] = useState("");
  if (props.rows.length === 0) return <p class="empty">알선 기록이 없습니다. 추천 목록에서 후보로 담거나 알선하세요.</p>;
  const move = async (row: ApplicationRow, status: string) => {
    try {
      await api.setApplicationStatus(row.id, status, "");
      setFailure("");
      props.onChanged();
    } catch (e) {
      setFailure(failureText(e as UiError));
    }
  };
  return (
    <div class="table-wrap">
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <table id="application-rows">
        <thead>
          <tr>
            <th scope="col">알선일</th>
            <th scope="col">{props.show === "seeker" ? "구직자" : "구인"}</th>
            <th scope="col">단계</th>
            <th scope="col">메모</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const label = props.show === "seeker" ? r.seeker_name : `${r.company_name} · ${r.vacancy_title}`;
            const target = props.show === "seeker" ? r.seeker_id : r.vacancy_id;
            return (
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
                  {r.next_statuses.length < 2 ? (
                    <span class="tag">{r.status_label}</span>
                  ) : (
                    <select aria-label={`${label} 알선 단계`} value={r.status} onChange={(e) => move(r, e.currentTarget.value)}>
                      {r.next_statuses.map((c) => (
                        <option value={c.value}>{c.label}</option>
                      ))}
                    </select>
                  )}
                </td>
                <td class="wrap">{r.note}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
