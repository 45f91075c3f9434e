import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { DueFollowUp, FollowUpGroup, RetentionDueList, TodayLimits, TodayView } from "../bindings";
import { RetentionEditor } from "../components/Outcomes";
import type { Tab } from "./SeekerDetailView";
import type { Tab as CompanyTab } from "./CompanyDetailView";
import { dueLabel, errorText, items } from "../lib/format";

function Section(props: {
  id: string;
  title: string;
  count: number;
  empty: string;
  /** Rows shown now, when the list pages: 더 보기 under it until all are shown. */
  shown?: number;
  onMore?: () => void;
  children: preact.ComponentChildren;
}) {
  const more = props.shown !== undefined && props.onMore && props.shown < props.count;
  return (
    <section class="today-card" aria-labelledby={`${props.id}-title`} id={props.id}>
      <h3 id={`${props.id}-title`}>
        {props.title} <span class="count-badge">{items(props.count)}</span>
      </h3>
      {props.count === 0 ? <p class="empty">{props.empty}</p> : props.children}
      {more && (
        <button type="button" class="btn small-btn more" id={`${props.id}-more`} onClick={props.onMore}>
          더 보기 ({props.shown}/{props.count})
        </button>
      )}
    </section>
  );
}

/** Rows added to a list by one 더 보기 (the desk's first page is as long). */
const PAGE = 50;

interface Props {
  onOpenSeeker: (id: string, tab?: Tab, writing?: boolean) => void;
  onOpenSubject: (id: string) => void;
  onOpenVacancy: (id: string) => void;
  onOpenCompany: (id: string, tab?: CompanyTab) => void;
}

/** One group of 상담 예정 (오늘, 지난 예정, 다가오는 7일, 30일 넘게 지난
 * 예정): its first page, and 더 보기 for the rest. The long-missed group
 * starts folded. */
