import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { KpiDashboard, KpiFigureView, KpiMembers } from "../bindings";
import { KpiChart } from "../components/KpiChart";
import { Loading } from "../components/FormParts";
import { count, errorText } from "../lib/format";

/** The headline figures, in the order the cards show them. */
const HEADLINES = [
  "seekers_new",
  "seekers_active",
  "employment_rate_3m",
  "employment_rate_6m",
  "days_to_employment",
  "retention_6m",
  "firms_served",
  "company_hires",
  "vacancies_filled",
];

/** The stages of the funnel, from joining to aftercare. */
const FUNNEL = ["seekers_new", "stage_diagnosis", "stage_counseling", "stage_referral", "stage_employment", "stage_aftercare"];

const TREND = [
  { id: "seekers_new", color: "#256ef4" },
  { id: "stage_employment", color: "#228738" },
  { id: "company_hires", color: "#c9571d" },
];

/** "2026-11" for the month `back` months before today's. */
function monthOf(today: Date, back: number): string {
  const d = new Date(today.getFullYear(), today.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const part = (text: string, i: number) => Number(text.split("-")[i] ?? NaN);
  let [y, m] = [part(from, 0), part(from, 1)];
  const [ty, tm] = [part(to, 0), part(to, 1)];
  while ((y < ty || (y === ty && m <= tm)) && out.length < 240) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A figure's value as a counselor reads it: "1,234명", "42.5%", "38.0일". */
export function valueText(f: Pick<KpiFigureView, "unit">, value: number | null): string {
  if (value === null) return "—";
  if (f.unit === "%" || f.unit === "일") return `${value.toLocaleString("ko-KR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}${f.unit}`;
  return `${count(Math.round(value))}${f.unit}`;
}

/** The change against the period before: "▲ 12명", "▼ 3.5%p", "변동 없음". */
export function changeText(f: KpiFigureView): { text: string; tone: "up" | "down" | "same" | "none" } {
  if (f.value === null || f.previous_value === null) return { text: "비교 불가", tone: "none" };
  const d = f.value - f.previous_value;
  if (Math.abs(d) < 1e-9) return { text: "변동 없음", tone: "same" };
  const unit = f.unit === "%" ? "%p" : f.unit;
  // Fewer days to a job is the better way.
  const better = f.unit === "일" ? d < 0 : d > 0;
  const size = f.unit === "%" || f.unit === "일" ? Math.abs(d).toFixed(1) : count(Math.round(Math.abs(d)));
  return { text: `${d > 0 ? "▲" : "▼"} ${size}${unit}`, tone: better ? "up" : "down" };
}

interface Props {
  onOpenSeeker: (id: string) => void;
  onOpenCompany: (id: string) => void;
  /** Today, for the default period (injected in tests). */
  today?: Date;
}

interface Drill {
  figure: string;
  cut: string;
  key: string;
}

export function Performance(props: Props) {
  const today = props.today ?? new Date();
  // The last three whole months: the month under way would read as a fall.
  const [from, setFrom] = useState(monthOf(today, 3));
  const [to, setTo] = useState(monthOf(today, 1));
  const [view, setView] = useState<KpiDashboard | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [figureId, setFigureId] = useState("seekers_new");
  const [cutId, setCutId] = useState("counselor");
  const [drill, setDrill] = useState<Drill | null>(null);
  const [members, setMembers] = useState<KpiMembers | null>(null);
  const [memberFailure, setMemberFailure] = useState<UiError | null>(null);
  const [note, setNote] = useState("");

  const load = () => {
    setLoading(true);
    setFailure(null);
    api.kpiDashboard(from, to).then(
      (v) => {
        setView(v);
        setLoading(false);
      },
      (e: UiError) => {
        setFailure(e);
        setLoading(false);
      },
    );
  };
  useEffect(load, []);
  useEffect(() => {
    if (!drill || !view) return;
    // A later click wins: an earlier list arriving late is dropped.
    let stale = false;
    setMembers(null);
    setMemberFailure(null);
    api.kpiMembers(view.from, view.to, drill.figure, drill.cut, drill.key).then(
      (m) => stale || setMembers(m),
      (e: UiError) => stale || setMemberFailure(e),
    );
    return () => {
      stale = true;
    };
  }, [drill, view]);

  // The period on screen, not the fields edited since without 조회.
  const save = (what: "엑셀" | "PDF") => {
    if (!view) return;
    setNote(`${what} 파일을 만드는 중…`);
    (what === "엑셀" ? api.saveKpiWorkbook(view.from, view.to) : api.saveKpiPdf(view.from, view.to)).then(
      (out) => setNote(`${what}로 저장했습니다 (5 미만인 칸은 숨김): ${out.path}`),
      (e: UiError) => setNote(errorText(e)),
    );
  };

  const byId = (id: string) => view?.figures.find((f) => f.id === id);
  const open = (f: KpiFigureView, cut = "", key = "") => {
    if (f.drillable) setDrill({ figure: f.id, cut, key });
  };
  const months = view ? monthsBetween(view.from, view.to) : [];
  const selected = byId(figureId);
  // A figure without the cut chosen shows its first one.
  const table = selected?.cuts.find((c) => c.cut === cutId) ?? selected?.cuts[0];
  const drilled = drill ? byId(drill.figure) : undefined;

  return (
    <section class="stack kpi" aria-labelledby="kpi-title">
      <div class="kpi-head">
        <h2 id="kpi-title">성과</h2>
        <form
          class="kpi-period"
          onSubmit={(e) => {
            e.preventDefault();
            setDrill(null);
            load();
          }}
        >
          <label>
            시작 월 <input id="kpi-from" type="month" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            끝 월 <input id="kpi-to" type="month" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn primary" id="kpi-load" disabled={loading}>
            {loading ? "계산 중…" : "조회"}
          </button>
          <button type="button" class="btn" id="kpi-xlsx" onClick={() => save("엑셀")} disabled={!view}>
            엑셀로 저장
          </button>
          <button type="button" class="btn" id="kpi-pdf" onClick={() => save("PDF")} disabled={!view}>
            PDF로 저장
          </button>
          <button type="button" class="btn" id="kpi-print" onClick={() => window.print()}>
            인쇄
          </button>
        </form>
      </div>
      {note && (
        <p class="muted" role="status" id="kpi-note">
          {note}
        </p>
      )}
      {!view && <Loading failure={failure} />}
      {view && failure && (
        <p class="error" role="alert">
          {errorText(failure)}
        </p>
      )}
      {view && (
        <>
          <p class="print-only" id="kpi-print-note">
            센터 내부용: 5 미만인 칸도 그대로 인쇄됩니다. 센터 밖으로 낼 때는 'PDF로 저장'(5 미만 가림)을 쓰세요.
          </p>
          <p class="muted" id="kpi-period-text">
            {view.from} ~ {view.to} (비교: {view.previous_from} ~ {view.previous_to}) · {view.computed_on} 기준. 지표에 마우스를 올리면 정의가,
            누르면 해당 구직자·기업 목록이 나옵니다.
          </p>
          <div class="kpi-cards">
            {HEADLINES.map((id) => byId(id)).map(
              (f) =>
                f && (
                  <button type="button" class="kpi-card" id={`kpi-card-${f.id}`} key={f.id} title={f.definition} onClick={() => open(f)} disabled={!f.drillable}>
                    <span class="kpi-label">{f.label}</span>
                    <strong class="kpi-value">{valueText(f, f.value)}</strong>
                    <span class="kpi-n">
                      n = {count(f.n)}
                      {f.n_unit}
                    </span>
                    <span class={`kpi-change ${changeText(f).tone}`}>{changeText(f).text}</span>
                  </button>
                ),
            )}
          </div>
          <div class="kpi-row">
            <section class="kpi-panel kpi-funnel" aria-labelledby="kpi-funnel-title">
              <h3 id="kpi-funnel-title">단계별 참여자 (이 기간 신규 참여자 기준)</h3>
              {FUNNEL.map((id) => byId(id)).map((f) => {
                if (!f) return null;
                const base = byId("seekers_new")?.n ?? 0;
                const width = base > 0 ? Math.round((f.n * 100) / base) : 0;
                return (
                  <button type="button" class="funnel-row" key={f.id} id={`kpi-funnel-${f.id}`} title={f.definition} onClick={() => open(f)}>
                    <span class="funnel-label">{f.label}</span>
                    <span class="funnel-bar" style={{ width: `${Math.max(width, 1)}%` }} />
                    <span class="funnel-n">
                      {count(f.n)}명 ({width}%)
                    </span>
                  </button>
                );
              })}
            </section>
            <KpiChart
              id="kpi-retention"
              title="고용유지율 (3·6·12개월)"
              unit="%"
              xLabels={["3개월", "6개월", "12개월"]}
              series={[
                {
                  label: "고용유지율",
                  color: "#228738",
                  values: ["retention_3m", "retention_6m", "retention_12m"].map((id) => byId(id)?.value ?? null),
                },
              ]}
            />
          </div>
          <KpiChart
            id="kpi-trend"
            title="월별 추이"
            unit=""
            xLabels={months}
            series={TREND.map((t) => {
              const f = byId(t.id);
              const rows = f?.cuts.find((c) => c.cut === "month")?.rows ?? [];
              return { label: f?.label ?? t.id, color: t.color, values: months.map((m) => rows.find((r) => r.key === m)?.n ?? 0) };
            })}
          />
          <section class="kpi-panel" aria-labelledby="kpi-table-title">
            <h3 id="kpi-table-title">구분별 표</h3>
            <div class="kpi-table-pick">
              <label>
                지표{" "}
                <select id="kpi-figure" value={figureId} onChange={(e) => setFigureId(e.currentTarget.value)}>
                  {view.figures.map((f) => (
                    <option value={f.id} key={f.id}>
                      {f.side} · {f.label}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                구분{" "}
                <select id="kpi-cut" value={table?.cut ?? cutId} onChange={(e) => setCutId(e.currentTarget.value)}>
                  {(selected?.cuts ?? []).map((c) => (
                    <option value={c.cut} key={c.cut}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {selected && <p class="muted">{selected.definition}</p>}
            {selected && table ? (
              <table id="kpi-breakdown">
                <thead>
                  <tr>
                    <th scope="col">{table.label}</th>
                    <th scope="col">n</th>
                    <th scope="col">값</th>
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">
                        {selected.drillable ? (
                          <button type="button" class="link-like" onClick={() => open(selected, table.cut, r.key)}>
                            {r.key}
                          </button>
                        ) : (
                          r.key
                        )}
                      </th>
                      <td>
                        {count(r.n)}
                        {selected.n_unit}
                      </td>
                      <td>{valueText(selected, r.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="empty">이 기간에는 이 구분의 값이 없습니다.</p>
            )}
          </section>
          {drill && (
            <section class="kpi-panel" id="kpi-members" aria-labelledby="kpi-members-title">
              <h3 id="kpi-members-title">
                {members
                  ? `${members.figure}${members.cell ? ` · ${members.cell}` : ""}: ${count(members.total)}${drilled?.n_unit ?? "건"}`
                  : memberFailure
                    ? errorText(memberFailure)
                    : "목록을 불러오는 중…"}
              </h3>
              {members && (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">이름</th>
                      <th scope="col">해당 여부·값</th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.rows.map((m, i) => (
                      <tr key={`${m.id}-${i}`}>
                        <td>
                          <button type="button" class="link-like" onClick={() => (m.kind === "company" ? props.onOpenCompany(m.id) : props.onOpenSeeker(m.id))}>
                            {m.name || "(이름 없음)"}
                          </button>
                        </td>
                        <td>{m.flag === null ? (m.value === null || !drilled ? "" : valueText(drilled, m.value)) : m.flag ? "예" : "아니오"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {members && members.total > members.rows.length && <p class="muted">앞의 {members.rows.length}건만 보입니다.</p>}
              <button type="button" class="btn small-btn" onClick={() => setDrill(null)}>
                목록 닫기
              </button>
            </section>
          )}
        </>
      )}
    </section>
  );
}
