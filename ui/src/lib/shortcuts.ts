// Keyboard shortcuts of the desk. One table so the help text and the handler
// cannot disagree.

export type Action =
  | "quick-search"
  | "focus-search"
  | "new-record"
  | "zoom-in"
  | "zoom-out"
  | "zoom-reset"
  | "go-today" | "go-seekers" | "go-companies" | "go-vacancies" | "go-visit" | "go-data" | "go-sync" | "go-kpi";

export interface Shortcut {
  action: Action;
  keys: string;
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "quick-search", keys: "Ctrl+K", label: "통합 검색 (구직자·기업·구인)" },
  { action: "focus-search", keys: "/", label: "목록의 검색창으로 이동" },
  { action: "new-record", keys: "Ctrl+N", label: "새로 등록 (기업 화면에서는 기업, 그 밖에는 구직자)" },
  { action: "zoom-in", keys: "Ctrl+=", label: "화면 확대" },
  { action: "zoom-out", keys: "Ctrl+-", label: "화면 축소" },
  { action: "zoom-reset", keys: "Ctrl+0", label: "원래 크기" },
  { action: "go-today", keys: "Alt+1", label: "오늘 할 일" },
  { action: "go-seekers", keys: "Alt+2", label: "구직자" },
  { action: "go-companies", keys: "Alt+3", label: "기업" },
  { action: "go-vacancies", keys: "Alt+4", label: "구인" },
  { action: "go-visit", keys: "Alt+5", label: "현장방문" },
  { action: "go-data", keys: "Alt+6", label: "가져오기·내보내기" },
  { action: "go-sync", keys: "Alt+7", label: "동기화" },
  { action: "go-kpi", keys: "Alt+8", label: "성과" },
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The action a key press asks for, if any. "/" focuses the list's search
 * unless the counselor is typing in a field (then it is just a slash). */
export function actionFor(e: KeyLike, typingInField: boolean): Action | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (ctrl && !e.altKey && !e.shiftKey) {
    if (key === "k") return "quick-search";
    if (key === "n") return "new-record";
    if (key === "0") return "zoom-reset";
    if (key === "-" || key === "_") return "zoom-out";
  }
  // Ctrl+= and Ctrl++ (the + needs Shift on most layouts) both zoom in.
  if (ctrl && !e.altKey && (key === "=" || key === "+")) return "zoom-in";
  if (e.altKey && !ctrl && !e.shiftKey) {
    const nav: Record<string, Action> = { "1": "go-today", "2": "go-seekers", "3": "go-companies", "4": "go-vacancies", "5": "go-visit", "6": "go-data", "7": "go-sync", "8": "go-kpi" };
    const action = nav[key];
    if (action) return action;
  }
  if (!ctrl && !e.altKey && key === "/" && !typingInField) return "focus-search";
  return null;
}

/** Zoom steps of the desk's page (1 = 100 %), as a browser offers them. */
export const ZOOM_STEPS: readonly number[] = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

/** The zoom after a zoom action: one step in or out, clamped to the ends;
 * a level between steps moves to the next step in that direction. */
export function nextZoom(current: number, action: "zoom-in" | "zoom-out" | "zoom-reset"): number {
  if (action === "zoom-reset") return 1;
  if (action === "zoom-in") return ZOOM_STEPS.find((z) => z > current + 1e-9) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 1e-9) ?? ZOOM_STEPS[0]!;
}
