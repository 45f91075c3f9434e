import { useEffect, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { ApplicationRow, Choice, SeekerDetail, SessionForm } from "../bindings";
import { Applications, Recommendations } from "../components/Matching";
import { PlacementEditor, Placements, RetentionEditor } from "../components/Outcomes";
import { IapActivities, Referrals } from "../components/CaseFile";
import { Diagnosis } from "../components/Diagnosis";
import { Resume } from "../components/Resume";
import { Privacy } from "../components/Privacy";
import { Timeline } from "../components/Timeline";
import { Facts, Tabs } from "../components/Tabs";
import { byField, type FieldErrors } from "../lib/fields";
import { errorText } from "../lib/format";
import { serial } from "../lib/serial";
import { discardUnsaved, hasUnsaved, useUnsaved } from "../lib/guard";
import { LeaveDialog } from "../components/LeaveDialog";

// Every draft call (keep, read, drop) reaches the desk in the order it was
// made: see lib/serial.ts for the lost-text race this prevents.
const drafts = serial();
const keepDraft = (form: SessionForm) => drafts(() => api.saveSessionDraft(form)).catch(() => undefined);
const readDraft = (seekerId: string) => drafts(() => api.sessionDraft(seekerId));
const dropDraft = (seekerId: string) => drafts(() => api.dropSessionDraft(seekerId)).catch(() => undefined);

export type Tab = "profile" | "diagnosis" | "resume" | "sessions" | "iap" | "referrals" | "recommend" | "applications" | "placements" | "privacy";

const TABS: ReadonlyArray<{ tab: Tab; label: string; kinds: readonly string[] }> = [
  { tab: "profile", label: "프로필", kinds: [] },
  { tab: "diagnosis", label: "진단", kinds: [] },
  { tab: "resume", label: "이력서", kinds: ["resume_consulting"] },
  { tab: "sessions", label: "상담기록", kinds: ["counseling_session", "diagnosis"] },
  { tab: "iap", label: "IAP", kinds: ["iap_activity"] },
  { tab: "referrals", label: "기관연계", kinds: [] },
  { tab: "recommend", label: "추천 일자리", kinds: [] },
  { tab: "applications", label: "알선", kinds: [] },
  { tab: "placements", label: "취업·사후관리", kinds: [] },
  { tab: "privacy", label: "개인정보", kinds: [] },
];

interface Props {
  id: string;
  /** The tab to open on (오늘 할 일 opens a seeker where the work is). */
  tab?: Tab;
  /** Open with the session form (오늘 할 일's 기록 추가). */
  writing?: boolean;
  onEdit: () => void;
  onBack: () => void;
  onOpenVacancy: (id: string) => void;
}

/** The session form: a new note (kept as a draft while typed), or with
 * `correcting` the correction of an existing note (a new version that
 * supersedes it; no draft, leaving with typed text asks instead). */
function SessionEditor(props: { seekerId: string; correcting?: string; onSaved: () => void; onCancel: () => void }) {
  const drafting = !props.correcting;
  const [modes, setModes] = useState<Choice[]>([]);
  const [form, setForm] = useState<SessionForm | null>(null);
  const [restored, setRestored] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>("");
  const typed = useRef(false);
  // The latest typed form not yet kept: kept at once if the editor goes
  // (another tab, another screen) before the pause that would keep it.
  const unkept = useRef<SessionForm | null>(null);
  useEffect(
    () => () => {
      if (unkept.current && drafting) void keepDraft(unkept.current);
    },
    [],
  );
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    api.contactModes().then(setModes, () => undefined);
    // A note left half-written (another screen, a closed window) comes back.
    if (props.correcting) {
      api.sessionCorrectionForm(props.correcting).then(setForm, (e: UiError) => setFailure(errorText(e)));
      return;
    }
    Promise.all([api.newSessionForm(props.seekerId), readDraft(props.seekerId)]).then(([blank, draft]) => {
      setForm(draft ? draft.form : blank);
      if (draft) setRestored(draft.saved_at);
    }, (e: UiError) => setFailure(errorText(e)));
  }, [props.seekerId, props.correcting]);
  const [changed, setChanged] = useState(false);
  useUnsaved("session-correction", !drafting && changed);
  useEffect(() => {
    if (form) first.current?.focus();
  }, [form === null]);
  // Every change is kept as a draft in the caseload, a moment after typing stops.
  useEffect(() => {
    if (!form || !typed.current || !drafting) return;
    const timer = setTimeout(() => {
      // A keystroke typed since this render stays unkept.
      if (unkept.current === form) unkept.current = null;
      void keepDraft(form);
    }, 300);
    return () => clearTimeout(timer);
  }, [form]);
  const set = (key: keyof SessionForm, value: string) => {
    if (!form) return;
    typed.current = true;
    setChanged(true);
    // Marked unkept at once, not in the effect: a key that leaves the page
    // (Alt+1) can unmount the editor before the effect of the last keystroke
    // runs, and the flush on unmount must still see the last character.
    const next = { ...(unkept.current ?? form), [key]: value };
    unkept.current = next;
    setForm(next);
  };

  async function save(e: Event) {
    e.preventDefault();
    if (!form) return;
    try {
      await api.addSession(form);
      unkept.current = null;
      setChanged(false);
      // A correction leaves any half-written new note's draft alone.
      if (drafting) await dropDraft(props.seekerId);
      props.onSaved();
    } catch (err) {
      const ui = err as UiError;
      setFailure(errorText(ui));
      setErrors(byField(ui.fields));
    }
  }
  async function discard() {
    unkept.current = null;
    setChanged(false);
    if (drafting) await dropDraft(props.seekerId);
    props.onCancel();
  }

  const err = (name: string) =>
    (errors[name] ?? []).map((m) => (
      <p class="field-error" role="alert">
        {m}
      </p>
    ));
  if (!form) return <p class={failure ? "error" : "muted"}>{failure || "불러오는 중…"}</p>;
  return (
    <form class="session-form" onSubmit={save} aria-label={drafting ? "상담 기록 추가" : "상담 기록 정정"}>
      {!drafting && (
        <p class="hint" id="session-correcting">
          상담 기록을 정정합니다. 원래 기록은 지워지지 않고 ‘정정됨’으로 남습니다.
        </p>
      )}
      {restored && (
        <p class="hint" id="session-draft-restored">
          저장하지 않은 상담 기록 초안을 불러왔습니다 ({restored} 저장).
        </p>
      )}
      <div class="grid">
        <div class="field">
          <label for="s-occurred_on">상담일</label>
          <input id="s-occurred_on" value={form.occurred_on} onInput={(e) => set("occurred_on", e.currentTarget.value)} />
          {err("occurred_on")}
        </div>
        <div class="field">
          <label for="s-mode">상담방법</label>
          <select id="s-mode" value={form.mode} onChange={(e) => set("mode", e.currentTarget.value)}>
            {modes.map((m) => (
              <option value={m.value}>{m.label}</option>
            ))}
          </select>
          {err("mode")}
        </div>
        <div class="field">
          <label for="s-minutes">상담시간 (분)</label>
          <input id="s-minutes" inputMode="numeric" value={form.minutes} onInput={(e) => set("minutes", e.currentTarget.value)} />
          {err("minutes")}
        </div>
        <div class="field">
          <label for="s-next_on">다음 상담일</label>
          <input id="s-next_on" placeholder="YYYY-MM-DD" value={form.next_on} onInput={(e) => set("next_on", e.currentTarget.value)} />
          {err("next_on")}
        </div>
      </div>
      <div class="field">
        <label for="s-content">상담 내용</label>
        <textarea id="s-content" ref={first} rows={4} value={form.content} onInput={(e) => set("content", e.currentTarget.value)} />
        {err("content")}
      </div>
      <div class="field">
        <label for="s-next_step">다음 단계</label>
        <input id="s-next_step" value={form.next_step} onInput={(e) => set("next_step", e.currentTarget.value)} />
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn" id="session-discard" onClick={discard}>
          {drafting ? "취소 (초안 버리기)" : "취소"}
        </button>
        <button type="submit" id="session-save" class="btn primary">
          {drafting ? "상담 기록 저장" : "정정 저장"}
        </button>
      </div>
    </form>
  );
}

