// Unsaved-change protection: a form that holds typed text not yet saved
// says so here (`useUnsaved`), and the app asks before a menu, a shortcut
// or a link would leave it. A session note needs no asking: its draft is
// kept in the caseload as it is typed.
import { useEffect } from "preact/hooks";

const dirty = new Set<string>();

export function setUnsaved(id: string, unsaved: boolean): void {
  if (unsaved) dirty.add(id);
  else dirty.delete(id);
}

export function hasUnsaved(): boolean {
  return dirty.size > 0;
}

/** Forget every form's state (the counselor chose to leave). */
export function discardUnsaved(): void {
  dirty.clear();
}

/** Marks the form `id` unsaved while `unsaved` is true and it is on screen. */
export function useUnsaved(id: string, unsaved: boolean): void {
  useEffect(() => {
    setUnsaved(id, unsaved);
    return () => setUnsaved(id, false);
  }, [id, unsaved]);
}
