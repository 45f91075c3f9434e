// Keyboard shortcuts of the desk. One table so the help text and the handler
// cannot disagree.

export type Action = "focus-search" | "new-record" | "go-seekers" | "go-today";

export interface Shortcut {
  action: Action;
  keys: string;
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "focus-search", keys: "Ctrl+K", label: "검색창으로 이동" },
  { action: "new-record", keys: "Ctrl+N", label: "새로 등록" },
  { action: "go-today", keys: "Alt+1", label: "오늘 할 일" },
  { action: "go-seekers", keys: "Alt+2", label: "구직자" },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The action a key press asks for, if any. "/" focuses search unless the
 * counselor is typing in a field (then it is just a slash). */
export function actionFor(e: KeyLike, typingInField: boolean): Action | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (ctrl && !e.altKey && !e.shiftKey) {
    if (key === "k") return "focus-search";
    if (key === "n") return "new-record";
  }
  if (e.altKey && !ctrl && !e.shiftKey) {
    if (key === "1") return "go-today";
    if (key === "2") return "go-seekers";
  }
  if (!ctrl && !e.altKey && key === "/" && !typingInField) return "focus-search";
  return null;
}
