// 진단 tab of a company: the 방문 문진 filled on the visit (big touch
// targets; everything stays on this laptop), the 구인애로 diagnosis it gives
// — per cause a score with the evidence behind it — recomputed as the
// answers change, the factors the counselor settles on, and the saved
// diagnoses with two of them side by side.

import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type {
  CauseRow,
  CompanyDiagnosis as Diagnosis,
  CompanyDiagnosisView,
  DiagnosisComparison,
  VisitItemRow,
} from "../bindings";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText, scoreText, signedChange } from "../lib/format";
import { useUnsaved } from "../lib/guard";
import { NONE_OF_THESE, answered, choiceValues, decodeYesNo, encodeYesNo, sameAnswers, toggleChoice } from "../lib/visit";
import { FieldMessages, Loading } from "./FormParts";

/** The desk commands the tab uses (tests pass their own). */
export type DiagnosisDesk = Pick<
  typeof api,
  "companyDiagnosisView" | "previewCompanyDiagnosis" | "saveCompanyDiagnosis" | "compareCompanyDiagnoses"
>;

/** How long typing pauses before the result is recomputed. */
const PREVIEW_DELAY_MS = 300;

type Answers = Record<string, string>;

/** Field errors of the visit form by item id (`answers.<id>` → `<id>`). */
function answerErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    if (field.startsWith("answers.")) out[field.slice("answers.".length)] = messages;
  }
  return out;
}

function Score(props: { score: number | null }) {
  if (props.score === null) return <span class="tag score-unknown">확인 필요</span>;
  return (
    <>
      <span class="fit-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, props.score))}%` }} />
      </span>{" "}
      <span class="score-text">{scoreText(props.score)}</span>
    </>
  );
}

function CauseTags(props: { cause: CauseRow }) {
  return props.cause.too_strict ? <span class="tag too-strict">요건 과도</span> : null;
}

/** One question of the visit form. */
function VisitItem(props: {
  item: VisitItemRow;
  answer: string | undefined;
  errors: string[] | undefined;
  onAnswer: (value: string) => void;
}) {
  const { item, answer, errors } = props;
  const base = `visit-${item.id}`;
  const invalid = errors && errors.length > 0;
  const describedBy = invalid ? `${base}-error` : undefined;
  let control;
  if (item.kind === "count") {
    control = (
      <div class="visit-count">
        <input
          type="number"
          id={base}
          name={base}
          min={0}
          step={1}
          inputMode="numeric"
          value={answer ?? ""}
          aria-labelledby={`${base}-text`}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={describedBy}
          onInput={(e) => props.onAnswer(e.currentTarget.value)}
        />
      </div>
    );
  } else if (item.kind === "yesno") {
    const yes = decodeYesNo(answer);
    control = (
      <div class="visit-choices">
        {([
          [true, "예"],
          [false, "아니오"],
        ] as const).map(([value, label]) => (
          <label class="check visit-check" key={label}>
            <input
              type="radio"
              id={`${base}-${encodeYesNo(value)}`}
              name={base}
              value={encodeYesNo(value)}
              checked={yes === value}
              aria-describedby={describedBy}
              onChange={() => props.onAnswer(encodeYesNo(value))}
            />
            {label}
          </label>
        ))}
        {yes !== null && (
          <button type="button" class="btn small-btn" id={`${base}-clear`} onClick={() => props.onAnswer("")}>
            답 지우기
          </button>
        )}
      </div>
    );
  } else {
    const picked = choiceValues(answer);
    control = (
      <div class="visit-choices">
        {item.options.map((o) => (
          <label class="check visit-check" key={o.value}>
            <input
              type="checkbox"
              id={`${base}-${o.value}`}
              name={base}
              value={o.value}
              checked={picked.includes(o.value)}
              aria-describedby={describedBy}
              onChange={(e) => props.onAnswer(toggleChoice(answer, o.value, e.currentTarget.checked, item.options))}
            />
            {o.label}
          </label>
        ))}
        <label class="check visit-check visit-none">
          <input
            type="checkbox"
            id={`${base}-${NONE_OF_THESE}`}
            name={base}
            value={NONE_OF_THESE}
            checked={picked.includes(NONE_OF_THESE)}
            aria-describedby={describedBy}
            onChange={(e) => props.onAnswer(toggleChoice(answer, NONE_OF_THESE, e.currentTarget.checked, item.options))}
          />
          해당 없음
        </label>
      </div>
    );
  }
  return (
    <fieldset class={invalid ? "q-item visit-item invalid" : "q-item visit-item"} data-item={item.id}>
      <legend id={`${base}-text`}>
        <span class="q-number">{item.number}.</span> {item.text}
      </legend>
      {control}
      <FieldMessages messages={errors} id={base} />
    </fieldset>
  );
}