/** What the 취업·사후관리 tab is editing. */
type OutcomeEdit = { kind: "placement"; applicationId: string } | { kind: "retention"; placementId: string; months: number } | null;

export function SeekerDetailView({ id, tab: firstTab, writing: firstWriting, onEdit, onBack, onOpenVacancy }: Props) {
  const [detail, setDetail] = useState<SeekerDetail | null>(null);
  const [applications, setApplications] = useState<ApplicationRow[] | null>(null);
  const loadApplications = () => api.seekerApplications(id).then(setApplications, setError);
  const [error, setError] = useState<UiError | null>(null);
  const [tab, setTab] = useState<Tab>(firstTab ?? "profile");
  const [writing, setWriting] = useState(firstWriting ?? false);
  // The note being corrected (its event id), "" when none.
  const [correcting, setCorrecting] = useState("");
  const [outcome, setOutcome] = useState<OutcomeEdit>(null);
  const outcomeSaved = () => {
    setOutcome(null);
    load();
    loadApplications();
  };

  const load = () => api.seekerDetail(id).then(setDetail, setError);
  // Another tab unmounts the one with typed, unsaved text (a note being
  // corrected, an edited résumé): ask first, as leaving the page does.
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const guarded = (go: () => void) => (hasUnsaved() ? setLeaving(() => go) : go());
  const [draftAt, setDraftAt] = useState("");
  useEffect(() => {
    load();
    loadApplications();
    readDraft(id).then((d) => setDraftAt(d ? d.saved_at : ""), () => undefined);
  }, [id]);

  if (error) {
    return (
      <p class="error" role="alert">
        {errorText(error)}
      </p>
    );
  }
  if (!detail) return <p class="muted">불러오는 중…</p>;
  const { row } = detail;
  const current = TABS.find((t) => t.tab === tab)!;

  return (
    <div class="screen" aria-labelledby="seeker-title">
      <button type="button" class="link-back" onClick={onBack}>
        ← 구직자 목록
      </button>
      <div class="record-head">
        <div>
          <h2 id="seeker-title">
            {row.name} <span class="tag">{row.status}</span>
          </h2>
          <p class="muted">
            {[row.age !== null ? `만 ${row.age}세` : "", row.track, row.home, row.desired.join(", ")].filter(Boolean).join(" · ")}
          </p>
        </div>
        {detail.destroyed ? (
          <p class="banner" id="seeker-destroyed">
            개인정보가 파기된 구직자입니다. 더 기록할 수 없습니다.
          </p>
        ) : (
        <div class="actions">
          <button type="button" class="btn" id="seeker-edit" onClick={onEdit}>
            정보 수정
          </button>
          <button
            type="button"
            class="btn"
            id="placement-add"
            onClick={() =>
              guarded(() => {
                setTab("placements");
                setOutcome({ kind: "placement", applicationId: "" });
              })
            }
          >
            취업 등록
          </button>
          <button
            type="button"
            class="btn primary"
            id="session-add"
            onClick={() =>
              guarded(() => {
                setTab("sessions");
                setWriting(true);
              })
            }
          >
            상담 기록 추가
          </button>
        </div>
        )}
      </div>
      {draftAt && !writing && (
        <p class="hint" id="session-draft-banner">
          {draftAt}에 쓰다 만 상담 기록이 있습니다.{" "}
          <button
            type="button"
            class="btn small-btn"
            onClick={() => {
              setTab("sessions");
              setWriting(true);
            }}
          >
            이어서 쓰기
          </button>
        </p>
      )}
      {leaving && (
        <LeaveDialog
          onStay={() => setLeaving(null)}
          onLeave={() => {
            discardUnsaved();
            leaving();
            setLeaving(null);
          }}
        />
      )}
      <Tabs label="구직자 정보" tabs={TABS} current={tab} onChange={(t) => {
          if (t !== tab) guarded(() => setTab(t));
        }}
      />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {tab === "profile" && (
          <Facts facts={detail.facts} />
        )}
        {tab === "sessions" && writing && (
          <SessionEditor
            seekerId={row.id}
            onCancel={() => {
              setWriting(false);
              setDraftAt("");
            }}
            onSaved={() => {
              setWriting(false);
              setDraftAt("");
              load();
            }}
          />
        )}
        {tab === "sessions" && correcting && !writing && (
          <SessionEditor
            key={correcting}
            seekerId={row.id}
            correcting={correcting}
            onCancel={() => setCorrecting("")}
            onSaved={() => {
              setCorrecting("");
              load();
            }}
          />
        )}
        {tab === "diagnosis" && (
          <Diagnosis
            seekerId={row.id}
            load={api.diagnoseSeeker}
            onPlanSaved={() => {
              load();
              setTab("iap");
            }}
          />
        )}
        {tab === "resume" && <Resume seekerId={row.id} onRecordChanged={load} />}
        {tab === "referrals" && <Referrals seekerId={row.id} rows={detail.referrals} onChanged={load} />}
        {tab === "iap" && <IapActivities seekerId={row.id} iap={detail.iap} onChanged={load} />}
        {tab === "recommend" && (
          <Recommendations id={id} side="vacancies" load={() => api.recommendedVacancies(id)} onOpen={onOpenVacancy} onChanged={loadApplications} />
        )}
        {tab === "applications" &&
          (applications ? (
            <Applications
              rows={applications}
              show="vacancy"
              onOpen={onOpenVacancy}
              onChanged={() => {
                loadApplications();
                load();
              }}
              onPlace={(r) => {
                setTab("placements");
                setOutcome({ kind: "placement", applicationId: r.id });
              }}
            />
          ) : (
            <p class="muted">불러오는 중…</p>
          ))}
        {tab === "placements" && outcome?.kind === "placement" && (
          <PlacementEditor seekerId={row.id} applicationId={outcome.applicationId} onCancel={() => setOutcome(null)} onSaved={outcomeSaved} />
        )}
        {tab === "placements" && outcome?.kind === "retention" && (
          <RetentionEditor placementId={outcome.placementId} months={outcome.months} onCancel={() => setOutcome(null)} onSaved={outcomeSaved} />
        )}
        {tab === "privacy" && <Privacy seekerId={row.id} onChanged={load} />}
        {tab === "placements" && !outcome && (
          <Placements rows={detail.placements} onCheck={(placementId, months) => setOutcome({ kind: "retention", placementId, months })} />
        )}
        {current.kinds.length > 0 && (
          <Timeline
            rows={detail.events.filter((e) => current.kinds.includes(e.kind))}
            empty={`${current.label} 기록이 없습니다.`}
            onCorrect={tab === "sessions" && !writing && !correcting ? setCorrecting : undefined}
          />
        )}
      </div>
    </div>
  );
}
