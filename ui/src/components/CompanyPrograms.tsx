// 지원사업 tab of a company: each program's answer on a day (해당, 확인
// 필요 or 해당 없음) with its reasons, amount, period and source; for 확인
// 필요 the facts that would settle it, to confirm right there; and every
// fact the rules read, with where its value comes from.

import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { CompanyProgramsView, FactRow, ProgramRow } from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";
import { useUnsaved } from "../lib/guard";
import { FieldMessages } from "./FormParts";

/** The desk commands the tab uses (tests pass their own). */
export type ProgramsDesk = Pick<typeof api, "companyPrograms" | "saveCompanyFacts">;

/** How sure the program data is: P, S or ?. */
export function confidenceLabel(c: string): string {
  switch (c) {
    case "P":
      return "1차 자료·부처 발표";
    case "S":
      return "2차 자료 (고용24·지침에서 확인 필요)";
    case "?":
    case "":
      return "불확실 (자료가 없거나 오래됨)";
    default:
      return c;
  }
}

/** A fact's value as a counselor reads it. */
export function factValueText(f: FactRow): string {
  if (f.value === "") return "모름";
  if (f.kind === "yesno") return f.value === "1" ? "예" : f.value === "0" ? "아니오" : f.value;
  return f.unit ? `${f.value}${f.unit}` : f.value;
}

/** The element id of each fact input: a fact asked in several places gets
 * `fact-<id>` at the first (the first program card that misses it, else the
 * full fact table), and a suffixed id elsewhere, so ids stay unique. */
export function factInputIds(programs: readonly ProgramRow[]): { inCard: (programId: string, factId: string) => string; inTable: (factId: string) => string } {
  const first = new Map<string, string>();
  for (const p of programs) for (const id of p.missing_ids) if (!first.has(id)) first.set(id, p.id);
  return {
    inCard: (programId, factId) => (first.get(factId) === programId ? `fact-${factId}` : `fact-${factId}-${programId}`),
    inTable: (factId) => (first.has(factId) ? `fact-${factId}-all` : `fact-${factId}`),
  };
}