function FollowUps(props: { first: FollowUpGroup; onOpenSeeker: Props["onOpenSeeker"] }) {
  const { first } = props;
  const [rows, setRows] = useState<DueFollowUp[]>(first.items);
  const [open, setOpen] = useState(first.key !== "lost");
  const [failure, setFailure] = useState<UiError | null>(null);
  useEffect(() => setRows(first.items), [first]);
  const more = () =>
    api.followUpPage(first.key, rows.length).then((p) => setRows((r) => [...r, ...p.items]), setFailure);
  if (first.total === 0) return null;
  return (
    <div class="follow-up-group" id={`followups-${first.key}`}>
      <h4 class="follow-group">
        <button type="button" class="link-like" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? "▾" : "▸"} {first.title}
        </button>
        <span class="count-badge">{items(first.total)}</span>
      </h4>
      {open && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">구직자</th>
                <th scope="col">예정일</th>
                <th scope="col">최근 상담</th>
                <th scope="col">할 일</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.seeker_id}>
                  <td class="name">
                    <Open label={f.seeker_name} onOpen={() => props.onOpenSeeker(f.seeker_id)} />
                  </td>
                  <td>
                    {f.next_on} <span class={f.overdue_days > 0 ? "due overdue" : "due"}>{dueLabel(f.overdue_days)}</span>
                  </td>
                  <td>{f.last_session_on}</td>
                  <td>
                    <button type="button" class="btn small-btn" onClick={() => props.onOpenSeeker(f.seeker_id, "sessions", true)}>
                      기록 추가
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {failure && (
            <p class="error" role="alert">
              {errorText(failure)}
            </p>
          )}
          {rows.length < first.total && (
            <button type="button" class="btn small-btn more" onClick={more}>
              더 보기 ({items(first.total - rows.length)} 남음)
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** 보유기간 만료 예정: ended cases whose retention ends within 30 days or
 * is over, read after the rest (the desk looks through every ended case). */
function RetentionEnding(props: { onOpenSeeker: Props["onOpenSeeker"] }) {
  const [list, setList] = useState<RetentionDueList | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [failure, setFailure] = useState<UiError | null>(null);
  useEffect(() => {
    api.retentionDue(limit).then(setList, setFailure);
  }, [limit]);
  if (failure) return <p class="error" role="alert">{errorText(failure)}</p>;
  if (!list) return null;
  return (
    <Section
      id="today-retention-ending"
      title="보유기간 만료 예정"
      count={list.total}
      shown={list.rows.length}
      onMore={() => setLimit((l) => l + PAGE)}
      empty="30일 안에 보유기간이 끝나는 종료 사례가 없습니다."
    >
      <p class="hint">보유기간 — {list.retention}. 기간이 지나면 개인정보를 파기합니다 (doyak retention --run). 기간은 가져오기·내보내기 화면의 센터 설정에서 정합니다.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">구직자</th>
            <th scope="col">종류</th>
            <th scope="col">마지막 활동</th>
            <th scope="col">보유 종료</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r) => (
            <tr key={r.seeker_id}>
              <td class="name">
                <Open label={r.seeker_name} onOpen={() => props.onOpenSeeker(r.seeker_id, "privacy")} />
              </td>
              <td>{r.kind}</td>
              <td>{r.last_activity}</td>
              <td>
                {r.ends_on} {r.over && <span class="due overdue">지남</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** A name that opens its record. */
function Open(props: { label: string; onOpen: () => void }) {
  return (
    <button type="button" class="row-link" onClick={props.onOpen}>
      {props.label}
    </button>
  );
}

export function Today({ onOpenSeeker, onOpenSubject, onOpenVacancy, onOpenCompany }: Props) {
  const [view, setView] = useState<TodayView | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [checking, setChecking] = useState<{ placementId: string; months: number } | null>(null);
  const [limits, setLimits] = useState<TodayLimits>({ retention_checks: PAGE, overdue_iap: PAGE, overdue_actions: PAGE, referrals: PAGE, applications: PAGE, stale_vacancies: PAGE });
  const load = () => api.today(limits).then(setView, setError);
  const more = (key: keyof TodayLimits) => () => setLimits((l) => ({ ...l, [key]: l[key] + PAGE }));

  useEffect(() => {
    load();
  }, [limits]);

  if (error) {
    return (
      <p class="error" role="alert">
        {errorText(error)}
      </p>
    );
  }
  if (!view) return <p class="muted">불러오는 중…</p>;

  return (
    <div class="screen" aria-labelledby="today-title">
      <div class="toolbar">
        <h2 id="today-title">오늘 할 일</h2>
        <span class="muted">{view.today} 기준</span>
      </div>
      {checking && (
        <RetentionEditor
          placementId={checking.placementId}
          months={checking.months}
          onCancel={() => setChecking(null)}
          onSaved={() => {
            setChecking(null);
            load();
          }}
        />
      )}
      <nav class="today-jump" aria-label="오늘 할 일 목록">
        {[
          ["today-followups", "상담 예정", view.follow_up_groups.reduce((n, g) => n + g.total, 0)],
          ["today-retention", "고용유지 확인", view.totals.retention_checks],
          ["today-iap", "IAP 점검", view.totals.overdue_iap],
          ["today-overdue-actions", "기업 컨설팅 조치", view.totals.overdue_actions],
          ["today-referrals", "기관연계", view.totals.referrals],
          ["today-applications", "알선", view.totals.applications],
          ["today-vacancies", "장기 미충원", view.totals.stale_vacancies],
        ].map(([id, label, n]) => (
          <button type="button" class="btn small-btn" onClick={() => document.getElementById(String(id))?.scrollIntoView({ block: "start" })}>
            {label} <span class="count-badge">{items(Number(n))}</span>
          </button>
        ))}
      </nav>
      <div class="today-grid">
        <Section id="today-followups" title="상담 예정" count={view.follow_up_groups.reduce((n, g) => n + g.total, 0)} empty="예정된 상담이 없습니다.">
          {view.follow_up_groups.map((g) => (
            <FollowUps key={g.key} first={g} onOpenSeeker={onOpenSeeker} />
          ))}
        </Section>
        <Section
          id="today-retention"
          title="고용유지 확인"
          count={view.totals.retention_checks}
          shown={view.retention_checks.length}
          onMore={more("retention_checks")}
          empty="확인할 고용유지(3·6·12개월)가 없습니다."
        >

          <table>
            <thead>
              <tr>
                <th scope="col">구직자</th>
                <th scope="col">취업처</th>
                <th scope="col">구분</th>
                <th scope="col">확인일</th>
                <th scope="col">할 일</th>
              </tr>
            </thead>
            <tbody>
              {view.retention_checks.map((r) => (
                <tr key={`${r.placement_id}-${r.months}`} data-placement={r.placement_id}>
                  <td class="name">
                    <Open label={r.seeker_name} onOpen={() => onOpenSeeker(r.seeker_id, "placements")} />
                  </td>
                  <td>{r.employer}</td>
                  <td>{r.months}개월</td>
                  <td>
                    {r.due_on} <span class={r.overdue_days > 0 ? "due overdue" : "due"}>{dueLabel(r.overdue_days)}</span>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="btn small-btn primary check-record"
                      onClick={() => setChecking({ placementId: r.placement_id, months: r.months })}
                    >
                      유지 확인
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section
          id="today-iap"
          title="이행 점검이 밀린 IAP 활동"
          count={view.totals.overdue_iap}
          shown={view.overdue_iap.length}
          onMore={more("overdue_iap")}
          empty="기한이 지났는데 점검하지 않은 IAP 활동이 없습니다."
        >
          <table>
            <thead>
              <tr>
                <th scope="col">구직자</th>
                <th scope="col">계획 월</th>
                <th scope="col">구분</th>
                <th scope="col">활동 내용</th>
              </tr>
            </thead>
            <tbody>
              {view.overdue_iap.map((a) => (
                <tr key={a.activity_id} data-activity={a.activity_id}>
                  <td class="name">
                    <Open label={a.seeker_name} onOpen={() => onOpenSeeker(a.seeker_id, "iap")} />
                  </td>
                  <td>
                    {a.month} <span class="due overdue">{a.months_overdue <= 1 ? "지난달 계획" : `${a.months_overdue}개월 전 계획`}</span>
                  </td>
                  <td>{a.kind_label}</td>
                  <td class="wrap">{a.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section
          id="today-overdue-actions"
          title="기한이 지난 기업 컨설팅 조치"
          count={view.totals.overdue_actions}
          shown={view.overdue_actions.length}
          onMore={more("overdue_actions")}
          empty="기한이 지난 기업 컨설팅 조치가 없습니다."
        >
          <table>
            <thead>
              <tr>
                <th scope="col">기업</th>
                <th scope="col">조치</th>
                <th scope="col">내용</th>
                <th scope="col">담당</th>
                <th scope="col">기한</th>
              </tr>
            </thead>
            <tbody>
              {view.overdue_actions.map((a) => (
                <tr key={a.action_id} data-action={a.action_id}>
                  <td class="name">
                    <Open label={a.company_name} onOpen={() => onOpenCompany(a.company_id, "plan")} />
                  </td>
                  <td>{a.kind_label}</td>
                  <td class="wrap">{a.description}</td>
                  <td>{a.owner}</td>
                  <td>
                    {a.due_on} <span class="due overdue">{dueLabel(a.overdue_days)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section id="today-referrals" title="결과 대기 중인 기관연계" count={view.totals.referrals} shown={view.referrals.length} onMore={more("referrals")} empty="2주 넘게 결과를 기다리는 연계가 없습니다.">
          <table>
            <thead>
              <tr>
                <th scope="col">대상</th>
                <th scope="col">연계기관</th>
                <th scope="col">상태</th>
                <th scope="col">경과</th>
              </tr>
            </thead>
            <tbody>
              {view.referrals.map((r) => (
                <tr key={r.referral_id}>
                  <td class="name">
                    <Open label={r.subject_name} onOpen={() => onOpenSubject(r.subject_id)} />
                  </td>
                  <td>
                    {r.partner_name}
                    <div class="muted small">{r.purpose}</div>
                  </td>
                  <td>
                    <span class="tag">{r.status}</span>
                  </td>
                  <td>{r.waiting_days}일</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section id="today-applications" title="결과 대기 중인 알선" count={view.totals.applications} shown={view.applications.length} onMore={more("applications")} empty="2주 넘게 결과를 기다리는 알선이 없습니다.">
          <table>
            <thead>
              <tr>
                <th scope="col">구직자</th>
                <th scope="col">구인</th>
                <th scope="col">단계</th>
                <th scope="col">마지막 단계 후</th>
                <th scope="col">할 일</th>
              </tr>
            </thead>
            <tbody>
              {view.applications.map((a) => (
                <tr key={a.application_id}>
                  <td class="name">
                    <Open label={a.seeker_name} onOpen={() => onOpenSeeker(a.seeker_id)} />
                  </td>
                  <td>
                    <Open label={a.vacancy_title} onOpen={() => onOpenVacancy(a.vacancy_id)} />
                    <div class="muted small">{a.company_name}</div>
                  </td>
                  <td>
                    <span class="tag">{a.status}</span>
                  </td>
                  <td>
                    {a.waiting_days}일 <span class="muted small">({a.last_step_on})</span>
                  </td>
                  <td>
                    <button type="button" class="btn small-btn" onClick={() => onOpenSeeker(a.seeker_id, "applications")}>
                      결과 입력
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section id="today-vacancies" title="장기 미충원 구인" count={view.totals.stale_vacancies} shown={view.stale_vacancies.length} onMore={more("stale_vacancies")} empty="30일 넘게 열려 있는 구인이 없습니다.">
          <table>
            <thead>
              <tr>
                <th scope="col">기업</th>
                <th scope="col">구인</th>
                <th scope="col" title="남은 자리 / 모집인원">남은/모집</th>
                <th scope="col">경과</th>
              </tr>
            </thead>
            <tbody>
              {view.stale_vacancies.map((v) => (
                <tr key={v.vacancy_id}>
                  <td class="name">
                    <Open label={v.company_name} onOpen={() => onOpenSubject(v.company_id)} />
                  </td>
                  <td>
                    <Open label={v.title} onOpen={() => onOpenVacancy(v.vacancy_id)} />
                  </td>
                  <td>{`${v.places_left}/${v.headcount}명`}</td>
                  <td>{v.open_days}일</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <RetentionEnding onOpenSeeker={onOpenSeeker} />
      </div>
    </div>
  );
}
