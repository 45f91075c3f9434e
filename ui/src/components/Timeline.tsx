import type { EventRow } from "../bindings";

/** A case file, newest first: date, kind, one-line summary and the note. */
export function Timeline({ rows, empty }: { rows: EventRow[]; empty: string }) {
  if (rows.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ol class="timeline">
      {rows.map((e) => (
        <li key={e.id} class={e.superseded ? "superseded" : ""}>
          <div class="when">{e.occurred_on}</div>
          <div>
            <div>
              <span class="tag">{e.kind_label}</span> {e.summary}
              {e.superseded && <span class="muted small"> (정정됨)</span>}
            </div>
            {e.detail && <p class="note">{e.detail}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
