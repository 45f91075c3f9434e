import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, type UiError } from "../api";
import type { QuickHit, QuickResults } from "../bindings";
import { errorText } from "../lib/format";
import { latestOnly } from "../lib/latest";

/** 통합 검색 (Ctrl+K anywhere): type a name or 초성, move with ↑↓, Enter
 * opens the highlighted record (the first one unless moved), Esc closes. */
export function QuickSearch(props: { onOpen: (hit: QuickHit) => void; onClose: () => void }) {
  const [text, setText] = useState("");
  const [results, setResults] = useState<QuickResults | null>(null);
  const [active, setActive] = useState(0);
  const [failure, setFailure] = useState("");
  const search = useMemo(() => latestOnly(api.quickSearch), []);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const timer = setTimeout(() => {
      search(text).then(
        (r) => {
          if (r.stale) return;
          setResults(r.value);
          setActive(0);
          setFailure("");
        },
        (e: UiError) => setFailure(errorText(e)),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [text, search]);

  // The answer shown is the answer to what is typed now (not a late one).
  const current = results && results.query === text.trim() ? results : null;
  const hits: QuickHit[] = current ? current.groups.flatMap((g) => g.hits) : [];

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const hit = hits[active];
      if (hit) props.onOpen(hit);
    } else if (e.key === "Escape") {
      e.preventDefault();
      props.onClose();
    }
  }

  let index = -1;
  const none = current !== null && text.trim() !== "" && hits.length === 0;
  return (
    <div
      class="overlay"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) props.onClose();
      }}
    >
      <section class="card dialog" id="quick-search" role="dialog" aria-modal="true" aria-labelledby="quick-title">
        <h2 id="quick-title">통합 검색</h2>
        <input
          id="quick-input"
          ref={input}
          type="search"
          role="combobox"
          autocomplete="off"
          aria-expanded={hits.length > 0}
          aria-controls="quick-results"
          aria-activedescendant={hits[active] ? `quick-hit-${active}` : undefined}
          placeholder="구직자 이름·초성, 기업 이름, 구인 제목"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        {failure && (
          <p class="error" role="alert">
            {failure}
          </p>
        )}
        {none && (
          <p class="muted" role="status" id="quick-none">
            결과 없음 — ‘{text.trim()}’에 맞는 구직자·기업·구인이 없습니다.
          </p>
        )}
        <div id="quick-results" role="listbox" aria-label="검색 결과">
          {current?.groups
            .filter((g) => g.hits.length > 0)
            .map((g) => (
              <div key={g.kind} role="group" aria-labelledby={`quick-group-${g.kind}`} class="quick-group">
                <h3 id={`quick-group-${g.kind}`}>
                  {g.label}{" "}
                  <span class="muted small">
                    {g.total > g.hits.length ? `${g.total}건 중 ${g.hits.length}건 — 더 보려면 ${g.label} 목록에서 찾으세요` : `${g.total}건`}
                  </span>
                </h3>
                {g.hits.map((h) => {
                  index += 1;
                  const i = index;
                  return (
                    <div
                      key={h.id}
                      id={`quick-hit-${i}`}
                      role="option"
                      aria-selected={i === active}
                      class={i === active ? "quick-hit active" : "quick-hit"}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        props.onOpen(h);
                      }}
                      onMouseEnter={() => setActive(i)}
                    >
                      <strong>{h.title}</strong> <span class="muted small">{h.detail}</span>
                    </div>
                  );
                })}
              </div>
            ))}
        </div>
        <p class="muted small quick-keys">
          <kbd>↑</kbd> <kbd>↓</kbd> 이동 · <kbd>Enter</kbd> 열기 · <kbd>Esc</kbd> 닫기
        </p>
      </section>
    </div>
  );
}
