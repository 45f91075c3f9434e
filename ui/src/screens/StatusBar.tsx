import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import type { CaseloadSummary, SyncPanel } from "../bindings";
import { count, items, moment } from "../lib/format";

/** What the badge says about sync, and its colour class. */
export function syncBadge(panel: SyncPanel | null): { label: string; tone: string } {
  if (!panel || !panel.status.enrolled) return { label: "서버 미등록", tone: "offline" };
  if (panel.running) return { label: "동기화 중", tone: "busy" };
  if (panel.last_error?.code === "sync.unreachable") return { label: "오프라인", tone: "offline" };
  if (panel.last_error) return { label: "동기화 오류", tone: "error" };
  if (!panel.status.last_sync_at) return { label: "동기화 전", tone: "offline" };
  return { label: "동기화됨", tone: "online" };
}

export function StatusBar({
  summary,
  onOpenSync,
  onSynced,
}: {
  summary: CaseloadSummary | null;
  onOpenSync: () => void;
  onSynced: () => void;
}) {
  const [panel, setPanel] = useState<SyncPanel | null>(null);
  const unlocked = summary !== null;
  const load = () => api.syncPanel().then(setPanel, () => undefined);
  useEffect(() => {
    if (!unlocked) return;
    load();
    const timer = setInterval(load, 3000);
    return () => clearInterval(timer);
  }, [unlocked]);

  const syncNow = () => {
    const run = api.syncNow(() => load());
    load();
    run.then(onSynced, () => undefined).finally(load);
  };

  const badge = syncBadge(panel);
  const progress = panel?.progress;
  return (
    <footer class="status" aria-live="polite">
      <span id="status-network" class={`badge ${badge.tone}`} title={panel?.last_error?.message ?? ""}>
        {badge.label}
      </span>
      {progress && (
        <span id="status-progress">
          보냄 {count(progress.sent)} · 받음 {count(progress.received)}
        </span>
      )}
      {summary && <span id="status-pending">동기화 대기 {items(panel?.status.pending ?? summary.pending_changes)}</span>}
      {panel?.status.last_sync_at && <span id="status-last">마지막 동기화 {moment(panel.status.last_sync_at)}</span>}
      {panel && panel.status.open_conflicts > 0 && (
        <button id="status-conflicts" class="status-link warn" onClick={onOpenSync}>
          확인할 충돌 {items(panel.status.open_conflicts)}
        </button>
      )}
      {panel && panel.status.rejections > 0 && (
        <button id="status-rejections" class="status-link warn" onClick={onOpenSync}>
          반영 안 된 변경 {items(panel.status.rejections)}
        </button>
      )}
      {unlocked && (
        <button
          id="sync-now"
          class="btn small-btn push-right"
          disabled={!panel?.status.enrolled || panel.running}
          title={panel?.status.enrolled ? "" : "먼저 동기화 화면에서 이 노트북을 서버에 등록해 주세요."}
          onClick={syncNow}
        >
          지금 동기화
        </button>
      )}
    </footer>
  );
}
