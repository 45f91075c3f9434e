// What every modal dialog does when it opens: its first control takes the
// focus, and Escape closes it.
import type { RefObject } from "preact";
import { useEffect } from "preact/hooks";

export function useDialog(first: RefObject<HTMLElement>, onClose: () => void) {
  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
