import type { CaseloadSummary } from "../bindings";
import { items } from "../lib/format";

export function StatusBar({ summary }: { summary: CaseloadSummary | null }) {
  return (
    <footer class="status" aria-live="polite">
      {/* Sync arrives with issue 5; until then the desk is always offline. */}
      <span id="status-network" class="badge offline">
        오프라인
      </span>
      {summary && <span id="status-pending">동기화 대기 {items(summary.pending_changes)}</span>}
    </footer>
  );
}
