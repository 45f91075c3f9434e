import type { Progress } from "../bindings";
import { count } from "../lib/format";

/** A labelled progress bar (KRDS: visible text as well as the bar). */
export function ProgressBar({ label, progress }: { label: string; progress: Progress | null }) {
  const percent = progress && progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 0;
  return (
    <div class="progress" role="group" aria-label={label}>
      <progress max={100} value={percent} aria-label={label} />
      <span aria-live="polite">
        {progress ? `${percent}% (${count(progress.done)} / ${count(progress.total)})` : "준비 중…"}
      </span>
    </div>
  );
}
