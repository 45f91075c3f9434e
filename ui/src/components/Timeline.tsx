import type { EventRow } from "../bindings";

/** A case file, newest first: date, kind, one-line summary and the note. */
export function Timeline({ rows, empty, onCorrect }: { rows: EventRow[]; empty: string; onCorrect?: (id: string) => void }) {
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ol class="timeline">
      {rows.map((e) => (
        <li key={e.id} class={e.superseded ? "superseded" : ""}>
          <div class="when">{e.occurred_on}</div>
          <div>
            <div class="timeline-head">
              <span class="tag">{e.kind_label}</span> {e.summary}
              {e.superseded && <span class="muted small"> (정정됨)</span>}
              {e.corrects && <span class="muted small"> (정정한 기록)</span>}
              {onCorrect && e.can_correct && (
                <button type="button" class="btn small-btn correct-note" aria-label={`${e.occurred_on} 상담 기록 정정`} onClick={() => onCorrect(e.id)}>
                  정정
                </button>
              )}
            </div>
            {e.detail && <p class="note">{e.detail}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
