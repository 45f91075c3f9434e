// Focus moves into a form when it opens, so a counselor on the keyboard can
// type at once (WCAG 2.4.3). The first field that can take text or a choice.
import { useEffect, useRef } from "preact/hooks";

const FIELD = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

/** A ref for a form: its first field gets the focus each time `ready` turns
 * true (the form is open, its data loaded and its fields on screen). */
export function useFocusFirst<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  const done = useRef(false);
  useEffect(() => {
    if (!ready) {
      done.current = false; // closed: focus again when it opens again
      return;
    }
    if (done.current) return;
    const field = ref.current?.querySelector<HTMLElement>(FIELD);
    if (field) {
      field.focus();
      done.current = true;
    }
  }, [ready]);
  return ref;
}
