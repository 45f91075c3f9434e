// 구직준비도·취업장애 문진, filled with the seeker at the desk. Keyboard
// first: the digits 1–5 answer the focused 5-point item, Y/N (or 1/2) a
// yes/no item, and the focus moves on to the next question; the arrow keys
// work as in any radio group. Every answer is kept as a draft at once, so
// the counselor can stop and come back; 제출 scores it on the desk, which
// refuses a half-filled or contradictory form and names the items.

import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { QuestionnaireView, QuestionRow, ReadinessView } from "../bindings";
import { errorText } from "../lib/format";
import { Loading } from "./FormParts";

const LIKERT = ["전혀 아니다", "아니다", "보통이다", "그렇다", "매우 그렇다"];
type Answers = { [id: string]: number };

/** Whether an item is asked, given the answers so far. */
function asked(item: QuestionRow, answers: Answers): boolean {
  return item.depends_on === "" || answers[item.depends_on] === 1;
}

export function Questionnaire(props: { seekerId: string; onSubmitted: (view: ReadinessView) => void; onClose: () => void }) {
  const [view, setView] = useState<QuestionnaireView | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The draft saves still on their way, chained.
  const saving = useRef<Promise<void>>(Promise.resolve());
  // The question to focus once the next render is on screen ("#q-submit"
  // after the last one).
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (focusNext === null) return;
    if (focusNext === "#q-submit") formRef.current?.querySelector<HTMLButtonElement>("#q-submit")?.focus();
    else focusItem(focusNext);
    setFocusNext(null);
  }, [focusNext]);
  useEffect(() => {
    api.questionnaire(props.seekerId).then((v) => {
      setView(v);
      setAnswers({ ...(v.answers as Answers) });
    }, setFailure);
  }, [props.seekerId]);
  // Focus the first unanswered question once the form is there.
  useEffect(() => {
    if (!view) return;
    const first = view.items.find((i) => asked(i, answers) && answers[i.id] === undefined);
    focusItem(first?.id ?? view.items[0]?.id);
  }, [view]);
  if (!view) return <Loading failure={failure} />;
  const items = view.items.filter((i) => asked(i, answers));
  const answered = items.filter((i) => answers[i.id] !== undefined).length;

  function focusItem(id: string | undefined) {
    if (!id) return;
    // The chosen answer when there is one (arrow keys move from it), else
    // the first choice.
    const item = formRef.current?.querySelector(`fieldset[data-item="${id}"]`);
    const el = item?.querySelector<HTMLInputElement>("input:checked") ?? item?.querySelector<HTMLInputElement>("input");
    el?.focus();
  }

  function answer(item: QuestionRow, value: number, moveOn: boolean) {
    const next: Answers = { ...answers, [item.id]: value };
    // A follow-up of a question now answered 아니오 is no longer asked:
    // its answer goes, so the form never holds a contradiction.
    if (item.kind === "yesno" && value === 0) {
      for (const i of view!.items) if (i.depends_on === item.id) delete next[i.id];
    }
    setAnswers(next);
    setFailure(null);
    // One save after another, in the order answered: the desk runs
    // commands in no set order, and a late save must not bring back an
    // older draft (or, after 제출, a draft at all).
    saving.current = saving.current.then(() =>
      api.saveQuestionnaireDraft({ seeker_id: props.seekerId, answers: next }).then(
        () => undefined,
        (err: UiError) => setFailure(err),
      ),
    );
    if (moveOn) {
      const order = view!.items.filter((i) => asked(i, next));
      const at = order.findIndex((i) => i.id === item.id);
      const following = order[at + 1];
      setFocusNext(following ? following.id : "#q-submit");
    }
  }

  function onKey(item: QuestionRow, e: KeyboardEvent) {
    if (e.ctrlKey || e.altKey || e.metaKey) return; // the app's shortcuts
    const k = e.key.toLowerCase();
    let value: number | null = null;
    if (item.kind === "likert5" && /^[1-5]$/.test(k)) value = Number(k);
    if (item.kind === "yesno") {
      if (k === "y" || k === "ㅛ" || k === "1") value = 1;
      if (k === "n" || k === "ㅜ" || k === "2" || k === "0") value = 0;
    }
    if (value !== null) {
      e.preventDefault();
      answer(item, value, true);
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    setSubmitting(true);
    try {
      await saving.current;
      const result = await api.submitQuestionnaire({ seeker_id: props.seekerId, answers });
      props.onSubmitted(result);
    } catch (err) {
      setFailure(err as UiError);
    } finally {
      setSubmitting(false);
    }
  }

  let section = "";
  return (
    <form ref={formRef} class="questionnaire" id="questionnaire" aria-label={view.title} onSubmit={submit}>
      <div class="questionnaire-head">
        <h3>
          {view.title} <span class="muted">{view.version}판</span>
        </h3>
        <p class="muted">
          숫자 1–5로 답하고(예/아니오는 Y/N), 답하면 다음 문항으로 넘어갑니다. 답은 바로 임시 저장됩니다
          {view.draft_saved_at && ` (이어서 작성: ${view.draft_saved_at} 저장분)`}.
        </p>
        {view.withheld && (
          <p class="hint" id="q-withheld">
            {view.withheld}
          </p>
        )}
        <p id="q-progress" role="status">
          답변 {answered} / {items.length}
        </p>
      </div>
      {items.map((item) => {
        const head = item.section !== section ? <h4 class="q-section">{(section = item.section)}</h4> : null;
        const choices = item.kind === "likert5" ? LIKERT.map((l, i) => [i + 1, `${i + 1} ${l}`] as const) : ([[1, "예 (Y)"], [0, "아니오 (N)"]] as const);
        return (
          <Fragment key={item.id}>
            {head}
            <fieldset class={`q-item${item.depends_on ? " follow-up" : ""}`} data-item={item.id} onKeyDown={(e) => onKey(item, e)}>
              <legend>
                <span class="q-number">{item.number}.</span> {item.text}
              </legend>
              <div class="q-choices">
                {choices.map(([value, label]) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name={`q-${item.id}`}
                      value={value}
                      checked={answers[item.id] === value}
                      onChange={() => answer(item, value, false)}
                    />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
          </Fragment>
        );
      })}
      {failure && (
        <p class="error" role="alert" id="q-error">
          {errorText(failure)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" onClick={props.onClose}>
          나중에 이어서 (임시 저장됨)
        </button>
        <button type="submit" class="btn primary" id="q-submit" disabled={submitting}>
          제출하고 결과 보기
        </button>
      </div>
    </form>
  );
}

/** The latest questionnaire result: scales as bars, barriers with where they lead. */
export function Readiness(props: { view: ReadinessView }) {
  const r = props.view;
  return (
    <section class="readiness" id="readiness" aria-labelledby="readiness-title">
      <h3 id="readiness-title">구직준비도·취업장애 문진</h3>
      <p class="muted">
        {r.form} · {r.answered_on} 작성
      </p>
      <ul class="readiness-bars">
        {r.scales.map((s) => (
          <li key={s.name} data-level={s.level}>
            <span class="bar-label">{s.name}</span>
            <span class="fit-bar" aria-hidden="true">
              <span style={{ width: `${s.score}%` }} />
            </span>
            <span class="bar-text">
              {s.score}점 · {s.level}
            </span>
          </li>
        ))}
      </ul>
      {r.barriers.length === 0 ? (
        <p>확인된 취업장애요인이 없습니다.</p>
      ) : (
        <table id="readiness-barriers">
          <thead>
            <tr>
              <th scope="col">장애요인</th>
              <th scope="col">확인한 답</th>
              <th scope="col">연계할 곳</th>
            </tr>
          </thead>
          <tbody>
            {r.barriers.map((b) => (
              <tr key={b.name}>
                <td class="name">{b.name}</td>
                <td class="wrap">{b.because.join(" / ")}</td>
                <td class="wrap">{b.referrals.join(" / ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{r.note}</p>
    </section>
  );
}
