import { useEffect, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { ConflictChoice, ConflictView, RejectionView, SameIdChoice, SyncPanel, SyncReport } from "../bindings";
import { count, errorText, items, moment } from "../lib/format";
import { syncBadge } from "./StatusBar";

/** 동기화: enroll this laptop, sync now, settle conflicts, see refused changes. */
export function SyncScreen(props: { onOpenSeeker: (id: string) => void; onOpenCompany: (id: string) => void; onSynced: () => void }) {
  const [panel, setPanel] = useState<SyncPanel | null>(null);
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const [rejections, setRejections] = useState<RejectionView[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const [progress, setProgress] = useState<SyncReport | null>(null);
  const [done, setDone] = useState<SyncReport | null>(null);

  const load = () => {
    api.syncPanel().then(setPanel, setError);
    api.conflictQueue().then(setConflicts, setError);
    api.syncRejections().then(setRejections, setError);
  };
  useEffect(load, []);

  const syncNow = async () => {
    setError(null);
    setDone(null);
    try {
      const report = await api.syncNow(setProgress);
      if (report) setDone(report);
      props.onSynced();
    } catch (e) {
      setError(e as UiError);
    } finally {
      setProgress(null);
      load();
    }
  };

  const badge = syncBadge(panel);
  return (
    <section class="screen" aria-labelledby="sync-title">
      <h2 id="sync-title">동기화</h2>
      {error && (
        <p class="error banner" role="alert" id="sync-error">
          {errorText(error)}
        </p>
      )}
      {panel && !panel.status.enrolled && <Enroll onEnrolled={load} />}
      {panel?.status.enrolled && (
        <div class="panel stack" id="sync-server">
          <h3>
            서버 연결 <span class={`badge ${badge.tone}`}>{badge.label}</span>
          </h3>
          <p class="muted">
            서버 {panel.status.server_url} · 마지막 동기화 {moment(panel.status.last_sync_at) || "없음"} · 보낼 변경 {items(panel.status.pending)}
          </p>
          <p class="muted">인터넷에 연결되어 있으면 5분마다 자동으로 동기화합니다. 연결이 없을 때 한 작업은 이 노트북에 안전하게 보관되었다가 다음 동기화 때 보내집니다.</p>
          {panel.last_error && <p class="error">{errorText(panel.last_error)}</p>}
          <div class="actions">
            <button id="sync-run" class="btn primary" disabled={panel.running || progress !== null} onClick={syncNow}>
              지금 동기화
            </button>
          </div>
          {progress && (
            <p role="status">
              동기화 중: 보냄 {count(progress.sent)}건 · 받음 {count(progress.received)}건 · 남음 {count(progress.pending)}건
            </p>
          )}
          {done && (
            <p role="status" id="sync-done" class="hint">
              보냄 {count(done.sent)}건 · 받음 {count(done.received)}건
              {done.conflicts > 0 && ` · 새 충돌 ${count(done.conflicts)}건`}
              {done.rejected > 0 && ` · 반영 안 됨 ${count(done.rejected)}건`}
              {done.access_log_sent > 0 && ` · 접근 기록 ${count(done.access_log_sent)}건`}
            </p>
          )}
          {done?.access_log_problem && (
            <p class="error" role="alert" id="sync-access-problem">
              개인정보 접근 기록: {done.access_log_problem}
            </p>
          )}
        </div>
      )}
      <div class="panel stack" aria-labelledby="conflicts-title">
        <h3 id="conflicts-title">확인할 충돌 {conflicts.length > 0 && <span class="tag">{items(conflicts.length)}</span>}</h3>
        <p class="muted">
          두 사람이 같은 항목을 동시에 고치면 두 값이 모두 보관됩니다. 기록에는 나중에 도착한 값이 들어 있습니다. 맞는 값을 고르거나 직접 합쳐 주세요.
        </p>
        {conflicts.length === 0 && <p class="empty">확인할 충돌이 없습니다.</p>}
        <ul class="stack conflict-list" id="conflict-list">
          {conflicts.map((c) => (
            <ConflictCard
              key={c.conflict_id}
              conflict={c}
              onOpen={() => (c.route === "seeker" ? props.onOpenSeeker(c.record_id) : c.route === "company" ? props.onOpenCompany(c.record_id) : undefined)}
              onResolved={() => {
                load();
                props.onSynced();
              }}
            />
          ))}
        </ul>
      </div>
      {rejections.length > 0 && (
        <div class="panel stack" aria-labelledby="rejections-title">
          <h3 id="rejections-title">서버에 반영되지 않은 변경</h3>
          <p class="muted">
            서버가 받아들이지 않은 변경입니다. 이 노트북의 기록을 확인해 고친 뒤 "다시 보내기"를 누르면 기록의 지금
            내용으로 다음 동기화 때 다시 보냅니다.
          </p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">때</th>
                  <th scope="col">종류</th>
                  <th scope="col">이유</th>
                  <th scope="col">
                    <span class="visually-hidden">확인</span>
                  </th>
                </tr>
              </thead>
              <tbody id="rejection-list">
                {rejections.map((r) => (
                  <tr>
                    <td>{moment(r.at)}</td>
                    <td>{r.kind_label}</td>
                    <td class="wrap">{r.message}</td>
                    <td>
                      <div class="actions">
                        {r.can_retry && (
                          <button
                            class="btn small-btn"
                            id={`retry-${r.mutation_id}`}
                            onClick={() => api.retryRejection(r.mutation_id).then(load, setError)}
                          >
                            다시 보내기
                          </button>
                        )}
                        <button
                          class="btn small-btn"
                          id={`dismiss-${r.mutation_id}`}
                          onClick={() => api.dismissRejection(r.mutation_id).then(load, setError)}
                        >
                          확인함
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

function Enroll(props: { onEnrolled: () => void }) {
  const [server, setServer] = useState("https://");
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.enrollDevice(server, code, name || "상담실 노트북");
      props.onEnrolled();
    } catch (err) {
      setError(err as UiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel stack" id="enroll-form" onSubmit={submit} aria-labelledby="enroll-title">
      <h3 id="enroll-title">이 노트북을 서버에 등록</h3>
      <p class="muted">센터 관리자에게 받은 등록 코드(12자리, 한 번만 사용)를 입력하세요. 등록하면 이 노트북의 변경이 센터 서버와 동기화됩니다.</p>
      <div class="field">
        <label for="enroll-server">서버 주소</label>
        <input id="enroll-server" value={server} onInput={(e) => setServer(e.currentTarget.value)} required />
      </div>
      <div class="field">
        <label for="enroll-code">등록 코드</label>
        <input id="enroll-code" value={code} placeholder="ABCD-EFGH-JKMN" onInput={(e) => setCode(e.currentTarget.value)} required />
      </div>
      <div class="field">
        <label for="enroll-name">이 노트북의 이름</label>
        <input id="enroll-name" value={name} placeholder="예: 3층 상담실 노트북" onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      {error && (
        <p class="error" role="alert" id="enroll-error">
          {errorText(error)}
        </p>
      )}
      <div class="actions">
        <button type="submit" id="enroll-run" class="btn primary" disabled={busy}>
          등록
        </button>
      </div>
    </form>
  );
}

/** One conflict: both values, and a box to type a merged one. The desk
 * reads the typed text in the field's shape and says what is wrong. */
export function ConflictCard(props: { conflict: ConflictView; onOpen: () => void; onResolved: () => void }) {
  const c = props.conflict;
  const [merged, setMerged] = useState(c.merge_text);
  const [error, setError] = useState<string | null>(null);
  const resolve = async (choice: ConflictChoice) => {
    setError(null);
    try {
      await api.resolveConflict(c.conflict_id, choice);
      props.onResolved();
    } catch (e) {
      const ui = e as UiError;
      setError(ui.fields.length > 0 ? ui.fields.map((f) => `${f.label}: ${f.message}`).join(" ") : errorText(ui));
    }
  };
  const settle = async (choice: SameIdChoice) => {
    setError(null);
    try {
      await api.settleSameId(c.record_id, c.same_id_group, choice);
      props.onResolved();
    } catch (e) {
      const ui = e as UiError;
      setError(ui.fields.length > 0 ? ui.fields.map((f) => `${f.label}: ${f.message}`).join(" ") : errorText(ui));
    }
  };
  return (
    <li class="panel stack conflict-card">
      <h4>
        {c.kind_label}{" "}
        {c.route ? (
          <button class="status-link" onClick={props.onOpen}>
            {c.record_name}
          </button>
        ) : (
          c.record_name
        )}{" "}
        · {c.field_label}
      </h4>
      {c.same_id && (
        <div class="stack same-id">
          <p class="hint-text">
            두 기기가 같은 ID로 각자 기록을 만들었습니다(다른 노트북의 파일을 가져온 경우 등). 지금 기록은 먼저 서버에 닿은
            기록이고, 다른 값은 두 번째 기록의 값입니다. 같은 사람이면 항목별로 고르거나 지금 기록을 남기고, 다른 사람이면
            두 번째 기록을 새 기록으로 저장하세요.
          </p>
          <div class="actions">
            <button class="btn small-btn" id={`same-id-keep-${c.conflict_id}`} onClick={() => settle("keep_record")}>
              같은 사람: 지금 기록만 남기기
            </button>
            <button class="btn small-btn" id={`same-id-split-${c.conflict_id}`} onClick={() => settle("split_second")}>
              다른 사람: 두 번째 기록을 새로 저장
            </button>
          </div>
        </div>
      )}
      <div class="conflict">
        <div class="conflict-side">
          <span class="muted">
            {c.same_id ? "두 번째 기록의 값" : "바뀌기 전 값"} · {c.overwritten.author} · {moment(c.overwritten.written_at)}
          </span>
          <span class="value">{c.overwritten.value}</span>
          <button class="btn small-btn" onClick={() => resolve({ keep: "overwritten" })}>
            이 값으로 되돌리기
          </button>
        </div>
        <div class="conflict-side now">
          <span class="muted">지금 기록된 값 · {c.applied.author} · {moment(c.applied.written_at)}</span>
          <span class="value">{c.applied.value}</span>
          <button class="btn small-btn primary" onClick={() => resolve({ keep: "applied" })}>
            이 값 유지
          </button>
        </div>
      </div>
      {c.mergeable ? (
        <div class="conflict-merge">
          <div class="field">
            <label for={`merge-${c.conflict_id}`}>직접 합치기</label>
            <input
              id={`merge-${c.conflict_id}`}
              value={merged}
              aria-describedby={c.merge_hint ? `merge-${c.conflict_id}-hint` : undefined}
              onInput={(e) => setMerged(e.currentTarget.value)}
            />
            {c.merge_hint && (
              <p class="hint-text" id={`merge-${c.conflict_id}-hint`}>
                {c.merge_hint}
              </p>
            )}
          </div>
          <button class="btn small-btn" onClick={() => resolve({ keep: "merged", text: merged })}>
            합친 값 저장
          </button>
        </div>
      ) : (
        <p class="muted">{c.merge_hint}</p>
      )}
      {error && <p class="error">{error}</p>}
    </li>
  );
}
