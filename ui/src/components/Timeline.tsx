import type { EventRow } from "../bindings";

/** "박상담 · 2026-12-03 14:20 작성": who wrote an event and when, as far as
 * its record says (records from before authors say nothing). */
export function byline(e: Pick<EventRow, "author" | "written_at">): string {
  const who = e.author || "작성자 기록 없음";
  return e.written_at ? `${who} · ${e.written_at} 작성` : who;
}

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
            {(e.author || e.written_at) && <p class="byline muted small">{byline(e)}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
