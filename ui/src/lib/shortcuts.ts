// Keyboard shortcuts of the desk. One table so the help text and the handler
// cannot disagree.

export type Action = "focus-search" | "new-record" | "go-today" | "go-seekers" | "go-companies" | "go-vacancies" | "go-visit" | "go-data" | "go-sync";

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
  { action: "go-companies", keys: "Alt+3", label: "기업" },
  { action: "go-vacancies", keys: "Alt+4", label: "구인" },
  { action: "go-visit", keys: "Alt+5", label: "현장방문" },
  { action: "go-data", keys: "Alt+6", label: "가져오기·내보내기" },
  { action: "go-sync", keys: "Alt+7", label: "동기화" },
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
    const nav: Record<string, Action> = { "1": "go-today", "2": "go-seekers", "3": "go-companies", "4": "go-vacancies", "5": "go-visit", "6": "go-data", "7": "go-sync" };
    const action = nav[key];
    if (action) return action;
  }
  if (!ctrl && !e.altKey && key === "/" && !typingInField) return "focus-search";
  return null;
}
