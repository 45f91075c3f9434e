// Focus moves into a form when it opens, so a counselor on the keyboard can
// type at once (WCAG 2.4.3). The first field that can take text or a choice.
//
// A layout effect, run in the same commit that puts the fields on screen:
// focusing scrolls the form to its first field, and a plain effect (run
// after the paint, later still on a loaded machine) moved the page under a
// click already aimed at 저장, so the click could land on empty space and
// save nothing (the likeliest cause of an e2e seeker edit that saved
// nothing under CI load: the page showed the form and no error).
import { useLayoutEffect, useRef } from "preact/hooks";

const FIELD = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

/** A ref for a form: its first field gets the focus each time `ready` turns
 * true (the form is open, its data loaded and its fields on screen). */
export function useFocusFirst<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  const done = useRef(false);
  useLayoutEffect(() => {
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