/** The input for one fact, by its kind. */
function FactInput(props: { fact: FactRow; id: string; value: string; invalid: boolean; label?: string; onChange: (value: string) => void }) {
  const { fact, id, value } = props;
  const common = {
    id,
    "aria-invalid": props.invalid ? true : undefined,
    "aria-label": props.label,
  };
  if (fact.kind === "yesno") {
    return (
      <select {...common} class="fact-input" value={value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">모름</option>
        <option value="1">예</option>
        <option value="0">아니오</option>
      </select>
    );
  }
  if (fact.kind === "count" || fact.kind === "percent") {
    return (
      <span class="fact-number">
        <input
          {...common}
          class="fact-input"
          type="number"
          inputMode="numeric"
          min={0}
          max={fact.kind === "percent" ? 100 : undefined}
          step={1}
          value={value}
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
        {fact.unit && <span class="muted">{fact.unit}</span>}
      </span>
    );
  }
  return (
    <input
      {...common}
      class="fact-input"
      placeholder={fact.kind === "sigungu" ? "5자리 시군구 코드" : ""}
      inputMode={fact.kind === "sigungu" ? "numeric" : undefined}
      value={value}
      onInput={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}

export function CompanyPrograms(props: { companyId: string; desk?: ProgramsDesk }) {
  const desk = props.desk ?? api;
  const { companyId } = props;
  const [view, setView] = useState<CompanyProgramsView | null>(null);
  const [on, setOn] = useState("");
  const [seeker, setSeeker] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  // Facts typed but not saved, by fact id.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const ticket = useRef(0);

  const factsById = new Map((view?.facts ?? []).map((f) => [f.id, f]));
  const changed = Object.entries(edits).filter(([id, v]) => (factsById.get(id)?.value ?? "") !== v.trim());
  useUnsaved(`company-facts-${companyId}`, changed.length > 0);

  const lookup = (day: string, seekerId: string): Promise<void> => {
    const mine = ++ticket.current;
    setBusy(true);
    setError(null);
    return desk.companyPrograms(companyId, day.trim(), seekerId.trim()).then(
      (v) => {
        if (mine !== ticket.current) return;
        setView(v);
        setOn(v.on);
        setBusy(false);
      },
      (e: UiError) => {
        if (mine !== ticket.current) return;
        setError(e);
        setBusy(false);
      },
    );
  };

  useEffect(() => {
    setView(null);
    setOn("");
    setSeeker("");
    setEdits({});
    setErrors({});
    setSaved(false);
    lookup("", "");
  }, [companyId]);

  const edit = (id: string, value: string) => {
    setSaved(false);
    setEdits((e) => ({ ...e, [id]: value }));
  };
  const valueOf = (f: FactRow) => edits[f.id] ?? f.value;

  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    if (changed.length === 0) {
      setErrors({});
      return;
    }
    setBusy(true);
    try {
      await desk.saveCompanyFacts({ company_id: companyId, facts: Object.fromEntries(changed.map(([id, v]) => [id, v.trim()])) });
      setEdits({});
      setErrors({});
      setSaved(true);
      await lookup(on, seeker);
    } catch (err) {
      const ui = err as UiError;
      setError(ui);
      setErrors(byField(ui.fields));
      setBusy(false);
    }
  };

  const ids = factInputIds(view?.programs ?? []);
  const factErrors = (id: string) => errors[`facts.${id}`];
  // A fact the rules ask that the catalogue does not list (should not
  // happen): asked as plain text.
  const factFor = (p: ProgramRow, i: number): FactRow => {
    const id = p.missing_ids[i] ?? "";
    return factsById.get(id) ?? { id, label: p.missing[i] ?? id, kind: "text", unit: "", question: p.missing[i] ?? id, value: "", source: "" };
  };

  return (
    <div class="company-programs">
      <form
        class="filters programs-bar"
        aria-label="지원사업 조회"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          lookup(on, seeker);
        }}
      >
        <div class="field narrow">
          <label for="programs-on">기준일</label>
          <input type="date" id="programs-on" value={on} onInput={(e) => setOn(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="programs-seeker">
            채용(예정) 구직자 번호 <span class="optional">(선택)</span>
          </label>
          <input id="programs-seeker" value={seeker} onInput={(e) => setSeeker(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn primary" id="programs-lookup" disabled={busy}>
          조회
        </button>
      </form>
      {error && (
        <p class="error" role="alert" id="programs-error">
          {errorText(error)}
        </p>
      )}
      {!view ? (
        !error && <p class="muted">불러오는 중…</p>
      ) : (
        <form class="programs-body" id="facts-form" onSubmit={save} aria-label="지원사업 판단">
          <p class="programs-counts" id="programs-counts">
            <span class="tag verdict-eligible">해당 {view.counts[0]}</span> · <span class="tag verdict-unknown">확인 필요 {view.counts[1]}</span> ·{" "}
            <span class="tag verdict-not_eligible">해당 없음 {view.counts[2]}</span>{" "}
            <span class="muted small">
              {view.on} 기준{view.seeker_name && ` · 채용(예정)자 ${view.seeker_name}`} · 지원사업 자료 {view.data_version}
            </span>
          </p>
          <p class="hint-text">판단은 참고용입니다. 신청 전에 고용24와 사업 지침에서 다시 확인하세요.</p>
          <ul class="recs programs-list" id="programs-list">
            {view.programs.map((p) => (
              <li class="rec program" id={`program-${p.id}`} key={p.id} data-verdict={p.verdict}>
                <div class="rec-head">
                  <div class="rec-title">
                    <h3>{p.name}</h3>
                  </div>
                  <span class={`tag verdict verdict-${p.verdict}`}>{p.verdict_label}</span>
                </div>
                {p.reasons.length > 0 && (
                  <ul class="program-reasons">
                    {p.reasons.map((r, i) => (
                      <li key={i}>{r}</li>
                    ))}
                  </ul>
                )}
                <dl class="program-facts">
                  {p.amount && (
                    <div>
                      <dt>지원 금액</dt>
                      <dd>{p.amount}</dd>
                    </div>
                  )}
                  {p.applies && (
                    <div>
                      <dt>지급 대상</dt>
                      <dd>{p.applies}</dd>
                    </div>
                  )}
                  {p.period && (
                    <div>
                      <dt>적용 기간</dt>
                      <dd>{p.period}</dd>
                    </div>
                  )}
                  {p.source && (
                    <div>
                      <dt>출처</dt>
                      <dd class="program-source">
                        {p.source}
                        {p.source_date && <span class="muted"> ({p.source_date})</span>}
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>자료 신뢰도</dt>
                    <dd>{confidenceLabel(p.confidence)}</dd>
                  </div>
                  {p.note && (
                    <div class="wide">
                      <dt>참고</dt>
                      <dd>{p.note}</dd>
                    </div>
                  )}
                </dl>
                {p.missing_ids.length > 0 && (
                  <fieldset class="program-missing">
                    <legend>확인하면 판단할 수 있는 것</legend>
                    {p.missing_ids.map((_, i) => {
                      const f = factFor(p, i);
                      const id = ids.inCard(p.id, f.id);
                      const messages = factErrors(f.id);
                      return (
                        <div class={messages ? "field missing-fact invalid" : "field missing-fact"} key={f.id}>
                          <label for={id}>
                            {f.label} <span class="muted small">— {f.question}</span>
                          </label>
                          <FactInput fact={f} id={id} value={valueOf(f)} invalid={!!messages} onChange={(v) => edit(f.id, v)} />
                          <FieldMessages messages={messages} id={id} />
                        </div>
                      );
                    })}
                  </fieldset>
                )}
              </li>
            ))}
          </ul>
          <details class="programs-all-facts" id="programs-facts">
            <summary>판단 자료 (모든 항목 {view.facts.length}개)</summary>
            <div class="table-wrap">
              <table id="programs-facts-table">
                <thead>
                  <tr>
                    <th scope="col">항목</th>
                    <th scope="col">지금 값</th>
                    <th scope="col">출처</th>
                    <th scope="col">고칠 값</th>
                  </tr>
                </thead>
                <tbody>
                  {view.facts.map((f) => {
                    const id = ids.inTable(f.id);
                    const messages = factErrors(f.id);
                    return (
                      <tr key={f.id} data-fact={f.id}>
                        <td class="wrap">
                          <span class="name">{f.label}</span>
                          <div class="muted small">{f.question}</div>
                        </td>
                        <td>{factValueText(f)}</td>
                        <td>{f.source || <span class="muted">없음</span>}</td>
                        <td>
                          <FactInput fact={f} id={id} value={valueOf(f)} invalid={!!messages} label={f.label} onChange={(v) => edit(f.id, v)} />
                          <FieldMessages messages={messages} id={id} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
          {saved && (
            <p class="saved-line" role="status" id="facts-saved">
              확인한 내용을 저장하고 다시 판단했습니다.
            </p>
          )}
          <div class="actions left">
            <button type="submit" class="btn primary" id="facts-save" disabled={busy}>
              확인한 내용 저장
            </button>
            <span class="muted small" id="facts-changed">
              {changed.length > 0 ? `고친 항목 ${changed.length}개` : "고친 항목이 없습니다."}
            </span>
          </div>
        </form>
      )}
    </div>
  );
}