/** The diagnosis: the firm's view per cause, then each vacancy's evidence. */
function Result(props: { result: Diagnosis }) {
  const r = props.result;
  return (
    <section class="diagnosis-result" id="diagnosis-result" aria-labelledby="diagnosis-result-title">
      <h4 id="diagnosis-result-title">진단 결과</h4>
      <p class="muted small">
        {r.diagnosed_on} 기준 · 판정 방식 {r.engine}
        {r.visit_form ? ` · ${r.visit_form} 답 ${r.visit_answered}개 반영` : " · 방문 문진 답 없음"}
      </p>
      <table id="diagnosis-summary">
        <thead>
          <tr>
            <th scope="col">원인</th>
            <th scope="col">점수 (0–100)</th>
            <th scope="col">비고</th>
          </tr>
        </thead>
        <tbody>
          {r.summary.map((c) => (
            <tr key={c.code} data-cause={c.code}>
              <td class="name">{c.label}</td>
              <td>
                <Score score={c.score} />
              </td>
              <td>
                <CauseTags cause={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint-text">점수가 높을수록 그 원인이 뚜렷합니다. 근거가 모자라 판단하지 못한 원인은 '확인 필요'로 둡니다.</p>
      {r.vacancies.map((v) => (
        <details class="vacancy-causes" id={`diagnosis-vacancy-${v.vacancy_id}`} key={v.vacancy_id} open={r.vacancies.length === 1}>
          <summary>
            <strong>{v.title}</strong> {v.occupation && <span class="muted">({v.occupation})</span>}
          </summary>
          <ul class="cause-list">
            {v.causes.map((c) => (
              <li key={c.code} data-cause={c.code}>
                <div class="cause-head">
                  <span class="cause-label">{c.label}</span> <Score score={c.score} /> <CauseTags cause={c} />
                </div>
                {c.facts.length > 0 && (
                  <ul class="cause-facts">
                    {c.facts.map((f, i) => (
                      <li key={i}>{f}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </details>
      ))}
      {r.skipped.length > 0 && (
        <ul class="muted small skipped" id="diagnosis-skipped">
          {r.skipped.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Comparison(props: { comparison: DiagnosisComparison }) {
  const c = props.comparison;
  return (
    <section class="diagnosis-comparison" id="diagnosis-comparison-panel" aria-labelledby="diagnosis-comparison-title">
      <h4 id="diagnosis-comparison-title">
        진단 비교: {c.before_on} → {c.after_on}
      </h4>
      {c.engine_changed && (
        <p class="warn-text" id="diagnosis-engine-changed">
          두 진단의 판정 방식이 다릅니다. 점수 변화가 기업의 변화가 아니라 판정 방식의 변화일 수 있습니다.
        </p>
      )}
      <table id="diagnosis-comparison">
        <thead>
          <tr>
            <th scope="col">구인</th>
            <th scope="col">원인</th>
            <th scope="col">이전 ({c.before_on})</th>
            <th scope="col">이후 ({c.after_on})</th>
            <th scope="col">변화</th>
          </tr>
        </thead>
        <tbody>
          {c.rows.length === 0 ? (
            <tr>
              <td colSpan={5} class="empty">
                비교할 점수가 없습니다.
              </td>
            </tr>
          ) : (
            c.rows.map((row, i) => {
              const change = signedChange(row.change);
              return (
                <tr key={i}>
                  <td class="wrap">{row.vacancy}</td>
                  <td>{row.cause}</td>
                  <td>{scoreText(row.before)}</td>
                  <td>{scoreText(row.after)}</td>
                  <td>
                    <span class={`change change-${change.tone}`}>{change.text}</span>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      <p class="hint-text">점수가 오르면(+) 그 원인이 더 뚜렷해졌고, 내리면(−) 나아졌다는 뜻입니다.</p>
      <h5>바뀐 방문 문진 답</h5>
      {c.answers.length === 0 ? (
        <p class="muted" id="diagnosis-answer-changes-none">
          바뀐 답이 없습니다.
        </p>
      ) : (
        <table id="diagnosis-answer-changes">
          <thead>
            <tr>
              <th scope="col">문항</th>
              <th scope="col">이전 → 이후</th>
            </tr>
          </thead>
          <tbody>
            {c.answers.map((a, i) => (
              <tr key={i}>
                <td class="wrap">{a.question}</td>
                <td class="wrap">
                  {a.before} → <strong>{a.after}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CompanyDiagnosis(props: { companyId: string; desk?: DiagnosisDesk }) {
  const desk = props.desk ?? api;
  const { companyId } = props;
  const [view, setView] = useState<CompanyDiagnosisView | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<Diagnosis | null>(null);
  const [previewError, setPreviewError] = useState<UiError | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [factors, setFactors] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparison, setComparison] = useState<DiagnosisComparison | null>(null);
  const [compareError, setCompareError] = useState<UiError | null>(null);
  // Answers changed by the counselor since the last preview was asked.
  const edited = useRef(false);
  // Previews can come back out of order: only the newest counts.
  const ticket = useRef(0);

  useUnsaved(`company-diagnosis-${companyId}`, view !== null && (!sameAnswers(answers, view.answers) || note.trim() !== ""));

  const load = () =>
    desk.companyDiagnosisView(companyId).then((v) => {
      ticket.current++;
      edited.current = false;
      setView(v);
      setAnswers({ ...v.answers });
      setResult(v.current);
      setFactors([...v.suggested_factors]);
      setNote("");
      setErrors({});
      setPreviewError(null);
      setPicked((p) => p.filter((id) => v.history.some((h) => h.id === id)));
    }, setFailure);

  useEffect(() => {
    setView(null);
    setFailure(null);
    setSaved(false);
    setComparison(null);
    setPicked([]);
    load();
  }, [companyId]);

  // The recompute waiting for typing to pause.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const preview = (a: Answers) => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
    edited.current = false;
    const mine = ++ticket.current;
    desk.previewCompanyDiagnosis({ company_id: companyId, answers: answered(a), factors: [], note: "" }).then(
      (d) => {
        if (mine !== ticket.current) return;
        setResult(d);
        setErrors({});
        setPreviewError(null);
      },
      (err: UiError) => {
        if (mine !== ticket.current) return;
        setErrors(byField(err.fields));
        // A firm with nothing to diagnose: the notice already says so.
        const nothingToDiagnose = err.fields.some((f) => f.field === "company_id");
        setPreviewError(nothingToDiagnose ? null : err);
        if (nothingToDiagnose) setResult(null);
      },
    );
  };

  // Recompute once typing pauses.
  useEffect(() => {
    if (!edited.current) return;
    const timer = setTimeout(() => preview(answers), PREVIEW_DELAY_MS);
    pending.current = timer;
    return () => clearTimeout(timer);
  }, [answers]);

  if (!view) return <Loading failure={failure} />;

  const itemErrors = answerErrors(errors);
  const answer = (id: string, value: string) => {
    edited.current = true;
    setSaved(false);
    setAnswers((a) => ({ ...a, [id]: value }));
  };

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    setSaved(false);
    try {
      await desk.saveCompanyDiagnosis({ company_id: companyId, answers: answered(answers), factors, note });
      await load();
      setSaved(true);
    } catch (err) {
      const ui = err as UiError;
      setSaveError(ui);
      setErrors(byField(ui.fields));
    } finally {
      setSaving(false);
    }
  };

  const compare = () => {
    const [first, second] = picked;
    if (first === undefined || second === undefined) return;
    setCompareError(null);
    desk.compareCompanyDiagnoses(companyId, first, second).then(setComparison, (e: UiError) => {
      setComparison(null);
      setCompareError(e);
    });
  };

  const answeredCount = view.items.filter((i) => (answers[i.id] ?? "").trim() !== "").length;
  let section = "";
  return (
    <div class="company-diagnosis">
      {view.current === null && (
        <p class="hint" id="diagnosis-no-vacancy" role="status">
          {view.no_vacancy}
        </p>
      )}
      <div class="company-diagnosis-main">
        <form
          class="questionnaire visit-form"
          id="visit-form"
          aria-labelledby="visit-form-title"
          onSubmit={(e) => {
            e.preventDefault();
            preview(answers);
          }}
        >
          <div class="questionnaire-head">
            <h3 id="visit-form-title">
              방문 문진{" "}
              <span class="muted small" id="visit-form-version">
                {view.form} {view.form_version}판
              </span>
            </h3>
            <p class="muted small">
              방문하며 기업에 묻고 답을 적습니다. 모르는 문항은 비워 두세요. 답은 이 노트북에만 있다가 '진단 저장' 때 함께 저장됩니다.
            </p>
            <p class="muted small" role="status" id="visit-answered">
              답변 {answeredCount} / {view.items.length}
            </p>
          </div>
          {view.items.map((item) => {
            const head = item.section !== section ? <h4 class="q-section">{(section = item.section)}</h4> : null;
            return (
              <Fragment key={item.id}>
                {head}
                <VisitItem item={item} answer={answers[item.id]} errors={itemErrors[item.id]} onAnswer={(v) => answer(item.id, v)} />
              </Fragment>
            );
          })}
          <div class="actions left">
            <button type="submit" class="btn" id="diagnosis-preview">
              결과 보기
            </button>
          </div>
        </form>
        <div class="company-diagnosis-side">
          {previewError && (
            <div class="error" role="alert" id="diagnosis-preview-error">
              <p>{errorText(previewError)}</p>
              {previewError.fields.length > 0 && (
                <ul>
                  {previewError.fields.map((f, i) => (
                    <li key={i}>
                      {f.label}: {f.message}
                    </li>
                  ))}
                </ul>
              )}
              {result && <p class="muted small">아래 결과는 마지막으로 계산한 것입니다.</p>}
            </div>
          )}
          {result ? <Result result={result} /> : view.current !== null && <p class="muted">결과를 계산하는 중…</p>}
          <section class="diagnosis-save" aria-labelledby="diagnosis-factors-title">
            <fieldset class="diagnosis-factors">
              <legend id="diagnosis-factors-title">구인애로 요인 (상담사 판단)</legend>
              <p class="hint-text">점수 50 이상인 원인의 요인을 미리 골라 두었습니다. 상담사가 바꿀 수 있습니다.</p>
              <div class="checks">
                {view.factor_choices.map((c) => (
                  <label class="check visit-check" key={c.value}>
                    <input
                      type="checkbox"
                      id={`factor-${c.value}`}
                      value={c.value}
                      checked={factors.includes(c.value)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setSaved(false);
                        setFactors((f) =>
                          view.factor_choices.map((x) => x.value).filter((v) => (v === c.value ? on : f.includes(v))),
                        );
                      }}
                    />
                    {c.label}
                  </label>
                ))}
              </div>
              {(errors.factors ?? []).map((m) => (
                <p class="field-error" role="alert">
                  {m}
                </p>
              ))}
            </fieldset>
            <div class="field">
              <label for="diagnosis-note">메모</label>
              <textarea id="diagnosis-note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
            </div>
            {saveError && (
              <p class="error" role="alert" id="diagnosis-save-error">
                {errorText(saveError)}
              </p>
            )}
            {saved && (
              <p class="saved-line" role="status" id="diagnosis-saved">
                진단을 저장했습니다.
              </p>
            )}
            <div class="actions left">
              <button type="button" class="btn primary" id="diagnosis-save" disabled={saving} onClick={save}>
                {saving ? "저장 중…" : "진단 저장"}
              </button>
            </div>
          </section>
        </div>
      </div>
      <section class="diagnosis-history" aria-labelledby="diagnosis-history-title">
        <h3 id="diagnosis-history-title">저장한 진단</h3>
        {view.history.length === 0 ? (
          <p class="empty" id="diagnosis-history-empty">
            저장한 진단이 없습니다.
          </p>
        ) : (
          <>
            <div class="table-wrap">
              <table id="diagnosis-history">
                <thead>
                  <tr>
                    <th scope="col">
                      <span class="sr-only">비교할 진단 선택</span>
                    </th>
                    <th scope="col">진단일</th>
                    <th scope="col">판정 방식</th>
                    <th scope="col">주요 원인</th>
                    <th scope="col">구인애로 요인</th>
                    <th scope="col">방문 문진</th>
                    <th scope="col">메모</th>
                  </tr>
                </thead>
                <tbody>
                  {view.history.map((h) => (
                    <tr key={h.id} data-diagnosis={h.id}>
                      <td>
                        <input
                          type="checkbox"
                          class="compare-pick"
                          id={`compare-${h.id}`}
                          aria-label={`${h.occurred_on} 진단 비교에 넣기`}
                          checked={picked.includes(h.id)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            // Two at most: a third pick lets go of the oldest.
                            setPicked((p) => (on ? [...p.filter((x) => x !== h.id), h.id].slice(-2) : p.filter((x) => x !== h.id)));
                          }}
                        />
                      </td>
                      <td>{h.occurred_on}</td>
                      <td class="small">{h.engine}</td>
                      <td class="wrap">{h.top.length > 0 ? h.top.join(", ") : <span class="muted">없음</span>}</td>
                      <td class="wrap">{h.factors.length > 0 ? h.factors.join(", ") : <span class="muted">없음</span>}</td>
                      <td>{h.visit ? "예" : "아니오"}</td>
                      <td class="wrap">{h.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="actions left">
              <button type="button" class="btn" id="diagnosis-compare" disabled={picked.length !== 2} onClick={compare}>
                비교
              </button>
              <span class="muted small">진단 두 개를 골라 비교합니다 ({picked.length}/2).</span>
            </div>
          </>
        )}
        {compareError && (
          <p class="error" role="alert" id="diagnosis-compare-error">
            {errorText(compareError)}
          </p>
        )}
        {comparison && <Comparison comparison={comparison} />}
      </section>
    </div>
  );
}
